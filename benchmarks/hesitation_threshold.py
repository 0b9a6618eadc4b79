"""Tune WEIGHED_HESITATION_MIN on transcripts an evaluation run saved, without decoding again.

    interviewer eval --half tune --save-transcripts DIR
    PYTHONPATH=. python benchmarks/hesitation_threshold.py DIR [--half tune] [--set legacy] [--thresholds 0.03 0.01]

Each saved word carries the probability Whisper gave a hesitation before it; this takes out the
hesitations the run put back (zero-length "um"s), puts them back at each threshold and prints the
filler figures per voice kind. An "I'm" the run already took for "um" stays "um" here: the stand-in
minimum is measured with benchmarks/stand_ins.py. Tune on the tuning half only.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from interviewer.domain.hearing.weighed import Weighing, weighed_hesitations, weighing_for
from interviewer.domain.transcript import Transcript
from interviewer.evaluation.clips import chosen
from interviewer.evaluation.runner import evaluate, saved_transcript
from interviewer.evaluation.summary import grouped

THRESHOLDS = (1.01, 0.3, 0.2, 0.1, 0.07, 0.05, 0.04, 0.03, 0.02, 0.015, 0.01, 0.005)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--half", default="tune", choices=("tune", "report", "both"))
    parser.add_argument("--set", default="new", choices=("new", "legacy"))
    parser.add_argument("--thresholds", type=float, nargs="+", default=THRESHOLDS)
    args = parser.parse_args()
    clips = tuple(c for c in chosen(args.set, args.half) if saved_transcript(args.folder, c).exists())
    print(f"{len(clips)} clips; threshold, then per half/voice: recall prec um/uh trapFP")
    for minimum in args.thresholds:

        def hear(_t, _a, clip, _g, minimum=minimum):
            saved = Transcript.from_dict(json.loads(saved_transcript(args.folder, clip).read_text()))
            weighing = Weighing(minimum, weighing_for(saved.model).stand_ins)
            words = tuple(weighed_hesitations([w for w in saved.words if not _inserted(w)], weighing))
            return Transcript(words, saved.language, saved.duration_s, saved.engine, saved.model)

        results = [r for r, _ in evaluate(None, clips, hear)]
        cells = []
        for half, kind, s in grouped(results):
            d = s.to_dict()
            cells.append(
                f"{half[:4]} {kind[:6]:6} {d['filler_recall']:.2f} {d['filler_precision']:.2f} "
                f"{d['recall_um_uh']:.2f} {d['trap_false_positives']}/{d['traps']}"
            )
        print(f"{minimum:6.4f}  " + "  |  ".join(cells), flush=True)


def _inserted(word) -> bool:
    """A hesitation an earlier run put back (zero length, at the next word's start)."""
    return word.start == word.end and word.text.strip(" ,").lower() == "um" and word.hesitation_before == 0


if __name__ == "__main__":
    main()
