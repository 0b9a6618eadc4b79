"""Question banks: the dataclasses every part of the app shares.

Loading, validation and writing of bank files live here too (see `load_bank`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_TARGET_S: tuple[int, int] = (120, 180)


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    hint: str
    category: str = ""
    difficulty: str = ""
    model_answer: str = ""
    target_s: tuple[int, int] | None = None  # None: the bank's (or the app's) band applies


@dataclass(frozen=True)
class Bank:
    id: str  # the file name without extension; stable, used on the command line
    title: str
    questions: tuple[Question, ...]
    description: str = ""
    source: str = ""
    importer_version: str = ""
    target_s: tuple[int, int] | None = None
    path: Path | None = None

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def target_for(self, question: Question, default: tuple[int, int] = DEFAULT_TARGET_S) -> tuple[int, int]:
        return question.target_s or self.target_s or default


@dataclass(frozen=True)
class BrokenBank:
    """A bank file that failed to load; the app lists it with its problems and goes on."""

    id: str
    path: Path
    problems: tuple[str, ...] = field(default=())
