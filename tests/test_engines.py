"""Both Whisper engines on the real offline weights, on real espeak-ng speech.

Thresholds, measured on `spoken_clip` (41 words, espeak-ng en-us at 160 wpm):
- WER: every engine/model/beam combination measured 0.146 (tiny.en) or 0.171 (base): espeak's
  "led", "billing" and "slow queries" are misheard. WER_LIMIT 0.30 leaves room for a few more
  words on another CPU or library version, while a broken model (bad conversion, wrong
  language, a loop) lands near 1.0.
- Across engines (tiny.en) the words differed by 0 (both greedy, the defaults) or 1 (faster-whisper
  beam 5), and word starts by 0.5 ms (greedy) or 8 ms (beam 5) on average, max 0.12 s:
  CROSS_WORDS_LIMIT 3, CROSS_START_LIMIT_S 0.05.
"""

import difflib
import subprocess
import sys
import threading

import numpy as np
import pytest

from interviewer.adapters.engines import AVAILABLE_MODELS, build_transcriber
from interviewer.adapters.speechgen import concatenate, silence
from interviewer.adapters.whisper_common import speech_end
from interviewer.domain.ports import SAMPLE_RATE, DecodeHints
from interviewer.domain.wer import edit_distance, normalized_words, word_error_rate
from interviewer.errors import TranscriberError

WER_LIMIT = 0.30
CROSS_WORDS_LIMIT = 3
CROSS_START_LIMIT_S = 0.05
DISFLUENT_PROMPT = "Umm, let me think like, hmm... Okay, here's what I'm, like, thinking."


def assert_well_timed(transcript, clip):
    starts = [w.start for w in transcript.words]
    assert transcript.words, "no words heard"
    assert starts == sorted(starts)
    for word in transcript.words:
        assert 0.0 <= word.start <= word.end <= clip.duration_s
        assert 0.0 <= word.probability <= 1.0
    assert transcript.words[-1].end <= clip.speech_s + 0.5  # nothing heard in the trailing silence
    assert transcript.duration_s == pytest.approx(clip.duration_s)


def matching_words(left, right):
    """Pairs of words the two transcripts share, aligned by difflib (an extra word shifts nothing)."""
    matcher = difflib.SequenceMatcher(a=[w.text for w in left], b=[w.text for w in right], autojunk=False)
    return [(left[m.a + k], right[m.b + k]) for m in matcher.get_matching_blocks() for k in range(m.size)]


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["faster-whisper", "openai-whisper"])
def test_engine_transcribes_spoken_clip(transcriber, spoken_clip, engine):
    transcript = transcriber(engine, "tiny.en").transcribe(spoken_clip.audio)

    assert word_error_rate(spoken_clip.text, transcript.text) <= WER_LIMIT, transcript.text
    assert_well_timed(transcript, spoken_clip)
    assert (transcript.engine, transcript.model, transcript.language) == (engine, "tiny.en", "en")


@pytest.mark.slow
def test_openai_whisper_on_converted_weights_agrees_with_faster_whisper(faster_tiny, openai_tiny, spoken_clip):
    faster = faster_tiny.transcribe(spoken_clip.audio)
    openai = openai_tiny.transcribe(spoken_clip.audio)

    differing = edit_distance(normalized_words(faster.text), normalized_words(openai.text))
    assert differing <= CROSS_WORDS_LIMIT, (faster.text, openai.text)
    pairs = matching_words(faster.words, openai.words)
    assert len(pairs) >= len(faster.words) - 2 * CROSS_WORDS_LIMIT
    mean_start_gap = sum(abs(a.start - b.start) for a, b in pairs) / len(pairs)
    assert mean_start_gap <= CROSS_START_LIMIT_S


@pytest.mark.slow
def test_base_is_joined_and_transcribes(transcriber, spoken_clip):
    transcript = transcriber("faster-whisper", "base").transcribe(spoken_clip.audio)

    assert word_error_rate(spoken_clip.text, transcript.text) <= WER_LIMIT, transcript.text
    assert_well_timed(transcript, spoken_clip)


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["faster-whisper", "openai-whisper"])
def test_prompt_and_long_trailing_silence_do_not_loop(transcriber, spoken_clip, engine):
    """The trap in WHISPER.md: a disfluent prompt plus trailing silence made tiny.en loop "um, um"."""
    audio = concatenate([spoken_clip.audio, silence(20.0)])
    hints = DecodeHints(prompt=DISFLUENT_PROMPT, hotwords=("billing", "database"))

    transcript = transcriber(engine, "tiny.en").transcribe(audio, hints)

    assert word_error_rate(spoken_clip.text, transcript.text) <= WER_LIMIT, transcript.text
    assert transcript.words[-1].end <= spoken_clip.speech_s + 0.5
    assert transcript.duration_s == pytest.approx(len(audio) / SAMPLE_RATE)


@pytest.mark.slow
def test_repeated_calls_give_the_same_words(faster_tiny, spoken_clip):
    first = faster_tiny.transcribe(spoken_clip.audio)
    second = faster_tiny.transcribe(spoken_clip.audio.copy())
    assert first.words == second.words


@pytest.mark.slow
def test_silence_only_gives_no_words(faster_tiny):
    transcript = faster_tiny.transcribe(silence(5.0))
    assert transcript.words == ()
    assert transcript.duration_s == pytest.approx(5.0)


@pytest.mark.slow
def test_load_in_the_background_reports_progress_and_transcribe_waits_for_it(spoken_clip):
    messages, started = [], threading.Event()

    def progress(message):
        messages.append(message)
        started.set()

    transcriber = build_transcriber("faster-whisper", "tiny.en", beam_size=1)
    loading = threading.Thread(target=transcriber.load, args=(progress,))
    loading.start()
    assert started.wait(timeout=120)
    transcript = transcriber.transcribe(spoken_clip.audio)
    loading.join()

    assert word_error_rate(spoken_clip.text, transcript.text) <= WER_LIMIT
    assert any("checking weights" in m for m in messages)
    assert messages.count("loading tiny.en") == 1


def test_unknown_model_lists_the_available_ones():
    with pytest.raises(TranscriberError) as caught:
        build_transcriber("faster-whisper", "large-v9")
    assert "large-v9" in caught.value.message
    assert all(model in caught.value.fix for model in AVAILABLE_MODELS)


def test_openai_whisper_unknown_name_lists_offline_and_online_models():
    with pytest.raises(TranscriberError) as caught:
        build_transcriber("openai-whisper", "large-v9").load()
    assert "large-v9" in caught.value.message
    assert "tiny.en, base" in caught.value.fix and "large-v3" in caught.value.fix


def test_unknown_engine_and_option_are_named():
    with pytest.raises(TranscriberError, match="whisper.cpp"):
        build_transcriber("whisper.cpp", "tiny.en")
    with pytest.raises(TranscriberError) as caught:
        build_transcriber("faster-whisper", "tiny.en", beems=3)
    assert "beems" in caught.value.message and "beam_size" in caught.value.fix


def test_openai_whisper_folds_hotwords_into_the_prompt():
    openai = build_transcriber("openai-whisper", "tiny.en")
    arguments = openai._decode_arguments(DecodeHints(prompt="Well, um.", hotwords=("Kubernetes", "Terraform")))
    assert arguments["initial_prompt"] == "Kubernetes, Terraform. Well, um."
    assert arguments["word_timestamps"] is True


def test_importing_the_factory_stays_light():
    code = "import sys, interviewer.adapters.engines; print(' '.join(sorted(sys.modules)))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    heavy = {"torch", "whisper", "faster_whisper", "ctranslate2", "av"}
    assert not heavy & {name.split(".")[0] for name in loaded.split()}


def test_trailing_silence_is_trimmed_to_half_a_second_after_speech():
    tone = 0.3 * np.sin(np.arange(2 * SAMPLE_RATE) / SAMPLE_RATE * 2 * np.pi * 220).astype(np.float32)
    quiet_noise = np.random.default_rng(0).normal(0, 3e-4, 10 * SAMPLE_RATE).astype(np.float32)
    end = speech_end(concatenate([silence(1.0), tone, quiet_noise]))
    assert end / SAMPLE_RATE == pytest.approx(3.5, abs=0.03)
    assert speech_end(silence(3.0)) == 0
    assert speech_end(tone) == len(tone)


@pytest.mark.slow
def test_a_window_whisper_stops_short_of_is_heard_to_its_end(faster_tiny):
    """faster-whisper decodes a chunk in one window; tiny.en ends this 25.6 s answer at 17.4 s there,
    so the adapter decodes it on, and the last sentence is heard."""
    from tests.test_practice_real import LONG, _spoken

    audio = _spoken(LONG)
    transcript = faster_tiny.transcribe(audio)
    assert len(audio) / SAMPLE_RATE < 30
    assert transcript.words[-1].end > len(audio) / SAMPLE_RATE - 2.0
    assert "friday" in transcript.text.lower()


def test_faster_whisper_says_how_much_it_weighed_a_hesitation_before_each_word(faster_tiny):
    """The step log-probabilities come back and are read onto the words (hesitation_evidence.py): on
    real speech with hesitations, words carry weights, the largest where an "um" was said."""
    from interviewer.domain.hearing.prompt import DISFLUENT_STYLE
    from interviewer.domain.words import is_hesitation, norm_of
    from tests.test_practice_real import _spoken

    audio = _spoken("I draw calibration curves, um, you know, the predicted risk against the rate, uh, in each decile.")
    words = faster_tiny.transcribe(audio, DecodeHints(prompt=DISFLUENT_STYLE)).words
    assert all(w.hesitation_before > 0 for w in words)  # the grouping matched faster-whisper's words
    heaviest = sorted(words, key=lambda w: -w.hesitation_before)[:2]
    assert all(is_hesitation(norm_of(w.text)) and w.hesitation_before > 0.1 for w in heaviest)


@pytest.mark.slow
def test_beam_search_words_can_be_weighed_by_the_greedy_pass():
    """CTranslate2 gives no step probabilities with beam search, so with `rewrite_beam_size` the
    transcriber decodes each window greedily (the weights), then with beams (the words), and carries
    the weights over."""
    from interviewer.domain.hearing.prompt import DISFLUENT_STYLE
    from tests.test_practice_real import _spoken

    careful = build_transcriber("faster-whisper", "base", threads=1, rewrite_beam_size=5)
    audio = _spoken("I draw calibration curves, um, you know, the predicted risk against the rate, uh, in each decile.")
    words = careful.transcribe(audio, DecodeHints(prompt=DISFLUENT_STYLE)).words
    assert careful.options.rewrite_beam_size > 1
    assert "calibration" in "".join(w.text for w in words).lower()
    assert max(w.hesitation_before for w in words) > 0.1


def test_the_careful_transcriber_writes_guarded_beam_words_on_half_the_cores_and_eval_on_all():
    """Beam search's words after the greedy pass, guarded against hint terms greedy did not write
    (hearing/hint_guard.py); the draft and other transcribers stay greedy."""
    from interviewer.adapters.engines import build_careful_transcriber

    assert build_careful_transcriber("faster-whisper", "base").options.rewrite_beam_size == 5
    assert build_careful_transcriber("faster-whisper", "base", threads=0).options.threads == 0
    assert build_transcriber("faster-whisper", "base").options.rewrite_beam_size == 1


def test_the_draft_hears_in_fitted_windows_and_the_careful_hearing_in_full_ones():
    """Fitted windows make the draft's last chunk at stop cheaper; base's words stay as base heard them."""
    from interviewer.adapters.engines import build_careful_transcriber

    assert build_transcriber("faster-whisper", "tiny.en").options.fitted_window
    assert not build_careful_transcriber("faster-whisper", "base").options.fitted_window


class EncodedFrames:
    """Stands in for the CTranslate2 model under `FittedWindow`, noting the mel frames of each encode."""

    def __init__(self, model) -> None:
        self._model = model
        self.frames: list[int] = []

    def __getattr__(self, name):
        return getattr(self._model, name)

    def encode(self, features, to_cpu=False):
        self.frames.append(features.shape[-1])
        return self._model.encode(features, to_cpu=to_cpu)


def _noting_frames(transcriber) -> EncodedFrames:
    transcriber.load()
    noted = transcriber._window._model = EncodedFrames(transcriber._window._model)
    return noted


def test_audio_under_30_s_is_encoded_in_a_window_fitted_to_it_and_heard_alike(spoken_clip):
    """A 16 s clip (its trailing silence trimmed to 0.5 s) is encoded in whole seconds of mel frames, not
    30 s, and the words match the full window's."""
    fitted = build_transcriber("faster-whisper", "tiny.en")
    full = build_transcriber("faster-whisper", "tiny.en", fitted_window=False)
    fitted_frames, full_frames = _noting_frames(fitted), _noting_frames(full)

    fitted_words = fitted.transcribe(spoken_clip.audio).words
    full_words = full.transcribe(spoken_clip.audio).words

    seconds = len(spoken_clip.audio) / SAMPLE_RATE
    assert len(fitted_frames.frames) == 1 and fitted_frames.frames[0] in range(
        1000, 100 * int(np.ceil(seconds)) + 1, 100
    )
    assert full_frames.frames == [3000]
    assert len(matching_words(fitted_words, full_words)) >= len(full_words) - CROSS_WORDS_LIMIT
    assert_well_timed(fitted.transcribe(spoken_clip.audio), spoken_clip)


def test_a_fitted_window_whose_words_pile_up_is_decoded_again_in_the_full_window(spoken_clip, monkeypatch):
    """A decoder loop writes its copies at one spot (phantoms.piled_up); the full window then decides."""
    from interviewer.adapters import faster_whisper_engine

    fitted = build_transcriber("faster-whisper", "tiny.en")
    noted = _noting_frames(fitted)
    monkeypatch.setattr(faster_whisper_engine, "piled_up", lambda starts: True)

    words = fitted.transcribe(spoken_clip.audio).words

    assert noted.frames[0] < 3000 and noted.frames[1:] == [3000]
    assert word_error_rate(spoken_clip.text, " ".join(w.text for w in words)) <= WER_LIMIT


def test_a_saved_answer_is_heard_after_the_fact_with_the_apps_careful_decoding():
    """score, sessions --finish and eval take their pair from one place; the careful one decodes as the
    app's does (beam words, hint guard, full windows), on all the cores."""
    from interviewer.adapters.engines import build_after_the_fact

    draft, careful = build_after_the_fact("faster-whisper", "tiny.en", "base")
    assert (careful.options.rewrite_beam_size, careful.options.fitted_window, careful.options.threads) == (5, False, 0)
    assert (draft.options.rewrite_beam_size, draft.options.fitted_window) == (1, True)
    assert build_after_the_fact("faster-whisper", "tiny.en")[1] is None


def test_interviewer_score_hears_with_the_after_the_fact_pair(monkeypatch):
    from interviewer.adapters import engines
    from interviewer.commands.score import score_audio
    from interviewer.fakes import FakeTranscriber
    from tests.ui.test_question_flow import voiced

    asked = []

    def pair(engine, model, careful_model=""):
        asked.append((engine, model, careful_model))
        return FakeTranscriber("I would use focal loss"), FakeTranscriber("I would use focal loss")

    monkeypatch.setattr(engines, "build_after_the_fact", pair)
    result = score_audio(
        voiced(4.0), "How?", "focal loss", "faster-whisper", "tiny.en", (120, 180), 2.0, careful_model="base"
    )
    assert asked == [("faster-whisper", "tiny.en", "base")]
    assert result["model"] == "tiny.en+base"
