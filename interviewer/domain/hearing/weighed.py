"""Hesitations Whisper weighed and did not write, put back where it weighed them.

In running speech Whisper writes another word where "um" or "uh" was said ("and um it" -> "and I'm,
it"; "uh for the estimate" -> "Affirmative, estimated") or leaves it out, but its decoder still gives
the hesitation some probability on the way to the next word; the engine adapter records it as
`Word.hesitation_before`. Where that probability reaches WEIGHED_HESITATION_MIN (tuned on the
evaluation's tuning half, README "Hesitations Whisper weighed"), a hesitation is
added before the word, at the word's start, with that probability.

A word that sounds like a hesitation needs less: Whisper writes "I'm" for "um" (/əm/). Said "I'm"
got at most 0.0005 (47 in four voices, benchmarks/stand_ins.py); on the tuning half "I'm" written for a
said "um" got 0.0012-0.037 and one written for "I use M" 0.0013, so 0.0015 and over is the "um" it
stands for, inside a sentence: at an answer's start, where Whisper weighs a hesitation more, "OMOP
is" came back "I'm a bit of" with 0.0167 (legacy set).
"""

from __future__ import annotations

from interviewer.domain.transcript import Word
from interviewer.domain.words import SENTENCE_END, is_hesitation, norm_of

WEIGHED_HESITATION_MIN = 0.03  # the middle of 0.02-0.04, where the tuning half's figures were the same
STAND_INS = {"i'm": 0.0015}  # words Whisper writes for a hesitation that sounds like them, and their minimum
WRITTEN_NEARBY_S = 1.0  # a hesitation written this close before the word is the one it weighed


def weighed_hesitations(words: list[Word], minimum: float = WEIGHED_HESITATION_MIN) -> list[Word]:
    """`words` with a hesitation before each word that Whisper gave one `minimum` probability or more."""
    out: list[Word] = []
    for word in words:
        weight, norm = word.hesitation_before, norm_of(word.text)
        opens = not out or out[-1].text.rstrip()[-1:] in SENTENCE_END
        stand_in = norm in STAND_INS and not opens
        if weight < (STAND_INS[norm] if stand_in else minimum) or _written_before(out, word):
            out.append(word)
            continue
        hesitation = " Um" if opens else " um"
        if stand_in:  # the word is the hesitation, heard as a word
            out.append(Word(hesitation + trailing_punctuation(word.text), word.start, word.end, weight))
        else:
            out.append(Word(hesitation + ("," if opens else ""), word.start, word.start, weight))
            out.append(word)
    return out


def trailing_punctuation(text: str) -> str:
    stripped = text.rstrip()
    return stripped[len(stripped.rstrip(",.?!;:")) :]


def _written_before(earlier: list[Word], word: Word) -> bool:
    """The word is itself a hesitation, or one was written just before it."""
    if is_hesitation(norm_of(word.text)):
        return True
    for before in reversed(earlier):
        if word.start - before.end > WRITTEN_NEARBY_S:
            return False
        if is_hesitation(norm_of(before.text)):
            return True
    return False
