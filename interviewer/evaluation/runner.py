"""Run the evaluation set through a real Transcriber and the analysis, clip by clip.

Two paths: `streaming` is the TUI's and `interviewer score`'s (chunks cut at pauses, each heard
with the text so far; the TUI while the answer is spoken, score after the fact, with the same
cuts); `whole` is Whisper over the whole file at once, kept to show why it is not used.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np

from interviewer.domain.listening import decode_hints_for, transcribe_answer
from interviewer.domain.ports import Transcriber
from interviewer.domain.session import analyse_answer
from interviewer.domain.streaming import transcribe_recording
from interviewer.domain.transcript import Transcript
from interviewer.evaluation.clips import CLIPS, Clip
from interviewer.evaluation.metrics import ClipResult, compare
from interviewer.evaluation.synth import synthesize

QUICK = ("brier-short", "imbalance", "off-topic")  # `--quick`: short, the richest, and the off-topic one


def whole_file(transcriber: Transcriber, audio: np.ndarray, clip: Clip) -> Transcript:
    return transcribe_answer(transcriber, audio, decode_hints_for(clip.question, clip.hint))


def streamed(transcriber: Transcriber, audio: np.ndarray, clip: Clip) -> Transcript:
    """The TUI's and score's path (see `transcribe_recording`): the same cuts on any machine."""
    return transcribe_recording(transcriber, audio, clip.question, clip.hint)


Hear = Callable[[Transcriber, np.ndarray, Clip], Transcript]
PATHS: dict[str, Hear] = {"streaming": streamed, "whole": whole_file}


def evaluate_clip(
    clip: Clip, transcriber: Transcriber, hear: Hear = streamed, pause_threshold_s: float = 2.0
) -> tuple[ClipResult, dict]:
    audio, truth = synthesize(clip, pause_threshold_s)
    began = time.perf_counter()
    transcript = hear(transcriber, audio, clip)
    analysis = analyse_answer(transcript, audio, clip.hint, (120, 180), pause_threshold_s, clip.question)
    seconds = time.perf_counter() - began
    recovery = "; ".join(n for n in transcript.notes if "again on their own" in n)
    return compare(clip.id, clip.off_topic, truth, analysis, seconds, recovery), analysis


def evaluate(
    transcriber: Transcriber,
    clips: tuple[Clip, ...] = CLIPS,
    hear: Hear = streamed,
    progress: Callable[[str], None] | None = None,
) -> list[tuple[ClipResult, dict]]:
    results = []
    for clip in clips:
        result = evaluate_clip(clip, transcriber, hear)
        if progress:
            progress(f"{clip.id}: {result[0].seconds:.1f} s")
        results.append(result)
    return results
