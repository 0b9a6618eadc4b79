"""Start-up: the home screen is whole from its first frame, nothing heavy is imported for it,
and answers left unfinished by a crash are still recovered once it is up."""

import json
import os
import subprocess
import sys

import soundfile as sf
from textual.widgets import DataTable, OptionList, Static

from interviewer.config import Config
from interviewer.domain.storage import SessionStore
from interviewer.fakes import FakeRecorder, FakeSpeaker, FakeTranscriber
from interviewer.services import Services
from interviewer.ui.app import InterviewApp
from tests.ui.test_question_flow import ANSWER, BANK, voiced, wait_for

HEAVY = (
    "numpy",
    "sounddevice",
    "soundfile",
    "pyttsx3",
    "torch",
    "whisper",
    "faster_whisper",
    "ctranslate2",
    "piper",
    "onnxruntime",
)


def _app(tmp_path, **config) -> InterviewApp:
    banks = tmp_path / "banks"
    banks.mkdir(exist_ok=True)
    (banks / "a.toml").write_text(BANK)
    (banks / "b.toml").write_text("title = 3\n")  # broken: listed, never in the way
    (banks / "c.toml").write_text(BANK.replace("Test bank", "Second bank"))
    services = Services(
        make_speaker=lambda: FakeSpeaker(tmp_path),
        make_recorder=lambda: FakeRecorder(voiced(1.0)),
        make_transcriber=lambda: FakeTranscriber(ANSWER),
    )
    store = SessionStore(tmp_path / "recordings")
    return InterviewApp(Config(recordings_dir=store.root, **config), services, store, [banks])


def _shown(screen) -> tuple[str, int, str]:
    title = str(screen.query_one("#bank-title", Static).render())
    detail = str(screen.query_one("#question-detail", Static).render())
    return title, screen.query_one("#questions", DataTable).row_count, detail


async def test_the_chosen_bank_and_its_questions_are_there_once_mounted(tmp_path):
    app = _app(tmp_path, bank="c")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert type(screen).__name__ == "HomeScreen"
        title, rows, detail = _shown(screen)
        assert title.startswith("Second bank") and rows == 2 and "polygenic risk score" in detail
        assert screen.query_one("#banks", OptionList).highlighted == 1
        await pilot.press("up")
        await wait_for(pilot, lambda: _shown(screen)[0].startswith("Test bank"))
        await pilot.press("down", "down")  # past "Second bank" to the broken one
        await wait_for(pilot, lambda: "cannot be loaded" in _shown(screen)[0])
        assert _shown(screen)[1] == 0 and "'title' must be a string" in _shown(screen)[2]
        await pilot.press("up")
        await wait_for(pilot, lambda: _shown(screen)[0].startswith("Second bank"))
        assert _shown(screen)[1] == 2


async def test_brackets_in_a_bank_are_shown_as_written_not_read_as_markup(tmp_path):
    app = _app(tmp_path, bank="c")
    bracketed = BANK.replace("Test bank", "[b]Second[/b] bank").replace(
        "Why does OMOP matter?", "Why does [red]OMOP[/red] matter?"
    )
    (tmp_path / "banks" / "c.toml").write_text(bracketed)
    async with app.run_test(size=(120, 40)):
        screen = app.screen
        assert _shown(screen)[0].startswith("[b]Second[/b] bank")
        cell = screen.query_one("#questions", DataTable).get_row_at(1)[2]
        assert str(cell) == "Why does [red]OMOP[/red] matter?"


async def test_an_answer_left_unfinished_is_recovered_after_start(tmp_path):
    app = _app(tmp_path)
    store = app.store
    session = store.new_session("a", "Test bank")
    answer = store.start_answer(session, "prs", "What is a polygenic risk score?", "hint", (120, 180))
    sf.write(store.wav_path(session, answer), voiced(8.0), 16000, subtype="PCM_16")
    assert len(store.unfinished()) == 1
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: not store.unfinished())
    analysis = store.latest_analysis(session, store.load(session.id).answers[0])
    assert analysis and analysis["words"] > 20


def test_the_home_screen_imports_no_engine_device_or_numpy(tmp_path):
    code = f"""
import asyncio, json, sys
from interviewer.config import Config
from interviewer.ui.app import build_app

async def main():
    app = build_app(Config(recordings_dir={str(tmp_path / "recordings")!r}))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        assert type(app.screen).__name__ == "HomeScreen" and app.screen.banks
        print(json.dumps(sorted(sys.modules)))

asyncio.run(main())
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    loaded = {name.split(".")[0] for name in json.loads(out.strip().splitlines()[-1])}
    assert not loaded & set(HEAVY), f"the first screen pulled in {sorted(loaded & set(HEAVY))}"


async def test_the_voice_and_the_model_load_in_the_background_once_the_home_screen_is_up(tmp_path):
    app = _app(tmp_path)
    built = []
    make_speaker = app.services.make_speaker
    app.services.make_speaker = lambda: built.append(make_speaker()) or built[-1]
    async with app.run_test(size=(120, 40)) as pilot:
        assert type(app.screen).__name__ == "HomeScreen" and not built and app.model.status == "not loaded"
        await wait_for(pilot, lambda: built and app.model.ready, timeout=10)
        assert app.speaker() is built[0] and len(built) == 1  # the question screen gets the preloaded one


def test_the_real_natural_voice_is_preloaded_after_the_first_screen(tmp_path):
    code = f"""
import asyncio, json, sys
from interviewer.config import Config
from interviewer.ui.app import build_app

async def main():
    app = build_app(Config(recordings_dir={str(tmp_path / "recordings")!r}))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        first = "piper" in sys.modules or "onnxruntime" in sys.modules
        for _ in range(300):
            if app.speaker_error or app.voice_in_use():
                break
            await pilot.pause(0.05)
        print(json.dumps({{"first": first, "label": app.speaker().label, "piper": "piper" in sys.modules}}))

asyncio.run(main())
"""
    env = {**os.environ, "INTERVIEWER_CACHE_DIR": str(tmp_path / "cache"), "INTERVIEWER_CONFIG": str(tmp_path / "x")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    seen = json.loads(out.strip().splitlines()[-1])
    assert seen == {"first": False, "label": "Natural calm (Piper)", "piper": True}


async def test_quitting_while_the_voice_loads_waits_for_it_and_starts_no_model(tmp_path):
    """A native library torn down mid-load aborted the process at exit ("terminate called without
    an active exception", exit 134): at exit the app waits for the loads under way and starts none."""
    import threading

    loading, release, models = threading.Event(), threading.Event(), []

    def slow_speaker():
        loading.set()
        release.wait(10)
        return FakeSpeaker(tmp_path)

    app = _app(tmp_path)
    app.services.make_speaker = slow_speaker
    app.model._factory = lambda: models.append(1) or FakeTranscriber(ANSWER)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, loading.is_set)
    threading.Timer(0.3, release.set).start()
    app.settle_background_loads(timeout_s=10)
    assert release.is_set() and app._preload_idle.is_set()  # waited for the voice's load
    assert models == []  # and started no model after the quit
