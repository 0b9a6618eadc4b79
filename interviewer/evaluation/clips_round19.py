"""New answers of round 19 to twelve bank questions no earlier answer used, in continuous speech.

Written before any transcriber heard them and before the analysis judged them, and appended after
`clips_round17.NEW_CLIPS` in `clips.py`, so no earlier clip changes half. The questions were drawn by
round 17's rule with seed 19: of the five banks (in sorted file order), the questions with a hint whose
"bank/question" no earlier clip answers and that are not held back, and whose hint names at least four
items (`point_items` of each point of `split_hint`); each bank's list shuffled by one `random.Random(19)`;
then the first three of radiology-ai and precision-medicine and the first two of each other bank. The
voices are the Piper voice for four answers and, for two each, the four espeak voices with the fewest
clips so far (ties by name): en-us+m3, en-us+f3, en-gb and en-gb-scotland. Within each voice the halves
go on alternating from where the earlier clips left them.

The round's two analysis rules (a base "I'm" weighed as a hesitation is the "um"; "like" before a
subject with its verb or before a preposition is a filler) were made on the tuning half of the earlier
answers before these were written; these were written as people speak, not to suit them. Fillers fall
inside running clauses; each answer says two to four items plainly or in other words and leaves one to
four out; half of them say a missed item's words elsewhere in another sense ("scanner calibration"
beside "post-hoc calibration", "devil's advocate" beside "advocate for patient welfare", "the main stack
there" beside "Azure was my main stack", "a new referral form" and "fifty documents" beside "real-time
performance tracking on new documents", "sorting messages" beside "triage messages before full
fine-tuning", "a prompt answer" and "study design" beside "prompt template design"). Questions and
hints are the banks', verbatim; a hint phrase too vague to say for sure whether the answer made it is
left unlabelled. See `clip.py` for the markup.
"""

from __future__ import annotations

from interviewer.evaluation.clip import NEURAL_VOICE as NEURAL
from interviewer.evaluation.clip import answer

PM_Q36 = (
    "precision-medicine/q36",
    "How would you build a retrieval-augmented generation system that answers clinical questions from the "
    "biomedical literature?",
    "Cover document chunking strategy for abstracts, embedding model choice (PubMedBERT vs. OpenAI), vector store "
    "selection (Pinecone/Weaviate), retrieval ranking, and prompt template design for clinical queries.",
)

PM_Q23 = (
    "precision-medicine/q23",
    "How would you combine continuous data from wearable sensors with a patient's genomic risk profile in one model?",
    "Cover temporal alignment, sensor noise, data sovereignty, patient consent models, and the integration of "
    "time-series foundation models with static genomic risk profiles.",
)

PM_Q35 = (
    "precision-medicine/q35",
    "An insurer asks you to use your genomic risk model to help decide who gets coverage. How do you respond?",
    "Discuss ethical boundaries, the distinction between clinical decision support and utilization management, "
    "anti-discrimination laws, and the responsibility to advocate for patient welfare.",
)

RA_Q50 = (
    "radiology-ai/q50",
    "Tell me about a time you disagreed with a radiologist or clinician about your model. How was it resolved?",
    "The answer should demonstrate respect for clinical expertise, willingness to listen and incorporate domain "
    "knowledge, evidence-based argumentation, and a collaborative resolution that prioritized patient safety.",
)

RA_Q20 = (
    "radiology-ai/q20",
    "Your deployed model misses more findings in one demographic group than in others. How do you fix it?",
    "The answer should discuss root cause analysis (data imbalance, feature bias), fairness constraints in "
    "training, subgroup-specific thresholds, post-hoc calibration, transparent reporting, and clinical workflow "
    "adjustments to mitigate risk.",
)

RA_Q44 = (
    "radiology-ai/q44",
    "How would you set up federated training with MONAI FL across several sites?",
    "Cover MONAI FL client-server architecture, local training configurations per site, federated averaging, "
    "handling non-IID data, communication protocols, and evaluating the global model against a centralized "
    "baseline.",
)

AI_Q26 = (
    "ai-interview-questions/q26",
    "How do you approach ethical considerations when developing AI?",
    "I treat AI ethics like a product requirement, not a nice-to-have; I also think ethical AI requires "
    "cross-functional work; Fairness, are we creating uneven outcomes for different groups?; Transparency, can we "
    "explain what the system does and where it struggles?; Privacy and security, are we protecting user data "
    "properly?; Accountability, who owns decisions, monitoring.",
)

AI_Q27 = (
    "ai-interview-questions/q27",
    "How do you test the success of an AI model?",
    "I look at AI model success in layers, not just one score; A model can have strong ML metrics and still fail "
    "if it does not move; First, align on the goal; Is this model trying to reduce fraud?; Improve search "
    "relevance?; Predict revenue more accurately?.",
)

DS_Q11 = (
    "data-science-notes/q11",
    "Can you explain how you did the NLP-based clinical text classification project?",
    "In my role at AmerisourceBergen, I led an NLP-based clinical text; We began by collecting raw clinical notes "
    "and chat transcripts; This approach helped us triage messages before full fine-tuning and gave us; After "
    "establishing the pipeline, I fine-tuned transformer-based models like; We also experimented with BioBERT and "
    "ClinicalBERT embeddings to better capture; The final model was containerized using Docker and exposed via a "
    "REST API.",
)

DS_Q13 = (
    "data-science-notes/q13",
    "You seem to have worked mostly with Azure and Databricks. Are you comfortable working with AWS?",
    "I\u2019m definitely comfortable working with AWS; While I\u2019ve had more hands-on exposure to Azure and "
    "Databricks in recent roles; I\u2019m well-versed with the concepts of IAM roles; So while Azure was my main "
    "stack in recent roles.",
)

MA_Q17 = (
    "medical-ai-mock-interview/q17",
    "How do you stay current with ML and healthcare technology?",
    "Continuous Learning: Medical AI journals (Nature Medicine, JAMIA); Practical Application: Personal projects "
    "like this classification system; Professional Network: Healthcare AI meetups and conferences; Industry "
    "Awareness: Following FDA AI/ML guidance updates.",
)

MA_Q08 = (
    "medical-ai-mock-interview/q08",
    "How do you validate model performance in a medical context?",
    "Clinical Validation: Confusion matrix analysis for each medical; Domain Expert Review: Sample predictions "
    "reviewed by medical; Robust Metrics: Precision/Recall per specialty; Production Monitoring: Real-time "
    "performance tracking on new documents.",
)

NEW_CLIPS = (
    answer(
        "r19-rag-literature",
        *PM_Q36,
        NEURAL,
        1.05,
        (
            "{So} the corpus would be PubMed abstracts, and my chunking strategy for abstracts is simple, {um} one "
            "chunk per abstract with the title kept on top, because an abstract is already a short, complete "
            "argument.",
            "For the embedding model I'd choose PubMedBERT over a general OpenAI model, {you know}, since it has "
            "seen the vocabulary of the papers, and I'd check that choice on a few hundred real questions.",
            "When a question comes in, I pull the top fifty passages and then {uh} reorder them with a "
            "cross-encoder, so the strongest evidence sits first and weak matches drop out.",
            2.0,
            "Clinicians want a prompt answer, {like} within a few seconds, and every sentence has to cite the paper "
            "it came from.",
            "{Actually} the hardest part was the study design questions, where the answer depends on {I mean} how "
            "the trial was run, not just what it found.",
        ),
        said=(
            "document chunking strategy for abstracts",
            "embedding model choice (PubMedBERT vs. OpenAI)",
            "retrieval ranking",
        ),  # fmt: skip
        missed=("vector store selection (Pinecone/Weaviate)", "prompt template design for clinical queries"),
        traps=("so the strongest evidence",),
    ),
    answer(
        "r19-wearables",
        *PM_Q23,
        "en-us+m3",
        155,
        (
            "The hard part is that the two kinds of data live on different clocks, {um} a watch streams heart rate "
            "every few seconds while the genome is read once, so I'd first put every signal on one clock of daily "
            "windows.",
            "Sensor noise is the next problem, {you know}, a loose strap or a dead battery looks like a sudden "
            "change in the patient.",
            "{So} I'd flag gaps and motion artefacts before anything is learned, and {like} drop days where the "
            "device was worn less than half the time.",
            2.0,
            "For the model itself I'd use a time-series foundation model for the wearable stream, and feed its "
            "embedding, together with the static genomic risk profile, into one small prediction head.",
            "{Basically} the genome sets the baseline risk and the watch tells you how it moves, {I mean} the two "
            "answer different questions.",
            "That way the polygenic score is not learned again from every heartbeat.",
        ),
        said=(
            "temporal alignment",
            "sensor noise",
            "the integration of time-series foundation models with static genomic risk profiles",
        ),  # fmt: skip
        missed=("data sovereignty", "patient consent models"),
        traps=("looks like a sudden change", "so I'd first put"),
    ),
    answer(
        "r19-insurer",
        *PM_Q35,
        "en-us+f3",
        150,
        (
            "I'd say no, {um} politely but clearly, because using it that way crosses an ethical boundary I'm not "
            "willing to cross.",
            "The model was built to help a doctor choose a treatment for the patient in front of them, {you know}, "
            "not to help a payer decide who is worth covering, and those are two very different jobs.",
            "{So} a score that is fine at the bedside can do real harm in an underwriting decision.",
            2.0,
            "There's also the law, {uh} the Genetic Information Nondiscrimination Act in the US, and "
            "anti-discrimination laws in other places that forbid exactly this use of genetic data.",
            "{Actually} I once played devil's advocate in a meeting like this, {I mean} I argued the insurer's side, "
            "and nobody could make it fair.",
            "I'd offer them aggregate, de-identified research instead.",
        ),
        said=(
            "ethical boundaries",
            "the distinction between clinical decision support and utilization management",
            "anti-discrimination laws",
        ),  # fmt: skip
        missed=("the responsibility to advocate for patient welfare",),
        traps=("a meeting like this",),
    ),
    answer(
        "r19-disagree-radiologist",
        *RA_Q50,
        NEURAL,
        1.0,
        (
            "A thoracic radiologist told me our nodule model was {um} flagging too many scars as cancer, and my "
            "first reaction was to defend the numbers.",
            "But I respect clinical expertise, and she had read chest CTs for twenty years, {you know}, so I asked "
            "her to walk me through twenty of the flagged cases.",
            "She was right, {like} the old calcified scars in the upper lobes were never separated out in our labels.",
            2.0,
            "{So} we relabelled two hundred cases together and {uh} added her rule to the model.",
            "Where we still disagreed, we kept the model cautious, because a missed cancer costs far more than one "
            "extra follow-up scan.",
            "{Actually} she ended up as a co-author on the validation paper.",
        ),
        said=(
            "respect for clinical expertise",
            "willingness to listen",
            "incorporate domain knowledge",
            "a collaborative resolution that prioritized patient safety",
        ),  # fmt: skip
        missed=("evidence-based argumentation",),
        traps=("She was right",),
    ),
    answer(
        "r19-demographic-miss",
        *RA_Q20,
        "en-gb",
        160,
        (
            "First I'd do a root cause analysis, {um} before touching the model, because the fix depends entirely "
            "on why it happens.",
            "In our case it was data imbalance, {you know}, the group we missed made up only four percent of the "
            "training studies.",
            "We also found that {like} half of their scans came from one older site, so we checked the scanner "
            "calibration there, and it was fine.",
            2.0,
            "{So} we collected more cases from that group and set subgroup-specific thresholds, so the miss rate "
            "came down to the level of the others.",
            "{I mean} a threshold alone only hides the problem, which is why we retrained as well.",
            "And we published the numbers for every group in the model card, {basically} transparent reporting, "
            "even where they were still worse.",
        ),
        # not "root cause analysis": it names the listing point, judged covered only with all its items
        said=("data imbalance", "subgroup-specific thresholds", "transparent reporting"),
        missed=(
            "feature bias",
            "fairness constraints in training",
            "post-hoc calibration",
            "clinical workflow adjustments to mitigate risk",
        ),  # fmt: skip
        traps=("so we checked the scanner", "so the miss rate"),
    ),
    answer(
        "r19-monai-fl",
        *RA_Q44,
        "en-gb-scotland",
        150,
        (
            "I'd set it up with MONAI FL's client-server architecture, {um} one server at the coordinating hospital "
            "and a client inside each site's firewall.",
            "Each site keeps its own local training configuration, because their scanners and {like} their volumes "
            "differ.",
            "The server combines the updates with federated averaging, {you know}, weighted by how many cases each "
            "site contributed.",
            2.0,
            "{So} the real difficulty is that the sites don't see the same patients, one is a children's hospital, "
            "and {uh} plain averaging drifts toward the biggest site.",
            "We handled that with a few local fine-tuning rounds at the end.",
            "{Actually} the first week went on firewall rules, {I mean} getting the clients to reach the server at "
            "all.",
        ),
        said=(
            "MONAI FL client-server architecture",
            "local training configurations per site",
            "federated averaging",
            "handling non-IID data",
        ),  # fmt: skip
        missed=("communication protocols", "evaluating the global model against a centralized baseline"),
    ),
    answer(
        "r19-ethics",
        *AI_Q26,
        NEURAL,
        1.05,
        (
            "I treat ethics as a product requirement, {um} written into the spec like latency or cost, not "
            "something we add at the end.",
            "The first question is fairness, {you know}, whether the system gives uneven outcomes to different "
            "groups, so we break every metric down by group before launch.",
            "Then transparency, {like} can we explain to a user what the system does and where it tends to fail.",
            2.0,
            "{So} privacy matters too, we keep personal data out of training unless there's a clear reason and "
            "consent.",
            "And someone has to own each decision the model makes, {I mean} a named person, not a committee.",
            "{Basically} it only works when legal, product and engineering sit in the same review.",
        ),
        said=(
            "a product requirement",
            "Fairness, are we creating uneven outcomes for different groups",
            "Transparency, can we explain what the system does",
            "who owns decisions",
            "ethical AI requires cross-functional work",
        ),  # fmt: skip
        missed=("monitoring",),
        traps=("like latency or cost", "so we break every metric"),
    ),
    answer(
        "r19-model-success",
        *AI_Q27,
        "en-us+m3",
        155,
        (
            "I look at success in layers, {um} not one score, because a model can have strong ML metrics and still "
            "fail if it doesn't move the business number.",
            "{So} first I align on the goal with the team that owns it, {like} what decision will change when the "
            "model is live.",
            "On a churn project the goal was to keep customers, {you know}, not to predict churn, and that changed "
            "how we measured it.",
            2.0,
            "The offline layer is precision and recall, then an A/B test, {uh} and then the number the business "
            "actually cares about, which was retention after ninety days.",
            "{Actually} the model with the best AUC lost the A/B test, {I mean} it found customers who were leaving "
            "anyway.",
            "Search relevance gets the same treatment, where the last layer is whether people find what they want.",
        ),
        said=(
            "AI model success in layers, not just one score",
            "strong ML metrics and still fail",
            "align on the goal",
            "Improve search relevance",
        ),  # fmt: skip
        missed=("Is this model trying to reduce fraud", "Predict revenue more accurately"),
        traps=("the business actually cares about",),
    ),
    answer(
        "r19-clinical-nlp",
        *DS_Q11,
        "en-us+f3",
        150,
        (
            "At AmerisourceBergen I led an NLP-based clinical text classification project, {um} sorting messages "
            "from pharmacies into about a dozen categories.",
            "We began by collecting raw clinical notes and chat transcripts, {you know}, around two hundred "
            "thousand of them, and had nurses label a sample.",
            "A keyword baseline came first, {like} a few hundred rules, and it was good enough to start with.",
            2.0,
            "{So} then I fine-tuned a transformer, a DistilBERT model, which beat the rules by fifteen points of F1.",
            "The clinical team wanted {uh} better recall on urgent messages, so we weighted that class more.",
            "{Basically} the model went out as a container behind a REST API, {I mean} the pharmacy system just "
            "posts a message and gets a label back.",
        ),
        said=(
            "In my role at AmerisourceBergen, I led an NLP-based clinical text",
            "collecting raw clinical notes and chat transcripts",
            "I fine-tuned transformer-based models",
            "containerized using Docker and exposed via a REST API",
        ),  # fmt: skip
        missed=("helped us triage messages before full fine-tuning", "experimented with BioBERT and ClinicalBERT"),
        traps=("so we weighted that class",),
    ),
    answer(
        "r19-aws",
        *DS_Q13,
        "en-gb",
        160,
        (
            "Yes, I'm comfortable working with AWS, {um} I've used it on side projects and in one earlier job.",
            "I ran training jobs on EC2, {you know}, with the data in S3 and lifecycle rules that moved old files "
            "to Glacier.",
            "The main stack there was {like} mostly Lambda for small jobs and Step Functions to chain them, with "
            "CloudWatch for the alarms.",
            2.0,
            "{So} the part that takes the most care is permissions, and I give each service its own IAM role with "
            "only the access it needs.",
            "{Actually} I set up the first roles for our team's sandbox account myself, {I mean} read-only on "
            "production.",
            "I'd expect a week or two to be fully at home with your setup.",
        ),
        said=("comfortable working with AWS", "the concepts of IAM roles"),
        missed=("more hands-on exposure to Azure and Databricks", "Azure was my main stack in recent roles"),
    ),
    answer(
        "r19-stay-current",
        *MA_Q17,
        "en-gb-scotland",
        150,
        (
            "I read two journals every month, {um} Nature Medicine for the big clinical studies and npj Digital "
            "Medicine for the applied work.",
            "Reading only goes so far, {you know}, so I keep a personal project going, {like} right now a "
            "classifier for radiology reports, to try new methods on real text.",
            "I also go to a local healthcare AI meetup, and {uh} once a year to a conference, mostly for the "
            "hallway conversations.",
            2.0,
            "{So} the thing I follow most closely is regulation, the FDA's guidance on AI and machine learning "
            "devices, because it changes what we can ship.",
            "{Actually} the last update on change control plans changed how we plan retraining.",
        ),
        said=(
            "Nature Medicine",
            "Personal projects like this classification system",
            "Healthcare AI meetups and conferences",
            "Following FDA AI/ML guidance updates",
        ),  # fmt: skip
        missed=("JAMIA",),
        traps=("goes so far", "right now"),
    ),
    answer(
        "r19-validate-medical",
        *MA_Q08,
        NEURAL,
        1.0,
        (
            "For our document classifier I start with a confusion matrix for each medical specialty, {um} because "
            "the errors cluster, cardiology notes end up in pulmonology and the other way round.",
            "Then a physician reviews a sample of predictions every week, {you know}, fifty documents picked at "
            "random and twenty the model was least sure about.",
            "The headline numbers are precision and recall per specialty, {like} not one accuracy figure, since the "
            "small specialties disappear in an average.",
            2.0,
            "{So} the part I'd still improve is what happens after launch, {uh} right now we only look at the "
            "numbers once a quarter.",
            "{Basically} a quarterly check is too slow, {I mean} a new referral form can break the model in a day.",
        ),
        said=(
            "Confusion matrix analysis for each medical",
            "Sample predictions reviewed by medical",
            "Precision/Recall per specialty",
        ),  # fmt: skip
        missed=("Real-time performance tracking on new documents",),
        traps=("right now we only look",),
    ),
)
