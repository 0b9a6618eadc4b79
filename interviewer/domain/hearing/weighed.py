"""Hesitations Whisper weighed and did not write, put back where the sound holds them.

In running speech Whisper writes another word where "um" or "uh" was said ("and um it" -> "and I'm,
it"; "uh for the estimate" -> "Affirmative, estimated") or leaves it out, but its decoder still gives
the hesitation some probability on the way to the next word; the engine adapter records it as
`Word.hesitation_before`. Where that probability reaches WEIGHED_HESITATION_MIN (tuned on the
evaluation's tuning half, README "Fillers heard where Whisper wrote another word"), a hesitation is
added before the word, at the word's start, with that probability.
"""

from __future__ import annotations

from interviewer.domain.transcript import Word
from interviewer.domain.words import SENTENCE_END, is_hesitation, norm_of

WEIGHED_HESITATION_MIN = 0.02
WRITTEN_NEARBY_S = 1.0  # a hesitation written this close before the word is the one it weighed


def weighed_hesitations(words: list[Word], minimum: float = WEIGHED_HESITATION_MIN) -> list[Word]:
    """`words` with a hesitation before each word that Whisper gave one `minimum` probability or more."""
    out: list[Word] = []
    for word in words:
        if word.hesitation_before >= minimum and not _written_before(out, word):
            opens = not out or out[-1].text.rstrip()[-1:] in SENTENCE_END
            out.append(Word(" Um," if opens else " um", word.start, word.start, word.hesitation_before))
        out.append(word)
    return out


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
