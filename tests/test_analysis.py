"""The analysis on hand-made transcripts and synthetic audio: every function, traps included."""

from __future__ import annotations

import json

import numpy as np
import pytest

from interviewer.domain.analysis import ANALYSIS_VERSION, AnswerAnalysis, analyse
from interviewer.domain.analysis.coverage import assess_coverage
from interviewer.domain.analysis.fillers import find_fillers
from interviewer.domain.analysis.hint_points import split_hint
from interviewer.domain.analysis.pace import (
    Sound,
    assess_pace,
    pace_series,
    spoken_syllables,
    spoken_words,
    spoken_words_of,
)
from interviewer.domain.analysis.pauses import assess_pauses
from interviewer.domain.analysis.reliability import assess_reliability
from interviewer.domain.analysis.timing import answer_bounds, assess_timing
from interviewer.domain.hearing.signal import levels
from interviewer.domain.hearing.syllables import Nuclei, written_syllables
from interviewer.domain.transcript import Transcript, Word
from interviewer.domain.words import tokenize

SR = 16000
IMBALANCE = (
    "Cover SMOTE/ADASYN, focal loss, stratified cross-validation, precision-recall trade-offs, "
    "and the importance of calibration in clinical settings."
)


def words(text: str, start: float = 1.0, step: float = 0.4, probability: float = 0.9) -> tuple[Word, ...]:
    """Whisper-like words: leading space, punctuation attached, evenly timed."""
    out, t = [], start
    for w in text.split():
        out.append(Word(" " + w, t, t + step * 0.8, probability))
        t += step
    return tuple(out)


def tokens(text: str, **kw):
    return tokenize(words(text, **kw))


def types(text: str) -> list[str]:
    return [h.type for h in find_fillers(tokens(text))]


def voiced_audio(spans: list[tuple[float, float]], total_s: float, level: float = 0.1) -> np.ndarray:
    """A tone where someone "speaks", digital silence elsewhere."""
    audio = np.zeros(int(total_s * SR), dtype=np.float32)
    for a, b in spans:
        n = np.arange(int(a * SR), int(b * SR))
        audio[n] = level * np.sin(2 * np.pi * 220 * n / SR)
    return audio


# fillers ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("So, um, I would start with the data.", ["so", "um/uh"]),
        ("I would, uh, check the labels.", ["um/uh"]),
        ("The model was, like, really slow.", ["like"]),
        ("It is, you know, a hard problem.", ["you know"]),
        ("I mean, it depends on the cohort.", ["i mean"]),
        ("Basically, we resample the data.", ["basically"]),
        ("Actually, accuracy can mislead.", ["actually"]),
        ("We matched on age. Actually I also check the balance.", ["actually"]),
        ("Umm, the answer is, uhh, simple.", ["um/uh", "um/uh"]),
    ],
)
def test_fillers_in_filler_use_are_counted_with_their_type(text, expected):
    assert types(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I like this model because it is simple.",
        "Do you know the API we used?",
        "What I mean by bias is a systematic error.",
        "We resample so that every fold keeps the ratio.",
        "The mean of the errors differs across groups.",
        "Methods like SMOTE make synthetic examples.",
        "It looks like the model overfits.",
        "So far it has worked well for us.",
        "It actually helps the minority class.",
        "We saw it. The actual effect was small, and it actually held up.",
        "If you know the prevalence you can correct it.",
        "Train on many sites at once. So, that the model never learns one scanner.",
        "Then I would try resembling like, SMOTE, or a focal loss.",
    ],
)
def test_trap_sentences_hold_no_filler(text):
    assert types(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("We trained it on chest films, you know mostly frontal views.", ["you know"]),  # after a whole clause
        ("The budget ran out after the third round, you know each site got less.", ["you know"]),
        ("If you ever worked with scanners, you know the headers lie.", []),  # the main clause after the comma
        ("Once the labels came back, you know the drift was real.", []),
        ("In radiology, you know the images are huge.", []),  # an opening phrase, not a clause
        ("The curves looked fine to everyone, you know that the labels were late.", []),  # its complement
    ],
)
def test_you_know_after_a_comma_closing_a_clause_is_dropped_in(text, expected):
    assert types(text) == expected


def test_a_filler_next_to_a_trap_is_still_found():
    assert types("I like this model, like, a lot, and what I mean by bias is, um, skew.") == ["like", "um/uh"]


# timing and pace -------------------------------------------------------------------------------------


def test_timing_verdicts_and_margin():
    assert assess_timing(200, (5.0, 95.0), (120, 180)).verdict == "short"
    assert assess_timing(200, (5.0, 95.0), (120, 180)).over_s == pytest.approx(-30)
    assert assess_timing(200, (5.0, 155.0), (120, 180)).verdict == "in band"
    long = assess_timing(300, (2.0, 202.0), (120, 180))
    assert (long.verdict, long.over_s, long.lead_in_s) == ("long", pytest.approx(20), 2.0)
    assert assess_timing(10, None, (120, 180)).verdict == "no answer"


def test_answer_bounds_snap_to_where_the_voice_is():
    toks = tokens("one two three four", start=2.3, step=0.5)  # Whisper says 2.3 .. 4.2
    lv = levels(voiced_audio([(2.0, 4.0)], 6.0))
    start, end = answer_bounds(toks, lv)
    assert start == pytest.approx(2.0, abs=0.03) and end == pytest.approx(4.0, abs=0.03)
    assert answer_bounds(toks, None) == (pytest.approx(2.3), pytest.approx(4.2))


def test_pace_counts_answer_words_over_the_answer_duration():
    toks = tokens("a b c d e f g h i j", start=0.0, step=6.0)  # 10 words over 54 s + 4.8 s
    pace = assess_pace(toks, (0.0, 60.0))
    assert pace.words == 10 and pace.wpm == pytest.approx(10.0)


@pytest.mark.parametrize(
    "written, said",
    [
        ("30%", 2),  # thirty percent
        ("90 %", 2),  # Whisper's "%" as a word of its own
        ("$5", 2),  # five dollars
        ("0.25", 4),  # zero point two five
        ("312", 3),  # three hundred twelve
        ("1,000", 2),
        ("21st", 2),
        ("3D", 1),
        ("percentile", 1),
    ],
)
def test_a_number_counts_the_words_it_was_said_in(written, said):
    assert sum(spoken_words(t) for t in tokens(written)) == said


def test_a_number_whisper_split_at_its_point_is_one_number_said_whole():
    split = tokenize((Word(" 0", 1.0, 1.2), Word(".2", 1.2, 1.5), Word(" on", 1.5, 1.6)))
    assert [(t.text, t.norm) for t in split] == [("0.2", "0.2"), ("on", "on")]
    assert spoken_words(split[0]) == sum(spoken_words(t) for t in tokens("0.2"))  # zero point two
    assert (split[0].start, split[0].end) == (1.0, 1.5)


@pytest.mark.parametrize(
    "written, said", [("Three D printing", 2), ("the 2 D view", 3), ("five G.", 1), ("plan B", 2), ("two, D", 2)]
)
def test_a_capital_letter_after_a_number_is_one_word_with_it_as_written_together(written, said):
    assert spoken_words_of(tokens(written)) == said  # "Three D" as "3D"; "two, D" is no "2D", nor "plan B"


@pytest.mark.parametrize("written, syllables", [("8", 1), ("70", 3), ("90%", 4), ("2019", 5), ("model", 2)])
def test_a_number_has_the_syllables_of_its_spoken_words(written, syllables):
    [token] = tokens(written)
    assert spoken_syllables(token) == syllables


def test_pace_counts_no_dropped_words_where_the_sound_is_fillers():
    text = (
        "the model was trained on scans from three hospitals. "
        "we checked calibration on every site separately. "
        "the results held across scanners and vendors. "
        "um, you know, basically, uh, the errors, like, came down. "
    )
    toks = tokens(text, start=0.0, step=0.4)
    in_filler = {h.first + k for h in find_fillers(toks) for k in range(h.length)}
    said = [t for t in toks if t.index not in in_filler]
    fillers = [t for t in toks if t.index in in_filler]
    times = [
        t.start + (k + 0.5) * 0.3 / written_syllables(t.text) for t in toks for k in range(written_syllables(t.text))
    ]
    phrases = [(toks[a].start, toks[b - 1].end) for a, b in ((0, 9), (9, 16), (16, 23), (23, len(toks)))]
    sound = Sound(Nuclei(np.asarray(times)), phrases)
    assert assess_pace(said, (0.0, toks[-1].end), sound).missing > 0  # the fillers' sound taken for words
    pace = assess_pace(said, (0.0, toks[-1].end), sound, fillers=fillers)
    assert pace.missing == 0 and pace.words == len(said)


def test_pace_series_has_one_point_per_window_and_folds_a_short_tail():
    toks = tokens(" ".join(["w"] * 40), start=0.0, step=1.0)  # one word a second, 0..39 s
    series = pace_series(toks, 0.0, 40.0, 15.0)
    assert [round(t) for t, _ in series] == [0, 15, 30]  # a 10 s tail is long enough to stand alone
    assert len(pace_series(toks, 0.0, 33.0, 15.0)) == 2  # 3 s tail folded into the last window
    assert all(v == pytest.approx(60.0) for _, v in series)


def test_wpm_does_not_count_fillers():
    transcript = Transcript(words("So, um, the model, uh, is calibrated well.", start=0.0, step=0.5), duration_s=5)
    a = analyse(transcript, np.zeros(0, dtype=np.float32), "", (1, 10))
    assert a.pace.words == 5 and a.fillers.total == 3


# pauses ----------------------------------------------------------------------------------------------


def test_pauses_come_from_the_audio_between_words():
    audio = voiced_audio([(1.0, 3.0), (5.5, 7.0), (8.0, 9.0)], 11.0)
    toks = tokenize((Word(" a", 1.0, 3.4), Word(" b", 5.3, 7.0), Word(" c", 8.0, 9.0)))  # end stretched
    lv = levels(audio)
    pauses = assess_pauses(toks, lv, answer_bounds(toks, lv), 2.0)
    assert pauses.long == 1
    assert pauses.items[0].start == pytest.approx(3.0, abs=0.03)
    assert pauses.items[0].end == pytest.approx(5.5, abs=0.03)


def test_lead_in_and_tail_silence_are_not_pauses():
    audio = voiced_audio([(4.0, 6.0)], 12.0)
    toks = tokenize((Word(" a", 4.0, 5.0), Word(" b", 5.1, 6.0)))
    lv = levels(audio)
    assert assess_pauses(toks, lv, answer_bounds(toks, lv), 2.0).long == 0


def test_pauses_fall_back_to_word_gaps_without_audio():
    toks = tokenize((Word(" a", 0.0, 1.0), Word(" b", 3.5, 4.0), Word(" c", 4.5, 5.0)))
    pauses = assess_pauses(toks, None, (0.0, 5.0), 2.0)
    assert [(p.start, p.end) for p in pauses.items] == [(1.0, 3.5)]


# hint points and coverage ----------------------------------------------------------------------------


def test_split_hint_into_points():
    assert split_hint(IMBALANCE) == [
        "SMOTE/ADASYN",
        "focal loss",
        "stratified cross-validation",
        "precision-recall trade-offs",
        "the importance of calibration in clinical settings",
    ]
    assert split_hint("Cover selection bias (unrepresentative cohorts, skew), label bias, and X.") == [
        "selection bias (unrepresentative cohorts, skew)",
        "label bias",  # "X" names nothing that could show it said
    ]
    assert split_hint("A strong answer distinguishes bias from variance, and explains how ML helps.") == [
        "bias from variance",
        "how ML helps",
    ]
    assert split_hint("") == []


def covered(hint: str, text: str) -> list[bool]:
    return [p.covered for p in assess_coverage(split_hint(hint), tokens(text)).points]


def test_coverage_finds_points_with_inflections_and_asr_spacing():
    text = (
        "We oversample with SMOTE. Then focal loss. Folds are stratified, cross -validation style. "
        "Calibrated risks matter in the clinic."
    )
    assert covered(IMBALANCE, text) == [True, True, True, False, True]


def test_coverage_reports_when_and_the_evidence():
    coverage = assess_coverage(split_hint(IMBALANCE), tokens("um so we used focal loss here", start=10, step=1))
    point = coverage.points[1]
    assert point.at_s == pytest.approx(14.0) and point.evidence == "focal loss"
    assert coverage.ratio == pytest.approx(0.2)


def test_acronym_and_its_expansion_match_both_ways():
    hint = "Cover weighted sums of risk alleles, and how PRS is used for disease risk stratification."
    assert covered(hint, "the polygenic risk score is used to stratify disease risk") == [False, True]
    hint2 = "Explain the polygenic risk score and its limits."
    assert covered(hint2, "the PRS ranks people") == [True, False]


def test_a_term_shared_by_points_cannot_cover_them_alone():
    hint = "Cover selection bias, label bias, and measurement bias."
    assert covered(hint, "there is a lot of bias in this data") == [False, False, False]
    assert covered(hint, "label bias is when diagnoses come late") == [False, True, False]


def test_off_topic_answer_covers_nothing():
    text = (
        "I spent last summer walking the coast path with friends. We planned each day, like, how far to "
        "walk. The weather changed, so we carried jackets and a lot of food. The model of the trip was "
        "simple and the data on the map was good."
    )
    assert not any(covered(IMBALANCE, text))


# reliability -----------------------------------------------------------------------------------------


def test_reliability_flags_quiet_clipped_silent_and_unsure_recordings():
    toks = tokens(" ".join(["word"] * 30))
    good = voiced_audio([(0.5, 9.5)], 10.0, level=0.2)
    assert assess_reliability(good, levels(good), toks).ok
    quiet = voiced_audio([(0.5, 9.5)], 10.0, level=0.005)
    assert "fillers" in assess_reliability(quiet, levels(quiet), toks).untrusted
    clipped = np.clip(good * 10, -1, 1)
    assert any("clipped" in w for w in assess_reliability(clipped, levels(clipped), toks).warnings)
    silent = voiced_audio([(0.5, 1.0)], 10.0, level=0.2)
    assert "pauses" in assess_reliability(silent, levels(silent), toks).untrusted
    unsure = tokens(" ".join(["word"] * 30), probability=0.3)
    assert "coverage" in assess_reliability(good, levels(good), unsure).untrusted


# the whole analysis ----------------------------------------------------------------------------------


def test_analyse_json_has_the_contract_keys_and_round_trips():
    transcript = Transcript(
        words("So, um, I would use SMOTE and focal loss, you know, with stratified folds.", start=1.0, step=0.5),
        duration_s=12.0,
    )
    audio = voiced_audio([(1.0, 8.0)], 12.0)
    a = analyse(transcript, audio, IMBALANCE, target_s=(5, 10))
    data = json.loads(json.dumps(a.to_dict()))
    for key in (
        "analysis_version",
        "recording_s",
        "lead_in_s",
        "duration_s",
        "words",
        "wpm",
        "timing",
        "pauses",
        "fillers",
        "coverage",
        "reliability",
        "transcript",
    ):
        assert key in data
    assert data["analysis_version"] == ANALYSIS_VERSION
    assert data["timing"]["target_s"] == [5, 10] and data["timing"]["verdict"] == "in band"
    assert data["fillers"]["by_type"] == {"so": 1, "um/uh": 1, "you know": 1}
    assert {"point", "covered", "at_s", "evidence"} <= set(data["coverage"]["points"][0])
    assert set(data["pauses"]) >= {"threshold_s", "long", "items"}
    assert AnswerAnalysis.from_dict(data).to_dict() == data


def test_no_words_is_no_answer():
    a = analyse(Transcript((), duration_s=5.0), np.zeros(5 * SR, dtype=np.float32), IMBALANCE)
    assert a.timing.verdict == "no answer" and a.pace.wpm == 0 and a.coverage.ratio == 0
    assert a.verdict.fix_first


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Methods, like SMOTE, make synthetic examples.", []),
        ("The top, like the top few percent, get screened.", ["like"]),
        ("Like a clear normal film teaches it little.", ["like"]),
        ("And like we said, it depends.", ["like"]),
    ],
)
def test_like_before_a_noun_is_an_example_not_a_filler(text, expected):
    assert types(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The lab runs the sample again, actually the hardest part was the committee.", ["actually"]),
        ("It is a real risk. Um Actually, accuracy can be high.", ["um/uh", "actually"]),
        ("We kept the model small, and it actually held its accuracy.", []),
        ("Check who actually benefits, and report it.", []),
    ],
)
def test_actually_opening_a_clause_joined_to_the_sentence_before_is_a_filler(text, expected):
    """Whisper joins the sentence "Actually" opens to the one before with a comma (tuning half, a drive)."""
    assert types(text) == expected


def test_a_hesitation_after_a_full_stop_leaves_the_next_word_opening_the_sentence():
    assert types("It is a real risk. um So the validation set was small.") == ["um/uh", "so"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The weight stops going negative, like we're in every note.", ["like"]),
        ("It is very sensitive to the chunk size, like below a thousand rows.", ["like"]),
        ("The environment is one container image, like with the CUDA versions pinned.", ["like"]),
        ("Then transparency, like can we explain what it does.", ["like"]),
        ("Their scanners and like their volumes differ.", ["like"]),
        ("We also found that like half of their scans came from one site.", ["like"]),
        ("It looks like we're done.", []),
        ("I like half of the ideas.", []),
        ("Senior readers, like her, check every case.", []),
        ("We need more clinicians like her on the team.", []),
        ("Tools, like Docker, keep it the same.", []),
        ("Rare cases, like in radiology, need care.", []),
    ],
)
def test_like_before_a_clause_or_a_preposition_is_a_filler(text, expected):
    """No example opens with "we're" or "below": the "like" before them was dropped in (tuning half)."""
    assert types(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The training metrics like almost perfect on train.", ["like"]),
        ("We report metrics like AUROC and recall.", []),
        ("I like almost every part of it.", []),
    ],
)
def test_like_before_an_approximation_is_a_filler_even_after_a_noun(text, expected):
    assert types(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A fit on a held out set, right, choosing the right threshold comes later.", ["right"]),
        ("It depends on the base rate, right?", ["right"]),
        ("That's right, we pick the right threshold.", []),
    ],
)
def test_right_as_a_tag_inside_or_closing_a_sentence(text, expected):
    assert types(text) == expected


def test_the_verdict_says_which_items_it_did_not_hear_not_that_they_were_missed():
    """Items are recognised by their words: an item said in other words is "not heard", and the fix
    names it so the speaker can say it plainly (round 11: a third of the items said on new hints
    went unseen)."""
    hint = "Cover SMOTE, focal loss, stratified cross-validation, and calibration."
    text = "I would use SMOTE to oversample the rare class and keep the rest simple."
    a = analyse(Transcript(words(text), duration_s=8.0), voiced_audio([(1.0, 6.6)], 8.0), hint)
    assert any(f.startswith("not heard, name them plainly: focal loss") for f in a.verdict.fix_first)
