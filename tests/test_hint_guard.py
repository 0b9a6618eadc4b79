"""Beam search may not write a hint term its own greedy pass did not hear (hearing/hint_guard.py)."""

from __future__ import annotations

from contextlib import contextmanager

from interviewer.adapters.faster_whisper_engine import FasterWhisperOptions, FasterWhisperTranscriber
from interviewer.adapters.hesitation_evidence import LogitsRecorder
from interviewer.domain.hearing.hint_guard import hint_guarded, hint_terms, unwritten_stretches
from interviewer.domain.hearing.prompt import DISFLUENT_STYLE
from interviewer.domain.ports import DecodeHints
from interviewer.domain.transcript import Word


def _words(text: str, start: float = 0.0, step: float = 0.4) -> list[Word]:
    return [Word(f" {t}", start + i * step, start + (i + 1) * step) for i, t in enumerate(text.split())]


def _text(words: list[Word]) -> str:
    return "".join(w.text for w in words).strip()


def test_the_greedy_words_are_kept_where_only_the_beam_wrote_a_hotword():
    """The tuning half's case: said "nobody acts on", beam "no bottleneck to", greedy "no more than I could"."""
    beam = _words("so there is no bottleneck to solve it and then we ship")
    greedy = _words("so there is no more than I could solve it and than we ship", step=0.3)
    guarded = hint_guarded(beam, greedy, ["bottleneck", "SHAP"])
    assert _text(guarded) == "so there is no more than I could solve it and then we ship"
    kept = guarded[4:8]
    assert kept == greedy[4:8]  # greedy's own words with their own times


def test_a_term_the_greedy_pass_also_wrote_stays_as_the_beam_wrote_it():
    beam = _words("we look for the bottleneck first")
    greedy = _words("we look for a bottleneck first", start=0.2)
    assert hint_guarded(beam, greedy, ["bottleneck"]) == beam


def test_greedy_writing_the_term_a_little_later_counts_as_written():
    beam = _words("the bottleneck is here")  # "bottleneck" at 0.4-0.8 s
    greedy = [Word(" a", 0.0, 0.5), Word(" bottle", 0.5, 0.9), Word(" neck", 0.9, 1.2), Word(" is", 1.2, 1.4)]
    greedy.append(Word(" here", 1.4, 1.6))
    assert hint_guarded(beam, greedy, ["bottleneck"]) == beam


def test_greedy_writing_the_term_far_away_does_not_cover_the_beams():
    beam = _words("no bottleneck to solve it and later the bottleneck was fixed")
    greedy = _words("no more than I could solve it and later the bottleneck was fixed")
    guarded = hint_guarded(beam, greedy, ["bottleneck"])
    assert _text(guarded) == "no more than I could solve it and later the bottleneck was fixed"


def test_the_beams_other_words_stay_where_it_wrote_no_term():
    beam = _words("the model underfits so we add bottleneck layers")
    greedy = _words("the mode under fits so we add no layers")
    guarded = hint_guarded(beam, greedy, ["bottleneck"])
    assert _text(guarded) == "the model underfits so we add no layers"


def test_a_term_split_into_words_and_a_plural_are_found():
    assert unwritten_stretches(
        [" cross", "-validation", " helps"], [" across", " validation", " helps"], ["cross-validation"]
    )
    assert unwritten_stretches([" two", " bottlenecks"], [" two", " bottles"], ["bottleneck"])
    assert not unwritten_stretches([" two", " bottles"], [" two", " bottlenecks"], ["bottleneck"])


def test_the_terms_are_the_hotwords_and_the_prompts_jargon_but_not_im():
    terms = hint_terms(DecodeHints(prompt=f"{DISFLUENT_STYLE} we used SHAP values", hotwords=("Brier",)))
    assert terms == ("Brier", "SHAP")


class _Recorder:
    def __init__(self) -> None:
        self.greedy = False

    @contextmanager
    def greedy_only(self):
        self.greedy = True
        yield
        self.greedy = False


class _Heard(FasterWhisperTranscriber):
    """The transcriber with its decodes faked: beam words, and greedy words when asked for them."""

    def __init__(self, beam: list[Word], greedy: list[Word]) -> None:
        super().__init__("base", FasterWhisperOptions(rewrite_beam_size=5))
        self._recorder = _Recorder()
        self.beam, self.greedy, self.decodes = beam, greedy, []

    def _heard(self, samples, hints):
        greedy = self._recorder.greedy
        self.decodes.append("greedy" if greedy else "beam")
        self._greedy_texts = None if greedy else [w.text for w in self.greedy]
        words = self.greedy if greedy else self.beam
        return [(w.text, w.start, w.end, w.probability, w.hesitation_before) for w in words], "en"


def test_the_engine_decodes_greedily_again_only_when_the_beam_wrote_an_unheard_term():
    hints = DecodeHints(hotwords=("bottleneck",))
    guarded = _Heard(_words("no bottleneck to solve it"), _words("no more than I could solve it"))
    words, _ = guarded._decode(None, hints)
    assert "".join(w[0] for w in words).strip() == "no more than I could solve it"
    assert guarded.decodes == ["beam", "greedy"]
    agreed = _Heard(_words("the bottleneck is data"), _words("a bottleneck is data"))
    words, _ = agreed._decode(None, hints)
    assert "".join(w[0] for w in words).strip() == "the bottleneck is data" and agreed.decodes == ["beam"]


def test_inside_greedy_only_the_recorder_writes_greedy_decoding():
    class Model:
        calls: list = []

        def generate(self, features, prompts, **kwargs):
            self.calls.append(kwargs.get("beam_size"))
            from types import SimpleNamespace

            return [SimpleNamespace(sequences_ids=[[1]], scores=[0.0], logits=[])]

    model = Model()
    recorder = LogitsRecorder(model, [7], beam_size=5)
    with recorder.greedy_only():
        recorder.generate("features", [[0]], beam_size=1)
    recorder.generate("features", [[0]], beam_size=1)
    assert model.calls == [1, 1, 5]
