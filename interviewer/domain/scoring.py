"""From an analysis to two scores out of 100, each with the reasons behind it. No I/O.

Delivery starts at 100 and loses points for time outside the band, pace outside a
comfortable band, fillers per minute and long pauses, and, in smaller amounts, for a
monotone voice, flat or trailing loudness, hedging, a weak opener, off-topic repetition
and long stretches that carry nothing from the hint. Content is the share of hint
points covered. Figures the reliability check distrusts are left out of the score
and said so in the reasons. Every reason names a figure the feedback screen shows.

Why the voice and wording weigh less (at most 6 points each, 28 together, against 35 for
time and 30 for fillers): they rest on heuristics measured on generated speech only, a
listener forgives each of them more readily than an answer that runs long or misses the
point, and a coach names them as things to work on rather than faults.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from interviewer.domain.analysis import AnswerAnalysis
from interviewer.domain.analysis.verdict import HEDGES_PER_MIN_HIGH, PACE_BAND_WPM, item_counts, items_heard_apart
from interviewer.domain.analysis.wordiness import LONG_IDLE_S

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
MONOTONE_MAX_LOSS = 6  # at 0 semitones of spread; 2 points at the monotone line
FLAT_LOSS = 2  # loudness hardly varies between sentences
TRAILING_LOSS = 3  # a third or more of the sentences trail off
FADE_LOSS = 1  # the last third of the answer is quieter than the first
HEDGES_FREE_PER_MIN = HEDGES_PER_MIN_HIGH  # one every 30 s passes unnoticed
HEDGE_POINTS_PER_1_PER_MIN = 2
OPENER_LOSS = 1
HEDGING_MAX_LOSS = 6
REPEAT_POINTS_EACH = 2  # per off-topic phrase said three or more times
REPEAT_MAX_LOSS = 4
IDLE_FREE_S = LONG_IDLE_S  # a stretch without hint content shorter than this costs nothing
IDLE_POINTS_PER_10_S = 1.5
IDLE_MAX_LOSS = 6


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
    losses += [_pitch_loss(analysis), _energy_loss(analysis), _hedging_loss(analysis)]
    losses += [_repetition_loss(analysis), _wordiness_loss(analysis)]
    reasons = [text for _, text in losses if text]
    delivery = max(0, 100 - sum(round(points) for points, _ in losses))  # the sum of the points the reasons show
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


def _pitch_loss(a: AnswerAnalysis) -> tuple[float, str]:
    p = a.pitch
    if not p.measured:
        return 0, ""
    if "pitch" in a.reliability.untrusted:
        return 0, f"pitch variation {p.spread_st:.1f} st not scored: the recording makes it unreliable"
    if not p.monotone:
        return 0, f"pitch moved {p.spread_st:.1f} semitones (monotone under {p.threshold_st:.0f})"
    loss = 2 + (MONOTONE_MAX_LOSS - 2) * (1 - p.spread_st / p.threshold_st)
    return loss, f"-{loss:.0f}: monotone, pitch moved only {p.spread_st:.1f} semitones (under {p.threshold_st:.0f})"


def _energy_loss(a: AnswerAnalysis) -> tuple[float, str]:
    e = a.energy
    if not e.measured and not e.trails_off:
        return 0, ""
    if "energy" in a.reliability.untrusted:
        return 0, "loudness not scored: the recording makes it unreliable"
    parts = [(FLAT_LOSS, f"loudness varied only {e.spread_db:.1f} dB (flat under {e.threshold_db:.0f})")] * e.flat
    parts += [(TRAILING_LOSS, f"{len(e.trailing)} of {e.sentences} longer sentences trailed off")] * e.trails_off
    parts += [(FADE_LOSS, f"the last third was {e.drop_db:.1f} dB quieter than the first")] * e.dropping
    if not parts:
        return 0, f"loudness varied {e.spread_db:.1f} dB and held up to the ends of sentences"
    loss = sum(points for points, _ in parts)
    return loss, f"-{loss:.0f}: " + "; ".join(text for _, text in parts)


def _hedging_loss(a: AnswerAnalysis) -> tuple[float, str]:
    h = a.hedging
    if "fillers" in a.reliability.untrusted:
        return 0, f"hedges ({len(h.counted)}) not scored: the transcript is unreliable"
    over = max(0.0, h.per_min - HEDGES_FREE_PER_MIN) * HEDGE_POINTS_PER_1_PER_MIN
    loss = min(HEDGING_MAX_LOSS, over + (OPENER_LOSS if h.opener else 0))
    excused = len(h.items) - len(h.counted)
    note = f", {excused} stating the view asked for not counted" if excused else ""
    opener = f", opened with '{h.opener.text}'" if h.opener else ""
    if not loss:
        return 0, f"hedges {h.per_min:.1f} a minute ({len(h.counted)}{note}) is fine" if h.items else ""
    return loss, f"-{loss:.0f}: hedges {h.per_min:.1f} a minute ({len(h.counted)}{note}){opener}"


def _repetition_loss(a: AnswerAnalysis) -> tuple[float, str]:
    off = a.repetition.off_topic
    if not off or "fillers" in a.reliability.untrusted:
        return 0, ""
    loss = min(REPEAT_MAX_LOSS, REPEAT_POINTS_EACH * len(off))
    said = ", ".join(f"'{p.text}' x{p.count}" for p in off[:3])
    return loss, f"-{loss:.0f}: repeated {said}"


def _wordiness_loss(a: AnswerAnalysis) -> tuple[float, str]:
    w = a.wordiness
    if not w.measured or "coverage" in a.reliability.untrusted:
        return 0, ""
    seconds = w.longest_idle_s
    if seconds < IDLE_FREE_S:
        return 0, f"{w.idle_share:.0%} of the answer carried no hint point; longest stretch {seconds:.0f} s"
    loss = min(IDLE_MAX_LOSS, (seconds - IDLE_FREE_S + 10) / 10 * IDLE_POINTS_PER_10_S)
    return loss, f"-{loss:.0f}: a {seconds:.0f} s stretch covered nothing from the hint"


def _content(a: AnswerAnalysis) -> tuple[int, str]:
    points = a.coverage.points
    if not points:
        return 0, "content not scored: the hint has no points"
    said, items = item_counts(a.coverage)
    whole = sum(p.covered for p in points)
    note = " (the transcript is unreliable, check it)" if "coverage" in a.reliability.untrusted else ""
    apart = items_heard_apart(a.coverage)
    halved = f" ({apart} of them heard apart, counted half)" if apart else ""
    reason = f"coverage {said} of {items} hint items{halved}, {whole} of {len(points)} points whole{note}"
    return round(100 * a.coverage.ratio), reason
