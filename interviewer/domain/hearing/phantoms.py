"""Words Whisper wrote that nobody said: the sound decides, with the words' own confidence, and loops.

Measured on the evaluation set (tiny.en, streaming, disfluent prompt): Whisper ends chunks
with "Thank you." (first word p 0.01-0.08, often two words in 0.1 s), writes "Okay." over
silence (p 0.02, no voiced frame under it) and echoes its prompt mid-answer ("Okay, I'm
going to measure it." squeezed into 0.28 s, first word p 0.00). Said words, even misheard
ones, lie on voiced audio and take at least ~0.1 s each. So a sentence is dropped when
its first word is unsure and it is squeezed, unvoiced, or one of Whisper's stock endings.
"""

from __future__ import annotations

import re

from interviewer.domain.hearing import signal
from interviewer.domain.transcript import Word

UNSURE_P = 0.1  # a sentence opening below this probability is a candidate
SQUEEZED_S_PER_WORD = 0.1  # faster than 10 words a second nobody speaks
UNVOICED_SHARE = 0.25  # less voiced audio than this share of its span: said over silence
REACH_S = 0.05  # Whisper's word edges are this loose
STOCK_PHRASES = frozenset(  # Whisper's stock endings, and tails in the style of the disfluent prompt
    ("thank you", "thank you very much", "thanks for watching", "thanks for listening", "okay", "bye", "you")
    + ("like", "like this", "so")
)
SILENCE_SLACK_S = 0.2  # Whisper's word edges may sit this far into silence
TAIL_S = 0.3  # less sound than this after a sentence starts: it was not said
LOOP_REPEATS = 4  # "no, no, no" is speech; four of one word running is a loop
LOOP_PHRASE_WORDS = 8  # openai-whisper tiny.en wrote "I'm not sure if I can." 19 times running
PHRASE_REPEATS = 3
PILED_UP_WORDS = 12  # more words than this starting within one second: a decoder loop (said answers reach 9)
_SENTENCE_END = re.compile(r"[.?!]\W*$")


def sentences(words: tuple[Word, ...] | list[Word]) -> list[tuple[int, int]]:
    """`[first, end)` index pairs of the sentences, split after words ending in . ? or !"""
    spans, first = [], 0
    for i, word in enumerate(words):
        if _SENTENCE_END.search(word.text.strip()):
            spans.append((first, i + 1))
            first = i + 1
    if first < len(words):
        spans.append((first, len(words)))
    return spans


def is_phantom(words: list[Word], levels: signal.Levels | None) -> bool:
    """Whether this sentence was written by the decoder rather than heard."""
    if not words or words[0].probability >= UNSURE_P:
        return False
    span = max(0.0, words[-1].end - words[0].start)
    if len(words) >= 2 and span < SQUEEZED_S_PER_WORD * len(words):
        return True
    if _plain(words) in STOCK_PHRASES:
        return True
    if levels is None or levels.voiced.size == 0:
        return False
    voiced = signal.voiced_seconds(levels, words[0].start - REACH_S, words[-1].end + REACH_S)
    return voiced < UNVOICED_SHARE * max(span, 2 * REACH_S)


def without_phantoms(words: tuple[Word, ...], levels: signal.Levels | None) -> tuple[Word, ...]:
    kept: list[Word] = []
    for first, end in sentences(words):
        sentence = list(words[first:end])
        if not is_phantom(sentence, levels):
            kept.extend(sentence)
    looped = loop_indices(kept)
    return tuple(w for i, w in enumerate(kept) if i not in looped)


def without_unsure_tail(words: tuple[Word, ...], sound_end_s: float) -> tuple[Word, ...]:
    """Without a last sentence that opens unsure within TAIL_S of the end of all sound: no
    sentence fits there (seen in the TUI: "decisions. This is..." with "This" p 0.01 starting
    0.17 s before the sound ended, over the real end of "decisions")."""
    spans = sentences(words)
    if not spans:
        return words
    first, _ = spans[-1]
    opening = words[first]
    if opening.probability < UNSURE_P and sound_end_s - opening.start < TAIL_S:
        return words[:first]
    return words


def loop_indices(words: list[Word] | tuple[Word, ...]) -> set[int]:
    """Indices of the words in decoder loops: one word said LOOP_REPEATS times running, or a
    phrase of up to LOOP_PHRASE_WORDS words PHRASE_REPEATS times (at temperature 0, base wrote
    "ndy ndy ndy ..." for 40 words in a chunk; nobody speaks like that)."""
    norms = [_plain([w]) for w in words]
    looped: set[int] = set()
    for size in range(1, LOOP_PHRASE_WORDS + 1):
        repeats = LOOP_REPEATS if size == 1 else PHRASE_REPEATS
        i = 0
        while i + size <= len(norms):
            count = 1
            while norms[i + count * size : i + (count + 1) * size] == norms[i : i + size]:
                count += 1
            if count >= repeats:
                looped.update(range(i, i + count * size))
                i += count * size
            else:
                i += 1
    return looped


def piled_up(starts: list[float]) -> bool:
    """Whether more than PILED_UP_WORDS of these word start times fall within one second: Whisper
    repeating its prompt, every copy timed at one spot (tiny.en on a fitted window wrote 40 words
    at 16 s of a Scottish voice's answer)."""
    starts = sorted(starts)
    return any(starts[i + PILED_UP_WORDS] - starts[i] < 1.0 for i in range(len(starts) - PILED_UP_WORDS))


def _plain(words: list[Word]) -> str:
    return " ".join(re.sub(r"[^\w' ]", " ", " ".join(w.text for w in words)).lower().split())


def heard_in_sound(words: tuple[Word, ...], levels: signal.Levels | None) -> tuple[Word, ...]:
    """The words without those heard in the silence before or after all sound (Whisper adds "Thank
    you." or repeats a hotword over a silent tail) and without the sentences it wrote mid-answer
    that the sound does not hold (see phantoms.py). Other words in pauses are kept: their times
    may just be off."""
    if levels is None or not levels.voiced.any():
        return without_phantoms(tuple(words), levels)
    first = signal.first_voiced(levels, 0.0, len(levels.voiced) * levels.frame_s)
    last = signal.last_voiced(levels, 0.0, len(levels.voiced) * levels.frame_s)
    inside = tuple(w for w in words if w.end >= first - SILENCE_SLACK_S and w.start <= last + SILENCE_SLACK_S)
    return without_phantoms(without_unsure_tail(inside, last), levels)
