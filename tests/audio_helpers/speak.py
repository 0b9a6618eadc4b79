"""Synthesize a question with the voice's speaker and play it on the real output, reporting JSON lines.

Run in a subprocess whose environment selects the virtual speaker:
`python -m tests.audio_helpers.speak "Question?" --voice calm-us --cache DIR [--stop-after S] [--say]`.
Prints {"event": "played", "wav", "synth_s", "play_s", "stop_set_s", "label", "notice"} or
{"event": "error", ...}. With `--say` the question is spoken with `say()` (sentence by sentence,
then cached) and "first_audio_s" is the time from the call to the first block handed to PortAudio.
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
    from interviewer.adapters.voice_choice import build_speaker

    speaker = build_speaker(args.voice, args.device, Path(args.cache))
    started = time.perf_counter()
    wav = None if args.say else speaker.synthesize(args.text)
    synth_s = time.perf_counter() - started
    stop = threading.Event()
    stop_set: list[float] = []
    if args.stop_after >= 0:

        def press_stop() -> None:
            stop_set.append(time.perf_counter())
            stop.set()

        threading.Timer(args.stop_after, press_stop).start()
    started = time.perf_counter()
    playback = speaker.say(args.text, stop) if args.say else speaker.play(wav, stop)
    ended = time.perf_counter()
    emit(event="played", wav=str(wav or speaker.cache_path(args.text)), synth_s=synth_s, play_s=ended - started,
         stop_to_return_s=(ended - stop_set[0]) if stop_set else None, label=speaker.label, notice=speaker.notice,
         first_audio_s=playback.first_audio_s(started) if playback else None)  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("text")
    parser.add_argument("--voice", default="calm-us")
    parser.add_argument("--device", default="")
    parser.add_argument("--cache", required=True)
    parser.add_argument("--stop-after", type=float, default=-1.0)
    parser.add_argument("--say", action="store_true", help="speak with say() instead of synthesize() + play()")
    args = parser.parse_args()
    try:
        speak(args)
    except InterviewerError as e:
        emit(event="error", kind=type(e).__name__, message=e.message, fix=e.fix)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
