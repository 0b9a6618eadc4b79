"""Routes for the careful hearing alone, offline: which way of hearing the bench answer in base's own
chunks, after the fact, gives the lowest final WER for its CPU? (issue #15)

    .venv/bin/python benchmarks/careful_routes.py [--routes a,b,...] [--seconds 180]

The answer is `spoken_answer(180)`; the draft (tiny.en, as the app hears it) is heard once and
cached, since the final transcript takes only its confirmed hesitations. Each route hears the answer
as `stream.transcribe_recording` does (the app's cuts, each chunk waited for), with the careful
transcriber as the app builds it (half the cores) and the route's changes, and prints one JSON row:
the final transcript's WER as the bench computes it (`word_error_rate(said, final.text)`), the CPU
seconds of the careful hearing per audio second (process time, all threads, loading excluded), the
chunks, and the CPU seconds of its last chunk (what is left to hear after stop). Nothing here is
product code.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

CACHE = Path("/tmp/careful-routes")


def answer(seconds: float):
    from interviewer.benchmarking.answer import spoken_answer

    CACHE.mkdir(exist_ok=True)
    audio_file, text_file = CACHE / f"answer{seconds:.0f}.npy", CACHE / f"answer{seconds:.0f}.txt"
    if not audio_file.exists():
        spoken = spoken_answer(seconds)
        np.save(audio_file, spoken.audio)
        text_file.write_text(spoken.text)
    from interviewer.benchmarking.answer import HINT, QUESTION

    return np.load(audio_file), text_file.read_text(), QUESTION, HINT


def draft_of(audio, question, hint, seconds: float):
    from interviewer.adapters.engines import build_transcriber
    from interviewer.domain.hearing.recording import transcribe_recording
    from interviewer.domain.transcript import Transcript, Word

    path = CACHE / f"draft{seconds:.0f}.json"
    if path.exists():
        data = json.loads(path.read_text())
        return Transcript(tuple(Word(*w) for w in data["words"]), "en", data["duration_s"], "faster-whisper", "tiny.en")
    draft = transcribe_recording(build_transcriber("faster-whisper", "tiny.en"), audio, question, hint)
    words = [[w.text, w.start, w.end, w.probability, w.hesitation_before] for w in draft.words]
    path.write_text(json.dumps({"words": words, "duration_s": draft.duration_s}))
    return draft


ROUTES: dict[str, dict] = {
    "baseline": {},
    "chunks-30": {"chunker": dict(min_chunk_s=22.0, busy_min_chunk_s=24.0, relaxed_after_s=26.0, max_chunk_s=29.0)},
    "chunks-26": {"chunker": dict(min_chunk_s=20.0, busy_min_chunk_s=22.0, relaxed_after_s=24.0, max_chunk_s=28.0)},
    "chunks-short": {"chunker": dict(min_chunk_s=12.0, busy_min_chunk_s=14.0, relaxed_after_s=16.0, max_chunk_s=22.0)},
    "no-prompt": {"listening": dict(style="", hotwords=False)},
    "style-only": {"listening": dict(hotwords=False)},
    "hotwords-only": {"listening": dict(style="")},
    "previous-10": {"listening": dict(previous_words=10)},
    "previous-40": {"listening": dict(previous_words=40)},
    "fallback": {"fallback": True},
    "beam5": {"beam": 5},
    "beam3": {"beam": 3},
    "beam2": {"beam": 2},
    "prev-only-40": {"listening": dict(style="", hotwords=False, previous_words=40)},
    "prev-only-70": {"listening": dict(style="", hotwords=False, previous_words=70)},
    "float32": {"compute_type": "float32"},
    "int16": {"compute_type": "int16"},
    "sequential": {"sequential": True},
    "whole-file": {"whole_file": True},
    "context-tokens": {"context_tokens": True, "hotwords": False},
    "context-tokens-hotwords": {"context_tokens": True, "hotwords": True},
    "greedy-then-beam5": {"options": dict(rewrite_beam_size=5)},
    "greedy-then-beam3": {"options": dict(rewrite_beam_size=3)},
    "greedy-then-beam2": {"options": dict(rewrite_beam_size=2)},
    "seq-greedy-then-beam5": {"options": dict(rewrite_beam_size=5), "sequential": True},
    "seq-greedy-then-beam5-chunks-30": {
        "options": dict(rewrite_beam_size=5),
        "sequential": True,
        "chunker": dict(min_chunk_s=22.0, busy_min_chunk_s=24.0, relaxed_after_s=26.0, max_chunk_s=29.0),
    },
    "seq-chunks-30": {
        "sequential": True,
        "chunker": dict(min_chunk_s=22.0, busy_min_chunk_s=24.0, relaxed_after_s=26.0, max_chunk_s=29.0),
    },
    "beam5-float32": {"beam": 5, "compute_type": "float32"},
    "beam5-chunks-30": {
        "beam": 5,
        "chunker": dict(min_chunk_s=22.0, busy_min_chunk_s=24.0, relaxed_after_s=26.0, max_chunk_s=29.0),
    },
}


def careful_transcriber(route: dict):
    from interviewer.adapters.engines import build_careful_transcriber

    careful = build_careful_transcriber("faster-whisper", "base")
    careful.options = replace(careful.options, **({"rewrite_beam_size": 1} | route.get("options", {})))
    if route.get("compute_type"):
        careful.options = replace(careful.options, compute_type=route["compute_type"])
    careful.load()
    if route.get("sequential") or route.get("fallback"):
        careful._decode_one_window = lambda samples, hints: ([], "en")
    careful._recorder._model = Spy(careful._recorder._model)
    if route.get("context_tokens"):
        _with_context_tokens(careful, route["hotwords"])
    if route.get("beam"):
        careful.options = replace(careful.options, beam_size=route["beam"])
        _without_logits(careful)
    if route.get("fallback"):
        careful.options = replace(careful.options, temperatures=(0.0, 0.2, 0.4, 0.6, 0.8, 1.0))
    return careful


MAIN_PASS_S = 6.0  # a decode this long is a chunk's main pass, not a stretch or a hesitation heard again


def _with_context_tokens(careful, hotwords: bool) -> None:
    """Each chunk's main pass on faster-whisper's sequential path with the tokens of the chunks
    before it as the prompt, timestamps included, as its own transcribe conditions a window on
    the windows before it (condition_on_previous_text); no style prompt."""
    context: list[int] = []

    def decode(samples, hints):
        arguments = careful._decode_arguments(hints)
        main = len(samples) >= MAIN_PASS_S * 16000
        if main:
            arguments |= {
                "initial_prompt": context[-223:] or None,
                "hotwords": arguments["hotwords"] if hotwords else None,
            }
        careful._recorder.take()
        segments, info = careful._whisper.transcribe(samples, **arguments)
        segments = list(segments)
        if main:
            context.extend(t for s in segments for t in s.tokens)
        words = [(w.word, w.start, w.end, w.probability) for s in segments for w in (s.words or ())]
        return careful._weighed(words), info.language

    careful._decode = decode


class Spy:
    """The CTranslate2 model, noting each greedy window's average log-probability and each beam decode."""

    def __init__(self, model) -> None:
        self.model, self.greedy, self.beams = model, [], 0

    def __getattr__(self, name):
        return getattr(self.model, name)

    def generate(self, *args, **kwargs):
        results = self.model.generate(*args, **kwargs)
        if kwargs.get("beam_size", 1) == 1:
            self.greedy += [round(average_log_probability(r, kwargs), 3) for r in results]
        else:
            self.beams += len(results)
        return results


def average_log_probability(result, kwargs: dict) -> float:
    """As faster-whisper recovers it from CTranslate2's score (its `avg_logprob`)."""
    if not result.scores:
        return 0.0
    length = len(result.sequences_ids[0])
    return result.scores[0] * length ** kwargs.get("length_penalty", 1.0) / (length + 1)


def _without_logits(careful) -> None:
    """Beam search cannot return the logits (CTranslate2): its words get no hesitation weight."""
    from interviewer.adapters.hesitation_evidence import Steps

    recorder = careful._recorder

    def generate(*args, **kwargs):
        results = recorder._model.generate(*args, **kwargs)
        recorder.steps += [Steps(r.sequences_ids[0], np.zeros(len(r.sequences_ids[0]))) for r in results]
        return results

    recorder.generate = generate


def careful_hearing(careful, route: dict, audio, question, hint):
    from interviewer.domain.hearing.chunker import LONG_CHUNKS
    from interviewer.domain.hearing.prompt import listening_for
    from interviewer.domain.hearing.recording import RECORDER_BLOCK_S
    from interviewer.domain.hearing.stream import StreamingTranscriber
    from interviewer.domain.hearing.stream_info import StreamingOptions
    from interviewer.domain.ports import SAMPLE_RATE

    chunker = replace(LONG_CHUNKS, **route.get("chunker", {}))
    stream = StreamingTranscriber(careful, question, hint, options=StreamingOptions(chunker, speculate_after_s=None))
    stream.listening = replace(listening_for("base"), **route.get("listening", {}))
    step = int(RECORDER_BLOCK_S * SAMPLE_RATE)
    for i in range(0, len(audio), step):
        stream.feed(audio[i : i + step])
        stream.wait_idle()
    before = time.process_time()
    transcript = stream.finish()
    return transcript, stream.stats(), time.process_time() - before


def run(name: str, audio, said: str, question: str, hint: str, draft) -> dict:
    from interviewer.domain.hearing.careful import final_transcript
    from interviewer.domain.wer import word_error_rate

    route = ROUTES[name]
    careful = careful_transcriber(route)
    began = time.process_time()
    if route.get("whole_file"):
        return whole(careful, audio, said, began)
    heard, stats, last_cpu = careful_hearing(careful, route, audio, question, hint)
    cpu = time.process_time() - began
    final = final_transcript(heard, draft)
    return {
        "route": name,
        "wer_final": round(word_error_rate(said, final.text), 4),
        "wer_careful": round(word_error_rate(said, heard.text), 4),
        "cpu_per_audio_s": round(cpu / stats.audio_s, 3),
        "chunks": stats.chunks,
        "chunk_seconds": stats.chunk_seconds,
        "last_chunk_cpu_s": round(last_cpu, 2),
        "greedy_logprobs": careful._recorder._model.greedy,
        "beam_decodes": careful._recorder._model.beams,
        "text": final.text,
    }


def whole(careful, audio, said: str, began: float) -> dict:
    """faster-whisper's own transcribe over the finished recording, greedy, no prompt (not usable live)."""
    from interviewer.domain.wer import word_error_rate

    segments, _ = careful._whisper.transcribe(audio, language="en", beam_size=1, temperature=0.0, word_timestamps=True)
    text = " ".join(s.text for s in segments)
    cpu = time.process_time() - began
    return {
        "route": "whole-file",
        "wer_final": round(word_error_rate(said, text), 4),
        "cpu_per_audio_s": round(cpu / (len(audio) / 16000), 3),
        "text": text,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--routes", default="baseline")
    parser.add_argument("--seconds", type=float, default=180.0)
    args = parser.parse_args()
    audio, said, question, hint = answer(args.seconds)
    draft = draft_of(audio, question, hint, args.seconds)
    for name in args.routes.split(","):
        print(json.dumps(run(name, audio, said, question, hint, draft)), flush=True)


if __name__ == "__main__":
    main()
