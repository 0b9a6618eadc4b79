"""A hint from a model answer: its key points, short enough to read at a glance and to score.

The points come, in order of preference, from the answer's labelled sections (`**1. Data
Layer:**`, `### Heading`), its bullets, the claim (first sentence) of each paragraph, and its
bolded terms. Code, tables, chatbot offers ("Would you like ...") and filler are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from interviewer.domain.importers.text import (
    HTML_TAG,
    MAX_POINTS,
    is_advice,
    is_chatter,
    is_offer,
    join_points,
    sentences,
    shorten,
    strip_emoji,
    strip_markdown,
    without_filler,
)

_BULLET = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+(.*)$")
_LABEL_LINE = re.compile(r"^\s*(?:#{2,6}\s+.*|\*\*[^*]+\*\*:?\s*)$")
_LEAD_LABEL = re.compile(r"^\s*\*\*([^*]{2,60}?):?\*\*:?\s+(\S.*)$")
_BOLD = re.compile(r"\*\*([^*]{3,60})\*\*")
_SKIP_LABELS = re.compile(r"^(answer|your answer|me|interviewer|example|summary|outcome|tl;dr)\b", re.I)


@dataclass
class _Section:
    label: str
    bullets: list[str]
    claims: list[str]
    more: list[str] = field(default_factory=list)  # later sentences, used when claims are few


def hint_from_answer(answer: str) -> str:
    """Key points of a model answer as one line, `a; b; c.`; empty when it has no prose."""
    return join_points(key_points(answer))


def key_points(answer: str) -> list[str]:
    lines = _prose_lines(answer)
    headings = sum(bool(re.match(r"^\s*#{2,6}\s", line)) for line in lines)
    sections = _sections(lines, bold_labels=headings < 2)
    labelled = [s for s in sections if s.label and (s.bullets or s.claims)]
    if len(labelled) >= 2:
        points = [_label_point(s) for s in labelled]
        lead = next((s.claims[0] for s in sections if s.claims), "")
        points = ([shorten(lead)] if lead and len(points) < MAX_POINTS else []) + points
    else:
        points = _claims_and_bullets(sections)
    if len(points) < 3:
        bold = [shorten(strip_markdown(b)) for b in _BOLD.findall(answer) if not _SKIP_LABELS.match(b)]
        points += [b for b in bold if not any(p.lower().startswith(b.lower()) for p in points)]
    return [p for p in points if p][:MAX_POINTS]


def _label_point(section: _Section) -> str:
    label = shorten(section.label, 50)
    detail = section.bullets[0] if section.bullets else section.claims[0]
    detail = shorten(detail, 50)
    return f"{label}: {detail}" if detail and detail != label else label


def _claims_and_bullets(sections: list[_Section]) -> list[str]:
    claims = [c for s in sections for c in s.claims]
    bullets = [b for s in sections for b in s.bullets]
    if bullets:
        return [shorten(c) for c in claims[:2]] + [shorten(b) for b in bullets]
    if len(claims) < 3:
        claims += [m for s in sections for m in s.more][: 4 - len(claims)]
    return [shorten(c) for c in claims]


def _prose_lines(answer: str) -> list[str]:
    """The answer's lines without code blocks, tables, HTML and chatbot offers."""
    lines, in_code = [], False
    for raw in answer.split("\n"):
        stripped = raw.strip()
        if stripped.startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_code or stripped.startswith("|") or raw.startswith("    ") and not _BULLET.match(raw):
            continue
        line = strip_emoji(HTML_TAG.sub("", raw)).rstrip()
        if is_offer(strip_markdown(line)) or re.match(r"^\*\(.*\)\*$", line.strip()):
            continue
        lines.append(line)
    return lines


def _sections(lines: list[str], bold_labels: bool) -> list[_Section]:
    sections = [_Section("", [], [])]
    paragraph: list[str] = []
    advice = False  # bullets right after advice on how to answer are advice too

    def flush() -> None:
        nonlocal advice
        if paragraph:
            text = " ".join(paragraph)
            advice = is_advice(text)
            if not advice:
                _add_paragraph(sections[-1], text)
            paragraph.clear()

    for line in lines:
        if not line.strip() or line.strip() == "---":
            flush()
            continue
        label = _label(line) if bold_labels or line.lstrip().startswith("#") else None
        if label is not None:
            flush()
            advice = is_advice(label)
            sections.append(_Section("" if advice else label, [], []))
            continue
        bullet = _BULLET.match(line)
        lead = _LEAD_LABEL.match(line)
        if bullet or lead:
            flush()
            item = strip_markdown(bullet.group(1) if bullet else f"{lead.group(1)}: {lead.group(2)}")
            if item and not advice and not item.endswith(":") and not is_chatter(item) and not is_advice(item):
                sections[-1].bullets.append(item)
            continue
        paragraph.append(line.strip())
    flush()
    return sections


def _label(line: str) -> str | None:
    if not _LABEL_LINE.match(line):
        return None
    label = strip_markdown(line).rstrip(":").strip()
    label = re.sub(r"^\d+[.)]\s*", "", label)
    if not label or _SKIP_LABELS.match(label):
        return ""
    return label


def _add_paragraph(section: _Section, text: str) -> None:
    """A paragraph's claim (first real sentence); an inline `intro: - a - b` list becomes bullets."""
    text = strip_markdown(text)
    if " - " in text and ":" in text:
        intro, _, rest = text.partition(":")
        items = [i.strip() for i in rest.split(" - ") if i.strip()]
        if len(items) >= 2:
            section.bullets.extend(items)
            text = intro
    if text.endswith(":") or is_chatter(text):
        return
    found = False
    for sentence in sentences(text):
        claim = without_filler(sentence)
        if claim and not claim.endswith(":") and not is_chatter(claim) and not is_advice(claim):
            (section.more if found else section.claims).append(claim)
            found = True
