"""Weak spots on a spaced schedule: the questions due for practice now, and what was wrong last time.

Enter posts `PracticeQueueScreen.PracticeRequested(bank_id, question_id)`; `k` marks a question as
known (it leaves the queue) or back; `u` shows every scheduled question, not only the due ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from rich.markup import escape
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from interviewer.domain.bank import Bank
from interviewer.domain.practice.attempts import collect_attempts
from interviewer.domain.practice.scheduler import PracticeScheduler, ReviewState
from interviewer.domain.storage import SessionStore
from interviewer.errors import InterviewerError

COLUMNS = ("Question", "Bank", "Due", "Last grade")


class PracticeQueueScreen(Screen[None]):
    CSS_PATH = "practice.tcss"
    BINDINGS = [
        Binding("enter", "practise", "Practise it"),
        Binding("k", "known", "Mark known / unmark"),
        Binding("u", "toggle_all", "Due only / all"),
        Binding("escape,q", "close", "Back"),
    ]

    @dataclass
    class PracticeRequested(Message):
        bank_id: str
        question_id: str

    def __init__(self, scheduler: PracticeScheduler, banks: Sequence[Bank], store: SessionStore | None = None) -> None:
        """`store`, when given, is graded into the schedule first (answers not graded yet)."""
        super().__init__()
        self.scheduler, self.banks, self.store = scheduler, list(banks), store
        self.show_all = False
        self.rows: list[ReviewState] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="queue-title", classes="practice-title")
        yield DataTable(id="queue-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="queue-reasons", classes="practice-panel")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        self.query_one("#queue-reasons").border_title = "Last time"
        table.focus()
        if self.store is None:
            self._fill()
        else:
            self.query_one("#queue-title", Static).update("Grading your latest answers…")
            self.grade_new_answers()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def grade_new_answers(self) -> None:
        """Reading every analysis takes about 1.5 s per 1,000 answers: off the UI thread."""
        try:
            self.scheduler.sync(collect_attempts(self.store))
        except (OSError, InterviewerError) as e:
            self.app.call_from_thread(self.notify, f"Could not grade the latest answers: {e}", severity="error")
        self.app.call_from_thread(self._fill)

    def _fill(self) -> None:
        if not self.is_attached:  # closed before the sessions were read
            return
        now = self.scheduler.now()
        self.rows = self.scheduler.upcoming() if self.show_all else self.scheduler.due(now)
        table = self.query_one(DataTable)
        table.clear()
        for state in self.rows:
            table.add_row(
                escape(self._question_text(state)),
                state.bank_id,
                _due_text(state, now),
                state.last_grade or "-",
                key=f"{state.bank_id}/{state.question_id}",
            )
        what = "scheduled" if self.show_all else "due now"
        self.query_one("#queue-title", Static).update(
            f"Weak spots: {len(self.rows)} question(s) {what}"
            + ("" if self.rows or self.show_all else " · press u to see every scheduled question")
        )
        self._show_reasons()

    def _question_text(self, state: ReviewState) -> str:
        own = [b for b in self.banks if b.id == state.bank_id]
        others = [b for b in self.banks if b.id != state.bank_id]
        question = next((q for b in own + others if (q := b.question(state.question_id))), None)
        return question.text if question else f"{state.question_id} (no longer in any bank)"

    def highlighted(self) -> ReviewState | None:
        row = self.query_one(DataTable).cursor_row
        return self.rows[row] if self.rows and row is not None and 0 <= row < len(self.rows) else None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_reasons()

    def _show_reasons(self) -> None:
        state = self.highlighted()
        text = "" if state is None else ("; ".join(state.last_reasons) or "nothing to work on")
        self.query_one("#queue-reasons", Static).update(escape(text))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_practise()  # the table takes enter itself; selecting a row means "practise it"

    def action_practise(self) -> None:
        state = self.highlighted()
        if state is not None:
            self.post_message(self.PracticeRequested(state.bank_id, state.question_id))

    def action_known(self) -> None:
        state = self.highlighted()
        if state is None:
            return
        self.scheduler.mark_known(state.bank_id, state.question_id, known=not state.known)
        self.notify(("Marked as known: " if state.known else "Back in the queue: ") + self._question_text(state)[:60])
        self._fill()

    def action_toggle_all(self) -> None:
        self.show_all = not self.show_all
        self._fill()

    def action_close(self) -> None:
        self.dismiss(None)


def _due_text(state: ReviewState, now: datetime) -> str:
    if state.known:
        return "known"
    seconds = (state.card.due - now).total_seconds()
    span = _span(abs(seconds))
    return f"overdue {span}" if seconds < -60 else "now" if seconds <= 60 else f"in {span}"


def _span(seconds: float) -> str:
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    if seconds < 86400:
        return f"{seconds / 3600:.0f} h"
    return f"{seconds / 86400:.0f} d"
