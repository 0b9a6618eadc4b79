"""New answers to questions of banks/precision-medicine.toml, in continuous speech.

Questions and hints are the bank's, verbatim. Fillers sit inside running sentences as well as at
their starts; the traps are the same words used as content. See `clip.py` for the markup.
"""

from __future__ import annotations

from interviewer.evaluation.clip import NEURAL_VOICE as NEURAL
from interviewer.evaluation.clip import answer

Q04 = (
    "precision-medicine/q04",
    "What is the OMOP Common Data Model, and why does it matter for machine learning on health records?",
    "Explain how OMOP standardizes heterogeneous EHR data across institutions, enabling federated analytics and "
    "reproducible ML.",
)
Q18 = (
    "precision-medicine/q18",
    "How do you estimate causal treatment effects from observational health data?",
    "Cover propensity score matching, inverse probability weighting, doubly robust estimators, and the assumptions "
    "required (no unmeasured confounding, positivity, SUTVA).",
)
Q11 = (
    "precision-medicine/q11",
    "Why does calibration matter for a clinical prediction model, and how do you measure it?",
    "Explain calibration curves, Brier score, and the clinical risk of overconfident predictions leading to "
    "inappropriate treatment decisions.",
)
Q08 = (
    "precision-medicine/q08",
    "How does federated learning let several hospitals train a model together without sharing patient data?",
    "Describe local training at each hospital, aggregation of model updates (not raw data), and how this addresses "
    "HIPAA/GDPR while enabling multi-site collaboration.",
)
Q14 = (
    "precision-medicine/q14",
    "How would you monitor a deployed clinical risk model for drift?",
    "Cover input distribution drift (PSI, KL divergence), prediction drift, outcome drift with lag, calibration "
    "monitoring, and alerting thresholds tied to clinical risk.",
)
Q07 = (
    "precision-medicine/q07",
    "How do you handle severe class imbalance when predicting a rare disease outcome?",
    "Cover SMOTE/ADASYN, focal loss, stratified cross-validation, precision-recall trade-offs, and the importance of "
    "calibration in clinical settings.",
)
Q22 = (
    "precision-medicine/q22",
    "How would you apply differential privacy to federated learning on genomic data, and what does it cost you?",
    "Discuss local vs. global DP, privacy budget allocation across rounds, the trade-off between privacy guarantees "
    "and model utility for rare-variant detection, and secure aggregation.",
)
Q24 = (
    "precision-medicine/q24",
    "How do you make a clinical machine learning model interpretable to clinicians and regulators?",
    "Discuss SHAP/LIME for post-hoc explanation, inherently interpretable models (EBMs, rule lists), counterfactual "
    "explanations, and FDA's guidance on Good Machine Learning Practice.",
)
Q34 = (
    "precision-medicine/q34",
    "Two clinical sites labelled the same phenotype differently. How do you reconcile the labels before training?",
    "Cover inter-annotator agreement analysis, adjudication protocols, label harmonization through standardized "
    "ontologies (SNOMED-CT), and training with disagreement-aware loss functions.",
)
Q40 = (
    "precision-medicine/q40",
    "Walk me through implementing federated learning across several hospitals, from training to validation.",
    "Cover federated averaging, secure aggregation, differential privacy noise injection, client selection "
    "strategies, and validation on a centralized held-out test set.",
)
Q21 = (
    "precision-medicine/q21",
    "How do you train a model when expert labels are noisy or the experts disagree?",
    "Cover multi-rater annotation strategies, learning from noisy labels (co-teaching, label smoothing), expert "
    "adjudication protocols, and confident learning methods.",
)
Q02 = (
    "precision-medicine/q02",
    "What is a polygenic risk score, how is it calculated, and how is it used in practice?",
    "Cover weighted sums of risk alleles from GWAS, linkage disequilibrium clumping, and how PRS is used for disease "
    "risk stratification.",
)

NEW_CLIPS = (
    answer(
        "pm-omop",
        *Q04,
        NEURAL,
        1.0,
        (
            "{So} OMOP is the common data model of the OHDSI community, and {um} it gives every hospital the same "
            "tables for patients, visits, drugs and measurements.",
            "The local codes get mapped to standard vocabularies, SNOMED for conditions, RxNorm for drugs and LOINC "
            "for lab results, {right}?",
            "{Basically} that standardizes heterogeneous EHR data across institutions, so much of the cleaning is "
            "done only once.",
            2.6,
            "What I mean by standard is that a concept ID means the same thing at every site, and, {you know}, that "
            "is what lets us run federated analytics, one query shipped to twenty hospitals.",
            "I like this approach because the data never has to leave the site.",
        ),
        said=("standardizes heterogeneous EHR data", "federated analytics"),
        missed=("reproducible ML",),
        traps=("so much", "What I mean by standard", "I like this approach"),
    ),
    answer(
        "pm-causal",
        *Q18,
        "en-us",
        165,
        (
            "With observational data I start from the assumptions, {um}, because without them no estimator helps.",
            "The first is no unmeasured confounding {like} every cause of both the treatment and the outcome is in "
            "the data.",
            "Then positivity, every patient has some chance of getting either treatment, {you know}, nobody is "
            "excluded by design.",
            "{Uh} for the estimate itself I use propensity score matching, and we, {like}, match each treated "
            "patient to a similar control.",
            3.0,
            "{Actually} I also check the balance after matching, so that the groups really look alike.",
            "The actual effect can shrink a lot once the groups are balanced, {right}?",
        ),
        said=("propensity score matching", "no unmeasured confounding", "positivity"),
        missed=("inverse probability weighting", "doubly robust estimators", "SUTVA"),
        traps=("so that", "The actual effect"),
        lead_in_s=1.4,
    ),
    answer(
        "pm-brier",
        *Q11,
        "en-gb",
        150,
        (
            "Calibration is whether the predicted risk matches what really happens, and, {uh}, for a clinical model "
            "that matters a lot.",
            "I draw calibration curves, {um}, {you know}, the predicted risk against the observed rate in each decile.",
            "If the curve looks like it bends away from the diagonal, the model is overconfident, and {I mean} an "
            "overconfident prediction can lead to the wrong treatment.",
            "{Literally} a patient could get a drug they did not need.",
            "Do you know the answer to that? You recalibrate before anyone trusts the numbers.",
        ),
        said=("calibration curves", "overconfident predictions"),
        missed=("Brier score",),
        traps=("looks like", "Do you know the answer"),
        lead_in_s=0.8,
    ),
    answer(
        "pm-federated",
        *Q08,
        NEURAL,
        1.1,
        (
            "In federated learning the model travels, not the data.",
            "Each hospital does local training on its own patients {um} for a few epochs, and then it sends back "
            "only the model updates.",
            "A server does the aggregation of those updates, {like}, a weighted average by site size, and sends the "
            "new model out again, so that every site starts the next round from the same weights.",
            "{You know}, the raw records never leave the building.",
            2.4,
            "That helps a lot with HIPAA in the US, and, {uh}, GDPR in Europe, because no patient data is transferred.",
            "{I mean} you still need a data use agreement, but it is a much smaller one.",
        ),
        said=("local training at each hospital", "aggregation of model updates", "HIPAA/GDPR"),
        missed=("multi-site collaboration",),
        traps=("so that",),
        lead_in_s=1.2,
    ),
    answer(
        "pm-drift",
        *Q14,
        "en-gb-scotland",
        140,
        (
            "For drift I watch three things, the inputs, the predictions and the outcomes.",
            "On the inputs I compute the PSI for each feature, {um}, every week, against the training data.",
            "{So} if the PSI goes over about zero point two, we, {like}, look at that feature by hand.",
            "Prediction drift is the share of high risk scores going up or down {you know} even when the inputs "
            "look fine.",
            3.2,
            "{Uh}, outcome drift is harder, because the labels arrive with a lag of weeks or months.",
            "The mean risk score is on the dashboard too, and {basically} someone looks at it every Monday.",
        ),
        said=("PSI", "prediction drift", "outcome drift with lag"),
        missed=("KL divergence", "calibration monitoring", "alerting thresholds tied to clinical risk"),
        traps=("The mean risk score",),
        lead_in_s=2.0,
    ),
    answer(
        "pm-imbalance",
        *Q07,
        "en-us+f3",
        175,
        (
            "With a rare outcome, {um}, maybe one case in two hundred, accuracy tells you nothing.",
            "I would start with SMOTE, which {like} makes synthetic cases between real minority neighbours.",
            "Methods like SMOTE can also blur the boundary, and, {uh}, I compare them with plain class weights.",
            "For validation I use stratified cross-validation, so every fold keeps {you know} the same share of cases.",
            "{Actually}, the thing I look at most is the precision-recall curve, and I pick the threshold with the "
            "clinicians, {right}?",
        ),
        said=("SMOTE", "stratified cross-validation", "precision-recall trade-offs"),
        missed=("focal loss", "calibration in clinical settings"),
        traps=("Methods like SMOTE", "so every fold"),
    ),
    answer(
        "pm-dp",
        *Q22,
        NEURAL,
        0.9,
        (
            "Differential privacy adds noise to what each site sends, and {um} that bounds what anyone can learn "
            "about one genome.",
            "The first choice is local versus global DP, {like}, whether each hospital adds the noise itself or a "
            "trusted server adds it centrally.",
            "Then there is the privacy budget, epsilon, and how you spend it across rounds {you know} a bit each "
            "round until it runs out.",
            2.8,
            "{Uh}, the cost is utility, and it hits rare variants hardest, because a rare variant is {basically} a "
            "few people, and the noise drowns them.",
            "What I mean by utility is the sensitivity for those variants.",
            "{I mean}, that is the honest trade-off you have to show the clinicians.",
        ),
        said=("local vs. global DP", "privacy budget allocation across rounds", "rare-variant detection"),
        missed=("secure aggregation",),
        traps=("What I mean by utility",),
        lead_in_s=0.9,
    ),
    answer(
        "pm-interpret",
        *Q24,
        "en-gb-x-rp",
        130,
        (
            "Clinicians want to know why a score is high {um} not only that it is high.",
            "For a complex model I use SHAP, and the plot looks like a list of features pushing the risk up or down.",
            "{So}, for the regulator, I prefer inherently interpretable models, and I, {like}, reach for a rule "
            "list or an explainable boosting machine.",
            "{You know}, if a rule list is almost as good, the choice is easy.",
            "{Uh} I like this part of the work, because the clinicians, {actually}, start to argue with the model.",
        ),
        said=("SHAP", "inherently interpretable models", "rule lists"),
        missed=("counterfactual explanations", "Good Machine Learning Practice"),
        traps=("looks like a list", "I like this part"),
        lead_in_s=1.6,
    ),
    answer(
        "pm-snomed",
        *Q34,
        "en-us",
        185,
        (
            "Two sites calling the same phenotype different things is {um} really common.",
            "First I measure the inter-annotator agreement on a shared sample, {like}, a hundred charts that both "
            "sites label.",
            "{So} where they disagree, we map both label sets to SNOMED-CT concepts, and, {uh}, most of the "
            "differences turn out to be granularity.",
            2.5,
            "{Basically} one site codes type two diabetes and the other codes diabetes with complications.",
            "Which one is the right label? The ontology settles most of it, {you know}, and the rest goes to an "
            "adjudication protocol with a senior clinician.",
        ),
        said=("inter-annotator agreement", "SNOMED-CT", "adjudication protocols"),
        missed=("disagreement-aware loss functions",),
        traps=("the right label",),
    ),
    answer(
        "pm-fedavg",
        *Q40,
        NEURAL,
        1.15,
        (
            "I would use federated averaging {um} with each hospital training for one epoch per round.",
            "On top of it we add secure aggregation, so the server only ever sees the sum of the updates, {right}?",
            "{Like}, even the server operator cannot see a single site's weights.",
            "{Uh} then for validation, I keep a centralized held-out test set that no site trains on.",
            2.3,
            "{You know}, it is the only way to compare rounds fairly.",
            "{I mean} the numbers from each site alone are too noisy.",
        ),
        said=("federated averaging", "secure aggregation", "centralized held-out test set"),
        missed=("differential privacy noise injection", "client selection strategies"),
        traps=("so the server",),
        lead_in_s=1.1,
    ),
    answer(
        "pm-noisy",
        *Q21,
        "en-gb",
        120,
        (
            "When experts disagree, {uh}, I do not pick one of them as the truth.",
            "I use multi-rater annotation, several raters per case, and {um} keep all of their labels.",
            "Then I train with label smoothing, {I mean}, the model never sees a hard zero or one.",
            "It actually converged faster with the soft labels.",
            "{Literally} half of the hard cases had two different labels in our data.",
            "For the rest we use expert adjudication, {like}, a third reader decides.",
        ),
        said=("multi-rater annotation", "label smoothing", "expert adjudication"),
        missed=("co-teaching", "confident learning"),
        traps=("actually converged",),
        lead_in_s=1.3,
    ),
    answer(
        "pm-prs-off-topic",
        *Q02,
        "en-us+m3",
        160,
        (
            "{Um} I actually started baking bread during the first lockdown.",
            "My first loaves were, {like}, flat and dense, and I had no idea why.",
            "{So} I read about hydration and learned that a wetter dough needs, {you know}, a longer proof.",
            2.7,
            "Now I bake every Sunday, and I like this routine so much that my neighbours get a loaf too.",
            "{I mean} it is, {like}, the most relaxing part of my week, {right}?",
        ),
        missed=("weighted sums of risk alleles", "linkage disequilibrium clumping", "disease risk stratification"),
        traps=("actually started", "I like this routine", "so much"),
        off_topic=True,
    ),
)
