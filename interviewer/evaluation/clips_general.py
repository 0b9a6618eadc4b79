"""New answers to questions of banks/ai-interview-questions.toml, data-science-notes.toml and
medical-ai-mock-interview.toml, in continuous speech.

Questions and hints are the bank's, verbatim (these hints are lists of notes; the items are taken
from them). See `clip.py` for the markup. New clips go at the end of NEW_CLIPS (see `clips.py`).
"""

from __future__ import annotations

from interviewer.evaluation.clip import NEURAL_VOICE as NEURAL
from interviewer.evaluation.clip import answer

AI_Q13 = (
    "ai-interview-questions/q13",
    "What is overfitting and how do you avoid it?",
    "Overfitting is when a model gets too attached to the training data; In practice, I usually watch for a gap "
    "between training and validation metrics; Very strong training performance; Weaker validation or test "
    "performance; Poor generalization on new data; Proper train, validation, and test splits.",
)
AI_Q32 = (
    "ai-interview-questions/q32",
    "What evaluation metrics would you choose for an imbalanced classification problem, and why?",
    "For imbalanced classification, I would avoid relying on plain accuracy; Precision; Use when false positives are "
    "costly; Example: flagging legitimate transactions as fraud; Recall; Use when false negatives are costly.",
)
AI_Q36 = (
    "ai-interview-questions/q36",
    "What is the bias-variance tradeoff, and how does it influence your modeling decisions?",
    "The goal is not to minimize bias or variance alone; Bias-variance tradeoff is the balance between underfitting "
    "and overfitting; Bias: error from overly simple assumptions; High bias models underfit; They miss real "
    "patterns; Example: fitting a straight line to a clearly nonlinear relationship.",
)
AI_Q28 = (
    "ai-interview-questions/q28",
    "Can you explain A/B testing and when you might use it in AI?",
    "The basic idea; In AI, I’d use it when offline metrics look promising; Split users, traffic, or requests "
    "randomly into two groups; Show group 1 the current version, A; Show group 2 the new version, B; Measure one or "
    "two clear outcomes.",
)
AI_Q16 = (
    "ai-interview-questions/q16",
    "How do you ensure the security of AI systems?",
    "I think about AI security in layers, not as one control; In practice, I treat it like any production security "
    "program; Secure the data; Tight access controls, least privilege; Encryption at rest and in transit; Audit logs "
    "for who accessed what, and when.",
)
DS_Q03 = (
    "data-science-notes/q03",
    "Now, thinking back, what was the most difficult part of that project?",
    "Hallucinations; Latency; Medical data processing ( PHI data); Inter-department operations ( DS team build and "
    "EIT team deploy).",
)
DS_Q05 = (
    "data-science-notes/q05",
    "In your time series model, what techniques did you use, and what was the output of the project?",
    "ARIMA; Facebook Prophet; Pycaret with many built-in models such as XGBoost.",
)
DS_Q26 = (
    "data-science-notes/q26",
    "Aside from sample size, what other conditions must be satisfied to properly use a t-test?",
    "The t-test requires interval or ratio data; Scale of Measurement: The t-test requires interval or ratio data; "
    "Random Sampling & Independence: Each observation must be independent - violated; Normality Distribution: With "
    "n < 50 per group, I use Shapiro-Wilk; Homogeneity of Variance: If variances are unequal (p < 0.05), I switch; "
    "Absence of Outliers: For skewed clinical data (e.g., hospital stay).",
)
DS_Q06 = (
    "data-science-notes/q06",
    "One of the things you did to improve the latency was cache the frequently asked questions. Could you explain "
    "how you did this, given there might be different variations?",
    "I used OpenAI's embedding model; On each query, I compared the incoming vector with existing cached vectors; "
    "Vector Embedding of Questions; Similarity Matching; Approximate Nearest Neighbor (ANN) Search; Dynamic Cache "
    "Invalidation.",
)
MA_Q11 = (
    "medical-ai-mock-interview/q11",
    "How would you handle HIPAA compliance in this system?",
    "Data Protection: End-to-end encryption for all data in transit; Infrastructure Security: Private cloud "
    "deployment (Azure Government or AWS); Data Governance: Data retention policies with automated deletion; "
    "Access Controls: Multi-factor authentication for all users; Business Associate Agreements: Proper contracts "
    "with cloud providers.",
)
MA_Q13 = (
    "medical-ai-mock-interview/q13",
    "How do you monitor model performance in production?",
    "Model Performance Metrics: Real-time accuracy tracking on labeled data; Data Quality Monitoring: Input data "
    "schema validation; Infrastructure Monitoring: Container resource utilization (CPU, memory); Business Metrics: "
    "Classification accuracy per medical department; Alerting & Response: Automated alerts for performance "
    "degradation.",
)
MA_Q19 = (
    "medical-ai-mock-interview/q19",
    "Your model suddenly drops from 99% to 85% accuracy in production. How do you investigate?",
    "Immediate Response (0-30 minutes): Check system alerts and monitoring dashboards; Data Investigation (30-60 "
    "minutes): Compare recent input data distribution; Model Analysis (1-2 hours): Compare feature importance to "
    "baseline model; Root Cause Analysis: A/B test with previous model version; Resolution Strategy: Rollback to "
    "previous model if infrastructure issue.",
)

NEW_CLIPS = (
    answer(
        "ai-overfitting",
        *AI_Q13,
        NEURAL,
        0.9,
        (
            "Overfitting is when a model gets too attached to the training data, {um}, it learns the noise instead "
            "of the pattern.",
            "The sign I watch for is a gap between training and validation metrics {like} almost perfect on train "
            "and much worse on validation.",
            "{So}, the first defence is proper train, validation, and test splits, and the test set stays locked "
            "until the end.",
            2.5,
            "{Uh} then regularisation, early stopping and, {you know}, simply more data.",
            "It looks like a lot of rules, but it is really one idea.",
        ),
        said=(
            "too attached to the training data",
            "gap between training and validation metrics",
            "train, validation, and test splits",
        ),
        missed=("Poor generalization on new data",),
        traps=("looks like",),
    ),
    answer(
        "ai-imbalanced-metrics",
        *AI_Q32,
        "en-gb",
        175,
        (
            "With imbalanced classes I would avoid relying on plain accuracy {um} because predicting the majority "
            "class already scores high.",
            "I look at precision when false positives are costly, {like}, flagging a legitimate transaction as fraud.",
            "{You know}, every false alarm there is an angry customer.",
            "{Uh}, for the positive class I report the F1 score and the PR curve as well.",
            "Do you know the base rate? That decides which metric matters, {right}?",
            "That's right for fraud, and {um} it is the number the business team asks for.",
        ),
        said=("plain accuracy", "Precision", "false positives are costly", "flagging legitimate transactions as fraud"),
        missed=("Recall", "false negatives are costly"),
        traps=("Do you know the base rate", "That's right for fraud"),
        lead_in_s=1.4,
    ),
    answer(
        "ai-bias-variance",
        *AI_Q36,
        "en-gb-scotland",
        130,
        (
            "The bias-variance tradeoff is the balance between underfitting and overfitting, {um}, two ways a model "
            "can be wrong.",
            "Bias is error from overly simple assumptions, {uh}, a straight line through a curve will always miss.",
            "{Like}, high bias models underfit, even on the training data.",
            3.4,
            "{Uh} what I mean by variance is how much the model changes when the training data changes.",
            "{I mean}, that is why I {basically} start simple and add complexity only while validation improves.",
        ),
        said=(
            "balance between underfitting and overfitting",
            "overly simple assumptions",
            "High bias models underfit",
            "straight line",
        ),
        missed=("not to minimize bias or variance alone",),
        traps=("what I mean by variance",),
        lead_in_s=1.7,
    ),
    answer(
        "ai-ab-test-off-topic",
        *AI_Q28,
        "en-us",
        160,
        (
            "{So}, {um} last spring I started a small vegetable garden behind our house.",
            "The tomatoes did really well, {like}, we had far too many by August.",
            "The soil looks like clay {you know} so I added compost every few weeks.",
            "{Uh}, the beans were a disaster {I mean} the slugs ate every one of them.",
            "Next year I will try raised beds, and, {basically}, a lot more netting.",
            "People ask me for the secret, and {um} you know the answer already, it is compost.",
        ),
        missed=("offline metrics", "Split users", "Measure one or two clear outcomes"),
        traps=("looks like", "so I added", "you know the answer"),
        off_topic=True,
    ),
    answer(
        "ai-security",
        *AI_Q16,
        NEURAL,
        1.15,
        (
            "I think about AI security in layers, {um}, not as one control.",
            "First, secure the data, with tight access controls and least privilege {like} a data scientist sees "
            "only the tables a project needs.",
            "{You know}, most leaks are someone with too many rights.",
            "{Uh} then encryption at rest and in transit, which is, {basically}, the default in every cloud now.",
            2.6,
            "{So} for the model itself I also think about prompt injection and model theft, {right}?",
            "Getting the right roles takes a week, {I mean}, no more.",
        ),
        said=("AI security in layers", "least privilege", "Encryption at rest and in transit"),
        missed=("Audit logs",),
        traps=("the right roles",),
        lead_in_s=1.2,
    ),
    answer(
        "ds-difficult-part",
        *DS_Q03,
        "en-us+f3",
        150,
        (
            "The most difficult part was the hallucinations {um} the chatbot would answer a drug question with a "
            "confident made-up dose.",
            "We grounded every answer in retrieved documents, {like}, the model could only quote what it found.",
            "{Actually} the other hard part was PHI data, because, {uh}, patient details sat in the chat logs and "
            "had to be masked before anything else.",
            2.8,
            "{You know}, we could not send raw logs to an external model at all.",
            "What I mean by hard is that it took two months of work with the privacy office.",
        ),
        said=("Hallucinations", "PHI data"),
        missed=("Latency", "Inter-department operations"),
        traps=("What I mean by hard",),
        lead_in_s=0.8,
    ),
    answer(
        "ds-time-series",
        *DS_Q05,
        "en-gb-x-rp",
        160,
        (
            "For the time series model I started with ARIMA, {um}, as a baseline on the weekly order volumes.",
            "Then Facebook Prophet, because it handles holidays and {like} the yearly season without much tuning.",
            "{So}, Prophet beat ARIMA by a few points of error {you know} mostly around Christmas.",
            "{Uh}, the output was a twelve week forecast per distribution centre, which {literally} set the "
            "staffing plan.",
            "I like this kind of project because the forecast is used the next morning.",
        ),
        said=("ARIMA", "Facebook Prophet"),
        missed=("Pycaret", "XGBoost"),
        traps=("I like this kind",),
        lead_in_s=1.5,
    ),
    answer(
        "ds-t-test",
        *DS_Q26,
        NEURAL,
        1.05,
        (
            "Besides sample size, the t-test needs interval or ratio data, {um}, a real scale, not categories.",
            "The observations must be independent, {you know}, one row per patient, not repeated visits of the same "
            "person.",
            "{I mean}, repeated visits break that straight away.",
            "{Uh} then normality, and with more than fifty per group the central limit theorem, {basically}, takes "
            "care of it.",
            2.4,
            "{So}, that leaves outliers, and for skewed data like hospital stay, {you know}, I would look at a rank "
            "test instead.",
        ),
        said=("interval or ratio data", "Independence", "Normality", "Outliers"),
        missed=("Homogeneity of Variance",),
        traps=("data like hospital stay",),
        lead_in_s=1.0,
    ),
    answer(
        "ds-question-cache",
        *DS_Q06,
        "en-us+m3",
        140,
        (
            "I embedded every incoming question with OpenAI's embedding model {um} and compared that vector with "
            "the cached ones.",
            "If the cosine similarity was above a threshold, {like}, point nine two, we returned the cached answer.",
            "{So} two different wordings of the same question, {uh}, hit the same entry.",
            2.3,
            "{You know}, the threshold was the hard part, too low and you answer the wrong question.",
            "It actually cut the average response time by more than half.",
        ),
        said=("embedding model", "Similarity Matching"),
        missed=("Approximate Nearest Neighbor", "Dynamic Cache Invalidation"),
        traps=("actually cut",),
        lead_in_s=1.3,
    ),
    answer(
        "ma-hipaa",
        *MA_Q11,
        "en-us+m3",
        150,
        (
            "For HIPAA the first thing is data protection, {um}, end-to-end encryption for all data in transit and "
            "at rest.",
            "Then access controls, {um}, multi-factor authentication for every user and roles per department.",
            "{Basically}, nobody reads a document they do not need.",
            "{Uh} and with any cloud provider we sign business associate agreements before a single file moves, "
            "{right}?",
            "I like this checklist because auditors, {you know}, ask for exactly these things.",
        ),
        said=("End-to-end encryption", "Multi-factor authentication", "Business Associate Agreements"),
        missed=("Private cloud deployment", "Data retention policies"),
        traps=("I like this checklist",),
    ),
    answer(
        "ma-monitoring",
        *MA_Q13,
        NEURAL,
        1.0,
        (
            "I monitor the model with real-time accuracy tracking {um} on the documents that staff later label by "
            "hand.",
            "Input data schema validation catches broken uploads, {like}, a scanned PDF with no text in it.",
            "{You know}, half our incidents were bad inputs, not a bad model.",
            3.0,
            "{Uh}, on the infrastructure side we watch container CPU {I mean} and memory, with automated alerts "
            "when accuracy degrades.",
            "The mean accuracy hides a lot, and we also read the worst day.",
        ),
        said=("Real-time accuracy tracking", "Input data schema validation", "CPU, memory", "Automated alerts"),
        missed=("Classification accuracy per medical department",),
        traps=("The mean accuracy",),
        lead_in_s=1.6,
    ),
    answer(
        "ma-accuracy-drop",
        *MA_Q19,
        "en-gb-scotland",
        170,
        (
            "If accuracy suddenly falls that far, {um}, I first check the system alerts and the monitoring dashboards.",
            "Is it the pipeline or the model? {So} I compare the recent input data distribution with the training "
            "data.",
            "{Like}, a new document template can shift every feature at once.",
            "{Uh} then I run an A/B test with the previous model version, on the same traffic.",
            2.6,
            "{Actually}, if it is an infrastructure issue, the rollback to the previous model comes first, "
            "{you know} and the analysis after.",
            "It sounds like a lot, but it takes an hour.",
        ),
        said=(
            "Check system alerts",
            "recent input data distribution",
            "A/B test with previous model version",
            "Rollback to previous model",
        ),
        missed=("feature importance",),
        traps=("sounds like",),
        lead_in_s=2.1,
    ),
)
