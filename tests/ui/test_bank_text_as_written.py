"""A question and hint holding "[...]" are shown as written on every screen that draws them."""

from tests.ui.test_question_flow import BANK, make_app, screen_text, wait_for

QUESTION = "What is a [b]polygenic[/b] risk score [red]and why[/red]?"
HINT_MARKED = "Cover weighted sums of [i]risk alleles[/i], linkage disequilibrium clumping, and risk stratification."
BRACKETED = BANK.replace("What is a polygenic risk score?", QUESTION).replace(
    "Cover weighted sums of risk alleles,", "Cover weighted sums of [i]risk alleles[/i],"
)


async def test_home_question_feedback_review_and_attempts_show_brackets_as_written(tmp_path):
    app = make_app(tmp_path, BRACKETED, answer_s=6.0)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "i")
        await wait_for(pilot, lambda: "[i]risk alleles[/i]" in screen_text(app))
        assert QUESTION in screen_text(app), "home"
        await pilot.press("enter")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "QuestionScreen")
        assert QUESTION in screen_text(app), "question screen"
        question = app.screen
        await wait_for(pilot, lambda: question.state == "answering")
        await wait_for(pilot, lambda: question.run.recorder.finished)
        await pilot.press("space")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "FeedbackScreen", timeout=30)
        await pilot.pause(0.2)
        assert QUESTION in screen_text(app), "feedback screen"
        hints = "\n".join(str(o.prompt) for o in app.screen.query_one("HintChecklist")._options)
        assert "[i]risk alleles[/i]" in hints, f"feedback hint points: {hints}"
        await pilot.press("a")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "AttemptsScreen")
        await wait_for(pilot, lambda: "attempts)" in screen_text(app))
        assert QUESTION in screen_text(app), "attempts screen"
