"""The delivery figures coaches give beyond pace and fillers: pitch, energy, repetition, hedging, wordiness.

Each figure keeps its evidence as `Moment`s (times in the recording and the words said there), so a
screen or a report can show and play the moment a number came from. Every dataclass has defaults, so
an analysis saved before these figures existed still loads (its figures read as not measured).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Moment:
    start: float  # seconds, saved to the thousandth like word times (so a moment finds its first word)
    end: float
    text: str = ""  # the words said there
    note: str = ""  # what the moment shows, e.g. "1.1 st" or "-7 dB at the end"

    def to_dict(self) -> dict:
        return {"start": round(self.start, 3), "end": round(self.end, 3), "text": self.text, "note": self.note}

    @classmethod
    def from_dict(cls, data: dict) -> Moment:
        return cls(float(data["start"]), float(data["end"]), str(data.get("text", "")), str(data.get("note", "")))


def _moment(data: dict | None) -> Moment | None:
    return Moment.from_dict(data) if data else None


def _moments(items) -> list[Moment]:
    return [Moment.from_dict(m) for m in items or []]


@dataclass(frozen=True)
class PitchVariation:
    measured: bool = False  # False: too little voiced speech (or no audio) to say
    median_hz: float = 0.0
    spread_st: float = 0.0  # 10th-90th percentile range of F0, semitones
    threshold_st: float = 0.0
    monotone: bool = False
    series: list[tuple[float, float]] = field(default_factory=list)  # (window start s, spread st): the pitch line
    window_s: float = 0.0
    flattest: Moment | None = None  # the sentence with the least pitch movement
    per_sentence: list[tuple[float, float]] = field(default_factory=list)  # (sentence start s, spread st)

    def to_dict(self) -> dict:
        return {
            "measured": self.measured,
            "median_hz": round(self.median_hz, 1),
            "spread_st": round(self.spread_st, 2),
            "threshold_st": self.threshold_st,
            "monotone": self.monotone,
            "series": [[round(t, 2), round(v, 2)] for t, v in self.series],
            "window_s": self.window_s,
            "flattest": self.flattest.to_dict() if self.flattest else None,
            "per_sentence": [[round(t, 3), round(v, 2)] for t, v in self.per_sentence],
        }

    @classmethod
    def from_dict(cls, data: dict | None) -> PitchVariation:
        if not data:
            return cls()
        return cls(
            bool(data.get("measured", False)),
            float(data.get("median_hz", 0.0)),
            float(data.get("spread_st", 0.0)),
            float(data.get("threshold_st", 0.0)),
            bool(data.get("monotone", False)),
            [(float(t), float(v)) for t, v in data.get("series", [])],
            float(data.get("window_s", 0.0)),
            _moment(data.get("flattest")),
            [(float(t), float(v)) for t, v in data.get("per_sentence", [])],
        )


@dataclass(frozen=True)
class Energy:
    measured: bool = False
    spread_db: float = 0.0  # 10th-90th percentile range of sentence loudness, dB
    threshold_db: float = 0.0
    flat: bool = False
    drop_db: float = 0.0  # loudness of the first third of the answer minus the last third
    dropping: bool = False
    trailing: list[Moment] = field(default_factory=list)  # sentences whose end fell away
    sentences: int = 0  # sentences measured for trailing off
    series: list[float] = field(default_factory=list)  # loudness (dBFS) per sentence
    trails_off: bool = False  # enough of the sentences trailed off to say so of the answer

    @property
    def trailing_share(self) -> float:
        return len(self.trailing) / self.sentences if self.sentences else 0.0

    def to_dict(self) -> dict:
        return {
            "measured": self.measured,
            "spread_db": round(self.spread_db, 2),
            "threshold_db": self.threshold_db,
            "flat": self.flat,
            "drop_db": round(self.drop_db, 2),
            "dropping": self.dropping,
            "trailing": [m.to_dict() for m in self.trailing],
            "sentences": self.sentences,
            "trailing_share": round(self.trailing_share, 3),
            "trails_off": self.trails_off,
            "series": [round(v, 1) for v in self.series],
        }

    @classmethod
    def from_dict(cls, data: dict | None) -> Energy:
        if not data:
            return cls()
        return cls(
            bool(data.get("measured", False)),
            float(data.get("spread_db", 0.0)),
            float(data.get("threshold_db", 0.0)),
            bool(data.get("flat", False)),
            float(data.get("drop_db", 0.0)),
            bool(data.get("dropping", False)),
            _moments(data.get("trailing")),
            int(data.get("sentences", 0)),
            [float(v) for v in data.get("series", [])],
            bool(data.get("trails_off", False)),
        )


@dataclass(frozen=True)
class RepeatedPhrase:
    text: str
    count: int
    on_topic: bool = False  # its words are the question's own subject: repeating them is no fault
    moments: list[Moment] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "count": self.count,
            "on_topic": self.on_topic,
            "moments": [m.to_dict() for m in self.moments],
        }

    @classmethod
    def from_dict(cls, data: dict) -> RepeatedPhrase:
        return cls(
            str(data["text"]), int(data["count"]), bool(data.get("on_topic", False)), _moments(data.get("moments"))
        )


@dataclass(frozen=True)
class Repetition:
    phrases: list[RepeatedPhrase] = field(default_factory=list)  # two or more content words, said 3+ times
    top_words: list[RepeatedPhrase] = field(default_factory=list)  # the most-used content words

    @property
    def off_topic(self) -> list[RepeatedPhrase]:
        return [p for p in self.phrases if not p.on_topic]

    def to_dict(self) -> dict:
        return {"phrases": [p.to_dict() for p in self.phrases], "top_words": [w.to_dict() for w in self.top_words]}

    @classmethod
    def from_dict(cls, data: dict | None) -> Repetition:
        data = data or {}
        return cls(
            [RepeatedPhrase.from_dict(p) for p in data.get("phrases", [])],
            [RepeatedPhrase.from_dict(w) for w in data.get("top_words", [])],
        )


@dataclass(frozen=True)
class Hedge:
    kind: str  # "i think", "maybe", ... (lowercase)
    start: float
    end: float
    text: str = ""  # as said
    excused: bool = False  # the question asks for the speaker's view and this states it
    rule: str = ""  # which rule decided

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "start": round(self.start, 3),
            "end": round(self.end, 3),
            "text": self.text,
            "excused": self.excused,
            "rule": self.rule,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Hedge:
        return cls(
            str(data["kind"]),
            float(data["start"]),
            float(data.get("end", data["start"])),
            str(data.get("text", "")),
            bool(data.get("excused", False)),
            str(data.get("rule", "")),
        )


@dataclass(frozen=True)
class Hedging:
    items: list[Hedge] = field(default_factory=list)
    per_min: float = 0.0  # hedges not excused, per minute of answer
    opener: Moment | None = None  # a weak opening ("So, basically", "That's a great question")

    @property
    def counted(self) -> list[Hedge]:
        return [h for h in self.items if not h.excused]

    def to_dict(self) -> dict:
        return {
            "total": len(self.counted),
            "excused": len(self.items) - len(self.counted),
            "per_min": round(self.per_min, 2),
            "items": [h.to_dict() for h in self.items],
            "opener": self.opener.to_dict() if self.opener else None,
        }

    @classmethod
    def from_dict(cls, data: dict | None) -> Hedging:
        data = data or {}
        items = [Hedge.from_dict(h) for h in data.get("items", [])]
        return cls(items, float(data.get("per_min", 0.0)), _moment(data.get("opener")))


@dataclass(frozen=True)
class Wordiness:
    measured: bool = False  # False without hint points to carry
    sentences: int = 0
    idle_sentences: int = 0  # sentences that carry no hint point
    idle_share: float = 0.0  # share of the answer's sentence time that carries no hint point
    longest_idle: Moment | None = None  # the longest run of such sentences

    @property
    def longest_idle_s(self) -> float:
        return self.longest_idle.end - self.longest_idle.start if self.longest_idle else 0.0

    def to_dict(self) -> dict:
        return {
            "measured": self.measured,
            "sentences": self.sentences,
            "idle_sentences": self.idle_sentences,
            "idle_share": round(self.idle_share, 3),
            "longest_idle": self.longest_idle.to_dict() if self.longest_idle else None,
            "longest_idle_s": round(self.longest_idle_s, 1),
        }

    @classmethod
    def from_dict(cls, data: dict | None) -> Wordiness:
        if not data:
            return cls()
        return cls(
            bool(data.get("measured", False)),
            int(data.get("sentences", 0)),
            int(data.get("idle_sentences", 0)),
            float(data.get("idle_share", 0.0)),
            _moment(data.get("longest_idle")),
        )
