"""Sentences Whisper writes that nobody said: dropped by sound and confidence, said ones kept."""

from __future__ import annotations

import numpy as np

from interviewer.domain.hearing.phantoms import heard_in_sound, is_phantom, sentences, without_phantoms
from interviewer.domain.hearing.signal import levels
from interviewer.domain.transcript import Word

SR = 16000


def voiced(spans: list[tuple[float, float]], total_s: float) -> np.ndarray:
    audio = np.zeros(int(total_s * SR), dtype=np.float32)
    for a, b in spans:
        n = np.arange(int(a * SR), int(b * SR))
        audio[n] = 0.1 * np.sin(2 * np.pi * 220 * n / SR)
    return audio


def said(text: str, start: float, step: float = 0.35, p: float = 0.9) -> list[Word]:
    return [Word(" " + w, start + i * step, start + i * step + 0.3, p) for i, w in enumerate(text.split())]


SPEECH = said("I would plot a calibration curve.", 1.0) + said("Then I report the Brier score.", 3.5)
AUDIO = voiced([(1.0, 3.1), (3.5, 5.3), (6.0, 7.5)], 9.0)


def test_sentences_split_after_full_stops_and_questions():
    words = said("One two. Three? Four five", 0.0)
    assert sentences(words) == [(0, 2), (2, 3), (3, 5)]


def test_thank_you_squeezed_at_a_chunk_end_is_dropped():
    phantom = [Word(" Thank", 5.30, 5.30, 0.02), Word(" you.", 5.30, 5.34, 0.98)]
    kept = without_phantoms(tuple(SPEECH + phantom), levels(AUDIO))
    assert [w.text for w in kept] == [w.text for w in SPEECH]


def test_prompt_echo_squeezed_into_a_pause_is_dropped():
    echo = [
        Word(t, 5.55 + 0.05 * i, 5.58 + 0.05 * i, p)
        for i, (t, p) in enumerate(
            [(" Okay,", 0.00), (" I'm", 0.23), (" going", 0.22), (" to", 0.95), (" measure", 0.0), (" it.", 0.1)]
        )
    ]
    assert is_phantom(echo, levels(AUDIO))


def test_okay_over_silence_is_dropped_but_a_said_okay_is_kept():
    lv = levels(AUDIO)
    assert is_phantom([Word(" Okay.", 5.5, 5.7, 0.02)], lv)  # 5.3-6.0 is silent
    assert not is_phantom([Word(" Okay.", 6.2, 6.6, 0.9)], lv)  # said, and sure


def test_an_unsure_but_said_sentence_is_kept():
    misheard = said("I'm a business Common, Data Model.", 6.0, step=0.25, p=0.02)
    assert not is_phantom(misheard, levels(AUDIO))


def test_heard_in_sound_applies_the_phantom_filter_mid_answer():
    phantom = [Word(" Thank", 5.4, 5.45, 0.03), Word(" you.", 5.45, 5.5, 0.97)]
    later = said("It changes often.", 6.0)
    kept = heard_in_sound(tuple(SPEECH + phantom + later), levels(AUDIO))
    assert "Thank" not in "".join(w.text for w in kept)
    assert len(kept) == len(SPEECH) + len(later)


def test_a_trailing_like_in_the_prompts_style_is_dropped_when_unsure():
    lv = levels(AUDIO)
    assert is_phantom([Word(" Like...", 5.2, 5.6, 0.08)], lv)
    assert not is_phantom([Word(" Like,", 6.1, 6.4, 0.6), Word(" a", 6.5, 6.6, 0.9)], lv)


def test_decoder_loops_are_dropped_and_speech_repeats_kept():
    def plain(text):
        return [Word(" " + w, k * 0.3, k * 0.3 + 0.25) for k, w in enumerate(text.split())]

    from interviewer.domain.hearing.phantoms import loop_indices

    loop = plain("They rest ndy ndy ndy ndy ndy ndy The first thing")
    assert loop_indices(loop) == set(range(2, 8))
    phrase = plain("Okay, I'm going to say, I'm going to say, I'm going to say, and so on")
    assert loop_indices(phrase) == set(range(1, 13))
    assert loop_indices(plain("No, no, no, that is not it, the model, the model again")) == set()


def test_a_looped_sentence_is_dropped():
    from interviewer.domain.hearing.phantoms import loop_indices

    words = [
        Word(" " + w, k * 0.3, k * 0.3 + 0.25)
        for k, w in enumerate(("API. " + "I'm not sure if I can. " * 5 + "It was").split())
    ]
    assert loop_indices(words) == set(range(1, 31))


def test_an_unsure_sentence_opening_at_the_very_end_of_the_sound_is_dropped():
    from interviewer.domain.hearing.phantoms import without_unsure_tail

    words = tuple(
        said("leads to bad decisions.", 24.0) + [Word(" This", 25.71, 25.83, 0.01), Word(" is...", 25.83, 26.03, 0.6)]
    )
    assert [w.text for w in without_unsure_tail(words, 25.88)] == [" leads", " to", " bad", " decisions."]
    sure = words[:-2] + (Word(" Yes.", 25.71, 25.85, 0.9),)
    assert without_unsure_tail(sure, 25.88) == sure  # said, and sure
    assert without_unsure_tail(words, 27.0) == words  # sound goes on: it may have been said


def test_words_piled_up_faster_than_anyone_speaks_are_told_from_fast_speech():
    from interviewer.domain.hearing.phantoms import PILED_UP_WORDS, piled_up

    fast_speech = [k / 9 for k in range(90)]  # 9 words a second for 10 s, the evaluation's fastest second
    loop = [16.0 + k * 0.02 for k in range(PILED_UP_WORDS + 1)]
    assert not piled_up(fast_speech)
    assert not piled_up(loop[:-1])
    assert piled_up([1.0, 2.0] + loop + [20.0])
    assert not piled_up([])
