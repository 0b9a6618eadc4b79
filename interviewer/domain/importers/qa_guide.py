"""Markdown Q&A guides (seed 002): `## ` category headings, `### **Q1: "question"**`, then
`**Your Answer:**` and a quoted model answer. Code shown before the answer is the question's
exhibit (shown, not spoken). Sections without a `Q<n>:` heading (tips, contents) are not questions.
"""

from __future__ import annotations

import re

from interviewer.domain.bank import Question
from interviewer.domain.importers.document import ParsedDocument, question_id
from interviewer.domain.importers.hints import hint_from_answer
from interviewer.domain.importers.text import clean_block, repair, spoken

SHAPE = "qa-guide"
_QUESTION = re.compile(r"^###\s+\**\s*Q(\d+)\s*:\s*(.+?)\**\s*$")
_ANSWER = re.compile(r"^\*\*\s*(?:Your\s+)?Answer\s*:?\s*\*\*:?\s*$", re.IGNORECASE)
_CATEGORY = re.compile(r"^##\s+(.+)$")


def looks_like(text: str) -> bool:
    return bool(re.search(r"^###\s+\**\s*Q\d+\s*:", text, re.M)) and "Answer:**" in text


def parse(text: str) -> ParsedDocument:
    lines = repair(text).split("\n")
    title = next((spoken(line) for line in lines if line.startswith("# ")), "")
    description = next((spoken(line) for line in lines[1:6] if re.match(r"^\*[^*].*\*$", line.strip())), "")
    questions: list[Question] = []
    skipped: list[str] = []
    category, block, in_code = "", None, False
    for line in lines + ["## end"]:
        if line.strip().startswith("```"):
            in_code = not in_code
        heading = None if in_code else (_QUESTION.match(line) or _CATEGORY.match(line))
        if heading is None:
            if block is not None:
                block.append(line)
            continue
        if block is not None:
            questions.append(_question(len(questions) + 1, category, block))
            block = None
        if heading.re is _QUESTION:
            block = [heading.group(2)]
        else:
            category = _category(heading.group(1))
            if category.lower() != "end":
                skipped.append(category)
    with_questions = {q.category for q in questions}
    notes = [f"not questions (no Q<n>: heading): {name}" for name in skipped if name not in with_questions]
    return ParsedDocument(title=title, description=description, questions=questions, notes=notes)


def _category(heading: str) -> str:
    name = spoken(heading).strip("* ")
    return name.title() if name.isupper() else name


def _question(number: int, category: str, block: list[str]) -> Question:
    heading, body = block[0], block[1:]
    answer_at = next((i for i, line in enumerate(body) if _ANSWER.match(line.strip())), None)
    exhibit = "\n".join(body[:answer_at]).strip() if answer_at else ""
    answer = "\n".join(body[answer_at + 1 :] if answer_at is not None else body)
    answer = clean_block(_unquote(answer))
    return Question(
        id=question_id(number),
        text=spoken(heading.strip("*").strip()),
        hint=hint_from_answer(answer),
        category=category,
        model_answer=answer,
        exhibit=exhibit,
    )


def _unquote(answer: str) -> str:
    """The model answer without the quote marks that wrap it as a whole."""
    text = answer.strip().rstrip("-").strip()
    if text.startswith('"') and text.endswith('"'):
        return text[1:-1]
    return text
