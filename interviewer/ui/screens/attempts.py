"""Every attempt at one question: figures side by side, what changed, and the transcripts aligned.

The highlighted attempt is compared with the one before it (the latest with its predecessor at first).
`r` posts `AttemptsScreen.RetryRequested(bank_id, question_id)`; the app starts the retry.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.markup import escape
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual_plotext import PlotextPlot

from interviewer.domain.practice.attempts import AlignedChunk, Attempt, Comparison, collect_attempts, compare
from interviewer.domain.storage import SessionStore
from interviewer.ui.cells import plain

COLUMNS = ("When", "Mode", "Length", "Band", "Words/min", "Fillers/min", "Coverage")


def minutes_seconds(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


class AttemptsScreen(Screen[None]):
    CSS_PATH = "practice.tcss"
    BINDINGS = [Binding("r", "retry", "Retry now"), Binding("escape,q", "close", "Back")]

    @dataclass
    class RetryRequested(Message):
        """The person wants to answer this question again now."""

        bank_id: str
        question_id: str

    def __init__(self, store: SessionStore, bank_id: str, question_id: str) -> None:
        super().__init__()
        self.store, self.bank_id, self.question_id = store, bank_id, question_id
        self.attempts: list[Attempt] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(escape(self.question_id), id="attempts-title", classes="practice-title")
        yield DataTable(id="attempts-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="attempts-compare", classes="practice-panel")
        with Horizontal(id="attempts-transcripts"):
            with VerticalScroll(classes="transcript-column", id="before-column"):
                yield Static("", id="attempts-before")
            with VerticalScroll(classes="transcript-column", id="after-column"):
                yield Static("", id="attempts-after")
        yield PlotextPlot(id="attempts-chart")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#attempts-compare").border_title = "What changed"
        self.query_one(DataTable).add_columns(*COLUMNS)
        self.query_one("#attempts-compare", Static).update("Reading your sessions…")
        self.load_attempts()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load_attempts(self) -> None:
        """Reading the sessions takes about 0.65 s for 200 of them: off the UI thread."""
        try:
            attempts = collect_attempts(self.store, self.bank_id, self.question_id)
        except OSError as e:
            self.app.call_from_thread(self.notify, f"Could not read the sessions: {e}", severity="error")
            attempts = []
        self.app.call_from_thread(self._loaded, attempts)

    def _loaded(self, attempts: list[Attempt]) -> None:
        if not self.is_attached:  # closed before the sessions were read
            return
        self.attempts = attempts
        title = attempts[-1].question_text if attempts else self.question_id
        self.query_one("#attempts-title", Static).update(plain(title, (f"  ({len(attempts)} attempts)", "dim")))
        table = self.query_one(DataTable)
        for i, attempt in enumerate(self.attempts):
            table.add_row(*_row(attempt), key=str(i))
        self._draw_chart()
        if self.attempts:
            table.move_cursor(row=len(self.attempts) - 1)
            self._show(len(self.attempts) - 1)
        else:
            self.query_one("#attempts-compare", Static).update("No analysed attempt at this question yet.")
        table.focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show(event.cursor_row)

    def _show(self, index: int) -> None:
        if not 0 <= index < len(self.attempts):
            return
        after = self.attempts[index]
        before = self.attempts[index - 1] if index > 0 else None
        compare_box = self.query_one("#attempts-compare", Static)
        if before is None:
            compare_box.update("The first attempt: nothing to compare with yet. Press r to retry.")
            self._columns(f"Attempt 1 · {_when(after)}", escape(after.transcript), "", "")
            return
        diff = compare(before, after)
        compare_box.update(describe_comparison(diff))
        left, right = render_alignment(diff.chunks)
        self._columns(f"Attempt {index} · {_when(before)}", left, f"Attempt {index + 1} · {_when(after)}", right)

    def _columns(self, left_title: str, left: str, right_title: str, right: str) -> None:
        self.query_one("#before-column").border_title = left_title
        self.query_one("#after-column").border_title = right_title
        self.query_one("#attempts-before", Static).update(left)
        self.query_one("#attempts-after", Static).update(right)

    def _draw_chart(self) -> None:
        plot = self.query_one(PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.title("Length of each attempt (s) against its band")
        if not self.attempts:
            return
        xs = list(range(1, len(self.attempts) + 1))
        plt.plot(xs, [a.figures.duration_s for a in self.attempts], marker="braille")
        plt.scatter(xs, [a.figures.duration_s for a in self.attempts])
        lo, hi = self.attempts[-1].figures.target_s
        plt.horizontal_line(lo, color="green")
        plt.horizontal_line(hi, color="green")
        plt.xticks(xs, [str(x) for x in xs])
        plot.refresh()

    def action_retry(self) -> None:
        self.post_message(self.RetryRequested(self.bank_id, self.question_id))

    def action_close(self) -> None:
        self.dismiss(None)


def describe_comparison(diff: Comparison) -> str:
    """The figures of two attempts with their change; gains in green, losses in red."""
    b, a = diff.before.figures, diff.after.figures
    lines = [
        _change(
            "Length",
            minutes_seconds(b.duration_s),
            minutes_seconds(a.duration_s),
            diff.duration_change_s,
            "s",
            better_when_lower=b.duration_s > b.target_s[1],
        ),
        _change("Pace", f"{b.wpm:.0f}", f"{a.wpm:.0f}", diff.wpm_change, "words/min", better_when_lower=None),
        _change(
            "Fillers",
            f"{b.fillers_per_min:.1f}",
            f"{a.fillers_per_min:.1f}",
            diff.fillers_per_min_change,
            "/min",
            better_when_lower=True,
        ),
        _change(
            "Coverage",
            f"{b.coverage:.0%}",
            f"{a.coverage:.0%}",
            100 * diff.coverage_change,
            "pts",
            better_when_lower=False,
        ),
    ]
    if diff.points_gained:
        lines.append("[green]Gained: " + "; ".join(escape(p) for p in diff.points_gained) + "[/green]")
    if diff.points_lost:
        lines.append("[red]Lost: " + "; ".join(escape(p) for p in diff.points_lost) + "[/red]")
    lines.append(f"[dim]{diff.words_kept_share:.0%} of the earlier words said again[/dim]")
    return "\n".join(lines)


def _change(label: str, before: str, after: str, delta: float, unit: str, better_when_lower: bool | None) -> str:
    colour = ""
    if better_when_lower is not None and abs(delta) > 1e-9:
        colour = "green" if (delta < 0) == better_when_lower else "red"
    shown = f"{delta:+.1f} {unit}" if unit != "s" else f"{delta:+.0f} s"
    change = f"[{colour}]{shown}[/{colour}]" if colour else shown
    return f"{label:<9} {before:>6} → {after:<6} {change}"


def render_alignment(chunks: tuple[AlignedChunk, ...]) -> tuple[str, str]:
    """Two markup texts: words only in the earlier attempt struck in red, only in the later in green."""
    left, right = [], []
    for chunk in chunks:
        before, after = escape(chunk.before), escape(chunk.after)
        if chunk.tag == "equal":
            left.append(before)
            right.append(after)
            continue
        if before:
            left.append(f"[red strike]{before}[/red strike]")
        if after:
            right.append(f"[green]{after}[/green]")
    return " ".join(left), " ".join(right)


def _row(attempt: Attempt) -> tuple[str, ...]:
    f = attempt.figures
    verdict = {"in band": "in band", "long": f"+{f.over_s:.0f} s", "short": f"-{f.under_s:.0f} s"}[f.band_verdict]
    return (
        _when(attempt),
        attempt.session_mode,
        minutes_seconds(f.duration_s),
        verdict,
        f"{f.wpm:.0f}",
        f"{f.fillers_per_min:.1f}",
        f"{f.coverage:.0%}",
    )


def _when(attempt: Attempt) -> str:
    return attempt.started_at.replace("T", " ")[:16]
