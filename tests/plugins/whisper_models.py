"""Real Whisper models and a real spoken clip, made once per test session.

`transcriber(engine, model)` loads each engine/model pair at most once per session;
`spoken_clip` is espeak-ng speech of a known answer followed by silence.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest

from interviewer.domain.ports import SAMPLE_RATE

CLIP_TEXT = (
    "In my last project I led the migration of our billing service to a new database. "
    "First we measured the slow queries, then we moved one customer at a time, "
    "and we kept the old system running until the numbers matched."
)
TRAILING_SILENCE_S = 2.0


@dataclass(frozen=True)
class SpokenClip:
    text: str
    audio: np.ndarray  # 16 kHz mono float32
    speech_s: float  # where the speech ends; silence follows

    @property
    def duration_s(self) -> float:
        return len(self.audio) / SAMPLE_RATE


@pytest.fixture(scope="session")
def spoken_clip() -> SpokenClip:
    from interviewer.adapters.speechgen import Utterance, concatenate, silence, speak, trim

    speech = trim(speak(Utterance(CLIP_TEXT, wpm=160)))
    audio = concatenate([silence(0.3), speech, silence(TRAILING_SILENCE_S)])
    return SpokenClip(CLIP_TEXT, audio, 0.3 + len(speech) / SAMPLE_RATE)


@pytest.fixture(scope="session")
def transcriber():
    """`transcriber(engine="faster-whisper", model="tiny.en")`: a loaded Transcriber, one per pair."""
    from interviewer.adapters.engines import build_transcriber

    loaded = {}

    def get(engine: str = "faster-whisper", model: str = "tiny.en"):
        if (engine, model) not in loaded:
            instance = build_transcriber(engine, model)
            instance.load()
            loaded[engine, model] = instance
        return loaded[engine, model]

    return get


@pytest.fixture(scope="session")
def faster_tiny(transcriber):
    return transcriber("faster-whisper", "tiny.en")


@pytest.fixture(scope="session")
def openai_tiny(transcriber):
    return transcriber("openai-whisper", "tiny.en")
