"""Messages posted from workers to the UI (thread-safe via post_message)."""

from __future__ import annotations

from textual.message import Message


class ModelStatus(Message, bubble=False):
    """The model loader's progress; the app hands it to the screen on top."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
