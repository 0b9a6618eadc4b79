"""Where the wait after stop goes, for `benchmarks/tui_wait.py`: with INTERVIEWER_TRACE=FILE set, each
step appends "<seconds> <step>" to FILE, on CLOCK_MONOTONIC (one clock for every process on Linux, so
the benchmark's own key time is on it too). Unset, nothing is written."""

from __future__ import annotations

import json
import os
import time


def mark(step: str, detail: dict | None = None) -> None:
    """Append "<seconds> <step>", then a tab and `detail` as JSON if given."""
    path = os.environ.get("INTERVIEWER_TRACE")
    if path:
        with open(path, "a", encoding="utf-8") as trace:
            trace.write(f"{time.monotonic():.4f} {step}" + (f"\t{json.dumps(detail)}" if detail else "") + "\n")
