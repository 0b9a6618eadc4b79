"""A clip of the evaluation set as audio (espeak-ng) and the truth about it, exact by construction.

Each segment is spoken on its own and trimmed, then silences are spliced in, so the
lead-in, every pause, the answer's duration and the segment each filler is in are known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from interviewer.adapters.speechgen import Utterance, concatenate, silence, speak, trim
from interviewer.domain.analysis.hint_points import split_hint
from interviewer.domain.ports import SAMPLE_RATE
from interviewer.evaluation.clips import SEGMENT_GAP_S, Clip

FILLER = re.compile(r"\{([^}]*)\}")
TAIL_S = 1.0  # silence after the answer, as when a person stops and presses the key


@dataclass(frozen=True)
class SegmentTruth:
    start: float
    end: float
    fillers: tuple[str, ...]  # filler types said in this segment
    words: int  # answer words, fillers not counted


@dataclass(frozen=True)
class Truth:
    recording_s: float
    lead_in_s: float
    duration_s: float
    words: int
    wpm: float
    long_pauses: int
    segments: tuple[SegmentTruth, ...]
    points: tuple[str, ...]
    covered: tuple[bool, ...]

    @property
    def fillers(self) -> int:
        return sum(len(s.fillers) for s in self.segments)


def spoken_text(segment: str) -> str:
    return FILLER.sub(lambda m: m.group(1), segment)


def filler_types(segment: str) -> tuple[str, ...]:
    return tuple(m.group(1).lower() for m in FILLER.finditer(segment))


def answer_words(segment: str) -> int:
    """Words that are not fillers: whitespace-separated pieces holding a letter."""
    return sum(1 for w in FILLER.sub(" ", segment).split() if re.search(r"[A-Za-z]", w))


def synthesize(clip: Clip, threshold_s: float = 2.0) -> tuple[np.ndarray, Truth]:
    parts = [silence(clip.lead_in_s)]
    segments: list[SegmentTruth] = []
    t, gap, long_pauses = clip.lead_in_s, 0.0, 0
    for item in clip.script:
        if isinstance(item, (int, float)):
            gap = float(item)
            continue
        if segments:
            gap = gap or SEGMENT_GAP_S
            parts.append(silence(gap))
            t += len(parts[-1]) / SAMPLE_RATE
            long_pauses += gap >= threshold_s
        speech = trim(speak(Utterance(spoken_text(item), clip.voice, clip.wpm)))
        parts.append(speech)
        end = t + len(speech) / SAMPLE_RATE
        segments.append(SegmentTruth(t, end, filler_types(item), answer_words(item)))
        t, gap = end, 0.0
    parts.append(silence(TAIL_S))
    audio = concatenate(parts)
    points = tuple(split_hint(clip.hint))
    duration = segments[-1].end - segments[0].start
    words = sum(s.words for s in segments)
    truth = Truth(
        len(audio) / SAMPLE_RATE,
        clip.lead_in_s,
        duration,
        words,
        words / duration * 60,
        long_pauses,
        tuple(segments),
        points,
        tuple(i in clip.covers for i in range(len(points))),
    )
    return audio, truth
