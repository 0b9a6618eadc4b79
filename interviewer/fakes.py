"""Fakes for every port, for tests where the real device or engine is not the point."""

from __future__ import annotations

import threading
import time
import wave
from collections.abc import Callable
from pathlib import Path

import numpy as np

from interviewer.domain.ports import SAMPLE_RATE, DecodeHints, RecordingInfo
from interviewer.domain.transcript import Transcript, Word


def timed_words(text: str, start: float = 0.5, seconds_per_word: float = 0.4) -> tuple[Word, ...]:
    """`text` as words spoken back to back from `start`, each `seconds_per_word` long."""
    words, t = [], start
    for token in text.split():
        words.append(Word(f" {token}", t, t + seconds_per_word * 0.9, 0.95))
        t += seconds_per_word
    return tuple(words)


class FakeTranscriber:
    """Hears `text` in any audio: words spread evenly over the audio's voiced length."""

    def __init__(self, text: str = "", engine: str = "fake", model: str = "fake", delay_s: float = 0.0) -> None:
        self.text, self.engine, self.model, self.delay_s = text, engine, model, delay_s
        self.loaded = False
        self.calls: list[tuple[int, DecodeHints]] = []

    def load(self, progress: Callable[[str], None] | None = None) -> None:
        if progress:
            progress("loading fake model")
        self.loaded = True

    def transcribe(self, audio: np.ndarray, hints: DecodeHints = DecodeHints()) -> Transcript:
        self.calls.append((len(audio), hints))
        time.sleep(self.delay_s)
        seconds = len(audio) / SAMPLE_RATE
        tokens = self.text.split()
        if not tokens or seconds <= 0:
            return Transcript((), duration_s=seconds, engine=self.engine, model=self.model)
        per_word = max(0.05, (seconds - 0.5) / len(tokens))
        words = timed_words(self.text, start=0.25, seconds_per_word=per_word)
        return Transcript(words, duration_s=seconds, engine=self.engine, model=self.model)


class FakeSpeaker:
    """Synthesises a short tone per question and 'plays' it by waiting `play_s` (or until stopped)."""

    def __init__(self, folder: Path, play_s: float = 0.05) -> None:
        self.folder, self.play_s = folder, play_s
        self.spoken: list[str] = []
        self.notice = ""
        self.label = "Fake tone (test)"

    def synthesize(self, text: str) -> Path:
        self.spoken.append(text)
        path = self.folder / f"question-{len(self.spoken)}.wav"
        write_wav(path, np.zeros(int(0.1 * SAMPLE_RATE), dtype=np.float32))
        return path

    def play(self, wav: Path, stop: threading.Event) -> None:
        stop.wait(self.play_s)

    def say(self, text: str, stop: threading.Event) -> None:
        self.play(self.synthesize(text), stop)


class FakeRecorder:
    """Replays `audio` as if spoken into the microphone, `speed` times faster than real time."""

    def __init__(self, audio: np.ndarray, speed: float = 50.0, block_s: float = 0.1) -> None:
        self.audio, self.speed, self.block = audio.astype(np.float32), speed, int(block_s * SAMPLE_RATE)
        self._listeners: list[Callable[[np.ndarray], None]] = []
        self._recorded: list[np.ndarray] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._path: Path | None = None
        self._level = 0.0
        self.interrupted = ""

    def add_listener(self, listener: Callable[[np.ndarray], None]) -> None:
        self._listeners.append(listener)

    def start(self, path: Path) -> None:
        self._path = path
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        for offset in range(0, len(self.audio), self.block):
            if self._stop.is_set():
                return
            block = self.audio[offset : offset + self.block]
            self._recorded.append(block)
            self._level = float(np.sqrt(np.mean(block**2))) if len(block) else 0.0
            for listener in self._listeners:
                listener(block)
            time.sleep(len(block) / SAMPLE_RATE / self.speed)

    def stop(self) -> RecordingInfo:
        self._stop.set()
        if self._thread:
            self._thread.join()
        audio = np.concatenate(self._recorded) if self._recorded else np.zeros(0, np.float32)
        write_wav(self._path, audio)
        return RecordingInfo(self._path, len(audio) / SAMPLE_RATE, len(audio))

    def level(self) -> float:
        return self._level

    def elapsed(self) -> float:
        return sum(len(b) for b in self._recorded) / SAMPLE_RATE

    @property
    def finished(self) -> bool:
        return self._thread is not None and not self._thread.is_alive()


class FakeClock:
    def __init__(self, start: float = 0.0) -> None:
        self.t = start

    def now(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


def write_wav(path: Path, audio: np.ndarray, sample_rate: int = SAMPLE_RATE) -> None:
    pcm = (np.clip(audio, -1, 1) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(sample_rate)
        handle.writeframes(pcm.tobytes())
