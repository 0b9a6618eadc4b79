"""Pyttsx3Speaker with the real pyttsx3 + espeak-ng, played through real PortAudio on virtual speakers."""

from __future__ import annotations

import stat
import time

import numpy as np
import pytest

from interviewer.adapters.speaker import TTS_RATE, Pyttsx3Speaker
from interviewer.adapters.voices import VoiceProfile, find_voice
from interviewer.domain.audiofile import from_pcm16, read_pcm16
from tests.plugins.audio_env import base_env, run_python

QUESTION = (
    "Tell me about a time you had to deliver a project under a tight deadline. What did you prioritise, "
    "what did you leave out, and how did you explain those choices to the people who depended on you?"
)
WORDS = len(QUESTION.split())


def speak_in_subprocess(env: dict, cache, *args: str):
    return run_python(env, ["-m", "tests.audio_helpers.speak", QUESTION, "--cache", str(cache), *args], 120)


@pytest.fixture
def calm(tmp_path) -> Pyttsx3Speaker:
    return Pyttsx3Speaker(find_voice("calm-us"), cache_dir=tmp_path / "tts")


def test_synthesize_writes_the_question_as_a_22050_hz_wav(calm):
    started = time.perf_counter()
    wav = calm.synthesize(QUESTION)
    took = time.perf_counter() - started
    samples, rate = read_pcm16(wav)
    seconds = len(samples) / rate
    print(f"\nsynthesis of {WORDS} words: {took * 1000:.1f} ms -> {seconds:.2f} s of speech")
    assert rate == TTS_RATE and calm.notice == ""
    assert 0.6 < seconds / (WORDS * 60 / calm.profile.rate) < 1.6  # about the profile's words per minute
    assert np.sqrt(np.mean(from_pcm16(samples) ** 2)) > 0.02  # speech, not silence
    assert stat.S_IMODE(wav.stat().st_mode) == 0o600


def test_the_cache_returns_the_same_file_without_synthesising_again(calm):
    first = calm.synthesize(QUESTION)
    made = first.stat().st_mtime_ns
    assert calm.synthesize(QUESTION) == first and first.stat().st_mtime_ns == made
    assert calm.synthesize(QUESTION + " ") != first


def test_many_saves_in_a_row_all_have_frames(tmp_path):
    """The stale-cancel-flag trap (AUDIO.md): every save must produce audio."""
    speaker = Pyttsx3Speaker(find_voice("brisk-uk"), cache_dir=tmp_path)
    lengths = [len(read_pcm16(speaker.synthesize(f"Question number {n}, please."))[0]) for n in range(12)]
    assert min(lengths) > TTS_RATE // 2


def test_the_rate_of_the_profile_is_heard(tmp_path):
    slow = Pyttsx3Speaker(find_voice("slow-clear"), cache_dir=tmp_path)  # 120 wpm
    brisk = Pyttsx3Speaker(find_voice("brisk-uk"), cache_dir=tmp_path)  # 185 wpm
    slow_n, brisk_n = (len(read_pcm16(s.synthesize(QUESTION))[0]) for s in (slow, brisk))
    assert slow_n > 1.3 * brisk_n


FIRST_SAVE = """
import sys
from pathlib import Path
from interviewer.adapters.speaker import Pyttsx3Speaker, _EngineOwner, _current
from interviewer.adapters.voices import find_voice
speaker = Pyttsx3Speaker(find_voice("calm-us"), cache_dir=Path(sys.argv[1]))
busy = _EngineOwner.shared().call(lambda engine: engine.proxy._busy)
wav = speaker.synthesize(sys.argv[2])
rate = _EngineOwner.shared().call(lambda engine: _current(engine, "rate"))
print(busy, rate, wav.stat().st_size)
"""


def test_the_first_save_of_a_new_process_is_at_the_profile_rate(tmp_path):
    """A new pyttsx3 engine is busy until its first run and queued the settings unchecked: 2 of 25 new
    processes then spoke their first question at espeak's 200 wpm instead of calm-us's 150. The engine
    is now run once when made, so its settings are applied and read back before the first save."""
    runs = [run_python(base_env(), ["-c", FIRST_SAVE, str(tmp_path / str(n)), QUESTION]) for n in range(4)]
    assert all(run.returncode == 0 for run in runs), runs[0].stderr
    outcomes = [run.stdout.split() for run in runs]
    assert all(busy == "False" and rate == "150" for busy, rate, _ in outcomes)  # idle before the first save
    assert len({size for _, _, size in outcomes}) == 1  # the same question, the same length, every time


def test_a_language_the_system_lacks_falls_back_with_a_notice(tmp_path):
    profile = VoiceProfile("martian", "Martian", "", "xx-nonexistent", 150, 1.0)
    speaker = Pyttsx3Speaker(profile, cache_dir=tmp_path)
    assert speaker.voice_id is None
    assert "xx-nonexistent" in speaker.notice and "default voice" in speaker.notice
    assert len(read_pcm16(speaker.synthesize("Hello there."))[0]) > 0


def test_the_scottish_profile_uses_the_scottish_system_voice(tmp_path):
    speaker = Pyttsx3Speaker(find_voice("scottish"), cache_dir=tmp_path)
    assert speaker.voice_id.endswith("en-gb-scotland") and speaker.notice == ""


@pytest.mark.audio
def test_playback_on_the_alsa_speaker_sends_exactly_the_synthesised_samples(alsa_audio, tmp_path):
    run = speak_in_subprocess(alsa_audio.env, tmp_path / "tts")
    played_event = run.last("played")
    synthesised, rate = read_pcm16(played_event["wav"])
    played, played_rate = read_pcm16(alsa_audio.spk_wav)
    assert played_rate == rate == TTS_RATE
    # PortAudio primes the device with silence: line the first non-zero samples up
    offset = int(np.flatnonzero(played)[0] - np.flatnonzero(synthesised)[0])
    assert offset >= 0
    assert np.array_equal(played[offset : offset + len(synthesised)], synthesised)
    assert not played[offset + len(synthesised) :].any()  # then only the padding of the last block


@pytest.mark.audio
def test_stop_cuts_playback_short_on_a_real_time_speaker(pulse_audio, tmp_path):
    capture = pulse_audio.capture_speaker(4.0)
    time.sleep(0.3)
    run = speak_in_subprocess(pulse_audio.env, tmp_path / "tts", "--stop-after", "3.0")
    heard = capture.samples()
    event = run.last("played")
    total_s = len(read_pcm16(event["wav"])[0]) / TTS_RATE
    loud = np.flatnonzero(np.abs(heard) > 1e-3)
    heard_s = (loud[-1] - loud[0]) / 16000 if loud.size else 0.0
    print(f"\nstop: question {total_s:.2f} s, heard {heard_s:.2f} s, play() returned {event['play_s']:.3f} s "
          f"after it began and {event['stop_to_return_s'] * 1000:.0f} ms after stop was set")  # fmt: skip
    assert total_s > 8
    # speech reached the speaker, and stopped: at most the 3 s before stop (less the ~1 s the
    # PulseAudio ALSA plugin buffers, measured in the next test) instead of the whole question
    assert 0.3 < heard_s < 3.2
    assert event["stop_to_return_s"] < 0.25


@pytest.mark.audio
def test_playback_on_a_real_time_speaker_is_complete(pulse_audio, tmp_path):
    capture = pulse_audio.capture_speaker(3.0 + WORDS * 60 / 150)
    time.sleep(0.3)
    run = speak_in_subprocess(pulse_audio.env, tmp_path / "tts")
    heard = capture.samples()
    event = run.last("played")
    synthesised = from_pcm16(read_pcm16(event["wav"])[0])
    total_s = len(synthesised) / TTS_RATE
    spoken = np.flatnonzero(np.abs(synthesised) > 1e-3)
    spoken_s = (spoken[-1] - spoken[0]) / TTS_RATE
    loud = np.flatnonzero(np.abs(heard) > 1e-3)
    heard_s = (loud[-1] - loud[0]) / 16000
    took = event["play_s"]
    print(f"\nplayback: {total_s:.2f} s question (spoken {spoken_s:.2f} s), play() {took:.3f} s, heard {heard_s:.2f} s")
    # play() blocks until the end: the question plus the output latency (about 1 s through
    # PulseAudio's ALSA plugin here), never less than the question
    assert total_s <= event["play_s"] < total_s + 2.0
    # all of it reached the speaker; measured 0.03-0.14 s longer (PulseAudio resamples
    # 22050 -> 16000 Hz for the capture, and the 2 shared cores can cause an underrun gap)
    assert abs(heard_s - spoken_s) < 0.3


@pytest.mark.audio
def test_no_speaker_is_an_audio_device_error(alsa_no_mic, tmp_path):
    event = speak_in_subprocess(alsa_no_mic, tmp_path / "tts").last("error")
    assert event["kind"] == "AudioDeviceError" and "output_device" in event["fix"]


def test_no_speech_engine_is_a_speech_error_with_the_fix(tmp_path):
    code = (
        "import ctypes\n"
        "real = ctypes.cdll.LoadLibrary\n"
        "def refuse(name):\n"
        "    if 'espeak' in str(name): raise OSError(name + ': cannot open shared object file')\n"
        "    return real(name)\n"
        "ctypes.cdll.LoadLibrary = refuse\n"
        "from interviewer.adapters.speaker import Pyttsx3Speaker\n"
        "from interviewer.adapters.voices import find_voice\n"
        "from interviewer.errors import SpeechError\n"
        f"try:\n    Pyttsx3Speaker(find_voice('calm-us'), cache_dir={str(tmp_path)!r})\n"
        "except SpeechError as e:\n    print('ERROR', e.message, '|', e.fix)\n"
    )
    run = run_python({**__import__("os").environ}, ["-c", code])
    assert "ERROR no text-to-speech engine" in run.stdout, run.stderr
    assert "sudo apt-get install libespeak-ng1 espeak-ng" in run.stdout
