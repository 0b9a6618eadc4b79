"""Repeated phrases and the most-used words of an answer, with where each was said.

A phrase is two to four consecutive words inside one sentence that begins and ends with a content
word and holds at least two ("federated learning", "privacy of patients"); it counts when said
three or more times (Microsoft Speaker Coach's "repetitive language"). Words are compared by stem,
so "model" and "models" are one word. A phrase or word whose content words all appear in the
question or its hint is the question's own subject ("federated learning" in an answer about
federated learning): shown, marked on topic, never held against the answer.
"""

from __future__ import annotations

from interviewer.domain.analysis.delivery_model import Moment, RepeatedPhrase, Repetition
from interviewer.domain.analysis.fillers import is_hesitation
from interviewer.domain.analysis.terms import STOPWORDS, stem, words_of
from interviewer.domain.words import Token, split_sentences

MIN_REPEATS = 3
MAX_PHRASE_WORDS = 4
TOP_WORDS = 5
MAX_PHRASES = 5
# words too common in speech to say anything about repetition (beyond the hint matcher's stop words)
SPOKEN_COMMON = frozenset(
    "i'm i've i'd i'll it's that's there's we're we've we'll they're you're don't doesn't didn't isn't "
    "aren't can't won't let's think know mean really thing things going get gets got yeah okay ok yes no "
    "lot lots something anything everything someone way kind sort maybe probably guess sure say said "
    "actually basically literally right now even still much many because if but said make made want "
    "need use used using one two well like just so also".split()
)


def is_content(token: Token) -> bool:
    word = token.norm
    return (
        len(word) >= 2
        and any(c.isalpha() for c in word)
        and word not in STOPWORDS
        and word not in SPOKEN_COMMON
        and not is_hesitation(word)
    )


def topic_stems(question: str, hint: str) -> frozenset[str]:
    """Stems of the words of the question and its hint: the answer's own subject."""
    return frozenset(stem(w) for w in words_of(f"{question} {hint}"))


def find_repetition(tokens: list[Token], question: str = "", hint: str = "") -> Repetition:
    topic = topic_stems(question, hint)
    return Repetition(_phrases(tokens, topic), _top_words(tokens, topic))


def _phrases(tokens: list[Token], topic: frozenset[str]) -> list[RepeatedPhrase]:
    content = {t.index for t in tokens if is_content(t)}
    stems = {t.index: stem(t.norm) for t in tokens}
    said: dict[tuple[str, ...], list[list[Token]]] = {}
    for sentence in split_sentences(tokens):
        for n in range(2, MAX_PHRASE_WORDS + 1):
            for i in range(len(sentence) - n + 1):
                span = sentence[i : i + n]
                if span[0].index in content and span[-1].index in content and _content_words(span, content) >= 2:
                    key = tuple(stems[t.index] for t in span)
                    if not said.get(key) or said[key][-1][-1].index < span[0].index:  # no overlaps
                        said.setdefault(key, []).append(span)
    repeated = {key: spans for key, spans in said.items() if len(spans) >= MIN_REPEATS}
    kept = [key for key in repeated if not _inside_as_often(key, repeated)]
    kept.sort(key=lambda key: (-len(repeated[key]), -len(key), repeated[key][0][0].start))
    return [_repeated(repeated[key], topic) for key in kept[:MAX_PHRASES]]


def _content_words(span: list[Token], content: set[int]) -> int:
    return sum(t.index in content for t in span)


def _inside_as_often(key: tuple[str, ...], repeated: dict) -> bool:
    """A phrase that only ever comes as part of a longer repeated one is that one."""
    count = len(repeated[key])
    return any(
        len(other) > len(key) and len(spans) >= count and _contains(other, key) for other, spans in repeated.items()
    )


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    return any(longer[i : i + len(shorter)] == shorter for i in range(len(longer) - len(shorter) + 1))


def _repeated(spans: list[list[Token]], topic: frozenset[str]) -> RepeatedPhrase:
    text = " ".join(t.norm for t in spans[0])
    on_topic = all(stem(t.norm) in topic for t in spans[0] if is_content(t))
    moments = [Moment(s[0].start, s[-1].end, " ".join(t.text for t in s)) for s in spans]
    return RepeatedPhrase(text, len(spans), on_topic, moments)


def _top_words(tokens: list[Token], topic: frozenset[str]) -> list[RepeatedPhrase]:
    said: dict[str, list[Token]] = {}
    for token in tokens:
        if is_content(token):
            said.setdefault(stem(token.norm), []).append(token)
    common = sorted(said.values(), key=lambda found: (-len(found), found[0].start))
    return [_repeated([[t] for t in found], topic) for found in common[:TOP_WORDS] if len(found) >= MIN_REPEATS]
