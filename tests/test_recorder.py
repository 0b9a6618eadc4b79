"""SoundDeviceRecorder on real PortAudio: the ALSA file microphone, a private PulseAudio, no device.

Every recording runs in a subprocess (PortAudio reads the devices at import), through
tests/audio_helpers/record.py. Figures measured here are printed (run with -s to see them).
"""

from __future__ import annotations

import functools
import random
import signal
import subprocess
import time
import wave

import numpy as np
import pytest

from interviewer.adapters import speechgen
from interviewer.adapters.recorder import DEVICE_LOST, DISK_FULL
from interviewer.domain.audiofile import quantize, read_wav, repair_wav
from tests.plugins.audio_env import (
    record_in_subprocess,
    run_python,
    start_pulse_audio,
    start_recording,
    write_wav16,
)

pytestmark = pytest.mark.audio
RATE = 16000
ANSWER = "I would start by listening to the stakeholder, then agree on one measurable goal with them."


@functools.lru_cache(maxsize=1)
def spoken_answer() -> np.ndarray:
    return speechgen.speak(speechgen.Utterance(ANSWER))


def header_frames(path) -> int:
    with wave.open(str(path), "rb") as w:
        assert w.getframerate() == RATE and w.getnchannels() == 1 and w.getsampwidth() == 2
        return w.getnframes()


def best_lag(recorded: np.ndarray, reference: np.ndarray) -> int:
    """Where `reference` starts inside `recorded` (FFT cross-correlation)."""
    size = 1 << int(np.ceil(np.log2(len(recorded) + len(reference))))
    spectrum = np.fft.rfft(recorded, size) * np.conj(np.fft.rfft(reference, size))
    correlation = np.fft.irfft(spectrum, size)[: len(recorded) - len(reference) + 1]
    return int(np.argmax(correlation))


def test_alsa_microphone_recording_equals_the_input_samples(alsa_audio, tmp_path):
    noise = np.random.default_rng(3).uniform(-0.9, 0.9, RATE).astype(np.float32)
    fed = np.concatenate([spoken_answer(), noise])
    alsa_audio.feed(fed)
    out = tmp_path / "answer.wav"
    stopped = record_in_subprocess(alsa_audio.env, out, seconds=0.05).last("stopped")
    assert stopped["interrupted"] == ""
    recorded = read_wav(out)
    assert header_frames(out) == stopped["samples"] == len(recorded) >= len(fed)
    assert np.array_equal(recorded[: len(fed)], quantize(fed))
    assert stopped["listener_samples"] == stopped["samples"]  # listeners saw every block


REUSE = """
import json, time
from pathlib import Path
from interviewer.adapters.recorder import SoundDeviceRecorder
recorder, counts = SoundDeviceRecorder(), {"a": 0, "b": 0}
samples = []
for name in ("a", "b"):
    recorder.add_listener(lambda block, name=name: counts.__setitem__(name, counts[name] + len(block)))
    recorder.start(Path(f"{OUT}-{name}.wav"))
    time.sleep(0.02)
    samples.append(recorder.stop().samples)
    assert recorder.stop().samples == samples[-1]  # stop is idempotent
    recorder.wait_for_listeners(10)
print(json.dumps({"event": "done", "samples": samples, "counts": counts}))
"""


def test_one_recorder_records_answer_after_answer_with_its_own_listeners(alsa_audio, tmp_path):
    run = run_python(alsa_audio.env, ["-c", REUSE.replace("{OUT}", str(tmp_path / "answer"))])
    done = run.last("done")
    assert done["counts"] == {"a": done["samples"][0], "b": done["samples"][1]}
    assert [len(read_wav(tmp_path / f"answer-{n}.wav")) for n in "ab"] == done["samples"]


def test_pulse_microphone_records_speech_in_real_time(pulse_audio, tmp_path):
    clip = quantize(spoken_answer())
    answer = write_wav16(tmp_path / "answer.wav", clip)
    out = tmp_path / "recorded.wav"
    live = start_recording(pulse_audio.env, out)
    first = live.wait_for(lambda e: e.get("received", 0) > 0)
    pulse_audio.play_into_mic(answer).wait(timeout=60)
    time.sleep(0.5)
    live.process.send_signal(signal.SIGINT)
    run = live.finish()
    stopped = run.last("stopped")
    last = [e for e in run.events if e["event"] == "progress"][-1]
    recorded = read_wav(out)
    wall_s = last["wall"] - first["wall"]
    audio_s = (last["received"] - first["received"]) / RATE
    lag = best_lag(recorded, clip)
    aligned = recorded[lag : lag + len(clip)]
    correlation = float(np.corrcoef(aligned, clip)[0, 1])
    speech_s = len(speechgen.trim(recorded)) / RATE
    print(f"\npulse: audio {audio_s:.3f} s in {wall_s:.3f} s wall; speech {speech_s:.3f} s "
          f"(input {len(speechgen.trim(clip)) / RATE:.3f} s); correlation {correlation:.6f}")  # fmt: skip
    assert stopped["interrupted"] == "" and header_frames(out) == stopped["samples"]
    assert abs(audio_s - wall_s) < 0.25  # real time: one second of audio per second
    assert abs(speech_s - len(speechgen.trim(clip)) / RATE) < 0.02
    # PulseAudio passes 16 kHz s16 through untouched: anything below 0.99 is a broken pipe
    assert correlation > 0.99
    levels = [e["level"] for e in run.events if e["event"] == "progress" and e["received"] > 0]
    assert levels[0] < 1e-3 and max(levels) > 0.02  # the meter: silence, then speech


def test_a_slow_listener_does_not_hold_up_the_recording(alsa_audio, tmp_path):
    fed = np.random.default_rng(9).uniform(-0.5, 0.5, 2 * RATE).astype(np.float32)
    alsa_audio.feed(fed)
    out = tmp_path / "slow.wav"
    args = ["-m", "tests.audio_helpers.record", str(out), "--seconds", "0.05",
            "--slow-listener-s", "0.2", "--listener-wait-s", "0"]  # fmt: skip
    stopped = run_python(alsa_audio.env, args).last("stopped")
    recorded = read_wav(out)
    assert stopped["interrupted"] == "" and len(recorded) == stopped["samples"] >= len(fed)
    assert np.array_equal(recorded[: len(fed)], quantize(fed))
    # the writer took every fed block (20 of them, and more) while the slow listener had been handed
    # at most two; how many more the fake microphone delivers depends on the machine's speed (a
    # loaded fresh-clone run recorded exactly 100 times the listener's share, which `samples // 100`
    # refused), so the bound is what was fed
    assert stopped["listened_at_stop"] <= 2 * 1600 < len(fed) <= stopped["samples"]
    assert stopped["stop_s"] < 5


def test_kill_9_loses_at_most_half_a_second(pulse_audio, tmp_path):
    rng = random.Random(20261122)
    losses = []
    for attempt in range(6):
        out = tmp_path / f"killed-{attempt}.wav"
        live = start_recording(pulse_audio.env, out)
        live.wait_for(lambda e: e.get("received", 0) > 0)
        time.sleep(rng.uniform(0.3, 2.5))
        last = [e for e in live.events if e["event"] == "progress"][-1]
        killed_at = time.time()
        live.process.kill()
        live.finish()
        delivered = last["received"] + (killed_at - last["wall"]) * RATE  # PortAudio runs in real time
        stale = header_frames(out)
        recovered_s = repair_wav(out)
        losses.append((delivered / RATE - recovered_s, delivered / RATE, stale / RATE))
        assert header_frames(out) == round(recovered_s * RATE)
    print("\nkill -9: (lost s, delivered s, header said s):", [tuple(round(v, 3) for v in x) for x in losses])
    assert max(loss for loss, _, _ in losses) <= 0.5


def test_ctrl_c_closes_the_file_properly(pulse_audio, tmp_path):
    out = tmp_path / "interrupted.wav"
    live = start_recording(pulse_audio.env, out)
    live.wait_for(lambda e: e.get("received", 0) >= RATE)
    live.process.send_signal(signal.SIGINT)
    run = live.finish()
    assert run.last("keyboard_interrupt")
    stopped = run.last("stopped")
    assert stopped["samples"] >= RATE and header_frames(out) == stopped["samples"]
    assert out.stat().st_size == 44 + 2 * stopped["samples"]


def test_device_lost_mid_answer_keeps_the_recording(tmp_path):
    pulse = start_pulse_audio(tmp_path / "doomed")
    try:
        out = tmp_path / "lost.wav"
        live = start_recording(pulse.env, out, seconds=30)
        live.wait_for(lambda e: e.get("received", 0) >= RATE)
        pulse.daemon.kill()  # the sound server, and with it the microphone, goes away
        run = live.finish()
    finally:
        pulse.stop()
    stopped = run.last("stopped")
    assert stopped["interrupted"] == DEVICE_LOST
    assert stopped["samples"] >= RATE and header_frames(out) == stopped["samples"]


@pytest.fixture
def tiny_disk(tmp_path):
    """A real 200 KiB filesystem (tmpfs; needs root or a user namespace) to fill up."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_disk_full_stops_cleanly_and_keeps_what_was_written(alsa_audio, tiny_disk):
    fed = np.random.default_rng(5).uniform(-0.5, 0.5, 8 * RATE).astype(np.float32)  # 256 KB as PCM16
    alsa_audio.feed(fed)
    out = tiny_disk / "answer.wav"
    stopped = record_in_subprocess(alsa_audio.env, out, seconds=1).last("stopped")
    assert stopped["interrupted"] == DISK_FULL
    assert header_frames(out) == stopped["samples"] > 100_000  # the disk holds 102,378 samples
    assert np.array_equal(read_wav(out), quantize(fed[: stopped["samples"]]))


def test_no_microphone_is_a_clear_error(alsa_no_mic, tmp_path):
    run = record_in_subprocess(alsa_no_mic, tmp_path / "x.wav", seconds=0.5)
    error = run.last("error")
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert error["kind"] == "AudioDeviceError" and error["message"] == "no microphone found"
    assert "plug in a microphone" in error["fix"]
    assert not (tmp_path / "x.wav").exists()
    listed = run_python(alsa_no_mic, ["-c", "from interviewer.adapters.recorder import list_input_devices as l; "
                                      "print(l())"])  # fmt: skip
    assert listed.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("device", "message"),
    [("USB Mic 3000", "no input device matches 'USB Mic 3000'"), ("42", "there is no input device number 42")],
)
def test_unknown_device_is_a_clear_error(alsa_audio, tmp_path, device, message):
    run = record_in_subprocess(alsa_audio.env, tmp_path / "x.wav", seconds=0.5, device=device)
    error = run.last("error")
    assert error["kind"] == "AudioDeviceError" and error["message"].startswith(message)
    assert "set input_device to one of these" in error["fix"] and "default" in error["fix"]


def test_device_by_name_and_index(alsa_audio, tmp_path):
    alsa_audio.feed(spoken_answer())
    listed = run_python(alsa_audio.env, ["-c", "from interviewer.adapters.recorder import list_input_devices as l; "
                                          "print([(d.index, d.name) for d in l()])"])  # fmt: skip
    assert "'fakemic'" in listed.stdout
    for device in ("fakemic", str(eval(listed.stdout)[0][0])):
        stopped = record_in_subprocess(alsa_audio.env, tmp_path / "d.wav", 0.05, device=device).last("stopped")
        assert stopped["interrupted"] == "" and stopped["samples"] > 0


def test_missing_portaudio_library_says_what_to_install(alsa_audio):
    code = (
        "import ctypes.util; ctypes.util.find_library = lambda name: None\n"
        "from interviewer.adapters.recorder import resolve_input_device\n"
        "from interviewer.errors import AudioDeviceError\n"
        "try:\n    resolve_input_device('')\nexcept AudioDeviceError as e:\n    print('ERROR', e.message, '|', e.fix)"
    )
    run = run_python(alsa_audio.env, ["-c", code])
    assert "ERROR the PortAudio sound library is missing" in run.stdout
    assert "sudo apt-get install libportaudio2" in run.stdout
