"""Hesitations Whisper weighed and did not write (domain/hearing/weighed.py) and the adapter's
reading of them from CTranslate2's step log-probabilities (adapters/hesitation_evidence.py)."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from interviewer.adapters.hesitation_evidence import (
    LogitsRecorder,
    Steps,
    carried_weights,
    hesitation_ids,
    hesitation_weights,
    step_probabilities,
    with_weights,
)
from interviewer.domain.hearing.weighed import (
    WEIGHED_HESITATION_MIN,
    unfused_hesitations,
    weighed_hesitations,
    weighing_for,
)
from interviewer.domain.transcript import Word


def texts(words):
    return [w.text for w in words]


def test_a_hesitation_weighed_enough_is_put_back_before_the_word():
    words = [Word(" and", 1.0, 1.2), Word(" it", 1.6, 1.7, 0.9, hesitation_before=0.2), Word(" works.", 1.7, 2.0)]
    out = weighed_hesitations(words)
    assert texts(out) == [" and", " um", " it", " works."]
    assert out[1].start == out[1].end == 1.6 and out[1].probability == 0.2


def test_too_little_weight_adds_nothing():
    words = [Word(" and", 1.0, 1.2), Word(" it", 1.6, 1.7, 0.9, hesitation_before=WEIGHED_HESITATION_MIN / 2)]
    assert texts(weighed_hesitations(words)) == [" and", " it"]


def test_a_sentence_opening_hesitation_is_capitalised():
    words = [Word(" done.", 0.5, 0.8), Word(" How", 1.2, 1.4, 0.9, hesitation_before=0.1)]
    assert texts(weighed_hesitations(words)) == [" done.", " Um,", " How"]


def test_no_second_hesitation_where_one_was_written():
    words = [
        Word(" on", 4.3, 4.5),
        Word(" umm,", 4.56, 4.88),
        Word(" ImageNet.", 5.18, 5.6, 0.9, hesitation_before=0.2),
    ]
    assert texts(weighed_hesitations(words)) == [" on", " umm,", " ImageNet."]


def test_a_hesitation_weighed_before_the_word_it_was_written_after_is_not_added_again():
    """ "So, um, class imbalance ...": the decoder weighed the "um" one step early, before "So"."""
    words = [Word(" So,", 1.0, 1.4, 0.9, hesitation_before=0.05), Word(" um,", 1.8, 2.1), Word(" class", 2.3, 2.6)]
    assert texts(weighed_hesitations(words)) == [" So,", " um,", " class"]
    later = [Word(" So,", 1.0, 1.4, 0.9, hesitation_before=0.05), Word(" class", 1.8, 2.1), Word(" um,", 2.3, 2.6)]
    assert texts(weighed_hesitations(later)) == [" Um,", " So,", " class", " um,"]


def test_an_im_written_for_um_is_the_um_it_stands_for():
    """Said "I'm" got at most 0.0005 (benchmarks/stand_ins.py); "I'm" for a said "um" 0.0015 and more."""
    stand_in = [Word(" and", 4.0, 4.3), Word(" I'm,", 4.5, 4.7, 0.47, hesitation_before=0.0157), Word(" it", 4.8, 4.9)]
    assert texts(weighed_hesitations(stand_in)) == [" and", " um,", " it"]
    said = [Word(" and", 4.0, 4.3), Word(" I'm", 4.5, 4.7, 0.98, hesitation_before=0.0005), Word(" sure", 4.8, 5.0)]
    assert texts(weighed_hesitations(said)) == [" and", " I'm", " sure"]


def _sentence(weight: float, word: str = " it") -> list[Word]:
    """ "The model is good, and [hesitation weighed here] it works." """
    said = [" The", " model", " is", " good,", " and", word, " works."]
    return [
        Word(w, 0.4 * k, 0.4 * k + 0.3, 0.9, hesitation_before=weight if w == word else 0.0) for k, w in enumerate(said)
    ]


def test_a_hesitation_written_onto_a_hint_term_is_split_off_it():
    """base wrote "Plinkum" for "PLINK um" (tuning half): the term and the "um" are two words again."""
    heard = [Word(" in", 0.0, 0.2, 0.9), Word(" Plinkum,", 0.2, 1.0, 0.6), Word(" missing", 1.1, 1.5, 0.9)]
    out = unfused_hesitations(heard, ("REGENIE", "PLINK"))
    assert [w.text for w in out] == [" in", " PLINK", " um,", " missing"]
    assert out[1].start == 0.2 and out[1].end == out[2].start == pytest.approx(0.2 + 0.8 * 5 / 7)
    assert out[2].end == 1.0
    assert [w.text for w in unfused_hesitations([Word(" PLINKuh.", 0.0, 1.0)], ("PLINK",))] == [" PLINK", " uh."]


def test_a_word_ending_in_um_that_is_no_term_plus_um_stays_whole():
    heard = [Word(" maximum", 0.0, 0.5, 0.9), Word(" medium", 0.5, 1.0, 0.9), Word(" Plinkum", 1.0, 1.5, 0.9)]
    assert unfused_hesitations(heard, ("PLINK", "Plinkum", "med")) == heard  # "Plinkum" is a term; "med" + "ium"
    assert unfused_hesitations(heard, ("REGENIE",)) == heard


def test_base_puts_back_a_hesitation_it_weighed_less_than_tiny_en_needs():
    """base weighed a said "um" it wrote as another word 0.0086-0.021; words with nothing said before
    them reach 0.008 in base about as often as 0.03 in tiny.en."""
    assert " um" in texts(weighed_hesitations(_sentence(0.012), weighing_for("base")))
    assert " um" not in texts(weighed_hesitations(_sentence(0.012), weighing_for("tiny.en")))


def test_base_adds_nothing_for_the_weight_clean_speech_gets():
    assert " um" not in texts(weighed_hesitations(_sentence(0.004), weighing_for("base")))


def test_base_takes_no_im_for_um_on_the_weight_a_said_im_gets():
    """A said "I'm" reached 0.0064 in base; tiny.en's stand-in minimum is 0.0015."""
    assert texts(weighed_hesitations(_sentence(0.006, " I'm"), weighing_for("base")))[5] == " I'm"
    assert texts(weighed_hesitations(_sentence(0.004, " I'm"), weighing_for("tiny.en")))[5] == " um"


def test_an_im_base_weighed_as_a_hesitation_is_the_um_not_um_and_im():
    """Tuning half: "rule definitions, um I'm one rule per step" for "rule definitions, um, one rule per
    step" (0.21 before the "I'm"): the hesitation was put back and the word it was heard as kept."""
    heard = texts(weighed_hesitations(_sentence(0.21, " I'm"), weighing_for("base")))
    assert heard[4:] == [" and", " um", " works."]


def test_a_model_not_measured_weighs_as_tiny_en():
    assert weighing_for("small.en") == weighing_for("tiny.en")


def _result(tokens: list[int], chances: list[float], hesitation_id: int = 7, vocabulary: int = 10):
    """A CTranslate2-like result whose step log-probabilities give the hesitation token `chances`."""
    steps = []
    for chance in chances:
        p = np.full(vocabulary, (1 - chance) / (vocabulary - 1))
        p[hesitation_id] = max(chance, 1e-9)
        steps.append(np.log(p))
    return SimpleNamespace(sequences_ids=[tokens], logits=[steps])


def _steps(result, hesitation_id: int = 7) -> Steps:
    return Steps(result.sequences_ids[0], step_probabilities(result, [hesitation_id]))


PIECES = {1: " and", 2: " I", 3: "'m", 4: ",", 5: " it", 6: " cross", 7: " um", 8: "-", 9: "valid", 10: "ber",
          11: " number", 100: "<|0.00|>"}  # fmt: skip


def decode(ids):
    return "".join(PIECES[i] for i in ids)


def test_each_word_gets_the_most_hesitation_weighed_since_the_word_before():
    result = _result([1, 2, 3, 4, 5, 100], [0.0, 0.3, 0.9, 0.05, 0.01, 0.6])
    weighted = hesitation_weights([_steps(result)], decode, eot=99)
    # "'m" continues "I" and its step is not counted; the "," step counts toward "it" (punctuation is
    # left out of the words' text, which is only compared letter by letter with faster-whisper's)
    assert [(t, round(w, 2)) for t, w in weighted] == [(" and", 0.0), (" I'm", 0.3), (" it", 0.05)]


def test_a_word_spelt_from_a_hesitations_token_gets_only_the_weight_before_it():
    """base wrote "umber" (" um" + "ber") for a said "number": its first step's " um" is the word itself,
    so only the steps before it count (0.1 at the comma); a written " um" weighs itself (0.6)."""
    result = _result([1, 4, 7, 10, 5, 7, 5], [0.0, 0.1, 0.2, 0.05, 0.0, 0.6, 0.0], vocabulary=120)
    weighted = hesitation_weights([_steps(result)], decode, eot=99)
    assert [(t, round(w, 2)) for t, w in weighted] == [(" and", 0.0), (" umber", 0.1), (" it", 0.0), (" um", 0.6),
                                                       (" it", 0.0)]  # fmt: skip
    result = _result([1, 11, 5], [0.0, 0.1, 0.3], vocabulary=120)  # the drive's "number": beam or greedy
    assert [round(w, 2) for _, w in hesitation_weights([_steps(result)], decode, eot=99)] == [0.0, 0.0, 0.3]


def test_a_word_after_prepended_punctuation_starts_a_word_as_faster_whisper_does():
    result = _result([6, 8, 9], [0.0, 0.0, 0.0])
    assert [t for t, _ in hesitation_weights([_steps(result)], decode, eot=99)] == [" cross", "valid"]


def test_weights_are_added_only_when_the_words_agree():
    words = [(" and", 0.0, 0.2, 0.9), (" it", 0.3, 0.4, 0.9)]
    assert with_weights(words, [(" and", 0.0), (" it", 0.4)]) == [
        (" and", 0.0, 0.2, 0.9, 0.0),
        (" it", 0.3, 0.4, 0.9, 0.4),
    ]
    assert with_weights(words, [(" and", 0.0)]) == words
    assert with_weights(words, [(" and", 0.0), (" is", 0.4)]) == words


def test_weights_carry_over_to_another_decodes_words_of_the_same_audio():
    words = [(" and", 0.0, 0.2, 0.9), (" the", 0.3, 0.4, 0.9), (" tech", 0.4, 0.6, 0.9), (" lead", 0.6, 0.8, 0.9)]
    greedy = [(" and", 0.1), (" attacked", 0.02), (" lead", 0.3)]
    assert [w[4] for w in carried_weights(words, greedy)] == [0.1, 0.02, 0.0, 0.3]


def test_a_hesitation_both_passes_wrote_in_other_words_keeps_its_place():
    """A tmux drive: greedy "with a clinician um tied", beam "with the clinicians, erm, tied"; the "um"'s
    weight went to "the", and the feedback counted a put-back "um" besides the written "erm"."""
    words = [(" with", 0.0, 0.2, 0.9), (" the", 0.2, 0.3, 0.9), (" clinicians,", 0.3, 0.8, 0.9)]
    words += [(" erm,", 1.2, 1.4, 0.3), (" tied", 1.6, 1.8, 0.9)]
    greedy = [(" with", 0.0), (" a", 0.0), (" clinician", 0.0), (" um", 0.447), (" tied", 0.0)]
    assert [w[4] for w in carried_weights(words, greedy)] == [0.0, 0.0, 0.0, 0.447, 0.0]
    uneven = [(" with", 0.0), (" a", 0.0), (" clinician", 0.0), (" uh", 0.0), (" um", 0.447), (" tied", 0.0)]
    assert [w[4] for w in carried_weights(words, uneven)] == [0.0, 0.0, 0.0, 0.447, 0.0]


def test_a_hesitation_only_the_greedy_pass_wrote_weighs_before_the_next_word():
    words = [(" and", 0.0, 0.2, 0.9), (" it", 0.6, 0.8, 0.9)]
    greedy = [(" and", 0.0), (" um,", 0.7), (" it", 0.01)]
    assert [w[4] for w in carried_weights(words, greedy)] == [0.0, 0.7]


class _Model:
    """A CTranslate2 Whisper stand-in: beam search gives other tokens than greedy (and no logits)."""

    def __init__(self) -> None:
        self.calls = []

    def generate(self, features, prompts, **kwargs):
        self.calls.append(kwargs)
        if kwargs.get("beam_size", 1) > 1:
            assert "return_logits_vocab" not in kwargs  # CTranslate2: "data is NULL but array contains data"
            return [SimpleNamespace(sequences_ids=[[2, 5]], scores=[-0.1], logits=[])]
        return [_result([1, 5], [0.0, 0.2])]


def test_a_greedy_window_is_written_from_beam_search_keeping_the_greedy_weights():
    model = _Model()
    recorder = LogitsRecorder(model, [7], beam_size=5)
    written = recorder.generate("features", [[0]], beam_size=1)
    assert written[0].sequences_ids == [[2, 5]] and [c.get("beam_size") for c in model.calls] == [1, 5]
    steps = recorder.take()[0]
    assert steps.rewritten and steps.tokens == [1, 5] and round(float(steps.chances[1]), 2) == 0.2


def test_without_a_beam_size_a_greedy_window_is_written_as_decoded():
    model = _Model()
    recorder = LogitsRecorder(model, [7])
    assert recorder.generate("features", [[0]], beam_size=1)[0].sequences_ids == [[1, 5]]
    assert len(model.calls) == 1 and not recorder.take()[0].rewritten


def test_an_im_opening_a_sentence_is_not_taken_for_um_on_a_stand_ins_weight():
    """ "OMOP is a common data model" came back "I'm a bit of Common, Data Model." with 0.0167."""
    words = [Word(" I'm", 1.8, 2.26, 0.02, hesitation_before=0.0167), Word(" a", 2.26, 2.4)]
    assert texts(weighed_hesitations(words)) == [" I'm", " a"]


class _Tokenizer:
    """A tokenizer that writes the texts in `split` as the pieces given, the `whole` ones as one
    token, and anything else letter by letter."""

    def __init__(self, whole: list[str], split: dict[str, tuple[str, ...]]) -> None:
        self.split = split
        self.pieces = sorted({*whole, *(p for ps in split.values() for p in ps)})
        self.whole = set(whole)

    def encode(self, text: str, add_special_tokens: bool = False):
        pieces = self.split.get(text) or ([text] if text in self.whole else list(text))
        for piece in pieces:
            if piece not in self.pieces:
                self.pieces.append(piece)
        return SimpleNamespace(ids=[self.pieces.index(p) for p in pieces])

    def decode(self, ids: list[int]) -> str:
        return "".join(self.pieces[i] for i in ids)


def _weighed_texts(tokenizer: _Tokenizer) -> set[str]:
    return {tokenizer.decode([i]) for i in hesitation_ids(tokenizer)}


def test_every_hesitation_spelling_that_is_a_token_is_weighed():
    """base's tokenizer writes " Umm" (the prompt's first word) as one token: its weight counts; the
    "u" that is "you" written short does not."""
    whole = [" um", " Um", " Umm", " umm", " uh", " Uh", " uhh", " Uhh", " uhm", " Uhm", " Hmm", " hmm", " u"]
    texts_ = _weighed_texts(_Tokenizer(whole, {}))
    assert set(whole) - {" u"} <= texts_
    assert " u" not in texts_


def test_a_spellings_first_piece_counts_only_when_it_is_the_lowercase_u():
    """tiny.en writes " umm" as " u" + "mm" (counted) and " Umm" as " U" + "mm" (" U" begins "Unless")."""
    split = {" umm": (" u", "mm"), " uhh": (" u", "hh"), " Umm": (" U", "mm"), " hmm": (" h", "mm")}
    texts_ = _weighed_texts(_Tokenizer([" um", " Um", " uh", " Uh", " Hmm"], split))
    assert {" u", " um", " Um", " uh", " Uh", " Hmm"} <= texts_
    assert not {" U", " h", "U", "H"} & texts_
