"""Filler words, counted only in filler use.

Hesitations ("um", "uh", "er", "hmm") are always fillers, one type: "um/uh". The others
are fillers only where the sentence does not need them: "I like this model", "do you know
the API", "what I mean by bias is", "so that", "the mean" are content. Whisper marks a filler with commas
(", like,") far more often than content, so punctuation is the main cue, with
grammar guards for the traps.
"""

from __future__ import annotations

from dataclasses import dataclass

from interviewer.domain.analysis.terms import is_acronym
from interviewer.domain.words import Token, comma_before, is_hesitation, sentence_start

HESITATION = "um/uh"
# One type: tiny.en and base write most of espeak's "uh" as "Umm" (WHISPER.md, `interviewer eval`),
# so a count split by sound would be a guess shown as a fact.
ALWAYS = {"basically": "basically", "literally": "literally"}
# words after which "like" is a verb or a comparison, never a filler
# nouns whose "like" brings examples ("methods like SMOTE")
LIKE_EXAMPLES_BEFORE = {
    "something",
    "anything",
    "things",
    "models",
    "methods",
    "tools",
    "techniques",
    "metrics",
    "approaches",
}
LIKE_CONTENT_BEFORE = LIKE_EXAMPLES_BEFORE | {
    "i",
    "you",
    "we",
    "they",
    "he",
    "she",
    "would",
    "d",
    "'d",
    "don't",
    "dont",
    "didn't",
    "doesn't",
    "to",
    "really",
    "also",
    "just",
    "look",
    "looks",
    "looked",
    "feel",
    "feels",
    "felt",
    "seem",
    "seems",
    "sound",
    "sounds",
    "nothing",
    "more",
    "much",
    "not",
    "do",
    "does",
    "did",
    "would've",
    "i'd",
    "we'd",
    "you'd",
    "they'd",
    "i'll",
    "we'll",
}
LIKE_FILLER_AFTER = {
    "the",
    "a",
    "an",
    "we",
    "i",
    "you",
    "they",
    "it",
    "this",
    "that",
    "how",
    "what",
    "maybe",
    "really",
    "very",
    "just",
    "so",
    "even",
    "totally",
    "literally",
    "when",
    "if",
}
# a subject with its verb ("like we're in every note"), as "we" or "it" alone, or a modal ("like can we
# explain"): a clause follows, no example; a possessive opens a noun phrase as "the" does
LIKE_FILLER_AFTER |= {"we're", "i'm", "it's", "they're", "you're", "there's", "we've", "i've", "they've"}
LIKE_FILLER_AFTER |= {"can", "could", "will", "would", "should", "might", "must"}
LIKE_FILLER_AFTER |= {"our", "their", "my", "your", "his", "its"}  # not "her": "people like her"
# prepositions no example opens with ("size, like below a thousand rows", "image, like with the CUDA
# versions pinned"); not "in", "for", "on", "at", "to", "of", which bring cases and examples
LIKE_FILLER_AFTER |= {"with", "without", "below", "above", "under", "into", "from", "during", "within", "across"}
CONJUNCTIONS = {"and", "but", "or", "because", "so"}
SUBJECT_OPENERS = {"the", "a", "an", "we", "i", "you", "it", "they", "he", "she", "our", "their", "this", "each"}
SO_DEGREE = {"far", "much", "many", "long", "few", "little", "that"}  # "so far", "so much": never the opener
SO_CONTENT_AFTER = {"that", "much", "many", "far", "on", "long", "well", "as", "good", "bad", "the", "it", "we"}
KNOW_ASKERS = {"do", "did", "does", "don't", "if", "whether", "as", "would", "could", "should", "you'd", "to"}
# after these, "you know X" is a clause of its own ("and you know the rules", "that you know"); a
# "you know" straight after any other word is dropped into running speech ("keeps you know the share")
CLAUSE_OPENERS = CONJUNCTIONS | {"that", "what", "when", "where", "which", "who", "than", "think", "guess", "hope"}
KNOW_COMPLEMENTS = {"that", "what", "how", "why", "where", "when", "whether", "if", "who", "which"}
# a sentence opened by one of these puts its main clause after the comma ("If you worked with DICOM, you
# know the headers"): there "you know" is that clause, not dropped in
SUBORDINATORS = {"if", "when", "whenever", "once", "as", "since", "after", "before", "because", "unless", "while"}
SUBORDINATORS |= {"although", "though", "until"}
MIN_CLAUSE_WORDS = 4  # a comma after this many words since the last one closes a clause ("we use X inference,")
MEAN_CONTENT_AFTER = {"by", "to", "that"}  # "what I mean by drift", "I mean to say", "I mean that literally"
# "like" followed by one of these approximates or hedges ("like every cause", "like ten percent"):
# filler use even without commas; an example after "like" is a noun ("data like hospital stay")
LIKE_HEDGED = {"every", "almost", "maybe", "about", "around", "roughly", "really", "totally", "just", "literally"}
LIKE_HEDGED |= {"basically", "half"}
LIKE_APPROXIMATES = LIKE_HEDGED - {"every", "really", "just"}  # no example starts with these
MEAN_CONTENT_BEFORE = {"what", "by", "which", "that", "do", "don't", "did", "really"}


@dataclass(frozen=True)
class FillerHit:
    type: str
    start: float
    end: float
    first: int  # token index of the filler's first word
    length: int = 1  # tokens


def find_fillers(tokens: list[Token]) -> list[FillerHit]:
    """Every filler in filler use, in order; multi-word fillers ("you know") count once."""
    hits: list[FillerHit] = []
    i = 0
    while i < len(tokens):
        kind, length = classify(tokens, i)
        if kind:
            hits.append(FillerHit(kind, tokens[i].start, tokens[i + length - 1].end, i, length))
            i += length
        else:
            i += 1
    return hits


def classify(tokens: list[Token], i: int) -> tuple[str, int]:
    """The filler type starting at token `i` and its length in tokens, or ("", 0)."""
    word = tokens[i].norm
    if is_hesitation(word):
        return HESITATION, 1
    if word in ALWAYS:
        return ALWAYS[word], 1
    checks = {"like": _like, "you": _you_know, "i": _i_mean, "so": _so, "actually": _actually, "right": _right}
    check = checks.get(word)
    return check(tokens, i) if check else ("", 0)


def _neighbour(tokens: list[Token], i: int) -> str:
    return tokens[i].norm if 0 <= i < len(tokens) else ""


def _next_is_filler(tokens: list[Token], i: int) -> bool:
    return i < len(tokens) and is_hesitation(tokens[i].norm)


def _like(tokens: list[Token], i: int) -> tuple[str, int]:
    before, after = _neighbour(tokens, i - 1), _neighbour(tokens, i + 1)
    if before in LIKE_EXAMPLES_BEFORE and after in LIKE_APPROXIMATES:
        return "like", 1  # "metrics like almost perfect": an approximation is no example of metrics
    if before in LIKE_CONTENT_BEFORE and not tokens[i - 1].pause_after:
        return "", 0  # "I like this model", "looks like", "methods like SMOTE"
    if _names_an_example(tokens, i + 1):
        return "", 0  # "resampling like, SMOTE": Whisper's comma, an example (seen in the TUI)
    if tokens[i].pause_after or _next_is_filler(tokens, i + 1):
        return "like", 1  # "like," / "like, um"
    opens = comma_before(tokens, i) or before in CONJUNCTIONS or is_hesitation(before)
    if opens and after in LIKE_FILLER_AFTER:
        return "like", 1  # ", like the top few percent", "and like we"; not ", like SMOTE"
    if after in LIKE_HEDGED or after[:1].isdigit():
        return "like", 1  # "confounding like every cause", "like 30 percent"
    return "", 0


def _names_an_example(tokens: list[Token], i: int) -> bool:
    """Token `i` is an acronym (SMOTE, GDPR), the typical example after "like"."""
    return i < len(tokens) and is_acronym(tokens[i].text)


def _you_know(tokens: list[Token], i: int) -> tuple[str, int]:
    if _neighbour(tokens, i + 1) != "know" or tokens[i].pause_after:
        return "", 0
    before = _neighbour(tokens, i - 1)
    if before in KNOW_ASKERS and not (i > 0 and tokens[i - 1].pause_after):
        return "", 0
    know = tokens[i + 1]
    if know.pause_after or i + 2 >= len(tokens) or _next_is_filler(tokens, i + 2):
        return "you know", 2
    in_running_speech = not (sentence_start(tokens, i) or comma_before(tokens, i)) and before not in CLAUSE_OPENERS
    if (in_running_speech or _after_a_clause(tokens, i)) and _neighbour(tokens, i + 2) not in KNOW_COMPLEMENTS:
        return "you know", 2  # "keeps you know the same share"; not "do you know the API", "you know the answer."
    return "", 0


def _after_a_clause(tokens: list[Token], i: int) -> bool:
    """Token `i` follows a comma that closes a main clause ("we use sliding-window inference, you know
    overlapping patches"), not an opening phrase ("In radiology, you know", "If you tried, you know")."""
    if sentence_start(tokens, i) or not comma_before(tokens, i):
        return False
    opening = i - 1
    while opening > 0 and not tokens[opening - 1].ends_sentence:
        opening -= 1
    since_comma = next((i - k for k in range(i - 1, opening, -1) if tokens[k - 1].pause_after), i - opening)
    return tokens[opening].norm not in SUBORDINATORS and since_comma >= MIN_CLAUSE_WORDS


def _i_mean(tokens: list[Token], i: int) -> tuple[str, int]:
    if _neighbour(tokens, i + 1) != "mean" or tokens[i].pause_after:
        return "", 0
    before = _neighbour(tokens, i - 1)
    if before in MEAN_CONTENT_BEFORE and not tokens[i - 1].pause_after:
        return "", 0
    mean = tokens[i + 1]
    if mean.pause_after or _next_is_filler(tokens, i + 2):
        return "i mean", 2
    if _neighbour(tokens, i + 2) not in MEAN_CONTENT_AFTER and i + 2 < len(tokens):
        return "i mean", 2  # "and I mean an overconfident prediction", "I mean a small gain"
    return "", 0


def _so(tokens: list[Token], i: int) -> tuple[str, int]:
    after = _neighbour(tokens, i + 1)
    opening = sentence_start(tokens, i)
    if after == "that" and not (opening and tokens[i].pause_after and not _purpose_clause(tokens, i + 2)):
        return "", 0  # "so that": Whisper often writes "So, that the model ..." (measured, tiny.en)
    if after in SO_CONTENT_AFTER and not tokens[i].pause_after and not (opening and after not in SO_DEGREE):
        return "", 0
    if opening and after not in SO_DEGREE:
        return "so", 1  # "So I read ...", "So if the PSI ...": the opener, comma or not; not "So far"
    if comma_before(tokens, i) and (tokens[i].pause_after or _next_is_filler(tokens, i + 1)):
        return "so", 1
    return "", 0


def _purpose_clause(tokens: list[Token], i: int) -> bool:
    """A subject follows "so that" ("so that the model ..."): a purpose clause, not "So, that leaves ..."."""
    return _neighbour(tokens, i) in SUBJECT_OPENERS


def _right(tokens: list[Token], i: int) -> tuple[str, int]:
    """The tag ", right?" closing a sentence or ", right," inside one, and "Right, ..." opening one;
    not "the right threshold", "that's right", "right now"."""
    if comma_before(tokens, i) and i > 0 and tokens[i].pause_after:
        return "right", 1
    if sentence_start(tokens, i) and tokens[i].pause_after and _neighbour(tokens, i + 1) != "now":
        return "right", 1
    return "", 0


def _actually(tokens: list[Token], i: int) -> tuple[str, int]:
    """ "Actually" opening a sentence, comma or not (Whisper drops it: "Actually I also check ..."), or
    between commas at a clause's start, or after a comma with a clause opening after it (Whisper joins
    the sentence it opens to the one before: "runs the sample again, actually the hardest part was").
    Not "it actually held", "the actual effect"."""
    if sentence_start(tokens, i) or (comma_before(tokens, i) and tokens[i].pause_after):
        return "actually", 1
    if comma_before(tokens, i) and _neighbour(tokens, i + 1) in SUBJECT_OPENERS:
        return "actually", 1
    return "", 0
