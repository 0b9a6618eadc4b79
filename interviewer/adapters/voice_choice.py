"""Which voice speaks: the profile asked for, the natural default, or espeak when Piper cannot.

`voice = ""` (or absent) means the default: the Piper voice `natural-calm` when piper-tts and its
voice are installed, else the espeak voice `calm-us`. An explicit voice that cannot speak here
falls back to `calm-us` with a one-line notice; an unknown voice id is a ConfigError.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from interviewer.adapters.voices import VoiceProfile, find_voice, load_voices
from interviewer.errors import InterviewerError, SpeechError

NATURAL_DEFAULT = "natural-calm"
ESPEAK_DEFAULT = "calm-us"


@dataclass(frozen=True)
class VoiceStatus:
    profile: VoiceProfile
    default: bool
    reason: str  # why this voice cannot speak here; "" when it can

    @property
    def available(self) -> bool:
        return not self.reason


def problem(profile: VoiceProfile) -> str:
    """Why `profile` cannot speak on this machine ("message: fix"), or "" (no model is loaded)."""
    try:
        if profile.engine == "piper":
            from interviewer.adapters import piper_voice

            piper_voice.import_piper()
            piper_voice.model_path(profile.model or piper_voice.BUNDLED_MODEL)
        else:
            from interviewer.adapters.speaker import ensure_engine

            ensure_engine()
    except InterviewerError as e:
        return _one_line(e)
    return ""


def voice_statuses(dirs: Iterable[Path] | None = None) -> list[VoiceStatus]:
    """Every voice, whether it can speak here and why not; the default marked."""
    voices = load_voices(dirs)
    reasons = {voice_id: problem(profile) for voice_id, profile in voices.items()}
    natural_ok = NATURAL_DEFAULT in voices and not reasons[NATURAL_DEFAULT]
    default = NATURAL_DEFAULT if natural_ok else ESPEAK_DEFAULT
    return [VoiceStatus(profile, voice_id == default, reasons[voice_id]) for voice_id, profile in voices.items()]


def build_speaker(voice_id: str = "", output_device: str = "", cache_dir: Path | None = None,
                  dirs: Iterable[Path] | None = None):  # fmt: skip
    """The Speaker for `voice_id` ("" = the default); Piper that cannot start falls back to espeak.

    The speaker's `label` names the voice in use (and, after a fallback, why); `notice` is a
    one-line message when an explicitly chosen voice could not be used.

    Raises:
        ConfigError: no voice called `voice_id`.
        SpeechError: espeak-ng itself is missing.
    """
    profile = find_voice(voice_id or NATURAL_DEFAULT, dirs)
    if profile.engine != "piper":
        return _espeak(profile, output_device, cache_dir)
    from interviewer.adapters.piper_speaker import PiperSpeaker

    try:
        return PiperSpeaker(profile, output_device, cache_dir)
    except SpeechError as e:
        fallback = _espeak(find_voice(ESPEAK_DEFAULT, dirs), output_device, cache_dir)
        fallback.label = f"{fallback.label}: {_one_line(e)}"
        if voice_id:
            notice = f"voice {voice_id!r} is unavailable ({_one_line(e)}); using {fallback.profile.name} (espeak)"
            fallback.notice = " ".join(filter(None, [notice, fallback.notice]))
        return fallback


def _espeak(profile: VoiceProfile, output_device: str, cache_dir: Path | None):
    from interviewer.adapters.speaker import Pyttsx3Speaker

    return Pyttsx3Speaker(profile, output_device=output_device, cache_dir=cache_dir)


def _one_line(error: InterviewerError) -> str:
    return f"{error.message}: {error.fix}" if error.fix else error.message
