"""Build a Transcriber for an engine and model name. Light to import: engines load inside `load()`."""

from __future__ import annotations

import os
from dataclasses import fields

from interviewer.adapters.weights import AVAILABLE_MODELS
from interviewer.config import ENGINES
from interviewer.domain.ports import Transcriber
from interviewer.errors import TranscriberError

__all__ = ["AVAILABLE_MODELS", "ENGINES", "build_after_the_fact", "build_careful_transcriber", "build_transcriber"]


def build_transcriber(engine: str, model: str, **options) -> Transcriber:
    """A Transcriber, not yet loaded: call `load(progress)` once (slow), then `transcribe()`.

    Args:
        engine: "faster-whisper" or "openai-whisper".
        model: an offline model (AVAILABLE_MODELS); openai-whisper also takes its own model names,
            which it downloads on a machine with internet.
        **options: fields of the engine's options dataclass: beam_size, language ("auto" detects),
            max_new_tokens, trim_silence, threads, and per engine compute_type /
            hallucination_silence_threshold (faster-whisper) or fp16 (openai-whisper).

    Raises:
        TranscriberError: unknown engine, model or option.
    """
    if engine == "faster-whisper":
        from interviewer.adapters.faster_whisper_engine import FasterWhisperOptions, FasterWhisperTranscriber

        return FasterWhisperTranscriber(model, _options(FasterWhisperOptions, options, engine))
    if engine == "openai-whisper":
        from interviewer.adapters.openai_whisper_engine import OpenAIWhisperOptions, OpenAIWhisperTranscriber

        return OpenAIWhisperTranscriber(model, _options(OpenAIWhisperOptions, options, engine))
    raise TranscriberError(f"unknown speech-to-text engine {engine!r}", f"choose one of: {', '.join(ENGINES)}")


# greedy for the hesitation weights, then beam search's words (rewrite_beam_size=5), with the hint guard
# (hearing/hint_guard.py): the beam alone wrote the hotword "bottleneck" for a said "nobody acts on" and a
# missed hint item showed covered; guarded, the tuning half heard 1 of 43 missed items covered (greedy 1,
# beam 2), items 0.922 (0.914 / 0.914), WER median 0.087 (0.104 / 0.083); bench answer 0.089 (greedy 0.093)
# In the full 30 s window (fitted_window=False): base in fitted windows, tuning half, looped in 4 of 75
# answers (19-43 words in one second) and lost filler precision (0.962 -> 0.937) for items 276 -> 278;
# its 18-28 s chunks would save at most 40 % of the encoder, and its words come after the first feedback
CAREFUL_DECODING: dict = dict(rewrite_beam_size=5, fitted_window=False)


def build_careful_transcriber(engine: str, model: str, threads: int | None = None) -> Transcriber:
    """The careful hearing's transcriber (domain/hearing/careful.py), by default on half the cores: it
    decodes beside the draft, whose last chunk at stop must not wait for it (faster-whisper's threads
    are per model; torch's, in openai-whisper, are per process, so there it keeps the default), and
    at a lower priority, so that a decode it has under way yields its core to the draft's last chunk,
    the analysis and the screen when the person presses stop (adapters/thread_priority.py).
    `threads=0`: the engine's own count (`interviewer eval`, which hears one after the other)."""
    if engine != "faster-whisper":
        return build_transcriber(engine, model)
    cores = max(1, (os.cpu_count() or 2) // 2) if threads is None else threads
    return build_transcriber(engine, model, threads=cores, lower_priority=True, **CAREFUL_DECODING)


def build_after_the_fact(engine: str, model: str, careful_model: str = "") -> tuple[Transcriber, Transcriber | None]:
    """The draft and careful transcribers that hear a saved answer as the app heard it live
    (`interviewer score`, `sessions --finish`, `eval`): the careful one decodes as the app's does, on
    all the cores, since nothing else runs beside it."""
    careful = build_careful_transcriber(engine, careful_model, threads=0) if careful_model else None
    return build_transcriber(engine, model), careful


def _options(kind, given: dict, engine: str):
    known = {f.name for f in fields(kind)}
    unknown = sorted(set(given) - known)
    if unknown:
        raise TranscriberError(f"{engine} has no option {unknown[0]!r}", f"its options are: {', '.join(sorted(known))}")
    return kind(**{k: v for k, v in given.items() if v is not None})
