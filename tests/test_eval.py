"""The evaluation: its set, its truth and its metrics (targets are reported by `interviewer eval`, not asserted)."""

from __future__ import annotations

import numpy as np
import pytest

from interviewer import paths
from interviewer.domain.analysis.hint_points import split_hint
from interviewer.domain.bank import find_bank
from interviewer.evaluation.clips import CLIPS, Clip, by_id
from interviewer.evaluation.metrics import ClipResult, compare, matched_fillers, summarise
from interviewer.evaluation.synth import SegmentTruth, Truth, answer_words, filler_types, spoken_text, synthesize

FILLER_TYPES = {"um", "uh", "like", "you know", "i mean", "basically", "so", "actually", "literally"}


def test_the_set_answers_real_bank_questions_and_its_covers_fit_the_hints():
    assert len([c for c in CLIPS if not c.off_topic]) >= 10 and any(c.off_topic for c in CLIPS)
    for clip in CLIPS:
        bank_id, question_id = clip.source.split("/")
        question = find_bank(bank_id, [paths.shipped_banks_dir()]).question(question_id)
        assert question.hint == clip.hint and question.text == clip.question
        assert all(i < len(split_hint(clip.hint)) for i in clip.covers)
    said = {t for c in CLIPS for seg in c.script if isinstance(seg, str) for t in filler_types(seg)}
    assert said == FILLER_TYPES  # every filler type is said somewhere
    assert len({(c.voice, c.wpm) for c in CLIPS}) >= 6 and min(c.wpm for c in CLIPS) >= 100
    assert max(c.wpm for c in CLIPS) <= 200


def test_markup_is_spoken_and_counted_as_written():
    segment = "{So}, {um}, I like this model, {you know}."
    assert spoken_text(segment) == "So, um, I like this model, you know."
    assert filler_types(segment) == ("so", "um", "you know")
    assert answer_words(segment) == 4


def test_synthesized_truth_is_exact():
    clip = Clip(
        "t",
        "b/q",
        "Q?",
        "Cover focal loss, and SMOTE.",
        "en-us",
        160,
        1.5,
        ("{Um}, focal loss helps.", 2.5, "SMOTE too."),
        covers=(0, 1),
    )
    audio, truth = synthesize(clip)
    loud = np.flatnonzero(np.abs(audio) > 1e-3) / 16000
    assert truth.lead_in_s == 1.5 and loud[0] == pytest.approx(1.5, abs=0.01)
    assert truth.lead_in_s + truth.duration_s == pytest.approx(loud[-1], abs=0.01)
    assert truth.long_pauses == 1 and truth.words == 5 and truth.covered == (True, True)
    assert truth.segments[1].start - truth.segments[0].end == pytest.approx(2.5, abs=1e-3)


def truth_with(fillers_per_segment):
    segments = tuple(SegmentTruth(10.0 * k, 10.0 * k + 8, tuple(f), 10) for k, f in enumerate(fillers_per_segment))
    return Truth(40, 0, 38, 40, 63.2, 0, segments, ("a", "b"), (True, False))


def test_fillers_match_in_order_by_type_and_place():
    truth = truth_with([["um", "so"], ["like"], ["um"]])
    assert matched_fillers(truth, [("um/uh", 1), ("so", 2), ("like", 12), ("um/uh", 22)]) == 4
    assert matched_fillers(truth, [("like", 1), ("so", 2)]) == 1  # a wrong type is no match
    assert matched_fillers(truth, [("like", 25)]) == 0  # heard far from where it was said
    assert matched_fillers(truth, [("um/uh", 1), ("um/uh", 1.5), ("um/uh", 2)]) == 1  # each true filler once


def test_a_said_uh_or_um_is_the_analysis_hesitation_type():
    truth = truth_with([["uh"], [], ["um"]])
    assert matched_fillers(truth, [("um/uh", 1), ("um/uh", 21)]) == 2
    assert matched_fillers(truth, [("um", 1)]) == 0  # only the analysis's own types count


def test_compare_and_summarise():
    truth = truth_with([["um"], ["like"]])
    analysis = {
        "fillers": {"items": [{"type": "um/uh", "start": 1.0}, {"type": "so", "start": 12.0}]},
        "coverage": {"ratio": 0.5, "points": [{"covered": True}, {"covered": True}]},
        "wpm": 60.0,
        "duration_s": 38.3,
        "lead_in_s": 0.1,
        "pauses": {"long": 0},
    }
    result = compare("c", False, truth, analysis, 1.0)
    assert (result.fillers_true, result.fillers_found, result.fillers_matched) == (2, 2, 1)
    assert result.wpm_error == pytest.approx(abs(60 - 63.2) / 63.2)
    assert result.duration_error == pytest.approx(0.3) and result.points_right == 1
    off = ClipResult("o", True, 0, 0, 0, 100, 100, 10, 10, 0, 0, 0, 0, 2, 2, 0.0, 1.0)
    summary = summarise([result, off])
    assert summary.filler_recall == 0.5 and summary.filler_precision == 0.5
    assert summary.hint_point_accuracy == 0.75 and summary.off_topic_coverage == 0.0
    assert summary.pauses_exact == 1.0


@pytest.mark.slow
@pytest.mark.parametrize("path", ["streaming", "whole"])
def test_one_clip_end_to_end_with_real_whisper(transcriber, path):
    from interviewer.evaluation.runner import PATHS, evaluate_clip

    clip = by_id("brier-short")
    result, analysis = evaluate_clip(clip, transcriber("faster-whisper", "tiny.en"), PATHS[path])
    _, truth = synthesize(clip)
    assert result.duration_true == pytest.approx(truth.duration_s)
    assert result.duration_found == analysis["duration_s"] and result.wpm_found == analysis["wpm"]
    assert result.fillers_found == analysis["fillers"]["total"]
    assert 0 <= result.fillers_matched <= min(result.fillers_found, result.fillers_true)
    assert result.points_total == 3 and result.seconds > 0


@pytest.mark.slow
def test_eval_command_reports_the_path_it_measured(tmp_path):
    import json
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "interviewer", "eval", "--clips", "brier-short", "--path", "whole", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["path"] == "whole" and report["summary"]["clips"] == 1
    assert {"filler_recall", "filler_precision", "hint_point_accuracy"} <= set(report["summary"])
