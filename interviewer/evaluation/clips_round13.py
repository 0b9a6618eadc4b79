"""New answers of round 13 to twelve bank questions no earlier answer used, in continuous speech.

Written before any transcriber heard them and before the analysis judged them, and appended after
`clips_round12.NEW_CLIPS` in `clips.py`: every voice had an even count, so within each voice they go
tune, then report, and no earlier clip changes half. The questions were drawn as in round 12, with
`random.Random(13)`: of each bank's unused questions with a hint, in bank order, the first two whose
hint names at least five items, and a third for the first two banks. As people speak, fillers fall
inside running clauses ("train the uh whole thing", "our results um kept moving"), not only between
them. Like round 12's, these answers leave out part of each hint and say a missed item's words
elsewhere in another sense, spread over separate sentences ("a new feature of the system" and "every
emergency case" beside "Analyze emergency case feature distribution"; "worse image quality" beside
"quality assurance at scale"). Questions and hints are the banks', verbatim; items are labelled by what
the answer says, in its own words; a hint phrase too vague to say for sure whether the answer made it
is left unlabelled. See `clip.py` for the markup.
"""

from __future__ import annotations

from interviewer.evaluation.clip import NEURAL_VOICE as NEURAL
from interviewer.evaluation.clip import answer

AI_Q10 = (
    "ai-interview-questions/q10",
    "How would you explain a complex AI concept to someone without a technical background?",
    "Think of it like a group of people reviewing a photo together; The first person notices simple things, like "
    "edges, colors, or shapes; Start with what they already know; Explain only the core idea; Tie it to a real "
    "example; Avoid terms like weights, activations, or backpropagation unless they ask.",
)

AI_Q11 = (
    "ai-interview-questions/q11",
    "What methodologies do you typically use to train machine learning models?",
    "For most ML problems, I follow a fairly standard training workflow; Then I establish a simple baseline, "
    "train a few candidate models; First, I clarify the objective and the business metric; For example, accuracy "
    "is not enough if the real goal is recall; Then I build a solid data pipeline; Clean labels.",
)

AI_Q37 = (
    "ai-interview-questions/q37",
    "What steps do you take to ensure reproducibility and version control in AI experiments?",
    "I treat reproducibility like part of the experiment, not cleanup afterward; In one project, we had model "
    "performance changing unexpectedly between retrains; Code versioning; I keep all experiment code in Git; "
    "Every run is tied to a commit hash; I use branches for exploratory work and merge only when things are "
    "reviewed.",
)

DS_Q16 = (
    "data-science-notes/q16",
    "How do you deal with long documents that exceed the context window using sliding window/chunks?",
    "When working with models like BERT that have a fixed input length; Why Sliding Window?: It ensures full "
    "document coverage without losing; Approach: Tokenize the full document; When Do I Use This?: Clinical note "
    "classification; Benefits: Preserves all context.",
)

DS_Q28 = (
    "data-science-notes/q28",
    "Can you explain the difference between multiprocessing and multithreading, and when to use each approach?",
    "When to Use Each (With Healthcare Examples): My Project Use Case: Processing 10,000+ pathology; Hybrid "
    "Approach (Advanced Pattern): Data Sensitivity: Multiprocessing requires; Memory; GIL Impact; Overhead; CPU "
    "Utilization.",
)

DS_Q15 = (
    "data-science-notes/q15",
    "You mentioned fine-tuning BERT for text classification. What does that mean exactly? What is the output, and"
    " what is the process?",
    "Fine-tuning BERT for text classification means taking a pre-trained BERT model; What It Means: BERT is a "
    "general-purpose language model; The Process: Tokenize the text using the BERT tokenizer; The Output: A fine-"
    "tuned BERT model that takes clinical text; Why It Works Well in Healthcare: “Dizzy after meds” → side "
    "effect; Optional: Save and Load: This pipeline fine-tunes BERT for a small-scale.",
)

MA_Q20 = (
    "medical-ai-mock-interview/q20",
    "A medical professional reports the AI is consistently wrong for emergency cases. How do you respond?",
    "Immediate Safety Response: Temporarily route all emergency cases to human; Data Analysis: Pull all emergency"
    " classifications from the last; Clinical Collaboration: Schedule meeting with reporting medical; Technical "
    "Investigation: Analyze emergency case feature distribution; Solution Implementation: Adjust confidence "
    "thresholds for emergency cases; Follow-up: Regular check-ins with clinical staff.",
)

MA_Q26 = (
    "medical-ai-mock-interview/q26",
    "Why should we hire you over other candidates?",
    "Most importantly, I'm passionate about using AI to solve meaningful problems; 1. Proven Delivery: This "
    "Medical AI project demonstrates I can take an idea; 2. Healthcare Focus: My domain expertise in medical AI; "
    "3. Full-Stack Capabilities; 4. Production Mindset; 5. Modern MLOps: I implemented comprehensive DevOps "
    "practices including.",
)

PM_Q26 = (
    "precision-medicine/q26",
    "You are asked to build an AI tool that recommends cancer therapies from tumour sequencing. Walk me through "
    "the project from start to finish.",
    "Cover clinical stakeholder alignment, IRB approval, data acquisition (tumor boards, sequencing lab), model "
    "development, prospective validation plan, CDSS integration, and post-deployment monitoring.",
)

PM_Q16 = (
    "precision-medicine/q16",
    "How would you design a foundation model for multimodal single-cell data, such as gene expression and "
    "chromatin accessibility?",
    "Cover RNA velocity, ATAC-seq tokenization, cross-attention between modalities, pre-training objectives "
    "(masked modality prediction), and downstream tasks like cell-type annotation and perturbation prediction.",
)

RA_Q35 = (
    "radiology-ai/q35",
    "How would you roll out an AI screening program nationwide, for example for breast cancer or tuberculosis?",
    "Cover scale (millions of studies/year), scanner heterogeneity across sites, quality assurance at scale, "
    "regulatory and ethical considerations, integration with national health records, and strategies for handling"
    " the low prevalence of positives in screening.",
)

RA_Q10 = (
    "radiology-ai/q10",
    "How would you check a radiology model for bias across patient groups and scanner types?",
    "The answer should cover subgroup analysis (age, sex, race, scanner manufacturer), disparate performance "
    "metrics, balanced datasets, and fairness-aware training approaches.",
)

NEW_CLIPS = (
    answer(
        "r13-explain-ai",
        *AI_Q10,
        NEURAL,
        1.0,
        (
            "I start from something the person already knows, {um} like how they learned to read a map or sort "
            "their email.",
            "{So} for a neural network I say it is a bit like a team {uh} passing a photo down a line, where each "
            "person adds a little more detail.",
            2.0,
            "I leave out the maths and the {um} jargon entirely, and I keep to one idea per conversation.",
            "Then I tie it to a real example from their own work, {you know}, a model that flags the scans a "
            "radiologist should read first.",
            "{Basically} if they can explain it back to me in their own words, it worked.",
        ),
        said=(
            "Start with what they already know",
            "group of people reviewing a photo together",
            "Explain only the core idea",
            "Tie it to a real example",
        ),
        missed=(
            "The first person notices simple things",
            "edges",
            "colors",
            "shapes",
            "activations",
            "backpropagation",
        ),
        traps=("like how they learned", "a bit like a team"),
    ),
    answer(
        "r13-training-method",
        *AI_Q11,
        "en-us+f3",
        160,
        (
            "I begin by pinning down what the business actually needs, {um} and which number will tell us we got "
            "there.",
            "{So} on a fraud project that meant recall on the rare cases and not accuracy, {uh} because ninety nine "
            "percent of transactions were fine.",
            2.0,
            "Then I fit a plain logistic regression as the {um} bar to beat, and only after that I try boosted trees "
            "or a small network.",
            "I split the data by time, {like}, so the validation set really is the future.",
            "{Actually} most of the gains came from fixing mislabelled examples, {you know}, more than from any model.",
        ),
        said=(
            "I establish a simple baseline, train a few candidate models",
            "I clarify the objective and the business metric",
            "accuracy is not enough if the real goal is recall",
            "Clean labels",
        ),
        missed=("I build a solid data pipeline",),
        traps=("so the validation set",),
    ),
    answer(
        "r13-reproducibility",
        *AI_Q37,
        NEURAL,
        0.95,
        (
            "On one team our results {um} kept moving between retrains and nobody could say why.",
            "{So} we made every training run record the exact commit, {uh} the data snapshot and the random seed "
            "before it was allowed to start.",
            2.0,
            "All the code lives in Git, {like}, notebooks included, and the data versions sit in DVC.",
            "{I mean} if I cannot rerun last month's model and get the same numbers, {you know}, the result does not "
            "count.",
            "Results were reviewed every Friday in a short meeting.",
        ),
        said=(
            "model performance changing unexpectedly between retrains",
            "Code versioning",
            "I keep all experiment code in Git",
            "Every run is tied to a commit hash",
        ),
        missed=("I use branches for exploratory work and merge only when things are reviewed",),
    ),
    answer(
        "r13-sliding-window",
        *DS_Q16,
        "en-gb-scotland",
        160,
        (
            "BERT only takes five hundred and twelve tokens, {um} and the appeal letters we process are often four "
            "times that.",
            "{So} I tokenize the whole letter first and then {uh} cut it into overlapping windows of about four "
            "hundred tokens, with a stride of two hundred.",
            2.0,
            "Each window gets its own prediction and, {like}, I combine them by taking the maximum or a weighted "
            "average.",
            "{Basically} the overlap means a sentence cut at a boundary still appears whole in another window, so "
            "nothing is lost.",
            "We used it to classify appeal letters by {um} urgency for the review team.",
        ),
        said=(
            "models like BERT that have a fixed input length",
            "Tokenize the full document",
            "full document coverage without losing",
        ),
        missed=("Clinical note classification",),
        traps=("so nothing is lost",),
    ),
    answer(
        "r13-multiprocessing",
        *DS_Q28,
        NEURAL,
        1.05,
        (
            "Threads share one process and its memory, {um} while each process gets its own interpreter and its own "
            "memory.",
            "{So} in Python the global interpreter lock means {uh} threads do not speed up number crunching, they "
            "only help while you wait on disk or the network.",
            2.0,
            "For downloading thousands of reports I'd use a thread pool, {like}, sixteen threads, and for parsing "
            "them a process pool with one worker per core.",
            "{You know}, starting a process has a real cost, so I give each worker a big batch.",
            "That kept all eight cores busy the whole time.",
        ),
        said=("Memory", "GIL Impact", "Overhead", "CPU Utilization"),
        traps=("so I give each worker",),
    ),
    answer(
        "r13-bert-finetune",
        *DS_Q15,
        "en-us+f3",
        165,
        (
            "It means taking a BERT model that was already trained on a huge amount of general text, {um} and "
            "teaching it one narrow job with our own labelled examples.",
            "{So} we add a small classification layer on top and train the {uh} whole thing for two or three epochs "
            "with a low learning rate.",
            2.0,
            "The text goes through BERT's own tokenizer first, {like}, word pieces with the special tokens added.",
            "What comes out is a model that reads a patient message and says whether it reports a side effect, "
            "{you know}, a label with a probability.",
            "{Actually} we used about three thousand labelled messages.",
        ),
        said=(
            "taking a pre-trained BERT model",
            "BERT is a general-purpose language model",
            "Tokenize the text using the BERT tokenizer",
            "A fine-tuned BERT model that takes clinical text",
        ),
        missed=("Optional: Save",),
    ),
    answer(
        "r13-emergency-wrong",
        *MA_Q20,
        "en-us+m3",
        160,
        (
            "First I'd send every emergency case {um} straight to a person until we understand what is going on.",
            "{So} then I'd pull the last month of emergency predictions and {uh} compare them with what the "
            "clinicians decided.",
            2.0,
            "I'd sit down with the doctor who raised it, {like}, that same week, because they know which cases look "
            "wrong.",
            "{I mean} a new feature of the system should never ship without them seeing it.",
            "{Actually} the doctors lost confidence in it quickly, {you know}, so I'd also look at what time of day "
            "the errors happen.",
        ),
        said=(
            "Temporarily route all emergency cases to human",
            "Pull all emergency classifications from the last",
            "Schedule meeting with reporting medical",
        ),
        missed=(
            "Analyze emergency case feature distribution",
            "Adjust confidence thresholds for emergency cases",
            "Regular check-ins with clinical staff",
        ),
        traps=("so I'd also look",),
    ),
    answer(
        "r13-why-hire",
        *MA_Q26,
        NEURAL,
        1.0,
        (
            "I have taken a model from a whiteboard sketch {um} all the way to a system that clinics use every day.",
            "{So} I know the messy parts, {uh} getting data access approved and getting busy clinicians to trust a "
            "new tool.",
            2.0,
            "I've spent five years in healthcare, {like}, I can talk to a nurse and a data engineer in the same "
            "meeting.",
            "{Basically} I care about this work, {you know}, it is why I moved out of advertising.",
            "And I learn fast when the job needs something new.",
        ),
        said=(
            "passionate about using AI to solve meaningful problems",
            "Proven Delivery",
            "Healthcare Focus: My domain expertise in medical AI",
        ),
        missed=("Full-Stack Capabilities", "Modern MLOps: I implemented comprehensive DevOps practices"),
    ),
    answer(
        "r13-therapy-tool",
        *PM_Q26,
        "en-gb-scotland",
        165,
        (
            "I'd start with the oncologists and the molecular tumour board, {um} to agree on what a useful "
            "recommendation even looks like.",
            "{So} before any patient data moves, we get approval from the {uh} IRB and a data agreement with the "
            "sequencing lab.",
            2.0,
            "The model itself would rank therapies from the variants and the published evidence, {like}, with the "
            "reasons shown next to each one.",
            "{I mean} it has to sit inside the record system the doctors already use, {you know}, nobody opens a "
            "separate app.",
            "The first version would take about a year, {uh} most of it spent on the data.",
        ),
        said=(
            "clinical stakeholder alignment",
            "IRB approval",
            "tumor boards",
            "sequencing lab",
            "model development",
            "CDSS integration",
        ),
        missed=("prospective validation plan", "post-deployment monitoring"),
    ),
    answer(
        "r13-single-cell",
        *PM_Q16,
        NEURAL,
        1.0,
        (
            "I'd treat each cell as a sentence, {um} with genes as tokens ranked by how strongly they are expressed.",
            "{So} the chromatin side gets its own encoder, {uh} built on peaks from the ATAC data, and the two talk "
            "through cross attention.",
            2.0,
            "For pre-training I'd hide one modality and make the model predict it from the other, {like} filling in "
            "a missing page.",
            "{Basically} the real test is cell type annotation on a dataset it has never seen, {you know}, from a "
            "different lab.",
            "Scaling it to millions of cells would come later.",
        ),
        said=(
            "cross-attention between modalities",
            "pre-training objectives (masked modality prediction)",
            "cell-type annotation",
        ),
        missed=("RNA velocity", "perturbation prediction"),
        traps=("like filling in",),
    ),
    answer(
        "r13-screening-rollout",
        *RA_Q35,
        "en-us+m3",
        165,
        (
            "A national program means millions of studies a year, {um} so everything has to be automatic and cheap "
            "to run.",
            "{So} first I'd check the model on images from every scanner model in use, {uh} because older machines "
            "in small hospitals have worse image quality.",
            2.0,
            "Most screens are normal, {like}, a few cancers per thousand, so the threshold has to keep false alarms "
            "low or radiologists drown in recalls.",
            "{I mean} we'd start in two regions and compare with the current readers before going wide.",
            "{You know}, the results need to flow into the {um} national record so a family doctor sees them.",
        ),
        said=(
            "scale (millions of studies/year)",
            "scanner heterogeneity across sites",
            "low prevalence of positives in screening",
            "integration with national health records",
        ),
        missed=("quality assurance at scale", "regulatory and ethical considerations"),
        traps=("so everything has to be", "so the threshold", "so a family doctor"),
    ),
    answer(
        "r13-bias-check",
        *RA_Q10,
        NEURAL,
        1.05,
        (
            "I'd break the test results down by patient group, {um} age bands, sex, and the ethnicity recorded in "
            "the chart.",
            "{So} then by the scanner, {uh} GE versus Siemens versus Philips, because the images differ in contrast "
            "and noise.",
            2.0,
            "If sensitivity drops for one group by more than a few points, {like}, that is a finding we report and "
            "not a footnote.",
            "{Basically} the fix is usually more data from the group that is missing, {you know}, not a clever loss "
            "function.",
            "We did this on a fracture model last year.",
        ),
        said=(
            "age",
            "sex",
            "race",
            "scanner manufacturer",
            "disparate performance metrics",
            "balanced datasets",
        ),
        missed=("fairness-aware training approaches",),
    ),
)
