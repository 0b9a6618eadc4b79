"""Routes to hear um/uh in the sound where both Whisper hearings wrote another word (issue #17).

Tuning half only, by construction. Each route is asked the same question: of the um/uh said in the
answers that the app's careful hearing did not write (no hesitation within 0.6 s of the said one),
how many does the route find, and how many does it find where none was said? Three routes:

- `grammar`: pocketsphinx (CMU Sphinx's English acoustic model) decodes each sentence against a
  grammar made of the words Whisper wrote, with an optional um/uh between any two words and in place
  of any short function word ("that", "a", "of", "I'm": what Whisper wrote for the missed ones); words
  outside its dictionary become a loop of phones. Found fillers shorter than `--min-s` are dropped.
- `ratio`: for each pair of words Whisper wrote, pocketsphinx aligns "w1 w2", "w1 uh w2" and
  "uh w2" to the audio of that pair; the per-frame score gain of the filler hypotheses is the
  evidence. Printed: the gains at missed um/uh against the highest gains elsewhere.
- `nuclei`: syllable nuclei (`domain/hearing/syllables.py`) inside each written word against the
  word's written syllables, calibrated per answer: a word that swallowed an "uh" should hold one more.

pocketsphinx is not a dependency of the app: `.venv/bin/pip install pocketsphinx==5.1.1` first.

    .venv/bin/python benchmarks/filler_sound_routes.py grammar --transcripts DIR [--clips a,b]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

from interviewer.domain.hearing.pitch import track_pitch
from interviewer.domain.hearing.syllables import find_nuclei, written_syllables
from interviewer.domain.words import is_hesitation, norm_of
from interviewer.evaluation.clips import chosen
from interviewer.evaluation.synth import synthesize

SR = 16000
NEAR_S = 0.6  # a said filler counts as written when a written hesitation lies this close
FOUND_NEAR_S = 0.6  # ... and as found by a route within this distance (the truth time is an estimate)
FUNCTION_WORDS = {"a", "an", "the", "that", "and", "not", "of", "to", "i'm", "some", "on", "in", "or", "at"}
PHONES = "AA AE AH AO AW AY B CH D DH EH ER EY F G HH IH IY JH K L M N NG OW OY P R S SH T TH UH UW V W Y Z ZH"


def tuning_answers(transcripts: Path, only: set[str]):
    for clip in chosen("new", "tune"):
        if only and clip.id not in only:
            continue
        assert clip.half == "tune"
        words = json.loads((transcripts / f"{clip.id}.json").read_text())["words"]
        audio, truth = synthesize(clip)
        yield clip, audio, truth, [w for w in words if norm_of(w["word"])]


def _mid(word: dict) -> float:
    return (word["start"] + word["end"]) / 2


def missed_and_written(truth, words):
    said = [f.at_s for f in truth.fillers if is_hesitation(f.kind)]
    written = [_mid(w) for w in words if is_hesitation(norm_of(w["word"]))]
    missed = [t for t in said if not any(abs(t - h) < NEAR_S for h in written)]
    return said, missed


def sphinx():
    try:
        import pocketsphinx
    except ImportError:
        sys.exit("pocketsphinx is not installed: .venv/bin/pip install pocketsphinx==5.1.1")
    config = pocketsphinx.Config()
    config["loglevel"] = "FATAL"
    config["samprate"] = SR
    decoder = pocketsphinx.Decoder(config)
    for phone in PHONES.split():
        decoder.add_word(f"qqph{phone.lower()}", phone, False)
    return decoder


def _run(decoder, audio: np.ndarray) -> None:
    decoder.start_utt()
    decoder.process_raw((np.clip(audio, -1, 1) * 32767).astype(np.int16).tobytes(), full_utt=True)
    decoder.end_utt()


def _grammar(decoder, words: list[str]) -> str:
    optional = "( /0.1/ <f> | /1/ <NULL> )"
    parts = [optional]
    for token in (t for w in words for t in (norm_of(x) for x in w.replace("-", " ").split()) if t):
        if decoder.lookup_word(token) is None:
            parts.append("<oov>")
        elif token in FUNCTION_WORDS:
            parts.append(f"( /1/ {token} | /0.1/ <f> )")
        else:
            parts.append(token)
        parts.append(optional)
    phones = " | ".join(f"qqph{p.lower()}" for p in PHONES.split())
    return f"#JSGF V1.0;\ngrammar g;\npublic <s> = {' '.join(parts)};\n<f> = uh | um;\n<oov> = ({phones})+;\n"


def route_grammar(args) -> dict:
    decoder = sphinx()
    found = false = missed_total = 0
    cpu = audio_s = 0.0
    for _clip, audio, truth, words in tuning_answers(args.transcripts, args.clips):
        _, missed = missed_and_written(truth, words)
        missed_total += len(missed)
        said = [f.at_s for f in truth.fillers if is_hesitation(f.kind)]
        for segment in truth.segments:
            start, end = segment.start - 0.05, segment.end + 0.05
            piece = audio[int(start * SR) : int(end * SR)]
            heard = [w["word"] for w in words if start <= _mid(w) <= end and not is_hesitation(norm_of(w["word"]))]
            c0 = time.process_time()
            decoder.add_jsgf_string("g", _grammar(decoder, heard))
            decoder.activate_search("g")
            _run(decoder, piece)
            cpu += time.process_time() - c0
            audio_s += len(piece) / SR
            hits = [
                start + (s.start_frame + s.end_frame) / 200
                for s in decoder.seg() or []
                if s.word in ("uh", "um") and (s.end_frame - s.start_frame) / 100 >= args.min_s
            ]
            in_segment = [t for t in missed if segment.start <= t <= segment.end]
            found += sum(any(abs(h - t) < FOUND_NEAR_S for h in hits) for t in in_segment)
            false += sum(not any(abs(h - t) < FOUND_NEAR_S for t in said) for h in hits)
    return {"missed_um_uh": missed_total, "found": found, "found_where_none_said": false,
            "cpu_s_per_audio_s": round(cpu / max(audio_s, 1e-9), 3)}  # fmt: skip


def _score(decoder, audio: np.ndarray, text: str) -> float | None:
    try:
        decoder.set_align_text(text)
    except RuntimeError:
        return None
    _run(decoder, audio)
    hyp = decoder.hyp()
    return None if hyp is None else hyp.score / max(1, decoder.n_frames())


def route_ratio(args) -> dict:
    decoder = sphinx()
    at_missed, elsewhere = [], []
    for _clip, audio, truth, words in tuning_answers(args.transcripts, args.clips):
        _, missed = missed_and_written(truth, words)
        plain = [w for w in words if not is_hesitation(norm_of(w["word"]))]
        for a, b in zip(plain, plain[1:], strict=False):
            first, second = norm_of(a["word"]), norm_of(b["word"])
            if decoder.lookup_word(first) is None or decoder.lookup_word(second) is None:
                continue
            piece = audio[int((a["start"] - 0.05) * SR) : int((b["end"] + 0.05) * SR)]
            base = _score(decoder, piece, f"{first} {second}")
            if base is None:
                continue
            options = [f"{first} {f} {second}" for f in ("uh", "um")] + [f"{f} {second}" for f in ("uh", "um")]
            gain = max((_score(decoder, piece, text) or -1e9) for text in options) - base
            (at_missed if any(abs(t - a["end"]) < 0.5 for t in missed) else elsewhere).append(round(gain, 4))
    elsewhere.sort()
    median_missed = float(np.median(at_missed)) if at_missed else float("inf")
    return {"gains_at_missed_um_uh": sorted(at_missed), "pairs_elsewhere": len(elsewhere),
            "highest_gains_elsewhere": elsewhere[-10:],
            "elsewhere_at_or_above_median_missed_gain": sum(g >= median_missed for g in elsewhere)}  # fmt: skip


def route_nuclei(args) -> dict:
    near, other = [], []
    for _clip, audio, truth, words in tuning_answers(args.transcripts, args.clips):
        _, missed = missed_and_written(truth, words)
        nuclei = find_nuclei(audio, track_pitch(audio))
        plain = [w for w in words if not is_hesitation(norm_of(w["word"]))]
        counts = [(nuclei.count(w["start"], w["end"]), written_syllables(w["word"].strip())) for w in plain]
        per_syllable = sum(n for n, _ in counts) / max(1, sum(s for _, s in counts))
        for w, (n, s) in zip(plain, counts, strict=True):
            excess = n / per_syllable - s
            holds = any(w["start"] - 0.25 <= t <= w["end"] + 0.25 for t in missed)
            (near if holds else other).append(excess)
    return {
        f"excess >= {th}": f"{sum(e >= th for e in near)}/{len(near)} words at a missed um/uh, "
        f"{sum(e >= th for e in other)}/{len(other)} elsewhere"
        for th in (0.5, 1.0, 1.5, 2.0)
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("route", choices=("grammar", "ratio", "nuclei"))
    parser.add_argument("--transcripts", type=Path, required=True, help="an eval --half tune --save-transcripts DIR")
    parser.add_argument("--clips", type=lambda s: set(s.split(",")), default=set())
    parser.add_argument("--min-s", type=float, default=0.12, help="grammar: shortest filler kept")
    args = parser.parse_args(argv)
    routes = {"grammar": route_grammar, "ratio": route_ratio, "nuclei": route_nuclei}
    print(json.dumps(routes[args.route](args), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
