"""Speaking pace: answer words (fillers not counted) per minute of answer, overall and per window."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from interviewer.domain.analysis.model import Pace
from interviewer.domain.analysis.spoken_numbers import is_number_name, name_syllables, said_as
from interviewer.domain.hearing.syllables import (
    MIN_CALIBRATION_WORDS,
    Nuclei,
    Phrase,
    missing_words,
    written_syllables,
)
from interviewer.domain.words import Token

WINDOW_S = 15.0  # seconds per point of the pace-over-time series
MIN_WINDOW_S = 5.0  # a last window shorter than this joins the one before (too few words to mean much)


@dataclass(frozen=True)
class Sound:
    """What the recording itself says about the rate: its syllable nuclei and its phrases (seconds)."""

    nuclei: Nuclei
    phrases: list[tuple[float, float]]


def assess_pace(
    answer_tokens: list[Token],
    bounds: tuple[float, float] | None,
    sound: Sound | None = None,
    window_s: float = WINDOW_S,
    fillers: list[Token] | None = None,
) -> Pace:
    """`answer_tokens` are the spoken words that are not fillers. With `sound`, words the sound holds
    where the transcript has too few are counted too (Whisper dropped "Uh, OMOP." at an answer's start:
    a pace 13.5 % low, and advice with it); `fillers` (the filler tokens) are no words, but sound."""
    if bounds is None or not answer_tokens:
        return Pace(0, 0.0, [], window_s, 0)
    start, end = bounds
    minutes = max(end - start, 1e-6) / 60
    heard = spoken_words_of(answer_tokens)
    missing, dropped, sound_wpm = _heard_in_the_sound(answer_tokens, fillers or [], sound, minutes)
    count = heard + round(missing)
    series = pace_series(answer_tokens, start, end, window_s)
    # rounded here, once: the figure and the verdict's sentence then print the same whole number
    return Pace(count, round(count / minutes, 1), series, window_s, heard, missing, dropped, sound_wpm)


def _heard_in_the_sound(tokens: list[Token], fillers: list[Token], sound: Sound | None, minutes: float):
    if sound is None or not sound.phrases:
        return 0.0, [], None
    words, others = _by_phrase(tokens, sound.phrases), _by_phrase(fillers, sound.phrases)
    phrases = [_phrase(a, b, sound.nuclei, w, f) for (a, b), w, f in zip(sound.phrases, words, others, strict=True)]
    missing, short = missing_words(phrases)
    nuclei = sum(p.nuclei for p in phrases)
    words = sum(p.words for p in phrases if p.words >= MIN_CALIBRATION_WORDS)
    per_word = sum(p.nuclei for p in phrases if p.words >= MIN_CALIBRATION_WORDS) / words if words else None
    sound_wpm = nuclei / per_word / minutes if per_word else None
    return missing, [(p.start_s, p.end_s, gap) for p, gap in short], sound_wpm


def _by_phrase(tokens: list[Token], phrases: list[tuple[float, float]]) -> list[list[Token]]:
    """Per phrase (in time order, apart), the tokens whose middle falls in it, in their order."""
    starts = [a for a, _ in phrases]
    grouped: list[list[Token]] = [[] for _ in phrases]
    for t in tokens:
        k = bisect.bisect_right(starts, t.mid_s) - 1
        if k >= 0 and t.mid_s < phrases[k][1]:
            grouped[k].append(t)
    return grouped


def _phrase(start: float, end: float, nuclei: Nuclei, tokens: list[Token], fillers: list[Token]) -> Phrase:
    words = spoken_words_of(tokens)
    syllables, other = (sum(spoken_syllables(t) for t in group) for group in (tokens, fillers))
    return Phrase(start, end, nuclei.count(start, end), words, syllables, other)


def pace_series(tokens: list[Token], start: float, end: float, window_s: float = WINDOW_S) -> list[tuple[float, float]]:
    """(window start, words per minute in it) from `start` to `end`; a word belongs to the window of its start."""
    edges = [start]
    while edges[-1] + window_s < end:
        edges.append(edges[-1] + window_s)
    if len(edges) > 1 and end - edges[-1] < MIN_WINDOW_S:
        edges.pop()
    series = []
    for k, left in enumerate(edges):
        last = k == len(edges) - 1
        right = end if last else edges[k + 1]
        count = spoken_words_of([t for t in tokens if left <= t.start < right or (last and t.start >= right)])
        series.append((left, count * 60 / max(right - left, 1e-6)))
    return series


def spoken_words_of(tokens: list[Token]) -> int:
    """How many words `tokens` were when spoken: each token's (`spoken_words`), a letter that completes
    the number before it none of its own ("Three D" is "3D", one word, as Whisper writes it elsewhere)."""
    return sum(0 if k and _completes(tokens[k - 1], t) else spoken_words(t) for k, t in enumerate(tokens))


def _completes(before: Token, token: Token) -> bool:
    """`token` is a capital letter said straight after a number ("Three D", "5 G"; not "plan B", "3 I")."""
    letter = len(token.norm) == 1 and token.norm not in "ai" and token.text[len(token.before) :][:1].isupper()
    return letter and not before.after and (bool(said_as(before)) or is_number_name(before.norm))


def spoken_words(token: Token) -> int:
    """How many words a token was when spoken: "30%" two, "$1.5" four (`spoken_numbers`)."""
    names = said_as(token)
    return len(names) if names else 1


def spoken_syllables(token: Token) -> int:
    """Syllables of a token as spoken: a number's by its spoken names, a word's as written."""
    names = said_as(token)
    return name_syllables(names) if names else written_syllables(token.text)
