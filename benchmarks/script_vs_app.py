"""The app's transcript against the plain openai-whisper script's, on every answer of the evaluation.

The bench (`interviewer bench`) compares the two on one 501-word answer, where the same decoder moves
two WER points with where its windows fall. This compares them on each answer of one half of the
evaluation set: the script is `whisper.load_model(base).transcribe(audio)` with openai-whisper's
library defaults (fp32 on CPU, after the fact); the app's words are the ones an earlier
`interviewer eval --half H --save-transcripts DIR` run saved (the TUI's own path). Both are scored
as the eval scores a transcript (`clip_wer`: um and uh left out on both sides, numbers as said).

    .venv/bin/python benchmarks/script_vs_app.py --half tune --app /tmp/tx-tune [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import warnings
from pathlib import Path

from interviewer.evaluation.clips import chosen
from interviewer.evaluation.metrics import clip_wer
from interviewer.evaluation.synth import synthesize


def script_model(name: str, threads: int):
    import torch
    import whisper

    from interviewer.adapters.openai_whisper_engine import converted_checkpoint

    torch.set_num_threads(threads)
    warnings.filterwarnings("ignore", message="FP16 is not supported on CPU")
    return whisper.load_model(str(converted_checkpoint(name)))


def app_text(folder: Path, clip_id: str) -> str:
    return json.loads((folder / f"{clip_id}.json").read_text(encoding="utf-8"))["text"]


def compare(half: str, app: Path, model_name: str, threads: int) -> dict:
    model = script_model(model_name, threads)
    rows = []
    for clip in chosen("new", half):
        audio, truth = synthesize(clip)
        c0 = time.process_time()
        script = model.transcribe(audio)["text"]
        cpu = time.process_time() - c0
        rows.append(
            {
                "clip": clip.id,
                "voice_kind": clip.voice_kind,
                "wer_app": round(clip_wer(truth, {"transcript": {"text": app_text(app, clip.id)}}), 4),
                "wer_script": round(clip_wer(truth, {"transcript": {"text": script}}), 4),
                "script_cpu_s": round(cpu, 1),
                "audio_s": round(len(audio) / 16000, 1),
            }
        )
        print(rows[-1], file=sys.stderr)
    return {"half": half, "app": str(app), "script_model": model_name, "rows": rows, "summary": summary(rows)}


def summary(rows: list[dict]) -> dict:
    out = {}
    for kind in ("all", "espeak", "neural"):
        chosen_rows = [r for r in rows if kind == "all" or r["voice_kind"] == kind]
        if not chosen_rows:
            continue
        app = [r["wer_app"] for r in chosen_rows]
        script = [r["wer_script"] for r in chosen_rows]
        out[kind] = {
            "answers": len(chosen_rows),
            "wer_app_median": round(statistics.median(app), 4),
            "wer_script_median": round(statistics.median(script), 4),
            "wer_app_mean": round(statistics.mean(app), 4),
            "wer_script_mean": round(statistics.mean(script), 4),
            "app_better": sum(a < s for a, s in zip(app, script, strict=True)),
            "script_better": sum(s < a for a, s in zip(app, script, strict=True)),
            "ties": sum(a == s for a, s in zip(app, script, strict=True)),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("tune", "report"), required=True)
    parser.add_argument("--app", type=Path, required=True, help="the folder an eval --save-transcripts run wrote")
    parser.add_argument("--model", default="base")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = compare(args.half, args.app, args.model, args.threads)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for kind, s in result["summary"].items():
            print(
                f"{args.half} {kind:7s} {s['answers']:2d} answers: WER median app {s['wer_app_median']:.3f} "
                f"script {s['wer_script_median']:.3f} (mean {s['wer_app_mean']:.3f} / {s['wer_script_mean']:.3f}); "
                f"app better on {s['app_better']}, script on {s['script_better']}, ties {s['ties']}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
