"""How much of the answer carries the hint's content: sentences that cover no hint point, and the
longest run of them ("a 40 s stretch covered nothing from the hint").

`carried_points` is the one place that asks the coverage matcher about single sentences; the
suggested cuts (`practice/cuts.py`) use it too, so "carries nothing" means the same in both.
"""

from __future__ import annotations

from interviewer.domain.analysis.coverage import assess_point, shared_terms
from interviewer.domain.analysis.delivery_model import Moment, Wordiness
from interviewer.domain.words import Token

LONG_IDLE_S = 30.0  # a stretch this long without hint content is worth a look


def carried_points(
    sentences: list[list[Token]], covered: list[tuple[str, float | None]], all_points: list[str]
) -> list[tuple[str, ...]]:
    """Per sentence, the covered points it carries: the matcher finds the point in that sentence alone,
    or placed the point there (`at_s`) when its evidence spans two sentences.

    Args:
        sentences: the answer's sentences, as token lists.
        covered: (point, at_s) of each point the whole answer covered.
        all_points: every point of the hint (terms shared between points weigh less).
    """
    shared = shared_terms(all_points)
    starts = [group[0].start for group in sentences]
    carried = []
    for i, group in enumerate(sentences):
        until = starts[i + 1] if i + 1 < len(starts) else group[-1].end + 1e-6
        carried.append(
            tuple(
                point
                for point, at_s in covered
                if (at_s is not None and starts[i] <= at_s < until) or assess_point(point, group, shared).covered
            )
        )
    return carried


def assess_wordiness(
    sentences: list[list[Token]], covered: list[tuple[str, float | None]], all_points: list[str]
) -> Wordiness:
    if not all_points or not sentences:
        return Wordiness()
    carried = carried_points(sentences, covered, all_points)
    spans = [(g[0].start, sentences[i + 1][0].start if i + 1 < len(sentences) else g[-1].end)
             for i, g in enumerate(sentences)]  # fmt: skip
    total = sum(b - a for a, b in spans) or 1.0
    idle = [not points for points in carried]
    idle_s = sum(b - a for (a, b), empty in zip(spans, idle, strict=True) if empty)
    return Wordiness(True, len(sentences), sum(idle), idle_s / total, _longest_idle(sentences, idle))


def _longest_idle(sentences: list[list[Token]], idle: list[bool]) -> Moment | None:
    best: tuple[float, int, int] | None = None
    first = None
    for i, empty in enumerate([*idle, False]):
        if empty and first is None:
            first = i
        elif not empty and first is not None:
            seconds = sentences[i - 1][-1].end - sentences[first][0].start
            if best is None or seconds > best[0]:
                best = (seconds, first, i)
            first = None
    if best is None:
        return None
    seconds, a, b = best
    words = [t.text for group in sentences[a:b] for t in group]
    text = " ".join(words[:12]) + (" …" if len(words) > 12 else "")
    count = b - a
    return Moment(sentences[a][0].start, sentences[b - 1][-1].end, text,
                  f"{seconds:.0f} s, {count} sentence{'s' if count > 1 else ''} without hint content")  # fmt: skip
