"""Right after an answer: everything the analysis found, at a glance, and what to do next.

Selecting a word, a hint point or a moment (a hedge, the flattest sentence ...) plays the answer
from there; space stops it. After a first answer that missed items, f asks a follow-up about the
most important one; a follow-up's feedback shows its coverage alone and together with the first answer.
"""

from __future__ import annotations

import threading

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from interviewer.domain.followup import together_line
from interviewer.domain.session import AnswerResult
from interviewer.ui import wait_trace
from interviewer.ui.cells import plain
from interviewer.ui.screens.question import asked_text
from interviewer.ui.widgets.answer_report import AnswerReport
from interviewer.ui.widgets.hint_checklist import HintChecklist
from interviewer.ui.widgets.moments_list import MomentsList
from interviewer.ui.widgets.transcript_view import TranscriptView

PLAY_LEAD_S = 0.3  # start a little before the chosen word
REFINING = "◌ Hearing your answer again with a better model: this feedback updates in a few seconds."


def refined_note(before: dict, after: dict, model: str) -> str:
    """What the second hearing changed, in one line."""
    figures = (
        ("words", lambda a: a.get("words", 0)),
        ("fillers", lambda a: a.get("fillers", {}).get("total", 0)),
        ("% of hint points", lambda a: round(a.get("coverage", {}).get("ratio", 0) * 100)),
    )
    changes = [f"{name} {get(before)} → {get(after)}" for name, get in figures if get(before) != get(after)]
    return f"Heard again with {model}: {'; '.join(changes) if changes else 'the figures held'}."


class FeedbackScreen(Screen[str]):
    BINDINGS = [
        Binding("t", "retry", "Try again"),
        Binding("n", "next", "Next question"),
        Binding("f", "follow_up", "Follow-up"),
        Binding("a", "attempts", "All attempts"),
        Binding("space", "stop_playback", "Stop playback", show=False),
        Binding("escape,q", "home", "Back to banks"),
    ]

    def __init__(self, planned, session, result: AnswerResult, has_next: bool, follow_up=None) -> None:
        """`follow_up`: the FollowUp f asks (None: no key)."""
        super().__init__()
        self.planned, self.session, self.result, self.has_next = planned, session, result, has_next
        self.follow_up = follow_up
        self.stop_playback = threading.Event()

    def on_mount(self) -> None:
        wait_trace.mark("feedback mounted")
        self.call_after_refresh(wait_trace.mark, "feedback painted")

    def compose(self) -> ComposeResult:
        yield Header()
        asked = asked_text(self.planned.question.text, self.result.answer.follow_up_text)
        yield Static(asked, id="feedback-question")
        together = together_line(self.result.analysis)
        if together:
            yield Static(plain((together, "bold")), id="feedback-together")
        if self.result.refining:
            yield Static(plain((REFINING, "dim")), id="feedback-refining")
        yield AnswerReport(self.result.analysis, "")
        yield Footer()

    async def refine(self, result: AnswerResult, follow_up=None) -> None:
        """The careful hearing's result replaces the draft's on screen."""
        before = self.result.analysis
        self.result, self.follow_up = result, follow_up
        await self.recompose()
        self.refresh_bindings()
        self.notify(refined_note(before, result.analysis, result.transcript.model), timeout=6)

    def on_transcript_view_word_selected(self, message: TranscriptView.WordSelected) -> None:
        self.play_from(message.time_s)

    def on_hint_checklist_point_selected(self, message: HintChecklist.PointSelected) -> None:
        self.play_from(message.time_s)

    def on_moments_list_moment_selected(self, message: MomentsList.MomentSelected) -> None:
        self.play_from(message.time_s)

    def play_from(self, time_s: float) -> None:
        self.stop_playback.set()
        self.stop_playback = threading.Event()
        self._play(max(0.0, time_s - PLAY_LEAD_S), self.stop_playback)

    @work(thread=True, exclusive=True, group="playback", exit_on_error=False)
    def _play(self, start_s: float, stop: threading.Event) -> None:
        from interviewer.adapters.player import SoundDevicePlayer

        try:
            SoundDevicePlayer(self.app.config.output_device).play(self.result.recording.path, start_s, stop=stop)
        except Exception as e:  # noqa: BLE001 - playback is optional; say why it failed
            self.app.call_from_thread(self.notify, f"Cannot play the answer: {e}", severity="warning")

    def action_stop_playback(self) -> None:
        self.stop_playback.set()

    def on_unmount(self) -> None:
        self.stop_playback.set()

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "next" and not self.has_next:
            return False
        if action == "follow_up" and self.follow_up is None:
            return False
        return True

    def action_retry(self) -> None:
        self.dismiss("retry")

    def action_next(self) -> None:
        self.dismiss("next")

    def action_follow_up(self) -> None:
        self.dismiss("follow-up")

    def action_home(self) -> None:
        self.dismiss("home")

    def action_attempts(self) -> None:
        self.app.open_attempts(self.planned.bank.id, self.planned.question.id)
