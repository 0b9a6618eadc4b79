"""Two hearings of one answer: a quick draft, and a careful one that replaces it.

Measured (`interviewer bench`, 3-minute answer, 2 cores): tiny.en keeps up with speech and answers
0.4 s after stop, but mishears jargon (WER 0.15); base hears it better (0.09) but runs up to a
chunk behind while the person speaks and needs a second or more after stop. So both hear the
answer while it is spoken, each cut at its own pauses. At stop the feedback is made at once from
base's words as far as base got and the draft's after that; when base has heard the rest, the
feedback is made again from base alone.
"""

from __future__ import annotations

from interviewer.domain.transcript import Transcript


def with_draft_tail(careful: Transcript, careful_until_s: float, draft: Transcript) -> Transcript:
    """The careful hearing's words before `careful_until_s` (a time in a pause), the draft's from there on."""
    tail = tuple(w for w in draft.words if w.start >= careful_until_s)
    if not tail:
        return careful
    head = tuple(w for w in careful.words if w.start < careful_until_s)
    model = f"{careful.model} + {draft.model} after {careful_until_s:.0f} s" if head else draft.model
    return Transcript(head + tail, draft.language, draft.duration_s, draft.engine, model, draft.notes)
