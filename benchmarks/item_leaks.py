"""Hint items shown said by the words of the question's OTHER items: a probe of false coverage that
uses no evaluation answer (neither half).

    python benchmarks/item_leaks.py [--verbose]

For each question of the shipped banks and each of its hint items, the text of every other item is
"said" (as a transcript, in order) and the item is judged. A leak is the item shown covered. Some
leaks are the hint repeating itself ("TensorFlow" and "TensorFlow and PyTorch are the main ones");
the rest are rules to fix ("semi-supervised" had said "Supervised": round 11).
"""

from __future__ import annotations

import argparse

from interviewer import paths
from interviewer.domain.analysis.coverage import assess_coverage
from interviewer.domain.analysis.hint_points import split_hint
from interviewer.domain.bank import load_bank
from interviewer.domain.transcript import Word
from interviewer.domain.words import tokenize


def spoken(text: str) -> list:
    return tokenize([Word(" " + w, 0.4 * k, 0.4 * k + 0.3, 0.9) for k, w in enumerate(text.split())])


def leaks_of(hint: str) -> list[tuple[str, str]]:
    """(item, the evidence that showed it) for each item the other items' words show covered."""
    points = split_hint(hint)
    texts = [(p, i, item.text) for p, point in enumerate(assess_coverage(points, []).points)
             for i, item in enumerate(point.items)]  # fmt: skip
    found = []
    for p, i, text in texts:
        others = ". ".join(t for q, j, t in texts if (q, j) != (p, i)) + "."
        item = assess_coverage(points, spoken(others)).points[p].items[i]
        if item.covered:
            found.append((text, item.evidence))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print each leak")
    args = parser.parse_args()
    leaks = items = 0
    for path in sorted(paths.shipped_banks_dir().glob("*.toml")):
        bank = load_bank(path)
        for question in bank.questions:
            items += sum(len(p.items) for p in assess_coverage(split_hint(question.hint), []).points)
            for text, evidence in leaks_of(question.hint):
                leaks += 1
                if args.verbose:
                    print(f"{bank.id}/{question.id} | {text} | said by: {evidence}")
    print(f"{leaks} of {items} items shown said by the other items' words")


if __name__ == "__main__":
    main()
