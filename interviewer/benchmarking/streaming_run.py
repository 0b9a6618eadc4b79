"""One measurement in its own process (clean peak memory): stream an answer in real time, or batch it.

Run by `interviewer bench`: `python -m interviewer.benchmarking.streaming_run stream|batch
--engine E --model M --answer DIR`; prints one JSON object on its last line.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from interviewer.domain.ports import SAMPLE_RATE
from interviewer.domain.streaming import StreamingTranscriber, StreamStats
from interviewer.domain.wer import word_error_rate

BLOCK_S = 0.1  # what the recorder hands over at a time
UI_POLL_S = 0.25  # how often the pretend UI reads words, lag and pace


@dataclass(frozen=True)
class StreamResult:
    engine: str
    model: str
    audio_s: float
    load_s: float
    stop_to_feedback_s: float
    untranscribed_at_stop_s: float  # audio still to transcribe when the person stopped
    finish_s: float
    analyse_s: float
    compute_ratio: float
    max_lag_s: float
    lag_first_half_max_s: float
    lag_second_half_max_s: float
    backlog_slope_s_per_min: float
    fell_behind: bool
    chunks: int
    mean_chunk_s: float
    peak_rss_mb: float
    whole_file_s: float
    wer_streamed: float
    wer_whole_file: float
    wer_streamed_vs_whole: float
    words_streamed: int
    words_whole_file: int


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def feed_in_real_time(streamer: StreamingTranscriber, audio: np.ndarray, done: threading.Event) -> None:
    """Hand `audio` over in BLOCK_S blocks, each when the wall clock says it was recorded."""
    step = int(BLOCK_S * SAMPLE_RATE)
    t0 = time.perf_counter()
    for k, i in enumerate(range(0, len(audio), step)):
        wait = t0 + (k + 1) * BLOCK_S - time.perf_counter()
        if wait > 0:
            time.sleep(wait)
        streamer.feed(audio[i : i + step])
    done.set()


def play_answer(streamer: StreamingTranscriber, audio: np.ndarray) -> float:
    """Feed the answer at real-time pace while reading the snapshot like the TUI would; the stop time."""
    done = threading.Event()
    feeder = threading.Thread(target=feed_in_real_time, args=(streamer, audio, done), daemon=True)
    feeder.start()
    while not done.wait(UI_POLL_S):
        words = streamer.snapshot().words
        _ = (len(words), streamer.lag_s(), streamer.falling_behind)
    feeder.join()
    return time.perf_counter()


def lag_shape(stats: StreamStats) -> tuple[float, float, float]:
    """Max lag in the first and second half, and the backlog's trend (s per minute of audio)."""
    half = stats.audio_s / 2
    first = max((lag for t, lag in stats.lag_series if t <= half), default=0.0)
    second = max((lag for t, lag in stats.lag_series if t > half), default=0.0)
    if len(stats.backlog_series) < 2:
        return first, second, 0.0
    t, backlog = np.array(stats.backlog_series).T
    slope = float(np.polyfit(t, backlog, 1)[0]) * 60
    return first, second, slope


def measure_stream(engine: str, model: str, answer_dir: Path) -> StreamResult:
    from interviewer.adapters.engines import build_transcriber
    from interviewer.domain.analysis import analyse
    from interviewer.domain.listening import decode_hints_for, transcribe_answer

    audio, meta = read_answer(answer_dir)
    transcriber = build_transcriber(engine, model)
    t0 = time.perf_counter()
    transcriber.load()
    load_s = time.perf_counter() - t0
    streamer = StreamingTranscriber(transcriber, meta["question"], meta["hint"])
    stop = play_answer(streamer, audio)
    untranscribed = streamer.lag_s()
    streamed = streamer.finish()
    finished = time.perf_counter()
    analyse(streamed, audio, meta["hint"])
    ready = time.perf_counter()
    peak = peak_rss_mb()
    stats = streamer.stats()
    t0 = time.perf_counter()
    whole = transcribe_answer(transcriber, audio, decode_hints_for(meta["question"], meta["hint"]))
    whole_s = time.perf_counter() - t0
    first, second, slope = lag_shape(stats)
    return StreamResult(
        engine, model, round(stats.audio_s, 2), round(load_s, 2),
        stop_to_feedback_s=round(ready - stop, 3), untranscribed_at_stop_s=round(untranscribed, 2),
        finish_s=round(finished - stop, 3),
        analyse_s=round(ready - finished, 3), compute_ratio=round(stats.compute_s / stats.audio_s, 3),
        max_lag_s=round(stats.max_lag_s, 2), lag_first_half_max_s=round(first, 2),
        lag_second_half_max_s=round(second, 2), backlog_slope_s_per_min=round(slope, 3),
        fell_behind=stats.fell_behind, chunks=stats.chunks,
        mean_chunk_s=round(float(np.mean(stats.chunk_seconds)) if stats.chunk_seconds else 0.0, 2),
        peak_rss_mb=round(peak, 1), whole_file_s=round(whole_s, 2),
        wer_streamed=round(word_error_rate(meta["text"], streamed.text), 4),
        wer_whole_file=round(word_error_rate(meta["text"], whole.text), 4),
        wer_streamed_vs_whole=round(word_error_rate(whole.text, streamed.text), 4),
        words_streamed=len(streamed.words), words_whole_file=len(whole.words),
    )  # fmt: skip


def measure_batch(engine: str, model: str, answer_dir: Path) -> dict:
    """The path a plain script takes: load the model after the fact, transcribe the whole file."""
    from interviewer.adapters.engines import build_transcriber

    audio, meta = read_answer(answer_dir)
    transcriber = build_transcriber(engine, model)
    t0 = time.perf_counter()
    transcriber.load()
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    heard = transcriber.transcribe(audio)
    batch_s = time.perf_counter() - t0
    return {
        "engine": engine, "model": model, "load_s": round(load_s, 2), "batch_s": round(batch_s, 2),
        "wer": round(word_error_rate(meta["text"], heard.text), 4), "peak_rss_mb": round(peak_rss_mb(), 1),
    }  # fmt: skip


def write_answer(answer, folder: Path) -> None:
    np.save(folder / "answer.npy", answer.audio)
    meta = {"text": answer.text, "question": answer.question, "hint": answer.hint}
    (folder / "answer.json").write_text(json.dumps(meta), encoding="utf-8")


def read_answer(folder: Path) -> tuple[np.ndarray, dict]:
    meta = json.loads((folder / "answer.json").read_text(encoding="utf-8"))
    return np.load(folder / "answer.npy"), meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m interviewer.benchmarking.streaming_run")
    parser.add_argument("mode", choices=("stream", "batch"))
    parser.add_argument("--engine", required=True)
    parser.add_argument("--model", required=True)
    parser.add_argument("--answer", type=Path, required=True, help="folder holding answer.npy and answer.json")
    args = parser.parse_args(argv)
    if args.mode == "stream":
        result = asdict(measure_stream(args.engine, args.model, args.answer))
    else:
        result = measure_batch(args.engine, args.model, args.answer)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
