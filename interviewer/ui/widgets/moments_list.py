"""The moments behind the voice and wording figures: the flattest sentence, the ones that trailed off,
each hedge, each repeated phrase. Selecting one plays the answer from there."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from interviewer.reporting.moments import MomentRow, delivery_moments

FIGURE_STYLE = {"pitch": "cyan", "energy": "cyan", "wordiness": "yellow", "hedging": "magenta", "repetition": "blue"}


def moment_prompt(row: MomentRow) -> Text:
    text = Text(f"{row.when}  ", style=FIGURE_STYLE.get(row.figure, ""))
    text.append(row.label)
    if row.said:
        text.append(f"\n  “{row.said}”", style="dim")
    return text


class MomentsList(OptionList):
    """Selecting a moment (enter or click) posts `MomentSelected` with when it starts."""

    DEFAULT_CSS = """
    MomentsList { height: auto; max-height: 14; border: round $secondary; }
    """

    class MomentSelected(Message):
        def __init__(self, time_s: float) -> None:
            super().__init__()
            self.time_s = time_s

    def __init__(self, analysis: dict | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: list[MomentRow] = []
        self.border_title = "Moments"
        if analysis is not None:
            self.load(analysis)

    def load(self, analysis: dict) -> None:
        self.rows = delivery_moments(analysis)
        self.set_options([Option(moment_prompt(row)) for row in self.rows])
        self.highlighted = 0 if self.rows else None
        self.border_subtitle = f"{len(self.rows)} · enter plays" if self.rows else "none"
        self.display = bool(self.rows)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.MomentSelected(self.rows[event.option_index].start))
