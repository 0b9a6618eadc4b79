"""Parses arguments, loads the config, runs a command or the TUI.

Each subcommand lives in `interviewer.commands.<name>` with `add_arguments(parser)`
and `run(args, config) -> int`. Command modules import heavy libraries inside
`run`, so `interviewer --help` and the first screen stay fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from collections.abc import Collection
from datetime import datetime
from pathlib import Path

from interviewer import __version__, paths
from interviewer.commands.options import add_engine_options
from interviewer.config import Config, load_config, with_overrides
from interviewer.errors import ConfigError, InterviewerError

COMMANDS = {
    "transcribe": "print the transcript of an audio file",
    "score": "transcribe and analyse a spoken answer",
    "banks": "list, show and check question banks",
    "import": "turn an interview-preparation document into a bank file",
    "sessions": "list, show, export and re-score saved sessions",
    "bench": "measure streaming transcription on this machine",
    "eval": "measure the analysis against generated spoken answers",
    "voices": "list the interviewer's voices and whether each can speak here",
    "speak": "say a text in an interviewer voice, or write it to a WAV",
    "doctor": "check every piece the interviewer needs, and say how to fix what is missing",
}

EXIT_FAULT = 2
# commands that transcribe: they take --engine and --model after the command too, as the
# whisper command puts its options after the file
TRANSCRIBING = ("transcribe", "score", "eval", "bench")  # and `sessions finish`, which adds them itself


def build_parser(commands: Collection[str | None] | None = None) -> argparse.ArgumentParser:
    """The parser; only the subcommands in `commands` (all when None) get their arguments.

    Each subcommand's arguments come from its module, so limiting them keeps the other
    modules unimported (about 20 ms here when the TUI starts).
    """
    parser = argparse.ArgumentParser(
        prog="interviewer",
        description="A voice-driven mock interviewer. Without a command, opens the interviewer.",
    )
    parser.add_argument("--version", action="version", version=f"interviewer {__version__}")
    parser.add_argument("--config", type=Path, help="config file (default: the per-user config.toml)")
    _add_run_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        full = commands is None or name in commands
        sub = subparsers.add_parser(name, help=help_text, description=help_text, add_help=full)
        if full:
            _command_module(name).add_arguments(sub)
            if name in TRANSCRIBING:
                add_engine_options(sub, default=argparse.SUPPRESS)  # unset unless given: the global one stands
    return parser


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Two passes: which command (no command module imported), then its full arguments."""
    command = build_parser(commands=()).parse_known_args(argv)[0].command
    return build_parser(commands=(command,)).parse_args(argv)


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    add_engine_options(parser)
    parser.add_argument("--voice", help="voice profile for the questions (see voices/)")
    parser.add_argument("--bank", help="open this bank first")
    parser.add_argument("--recordings-dir", type=Path, help="where sessions are saved")
    parser.add_argument("--input-device", help="microphone, by name or index")
    parser.add_argument("--output-device", help="speaker, by name or index")


def _command_module(name: str):
    module = "import_document" if name == "import" else name
    return importlib.import_module(f"interviewer.commands.{module}")


def resolve_config(args: argparse.Namespace) -> Config:
    config = load_config(args.config)
    return with_overrides(
        config,
        engine=args.engine,
        model=args.model,
        careful_model="" if args.model else None,  # a model named on the command line hears alone
        voice=args.voice,
        bank=args.bank,
        recordings_dir=args.recordings_dir,
        input_device=args.input_device,
        output_device=args.output_device,
    )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        config = _config_or_report(args)
        if args.command:
            return _command_module(args.command).run(args, config)
        from interviewer.ui.app import run_app

        return run_app(config)
    except InterviewerError as e:
        print(f"interviewer: {e}", file=sys.stderr)
        return EXIT_FAULT
    except KeyboardInterrupt:
        print("interviewer: interrupted", file=sys.stderr)
        return 130
    except MemoryError:
        print("interviewer: not enough memory\n  fix: close other programs to free memory", file=sys.stderr)
        return EXIT_FAULT
    except BrokenPipeError:  # e.g. `interviewer banks show X | head`: the reader has gone, that is all
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as e:  # noqa: BLE001 - the last line of defence: no traceback reaches a person
        log = write_crash_log(e)
        print(f"interviewer: internal error: {e}\n  details were saved to {log}", file=sys.stderr)
        return EXIT_FAULT


def _config_or_report(args: argparse.Namespace) -> Config:
    """The config; for `doctor`, a broken config is one of the things it reports, not a stop."""
    try:
        return resolve_config(args)
    except ConfigError as e:
        if args.command != "doctor":
            raise
        args.config_error = e
        return Config()


def write_crash_log(error: BaseException) -> Path:
    folder = paths.ensure_private_dir(paths.cache_dir() / "crashes")
    log = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S}.txt"
    log.write_text("".join(traceback.format_exception(error)), encoding="utf-8")
    return log
