"""`interviewer eval`: measure the analysis against spoken answers generated on this machine.

Every clip is synthesised at eval time (espeak-ng voices and the neural Piper voice; the audio is
cached outside the repo), heard the way the TUI and `interviewer score` hear an answer
(`--path streaming`: cut at pauses, chunk by chunk) or by Whisper over the whole file
(`--path whole`, for comparison), analysed, and compared with what was said. The summary has one
row per engine, model, half (tune / report) and voice kind (espeak / neural).
"""

from __future__ import annotations

import json
import re
import sys

from interviewer.config import careful_model
from interviewer.errors import InterviewerError

ENGINE_MODELS = (
    ("faster-whisper", "tiny.en"),
    ("faster-whisper", "base"),
    ("openai-whisper", "tiny.en"),
    ("openai-whisper", "base"),
)
COLUMNS = (  # (heading, width, how the summary shows it)
    ("recall", 6, lambda s: _ratio(s["filler_recall"])),
    ("prec", 5, lambda s: _ratio(s["filler_precision"])),
    ("um/uh", 5, lambda s: _ratio(s["recall_um_uh"])),
    ("multi", 5, lambda s: _ratio(s["recall_multi_word"])),
    ("trapFP", 7, lambda s: f"{s['trap_false_positives']}/{s['traps']}"),
    ("wpm med", 7, lambda s: f"{s['wpm_error_median']:.1%}"),
    ("wpm max", 7, lambda s: f"{s['wpm_error_max']:.1%}"),
    ("pauses", 7, lambda s: f"{s['pauses_exact']}/{s['clips']}"),
    ("items", 5, lambda s: _ratio(s["item_accuracy"])),
    ("falsecov", 8, lambda s: f"{s['false_coverage']}/{s['missed']}"),
    ("≈ false", 7, lambda s: f"{s['shown_apart_false']}/{s['shown_apart']}"),
    ("WER med", 7, lambda s: f"{s['wer_median']:.3f}"),
)


def add_arguments(parser) -> None:
    parser.add_argument("--set", choices=("new", "legacy", "all"), default="new", help="which answers (default new)")
    parser.add_argument("--half", choices=("tune", "report", "both"), default="both", help="which half (default both)")
    parser.add_argument("--quick", action="store_true", help="one clip per half and voice kind")
    parser.add_argument("--clips", help="comma-separated clip ids (see --list)")
    parser.add_argument("--list", action="store_true", help="list the clips and exit")
    parser.add_argument(
        "--matrix", action="store_true", help="run both engines with both offline models (slow) and print one table"
    )
    parser.add_argument(
        "--path",
        choices=("streaming", "whole", "both", "script"),
        default="streaming",
        help="streaming: as the TUI and `interviewer score` hear an answer (default); "
        "whole: Whisper over the whole file at once, for comparison; "
        "script: the words as said, no Whisper (what the analysis alone gets right)",
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--save-transcripts", metavar="DIR", help="save what was heard, one JSON file per clip")
    parser.add_argument(
        "--transcripts", metavar="DIR",
        help="analyse the transcripts an earlier --save-transcripts run saved, without decoding",
    )  # fmt: skip
    parser.add_argument("--verbose", action="store_true", help="progress on stderr")
    parser.add_argument(
        "--bank-terms", type=int, default=None, metavar="N",
        help="bank terms added to each question's hotwords (default: the app's; 0 measures without them)",
    )  # fmt: skip


def run(args, config) -> int:
    from interviewer.evaluation.clips import chosen

    clips = _chosen_clips(args, chosen(args.set, args.half))
    if args.list:
        for clip in clips:
            pace = f"{clip.wpm:3} wpm" if clip.wpm else f"x{clip.length_scale:.2f}  "
            print(f"{clip.id:24} {clip.half:6} {clip.voice:15} {pace}  {clip.question}")
        return 0
    as_the_app = "+".join(m for m in (config.model, careful_model(config)) if m)  # "tiny.en+base"
    combos = ENGINE_MODELS if args.matrix else ((config.engine, as_the_app),)
    paths = ("streaming", "whole") if args.path == "both" else (args.path,)
    from interviewer.domain.hearing.prompt import MAX_BANK_TERMS

    terms = MAX_BANK_TERMS if args.bank_terms is None else args.bank_terms
    folders = (args.save_transcripts, args.transcripts)
    reports = [
        _evaluate(engine, model, path, clips, args.verbose, terms, folders)
        for engine, model in combos
        for path in paths
    ]
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
    from interviewer.evaluation.runner import quick

    if args.quick and not args.clips:
        return quick(clips)
    if not args.clips:
        return clips
    from interviewer.evaluation.clips import CLIPS

    known = {c.id: c for c in CLIPS}
    wanted = args.clips.split(",")
    unknown = [w for w in wanted if w not in known]
    if unknown:
        raise InterviewerError(f"no evaluation clip {unknown[0]!r}", f"known clips: {', '.join(known)}")
    return tuple(known[w] for w in wanted)


def _evaluate(engine: str, model: str, path: str, clips, verbose: bool, bank_terms: int, folders) -> dict:
    import time
    from pathlib import Path

    from interviewer.adapters.engines import build_after_the_fact
    from interviewer.evaluation.runner import PATHS, evaluate, heard_before, heard_twice
    from interviewer.evaluation.summary import grouped, summarise

    save_to, read_from = (Path(f) if f else None for f in folders)
    say = _stderr if verbose else None
    draft_model, _, careful_model_name = model.partition("+")  # "tiny.en+base": heard twice, as the app
    transcriber, careful = build_after_the_fact(engine, draft_model, careful_model_name)
    began = time.perf_counter()
    if read_from is None and path != "script":
        for loading in (transcriber, careful):
            if loading is not None:
                loading.load(say)
    load_s = time.perf_counter() - began
    tell = (lambda m: say(f"{engine} {model} {path} {m}")) if say else None
    if read_from:
        hear = heard_before(read_from)
    elif careful is None or path == "script":
        hear = PATHS[path]
    else:
        hear = heard_twice(careful)
    results = evaluate(transcriber, clips, hear, progress=tell, bank_terms=bank_terms, save_to=save_to)
    plain = [r for r, _ in results]
    return {
        "engine": engine,
        "model": model,
        "path": path,
        "load_s": round(load_s, 2),
        "bank_terms": bank_terms,
        "summary": summarise(plain).to_dict(),
        "rows": [{"half": h, "voices": k, "summary": s.to_dict()} for h, k, s in grouped(plain)],
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
        f"{'clip':24} {'half':6} {'voice':6} {'fill t/f/m':>10} {'trap':>4} {'wpm true':>8} {'found':>6} "
        f"{'pause t/f':>9} {'items':>6} {'miss/cov':>8} {'WER':>5} {'secs':>6}  recovered",
    ]
    lines += [_clip_row(c) for c in report["clips"]]
    return "\n".join(lines)


def _clip_row(c: dict) -> str:
    fillers = f"{c['fillers_true']:>3}/{c['fillers_found']:>2}/{c['fillers_matched']:>2}"
    return (
        f"{c['clip']:24} {c['half']:6} {c['voice_kind']:6} {fillers}  {c['trap_hits']:>2}/{c['traps']:<1} "
        f"{c['wpm_true']:>8.1f} {c['wpm_found']:>6.1f} {c['pauses_true']:>4}/{c['pauses_found']:<4} "
        f"{c['items_right']:>2}/{c['items_total']:<3} {c['missed_total']:>3}/{c['missed_shown_covered']:<4} "
        f"{c['wer']:>5.2f} {c['seconds']:>6.1f}  {_recovered(c['recovery'])}"
    )


def summary_table(reports: list[dict]) -> str:
    head = f"{'engine model':22} {'half':6} {'voices':6} {'clips':>5} " + " ".join(f"{h:>{w}}" for h, w, _ in COLUMNS)
    lines = [head]
    for report in reports:
        name = f"{report['engine'][:2]} {report['model']} {report['path'][:6]}"
        for row in report["rows"]:
            s = row["summary"]
            cells = " ".join(f"{show(s):>{w}}" for _, w, show in COLUMNS)
            lines.append(f"{name:22} {row['half']:6} {row['voices']:6} {s['clips']:>5} {cells}")
    return "\n".join(lines)


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _recovered(note: str) -> str:
    match = re.search(r"([+-]\d+) words", note)
    return f"{match.group(1)} words" if match else ""


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
