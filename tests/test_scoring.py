"""Scores out of 100 with a reason naming the figure behind each."""

from __future__ import annotations

import numpy as np

from interviewer.domain.analysis import analyse
from interviewer.domain.scoring import Score, score
from interviewer.domain.transcript import Transcript, Word

SR = 16000


def gliding_hz(t: np.ndarray) -> np.ndarray:
    """A voice that moves: 200 Hz +- 3 semitones every 3 s (a flat tone would score as monotone)."""
    return 200 * 2 ** (3 / 12 * np.sin(2 * np.pi * t / 3))


def answer(text: str, seconds: float, hint: str = "Cover focal loss and SMOTE.", target=(120, 180)):
    tokens = text.split()
    step = seconds / len(tokens)
    words = tuple(Word(" " + w, 1 + i * step, 1 + i * step + step * 0.8, 0.95) for i, w in enumerate(tokens))
    audio = np.zeros(int((seconds + 2) * SR), dtype=np.float32)
    n = np.arange(SR, int((seconds + 1) * SR))
    audio[n] = 0.1 * np.sin(2 * np.pi * np.cumsum(gliding_hz(n / SR)) / SR)
    return analyse(Transcript(words, duration_s=seconds + 2), audio, hint, target)


def test_a_good_answer_scores_high_on_both():
    # 350 words in 150 s: 140 wpm; each phrase differs (a phrase said over and over is a decoder loop)
    a = answer(" ".join(f"focal loss and SMOTE help{k}" for k in range(70)), 150)
    s = score(a)
    assert s.delivery == 100 and s.content == 100
    assert any("duration" in r for r in s.reasons) and any("coverage 2 of 2" in r for r in s.reasons)


def test_short_fast_filled_answers_lose_delivery_with_reasons():
    a = answer(" ".join(["so, um, like, the data is fine and we train"] * 20), 60)
    s = score(a)
    assert s.delivery < 50
    assert any(r.startswith("-") and "duration" in r for r in s.reasons)
    assert any(r.startswith("-") and "fillers" in r for r in s.reasons)
    assert s.content == 0


def test_no_answer_scores_zero():
    a = analyse(Transcript((), duration_s=3), np.zeros(3 * SR, dtype=np.float32), "Cover A.")
    assert score(a) == Score(0, 0, ["no answer was heard (0 words)"])


def test_score_round_trips():
    s = Score(70, 40, ["x"])
    assert Score.from_dict(s.to_dict()) == s


def test_the_voice_and_wording_move_the_score_by_what_the_reasons_say():
    from interviewer.evaluation.delivery_truth import Voice, spoken_answer

    said = (
        "I think the data pipeline needs schema validation first.",
        "Maybe we check every column, kind of like a contract, on the data pipeline.",
        "Our office moved last spring and the new kitchen is large.",
        "Then drift monitoring watches the data pipeline every single day.",
    )
    audio, transcript = spoken_answer(Voice(pitch_range="x-low"), said, tail_db=12)
    a = analyse(transcript, audio, "Cover schema validation and drift monitoring.", (10, 60), question="How?")
    s = score(a)
    lost = [r for r in s.reasons if r.startswith("-")]
    assert any("monotone" in r for r in lost) and any("trailed off" in r for r in lost)
    assert any("hedges" in r for r in lost) and any("'data pipeline' x3" in r for r in lost)
    assert s.delivery == 100 - sum(int(r[1 : r.index(":")]) for r in lost)  # nothing the reasons do not show
