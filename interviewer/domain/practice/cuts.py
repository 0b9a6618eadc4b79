"""Suggested cuts for an answer over its band: the sentences that carry least of the hint.

Sentences come from the analysed transcript's timed words (split where the analysis's tokenizer
sees a sentence end). A sentence carries a hint point when the analysis's own coverage matcher
finds the point inside that sentence alone, or placed the point there (`coverage.points[].at_s`)
when the evidence spans two sentences. A point said in two sentences survives cutting one of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from interviewer.domain.analysis.wordiness import carried_points
from interviewer.domain.practice.figures import figures_from_analysis
from interviewer.domain.transcript import Word
from interviewer.domain.words import split_sentences, tokenize


@dataclass(frozen=True)
class Sentence:
    index: int
    text: str
    start: float
    end: float
    saves_s: float  # the sentence plus the pause that follows it (or precedes it, for the last one)
    points: tuple[str, ...]  # hint points the matcher finds in it


@dataclass(frozen=True)
class CutPlan:
    over_s: float  # seconds past the top of the band before cutting
    cuts: tuple[Sentence, ...]  # the suggested cuts, in the order they were said
    saved_s: float
    points_lost: tuple[str, ...]  # covered points no kept sentence carries any more

    @property
    def brings_into_band(self) -> bool:
        return self.saved_s >= self.over_s


def sentences(analysis: dict) -> list[Sentence]:
    """The transcript's sentences with their times and the hint points each carries."""
    words = (analysis.get("transcript") or {}).get("words") or []
    groups = split_sentences(tokenize([Word.from_dict(w) for w in words]))
    points = (analysis.get("coverage") or {}).get("points") or []
    covered = [(p["point"], None if p.get("at_s") is None else float(p["at_s"])) for p in points if p.get("covered")]
    carried = carried_points(groups, covered, [p["point"] for p in points])
    spans = [(g[0].start, g[-1].end) for g in groups]
    found = []
    for i, (group, (start, end)) in enumerate(zip(groups, spans, strict=True)):
        following = spans[i + 1][0] if i + 1 < len(spans) else None
        previous = spans[i - 1][1] if i > 0 else start
        saves = (following - start) if following is not None else (end - previous)
        text = " ".join(t.text for t in group)
        found.append(Sentence(i, text, start, end, round(saves, 2), carried[i]))
    return found


def suggest_cuts(analysis: dict, target_s: tuple[int, int] | None = None) -> CutPlan:
    """Sentences whose removal brings an over-band answer into its band, losing the fewest points.

    Sentences whose points are all said elsewhere go first: the shortest one that alone closes the
    gap, else the longest, again until in band; only when those are not enough do sentences that
    alone carry a point follow (fewest such points first, same rule). An answer in band gets no
    cuts; one sentence is always kept.
    """
    over = figures_from_analysis(analysis, target_s).over_s
    if over <= 0:
        return CutPlan(0.0, (), 0.0, ())
    kept = sentences(analysis)
    chosen, saved = [], 0.0
    while saved < over and len(kept) > 1:
        pick = _next_cut(kept, over - saved)
        chosen.append(pick)
        kept.remove(pick)
        saved += pick.saves_s
    lost = tuple(dict.fromkeys(p for cut in chosen for p in cut.points if not _carried(p, kept)))
    return CutPlan(round(over, 2), tuple(sorted(chosen, key=lambda s: s.index)), round(saved, 2), lost)


def _next_cut(kept: list[Sentence], need_s: float) -> Sentence:
    """Among the sentences losing the fewest points: the shortest that alone saves `need_s`, else the longest."""

    def cost(sentence: Sentence) -> int:
        return sum(not _carried(p, [s for s in kept if s is not sentence]) for p in sentence.points)

    fewest = min(cost(s) for s in kept)
    tier = [s for s in kept if cost(s) == fewest]
    enough = [s for s in tier if s.saves_s >= need_s]
    if enough:
        return min(enough, key=lambda s: s.saves_s)
    return max(tier, key=lambda s: s.saves_s)


def _carried(point: str, kept: list[Sentence]) -> bool:
    return any(point in s.points for s in kept)
