"""Playback of a saved answer from any point, reporting the position as it plays (sounddevice).

`play` blocks until the end, or until `stop` is set, and returns where it stopped: pausing is
stopping, resuming is playing again from that position, seeking is stopping and playing from
elsewhere. The PortAudio callback only copies the next block; the calling thread reports the
position. Samples go out as the file's own int16, so what reaches the speaker is bit-exact.

`play_stream` plays sound that is still being made (speech synthesised sentence by sentence):
the first part goes out as soon as it exists and later parts are appended while it plays.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
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
    """The callback side: hands out consecutive blocks of `samples` and counts what went out.

    Until `close()`, more samples may be appended while it plays; running short before then
    plays silence (a gap between sentences) instead of ending.
    """

    def __init__(self, samples: np.ndarray, first: int, closed: bool = True) -> None:
        self.samples = samples
        self.next = first
        self.closed = closed
        self.first_block_at: float | None = None  # perf_counter when the first sound went out
        self.done = threading.Event()
        self._lock = threading.Lock()

    def append(self, samples: np.ndarray) -> None:
        with self._lock:
            self.samples = np.concatenate([self.samples, samples])

    def close(self) -> None:
        with self._lock:
            self.closed = True

    def callback(self, outdata, frames, time_info, status) -> None:  # noqa: ARG002 - PortAudio's signature
        with self._lock:
            block, closed = self.samples[self.next : self.next + frames], self.closed
        outdata[: len(block), 0] = block
        outdata[len(block) :, 0] = 0
        self.next += len(block)
        if len(block) and self.first_block_at is None:
            self.first_block_at = time.perf_counter()
        if len(block) < frames and closed:
            raise import_sounddevice().CallbackStop


@dataclass(frozen=True)
class StreamPlayback:
    completed: bool  # False: stopped before the end
    first_audio_at: float | None  # time.perf_counter() when the first block of sound went to PortAudio

    def first_audio_s(self, since: float) -> float | None:
        """Seconds from `since` (a perf_counter reading) to the first sound, None if none went out."""
        return None if self.first_audio_at is None else self.first_audio_at - since


class _Producer:
    """Pulls the parts of a stream in its own thread, so stopping never waits for the next part.

    Not a daemon: a process that exits right after a stop lets the part being made finish (one
    sentence) instead of killing onnxruntime mid-run, which aborts the process.
    """

    def __init__(self, parts: Iterator[np.ndarray], stop: threading.Event) -> None:
        self.feed: _Feed | None = None
        self.first = threading.Event()  # set when the feed exists, or nothing will come
        self.error: BaseException | None = None
        self._parts, self._stop = parts, stop
        threading.Thread(target=self._run, name="speech-parts").start()

    def _run(self) -> None:
        try:
            for part in self._parts:
                if self._stop.is_set():
                    break
                if self.feed is None:
                    self.feed = _Feed(part, 0, closed=False)
                    self.first.set()
                else:
                    self.feed.append(part)
        except BaseException as e:  # handed to the caller, whatever it is
            self.error = e
        finally:
            if self.feed is not None:
                self.feed.close()
            self.first.set()


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

    def play_stream(self, parts: Iterator[np.ndarray], rate: int, stop: threading.Event) -> StreamPlayback:
        """Play int16 `parts` as they are made, until the last has played or `stop` is set.

        Raises:
            AudioDeviceError: as `play`; and whatever making the parts raised.
        """
        producer = _Producer(parts, stop)
        while not producer.first.wait(POSITION_EVERY_S) and not stop.is_set():
            pass
        feed = producer.feed
        if feed is not None and not stop.is_set():
            stream = self._open_stream(rate, feed)
            try:
                while not feed.done.wait(POSITION_EVERY_S) and not stop.is_set():
                    pass
            finally:
                stream.abort() if stop.is_set() else stream.stop()
                stream.close()
        if producer.error is not None and not stop.is_set():
            raise producer.error
        return StreamPlayback(not stop.is_set() and producer.error is None, feed.first_block_at if feed else None)

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
