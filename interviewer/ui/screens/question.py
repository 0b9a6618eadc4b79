"""Asking one question after another: speak it, record the answer, hear it while it is spoken.

After an answer that missed hint items a follow-up can be asked (the feedback screen's f; in a mock
interview after every such answer when the person chose follow-ups): spoken and answered the same
way, saved as an answer whose parent is the first one.
"""

from __future__ import annotations

import threading

from rich.markup import escape
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from interviewer.domain.hearing.prompt import question_glossary
from interviewer.domain.session import AnswerResult, AnswerRun
from interviewer.errors import InterviewerError
from interviewer.ui import wait_trace
from interviewer.ui.cells import plain
from interviewer.ui.messages import ModelStatus
from interviewer.ui.screens.problem import ProblemScreen, describe
from interviewer.ui.widgets.level_meter import LevelMeter
from interviewer.ui.widgets.target_timer import TargetTimer, format_clock

TICK_S = 0.2
WRAP_UP = "Let's wrap up."  # said at the end of the band (config spoken_cues)
FIX_DEVICE = "plug the microphone back in, or pick another with --input-device (interviewer doctor lists them)"
FIX_FOR_INTERRUPTION = {
    "disk full": "free some disk space, or set recordings_dir to a folder on another disk",
}


class QuestionScreen(Screen):
    BINDINGS = [
        Binding("space,s", "stop", "Stop answering"),
        Binding("r", "replay", "Replay question"),
        Binding("n", "skip", "Skip"),
        Binding("escape,q", "leave", "Quit to banks"),
    ]

    def __init__(self, plan, mode: str = "practice", follow_ups: bool = False) -> None:
        """`follow_ups`: a mock interview asks one after every answer that missed items."""
        super().__init__()
        self.plan, self.mode, self.index, self.follow_ups = plan, mode, 0, follow_ups
        self.follow_up = None  # the FollowUp being asked, else None
        self.follow_up_parent = None  # the AnswerRecord the follow-up follows up
        self.session = None
        self.run: AnswerRun | None = None
        self.state = "idle"
        self.stop_playback = threading.Event()
        self.stop_cue = threading.Event()
        self.notice_shown = False
        self.cues_given: set[str] = set()
        self.pending: list[threading.Thread] = []
        self._ticker = None

    @property
    def planned(self):
        return self.plan[self.index]

    @property
    def follow_up_text(self) -> str:
        return self.follow_up.text if self.follow_up else ""

    @property
    def spoken_text(self) -> str:
        """What the interviewer says: the follow-up being asked, else the question."""
        return self.follow_up_text or self.planned.question.text

    @property
    def target_s(self) -> tuple[int, int]:
        if self.follow_up is not None:
            from interviewer.domain.followup import TARGET_S

            return TARGET_S
        return self.planned.bank.target_for(self.planned.question, self.app.config.target_s)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="progress")
        yield Static("", id="question-text")
        yield Static("", id="exhibit", markup=False)
        yield Static("", id="cue")
        yield TargetTimer(self.target_s, id="timer")
        yield LevelMeter(id="meter")
        yield Static("", id="live")
        yield Static("", id="live-hints")
        yield Static("", id="model-status")
        yield Static("", id="voice")
        yield Footer()

    def on_mount(self) -> None:
        self.app.model.start()
        self.query_one("#model-status", Static).update(f"[dim]{self.app.model.status}[/dim]")
        try:
            self.session = self.app.new_session(self.planned.bank, mode=self.mode)
        except InterviewerError as e:
            self.app.push_screen(ProblemScreen("Cannot save your answers", e), lambda _: self.action_leave())
            return
        self.begin_question()

    def on_model_status(self, message: ModelStatus) -> None:
        self.query_one("#model-status", Static).update(f"[dim]{message.text}[/dim]")

    def begin_question(self) -> None:
        self.state, self.cues_given = "asking", set()
        planned = self.planned
        progress = f"{planned.bank.title} · question {self.index + 1} of {len(self.plan)}"
        progress += " · follow-up" if self.follow_up else ""
        self.query_one("#progress", Static).update(plain((progress, "dim")))
        self.query_one("#question-text", Static).update(asked_text(planned.question.text, self.follow_up_text))
        exhibit = self.query_one("#exhibit", Static)
        exhibit.update(planned.question.exhibit)
        exhibit.display = bool(planned.question.exhibit)
        timer = self.query_one("#timer", TargetTimer)
        timer.target_s, timer.elapsed = self.target_s, 0.0
        timer.watch_elapsed(0.0)
        self.query_one("#live", Static).update("")
        self.query_one("#live-hints", Static).update("")
        self._set_cue("[yellow]◆ Listen to the question…[/yellow]")
        self.speak_question(start_answer_after=True)

    def _set_cue(self, text: str) -> None:
        self.query_one("#cue", Static).update(text)

    @work(thread=True, exclusive=True, group="speech", exit_on_error=False)
    def speak_question(self, start_answer_after: bool) -> None:
        self.stop_playback.clear()
        speaker = self.app.speaker()
        self.app.call_from_thread(self._show_voice, speaker)
        if speaker is None:
            message, fix = describe(self.app.speaker_error)
            self.app.call_from_thread(self._text_only_notice, message, fix)
        else:
            try:
                speaker.say(self.spoken_text, self.stop_playback)
            except Exception as e:  # noqa: BLE001 - the question is on screen; go on as text only
                message, fix = describe(e)
                self.app.call_from_thread(self._text_only_notice, message, fix)
        if start_answer_after and not self.stop_playback.is_set():
            self.app.call_from_thread(self.start_answer)

    def _show_voice(self, speaker) -> None:
        label = speaker.label if speaker is not None else "none: questions are shown as text only"
        self.query_one("#voice", Static).update(f"[dim]voice: {escape(label)}[/dim]")
        if speaker is not None and speaker.notice and not self.notice_shown:
            self.notice_shown = True
            self.notify(speaker.notice, severity="warning", timeout=8)

    @work(thread=True, exclusive=True, group="cue", exit_on_error=False)
    def say_cue(self, text: str) -> None:
        """A time cue in the interviewer's voice, while the person goes on answering."""
        self.stop_cue.clear()
        speaker = self.app.speaker()
        if speaker is not None:
            speaker.say(text, self.stop_cue)

    @work(thread=True, exclusive=True, group="prepare", exit_on_error=False)
    def prepare_next_question(self) -> None:
        """Synthesise the next question into the cache while this one is answered, so it starts at once
        (Piper: about 2 CPU-s for 40 words, beside live transcription's 0.16 CPU-s per second spoken)."""
        speaker = self.app.speaker()
        if speaker is not None and self.index + 1 < len(self.plan):
            speaker.synthesize(self.plan[self.index + 1].question.text)

    def _text_only_notice(self, message: str, fix: str) -> None:
        self.notify(f"Questions are shown as text only: {message}\n{fix}", severity="warning", timeout=8)

    def start_answer(self) -> None:
        if self.state != "asking":
            return
        planned = self.planned
        try:
            recorder = self.app.services.make_recorder()
            glossary = question_glossary(planned.bank, planned.question.text, planned.question.hint)
            self.run = AnswerRun(self.app.store, self.session, planned.question, self.target_s, recorder,
                                 self.app.model.transcriber(), self.app.config.pause_threshold_s,
                                 bank_id=planned.bank.id, glossary=glossary, parent=self.follow_up_parent,
                                 follow_up_text=self.follow_up_text,
                                 careful=self.app.careful_transcriber())  # fmt: skip
            self.run.start()
        except Exception as e:  # noqa: BLE001 - shown as one screen with the fix
            self.state = "failed"
            self.app.push_screen(ProblemScreen("Cannot record your answer", e), lambda _: self.action_leave())
            return
        self.app.active_runs.add(self.run)
        self.state = "answering"
        self.prepare_next_question()
        self._set_cue("[b green]● Answer now[/b green]  [dim](space to stop)[/dim]")
        self._ticker = self.set_interval(TICK_S, self.tick)

    def tick(self) -> None:
        if self.run is None or self.state != "answering":
            return
        try:
            status = self.run.live()
        except Exception as e:  # noqa: BLE001 - the recording goes on; the reason shows when it is finished
            self.query_one("#live", Static).update(f"[yellow]{escape(describe(e)[0])}[/yellow]")
            return
        if status.interrupted:
            self._recording_ended_by_itself(status.interrupted, status.elapsed_s)
            return
        self.query_one("#timer", TargetTimer).elapsed = status.elapsed_s
        self.query_one("#meter", LevelMeter).level = status.level
        pace = f"{status.wpm:.0f} wpm" if status.wpm else "pace after a few sentences"
        behind = (
            f"  [yellow]transcription {status.lag_s:.0f} s behind: it will finish after you stop[/yellow]"
            if status.falling_behind
            else ""
        )
        self.query_one("#live", Static).update(f"[dim]{status.words} words · {pace}[/dim]{behind}")
        self._band_cues(status.elapsed_s)
        if self.app.config.live_hints:
            self._show_live_hints()

    def _show_live_hints(self) -> None:
        lines = [
            f"[green]✓[/green] {escape(point)}" if said else f"[dim]· {escape(point)}[/dim]"
            for point, said in self.run.points_said()
        ]
        self.query_one("#live-hints", Static).update("\n".join(lines))

    def _recording_ended_by_itself(self, reason: str, elapsed_s: float) -> None:
        """The microphone went away or the disk filled: keep what was said, say so, then analyse it."""
        run = self._stop_recording()
        self.state = "finishing"
        self._set_cue(f"[b red]■ Recording stopped: {escape(reason)}[/b red]")
        kept = f"What you said so far ({elapsed_s:.0f} s) is kept and will be analysed now."
        fix = FIX_FOR_INTERRUPTION.get(reason.split(":")[0], FIX_DEVICE)
        self.app.push_screen(
            ProblemScreen("Recording stopped", message=reason, fix=fix, kept=kept), lambda _: self.finish_answer(run)
        )

    def _band_cues(self, elapsed: float) -> None:
        lo, hi = self.target_s
        for mark, text in ((lo, "in the band: land your answer"), (hi, "past the band: wrap up now")):
            if elapsed >= mark and mark not in self.cues_given:
                self.cues_given.add(mark)
                self.app.bell()
                self.notify(f"{format_clock(mark)} — {text}", severity="warning" if mark == hi else "information")
                if mark == hi and self.app.config.spoken_cues:
                    self.say_cue(WRAP_UP)

    def _stop_recording(self) -> AnswerRun | None:
        self.stop_playback.set()
        self.stop_cue.set()
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None
        run, self.run = self.run, None
        if run is not None:
            run.stop()
            self.app.active_runs.discard(run)
        return run

    def action_stop(self) -> None:
        if self.state != "answering":
            return
        wait_trace.mark("stop key")
        run = self._stop_recording()
        wait_trace.mark("recorder stopped")
        if self.mode == "mock" and self.index + 1 < len(self.plan) and not self.follow_ups:
            self._finish_in_background(run)
            self.index += 1
            self.begin_question()
            return
        self.state = "finishing"
        self._set_cue("[cyan]◌ Finishing the transcript…[/cyan]")
        self.finish_answer(run)

    def _finish_in_background(self, run: AnswerRun) -> None:
        thread = threading.Thread(target=self._finish_quietly, args=(run,), daemon=True)
        thread.start()
        self.pending.append(thread)

    @staticmethod
    def _finish_quietly(run: AnswerRun) -> None:
        try:
            if run.finish().refining:
                run.refine()
        except Exception:  # noqa: BLE001 - the answer is kept as 'failed' (or its draft); History can finish it
            pass

    @work(thread=True, group="finish", exit_on_error=False)
    def finish_answer(self, run: AnswerRun) -> None:
        try:
            result = run.finish()
            wait_trace.mark("analysed", result.timings)
        except Exception as e:  # noqa: BLE001 - the recording is on disk; say so
            kept = (
                f"Your answer is saved in {run.store.wav_path(run.session, run.answer)}; "
                "finish it later from History (h)."
            )
            self.app.call_from_thread(
                self.app.push_screen, ProblemScreen("Could not analyse the answer", e, kept=kept), self._after_problem
            )
            return
        for thread in self.pending:
            thread.join()
        if result.refining and self.mode == "mock":
            result = self._refined(run) or result  # the summary comes next: it shows the careful figures
        self.app.call_from_thread(self.show_result, result)
        if result.refining:
            refined = self._refined(run)
            if refined is not None:
                self.app.call_from_thread(self.show_refined, refined)

    def _refined(self, run: AnswerRun) -> AnswerResult | None:
        """The careful hearing's result (None, said in a toast, when it failed: the draft's stands)."""
        try:
            return run.refine()
        except Exception as e:  # noqa: BLE001 - the draft's feedback is saved and shown
            self.app.call_from_thread(self._refine_failed, describe(e)[0])
            return None

    def _refine_failed(self, reason: str) -> None:
        from interviewer.ui.screens.feedback import FeedbackScreen

        if isinstance(self.app.screen, FeedbackScreen):
            self.app.screen.query("#feedback-refining").remove()
        self.notify(f"The second hearing failed ({escape(reason)}); the feedback stands.", severity="warning")

    async def show_refined(self, result: AnswerResult) -> None:
        """Put the careful hearing's feedback on the feedback screen, if it still shows this answer."""
        from interviewer.ui.screens.feedback import FeedbackScreen

        screen = self.app.screen
        if isinstance(screen, FeedbackScreen) and screen.result.answer.number == result.answer.number:
            await screen.refine(result, self._follow_up_after(result))

    def _after_problem(self, _=None) -> None:
        self.action_leave()

    def show_result(self, result: AnswerResult) -> None:
        follow_up = self._follow_up_after(result)
        if self.mode == "mock":
            self._go_on_in_mock(result, follow_up)
            return
        from interviewer.ui.screens.feedback import FeedbackScreen

        self.state = "feedback"
        has_next = self.index + 1 < len(self.plan)
        feedback = FeedbackScreen(self.planned, self.session, result, has_next, follow_up=follow_up)
        self.app.push_screen(feedback, lambda choice: self._after_feedback(choice, feedback.follow_up, result.answer))

    def _follow_up_after(self, result: AnswerResult):
        """The follow-up for a first answer that missed items (a follow-up gets none of its own)."""
        from interviewer.domain.analysis.model import Coverage
        from interviewer.domain.followup import follow_up

        if result.answer.parent is not None or "coverage" not in result.analysis:
            return None
        question = self.planned.question
        return follow_up(question.text, question.hint, Coverage.from_dict(result.analysis["coverage"]))

    def _go_on_in_mock(self, result: AnswerResult, follow_up) -> None:
        if self.follow_ups and follow_up is not None:
            self._ask_follow_up(follow_up, result.answer)
        elif self.index + 1 < len(self.plan):
            self._next_question()
        else:
            self.dismiss()
            self.app.show_mock_summary(self.session)

    def _ask_follow_up(self, follow_up, parent) -> None:
        self.follow_up, self.follow_up_parent = follow_up, parent
        self.begin_question()

    def _next_question(self) -> None:
        self.follow_up = self.follow_up_parent = None
        self.index += 1
        self.begin_question()

    def _after_feedback(self, choice: str | None, follow_up=None, answer=None) -> None:
        if choice == "retry":
            self.begin_question()
        elif choice == "follow-up" and follow_up is not None:
            self._ask_follow_up(follow_up, answer)
        elif choice == "next" and self.index + 1 < len(self.plan):
            self._next_question()
        else:
            self.dismiss()

    def action_replay(self) -> None:
        self.stop_playback.set()
        self.speak_question(start_answer_after=self.state == "asking")

    def action_skip(self) -> None:
        if self.state == "answering":
            run = self._stop_recording()
            self._finish_in_background(run)
            self.notify("Answer kept and analysed in the background; see History.")
        self.stop_playback.set()
        self.state = "idle"
        if self.index + 1 < len(self.plan):
            self._next_question()
        else:
            self.dismiss()

    def action_leave(self) -> None:
        if self.state == "answering":
            run = self._stop_recording()
            self._finish_in_background(run)
            self.notify("Your answer so far is saved and will be analysed; see History.")
        self.stop_playback.set()
        self.state = "idle"
        if self.is_current or self in self.app.screen_stack:
            self.dismiss()


def asked_text(question: str, follow_up_text: str = ""):
    """The question as drawn; a follow-up under the question it follows up."""
    if not follow_up_text:
        return plain((question, "bold"))
    return plain(("Follow-up to: ", "dim"), (question, "dim"), "\n", (follow_up_text, "bold"))
