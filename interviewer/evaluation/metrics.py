"""The analysis of a clip against its truth, and the figures over the whole set."""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass

from interviewer.domain.analysis.fillers import HESITATION
from interviewer.domain.words import is_hesitation
from interviewer.evaluation.synth import Truth

SEGMENT_MARGIN_S = 1.5  # a filler heard this close to the segment it was said in counts


@dataclass(frozen=True)
class ClipResult:
    clip: str
    off_topic: bool
    fillers_true: int
    fillers_found: int
    fillers_matched: int
    wpm_true: float
    wpm_found: float
    duration_true: float
    duration_found: float
    lead_in_true: float
    lead_in_found: float
    pauses_true: int
    pauses_found: int
    points_total: int
    points_right: int
    coverage_ratio: float
    seconds: float  # transcription + analysis
    recovery: str = ""  # what the dropped-speech recovery did, if it ran

    @property
    def wpm_error(self) -> float:
        return abs(self.wpm_found - self.wpm_true) / self.wpm_true if self.wpm_true else 0.0

    @property
    def duration_error(self) -> float:
        return abs(self.duration_found - self.duration_true)

    def to_dict(self) -> dict:
        return asdict(self) | {"wpm_error": round(self.wpm_error, 4), "duration_error": round(self.duration_error, 3)}


def compare(
    clip_id: str, off_topic: bool, truth: Truth, analysis: dict, seconds: float, recovery: str = ""
) -> ClipResult:
    """One clip's figures: `analysis` is the dict of `AnswerAnalysis.to_dict()`."""
    found = [(f["type"], f["start"]) for f in analysis["fillers"]["items"]]
    points = analysis["coverage"]["points"]
    right = sum(p["covered"] == covered for p, covered in zip(points, truth.covered, strict=False))
    return ClipResult(
        clip_id,
        off_topic,
        truth.fillers,
        len(found),
        matched_fillers(truth, found),
        truth.wpm,
        float(analysis["wpm"]),
        truth.duration_s,
        float(analysis["duration_s"]),
        truth.lead_in_s,
        float(analysis["lead_in_s"]),
        truth.long_pauses,
        int(analysis["pauses"]["long"]),
        len(truth.points),
        right if len(points) == len(truth.points) else 0,
        float(analysis["coverage"]["ratio"]),
        seconds,
        recovery,
    )


def matched_fillers(truth: Truth, found: list[tuple[str, float]]) -> int:
    """The most fillers that can be paired, in order, with true fillers of the same type said in a
    segment within SEGMENT_MARGIN_S of the time they were heard (Whisper's times drift; order does not).
    Types are the analysis's own: a said "um" or "uh" is the type "um/uh"."""
    said = [
        (HESITATION if is_hesitation(kind) else kind, s.start - SEGMENT_MARGIN_S, s.end + SEGMENT_MARGIN_S)
        for s in truth.segments
        for kind in s.fillers
    ]
    best = [[0] * (len(found) + 1) for _ in range(len(said) + 1)]
    for i, (kind, lo, hi) in enumerate(said, start=1):
        for j, (heard, t) in enumerate(found, start=1):
            pair = best[i - 1][j - 1] + 1 if heard == kind and lo <= t <= hi else 0
            best[i][j] = max(best[i - 1][j], best[i][j - 1], pair)
    return best[-1][-1]


@dataclass(frozen=True)
class Summary:
    clips: int
    filler_recall: float
    filler_precision: float
    wpm_error_median: float
    wpm_error_max: float
    duration_error_median: float
    duration_error_max: float
    pauses_exact: float  # share of clips with the long-pause count exactly right
    hint_point_accuracy: float
    off_topic_coverage: float
    seconds: float

    def to_dict(self) -> dict:
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in asdict(self).items()}


def summarise(results: list[ClipResult]) -> Summary:
    on = [r for r in results if not r.off_topic] or results
    true = sum(r.fillers_true for r in results)
    found = sum(r.fillers_found for r in results)
    matched = sum(r.fillers_matched for r in results)
    off = [r.coverage_ratio for r in results if r.off_topic]
    return Summary(
        clips=len(results),
        filler_recall=matched / true if true else 1.0,
        filler_precision=matched / found if found else 1.0,
        wpm_error_median=statistics.median(r.wpm_error for r in on),
        wpm_error_max=max(r.wpm_error for r in on),
        duration_error_median=statistics.median(r.duration_error for r in on),
        duration_error_max=max(r.duration_error for r in on),
        pauses_exact=sum(r.pauses_found == r.pauses_true for r in results) / len(results),
        hint_point_accuracy=sum(r.points_right for r in results) / max(1, sum(r.points_total for r in results)),
        off_topic_coverage=max(off) if off else 0.0,
        seconds=sum(r.seconds for r in results),
    )


TARGETS = {
    "filler_recall": (">=", 0.90),
    "filler_precision": (">=", 0.95),
    "wpm_error_median": ("<=", 0.05),
    "duration_error_max": ("<=", 0.5),
    "pauses_exact": (">=", 0.9),
    "hint_point_accuracy": (">=", 0.90),
    "off_topic_coverage": ("<=", 0.2),
}


def target_met(name: str, value: float) -> bool:
    op, limit = TARGETS[name]
    return value >= limit if op == ">=" else value <= limit
