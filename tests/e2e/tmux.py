"""Run the installed `interviewer` in a real terminal (tmux) and read the screen as a person would."""

from __future__ import annotations

import shutil
import subprocess
import time
import uuid
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
INTERVIEWER = REPO_ROOT / ".venv" / "bin" / "interviewer"


class TmuxApp:
    def __init__(self, command: list[str], env: dict[str, str], width: int = 120, height: int = 40) -> None:
        assert shutil.which("tmux"), "install tmux"
        self.name = f"iv-{uuid.uuid4().hex[:8]}"
        self.tmux = ["tmux", "-L", self.name]  # a server of its own: other sessions cannot resize it
        env_args = [arg for key, value in env.items() for arg in ("-e", f"{key}={value}")]
        shell = " ".join(_quote(part) for part in command) + "; echo EXITED $?; sleep 600"
        subprocess.run([*self.tmux, "-f", "/dev/null", "new-session", "-d", "-s", self.name, "-x", str(width),
                        "-y", str(height), *env_args, shell], check=True)  # fmt: skip
        subprocess.run([*self.tmux, "set-option", "-t", self.name, "window-size", "manual"], check=False)
        subprocess.run([*self.tmux, "resize-window", "-t", self.name, "-x", str(width), "-y", str(height)],
                       check=False)  # fmt: skip

    def screen(self) -> str:
        result = subprocess.run([*self.tmux, "capture-pane", "-p", "-t", self.name], capture_output=True, text=True)
        return result.stdout

    def keys(self, *keys: str) -> None:
        for key in keys:
            subprocess.run([*self.tmux, "send-keys", "-t", self.name, key], check=True)
            time.sleep(0.15)

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        return self.wait_for_any((text,), timeout)

    def wait_until_gone(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text not in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} still on screen after {timeout} s; the screen:\n{screen}")

    def wait_for_any(self, texts: tuple[str, ...], timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if any(t in screen for t in texts):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"none of {texts} on screen after {timeout} s; the screen:\n{screen}")

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)


def _quote(part: str) -> str:
    return "'" + part.replace("'", "'\"'\"'") + "'"


QUESTION_OPEN = ("Listen to the question", "Answer now", "Cannot record")


def open_question(app, shown: tuple[str, ...] = QUESTION_OPEN) -> str:
    """From the home screen (bank preselected): press Enter until one of `shown` is on screen.

    Pressed until seen, not a fixed number of times after a fixed sleep: on a loaded machine a key
    sent while the home screen still settled its focus was lost (90 s on the home screen, once)."""
    app.wait_for("shows the hint", timeout=60)  # the bank's first question is on show
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        app.keys("Enter")
        try:
            return app.wait_for_any(shown, timeout=2.0)
        except AssertionError:
            continue
    return app.wait_for_any(shown, timeout=1.0)
