"""Sessions on disk: private, atomic, every analysis version kept, broken files never fatal."""

import json
import os
import stat
from datetime import datetime

import pytest

from interviewer.domain.storage import SessionStore, write_json_atomic


@pytest.fixture
def store(tmp_path):
    return SessionStore(tmp_path / "recordings")


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_session_folder_and_files_are_private(store):
    session = store.new_session("bank", "Bank", voice="calm-us")
    answer = store.start_answer(session, "q1", "Why?", "Cover A", (120, 180))
    store.save_transcript(session, answer, {"text": "hi"})
    assert mode(store.root) == 0o700 and mode(store.folder(session)) == 0o700
    assert all(mode(p) == 0o600 for p in store.folder(session).iterdir())


def test_answer_is_recorded_in_session_file_before_any_audio(store):
    session = store.new_session("bank", "Bank")
    store.start_answer(session, "q1", "Why?", "Cover A", (120, 180))
    reloaded = store.load(session.id)
    assert reloaded.answers[0].status == "recording"
    assert store.unfinished()[0][1].question_id == "q1"


def test_every_analysis_version_is_kept(store):
    session = store.new_session("bank", "Bank")
    answer = store.start_answer(session, "q1", "Why?", "Cover A", (120, 180))
    store.save_analysis(session, answer, {"analysis_version": 1, "wpm": 100}, 1)
    store.save_analysis(session, answer, {"analysis_version": 2, "wpm": 120}, 2)
    store.save_analysis(session, answer, {"analysis_version": 2, "wpm": 121}, 2)
    assert [(v, d["wpm"]) for v, d in store.analyses(session, answer)] == [(1, 100), (2, 120), (2, 121)]
    assert store.latest_analysis(session, answer)["wpm"] == 121
    assert store.load(session.id).answers[0].status == "analysed"


def test_sessions_newest_first_and_broken_ones_apart(store):
    older = store.new_session("a", "A", now=datetime(2026, 1, 1, 9))
    newer = store.new_session("b", "B", now=datetime(2026, 1, 2, 9))
    torn = store.new_session("c", "C", now=datetime(2026, 1, 3, 9))
    (store.folder(torn) / "session.json").write_text('{"id": "c", "bank')
    good, broken = store.sessions()
    assert [s.id for s in good] == [newer.id, older.id]
    assert [b.id for b in broken] == [torn.id]


def test_atomic_write_leaves_old_file_when_the_write_fails(tmp_path):
    target = tmp_path / "x.json"
    write_json_atomic(target, {"ok": 1})
    with pytest.raises(TypeError):
        write_json_atomic(target, {"bad": object()})
    assert target.read_text().strip().endswith("}") and '"ok": 1' in target.read_text()
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]


def test_session_ids_cannot_escape_the_root(store):
    store.new_session("bank", "Bank")
    for bad in ("../etc", "/etc", "..", "a/b"):
        with pytest.raises(FileNotFoundError):
            store.load(bad)


def test_delete_answer_and_disk_usage(store):
    session = store.new_session("bank", "Bank")
    answer = store.start_answer(session, "q1", "Why?", "Cover A", (120, 180))
    store.wav_path(session, answer).write_bytes(b"x" * 1000)
    assert store.disk_usage() >= 1000
    store.delete_answer(session, answer)
    assert store.load(session.id).answers == []
    assert not store.wav_path(session, answer).exists()


def test_each_answer_remembers_its_own_bank(store):
    session = store.new_session("first", "First", mode="mock")
    store.start_answer(session, "q1", "Why?", "A", (120, 180))
    store.start_answer(session, "q9", "How?", "B", (60, 90), bank_id="second")
    assert [a.bank_id for a in store.load(session.id).answers] == ["first", "second"]


def test_a_follow_up_is_saved_with_its_parent_and_old_files_still_load(store):
    from interviewer.domain.storage import in_asked_order

    session = store.new_session("b", "B")
    first = store.start_answer(session, "q1", "Why?", "Cover A", (120, 180))
    other = store.start_answer(session, "q2", "How?", "Cover B", (120, 180))
    follow = store.start_answer(
        session,
        "q1",
        "Why?",
        "Cover A",
        (120, 180),
        parent=first.number,
        follow_up_text="You didn't talk about A. How would that come into your answer?",
    )
    loaded = store.load(session.id)
    assert [(a.number, a.parent) for a in loaded.answers] == [(1, None), (2, None), (3, 1)]
    assert loaded.answers[2].asked.startswith("You didn't talk about A") and loaded.answers[0].asked == "Why?"
    assert [a.number for a in in_asked_order(loaded.answers)] == [first.number, follow.number, other.number]
    path = store.folder(session) / "session.json"
    data = json.loads(path.read_text())
    for answer in data["answers"]:
        del answer["parent"], answer["follow_up_text"]
    path.write_text(json.dumps(data))
    assert [a.parent for a in store.load(session.id).answers] == [None, None, None]
    data["answers"][0]["parent"] = "one"
    path.write_text(json.dumps(data))
    with pytest.raises(ValueError, match="parent must be an answer number"):
        store.load(session.id)
