"""What the app does after the stop key, besides the draft's last piece: the analysis and the first paint.

    .venv/bin/python benchmarks/after_stop.py [--rounds 4] [--seconds 180]

On the bench's spoken answer (espeak-ng, `benchmarking/answer.py`), heard once by faster-whisper base:

1. the analysis with the pitch track followed while recording (`hearing.pitch.PitchFollower`, as the app
   does) and tracked at stop (as round 16 did, and as a re-score does), alternated, idle and beside a
   careful base decode at its nice +10 (what runs at stop when the careful hearing is behind);
2. the feedback screen from push to its first paint, headless at 120x40 (Textual's Pilot).

Times are wall seconds on this machine; compare the rows of one run, not runs on different days.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from interviewer.adapters.engines import build_careful_transcriber  # noqa: E402
from interviewer.benchmarking.answer import HINT, QUESTION, spoken_answer  # noqa: E402
from interviewer.domain.analysis import analyse  # noqa: E402
from interviewer.domain.audiofile import quantize  # noqa: E402
from interviewer.domain.hearing.pitch import PitchFollower  # noqa: E402
from interviewer.domain.session import AnswerResult, analyse_answer  # noqa: E402

BLOCK = 1600  # samples per recorder block (0.1 s)
BUSY_CHUNK_S = (30, 55)  # the stretch the careful model decodes over and over beside the analysis


def followed(audio):
    follower = PitchFollower()
    for at in range(0, len(audio), BLOCK):
        follower.feed(audio[at : at + BLOCK])
    return follower.raw_track_of(audio)


def analysis_times(audio, transcript, careful, rounds: int) -> dict[str, list[float]]:
    raw = followed(audio)
    analyse(transcript, audio, HINT, question=QUESTION)  # warm
    chunk = audio[BUSY_CHUNK_S[0] * 16000 : BUSY_CHUNK_S[1] * 16000]
    stop = threading.Event()

    def decode() -> None:
        while not stop.is_set():
            careful.transcribe(chunk)

    times: dict[str, list[float]] = {}
    for _ in range(rounds):
        for busy in (False, True):
            worker = None
            if busy:
                stop.clear()
                worker = threading.Thread(target=decode, daemon=True)
                worker.start()
                time.sleep(1.5)  # into a decode
            for pitch in (raw, None):
                t0 = time.perf_counter()
                analyse(transcript, audio, HINT, question=QUESTION, pitch=pitch)
                key = f"{'beside a base decode' if busy else 'idle'}, {'followed' if pitch else 'tracked at stop'}"
                times.setdefault(key, []).append(time.perf_counter() - t0)
            if worker is not None:
                stop.set()
                worker.join()
    return times


def paint_times(analysis: dict, transcript, pushes: int) -> list[float]:
    from textual.app import App

    from interviewer.ui.screens.feedback import FeedbackScreen

    planned = SimpleNamespace(question=SimpleNamespace(text=QUESTION, id="bench"), bank=SimpleNamespace(id="bench"))
    answer = SimpleNamespace(follow_up_text="", number=1, question_id="bench")
    times: list[float] = []

    async def scenario() -> None:
        app = App()
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            for _ in range(pushes):
                screen = FeedbackScreen(planned, None, AnswerResult(answer, transcript, analysis), has_next=False)
                painted = asyncio.Event()
                t0 = time.perf_counter()
                app.push_screen(screen)
                screen.call_after_refresh(painted.set)
                await painted.wait()
                times.append(time.perf_counter() - t0)
                await pilot.pause()
                app.pop_screen()
                await pilot.pause()

    asyncio.run(scenario())
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=180.0)
    args = parser.parse_args(argv)
    said = spoken_answer(args.seconds)
    audio = quantize(said.audio)
    careful = build_careful_transcriber("faster-whisper", "base")
    careful.load()
    transcript = careful.transcribe(audio)
    print(f"answer {len(audio) / 16000:.1f} s, {len(transcript.words)} words heard")
    for key, values in analysis_times(audio, transcript, careful, args.rounds).items():
        print(f"analysis, {key:38s} median {statistics.median(values):.3f} s  {[round(v, 3) for v in values]}")
    analysis = analyse_answer(transcript, audio, HINT, (120, 180), 2.0, QUESTION, followed(audio))
    paints = paint_times(analysis, transcript, args.rounds)
    print(f"feedback screen push -> painted (headless 120x40): {[round(v, 3) for v in paints]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
