"""What a stream is told and what it tells: its options, its updates to the UI, its statistics."""

from __future__ import annotations

from dataclasses import dataclass, field

from interviewer.domain.hearing.chunker import ChunkerOptions
from interviewer.domain.hearing.signal import VadOptions
from interviewer.domain.transcript import Transcript


@dataclass(frozen=True)
class StreamingOptions:
    """How audio is cut and when the stream counts as falling behind.

    `behind_s` is the closed-but-untranscribed audio (seconds) beyond which the transcriber
    is not keeping up: the UI says so, and the answer is finished after stop.

    `speculate_after_s`: measured on the 3-minute bench answer (tiny.en, 2 busy cores), a
    speculation costs a whole decode (~1.4 CPU-s: the 30 s window, whatever the chunk's length)
    and most are wasted (speech resumes): 0.4 s made 10, 0.6 s 9, each time 1 used, +0.06-0.07
    on the compute ratio; 0.8 s starts too late to finish before a stop 1 s after the last word.
    Quiet machine, same answer: 0.5 s gave stop->feedback 0.60 s (the last decode still running
    for 0.45 s of it), compute 0.21; 0.35 s gave 0.47 s, compute 0.25 (13 made, 1 used). Since a
    chunk is decoded in one window on one thread per core (~0.6 s wall, ~0.9 CPU-s), 0.35 s
    gives 0.16 s, compute 0.16 (13 made, 1 used, 10.6 CPU-s wasted).
    """

    chunker: ChunkerOptions | None = None  # None: the model's (`prompt.listening_for`)
    vad: VadOptions = VadOptions()
    behind_s: float = 30.0  # more than one longest chunk (25 s) waiting: the worker is not keeping up
    speculate_after_s: float | None = 0.35  # silence (s) before the open chunk is decoded ahead; None: never


@dataclass(frozen=True)
class StreamUpdate:
    """Sent to `on_update` after each chunk is transcribed, and when `falling_behind` changes."""

    transcript: Transcript
    audio_s: float  # recorded so far
    lag_s: float  # recorded but not yet transcribed
    falling_behind: bool
    chunks_done: int


@dataclass(frozen=True)
class StreamStats:
    """What the stream did: for the benchmark and for the curious.

    `compute_s` is the process CPU time spent inside transcription calls (it includes the
    engine's own threads, and whatever else the process did meanwhile), speculative ones
    included; `wasted_compute_s` is the part spent on speculations never used. `lag_series`
    holds (audio_s, lag_s) points; `backlog_series` (audio_s, closed-but-untranscribed seconds).
    """

    chunks: int
    silent_chunks: int
    chunk_seconds: tuple[float, ...]
    audio_s: float
    compute_s: float
    transcribe_wall_s: float
    max_lag_s: float
    max_backlog_s: float
    fell_behind: bool
    speculations: int = 0  # open chunks decoded ahead of their close
    speculations_used: int = 0  # of those, closed unchanged: their decode was not repeated
    wasted_compute_s: float = 0.0
    lag_series: tuple[tuple[float, float], ...] = field(default=(), repr=False)
    backlog_series: tuple[tuple[float, float], ...] = field(default=(), repr=False)
