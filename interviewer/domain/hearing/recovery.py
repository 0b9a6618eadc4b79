"""One chunk heard: the prompted pass, stretches it dropped heard again, lone hesitations it skipped.

Measured (`interviewer eval`): a prompted pass can drop whole sentences, or all of them. So
every stretch of voiced audio that came back without enough words is heard again on its own
(with the prompt, then without) and merged in, sentences Whisper wrote over silence are
dropped (phantoms.py), and lone "uh"s it skipped are heard on their own.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from interviewer.domain.hearing import signal
from interviewer.domain.hearing.phantoms import heard_in_sound
from interviewer.domain.hearing.prompt import DISFLUENT_STYLE, Listening, decode_hints_for
from interviewer.domain.hearing.weighed import unfused_hesitations, weighed_hesitations, weighing_for
from interviewer.domain.ports import SAMPLE_RATE, DecodeHints, Transcriber
from interviewer.domain.transcript import Transcript, Word
from interviewer.domain.words import is_hesitation, tokenize

RECOVER_MIN_VOICED_S = 0.8  # voiced audio without words shorter than this is breath or noise
RECOVER_MARGIN_S = 0.3  # seconds of context kept around a span that is heard again
WORD_REACH_S = 0.25  # a word "covers" voiced audio this far around its own times
PHRASE_GAP_S = 0.25  # silences at least this long separate phrases
WHOLE_PASS_SHARE = 0.5  # when this share of the voiced audio went unheard, the whole answer is heard again
STARVED_SHARE = 0.35  # a phrase with fewer words than this share of the expected count lost speech
ISLAND_MIN_S, ISLAND_MAX_S = 0.12, 1.0  # a lone "uh" or "um" between pauses
ISLAND_BRIDGE_S = 0.06  # silences shorter than this are inside a burst of sound
ISLAND_MARGIN_S = 0.2  # seconds of silence kept around a burst that is heard again
ISLAND_DUPLICATE_S = 1.0  # a hesitation the pass wrote this close to a bare burst is that burst


@dataclass(frozen=True)
class Span:
    start: float  # seconds
    end: float


def transcribe_chunk(
    transcriber: Transcriber,
    audio: np.ndarray,
    question_text: str,
    hint: str,
    previous_text: str,
    glossary: tuple[str, ...] = (),
    listening: Listening = Listening(),
) -> Transcript:
    """One chunk, decoded the way a whole answer is (same hints), with the text so far as context."""
    hints = decode_hints_for(question_text, hint, previous_text, glossary, listening)
    return transcribe_answer(transcriber, audio, hints)


def transcribe_answer(transcriber: Transcriber, audio: np.ndarray, hints: DecodeHints) -> Transcript:
    """The prompted pass, the stretches it heard too few words in heard again on their own, the
    sentences nobody said dropped, lone hesitations it skipped heard on their own, and hesitations
    it weighed but wrote another word for put back, or wrote onto a hint term split off it (weighed.py).

    Times in the result are seconds from the first sample of `audio`.
    """
    first = transcriber.transcribe(audio, hints)
    lv = signal.levels(audio, SAMPLE_RATE)
    words, notes = recover_dropped_speech(transcriber, audio, lv, heard_in_sound(first.words, lv), hints)
    hesitations = heard_hesitations(transcriber, audio, lv, words)
    if hesitations:
        notes += (f"heard {len(hesitations)} lone hesitation(s) the first pass skipped",)
    words = weighed_hesitations(sorted(words + hesitations, key=lambda w: (w.start, w.end)), weighing_for(first.model))
    words = unfused_hesitations(words, hints.hotwords)
    return Transcript(
        tuple(words), first.language, len(audio) / SAMPLE_RATE, first.engine, first.model, first.notes + notes
    )


def recover_dropped_speech(
    transcriber: Transcriber, audio: np.ndarray, lv: signal.Levels, words: tuple[Word, ...], hints: DecodeHints
) -> tuple[list[Word], tuple[str, ...]]:
    """Every stretch the prompted pass heard too few words in, heard again on its own.

    A stretch is voiced audio no word covers, or a phrase with far fewer words per voiced
    second than the rest of the answer (Whisper stretches the words around a dropped
    sentence over it). It is heard alone with the same hints first (tiny.en dropped a
    sentence after "noise." in a chunk and heard it whole alone, fillers included; without
    the prompt it looped on "a, a, a"), then without the prompt; the first that hears more
    words than the pass replaces its words there. When most of the speech is still unheard
    after that, the whole audio is heard again without the prompt.
    """
    spans = unheard_spans(lv, words)
    if not spans:
        return list(words), ()
    unprompted = DecodeHints(prompt="", hotwords=hints.hotwords)
    words, recovered = _heard_again(transcriber, audio, lv, list(words), spans, (hints, unprompted))
    still = sum(signal.voiced_seconds(lv, s.start, s.end) for s in unheard_spans(lv, words))
    if still >= WHOLE_PASS_SHARE * signal.voiced_seconds(lv, 0.0, len(audio) / SAMPLE_RATE):
        whole = [Span(0.0, len(audio) / SAMPLE_RATE)]
        words, more = _heard_again(transcriber, audio, lv, words, whole, (unprompted,))
        recovered, spans = recovered + more, spans + whole
    return words, (f"heard {len(spans)} stretch(es) again on their own: {recovered:+d} words",)


def _heard_again(transcriber, audio, lv, words: list[Word], spans: list[Span], tries: tuple[DecodeHints, ...]):
    """`words` with each span's words replaced by the first try that hears more there; and the gain."""
    recovered = 0
    for span in spans:
        a = max(0, int((span.start - RECOVER_MARGIN_S) * SAMPLE_RATE))
        b = min(len(audio), int((span.end + RECOVER_MARGIN_S) * SAMPLE_RATE))
        old = [w for w in words if _inside(w, span)]
        for hints in tries:
            heard = transcriber.transcribe(audio[a:b], hints).shifted(a / SAMPLE_RATE)
            new = [w for w in heard_in_sound(heard.words, lv) if _inside(w, span)]
            if len(new) > len(old):
                words = [w for w in words if not _inside(w, span)] + new
                recovered += len(new) - len(old)
                break
    return sorted(words, key=lambda w: (w.start, w.end)), recovered


def heard_hesitations(transcriber: Transcriber, audio: np.ndarray, lv: signal.Levels, words: list[Word]) -> list[Word]:
    """Lone hesitations the pass skipped: each short burst of sound between silences that no word
    lies on is heard again on its own, in the disfluent style; it counts only when all that comes
    back is one "um"/"uh" (measured: tiny.en drops some "uh," said between two pauses)."""
    found = []
    heard_before = [t for t in tokenize(words) if is_hesitation(t.norm)]
    for span in bare_islands(lv, words):
        if any(span.start - ISLAND_DUPLICATE_S <= t.start <= span.end + ISLAND_DUPLICATE_S for t in heard_before):
            continue  # the pass heard this hesitation, with its time off
        a = max(0, int((span.start - ISLAND_MARGIN_S) * SAMPLE_RATE))
        b = min(len(audio), int((span.end + ISLAND_MARGIN_S) * SAMPLE_RATE))
        heard = tokenize(transcriber.transcribe(audio[a:b], DecodeHints(prompt=DISFLUENT_STYLE)).words)
        if len(heard) == 1 and is_hesitation(heard[0].norm):
            found.append(Word(" " + heard[0].text, span.start, span.end, heard[0].probability))
    return found


def bare_islands(lv: signal.Levels, words: list[Word] | tuple[Word, ...]) -> list[Span]:
    """Bursts of sound ISLAND_MIN_S-ISLAND_MAX_S long, silent on both sides, with no word's middle on them."""
    middles = np.array(sorted((w.start + w.end) / 2 for w in words))
    islands = []
    for x, y in signal.bridged(signal.runs(lv.voiced), int(ISLAND_BRIDGE_S / lv.frame_s)):
        span = Span(x * lv.frame_s, y * lv.frame_s)
        if not ISLAND_MIN_S <= span.end - span.start <= ISLAND_MAX_S:
            continue
        lo, hi = np.searchsorted(middles, [span.start - WORD_REACH_S, span.end + WORD_REACH_S])
        if lo == hi:
            islands.append(span)
    return islands


def unheard_spans(lv: signal.Levels, words: tuple[Word, ...] | list[Word]) -> list[Span]:
    """Voiced stretches with no word on them, and phrases with too few words for their length."""
    if lv.voiced.size == 0 or not lv.voiced.any():
        return []
    gap = int(0.6 / lv.frame_s)
    spans = [
        Span(x * lv.frame_s, y * lv.frame_s)
        for x, y in signal.bridged(signal.runs(_bare(lv, words)), gap)
        if signal.voiced_seconds(lv, x * lv.frame_s, y * lv.frame_s) >= RECOVER_MIN_VOICED_S
    ]
    spans += starved_phrases(lv, words)
    spans.sort(key=lambda s: s.start)
    merged: list[Span] = []
    for span in spans:
        if merged and span.start - merged[-1].end < 1.0:
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
        else:
            merged.append(span)
    return merged


def starved_phrases(lv: signal.Levels, words) -> list[Span]:
    """Phrases (voiced audio between silences of PHRASE_GAP_S) holding under STARVED_SHARE of the
    words their voiced length would hold at the answer's median rate."""
    phrases = []
    for x, y in signal.bridged(signal.runs(lv.voiced), int(PHRASE_GAP_S / lv.frame_s)):
        span = Span(x * lv.frame_s, y * lv.frame_s)
        voiced = signal.voiced_seconds(lv, span.start, span.end)
        if voiced >= RECOVER_MIN_VOICED_S:
            count = sum(1 for w in words if span.start - 0.1 <= (w.start + w.end) / 2 <= span.end + 0.1)
            phrases.append((span, voiced, count))
    if len(phrases) < 2:
        return []
    median = float(np.median([count / voiced for _, voiced, count in phrases]))
    return [span for span, voiced, count in phrases if count < STARVED_SHARE * median * voiced]


def _bare(lv: signal.Levels, words) -> np.ndarray:
    covered = np.zeros_like(lv.voiced)
    for w in words:
        a = max(0, int((w.start - WORD_REACH_S) / lv.frame_s))
        b = min(covered.size, int(np.ceil((w.end + WORD_REACH_S) / lv.frame_s)))
        covered[a:b] = True
    return lv.voiced & ~covered


def _inside(word: Word, span: Span) -> bool:
    middle = (word.start + word.end) / 2
    return span.start - RECOVER_MARGIN_S <= middle <= span.end + RECOVER_MARGIN_S
