"""The analysis of one spoken answer: pure functions from a word-timed transcript and the audio.

`analyse()` is the one entry point; each concern lives in its own module.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

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
from interviewer.domain.analysis.pace import Sound, assess_pace
from interviewer.domain.analysis.pauses import assess_pauses
from interviewer.domain.analysis.prosody import assess_energy, assess_pitch
from interviewer.domain.analysis.reliability import assess_reliability
from interviewer.domain.analysis.repetition import find_repetition
from interviewer.domain.analysis.timing import answer_bounds, assess_timing
from interviewer.domain.analysis.verdict import assess_verdict
from interviewer.domain.analysis.wordiness import assess_wordiness
from interviewer.domain.hearing import signal
from interviewer.domain.hearing.phantoms import heard_in_sound
from interviewer.domain.hearing.pitch import HOP_S, PitchTrack, RawTrack, finished_track, raw_track
from interviewer.domain.hearing.syllables import Nuclei, find_nuclei
from interviewer.domain.transcript import Transcript
from interviewer.domain.words import split_sentences, tokenize

# raise when a change alters any figure; stored with every result (3: hint items, 4: voice, 5: fillers, pace, items,
# 6: written syllables, "you know" after a clause, a letter after a number,
# 7: a name before "for", a head noun said by its kind, 8: "the first kind of" is no hedge,
# 9: "Example:" weighs nothing, no list of bare words, no split inside quotes, a clause stays whole,
# "um... where" is one sentence, structural headings ("Goal:", "Week 1-2:") weigh nothing,
# 10: two words of a point heard with the boundary moved count, function words and contractions weigh
# nothing, a condition after a bare name counts as its purpose, "tune" says "tuning",
# 11: a formula said by its symbols ("log N over df"), "auto-scale" says "auto-scaling", "provide",
# "ensure", "help", "allow", "enable" weigh as generic words, "semi-supervised" says no "supervised")
# 12: decimals said in digits ("alpha at 0.05"), number names and everyday sound-alikes no evidence
# ("thousands", "prediction" for "production"), words other items share compared by stem
# 13: an item's evidence and time are the shortest stretch that says it, not the first
# 14: a thing named before what it is for is also said by all its words with half its name, a list after
# "for" is what the thing is for ("Huge ecosystem for AI, ML, and data work"), not points of its own
# 15: one part of a hint compound said alone, with no other part of it near, weighs half ("scale" for "large-scale"),
# words that say how good, not what ("professional", "comprehensive", "fundamental") weigh as generic words,
# an item covered by its words heard apart (no two together) is marked `apart`, adverbs of the hint
# ("specifically XGBoost") are no words of its items
# 16: the pitch track on the recording's own 10 ms frames (followed while recording): pitch spreads move by
# up to 0.1 st where the first word's time fell between frames
# 17: an item's words said together just before its evidence's first word are not "heard apart"
# 18: an item covered only by its words heard apart counts half in its point's share and the coverage figure
# 19: "like" before a subject with its verb ("like we're"), a modal, a possessive, a preposition ("like
# below") or "half" is a filler, and so is "actually" after a comma with a clause opening after it
ANALYSIS_VERSION = 19


def analyse(
    transcript: Transcript,
    audio: np.ndarray,
    hint: str,
    target_s: tuple[int, int] = (120, 180),
    pause_threshold_s: float = 2.0,
    sample_rate: int = 16000,
    question: str = "",
    pitch: RawTrack | None = None,
) -> AnswerAnalysis:
    """Timing, pace, pauses, fillers, hint coverage, the voice and the wording, reliability and a verdict.

    `question` (the question as asked) tells repetition what the answer's own subject is and hedging
    whether the question asks for the speaker's view. `pitch` is `audio`'s raw pitch track when it was
    followed while recording (`hearing.pitch.PitchFollower`); without it, it is tracked here.
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
    track = _answer_track(audio, sample_rate, levels, bounds, pitch)
    filler_tokens = [t for t in tokens if t.index in in_filler]
    pace = assess_pace(answer_tokens, bounds, _sound(audio, sample_rate, levels, bounds, track), fillers=filler_tokens)
    pauses = assess_pauses(tokens, levels, bounds, pause_threshold_s)
    minutes = timing.duration_s / 60
    items = [Filler(h.type, h.start, " ".join(tokens[h.first + k].text for k in range(h.length))) for h in hits]
    fillers = Fillers(items, len(items) / minutes if minutes > 0 else 0.0)
    points = split_hint(hint)
    coverage = assess_coverage(points, tokens)
    reliability = assess_reliability(audio, levels or signal.levels(audio, sample_rate), tokens)
    sentences = split_sentences(tokens)
    pitch, energy = _voice(track, levels, bounds, sentences)
    repetition = find_repetition(answer_tokens, question, hint)
    hedging = find_hedging(tokens, question, minutes)
    covered = [(p.point, p.at_s) for p in coverage.points if p.at_s is not None]  # any of its items said
    wordiness = assess_wordiness(sentences, covered, points)
    delivery = (pitch, energy, repetition, hedging, wordiness)
    verdict = assess_verdict(timing, pace, pauses, fillers, coverage, reliability, delivery)
    return AnswerAnalysis(
        ANALYSIS_VERSION, timing, pace, pauses, fillers, coverage, reliability, verdict, transcript, *delivery
    )


@dataclass(frozen=True)
class _Track:
    pitch: PitchTrack
    start_s: float  # where its first frame starts in the recording


def _answer_track(audio: np.ndarray, sample_rate: int, levels, bounds, raw: RawTrack | None) -> _Track | None:
    """The pitch track of the answer, first word to last (the lead-in and the tail are not the voice),
    in the recording's frames, computed once for the pitch figures and the syllable nuclei."""
    if levels is None or bounds is None:
        return None
    start, end = bounds
    frames = slice(int(start / HOP_S), int(np.ceil(end / HOP_S)))
    raw = raw if raw is not None else raw_track(audio, sample_rate, frames)
    return _Track(finished_track(raw, frames), frames.start * HOP_S)


def _voice(track: _Track | None, levels, bounds, sentences) -> tuple[PitchVariation, Energy]:
    if track is None:
        return PitchVariation(), Energy()
    return assess_pitch(track.pitch, track.start_s, sentences), assess_energy(levels, bounds, sentences)


PHRASE_GAP_S = 0.25  # silences this long separate the phrases the nuclei are counted in


def _sound(audio: np.ndarray, sample_rate: int, levels, bounds, track: _Track | None) -> Sound | None:
    """The answer's syllable nuclei and phrases, on the answer's own pitch track."""
    if track is None:
        return None
    first = round(track.start_s * sample_rate)
    span = audio[first : first + round(len(track.pitch.f0_hz) * HOP_S * sample_rate)]
    nuclei = find_nuclei(span, track.pitch, sample_rate)
    start, end = bounds
    return Sound(Nuclei(nuclei.times_s + track.start_s), signal.phrases(levels, start, end, PHRASE_GAP_S))


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
