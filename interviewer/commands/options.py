"""Options several commands share."""

from __future__ import annotations

import argparse

from interviewer.config import ENGINES


def add_engine_options(parser: argparse.ArgumentParser, default=None) -> None:
    """`--engine` and `--model`; with `default=argparse.SUPPRESS` they stay unset unless given, so
    the same options given before the command stand."""
    parser.add_argument("--engine", choices=ENGINES, default=default, help="speech-to-text engine")
    parser.add_argument(
        "--model", default=default, help="Whisper model: tiny.en or base (offline), or an openai-whisper name"
    )
