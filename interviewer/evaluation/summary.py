"""The figures over a group of clips: one row of `interviewer eval`'s summary table.

A ratio with nothing to count (no "you know" said in the group, no traps) is None, shown "-".
"""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass, field

from interviewer.domain.analysis.fillers import HESITATION
from interviewer.evaluation.metrics import MULTI_WORD, ClipResult


@dataclass(frozen=True)
class Summary:
    clips: int
    filler_recall: float | None
    filler_precision: float | None
    recall_um_uh: float | None
    recall_multi_word: float | None  # "you know", "i mean"
    trap_false_positives: int
    traps: int
    wpm_error_median: float
    wpm_error_max: float
    duration_error_max: float
    pauses_exact: int  # clips with the long-pause count exactly right
    item_accuracy: float | None  # labelled hint items judged right / labelled items
    items: int
    false_coverage: int  # missed items shown covered
    missed: int
    off_topic_coverage: float | None  # the highest coverage ratio of an off-topic answer
    wer_median: float
    wer_max: float
    seconds: float
    recall_by_type: dict[str, float | None] = field(default_factory=dict)
    trap_hits_by_type: dict[str, str] = field(default_factory=dict)  # "hits/traps" per filler type
    shown_apart: int = 0  # labelled items shown covered as ≈ (their words heard apart)
    shown_apart_false: int = 0  # of those, items the answer did not make

    def to_dict(self) -> dict:
        return {k: _rounded(v) for k, v in asdict(self).items()}


def summarise(results: list[ClipResult]) -> Summary:
    said, matched = _type_counts(results)
    found = sum(r.fillers_found for r in results)
    off = [r.coverage_ratio for r in results if r.off_topic]
    return Summary(
        clips=len(results),
        filler_recall=_share(sum(matched.values()), sum(said.values())),
        filler_precision=_share(sum(matched.values()), found),
        recall_um_uh=_share(matched.get(HESITATION, 0), said.get(HESITATION, 0)),
        recall_multi_word=_share(sum(matched.get(k, 0) for k in MULTI_WORD), sum(said.get(k, 0) for k in MULTI_WORD)),
        trap_false_positives=sum(r.trap_hits for r in results),
        traps=sum(r.traps for r in results),
        wpm_error_median=statistics.median(r.wpm_error for r in results),
        wpm_error_max=max(r.wpm_error for r in results),
        duration_error_max=max(r.duration_error for r in results),
        pauses_exact=sum(r.pauses_found == r.pauses_true for r in results),
        item_accuracy=_share(sum(r.items_right for r in results), sum(r.items_total for r in results)),
        items=sum(r.items_total for r in results),
        false_coverage=sum(r.missed_shown_covered for r in results),
        missed=sum(r.missed_total for r in results),
        off_topic_coverage=max(off) if off else None,
        wer_median=statistics.median(r.wer for r in results),
        wer_max=max(r.wer for r in results),
        seconds=sum(r.seconds for r in results),
        recall_by_type={k: _share(matched.get(k, 0), n) for k, n in sorted(said.items())},
        trap_hits_by_type=_trap_counts(results),
        shown_apart=sum(
            shown and apart for r in results for (_, _, shown), apart in zip(r.judged, r.apart, strict=True)
        ),
        shown_apart_false=sum(
            shown and apart and not said
            for r in results
            for (_, said, shown), apart in zip(r.judged, r.apart, strict=True)
        ),
    )


def _trap_counts(results: list[ClipResult]) -> dict[str, str]:
    traps: dict[str, list[int]] = {}
    for r in results:
        for kind, count, hits in r.traps_by_type:
            total = traps.setdefault(kind, [0, 0])
            total[0], total[1] = total[0] + hits, total[1] + count
    return {kind: f"{hits}/{count}" for kind, (hits, count) in sorted(traps.items())}


def grouped(results: list[ClipResult]) -> list[tuple[str, str, Summary]]:
    """(half, voice kind, summary) for each half and voice kind present, then each half's voices together."""
    rows = []
    for half in ("tune", "report"):
        in_half = [r for r in results if r.half == half]
        kinds = sorted({r.voice_kind for r in in_half})
        rows += [(half, kind, summarise([r for r in in_half if r.voice_kind == kind])) for kind in kinds]
        if len(kinds) > 1:
            rows.append((half, "all", summarise(in_half)))
    return rows


def _type_counts(results: list[ClipResult]) -> tuple[dict[str, int], dict[str, int]]:
    said: dict[str, int] = {}
    matched: dict[str, int] = {}
    for r in results:
        for kind, n_said, n_matched in r.by_type:
            said[kind] = said.get(kind, 0) + n_said
            matched[kind] = matched.get(kind, 0) + n_matched
    return said, matched


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _rounded(value):
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value
