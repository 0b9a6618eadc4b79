"""New answers of round 11 to sixteen bank questions no earlier answer used, in continuous speech.

Written before any transcriber heard them and before the analysis judged them, and appended after
`clips_round10.NEW_CLIPS` in `clips.py`: every voice had an even count, so within each voice they go
tune, then report, and no earlier clip changes half. The questions were drawn at random
(`random.Random(11).sample` of each bank's unused questions with a hint, the first three or four),
not picked by what any result showed. Questions and hints are the banks', verbatim; the items are
short phrases of the hint, labelled by what the answer says, in its own words. A hint phrase too
vague to say for sure whether the answer made it is left unlabelled. See `clip.py` for the markup.
"""

from __future__ import annotations

from interviewer.evaluation.clip import NEURAL_VOICE as NEURAL
from interviewer.evaluation.clip import answer

AI_Q21 = (
    "ai-interview-questions/q21",
    "How would you approach the development of an AI strategy for a business new to AI?",
    "I’d approach it in layers, not by jumping straight to models; Then I’d make it concrete; Understand what the "
    "business is actually trying to achieve; Where the company is trying to grow; What’s slowing teams down; Which "
    "decisions are repetitive, manual, or data-heavy.",
)
DS_Q21 = (
    "data-science-notes/q21",
    "Why do we add +1 in the IDF formula? What's the purpose of this adjustment?",
    "The standard IDF formula is typically represented as: IDF(t) = log(N/df_t); Adding +1 to the denominator "
    "(df_t + 1): Prevents division by zero; Adding +1 to the entire formula (+ 1 at the end): Non-negativity: "
    "Ensures the IDF value is always; Implementation in scikit-learn: scikit-learn uses this modified formula; "
    "Real-world impact: When analyzing patient communications at Cencora.",
)
MA_Q25 = (
    "medical-ai-mock-interview/q25",
    "What are your salary expectations for this role?",
    "Based on my research of Machine Learning Engineer salaries in [your location]; I'm open to discussing the "
    "complete compensation package including benefits; Production ML system development and deployment; Healthcare "
    "domain expertise and regulatory awareness; Cloud architecture and DevOps capabilities; Full-stack development "
    "with modern frameworks.",
)
PM_Q20 = (
    "precision-medicine/q20",
    "How would you use graph neural networks to predict drug-drug interactions for an individual patient?",
    "Explain molecular graph representations, patient-condition-drug heterogeneous graphs, message-passing schemes, "
    "and how genomic variants modulate interaction severity.",
)
RA_Q49 = (
    "radiology-ai/q49",
    "How do you stay current with developments in radiology AI?",
    "Discuss specific strategies such as reading key journals (Radiology AI, Medical Image Analysis), attending "
    "conferences (RSNA, MICCAI), participating in open-source communities, and continuous hands-on experimentation.",
)
AI_Q38 = (
    "ai-interview-questions/q38",
    "How do you determine whether an AI model is ready for production use in a regulated or high-stakes setting?",
    "I’d evaluate it in layers, not just by checking if the model is accurate; In a regulated or high-stakes "
    "setting, I determine production readiness; Use case and risk definition; What exact decision is the model "
    "influencing?; What is the cost of false positives and false negatives?; Is it advisory, human-in-the-loop, or "
    "fully automated?.",
)
DS_Q23 = (
    "data-science-notes/q23",
    "You mentioned applying medical NLP techniques to categorize unstructured medical text - can you elaborate on "
    "what you mean by that?",
    "Medical text is messy—it contains abbreviations; For high-stakes categories; Text Preprocessing for Medical "
    "Data; Domain-Specific Feature Engineering; UMLS Metathesaurus codes to link medical concepts; Section headers "
    "(e.g., 'HPI:' for History of Present Illness) as metadata.",
)
MA_Q23 = (
    "medical-ai-mock-interview/q23",
    "How would you scale this system to handle 1 million documents per day?",
    "Distributed Processing: Apache Kafka for document streaming; Microservices Architecture: Document Ingestion "
    "Service (handles uploads); Database Optimization: Read replicas for query distribution; ML Pipeline Scaling: "
    "Model serving with TensorFlow Serving or MLflow; Infrastructure: Auto-scaling groups with health checks; Cost "
    "Optimization: Spot instances for batch processing.",
)
PM_Q12 = (
    "precision-medicine/q12",
    "What is the difference between a GWAS and a PheWAS, and how do they complement each other?",
    "GWAS scans genetic variants for phenotype associations; PheWAS scans phenotypes for associations with a single "
    "variant. Both provide complementary evidence for biomarker discovery.",
)
RA_Q42 = (
    "radiology-ai/q42",
    "How do you run quality control on the annotations of a large imaging dataset?",
    "Cover automated consistency checks, inter-rater agreement metrics, spot audits by senior radiologists, "
    "annotation correction workflows, and version-controlled label datasets with audit logs.",
)
AI_Q24 = (
    "ai-interview-questions/q24",
    "How would you design a pipeline to monitor data drift and model drift in a production AI system?",
    "For a production system, I’d build a monitoring pipeline with both real-time; This gives you the raw material "
    "for both drift and performance analysis; Define the drift types; Explain the monitoring signals; Describe the "
    "pipeline architecture; Cover alerting and retraining.",
)
DS_Q27 = (
    "data-science-notes/q27",
    "What are the different approaches to parallel computing in Python, and how have you used them in your projects?",
    "Multiprocessing (CPU-bound tasks): Used in my timeseries forecasting project; Threading (I/O-bound tasks): "
    "Applied in my healthcare competitor analysis; Joblib (ML pipelines): Utilized in my fraud detection project; "
    "Dask (Out-of-core computations): Implemented in my PowerBI dashboard project; Ray (Distributed computing): "
    "Deployed in my clinical text analytics system; CUDA/PyTorch (GPU acceleration): For PHI data: Ensure secure "
    "inter-process.",
)
MA_Q06 = (
    "medical-ai-mock-interview/q06",
    "How do you handle class imbalance in medical data?",
    "Data-Level Techniques: Stratified train/test splits to maintain class; Algorithm-Level Approaches: Implemented "
    "precision-recall optimization over; Evaluation Strategy: Confusion matrix analysis for each specialty.",
)
PM_Q09 = (
    "precision-medicine/q09",
    "How does the IMDRF framework classify the risk of software as a medical device?",
    "Cover the IMDRF risk matrix (seriousness of condition × significance of information provided by the software) "
    "and the four risk categories.",
)
RA_Q39 = (
    "radiology-ai/q39",
    "How would you build a pipeline that collects imaging studies from a hospital for AI research?",
    "Discuss DICOM C-STORE or DICOMweb STOW-RS ingestion, automated de-identification using pydicom or DicomCleaner, "
    "cloud storage (S3/GCS with encryption), metadata indexing, and integration with a labeling platform for "
    "clinician review.",
)
RA_Q06 = (
    "radiology-ai/q06",
    "How would you build a lung nodule detection model for chest CT?",
    "Cover dataset sourcing (e.g., LIDC-IDRI), annotation protocols, preprocessing (windowing, resampling to "
    "isotropic voxels), model architecture selection (3D CNN, nnU-Net), augmentation strategies, and evaluation "
    "metrics (sensitivity per nodule, FROC analysis).",
)

# Voices: the neural voice eight times, en-us, en-gb-x-rp, en-us+m3 and en-gb twice each (the voices
# with the fewest answers); within each voice, in this order: tune, report.
NEW_CLIPS = (
    answer(
        "r11-ai-strategy",
        *AI_Q21,
        NEURAL,
        1.0,
        (
            "I'd start with the business, not the models, {um} what the company is actually trying to achieve this "
            "year and where it wants to grow.",
            "{So} I'd sit with a few teams and ask what's slowing them down, {uh} where people wait on reports or "
            "type the same data twice.",
            2.2,
            "From that list I pick the decisions that are repetitive and manual, approving refunds or sorting support "
            "emails, because those are, {like}, where a first model pays off.",
            "{You know}, the first project should be small enough to ship in a quarter, {basically} a win people can "
            "see, {right}?",
        ),
        said=(
            "not by jumping straight to models",
            "what the business is actually trying to achieve",
            "Where the company is trying to grow",
            "What’s slowing teams down",
            "Which decisions are repetitive, manual, or data-heavy",
        ),
        missed=("I’d approach it in layers",),
    ),
    answer(
        "r11-idf",
        *DS_Q21,
        "en-us",
        165,
        (
            "The plain IDF is the log of the number of documents over the number of documents that hold the term, "
            "{um} log N over df.",
            "{So} adding one to the denominator is there for a term that never appears, {uh} otherwise you divide by "
            "zero.",
            1.9,
            "The one added at the end keeps the weight from going negative, {like} a word in every note still gets a "
            "small positive weight instead of zero.",
            "{Basically} that is the smoothed version scikit-learn uses by default, {you know}, so most people get it "
            "without knowing.",
        ),
        said=(
            "IDF(t) = log(N/df_t)",
            "Adding +1 to the denominator",
            "Prevents division by zero",
            "Adding +1 to the entire formula",
            "Non-negativity",
            "scikit-learn uses this modified formula",
        ),
        missed=("patient communications at Cencora",),
        traps=("so most people",),
    ),
    answer(
        "r11-salary",
        *MA_Q25,
        NEURAL,
        0.95,
        (
            "Based on what I've seen for machine learning engineers in Boston, {um} I'd expect somewhere between one "
            "sixty and one eighty base.",
            "{So} that range reflects that I've built production ML systems and deployed them, {uh} not only "
            "prototypes.",
            "It also reflects the healthcare side, {you know}, I know the regulatory work that comes with clinical "
            "data.",
            2.1,
            "For the right role I'm open to discussing the whole package, {basically} benefits and equity matter to "
            "me as much as the base, {right}?",
        ),
        said=(
            "research of Machine Learning Engineer salaries",
            "open to discussing the complete compensation package including benefits",
            "Production ML system development and deployment",
            "Healthcare domain expertise and regulatory awareness",
        ),
        missed=("Cloud architecture and DevOps capabilities", "Full-stack development with modern frameworks"),
        traps=("the right role",),
    ),
    answer(
        "r11-ddi-gnn",
        *PM_Q20,
        "en-gb-x-rp",
        160,
        (
            "Each drug starts as a molecular graph, {um} atoms and bonds, and a message passing network turns it into "
            "a vector.",
            "{So} for the patient I build a bigger graph, {uh} the patient linked to their conditions and to every "
            "drug they take, with different kinds of nodes and edges.",
            2.0,
            "Messages pass along those edges too, {like} a kidney condition can raise the risk of two drugs that are "
            "both cleared by the kidney.",
            "{Basically} the output is a ranked list of pairs that look like trouble, {you know}, for the pharmacist "
            "to review.",
        ),
        said=(
            "molecular graph representations",
            "patient-condition-drug heterogeneous graphs",
            "message-passing schemes",
        ),
        missed=("genomic variants modulate interaction severity",),
        traps=("look like trouble",),
    ),
    answer(
        "r11-stay-current",
        *RA_Q49,
        NEURAL,
        1.05,
        (
            "I read Radiology AI every month, {um} and Medical Image Analysis when a paper looks close to what we "
            "build.",
            "{Uh} once a year I try to go to RSNA, and {like} the posters there are often more useful than the talks.",
            2.3,
            "I also follow a couple of open source projects, {you know}, MONAI mostly, and I answer questions on their "
            "forum.",
            "{Basically} nothing sticks until I try it, so every few weeks I rebuild one new method on our own data, "
            "{right}?",
        ),
        said=(
            "reading key journals",
            "Radiology AI, Medical Image Analysis",
            "RSNA",
            "participating in open-source communities",
            "continuous hands-on experimentation",
        ),
        missed=("MICCAI",),
        traps=("so every few weeks",),
    ),
    answer(
        "r11-prod-ready",
        *AI_Q38,
        "en-us+m3",
        155,
        (
            "In a regulated setting I don't stop at accuracy, {um} a model can be accurate and still not be ready.",
            "First, what exact decision is the model feeding, {uh} for us it was which prior authorization requests a "
            "nurse reviews first.",
            "Then I put a cost on each mistake, {like} a false negative delays a patient's treatment, and a false "
            "positive only wastes ten minutes of nurse time.",
            1.8,
            "{So} we kept it advisory, {you know}, the nurse still decides every case.",
        ),
        said=(
            "not just by checking if the model is accurate",
            "What exact decision is the model influencing",
            "What is the cost of false positives and false negatives",
            "Is it advisory, human-in-the-loop, or fully automated",
        ),
        missed=("I’d evaluate it in layers",),
    ),
    answer(
        "r11-medical-nlp",
        *DS_Q23,
        NEURAL,
        1.0,
        (
            "Medical text is messy, {um} full of abbreviations like SOB for shortness of breath, and misspellings.",
            "{So} before any model, I expand the abbreviations and normalize the notes, {uh} that preprocessing alone "
            "lifted accuracy a lot.",
            2.2,
            "Then I map phrases to UMLS concepts, {you know}, so kidney failure and renal failure become the same "
            "code.",
            "I also keep the section headers, {like} HPI for history of present illness, as features, because a word "
            "under family history means something else, {right}?",
        ),
        said=(
            "Medical text is messy—it contains abbreviations",
            "Text Preprocessing for Medical Data",
            "UMLS Metathesaurus codes to link medical concepts",
            "Section headers",
        ),
        missed=("For high-stakes categories",),
        traps=("abbreviations like SOB", "so kidney failure"),
    ),
    answer(
        "r11-scale",
        *MA_Q23,
        "en-gb",
        160,
        (
            "At a million documents a day I'd put Kafka in front, {um} so uploads become a stream and nothing waits on "
            "the model.",
            "The ingestion becomes its own service, {uh} it only takes uploads and writes them to the stream, so it "
            "scales apart from the rest.",
            2.0,
            "The model itself sits behind TensorFlow Serving with several replicas, {like} one per GPU node, and the "
            "nodes auto-scale with health checks.",
            "{You know}, the nightly re-processing runs on spot instances, {basically} it cuts that bill by two "
            "thirds.",
        ),
        said=(
            "Apache Kafka for document streaming",
            "Document Ingestion Service (handles uploads)",
            "TensorFlow Serving",
            "Auto-scaling groups with health checks",
            "Spot instances for batch processing",
        ),
        missed=("Read replicas for query distribution",),
        traps=("so uploads become", "so it scales"),
    ),
    answer(
        "r11-gwas-phewas",
        *PM_Q12,
        NEURAL,
        1.0,
        (
            "A GWAS starts from one trait, {um} say type two diabetes, and scans hundreds of thousands of variants to "
            "find the ones linked to it.",
            "A PheWAS turns that around, {uh} it takes one variant and scans hundreds of phenotypes from the health "
            "record.",
            2.4,
            "{So} they check each other, {like} a GWAS hit that also shows up across related phenotypes in a PheWAS "
            "is much more believable.",
            "{Basically} together they give two kinds of evidence for a biomarker, {you know}, before anyone spends "
            "money on a trial.",
        ),
        said=(
            "GWAS scans genetic variants for phenotype associations",
            "PheWAS scans phenotypes for associations with a single variant",
            "complementary evidence for biomarker discovery",
        ),
    ),
    answer(
        "r11-annotation-qc",
        *RA_Q42,
        "en-us",
        165,
        (
            "First, automated checks on every label, {um} a mask outside the body or a nodule smaller than a voxel "
            "gets flagged.",
            "{So} every tenth case goes to a second reader, and we track inter-rater agreement with Dice and kappa, "
            "{uh} per annotator.",
            1.9,
            "Each week a senior radiologist audits a random sample, {like} fifty cases, and {you know} the errors go "
            "back to the annotator to correct.",
            "{Basically} most errors are caught long before training.",
        ),
        said=(
            "automated consistency checks",
            "inter-rater agreement metrics",
            "spot audits by senior radiologists",
            "annotation correction workflows",
        ),
        missed=("version-controlled label datasets", "audit logs"),
    ),
    answer(
        "r11-drift-pipeline",
        *AI_Q24,
        NEURAL,
        1.0,
        (
            "I'd separate two kinds of drift, {um} data drift in the inputs and model drift in how well the "
            "predictions hold up.",
            "{So} the pipeline logs every request and prediction to a feature store, {uh} and a nightly job compares "
            "this week's distributions to the training set with PSI.",
            2.0,
            "When labels arrive later we compute precision and recall on them, {you know}, that's the real signal for "
            "model drift.",
            "{Basically} if PSI crosses a threshold, someone gets paged, and a retraining run starts on the newest "
            "data.",
        ),
        said=(
            "Define the drift types",
            "Explain the monitoring signals",
            "Describe the pipeline architecture",
            "Cover alerting and retraining",
        ),
        missed=("real-time",),
    ),
    answer(
        "r11-parallel",
        *DS_Q27,
        "en-gb-x-rp",
        160,
        (
            "For CPU-bound work I use multiprocessing, {um} in my time series forecasting project each store's model "
            "trained in its own process.",
            "Threads are for waiting on the network, {uh} for instance when I scraped competitor pages for the "
            "healthcare analysis.",
            2.2,
            "In the fraud detection pipeline I used joblib, {you know}, it parallelizes the cross validation with one "
            "argument.",
            "{So} when the data stopped fitting in memory I moved to Dask, {basically} pandas in chunks.",
        ),
        said=(
            "Multiprocessing (CPU-bound tasks)",
            "timeseries forecasting project",
            "Threading (I/O-bound tasks)",
            "healthcare competitor analysis",
            "Joblib",
            "fraud detection project",
            "Dask (Out-of-core computations)",
        ),
        missed=("PowerBI dashboard project", "Ray (Distributed computing)", "CUDA/PyTorch (GPU acceleration)"),
    ),
    answer(
        "r11-imbalance",
        *MA_Q06,
        NEURAL,
        1.0,
        (
            "Rare specialties are the hard part, {um} some had fifty documents against ten thousand for cardiology.",
            "{So} first, every split is stratified, {uh} so the test set keeps the same share of each class as the "
            "real stream.",
            2.1,
            "Then in training I optimize for precision and recall instead of accuracy, {like} a class weight and a "
            "threshold per class.",
            "{You know}, accuracy hides everything here, {basically} we read the confusion matrix for each specialty "
            "before any release.",
        ),
        said=(
            "Stratified train/test splits",
            "precision-recall optimization",
            "Confusion matrix analysis for each specialty",
        ),
        traps=("so the test set",),
    ),
    answer(
        "r11-imdrf",
        *PM_Q09,
        "en-us+m3",
        155,
        (
            "IMDRF classifies software by two things, {um} how serious the patient's condition is, and how much the "
            "software's information matters to the decision.",
            "{So} it's a grid, {uh} critical, serious or non-serious on one side, and treat or diagnose, drive "
            "management, or inform on the other.",
            1.8,
            "Software that diagnoses a critical condition lands at the top of the grid, {you know}, and that means the "
            "most evidence before it's cleared.",
            "{Basically} the higher the cell, the stronger the clinical evaluation it needs.",
        ),
        said=(
            "IMDRF risk matrix",
            "seriousness of condition",
            "significance of information provided by the software",
        ),
        missed=("the four risk categories",),
    ),
    answer(
        "r11-collect-pipeline",
        *RA_Q39,
        NEURAL,
        0.95,
        (
            "The hospital PACS pushes studies to our gateway with DICOM C-STORE, {um} so nothing has to change on "
            "their side.",
            "Before anything leaves the hospital, {uh} pydicom scripts strip the names, dates and IDs, {you know}, "
            "including the ones burned into the pixels.",
            2.2,
            "{So} the clean studies go to an encrypted S3 bucket, and we index the series metadata in Postgres so "
            "researchers can search by modality and body part.",
            "{Basically} that is where it stops for now, {right}?",
        ),
        said=(
            "DICOM C-STORE",
            "automated de-identification using pydicom",
            "cloud storage (S3/GCS with encryption)",
            "metadata indexing",
        ),
        missed=("DICOMweb STOW-RS", "integration with a labeling platform for clinician review"),
        traps=("so nothing has to change", "so researchers can"),
    ),
    answer(
        "r11-lung-nodule",
        *RA_Q06,
        "en-gb",
        160,
        (
            "I'd start from LIDC-IDRI, {um} around a thousand chest CTs with nodules marked by four radiologists.",
            "For preprocessing I resample every scan to isotropic one millimetre voxels, {uh} and window it for lung "
            "tissue.",
            2.0,
            "The model is a 3D U-Net, {like} nnU-Net's defaults are a strong start, with flips and rotations for "
            "augmentation.",
            "{So} we judge it by sensitivity per nodule at a few false positives per scan, {you know}, the FROC curve.",
        ),
        said=(
            "LIDC-IDRI",
            "windowing",
            "resampling to isotropic voxels",
            "nnU-Net",
            "augmentation strategies",
            "sensitivity per nodule",
            "FROC analysis",
        ),
        missed=("annotation protocols",),
    ),
)
