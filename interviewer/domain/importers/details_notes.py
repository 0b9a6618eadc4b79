"""Markdown notes with `<details>` answers (seed 003).

The document is split at top-level `# ` headings (never inside fenced code: there `#` starts a
Python comment). In each topic, questions are `**Q: ...**`, `## Interview Question: ...` and
`**Interviewer**: ...` lines, or the numbered items of a section called "Questions". A topic
without any of those is one question itself when its heading is `Q: ...` / `Interview Question:
...`, reads as a question, or is followed by the question in full (the full question wins);
otherwise it is not a question, and when the question before it has no answer yet, it is that
answer. A heading naming a question whose words are lost keeps a stand-in text, marked missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from interviewer.domain.bank import Question
from interviewer.domain.importers.document import ParsedDocument, question_id
from interviewer.domain.importers.hints import hint_from_answer
from interviewer.domain.importers.text import HTML_TAG, clean_block, repair, spoken

SHAPE = "details-notes"
_TOPIC = re.compile(r"^#\s+(.+)$")
_MARKERS = (
    re.compile(r"^##\s+Interview Question\s*:\s*(.+)$", re.I),
    re.compile(r"^\*\*Q\s*:\s*(.+?)\*\*\s*$"),
    re.compile(r"^\*\*Interviewer\*\*\s*:\s*(.+)$"),
)
_NUMBERED = re.compile(r"^\d+\.\s+(.+)$")
_LABELLED = re.compile(r"^(?:Q|Interview Question)\s*:\s*(.+)$", re.I)
_ASKS = re.compile(
    r"^(what|how|why|when|where|which|who|do|does|did|can|could|would|will|is|are|have|has|"
    r"tell me|explain|describe|walk me|you said|you mentioned|you have|so you)\b",
    re.I,
)
_TOPIC_PREFIX = re.compile(r"^([\w/ -]{2,20}):\s+(.+\?)$")  # "RecSys: Have you done ...?"
_ANSWER_LABEL = re.compile(r"^\s*\*\*(Answer|Me)\*\*\s*:?\s*|^\s*\*\*Answer:\*\*\s*", re.I)


@dataclass
class _Topic:
    heading: str
    lines: list[str] = field(default_factory=list)  # body lines outside code; code kept verbatim
    code: list[bool] = field(default_factory=list)


@dataclass
class _Found:
    text: str
    answer: list[str]
    category: str = ""
    missing: tuple[str, ...] = ()
    exhibit: str = ""


def looks_like(text: str) -> bool:
    return "<details>" in text and bool(re.search(r"^#\s+(Q:|Interview Question:)", text, re.M))


def parse(text: str) -> ParsedDocument:
    topics = _topics(repair(text).split("\n"))
    found: list[_Found] = []
    notes: list[str] = []
    for topic in topics:
        questions = _questions_in(topic)
        if questions:
            found.extend(questions)
        elif found and not _prose(found[-1].answer):
            found[-1].answer = topic.lines
            notes.append(f"'# {topic.heading}' is not a question: read as the answer to the one before")
        else:
            notes.append(f"'# {topic.heading}' is not a question: no question in its heading or text")
    found = _drop_restated(found, notes)
    questions = [_question(i + 1, f) for i, f in enumerate(found)]
    return ParsedDocument(title="", description="", questions=questions, notes=notes)


def _topics(lines: list[str]) -> list[_Topic]:
    topics: list[_Topic] = []
    in_code = False
    for line in lines:
        fence = line.strip().startswith(("```", "~~~"))
        if not in_code and not fence and _TOPIC.match(line):
            topics.append(_Topic(_TOPIC.match(line).group(1).strip()))
            continue
        if fence:
            in_code = not in_code
        if topics:
            topics[-1].lines.append(line)
            topics[-1].code.append(in_code or fence)
    return topics


def _questions_in(topic: _Topic) -> list[_Found]:
    label = spoken(topic.heading)
    marks = [(i, m.group(1)) for i, line in enumerate(topic.lines) if not topic.code[i] for m in _marks(line)]
    if not marks and re.fullmatch(r"questions?", label, re.I):
        marks = [(i, m.group(1)) for i, line in enumerate(topic.lines) if (m := _NUMBERED.match(line))]
        label = "Opening questions"
    if marks:
        category = _LABELLED.sub(r"\1", label)
        ends = [i for i, _ in marks[1:]] + [len(topic.lines)]
        return [_Found(text, topic.lines[i + 1 : end], category) for (i, text), end in zip(marks, ends, strict=True)]
    return _heading_question(topic, label)


def _marks(line: str) -> list[re.Match]:
    stripped = line.strip()
    return [m for pattern in _MARKERS if (m := pattern.match(stripped))][:1]


def _heading_question(topic: _Topic, label: str) -> list[_Found]:
    first, rest = _first_paragraph(topic)
    labelled = _LABELLED.match(label)
    if labelled:
        topic_prefix = _TOPIC_PREFIX.match(labelled.group(1))
        if topic_prefix:
            return [_Found(topic_prefix.group(2), topic.lines, category=topic_prefix.group(1))]
        return [_Found(labelled.group(1), topic.lines)]
    asks = bool(_ASKS.match(label) or label.endswith("?"))
    if first and _ASKS.match(first) and asks:
        return [_Found(f"{label.rstrip('?')}? {first}", rest)]
    if first and _ASKS.match(first):
        return [_Found(first, rest, category=label)]
    if asks:
        return [_Found(label, topic.lines)]
    if re.search(r"\bquestion\b", label, re.I):
        code = "\n".join(line for line, is_code in zip(topic.lines, topic.code, strict=True) if is_code).strip()
        stand_in = f"{label}: look at the code shown and explain what it does and what it prints."
        return [_Found(stand_in, topic.lines, missing=("text",), exhibit=code)]
    return []


def _first_paragraph(topic: _Topic) -> tuple[str, list[str]]:
    """The first plain paragraph of a topic's body, and the lines after it."""
    words: list[str] = []
    for i, line in enumerate(topic.lines):
        plain = HTML_TAG.sub("", re.sub(r"<summary>.*?</summary>", "", line)).strip()
        if topic.code[i] or plain.startswith(("#", "-", "*", "|")):
            if words:
                return " ".join(words), topic.lines[i:]
            if plain.startswith("#") or topic.code[i]:
                return "", topic.lines
            continue
        if plain:
            words.append(plain)
        elif words:
            return " ".join(words), topic.lines[i:]
    return " ".join(words), []


def _prose(lines: list[str]) -> bool:
    return bool(re.sub(r"\s", "", HTML_TAG.sub("", "".join(lines))))


def _drop_restated(found: list[_Found], notes: list[str]) -> list[_Found]:
    """A question with no answer, restated in full by the next one, is that next question."""
    kept: list[_Found] = []
    for n, item in enumerate(found):
        following = found[n + 1] if n + 1 < len(found) else None
        opening = spoken(item.text).lower()[:24]
        if following and not _prose(item.answer) and spoken(following.text).lower().startswith(opening):
            notes.append(f"{spoken(item.text)!r} is restated in full just after: kept once")
            continue
        kept.append(item)
    return kept


def _question(number: int, found: _Found) -> Question:
    answer = clean_block(_ANSWER_LABEL.sub("", "\n".join(found.answer), count=1))
    return Question(
        id=question_id(number),
        text=spoken(found.text),
        hint=hint_from_answer(answer),
        category=spoken(found.category),
        model_answer=answer,
        exhibit=found.exhibit,
        missing=found.missing,
    )
