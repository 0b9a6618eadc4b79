"""Hedges ("I think", "maybe", "kind of" ...) and weak openers ("So, basically", "That's a great question").

Counted in context; the rules, in the order they decide:
1. Not a hedge at all: "kind of" / "sort of" after a determiner ("what kind of model", "this sort of
   data": a noun), "I think of" / "I think about" (a way of seeing), "what I would say" (reported
   speech), "probably approximately correct" (PAC learning).
2. Excused: the question asks for the speaker's own view or choice ("which would you choose", "do
   you prefer", "your view", "what do you think") and the hedge is a stance verb ("I think", "I would
   say") opening a sentence or clause: there it states the opinion asked for.
3. Otherwise a hedge, counted per minute.
A weak opener is one of `OPENERS` at the very start of the answer (hesitations before it skipped).
"""

from __future__ import annotations

import re

from interviewer.domain.analysis.delivery_model import Hedge, Hedging, Moment
from interviewer.domain.analysis.fillers import is_hesitation
from interviewer.domain.words import Token, comma_before, sentence_start

HEDGES = (  # longest first, so "i'm not sure" wins over shorter matches at the same word
    ("i", "am", "not", "sure"),
    ("i'm", "not", "sure"),
    ("i", "would", "say"),
    ("i'd", "say"),
    ("i", "think"),
    ("i", "guess"),
    ("kind", "of"),
    ("sort", "of"),
    ("kinda",),
    ("sorta",),
    ("maybe",),
    ("probably",),
)
BY_FIRST_WORD: dict[str, list[tuple[str, ...]]] = {}
for _pattern in HEDGES:
    BY_FIRST_WORD.setdefault(_pattern[0], []).append(_pattern)
KIND_OF_DETERMINERS = frozenset(
    "what which this that these those a an the any some every each one same different another what's "
    "all other certain particular".split()
)
# an ordinal or a ranking word between the determiner and "kind": "the first kind of bias" names a
# type (a tmux drive: "The first kind is selection bias", heard "The first kind of selection bias",
# showed a hedge nobody made)
KIND_OF_DETERMINERS |= frozenset("first second third fourth fifth last next main only usual common worst best".split())
NOT_HEDGE_AFTER = {("i", "think"): {"of", "about", "through"}, ("probably",): {"approximately"}}
STANCE = frozenset({("i", "think"), ("i", "would", "say"), ("i'd", "say")})
OPINION_QUESTION = re.compile(
    r"\b(?:which\b.*\b(?:would|do|should)\s+you|what\s+would\s+you\s+(?:choose|pick|use|prefer|recommend|do)|"
    r"would\s+you\s+(?:choose|pick|use|prefer|recommend|rather)|do\s+you\s+(?:prefer|think|believe|agree|favou?r)|"
    r"what\s+do\s+you\s+think|your\s+(?:view|opinion|take|preference|choice|thoughts|position)|"
    r"in\s+your\s+(?:view|opinion|experience)|how\s+do\s+you\s+feel)\b",
    re.IGNORECASE,
)
OPENERS = (
    ("that's", "a", "great", "question"),
    ("that's", "a", "good", "question"),
    ("that's", "an", "interesting", "question"),
    ("that", "is", "a", "great", "question"),
    ("that", "is", "a", "good", "question"),
    ("great", "question"),
    ("good", "question"),
    ("so", "basically"),
    ("okay", "so"),
    ("ok", "so"),
    ("well", "so"),
    ("basically",),
)
RULE_STANCE = "the question asks for your view; a sentence that opens with it states that view"
RULE_HEDGE = "softens a statement the answer should make plainly"


def asks_for_opinion(question: str) -> bool:
    return bool(OPINION_QUESTION.search(question))


def find_hedging(tokens: list[Token], question: str, minutes: float) -> Hedging:
    opinion = asks_for_opinion(question)
    items: list[Hedge] = []
    i = 0
    while i < len(tokens):
        pattern = _hedge_at(tokens, i)
        if pattern is None:
            i += 1
            continue
        span = tokens[i : i + len(pattern)]
        excused = opinion and pattern in STANCE and (sentence_start(tokens, i) or comma_before(tokens, i))
        text = " ".join(t.text for t in span)
        kind = " ".join(pattern)
        items.append(Hedge(kind, span[0].start, span[-1].end, text, excused, RULE_STANCE if excused else RULE_HEDGE))
        i += len(pattern)
    counted = sum(not h.excused for h in items)
    return Hedging(items, counted / minutes if minutes > 0 else 0.0, weak_opener(tokens))


def _hedge_at(tokens: list[Token], i: int) -> tuple[str, ...] | None:
    for pattern in BY_FIRST_WORD.get(tokens[i].norm, ()):
        if _says(tokens, i, pattern) and not _not_a_hedge(tokens, i, pattern):
            return pattern
    return None


def _says(tokens: list[Token], i: int, pattern: tuple[str, ...]) -> bool:
    """The words from `i` are `pattern`, with no sentence end inside it."""
    if i + len(pattern) > len(tokens):
        return False
    span = tokens[i : i + len(pattern)]
    return all(t.norm == w for t, w in zip(span, pattern, strict=True)) and not any(t.ends_sentence for t in span[:-1])


def _not_a_hedge(tokens: list[Token], i: int, pattern: tuple[str, ...]) -> bool:
    before = tokens[i - 1].norm if i > 0 and not tokens[i - 1].ends_sentence else ""
    after = tokens[i + len(pattern)].norm if i + len(pattern) < len(tokens) else ""
    if pattern in (("kind", "of"), ("sort", "of")) and before in KIND_OF_DETERMINERS:
        return True
    if pattern in (("i", "would", "say"), ("i'd", "say")) and before in {"what", "all"}:
        return True
    return after in NOT_HEDGE_AFTER.get(pattern, ())


def weak_opener(tokens: list[Token]) -> Moment | None:
    """The weak phrase the answer opens with, if any."""
    i = 0
    while i < len(tokens) and is_hesitation(tokens[i].norm):
        i += 1
    for pattern in OPENERS:
        if _says(tokens, i, pattern):
            span = tokens[i : i + len(pattern)]
            return Moment(span[0].start, span[-1].end, " ".join(t.text for t in span), "weak opener")
    return None
