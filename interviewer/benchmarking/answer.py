"""A spoken interview answer made at run time with espeak-ng: known words, natural pauses."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from interviewer.adapters.speechgen import Utterance, concatenate, silence, speak, trim
from interviewer.domain.ports import SAMPLE_RATE

QUESTION = "Tell me about a time you made a system more reliable. What did you do, and what did you learn?"
HINT = (
    "The situation and its impact; how the problem was measured; the actions taken; the result in numbers; the lesson."
)
PAUSE_BEFORE_STOP_S = 1.0  # the person stops talking, then presses stop about a second later

SENTENCES = (
    "Sure. In my last role I was the tech lead for the team that owned our billing service.",
    "It processed about two million invoices a month, and it had become the least reliable part of the platform.",
    "Every month end, when the load peaked, the nightly jobs would time out, and some customers were charged twice.",
    "That meant refunds, angry support tickets, and a lot of late nights for the on-call engineers.",
    "So the situation was clear, but nobody actually knew where the time was going.",
    "The first thing I did was measure.",
    "We added tracing to every step of the invoice pipeline, and we kept a dashboard of latency per step.",
    "Within a week, the picture was obvious: most of the time was spent waiting on database locks.",
    "Two jobs were updating the same customer rows at the same time, and each one retried the other's failures.",
    "Then I wrote a short proposal with three options, and we picked the one that was cheapest to roll back.",
    "We split the big nightly batch into small batches of a few hundred customers each.",
    "Every payment request got an idempotency key, so a retry could never charge anyone twice.",
    "And we moved the retries into a queue with exponential back-off, instead of retrying in a tight loop.",
    "I paired with two junior engineers on the queue work, which also spread the knowledge around the team.",
    "We rolled it out behind a feature flag, one region at a time, and watched the dashboards closely.",
    "There was one surprise: a reporting job still held long locks, so we moved it to a read replica.",
    "After two months the results were clear.",
    "Month end failures dropped to zero, and the nightly run went from six hours to under two.",
    "Support tickets about billing fell by about forty percent, and duplicate charges stopped completely.",
    "The on-call load dropped too, which honestly mattered just as much to the team.",
    "What I learned is that measuring first saves weeks of guessing.",
    "Before the tracing, we had three competing theories, and all of them were wrong.",
    "I also learned to make changes that are easy to undo, because that makes people willing to try them.",
    "And finally, I learned to share the numbers with the support team, "
    "so they could tell customers what was happening.",
    "If I did it again, I would add the idempotency keys on day one, "
    "because they are cheap and they remove a whole class of bugs.",
    "I would also set a clear reliability target with the product manager earlier, "
    "so the work competed fairly with new features.",
    "Since then, I have used the same approach on two other services, and it has worked both times.",
    "So in short: measure, make small reversible changes, and keep everyone informed.",
)


@dataclass(frozen=True)
class SpokenAnswer:
    audio: np.ndarray  # 16 kHz mono float32
    text: str  # what was said
    question: str = QUESTION
    hint: str = HINT

    @property
    def seconds(self) -> float:
        return len(self.audio) / SAMPLE_RATE


def spoken_answer(target_s: float, seed: int = 0) -> SpokenAnswer:
    """Sentences spoken at 150-175 words a minute with 0.3-1.0 s pauses (now and then 2 s),
    until the answer lasts `target_s`; it ends with PAUSE_BEFORE_STOP_S of silence."""
    rng = np.random.default_rng(seed)
    parts: list[np.ndarray] = []
    said: list[str] = []
    seconds = 0.0
    while seconds < target_s - PAUSE_BEFORE_STOP_S:
        sentence = SENTENCES[len(said) % len(SENTENCES)]
        if parts:
            pause = 2.0 if rng.random() < 0.1 else float(rng.uniform(0.3, 1.0))
            parts.append(silence(pause))
            seconds += pause
        voice = trim(speak(Utterance(sentence, wpm=int(rng.integers(150, 176)))))
        parts.append(voice)
        said.append(sentence)
        seconds += len(voice) / SAMPLE_RATE
    parts.append(silence(PAUSE_BEFORE_STOP_S))
    return SpokenAnswer(concatenate(parts), " ".join(said))
