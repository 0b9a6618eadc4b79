"""One saved answer: transcript, hint points and figures; play it from any word, pause or point.

Space plays and pauses; the current word is followed on screen while it plays. Playback and
the question's replay run in worker threads and report back by messages.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from interviewer.domain.storage import AnswerRecord, SessionRecord, SessionStore, safe_name, write_bytes_atomic
from interviewer.reporting.history import current_analysis_version
from interviewer.reporting.marks import FILLER, PAUSE, fmt_clock
from interviewer.ui.cells import plain
from interviewer.ui.screens.confirm import ConfirmScreen
from interviewer.ui.widgets.answer_report import AnswerReport
from interviewer.ui.widgets.hint_checklist import HintChecklist
from interviewer.ui.widgets.moments_list import MomentsList
from interviewer.ui.widgets.transcript_view import TranscriptView

JUMP_S = 5.0  # seconds moved by [ and ]
LEAD_S = 0.3  # start playback this much before a chosen word, so its first sound is heard


@dataclass
class PlaybackPosition(Message):
    seconds: float


@dataclass
class PlaybackEnded(Message):
    seconds: float
    error: str = ""


def export_html(store: SessionStore, session: SessionRecord, folder: Path | None = None) -> Path:
    """The session's HTML report in `folder` (default: the current folder), written atomically."""
    from interviewer.reporting.export import collect, to_html

    target = (folder or Path.cwd()) / f"{safe_name(session.id)}.html"
    write_bytes_atomic(target, to_html(session, collect(store, session)).encode("utf-8"))
    return target.resolve()


class ReviewScreen(Screen):
    DEFAULT_CSS = """
    ReviewScreen #info { height: auto; padding: 0 1; color: $text-muted; }
    ReviewScreen #info.outdated { color: $warning; text-style: bold; }
    ReviewScreen #playback { height: 1; padding: 0 1; background: $boost; }
    """
    BINDINGS = [
        Binding("space", "toggle_play", "Play/Pause", priority=True),
        Binding("left_square_bracket", "jump(-5)", "-5 s"),
        Binding("right_square_bracket", "jump(5)", "+5 s"),
        Binding("comma", "next_mark('filler', -1)", "Prev filler", show=False),
        Binding("full_stop", "next_mark('filler', 1)", "Next filler"),
        Binding("left_curly_bracket", "next_mark('pause', -1)", "Prev pause", show=False),
        Binding("right_curly_bracket", "next_mark('pause', 1)", "Next pause"),
        Binding("0", "play_from(0)", "From start", show=False),
        Binding("q", "replay_question", "Hear question"),
        Binding("r", "rescore", "Re-score"),
        Binding("v", "next_version", "Versions"),
        Binding("e", "export", "Export HTML"),
        Binding("d", "delete", "Delete"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, store: SessionStore, session: SessionRecord, answer: AnswerRecord, player, speaker=None) -> None:
        super().__init__()
        self.store, self.session, self.answer = store, session, answer
        self.player, self.speaker = player, speaker
        self.analyses = store.analyses(session, answer)
        self.shown = len(self.analyses) - 1
        self.position = 0.0
        self.playing = False
        self._stop = threading.Event()
        self._stop_question = threading.Event()

    @property
    def analysis(self) -> dict:
        return self.analyses[self.shown][1] if self.analyses else {}

    @property
    def report(self) -> AnswerReport:
        return self.query_one(AnswerReport)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="info")
        yield AnswerReport(self.analysis, f"{self.answer.number}. {self.answer.title}")
        yield Static(id="playback")
        yield Footer()

    def on_mount(self) -> None:
        self._show_info()
        self._show_playback()
        self.report.transcript.focus()

    def _show_info(self) -> None:
        info = self.query_one("#info", Static)
        version = str(self.analysis.get("analysis_version", "?"))
        current = current_analysis_version()
        when = self.session.started_at.replace("T", " ")[:16]
        text = f"{self.session.bank_title or self.session.bank_id} · {when} · answer {self.answer.number}"
        if self.answer.parent is not None:
            text += f" · follow-up to answer {self.answer.parent}"
        if self.answer.interrupted:
            text += f" · cut short: {self.answer.interrupted}"
        kept = ", ".join(f"v{v}" for v, _ in self.analyses)
        text += f" · analysis v{version}" + (f" (kept: {kept}; v shows another)" if len(self.analyses) > 1 else "")
        outdated = bool(current and version != current)
        if outdated:
            text += (
                f"\nScored by analysis v{version}; the installed one is v{current}: "
                "press r to re-score (this result is kept)."
            )
        from interviewer.domain.followup import together_line  # numpy: only once an answer is shown

        together = together_line(self.analysis)
        info.update(plain(text + (f"\n{together}" if together else "")))
        info.set_class(outdated, "outdated")

    def _show_playback(self) -> None:
        total = float(self.analysis.get("recording_s") or self.answer.recording_s or 0.0)
        at_end = total > 0 and self.position >= total - 0.05
        state = "▶ playing" if self.playing else "■ end" if at_end else "⏸ paused" if self.position else "space: play"
        self.query_one("#playback", Static).update(
            f"{state}  {fmt_clock(self.position)} / {fmt_clock(total)}   "
            "click a word (or enter) to play from it · 0 from the start · , { previous filler, pause"
        )

    # --- playback -----------------------------------------------------------------------

    def play_from(self, seconds: float) -> None:
        self._stop.set()
        self._stop = threading.Event()
        self.position = max(0.0, seconds)
        self.playing = True
        self._show_playback()
        self._play(self.position, self._stop)

    @work(thread=True, exclusive=True, group="playback", exit_on_error=False)
    def _play(self, start: float, stop: threading.Event) -> None:
        try:
            end = self.player.play(
                self.store.wav_path(self.session, self.answer),
                start,
                lambda t: self.post_message(PlaybackPosition(t)) if not stop.is_set() else None,
                stop,
            )
            if self._stop is stop:  # paused or finished; not replaced by a newer play_from
                self.post_message(PlaybackEnded(end))
        except Exception as e:  # noqa: BLE001 - device errors carry a fix; shown, never raised
            self.post_message(PlaybackEnded(start, error=str(e)))

    def on_playback_position(self, message: PlaybackPosition) -> None:
        if self.playing:
            self.position = message.seconds
            self.report.transcript.highlight_time(message.seconds)
            self._show_playback()

    def on_playback_ended(self, message: PlaybackEnded) -> None:
        self.playing = False
        self.position = message.seconds
        if message.error:
            self.notify(message.error, title="Cannot play", severity="error", timeout=8)
        self._show_playback()

    def action_toggle_play(self) -> None:
        if self.playing:
            self.playing = False
            self._stop.set()
            self._show_playback()
            return
        total = float(self.analysis.get("recording_s") or 0.0)
        self.play_from(0.0 if total and self.position >= total - 0.05 else self.position)

    def action_play_from(self, seconds: float) -> None:
        self.play_from(seconds)

    def action_jump(self, step: float) -> None:
        self.play_from(self.position + step)

    def action_next_mark(self, kind: str, direction: int) -> None:
        wanted = FILLER if kind == "filler" else PAUSE
        marks = [m for m in self.report.transcript.marks if m.kind == wanted]
        here = self.position + (0.01 if direction > 0 else -LEAD_S - 0.01)
        found = [m for m in marks if (m.start > here if direction > 0 else m.start < here)]
        if not found:
            self.notify(f"No {'earlier' if direction < 0 else 'later'} {kind}.", timeout=2)
            return
        target = found[0] if direction > 0 else found[-1]
        self.report.transcript.scroll_to_time(target.start)
        self.play_from(max(0.0, target.start - LEAD_S))

    def on_transcript_view_word_selected(self, event: TranscriptView.WordSelected) -> None:
        self.play_from(max(0.0, event.time_s - LEAD_S))

    def on_hint_checklist_point_selected(self, event: HintChecklist.PointSelected) -> None:
        self.play_from(max(0.0, event.time_s - LEAD_S))

    def on_moments_list_moment_selected(self, event: MomentsList.MomentSelected) -> None:
        self.play_from(max(0.0, event.time_s - LEAD_S))

    def action_replay_question(self) -> None:
        speaker = self.speaker
        if speaker is None and callable(getattr(self.app, "speaker", None)):
            speaker = self.speaker = self.app.speaker()
        if speaker is None:
            self.notify("Speech is not available here, so the question cannot be read out.", severity="warning")
            return
        self._stop.set()
        self._stop_question.set()
        self._stop_question = threading.Event()
        self._say_question(speaker, self._stop_question)

    @work(thread=True, exclusive=True, group="question", exit_on_error=False)
    def _say_question(self, speaker, stop: threading.Event) -> None:
        try:
            speaker.play(speaker.synthesize(self.answer.asked), stop)
        except Exception as e:  # noqa: BLE001 - shown to the person
            self.app.call_from_thread(self.notify, str(e), title="Cannot speak", severity="error")

    # --- versions, re-score, export, delete ---------------------------------------------

    def _show_analysis(self, index: int) -> None:
        self.shown = index
        self.report.load(self.analysis)
        self._show_info()
        self._show_playback()

    def action_next_version(self) -> None:
        if len(self.analyses) < 2:
            self.notify("Only one analysis of this answer is kept.")
            return
        self._show_analysis((self.shown + 1) % len(self.analyses))

    def action_rescore(self) -> None:
        current = current_analysis_version()
        latest = str(self.analyses[-1][1].get("analysis_version", "")) if self.analyses else ""
        if not current or latest == current:
            self.notify("Already scored by the installed analysis.")
            return
        self.notify("Re-scoring from the saved audio and transcript; the old result is kept.")
        self._rescore()

    @work(thread=True, exclusive=True, group="rescore", exit_on_error=False)
    def _rescore(self) -> None:
        from interviewer.reporting.rescore import rescore_answer

        try:
            rescore_answer(self.store, self.session, self.answer)
        except Exception as e:  # noqa: BLE001 - shown to the person
            self.app.call_from_thread(self.notify, str(e), title="Re-score failed", severity="error")
            return
        self.app.call_from_thread(self._rescored)

    def _rescored(self) -> None:
        self.analyses = self.store.analyses(self.session, self.answer)
        self._show_analysis(len(self.analyses) - 1)
        self.notify(f"Re-scored: now analysis v{self.analysis.get('analysis_version')}; press v to compare.")

    def action_export(self) -> None:
        try:
            path = export_html(self.store, self.session)
        except OSError as e:
            self.notify(f"Could not save the report: {e}", severity="error")
            return
        self.notify(f"Saved {path}", timeout=8)

    def action_delete(self) -> None:
        def done(yes: bool | None) -> None:
            if yes:
                self._stop.set()
                self.store.delete_answer(self.session, self.answer)
                self.dismiss()

        question = f"Delete answer {self.answer.number}: {self.answer.question_text[:60]}?"
        self.app.push_screen(
            ConfirmScreen(
                question, "Its recording, transcript and every analysis will be removed for good.", yes="Delete"
            ),
            done,
        )

    def action_back(self) -> None:
        self._stop.set()
        self._stop_question.set()
        self.dismiss()

    def on_unmount(self) -> None:
        self._stop.set()
        self._stop_question.set()
