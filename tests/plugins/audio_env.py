"""Virtual sound devices for tests: a file-backed ALSA mic/speaker and a private PulseAudio.

PortAudio reads its device list when `sounddevice` is imported, so code that touches a
real device runs in a SUBPROCESS started with one of these environments (`env` dicts);
`run_python` / `record_in_subprocess` do that and parse the JSON lines the helper scripts
under tests/audio_helpers/ print. See /work/shared/AUDIO.md for how the devices work.

Fixtures:
    alsa_audio (function): `AlsaFakeAudio`. `.feed(samples)` writes float32 16 kHz samples
        that the default input device then returns bit for bit (NOT real time: the whole
        file arrives at once, hundreds of seconds of audio per second of wall time, and after
        the fed samples comes undefined data, not zeros: record briefly, compare the prefix);
        whatever is played on the default output lands
        in `.spk_wav` (a WAV file). Use `.env` for the subprocess.
    alsa_no_mic (function): env dict of a machine with no sound device at all.
    pulse_audio (session): `PulseAudio`, a private daemon with null sinks `spk` and
        `micfeed`; the default input is `micfeed.monitor` (real time, 16 kHz mono) and the
        default output is `spk`. `.env` for subprocesses (also for `tmux new-session -e`),
        `.play_into_mic(wav)` -> Popen of `paplay -d micfeed` (speak an answer),
        `.capture_speaker(seconds)` -> `SpeakerCapture` (`.samples()` waits, returns float32
        16 kHz mono of what was played on `spk`).

Helpers (import from tests.plugins.audio_env):
    run_python(env, args, timeout) -> PythonRun: `python <args>` in the repo, JSON lines parsed.
    record_in_subprocess(env, out, seconds, device="") -> PythonRun (tests/audio_helpers/record.py).
    start_recording(env, out, seconds=0) -> LiveRun: the same in the background; `.events` fill
        as JSON lines arrive ("progress" every 50 ms with `received` samples and `wall` time),
        `.wait_for(pred)`, `.process` (send SIGINT / kill it), `.finish()` -> PythonRun.
    write_wav16(path, samples, rate=16000): a 16-bit WAV of float samples (for paplay).

Running the real app against the PulseAudio microphone (e.g. in a tmux test):
    env = pulse_audio.env; tmux new-session -d -s S -e ALSA_CONFIG_PATH=... -e PULSE_SERVER=...
    "interviewer ..."; when the app is recording, `pulse_audio.play_into_mic(answer_wav)`.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest

from interviewer.domain.audiofile import to_pcm16, wav_header

REPO_ROOT = Path(__file__).resolve().parents[2]
MIC_RATE = 16000  # Hz: both virtual microphones deliver 16 kHz mono
ALSA_FAKE_CONFIG = """\
pcm.fakemic { type plug
  slave { pcm { type file; slave.pcm { type null }; file "/dev/null"
                infile { @func getenv vars [ FAKE_MIC_RAW ] default "/dev/zero" }; format "raw" }
          format FLOAT_LE; rate 16000; channels 1 } }
pcm.fakespk { type asym
  playback.pcm { type file; slave.pcm { type null }
                 file { @func getenv vars [ FAKE_SPK_WAV ] default "/dev/null" }; format "wav" } }
pcm.default { type asym; playback.pcm "fakespk"; capture.pcm "fakemic" }
"""
# a card by a name no machine has: "card 0" is a real microphone on a machine with a sound card
NO_MIC_CONFIG = 'pcm.default { type hw card "interviewer_no_such_card" }\n'
PULSE_ALSA_CONFIG = "pcm.default { type pulse }\nctl.default { type pulse }\n"
_AUDIO_VARS = ("ALSA_CONFIG_PATH", "FAKE_MIC_RAW", "FAKE_SPK_WAV", "PULSE_SERVER")


def base_env(**extra: str) -> dict[str, str]:
    """This process's environment without audio selections, the repo importable, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if k not in _AUDIO_VARS}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH", "")]))
    env.update(extra)
    return env


def write_wav16(path: Path, samples: np.ndarray, rate: int = MIC_RATE) -> Path:
    data = to_pcm16(samples).tobytes()
    Path(path).write_bytes(wav_header(rate, len(data)) + data)
    return Path(path)


@dataclass
class PythonRun:
    returncode: int
    events: list[dict]
    stdout: str
    stderr: str

    def last(self, event: str) -> dict:
        found = [e for e in self.events if e.get("event") == event]
        assert found, f"no {event!r} event; stdout={self.stdout[-2000:]!r} stderr={self.stderr[-2000:]!r}"
        return found[-1]


def parse_events(stdout: str) -> list[dict]:
    events = []
    for line in stdout.splitlines():
        if line.startswith("{"):
            try:
                events.append(json.loads(line))
            except json.JSONDecodeError:
                pass
    return events


def run_python(env: dict[str, str], args: list[str], timeout: float = 120) -> PythonRun:
    done = subprocess.run(
        [sys.executable, *args], env=env, cwd=REPO_ROOT, capture_output=True, text=True, timeout=timeout
    )
    return PythonRun(done.returncode, parse_events(done.stdout), done.stdout, done.stderr)


def sigint_as_in_a_terminal() -> None:
    """preexec_fn: a shell that starts the suite in the background leaves SIGINT ignored, and
    children inherit that (Ctrl+C tests then saw exit 0); a person's Ctrl+C reaches a foreground
    process whose SIGINT is the default, so give the child that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class LiveRun:
    """A helper script running in the background; its JSON lines collected as they come."""

    def __init__(self, env: dict[str, str], args: list[str]) -> None:
        self.events: list[dict] = []
        self._lines: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, *args], env=env, cwd=REPO_ROOT, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=sigint_as_in_a_terminal,
        )  # fmt: skip
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self._lines.append(line)
            self.events.extend(parse_events(line))

    def wait_for(self, predicate, timeout: float = 30) -> dict:
        """The first event for which `predicate(event)` is true, waiting up to `timeout` s."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for event in list(self.events):
                if predicate(event):
                    return event
            if self.process.poll() is not None and not self._reader.is_alive():
                break
            time.sleep(0.01)
        raise AssertionError(f"no such event; got {self.events[-3:]}; stderr={self.stderr_tail()!r}")

    def stderr_tail(self) -> str:
        return "" if self.process.poll() is None else self.process.stderr.read()[-2000:]

    def finish(self, timeout: float = 60) -> PythonRun:
        self.process.wait(timeout=timeout)
        self._reader.join(timeout=10)
        stderr = self.process.stderr.read()
        return PythonRun(self.process.returncode, list(self.events), "".join(self._lines), stderr)


def start_recording(env: dict[str, str], out: Path, seconds: float = 0, device: str = "") -> LiveRun:
    """tests/audio_helpers/record.py in the background; seconds=0 records until SIGINT/SIGTERM."""
    args = ["-m", "tests.audio_helpers.record", str(out), "--seconds", str(seconds), "--device", device]
    return LiveRun(env, args)


def record_in_subprocess(env: dict[str, str], out: Path, seconds: float, device: str = "") -> PythonRun:
    args = ["-m", "tests.audio_helpers.record", str(out), "--seconds", str(seconds), "--device", device]
    return run_python(env, args, timeout=seconds + 60)


# --- ALSA file plugin ----------------------------------------------------------------------


@dataclass
class AlsaFakeAudio:
    config: Path
    mic_raw: Path
    spk_wav: Path
    env: dict[str, str]

    def feed(self, samples: np.ndarray) -> None:
        """What the microphone will deliver (float32 16 kHz mono), then zeros."""
        self.mic_raw.write_bytes(np.asarray(samples, dtype="<f4").tobytes())


@pytest.fixture
def alsa_audio(tmp_path: Path) -> AlsaFakeAudio:
    folder = tmp_path / "alsa"
    folder.mkdir()
    config = folder / "asound.conf"
    config.write_text(ALSA_FAKE_CONFIG)
    mic_raw, spk_wav = folder / "mic.raw", folder / "played.wav"
    mic_raw.write_bytes(b"")
    env = base_env(ALSA_CONFIG_PATH=str(config), FAKE_MIC_RAW=str(mic_raw), FAKE_SPK_WAV=str(spk_wav))
    return AlsaFakeAudio(config, mic_raw, spk_wav, env)


@pytest.fixture
def alsa_no_mic(tmp_path: Path) -> dict[str, str]:
    config = tmp_path / "asound-nomic.conf"
    config.write_text(NO_MIC_CONFIG)
    return base_env(ALSA_CONFIG_PATH=str(config))


# --- private PulseAudio ------------------------------------------------------------------


@dataclass
class SpeakerCapture:
    """`parec` on spk.monitor for a fixed time; `samples()` waits for the end."""

    process: subprocess.Popen
    path: Path
    timer: threading.Timer

    def samples(self) -> np.ndarray:
        self.process.wait(timeout=self.timer.interval + 30)
        return np.frombuffer(self.path.read_bytes(), dtype="<f4").copy()


@dataclass
class PulseAudio:
    folder: Path
    env: dict[str, str]
    daemon: subprocess.Popen
    keepalive: subprocess.Popen | None = None
    _captures: int = field(default=0)

    def play_into_mic(self, wav: Path) -> subprocess.Popen:
        """Speak `wav` into the microphone, in real time; returns at once (wait on the handle)."""
        return subprocess.Popen(["paplay", "-d", "micfeed", str(wav)], env=self.env)

    def capture_speaker(self, seconds: float) -> SpeakerCapture:
        """Start recording what is played on the default output for `seconds`."""
        self._captures += 1
        path = self.folder / f"speaker-{self._captures}.raw"
        command = ["parec", "-d", "spk.monitor", "--raw", "--format=float32le", f"--rate={MIC_RATE}",
                   "--channels=1", "--latency-msec=10"]  # fmt: skip
        with open(path, "wb") as out:
            process = subprocess.Popen(command, env=self.env, stdout=out)
        timer = threading.Timer(seconds, process.send_signal, args=(signal.SIGINT,))
        timer.start()
        return SpeakerCapture(process, path, timer)

    def stop(self) -> None:
        for process in (self.keepalive, self.daemon):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()


def start_pulse_audio(folder: Path) -> PulseAudio:
    """A private PulseAudio daemon in `folder`, warmed up (first callbacks come promptly)."""
    for sub in ("home", "run"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    socket = folder / "native"
    (folder / "fake.pa").write_text(
        f"load-module module-native-protocol-unix auth-anonymous=1 socket={socket}\n"
        "load-module module-null-sink sink_name=spk\n"
        "load-module module-null-sink sink_name=micfeed rate=16000 channels=1\n"
        "set-default-sink spk\nset-default-source micfeed.monitor\n"
    )
    (folder / "asound-pulse.conf").write_text(PULSE_ALSA_CONFIG)
    daemon_env = base_env(HOME=str(folder / "home"), XDG_RUNTIME_DIR=str(folder / "run"))
    command = ["pulseaudio", "-n", "-F", str(folder / "fake.pa"), "--daemonize=no", "--exit-idle-time=-1",
               "--use-pid-file=no", "--disable-shm=yes"]  # fmt: skip
    with open(folder / "pulseaudio.log", "wb") as log:
        daemon = subprocess.Popen(command, env=daemon_env, stdout=log, stderr=log)
    env = base_env(PULSE_SERVER=f"unix:{socket}", ALSA_CONFIG_PATH=str(folder / "asound-pulse.conf"),
                   XDG_RUNTIME_DIR=str(folder / "run"))  # fmt: skip
    pulse = PulseAudio(folder, env, daemon)
    _wait_for_server(pulse)
    keepalive = ["parec", "--latency-msec=10", "-d", "micfeed.monitor"]
    pulse.keepalive = subprocess.Popen(keepalive, env=env, stdout=subprocess.DEVNULL)
    warm = record_in_subprocess(env, folder / "warm-up.wav", 0.5)
    assert warm.last("stopped")["samples"] > 0, warm.stderr
    return pulse


def _wait_for_server(pulse: PulseAudio, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pulse.daemon.poll() is not None:
            raise RuntimeError(f"pulseaudio exited: {(pulse.folder / 'pulseaudio.log').read_text()}")
        probe = subprocess.run(["pactl", "info"], env=pulse.env, capture_output=True)
        if probe.returncode == 0:
            return
        time.sleep(0.05)
    raise RuntimeError("pulseaudio did not start in time")


@pytest.fixture(scope="session")
def pulse_audio(tmp_path_factory: pytest.TempPathFactory):
    assert shutil.which("pulseaudio") and shutil.which("paplay"), "install pulseaudio pulseaudio-utils"
    pulse = start_pulse_audio(tmp_path_factory.mktemp("pulse"))
    try:
        yield pulse
    finally:
        pulse.stop()
