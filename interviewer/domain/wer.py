"""Word error rate: how far a transcript is from what was said. Pure Python."""

from __future__ import annotations

import re

from interviewer.domain.analysis.spoken_numbers import integer_names

_WORD = re.compile(r"(\d[\d,]*)(?:\.(\d+))?(%?)|[a-z0-9]+(?:'[a-z0-9]+)*")
_DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def normalized_words(text: str) -> list[str]:
    """Lower-case words without punctuation; apostrophes inside a word stay ("don't"); numbers as
    they are said ("40%" -> "forty percent"), for Whisper writes digits where words were said."""
    words: list[str] = []
    for match in _WORD.finditer(text.lower().replace("\u2019", "'")):
        whole, decimals, percent = match.groups()
        if whole is None:
            words.append(match.group(0))
            continue
        words += integer_names(int(whole.replace(",", "")))
        words += ["point", *(_DIGITS[int(d)] for d in decimals)] if decimals else []
        words += ["percent"] if percent else []
    return words


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
