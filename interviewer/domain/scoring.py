"""From an analysis to two scores out of 100, each with the reasons behind it. No I/O.

Delivery starts at 100 and loses points for time outside the band, pace outside a
comfortable band, fillers per minute and long pauses. Content is the share of hint
points covered. Figures the reliability check distrusts are left out of the score
and said so in the reasons.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from interviewer.domain.analysis import AnswerAnalysis
from interviewer.domain.analysis.verdict import PACE_BAND_WPM, item_counts

TIMING_POINTS_PER_10_S = 5  # delivery points lost per 10 s outside the target band
TIMING_MAX_LOSS = 35
PACE_POINTS_PER_10_WPM = 5  # per 10 wpm outside PACE_BAND_WPM
PACE_MAX_LOSS = 25
FILLER_FREE_PER_MIN = 2.0  # fillers a minute that cost nothing (everyone has a few)
FILLER_POINTS_PER_1_PER_MIN = 4
FILLER_MAX_LOSS = 30
PAUSE_FREE = 1  # long pauses that cost nothing (one to gather thoughts)
PAUSE_POINTS_EACH = 4
PAUSE_MAX_LOSS = 20


@dataclass(frozen=True)
class Score:
    delivery: int  # 0-100
    content: int  # 0-100
    reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"delivery": self.delivery, "content": self.content, "reasons": list(self.reasons)}

    @classmethod
    def from_dict(cls, data: dict) -> Score:
        return cls(int(data["delivery"]), int(data["content"]), list(data.get("reasons", [])))


def score(analysis: AnswerAnalysis) -> Score:
    if analysis.timing.verdict == "no answer":
        return Score(0, 0, ["no answer was heard (0 words)"])
    losses = [_timing_loss(analysis), _pace_loss(analysis), _filler_loss(analysis), _pause_loss(analysis)]
    reasons = [text for _, text in losses if text]
    delivery = max(0, 100 - round(sum(points for points, _ in losses)))
    content, content_reason = _content(analysis)
    return Score(delivery, content, reasons + [content_reason])


def _timing_loss(a: AnswerAnalysis) -> tuple[float, str]:
    t = a.timing
    lo, hi = t.target_s
    if t.verdict == "in band":
        return 0, f"duration {t.duration_s:.0f} s is inside the {lo}-{hi} s target"
    loss = min(TIMING_MAX_LOSS, abs(t.over_s) / 10 * TIMING_POINTS_PER_10_S)
    side = "short of" if t.over_s < 0 else "past"
    return loss, f"-{loss:.0f}: duration {t.duration_s:.0f} s is {abs(t.over_s):.0f} s {side} the {lo}-{hi} s target"


def _pace_loss(a: AnswerAnalysis) -> tuple[float, str]:
    if "wpm" in a.reliability.untrusted:
        return 0, f"pace {a.pace.wpm:.0f} wpm not scored: the recording makes it unreliable"
    lo, hi = PACE_BAND_WPM
    wpm = a.pace.wpm
    off = lo - wpm if wpm < lo else wpm - hi if wpm > hi else 0.0
    if not off:
        return 0, f"pace {wpm:.0f} wpm is comfortable ({lo:.0f}-{hi:.0f})"
    loss = min(PACE_MAX_LOSS, off / 10 * PACE_POINTS_PER_10_WPM)
    return loss, f"-{loss:.0f}: pace {wpm:.0f} wpm is outside {lo:.0f}-{hi:.0f}"


def _filler_loss(a: AnswerAnalysis) -> tuple[float, str]:
    f = a.fillers
    if "fillers" in a.reliability.untrusted:
        return 0, f"fillers ({f.total}) not scored: the recording makes the count unreliable"
    over = max(0.0, f.per_min - FILLER_FREE_PER_MIN)
    loss = min(FILLER_MAX_LOSS, over * FILLER_POINTS_PER_1_PER_MIN)
    if not loss:
        return 0, f"fillers {f.per_min:.1f} a minute ({f.total} in all) is fine"
    return loss, f"-{loss:.0f}: fillers {f.per_min:.1f} a minute ({f.total} in all)"


def _pause_loss(a: AnswerAnalysis) -> tuple[float, str]:
    p = a.pauses
    if "pauses" in a.reliability.untrusted:
        return 0, f"long pauses ({p.long}) not scored: the recording makes them unreliable"
    loss = min(PAUSE_MAX_LOSS, max(0, p.long - PAUSE_FREE) * PAUSE_POINTS_EACH)
    if not loss:
        return 0, f"long pauses: {p.long} of {p.threshold_s:.1f} s or more"
    return loss, f"-{loss:.0f}: {p.long} long pauses of {p.threshold_s:.1f} s or more"


def _content(a: AnswerAnalysis) -> tuple[int, str]:
    points = a.coverage.points
    if not points:
        return 0, "content not scored: the hint has no points"
    said, items = item_counts(a.coverage)
    whole = sum(p.covered for p in points)
    note = " (the transcript is unreliable, check it)" if "coverage" in a.reliability.untrusted else ""
    reason = f"coverage {said} of {items} hint items, {whole} of {len(points)} points whole{note}"
    return round(100 * a.coverage.ratio), reason
