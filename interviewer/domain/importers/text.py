"""Text cleaning shared by the importers: encoding repair, spoken text, model answers, hints.

Repair is ftfy's job (`fix_text`). Two kinds of damage in the seeds are past any library:
UTF-8 read as a Greek code page with the second byte dropped (`×` -> `Γ`, `ΔΔG` -> `ΞΞG`), and
emoji mangled twice on a Mac. The first is mended from context below; the second only ever
hit emoji, which are stripped from everything we keep anyway.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy

# UTF-8 decoded as Greek (cp1253) with the continuation byte lost: only the lead byte survived.
_LOST_BYTE_REPAIRS = (
    (re.compile(r"(?<=\s)Γ(?=\s)"), "×"),  # × is C3 97; C3 reads as Γ
    (re.compile(r"ΞΞG\b"), "ΔΔG"),  # Δ is CE 94; CE reads as Ξ (free-energy change, ΔΔG)
)
# Letters that only appear in these documents as debris of mis-decoded emoji.
_DEBRIS = set("ðŸâ€Ã‚ÄúÔ£øüí°ï¸Ö™Ñ¶·ÈÇ˜šž…") | {"\uf8ff"}
_CHATTER = re.compile(
    r"^(would you like|you could also|let me know|do you want|shall i|want me to|if you'?d like|"
    r"i can also|happy to)\b",
    re.IGNORECASE,
)
_FILLER = re.compile(
    r"^(absolutely|certainly|sure|of course|great question|excellent question|good question|"
    r"yes|got it|ah|that'?s (a |an )?(great|excellent|good)[^.!?]*)[.!,:—–-]*\s*",
    re.IGNORECASE,
)
_INTRO = re.compile(
    r"^(here['’]?s|here is|below (is|are)|let me|i['’]?d be happy|"
    r"an? (clean|strong|good|simple|solid|concise|practical)( \w+)? (way|answer|example|structure)|"
    r"i usually answer this|i['’]?d (frame|structure|answer|say it)|in interview form|example answer)\b",
    re.IGNORECASE,
)
_ADVICE = re.compile(
    r"\b(answer (this|it)\b|this answer|in an interview|interview version|structure (it|this|the answer)|"
    r"way to (answer|structure|say)|(strong|good|clean) answer (should|would)|answer (should|would) show|"
    r"interviewers? want)",
    re.IGNORECASE,
)
_LOOSE_END = {"a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "by", "with", "that", "as", "is", "are"}
_LOOSE_END |= {"would", "will", "can", "could", "should", "may", "might", "must", "was", "were", "have", "has", "had"}
MAX_POINTS = 6
_QUOTES = '"“”'
MAX_POINT_CHARS = 80
# A tag opens with a letter or "/" right after "<": "(n < 50 per group ... n > 50)" is prose.
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def repair(text: str) -> str:
    """Undo mis-decoded text (ftfy), mend what ftfy cannot, drop emoji debris."""
    fixed = ftfy.fix_text(text, uncurl_quotes=False, normalization="NFC")
    for pattern, replacement in _LOST_BYTE_REPAIRS:
        fixed = pattern.sub(replacement, fixed)
    return "\n".join(_drop_debris(line) for line in fixed.split("\n"))


def _drop_debris(line: str) -> str:
    """Remove tokens made only of emoji debris (no ASCII letter or digit in them)."""
    if line.isascii():
        return line
    tokens = re.split(r"(\s+)", line)
    kept = [t for t in tokens if not (_is_debris(t))]
    return "".join(kept)


def _is_debris(token: str) -> bool:
    """A token with no ASCII letter or digit, made of Latin-1/Mac letters and symbols: a mangled emoji."""
    core = token.strip("*_`'\"")
    if not core or core.isspace() or any(c.isascii() for c in core):
        return False
    if any(_is_emoji(c) or c in _DEBRIS for c in core) and all(_latin_or_symbol(c) for c in core):
        return any(c.isalpha() for c in core) or any(_is_emoji(c) for c in core)
    return False


def _latin_or_symbol(char: str) -> bool:
    return 0x80 <= ord(char) <= 0x24F or not char.isalpha() or char in _DEBRIS


def _is_emoji(char: str) -> bool:
    if char in "\u200d\ufe0f\ufe0e\uf8ff" or 0x1F000 <= ord(char) <= 0x1FAFF:
        return True
    return unicodedata.category(char) == "So" and char not in "°©®™"


def strip_emoji(text: str) -> str:
    return "".join(c for c in text if not _is_emoji(c))


def strip_markdown(text: str) -> str:
    """Markdown and HTML marks off one line of text: what is left reads as plain prose."""
    text = HTML_TAG.sub(" ", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s{0,3}(#{1,6}|>)\s*", "", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])[*_](\S(?:.*?\S)?)[*_](?![\w*])", r"\1", text)
    text = text.replace("`", "").replace("**", "")
    text = text.replace("\\", "")
    return re.sub(r"\s+", " ", text).strip()


def spoken(text: str) -> str:
    """Text fit to be read aloud: repaired, no Markdown, no emoji, no `Q1:` label or wrapping quotes."""
    text = strip_emoji(strip_markdown(repair(text)))
    text = re.sub(r"^(Q\d*|Question\s*\d*|Interview Question)\s*[:.]\s*", "", text, flags=re.IGNORECASE)
    text = text.strip().strip("\"“”'").strip()
    text = re.sub(r"\s+([?.,!])", r"\1", text)
    return text[:1].upper() + text[1:]


def clean_block(markdown: str) -> str:
    """A model answer kept for reading: repaired, no HTML wrappers, no emoji, no chatbot offers."""
    lines = []
    for line in repair(markdown).split("\n"):
        line = re.sub(r"<summary>.*?</summary>|</?(details|summary|p)>", "", line).rstrip()
        line = re.sub(r"^(#{1,6})\s{2,}(?=\S)", r"\1 ", strip_emoji(line)).rstrip()
        if _CHATTER.match(strip_markdown(line)) or re.match(r"^\*\(This .*\)\*$", line.strip()):
            continue
        lines.append(line)
    text = "\n".join(lines)
    text = re.sub(r"\n(\s*---\s*\n)+", "\n\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip().strip("-").strip()


def sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“(])", text.strip())
    return [p.strip() for p in parts if p.strip()]


def shorten(point: str, limit: int = MAX_POINT_CHARS) -> str:
    """A point cut to `limit` characters at a clause boundary (or a word) and without end stops."""
    point = re.sub(r"[.;:,]+([\"”])$", r"\1", _unquoted(point.strip().strip("*").strip())).rstrip(".;:,")
    if len(point) <= limit:
        return point
    for mark, start in ((" — ", 20), (" – ", 20), ("; ", 20), (": ", 20), (" (", 25), (", ", 45)):
        cut = point.find(mark, start, limit)
        if cut > 0:
            return _closed(point[:cut].rstrip(".;:,"))
    words = point[: point.rfind(" ", 0, limit)].split()
    while len(words) > 3 and words[-1].lower() in _LOOSE_END:
        words.pop()
    return _closed(" ".join(words).rstrip(".;:,"))


def _unquoted(point: str) -> str:
    """Quotes off a point they wrap, or a stray one at either end; quotes inside stay:
    '"Patient" (appears in 90% of documents)' keeps both of its own."""
    quotes = [i for i, c in enumerate(point) if c in _QUOTES]
    last = len(point) - 1
    if quotes == [0, last]:
        return point[1:-1].strip()
    if len(quotes) % 2 and quotes[0] == 0:
        return point[1:].strip()
    if len(quotes) % 2 and quotes[-1] == last:
        return point[:-1].strip()
    return point


def _closed(cut: str) -> str:
    """A cut point closes the parenthesis it cut ("data (e.g., hospital stay)") and loses a quote it
    cut open, so the point reads (and splits into items) as the document meant."""
    if cut.rfind("(") > cut.rfind(")"):
        cut += ")"
    quotes = [i for i, c in enumerate(cut) if c in _QUOTES]
    return cut[: quotes[-1]] + cut[quotes[-1] + 1 :] if len(quotes) % 2 else cut


def join_points(points: list[str]) -> str:
    """Points as one hint line: `first; second; third.`"""
    seen: set[str] = set()
    unique = []
    for point in points:
        key = point.lower()
        if point and key not in seen:
            seen.add(key)
            unique.append(point[:1].upper() + point[1:])
    return "; ".join(unique[:MAX_POINTS]) + ("." if unique else "")


def is_offer(text: str) -> bool:
    """A chatbot's offer to do more ('Would you like ...'), never part of an answer."""
    return bool(_CHATTER.match(text))


def is_chatter(text: str) -> bool:
    return bool(_CHATTER.match(text) or _INTRO.match(text))


def is_advice(text: str) -> bool:
    """Advice on how to answer ('A strong way to answer this is:'), not part of the answer."""
    return bool(_ADVICE.search(text))


def without_filler(sentence: str) -> str:
    """A sentence without a leading 'Absolutely.' / 'Great question.' / 'Yes —'."""
    rest = _FILLER.sub("", sentence, count=1).strip()
    return rest[:1].upper() + rest[1:] if len(rest.split()) >= 3 else ""
