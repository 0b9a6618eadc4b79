"""Spoken audio made on this machine with espeak-ng, for benchmarks, evaluation and tests.

No third-party recordings: every clip is synthesised at run time from known text, so
what was said (and when) is known exactly.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from interviewer.domain.ports import SAMPLE_RATE
from interviewer.errors import SpeechError


@dataclass(frozen=True)
class Utterance:
    text: str
    voice: str = "en-us"
    wpm: int = 160
    pitch: int = 50
    ssml: bool = False  # `text` is SSML (e.g. <prosody range="x-low">): espeak-ng -m
    amplitude: int = 100  # espeak-ng -a, 0-200


def espeak_wav(utterance: Utterance, path: Path) -> Path:
    """Write `utterance` spoken by espeak-ng to the WAV `path` (22050 Hz, 16-bit)."""
    binary = shutil.which("espeak-ng")
    if not binary:
        raise SpeechError("espeak-ng is not installed", "run ./dev setup, or: sudo apt-get install espeak-ng")
    command = [
        binary,
        "-v",
        utterance.voice,
        "-s",
        str(utterance.wpm),
        "-p",
        str(utterance.pitch),
        "-a",
        str(utterance.amplitude),
        *(["-m"] if utterance.ssml else []),
        "-w",
        str(path),
        utterance.text,
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    return path


def load_audio(path: Path) -> np.ndarray:
    """Any audio file as 16 kHz mono float32 (decoded and resampled by PyAV)."""
    from faster_whisper.audio import decode_audio

    return decode_audio(str(path), sampling_rate=SAMPLE_RATE).astype(np.float32)


def speak(utterance: Utterance) -> np.ndarray:
    """`utterance` as 16 kHz mono float32 samples."""
    with tempfile.TemporaryDirectory() as tmp:
        wav = espeak_wav(utterance, Path(tmp) / "speech.wav")
        return load_audio(wav)


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(round(seconds * SAMPLE_RATE)), dtype=np.float32)


def trim(audio: np.ndarray, threshold: float = 1e-3) -> np.ndarray:
    """`audio` without the near-silent samples espeak leaves at both ends."""
    loud = np.flatnonzero(np.abs(audio) > threshold)
    return audio[loud[0] : loud[-1] + 1] if loud.size else audio[:0]


def concatenate(parts: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(parts).astype(np.float32) if parts else silence(0)
