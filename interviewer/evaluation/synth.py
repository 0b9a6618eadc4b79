"""A clip of the evaluation set as audio and the truth about it.

Each sentence is spoken on its own (one espeak-ng or Piper call) and trimmed, then silences are
spliced in: 0.4 s in the legacy set, 0.15-0.35 s (varied, seeded by the clip id) in the new one,
and the long pauses the script writes. So the lead-in, every pause, each sentence's start and
end, and the answer's duration are exact. Inside a sentence a filler's (or a trap's) time is an
estimate: the sentence's duration shared out by characters of the spoken text before it.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

import numpy as np

from interviewer.adapters.speechgen import concatenate, silence
from interviewer.domain.analysis.spoken_numbers import said_as
from interviewer.domain.ports import SAMPLE_RATE
from interviewer.domain.transcript import Word
from interviewer.domain.words import tokenize
from interviewer.evaluation.clip import Clip
from interviewer.evaluation.voices import sentence_audio

FILLER = re.compile(r"\{([^}]*)\}")
TAIL_S = 1.0  # silence after the answer, as when a person stops and presses the key
LEGACY_GAP_S = 0.4  # between sentences in the legacy set
GAP_RANGE_S = (0.15, 0.35)  # between sentences in continuous speech
# where in a trap phrase its ambiguous word is, and the filler type that word could be taken for
TRAP_WORDS = (
    ("you know", r"\byou know\b"),
    ("i mean", r"\bmean\b"),
    ("like", r"\blike\b"),
    ("actually", r"\bactual"),
    ("right", r"\bright\b"),
    ("so", r"\bso\b"),
)


@dataclass(frozen=True)
class Mark:
    """A filler said (or a trap phrase) at an estimated time."""

    kind: str  # the filler type, or the type a trap could be mistaken for
    at_s: float
    text: str


@dataclass(frozen=True)
class SegmentTruth:
    start: float
    end: float
    text: str  # as spoken
    words: int  # answer words, fillers not counted
    fillers: tuple[Mark, ...] = ()


@dataclass(frozen=True)
class Truth:
    recording_s: float
    lead_in_s: float
    duration_s: float
    words: int
    wpm: float
    long_pauses: int
    segments: tuple[SegmentTruth, ...]
    traps: tuple[Mark, ...] = ()

    @property
    def fillers(self) -> tuple[Mark, ...]:
        return tuple(f for s in self.segments for f in s.fillers)

    @property
    def spoken(self) -> str:
        return " ".join(s.text for s in self.segments)


def spoken_text(segment: str) -> str:
    return FILLER.sub(lambda m: m.group(1), segment)


def filler_types(segment: str) -> tuple[str, ...]:
    return tuple(m.group(1).lower() for m in FILLER.finditer(segment))


def answer_words(segment: str) -> int:
    """Words that are not fillers, as said: a piece holding a letter is one, a number the words it
    is said in ("4.5" three, "90%" two), as the pace counts them; a lone dash or symbol none."""
    pieces = FILLER.sub(" ", segment).split()
    return sum(_said_words(piece) for piece in pieces)


def _said_words(piece: str) -> int:
    if re.search(r"[A-Za-z]", piece):
        return 1
    names = next((said_as(t) for t in tokenize([Word(" " + piece, 0.0, 0.0)])), None)
    return len(names) if names else 0


def filler_marks(segment: str, start: float, end: float) -> tuple[Mark, ...]:
    """Each filler of `segment` at its share of the sentence's time, by characters spoken before it."""
    spoken = spoken_text(segment)
    marks, removed = [], 0
    for m in FILLER.finditer(segment):
        offset = m.start() - removed  # where the filler starts in the spoken text
        removed += 2  # the braces
        marks.append(Mark(m.group(1).lower(), _at(offset, len(spoken), start, end), m.group(1)))
    return tuple(marks)


def trap_kind(phrase: str) -> tuple[str, int]:
    """The filler type a trap phrase could be taken for, and where its word starts in the phrase."""
    for kind, pattern in TRAP_WORDS:
        found = re.search(pattern, phrase, re.IGNORECASE)
        if found:
            return kind, found.start()
    raise ValueError(f"the trap {phrase!r} holds no word that can be a filler")


def trap_marks(traps: tuple[str, ...], segments: tuple[SegmentTruth, ...]) -> tuple[Mark, ...]:
    """Each trap at its estimated time, found in order in the spoken sentences."""
    marks = []
    for phrase in traps:
        kind, inside = trap_kind(phrase)
        for s in segments:
            place = s.text.lower().find(phrase.lower())
            if place >= 0:
                marks.append(Mark(kind, _at(place + inside, len(s.text), s.start, s.end), phrase))
                break
        else:
            raise ValueError(f"the trap {phrase!r} is not in the script")
    return tuple(marks)


def _at(offset: int, length: int, start: float, end: float) -> float:
    return start + (end - start) * offset / max(1, length)


def gaps(clip: Clip):
    """The silence before each sentence after the first, when the script writes no pause."""
    rng = random.Random(clip.id)
    while True:
        yield round(rng.uniform(*GAP_RANGE_S), 3) if clip.continuous else LEGACY_GAP_S


def synthesize(clip: Clip, threshold_s: float = 2.0) -> tuple[np.ndarray, Truth]:
    parts = [silence(clip.lead_in_s)]
    segments: list[SegmentTruth] = []
    t, pause, long_pauses, gap = clip.lead_in_s, 0.0, 0, gaps(clip)
    for item in clip.script:
        if isinstance(item, (int, float)):
            pause = float(item)
            continue
        if segments:
            parts.append(silence(pause or next(gap)))
            t += len(parts[-1]) / SAMPLE_RATE
            long_pauses += pause >= threshold_s
        speech = sentence_audio(spoken_text(item), clip)
        parts.append(speech)
        end = t + len(speech) / SAMPLE_RATE
        segments.append(SegmentTruth(t, end, spoken_text(item), answer_words(item), filler_marks(item, t, end)))
        t, pause = end, 0.0
    parts.append(silence(TAIL_S))
    audio = concatenate(parts)
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
        trap_marks(clip.traps, tuple(segments)),
    )
    return audio, truth
