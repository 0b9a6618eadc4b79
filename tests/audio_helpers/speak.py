"""Synthesize a question with Pyttsx3Speaker and play it on the real output, reporting JSON lines.

Run in a subprocess whose environment selects the virtual speaker:
`python -m tests.audio_helpers.speak "Question?" --voice calm-us --cache DIR [--stop-after S]`.
Prints {"event": "played", "wav", "synth_s", "play_s", "stop_set_s"} or {"event": "error", ...}.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from pathlib import Path

from interviewer.errors import InterviewerError


def emit(**fields) -> None:
    print(json.dumps(fields), flush=True)


def speak(args: argparse.Namespace) -> None:
    from interviewer.adapters.speaker import Pyttsx3Speaker
    from interviewer.adapters.voices import find_voice

    speaker = Pyttsx3Speaker(find_voice(args.voice), args.device, Path(args.cache))
    started = time.perf_counter()
    wav = speaker.synthesize(args.text)
    synth_s = time.perf_counter() - started
    stop = threading.Event()
    stop_set: list[float] = []
    if args.stop_after >= 0:

        def press_stop() -> None:
            stop_set.append(time.perf_counter())
            stop.set()

        threading.Timer(args.stop_after, press_stop).start()
    started = time.perf_counter()
    speaker.play(wav, stop)
    ended = time.perf_counter()
    emit(event="played", wav=str(wav), synth_s=synth_s, play_s=ended - started,
         stop_to_return_s=(ended - stop_set[0]) if stop_set else None, notice=speaker.notice)  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("text")
    parser.add_argument("--voice", default="calm-us")
    parser.add_argument("--device", default="")
    parser.add_argument("--cache", required=True)
    parser.add_argument("--stop-after", type=float, default=-1.0)
    args = parser.parse_args()
    try:
        speak(args)
    except InterviewerError as e:
        emit(event="error", kind=type(e).__name__, message=e.message, fix=e.fix)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
