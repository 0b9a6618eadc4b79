"""GrowingWav, read_wav and repair_wav on real files (no devices)."""

import errno
import os
import stat
import wave

import numpy as np
import pytest

from interviewer.domain import audiofile
from interviewer.domain.audiofile import GrowingWav, quantize, read_pcm16, read_wav, repair_wav, wav_header


def tone(seconds: float, freq: float = 440.0) -> np.ndarray:
    t = np.arange(int(seconds * 16000)) / 16000
    return (0.5 * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def stdlib_frames(path) -> tuple[int, int]:
    """What Python's own `wave` module believes: (frames, rate). It trusts the header."""
    with wave.open(str(path), "rb") as w:
        return w.getnframes(), w.getframerate()


def test_header_is_valid_after_every_flush(tmp_path):
    path = tmp_path / "a.wav"
    wav = GrowingWav(path)
    assert stdlib_frames(path) == (0, 16000)
    total = 0
    for n in (1600, 3, 800, 16000):
        wav.append(tone(n / 16000))
        total += n
        wav.flush()
        assert stdlib_frames(path) == (total, 16000)
        assert path.stat().st_size == 44 + 2 * total
    wav.close()
    wav.close()  # idempotent
    assert stdlib_frames(path) == (total, 16000)


def test_round_trip_equals_declared_quantisation(tmp_path):
    samples = np.concatenate([tone(0.3), np.array([1.0, -1.0, 1.5, -1.5, 0.0, 1e-6], np.float32)])
    path = tmp_path / "q.wav"
    wav = GrowingWav(path)
    wav.append(samples)
    wav.close()
    back = read_wav(path)
    assert back.dtype == np.float32
    assert np.array_equal(back, quantize(samples))
    assert np.max(np.abs(back[:-6] - samples[:-6])) <= 0.5 / 32768 + 1e-9
    assert back[-6:].tolist() == [32767 / 32768, -1.0, 32767 / 32768, -1.0, 0.0, 0.0]


def test_files_are_private(tmp_path):
    old = os.umask(0)
    try:
        path = tmp_path / "p.wav"
        GrowingWav(path).close()
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_existing_file_is_made_private_and_truncated(tmp_path):
    path = tmp_path / "old.wav"
    path.write_bytes(b"x" * 1000)
    path.chmod(0o644)
    GrowingWav(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.stat().st_size == 44


def crashed_writer(path, flushed: np.ndarray, unflushed: np.ndarray, extra_bytes: bytes = b"") -> None:
    """What a SIGKILLed writer leaves: all bytes written, header sizes from the last flush."""
    wav = GrowingWav(path)
    wav.append(flushed)
    wav.flush()
    wav.append(unflushed)
    fd = wav._fd
    os.write(fd, extra_bytes)
    os.close(fd)  # no close(): the header is never brought up to date


def test_repair_recovers_everything_written_after_the_last_flush(tmp_path):
    path = tmp_path / "crash.wav"
    first, second = tone(1.0), tone(0.7, 220)
    crashed_writer(path, first, second, extra_bytes=b"\x01")  # plus half a sample
    assert stdlib_frames(path)[0] == 16000  # stale
    seconds = repair_wav(path)
    assert seconds == pytest.approx(1.7)
    assert stdlib_frames(path) == (27200, 16000)
    assert np.array_equal(read_wav(path), quantize(np.concatenate([first, second])))
    assert repair_wav(path) == pytest.approx(1.7)  # repairing twice changes nothing


def test_repair_of_a_file_killed_before_its_first_flush(tmp_path):
    path = tmp_path / "early.wav"
    crashed_writer(path, tone(0)[:0], tone(0.25))
    assert repair_wav(path) == pytest.approx(0.25)


def test_repair_of_a_file_cut_inside_its_header(tmp_path):
    path = tmp_path / "cut.wav"
    path.write_bytes(wav_header(16000, 0)[:20])
    assert repair_wav(path) == 0.0
    assert stdlib_frames(path) == (0, 16000)


def test_repair_refuses_a_file_that_is_not_a_wav(tmp_path):
    path = tmp_path / "text.wav"
    path.write_bytes(b"this is not audio at all " * 10)
    with pytest.raises(ValueError):
        repair_wav(path)


def test_read_tolerates_a_bogus_huge_data_size(tmp_path):
    path = tmp_path / "stream.wav"
    data = audiofile.to_pcm16(tone(0.1)).tobytes()
    path.write_bytes(wav_header(16000, 0x7FFFFFF0) + data)
    ints, rate = read_pcm16(path)
    assert rate == 16000 and len(ints) == 1600


def test_read_wav_refuses_another_sample_rate(tmp_path):
    path = tmp_path / "cd.wav"
    path.write_bytes(wav_header(22050, 4) + b"\0\0\0\0")
    with pytest.raises(ValueError, match="22050"):
        read_wav(path)


def test_disk_full_keeps_whole_frames_and_a_valid_header(tmp_path, monkeypatch):
    """ENOSPC half-way through a write (the recorder test does this on a real tmpfs too)."""
    path = tmp_path / "full.wav"
    wav = GrowingWav(path)
    wav.append(tone(0.5))
    real_write = os.write

    room = [101]  # bytes left on the "disk": 50.5 samples

    def write_until_full(fd, data):
        if room[0] == 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        taken, room[0] = min(room[0], len(data)), room[0] - min(room[0], len(data))
        return real_write(fd, bytes(data[:taken]))

    monkeypatch.setattr(audiofile.os, "write", write_until_full)
    with pytest.raises(OSError) as caught:
        wav.append(tone(0.5))
    assert caught.value.errno == errno.ENOSPC
    monkeypatch.undo()
    wav.close()
    assert stdlib_frames(path) == (8000 + 50, 16000)
    assert path.stat().st_size == 44 + 2 * 8050
