"""Build a Transcriber for an engine and model name. Light to import: engines load inside `load()`."""

from __future__ import annotations

from dataclasses import fields

from interviewer.adapters.weights import AVAILABLE_MODELS
from interviewer.config import ENGINES
from interviewer.domain.ports import Transcriber
from interviewer.errors import TranscriberError

__all__ = ["AVAILABLE_MODELS", "ENGINES", "build_transcriber"]


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


def _options(kind, given: dict, engine: str):
    known = {f.name for f in fields(kind)}
    unknown = sorted(set(given) - known)
    if unknown:
        raise TranscriberError(f"{engine} has no option {unknown[0]!r}", f"its options are: {', '.join(sorted(known))}")
    return kind(**{k: v for k, v in given.items() if v is not None})
