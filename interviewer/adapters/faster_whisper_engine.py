"""The faster-whisper (CTranslate2) Transcriber on the offline weights, int8 on the CPU."""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from interviewer.adapters import weights
from interviewer.adapters.hesitation_evidence import (
    LogitsRecorder,
    carried_weights,
    hesitation_ids,
    hesitation_weights,
    with_weights,
)
from interviewer.adapters.thread_priority import made_at_lower_priority
from interviewer.adapters.whisper_common import (
    KEEP_AFTER_SPEECH_S,
    WINDOW_S,
    WhisperModelHolder,
    WhisperOptions,
    hotword_text,
    is_out_of_memory,
)
from interviewer.domain.hearing.hint_guard import hint_guarded, hint_terms, unwritten_stretches
from interviewer.domain.hearing.phantoms import piled_up
from interviewer.domain.ports import SAMPLE_RATE, DecodeHints
from interviewer.domain.transcript import Word
from interviewer.errors import TranscriberError

ENGINE = "faster-whisper"
# sound after the last word heard, beyond the silence kept after speech: Whisper stopped short of it
REST_AFTER_LAST_WORD_S = KEEP_AFTER_SPEECH_S + 0.5
DEFAULT_BEAM_SIZE = 1  # greedy: 27-32% less CPU than beam 5, WER within 0.03 (benchmarks/transcription.py)


@dataclass(frozen=True)
class FasterWhisperOptions(WhisperOptions):
    compute_type: str = "int8"  # the files are float16; int8 is applied in memory at load
    hallucination_silence_threshold: float | None = None  # seconds; skips silent stretches when looping
    rewrite_beam_size: int = 1  # over 1: words from beam search after the greedy pass (LogitsRecorder)
    lower_priority: bool = False  # the model's threads yield their core to the rest of the process
    fitted_window: bool = True  # audio shorter than 30 s is encoded in a window fitted to it (FittedWindow)


def engine_threads() -> int:
    """One thread per core, at most CTranslate2's own default of 4: its default oversubscribes a
    2-core machine (bench answer, tiny.en: 14.1 s of decoding with 4 threads, 11.8 s with 2)."""
    return max(1, min(4, os.cpu_count() or 4))


TEXT_WINDOW_TOKENS = 448  # Whisper's decoder context
PREVIOUS_TEXT_TOKENS = 223  # what faster-whisper keeps of the previous text as prompt
SPECIAL_TOKENS = 5  # sot_prev, the 3-token start sequence, one timestamp
MIN_NEW_TOKENS = 64


FULL_WINDOW_FRAMES = WINDOW_S * 100  # mel frames, 10 ms each
LEAST_WINDOW_S = 10


def fitted_frames(samples: int) -> int:
    """Mel frames of the window fitted to `samples`: whole seconds, at least LEAST_WINDOW_S."""
    seconds = max(LEAST_WINDOW_S, math.ceil(samples / SAMPLE_RATE))
    return min(FULL_WINDOW_FRAMES, seconds * 100)


class FittedWindow:
    """Stands in for the CTranslate2 model: with `frames` set, encodes only that many mel frames of
    the 30 s window faster-whisper pads every decode to. The encoder's cost is the window's, not
    the audio's: tiny.en on this 2-core CPU takes 0.75-0.89 s for 30 s and 0.16 s for 10 s, most of a
    draft chunk's decode. Whisper decodes and aligns words on the shorter encoder output as on the
    full one (CTranslate2 takes any length up to 3000 frames). tiny.en, tuning half of the evaluation
    alone: items 255 vs 257 of 340, fillers 0.721 / 0.948 vs 0.728 / 0.955, WER median 0.120 vs 0.113,
    one decoder loop in 75 answers (phantoms.piled_up, decoded again in the full window)."""

    def __init__(self, model) -> None:
        from ctranslate2 import StorageView  # made in `_load`, where faster-whisper has imported it

        self._model = model
        self._storage = StorageView.from_array
        self.frames: int | None = None

    def __getattr__(self, name):
        return getattr(self._model, name)

    def encode(self, features, to_cpu: bool = False):
        if self.frames is None:
            return self._model.encode(features, to_cpu=to_cpu)
        kept = np.ascontiguousarray(np.asarray(features)[..., : self.frames])
        return self._model.encode(self._storage(kept), to_cpu=to_cpu)


class FasterWhisperTranscriber(WhisperModelHolder):
    """Transcriber port on faster-whisper. `load()` once (slow), then `transcribe()` from one thread."""

    engine = ENGINE

    def __init__(self, model: str, options: FasterWhisperOptions | None = None) -> None:
        weights.model_weights(model)  # an unknown name fails here, listing the available ones
        super().__init__(model, options or FasterWhisperOptions(), DEFAULT_BEAM_SIZE)
        self._greedy_texts: list[str] | None = None  # the last decode's greedy words, when beam search rewrote them

    def _load(self, progress: Callable[[str], None] | None) -> None:
        say = progress or (lambda _message: None)
        folder = weights.ctranslate2_folder(self.model, say)
        say(f"loading {self.model}")
        try:
            from faster_whisper import BatchedInferencePipeline, WhisperModel

            def make() -> WhisperModel:
                return WhisperModel(
                    str(folder),
                    device="cpu",
                    compute_type=self.options.compute_type,
                    cpu_threads=self.options.threads or engine_threads(),
                    local_files_only=True,
                )

            self._whisper = made_at_lower_priority(make) if self.options.lower_priority else make()
            ids = hesitation_ids(self._whisper.hf_tokenizer)
            self._window = FittedWindow(self._whisper.model)
            self._recorder = self._whisper.model = LogitsRecorder(self._window, ids, self.options.rewrite_beam_size)
            self._eot = self._whisper.hf_tokenizer.token_to_id("<|endoftext|>")
            self._one_window = BatchedInferencePipeline(self._whisper)
        except (RuntimeError, ValueError, OSError) as e:
            if is_out_of_memory(e):
                raise
            raise TranscriberError(
                f"faster-whisper could not load {self.model} from {folder}: {e}",
                "run: interviewer doctor --prepare-weights",
            ) from e
        say(f"{self.model} ready")

    def _decode(self, samples: np.ndarray, hints: DecodeHints) -> tuple[list[tuple], str]:
        """The words heard (`_heard`); where beam search rewrote them and wrote a hint term that its
        greedy pass did not, the greedy words of that stretch (hearing/hint_guard.py). The greedy
        pass gives tokens, not timed words, so the audio is decoded greedily again, only then."""
        words, language = self._heard(samples, hints)
        if self._greedy_texts is None:
            return words, language
        terms = hint_terms(hints)
        if not unwritten_stretches([w[0] for w in words], self._greedy_texts, terms):
            return words, language
        with self._recorder.greedy_only():
            greedy, _ = self._heard(samples, hints)
        guarded = hint_guarded([Word(*w) for w in words], [Word(*w) for w in greedy], terms)
        return [(w.text, w.start, w.end, w.probability, w.hesitation_before) for w in guarded], language

    def _heard(self, samples: np.ndarray, hints: DecodeHints) -> tuple[list[tuple], str]:
        """Audio that fits one 30 s window is decoded once, unless Whisper stopped short of its end.

        `WhisperModel.transcribe` with word timestamps moves on to the last word's end and decodes
        the rest as a new window, even when the rest is the silence kept after the speech: 14 of
        the bench answer's 15 chunks were encoded and decoded twice (29 % of the decoding CPU,
        nothing heard the second time). So one window first; only when sound is left after the
        last word (more than the silence `prepared_audio` keeps: Whisper does stop short, a 25.6 s
        answer came back ending at 17.4 s) is the audio decoded the sequential way after all.
        Decoding just the rest with the text heard as its prompt made up a filler ("like, it
        gives you ...") in `interviewer eval`; the sequential pass gives what it always gave.
        """
        if len(samples) <= WINDOW_S * SAMPLE_RATE:
            words, language = self._decode_one_window(samples, hints)
            heard_to = words[-1][2] if words else 0.0
            if len(samples) / SAMPLE_RATE - heard_to <= REST_AFTER_LAST_WORD_S:
                return words, language
        sequential = self._decode_arguments(hints) | {
            "hallucination_silence_threshold": self.options.hallucination_silence_threshold
        }
        self._recorder.take()
        segments, info = self._whisper.transcribe(samples, **sequential)
        words = [(w.word, w.start, w.end, w.probability) for s in segments for w in (s.words or ())]
        return self._weighed(words), info.language

    def _decode_one_window(self, samples: np.ndarray, hints: DecodeHints) -> tuple[list[tuple], str]:
        """In a window fitted to the audio, unless the words pile up there (a decoder loop): then in
        the full 30 s window, as faster-whisper does."""
        if self.options.fitted_window:
            words, language = self._decode_in_window(samples, hints, fitted_frames(len(samples)))
            if not piled_up([w[1] for w in words]):
                return words, language
        return self._decode_in_window(samples, hints, None)

    def _decode_in_window(self, samples: np.ndarray, hints: DecodeHints, frames: int | None) -> tuple[list[tuple], str]:
        arguments = self._decode_arguments(hints)
        clip = [{"start": 0.0, "end": len(samples) / SAMPLE_RATE}]
        self._one_window.last_speech_timestamp = 0.0  # its word-time state, left over if a call failed
        self._recorder.take()
        self._window.frames = frames
        try:
            segments, info = self._one_window.transcribe(
                samples, clip_timestamps=clip, batch_size=1, without_timestamps=False, **arguments
            )
            words = [(w.word, w.start, w.end, w.probability) for segment in segments for w in (segment.words or ())]
        finally:
            self._window.frames = None
        return self._weighed(words), info.language

    def _weighed(self, words: list[tuple]) -> list[tuple]:
        """`words` with the hesitation Whisper weighed before each (hesitation_evidence.py)."""
        steps = self._recorder.take()
        weighted = hesitation_weights(steps, self._whisper.hf_tokenizer.decode, self._eot)
        rewritten = any(s.rewritten for s in steps)
        self._greedy_texts = [text for text, _ in weighted] if rewritten else None
        return (carried_weights if rewritten else with_weights)(words, weighted)

    def _new_token_budget(self, hotwords: str) -> int | None:
        """`max_new_tokens`, lowered so that hotwords + the previous text (up to 223 tokens, from the
        second 30 s window on) + the new tokens still fit Whisper's 448-token window."""
        limit = self.options.max_new_tokens
        if limit is None or not hotwords:
            return limit
        hotword_tokens = len(self._whisper.hf_tokenizer.encode(" " + hotwords.strip()).ids)
        room = TEXT_WINDOW_TOKENS - PREVIOUS_TEXT_TOKENS - SPECIAL_TOKENS - hotword_tokens
        return max(MIN_NEW_TOKENS, min(limit, room))

    def _decode_arguments(self, hints: DecodeHints) -> dict:
        options = self.options
        language = None if options.language == "auto" else options.language
        hotwords = hotword_text(hints.hotwords)
        return dict(
            language=language,
            beam_size=options.beam_size,
            temperature=list(options.temperatures),
            word_timestamps=True,
            # the leading space the sequential path adds itself; the batched one encodes it as given
            initial_prompt=" " + hints.prompt.strip() if hints.prompt.strip() else None,
            hotwords=hotwords or None,
            max_new_tokens=self._new_token_budget(hotwords),
            vad_filter=False,
        )
