"""The energy VAD and the chunker on real espeak-ng speech: cuts land between words, never inside one."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pytest

from interviewer.adapters.speechgen import Utterance, concatenate, silence, speak, trim
from interviewer.domain.hearing.chunker import Chunker, ChunkerOptions
from interviewer.domain.hearing.signal import FRAME, EnergyVad, frame_levels_db
from interviewer.domain.ports import SAMPLE_RATE

SENTENCES = [
    "In my last role I led a small team that rebuilt our billing service.",
    "The old system failed every month end, and customers were charged twice.",
    "First, I measured where the time went, and found that the database locks were the problem.",
    "So we split the work into smaller batches and added retries with idempotent keys.",
    "Within two months the failures stopped, and support tickets dropped by about forty percent.",
    "What I learned is that measuring first saves weeks of guessing.",
]
WORD_EDGE = 0.01  # |sample| above this in the clean speech is inside a sound


@pytest.fixture(scope="module")
def clean_speech() -> np.ndarray:
    rng = np.random.default_rng(0)
    parts = []
    for sentence in SENTENCES:
        parts += [trim(speak(Utterance(sentence, wpm=165))), silence(rng.uniform(0.25, 1.2))]
    return concatenate(parts)


def chunks_of(audio: np.ndarray, block: int = 1600, options: ChunkerOptions | None = None):
    chunker = Chunker(options or ChunkerOptions())
    chunks = [c for i in range(0, len(audio), block) for c in chunker.push(audio[i : i + block])]
    last = chunker.flush()
    return chunks + ([last] if last is not None else [])


def with_noise(clean: np.ndarray, snr_db: float, seed: int = 1) -> np.ndarray:
    power = np.mean(clean[np.abs(clean) > 1e-3] ** 2)
    noise = np.random.default_rng(seed).normal(0, np.sqrt(power / 10 ** (snr_db / 10)), len(clean))
    return (clean + noise).astype(np.float32)


@pytest.mark.parametrize("snr_db", [None, 30, 20])
def test_cuts_fall_between_words_in_quiet_and_noisy_rooms(clean_speech, snr_db):
    audio = clean_speech if snr_db is None else with_noise(clean_speech, snr_db)
    chunks = chunks_of(audio)
    assert len(chunks) >= 3
    for chunk in chunks[1:]:
        cut = int(round(chunk.start_s * SAMPLE_RATE))
        around = clean_speech[max(0, cut - 240) : cut + 240]  # +-15 ms
        assert np.max(np.abs(around)) < WORD_EDGE, f"cut at {chunk.start_s:.2f} s is inside a word"


def test_chunks_join_back_into_the_recording_minus_silence(clean_speech):
    chunks = chunks_of(clean_speech)
    for a, b in pairwise(chunks):
        assert a.end_s <= b.start_s
        gap = clean_speech[int(a.end_s * SAMPLE_RATE) : int(b.start_s * SAMPLE_RATE)]
        assert np.max(np.abs(gap), initial=0.0) < WORD_EDGE, "speech was left out between chunks"
    for chunk in chunks:
        start = int(round(chunk.start_s * SAMPLE_RATE))
        assert np.array_equal(chunk.audio, clean_speech[start : start + len(chunk.audio)])
    assert all(c.has_speech for c in chunks)


def test_block_size_does_not_change_the_cuts(clean_speech):
    reference = [(c.start_s, len(c.audio)) for c in chunks_of(clean_speech, 1600)]
    for block in (160, 4410, 5 * SAMPLE_RATE):
        assert [(c.start_s, len(c.audio)) for c in chunks_of(clean_speech, block)] == reference


def test_chunks_respect_the_minimum_and_maximum_length(clean_speech):
    options = ChunkerOptions(min_chunk_s=3.0, max_chunk_s=8.0)
    chunks = chunks_of(concatenate([clean_speech] * 2), options=options)
    assert all(len(c.audio) / SAMPLE_RATE <= 8.0 for c in chunks)
    assert all(len(c.audio) / SAMPLE_RATE >= 3.0 for c in chunks[:-1])


def test_a_long_stretch_without_pauses_is_cut_at_its_quietest_point():
    t = np.arange(40 * SAMPLE_RATE) / SAMPLE_RATE
    syllables = 0.6 + 0.4 * np.sin(2 * np.pi * 4 * t)  # loudness rising and falling 4 times a second
    speech = (0.3 * syllables * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
    dip = 17 * SAMPLE_RATE
    speech[dip : dip + 2 * FRAME] *= 0.05  # quieter than any syllable, too short to be a pause
    chunks = chunks_of(speech, options=ChunkerOptions(min_pause_s=0.5, short_pause_s=0.5))
    assert abs(chunks[1].start_s - 17.03) <= 0.06
    assert chunks[0].start_s <= 0.1 and chunks[0].end_s == chunks[1].start_s


def test_silence_is_forgotten_and_never_closes_a_chunk():
    chunker = Chunker()
    quiet = np.random.default_rng(0).normal(0, 1e-3, 30 * SAMPLE_RATE).astype(np.float32)
    assert chunker.push(quiet) == []
    assert chunker.open_samples <= int(ChunkerOptions().lead_s * SAMPLE_RATE) + FRAME
    assert chunker.flush() is None


def test_the_noise_floor_follows_a_louder_room_within_seconds():
    rng = np.random.default_rng(3)
    quiet, loud = rng.normal(0, 1e-3, 5 * SAMPLE_RATE), rng.normal(0, 5.6e-3, 10 * SAMPLE_RATE)  # 15 dB louder
    vad = EnergyVad()
    decisions = [vad.is_speech(level) for level in frame_levels_db(np.concatenate([quiet, loud]))]
    after_step = decisions[int(5 / 0.03) :]
    assert any(after_step[:5]), "a sudden loud sound is first taken for speech"
    settled = after_step[int(12 / 0.03 * 0.5) :]  # after ~6 s
    assert not any(settled), "the noise floor did not follow the louder room"


def test_pending_is_what_flush_would_close_and_changes_nothing(clean_speech):
    chunker = Chunker()
    seen, closed = [], []
    for i in range(0, len(clean_speech), 1600):
        closed += chunker.push(clean_speech[i : i + 1600])
        pending = chunker.pending()
        if pending is not None:
            seen.append(pending)
            assert chunker.pending_key() == (pending.start_sample, pending.heard_samples)
    assert len(seen) > 10, "the open chunk never had speech"
    last = chunker.flush()
    assert chunker.pending() is None and chunker.pending_key() is None
    before = seen[-1]
    assert (before.index, before.start_s, before.speech_s, before.heard_samples) == (
        last.index, last.start_s, last.speech_s, last.heard_samples,
    )  # fmt: skip
    assert np.array_equal(before.audio, last.audio)
    untouched = chunks_of(clean_speech)
    assert [(c.start_s, len(c.audio)) for c in [*closed, last]] == [(c.start_s, len(c.audio)) for c in untouched]
