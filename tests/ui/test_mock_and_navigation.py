"""The home screen's ways out, and a whole mock interview with fakes, ending on its summary."""

from tests.ui.test_question_flow import app, wait_for  # noqa: F401 - the fixture is reused

SCREENS = {"h": "HistoryScreen", "p": "ProgressScreen", "w": "PracticeQueueScreen", "m": "MockSetupScreen"}


async def test_every_home_key_opens_its_screen_and_comes_back(app):  # noqa: F811
    async with app.run_test(size=(120, 40)) as pilot:
        for key, name in SCREENS.items():
            await pilot.press(key)
            await wait_for(pilot, lambda n=name: type(app.screen).__name__ == n)
            await pilot.press("escape")
            await wait_for(pilot, lambda: type(app.screen).__name__ == "HomeScreen")


async def test_mock_interview_asks_in_a_row_then_shows_the_summary(app):  # noqa: F811
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("m")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "MockSetupScreen")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "QuestionScreen")
        question_screen = app.screen
        assert question_screen.mode == "mock" and len(question_screen.plan) == 2
        for number in range(2):
            await wait_for(pilot, lambda: question_screen.state == "answering")
            assert question_screen.index == number
            recorder = question_screen.run.recorder
            await wait_for(pilot, lambda r=recorder: r.finished)
            await pilot.press("space")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "MockSummaryScreen", timeout=30)
    sessions, _ = app.store.sessions()
    assert sessions[0].mode == "mock"
    assert [a.status for a in sessions[0].answers] == ["analysed", "analysed"]
