"""What Whisper is told before it hears an answer: a disfluent style, the jargon, the text so far.

Measured (WHISPER.md, `interviewer eval`, benchmarks/prompt_study.py): stock Whisper drops
"um"/"uh"; a short prompt in a disfluent style brings them back; Whisper mishears the
hint's jargon unless the decoder is told it. Both engine adapters put the hotwords in front
of the prompt.
"""

from __future__ import annotations

import re

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


def decode_hints_for(question_text: str, hint: str, previous_text: str = "") -> DecodeHints:
    """The prompt and hotwords that help Whisper hear an answer to this question.

    Both engine adapters put the hotwords in front of the prompt, so the jargon is
    not repeated in the prompt: the decoder sees "SMOTE, ADASYN, Brier. Umm, let me
    think like, hmm... <the last words heard>".

    Args:
        question_text: the question as asked (may be "").
        hint: what a strong answer covers; its terms are what Whisper mishears.
        previous_text: the transcript so far when a recording is heard in chunks.

    Returns:
        `prompt`: the disfluent style sentence and the tail of `previous_text`, together
        with the hotwords at most MAX_PROMPT_WORDS words; `hotwords`: the jargon.
    """
    terms = jargon_terms(f"{question_text}\n{hint}")
    budget = MAX_PROMPT_WORDS - len(DISFLUENT_STYLE.split()) - len(terms)
    tail = previous_text.split()[-min(MAX_PREVIOUS_WORDS, max(0, budget)) :] if budget > 0 else []
    prompt = " ".join([DISFLUENT_STYLE, *tail])
    return DecodeHints(prompt=prompt, hotwords=tuple(terms))


def jargon_terms(text: str, limit: int = MAX_JARGON_TERMS) -> list[str]:
    """The distinctive terms of `text`, in order: acronyms, capitalised or hyphenated words, rare words.

    "Cover SMOTE/ADASYN, focal loss and the Brier score" -> ["SMOTE", "ADASYN", "Brier", ...].
    """
    scored: dict[str, tuple[int, int]] = {}
    for position, raw in enumerate(re.findall(r"[A-Za-z][A-Za-z0-9'\-]*[A-Za-z0-9]|[A-Z]", text)):
        word = raw.strip("-'")
        if len(word) < 3 or word.lower() in _STOP:
            continue
        rank = _distinctiveness(word, position == 0)
        if rank and word not in scored:
            scored[word] = (rank, position)
    ordered = sorted(scored, key=lambda w: (-scored[w][0], scored[w][1]))[:limit]
    return sorted(ordered, key=lambda w: scored[w][1])


def _distinctiveness(word: str, first: bool) -> int:
    letters = re.sub(r"[^A-Za-z]", "", word)
    if sum(c.isupper() for c in letters) >= 2:
        return 3  # SMOTE, OMOP, PubMedBERT, HIPAA
    if word[0].isupper() and not first:
        return 2  # Brier, Platt, Nextflow
    if "-" in word or len(word) >= 9:
        return 1  # cross-validation, stratification, federated
    return 0
