"""Hesitations Whisper weighed and did not write, put back where it weighed them.

In running speech Whisper writes another word where "um" or "uh" was said ("and um it" -> "and I'm,
it"; "uh for the estimate" -> "Affirmative, estimated") or leaves it out, but its decoder still gives
the hesitation some probability on the way to the next word; the engine adapter records it as
`Word.hesitation_before`. Where that probability reaches WEIGHED_HESITATION_MIN (tuned on the
evaluation's tuning half, README "Hesitations Whisper weighed"), a hesitation is
added before the word, at the word's start, with that probability.

A word that sounds like a hesitation needs less: Whisper writes "I'm" for "um" (/əm/). Said "I'm"
got at most 0.0005 (47 in four voices, benchmarks/stand_ins.py); on the tuning half "I'm" written for a
said "um" got 0.0012-0.037 and one written for "I use M" 0.0013, so 0.0015 and over is the "um" it
stands for, inside a sentence: at an answer's start, where Whisper weighs a hesitation more, "OMOP
is" came back "I'm a bit of" with 0.0167 (legacy set). Those figures are tiny.en's; in
benchmarks/clean_speech.py's sentences (seven voices, pieces ending at a sentence's end) 1 of 75 said
"I'm" inside a sentence reached 0.0015 in tiny.en (0.0019).

Each model weighs on its own scale, so each has its own `Weighing` (WEIGHING, measured per model
with benchmarks/hesitation_threshold.py on the tuning half's saved transcripts and
benchmarks/clean_speech.py on speech with no hesitation in it). base gives a hesitation less weight
everywhere: where nothing was said its words reach 0.008 about as often as tiny.en's reach 0.03
(0.13 % and 0.11 % of 4,634 and 4,671 words: the tuning half's words with no um/uh near and 34
clean sentences in its seven voices), and of the ten um/uh base missed at 0.03 on the tuning half,
three had 0.0086-0.021 (the rest 0.0045 and less, six under 0.0025). A said "I'm" reached 0.0064 in
base (48 in four voices, benchmarks/stand_ins.py --model base; 0.0041 inside clean sentences), while on
the tuning half (round 18's saved transcripts) all 12 "I'm" base wrote inside a sentence for a said "um"
had 0.0127-0.41: each came out "um I'm", the hesitation put back and the word it was heard as kept. So
base's stand-in minimum is its own minimum, 0.008: an "I'm" weighed that much is the "um" itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from interviewer.domain.transcript import Word
from interviewer.domain.words import SENTENCE_END, is_hesitation, letters_and_digits, norm_of

WEIGHED_HESITATION_MIN = 0.03  # tiny.en: the middle of 0.02-0.04, where the tuning half's figures were the same
STAND_INS = {"i'm": 0.0015}  # words Whisper writes for a hesitation that sounds like them, and their minimum
WRITTEN_NEARBY_S = 1.0  # a hesitation written this close before the word is the one it weighed


@dataclass(frozen=True)
class Weighing:
    """How much weight one model's decoder must give a hesitation for it to be put back."""

    minimum: float = WEIGHED_HESITATION_MIN
    stand_ins: dict[str, float] = field(default_factory=lambda: dict(STAND_INS))


# by model; tiny.en (and any model not named) has the defaults. base: 0.008 is the highest minimum
# with its best tuning-half figures (0.0045-0.0086 gave the same), where clean speech fires no more
# often than tiny.en's at 0.03 (0.004: 0.26 % of words)
WEIGHING: dict[str, Weighing] = {"base": Weighing(minimum=0.008, stand_ins={"i'm": 0.008})}


def weighing_for(model: str) -> Weighing:
    return WEIGHING.get(model, Weighing())


def weighed_hesitations(words: list[Word], weighing: Weighing = Weighing()) -> list[Word]:
    """`words` with a hesitation before each word that Whisper gave one `weighing.minimum` probability
    or more (a stand-in word its own minimum)."""
    out: list[Word] = []
    for i, word in enumerate(words):
        weight, norm = word.hesitation_before, norm_of(word.text)
        opens = not out or out[-1].text.rstrip()[-1:] in SENTENCE_END
        stand_in = norm in weighing.stand_ins and not opens
        written = _written_before(out, word) or _written_next(words[i + 1 : i + 2], word)
        if weight < (weighing.stand_ins[norm] if stand_in else weighing.minimum) or written:
            out.append(word)
            continue
        hesitation = " Um" if opens else " um"
        if stand_in:  # the word is the hesitation, heard as a word
            out.append(Word(hesitation + trailing_punctuation(word.text), word.start, word.end, weight))
        else:
            out.append(Word(hesitation + ("," if opens else ""), word.start, word.start, weight))
            out.append(word)
    return out


def unfused_hesitations(words: list[Word], terms: tuple[str, ...]) -> list[Word]:
    """`words` with a hesitation Whisper wrote onto a term of the question split off it: "Plinkum" for
    "PLINK, um" (tuning half, base) is "PLINK" and "um". Only where the rest is one of `terms` (the
    hotwords): "maximum" or "medium" end in "um" too."""
    spelled = {letters_and_digits(t): t.strip() for t in terms if " " not in t.strip()}
    out: list[Word] = []
    for word in words:
        out.extend(_unfused(word, spelled))
    return out


def _unfused(word: Word, spelled: dict[str, str]) -> list[Word]:
    letters = letters_and_digits(word.text)
    if letters in spelled:
        return [word]
    for cut in range(len(letters) - 2, 2, -1):
        stem, tail = letters[:cut], letters[cut:]
        if is_hesitation(tail) and stem in spelled:
            split = word.start + (word.end - word.start) * cut / len(letters)
            term = Word(" " + spelled[stem], word.start, split, word.probability, word.hesitation_before)
            return [term, Word(f" {tail}{trailing_punctuation(word.text)}", split, word.end, word.probability)]
    return [word]


def trailing_punctuation(text: str) -> str:
    stripped = text.rstrip()
    return stripped[len(stripped.rstrip(",.?!;:")) :]


def _written_next(following: list[Word], word: Word) -> bool:
    """Whisper wrote a hesitation as the next word: the one it weighed before this word ("So, um,"
    at an answer's start, 0.008 before "So" in base: legacy set)."""
    return any(after.start - word.end <= WRITTEN_NEARBY_S and is_hesitation(norm_of(after.text)) for after in following)


def _written_before(earlier: list[Word], word: Word) -> bool:
    """The word is itself a hesitation, or one was written just before it."""
    if is_hesitation(norm_of(word.text)):
        return True
    for before in reversed(earlier):
        if word.start - before.end > WRITTEN_NEARBY_S:
            return False
        if is_hesitation(norm_of(before.text)):
            return True
    return False
