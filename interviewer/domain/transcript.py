"""Engine-independent, word-timed transcripts. Times are seconds from the start of the recording."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace


@dataclass(frozen=True)
class Word:
    """One written word. `hesitation_before` is the probability Whisper gave a hesitation ("um",
    "uh") on its way to this word, where it wrote this word instead (0 when the engine cannot say)."""

    text: str
    start: float
    end: float
    probability: float = 1.0
    hesitation_before: float = 0.0

    def to_dict(self) -> dict:
        data = {
            "word": self.text,
            "start": round(self.start, 3),
            "end": round(self.end, 3),
            "probability": round(self.probability, 4),
        }
        if self.hesitation_before > 0:
            data["hesitation_before"] = round(self.hesitation_before, 4)
        return data

    def moved(self, start: float, end: float) -> Word:
        return replace(self, start=start, end=end)

    @classmethod
    def from_dict(cls, data: dict) -> Word:
        return cls(
            text=str(data["word"]),
            start=float(data["start"]),
            end=float(data["end"]),
            probability=float(data.get("probability", 1.0)),
            hesitation_before=float(data.get("hesitation_before", 0.0)),
        )


@dataclass(frozen=True)
class Transcript:
    """What an engine heard. `duration_s` is the length of the audio it was given."""

    words: tuple[Word, ...] = ()
    language: str = "en"
    duration_s: float = 0.0
    engine: str = ""
    model: str = ""
    notes: tuple[str, ...] = field(default=())

    @property
    def text(self) -> str:
        return join_words(w.text for w in self.words)

    def shifted(self, offset_s: float) -> Transcript:
        """The same words with every time moved by `offset_s` (chunk time -> recording time)."""
        moved = tuple(w.moved(w.start + offset_s, w.end + offset_s) for w in self.words)
        return Transcript(moved, self.language, self.duration_s, self.engine, self.model, self.notes)

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "language": self.language,
            "duration_s": round(self.duration_s, 3),
            "engine": self.engine,
            "model": self.model,
            "words": [w.to_dict() for w in self.words],
        }

    @classmethod
    def from_dict(cls, data: dict) -> Transcript:
        return cls(
            words=tuple(Word.from_dict(w) for w in data.get("words", [])),
            language=str(data.get("language", "en")),
            duration_s=float(data.get("duration_s", 0.0)),
            engine=str(data.get("engine", "")),
            model=str(data.get("model", "")),
        )


def continues_word(text: str) -> bool:
    """Whether a Whisper word is the rest of the word before it: a word may not start with punctuation,
    so Whisper splits "cross-validation" into " cross" and "-validation" and "0.2" into " 0" and ".2"
    (the second with no leading space)."""
    return (text.startswith("-") and len(text) > 1) or (text[:1] in ".," and text[1:2].isdigit())


def join_words(texts) -> str:
    """Whisper words carry their own leading space; join them and tidy the spacing."""
    return " ".join("".join(texts).split())


__all__ = ["Word", "Transcript", "continues_word", "join_words", "asdict"]
