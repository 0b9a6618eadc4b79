"""One follow-up question about the most important hint item an answer missed, phrased offline.

"Cover calibration techniques like Platt scaling and temperature scaling", answered with Platt
scaling only -> "You mentioned Platt scaling. What about temperature scaling? When would you use
it instead?". Templates over the hint's items; no network, no model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from interviewer.domain.analysis.hint_points import point_items, split_hint
from interviewer.domain.analysis.model import Coverage, HintItem, HintPoint
from interviewer.domain.analysis.terms import STOPWORDS, is_acronym, term_weight

LEAD_IN = re.compile(  # what split_hint leaves of the hint's own wording ("the answer should show ...")
    r"^(?:(?:a\s+(?:strong|good|great)\s+(?:answer|response)|the\s+(?:answer|response))\s+(?:should\s+)?\w+\s+|"
    r"(?:look\s+for|assess|evaluate)\s+(?:concrete\s+\w+\s*:\s*)?|"
    r"(?:explain(?:ing|s)?|discuss(?:ing|es)?|describ(?:e|es|ing)|mention(?:ing|s)?)\s+|"
    r"(?:the\s+)?importance\s+of\s+|the\s+need\s+for\s+|the\s+concept\s+of\s+)+",
    re.IGNORECASE,
)
PARENTHESIS = re.compile(r"\s+\([^()]*\)")  # "(e.g., ImageNet)", not the "(k)" of "510(k)"
TRAILING_TASK = re.compile(r"\s+and\s+(?:give|provide|explain|discuss|mention|describe)\b.*$", re.IGNORECASE)
SLASH = re.compile(r"\b([\w&.+-]{3,}|[\w&.+-]+(?=/[\w&.+-]{3,}))/(?=[\w&])")
# a label naming rival options (its last word): the partner of a said one is used *instead* of it
ALTERNATIVES = frozenset(
    "techniques technique methods approaches strategies models algorithms tests estimators architectures "
    "losses correction detection deployment tools frameworks scaling".split()
)
CLAUSE_START = re.compile(r"^(?:how|why|that|whether|when|where|what|which|who)\b", re.IGNORECASE)
SUBJECT = re.compile(r"^(?:what|who)\s+(?:is|are)\s+(?:an?\s+|the\s+)?([^,?]+?)\s*(?:,|\?|\band\b)", re.I)
TARGET_S = (30, 90)  # seconds: a follow-up answers one item, not the whole question

# hints written as a model answer ("I'd treat it as a risk-managed learning problem") or pieces of one
# ("in such situations") name no topic to ask about: such items get no follow-up
FIRST_PERSON = re.compile(r"(?:^|\s)(?:i|i['’](?:m|d|ve|ll)|my|we|we['’](?:re|ve)|our|me)\b", re.IGNORECASE)
STATEMENT = re.compile(r"^(?!how|why|what|whether|when|where)\S+(?:\s+\S+){0,3}\s+(?:is|are|was|were)\s", re.I)
FRAGMENT_START = frozenset("in for on at with from by to as most not while this that these which so".split())
FRAGMENT_WORDS = 4
HEADING = re.compile(r"^([^:]{2,40}):\s+\S")  # "Containerization: Multi-stage Docker builds"
LONG_LABEL_WORDS = 6  # a longer label is a clause, not a name to fit an item into
LONG_CLAUSE_WORDS = 14  # longer, a clause is asked about up to its first "and" (when that leaves 6 words)


@dataclass(frozen=True)
class FollowUp:
    text: str  # what the interviewer asks
    item: str  # the missed item, as the hint writes it
    point: str  # the hint point that names it


def follow_up(question_text: str, hint: str, coverage: Coverage) -> FollowUp | None:
    """The follow-up about the most important item `coverage` shows missed; None when nothing was."""
    context, subject = f"{question_text} {hint}", question_subject(question_text)
    points = _points(coverage, hint)
    candidates = [
        (_rank(p, i, item), p, item)
        for i, p in enumerate(points)
        for item in p.items
        if not item.covered and askable(clean_item(item.text, context, subject))
    ]
    if not candidates:
        return None
    _, point, item = min(candidates, key=lambda c: c[0])
    return FollowUp(_phrase(point, item, context, subject), item.text, point.point)


def _points(coverage: Coverage, hint: str) -> list[HintPoint]:
    """The coverage's points with their items (an analysis from before items: one item per point)."""
    points = coverage.points or [_point(p, lambda k, texts: False) for p in split_hint(hint)]
    return [p if p.items else HintPoint(p.point, p.covered, items=[HintItem(p.point, p.covered)]) for p in points]


def askable(cleaned: str) -> bool:
    """Whether a cleaned item names a topic to ask about (not a model answer's sentence or a piece of one)."""
    words = cleaned.split()
    if not words or FIRST_PERSON.search(cleaned) or STATEMENT.match(cleaned):
        return False
    return not (len(words) <= FRAGMENT_WORDS and words[0].lower() in FRAGMENT_START)


def _rank(point: HintPoint, index: int, item: HintItem) -> tuple:
    partly = any(i.covered for i in point.items)
    return (not partly, -_distinctive(item.text), index, point.items.index(item))


def _distinctive(text: str) -> float:
    """The heaviest term of the item: 2 for an acronym or a long word, 1 for a plain one."""
    raw = [w for w in re.split(r"[\s/,()]+", text) if w and w.lower() not in STOPWORDS]
    return max((term_weight(w.strip(".;:'\"-")) for w in raw), default=0.0)


def _phrase(point: HintPoint, item: HintItem, context: str, subject: str) -> str:
    missing = clean_item(item.text, context, subject)
    label = clean_item(point.label, context, subject) if point.label else ""
    said = [i for i in point.items if i.covered and askable(clean_item(i.text, context, subject))]
    if said:
        mentioned = clean_item(said[0].text, context, subject)
        if label.split()[-1:] and label.split()[-1].lower() in ALTERNATIVES:
            return f"You mentioned {mentioned}. What about {missing}? When would you use it instead?"
        if label and len(label.split()) <= LONG_LABEL_WORDS:
            return f"You mentioned {mentioned} for {label}. What about {missing}?"
        return f"You mentioned {mentioned}. What about {missing}?"
    if label and len(label.split()) <= LONG_LABEL_WORDS:
        return f"You didn't mention {missing}. How does it fit into {label}?"
    if label:
        return f"Can you say more about {_first_part(label)}?"  # a clause with examples in it: ask about it
    contrast = _contrast(missing, item.text, context)
    if contrast:
        return contrast
    if CLAUSE_START.match(missing) or len(missing.split()) > LONG_LABEL_WORDS:
        return f"Can you say more about {_first_part(missing)}?"
    return f"You didn't talk about {missing}. How would that come into your answer?"


def _first_part(clause: str) -> str:
    head = clause.split(" and ", 1)[0]
    return head if len(clause.split()) > LONG_CLAUSE_WORDS and len(head.split()) >= LONG_LABEL_WORDS else clause


def _contrast(cleaned: str, item: str, context: str) -> str:
    """'distinguish X from Y' in the hint: ask how to tell them apart."""
    a, sep, b = cleaned.partition(" from ")
    if sep and re.search(rf"distinguish\w*\s+(?:between\s+)?{re.escape(item.split()[0])}", context, re.I):
        return f"How would you tell {a} apart from {b}?"
    return ""


def question_subject(question_text: str) -> str:
    """What a 'What is X, ...?' question is about ("DICOM"); "" for other questions."""
    match = SUBJECT.match(question_text.strip())
    return match.group(1).strip() if match and len(match.group(1).split()) <= 4 else ""


def clean_item(text: str, context: str = "", subject: str = "") -> str:
    """The item as said in a question: without the hint's own instructions ('explain', 'the importance
    of', 'the answer should show'), parentheses, a trailing task ('and give use cases') or punctuation;
    'its' made the subject's; '/' read as 'or' (not in 'CI/CD'); a leading capital lower-cased unless
    an acronym or a name (a word `context` writes capitalised mid-sentence too)."""
    cleaned = TRAILING_TASK.sub("", PARENTHESIS.sub("", " ".join(text.split())))
    cleaned = LEAD_IN.sub("", cleaned).strip(" .,;:!?") or text.strip(" .,;:!?")
    heading = HEADING.match(cleaned)
    cleaned = heading.group(1).strip() if heading else cleaned
    cleaned = SLASH.sub(r"\1 or ", cleaned)
    if re.match(r"^its\b", cleaned, re.I):
        cleaned = (f"{subject}'s" if subject else "the") + cleaned[3:]
    first = cleaned.split(" ", 1)[0]
    if first[:1].isupper() and not is_acronym(first) and not _a_name(first, context):
        cleaned = first[0].lower() + cleaned[1:]
    return cleaned


def _a_name(word: str, context: str) -> bool:
    """`word` is written capitalised where no sentence starts: 'Platt' in 'like Platt scaling'."""
    bare = re.escape(word.strip(".,;:'\"()"))
    mid_sentence = rf"(?:(?<=[\w,]\s)|(?<=\())(?<![.?!:;]\s){bare}"
    return bool(re.search(mid_sentence, context)) or any(c.isupper() for c in word[1:])


def _point(point: str, said) -> HintPoint:
    """A HintPoint of `point` whose item k of `texts` (all the point's items) is covered when said(k, texts)."""
    label, texts = point_items(point)
    items = [HintItem(t, bool(said(k, texts))) for k, t in enumerate(texts)]
    return HintPoint(point, all(i.covered for i in items), items=items, label=label)


def simulated_coverage(hint: str, said) -> Coverage:
    """The coverage an answer would get that said exactly the items `said(k, texts)` picks."""
    points = [_point(p, said) for p in split_hint(hint)]
    ratio = sum(p.share for p in points) / len(points) if points else 0.0
    return Coverage(round(ratio, 3), points)


def follow_up_for_all(bank) -> list[tuple[str, str, FollowUp | None]]:
    """(question id, case, follow-up) for every question of `bank`, in two cases: "nothing said" and
    "first items said" (the first item of every point naming several). For reading the phrasing."""
    cases = {"nothing said": lambda k, texts: False, "first items said": lambda k, texts: k == 0 and len(texts) > 1}
    found = []
    for question in bank.questions:
        for case, said in cases.items():
            coverage = simulated_coverage(question.hint, said)
            if case == "first items said" and not any(len(p.items) > 1 for p in coverage.points):
                continue
            found.append((question.id, case, follow_up(question.text, question.hint, coverage)))
    return found


def combined_coverage(parent: dict, follow_up_coverage: dict) -> dict:
    """The coverage of an answer and its follow-up together (Coverage.to_dict's shape): an item counts
    when either answer covered it. Both are scored against the same hint; should their points differ
    (an analysis of another version), the follow-up's own coverage is returned."""
    first, second = Coverage.from_dict(parent), Coverage.from_dict(follow_up_coverage)
    if [p.point for p in first.points] != [p.point for p in second.points]:
        return second.to_dict()
    points = [_either(a, b) for a, b in zip(first.points, second.points, strict=True)]
    ratio = sum(p.share for p in points) / len(points) if points else 0.0
    return Coverage(round(ratio, 3), points).to_dict()


def _either(first: HintPoint, second: HintPoint) -> HintPoint:
    if [i.text for i in first.items] != [i.text for i in second.items]:
        return first if first.share >= second.share else second
    items = [a if a.covered or not b.covered else b for a, b in zip(first.items, second.items, strict=True)]
    covered = all(i.covered for i in items) if items else first.covered or second.covered
    said = [i for i in items if i.covered]
    evidence = "; ".join(i.evidence for i in said)
    return HintPoint(first.point, covered, said[0].at_s if said else None, evidence, items, first.label)


def together_line(analysis: dict) -> str:
    """A follow-up's items alone and together with the first answer; "" for a first answer."""
    from interviewer.domain.analysis.verdict import item_counts

    if "together" not in analysis or "coverage" not in analysis:
        return ""
    said, items = item_counts(Coverage.from_dict(analysis["coverage"]))
    both, _ = item_counts(Coverage.from_dict(analysis["together"]))
    return f"This follow-up alone: {said} of {items} items · together with the first answer: {both} of {items} items"
