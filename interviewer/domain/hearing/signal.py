"""Where the recording holds sound: one short-frame energy measure (frame RMS), numpy only, and the
two ways every step decides on it.

`levels()` looks at a whole recording: its threshold adapts to the recording's noise floor and
loud parts, so a quiet room and a noisy one both work; absolute floors keep digital silence
silent. `EnergyVad` decides frame by frame while the person speaks (the chunker): nothing after
the frame is known yet, so its floor follows the quietest frames and rises slowly.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from interviewer.domain.ports import SAMPLE_RATE

FRAME_S = 0.02  # seconds per analysis frame
ABS_FLOOR_RMS = 0.003  # about -50 dBFS: quieter frames are silence whatever the recording
SPEECH_SHARE = 0.1  # a frame is voiced above this share of the loud (95th percentile) level
NOISE_MARGIN = 3.0  # ...and above this multiple of the noise floor (10th percentile)
LOUD_CAP = 0.5
VAD_FRAME_S = 0.03  # seconds per voice-activity frame
FRAME = int(SAMPLE_RATE * VAD_FRAME_S)  # samples per VAD frame (480)
SILENT_DB = -100.0  # the level given to digital silence (dBFS)


@dataclass(frozen=True)
class Levels:
    frame_s: float
    rms: np.ndarray  # per frame
    voiced: np.ndarray  # bool per frame
    threshold: float


def frame_rms(audio: np.ndarray, sample_rate: int, frame_s: float = FRAME_S) -> np.ndarray:
    hop = max(1, int(round(frame_s * sample_rate)))
    count = len(audio) // hop
    if count == 0:
        return np.zeros(0, dtype=np.float32)
    frames = np.asarray(audio[: count * hop], dtype=np.float32).reshape(count, hop)
    return np.sqrt(np.mean(frames * frames, axis=1))


def levels(audio: np.ndarray, sample_rate: int = 16000, frame_s: float = FRAME_S) -> Levels:
    rms = frame_rms(audio, sample_rate, frame_s)
    if rms.size == 0:
        return Levels(frame_s, rms, np.zeros(0, dtype=bool), ABS_FLOOR_RMS)
    loud = float(np.percentile(rms, 95))
    noise = float(np.percentile(rms, 10))
    # the noise floor never lifts the threshold above half the loud level (speech with hardly a gap)
    threshold = max(ABS_FLOOR_RMS, SPEECH_SHARE * loud, min(NOISE_MARGIN * noise, LOUD_CAP * loud))
    return Levels(frame_s, rms, rms > threshold, threshold)


def runs(mask: np.ndarray, value: bool = True) -> list[tuple[int, int]]:
    """`[start, end)` frame index pairs of the runs where `mask == value`."""
    if mask.size == 0:
        return []
    padded = np.concatenate(([False], mask == value, [False])).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def bridged(runs_: list[tuple[int, int]], gap: int) -> list[tuple[int, int]]:
    """`runs_` with those fewer than `gap` frames apart joined (the short silences between words)."""
    joined: list[tuple[int, int]] = []
    for x, y in runs_:
        if joined and x - joined[-1][1] < gap:
            joined[-1] = (joined[-1][0], y)
        else:
            joined.append((x, y))
    return joined


def phrases(lv: Levels, start_s: float, end_s: float, gap_s: float) -> list[tuple[float, float]]:
    """Stretches of sound between `start_s` and `end_s` separated by silences of `gap_s` or more."""
    a, b = _frames(lv, start_s, end_s)
    found = bridged(runs(lv.voiced[a:b]), max(1, int(gap_s / lv.frame_s)))
    return [((a + x) * lv.frame_s, (a + y) * lv.frame_s) for x, y in found]


def voiced_seconds(lv: Levels, start_s: float, end_s: float) -> float:
    a, b = _frames(lv, start_s, end_s)
    return float(np.count_nonzero(lv.voiced[a:b])) * lv.frame_s


def silent_runs(lv: Levels, start_s: float, end_s: float, min_s: float) -> list[tuple[float, float]]:
    """Silences of at least `min_s` seconds between `start_s` and `end_s`, in seconds."""
    a, b = _frames(lv, start_s, end_s)
    found = []
    for x, y in runs(lv.voiced[a:b], value=False):
        if (y - x) * lv.frame_s >= min_s:
            found.append(((a + x) * lv.frame_s, (a + y) * lv.frame_s))
    return found


def first_voiced(lv: Levels, start_s: float, end_s: float) -> float | None:
    a, b = _frames(lv, start_s, end_s)
    hits = np.flatnonzero(lv.voiced[a:b])
    return (a + int(hits[0])) * lv.frame_s if hits.size else None


def last_voiced(lv: Levels, start_s: float, end_s: float) -> float | None:
    a, b = _frames(lv, start_s, end_s)
    hits = np.flatnonzero(lv.voiced[a:b])
    return (a + int(hits[-1]) + 1) * lv.frame_s if hits.size else None


def _frames(lv: Levels, start_s: float, end_s: float) -> tuple[int, int]:
    n = lv.voiced.size
    a = min(n, max(0, int(np.floor(start_s / lv.frame_s))))
    b = min(n, max(a, int(np.ceil(end_s / lv.frame_s))))
    return a, b


@dataclass(frozen=True)
class VadOptions:
    """When a frame counts as speech.

    A frame is speech when its level (dBFS) is `margin_db` above the noise floor and above
    `min_level_db`. The floor follows the quietest frames at once and rises at most
    `floor_rise_db_per_s` while someone talks, so a fan switched on is learnt in seconds.
    """

    margin_db: float = 6.0
    min_level_db: float = -50.0
    floor_rise_db_per_s: float = 3.0


def frame_levels_db(audio: np.ndarray, frame_s: float = VAD_FRAME_S) -> np.ndarray:
    """Level (dBFS) of each whole frame of `audio` (16 kHz); a partial last frame is ignored."""
    rms = frame_rms(np.asarray(audio, dtype=np.float64), SAMPLE_RATE, frame_s)
    return np.maximum(20.0 * np.log10(rms + 1e-6), SILENT_DB)


class EnergyVad:
    """Frame-by-frame speech decision with an adaptive noise floor."""

    def __init__(self, options: VadOptions = VadOptions()) -> None:
        self.options = options
        self.floor_db: float | None = None
        self._rise = options.floor_rise_db_per_s * VAD_FRAME_S

    def is_speech(self, level_db: float) -> bool:
        if self.floor_db is None or level_db < self.floor_db:
            self.floor_db = level_db
        else:
            self.floor_db = min(level_db, self.floor_db + self._rise)
        threshold = max(self.floor_db + self.options.margin_db, self.options.min_level_db)
        return level_db > threshold
