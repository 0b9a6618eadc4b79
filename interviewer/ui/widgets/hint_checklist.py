"""The points of the question's hint, each ✓ with the time it was said or ✗ if it never was."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from interviewer.reporting.marks import (
    APART_LEGEND,
    APART_SIGN,
    COVERED,
    MISSED,
    PARTIAL,
    POINT_SIGN,
    fmt_clock,
    heard_apart,
    hint_points,
    item_sign,
    point_parts,
    point_sign,
    point_state,
)

STATE_STYLE = {COVERED: "bold green", PARTIAL: "bold yellow", MISSED: "bold red"}
SIGN_STYLE = {POINT_SIGN[COVERED]: "green", APART_SIGN: "yellow", POINT_SIGN[MISSED]: "red"}


def point_prompt(point: dict) -> Text:
    state, sign = point_state(point), point_sign(point)
    text = Text(sign + " ", style="bold yellow" if sign == APART_SIGN else STATE_STYLE[state])
    head, items = point_parts(point)
    text.append(head, style="" if state != MISSED else "dim")
    for k, item in enumerate(items):
        text.append((": " if head else "") if k == 0 else ", ")
        text.append(str(item.get("text", "")), style="" if item.get("covered") else "dim")
        text.append(" " + item_sign(item), style=SIGN_STYLE[item_sign(item)])
    if point.get("at_s") is not None:
        text.append(f"  {fmt_clock(point['at_s'])}", style="cyan")
    return text


class HintChecklist(OptionList):
    """Selecting a covered point (enter or click) posts `PointSelected` with when it was said."""

    DEFAULT_CSS = """
    HintChecklist { height: auto; max-height: 12; border: round $secondary; }
    """

    class PointSelected(Message):
        def __init__(self, time_s: float) -> None:
            super().__init__()
            self.time_s = time_s

    def __init__(self, analysis: dict | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.points: list[dict] = []
        self.border_title = "Hint points"
        if analysis is not None:
            self.load(analysis)

    def load(self, analysis: dict) -> None:
        self.points = hint_points(analysis)
        self.set_options([Option(point_prompt(p)) for p in self.points])
        self.highlighted = 0 if self.points else None
        covered = sum(1 for p in self.points if p.get("covered"))
        subtitle = f"{covered}/{len(self.points)} covered" if self.points else "no hint"
        self.border_subtitle = f"{subtitle} · {APART_LEGEND}" if heard_apart(self.points) else subtitle

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        point = self.points[event.option_index]
        if point.get("at_s") is not None:
            self.post_message(self.PointSelected(float(point["at_s"])))
        else:
            self.notify("This point was not said in the answer.", timeout=3)
