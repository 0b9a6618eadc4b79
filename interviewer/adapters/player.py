"""Playback of a saved answer from any point, reporting the position as it plays (sounddevice).

`play` blocks until the end, or until `stop` is set, and returns where it stopped: pausing is
stopping, resuming is playing again from that position, seeking is stopping and playing from
elsewhere. The PortAudio callback only copies the next block; the calling thread reports the
position. Samples go out as the file's own int16, so what reaches the speaker is bit-exact.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np

from interviewer.adapters.recorder import FIX_PORTAUDIO, import_sounddevice, parse_device
from interviewer.errors import AudioDeviceError

POSITION_EVERY_S = 0.05  # how often on_position is called while playing
BLOCK_FRAMES = 1024  # frames per PortAudio callback (64 ms at 16 kHz)
FIX_NO_SPEAKER = (
    "connect headphones or a speaker (or enable one in the system sound settings), "
    "or set output_device; `interviewer doctor` lists the devices found"
)


def _read_samples(wav_path: Path) -> tuple[np.ndarray, int]:
    from interviewer.domain.audiofile import read_pcm16

    try:
        return read_pcm16(Path(wav_path))
    except (OSError, ValueError) as e:
        raise AudioDeviceError(
            f"cannot play {wav_path}: {e}",
            "the recording may be damaged; `interviewer sessions finish` repairs interrupted ones",
        ) from e


class _Feed:
    """The callback side: hands out consecutive blocks of `samples` and counts what went out."""

    def __init__(self, samples: np.ndarray, first: int) -> None:
        self.samples = samples
        self.next = first
        self.done = threading.Event()

    def callback(self, outdata, frames, time_info, status) -> None:  # noqa: ARG002 - PortAudio's signature
        block = self.samples[self.next : self.next + frames]
        outdata[: len(block), 0] = block
        outdata[len(block) :, 0] = 0
        self.next += len(block)
        if len(block) < frames:
            raise import_sounddevice().CallbackStop


class SoundDevicePlayer:
    """Plays 16-bit WAV recordings on the configured output device ("" = system default)."""

    def __init__(self, device: str = "") -> None:
        self.device = device

    def play(
        self,
        wav_path: Path,
        start_s: float = 0.0,
        on_position: Callable[[float], None] | None = None,
        stop: threading.Event | None = None,
    ) -> float:
        """Play `wav_path` from `start_s` seconds; returns the position (s) where it stopped.

        Raises:
            AudioDeviceError: no PortAudio, no speaker, an unknown device, or an unreadable file.
        """
        samples, rate = _read_samples(wav_path)
        stop = stop or threading.Event()
        feed = _Feed(samples, min(len(samples), max(0, int(round(start_s * rate)))))
        report = on_position or (lambda _t: None)
        first = feed.next / rate
        stream = self._open_stream(rate, feed)
        latency = float(stream.latency or 0.0)

        def heard() -> float:  # what has left the speaker: handed out minus what is still buffered
            return max(first, feed.next / rate - latency)

        try:
            while not feed.done.wait(POSITION_EVERY_S) and not stop.is_set():
                report(heard())
        finally:
            stream.abort() if stop.is_set() else stream.stop()
            stream.close()
        position = heard() if stop.is_set() else feed.next / rate
        report(position)
        return position

    def _open_stream(self, rate: int, feed: _Feed):
        sd = import_sounddevice()
        try:
            stream = sd.OutputStream(
                samplerate=rate,
                channels=1,
                dtype="int16",
                blocksize=BLOCK_FRAMES,
                device=parse_device(self.device),
                callback=feed.callback,
                finished_callback=feed.done.set,
            )
            stream.start()
        except sd.PortAudioError as e:
            raise AudioDeviceError(f"cannot play sound: {e}", FIX_NO_SPEAKER) from e
        except ValueError as e:
            raise AudioDeviceError(f"no output device matches {self.device!r} ({e})", FIX_NO_SPEAKER) from e
        except OSError as e:
            raise AudioDeviceError(f"cannot play sound: {e}", FIX_PORTAUDIO) from e
        return stream
