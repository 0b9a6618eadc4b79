"""New answers to questions of banks/radiology-ai.toml, in continuous speech.

Questions and hints are the bank's, verbatim. See `clip.py` for the markup.
"""

from __future__ import annotations

from interviewer.evaluation.clip import NEURAL_VOICE as NEURAL
from interviewer.evaluation.clip import answer

Q09 = (
    "radiology-ai/q09",
    "What is model calibration, and why does it matter for radiology AI?",
    "A good response defines calibration as the alignment between predicted probabilities and observed frequencies, "
    "explains why miscalibrated models can mislead clinicians, and discusses calibration techniques like Platt "
    "scaling and temperature scaling.",
)
Q19 = (
    "radiology-ai/q19",
    "How would you monitor a radiology AI model after deployment?",
    "Cover data drift detection (PSI, KS tests), performance drift (rolling AUROC), operational metrics (inference "
    "latency, uptime), alert thresholds, retraining triggers, and integration with MLOps pipelines.",
)
Q16 = (
    "radiology-ai/q16",
    "How would you design federated learning to train a radiology model across hospitals in different countries?",
    "A strong answer discusses federated averaging, secure aggregation, differential privacy, handling non-IID data "
    "distributions, communication efficiency, MONAI FL or NVIDIA FLARE architecture, and compliance with local data "
    "sovereignty laws.",
)
Q14 = (
    "radiology-ai/q14",
    "How do you create reliable ground truth labels when radiologists disagree?",
    "The answer should discuss multi-reader adjudication, inter-rater agreement metrics (Cohen's kappa, Fleiss' "
    "kappa), consensus protocols, and soft labels to capture diagnostic uncertainty.",
)
Q18 = (
    "radiology-ai/q18",
    "How would you estimate and present the uncertainty of a radiology model's predictions?",
    "Discuss Bayesian approaches (MC dropout, deep ensembles), calibrated confidence intervals, uncertainty-aware "
    "triage routing, and how to visualize uncertainty without overwhelming or desensitizing clinicians.",
)
Q04 = (
    "radiology-ai/q04",
    "How do you de-identify medical images before using them for AI?",
    "The answer should reference HIPAA/GDPR compliance, removal of PHI from DICOM headers, techniques like face "
    "defacing in neuroimaging, and the tension between privacy and dataset utility.",
)
Q23 = (
    "radiology-ai/q23",
    "What are the computational challenges of 3D models on CT and MRI volumes, and how do you handle them?",
    "Cover memory constraints, 3D convolution computational cost, GPU optimization, sliding-window inference, model "
    "quantization, and latency requirements for clinical triage scenarios.",
)
Q15 = (
    "radiology-ai/q15",
    "Describe how an AI system that detects stroke on CT fits into the emergency workflow.",
    "Cover CT acquisition, DICOM routing to AI, rapid inference, alert generation to the stroke team, integration "
    "with the clinical pathway, and the importance of low latency and high sensitivity.",
)
Q26 = (
    "radiology-ai/q26",
    "After the hospital installs new scanners, your model's performance drops. How do you investigate?",
    "A strong answer covers examining DICOM metadata for scanner/vendor differences, analyzing data distribution "
    "shifts, checking for image quality or protocol changes, running performance benchmarks on old vs. new data, and "
    "proposing domain adaptation or recalibration.",
)
Q30 = (
    "radiology-ai/q30",
    "How would you deploy a chest X-ray model in a low-resource clinic with limited connectivity and older equipment?",
    "Discuss edge deployment (ONNX Runtime, TensorRT), lightweight models, offline inference capability, quality "
    "gating for input images, and training on diverse, lower-quality data.",
)
Q05 = (
    "radiology-ai/q05",
    "What is transfer learning, and why is it so useful in medical imaging?",
    "A strong answer explains how pre-trained models (e.g., ImageNet) provide useful feature extractors that can be "
    "fine-tuned on smaller medical datasets, reducing data requirements and training time.",
)
Q41 = (
    "radiology-ai/q41",
    "How would you validate a new model version in production before it replaces the current one?",
    "Discuss shadow mode deployment (running both models in parallel without displaying results), prospective "
    "comparison against radiologist ground truth, statistical significance testing, and gradual rollout with "
    "clinical oversight.",
)

NEW_CLIPS = (
    answer(
        "ra-calibration",
        *Q09,
        NEURAL,
        1.0,
        (
            "Calibration is the alignment between predicted probabilities and observed frequencies, and {um} a "
            "score of point eight should be right about eight times in ten.",
            "If it is not, the model can, {like}, mislead clinicians, because they read the number as a real "
            "probability.",
            "{You know}, a radiologist acts on ninety percent very differently than on sixty.",
            3.0,
            "{Uh}, the fix I use is Platt scaling, a small logistic fit on a held-out set, {right}?",
            "Choosing the right threshold comes after that, with the clinical team.",
        ),
        said=(
            "alignment between predicted probabilities and observed frequencies",
            "mislead clinicians",
            "Platt scaling",
        ),
        missed=("temperature scaling",),
        traps=("the right threshold",),
    ),
    answer(
        "ra-monitor",
        *Q19,
        "en-us+f3",
        165,
        (
            "After deployment I monitor the data, the model and the service.",
            "For data drift I compute the PSI on image statistics {um} like brightness and slice thickness, every day.",
            "For performance drift we track a rolling AUROC, {uh}, on the cases radiologists have already read.",
            "On the operational side it is {basically} inference latency, {you know}, how long a study waits for "
            "its result.",
            2.5,
            "{So} when the latency goes over the limit, an alert fires, and, {I mean}, someone gets paged.",
        ),
        said=("PSI", "rolling AUROC", "inference latency", "alert thresholds"),
        missed=("KS tests", "uptime", "retraining triggers", "MLOps pipelines"),
        traps=("like brightness",),
        lead_in_s=1.5,
    ),
    answer(
        "ra-fed-countries",
        *Q16,
        "en-gb-scotland",
        150,
        (
            "Across countries the law decides the design {um} before the maths does.",
            "Each site keeps its data because of data sovereignty laws, and we, {like}, only exchange model weights.",
            "I would use federated averaging with secure aggregation {uh} where no one sees a single hospital's "
            "update.",
            "{You know}, the sites are very different, one has mostly children and another mostly elderly patients, "
            "and that non-IID data slows the training down.",
            "{Actually}, we ran it on NVIDIA FLARE, because it handles the certificates for us.",
            "I like this approach because the lawyers understand it.",
        ),
        said=("data sovereignty laws", "federated averaging", "secure aggregation", "non-IID data", "NVIDIA FLARE"),
        missed=("differential privacy", "communication efficiency"),
        traps=("I like this approach",),
        lead_in_s=0.7,
    ),
    answer(
        "ra-ground-truth",
        *Q14,
        NEURAL,
        0.9,
        (
            "When radiologists disagree, I first measure how much {um} with Cohen's kappa for each pair of readers.",
            "If the kappa is low, {like}, under zero point six, the guideline is the problem, not the readers.",
            "Then we do multi-reader adjudication {uh} where a senior reader looks at every case the others split on.",
            2.6,
            "{I mean}, the adjudicated label becomes the reference {you know} the one we train on.",
            "We also keep soft labels, so that the model learns which cases are uncertain.",
        ),
        said=("multi-reader adjudication", "Cohen's kappa", "soft labels"),
        missed=("Fleiss' kappa", "consensus protocols"),
        traps=("so that",),
        lead_in_s=1.2,
    ),
    answer(
        "ra-uncertainty",
        *Q18,
        "en-us",
        150,
        (
            "For uncertainty I use MC dropout, {um}, which means keeping dropout on at inference and running the "
            "model twenty times.",
            "The spread of those predictions, {like}, gives a cheap estimate of how unsure the model is.",
            "{So}, I turn it into calibrated confidence intervals that the report can show.",
            "{Uh} the hard part is presenting it, because, {you know}, with too many warnings the radiologists stop "
            "reading them.",
            "What I mean by presenting is one clear flag, not a heat map of doubt.",
        ),
        said=("MC dropout", "calibrated confidence intervals", "visualize uncertainty"),
        missed=("deep ensembles", "uncertainty-aware triage routing"),
        traps=("What I mean by presenting",),
        lead_in_s=1.8,
    ),
    answer(
        "ra-deid",
        *Q04,
        "en-gb",
        160,
        (
            "De-identification starts with the DICOM headers {um} because that is where the PHI lives, names, "
            "dates and accession numbers.",
            "We strip or replace those tags with a script, and, {like}, keep a secure key only if the study needs to "
            "link back.",
            "For head CT and MRI you also need face defacing {uh} because a 3D rendering can show the patient's face.",
            2.9,
            "{Basically}, the more you remove, the less useful the data gets, {right}?",
            "Do you know the API for that in pydicom? It is a few lines, and we run it on every study.",
        ),
        said=("PHI from DICOM headers", "face defacing", "privacy and dataset utility"),
        missed=("HIPAA/GDPR compliance",),
        traps=("Do you know the API",),
    ),
    answer(
        "ra-3d-compute",
        *Q23,
        NEURAL,
        1.1,
        (
            "3D volumes are big, and {um} the first problem is memory.",
            "A full CT at native resolution does not fit on the GPU with a 3D network, and, {like}, we train on "
            "patches instead.",
            "At inference we use sliding-window inference {you know} overlapping patches that are stitched back "
            "together.",
            "{Uh}, for the triage use case the latency requirements are strict {I mean} a few seconds per study.",
            3.1,
            "{So}, we also tried model quantization to eight bits, and it actually held its accuracy.",
        ),
        said=("memory constraints", "sliding-window inference", "latency requirements", "model quantization"),
        missed=("3D convolution computational cost", "GPU optimization"),
        traps=("actually held",),
        lead_in_s=1.0,
    ),
    answer(
        "ra-stroke",
        *Q15,
        "en-us+m3",
        175,
        (
            "For stroke the workflow starts at the CT scanner {um} the moment the acquisition ends.",
            "The images go by DICOM routing to the AI server, {like}, automatically, with no one pressing a button.",
            "The model runs rapid inference, and if it sees a large vessel occlusion {uh} it sends an alert to the "
            "stroke team's phones.",
            "{You know}, every minute counts, so the low latency matters more than anything else.",
            "{Actually} high sensitivity matters as much, because a missed stroke is much worse than a false alarm.",
        ),
        said=(
            "CT acquisition",
            "DICOM routing",
            "rapid inference",
            "alert generation",
            "low latency",
            "high sensitivity",
        ),
        missed=("integration with the clinical pathway",),
        traps=("so the low latency",),
        lead_in_s=1.3,
    ),
    answer(
        "ra-new-scanners",
        *Q26,
        "en-gb-x-rp",
        145,
        (
            "When performance drops after new scanners, I look at the DICOM metadata first, {um}, the manufacturer, "
            "the model and the reconstruction kernel.",
            "A new kernel looks like a small change, but it is not.",
            "{So} I compare the intensity histograms of old and new studies, and, {you know}, the distribution shift "
            "is usually obvious.",
            "Then I run the benchmark on old versus new data {uh} with labels from the last month.",
            2.4,
            "{Like}, if sensitivity fell on the new scanner only, that is the answer.",
            "{I mean} a recalibration on a few hundred local cases often fixes most of it.",
        ),
        said=("DICOM metadata", "data distribution shifts", "old vs. new data", "recalibration"),
        missed=("protocol changes", "domain adaptation"),
        traps=("looks like",),
        lead_in_s=2.2,
    ),
    answer(
        "ra-low-resource",
        *Q30,
        NEURAL,
        1.0,
        (
            "In a clinic with poor connectivity the model has to run on the edge, {um}, on a small box next to the "
            "X-ray machine.",
            "I would export it to ONNX Runtime, which {like} runs fine on a plain CPU.",
            "It has to be a lightweight model too, {uh}, something like a small MobileNet, not a huge transformer.",
            "{You know}, offline inference is the whole point, the result cannot wait for the internet.",
            2.2,
            "{So}, the old machines give noisy images, {right}?",
            "We train on that lower-quality data on purpose.",
        ),
        said=("ONNX Runtime", "lightweight models", "offline inference", "lower-quality data"),
        missed=("TensorRT", "quality gating"),
        traps=("something like",),
        lead_in_s=0.9,
    ),
    answer(
        "ra-transfer",
        *Q05,
        "en-us+f3",
        190,
        (
            "Transfer learning means starting from a model that learned on another task {um} usually ImageNet.",
            "The early layers already detect edges and textures, {basically}, they are good feature extractors for "
            "X-rays as well.",
            "Then we fine-tune on the smaller medical dataset, {uh}, a few thousand chest films instead of a "
            "million photos.",
            "{Basically}, you need far less labelled data, and {uh} training takes hours instead of weeks.",
            "{Actually}, it also makes training more stable when the dataset is tiny.",
            "I like this approach for any new imaging task {you know} it is my default.",
        ),
        said=(
            "ImageNet",
            "feature extractors",
            "smaller medical datasets",
            "reducing data requirements",
            "training time",
        ),
        traps=("I like this approach",),
        lead_in_s=1.1,
    ),
    answer(
        "ra-shadow",
        *Q41,
        "en-gb-x-rp",
        130,
        (
            "Before a new version replaces the old one, I run it in shadow mode, {um}, both models see every study "
            "but only the old one shows results.",
            "After a month {uh} we compare both against the radiologist ground truth on the same cases.",
            "{So}, if the new one is better, I check that the difference is significant, with a paired test, {right}?",
            "The mean difference alone can be noise.",
            "{I mean} a small gain on noise is no gain.",
        ),
        said=("shadow mode", "radiologist ground truth", "statistical significance testing"),
        missed=("gradual rollout", "clinical oversight"),
        traps=("The mean difference",),
        lead_in_s=1.6,
    ),
)
