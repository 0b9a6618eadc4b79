"""How often an item marked "heard apart" (≈) is a false credit, against items whose words were heard together.

    python benchmarks/items_apart.py DIR --half tune|report

DIR holds the transcripts `interviewer eval --save-transcripts DIR` saved (both halves, or the one asked
for). Each labelled item is judged by the analysis item its label matches best (as `interviewer eval`
does); of those shown covered, the script counts true and false credits among the items marked `apart`
and among the others. Round 16: tuning half 8 apart (2 false) and 180 others (2 false).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from interviewer.domain.analysis.coverage import assess_coverage
from interviewer.domain.analysis.hint_points import split_hint
from interviewer.domain.transcript import Transcript
from interviewer.domain.words import tokenize
from interviewer.evaluation.clips import chosen
from interviewer.evaluation.metrics import _likeness, item_labels


def credited(transcripts: Path, half: str) -> Counter:
    """(how it was heard, whether it was said) -> count, over the labelled items shown covered."""
    counts: Counter = Counter()
    for clip in chosen("all", half):
        heard = Transcript.from_dict(json.loads((transcripts / f"{clip.id}.json").read_text()))
        coverage = assess_coverage(split_hint(clip.hint), tokenize(list(heard.words)))
        items = [i for p in coverage.points for i in p.items]
        for label, said in item_labels(clip):
            item = max(items, key=lambda i: _likeness(label, i.text))
            if item.covered:
                counts["apart" if item.apart else "together", "true" if said else "false"] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("transcripts", type=Path)
    parser.add_argument("--half", choices=("tune", "report"), default="tune")
    args = parser.parse_args()
    counts = credited(args.transcripts, args.half)
    for how in ("apart", "together"):
        true, false = counts[how, "true"], counts[how, "false"]
        share = f"{false / (true + false):.1%}" if true + false else "-"
        print(f"{args.half} {how:8s}: {true + false:3d} credited, {false} of them false ({share})")


if __name__ == "__main__":
    main()
