"""One answer, driven only through ports: record, hear while recording, finish, analyse, save.

The UI calls these from its workers; nothing here knows about screens, devices or engines.
"""

from __future__ import annotations

import bisect
import contextlib
import threading
import time
from dataclasses import dataclass, field

import numpy as np

from interviewer.domain.bank import Question
from interviewer.domain.hearing.careful import final_transcript
from interviewer.domain.hearing.pitch import PitchFollower, RawTrack
from interviewer.domain.hearing.syllables import LiveRate
from interviewer.domain.ports import SAMPLE_RATE, Recorder, RecordingInfo, Transcriber
from interviewer.domain.storage import ANALYSED, DRAFTED, FAILED, RECORDED, AnswerRecord, SessionRecord, SessionStore
from interviewer.domain.transcript import Transcript, Word
from interviewer.errors import StorageError

LAST_BLOCKS_WAIT_S = 10.0  # the recorder's pump hands over its last blocks well within this


@dataclass(frozen=True)
class LiveStatus:
    elapsed_s: float
    level: float
    words: int
    wpm: float | None
    lag_s: float
    falling_behind: bool
    interrupted: str = ""  # the recorder stopped by itself (device lost, disk full): why


@dataclass
class AnswerResult:
    answer: AnswerRecord
    transcript: Transcript
    analysis: dict
    recording: RecordingInfo | None = None
    notes: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per step of `AnswerRun.finish`
    refining: bool = False  # a careful hearing is still under way: `AnswerRun.refine()` will replace this


class AnswerRun:
    """Records one answer to `question` into `session`, transcribing it while it is spoken."""

    def __init__(
        self,
        store: SessionStore,
        session: SessionRecord,
        question: Question,
        target_s: tuple[int, int],
        recorder: Recorder,
        transcriber: Transcriber,
        pause_threshold_s: float = 2.0,
        bank_id: str = "",
        glossary: tuple[str, ...] = (),
        parent: AnswerRecord | None = None,
        follow_up_text: str = "",
        careful: Transcriber | None = None,
    ) -> None:
        """A follow-up names the `parent` answer it follows up and what was asked (`follow_up_text`).
        `careful`, a slower and better transcriber, hears the answer too; its words replace the
        draft's (hearing/careful.py): `finish()` uses them as far as it got, `refine()` all of them."""
        self.store, self.session, self.question, self.bank_id = store, session, question, bank_id
        self.parent, self.follow_up_text = parent, follow_up_text
        self.glossary = glossary  # the bank's jargon for this question, told to Whisper
        self.target_s, self.recorder, self.transcriber, self.careful = target_s, recorder, transcriber, careful
        self.pause_threshold_s = pause_threshold_s
        self.answer: AnswerRecord | None = None
        self.recording: RecordingInfo | None = None
        self._streamer = None
        self._careful_streamer = None
        self._draft = Transcript()  # the draft's whole transcript, from `finish()`
        self._rate = None  # the live pace, from the sound (hearing/syllables.LiveRate)
        self._pitch = PitchFollower()  # the recording's pitch, tracked while it is made
        self._stopped = threading.Lock()
        self._points_cache: tuple[int, list[tuple[str, bool]]] = (-1, [])
        self.warmed = threading.Event()  # set when the analysis has been warmed (`start`)

    @property
    def streamer(self):
        """The answer's StreamingTranscriber (None before `start`): its stats, for the benchmark."""
        return self._streamer

    @property
    def pitch_follower(self) -> PitchFollower:
        """The recording's pitch, tracked while it is made."""
        return self._pitch

    @property
    def careful_streamer(self):
        """The careful hearing's StreamingTranscriber (None without one): its stats, for the benchmark."""
        return self._careful_streamer

    def start(self) -> AnswerRecord:
        from interviewer.domain.hearing.stream import StreamingTranscriber
        from interviewer.domain.hearing.stream_info import StreamingOptions

        q, parent = self.question, self.parent.number if self.parent else None
        self.answer = self.store.start_answer(self.session, q.id, q.text, q.hint, self.target_s, bank_id=self.bank_id,
                                              parent=parent, follow_up_text=self.follow_up_text)  # fmt: skip
        self._streamer = StreamingTranscriber(self.transcriber, self.answer.asked, q.hint, glossary=self.glossary)
        self.recorder.add_listener(self._streamer.feed)
        if self.careful is not None:
            # never decoded ahead: at stop the draft answers first, so a speculation would only be waste
            no_speculation = StreamingOptions(speculate_after_s=None)
            self._careful_streamer = StreamingTranscriber(self.careful, self.answer.asked, q.hint,
                                                          options=no_speculation, glossary=self.glossary,
                                                          yields_to=self._streamer)  # fmt: skip
            self.recorder.add_listener(self._careful_streamer.feed)
        self._rate = LiveRate()
        self.recorder.add_listener(self._rate.feed)
        self.recorder.add_listener(self._pitch.feed)
        self.recorder.start(self.store.wav_path(self.session, self.answer))
        _warm_in_background(q.hint, self.target_s, self.pause_threshold_s, self.warmed)
        return self.answer

    def live(self) -> LiveStatus:
        elapsed = self.recorder.elapsed()
        words = self._streamer.snapshot().words if self._streamer else ()
        ends = [w.end for w in words]
        wpm = self._rate.wpm(lambda t: bisect.bisect_right(ends, t)) if self._rate else None
        lag = self._streamer.lag_s() if self._streamer else 0.0
        behind = bool(self._streamer and self._streamer.falling_behind)
        interrupted = getattr(self.recorder, "interrupted", "") or ""
        return LiveStatus(elapsed, self.recorder.level(), len(words), wpm, lag, behind, interrupted)

    def points_said(self) -> list[tuple[str, bool]]:
        """The hint's points and whether each was said so far (for the optional live checklist)."""
        words = self._streamer.snapshot().words if self._streamer else ()
        if self._points_cache[0] != len(words):
            self._points_cache = (len(words), live_coverage(words, self.question.hint))
        return self._points_cache[1]

    def stop(self) -> RecordingInfo:
        """Stop recording (idempotent); the WAV is complete on disk when this returns."""
        with self._stopped:
            if self.recording is None:
                self.recording = self.recorder.stop()
                self._record_stop()
        return self.recording

    def _record_stop(self) -> None:
        """Note the stop in session.json; on a full disk the WAV is still whole and the answer,
        left 'recording' there, is recovered at the next start."""
        with contextlib.suppress(StorageError):
            self.store.update_answer(
                self.session,
                self.answer,
                status=RECORDED,
                recording_s=round(self.recording.seconds, 3),
                interrupted=self.recording.interrupted,
            )

    def finish(self) -> AnswerResult:
        """Transcribe what is left, analyse, save. Blocking: call from a worker thread.

        With a careful hearing, its words are used as far as it got and the draft's after that;
        the result says `refining`, and `refine()` makes it again from the careful words alone.
        The result's `timings` says where the time went: `stop` (0 when the UI stopped the
        recorder already), `read_wav` (while the worker still decodes), `transcribe_rest`,
        `analyse`, `save`.
        """
        timer = _StepTimer()
        recording = timer.run("stop", self.stop)
        if self._careful_streamer is not None:
            self._careful_streamer.hold()  # the draft's last chunk first: the person is waiting for it
        try:
            audio = timer.run("read_wav", _read_recording, recording)
            transcript = timer.run("transcribe_rest", _finished, self._streamer, recording)
            self._draft = transcript
            if self._careful_streamer is not None:
                transcript = self._careful_so_far(transcript)
            result = timer.run("analyse", self._analyse, transcript, audio)
            refining = self._careful_streamer is not None and transcript.model != self.careful.model
            timer.run("save", self._save, transcript, result, DRAFTED if refining else ANALYSED)
        except Exception as e:
            self.store.update_answer(self.session, self.answer, status=FAILED, error=str(e))
            raise
        finally:
            if self._careful_streamer is not None:
                self._careful_streamer.go_on()
        if self._careful_streamer is not None and not refining:
            self._careful_streamer.cancel()  # it heard every word already: its worker may end
        return AnswerResult(self.answer, transcript, result, self.recording, timings=timer.seconds, refining=refining)

    def refine(self) -> AnswerResult:
        """After `finish()`: the careful hearing's whole transcript, analysed and saved over the draft's.
        Blocking (a second or more after stop). Raises what the careful transcriber raised: the
        draft's result stays saved."""
        timer = _StepTimer()
        try:
            careful = timer.run("transcribe_rest", _finished, self._careful_streamer, self.recording)
        except Exception:
            self.store.update_answer(self.session, self.answer, status=ANALYSED)  # the draft's stands
            raise
        transcript = final_transcript(careful, self._draft)
        audio = timer.run("read_wav", _read_recording, self.recording)
        result = timer.run("analyse", self._analyse, transcript, audio)
        timer.run("save", self._save, transcript, result)
        return AnswerResult(self.answer, transcript, result, self.recording, timings=timer.seconds)

    def _analyse(self, transcript: Transcript, audio: np.ndarray) -> dict:
        return analyse_answer(transcript, audio, self.question.hint, self.target_s, self.pause_threshold_s,
                              self.answer.asked, self._pitch.raw_track_of(audio))  # fmt: skip

    def _careful_so_far(self, draft: Transcript) -> Transcript:
        streamer = self._careful_streamer
        return final_transcript(streamer.snapshot(), draft, streamer.heard_until_s())

    def _save(self, transcript: Transcript, result: dict, status: str = ANALYSED) -> None:
        save_result(self.store, self.session, self.answer, transcript, result, status)


def _finished(streamer, recording: RecordingInfo) -> Transcript:
    """A stream's whole transcript: wait (briefly) for the recorder's last blocks, then for its worker."""
    try:
        return streamer.finish(timeout=LAST_BLOCKS_WAIT_S, total_samples=recording.samples)
    except TimeoutError:
        return streamer.finish()


def save_result(store: SessionStore, session: SessionRecord, answer: AnswerRecord, transcript: Transcript,
                result: dict, status: str = ANALYSED) -> None:  # fmt: skip
    """Save the transcript and the analysis (a follow-up's with `together`); `status` DRAFTED when a
    careful hearing is still to replace them."""
    add_together(store, session, answer, result)
    store.save_transcript(session, answer, transcript.to_dict())
    store.save_analysis(session, answer, result, result["analysis_version"], status)


def add_together(store: SessionStore, session: SessionRecord, answer: AnswerRecord, result: dict) -> None:
    """A follow-up's analysis gets `together`: the coverage of its parent and it combined (when the
    parent was analysed)."""
    parent = next((a for a in session.answers if a.number == answer.parent), None)
    first = store.latest_analysis(session, parent) if parent is not None else None
    if first is not None and "coverage" in first:
        from interviewer.domain.followup import combined_coverage

        result["together"] = combined_coverage(first["coverage"], result["coverage"])


class _StepTimer:
    """Wall seconds of each named step, in order."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def run(self, name: str, step, *args):
        t0 = time.perf_counter()
        try:
            return step(*args)
        finally:
            self.seconds[name] = round(time.perf_counter() - t0, 4)


def analyse_answer(
    transcript: Transcript,
    audio: np.ndarray,
    hint: str,
    target_s: tuple[int, int],
    pause_threshold_s: float,
    question: str = "",
    pitch: RawTrack | None = None,
) -> dict:
    """The analysis and its score as one dict, the shape saved beside every answer; `pitch`, the
    recording's raw pitch track if it was followed while recording."""
    from interviewer.domain.analysis import analyse
    from interviewer.domain.scoring import score

    analysis = analyse(
        transcript, audio, hint, target_s=target_s, pause_threshold_s=pause_threshold_s, question=question, pitch=pitch
    )
    data = analysis.to_dict()
    data.setdefault("score", _score_dict(score(analysis)))
    return data


WARM_UP_S = 1.0  # the length of the made-up answer the analysis is warmed on


def _warm_in_background(hint: str, target_s: tuple[int, int], pause_threshold_s: float, done: threading.Event) -> None:
    """Analyse a made-up answer of the hint's own words while the person speaks, so the first real
    analysis finds its modules loaded, its patterns compiled and the hint's terms compared already
    (the bench answer's first analysis in a fresh process: 0.26-0.45 s cold, 0.19-0.31 s after this).
    `done` is set when it has run."""

    def warm() -> None:
        try:
            texts = hint.split() or ["answer"]
            step = WARM_UP_S / len(texts)
            words = tuple(Word(" " + t, i * step, (i + 1) * step) for i, t in enumerate(texts))
            quiet = np.zeros(int(WARM_UP_S * SAMPLE_RATE), dtype=np.float32)
            analyse_answer(Transcript(words=words, duration_s=WARM_UP_S), quiet, hint, target_s, pause_threshold_s)
        except Exception:  # noqa: BLE001 - a warm-up only saves time; the real analysis reports its own failures
            pass
        finally:
            done.set()

    threading.Thread(target=warm, name="warm-analysis", daemon=True).start()


def live_coverage(words, hint: str) -> list[tuple[str, bool]]:
    """Each hint point and whether `words` cover it, with the same matcher as the final analysis."""
    from interviewer.domain.analysis.coverage import assess_coverage
    from interviewer.domain.analysis.hint_points import split_hint
    from interviewer.domain.words import tokenize

    coverage = assess_coverage(split_hint(hint), tokenize(list(words)))
    return [(p.point, p.covered) for p in coverage.points]


def _score_dict(value) -> dict:
    return {"delivery": value.delivery, "content": value.content, "reasons": list(value.reasons)}


def _read_recording(recording: RecordingInfo) -> np.ndarray:
    from interviewer.domain.audiofile import read_wav

    return read_wav(recording.path)


def recover_answer(
    store: SessionStore,
    session: SessionRecord,
    answer: AnswerRecord,
    transcriber: Transcriber,
    pause_threshold_s: float = 2.0,
    glossary: tuple[str, ...] = (),
    careful: Transcriber | None = None,
) -> AnswerResult:
    """Finish an answer that was interrupted (crash, kill, failed analysis, or a careful hearing that did
    not end: DRAFTED): repair, transcribe, analyse.
    `glossary`: the bank's jargon for the question, as the answer was heard live; `careful`: the
    second hearing, as live."""
    from interviewer.domain.audiofile import read_wav, repair_wav
    from interviewer.domain.hearing.recording import transcribe_recording

    wav = store.wav_path(session, answer)
    if not wav.exists():
        store.update_answer(session, answer, status=FAILED, error="the recording file is missing")
        raise FileNotFoundError(f"{wav}: the recording file is missing")
    crashed = answer.status == "recording"
    seconds = repair_wav(wav)
    interrupted = answer.interrupted or ("recovered after the app stopped mid-answer" if crashed else "")
    store.update_answer(session, answer, status=RECORDED, recording_s=round(seconds, 3), interrupted=interrupted)
    try:
        audio = read_wav(wav)
        transcript = transcribe_recording(transcriber, audio, answer.asked, answer.hint, glossary, careful)
        result = analyse_answer(transcript, audio, answer.hint, answer.target_s, pause_threshold_s, answer.asked)
    except Exception as e:
        store.update_answer(session, answer, status=FAILED, error=str(e))
        raise
    save_result(store, session, answer, transcript, result)
    return AnswerResult(answer, transcript, result, notes=[interrupted] if interrupted else [])
