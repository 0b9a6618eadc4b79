"""Sessions on disk: one folder per session, every file written atomically.

    recordings/<YYYYmmdd-HHMMSS>_<bank>/
        session.json                    the session and its answers (status of each)
        01_<question>.wav               the answer, growing on disk while it is spoken
        01_<question>.transcript.json   what the engine heard
        01_<question>.analysis.v<N>.json  one per analysis version; re-scoring adds, never overwrites

Folders are 0700 and files 0600: recordings are private. Names cannot escape the root.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from interviewer.errors import StorageError

SESSION_FILE = "session.json"
RECORDING, RECORDED, ANALYSED, FAILED = "recording", "recorded", "analysed", "failed"
DRAFTED = "drafted"  # analysed from the quick hearing; the careful one had not finished (heard again at next start)
_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")


@dataclass
class AnswerRecord:
    number: int
    question_id: str
    question_text: str
    hint: str
    target_s: tuple[int, int]
    started_at: str
    status: str = RECORDING
    recording_s: float = 0.0
    error: str = ""
    interrupted: str = ""  # why recording stopped early (device lost, disk full, crash), else ""
    bank_id: str = ""  # the question's bank; a mock interview mixes banks in one session
    parent: int | None = None  # a follow-up: the number of the answer it follows up; None for a first answer
    follow_up_text: str = ""  # a follow-up: what the interviewer asked (scored against the question's hint)

    @property
    def asked(self) -> str:
        """What the person heard before this answer: the follow-up, else the question."""
        return self.follow_up_text or self.question_text

    @property
    def title(self) -> str:
        """The question; a follow-up's with what was asked."""
        if not self.follow_up_text:
            return self.question_text
        return f"{self.question_text}\n↳ follow-up to answer {self.parent}: {self.follow_up_text}"

    @property
    def stem(self) -> str:
        return f"{self.number:02d}_{safe_name(self.question_id)}"

    @property
    def unfinished(self) -> bool:
        return self.status != ANALYSED


@dataclass
class SessionRecord:
    id: str
    bank_id: str
    bank_title: str
    started_at: str
    voice: str = ""
    engine: str = ""
    model: str = ""
    mode: str = "practice"
    versions: dict = field(default_factory=dict)
    answers: list[AnswerRecord] = field(default_factory=list)
    path: Path | None = None

    def to_dict(self) -> dict:
        data = asdict(self)
        data.pop("path")
        return data

    @classmethod
    def from_dict(cls, data: dict, path: Path) -> SessionRecord:
        answers = [_answer_from_dict(a) for a in data.get("answers", [])]
        fields_ = {k: v for k, v in data.items() if k in cls.__dataclass_fields__ and k not in ("answers", "path")}
        session = cls(**fields_, answers=answers, path=path)
        for name in ("id", "bank_id", "bank_title", "started_at"):
            if not isinstance(getattr(session, name), str):
                raise ValueError(f"{name} must be text")
        return session


def _answer_from_dict(data: dict) -> AnswerRecord:
    known = {k: v for k, v in data.items() if k in AnswerRecord.__dataclass_fields__}
    answer = AnswerRecord(**{**known, "target_s": tuple(known["target_s"])})
    if isinstance(answer.number, bool) or not isinstance(answer.number, int) or answer.number < 1:
        raise ValueError(f"answer number must be a positive whole number, not {answer.number!r}")
    if not all(isinstance(v, (int, float)) for v in answer.target_s) or len(answer.target_s) != 2:
        raise ValueError(f"answer {answer.number}: target_s must be two numbers")
    if not isinstance(answer.question_id, str) or not isinstance(answer.status, str):
        raise ValueError(f"answer {answer.number}: question_id and status must be text")
    if answer.parent is not None and (isinstance(answer.parent, bool) or not isinstance(answer.parent, int)):
        raise ValueError(f"answer {answer.number}: parent must be an answer number, not {answer.parent!r}")
    return answer


def in_asked_order(answers: list[AnswerRecord]) -> list[AnswerRecord]:
    """The answers by number, each follow-up right after the answer it follows up."""
    numbers = {a.number for a in answers}
    firsts = sorted((a for a in answers if a.parent not in numbers), key=lambda a: a.number)
    ordered: list[AnswerRecord] = []
    for answer in firsts:
        ordered.append(answer)
        ordered.extend(sorted((a for a in answers if a.parent == answer.number), key=lambda a: a.number))
    return ordered


@dataclass(frozen=True)
class BrokenSession:
    id: str
    path: Path
    problem: str


def storage_error(folder: Path, error: OSError) -> StorageError:
    """An OSError on the recordings folder, said so a person can act on it."""
    if error.errno == errno.ENOSPC:
        return StorageError(
            f"the disk holding {folder} is full",
            "free some space, or set recordings_dir in the config (or --recordings-dir) to a folder on another disk",
        )
    if error.errno == errno.EROFS:
        return StorageError(
            f"{folder} is on a read-only file system",
            "set recordings_dir in the config (or --recordings-dir) to a writable folder",
        )
    reason = error.strerror or str(error)
    return StorageError(
        f"cannot write to {folder}: {reason}",
        "make the folder writable, or set recordings_dir in the config (or --recordings-dir) to a writable folder",
    )


def safe_name(text: str) -> str:
    cleaned = _SAFE.sub("-", text).strip("-.")
    return cleaned[:60] or "x"


def write_json_atomic(path: Path, data) -> None:
    """Write `data` as JSON to a temp file beside `path`, fsync, then rename over `path`."""
    write_bytes_atomic(path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))


def write_bytes_atomic(path: Path, payload: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class SessionStore:
    """All sessions under one root folder (the configured recordings dir)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def ensure_root(self) -> Path:
        try:
            self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
            os.chmod(self.root, 0o700)
        except OSError as e:
            raise storage_error(self.root, e) from e
        return self.root

    def new_session(self, bank_id: str, bank_title: str, now: datetime | None = None, **meta) -> SessionRecord:
        self.ensure_root()
        stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
        base = f"{stamp}_{safe_name(bank_id)}"
        folder, n = self.root / base, 1
        while folder.exists():
            n += 1
            folder = self.root / f"{base}-{n}"
        try:
            folder.mkdir(mode=0o700)
        except OSError as e:
            raise storage_error(self.root, e) from e
        started = (now or datetime.now()).isoformat(timespec="seconds")
        session = SessionRecord(folder.name, bank_id, bank_title, started, path=folder, **meta)
        self.save(session)
        return session

    def save(self, session: SessionRecord) -> None:
        self._write(self.folder(session) / SESSION_FILE, session.to_dict())

    def folder(self, session: SessionRecord) -> Path:
        return self.root / session.id

    def start_answer(
        self,
        session: SessionRecord,
        question_id: str,
        text: str,
        hint: str,
        target_s: tuple[int, int],
        now: datetime | None = None,
        bank_id: str = "",
        parent: int | None = None,
        follow_up_text: str = "",
    ) -> AnswerRecord:
        """A new answer to question `text`; a follow-up names its `parent` answer and what was asked."""
        number = max((a.number for a in session.answers), default=0) + 1
        started = (now or datetime.now()).isoformat(timespec="seconds")
        answer = AnswerRecord(
            number,
            question_id,
            text,
            hint,
            tuple(target_s),
            started,
            bank_id=bank_id or session.bank_id,
            parent=parent,
            follow_up_text=follow_up_text,
        )
        session.answers.append(answer)
        self.save(session)
        return answer

    def update_answer(self, session: SessionRecord, answer: AnswerRecord, **changes) -> None:
        for key, value in changes.items():
            setattr(answer, key, value)
        self.save(session)

    def wav_path(self, session: SessionRecord, answer: AnswerRecord) -> Path:
        return self.folder(session) / f"{answer.stem}.wav"

    def transcript_path(self, session: SessionRecord, answer: AnswerRecord) -> Path:
        return self.folder(session) / f"{answer.stem}.transcript.json"

    def analysis_path(self, session: SessionRecord, answer: AnswerRecord, version: int) -> Path:
        return self.folder(session) / f"{answer.stem}.analysis.v{version}.json"

    def save_transcript(self, session: SessionRecord, answer: AnswerRecord, transcript: dict) -> None:
        self._write(self.transcript_path(session, answer), transcript)

    def _write(self, path: Path, data) -> None:
        try:
            write_json_atomic(path, data)
        except OSError as e:
            raise storage_error(path.parent, e) from e

    def load_transcript(self, session: SessionRecord, answer: AnswerRecord) -> dict | None:
        return _read_json(self.transcript_path(session, answer))

    def save_analysis(
        self, session: SessionRecord, answer: AnswerRecord, analysis: dict, version: int, status: str = ANALYSED
    ) -> Path:
        """Keep every version: an existing file for `version` is kept and a numbered copy is added."""
        path = self.analysis_path(session, answer, version)
        n = 1
        while path.exists():
            n += 1
            path = path.with_name(f"{answer.stem}.analysis.v{version}.{n}.json")
        self._write(path, analysis)
        self.update_answer(session, answer, status=status, error="")
        return path

    def analyses(self, session: SessionRecord, answer: AnswerRecord) -> list[tuple[int, dict]]:
        """Every saved analysis of `answer`, oldest version first."""
        found = []
        for path in self.folder(session).glob(f"{answer.stem}.analysis.v*.json"):
            match = re.match(r".*\.analysis\.v(\d+)(?:\.(\d+))?\.json$", path.name)
            data = _read_json(path)
            if match and data is not None:
                found.append(((int(match.group(1)), int(match.group(2) or 1)), data))
        return [(key[0], data) for key, data in sorted(found, key=lambda item: item[0])]

    def latest_analysis(self, session: SessionRecord, answer: AnswerRecord) -> dict | None:
        found = self.analyses(session, answer)
        return found[-1][1] if found else None

    def load(self, session_id: str) -> SessionRecord:
        folder = self.root / safe_name(session_id)
        if safe_name(session_id) != session_id or not (folder / SESSION_FILE).is_file():
            raise FileNotFoundError(f"no session {session_id!r} in {self.root}")
        data = _read_json(folder / SESSION_FILE)
        if not isinstance(data, dict):
            raise ValueError(f"{folder / SESSION_FILE}: not a session file (unreadable or not a JSON object)")
        try:
            return SessionRecord.from_dict(data, folder)
        except (TypeError, ValueError, KeyError, AttributeError) as e:
            raise ValueError(f"{folder / SESSION_FILE}: damaged session file ({e})") from e

    def sessions(self) -> tuple[list[SessionRecord], list[BrokenSession]]:
        """All sessions, newest first; broken ones are returned apart, never raised."""
        good, broken = [], []
        if not self.root.is_dir():
            return good, broken
        for folder in sorted(self.root.iterdir(), reverse=True):
            if not folder.is_dir() or not (folder / SESSION_FILE).exists():
                continue
            try:
                good.append(self.load(folder.name))
            except (ValueError, FileNotFoundError) as e:
                broken.append(BrokenSession(folder.name, folder, str(e)))
        return good, broken

    def unfinished(self) -> list[tuple[SessionRecord, AnswerRecord]]:
        sessions, _ = self.sessions()
        return [(s, a) for s in sessions for a in s.answers if a.unfinished]

    def delete_answer(self, session: SessionRecord, answer: AnswerRecord) -> None:
        for path in self.folder(session).glob(f"{answer.stem}.*"):
            path.unlink()
        session.answers = [a for a in session.answers if a.number != answer.number]
        self.save(session)

    def delete_session(self, session: SessionRecord) -> None:
        shutil.rmtree(self.folder(session))

    def disk_usage(self) -> int:
        if not self.root.is_dir():
            return 0
        return sum(p.stat().st_size for p in self.root.rglob("*") if p.is_file())


def _read_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
