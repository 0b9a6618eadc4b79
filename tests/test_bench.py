"""`interviewer bench --quick --json`: the figures are all there and make sense (speed is not judged here)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from interviewer.benchmarking.bench import table

TARGET_NAMES = {
    "stop_to_feedback_s", "speedup_vs_batch", "compute_ratio", "first_screen_s", "peak_rss_mb",
    "wer_points_above_whole_file", "lag_never_grows", "wer_at_most_batch_script",
}  # fmt: skip


@pytest.mark.slow
def test_bench_quick_json_reports_every_figure(tmp_path):
    command = [sys.executable, "-m", "interviewer", "bench", "--quick", "--json", "--seconds", "15",
               "--engines", "faster-whisper", "--models", "tiny.en+base"]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["machine"]["nproc"] >= 1 and 15.0 <= result["answer_s"] <= 30.0  # whole sentences
    (run,) = result["runs"]
    assert "error" not in run, run
    assert (run["engine"], run["model"]) == ("faster-whisper", "tiny.en+base")  # the app's default pair
    assert run["stop_to_refined_s"] >= run["stop_to_feedback_s"] > 0  # the careful hearing comes after
    assert 0 <= run["wer_at_feedback"] < 0.5
    assert run["words_streamed"] > 0.8 * result["answer_words"]
    assert abs(run["words_streamed"] - run["words_whole_file"]) <= 0.1 * run["words_whole_file"]
    assert 0 <= run["wer_streamed"] < 0.5 and 0 <= run["wer_whole_file"] < 0.5
    assert run["stop_to_feedback_s"] >= run["finish_s"] >= 0 and run["analyse_s"] >= 0
    steps = run["stop_steps"]  # AnswerRun.finish, step by step: they add up to stop -> feedback
    assert set(steps) == {"stop", "transcribe_rest", "read_wav", "analyse", "save", "other"}
    assert sum(steps.values()) == pytest.approx(run["stop_to_feedback_s"], abs=0.01)
    assert 0 <= run["speculations_used"] <= run["speculations"] and run["wasted_compute_s"] >= 0
    assert run["compute_ratio"] > 0 and run["chunks"] >= 2 and run["peak_rss_mb"] > 50
    batch = result["batch"]
    assert batch["engine"] == "openai-whisper" and batch["batch_s"] > 0 and batch["batch_load_s"] > 0
    assert batch["batch_cli_s"] > 0 and 0 <= batch["wer"] < 0.5 and 0 <= batch["wer_cli"] < 0.5
    assert batch["batch_cpu_s"] > 0 and batch["batch_cli_cpu_s"] > 0
    assert run["speedup_vs_batch"] == pytest.approx(batch["batch_s"] / run["stop_to_feedback_s"], rel=0.05)
    assert run["speedup_vs_batch_cli"] == pytest.approx(batch["batch_cli_s"] / run["stop_to_feedback_s"], rel=0.05)
    assert set(result["targets"]) >= TARGET_NAMES
    assert all(isinstance(result["targets"][name]["met"], bool) for name in TARGET_NAMES)
    screen = result["first_screen"]  # the TUI started in a pseudo-terminal, several times
    assert "error" not in screen, screen
    assert len(screen["samples_s"]) == 7 and screen["first_screen_min_s"] <= screen["first_screen_s"]
    assert 0 < screen["first_screen_s"] <= screen["first_screen_max_s"] < 30
    assert screen["app_probe_median_s"] > 0  # the app's own probe ran, and made it exit
    text = table(result)  # what a person reads without --json
    assert "× cli" in text and "CLI defaults (beam 5, best of 5)" in text and "stop→ready ms" in text
    assert "median of 7 starts" in text
