"""Hand-made analysed answers and sessions, in the analysis JSON shape, for tests and demos.

Words are spread evenly over the answer, so every figure here follows from the arguments.
"""

from __future__ import annotations

from datetime import datetime

from interviewer.domain.storage import SessionRecord, SessionStore


def make_analysis(
    sentences: list[str],
    duration_s: float,
    target_s: tuple[int, int] = (120, 180),
    points: dict[str, float | None] | None = None,
    fillers: int = 0,
) -> dict:
    """An analysis dict of `sentences` spoken evenly over `duration_s`.

    Args:
        points: hint point -> second where the answer covered it (None: not covered).
        fillers: how many fillers were heard.
    """
    words = " ".join(sentences).split()
    step = duration_s / max(1, len(words))
    timed = [
        {"word": f" {w}", "start": round(i * step, 3), "end": round((i + 0.9) * step, 3), "probability": 0.9}
        for i, w in enumerate(words)
    ]
    points = points or {}
    covered = [p for p, at in points.items() if at is not None]
    minutes = duration_s / 60
    lo, hi = target_s
    verdict = "over" if duration_s > hi else "under" if duration_s < lo else "in band"
    return {
        "analysis_version": 1,
        "recording_s": duration_s + 1.0,
        "lead_in_s": 0.5,
        "duration_s": duration_s,
        "words": len(words),
        "wpm": round(len(words) / minutes, 1) if minutes else 0.0,
        "timing": {"target_s": [lo, hi], "verdict": verdict, "over_s": max(0.0, duration_s - hi)},
        "pauses": {"threshold_s": 2.0, "long": 0, "items": []},
        "fillers": {
            "total": fillers,
            "per_min": round(fillers / minutes, 2) if minutes else 0.0,
            "by_type": {"um": fillers} if fillers else {},
            "items": [],
        },
        "coverage": {
            "ratio": len(covered) / len(points) if points else 0.0,
            "points": [{"point": p, "covered": at is not None, "at_s": at, "evidence": ""} for p, at in points.items()],
        },
        "reliability": {"ok": True, "warnings": []},
        "transcript": {"text": " ".join(sentences), "words": timed},
    }


def store_session(
    store: SessionStore,
    bank_id: str,
    answers: list[tuple[str, str, dict]],
    when: datetime,
    mode: str = "mock",
    bank_title: str = "",
) -> SessionRecord:
    """A session in `store` holding `answers` as (question_id, question_text, analysis), analysed."""
    session = store.new_session(bank_id, bank_title or bank_id, now=when, mode=mode)
    for question_id, text, analysis in answers:
        band = tuple(analysis["timing"]["target_s"])
        answer = store.start_answer(session, question_id, text, "", band, now=when)
        store.update_answer(session, answer, recording_s=analysis["recording_s"])
        store.save_analysis(session, answer, analysis, analysis["analysis_version"])
    return session
