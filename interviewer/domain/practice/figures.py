"""The figures of one analysed answer, read from its analysis dict, and what in them needs work.

Every practice module (summary, scheduler, weak-question plans, progress) reads an answer through
`AnswerFigures` and judges it with `issues`, so "weak" means the same thing everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

PACE_SLOW_WPM = 110  # below this, a listener waits for the point
PACE_FAST_WPM = 170  # above this, a listener stops following
FILLERS_MANY_PER_MIN = 3.0  # "um", "like", "you know" ... per minute of speech
COVERAGE_LOW = 0.7  # share of the hint's points the answer touched


@dataclass(frozen=True)
class AnswerFigures:
    duration_s: float
    target_s: tuple[int, int]
    wpm: float
    fillers_per_min: float
    fillers_total: int
    coverage: float  # 0..1
    covered: tuple[str, ...]  # hint points the answer covered
    missed: tuple[str, ...]  # hint points it did not
    pitch_spread_st: float | None = None  # None: not measured, or analysed before the voice figures
    energy_spread_db: float | None = None
    hedges_per_min: float | None = None
    idle_share: float | None = None  # share of the answer carrying no hint point

    @property
    def in_band(self) -> bool:
        lo, hi = self.target_s
        return lo <= self.duration_s <= hi

    @property
    def over_s(self) -> float:
        """Seconds past the top of the band (0 inside or under it)."""
        return max(0.0, self.duration_s - self.target_s[1])

    @property
    def under_s(self) -> float:
        return max(0.0, self.target_s[0] - self.duration_s)

    @property
    def band_verdict(self) -> str:
        return "long" if self.over_s > 0 else "short" if self.under_s > 0 else "in band"


@dataclass(frozen=True)
class Issue:
    kind: str  # "over", "under", "slow", "fast", "fillers", "coverage"
    text: str  # what a person reads
    severity: float  # 0..1, how far from fine; used to rank


def figures_from_analysis(analysis: dict, target_s: tuple[int, int] | None = None) -> AnswerFigures:
    """Read the figures of an analysis dict; `target_s` is used when the analysis has none."""
    timing = analysis.get("timing") or {}
    band = timing.get("target_s") or target_s or (120, 180)
    fillers = analysis.get("fillers") or {}
    points = (analysis.get("coverage") or {}).get("points") or []
    covered = tuple(p["point"] for p in points if p.get("covered"))
    missed = tuple(p["point"] for p in points if not p.get("covered"))
    ratio = (analysis.get("coverage") or {}).get("ratio")
    if ratio is None:
        ratio = len(covered) / len(points) if points else 0.0
    return AnswerFigures(
        duration_s=float(analysis.get("duration_s") or 0.0),
        target_s=(int(band[0]), int(band[1])),
        wpm=float(analysis.get("wpm") or 0.0),
        fillers_per_min=float(fillers.get("per_min") or 0.0),
        fillers_total=int(fillers.get("total") or 0),
        coverage=float(ratio),
        covered=covered,
        missed=missed,
        pitch_spread_st=measured_figure(analysis, "pitch", "spread_st"),
        energy_spread_db=measured_figure(analysis, "energy", "spread_db"),
        hedges_per_min=(analysis.get("hedging") or {}).get("per_min"),
        idle_share=measured_figure(analysis, "wordiness", "idle_share"),
    )


def measured_figure(analysis: dict, figure: str, key: str) -> float | None:
    """`analysis[figure][key]` when that figure was measured; None when not (or analysed before it existed)."""
    part = analysis.get(figure) or {}
    return float(part[key]) if part.get("measured") and part.get(key) is not None else None


def issues(figures: AnswerFigures) -> list[Issue]:
    """What in this answer needs work, worst first."""
    found: list[Issue] = []
    lo, hi = figures.target_s
    if figures.over_s > 0:
        found.append(Issue("over", f"{figures.over_s:.0f} s over the {lo}-{hi} s band", min(1.0, figures.over_s / hi)))
    if figures.under_s > 0:
        found.append(
            Issue("under", f"{figures.under_s:.0f} s short of the {lo}-{hi} s band", min(1.0, figures.under_s / lo))
        )
    if figures.wpm and figures.wpm < PACE_SLOW_WPM:
        found.append(
            Issue(
                "slow",
                f"slow pace: {figures.wpm:.0f} words/min",
                min(1.0, (PACE_SLOW_WPM - figures.wpm) / PACE_SLOW_WPM),
            )
        )
    if figures.wpm > PACE_FAST_WPM:
        found.append(
            Issue(
                "fast",
                f"fast pace: {figures.wpm:.0f} words/min",
                min(1.0, (figures.wpm - PACE_FAST_WPM) / PACE_FAST_WPM),
            )
        )
    if figures.fillers_per_min > FILLERS_MANY_PER_MIN:
        found.append(
            Issue(
                "fillers",
                f"{figures.fillers_per_min:.1f} fillers/min",
                min(1.0, figures.fillers_per_min / (4 * FILLERS_MANY_PER_MIN)),
            )
        )
    if figures.coverage < COVERAGE_LOW:
        found.append(
            Issue(
                "coverage",
                f"covered {figures.coverage:.0%} of the hint's points",
                min(1.0, COVERAGE_LOW - figures.coverage + 0.3),
            )
        )
    return sorted(found, key=lambda issue: -issue.severity)


def weakness(figures: AnswerFigures) -> float:
    """0 for an answer with nothing to work on; grows with each issue and its severity."""
    return sum(issue.severity for issue in issues(figures))
