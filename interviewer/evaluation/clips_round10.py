"""New answers of round 10 to sixteen bank questions no earlier answer used, in continuous speech.

Written before any transcriber heard them, and appended after `clips_round7.NEW_CLIPS` in
`clips.py`: every voice had an even count, so within each voice they go tune, then report, and no
earlier clip changes half. The first eight were heard and reported before the second eight were
written; the second eight's questions were picked from the five banks as the first were, not from
what the first report answers showed (never looked at). Questions and hints are the banks',
verbatim; the items are short phrases of the hint, labelled by what the answer says, in its own
words. See `clip.py` for the markup.
"""

from __future__ import annotations

from interviewer.evaluation.clip import NEURAL_VOICE as NEURAL
from interviewer.evaluation.clip import answer

PM_Q06 = (
    "precision-medicine/q06",
    "How would you build a model that integrates multi-omics data, such as mutations, gene expression and "
    "methylation, to predict a clinical outcome?",
    "Discuss data ingestion (mutation, expression, methylation), feature engineering (pathway scores, embeddings), "
    "late vs. early fusion strategies, and validation against clinical endpoints.",
)
PM_Q42 = (
    "precision-medicine/q42",
    "How would you build a graph neural network to predict how strongly a drug binds its target, and use it for "
    "virtual screening?",
    "Cover molecular graph construction (atoms as nodes, bonds as edges), 3D conformation encoding, pre-training on "
    "large molecular datasets (ZINC, ChEMBL), fine-tuning on binding affinity data (PDBbind), and virtual screening "
    "workflow.",
)
RA_Q03 = (
    "radiology-ai/q03",
    "What is PACS, and how do AI results get back into it?",
    "A good response describes PACS as Picture Archiving and Communication System, explains its role in image "
    "storage and retrieval, and discusses AI inference results flowing back as DICOM Secondary Captures or "
    "Structured Reports.",
)
RA_Q43 = (
    "radiology-ai/q43",
    "How would you build a model that drafts radiology reports from images?",
    "Discuss using pre-trained vision-language models (e.g., BiomedCLIP, RadFM), fine-tuning on paired image-report "
    "datasets, using Hugging Face Trainer for distributed training, and deploying the model with a REST API.",
)
AI_Q34 = (
    "ai-interview-questions/q34",
    "Tell me about a time you disagreed with a teammate or stakeholder on an AI-related decision. How did you "
    "resolve it?",
    "On one project, I disagreed with a product stakeholder about launching; I approached it by grounding the "
    "discussion in metrics tied to the business; Auto-route only low-risk categories where confidence and precision "
    "were strong; Add a human-in-the-loop step for sensitive categories; Set confidence thresholds by class, not one "
    "global threshold; Run a short shadow test before full rollout.",
)
DS_Q18 = (
    "data-science-notes/q18",
    "You also mentioned other models like TF-IDF. What are these models and how do they compare to BERT?",
    "In my work at Cencora for clinical text analytics; TF-IDF (Term Frequency-Inverse Document Frequency): A "
    "statistical measure that evaluates word; Bag of Words: Represents text as an unordered set of words; Word2Vec: "
    "Neural network-based embedding technique; GloVe (Global Vectors): Combines global matrix factorization with "
    "local; Comparison with BERT: Earlier models (TF-IDF, BoW) treat words.",
)
MA_Q24 = (
    "medical-ai-mock-interview/q24",
    "What would you add to make this a complete MLOps system?",
    "Experiment Tracking: MLflow for experiment management; Data Pipeline: Apache Airflow for workflow orchestration; "
    "Model Governance: Model registry with approval workflows; CI/CD for ML: Automated training pipelines; "
    "Observability: Data drift detection; Compliance & Security: Model explainability and interpretability.",
)
MA_Q18 = (
    "medical-ai-mock-interview/q18",
    "How do you handle working with sensitive medical data?",
    "Ethical Foundation: Patient privacy as the top priority; Technical Safeguards: De-identification of all patient "
    "data; Regulatory Compliance: HIPAA compliance training and implementation; Professional Responsibility: Clear "
    "communication of model limitations.",
)

AI_Q12 = (
    "ai-interview-questions/q12",
    "How would you validate a machine learning model?",
    "I’d validate a model in layers, not with just one score; For example, if I were building a churn model; Split "
    "the data into train, validation, and test sets; Train is for fitting the model; Validation is for tuning and "
    "model selection; Test is kept untouched until the very end.",
)
RA_Q13 = (
    "radiology-ai/q13",
    "How do you make a radiology model generalize across hospitals, scanners and imaging protocols?",
    "Discuss domain shift challenges (scanner differences, patient demographics, protocol variations), domain "
    "adaptation techniques, multi-site training, federated learning, and external validation.",
)
DS_Q25 = (
    "data-science-notes/q25",
    "Can you share code snippets showing how you implemented the t-test for your A/B test analysis?",
    "The code validates all t-test assumptions before proceeding; Uses one-tailed testing when we specifically "
    "predict directionality (B > A); Includes effect size calculation for practical significance; Shows "
    "pre-experiment power analysis to ensure proper design; Outputs interpretable business metrics alongside "
    "statistical results.",
)
AI_Q15 = (
    "ai-interview-questions/q15",
    "Can you describe some challenges faced in AI projects and how would you overcome them?",
    "Then I’d answer with a few high-impact examples instead of listing everything; In one project, the initial "
    "model had strong offline metrics; Show that AI projects fail for both technical and business reasons; For each "
    "challenge, explain the practical move you’d make to reduce risk early; Messy or limited data; Unclear "
    "business goals.",
)
PM_Q19 = (
    "precision-medicine/q19",
    "Polygenic risk scores often perform worse in non-European populations. How do you handle population "
    "stratification and improve portability across ancestries?",
    "Discuss LD score regression, principal component adjustment, ancestry-matched training, multi-ancestry "
    "meta-analysis methods (e.g., MR-MEGA), and portability limitations.",
)
MA_Q21 = (
    "medical-ai-mock-interview/q21",
    "Let's review this code snippet from your API. What would you improve?",
    "Add request logging and monitoring; Implement rate limiting; Add input sanitization for medical text; Include "
    "model version in response; Add confidence thresholds and warnings.",
)
RA_Q24 = (
    "radiology-ai/q24",
    "Which IHE integration profiles matter for deploying AI in radiology, and what do they define?",
    "The answer should discuss profiles like Invoke Image Display (IID), Radiology Workflow (SWF), and "
    "post-processing workflows, explaining how they define standard transactions between AI systems, PACS, and RIS.",
)
PM_Q32 = (
    "precision-medicine/q32",
    "You receive wearable and bedside monitor data from many device vendors in inconsistent formats. How do you "
    "prepare it for modelling?",
    "Cover format standardization (FHIR/IEEE 11073), signal quality assessment, artifact detection, imputation "
    "strategies, and creating a robust ingestion pipeline with quality gates before model training.",
)

# In each voice, in this order: tune, report, tune, report (the second eight: the neural voice twice more,
# en-gb-scotland and en-us+f3 once each).
NEW_CLIPS = (
    answer(
        "r10-multiomics",
        *PM_Q06,
        "en-us",
        160,
        (
            "{So} the first job is ingestion, and I bring in three layers per patient, the mutation calls, the gene "
            "expression, and {um} the methylation arrays, each normalized on its own.",
            "For features I don't feed twenty thousand genes straight in, {uh} I collapse them into pathway scores, "
            "so that the model sees biology rather than noise.",
            2.2,
            "Then fusion, early fusion in one big table overfits here, so I {like} usually go with late fusion, one "
            "model per layer and a small model on top.",
            "I like this design because {you know} each layer can be retrained alone, and {basically} a missing "
            "methylation sample doesn't sink the whole patient.",
        ),
        said=("mutation", "expression", "methylation", "pathway scores", "late vs. early fusion strategies"),
        missed=("embeddings", "validation against clinical endpoints"),
        traps=("so that the model", "I like this design"),
    ),
    answer(
        "r10-gnn-binding",
        *PM_Q42,
        NEURAL,
        1.0,
        (
            "Each molecule becomes a graph, {um} the atoms as nodes and the bonds as edges, with the element and "
            "charge on every node.",
            "{Uh} before it ever sees a binding score, I pre-train the network on ChEMBL, which has {like} millions "
            "of measured compounds, so it learns what chemistry looks like.",
            "Then I fine-tune on binding affinity data from PDBbind, and {you know}, I split by protein family so the "
            "test set is honest.",
            2.0,
            "At the end it ranks a library for virtual screening, {basically} the top few hundred go to the chemists "
            "and the rest never get made, {right}?",
        ),
        said=(
            "atoms as nodes",
            "bonds as edges",
            "ChEMBL",
            "binding affinity data (PDBbind)",
            "virtual screening workflow",
        ),  # fmt: skip
        missed=("3D conformation encoding", "ZINC"),
        traps=("what chemistry looks like",),
    ),
    answer(
        "r10-pacs",
        *RA_Q03,
        NEURAL,
        0.95,
        (
            "PACS stands for Picture Archiving and Communication System, {um} the radiology department's main system.",
            "{So} for AI, our model listens for new studies, runs inference, and then {uh} it has to hand the result "
            "back somewhere the radiologist already looks.",
            2.5,
            "We send it back into PACS as a DICOM secondary capture, {basically} an extra image with the finding drawn "
            "on it, {you know}, right next to the original series.",
            "The tricky part is timing, {like} the result has to arrive before the radiologist opens the study, so we "
            "aim for under two minutes.",
        ),
        said=(
            "Picture Archiving and Communication System",
            "AI inference results flowing back as DICOM Secondary Captures",
        ),  # fmt: skip
        missed=("image storage and retrieval",),
        traps=("right next to", "so we aim"),
    ),
    answer(
        "r10-report-draft",
        *RA_Q43,
        "en-gb",
        160,
        (
            "I would start from a pre-trained vision language model, {um} something like BiomedCLIP for the image "
            "side, rather than training from scratch.",
            "{So} the core is fine-tuning on paired images and reports, {uh} chest X-rays with the report the "
            "radiologist actually signed.",
            2.0,
            "The training runs with the Hugging Face Trainer across four GPUs, and {you know} that handles the "
            "distributed part for us.",
            "The draft always goes to a radiologist to edit, {basically} it saves typing, it never signs anything, "
            "{right}?",
        ),
        said=(
            "pre-trained vision-language models",
            "fine-tuning on paired image-report datasets",
            "Hugging Face Trainer for distributed training",
        ),  # fmt: skip
        missed=("deploying the model with a REST API",),
        traps=("something like BiomedCLIP", "actually signed"),
    ),
    answer(
        "r10-disagree",
        *AI_Q34,
        NEURAL,
        1.05,
        (
            "On a ticket routing project, {um} our product lead wanted to launch the classifier for every category at "
            "once, and I disagreed.",
            "{So} instead of arguing opinions I put the numbers on the table, {uh} what each wrong route would cost "
            "the support team in hours.",
            "We agreed to auto-route only the low-risk categories, where precision was already high, and {like} "
            "everything sensitive still went to a person first, so that a mistake there cost nothing.",
            2.3,
            "{You know}, the launch happened two weeks later than she wanted, but {basically} nobody had to roll it "
            "back.",
        ),
        said=(
            "disagreed with a product stakeholder about launching",
            "grounding the discussion in metrics tied to the business",
            "Auto-route only low-risk categories",
            "human-in-the-loop step for sensitive categories",
        ),  # fmt: skip
        missed=("Set confidence thresholds by class", "not one global threshold", "short shadow test"),
        traps=("so that a mistake",),
    ),
    answer(
        "r10-tfidf",
        *DS_Q18,
        "en-us",
        170,
        (
            "At Cencora I worked on clinical text analytics, {um} mostly sorting free-text notes, and we tried the "
            "older models before BERT.",
            "TF-IDF weighs each word by how often it shows up in a note against how rare it is across all notes, so "
            "common words count for little.",
            "Word2Vec was the next step, {uh} a small neural network that learns an embedding for every word from the "
            "words around it.",
            1.8,
            "The big difference with BERT is context, {like} the older models give bank one meaning whatever the "
            "sentence, and BERT {you know} reads the whole sentence first.",
            "{Basically} TF-IDF stayed as our quick baseline, {right}?",
        ),
        said=(
            "Cencora for clinical text analytics",
            "TF-IDF (Term Frequency-Inverse Document Frequency)",
            "Word2Vec",
            "Comparison with BERT",
        ),  # fmt: skip
        missed=("Bag of Words", "GloVe"),
        traps=("so common words",),
    ),
    answer(
        "r10-mlops",
        *MA_Q24,
        "en-gb",
        155,
        (
            "The first thing I'd add is experiment tracking, {um} MLflow, so every run keeps its parameters and its "
            "metrics.",
            "Then a model registry with an approval step, {uh} no model reaches production until a named person signs "
            "it off.",
            "{Like}, for the training itself, a CI/CD pipeline that retrains automatically when new labelled "
            "documents arrive.",
            2.4,
            "And {you know} monitoring, I'd watch for data drift on the incoming documents, {basically} a weekly "
            "report comparing this week's inputs to what the training set looked like.",
        ),
        said=(
            "MLflow for experiment management",
            "Model registry with approval workflows",
            "Automated training pipelines",
            "Data drift detection",
        ),  # fmt: skip
        missed=("Apache Airflow for workflow orchestration", "Model explainability and interpretability"),
        traps=("looked like",),
    ),
    answer(
        "r10-sensitive",
        *MA_Q18,
        NEURAL,
        1.1,
        (
            "Patient privacy comes first, {um} before accuracy and before any deadline.",
            "Every document is de-identified before it reaches the training data, {uh} names, dates, record numbers, "
            "all replaced.",
            "The whole team does the HIPAA training every year, and so the access rules in our cloud account follow "
            "it.",
            2.0,
            "{Actually} the part people forget is the audit trail, {you know}, who opened which record and when, and "
            "we keep that for six years.",
        ),
        said=(
            "Patient privacy as the top priority",
            "De-identification of all patient data",
            "HIPAA compliance training and implementation",
        ),  # fmt: skip
        missed=("Clear communication of model limitations",),
        traps=("and so the access",),
    ),
    answer(
        "r10-validate",
        *AI_Q12,
        NEURAL,
        1.0,
        (
            "I validate a model in layers, {um} not with one score, because a single number hides too much.",
            "Take a churn model, {uh} I split the customers into train, validation and test sets by signup month, "
            "so that the future stays in the future.",
            "The validation set is where I tune the settings, {like} the learning rate and the tree depth.",
            2.2,
            "The test set stays untouched until the very end, {you know}, one look, and {basically} that number goes "
            "in the report.",
        ),
        said=(
            "validate a model in layers",
            "churn model",
            "Split the data into train",
            "validation",
            "test sets",
            "Validation is for tuning",
            "Test is kept untouched until the very end",
        ),  # fmt: skip
        missed=("Train is for fitting the model", "model selection"),
        traps=("so that the future",),
    ),
    answer(
        "r10-prs-ancestry",
        *PM_Q19,
        NEURAL,
        0.95,
        (
            "Most GWAS data is European, {um} so a score trained there loses a lot of its accuracy in African or "
            "South Asian patients.",
            "Inside a cohort I correct for stratification with principal components, {uh} the top ten go into every "
            "association model as covariates.",
            "{So} for portability I'd rather train on matched ancestry, {like} weights estimated in the same "
            "population the score will be used in.",
            2.3,
            "And I'm honest about the limits, {you know}, the report says which ancestries the score was validated "
            "in and where it wasn't.",
        ),
        said=("principal component adjustment", "ancestry-matched training", "portability limitations"),
        missed=("LD score regression", "multi-ancestry meta-analysis methods"),
    ),
    answer(
        "r10-generalize",
        *RA_Q13,
        NEURAL,
        1.1,
        (
            "Models trained at one hospital break at the next, {um} mostly because of scanner differences, a new "
            "vendor changes the noise and the contrast.",
            "{So} the first fix is multi-site training, data from five hospitals in every batch, {uh} with the sites "
            "balanced.",
            "Where the data can't leave a hospital, we use federated learning, {like} each site trains locally and "
            "only the weights travel.",
            2.5,
            "And nothing ships before external validation on a hospital the model has never seen, {you know}, that's "
            "the only honest number, {right}?",
        ),
        said=("scanner differences", "multi-site training", "federated learning", "external validation"),
        missed=("patient demographics", "protocol variations", "domain adaptation techniques"),
    ),
    answer(
        "r10-api-review",
        *MA_Q21,
        NEURAL,
        1.05,
        (
            "The first thing missing is logging, {um} every request should leave a line with its latency and status, "
            "and that feeds the monitoring dashboard.",
            "{Uh} the endpoint has no rate limit, so one script could flood it, and I'd add a limit per API key.",
            "I'd also put the model version in every response, {you know}, so a wrong label can be traced to the "
            "exact model.",
            2.1,
            "{Basically} those three are an afternoon of work, and they make it, {like}, production grade.",
        ),
        said=("request logging and monitoring", "rate limiting", "model version in response"),
        missed=("input sanitization for medical text", "confidence thresholds and warnings"),
        traps=("so one script",),
    ),
    answer(
        "r10-ttest-code",
        *DS_Q25,
        "en-gb-scotland",
        150,
        (
            "The code checks every t-test assumption first, {um} normality with Shapiro-Wilk and equal variances with "
            "Levene, before it runs anything.",
            "Because we expected B to beat A, {uh} it uses a one-tailed test, and that choice was written down before "
            "the data came in.",
            2.0,
            "{So} next to the p-value it reports Cohen's d, {like} the effect size, because a tiny lift can still be "
            "significant with enough users.",
            "{Actually}, the last function turns it into minutes of engagement per user, which is what the product "
            "team reads.",
        ),
        said=(
            "validates all t-test assumptions",
            "one-tailed testing",
            "effect size calculation",
            "interpretable business metrics",
        ),  # fmt: skip
        missed=("pre-experiment power analysis",),
    ),
    answer(
        "r10-ihe",
        *RA_Q24,
        "en-gb-scotland",
        160,
        (
            "IHE profiles are agreed recipes for how hospital systems talk, {um} so a vendor doesn't have to invent "
            "its own.",
            "The one I'd start with is Scheduled Workflow, {uh} it defines how an order goes from the RIS to the "
            "scanner and into PACS.",
            2.2,
            "For the AI results there's the post-processing workflow, {you know}, how a study is sent for analysis "
            "and how the result is reported back.",
            "{So} in practice we {like} test each transaction against the hospital's own PACS before go-live.",
        ),
        said=(
            "Radiology Workflow (SWF)",
            "post-processing workflows",
            "standard transactions between AI systems",
            "PACS",
            "RIS",
        ),  # fmt: skip
        missed=("Invoke Image Display (IID)",),
    ),
    answer(
        "r10-challenges",
        *AI_Q15,
        "en-us+f3",
        165,
        (
            "Rather than list every problem, {um} I'd pick the two that hurt the most.",
            "On one project the model looked great offline, {uh} strong AUC, and then it did nothing for the "
            "business once it shipped.",
            "The goal was never clear, {you know}, nobody had said which decision the model should change.",
            2.4,
            "The other one was messy data, {like} three systems with three customer IDs, and {basically} it took a "
            "month just to join them.",
        ),
        said=(
            "a few high-impact examples instead of listing everything",
            "initial model had strong offline metrics",
            "Messy or limited data",
            "Unclear business goals",
        ),  # fmt: skip
        missed=("fail for both technical and business reasons", "practical move you’d make to reduce risk early"),
    ),
    answer(
        "r10-wearables",
        *PM_Q32,
        "en-us+f3",
        170,
        (
            "Every vendor sends something different, {um} so the first step is to map it all into one format, FHIR "
            "observations with the same units.",
            "Then I score signal quality per minute, {uh} flat lines and clipping get flagged, and motion artifacts "
            "are detected from the accelerometer.",
            2.6,
            "I keep the raw files too, {like} for audits, because regulators ask how a number was made.",
            "{You know}, none of this is a notebook, it's a pipeline that rejects a batch before training if too much "
            "of it fails the checks.",
        ),
        said=(
            "format standardization",
            "signal quality assessment",
            "artifact detection",
            "robust ingestion pipeline with quality gates before model training",
        ),  # fmt: skip
        missed=("imputation strategies",),
    ),
)
