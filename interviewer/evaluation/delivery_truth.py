"""Spoken answers whose voice is known exactly: flat or wide pitch, steady, varied or fading loudness.

Each sentence is spoken by espeak-ng on its own (SSML `<prosody range>` sets how far the pitch
moves), scaled in numpy (a gain per sentence, or a fade over its last third), and the sentences are
joined with short silences. The transcript's words are spread evenly over each sentence's sound, so
sentence times are exact; this is what the voice measures need (they work per sentence), without
Whisper.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from interviewer.adapters.speechgen import Utterance, concatenate, silence, speak, trim
from interviewer.domain.ports import SAMPLE_RATE
from interviewer.domain.transcript import Transcript, Word

GAP_S = 0.45  # silence between sentences

SENTENCES = (
    "Federated learning trains one shared model across many hospitals without moving patient data.",
    "Each site computes an update on its own records and sends only that update to a server.",
    "The server averages the updates and sends the improved model back to every site.",
    "The hard parts are heterogeneous data, communication cost and privacy leaks through gradients.",
    "Secure aggregation hides each single update from the server itself.",
    "Differential privacy adds calibrated noise so that no single patient can be recovered.",
    "We would validate the model on a held out hospital before any clinical use.",
    "Finally we would monitor drift at every site after deployment.",
)


@dataclass(frozen=True)
class Voice:
    voice: str = "en-us"
    wpm: int = 160
    pitch: int = 50
    pitch_range: str = "medium"  # SSML prosody range: "0", "x-low", "low", "medium", "high", "x-high"


def sentence_audio(text: str, voice: Voice) -> np.ndarray:
    ssml = f'<speak><prosody range="{voice.pitch_range}">{text}</prosody></speak>'
    return trim(speak(Utterance(ssml, voice.voice, voice.wpm, voice.pitch, ssml=True)))


def fade_tail(audio: np.ndarray, tail_db: float) -> np.ndarray:
    """`audio` whose last third falls linearly (in dB) to `tail_db` below its start."""
    n = len(audio)
    gain_db = np.zeros(n)
    begin = 2 * n // 3
    gain_db[begin:] = np.linspace(0.0, -tail_db, n - begin)
    return (audio * 10 ** (gain_db / 20)).astype(np.float32)


def spoken_answer(
    voice: Voice | tuple[Voice, ...],
    sentences: tuple[str, ...] = SENTENCES,
    gains_db: tuple[float, ...] | None = None,
    tail_db: float = 0.0,
    lead_in_s: float = 0.5,
) -> tuple[np.ndarray, Transcript]:
    """The sentences spoken one after another (a voice each, cycled, when several are given); `gains_db` per
    sentence, cycled; `tail_db` a fade over the last third of each sentence."""
    voices = voice if isinstance(voice, tuple) else (voice,)
    parts, words, t = [silence(lead_in_s)], [], lead_in_s
    for k, text in enumerate(sentences):
        audio = sentence_audio(text, voices[k % len(voices)])
        if gains_db is not None:
            audio = (audio * 10 ** (gains_db[k % len(gains_db)] / 20)).astype(np.float32)
        if tail_db:
            audio = fade_tail(audio, tail_db)
        words += even_words(text, t, t + len(audio) / SAMPLE_RATE)
        parts += [audio, silence(GAP_S)]
        t += len(audio) / SAMPLE_RATE + GAP_S
    audio = concatenate(parts)
    return audio, Transcript(tuple(words), duration_s=len(audio) / SAMPLE_RATE)


def even_words(text: str, start: float, end: float) -> list[Word]:
    """The words of `text` spread over `start`-`end` in proportion to their letters (Whisper-like: a leading space)."""
    tokens = text.split()
    weights = np.array([len(w) + 1 for w in tokens], dtype=float)
    edges = start + (end - start) * np.concatenate(([0.0], np.cumsum(weights) / weights.sum()))
    return [Word(" " + w, float(a), float(b) - 0.02) for w, a, b in zip(tokens, edges[:-1], edges[1:], strict=True)]
