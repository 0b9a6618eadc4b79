"""Question banks: the dataclasses every part of the app shares, and reading them from TOML files.

A bank file is TOML (read with stdlib `tomllib`): people edit it by hand, it allows comments and
multi-line strings, and it has none of YAML's implicit typing (`no` becoming false, `1.10` a
number). One `[[questions]]` table per question; `bank_file.py` writes it back out.

Every problem found in a file is reported as `path:line: what is wrong; what to do`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import tomllib

from interviewer.errors import BankError

DEFAULT_TARGET_S: tuple[int, int] = (120, 180)
BANK_SUFFIX = ".toml"
BANK_KEYS = ("title", "description", "source", "importer_version", "target_s", "questions")
QUESTION_KEYS = (
    "id",
    "text",
    "hint",
    "category",
    "difficulty",
    "model_answer",
    "exhibit",
    "target_s",
    "missing",
    "written",
)
# Fields the importer may mark `missing` (the document lacked them) and a person may mark `written`.
FILLABLE = ("text", "hint", "model_answer", "category", "difficulty")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    hint: str
    category: str = ""
    difficulty: str = ""
    model_answer: str = ""
    target_s: tuple[int, int] | None = None  # None: the bank's (or the app's) band applies
    exhibit: str = ""  # shown with the question, never spoken (e.g. a code snippet to review)
    missing: tuple[str, ...] = ()  # fields the source document lacked; the value is a fallback
    written: tuple[str, ...] = ()  # fields finished by hand; re-import keeps them


@dataclass(frozen=True)
class Bank:
    id: str  # the file name without extension; stable, used on the command line
    title: str
    questions: tuple[Question, ...]
    description: str = ""
    source: str = ""
    importer_version: str = ""
    target_s: tuple[int, int] | None = None
    path: Path | None = None

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def target_for(self, question: Question, default: tuple[int, int] = DEFAULT_TARGET_S) -> tuple[int, int]:
        return question.target_s or self.target_s or default


@dataclass(frozen=True)
class BrokenBank:
    """A bank file that failed to load; the app lists it with its problems and goes on."""

    id: str
    path: Path
    problems: tuple[str, ...] = field(default=())


def load_bank(path: Path) -> Bank:
    """Read and validate one bank file.

    Raises:
        BankError: with `.problems` listing every `file:line: problem; fix` found.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")  # some editors start UTF-8 files with a BOM
    except (OSError, UnicodeDecodeError) as e:
        raise _error(path, [f"{path}:1: cannot read the file ({e}); check it exists and is UTF-8 text"]) from e
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        line = _decode_error_line(e)
        problem = f"{path}:{line}: not valid TOML ({e}); fix the syntax on that line"
        raise _error(path, [problem]) from e
    problems: list[str] = []
    bank = _bank_from_table(data, path, _Lines(text), problems)
    if problems:
        raise _error(path, problems)
    return bank


def check_bank(path: Path) -> list[str]:
    """Every problem in the bank file at `path` as `file:line: ...`; empty when it is sound."""
    try:
        load_bank(path)
    except BankError as e:
        return list(e.problems)
    return []


def bank_paths(folder: Path) -> list[Path]:
    """The bank files in `folder`, sorted by name; none when the folder does not exist."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix == BANK_SUFFIX and not p.name.startswith(".") and p.is_file())


def discover_banks(dirs: list[Path]) -> tuple[list[Bank], list[BrokenBank]]:
    """Load every bank in `dirs` (earlier folders first); never raises for a broken file.

    A bank whose id was already loaded from an earlier folder is not loaded again: it is
    listed as broken with a message naming both files, so a person's own copy of a shipped
    bank never silently replaces (or hides behind) the shipped one.
    """
    banks: list[Bank] = []
    broken: list[BrokenBank] = []
    seen: dict[str, Path] = {}
    for folder in dirs:
        for path in bank_paths(Path(folder)):
            bank_id = path.stem
            if bank_id in seen:
                problem = (
                    f"{path}:1: a bank with id {bank_id!r} already comes from {seen[bank_id]}; "
                    "rename this file to give it its own id"
                )
                broken.append(BrokenBank(bank_id, path, (problem,)))
                continue
            seen[bank_id] = path
            try:
                banks.append(load_bank(path))
            except BankError as e:
                broken.append(BrokenBank(bank_id, path, tuple(e.problems)))
    return banks, broken


def find_bank(bank_id: str, dirs: list[Path]) -> Bank:
    """The bank called `bank_id` (a file stem) or at the path `bank_id`.

    Raises:
        BankError: when there is no such bank (the message lists those there are) or it is broken.
    """
    as_path = Path(bank_id)
    if as_path.suffix == BANK_SUFFIX and as_path.is_file():
        return load_bank(as_path)
    if not _ID.match(bank_id):
        raise BankError(
            f"{bank_id!r} is not a bank id (ids are file names without a folder or '..')",
            "give an id from 'interviewer banks list', or the path of a .toml bank file",
        )
    for folder in dirs:
        candidate = Path(folder) / f"{bank_id}{BANK_SUFFIX}"
        if candidate.is_file():
            return load_bank(candidate)
    known = sorted({p.stem for folder in dirs for p in bank_paths(Path(folder))})
    raise BankError(
        f"no bank called {bank_id!r}",
        f"known banks: {', '.join(known) or 'none'} (see 'interviewer banks list')",
    )


def _error(path: Path, problems: list[str]) -> BankError:
    count = len(problems)
    message = f"{path}: {count} problem{'s' if count != 1 else ''} in this bank file"
    return BankError(message, "fix each line named, then run 'interviewer banks check'", problems)


def _decode_error_line(error: tomllib.TOMLDecodeError) -> int:
    match = re.search(r"line (\d+)", str(error))
    return int(match.group(1)) if match else 1


class _Lines:
    """Line numbers of keys in a bank file: tomllib gives values, not where they were written.
    Found when first asked, i.e. only when there is a problem to report (a sound bank loads
    without it: 6 of the 32 ms the shipped banks took at start-up)."""

    def __init__(self, text: str) -> None:
        self._text = text

    @cached_property
    def _found(self) -> tuple[list[int], list[dict[str, int]]]:
        """The line of each [[questions]] header; each key's line ([0]: top level, [i + 1]: question i)."""
        table_starts: list[int] = []
        keys: list[dict[str, int]] = [{}]
        in_string = ""
        for number, line in enumerate(self._text.splitlines(), start=1):
            if in_string:
                if line.count(in_string) % 2 == 1:
                    in_string = ""
                continue
            stripped = line.strip()
            if re.match(r"^\[\[\s*questions\s*\]\]", stripped):
                table_starts.append(number)
                keys.append({})
                continue
            match = re.match(r"^([A-Za-z0-9_\"'.-]+)\s*=", stripped)
            if match:
                keys[-1].setdefault(match.group(1).strip("\"'"), number)
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    in_string = quote
        return table_starts, keys

    def top(self, key: str = "") -> int:
        return self._found[1][0].get(key, 1)

    def question(self, index: int, key: str = "") -> int:
        table_starts, keys = self._found
        if index + 1 < len(keys):
            return keys[index + 1].get(key) or table_starts[index]
        return 1


def _bank_from_table(data: dict, path: Path, lines: _Lines, problems: list[str]) -> Bank:
    def problem(line: int, what: str) -> None:
        problems.append(f"{path}:{line}: {what}")

    for key in data:
        if key not in BANK_KEYS:
            problem(lines.top(key), f"unknown key {key!r}; remove it or use one of {', '.join(BANK_KEYS)}")
    title = _string(data, "title", lambda what: problem(lines.top("title"), what), required=True)
    description = _string(data, "description", lambda what: problem(lines.top("description"), what))
    source = _string(data, "source", lambda what: problem(lines.top("source"), what))
    version = _string(data, "importer_version", lambda what: problem(lines.top("importer_version"), what))
    target = _target(data.get("target_s"), lambda what: problem(lines.top("target_s"), what))
    raw_questions = data.get("questions", [])
    if not isinstance(raw_questions, list) or not raw_questions:
        problem(lines.top("questions"), "no questions; add at least one [[questions]] table with id, text, hint")
        raw_questions = []
    questions = _questions(raw_questions, lines, problem)
    return Bank(
        id=path.stem,
        title=title,
        questions=tuple(questions),
        description=description,
        source=source,
        importer_version=version,
        target_s=target,
        path=path,
    )


def _questions(raw_questions: list, lines: _Lines, problem) -> list[Question]:
    questions: list[Question] = []
    first_index_of: dict[str, int] = {}
    for index, raw in enumerate(raw_questions):
        if not isinstance(raw, dict):
            problem(lines.question(index), "each question must be a [[questions]] table")
            continue
        question = _question(raw, index, lines, problem)
        if question is None:
            continue
        if question.id in first_index_of:
            problem(
                lines.question(index, "id"),
                f"question {index + 1}: duplicate id {question.id!r} "
                f"(first used on line {lines.question(first_index_of[question.id], 'id')}); "
                "give this question its own id",
            )
        first_index_of.setdefault(question.id, index)
        questions.append(question)
    return questions


def _question(raw: dict, index: int, lines: _Lines, problem) -> Question | None:
    def at(key: str):
        return lambda what: problem(lines.question(index, key), f"question {index + 1}: {what}")

    for key in raw:
        if key not in QUESTION_KEYS:
            at(key)(f"unknown key {key!r}; remove it or use one of {', '.join(QUESTION_KEYS)}")
    qid = _string(raw, "id", at("id"), required=True)
    if qid and not _ID.match(qid):
        at("id")(f"id {qid!r} must be letters, digits, '-', '_' or '.'; rename it")
    text = _string(raw, "text", at("text"), required=True)
    hint = _string(raw, "hint", at("hint"), required=True)
    values = {key: _string(raw, key, at(key)) for key in ("category", "difficulty", "model_answer", "exhibit")}
    missing = _field_list(raw, "missing", at("missing"))
    written = _field_list(raw, "written", at("written"))
    target = _target(raw.get("target_s"), at("target_s"))
    if not qid:
        return None
    return Question(id=qid, text=text, hint=hint, target_s=target, missing=missing, written=written, **values)


def _string(table: dict, key: str, report, required: bool = False) -> str:
    value = table.get(key)
    if value is None:
        if required:
            report(f'missing {key!r}; add {key} = "..."')
        return ""
    if not isinstance(value, str):
        report(f"{key!r} must be a string in quotes, not {type(value).__name__}")
        return ""
    if required and not value.strip():
        report(f"{key!r} is empty; write the {_describe(key)}")
    return value.strip()


def _describe(key: str) -> str:
    return {
        "text": "question as it should be spoken",
        "hint": "points a strong answer covers (used to score the answer)",
        "id": "question's id, e.g. q01",
        "title": "bank's title",
    }.get(key, key)


def _field_list(table: dict, key: str, report) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        report(f'{key!r} must be a list of field names, e.g. {key} = ["text"]')
        return ()
    unknown = [v for v in value if v not in FILLABLE]
    if unknown:
        report(f"{key!r} names {', '.join(map(repr, unknown))}; use only {', '.join(FILLABLE)}")
    return tuple(v for v in value if v in FILLABLE)


def _target(raw, report) -> tuple[int, int] | None:
    if raw is None:
        return None
    if not isinstance(raw, list) or len(raw) != 2:
        report("'target_s' must be [low, high] in seconds, e.g. target_s = [120, 180]")
        return None
    lo, hi = raw
    if any(isinstance(v, bool) or not isinstance(v, (int, float)) for v in raw):
        report("'target_s' must be two numbers of seconds, e.g. [120, 180]")
        return None
    if not 0 < lo < hi <= 3600:
        report(f"'target_s' needs 0 < low < high <= 3600, got [{lo}, {hi}]; e.g. [120, 180]")
        return None
    return int(lo), int(hi)
