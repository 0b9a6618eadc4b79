"""Planner, spaced scheduler, attempt comparison, suggested cuts, progress and summary on hand-made sessions."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from fsrs import Rating

from interviewer.domain.bank import Bank, Question
from interviewer.domain.practice.attempts import align_transcripts, collect_attempts, compare
from interviewer.domain.practice.cuts import sentences, suggest_cuts
from interviewer.domain.practice.figures import figures_from_analysis, issues
from interviewer.domain.practice.plan import PlanRequest, plan_interview
from interviewer.domain.practice.progress import progress_series
from interviewer.domain.practice.samples import make_analysis, store_session
from interviewer.domain.practice.scheduler import PracticeScheduler, grade_answer
from interviewer.domain.practice.summary import summarise
from interviewer.domain.storage import SessionStore
from interviewer.errors import StorageError

DAY1 = datetime(2026, 11, 1, 9, 0, 0)
FILLER = "This sentence is filler that says nothing the question asked for at all."

ok_points = {"situation": 5.0, "action": 60.0, "result": 120.0}


def _q(qid: str, category: str = "behavioural", difficulty: str = "easy") -> Question:
    return Question(qid, f"Question {qid}?", "hint", category, difficulty)


@pytest.fixture
def banks() -> list[Bank]:
    return [
        Bank("a", "Bank A", (_q("a1"), _q("a2", "technical", "hard"), _q("a3"), _q("a4", "technical"))),
        Bank("b", "Bank B", (_q("b1", difficulty="hard"), _q("b2"))),
    ]


def good(duration: float = 150.0) -> dict:
    reps = round(duration / 60 * 140 / 9)  # 140 words/min
    return make_analysis(["I led the migration.", "We cut costs by half."] * reps, duration, points=ok_points)


def bad(duration: float = 230.0, fillers: int = 30) -> dict:
    reps = round(duration / 60 * 140 / 14)  # 140 words/min
    return make_analysis(
        [FILLER] * reps, duration, points={"situation": 3.0, "action": None, "result": None}, fillers=fillers
    )


# --- plan ---------------------------------------------------------------------------------------


def test_plan_in_order_filters_by_bank_category_and_difficulty(banks):
    request = PlanRequest(n=5, bank_ids=("a",), categories=("technical",), order="in order")
    assert [(p.bank_id, p.question.id) for p in plan_interview(banks, request)] == [("a", "a2"), ("a", "a4")]
    hard = plan_interview(banks, PlanRequest(n=5, difficulties=("hard",), order="in order"))
    assert [p.question.id for p in hard] == ["a2", "b1"]


def test_plan_random_is_repeatable_with_a_seed_and_capped_at_n(banks):
    first = plan_interview(banks, PlanRequest(n=4, order="random", seed=7))
    again = plan_interview(banks, PlanRequest(n=4, order="random", seed=7))
    assert [p.question.id for p in first] == [p.question.id for p in again]
    assert len(first) == 4 and len({p.question.id for p in first}) == 4
    others = [plan_interview(banks, PlanRequest(n=6, order="random", seed=s)) for s in range(5)]
    assert len({tuple(p.question.id for p in plan) for plan in others}) > 1


def test_plan_weak_asks_worst_answered_first_then_unanswered_then_good(banks, tmp_path):
    store = SessionStore(tmp_path)
    store_session(
        store, "a", [("a1", "Q a1", good()), ("a2", "Q a2", bad()), ("a3", "Q a3", bad(duration=190, fillers=2))], DAY1
    )
    history = collect_attempts(store)
    plan = plan_interview(banks[:1], PlanRequest(n=4, order="weak", seed=1), history)
    assert [p.question.id for p in plan] == ["a2", "a3", "a4", "a1"]
    assert plan_interview(banks[:1], PlanRequest(n=4, order="weak", seed=1), store) == plan


def test_plan_request_refuses_unknown_order_and_zero_questions():
    with pytest.raises(ValueError, match="order"):
        PlanRequest(order="alphabetical")
    with pytest.raises(ValueError, match="at least one"):
        PlanRequest(n=0)


# --- figures and grading -----------------------------------------------------------------------


def test_issues_name_what_is_wrong_with_a_bad_answer():
    kinds = [issue.kind for issue in issues(figures_from_analysis(bad()))]
    assert set(kinds) == {"over", "fillers", "coverage"}
    assert issues(figures_from_analysis(good())) == []


def test_grades_follow_the_figures():
    assert grade_answer(figures_from_analysis(bad())).rating == Rating.Again
    assert grade_answer(figures_from_analysis(good())).rating == Rating.Easy
    slightly_long = make_analysis(["I led the migration."] * 110, 190.0, points=ok_points)
    grade = grade_answer(figures_from_analysis(slightly_long))
    assert grade.rating == Rating.Hard and grade.reasons == ("10 s over the 120-180 s band",)


# --- scheduler ---------------------------------------------------------------------------------


def test_scheduler_brings_a_bad_answer_back_sooner_than_a_good_one(tmp_path):
    store = SessionStore(tmp_path / "rec")
    store_session(store, "a", [("a1", "Q a1", good()), ("a2", "Q a2", bad())], DAY1)
    clock = [datetime(2026, 11, 1, 12, 0, tzinfo=timezone.utc)]
    scheduler = PracticeScheduler(tmp_path / "schedule.json", now=lambda: clock[0])
    assert scheduler.sync(collect_attempts(store)) == 2
    assert scheduler.sync(collect_attempts(store)) == 0  # graded once only
    bad_due, good_due = scheduler.state("a", "a2").card.due, scheduler.state("a", "a1").card.due
    assert bad_due - scheduler.state("a", "a2").card.last_review == timedelta(minutes=10)
    assert good_due - bad_due > timedelta(days=1)
    assert [s.question_id for s in scheduler.due()] == ["a2"]
    clock[0] += timedelta(days=60)
    assert [s.question_id for s in scheduler.due()] == ["a2", "a1"]


def test_scheduler_persists_and_mark_known_leaves_the_queue(tmp_path):
    store = SessionStore(tmp_path / "rec")
    store_session(store, "a", [("a2", "Q a2", bad())], DAY1)
    path = tmp_path / "data" / "schedule.json"
    later = datetime(2026, 11, 2, tzinfo=timezone.utc)
    scheduler = PracticeScheduler(path, now=lambda: later)
    scheduler.sync(collect_attempts(store))
    assert [s.question_id for s in scheduler.due()] == ["a2"]
    scheduler.mark_known("a", "a2")
    reloaded = PracticeScheduler(path, now=lambda: later)
    assert reloaded.state("a", "a2").known and reloaded.due() == []
    assert json.loads(path.read_text())["cards"][0]["last_grade"] == "Again"
    reloaded.mark_known("a", "a2", known=False)
    assert [s.question_id for s in PracticeScheduler(path, now=lambda: later).due()] == ["a2"]


def test_a_retry_that_goes_well_pushes_the_question_out(tmp_path):
    store = SessionStore(tmp_path / "rec")
    store_session(store, "a", [("a2", "Q a2", bad())], DAY1)
    store_session(store, "a", [("a2", "Q a2", good())], DAY1 + timedelta(minutes=15))
    scheduler = PracticeScheduler(tmp_path / "s.json", now=lambda: datetime(2026, 11, 2, tzinfo=timezone.utc))
    scheduler.sync(collect_attempts(store))
    state = scheduler.state("a", "a2")
    assert state.last_grade == "Easy" and len(state.graded) == 2
    assert scheduler.due() == []


def test_a_broken_schedule_file_is_reported_with_its_path(tmp_path):
    path = tmp_path / "s.json"
    path.write_text("{not json")
    with pytest.raises(StorageError, match="s.json"):
        PracticeScheduler(path)


# --- attempts and comparison -------------------------------------------------------------------


def test_attempts_across_sessions_compared(tmp_path):
    store = SessionStore(tmp_path)
    store_session(store, "a", [("a2", "Q a2", bad()), ("a1", "Q a1", good())], DAY1)
    store_session(store, "a", [("a2", "Q a2", good(duration=170))], DAY1 + timedelta(days=1), mode="practice")
    attempts = collect_attempts(store, "a", "a2")
    assert [a.figures.duration_s for a in attempts] == [230.0, 170.0]
    diff = compare(attempts[0], attempts[1])
    assert diff.duration_change_s == -60.0
    assert diff.points_gained == ("action", "result") and diff.points_lost == ()
    assert diff.fillers_per_min_change == pytest.approx(-30 / (230 / 60), abs=0.01)
    assert diff.coverage_change == pytest.approx(2 / 3)


def test_transcript_alignment_shows_what_changed():
    chunks = align_transcripts("Um I led the team and, like, we shipped.", "I led the team and we shipped it early.")
    tags = [(c.tag, c.before, c.after) for c in chunks]
    assert ("delete", "Um", "") in tags
    assert ("equal", "I led the team and,", "I led the team and") in tags  # punctuation ignored
    assert ("delete", "like,", "") in tags
    assert any(c.tag in ("insert", "replace") and "early." in c.after for c in chunks)


# --- cuts --------------------------------------------------------------------------------------


def _long_answer() -> dict:
    said = ["First I set the scene.", FILLER, "Then I acted fast.", FILLER + " " + FILLER, "The result was good."]
    # 5 + 13 + 4 + 13 + 13 + 4 = 52 words over 208 s: 4 s a word
    return make_analysis(said, 208.0, points={"situation": 4.0, "action": 80.0, "result": 200.0})


def test_sentences_carry_the_points_found_inside_them():
    found = sentences(_long_answer())
    assert [s.points for s in found] == [("situation",), (), ("action",), (), (), ("result",)]
    assert [s.saves_s for s in found] == [20.0, 52.0, 16.0, 52.0, 52.0, 16.0]


def test_cuts_take_the_shortest_digression_that_is_enough():
    plan = suggest_cuts(_long_answer())
    assert plan.over_s == 28.0
    assert [c.index for c in plan.cuts] == [1] and plan.saved_s == 52.0
    assert plan.brings_into_band and plan.points_lost == ()
    assert plan.cuts[0].text == FILLER


def test_cuts_fall_back_to_point_carrying_sentences_only_when_needed():
    plan = suggest_cuts({**_long_answer(), "timing": {"target_s": [30, 40]}})
    # 168 s over: both digressions (156 s) are not enough, so the shortest point that is enough goes too
    assert [c.index for c in plan.cuts] == [1, 2, 3, 4]
    assert plan.points_lost == ("action",) and plan.saved_s == 172.0


def test_a_point_said_twice_survives_cutting_one_of_its_sentences():
    said = [
        "We put a cache in front of the database to cut latency.",
        "Everyone liked it a lot.",
        "So the cache in front of the database cut latency, as I said.",
        "Then we measured the p99.",
    ]
    # 12 + 5 + 13 + 5 = 35 words over 140 s: 4 s a word; the matcher placed the point in sentence 0
    analysis = make_analysis(
        said, 140.0, (60, 70), points={"cache in front of the database": 0.0, "measured p99 latency": 120.0}
    )
    found = sentences(analysis)
    assert [s.points for s in found] == [
        ("cache in front of the database",),
        (),
        ("cache in front of the database",),
        ("measured p99 latency",),
    ]
    plan = suggest_cuts(analysis)
    assert [s.saves_s for s in found] == [48.0, 20.0, 52.0, 20.0]
    assert plan.over_s == 70.0
    # the longest digression-free cut first (the repeat), then sentence 0 is the point's only carrier
    assert [c.index for c in plan.cuts] == [1, 2] and plan.saved_s == 72.0
    assert plan.points_lost == ()


def test_no_cuts_inside_the_band():
    assert suggest_cuts(good()).cuts == ()


# --- progress and summary ----------------------------------------------------------------------


def test_progress_series_per_session_per_bank_and_overall(tmp_path):
    store = SessionStore(tmp_path)
    store_session(store, "a", [("a1", "Q", bad()), ("a2", "Q", good())], DAY1)
    store_session(store, "b", [("b1", "Q", good(120))], DAY1 + timedelta(days=1))
    store_session(store, "a", [("a1", "Q", good(160)), ("a2", "Q", good(170))], DAY1 + timedelta(days=2))
    attempts = collect_attempts(store)
    overall = progress_series(attempts)
    assert [p.answers for p in overall] == [2, 1, 2]
    first = overall[0]
    assert first.duration_s == 190.0 and first.in_band_share == 50.0
    assert first.fillers_per_min == pytest.approx(30 / (380 / 60))
    assert first.coverage == pytest.approx(100 * (1 / 3 + 1) / 2)
    only_a = progress_series(attempts, "a")
    assert [p.in_band_share for p in only_a] == [50.0, 100.0]


def with_voice(analysis: dict, pitch_st: float, hedges: float, idle: float) -> dict:
    analysis = dict(analysis)
    analysis["pitch"] = {"measured": True, "spread_st": pitch_st}
    analysis["energy"] = {"measured": False, "spread_db": 0.0}
    analysis["hedging"] = {"per_min": hedges, "items": []}
    analysis["wordiness"] = {"measured": True, "idle_share": idle}
    return analysis


def test_progress_of_the_voice_figures_averages_only_answers_that_measured_them(tmp_path):
    store = SessionStore(tmp_path)
    store_session(store, "a", [("a1", "Q", with_voice(good(), 4.0, 1.0, 0.2)), ("a2", "Q", good())], DAY1)
    store_session(store, "a", [("a1", "Q", with_voice(good(), 2.0, 3.0, 0.4))], DAY1 + timedelta(days=1))
    first, second = progress_series(collect_attempts(store))
    assert first.pitch_spread_st == 4.0  # the older analysis without the figure is left out, not a 0
    assert first.hedges_per_min == 1.0 and first.idle_share == pytest.approx(20.0)
    assert first.energy_spread_db is None  # measured by no answer of the session
    assert second.value("pitch_spread_st") == 2.0 and second.value("idle_share") == pytest.approx(40.0)


def test_summary_of_a_five_answer_mock_interview(tmp_path):
    store = SessionStore(tmp_path)
    answers = [
        ("a1", "Q1", good()),
        ("a2", "Q2", bad()),
        ("a3", "Q3", good(100)),
        ("a4", "Q4", bad(200, 4)),
        ("b1", "Q5", good(130)),
    ]
    summary = summarise(store, store_session(store, "a", answers, DAY1))
    assert summary.total_s == 150 + 230 + 100 + 200 + 130
    assert summary.in_band == 2
    assert summary.worst.question_id == "a2"
    assert 2 <= len(summary.focus) <= 3
    assert summary.focus[0].startswith("Cover more") and "answers 2, 4" in summary.focus[0]
