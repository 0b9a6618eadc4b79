"""One answer of the evaluation set: what is said, by which voice, and what it covers.

Markup in a script: `{um}` is a filler said in filler use (its type is the text inside the
braces, lower-cased: "{You know}" is "you know"); a number is a pause of that many seconds
before the next sentence. Everything else is content, including the trap phrases listed in
`traps` ("I like this approach", "so that", "the mean", "the right threshold"): said as
content, they must not count as fillers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

NEURAL_VOICE = "piper-joe"  # the bundled Piper voice (interviewer.adapters.piper_voice)
HALVES = ("tune", "report")


@dataclass(frozen=True)
class Clip:
    id: str
    source: str  # the bank question it answers: "bank-id/question-id" in banks/
    question: str
    hint: str
    voice: str  # an espeak-ng voice ("en-gb-scotland") or NEURAL_VOICE
    wpm: int  # espeak's rate; 0 for the neural voice, whose pace is `length_scale`
    lead_in_s: float
    script: tuple  # str sentences and float pauses (seconds)
    covers: tuple[int, ...] = field(default=())  # legacy: indices of the hint points covered
    off_topic: bool = False
    length_scale: float = 1.0  # the neural voice's pace: > 1 is slower
    said_items: tuple[str, ...] = ()  # short phrases from the hint that the answer says
    missed_items: tuple[str, ...] = ()  # short phrases from the hint that it does not
    traps: tuple[str, ...] = ()  # content phrases holding a word that can be a filler
    half: str = "tune"  # "tune" (look at it, tune on it) or "report" (only report it)
    set: str = "legacy"  # "legacy" (sentences apart, tuned on) or "new" (continuous speech)

    @property
    def voice_kind(self) -> str:
        return "neural" if self.voice == NEURAL_VOICE else "espeak"

    @property
    def continuous(self) -> bool:
        """Sentences joined by short, varied gaps, as people speak (the new set)."""
        return self.set == "new"


def answer(
    id: str,
    source: str,
    question: str,
    hint: str,
    voice: str,
    pace: float,
    script: tuple,
    said: tuple[str, ...] = (),
    missed: tuple[str, ...] = (),
    traps: tuple[str, ...] = (),
    lead_in_s: float = 1.0,
    off_topic: bool = False,
) -> Clip:
    """A clip of the new set; `pace` is espeak's words per minute, or Piper's length scale."""
    neural = voice == NEURAL_VOICE
    return Clip(
        id,
        source,
        question,
        hint,
        voice,
        0 if neural else int(pace),
        lead_in_s,
        script,
        off_topic=off_topic,
        length_scale=float(pace) if neural else 1.0,
        said_items=said,
        missed_items=missed,
        traps=traps,
        set="new",
    )
