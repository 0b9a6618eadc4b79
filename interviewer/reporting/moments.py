"""The moments behind the voice and wording figures, as rows the screen lists and the reports link.

Each row says which figure it belongs to, when it was said and what; selecting it plays the answer
from there (the screens) or seeks the embedded recording (the HTML report). Read from the saved
analysis dict, so an analysis without these figures simply has no rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from interviewer.reporting.marks import fmt_clock

MAX_SAID = 70  # characters of the words said shown in a row


@dataclass(frozen=True)
class MomentRow:
    figure: str  # the Figure key it belongs to: pitch, energy, repetition, hedging, wordiness
    label: str  # what the moment shows, e.g. "flattest pitch (0.8 st)"
    start: float
    end: float
    said: str = ""
    also_at: tuple[float, ...] = field(default=())  # further times of the same thing (a repeated phrase)

    @property
    def when(self) -> str:
        return ", ".join(fmt_clock(t) for t in (self.start, *self.also_at))


def _said(text: str) -> str:
    return text if len(text) <= MAX_SAID else text[: MAX_SAID - 1].rstrip() + "…"


def _row(figure: str, label: str, moment: dict, also_at: tuple[float, ...] = ()) -> MomentRow:
    return MomentRow(figure, label, float(moment["start"]), float(moment["end"]), _said(str(moment.get("text", ""))),
                     also_at)  # fmt: skip


def delivery_moments(analysis: dict) -> list[MomentRow]:
    """The rows, the figure most worth a look first: wordiness, pitch, energy, hedging, repetition
    (repeated phrases, then the most-used words)."""
    rows: list[MomentRow] = []
    idle = (analysis.get("wordiness") or {}).get("longest_idle")
    if idle:
        rows.append(_row("wordiness", f"no hint content: {idle.get('note', '')}", idle))
    flattest = (analysis.get("pitch") or {}).get("flattest")
    if flattest:
        rows.append(_row("pitch", f"flattest pitch ({flattest.get('note', '')})", flattest))
    for moment in (analysis.get("energy") or {}).get("trailing") or []:
        rows.append(_row("energy", f"trailed off ({moment.get('note', '')})", moment))
    hedging = analysis.get("hedging") or {}
    if hedging.get("opener"):
        rows.append(_row("hedging", "weak opener", hedging["opener"]))
    for item in hedging.get("items") or []:
        label = f"hedge '{item['kind']}'" + (" (states the view asked for)" if item.get("excused") else "")
        rows.append(_row("hedging", label, item))
    repetition = analysis.get("repetition") or {}
    for phrase in repetition.get("phrases") or []:
        rows.append(_repeat_row(phrase, "said"))
    for word in repetition.get("top_words") or []:
        rows.append(_repeat_row(word, "used"))
    return rows


def _repeat_row(phrase: dict, verb: str) -> MomentRow:
    moments = phrase.get("moments") or [{"start": 0.0, "end": 0.0}]
    topic = " (the question's subject)" if phrase.get("on_topic") else ""
    label = f"'{phrase['text']}' {verb} {phrase['count']} times{topic}"
    also = tuple(float(m["start"]) for m in moments[1:])
    return _row("repetition", label, moments[0], also)
