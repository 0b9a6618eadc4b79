"""Where the recording holds sound: a short-frame energy detector, numpy only.

The threshold adapts to the recording (its noise floor and its loud parts) so a
quiet room and a noisy one both work; absolute floors keep digital silence silent.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

FRAME_S = 0.02  # seconds per analysis frame
ABS_FLOOR_RMS = 0.003  # about -50 dBFS: quieter frames are silence whatever the recording
SPEECH_SHARE = 0.1  # a frame is voiced above this share of the loud (95th percentile) level
NOISE_MARGIN = 3.0  # ...and above this multiple of the noise floor (10th percentile)
LOUD_CAP = 0.5


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
