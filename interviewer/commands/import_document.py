"""`interviewer import`: turn an interview-preparation document into a bank file to edit.

Re-importing onto an existing bank keeps the fields its `written` lists (hand-written question
texts and hints), so a finished bank can be regenerated from its document.
"""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path

from interviewer import paths
from interviewer.errors import BankError


def add_arguments(parser) -> None:
    parser.add_argument("document", type=Path, metavar="DOCUMENT", help="the document to import")
    parser.add_argument(
        "-o",
        "--output",
        metavar="BANK_FILE",
        help="bank file to write, '-' for standard output (default: your banks folder, named after the title)",
    )
    parser.add_argument("--title", metavar="T", help="the bank's title (default: the document's own)")


def run(args, config) -> int:
    from interviewer.domain.bank import BANK_SUFFIX, load_bank
    from interviewer.domain.bank_file import bank_to_toml
    from interviewer.domain.importers import import_document, keep_written

    if not args.document.is_file():
        raise BankError(f"{args.document}: no such document", "check the path")
    target = _target(args)
    bank_id = target.stem if target else "imported"
    bank, parsed = import_document(args.document, bank_id, args.title)
    if target is None:
        sys.stdout.write(bank_to_toml(bank))
        return 0
    if target.suffix != BANK_SUFFIX:
        raise BankError(f"{target}: a bank file must end in {BANK_SUFFIX}", f"use e.g. -o {target.stem}.toml")
    kept = 0
    if target.exists():
        bank, kept = keep_written(bank, load_bank(target))
        if args.title:
            bank = replace(bank, title=args.title)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(bank_to_toml(bank), encoding="utf-8")
    _report(bank, parsed.notes, target, kept)
    return 0


def _target(args) -> Path | None:
    if args.output == "-":
        return None
    if args.output:
        return Path(args.output)
    from interviewer.domain.importers import parse_document

    _, parsed = parse_document(args.document)
    slug = re.sub(r"[^a-z0-9]+", "-", (args.title or parsed.title or args.document.stem).lower()).strip("-")
    return paths.user_banks_dir() / f"{slug or 'imported'}.toml"


def _report(bank, notes: list[str], target: Path, kept: int) -> None:
    missing = sum(1 for q in bank.questions if q.missing)
    print(f"wrote {len(bank.questions)} questions to {target} ({bank.importer_version})")
    for note in notes:
        print(f"  note: {note}")
    if kept:
        print(f"  kept the hand-written fields of {kept} questions from the existing file")
    if missing:
        print(f"  {missing} questions have a stand-in where the document lacked text or a hint ('missing = [...]')")
    print(f"  edit it, then run: interviewer banks check {target}")
