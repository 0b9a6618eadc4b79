"""What every importer returns: a parsed document, before it becomes a `Bank`."""

from __future__ import annotations

from dataclasses import dataclass, field

from interviewer.domain.bank import Question


@dataclass
class ParsedDocument:
    title: str
    description: str
    questions: list[Question]
    notes: list[str] = field(default_factory=list)  # what was skipped or filled in, for the person


def question_id(number: int) -> str:
    return f"q{number:02d}"
