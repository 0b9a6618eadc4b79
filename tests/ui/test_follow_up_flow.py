"""A follow-up through the app with fakes: an answer missing an item, f, the follow-up spoken and
answered, its feedback with the coverage together, saved with its parent, listed in History and Review."""

import json

import pytest

from interviewer.config import Config
from interviewer.domain.storage import SessionStore
from interviewer.fakes import FakeRecorder, FakeSpeaker, FakeTranscriber
from interviewer.services import Services
from interviewer.ui.app import InterviewApp
from tests.screen_fakes import HostApp, RecordingPlayer
from tests.ui.test_question_flow import screen_text, voiced, wait_for

BANK = """\
title = "Calibration"
description = "One question for the follow-up tests"
source = "tests"

[[questions]]
id = "calibrate"
text = "How do you calibrate a classifier's probabilities?"
hint = "Cover calibration techniques like Platt scaling and temperature scaling, and reliability diagrams."
"""
FIRST = ("we fit platt scaling on a held out set um and then we check the calibration with reliability "
         "diagrams before the model goes to the clinic")  # fmt: skip
SECOND = ("temperature scaling divides the logits by one learned temperature so the ranking stays the same "
          "and for a neural network i would use it instead of platt scaling")  # fmt: skip
ASKED = "You mentioned Platt scaling. What about temperature scaling? When would you use it instead?"


@pytest.fixture
def speaker(tmp_path):
    return FakeSpeaker(tmp_path)


@pytest.fixture
def transcriber():
    return FakeTranscriber(FIRST)


@pytest.fixture
def app(tmp_path, speaker, transcriber):
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "calibration.toml").write_text(BANK)
    services = Services(
        make_speaker=lambda: speaker,
        make_recorder=lambda: FakeRecorder(voiced(8.0), speed=40),
        make_transcriber=lambda: transcriber,
    )
    config = Config(recordings_dir=tmp_path / "recordings")
    return InterviewApp(config, services, SessionStore(config.recordings_dir), [banks])


async def answer_when_asked(pilot, question) -> None:
    await wait_for(pilot, lambda: question.state == "answering")
    recorder = question.run.recorder
    await wait_for(pilot, lambda: recorder.finished)
    await pilot.press("space")


async def first_answer_to_feedback(app, pilot):
    """From home: the bank's question asked, answered and analysed; the question screen."""
    await pilot.press("enter", "enter")
    await wait_for(pilot, lambda: type(app.screen).__name__ == "QuestionScreen")
    question = app.screen
    await answer_when_asked(pilot, question)
    await wait_for(pilot, lambda: type(app.screen).__name__ == "FeedbackScreen", timeout=30)
    return question


async def test_a_follow_up_from_the_feedback_screen_to_its_own_feedback(app, speaker, transcriber):
    async with app.run_test(size=(120, 40)) as pilot:
        question = await first_answer_to_feedback(app, pilot)
        first = app.screen
        assert first.follow_up.text == ASKED and first.check_action("follow_up", ()) is True
        transcriber.text = SECOND
        await pilot.press("f")
        await wait_for(pilot, lambda: app.screen is question and question.state == "answering")
        assert speaker.spoken[-1] == ASKED
        shown = str(question.query_one("#question-text").render())
        assert "Follow-up to: How do you calibrate a classifier's probabilities?" in shown and ASKED in shown
        await answer_when_asked(pilot, question)
        await wait_for(pilot, lambda: type(app.screen).__name__ == "FeedbackScreen" and app.screen is not first,
                       timeout=30)  # fmt: skip
        await pilot.pause(0.2)
        text = screen_text(app)
        assert "This follow-up alone: 2 of 3 items · together with the first answer: 3 of 3 items" in text
        assert "Follow-up to: How do you calibrate" in text
        assert app.screen.follow_up is None and app.screen.check_action("follow_up", ()) is False

    session = app.store.sessions()[0][0]
    data = json.loads((app.store.folder(session) / "session.json").read_text())
    first_answer, follow = data["answers"]
    assert first_answer["parent"] is None and follow["parent"] == first_answer["number"]
    assert follow["follow_up_text"] == ASKED and follow["question_id"] == "calibrate"
    assert follow["target_s"] == [30, 90] and first_answer["target_s"] == [120, 180]
    analysis = app.store.latest_analysis(session, session.answers[1])
    assert analysis["together"]["ratio"] == 1.0 and analysis["coverage"]["ratio"] < 1.0


async def test_review_and_history_show_a_follow_up_after_its_parent(app, transcriber):
    async with app.run_test(size=(120, 40)) as pilot:
        question = await first_answer_to_feedback(app, pilot)
        transcriber.text = SECOND
        await pilot.press("f")
        await answer_when_asked(pilot, question)
        await wait_for(pilot, lambda: "together with" in screen_text(app), timeout=30)
        await pilot.press("q")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HomeScreen")
        await pilot.press("h")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HistoryScreen")
        await pilot.pause(0.3)
        table = app.screen.query_one("DataTable")
        questions = [str(table.get_row_at(r)[2]) for r in range(table.row_count)]
        assert questions[1].startswith("1. How do you calibrate") and questions[2].startswith("2. ↳ You mentioned")

    from interviewer.ui.screens.review import ReviewScreen

    session = app.store.sessions()[0][0]
    review = ReviewScreen(app.store, session, session.answers[1], RecordingPlayer())
    host = HostApp(review)
    async with host.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.2)
        shown = "\n".join(str(w.render()) for w in review.query("Static"))
        assert "2. How do you calibrate a classifier's probabilities?\n↳ follow-up to answer 1: " + ASKED in shown
        assert "follow-up to answer 1" in shown and "together with the first answer: 3 of 3 items" in shown


async def test_a_mock_interview_asks_follow_ups_when_chosen(app, speaker):
    from interviewer.ui.app import PlannedQuestion

    async with app.run_test(size=(120, 40)) as pilot:
        [bank], _ = app.load_banks()
        app.ask([PlannedQuestion(bank, bank.questions[0])], mode="mock", follow_ups=True)
        await wait_for(pilot, lambda: type(app.screen).__name__ == "QuestionScreen")
        question = app.screen
        await answer_when_asked(pilot, question)
        await wait_for(pilot, lambda: question.follow_up is not None and question.state == "answering", timeout=30)
        assert speaker.spoken[-1] == ASKED
        await answer_when_asked(pilot, question)
        await wait_for(pilot, lambda: type(app.screen).__name__ == "MockSummaryScreen", timeout=30)
    answers = app.store.sessions()[0][0].answers
    assert [(a.number, a.parent, a.status) for a in answers] == [(1, None, "analysed"), (2, 1, "analysed")]


def test_the_question_and_its_follow_up_are_drawn_as_written():
    from interviewer.ui.screens.question import asked_text

    drawn = asked_text("What is [b]PRS[/b]?", "You didn't talk about [i]LD[/i]. How would that come in?")
    assert drawn.plain == "Follow-up to: What is [b]PRS[/b]?\nYou didn't talk about [i]LD[/i]. How would that come in?"
    assert asked_text("What is [b]PRS[/b]?").plain == "What is [b]PRS[/b]?"
