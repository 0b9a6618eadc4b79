"""Importers, run on the real seed documents in ../shared/seeds/ (CI has them there)."""

from __future__ import annotations

import re
from dataclasses import fields
from functools import cache
from pathlib import Path

import pytest

from interviewer import cli, paths
from interviewer.domain.bank import load_bank
from interviewer.domain.importers import detect_shape, import_document, keep_written, read_document
from interviewer.domain.importers.text import shorten, strip_markdown

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEED = {
    "000": ("000_431aa75f5921a529.txt", "hint-list", "precision-medicine", 50),
    "001": ("001_737030ae24b21403.txt", "hint-list", "radiology-ai", 50),
    "002": ("002_2606747e2ceb2ca4.txt", "qa-guide", "medical-ai-mock-interview", 26),
    "003": ("003_dbc0bb4616eef885.txt", "details-notes", "data-science-notes", 30),
    "004": ("004_2e81cf07c1a4fdd4.txt", "numbered-page", "ai-interview-questions", 40),
}
MOJIBAKE = re.compile(r"Γ|â|ðŸ|‚Ä|Ã|Â|Ô£|\uf8ff|ú[ÖÑ]")


@cache
def imported(key: str):
    name, _, bank_id, _ = SEED[key]
    return import_document(SEEDS / name, bank_id)


@pytest.mark.parametrize("key", SEED)
def test_each_seed_is_detected_and_yields_every_question(key):
    name, shape, _, count = SEED[key]
    assert detect_shape(read_document(SEEDS / name)) == shape
    bank, _ = imported(key)
    assert len(bank.questions) == count
    assert len({q.id for q in bank.questions}) == count
    assert bank.source == name and bank.importer_version.startswith(shape)


@pytest.mark.parametrize("key", SEED)
def test_no_mojibake_and_no_empty_hint(key):
    bank, _ = imported(key)
    for q in bank.questions:
        for value in (q.text, q.hint, q.model_answer, q.category):
            assert not MOJIBAKE.search(value), (q.id, MOJIBAKE.search(value).group(), value[:120])
        assert q.hint.strip(), q.id
        assert not re.search(r"[*#`]|^Q\d*:", q.text), (q.id, q.text)


def test_hint_lists_keep_each_hint_verbatim_repaired_under_its_section():
    bank, _ = imported("000")
    raw = read_document(SEEDS / SEED["000"][0]).splitlines()
    assert bank.questions[0].hint == raw[4].removeprefix("5 questions")
    assert "seriousness of condition × significance" in bank.questions[8].hint  # was Γ
    assert "stability prediction (ΔΔG)" in bank.questions[24].hint  # was ΞΞG
    sections = [q.category for q in bank.questions]
    assert [sections.count(s) for s in dict.fromkeys(sections)] == [5, 10, 10, 10, 10, 5]
    assert bank.questions[0].difficulty == "beginner" and bank.questions[-1].category == "Behavioral"
    assert all(q.missing == ("text",) and q.text.startswith("Tell me about ") for q in bank.questions)


def test_qa_guide_questions_answers_and_exhibits():
    bank, parsed = imported("002")
    q1, q21 = bank.questions[0], bank.questions[20]
    assert q1.text == "Tell me about your Medical AI Classification project."
    assert q1.model_answer.startswith("I built a production-grade") and not q1.model_answer.endswith('"')
    assert "99.9% accuracy" in q1.model_answer and "PubMed" in q1.hint
    assert q21.exhibit.startswith("```python") and "def predict" in q21.exhibit
    assert "def predict(text: str)" not in q21.model_answer.split("**1.")[0]
    assert {q.category for q in bank.questions} >= {"Project Overview Questions", "Salary & Compensation Discussion"}
    assert any("Final Success Tips" in note for note in parsed.notes)
    assert not any("Tip" in q.category for q in bank.questions)


def _code_comment_lines(text: str) -> set[str]:
    """Every `#` line that sits inside a fenced code block (fences may be indented)."""
    comments, in_code = set(), False
    for line in text.splitlines():
        if line.strip().startswith("```"):
            in_code = not in_code
        elif in_code and line.lstrip().startswith("#"):
            comments.add(line.lstrip("# ").strip())
    return comments


def test_003_counts_every_question():
    """30 questions, counted by hand from the document:

    5 numbered under '# Questions'; 1 each under the topics Chatbot caching, FastAPI in production,
    testing Streamlit apps, RecSys, A/B Testing (the full question opens its text), NLP clinical
    text classification, SQL, AWS, latency, fine-tuning BERT, long documents, and how BERT was
    trained (its heading restated in full under 'BERT Training Methodology', counted once); 4
    '**Interviewer**:' questions under TF-IDF; 1 each under projects of interest and medical NLP;
    2 '## Interview Question:' under the t-test topic; 1 each for t-test conditions, parallel
    computing, multiprocessing vs multithreading, sharing a variable; and the 'Last Question'
    (code whose output is asked). 5 + 12 + 4 + 2 + 2 + 4 + 1 = 30. Not questions: the table of
    contents, '# Introduction' (who the interviewers were), '# BERT Training Methodology' (an
    answer), and every '#' line inside fenced code (Python comments).
    """
    bank, parsed = imported("003")
    assert len(bank.questions) == 30
    texts = [q.text for q in bank.questions]
    assert texts[9].startswith("You said you did A/B testing")
    assert texts[5].startswith("One of the things you did to improve the latency was cache")
    assert sum(t.startswith("Do you know how BERT was trained") for t in texts) == 1
    assert [q.category for q in bank.questions].count("TF-IDF") == 4
    assert any("Introduction" in note for note in parsed.notes)


def test_003_code_comments_are_never_questions():
    text = read_document(SEEDS / SEED["003"][0])
    comments = _code_comment_lines(text)
    assert {
        "Sample data - in a real project, this would be loaded from a file",
        "Multiple processes can access",
    } <= comments
    bank, _ = imported("003")
    for q in bank.questions:
        assert not any(comment and q.text.startswith(comment[:30]) for comment in comments), q.text
        assert q.category not in comments


CHROME_004 = (
    "No strings attached",
    "Try your first call for free",
    "Nightfall illustration",
    "User Check",
    "Find your perfect mentor match",
    "Start matching",
    "Get Interview Coaching",
    "Find AI Interview Coaches",
    "Find mentors at",
    "Study Mode",
)


def test_004_page_chrome_never_leaks_into_answers():
    bank, parsed = imported("004")
    for q in bank.questions:
        for chrome in CHROME_004:
            assert chrome not in q.model_answer and chrome not in q.hint, (q.id, chrome)
        assert "mentor" not in q.model_answer.lower(), q.id
    assert bank.questions[2].model_answer.endswith("Strong AI = general, human-level intelligence across domains")
    assert bank.questions[7].model_answer.endswith(
        "comfortable taking them from experimentation through evaluation and deployment prep."
    )
    assert bank.questions[39].model_answer.endswith("In AI, discipline matters more than momentum.")
    assert bank.title == "AI Interview Questions"
    assert len([n for n in parsed.notes if "chrome" in n]) == 3


@pytest.mark.parametrize("key", SEED)
def test_reimport_reproduces_the_shipped_bank_bar_hand_written_fields(key):
    name, _, bank_id, _ = SEED[key]
    shipped = load_bank(paths.shipped_banks_dir() / f"{bank_id}.toml")
    fresh, _ = imported(key)
    assert [q.id for q in fresh.questions] == [q.id for q in shipped.questions]
    compared = [f.name for f in fields(shipped.questions[0]) if f.name not in ("missing", "written")]
    for new, old in zip(fresh.questions, shipped.questions, strict=True):
        assert set(new.missing) <= set(old.written), (old.id, new.missing, old.written)
        for name in compared:
            if name not in old.written:
                assert getattr(new, name) == getattr(old, name), (old.id, name)
    merged, kept = keep_written(fresh, shipped)
    assert merged.questions == shipped.questions
    assert kept == sum(1 for q in shipped.questions if q.written)


@pytest.mark.parametrize("key", SEED)
def test_import_command_onto_the_shipped_bank_writes_it_byte_for_byte(key, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("INTERVIEWER_CONFIG", str(tmp_path / "absent.toml"))
    name, _, bank_id, _ = SEED[key]
    shipped = paths.shipped_banks_dir() / f"{bank_id}.toml"
    copy = tmp_path / shipped.name
    copy.write_bytes(shipped.read_bytes())
    assert cli.main(["import", str(SEEDS / name), "-o", str(copy)]) == 0
    assert copy.read_bytes() == shipped.read_bytes()


def test_import_command_writes_a_new_bank_into_the_persons_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("INTERVIEWER_CONFIG", str(tmp_path / "absent.toml"))
    assert cli.main(["import", str(SEEDS / SEED["000"][0]), "--title", "My Prep"]) == 0
    written = paths.user_banks_dir() / "my-prep.toml"
    bank = load_bank(written)
    assert bank.title == "My Prep" and len(bank.questions) == 50
    assert "50 questions have a stand-in" in capsys.readouterr().out


def test_an_unknown_document_shape_is_a_clear_error(tmp_path, capsys):
    doc = tmp_path / "notes.txt"
    doc.write_text("just some prose\nwith no questions in it\n", encoding="utf-8")
    assert cli.main(["import", str(doc), "-o", "-"]) == 2
    assert f"{doc}:1: not a document shape" in capsys.readouterr().err


def test_a_comparison_is_prose_not_an_html_tag():
    text = "With n < 50 per group, I use Shapiro-Wilk. For larger samples (n > 50), the <b>CLT</b> holds."
    assert (
        strip_markdown(text) == "With n < 50 per group, I use Shapiro-Wilk. For larger samples (n > 50), the CLT holds."
    )


def test_a_shortened_point_closes_what_it_cut_and_keeps_quotes_of_its_own():
    assert shorten("For skewed clinical data (e.g., hospital stay, length of stay, costs)", 50) == (
        "For skewed clinical data (e.g., hospital stay)"
    )
    assert shorten('"Patient" (appears in 90% of documents)') == '"Patient" (appears in 90% of documents)'
    assert shorten('"Each observation must be independent."') == "Each observation must be independent"
    assert shorten("Words like “Dizzy after meds” are side effects") == "Words like “Dizzy after meds” are side effects"
