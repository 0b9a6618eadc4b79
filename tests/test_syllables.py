"""Syllable nuclei from the sound, and the words a transcript lacks counted back into the pace."""

from __future__ import annotations

import numpy as np
import pytest

from interviewer.adapters.speechgen import Utterance, concatenate, silence, speak, trim
from interviewer.domain.analysis import analyse
from interviewer.domain.hearing.pitch import track_pitch
from interviewer.domain.hearing.syllables import Phrase, find_nuclei, missing_words, written_syllables
from interviewer.domain.transcript import Transcript, Word

SENTENCE = "In federated learning each hospital trains the model locally on its own patients."  # 22 syllables
SYLLABLES = 22


@pytest.mark.parametrize("voice, wpm", [("en-us", 130), ("en-gb", 170), ("en-us+f3", 200)])
def test_nuclei_count_the_syllables_said(voice, wpm):
    audio = speak(Utterance(SENTENCE, voice, wpm))
    found = len(find_nuclei(audio, track_pitch(audio)).times_s)
    assert 0.8 * SYLLABLES <= found <= 1.15 * SYLLABLES, found


@pytest.mark.parametrize(
    "words",
    [
        "cake 1 little 2 while 1",  # a silent last e, but not in a final -le after a consonant
        "passed 1 wanted 2 loaded 2",  # -ed is said only after t or d
        "roles 1 boxes 2 pages 2 wishes 2 bubbles 2",  # -es likewise
        "radio 3 dial 2 mutual 3 stadium 3 client 2",  # two vowels said apart
        "station 2 social 2 equal 2 people 2",  # ... and said as one
        "doing 2 player 2 yellow 2 pay 1 hobby 2",  # a vowel before -ing; y before a vowel is a consonant
        "movement 2 hopeful 2 lately 2 timeline 2",  # a silent e before a suffix
        "x-ray 2 long-term 2 PCA 3",  # the parts of a hyphenated word; an acronym's letters
    ],
)
def test_written_syllables_follow_english_spelling(words):
    said = dict(zip(words.split()[::2], map(int, words.split()[1::2]), strict=True))
    assert {w: written_syllables(w) for w in said} == said


def test_silence_and_noise_hold_no_nuclei():
    noise = (np.random.default_rng(1).standard_normal(32000) * 0.01).astype(np.float32)
    assert len(find_nuclei(noise, track_pitch(noise)).times_s) == 0


def test_a_phrase_short_of_words_is_found_and_counted_once_calibrated_on_the_others():
    phrases = [Phrase(0, 3, 13, 10), Phrase(4, 7, 12, 9), Phrase(8, 11, 14, 11), Phrase(12, 15, 13, 2)]
    total, short = missing_words(phrases)
    assert [p.start_s for p, _ in short] == [12]
    assert total == pytest.approx(13 / (13 / 10) - 2, abs=1.5)  # ~8 words the transcript lacks


def test_fillers_sound_in_a_phrase_but_are_no_missing_words():
    calibrating = [Phrase(0, 3, 13, 10, 10), Phrase(4, 7, 12, 9, 9), Phrase(8, 11, 14, 11, 11)]
    said = Phrase(12, 15, 13, 6, 6)  # "..., right? Basically that ...": 6 words and 5 filler syllables
    assert missing_words([*calibrating, said])[0] > 3  # without the fillers: words look dropped
    total, short = missing_words([*calibrating, Phrase(12, 15, 13, 6, 6, other_syllables=5)])
    assert total == 0 and short == []


def words_of(text: str, start: float, end: float) -> list[Word]:
    parts = text.split()
    step = (end - start) / len(parts)
    return [Word(" " + w, start + k * step, start + (k + 1) * step - 0.02, 0.9) for k, w in enumerate(parts)]


def test_a_sentence_whisper_dropped_still_counts_in_the_pace():
    said = [
        "The first thing I did was measure the pipeline end to end.",
        "We added tracing to every step and kept a dashboard of latency.",
        "Within a week the picture was obvious to the whole team.",
        "Most of the time was spent waiting on database locks.",
    ]
    parts, words, t = [], [], 0.5
    parts.append(silence(0.5))
    for k, sentence in enumerate(said):
        voice = trim(speak(Utterance(sentence, "en-us", 160)))
        if k != 2:  # the transcript lost the third sentence
            words += words_of(sentence, t, t + len(voice) / 16000)
        else:
            lost = (t, t + len(voice) / 16000)
        parts += [voice, silence(0.6)]
        t += len(voice) / 16000 + 0.6
    audio = concatenate(parts)
    true_words = sum(len(s.split()) for s in said)
    analysis = analyse(Transcript(tuple(words), duration_s=len(audio) / 16000), audio, "Cover tracing.")
    heard = len(words)
    assert analysis.pace.heard == heard and analysis.pace.missing > 0.5 * len(said[2].split())
    assert abs(analysis.pace.words - true_words) < abs(heard - true_words) / 2, analysis.pace
    [(start, end, _)] = analysis.pace.dropped
    assert start < lost[1] and end > lost[0], f"dropped at {start}-{end}, lost {lost}"


def test_the_live_pace_comes_from_the_sound_and_the_transcript_so_far_calibrates_it():
    from interviewer.domain.hearing.syllables import LiveRate

    sentences = [SENTENCE, "Only the model updates leave the hospital, never the raw data.", SENTENCE] * 2
    parts = []
    for s in sentences:
        parts += [trim(speak(Utterance(s, "en-us", 160))), silence(0.3)]
    audio = concatenate(parts)
    said = sum(len(s.split()) for s in sentences)
    true_wpm = said / (len(audio) / 16000) * 60
    live = LiveRate()
    assert live.wpm(lambda t: 0) is None
    for i in range(0, len(audio), 1600):
        live.feed(audio[i : i + 1600])
    per_second = said / (len(audio) / 16000)
    uncalibrated = live.wpm(lambda t: 0)
    calibrated = live.wpm(lambda t: int(per_second * t))
    assert uncalibrated is not None and abs(uncalibrated - true_wpm) / true_wpm < 0.25, (uncalibrated, true_wpm)
    assert abs(calibrated - true_wpm) / true_wpm < 0.12, (calibrated, true_wpm)
