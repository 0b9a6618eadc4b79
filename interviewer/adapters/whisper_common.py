"""What both Whisper adapters share: decoding options, trimming trailing silence, clamping word times.

numpy only: the engines themselves are imported inside each adapter's `load()`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from interviewer.domain.hearing import signal
from interviewer.domain.ports import SAMPLE_RATE, DecodeHints
from interviewer.domain.transcript import Transcript, Word
from interviewer.errors import TranscriberError

NO_HINTS = DecodeHints()
WINDOW_S = 30  # Whisper hears 30 s at a time

FRAME_S = 0.02  # RMS frames for the silence trim
SILENCE_FLOOR = 1e-3  # frame RMS below this is silence whatever the loudness (-60 dBFS)
SILENCE_RELATIVE = 0.03  # ... and below 3% of the loud frames' RMS (-30 dB)
KEEP_AFTER_SPEECH_S = 0.5  # silence kept after the last loud frame, for word ends and breaths


@dataclass(frozen=True)
class WhisperOptions:
    """Decoding options common to both engines.

    Attributes:
        beam_size: 1 is greedy; None takes the engine's measured default.
        language: a language code, or "auto" to detect it (multilingual models only).
        max_new_tokens: tokens per 30 s window at most: stops a loop on silence early.
        trim_silence: drop trailing silence before decoding (the looping trap).
        threads: CPU threads for the engine, 0 for its own default.
        temperatures: the decoding temperatures tried in turn. Whisper's default falls back to
            sampling (0.2 ... 1.0) when a window looks like a loop; that made the same answer
            come out differently run to run and cost 3x the time in `interviewer eval` (fw
            tiny.en: 346 s vs 134 s) for no better fillers (recall 0.74 vs 0.78). Loops are
            bounded by `max_new_tokens` and trimmed silence instead.
    """

    beam_size: int | None = None
    language: str = "en"
    # ~30 s of speech at 200 wpm is ~130 tokens; a loop on silence stops here. The faster-whisper
    # adapter lowers it further when hotwords + earlier text would overflow the 448-token window.
    max_new_tokens: int | None = 160
    trim_silence: bool = True
    threads: int = 0
    temperatures: tuple[float, ...] = (0.0,)


def speech_end(audio: np.ndarray) -> int:
    """The sample after the last loud frame plus `KEEP_AFTER_SPEECH_S`; 0 when all of it is silence."""
    frame = int(FRAME_S * SAMPLE_RATE)
    if len(audio) < frame:
        return len(audio) if np.abs(audio).max(initial=0.0) > SILENCE_FLOOR else 0
    rms = signal.frame_rms(audio, SAMPLE_RATE, FRAME_S)
    threshold = max(SILENCE_FLOOR, SILENCE_RELATIVE * float(np.percentile(rms, 95)))
    loud = np.flatnonzero(rms > threshold)
    if loud.size == 0:
        return 0
    end = (int(loud[-1]) + 1) * frame + int(KEEP_AFTER_SPEECH_S * SAMPLE_RATE)
    return min(len(audio), end)


def prepared_audio(audio: np.ndarray, trim: bool) -> np.ndarray:
    """`audio` as contiguous float32 mono, without its trailing silence when `trim`."""
    samples = np.ascontiguousarray(np.asarray(audio, dtype=np.float32).reshape(-1))
    return samples[: speech_end(samples)] if trim else samples


def hotword_text(hotwords: tuple[str, ...]) -> str:
    return ", ".join(w.strip() for w in hotwords if w.strip())


def clamped_word(
    text: str, start: float, end: float, probability: float, hesitation_before: float = 0.0, *, duration_s: float
) -> Word:
    """A Word whose times lie inside [0, duration_s] with start <= end."""
    start = min(max(0.0, float(start)), duration_s)
    end = min(max(start, float(end)), duration_s)
    return Word(text, start, end, float(probability), float(hesitation_before))


def monotonic(words: list[Word]) -> tuple[Word, ...]:
    """`words` with each start moved to no earlier than the previous word's start."""
    fixed: list[Word] = []
    for word in words:
        if fixed and word.start < fixed[-1].start:
            word = word.moved(fixed[-1].start, max(word.end, fixed[-1].start))
        fixed.append(word)
    return tuple(fixed)


# what the engines' libraries say when an allocation or a thread cannot be had (CTranslate2's
# std::bad_alloc, torch's "DefaultCPUAllocator: can't allocate memory", pthread_create's EAGAIN)
OUT_OF_MEMORY_SIGNS = ("alloc", "memory", "resource temporarily unavailable")
SMALLEST_MODEL = "tiny.en"


def is_out_of_memory(error: BaseException) -> bool:
    return any(sign in str(error).lower() for sign in OUT_OF_MEMORY_SIGNS)


def out_of_memory(model: str) -> TranscriberError:
    smaller = f", or use the smaller model: --model {SMALLEST_MODEL}" if model != SMALLEST_MODEL else ""
    return TranscriberError(
        f"not enough memory to load the Whisper model {model}",
        f"close other programs to free memory{smaller} (interviewer doctor shows free memory)",
    )


class WhisperModelHolder:
    """What both adapters share around their model: options with the engine's default beam, and a
    load done once under a lock that `transcribe()` also takes, so a call during loading waits.
    Subclasses set `engine` and implement `_load(progress)`, which sets `self._whisper`."""

    engine = ""

    def __init__(self, model: str, options: WhisperOptions, default_beam_size: int) -> None:
        self.model = model
        if options.beam_size is None:
            options = replace(options, beam_size=default_beam_size)
        self.options = options
        self._whisper = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._whisper is not None

    def load(self, progress: Callable[[str], None] | None = None) -> None:
        """Check the weights and load the model, once; a concurrent `transcribe()` waits for it.

        Raises:
            TranscriberError: the model cannot be loaded; out of memory says so in one line.
        """
        with self._lock:
            if self._whisper is None:
                try:
                    self._load(progress)
                except MemoryError as e:
                    raise out_of_memory(self.model) from e
                except (RuntimeError, OSError) as e:
                    if is_out_of_memory(e):
                        raise out_of_memory(self.model) from e
                    raise

    def _load(self, progress: Callable[[str], None] | None) -> None:
        raise NotImplementedError

    def transcribe(self, audio: np.ndarray, hints: DecodeHints = NO_HINTS) -> Transcript:
        self.load()
        duration_s = len(audio) / SAMPLE_RATE
        samples = prepared_audio(audio, self.options.trim_silence)
        if samples.size == 0:
            return Transcript((), self.options.language, duration_s, self.engine, self.model, ("silence",))
        with self._lock:
            raw_words, language = self._decode(samples, hints)
        words = [clamped_word(*raw, duration_s=duration_s) for raw in raw_words]
        return Transcript(monotonic(words), language, duration_s, self.engine, self.model)

    def _decode(self, samples: np.ndarray, hints: DecodeHints) -> tuple[list[tuple], str]:
        """The engine's own decoding: [(word, start, end, probability[, hesitation_before])] and the
        language heard."""
        raise NotImplementedError
