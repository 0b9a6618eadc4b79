"""The domain core imports no UI, audio or ML library; the CLI's first steps import none either."""

import json
import subprocess
import sys

HEAVY = (
    "textual",
    "sounddevice",
    "pyttsx3",
    "whisper",
    "torch",
    "faster_whisper",
    "ctranslate2",
    "soundfile",
    "piper",
    "onnxruntime",
)


def _modules_after(statement: str) -> set[str]:
    code = f"import sys, json\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return {name.split(".")[0] for name in json.loads(out.strip().splitlines()[-1])}


def test_domain_imports_no_ui_audio_or_ml_library():
    statement = "import interviewer.domain, pkgutil, importlib\n" + (
        "for m in pkgutil.walk_packages(interviewer.domain.__path__, 'interviewer.domain.'):\n"
        "    importlib.import_module(m.name)"
    )
    loaded = _modules_after(statement)
    assert not loaded & set(HEAVY), f"the domain pulled in {sorted(loaded & set(HEAVY))}"


def test_cli_parser_imports_no_ml_library():
    loaded = _modules_after("from interviewer.cli import build_parser; build_parser()")
    heavy = {"torch", "whisper", "faster_whisper", "ctranslate2", "textual", "sounddevice", "piper", "onnxruntime"}
    assert not loaded & heavy
