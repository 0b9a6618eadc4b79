"""Importers: one module per shape of interview-preparation document, and what they share.

`import_document(path)` detects the shape, parses it, and returns a `Bank` ready to be written
with `bank_to_toml`. `keep_written(new, old)` carries a person's hand-written fields over a
re-import, so a finished bank can be regenerated from its document without losing them.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from interviewer.domain.bank import Bank
from interviewer.domain.importers import details_notes, hint_list, numbered_page, qa_guide
from interviewer.domain.importers.document import ParsedDocument, with_stand_ins
from interviewer.errors import BankError

IMPORTER_VERSION = "1"
# Most specific first: a hint list has no Markdown; a Q&A guide has numbered `### Q<n>:` headings.
SHAPES = {
    hint_list.SHAPE: hint_list,
    qa_guide.SHAPE: qa_guide,
    details_notes.SHAPE: details_notes,
    numbered_page.SHAPE: numbered_page,
}


def detect_shape(text: str) -> str | None:
    """The name of the first shape whose importer recognises `text`, or None."""
    return next((name for name, module in SHAPES.items() if module.looks_like(text)), None)


def read_document(path: Path) -> str:
    try:
        return Path(path).read_bytes().decode("utf-8", errors="replace")
    except OSError as e:
        raise BankError(f"{path}: cannot read the document ({e})", "check the path and its permissions") from e


def parse_document(path: Path) -> tuple[str, ParsedDocument]:
    """(shape, parsed document) for the document at `path`.

    Raises:
        BankError: when the file cannot be read, its shape is unknown, or it holds no question.
    """
    text = read_document(path)
    shape = detect_shape(text)
    if shape is None:
        raise BankError(
            f"{path}:1: not a document shape the importer knows",
            f"supported shapes: {', '.join(SHAPES)} (see 'interviewer import --help')",
        )
    parsed = SHAPES[shape].parse(text)
    if not parsed.questions:
        raise BankError(f"{path}:1: read as {shape}, but no question was found", "check the document's layout")
    return shape, parsed


def import_document(path: Path, bank_id: str, title: str | None = None) -> tuple[Bank, ParsedDocument]:
    """The bank made from the document at `path`, and the parse (for its notes)."""
    shape, parsed = parse_document(path)
    bank = Bank(
        id=bank_id,
        title=title or parsed.title or Path(path).stem,
        questions=tuple(with_stand_ins(q) for q in parsed.questions),
        description=parsed.description,
        source=Path(path).name,
        importer_version=f"{shape}/{IMPORTER_VERSION}",
    )
    return bank, parsed


def keep_written(new: Bank, old: Bank) -> tuple[Bank, int]:
    """`new` with the fields `old` marks `written` copied over, question by question (matched by id),
    and `old`'s title, description and target (a person may have edited them).

    Returns the bank and how many questions kept hand-written fields.
    """
    kept = 0
    questions = []
    for question in new.questions:
        previous = old.question(question.id)
        if previous is None or not previous.written:
            questions.append(question)
            continue
        values = {name: getattr(previous, name) for name in previous.written}
        missing = tuple(name for name in question.missing if name not in previous.written)
        questions.append(replace(question, **values, missing=missing, written=previous.written))
        kept += 1
    bank = replace(
        new,
        questions=tuple(questions),
        title=old.title or new.title,
        description=old.description or new.description,
        target_s=old.target_s or new.target_s,
    )
    return bank, kept
