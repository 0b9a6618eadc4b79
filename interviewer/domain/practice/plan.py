"""Which questions a mock interview asks, and in what order."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from interviewer.domain.bank import Bank, Question
from interviewer.domain.practice.attempts import Attempt, collect_attempts
from interviewer.domain.practice.figures import weakness
from interviewer.domain.storage import SessionStore

ORDERS = ("random", "in order", "weak")


@dataclass(frozen=True)
class PlanRequest:
    """What the person chose. Empty filters mean "all"."""

    n: int = 5
    bank_ids: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    difficulties: tuple[str, ...] = ()
    order: str = "random"  # one of ORDERS
    seed: int | None = None  # for "random": the same seed asks the same questions

    def __post_init__(self) -> None:
        if self.order not in ORDERS:
            raise ValueError(f"order must be one of {', '.join(ORDERS)}, not {self.order!r}")
        if self.n < 1:
            raise ValueError(f"a mock interview needs at least one question, not {self.n}")


@dataclass(frozen=True)
class PlannedQuestion:
    bank_id: str
    question: Question


def plan_interview(
    banks: Sequence[Bank], request: PlanRequest, history: Iterable[Attempt] | SessionStore = ()
) -> list[PlannedQuestion]:
    """Up to `request.n` questions from the chosen banks that pass the filters.

    "in order" keeps bank then file order; "random" shuffles with `request.seed`; "weak" asks the
    questions whose latest attempt had the most to work on first, then those never answered
    (shuffled), then the ones answered well. Fewer than `n` come back when fewer match.

    Args:
        history: past attempts (`collect_attempts(store)`), or the store itself to read them from;
            only "weak" uses them.
    """
    pool = [
        PlannedQuestion(bank.id, q)
        for bank in banks
        if not request.bank_ids or bank.id in request.bank_ids
        for q in bank.questions
        if _passes(q, request)
    ]
    if request.order == "random":
        random.Random(request.seed).shuffle(pool)
    elif request.order == "weak":
        attempts = collect_attempts(history) if isinstance(history, SessionStore) else history
        pool = _weakest_first(pool, attempts, random.Random(request.seed))
    return pool[: request.n]


def _passes(question: Question, request: PlanRequest) -> bool:
    wanted_category = not request.categories or question.category in request.categories
    wanted_difficulty = not request.difficulties or question.difficulty in request.difficulties
    return wanted_category and wanted_difficulty


def _weakest_first(
    pool: list[PlannedQuestion], history: Iterable[Attempt], rng: random.Random
) -> list[PlannedQuestion]:
    latest: dict[tuple[str, str], Attempt] = {}
    for attempt in sorted(history, key=lambda a: a.started_at):
        latest[attempt.key] = attempt
    weak, unanswered, fine = [], [], []
    for planned in pool:
        attempt = latest.get((planned.bank_id, planned.question.id))
        if attempt is None:
            unanswered.append(planned)
        else:
            score = weakness(attempt.figures)
            (weak if score > 0 else fine).append((score, planned))
    rng.shuffle(unanswered)
    weak.sort(key=lambda item: -item[0])
    return [p for _, p in weak] + unanswered + [p for _, p in fine]
