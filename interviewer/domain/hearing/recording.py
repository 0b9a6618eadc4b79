"""A finished recording heard as the app hears an answer live (`interviewer score`, the evaluation,
the recovery of interrupted answers)."""

from __future__ import annotations

import numpy as np

from interviewer.domain.hearing.careful import final_transcript
from interviewer.domain.hearing.stream import StreamingTranscriber
from interviewer.domain.hearing.stream_info import StreamingOptions
from interviewer.domain.ports import SAMPLE_RATE, Transcriber
from interviewer.domain.transcript import Transcript

RECORDER_BLOCK_S = 0.1  # the blocks a recording is fed in when it is heard after the fact


def transcribe_recording(
    transcriber: Transcriber,
    audio: np.ndarray,
    question_text: str = "",
    hint: str = "",
    glossary: tuple[str, ...] = (),
    careful: Transcriber | None = None,
) -> Transcript:
    """A finished recording heard exactly as the TUI hears an answer live: cut at pauses, each chunk
    heard with the text before it. `interviewer score` and the recovery of interrupted answers use
    it, so a file scores as the same answer spoken into the app would. Whisper over the whole file
    at once did worse here (`interviewer eval`, fw tiny.en: filler recall 0.79 vs 0.95, and on one
    clip the prompted pass lost most of the answer: 46 wpm found for 179 said).

    Each block waits for the chunk before it, as on a machine that keeps up, so the cuts are the
    same on any machine; nothing is decoded ahead (no pause before a stop to use). With a
    `careful` transcriber, both hear it, one after the other, and the result is the app's final
    transcript (hearing/careful.py).
    """
    draft = _heard_in_chunks(transcriber, audio, question_text, hint, glossary)
    if careful is None:
        return draft
    return final_transcript(_heard_in_chunks(careful, audio, question_text, hint, glossary), draft)


def _heard_in_chunks(transcriber: Transcriber, audio: np.ndarray, question_text: str, hint: str,
                     glossary: tuple[str, ...]) -> Transcript:  # fmt: skip
    options = StreamingOptions(speculate_after_s=None)
    stream = StreamingTranscriber(transcriber, question_text, hint, options=options, glossary=glossary)
    step = int(RECORDER_BLOCK_S * SAMPLE_RATE)
    for i in range(0, len(audio), step):
        stream.feed(audio[i : i + step])
        stream.wait_idle()
    return stream.finish()
