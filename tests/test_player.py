"""Playback through the virtual speaker: from the chosen word onward, bit for bit; clear errors."""

from __future__ import annotations

import json
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
