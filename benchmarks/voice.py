"""How fast each interviewer voice speaks: load, synthesis, and seconds to the first audio.

    .venv/bin/python benchmarks/voice.py [--voices natural-calm,calm-us] [--runs 3] [--json]

Each run is a fresh process (so "cold" includes importing the engine and loading the voice),
playing on a private real-time PulseAudio speaker (tests/plugins/audio_env.py; an ALSA null
device when PulseAudio is missing). Per voice, the median over runs of:

    load_s        building the speaker (Piper: import, load the voice, one warm-up sentence)
    synth_s       synthesising a 40-word question whole (a WAV, nothing cached); synth_cpu_s: its CPU
                  seconds (all threads), which a shared machine's load does not inflate
    cold_s        load + `say()` of a new question: from nothing to the first audio
    warm_s        `say()` of a new question with the voice loaded (what the question screen does:
                  the app loads the voice in the background at start)
    cached_s      `say()` of a question said before (its WAV is cached)

"First audio" is the first block of sound handed to PortAudio; the device's own output latency
(PortAudio reports it; about 10-40 ms on a real sound card) comes after it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
QUESTIONS = (  # 40, 40 and 40 words: the length of a long interview question
    "Tell me about a time you had to deliver a project under a tight deadline. What did you prioritise, "
    "what did you leave out, and how did you explain those choices to the people who depended on you?",
    "Describe a disagreement you had with a colleague about the design of a system. How did you find out "
    "what they cared about, what did you change in your own view, and what would you do differently now?",
    "Walk me through a model you built that did worse in production than in testing. How did you notice, "
    "what turned out to be the cause, and what did you put in place so that it would not happen again?",
)
LISTEN_S = 3.0  # each `say()` is stopped this long after it is called: only the start is measured
DEFAULT_VOICES = ("natural-calm", "natural-brisk", "calm-us", "brisk-uk")


def child(voice: str, cache: Path) -> dict:
    """One run in this process: the figures of one voice, cold then warm then cached."""
    from interviewer.adapters.voice_choice import build_speaker

    called = time.perf_counter()
    speaker = build_speaker(voice, cache_dir=cache)
    load_s = time.perf_counter() - called
    cold = _say(speaker, QUESTIONS[0])
    started, cpu = time.perf_counter(), time.process_time()
    speaker.synthesize(QUESTIONS[1])
    synth_s, synth_cpu_s = time.perf_counter() - started, time.process_time() - cpu
    warm = _say(speaker, QUESTIONS[2])
    speaker.synthesize(QUESTIONS[0])
    cached = _say(speaker, QUESTIONS[0])
    return {"voice": voice, "label": speaker.label, "load_s": load_s, "synth_s": synth_s, "synth_cpu_s": synth_cpu_s,
            "cold_s": load_s + cold, "warm_s": warm, "cached_s": cached}  # fmt: skip


def _say(speaker, text: str) -> float:
    stop = threading.Event()
    threading.Timer(LISTEN_S, stop.set).start()
    called = time.perf_counter()
    first_audio_s = speaker.say(text, stop).first_audio_s(called)
    assert first_audio_s is not None, "no sound was handed to the speaker"
    return first_audio_s


def audio_env(folder: Path) -> tuple[dict, object]:
    """A real-time PulseAudio speaker (and the daemon, to stop), or an ALSA null speaker."""
    sys.path.insert(0, str(REPO))
    from tests.plugins.audio_env import ALSA_FAKE_CONFIG, base_env, start_pulse_audio

    try:
        pulse = start_pulse_audio(folder / "pulse")
        # an idle null sink delays a new stream's first callback by 1-2 s (AUDIO.md): keep it busy
        listen = ["parec", "--latency-msec=10", "-d", "spk.monitor"]
        pulse.speaker_keepalive = subprocess.Popen(listen, env=pulse.env, stdout=subprocess.DEVNULL)
        return pulse.env, pulse
    except (AssertionError, OSError, RuntimeError) as e:
        print(f"(no PulseAudio: {e}; playing to an ALSA null device, which is not real time)", file=sys.stderr)
        (folder / "asound.conf").write_text(ALSA_FAKE_CONFIG)
        return base_env(ALSA_CONFIG_PATH=str(folder / "asound.conf")), None


def run_child(env: dict, voice: str, cache: Path) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", voice, "--cache", str(cache)], env=env,
                          cwd=REPO, capture_output=True, text=True, timeout=300)  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"{voice}: {done.stderr[-1500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--voices", default=",".join(DEFAULT_VOICES))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.cache)))
        return
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        env, daemon = audio_env(Path(tmp))
        try:
            results = [summarise([run_child(env, voice, Path(tmp) / f"cache-{voice}-{run}")
                                  for run in range(args.runs)]) for voice in args.voices.split(",")]  # fmt: skip
        finally:
            if daemon:
                daemon.speaker_keepalive.terminate()
                daemon.stop()
    load = (load_before, os.getloadavg()[0])
    if args.json:
        print(json.dumps({"load_average": load, "voices": results}, indent=2))
        return
    print(f"{'voice':<24} {'load s':>7} {'synth s':>8} {'synth CPU-s':>12} {'cold s':>7} {'warm s':>7} {'cached s':>9}")
    for r in results:
        print(f"{r['label']:<24} {r['load_s']:>7.3f} {r['synth_s']:>8.3f} {r['synth_cpu_s']:>12.3f} "
              f"{r['cold_s']:>7.3f} {r['warm_s']:>7.3f} {r['cached_s']:>9.3f}")  # fmt: skip
    print(
        f"(median of {args.runs} fresh processes; 40-word questions; first audio = first block handed to "
        f"PortAudio; load average {load[0]:.1f} before, {load[1]:.1f} after, on {os.cpu_count()} cores)"
    )


def summarise(runs: list[dict]) -> dict:
    keys = ("load_s", "synth_s", "synth_cpu_s", "cold_s", "warm_s", "cached_s")
    summary = {key: statistics.median(run[key] for run in runs) for key in keys}
    summary.update(voice=runs[0]["voice"], label=runs[0]["label"], runs=runs)
    return summary


if __name__ == "__main__":
    main()
