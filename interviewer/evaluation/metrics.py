"""The analysis of a clip against its truth, and the figures over a group of clips."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from rapidfuzz import fuzz

from interviewer.domain.analysis.fillers import HESITATION
from interviewer.domain.analysis.hint_points import split_hint
from interviewer.domain.wer import normalized_words, word_error_rate
from interviewer.domain.words import is_hesitation
from interviewer.evaluation.clip import Clip
from interviewer.evaluation.synth import Truth

# A found filler matches a said one of its type heard within this of the said one's estimated time.
# The estimate (the sentence's time shared out by characters) was checked against the length of the
# sentence's words before the filler spoken alone: off by 0.20 s median, 0.40 s at the 90th
# percentile, 0.68 s at most (espeak 93 fillers, Piper 42; December 2026). Whisper's word times
# drift by a few tenths more. Wider and a filler could pair with a neighbour's twin; the pairing
# keeps order, so a drift cannot pair two fillers crosswise.
FILLER_TOLERANCE_S = 1.0
MULTI_WORD = ("you know", "i mean")


@dataclass(frozen=True)
class ClipResult:
    clip: str
    half: str
    voice_kind: str
    off_topic: bool
    fillers_true: int
    fillers_found: int
    fillers_matched: int
    by_type: tuple[tuple[str, int, int], ...]  # (type, said, matched)
    traps: int
    trap_hits: int  # traps where a filler of the trap's type was found (and matched no said filler)
    wpm_true: float
    wpm_found: float
    duration_true: float
    duration_found: float
    pauses_true: int
    pauses_found: int
    items_total: int
    items_right: int
    missed_total: int
    missed_shown_covered: int
    coverage_ratio: float
    wer: float
    seconds: float  # transcription + analysis
    recovery: str = ""  # what the dropped-speech recovery did, if it ran
    judged: tuple[tuple[str, bool, bool], ...] = ()  # (item, said, shown covered) for each labelled item
    confidence: tuple[float, ...] = ()  # the evidence's word probability of each judged item (0: none)
    traps_by_type: tuple[tuple[str, int, int], ...] = ()  # (type a trap could be taken for, traps, hits)
    apart: tuple[bool, ...] = ()  # each judged item shown covered only by its words heard apart (≈)

    @property
    def wpm_error(self) -> float:
        return abs(self.wpm_found - self.wpm_true) / self.wpm_true if self.wpm_true else 0.0

    @property
    def duration_error(self) -> float:
        return abs(self.duration_found - self.duration_true)

    def to_dict(self) -> dict:
        extra = {"wpm_error": round(self.wpm_error, 4), "duration_error": round(self.duration_error, 3)}
        return asdict(self) | extra


def compare(clip: Clip, truth: Truth, analysis: dict, seconds: float, recovery: str = "") -> ClipResult:
    """One clip's figures: `analysis` is the dict of `AnswerAnalysis.to_dict()`."""
    found = [(f["type"], float(f["start"])) for f in analysis["fillers"]["items"]]
    said = [(analysis_type(m.kind), m.at_s) for m in truth.fillers]
    pairs = match_fillers(said, found)
    judged = judge_items(item_labels(clip), analysis_items(analysis))
    traps = traps_by_type(truth, found, {j for _, j in pairs})
    missed = [shown for _, was_said, shown in judged if not was_said]
    return ClipResult(
        clip.id,
        clip.half,
        clip.voice_kind,
        clip.off_topic,
        len(said),
        len(found),
        len(pairs),
        _by_type(said, pairs),
        len(truth.traps),
        sum(hits for _, _, hits in traps),
        truth.wpm,
        float(analysis["wpm"]),
        truth.duration_s,
        float(analysis["duration_s"]),
        truth.long_pauses,
        int(analysis["pauses"]["long"]),
        len(judged),
        sum(was_said == shown for _, was_said, shown in judged),
        len(missed),
        sum(missed),
        float(analysis["coverage"]["ratio"]),
        clip_wer(truth, analysis),
        seconds,
        recovery,
        tuple(judged),
        tuple(evidence_confidence(label, analysis) for label, _, _ in judged),
        traps,
        tuple(shown_apart(label, analysis) for label, _, _ in judged),
    )


def analysis_type(said: str) -> str:
    """The analysis's type for a said filler: "um" and "uh" are one type, "um/uh"."""
    return HESITATION if is_hesitation(said) else said


def match_fillers(said: list[tuple[str, float]], found: list[tuple[str, float]]) -> list[tuple[int, int]]:
    """The most (said, found) index pairs of the same type within FILLER_TOLERANCE_S, in order."""
    best = [[0] * (len(found) + 1) for _ in range(len(said) + 1)]
    for i, (kind, at) in enumerate(said, start=1):
        for j, (heard, t) in enumerate(found, start=1):
            pair = best[i - 1][j - 1] + 1 if _pairs(kind, at, heard, t) else 0
            best[i][j] = max(best[i - 1][j], best[i][j - 1], pair)
    pairs, i, j = [], len(said), len(found)
    while i and j:
        if best[i][j] == best[i - 1][j]:
            i -= 1
        elif best[i][j] == best[i][j - 1]:
            j -= 1
        else:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
    return pairs[::-1]


def _pairs(kind: str, at: float, heard: str, t: float) -> bool:
    return heard == kind and abs(t - at) <= FILLER_TOLERANCE_S


def _by_type(said: list[tuple[str, float]], pairs: list[tuple[int, int]]) -> tuple[tuple[str, int, int], ...]:
    matched = [said[i][0] for i, _ in pairs]
    kinds = sorted({k for k, _ in said})
    return tuple((k, sum(s == k for s, _ in said), matched.count(k)) for k in kinds)


def trap_hits(truth: Truth, found: list[tuple[str, float]], matched: set[int]) -> int:
    """Traps with a found filler of their type nearby that no said filler accounts for."""
    return sum(hit for _, hit in _traps_hit(truth, found, matched))


def traps_by_type(truth: Truth, found: list[tuple[str, float]], matched: set[int]) -> tuple[tuple[str, int, int], ...]:
    """(type, traps, hits) for each filler type the clip's traps could be taken for."""
    hits = _traps_hit(truth, found, matched)
    kinds = sorted({kind for kind, _ in hits})
    return tuple((k, sum(kind == k for kind, _ in hits), sum(hit for kind, hit in hits if kind == k)) for k in kinds)


def _traps_hit(truth: Truth, found: list[tuple[str, float]], matched: set[int]) -> list[tuple[str, bool]]:
    spare = [(kind, t) for j, (kind, t) in enumerate(found) if j not in matched]
    return [(trap.kind, any(_pairs(trap.kind, trap.at_s, kind, t) for kind, t in spare)) for trap in truth.traps]


def item_labels(clip: Clip) -> tuple[tuple[str, bool], ...]:
    """(item, said) for each labelled item; a legacy clip labels whole points by `covers`."""
    if clip.said_items or clip.missed_items:
        return tuple((s, True) for s in clip.said_items) + tuple((m, False) for m in clip.missed_items)
    return tuple((p, i in clip.covers) for i, p in enumerate(split_hint(clip.hint)))


def analysis_items(analysis: dict) -> list[tuple[str, bool]]:
    """(text, covered) of each item the analysis judged: a point's items, or the point as one item.
    A point that lists things is also judged under its label, covered when all its items are: a
    label naming the category ("inherently interpretable models" of "(EBMs, rule lists)") is judged
    by what the screen shows for the category, not by the first item its words resemble."""
    return [(text, covered) for text, covered, _ in _judged_entries(analysis)]


def _judged_entries(analysis: dict) -> list[tuple[str, bool, bool]]:
    """(text, covered, shown ≈) of each entry `analysis_items` judges by: a label is ≈ when all its
    covered items are."""
    entries = []
    for point in analysis["coverage"]["points"]:
        items = point.get("items") or []
        entries += [(i["text"], bool(i["covered"]), bool(i["covered"] and i.get("apart"))) for i in items]
        if point.get("label") or not items:
            covered = [i for i in items if i["covered"]]
            apart = bool(covered) and all(i.get("apart") for i in covered)
            entries.append((point.get("label") or point["point"], bool(point["covered"]), apart))
    return entries


def evidence_confidence(label: str, analysis: dict) -> float:
    """The confidence the analysis gave the item matching `label` (0 when it kept none)."""
    items = [i for p in analysis["coverage"]["points"] for i in p.get("items") or []]
    best = max(items, key=lambda item: _likeness(label, item["text"]), default={})
    return float(best.get("confidence", 0.0))


def shown_apart(label: str, analysis: dict) -> bool:
    """Whether the entry that judges `label` (as `judge_items` picks it) was shown ≈."""
    return max(_judged_entries(analysis), key=lambda entry: _likeness(label, entry[0]), default=("", False, False))[2]


def judge_items(labels, items: list[tuple[str, bool]]) -> list[tuple[str, bool, bool]]:
    """(label, said, shown covered) for each label, by the analysis item whose text matches it best."""
    judged = []
    for label, said in labels:
        best = max(items, key=lambda item: _likeness(label, item[0]), default=(label, False))
        judged.append((label, said, best[1]))
    return judged


def _likeness(label: str, text: str) -> tuple[float, float]:
    label, text = label.lower(), text.lower()
    return fuzz.partial_ratio(label, text), fuzz.ratio(label, text)


def clip_wer(truth: Truth, analysis: dict) -> float:
    """Word error rate of what was heard, um and uh left out on both sides (their spelling is no word)."""
    return word_error_rate(_without_hesitations(truth.spoken), _without_hesitations(analysis["transcript"]["text"]))


def _without_hesitations(text: str) -> str:
    return " ".join(w for w in normalized_words(text) if not is_hesitation(w))
