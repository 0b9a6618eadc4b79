"""One screen for any fault: what went wrong, what to do, and that nothing was lost."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from interviewer.errors import InterviewerError


def describe(error: BaseException) -> tuple[str, str]:
    """(message, fix) for any error; unknown errors get a generic fix, never a traceback."""
    if isinstance(error, InterviewerError):
        return error.message, error.fix
    return f"{type(error).__name__}: {error}", "run `interviewer doctor` to check every piece"


class ProblemScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,enter", "dismiss", "OK")]

    def __init__(
        self, title: str, error: BaseException | None = None, message: str = "", fix: str = "", kept: str = ""
    ) -> None:
        super().__init__()
        if error is not None:
            message, fix = describe(error)
        self.title_text, self.message, self.fix, self.kept = title, message, fix, kept

    def compose(self) -> ComposeResult:
        with Vertical(id="problem"):
            yield Static(f"[b red]{self.title_text}[/b red]", id="problem-title")
            yield Static(self.message, id="problem-message")
            if self.fix:
                yield Static(f"[b]What to do:[/b] {self.fix}", id="problem-fix")
            if self.kept:
                yield Static(f"[green]{self.kept}[/green]", id="problem-kept")
            yield Button("OK", variant="primary", id="ok")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss()
