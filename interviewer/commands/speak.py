"""`interviewer speak TEXT [--voice V] [-o FILE.wav]`: say TEXT on the speaker, or write it to a WAV.

The voice is chosen as in the TUI: `--voice`, else the config's, else the default (the natural
Piper voice when it is installed, else espeak); a voice that cannot speak here falls back to espeak.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import threading
from pathlib import Path

from interviewer.errors import InterviewerError


def add_arguments(parser) -> None:
    parser.add_argument("text", metavar="TEXT", help="what to say")
    parser.add_argument("--voice", default=argparse.SUPPRESS, help="voice profile (interviewer voices lists them)")
    parser.add_argument("-o", "--output", type=Path, help="write a WAV (22,050 Hz mono 16-bit) instead of playing")


def run(args, config) -> int:
    from interviewer.adapters.voice_choice import build_speaker

    if not args.text.strip():
        raise InterviewerError("nothing to say", 'give the text to speak, e.g. interviewer speak "Hello"')
    speaker = build_speaker(config.voice, config.output_device)
    if speaker.notice:
        print(f"interviewer: {speaker.notice}", file=sys.stderr)
    print(f"voice: {speaker.label}", file=sys.stderr)
    if args.output is None:
        speaker.say(args.text, threading.Event())
        return 0
    if args.output.suffix.lower() != ".wav":
        raise InterviewerError(f"{args.output}: only WAV output is written", "name the file FILE.wav")
    try:
        shutil.copyfile(speaker.synthesize(args.text), args.output)
    except OSError as e:
        raise InterviewerError(f"{args.output}: cannot write ({e.strerror})", "pick a folder you can write to") from e
    print(args.output)
    return 0
