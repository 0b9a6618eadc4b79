"""The summary at the end of a mock interview: each answer against its band, and what to work on."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from statistics import fmean

from interviewer.domain.practice.attempts import Attempt, attempt_of
from interviewer.domain.practice.figures import issues, weakness
from interviewer.domain.storage import SessionRecord, SessionStore

FOCUS_ITEMS = 3
ISSUE_ADVICE = {  # issue kind -> what to work on, said once however many answers show it
    "over": "Answer in fewer words: state the point first and stop within the band",
    "under": "Say more: add an example or a result to reach the band",
    "fast": "Slow down: pause after each point",
    "slow": "Keep the pace up: prepare the order of your points",
    "fillers": "Cut the fillers: pause silently instead of 'um' or 'like'",
    "coverage": "Cover more of what the question asks for",
}


@dataclass(frozen=True)
class MockSummary:
    session_id: str
    attempts: tuple[Attempt, ...]  # analysed answers in the order asked
    unanalysed: tuple[str, ...]  # question texts of answers with no analysis (failed, interrupted)
    total_s: float  # all answers' durations added up
    mean_wpm: float
    fillers_per_min: float
    mean_coverage: float  # 0..1
    in_band: int
    focus: tuple[str, ...]  # the two or three things to work on, most common first

    @property
    def worst(self) -> Attempt | None:
        """The answer with most to work on: the one to retry first."""
        if not self.attempts:
            return None
        return max(self.attempts, key=lambda a: (weakness(a.figures), -a.number))


def summarise(store: SessionStore, session: SessionRecord) -> MockSummary:
    """Summarise a finished (or stopped) session from its stored analyses."""
    attempts, unanalysed = [], []
    for answer in sorted(session.answers, key=lambda a: a.number):
        attempt = attempt_of(store, session, answer)
        if attempt is None:
            unanalysed.append(answer.question_text)
        else:
            attempts.append(attempt)
    figures = [a.figures for a in attempts]
    minutes = sum(f.duration_s for f in figures) / 60
    return MockSummary(
        session_id=session.id,
        attempts=tuple(attempts),
        unanalysed=tuple(unanalysed),
        total_s=sum(f.duration_s for f in figures),
        mean_wpm=fmean(f.wpm for f in figures) if figures else 0.0,
        fillers_per_min=sum(f.fillers_total for f in figures) / minutes if minutes else 0.0,
        mean_coverage=fmean(f.coverage for f in figures) if figures else 0.0,
        in_band=sum(f.in_band for f in figures),
        focus=focus_points(attempts),
    )


def focus_points(attempts: list[Attempt], limit: int = FOCUS_ITEMS) -> tuple[str, ...]:
    """The issues most answers share (weighted by severity), each with which answers showed it."""
    weight: Counter[str] = Counter()
    where: dict[str, list[int]] = {}
    for attempt in attempts:
        for issue in issues(attempt.figures):
            weight[issue.kind] += issue.severity
            where.setdefault(issue.kind, []).append(attempt.number)
    ranked = [kind for kind, _ in weight.most_common(limit)]
    return tuple(f"{ISSUE_ADVICE[kind]} (answers {', '.join(map(str, where[kind]))})" for kind in ranked)
