"""StreamingTranscriber with a scripted fake: joins, order, no loss or doubling, monotonic times.

The audio is a script of tone bursts, one per word, each word's pitch naming it. The fake
transcriber hears a chunk by finding its bursts and their pitch, so a word cut in two, lost
or heard twice at a join shows up as a wrong word list.
"""

from __future__ import annotations

import re
import threading
import time
from itertools import pairwise

import numpy as np
import pytest

from interviewer.domain.hearing.chunker import ChunkerOptions
from interviewer.domain.hearing.signal import FRAME, frame_levels_db
from interviewer.domain.hearing.stream import StreamingTranscriber
from interviewer.domain.hearing.stream_info import StreamingOptions
from interviewer.domain.ports import SAMPLE_RATE, DecodeHints
from interviewer.domain.transcript import Transcript, Word

BASE_HZ, STEP_HZ, NAMES = 200.0, 25.0, 280  # word i is a tone at BASE_HZ + (i % NAMES) * STEP_HZ


def tone_script(phrases: list[int], seed: int = 0, word_gap_s: float = 0.08) -> tuple[np.ndarray, list[Word]]:
    """Phrases of `n` tone-burst words; short gaps inside a phrase, pauses of 0.4-1.5 s between."""
    rng = np.random.default_rng(seed)
    parts, words, t, i = [np.zeros(int(0.5 * SAMPLE_RATE), np.float32)], [], 0.5, 0
    for count in phrases:
        for _ in range(count):
            seconds = rng.uniform(0.2, 0.45)
            n = int(seconds * SAMPLE_RATE)
            burst = 0.3 * np.sin(2 * np.pi * (BASE_HZ + (i % NAMES) * STEP_HZ) * np.arange(n) / SAMPLE_RATE)
            parts.append((burst * np.hanning(n) ** 0.1).astype(np.float32))
            words.append(Word(f" w{i % NAMES}", t, t + n / SAMPLE_RATE))
            t, i = t + n / SAMPLE_RATE, i + 1
            gap = int(word_gap_s * SAMPLE_RATE)
            parts.append(np.zeros(gap, np.float32))
            t += gap / SAMPLE_RATE
        pause = int(rng.uniform(0.4, 1.5) * SAMPLE_RATE)
        parts.append(np.zeros(pause, np.float32))
        t += pause / SAMPLE_RATE
    return np.concatenate(parts), words


class ToneTranscriber:
    """Hears tone bursts as words `w<i>`, with times inside the chunk it was given."""

    engine, model = "fake", "tones"

    def __init__(self, delay_s: float = 0.0, fail_on_call: int = -1) -> None:
        self.delay_s = delay_s
        self.fail_on_call = fail_on_call
        self.prompts: list[str] = []

    def load(self, progress=None) -> None:
        pass

    def transcribe(self, audio: np.ndarray, hints: DecodeHints = DecodeHints()) -> Transcript:
        if len(self.prompts) == self.fail_on_call:
            raise RuntimeError("the engine broke")
        self.prompts.append(hints.prompt)
        time.sleep(self.delay_s)
        loud = frame_levels_db(audio) > -40
        words, start = [], None
        for k, on in enumerate(np.append(loud, False)):
            if on and start is None:
                start = k
            elif not on and start is not None:
                words.append(self._word(audio[start * FRAME : k * FRAME], start, k))
                start = None
        return Transcript(tuple(words), duration_s=len(audio) / SAMPLE_RATE, engine="fake", model="tones")

    @staticmethod
    def _word(burst: np.ndarray, first: int, end: int) -> Word:
        spectrum = np.abs(np.fft.rfft(burst, n=4 * SAMPLE_RATE))
        hz = np.argmax(spectrum) / 4
        return Word(f" w{round((hz - BASE_HZ) / STEP_HZ)}", first * FRAME / SAMPLE_RATE, end * FRAME / SAMPLE_RATE)


# Short chunks whether or not the transcriber is busy: many joins to check, whatever the product default.
SHORT_CHUNK_S = 3.0
FIXED_CUTS = StreamingOptions(chunker=ChunkerOptions(min_chunk_s=SHORT_CHUNK_S, busy_min_chunk_s=SHORT_CHUNK_S))


def stream(audio: np.ndarray, transcriber, block_s: float = 0.1, **kwargs) -> StreamingTranscriber:
    """Feed `audio` as fast as possible; cuts as if the transcriber were idle unless `options` say else."""
    kwargs.setdefault("options", FIXED_CUTS)
    streamer = StreamingTranscriber(transcriber, **kwargs)
    step = int(block_s * SAMPLE_RATE)
    for i in range(0, len(audio), step):
        streamer.feed(audio[i : i + step])
    return streamer


def assert_times_monotonic(words) -> None:
    for a, b in pairwise(words):
        assert a.start <= a.end <= b.start <= b.end, (a, b)


@pytest.mark.parametrize("block_s", [0.01, 0.1, 0.37, 3.0])
def test_streamed_words_are_the_script_whatever_the_block_size(block_s):
    audio, truth = tone_script([5, 12, 3, 30, 8, 2, 20], seed=1)
    streamer = stream(audio, ToneTranscriber(), block_s=block_s)
    got = streamer.finish(timeout=30)
    assert [w.text for w in got.words] == [w.text for w in truth]
    assert streamer.stats().chunks >= 4, "the answer was not cut into chunks"
    assert_times_monotonic(got.words)
    for heard, said in zip(got.words, truth, strict=True):
        assert abs(heard.start - said.start) < 0.07 and abs(heard.end - said.end) < 0.07


def test_a_long_phrase_without_pauses_is_cut_between_words():
    audio, truth = tone_script([140], seed=2)  # ~45 s of words with 80 ms gaps only
    streamer = stream(audio, ToneTranscriber())
    got = streamer.finish(timeout=30)
    assert [w.text for w in got.words] == [w.text for w in truth]
    assert max(streamer.stats().chunk_seconds) <= ChunkerOptions().max_chunk_s + 0.1


def test_each_chunk_is_decoded_with_the_text_so_far_as_context():
    audio, _ = tone_script([6, 6, 6], seed=3)
    fake = ToneTranscriber()
    got = stream(audio, fake).finish(timeout=30)
    heard = [[int(n) for n in re.findall(r"\bw(\d+)", prompt)] for prompt in fake.prompts]
    assert heard[0] == [] and len(heard) >= 3
    for before, now in pairwise(heard):
        assert now and now == list(range(now[0], now[-1] + 1)), "context is not the words so far, in order"
        assert now[-1] > (before[-1] if before else -1)
    assert got.words[-1].text == " w17"


def test_snapshot_grows_while_speaking_and_finish_adds_only_the_rest():
    audio, truth = tone_script([8, 8, 8, 8], seed=4)
    updates = []
    # each chunk takes 0.5 s: on a loaded machine an instant one finished all four before the
    # polling thread woke (a fresh clone's run saw 32 of 32 words at its first look)
    streamer = stream(audio, ToneTranscriber(delay_s=0.5), on_update=updates.append)
    deadline = time.monotonic() + 10
    while len(streamer.snapshot().words) < 16 and time.monotonic() < deadline:
        time.sleep(0.01)
    before = streamer.snapshot()
    assert 16 <= len(before.words) < len(truth)
    final = streamer.finish(timeout=30)
    assert final.words[: len(before.words)] == before.words
    assert updates and updates[-1].transcript.words == final.words and updates[-1].lag_s == 0.0


def test_a_slow_transcriber_is_reported_falling_behind_and_nothing_is_dropped():
    audio, truth = tone_script([6] * 12, seed=5)
    flags = []
    options = StreamingOptions(chunker=FIXED_CUTS.chunker, behind_s=6.0)
    streamer = stream(
        audio, ToneTranscriber(delay_s=0.3), options=options, on_update=lambda u: flags.append(u.falling_behind)
    )
    assert streamer.falling_behind and streamer.lag_s() > 6.0
    got = streamer.finish(timeout=60)
    assert [w.text for w in got.words] == [w.text for w in truth]
    assert not streamer.falling_behind and streamer.stats().fell_behind and True in flags


def test_a_fast_transcriber_never_falls_behind():
    audio, _ = tone_script([6] * 6, seed=6)
    streamer = StreamingTranscriber(ToneTranscriber())
    for i in range(0, len(audio), 1600):
        streamer.feed(audio[i : i + 1600])
        time.sleep(0.002)
    streamer.finish(timeout=30)
    assert not streamer.stats().fell_behind


def test_an_engine_error_reaches_finish():
    audio, _ = tone_script([6, 6, 6], seed=7)
    streamer = stream(audio, ToneTranscriber(fail_on_call=1))
    with pytest.raises(RuntimeError, match="the engine broke"):
        streamer.finish(timeout=30)


def test_finish_times_out_and_can_be_called_again():
    audio, truth = tone_script([4], seed=8)
    streamer = stream(audio, ToneTranscriber(delay_s=1.0))
    with pytest.raises(TimeoutError):
        streamer.finish(timeout=0.05)
    assert [w.text for w in streamer.finish(timeout=30).words] == [w.text for w in truth]


def test_silence_is_never_sent_to_the_engine_and_not_kept():
    fake = ToneTranscriber()
    streamer = StreamingTranscriber(fake)
    quiet = np.random.default_rng(0).normal(0, 1e-3, 60 * SAMPLE_RATE).astype(np.float32)
    for i in range(0, len(quiet), 1600):
        streamer.feed(quiet[i : i + 1600])
        assert streamer.lag_s() <= 0.25
    assert streamer.finish(timeout=10).words == () and fake.prompts == []


def test_held_audio_stays_bounded_on_a_long_answer():
    audio, truth = tone_script([10] * 120, seed=9)  # ~10 minutes
    streamer = StreamingTranscriber(ToneTranscriber())
    held = []
    for i in range(0, len(audio), 1600):
        streamer.feed(audio[i : i + 1600])
        held.append(streamer._chunker.open_samples)
    assert max(held) / SAMPLE_RATE <= ChunkerOptions().max_chunk_s + 1.0
    assert [w.text for w in streamer.finish(timeout=60).words] == [w.text for w in truth]


def test_feed_from_another_thread_while_the_ui_reads():
    audio, truth = tone_script([7] * 8, seed=10)
    streamer = StreamingTranscriber(ToneTranscriber(delay_s=0.01))
    feeder = threading.Thread(target=lambda: [streamer.feed(audio[i : i + 800]) for i in range(0, len(audio), 800)])
    feeder.start()
    while feeder.is_alive():
        assert_times_monotonic(streamer.snapshot().words)
        streamer.lag_s()
    feeder.join()
    assert [w.text for w in streamer.finish(timeout=30).words] == [w.text for w in truth]


def test_chunks_grow_while_the_transcriber_is_busy_so_a_slow_machine_catches_up():
    audio, truth = tone_script([6] * 12, seed=11)
    idle = stream(audio, ToneTranscriber())
    busy = stream(audio, ToneTranscriber(delay_s=0.3), options=StreamingOptions())
    assert [w.text for w in busy.finish(timeout=60).words] == [w.text for w in truth]
    idle.finish(timeout=60)
    assert min(busy.stats().chunk_seconds[1:-1]) >= ChunkerOptions().busy_min_chunk_s
    assert busy.stats().chunks < idle.stats().chunks / 2


def test_finish_waits_for_blocks_still_on_their_way_from_the_recorder():
    audio, truth = tone_script([5, 5], seed=12)
    streamer = StreamingTranscriber(ToneTranscriber(), options=FIXED_CUTS)

    def late_feeder():
        for i in range(0, len(audio), 1600):
            streamer.feed(audio[i : i + 1600])
            time.sleep(0.001)

    feeder = threading.Thread(target=late_feeder)
    feeder.start()
    got = streamer.finish(timeout=30, total_samples=len(audio))
    feeder.join()
    assert [w.text for w in got.words] == [w.text for w in truth]


# --- speculative finishing: the open chunk decoded ahead during the pause before stop ---------

NO_SPECULATION = StreamingOptions(speculate_after_s=None)


def spoken(count: int, seed: int) -> tuple[np.ndarray, list[Word]]:
    """`count` tone words, ending 50 ms after the last one (no trailing pause)."""
    audio, words = tone_script([count], seed=seed)
    return audio[: int((words[-1].end + 0.05) * SAMPLE_RATE)], words


def quiet(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * SAMPLE_RATE), np.float32)


def feed_blocks(streamer: StreamingTranscriber, audio: np.ndarray) -> None:
    for i in range(0, len(audio), 1600):
        streamer.feed(audio[i : i + 1600])


def wait_until(condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def speculation_done(streamer: StreamingTranscriber) -> bool:
    spec = streamer._speculation
    return spec is not None and spec.part is not None


def person_answers(
    options: StreamingOptions, phrases: list[np.ndarray]
) -> tuple[Transcript, StreamingTranscriber, int]:
    """Each phrase then 1 s of silence, fed as a person speaks on a machine that keeps up: the worker
    is idle when each pause starts, and any speculation is done before the next phrase. The
    transcript, the stream, and how many times the engine was called."""
    fake = ToneTranscriber()
    streamer = StreamingTranscriber(fake, options=options)
    for phrase in phrases:
        feed_blocks(streamer, phrase)
        streamer.wait_idle(timeout=10)
        feed_blocks(streamer, quiet(1.0))
        if options.speculate_after_s is not None:
            wait_until(lambda: speculation_done(streamer))
    return streamer.finish(timeout=30), streamer, len(fake.prompts)


def test_the_pause_before_stop_is_decoded_ahead_and_reused_with_the_same_words():
    first, _ = spoken(8, seed=13)
    plain, _, plain_calls = person_answers(NO_SPECULATION, [first])
    got, streamer, calls = person_answers(StreamingOptions(), [first])
    stats = streamer.stats()
    assert (stats.speculations, stats.speculations_used) == (1, 1)
    assert calls == plain_calls == 1, "the chunk closed at stop was decoded again"
    assert got.words == plain.words and len(got.words) == 8


def test_speech_after_a_speculated_pause_drops_the_speculation_and_the_words_are_the_same():
    first, _ = spoken(5, seed=14)
    second, _ = spoken(4, seed=15)
    plain, plain_stream, plain_calls = person_answers(NO_SPECULATION, [first, second])
    got, streamer, calls = person_answers(StreamingOptions(), [first, second])
    stats = streamer.stats()
    assert plain_stream.stats().chunks == stats.chunks == 1, "both phrases are one open chunk"
    assert (stats.speculations, stats.speculations_used) == (2, 1)
    assert calls == plain_calls + 1, "one speculation wasted, the other reused"
    assert got.words == plain.words and len(got.words) == 9


def test_stop_during_or_before_a_speculation_never_decodes_the_same_audio_twice():
    first, _ = spoken(6, seed=16)
    fake = ToneTranscriber(delay_s=0.2)
    streamer = StreamingTranscriber(fake)
    feed_blocks(streamer, np.concatenate([first, quiet(1.0)]))
    got = streamer.finish(timeout=30)
    stats = streamer.stats()
    assert len(got.words) == 6 and stats.speculations == 1
    assert len(fake.prompts) == 1, "running: reused; still queued at stop: skipped"


class LoggedTranscriber(ToneTranscriber):
    """A ToneTranscriber that notes when each of its decodes starts and ends, in one shared log."""

    def __init__(self, name: str, log: list, delay_s: float) -> None:
        super().__init__(delay_s=delay_s)
        self.name, self.log = name, log

    def transcribe(self, audio: np.ndarray, hints: DecodeHints = DecodeHints()) -> Transcript:
        start = time.monotonic()
        heard = super().transcribe(audio, hints)
        self.log.append((self.name, start, time.monotonic()))
        return heard


def test_a_stream_that_yields_starts_no_decode_while_the_other_decodes_the_pause_before_stop():
    """The careful hearing's chunk closes in the pause where the draft decodes its last words ahead;
    the draft goes first (espeak answer stopped 0.6 s after its last word: 0.67 s to the first
    feedback beside base's decode, 0.36 s after it)."""
    log: list = []
    draft = StreamingTranscriber(LoggedTranscriber("draft", log, delay_s=0.4))
    careful_options = StreamingOptions(chunker=ChunkerOptions(min_chunk_s=2.0), speculate_after_s=None)
    careful = StreamingTranscriber(LoggedTranscriber("careful", log, 0.1), options=careful_options, yields_to=draft)
    phrase, _ = spoken(10, seed=17)
    for block in np.array_split(np.concatenate([phrase, quiet(1.0)]), 60):
        draft.feed(block)
        careful.feed(block)
    wait_until(lambda: len(log) == 2)
    [(first, _, first_end), (second, second_start, _)] = sorted(log, key=lambda entry: entry[1])
    assert (first, second) == ("draft", "careful") and second_start >= first_end
    assert len(draft.finish(timeout=10).words) == len(careful.finish(timeout=10).words) == 10


class AlwaysBusy:
    def wants_the_cores(self) -> bool:
        return True


def test_a_stream_that_yields_waits_a_bounded_time(monkeypatch):
    monkeypatch.setattr("interviewer.domain.hearing.stream.YIELD_MAX_S", 0.3)
    audio, truth = tone_script([6], seed=18)
    careful = stream(audio, ToneTranscriber(), yields_to=AlwaysBusy())
    assert len(careful.finish(timeout=10).words) == len(truth)
