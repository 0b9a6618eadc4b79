"""What Whisper weighed and did not write: the probability of a hesitation before each word.

Whisper is trained on transcripts that mostly leave "um" and "uh" out, so in running speech it often
writes another word where one was said ("and um it" -> "and I'm, it") or nothing at all. Its decoder
still gives the hesitation some probability at that step. CTranslate2 returns the log-probabilities
of every step with `return_logits_vocab`; `LogitsRecorder` asks for them on each `generate` that
faster-whisper makes, and `hesitation_weights` reads, for each written word, the most probability a
hesitation had on the steps since the word before (punctuation and segment times included).

The app hears chunks of at most 28 s, each in one window, so the steps and the words line up. Audio
decoded window by window (`interviewer transcribe` on a long file) re-decodes a window's unfinished
last segment in the next, so the steps hold tokens no word has: the words then carry no weight
(`with_weights` checks), and nothing is put back.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from interviewer.domain.words import is_hesitation, letters_and_digits

# the hesitations Whisper writes; each is looked for after a space, lower-case and capitalised, and
# capitalised at the text's start ("Umm" opens the prompt, and base writes it for a said "um")
HESITATION_SPELLINGS = ("um", "umm", "uhm", "uh", "uhh", "hmm")
# a token that only starts a spelling counts when it is this one: tiny.en's tokenizer has no " umm" or
# " uhh" and writes them " u" + "mm". Where they are tokens of their own (base) " u" is left out: it is
# also "you" written "u", and gave said "you" up to 0.024 there. Other starts (tiny.en's " U" of
# " Umm", " h" of " hmm") begin many words.
PARTIAL_START = " u"
PREPENDED = "\"'“¿([{-"  # faster-whisper's default prepend_punctuations: they join the next word


@dataclass(frozen=True)
class Steps:
    """One decoded sequence: its tokens, and the hesitation probability at each step. `rewritten`:
    the words written for it came from another decode of the same window (beam search)."""

    tokens: list[int]
    chances: np.ndarray
    rewritten: bool = False


class LogitsRecorder:
    """Stands in for faster-whisper's CTranslate2 model: each `generate` asks for the log-probabilities
    of its greedy steps and keeps, per step, only the probability given to `ids` (a 30 s window's
    full log-probabilities are ~31 MB; a long file decoded window by window would hold them all).
    Everything else goes to the model itself.

    With `beam_size` over 1, each greedy window is decoded again with that many beams and the beams'
    words are written: CTranslate2 gives no step probabilities with beam search ("data is NULL but
    array contains data"), so the hesitation weights stay the greedy pass's (`carried_weights`)."""

    def __init__(self, model, ids: list[int], beam_size: int = 1) -> None:
        self._model = model
        self._ids = ids
        self._beam_size = beam_size
        self.steps: list[Steps] = []

    def __getattr__(self, name):
        return getattr(self._model, name)

    def generate(self, *args, **kwargs):
        results = self._model.generate(*args, **kwargs, return_logits_vocab=True)
        rewrite = self._beam_size > 1 and kwargs.get("beam_size", 1) == 1
        self.steps += [Steps(r.sequences_ids[0], step_probabilities(r, self._ids), rewrite) for r in results]
        return self._model.generate(*args, **kwargs | {"beam_size": self._beam_size}) if rewrite else results

    @contextmanager
    def greedy_only(self) -> Iterator[None]:
        """The decodes inside are written as greedy decoding wrote them (beam search's hint guard)."""
        kept, self._beam_size = self._beam_size, 1
        try:
            yield
        finally:
            self._beam_size = kept

    def take(self) -> list[Steps]:
        taken, self.steps = self.steps, []
        return taken


def hesitation_ids(tokenizer) -> list[int]:
    """The token ids that begin a written hesitation, for faster-whisper's `hf_tokenizer`: every
    spelling that is a token of its own, and PARTIAL_START where it is how a spelling begins."""
    ids = set()
    for spelling in HESITATION_SPELLINGS:
        for text in (" " + spelling, " " + spelling.capitalize(), spelling.capitalize()):
            first, *rest = tokenizer.encode(text, add_special_tokens=False).ids
            if not rest or tokenizer.decode([first]) == PARTIAL_START:
                ids.add(first)
    return sorted(ids)


def step_probabilities(result, ids: list[int]) -> np.ndarray:
    """For each decoding step of the best sequence, the probability given to the hesitation ids."""
    steps = result.logits[0] if result.logits else []
    if not steps:
        return np.zeros(0)
    logits = np.stack([np.asarray(step, dtype=np.float32) for step in steps])
    top = logits.max(axis=1, keepdims=True)
    weights = np.exp(logits - top)
    return weights[:, ids].sum(axis=1) / weights.sum(axis=1)


def hesitation_weights(decoded: list[Steps], decode, eot: int) -> list[tuple[str, float]]:
    """(text, weight) for each word of the `decoded` sequences in order, grouped as faster-whisper groups tokens
    into words: a token with a leading space starts one, and so does the token after prepended
    punctuation ("-validation"); other punctuation joins the word before. A word's weight is the
    most probability a hesitation had from the step after the previous word's first token up to its
    own first token, leaving out steps that continue a word (the "'m" of "I'm"). A word that sounds
    like a hesitation from its start or after its first consonant ("umber", "number", "summary")
    leaves out its first token's step too: there " um" is that sound heard as the start of another
    word (" umber" is " um" + "ber"). A tmux drive's "one number" got 0.10-0.13 there and showed an
    "um" never said; in the evaluation's 64 answers no such word reached 0.003."""
    words: list[list] = []  # [text, weight before the word, weight at its first token]
    pending, after_prefix = 0.0, False
    for sequence in decoded:
        chances = sequence.chances
        for step, token in enumerate(sequence.tokens):
            chance = float(chances[step]) if step < len(chances) else 0.0
            text = "" if token >= eot else decode([token])
            if not any(c.isalnum() for c in text):  # a segment's time, or punctuation
                pending = max(pending, chance)
                after_prefix = bool(text.strip()) and all(c in PREPENDED for c in text.strip())
                continue
            if text.startswith(" ") or not words or after_prefix:
                words.append([text, pending, chance])
                pending = 0.0
            else:
                words[-1][0] += text
            after_prefix = False
    return [(text, before if _sounds_like_a_hesitation(text) else max(before, at)) for text, before, at in words]


def _sounds_like_a_hesitation(text: str) -> bool:
    word = letters_and_digits(text)
    opens = word.startswith(("um", "uh")) or (word[:1] not in "aeiou" and word[1:3] in ("um", "uh"))
    return opens and not is_hesitation(word)


def with_weights(words: list[tuple], weighted: list[tuple[str, float]]) -> list[tuple]:
    """`words` ((text, start, end, probability)) with each one's hesitation weight added, when the
    grouping gave the same words; unchanged (no evidence) when it did not."""
    if len(words) != len(weighted):
        return words
    if any(letters_and_digits(w[0]) != letters_and_digits(text) for w, (text, _) in zip(words, weighted, strict=True)):
        return words
    return [(*w[:4], weight) for w, (_, weight) in zip(words, weighted, strict=True)]


def carried_weights(words: list[tuple], weighted: list[tuple[str, float]]) -> list[tuple]:
    """`words` with the hesitation weights of another decode's words (`weighted`) of the same audio:
    a word both wrote, or a word in the same place of a stretch both wrote as many words of, gets its
    weight; where the other wrote other words or more ("um" that beam search left out), the most
    weight those had goes to a hesitation `words` wrote there ("erm" for its "um"), else to the next of
    `words` (a hesitation weighs before a word, and a written "um" weighed itself)."""
    ours, theirs = [letters_and_digits(w[0]) for w in words], [letters_and_digits(t) for t, _ in weighted]
    plain = difflib.SequenceMatcher(None, ours, theirs, False)
    weights = [0.0] * (len(words) + 1)
    for kind, a, b, c, d in plain.get_opcodes():
        if kind == "equal" or b - a == d - c:
            weights[a:b] = [max(old, weight) for old, (_, weight) in zip(weights[a:b], weighted[c:d], strict=True)]
        elif c < d:
            at = next((i for i in range(a, b) if is_hesitation(ours[i])), a)
            weights[at] = max(weights[at], *(weight for _, weight in weighted[c:d]))
    return [(*w[:4], weight) for w, weight in zip(words, weights, strict=False)]
