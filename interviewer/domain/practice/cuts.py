"""Suggested cuts for an answer over its band: the sentences that carry least of the hint.

Sentences come from the analysed transcript's timed words. A sentence carries a hint point when
the analysis's coverage matcher placed that point inside it (`coverage.points[].at_s`), so this
module judges nothing itself: it reads where the matcher found each point.
"""

from __future__ import annotations

from dataclasses import dataclass

from interviewer.domain.practice.figures import figures_from_analysis

SENTENCE_END = ".?!"


@dataclass(frozen=True)
class Sentence:
    index: int
    text: str
    start: float
    end: float
    saves_s: float  # the sentence plus the pause that follows it (or precedes it, for the last one)
    points: tuple[str, ...]  # hint points the matcher found in it


@dataclass(frozen=True)
class CutPlan:
    over_s: float  # seconds past the top of the band before cutting
    cuts: tuple[Sentence, ...]  # the suggested cuts, in the order they were said
    saved_s: float

    @property
    def brings_into_band(self) -> bool:
        return self.saved_s >= self.over_s

    @property
    def points_lost(self) -> tuple[str, ...]:
        return tuple(p for cut in self.cuts for p in cut.points)


def sentences(analysis: dict) -> list[Sentence]:
    """The transcript's sentences with their times and the hint points found in each."""
    words = (analysis.get("transcript") or {}).get("words") or []
    groups, current = [], []
    for word in words:
        current.append(word)
        if word["word"].strip().endswith(tuple(SENTENCE_END)):
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    spans = [(g[0]["start"], g[-1]["end"]) for g in groups]
    points = [
        p
        for p in (analysis.get("coverage") or {}).get("points") or []
        if p.get("covered") and p.get("at_s") is not None
    ]
    found = []
    for i, (group, (start, end)) in enumerate(zip(groups, spans, strict=True)):
        following = spans[i + 1][0] if i + 1 < len(spans) else None
        previous = spans[i - 1][1] if i > 0 else start
        saves = (following - start) if following is not None else (end - previous)
        until = following if following is not None else end
        carried = tuple(p["point"] for p in points if start <= float(p["at_s"]) < until)
        text = " ".join(w["word"].strip() for w in group)
        found.append(Sentence(i, text, start, end, round(saves, 2), carried))
    return found


def suggest_cuts(analysis: dict, target_s: tuple[int, int] | None = None) -> CutPlan:
    """Sentences whose removal brings an over-band answer into its band, losing the fewest points.

    Sentences carrying no hint point go first: the shortest one that alone closes the gap, else the
    longest, again until in band; only when those are not enough do sentences carrying points follow
    (fewest points first, same rule). An answer in band gets no cuts; one sentence is always kept.
    """
    over = figures_from_analysis(analysis, target_s).over_s
    if over <= 0:
        return CutPlan(0.0, (), 0.0)
    left = sentences(analysis)
    chosen, saved = [], 0.0
    while saved < over and len(left) > 1:  # never suggest cutting the whole answer
        pick = _next_cut(left, over - saved)
        chosen.append(pick)
        left.remove(pick)
        saved += pick.saves_s
    return CutPlan(round(over, 2), tuple(sorted(chosen, key=lambda s: s.index)), round(saved, 2))


def _next_cut(candidates: list[Sentence], need_s: float) -> Sentence:
    """Among the sentences carrying the fewest points: the shortest that alone saves `need_s`, else the longest."""
    fewest = min(len(s.points) for s in candidates)
    tier = [s for s in candidates if len(s.points) == fewest]
    enough = [s for s in tier if s.saves_s >= need_s]
    if enough:
        return min(enough, key=lambda s: s.saves_s)
    return max(tier, key=lambda s: s.saves_s)
