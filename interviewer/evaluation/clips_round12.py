"""New answers of round 12 to twelve bank questions no earlier answer used, in continuous speech.

Written before any transcriber heard them and before the analysis judged them, and appended after
`clips_round11.NEW_CLIPS` in `clips.py`: every voice had an even count, so within each voice they go
tune, then report, and no earlier clip changes half. The questions were drawn at random
(`random.Random(12).sample` of each bank's unused questions with a hint, in bank order; of each
bank's draw the first two whose hint names at least five items, and a third for the first two
banks), not picked by what any result showed. Unlike earlier rounds' answers, these leave out most
of what the hint names, and several say a missed item's words in another sense ("thousands of
faxes" beside "handle thousands of documents simultaneously", "a few dozen cases" beside
"few-shot"): they are written to find false credit. Questions and hints are the banks', verbatim;
items are labelled by what the answer says, in its own words; a hint phrase too vague to say for
sure whether the answer made it is left unlabelled. See `clip.py` for the markup.
"""

from __future__ import annotations

from interviewer.evaluation.clip import NEURAL_VOICE as NEURAL
from interviewer.evaluation.clip import answer

AI_Q23 = (
    "ai-interview-questions/q23",
    "How do you decide whether to use a classical machine learning approach versus a deep learning approach for a "
    "given problem?",
    "I usually decide based on a few practical factors, not ideology; What interviewers usually like hearing; "
    "Start with the data; If I have structured, tabular data, classical ML is usually my first choice; If I have "
    "unstructured data like images, audio; If labeled data is limited, classical models often win early because "
    "they’re.",
)
AI_Q09 = (
    "ai-interview-questions/q09",
    "How do you approach bias in machine learning models? How do you ensure fairness?",
    "I treat bias and fairness as a full lifecycle problem; On a past project, we built a risk model and the "
    "headline metrics looked; Start with the context; Who is affected by the model?; What decisions does it "
    "influence?; What kinds of harm are possible if it's wrong?.",
)
AI_Q31 = (
    "ai-interview-questions/q31",
    "How have you optimized an AI solution for latency, scalability, or resource constraints in a real-world "
    "environment?",
    "In one project, I worked on a real-time document understanding pipeline; The first thing I did was break the "
    "latency down by stage; Right-sized the model stack; We were using a heavier model for every document, even "
    "simple ones; I introduced a routing layer so easy cases went through a smaller model; That alone cut average "
    "inference cost and reduced tail latency.",
)
DS_Q10 = (
    "data-science-notes/q10",
    "You said you did A/B testing on a report variation and used power analysis to set the sample size. Could you "
    "explain more?",
    "Goal: Compare two PowerBI dashboard designs to identify; Steps: Alpha = 0.05, Power = 0.8; Tools: Python "
    "(statsmodels, scipy, pandas), PowerBI; A/B Testing for Report Variation: Objective: To determine which "
    "variation; Designing the Experiment: Version A: Original layout; Power Analysis (Sample Size Estimation): "
    "Before launching the experiment, I conducted.",
)
DS_Q02 = (
    "data-science-notes/q02",
    "Was it a long-term project? How long did the chatbot project take?",
    "How long it ran and whether it is still evolving; its phases (prototype, build, deployment, iteration); who "
    "was on it and your part; what set the pace (data access, PHI handling, hand-off to the deployment team).",
)
DS_Q12 = (
    "data-science-notes/q12",
    "How comfortable are you using SQL?",
    "I’m very comfortable using SQL and have used it extensively in both analytical; At Cencora and "
    "AmerisourceBergen, I regularly used SQL for data extraction; For example, in a recent A/B testing project, I "
    "wrote SQL scripts to extract; I also collaborated with data engineers to optimize long-running queries using; "
    "So whether it's writing ETL pipelines, crafting data models.",
)
MA_Q02 = (
    "medical-ai-mock-interview/q02",
    "What problem does this solve in healthcare?",
    "This system addresses the critical problem of medical document routing; Reduces document processing time from "
    "hours to seconds; Ensures consistent classification accuracy (99.9% vs human error rates); Enables automated "
    "triage for urgent vs routine cases; Supports clinical decision-making with confidence scoring; Scales to "
    "handle thousands of documents simultaneously.",
)
MA_Q16 = (
    "medical-ai-mock-interview/q16",
    "Tell me about a challenging technical problem you faced in this project.",
    "The most challenging problem was achieving production-level accuracy while; The Challenge: Initially, my "
    "model had 94% accuracy but took 2-3; My Approach: Profiled the bottleneck; The Solution: Smart feature "
    "selection using Chi2 tests; Lessons Learned: Always consider production constraints during.",
)
PM_Q39 = (
    "precision-medicine/q39",
    "How would you set up automated retraining and deployment for a clinical prediction model?",
    "Discuss scheduled retraining triggers, data drift detection gates, automated regression testing against "
    "holdout clinical endpoints, model registry promotion stages, and blue-green deployment.",
)
PM_Q30 = (
    "precision-medicine/q30",
    "You need a predictive model for a rare disease with only a few dozen confirmed cases. How do you approach it?",
    "Cover transfer learning from large clinical corpora, few-shot and zero-shot techniques, synthetic data "
    "augmentation, literature-curated features, and collaboration with expert clinicians for phenotyping.",
)
RA_Q33 = (
    "radiology-ai/q33",
    "A vendor says its AI product has excellent benchmark results. How do you evaluate it before your hospital "
    "buys it?",
    "The answer should cover evaluating benchmark relevance to your patient population, testing on your own "
    "held-out internal dataset, assessing regulatory status, integration compatibility, latency, and vendor "
    "transparency about training data.",
)
RA_Q08 = (
    "radiology-ai/q08",
    "What is MONAI, and what does it offer for medical imaging AI?",
    "The answer should describe MONAI's domain-specific transforms, 3D/4D data handling, pre-trained medical "
    "imaging models, federated learning support, and integration with clinical data standards.",
)

NEW_CLIPS = (
    answer(
        "r12-classical-vs-deep",
        *AI_Q23,
        NEURAL,
        1.0,
        (
            "It mostly comes down to the data, {um} not to what is fashionable.",
            "{So} if the data sits in tables, like claims or lab values, I reach for gradient boosting first, {uh} "
            "it is fast and easy to explain.",
            2.0,
            "When the input is images or free text, {you know}, deep learning earns its cost.",
            "{Basically} with only a few hundred labels I still start simple, because a small model overfits less, "
            "{right}?",
            "{Actually} that saved us a month on the last project.",
        ),
        said=(
            "Start with the data",
            "structured, tabular data, classical ML is usually my first choice",
            "images",
            "If labeled data is limited, classical models often win early",
        ),
        missed=("audio",),
        traps=("like claims",),
    ),
    answer(
        "r12-fairness",
        *AI_Q09,
        "en-us",
        160,
        (
            "I start by asking who the model affects, {um} and what decision it feeds into.",
            "{So} on a readmission model we checked recall for each age group and each insurance type, {uh} and "
            "older patients were missed twice as often.",
            2.0,
            "We reweighted the training data and, {like}, set one threshold per group after a review with the "
            "clinical team.",
            "{You know}, the numbers alone never settle it, {I mean} someone has to own the trade-off.",
        ),
        said=(
            "Who is affected by the model?",
            "What decisions does it influence?",
            "On a past project, we built a risk model",
        ),
        missed=("What kinds of harm are possible if it's wrong?", "bias and fairness as a full lifecycle problem"),
    ),
    answer(
        "r12-latency",
        *AI_Q31,
        NEURAL,
        0.95,
        (
            "We had a claims pipeline that read scanned forms, {um} and it was far too slow at peak hours.",
            "{So} I timed each stage on its own, {uh} OCR, classification and extraction, and the OCR step took most "
            "of the time.",
            2.1,
            "We moved it to a GPU batch and, {like}, cached the pages we had already seen.",
            "{Basically} the median response went from four seconds to under one, {you know}, and nobody had to change "
            "the model.",
            "It took two sprints and one very long weekend.",
        ),
        said=("break the latency down by stage",),
        missed=(
            "Right-sized the model stack",
            "heavier model for every document, even simple ones",
            "routing layer so easy cases went through a smaller model",
            "cut average inference cost",
            "reduced tail latency",
        ),
    ),
    answer(
        "r12-power-analysis",
        *DS_Q10,
        "en-gb",
        160,
        (
            "We had two versions of a Power BI sales report, {um} the original layout and one with the key numbers on "
            "top.",
            "{So} before launching, I ran a power analysis in statsmodels, {uh} alpha at 0.05 and power at 0.8, which "
            "said about four hundred users per version.",
            2.0,
            "Users were split at random and, {like}, we tracked how long it took them to find the figure they needed.",
            "{Actually} the new layout won clearly, {you know}, and it became the default.",
        ),
        said=(
            "Compare two PowerBI dashboard designs",
            "Alpha = 0.05",
            "Power = 0.8",
            "statsmodels",
            "PowerBI",
            "Version A: Original layout",
            "Power Analysis (Sample Size Estimation)",
        ),
        missed=("scipy", "pandas"),
    ),
    answer(
        "r12-chatbot-timeline",
        *DS_Q02,
        NEURAL,
        1.05,
        (
            "It ran for about nine months, {um} and it is still getting new features.",
            "{So} the first two months were a prototype on a small set of questions, {uh} then we spent most of the "
            "time building it out properly.",
            2.2,
            "There were three of us, {like} I owned the retrieval part and the evaluation.",
            "{Basically} what slowed us down most was getting access to the data, {you know}, every new source needed "
            "its own approval.",
            "{So} by now it answers about two hundred questions a day.",
        ),
        said=(
            "How long it ran and whether it is still evolving",
            "prototype",
            "build",
            "who was on it and your part",
            "data access",
        ),
        missed=("deployment", "iteration", "PHI handling", "hand-off to the deployment team"),
    ),
    answer(
        "r12-sql",
        *DS_Q12,
        "en-us",
        165,
        (
            "Very comfortable, {um} I write SQL almost every day.",
            "{So} most of my work starts with pulling data out of the warehouse, {uh} joins across claims, pharmacy "
            "and member tables, with window functions for the time-based features.",
            2.0,
            "When a query got slow I'd look at the plan myself, {like}, add an index or rewrite a subquery as a join.",
            "{I mean} it is the first tool I open, {right}?",
            "{So} I'd call it a strength, not just a skill.",
        ),
        said=("I’m very comfortable using SQL",),
        missed=(
            "A/B testing project, I wrote SQL scripts to extract",
            "collaborated with data engineers to optimize long-running queries",
            "writing ETL pipelines, crafting data models",
        ),
    ),
    answer(
        "r12-routing-problem",
        *MA_Q02,
        "en-gb-x-rp",
        160,
        (
            "Clinics get thousands of faxes and scans a day, {um} and someone has to decide which team each one goes "
            "to.",
            "{So} the system reads each document and routes it in a couple of seconds, {uh} where a person used to "
            "take hours to get through the queue.",
            2.0,
            "Urgent referrals get flagged and, {like}, jump to the front.",
            "{Basically} staff spend their time on care instead of sorting paper, {you know}.",
            "It went live in two clinics first.",
        ),
        said=(
            "medical document routing",
            "Reduces document processing time from hours to seconds",
            "automated triage for urgent vs routine cases",
        ),
        missed=(
            "consistent classification accuracy",
            "clinical decision-making with confidence scoring",
            "Scales to handle thousands of documents simultaneously",
        ),
    ),
    answer(
        "r12-hard-problem",
        *MA_Q16,
        NEURAL,
        1.0,
        (
            "The hardest part was the labels, {um} half the training documents had been filed under the wrong "
            "category.",
            "{So} I sampled two hundred of them and, {uh} went through them with a coder from medical records.",
            2.1,
            "We wrote clear rules for the ten most confused categories and, {like}, relabelled about four thousand "
            "documents.",
            "{Basically} accuracy went up by six points, {you know}, more than any change to the model.",
            "That took about three weeks, {uh} most of it careful reading.",
        ),
        missed=(
            "achieving production-level accuracy",
            "my model had 94% accuracy but took 2-3",
            "Profiled the bottleneck",
            "Smart feature selection using Chi2 tests",
            "Always consider production constraints",
        ),
    ),
    answer(
        "r12-retraining",
        *PM_Q39,
        "en-gb",
        165,
        (
            "Retraining runs every month on a schedule, {um} and also when the input data drifts past a set limit.",
            "{So} a new model has to beat the current one on a fixed holdout set of patients, {uh} and not be worse "
            "on any subgroup.",
            2.0,
            "If it passes, a person signs off, {like} a release manager, and it goes out.",
            "{Actually} we keep the old model ready so we can roll back in minutes, {right}?",
            "The whole loop has run for a year without a bad release.",
        ),
        said=("scheduled retraining triggers", "automated regression testing against holdout clinical endpoints"),
        missed=("model registry promotion stages", "blue-green deployment"),
        traps=("so we can roll back",),
    ),
    answer(
        "r12-rare-disease",
        *PM_Q30,
        NEURAL,
        1.0,
        (
            "With a few dozen cases I would not train anything from scratch, {um} I'd start from a model pretrained on "
            "millions of clinical notes and fine-tune only the top.",
            "{So} the features come from the literature, {uh} the handful of labs and symptoms that published case "
            "series agree on.",
            2.0,
            "And I'd sit with the specialists to define who really has the disease, {like}, a clear phenotype beats "
            "more data.",
            "{You know}, I'd be careful with synthetic patients, {basically} they only copy what we already have.",
        ),
        said=(
            "transfer learning from large clinical corpora",
            "literature-curated features",
            "collaboration with expert clinicians for phenotyping",
        ),
        missed=("few-shot", "zero-shot techniques"),
    ),
    answer(
        "r12-vendor-eval",
        *RA_Q33,
        "en-gb-x-rp",
        165,
        (
            "First I ask whose patients the benchmark came from, {um} because a screening population in Korea tells "
            "me little about our emergency department.",
            "{So} we run it silently on a few months of our own studies, {uh} scored against what our radiologists "
            "reported.",
            2.2,
            "I also check it is FDA cleared for the exact use we have in mind, {like} chest X-ray triage and not just "
            "detection.",
            "{Basically} if they won't tell us what data it was trained on, {you know}, that is a red flag.",
        ),
        said=(
            "evaluating benchmark relevance to your patient population",
            "testing on your own held-out internal dataset",
            "assessing regulatory status",
            "vendor transparency about training data",
        ),
        missed=("integration compatibility", "latency"),
    ),
    answer(
        "r12-monai",
        *RA_Q08,
        NEURAL,
        1.05,
        (
            "MONAI is an open source framework for medical imaging built on PyTorch, {um} started by NVIDIA and King's "
            "College.",
            "{So} its transforms know about medical images, {uh} loading NIfTI files, resampling the spacing, cropping "
            "around the foreground.",
            2.0,
            "It also has a model zoo, {like} pretrained networks for spleen or brain segmentation you can fine-tune.",
            "{I mean} the data loaders handle big 3D volumes without much work, {right}?",
        ),
        said=("MONAI's domain-specific transforms", "3D/4D data handling", "pre-trained medical imaging models"),
        missed=("federated learning support", "integration with clinical data standards"),
    ),
)
