"""Bank files: loading, validation with file:line, discovery, writing, and the shipped banks."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from interviewer import cli, paths
from interviewer.domain.bank import Bank, Question, check_bank, discover_banks, find_bank, load_bank
from interviewer.domain.bank_file import bank_to_toml
from interviewer.errors import BankError

SHIPPED_COUNTS = {
    "precision-medicine": 50,
    "radiology-ai": 50,
    "medical-ai-mock-interview": 26,
    "data-science-notes": 30,  # counted in tests/test_importers.py::test_003_counts_every_question
    "ai-interview-questions": 40,
}
GOOD = """\
title = "Demo"
target_s = [60, 90]

[[questions]]
id = "a"
text = "What is overfitting?"
hint = '''
Fits noise; fails on new data.'''

[[questions]]
id = "b"
text = "Why cross-validate?"
hint = "Uses every example for validation"
target_s = [30, 45]
"""
WHERE = re.compile(r"^.+:\d+: \S")


def write(tmp_path: Path, text: str, name: str = "demo.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_bank_loads_with_its_targets(tmp_path):
    bank = load_bank(write(tmp_path, GOOD))
    assert bank.id == "demo" and [q.id for q in bank.questions] == ["a", "b"]
    assert bank.questions[0].hint == "Fits noise; fails on new data."
    assert bank.target_for(bank.questions[0]) == (60, 90)
    assert bank.target_for(bank.questions[1]) == (30, 45)


@pytest.mark.parametrize(
    ("change", "line", "words"),
    [
        (('id = "b"', 'id = "b"\ncolour = "red"'), 12, "unknown key 'colour'"),
        (('text = "Why cross-validate?"\n', ""), 10, "missing 'text'"),
        (('id = "b"', 'id = "a"'), 11, "duplicate id 'a' (first used on line 5)"),
        (('hint = "Uses every example for validation"', 'hint = "  "'), 13, "'hint' is empty"),
        (("target_s = [30, 45]", "target_s = [45, 30]"), 14, "needs 0 < low < high"),
        (("target_s = [60, 90]", 'target_s = "long"'), 2, "[low, high]"),
        (('title = "Demo"', "title = Demo"), 1, "not valid TOML"),
    ],
)
def test_each_problem_names_file_line_and_what_to_do(tmp_path, change, line, words):
    path = write(tmp_path, GOOD.replace(*change))
    problems = check_bank(path)
    assert problems, "the broken bank passed the check"
    assert any(p.startswith(f"{path}:{line}: ") and words in p for p in problems), problems
    with pytest.raises(BankError) as raised:
        load_bank(path)
    assert raised.value.problems == problems


def test_every_problem_is_reported_not_just_the_first(tmp_path):
    text = GOOD.replace('hint = "Uses every example for validation"', 'hint = ""').replace('id = "b"', 'id = "a"')
    assert len(check_bank(write(tmp_path, text))) == 2


def test_written_toml_reads_back_as_the_same_bank(tmp_path):
    question = Question(
        id="q1",
        text='Say "hi"',
        hint="Line one\nline two with ''' quotes\\ and a tab\t.",
        category="C",
        model_answer="Multi\nline answer\n",
        exhibit="```python\nprint(1)\n```",
        target_s=(100, 200),
        missing=("hint",),
        written=("text",),
    )
    bank = Bank(id="round", title="T", questions=(question,), description="d", source="s", importer_version="x/1")
    path = write(tmp_path, bank_to_toml(bank), "round.toml")
    loaded = load_bank(path)
    assert loaded.questions[0] == Question(**{**question.__dict__, "model_answer": "Multi\nline answer"})
    assert (loaded.title, loaded.description, loaded.source, loaded.importer_version) == ("T", "d", "s", "x/1")


def test_a_broken_bank_never_stops_discovery(tmp_path):
    shipped, own = tmp_path / "shipped", tmp_path / "own"
    shipped.mkdir(), own.mkdir()
    write(shipped, GOOD, "good.toml")
    write(shipped, "title = \n", "broken.toml")
    write(own, GOOD, "good.toml")  # same id as a shipped bank
    write(own, GOOD, "mine.toml")
    banks, broken = discover_banks([shipped, own, tmp_path / "absent"])
    assert sorted(b.id for b in banks) == ["good", "mine"]
    assert {b.id: b.path.parent.name for b in broken} == {"broken": "shipped", "good": "own"}
    for bank in broken:
        assert all(WHERE.match(p) for p in bank.problems), bank.problems
    shadow = next(b for b in broken if b.id == "good")
    assert str(shipped / "good.toml") in shadow.problems[0]


def test_find_bank_by_id_or_path_and_unknown_ids_list_the_known(tmp_path):
    write(tmp_path, GOOD)
    assert find_bank("demo", [tmp_path]).id == "demo"
    assert find_bank(str(tmp_path / "demo.toml"), []).id == "demo"
    with pytest.raises(BankError) as raised:
        find_bank("nope", [tmp_path])
    assert "demo" in raised.value.fix


def test_shipped_banks_pass_the_check_with_the_expected_counts():
    banks, broken = discover_banks([paths.shipped_banks_dir()])
    assert broken == []
    assert {b.id: len(b.questions) for b in banks} == SHIPPED_COUNTS
    for bank in banks:
        assert bank.source and bank.importer_version, bank.id
        assert not [q.id for q in bank.questions if q.missing], f"{bank.id} still has stand-ins"


def test_every_shipped_question_is_clean_spoken_english():
    banks, _ = discover_banks([paths.shipped_banks_dir()])
    for question in (q for bank in banks for q in bank.questions):
        text = question.text
        assert not re.search(r"[*#`_\[\]<>|]|^Q\d*:|^\"|\bQ\d+:", text), (question.id, text)
        assert not any(unicodedata.category(c) == "So" for c in text), (question.id, text)
        assert text[0].isupper() and text[-1] in ".?", (question.id, text)
        assert question.hint.strip(), question.id


@pytest.fixture
def own_banks(tmp_path, monkeypatch):
    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("INTERVIEWER_CONFIG", str(tmp_path / "absent-config.toml"))
    folder = paths.user_banks_dir()
    folder.mkdir(parents=True)
    return folder


def test_banks_list_json_shows_shipped_banks_and_reports_broken_ones(own_banks, capsys):
    write(own_banks, "[[questions]]\nid = 1\n", "mine.toml")
    assert cli.main(["banks", "list", "--json"]) == 0
    out, err = capsys.readouterr()
    rows = json.loads(out)
    assert {r["id"]: r["questions"] for r in rows} == SHIPPED_COUNTS
    assert all(set(r) == {"id", "title", "questions", "path"} for r in rows)
    assert f"{own_banks / 'mine.toml'}:2:" in err


def test_banks_show_json(own_banks, capsys):
    assert cli.main(["banks", "show", "medical-ai-mock-interview", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["id"] == "medical-ai-mock-interview" and len(data["questions"]) == 26
    keys = {"id", "text", "hint", "category", "difficulty", "model_answer"}
    assert all(set(q) == keys for q in data["questions"])


def test_banks_check_exits_1_with_file_line_messages(own_banks, capsys):
    bad = write(own_banks, GOOD.replace('id = "b"', 'id = "a"'))
    assert cli.main(["banks", "check", str(bad)]) == 1
    assert f"{bad}:11: question 2: duplicate id 'a'" in capsys.readouterr().out
    assert cli.main(["banks", "check", str(paths.shipped_banks_dir())]) == 0
    assert cli.main(["banks", "check"]) == 1  # all banks: the broken own one counts


def test_a_bom_is_read_and_hidden_files_are_not_banks(tmp_path):
    (tmp_path / "bom.toml").write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    write(tmp_path, "not = [toml", ".bom.toml.swp.toml")
    banks, broken = discover_banks([tmp_path])
    assert [b.id for b in banks] == ["bom"] and broken == []
