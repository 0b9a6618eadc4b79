"""Progress over sessions: length, pace, fillers, coverage and share of answers in band, as charts.

One point per session; the bank selector narrows every chart to one bank's answers.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.screen import Screen
from textual.widgets import Footer, Header, Select, Static
from textual_plotext import PlotextPlot

from interviewer.domain.practice.attempts import Attempt, collect_attempts
from interviewer.domain.practice.progress import METRICS, ProgressPoint, banks_in, progress_series
from interviewer.domain.storage import SessionStore

ALL_BANKS = "*all*"


class ProgressScreen(Screen[None]):
    CSS_PATH = "practice.tcss"
    BINDINGS = [Binding("escape,q", "close", "Back")]

    def __init__(self, store: SessionStore, bank_id: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.attempts: list[Attempt] = []
        self.loaded = False
        self.bank_id = bank_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Select([("All banks", ALL_BANKS)], value=ALL_BANKS, allow_blank=False, id="progress-bank")
        yield Static("Reading your sessions…", id="progress-note", classes="practice-note")
        with Grid(id="progress-charts"):
            for metric in METRICS:
                yield PlotextPlot(id=f"chart-{metric}")
        yield Footer()

    def on_mount(self) -> None:
        self.load_history()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load_history(self) -> None:
        """Reading every analysis takes about 1.5 s per 1,000 answers: off the UI thread."""
        try:
            attempts = collect_attempts(self.store)
        except OSError as e:
            self.app.call_from_thread(self.notify, f"Could not read the sessions: {e}", severity="error")
            attempts = []
        self.app.call_from_thread(self._loaded, attempts)

    def _loaded(self, attempts: list[Attempt]) -> None:
        if not self.is_attached:  # closed before the sessions were read
            return
        self.attempts, self.loaded = attempts, True
        select = self.query_one("#progress-bank", Select)
        select.set_options([("All banks", ALL_BANKS)] + [(b, b) for b in banks_in(attempts)])
        select.value = self.bank_id if self.bank_id in banks_in(attempts) else ALL_BANKS
        self._draw()

    @on(Select.Changed, "#progress-bank")
    def _bank_chosen(self, event: Select.Changed) -> None:
        if not self.loaded:
            return
        self.bank_id = None if event.value == ALL_BANKS else str(event.value)
        self._draw()

    def series(self) -> list[ProgressPoint]:
        return progress_series(self.attempts, self.bank_id)

    def _draw(self) -> None:
        points = self.series()
        answers = sum(p.answers for p in points)
        note = (
            f"{len(points)} session{'' if len(points) == 1 else 's'}, {answers} analysed answers"
            if points
            else "No analysed answers yet: answer a question and come back."
        )
        self.query_one("#progress-note", Static).update(note)
        for metric in METRICS:
            draw_metric(self.query_one(f"#chart-{metric}", PlotextPlot), points, metric)

    def action_close(self) -> None:
        self.dismiss(None)


def draw_metric(plot: PlotextPlot, points: list[ProgressPoint], metric: str) -> None:
    """One metric per session, x labelled with the session's date."""
    title, unit = METRICS[metric]
    plt = plot.plt
    plt.clear_data()
    known = [(x, p) for x, p in enumerate(points, start=1) if p.value(metric) is not None]
    plt.title(f"{title} ({unit})" + ("" if known or not points else ": not in these analyses"))
    if known:
        xs = [x for x, _ in known]
        plt.plot(xs, [p.value(metric) for _, p in known], marker="braille")
        plt.scatter(xs, [p.value(metric) for _, p in known])
        step = max(1, len(xs) // 6)
        plt.xticks(xs[::step], [p.started_at[5:10] for _, p in known][::step])
        if unit == "%":
            plt.ylim(0, 100)
    plot.refresh()
