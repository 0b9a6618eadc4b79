"""Splitting a hint into the points a strong answer covers.

"Cover SMOTE/ADASYN, focal loss, stratified cross-validation, and the importance of
calibration in clinical settings." -> ["SMOTE/ADASYN", "focal loss",
"stratified cross-validation", "the importance of calibration in clinical settings"].
Commas inside parentheses do not split; sentences and semicolons do.
"""

from __future__ import annotations

import re

from interviewer.domain.analysis.terms import STOPWORDS, is_acronym, is_generic, words_of

LEAD_INS = re.compile(
    r"^(?:a\s+(?:strong|good|great|comprehensive|complete)\s+(?:answer|response)\s+(?:should\s+)?|"
    r"the\s+(?:answer|response)\s+should\s+|you\s+should\s+|be\s+sure\s+to\s+|make\s+sure\s+to\s+)?"
    r"(?:cover|covers|discuss|discusses|explain|explains|describe|describes|mention|mentions|"
    r"address|addresses|reference|references|include|includes|define|defines|outline|outlines|"
    r"talk\s+about|touch\s+on|compare|compares|distinguish|distinguishes|emphasize|emphasizes|"
    r"give|gives|explaining|discussing|describing|covering|mentioning)\b[:\s]*",
    re.IGNORECASE,
)
LEADING_JOINERS = re.compile(r"^(?:and|or|as\s+well\s+as|plus|also|then)\s+", re.IGNORECASE)
LIST_END = re.compile(r",\s*(?:and|or)\s", re.IGNORECASE)  # "A, B, and how C is used": a list
SENTENCE_WORD = re.compile(
    r"\b(?:I|I['’](?:d|ve|m|ll)|we|you|they|it['’]s|that['’]s|is|are|was|were|am|be|been|can|could|will|would|"
    r"should|must|might|has|have|had|does|do|did)\b",
    re.IGNORECASE,
)
FOR_A_LIST = re.compile(r"\bfor\s+\S+(?:\s+\S+)?$", re.IGNORECASE)  # "... for AI, ML, and data work"
MAX_SCOPE_WORDS = 3  # longer pieces after "for X," are things of their own
ABBREVIATIONS = {"e.g.": "e_g_", "i.e.": "i_e_", "vs.": "vs_", "etc.": "etc_", "approx.": "approx_"}


def split_hint(hint: str) -> list[str]:
    """The hint's points, in the order written; an empty or blank hint has none."""
    text = " ".join(hint.split())
    for abbr, mark in ABBREVIATIONS.items():
        text = re.sub(re.escape(abbr), mark, text, flags=re.IGNORECASE)
    points: list[str] = []
    for sentence in _split_top_level(text, ".;"):
        clause = LEAD_INS.sub("", sentence.strip(), count=1).strip()
        pieces = [clause] if _a_sentence(clause) else _list_pieces(clause)
        for piece in pieces:
            point = LEADING_JOINERS.sub("", piece.strip(" :")).strip()
            point = LEAD_INS.sub("", point, count=1).strip() or point
            if says_something(point):
                points.append(_restore(point))
    return points


def _split_top_level(text: str, separators: str) -> list[str]:
    """Split on `separators` outside parentheses, brackets and quotes ('words like "the," "and"');
    '.' only when followed by space or end."""
    parts, depth, quoted, current = [], 0, False, []
    for i, char in enumerate(text):
        depth += char in "([{"
        depth -= char in ")]}" and depth > 0
        quoted = {'"': not quoted, "“": True, "”": False}.get(char, quoted)
        is_break = char in separators and depth == 0 and not quoted
        if is_break and char == "," and text[i - 1 : i].isdigit() and text[i + 1 : i + 2].isdigit():
            is_break = False  # "10,000"
        if is_break and char == "." and i + 1 < len(text) and not text[i + 1].isspace():
            is_break = False  # "3.5", "model.bin"
        if is_break and char == "." and "".join(current).strip().isdigit():
            is_break = False  # "2. Healthcare Focus": a list's number
        if is_break:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [p for p in (p.strip() for p in parts) if p]


def _list_pieces(clause: str) -> list[str]:
    """A clause that is no sentence, split at its commas, or else at its "and"."""
    pieces = _split_top_level(clause, ",")
    if len(pieces) == 1:
        return _split_pair(clause)
    return [clause] if _what_it_is_for(pieces) else pieces


def _what_it_is_for(pieces: list[str]) -> bool:
    """The list after "for" is what the thing before it is for, not points of their own: split, "Huge
    ecosystem for AI, ML, and data work" made the points "Huge ecosystem for AI" and "ML" and lost
    "data work" (a tmux drive)."""
    first = PARENTHESIS.sub(" ", pieces[0]).strip()
    rest = [LEADING_JOINERS.sub("", piece.strip()) for piece in pieces[1:]]
    return bool(FOR_A_LIST.search(first)) and all(len(piece.split()) <= MAX_SCOPE_WORDS for piece in rest)


def _a_sentence(clause: str) -> bool:
    """A clause with a subject or a finite verb says one thing in prose; its commas and "and" are
    not a list's: "In such situations, clear communication is key", "I treat bias and fairness as a
    full lifecycle problem" (split, they made points such as "In such situations" and "I treat bias")."""
    plain = PARENTHESIS.sub(" ", clause)
    return bool(SENTENCE_WORD.search(plain)) and not LIST_END.search(plain)


def _split_pair(clause: str) -> list[str]:
    """'A and B' -> [A, B] when both sides are noun phrases; 'between X and Y' and an "and" inside
    parentheses ("operations (DS team build and EIT team deploy)") keep it whole."""
    outside = PARENTHESIS.sub(lambda m: "_" * len(m.group(0)), clause)
    match = re.search(r"\s+and\s+", outside)
    if not match or re.search(r"\b(?:between|both)\b", clause[: match.start()], re.IGNORECASE):
        return [clause]
    if LIST_INTRO.search(clause[: match.start()]):
        return [clause]  # "techniques like A and B": one point, its items A and B (point_items)
    left, right = clause[: match.start()], clause[match.end() :]
    if len(left.split()) > 6 or len(right.split()) > 8 or " and " in right:
        return [clause]
    if any(len(side.split()) == 1 and not is_acronym(side.strip()) for side in (left, right)):
        return [clause]  # the word shares the other side's noun: "Linear and logistic regression"
    return [left, right]


def _restore(text: str) -> str:
    for abbr, mark in ABBREVIATIONS.items():
        text = text.replace(mark, abbr)
    return text


# A point that lists things is scored thing by thing: "calibration techniques like Platt scaling and
# temperature scaling" is covered by "Platt scaling" only in part (issue: 4 of 16 missed items were
# shown covered, each the partner of a said one).
LIST_INTRO = re.compile(r"\s*\b(?:such\s+as|like|including|especially|namely)\b[:,]?\s+", re.IGNORECASE)
# A document's structure heading a point ("Example:", "A concrete example:", "Goal:", "The Process:",
# "Week 1-2:") is not its content: its words weigh nothing
STRUCTURAL_LABEL = re.compile(
    r"^\s*(?:(?:[\w-]+\s+){0,2}examples?|goals?|objectives?|steps|tools|bonus|optional|note|approach|my approach|"
    r"benefits|the process|the output|the challenge|the solution|what it means|(?:stage|week|step)\s+[\d-]+)\s*:\s*",
    re.IGNORECASE,
)
EXAMPLES_MARK = re.compile(r"^\s*(?:e\.g\.|e_g_|eg\b|for\s+example|for\s+instance|i\.e\.|i_e_)[,:]?\s*", re.IGNORECASE)
LIST_SEPARATOR = re.compile(r"\s*,(?!\d)\s*(?:and\s+|or\s+)?|\s+and\s+", re.IGNORECASE)
PARENTHESIS = re.compile(r"(?<!\w)\(([^()]*)\)")  # an aside; "log(N/df_t)" is a formula's own
MAX_ITEM_WORDS = 8  # longer pieces are clauses, not the things of a list
MAX_PAIR_WORDS = 8  # a longer point with "and" in it is prose ("we built a model and the metrics looked")


def point_items(point: str) -> tuple[str, list[str]]:
    """(label, items) of one point. A point naming one thing is its own single item and has no label.

    "operational metrics (inference latency, uptime)" -> ("operational metrics", ["inference latency", "uptime"]);
    "calibration techniques like Platt scaling and temperature scaling" -> ("calibration techniques",
    ["Platt scaling", "temperature scaling"]); "enabling federated analytics and reproducible ML" ->
    ("", ["enabling federated analytics", "reproducible ML"]). A parenthesis of examples ("e.g.") or of
    one thing ("(not raw data)") is not a list: the point stays one item, the examples stay optional.
    """
    marked = _restore_inside(point)
    inner = PARENTHESIS.search(marked)
    if inner and not EXAMPLES_MARK.match(inner.group(1)):
        items = _list_items(inner.group(1))
        if len(items) > 1:
            label = PARENTHESIS.sub(" ", marked).strip(" ,;:")
            return _restore(" ".join(label.split())), [_restore(i) for i in items]
    outside = PARENTHESIS.sub(" ", marked)
    intro = LIST_INTRO.search(outside)
    if intro:
        items = _list_items(outside[intro.end() :])
        if len(items) > 1:
            return _restore(outside[: intro.start()].strip(" ,;:")), [_restore(i) for i in items]
    items = _list_items(outside)
    if len(items) > 1 and _a_list_of_things(outside, items):
        return "", [_restore(i) for i in items]
    return "", [point]


def _a_list_of_things(text: str, items: list[str]) -> bool:
    """A whole point split at "and" is a list when each side names a thing of its own (two content
    words: "enabling federated analytics and reproducible ML"), not one word shared with the other
    side ("scanners and protocols", "the strengths and limitations") or a comparison ("between")."""
    if len(text.split()) > MAX_PAIR_WORDS or re.search(r"\b(?:between|both|either|whether|versus|vs)\b", text, re.I):
        return False
    if _spells_an_acronym(text):
        return False  # "PACS as Picture Archiving and Communication System"
    return all(len([w for w in words_of(i) if w not in STOPWORDS]) >= 2 for i in items)


def _spells_an_acronym(text: str) -> bool:
    capitals = "".join(w[0] for w in re.findall(r"\b[A-Z][a-z]+", text)).upper()
    return any(len(a) >= 3 and a in capitals for a in re.findall(r"\b[A-Z]{3,}\b", text))


def _list_items(text: str) -> list[str]:
    """The things a list names; a list of bare words ('words like "the," "and," "is"') names none."""
    pieces = [" ".join(p.split()).strip(" .;:") for p in LIST_SEPARATOR.split(text)]
    pieces = [LEADING_JOINERS.sub("", p) for p in pieces if p]
    if any(len(p.split()) > MAX_ITEM_WORDS for p in pieces):
        return [text.strip(" .;:")]
    pieces = [p for p in pieces if says_something(p)]
    return pieces if len(pieces) > 1 else [text.strip(" .;:")]


def says_something(text: str) -> bool:
    """Whether `text` holds a word that can show it said: "For example", "Also", "the model", "A" and
    the "000" of "10,000" can never be covered, so they are no points to score."""
    return any(w not in STOPWORDS and not is_generic(w) and len(w) > 1 and not w.isdigit() for w in words_of(text))


def _restore_inside(text: str) -> str:
    for abbr, mark in ABBREVIATIONS.items():
        text = re.sub(re.escape(abbr), mark, text, flags=re.IGNORECASE)
    return text
