"""`interviewer bench`: measure streaming transcription on this machine, for every engine and model."""

from __future__ import annotations

import json
import sys

QUICK_HELP = "a 30 s answer instead of 3 minutes (a short check, not the targets' measurement)"


def add_arguments(parser) -> None:
    from interviewer.config import ENGINES

    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--quick", action="store_true", help=QUICK_HELP)
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES), metavar="ENGINE",
                        help=f"engines to measure (default: {' '.join(ENGINES)})")  # fmt: skip
    parser.add_argument("--models", nargs="+", default=["tiny.en", "base", "tiny.en+base"], metavar="MODEL",
                        help="models to measure; DRAFT+CAREFUL hears with both as the app does by default "
                             "(default: tiny.en base tiny.en+base)")  # fmt: skip
    parser.add_argument("--seconds", type=float, help="length of the spoken answer (default 180, --quick 30)")


def run(args, config) -> int:
    from interviewer.adapters.weights import AVAILABLE_MODELS
    from interviewer.benchmarking.bench import FULL_S, QUICK_S, BenchOptions, run_bench, table
    from interviewer.config import careful_model
    from interviewer.errors import InterviewerError

    unknown = [m for pair in args.models for m in pair.split("+") if m not in AVAILABLE_MODELS]
    if unknown:
        raise InterviewerError(f"no offline model {unknown[0]!r}", f"choose from: {', '.join(AVAILABLE_MODELS)}")
    seconds = args.seconds or (QUICK_S if args.quick else FULL_S)
    careful = careful_model(config)
    default = f"{config.model}+{careful}" if careful else config.model
    options = BenchOptions(tuple(args.engines), tuple(args.models), seconds, config.engine, default)
    result = run_bench(options, say=lambda text: print(f"bench: {text}", file=sys.stderr, flush=True))
    print(json.dumps(result, indent=2) if args.json else table(result))
    return 0
