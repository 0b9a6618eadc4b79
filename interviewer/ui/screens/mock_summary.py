"""The end of a mock interview: total time, each answer against its band, what to work on, cuts.

`r` retries the highlighted answer (the worst one is highlighted first) by posting
`AttemptsScreen.RetryRequested`; `a` opens every attempt at that question.
"""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from interviewer.domain.practice.attempts import Attempt
from interviewer.domain.practice.cuts import suggest_cuts
from interviewer.domain.practice.summary import MockSummary, summarise
from interviewer.domain.storage import SessionRecord, SessionStore
from interviewer.ui.screens.attempts import AttemptsScreen, minutes_seconds

COLUMNS = ("#", "Question", "Length", "Band", "", "Words/min", "Fillers/min", "Coverage")


class MockSummaryScreen(Screen[None]):
    CSS_PATH = "practice.tcss"
    BINDINGS = [
        Binding("r", "retry", "Retry this question"),
        Binding("a", "attempts", "All attempts"),
        Binding("escape,q", "close", "Done"),
    ]

    def __init__(self, store: SessionStore, session: SessionRecord) -> None:
        super().__init__()
        self.store, self.session = store, session
        self.summary: MockSummary = summarise(store, session)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self._totals(), id="summary-totals", classes="practice-title")
        yield DataTable(id="summary-table", cursor_type="row", zebra_stripes=True)
        with Horizontal(id="summary-bottom"):
            yield Static(self._focus(), id="summary-focus", classes="practice-panel")
            yield Static("", id="summary-cuts", classes="practice-panel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#summary-focus").border_title = "To work on"
        self.query_one("#summary-cuts").border_title = "Suggested cuts"
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        for attempt in self.summary.attempts:
            table.add_row(*_row(attempt), key=str(attempt.number))
        worst = self.summary.worst
        if worst is not None:
            table.move_cursor(row=self.summary.attempts.index(worst))
            self._show_cuts(worst)
        table.focus()

    def _totals(self) -> str:
        s = self.summary
        answered = len(s.attempts)
        text = (
            f"Mock interview: {answered} answers in {minutes_seconds(s.total_s)}, "
            f"{s.in_band} of {answered} inside their band · {s.mean_wpm:.0f} words/min · "
            f"{s.fillers_per_min:.1f} fillers/min · coverage {s.mean_coverage:.0%}"
        )
        if s.unanalysed:
            text += f"\n[yellow]{len(s.unanalysed)} answer(s) have no analysis and are left out.[/yellow]"
        return text

    def _focus(self) -> str:
        if not self.summary.focus:
            return "Nothing stands out: every answer was in band, at a good pace, with few fillers."
        return "\n".join(f"{i}. {escape(item)}" for i, item in enumerate(self.summary.focus, 1))

    def highlighted(self) -> Attempt | None:
        table = self.query_one(DataTable)
        if not self.summary.attempts or table.cursor_row is None:
            return None
        return self.summary.attempts[table.cursor_row]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        attempt = self.highlighted()
        if attempt is not None:
            self._show_cuts(attempt)

    def _show_cuts(self, attempt: Attempt) -> None:
        answer = next(a for a in self.session.answers if a.number == attempt.number)
        analysis = self.store.latest_analysis(self.session, answer) or {}
        self.query_one("#summary-cuts", Static).update(describe_cuts(analysis, attempt))

    def action_retry(self) -> None:
        attempt = self.highlighted()
        if attempt is not None:
            self.post_message(AttemptsScreen.RetryRequested(attempt.bank_id, attempt.question_id))

    def action_attempts(self) -> None:
        attempt = self.highlighted()
        if attempt is not None:
            self.app.push_screen(AttemptsScreen(self.store, attempt.bank_id, attempt.question_id))

    def action_close(self) -> None:
        self.dismiss(None)


def _row(attempt: Attempt) -> tuple[str, ...]:
    f = attempt.figures
    verdict = {
        "in band": "[green]in band[/green]",
        "long": f"[red]+{f.over_s:.0f} s[/red]",
        "short": f"[yellow]-{f.under_s:.0f} s[/yellow]",
    }[f.band_verdict]
    return (
        str(attempt.number),
        escape(_shorten(attempt.question_text, 48)),
        minutes_seconds(f.duration_s),
        f"{f.target_s[0]}-{f.target_s[1]} s",
        verdict,
        f"{f.wpm:.0f}",
        f"{f.fillers_per_min:.1f}",
        f"{f.coverage:.0%}",
    )


def describe_cuts(analysis: dict, attempt: Attempt) -> str:
    """Which sentences to drop to bring an over-band answer into band, and the seconds each saves."""
    plan = suggest_cuts(analysis, attempt.figures.target_s)
    if not plan.cuts:
        return f"Answer {attempt.number} is not over its band: nothing to cut."
    lines = [
        f"Answer {attempt.number} is {plan.over_s:.0f} s over. Cutting these saves {plan.saved_s:.0f} s"
        + ("" if plan.brings_into_band else " (not enough on its own)")
        + ":"
    ]
    for cut in plan.cuts:
        lost = [p for p in cut.points if p in plan.points_lost]
        loses = f" [yellow](loses: {escape('; '.join(lost))})[/yellow]" if lost else ""
        lines.append(f"• −{cut.saves_s:.0f} s “{escape(_shorten(cut.text, 90))}”{loses}")
    return "\n".join(lines)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
