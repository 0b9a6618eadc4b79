"""The voice's fundamental frequency (F0) every 10 ms: a YIN tracker vectorised with FFTs, numpy only.

YIN (de Cheveigné & Kawahara 2002): the cumulative mean normalised difference of each frame
with itself shifted by a lag; the first lag whose difference dips under a threshold is the
period. Taking the *first* dip, not the deepest, keeps it off the sub-octave (a period twice
too long); parabolic interpolation places the period between samples.

Speed: the signal is first brought down to 8 kHz (F0 and its first harmonics stay). Each
frame is three 10 ms blocks, so the lag products are computed once per block, with one FFT
per block (the shift theorem builds the following 20 ms from the next blocks' spectra), and
summed over the frame's three blocks; frames too quiet to hold a voice skip the YIN step.
A 177 s espeak answer takes about 100 ms on the shared 2-core build machine, 60 ms of it the two
FFTs per block: the floor of this method at 8 kHz, 10 ms and 60 Hz in numpy (4 kHz halves it but
puts 3-8 % of voiced frames an octave off instead of 1-2 %), so the 40 ms aimed at was not reached.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np

from interviewer.domain.audiofile import quantize

WORK_RATE = 8000  # Hz: the tracker's internal sample rate
HOP_S = 0.01  # seconds between frames, and one block
BLOCKS_PER_FRAME = 3  # a frame sums 30 ms: nearly two periods of the lowest voice
F0_MIN_HZ = 60.0
F0_MAX_HZ = 400.0
DIP_THRESHOLD = 0.15  # YIN's absolute threshold on the normalised difference
VOICED_PERIODICITY = 0.6  # a frame is voiced when its normalised autocorrelation peak reaches this
MIN_VOICED_FRAMES = 3  # shorter voiced runs are onsets and clicks, not a vowel (30 ms)
QUIET_SHARE = 0.03  # frames below this share of the loud (95th percentile) frame RMS are unvoiced (-30 dB)
SILENT_RMS = 1e-4  # about -80 dBFS: digital silence
CHUNK_FRAMES = 500  # frames tracked at once (5 s)
HOP = int(round(HOP_S * WORK_RATE))  # samples per block at WORK_RATE
PART_EXTRA_BLOCKS = BLOCKS_PER_FRAME + 1  # blocks a run of frames reads beyond its own: its last frames' lags
LAG_MIN, LAG_MAX = int(WORK_RATE / F0_MAX_HZ), int(np.ceil(WORK_RATE / F0_MIN_HZ)) + 1
INPUT_STEP = 2  # the recording's samples per work-rate sample (16 kHz)


@dataclass(frozen=True)
class PitchTrack:
    frame_s: float  # seconds between frames; frame k is centred at (k + 0.5) * frame_s
    f0_hz: np.ndarray  # per frame; 0 where unvoiced
    voiced: np.ndarray  # bool per frame
    periodicity: np.ndarray  # 0..1 per frame: the normalised autocorrelation at the chosen period

    def voiced_f0(self) -> np.ndarray:
        return self.f0_hz[self.voiced]


@dataclass(frozen=True)
class RawTrack:
    """A recording's frames before any answer's loudness gate and voicing rule (`finished_track`):
    each frame's RMS, and F0 and periodicity where YIN ran on it (0 elsewhere)."""

    rms: np.ndarray
    f0_hz: np.ndarray
    periodicity: np.ndarray


def track_pitch(audio: np.ndarray, sample_rate: int = 16000) -> PitchTrack:
    """F0 of `audio` (mono float) every `HOP_S` seconds; 0 and unvoiced where no periodic voice is heard."""
    return finished_track(raw_track(audio, sample_rate))


def raw_track(audio: np.ndarray, sample_rate: int = 16000, frames: slice = slice(None)) -> RawTrack:
    """The frames of `audio`, YIN run on those of `frames` that `finished_track(..., frames)` will hear."""
    blocks, count = _blocks(to_work_rate(np.asarray(audio, dtype=np.float32).reshape(-1), sample_rate))
    rms = _frame_rms(blocks, count)
    wanted = np.zeros(count, dtype=bool)
    wanted[frames] = _audible(rms[frames])
    f0, periodicity = _track_frames(blocks, wanted)
    return RawTrack(rms, f0, periodicity)


def finished_track(raw: RawTrack, frames: slice = slice(None)) -> PitchTrack:
    """The pitch track of `frames`: frames quieter than `QUIET_SHARE` of their loud ones are unvoiced,
    and so are voiced runs shorter than `MIN_VOICED_FRAMES`."""
    audible = _audible(raw.rms[frames])
    periodicity = np.where(audible, raw.periodicity[frames], 0.0).astype(np.float32)
    voiced = _without_short_runs(periodicity >= VOICED_PERIODICITY, MIN_VOICED_FRAMES)
    return PitchTrack(HOP_S, np.where(voiced, raw.f0_hz[frames], 0.0).astype(np.float32), voiced, periodicity)


def _audible(rms: np.ndarray) -> np.ndarray:
    if rms.size == 0:
        return np.zeros(0, dtype=bool)
    return rms > max(SILENT_RMS, QUIET_SHARE * float(np.percentile(rms, 95)))


def _blocks(x: np.ndarray) -> tuple[np.ndarray, int]:
    """`x` (at WORK_RATE) in HOP blocks, one silent block in front (frame k, blocks k-1..k+1 of `x`,
    is centred on block k) and enough silence behind for the last frame's lags; and the frame count."""
    count = int(np.ceil(len(x) / HOP))
    padded = np.zeros((count + PART_EXTRA_BLOCKS) * HOP, dtype=np.float32)
    padded[HOP : HOP + len(x)] = x
    return padded.reshape(-1, HOP), count


def _frame_rms(blocks: np.ndarray, count: int) -> np.ndarray:
    """RMS of frames 0..count-1, frame k summing blocks k..k+2."""
    block_energy = np.einsum("ij,ij->i", blocks, blocks, dtype=np.float64)
    frame_energy = block_energy[:count] + block_energy[1 : count + 1] + block_energy[2 : count + 2]
    return np.sqrt(frame_energy / (BLOCKS_PER_FRAME * HOP))


def _track_frames(blocks: np.ndarray, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """F0 and periodicity of every `wanted` frame (frame k reads blocks k..k+4); 0 for the others.

    Done `CHUNK_FRAMES` at a time: the intermediate arrays then stay in the processor's cache, which
    made it ~1.5x faster than one pass over a 3-minute answer on the build machine.
    """
    f0 = np.zeros(len(wanted), dtype=np.float32)
    periodicity = np.zeros(len(wanted), dtype=np.float32)
    for first in range(0, len(wanted), CHUNK_FRAMES):
        end = min(len(wanted), first + CHUNK_FRAMES)
        part = blocks[first : end + PART_EXTRA_BLOCKS]
        f0[first:end], periodicity[first:end] = _track_part(part, wanted[first:end])
    return f0, periodicity


def _track_part(part: np.ndarray, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """F0 and periodicity of the frames of `part` (its blocks; PART_EXTRA_BLOCKS more than frames)."""
    f0 = np.zeros(len(wanted), dtype=np.float32)
    periodicity = np.zeros(len(wanted), dtype=np.float32)
    chosen = np.flatnonzero(wanted)
    if chosen.size:
        cross = _frame_lag_products(part, LAG_MAX)
        energy_lag = _lagged_energy(part.reshape(-1), HOP, LAG_MAX)
        f0[chosen], periodicity[chosen] = _yin(cross[chosen], energy_lag[chosen], LAG_MIN)
    return f0, periodicity


class PitchFollower:
    """The raw track of a recording while it is made: each `CHUNK_FRAMES` of frames is tracked as soon
    as its audio is in, so at stop only the last few seconds are left to do. Samples are taken as the
    16-bit WAV keeps them, so `raw_track_of` the recording read back is exactly `raw_track` of it
    (YIN on every frame above `SILENT_RMS`: the answer's own gate is applied in `finished_track`).
    `feed` from one thread (the recorder's listener), `raw_track_of` from another."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._work = np.zeros(HOP, dtype=np.float32)  # at WORK_RATE from the first frame not tracked, block-aligned
        self._odd = np.zeros(0, dtype=np.float32)  # a last input sample without its pair
        self._fed = 0  # input samples
        self._energy = 0.0  # of the input, to check it against the recording read back
        self._parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []  # (rms, f0, periodicity) per run of frames
        self._raw: RawTrack | None = None  # once made, of `_fed` samples
        self._fed_is_the_recording = False  # what was fed began the recording read back, and the rest was added

    def feed(self, block: np.ndarray) -> None:
        with self._lock:
            if self._raw is None:
                self._take(quantize(np.asarray(block, dtype=np.float32).reshape(-1)))
                self._track_whole_parts()

    @property
    def tracked_s(self) -> float:
        """Seconds of the recording whose frames are tracked."""
        with self._lock:
            return sum(len(rms) for rms, _, _ in self._parts) * HOP_S

    def raw_track_of(self, audio: np.ndarray) -> RawTrack:
        """`raw_track(audio)` for the recording as read back: what was fed, with the rest of `audio`
        (blocks the listener had not had yet). If what was fed is not `audio`'s start, all of it anew."""
        audio = np.asarray(audio, dtype=np.float32).reshape(-1)
        with self._lock:
            if self._raw is None:
                if self._is_start_of(audio):
                    self._take(audio[self._fed :])
                    self._fed_is_the_recording = True
                self._track_whole_parts()
                self._raw = self._finished()
            if not self._fed_is_the_recording or len(audio) != self._fed:
                return raw_track(audio, WORK_RATE * INPUT_STEP)
            return self._raw

    def _is_start_of(self, audio: np.ndarray) -> bool:
        fed = audio[: self._fed]
        return len(fed) == self._fed and bool(np.isclose(_energy(fed), self._energy, rtol=1e-9, atol=1e-9))

    def _take(self, x: np.ndarray) -> None:
        """Add input samples; the state changes only once all of it is worked out (a failed block leaves
        the follower as it was, and the recording read back then no longer matches: tracked anew)."""
        joined = np.concatenate((self._odd, x)) if self._odd.size else x
        pairs = len(joined) // INPUT_STEP
        work = np.concatenate((self._work, to_work_rate(joined[: pairs * INPUT_STEP], WORK_RATE * INPUT_STEP)))
        energy = self._energy + _energy(x)
        self._work, self._odd = work, joined[pairs * INPUT_STEP :].copy()
        self._fed, self._energy = self._fed + len(x), energy

    def _track_whole_parts(self) -> None:
        size = (CHUNK_FRAMES + PART_EXTRA_BLOCKS) * HOP
        while len(self._work) >= size:
            self._add(self._work[:size].reshape(-1, HOP), CHUNK_FRAMES)
            self._work = self._work[CHUNK_FRAMES * HOP :]

    def _finished(self) -> RawTrack:
        """Track the frames left, as `raw_track` does its last part."""
        count = int(np.ceil((len(self._work) - HOP) / HOP))  # frames left: the work starts a block early
        work = np.zeros((count + PART_EXTRA_BLOCKS) * HOP, dtype=np.float32)
        work[: len(self._work)] = self._work
        blocks = work.reshape(-1, HOP)
        for first in range(0, count, CHUNK_FRAMES):
            end = min(count, first + CHUNK_FRAMES)
            self._add(blocks[first : end + PART_EXTRA_BLOCKS], end - first)
        parts = self._parts or [(np.zeros(0), np.zeros(0, np.float32), np.zeros(0, np.float32))]
        return RawTrack(*(np.concatenate(column) for column in zip(*parts, strict=True)))

    def _add(self, part: np.ndarray, frames: int) -> None:
        rms = _frame_rms(part, frames)
        f0, periodicity = _track_part(part, rms > SILENT_RMS)
        self._parts.append((rms, f0, periodicity))


def _energy(x: np.ndarray) -> float:
    return float(np.einsum("i,i->", x, x, dtype=np.float64))


def to_work_rate(x: np.ndarray, sample_rate: int) -> np.ndarray:
    """`x` at `WORK_RATE`: averaged over each output sample's span (the anti-alias filter), then decimated."""
    if sample_rate == WORK_RATE or x.size == 0:
        return x
    step = sample_rate / WORK_RATE
    if step.is_integer():
        q, n = int(step), len(x) // int(step)
        y = x[0 : n * q : q].astype(np.float32)  # a copy
        for i in range(1, q):
            y += x[i : n * q : q]
        y *= 1.0 / q
        return y
    box = max(1, int(round(step)))
    csum = np.concatenate(([0.0], np.cumsum(x, dtype=np.float64)))
    smooth = (csum[box:] - csum[:-box]) / box
    return np.interp(np.arange(0.0, len(smooth) - 1, step), np.arange(len(smooth)), smooth).astype(np.float32)


def _without_short_runs(mask: np.ndarray, min_length: int) -> np.ndarray:
    """`mask` with its runs of True shorter than `min_length` frames set to False."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], mask.astype(np.int8), [0]))))
    starts, ends = edges[::2], edges[1::2]
    keep = np.zeros(len(mask) + 1, dtype=np.int32)
    long = ends - starts >= min_length
    np.add.at(keep, starts[long], 1)
    np.add.at(keep, ends[long], -1)
    return np.cumsum(keep[:-1]) > 0


def _frame_lag_products(blocks: np.ndarray, lag_max: int) -> np.ndarray:
    """Per frame (three blocks from block k) and lag 0..lag_max: the sum of x[j] * x[j + lag] over the frame."""
    hop = blocks.shape[1]
    size = 1 << int(np.ceil(np.log2(hop + lag_max + 1)))  # a block and the largest lag, without wrapping
    spectra = np.fft.rfft(blocks, size)
    bins = np.arange(spectra.shape[1])
    shift = np.exp(-2j * np.pi * bins * hop / size).astype(np.complex64)  # one block later
    following = spectra[:-2] + shift * (spectra[1:-1] + shift * spectra[2:])  # blocks k..k+2, in place
    per_block = np.fft.irfft(np.conj(spectra[:-2]) * following, size)[:, : lag_max + 1]
    return per_block[:-2] + per_block[1:-1] + per_block[2:]


def _lagged_energy(x: np.ndarray, hop: int, lag_max: int) -> np.ndarray:
    """Per frame (starting every `hop` samples of `x`) and lag 0..lag_max: the sum of x[j + lag]^2 over the frame."""
    width = BLOCKS_PER_FRAME * hop
    csum = np.concatenate(([0.0], np.cumsum(x * x, dtype=np.float64)))
    energy = (csum[width:] - csum[:-width]).astype(np.float32)  # energy[n]: samples n .. n + width - 1
    frames = (len(x) // hop) - BLOCKS_PER_FRAME - 1
    return np.lib.stride_tricks.sliding_window_view(energy, lag_max + 1)[::hop][:frames]


def _yin(cross: np.ndarray, energy_lag: np.ndarray, lag_min: int) -> tuple[np.ndarray, np.ndarray]:
    """F0 and periodicity of each frame from its lag products and shifted energies."""
    energy_0 = energy_lag[:, :1]
    difference = cross * -2.0
    difference += energy_lag
    difference += energy_0
    cmnd = _cumulative_mean_normalised(difference)
    lag = _first_dip(cmnd, lag_min)
    rows = np.arange(len(lag))
    peak = cross[rows, lag] / np.sqrt(energy_0[:, 0] * energy_lag[rows, lag] + 1e-12)
    return WORK_RATE / _refined(cmnd, lag), np.clip(peak, 0.0, 1.0)


def _cumulative_mean_normalised(difference: np.ndarray) -> np.ndarray:
    """YIN's d'(lag) = d(lag) / mean(d(1..lag)); d'(0) = 1."""
    np.maximum(difference, 0.0, out=difference)
    running = np.cumsum(difference[:, 1:], axis=1)
    np.maximum(running, 1e-12, out=running)
    cmnd = difference  # normalised in place
    cmnd[:, 1:] *= np.arange(1, difference.shape[1], dtype=np.float32)
    cmnd[:, 1:] /= running
    cmnd[:, 0] = 1.0
    return cmnd


def _first_dip(cmnd: np.ndarray, lag_min: int) -> np.ndarray:
    """Per frame: the local minimum that follows the first lag under the threshold, else the global minimum."""
    body = cmnd[:, lag_min:-1]
    below = body < DIP_THRESHOLD
    first = np.argmax(below, axis=1)
    dipped = below[np.arange(len(first)), first]
    climbing = body[:, 1:] >= body[:, :-1]
    climbing &= np.arange(body.shape[1] - 1)[None, :] >= first[:, None]
    bottom = np.argmax(climbing, axis=1)
    bottom = np.where(climbing[np.arange(len(first)), bottom], bottom, first)
    lag = np.where(dipped, bottom, 0)
    if not dipped.all():
        lag[~dipped] = np.argmin(body[~dipped], axis=1)
    return lag_min + lag


def _refined(cmnd: np.ndarray, lag: np.ndarray) -> np.ndarray:
    """The lag moved to the vertex of the parabola through it and its neighbours."""
    rows = np.arange(len(lag))
    left, mid, right = cmnd[rows, lag - 1], cmnd[rows, lag], cmnd[rows, lag + 1]
    curve = left - 2 * mid + right
    safe = np.where(curve > 1e-9, curve, 1.0)
    return lag + np.where(curve > 1e-9, np.clip(0.5 * (left - right) / safe, -0.5, 0.5), 0.0)
