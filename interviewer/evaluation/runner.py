"""Run the evaluation set through a real Transcriber and the analysis, clip by clip."""

from __future__ import annotations

import time
from collections.abc import Callable

from interviewer.domain.listening import decode_hints_for, transcribe_answer
from interviewer.domain.ports import DecodeHints, Transcriber
from interviewer.domain.session import analyse_answer
from interviewer.evaluation.clips import CLIPS, Clip
from interviewer.evaluation.metrics import ClipResult, compare
from interviewer.evaluation.synth import synthesize

QUICK = ("brier-short", "imbalance", "off-topic")  # `--quick`: short, the richest, and the off-topic one

HintsFor = Callable[[Clip], DecodeHints]


def default_hints(clip: Clip) -> DecodeHints:
    return decode_hints_for(clip.question, clip.hint)


def evaluate_clip(
    clip: Clip, transcriber: Transcriber, hints_for: HintsFor = default_hints, pause_threshold_s: float = 2.0
) -> tuple[ClipResult, dict]:
    audio, truth = synthesize(clip, pause_threshold_s)
    began = time.perf_counter()
    transcript = transcribe_answer(transcriber, audio, hints_for(clip))
    analysis = analyse_answer(transcript, audio, clip.hint, (120, 180), pause_threshold_s)
    seconds = time.perf_counter() - began
    recovery = "; ".join(n for n in transcript.notes if "again without the prompt" in n)
    return compare(clip.id, clip.off_topic, truth, analysis, seconds, recovery), analysis


def evaluate(
    transcriber: Transcriber,
    clips: tuple[Clip, ...] = CLIPS,
    hints_for: HintsFor = default_hints,
    progress: Callable[[str], None] | None = None,
) -> list[tuple[ClipResult, dict]]:
    results = []
    for clip in clips:
        result = evaluate_clip(clip, transcriber, hints_for)
        if progress:
            progress(f"{clip.id}: {result[0].seconds:.1f} s")
        results.append(result)
    return results
