"""The transcript of one answer: fillers highlighted, hedges underlined, long pauses inline, unsure words dimmed.

A Line API widget: it wraps the words itself, so it knows which word sits under the mouse and
which line to scroll to for a time. Playback calls `highlight_time(t)` to follow the voice.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from interviewer.reporting.marks import FILLER, HEDGE, PAUSE, UNSURE, Mark, mark_at, pause_label, transcript_marks

STYLES = {
    "word": Style(),
    FILLER: Style(color="black", bgcolor="yellow", bold=True),
    HEDGE: Style(color="magenta", underline=True),
    UNSURE: Style(dim=True, underline=True),
    PAUSE: Style(color="magenta", italic=True),
}
CURRENT = Style(reverse=True)


@dataclass(frozen=True)
class _Placed:
    index: int  # into the marks
    x: int  # cell where the mark starts on its line


def _label(mark: Mark) -> str:
    return pause_label(mark) if mark.kind == PAUSE else mark.text


def wrap_marks(marks: list[Mark], width: int) -> list[list[_Placed]]:
    """Greedy word wrap: lines of marks with their x positions, one space apart."""
    lines: list[list[_Placed]] = [[]]
    x = 0
    for i, mark in enumerate(marks):
        size = len(_label(mark))
        if lines[-1] and x + 1 + size > width:
            lines.append([])
            x = 0
        if lines[-1]:
            x += 1
        lines[-1].append(_Placed(i, x))
        x += size
    return lines if lines[0] else []


class TranscriptView(ScrollView, can_focus=True):
    """The answer's words. Left/right move the current word, enter selects it (plays from there)."""

    DEFAULT_CSS = """
    TranscriptView { height: 1fr; padding: 0 1; }
    TranscriptView:focus { background: $boost; }
    """
    BINDINGS = [
        Binding("left", "move(-1)", "Prev word", show=False),
        Binding("right", "move(1)", "Next word", show=False),
        Binding("enter", "select", "Play from word"),
    ]

    class WordSelected(Message):
        """A word or pause was clicked or chosen with enter: play from `time_s`."""

        def __init__(self, time_s: float) -> None:
            super().__init__()
            self.time_s = time_s

    def __init__(self, analysis: dict | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.marks: list[Mark] = []
        self.current: int | None = None
        self._lines: list[list[_Placed]] = []
        self._wrapped_for = -1
        if analysis is not None:
            self.load(analysis)

    def load(self, analysis: dict) -> None:
        """Show another analysis (e.g. once the feedback screen has one)."""
        self.marks = transcript_marks(analysis)
        self.current = None
        self._wrapped_for = -1
        self.refresh(layout=True)

    @property
    def text(self) -> str:
        """What is on screen, one line per wrapped line (for tests and copying)."""
        self._ensure_wrapped()
        return "\n".join(self._line_text(line) for line in self._lines)

    def _line_text(self, line: list[_Placed]) -> str:
        return " ".join(_label(self.marks[p.index]) for p in line)

    def _wrap_width(self) -> int:
        return max(10, self.scrollable_content_region.width or self.size.width or 80)

    def _ensure_wrapped(self) -> None:
        width = self._wrap_width()
        if width != self._wrapped_for:
            self._lines = wrap_marks(self.marks, width)
            self._wrapped_for = width
            self.virtual_size = Size(width, len(self._lines))

    def on_resize(self) -> None:
        self._ensure_wrapped()

    def get_content_height(self, container, viewport, width: int) -> int:
        self._ensure_wrapped()
        return len(self._lines)

    def render_line(self, y: int) -> Strip:
        self._ensure_wrapped()
        width = self.scrollable_content_region.width
        number = self.scroll_offset.y + y
        base = self.rich_style  # the widget's style, inherited through the DOM: worked out once per line
        if number >= len(self._lines):
            return Strip.blank(width, base)
        line = self._lines[number]
        segments: list[Segment] = []
        for n, placed in enumerate(line):
            if n:
                segments.append(Segment(" ", base))
            mark = self.marks[placed.index]
            style = base + STYLES.get(mark.kind, Style())
            if placed.index == self.current:
                style += CURRENT
            segments.append(Segment(_label(mark), style + Style(meta={"mark": placed.index})))
        return Strip(segments).extend_cell_length(width, base)

    def line_of(self, index: int) -> int:
        self._ensure_wrapped()
        for number, line in enumerate(self._lines):
            if line and line[0].index <= index <= line[-1].index:
                return number
        return 0

    def highlight_time(self, t: float) -> None:
        """Mark the word being said at `t` seconds and keep it in view."""
        index = mark_at(self.marks, t)
        if index != self.current:
            self.current = index
            self.refresh()
            if index is not None:
                self._scroll_to_line(self.line_of(index))

    def scroll_to_time(self, t: float) -> None:
        """Bring the words said at `t` seconds into view and make that word current."""
        self.highlight_time(t)
        if self.current is not None:
            self._scroll_to_line(self.line_of(self.current), center=True)

    def _scroll_to_line(self, number: int, center: bool = False) -> None:
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if center or not top <= number < top + max(1, height):
            self.scroll_to(y=max(0, number - height // 2), animate=False)

    def action_move(self, step: int) -> None:
        if not self.marks:
            return
        start = -1 if self.current is None and step > 0 else self.current or 0
        self.current = max(0, min(len(self.marks) - 1, start + step))
        self._scroll_to_line(self.line_of(self.current))
        self.refresh()

    def action_select(self) -> None:
        if self.current is not None:
            self.post_message(self.WordSelected(self.marks[self.current].start))

    def on_click(self, event: Click) -> None:
        index = event.style.meta.get("mark")
        if index is not None:
            self.current = index
            self.refresh()
            self.post_message(self.WordSelected(self.marks[index].start))
