"""The transcript of an answer as a row of marks: words, fillers, hedges, unsure words and long pauses.

Both the TranscriptView widget and the exports draw from `transcript_marks`, so the screen and
a report always agree on what was a filler and where a pause was.
"""

from __future__ import annotations

from dataclasses import dataclass

from interviewer.domain.transcript import continues_word

WORD, FILLER, HEDGE, UNSURE, PAUSE = "word", "filler", "hedge", "unsure", "pause"
LOW_PROBABILITY = 0.5  # Whisper word probability below which a word is shown as unsure
FILLER_MATCH_S = 0.15  # a filler item this close to a word's start, with its first word, is that word
HEDGE_MATCH_S = 0.002  # hedge and word times are both saved to the thousandth


@dataclass(frozen=True)
class Mark:
    """One piece of the transcript. `start`/`end` are seconds from the start of the recording."""

    kind: str
    text: str
    start: float
    end: float
    probability: float = 1.0

    @property
    def duration(self) -> float:
        return self.end - self.start


def fmt_clock(seconds: float | None) -> str:
    """`75.4` -> `1:15`; None -> `-`."""
    if seconds is None:
        return "-"
    whole = int(round(max(0.0, seconds)))
    return f"{whole // 60}:{whole % 60:02d}"


PAUSE_SYMBOL = "⏸"  # terminals draw it; the HTML report uses "‖", which every browser font has


def pause_label(mark: Mark, symbol: str = PAUSE_SYMBOL) -> str:
    return f"[{symbol} {mark.duration:.1f} s]"


def _words(analysis: dict) -> list[dict]:
    return list((analysis.get("transcript") or {}).get("words") or [])


def _long_pauses(analysis: dict) -> list[tuple[float, float]]:
    pauses = analysis.get("pauses") or {}
    threshold = float(pauses.get("threshold_s", 0.0) or 0.0)
    found = []
    for item in pauses.get("items") or []:
        start, end = float(item["start"]), float(item["end"])
        if end - start >= threshold:
            found.append((start, end))
    return sorted(found)


def _filler_items(analysis: dict) -> list[tuple[float, str, str]]:
    """(start, type, text said) of each filler; `text` may be several words ("you know")."""
    items = (analysis.get("fillers") or {}).get("items") or []
    return sorted((float(i["start"]), str(i.get("type", "")), str(i.get("text") or i.get("type", ""))) for i in items)


def _norm(text: str) -> str:
    return text.strip().strip(".,!?;:\"'…-").lower()


def _filler_word_indices(words: list[dict], fillers: list[tuple[float, str, str]]) -> tuple[set[int], list]:
    """Indices of the words that are fillers, and the fillers no word matched (heard only)."""
    marked: set[int] = set()
    unmatched = []
    for start, kind, said in fillers:
        parts = [_norm(w) for w in said.split()] or [kind]
        first = next(
            (
                i
                for i, w in enumerate(words)
                if i not in marked
                and abs(float(w["start"]) - start) <= FILLER_MATCH_S
                and _norm(str(w["word"])) == parts[0]
            ),
            None,
        )
        if first is None:
            unmatched.append((start, kind))
            continue
        marked.update(range(first, min(len(words), first + len(parts))))
    return marked, unmatched


def _hedge_word_indices(words: list[dict], analysis: dict) -> set[int]:
    """Indices of the words inside a counted hedge ("I think" that softens, not one that states the view asked for)."""
    spans = [
        (float(h["start"]), float(h.get("end", h["start"])))
        for h in (analysis.get("hedging") or {}).get("items") or []
        if not h.get("excused")
    ]
    return {
        i
        for i, w in enumerate(words)
        if any(a - HEDGE_MATCH_S <= float(w["start"]) and float(w["end"]) <= b + HEDGE_MATCH_S for a, b in spans)
    }


def _word_marks(
    words: list[dict], fillers: list[tuple[float, str, str]], hedges: set[int] = frozenset()
) -> tuple[list[Mark], list]:
    """Marks for the words, and the filler items no word matched (heard in the audio only).
    The pieces Whisper split a hyphenated word into make one mark: "cross-validation"."""
    filler_words, unmatched = _filler_word_indices(words, fillers)
    marks: list[Mark] = []
    for i, word in enumerate(words):
        probability = float(word.get("probability", 1.0))
        kind = (
            FILLER if i in filler_words else HEDGE if i in hedges else UNSURE if probability < LOW_PROBABILITY else WORD
        )
        mark = Mark(kind, str(word["word"]).strip(), float(word["start"]), float(word["end"]), probability)
        if marks and continues_word(str(word["word"])):
            mark = _glued(marks.pop(), mark)
        marks.append(mark)
    return marks, unmatched


def _glued(first: Mark, rest: Mark) -> Mark:
    probability = min(first.probability, rest.probability)
    kind = FILLER if FILLER in (first.kind, rest.kind) else UNSURE if probability < LOW_PROBABILITY else WORD
    return Mark(kind, first.text + rest.text, first.start, rest.end, probability)


def transcript_marks(analysis: dict) -> list[Mark]:
    """Words, fillers (also those heard but not transcribed), hedges and long pauses, in time order."""
    words = _words(analysis)
    marks, unmatched = _word_marks(words, _filler_items(analysis), _hedge_word_indices(words, analysis))
    extra = [Mark(FILLER, f"‹{kind}›", start, start) for start, kind in unmatched]
    pauses = [Mark(PAUSE, "", start, end) for start, end in _long_pauses(analysis)]
    order = {PAUSE: 0, FILLER: 1, HEDGE: 1, UNSURE: 1, WORD: 1}
    return sorted(marks + extra + pauses, key=lambda m: (m.start, order[m.kind]))


def mark_at(marks: list[Mark], t: float) -> int | None:
    """Index of the mark being said (or the last one started) at `t` seconds; None before the first."""
    best = None
    for i, mark in enumerate(marks):
        if mark.start <= t + 1e-6:
            best = i
        else:
            break
    return best


def hint_points(analysis: dict) -> list[dict]:
    """`[{point, covered, at_s, evidence, items}]` from the coverage part of the analysis."""
    return list((analysis.get("coverage") or {}).get("points") or [])


COVERED, PARTIAL, MISSED = "covered", "partial", "missed"
POINT_SIGN = {COVERED: "✓", PARTIAL: "◐", MISSED: "✗"}
APART_SIGN = "≈"  # covered by its words heard apart, not as a phrase (less sure)
APART_NOTE = "≈ its words heard apart, not as a phrase: play it to check"
APART_LEGEND = "≈ heard apart"  # the same, short enough for the checklist's border beside "3/4 covered"


def point_state(point: dict) -> str:
    items = point.get("items") or []
    if point.get("covered"):
        return COVERED
    return PARTIAL if any(i.get("covered") for i in items) else MISSED


def point_sign(point: dict) -> str:
    """The point's sign: ✓ ◐ ✗, or ≈ for a point covered only by items whose words were heard apart."""
    covered = [i for i in point.get("items") or [] if i.get("covered")]
    if point_state(point) == COVERED and covered and all(i.get("apart") for i in covered):
        return APART_SIGN
    return POINT_SIGN[point_state(point)]


def item_sign(item: dict) -> str:
    if not item.get("covered"):
        return POINT_SIGN[MISSED]
    return APART_SIGN if item.get("apart") else POINT_SIGN[COVERED]


def heard_apart(points: list[dict]) -> bool:
    return any(i.get("covered") and i.get("apart") for p in points for i in p.get("items") or [])


def point_parts(point: dict) -> tuple[str, list[dict]]:
    """(head, items) of a point for display: a point naming several things lists them,
    "calibration techniques: Platt scaling ✓, temperature scaling ✗"; one naming one thing has none."""
    items = point.get("items") or []
    if len(items) < 2:
        return str(point.get("point", "")), []
    return str(point.get("label") or ""), list(items)


def point_line(point: dict) -> str:
    """The point as one plain line, signs included (Markdown and anywhere without colour)."""
    head, items = point_parts(point)
    listed = ", ".join(f"{i.get('text', '')} {item_sign(i)}" for i in items)
    return f"{head}: {listed}" if head and listed else listed or head
