"""A host app that pushes one screen, and a player/speaker that record what they were asked."""

from __future__ import annotations

import threading
from pathlib import Path

from textual.app import App


class HostApp(App):
    def __init__(self, screen) -> None:
        super().__init__()
        self.first_screen = screen
        self.finish_requests: list[tuple[str, int]] = []

    def on_mount(self) -> None:
        self.push_screen(self.first_screen)

    def on_history_screen_finish_requested(self, message) -> None:
        self.finish_requests.append((message.session_id, message.answer_number))


class RecordingPlayer:
    """Reports two positions, then plays 'forever' until stopped (so pause can be tested)."""

    def __init__(self) -> None:
        self.starts: list[float] = []
        self.started = threading.Event()

    def play(self, wav_path: Path, start_s: float, on_position, stop: threading.Event) -> float:
        assert Path(wav_path).exists()
        self.starts.append(round(start_s, 3))
        on_position(start_s)
        on_position(start_s + 1.0)
        self.started.set()
        stop.wait(10)
        return start_s + 1.25


class RecordingSpeaker:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.said: list[str] = []

    def synthesize(self, text: str) -> Path:
        self.said.append(text)
        return self.folder / "question.wav"

    def play(self, wav: Path, stop: threading.Event) -> None:
        pass
