"""Every saved answer as one row for the history list and `sessions list`: newest first, searchable.

Reading each answer's analysis JSON is most of the cost of listing. A small index in the
recordings folder (`.history-index.json`) keeps each answer's headline figures keyed by the
analysis file's name, size and mtime, so only new or changed files are read again.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from interviewer.domain.practice.figures import measured_figure
from interviewer.domain.storage import (
    AnswerRecord,
    BrokenSession,
    SessionRecord,
    SessionStore,
    in_asked_order,
    write_json_atomic,
)

INDEX_FILE = ".history-index.json"
INDEX_FORMAT = 2  # 2: the voice and wording figures


@dataclass(frozen=True)
class AnswerSummary:
    """Headline figures of one answer's latest analysis (empty when there is none)."""

    analysis_version: str = ""
    versions: int = 0  # how many analyses are kept
    duration_s: float | None = None
    wpm: float | None = None
    fillers_per_min: float | None = None
    long_pauses: int | None = None
    coverage: float | None = None
    pitch_spread_st: float | None = None  # None: not measured (or an analysis before v3)
    energy_spread_db: float | None = None
    hedges_per_min: float | None = None
    idle_share: float | None = None  # share of the answer that carried no hint point
    reliable: bool = True
    said: str = ""  # the transcript text, for search


@dataclass(frozen=True)
class HistoryRow:
    session: SessionRecord
    answer: AnswerRecord
    summary: AnswerSummary

    @property
    def key(self) -> str:
        return f"{self.session.id}/{self.answer.number}"

    def matches(self, query: str) -> bool:
        """Every word of `query` appears in the date (2026-11-16), bank, question or what was said."""
        haystack = " ".join(
            (
                self.session.started_at,
                self.session.bank_id,
                self.session.bank_title,
                self.answer.question_text,
                self.summary.said,
            )
        ).lower()
        return all(word in haystack for word in query.lower().split())

    def outdated(self, current_version: str | None) -> bool:
        return bool(
            current_version and self.summary.analysis_version and self.summary.analysis_version != current_version
        )


@dataclass
class History:
    rows: list[HistoryRow] = field(default_factory=list)
    broken: list[BrokenSession] = field(default_factory=list)
    sessions: list[SessionRecord] = field(default_factory=list)


def summarise(analysis: dict | None, versions: int) -> AnswerSummary:
    if not analysis:
        return AnswerSummary(versions=versions)
    fillers, pauses = analysis.get("fillers") or {}, analysis.get("pauses") or {}
    return AnswerSummary(
        analysis_version=str(analysis.get("analysis_version", "")),
        versions=versions,
        duration_s=analysis.get("duration_s"),
        wpm=analysis.get("wpm"),
        fillers_per_min=fillers.get("per_min"),
        long_pauses=pauses.get("long", len(pauses.get("items") or [])) if pauses else None,
        coverage=(analysis.get("coverage") or {}).get("ratio"),
        pitch_spread_st=measured_figure(analysis, "pitch", "spread_st"),
        energy_spread_db=measured_figure(analysis, "energy", "spread_db"),
        hedges_per_min=(analysis.get("hedging") or {}).get("per_min"),
        idle_share=measured_figure(analysis, "wordiness", "idle_share"),
        reliable=bool((analysis.get("reliability") or {}).get("ok", True)),
        said=str((analysis.get("transcript") or {}).get("text", "")),
    )


class _Index:
    def __init__(self, root: Path) -> None:
        self.path = root / INDEX_FILE
        self.entries: dict = {}
        self.changed = False
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("format") == INDEX_FORMAT:
                self.entries = data.get("answers", {})
        except (OSError, ValueError, AttributeError):
            pass

    def summary(
        self, store: SessionStore, session: SessionRecord, answer: AnswerRecord, listing: dict[str, list]
    ) -> AnswerSummary:
        stamp = sorted(listing.get(answer.stem, []))
        files = stamp
        key = f"{session.id}/{answer.stem}"
        cached = self.entries.get(key)
        if cached and cached.get("stamp") == stamp:
            return AnswerSummary(**cached["summary"])
        summary = summarise(store.latest_analysis(session, answer) if files else None, len(files))
        self.entries[key] = {"stamp": stamp, "summary": asdict(summary)}
        self.changed = True
        return summary

    def save(self, live_keys: set[str]) -> None:
        stale = set(self.entries) - live_keys
        for key in stale:
            del self.entries[key]
        if (self.changed or stale) and self.path.parent.is_dir():
            try:
                write_json_atomic(self.path, {"format": INDEX_FORMAT, "answers": self.entries})
            except OSError:
                pass  # a read-only recordings folder still lists, just without the speed-up


def _analysis_files(folder: Path) -> dict[str, list]:
    """`{answer stem: [[file name, size, mtime_ns], ...]}` for the analysis files of one session folder."""
    found: dict[str, list] = {}
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return found
    for entry in entries:
        stem, marker, _ = entry.name.partition(".analysis.v")
        if marker and entry.name.endswith(".json"):
            info = entry.stat()
            found.setdefault(stem, []).append([entry.name, info.st_size, info.st_mtime_ns])
    return found


def load_history(store: SessionStore) -> History:
    """Every answer of every session, newest session first, answers in the order asked."""
    sessions, broken = store.sessions()
    index = _Index(store.root)
    rows = []
    for session in sessions:
        listing = _analysis_files(store.folder(session))
        answers = in_asked_order(session.answers)
        rows += [HistoryRow(session, a, index.summary(store, session, a, listing)) for a in answers]
    index.save({f"{r.session.id}/{r.answer.stem}" for r in rows})
    return History(rows, broken, sessions)


def current_analysis_version() -> str | None:
    """The version the installed analysis writes; None when the analysis module is unavailable."""
    try:
        from interviewer.domain.analysis import ANALYSIS_VERSION
    except ImportError:
        return None
    return str(ANALYSIS_VERSION)
