"""Syllable nuclei: the speaking rate heard in the sound itself, whatever Whisper wrote.

After de Jong & Wempe (2009): a syllable's vowel is a peak of intensity, voiced, standing out
from the dips beside it. Intensity is the frame level (dB, 40 ms Hann window every 10 ms); a
peak counts when it is at most `PEAK_BELOW_LOUD_DB` under the loud level of the recording, at
least `MIN_DIP_DB` above the lowest point between it and the last counted peak, and voiced (the
pitch tracker hears a periodic voice within one frame of it).

Measured on espeak-ng and Piper sentences of known syllables (CMU dictionary counts), six voices
at 130-200 wpm: espeak 0.93-1.07 nuclei per syllable, Piper 0.78-0.90. The ratio differs by
voice, so the rate is never turned into words with a fixed factor where the transcript can
calibrate it (`missing_words`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from interviewer.domain.hearing.pitch import HOP_S, PitchTrack

WINDOW_S = 0.04  # the intensity window
PEAK_BELOW_LOUD_DB = 25.0  # quieter peaks are breath or noise (the 99th percentile frame is "loud")
MIN_DIP_DB = 2.0  # between two nuclei the intensity falls at least this much
VOICE_REACH_FRAMES = 1
NUCLEI_PER_WORD = 1.30  # measured on the evaluation's tuning half; only where no transcript calibrates it


@dataclass(frozen=True)
class Nuclei:
    times_s: np.ndarray  # each nucleus's time, seconds from the start of the audio

    def count(self, start_s: float, end_s: float) -> int:
        return int(np.count_nonzero((self.times_s >= start_s) & (self.times_s < end_s)))


def intensity_db(audio: np.ndarray, sample_rate: int = 16000) -> np.ndarray:
    """Frame level in dB every HOP_S over WINDOW_S (a running sum: a 3-minute answer in ~10 ms),
    frame k centred at (k + 0.5) * HOP_S like the pitch track's frames."""
    hop, half = int(round(HOP_S * sample_rate)), int(round(WINDOW_S * sample_rate)) // 2
    count = int(np.ceil(len(audio) / hop))
    if count == 0:
        return np.zeros(0)
    energy = np.concatenate(([0.0], np.cumsum(np.square(audio, dtype=np.float64))))
    centres = (np.arange(count) * hop + hop // 2).clip(0, len(audio))
    lo, hi = (centres - half).clip(0, len(audio)), (centres + half).clip(0, len(audio))
    power = (energy[hi] - energy[lo]) / np.maximum(hi - lo, 1)
    return 10.0 * np.log10(power + 1e-12)


def find_nuclei(audio: np.ndarray, track: PitchTrack, sample_rate: int = 16000) -> Nuclei:
    """The syllable nuclei of `audio`; `track` is its pitch track (same start, HOP_S frames)."""
    level = np.convolve(intensity_db(np.asarray(audio, dtype=np.float64), sample_rate), np.ones(3) / 3, "same")
    if level.size < 3:
        return Nuclei(np.zeros(0))
    voiced = _widened(track.voiced[: level.size], level.size)
    floor = float(np.quantile(level, 0.99)) - PEAK_BELOW_LOUD_DB
    is_peak = (level[1:-1] >= level[:-2]) & (level[1:-1] > level[2:]) & (level[1:-1] > floor)
    candidates = np.flatnonzero(is_peak) + 1
    kept: list[int] = []
    for k in candidates[voiced[candidates]]:
        if not kept:
            kept.append(int(k))
            continue
        last = kept[-1]
        dip = float(level[last : k + 1].min())
        if min(level[last], level[k]) - dip >= MIN_DIP_DB:
            kept.append(int(k))
        elif level[k] > level[last]:
            kept[-1] = int(k)  # one nucleus, its louder peak
    return Nuclei((np.asarray(kept, dtype=np.float64) + 0.5) * HOP_S)


def _widened(voiced: np.ndarray, size: int) -> np.ndarray:
    """`voiced` fitted to `size` frames, each voiced frame reaching VOICE_REACH_FRAMES either side."""
    mask = np.zeros(size, dtype=bool)
    mask[: min(size, voiced.size)] = voiced[:size]
    reach = np.ones(2 * VOICE_REACH_FRAMES + 1)
    return np.convolve(mask.astype(float), reach, "same") > 0


@dataclass(frozen=True)
class Phrase:
    start_s: float
    end_s: float
    nuclei: int
    words: int


MIN_CALIBRATION_WORDS = 3  # phrases with fewer heard words do not calibrate nuclei per word
MISSING_SHARE = 0.5  # a phrase is short of words when the sound says half again as many as were heard
MIN_MISSING_WORDS = 3  # ... and at least this many: one or two words is the detector's own scatter


def missing_words(phrases: list[Phrase]) -> tuple[float, list[tuple[Phrase, float]]]:
    """Words the sound holds that the transcript lacks: (total, [(phrase, words missing there)]).

    Nuclei per heard word is calibrated on this answer's own well-heard phrases (median of their
    ratios), so the voice's and the speaker's syllables per word cancel out; a phrase whose nuclei
    call for MISSING_SHARE more words than were heard, and at least MIN_MISSING_WORDS more, is
    where Whisper dropped speech ("Uh, OMOP." lost at an answer's start, a sentence skipped).
    """
    calibrating = [p.nuclei / p.words for p in phrases if p.words >= MIN_CALIBRATION_WORDS and p.nuclei]
    per_word = float(np.median(calibrating)) if len(calibrating) >= 2 else NUCLEI_PER_WORD
    short: list[tuple[Phrase, float]] = []
    for phrase in phrases:
        expected = phrase.nuclei / per_word
        gap = expected - phrase.words
        if gap >= MIN_MISSING_WORDS and gap >= MISSING_SHARE * max(phrase.words, 1):
            short.append((phrase, gap))
    return sum(gap for _, gap in short), short


def words_per_minute_heard(nuclei: Nuclei, start_s: float, end_s: float, nuclei_per_word: float) -> float:
    """The speaking rate in `[start_s, end_s)` from the sound alone (the live pace)."""
    minutes = max(end_s - start_s, 1e-6) / 60
    return nuclei.count(start_s, end_s) / nuclei_per_word / minutes
