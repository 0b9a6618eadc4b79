"""Crash-safe WAV files: a writer whose header is valid after every flush, a reader, a repairer.

Recordings are 16-bit PCM mono. 16 bits is what every player and Whisper front end reads,
halves the disk use of float32, and its quantisation noise (-96 dBFS) is far below any
microphone's own noise floor. Samples map to integers as `round(x * 32768)`, clipped to the
int16 range, and back as `n / 32768`, so `quantize(x)` is exactly what `read_wav` returns.

A writer killed with SIGKILL leaves all bytes it wrote (they sit in the kernel's page cache)
but a header whose sizes are from its last flush; a power cut loses what was written since
the last fsync. `repair_wav` rewrites the sizes from the file's real length.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SAMPLE_RATE = 16000  # Hz
SAMPLE_WIDTH = 2  # bytes: 16-bit PCM
PCM_SCALE = 32768.0  # full scale of int16
HEADER_BYTES = 44  # RIFF + fmt (16 bytes) + data chunk header
FILE_MODE = 0o600  # recordings are private
_RIFF_SIZE_OFFSET = 4
_DATA_SIZE_OFFSET = 40
_WAVE_FORMAT_PCM = 1


@dataclass(frozen=True)
class WavLayout:
    """Where the samples of a WAV file are and how to read them."""

    sample_rate: int
    channels: int
    sample_width: int  # bytes per sample
    data_offset: int  # byte offset of the first sample
    data_bytes: int  # bytes of sample data actually present (never past the end of the file)
    declared_bytes: int  # what the header's data size says (stale after a crash)

    @property
    def frame_bytes(self) -> int:
        return self.channels * self.sample_width

    @property
    def frames(self) -> int:
        return self.data_bytes // self.frame_bytes


def to_pcm16(samples: np.ndarray) -> np.ndarray:
    """Float samples in [-1, 1] as little-endian int16 (clipped)."""
    scaled = np.round(np.asarray(samples, dtype=np.float64) * PCM_SCALE)
    return np.clip(scaled, -32768, 32767).astype("<i2")


def from_pcm16(raw: bytes | np.ndarray) -> np.ndarray:
    """Little-endian int16 bytes (or array) as float32 in [-1, 1)."""
    ints = np.frombuffer(raw, dtype="<i2") if isinstance(raw, (bytes, bytearray, memoryview)) else raw
    return (ints.astype(np.float32) / np.float32(PCM_SCALE)).astype(np.float32)


def quantize(samples: np.ndarray) -> np.ndarray:
    """What `samples` become after a round trip through a 16-bit WAV file."""
    return from_pcm16(to_pcm16(samples))


def wav_header(sample_rate: int, data_bytes: int, channels: int = 1) -> bytes:
    """A canonical 44-byte PCM16 WAV header for `data_bytes` of samples."""
    byte_rate = sample_rate * channels * SAMPLE_WIDTH
    fmt = struct.pack("<HHIIHH", _WAVE_FORMAT_PCM, channels, sample_rate, byte_rate, channels * SAMPLE_WIDTH, 16)
    return (
        b"RIFF"
        + struct.pack("<I", 36 + data_bytes)
        + b"WAVE"
        + b"fmt "
        + struct.pack("<I", len(fmt))
        + fmt
        + b"data"
        + struct.pack("<I", data_bytes)
    )


class GrowingWav:
    """A 16-bit mono WAV that grows as blocks arrive and is valid on disk after each `flush`.

    Writes go straight to the file descriptor (no user-space buffer), so a killed process
    loses nothing it appended; `flush` rewrites the header sizes and fsyncs.
    """

    def __init__(self, path: Path, sample_rate: int = SAMPLE_RATE) -> None:
        self.path = Path(path)
        self.sample_rate = sample_rate
        self.data_bytes = 0
        self._fd: int | None = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        os.fchmod(self._fd, FILE_MODE)
        self._write_all(wav_header(sample_rate, 0))

    @property
    def frames(self) -> int:
        return self.data_bytes // SAMPLE_WIDTH

    @property
    def seconds(self) -> float:
        return self.frames / self.sample_rate

    @property
    def closed(self) -> bool:
        return self._fd is None

    def append(self, block: np.ndarray) -> None:
        """Write float samples (any shape; mono expected) at the end of the file.

        Raises:
            OSError: e.g. ENOSPC; `data_bytes` then counts exactly what reached the file.
        """
        data = to_pcm16(np.ravel(block)).tobytes()
        try:
            written = self._write_all(data)
        except OSError as e:
            self.data_bytes += getattr(e, "bytes_written", 0)
            raise
        self.data_bytes += written

    def flush(self) -> None:
        """Make the header describe every whole frame written, then fsync."""
        fd = self._require_open()
        whole = self.data_bytes - self.data_bytes % SAMPLE_WIDTH
        if whole != self.data_bytes:  # a write cut short mid-sample (disk full): drop the half
            os.ftruncate(fd, HEADER_BYTES + whole)
            self.data_bytes = whole
        os.pwrite(fd, struct.pack("<I", 36 + whole), _RIFF_SIZE_OFFSET)
        os.pwrite(fd, struct.pack("<I", whole), _DATA_SIZE_OFFSET)
        os.fsync(fd)

    def close(self) -> None:
        """Flush and close; closing twice is harmless."""
        if self._fd is None:
            return
        try:
            self.flush()
        finally:
            fd, self._fd = self._fd, None
            os.close(fd)

    def _write_all(self, data: bytes) -> int:
        """Write `data`, returning the bytes written; an OSError part-way still counts them."""
        fd = self._require_open()
        view = memoryview(data)
        written = 0
        while written < len(view):
            try:
                written += os.write(fd, view[written:])
            except OSError as e:
                e.bytes_written = written  # type: ignore[attr-defined]
                raise
        return written

    def _require_open(self) -> int:
        if self._fd is None:
            raise ValueError(f"{self.path}: the WAV file is closed")
        return self._fd


def parse_wav_layout(head: bytes, file_size: int) -> WavLayout:
    """Find the fmt and data chunks in the first bytes of a WAV file.

    Tolerates the stale or bogus data sizes that crashed writers (and streaming writers
    such as ALSA's file plugin) leave behind: the data runs to the end of the file.

    Raises:
        ValueError: not a PCM WAV file.
    """
    if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        raise ValueError("not a RIFF/WAVE file")
    position, fmt = 12, None
    while position + 8 <= len(head):
        chunk_id, size = head[position : position + 4], struct.unpack_from("<I", head, position + 4)[0]
        body = position + 8
        if chunk_id == b"fmt ":
            fmt = struct.unpack_from("<HHIIHH", head, body)
        elif chunk_id == b"data":
            if fmt is None:
                raise ValueError("data chunk before fmt chunk")
            audio_format, channels, rate, _, _, bits = fmt
            if audio_format != _WAVE_FORMAT_PCM or bits != 16:
                raise ValueError(f"only 16-bit PCM WAV is supported (format {audio_format}, {bits} bits)")
            present = max(0, file_size - body)
            return WavLayout(rate, channels, bits // 8, body, min(size, present), size)
        position = body + size + (size & 1)
    raise ValueError("no data chunk in the WAV header")


def read_layout(path: Path) -> WavLayout:
    with open(path, "rb") as f:
        head = f.read(4096)
        return parse_wav_layout(head, os.fstat(f.fileno()).st_size)


def read_pcm16(path: Path) -> tuple[np.ndarray, int]:
    """The samples of a 16-bit PCM WAV (first channel) as int16, and its sample rate."""
    layout = read_layout(path)
    with open(path, "rb") as f:
        f.seek(layout.data_offset)
        raw = f.read(layout.frames * layout.frame_bytes)
    ints = np.frombuffer(raw, dtype="<i2")
    return ints[:: layout.channels].copy(), layout.sample_rate


def read_wav(path: Path) -> np.ndarray:
    """A 16 kHz mono recording as float32 samples.

    Raises:
        ValueError: the file is not a 16-bit PCM WAV at 16 kHz.
    """
    ints, rate = read_pcm16(path)
    if rate != SAMPLE_RATE:
        raise ValueError(f"{path}: sample rate {rate} Hz, expected {SAMPLE_RATE}")
    return from_pcm16(ints)


def repair_wav(path: Path, sample_rate: int = SAMPLE_RATE) -> float:
    """Fix the header of a WAV whose writer died; returns the seconds of audio it holds.

    Drops a partial last frame. A file cut off inside its header becomes an empty WAV at
    `sample_rate` (its samples were never written).
    """
    path = Path(path)
    size = path.stat().st_size
    with open(path, "r+b") as f:
        head = f.read(4096)
        try:
            layout = parse_wav_layout(head, size)
        except (ValueError, struct.error):
            if size > HEADER_BYTES:
                raise
            f.seek(0)
            f.write(wav_header(sample_rate, 0))
            f.truncate(HEADER_BYTES)
            f.flush()
            os.fsync(f.fileno())
            return 0.0
        present = size - layout.data_offset  # the header's size is stale: trust the file's length
        whole = present - present % layout.frame_bytes
        f.truncate(layout.data_offset + whole)
        f.seek(_RIFF_SIZE_OFFSET)
        f.write(struct.pack("<I", layout.data_offset - 8 + whole))
        f.seek(layout.data_offset - 4)
        f.write(struct.pack("<I", whole))
        f.flush()
        os.fsync(f.fileno())
    return whole // layout.frame_bytes / layout.sample_rate
