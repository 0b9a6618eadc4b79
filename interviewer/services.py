"""Builds the real adapters behind the ports, lazily, and loads the model in the background.

Nothing here imports an engine or a device library at module level: the first screen is
drawn before any of them is needed.
"""

from __future__ import annotations

import platform
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from interviewer import __version__
from interviewer.config import Config, careful_model
from interviewer.domain.ports import DecodeHints, Recorder, Speaker, Transcriber
from interviewer.domain.transcript import Transcript

if TYPE_CHECKING:
    import numpy as np


@dataclass
class Services:
    make_speaker: Callable[[], Speaker]
    make_recorder: Callable[[], Recorder]
    make_transcriber: Callable[[], Transcriber]
    versions: dict = field(default_factory=dict)
    make_careful_transcriber: Callable[[], Transcriber] | None = None  # hears each answer again (config.careful_model)


class ModelLoader:
    """Loads one transcriber in a background thread; `transcriber` waits for it when needed."""

    def __init__(self, factory: Callable[[], Transcriber], engine: str = "", model: str = "") -> None:
        self._factory = factory
        self.engine, self.model = engine, model  # known before loading: nothing waits to name them
        self._ready = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._model: Transcriber | None = None
        self.error: Exception | None = None
        self.status = "not loaded"
        self.on_status: Callable[[str], None] | None = None

    def start(self) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._load, name="model-loader", daemon=True)
                self._thread.start()

    def _load(self) -> None:
        try:
            model = self._factory()
            model.load(self._progress)
            self._model = model
            self._progress(f"{model.engine} {model.model} ready")
        except Exception as e:  # noqa: BLE001 - reported to the person by whoever waits
            self.error = e
            self._progress(f"model failed: {getattr(e, 'message', e)}")
        finally:
            self._ready.set()

    def _progress(self, text: str) -> None:
        self.status = text
        if self.on_status:
            self.on_status(text)

    @property
    def ready(self) -> bool:
        return self._ready.is_set() and self.error is None

    def settle(self, timeout: float) -> None:
        """Wait (at most `timeout`) for a load under way; nothing when none was started."""
        if self._thread is not None:
            self._thread.join(timeout)

    def wait(self, timeout: float | None = None) -> Transcriber:
        self.start()
        if not self._ready.wait(timeout):
            raise TimeoutError("the model is still loading")
        if self.error is not None:
            raise self.error
        return self._model

    def transcriber(self) -> Transcriber:
        """A Transcriber usable at once: its first call waits for the model to be loaded."""
        return _WaitingTranscriber(self)


class _WaitingTranscriber:
    def __init__(self, loader: ModelLoader) -> None:
        self._loader = loader

    @property
    def engine(self) -> str:
        return self._loader.engine

    @property
    def model(self) -> str:
        return self._loader.model

    def load(self, progress=None) -> None:
        self._loader.wait()

    def transcribe(self, audio: np.ndarray, hints: DecodeHints = DecodeHints()) -> Transcript:
        return self._loader.wait().transcribe(audio, hints)


def real_services(config: Config) -> Services:
    def make_speaker() -> Speaker:
        from interviewer.adapters.voice_choice import build_speaker

        return build_speaker(config.voice, output_device=config.output_device)

    def make_recorder() -> Recorder:
        from interviewer.adapters.recorder import SoundDeviceRecorder

        return SoundDeviceRecorder(device=config.input_device)

    def make_transcriber() -> Transcriber:
        from interviewer.adapters.engines import build_transcriber

        return build_transcriber(config.engine, config.model)

    def make_careful_transcriber() -> Transcriber:
        from interviewer.adapters.engines import build_careful_transcriber

        return build_careful_transcriber(config.engine, careful_model(config))

    versions = {"interviewer": __version__, "python": platform.python_version()}
    careful = make_careful_transcriber if careful_model(config) else None
    return Services(make_speaker, make_recorder, make_transcriber, versions, careful)
