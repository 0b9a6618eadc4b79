"""The careful hearing's threads yield their core: made at a lower priority, the rest of the process not."""

import os
import threading

import pytest

from interviewer.adapters.engines import build_careful_transcriber, build_transcriber
from interviewer.adapters.thread_priority import LOWERED_NICE, made_at_lower_priority

LOWEST_PRIORITY = 19  # Linux's highest nice value: a raise beyond it stops there


def thread_nice(native_id: int) -> int:
    return os.getpriority(os.PRIO_PROCESS, native_id)


def lowered(nice: int) -> int:
    """Where a thread at `nice` ends up after the lowering step (CI runs at 0: 10)."""
    return min(LOWEST_PRIORITY, nice + LOWERED_NICE)


def test_threads_started_while_making_keep_the_lower_priority_and_the_caller_does_not_change():
    caller = thread_nice(threading.get_native_id())
    seen = {}

    def make():
        seen["maker"] = thread_nice(threading.get_native_id())
        ready, stop = threading.Event(), threading.Event()

        def worker():
            seen["worker"] = thread_nice(threading.get_native_id())
            ready.set()
            stop.wait()

        threading.Thread(target=worker, daemon=True).start()
        ready.wait()
        stop.set()
        return "made"

    assert made_at_lower_priority(make) == "made"
    assert seen == {"maker": lowered(caller), "worker": lowered(caller)}
    assert thread_nice(threading.get_native_id()) == caller


def test_a_failure_while_making_reaches_the_caller():
    def make():
        raise ValueError("no weights")

    with pytest.raises(ValueError, match="no weights"):
        made_at_lower_priority(make)


def _cpu_ticks_by_thread() -> dict[int, int]:
    ticks = {}
    for tid in os.listdir("/proc/self/task"):
        try:
            fields = open(f"/proc/self/task/{tid}/stat").read().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        ticks[int(tid)] = int(fields[11]) + int(fields[12])  # utime + stime
    return ticks


def _decoding_threads(transcriber, clip) -> dict[int, int | None]:
    """The threads that did most of a decode's work, with their nice values."""
    before = _cpu_ticks_by_thread()
    transcriber.transcribe(clip.audio)
    used = {tid: t - before.get(tid, 0) for tid, t in _cpu_ticks_by_thread().items()}
    total = sum(used.values())
    return {tid: thread_nice(tid) for tid, t in used.items() if t >= 0.3 * total}


@pytest.mark.slow
def test_the_careful_hearing_decodes_on_lower_priority_threads_and_the_draft_does_not(spoken_clip):
    normal = thread_nice(threading.get_native_id())
    careful = build_careful_transcriber("faster-whisper", "tiny.en")
    careful.load()
    draft = build_transcriber("faster-whisper", "tiny.en")
    draft.load()
    careful_threads = _decoding_threads(careful, spoken_clip)
    draft_threads = _decoding_threads(draft, spoken_clip)
    assert careful_threads and set(careful_threads.values()) == {lowered(normal)}, careful_threads
    assert draft_threads and set(draft_threads.values()) == {normal}, draft_threads
