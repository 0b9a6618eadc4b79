"""`interviewer doctor`: check every piece the way the app uses it, and say how to fix what is wrong."""

from __future__ import annotations

import json
import sys

from interviewer.doctor.checks import Check, run_checks


def add_arguments(parser) -> None:
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="skip the slow checks (2-second level test, model load and test transcription)",
    )
    parser.add_argument(
        "--all-models", action="store_true", help="load and test every engine and model, not only the configured one"
    )
    parser.add_argument(
        "--prepare-weights",
        action="store_true",
        help="verify, join and convert the offline Whisper weights once (the set-up runs this)",
    )


def run(args, config) -> int:
    if args.prepare_weights:
        from interviewer.adapters.prepared_weights import prepare_all

        prepare_all(lambda text: print(f"  {text}", file=sys.stderr))
        return 0
    checks = run_checks(
        config, quick=args.quick, all_models=args.all_models, config_error=getattr(args, "config_error", None)
    )
    print(json.dumps([c.to_dict() for c in checks], indent=2) if args.json else render(checks))
    return 2 if any(c.status == "fail" for c in checks) else 0


def render(checks: list[Check]) -> str:
    mark = {"ok": "\033[32m ok \033[0m", "warn": "\033[33mwarn\033[0m", "fail": "\033[31mFAIL\033[0m"}
    if not sys.stdout.isatty():
        mark = {"ok": " ok ", "warn": "warn", "fail": "FAIL"}
    width = max(len(c.name) for c in checks)
    lines = []
    for c in checks:
        lines.append(f"[{mark[c.status]}] {c.name.ljust(width)}  {c.detail}")
        if c.fix and c.status != "ok":
            lines.append(f"       {' ' * width}  fix: {c.fix}")
    failed = sum(c.status == "fail" for c in checks)
    lines.append("")
    lines.append(f"{failed} problem(s) to fix." if failed else "Everything the interviewer needs is in place.")
    return "\n".join(lines)
