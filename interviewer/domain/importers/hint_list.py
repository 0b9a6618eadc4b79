"""Hint-only lists (seeds 000, 001): difficulty sections, each opened by a count line glued to
its first item (`5 questionsA strong answer ...`), one hint per line; the questions were lost.

Each hint is kept verbatim (repaired) under its section; the question text is marked missing
and given a spoken stand-in that names the topic, for a person to replace.
"""

from __future__ import annotations

import re

from interviewer.domain.bank import Question
from interviewer.domain.importers.document import ParsedDocument, question_id
from interviewer.domain.importers.text import repair, spoken

SHAPE = "hint-list"
_COUNT = re.compile(r"^(\d+)\s+questions?(?=\S)(.*)$")
_LEVELS = ("beginner", "intermediate", "advanced", "expert")
_LEADS = re.compile(
    r"^(?:a (?:strong|good|comprehensive) (?:answer|response)|the answer(?: should)?|look for evidence of|"
    r"look for|assess)?\s*(?:covers?|discuss(?:es)?|explains?|describes?|distinguish(?:es)?|defines?|"
    r"references?|emphasi[sz]es?|shows?|demonstrates?|reference)?\s*",
    re.IGNORECASE,
)


def looks_like(text: str) -> bool:
    return sum(bool(_COUNT.match(line.strip())) for line in text.splitlines()) >= 1


def parse(text: str) -> ParsedDocument:
    lines = [line.strip() for line in repair(text).splitlines()]
    lines = [line for line in lines if line]
    starts = [i for i, line in enumerate(lines) if _COUNT.match(line)]
    preamble = lines[: starts[0] - 1] if starts else lines
    questions: list[Question] = []
    notes: list[str] = []
    for n, start in enumerate(starts):
        section = lines[start - 1]
        end = (starts[n + 1] - 1) if n + 1 < len(starts) else len(lines)
        match = _COUNT.match(lines[start])
        items = [match.group(2).strip()] + lines[start + 1 : end]
        items = [item for item in items if item]
        if len(items) != int(match.group(1)):
            notes.append(f"section {section!r} announces {match.group(1)} questions but holds {len(items)}")
        for hint in items:
            questions.append(_question(len(questions) + 1, section, hint))
    notes.append(f"{len(questions)} hints had no question text: each got a spoken stand-in, marked missing")
    title = next((line for line in preamble if "question" in line.lower()), preamble[0] if preamble else "")
    description = preamble[-1] if len(preamble) > 1 and preamble[-1] != title else ""
    return ParsedDocument(title=spoken(title), description=description, questions=questions, notes=notes)


def _question(number: int, section: str, hint: str) -> Question:
    difficulty = section.lower() if section.lower() in _LEVELS else ""
    return Question(
        id=question_id(number),
        text=fallback_text(hint),
        hint=hint,
        category=section,
        difficulty=difficulty,
        missing=("text",),
    )


def fallback_text(hint: str) -> str:
    """A spoken stand-in naming the hint's topic, e.g. 'Tell me about calibration curves.'"""
    topic = _LEADS.sub("", hint, count=1).strip()
    topic = re.split(r";\s|\s—\s|(?<!\bvs)(?<!e\.g)(?<!i\.e)\.\s|:\s", topic, maxsplit=1)[0].rstrip(".")
    if len(topic) > 120 and ", " in topic[:120]:
        topic = topic[: topic.rfind(", ", 0, 120)]
    if not topic[1:2].isupper():
        topic = topic[:1].lower() + topic[1:]
    return spoken(f"Tell me about {topic}.")
