"""Choose a mock interview: how many questions, from which banks, categories and levels, in what order.

Dismisses with a `MockRequest` (Start: the plan and whether to ask follow-ups) or None (Cancel / escape).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import (
    Button,
    Checkbox,
    Footer,
    Header,
    Input,
    Label,
    RadioButton,
    RadioSet,
    SelectionList,
    Static,
)
from textual.widgets.selection_list import Selection

from interviewer.domain.bank import Bank
from interviewer.domain.practice.plan import ORDERS, PlanRequest, plan_interview

ORDER_LABELS = {"random": "Random", "in order": "In bank order", "weak": "My weak questions first"}


@dataclass(frozen=True)
class MockRequest:
    plan: PlanRequest
    follow_ups: bool = False  # after an answer that missed hint items, ask one follow-up


class MockSetupScreen(Screen[MockRequest | None]):
    CSS_PATH = "practice.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "start", "Start")]

    def __init__(
        self, banks: Sequence[Bank], n: int = 5, seed: int | None = None, selected_banks: Sequence[str] | None = None
    ) -> None:
        """`selected_banks`: the banks ticked at first (default: all)."""
        super().__init__()
        self.banks, self.default_n, self.seed = list(banks), n, seed
        self.selected_banks = set(selected_banks) if selected_banks is not None else {b.id for b in banks}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            "Mock interview: questions asked one after the other, a summary at the end.", classes="practice-title"
        )
        with Horizontal(id="setup-body"):
            with Vertical(classes="setup-column"):
                yield Label("Questions")
                yield Input(str(self.default_n), type="integer", id="setup-n")
                yield Label("Order")
                with RadioSet(id="setup-order"):
                    for order in ORDERS:
                        yield RadioButton(
                            ORDER_LABELS[order],
                            value=order == "random",
                            name=order,
                            id=f"order-{order.replace(' ', '-')}",
                        )
                yield Checkbox("Ask follow-ups", value=False, id="setup-follow-ups")
            with Vertical(classes="setup-column"):
                yield Label("Banks (none ticked: all)")
                yield SelectionList(
                    *[
                        Selection(f"{b.title} ({len(b.questions)})", b.id, b.id in self.selected_banks)
                        for b in self.banks
                    ],
                    id="setup-banks",
                )
            with Vertical(classes="setup-column"):
                yield Label("Categories (none ticked: all)")
                yield SelectionList(*[Selection(c, c) for c in self._values("category")], id="setup-categories")
                yield Label("Difficulty (none ticked: all)")
                yield SelectionList(*[Selection(d, d) for d in self._values("difficulty")], id="setup-difficulties")
        yield Static("", id="setup-status")
        with Horizontal(id="setup-buttons"):
            yield Button("Start", variant="primary", id="setup-start")
            yield Button("Cancel", id="setup-cancel")
        yield Footer()

    def _values(self, attribute: str) -> list[str]:
        return sorted({getattr(q, attribute) for b in self.banks for q in b.questions if getattr(q, attribute)})

    def on_mount(self) -> None:
        self._show_matches()

    def request(self) -> PlanRequest:
        """The request the controls describe now (raises ValueError for an impossible one)."""
        text = self.query_one("#setup-n", Input).value.strip()
        n = int(text) if text.lstrip("-").isdigit() else 0
        pressed = self.query_one("#setup-order", RadioSet).pressed_button
        banks = tuple(self.query_one("#setup-banks", SelectionList).selected)
        return PlanRequest(
            n=n,
            bank_ids=() if len(banks) == len(self.banks) else banks,
            categories=tuple(self.query_one("#setup-categories", SelectionList).selected),
            difficulties=tuple(self.query_one("#setup-difficulties", SelectionList).selected),
            order=pressed.name if pressed is not None else "random",
            seed=self.seed,
        )

    @on(Input.Changed)
    @on(RadioSet.Changed)
    @on(SelectionList.SelectedChanged)
    def _show_matches(self) -> None:
        status = self.query_one("#setup-status", Static)
        try:
            request = self.request()
        except ValueError as e:
            status.update(f"[red]{e}[/red]")
            return
        found = len(
            plan_interview(
                self.banks,
                PlanRequest(
                    n=10**6, bank_ids=request.bank_ids, categories=request.categories, difficulties=request.difficulties
                ),
            )
        )
        asked = min(found, request.n)
        colour = "red" if not found else "green"
        matches = "1 question matches" if found == 1 else f"{found} questions match"
        status.update(f"[{colour}]{matches}; the interview asks {asked}.[/{colour}]")

    @on(Button.Pressed, "#setup-start")
    def action_start(self) -> None:
        try:
            request = self.request()
        except ValueError as e:
            self.notify(str(e), severity="error")
            return
        if not plan_interview(self.banks, request):
            self.notify("No question matches these choices: tick more banks, categories or levels.", severity="error")
            return
        self.dismiss(MockRequest(request, self.query_one("#setup-follow-ups", Checkbox).value))

    @on(Button.Pressed, "#setup-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
