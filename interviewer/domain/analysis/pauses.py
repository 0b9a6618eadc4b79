"""Long silences inside the answer.

The audio decides where silence is (Whisper stretches word ends into pauses);
the words decide which silences are inside the answer. Without audio, the gaps
between word times are used.
"""

from __future__ import annotations

from interviewer.domain.analysis.model import Pause, Pauses
from interviewer.domain.hearing import signal
from interviewer.domain.words import Token


def assess_pauses(
    tokens: list[Token], levels: signal.Levels | None, bounds: tuple[float, float] | None, threshold_s: float = 2.0
) -> Pauses:
    if bounds is None or len(tokens) < 2:
        return Pauses(threshold_s, [])
    if levels is None or levels.voiced.size == 0:
        return Pauses(threshold_s, word_gaps(tokens, threshold_s))
    start, end = bounds
    found = [
        Pause(a, b)
        for a, b in signal.silent_runs(levels, start, end, threshold_s)
        if a > start and b < end and _between_words(tokens, a, b)
    ]
    return Pauses(threshold_s, found)


def word_gaps(tokens: list[Token], threshold_s: float) -> list[Pause]:
    return [Pause(a.end, b.start) for a, b in zip(tokens, tokens[1:], strict=False) if b.start - a.end >= threshold_s]


def _between_words(tokens: list[Token], start: float, end: float) -> bool:
    """A silence is a pause in the answer if words were said before and after it."""
    middle = (start + end) / 2
    return any(t.start < middle for t in tokens) and any(t.end > middle for t in tokens)
