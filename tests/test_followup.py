"""Follow-up questions: the most important missed item, phrased from the hint; coverage together."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.domain.analysis.model import Coverage, HintItem, HintPoint
from interviewer.domain.analysis.verdict import item_counts
from interviewer.domain.bank import load_bank
from interviewer.domain.followup import (
    clean_item,
    combined_coverage,
    follow_up,
    follow_up_for_all,
    question_subject,
    simulated_coverage,
)

BANKS = Path(__file__).resolve().parent.parent / "banks"
CALIBRATION = "Cover calibration techniques like Platt scaling and temperature scaling, and reliability diagrams."


def said_items(*texts: str):
    return lambda k, items: items[k] in texts


def test_the_partner_of_a_said_item_is_asked_about_first():
    coverage = simulated_coverage(CALIBRATION, said_items("Platt scaling"))
    asked = follow_up("How do you calibrate a classifier?", CALIBRATION, coverage)
    assert asked.item == "temperature scaling"
    assert asked.text == "You mentioned Platt scaling. What about temperature scaling? When would you use it instead?"
    assert asked.point == "calibration techniques like Platt scaling and temperature scaling"


def test_nothing_said_asks_about_the_earliest_distinctive_item():
    hint = "Cover the basics, and SMOTE/ADASYN for oversampling."
    asked = follow_up("How do you handle class imbalance?", hint, simulated_coverage(hint, lambda k, items: False))
    assert asked.item == "SMOTE/ADASYN for oversampling"
    assert asked.text == "You didn't talk about SMOTE or ADASYN for oversampling. How would that come into your answer?"


def test_an_item_under_a_label_is_fitted_into_the_label():
    hint = "Discuss operational metrics (inference latency, uptime)."
    asked = follow_up("How do you monitor a model?", hint, simulated_coverage(hint, lambda k, items: False))
    assert asked.text == "You didn't mention inference latency. How does it fit into operational metrics?"
    partly = follow_up("How do you monitor a model?", hint, simulated_coverage(hint, said_items("inference latency")))
    assert partly.text == "You mentioned inference latency for operational metrics. What about uptime?"


def test_nothing_missed_asks_nothing():
    coverage = simulated_coverage(CALIBRATION, lambda k, items: True)
    assert follow_up("How do you calibrate?", CALIBRATION, coverage) is None


def test_an_old_analysis_without_items_still_gets_a_follow_up():
    coverage = Coverage(0.5, [HintPoint("tokenization", True), HintPoint("calibration curves", False)])
    asked = follow_up("Q?", "Cover tokenization and calibration curves.", coverage)
    assert asked.item == "calibration curves"


@pytest.mark.parametrize(
    "item, cleaned",
    [
        ("the importance of low latency", "low latency"),
        ("explain SHAP/LIME values.", "SHAP or LIME values"),
        ("CI/CD for model updates", "CI/CD for model updates"),
        ("Federated averaging", "federated averaging"),
        ("Platt scaling", "Platt scaling"),  # a name: capitalised mid-sentence in the hint
        ("QC pipeline (PLINK)", "QC pipeline"),
        ("a strong answer demonstrates empathy", "empathy"),
        ("Look for concrete actions: initiating bias audits", "initiating bias audits"),
        ("its metadata richness", "DICOM's metadata richness"),
        ("how OMOP standardizes EHR data", "how OMOP standardizes EHR data"),
    ],
)
def test_items_are_cleaned_to_be_said_in_a_question(item, cleaned):
    context = "Cover techniques like Platt scaling."
    assert clean_item(item, context, subject="DICOM") == cleaned


def test_the_subject_of_a_what_is_question():
    assert question_subject("What is DICOM, and why does it matter for AI in radiology?") == "DICOM"
    assert question_subject("How do you handle drift?") == ""


def test_a_hint_written_as_a_model_answer_gets_no_follow_up_about_its_sentences():
    hint = "I'd treat it as a risk-managed learning problem. In such situations; Containerization: Docker builds."
    asked = follow_up("How would you ship it?", hint, simulated_coverage(hint, lambda k, items: False))
    assert asked.text == "You didn't talk about containerization. How would that come into your answer?"
    hint = "I'd treat it as a risk-managed learning problem. Overfitting is when a model memorises."
    assert follow_up("Why?", hint, simulated_coverage(hint, lambda k, items: False)) is None


def test_a_long_clause_with_examples_is_asked_about_up_to_its_first_and():
    hint = ("The answer should explain PCCP as a mechanism for manufacturers to define anticipated model modifications "
            "(retraining, fine-tuning) and the methodology for validating those changes without resubmitting a new "
            "510(k) each time.")  # fmt: skip
    asked = follow_up("What is a PCCP?", hint, simulated_coverage(hint, lambda k, items: False))
    assert asked.text == (
        "Can you say more about PCCP as a mechanism for manufacturers to define anticipated model modifications?"
    )
    partly = follow_up("What is a PCCP?", hint, simulated_coverage(hint, said_items("retraining")))
    assert partly.text == "You mentioned retraining. What about fine-tuning?"


def test_distinguish_x_from_y_asks_how_to_tell_them_apart():
    hint = "The answer should distinguish whole-image labels from pixel-level masks."
    asked = follow_up("Classification or segmentation?", hint, simulated_coverage(hint, lambda k, items: False))
    assert asked.text == "How would you tell whole-image labels apart from pixel-level masks?"


@pytest.mark.parametrize("bank", ["precision-medicine", "radiology-ai"])
def test_every_question_of_a_bank_gets_a_sensible_follow_up(bank):
    found = follow_up_for_all(load_bank(BANKS / f"{bank}.toml"))
    nothing_said = [f for _, case, f in found if case == "nothing said"]
    assert len(nothing_said) == 50 and all(f is not None for f in nothing_said)
    for _, _, asked in found:
        assert asked.text.endswith("?") and "(" not in asked.text and "  " not in asked.text
        assert not any(w in asked.text.lower() for w in ("should", "look for", "the importance of"))
    partners = [f for _, case, f in found if case == "first items said"]
    assert len(partners) > 10 and all(f.text.startswith("You mentioned ") for f in partners)


def test_coverage_together_counts_an_item_either_answer_covered():
    first = simulated_coverage(CALIBRATION, said_items("Platt scaling")).to_dict()
    second = simulated_coverage(CALIBRATION, said_items("temperature scaling")).to_dict()
    together = combined_coverage(first, second)
    assert item_counts(Coverage.from_dict(first)) == (1, 3)
    assert item_counts(Coverage.from_dict(together)) == (2, 3)
    assert together["ratio"] == 0.5 and together["points"][0]["covered"] is True
    assert together["points"][1]["covered"] is False


def test_coverage_together_of_different_hints_is_the_follow_ups_own():
    first = simulated_coverage("Cover tokenization.", lambda k, items: True).to_dict()
    second = simulated_coverage(CALIBRATION, lambda k, items: False).to_dict()
    assert combined_coverage(first, second) == second


def test_a_coverage_survives_its_dict():
    coverage = Coverage(0.5, [HintPoint("p", False, items=[HintItem("a", True, 1.0, "a"), HintItem("b", False)])])
    assert Coverage.from_dict(coverage.to_dict()) == coverage


def test_a_follow_ups_analysis_gets_the_coverage_together_with_its_parents(tmp_path):
    from interviewer.domain.session import add_together
    from interviewer.domain.storage import SessionStore

    store = SessionStore(tmp_path)
    session = store.new_session("b", "B")
    first = store.start_answer(session, "q", "How?", CALIBRATION, (60, 90))
    store.save_analysis(session, first, {"coverage": simulated_coverage(CALIBRATION, said_items("Platt scaling"))
                                         .to_dict()}, 4)  # fmt: skip
    second = store.start_answer(session, "q", "How?", CALIBRATION, (60, 90), parent=first.number, follow_up_text="?")
    result = {"coverage": simulated_coverage(CALIBRATION, said_items("reliability diagrams")).to_dict()}
    add_together(store, session, second, result)
    assert item_counts(Coverage.from_dict(result["together"])) == (2, 3)
    alone = {"coverage": result["coverage"]}
    add_together(store, session, first, alone)
    assert "together" not in alone


def test_a_follow_up_is_not_an_attempt_of_the_question(tmp_path):
    from interviewer.domain.practice.attempts import collect_attempts
    from interviewer.domain.practice.samples import make_analysis
    from interviewer.domain.storage import SessionStore

    store = SessionStore(tmp_path)
    session = store.new_session("b", "B")
    first = store.start_answer(session, "q", "How?", CALIBRATION, (60, 90))
    follow = store.start_answer(session, "q", "How?", CALIBRATION, (60, 90), parent=first.number, follow_up_text="?")
    for answer in (first, follow):
        store.save_analysis(session, answer, make_analysis(["we fit platt scaling"], 70.0, (60, 90)), 4)
    assert [a.number for a in collect_attempts(store, "b", "q")] == [first.number]


def test_a_sessions_report_names_the_follow_up_and_its_parent(tmp_path):
    from interviewer.domain.storage import SessionStore
    from interviewer.reporting.export import collect, to_markdown

    store = SessionStore(tmp_path)
    session = store.new_session("b", "B")
    first = store.start_answer(session, "q", "How do you calibrate?", CALIBRATION, (60, 90))
    store.start_answer(session, "q", "How do you calibrate?", CALIBRATION, (60, 90), parent=first.number,
                       follow_up_text="What about temperature scaling?")  # fmt: skip
    report = to_markdown(session, collect(store, session))
    assert "## 2. How do you calibrate?\n↳ follow-up to answer 1: What about temperature scaling?" in report
