"""Every saved session, newest first: search, open an answer to review, finish, re-score, delete."""

from __future__ import annotations

import time
from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from interviewer.domain.storage import SessionStore
from interviewer.reporting.history import History, HistoryRow, current_analysis_version, load_history
from interviewer.reporting.marks import fmt_clock
from interviewer.ui.cells import plain_cells
from interviewer.ui.screens.confirm import ConfirmScreen

COLUMNS = ("When", "Bank", "Question", "Length", "WPM", "Fillers/min", "Pauses", "Coverage", "Pitch", "Hedges", "State")
QUESTION_WIDTH = 44  # cells of question text shown
SEARCH_DELAY_S = 0.25  # the list is filtered once typing pauses this long
MAX_TABLE_ROWS = 300  # Textual's DataTable takes ~1.3 ms a row to fill; search reaches the rest


def answer_state(row: HistoryRow, current: str | None) -> str:
    answer = row.answer
    if answer.status == "recording":
        return "⚠ interrupted: finish (f)"
    if answer.status == "recorded":
        return "⚠ not analysed: finish (f)"
    if answer.status == "failed":
        return "✗ analysis failed: finish (f)"
    if answer.status == "drafted":
        return "◌ heard once: finish (f)"
    if row.outdated(current):
        return f"↻ older analysis v{row.summary.analysis_version}: r"
    if not row.summary.reliable:
        return "⚠ figures unreliable"
    return "✓ cut short" if answer.interrupted else "✓"


def _answer_cells(row: HistoryRow, current: str | None) -> tuple:
    s = row.summary
    text = f"↳ {row.answer.follow_up_text}" if row.answer.follow_up_text else row.answer.question_text
    question = f"{row.answer.number}. " + (text if len(text) <= QUESTION_WIDTH else text[: QUESTION_WIDTH - 1] + "…")

    def num(value, fmt: str) -> str:
        return "" if value is None else format(value, fmt)

    return (
        "",
        "",
        question,
        fmt_clock(s.duration_s) if s.duration_s is not None else "",
        num(s.wpm, ".0f"),
        num(s.fillers_per_min, ".1f"),
        num(s.long_pauses, "d"),
        num(s.coverage, ".0%"),
        "" if s.pitch_spread_st is None else f"{s.pitch_spread_st:.1f} st",
        num(s.hedges_per_min, ".1f"),
        answer_state(row, current),
    )


def _session_cells(rows: list[HistoryRow]) -> tuple:
    session = rows[0].session
    total = sum(r.summary.duration_s or 0.0 for r in rows)
    unfinished = sum(1 for r in rows if r.answer.unfinished)
    state = f"⚠ {unfinished} unfinished" if unfinished else ""
    return (
        session.started_at.replace("T", " ")[:16],
        session.bank_title or session.bank_id,
        f"{len(rows)} answered",
        fmt_clock(total),
        "",
        "",
        "",
        "",
        "",
        "",
        state,
    )


@dataclass
class HistoryLoaded(Message):
    history: History
    disk_bytes: int
    ms: float


class HistoryScreen(Screen):
    """Enter opens the highlighted answer (or a session's first answer) in the review screen."""

    DEFAULT_CSS = """
    HistoryScreen #search { margin: 0 1; }
    HistoryScreen DataTable { height: 1fr; }
    HistoryScreen #status { height: 1; padding: 0 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("slash", "search", "Search"),
        Binding("f", "finish", "Finish"),
        Binding("r", "rescore", "Re-score"),
        Binding("d", "delete", "Delete"),
        Binding("e", "export", "Export HTML"),
        Binding("escape", "back", "Back"),
    ]

    class FinishRequested(Message):
        """The person asked to finish an interrupted or failed answer; the app owns the engines."""

        def __init__(self, session_id: str, answer_number: int) -> None:
            super().__init__()
            self.session_id = session_id
            self.answer_number = answer_number

    def __init__(self, store: SessionStore, player=None, speaker=None) -> None:
        super().__init__()
        self.store, self.player, self.speaker = store, player, speaker
        self.history = History()
        self.current = current_analysis_version()
        self.load_ms = 0.0
        self.disk_bytes = 0
        self.loads = 0  # how many times the history was read (tests wait on it)
        self._suspended = False
        self._search_timer = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="/ search: date, bank, question or words you said", id="search")
        yield DataTable(id="answers", cursor_type="row", zebra_stripes=True)
        yield Static(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(*COLUMNS)
        self.reload()
        self.query_one(DataTable).focus()

    def on_screen_suspend(self) -> None:
        self._suspended = True

    def on_screen_resume(self) -> None:
        if self._suspended:  # back from a review, which may have re-scored or deleted something
            self._suspended = False
            self.reload()

    def reload(self) -> None:
        """Read the store again in a thread (the first read of a big store takes seconds); refill when done."""
        if not self.loads:
            self.query_one("#status", Static).update("Reading saved sessions…")
        self._load()

    @work(thread=True, exclusive=True, group="history-load", exit_on_error=False)
    def _load(self) -> None:
        started = time.perf_counter()
        try:
            history, disk_bytes = load_history(self.store), self.store.disk_usage()
        except OSError as e:
            self.app.call_from_thread(self.notify, f"Cannot read {self.store.root}: {e}", severity="error")
            return
        self.post_message(HistoryLoaded(history, disk_bytes, (time.perf_counter() - started) * 1000))

    def on_history_loaded(self, message: HistoryLoaded) -> None:
        self.history, self.disk_bytes, self.load_ms = message.history, message.disk_bytes, message.ms
        self.loads += 1
        self.refill()

    def visible_rows(self) -> list[HistoryRow]:
        query = self.query_one("#search", Input).value
        return [r for r in self.history.rows if r.matches(query)]

    def refill(self) -> None:
        """Rebuild the table from the loaded history; the cursor stays on the same row if it still exists."""
        table = self.query_one(DataTable)
        keep = self._cursor_key()
        table.clear()
        rows = self.visible_rows()
        by_session: dict[str, list[HistoryRow]] = {}
        for row in rows:
            by_session.setdefault(row.session.id, []).append(row)
        shown = 0
        for session_id, answers in by_session.items():
            if table.row_count + len(answers) + 1 > MAX_TABLE_ROWS:
                break
            table.add_row(*plain_cells(*_session_cells(answers)), key=f"s:{session_id}")
            for row in answers:
                table.add_row(*plain_cells(*_answer_cells(row, self.current)), key=f"a:{row.key}")
            shown += len(answers)
        for broken in self.history.broken:
            table.add_row(
                broken.id[:16],
                "",
                broken.problem[:QUESTION_WIDTH],
                "",
                "",
                "",
                "",
                "",
                "✗ broken",
                key=f"b:{broken.id}",
            )
        if keep in table.rows:
            table.move_cursor(row=table.get_row_index(keep))
        self._show_status(rows, len(by_session), shown)

    def _cursor_key(self) -> str:
        table = self.query_one(DataTable)
        if not table.row_count:
            return ""
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or ""

    def _show_status(self, rows: list[HistoryRow], sessions: int, shown: int) -> None:
        unfinished = sum(1 for r in rows if r.answer.unfinished)
        outdated = sum(1 for r in rows if r.outdated(self.current))
        parts = [f"{sessions} session(s)", f"{len(rows)} answer(s)"]
        parts += [f"{unfinished} unfinished"] if unfinished else []
        parts += [f"{outdated} scored by an older analysis"] if outdated else []
        parts.append(f"{self.disk_bytes / 1e6:.1f} MB on disk")
        if shown < len(rows):
            parts.append(f"newest {shown} shown: search (/) to find older ones")
        self.query_one("#status", Static).update(" · ".join(parts))

    def on_input_changed(self, event: Input.Changed) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DELAY_S, self.refill)  # once typing pauses

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(DataTable).focus()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_back(self) -> None:
        search = self.query_one("#search", Input)
        if search.has_focus or search.value:
            search.value = ""
            self.query_one(DataTable).focus()
            return
        self.dismiss()

    # --- what the cursor is on ----------------------------------------------------------

    def selected_rows(self) -> list[HistoryRow]:
        """The highlighted answer, or every answer of the highlighted session."""
        kind, _, rest = self._cursor_key().partition(":")
        if kind == "a":
            return [r for r in self.history.rows if r.key == rest]
        if kind == "s":
            return [r for r in self.history.rows if r.session.id == rest]
        return []

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        rows = [r for r in self.selected_rows() if self.store.latest_analysis(r.session, r.answer)]
        if not rows:
            self.notify("Nothing to review yet: this answer is not analysed (f finishes it).", severity="warning")
            return
        self.open_review(rows[0])

    def open_review(self, row: HistoryRow) -> None:
        from interviewer.ui.screens.review import ReviewScreen

        self.app.push_screen(ReviewScreen(self.store, row.session, row.answer, self._player(), self._speaker()))

    def _player(self):
        if self.player is None:
            from interviewer.adapters.player import SoundDevicePlayer

            config = getattr(self.app, "config", None)
            self.player = SoundDevicePlayer(getattr(config, "output_device", "") or "")
        return self.player

    def _speaker(self):
        if self.speaker is None and callable(getattr(self.app, "speaker", None)):
            return self.app.speaker()
        return self.speaker

    # --- actions ------------------------------------------------------------------------

    def action_finish(self) -> None:
        rows = [r for r in self.selected_rows() if r.answer.unfinished]
        if not rows:
            self.notify("Only interrupted or unanalysed answers need finishing.")
            return
        for row in rows:
            self.post_message(self.FinishRequested(row.session.id, row.answer.number))
        self.notify(f"Finishing {len(rows)} answer(s)…")

    def action_rescore(self) -> None:
        rows = [r for r in self.selected_rows() if r.outdated(self.current)]
        if not rows:
            self.notify("These answers are already scored by the installed analysis.")
            return
        self.notify(f"Re-scoring {len(rows)} answer(s); the old results are kept.")
        self._rescore(rows)

    @work(thread=True, exclusive=True, group="rescore", exit_on_error=False)
    def _rescore(self, rows: list[HistoryRow]) -> None:
        from interviewer.reporting.rescore import rescore_answer

        for row in rows:
            try:
                rescore_answer(self.store, row.session, row.answer)
            except Exception as e:  # noqa: BLE001 - shown; the other answers go on
                self.app.call_from_thread(self.notify, f"Answer {row.answer.number}: {e}", severity="error")
        self.app.call_from_thread(self.reload)

    def action_delete(self) -> None:
        rows = self.selected_rows()
        key = self._cursor_key()
        if not rows:
            return
        if key.startswith("s:"):
            question = f"Delete the whole session of {rows[0].session.started_at[:16].replace('T', ' ')}?"
            detail = f"{len(rows)} answer(s) and their recordings will be removed for good."
        else:
            question = f"Delete answer {rows[0].answer.number}: {rows[0].answer.question_text[:60]}?"
            detail = "Its recording, transcript and every analysis will be removed for good."

        def done(yes: bool | None) -> None:
            if not yes:
                return
            session = rows[0].session
            if key.startswith("s:"):
                self.store.delete_session(session)
            else:
                self.store.delete_answer(session, rows[0].answer)
            self.notify("Deleted.")
            self.reload()

        self.app.push_screen(ConfirmScreen(question, detail, yes="Delete"), done)

    def action_export(self) -> None:
        rows = self.selected_rows()
        if rows:
            from interviewer.ui.screens.review import export_html

            path = export_html(self.store, rows[0].session)
            self.notify(f"Saved {path}", timeout=8)
