"""How an answer is heard: the prompt and hotwords, and recovery of speech the prompted pass dropped."""

from __future__ import annotations

import numpy as np
import pytest

from interviewer.domain.hearing.prompt import DISFLUENT_STYLE, MAX_PROMPT_WORDS, decode_hints_for, jargon_terms
from interviewer.domain.hearing.recovery import transcribe_answer, unheard_spans
from interviewer.domain.hearing.signal import levels
from interviewer.domain.ports import SAMPLE_RATE, DecodeHints
from interviewer.domain.transcript import Transcript, Word

HINT = "Cover SMOTE/ADASYN, focal loss, stratified cross-validation, and the Brier score of the OMOP-based cohort."


def test_jargon_is_taken_from_the_hint_acronyms_first():
    terms = jargon_terms(HINT)
    for term in ("SMOTE", "ADASYN", "Brier", "OMOP-based"):
        assert term in terms
    assert "Cover" not in terms and "focal" not in terms
    assert jargon_terms("So, I'm sure, and I've seen the Brier score.") == ["Brier"]  # "I'm" is no name


def test_hints_carry_the_style_and_the_jargon_without_repeating_it():
    hints = decode_hints_for("How do you handle class imbalance?", HINT)
    assert hints.prompt.startswith(DISFLUENT_STYLE)
    assert "SMOTE" in hints.hotwords and "SMOTE" not in hints.prompt


def test_previous_text_is_kept_within_the_budget():
    previous = " ".join(f"word{i}" for i in range(500))
    hints = decode_hints_for("q", HINT, previous_text=previous)
    assert hints.prompt.endswith("word499")
    assert len(hints.prompt.split()) + len(hints.hotwords) <= MAX_PROMPT_WORDS


def tone(spans, total_s):
    audio = np.zeros(int(total_s * SAMPLE_RATE), dtype=np.float32)
    for a, b in spans:
        n = np.arange(int(a * SAMPLE_RATE), int(b * SAMPLE_RATE))
        audio[n] = 0.1 * np.sin(2 * np.pi * 200 * n / SAMPLE_RATE)
    return audio


class DroppingTranscriber:
    """With a prompt it hears only the first second of speech, and nothing when a stretch is heard
    again alone; without one it hears everything."""

    engine, model = "fake", "fake"

    def __init__(self, first_end: float = 2.0):
        self.calls: list[tuple[float, DecodeHints]] = []
        self.first_end = first_end

    def load(self, progress=None):
        pass

    def transcribe(self, audio, hints=DecodeHints()):
        seconds = len(audio) / SAMPLE_RATE
        self.calls.append((seconds, hints))
        if hints.prompt and len(self.calls) > 1:
            return Transcript((), duration_s=seconds)
        if hints.prompt:
            return Transcript((Word(" first", 1.0, self.first_end),), duration_s=seconds)
        return Transcript((Word(" again", 0.3, 1.0), Word(" heard", 1.1, 2.0)), duration_s=seconds)


def test_voiced_audio_without_words_is_found():
    audio = tone([(1.0, 2.0), (5.0, 8.0)], 10.0)
    spans = unheard_spans(levels(audio), [Word(" first", 1.0, 2.0)])
    assert len(spans) == 1
    assert spans[0].start == pytest.approx(5.0, abs=0.05) and spans[0].end == pytest.approx(8.0, abs=0.05)
    assert unheard_spans(levels(audio), [Word(" a", 1.0, 2.0), Word(" b", 5.0, 8.0)]) == []


def test_dropped_speech_is_heard_again_without_prompt_and_merged_at_absolute_times():
    audio = tone([(1.0, 5.0), (7.0, 9.0)], 10.0)
    fake = DroppingTranscriber(first_end=5.0)
    transcript = transcribe_answer(fake, audio, decode_hints_for("q", HINT))
    assert [w.text for w in transcript.words] == [" first", " again", " heard"]
    assert transcript.words[1].start == pytest.approx(7.0, abs=0.05)  # 6.7 s span start + 0.3 s
    assert fake.calls[1][1].prompt  # alone with the prompt first: it heard nothing more
    assert fake.calls[2][1].prompt == "" and "SMOTE" in fake.calls[2][1].hotwords
    assert any("+2 words" in note for note in transcript.notes)


class SpanDeafTranscriber(DroppingTranscriber):
    """As DroppingTranscriber, but a stretch heard alone comes back empty either way."""

    def transcribe(self, audio, hints=DecodeHints()):
        if self.calls and len(audio) / SAMPLE_RATE < 9.0:
            self.calls.append((len(audio) / SAMPLE_RATE, hints))
            return Transcript((), duration_s=len(audio) / SAMPLE_RATE)
        return super().transcribe(audio, hints)


def test_when_most_speech_is_still_unheard_the_whole_answer_is_heard_again_without_prompt():
    audio = tone([(1.0, 2.0), (5.0, 8.0)], 10.0)
    fake = SpanDeafTranscriber()
    transcript = transcribe_answer(fake, audio, DecodeHints(prompt="p"))
    assert [seconds for seconds, _ in fake.calls[:3]] == [10.0, pytest.approx(3.6), pytest.approx(3.6)]
    assert fake.calls[3][0] == pytest.approx(10.0) and fake.calls[3][1].prompt == ""
    assert [w.text for w in transcript.words] == [" again", " heard"]


class HesitantTranscriber:
    """Hears the sentence but skips the lone "uh" after it; heard on its own, the burst is "Uh,"."""

    engine, model = "fake", "fake"

    def __init__(self, alone: str = " Uh,") -> None:
        self.alone, self.calls = alone, []

    def transcribe(self, audio, hints=DecodeHints()):
        seconds = len(audio) / SAMPLE_RATE
        self.calls.append((seconds, hints))
        if seconds > 2.0:
            return Transcript(tuple(Word(f" w{k}", 1.0 + 0.4 * k, 1.3 + 0.4 * k) for k in range(5)), duration_s=seconds)
        return Transcript((Word(self.alone, 0.2, 0.5),), duration_s=seconds)


def test_a_lone_hesitation_the_pass_skipped_is_heard_on_its_own():
    audio = tone([(1.0, 3.0), (3.5, 3.8)], 5.0)  # a sentence, a pause, a 0.3 s "uh"
    transcript = transcribe_answer(HesitantTranscriber(), audio, DecodeHints(prompt="p"))
    assert transcript.words[-1].text == " Uh,"
    assert transcript.words[-1].start == pytest.approx(3.5, abs=0.05)
    assert any("lone hesitation" in note for note in transcript.notes)


def test_a_burst_heard_as_a_word_is_not_added():
    audio = tone([(1.0, 3.0), (3.5, 3.8)], 5.0)
    transcript = transcribe_answer(HesitantTranscriber(alone=" Yes."), audio, DecodeHints(prompt="p"))
    assert [w.text for w in transcript.words] == [f" w{k}" for k in range(5)]


def test_nothing_is_heard_twice_when_the_first_pass_covered_the_speech():
    audio = tone([(1.0, 2.0)], 4.0)
    fake = DroppingTranscriber()
    transcribe_answer(fake, audio, DecodeHints(prompt="p"))
    assert len(fake.calls) == 1


class StretchingTranscriber(DroppingTranscriber):
    """With a prompt it drops the middle sentence and stretches one word over it, as Whisper does."""

    def transcribe(self, audio, hints=DecodeHints()):
        seconds = len(audio) / SAMPLE_RATE
        self.calls.append((seconds, hints))
        if hints.prompt and len(self.calls) > 1:
            return Transcript((), duration_s=seconds)
        if hints.prompt:
            first = [Word(f" a{i}", 1.0 + 0.4 * i, 1.3 + 0.4 * i) for i in range(8)]  # 1.0-4.1 s
            last = [Word(f" c{i}", 9.0 + 0.4 * i, 9.3 + 0.4 * i) for i in range(8)]  # 9.0-12.1 s
            return Transcript((*first, Word(" stretched", 4.5, 8.5), *last), duration_s=seconds)
        return Transcript(tuple(Word(f" b{i}", 0.3 + 0.4 * i, 0.6 + 0.4 * i) for i in range(8)), duration_s=seconds)


def test_a_dropped_sentence_under_a_stretched_word_is_recovered():
    audio = tone([(1.0, 4.2), (4.6, 8.0), (9.0, 12.2)], 13.0)
    transcript = transcribe_answer(StretchingTranscriber(), audio, DecodeHints(prompt="p"))
    texts = [w.text.strip() for w in transcript.words]
    assert texts[:8] == [f"a{i}" for i in range(8)] and texts[-8:] == [f"c{i}" for i in range(8)]
    assert "stretched" not in texts and sum(t.startswith("b") for t in texts) >= 7


class ContextTranscriber:
    """Drops a sentence after the first in the whole chunk, but hears it whole when it is alone,
    prompt and all (measured with tiny.en: the unprompted retry looped instead)."""

    engine, model = "fake", "fake"

    def __init__(self):
        self.calls = []

    def transcribe(self, audio, hints=DecodeHints()):
        seconds = len(audio) / SAMPLE_RATE
        self.calls.append((seconds, hints))
        if seconds > 8.0:
            return Transcript(
                tuple(Word(f" a{k}", 1.0 + 0.4 * k, 1.3 + 0.4 * k) for k in range(13)), duration_s=seconds
            )
        if hints.prompt:
            return Transcript(
                (Word(" Umm,", 0.3, 0.6),) + tuple(Word(f" b{k}", 0.8 + 0.4 * k, 1.1 + 0.4 * k) for k in range(8)),
                duration_s=seconds,
            )
        return Transcript(
            tuple(Word(" a,", 0.3 + 0.1 * k, 0.35 + 0.1 * k, 0.05) for k in range(40)), duration_s=seconds
        )


def test_a_dropped_stretch_is_heard_alone_with_the_prompt_first():
    audio = tone([(1.0, 6.2), (6.6, 8.8)], 10.0)
    fake = ContextTranscriber()
    transcript = transcribe_answer(fake, audio, DecodeHints(prompt="p"))
    texts = [w.text.strip() for w in transcript.words]
    assert texts[:13] == [f"a{k}" for k in range(13)] and texts[13:15] == ["Umm,", "b0"]
    assert all(hints.prompt for _, hints in fake.calls[:2])  # the unprompted retry was not needed


def test_the_bank_glossary_ranks_terms_used_beside_the_questions_own_first():
    from interviewer.domain.hearing.prompt import bank_vocabulary, glossary_for

    documents = [
        "What is OMOP?\nMap EHR data to OMOP with SNOMED and RxNorm codes.",
        "Why OHDSI?\nThe OHDSI network runs OMOP studies with SNOMED.",
        "Tell me about GPUs.\nTraining on a GPU with CUDA. Start with a small batch.",
        "Docker?\nWe ship with Docker. Kubernetes runs it. CUDA images.",
    ]
    vocabulary = bank_vocabulary(documents)
    assert "Start" not in vocabulary.terms, "a capital that opens a sentence is not jargon"
    glossary = glossary_for(vocabulary, "What is OMOP used for?", "Explain OMOP and EHR data.", limit=3)
    assert glossary[:3] == ("SNOMED", "OHDSI", "RxNorm") or set(glossary) == {"SNOMED", "OHDSI", "RxNorm"}
    assert "OMOP" not in glossary and "EHR" not in glossary, "the question's own terms come first anyway"


def test_the_glossary_follows_the_questions_own_terms_within_the_prompt_budget():
    hints = decode_hints_for("What is OMOP?", "Explain OMOP.", previous_text="word " * 200, glossary=("SNOMED", "omop"))
    assert hints.hotwords == ("OMOP", "SNOMED")
    assert len(hints.prompt.split()) + len(hints.hotwords) <= MAX_PROMPT_WORDS


class WeighingTranscriber:
    """Hears five words over the sound; Whisper weighed a hesitation 0.012 before the fourth."""

    engine = "fake"

    def __init__(self, model: str) -> None:
        self.model = model

    def transcribe(self, audio, hints=DecodeHints()):
        weights = (0.0, 0.0, 0.0, 0.012, 0.0)
        words = tuple(Word(f" w{k}", 1.0 + 0.4 * k, 1.3 + 0.4 * k, 0.9, w) for k, w in enumerate(weights))
        return Transcript(words, duration_s=len(audio) / SAMPLE_RATE, model=self.model)


def test_the_hesitations_put_back_are_weighed_on_the_models_own_scale():
    audio = tone([(1.0, 3.0)], 4.0)
    base = transcribe_answer(WeighingTranscriber("base"), audio, DecodeHints(prompt="p"))
    tiny = transcribe_answer(WeighingTranscriber("tiny.en"), audio, DecodeHints(prompt="p"))
    assert [w.text for w in base.words] == [" w0", " w1", " w2", " um", " w3", " w4"]
    assert [w.text for w in tiny.words] == [" w0", " w1", " w2", " w3", " w4"]
