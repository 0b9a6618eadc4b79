"""Which decoding hints hear answers best: no prompt, the disfluent style, the jargon, or both.

Runs evaluation clips through one engine/model with each variant (whole-file path, as
`interviewer score` hears) and prints filler recall and precision, hint-point accuracy, WPM
error and how much dropped speech was recovered.

    .venv/bin/python benchmarks/prompt_study.py --engine faster-whisper --model tiny.en [--clips a,b]
"""

from __future__ import annotations

import argparse
import time

from interviewer.adapters.engines import build_transcriber
from interviewer.domain.hearing.prompt import DISFLUENT_STYLE, decode_hints_for, jargon_terms
from interviewer.domain.hearing.recovery import transcribe_answer
from interviewer.domain.ports import DecodeHints
from interviewer.evaluation.clips import chosen
from interviewer.evaluation.runner import evaluate
from interviewer.evaluation.summary import summarise

VARIANTS = {
    "none": lambda clip: DecodeHints(),
    "style": lambda clip: DecodeHints(prompt=DISFLUENT_STYLE),
    "jargon": lambda clip: DecodeHints(hotwords=tuple(jargon_terms(f"{clip.question}\n{clip.hint}"))),
    "style+jargon (chosen)": lambda clip: decode_hints_for(clip.question, clip.hint),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--engine", default="faster-whisper")
    parser.add_argument("--model", default="tiny.en")
    parser.add_argument("--clips", help="comma-separated clip ids (default: the whole tuning half)")
    args = parser.parse_args()
    clips = tuple(c for c in chosen("all", "tune") if not args.clips or c.id in args.clips.split(","))
    transcriber = build_transcriber(args.engine, args.model)
    transcriber.load()
    print(f"{args.engine} {args.model}, {len(clips)} clips")
    print(
        f"{'hints':24} {'fill rec':>8} {'fill prec':>9} {'items':>7} {'wpm med':>8} {'wpm max':>8} "
        f"{'recov':>6} {'secs':>6}"
    )
    for name, hints_for in VARIANTS.items():
        began = time.perf_counter()
        hear = lambda t, audio, clip, hints_for=hints_for: transcribe_answer(t, audio, hints_for(clip))  # noqa: E731
        results = [r for r, _ in evaluate(transcriber, clips, hear)]
        s = summarise(results)
        recovered = sum(1 for r in results if r.recovery)
        print(
            f"{name:24} {s.filler_recall:>8.2f} {s.filler_precision:>9.2f} {s.item_accuracy:>7.2f} "
            f"{s.wpm_error_median:>8.1%} {s.wpm_error_max:>8.1%} {recovered:>6} "
            f"{time.perf_counter() - began:>6.0f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
