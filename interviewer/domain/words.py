"""Spoken words as tokens hearing and the analysis reason about: normalised text plus the punctuation
around it; and which words are hesitations ("um", "uh"), whatever their spelling."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from interviewer.domain.transcript import Word, continues_word

_EDGE = re.compile(r"^([^\w]*)(.*?)([^\w]*)$", re.UNICODE)
SENTENCE_END = ".?!;:"
HESITATIONS = frozenset(
    ("um", "umm", "ummm", "uhm", "erm", "hmm", "hm", "mm", "mmm", "uh", "uhh", "uhhh", "er", "err", "ah", "ahh")
)


@dataclass(frozen=True)
class Token:
    """One spoken word. `norm` is lowercase without edge punctuation; `before`/`after` the punctuation."""

    index: int
    text: str
    norm: str
    start: float
    end: float
    probability: float
    before: str = ""  # punctuation glued to the front of this word (e.g. a quote)
    after: str = ""  # punctuation glued to the end of this word (",", ".", "...")

    @property
    def pause_after(self) -> bool:
        """A comma or sentence end follows this word in the transcript."""
        return bool(self.after) and any(c in ",.?!;:-" for c in self.after)

    @property
    def mid_s(self) -> float:
        return (self.start + self.end) / 2

    @property
    def ends_sentence(self) -> bool:
        return any(c in SENTENCE_END for c in self.after)


def tokenize(words: tuple[Word, ...] | list[Word]) -> list[Token]:
    """Tokens for the words that hold at least one letter or digit (punctuation-only words are folded)."""
    tokens: list[Token] = []
    for word in words:
        lead, core, trail = _EDGE.match(word.text.strip()).groups()
        norm = _normalised(core)
        if not norm:
            if tokens and trail + lead:
                last = tokens[-1]
                tokens[-1] = Token(
                    last.index,
                    last.text,
                    last.norm,
                    last.start,
                    last.end,
                    last.probability,
                    last.before,
                    last.after + lead + trail,
                )
            continue
        if tokens and continues_word(word.text) and not tokens[-1].after:
            last = tokens[-1]
            tokens[-1] = Token(
                last.index,
                last.text + word.text.strip(),
                _normalised(last.norm + lead + core),
                last.start,
                word.end,
                min(last.probability, word.probability),
                last.before,
                trail,
            )
            continue
        tokens.append(Token(len(tokens), word.text.strip(), norm, word.start, word.end, word.probability, lead, trail))
    return tokens


def sentence_start(tokens: list[Token], i: int) -> bool:
    """Whether token `i` opens a sentence (first word, or the previous word ended one). Hesitations
    just before it do not take the opening from it ("a real risk. um Actually, ...")."""
    while i > 0 and is_hesitation(tokens[i - 1].norm) and not tokens[i - 1].ends_sentence:
        i -= 1
    return i == 0 or tokens[i - 1].ends_sentence


def comma_before(tokens: list[Token], i: int) -> bool:
    return i == 0 or tokens[i - 1].pause_after or bool(tokens[i].before)


@lru_cache(maxsize=65536)
def letters_and_digits(text: str) -> str:
    """A written word reduced to what two decodes of it must share: "Umm," and "umm", "-validation"
    and "validation" compare equal."""
    return "".join(c for c in text.lower() if c.isalnum())


def norm_of(text: str) -> str:
    """A written word as `Token.norm` has it: lowercase, without edge punctuation."""
    return _normalised(_EDGE.match(text.strip()).group(2))


def _normalised(core: str) -> str:
    return core.lower().replace("\u2019", "'")


def is_hesitation(word: str) -> bool:
    """`word` (lowercase, no punctuation) is an "um" or "uh" of any spelling."""
    return word in HESITATIONS or _is_drawn_out_hesitation(word)


def _is_drawn_out_hesitation(word: str) -> bool:
    """'ummmm', 'uhhhh', 'mmmm' and Whisper's 'mm-m-m'."""
    letters = word.replace("-", "")
    return (
        len(letters) >= 2
        and set(letters) <= {"u", "m", "h"}
        and letters[0] in "um"
        and ("m" in letters or letters.startswith("uh"))
    )


def split_sentences(tokens: list[Token]) -> list[list[Token]]:
    """The tokens in sentences, split after each token that ends one; a trailing part is a sentence too.
    An ellipsis before a word in lower case is a hesitation inside the sentence ("bias, um... where
    the cohort"), not its end: a tmux drive counted 9 sentences for the 8 written."""
    groups: list[list[Token]] = []
    current: list[Token] = []
    for i, token in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        current.append(token)
        if token.ends_sentence and not _trails_into(token, following):
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _trails_into(token: Token, following: Token | None) -> bool:
    return following is not None and token.after.strip() in ("...", "\u2026") and following.text[:1].islower()
