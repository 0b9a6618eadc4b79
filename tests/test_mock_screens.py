"""Pilot tests of the mock interview set-up and summary screens, on hand-made banks and a stored session."""

from __future__ import annotations

from datetime import datetime

from textual.app import App
from textual.widgets import Checkbox, DataTable, Input, RadioButton, RadioSet, SelectionList, Static

from interviewer.domain.bank import Bank, Question
from interviewer.domain.practice.plan import PlanRequest
from interviewer.domain.practice.samples import make_analysis, store_session
from interviewer.domain.storage import SessionStore
from interviewer.ui.screens.attempts import AttemptsScreen
from interviewer.ui.screens.mock_setup import MockRequest, MockSetupScreen
from interviewer.ui.screens.mock_summary import MockSummaryScreen

WHEN = datetime(2026, 11, 1, 9, 0, 0)
POINTS = {"situation": 5.0, "action": 50.0, "result": 100.0}


class Host(App):
    """A bare app that pushes one screen and records what it dismisses with and posts."""

    def __init__(self, make_screen) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.dismissed: list = []
        self.retries: list[tuple[str, str]] = []

    def on_mount(self) -> None:
        self.push_screen(self.make_screen(), callback=self.dismissed.append)

    def on_attempts_screen_retry_requested(self, message: AttemptsScreen.RetryRequested) -> None:
        self.retries.append((message.bank_id, message.question_id))


def banks() -> list[Bank]:
    qs = (
        Question("intro", "Tell me about yourself.", "h", "behavioural", "easy", target_s=(60, 90)),
        Question("conflict", "A conflict at work?", "h", "behavioural", "medium"),
        Question("design", "Design a cache.", "h", "technical", "hard"),
    )
    ml = (Question("bias", "Bias and variance?", "h", "technical", "medium"),)
    return [Bank("core", "Core", qs), Bank("ml", "ML", ml)]


def answer(
    duration: float, fillers: int = 0, covered: int = 3, sentences: list[str] | None = None, target=(120, 180)
) -> dict:
    reps = round(duration / 60 * 140 / 13)  # 140 words/min
    said = sentences or ["I set the scene.", "Then I acted on it.", "It paid off well."] * reps
    points = {p: (at if i < covered else None) for i, (p, at) in enumerate(POINTS.items())}
    return make_analysis(said, duration, target, points, fillers)


def five_answer_session(store: SessionStore):
    digression = "And that reminds me of a long story about something else entirely that went nowhere."
    over = ["I set the scene.", digression, "Then I acted on it.", digression, "It paid off well."] * 9
    answers = [
        ("intro", "Tell me about yourself.", answer(75, target=(60, 90))),
        ("conflict", "A conflict at work?", answer(240, fillers=25, covered=1, sentences=over)),
        ("design", "Design a cache.", answer(150, fillers=2)),
        ("bias", "Bias and variance?", answer(100, covered=2)),
        ("conflict", "A conflict at work?", answer(170, fillers=10)),
    ]
    return store_session(store, "core", answers, WHEN)


async def test_setup_dismisses_with_the_chosen_request():
    app = Host(lambda: MockSetupScreen(banks(), n=5, seed=3))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert "4 questions match; the interview asks 4" in str(screen.query_one("#setup-status", Static).content)
        screen.query_one("#setup-n", Input).value = "2"
        screen.query_one("#setup-categories", SelectionList).select("technical")
        order = screen.query_one("#setup-order", RadioSet)
        order.query_one("#order-weak", RadioButton).value = True
        await pilot.pause()
        assert "2 questions match; the interview asks 2" in str(screen.query_one("#setup-status", Static).content)
        await pilot.click("#setup-start")
        await pilot.pause()
    assert app.dismissed == [MockRequest(PlanRequest(n=2, categories=("technical",), order="weak", seed=3))]


async def test_setup_can_start_with_one_bank_ticked():
    app = Host(lambda: MockSetupScreen(banks(), selected_banks=["ml"]))
    async with app.run_test(size=(120, 40)) as pilot:
        assert "1 question matches; the interview asks 1" in str(app.screen.query_one("#setup-status", Static).content)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.dismissed == [MockRequest(PlanRequest(n=5, bank_ids=("ml",)))]


async def test_setup_asks_follow_ups_only_when_ticked():
    app = Host(lambda: MockSetupScreen(banks(), selected_banks=["ml"]))
    async with app.run_test(size=(120, 40)) as pilot:
        box = app.screen.query_one("#setup-follow-ups", Checkbox)
        assert box.value is False and "Ask follow-ups" in str(box.label)
        await pilot.click("#setup-follow-ups")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.dismissed == [MockRequest(PlanRequest(n=5, bank_ids=("ml",)), follow_ups=True)]


async def test_setup_refuses_a_plan_with_no_question_and_cancels_with_none():
    app = Host(lambda: MockSetupScreen(banks()))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        screen.query_one("#setup-banks", SelectionList).deselect_all()
        screen.query_one("#setup-banks", SelectionList).select("ml")
        screen.query_one("#setup-difficulties", SelectionList).select("hard")
        await pilot.pause()
        assert "0 questions match" in str(screen.query_one("#setup-status", Static).content)
        await pilot.click("#setup-start")
        await pilot.pause()
        assert app.dismissed == [] and app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
    assert app.dismissed == [None]


async def test_summary_of_a_stored_five_answer_mock_interview(tmp_path):
    store = SessionStore(tmp_path)
    session = five_answer_session(store)
    app = Host(lambda: MockSummaryScreen(store, session))
    async with app.run_test(size=(140, 45)) as pilot:
        screen = app.screen
        totals = str(screen.query_one("#summary-totals", Static).content)
        assert "5 answers in 12:15" in totals and "3 of 5 inside their band" in totals
        table = screen.query_one(DataTable)
        assert table.row_count == 5 and table.cursor_row == 1  # the worst answer is highlighted
        assert "+60 s" in str(table.get_row_at(1)[4])
        cuts = str(screen.query_one("#summary-cuts", Static).content)
        assert "Answer 2 is 60 s over" in cuts and "long story" in cuts
        focus = str(screen.query_one("#summary-focus", Static).content)
        assert focus.count("\n") in (1, 2) and "Cover more" in focus
        await pilot.press("r")
        await pilot.pause()
        assert app.retries == [("core", "conflict")]
        await pilot.press("a")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, AttemptsScreen)
        assert len(app.screen.attempts) == 2  # both answers to "conflict" in this session
        await pilot.press("escape", "down", "down")
        await pilot.pause()
        assert "not over its band" in str(screen.query_one("#summary-cuts", Static).content)
        await pilot.press("q")
        await pilot.pause()
    assert app.dismissed == [None]
