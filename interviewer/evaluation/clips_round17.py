"""New answers of round 17 to twelve bank questions no earlier answer used, in continuous speech.

Written before any transcriber heard them and before the analysis judged them, and appended after
`clips_round16.NEW_CLIPS` in `clips.py`: every voice had an even count, so within each voice they go
tune, then report, and no earlier clip changes half. The voices are the Piper voice for four answers
and, for two each, the four espeak voices with the fewest clips so far (legacy ones included): en-us+m3,
en-gb, en-gb-scotland and en-gb-x-rp. The questions were drawn by round 16's rule with another seed, not
by hand: of the five banks (in sorted file order), the questions with a hint whose "bank/question" no
earlier clip answers (all clip files, legacy included) and that are not held back (radiology-ai/q21,
precision-medicine/q10, ai-interview-questions/q33, medical-ai-mock-interview/q04,
medical-ai-mock-interview/q15, radiology-ai/q22), and whose hint names at least four items in all (the
items `point_items` gives for each point of `split_hint`); each bank's list, in bank order and question
order within it, shuffled by one `random.Random(17)`; then the first three of radiology-ai and
precision-medicine and the first two of each other bank. The answers are longer than round 16's (140-155
words, 48-55 s of speech each as synthesised, under the 70 s the eval tests allow). As people speak,
fillers fall inside running clauses ("the next-best drug or therapy based on um a patient's history",
"expected our sepsis model to uh catch every case"), not only between them. Each answer says two or
three items plainly, one in other words, and leaves one to three out. Half of them say a missed item's
words elsewhere in another sense: "my interpretation of the cost problem" and "the AWS billing
dashboard" beside "integration with a variant interpretation dashboard", "the population we serve" and
"results stratified by group" beside "population stratification confounding", "very sensitive to the
chunk size" and "what was blocking us" beside "Always encrypt sensitive data" and "Both ends blocking on
recv()", "the response from the pharmacists" and "a lot of chatter in the team" beside "NLP-Driven
Chatter Response Recommendation", "the raw scores" beside "Azure Blob Storage for raw", "their CT
protocol" and "an external drive" beside "an external validation protocol with the partner". The other
half simply leave the missed items' words out. Questions and hints are the banks', verbatim; items are
labelled by what the answer says, in its own words; a hint phrase too vague to say for sure whether the
answer made it is left unlabelled. See `clip.py` for the markup.
"""

from __future__ import annotations

from interviewer.evaluation.clip import NEURAL_VOICE as NEURAL
from interviewer.evaluation.clip import answer

AI_Q17 = (
    "ai-interview-questions/q17",
    "How would you handle a situation in which stakeholders have unrealistic expectations for an AI project?",
    "In such situations, clear communication is key; Next, I would invite them to have a detailed discussion "
    "about the specific; Frequently, unrealistic expectations are the result of a knowledge gap; Lastly, it's "
    "crucial to manage expectations throughout the project.",
)

AI_Q08 = (
    "ai-interview-questions/q08",
    "Which machine learning algorithms are you most familiar with, and how have you implemented them?",
    "One example, I worked on a fraud detection problem with highly imbalanced; The result was that the "
    "tree-based model outperformed logistic regression; Linear and logistic regression; My go-to baselines for "
    "prediction and classification; I’ve used them for things like churn prediction; In practice, I focus a lot "
    "on feature selection.",
)

DS_Q09 = (
    "data-science-notes/q09",
    "Have you done any work on recommendation systems?",
    "Personalized Drug Recommendation System: Goal: Suggest next-best drugs or therapies based; NLP-Driven "
    "Chatter Response Recommendation: Goal: Recommend appropriate chatbot responses; Movie Recommendation "
    "(Hackathon Project): Goal: Build a real-time movie recommendation; Product Recommender in E-commerce "
    "Dataset: Goal: Recommend related products on a product.",
)

DS_Q29 = (
    "data-science-notes/q29",
    "How do you share variables between processes in Python's multiprocessing, and what are the key considerations?",
    "Shared Memory (Value/Array): Type Codes Matter: 'i' (int), 'd'; Manager Objects (Dict/List): Slower "
    "Performance: Proxy overhead for remote; Queues (Message Passing): Serialization Limits; Pipes "
    "(Bi-directional): Deadlock Risk: Both ends blocking on recv(); Healthcare-Specific Best Practices: PHI "
    "Encryption: Always encrypt sensitive data.",
)

MA_Q07 = (
    "medical-ai-mock-interview/q07",
    "How do you ensure your model doesn't overfit to medical terminology?",
    "Regularization Techniques: L2 regularization in Random Forest; Robust Validation: Time-based train/test "
    "splits; Feature Engineering Safeguards: TF-IDF with document frequency thresholds; Performance Monitoring: "
    "Tracked training vs validation curves.",
)

MA_Q10 = (
    "medical-ai-mock-interview/q10",
    "Design a scalable medical document classification system for a hospital.",
    "API Gateway Layer: Load balancer with health checks; Processing Services: Document Ingestion Service; Data "
    "Layer: Document Store (Azure Blob Storage for raw); Monitoring & Observability: Performance metrics "
    "(latency, throughput); Scalability Features: Horizontal scaling with container orchestration.",
)

PM_Q44 = (
    "precision-medicine/q44",
    "How would you build a Snakemake workflow for variant calling and annotation and run it in the cloud?",
    "Discuss rule definitions, conda environment management, cloud execution (AWS Batch), caching of "
    "intermediate results, and integration with a variant interpretation dashboard.",
)

PM_Q15 = (
    "precision-medicine/q15",
    "Should race be used as a feature in a clinical prediction model? How do you reason about it?",
    "Discuss social vs. biological constructs of race, proxy variable risk, population stratification "
    "confounding, and the goal of equitable model performance without reinforcing disparities.",
)

PM_Q28 = (
    "precision-medicine/q28",
    "A model that worked well at your hospital performs poorly when a partner hospital tests it. How do you respond?",
    "Cover external validation strategy, dataset shift detection, domain adaptation techniques, and honest "
    "communication about generalizability limitations.",
)

RA_Q28 = (
    "radiology-ai/q28",
    "A model trained at your hospital performs poorly on data from a partner institution. What do you do?",
    "Discuss analyzing failure modes (modality differences, patient demographics, annotation quality), domain "
    "adaptation, retraining with mixed data, federated learning, and establishing an external validation "
    "protocol with the partner.",
)

RA_Q29 = (
    "radiology-ai/q29",
    "You need to retrain an FDA-cleared model on new data. How do you manage the change?",
    "Cover version control for datasets and models, documenting changes per PCCP, running a structured "
    "re-validation study, updating the regulatory submission, and maintaining a continuous audit trail.",
)

RA_Q46 = (
    "radiology-ai/q46",
    "Tell me about a time you explained a technical AI concept to a clinician or another non-technical audience.",
    "A strong answer demonstrates empathy, use of analogies, checking for understanding, patience, and adapting "
    "communication style to the audience's domain expertise.",
)

NEW_CLIPS = (
    answer(
        "r17-snakemake",
        *PM_Q44,
        NEURAL,
        1.1,
        (
            "I'd write the workflow as a chain of rule definitions, {um} one rule per step, each naming its inputs, "
            "its outputs and its command.",
            "{So} there is a rule for aligning reads with BWA, one for calling variants with GATK, and {uh} a last "
            "one that annotates the calls with VEP.",
            "Every rule points to its own conda environment file, so each tool gets pinned versions and the conda "
            "environment management is {like} done by Snakemake rather than by hand.",
            2.0,
            "For the cloud I'd run it on AWS Batch, {you know}, where every job becomes a container on a machine "
            "sized for that step.",
            "Snakemake also keeps every file a step has written, and it skips any step whose outputs are {um} newer "
            "than its inputs, so a failed run picks up where it stopped.",
            "{Actually} my interpretation of the cost problem was wrong at first, {I mean} the AWS billing dashboard "
            "showed most of the money went on idle disks.",
        ),
        said=(
            "rule definitions",
            "conda environment management",
            "cloud execution (AWS Batch)",
            "caching of intermediate results",
        ),
        missed=("integration with a variant interpretation dashboard",),
        traps=("so each tool gets", "so a failed run"),
    ),
    answer(
        "r17-race-feature",
        *PM_Q15,
        "en-us+m3",
        155,
        (
            "My starting point is that race is {um} mostly a social construct rather than a biological one, so the "
            "box a patient ticks tells you very little about their genes.",
            "{So} as a feature, race works as a proxy variable for things we never measured, {uh} income, housing, "
            "distance to a clinic, and that proxy risk is what worries me most.",
            "The classic example is the kidney function equation, {you know}, whose correction for Black patients "
            "ended up {like} delaying their transplant referrals.",
            2.5,
            "What I want is a model that works equally well for every group it serves, and doesn't make the gaps in "
            "care we already have any wider.",
            "{Basically} I'd train it with and without race, report results stratified by group, and check who "
            "actually benefits in the population we serve.",
            "{I mean} if a gene really matters for a drug, I'd test for the gene directly rather than guess it from "
            "a checkbox.",
        ),
        said=(
            "social vs. biological constructs of race",
            "proxy variable risk",
            "the goal of equitable model performance without reinforcing disparities",
        ),
        missed=("population stratification confounding",),
        traps=("so the box", "who actually benefits"),
    ),
    answer(
        "r17-stakeholders",
        *AI_Q17,
        "en-gb-x-rp",
        160,
        (
            "In a situation like that, clear communication is key, {um} and it has to start before anyone writes code.",
            "On one project a hospital director expected our sepsis model to {uh} catch every case a full day early, "
            "with no false alarms.",
            "Most of the time, hopes that high come from not knowing what this kind of model can and cannot do, "
            "{you know}, and that was true for him.",
            "{So} we ran a silent pilot on one ward for a month, and the alerts went to a screen he could {like} "
            "check every morning.",
            2.0,
            "He saw the real numbers for himself, {I mean} how many alerts came per day and how many were wrong.",
            "Then the team set three targets we could measure, each with a date.",
            2.0,
            "After that I managed expectations throughout the project, {basically} with a one-page update every two "
            "weeks, good weeks and bad ones.",
            "By launch nobody was surprised, because nothing had been hidden.",
        ),
        said=(
            "In such situations, clear communication is key",
            "Frequently, unrealistic expectations are the result of a knowledge gap",
            "Lastly, it's crucial to manage expectations throughout the project",
        ),
        missed=("Next, I would invite them to have a detailed discussion about the specific",),
        traps=("a situation like that",),
    ),
    answer(
        "r17-ml-algorithms",
        *AI_Q08,
        NEURAL,
        1.15,
        (
            "The ones I know best are linear and logistic regression, {um} and then tree ensembles, random forests "
            "and gradient boosting.",
            "One example, I worked on a fraud detection problem with highly imbalanced data, {uh} about one "
            "transaction in five hundred was fraud.",
            "{So} I tried logistic regression with class weights and a gradient boosted model in XGBoost side by "
            "side, judged on precision and recall rather than accuracy.",
            2.0,
            "The tree-based model outperformed logistic regression by a wide margin, {you know}, mostly because it "
            "picked up interactions between the amount and the time of day.",
            "A lot of my time goes into {um} deciding which inputs a model gets at all, {like} dropping columns that "
            "leak the answer or add only noise.",
            "We went from eighty columns down to {basically} twenty, and the model got faster.",
            "The final version scored each payment in ten milliseconds and held any that looked like fraud for review.",
        ),
        said=(
            "One example, I worked on a fraud detection problem with highly imbalanced",
            "The result was that the tree-based model outperformed logistic regression",
            "Linear and logistic regression",
            "In practice, I focus a lot on feature selection",
        ),
        missed=(
            "My go-to baselines for prediction and classification",
            "I’ve used them for things like churn prediction",
        ),
        traps=("looked like fraud",),
    ),
    answer(
        "r17-overfit-terms",
        *MA_Q07,
        "en-gb",
        155,
        (
            "The risk with medical text is that the model {um} memorises rare terms, a drug name or one surgeon's "
            "favourite abbreviation, instead of the condition behind them.",
            "{So} the first safeguard is TF-IDF with document frequency thresholds, {uh} a term must appear in five "
            "notes to be kept and in no more than half.",
            "The train and test split is time-based, {you know}, we train on older notes and test on the newest "
            "three months, so the test set holds terms the model has never seen.",
            2.0,
            "While it trains, I plot the score on the training notes and on held-out notes, and {like} when the two "
            "lines pull apart, it is learning the notes, not the medicine.",
            "I also read the errors {I mean} department by department, because the mean score across all of them "
            "can hide one that is failing.",
            "Once the model had {basically} learnt a template header from one clinic.",
        ),
        said=(
            "Robust Validation: Time-based train/test splits",
            "Feature Engineering Safeguards: TF-IDF with document frequency thresholds",
            "Performance Monitoring: Tracked training vs validation curves",
        ),
        missed=("Regularization Techniques: L2 regularization in Random Forest",),
        traps=("so the test set holds", "the mean score"),
    ),
    answer(
        "r17-shared-state",
        *DS_Q29,
        "en-gb-scotland",
        160,
        (
            "For plain numbers I use shared memory through Value and Array, {um} and there the type code matters, i "
            "for an integer and d for a double.",
            "{So} for anything bigger I pass messages through a queue, {uh} one queue of chunks in and one of results "
            "out.",
            "Everything put on a queue is pickled, so there are serialization limits, {you know}, a lambda will not "
            "go through at all and a large array is copied every time.",
            2.0,
            "When workers need one dictionary between them, a separate server process can own it and hand each "
            "worker a stand-in object, but every read is a round trip, {I mean} it costs you time.",
            "On our claims job the speed was very sensitive to the chunk size, {like} below a thousand rows the "
            "workers spent more time waiting than working.",
            "{Basically} what was blocking us for weeks was not Python at all, it was the {um} approval to use the "
            "cluster.",
        ),
        said=(
            "Shared Memory (Value/Array): Type Codes Matter: 'i' (int), 'd'",
            "Manager Objects (Dict/List): Slower Performance: Proxy overhead for remote",
            "Queues (Message Passing): Serialization Limits",
        ),
        missed=(
            "Pipes (Bi-directional): Deadlock Risk: Both ends blocking on recv()",
            "Healthcare-Specific Best Practices: PHI Encryption: Always encrypt sensitive data",
        ),
        traps=("so there are serialization limits",),
    ),
    answer(
        "r17-recommenders",
        *DS_Q09,
        "en-us+m3",
        150,
        (
            "Yes, the biggest one was a personalized drug recommendation system that suggests the next-best drug or "
            "therapy based on {um} a patient's history.",
            "We built it as {uh} a sequence model over prescriptions, and every suggestion came with the three most "
            "similar patients, so the pharmacist could see why.",
            "{So} the response from the pharmacists was good, {like}, they accepted about a third of the suggestions.",
            2.0,
            "Before that, at a hackathon, my team built a real-time movie recommendation {you know} in one weekend, "
            "updating the list after every click.",
            "And for a course I used an online shop's sales records, {I mean} showing people the items most often "
            "bought with the one on the page they were looking at.",
            "{Basically} the hard part was always a new user or a new item with no history, and there was a lot of "
            "chatter in the team about how to handle that.",
        ),
        said=(
            "Personalized Drug Recommendation System: Goal: Suggest next-best drugs or therapies based",
            "Movie Recommendation (Hackathon Project): Goal: Build a real-time movie recommendation",
            "Product Recommender in E-commerce Dataset: Goal: Recommend related products on a product",
        ),
        missed=("NLP-Driven Chatter Response Recommendation: Goal: Recommend appropriate chatbot responses",),
        traps=("so the pharmacist",),
    ),
    answer(
        "r17-fda-retrain",
        *RA_Q29,
        NEURAL,
        1.1,
        (
            "The first thing is version control for datasets and models, {um} so every image, every label file and "
            "every set of weights has a version we can point to.",
            "{So} if anyone asks which data the cleared model saw, we can {uh} rebuild it exactly, down to the random "
            "seed.",
            2.0,
            "Because the change was planned, we document it against the PCCP, the predetermined change control plan "
            "agreed at clearance, {you know}, what retraining is allowed and how it must be tested.",
            2.0,
            "The new model is tested on fresh cases from three hospitals it has never seen, with the pass criteria "
            "written down before anyone looks, {I mean} sensitivity and specificity per scanner and per age group.",
            "If it falls short on any one, it {basically} stays in the lab until we understand why.",
            "{Actually} the hardest part was the new labels, because two readers had left and the newcomers drew "
            "boundaries {like} a little wider.",
        ),
        said=(
            "version control for datasets and models",
            "documenting changes per PCCP",
            "running a structured re-validation study",
        ),
        missed=("updating the regulatory submission", "maintaining a continuous audit trail"),
        traps=("so every image",),
    ),
    answer(
        "r17-partner-hospital",
        *PM_Q28,
        "en-gb",
        160,
        (
            "First I would not argue with their result, {um} I'd ask for the numbers broken down by month and by "
            "patient group.",
            "Then I'd check for dataset shift, {uh} comparing the distribution of every input at their site with "
            "ours, age, lab values, even which assay their lab runs.",
            "{So} on one project it turned out to be the creatinine test, their lab reported it in {like} other "
            "units, and half the values looked like they were ten times too high.",
            2.0,
            "That is why I want an external validation strategy from the start, {you know}, a second hospital's data "
            "held back and tested before anyone calls the model finished.",
            "Just as important, I'd tell the partner and our own clinicians plainly that the model does not yet "
            "carry over to their patients, {I mean} write it into the model card with the numbers, rather than "
            "{basically} hoping nobody notices.",
            "Nobody enjoys that meeting, but trust in the next version depends on it.",
        ),
        said=(
            "external validation strategy",
            "dataset shift detection",
            "honest communication about generalizability limitations",
        ),
        missed=("domain adaptation techniques",),
        traps=("looked like they were",),
    ),
    answer(
        "r17-partner-site",
        *RA_Q28,
        "en-gb-scotland",
        155,
        (
            "I'd start by working out where it fails, {um} case by case, before touching the model at all, and sort "
            "the misses by scanner, by age and by finding.",
            "Modality differences come first, {uh} their scanners are from another vendor, and their CT protocol "
            "uses thinner slices and a sharper kernel.",
            "Then patient demographics, {you know}, older patients, more smokers, and a different mix of disease "
            "than we see.",
            "{So} I'd also look at how carefully their cases were labelled, {like} whether a specialist drew each "
            "outline or a trainee did it in a hurry, because a wrong label looks like a model error.",
            2.0,
            "If the failures cluster on their scanners, I'd retrain with mixed data from both sites, {I mean} a few "
            "hundred of their cases added to ours, and keep our old test set, so we see that nothing got worse.",
            "{Actually} their data arrived on an external drive, {um} which took a month of paperwork on its own.",
        ),
        said=(
            "modality differences",
            "patient demographics",
            "annotation quality",
            "retraining with mixed data",
        ),
        missed=(
            "domain adaptation",
            "federated learning",
            "establishing an external validation protocol with the partner",
        ),
        traps=("looks like a model error", "so we see"),
    ),
    answer(
        "r17-doc-system",
        *MA_Q10,
        NEURAL,
        1.15,
        (
            "At the front is an API gateway, {um} and behind it a load balancer with health checks, so a "
            "classifier that stops answering is taken out of rotation.",
            "Documents come in through a document ingestion service {uh} that takes faxes, scanned letters and HL7 "
            "messages and queues them as text.",
            "{So} the classifier is a small container reading from that queue, and when the queue gets long, {like} "
            "on a Monday morning, Kubernetes starts more copies and removes them at night.",
            2.0,
            "Each document gets a label and a confidence, {you know}, and below a cut-off it goes to a person in "
            "medical records.",
            "We calibrate the raw scores first, {I mean} a score of ninety should be correct nine times in ten.",
            "For monitoring we track the latency of every request, {basically} and page someone when the slowest "
            "one percent take over two seconds.",
            "A discharge letter should reach the right clinic the same day.",
        ),
        said=(
            "API Gateway Layer: Load balancer with health checks",
            "Processing Services: Document Ingestion Service",
            "latency",
            "Scalability Features: Horizontal scaling with container orchestration",
        ),
        missed=("Data Layer: Document Store (Azure Blob Storage for raw)", "throughput"),
        traps=("so a classifier", "the right clinic"),
    ),
    answer(
        "r17-explain-concept",
        *RA_Q46,
        "en-gb-x-rp",
        155,
        (
            "A breast radiologist asked me why our model gave a lesion a score of eighty, but {um} could not say "
            "what that number meant.",
            "I used an analogy, {uh} a trainee who learns by seeing thousands of mammograms with the biopsy result "
            "attached, and the network had done the same with far more cases.",
            "I built the rest out of her own field, {you know}, reader studies and recall rates, with no machine "
            "learning words at all.",
            "{So} I showed her the score is not a probability until it is calibrated, {like} against the reader "
            "study her department ran last year.",
            2.0,
            "Then I checked for understanding, {I mean} I asked her to explain it back to me as if to a resident, "
            "and her version was better than mine.",
            "The heat map was harder, {basically} she expected it to look like an outline of the cancer, and it "
            "only shows where the network looked.",
        ),
        said=(
            "use of analogies",
            "checking for understanding",
            "adapting communication style to the audience's domain expertise",
        ),
        missed=("A strong answer demonstrates empathy", "patience"),
        traps=("look like an outline",),
    ),
)
