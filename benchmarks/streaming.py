"""Memory of a long streamed answer: does a 30-minute answer keep more than its audio?

    .venv/bin/python benchmarks/streaming.py [--minutes 30]

Feeds the generated 3-minute answer, repeated, as fast as the chunker takes it into a
StreamingTranscriber whose transcriber returns 2.5 words per second of audio (the engine's
own memory does not grow with the answer; this measures what the stream keeps). Prints the
resident memory growth against the size of the answer's float32 audio.
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np

from interviewer.benchmarking.answer import spoken_answer
from interviewer.domain.hearing.stream import StreamingTranscriber
from interviewer.domain.ports import SAMPLE_RATE, DecodeHints
from interviewer.domain.transcript import Transcript, Word

WORDS_PER_S = 2.5


class CountingTranscriber:
    engine, model = "fake", "words-per-second"

    def load(self, progress=None) -> None:
        pass

    def transcribe(self, audio: np.ndarray, hints: DecodeHints = DecodeHints()) -> Transcript:
        seconds = len(audio) / SAMPLE_RATE
        count = int(seconds * WORDS_PER_S)
        words = tuple(Word(f" word{i}", i / WORDS_PER_S, (i + 0.8) / WORDS_PER_S) for i in range(count))
        return Transcript(words, duration_s=seconds)


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        line = next(x for x in status if x.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=30.0)
    args = parser.parse_args()
    answer = spoken_answer(180).audio
    streamer = StreamingTranscriber(CountingTranscriber())
    total = int(args.minutes * 60 * SAMPLE_RATE)
    block = SAMPLE_RATE // 10
    before, t0, peak = rss_mb(), time.perf_counter(), 0.0
    for i in range(0, total, block):
        start = i % len(answer)
        streamer.feed(answer[start : start + block])
        if i % (60 * SAMPLE_RATE) == 0:
            peak = max(peak, rss_mb())
    transcript = streamer.finish()
    after = max(peak, rss_mb())
    print(json.dumps({
        "minutes": args.minutes, "audio_float32_mb": round(total * 4 / 2**20, 1),
        "rss_before_mb": round(before, 1), "rss_growth_mb": round(after - before, 1),
        "words": len(transcript.words), "chunks": streamer.stats().chunks,
        "seconds": round(time.perf_counter() - t0, 1),
    }))  # fmt: skip


if __name__ == "__main__":
    main()
