"""`interviewer eval`: measure the analysis against spoken answers generated with espeak-ng.

Every clip is synthesised at run time (only espeak-ng is needed), transcribed by the
real engine the way the TUI and `interviewer score` hear an answer (`--path streaming`:
cut at pauses, chunk by chunk) or by Whisper over the whole file at once (`--path whole`,
for comparison), analysed, and compared with what was said. Prints filler recall and
precision, WPM error, duration error, long-pause accuracy, hint-point accuracy and off-topic
coverage against the targets.
"""

from __future__ import annotations

import json
import re
import sys

from interviewer.errors import InterviewerError

ENGINE_MODELS = (
    ("faster-whisper", "tiny.en"),
    ("faster-whisper", "base"),
    ("openai-whisper", "tiny.en"),
    ("openai-whisper", "base"),
)
TARGET_TEXT = {
    "filler_recall": ">= 0.90",
    "filler_precision": ">= 0.95",
    "wpm_error_median": "<= 5%",
    "duration_error_max": "<= 0.5 s",
    "pauses_exact": ">= 0.90",
    "hint_point_accuracy": ">= 0.90",
    "off_topic_coverage": "<= 0.2",
}


def add_arguments(parser) -> None:
    parser.add_argument("--quick", action="store_true", help="three clips instead of the whole set")
    parser.add_argument("--clips", help="comma-separated clip ids (see --list)")
    parser.add_argument("--list", action="store_true", help="list the clips and exit")
    parser.add_argument(
        "--matrix", action="store_true", help="run both engines with both offline models (slow) and print one table"
    )
    parser.add_argument(
        "--path",
        choices=("streaming", "whole", "both"),
        default="streaming",
        help="streaming: as the TUI and `interviewer score` hear an answer (default); "
        "whole: Whisper over the whole file at once, for comparison",
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--verbose", action="store_true", help="progress on stderr")


def run(args, config) -> int:
    from interviewer.evaluation.clips import CLIPS

    if args.list:
        for clip in CLIPS:
            print(f"{clip.id:22} {clip.voice:15} {clip.wpm:3} wpm  {clip.question}")
        return 0
    clips = _chosen_clips(args, CLIPS)
    combos = ENGINE_MODELS if args.matrix else ((config.engine, config.model),)
    paths = ("streaming", "whole") if args.path == "both" else (args.path,)
    reports = [_evaluate(engine, model, path, clips, args.verbose) for engine, model in combos for path in paths]
    if args.json:
        print(json.dumps(reports if len(reports) > 1 else reports[0], indent=2))
        return 0
    print_tables(reports)
    return 0


def print_tables(reports: list[dict]) -> None:
    for report in reports:
        print(clip_table(report))
        print()
    print(summary_table(reports))


def _chosen_clips(args, clips):
    from interviewer.evaluation.runner import QUICK

    wanted = args.clips.split(",") if args.clips else (QUICK if args.quick else None)
    if not wanted:
        return clips
    known = {c.id: c for c in clips}
    unknown = [w for w in wanted if w not in known]
    if unknown:
        raise InterviewerError(f"no evaluation clip {unknown[0]!r}", f"known clips: {', '.join(known)}")
    return tuple(known[w] for w in wanted)


def _evaluate(engine: str, model: str, path: str, clips, verbose: bool) -> dict:
    import time

    from interviewer.adapters.engines import build_transcriber
    from interviewer.evaluation.metrics import summarise
    from interviewer.evaluation.runner import PATHS, evaluate

    say = _stderr if verbose else None
    transcriber = build_transcriber(engine, model)
    began = time.perf_counter()
    transcriber.load(say)
    load_s = time.perf_counter() - began
    tell = (lambda m: say(f"{engine} {model} {path} {m}")) if say else None
    results = evaluate(transcriber, clips, PATHS[path], progress=tell)
    summary = summarise([r for r, _ in results])
    return {
        "engine": engine,
        "model": model,
        "path": path,
        "load_s": round(load_s, 2),
        "summary": summary.to_dict(),
        "clips": [r.to_dict() | _heard(a) for r, a in results],
    }


def _heard(analysis: dict) -> dict:
    """What was heard, to see why a figure is off: the transcript and the fillers found."""
    fillers = [f"{f['type']}@{f['start']:.1f}" for f in analysis["fillers"]["items"]]
    return {"transcript": analysis["transcript"]["text"], "fillers": fillers}


def clip_table(report: dict) -> str:
    head = f"{report['engine']} {report['model']}, {report['path']}"
    lines = [
        head,
        f"{'clip':22} {'fill t/f/m':>10} {'wpm true':>8} {'found':>6} {'dur err':>7} "
        f"{'pause t/f':>9} {'points':>7} {'cov':>5} {'secs':>6}  recovered",
    ]
    for c in report["clips"]:
        lines.append(
            f"{c['clip']:22} {c['fillers_true']:>3}/{c['fillers_found']:>2}/{c['fillers_matched']:>2}  "
            f"{c['wpm_true']:>8.1f} {c['wpm_found']:>6.1f} {c['duration_error']:>7.2f} "
            f"{c['pauses_true']:>4}/{c['pauses_found']:<4} {c['points_right']:>3}/{c['points_total']:<3} "
            f"{c['coverage_ratio']:>5.2f} {c['seconds']:>6.1f}  {_recovered(c['recovery'])}"
        )
    return "\n".join(lines)


def summary_table(reports: list[dict]) -> str:
    from interviewer.evaluation.metrics import target_met

    names = list(reports[0]["summary"])
    header = f"{'figure':22} {'target':>9} " + " ".join(f"{_column(r):>15}" for r in reports)
    lines = [header]
    for name in names:
        if name == "clips":
            continue
        cells = []
        for report in reports:
            value = report["summary"][name]
            mark = "" if name not in TARGET_TEXT else " ok" if target_met(name, value) else " NO"
            cells.append(f"{_fmt(name, value) + mark:>15}")
        lines.append(f"{name:22} {TARGET_TEXT.get(name, ''):>9} " + " ".join(cells))
    return "\n".join(lines)


def _column(report: dict) -> str:
    return f"{report['engine'][:2]} {report['model']} {report['path'][:6]}"


def _fmt(name: str, value: float) -> str:
    if name.startswith("wpm_error"):
        return f"{value:.1%}"
    if name.startswith("duration") or name == "seconds":
        return f"{value:.2f} s" if name != "seconds" else f"{value:.0f} s"
    return f"{value:.2f}"


def _recovered(note: str) -> str:
    match = re.search(r"([+-]\d+) words", note)
    return f"{match.group(1)} words" if match else ""


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
