"""One measurement in its own process (clean peak memory): stream an answer in real time, or batch it.

Run by `interviewer bench`: `python -m interviewer.benchmarking.streaming_run stream|batch
--engine E --model M --answer DIR`; prints one JSON object on its last line.

`stream` is the app's own path: an AnswerRun records the answer from a PacedRecorder (real
time, a growing WAV) while the pretend UI polls its live status; at stop, `AnswerRun.finish()`
transcribes the rest, reads the WAV back, analyses, scores and saves, each step timed.
`batch` is what a plain openai-whisper script does with the same audio after the fact.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from interviewer.benchmarking.paced import PacedRecorder
from interviewer.domain.hearing.stream_info import StreamStats
from interviewer.domain.wer import word_error_rate

UI_POLL_S = 0.25  # how often the pretend UI reads the live status (words, pace, lag)
TARGET_S = (120, 180)  # the answer's target length band, as the app's default


@dataclass(frozen=True)
class StreamResult:
    engine: str
    model: str
    audio_s: float
    load_s: float
    stop_to_feedback_s: float  # stop pressed -> AnswerRun.finish() returned (transcript, analysis, saved)
    stop_to_refined_s: float  # with a careful hearing ("tiny.en+base"): stop -> AnswerRun.refine() returned
    wer_at_feedback: float  # the transcript of the first feedback (careful words as far as it got, then the draft's)
    untranscribed_at_stop_s: float  # audio still to transcribe when the person stopped
    finish_s: float  # of stop_to_feedback_s: the streamer's finish (the rest of the transcript)
    analyse_s: float  # of it: analysis and score
    stop_steps: dict  # every step of AnswerRun.finish, seconds
    speculated_at_stop: bool  # the open chunk was decoded ahead, during the pause before stop
    speculations: int
    speculations_used: int
    wasted_compute_s: float  # CPU seconds of speculative decodes never used (inside compute_ratio)
    compute_ratio: float  # the process's CPU seconds from start to the final feedback, per audio second
    max_lag_s: float
    lag_first_half_max_s: float
    lag_second_half_max_s: float
    backlog_slope_s_per_min: float
    fell_behind: bool
    chunks: int
    mean_chunk_s: float
    peak_rss_mb: float
    whole_file_s: float
    wer_streamed: float  # the final transcript (the careful hearing's, when there is one)
    wer_whole_file: float
    wer_streamed_vs_whole: float
    words_streamed: int
    words_whole_file: int


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def answer_in_real_time(run, recorder: PacedRecorder) -> float:
    """Record the answer at real-time pace while reading the live status as the TUI does; the stop time."""
    run.start()
    while not recorder.played.wait(UI_POLL_S):
        run.live()
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


def answer_run(transcriber, audio: np.ndarray, meta: dict, folder: Path, careful=None):
    """The app's AnswerRun for the bench's question, recording from a PacedRecorder into `folder`."""
    from interviewer.domain.bank import Question
    from interviewer.domain.session import AnswerRun
    from interviewer.domain.storage import SessionStore

    store = SessionStore(folder)
    session = store.new_session("bench", "interviewer bench")
    question = Question("bench", meta["question"], meta["hint"])
    recorder = PacedRecorder(audio)
    return AnswerRun(store, session, question, TARGET_S, recorder, transcriber, careful=careful), recorder


def loaded(engine: str, model: str, careful: bool = False):
    """The transcriber for `model` (as the app builds its careful one, if `careful`), loaded, and the
    seconds it took."""
    from interviewer.adapters.engines import build_careful_transcriber, build_transcriber

    transcriber = (build_careful_transcriber if careful else build_transcriber)(engine, model)
    t0 = time.perf_counter()
    transcriber.load()
    return transcriber, time.perf_counter() - t0


def measure_stream(engine: str, model: str, answer_dir: Path) -> StreamResult:
    """`model` is one model, or "draft+careful" as the app hears by default (hearing/careful.py)."""
    from interviewer.domain.hearing.prompt import decode_hints_for, listening_for
    from interviewer.domain.hearing.recovery import transcribe_answer

    audio, meta = read_answer(answer_dir)
    draft_model, _, careful_model = model.partition("+")
    transcriber, load_s = loaded(engine, draft_model)
    careful, careful_load_s = loaded(engine, careful_model, careful=True) if careful_model else (None, 0.0)
    with tempfile.TemporaryDirectory(prefix="bench-session-", dir=answer_dir) as tmp:
        run, recorder = answer_run(transcriber, audio, meta, Path(tmp), careful)
        cpu_before = time.process_time()
        stop = answer_in_real_time(run, recorder)
        untranscribed, speculated = run.streamer.lag_s(), run.streamer.speculated_ahead()
        result = run.finish()
        ready = time.perf_counter()
        final = run.refine() if result.refining else result
        refined = time.perf_counter()
        answer_cpu_s = time.process_time() - cpu_before
    streamed, steps = final.transcript, result.timings
    peak = peak_rss_mb()
    stats = run.streamer.stats()
    careful_stats = run.careful_streamer.stats() if careful else None
    wasted_s = stats.wasted_compute_s + (careful_stats.wasted_compute_s if careful_stats else 0.0)
    t0 = time.perf_counter()
    whole_model = careful_model or draft_model
    listening = listening_for(whole_model)
    hints = decode_hints_for(meta["question"], meta["hint"], listening=listening)
    whole = transcribe_answer(careful or transcriber, audio, hints)
    whole_s = time.perf_counter() - t0
    first, second, slope = lag_shape(stats)
    return StreamResult(
        engine, model, round(stats.audio_s, 2), round(load_s + careful_load_s, 2),
        stop_to_feedback_s=round(ready - stop, 3), stop_to_refined_s=round(refined - stop, 3) if careful else 0.0,
        wer_at_feedback=round(word_error_rate(meta["text"], result.transcript.text), 4),
        untranscribed_at_stop_s=round(untranscribed, 2),
        finish_s=round(steps["transcribe_rest"], 3), analyse_s=round(steps["analyse"], 3),
        stop_steps={**steps, "other": round(ready - stop - sum(steps.values()), 4)},
        speculated_at_stop=speculated, speculations=stats.speculations,
        speculations_used=stats.speculations_used, wasted_compute_s=round(wasted_s, 2),
        compute_ratio=round(answer_cpu_s / stats.audio_s, 3),
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


def measure_batch(model: str, answer_dir: Path) -> dict:
    """The path a plain script takes, after the fact: `whisper.load_model(path)`, then
    `model.transcribe(audio)` with openai-whisper's library defaults (temperature fallback,
    condition_on_previous_text, no word timestamps, fp32 on this CPU); then once more with the
    `whisper` command line's defaults (beam_size=5, best_of=5). The checkpoint is the one the
    openai adapter converts from the offline weights (converted before the clock starts)."""
    import warnings

    import whisper

    from interviewer.adapters.openai_whisper_engine import converted_checkpoint

    audio, meta = read_answer(answer_dir)
    checkpoint = converted_checkpoint(model)
    t0 = time.perf_counter()
    loaded = whisper.load_model(str(checkpoint))
    load_s = time.perf_counter() - t0
    warnings.filterwarnings("ignore", message="FP16 is not supported on CPU")  # what the script prints
    t0, c0 = time.perf_counter(), time.process_time()
    library = loaded.transcribe(audio)
    batch_s, batch_cpu_s = time.perf_counter() - t0, time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    cli = loaded.transcribe(audio, beam_size=5, best_of=5)
    batch_cli_s, batch_cli_cpu_s = time.perf_counter() - t0, time.process_time() - c0
    return {
        "engine": "openai-whisper", "model": model, "load_s": round(load_s, 2), "batch_s": round(batch_s, 2),
        "batch_load_s": round(load_s, 2), "batch_cli_s": round(batch_cli_s, 2),
        "batch_cpu_s": round(batch_cpu_s, 2), "batch_cli_cpu_s": round(batch_cli_cpu_s, 2),  # less load-bound
        "wer": round(word_error_rate(meta["text"], library["text"]), 4),
        "wer_cli": round(word_error_rate(meta["text"], cli["text"]), 4),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "method": "whisper.load_model(checkpoint); model.transcribe(float32 16 kHz audio): library defaults, "
        "then beam_size=5, best_of=5 (the CLI's defaults); transcribe time only",
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
        if args.engine != "openai-whisper":
            parser.error("batch measures openai-whisper, the plain script's engine")
        result = measure_batch(args.model, args.answer)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
