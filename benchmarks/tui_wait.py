"""How long a person waits in the terminal: from the stop key to the feedback on the screen.

    .venv/bin/python benchmarks/tui_wait.py [--runs 3] [--voice en-us] [--repeat 1] [--json]

`interviewer bench` times `finish()` (stop -> analysis saved); a person also waits for the recorder to
stop and for the feedback screen to be built and painted. This runs the installed app in tmux
(tests/e2e/tmux.py) on a private PulseAudio microphone (tests/plugins/audio_env.py), answers one
question with a spoken answer of about 30 s that ends 1.0 s before the key (as in the bench), and
times from sending the key to "Try again" on the screen, polled every 20 ms (one `capture-pane` takes
about 10 ms, so a figure may be up to ~30 ms late). A fresh app per run. `--repeat N` says the answer
N times over (5: about 2.5 minutes, an answer inside the target).

Each run also says where the wait went, from the app's own marks (`interviewer/ui/wait_trace.py`, one
clock with the key's): the key reaching the app, the recorder stopping, `finish()` (the draft's last
piece and the analysis), the feedback screen built and mounted, its first paint, and the terminal and
tmux until the text is read back.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from interviewer.evaluation.clip import answer  # noqa: E402
from interviewer.evaluation.synth import synthesize  # noqa: E402
from tests.e2e.tmux import INTERVIEWER, TmuxApp, open_question  # noqa: E402
from tests.plugins.audio_env import start_pulse_audio, write_wav16  # noqa: E402

BANK = """\
title = "Wait"
description = "One question for the wait benchmark"
source = "benchmarks"

[[questions]]
id = "shift"
text = "How do you make a radiology model generalize across hospitals and scanners?"
hint = "Cover scanner differences, multi-site training, federated learning and external validation."
"""
SCRIPT = (
    "Models usually break when the scanner changes, {um} because two vendors produce different contrast.",
    "{So} I train on data from several hospitals at once, with at least five sites in the mix.",
    "I also use heavy augmentation and intensity normalisation so the model stops relying on one look.",
    "{You know}, the real proof is testing on a hospital the model has never seen.",
    "We kept one site completely out of training for exactly that reason.",
)
POLL_S = 0.02


STEPS = ("stop key", "recorder stopped", "analysed", "feedback mounted", "feedback painted", "screen read")


def one_wait(wav: Path, env: dict, data: Path, recordings: Path) -> dict:
    """Seconds from the key to each step of the wait, the last the feedback read back from tmux, and
    `finish()`'s own steps ("finish")."""
    trace = recordings.with_suffix(".trace")
    app = TmuxApp([str(INTERVIEWER), "--bank", "wait", "--recordings-dir", str(recordings)],
                  env | {"INTERVIEWER_DATA_DIR": str(data), "INTERVIEWER_TRACE": str(trace)})  # fmt: skip
    try:
        open_question(app, ("Listen to the question", "Answer now"))
        app.wait_for("Answer now", timeout=90)
        subprocess.run(["paplay", "-d", "micfeed", str(wav)], env=env, check=True)
        t0 = time.monotonic()
        subprocess.run([*app.tmux, "send-keys", "-t", app.name, "Space"], check=True)
        while "Try again" not in app.screen():
            if time.monotonic() - t0 > 60:
                raise TimeoutError("no feedback screen after 60 s")
            time.sleep(POLL_S)
        read = time.monotonic()
        app.wait_until_gone("Hearing your answer again", timeout=120)
    finally:
        app.close()
    marks, details = {"screen read": read}, {}
    for line in trace.read_text().splitlines():
        at, step_and_detail = line.split(" ", 1)
        step, _, detail = step_and_detail.partition("\t")
        marks.setdefault(step, float(at))  # the first: the refined feedback paints again later
        details.setdefault(step, detail)
    steps = {step: round(marks[step] - t0, 3) for step in STEPS if step in marks}
    return steps | {"finish": json.loads(details.get("analysed") or "{}")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--voice", default="en-us", help="an espeak-ng voice, or piper-joe")
    parser.add_argument("--repeat", type=int, default=1, help="say the answer this many times over")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tui-wait-") as tmp:
        folder = Path(tmp)
        pace = 1.0 if args.voice == "piper-joe" else 160
        audio, truth = synthesize(answer("tui-wait", "x/y", "q", "h", args.voice, pace, SCRIPT * args.repeat))
        wav = write_wav16(folder / "answer.wav", audio)
        (folder / "data" / "banks").mkdir(parents=True)
        (folder / "data" / "banks" / "wait.toml").write_text(BANK)
        pulse = start_pulse_audio(folder / "pulse")
        try:
            env = dict(pulse.env) | {"INTERVIEWER_CONFIG": str(folder / "no-config.toml")}
            waits = [one_wait(wav, env, folder / "data", folder / f"rec{k}") for k in range(args.runs)]
        finally:
            pulse.stop()
    figures = {
        "answer_s": round(truth.recording_s, 1),
        "voice": args.voice,
        "key_to_screen_s": [w["screen read"] for w in waits],
        "median_analysed_s": round(statistics.median(w.get("analysed", 0.0) for w in waits), 3),
        "median_s": round(statistics.median(w["screen read"] for w in waits), 3),
        "steps_s": waits,
    }
    print(json.dumps(figures) if args.json else f"key to feedback screen: {figures}")


if __name__ == "__main__":
    main()
