"""The result of analysing one answer: dataclasses that turn into the JSON of `interviewer score` and back."""

from __future__ import annotations

from dataclasses import dataclass, field

from interviewer.domain.analysis.delivery_model import Energy, Hedging, PitchVariation, Repetition, Wordiness
from interviewer.domain.transcript import Transcript


@dataclass(frozen=True)
class Timing:
    recording_s: float
    lead_in_s: float  # start of the recording to the first word
    duration_s: float  # first word start to last word end
    target_s: tuple[int, int]
    verdict: str  # "short", "in band", "long", or "no answer"
    over_s: float  # seconds beyond the band: > 0 long, < 0 short (distance to the low end), 0 in band

    def to_dict(self) -> dict:
        return {"target_s": list(self.target_s), "verdict": self.verdict, "over_s": round(self.over_s, 2)}


@dataclass(frozen=True)
class Pace:
    """`words` are the answer's words (fillers not counted): those heard, plus `missing` that the
    sound holds where the transcript has too few (syllable nuclei, hearing/syllables.py); `wpm`
    is over the answer's duration. `dropped` says where: (start s, end s, words missing there)."""

    words: int
    wpm: float
    series: list[tuple[float, float]] = field(default_factory=list)  # (window start s, wpm in window)
    window_s: float = 15.0
    heard: int = -1  # words in the transcript; -1 in analyses from before the sound was counted
    missing: float = 0.0
    dropped: list[tuple[float, float, float]] = field(default_factory=list)
    sound_wpm: float | None = None  # the rate from the syllable nuclei alone, calibrated on the transcript

    def to_dict(self) -> dict:
        return {
            "window_s": self.window_s,
            "series": [[round(t, 2), round(v, 1)] for t, v in self.series],
            "heard_words": self.heard,
            "missing_words": round(self.missing, 1),
            "dropped": [[round(a, 2), round(b, 2), round(n, 1)] for a, b, n in self.dropped],
            "sound_wpm": None if self.sound_wpm is None else round(self.sound_wpm, 1),
        }


@dataclass(frozen=True)
class Pause:
    start: float
    end: float

    @property
    def seconds(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class Pauses:
    threshold_s: float
    items: list[Pause] = field(default_factory=list)

    @property
    def long(self) -> int:
        return len(self.items)

    def to_dict(self) -> dict:
        items = [
            {"start": round(p.start, 2), "end": round(p.end, 2), "seconds": round(p.seconds, 2)} for p in self.items
        ]
        return {"threshold_s": self.threshold_s, "long": self.long, "items": items}


@dataclass(frozen=True)
class Filler:
    type: str
    start: float
    text: str = ""


@dataclass(frozen=True)
class Fillers:
    items: list[Filler] = field(default_factory=list)
    per_min: float = 0.0

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def by_type(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for item in self.items:
            counts[item.type] = counts.get(item.type, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    def to_dict(self) -> dict:
        items = [{"type": f.type, "start": round(f.start, 2), "text": f.text} for f in self.items]
        return {"total": self.total, "per_min": round(self.per_min, 2), "by_type": self.by_type, "items": items}


# an item credited only by its words heard apart (coverage.py) counts half in the coverage figure and the
# score: on the evaluation's tuning half 6 of the 10 such credits were said, against 99 % of the others
APART_WEIGHT = 0.5


@dataclass(frozen=True)
class HintItem:
    """One thing a hint point names ("temperature scaling" of "calibration techniques like Platt scaling
    and temperature scaling"). `confidence`: the unprompted word probability of its best evidence.
    `apart`: covered by its words heard apart, no two of them together (less sure: see coverage.py)."""

    text: str
    covered: bool
    at_s: float | None = None
    evidence: str = ""
    confidence: float = 0.0  # the best word probability among the evidence, 0 when nothing was said
    apart: bool = False

    @property
    def weight(self) -> float:
        """What the item adds to its point: 1 when said, `APART_WEIGHT` when only its words were heard apart."""
        if not self.covered:
            return 0.0
        return APART_WEIGHT if self.apart else 1.0

    def to_dict(self) -> dict:
        data = {
            "text": self.text,
            "covered": self.covered,
            "at_s": self.at_s,
            "evidence": self.evidence,
            "confidence": round(self.confidence, 3),
        }
        if self.apart:
            data["apart"] = True
        return data


@dataclass(frozen=True)
class HintPoint:
    """A point of the hint, covered when every item it names was said; `label` heads a list's items."""

    point: str
    covered: bool
    at_s: float | None = None  # when it was said (its first item)
    evidence: str = ""  # the spoken words that showed it
    items: list[HintItem] = field(default_factory=list)
    label: str = ""

    @property
    def share(self) -> float:
        """Share of the point's items covered, an item heard apart counting `APART_WEIGHT` (1 or 0 for a
        point naming one thing)."""
        if not self.items:
            return float(self.covered)
        return sum(i.weight for i in self.items) / len(self.items)

    @property
    def missing(self) -> list[str]:
        return [i.text for i in self.items if not i.covered] if self.items else ([] if self.covered else [self.point])

    def to_dict(self) -> dict:
        return {
            "point": self.point,
            "covered": self.covered,
            "at_s": self.at_s,
            "evidence": self.evidence,
            "label": self.label,
            "share": round(self.share, 3),
            "items": [i.to_dict() for i in self.items],
        }


@dataclass(frozen=True)
class Coverage:
    """`ratio`: the mean share of each point's items covered (a point half made counts half)."""

    ratio: float
    points: list[HintPoint] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"ratio": self.ratio, "points": [p.to_dict() for p in self.points]}

    @classmethod
    def from_dict(cls, data: dict) -> Coverage:
        return cls(float(data["ratio"]), [_point(p) for p in data["points"]])


@dataclass(frozen=True)
class Reliability:
    ok: bool
    warnings: list[str] = field(default_factory=list)
    untrusted: list[str] = field(default_factory=list)  # figures not to present as facts
    speech_dbfs: float = 0.0  # loudness of the voiced part
    clipped_share: float = 0.0
    voiced_share: float = 0.0
    mean_confidence: float = 1.0

    def to_dict(self) -> dict:
        return {
            "ok": self.ok,
            "warnings": list(self.warnings),
            "untrusted": list(self.untrusted),
            "speech_dbfs": round(self.speech_dbfs, 1),
            "clipped_share": round(self.clipped_share, 5),
            "voiced_share": round(self.voiced_share, 3),
            "mean_confidence": round(self.mean_confidence, 3),
        }


@dataclass(frozen=True)
class Verdict:
    summary: str
    fix_first: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"summary": self.summary, "fix_first": list(self.fix_first)}


@dataclass(frozen=True)
class AnswerAnalysis:
    analysis_version: int
    timing: Timing
    pace: Pace
    pauses: Pauses
    fillers: Fillers
    coverage: Coverage
    reliability: Reliability
    verdict: Verdict
    transcript: Transcript
    pitch: PitchVariation = field(default_factory=PitchVariation)
    energy: Energy = field(default_factory=Energy)
    repetition: Repetition = field(default_factory=Repetition)
    hedging: Hedging = field(default_factory=Hedging)
    wordiness: Wordiness = field(default_factory=Wordiness)

    def to_dict(self) -> dict:
        t = self.timing
        return {
            "analysis_version": self.analysis_version,
            "recording_s": round(t.recording_s, 2),
            "lead_in_s": round(t.lead_in_s, 2),
            "duration_s": round(t.duration_s, 2),
            "words": self.pace.words,
            "wpm": round(self.pace.wpm, 1),
            "timing": t.to_dict(),
            "pace": self.pace.to_dict(),
            "pauses": self.pauses.to_dict(),
            "fillers": self.fillers.to_dict(),
            "coverage": self.coverage.to_dict(),
            "reliability": self.reliability.to_dict(),
            "verdict": self.verdict.to_dict(),
            "pitch": self.pitch.to_dict(),
            "energy": self.energy.to_dict(),
            "repetition": self.repetition.to_dict(),
            "hedging": self.hedging.to_dict(),
            "wordiness": self.wordiness.to_dict(),
            "transcript": self.transcript.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict) -> AnswerAnalysis:
        timing, pace = data["timing"], data.get("pace", {})
        return cls(
            analysis_version=int(data["analysis_version"]),
            timing=Timing(
                float(data["recording_s"]),
                float(data["lead_in_s"]),
                float(data["duration_s"]),
                (int(timing["target_s"][0]), int(timing["target_s"][1])),
                str(timing["verdict"]),
                float(timing["over_s"]),
            ),
            pace=Pace(
                int(data["words"]),
                float(data["wpm"]),
                [(float(a), float(b)) for a, b in pace.get("series", [])],
                float(pace.get("window_s", 15.0)),
                int(pace.get("heard_words", -1)),
                float(pace.get("missing_words", 0.0)),
                [(float(a), float(b), float(n)) for a, b, n in pace.get("dropped", [])],
                None if pace.get("sound_wpm") is None else float(pace["sound_wpm"]),
            ),
            pauses=Pauses(
                float(data["pauses"]["threshold_s"]),
                [Pause(float(p["start"]), float(p["end"])) for p in data["pauses"]["items"]],
            ),
            fillers=Fillers(
                [Filler(str(f["type"]), float(f["start"]), str(f.get("text", ""))) for f in data["fillers"]["items"]],
                float(data["fillers"]["per_min"]),
            ),
            coverage=Coverage.from_dict(data["coverage"]),
            reliability=_reliability(data["reliability"]),
            verdict=Verdict(
                str(data.get("verdict", {}).get("summary", "")), list(data.get("verdict", {}).get("fix_first", []))
            ),
            transcript=Transcript.from_dict(data["transcript"]),
            pitch=PitchVariation.from_dict(data.get("pitch")),
            energy=Energy.from_dict(data.get("energy")),
            repetition=Repetition.from_dict(data.get("repetition")),
            hedging=Hedging.from_dict(data.get("hedging")),
            wordiness=Wordiness.from_dict(data.get("wordiness")),
        )


def _point(data: dict) -> HintPoint:
    items = [_item(i) for i in data.get("items", [])]
    return HintPoint(
        str(data["point"]),
        bool(data["covered"]),
        _time(data.get("at_s")),
        str(data.get("evidence", "")),
        items,
        str(data.get("label", "")),
    )


def _item(data: dict) -> HintItem:
    return HintItem(
        str(data["text"]),
        bool(data["covered"]),
        _time(data.get("at_s")),
        str(data.get("evidence", "")),
        float(data.get("confidence", 0.0)),
        bool(data.get("apart", False)),
    )


def _time(value) -> float | None:
    return None if value is None else float(value)


def _reliability(data: dict) -> Reliability:
    return Reliability(
        bool(data["ok"]),
        list(data.get("warnings", [])),
        list(data.get("untrusted", [])),
        float(data.get("speech_dbfs", 0.0)),
        float(data.get("clipped_share", 0.0)),
        float(data.get("voiced_share", 0.0)),
        float(data.get("mean_confidence", 1.0)),
    )
