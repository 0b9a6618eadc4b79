"""One sentence of a clip spoken by its voice (espeak-ng or Piper), 16 kHz, trimmed, cached.

The audio is made at eval time (no recordings in the repo) and kept outside the repo, under
`cache_dir()/eval-audio`, one file per sentence, keyed by a hash of the text, the voice, its
settings and SYNTH_VERSION: a second run reads it back instead of synthesising again. A file made by
an older espeak-ng stays usable: the truth is measured on the audio itself, whichever made it.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path

import numpy as np

from interviewer import paths
from interviewer.adapters.speechgen import Utterance, speak, trim
from interviewer.evaluation.clip import NEURAL_VOICE, Clip

SYNTH_VERSION = 1  # raise when the way a sentence is made changes, to make the cache unused


def voice_settings(clip: Clip) -> dict:
    """Everything besides the text that decides the sound of a sentence."""
    if clip.voice == NEURAL_VOICE:
        from interviewer.adapters.piper_voice import PiperSettings

        settings = PiperSettings(length_scale=clip.length_scale)
        return {"voice": clip.voice, **asdict(settings)}
    return {"voice": clip.voice, "wpm": clip.wpm, "pitch": Utterance(text="").pitch}


def cache_key(text: str, clip: Clip) -> str:
    data = json.dumps({"version": SYNTH_VERSION, "text": text, **voice_settings(clip)}, sort_keys=True)
    return hashlib.sha256(data.encode()).hexdigest()[:32]


def audio_cache_dir() -> Path:
    return paths.cache_dir() / "eval-audio"


def sentence_audio(text: str, clip: Clip) -> np.ndarray:
    """`text` in `clip`'s voice as 16 kHz float32 samples without silence at either end."""
    path = audio_cache_dir() / f"{cache_key(text, clip)}.npy"
    if path.is_file():
        try:
            return np.load(path)
        except (OSError, ValueError):
            pass  # a torn file: make it again
    audio = trim(_render(text, clip))
    _store(path, audio)
    return audio


def _render(text: str, clip: Clip) -> np.ndarray:
    if clip.voice != NEURAL_VOICE:
        return speak(Utterance(text, clip.voice, clip.wpm))
    from interviewer.adapters.piper_voice import PiperSettings, to_16k
    from interviewer.adapters.piper_voice import speak as piper_speak

    return to_16k(piper_speak(text, PiperSettings(length_scale=clip.length_scale)))


def _store(path: Path, audio: np.ndarray) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    with open(partial, "wb") as f:
        np.save(f, audio.astype(np.float32))
    os.replace(partial, path)
