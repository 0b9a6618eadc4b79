"""How much Whisper weighs a hesitation before a said "I'm" (weighed.py's STAND_INS).

    python benchmarks/stand_ins.py [--model tiny.en]

Ten sentences holding a said "I'm" (12 of them) are spoken by four of the evaluation's voices
(three espeak-ng voices and the Piper voice), heard with the app's hints in 25 s pieces, and each
"I'm" prints the probability Whisper gave a hesitation before it. A said "I'm" must stay under the
stand-in minimum; on the tuning half, "I'm" written for a said "um" got 0.0012-0.037.
"""

from __future__ import annotations

import argparse

import numpy as np

from interviewer.adapters.engines import build_transcriber
from interviewer.domain.hearing.prompt import decode_hints_for
from interviewer.domain.hearing.weighed import STAND_INS
from interviewer.evaluation.clips import NEW
from interviewer.evaluation.voices import sentence_audio

SENTENCES = (
    "I think the model is fine, and I'm sure of it, because the validation set was large.",
    "We tried three approaches and I'm the first to say that the simplest one won.",
    "And I'm a big fan of simple models when the data is small.",
    "So I'm not convinced that deep learning helps on tabular data.",
    "Honestly I'm still learning how to explain calibration to clinicians.",
    "When I'm on call, I check the drift dashboard every morning.",
    "I'm going to start with the baseline, and then I'm adding features one at a time.",
    "The team knows I'm careful with leakage, so they ask me to review splits.",
    "If I'm honest, the hardest part was getting the labels right.",
    "I'm happy to talk about the deployment side too, which I'm proud of.",
)
VOICES = ("en-us", "en-gb", "en-us+f3", "piper-joe")
PIECE_S = 25


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="tiny.en")
    args = parser.parse_args()
    transcriber = build_transcriber("faster-whisper", args.model)
    transcriber.load()
    clips = {c.voice: c for c in NEW}
    weights = []
    for voice in VOICES:
        clip = clips[voice]
        gap = np.zeros(4000, dtype=np.float32)
        audio = np.concatenate([part for s in SENTENCES for part in (sentence_audio(s, clip), gap)])
        hints = decode_hints_for(clip.question, clip.hint)
        for a in range(0, len(audio), PIECE_S * 16000):
            heard = transcriber.transcribe(audio[a : a + PIECE_S * 16000], hints)
            weights += [(w.hesitation_before, voice) for w in heard.words if "i'm" in w.text.lower()]
    weights.sort(reverse=True)
    minimum = STAND_INS["i'm"]
    print(f"{len(weights)} said I'm heard; stand-in minimum {minimum}")
    print("largest:", ", ".join(f"{w:.5f} ({v})" for w, v in weights[:5]))
    print("over the minimum:", sum(w >= minimum for w, _ in weights))


if __name__ == "__main__":
    main()
