"""Speaking pace: answer words (fillers not counted) per minute of answer, overall and per window."""

from __future__ import annotations

from interviewer.domain.analysis.model import Pace
from interviewer.domain.analysis.tokens import Token

WINDOW_S = 15.0  # seconds per point of the pace-over-time series
MIN_WINDOW_S = 5.0  # a last window shorter than this joins the one before (too few words to mean much)


def assess_pace(answer_tokens: list[Token], bounds: tuple[float, float] | None, window_s: float = WINDOW_S) -> Pace:
    """`answer_tokens` are the spoken words that are not fillers."""
    if bounds is None or not answer_tokens:
        return Pace(0, 0.0, [], window_s)
    start, end = bounds
    minutes = max(end - start, 1e-6) / 60
    return Pace(
        len(answer_tokens), len(answer_tokens) / minutes, pace_series(answer_tokens, start, end, window_s), window_s
    )


def pace_series(tokens: list[Token], start: float, end: float, window_s: float = WINDOW_S) -> list[tuple[float, float]]:
    """(window start, words per minute in it) from `start` to `end`; a word belongs to the window of its start."""
    edges = [start]
    while edges[-1] + window_s < end:
        edges.append(edges[-1] + window_s)
    if len(edges) > 1 and end - edges[-1] < MIN_WINDOW_S:
        edges.pop()
    series = []
    for k, left in enumerate(edges):
        right = edges[k + 1] if k + 1 < len(edges) else end
        count = sum(1 for t in tokens if left <= t.start < right or (k == len(edges) - 1 and t.start >= right))
        series.append((left, count * 60 / max(right - left, 1e-6)))
    return series
