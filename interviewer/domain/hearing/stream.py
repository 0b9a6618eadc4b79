"""Transcribe while the person speaks: chunks cut at pauses, transcribed in order by one worker thread.

The recorder's thread calls `feed(block)` (cheap: voice activity on the block, and a queue put
when a chunk closes). A worker thread transcribes closed chunks in order, each with the text
so far as context, and keeps the growing word-timed transcript, times absolute to the recording.
At stop, `finish()` transcribes only the open chunk and waits for the queue.

Speculative finishing: people stop talking a second or two before they press stop. When the
open chunk has speech, has been silent for `speculate_after_s` and the worker is idle, the
worker transcribes what `finish()` would close right now (same audio, hints and context) and
keeps the result keyed by the chunk's first sample and heard length. When that same chunk is
closed (at stop, or by the chunker in a long pause) the result is used instead of a second
decode; if speech resumes it is dropped. The transcript is the one without speculation.

Threads: stdlib `threading` and `queue` only. Memory: the audio of the open and queued chunks
only; the WAV on disk is the record.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from interviewer.domain.hearing.chunker import LONG_CHUNKS, Chunk, Chunker, ChunkerOptions
from interviewer.domain.hearing.prompt import listening_for
from interviewer.domain.hearing.recovery import transcribe_chunk
from interviewer.domain.hearing.stream_info import StreamingOptions, StreamStats, StreamUpdate
from interviewer.domain.ports import SAMPLE_RATE, Transcriber
from interviewer.domain.transcript import Transcript, Word

LAG_SAMPLE_EVERY_S = 0.5  # audio seconds between two points of the lag series
# A stream that yields to another (the careful hearing to the draft) starts no decode while the other
# is decoding or the speaker has paused this long after words it has not decoded yet: at a stop the
# person waits for the draft's words, and the careful hearing's chunk closes in that same pause
# (measured, espeak answer stopped 0.6 s after its last word: the draft's last decode took 0.67 s
# beside base's decode of the whole 19.6 s answer).
PAUSING_S = 0.2
YIELD_POLL_S = 0.02
YIELD_MAX_S = 2.0  # then decode anyway: the careful hearing must not wait on a stream that hangs


@dataclass(frozen=True)
class Speculation:
    """A decode of the open chunk as `finish()` would close it, made before it closed."""

    key: tuple[int, int]  # (first sample, heard samples) of the chunk
    previous_text: str  # the context it was decoded with
    part: Transcript | None = None  # None while queued or running
    compute_s: float = 0.0


@dataclass(frozen=True)
class _DecodeAhead:
    chunk: Chunk  # the worker's job for a Speculation: the open chunk as it stands


def chunk_key(chunk: Chunk) -> tuple[int, int]:
    """Two chunks with the same key hand the transcriber the same audio."""
    return chunk.start_sample, len(chunk.heard_audio)


def joined(words: list[Word], part: Transcript, chunk: Chunk) -> list[Word]:
    """`part`'s words moved to recording time, kept inside the chunk and after the words before."""
    floor = words[-1].end if words else 0.0
    out = []
    for w in part.words:
        start = min(max(w.start + chunk.start_s, floor, chunk.start_s), chunk.end_s)
        end = min(max(w.end + chunk.start_s, start), chunk.end_s)
        out.append(w.moved(start, end))
        floor = end
    return out


class StreamingTranscriber:
    """Streaming transcription of one answer. Make one per answer.

    Args:
        transcriber: a Transcriber; it may still be loading (chunks wait in the queue).
        question_text, hint: the question, for decoding hints (as for a whole answer).
        on_update: called with a StreamUpdate from the worker thread (or the recorder's
            thread when `falling_behind` flips). Keep it short; never touch a widget in it.
        options: chunking and falling-behind thresholds.
        glossary: the bank's jargon for this question (`prompt.question_glossary`), told to Whisper.
        yields_to: a stream whose decodes go first (`wants_the_cores`), as the draft's do.
    """

    def __init__(
        self,
        transcriber: Transcriber,
        question_text: str = "",
        hint: str = "",
        on_update: Callable[[StreamUpdate], None] | None = None,
        options: StreamingOptions = StreamingOptions(),
        glossary: tuple[str, ...] = (),
        yields_to: StreamingTranscriber | None = None,
    ) -> None:
        self.transcriber = transcriber
        self.yields_to = yields_to
        self.glossary = glossary
        self.question_text = question_text
        self.hint = hint
        self.on_update = on_update
        self.options = options
        self.listening = listening_for(getattr(transcriber, "model", ""))
        chunking = options.chunker or (LONG_CHUNKS if self.listening.long_chunks else ChunkerOptions())
        self._chunker = Chunker(chunking, options.vad)
        self._lock = threading.Lock()  # guards everything below and the chunker
        self._changed = threading.Condition(self._lock)  # samples fed, or a chunk transcribed
        self._queue: queue.Queue[Chunk | _DecodeAhead | None] = queue.Queue()
        self._words: list[Word] = []
        self._heard_until_s = 0.0  # the end of the last chunk transcribed
        self._backlog_samples = 0  # closed, queued or being transcribed
        self._done = 0
        self._silent = 0
        self._chunk_seconds: list[float] = []
        self._compute_s = 0.0
        self._wall_s = 0.0
        self._lag_series: list[tuple[float, float]] = []
        self._backlog_series: list[tuple[float, float]] = []
        self._behind = False
        self._fell_behind = False
        self._speculation: Speculation | None = None  # the latest, queued, running or done
        self._speculations = 0
        self._speculations_used = 0
        self._wasted_s = 0.0
        self._finished = False
        self._cancelled = threading.Event()
        self._may_start = threading.Event()  # cleared: the worker starts no new decode (`hold`)
        self._may_start.set()
        self._error: BaseException | None = None
        self._worker = threading.Thread(target=self._work, name="streaming-transcriber", daemon=True)
        self._worker.start()

    # -- the recorder's side ------------------------------------------------------------

    def feed(self, block: np.ndarray) -> None:
        """Add a recorded block (16 kHz mono float32). Cheap; never waits for the model."""
        with self._lock:
            if self._finished:
                return
            self._chunker.busy = self._backlog_samples > 0
            for chunk in self._chunker.push(block):
                self._enqueue(chunk)
                self._chunker.busy = True
            self._maybe_speculate()
            self._sample_lag()
            flipped = self._update_behind()
            self._changed.notify_all()
        if flipped:
            self._notify()

    def finish(self, timeout: float | None = None, total_samples: int | None = None) -> Transcript:
        """Close the open chunk, wait until every chunk is transcribed, return the whole transcript.

        Args:
            timeout: seconds to wait at most (None: as long as it takes).
            total_samples: the recording's length (RecordingInfo.samples). The recorder hands
                blocks over from its own thread, so the last ones may still be on their way
                at stop: wait (within `timeout`) until this many samples were fed.

        Raises:
            TimeoutError: `timeout` seconds passed first (the worker goes on; call again).
            Exception: whatever the transcriber raised on a chunk.
        """
        with self._lock:
            if total_samples is not None:
                self._changed.wait_for(lambda: self._chunker.samples_seen >= total_samples, timeout)
            if not self._finished:
                self._finished = True
                last = self._chunker.flush()
                if last is not None:
                    self._enqueue(last)
                self._queue.put(None)
        self._worker.join(timeout)
        if self._worker.is_alive():
            raise TimeoutError(f"transcription still running after {timeout} s")
        if self._error is not None:
            raise self._error
        return self.snapshot()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until every closed chunk is transcribed (the evaluation's stand-in for a machine that
        keeps up). True when idle, False when `timeout` passed first."""
        with self._lock:
            return self._changed.wait_for(lambda: self._backlog_samples == 0 or self._error is not None, timeout)

    def hold(self) -> None:
        """Start no new decode until `go_on()` (a decode under way runs to its end): another
        hearing needs the cores first."""
        self._may_start.clear()

    def go_on(self) -> None:
        self._may_start.set()

    def cancel(self) -> None:
        """Stop without transcribing what is left (the answer was abandoned)."""
        self._cancelled.set()
        with self._lock:
            if not self._finished:
                self._finished = True
                self._queue.put(None)
        self.go_on()

    # -- what the UI reads -------------------------------------------------------------------

    def snapshot(self) -> Transcript:
        """The words so far, times from the start of the recording."""
        with self._lock:
            words = tuple(self._words)
            audio_s = self._chunker.samples_seen / SAMPLE_RATE
        t = self.transcriber
        return Transcript(words, "en", audio_s, getattr(t, "engine", ""), getattr(t, "model", ""))

    def heard_until_s(self) -> float:
        """Seconds of the recording transcribed so far: `snapshot()` holds every word before this
        time, and the time is in a pause (chunks are cut in pauses)."""
        with self._lock:
            return self._heard_until_s

    def lag_s(self) -> float:
        """Seconds of speech recorded but not yet transcribed (queued chunks and the open one)."""
        with self._lock:
            return self._lag_samples() / SAMPLE_RATE

    def speculated_ahead(self) -> bool:
        """The open chunk, as it stands, is decoded ahead (done or running): `finish()` will reuse it."""
        with self._lock:
            spec = self._speculation
            return spec is not None and spec.key == self._chunker.pending_key()

    def wants_the_cores(self) -> bool:
        """A decode is queued or running, or about to start: the speaker paused after words this
        stream has not decoded (the person may press stop now, and then waits for them)."""
        with self._lock:
            if self._backlog_samples:
                return True
            pending, spec = self._chunker.pending_key(), self._speculation
            decoded = spec is not None and spec.part is not None and spec.key == pending
            paused = self._chunker.trailing_silence_s >= PAUSING_S
            return not self._finished and pending is not None and paused and not decoded

    @property
    def falling_behind(self) -> bool:
        return self._behind

    def stats(self) -> StreamStats:
        with self._lock:
            return StreamStats(
                chunks=self._done,
                silent_chunks=self._silent,
                chunk_seconds=tuple(self._chunk_seconds),
                audio_s=self._chunker.samples_seen / SAMPLE_RATE,
                compute_s=self._compute_s,
                transcribe_wall_s=self._wall_s,
                max_lag_s=max((lag for _, lag in self._lag_series), default=0.0),
                max_backlog_s=max((b for _, b in self._backlog_series), default=0.0),
                fell_behind=self._fell_behind,
                speculations=self._speculations,
                speculations_used=self._speculations_used,
                wasted_compute_s=self._wasted_s + (self._speculation.compute_s if self._speculation else 0.0),
                lag_series=tuple(self._lag_series),
                backlog_series=tuple(self._backlog_series),
            )

    # -- inside, under the lock unless said otherwise ------------------------------------------

    def _enqueue(self, chunk: Chunk) -> None:
        self._backlog_samples += len(chunk.audio)
        self._queue.put(chunk)

    def _maybe_speculate(self) -> None:
        """Queue a decode of what `finish()` would close now, if the speaker paused and the worker is idle."""
        after = self.options.speculate_after_s
        if after is None or self._backlog_samples or self._chunker.trailing_silence_s < after:
            return
        spec = self._speculation
        if self._error is not None or (spec is not None and spec.part is None):
            return  # one at a time
        if spec is not None and spec.key == self._chunker.pending_key():
            return  # the silence goes on: the same audio, already decoded
        chunk = self._chunker.pending()
        if chunk is None or not chunk.has_speech:
            return
        self._discard_speculation()
        self._speculation = Speculation(chunk_key(chunk), self._previous_text())
        self._speculations += 1
        self._queue.put(_DecodeAhead(chunk))

    def _discard_speculation(self) -> None:
        self._wasted_s += self._speculation.compute_s if self._speculation is not None else 0.0
        self._speculation = None

    def _previous_text(self) -> str:
        return " ".join("".join(w.text for w in self._words).split())

    def _lag_samples(self) -> int:
        return self._backlog_samples + self._chunker.open_samples

    def _sample_lag(self) -> None:
        audio_s = self._chunker.samples_seen / SAMPLE_RATE
        if self._lag_series and audio_s - self._lag_series[-1][0] < LAG_SAMPLE_EVERY_S:
            return
        self._lag_series.append((audio_s, self._lag_samples() / SAMPLE_RATE))
        self._backlog_series.append((audio_s, self._backlog_samples / SAMPLE_RATE))

    def _update_behind(self) -> bool:
        behind = self._backlog_samples / SAMPLE_RATE > self.options.behind_s
        flipped = behind != self._behind
        self._behind = behind
        self._fell_behind = self._fell_behind or behind
        return flipped

    def _work(self) -> None:
        """The worker thread: transcribe closed chunks in order until the end marker."""
        while True:
            job = self._queue.get()
            self._may_start.wait()
            if job is None or self._cancelled.is_set():
                return
            self._let_the_other_go_first()
            if isinstance(job, _DecodeAhead):
                self._decode_ahead(job.chunk)
                continue
            words = self._transcribe(job)
            with self._lock:
                self._words.extend(joined(self._words, words, job) if words else [])
                self._heard_until_s = job.end_s if self._error is None else self._heard_until_s
                self._backlog_samples -= len(job.audio)
                self._done += 1
                self._silent += 0 if job.has_speech else 1
                self._chunk_seconds.append(round(len(job.audio) / SAMPLE_RATE, 2))
                self._update_behind()
                self._changed.notify_all()
            self._notify()

    def _let_the_other_go_first(self) -> None:
        """Outside the lock: wait (a bounded time) while the stream this one yields to wants the cores."""
        other, deadline = self.yields_to, time.monotonic() + YIELD_MAX_S
        while other is not None and other.wants_the_cores() and time.monotonic() < deadline:
            if self._cancelled.wait(YIELD_POLL_S):
                return

    def _transcribe(self, chunk: Chunk) -> Transcript | None:
        """Outside the lock: the model may take seconds. None for a silent chunk or after an error."""
        if not chunk.has_speech or self._error is not None:
            return None
        with self._lock:
            previous = self._previous_text()
            ahead = self._take_speculation(chunk_key(chunk), previous)
        if ahead is not None:
            return ahead
        try:
            return self._decode(chunk, previous)[0]
        except Exception as e:  # noqa: BLE001 - handed to the caller by finish()
            self._error = e
            return None

    def _take_speculation(self, key: tuple[int, int], previous: str) -> Transcript | None:
        """Under the lock: the speculative decode of this very chunk and context, if there is one.
        Any other finished speculation can no longer match (the open chunk moved on): dropped."""
        spec = self._speculation
        if spec is None or spec.part is None:
            return None
        if spec.key == key and spec.previous_text == previous:
            self._speculation = None
            self._speculations_used += 1
            return spec.part
        self._discard_speculation()
        return None

    def _decode_ahead(self, chunk: Chunk) -> None:
        """The worker's speculative decode; a failure only drops it (the real decode will report)."""
        with self._lock:
            spec = self._speculation
            if spec is None or spec.part is not None or spec.key != chunk_key(chunk):
                return  # superseded
            if self._finished:
                self._speculation = None
                return  # stopped first: the closed chunk is next in the queue, decoded as usual
        try:
            part, cpu = self._decode(chunk, spec.previous_text)
        except Exception:  # noqa: BLE001
            part, cpu = None, 0.0
        with self._lock:
            if self._speculation is spec and part is not None:
                self._speculation = Speculation(spec.key, spec.previous_text, part, cpu)
            else:
                self._speculation = None if self._speculation is spec else self._speculation
                self._wasted_s += cpu
            self._changed.notify_all()

    def _decode(self, chunk: Chunk, previous: str) -> tuple[Transcript, float]:
        """Outside the lock: the chunk's transcript and the CPU seconds it took."""
        cpu, wall = time.process_time(), time.perf_counter()
        try:
            part = transcribe_chunk(
                self.transcriber, chunk.heard_audio, self.question_text, self.hint, previous, self.glossary,
                self.listening,
            )  # fmt: skip
        finally:
            spent = time.process_time() - cpu
            with self._lock:
                self._compute_s += spent
                self._wall_s += time.perf_counter() - wall
        return part, spent

    def _notify(self) -> None:
        """Outside the lock: the callback may take its time."""
        if self.on_update is None:
            return
        with self._lock:
            audio_s = self._chunker.samples_seen / SAMPLE_RATE
            lag = self._lag_samples() / SAMPLE_RATE
            done = self._done
        self.on_update(StreamUpdate(self.snapshot(), audio_s, lag, self._behind, done))
