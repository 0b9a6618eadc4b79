"""One whole question through the app with fakes: asked, answered, stopped, analysed, saved."""

import asyncio
import json

import numpy as np
import pytest

from interviewer.config import Config
from interviewer.domain.storage import SessionStore
from interviewer.fakes import FakeRecorder, FakeSpeaker, FakeTranscriber
from interviewer.services import Services
from interviewer.ui.app import InterviewApp

BANK = """\
title = "Test bank"
description = "Two questions for the Pilot tests"
source = "tests"

[[questions]]
id = "prs"
text = "What is a polygenic risk score?"
hint = "Cover weighted sums of risk alleles, linkage disequilibrium clumping, and risk stratification."

[[questions]]
id = "omop"
text = "Why does OMOP matter?"
hint = "Explain how OMOP standardizes EHR data across institutions."
target_s = [60, 90]
"""

ANSWER = (
    "a polygenic risk score is a weighted sum of risk alleles from GWAS um we clump by "
    "linkage disequilibrium first and then use it for risk stratification of patients"
)


def voiced(seconds: float) -> np.ndarray:
    t = np.arange(int(seconds * 16000)) / 16000
    return (0.2 * np.sin(2 * np.pi * 180 * t) * (1 + np.sin(2 * np.pi * 3 * t))).astype(np.float32)


def make_app(tmp_path, bank: str = BANK, answer_s: float = 12.0) -> InterviewApp:
    """The app with fakes behind every port, one bank file, a voiced answer of `answer_s`."""
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "test.toml").write_text(bank)
    services = Services(
        make_speaker=lambda: FakeSpeaker(tmp_path),
        make_recorder=lambda: FakeRecorder(voiced(answer_s), speed=40),
        make_transcriber=lambda: FakeTranscriber(ANSWER),
    )
    config = Config(recordings_dir=tmp_path / "recordings")
    return InterviewApp(config, services, SessionStore(config.recordings_dir), [banks])


@pytest.fixture
def app(tmp_path):
    return make_app(tmp_path)


async def wait_for(pilot, condition, timeout=20.0):
    for _ in range(int(timeout / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("condition not reached in time")


def screen_text(app) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query("Static"))


async def test_one_question_from_home_to_feedback(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "enter")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "QuestionScreen")
        question = app.screen
        assert "polygenic risk score" in screen_text(app)
        await wait_for(pilot, lambda: question.state == "answering")
        assert "Answer now" in screen_text(app)
        recorder = question.run.recorder
        await wait_for(pilot, lambda: recorder.finished)
        await pilot.press("space")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "FeedbackScreen", timeout=30)
        await pilot.pause(0.2)
        report = app.screen.result.analysis
        assert report["words"] > 20 and report["fillers"]["by_type"].get("um/uh") == 1
        assert report["coverage"]["ratio"] > 0.5

    session = app.store.sessions()[0][0]
    answer = session.answers[0]
    assert answer.status == "analysed" and answer.question_id == "prs"
    folder = app.store.folder(session)
    assert (folder / f"{answer.stem}.wav").stat().st_size > 12 * 16000
    saved = json.loads((folder / f"{answer.stem}.transcript.json").read_text())
    assert saved["text"].startswith("a polygenic risk score")


async def test_quit_mid_answer_keeps_the_recording(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "enter")
        await wait_for(pilot, lambda: getattr(app.screen, "state", "") == "answering")
        await pilot.pause(0.1)
        await pilot.press("escape")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HomeScreen")
        await asyncio.sleep(0.5)
    session = app.store.sessions()[0][0]
    answer = session.answers[0]
    assert answer.status in ("recorded", "analysed")
    assert app.store.wav_path(session, answer).stat().st_size > 44


async def test_question_target_band_comes_from_the_bank(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "QuestionScreen")
        assert app.screen.target_s == (60, 90)
        assert "1:00–1:30" in screen_text(app)


async def test_live_hints_tick_off_while_speaking_when_asked_for(app):
    from dataclasses import replace

    from interviewer.adapters.speechgen import concatenate, silence

    app.config = replace(app.config, live_hints=True)
    with_pauses = concatenate([part for _ in range(3) for part in (voiced(4.0), silence(1.2))])
    app.services.make_recorder = lambda: FakeRecorder(with_pauses, speed=4)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "enter")
        await wait_for(pilot, lambda: getattr(app.screen, "state", "") == "answering")
        question = app.screen
        await wait_for(pilot, lambda: question.run.recorder.finished)
        await wait_for(pilot, lambda: "✓" in str(question.query_one("#live-hints").render()), timeout=10)
        points = question.run.points_said()
        assert len(points) == 3 and sum(said for _, said in points) >= 2
        await pilot.press("space")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "FeedbackScreen", timeout=30)


async def test_the_question_screen_names_the_voice_in_use(app, tmp_path):
    speaker = FakeSpeaker(tmp_path)
    speaker.label = "Calm US (espeak): Piper is not installed (piper-tts): install it"
    app.services.make_speaker = lambda: speaker
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "enter")
        await wait_for(pilot, lambda: getattr(app.screen, "state", "") == "answering")
        shown = str(app.screen.query_one("#voice").render())
        assert shown == "voice: Calm US (espeak): Piper is not installed (piper-tts): install it"
        assert speaker.spoken == ["What is a polygenic risk score?"]


async def test_no_speaker_is_named_on_the_question_screen(app):
    def no_speech():
        raise RuntimeError("no text-to-speech engine")

    app.services.make_speaker = no_speech
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "enter")
        await wait_for(pilot, lambda: getattr(app.screen, "state", "") == "answering")
        assert "voice: none: questions are shown as text only" in str(app.screen.query_one("#voice").render())


@pytest.mark.parametrize("spoken_cues", [True, False])
async def test_the_interviewer_says_wrap_up_at_the_end_of_the_band_unless_turned_off(app, tmp_path, spoken_cues):
    from dataclasses import replace

    speaker = FakeSpeaker(tmp_path)
    app.services.make_speaker = lambda: speaker
    app.config = replace(app.config, target_s=(2, 5), spoken_cues=spoken_cues)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "enter")
        await wait_for(pilot, lambda: getattr(app.screen, "state", "") == "answering")
        question = app.screen
        await wait_for(pilot, lambda: question.run.recorder.finished)  # 12 s of answer, past both edges
        await wait_for(pilot, lambda: 5 in question.cues_given)
        await pilot.pause(0.3)
        expected = ["What is a polygenic risk score?"] + (["Let's wrap up."] if spoken_cues else [])
        assert speaker.spoken == expected


async def test_the_next_question_is_made_while_this_one_is_answered(app, tmp_path):
    from interviewer.ui.app import PlannedQuestion

    speaker = FakeSpeaker(tmp_path)
    app.services.make_speaker = lambda: speaker
    async with app.run_test(size=(120, 40)) as pilot:
        [bank], _ = app.load_banks()
        app.ask([PlannedQuestion(bank, question) for question in bank.questions])
        await wait_for(pilot, lambda: getattr(app.screen, "state", "") == "answering")
        await wait_for(pilot, lambda: len(speaker.spoken) == 2)
        assert speaker.spoken == ["What is a polygenic risk score?", "Why does OMOP matter?"]  # said, made ahead


def with_careful(app, transcriber):
    app.services.make_careful_transcriber = lambda: transcriber
    app.careful = app._careful_loader(app.config, app.services)
    return app


async def answer_to_feedback(app, pilot):
    """The first question answered (the fake microphone's whole answer) and stopped: its feedback screen."""
    await pilot.press("enter", "enter")
    await wait_for(pilot, lambda: getattr(app.screen, "state", "") == "answering")
    question = app.screen
    await wait_for(pilot, lambda: question.run.recorder.finished)
    await pilot.press("space")
    await wait_for(pilot, lambda: type(app.screen).__name__ == "FeedbackScreen", timeout=30)
    return app.screen


async def test_the_careful_hearing_replaces_the_drafts_feedback_on_screen(tmp_path):
    careful_text = ANSWER.replace("um ", "").replace("Um ", "") + " linkage disequilibrium clumping"
    app = with_careful(make_app(tmp_path), FakeTranscriber(careful_text, model="careful", delay_s=1.0))
    async with app.run_test(size=(120, 40)) as pilot:
        feedback = await answer_to_feedback(app, pilot)
        assert feedback.result.refining and "Hearing your answer again" in screen_text(app)
        await wait_for(pilot, lambda: not feedback.result.refining, timeout=30)
        await pilot.pause(0.2)
        assert "Hearing your answer again" not in screen_text(app)
        assert feedback.result.transcript.text.strip() == careful_text.strip()
        assert feedback.result.analysis["fillers"]["by_type"].get("um/uh", 0) == 0
    session = app.store.sessions()[0][0]
    latest = app.store.latest_analysis(session, session.answers[0])
    assert latest["transcript"]["text"].strip() == careful_text.strip()


class BrokenCarefulTranscriber(FakeTranscriber):
    def transcribe(self, audio, hints=None):
        raise RuntimeError("the careful model broke")


async def test_a_careful_hearing_that_fails_leaves_the_drafts_feedback_and_says_so(tmp_path):
    app = with_careful(make_app(tmp_path), BrokenCarefulTranscriber("", model="careful"))
    notes = []
    app.notify = lambda message, **kw: notes.append(message)
    async with app.run_test(size=(120, 40)) as pilot:
        feedback = await answer_to_feedback(app, pilot)
        await wait_for(pilot, lambda: "Hearing your answer again" not in screen_text(app), timeout=30)
        assert feedback.result.transcript.text.startswith("a polygenic risk score")  # the draft's
    assert any("second hearing failed" in n and "careful model broke" in n for n in notes), notes
    session = app.store.sessions()[0][0]
    assert session.answers[0].status == "analysed"
