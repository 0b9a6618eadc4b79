"""Make an engine's threads at a lower CPU priority than the rest of the process.

Linux gives each thread its own nice value and a new thread takes its creator's, so an object whose
constructor starts worker threads (CTranslate2's model: one worker per replica) is made in a short-
lived thread that first lowers its own priority. Nothing else in the process changes. Where a thread's
priority cannot be set (not Linux, or not allowed), the object is made as usual.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")

# nice 10 weighs 110 against nice 0's 1024 in Linux's scheduler: on a shared core the other thread
# gets ~90 % of it, and on an idle one the lowered thread runs at full speed
LOWERED_NICE = 10


def made_at_lower_priority(make: Callable[[], T], nice: int = LOWERED_NICE) -> T:
    """`make()`, called in a thread whose nice value is raised by `nice`; the threads it starts keep it.
    An exception from `make()` is raised here."""

    def lowered_then_made() -> T:
        _lower_this_thread(nice)
        return make()

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="lower-priority-maker") as maker:
        return maker.submit(lowered_then_made).result()


def _lower_this_thread(nice: int) -> None:
    try:
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, os.getpriority(os.PRIO_PROCESS, tid) + nice)
    except (AttributeError, OSError):
        pass
