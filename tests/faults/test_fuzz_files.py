"""Property-based fuzzing of config and session files (bank files: tests/test_bank_fuzz.py).

Whatever is in the file, nothing crashes, and every error names the file (config errors also
the line). Session files are what a torn write or a hand edit leaves: truncated, wrong types,
random bytes; the history must still load, with the broken session listed apart.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interviewer.config import Config, load_config
from interviewer.domain.storage import SESSION_FILE, SessionStore
from interviewer.errors import ConfigError

FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
KEYS = [
    "engine",
    "model",
    "voice",
    "bank",
    "target_s",
    "pause_threshold_s",
    "recordings_dir",
    "input_device",
    "output_device",
    "live_hints",
    "colour",
]
SCALARS = (
    st.text(max_size=12)
    | st.integers(-5, 5000)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.booleans()
    | st.sampled_from(["faster-whisper", "openai-whisper", "tiny.en", "calm-us"])
)
VALUES = SCALARS | st.lists(SCALARS, max_size=3) | st.dictionaries(st.sampled_from(["a", "b"]), SCALARS, max_size=2)
VALID_CONFIG = (
    'engine = "faster-whisper"\nmodel = "tiny.en"\nvoice = "calm-us"\ntarget_s = [120, 180]\n'
    'pause_threshold_s = 2.0\nrecordings_dir = "rec"\nlive_hints = false\n'
)


def config_outcome(path: Path) -> None:
    """load_config either gives a Config or a ConfigError naming `path` (and a line for readable text)."""
    try:
        config = load_config(path)
    except ConfigError as e:
        text = str(e)
        assert text.startswith(f"{path}:"), text
        readable = True
        try:
            path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            readable = False
        if readable:
            assert re.match(rf"{re.escape(str(path))}:\d+: ", text), text
        assert e.fix, text
        return
    assert isinstance(config, Config) and config.source == path


@FUZZ
@given(table=st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=5))
def test_random_config_values_load_or_name_file_and_line(tmp_path, table):
    path = tmp_path / "config.toml"
    path.write_text(tomli_w.dumps(table), encoding="utf-8")
    config_outcome(path)


@FUZZ
@given(cut=st.integers(0, len(VALID_CONFIG)), junk=st.text(max_size=20), at=st.integers(0, len(VALID_CONFIG)))
def test_truncated_or_spliced_config_loads_or_names_file_and_line(tmp_path, cut, junk, at):
    path = tmp_path / "config.toml"
    text = VALID_CONFIG[:cut]
    path.write_text(text[:at] + junk + text[at:], encoding="utf-8", errors="surrogatepass")
    config_outcome(path)


@FUZZ
@given(blob=st.binary(max_size=200))
def test_random_bytes_as_config_name_the_file(tmp_path, blob):
    path = tmp_path / "config.toml"
    path.write_bytes(blob)
    config_outcome(path)


def a_session(tmp_path: Path) -> tuple[Path, Path]:
    """A fresh recordings root (hypothesis reuses tmp_path) with one session: (root, its session.json)."""
    root = Path(tempfile.mkdtemp(dir=tmp_path)) / "rec"
    store = SessionStore(root)
    session = store.new_session("faults", "Fault drill", voice="calm-us", engine="faster-whisper", model="tiny.en")
    store.start_answer(session, "intro", "Tell me about yourself.", "Background.", (120, 180))
    return root, store.folder(session) / SESSION_FILE


def sessions_outcome(root: Path, session_file: Path) -> None:
    """The store lists every session: the fuzzed one loads, or is listed broken naming its file."""
    store = SessionStore(root)
    good, broken = store.sessions()
    assert len(good) + len(broken) == 1
    for item in broken:
        assert str(session_file) in item.problem, f"the problem does not name the file: {item.problem!r}"
    for session in good:
        for answer in session.answers:
            assert isinstance(answer.status, str) and isinstance(answer.number, int), answer
        store.unfinished()


ANSWER_FIELDS = [
    "number",
    "question_id",
    "question_text",
    "hint",
    "target_s",
    "started_at",
    "status",
    "recording_s",
    "error",
    "interrupted",
    "surprise",
]
JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


@FUZZ
@given(cut=st.floats(0, 1))
def test_torn_session_file_never_breaks_the_history(tmp_path, cut):
    root, session_file = a_session(tmp_path)
    data = session_file.read_bytes()
    session_file.write_bytes(data[: int(len(data) * cut)])
    sessions_outcome(root, session_file)


@FUZZ
@given(field=st.sampled_from(ANSWER_FIELDS), value=JSONISH, top=st.sampled_from(["answers", "id", "bank_id", None]))
def test_wrong_types_in_a_session_file_never_break_the_history(tmp_path, field, value, top):
    root, session_file = a_session(tmp_path)
    data = json.loads(session_file.read_text())
    if top is None:
        data["answers"][0][field] = value
    else:
        data[top] = value
    session_file.write_text(json.dumps(data))
    sessions_outcome(root, session_file)


@FUZZ
@given(document=JSONISH)
def test_any_json_as_a_session_file_never_breaks_the_history(tmp_path, document):
    root, session_file = a_session(tmp_path)
    session_file.write_text(json.dumps(document))
    sessions_outcome(root, session_file)


@FUZZ
@given(blob=st.binary(max_size=200))
def test_random_bytes_as_a_session_file_never_break_the_history(tmp_path, blob):
    root, session_file = a_session(tmp_path)
    session_file.write_bytes(blob)
    sessions_outcome(root, session_file)
