"""`interviewer sessions ...` against a store of fixed sessions, through the real CLI entry point."""

from __future__ import annotations

import json
from datetime import datetime

from interviewer import cli
from interviewer.reporting.history import current_analysis_version
from tests.reporting_fixtures import QUESTION, make_session


def _run(store, *args) -> int:
    return cli.main(["--recordings-dir", str(store.root), "sessions", *args])


def test_list_json_newest_first_with_unfinished_marked(tmp_path, capsys):
    make_session(tmp_path / "rec", when=datetime(2026, 11, 9, 8, 0), bank="system-design")
    store, recent, _ = make_session(tmp_path / "rec", when=datetime(2026, 11, 16, 9, 30))
    store.start_answer(recent, "conflict", "How do you handle conflict?", "", (120, 180))
    assert _run(store, "list", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    rows = data["answers"]
    assert [(r["session"][:8], r["answer"]) for r in rows] == [("20261116", 1), ("20261116", 2), ("20261109", 1)]
    assert rows[1]["status"] == "recording" and rows[1]["duration_s"] is None
    assert rows[0]["wpm"] == 121.0 and rows[0]["analysis_version"] == current_analysis_version()
    assert data["disk_bytes"] == store.disk_usage() > 0


def test_list_search_by_words_said_and_bank(tmp_path, capsys):
    make_session(tmp_path / "rec", when=datetime(2026, 11, 9, 8, 0), bank="system-design")
    store, _, _ = make_session(tmp_path / "rec", when=datetime(2026, 11, 16, 9, 30))
    assert _run(store, "list", "--json", "--search", "database migration") == 0
    assert len(json.loads(capsys.readouterr().out)["answers"]) == 2
    assert _run(store, "list", "--json", "--search", "system-design") == 0
    assert [r["bank"] for r in json.loads(capsys.readouterr().out)["answers"]] == ["system-design"]
    assert _run(store, "list", "--json", "--search", "2026-11-09 migration") == 0
    assert [r["bank"] for r in json.loads(capsys.readouterr().out)["answers"]] == ["system-design"]
    assert _run(store, "list", "--search", "nothing-like-this") == 0
    assert "0 answer(s)" in capsys.readouterr().err


def test_show_prints_the_answer(tmp_path, capsys):
    store, session, _ = make_session(tmp_path / "rec")
    assert _run(store, "show", session.id) == 0
    out = capsys.readouterr().out
    assert QUESTION in out and "**==um==**" in out
    assert _run(store, "show", session.id, "--json") == 0
    assert json.loads(capsys.readouterr().out)["answers"][0]["analysis"]["wpm"] == 121.0


def test_unknown_session_is_an_error_with_a_fix(tmp_path, capsys):
    store, _, _ = make_session(tmp_path / "rec")
    assert _run(store, "show", "../../etc") == 2
    err = capsys.readouterr().err
    assert "no saved session" in err and "sessions list" in err


def test_export_to_a_folder_uses_a_safe_name(tmp_path, capsys):
    store, session, _ = make_session(tmp_path / "rec")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    for fmt in ("md", "html", "json"):
        assert _run(store, "export", session.id, "--format", fmt, "-o", str(out_dir)) == 0
    assert sorted(p.name for p in out_dir.iterdir()) == [f"{session.id}.{f}" for f in ("html", "json", "md")]
    assert _run(store, "export", session.id, "--format", "md", "-o", "-") == 0
    assert QUESTION in capsys.readouterr().out


def test_rescore_keeps_the_old_result_beside_the_new(tmp_path, capsys):
    store, session, answer = make_session(tmp_path / "rec", version=0)
    old_file = store.analysis_path(session, answer, 0)
    old_bytes = old_file.read_bytes()
    assert _run(store, "list", "--json") == 0
    assert json.loads(capsys.readouterr().out)["answers"][0]["outdated"] is True
    assert _run(store, "rescore", "--all") == 0
    assert f"v0 -> v{current_analysis_version()} (both kept)" in capsys.readouterr().out
    versions = [str(data["analysis_version"]) for _, data in store.analyses(session, answer)]
    assert versions == ["0", current_analysis_version()]
    assert old_file.read_bytes() == old_bytes
    assert _run(store, "rescore", "--all") == 0
    assert "nothing to re-score" in capsys.readouterr().err
    assert len(store.analyses(session, answer)) == 2


def test_delete_asks_first(tmp_path, capsys, monkeypatch):
    store, session, answer = make_session(tmp_path / "rec")
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert _run(store, "delete", session.id, "--answer", "1") == 1
    assert store.wav_path(session, answer).exists()
    assert _run(store, "delete", session.id, "--answer", "1", "--yes") == 0
    assert not store.wav_path(session, answer).exists()
    assert store.load(session.id).answers == []
    assert _run(store, "delete", session.id, "--yes") == 0
    assert store.sessions() == ([], [])
