"""The answer timer with the target band drawn: before the band, in it, and past it look different."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

BAR_WIDTH = 48


def format_clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


def band_phase(elapsed: float, target_s: tuple[int, int]) -> str:
    lo, hi = target_s
    return "before" if elapsed < lo else ("in-band" if elapsed <= hi else "over")


class TargetTimer(Static):
    """`1:42  [=======|......|   ]  target 2:00-3:00`, coloured by where the answer is."""

    DEFAULT_CSS = """
    TargetTimer { height: 3; padding: 0 1; border: round $panel; }
    TargetTimer.before { border: round $warning; color: $text; }
    TargetTimer.in-band { border: round $success; color: $success; }
    TargetTimer.over { border: round $error; color: $error; }
    """

    elapsed: reactive[float] = reactive(0.0)

    def __init__(self, target_s: tuple[int, int], **kwargs) -> None:
        super().__init__(**kwargs)
        self.target_s = target_s

    def watch_elapsed(self, elapsed: float) -> None:
        phase = band_phase(elapsed, self.target_s)
        self.set_classes(phase)
        self.update(self.timer_text(elapsed, phase))

    def timer_text(self, elapsed: float, phase: str) -> str:
        lo, hi = self.target_s
        scale = hi * 1.25
        cells = []
        for i in range(BAR_WIDTH):
            t = (i + 0.5) * scale / BAR_WIDTH
            mark = "█" if t <= elapsed else ("░" if lo <= t <= hi else "·")
            cells.append(mark)
        lo_cell, hi_cell = int(lo / scale * BAR_WIDTH), int(hi / scale * BAR_WIDTH)
        bar = "".join(cells[:lo_cell]) + "▕" + "".join(cells[lo_cell:hi_cell]) + "▏" + "".join(cells[hi_cell:])
        label = {"before": "before the band", "in-band": "in the band", "over": "past the band"}[phase]
        return f"[b]{format_clock(elapsed)}[/b]  {bar}  target {format_clock(lo)}–{format_clock(hi)} · {label}"
