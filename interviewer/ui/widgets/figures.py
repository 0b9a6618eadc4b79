"""The figures of one analysis: duration against its band, pace, fillers, pauses, coverage, scores.

Reliability warnings come first and in red when the analysis says its figures can't be trusted.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from interviewer.reporting.figures import (
    Figure,
    figures,
    score_lines,
    score_reasons,
    sparkline,
    trusted,
    verdict_lines,
    warnings,
)

LEVEL_STYLE = {"good": "bold green", "ok": "green", "warn": "yellow", "bad": "red"}


def render_figures(analysis: dict) -> Text:
    text = Text()
    notes = warnings(analysis)
    if notes:
        head = "⚠ Figures not reliable:" if not trusted(analysis) else "⚠ Note:"
        text.append(head + "\n", style="bold white on red" if not trusted(analysis) else "bold yellow")
        for note in notes:
            text.append(f"  {note}\n", style="red" if not trusted(analysis) else "yellow")
    for row in figures(analysis):
        _append_row(text, row)
    for line in verdict_lines(analysis):
        text.append(line + "\n", style="italic" if not line.startswith("→") else "yellow")
    lines, reasons = score_lines(analysis), score_reasons(analysis)
    if lines or reasons:
        text.append("\n")
    text.append("   ".join(lines) + ("\n" if lines else ""), style="bold")
    for reason in reasons:
        text.append(f"• {reason}\n", style="dim")
    return text if text.plain else Text("No analysis yet.", style="dim")


def _append_row(text: Text, row: Figure) -> None:
    text.append(f"{row.label:<12}", style="bold")
    text.append(row.value, style=LEVEL_STYLE.get(row.level, ""))
    if len(row.series) > 1:
        text.append("  " + sparkline(row.series), style="cyan")
    text.append("\n")
    detail = "  ".join(part for part in (row.bar, row.detail) if part)
    if detail:
        text.append(f"  {detail}\n", style="dim")


class FiguresPanel(Static):
    DEFAULT_CSS = """
    FiguresPanel { height: auto; border: round $primary; padding: 0 1; }
    """

    def __init__(self, analysis: dict | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.border_title = "Figures"
        self.analysis = analysis or {}

    def on_mount(self) -> None:
        self.load(self.analysis)

    def load(self, analysis: dict) -> None:
        self.analysis = analysis
        self.update(render_figures(analysis))
        version = analysis.get("analysis_version")
        self.border_subtitle = f"analysis v{version}" if version is not None else ""
