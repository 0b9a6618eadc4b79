"""The analysis of one spoken answer: pure functions from a word-timed transcript and the audio.

`analyse()` is the one entry point; each concern lives in its own module.
"""

from __future__ import annotations

import numpy as np

from interviewer.domain.analysis.coverage import assess_coverage
from interviewer.domain.analysis.fillers import find_fillers
from interviewer.domain.analysis.hint_points import split_hint
from interviewer.domain.analysis.model import (
    AnswerAnalysis,
    Coverage,
    Filler,
    Fillers,
    HintPoint,
    Pace,
    Pause,
    Pauses,
    Reliability,
    Timing,
    Verdict,
)
from interviewer.domain.analysis.pace import Sound, assess_pace
from interviewer.domain.analysis.pauses import assess_pauses
from interviewer.domain.analysis.reliability import assess_reliability
from interviewer.domain.analysis.timing import answer_bounds, assess_timing
from interviewer.domain.analysis.verdict import assess_verdict
from interviewer.domain.hearing import signal
from interviewer.domain.hearing.phantoms import heard_in_sound
from interviewer.domain.hearing.pitch import track_pitch
from interviewer.domain.hearing.syllables import Nuclei, find_nuclei
from interviewer.domain.transcript import Transcript
from interviewer.domain.words import tokenize

ANALYSIS_VERSION = 3  # raise when a change alters any figure; stored with every result (3: hint items)


def analyse(
    transcript: Transcript,
    audio: np.ndarray,
    hint: str,
    target_s: tuple[int, int] = (120, 180),
    pause_threshold_s: float = 2.0,
    sample_rate: int = 16000,
) -> AnswerAnalysis:
    """Timing, pace, pauses, fillers, hint coverage, reliability and a verdict for one answer."""
    audio = np.asarray(audio, dtype=np.float32).reshape(-1)
    recording_s = len(audio) / sample_rate if audio.size else transcript.duration_s
    levels = signal.levels(audio, sample_rate) if audio.size else None
    tokens = tokenize(heard_in_sound(transcript.words, levels))
    hits = find_fillers(tokens)
    in_filler = {h.first + k for h in hits for k in range(h.length)}
    answer_tokens = [t for t in tokens if t.index not in in_filler]
    bounds = answer_bounds(tokens, levels)
    timing = assess_timing(recording_s, bounds, target_s)
    pace = assess_pace(answer_tokens, bounds, _sound(audio, sample_rate, levels, bounds))
    pauses = assess_pauses(tokens, levels, bounds, pause_threshold_s)
    minutes = timing.duration_s / 60
    items = [Filler(h.type, h.start, " ".join(tokens[h.first + k].text for k in range(h.length))) for h in hits]
    fillers = Fillers(items, len(items) / minutes if minutes > 0 else 0.0)
    coverage = assess_coverage(split_hint(hint), tokens)
    reliability = assess_reliability(audio, levels or signal.levels(audio, sample_rate), tokens)
    verdict = assess_verdict(timing, pace, pauses, fillers, coverage, reliability)
    return AnswerAnalysis(ANALYSIS_VERSION, timing, pace, pauses, fillers, coverage, reliability, verdict, transcript)


PHRASE_GAP_S = 0.25  # silences this long separate the phrases the nuclei are counted in


def _sound(audio: np.ndarray, sample_rate: int, levels, bounds) -> Sound | None:
    """The answer's syllable nuclei and phrases, from first word to last (the voice, not the lead-in)."""
    if levels is None or bounds is None:
        return None
    start, end = bounds
    span = audio[int(start * sample_rate) : int(np.ceil(end * sample_rate))]
    nuclei = find_nuclei(span, track_pitch(span, sample_rate), sample_rate)
    moved = Nuclei(nuclei.times_s + start)
    return Sound(moved, signal.phrases(levels, start, end, PHRASE_GAP_S))


__all__ = [
    "ANALYSIS_VERSION",
    "AnswerAnalysis",
    "Coverage",
    "Filler",
    "Fillers",
    "HintPoint",
    "Pace",
    "Pause",
    "Pauses",
    "Reliability",
    "Timing",
    "Verdict",
    "analyse",
]
