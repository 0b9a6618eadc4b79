"""A one-line input level meter, so a person sees the microphone hears them."""

from __future__ import annotations

import math

from textual.reactive import reactive
from textual.widgets import Static

WIDTH = 30
FLOOR_DB = -60.0


def level_cells(rms: float, width: int = WIDTH) -> int:
    """How many cells an RMS level fills, on a dB scale from -60 dBFS to 0."""
    if rms <= 0:
        return 0
    db = max(FLOOR_DB, 20 * math.log10(min(rms, 1.0)))
    return round((db - FLOOR_DB) / -FLOOR_DB * width)


class LevelMeter(Static):
    DEFAULT_CSS = "LevelMeter { height: 1; padding: 0 1; }"

    level: reactive[float] = reactive(0.0)

    def watch_level(self, level: float) -> None:
        filled = level_cells(level)
        colour = "green" if filled < WIDTH * 0.85 else "red"
        quiet = "  (too quiet? move closer)" if 0 < filled < WIDTH * 0.25 else ""
        self.update(f"mic [{colour}]{'▮' * filled}[/]{'·' * (WIDTH - filled)}{quiet}")
