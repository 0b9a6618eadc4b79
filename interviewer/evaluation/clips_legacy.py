"""The legacy set: 11 answers spoken one sentence at a time with 0.4 s between sentences.

The analysis was tuned on these clips, so they belong to the tuning half only. A filler at a
sentence start stands alone in silence here, which flatters filler recall (0.93 here against
0.51-0.54 on continuous speech). `covers` lists the indices of the hint points (as `split_hint`
splits the hint) the answer covers; each covered point is a said item, the others missed.
"""

from __future__ import annotations

from interviewer.evaluation.clip import Clip

HINT_BRIER = (
    "Explain calibration curves, Brier score, and the clinical risk of overconfident predictions "
    "leading to inappropriate treatment decisions."
)
HINT_OMOP = (
    "Explain how OMOP standardizes heterogeneous EHR data across institutions, enabling federated "
    "analytics and reproducible ML."
)
HINT_PRS = (
    "Cover weighted sums of risk alleles from GWAS, linkage disequilibrium clumping, and how PRS is "
    "used for disease risk stratification."
)
HINT_BIAS = (
    "Cover selection bias (unrepresentative cohorts), label bias (diagnostic disparities), and "
    "measurement bias (differential data quality across groups)."
)
HINT_IMBALANCE = (
    "Cover SMOTE/ADASYN, focal loss, stratified cross-validation, precision-recall trade-offs, "
    "and the importance of calibration in clinical settings."
)
HINT_CALIBRATION = (
    "A good response defines calibration as the alignment between predicted probabilities and "
    "observed frequencies, explains why miscalibrated models can mislead clinicians, and "
    "discusses calibration techniques like Platt scaling and temperature scaling."
)
HINT_FEDERATED = (
    "Describe local training at each hospital, aggregation of model updates (not raw data), and "
    "how this addresses HIPAA/GDPR while enabling multi-site collaboration."
)
HINT_DICOM = (
    "A strong answer covers DICOM's role as the universal file and communication format for medical "
    "imaging, its metadata richness (patient, modality, acquisition parameters), and how AI pipelines "
    "depend on it for data ingestion."
)
HINT_RADIOLOGY_IMBALANCE = (
    "A comprehensive answer discusses oversampling, undersampling, focal loss, "
    "class-weighted cross-entropy, synthetic data generation, and the importance of "
    "stratified evaluation."
)
HINT_SHIFT = (
    "Discuss domain shift challenges (scanner differences, patient demographics, protocol variations), "
    "domain adaptation techniques, multi-site training, federated learning, and external validation."
)

LEGACY_CLIPS: tuple[Clip, ...] = (
    Clip(
        "brier-short",
        "precision-medicine/q11",
        "Why does calibration matter for a clinical prediction model, and how do you measure it?",
        HINT_BRIER,
        "en-us",
        180,
        1.0,
        (
            "{So}, I would plot a calibration curve, predicted risk against the observed rate in each bin.",
            "Then I report the Brier score, which is the mean squared error of the predicted probabilities.",
            "{Um}, overconfident predictions are dangerous, because a doctor may start the wrong treatment.",
            "That is the mean risk I would watch, and I check it again after every retraining.",
        ),
        covers=(0, 1, 2),
        traps=("the mean risk",),
    ),
    Clip(
        "omop",
        "precision-medicine/q04",
        "What is the OMOP Common Data Model, and why does it matter for machine learning on health records?",
        HINT_OMOP,
        "en-gb",
        150,
        2.0,
        (
            "OMOP is a common data model.",
            "It takes messy health records from different hospitals, {uh}, and maps them to one standard "
            "vocabulary and one set of tables.",
            "{You know}, the point is that everyone then uses the same codes for drugs and diagnoses.",
            "Do you know the API we used? It was a simple one, and I like this model of working.",
        ),
        covers=(0,),
        traps=("Do you know the API", "I like this model"),
    ),
    Clip(
        "prs",
        "precision-medicine/q02",
        "What is a polygenic risk score, how is it calculated, and how is it used in practice?",
        HINT_PRS,
        "en-gb-scotland",
        130,
        1.5,
        (
            "A polygenic risk score adds up the risk alleles a person carries.",
            "Each allele is weighted by its effect size from a genome wide association study, a GWAS.",
            2.6,
            "{Um}, then the score is used to stratify people by disease risk, {like}, the top few percent get "
            "screened earlier.",
            "{I mean}, it is a ranking tool, not a diagnosis.",
        ),
        covers=(0, 2),
    ),
    Clip(
        "bias",
        "precision-medicine/q05",
        "What kinds of bias can enter a healthcare dataset, and how does each one arise?",
        HINT_BIAS,
        "en-us+f3",
        170,
        0.8,
        (
            "{Basically}, there are three kinds of bias I look for.",
            "Selection bias, when the cohort does not represent the patients the model will see.",
            "What I mean by bias is a systematic error, not noise.",
            "{Uh}, label bias, when some groups get diagnosed later, so the labels themselves are skewed.",
            "And the mean of the errors is not the same across groups, {so}, {um}, I check each subgroup.",
        ),
        covers=(0, 1),
        traps=("What I mean by bias", "the mean of the errors"),
    ),
    Clip(
        "imbalance",
        "precision-medicine/q07",
        "How do you handle severe class imbalance when predicting a rare disease outcome?",
        HINT_IMBALANCE,
        "en-us",
        160,
        1.2,
        (
            "{So}, {um}, class imbalance is very common in clinical data, a disease may be one case in a hundred.",
            "First I would try resampling with SMOTE, which makes synthetic examples of the minority class.",
            "{Like}, it interpolates between neighbours.",
            "Then I would train with focal loss, so that the easy negatives do not dominate the gradient.",
            3.0,
            "{Uh}, for validation I use stratified cross validation, so every fold keeps the same ratio.",
            "{You know}, accuracy is useless here, {so}, I look at the precision recall curve and pick a threshold "
            "with the clinicians.",
            "I like this model because it is simple to explain.",
        ),
        covers=(0, 1, 2, 3),
        traps=("so that", "I like this model"),
    ),
    Clip(
        "calibration",
        "radiology-ai/q09",
        "What is model calibration, and why does it matter for radiology AI?",
        HINT_CALIBRATION,
        "en-gb-x-rp",
        120,
        2.5,
        (
            "Calibration means that the predicted probabilities match the observed frequencies.",
            "If the model says thirty percent, then about thirty percent of those patients should have the disease.",
            "{Um}, a miscalibrated model can mislead clinicians, {uh}, because they read the number as a real risk.",
            2.8,
            "{Actually}, accuracy can be high while the probabilities are badly off.",
            "{Literally} every team I worked with had this problem at first.",
        ),
        covers=(0, 1),
    ),
    Clip(
        "federated",
        "precision-medicine/q08",
        "How does federated learning let several hospitals train a model together without sharing patient data?",
        HINT_FEDERATED,
        "en-us+m3",
        190,
        1.0,
        (
            "In federated learning each hospital trains the model locally on its own patients.",
            "{Um}, only the model updates, the weights or the gradients, leave the hospital, never the raw data.",
            "A central server averages those updates and sends the new model back for the next round.",
            "{So}, this helps with privacy law, {like}, HIPAA in the United States and GDPR in Europe, because "
            "patient records never move.",
            "{I mean}, it also lets many sites collaborate without signing a data sharing deal.",
            "{Uh}, the hard parts are data that differs between sites and the cost of communication.",
            "{You know}, it is slower than central training, {um}, but often it is the only option.",
            "So far it has worked well for us.",
        ),
        covers=(0, 1, 2),
        traps=("So far",),
    ),
    Clip(
        "dicom",
        "radiology-ai/q01",
        "What is DICOM, and why does it matter for AI in radiology?",
        HINT_DICOM,
        "en-gb",
        140,
        3.0,
        (
            "DICOM is the standard file format and network protocol for medical images.",
            "Every scanner, {um}, every viewer and every archive speaks it, so it is how images move around a "
            "hospital.",
            "{Basically}, each file carries the pixels and a header.",
            "The header holds a lot of metadata, the patient, the modality, the slice thickness and the "
            "acquisition parameters.",
            2.5,
            "{Uh}, for an AI pipeline that header is essential.",
            "We read it when we ingest the data, to pick the right series and to normalise the intensities.",
            "{Like}, a CT and an MRI need very different preprocessing.",
            "{You know}, if the header is wrong the whole pipeline can fail quietly.",
            "Do you know the tags that matter most? The modality and the pixel spacing.",
        ),
        covers=(0, 1, 2),
        traps=("Do you know the tags",),
    ),
    Clip(
        "radiology-imbalance",
        "radiology-ai/q07",
        "How do you deal with class imbalance in medical imaging, where positive findings are rare?",
        HINT_RADIOLOGY_IMBALANCE,
        "en-us",
        100,
        1.0,
        (
            "Rare findings are the hard case in radiology, {um}, because the model sees very few positives.",
            "The first option is oversampling, where we show the rare cases more often during training.",
            "The opposite is undersampling, where we drop some of the normal studies.",
            "{So}, I usually combine a bit of both.",
            3.2,
            "{Uh}, then there is the loss function.",
            "Focal loss down weights the easy examples, so that the model spends its effort on the hard ones.",
            "{Like}, a clear normal chest film teaches it very little.",
            "{I mean}, class weights in the cross entropy do something similar, and they are easier to tune.",
            "{Actually}, I try the weighted cross entropy first because it is simple.",
            2.6,
            "{Um}, we can also generate synthetic images, but I am careful with that, because the model can "
            "learn the artefacts.",
            "What I mean by careful is that a radiologist reviews a sample of them.",
        ),
        covers=(0, 1, 2, 3, 4),
        traps=("so that", "What I mean by careful"),
    ),
    Clip(
        "domain-shift",
        "radiology-ai/q13",
        "How do you make a radiology model generalize across hospitals, scanners and imaging protocols?",
        HINT_SHIFT,
        "en-us+f3",
        100,
        2.0,
        (
            "{So}, {um}, this is domain shift, and it is the most common reason a model fails at a new site.",
            "The scanners are different, the vendors and the settings change the look of the images.",
            "The patients are different too, their age and their ethnicity, and the imaging protocols are not "
            "the same.",
            "{Uh}, the first thing I do is measure it, with a sample of labelled cases from the new hospital.",
            3.0,
            "{You know}, you cannot fix what you have not measured.",
            "Then there are domain adaptation techniques.",
            "{Basically}, we align the features of the two sites, or we fine tune on a small local set.",
            "{Like}, even a few hundred local cases can close most of the gap.",
            "{I mean}, it still needs a clinical check afterwards.",
            2.7,
            "Longer term, the fix is training on many sites at once, so that the model never learns one scanner.",
            "{Um}, if the data cannot leave the hospitals, federated learning lets us train across them.",
            "{Actually}, we did exactly that with four partner hospitals last year.",
            "And before any deployment I want an external validation, on data from a site the model has never "
            "seen, so that the performance we report is honest.",
            "{Uh}, I like this model of working because it catches problems early.",
            3.4,
            "{So}, to sum up, measure the shift, adapt to it, train on many sites and validate externally.",
            "{Literally} every project I have worked on needed at least one of these steps.",
            "{Um}, and the mean accuracy alone never tells the whole story, so we report results per site.",
            "{Uh}, one more thing, the monitoring does not stop after the launch.",
            "We keep a dashboard per hospital, with the error rates and the calibration, so that a new scanner "
            "or a new protocol shows up within weeks rather than months.",
            "{You know}, do you know the API of the scanner vendors? It changes often, and that alone can shift "
            "the images.",
            "That is how I would approach it.",
        ),
        covers=(0, 1, 2, 3, 4),
        traps=("so that", "I like this model", "the mean accuracy", "do you know the API"),
    ),
    Clip(
        "off-topic",
        "precision-medicine/q07",
        "How do you handle severe class imbalance when predicting a rare disease outcome?",
        HINT_IMBALANCE,
        "en-gb",
        160,
        1.0,
        (
            "I spent last summer walking the coast path in Cornwall with two friends.",
            "{Um}, we planned each day the night before, {like}, how far to walk and where to sleep.",
            "The weather changed all the time, so we carried waterproof jackets and a lot of food.",
            "{You know}, the best part was the small harbours and the fresh fish in the evening.",
            "I would do it again next year.",
        ),
        off_topic=True,
    ),
)
