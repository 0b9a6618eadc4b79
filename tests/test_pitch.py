"""The pitch tracker on tones of known F0 and on espeak-ng speech at known base pitches."""

from __future__ import annotations

import numpy as np
import pytest

from interviewer.adapters.speechgen import Utterance, speak
from interviewer.domain.audiofile import quantize
from interviewer.domain.hearing.pitch import HOP_S, PitchFollower, finished_track, raw_track, track_pitch

SR = 16000
TEXT = (
    "Federated learning trains one model across many hospitals without moving the data. "
    "Each site computes an update on its own records, and a server averages them."
)


def harmonic_tone(f0: float, seconds: float = 1.0, sample_rate: int = SR, fundamental: float = 0.3) -> np.ndarray:
    t = np.arange(int(seconds * sample_rate)) / sample_rate
    wave = fundamental * np.sin(2 * np.pi * f0 * t)
    wave += 0.2 * np.sin(2 * np.pi * 2 * f0 * t + 1.0) + 0.1 * np.sin(2 * np.pi * 3 * f0 * t + 2.0)
    return wave.astype(np.float32)


def semitones_off(measured: np.ndarray, true_hz: float) -> np.ndarray:
    return np.abs(12 * np.log2(measured / true_hz))


@pytest.mark.parametrize("f0", [62.0, 98.5, 150.0, 221.3, 310.0, 395.0])
def test_tones_give_their_f0_within_three_cents(f0):
    track = track_pitch(harmonic_tone(f0))
    inner = track.voiced[5:-5]
    assert inner.all()
    assert np.median(semitones_off(track.f0_hz[5:-5], f0)) < 0.03
    assert semitones_off(track.f0_hz[5:-5], f0).max() < 0.06
    assert track.periodicity[5:-5].min() > 0.95


def test_one_frame_every_10_ms_centred_on_its_block():
    track = track_pitch(harmonic_tone(120.0, seconds=2.0))
    assert track.frame_s == HOP_S
    assert len(track.f0_hz) == len(track.voiced) == len(track.periodicity) == 200


def test_a_weak_fundamental_is_not_heard_an_octave_up():
    # most energy in the second harmonic: the classic trap for a plain autocorrelation peak picker
    track = track_pitch(harmonic_tone(110.0, fundamental=0.05))
    assert np.median(track.voiced_f0()) == pytest.approx(110.0, rel=0.01)


def test_silence_and_noise_are_unvoiced():
    rng = np.random.default_rng(1)
    assert not track_pitch(np.zeros(SR, dtype=np.float32)).voiced.any()
    noise = track_pitch((0.1 * rng.standard_normal(SR)).astype(np.float32))
    assert noise.voiced.mean() < 0.05
    assert not track_pitch(np.zeros(10, dtype=np.float32)).voiced.any()


def test_pitch_follows_a_tone_that_starts_late():
    audio = np.concatenate([np.zeros(SR // 2, dtype=np.float32), harmonic_tone(200.0, 0.5)])
    track = track_pitch(audio)
    voiced_at = np.flatnonzero(track.voiced)
    assert 0.45 <= voiced_at[0] * HOP_S <= 0.52
    assert not track.voiced[:45].any()


@pytest.mark.parametrize("sample_rate", [8000, 22050, 44100])
def test_other_sample_rates(sample_rate):
    track = track_pitch(harmonic_tone(180.0, sample_rate=sample_rate), sample_rate)
    assert len(track.f0_hz) == 100
    assert np.median(semitones_off(track.voiced_f0(), 180.0)) < 0.05


def test_espeak_base_pitch_orders_the_tracks_and_stays_off_octave_errors():
    medians = []
    for pitch in (20, 50, 80):
        track = track_pitch(speak(Utterance(TEXT, "en-us", 160, pitch)))
        f0 = track.voiced_f0()
        median = float(np.median(f0))
        medians.append(median)
        assert track.voiced.mean() > 0.4  # espeak speaks in voiced stretches between short gaps
        assert np.mean(np.abs(12 * np.log2(f0 / median)) > 9) < 0.03  # almost no frame an octave away
    low, mid, high = medians
    assert 65 < low < mid < high < 170
    assert high / low > 1.5


def fed_in_blocks(follower: PitchFollower, audio: np.ndarray, upto: int, seed: int) -> None:
    rng, at = np.random.default_rng(seed), 0
    while at < upto:
        size = int(rng.integers(1, 4000))  # odd sizes too: samples are paired at the work rate
        follower.feed(audio[at : min(upto, at + size)])
        at += size


def same_track(a, b) -> bool:
    return all(np.array_equal(getattr(a, f), getattr(b, f)) for f in ("f0_hz", "voiced", "periodicity"))


@pytest.mark.parametrize("left_to_read_back_s", [0.0, 0.73, 6.2])
def test_a_followed_recording_has_exactly_the_track_of_the_recording_read_back(left_to_read_back_s):
    """Blocks fed while recording (the listener may not have had the last ones by stop) give the
    track the recording read back from its WAV gives, for any answer span in it."""
    speech = speak(Utterance(TEXT + " " + TEXT, "en-us", 170, 50))
    recorded = quantize(np.concatenate([np.zeros(SR // 3, np.float32), speech, 0.001 * harmonic_tone(90.0, 0.4)]))
    follower = PitchFollower()
    fed_in_blocks(follower, recorded, len(recorded) - int(left_to_read_back_s * SR), seed=7)
    followed = follower.raw_track_of(recorded)
    assert follower.raw_track_of(recorded) is followed  # a second analysis (the refined one) reuses it
    for frames in (slice(None), slice(41, 977), slice(300, len(followed.rms) - 5)):
        wanted = finished_track(raw_track(recorded, SR, frames), frames)
        assert same_track(finished_track(followed, frames), wanted)
        assert wanted.voiced.sum() > 100


def test_a_follower_fed_other_audio_tracks_the_recording_itself():
    recorded = quantize(speak(Utterance(TEXT, "en-us", 160, 50)))
    follower = PitchFollower()
    fed_in_blocks(follower, 0.5 * recorded, len(recorded) // 2, seed=8)
    assert same_track(finished_track(follower.raw_track_of(recorded)), track_pitch(recorded))


def test_a_block_the_follower_failed_on_leaves_the_track_of_the_recording_itself(monkeypatch):
    """The recorder keeps a listener's exceptions and goes on: a follower that failed on one block must not
    give a track with that block left out as if it were the recording's."""
    import interviewer.domain.hearing.pitch as pitch

    recorded = quantize(speak(Utterance(TEXT, "en-us", 160, 50)))
    calls, real = [], pitch.to_work_rate

    def fails_once(x, sample_rate):
        calls.append(len(x))
        if len(calls) == 5:
            raise MemoryError("no room for this block")
        return real(x, sample_rate)

    monkeypatch.setattr(pitch, "to_work_rate", fails_once)
    follower = PitchFollower()
    for at in range(0, len(recorded), 1600):
        try:
            follower.feed(recorded[at : at + 1600])
        except MemoryError:
            pass
    monkeypatch.setattr(pitch, "to_work_rate", real)
    assert same_track(finished_track(follower.raw_track_of(recorded)), track_pitch(recorded))
