"""The only place that resolves where things live: shipped banks and voices, user dirs, recordings."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "interviewer"

try:
    from platformdirs import PlatformDirs

    _DIRS = PlatformDirs(APP_NAME, appauthor=False)
except ImportError:  # before set-up (e.g. `interviewer doctor` on a fresh machine): the XDG defaults

    class _XdgDirs:
        _home = Path.home()
        user_config_dir = str(Path(os.environ.get("XDG_CONFIG_HOME", _home / ".config")) / APP_NAME)
        user_data_dir = str(Path(os.environ.get("XDG_DATA_HOME", _home / ".local/share")) / APP_NAME)
        user_cache_dir = str(Path(os.environ.get("XDG_CACHE_HOME", _home / ".cache")) / APP_NAME)

    _DIRS = _XdgDirs()
PACKAGE_DIR = Path(__file__).resolve().parent
_SOURCE_ROOT = PACKAGE_DIR.parent


def _from_source_checkout() -> bool:
    return (_SOURCE_ROOT / "pyproject.toml").is_file() and (_SOURCE_ROOT / "banks").is_dir()


def _shipped(name: str) -> Path:
    """`banks/` or `voices/`: the repo's own folder in a checkout, the packaged copy in a wheel."""
    if _from_source_checkout():
        return _SOURCE_ROOT / name
    return PACKAGE_DIR / "_data" / name


def shipped_banks_dir() -> Path:
    return _shipped("banks")


def shipped_voices_dir() -> Path:
    return _shipped("voices")


def user_config_file() -> Path:
    override = os.environ.get("INTERVIEWER_CONFIG")
    return Path(override) if override else Path(_DIRS.user_config_dir) / "config.toml"


def user_data_dir() -> Path:
    return Path(os.environ.get("INTERVIEWER_DATA_DIR") or _DIRS.user_data_dir)


def user_banks_dir() -> Path:
    return user_data_dir() / "banks"


def user_voices_dir() -> Path:
    return user_data_dir() / "voices"


def cache_dir() -> Path:
    return Path(os.environ.get("INTERVIEWER_CACHE_DIR") or _DIRS.user_cache_dir)


def default_recordings_dir() -> Path:
    if _from_source_checkout():
        return _SOURCE_ROOT / "recordings"
    return user_data_dir() / "recordings"


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) readable by this user only (0700)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)
    return path


def inside(folder: Path, name: str) -> Path:
    """`folder/name`, refusing names that would escape `folder` (`../`, absolute paths)."""
    if not name or "/" in name or "\\" in name or name in (".", "..") or name.startswith("."):
        raise ValueError(f"{name!r} is not a plain name")
    return folder / name
