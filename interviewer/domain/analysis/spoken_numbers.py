"""A number as it is said: Whisper writes "ninety percent" as "90%", "five dollars" as "$5".

The tokenizer keeps "%" and "$" as punctuation (`Token.after`, `Token.before`), so the number's
words come from `norm` and its unit's from the punctuation. The pace counts the words; the
syllable nuclei are set against their syllables (a digit is no fixed number of syllables:
"8" is one, "70" three).
"""

from __future__ import annotations

import re

from interviewer.domain.words import Token

NUMBER = re.compile(r"^(\d[\d,]*)(?:\.(\d+))?(st|nd|rd|th|s)?$")
_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
_ONES += ("thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SCALES = ((10**9, "billion"), (10**6, "million"), (1000, "thousand"), (100, "hundred"))
_TWO_SYLLABLES = {"zero", "seven", "hundred", "thousand", "million", "billion", "percent", "dollars"}
_TWO_SYLLABLES |= set(_ONES[13:]) | set(_TENS[2:])
_THREE_SYLLABLES = {"eleven", "seventeen", "seventy"}


def said_as(token: Token) -> tuple[str, ...] | None:
    """The words a number token is said in ("90%" -> ninety percent); None for any other token."""
    match = NUMBER.match(token.norm)
    if not match:
        return None
    whole, decimals, _ = match.groups()
    names = integer_names(int(whole.replace(",", "")))
    if decimals:
        names += ("point", *(_ONES[int(d)] for d in decimals))
    return names + ("percent",) * ("%" in token.after) + ("dollars",) * ("$" in token.before)


def is_number_name(word: str) -> bool:
    """`word` (lower case) names a number: "three", "twenty"."""
    return word in _ONES or word in _TENS[2:] or word in {name for _, name in _SCALES}


def integer_names(n: int) -> tuple[str, ...]:
    """The English name of `n`, without "and": 312 -> three hundred twelve."""
    if n < 20:
        return (_ONES[n],)
    if n < 100:
        return (_TENS[n // 10],) + ((_ONES[n % 10],) if n % 10 else ())
    for size, name in _SCALES:
        if n >= size:
            head, rest = divmod(n, size)
            return integer_names(head) + (name,) + (integer_names(rest) if rest else ())
    return (str(n),)


def name_syllables(names: tuple[str, ...]) -> int:
    return sum(3 if n in _THREE_SYLLABLES else 2 if n in _TWO_SYLLABLES else 1 for n in names)
