"""Streaming routes against whole-file decoding: which way of hearing an answer while it is spoken
hears it as well as decoding the finished recording? (issue #15)

    .venv/bin/python benchmarks/routes.py [--model base] [--routes a,b,...] [--seconds 180]

Each route runs in its own process (one after the other, never two at once) on the benchmark
answer (`spoken_answer(180)`, espeak-ng, its `.text` is what was said) and prints one row:
WER as `word_error_rate` computes it, WER with both sides through openai-whisper's
EnglishTextNormalizer (numbers as digits on both sides: "forty percent" = "40%"), CPU seconds per
audio second (time.process_time of the process, all threads, model loading excluded), windows
decoded, words decoded per window (words the decoder generated, not those forced as a prefix), and
what is left at stop: seconds of audio not yet decodable when the person presses stop, and the
CPU seconds spent on it after stop.

Every window is decoded here with faster-whisper's own parts (feature extractor, encoder,
`get_prompt`, CTranslate2 `generate`, `find_alignment`), greedy, temperature 0, no VAD, so that a
window's prefix, prompt and words can be told apart. Nothing here is product code.

Measured (base, 2 cores, one answer of 501 words, so one WER point is 5 words):
    route               WER   WERnorm CPU/s  windows words/win left@stop cpu@stop
    whole-file          0.077 0.076   0.122  -       -         181.7 s   22.2 s
    whole-file-nowords  0.099 0.098   0.146  -       -         181.7 s   26.5 s
    long-chunks         0.119 0.112   0.167  11      51.7      10.8 s    2.6 s
    long-chunks-beam5   0.101 0.092   0.205  11      52.1      10.8 s    4.0 s
    short-chunks        0.115 0.110   0.228  17      33.2      10.8 s    2.5 s
    online-seq-30       0.113 0.108   0.140  7       77.7      11.6 s    2.2 s
    la2-step3           0.123 0.116   0.814  61      39.4       8.0 s    2.4 s
    ctx-only-long       0.325 0.321   0.255  16      68.1      10.8 s    5.6 s
    ctx-only-short      0.492 0.486   0.477  28      68.2      10.8 s    5.7 s
    ctx-prompt-short    0.883 0.882   0.362  19      88.0      10.8 s    4.3 s
    ctx-prefix-long     1.496 1.506   0.290  12      82.0      10.8 s    5.5 s
    ctx-prefix-short    3.774 3.727   0.490  18     131.7      10.8 s    5.5 s
    online-seq-20       1.421 1.424   0.194  10     104.7       1.7 s    1.7 s  (la2 and -20: first run)
The context routes drop whole sentences (ctx-only-long: 5 sentences) and, with a prefix or
prompt, loop; the whole-file pair shows how much window placement alone moves the figure.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass

import numpy as np

SR = 16000
WINDOW_S = 30.0
CONTEXT_SPAN_S = 29.5  # a window with audio context holds at most this much (a little under 30 s)
MAX_NEW_TOKENS = 160  # as the app (WhisperOptions.max_new_tokens)
MAX_TEXT_TOKENS = 448
PROMPT_TOKENS = 223  # faster-whisper keeps this much previous text as the prompt


@dataclass
class W:
    """A word heard: its text with the leading space, times in seconds from the recording's start."""

    text: str
    start: float
    end: float


class Decoder:
    """One faster-whisper model, a window at a time; counts windows, generated words and CPU."""

    def __init__(self, model: str, beam_size: int = 1) -> None:
        from faster_whisper import WhisperModel
        from faster_whisper.tokenizer import Tokenizer
        from faster_whisper.transcribe import get_suppressed_tokens

        from interviewer.adapters import weights
        from interviewer.adapters.faster_whisper_engine import engine_threads

        folder = weights.ctranslate2_folder(model)
        self.whisper = WhisperModel(
            str(folder), device="cpu", compute_type="int8", cpu_threads=engine_threads(), local_files_only=True
        )
        self.tok = Tokenizer(self.whisper.hf_tokenizer, self.whisper.model.is_multilingual, "transcribe", "en")
        self.suppress = list(get_suppressed_tokens(self.tok, [-1]))
        self.beam_size = beam_size
        self.windows = 0
        self.generated_words = 0
        self.window_cpu: list[float] = []
        self.stop_cpu = 0.0

    def encode(self, audio: np.ndarray):
        from faster_whisper.audio import pad_or_trim

        features = self.whisper.feature_extractor(np.ascontiguousarray(audio, dtype=np.float32))
        frames = min(int(WINDOW_S * 100), features.shape[-1] - 1)
        return self.whisper.encode(pad_or_trim(features[:, :frames])), frames

    def generate(self, encoded, prompt: list[int]) -> list[int]:
        max_length = min(MAX_TEXT_TOKENS, len(prompt) + MAX_NEW_TOKENS)
        result = self.whisper.model.generate(
            encoded,
            [prompt],
            beam_size=self.beam_size,
            patience=1.0,
            length_penalty=1.0,
            max_length=max_length,
            return_scores=True,
            suppress_blank=True,
            suppress_tokens=self.suppress,
            max_initial_timestamp_index=50,
        )[0]
        return list(result.sequences_ids[0])

    def align(self, encoded, frames: int, text_tokens: list[int]) -> list[tuple[str, float, float, int]]:
        """(word, start, end, tokens in it) for `text_tokens`, times from the window's start."""
        if not text_tokens:
            return []
        words = self.whisper.find_alignment(self.tok, [text_tokens], encoded, frames)[0]
        return [(w["word"], float(w["start"]), float(w["end"]), len(w["tokens"])) for w in words]

    def window(self, audio: np.ndarray, offset_s: float, prefix: str = "", prompt: str = "") -> list[W]:
        """The words of one window (at most 30 s of audio) not forced as `prefix`, in recording time.

        `prefix` is the text already heard at the start of the window: the decoder continues after
        it (faster-whisper `transcribe(prefix=...)`), and the prefix and new text are aligned
        together, so the new words get their times with the context they follow. `prompt` is given
        as previous text (`initial_prompt`).
        """
        began = time.process_time()
        encoded, frames = self.encode(audio)
        previous = self.tok.encode(" " + prompt.strip())[-PROMPT_TOKENS:] if prompt.strip() else []
        full = self.whisper.get_prompt(self.tok, previous, without_timestamps=False, prefix=prefix or None)
        tokens = self.generate(encoded, full)
        new = [t for t in tokens if t < self.tok.eot]
        forced = self.tok.encode(" " + prefix.strip()) if prefix.strip() else []
        aligned = self.align(encoded, frames, forced + new)
        words, used = [], 0
        for text, start, end, count in aligned:
            used += count
            if used > len(forced) and text.strip():
                words.append(W(text, offset_s + start, offset_s + end))
        self.windows += 1
        self.generated_words += len(words)
        self.window_cpu.append(time.process_time() - began)
        return words


# --------------------------------------------------------------------------- the audio cut into chunks


def chunks_of(audio: np.ndarray, options) -> list[tuple[float, float]]:
    """(start_s, heard_end_s) of each chunk with speech, as the app's Chunker cuts the recording
    when it is fed 0.1 s blocks (the last one is closed by `flush()` at stop)."""
    from interviewer.domain.hearing.chunker import Chunker

    chunker = Chunker(options)
    closed = []
    for i in range(0, len(audio), SR // 10):
        closed.extend(chunker.push(audio[i : i + SR // 10]))
    last = chunker.flush()
    closed += [last] if last is not None else []
    return [(c.start_s, c.start_s + len(c.heard_audio) / SR) for c in closed if c.has_speech]


def chunker_options(name: str):
    from interviewer.domain.hearing.chunker import LONG_CHUNKS, ChunkerOptions

    return {
        "short": ChunkerOptions(min_chunk_s=8.0, busy_min_chunk_s=8.0, relaxed_after_s=9.0, max_chunk_s=12.0),
        "long": LONG_CHUNKS,
    }[name]


def piece(audio: np.ndarray, start_s: float, end_s: float) -> np.ndarray:
    return audio[max(0, round(start_s * SR)) : round(end_s * SR)]


# --------------------------------------------------------------------------- routes


def whole_file(decoder: Decoder, audio: np.ndarray, word_timestamps: bool = True, **_) -> dict:
    """The finished recording, faster-whisper's sequential transcribe (condition_on_previous_text
    default True), greedy, temperature 0, no prompt. The target, not a stream. With word times a
    window after the first starts at the last word's end, without them at the last segment's end:
    the same decoder placing its windows differently (0.077 vs 0.099 on the bench answer)."""
    began = time.process_time()
    segments, _info = decoder.whisper.transcribe(
        audio, language="en", beam_size=1, temperature=0.0, vad_filter=False, word_timestamps=word_timestamps
    )
    text = " ".join(s.text for s in segments)
    decoder.windows, decoder.window_cpu = 0, [time.process_time() - began]
    return {"text": text, "left_s": len(audio) / SR, "stop_cpu_s": decoder.window_cpu[0]}


def chunked(decoder: Decoder, audio: np.ndarray, chunks: str = "long", **_) -> dict:
    """Each chunk cut at pauses heard on its own in one window, no prompt (the app's base route
    without its style prompt, hotwords and recovery passes). When the decoder stops more than
    EARLY_STOP_S before the chunk's end, the rest is decoded again from its last word (as the
    app's adapter falls back to the sequential pass)."""
    cut = chunks_of(audio, chunker_options(chunks))
    words: list[W] = []
    for start, end in cut:
        words += hear_span(decoder, audio, start, end, words, "fresh")
    return {"text": "".join(w.text for w in words), "left_s": cut[-1][1] - cut[-1][0],
            "stop_cpu_s": decoder.stop_cpu, "chunks": len(cut)}  # fmt: skip


EARLY_STOP_S = 1.0  # speech left after the last word heard: the decoder stopped short of it
PREFIX_TOKENS = 200  # the context given as a prefix at most (faster-whisper caps it at 223)


def hear_span(decoder: Decoder, audio: np.ndarray, start: float, end: float, heard: list[W], context: str) -> list[W]:
    """The new words of [start, end] (a chunk: speech up to `end`), decoded with `context`:
    "fresh" (the chunk alone), or a window that also holds the audio of the words heard before
    it, back to a word boundary, CONTEXT_SPAN_S in all, with those words as the decoder prefix
    ("prefix"), as the prompt ("prompt") or not told ("none"; then and with "prompt" the words
    whose middle lies before `start`, a pause, are dropped). Decoded again from the last word
    heard while the decoder stops EARLY_STOP_S or more before `end` (at most 3 times).
    The CPU of the span is `decoder.stop_cpu` (what the last chunk costs after stop)."""
    began = time.process_time()
    new: list[W] = []
    for _attempt in range(4):
        so_far = heard + new
        if context == "fresh" or not so_far:
            opens, prefix = start, ""
        else:
            earliest = end - CONTEXT_SPAN_S
            first = next((i for i, w in enumerate(so_far) if w.start >= earliest), len(so_far))
            while (
                first < len(so_far) and len(decoder.tok.encode("".join(w.text for w in so_far[first:]))) > PREFIX_TOKENS
            ):
                first += 1
            before = so_far[first - 1].end if first > 0 else 0.0
            opens = min(start, max(earliest, before, so_far[first].start - 0.3)) if first < len(so_far) else start
            prefix = "".join(w.text for w in so_far[first:]).strip()
        if context == "prefix":
            got = decoder.window(piece(audio, opens, end), opens, prefix=prefix)
        else:
            got = decoder.window(piece(audio, opens, end), opens, prompt=prefix if context == "prompt" else "")
            got = [w for w in got if (w.start + w.end) / 2 >= start - 0.05]
        new += got
        last = new[-1].end if new else start
        if end - last < EARLY_STOP_S or not got or last <= start:
            break
        start = last
    decoder.stop_cpu = time.process_time() - began
    return new


def with_context(decoder: Decoder, audio: np.ndarray, chunks: str = "short", context: str = "prefix", **_) -> dict:
    """Each chunk decoded in one window that also holds the audio before it (`hear_span`)."""
    cut = chunks_of(audio, chunker_options(chunks))
    heard: list[W] = []
    for start, end in cut:
        heard += hear_span(decoder, audio, start, end, heard, context)
    return {"text": "".join(w.text for w in heard), "left_s": cut[-1][1] - cut[-1][0],
            "stop_cpu_s": decoder.stop_cpu, "chunks": len(cut)}  # fmt: skip


def online_sequential(decoder: Decoder, audio: np.ndarray, window_s: float = WINDOW_S, **_) -> dict:
    """Whisper's own sequential loop run on the growing recording: a window is decoded as soon as
    `window_s` of audio after the seek point has been recorded (at stop: whatever is left); the
    previous text is the prompt (condition_on_previous_text); the complete segments are kept and
    the seek moves to the last one's end, or past the window when it ends on a lone timestamp.
    A short `window_s` hears sooner, at more windows per minute."""
    tok = decoder.tok
    total_s = len(audio) / SR
    seek, previous, heard = 0.0, [], []
    left_s, stop_cpu = None, 0.0
    while total_s - seek > 0.2:
        at_stop = seek + window_s > total_s  # this window could only be decoded after stop
        if at_stop and left_s is None:
            left_s = total_s - seek
        span = min(window_s, total_s - seek)
        began = time.process_time()
        encoded, frames = decoder.encode(piece(audio, seek, seek + span))
        prompt = decoder.whisper.get_prompt(tok, previous[-PROMPT_TOKENS:], without_timestamps=False)
        tokens = decoder.generate(encoded, prompt)
        stamps = [i for i, t in enumerate(tokens) if t >= tok.timestamp_begin]
        pairs = [i for i in stamps if i > 0 and tokens[i - 1] >= tok.timestamp_begin]
        lone_end = len(tokens) >= 2 and tokens[-1] >= tok.timestamp_begin and tokens[-2] < tok.timestamp_begin
        if pairs and not lone_end and not at_stop:
            keep = tokens[: pairs[-1]]  # up to the last complete segment
            advance = (tokens[pairs[-1]] - tok.timestamp_begin) * 0.02
        else:
            keep, advance = tokens, span
        if advance <= 0.0:
            keep, advance = tokens, span
        text_tokens = [t for t in keep if t < tok.eot]
        words = [W(t, seek + a, seek + b) for t, a, b, _n in decoder.align(encoded, frames, text_tokens) if t.strip()]
        if words and keep is not tokens and words[-1].end > seek:
            advance = words[-1].end - seek  # as faster-whisper with word times: on from the last word
        heard += words
        previous += keep
        decoder.windows += 1
        decoder.generated_words += len(words)
        decoder.window_cpu.append(time.process_time() - began)
        if at_stop:
            stop_cpu += decoder.window_cpu[-1]
        seek += advance
    return {"text": "".join(w.text for w in heard), "left_s": left_s or 0.0, "stop_cpu_s": stop_cpu}


def local_agreement(decoder: Decoder, audio: np.ndarray, step_s: float = 3.0, trim_s: float = 15.0, **_) -> dict:
    """LocalAgreement-2 on a growing buffer (the policy of ufal/whisper_streaming, written here from
    its description): every `step_s` of new audio the buffer is decoded again with the committed
    text before it as the prompt; the words two successive hypotheses agree on (from the start of
    the uncommitted part) are committed; once the buffer is longer than `trim_s` it is cut at the
    end of the last committed sentence (else the last committed word). At stop the last hypothesis
    is committed whole."""
    from interviewer.domain.wer import normalized_words

    total_s = len(audio) / SR
    committed: list[W] = []
    buffer_start, previous_hypothesis = 0.0, []
    t, left_s, stop_cpu = step_s, 0.0, 0.0

    def key(w: W) -> str:
        return " ".join(normalized_words(w.text))

    while True:
        at_stop = t >= total_s
        t = min(t, total_s)
        done_to = committed[-1].end if committed else 0.0
        prompt = "".join(w.text for w in committed if w.end <= buffer_start)[-200:]
        if at_stop:
            left_s = t - max(done_to, buffer_start)
        words = decoder.window(piece(audio, buffer_start, t), buffer_start, prompt=prompt)
        hypothesis = [w for w in words if (w.start + w.end) / 2 > done_to - 0.05]
        # words the decoder wrote again at the start of the uncommitted part
        tail = [key(w) for w in committed[-5:]]
        for n in range(min(5, len(hypothesis), len(tail)), 0, -1):
            if [key(w) for w in hypothesis[:n]] == tail[-n:]:
                hypothesis = hypothesis[n:]
                break
        if at_stop:
            committed += hypothesis
            stop_cpu = decoder.window_cpu[-1]
            break
        agreed = 0
        while agreed < min(len(hypothesis), len(previous_hypothesis)) and key(hypothesis[agreed]) == key(
            previous_hypothesis[agreed]
        ):
            agreed += 1
        committed += hypothesis[:agreed]
        previous_hypothesis = hypothesis[agreed:]
        if t - buffer_start > trim_s and committed:
            ends = [w for w in committed if w.end > buffer_start and w.text.rstrip().endswith((".", "?", "!"))]
            cut = (ends[-1] if ends else committed[-1]).end
            if cut > buffer_start:
                buffer_start = cut
        t += step_s
    return {"text": "".join(w.text for w in committed), "left_s": left_s, "stop_cpu_s": stop_cpu}


ROUTES = {
    # name: (function, keyword arguments, beam size)
    "whole-file": (whole_file, {}, 1),
    "whole-file-nowords": (whole_file, {"word_timestamps": False}, 1),
    "long-chunks": (chunked, {"chunks": "long"}, 1),
    "long-chunks-beam5": (chunked, {"chunks": "long"}, 5),
    "short-chunks": (chunked, {"chunks": "short"}, 1),
    "ctx-prefix-short": (with_context, {"chunks": "short", "context": "prefix"}, 1),
    "ctx-prefix-long": (with_context, {"chunks": "long", "context": "prefix"}, 1),
    "ctx-prompt-short": (with_context, {"chunks": "short", "context": "prompt"}, 1),
    "ctx-only-short": (with_context, {"chunks": "short", "context": "none"}, 1),
    "ctx-only-long": (with_context, {"chunks": "long", "context": "none"}, 1),
    "online-seq-30": (online_sequential, {"window_s": 30.0}, 1),
    "online-seq-20": (online_sequential, {"window_s": 20.0}, 1),
    "la2-step3": (local_agreement, {"step_s": 3.0}, 1),
}


def normalised_wer(reference: str, hypothesis: str) -> float:
    from whisper.normalizers import EnglishTextNormalizer

    from interviewer.domain.wer import word_error_rate

    normalise = EnglishTextNormalizer()
    return word_error_rate(normalise(reference), normalise(hypothesis))


def run_route(name: str, model: str, audio_path: str) -> dict:
    from interviewer.domain.wer import word_error_rate

    saved = np.load(audio_path)
    audio, reference = saved["audio"], str(saved["text"])
    function, arguments, beam = ROUTES[name]
    decoder = Decoder(model, beam)
    decoder.window(np.zeros(SR, dtype=np.float32), 0.0)  # warm-up, not counted
    decoder.windows, decoder.generated_words, decoder.window_cpu = 0, 0, []
    began, wall = time.process_time(), time.perf_counter()
    result = function(decoder, audio, **arguments)
    cpu, wall = time.process_time() - began, time.perf_counter() - wall
    hypothesis = result.pop("text")
    seconds = len(audio) / SR
    return {
        "route": name, "model": model, "beam": beam,
        "wer": round(word_error_rate(reference, hypothesis), 3),
        "wer_norm": round(normalised_wer(reference, hypothesis), 3),
        "cpu_per_s": round(cpu / seconds, 3), "cpu_s": round(cpu, 1), "wall_s": round(wall, 1),
        "windows": decoder.windows,
        "words_per_window": round(decoder.generated_words / decoder.windows, 1) if decoder.windows else None,
        "left_s": round(result.pop("left_s"), 1), "stop_cpu_s": round(result.pop("stop_cpu_s"), 2),
        **result, "hypothesis": hypothesis,
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="base")
    parser.add_argument("--routes", default=",".join(ROUTES), help="comma-separated, of: " + ", ".join(ROUTES))
    parser.add_argument("--seconds", type=float, default=180.0)
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one route, print JSON
    parser.add_argument("--audio", help=argparse.SUPPRESS)
    parser.add_argument("--show", action="store_true", help="print each route's transcript too")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_route(args.one, args.model, args.audio)))
        return

    from interviewer.benchmarking.answer import spoken_answer

    answer = spoken_answer(args.seconds)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "answer.npz")
        np.savez(path, audio=answer.audio, text=np.array(answer.text))
        print(
            f"answer: {answer.seconds:.1f} s, {len(answer.text.split())} words; model {args.model}, greedy unless noted"
        )
        print(
            f"{'route':20} {'WER':>6} {'WERnorm':>7} {'CPU/s':>6} {'windows':>7} {'words/win':>9} "
            f"{'left@stop':>9} {'cpu@stop':>8}"
        )
        for name in args.routes.split(","):
            out = subprocess.run(
                [sys.executable, __file__, "--one", name, "--model", args.model, "--audio", path],
                capture_output=True, text=True, cwd=os.getcwd(),
            )  # fmt: skip
            if out.returncode != 0:
                print(f"{name:20} failed: {out.stderr.strip().splitlines()[-1:]}", flush=True)
                continue
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(
                f"{name:20} {r['wer']:>6.3f} {r['wer_norm']:>7.3f} {r['cpu_per_s']:>6.3f} {r['windows']:>7} "
                f"{r['words_per_window'] or 0:>9.1f} {r['left_s']:>8.1f}s {r['stop_cpu_s']:>7.2f}s",
                flush=True,
            )
            if args.show:
                print("   ", r["hypothesis"])


if __name__ == "__main__":
    main()
