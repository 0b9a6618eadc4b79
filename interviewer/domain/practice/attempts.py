"""Every attempt at one question across sessions, and two attempts compared side by side.

A retry is simply a further answer with the same question id, in the same or a later session.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from interviewer.domain.practice.figures import AnswerFigures, figures_from_analysis
from interviewer.domain.storage import AnswerRecord, SessionRecord, SessionStore


@dataclass(frozen=True)
class Attempt:
    session_id: str
    session_mode: str
    bank_id: str
    number: int  # the answer's number in its session
    question_id: str
    question_text: str
    started_at: str  # ISO time the answer started; attempts sort by it
    figures: AnswerFigures
    transcript: str

    @property
    def key(self) -> tuple[str, str]:
        return self.bank_id, self.question_id


@dataclass(frozen=True)
class AlignedChunk:
    """One stretch of the two transcripts: "equal", "replace", "delete" (only before) or "insert"."""

    tag: str
    before: str
    after: str


@dataclass(frozen=True)
class Comparison:
    before: Attempt
    after: Attempt
    duration_change_s: float
    wpm_change: float
    fillers_per_min_change: float
    coverage_change: float  # in ratio points, e.g. +0.25
    points_gained: tuple[str, ...]
    points_lost: tuple[str, ...]
    chunks: tuple[AlignedChunk, ...]

    @property
    def words_kept_share(self) -> float:
        """Share of the earlier answer's words said again, in order, in the later one."""
        kept = sum(len(c.before.split()) for c in self.chunks if c.tag == "equal")
        total = sum(len(c.before.split()) for c in self.chunks)
        return kept / total if total else 0.0


def answer_bank_id(session: SessionRecord, answer: AnswerRecord) -> str:
    """The bank the answer's question came from (a mixed mock session records it per answer)."""
    return getattr(answer, "bank_id", "") or session.bank_id


def attempt_of(store: SessionStore, session: SessionRecord, answer: AnswerRecord) -> Attempt | None:
    """The attempt an analysed answer makes, or None when it has no analysis yet."""
    analysis = store.latest_analysis(session, answer)
    if analysis is None:
        return None
    return Attempt(
        session_id=session.id,
        session_mode=session.mode,
        bank_id=answer_bank_id(session, answer),
        number=answer.number,
        question_id=answer.question_id,
        question_text=answer.asked,  # a follow-up (in a mock summary): what was asked
        started_at=answer.started_at or session.started_at,
        figures=figures_from_analysis(analysis, tuple(answer.target_s)),
        transcript=((analysis.get("transcript") or {}).get("text") or "").strip(),
    )


def collect_attempts(store: SessionStore, bank_id: str | None = None, question_id: str | None = None) -> list[Attempt]:
    """Every analysed first answer (optionally of one bank / one question), oldest first. A follow-up
    is not an attempt of the question: alone it covers one item or two, and progress, the practice
    queue and "weak first" would take the question for weaker than it is."""
    sessions, _broken = store.sessions()
    found = []
    for session in sessions:
        for answer in session.answers:
            if answer.parent is not None:
                continue
            if question_id is not None and answer.question_id != question_id:
                continue
            if bank_id is not None and answer_bank_id(session, answer) != bank_id:
                continue
            attempt = attempt_of(store, session, answer)
            if attempt is not None:
                found.append(attempt)
    return sorted(found, key=lambda a: (a.started_at, a.session_id, a.number))


def compare(before: Attempt, after: Attempt) -> Comparison:
    """What changed from `before` to `after`: figures, hint points, and the words themselves."""
    b, a = before.figures, after.figures
    return Comparison(
        before=before,
        after=after,
        duration_change_s=a.duration_s - b.duration_s,
        wpm_change=a.wpm - b.wpm,
        fillers_per_min_change=a.fillers_per_min - b.fillers_per_min,
        coverage_change=a.coverage - b.coverage,
        points_gained=tuple(p for p in a.covered if p not in b.covered),
        points_lost=tuple(p for p in b.covered if p not in a.covered),
        chunks=align_transcripts(before.transcript, after.transcript),
    )


def align_transcripts(before: str, after: str) -> tuple[AlignedChunk, ...]:
    """The two transcripts aligned word by word (case and punctuation ignored when matching)."""
    before_words, after_words = before.split(), after.split()
    matcher = difflib.SequenceMatcher(
        None, [_norm(w) for w in before_words], [_norm(w) for w in after_words], autojunk=False
    )
    return tuple(
        AlignedChunk(tag, " ".join(before_words[i1:i2]), " ".join(after_words[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    )


def _norm(word: str) -> str:
    return "".join(c for c in word.lower() if c.isalnum() or c == "'")
