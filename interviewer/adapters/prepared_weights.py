"""Whether each offline model is ready for each engine, and preparing them all: the doctor's view.

Apart from weights.py so that weights.py (files, hashes, joining) and the openai-whisper adapter
(which converts the checkpoint from those files) do not import each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from interviewer.adapters import openai_whisper_engine
from interviewer.adapters.weights import (
    AVAILABLE_MODELS,
    WEIGHTS,
    ModelWeights,
    Progress,
    check_pinned,
    ctranslate2_folder,
    joined_folder,
    joined_folder_ok,
    locate,
)
from interviewer.errors import TranscriberError


@dataclass(frozen=True)
class WeightsStatus:
    """What `interviewer doctor` shows for one model and engine."""

    model: str
    engine: str
    present: bool
    hash_ok: bool
    converted: bool  # ready for this engine without further work (joined / converted)
    detail: str = ""  # what is wrong and how to fix it, if anything


def prepare_all(progress: Progress = print) -> None:
    """Check every pinned file, join base, convert both models for openai-whisper: a first run is fast."""
    for model in AVAILABLE_MODELS:
        ctranslate2_folder(model, progress)
        openai_whisper_engine.converted_checkpoint(model, progress)
    progress("weights ready: " + ", ".join(AVAILABLE_MODELS))


def weights_status() -> list[WeightsStatus]:
    """Per offline model and engine: are the files there, do their hashes match, are they prepared?"""
    statuses = []
    for model, pinned in WEIGHTS.items():
        present, hash_ok, problem = _package_status(pinned)
        ready = {
            "faster-whisper": not pinned.joined
            or _quietly(lambda m=model: joined_folder_ok(WEIGHTS[m], joined_folder(m))),
            "openai-whisper": _quietly(lambda m=model: openai_whisper_engine.checkpoint_ready(m)),
        }
        for engine, converted in ready.items():
            detail = problem or ("" if converted else "run: interviewer doctor --prepare-weights")
            statuses.append(WeightsStatus(model, engine, present, hash_ok, converted, detail))
    return statuses


def _package_status(weights: ModelWeights) -> tuple[bool, bool, str]:
    try:
        for pinned in weights.parts + weights.sidecars:
            locate(pinned)
    except TranscriberError as e:
        return False, False, str(e)
    try:
        for pinned in weights.parts + weights.sidecars:
            check_pinned(pinned)
    except TranscriberError as e:
        return True, False, str(e)
    return True, True, ""


def _quietly(check: Callable[[], bool]) -> bool:
    try:
        return bool(check())
    except (TranscriberError, OSError):
        return False
