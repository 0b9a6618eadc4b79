"""New answers of round 16 to twelve bank questions no earlier answer used, in continuous speech.

Written before any transcriber heard them and before the analysis judged them, and appended after
`clips_round13.NEW_CLIPS` in `clips.py`: every voice had an even count, so within each voice they go
tune, then report, and no earlier clip changes half. The questions were drawn by a fixed rule, not by
hand: of the five banks (in sorted file order), the questions with a hint whose "bank/question" no
earlier clip answers and that are not held back (radiology-ai/q21, precision-medicine/q10,
ai-interview-questions/q33, medical-ai-mock-interview/q04, medical-ai-mock-interview/q15,
radiology-ai/q22), and whose hint names at least four items in all (the items `point_items` gives
for each point of `split_hint`); each bank's list, in bank order and question order within it,
shuffled by one `random.Random(16)`; then the first three of radiology-ai and precision-medicine and
the first two of each other bank. As people speak, fillers fall inside running clauses ("the tasks
at hand um are", "the initiative needed to be paused, uh because"), not only between them. Each
answer says two or three items plainly (the knowledge-graph one also names three of its four node
kinds in one breath), one in other words, and leaves one to three out, saying a missed item's words
elsewhere in another sense: "we ran the best one in parallel" and "the second branch of the
hospital" beside "branch-based workflow for parallel experimentation", "the training set" and
"short sessions" and "a senior reader" beside "training sessions for readers", "a long regulatory
pathway" beside the graph's "pathways", "the network itself was tiny" beside "hospital network
requirements". Questions and hints are the banks', verbatim; items are labelled by what the answer
says, in its own words; a hint phrase too vague to say for sure whether the answer made it is left
unlabelled. See `clip.py` for the markup.
"""

from __future__ import annotations

from interviewer.evaluation.clip import NEURAL_VOICE as NEURAL
from interviewer.evaluation.clip import answer

AI_Q02 = (
    "ai-interview-questions/q02",
    "Can you describe a scenario where using AI might not be the best solution?",
    "Consider a small business that doesn't have a large amount of data or varied; Implementing a full-fledged AI "
    "system for such a business might not only be; If the tasks at hand are not highly repetitive; Also, in "
    "scenarios where human emotions play a fundamental role such.",
)

AI_Q40 = (
    "ai-interview-questions/q40",
    "Describe a situation where an AI initiative had to be paused, redesigned, or abandoned. What did you learn "
    "from it?",
    "At one company, we started building a customer support ticket triage model; A few weeks into the project, we "
    "realized the initiative needed to be paused; Audited the label quality and measured disagreement across "
    "teams; Narrowed the first use case from full auto-routing to decision support; Created a clearer taxonomy and "
    "labeling guidelines before retraining anything.",
)

DS_Q22 = (
    "data-science-notes/q22",
    "What types of projects are you most interested in working on at DrFirst?",
    "I've successfully developed an in-house AI chatbot at Cencora that automated; At AmerisourceBergen, I "
    "implemented NLP-based clinical note classification; AI-Powered Form Processing System; Clinical Text "
    "Analytics & NLP Solutions; Agentic Automation & MLOps Infrastructure; What excites me most.",
)

DS_Q19 = (
    "data-science-notes/q19",
    "Could you also provide the code for implementing TF-IDF in Python?",
    "While this approach worked well for initial classification tasks; Applied medical-specific text cleaning "
    "(handling abbreviations, medical terms); Adjusted the vectorizer parameters based on our healthcare "
    "vocabulary; Combined TF-IDF features with domain-specific features; Conducted thorough hyperparameter tuning.",
)

MA_Q01 = (
    "medical-ai-mock-interview/q01",
    "Tell me about your Medical AI Classification project.",
    "I built a production-grade Medical Document Classification System; Processed real PubMed medical data with "
    "50,000+ documents; Implemented hybrid ML pipeline using Random Forest with regularization; Built professional "
    "feature engineering with TF-IDF and Chi2 selection; Deployed scalable microservices architecture on Azure; "
    "Created comprehensive CI/CD pipeline with Docker containerization.",
)

MA_Q12 = (
    "medical-ai-mock-interview/q12",
    "Walk me through your Azure deployment strategy.",
    "Containerization: Multi-stage Docker builds for API and Dashboard; Azure Container Apps Architecture: "
    "Separate containers for API; Infrastructure as Code: PowerShell and Bash deployment scripts; Monitoring & "
    "Logging: Application Insights for performance monitoring; CI/CD Pipeline: Automated testing before "
    "deployment.",
)

PM_Q17 = (
    "precision-medicine/q17",
    "How would you build a pharmacogenomic clinical decision support system that alerts prescribers?",
    "Discuss CPIC Level A (gene-drug pairs with prescribing guidelines), annotation pipelines, alert logic, and "
    "clinician override mechanisms.",
)

PM_Q13 = (
    "precision-medicine/q13",
    "How would you use a biomedical knowledge graph to find new drug targets or drug repurposing candidates?",
    "Discuss biomedical KG construction (genes, diseases, compounds, pathways), link prediction with graph neural "
    "networks, and validation through literature and wet-lab experiments.",
)

PM_Q25 = (
    "precision-medicine/q25",
    "How would you use protein structure to predict whether a missense variant is pathogenic?",
    "Cover structure-based variant annotation, stability prediction (ΔΔG), active site proximity analysis, and "
    "validation against ClinVar pathogenicity labels.",
)

RA_Q37 = (
    "radiology-ai/q37",
    "How do you track experiments and version your data and models in a radiology AI project?",
    "Discuss Weights & Biases or MLflow for experiment tracking, DVC for data versioning, Docker for "
    "reproducibility, a model registry with metadata (dataset version, hyperparameters, metrics), and "
    "branch-based workflow for parallel experimentation.",
)

RA_Q38 = (
    "radiology-ai/q38",
    "How would you package a trained model with MONAI Deploy so that it runs inside a hospital network?",
    "The answer should cover containerizing the inference pipeline with MONAI Deploy, creating a DICOM listener "
    "that receives images, runs preprocessing and inference, and sends results back as DICOM objects, with "
    "configuration for hospital network requirements.",
)

RA_Q34 = (
    "radiology-ai/q34",
    "You are setting up an annotation project with several radiologists. How do you keep the labels consistent?",
    "Discuss standardized annotation guidelines, training sessions for readers, use of annotation software (e.g.,"
    " 3D Slicer, MD.ai), adjudication procedures for disagreements, and inter-rater reliability metrics.",
)

NEW_CLIPS = (
    answer(
        "r16-experiment-tracking",
        *RA_Q37,
        NEURAL,
        1.0,
        (
            "Every training run on our chest X-ray project is logged in MLflow for experiment tracking, {um} with "
            "its loss curves saved beside it.",
            "{So} the images and the labels sit under DVC for data versioning, {uh} because the labels changed three "
            "times during review.",
            2.0,
            "The training environment is frozen into one container image, {like} with the CUDA and library "
            "versions pinned, so anyone can rerun a job a year later and get the same numbers.",
            "When a model is promoted, its registry entry {um} records the dataset version it was trained on.",
            "{Actually} we ran the best one in parallel with the readers for a month, {you know}, before the second "
            "branch of the hospital got it, and the metrics held up.",
        ),
        said=(
            "Weights & Biases or MLflow for experiment tracking",
            "DVC for data versioning",
            "Docker for reproducibility",
            "dataset version",
        ),
        missed=("hyperparameters", "metrics", "branch-based workflow for parallel experimentation"),
        traps=("so anyone can rerun",),
    ),
    answer(
        "r16-ai-not-best",
        *AI_Q02,
        "en-us",
        160,
        (
            "Take a small bakery with three shops, {um} which doesn't have a large amount of data, and what it has "
            "is not very varied either.",
            "{So} paying engineers to build and run machine learning for a business that size, {uh} with pipelines "
            "and monitoring, would cost them far more than it ever saves.",
            2.0,
            "And if the tasks at hand {um} are not highly repetitive, {you know}, an order of flour once a week, "
            "there is nothing much for a model to learn.",
            "{Basically} the fundamental question is whether a human already does the job well in ten minutes a day.",
            "I'd rather give them a good spreadsheet, {I mean} one they actually understand.",
        ),
        said=(
            "Consider a small business that doesn't have a large amount of data or varied",
            "Implementing a full-fledged AI system for such a business might not only be",
            "If the tasks at hand are not highly repetitive",
        ),
        missed=("in scenarios where human emotions play a fundamental role such",),
        traps=("they actually understand",),
    ),
    answer(
        "r16-pgx-alerts",
        *PM_Q17,
        "en-gb-x-rp",
        165,
        (
            "I'd start with the CPIC level A gene-drug pairs, {um} the ones with real prescribing guidelines, like "
            "clopidogrel with CYP2C19.",
            "{So} each patient's genotype goes through a step that {uh} turns the raw variant calls into star "
            "alleles and then a phenotype, poor or normal metaboliser.",
            2.0,
            "The alert logic fires only when a drug on that list is ordered for a patient with an actionable "
            "result, and never on a normal one.",
            "{I mean} a new result simply overrides the old one in the record, {you know}, when the lab runs the "
            "sample again.",
            "{Actually} the hardest part was explaining each drug's mechanism to the pharmacy committee, {um} who "
            "signed off every clinician message.",
        ),
        said=(
            "CPIC Level A (gene-drug pairs with prescribing guidelines)",
            "annotation pipelines",
            "alert logic",
        ),
        missed=("clinician override mechanisms",),
        traps=("like clopidogrel",),
    ),
    answer(
        "r16-kg-repurposing",
        *PM_Q13,
        NEURAL,
        0.95,
        (
            "I'd build the graph from public sources, {um} with genes, diseases and compounds as nodes and the known "
            "relations between them as edges.",
            "{So} then a message passing model learns a vector for every node, {uh} and it scores drug and disease "
            "pairs that have no edge yet.",
            2.0,
            "We take the top fifty and check each one against the literature, {like}, whether a paper already "
            "reports the effect.",
            "{Basically} most of our experiments were about the embedding size, {you know}, judged by the mean rank "
            "of drugs we already knew worked.",
            "{I mean} a repurposed drug still has a long regulatory pathway ahead, even when it is approved for "
            "something else.",
        ),
        said=(
            "genes",
            "diseases",
            "compounds",
            "link prediction with graph neural networks",
            "validation through literature",
        ),
        missed=("pathways", "wet-lab experiments"),
        traps=("the mean rank",),
    ),
    answer(
        "r16-drfirst-projects",
        *DS_Q22,
        "en-us+f3",
        155,
        (
            "At Cencora I developed an in-house AI chatbot that automated {um} most of the questions our sales reps "
            "used to email around.",
            "{So} at AmerisourceBergen I implemented NLP-based clinical note classification, {uh} sorting notes by "
            "the kind of follow-up they needed.",
            "The work I'd most like to do at DrFirst is {like} reading the faxed and scanned forms that arrive "
            "every day and pulling the fields out automatically.",
            "{Actually} the clinical text in those forms is messy, {you know}, half handwriting and half stamps.",
            "{I mean} it is infrastructure that pharmacies rely on every day, and I want to work on that.",
        ),
        said=(
            "I've successfully developed an in-house AI chatbot at Cencora that automated",
            "At AmerisourceBergen, I implemented NLP-based clinical note classification",
            "AI-Powered Form Processing System",
        ),
        missed=("Clinical Text Analytics & NLP Solutions", "Agentic Automation & MLOps Infrastructure"),
        traps=("I'd most like to do",),
    ),
    answer(
        "r16-monai-deploy",
        *RA_Q38,
        "en-gb-scotland",
        160,
        (
            "I'd start by containerizing the inference pipeline with MONAI Deploy, {um} so the whole thing ships as "
            "one image the hospital can run.",
            "{So} the app opens with a DICOM listener that receives images {uh} straight from the scanner or the PACS.",
            "For each series it {like} resamples the volume and scales the intensities, and then the segmentation "
            "model runs on the GPU.",
            2.0,
            "The results are sent back as DICOM objects, {you know}, a segmentation the radiologist opens in the "
            "usual viewer.",
            "{Actually} the network itself was tiny, {I mean} the configuration file and the requirements list were "
            "longer than the model code.",
        ),
        said=(
            "containerizing the inference pipeline with MONAI Deploy",
            "creating a DICOM listener that receives images",
            "runs preprocessing and inference",
            "sends results back as DICOM objects",
        ),
        missed=("with configuration for hospital network requirements",),
        traps=("so the whole thing ships",),
    ),
    answer(
        "r16-tfidf-code",
        *DS_Q19,
        "en-us",
        170,
        (
            "In scikit-learn it is only a few lines, {um} you create a TF-IDF vectorizer, fit it on the medical notes "
            "and pass the matrix to a logistic regression.",
            "Before that, a cleaning function {uh} lower-cases the text and handles abbreviations, so BID becomes "
            "twice daily.",
            "{So} I adjusted the vectorizer parameters to our healthcare vocabulary, {like} bigrams and a minimum "
            "document count of five.",
            2.0,
            "Then we combined the TF-IDF features with domain-specific features, {you know}, the number of "
            "medications and the patient's age.",
            "{Basically} a grid search with five-fold cross validation picked the regularization strength and the "
            "n-gram range.",
            "{I mean} my initial version was much simpler, in plain terms a bag of words with no cleaning at all.",
        ),
        said=(
            "handling abbreviations",
            "Adjusted the vectorizer parameters based on our healthcare vocabulary",
            "Combined TF-IDF features with domain-specific features",
            "Conducted thorough hyperparameter tuning",
        ),
        missed=("While this approach worked well for initial classification tasks", "medical terms"),
        traps=("so BID becomes",),
    ),
    answer(
        "r16-ma-project",
        *MA_Q01,
        NEURAL,
        1.05,
        (
            "I built a production-grade medical document classification system {um} that sorts articles into about "
            "a dozen specialties, so that each team only sees its own.",
            "{So} it was trained on real PubMed medical data, {uh} more than fifty thousand documents, and I checked "
            "a random sample of them by hand.",
            2.0,
            "The features are TF-IDF weights over words and word pairs, built with a lot of care for the medical "
            "vocabulary.",
            "{Basically} a statistical test then kept only the two thousand terms most tied to each specialty, "
            "{you know}, which cut the training time in half.",
            "{Actually} the hardest part was a comprehensive review of the errors, {I mean} rating each one on a "
            "scale from harmless to serious.",
        ),
        said=(
            "I built a production-grade Medical Document Classification System",
            "Processed real PubMed medical data with 50,000+ documents",
            "Built professional feature engineering with TF-IDF",
            "Chi2 selection",
        ),
        missed=(
            "Implemented hybrid ML pipeline using Random Forest with regularization",
            "Deployed scalable microservices architecture on Azure",
            "Created comprehensive CI/CD pipeline with Docker containerization",
        ),
        traps=("so that each team",),
    ),
    answer(
        "r16-paused-initiative",
        *AI_Q40,
        "en-gb-x-rp",
        155,
        (
            "At one company we started building a customer support ticket triage model, {um} meant to send every "
            "ticket to the right queue.",
            "{So} a few weeks into the project we realized the initiative needed to be paused, {uh} because accuracy "
            "would not move past seventy percent.",
            "We audited the label quality and found that, {like}, a third of the old tickets had been filed under "
            "the wrong product.",
            2.0,
            "{I mean} there was real disagreement with my manager about stopping, {you know}, since the support "
            "teams had already been through retraining for the new tool.",
            "{Basically} we came back with a smaller goal, the model suggests a queue and the agent still makes the "
            "call, and that version shipped.",
        ),
        said=(
            "At one company, we started building a customer support ticket triage model",
            "A few weeks into the project, we realized the initiative needed to be paused",
            "Audited the label quality",
            "Narrowed the first use case from full auto-routing to decision support",
        ),
        missed=(
            "measured disagreement across teams",
            "Created a clearer taxonomy",
            "labeling guidelines before retraining anything",
        ),
        traps=("the right queue",),
    ),
    answer(
        "r16-label-consistency",
        *RA_Q34,
        "en-us+f3",
        170,
        (
            "Before anyone draws a contour we write standardized annotation guidelines, {um} with example images for "
            "every borderline case.",
            "{So} each study is labelled by two radiologists on their own, {uh} and we track inter-rater reliability "
            "metrics like kappa and Dice every week.",
            2.0,
            "When the two disagree, a senior reader {like} looks at both versions and her decision is the final label.",
            "{Actually} most of the disagreement came from one vague rule, {you know}, where a nodule ends and a "
            "vessel starts.",
            "{I mean} those labels then became the training set, and the scheduling software let us book the "
            "radiologists' time in short sessions.",
        ),
        said=(
            "standardized annotation guidelines",
            "adjudication procedures for disagreements",
            "inter-rater reliability metrics",
        ),
        missed=("training sessions for readers", "use of annotation software (e.g., 3D Slicer, MD.ai)"),
        traps=("metrics like kappa",),
    ),
    answer(
        "r16-missense-structure",
        *PM_Q25,
        "en-gb-scotland",
        170,
        (
            "I'd map each missense variant onto the protein's structure, {um} from the PDB or an AlphaFold model, "
            "and annotate it with structural features.",
            "{So} the first feature is a stability prediction, {uh} the delta delta G of folding, where a large "
            "change usually means the protein is destabilised.",
            "Buried residues matter more than surface ones, {like}, a proline swapped into a helix is almost always "
            "bad news, so we flag those.",
            2.0,
            "{Basically} we checked the scores against variants that expert panels had already called pathogenic or "
            "benign in the public archive, {you know}, the clinical one from NCBI.",
            "It is an active field, {I mean} a new tool appears every month, and each site we worked with had its "
            "own favourite.",
        ),
        said=(
            "structure-based variant annotation",
            "stability prediction (ΔΔG)",
            "validation against ClinVar pathogenicity labels",
        ),
        missed=("active site proximity analysis",),
        traps=("so we flag those",),
    ),
    answer(
        "r16-azure-deploy",
        *MA_Q12,
        NEURAL,
        0.9,
        (
            "Both the API and the dashboard use multi-stage Docker builds, {um} so the final images carry only the "
            "compiled code and stay small.",
            "{So} they run on Azure Container Apps as separate containers for the API and the dashboard, {uh} each "
            "scaling on its own.",
            "Nothing reaches Azure unless the whole test suite has passed in GitHub Actions on the pull request first.",
            "{I mean} the dashboard itself gives clinicians insights into performance, {you know}, which document "
            "types the model struggles with.",
            "{Actually} the first deployment was done by hand, {um} and I would not do that again.",
        ),
        said=(
            "Containerization: Multi-stage Docker builds for API and Dashboard",
            "Azure Container Apps Architecture: Separate containers for API",
            "CI/CD Pipeline: Automated testing before deployment",
        ),
        missed=(
            "Infrastructure as Code: PowerShell",
            "Bash deployment scripts",
            "Monitoring & Logging: Application Insights for performance monitoring",
        ),
        traps=("so the final images",),
    ),
)
