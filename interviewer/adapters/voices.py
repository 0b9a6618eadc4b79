"""Interviewer voice profiles: one TOML file per voice in voices/ (shipped) or the user's voices dir.

A file `calm-us.toml` defines the voice `calm-us`:

    name = "Calm US"
    description = "An unhurried American interviewer, 150 words per minute."
    language = "en-us"   # espeak-ng language, matched against the system's voices
    rate = 150           # words per minute
    volume = 0.9         # 0.0 - 1.0

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
KEYS = ("name", "description", "language", "rate", "volume")
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
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise ConfigError(f"{file}:{_line_of(text, unknown[0])}: unknown key {unknown[0]!r}", f"known: {KEYS}")
    missing = [key for key in KEYS if key not in data]
    if missing:
        raise ConfigError(f"{file}:1: missing {', '.join(missing)}", FIX)
    for key in KEYS:
        problem = _problem(key, data[key])
        if problem:
            raise ConfigError(f"{file}:{_line_of(text, key)}: {key} {problem}", FIX)
    return VoiceProfile(
        file.stem, data["name"], data["description"], data["language"].lower(),
        int(data["rate"]), float(data["volume"]), file,
    )  # fmt: skip


def _problem(key: str, value) -> str:
    """What is wrong with `value` for `key`, or ""."""
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
    return ""


def _line_of(text: str, key: str) -> int:
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return 1
