"""Whether the recording is good enough to trust the figures, and which ones not to trust if not."""

from __future__ import annotations

import numpy as np

from interviewer.domain.analysis.model import Reliability
from interviewer.domain.hearing import signal
from interviewer.domain.words import Token

QUIET_DBFS = -40.0  # voiced audio quieter than this: Whisper misses words, fillers first
CLIP_LEVEL = 0.99  # |sample| at or above this is clipped
CLIPPED_SHARE = 0.001  # more than 0.1% clipped samples distorts the speech
MIN_VOICED_SHARE = 0.15  # a recording mostly silent: little was said, or the microphone was wrong
LOW_CONFIDENCE = 0.55  # mean word probability below this: the transcript is guesswork in places
MIN_WORDS = 20  # fewer words than this: rates per minute mean little


def assess_reliability(audio: np.ndarray, levels: signal.Levels, tokens: list[Token]) -> Reliability:
    warnings, untrusted = [], []
    voiced = levels.rms[levels.voiced] if levels.voiced.size else np.zeros(0)
    speech_dbfs = float(20 * np.log10(max(float(np.sqrt(np.mean(voiced**2))) if voiced.size else 0.0, 1e-6)))
    clipped = float(np.mean(np.abs(audio) >= CLIP_LEVEL)) if audio.size else 0.0
    voiced_share = float(np.mean(levels.voiced)) if levels.voiced.size else 0.0
    confidence = float(np.mean([t.probability for t in tokens])) if tokens else 0.0

    def flag(message: str, figures: tuple[str, ...]) -> None:
        warnings.append(message)
        untrusted.extend(f for f in figures if f not in untrusted)

    if speech_dbfs < QUIET_DBFS:
        flag(
            f"the voice is very quiet ({speech_dbfs:.0f} dBFS): words and fillers may be missed",
            ("fillers", "wpm", "coverage", "pitch"),
        )
    if clipped > CLIPPED_SHARE:
        flag(
            f"the recording is clipped ({clipped:.1%} of samples at full scale): move back from the microphone",
            ("fillers", "coverage", "energy"),
        )
    if voiced_share < MIN_VOICED_SHARE:
        flag(f"the recording is mostly silence ({voiced_share:.0%} voiced)", ("pauses", "wpm"))
    if tokens and confidence < LOW_CONFIDENCE:
        flag(
            f"low word confidence ({confidence:.2f}): the transcript may be wrong in places",
            ("fillers", "coverage", "wpm"),
        )
    if len(tokens) < MIN_WORDS:
        flag(f"only {len(tokens)} words were heard: rates per minute mean little", ("wpm", "fillers"))
    return Reliability(not warnings, warnings, untrusted, speech_dbfs, clipped, voiced_share, confidence)
