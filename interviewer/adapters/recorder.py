"""The microphone: PortAudio (sounddevice) into a crash-safe growing WAV file.

The stream callback only copies each block into a queue (and the level into a size-1
queue); a writer thread appends blocks to the WAV, flushes the header and fsyncs at least
every `flush_s`, and hands blocks to listeners, each through its own queue and thread so a
slow listener never holds up the file. A killed process loses only blocks still queued.
"""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import errno
import queue
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from interviewer.domain.audiofile import GrowingWav
from interviewer.domain.ports import SAMPLE_RATE, RecordingInfo
from interviewer.errors import AudioDeviceError, StorageError

BLOCK_S = 0.1  # seconds per PortAudio block
FLUSH_S = 0.5  # header rewrite + fsync interval: the most a power cut can lose
SILENT_DEVICE_S = 3.0  # no block for this long after the first one: the device is gone
FIX_PORTAUDIO = "install PortAudio: sudo apt-get install libportaudio2 (macOS/Windows: reinstall sounddevice)"
FIX_NO_DEVICE = (
    "plug in a microphone (or enable one in the system sound settings); `interviewer doctor` lists the devices found"
)
DEVICE_LOST = "the microphone stopped (unplugged, or taken by another program)"
DISK_FULL = "disk full"
_STREAM_ENDED = object()  # queued by the stream's finished callback
_STOP = object()  # queued by stop()
_active: weakref.WeakSet[SoundDeviceRecorder] = weakref.WeakSet()


@dataclass(frozen=True)
class InputDevice:
    index: int
    name: str
    channels: int
    default_samplerate: float
    is_default: bool


_ALSA_ERROR_HANDLER = None  # kept alive: alsa-lib calls it from C


def quiet_alsa_errors() -> None:
    """alsa-lib prints its complaints ("underrun occurred") straight onto stderr, where Textual
    draws the screen: hand them to a handler that drops them (errors still reach us as exceptions)."""
    global _ALSA_ERROR_HANDLER
    if _ALSA_ERROR_HANDLER is not None:
        return
    try:
        library = ctypes.cdll.LoadLibrary(ctypes.util.find_library("asound") or "libasound.so.2")
    except OSError:
        return  # not Linux/ALSA: nothing prints there
    handler_type = ctypes.CFUNCTYPE(None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int,
                                    ctypes.c_char_p)  # fmt: skip
    _ALSA_ERROR_HANDLER = handler_type(lambda *_: None)
    library.snd_lib_error_set_handler(_ALSA_ERROR_HANDLER)


def import_sounddevice():
    """`sounddevice`, or an AudioDeviceError saying how to install PortAudio."""
    quiet_alsa_errors()
    try:
        import sounddevice
    except OSError as e:
        raise AudioDeviceError(f"the PortAudio sound library is missing ({e})", FIX_PORTAUDIO) from e
    return sounddevice


def parse_device(device: str | int | None) -> int | str | None:
    """Config/CLI device text as sounddevice wants it: None (default), an index or a name."""
    if device is None or device == "":
        return None
    if isinstance(device, int) or str(device).strip().isdigit():
        return int(device)
    return str(device)


def list_input_devices() -> list[InputDevice]:
    """Every device with input channels; empty when there is none (or no PortAudio)."""
    sd = import_sounddevice()
    try:
        default = sd.query_devices(kind="input")["index"]
    except sd.PortAudioError:
        default = -1
    return [
        InputDevice(d["index"], d["name"], d["max_input_channels"], d["default_samplerate"], d["index"] == default)
        for d in sd.query_devices()
        if d["max_input_channels"] > 0
    ]


def resolve_input_device(device: str | int | None) -> int:
    """The PortAudio index of the input `device` ("" = default), or a clear AudioDeviceError."""
    sd = import_sounddevice()
    wanted = parse_device(device)
    try:
        return int(sd.query_devices(wanted, kind="input")["index"])
    except sd.PortAudioError as e:
        if wanted is None or not sd.query_devices():
            raise AudioDeviceError("no microphone found", FIX_NO_DEVICE) from e
        raise AudioDeviceError(f"there is no input device number {wanted}", _choose_fix()) from e
    except ValueError as e:
        if not sd.query_devices():
            raise AudioDeviceError("no microphone found", FIX_NO_DEVICE) from e
        raise AudioDeviceError(f"no input device matches {wanted!r} ({e})", _choose_fix()) from e


def _choose_fix() -> str:
    names = [f"{d.index}: {d.name}" for d in list_input_devices()]
    found = "; ".join(names) if names else "none"
    return f'set input_device to one of these (or "" for the default): {found}'


class _ListenerPump:
    """Feeds one listener from its own queue and thread; its exceptions are kept, not raised."""

    def __init__(self, listener: Callable[[np.ndarray], None]) -> None:
        self.listener = listener
        self.error: BaseException | None = None
        self._queue: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="recorder-listener", daemon=True)
        self._thread.start()

    def put(self, block: np.ndarray | None) -> None:
        self._queue.put(block)

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    def _run(self) -> None:
        while (block := self._queue.get()) is not None:
            if self.error is None:
                try:
                    self.listener(block)
                except Exception as e:  # a broken listener must not stop the recording
                    self.error = e


class SoundDeviceRecorder:
    """Implements the `Recorder` port on a PortAudio input device (16 kHz mono float32).

    Args:
        device: input device name or index; "" for the system default.
        block_s: seconds of audio per callback block.
        flush_s: longest time between two header rewrites + fsyncs.
    """

    def __init__(self, device: str = "", block_s: float = BLOCK_S, flush_s: float = FLUSH_S) -> None:
        self.device = device
        self.block_s = block_s
        self.flush_s = flush_s
        self._lock = threading.Lock()
        self._pumps: list[_ListenerPump] = []  # listeners of the current (or next) recording
        self._done_pumps: list[_ListenerPump] = []  # those of the last one, draining
        self._info: RecordingInfo | None = None
        self._wav: GrowingWav | None = None
        self._stream = None
        self._writer: threading.Thread | None = None
        self._reset()

    def _reset(self) -> None:
        self._blocks: queue.Queue = queue.Queue()
        self._levels: queue.Queue = queue.Queue(maxsize=1)
        self._last_level = 0.0
        self._received = 0  # samples delivered by PortAudio
        self._stopping = False
        self._interrupted = ""

    @property
    def interrupted(self) -> str:
        """Why recording ended by itself ("" while all is well): poll it to notice early."""
        return self._interrupted

    @property
    def listener_errors(self) -> list[BaseException]:
        return [p.error for p in self._done_pumps + self._pumps if p.error is not None]

    def start(self, path: Path) -> None:
        sd = import_sounddevice()
        index = resolve_input_device(self.device)
        self._reset()
        self._info = None
        try:
            self._wav = GrowingWav(Path(path), SAMPLE_RATE)
        except OSError as e:
            raise StorageError(f"cannot create {path}: {e.strerror}", "check the recordings folder") from e
        try:
            self._stream = sd.InputStream(
                samplerate=SAMPLE_RATE, channels=1, dtype="float32", device=index,
                blocksize=int(round(self.block_s * SAMPLE_RATE)),
                callback=self._on_audio, finished_callback=self._on_stream_finished,
            )  # fmt: skip
        except (sd.PortAudioError, ValueError) as e:
            self._wav.close()
            Path(path).unlink(missing_ok=True)
            raise AudioDeviceError(f"cannot open the microphone: {e}", FIX_NO_DEVICE) from e
        self._writer = threading.Thread(target=self._write_loop, name="recorder-writer", daemon=True)
        self._writer.start()
        self._stream.start()
        _active.add(self)

    def stop(self) -> RecordingInfo:
        """Stop, write everything received and close the file. Safe to call again."""
        with self._lock:
            if self._info is not None:
                return self._info
            if self._wav is None:
                raise RuntimeError("stop() before start()")
            self._stopping = True
            self._close_stream()
            self._blocks.put(_STOP)
            if self._writer is not None:
                self._writer.join()
            self._close_wav()
            for pump in self._pumps:
                pump.put(None)  # the listener gets the rest, then is let go
            self._done_pumps, self._pumps = self._pumps, []
            wav = self._wav
            self._info = RecordingInfo(wav.path, wav.seconds, wav.frames, self._interrupted)
            _active.discard(self)
            return self._info

    def level(self) -> float:
        """RMS of the latest block, 0.0-1.0 (speech is typically 0.02-0.3)."""
        try:
            self._last_level = self._levels.get_nowait()
        except queue.Empty:
            pass
        return self._last_level

    def elapsed(self) -> float:
        return self._received / SAMPLE_RATE

    def add_listener(self, listener: Callable[[np.ndarray], None]) -> None:
        """Hand every block of this recording to `listener`, on its own thread and queue.

        Listeners belong to one recording: `stop` lets them go, so add them before each `start`.
        """
        self._pumps.append(_ListenerPump(listener))

    def wait_for_listeners(self, timeout: float | None = None) -> None:
        """After `stop`: wait until every listener has been handed every block."""
        for pump in self._done_pumps:
            pump.join(timeout)

    # --- PortAudio's thread: copy and return ---------------------------------------------

    def _on_audio(self, indata: np.ndarray, frames: int, time_info, status) -> None:
        if self._interrupted:
            import sounddevice

            raise sounddevice.CallbackStop
        self._blocks.put(indata[:, 0].copy())
        self._received += frames
        level = min(1.0, float(np.sqrt(np.mean(np.square(indata)))))
        try:
            self._levels.get_nowait()
        except queue.Empty:
            pass
        try:
            self._levels.put_nowait(level)
        except queue.Full:
            pass

    def _on_stream_finished(self) -> None:
        self._blocks.put(_STREAM_ENDED)

    # --- the writer thread ------------------------------------------------------------------

    def _write_loop(self) -> None:
        last_flush = last_block = time.monotonic()
        try:
            while True:
                try:
                    item = self._blocks.get(timeout=self.flush_s / 2)
                except queue.Empty:
                    item = None
                now = time.monotonic()
                if item is _STOP or item is _STREAM_ENDED:
                    if not self._stopping:
                        self._interrupted = self._interrupted or DEVICE_LOST
                    return
                if item is not None:
                    self._wav.append(item)
                    last_block = now
                    for pump in self._pumps:
                        pump.put(item)
                elif self._received and now - last_block > SILENT_DEVICE_S:
                    self._interrupted = self._interrupted or DEVICE_LOST
                    return
                if now - last_flush >= self.flush_s:
                    self._wav.flush()
                    last_flush = now
        except OSError as e:
            self._interrupted = DISK_FULL if e.errno == errno.ENOSPC else f"cannot write the recording: {e}"
        except Exception as e:  # keep what was recorded whatever went wrong
            self._interrupted = f"recording failed: {e!r}"
        finally:
            self._close_wav()

    def _close_wav(self) -> None:
        try:
            self._wav.close()
        except OSError:
            pass  # the header stays at the last flush; repair_wav recovers the rest

    def _close_stream(self) -> None:
        stream, self._stream = self._stream, None
        if stream is None:
            return
        try:
            stream.stop()
        except Exception:
            pass  # the device is already gone
        finally:
            stream.close(ignore_errors=True)


@atexit.register
def _stop_active_recorders() -> None:
    """An interpreter leaving (e.g. after Ctrl+C) still closes open recordings properly."""
    for recorder in list(_active):
        try:
            recorder.stop()
        except Exception:
            pass
