"""PiperSpeaker with the real piper-tts and bundled voice: WAVs, the cache, what Whisper hears back,
and playback through real PortAudio on the virtual speakers (streamed sentence by sentence)."""

from __future__ import annotations

import stat
import time
from dataclasses import replace

import numpy as np
import pytest

from interviewer import paths
from interviewer.adapters.piper_speaker import PiperSpeaker
from interviewer.adapters.piper_voice import PIPER_RATE, to_16k
from interviewer.adapters.speaker import Pyttsx3Speaker
from interviewer.adapters.voices import find_voice
from interviewer.domain.audiofile import from_pcm16, read_pcm16
from interviewer.domain.bank import load_bank
from interviewer.domain.wer import word_error_rate
from tests.plugins.audio_env import run_python
from tests.test_speaker import QUESTION, WORDS, speak_in_subprocess

TWO_SENTENCES = "Tell me about yourself. Why this role?"


def bank_question(bank_id: str, question_id: str) -> str:
    return load_bank(paths.shipped_banks_dir() / f"{bank_id}.toml").question(question_id).text


# The longest bank question without digits (29 words; Whisper writes a "2" as "two", which WER counts)
READ_BACK = bank_question("data-science-notes", "q06")


@pytest.fixture
def calm(tmp_path) -> PiperSpeaker:
    return PiperSpeaker(find_voice("natural-calm"), cache_dir=tmp_path / "tts")


def test_synthesize_writes_the_question_as_a_22050_hz_wav(calm):
    started = time.perf_counter()
    wav = calm.synthesize(QUESTION)
    took = time.perf_counter() - started
    samples, rate = read_pcm16(wav)
    seconds = len(samples) / rate
    print(f"\nPiper synthesis of {WORDS} words: {took:.2f} s -> {seconds:.2f} s of speech")
    assert rate == PIPER_RATE and calm.label == "Natural calm (Piper)" and calm.notice == ""
    assert 100 < WORDS / (seconds / 60) < 220  # words per minute of a person speaking
    assert np.sqrt(np.mean(from_pcm16(samples) ** 2)) > 0.02  # speech, not silence
    assert stat.S_IMODE(wav.stat().st_mode) == 0o600


def test_the_same_text_gives_the_same_samples_and_the_cache_keeps_them(calm, tmp_path):
    first = calm.synthesize(QUESTION)
    made = first.stat().st_mtime_ns
    assert calm.synthesize(QUESTION) == first and first.stat().st_mtime_ns == made
    other = PiperSpeaker(find_voice("natural-calm"), cache_dir=tmp_path / "elsewhere").synthesize(QUESTION)
    assert other.read_bytes() == first.read_bytes()  # noise scales 0: deterministic
    assert calm.synthesize(QUESTION + " ") != first


def test_the_length_scale_of_the_profile_is_heard(tmp_path):
    calm, brisk = (replace(find_voice(v), sentence_pause_s=0.0) for v in ("natural-calm", "natural-brisk"))
    calm_n, brisk_n = (len(read_pcm16(PiperSpeaker(p, cache_dir=tmp_path).synthesize(QUESTION))[0])
                       for p in (calm, brisk))  # fmt: skip
    # length_scale 1.5 against 1.2: measured 1.24x as long
    assert calm_n > 1.15 * brisk_n


def test_the_sentence_pause_goes_between_sentences_only(tmp_path):
    profile = find_voice("natural-calm")
    paused = PiperSpeaker(profile, cache_dir=tmp_path)
    unpaused = PiperSpeaker(replace(profile, sentence_pause_s=0.0), cache_dir=tmp_path)
    with_pause, without = (read_pcm16(s.synthesize(TWO_SENTENCES))[0] for s in (paused, unpaused))
    assert len(with_pause) - len(without) == round(profile.sentence_pause_s * PIPER_RATE)  # one pause: 2 sentences


@pytest.mark.slow
@pytest.mark.parametrize("voice", ["natural-calm", "natural-brisk", "calm-us"])
def test_whisper_hears_the_bank_question_back(voice, tmp_path, transcriber):
    profile = find_voice(voice)
    speaker = (PiperSpeaker if profile.engine == "piper" else Pyttsx3Speaker)(profile, cache_dir=tmp_path)
    samples, rate = read_pcm16(speaker.synthesize(READ_BACK))
    heard = transcriber("faster-whisper", "tiny.en").transcribe(to_16k(from_pcm16(samples), rate)).text
    wer = word_error_rate(READ_BACK, heard)
    print(f"\n{voice}: WER {wer:.3f}: {heard!r}")
    assert wer <= 0.10


@pytest.mark.audio
def test_playback_on_the_alsa_speaker_sends_exactly_the_synthesised_samples(alsa_audio, tmp_path):
    run = speak_in_subprocess(alsa_audio.env, tmp_path / "tts", "--voice", "natural-brisk")
    event = run.last("played")
    assert event["label"] == "Natural brisk (Piper)"
    synthesised, rate = read_pcm16(event["wav"])
    played, played_rate = read_pcm16(alsa_audio.spk_wav)
    assert played_rate == rate == PIPER_RATE
    offset = int(np.flatnonzero(played)[0] - np.flatnonzero(synthesised)[0])  # PortAudio primes with silence
    assert offset >= 0
    assert np.array_equal(played[offset : offset + len(synthesised)], synthesised)
    assert not played[offset + len(synthesised) :].any()


def _spoken_span_s(samples: np.ndarray, rate: int) -> float:
    loud = np.flatnonzero(np.abs(samples) > 1e-3)
    return (loud[-1] - loud[0]) / rate if loud.size else 0.0


@pytest.mark.audio
def test_say_streams_the_question_on_a_real_time_speaker_then_caches_it(pulse_audio, tmp_path):
    capture = pulse_audio.capture_speaker(4.0 + WORDS * 60 / 130)
    time.sleep(0.3)
    run = speak_in_subprocess(pulse_audio.env, tmp_path / "tts", "--voice", "natural-calm", "--say")
    heard = capture.samples()
    event = run.last("played")
    cached, rate = read_pcm16(event["wav"])  # written once all of it had played
    spoken_s, heard_s = _spoken_span_s(from_pcm16(cached), rate), _spoken_span_s(heard, 16000)
    whole = run_python(pulse_audio.env, ["-c", SYNTH_TIME, QUESTION, str(tmp_path / "other")]).last("synth")
    print(f"\nsay: first audio {event['first_audio_s']:.3f} s after the call; the whole question takes "
          f"{whole['synth_s']:.3f} s to make; spoken {spoken_s:.2f} s, heard {heard_s:.2f} s")  # fmt: skip
    # the first sentence (15 of 40 words) plays before the whole question could have been made
    assert event["first_audio_s"] < whole["synth_s"]
    # all of it reached the speaker: at most a gap while a later sentence was still being made
    assert spoken_s - 0.3 < heard_s < spoken_s + 1.5


SYNTH_TIME = """
import json, sys, time
from interviewer.adapters.piper_speaker import PiperSpeaker
from interviewer.adapters.voices import find_voice
speaker = PiperSpeaker(find_voice("natural-calm"), cache_dir=sys.argv[2])
started = time.perf_counter()
speaker.synthesize(sys.argv[1])
print(json.dumps({"event": "synth", "synth_s": time.perf_counter() - started}))
"""


@pytest.mark.audio
def test_stop_cuts_a_streamed_question_short_and_caches_nothing(pulse_audio, tmp_path):
    run = speak_in_subprocess(pulse_audio.env, tmp_path / "tts", "--voice", "natural-calm", "--say",
                              "--stop-after", "2.0")  # fmt: skip
    event = run.last("played")
    print(f"\nstop: play returned {event['stop_to_return_s'] * 1000:.0f} ms after stop was set")
    assert event["stop_to_return_s"] < 0.25
    assert not list((tmp_path / "tts").glob("*.wav"))  # half a question is never replayed as the whole


CUE_WHILE_RECORDING = """
import json, sys, threading, time
from pathlib import Path
from interviewer.adapters.recorder import SoundDeviceRecorder
from interviewer.adapters.voice_choice import build_speaker
speaker = build_speaker("natural-calm", cache_dir=sys.argv[2])
recorder = SoundDeviceRecorder()
recorder.start(Path(sys.argv[1]))
time.sleep(0.5)
playback = speaker.say("Let's wrap up.", threading.Event())
time.sleep(0.5)
info = recorder.stop()
print(json.dumps({"event": "done", "samples": info.samples, "completed": playback.completed}))
"""


@pytest.mark.audio
def test_the_spoken_cue_does_not_reach_the_virtual_microphone(pulse_audio, tmp_path):
    """What this proves, and what not: the virtual speaker and microphone are separate devices, so a
    cue said while the person answers is not in the recording here. A laptop's microphone can hear
    its own loudspeaker; only headphones make that true on a real machine (README, 'Voices')."""
    capture = pulse_audio.capture_speaker(4.0)
    time.sleep(0.3)
    out = tmp_path / "answer.wav"
    done = run_python(pulse_audio.env, ["-c", CUE_WHILE_RECORDING, str(out), str(tmp_path / "tts")]).last("done")
    heard = capture.samples()
    recorded = from_pcm16(read_pcm16(out)[0])
    print(f"\ncue: {_spoken_span_s(heard, 16000):.2f} s on the speaker; recording {len(recorded) / 16000:.2f} s, "
          f"peak {np.abs(recorded).max():.5f}")  # fmt: skip
    assert done["completed"] and _spoken_span_s(heard, 16000) > 0.5  # the cue was said
    assert len(recorded) > 16000 and np.abs(recorded).max() < 1e-3  # and the microphone heard none of it
