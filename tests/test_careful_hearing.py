"""A careful hearing beside the draft: the first feedback takes its words as far as it got, the
refined one only its words; a careful model that fails leaves the draft's feedback standing."""

from __future__ import annotations

import time

import numpy as np
import pytest

from interviewer.domain.audiofile import read_wav
from interviewer.domain.bank import Question
from interviewer.domain.hearing.careful import with_draft_tail
from interviewer.domain.session import AnswerRun, analyse_answer
from interviewer.domain.storage import SessionStore
from interviewer.domain.transcript import Transcript, Word
from interviewer.fakes import FakeRecorder
from tests.test_streaming import ToneTranscriber, tone_script


class CarefulTones(ToneTranscriber):
    """Hears the bursts as ToneTranscriber does, written in capitals ("W3"), more slowly."""

    model = "careful-tones"

    def transcribe(self, audio, hints=None):
        heard = super().transcribe(audio) if hints is None else super().transcribe(audio, hints)
        words = tuple(Word(w.text.upper(), w.start, w.end) for w in heard.words)
        return Transcript(words, duration_s=heard.duration_s, engine="fake", model=self.model)


def words(text: str, start: float) -> tuple[Word, ...]:
    return tuple(Word(f" {t}", start + i, start + i + 0.5) for i, t in enumerate(text.split()))


def test_the_careful_words_before_the_time_and_the_drafts_after_it():
    careful = Transcript(words("A B C", 0.0), model="base")
    draft = Transcript(words("a b c d e", 0.0), duration_s=5.0, model="tiny.en")
    merged = with_draft_tail(careful, 3.0, draft)
    assert [w.text for w in merged.words] == [" A", " B", " C", " d", " e"]
    assert merged.model == "base + tiny.en after 3 s" and merged.duration_s == 5.0
    assert with_draft_tail(careful, 5.0, draft) is careful  # the careful hearing got to the end
    nothing_yet = with_draft_tail(Transcript(model="base"), 0.0, draft)
    assert nothing_yet.words == draft.words and nothing_yet.model == "tiny.en"


def answer_run(tmp_path, audio: np.ndarray, careful) -> tuple[AnswerRun, SessionStore]:
    store = SessionStore(tmp_path / "rec")
    session = store.new_session("bank", "Bank")
    question = Question("q", "Tell me about tones.", "the tones; the pauses")
    run = AnswerRun(store, session, question, (120, 180), FakeRecorder(audio, speed=20.0), ToneTranscriber(),
                    careful=careful)  # fmt: skip
    return run, store


def record(run: AnswerRun, audio_s: float) -> None:
    run.start()
    deadline = time.monotonic() + audio_s / 20.0 + 10.0
    while not run.recorder.finished and time.monotonic() < deadline:
        time.sleep(0.02)


@pytest.mark.parametrize("careful_delay_s", [0.0, 0.4])
def test_the_first_feedback_is_careful_as_far_as_it_got_and_the_refined_one_careful_throughout(
    tmp_path, careful_delay_s
):
    audio, truth = tone_script([6, 10, 4, 12, 5], seed=3)
    run, store = answer_run(tmp_path, audio, CarefulTones(delay_s=careful_delay_s))
    record(run, len(audio) / 16000)
    first = run.finish()
    said = [w.text.strip().lower() for w in truth]
    assert [w.text.strip().lower() for w in first.transcript.words] == said  # nothing lost or doubled at the join
    careful_words = sum(w.text.strip().startswith("W") for w in first.transcript.words)
    if not first.refining:
        assert careful_words == len(said)  # the careful hearing had heard it all by stop
        return
    refined = run.refine()
    assert [w.text.strip() for w in refined.transcript.words] == [t.upper() for t in said]
    assert not refined.refining and refined.transcript.model == "careful-tones"
    session = store.load(run.session.id)
    latest = store.latest_analysis(session, session.answers[0])
    assert latest["transcript"]["text"] == refined.transcript.text  # the refined one is what History shows
    assert len(store.analyses(session, session.answers[0])) == 2  # the draft's is kept too


def test_a_slow_careful_hearing_leaves_the_draft_to_answer_at_stop(tmp_path):
    audio, truth = tone_script([6, 10, 4, 12, 5], seed=4)
    run, _ = answer_run(tmp_path, audio, CarefulTones(delay_s=3.0))
    record(run, len(audio) / 16000)
    t0 = time.perf_counter()
    first = run.finish()
    assert time.perf_counter() - t0 < 2.5  # not waiting for the careful model's decodes
    assert first.refining and any(w.text.strip().startswith("w") for w in first.transcript.words)
    assert len(first.transcript.words) == len(truth)


def test_a_careful_model_that_fails_leaves_the_drafts_feedback_saved(tmp_path):
    audio, truth = tone_script([6, 10, 4], seed=5)
    run, store = answer_run(tmp_path, audio, CarefulTones(fail_on_call=0))
    record(run, len(audio) / 16000)
    first = run.finish()
    assert first.refining and len(first.transcript.words) == len(truth)
    assert all(w.text.strip().startswith("w") for w in first.transcript.words)  # the draft's, all of it
    with pytest.raises(RuntimeError, match="the engine broke"):
        run.refine()
    session = store.load(run.session.id)
    assert session.answers[0].status == "analysed"
    assert store.latest_analysis(session, session.answers[0])["transcript"]["text"] == first.transcript.text


def spoken(*words: tuple[str, float, float]) -> Transcript:
    return Transcript(tuple(Word(f" {t}", s, s + 0.3, 0.9, weight) for t, s, weight in words))


def test_a_hesitation_only_the_draft_wrote_counts_where_the_careful_hearing_weighed_one_too():
    from interviewer.domain.hearing.careful import with_confirmed_hesitations

    draft = spoken(("we", 0.0, 0), ("um", 0.4, 0), ("match", 0.8, 0), ("and", 2.0, 0), ("uh", 2.3, 0), ("so", 2.7, 0))
    careful = spoken(("we", 0.0, 0), ("match", 0.7, 0.011), ("and", 2.0, 0), ("so", 2.6, 0.001))
    heard = [w.text.strip() for w in with_confirmed_hesitations(careful, draft).words]
    assert heard == ["we", "um", "match", "and", "so"]  # 0.011 confirms; 0.001 does not


def test_the_careful_hearings_stand_in_gives_way_and_a_hesitation_both_wrote_counts_once():
    from interviewer.domain.hearing.careful import with_confirmed_hesitations

    draft = spoken(("and", 0.0, 0), ("um", 0.35, 0), ("a", 0.7, 0), ("score,", 1.0, 0),
                   ("Umm,", 3.1, 0), ("there", 3.6, 0))  # fmt: skip
    careful = spoken(("and", 0.0, 0), ("I'm", 0.3, 0), ("a", 0.7, 0), ("score,", 1.0, 0),
                     ("Umm,", 2.2, 0.3), ("there", 3.5, 0))  # fmt: skip
    heard = [w.text.strip() for w in with_confirmed_hesitations(careful, draft).words]
    assert heard == ["and", "um", "a", "score,", "Umm,", "there"]  # "I'm" became the um; the long Umm once
    opening = spoken(("I'm", 0.0, 0), ("sure", 0.3, 0))
    assert with_confirmed_hesitations(opening, spoken(("um", 0.0, 0))).words == opening.words  # "I'm" opens it


def test_a_careful_hearing_that_heard_everything_by_stop_ends_its_worker(tmp_path):
    audio, truth = tone_script([6, 4], seed=6)
    audio = np.concatenate([audio, np.zeros(16000 * 4, np.float32)])  # a long pause before stop
    run, _ = answer_run(tmp_path, audio, CarefulTones())
    record(run, len(audio) / 16000)
    time.sleep(1.0)  # the careful chunker closes the last chunk in the pause and hears it
    first = run.finish()
    assert not first.refining and [w.text.strip() for w in first.transcript.words] == [
        w.text.strip().upper() for w in truth
    ]
    run.careful_streamer._worker.join(timeout=5)
    assert not run.careful_streamer._worker.is_alive()


def test_an_answer_left_before_its_careful_hearing_ended_is_heard_again_at_the_next_start(tmp_path):
    from interviewer.domain.session import recover_answer

    audio, truth = tone_script([6, 10, 4], seed=7)
    run, store = answer_run(tmp_path, audio, CarefulTones(delay_s=3.0))
    record(run, len(audio) / 16000)
    assert run.finish().refining  # the app is killed here, before refine()
    session = store.load(run.session.id)
    assert session.answers[0].status == "drafted" and store.unfinished() == [(session, session.answers[0])]
    recovered = recover_answer(store, session, session.answers[0], ToneTranscriber(), careful=CarefulTones())
    assert [w.text.strip() for w in recovered.transcript.words] == [w.text.strip().upper() for w in truth]
    assert not recovered.notes  # not an interrupted recording: nothing to say about how it was cut
    assert store.load(run.session.id).answers[0].status == "analysed" and not store.unfinished()


def test_a_refined_answer_is_finished(tmp_path):
    audio, _ = tone_script([6, 10, 4], seed=8)
    run, store = answer_run(tmp_path, audio, CarefulTones(delay_s=0.4))
    record(run, len(audio) / 16000)
    if run.finish().refining:
        run.refine()
    assert store.load(run.session.id).answers[0].status == "analysed" and not store.unfinished()


def test_a_hesitation_both_hearings_wrote_on_either_side_of_the_join_counts_once():
    def heard(*words: tuple[str, float]) -> Transcript:
        return Transcript(tuple(Word(f" {t}", start, start + 0.3) for t, start in words), duration_s=27.0)

    careful = heard(("clinicians.", 21.9), ("Umm...", 22.9))
    draft = heard(("clinicians.", 21.9), ("um,", 23.5), ("tied", 23.8), ("uh", 26.0))
    merged = with_draft_tail(careful, 23.4, draft)
    assert [w.text for w in merged.words] == [" clinicians.", " Umm...", " tied", " uh"]  # the later "uh" is another


def test_the_analysis_is_warmed_on_the_hints_words_while_the_person_speaks(tmp_path):
    from interviewer.domain.analysis import terms

    audio, _ = tone_script([6, 10, 4], seed=6)
    run, _ = answer_run(tmp_path, audio, None)
    terms.same_word.cache_clear()
    record(run, len(audio) / 16000)
    assert run.warmed.wait(30)
    assert terms.same_word.cache_info().currsize > 0  # the hint's terms already compared
    first = run.finish()
    assert [p["point"] for p in first.analysis["coverage"]["points"]] == ["the tones", "the pauses"]


def test_a_sentence_the_draft_opened_with_so_stays_a_sentence_and_its_so_a_filler():
    """Base joins "... the queue. So I timed it" as "the queue, so I timed it" (tuning half: 13 of 16 such
    "so" were sentence openers in the draft, 2 of 16 conjunctions); a conjunction stays one."""
    from interviewer.domain.analysis.fillers import find_fillers
    from interviewer.domain.hearing.careful import final_transcript
    from interviewer.domain.words import tokenize

    careful = spoken(
        ("the", 0.0, 0), ("queue,", 0.3, 0), ("so", 1.0, 0), ("I", 1.3, 0), ("timed", 1.6, 0), ("it.", 1.9, 0)
    )
    opened = spoken(
        ("the", 0.0, 0), ("queue.", 0.3, 0), ("So", 1.1, 0), ("I", 1.4, 0), ("timed", 1.7, 0), ("it.", 2.0, 0)
    )
    joined = spoken(
        ("the", 0.0, 0), ("queue,", 0.3, 0), ("so", 1.1, 0), ("I", 1.4, 0), ("timed", 1.7, 0), ("it.", 2.0, 0)
    )
    heard = final_transcript(careful, opened)
    assert heard.text == "the queue. So I timed it."
    assert [f.type for f in find_fillers(tokenize(list(heard.words)))] == ["so"]
    assert final_transcript(careful, joined).text == "the queue, so I timed it."
    assert find_fillers(tokenize(list(final_transcript(careful, joined).words))) == []


def test_the_pitch_is_tracked_while_the_person_speaks_and_the_figures_are_the_recordings_own(tmp_path):
    audio, _ = tone_script([6, 10, 4, 12, 5], seed=6)
    run, store = answer_run(tmp_path, audio, CarefulTones())
    record(run, len(audio) / 16000)
    assert run.pitch_follower.tracked_s >= len(audio) / 16000 - 6.0  # only the last part is left for stop
    first = run.finish()
    recorded = read_wav(first.recording.path)
    alone = analyse_answer(first.transcript, recorded, run.question.hint, run.target_s, run.pause_threshold_s,
                           run.answer.asked)  # fmt: skip
    assert first.analysis["pitch"]["measured"] and first.analysis == alone
