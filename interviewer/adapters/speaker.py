"""The interviewer's voice: pyttsx3 (espeak-ng) to a cached WAV, played through sounddevice.

pyttsx3 hands out one shared engine per process and hangs when two threads drive it, so
one daemon thread owns it and every engine call is queued to that thread. `say()` shells
out to `aplay` on Linux; instead each question is saved to a WAV (22050 Hz mono 16-bit),
cached by voice, rate, volume and text, and played by `SoundDevicePlayer` (stoppable).

The cache (`cache_file`, `write_cached_wav`) and `say_wav` are shared with the Piper speaker.
"""

from __future__ import annotations

import ctypes
import functools
import hashlib
import os
import queue
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from interviewer import paths
from interviewer.adapters.voices import VoiceProfile
from interviewer.domain.audiofile import read_layout, read_pcm16, wav_header
from interviewer.errors import SpeechError

TTS_RATE = 22050  # Hz: what pyttsx3's espeak driver always writes
CALL_TIMEOUT_S = 60.0  # longest an engine call may take before we call the engine hung
FILE_SETTLE_S = 5.0  # how long to wait for a saved WAV to be complete on disk
ESPEAK_PARAMETERS = {"rate": "RATE", "volume": "VOLUME"}  # pyttsx3 property -> espeak parameter
SETTLE_TRIES = 100  # x 10 ms: how long to keep re-applying a setting espeak has not taken
FIX_TTS = "install the speech engine: sudo apt-get install libespeak-ng1 espeak-ng (or answer with text only)"


class _EngineOwner:
    """The one thread that owns the process's pyttsx3 engine; `call(fn)` runs `fn(engine)` there."""

    _shared: _EngineOwner | None = None
    _shared_lock = threading.Lock()

    @classmethod
    def shared(cls) -> _EngineOwner:
        with cls._shared_lock:
            if cls._shared is None:
                cls._shared = cls()
            return cls._shared

    def __init__(self) -> None:
        self._jobs: queue.Queue = queue.Queue()
        self._engine: Any = None
        self.thread = threading.Thread(target=self._run, name="pyttsx3-engine", daemon=True)
        self.thread.start()

    def call(self, fn: Callable[[Any], Any], timeout: float = CALL_TIMEOUT_S) -> Any:
        future: Future = Future()
        self._jobs.put((fn, future))
        try:
            return future.result(timeout)
        except TimeoutError as e:
            raise SpeechError("the speech engine stopped responding", FIX_TTS) from e

    def _run(self) -> None:
        while True:
            fn, future = self._jobs.get()
            try:
                future.set_result(fn(self._get_engine()))
            except BaseException as e:  # handed to the caller, whatever it is
                future.set_exception(e)

    def _get_engine(self) -> Any:
        if self._engine is None:
            try:
                import pyttsx3

                engine = pyttsx3.init()
                engine.runAndWait()  # a new engine queues settings unchecked until its first run; leave it idle
                self._engine = engine
            except Exception as e:  # RuntimeError (no espeak), OSError, ImportError...
                raise SpeechError(f"no text-to-speech engine ({e})", FIX_TTS) from e
        return self._engine


def ensure_engine() -> None:
    """Start the process's pyttsx3 engine if it is not running; SpeechError when espeak-ng is missing."""
    _EngineOwner.shared().call(lambda engine: engine)


def cache_file(cache_dir: Path, voice_id: str, settings: tuple, text: str) -> Path:
    """Where the WAV of `text` in voice `voice_id` with `settings` is cached."""
    key = "|".join(str(part) for part in (*settings, text)).encode()
    return cache_dir / f"{voice_id}-{hashlib.sha256(key).hexdigest()[:24]}.wav"


def cached(path: Path) -> bool:
    return bool(_frames(path))


def _partial_path(target: Path) -> Path:
    return target.with_name(f".{target.stem}.{os.getpid()}.{threading.get_ident()}.wav")


def _publish(partial: Path, target: Path) -> None:
    os.chmod(partial, 0o600)
    os.replace(partial, target)


def write_cached_wav(target: Path, samples: Any, rate: int) -> Path:
    """Write int16 `samples` to `target` (0600) all at once: a reader never sees half a file."""
    paths.ensure_private_dir(target.parent)
    partial = _partial_path(target)
    try:
        data = samples.tobytes()
        partial.write_bytes(wav_header(rate, len(data)) + data)
        _publish(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def say_wav(wav: Path, output_device: str, stop: threading.Event):
    """Play a finished WAV through the same streaming path as speech still being made.

    Returns:
        The player's StreamPlayback (completed, seconds to the first audio).
    """
    from interviewer.adapters.player import SoundDevicePlayer

    samples, rate = read_pcm16(Path(wav))
    return SoundDevicePlayer(output_device).play_stream(iter([samples]), rate, stop)


class _DropLine:
    """A stdout that swallows one exact line (pyttsx3 prints "Audio saved to <path>" from espeak's thread)."""

    def __init__(self, inner, line: str) -> None:
        self._inner, self._line = inner, line
        self._newline_due: set[int] = set()

    def write(self, text: str) -> int:
        if text == self._line:
            self._newline_due.add(threading.get_ident())
            return len(text)
        if text == "\n" and threading.get_ident() in self._newline_due:
            self._newline_due.discard(threading.get_ident())
            return len(text)
        return self._inner.write(text)

    def __getattr__(self, name: str):
        return getattr(self._inner, name)


def choose_system_voice(language: str, voices: list) -> tuple[str | None, str]:
    """The pyttsx3 voice id speaking `language`, or (None, a notice) to use the default voice."""
    wanted = language.lower()
    for voice in voices:
        languages = [str(lang).lower() for lang in (getattr(voice, "languages", None) or [])]
        if wanted in languages or str(voice.id).lower().rsplit("/", 1)[-1] == wanted:
            return voice.id, ""
    return None, f"this system has no {language!r} voice; the questions are read in the default voice"


class Pyttsx3Speaker:
    """Implements the `Speaker` port with pyttsx3 + espeak-ng and a sounddevice output.

    Attributes:
        label: the voice as a person reads it, e.g. "Calm US (espeak)".
        notice: "" or a sentence for the UI (the profile's language is not installed).
        voice_id: the system voice used (None = the engine's default).

    Raises:
        SpeechError: no text-to-speech engine (at construction).
    """

    def __init__(self, profile: VoiceProfile, output_device: str = "", cache_dir: Path | None = None) -> None:
        self.profile = profile
        self.output_device = output_device
        self.cache_dir = Path(cache_dir) if cache_dir is not None else paths.cache_dir() / "tts"
        self.label = f"{profile.name} ({profile.engine_name})"  # the voice as a person reads it
        self._owner = _EngineOwner.shared()
        self.voice_id, self.notice = self._owner.call(
            lambda engine: choose_system_voice(profile.language, engine.getProperty("voices"))
        )

    def cache_path(self, text: str) -> Path:
        settings = (self.voice_id, self.profile.rate, self.profile.volume)
        return cache_file(self.cache_dir, self.profile.id, settings, text)

    def synthesize(self, text: str) -> Path:
        """A WAV (22050 Hz mono 16-bit) of `text` in this voice; made once, then cached."""
        target = self.cache_path(text)
        if _frames(target):
            return target
        paths.ensure_private_dir(self.cache_dir)
        partial = _partial_path(target)
        try:
            for _attempt in range(2):  # a cancelled or empty save is retried once
                partial.unlink(missing_ok=True)
                completed = self._owner.call(lambda engine: self._save(engine, text, partial))
                if completed and _wait_until_complete(partial):
                    _publish(partial, target)
                    return target
        finally:
            partial.unlink(missing_ok=True)
        raise SpeechError(f"the speech engine produced no audio for {text[:60]!r}", FIX_TTS)

    def play(self, wav: Path, stop: threading.Event) -> None:
        """Play `wav` on the output device until it ends or `stop` is set (checked every 50 ms).

        Raises:
            AudioDeviceError: no output device, an unknown one, or no PortAudio.
        """
        from interviewer.adapters.player import SoundDevicePlayer

        SoundDevicePlayer(self.output_device).play(Path(wav), stop=stop)

    def say(self, text: str, stop: threading.Event):
        """Speak `text` (synthesis takes about 30 ms here, so it is made whole, then played)."""
        return say_wav(self.synthesize(text), self.output_device, stop)

    def _save(self, engine: Any, text: str, path: Path) -> bool:
        """Runs on the engine thread: save `text` to `path`; False if espeak cancelled it."""
        outcomes: list[bool] = []
        finished = threading.Event()

        def on_finished(completed: bool = True, **_: Any) -> None:
            outcomes.append(completed)
            finished.set()

        token = engine.connect("finished-utterance", on_finished)
        stdout, sys.stdout = sys.stdout, _DropLine(sys.stdout, f"Audio saved to {path}")
        try:
            engine.proxy._driver._stopping = False  # a stale cancel flag makes the next save empty
            if self.voice_id is not None:
                _set_property(engine, "voice", self.voice_id)
            _set_property(engine, "rate", self.profile.rate)
            _set_property(engine, "volume", self.profile.volume)
            _wait_until_idle()
            engine.save_to_file(text, str(path))
            engine.runAndWait()
            finished.wait(CALL_TIMEOUT_S)
        finally:
            sys.stdout = stdout
            engine.disconnect(token)
        return bool(outcomes) and all(outcomes)


def _set_property(engine: Any, name: str, value: Any) -> None:
    """Set an engine property and make sure espeak took it.

    espeak-ng runs asynchronously; a setting made while it is still winding down the last
    utterance can be dropped by pyttsx3's cancel at the next run (measured: 43 of 90 saves
    then came out at the previous rate). Setting it again until it reads back fixed it
    (0 of 120). While pyttsx3 is busy the setting is queued and applied in order.
    """
    for _ in range(SETTLE_TRIES):
        engine.setProperty(name, value)
        if engine.proxy._busy or _same(_current(engine, name), value):
            return
        time.sleep(0.01)
    raise SpeechError(f"the speech engine ignored {name}={value!r}", FIX_TTS)


def _current(engine: Any, name: str) -> Any:
    """The value espeak will speak with. pyttsx3 reads rate and volume through an `espeak_GetParameter`
    binding that passes one of its two arguments, so it returns the default or the current value at
    random (measured: the rate read 150 while 2 of 25 first saves came out at 200 wpm)."""
    if name not in ESPEAK_PARAMETERS:
        return engine.getProperty(name)
    from pyttsx3.drivers import _espeak

    value = _espeak_get_parameter()(getattr(_espeak, ESPEAK_PARAMETERS[name]), 1)  # 1: current, not default
    return value / 100.0 if name == "volume" else value


@functools.cache
def _espeak_get_parameter() -> Callable[[int, int], int]:
    """espeak-ng's `espeak_GetParameter(parameter, current)`, bound with both its arguments."""
    from pyttsx3.drivers import _espeak

    get_parameter = _espeak.dll.espeak_GetParameter
    get_parameter.restype, get_parameter.argtypes = ctypes.c_int, [ctypes.c_int, ctypes.c_int]
    return get_parameter


def _wait_until_idle(timeout: float = 2.0) -> None:
    """Let espeak finish queued work: pyttsx3 cancels whatever is still "playing" when a run starts."""
    from pyttsx3.drivers import _espeak

    deadline = time.monotonic() + timeout
    while _espeak.IsPlaying() and time.monotonic() < deadline:
        time.sleep(0.005)


def _same(current: Any, wanted: Any) -> bool:
    if isinstance(wanted, float):
        return current is not None and abs(float(current) - wanted) < 0.011
    return str(current).lower() == str(wanted).lower()


def _frames(path: Path) -> int:
    """Frames in a complete WAV (header sizes match the file), else 0."""
    try:
        layout = read_layout(path)
    except (OSError, ValueError):
        return 0
    complete = layout.declared_bytes == layout.data_bytes
    return layout.frames if complete else 0


def _wait_until_complete(path: Path, timeout: float = FILE_SETTLE_S) -> bool:
    deadline = time.monotonic() + timeout
    while not _frames(path):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True
