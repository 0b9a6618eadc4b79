"""The first screen: the banks, their questions, and the way into every other screen."""

from __future__ import annotations

from rich.markup import escape
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from interviewer.domain.bank import Bank, BrokenBank
from interviewer.ui.cells import plain, plain_cells
from interviewer.ui.messages import ModelStatus


class HomeScreen(Screen):
    BINDINGS = [
        Binding("enter", "ask", "Ask this question", priority=False),
        Binding("i", "toggle_hint", "Hint"),
        Binding("m", "mock", "Mock interview"),
        Binding("h", "history", "History"),
        Binding("p", "progress", "Progress"),
        Binding("w", "weak", "Weak spots"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.banks: list[Bank] = []
        self.broken: list[BrokenBank] = []
        self.show_hint = False
        self._shown = ""  # the option id of the bank (or broken bank) on the right
        self._detail: Text | None = None  # what #question-detail shows

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="banks-pane"):
                yield Static("[b]Banks[/b]", classes="pane-title")
                yield OptionList(id="banks")
            with Vertical(id="questions-pane"):
                yield Static("", id="bank-title", classes="pane-title")
                yield DataTable(id="questions", cursor_type="row", zebra_stripes=True)
                yield Static("", id="question-detail")
        yield Static("", id="notices")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#questions", DataTable)
        table.add_columns("#", "level", "question")
        self.banks, self.broken = self.app.load_banks()
        options = [
            Option(f"{escape(b.title)}  [dim]{len(b.questions)}[/dim]", id=f"bank:{i}")
            for i, b in enumerate(self.banks)
        ]
        options += [Option(f"[red]✗ {b.id} (broken)[/red]", id=f"broken:{i}") for i, b in enumerate(self.broken)]
        banks = self.query_one("#banks", OptionList)
        banks.add_options(options)
        start = next((i for i, b in enumerate(self.banks) if b.id == self.app.config.bank), 0)
        if self.banks:
            banks.highlighted = start
            self._shown = f"bank:{start}"
            self._show_bank(self.banks[start])  # now, not at the highlight event: in the first frame
        self._show_notices()

    def _show_notices(self, model_status: str = "") -> None:
        lines = [f"[red]Bank {b.id} is broken:[/red] {b.problems[0]}" for b in self.broken]
        if not self.banks and not self.broken:
            lines.append(
                "[red]No question banks found.[/red] Put .toml banks in banks/ or import one: "
                "interviewer import DOCUMENT"
            )
        if model_status:
            lines.append(f"[dim]{model_status}[/dim]")
        self.query_one("#notices", Static).update("\n".join(lines))

    def on_model_status(self, message: ModelStatus) -> None:
        self._show_notices(message.text)

    @property
    def current_bank(self) -> Bank | None:
        index = self.query_one("#banks", OptionList).highlighted
        return self.banks[index] if index is not None and index < len(self.banks) else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        kind, _, index = (event.option.id or "").partition(":")
        if event.option.id == self._shown:
            return
        self._shown = event.option.id
        if kind == "broken":
            self._show_broken(self.broken[int(index)])
        elif kind == "bank":
            self._show_bank(self.banks[int(index)])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#questions", DataTable).focus()

    def _show_bank(self, bank: Bank) -> None:
        title = plain((bank.title, "bold"), "  ", (bank.description, "dim"))
        self.query_one("#bank-title", Static).update(title)
        table = self.query_one("#questions", DataTable)
        table.clear()
        for n, q in enumerate(bank.questions, start=1):
            table.add_row(*plain_cells(n, _short(q.difficulty or q.category), q.text), key=f"{n}:{q.id}")
        self._show_question()

    def _show_broken(self, broken: BrokenBank) -> None:
        self.query_one("#bank-title", Static).update(plain((f"{broken.path} cannot be loaded", "red bold")))
        self.query_one("#questions", DataTable).clear()
        detail = "\n".join(broken.problems) + "\n\nFix the file (interviewer banks check PATH); other banks still work."
        self._show_detail(plain(detail))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_question()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_ask()

    def _current_question(self):
        bank = self.current_bank
        table = self.query_one("#questions", DataTable)
        if not bank or not bank.questions or table.row_count == 0:
            return None
        return bank.questions[min(table.cursor_row, len(bank.questions) - 1)]

    def _show_question(self) -> None:
        question, bank = self._current_question(), self.current_bank
        if question is None:
            self._show_detail(plain())
            return
        lo, hi = bank.target_for(question, self.app.config.target_s)
        meta = " · ".join(x for x in (question.category, question.difficulty, f"target {lo}–{hi} s") if x)
        hint = ("\nHint: " + question.hint, "") if self.show_hint else ("\ni shows the hint", "dim")
        exhibit = ("\n+ code shown with the question" if question.exhibit else "", "dim")
        self._show_detail(plain((question.text, "bold"), exhibit, ("\n" + meta, "dim"), hint))

    def _show_detail(self, text: Text) -> None:
        """Updates only on a change: an update lays the screen out again (one more frame at start)."""
        if text != self._detail:
            self._detail = text
            self.query_one("#question-detail", Static).update(text)

    def action_toggle_hint(self) -> None:
        self.show_hint = not self.show_hint
        self._show_question()

    def action_ask(self) -> None:
        question = self._current_question()
        if question is None:
            self.notify("Pick a bank with questions first.", severity="warning")
            return
        self.app.ask_one(self.current_bank, question)

    def action_mock(self) -> None:
        self.app.start_mock_setup(self.banks)

    def action_history(self) -> None:
        self.app.open_history()

    def action_progress(self) -> None:
        self.app.open_progress()

    def action_weak(self) -> None:
        self.app.open_practice_queue(self.banks)


def _short(label: str, width: int = 16) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"
