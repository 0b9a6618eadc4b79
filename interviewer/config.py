"""The configuration: one frozen dataclass read from one TOML file (stdlib tomllib).

Every error names the file and the line, so a person can go straight to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

import tomllib

from interviewer import paths
from interviewer.errors import ConfigError

ENGINES = ("faster-whisper", "openai-whisper")
DEFAULT_ENGINE = "faster-whisper"
DEFAULT_MODEL = "tiny.en"
DEFAULT_CAREFUL_MODEL = "base"  # hears each answer again, better; "" turns it off (hearing/careful.py)
DEFAULT_VOICE = ""  # the natural Piper voice when installed, else espeak (adapters/voice_choice.py)


@dataclass(frozen=True)
class Config:
    engine: str = DEFAULT_ENGINE
    model: str = DEFAULT_MODEL
    careful_model: str = DEFAULT_CAREFUL_MODEL
    voice: str = DEFAULT_VOICE
    bank: str = ""  # the bank to open first; "" shows the list
    target_s: tuple[int, int] = (120, 180)
    pause_threshold_s: float = 2.0
    recordings_dir: Path = field(default_factory=paths.default_recordings_dir)
    input_device: str = ""  # name or index; "" is the system default
    output_device: str = ""
    live_hints: bool = False  # tick hint points off while speaking
    spoken_cues: bool = True  # the interviewer says "Let's wrap up." at the end of the band
    source: Path | None = None  # the file this was read from, if any


_KEYS = {f.name for f in fields(Config)} - {"source"}


def load_config(path: Path | None = None) -> Config:
    """Read `path` (or the per-user config file when it exists); defaults otherwise."""
    explicit = path is not None
    path = path or paths.user_config_file()
    if not path.exists():
        if explicit:
            raise ConfigError(f"{path}: no such config file", "check the path given to --config")
        return Config()
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}:{_line_of_decode_error(e, text)}: {e}", "fix the TOML syntax there") from e
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: cannot read ({e})", "check the file's permissions and encoding") from e
    return _from_table(data, path, text)


def careful_model(config: Config) -> str:
    """The model that hears each answer again, or "" when there is none (the same model gains nothing)."""
    return "" if config.careful_model == config.model else config.careful_model


def with_overrides(config: Config, **overrides) -> Config:
    """The config with command-line values (those not None) put over it."""
    given = {k: v for k, v in overrides.items() if v is not None}
    return replace(config, **given)


def _from_table(data: dict, path: Path, text: str) -> Config:
    def where(key: str) -> str:
        return f"{path}:{_line_of_key(text, key)}"

    unknown = sorted(set(data) - _KEYS)
    if unknown:
        key = unknown[0]
        raise ConfigError(f"{where(key)}: unknown key {key!r}", f"known keys: {', '.join(sorted(_KEYS))}")
    values: dict = {}
    for key, raw in data.items():
        try:
            values[key] = _convert(key, raw)
        except (TypeError, ValueError) as e:
            raise ConfigError(f"{where(key)}: {key}: {e}", "see README.md, 'Configuration'") from e
    return Config(source=path, **values)


def _convert(key: str, raw):
    if key == "engine":
        if raw not in ENGINES:
            raise ValueError(f"must be one of {', '.join(ENGINES)}, not {raw!r}")
        return raw
    if key in ("model", "careful_model", "voice", "bank"):
        return _string(raw)
    if key in ("input_device", "output_device"):
        if isinstance(raw, bool) or not isinstance(raw, (str, int)):
            raise TypeError("must be a device name or index")
        return str(raw)
    if key == "target_s":
        return parse_target(raw)
    if key == "pause_threshold_s":
        if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not 0.3 <= raw <= 30:
            raise ValueError("must be a number of seconds between 0.3 and 30")
        return float(raw)
    if key == "recordings_dir":
        return Path(_string(raw)).expanduser()
    if key in ("live_hints", "spoken_cues"):
        if not isinstance(raw, bool):
            raise TypeError("must be true or false")
        return raw
    raise ValueError("unknown key")


def parse_target(raw) -> tuple[int, int]:
    """A target band `[lo, hi]` in seconds, 0 < lo < hi <= 3600."""
    if not isinstance(raw, (list, tuple)) or len(raw) != 2:
        raise TypeError("must be [low, high] in seconds, e.g. [120, 180]")
    lo, hi = raw
    if any(isinstance(v, bool) or not isinstance(v, (int, float)) for v in (lo, hi)):
        raise TypeError("must be two numbers of seconds")
    if not 0 < lo < hi <= 3600:
        raise ValueError(f"needs 0 < low < high <= 3600, got [{lo}, {hi}]")
    return int(lo), int(hi)


def _string(raw) -> str:
    if not isinstance(raw, str):
        raise TypeError("must be a string")
    return raw


def _line_of_key(text: str, key: str) -> int:
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return 1


def _line_of_decode_error(error: tomllib.TOMLDecodeError, text: str) -> int:
    match = re.search(r"line (\d+)", str(error))
    if match:
        return int(match.group(1))
    return max(1, len(text.splitlines())) if "end of document" in str(error) else 1
