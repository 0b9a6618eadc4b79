"""Random and truncated documents and bank files: nothing crashes, every error names file:line."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interviewer import paths
from interviewer.domain.bank import load_bank
from interviewer.domain.bank_file import bank_to_toml
from interviewer.domain.importers import import_document
from interviewer.errors import BankError

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEED_TEXTS = [p.read_bytes() for p in sorted(SEEDS.glob("0*.txt"))]
SHIPPED_TEXTS = [p.read_bytes() for p in sorted(paths.shipped_banks_dir().glob("*.toml"))]
WHERE = re.compile(r"^.+:\d+: \S")
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
MARKDOWNISH = st.text(
    alphabet=st.sampled_from(list("#*Q:?.\n -1234567890abc<>`\"'[]=ΓðŸ‚Ä•")) | st.characters(), max_size=400
)


def _import_or_bank_error(path: Path) -> None:
    """Importing either fails with a BankError naming file:line, or gives a bank that passes the check."""
    try:
        bank, _ = import_document(path, "fuzz")
    except BankError as e:
        assert all(WHERE.match(p) for p in e.problems), e.problems
        return
    out = path.with_suffix(".toml")
    out.write_text(bank_to_toml(bank), encoding="utf-8")
    assert load_bank(out).questions == bank.questions


@FUZZ
@given(seed=st.sampled_from(SEED_TEXTS), cut=st.floats(0, 1))
def test_truncated_seed_documents_import_cleanly(tmp_path, seed, cut):
    path = tmp_path / "doc.txt"
    path.write_bytes(seed[: int(len(seed) * cut)])
    _import_or_bank_error(path)


@FUZZ
@given(text=MARKDOWNISH)
def test_random_documents_import_cleanly(tmp_path, text):
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    _import_or_bank_error(path)


@FUZZ
@given(blob=st.binary(max_size=300))
def test_random_bytes_import_cleanly(tmp_path, blob):
    path = tmp_path / "doc.txt"
    path.write_bytes(blob)
    _import_or_bank_error(path)


def _load_or_bank_error(path: Path) -> None:
    try:
        load_bank(path)
    except BankError as e:
        assert e.problems and all(WHERE.match(p) and p.startswith(str(path)) for p in e.problems), e.problems


@FUZZ
@given(bank=st.sampled_from(SHIPPED_TEXTS), cut=st.floats(0, 1))
def test_truncated_bank_files_fail_with_file_line(tmp_path, bank, cut):
    path = tmp_path / "bank.toml"
    path.write_bytes(bank[: int(len(bank) * cut)])
    _load_or_bank_error(path)


@FUZZ
@given(
    lines=st.lists(
        st.sampled_from(
            [
                "[[questions]]",
                'id = "a"',
                "id = 3",
                'text = "Why?"',
                'text = ""',
                'hint = "h"',
                "hint = '''\nx'''",
                "target_s = [1, 2]",
                "target_s = [9, 2]",
                'title = "T"',
                'oops = "x"',
                'written = ["text"]',
                'missing = ["nope"]',
                "[table]",
                "= broken",
            ]
        ),
        max_size=14,
    )
)
def test_random_bank_files_fail_with_file_line(tmp_path, lines):
    path = tmp_path / "bank.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    _load_or_bank_error(path)


@FUZZ
@given(blob=st.binary(max_size=200))
def test_random_bytes_as_a_bank_fail_with_file_line(tmp_path, blob):
    path = tmp_path / "bank.toml"
    path.write_bytes(blob)
    _load_or_bank_error(path)
