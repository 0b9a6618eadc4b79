"""Splitting a hint into the points a strong answer covers.

"Cover SMOTE/ADASYN, focal loss, stratified cross-validation, and the importance of
calibration in clinical settings." -> ["SMOTE/ADASYN", "focal loss",
"stratified cross-validation", "the importance of calibration in clinical settings"].
Commas inside parentheses do not split; sentences and semicolons do.
"""

from __future__ import annotations

import re

LEAD_INS = re.compile(
    r"^(?:a\s+(?:strong|good|great|comprehensive|complete)\s+(?:answer|response)\s+(?:should\s+)?|"
    r"the\s+(?:answer|response)\s+should\s+|you\s+should\s+|be\s+sure\s+to\s+|make\s+sure\s+to\s+)?"
    r"(?:cover|covers|discuss|discusses|explain|explains|describe|describes|mention|mentions|"
    r"address|addresses|reference|references|include|includes|define|defines|outline|outlines|"
    r"talk\s+about|touch\s+on|compare|compares|distinguish|distinguishes|emphasize|emphasizes|"
    r"give|gives|explaining|discussing|describing|covering|mentioning)\b[:\s]*",
    re.IGNORECASE,
)
LEADING_JOINERS = re.compile(r"^(?:and|or|as\s+well\s+as|plus|also|then)\s+", re.IGNORECASE)
ABBREVIATIONS = {"e.g.": "e_g_", "i.e.": "i_e_", "vs.": "vs_", "etc.": "etc_", "approx.": "approx_"}


def split_hint(hint: str) -> list[str]:
    """The hint's points, in the order written; an empty or blank hint has none."""
    text = " ".join(hint.split())
    for abbr, mark in ABBREVIATIONS.items():
        text = re.sub(re.escape(abbr), mark, text, flags=re.IGNORECASE)
    points: list[str] = []
    for sentence in _split_top_level(text, ".;"):
        clause = LEAD_INS.sub("", sentence.strip(), count=1).strip()
        pieces = _split_top_level(clause, ",")
        if len(pieces) == 1:
            pieces = _split_pair(clause)
        for piece in pieces:
            point = LEADING_JOINERS.sub("", piece.strip(" :")).strip()
            point = LEAD_INS.sub("", point, count=1).strip() or point
            if len(re.findall(r"\w+", point)) >= 1:
                points.append(_restore(point))
    return points


def _split_top_level(text: str, separators: str) -> list[str]:
    """Split on `separators` outside parentheses/brackets; '.' only when followed by space or end."""
    parts, depth, current = [], 0, []
    for i, char in enumerate(text):
        depth += char in "([{"
        depth -= char in ")]}" and depth > 0
        is_break = char in separators and depth == 0
        if is_break and char == "." and i + 1 < len(text) and not text[i + 1].isspace():
            is_break = False  # "3.5", "model.bin"
        if is_break:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [p for p in (p.strip() for p in parts) if p]


def _split_pair(clause: str) -> list[str]:
    """'A and B' -> [A, B] when both sides are noun phrases; 'between X and Y' stays whole."""
    match = re.search(r"\s+and\s+", clause)
    if not match or re.search(r"\b(?:between|both)\b", clause[: match.start()], re.IGNORECASE):
        return [clause]
    left, right = clause[: match.start()], clause[match.end() :]
    if len(left.split()) > 6 or len(right.split()) > 8 or " and " in right:
        return [clause]
    return [left, right]


def _restore(text: str) -> str:
    for abbr, mark in ABBREVIATIONS.items():
        text = text.replace(mark, abbr)
    return text
