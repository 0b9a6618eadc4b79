"""How the voice moved: pitch variation (monotone or not) and energy (flat, trailing off, fading).

Pitch comes from the pitch tracker (`domain/hearing/pitch.py`); loudness from the same frame
levels as every other audio figure (`signal.py`). Both are measured per sentence of the
transcript, so each finding points at the sentence it came from.

Thresholds: a 10th-90th percentile F0 range under 2 semitones is monotone (the open-source
coach's figure; espeak-ng measured 0.4-1.1 st at SSML range 0 / x-low and 4.5-9 st at medium
and above, see README "Delivery figures"). Sentence loudness varying less than 3 dB (10th-90th
percentile) is flat: 3 dB is half or double the power, the open-source coach's flat-volume line
and its +3 dB stress accent (espeak-ng at one amplitude: 0.8-1.1 dB). A sentence trails off when
its last fifth is 5 dB or more below its first third (espeak's own fall at sentence ends: under
3 dB in 30 of 32 sentences, 5.0 at most), and the answer trails off when a third of its sentences
do; the answer fades when its last third is 3 dB or more below its first.
"""

from __future__ import annotations

import numpy as np

from interviewer.domain.analysis.delivery_model import Energy, Moment, PitchVariation
from interviewer.domain.hearing import signal
from interviewer.domain.hearing.pitch import PitchTrack
from interviewer.domain.words import Token

MONOTONE_ST = 2.0  # semitones, 10th-90th percentile range of F0 over the answer
MIN_VOICED_S = 2.0  # less voiced speech than this: no pitch figure
SENTENCE_MIN_VOICED_S = 0.5  # a sentence needs this much voice for its own spread
PITCH_WINDOW_S = 10.0  # one point of the pitch line per this many seconds
FLAT_DB = 3.0  # dB, 10th-90th percentile range of sentence loudness
MIN_SENTENCES = 4  # fewer sentences than this: no flatness figure
TRAIL_DB = 5.0  # a sentence's last fifth this far below its first third: it trailed off
TRAIL_TAIL_SHARE = 0.2  # the last fifth of a sentence (at least TRAIL_TAIL_MIN_S)
TRAIL_TAIL_MIN_S = 0.3
TRAIL_MIN_WORDS = 4
TRAILING_SHARE = 1 / 3  # of the sentences measured: the answer trails off
DROP_DB = 3.0  # the answer's last third this far below its first third: it faded
MIN_FRAMES = 5  # voiced level frames for a loudness value (0.1 s)


def spread_st(f0_hz: np.ndarray) -> float:
    """10th-90th percentile range of `f0_hz` in semitones."""
    low, high = np.percentile(f0_hz, [10, 90])
    return float(12 * np.log2(high / low))


def _voiced_between(track: PitchTrack, offset_s: float, start: float, end: float) -> np.ndarray:
    """F0 of the voiced frames centred between `start` and `end` (seconds in the recording)."""
    first = max(0, int(np.ceil((start - offset_s) / track.frame_s - 0.5)))
    last = max(first, int(np.ceil((end - offset_s) / track.frame_s - 0.5)))
    return track.f0_hz[first:last][track.voiced[first:last]]


def assess_pitch(track: PitchTrack, offset_s: float, sentences: list[list[Token]]) -> PitchVariation:
    """Pitch spread over the answer, per window (the pitch line) and per sentence (the flattest one).

    `offset_s` is where the tracked audio starts in the recording.
    """
    voiced = track.voiced_f0()
    if voiced.size * track.frame_s < MIN_VOICED_S:
        return PitchVariation(threshold_st=MONOTONE_ST)
    min_frames = int(SENTENCE_MIN_VOICED_S / track.frame_s)
    series = []
    for left in np.arange(offset_s, offset_s + len(track.f0_hz) * track.frame_s, PITCH_WINDOW_S):
        window = _voiced_between(track, offset_s, left, left + PITCH_WINDOW_S)
        if window.size >= min_frames:
            series.append((float(left), round(spread_st(window), 2)))
    per_sentence = [(_voiced_between(track, offset_s, g[0].start, g[-1].end), g) for g in sentences]
    measured = [(spread_st(f0), g) for f0, g in per_sentence if f0.size >= min_frames]
    flattest = min(measured, key=lambda pair: pair[0], default=None)
    spread = spread_st(voiced)
    moment = _sentence_moment(flattest[1], f"{flattest[0]:.1f} st") if flattest else None
    spreads = [(g[0].start, round(v, 2)) for v, g in measured]
    median = float(np.median(voiced))
    return PitchVariation(
        True, median, spread, MONOTONE_ST, spread < MONOTONE_ST, series, PITCH_WINDOW_S, moment, spreads
    )


def _sentence_moment(group: list[Token], note: str) -> Moment:
    return Moment(group[0].start, group[-1].end, " ".join(t.text for t in group), note)


def loudness_db(levels: signal.Levels, start: float, end: float) -> float | None:
    """Power mean of the voiced frames between `start` and `end`, in dBFS; None when too few are voiced."""
    a = max(0, int(np.floor(start / levels.frame_s)))
    b = min(len(levels.rms), int(np.ceil(end / levels.frame_s)))
    rms = levels.rms[a:b][levels.voiced[a:b]]
    if rms.size < MIN_FRAMES:
        return None
    return float(10 * np.log10(max(float(np.mean(rms.astype(np.float64) ** 2)), 1e-12)))


def assess_energy(levels: signal.Levels, bounds: tuple[float, float], sentences: list[list[Token]]) -> Energy:
    """Loudness spread across sentences, sentences that trail off, and a fade over the answer."""
    loudness = [v for v in (loudness_db(levels, g[0].start, g[-1].end) for g in sentences) if v is not None]
    trailing, measured_sentences = [], 0
    for group in sentences:
        fall = _fall_db(levels, group)
        if fall is None:
            continue
        measured_sentences += 1
        if fall >= TRAIL_DB:
            tail = [t for t in group if t.end > _tail_start(group)] or group[-1:]
            trailing.append(Moment(tail[0].start, tail[-1].end, " ".join(t.text for t in tail), f"-{fall:.0f} dB"))
    start, end = bounds
    third = (end - start) / 3
    first, last = loudness_db(levels, start, start + third), loudness_db(levels, end - third, end)
    drop = first - last if first is not None and last is not None else 0.0
    measured = len(loudness) >= MIN_SENTENCES
    spread = float(np.subtract(*np.percentile(loudness, [90, 10]))) if measured else 0.0
    return Energy(
        measured,
        spread,
        FLAT_DB,
        measured and spread < FLAT_DB,
        drop,
        drop >= DROP_DB,
        trailing,
        measured_sentences,
        [round(v, 1) for v in loudness],
        bool(measured_sentences) and len(trailing) >= TRAILING_SHARE * measured_sentences,
    )


def _tail_start(group: list[Token]) -> float:
    end = group[-1].end
    return end - max(TRAIL_TAIL_MIN_S, TRAIL_TAIL_SHARE * (end - group[0].start))


def _fall_db(levels: signal.Levels, group: list[Token]) -> float | None:
    """How far the last fifth of a sentence is below its first third, in dB (None: too short to say)."""
    if len(group) < TRAIL_MIN_WORDS:
        return None
    start, end = group[0].start, group[-1].end
    head = loudness_db(levels, start, start + (end - start) / 3)
    tail = loudness_db(levels, _tail_start(group), end)
    return head - tail if head is not None and tail is not None else None
