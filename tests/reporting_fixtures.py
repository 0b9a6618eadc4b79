"""A fixed, hand-made analysed session for the history/review/export tests (shape of AnswerAnalysis.to_dict)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import numpy as np

from interviewer.domain.analysis import ANALYSIS_VERSION
from interviewer.domain.audiofile import GrowingWav
from interviewer.domain.storage import SessionStore

QUESTION = "Tell me about a time you disagreed with a teammate."
HINT = "situation; what you did; outcome; what you learned"
SAY = (
    "So um last year a teammate and I disagreed about the database migration. "
    "I like proposed we run both systems in parallel for two weeks. "
    "We agreed, measured the error rates, and the new system won. "
    "I learned to bring data instead of opinions."
)
UNSURE_WORD = "parallel"
PAUSE_AFTER = "migration."  # a 3.1 s pause follows this word
FILLERS = ("um", "like")
RATE = 16000


def words_with_times() -> list[dict]:
    words, t = [], 0.8
    for raw in SAY.split():
        duration = 0.32
        probability = 0.31 if raw.startswith(UNSURE_WORD) else 0.93
        words.append(
            {"word": " " + raw, "start": round(t, 3), "end": round(t + duration, 3), "probability": probability}
        )
        t += duration + 0.08
        if raw == PAUSE_AFTER:
            t += 3.1
    return words


def sample_analysis(version=ANALYSIS_VERSION, wpm: float = 121.0) -> dict:
    words = words_with_times()
    pause_word = next(w for w in words if w["word"].strip() == PAUSE_AFTER)
    fillers = [
        {"type": w["word"].strip(), "start": w["start"], "text": w["word"].strip()}
        for w in words
        if w["word"].strip() in FILLERS
    ]
    end = words[-1]["end"]
    at = {w["word"].strip(" ,."): w["start"] for w in reversed(words)}
    return {
        "analysis_version": version,
        "recording_s": round(end + 1.0, 3),
        "lead_in_s": 0.8,
        "duration_s": round(end - 0.8, 3),
        "words": len(words),
        "wpm": wpm,
        "timing": {"target_s": [120, 180], "verdict": "short", "over_s": round(end - 0.8 - 120, 1)},
        "pauses": {
            "threshold_s": 2.0,
            "long": 1,
            "items": [{"start": pause_word["end"], "end": round(pause_word["end"] + 3.18, 3)}],
        },
        "fillers": {"total": 2, "per_min": 6.3, "by_type": {"um": 1, "like": 1}, "items": fillers},
        "coverage": {
            "ratio": 0.75,
            "points": [
                {"point": "situation", "covered": True, "at_s": at["year"], "evidence": "last year"},
                {"point": "what you did", "covered": True, "at_s": at["proposed"], "evidence": "I proposed"},
                {"point": "outcome", "covered": True, "at_s": at["won"], "evidence": "the new system won"},
                {"point": "what you learned", "covered": False, "at_s": None, "evidence": ""},
            ],
        },
        "reliability": {"ok": True, "warnings": []},
        "pace": {"window_s": 15.0, "series": [[0.0, 110.0], [5.0, 135.0], [10.0, 118.0], [15.0, 126.0]]},
        "score": {
            "delivery": 62,
            "content": 75,
            "reasons": ["18 s long: well under the 2-3 minute target", "2 fillers (6.3 per minute)"],
        },
        "verdict": {"summary": "Clear story, but far too short.", "fix_first": ["Say what you learned."]},
        "transcript": {"text": SAY, "words": words},
    }


def sample_audio(seconds: float, seed: int = 7) -> np.ndarray:
    """Deterministic quiet noise: every stretch of it is unique, so captured audio can be located."""
    return (np.random.default_rng(seed).standard_normal(int(seconds * RATE)) * 0.1).astype(np.float32)


def make_session(
    root: Path,
    when: datetime = datetime(2026, 11, 16, 9, 30),
    bank: str = "behavioural",
    analysed: bool = True,
    version=ANALYSIS_VERSION,
) -> tuple[SessionStore, object, object]:
    store = SessionStore(root)
    session = store.new_session(
        bank, bank.capitalize() + " questions", now=when, engine="faster-whisper", model="tiny.en"
    )
    answer = store.start_answer(session, "disagree", QUESTION, HINT, (120, 180), now=when)
    analysis = sample_analysis(version)
    wav = GrowingWav(store.wav_path(session, answer))
    wav.append(sample_audio(analysis["recording_s"]))
    wav.close()
    store.update_answer(session, answer, status="recorded", recording_s=analysis["recording_s"])
    transcript = {
        "text": SAY,
        "language": "en",
        "duration_s": analysis["recording_s"],
        "engine": "faster-whisper",
        "model": "tiny.en",
        "words": analysis["transcript"]["words"],
    }
    store.save_transcript(session, answer, transcript)
    if analysed:
        store.save_analysis(session, answer, analysis, analysis["analysis_version"])
    return store, session, answer
