"""Writing a bank back out as TOML a person can read and edit (`load_bank` reads it back)."""

from __future__ import annotations

import json

from interviewer.domain.bank import Bank, Question

HEADER = """\
# An interviewer question bank. Edit freely, then run: interviewer banks check {name}
# Each [[questions]] table: id (stable), text (spoken as written), hint (what a strong answer
# covers; used to score), optional category, difficulty, model_answer, exhibit (shown, never
# spoken), target_s = [low, high] seconds. `missing` lists fields the source document lacked
# (the value is a stand-in); `written` lists fields finished by hand, which re-import keeps.
"""


def bank_to_toml(bank: Bank) -> str:
    """The bank as TOML text; `load_bank` of this text gives the same questions back."""
    parts = [HEADER.format(name=f"{bank.id}.toml")]
    parts.append(_pair("title", bank.title))
    for key in ("description", "source", "importer_version"):
        value = getattr(bank, key)
        if value:
            parts.append(_pair(key, value))
    if bank.target_s:
        parts.append(_pair("target_s", list(bank.target_s)))
    for question in bank.questions:
        parts.append("\n[[questions]]\n" + _question(question))
    return "".join(parts)


def _question(question: Question) -> str:
    out = [_pair("id", question.id)]
    for key in ("category", "difficulty", "text", "hint", "model_answer", "exhibit"):
        value = getattr(question, key)
        if value or key in ("text", "hint"):
            out.append(_pair(key, value))
    if question.target_s:
        out.append(_pair("target_s", list(question.target_s)))
    for key in ("missing", "written"):
        value = getattr(question, key)
        if value:
            out.append(_pair(key, list(value)))
    return "".join(out)


def _pair(key: str, value) -> str:
    if isinstance(value, list):
        return f"{key} = [{', '.join(_value(v) for v in value)}]\n"
    return f"{key} = {_value(value)}\n"


def _value(value) -> str:
    if isinstance(value, int):
        return str(value)
    if "\n" in value and _fits_literal_block(value):
        return f"'''\n{value}'''"
    return _basic(value)


def _fits_literal_block(text: str) -> bool:
    """A multi-line literal string cannot hold ''' or control characters, nor end in a quote."""
    if "'''" in text or text.endswith("'"):
        return False
    return not any((ord(c) < 32 and c not in "\n\t") or ord(c) == 127 for c in text)


def _basic(text: str) -> str:
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")
