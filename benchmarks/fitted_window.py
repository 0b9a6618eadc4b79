"""What a draft chunk costs in the full 30 s window and in one fitted to its audio (`FittedWindow`).

    .venv/bin/python benchmarks/fitted_window.py [--model tiny.en] [--repeats 3]

Spoken answers of 5 to 27 s made as the bench makes its answer (espeak-ng, `benchmarking/answer.py`), each decoded
by two faster-whisper transcribers of the same model, one with `fitted_window=False`, alternately,
`--repeats` times; prints the fastest wall time of each, and the words each heard against what was
said (WER). Wall seconds on this machine: compare the columns of one run, not runs on different days.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from interviewer.adapters.engines import build_transcriber  # noqa: E402
from interviewer.benchmarking.answer import spoken_answer  # noqa: E402
from interviewer.domain.ports import SAMPLE_RATE  # noqa: E402
from interviewer.domain.wer import word_error_rate  # noqa: E402

PIECES_S = (5, 10, 20, 25)  # 15 s makes the same answer as 20 s (its pauses are drawn)


def fastest(transcriber, audio, repeats: int) -> tuple[float, str]:
    times, text = [], ""
    for _ in range(repeats):
        began = time.perf_counter()
        text = transcriber.transcribe(audio).text
        times.append(time.perf_counter() - began)
    return min(times), text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="tiny.en")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    fitted = build_transcriber("faster-whisper", args.model)
    full = build_transcriber("faster-whisper", args.model, fitted_window=False)
    for transcriber in (fitted, full):
        transcriber.load()
    print(f"{args.model}: piece | full window s (WER) | fitted s (WER) | fitted / full")
    for seconds in PIECES_S:
        answer = spoken_answer(seconds)
        audio, said = answer.audio, answer.text
        full_s, full_text = fastest(full, audio, args.repeats)
        fitted_s, fitted_text = fastest(fitted, audio, args.repeats)
        wers = word_error_rate(said, full_text), word_error_rate(said, fitted_text)
        print(
            f"{len(audio) / SAMPLE_RATE:5.1f} s | {full_s:.3f} ({wers[0]:.3f}) | {fitted_s:.3f} ({wers[1]:.3f})"
            f" | {fitted_s / full_s:.2f}"
        )


if __name__ == "__main__":
    main()
