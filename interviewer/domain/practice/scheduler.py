"""Weak spots on a spaced schedule: each answered question is a card in FSRS (the `fsrs` package).

An answer is graded from its figures (Again / Hard / Good / Easy); FSRS turns the grade history
into the next due time, so badly answered questions come back within minutes and well answered
ones after days. A person can mark a question as known: it leaves the queue until unmarked.

`fsrs` is pure Python (its only dependency is typing-extensions; its torch optimizer is loaded
lazily and never used here), so it is used directly. The state is one JSON file whose path the
caller passes in (the app uses `paths.user_data_dir() / SCHEDULE_FILE`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from fsrs import Card, Rating, Scheduler

from interviewer.domain.practice.attempts import Attempt
from interviewer.domain.practice.figures import AnswerFigures, issues, weakness
from interviewer.domain.storage import write_json_atomic
from interviewer.errors import StorageError

SCHEDULE_FILE = "practice.json"  # in the user data dir
FORMAT = 1
COVERAGE_AGAIN = 0.5  # covering less than half the hint's points is a miss, whatever else went well
WEAKNESS_AGAIN = 1.0  # summed issue severity (see figures.issues) at which an answer counts as a miss
EASY_FILLERS_PER_MIN = 1.0
EASY_COVERAGE = 0.95
# Retry a missed answer later in the same sitting, then the next day; FSRS takes over from there.
LEARNING_STEPS = (timedelta(minutes=10), timedelta(days=1))
RELEARNING_STEPS = (timedelta(minutes=10),)


@dataclass(frozen=True)
class Grade:
    rating: Rating
    reasons: tuple[str, ...]

    @property
    def label(self) -> str:
        return self.rating.name


@dataclass
class ReviewState:
    bank_id: str
    question_id: str
    card: Card
    known: bool = False
    last_grade: str = ""
    last_reasons: tuple[str, ...] = ()
    weakness: float = 0.0
    graded: list[str] = field(default_factory=list)  # ids of the attempts already graded

    def to_dict(self) -> dict:
        return {
            "bank_id": self.bank_id,
            "question_id": self.question_id,
            "card": self.card.to_dict(),
            "known": self.known,
            "last_grade": self.last_grade,
            "last_reasons": list(self.last_reasons),
            "weakness": self.weakness,
            "graded": self.graded,
        }

    @classmethod
    def from_dict(cls, data: dict) -> ReviewState:
        return cls(
            data["bank_id"],
            data["question_id"],
            Card.from_dict(data["card"]),
            bool(data.get("known")),
            data.get("last_grade", ""),
            tuple(data.get("last_reasons", ())),
            float(data.get("weakness", 0.0)),
            list(data.get("graded", [])),
        )


def grade_answer(figures: AnswerFigures) -> Grade:
    """Again: a miss; Hard: something to work on; Good: nothing to work on; Easy: polished."""
    found = issues(figures)
    reasons = tuple(issue.text for issue in found)
    if figures.coverage < COVERAGE_AGAIN or weakness(figures) >= WEAKNESS_AGAIN:
        return Grade(Rating.Again, reasons)
    if found:
        return Grade(Rating.Hard, reasons)
    polished = figures.coverage >= EASY_COVERAGE and figures.fillers_per_min <= EASY_FILLERS_PER_MIN
    return Grade(Rating.Easy if polished else Rating.Good, reasons)


def attempt_id(attempt: Attempt) -> str:
    return f"{attempt.session_id}#{attempt.number}"


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class PracticeScheduler:
    """The spaced review state of every answered question, kept in one JSON file."""

    def __init__(self, path: Path, now: Callable[[], datetime] = utc_now) -> None:
        self.path = path
        self.now = now
        self.fsrs = Scheduler(learning_steps=LEARNING_STEPS, relearning_steps=RELEARNING_STEPS, enable_fuzzing=False)
        self.states: dict[tuple[str, str], ReviewState] = {}
        self._load()

    def _load(self) -> None:
        if not self.path.is_file():
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            states = [ReviewState.from_dict(item) for item in data.get("cards", [])]
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise StorageError(
                f"{self.path}: the practice schedule cannot be read ({e})",
                f"Move {self.path.name} aside; the schedule is rebuilt from your recorded answers "
                "(only 'known' marks are lost).",
            ) from e
        self.states = {(s.bank_id, s.question_id): s for s in states}

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        cards = [s.to_dict() for s in sorted(self.states.values(), key=lambda s: (s.bank_id, s.question_id))]
        write_json_atomic(self.path, {"format": FORMAT, "algorithm": "FSRS-6", "cards": cards})

    def state(self, bank_id: str, question_id: str) -> ReviewState | None:
        return self.states.get((bank_id, question_id))

    def record(self, attempt: Attempt, save: bool = True) -> ReviewState:
        """Grade `attempt` and reschedule its question; an attempt already graded changes nothing."""
        state = self.states.get(attempt.key)
        if state is None:
            state = ReviewState(attempt.bank_id, attempt.question_id, Card(card_id=len(self.states) + 1))
            self.states[attempt.key] = state
        if attempt_id(attempt) in state.graded:
            return state
        grade = grade_answer(attempt.figures)
        when = max(_as_utc(attempt.started_at), state.card.last_review or _as_utc(attempt.started_at))
        state.card, _log = self.fsrs.review_card(state.card, grade.rating, review_datetime=when)
        state.last_grade, state.last_reasons = grade.label, grade.reasons
        state.weakness = weakness(attempt.figures)
        state.graded.append(attempt_id(attempt))
        if save:
            self.save()
        return state

    def sync(self, attempts: Iterable[Attempt]) -> int:
        """Grade every attempt not graded yet, oldest first; returns how many were new."""
        before = sum(len(s.graded) for s in self.states.values())
        for attempt in sorted(attempts, key=lambda a: a.started_at):
            self.record(attempt, save=False)
        added = sum(len(s.graded) for s in self.states.values()) - before
        if added:
            self.save()
        return added

    def mark_known(self, bank_id: str, question_id: str, known: bool = True) -> ReviewState:
        state = self.states.get((bank_id, question_id))
        if state is None:
            state = ReviewState(bank_id, question_id, Card(card_id=len(self.states) + 1, due=self.now()))
            self.states[(bank_id, question_id)] = state
        state.known = known
        self.save()
        return state

    def due(self, now: datetime | None = None) -> list[ReviewState]:
        """Questions due for practice now (not marked known): most overdue first, then the weakest."""
        moment = now or self.now()
        ready = [s for s in self.states.values() if not s.known and s.graded and s.card.due <= moment]
        return sorted(ready, key=lambda s: (s.card.due, -s.weakness))

    def upcoming(self) -> list[ReviewState]:
        """Every question with a schedule, soonest first (known ones last)."""
        return sorted(self.states.values(), key=lambda s: (s.known, s.card.due))


def load_scheduler(path: Path) -> PracticeScheduler:
    """The schedule kept at `path` (empty when the file does not exist yet)."""
    return PracticeScheduler(path)


def _as_utc(stamp: str) -> datetime:
    """An ISO time from a session file (local time when it has no zone) in UTC."""
    moment = datetime.fromisoformat(stamp)
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(timezone.utc)
