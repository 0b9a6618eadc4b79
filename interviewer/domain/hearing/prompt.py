"""What Whisper is told before it hears an answer: a disfluent style, the jargon, the text so far.

Measured (WHISPER.md, `interviewer eval`, benchmarks/prompt_study.py): stock Whisper drops
"um"/"uh"; a short prompt in a disfluent style brings them back; Whisper mishears the
hint's jargon unless the decoder is told it. Both engine adapters put the hotwords in front
of the prompt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from interviewer.domain.bank import Bank
from interviewer.domain.ports import DecodeHints

DISFLUENT_STYLE = "Umm, let me think like, hmm... Okay, here's what I'm, like, thinking."
MAX_JARGON_TERMS = 12  # the most distinctive terms only: hotwords share the prompt budget
MAX_PREVIOUS_WORDS = 40  # context carried over between streamed chunks
MAX_PROMPT_WORDS = 70  # hotwords + prompt, ~120 tokens: under half of Whisper's 224-token prompt budget

_STOP = frozenset(
    (
        "a an the and or of in on for to with by at from as is are be how why what when which that this "
        "these those its it their each both between vs e.g eg i.e ie not while into via cover covers "
        "discuss discusses explain explains describe describes answer strong good should response "
        "importance role use used using can your you would do does did have has will about also such like"
    ).split()
)


@dataclass(frozen=True)
class Listening:
    """How a model is best told about an answer, measured per model (README, "How an answer is heard").

    tiny.en drops "um" without the disfluent style and keeps its figures with the question's terms
    as hotwords and the text so far. base garbles 8-25 s chunks with all three (bench answer WER
    0.200, a 300-character "____" word) and with the text so far alone (0.173); in 18-28 s chunks
    with the style and the question's terms as hotwords (no text so far) it heard the tuning half
    with WER 0.102 (tiny.en 0.119), filler recall 0.76 (0.76), item accuracy 0.87 (0.82); without
    the hotwords 0.100 / 0.76 / 0.84 and "SMOTE" heard as "Smoke"; with no prompt 0.098 / 0.70.
    """

    style: str = DISFLUENT_STYLE
    previous_words: int = MAX_PREVIOUS_WORDS
    hotwords: bool = True
    long_chunks: bool = False


LISTENING = {"base": Listening(previous_words=0, long_chunks=True)}


def listening_for(model: str) -> Listening:
    return LISTENING.get(model, Listening())


def decode_hints_for(
    question_text: str,
    hint: str,
    previous_text: str = "",
    glossary: tuple[str, ...] = (),
    listening: Listening = Listening(),
) -> DecodeHints:
    """The prompt and hotwords that help Whisper hear an answer to this question.

    Both engine adapters put the hotwords in front of the prompt, so the jargon is
    not repeated in the prompt: the decoder sees "SMOTE, ADASYN, Brier. Umm, let me
    think like, hmm... <the last words heard>".

    Args:
        question_text: the question as asked (may be "").
        hint: what a strong answer covers; its terms are what Whisper mishears.
        previous_text: the transcript so far when a recording is heard in chunks.
        glossary: the bank's own jargon ranked for this question (`glossary_for`), after the
            question's own terms.
        listening: what this model is told (`listening_for(model)`).

    Returns:
        `prompt`: the disfluent style sentence and the tail of `previous_text`, together
        with the hotwords at most MAX_PROMPT_WORDS words; `hotwords`: the jargon.
    """
    own = jargon_terms(f"{question_text}\n{hint}") if listening.hotwords else []
    seen = {t.lower() for t in own}
    terms = own + [t for t in glossary if t.lower() not in seen and listening.hotwords]
    budget = MAX_PROMPT_WORDS - len(listening.style.split()) - len(terms)
    keep = min(listening.previous_words, max(0, budget))
    tail = previous_text.split()[-keep:] if keep > 0 else []
    prompt = " ".join(part for part in [listening.style, *tail] if part)
    return DecodeHints(prompt=prompt, hotwords=tuple(terms))


_PRONOUN_I = re.compile(r"I'\w+")


def jargon_terms(text: str, limit: int = MAX_JARGON_TERMS) -> list[str]:
    """The distinctive terms of `text`, in order: acronyms, capitalised or hyphenated words, rare words.

    "Cover SMOTE/ADASYN, focal loss and the Brier score" -> ["SMOTE", "ADASYN", "Brier", ...].
    """
    scored: dict[str, tuple[int, int]] = {}
    for position, match in enumerate(re.finditer(r"[A-Za-z][A-Za-z0-9'\-]*[A-Za-z0-9]|[A-Z]", text)):
        word = match.group(0).strip("-'")
        if len(word) < 3 or word.lower() in _STOP:
            continue
        rank = _distinctiveness(word, _opens_a_sentence(text, match.start()))
        if rank and word not in scored:
            scored[word] = (rank, position)
    ordered = sorted(scored, key=lambda w: (-scored[w][0], scored[w][1]))[:limit]
    return sorted(ordered, key=lambda w: scored[w][1])


def _opens_a_sentence(text: str, at: int) -> bool:
    """A capital there says nothing: the start of the text, of a sentence, a line or a list item."""
    before = text[:at].rstrip(" *\"'(")
    return not before or before[-1] in ".!?:;\n-•"


def _distinctiveness(word: str, first: bool) -> int:
    if _PRONOUN_I.fullmatch(word):
        return 0  # "I'm", "I've": capitalised inside a sentence, and no name
    letters = re.sub(r"[^A-Za-z]", "", word)
    if sum(c.isupper() for c in letters) >= 2:
        return 3  # SMOTE, OMOP, PubMedBERT, HIPAA
    if word[0].isupper() and not first:
        return 2  # Brier, Platt, Nextflow
    if "-" in word or len(word) >= 9:
        return 1  # cross-validation, stratification, federated
    return 0


MAX_BANK_TERMS = 0  # the bank's terms added to a question's own: 3 or 8 cost filler recall on the tuning half (README)
BANK_TERM_RANK = 3  # acronyms and names with inner capitals only: a capitalised word in a bank is often a heading


@dataclass(frozen=True)
class Vocabulary:
    """A bank's jargon: each distinctive term, and the questions (by index) whose text uses it."""

    terms: dict[str, frozenset[int]] = field(default_factory=dict)


def bank_vocabulary(documents: Sequence[str]) -> Vocabulary:
    """The vocabulary of a bank from one document per question (its text, hint and model answer)."""
    found: dict[str, set[int]] = {}
    for index, document in enumerate(documents):
        for term in jargon_terms(document, limit=10_000):
            if _distinctiveness(term, False) >= BANK_TERM_RANK:
                found.setdefault(term, set()).add(index)
    return Vocabulary({term: frozenset(docs) for term, docs in found.items()})


def glossary_for(vocabulary: Vocabulary, question_text: str, hint: str, limit: int = MAX_BANK_TERMS) -> tuple[str, ...]:
    """The bank terms this question's answer is likeliest to use beyond its own: those that appear
    in the same questions as its own terms ("OMOP" -> "SNOMED", "RxNorm", "LOINC", "OHDSI"),
    then the bank's most used ones."""
    own = {t.lower() for t in jargon_terms(f"{question_text}\n{hint}", limit=10_000)}
    related = frozenset().union(*(docs for t, docs in vocabulary.terms.items() if t.lower() in own))
    others = [t for t in vocabulary.terms if t.lower() not in own]
    ranked = sorted(others, key=lambda t: (-len(vocabulary.terms[t] & related), -len(vocabulary.terms[t]), t))
    return tuple(ranked[:limit])


@lru_cache(maxsize=16)
def vocabulary_of(bank: Bank) -> Vocabulary:
    return bank_vocabulary([f"{q.text}\n{q.hint}\n{q.model_answer}" for q in bank.questions])


def question_glossary(bank: Bank | None, question_text: str, hint: str, limit: int = MAX_BANK_TERMS) -> tuple[str, ...]:
    """The glossary for one question of `bank` (none without a bank, or with no terms asked for)."""
    if bank is None or limit <= 0:
        return ()
    return glossary_for(vocabulary_of(bank), question_text, hint, limit)
