"""Finishing an answer cut off by a crash, with real Whisper, then reviewing and exporting the real analysis."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime

import pytest

from interviewer import cli
from interviewer.domain.audiofile import to_pcm16, wav_header
from interviewer.domain.storage import SessionStore
from interviewer.ui.screens.review import ReviewScreen
from interviewer.ui.widgets.figures import FiguresPanel
from interviewer.ui.widgets.transcript_view import TranscriptView
from tests.screen_fakes import HostApp, RecordingPlayer

HINT = "the situation; measuring first; moving step by step; the result"


@pytest.mark.slow
def test_finish_repairs_transcribes_and_analyses_then_review_and_export_show_it(tmp_path, spoken_clip, capsys):
    store = SessionStore(tmp_path / "rec")
    session = store.new_session("behavioural", "Behavioural", now=datetime(2026, 11, 20, 18, 0))
    answer = store.start_answer(session, "migration", "Tell me about a migration you led.", HINT, (120, 180))
    # what a killed recorder leaves: every sample on disk, a header still saying 0 bytes
    store.wav_path(session, answer).write_bytes(wav_header(16000, 0) + to_pcm16(spoken_clip.audio).tobytes())

    args = ["--recordings-dir", str(store.root), "--engine", "faster-whisper", "--model", "tiny.en"]
    assert cli.main([*args, "sessions", "finish", "--all"]) == 0
    assert f"{session.id} #1: analysed" in capsys.readouterr().out
    session = store.load(session.id)
    answer = session.answers[0]
    assert answer.status == "analysed" and answer.interrupted
    analysis = store.latest_analysis(session, answer)
    assert "migration" in analysis["transcript"]["text"].lower()

    async def review():
        app = HostApp(ReviewScreen(store, session, answer, RecordingPlayer()))
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            view = app.screen.query_one(TranscriptView)
            assert "migration" in view.text.lower()
            figures = str(app.screen.query_one(FiguresPanel).render())
            assert "Duration" in figures and "wpm" in figures
            assert "cut short" in str(app.screen.query_one("#info").render())

    asyncio.run(review())
    assert cli.main([*args, "sessions", "export", session.id, "--format", "json", "-o", "-"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["answers"][0]["analysis"] == analysis
    assert cli.main([*args, "sessions", "finish", "--all"]) == 0
    assert "no unfinished answers" in capsys.readouterr().err
