"""`interviewer transcribe` in a subprocess, as a person or a script runs it."""

import json
import subprocess
import sys

import pytest

from interviewer.adapters.speechgen import Utterance, espeak_wav
from interviewer.domain.wer import word_error_rate

SPOKEN = "Thank you for the question. I would start by listening to the customer."
WER_LIMIT = 0.30  # this sentence measured 0.0 with tiny.en; see tests/test_engines.py for the margin


def interviewer(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "interviewer", "--engine", "faster-whisper", "--model", "tiny.en", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def spoken_wav(tmp_path_factory):
    return espeak_wav(Utterance(SPOKEN), tmp_path_factory.mktemp("cli") / "answer.wav")


@pytest.mark.slow
def test_json_output_has_exactly_the_documented_fields(spoken_wav):
    done = interviewer("transcribe", str(spoken_wav), "--json")

    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {"text", "language", "duration_s", "words"}
    assert word_error_rate(SPOKEN, data["text"]) <= WER_LIMIT, data["text"]
    assert data["language"] == "en"
    assert 3.0 < data["duration_s"] < 8.0
    required, optional = {"word", "start", "end", "probability"}, {"hesitation_before"}
    assert all(required <= set(w) <= required | optional for w in data["words"])
    starts = [w["start"] for w in data["words"]]
    assert starts == sorted(starts) and 0 <= starts[0] and data["words"][-1]["end"] <= data["duration_s"]


@pytest.mark.slow
def test_human_output_is_the_text_then_the_duration(spoken_wav):
    done = interviewer("transcribe", str(spoken_wav), "--beam-size", "1", "--prompt", "Well, um.")

    assert done.returncode == 0, done.stderr
    text, duration = done.stdout.strip().splitlines()
    assert word_error_rate(SPOKEN, text) <= WER_LIMIT, text
    assert duration.startswith("[") and " s of audio, faster-whisper tiny.en]" in duration


def test_a_missing_file_is_one_line_and_exit_2(tmp_path):
    done = interviewer("transcribe", str(tmp_path / "nothing.wav"))
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"interviewer: {tmp_path / 'nothing.wav'}: no such audio file"]


def test_an_undecodable_file_is_one_line_and_exit_2(tmp_path):
    bogus = tmp_path / "notes.wav"
    bogus.write_text("this is not audio\n")
    done = interviewer("transcribe", str(bogus))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot decode" in lines[0] and str(bogus) in lines[0]
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_engine_and_model_may_follow_the_command_as_whisper_puts_them_after_the_file(spoken_wav):
    done = subprocess.run(
        [sys.executable, "-m", "interviewer", "transcribe", str(spoken_wav), "--model", "base"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1].endswith(" s of audio, faster-whisper base]")


@pytest.mark.parametrize("command", ["transcribe A.wav", "score A.wav --hint H", "sessions finish", "eval", "bench"])
def test_every_command_that_transcribes_takes_engine_and_model_before_or_after_it(command):
    from interviewer.cli import parse_args, resolve_config

    words = command.split()
    after = parse_args([*words, "--engine", "openai-whisper", "--model", "base"])
    before = parse_args(["--engine", "openai-whisper", "--model", "base", *words])
    plain = parse_args(["--model", "base", *words])
    assert (after.engine, after.model) == (before.engine, before.model) == ("openai-whisper", "base")
    assert (plain.engine, plain.model) == (None, "base"), "an option not given after the command keeps the global one"
    assert resolve_config(before).model == "base"
