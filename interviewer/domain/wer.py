"""Word error rate: how far a transcript is from what was said. Pure Python."""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")


def normalized_words(text: str) -> list[str]:
    """Lower-case words without punctuation; apostrophes inside a word stay ("don't")."""
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def word_error_rate(reference: str, hypothesis: str) -> float:
    """(substitutions + deletions + insertions) / words in `reference`, after normalising both.

    Case and punctuation are ignored. An empty reference gives 0.0 against an empty
    hypothesis and 1.0 against anything else. The result can exceed 1.0 when the
    hypothesis adds many words.
    """
    ref = normalized_words(reference)
    hyp = normalized_words(hypothesis)
    if not ref:
        return 0.0 if not hyp else 1.0
    return edit_distance(ref, hyp) / len(ref)


def edit_distance(ref: list[str], hyp: list[str]) -> int:
    """Levenshtein distance between two word lists (one row at a time)."""
    previous = list(range(len(hyp) + 1))
    for i, ref_word in enumerate(ref, start=1):
        current = [i]
        for j, hyp_word in enumerate(hyp, start=1):
            current.append(
                min(
                    previous[j] + 1,  # deletion
                    current[j - 1] + 1,  # insertion
                    previous[j - 1] + (ref_word != hyp_word),  # substitution or match
                )
            )
        previous = current
    return previous[-1]
