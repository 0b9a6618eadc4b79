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

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from interviewer.domain.hearing.pitch import HOP_S, PitchTrack, track_pitch

WINDOW_S = 0.04  # the intensity window
PEAK_BELOW_LOUD_DB = 25.0  # quieter peaks are breath or noise (the 99th percentile frame is "loud")
MIN_DIP_DB = 2.0  # between two nuclei the intensity falls at least this much
VOICE_REACH_FRAMES = 1
# nuclei per said word on the evaluation's tuning half: espeak 1.61 (1.40-1.69), Piper 1.17
# (1.05-1.26), all 1.46; used only until the answer's own transcript calibrates it
NUCLEI_PER_WORD = 1.46


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
    syllables: int = 0  # of the heard words, as written (`written_syllables`); 0: count words instead
    other_syllables: int = 0  # of what was heard there but is no word of the answer (fillers): in the nuclei too


_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
# two vowels written together but said apart: "bias", "ratio", "medium", "client", "video", "actual",
# "being", "idea" (not "special", "nation", "patient", "people", "quality")
_HIATUS = re.compile(
    r"(?<![cgqstx])i[ao]|iu|(?<![cstq])ie(?=nt|nce|ncy)|(?<!p)eo(?!u)|(?<![gq])u[ao]|[aeiou](?=ing$)|ea$"
)
# a last vowel that is not said: "make", "file" (not "simple"), "based" (not "created"), "names"
# (not "cases", "images", "matches", "examples"), "techniques"
_SILENT_ENDING = re.compile(
    r"[^aeiouyl]e$|(?<=[aeiouy])le$|[^aeioudt]ed$|[^aeiouycgsxzhl]es$|[aeiou]les$|[^cs]hes$|ques$"
)
# a silent e before a suffix or a second word: "management", "safety", "baseline", "lifecycle"
_SILENT_E_BEFORE = re.compile(
    r"(?<=[^aeiou][aeiouy][^aeiouy])e(ments?|ful|less|ly|ness|ty|lines?|times?|thing|works?|ways?|guards?|holders?|cycles?)$"
)


def written_syllables(word: str) -> int:
    """Syllables of a written word by its vowel groups, with the common English exceptions: a silent
    last e, -ed or -es ("score" 1, "based" 1, "names" 1), two vowels said apart ("ratio" 3, "bias" 2),
    a y before a vowel ("layer" 2); a hyphenated word is its parts ("t-test" 2); digits and acronyms
    as spoken letters or numbers are left to `per_digit`. Against the CMU dictionary, 1.8 % of the
    words of banks/ and README.md (counted as often as written) get another count; 8.1 % did by vowel
    groups and a silent final e alone."""
    if "-" in word.strip("-"):
        return sum(written_syllables(part) for part in word.split("-") if part)
    letters = re.sub(r"[^a-z]", "", word.lower())
    if not letters:
        return max(1, 2 * len(re.sub(r"[^0-9]", "", word)))  # a number: about two syllables a digit
    if word.isupper() and len(letters) <= 6:
        return len(letters) + letters.count("w") * 2  # an acronym said as letters: "PSI" 3, "W" 3
    letters = re.sub(r"y(?=[aeiou])", "j", letters)  # a y before a vowel is a consonant: "you", "layer"
    count = len(_VOWEL_GROUPS.findall(letters)) + len(_HIATUS.findall(letters))
    for silent in (_SILENT_ENDING, _SILENT_E_BEFORE):
        if count > 1 and silent.search(letters):
            count -= 1
    return max(1, count)


MIN_CALIBRATION_WORDS = 3  # phrases with fewer heard words do not calibrate nuclei per word
MISSING_SHARE = 0.5  # a phrase is short of words when the sound says half again as many as were heard
MIN_MISSING_WORDS = 3  # ... and at least this many: one or two words is the detector's own scatter


def missing_words(phrases: list[Phrase]) -> tuple[float, list[tuple[Phrase, float]]]:
    """Words the sound holds that the transcript lacks: (total, [(phrase, words missing there)]).

    Nuclei per written syllable of the heard words is calibrated on this answer's own well-heard
    phrases (median of their ratios), so the voice cancels out (espeak writes more nuclei than
    Piper) and long words do not look like missing ones; a phrase whose nuclei call for
    MISSING_SHARE more words than were heard, and at least MIN_MISSING_WORDS more, is where
    Whisper dropped speech ("Uh, OMOP." lost at an answer's start, a sentence skipped). Fillers
    sound too: their syllables are set against the nuclei, never counted as words ("..., right?
    Basically that ..." is no dropped speech).
    """
    calibrating = [p for p in phrases if p.words >= MIN_CALIBRATION_WORDS and p.nuclei]
    per_syllable = _median([p.nuclei / _sounded(p) for p in calibrating], NUCLEI_PER_WORD)
    syllables_per_word = sum(_syllables(p) for p in calibrating) / max(1, sum(p.words for p in calibrating))
    short: list[tuple[Phrase, float]] = []
    for phrase in phrases:
        gap = (phrase.nuclei / per_syllable - _sounded(phrase)) / max(syllables_per_word, 1.0)
        if gap >= MIN_MISSING_WORDS and gap >= MISSING_SHARE * max(phrase.words, 1):
            short.append((phrase, gap))
    return sum(gap for _, gap in short), short


def _syllables(phrase: Phrase) -> int:
    return phrase.syllables or phrase.words


def _sounded(phrase: Phrase) -> int:
    """All the syllables the phrase's nuclei stand for: its words' and its fillers'."""
    return _syllables(phrase) + phrase.other_syllables


def _median(values: list[float], default: float) -> float:
    return float(np.median(values)) if len(values) >= 2 else default


def words_per_minute_heard(nuclei: Nuclei, start_s: float, end_s: float, nuclei_per_word: float) -> float:
    """The speaking rate in `[start_s, end_s)` from the sound alone (the live pace)."""
    minutes = max(end_s - start_s, 1e-6) / 60
    return nuclei.count(start_s, end_s) / nuclei_per_word / minutes


LIVE_WINDOW_S = 15.0  # the live pace is the rate over the last this many seconds
LIVE_STEP_S = 1.0  # ... found anew every second
LIVE_OVERLAP_S = 0.5  # each step looks this far back, so no nucleus is split between two steps
MIN_CALIBRATING_WORDS = 20  # transcribed words before nuclei per word are taken from this answer


class LiveRate:
    """The speaking rate while the person speaks, from the sound: nuclei are found every second on
    the newest audio (no decoding), and turned into words with this answer's own nuclei per word
    once enough of it is transcribed (NUCLEI_PER_WORD before). Thread-safe: `feed` from the
    recorder's thread, `wpm` from the UI's."""

    def __init__(self, sample_rate: int = 16000) -> None:
        self.sample_rate = sample_rate
        self._lock = threading.Lock()
        self._pending: list[np.ndarray] = []
        self._tail = np.zeros(0, dtype=np.float32)  # the overlap kept from the last step
        self._seen_s = 0.0  # audio fed so far
        self._done_s = 0.0  # nuclei are known up to here
        self._times: list[float] = []

    def feed(self, block: np.ndarray) -> None:
        with self._lock:
            self._pending.append(np.asarray(block, dtype=np.float32).reshape(-1))
            self._seen_s += len(self._pending[-1]) / self.sample_rate

    def wpm(self, words_before: Callable[[float], int]) -> float | None:
        """Words a minute over the last LIVE_WINDOW_S; `words_before(t)` counts transcribed words
        that end before t (for the calibration). None until a few seconds were said."""
        self._step()
        with self._lock:
            times, now = np.asarray(self._times), self._done_s
        if now < 5.0 or times.size == 0:
            return None
        start = max(0.0, now - LIVE_WINDOW_S)
        per_word = NUCLEI_PER_WORD
        heard_to = float(times[-1])
        words = words_before(heard_to)
        if words >= MIN_CALIBRATING_WORDS:
            per_word = float(np.count_nonzero(times <= heard_to)) / words
        return float(np.count_nonzero(times >= start)) / per_word / ((now - start) / 60)

    def _step(self) -> None:
        with self._lock:
            if self._seen_s - self._done_s < LIVE_STEP_S:
                return
            audio = np.concatenate([self._tail, *self._pending])
            self._pending = []
            begin = self._done_s - len(self._tail) / self.sample_rate
        found = find_nuclei(audio, track_pitch(audio, self.sample_rate), self.sample_rate).times_s + begin
        end = begin + len(audio) / self.sample_rate
        with self._lock:
            self._times.extend(float(t) for t in found if self._done_s <= t < end - LIVE_OVERLAP_S)
            self._done_s = end - LIVE_OVERLAP_S
            self._tail = audio[-int(LIVE_OVERLAP_S * self.sample_rate) :]
