"""How often speech with no hesitation in it reaches weighed.py's minimums (the false-fire guard).

    PYTHONPATH=. python benchmarks/clean_speech.py [--model base] [--thresholds 0.03 0.01 0.005] [--opening-im]

Interview sentences with no filler at all (stand_ins.py's ten with a said "I'm", and 24 more; with
`--opening-im`, twelve with "I'm" opening a sentence) are
spoken by each voice of the evaluation's tuning half (six espeak-ng voices and the Piper voice),
joined by 0.25 s of silence into pieces of at most 25 s that end at a sentence's end, and heard as
the app hears a chunk (`transcribe_answer`, with the model's hints for that clip's question). Every
written word's `hesitation_before` is a weight where nothing was said: the script prints how many
hesitations weighed.py puts back with the model's `Weighing`, how many words reach each threshold,
the largest weights, and the said "I'm"s inside a sentence (where a stand-in applies) against the
stand-in minimums.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from stand_ins import SENTENCES as SAID_IM  # benchmarks/ is on the path when a script of it runs

from interviewer.adapters.engines import build_transcriber
from interviewer.domain.hearing import recovery
from interviewer.domain.hearing.prompt import decode_hints_for, listening_for
from interviewer.domain.hearing.weighed import STAND_INS, weighed_hesitations, weighing_for
from interviewer.domain.words import SENTENCE_END, is_hesitation, norm_of
from interviewer.evaluation.clip import NEURAL_VOICE
from interviewer.evaluation.clips import chosen
from interviewer.evaluation.voices import sentence_audio

CLEAN = (
    "The first thing I check is whether the labels were collected the same way at every site.",
    "Our validation set came from another hospital, and the model held up reasonably well there.",
    "An ensemble of five models gave us better calibration than a single large network.",
    "Under the hood it is a gradient boosted tree with about four hundred features.",
    "Other teams used the same pipeline, and their results were within two points of ours.",
    "Then we looked at the errors one by one and found that most of them were labelling mistakes.",
    "You can use the same approach for any outcome that is rare and expensive to label.",
    "On the imaging side, we resampled every scan to one millimetre before training.",
    "After the pilot, the clinicians asked for a simpler report with only three numbers.",
    "A threshold of point three gave the best balance between sensitivity and specificity.",
    "In practice, the hardest part is agreeing on what counts as a positive case.",
    "We used stratified splits by patient, because visits from one person are not independent.",
    "Usually I start with logistic regression as a baseline and only then try deeper models.",
    "If the data shifts, the monitoring job sends an alert and we review the latest cases.",
    "Every prediction is logged with the model version, the inputs and the time it was made.",
    "Early stopping and weight decay were enough to keep the validation loss from rising.",
    "Another option is to collect more data, which is slow but almost always helps.",
    "Each hospital keeps its own records, and only the aggregated statistics are shared.",
    "Our users are radiologists, and they want to see the evidence behind each flag.",
    "Although the accuracy looked high, the recall on the minority class was poor.",
    "It takes about two hours to retrain the model on the full data set.",
    "Over time we learned to write down every assumption before running the analysis.",
    "And then the question is whether the improvement is worth the extra complexity.",
    "Once the model was deployed, we compared its alerts with the radiologists' reports every week.",
)
# Round 16: a said "um" that base wrote "I'm" opening a sentence weighed 0.0011-0.0036 (two tmux drives, two
# tuning answers); said "I'm" opening these weighed up to 0.0131 (4 of 71 at 0.004 or more), so no stand-in there
OPENING_IM = (
    "I'm confident the model generalizes to the second hospital.",
    "The labels were noisy. I'm sure that cost us a few points of recall.",
    "We shipped it in March. I'm proud of how the team handled the rollout.",
    "That was the first version. I'm now rebuilding the pipeline in Spark.",
    "Calibration matters here. I'm using isotonic regression on the validation set.",
    "The data came from three sites. I'm careful to split by patient.",
    "It worked offline. I'm less sure it will hold up in production.",
    "I'm the one who wrote the monitoring job.",
    "Latency was the problem. I'm caching the embeddings now.",
    "We compared five models. I'm still surprised the simplest one won.",
    "I'm happy with the results so far.",
    "The reviewers agreed. I'm going to extend the study to two more hospitals.",
)
GAP_S = 0.25
PIECE_S = 25
THRESHOLDS = (0.03, 0.02, 0.015, 0.01, 0.008, 0.006, 0.005, 0.004, 0.003, 0.002)


def pieces(sentences: list[np.ndarray]) -> list[np.ndarray]:
    """The sentences joined by GAP_S of silence into pieces of at most PIECE_S seconds."""
    gap = np.zeros(int(GAP_S * 16000), dtype=np.float32)
    out, current = [], []
    for audio in sentences:
        if current and sum(len(a) for a in current) + len(audio) > PIECE_S * 16000:
            out.append(np.concatenate(current))
            current = []
        current += [audio, gap]
    return out + [np.concatenate(current)] if current else out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="base")
    parser.add_argument("--thresholds", type=float, nargs="+", default=THRESHOLDS)
    parser.add_argument("--save", type=Path, help="write every word's weight here (JSON)")
    parser.add_argument(
        "--opening-im", action="store_true", help='said "I\'m" opening sentences instead (a stand-in there?)'
    )
    args = parser.parse_args()
    sentences = OPENING_IM if args.opening_im else SAID_IM + CLEAN
    transcriber = build_transcriber("faster-whisper", args.model)
    transcriber.load()
    weighing = weighing_for(args.model)
    recovery.weighed_hesitations = lambda words, _weighing=None: list(words)  # put back below, counted
    voices = {}
    for clip in chosen("new", "tune"):
        voices.setdefault(clip.voice, clip)
    weights = []  # (weight, voice, word, context, opens a sentence)
    written = put_back = 0
    for voice, clip in voices.items():
        hints = decode_hints_for(clip.question, clip.hint, listening=listening_for(args.model))
        for piece in pieces([sentence_audio(s, clip) for s in sentences]):
            heard = list(recovery.transcribe_answer(transcriber, piece, hints).words)
            written += sum(map(_hesitation, heard))
            put_back += sum(map(_hesitation, weighed_hesitations(heard, weighing))) - sum(map(_hesitation, heard))
            for k, w in enumerate(heard):
                opens = k == 0 or heard[k - 1].text.rstrip()[-1:] in SENTENCE_END
                context = " ".join(x.text.strip() for x in heard[max(0, k - 3) : k + 2])
                if not _hesitation(w):
                    weights.append((w.hesitation_before, voice, norm_of(w.text), context, opens))
        print(f"{voice}: {len(weights)} words so far", flush=True)
    print(
        f"hesitations Whisper wrote where none was said: {written}; put back by weighed.py ({args.model}): {put_back}"
    )
    if args.save:
        args.save.write_text(json.dumps(weights))
    _report(weights, args.thresholds, weighing)


def _hesitation(word) -> bool:
    return is_hesitation(norm_of(word.text))


def _report(weights: list[tuple], thresholds: tuple[float, ...], weighing) -> None:
    words = [w for w in weights if w[2] != "i'm"]
    print(f'{len(words)} said words (not "I\'m"), {len(weights) - len(words)} said "I\'m"')
    for t in thresholds:
        over = [w for w in words if w[0] >= t]
        piper = sum(w[1] == NEURAL_VOICE for w in over)
        print(f"  >= {t:.4f}: {len(over):3d} ({len(over) / len(words):.2%}), espeak {len(over) - piper}, Piper {piper}")
    print("largest:")
    for w in sorted(words, reverse=True)[:12]:
        print(f"  {w[0]:.4f} {w[1]:15} {w[2]:12} {'opens' if w[4] else '     '} | {w[3]}")
    opening = sorted((w for w in weights if w[2] == "i'm" and w[4]), reverse=True)
    print(f"said I'm opening a sentence ({len(opening)}): largest {', '.join(f'{w[0]:.4f}' for w in opening[:6])}")
    inside = sorted((w for w in weights if w[2] == "i'm" and not w[4]), reverse=True)
    print(
        f"said I'm inside a sentence ({len(inside)}): largest {', '.join(f'{w[0]:.5f} ({w[1]})' for w in inside[:5])}"
    )
    for minimum in sorted({*weighing.stand_ins.values(), *STAND_INS.values()}):
        print(f"  reaching {minimum}: {sum(w[0] >= minimum for w in inside)}")


if __name__ == "__main__":
    main()
