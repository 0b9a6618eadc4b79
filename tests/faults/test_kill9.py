"""kill -9 of the real app in tmux mid-answer, 20 times at random moments; then one start recovers all.

Each round speaks a known signal into the PulseAudio microphone and kills the app's process
a seeded-random 0.8-6 s after the signal reached the microphone. Audio lost is measured on a repaired copy of
the WAV: cross-correlation finds where the signal starts in the recording, so the file holds
`len - offset` seconds of it. What had been spoken by the kill is measured by a reference
recorder on the same microphone (`parec`, 10 ms latency, real-time priority, into a file whose
size is read right after the kill): the seconds of the signal it had received at that moment. paplay's
own start time is not used as the reference: on this loaded machine paplay was seen to start
playing seconds after it was launched.

Each round records into its own folder so that no start recovers the previous rounds (the
app recovers at every start); the folders are then gathered into one recordings folder and
the app is started ONCE on it, as a person would after 20 crashes.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from interviewer.adapters.speechgen import Utterance, concatenate, silence, speak, trim
from interviewer.domain.audiofile import SAMPLE_RATE, from_pcm16, read_wav, repair_wav
from tests.faults.support import (
    WatchedApp,
    answers,
    app_command,
    app_env,
    one_screen,
    run_cli,
    start_question,
    wait_for_status,
)
from tests.plugins.audio_env import start_pulse_audio, write_wav16

ROUNDS = 20
SEED = 20261123
MAX_LOST_S = 0.5
ONSET_TEMPLATE_S = 0.1  # the signal's first 0.1 s, found by correlation, says it has reached the microphone
TEMPLATE_S = 0.4  # the signal's first 0.4 s is what cross-correlation looks for
SIGNAL_SENTENCES = [
    "My background is in molecular biology and statistics.",
    "Last year I built a pipeline that screens twenty thousand genomes a week.",
    "I want this role because it joins both halves of what I do.",
]
RECOVERY_TIMEOUT_S = 900  # measured here: ~25 s per answer while the 2 cores ran at load 11


class ReferenceMic:
    """`parec` on the microphone, at real-time priority, writing straight to a file.

    A file, not a pipe: a reader starved by the load can never hold parec up. The file's size
    read right after the kill is what had arrived by then (parec writes every 10 ms).
    """

    def __init__(self, env: dict[str, str], path: Path) -> None:
        command = [
            "chrt",
            "-f",
            "20",
            "parec",
            "-d",
            "micfeed.monitor",
            "--raw",
            "--format=s16le",
            f"--rate={SAMPLE_RATE}",
            "--channels=1",
            "--latency-msec=10",
        ]
        self.path = path
        with open(path, "wb") as out:
            self.process = subprocess.Popen(command, env=env, stdout=out)

    def position(self) -> int:
        """Samples received so far."""
        return self.path.stat().st_size // 2

    def samples(self, start: int) -> np.ndarray:
        raw = self.path.read_bytes()[start * 2 :]
        return from_pcm16(raw[: len(raw) - len(raw) % 2])

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@dataclass
class Round:
    number: int
    delay_s: float
    spoken_s: float  # seconds of the signal the reference recorder had received at the kill
    held_s: float  # seconds of the signal the repaired WAV holds
    recording_s: float  # the whole repaired WAV
    session_dir: Path

    @property
    def lost_s(self) -> float:
        return self.spoken_s - self.held_s


@pytest.fixture(scope="module")
def signal_wav(tmp_path_factory) -> tuple[Path, np.ndarray]:
    parts = []
    for sentence in SIGNAL_SENTENCES:
        parts += [trim(speak(Utterance(sentence, voice="en-us", wpm=170))), silence(0.3)]
    audio = concatenate(parts[:-1]).astype(np.float32)
    path = write_wav16(tmp_path_factory.mktemp("signal") / "signal.wav", audio)
    return path, read_wav(path)


def signal_offset(recording: np.ndarray, template: np.ndarray) -> tuple[int, float]:
    """(sample where `template` starts in `recording`, normalised correlation there)."""
    n = len(template)
    if len(recording) < n:
        return -1, 0.0
    size = 1 << int(np.ceil(np.log2(len(recording) + n)))
    corr = np.fft.irfft(np.fft.rfft(recording, size) * np.conj(np.fft.rfft(template, size)), size)
    corr = corr[: len(recording) - n + 1]
    energy = np.convolve(recording.astype(np.float64) ** 2, np.ones(n), mode="valid")
    norm = corr / (np.sqrt(np.maximum(energy, 1e-12)) * np.linalg.norm(template))
    best = int(np.argmax(norm))
    return best, float(norm[best])


def measure(wav: Path, work: Path, template: np.ndarray) -> tuple[float, float]:
    """(seconds of the signal held, seconds recorded) in a repaired copy of `wav`."""
    copy = work / wav.name
    shutil.copyfile(wav, copy)
    repair_wav(copy)
    recording = read_wav(copy)
    offset, score = signal_offset(recording, template)
    assert score > 0.9, f"the spoken signal is not in {wav} (best correlation {score:.2f})"
    return (len(recording) - offset) / SAMPLE_RATE, len(recording) / SAMPLE_RATE


def spoken_by(reference: ReferenceMic, start: int, at_kill: int, template: np.ndarray) -> float:
    """Seconds of the signal the reference microphone had received when it held `at_kill` samples."""
    deadline = time.monotonic() + 5.0
    while True:
        time.sleep(0.3)  # let the reference write past the kill moment
        heard = reference.samples(start)
        offset, score = signal_offset(heard, template)
        if score > 0.9 or time.monotonic() > deadline:
            break
    assert score > 0.9, (
        f"the reference recorder did not hear the signal (best correlation {score:.2f} at "
        f"{offset}; {len(heard)} samples since {start}, {at_kill - start} at the kill)"
    )
    return (at_kill - start - offset) / SAMPLE_RATE


def wait_until_heard_for(
    reference: ReferenceMic, start: int, seconds: float, template: np.ndarray, timeout: float = 60
) -> int:
    """Wait until the reference has received `seconds` of the signal (found by correlation); where it starts."""
    deadline = time.monotonic() + timeout
    onset = None
    while time.monotonic() < deadline:
        position = reference.position()
        if onset is None:
            offset, score = signal_offset(reference.samples(start), template[: int(ONSET_TEMPLATE_S * SAMPLE_RATE)])
            onset = start + offset if score > 0.9 else None
        if onset is not None and position - onset >= seconds * SAMPLE_RATE:
            return onset
        time.sleep(0.02)
    raise NotHeard(
        f"the signal was not heard on the microphone within {timeout} s: the reference grew "
        f"{reference.position() - start} samples, onset {onset}"
    )


class NotHeard(AssertionError):
    """The reference microphone did not hear paplay's signal: the round measured nothing."""


def one_round(number, delay, env, folder, signal_path, template, pulse, reference, tally) -> Round:
    fault = f"kill -9 round {number:02d}"
    began = time.monotonic()
    recordings = folder / f"round-{number:02d}"
    app = WatchedApp(tally, fault, app_command(recordings), env)
    try:
        assert "Answer now" in start_question(app)
        pid = app.app_pid()
        start = reference.position()
        played = time.monotonic()
        player = pulse.play_into_mic(signal_path)
        try:
            onset = wait_until_heard_for(reference, start, delay, template, timeout=20)
        except NotHeard as e:
            os.kill(pid, signal.SIGKILL)
            player.kill()
            shutil.rmtree(recordings, ignore_errors=True)  # not a measured crash: not for the recovery either
            raise NotHeard(f"{e}; paplay exit code {player.wait(timeout=10)}") from e
        os.kill(pid, signal.SIGKILL)
        killed, at_kill = time.monotonic(), reference.position()
        spoken = spoken_by(reference, start, at_kill, template)
        player.terminate()
        player.wait(timeout=10)
        app.wait_for("EXITED 137", timeout=20)
    finally:
        app.close()
    [session_dir] = list(recordings.iterdir())
    [answer] = json.loads((session_dir / "session.json").read_text())["answers"]
    assert answer["status"] == "recording", answer
    held, total = measure(session_dir / "01_intro.wav", folder, template)
    result = Round(number, delay, spoken, held, total, session_dir)
    tally.crash(fault, result.lost_s, note=f"killed {delay:.2f} s into the answer, file holds {held:.2f} s of it")
    late = killed - played - (at_kill - onset) / SAMPLE_RATE
    print(
        f"round {number:02d}: kill {delay:.2f} s into the signal (paplay started playing {late:.2f} s late); "
        f"spoken {result.spoken_s:.3f} s, held {held:.3f} s, "
        f"lost {result.lost_s:.3f} s ({time.monotonic() - began:.0f} s wall)"
    )
    return result


def recover_all(rounds, env, root, tally) -> list[dict]:
    """Start the app once on every round's session: it must find, repair and analyse them all."""
    fault = "kill -9: recovery at the next start"
    began = time.monotonic()
    app = WatchedApp(tally, fault, app_command(root), env)
    try:
        screen = app.wait_for("unfinished answer", timeout=60)
        assert f"Found {len(rounds)} unfinished answer(s)" in one_screen(screen), screen
        print(screen)
        found = wait_for_status(root, {"analysed"}, len(rounds), timeout=RECOVERY_TIMEOUT_S)
        print(f"{len(rounds)} answers recovered {time.monotonic() - began:.0f} s after the start")
    finally:
        app.close()
    return found


ATTEMPTS_PER_ROUND = 8  # a round whose signal the reference never heard measured nothing: run it again
SETTLE_S = 2.0  # between attempts: a fresh clone's run saw rounds 7 and 8 heard at the second attempt,
# round 9 not in four (paplay played the whole signal; the reference got 20 s without it)


def measured_round(number, delay, env, tmp_path, signal_path, template, pulse, reference, tally):
    for attempt in range(1, ATTEMPTS_PER_ROUND + 1):
        try:
            return one_round(number, delay, env, tmp_path, signal_path, template, pulse, reference, tally)
        except NotHeard as e:  # the test's own microphone path failed, not the app
            if attempt == ATTEMPTS_PER_ROUND:
                raise
            print(f"round {number:02d} again: {e}")
            time.sleep(SETTLE_S)


@pytest.fixture
def own_pulse_audio(tmp_path):
    """A PulseAudio daemon of this test's own: in a full run the shared one, used by every earlier
    audio test, once stopped carrying paplay's signal to the microphone (the reference heard nothing)."""
    pulse = start_pulse_audio(tmp_path / "pulse")
    try:
        yield pulse
    finally:
        pulse.stop()


@pytest.mark.slow
@pytest.mark.audio
@pytest.mark.timeout(RECOVERY_TIMEOUT_S + 1200)  # 20 rounds (~4 min here) + the recovery, bounded
def test_kill_9_mid_answer_twenty_times_then_one_start_recovers_all(tmp_path, own_pulse_audio, signal_wav, fault_tally):
    pulse_audio = own_pulse_audio
    signal_path, signal_audio = signal_wav
    template = signal_audio[: int(TEMPLATE_S * SAMPLE_RATE)]
    env = app_env(pulse_audio.env, tmp_path)
    rng = random.Random(SEED)
    delays = [round(rng.uniform(0.8, 6.0), 2) for _ in range(ROUNDS)]
    print(f"seed {SEED}: kill delays {delays}")
    reference = ReferenceMic(pulse_audio.env, tmp_path / "reference.raw")
    try:
        rounds = []
        for n, d in enumerate(delays):
            rounds.append(
                measured_round(n + 1, d, env, tmp_path, signal_path, template, pulse_audio, reference, fault_tally)
            )
    finally:
        reference.stop()

    root = tmp_path / "recordings"
    root.mkdir(mode=0o700)
    for r in rounds:
        r.session_dir.rename(root / r.session_dir.name)
    found = recover_all(rounds, env, root, fault_tally)

    by_session = {s.session_dir.name: s for s in rounds}
    for session_json in root.glob("*/session.json"):
        [answer] = json.loads(session_json.read_text())["answers"]
        r = by_session[session_json.parent.name]
        ok = (
            answer["status"] == "analysed"
            and "stopped mid-answer" in answer["interrupted"]
            and abs(answer["recording_s"] - r.recording_s) < 0.01
            and (session_json.parent / "01_intro.transcript.json").is_file()
        )
        fault_tally.recovered(f"kill -9 round {r.number:02d}", ok)
        assert ok, (answer, r)
    listed = run_cli(
        fault_tally,
        "kill -9: recovery at the next start",
        ["--recordings-dir", str(root), "sessions", "list", "--json"],
        env,
    )
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)["answers"]
    assert len(rows) == ROUNDS and all(row["status"] == "analysed" for row in rows), rows
    assert len(found) == ROUNDS == len(answers(root))
    worst = max(r.lost_s for r in rounds)
    print(f"audio lost per crash: max {worst:.3f} s, mean {np.mean([r.lost_s for r in rounds]):.3f} s")
    assert worst <= MAX_LOST_S, [(r.number, round(r.lost_s, 3)) for r in rounds]
