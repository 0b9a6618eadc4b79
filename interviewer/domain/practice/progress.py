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
    "pitch_spread_st": ("Pitch variation", "semitones"),
    "energy_spread_db": ("Loudness variation", "dB"),
    "hedges_per_min": ("Hedges", "per min"),
    "idle_share": ("Time off the hint", "%"),
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
    pitch_spread_st: float | None = None  # None: no answer of the session has the figure
    energy_spread_db: float | None = None
    hedges_per_min: float | None = None
    idle_share: float | None = None  # percent

    def value(self, metric: str) -> float | None:
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
        pitch_spread_st=_mean_of_measured(f.pitch_spread_st for f in figures),
        energy_spread_db=_mean_of_measured(f.energy_spread_db for f in figures),
        hedges_per_min=_mean_of_measured(f.hedges_per_min for f in figures),
        idle_share=_percent(_mean_of_measured(f.idle_share for f in figures)),
    )


def _mean_of_measured(values: Iterable[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return fmean(known) if known else None


def _percent(share: float | None) -> float | None:
    return None if share is None else 100 * share
