"""One error hierarchy. Every error carries a message a person can act on.

`message` says what went wrong, `fix` says what to do about it. The CLI and the
TUI show both and never a traceback.
"""

from __future__ import annotations


class InterviewerError(Exception):
    """Base of every error a person may see."""

    def __init__(self, message: str, fix: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix

    def __str__(self) -> str:
        return f"{self.message}\n  fix: {self.fix}" if self.fix else self.message


class ConfigError(InterviewerError):
    """The config file is unreadable or holds a bad value (message names file:line)."""


class BankError(InterviewerError):
    """A bank file is broken. `problems` lists every `file:line: what` found."""

    def __init__(self, message: str, fix: str = "", problems: list[str] | None = None) -> None:
        super().__init__(message, fix)
        self.problems = problems or [message]


class AudioDeviceError(InterviewerError):
    """No microphone or speaker, an unknown device, or a device that went away."""


class SpeechError(InterviewerError):
    """The text-to-speech engine is missing or failed."""


class TranscriberError(InterviewerError):
    """The speech-to-text engine or its weights are missing, corrupt or failed."""


class StorageError(InterviewerError):
    """The recordings folder is missing, read-only or full."""
