"""How long the TUI takes to show its first screen, seen from the terminal it draws on.

The app runs in a pseudo-terminal, as in a person's terminal emulator; the clock starts just
before the process is spawned and stops when the terminal has received the home screen (the
header, the banks pane and the question table). The app's own figure (INTERVIEWER_PROBE_FIRST_SCREEN: the
process's start to Textual's first refresh) is reported beside it; the app exits after it. One
start is a noisy sample on a shared 2-core machine, so the probe starts the app several times
and reports the median.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import statistics
import struct
import subprocess
import termios
import time
from pathlib import Path

PROBES = 7
TIMEOUT_S = 60.0
COLUMNS, LINES = 120, 40
DRAWN_WHEN_SEEN = ("say it out loud", "Banks", "level")  # header, banks pane, question table
ESCAPES = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)")


def probe_first_screen(command: list[str], folder: Path, probes: int = PROBES) -> dict:
    """The median of `probes` starts of `command` (the interviewer TUI), and each sample."""
    samples = []
    for i in range(probes):
        sample = _one_start(command, folder / f"probe-{i}.txt")
        if "error" in sample:
            return sample
        samples.append(sample)
    seen = [s["terminal_s"] for s in samples]
    own = [s["app_s"] for s in samples if s["app_s"] is not None]
    return {
        "first_screen_s": round(statistics.median(seen), 3),
        "first_screen_min_s": round(min(seen), 3),
        "first_screen_max_s": round(max(seen), 3),
        "app_probe_median_s": round(statistics.median(own), 3) if own else None,
        "samples_s": [round(s, 3) for s in seen],
        "terminal": f"{COLUMNS}x{LINES}",
        "method": f"median of {probes} starts in a pseudo-terminal ({COLUMNS}x{LINES}): spawn until the "
        "terminal has received the home screen",
    }


def _one_start(command: list[str], probe_file: Path) -> dict:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    env = os.environ | {"INTERVIEWER_PROBE_FIRST_SCREEN": str(probe_file), "TERM": "xterm-256color",
                        "COLUMNS": str(COLUMNS), "LINES": str(LINES)}  # fmt: skip
    t0 = time.perf_counter()
    child = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    try:
        drawn = _wait_for_screen(master, t0)
        if not _drain_until_exit(master, child):
            child.kill()
            return {"error": f"the app did not exit within {TIMEOUT_S:.0f} s of its first screen"}
    finally:
        os.close(master)
    if drawn is None:
        return {"error": f"no first screen within {TIMEOUT_S:.0f} s (exit status {child.returncode})"}
    app_s = float(probe_file.read_text().strip()) if probe_file.exists() else None
    return {"terminal_s": drawn, "app_s": app_s}


def _wait_for_screen(master: int, t0: float) -> float | None:
    """Seconds from `t0` until the terminal output holds every DRAWN_WHEN_SEEN text; None on timeout or exit."""
    received = b""
    while time.perf_counter() - t0 < TIMEOUT_S:
        ready, _, _ = select.select([master], [], [], 0.5)
        if not ready:
            continue
        try:
            data = os.read(master, 65536)
        except OSError:
            return None  # the app exited (EIO) before drawing
        if not data:
            return None
        received += data
        text = ESCAPES.sub(b"", received).decode("utf-8", "replace")
        if all(marker in text for marker in DRAWN_WHEN_SEEN):
            return time.perf_counter() - t0
    return None


def _drain_until_exit(master: int, child: subprocess.Popen) -> bool:
    """Read (and drop) what the app still writes, so it never blocks on a full terminal, until it exits."""
    deadline = time.perf_counter() + TIMEOUT_S
    while child.poll() is None and time.perf_counter() < deadline:
        try:
            if select.select([master], [], [], 0.05)[0]:
                os.read(master, 65536)
        except OSError:
            break  # EIO: the app closed the terminal
    try:
        child.wait(timeout=max(0.0, deadline - time.perf_counter()))
    except subprocess.TimeoutExpired:
        return False
    return True
