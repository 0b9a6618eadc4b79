"""What every importer returns: a parsed document, before it becomes a `Bank`."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from interviewer.domain.bank import Question


@dataclass
class ParsedDocument:
    title: str
    description: str
    questions: list[Question]
    notes: list[str] = field(default_factory=list)  # what was skipped or filled in, for the person


def question_id(number: int) -> str:
    return f"q{number:02d}"


def with_stand_ins(question: Question) -> Question:
    """The question with a stand-in (marked `missing`) for an empty text or hint, so it stays askable."""
    missing = list(question.missing)
    text, hint = question.text, question.hint
    if not text.strip():
        topic = question.category or "this topic"
        text = f"The document gives no words for this question. Tell me what you know about {topic}."
        missing.append("text")
    if not hint.strip():
        hint = f"The document holds no answer to this question; answer it directly: {text}"
        missing.append("hint")
    return replace(question, text=text, hint=hint, missing=tuple(dict.fromkeys(missing)))
