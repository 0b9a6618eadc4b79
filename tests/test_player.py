"""Playback through the virtual speaker: from the chosen word onward, bit for bit; clear errors."""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import pytest

from interviewer.domain.audiofile import read_pcm16
from interviewer.reporting.marks import transcript_marks
from tests.plugins.audio_env import run_python
from tests.reporting_fixtures import make_session

PLAY = """
import json, sys, threading
from interviewer.adapters.player import SoundDevicePlayer
from interviewer.errors import AudioDeviceError
positions = []
try:
    end = SoundDevicePlayer(sys.argv[3]).play(sys.argv[1], float(sys.argv[2]), positions.append, threading.Event())
    print(json.dumps({"event": "played", "end": end, "positions": positions}))
except AudioDeviceError as e:
    print(json.dumps({"event": "error", "message": e.message, "fix": e.fix}))
"""


def _play(env: dict, wav: Path, start_s: float, device: str = "") -> dict:
    run = run_python(env, ["-c", PLAY, str(wav), str(start_s), device], timeout=60)
    assert run.returncode == 0, run.stderr
    return run.events[-1]


@pytest.mark.audio
def test_playback_from_a_word_sends_exactly_the_samples_from_that_word_on(tmp_path, alsa_audio):
    store, session, answer = make_session(tmp_path / "rec")
    wav = store.wav_path(session, answer)
    word = next(m for m in transcript_marks(store.latest_analysis(session, answer)) if m.text == "proposed")
    event = _play(alsa_audio.env, wav, word.start)
    assert event["event"] == "played", event
    source, rate = read_pcm16(wav)
    played, played_rate = read_pcm16(alsa_audio.spk_wav)
    assert played_rate == rate == 16000
    first = int(np.nonzero(played)[0][0])  # PortAudio primes the device with a few blocks of silence
    expected = source[round(word.start * rate) :]
    assert np.array_equal(played[first : first + len(expected)], expected)
    assert not played[first + len(expected) :].any()  # then nothing but the padding of the last block
    assert event["end"] == pytest.approx(len(source) / rate)
    assert all(word.start <= p <= event["end"] for p in event["positions"])


@pytest.mark.audio
def test_no_speaker_is_a_clear_error(tmp_path, alsa_no_mic):
    store, session, answer = make_session(tmp_path / "rec")
    event = _play(alsa_no_mic, store.wav_path(session, answer), 0.0)
    assert event["event"] == "error"
    assert "cannot play sound" in event["message"] and "output_device" in event["fix"]


@pytest.mark.audio
def test_unknown_device_name_is_a_clear_error(tmp_path, alsa_audio):
    store, session, answer = make_session(tmp_path / "rec")
    event = _play(alsa_audio.env, store.wav_path(session, answer), 0.0, device="no-such-speaker")
    assert event["event"] == "error"
    assert "no-such-speaker" in event["message"]


def test_damaged_file_is_a_clear_error(tmp_path):
    from interviewer.adapters.player import SoundDevicePlayer
    from interviewer.errors import AudioDeviceError

    bad = tmp_path / "bad.wav"
    bad.write_bytes(b"not a wav")
    with pytest.raises(AudioDeviceError) as caught:
        SoundDevicePlayer().play(bad)
    assert "cannot play" in caught.value.message and json.dumps(caught.value.fix)


PLAY_THEN_PAUSE = """
import json, sys, threading, time
from interviewer.adapters.player import SoundDevicePlayer
stop = threading.Event()
reports = []
started = time.monotonic()

def report(t):
    if not reports:  # the stream is running: pause after argv[3] seconds of playing
        threading.Timer(float(sys.argv[3]), stop.set).start()
    reports.append((time.monotonic() - started, t))

end = SoundDevicePlayer().play(sys.argv[1], float(sys.argv[2]), report, stop)
print(json.dumps({"event": "paused", "position": end, "reports": reports}))
"""


SINK_WAKE_S = 2.0  # an idle null sink delays (and drops) the first 1-2 s once its monitor is opened (AUDIO.md)


def _voiced_seconds(samples: np.ndarray, rate: int = 16000) -> float:
    """How long the (noise) signal was audible: 10 ms frames above a silence floor."""
    frames = samples[: len(samples) // 160 * 160].reshape(-1, 160)
    return float((np.sqrt((frames**2).mean(axis=1)) > 0.01).sum() * 160 / rate)


@pytest.mark.audio
@pytest.mark.slow
def test_pause_in_real_time_reports_the_position_actually_heard(tmp_path, pulse_audio):
    store, session, answer = make_session(tmp_path / "rec")
    wav = store.wav_path(session, answer)
    capture = pulse_audio.capture_speaker(10.0)  # python and PortAudio start-up take seconds on a busy machine
    time.sleep(SINK_WAKE_S)
    run = run_python(pulse_audio.env, ["-c", PLAY_THEN_PAUSE, str(wav), "5.0", "1.5"], timeout=60)
    event = run.last("paused")
    heard = _voiced_seconds(capture.samples())
    played_s = event["position"] - 5.0
    assert 1.3 < played_s < 1.8  # paused 1.5 s after the first position report
    assert abs(played_s - heard) < 0.15, (played_s, heard)  # resuming from here repeats or skips < 0.15 s
    reports = event["reports"]
    (w0, t0), (w1, t1) = reports[len(reports) // 3], reports[-2]
    assert abs((t1 - t0) - (w1 - w0)) < 0.15  # positions advance in real time while playing


@pytest.mark.audio
@pytest.mark.slow
def test_real_time_playback_starts_at_the_chosen_sample(tmp_path, pulse_audio):
    store, session, answer = make_session(tmp_path / "rec")
    wav = store.wav_path(session, answer)
    capture = pulse_audio.capture_speaker(10.0)
    time.sleep(SINK_WAKE_S)
    run_python(pulse_audio.env, ["-c", PLAY_THEN_PAUSE, str(wav), "5.0", "1.0"], timeout=60).last("paused")
    captured = capture.samples()
    source, rate = read_pcm16(wav)
    source = source.astype(np.float32) / 32768
    loud = np.nonzero(np.abs(captured) > 0.02)[0]
    piece = captured[loud[0] + 800 : loud[0] + 800 + 4000]  # 0.25 s from 50 ms into the sound
    window = source[5 * rate - rate // 2 : 5 * rate + rate]
    scores = np.correlate(window, piece, mode="valid") / (np.linalg.norm(piece) * np.linalg.norm(window) / 6)
    lag = int(np.argmax(scores)) - rate // 2 - 800  # sample of the source where the sound began, minus 5 s
    # PulseAudio fades a new stream in over a few ms, so the first loud sample is a little late;
    # the bit-exact start is checked through the ALSA file speaker above
    assert abs(lag) <= 160, lag  # 10 ms: the right word, not a neighbour
