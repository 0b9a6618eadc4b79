"""The answer widgets on a fixed analysis: marks, selection messages, playback following."""

from __future__ import annotations

import asyncio
import copy

import pytest
from textual.app import App

from interviewer.reporting.marks import FILLER, PAUSE, UNSURE, transcript_marks
from interviewer.ui.widgets.answer_report import AnswerReport
from interviewer.ui.widgets.figures import FiguresPanel, render_figures
from interviewer.ui.widgets.hint_checklist import HintChecklist
from interviewer.ui.widgets.transcript_view import TranscriptView
from tests.reporting_fixtures import QUESTION, UNSURE_WORD, sample_analysis


class ReportApp(App):
    def __init__(self, analysis: dict) -> None:
        super().__init__()
        self.analysis = analysis
        self.selected: list[tuple[str, float]] = []

    def compose(self):
        yield AnswerReport(self.analysis, QUESTION)

    def on_transcript_view_word_selected(self, event: TranscriptView.WordSelected) -> None:
        self.selected.append(("word", event.time_s))

    def on_hint_checklist_point_selected(self, event: HintChecklist.PointSelected) -> None:
        self.selected.append(("point", event.time_s))


def test_marks_show_fillers_pauses_and_unsure_words():
    marks = transcript_marks(sample_analysis())
    assert [m.text for m in marks if m.kind == FILLER] == ["um", "like"]
    assert [m.text for m in marks if m.kind == UNSURE] == [UNSURE_WORD]
    pauses = [m for m in marks if m.kind == PAUSE]
    assert len(pauses) == 1 and abs(pauses[0].duration - 3.18) < 1e-6
    before = marks[marks.index(pauses[0]) - 1]
    assert before.text == "migration."


def test_filler_heard_but_not_transcribed_is_shown_inline():
    analysis = sample_analysis()
    analysis["fillers"]["items"].append({"type": "uh", "start": 12.345})
    marks = transcript_marks(analysis)
    extra = [m for m in marks if m.text == "‹uh›"]
    assert extra and extra[0].kind == FILLER
    assert all(m.start <= 12.345 for m in marks[: marks.index(extra[0])])


def test_report_fits_120x40_with_everything_visible():
    async def scenario():
        app = ReportApp(sample_analysis())
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            view = app.query_one(TranscriptView)
            assert "[⏸ 3.2 s]" in view.text
            for widget in (view, app.query_one(FiguresPanel), app.query_one(HintChecklist)):
                region = widget.region
                assert region.width > 0 and region.bottom <= 40 and region.right <= 120
            assert app.query_one(HintChecklist).region.bottom <= 40

    asyncio.run(scenario())


def test_selecting_a_hint_point_scrolls_transcript_and_bubbles():
    async def scenario():
        analysis = sample_analysis()
        app = ReportApp(analysis)
        async with app.run_test(size=(120, 40)) as pilot:
            checklist = app.query_one(HintChecklist)
            checklist.focus()
            await pilot.press("down", "enter")
            await pilot.pause()
            at = analysis["coverage"]["points"][1]["at_s"]
            assert app.selected == [("point", at)]
            view = app.query_one(TranscriptView)
            assert view.marks[view.current].text == "proposed"

    asyncio.run(scenario())


def test_unsaid_point_posts_nothing():
    async def scenario():
        app = ReportApp(sample_analysis())
        async with app.run_test(size=(120, 40)) as pilot:
            app.query_one(HintChecklist).focus()
            await pilot.press("end", "enter")
            await pilot.pause()
            assert app.selected == []

    asyncio.run(scenario())


def test_keys_move_between_words_and_enter_selects():
    async def scenario():
        analysis = sample_analysis()
        app = ReportApp(analysis)
        async with app.run_test(size=(120, 40)) as pilot:
            view = app.query_one(TranscriptView)
            view.focus()
            await pilot.press("right", "right", "right", "enter")
            await pilot.pause()
            assert app.selected == [("word", view.marks[2].start)]
            assert view.marks[2].text == "last"

    asyncio.run(scenario())


def test_clicking_a_word_selects_it():
    async def scenario():
        app = ReportApp(sample_analysis())
        async with app.run_test(size=(120, 40)) as pilot:
            view = app.query_one(TranscriptView)
            line = view.line_of(0)
            # border (1) + padding (1): the second word "um" starts at x = len("So ") on the first line
            await pilot.click(TranscriptView, offset=(2 + 3, 1 + line))
            await pilot.pause()
            assert app.selected == [("word", view.marks[1].start)]
            assert view.marks[1].kind == FILLER

    asyncio.run(scenario())


def test_highlight_time_follows_playback_and_scrolls():
    async def scenario():
        analysis = sample_analysis()
        analysis["transcript"]["words"] = analysis["transcript"]["words"] * 30  # many lines
        app = ReportApp(analysis)
        async with app.run_test(size=(120, 40)) as pilot:
            view = app.query_one(TranscriptView)
            last = view.marks[-1]
            view.highlight_time(last.start + 0.01)
            await pilot.pause()
            assert view.current == len(view.marks) - 1
            assert view.scroll_offset.y > 0
            view.highlight_time(0.0)
            assert view.current is None

    asyncio.run(scenario())


def test_unreliable_figures_are_flagged_first():
    analysis = copy.deepcopy(sample_analysis())
    analysis["reliability"] = {"ok": False, "warnings": ["the recording is mostly silence"]}
    text = render_figures(analysis).plain
    assert text.startswith("⚠ Figures not reliable:")
    assert "the recording is mostly silence" in text
    assert "Fillers" in text and "6.3/min (2)" in text and "like 1, um 1" in text


@pytest.mark.parametrize(
    "first, rest, whole",
    [
        (" trade", "-off", "trade-off"),
        (" 0", ".2", "0.2"),  # a tmux drive showed "crosses a 0 .2"
    ],
)
def test_a_word_whisper_split_in_two_is_one_mark_with_the_times_of_both_pieces(first, rest, whole):
    analysis = sample_analysis()
    words = analysis["transcript"]["words"]
    analysis["transcript"]["words"] = [dict(words[0], word=first), dict(words[1], word=rest), *words[2:]]
    marks = transcript_marks(analysis)
    assert marks[0].text == whole and (marks[0].start, marks[0].end) == (words[0]["start"], words[1]["end"])
    assert all(m.text != rest for m in marks)
