"""The history screen on a store of fixed sessions: rows, search, open, finish, re-score, delete."""

from __future__ import annotations

import asyncio
from datetime import datetime

from textual.widgets import DataTable, Input

from interviewer.ui.screens.confirm import ConfirmScreen
from interviewer.ui.screens.history import HistoryScreen
from interviewer.ui.screens.review import ReviewScreen
from tests.reporting_fixtures import make_session
from tests.screen_fakes import HostApp, RecordingPlayer

SIZE = (120, 40)


def _store(tmp_path):
    make_session(tmp_path / "rec", when=datetime(2026, 11, 9, 8, 0), bank="system-design", version=0)
    store, recent, _ = make_session(tmp_path / "rec", when=datetime(2026, 11, 16, 9, 30))
    store.start_answer(recent, "conflict", "How do you handle conflict?", "", (120, 180))  # interrupted
    broken = store.root / "20261101-070000_broken"
    broken.mkdir()
    (broken / "session.json").write_text("{not json")
    return store


async def _loaded(pilot, screen, times: int = 1) -> None:
    """Wait until the screen has read the store `times` times (it reads in a thread)."""
    for _ in range(1000):
        if screen.loads >= times:
            await pilot.pause()
            return
        await pilot.pause(0.01)
    raise AssertionError("the history never loaded")


def _keys(screen) -> list[str]:
    table = screen.query_one(DataTable)
    return [row.key.value for row in table.ordered_rows]


def _cells(screen, key: str) -> list[str]:
    return [str(c) for c in screen.query_one(DataTable).get_row(key)]


def _select(screen, key: str) -> None:
    table = screen.query_one(DataTable)
    table.move_cursor(row=table.get_row_index(key))


def test_lists_sessions_newest_first_with_unfinished_and_broken_marked(tmp_path):
    async def scenario():
        store = _store(tmp_path)
        screen = HistoryScreen(store, RecordingPlayer())
        async with HostApp(screen).run_test(size=SIZE) as pilot:
            await _loaded(pilot, screen)
            keys = _keys(screen)
            assert keys[:3] == ["s:20261116-093000_behavioural", "a:20261116-093000_behavioural/1",
                                "a:20261116-093000_behavioural/2"]  # fmt: skip
            assert keys[3:5] == ["s:20261109-080000_system-design", "a:20261109-080000_system-design/1"]
            assert keys[5] == "b:20261101-070000_broken"
            analysed = _cells(screen, keys[1])
            assert analysed[2].startswith("1. Tell me about") and analysed[3:8] == ["0:21", "121", "6.3", "1",
                                                                                 "75%"]  # fmt: skip
            assert _cells(screen, keys[2])[-1].startswith("⚠ interrupted")
            assert _cells(screen, keys[0])[-1] == "⚠ 1 unfinished"
            assert _cells(screen, keys[4])[-1].startswith("↻ older analysis v0")
            status = str(screen.query_one("#status").render())
            assert "2 session(s) · 3 answer(s) · 1 unfinished · 1 scored by an older analysis" in status
            assert f"{store.disk_usage() / 1e6:.1f} MB on disk" in status

    asyncio.run(scenario())


def test_search_by_words_said_question_and_bank(tmp_path):
    async def scenario():
        screen = HistoryScreen(_store(tmp_path), RecordingPlayer())
        async with HostApp(screen).run_test(size=SIZE) as pilot:
            await _loaded(pilot, screen)
            await pilot.press("slash", *"conflict")
            await pilot.pause(0.4)  # the list is filtered once typing pauses
            assert [k for k in _keys(screen) if k.startswith("a:")] == ["a:20261116-093000_behavioural/2"]
            screen.query_one(Input).value = "system-design migration"
            await pilot.pause(0.4)
            assert [k for k in _keys(screen) if k.startswith("a:")] == ["a:20261109-080000_system-design/1"]
            await pilot.press("escape")
            await pilot.pause(0.4)
            assert screen.query_one(Input).value == "" and len(_keys(screen)) == 6

    asyncio.run(scenario())


def test_enter_opens_the_review_and_escape_comes_back(tmp_path):
    async def scenario():
        app = HostApp(HistoryScreen(_store(tmp_path), RecordingPlayer()))
        async with app.run_test(size=SIZE) as pilot:
            screen = app.screen
            await _loaded(pilot, screen)
            _select(screen, "a:20261109-080000_system-design/1")
            await pilot.press("enter")
            assert isinstance(app.screen, ReviewScreen) and app.screen.session.bank_id == "system-design"
            await pilot.press("escape")
            assert app.screen is screen
            await _loaded(pilot, screen, 2)  # read again on return: the review may have changed things
            _select(screen, "a:20261116-093000_behavioural/2")
            await pilot.press("enter")
            assert app.screen is screen  # nothing to review in an interrupted answer

    asyncio.run(scenario())


def test_finish_posts_a_request_for_unfinished_answers_only(tmp_path):
    async def scenario():
        app = HostApp(HistoryScreen(_store(tmp_path), RecordingPlayer()))
        async with app.run_test(size=SIZE) as pilot:
            await _loaded(pilot, app.screen)
            _select(app.screen, "s:20261116-093000_behavioural")
            await pilot.press("f")
            await pilot.pause()
            assert app.finish_requests == [("20261116-093000_behavioural", 2)]

    asyncio.run(scenario())


def test_rescore_key_adds_a_new_version_and_keeps_the_old(tmp_path):
    async def scenario():
        store = _store(tmp_path)
        app = HostApp(HistoryScreen(store, RecordingPlayer()))
        async with app.run_test(size=SIZE) as pilot:
            screen = app.screen
            await _loaded(pilot, screen)
            _select(screen, "a:20261109-080000_system-design/1")
            await pilot.press("r")
            await _loaded(pilot, screen, 2)
            session = store.load("20261109-080000_system-design")
            versions = [v for v, _ in store.analyses(session, session.answers[0])]
            assert len(versions) == 2 and versions[0] == 0
            assert not _cells(screen, "a:20261109-080000_system-design/1")[-1].startswith("↻")

    asyncio.run(scenario())


def test_delete_session_after_confirmation(tmp_path):
    async def scenario():
        store = _store(tmp_path)
        app = HostApp(HistoryScreen(store, RecordingPlayer()))
        async with app.run_test(size=SIZE) as pilot:
            screen = app.screen
            await _loaded(pilot, screen)
            _select(screen, "s:20261109-080000_system-design")
            await pilot.press("d")
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("escape")
            assert (store.root / "20261109-080000_system-design").exists()
            await pilot.press("d", "y")
            await _loaded(pilot, screen, 2)
            assert not (store.root / "20261109-080000_system-design").exists()
            assert "s:20261109-080000_system-design" not in _keys(screen)

    asyncio.run(scenario())


def test_export_key_writes_the_sessions_html(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    async def scenario():
        app = HostApp(HistoryScreen(_store(tmp_path), RecordingPlayer()))
        async with app.run_test(size=SIZE) as pilot:
            await _loaded(pilot, app.screen)
            _select(app.screen, "a:20261109-080000_system-design/1")
            await pilot.press("e")
            await pilot.pause()
        html = (tmp_path / "20261109-080000_system-design.html").read_text(encoding="utf-8")
        assert '<mark class="filler"' in html and "<audio" not in html

    asyncio.run(scenario())


def test_confirm_dialog_buttons(tmp_path):
    async def scenario():
        store = _store(tmp_path)
        app = HostApp(HistoryScreen(store, RecordingPlayer()))
        async with app.run_test(size=SIZE) as pilot:
            screen = app.screen
            await _loaded(pilot, screen)
            _select(screen, "a:20261109-080000_system-design/1")
            await pilot.press("d")
            await pilot.click("#no")
            await pilot.pause()
            assert isinstance(app.screen, HistoryScreen) and len(store.sessions()[0]) == 2
            await pilot.press("d")
            await pilot.click("#yes")
            await _loaded(pilot, screen, 2)
            assert store.load("20261109-080000_system-design").answers == []

    asyncio.run(scenario())


def test_summary_and_row_carry_the_voice_and_wording_figures(tmp_path):
    from interviewer.domain.storage import SessionStore
    from interviewer.reporting.history import load_history, summarise
    from interviewer.ui.screens.history import COLUMNS, _answer_cells
    from tests.test_feedback_delivery import saved_analysis

    _, _, _, analysis = saved_analysis(tmp_path)
    summary = summarise(analysis, 1)
    assert summary.pitch_spread_st == analysis["pitch"]["spread_st"] < 2
    assert summary.hedges_per_min == analysis["hedging"]["per_min"] > 0
    assert summary.idle_share == analysis["wordiness"]["idle_share"] > 0
    assert summarise({"analysis_version": 2, "duration_s": 60.0}, 1).pitch_spread_st is None  # older analyses
    rows = load_history(SessionStore(tmp_path)).rows
    cells = dict(zip(COLUMNS, _answer_cells(rows[0], "3"), strict=True))
    assert cells["Pitch"] == f"{summary.pitch_spread_st:.1f} st" and cells["Hedges"] == f"{summary.hedges_per_min:.1f}"
