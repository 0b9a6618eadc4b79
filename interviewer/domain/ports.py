"""The ports: what the core needs from the outside world, as small Protocols.

Adapters in `interviewer.adapters` implement them on real devices and engines;
fakes in `interviewer.fakes` implement them for tests.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from interviewer.domain.transcript import Transcript

if TYPE_CHECKING:  # numpy only appears in annotations: the first screen need not load it
    import numpy as np

SAMPLE_RATE = 16000  # Hz, mono float32: what Whisper wants and what we record


@dataclass(frozen=True)
class DecodeHints:
    """What the transcriber may be told about the answer to hear it better.

    `prompt` is the initial prompt (style and context), `hotwords` the question's
    own terms that Whisper tends to mishear.
    """

    prompt: str = ""
    hotwords: tuple[str, ...] = ()


class Transcriber(Protocol):
    engine: str
    model: str

    def load(self, progress: Callable[[str], None] | None = None) -> None:
        """Load the model (slow, done once, in the background)."""

    def transcribe(self, audio: np.ndarray, hints: DecodeHints = DecodeHints()) -> Transcript:
        """Word-timed transcript of 16 kHz mono float32 `audio`; times from its first sample."""


class Speaker(Protocol):
    def synthesize(self, text: str) -> Path:
        """A WAV file of `text` spoken in this speaker's voice (cached)."""

    def play(self, wav: Path, stop: threading.Event) -> None:
        """Play `wav`, blocking until it ends or `stop` is set."""

    def say(self, text: str, stop: threading.Event) -> object:
        """Speak `text`, starting as soon as its first part is ready; blocks like `play`."""


@dataclass(frozen=True)
class RecordingInfo:
    path: Path
    seconds: float
    samples: int
    interrupted: str = ""  # why recording ended early (device lost, disk full), else ""


class Recorder(Protocol):
    def start(self, path: Path) -> None:
        """Start recording to `path` (a WAV that grows on disk as the person speaks)."""

    def stop(self) -> RecordingInfo:
        """Stop, flush and close the file."""

    def level(self) -> float:
        """The latest input level, 0.0-1.0 (RMS, for the meter)."""

    def elapsed(self) -> float:
        """Seconds recorded so far."""

    def add_listener(self, listener: Callable[[np.ndarray], None]) -> None:
        """Also hand every recorded block to `listener` (for streaming transcription)."""

    @property
    def interrupted(self) -> str:
        """Why recording ended by itself (device lost, disk full), else "" while it goes on."""


class Clock(Protocol):
    def now(self) -> float:
        """Monotonic seconds."""
