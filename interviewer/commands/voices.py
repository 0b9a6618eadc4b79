"""`interviewer voices [--json]`: every voice profile, its engine, whether it can speak here and why not."""

from __future__ import annotations

import json


def add_arguments(parser) -> None:
    parser.add_argument(
        "--json", action="store_true",
        help='print [{"id", "engine", "name", "default", "available", "reason"}]',
    )  # fmt: skip


def run(args, config) -> int:  # noqa: ARG001 - every command takes the config
    from interviewer.adapters.voice_choice import voice_statuses

    rows = [
        {"id": s.profile.id, "engine": s.profile.engine, "name": s.profile.name, "default": s.default,
         "available": s.available, "reason": s.reason}
        for s in voice_statuses()
    ]  # fmt: skip
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    for row in rows:
        mark = "*" if row["default"] else " "
        state = "ok" if row["available"] else f"unavailable: {row['reason']}"
        print(f"{mark} {row['id']:<16} {row['engine']:<8} {row['name']:<18} {state}")
    print("(* the default when the config leaves voice empty)")
    return 0
