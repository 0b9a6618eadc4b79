"""The Textual app: takes its collaborators as arguments; `build_app(config)` wires the real ones."""

from __future__ import annotations

import contextlib
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from interviewer import paths
from interviewer.config import Config
from interviewer.domain.bank import Bank, BrokenBank, Question
from interviewer.domain.storage import SessionRecord, SessionStore
from interviewer.services import ModelLoader, Services
from interviewer.ui.messages import ModelStatus

PRELOAD_SPEAKER_AFTER_S = 1.0  # after the first paint: the home screen settles before voice and model load
# At exit, the loads under way are waited for this long: a native library torn down mid-load aborts the
# process ("terminate called without an active exception", exit 134, seen quitting 1.8 s after start)
SETTLE_LOADS_S = 10.0


@dataclass(frozen=True)
class PlannedQuestion:
    bank: Bank
    question: Question


class InterviewApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "interviewer"
    SUB_TITLE = "say it out loud"
    BINDINGS = [Binding("ctrl+c", "safe_quit", "Quit", show=False, priority=True)]

    def __init__(self, config: Config, services: Services, store: SessionStore, bank_dirs: list[Path]) -> None:
        super().__init__()
        self.config, self.services, self.store, self.bank_dirs = config, services, store, bank_dirs
        self.model = ModelLoader(services.make_transcriber, config.engine, config.model)
        self.model.on_status = lambda text: self.post_message(ModelStatus(text))
        self.careful = self._careful_loader(config, services)
        self._speaker = None
        self._speaker_lock = threading.Lock()
        self.speaker_error: Exception | None = None
        self.active_runs: set = set()
        self._loads_closed = threading.Event()  # set at exit: no background load starts after it
        self._preload_idle = threading.Event()  # clear while preload_speaker runs (a pooled thread: no join)
        self._preload_idle.set()

    @staticmethod
    def _careful_loader(config: Config, services: Services) -> ModelLoader | None:
        """The loader of the model that hears each answer again (None: the draft is final)."""
        from interviewer.config import careful_model

        if services.make_careful_transcriber is None:
            return None
        return ModelLoader(services.make_careful_transcriber, config.engine, careful_model(config))

    def careful_transcriber(self):
        """The careful hearing's Transcriber, or None when there is none or it failed to load."""
        if self.careful is None or self.careful.error is not None:
            return None
        return self.careful.transcriber()

    def get_default_screen(self) -> Screen:
        from interviewer.ui.screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        self.call_after_refresh(self.recover_interrupted)  # after the first paint: nothing delays it
        self.call_after_refresh(self.set_timer, PRELOAD_SPEAKER_AFTER_S, self.preload_speaker)
        probe = os.environ.get("INTERVIEWER_PROBE_FIRST_SCREEN")
        if probe:
            self.call_after_refresh(self._report_first_screen, Path(probe))

    def _report_first_screen(self, path: Path) -> None:
        path.write_text(f"{seconds_since_process_start():.3f}\n")
        self.exit()

    @work(thread=True, group="recovery", exit_on_error=False)
    def recover_interrupted(self) -> None:
        """Answers left unfinished by a crash or a failed analysis: repair, transcribe, analyse."""
        try:
            unfinished = self.store.unfinished()
        except OSError:
            return
        if not unfinished:
            return
        from interviewer.domain.session import recover_answer  # numpy: only when there is work

        self.call_from_thread(
            self.notify,
            f"Found {len(unfinished)} unfinished answer(s) from before; "
            "recovering them now (they will appear in History).",
            timeout=6,
        )
        transcriber, careful = self.model.transcriber(), self.careful_transcriber()
        for session, answer in unfinished:
            try:
                glossary = self.glossary_of(answer.bank_id or session.bank_id, answer.question_text, answer.hint)
                result = recover_answer(
                    self.store, session, answer, transcriber, self.config.pause_threshold_s, glossary, careful
                )
                note = f"Recovered: {answer.question_text[:50]}… ({result.analysis.get('recording_s', 0):.0f} s)"
                self.call_from_thread(self.notify, note)
            except Exception as e:  # noqa: BLE001 - kept as failed; History lists it
                self.call_from_thread(
                    self.notify, f"Could not finish an answer from {session.id}: {e}", severity="warning"
                )

    def on_model_status(self, message: ModelStatus) -> None:
        self.screen.post_message(ModelStatus(message.text))

    def load_banks(self) -> tuple[list[Bank], list[BrokenBank]]:
        from interviewer.domain.bank import discover_banks

        return discover_banks(self.bank_dirs)

    def glossary_of(self, bank_id: str, question_text: str, hint: str) -> tuple[str, ...]:
        """The bank's jargon for a question, as the answer is heard (none when the bank is gone)."""
        from interviewer.domain.hearing.prompt import question_glossary

        bank = next((b for b in self.load_banks()[0] if b.id == bank_id), None)
        return question_glossary(bank, question_text, hint)

    @work(thread=True, group="speaker", exit_on_error=False)
    def preload_speaker(self) -> None:
        """Build the speaker (load the Piper voice, 0.4-0.8 s) before the first question needs it,
        then the Whisper model: loading it while the first sentence is synthesised delayed the first
        audio by 0.3-0.5 s on 2 cores."""
        self._preload_idle.clear()
        try:
            self._preload_voice_and_models()
        finally:
            self._preload_idle.set()

    def _preload_voice_and_models(self) -> None:
        if self._loads_closed.is_set():
            return
        self.speaker()
        if self._loads_closed.is_set():
            return
        self.model.start()
        if self.careful is not None:
            with contextlib.suppress(Exception):  # the draft model's failure is reported where it is used
                self.model.wait()
            if not self._loads_closed.is_set():
                self.careful.start()

    def settle_background_loads(self, timeout_s: float = SETTLE_LOADS_S) -> None:
        """At exit: start no more loads and wait (bounded) for those under way, voice and models."""
        self._loads_closed.set()
        deadline = time.monotonic() + timeout_s
        self._preload_idle.wait(timeout_s)
        for loader in (self.model, self.careful):
            if loader is not None:
                loader.settle(max(0.0, deadline - time.monotonic()))

    def speaker(self):
        """The speaker, built once; None (with `speaker_error` set) when speech is unavailable."""
        with self._speaker_lock:
            if self._speaker is None and self.speaker_error is None:
                try:
                    self._speaker = self.services.make_speaker()
                except Exception as e:  # noqa: BLE001 - shown to the person; questions go on as text
                    self.speaker_error = e
            return self._speaker

    def voice_in_use(self) -> str:
        """The id of the voice reading the questions once the speaker is built (after a fallback, the
        espeak one); before that, the configured id ("" = the default)."""
        profile = getattr(self._speaker, "profile", None)
        return profile.id if profile is not None else self.config.voice

    def new_session(self, bank: Bank, mode: str = "practice") -> SessionRecord:
        return self.store.new_session(
            bank.id,
            bank.title,
            voice=self.voice_in_use(),
            engine=self.config.engine,
            model=self.config.model,
            mode=mode,
            versions=self.services.versions,
        )

    def ask(self, plan: list[PlannedQuestion], mode: str = "practice", follow_ups: bool = False) -> None:
        from interviewer.ui.screens.question import QuestionScreen

        self.push_screen(QuestionScreen(plan, mode=mode, follow_ups=follow_ups))

    def start_mock_setup(self, banks: list[Bank]) -> None:
        from interviewer.domain.practice.plan import plan_interview
        from interviewer.ui.screens.mock_setup import MockSetupScreen

        def start(chosen) -> None:
            if chosen is None:
                return
            by_id = {b.id: b for b in banks}
            planned = plan_interview(banks, chosen.plan, self.store)
            plan = [PlannedQuestion(by_id[p.bank_id], p.question) for p in planned]
            if plan:
                self.ask(plan, mode="mock", follow_ups=chosen.follow_ups)
            else:
                self.notify("No questions match that choice.", severity="warning")

        self.push_screen(MockSetupScreen(banks), start)

    def show_mock_summary(self, session: SessionRecord) -> None:
        from interviewer.ui.screens.mock_summary import MockSummaryScreen

        self.push_screen(MockSummaryScreen(self.store, self.store.load(session.id)))

    def open_history(self) -> None:
        from interviewer.adapters.player import SoundDevicePlayer
        from interviewer.ui.screens.history import HistoryScreen

        player = SoundDevicePlayer(device=self.config.output_device)
        self.push_screen(HistoryScreen(self.store, player=player, speaker=self.speaker()))

    def on_history_screen_finish_requested(self, message) -> None:
        self.finish_answer(message.session_id, message.answer_number)

    @work(thread=True, group="recovery", exit_on_error=False)
    def finish_answer(self, session_id: str, answer_number: int) -> None:
        from interviewer.domain.session import recover_answer

        session = self.store.load(session_id)
        answer = next(a for a in session.answers if a.number == answer_number)
        self.call_from_thread(self.notify, f"Finishing: {answer.question_text[:60]}…")
        try:
            glossary = self.glossary_of(answer.bank_id or session.bank_id, answer.question_text, answer.hint)
            recover_answer(self.store, session, answer, self.model.transcriber(), self.config.pause_threshold_s,
                           glossary, self.careful_transcriber())  # fmt: skip
            self.call_from_thread(self.notify, "Finished; the answer is analysed (reopen History to see it).")
        except Exception as e:  # noqa: BLE001 - shown to the person; the WAV stays on disk
            self.call_from_thread(self.notify, f"Could not finish that answer: {e}", severity="error")

    def on_attempts_screen_retry_requested(self, message) -> None:
        self.practise(message.bank_id, message.question_id)

    def on_practice_queue_screen_practice_requested(self, message) -> None:
        self.practise(message.bank_id, message.question_id)

    def open_progress(self) -> None:
        from interviewer.ui.screens.progress import ProgressScreen

        self.push_screen(ProgressScreen(self.store))

    def open_practice_queue(self, banks: list[Bank]) -> None:
        from interviewer.ui.screens.practice_queue import PracticeQueueScreen

        self.push_screen(PracticeQueueScreen(self.scheduler(), banks, store=self.store))

    def open_attempts(self, bank_id: str, question_id: str) -> None:
        from interviewer.ui.screens.attempts import AttemptsScreen

        self.push_screen(AttemptsScreen(self.store, bank_id, question_id))

    def scheduler(self):
        from interviewer.domain.practice.scheduler import load_scheduler

        return load_scheduler(paths.user_data_dir() / "practice.json")

    def practise(self, bank_id: str, question_id: str) -> None:
        banks, _ = self.load_banks()
        bank = next((b for b in banks if b.id == bank_id), None)
        question = bank.question(question_id) if bank else None
        if question is None:
            self.notify(f"Question {question_id} is no longer in bank {bank_id}.", severity="warning")
            return
        self.ask_one(bank, question)

    def ask_one(self, bank: Bank, question: Question) -> None:
        self.ask([PlannedQuestion(bank, question)])

    def action_safe_quit(self) -> None:
        """Ctrl+C: stop any recording (the answer is kept on disk), then leave."""
        for run in list(self.active_runs):
            try:
                run.stop()
            except Exception:  # noqa: BLE001 - leaving anyway; the WAV on disk is already valid
                pass
        self.exit()


def seconds_since_process_start() -> float:
    """Wall seconds since the OS started this process (Linux /proc, 10 ms ticks), else since import."""
    try:
        start_ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.perf_counter() - _IMPORTED_AT


_IMPORTED_AT = time.perf_counter()


def build_app(config: Config, services: Services | None = None) -> InterviewApp:
    from interviewer.services import real_services

    store = SessionStore(config.recordings_dir)
    bank_dirs = [paths.shipped_banks_dir(), paths.user_banks_dir()]
    return InterviewApp(config, services or real_services(config), store, bank_dirs)


def run_app(config: Config) -> int:
    app = build_app(config)
    try:
        app.run()
    finally:
        app.action_safe_quit() if app.active_runs else None
        app.settle_background_loads()
    return app.return_code or 0
