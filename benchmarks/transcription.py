"""Measure both Whisper engines x offline models x beam sizes on espeak-ng answers, and choose a default.

Run: .venv/bin/python benchmarks/transcription.py [--json] [--beams 1 5] [--engines ...] [--models ...]

Every combination runs in its own subprocess, so import time and peak RSS (ru_maxrss) are its own.
Clips: a ~29 s answer and a ~2 min answer (346 words), synthesised here with espeak-ng (en-us, 160 wpm),
each followed by 1 s of silence. The weights are prepared first, so `load` excludes the
one-time join and conversion, which are measured separately with the hash check.
Choice: among combinations whose WER on both clips is within WER_SLACK of the best seen,
the one using the least CPU time to transcribe (wall time swings with other load on a shared
machine; CPU time much less).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from interviewer.domain.ports import SAMPLE_RATE  # noqa: E402
from interviewer.domain.wer import word_error_rate  # noqa: E402

WER_SLACK = 0.03  # absolute: 1 extra error in 33 words still counts as "as accurate"
PARAGRAPHS = [
    "In my last role I was the engineer responsible for our payment service, and the hardest problem "
    "I faced was a slow memory leak that only appeared under real traffic. I started by collecting "
    "heap snapshots every hour, then compared them to find which objects kept growing. It turned out "
    "that a cache of customer sessions never expired. I added a time limit, wrote a test that "
    "reproduced the growth, and the service has been stable for a year since.",
    "When I disagree with a colleague I try to understand their reasons first. On one project a "
    "designer wanted a large redesign just before a release. I asked what problem it solved, and we "
    "found that most of the value came from two small changes. We shipped those on time and planned "
    "the rest for the next quarter, which kept the team calm and the customer happy.",
    "My strongest skill is breaking a vague goal into small steps that can be checked. When our "
    "manager asked us to make the mobile app faster, nobody agreed on what faster meant. I measured "
    "the start time on five real phones, picked the slowest screen, and set a target of one second. "
    "Each week we shipped one improvement and measured again, and after two months we reached it.",
    "A mistake I learned from was deploying a database change on a Friday afternoon without a way "
    "back. The migration locked a table for twenty minutes and orders failed. Since then I write the "
    "rollback before the change, test both on a copy of production data, and schedule risky work "
    "early in the week when the whole team is around to help.",
    "I want this position because the product solves a problem I have seen from the inside. I spent "
    "three years supporting teachers who lost hours to paperwork, and your tools give that time back. "
    "I would bring experience with reliable back end systems, patience with real users, and the habit "
    "of measuring before deciding. In five years I hope to lead a small team that owns a product area.",
]
CLIPS = {"answer-30s": PARAGRAPHS[:1], "answer-2min": PARAGRAPHS}


def make_clips(folder: Path) -> dict[str, dict]:
    from interviewer.adapters.speechgen import Utterance, concatenate, silence, speak, trim

    clips = {}
    for name, paragraphs in CLIPS.items():
        parts = []
        for text in paragraphs:
            parts += [trim(speak(Utterance(text, wpm=160))), silence(0.8)]
        audio = concatenate(parts + [silence(1.0)])
        np.save(folder / f"{name}.npy", audio)
        clips[name] = {"text": " ".join(paragraphs), "seconds": round(len(audio) / SAMPLE_RATE, 1)}
    return clips


def child(engine: str, model: str, beam: int, folder: Path, clip_names: list[str]) -> dict:
    """One combination in this fresh process: import, load, transcribe each clip."""
    started = time.perf_counter()
    if engine == "faster-whisper":
        import faster_whisper  # noqa: F401
    else:
        import whisper  # noqa: F401
    import_s = time.perf_counter() - started
    from interviewer.adapters.engines import build_transcriber

    transcriber = build_transcriber(engine, model, beam_size=beam)
    started = time.perf_counter()
    transcriber.load()
    load_s = time.perf_counter() - started
    results = {}
    for name in clip_names:
        audio = np.load(folder / f"{name}.npy")
        wall, cpu = time.perf_counter(), time.process_time()
        transcript = transcriber.transcribe(audio)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        results[name] = {"transcribe_s": wall, "cpu_s": cpu, "rtf": wall / (len(audio) / SAMPLE_RATE),
                         "text": transcript.text}  # fmt: skip
    peak_mb = peak_rss_mb()
    return {"import_s": import_s, "load_s": load_s, "peak_rss_mb": peak_mb, "clips": results}


def peak_rss_mb() -> float:
    """This process's peak RSS. VmHWM, because a forked child inherits its parent's ru_maxrss on Linux."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # not Linux: ru_maxrss is per process


def run_combination(engine: str, model: str, beam: int, folder: Path, clips: dict) -> dict:
    command = [sys.executable, __file__, "--child", engine, model, str(beam), str(folder), *clips]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"engine": engine, "model": model, "beam": beam, "error": done.stderr.strip()[-500:]}
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    for name, result in measured["clips"].items():
        result["wer"] = word_error_rate(clips[name]["text"], result.pop("text"))
    return {"engine": engine, "model": model, "beam": beam, **measured}


def measure_weights() -> dict:
    """Hash check (cold record, then remembered), base join, and conversion times, in a temp cache."""
    with tempfile.TemporaryDirectory() as cache:
        os.environ["INTERVIEWER_CACHE_DIR"] = cache
        from interviewer.adapters import openai_whisper_engine, weights

        figures = {}
        pinned = [p for w in weights.WEIGHTS.values() for p in w.parts + w.sidecars]
        started = time.perf_counter()
        for p in pinned:
            weights.check_pinned(p)
        figures["hash_check_cold_s"] = time.perf_counter() - started
        figures["hashed_mb"] = sum(p.size for p in pinned) / 1e6
        started = time.perf_counter()
        for p in pinned:
            weights.check_pinned(p)
        figures["hash_check_remembered_s"] = time.perf_counter() - started
        started = time.perf_counter()
        weights.ctranslate2_folder("base")
        figures["join_base_s"] = time.perf_counter() - started
        for model in weights.AVAILABLE_MODELS:
            folder = weights.ctranslate2_folder(model)
            started = time.perf_counter()
            openai_whisper_engine.write_checkpoint(model, folder, Path(cache) / f"{model}.pt")
            figures[f"convert_{model}_s"] = time.perf_counter() - started
        del os.environ["INTERVIEWER_CACHE_DIR"]
    return figures


def choose(rows: list[dict]) -> dict | None:
    usable = [r for r in rows if "error" not in r]
    if not usable:
        return None
    names = list(usable[0]["clips"])
    best = {n: min(r["clips"][n]["wer"] for r in usable) for n in names}
    accurate = [r for r in usable if all(r["clips"][n]["wer"] <= best[n] + WER_SLACK for n in names)]
    return min(accurate, key=lambda r: sum(r["clips"][n]["cpu_s"] for n in names))


def print_table(report: dict) -> None:
    print(f"load average before/after: {report['load_before']} / {report['load_after']} on {os.cpu_count()} CPUs")
    for name, clip in report["clips"].items():
        print(f"{name}: {clip['seconds']} s, {len(clip['text'].split())} words")
    print(f"{'engine':15} {'model':8} {'beam':>4} {'import s':>8} {'load s':>7} {'clip':12} "
          f"{'transcr. s':>10} {'cpu s':>7} {'RTF':>6} {'WER':>6} {'peak MB':>8}")  # fmt: skip
    for row in report["results"]:
        if "error" in row:
            print(f"{row['engine']:15} {row['model']:8} {row['beam']:>4} error: {row['error']}")
            continue
        for name, c in row["clips"].items():
            print(f"{row['engine']:15} {row['model']:8} {row['beam']:>4} {row['import_s']:8.2f} {row['load_s']:7.2f} "
                  f"{name:12} {c['transcribe_s']:10.2f} {c['cpu_s']:7.2f} {c['rtf']:6.3f} {c['wer']:6.3f} "
                  f"{row['peak_rss_mb']:8.0f}")  # fmt: skip
    for key, value in report["weights"].items():
        print(f"{key}: {value:.2f}")
    chosen = report["choice"]
    if chosen:
        print(f"choice: {chosen['engine']} {chosen['model']} beam {chosen['beam']} "
              f"(least CPU among those whose WER is within {WER_SLACK} of the best on every clip)")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--engines", nargs="+", default=["faster-whisper", "openai-whisper"])
    parser.add_argument("--models", nargs="+", default=["tiny.en", "base"])
    parser.add_argument("--beams", nargs="+", type=int, default=[1, 5])
    parser.add_argument("--child", nargs=4, metavar=("ENGINE", "MODEL", "BEAM", "FOLDER"), help=argparse.SUPPRESS)
    parser.add_argument("clip_names", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        engine, model, beam, folder = args.child
        print(json.dumps(child(engine, model, int(beam), Path(folder), args.clip_names)))
        return 0
    from interviewer.adapters.prepared_weights import prepare_all

    prepare_all(progress=lambda message: print(message, file=sys.stderr))
    report = {"load_before": [round(v, 1) for v in os.getloadavg()], "weights": measure_weights()}
    with tempfile.TemporaryDirectory() as folder:
        report["clips"] = make_clips(Path(folder))
        combos = [(e, m, b) for e in args.engines for m in args.models for b in args.beams]
        report["results"] = []
        for engine, model, beam in combos:
            print(f"measuring {engine} {model} beam {beam}", file=sys.stderr, flush=True)
            row = run_combination(engine, model, beam, Path(folder), report["clips"])
            print(json.dumps(row), file=sys.stderr, flush=True)  # partial results survive an interrupted run
            report["results"].append(row)
    report["load_after"] = [round(v, 1) for v in os.getloadavg()]
    report["choice"] = choose(report["results"])
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        print_table(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
