"""The feedback screen on a saved analysis of a spoken answer whose voice and wording are known: the new
figures are shown, their moments listed, and choosing one plays the answer from there."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

from interviewer.domain.audiofile import GrowingWav
from interviewer.domain.session import AnswerResult, analyse_answer
from interviewer.domain.storage import SessionStore
from interviewer.evaluation.delivery_truth import Voice, spoken_answer
from interviewer.reporting.marks import HEDGE
from interviewer.ui.screens.feedback import FeedbackScreen
from interviewer.ui.widgets.figures import FiguresPanel, render_figures
from interviewer.ui.widgets.moments_list import MomentsList
from interviewer.ui.widgets.transcript_view import TranscriptView
from tests.screen_fakes import HostApp

QUESTION = "How would you keep a training data pipeline healthy?"
HINT = "Cover schema validation, drift monitoring, and alerting with an owner."
SAID = (
    "I think the data pipeline needs schema validation first.",
    "Maybe we check every column, kind of like a contract, on the data pipeline.",
    "Our office moved last spring and the new kitchen is large.",
    "The team enjoys lunch together on Fridays in the park.",
    "Then drift monitoring watches the data pipeline every single day.",
)


def saved_analysis(tmp_path):
    """A monotone, trailing, hedging answer, analysed as the app does and read back from disk."""
    audio, transcript = spoken_answer(Voice(pitch_range="x-low"), SAID, tail_db=12)
    store = SessionStore(tmp_path)
    session = store.new_session("ops", "Ops questions", engine="faster-whisper", model="tiny.en")
    answer = store.start_answer(session, "pipeline", QUESTION, HINT, (120, 180))
    wav = GrowingWav(store.wav_path(session, answer))
    wav.append(audio)
    wav.close()
    result = analyse_answer(transcript, audio, HINT, (120, 180), 2.0, QUESTION)
    store.save_analysis(session, answer, result, result["analysis_version"])
    return session, answer, transcript, store.latest_analysis(session, answer)


def test_feedback_shows_the_voice_and_wording_figures_and_plays_their_moments(tmp_path):
    session, answer, transcript, analysis = saved_analysis(tmp_path)
    planned = SimpleNamespace(question=SimpleNamespace(text=QUESTION, id="pipeline"), bank=SimpleNamespace(id="ops"))
    screen = FeedbackScreen(planned, session, AnswerResult(answer, transcript, analysis), has_next=False)
    played: list[float] = []
    screen.play_from = played.append

    async def scenario():
        app = HostApp(screen)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            shown = render_figures(screen.query_one(FiguresPanel).analysis).plain
            for expected in ("Pitch", "monotone", "Energy", "trails off", "longer sentences trailed off", "Hedging",
                             "'data pipeline' ×3",
                             "Wordiness", "longest"):  # fmt: skip
                assert expected in shown, expected
            moments = screen.query_one(MomentsList)
            labels = [row.label for row in moments.rows]
            assert any(label.startswith("flattest pitch") for label in labels)
            assert any(label.startswith("trailed off") for label in labels)
            assert "hedge 'i think'" in labels and "hedge 'maybe'" in labels
            assert any(label.startswith("no hint content") for label in labels)
            assert moments.display and moments.region.height > 0
            view = screen.query_one(TranscriptView)
            assert [m.text for m in view.marks if m.kind == HEDGE][:2] == ["I", "think"]
            moments.focus()
            await pilot.press("down", "enter")
            await pilot.pause()
            assert played == [moments.rows[1].start]
            assert view.current is not None and abs(view.marks[view.current].start - played[0]) < 0.5

    asyncio.run(scenario())
