"""A Recorder that "records" a known answer at real-time pace, the way the microphone adapter does.

Blocks of BLOCK_S are appended to a growing WAV (header rewrite + fsync every FLUSH_S, as
`SoundDeviceRecorder`'s writer does) and handed to the listeners, each when the wall clock
says it was recorded. Only PortAudio is missing, so `interviewer bench` measures the app's
own stop -> feedback path (`AnswerRun.finish`) rather than a copy of it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from interviewer.adapters.recorder import BLOCK_S, FLUSH_S
from interviewer.domain.audiofile import GrowingWav
from interviewer.domain.ports import SAMPLE_RATE, RecordingInfo


class PacedRecorder:
    """The `Recorder` port, replaying `audio` (16 kHz mono float32) in real time into a WAV."""

    interrupted = ""

    def __init__(self, audio: np.ndarray, block_s: float = BLOCK_S, flush_s: float = FLUSH_S) -> None:
        self.audio = np.asarray(audio, dtype=np.float32)
        self.block = int(block_s * SAMPLE_RATE)
        self.flush_s = flush_s
        self.played = threading.Event()  # every block was recorded: the person may press stop
        self._listeners: list[Callable[[np.ndarray], None]] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._wav: GrowingWav | None = None
        self._samples = 0
        self._level = 0.0

    def add_listener(self, listener: Callable[[np.ndarray], None]) -> None:
        self._listeners.append(listener)

    def start(self, path: Path) -> None:
        self._wav = GrowingWav(Path(path), SAMPLE_RATE)
        self._thread = threading.Thread(target=self._record, name="paced-recorder", daemon=True)
        self._thread.start()

    def stop(self) -> RecordingInfo:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self._wav.close()
        return RecordingInfo(self._wav.path, self._wav.seconds, self._wav.frames)

    def level(self) -> float:
        return self._level

    def elapsed(self) -> float:
        return self._samples / SAMPLE_RATE

    def _record(self) -> None:
        t0 = last_flush = time.perf_counter()
        for k, i in enumerate(range(0, len(self.audio), self.block)):
            wait = t0 + (k + 1) * self.block / SAMPLE_RATE - time.perf_counter()
            if self._stop.wait(max(0.0, wait)):
                return
            block = self.audio[i : i + self.block]
            self._wav.append(block)
            self._samples += len(block)
            self._level = float(np.sqrt(np.mean(block * block)))
            for listener in self._listeners:
                listener(block)
            if time.perf_counter() - last_flush >= self.flush_s:
                self._wav.flush()
                last_flush = time.perf_counter()
        self.played.set()
