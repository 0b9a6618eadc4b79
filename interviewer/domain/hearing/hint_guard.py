"""Beam search may not write a hint term its own greedy pass did not hear.

The careful hearing can take beam search's words after a greedy pass of the same window
(adapters/faster_whisper_engine.py, `rewrite_beam_size`). Beam search follows the hotwords and the
prompt harder than greedy decoding: on the tuning half it wrote the hotword "bottleneck" for a said
"nobody acts on" ("no bottleneck to solve it"; greedy: "no more than I could solve it"), and the
analysis credited a hint item nobody said. So where the beam's words hold a hint term and the greedy
words of the same stretch do not, the greedy words are kept for that stretch.

The stretch is where the two decodes' words differ around the term (a text alignment); the word
times decide whether greedy wrote the term there all the same, a little earlier or later.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from interviewer.domain.hearing.prompt import jargon_terms
from interviewer.domain.ports import DecodeHints
from interviewer.domain.transcript import Word
from interviewer.domain.words import letters_and_digits

MAX_TERM_WORDS = 3  # Whisper splits a term into up to this many words ("cross", "-validation")
NEAR_S = 0.5  # greedy's own writing of the term counts this far either side of the beam's


@dataclass(frozen=True)
class Stretch:
    """beam[beam_from:beam_to] is replaced by greedy[greedy_from:greedy_to]."""

    beam_from: int
    beam_to: int
    greedy_from: int
    greedy_to: int


def hint_terms(hints: DecodeHints) -> tuple[str, ...]:
    """The terms a decode was told: its hotwords and the prompt's jargon (the text so far included)."""
    return tuple(hints.hotwords) + tuple(jargon_terms(hints.prompt, limit=10_000))


def hint_guarded(beam: Sequence[Word], greedy: Sequence[Word], terms: Iterable[str]) -> list[Word]:
    """`beam`'s words, with greedy's in each stretch where beam alone wrote one of `terms`."""
    merged: list[Word] = []
    at = 0
    for stretch in unwritten_stretches([w.text for w in beam], [w.text for w in greedy], terms, beam, greedy):
        merged += [*beam[at : stretch.beam_from], *greedy[stretch.greedy_from : stretch.greedy_to]]
        at = stretch.beam_to
    return merged + list(beam[at:])


def unwritten_stretches(
    beam_texts: Sequence[str],
    greedy_texts: Sequence[str],
    terms: Iterable[str],
    beam: Sequence[Word] | None = None,
    greedy: Sequence[Word] | None = None,
) -> list[Stretch]:
    """The stretches, in order and apart, where the beam wrote a term the greedy words do not hold.
    Without word times (`beam`, `greedy`) every such stretch of the text alignment counts: a cheap
    first look that finds each stretch the timed look finds, and maybe more."""
    keys = {letters_and_digits(t) for t in terms} - {""}
    beam_plain = [letters_and_digits(t) for t in beam_texts]
    greedy_plain = [letters_and_digits(t) for t in greedy_texts]
    blocks = difflib.SequenceMatcher(None, beam_plain, greedy_plain, False).get_opcodes()
    found: list[Stretch] = []
    for first, last, key in _occurrences(beam_plain, keys):
        if beam is not None and greedy is not None and _greedy_wrote_near(greedy, greedy_plain, key, beam[first:last]):
            continue
        stretch = _differing_stretch(blocks, first, last)
        if stretch is not None:
            found.append(stretch)
    return _joined(found)


def _occurrences(plain: list[str], keys: set[str]) -> list[tuple[int, int, str]]:
    """(first, last + 1, term) for each run of up to MAX_TERM_WORDS words that spells a term (or its plural)."""
    found = []
    for first in range(len(plain)):
        joined = ""
        for last in range(first, min(first + MAX_TERM_WORDS, len(plain))):
            joined += plain[last]
            key = joined if joined in keys else joined[:-1] if joined.endswith("s") and joined[:-1] in keys else ""
            if key and plain[first]:
                found.append((first, last + 1, key))
    return found


def _greedy_wrote_near(greedy: Sequence[Word], greedy_plain: list[str], key: str, written: Sequence[Word]) -> bool:
    start, end = written[0].start - NEAR_S, written[-1].end + NEAR_S
    near = [i for i, w in enumerate(greedy) if w.start < end and w.end > start]
    if not near:
        return False
    return any(key == k for _, _, k in _occurrences(greedy_plain[near[0] : near[-1] + 1], {key}))


def _differing_stretch(blocks: list[tuple], first: int, last: int) -> Stretch | None:
    """The alignment's differing blocks that hold beam[first:last], as one stretch (None: greedy wrote
    the same words there)."""
    touched = [b for b in blocks if b[0] != "equal" and b[1] < last and b[2] > first]
    if not touched:
        return None
    return Stretch(touched[0][1], touched[-1][2], touched[0][3], touched[-1][4])


def _joined(stretches: list[Stretch]) -> list[Stretch]:
    joined: list[Stretch] = []
    for s in sorted(stretches, key=lambda s: (s.beam_from, s.beam_to)):
        if joined and s.beam_from < joined[-1].beam_to:
            last = joined.pop()
            s = Stretch(
                last.beam_from, max(last.beam_to, s.beam_to), last.greedy_from, max(last.greedy_to, s.greedy_to)
            )
        joined.append(s)
    return joined
