"""The installed `interviewer`, in tmux, through one question answered on the PulseAudio microphone."""

import json
import re
import time

import pytest

from interviewer.adapters.speechgen import Utterance, concatenate, silence, speak
from interviewer.domain.storage import SessionStore
from interviewer.domain.wer import word_error_rate
from tests.e2e.tmux import INTERVIEWER, TmuxApp, open_question
from tests.plugins.audio_env import write_wav16

HINT = (
    "Cover weighted sums of risk alleles from GWAS, linkage disequilibrium clumping, "
    "and how PRS is used for disease risk stratification."
)
BANK = f"""\
title = "End to end"
description = "One question for the terminal test"
source = "tests"

[[questions]]
id = "prs"
text = "What is a polygenic risk score, and how is it used?"
hint = "{HINT}"
"""

SPOKEN = [
    "A polygenic risk score adds up the small effects of many genetic variants into one number.",
    "Each risk allele is weighted by the effect size estimated in a genome wide association study.",
    "Before summing, we clump the variants by linkage disequilibrium, so that correlated markers "
    "are not counted twice.",
    "The score is then used for disease risk stratification, for example to find patients who "
    "should be screened earlier for heart disease or breast cancer.",
    "The main limitation is that most studies were done in people of European ancestry, so the "
    "score transfers poorly to other populations.",
]


@pytest.fixture
def answer_wav(tmp_path):
    parts = []
    for sentence in SPOKEN:
        parts += [speak(Utterance(sentence, voice="en-us", wpm=150)), silence(0.6)]
    audio = concatenate([silence(0.3), *parts])
    return write_wav16(tmp_path / "answer.wav", audio), len(audio) / 16000


@pytest.fixture
def app_env(tmp_path, pulse_audio):
    data = tmp_path / "data"
    (data / "banks").mkdir(parents=True)
    (data / "banks" / "e2e.toml").write_text(BANK)
    env = dict(pulse_audio.env)
    env.update(INTERVIEWER_DATA_DIR=str(data), INTERVIEWER_CONFIG=str(tmp_path / "no-config.toml"))
    return env, tmp_path / "recordings"


@pytest.mark.slow
@pytest.mark.audio
def test_one_spoken_answer_through_the_real_app(app_env, answer_wav, pulse_audio):
    env, recordings = app_env
    wav, seconds = answer_wav
    assert 35 <= seconds <= 50
    app = TmuxApp([str(INTERVIEWER), "--bank", "e2e", "--recordings-dir", str(recordings)], env)
    try:
        app.wait_for("End to end", timeout=20)
        open_question(app, ("Listen to the question", "Answer now"))
        app.wait_for("Answer now", timeout=60)
        pulse_audio.play_into_mic(wav).wait(timeout=90)
        app.keys("Space")
        app.wait_for("Try again", timeout=60)  # the feedback screen's footer
        app.wait_until_gone("Hearing your answer again", timeout=90)  # the careful hearing's feedback is up
        time.sleep(0.5)
        print(app.screen())
    finally:
        final = app.screen()
        app.close()
    session = next(recordings.glob("*/session.json")).parent
    transcript = json.loads(next(session.glob("*.transcript.json")).read_text())
    store = SessionStore(recordings)
    saved = store.load(session.name)
    analysis = store.latest_analysis(saved, saved.answers[0])  # the careful hearing's
    assert analysis["transcript"]["text"] == transcript["text"]
    assert "Hearing your answer again" not in final
    wer = word_error_rate(" ".join(SPOKEN), transcript["text"])
    # Measured with tiny.en alone on this jargon-dense espeak answer: 0.22 ("polygenic risk score"
    # heard as "polygenic risk for"). The bound catches a broken pipeline (lost or doubled chunks
    # push it past 0.5), not the models' limits, which the benchmarks report.
    assert wer <= 0.30, (wer, transcript["text"])
    assert abs(analysis["duration_s"] - (seconds - 0.3 - 0.6)) < 1.5
    shown = re.sub(r"\s+", " ", final)
    assert f"{analysis['wpm']:.0f} wpm" in shown
    assert "polygenic risk score" in shown.lower()
