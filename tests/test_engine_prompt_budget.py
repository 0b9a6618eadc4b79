"""A long answer with the longest hotword list still fits Whisper's 448-token window."""

import pytest

from interviewer.adapters.speechgen import Utterance, concatenate, silence, speak
from interviewer.domain.hearing.prompt import decode_hints_for
from interviewer.domain.hearing.recovery import transcribe_answer

SENTENCES = [
    "Calibration curves and the Brier score tell us whether predicted risks match observed outcomes.",
    "An overconfident model can lead to inappropriate treatment decisions for real patients.",
    "For imbalanced data I would start with stratified cross validation and look at precision and recall.",
    "Resampling such as SMOTE helps sometimes, but focal loss is often the simpler choice in deep models.",
    "Before deployment we check the model on data from another hospital, because scanners and coding differ.",
    "After deployment we monitor input drift with the population stability index every week.",
    "When the drift crosses a threshold tied to clinical risk, the team reviews the model and may retrain it.",
    "Finally, clinicians see the model's confidence, so they can overrule it when it is unsure.",
]
HINT = (
    "Cover the IMDRF risk matrix (seriousness of condition × significance of information provided by the "
    "software), SMOTE/ADASYN, focal loss, stratified cross-validation, PubMedBERT, OMOP, PheWAS, GWAS, "
    "DICOM, HL7 FHIR, PACS, HIPAA/GDPR, Brier score, PSI, KL divergence and the four risk categories."
)


@pytest.mark.slow
def test_hotwords_and_previous_text_never_overflow_the_window(faster_tiny):
    audio = concatenate([part for text in SENTENCES for part in (speak(Utterance(text, wpm=160)), silence(0.4))])
    assert len(audio) / 16000 > 45
    hints = decode_hints_for("How do you validate a clinical risk model?", HINT)
    transcript = transcribe_answer(faster_tiny, audio, hints)
    spoken = sum(len(text.split()) for text in SENTENCES)
    assert len(transcript.words) > 0.8 * spoken


@pytest.mark.slow
def test_one_window_chunk_with_the_longest_context_fits_too(faster_tiny):
    """Chunks (at most 30 s) take the one-window path, whose prompt is the whole context at once."""
    said = SENTENCES[:3]
    audio = concatenate([part for text in said for part in (speak(Utterance(text, wpm=160)), silence(0.4))])
    assert len(audio) / 16000 < 30
    hints = decode_hints_for("How do you validate a clinical risk model?", HINT, previous_text=" ".join(SENTENCES[3:]))
    transcript = transcribe_answer(faster_tiny, audio, hints)
    spoken = sum(len(text.split()) for text in said)
    assert len(transcript.words) > 0.8 * spoken
