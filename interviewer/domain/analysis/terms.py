"""Matching the words of a hint point against spoken words, tolerant of ASR errors and inflections."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import jellyfish
from rapidfuzz import fuzz
from wordfreq import zipf_frequency

from interviewer.domain.analysis.spoken_numbers import is_number_name

STOPWORDS = frozenset(
    "a an the and or of in on for to with by at from as is are was were be been being how why what when "
    "which that this these those its it their them they each both between vs e g i not while into via "
    "than then there here such also about can could should would will do does did have has had your "
    "our we you he she his her my me us any all some more most other another one two three four its "
    "per over under up down out off only just very so like well "
    # adverbs that say how, not what: "specifically XGBoost" is said by "XGBoost" (a tmux drive)
    "specifically especially particularly mainly mostly usually generally primarily "
    # a condition, a time or a contraction names no topic ("if I were building a churn model": tuning half)
    "if because where whether until unless since though although after before during without against among "
    "through upon onto toward towards who whom whose am i'd i'm i've i'll we're we've we'd it's you'd you're "
    "they're don't doesn't isn't aren't can't won't didn't wasn't that's there's let's".split()
)
# words that say little about a topic: they may count as evidence but never alone
GENERIC = frozenset(
    "importance important role use uses used using typical typically case cases strategy strategies "
    "technique techniques approach approaches method methods way ways type types kind data model "
    "models learning machine analysis system systems process performance result results good better "
    "best key main different various specific concrete example examples including include based "
    "level levels setting settings need needs make making time work working new high low first "
    "give gives explain discuss describe cover general overall common standard quality issue issues "
    "problem problems value values related support supports across within "
    # verbs that say what a thing does for you, not what it is ("Both provide complementary evidence")
    "provide ensure help allow enable "
    # a trade-off names no topic: "trade-off" alone is not "precision-recall trade-offs"
    "trade tradeoff tradeoffs offs "
    # how good, not what: "fundamental" had weighed as much as "scenarios" ("the fundamental question is
    # whether a human does the job" said "human emotions play a fundamental role", round 16's tuning half)
    "professional comprehensive fundamental thorough successful successfully".split()
)
GENERIC_ENDINGS = ("s", "es", "d", "ed", "ing")  # "makes" is as generic as "make"


def is_generic(word: str) -> bool:
    """A word that says little about a topic, in any inflection of a generic word ("makes", "gets")."""
    word = word.lower()
    return _generic_as_written(word) or any(
        word.endswith(end) and _generic_as_written(word[: -len(end)])
        for end in GENERIC_ENDINGS
        if len(word) > len(end) + 2
    )


def _generic_as_written(word: str) -> bool:
    """A generic word, or a number's name: "thousands of faxes" says a quantity, not "Scales to handle
    thousands of documents simultaneously" (tuning half)."""
    return word in GENERIC or is_number_name(word) or word == "dozen"


SUFFIXES = (
    "ated",
    "ates",
    "ate",
    "izations",
    "ization",
    "ations",
    "ation",
    "ments",
    "ment",
    "ities",
    "ity",
    "ings",
    "ing",
    "ness",
    "ies",
    "ied",
    "ers",
    "er",
    "es",
    "ed",
    "ly",
    "al",
    "ic",
    "s",
)
FUZZY_MIN = 84  # rapidfuzz ratio between stems: 'stratified'~'stratification', 'smote'~'smoted'
PHONETIC_FUZZY_MIN = 60  # a sound-alike ('brier'/'breyer') needs at least this much spelling in common


@dataclass(frozen=True)
class Term:
    text: str  # as written in the hint, lowercase
    weight: float
    acronym: bool = False
    compound: str = ""  # the hyphenated word it is part of, joined: 'pretrained' for 'pre-trained'


ARTICLES = frozenset({"a", "an"})
NUMBER_WORDS = dict(
    zip(
        "zero one two three four five six seven eight nine ten eleven twelve".split(),
        map(str, range(13)),
        strict=True,
    )
)


WORD = re.compile(r"\d+(?:\.\d+)+|[a-z0-9']+")  # a decimal is one word


@lru_cache(maxsize=65536)
def words_of(text: str) -> tuple[str, ...]:
    """Lowercase words, split on spaces, hyphens and slashes: 'cross-validation' -> ('cross', 'validation');
    a decimal stays one word ('0.05'), as a hint writes it."""
    return tuple(w for w in WORD.findall(text.lower().replace("\u2019", "'")) if w.strip("'"))


@lru_cache(maxsize=65536)  # pure, and a 3-minute answer asks for the same few hundred words thousands of times
def stem(word: str) -> str:
    word = word.strip("'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=65536)
def is_acronym(raw: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", raw)
    return 2 <= len(letters) <= 8 and sum(c.isupper() for c in letters) >= max(2, len(letters) - 2)


@lru_cache(maxsize=65536)
def acronym_letters(raw: str) -> str:
    """The letters of an acronym as written, without a plural or possessive: 'EBMs' -> 'ebm',
    "PSI's" -> 'psi', 'P.S.I.' -> 'psi'; '' when `raw` is no acronym."""
    core = re.sub(r"(?<=[A-Z])'?s$", "", raw.strip(" .,;:!?\"'()"))
    letters = re.sub(r"[^A-Za-z0-9]", "", core)
    return letters.lower() if is_acronym(core) else ""


def term_weight(raw: str) -> float:
    word = raw.lower()
    if is_generic(word):
        return 0.5
    if is_acronym(raw) or len(word) >= 9:
        return 2.0
    return 1.0


@lru_cache(maxsize=65536)
def same_word(spoken: str, term: str) -> bool:
    """Whether the spoken word (normalised) is the term, allowing inflection and ASR slips ('brier'/'breyer').

    Sound-alikes stay even when Whisper was sure of the word it wrote: tiny.en wrote "vocal loss"
    for "focal loss" at high probability in a tmux drive; refusing those (tried) would also have
    kept "plate ... scale" from passing for "Platt scaling", a false credit seen in a probe."""
    if spoken == term or spoken in (term + "s", term + "'s"):
        return True  # a plural or possessive: 'EHRs', "PSI's", 'CNNs'
    if len(term) >= 4 and len(spoken) >= 4 and _one_verb_inflected(spoken, term):
        return True  # 'tune'/'tuning': a short root the stems leave whole
    if len(term) <= 3 or len(spoken) <= 2 or _other_derivation(spoken, term):
        return False
    if _same_ize_root(spoken, term) or same_verb(spoken, term):
        return True  # 'quantized'/'quantization', 'detected'/'detection', 'reduce'/'reduction'
    a, b = stem(spoken), stem(term)
    if a == b or (a[:2] == b[:2] and fuzz.ratio(a, b) >= FUZZY_MIN):
        return True
    shorter, longer = sorted((spoken, term), key=len)
    if len(shorter) >= 5 and longer.startswith(shorter) and len(longer) - len(shorter) <= 4:
        return True  # 'clinic'/'clinical', 'calibrate'/'calibrated'
    return _sounds_alike(spoken, term)


# Nouns that take their content from the words beside them, said by another word of their kind: a
# "memory constraint" is a memory problem or issue, a "training time" is how many hours training
# takes. Whole words only: the "limit" of "Central Limit Theorem" names no difficulty.
DIFFICULTY_NOUNS = frozenset(
    "constraint constraints limitation limitations problem problems issue issues challenge challenges "
    "difficulty difficulties".split()
)
DURATIONS = frozenset("seconds minutes hours days weeks months years".split())
KIN = {**dict.fromkeys(DIFFICULTY_NOUNS, DIFFICULTY_NOUNS), "time": DURATIONS, "times": DURATIONS}


def kin_of(term: str) -> frozenset[str]:
    """The words that say `term` beside a word of what it is about ('problem' for 'constraints')."""
    return KIN.get(term, frozenset())


@lru_cache(maxsize=65536)
def same_acronym(spoken: str, acronym: str) -> bool:
    """Whether the spoken word is the acronym: in the plural or possessive, or misheard as a word
    that sounds like it ('snummed' for SNOMED); not a word it starts ('shape' is no SHAP): an
    acronym takes no ending but -s."""
    return spoken in (acronym, acronym + "s", acronym + "'s") or _sounds_alike(spoken, acronym)


def _sounds_alike(spoken: str, term: str) -> bool:
    if is_everyday(term):
        return False  # Whisper writes a common word when it is said: "prediction" is no "production"
    if len(term) >= 5 and len(spoken) > 2 and jellyfish.metaphone(spoken) == jellyfish.metaphone(term):
        return fuzz.ratio(spoken, term) >= PHONETIC_FUZZY_MIN
    return False


EVERYDAY_ZIPF = 4.0  # wordfreq's Zipf scale: 4 is once per 100,000 English words ("pipeline" 4.0, "focal" 3.7)


@lru_cache(maxsize=65536)
def is_everyday(word: str) -> bool:
    """A word common enough in English that a speech recogniser's language model writes it when it is
    said: a sound-alike of it was another word said ("prediction" for "production"), while the rare
    terms it mishears keep theirs ("vocal loss" for "focal loss", "plate" for "Platt")."""
    return zipf_frequency(word, "en", wordlist="small") >= EVERYDAY_ZIPF  # "small": words down to Zipf 3, 4 MB


# Words made from another by "-ize" or "-ate" are other words: "hospitalization" is not said by
# "hospitals", "generalization" not by "generally", "optimization" not by "optimal", "medication" not by
# "medical", "generated" not by "general" (their shared stems had made them one word).
IZE_DERIVED = re.compile(r"(?<=\w{4})i[sz](?:ed|es|ing|ation|ations|er|ers)$|(?<=\w{4})iz(?:e)$")
IZE_KIN = re.compile(r"i[sz](?:e|ed|es|ing|ation|ations|er|ers|ion|ions|or|ors|ory)$")
ATE_ENDINGS = ("ated", "ates", "ate", "ations", "ation")


def _other_derivation(a: str, b: str) -> bool:
    """One word an "-ize" derivative the other is no kin of, or an "-al" adjective against an "-ate"
    verb or its noun."""
    for w, other in ((a, b), (b, a)):
        if IZE_DERIVED.search(w) and not IZE_KIN.search(other):
            return True
    return {_ending(a), _ending(b)} & {"al"} != set() and bool({_ending(a), _ending(b)} & set(ATE_ENDINGS))


def _same_ize_root(a: str, b: str) -> bool:
    """An "-ize" derivative and its kin on one root: 'optimized'/'optimization', 'supervised'/'supervision'."""
    if not (IZE_DERIVED.search(a) or IZE_DERIVED.search(b)):
        return False
    kin = [IZE_KIN.search(w) for w in (a, b)]
    return all(kin) and a[: kin[0].start()] == b[: kin[1].start()] and kin[0].start() >= 4


# A noun said as its verb, or the other way round: 'detected' for 'detection', 'reduce' for 'reduction',
# 'assumed' for 'assumption', 'stratify' for 'stratification' (their stems had differed).
NOUN_TO_VERB = (
    ("ifications", "ify"),
    ("ification", "ify"),
    ("uctions", "uce"),
    ("uction", "uce"),
    ("mptions", "me"),
    ("mption", "me"),
    ("ctions", "ct"),
    ("ction", "ct"),
)
VERB_MIN_LETTERS = 5  # 'act'/'action' and the like are left to the other rules


@lru_cache(maxsize=65536)
def same_verb(a: str, b: str) -> bool:
    """Whether two words are one verb, either of them as its noun ('identifies'/'identification')."""
    va, vb = _verb_of(a), _verb_of(b)
    if (va, vb) == (a, b) or min(len(va), len(vb)) < VERB_MIN_LETTERS:
        return False
    return va == vb or _one_verb_inflected(va, vb)


def _verb_of(word: str) -> str:
    for noun, verb in NOUN_TO_VERB:
        if word.endswith(noun):
            return word[: -len(noun)] + verb
    return word


def _one_verb_inflected(a: str, b: str) -> bool:
    """One word is an inflection of the other as a verb ('tune'/'tuning', 'autoscale'/'autoscaling')."""
    return a in _verb_forms(b) or b in _verb_forms(a)


def _verb_forms(verb: str) -> set[str]:
    forms = {verb + end for end in ("s", "es", "d", "ed", "ing")}
    if verb.endswith("e"):
        forms |= {verb[:-1] + "ing", verb[:-1] + "ed"}
    if verb.endswith("y"):
        forms |= {verb[:-1] + "ied", verb[:-1] + "ies"}
    return forms


def _ending(word: str) -> str:
    """The suffix `stem` takes off, '' when none."""
    return word[len(stem(word)) :] if not word.endswith("'s") else ""


def initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w and w not in STOPWORDS)


# Acronyms of the banks' fields and the words people say instead. The whole expansion says the
# acronym; its last words alone do not: "neural network" is no CNN, "risk score" no PRS, "health
# information" no PHI.
EXPANSIONS = {
    "ehr": "electronic health records",
    "emr": "electronic medical records",
    "ml": "machine learning",
    "ai": "artificial intelligence",
    "prs": "polygenic risk score",
    "gwas": "genome wide association study",
    "ld": "linkage disequilibrium",
    "dp": "differential privacy",
    "kg": "knowledge graph",
    "nlp": "natural language processing",
    "cnn": "convolutional neural network",
    "gnn": "graph neural network",
    "fl": "federated learning",
    "pacs": "picture archiving communication system",
    "phi": "protected health information",
    "roc": "receiver operating characteristic",
    "auc": "area under the curve",
    "ci": "confidence interval",
    "cdss": "clinical decision support system",
    "irb": "institutional review board",
    "ct": "computed tomography",
    "mri": "magnetic resonance imaging",
    "qc": "quality control",
    "fda": "food drug administration",
    "snp": "single nucleotide polymorphism",
    "psi": "population stability index",
    "kl": "kullback leibler",
}


def expansion_of(acronym: str) -> list[str]:
    """The content words of a known expansion, in order: 'fda' -> ['food', 'drug', 'administration']."""
    return [w for w in EXPANSIONS.get(acronym, "").split() if w not in STOPWORDS]


# An acronym nobody listed is said in words whose initials spell it only when those words read as
# a technical name: long words ("explainable boosting machine", mean 8.7 letters), not a phrase of
# everyday ones ("pretty simple idea" spells PSI, mean 5.3). Every expansion listed above but "area
# under the curve" has a mean of 6 or more.
EXPANSION_MIN_MEAN_LETTERS = 6.0


def reads_as_expansion(words: list[str]) -> bool:
    return bool(words) and sum(map(len, words)) / len(words) >= EXPANSION_MIN_MEAN_LETTERS


def joined(first: str, second: str) -> str:
    """Two spoken words written as one, numbers as digits: 'data' 'set' -> 'dataset', 'three' 'D' ->
    '3d', 'F' 'one' -> 'f1'; '' after an article: 'a typical' is not 'atypical'."""
    if first in ARTICLES:
        return ""
    return NUMBER_WORDS.get(first, first) + NUMBER_WORDS.get(second, second)


@lru_cache(maxsize=65536)
def same_compound(spoken: str, compound: str) -> bool:
    """Whether a word is a compound of the hint, split or hyphenated there and written whole here
    (or the other way round): the same word but for an ending ('dataset'/'datasets',
    'finetune'/'finetuned'), no sound-alike ('database' is not 'dataset')."""
    if len(compound) < 2 or not spoken:
        return False
    if spoken == compound or stem(spoken) == stem(compound) or same_verb(spoken, compound):
        return True
    if _one_verb_inflected(spoken, compound):
        return True  # 'autoscale'/'autoscaling'
    shorter, longer = sorted((spoken, compound), key=len)
    return len(shorter) >= 5 and longer.startswith(shorter) and len(longer) - len(shorter) <= 2
