"""Shared pieces of the fault suite: the real CLI in a subprocess, the real app in tmux, mounts.

Every output passes through the tally (`FaultTally.scan`) so tracebacks are counted wherever
they appear.
"""

from __future__ import annotations

import contextlib
import json
import re
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from tests.e2e.tmux import INTERVIEWER, TmuxApp, open_question
from tests.faults.conftest import TRACEBACK

REPO_ROOT = Path(__file__).resolve().parents[2]
CLI_TIMEOUT_S = 240  # generous: the machine is shared and loaded
BANK_ID = "faults"
BANK = """\
title = "Fault drill"
description = "One short question for the fault suite"
source = "tests"

[[questions]]
id = "intro"
text = "Tell me about yourself."
hint = "Cover your background, a recent project and why this role."
"""


@dataclass
class CliRun:
    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_cli(
    tally,
    fault: str,
    args: list[str],
    env: dict[str, str],
    timeout: float = CLI_TIMEOUT_S,
    executable: list[str] | None = None,
) -> CliRun:
    """`interviewer ARGS` in a subprocess; its stdout and stderr are scanned for tracebacks."""
    command = (executable or [str(INTERVIEWER)]) + args
    done = subprocess.run(command, env=env, cwd=REPO_ROOT, capture_output=True, text=True, timeout=timeout)
    tally.scan(fault, done.stdout, "stdout")
    tally.scan(fault, done.stderr, "stderr")
    return CliRun(done.returncode, done.stdout, done.stderr)


def user_data(folder: Path, bank: str = BANK) -> Path:
    """An INTERVIEWER_DATA_DIR holding the fault-drill bank."""
    (folder / "banks").mkdir(parents=True, exist_ok=True)
    (folder / "banks" / f"{BANK_ID}.toml").write_text(bank)
    return folder


def app_env(base: dict[str, str], tmp: Path) -> dict[str, str]:
    env = dict(base)
    env.update(INTERVIEWER_DATA_DIR=str(user_data(tmp / "data")), INTERVIEWER_CONFIG=str(tmp / "no-config.toml"))
    return env


def app_command(recordings: Path, *extra: str, wrapper: list[str] | None = None) -> list[str]:
    """The installed app, the fault-drill bank preselected, the fast voice."""
    command = [str(INTERVIEWER), "--bank", BANK_ID, "--voice", "brisk-uk", "--recordings-dir", str(recordings), *extra]
    return (wrapper or []) + command


class WatchedApp:
    """A `TmuxApp` whose screens are scanned for tracebacks: each screen read while it runs, and at
    `close` the pane's whole history (what was printed after the app left its full-screen mode).
    The fault is charged once per app, with the most tracebacks any one of those texts showed."""

    def __init__(self, tally, fault: str, command: list[str], env: dict[str, str]) -> None:
        self.tally, self.fault = tally, fault
        self.tmux = TmuxApp(command, env)
        self._worst = (0, "")
        self._closed = False

    @property
    def name(self) -> str:
        return self.tmux.name

    @property
    def _tmux(self) -> list[str]:
        """The tmux command reaching this app's server (TmuxApp may give each app a server of its own)."""
        return list(getattr(self.tmux, "tmux", ["tmux"]))

    @property
    def tracebacks_seen(self) -> int:
        return self._worst[0]

    def _seen(self, text: str) -> str:
        count = len(TRACEBACK.findall(text))
        if count > self._worst[0] or not self._worst[1]:
            self._worst = (count, text)
        return text

    def screen(self) -> str:
        return self._seen(self.tmux.screen())

    def history(self) -> str:
        done = subprocess.run(
            [*self.tmux.tmux, "capture-pane", "-p", "-S", "-", "-E", "-", "-t", self.name],
            capture_output=True,
            text=True,
        )
        return self._seen(done.stdout)

    def wait_for(self, text: str, timeout: float = 60.0) -> str:
        return self.wait_for_any((text,), timeout)

    def wait_for_any(self, texts: tuple[str, ...], timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if any(t in screen for t in texts):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"none of {texts} on screen after {timeout} s; the screen:\n{self.history()}")

    def keys(self, *keys: str) -> None:
        self.tmux.keys(*keys)

    def final_screen(self) -> str:
        """The visible screen now, and the whole history scanned too."""
        self.history()
        return self.screen()

    def app_pid(self, timeout: float = 10.0) -> int:
        """The pid of the interviewer process: the child of the pane's shell."""
        shell = subprocess.run(
            [*self.tmux.tmux, "list-panes", "-t", self.name, "-F", "#{pane_pid}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()[0]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            children = subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True).stdout.split()
            for pid in children:
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                if "interviewer" in cmdline:
                    return int(pid)
            time.sleep(0.05)
        raise AssertionError(f"no interviewer process under pane shell {shell}")

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.history()
        self.tally.scan(self.fault, self._worst[1], "screen")
        self.tmux.close()


def start_question(app: WatchedApp, timeout: float = 90.0) -> str:
    """From the home screen (bank preselected): ask its first question and wait to be recording."""
    open_question(app)
    return app.wait_for_any(("Answer now", "Cannot record"), timeout=timeout)


def sessions(recordings: Path) -> list[dict]:
    return [json.loads(p.read_text()) for p in sorted(recordings.glob("*/session.json"))]


def answers(recordings: Path) -> list[dict]:
    return [a for s in sessions(recordings) for a in s["answers"]]


def wait_for_status(recordings: Path, statuses: set[str], count: int, timeout: float) -> list[dict]:
    """Poll session.json files until `count` answers have a status in `statuses`."""
    deadline = time.monotonic() + timeout
    found: list[dict] = []
    while time.monotonic() < deadline:
        with contextlib.suppress(ValueError, OSError):
            found = answers(recordings)
            if sum(a["status"] in statuses for a in found) >= count:
                return found
        time.sleep(0.5)
    raise AssertionError(f"answers did not reach {statuses} in {timeout} s: {[a['status'] for a in found]}")


@contextlib.contextmanager
def tmpfs(folder: Path, size: str, read_only: bool = False):
    """A small tmpfs mounted on `folder` (created), unmounted afterwards."""
    folder.mkdir(parents=True, exist_ok=True)
    options = f"size={size},mode=0700" + (",ro" if read_only else "")
    subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


_FRAME = re.compile("[\u2500-\u259f]")  # box-drawing and block characters: borders, scrollbars


def one_screen(screen: str) -> str:
    """The screen's text with borders removed and lines joined, for messages that wrap."""
    lines = (" ".join(_FRAME.sub(" ", line).split()) for line in screen.splitlines())
    return " ".join(line for line in lines if line)


# Run the CLI with its address space capped at what the process already holds plus `headroom`
# bytes, measured inside the process just before the command runs, with the engine's libraries
# already imported: a cap that leaves less room than the model's own weights makes the load fail
# on any machine, whatever its libraries reserve at start (a fixed 1 GiB cap did not, elsewhere).
_CAPPED_MAIN = """
import resource, sys
import interviewer.cli, faster_whisper, ctranslate2, av, numpy
size = next(int(l.split()[1]) * 1024 for l in open("/proc/self/status") if l.startswith("VmSize:"))
limit = size + int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
sys.exit(interviewer.cli.main(sys.argv[2:]))
"""


def memory_capped(headroom_bytes: int) -> list[str]:
    """The interviewer command with only `headroom_bytes` of address space left when it starts."""
    return [str(REPO_ROOT / ".venv" / "bin" / "python"), "-c", _CAPPED_MAIN, str(headroom_bytes)]
