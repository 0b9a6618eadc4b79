"""One analysed answer at a glance: question, transcript, figures, hint points and moments (fits 120x40)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from interviewer.ui.widgets.figures import FiguresPanel
from interviewer.ui.widgets.hint_checklist import HintChecklist
from interviewer.ui.widgets.moments_list import MomentsList
from interviewer.ui.widgets.transcript_view import TranscriptView


class AnswerReport(Vertical):
    """Selecting a hint point scrolls the transcript to it; both selections bubble up (to play)."""

    DEFAULT_CSS = """
    AnswerReport { height: 1fr; }
    AnswerReport #question { height: auto; max-height: 3; padding: 0 1; text-style: bold; }
    AnswerReport #body { height: 1fr; }
    AnswerReport #transcript { width: 3fr; border: round $accent; }
    AnswerReport #side { width: 2fr; max-width: 56; min-width: 34; height: 1fr; }
    """

    def __init__(self, analysis: dict, question_text: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.analysis = analysis
        self.question_text = question_text

    def compose(self) -> ComposeResult:
        question = Static(self.question_text, id="question", markup=False)
        question.display = bool(self.question_text)  # "" when the screen shows the question itself
        yield question
        with Horizontal(id="body"):
            view = TranscriptView(self.analysis, id="transcript")
            view.border_title = "Transcript"
            view.border_subtitle = "fillers highlighted · hedges underlined · [⏸] long pauses · dim: unsure"
            yield view
            with VerticalScroll(id="side"):
                yield FiguresPanel(self.analysis, id="figures")
                yield HintChecklist(self.analysis, id="hints")
                yield MomentsList(self.analysis, id="moments")

    @property
    def transcript(self) -> TranscriptView:
        return self.query_one(TranscriptView)

    def load(self, analysis: dict, question_text: str | None = None) -> None:
        self.analysis = analysis
        if question_text is not None:
            self.question_text = question_text
            self.query_one("#question", Static).update(question_text)
            self.query_one("#question", Static).display = bool(question_text)
        self.transcript.load(analysis)
        self.query_one(FiguresPanel).load(analysis)
        self.query_one(HintChecklist).load(analysis)
        self.query_one(MomentsList).load(analysis)

    def on_hint_checklist_point_selected(self, event: HintChecklist.PointSelected) -> None:
        self.transcript.scroll_to_time(event.time_s)

    def on_moments_list_moment_selected(self, event: MomentsList.MomentSelected) -> None:
        self.transcript.scroll_to_time(event.time_s)
