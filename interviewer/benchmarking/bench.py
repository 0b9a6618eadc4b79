"""`interviewer bench`: stream one generated answer in real time through every engine x model.

Each measurement runs in its own process, so its peak memory is its own. Figures are
measured on this machine, in this run; the targets are those of the project's issue 6.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from interviewer.benchmarking.answer import spoken_answer
from interviewer.benchmarking.first_screen import probe_first_screen
from interviewer.benchmarking.streaming_run import write_answer

BATCH_ENGINE, BATCH_MODEL = "openai-whisper", "base"  # the plain after-the-fact script
FULL_S, QUICK_S = 180.0, 30.0
TARGETS = {
    "stop_to_feedback_s": 1.5,
    "speedup_vs_batch": 60.0,
    "compute_ratio": 0.4,
    "first_screen_s": 0.5,
    "peak_rss_mb": 800.0,
    "wer_points_above_whole_file": 2.0,
}


@dataclass(frozen=True)
class BenchOptions:
    engines: tuple[str, ...]
    models: tuple[str, ...]
    seconds: float
    default_engine: str
    default_model: str


def run_bench(options: BenchOptions, say: Callable[[str], None]) -> dict:
    """Every figure of the benchmark, as a JSON-ready dict."""
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="interviewer-bench-") as tmp:
        folder = Path(tmp)
        say(f"making a {options.seconds:.0f} s spoken answer with espeak-ng")
        answer = spoken_answer(options.seconds)
        write_answer(answer, folder)
        say("measuring the first screen")
        screen = first_screen(folder)
        runs = []
        for engine in options.engines:
            for model in options.models:
                say(f"streaming with {engine} {model} in real time ({answer.seconds:.0f} s)")
                runs.append(run_child("stream", engine, model, folder))
                say(f"  {json.dumps(runs[-1])}")
        say(f"{BATCH_ENGINE} {BATCH_MODEL} on the whole file, after the fact")
        batch = run_child("batch", BATCH_ENGINE, BATCH_MODEL, folder)
        say(f"  {json.dumps(batch)}")
    for run in runs:
        if "stop_to_feedback_s" in run and "batch_s" in batch:
            stop_s = max(run["stop_to_feedback_s"], 1e-3)
            run["speedup_vs_batch"] = round(batch["batch_s"] / stop_s, 1)
            run["speedup_vs_batch_cli"] = round(batch["batch_cli_s"] / stop_s, 1)
    result = {
        "machine": {"nproc": os.cpu_count(), "loadavg_before": load_before, "loadavg_after": os.getloadavg()},
        "answer_s": round(answer.seconds, 2),
        "answer_words": len(answer.text.split()),
        "first_screen": screen,
        "batch": batch,
        "runs": runs,
    }
    result["targets"] = check_targets(result, options.default_engine, options.default_model)
    return result


def run_child(mode: str, engine: str, model: str, folder: Path) -> dict:
    """One measurement in a fresh Python process; its JSON, or what went wrong."""
    command = [sys.executable, "-m", "interviewer.benchmarking.streaming_run", mode,
               "--engine", engine, "--model", model, "--answer", str(folder)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {"engine": engine, "model": model, "error": tail}
    return json.loads(lines[-1])


def first_screen(folder: Path) -> dict:
    """The TUI's first screen, timed from the terminal it draws on (median of several starts)."""
    binary = shutil.which("interviewer") or _venv_script()
    if not binary:
        return {"error": "needs the 'interviewer' console script"}
    return probe_first_screen([binary, "--recordings-dir", str(folder / "recordings")], folder)


def _venv_script() -> str | None:
    candidate = Path(sys.executable).with_name("interviewer")
    return str(candidate) if candidate.exists() else None


def check_targets(result: dict, engine: str, model: str) -> dict:
    """Each target of issue 6 against the default engine and model: the figure, the bound, met or not."""
    run = next((r for r in result["runs"] if r.get("engine") == engine and r.get("model") == model), None)
    if run is None or "error" in run:
        return {"error": f"no run of the default {engine} {model}"}
    figures = {
        "stop_to_feedback_s": run["stop_to_feedback_s"],
        "speedup_vs_batch": run.get("speedup_vs_batch"),
        "compute_ratio": run["compute_ratio"],
        "first_screen_s": result["first_screen"].get("first_screen_s"),
        "peak_rss_mb": run["peak_rss_mb"],
        "wer_points_above_whole_file": round(100 * (run["wer_streamed"] - run["wer_whole_file"]), 2),
    }
    checks = {}
    for name, bound in TARGETS.items():
        value = figures[name]
        met = None if value is None else (value >= bound if name == "speedup_vs_batch" else value <= bound)
        checks[name] = {"value": value, "target": bound, "met": met}
    growing = run["lag_second_half_max_s"] > run["lag_first_half_max_s"] + 2.0 or run["fell_behind"]
    if "wer" in result["batch"]:  # issue 15: hear as well as the plain openai-whisper base script
        checks["wer_at_most_batch_script"] = {
            "value": [run["wer_streamed"], result["batch"]["wer"]],
            "target": "streamed WER at or below the plain script's, in the same run",
            "met": run["wer_streamed"] <= result["batch"]["wer"],
        }
    checks["lag_never_grows"] = {
        "value": [run["lag_first_half_max_s"], run["lag_second_half_max_s"]],
        "target": "second half's max lag within 2 s of the first half's, never falling behind",
        "met": not growing,
    }
    return {"engine": engine, "model": model, **checks}


COLUMNS = (
    ("engine", "engine", "{}"), ("model", "model", "{}"), ("stop_to_feedback_s", "stop→ready s", "{:.2f}"),
    ("stop_to_refined_s", "stop→refined s", "{:.2f}"), ("wer_at_feedback", "WER at ready", "{:.3f}"),
    ("speedup_vs_batch", "× batch", "{:.0f}"), ("speedup_vs_batch_cli", "× cli", "{:.0f}"),
    ("compute_ratio", "cpu/audio", "{:.2f}"), ("wasted_compute_s", "wasted cpu s", "{:.1f}"),
    ("max_lag_s", "max lag s", "{:.1f}"), ("fell_behind", "behind", "{}"), ("chunks", "chunks", "{}"),
    ("peak_rss_mb", "peak MB", "{:.0f}"), ("wer_streamed", "WER final", "{:.3f}"),
    ("wer_whole_file", "WER whole", "{:.3f}"), ("wer_streamed_vs_whole", "stream≠whole", "{:.3f}"),
)  # fmt: skip


def table(result: dict) -> str:
    """The result as a plain-text table a person can read."""
    rows = [[title for _, title, _ in COLUMNS]]
    for run in result["runs"]:
        if "error" in run:
            rows.append([run["engine"], run["model"], f"failed: {run['error']}"])
            continue
        rows.append([_cell(fmt, run.get(key)) for key, _, fmt in COLUMNS])
    widths = [max(len(r[i]) for r in rows if i < len(r)) for i in range(len(COLUMNS))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=False)) for r in rows]
    lines += ["", *_summary(result)]
    return "\n".join(lines)


def _batch_lines(batch: dict) -> list[str]:
    title = f"batch ({BATCH_ENGINE} {BATCH_MODEL}, whisper.load_model + model.transcribe, after the fact)"
    if "batch_s" not in batch:
        return [f"{title}: {batch['error']}"]
    return [
        f"{title}: library defaults {batch['batch_s']:.1f} s ({batch['batch_cpu_s']:.0f} CPU-s), "
        f"CLI defaults (beam 5, best of 5) {batch['batch_cli_s']:.1f} s ({batch['batch_cli_cpu_s']:.0f} CPU-s) "
        f"(+{batch['batch_load_s']:.1f} s load)",
    ]


def _stop_lines(runs: list[dict]) -> list[str]:
    """Where each run's stop -> feedback seconds went (the steps of AnswerRun.finish)."""
    lines = []
    for run in runs:
        if "stop_steps" in run:
            steps = ", ".join(f"{name} {seconds * 1000:.0f}" for name, seconds in run["stop_steps"].items())
            ahead = "decoded ahead" if run["speculated_at_stop"] else "not decoded ahead"
            lines.append(f"stop→ready ms, {run['engine']} {run['model']}: {steps} (open chunk {ahead})")
    return lines


def _first_screen_line(first: dict) -> str:
    if "error" in first:
        return f"first screen: {first['error']}"
    return (
        f"first screen: {first['first_screen_s']} s median of {len(first['samples_s'])} starts "
        f"({first['first_screen_min_s']}-{first['first_screen_max_s']} s), seen in a {first['terminal']} terminal"
    )


def _cell(fmt: str, value) -> str:
    return "-" if value is None else fmt.format(value)


def _summary(result: dict) -> list[str]:
    machine, first, batch = result["machine"], result["first_screen"], result["batch"]
    load = ", ".join(f"{x:.1f}" for x in machine["loadavg_before"])
    lines = [
        f"machine: {machine['nproc']} cores, load average before the run {load}",
        f"answer: {result['answer_s']:.1f} s, {result['answer_words']} words (espeak-ng, made now)",
        _first_screen_line(first),
        *_batch_lines(batch),
        *_stop_lines(result["runs"]),
    ]
    targets = result["targets"]
    if "error" in targets:
        return [*lines, f"targets: {targets['error']}"]
    lines.append(f"targets for the default {targets['engine']} {targets['model']}:")
    for name, check in targets.items():
        if isinstance(check, dict):
            verdict = {True: "met", False: "NOT met", None: "not measured"}[check["met"]]
            lines.append(f"  {name}: {check['value']} (target {check['target']}): {verdict}")
    return lines
