"""Messages posted from workers to the UI (thread-safe via post_message)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class ModelStatus(Message):
    text: str
