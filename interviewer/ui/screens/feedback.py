"""Right after an answer: everything the analysis found, at a glance, and what to do next."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from interviewer.domain.session import AnswerResult
from interviewer.ui.widgets.answer_report import AnswerReport


class FeedbackScreen(Screen[str]):
    BINDINGS = [
        Binding("t", "retry", "Try again"),
        Binding("n", "next", "Next question"),
        Binding("a", "attempts", "All attempts"),
        Binding("escape,q", "home", "Back to banks"),
    ]

    def __init__(self, planned, session, result: AnswerResult, has_next: bool) -> None:
        super().__init__()
        self.planned, self.session, self.result, self.has_next = planned, session, result, has_next

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"[b]{self.planned.question.text}[/b]", id="feedback-question")
        yield AnswerReport(self.result.analysis, self.planned.question.text)
        yield Footer()

    def on_mount(self) -> None:
        if not self.has_next:
            self.query_one(Footer).refresh_bindings() if hasattr(Footer, "refresh_bindings") else None

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "next" and not self.has_next:
            return False
        return True

    def action_retry(self) -> None:
        self.dismiss("retry")

    def action_next(self) -> None:
        self.dismiss("next")

    def action_home(self) -> None:
        self.dismiss("home")

    def action_attempts(self) -> None:
        self.app.open_attempts(self.planned.bank.id, self.planned.question.id)
