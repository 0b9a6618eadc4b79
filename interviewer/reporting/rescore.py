"""Re-scoring a saved answer with the installed analysis; the older result stays beside the new one."""

from __future__ import annotations

from dataclasses import dataclass

from interviewer.domain.storage import AnswerRecord, SessionRecord, SessionStore
from interviewer.reporting.history import current_analysis_version


@dataclass(frozen=True)
class RescoreResult:
    session_id: str
    answer_number: int
    old_version: str
    new_version: str
    analysis: dict


def needs_rescore(store: SessionStore, session: SessionRecord, answer: AnswerRecord) -> bool:
    """Analysed by a different analysis version than the installed one (and re-scorable)."""
    latest = store.latest_analysis(session, answer)
    current = current_analysis_version()
    return bool(latest and current and str(latest.get("analysis_version", "")) != current)


def rescore_answer(
    store: SessionStore, session: SessionRecord, answer: AnswerRecord, pause_threshold_s: float | None = None
) -> RescoreResult:
    """Analyse the saved transcript and WAV again and save the result as a new version.

    The pause threshold of the previous analysis is kept (so only the analysis changes),
    unless `pause_threshold_s` is given.

    Raises:
        FileNotFoundError: the transcript or the recording is missing.
    """
    from interviewer.domain.audiofile import read_wav
    from interviewer.domain.session import add_together, analyse_answer
    from interviewer.domain.transcript import Transcript

    saved = store.load_transcript(session, answer)
    wav = store.wav_path(session, answer)
    if saved is None or not wav.exists():
        missing = "transcript" if saved is None else "recording"
        raise FileNotFoundError(f"answer {answer.number} of {session.id}: the {missing} is missing")
    old = store.latest_analysis(session, answer) or {}
    if pause_threshold_s is None:
        pause_threshold_s = float((old.get("pauses") or {}).get("threshold_s", 2.0))
    transcript, audio = Transcript.from_dict(saved), read_wav(wav)
    result = analyse_answer(transcript, audio, answer.hint, answer.target_s, pause_threshold_s, answer.asked)
    add_together(store, session, answer, result)
    store.save_analysis(session, answer, result, result["analysis_version"])
    return RescoreResult(
        session.id, answer.number, str(old.get("analysis_version", "")), str(result["analysis_version"]), result
    )
