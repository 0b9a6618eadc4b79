"""The faster-whisper (CTranslate2) Transcriber on the offline weights, int8 on the CPU."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from interviewer.adapters import weights
from interviewer.adapters.whisper_common import (
    WhisperModelHolder,
    WhisperOptions,
    hotword_text,
)
from interviewer.domain.ports import DecodeHints
from interviewer.errors import TranscriberError

ENGINE = "faster-whisper"
DEFAULT_BEAM_SIZE = 1  # greedy: 27-32% less CPU than beam 5, WER within 0.03 (benchmarks/transcription.py)


@dataclass(frozen=True)
class FasterWhisperOptions(WhisperOptions):
    compute_type: str = "int8"  # the files are float16; int8 is applied in memory at load
    hallucination_silence_threshold: float | None = None  # seconds; skips silent stretches when looping


def out_of_memory(model: str) -> TranscriberError:
    return TranscriberError(
        f"not enough memory to load the Whisper model {model}",
        "close other programs, or use the smaller model: --model tiny.en (interviewer doctor shows free memory)",
    )


TEXT_WINDOW_TOKENS = 448  # Whisper's decoder context
PREVIOUS_TEXT_TOKENS = 223  # what faster-whisper keeps of the previous text as prompt
SPECIAL_TOKENS = 5  # sot_prev, the 3-token start sequence, one timestamp
MIN_NEW_TOKENS = 64


class FasterWhisperTranscriber(WhisperModelHolder):
    """Transcriber port on faster-whisper. `load()` once (slow), then `transcribe()` from one thread."""

    engine = ENGINE

    def __init__(self, model: str, options: FasterWhisperOptions | None = None) -> None:
        weights.model_weights(model)  # an unknown name fails here, listing the available ones
        super().__init__(model, options or FasterWhisperOptions(), DEFAULT_BEAM_SIZE)

    def _load(self, progress: Callable[[str], None] | None) -> None:
        say = progress or (lambda _message: None)
        folder = weights.ctranslate2_folder(self.model, say)
        say(f"loading {self.model}")
        try:
            from faster_whisper import WhisperModel

            self._whisper = WhisperModel(
                str(folder),
                device="cpu",
                compute_type=self.options.compute_type,
                cpu_threads=self.options.threads,
                local_files_only=True,
            )
        except MemoryError as e:
            raise out_of_memory(self.model) from e
        except (RuntimeError, ValueError, OSError) as e:
            if "alloc" in str(e).lower() or "memory" in str(e).lower():
                raise out_of_memory(self.model) from e
            raise TranscriberError(
                f"faster-whisper could not load {self.model} from {folder}: {e}",
                "run: interviewer doctor --prepare-weights",
            ) from e
        say(f"{self.model} ready")

    def _decode(self, samples: np.ndarray, hints: DecodeHints) -> tuple[list[tuple], str]:
        segments, info = self._whisper.transcribe(samples, **self._decode_arguments(hints))
        words = [(w.word, w.start, w.end, w.probability) for segment in segments for w in (segment.words or ())]
        return words, info.language

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
            initial_prompt=hints.prompt or None,
            hotwords=hotwords or None,
            max_new_tokens=self._new_token_budget(hotwords),
            hallucination_silence_threshold=options.hallucination_silence_threshold,
            vad_filter=False,
        )
