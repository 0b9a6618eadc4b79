"""Record from the real PortAudio input in THIS process and report as JSON lines on stdout.

Run in a subprocess whose environment selects the virtual device (PortAudio reads the
device list at import): `python -m tests.audio_helpers.record OUT.wav --seconds 2`.

Lines: {"event": "progress", "received": samples, "wall": time.time(), "level"} every `--report-s`,
then {"event": "stopped", ...RecordingInfo} or {"event": "error", "kind", "message", "fix"}.
With --seconds 0 it records until SIGINT (Ctrl+C) or SIGTERM.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from pathlib import Path

from interviewer.domain.ports import SAMPLE_RATE
from interviewer.errors import InterviewerError


def emit(**fields) -> None:
    print(json.dumps(fields), flush=True)


def record(args: argparse.Namespace) -> None:
    from interviewer.adapters.recorder import SoundDeviceRecorder

    recorder = SoundDeviceRecorder(args.device, block_s=args.block_s)
    heard: list[int] = []

    def listener(block) -> None:
        time.sleep(args.slow_listener_s)
        heard.append(len(block))

    recorder.add_listener(listener)
    recorder.start(Path(args.out))
    deadline = time.monotonic() + args.seconds if args.seconds > 0 else float("inf")
    try:
        while time.monotonic() < deadline and not recorder.interrupted:
            received = int(round(recorder.elapsed() * SAMPLE_RATE))
            emit(event="progress", received=received, wall=time.time(), level=recorder.level())
            time.sleep(args.report_s)
    except KeyboardInterrupt:
        emit(event="keyboard_interrupt")
    stop_began = time.perf_counter()
    info = recorder.stop()
    stop_s = time.perf_counter() - stop_began
    listened_at_stop = sum(heard)
    recorder.wait_for_listeners(args.listener_wait_s)
    emit(event="stopped", path=str(info.path), seconds=info.seconds, samples=info.samples,
         interrupted=info.interrupted, received=int(round(recorder.elapsed() * SAMPLE_RATE)),
         listener_samples=sum(heard), listened_at_stop=listened_at_stop, stop_s=stop_s)  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--device", default="")
    parser.add_argument("--block-s", type=float, default=0.1)
    parser.add_argument("--report-s", type=float, default=0.05)
    parser.add_argument("--slow-listener-s", type=float, default=0.0, help="the listener sleeps this per block")
    parser.add_argument("--listener-wait-s", type=float, default=5.0)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        record(args)
    except InterviewerError as e:
        emit(event="error", kind=type(e).__name__, message=e.message, fix=e.fix)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
