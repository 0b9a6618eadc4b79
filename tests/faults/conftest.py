"""The fault suite's tally: every test records the faults it tried into one session-wide collector.

At the end of the run `pytest_terminal_summary` prints one line, e.g.
`fault suite: 31 faults tried, 20/20 crashes recovered, max audio lost 0.31 s, tracebacks seen 0`,
followed by one line per fault. Every screen, stdout and stderr a fault test sees goes through
`FaultTally.scan`, which counts the word "Traceback" in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

TRACEBACK = re.compile(r"\bTraceback\b")
INTERNAL_ERROR = re.compile(r"internal error")  # cli.main's last line of defence: a traceback kept in a log


@dataclass
class FaultRecord:
    name: str
    crash: bool = False  # a kill -9 round: `recovered` and `lost_s` apply
    recovered: bool | None = None
    lost_s: float | None = None
    tracebacks: int = 0
    internal_errors: int = 0
    note: str = ""


@dataclass
class FaultTally:
    records: dict[str, FaultRecord] = field(default_factory=dict)
    traceback_texts: list[tuple[str, str]] = field(default_factory=list)

    def fault(self, name: str, note: str = "") -> FaultRecord:
        """The record of fault `name`, created on first use (a fault tried)."""
        record = self.records.setdefault(name, FaultRecord(name))
        if note:
            record.note = note
        return record

    def crash(self, name: str, lost_s: float | None, note: str = "") -> FaultRecord:
        record = self.fault(name, note)
        record.crash, record.lost_s = True, lost_s
        return record

    def recovered(self, name: str, ok: bool) -> None:
        self.records[name].recovered = ok

    def scan(self, name: str, text: str, where: str = "") -> int:
        """Count the tracebacks in `text` seen while trying fault `name`; returns how many."""
        record = self.fault(name)
        found = len(TRACEBACK.findall(text or ""))
        record.internal_errors += len(INTERNAL_ERROR.findall(text or ""))
        if found:
            record.tracebacks += found
            self.traceback_texts.append((f"{name} {where}".strip(), text[-3000:]))
        return found

    def summary(self) -> str:
        crashes = [r for r in self.records.values() if r.crash]
        recovered = sum(bool(r.recovered) for r in crashes)
        lost = [r.lost_s for r in crashes if r.lost_s is not None]
        worst = f"{max(lost):.2f} s" if lost else "n/a"
        tracebacks = sum(r.tracebacks for r in self.records.values())
        internal = sum(r.internal_errors for r in self.records.values())
        return (
            f"fault suite: {len(self.records)} faults tried, {recovered}/{len(crashes)} crashes recovered, "
            f"max audio lost {worst}, tracebacks seen {tracebacks}, internal errors seen {internal}"
        )


TALLY = FaultTally()


@pytest.fixture(scope="session")
def fault_tally() -> FaultTally:
    return TALLY


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    if not TALLY.records:
        return
    terminalreporter.section("fault suite tally")
    for record in TALLY.records.values():
        parts = []
        if record.crash:
            lost = "?" if record.lost_s is None else f"{record.lost_s:.3f} s lost"
            parts.append(f"{'recovered' if record.recovered else 'NOT recovered'}, {lost}")
        if record.tracebacks:
            parts.append(f"{record.tracebacks} traceback(s)")
        if record.internal_errors:
            parts.append(f"{record.internal_errors} 'internal error' message(s)")
        if record.note:
            parts.append(record.note)
        terminalreporter.write_line(f"  {record.name}: {'; '.join(parts) or 'tried'}")
    for where, text in TALLY.traceback_texts:
        terminalreporter.write_line(f"  traceback in {where}:\n{text}")
    terminalreporter.write_line(TALLY.summary())
