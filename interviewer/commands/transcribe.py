"""`interviewer transcribe AUDIO`: print what Whisper hears in an audio file (any format PyAV reads).

The engine and model come from `--engine` / `--model` (before or after the command) or the config.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from interviewer.errors import InterviewerError


def add_arguments(parser) -> None:
    parser.add_argument("audio", type=Path, metavar="AUDIO", help="audio file to transcribe (wav, mp3, flac, ...)")
    parser.add_argument(
        "--json",
        action="store_true",
        help='print {"text", "language", "duration_s", "words": [{"word", "start", "end", "probability"}]}; '
        'a word also has "hesitation_before" when Whisper gave an "um"/"uh" some probability just before it',
    )
    parser.add_argument("--beam-size", type=int, help="beam width; 1 decodes greedily (default: the engine's)")
    parser.add_argument(
        "--language", help='spoken language code, or "auto" to detect it (multilingual models; default: en)'
    )
    parser.add_argument("--prompt", default="", help="initial prompt: context and style for the decoder")
    parser.add_argument("--verbose", action="store_true", help="report loading progress on stderr")


def run(args, config) -> int:
    from interviewer.adapters.engines import build_transcriber
    from interviewer.domain.ports import DecodeHints

    audio = read_audio(args.audio)
    if args.beam_size is not None and args.beam_size < 1:
        raise InterviewerError(f"--beam-size must be 1 or more, not {args.beam_size}")
    transcriber = build_transcriber(config.engine, config.model, beam_size=args.beam_size, language=args.language)
    transcriber.load(_stderr_progress if args.verbose else None)
    transcript = transcriber.transcribe(audio, DecodeHints(prompt=args.prompt))
    if args.json:
        data = transcript.to_dict()
        keys = ("text", "language", "duration_s", "words")
        print(json.dumps({key: data[key] for key in keys}, ensure_ascii=False, indent=2))
    else:
        print(transcript.text or "(no speech heard)")
        print(f"[{transcript.duration_s:.1f} s of audio, {transcriber.engine} {transcriber.model}]")
    return 0


def read_audio(path: Path):
    """`path` decoded to 16 kHz mono float32; an InterviewerError in one line when it cannot be."""
    if not path.is_file():
        raise InterviewerError(f"{path}: no such audio file")
    from interviewer.adapters.speechgen import load_audio

    try:
        audio = load_audio(path)
    except Exception as e:  # noqa: BLE001 - PyAV raises many kinds; all mean "not audio we can read"
        reason = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise InterviewerError(f"{path}: cannot decode this audio file ({reason})") from e
    if audio.size == 0:
        raise InterviewerError(f"{path}: holds no audio samples")
    return audio


def _stderr_progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
