"""The evaluation set: the new continuous-speech answers and the legacy set, split into halves.

The split rule, fixed before any transcriber heard the new set: within each voice (an espeak-ng
voice name, or the neural voice), the new clips alternate tune, report, tune, report... in the
order written here (precision medicine, then radiology, then the other banks, then round 7's
answers to all five banks, then round 10's, 11's, 12's, 13's, 16's, 17's and 19's). So both halves hold the same
mix of voices, paces and banks. The legacy clips were tuned on: all "tune".

Tune on the tuning half only; read the report half's figures, never its transcripts.
New clips go at the end (after `clips_round19.NEW_CLIPS`) so that no existing clip changes half.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from interviewer.evaluation.clip import HALVES, Clip
from interviewer.evaluation.clips_general import NEW_CLIPS as GENERAL
from interviewer.evaluation.clips_legacy import LEGACY_CLIPS
from interviewer.evaluation.clips_precision import NEW_CLIPS as PRECISION
from interviewer.evaluation.clips_radiology import NEW_CLIPS as RADIOLOGY
from interviewer.evaluation.clips_round7 import NEW_CLIPS as ROUND7
from interviewer.evaluation.clips_round10 import NEW_CLIPS as ROUND10
from interviewer.evaluation.clips_round11 import NEW_CLIPS as ROUND11
from interviewer.evaluation.clips_round12 import NEW_CLIPS as ROUND12
from interviewer.evaluation.clips_round13 import NEW_CLIPS as ROUND13
from interviewer.evaluation.clips_round16 import NEW_CLIPS as ROUND16
from interviewer.evaluation.clips_round17 import NEW_CLIPS as ROUND17
from interviewer.evaluation.clips_round19 import NEW_CLIPS as ROUND19

SETS = ("new", "legacy", "all")


def split_halves(clips: tuple[Clip, ...]) -> tuple[Clip, ...]:
    """`clips` with `half` set by the rule above."""
    seen: Counter[str] = Counter()
    halved = []
    for clip in clips:
        halved.append(replace(clip, half=HALVES[seen[clip.voice] % 2]))
        seen[clip.voice] += 1
    return tuple(halved)


NEW = split_halves(
    PRECISION + RADIOLOGY + GENERAL + ROUND7 + ROUND10 + ROUND11 + ROUND12 + ROUND13 + ROUND16 + ROUND17 + ROUND19
)
LEGACY = tuple(replace(c, half="tune", set="legacy") for c in LEGACY_CLIPS)
CLIPS = NEW + LEGACY


def chosen(set_name: str = "new", half: str = "both") -> tuple[Clip, ...]:
    """The clips of one set ("new", "legacy", "all") and half ("tune", "report", "both")."""
    clips = {"new": NEW, "legacy": LEGACY, "all": CLIPS}[set_name]
    return tuple(c for c in clips if half == "both" or c.half == half)


def by_id(clip_id: str) -> Clip:
    return next(c for c in CLIPS if c.id == clip_id)
