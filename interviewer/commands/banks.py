"""`interviewer banks`: list, show and check question banks (shipped and the person's own)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from interviewer import paths


def add_arguments(parser) -> None:
    sub = parser.add_subparsers(dest="banks_command", metavar="SUBCOMMAND", required=True)
    check = sub.add_parser("check", help="validate bank files; exit 1 on any problem")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="bank files or folders (default: all)")
    listing = sub.add_parser("list", help="list the banks that load, and those that are broken")
    listing.add_argument("--json", action="store_true", help="print JSON")
    show = sub.add_parser("show", help="print one bank's questions")
    show.add_argument("bank", metavar="BANK", help="bank id (file name without .toml) or a path to a bank file")
    show.add_argument("--json", action="store_true", help="print JSON")


def bank_dirs() -> list[Path]:
    """Shipped banks first, then the person's own (an own bank cannot shadow a shipped id)."""
    return [paths.shipped_banks_dir(), paths.user_banks_dir()]


def run(args, config) -> int:
    return {"check": _check, "list": _list, "show": _show}[args.banks_command](args)


def _check(args) -> int:
    from interviewer.domain.bank import bank_paths, check_bank, discover_banks

    if args.paths:
        files = [f for p in args.paths for f in (bank_paths(p) if p.is_dir() else [p])]
        problems = [problem for f in files for problem in check_bank(f)]
    else:
        banks, broken = discover_banks(bank_dirs())
        files = [b.path for b in banks] + [b.path for b in broken]
        problems = [problem for b in broken for problem in b.problems]
    for problem in problems:
        print(problem)
    count = len(problems)
    print(f"{len(files)} bank file(s) checked, {count} problem{'s' if count != 1 else ''}", file=sys.stderr)
    return 1 if problems or not files else 0


def _list(args) -> int:
    from interviewer.domain.bank import discover_banks

    banks, broken = discover_banks(bank_dirs())
    rows = [{"id": b.id, "title": b.title, "questions": len(b.questions), "path": str(b.path)} for b in banks]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        for row in rows:
            print(f"{row['id']:<28} {row['questions']:>4}  {row['title']}")
    for bank in broken:
        print(f"broken bank {bank.id} ({bank.path}):", file=sys.stderr)
        for problem in bank.problems:
            print(f"  {problem}", file=sys.stderr)
    return 0


def _show(args) -> int:
    from interviewer.domain.bank import find_bank

    bank = find_bank(args.bank, bank_dirs())
    keys = ("id", "text", "hint", "category", "difficulty", "model_answer")
    data = {
        "id": bank.id,
        "title": bank.title,
        "questions": [{key: getattr(q, key) for key in keys} for q in bank.questions],
    }
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    print(f"{bank.title}  ({bank.id}, {len(bank.questions)} questions, {bank.path})")
    for q in bank.questions:
        label = " / ".join(part for part in (q.category, q.difficulty) if part)
        print(f"\n[{q.id}] {label}\n  Q: {q.text}\n  hint: {q.hint}")
    return 0
