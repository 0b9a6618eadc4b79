"""Hint points that list things are scored item by item: one item said is not the point covered."""

from __future__ import annotations

import pytest

from interviewer.domain.analysis.coverage import assess_coverage
from interviewer.domain.analysis.hint_points import point_items, split_hint
from interviewer.domain.analysis.verdict import item_counts
from interviewer.domain.transcript import Word
from interviewer.domain.words import tokenize


def whole(point: str) -> tuple[str, str, list[str]]:
    """A point that names one thing: its own single item, no label."""
    return point, "", [point]


def spoken(text: str, probability: float = 0.9) -> list:
    return tokenize([Word(" " + w, 0.4 * k, 0.4 * k + 0.3, probability) for k, w in enumerate(text.split())])


@pytest.mark.parametrize(
    "point, label, items",
    [
        ("operational metrics (inference latency, uptime)", "operational metrics", ["inference latency", "uptime"]),
        (
            "calibration techniques like Platt scaling and temperature scaling",
            "calibration techniques",
            ["Platt scaling", "temperature scaling"],
        ),
        (
            "the assumptions required (no unmeasured confounding, positivity, SUTVA)",
            "the assumptions required",
            ["no unmeasured confounding", "positivity", "SUTVA"],
        ),
        ("enabling federated analytics and reproducible ML", "", ["enabling federated analytics", "reproducible ML"]),
        whole("aggregation of model updates (not raw data)"),
        whole("domain-specific models (e.g., PubMedBERT, BioBERT)"),
        whole("PACS as Picture Archiving and Communication System"),
        whole("improving generalization across scanners and protocols"),
        whole("the difference between precision and recall"),
        whole('Reducing common word impact: Common words like "the," "and," "is" appear'),
    ],
)
def test_a_point_is_split_into_the_things_it_lists(point, label, items):
    assert point_items(point) == (label, items)


def test_a_sentence_in_prose_is_one_point_and_a_list_is_split_even_when_an_item_has_a_verb():
    hint = (
        "In such situations, clear communication is key; I treat bias and fairness as a lifecycle problem; "
        "Cover weighted sums of risk alleles, and how PRS is used for stratification; SMOTE, ADASYN."
    )
    assert split_hint(hint) == [
        "In such situations, clear communication is key",
        "I treat bias and fairness as a lifecycle problem",
        "weighted sums of risk alleles",
        "how PRS is used for stratification",
        "SMOTE",
        "ADASYN",
    ]


def test_a_clause_that_opens_with_its_subject_stays_with_the_words_before_it():
    hint = "In practice, I watch the gap; If variances are unequal (p < 0.05), I switch to Welch; Platt, isotonic."
    assert split_hint(hint) == [
        "In practice, I watch the gap",
        "If variances are unequal (p < 0.05), I switch to Welch",
        "Platt",
        "isotonic",
    ]


def test_a_word_that_shares_the_other_sides_noun_is_not_a_point_of_its_own():
    hint = (
        "Linear and logistic regression; Memory profiling and optimization; Drift alerts and retraining jobs; "
        "focal loss and SMOTE."
    )
    assert split_hint(hint) == [
        "Linear and logistic regression",
        "Memory profiling and optimization",
        "Drift alerts",
        "retraining jobs",
        "focal loss",
        "SMOTE",
    ]


def test_a_point_or_item_no_word_could_show_said_is_not_scored():
    hint = "Also; For example; the model; Tools: TF-IDF Vectorization (max_features=10,000); built (models, pipelines)."
    assert split_hint(hint) == ["Tools: TF-IDF Vectorization (max_features=10,000)", "built (models, pipelines)"]
    assert point_items("Tools: TF-IDF Vectorization (max_features=10,000)")[1] == [
        "Tools: TF-IDF Vectorization (max_features=10,000)"
    ]
    assert point_items("built (models, pipelines, APIs)") == ("built", ["pipelines", "APIs"])


def test_a_list_after_for_is_what_the_thing_is_for_not_points_of_its_own():
    """A tmux drive showed "ML" as a hint item not heard, and "data work" was gone: "Huge ecosystem for
    AI, ML, and data work" had been split at its commas."""
    hint = "Easy to read and maintain; Huge ecosystem for AI, ML, and data work; Strong community support."
    assert split_hint(hint) == [
        "Easy to read and maintain",
        "Huge ecosystem for AI, ML, and data work",
        "Strong community support",
    ]
    assert split_hint("Cover SMOTE/ADASYN, focal loss, and calibration for clinical use.") == [
        "SMOTE/ADASYN",
        "focal loss",
        "calibration for clinical use",
    ]
    assert split_hint("Discuss monitoring for drift, retraining schedules that follow the data, and alerts.") == [
        "monitoring for drift",
        "retraining schedules that follow the data",
        "alerts",
    ]


def test_an_and_inside_parentheses_splits_nothing():
    hint = "Latency; Inter-department operations (DS team build and EIT team deploy)."
    assert split_hint(hint) == ["Latency", "Inter-department operations (DS team build and EIT team deploy)"]


def test_a_numbered_list_keeps_its_numbers_inside_the_points():
    hint = "Most importantly, I care; 1. Proven Delivery: shipped it; 2. Healthcare Focus."
    assert split_hint(hint) == ["Most importantly, I care", "1. Proven Delivery: shipped it", "2. Healthcare Focus"]


def test_a_hint_is_not_split_inside_quotes():
    hint = 'Reducing common word impact: Common words like "the," "and," "is" appear; Emphasizing rare terms.'
    assert split_hint(hint) == [
        'Reducing common word impact: Common words like "the," "and," "is" appear',
        "Emphasizing rare terms",
    ]


CASES = [  # the four hint items shown covered in the issue, each the partner of one that was said
    (
        "A good response discusses calibration techniques like Platt scaling and temperature scaling.",
        "we fit a logistic curve on the scores which is Platt scaling on a held out set",
        "temperature scaling",
    ),
    (
        "Cover operational metrics (inference latency, uptime).",
        "we track the inference latency of every request at the ninety fifth percentile",
        "uptime",
    ),
    (
        "Explain the assumptions required (no unmeasured confounding, positivity, SUTVA).",
        "we assume no unmeasured confounding and positivity so every patient could get either treatment",
        "SUTVA",
    ),
    (
        "Explain how OMOP standardizes EHR data, enabling federated analytics and reproducible ML.",
        "with one common model the sites can run federated analytics on the same tables",
        "reproducible ML",
    ),
]


@pytest.mark.parametrize("hint, said, missed", CASES, ids=[c[2] for c in CASES])
def test_the_partner_of_a_said_item_is_not_credited_and_is_named(hint, said, missed):
    coverage = assess_coverage(split_hint(hint), spoken(said))
    [point] = [p for p in coverage.points if len(p.items) > 1]
    by_text = {i.text: i for i in point.items}
    assert not by_text[missed].covered
    assert any(i.covered for i in point.items), "the said item is credited"
    assert not point.covered and 0 < point.share < 1
    assert missed in point.missing


def test_the_ratio_counts_half_a_point_half_and_items_add_up():
    hint = "Cover focal loss, and calibration techniques like Platt scaling and temperature scaling."
    coverage = assess_coverage(split_hint(hint), spoken("we train with focal loss and then apply Platt scaling"))
    assert coverage.ratio == pytest.approx((1 + 0.5) / 2)
    assert item_counts(coverage) == (2, 3)


def test_items_round_trip_through_the_saved_analysis():
    from interviewer.domain.analysis.model import Coverage

    coverage = assess_coverage(split_hint(CASES[0][0]), spoken(CASES[0][1]))
    data = coverage.to_dict()
    assert [i["text"] for i in data["points"][-1]["items"]] == ["Platt scaling", "temperature scaling"]
    again = Coverage(data["ratio"], [p for p in coverage.points])
    assert again.to_dict() == data


def test_a_partly_covered_point_shows_which_items_were_said_on_screen_and_in_reports():
    from interviewer.reporting.marks import point_line, point_state
    from interviewer.ui.widgets.hint_checklist import point_prompt

    coverage = assess_coverage(split_hint(CASES[0][0]), spoken(CASES[0][1]))
    point = coverage.to_dict()["points"][0]
    assert point_state(point) == "partial"
    assert point_line(point) == "calibration techniques: Platt scaling ✓, temperature scaling ✗"
    assert point_prompt(point).plain.startswith("◐ calibration techniques: Platt scaling ✓, temperature scaling ✗")


def test_a_term_misheard_as_its_sound_alike_still_counts():
    hint = "Cover focal loss, and Platt scaling."
    coverage = assess_coverage(split_hint(hint), spoken("then I train with vocal loss", 0.9))
    assert coverage.points[0].covered, "tiny.en wrote 'vocal loss' for 'focal loss' in a tmux drive"


def test_each_item_records_how_likely_its_evidence_was_without_the_prompt():
    coverage = assess_coverage(split_hint("Cover SMOTE/ADASYN, and focal loss."), spoken("we used SMOTE first", 0.035))
    [item] = coverage.points[0].items
    assert item.covered and item.confidence == pytest.approx(0.035), "a said term at low probability still counts"


PGX_HINT = "Discuss CPIC Level A, alert logic, and clinician override mechanisms."
OVERRIDE = "clinician override mechanisms"
WORDS_APART = (
    "a new result simply overrides the old one in the record when the lab runs the sample again and the hardest "
    "part was each drug's mechanism for the committee who signed off every clinician message"
)


def test_an_item_whose_words_were_heard_apart_says_so():
    """Round 16's tuning half: "clinician override mechanisms" shown said by "overrides ... mechanism ...
    clinician", each in a sentence of its own kind. Its words were heard, so it counts; none of them together,
    so it says it is less sure (on that half 2 of the 8 items heard apart were false credits, 2 of 180 others)."""
    [item] = [
        i
        for p in assess_coverage(split_hint(PGX_HINT), spoken(WORDS_APART)).points
        for i in p.items
        if i.text == OVERRIDE
    ]
    assert item.covered and item.apart
    together = assess_coverage(split_hint(PGX_HINT), spoken("the clinician can override the alert with a reason"))
    [item] = [i for p in together.points for i in p.items if i.text == OVERRIDE]
    assert item.covered and not item.apart


def test_an_item_heard_apart_is_marked_on_screen_and_in_reports():
    from interviewer.reporting.export import hint_lines
    from interviewer.reporting.marks import APART_SIGN, point_line, point_sign
    from interviewer.ui.widgets.hint_checklist import point_prompt

    points = assess_coverage(split_hint(PGX_HINT), spoken(WORDS_APART)).to_dict()["points"]
    [point] = [p for p in points if p["point"] == OVERRIDE]
    assert point["items"][0]["apart"] is True
    assert point_sign(point) == APART_SIGN == point_prompt(point).plain[0]
    assert point_line(point) == OVERRIDE
    lines = hint_lines({"coverage": {"points": points}})
    assert any(line.startswith(f"- {APART_SIGN} {OVERRIDE} — at") for line in lines)
    assert lines[-1].startswith(f"- _{APART_SIGN} its words heard apart")


def test_the_parts_of_one_hyphenated_word_are_one_word_heard_not_two_together():
    """A tmux drive: "Model Serving: FastAPI for real-time predictions" shown said by "the serving side ...
    most real-time problems we had were in the predictions people made": "real" and "time" of one spoken
    word had counted as two of the item's words heard together."""
    hint = "Model Training: Random Forest; Model Serving: FastAPI for real-time predictions."
    text = (
        "the serving side is where I would change the most next time actually most real-time problems we had "
        "were in the predictions people made about load not in the model"
    )
    [item] = [i for p in assess_coverage(split_hint(hint), spoken(text)).points for i in p.items if "FastAPI" in i.text]
    assert item.covered and item.apart
    said = assess_coverage(split_hint(hint), spoken("we serve real-time predictions behind FastAPI"))
    assert not [i for p in said.points for i in p.items if "FastAPI" in i.text][0].apart


def test_the_checklist_says_what_the_apart_sign_means_in_its_border():
    import asyncio

    from textual.app import App

    from interviewer.ui.widgets.hint_checklist import HintChecklist

    analysis = {"coverage": assess_coverage(split_hint(PGX_HINT), spoken(WORDS_APART)).to_dict()}

    class Host(App):
        def compose(self):
            yield HintChecklist(analysis)

    async def scenario():
        async with Host().run_test(size=(60, 20)) as pilot:
            await pilot.pause()
            checklist = pilot.app.query_one(HintChecklist)
            assert checklist.border_subtitle == "1/3 covered · ≈ heard apart"
            assert checklist.region.width >= len(checklist.border_subtitle) + 4

    asyncio.run(scenario())


def test_the_verdict_says_how_many_items_were_covered_only_by_words_heard_apart():
    import numpy as np

    from interviewer.domain.analysis import analyse
    from interviewer.domain.transcript import Transcript

    def verdict(text: str) -> str:
        said = tuple(Word(" " + w, 1.0 + 0.4 * k, 1.3 + 0.4 * k, 0.9) for k, w in enumerate(text.split()))
        transcript = Transcript(said, "en", 40.0, "test", "test")
        return analyse(transcript, np.zeros(16000 * 40, dtype=np.float32), PGX_HINT).verdict.summary

    assert "hint items covered, 1 of them only by its words heard apart." in verdict(WORDS_APART)
    assert "heard apart" not in verdict("the clinician can override the alert with a reason")


def test_an_items_words_said_together_just_before_its_evidence_are_together():
    """Round 17's tuning half: "race works as a proxy variable for things we never measured ... and that proxy
    risk is what worries me most" showed "proxy variable risk" ≈: its evidence starts at "variable" (with the
    second "proxy", the tightest stretch), and the "proxy" said just before it was not looked at."""
    hint = "Cover social vs. biological constructs of race, proxy variable risk, and population stratification."
    text = (
        "as a feature race works as a proxy variable for things we never measured income housing distance to a "
        "clinic and that proxy risk is what worries me most"
    )
    [item] = [i for p in assess_coverage(split_hint(hint), spoken(text)).points for i in p.items if "proxy" in i.text]
    assert item.covered and not item.apart


def test_an_item_heard_apart_counts_half_in_the_coverage_figure_and_the_score_says_so():
    """Round 17: on the tuning half 6 of the 10 items credited only by their words heard apart were said, the
    other credits 99 %: the coverage figure and the score count such an item half, not whole."""
    import numpy as np

    from interviewer.domain.analysis import analyse
    from interviewer.domain.scoring import score
    from interviewer.domain.transcript import Transcript

    def analysed(text: str):
        said = tuple(Word(" " + w, 1.0 + 0.4 * k, 1.3 + 0.4 * k, 0.9) for k, w in enumerate(text.split()))
        return analyse(Transcript(said, "en", 40.0, "test", "test"), np.zeros(16000 * 40, dtype=np.float32), PGX_HINT)

    apart, together = analysed(WORDS_APART), analysed("the clinician can override the alert with a reason")
    assert [p.covered for p in apart.coverage.points] == [p.covered for p in together.coverage.points]
    assert together.coverage.ratio == pytest.approx(1 / 3, abs=1e-3)
    assert apart.coverage.ratio == pytest.approx(0.5 / 3, abs=1e-3)
    assert score(apart).content == 17 and score(together).content == 33
    assert "coverage 1 of 3 hint items (1 of them heard apart, counted half)," in score(apart).reasons[-1]
    assert "heard apart" not in score(together).reasons[-1]
