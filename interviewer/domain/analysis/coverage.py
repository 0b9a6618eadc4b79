"""Which points of the hint the answer covered, when, and the words that show it.

A point is a set of term groups ("SMOTE/ADASYN" is one group with two alternatives).
The answer covers a point when, within a short stretch of speech, it says enough
of the point's weight (acronyms and long words weigh more, generic words less) and
at least one word that is not generic. Acronyms match their spoken expansion and
the other way round ("PRS" / "polygenic risk score").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from interviewer.domain.analysis.hint_points import EXAMPLES_MARK, PARENTHESIS, STRUCTURAL_LABEL, point_items
from interviewer.domain.analysis.model import Coverage, HintItem, HintPoint
from interviewer.domain.analysis.terms import (
    STOPWORDS,
    Term,
    acronym_letters,
    expansion_of,
    initials,
    is_acronym,
    is_generic,
    joined,
    kin_of,
    reads_as_expansion,
    same_acronym,
    same_compound,
    same_word,
    stem,
    term_weight,
    words_of,
)
from interviewer.domain.words import Token, letters_and_digits

COVERED_SHARE = 0.4  # of a point's weight, said within one window
WINDOW_WORDS = 40  # the evidence for one point lies within this many spoken words
# a thing named in two or more words is said with two of them: "estimator" is not "doubly robust
# estimators", "divergence" not "KL divergence", "GPU" not "GPU optimization" (tuning half: 3 of the
# 4 missed items shown covered were such; raising COVERED_SHARE to 0.55 instead cost 0.09 accuracy)
MIN_TERMS_SAID = 2
# Each item keeps the unprompted word probability of its best evidence (faster-whisper aligns the
# words with no prompt) as `confidence`. It was meant to refuse items the prompt wrote; measured, it
# does not tell them apart ("SMOTE" said plainly by Piper came back at p 0.035 from tiny.en in a
# tmux drive; said items of the tuning half went down to 0.077), so it decides nothing.
# an acronym said stands for the point's words with its initials only from 3 letters on, or when
# listed (terms.EXPANSIONS): two letters match too many pairs of words by chance
UNLISTED_ACRONYM_MIN_LETTERS = 3
EXAMPLE_MIN_WEIGHT = 2.0  # an example in parentheses counts when distinctive ("(e.g., PubMedBERT)")
PURPOSE = re.compile(r"\s+(?:for|when|where|if|because|so that|to ensure|in order to)\s+", re.IGNORECASE)
KIN_REACH = 4  # words between a noun said by its kind and the word that says what it is about
NAMED_INSTANCE_MAX_WORDS = 3  # "(Manhattan plots)" names one thing; longer is a description
LIST_MARK = re.compile(r",|/|\band\b|\bor\b|\bon\b|\bvs\b", re.IGNORECASE)
# a prefix that makes the rest another kind of thing: the part after it is not said on its own
OTHER_KIND_PREFIXES = frozenset({"non", "semi", "self", "un", "anti", "pseudo", "quasi", "counter"})
NAME_SHARE_NEEDED = 0.5  # of a name's weight, among a point's words said together ("error" of "Error handling")
NAME_MIN_WEIGHT = 2.0  # a name before "for" said alone: an acronym or a long word, or two words
# Two of an item's words heard next to each other (neighbours in the hint's order among those heard) this
# close say it as a phrase. Tuning half (58 answers, round 16): of the 188 labelled items shown said, the 8
# of three words or more with no such pair held 2 of the 4 false credits, the other 180 held 2. Requiring
# the pair would cost 6 true items for those 2 (items 257 -> 253 of 313), so it only marks the item.
TOGETHER_REACH = 4
PHRASE_MIN_TERMS = 3  # words of the hint an item needs for "heard apart" to mean anything


@dataclass(frozen=True)
class Group:
    alternatives: tuple[Term, ...]
    weight: float
    optional: bool = False  # an example in parentheses, or what a named thing is for: counted when said, not required


@dataclass(frozen=True)
class Reading:
    """One way a point can be said: its term groups, and the name (groups) of which at least
    NAME_SHARE_NEEDED of the weight must be among the evidence (none: no name needed)."""

    groups: list[Group]
    name: list[Group]


def point_groups(point: str) -> list[Group]:
    """The term groups of one hint point, as a name and what it is for when it has one."""
    return point_readings(point)[0].groups


def point_readings(point: str) -> list[Reading]:
    """The ways one hint point can be said: a thing named and what it is for ("SHAP/LIME for post-hoc
    explanation") by its name, the purpose counting as an example does; and by all its words together
    with half the name among them ("a corrupted PDF ... log the error" says "Error handling for
    corrupted documents" without "handling"; "we predict the direction and test it" says no "one-tailed
    testing when we specifically predict directionality")."""
    point = STRUCTURAL_LABEL.sub("", point).replace("\u2019", "'")
    examples = " ".join(PARENTHESIS.findall(point))
    whole = PARENTHESIS.sub(" ", point)
    name, purpose = _name_and_purpose(whole)
    named = _groups_of(name, optional=False)
    readings = [Reading(_with_examples(named, f"{examples} {purpose}"), [])]
    if purpose:
        readings.append(Reading(_with_examples(_groups_of(whole, optional=False), examples), named))
    return readings


def _with_examples(groups: list[Group], examples: str) -> list[Group]:
    groups = groups + [g for g in _groups_of(examples, optional=True) if g not in groups]
    return _once_each(groups)


def _name_and_purpose(text: str) -> tuple[str, str]:
    """A thing named and what it is for ("SHAP/LIME for post-hoc explanation"): the name says the
    item, the purpose counts as an example does. Only when the words before "for" are a bare name
    (no article, verb or conjunction among them, no heading) that weighs enough to be said alone:
    "Train is for fitting the model" and "Great for distributions" keep all their words."""
    name, *purpose = PURPOSE.split(text, maxsplit=1)
    words = re.split(r"[\s,/]+", name.strip())
    if not purpose or any(w.lower() in STOPWORDS or w.endswith(":") for w in words):
        return text, ""
    groups = _groups_of(name, optional=False)
    if sum(map(_name_weight, groups)) < NAME_MIN_WEIGHT or not any(_distinctive(g, frozenset()) for g in groups):
        return text, ""
    return name, purpose[0]


def _name_weight(group: Group) -> float:
    """Two letters name too many things to name one alone ("CI" of "CI/CD", of a confidence interval)."""
    return group.weight if any(len(t.text) > 2 for t in group.alternatives) else 0.0


def _once_each(groups: list[Group]) -> list[Group]:
    """A word the point writes twice is one term: "Homogeneity of Variance: If variances are unequal"
    is not said by "variance" twice over (it showed from an answer's "bias-variance")."""
    kept: list[Group] = []
    for group in groups:
        [term, *more] = group.alternatives
        if more or not any(same_word(term.text, t.text) for g in kept for t in g.alternatives):
            kept.append(group)
    return kept


def _groups_of(text: str, optional: bool) -> list[Group]:
    groups: list[Group] = []
    for chunk in re.split(r"\s+|,|=|\(|\)", text):
        alternatives = []
        for raw in re.split(r"[/]", chunk):
            raw = raw.strip(".;:'\"()")
            percent = raw.endswith("%")  # a figure of the item's own ("94% accuracy"), said in digits by Whisper
            raw = raw.rstrip("%")
            parts = [raw] if is_acronym(raw) else re.split(r"[-_]", raw)  # "max_features" is said "max features"
            compound = "".join(parts).lower().strip("'") if len(parts) > 1 else ""
            for part in parts:
                word = part.lower().strip("'")
                if (
                    len(word) < 2
                    or word in STOPWORDS
                    or (word.isdigit() and not percent)
                    or word.replace("_", "").replace(".", "") in {"eg", "ie"}
                ):
                    continue
                acronym = acronym_letters(part)
                alternatives.append(Term(acronym or word, term_weight(part), bool(acronym), compound))
        if alternatives and len(alternatives) > 1 and "/" in chunk:
            groups.append(Group(tuple(alternatives), max(t.weight for t in alternatives), optional))
        else:
            groups.extend(Group((t,), t.weight, optional) for t in alternatives)
    return groups


def group_hits(group: Group, tokens: list[Token]) -> list[int]:
    """Token indices where the group is said (for an acronym: also the first word of its expansion)."""
    hits = []
    spoken = [words_of(t.norm) for t in tokens]
    for i, parts in enumerate(spoken):
        for term in group.alternatives:
            if _part_said(term, parts) or _acronym_spelled(term, spoken, i) or _compound_said(term, tokens, spoken, i):
                hits.append(i)
                break
    return hits


def _part_said(term: Term, parts: tuple[str, ...]) -> bool:
    """The term among a spoken word's parts, or the parts written whole ('de-identify' for
    'deidentification'); a part of the hint's compound not from another compound: the "cross" of
    "cross-validation" is not the "cross" of "cross-entropy"."""
    if term.acronym:
        return any(same_acronym(p, term.text) for p in parts)
    if len(parts) > 1 and same_word("".join(parts), term.text):
        return True  # 'de-identify' for 'deidentification'
    if not any(same_word(p, term.text) for p in parts):
        return False
    if len(parts) > 1 and parts[0] in OTHER_KIND_PREFIXES and not same_word(parts[0], term.text):
        return False  # "semi-supervised" says no "supervised", "non-linear" no "linear"
    return not term.compound or len(parts) < 2 or same_compound("".join(parts), term.compound)


def _compound_said(term: Term, tokens: list[Token], spoken: list[tuple[str, ...]], i: int) -> bool:
    """A word the hint hyphenates said whole ('pretrained' for 'pre-trained'), or a word of the hint
    heard split in two within a sentence ('data set' for 'dataset', 'three D' for '3D')."""
    if term.compound and any(same_compound(p, term.compound) for p in spoken[i]):
        return True
    if i + 1 >= len(spoken) or not spoken[i] or not spoken[i + 1] or tokens[i].pause_after:
        return False
    return same_compound(joined(spoken[i][-1], spoken[i + 1][0]), term.text)


def _acronym_spelled(term: Term, spoken: list[list[str]], i: int) -> bool:
    """'PRS' said as 'polygenic risk score', or 'P.R.S.' heard as letters."""
    if not term.acronym:
        return False
    size = len(term.text)
    window = [w for parts in spoken[i : i + size + 3] for w in parts]
    if window and window[0] in STOPWORDS:
        return False
    letters = "".join(w for w in window[:size] if len(w) == 1)
    if letters == term.text:
        return True
    content = [w for w in window if w not in STOPWORDS]
    known = expansion_of(term.text)
    if known:
        return len(content) >= len(known) and all(map(same_word, content, known))
    named = content[:size]
    return size >= 3 and initials(named) == term.text and reads_as_expansion(named)


def assess_point(point: str, tokens: list[Token], shared: frozenset[str] = frozenset()) -> HintItem:
    """Whether `point` (or one item of it) was said, in any of its readings. `shared` holds terms several
    items of the hint use ("bias" in "selection bias", "label bias"): they weigh half and cannot show an
    item alone. `confidence` is the best evidence word's unprompted probability (recorded, not used)."""
    tokens = _boundaries_as_the_point_has_them(point, tokens)
    said, best, best_distinctive, apart = False, [], [], False
    for reading in point_readings(point):
        said, best, best_distinctive, apart = _said_in_one_window(point, reading, tokens, shared)
        if said:
            break
    if not said and (instance := _named_instance_said(point, tokens)):
        said, best, best_distinctive, apart = True, instance, instance, False
    confidence = max((tokens[i].probability for i in best_distinctive), default=0.0) if said else 0.0
    evidence = " ".join(tokens[i].text for i in best) if said else ""
    at_s = round(tokens[best[0]].start, 2) if said else None
    return HintItem(point, said, at_s, evidence, confidence, said and apart)


def _said_in_one_window(point: str, reading: Reading, tokens: list[Token], shared: frozenset[str]):
    """(said, the evidence's token indices, its distinctive ones) for one reading of the point."""
    shared = _own_words_unless_all_shared(reading.groups, shared)
    groups = [_shared(g, shared) for g in reading.groups]
    name = {id(g) for g, original in zip(groups, reading.groups, strict=True) if original in reading.name}
    name_needed = NAME_SHARE_NEEDED * sum(g.weight for g in groups if id(g) in name)
    required = [g for g in groups if not g.optional]
    total = sum(g.weight for g in required) or 1.0
    hits = {id(g): group_hits(g, tokens) for g in groups}
    hits.update(_expansion_hits(point, tokens, required, hits))
    hits.update(_kin_hits(tokens, required, hits))
    spoken = [words_of(t.norm) for t in tokens]
    best_score, best, best_distinctive, best_span, best_anchor = 0.0, [], [], 0, 0
    for anchor in sorted({i for found in hits.values() for i in found}):
        said = [
            (g, min(i for i in hits[id(g)] if anchor <= i < anchor + WINDOW_WORDS))
            for g in groups
            if any(anchor <= i < anchor + WINDOW_WORDS for i in hits[id(g)])
        ]
        weight = {id(g): g.weight / 2 if _part_alone(g, groups, said, spoken, i) else g.weight for g, i in said}
        score = sum(weight[id(g)] for g, _ in said if not g.optional)
        score += sum(weight[id(g)] for g, _ in said if g.optional and g.weight >= EXAMPLE_MIN_WEIGHT)
        distinctive = [i for g, i in said if _distinctive(g, shared)]
        enough = len({id(g) for g, _ in said if not g.optional}) >= min(MIN_TERMS_SAID, len(required))
        if name:
            name_said = [g for g, _ in said if id(g) in name]
            enough = (
                enough
                and sum(weight[id(g)] for g in name_said) >= name_needed
                and any(_distinctive(g, shared) for g in name_said)
            )
        counted = [i for g, i in said if not g.optional or g.weight >= EXAMPLE_MIN_WEIGHT]
        if distinctive and enough and _better(score, counted, best_score, best_span):
            best_score, best, best_distinctive = score, sorted(i for _, i in said), distinctive
            best_span, best_anchor = max(counted) - min(counted), anchor
    apart = _heard_apart(required, hits, best_anchor)
    return best_score / total >= COVERED_SHARE, best, best_distinctive, apart


def _heard_apart(required: list[Group], hits: dict, anchor: int) -> bool:
    """An item of PHRASE_MIN_TERMS words or more said with no two of its neighbouring words within
    TOGETHER_REACH of each other: its words were heard, each in a sentence of its own kind ("a new
    result simply overrides the old one ... each drug's mechanism ... every clinician message" for
    "clinician override mechanisms"), which shows an item said far less surely than its words together."""
    if len(_hint_words(required)) < PHRASE_MIN_TERMS:
        return False
    first = anchor - TOGETHER_REACH  # a word said just before the evidence's first is said with it
    heard = [
        [i for g in unit for i in hits[id(g)] if first <= i < anchor + WINDOW_WORDS] for unit in _hint_words(required)
    ]
    heard = [found for found in heard if found]
    return len(heard) >= 2 and not any(abs(x - y) <= TOGETHER_REACH for a, b in pairwise(heard) for x in a for y in b)


def _part_alone(group: Group, groups: list[Group], said: list, spoken: list[tuple[str, ...]], i: int) -> bool:
    """Token i says one part of the hint's compound on its own, neither in the compound nor beside
    its other part, and no other part of it is said in the window: "scale" (heard for "scan") says
    half of "large-scale"; "precision and recall" says all of "precision-recall"; "df" all of "df_t",
    whose other part is too short to be a term."""
    compounds = {t.compound for t in group.alternatives if t.compound}
    siblings = [g for g in groups if g is not group and compounds & {t.compound for t in g.alternatives}]
    if not siblings or any(other in siblings for other, _ in said):
        return False
    here = "".join(spoken[i])
    around = [here]
    if i > 0:
        around.append("".join(spoken[i - 1]) + here)
    if i + 1 < len(spoken):
        around.append(here + "".join(spoken[i + 1]))
    return not any(same_compound(w, c) for c in compounds for w in around)


def _hint_words(groups: list[Group]) -> list[list[Group]]:
    """The groups as the hint's words: the parts of one compound ("real" and "time" of "real-time") are one."""
    words: list[list[Group]] = []
    for group in groups:
        compound = group.alternatives[0].compound
        if compound and words and words[-1][0].alternatives[0].compound == compound:
            words[-1].append(group)
        else:
            words.append([group])
    return words


def _better(score: float, counted: list[int], best_score: float, best_span: int) -> bool:
    """A window that says more of the point, or as much in fewer words (else the earlier): the evidence
    and its time are where the point was made ("tie it to a real example"), not a stray earlier word of
    it ("examples")."""
    if score != best_score:
        return score > best_score
    return max(counted) - min(counted) < best_span


def _boundaries_as_the_point_has_them(point: str, tokens: list[Token]) -> list[Token]:
    """`tokens` where two spoken words hold two words of the point with the boundary moved ("pathways
    cores" for "pathway scores", tuning half) read as the point's two words; their text stays."""
    written = [letters_and_digits(w) for w in point.split()]
    pairs = {a + b: (a, b) for a, b in pairwise(written) if len(a) >= 3 and len(b) >= 3}
    out = list(tokens)
    for i in range(len(tokens) - 1):
        x, y = letters_and_digits(tokens[i].norm), letters_and_digits(tokens[i + 1].norm)
        moved = pairs.get(x + y)
        if moved and moved != (x, y) and not tokens[i].pause_after and min(len(x), len(y)) >= 3:
            out[i], out[i + 1] = replace(tokens[i], norm=moved[0]), replace(tokens[i + 1], norm=moved[1])
    return out


def _named_instance_said(point: str, tokens: list[Token]) -> list[int]:
    """The tokens that say the one thing a point names in its parenthesis, if they do: "results
    visualization (Manhattan plots)" is said by "Manhattan plots", "QC pipeline (PLINK)" by "PLINK".
    Only a name (a capital first word, at most NAMED_INSTANCE_MAX_WORDS, no list in it), said whole
    in that order, and distinctive: "(not raw data)" or "(e.g., on-premise or cloud)" name nothing."""
    inner = PARENTHESIS.findall(point)
    if len(inner) != 1:
        return []
    name = EXAMPLES_MARK.sub("", inner[0]).strip()
    words = name.split()
    if not words or len(words) > NAMED_INSTANCE_MAX_WORDS or not words[0][:1].isupper() or LIST_MARK.search(name):
        return []
    groups = _groups_of(name, optional=False)
    if not groups or max(g.weight for g in groups) < EXAMPLE_MIN_WEIGHT:
        return []
    hits = [group_hits(group, tokens) for group in groups]
    for first in hits[0]:
        found = [first]
        for later in hits[1:]:
            nxt = [i for i in later if found[-1] < i <= found[-1] + 2]
            if not nxt:
                break
            found.append(nxt[0])
        if len(found) == len(groups):
            return found
    return []


def _own_words_unless_all_shared(groups: list[Group], shared: frozenset[str]) -> frozenset[str]:
    """An item whose every telling word another item also uses (a hint that repeats itself: "The
    t-test requires interval or ratio data; Scale of Measurement: The t-test requires interval or
    ratio data") could never be shown said; its words are its own. Sharing still tells "selection
    bias" from "label bias", which each keep a word of their own."""
    if any(_distinctive(g, shared) for g in groups if not g.optional):
        return shared
    return frozenset()


def _shared(group: Group, shared: frozenset[str]) -> Group:
    if all(stem(t.text) in shared for t in group.alternatives):
        return Group(group.alternatives, group.weight / 2, group.optional)
    return group


def _distinctive(group: Group, shared: frozenset[str]) -> bool:
    return any(not is_generic(t.text) and stem(t.text) not in shared for t in group.alternatives)


def shared_terms(points: list[str]) -> frozenset[str]:
    """The stems of terms that appear in more than one point ("document" and "documents" are one)."""
    seen: dict[str, int] = {}
    for point in points:
        for text in {stem(t.text) for g in point_groups(point) if not g.optional for t in g.alternatives}:
            seen[text] = seen.get(text, 0) + 1
    return frozenset(t for t, n in seen.items() if n > 1)


def _expansion_hits(point: str, tokens: list[Token], required: list[Group], hits: dict) -> dict:
    """Words of the point spoken as their acronym: point 'polygenic risk score', speaker says 'PRS'.
    A listed acronym stands only for its own expansion; an unlisted one of two letters for none ("MC"
    of "MC dropout" is not "memory constraints" nor "mislead clinicians")."""
    content = [w for w in words_of(PARENTHESIS.sub(" ", point)) if w not in STOPWORDS]
    extra: dict = {}
    for i, token in enumerate(tokens):
        said = acronym_letters(token.text)
        known = expansion_of(said)
        if len(said) < 2 or (len(said) < UNLISTED_ACRONYM_MIN_LETTERS and not known):
            continue
        for k in range(len(content) - len(said) + 1):
            words = content[k : k + len(said)]
            if initials(words) == said and (not known or all(map(same_word, words, known))):
                for g in required:
                    if g.alternatives[0].text in words:
                        extra.setdefault(id(g), list(hits[id(g)])).append(i)
    return extra


def _kin_hits(tokens: list[Token], required: list[Group], hits: dict) -> dict:
    """The noun that heads the item (English compounds end in their head) said in another word of
    its kind beside a telling word of the item: "the first problem is memory" for "memory
    constraints", "training takes hours" for "training time"; not a modifier ("a series of weeks" is
    no "time series") nor beside a generic word ("the model has a problem" is no "model limitations")."""
    *modifiers, head = required or [Group((), 0.0)]
    kin = frozenset().union(*(kin_of(t.text) for t in head.alternatives))
    telling = [k for o in modifiers if _distinctive(o, frozenset()) for k in hits[id(o)]]
    found = [i for i in range(len(tokens)) if kin and telling and _kin_beside(tokens, i, kin, telling)]
    return {id(head): sorted({*hits[id(head)], *found})} if found else {}


def _kin_beside(tokens: list[Token], i: int, kin: frozenset[str], telling: list[int]) -> bool:
    """Token i is of the kin, within reach of a telling word and in its clause (no comma between)."""
    if not any(w in kin for w in words_of(tokens[i].norm)):
        return False
    return any(abs(i - k) <= KIN_REACH and _one_clause(tokens, min(i, k), max(i, k)) for k in telling)


def _one_clause(tokens: list[Token], first: int, last: int) -> bool:
    return not any(t.pause_after for t in tokens[first:last])


def assess_coverage(points: list[str], tokens: list[Token]) -> Coverage:
    """Each point and each item it names, covered or not; the ratio is the mean share of items covered."""
    split = [(p, *point_items(p)) for p in points]
    shared = shared_terms([item for _, _, items in split for item in items])
    assessed = [_assess_items(point, label, items, tokens, shared) for point, label, items in split]
    ratio = sum(p.share for p in assessed) / len(assessed) if assessed else 0.0
    return Coverage(ratio=round(ratio, 3), points=assessed)


def _assess_items(point: str, label: str, texts: list[str], tokens: list[Token], shared) -> HintPoint:
    items = [assess_point(text, tokens, shared) for text in texts]
    covered = all(i.covered for i in items)
    times = [i.at_s for i in items if i.at_s is not None]
    evidence = "; ".join(i.evidence for i in items if i.covered)
    return HintPoint(point, covered, min(times) if times else None, evidence, items, label)
