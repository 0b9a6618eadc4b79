"""The Speaker port on Piper: the first sentence plays while the rest is still being made.

`say()` synthesises sentence by sentence into the shared streaming player and keeps what it
made; once all of it has played, the whole WAV goes into the same cache as the espeak voice's
(keyed by voice, settings and text), so a replay starts at once.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from interviewer import paths
from interviewer.adapters import piper_voice
from interviewer.adapters.piper_voice import BUNDLED_MODEL, PIPER_RATE, PiperSettings
from interviewer.adapters.speaker import cache_file, cached, say_wav, write_cached_wav
from interviewer.adapters.voices import VoiceProfile
from interviewer.domain.audiofile import to_pcm16

WARM_UP_TEXT = "Hello."  # onnxruntime's first run of a loaded model is slower than the ones after


class PiperSpeaker:
    """Implements the `Speaker` port with Piper and a sounddevice output.

    Attributes:
        label: the voice as a person reads it, e.g. "Natural calm (Piper)".
        notice: "" or a sentence for the UI.

    Raises:
        SpeechError: piper-tts or its voice file is missing or broken (at construction).
    """

    def __init__(self, profile: VoiceProfile, output_device: str = "", cache_dir: Path | None = None) -> None:
        self.profile = profile
        self.output_device = output_device
        self.cache_dir = Path(cache_dir) if cache_dir is not None else paths.cache_dir() / "tts"
        self.settings = PiperSettings(model=profile.model or BUNDLED_MODEL, length_scale=profile.length_scale)
        self.label = f"{profile.name} ({profile.engine_name})"
        self.notice = ""
        piper_voice.load_voice(self.settings.model)
        list(piper_voice.sentences(WARM_UP_TEXT, self.settings))

    def cache_path(self, text: str) -> Path:
        s, p = self.settings, self.profile
        key = (s.model, s.length_scale, s.noise_scale, s.noise_w_scale, p.sentence_pause_s, p.volume)
        return cache_file(self.cache_dir, p.id, key, text)

    def synthesize(self, text: str) -> Path:
        """A WAV (22050 Hz mono 16-bit) of `text` in this voice; made once, then cached."""
        target = self.cache_path(text)
        if not cached(target):
            write_cached_wav(target, _joined(list(self._parts(text))), PIPER_RATE)
        return target

    def play(self, wav: Path, stop: threading.Event) -> None:
        """Play `wav` on the output device until it ends or `stop` is set.

        Raises:
            AudioDeviceError: no output device, an unknown one, or no PortAudio.
        """
        from interviewer.adapters.player import SoundDevicePlayer

        SoundDevicePlayer(self.output_device).play(Path(wav), stop=stop)

    def say(self, text: str, stop: threading.Event):
        """Speak `text`: from the cache at once, else each sentence as soon as it is made.

        Returns:
            The player's StreamPlayback (completed, when the first sound went out).
        """
        from interviewer.adapters.player import SoundDevicePlayer

        target = self.cache_path(text)
        if cached(target):
            return say_wav(target, self.output_device, stop)
        made: list[np.ndarray] = []

        def keeping() -> Iterator[np.ndarray]:
            for part in self._parts(text):
                made.append(part)
                yield part

        playback = SoundDevicePlayer(self.output_device).play_stream(keeping(), PIPER_RATE, stop)
        if playback.completed:
            write_cached_wav(target, _joined(made), PIPER_RATE)
        return playback

    def _parts(self, text: str) -> Iterator[np.ndarray]:
        """int16 sentences, each after the profile's pause but the first."""
        pause = np.zeros(int(round(self.profile.sentence_pause_s * PIPER_RATE)), dtype="<i2")
        for index, sentence in enumerate(piper_voice.sentences(text, self.settings)):
            spoken = to_pcm16(sentence * self.profile.volume)
            yield np.concatenate([pause, spoken]) if index else spoken


def _joined(parts: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(parts) if parts else np.zeros(0, dtype="<i2")
