"""New answers of round 7 to questions of all five banks, in continuous speech (issue #17).

Written after the first 36 answers were split, and never heard by a transcriber before they were
added: appended after `clips_general.NEW_CLIPS` in `clips.py`, they continue each voice's
alternation, so no earlier clip changes half. Questions and hints are the banks', verbatim; the
items are short phrases of the hint. See `clip.py` for the markup.
"""

from __future__ import annotations

from interviewer.evaluation.clip import NEURAL_VOICE as NEURAL
from interviewer.evaluation.clip import answer

PM_Q38 = (
    "precision-medicine/q38",
    "Describe a cloud pipeline for running a genome-wide association study at scale.",
    "Cover data storage (S3, Glacier), QC pipeline (PLINK), association testing (REGENIE/SAIGE on EC2/Spark), "
    "multiple testing correction (Bonferroni, FDR), and results visualization (Manhattan plots).",
)
PM_Q43 = (
    "precision-medicine/q43",
    "How would you build fairness auditing and bias mitigation into your model development pipeline?",
    "Cover defining sensitive attributes, selecting fairness metrics (equalized odds, demographic parity), applying "
    "in-processing (adversarial debiasing) and post-processing (threshold adjustment) techniques, and reporting "
    "trade-offs.",
)
PM_Q05 = (
    "precision-medicine/q05",
    "What kinds of bias can enter a healthcare dataset, and how does each one arise?",
    "Cover selection bias (unrepresentative cohorts), label bias (diagnostic disparities), and measurement bias "
    "(differential data quality across groups).",
)
RA_Q25 = (
    "radiology-ai/q25",
    "How do you balance model performance against explainability in radiology AI?",
    "Discuss the trade-off between black-box deep learning performance and clinician trust, explainability methods "
    "(Grad-CAM, concept bottleneck models, counterfactual explanations), regulatory expectations, and strategies for "
    "making complex models clinically transparent.",
)
RA_Q07 = (
    "radiology-ai/q07",
    "How do you deal with class imbalance in medical imaging, where positive findings are rare?",
    "A comprehensive answer discusses oversampling, undersampling, focal loss, class-weighted cross-entropy, "
    "synthetic data generation, and the importance of stratified evaluation.",
)
RA_Q12 = (
    "radiology-ai/q12",
    "What is the difference between retrospective and prospective validation of a radiology AI model?",
    "Cover retrospective studies using historical data, prospective studies in live clinical workflows, the strengths "
    "and limitations of each, and why regulatory bodies increasingly require prospective evidence.",
)
AI_Q14 = (
    "ai-interview-questions/q14",
    "What is the Confusion Matrix and what is its purpose?",
    "A confusion matrix is a simple table that shows how a classification model; A confusion matrix helps you "
    "understand not just how often a model is right; What the model predicted; What the actual answer was; True "
    "Positive, the model predicted positive, and it was positive; True Negative, the model predicted negative, and it "
    "was negative.",
)
AI_Q20 = (
    "ai-interview-questions/q20",
    "How do you stay updated with the latest developments in AI?",
    "I stay current by mixing three things, research; I also like learning in community; Research: I keep an eye on "
    "arXiv, major conference papers; Practitioner signal: I follow a small set of people who consistently explain; "
    "Hands-on validation: When something looks promising; Conferences, webinars, and workshops help me hear how teams "
    "are applying new.",
)
DS_Q20 = (
    "data-science-notes/q20",
    "Why do we multiply by IDF in the TF-IDF calculation? What's the purpose?",
    "In my work classifying patient communications at Cencora; Reducing common word impact: Common words like "
    '"the," "and," "is" appear; Emphasizing discriminative terms: Words that appear in fewer documents are often; '
    'Mathematical formulation: N = total number of documents; Practical example: "Patient" (appears in 90% of '
    "documents).",
)
DS_Q14 = (
    "data-science-notes/q14",
    "You have worked on medical text classification using LLMs. You might have encountered latency due to LLMs being "
    "slow. How did you tackle the problem?",
    "This reduced LLM calls by around 60%, significantly improving average response; Tiered Model Strategy (Fast + "
    "Smart): A lightweight, fast classifier; Caching & Prompt Optimization: Shorter, more focused prompts with "
    "templated; Asynchronous Processing + Queuing: Requests were placed in an AWS SQS or Azure; Distillation + "
    "Quantization for On-Device Models: We fine-tuned a distilled version of BERT on our; Batch Processing and "
    "Parallelization: When processing bulk text.",
)
MA_Q14 = (
    "medical-ai-mock-interview/q14",
    "How do you ensure clinical safety in your AI system?",
    "Conservative Confidence Thresholds: High confidence threshold; Fail-Safe Design: System degrades gracefully to "
    "manual review; Clinical Validation: Regular review by medical professionals; Risk Mitigation: Clear system "
    "limitations communicated to users.",
)
MA_Q09 = (
    "medical-ai-mock-interview/q09",
    "How do you handle new medical terminology or conditions not in training data?",
    "Confidence-Based Routing: Predictions below 85% confidence flagged; Continuous Learning Pipeline: Model "
    "retraining pipeline with new validated data; Robust Feature Engineering: TF-IDF captures semantic similarity to "
    "known terms; Human-in-the-Loop: Expert annotation workflow for edge cases.",
)

# Within each voice these continue the alternation of clips.py, where every voice had an even count: the
# neural voice tune, report, tune, report; en-gb-x-rp, en-us+m3, en-gb-scotland and en-us+f3 one tune, then
# one report (four voices twice rather than all six, so the halves stay 24 and 24).
NEW_CLIPS = (
    answer(
        "r7-gwas",
        *PM_Q38,
        NEURAL,
        0.9,
        (
            "{So} for a GWAS at scale the raw genotypes sit in S3, {um} one bucket per cohort, and nothing is copied "
            "around.",
            "Quality control runs in PLINK {uh} missing call rates, Hardy Weinberg, relatedness, and it takes {like} "
            "4.5 hours on the whole cohort.",
            2.6,
            "For association testing I use REGENIE on a Spark cluster, because it handles {um} hundreds of thousands "
            "of samples in two steps.",
            "{You know}, with millions of variants you need multiple testing correction, and I apply Bonferroni so "
            "that only the strongest hits survive.",
            "The results go into Manhattan plots {uh} one per phenotype, and {basically} the team reviews them every "
            "week.",
        ),
        said=("S3", "PLINK", "REGENIE", "Bonferroni", "Manhattan plots"),
        missed=("Glacier", "SAIGE", "FDR"),
        traps=("so that only",),
    ),
    answer(
        "r7-fairness",
        *PM_Q43,
        "en-gb-x-rp",
        180,
        (
            "Fairness auditing starts before training, {um} by defining the sensitive attributes with the clinical "
            "team, age, sex and ethnicity {you know} whatever the model could treat unequally.",
            "Then I pick the metric, and I {uh} usually go with equalized odds, because in a clinic both the missed "
            "cases and the false alarms matter.",
            "{So}, every model in the pipeline gets a fairness table next to its accuracy, and {um} a gap over five "
            "points blocks the release.",
            "When there is a gap, the fix I reach for first is threshold adjustment, {like}, a separate cut-off per "
            "group, chosen on validation data.",
            "I like this step because it is cheap and transparent, and {I mean} the clinicians can see exactly what "
            "changed, {right}?",
        ),
        said=("sensitive attributes", "equalized odds", "threshold adjustment"),
        missed=("demographic parity", "adversarial debiasing", "reporting trade-offs"),
        traps=("I like this step",),
    ),
    answer(
        "r7-idf",
        *DS_Q20,
        "en-us+m3",
        145,
        (
            "Term frequency alone rewards words that are everywhere, {um} common words like the and is, which say "
            "{uh} nothing about the class.",
            "Multiplying by IDF is about reducing the common word impact, {you know}, a word in every document gets a "
            "weight near zero.",
            2.4,
            "{Uh} in our messages the word patient appears in 90% of documents, and its weight was {um} close to "
            "nothing.",
            "{So} the weight goes to discriminative terms, words in a few documents, {I mean} the ones that separate "
            "the classes.",
            "{Actually}, that one multiplication did more for us than any model change.",
        ),
        said=("common word impact", "discriminative terms", "90% of documents"),
        missed=("Mathematical formulation", "total number of documents"),
        traps=("common words like the",),
    ),
    answer(
        "r7-explain",
        *RA_Q25,
        "en-gb-scotland",
        120,
        (
            "A black-box model can be a few points better, {um} but without clinician trust nobody acts on it.",
            "I show Grad-CAM maps, {like}, where the model looked {uh} on the image.",
            "{You know}, they are rough, and a radiologist learns what they mean by the second week.",
            "{Basically} the regulatory expectations push the same way, the FDA wants {um} to see why a model flags a "
            "case, {right}?",
        ),
        said=("clinician trust", "Grad-CAM", "regulatory expectations"),
        missed=("concept bottleneck models", "counterfactual explanations"),
        traps=("what they mean",),
    ),
    answer(
        "r7-safety",
        *MA_Q14,
        "en-us+f3",
        160,
        (
            "Clinical safety for me starts with a high confidence threshold, {um} the model only routes a document on "
            "its own above 95%.",
            "Below that the system degrades gracefully to manual review {uh} a person sees it, {literally} nothing is "
            "dropped.",
            "{So} if the model server is down, the same thing happens, the queue goes to people.",
            2.9,
            "Choosing the right threshold took {um} a few weeks of looking at the errors, {you know}, the costly ones "
            "first.",
            "{I mean} a wrong route for an urgent case is the actual risk, {right}?",
        ),
        said=("high confidence threshold", "degrades gracefully to manual review"),
        missed=("Regular review by medical professionals", "Clear system limitations communicated to users"),
        traps=("the right threshold", "the actual risk"),
    ),
    answer(
        "r7-img-imbalance",
        *RA_Q07,
        NEURAL,
        1.15,
        (
            "When positives are rare, {um} say one scan in fifty, the model learns to {like} call everything normal.",
            "{So} first I use oversampling of the positive studies, and each batch gets {uh} a fixed share of them.",
            "Then the loss, I switch to focal loss {um} which puts the weight on the hard examples instead of the "
            "easy negatives.",
            2.7,
            "{Actually}, I keep the evaluation stratified, stratified evaluation by site and by finding, because "
            "{you know} the overall number hides the rare ones.",
            "Methods like these are cheap, and I like that they are a few lines of code.",
        ),
        said=("oversampling", "focal loss", "stratified evaluation"),
        missed=("undersampling", "class-weighted cross-entropy", "synthetic data generation"),
        traps=("Methods like these", "I like that"),
    ),
    answer(
        "r7-confusion",
        *AI_Q14,
        NEURAL,
        1.05,
        (
            "A confusion matrix is a simple table {um} it shows how a classification model's predictions line up with "
            "the truth.",
            "One axis is what the model predicted, the other is what the actual answer was, {you know}, for every "
            "case in the test set.",
            "{Uh} the cell I look at first is true positive, the model said positive and it was.",
            "Next to it are the false positives {uh} the false alarms, and {like} in fraud work those cost {um} real "
            "money.",
            "{So} I read the table before any single score, because one number hides which mistakes the model makes, "
            "{right}?",
        ),
        said=("simple table", "What the model predicted", "What the actual answer was", "True Positive"),
        missed=("True Negative", "not just how often a model is right"),
        traps=("what the actual answer",),
    ),
    answer(
        "r7-new-terms",
        *MA_Q09,
        "en-gb-x-rp",
        125,
        (
            "New terms show up as low confidence, {um} the model has never seen them.",
            "{So} we use confidence-based routing, and predictions below 85% confidence are {uh} flagged for a person.",
            2.8,
            "Those cases go into an expert annotation workflow, {like}, a specialist labels them {um} once a week.",
            "{You know}, the flagged share is our early warning, and when it goes up it looks like the vocabulary has "
            "moved, {basically}.",
        ),
        said=("Confidence-Based Routing", "below 85% confidence", "Expert annotation workflow"),
        missed=("Continuous Learning Pipeline", "Model retraining pipeline", "TF-IDF captures semantic similarity"),
        traps=("looks like",),
    ),
    answer(
        "r7-bias-kinds",
        *PM_Q05,
        "en-us+m3",
        190,
        (
            "The two I see most are selection bias and label bias, {um} and they arise in different places.",
            "Selection bias comes from unrepresentative cohorts, {like} a dataset built from one academic hospital "
            "{uh} where the sicker and richer patients end up.",
            "{So} the model learns a population that does not exist anywhere else, {you know}, and it fails in a "
            "rural clinic.",
            "Label bias is harder to see, because the labels come from diagnoses, and diagnostic disparities leave "
            "some groups {um} diagnosed later or less often.",
            "{I mean}, the model then learns the disparity instead of the actual disease, {right}?",
        ),
        said=("selection bias", "unrepresentative cohorts", "label bias", "diagnostic disparities"),
        missed=("measurement bias", "differential data quality across groups"),
        traps=("the actual disease",),
    ),
    answer(
        "r7-off-topic",
        *AI_Q20,
        "en-gb-scotland",
        165,
        (
            "{Um} last summer I did a cycling trip along the west coast of Scotland with two friends from work.",
            "We planned {uh} sixty miles a day, which sounded easy at home, {you know}.",
            "On the second day it rained {um} from morning to night, and my bag was {literally} soaked through.",
            3.1,
            "{So} we stopped at a small cafe, and the owner {uh} let us dry everything by the stove, so that we could "
            "go on.",
            "I like that kind of trip, {I mean} years later you remember the rain more than the views, {right}?",
        ),
        missed=("arXiv", "major conference papers", "learning in community", "Hands-on validation"),
        traps=("so that we could", "I like that kind"),
        off_topic=True,
    ),
    answer(
        "r7-prospective",
        *RA_Q12,
        "en-us+f3",
        135,
        (
            "Retrospective validation runs the model on historical data, {um} studies already read and reported.",
            "It is fast and cheap, {uh} but the cases were picked after the fact, {like}, the hard ones are often "
            "missing.",
            "Prospective validation puts the model into live clinical workflows {um} and measures it on new patients.",
            "{So} the strengths and limitations are mirror images, {you know}, one is quick, the other is {basically} "
            "the real test.",
            "Do you know the actual effect on reading time? Only a prospective study tells you, {right}?",
        ),
        said=("historical data", "live clinical workflows", "strengths and limitations"),
        missed=("regulatory bodies",),
        traps=("Do you know", "the actual effect"),
    ),
    answer(
        "r7-llm-latency",
        *DS_Q14,
        NEURAL,
        0.95,
        (
            "The LLM took {um} 2 to 3 seconds per message, which was too slow for triage.",
            "{So} we put a lightweight, fast classifier in front of it, {uh} a small logistic model, so that the easy "
            "messages never reach the LLM.",
            "Only the unclear ones went on, and {like} that reduced LLM calls by around 60%.",
            2.4,
            "{Uh} for the rest we wrote shorter, more focused prompts, {you know}, a template with just the fields "
            "the model needs.",
            "{Basically} fewer tokens in, fewer tokens out, and the response time {um} dropped by half, {right}?",
        ),
        said=("fast classifier", "reduced LLM calls by around 60%", "Shorter, more focused prompts"),
        missed=("distilled version of BERT", "Asynchronous Processing", "Batch Processing and Parallelization"),
        traps=("so that the easy",),
    ),
)
