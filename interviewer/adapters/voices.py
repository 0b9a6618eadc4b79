"""Interviewer voice profiles: one TOML file per voice in voices/ (shipped) or the user's voices dir.

A file `calm-us.toml` defines the voice `calm-us`, spoken by pyttsx3 (espeak-ng), the default engine:

    name = "Calm US"
    description = "An unhurried American interviewer, 150 words per minute."
    language = "en-us"   # espeak-ng language, matched against the system's voices
    rate = 150           # words per minute
    volume = 0.9         # 0.0 - 1.0

A Piper (neural) voice names its engine and its own settings:

    name = "Natural calm"
    description = "..."
    engine = "piper"
    length_scale = 1.5       # > 1 speaks slower, < 1 faster
    sentence_pause_s = 0.35  # silence between sentences
    model = "en_US-joe-medium.onnx"  # optional: a bundled voice file, or an absolute path
    volume = 1.0             # optional

Errors name the file and line, like the config's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import tomllib

from interviewer import paths
from interviewer.errors import ConfigError

RATE_RANGE = (60, 450)  # words per minute espeak-ng can say intelligibly
ENGINES = ("pyttsx3", "piper")
KEYS = ("name", "description", "language", "rate", "volume")  # pyttsx3: all required
PIPER_KEYS = ("name", "description", "engine", "length_scale", "sentence_pause_s")  # required
PIPER_OPTIONAL = ("model", "volume", "language")
LENGTH_SCALE_RANGE = (0.5, 2.0)
PAUSE_RANGE_S = (0.0, 2.0)
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]+)*$")
FIX = "see voices/calm-us.toml for a working example"


@dataclass(frozen=True)
class VoiceProfile:
    id: str  # the file's stem
    name: str
    description: str
    language: str
    rate: int  # words per minute
    volume: float  # 0.0 - 1.0
    source: Path | None = None
    engine: str = "pyttsx3"
    model: str = ""  # piper: a bundled voice file name or an absolute path; "" = the bundled voice
    length_scale: float = 1.0  # piper: > 1 slower
    sentence_pause_s: float = 0.0  # piper: silence between sentences

    @property
    def engine_name(self) -> str:
        """The engine as a person knows it."""
        return "Piper" if self.engine == "piper" else "espeak"


def default_voice_dirs() -> list[Path]:
    """Shipped voices first, then the user's (a user voice replaces a shipped one of the same id)."""
    return [paths.shipped_voices_dir(), paths.user_voices_dir()]


def load_voices(dirs: Iterable[Path] | None = None) -> dict[str, VoiceProfile]:
    """Every `*.toml` voice in `dirs` (missing dirs are skipped), by id; later dirs win.

    Raises:
        ConfigError: a voice file is unreadable or invalid (message names file:line).
    """
    voices: dict[str, VoiceProfile] = {}
    for folder in default_voice_dirs() if dirs is None else dirs:
        folder = Path(folder)
        if not folder.is_dir():
            continue
        for file in sorted(folder.glob("*.toml")):
            voices[file.stem] = load_voice(file)
    return voices


def find_voice(voice_id: str, dirs: Iterable[Path] | None = None) -> VoiceProfile:
    """The voice called `voice_id`, or a ConfigError listing the voices there are."""
    voices = load_voices(dirs)
    if voice_id in voices:
        return voices[voice_id]
    known = ", ".join(sorted(voices)) or "none"
    raise ConfigError(f"no voice called {voice_id!r}", f"set voice to one of: {known}")


def load_voice(file: Path) -> VoiceProfile:
    try:
        text = file.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        line = re.search(r"line (\d+)", str(e))
        raise ConfigError(f"{file}:{line.group(1) if line else 1}: {e}", "fix the TOML syntax there") from e
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{file}: cannot read ({e})", "check the file's permissions and encoding") from e
    engine = data.get("engine", "pyttsx3")
    if engine not in ENGINES:
        raise ConfigError(f"{file}:{_line_of(text, 'engine')}: engine must be one of {ENGINES}, not {engine!r}", FIX)
    required, optional = (PIPER_KEYS, PIPER_OPTIONAL) if engine == "piper" else (KEYS, ("engine",))
    unknown = sorted(set(data) - set(required) - set(optional))
    if unknown:
        raise ConfigError(f"{file}:{_line_of(text, unknown[0])}: unknown key {unknown[0]!r}",
                          f"known: {required + optional}")  # fmt: skip
    missing = [key for key in required if key not in data]
    if missing:
        raise ConfigError(f"{file}:1: missing {', '.join(missing)}", FIX)
    for key in data:
        problem = _problem(key, data[key])
        if problem:
            raise ConfigError(f"{file}:{_line_of(text, key)}: {key} {problem}", FIX)
    if engine == "piper":
        return VoiceProfile(
            file.stem, data["name"], data["description"], data.get("language", "en-us").lower(), 0,
            float(data.get("volume", 1.0)), file, "piper", data.get("model", ""),
            float(data["length_scale"]), float(data["sentence_pause_s"]),
        )  # fmt: skip
    return VoiceProfile(
        file.stem, data["name"], data["description"], data["language"].lower(),
        int(data["rate"]), float(data["volume"]), file,
    )  # fmt: skip


def _problem(key: str, value) -> str:
    """What is wrong with `value` for `key`, or ""."""
    if key in ("engine", "model"):
        return "" if isinstance(value, str) else "must be a string"
    if key in ("name", "description", "language"):
        if not isinstance(value, str) or (key != "description" and not value.strip()):
            return "must be a non-empty string"
        if key == "language" and not _LANGUAGE.match(value.lower()):
            return f"must be a language tag like en-us or en-gb-scotland, not {value!r}"
        return ""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "must be a number"
    if key == "rate" and not (RATE_RANGE[0] <= value <= RATE_RANGE[1] and float(value).is_integer()):
        return f"must be a whole number of words per minute from {RATE_RANGE[0]} to {RATE_RANGE[1]}"
    if key == "volume" and not 0.0 <= value <= 1.0:
        return "must be between 0.0 and 1.0"
    if key == "length_scale" and not LENGTH_SCALE_RANGE[0] <= value <= LENGTH_SCALE_RANGE[1]:
        return f"must be between {LENGTH_SCALE_RANGE[0]} and {LENGTH_SCALE_RANGE[1]} (1.0 is the voice's own pace)"
    if key == "sentence_pause_s" and not PAUSE_RANGE_S[0] <= value <= PAUSE_RANGE_S[1]:
        return f"must be between {PAUSE_RANGE_S[0]} and {PAUSE_RANGE_S[1]} seconds"
    return ""


def _line_of(text: str, key: str) -> int:
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return 1
