"""How long the answer was against the target band, and how long before it started.

Whisper's word times drift by a few tenths of a second at the edges of speech, so
the first start and last end are moved to where the audio actually starts and stops
sounding, when the audio is there to say so.
"""

from __future__ import annotations

from interviewer.domain.analysis.model import Timing
from interviewer.domain.hearing import signal
from interviewer.domain.words import Token

SNAP_BEFORE_S = 0.6  # how far before Whisper's first word start the voice may begin
SNAP_AFTER_S = 0.6  # how far after Whisper's last word end the voice may still sound
WORD_SLACK_S = 0.2  # Whisper's word edges are this far off at worst, inside speech


def answer_bounds(tokens: list[Token], levels: signal.Levels | None) -> tuple[float, float] | None:
    """(first word start, last word end) in seconds, snapped to the audio; None when nothing was said."""
    if not tokens:
        return None
    start, end = tokens[0].start, tokens[-1].end
    if levels is not None and levels.voiced.size:
        onset = signal.first_voiced(levels, start - SNAP_BEFORE_S, tokens[0].end + WORD_SLACK_S)
        offset = signal.last_voiced(levels, tokens[-1].start - WORD_SLACK_S, end + SNAP_AFTER_S)
        start = onset if onset is not None else start
        end = offset if offset is not None else end
    return start, max(start, end)


def assess_timing(recording_s: float, bounds: tuple[float, float] | None, target_s: tuple[int, int]) -> Timing:
    lo, hi = target_s
    if bounds is None:
        return Timing(recording_s, recording_s, 0.0, target_s, "no answer", -float(lo))
    start, end = bounds
    duration = end - start
    if duration < lo:
        verdict, over = "short", duration - lo
    elif duration > hi:
        verdict, over = "long", duration - hi
    else:
        verdict, over = "in band", 0.0
    return Timing(recording_s, max(0.0, start), duration, target_s, verdict, over)
