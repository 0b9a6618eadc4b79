"""The review screen: playback from words, pauses and hint points, versions, re-score, export, delete."""

from __future__ import annotations

import asyncio

import numpy as np
import pytest

from interviewer.domain.audiofile import read_pcm16
from interviewer.reporting.marks import FILLER, PAUSE
from interviewer.ui.screens.confirm import ConfirmScreen
from interviewer.ui.screens.review import LEAD_S, ReviewScreen
from interviewer.ui.widgets.hint_checklist import HintChecklist
from interviewer.ui.widgets.transcript_view import TranscriptView
from tests.plugins.audio_env import run_python
from tests.reporting_fixtures import QUESTION, make_session
from tests.screen_fakes import HostApp, RecordingPlayer, RecordingSpeaker

SIZE = (120, 40)


def _app(tmp_path, version=None):
    kwargs = {} if version is None else {"version": version}
    store, session, answer = make_session(tmp_path / "rec", **kwargs)
    player = RecordingPlayer()
    screen = ReviewScreen(store, session, answer, player, RecordingSpeaker(tmp_path))
    return HostApp(screen), screen, player


async def _until(pilot, condition, timeout: float = 10.0) -> None:
    for _ in range(int(timeout / 0.02)):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("condition never became true")


def test_review_snapshot(tmp_path, snap_compare):
    app, _, _ = _app(tmp_path)
    assert snap_compare(app, terminal_size=SIZE)


def test_space_plays_follows_words_and_pauses(tmp_path):
    async def scenario():
        app, screen, player = _app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("space")
            await _until(pilot, lambda: screen.position == 1.0)
            assert player.starts == [0.0] and screen.playing
            view = screen.report.transcript
            assert view.current is not None and view.marks[view.current].start <= 1.0
            await pilot.press("space")
            await _until(pilot, lambda: screen.position == 1.25)
            assert not screen.playing
            await pilot.press("space")
            await _until(pilot, lambda: len(player.starts) == 2)
            assert player.starts[1] == 1.25  # resumes where it paused

    asyncio.run(scenario())


def test_enter_on_a_word_plays_from_just_before_it(tmp_path):
    async def scenario():
        app, screen, player = _app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            view = screen.query_one(TranscriptView)
            view.focus()
            await pilot.press("right", "right", "right", "enter")
            await _until(pilot, lambda: player.starts)
            assert player.starts == [round(max(0.0, view.marks[2].start - LEAD_S), 3)]

    asyncio.run(scenario())


def test_hint_point_and_jump_keys_choose_where_to_play(tmp_path):
    async def scenario():
        app, screen, player = _app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            screen.query_one(HintChecklist).focus()
            await pilot.press("down", "down", "enter")  # "outcome"
            await _until(pilot, lambda: len(player.starts) == 1)
            at = screen.analysis["coverage"]["points"][2]["at_s"]
            assert player.starts == [round(at - LEAD_S, 3)]
            marks = screen.report.transcript.marks
            pause = next(m for m in marks if m.kind == PAUSE)
            filler = next(m for m in marks if m.kind == FILLER)
            await pilot.press("0")
            await _until(pilot, lambda: len(player.starts) == 2)
            await pilot.press("right_curly_bracket")
            await _until(pilot, lambda: len(player.starts) == 3)
            assert player.starts[2] == round(pause.start - LEAD_S, 3)
            await pilot.press("0")
            await _until(pilot, lambda: len(player.starts) == 4)
            await pilot.press("full_stop")
            await _until(pilot, lambda: len(player.starts) == 5)
            assert player.starts[4] == round(max(0.0, filler.start - LEAD_S), 3)
            await pilot.press("right_square_bracket")
            await _until(pilot, lambda: len(player.starts) == 6)
            assert player.starts[5] > player.starts[4] + 4.0
            await pilot.press("left_square_bracket")
            await _until(pilot, lambda: len(player.starts) == 7)
            assert player.starts[6] == pytest.approx(
                player.starts[5] + 1.0 - 5.0, abs=0.01
            )  # from the last position heard
            screen.play_from(marks[-1].start)  # from the end, back to the pause and the first filler
            await _until(pilot, lambda: len(player.starts) == 8)
            await pilot.press("left_curly_bracket")
            await _until(pilot, lambda: len(player.starts) == 9)
            assert player.starts[8] == round(pause.start - LEAD_S, 3)
            await pilot.press("comma")
            await _until(pilot, lambda: len(player.starts) == 10)
            assert player.starts[9] == round(max(0.0, filler.start - LEAD_S), 3)

    asyncio.run(scenario())


def test_replay_question_uses_the_speaker(tmp_path):
    async def scenario():
        app, screen, _ = _app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("q")
            await _until(pilot, lambda: screen.speaker.said)
            assert screen.speaker.said == [QUESTION]

    asyncio.run(scenario())


def test_rescore_from_review_keeps_both_versions(tmp_path):
    async def scenario():
        app, screen, _ = _app(tmp_path, version=0)
        async with app.run_test(size=SIZE) as pilot:
            info = screen.query_one("#info")
            assert info.has_class("outdated") and "press r to re-score" in str(info.render())
            await pilot.press("r")
            await _until(pilot, lambda: len(screen.analyses) == 2)
            await pilot.pause()
            assert not info.has_class("outdated")
            assert [str(v) for v, _ in screen.analyses] == ["0", str(screen.analyses[-1][1]["analysis_version"])]
            await pilot.press("v")
            assert screen.shown == 0 and info.has_class("outdated")

    asyncio.run(scenario())


def test_delete_asks_and_no_keeps_everything(tmp_path):
    async def scenario():
        app, screen, _ = _app(tmp_path)
        wav = screen.store.wav_path(screen.session, screen.answer)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("d")
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("n")
            assert app.screen is screen and wav.exists()
            await pilot.press("d", "y")
            await pilot.pause()
            assert not wav.exists() and app.screen is not screen

    asyncio.run(scenario())


def test_export_key_writes_the_html_report(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    async def scenario():
        app, screen, _ = _app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("e")
            await pilot.pause()
        report = tmp_path / f"{screen.session.id}.html"
        assert '<mark class="filler"' in report.read_text(encoding="utf-8")

    asyncio.run(scenario())


REVIEW_IN_SUBPROCESS = """
import asyncio, sys, json
from pathlib import Path
from interviewer.adapters.player import SoundDevicePlayer
from interviewer.domain.storage import SessionStore
from interviewer.ui.screens.review import ReviewScreen
from tests.screen_fakes import HostApp

store = SessionStore(Path(sys.argv[1]))
session = store.sessions()[0][0]
screen = ReviewScreen(store, session, session.answers[0], SoundDevicePlayer())

async def main():
    app = HostApp(screen)
    async with app.run_test(size=(120, 40)) as pilot:
        view = screen.report.transcript
        view.focus()
        index = next(i for i, m in enumerate(view.marks) if m.text == sys.argv[2])
        await pilot.press(*["right"] * (index + 1), "enter")
        for _ in range(500):
            await pilot.pause(0.02)
            if not screen.playing and screen.position > 1:
                break
        print(json.dumps({"event": "done", "word_start": view.marks[index].start, "end": screen.position,
                          "current": view.marks[view.current].text}))

asyncio.run(main())
"""


@pytest.mark.audio
def test_review_plays_the_real_speaker_from_the_chosen_word(tmp_path, alsa_audio):
    store, session, answer = make_session(tmp_path / "rec")
    run = run_python(alsa_audio.env, ["-c", REVIEW_IN_SUBPROCESS, str(store.root), "proposed"], timeout=120)
    done = run.last("done")
    source, rate = read_pcm16(store.wav_path(session, answer))
    played, _ = read_pcm16(alsa_audio.spk_wav)
    first = int(np.nonzero(played)[0][0])
    expected = source[round((done["word_start"] - LEAD_S) * rate) :]
    assert np.array_equal(played[first : first + len(expected)], expected)
    assert done["end"] == pytest.approx(len(source) / rate)
    assert done["current"] == "opinions."  # the view followed playback to the last word


def test_choosing_a_moment_plays_from_just_before_it(tmp_path):
    from interviewer.domain.storage import SessionStore
    from interviewer.ui.widgets.moments_list import MomentsList
    from tests.test_feedback_delivery import saved_analysis

    session, answer, _, _ = saved_analysis(tmp_path)
    player = RecordingPlayer()
    screen = ReviewScreen(SessionStore(tmp_path), session, answer, player, RecordingSpeaker(tmp_path))

    async def scenario():
        async with HostApp(screen).run_test(size=SIZE) as pilot:
            moments = screen.query_one(MomentsList)
            hedge = next(i for i, row in enumerate(moments.rows) if row.label == "hedge 'maybe'")
            moments.focus()
            moments.highlighted = hedge
            await pilot.press("enter")
            await _until(pilot, lambda: player.starts)
            assert player.starts == [round(max(0.0, moments.rows[hedge].start - LEAD_S), 3)]

    asyncio.run(scenario())
