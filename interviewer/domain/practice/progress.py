"""Figures per session over time, per bank or overall: what the progress charts draw."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from statistics import fmean

from interviewer.domain.practice.attempts import Attempt

METRICS = {  # field -> (chart title, unit)
    "duration_s": ("Answer length", "s"),
    "wpm": ("Pace", "words/min"),
    "fillers_per_min": ("Fillers", "per min"),
    "coverage": ("Hint coverage", "%"),
    "in_band_share": ("Answers inside their band", "%"),
}


@dataclass(frozen=True)
class ProgressPoint:
    """One session's analysed answers, averaged (coverage and in-band share as percentages)."""

    session_id: str
    started_at: str
    answers: int
    duration_s: float
    wpm: float
    fillers_per_min: float  # all fillers over all minutes spoken, not a mean of rates
    coverage: float
    in_band_share: float

    def value(self, metric: str) -> float:
        return getattr(self, metric)


def progress_series(attempts: Iterable[Attempt], bank_id: str | None = None) -> list[ProgressPoint]:
    """One point per session that has analysed answers (of `bank_id`, or of any bank), oldest first."""
    by_session: dict[str, list[Attempt]] = {}
    for attempt in attempts:
        if bank_id is None or attempt.bank_id == bank_id:
            by_session.setdefault(attempt.session_id, []).append(attempt)
    points = [_point(session_id, group) for session_id, group in by_session.items()]
    return sorted(points, key=lambda p: (p.started_at, p.session_id))


def banks_in(attempts: Iterable[Attempt]) -> list[str]:
    return sorted({a.bank_id for a in attempts})


def _point(session_id: str, group: list[Attempt]) -> ProgressPoint:
    figures = [a.figures for a in group]
    minutes = sum(f.duration_s for f in figures) / 60
    fillers = sum(f.fillers_total for f in figures)
    return ProgressPoint(
        session_id=session_id,
        started_at=min(a.started_at for a in group),
        answers=len(group),
        duration_s=fmean(f.duration_s for f in figures),
        wpm=fmean(f.wpm for f in figures),
        fillers_per_min=fillers / minutes if minutes else 0.0,
        coverage=100 * fmean(f.coverage for f in figures),
        in_band_share=100 * sum(f.in_band for f in figures) / len(figures),
    )
