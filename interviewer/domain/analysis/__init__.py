"""The analysis of one spoken answer: pure functions from a word-timed transcript and the audio.

`analyse()` is the one entry point; each concern lives in its own module.
"""

from __future__ import annotations

import numpy as np

from interviewer.domain.analysis import signal
from interviewer.domain.analysis.coverage import assess_coverage
from interviewer.domain.analysis.delivery_model import Energy, PitchVariation
from interviewer.domain.analysis.fillers import find_fillers
from interviewer.domain.analysis.hedging import find_hedging
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
from interviewer.domain.analysis.pace import assess_pace
from interviewer.domain.analysis.pauses import assess_pauses
from interviewer.domain.analysis.phantoms import without_phantoms, without_unsure_tail
from interviewer.domain.analysis.prosody import assess_energy, assess_pitch
from interviewer.domain.analysis.reliability import assess_reliability
from interviewer.domain.analysis.repetition import find_repetition
from interviewer.domain.analysis.timing import answer_bounds, assess_timing
from interviewer.domain.analysis.tokens import split_sentences, tokenize
from interviewer.domain.analysis.verdict import assess_verdict
from interviewer.domain.analysis.wordiness import assess_wordiness
from interviewer.domain.hearing.pitch import track_pitch
from interviewer.domain.transcript import Transcript, Word

SILENCE_SLACK_S = 0.2  # Whisper's word edges may sit this far into silence
ANALYSIS_VERSION = 3  # raise when a change alters any figure; stored with every result


def analyse(
    transcript: Transcript,
    audio: np.ndarray,
    hint: str,
    target_s: tuple[int, int] = (120, 180),
    pause_threshold_s: float = 2.0,
    sample_rate: int = 16000,
    question: str = "",
) -> AnswerAnalysis:
    """Timing, pace, pauses, fillers, hint coverage, the voice and the wording, reliability and a verdict.

    `question` (the question as asked) tells repetition what the answer's own subject is and hedging
    whether the question asks for the speaker's view.
    """
    audio = np.asarray(audio, dtype=np.float32).reshape(-1)
    recording_s = len(audio) / sample_rate if audio.size else transcript.duration_s
    levels = signal.levels(audio, sample_rate) if audio.size else None
    tokens = tokenize(heard_in_sound(transcript.words, levels))
    hits = find_fillers(tokens)
    in_filler = {h.first + k for h in hits for k in range(h.length)}
    answer_tokens = [t for t in tokens if t.index not in in_filler]
    bounds = answer_bounds(tokens, levels)
    timing = assess_timing(recording_s, bounds, target_s)
    pace = assess_pace(answer_tokens, bounds)
    pauses = assess_pauses(tokens, levels, bounds, pause_threshold_s)
    minutes = timing.duration_s / 60
    items = [Filler(h.type, h.start, " ".join(tokens[h.first + k].text for k in range(h.length))) for h in hits]
    fillers = Fillers(items, len(items) / minutes if minutes > 0 else 0.0)
    points = split_hint(hint)
    coverage = assess_coverage(points, tokens)
    reliability = assess_reliability(audio, levels or signal.levels(audio, sample_rate), tokens)
    sentences = split_sentences(tokens)
    pitch, energy = _voice(audio, sample_rate, levels, bounds, sentences)
    repetition = find_repetition(answer_tokens, question, hint)
    hedging = find_hedging(tokens, question, minutes)
    covered = [(p.point, p.at_s) for p in coverage.points if p.covered]
    wordiness = assess_wordiness(sentences, covered, points)
    delivery = (pitch, energy, repetition, hedging, wordiness)
    verdict = assess_verdict(timing, pace, pauses, fillers, coverage, reliability, delivery)
    return AnswerAnalysis(
        ANALYSIS_VERSION, timing, pace, pauses, fillers, coverage, reliability, verdict, transcript, *delivery
    )


def _voice(audio, sample_rate, levels, bounds, sentences) -> tuple[PitchVariation, Energy]:
    """Pitch and energy over the answer (first word to last): the lead-in and the tail are not the voice."""
    if levels is None or bounds is None:
        return PitchVariation(), Energy()
    start, end = bounds
    track = track_pitch(audio[int(start * sample_rate) : int(np.ceil(end * sample_rate))], sample_rate)
    return assess_pitch(track, start, sentences), assess_energy(levels, bounds, sentences)


def heard_in_sound(words: tuple[Word, ...], levels: signal.Levels | None) -> tuple[Word, ...]:
    """The words without those heard in the silence before or after all sound (Whisper adds "Thank
    you." or repeats a hotword over a silent tail) and without the sentences it wrote mid-answer
    that the sound does not hold (see phantoms.py). Other words in pauses are kept: their times
    may just be off."""
    if levels is None or not levels.voiced.any():
        return without_phantoms(tuple(words), levels)
    first = signal.first_voiced(levels, 0.0, len(levels.voiced) * levels.frame_s)
    last = signal.last_voiced(levels, 0.0, len(levels.voiced) * levels.frame_s)
    inside = tuple(w for w in words if w.end >= first - SILENCE_SLACK_S and w.start <= last + SILENCE_SLACK_S)
    return without_phantoms(without_unsure_tail(inside, last), levels)


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
