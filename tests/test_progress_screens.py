"""The progress charts (a snapshot), the attempts view and the weak-spots queue, driven with Pilot."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from textual.app import App
from textual.widgets import DataTable, Select, Static
from textual_plotext import PlotextPlot

from interviewer.domain.practice.progress import METRICS
from interviewer.domain.practice.samples import store_session
from interviewer.domain.practice.scheduler import PracticeScheduler
from interviewer.domain.storage import SessionStore
from interviewer.ui.screens.attempts import AttemptsScreen
from interviewer.ui.screens.practice_queue import PracticeQueueScreen
from interviewer.ui.screens.progress import ProgressScreen
from tests.test_mock_screens import WHEN, Host, answer, banks, five_answer_session


def history(store: SessionStore) -> None:
    """The stored 5-answer mock interview, a retry of its worst answer the next day, and an ML session."""
    five_answer_session(store)
    store_session(
        store,
        "core",
        [("conflict", "A conflict at work?", answer(160, fillers=3))],
        WHEN + timedelta(days=1),
        mode="practice",
    )
    store_session(store, "ml", [("bias", "Bias and variance?", answer(130, fillers=1))], WHEN + timedelta(days=3))


async def loaded(pilot) -> None:
    """Wait for the screen's background reading of the sessions."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


class QueueHost(Host):
    def __init__(self, make_screen) -> None:
        super().__init__(make_screen)
        self.practice: list[tuple[str, str]] = []

    def on_practice_queue_screen_practice_requested(self, message: PracticeQueueScreen.PracticeRequested) -> None:
        self.practice.append((message.bank_id, message.question_id))


def test_progress_chart_snapshot(snap_compare, tmp_path):
    store = SessionStore(tmp_path)
    history(store)
    app: App = Host(lambda: ProgressScreen(store))
    assert snap_compare(app, terminal_size=(130, 44), run_before=loaded)


async def test_progress_per_bank_and_overall(tmp_path):
    store = SessionStore(tmp_path)
    history(store)
    app = Host(lambda: ProgressScreen(store))
    async with app.run_test(size=(130, 44)) as pilot:
        await loaded(pilot)
        screen = app.screen
        assert [p.answers for p in screen.series()] == [5, 1, 1]
        assert "3 sessions, 7 analysed answers" in str(screen.query_one("#progress-note", Static).content)
        screen.query_one(Select).value = "ml"
        await pilot.pause()
        assert [p.answers for p in screen.series()] == [1]
        assert "1 session, 1 analysed answers" in str(screen.query_one("#progress-note", Static).content)
        assert len(screen.query(PlotextPlot)) == len(METRICS) == 9


async def test_attempts_side_by_side_and_retry(tmp_path):
    store = SessionStore(tmp_path)
    history(store)
    app = Host(lambda: AttemptsScreen(store, "core", "conflict"))
    async with app.run_test(size=(130, 44)) as pilot:
        await loaded(pilot)
        screen = app.screen
        assert screen.query_one(DataTable).row_count == 3
        changed = str(screen.query_one("#attempts-compare", Static).content)
        assert "2:50 → 2:40" in changed and "-10 s" in changed
        await pilot.press("up")  # the retry in the mock interview against the first, long answer
        await pilot.pause()
        changed = str(screen.query_one("#attempts-compare", Static).content)
        assert "4:00 → 2:50" in changed and "Gained: action; result" in changed
        before = str(screen.query_one("#attempts-before", Static).content)
        assert "[red strike]" in before and "long story" in before
        await pilot.press("r")
        await pilot.pause()
    assert app.retries == [("core", "conflict")]


async def test_queue_lists_due_questions_marks_known_and_requests_practice(tmp_path):
    store = SessionStore(tmp_path)
    history(store)
    now = datetime(2026, 11, 2, 12, tzinfo=timezone.utc)
    scheduler = PracticeScheduler(tmp_path / "data" / "schedule.json", now=lambda: now)
    app = QueueHost(lambda: PracticeQueueScreen(scheduler, banks(), store))
    async with app.run_test(size=(130, 30)) as pilot:
        await loaded(pilot)
        screen = app.screen
        due = [(s.bank_id, s.question_id) for s in screen.rows]
        assert ("core", "bias") in due and ("core", "intro") not in due
        table = screen.query_one(DataTable)
        assert table.row_count == len(due) >= 1
        first = screen.rows[0]
        await pilot.press("k")
        await pilot.pause()
        assert scheduler.state(first.bank_id, first.question_id).known
        assert (first.bank_id, first.question_id) not in [(s.bank_id, s.question_id) for s in screen.rows]
        await pilot.press("u")
        await pilot.pause()
        assert len(screen.rows) == 5  # every question answered so far, known ones included
        await pilot.press("enter")
        await pilot.pause()
    assert len(app.practice) == 1
    assert PracticeScheduler(tmp_path / "data" / "schedule.json").state(first.bank_id, first.question_id).known
