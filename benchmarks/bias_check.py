"""Would an unbiased decode confirm each hint term the prompted decode wrote? (issue #15, item 3)

    interviewer eval --half tune --save-transcripts DIR [--model M]
    python benchmarks/bias_check.py DIR [--model M] [--half tune]

For every written word that is one of its question's hotwords, the span around it (0.5 s either
side) is heard again with no prompt and no hotwords; the term is confirmed when a word heard there
is the term or sounds like it (coverage's `same_word`, or a letter ratio of 60 or more). Each term
is then set against the script: was it said? Measurement only; nothing in the app gates on it.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
from pathlib import Path

from rapidfuzz import fuzz

from interviewer.adapters.engines import build_transcriber
from interviewer.domain.analysis.terms import same_word
from interviewer.domain.hearing.prompt import decode_hints_for
from interviewer.domain.ports import SAMPLE_RATE, DecodeHints
from interviewer.domain.words import norm_of
from interviewer.evaluation.clips import chosen
from interviewer.evaluation.runner import saved_transcript
from interviewer.evaluation.synth import spoken_text, synthesize

MARGIN_S = 0.5


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--model", default="tiny.en")
    parser.add_argument("--half", default="tune", choices=("tune", "report", "both"))
    args = parser.parse_args()
    transcriber = build_transcriber("faster-whisper", args.model)
    transcriber.load()
    rows = []
    for clip in chosen("new", args.half):
        if saved_transcript(args.folder, clip).exists():
            rows += clip_rows(transcriber, clip, json.loads(saved_transcript(args.folder, clip).read_text()))
    counts = collections.Counter((said, confirmed) for said, confirmed, *_ in rows)
    print(f"{args.model} {args.half}: said and confirmed {counts[True, True]}, said and refused {counts[True, False]}, "
          f"not said and confirmed {counts[False, True]}, not said and refused {counts[False, False]}")  # fmt: skip
    for row in rows:
        if not (row[0] and row[1]):
            print(row)


def clip_rows(transcriber, clip, saved: dict) -> list[tuple]:
    audio, _ = synthesize(clip)
    said_text = " ".join(spoken_text(s) for s in clip.script if isinstance(s, str)).lower()
    hotwords = decode_hints_for(clip.question, clip.hint).hotwords
    rows = []
    for word in saved["words"]:
        spoken = norm_of(word["word"])
        term = next((h for h in hotwords if spoken in (h.lower(), h.lower() + "s")), None)
        if term is None:
            continue
        a = max(0, int((word["start"] - MARGIN_S) * SAMPLE_RATE))
        b = min(len(audio), int((word["end"] + MARGIN_S) * SAMPLE_RATE))
        heard = transcriber.transcribe(audio[a:b], DecodeHints()).text
        confirmed = any(_sounds_like(norm_of(w), term.lower()) for w in heard.split() if norm_of(w))
        said = re.search(r"\b" + re.escape(term.lower()), said_text) is not None
        rows.append((said, confirmed, clip.id, term, heard.strip()[:60]))
    return rows


def _sounds_like(heard: str, term: str) -> bool:
    return same_word(heard, term) or fuzz.ratio(heard, term) >= 60


if __name__ == "__main__":
    main()
