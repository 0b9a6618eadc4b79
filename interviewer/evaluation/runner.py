"""Run the evaluation set through a real Transcriber and the analysis, clip by clip.

Two paths: `streaming` is the TUI's and `interviewer score`'s (chunks cut at pauses, each heard
with the text so far; the TUI while the answer is spoken, score after the fact, with the same
cuts); `whole` is Whisper over the whole file at once, kept to show why it is not used; `script`
is no hearing at all, the words as said, to show what the analysis alone gets right.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from interviewer import paths
from interviewer.domain.bank import find_bank
from interviewer.domain.hearing.prompt import MAX_BANK_TERMS, decode_hints_for, question_glossary
from interviewer.domain.hearing.recording import transcribe_recording
from interviewer.domain.hearing.recovery import transcribe_answer
from interviewer.domain.ports import SAMPLE_RATE, Transcriber
from interviewer.domain.session import analyse_answer
from interviewer.domain.transcript import Transcript, Word
from interviewer.evaluation.clip import Clip
from interviewer.evaluation.clips import NEW
from interviewer.evaluation.metrics import ClipResult, compare
from interviewer.evaluation.synth import synthesize

LEGACY_QUICK = ("brier-short", "imbalance", "off-topic")  # short, the richest, and the off-topic one


def quick(clips: tuple[Clip, ...]) -> tuple[Clip, ...]:
    """`--quick`: the first clip of each half and voice kind (the legacy three when only legacy is chosen)."""
    if all(c.set == "legacy" for c in clips):
        return tuple(c for c in clips if c.id in LEGACY_QUICK)
    firsts: dict[tuple[str, str], Clip] = {}
    for clip in clips:
        if clip.set == "new":
            firsts.setdefault((clip.half, clip.voice_kind), clip)
    return tuple(firsts.values())


def whole_file(transcriber: Transcriber, audio: np.ndarray, clip: Clip, glossary: tuple[str, ...]) -> Transcript:
    return transcribe_answer(transcriber, audio, decode_hints_for(clip.question, clip.hint, glossary=glossary))


def streamed(transcriber: Transcriber, audio: np.ndarray, clip: Clip, glossary: tuple[str, ...]) -> Transcript:
    """The TUI's and score's path (see `transcribe_recording`): the same cuts on any machine."""
    return transcribe_recording(transcriber, audio, clip.question, clip.hint, glossary)


def clip_glossary(clip: Clip, limit: int = MAX_BANK_TERMS) -> tuple[str, ...]:
    """The bank glossary the app would use for the clip's question (its bank is `clip.source`'s)."""
    if limit <= 0:
        return ()  # the app's default: no bank file read for nothing
    bank = find_bank(clip.source.split("/")[0], [paths.shipped_banks_dir()])
    return question_glossary(bank, clip.question, clip.hint, limit)


def heard_perfectly(_transcriber, audio: np.ndarray, clip: Clip, _glossary) -> Transcript:
    """The script's own words as the transcript, spread evenly over each sentence's time: what the
    analysis makes of an answer when nothing is misheard, to tell its own errors from Whisper's."""
    _, truth = synthesize(clip)
    words: list[Word] = []
    for sentence in truth.segments:
        pieces = sentence.text.split()
        step = (sentence.end - sentence.start) / len(pieces)
        words += [
            Word(" " + p, sentence.start + k * step, sentence.start + (k + 1) * step) for k, p in enumerate(pieces)
        ]
    return Transcript(tuple(words), duration_s=len(audio) / SAMPLE_RATE, engine="script", model="as said")


Hear = Callable[[Transcriber, np.ndarray, Clip, tuple[str, ...]], Transcript]
PATHS: dict[str, Hear] = {"streaming": streamed, "whole": whole_file, "script": heard_perfectly}


def heard_twice(careful: Transcriber) -> Hear:
    """The app's default path: the draft transcriber and `careful` both hear the answer in chunks,
    and the feedback is made from the careful words (hearing/careful.py)."""

    def hear(transcriber: Transcriber, audio: np.ndarray, clip: Clip, glossary: tuple[str, ...]) -> Transcript:
        return transcribe_recording(transcriber, audio, clip.question, clip.hint, glossary, careful)

    return hear


def saved_transcript(folder: Path, clip: Clip) -> Path:
    return folder / f"{clip.id}.json"


def heard_before(folder: Path) -> Hear:
    """A Hear that reads what an earlier run saved (`--save-transcripts`) instead of decoding: the
    analysis can be measured again without Whisper."""

    def read(_transcriber, _audio, clip: Clip, _glossary) -> Transcript:
        return Transcript.from_dict(json.loads(saved_transcript(folder, clip).read_text()))

    return read


def evaluate_clip(
    clip: Clip,
    transcriber: Transcriber,
    hear: Hear = streamed,
    pause_threshold_s: float = 2.0,
    bank_terms: int = MAX_BANK_TERMS,
    save_to: Path | None = None,
) -> tuple[ClipResult, dict]:
    audio, truth = synthesize(clip, pause_threshold_s)
    glossary = clip_glossary(clip, bank_terms)
    began = time.perf_counter()
    transcript = hear(transcriber, audio, clip, glossary)
    if save_to is not None:
        save_to.mkdir(parents=True, exist_ok=True)
        saved_transcript(save_to, clip).write_text(json.dumps(transcript.to_dict()))
    analysis = analyse_answer(transcript, audio, clip.hint, (120, 180), pause_threshold_s, clip.question)
    seconds = time.perf_counter() - began
    recovery = "; ".join(n for n in transcript.notes if "again on their own" in n)
    return compare(clip, truth, analysis, seconds, recovery), analysis


def evaluate(
    transcriber: Transcriber,
    clips: tuple[Clip, ...] = NEW,
    hear: Hear = streamed,
    progress: Callable[[str], None] | None = None,
    bank_terms: int = MAX_BANK_TERMS,
    save_to: Path | None = None,
) -> list[tuple[ClipResult, dict]]:
    results = []
    for clip in clips:
        result = evaluate_clip(clip, transcriber, hear, bank_terms=bank_terms, save_to=save_to)
        if progress:
            progress(f"{clip.id}: {result[0].seconds:.1f} s")
        results.append(result)
    return results
