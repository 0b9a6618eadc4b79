"""A question answered twice with real speech (espeak-ng) heard by real Whisper (tiny.en) and analysed
by the real pipeline: the cuts, the comparison and the spaced grade work on what a person would get."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from interviewer.domain.practice.attempts import collect_attempts, compare
from interviewer.domain.practice.cuts import suggest_cuts
from interviewer.domain.practice.scheduler import PracticeScheduler
from interviewer.domain.session import analyse_answer
from interviewer.domain.storage import SessionStore

HINT = "Cover the cache in front of the database, the p99 latency before and after, and the cost saved."
TARGET = (10, 18)  # a per-question band, as a bank may set it
LONG = (
    "We had a slow service, and I was asked to fix it. "
    "By the way, that was the same month our office moved to a new building across the river, "
    "and the coffee machine on our floor broke twice, which everybody talked about for weeks. "
    "I put a cache in front of the database. "
    "My manager at the time also liked to hold very long meetings on Friday afternoons about many other topics."
)
SHORT = (
    "Our service was slow. I put a cache in front of the database. "
    "The p99 latency dropped from nine hundred to one hundred and twenty milliseconds, "
    "and the cost saved was about four thousand dollars a month."
)


def _spoken(text: str):
    from interviewer.adapters.speechgen import Utterance, concatenate, silence, speak, trim

    return concatenate([silence(0.5), trim(speak(Utterance(text, wpm=150))), silence(1.0)])


def _answer(store, session, transcriber, text: str, when: datetime) -> dict:
    audio = _spoken(text)
    answer = store.start_answer(session, "cache", "Tell me about a performance fix.", HINT, TARGET, now=when)
    transcript = transcriber.transcribe(audio)
    store.save_transcript(session, answer, transcript.to_dict())
    analysis = analyse_answer(transcript, audio, HINT, TARGET, 2.0)
    store.save_analysis(session, answer, analysis, analysis["analysis_version"])
    return analysis


@pytest.mark.slow
def test_real_answer_then_retry_compared_cut_and_scheduled(faster_tiny, tmp_path):
    store = SessionStore(tmp_path / "recordings")
    first_day = datetime(2026, 11, 1, 9, 0)
    session = store.new_session("core", "Core", now=first_day, mode="mock")
    long = _answer(store, session, faster_tiny, LONG, first_day)
    retry = store.new_session("core", "Core", now=first_day + timedelta(minutes=5), mode="practice")
    _answer(store, retry, faster_tiny, SHORT, first_day + timedelta(minutes=5))

    plan = suggest_cuts(long, TARGET)
    print(f"\nlong: {long['duration_s']} s, band {TARGET}, over {plan.over_s} s; cuts save {plan.saved_s} s:")
    for cut in plan.cuts:
        print(f"  -{cut.saves_s} s  {cut.text!r}  points={cut.points}")
    assert plan.over_s > 0 and plan.brings_into_band
    assert "cache in front of the database" not in " ".join(c.text for c in plan.cuts).lower()
    assert plan.points_lost == ()

    before, after = collect_attempts(store, "core", "cache")
    diff = compare(before, after)
    print(
        f"duration {before.figures.duration_s} -> {after.figures.duration_s} s, "
        f"wpm {before.figures.wpm} -> {after.figures.wpm}, coverage {before.figures.coverage:.2f} -> "
        f"{after.figures.coverage:.2f}, gained {diff.points_gained}, lost {diff.points_lost}"
    )
    assert diff.duration_change_s < 0 and after.figures.in_band
    assert diff.coverage_change > 0 and diff.points_lost == ()

    scheduler = PracticeScheduler(tmp_path / "practice.json", now=lambda: datetime(2026, 11, 2, tzinfo=timezone.utc))
    scheduler.record(before)
    first_due = scheduler.state("core", "cache").card.due
    scheduler.record(after)
    state = scheduler.state("core", "cache")
    print(f"grades: first due {first_due}, after retry {state.last_grade} due {state.card.due}")
    assert state.card.due > first_due
