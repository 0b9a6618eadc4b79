"""Numbered web pages (seed 004): `N. question` lines, each followed by its answer, with page
chrome (menus, adverts, footers) before, between and after.

Questions are unindented `N. ...` lines numbered 1, 2, 3 in turn (indented or out-of-sequence
numbers belong to answers). Everything before question 1 is the page header. Inside an answer,
chrome starts at the first paragraph that sells something (mentors, trials, coaching, ...) and
runs to the next question; short title-like lines just before it (`User Check`) go with it.
"""

from __future__ import annotations

import re

from interviewer.domain.bank import Question
from interviewer.domain.importers.document import ParsedDocument, question_id
from interviewer.domain.importers.hints import hint_from_answer
from interviewer.domain.importers.text import clean_block, repair, spoken

SHAPE = "numbered-page"
_QUESTION = re.compile(r"^(\d{1,3})\.\s+(\S.*)$")
_CHROME = re.compile(
    r"\b(mentors?|mentorship|free trial|sign ?up|subscribe|newsletter|coach(?:es|ing)?|illustration|"
    r"cancel anytime|start matching|cookies?|advert\w*|sponsored|book a (?:call|demo)|"
    r"no strings attached|try your first)\b",
    re.IGNORECASE,
)
_TITLE_LIKE = re.compile(r"^[^.!?:•\-\d][^.!?:]{0,58}$")


def looks_like(text: str) -> bool:
    return len(_question_lines(text.split("\n"))) >= 3


def _question_lines(lines: list[str]) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        match = _QUESTION.match(line)
        if match and int(match.group(1)) == len(found) + 1:
            found.append((index, match.group(2).strip()))
    return found


def parse(text: str) -> ParsedDocument:
    lines = repair(text).split("\n")
    marks = _question_lines(lines)
    header = _paragraphs(lines[: marks[0][0]] if marks else lines)
    questions: list[Question] = []
    notes: list[str] = []
    ends = [index for index, _ in marks[1:]] + [len(lines)]
    for (index, question), end in zip(marks, ends, strict=True):
        answer, chrome = _split_chrome(_paragraphs(lines[index + 1 : end]))
        if chrome:
            notes.append(f"page chrome dropped after question {len(questions) + 1}: {' / '.join(chrome)}")
        questions.append(_question(len(questions) + 1, question, "\n\n".join(answer)))
    title = spoken(header[0]) if header else ""
    description = next((p for p in header[1:] if len(p.split()) >= 8 and not _CHROME.search(p)), "")
    return ParsedDocument(title=title, description=spoken(description), questions=questions, notes=notes)


def _paragraphs(lines: list[str]) -> list[str]:
    paragraphs, current = [], []
    for line in lines + [""]:
        if line.strip():
            current.append(line.rstrip())
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    return paragraphs


def _split_chrome(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """The answer's own paragraphs, and the chrome that follows them."""
    start = next((i for i, p in enumerate(paragraphs) if _CHROME.search(p)), len(paragraphs))
    while start > 0 and _TITLE_LIKE.match(paragraphs[start - 1].strip()) and start < len(paragraphs):
        start -= 1
    return paragraphs[:start], paragraphs[start:]


def _question(number: int, text: str, answer: str) -> Question:
    answer = clean_block(answer)
    return Question(id=question_id(number), text=spoken(text), hint=hint_from_answer(answer), model_answer=answer)
