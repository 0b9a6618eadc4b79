"""A chunker that cuts the recording at pauses, by voice activity from signal.EnergyVad.

Streaming transcription needs the recording cut into chunks Whisper can hear whole: a few
seconds to ~25 s, cut where nobody is speaking, so no word is split between two chunks.
Pure numpy; each block is looked at once, so it is cheap enough for the recorder's thread.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from interviewer.domain.hearing.signal import FRAME, VAD_FRAME_S, EnergyVad, VadOptions, frame_levels_db
from interviewer.domain.ports import SAMPLE_RATE


@dataclass(frozen=True)
class ChunkerOptions:
    """Where chunks are cut (seconds).

    A chunk closes in the quietest part of the first pause of `min_pause_s` once it holds
    `min_chunk_s` (`busy_min_chunk_s` while the transcriber is still busy with earlier
    chunks: fewer, longer chunks cost less, so a slow machine catches up); past
    `relaxed_after_s` a pause of `short_pause_s` is enough; at
    `max_chunk_s` it is cut at its quietest point. Silence before the first word is
    kept only for `lead_s`.
    """

    min_chunk_s: float = 8.0
    busy_min_chunk_s: float = 10.0
    min_pause_s: float = 0.3
    relaxed_after_s: float = 12.0
    short_pause_s: float = 0.2
    max_chunk_s: float = 25.0
    lead_s: float = 0.2
    min_speech_s: float = 0.12  # less speech than this: the chunk is not worth transcribing
    tail_s: float = 0.1  # silence after the last speech frame that is sent to the transcriber


# Long chunks (base): fewer cuts, and one 30 s window holds more speech (bench answer, base without
# prompt: 9 chunks, WER 0.109 and 0.17 CPU-s per audio second)
LONG_CHUNKS = ChunkerOptions(min_chunk_s=18.0, busy_min_chunk_s=20.0, relaxed_after_s=22.0, max_chunk_s=28.0)


@dataclass(frozen=True)
class Chunk:
    """A closed piece of the recording. `start_s` is its first sample's time in the recording."""

    index: int
    start_s: float
    audio: np.ndarray
    speech_s: float
    heard_samples: int = -1  # what the transcriber is given: up to the end of speech plus `tail_s`

    @property
    def end_s(self) -> float:
        return self.start_s + len(self.audio) / SAMPLE_RATE

    @property
    def start_sample(self) -> int:
        return round(self.start_s * SAMPLE_RATE)

    @property
    def has_speech(self) -> bool:
        return self.speech_s > 0.0

    @property
    def heard_audio(self) -> np.ndarray:
        """The audio without its trailing silence: after the last word Whisper decodes the leftover
        silence as a second window and hallucinates there ("Thank you.", measured)."""
        return self.audio if self.heard_samples < 0 else self.audio[: self.heard_samples]


class Chunker:
    """Takes recorded blocks, gives back closed chunks. Not thread-safe: one caller at a time.

    Holds only the open chunk's audio (at most `max_chunk_s` plus one block).
    """

    def __init__(self, options: ChunkerOptions = ChunkerOptions(), vad: VadOptions = VadOptions()) -> None:
        self.options = options
        self.vad = EnergyVad(vad)
        self._buf = np.empty(int((options.max_chunk_s + 2.0) * SAMPLE_RATE), dtype=np.float32)
        self._n = 0  # samples held of the open chunk
        self._start = 0  # the open chunk's first sample, counted from the start of the recording
        self._levels: list[float] = []  # per whole frame of the open chunk
        self._speech: list[bool] = []
        self._silent_run = 0  # frames since the last speech frame
        self._index = 0
        self.busy = False  # set by the caller: the transcriber has work queued or in progress

    @property
    def samples_seen(self) -> int:
        return self._start + self._n

    @property
    def open_samples(self) -> int:
        """Samples held of the open chunk (leading silence already forgotten)."""
        return self._n

    def push(self, block: np.ndarray) -> list[Chunk]:
        """Add recorded samples; return the chunks this closed (often none)."""
        block = np.asarray(block, dtype=np.float32).reshape(-1)
        closed: list[Chunk] = []
        step = SAMPLE_RATE  # at most 1 s at a time, so the buffer never overflows
        for i in range(0, len(block), step):
            closed.extend(self._push_part(block[i : i + step]))
        return closed

    @property
    def trailing_silence_s(self) -> float:
        """Seconds since the open chunk's last speech frame."""
        return self._silent_run * VAD_FRAME_S

    def flush(self) -> Chunk | None:
        """Close the open chunk at the end of the recording, without its trailing silence."""
        keep = self._flush_samples()
        if keep is None:
            self._drop_front(self._n)
            return None
        chunk = self._close_at(keep)
        self._drop_front(self._n)
        return chunk

    def pending(self) -> Chunk | None:
        """The chunk `flush()` would close right now (nothing is closed, nothing changes)."""
        keep = self._flush_samples()
        return None if keep is None else self._chunk_at(keep)

    def pending_key(self) -> tuple[int, int] | None:
        """`(start_sample, heard_samples)` of `pending()`, without copying its audio."""
        keep = self._flush_samples()
        return None if keep is None else (self._start, self._heard_samples(keep))

    def _flush_samples(self) -> int | None:
        """Where `flush()` cuts the open chunk: after its last speech frame plus `lead_s`; None without speech."""
        last = max((i for i, s in enumerate(self._speech) if s), default=-1)
        if last < 0:
            return None
        return min(self._n, (last + 1) * FRAME + int(self.options.lead_s * SAMPLE_RATE))

    def _push_part(self, part: np.ndarray) -> list[Chunk]:
        self._buf[self._n : self._n + len(part)] = part
        self._n += len(part)
        closed = []
        while len(self._levels) * FRAME + FRAME <= self._n:
            first = len(self._levels) * FRAME
            level = float(frame_levels_db(self._buf[first : first + FRAME])[0])
            chunk = self._add_frame(level)
            if chunk is not None:
                closed.append(chunk)
        return closed

    def _add_frame(self, level: float) -> Chunk | None:
        speech = self.vad.is_speech(level)
        self._levels.append(level)
        self._speech.append(speech)
        self._silent_run = 0 if speech else self._silent_run + 1
        o = self.options
        frames = len(self._levels)
        if not any(self._speech):
            lead = int(o.lead_s / VAD_FRAME_S)
            if frames > lead:
                self._drop_front((frames - lead) * FRAME)
            return None
        seconds = frames * VAD_FRAME_S
        min_chunk_s = o.busy_min_chunk_s if self.busy else o.min_chunk_s
        pause_needed = o.min_pause_s if seconds < o.relaxed_after_s else o.short_pause_s
        if seconds >= min_chunk_s and self._silent_run * VAD_FRAME_S >= pause_needed:
            return self._close_at(self._quietest_frame(frames - self._silent_run) * FRAME)
        if seconds >= o.max_chunk_s:
            return self._close_at(self._quietest_frame(int(o.min_chunk_s / VAD_FRAME_S)) * FRAME)
        return None

    def _quietest_frame(self, first: int) -> int:
        """The start of the quietest 90 ms from frame `first` on; on a tie, the one nearest the middle."""
        smooth = np.convolve(np.asarray(self._levels), np.ones(3) / 3, mode="same")[first:]
        middle = (len(smooth) - 1) / 2
        tie_break = 1e-3 * np.abs(np.arange(len(smooth)) - middle)
        return first + int(np.argmin(smooth + tie_break))

    def _close_at(self, samples: int) -> Chunk:
        chunk = self._chunk_at(samples)
        self._index += 1
        self._drop_front(samples)
        return chunk

    def _chunk_at(self, samples: int) -> Chunk:
        """The open chunk's first `samples` as a Chunk (a copy); the chunker is left as it was."""
        frames = samples // FRAME
        speech_frames = sum(self._speech[:frames]) + (
            self._speech[frames] if frames < len(self._speech) and samples % FRAME else 0
        )
        speech_s = speech_frames * VAD_FRAME_S
        return Chunk(
            index=self._index,
            start_s=self._start / SAMPLE_RATE,
            audio=self._buf[:samples].copy(),
            speech_s=speech_s if speech_s >= self.options.min_speech_s else 0.0,
            heard_samples=self._heard_samples(samples),
        )

    def _heard_samples(self, samples: int) -> int:
        """Of the open chunk's first `samples`, those up to the last speech frame plus `tail_s`."""
        frames = samples // FRAME
        last = max((i for i, s in enumerate(self._speech[: frames + 1]) if s), default=-1)
        return min(samples, (last + 1) * FRAME + int(self.options.tail_s * SAMPLE_RATE))

    def _drop_front(self, samples: int) -> None:
        """Forget the first `samples` of the open chunk (they were closed or are silence)."""
        frames = samples // FRAME
        rest = self._n - samples
        self._buf[:rest] = self._buf[samples : self._n]
        self._n = rest
        self._start += samples
        self._levels = self._levels[frames:]
        self._speech = self._speech[frames:]
        self._silent_run = 0
        for s in reversed(self._speech):
            if s:
                break
            self._silent_run += 1
