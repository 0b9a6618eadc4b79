"""The voice and wording figures: pitch and energy on espeak-ng speech of known prosody, repetition,
hedging and wordiness on word lists with traps, and the saved form of each."""

from __future__ import annotations

import numpy as np
import pytest

from interviewer.domain.analysis import AnswerAnalysis, analyse
from interviewer.domain.analysis.hedging import asks_for_opinion, find_hedging
from interviewer.domain.analysis.repetition import find_repetition
from interviewer.domain.analysis.wordiness import assess_wordiness
from interviewer.domain.transcript import Transcript, Word
from interviewer.domain.words import split_sentences, tokenize
from interviewer.evaluation.delivery_truth import SENTENCES, Voice, spoken_answer

HINT = "Cover federated learning, secure aggregation, differential privacy, and validation on a held-out site."
QUESTION = "How would you train a model on data from hospitals that cannot share their records?"


def words(text: str, start: float = 1.0, step: float = 0.4) -> tuple[Word, ...]:
    return tuple(
        Word(" " + w, start + i * step, start + i * step + step * 0.8, 0.95) for i, w in enumerate(text.split())
    )


def tokens(text: str, **kw):
    return tokenize(words(text, **kw))


def analysed(voice, sentences=SENTENCES[:5], **kw) -> AnswerAnalysis:
    audio, transcript = spoken_answer(voice, sentences, **kw)
    return analyse(transcript, audio, HINT, question=QUESTION)


# pitch ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("pitch_range", ["0", "x-low"])
def test_a_flat_espeak_voice_is_monotone(pitch_range):
    pitch = analysed(Voice(pitch_range=pitch_range)).pitch
    assert pitch.measured and pitch.monotone
    assert pitch.spread_st < 1.5


@pytest.mark.parametrize("voice", [Voice(), Voice("en-gb", 140, 35, "high"), Voice("en-us+f3", 175, 60)])
def test_a_varied_espeak_voice_is_not_monotone(voice):
    pitch = analysed(voice).pitch
    assert pitch.measured and not pitch.monotone
    assert pitch.spread_st > 2.5
    assert 60 < pitch.median_hz < 300
    assert pitch.series and all(v > 0 for _, v in pitch.series)
    assert [t for t, _ in pitch.series] == sorted(t for t, _ in pitch.series)


def test_the_flattest_sentence_is_the_one_spoken_flat():
    voices = (Voice(pitch_range="high"), Voice(pitch_range="high"), Voice(pitch_range="0"), Voice(pitch_range="high"))
    a = analysed(voices, SENTENCES[:4])
    flat = split_sentences(tokenize(a.transcript.words))[2]
    assert a.pitch.flattest.start == pytest.approx(flat[0].start)
    assert a.pitch.flattest.text.startswith("The server averages")
    assert float(a.pitch.flattest.note.split()[0]) < 1.0
    spreads = dict(a.pitch.per_sentence)
    assert len(spreads) == 4 and min(spreads, key=spreads.get) == pytest.approx(flat[0].start)


def test_no_voice_no_pitch_figure():
    silent = analyse(Transcript(words("one two three four five")), np.zeros(16000 * 4, np.float32), HINT)
    assert not silent.pitch.measured and not silent.pitch.monotone
    assert not silent.energy.measured


# energy --------------------------------------------------------------------------------------------


def test_one_amplitude_is_flat_and_sentences_at_different_levels_are_not():
    steady = analysed(Voice()).energy
    varied = analysed(Voice(), gains_db=(0, -6, 2, -4, 3)).energy
    assert steady.measured and steady.flat and steady.spread_db < 2
    assert varied.measured and not varied.flat and varied.spread_db > 4
    assert len(varied.series) == 5


def test_sentences_fading_at_their_end_trail_off_with_their_moments():
    faded = analysed(Voice(), tail_db=12).energy
    steady = analysed(Voice()).energy
    assert faded.trails_off and len(faded.trailing) >= 4
    assert not steady.trails_off and len(steady.trailing) <= 1
    first = faded.trailing[0]
    assert first.text and first.note.endswith("dB") and first.end > first.start


def test_an_answer_that_gets_quieter_drops():
    dropping = analysed(Voice(), SENTENCES[:6], gains_db=(0, 0, -3, -3, -7, -7)).energy
    assert dropping.dropping and dropping.drop_db > 4
    assert not analysed(Voice(), SENTENCES[:6]).energy.dropping


# repetition ----------------------------------------------------------------------------------------


def test_a_phrase_said_three_times_is_found_with_its_moments():
    text = (
        "The data pipeline breaks often. We rebuilt the data pipeline twice. "
        "Now the data pipeline has tests. Models matter."
    )
    rep = find_repetition(tokens(text), "How do you ship models?", "Cover testing.")
    assert [(p.text, p.count, p.on_topic) for p in rep.phrases] == [("data pipeline", 3, False)]
    assert [m.text for m in rep.phrases[0].moments] == ["data pipeline", "data pipeline", "data pipeline"]
    assert rep.phrases[0].moments[1].start == tokens(text)[8].start  # "data" of "the data pipeline twice"
    assert rep.off_topic == rep.phrases


def test_the_questions_own_subject_is_on_topic():
    text = "Federated learning helps. With federated learning sites keep data. Federated learning needs care."
    rep = find_repetition(tokens(text), "Explain federated learning.", "")
    assert rep.phrases[0].text == "federated learning" and rep.phrases[0].on_topic
    assert rep.off_topic == []


def test_twice_is_not_repetition_and_phrases_stay_inside_sentences():
    rep = find_repetition(tokens("Model drift. Monitoring matters. Model drift again. Drift monitoring."), "", "")
    assert rep.phrases == []  # "model drift" twice; "drift monitoring" spans a sentence end once


def test_a_shorter_phrase_inside_a_longer_one_is_one_phrase():
    text = "secure model update here. secure model update there. secure model update everywhere."
    rep = find_repetition(tokens(text), "", "")
    assert [p.text for p in rep.phrases] == ["secure model update"]


def test_most_used_content_words_leave_stop_words_and_fillers_out():
    text = "the the the um um um model and models and model, so it is, I think, it is it is"
    top = find_repetition(tokens(text), "", "").top_words
    assert [(w.text, w.count) for w in top] == [("model", 3)]
    assert len(top[0].moments) == 3


# hedging -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I think the model is fine.", ["i think"]),
        ("Maybe we could probably use it, I guess.", ["maybe", "probably", "i guess"]),
        ("It is kind of slow and sort of noisy.", ["kind of", "sort of"]),
        ("What kind of model? This sort of data is rare.", []),  # nouns, not hedges
        ("The first kind of bias is selection. The main sort of error is label noise.", []),
        ("The last step is kind of slow.", ["kind of"]),
        ("I think of it as a filter. I think about latency first.", []),
        ("It is probably approximately correct learning.", []),  # PAC
        ("What I would say to the team is simple.", []),
        ("I'm not sure it scales. I would say no.", ["i'm not sure", "i would say"]),
    ],
)
def test_hedges_in_context(text, expected):
    assert [h.kind for h in find_hedging(tokens(text), "", 1.0).items] == expected


def test_i_think_stating_the_view_the_question_asks_for_is_excused():
    text = "I think gradient boosting wins here. It is, I think, faster. But maybe not, and I think so."
    hedging = find_hedging(tokens(text), "Which model would you choose for this?", 1.0)
    assert [(h.kind, h.excused) for h in hedging.items] == [
        ("i think", True),  # opens the sentence: the position asked for
        ("i think", True),  # opens a clause
        ("maybe", False),  # never a stance
        ("i think", False),  # inside a clause
    ]
    assert hedging.per_min == 2.0
    plain = find_hedging(tokens(text), "How does gradient boosting work?", 1.0)
    assert not any(h.excused for h in plain.items) and plain.per_min == 4.0


@pytest.mark.parametrize(
    "question, opinion",
    [
        ("Which would you choose, and why?", True),
        ("Do you prefer batch or streaming?", True),
        ("What is your view on model cards?", True),
        ("How does federated learning work?", False),
        ("Explain what you would monitor.", False),
    ],
)
def test_which_questions_ask_for_a_view(question, opinion):
    assert asks_for_opinion(question) is opinion


@pytest.mark.parametrize(
    "text, opener",
    [
        ("So, basically, we shard the data.", "So, basically,"),
        ("Um, that's a great question. We shard.", "that's a great question."),
        ("Good question. We shard.", "Good question."),
        ("We shard the data. So basically it scales.", None),
        ("Basically we shard.", "Basically"),
    ],
)
def test_weak_openers_only_at_the_start(text, opener):
    found = find_hedging(tokens(text), "", 1.0).opener
    assert (found.text if found else None) == opener


# wordiness -----------------------------------------------------------------------------------------


def test_the_longest_stretch_without_hint_content_is_found():
    text = (
        "Federated learning keeps data local. "  # carries a point
        "Our team liked the office. The coffee was great. Lunch was long and nice. "  # 3 sentences: nothing
        "Secure aggregation hides updates. "
        "We also had a picnic."
    )
    toks = tokens(text, step=2.0)
    points = ["federated learning", "secure aggregation", "differential privacy"]
    covered = [("federated learning", 1.0), ("secure aggregation", None)]
    w = assess_wordiness(split_sentences(toks), covered, points)
    assert w.measured and w.sentences == 6 and w.idle_sentences == 4
    idle = split_sentences(toks)[1:4]
    assert w.longest_idle.start == idle[0][0].start and w.longest_idle.end == idle[-1][-1].end
    assert w.longest_idle_s == pytest.approx(idle[-1][-1].end - idle[0][0].start)
    assert w.longest_idle.text.startswith("Our team liked")
    assert 0.5 < w.idle_share < 0.8


def test_without_hint_points_wordiness_is_not_measured():
    assert not assess_wordiness(split_sentences(tokens("Hello there.")), [], []).measured


# the saved form ------------------------------------------------------------------------------------


def test_new_figures_round_trip_and_old_analyses_still_load():
    a = analysed(Voice(), tail_db=12)
    data = a.to_dict()
    back = AnswerAnalysis.from_dict(data)
    assert back.pitch == a.pitch.__class__.from_dict(data["pitch"])
    assert back.to_dict() == data
    for key in ("pitch", "energy", "repetition", "hedging", "wordiness"):
        del data[key]
    old = AnswerAnalysis.from_dict(data)
    assert not old.pitch.measured and not old.energy.measured and old.hedging.items == []


def test_an_ellipsis_before_a_word_in_lower_case_does_not_end_the_sentence():
    words = [
        Word(" " + w, 0.4 * k, 0.4 * k + 0.3)
        for k, w in enumerate("Selection bias, um... where it starts. Then...".split())
    ]
    sentences = split_sentences(tokenize(words))
    assert [" ".join(t.text for t in s) for s in sentences] == ["Selection bias, um... where it starts.", "Then..."]
