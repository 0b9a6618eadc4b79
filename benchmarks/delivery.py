"""The voice and wording figures on generated truth, and what each adds to a 3-minute answer's analysis.

    .venv/bin/python benchmarks/delivery.py            # both parts
    .venv/bin/python benchmarks/delivery.py --time     # only the timing

Detection: espeak-ng answers whose prosody is set (SSML range for pitch, numpy gains and fades for
loudness), five voices each, told apart at the analysis's own thresholds. Timing: the best of N runs
of `analyse()` on a 177 s answer, and of each new measure on its own, wall and CPU milliseconds.
"""

from __future__ import annotations

import argparse
import time

from interviewer.domain.analysis import analyse, signal
from interviewer.domain.analysis.coverage import assess_coverage
from interviewer.domain.analysis.hedging import find_hedging
from interviewer.domain.analysis.hint_points import split_hint
from interviewer.domain.analysis.prosody import assess_energy, assess_pitch
from interviewer.domain.analysis.repetition import find_repetition
from interviewer.domain.analysis.timing import answer_bounds
from interviewer.domain.analysis.wordiness import assess_wordiness
from interviewer.domain.hearing import pitch as pitch_module
from interviewer.domain.words import split_sentences, tokenize
from interviewer.evaluation.delivery_truth import SENTENCES, Voice, spoken_answer

HINT = "Cover federated learning, secure aggregation, differential privacy, and validation on a held-out site."
QUESTION = "How would you train a model on data from hospitals that cannot share their records?"
VOICES = (
    Voice("en-us", 160, 50),
    Voice("en-gb", 140, 30),
    Voice("en-us+f3", 175, 60),
    Voice("en-us", 190, 80),
    Voice("en-gb-scotland", 150, 45),
)


def clip_sentences(k: int, n: int = 4) -> tuple[str, ...]:
    return tuple(SENTENCES[(k + i) % len(SENTENCES)] for i in range(n))


def run(voice, k: int, **kw):
    audio, transcript = spoken_answer(voice, clip_sentences(k), **kw)
    return analyse(transcript, audio, HINT, question=QUESTION)


def with_range(voice: Voice, pitch_range: str) -> Voice:
    return Voice(voice.voice, voice.wpm, voice.pitch, pitch_range)


def detection() -> None:
    print("## Pitch: monotone below 2 semitones (10th-90th percentile range)")
    for ranges, want in ((("0", "x-low"), True), (("medium", "high"), False), (("low",), None)):
        spreads, hits = [], 0
        for pitch_range in ranges:
            for k, voice in enumerate(VOICES):
                p = run(with_range(voice, pitch_range), k).pitch
                spreads.append(p.spread_st)
                hits += want is not None and p.monotone == want
        told = f"{hits}/{len(spreads)} told apart" if want is not None else "(in between, no truth)"
        print(f"  range {'/'.join(ranges):12s} spread {min(spreads):.2f}-{max(spreads):.2f} st  {told}")
    print("## Energy: flat below 3 dB (10th-90th percentile of sentence loudness)")
    patterns = {"+-3-6 dB": ((0, -6, 2, -4), (3, -3, -6, 0)), "+-2-3 dB": ((0, -3, 1, -2), (1, -2, 0, -3))}
    for name, want in (("one amplitude", True), ("+-3-6 dB", False), ("+-2-3 dB", None)):
        values, hits = [], 0
        for k in range(2 * len(VOICES)):
            gains = patterns[name][k // len(VOICES)] if name in patterns else None
            e = run(VOICES[k % len(VOICES)], k, gains_db=gains).energy
            values.append(e.spread_db)
            hits += want is not None and e.flat == want
        told = f"{hits}/{len(values)} told apart" if want is not None else "(in between)"
        print(f"  {name:14s} spread {min(values):.2f}-{max(values):.2f} dB  {told}")
    print("## Trailing off: a sentence's last fifth 5 dB below its first third; the answer when a third do")
    for tail, want in ((0.0, False), (12.0, True), (6.0, None)):
        answers, sentences, trailing = 0, 0, 0
        for k, voice in enumerate(VOICES):
            for v in (voice, with_range(voice, "x-low")):
                e = run(v, k, tail_db=tail).energy
                answers += want is not None and e.trails_off == want
                sentences += e.sentences
                trailing += len(e.trailing)
        told = f"{answers}/10 answers right" if want is not None else "(mild)"
        print(f"  fade {tail:4.0f} dB: {trailing}/{sentences} sentences flagged, {told}")
    print("## Fading: the last third 3 dB below the first")
    for name, gains, want in (("steady", None, False), ("-7 dB by the end", (0, 0, -3, -7), True)):
        hits = sum(run(voice, k, gains_db=gains).energy.dropping == want for k, voice in enumerate(VOICES))
        print(f"  {name:16s} {hits}/{len(VOICES)} right")


def best_ms(step, runs: int = 7) -> tuple[float, float]:
    wall = cpu = float("inf")
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        step()
        wall, cpu = min(wall, time.perf_counter() - w), min(cpu, time.process_time() - c)
    return wall * 1000, cpu * 1000


def timing() -> None:
    audio, transcript = spoken_answer(Voice(wpm=150), SENTENCES * 4)
    print(f"## Timing: a {len(audio) / 16000:.0f} s answer, {len(transcript.words)} words (best of 7, wall / CPU ms)")
    levels = signal.levels(audio)
    tokens = tokenize(transcript.words)
    sentences = split_sentences(tokens)
    bounds = answer_bounds(tokens, levels)
    points = split_hint(HINT)
    coverage = assess_coverage(points, tokens)
    covered = [(p.point, p.at_s) for p in coverage.points if p.covered]
    a, b = int(bounds[0] * 16000), int(bounds[1] * 16000)
    track = pitch_module.track_pitch(audio[a:b])
    steps = {
        "analyse() whole": lambda: analyse(transcript, audio, HINT, question=QUESTION),
        "  pitch tracker": lambda: pitch_module.track_pitch(audio[a:b]),
        "  pitch figures": lambda: assess_pitch(track, bounds[0], sentences),
        "  energy": lambda: assess_energy(levels, bounds, sentences),
        "  repetition": lambda: find_repetition(tokens, QUESTION, HINT),
        "  hedging": lambda: find_hedging(tokens, QUESTION, 3.0),
        "  wordiness": lambda: assess_wordiness(sentences, covered, points),
    }
    for name, step in steps.items():
        wall, cpu = best_ms(step)
        print(f"  {name:18s} {wall:6.1f} / {cpu:6.1f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--time", action="store_true", help="only the timing")
    args = parser.parse_args()
    if not args.time:
        detection()
    timing()


if __name__ == "__main__":
    main()
