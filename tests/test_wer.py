"""The word error rate used by the engine tests and the benchmark."""

import pytest

from interviewer.domain.wer import edit_distance, normalized_words, word_error_rate


def test_identical_text_after_normalising_is_zero():
    assert word_error_rate("Hello, World! It's fine.", "hello world it's FINE") == 0.0


def test_one_substitution_in_four_words():
    assert word_error_rate("the cat sat down", "the hat sat down") == pytest.approx(0.25)


def test_deletions_and_insertions_count():
    assert word_error_rate("one two three four", "one three four") == pytest.approx(0.25)
    assert word_error_rate("one two", "one two three four") == pytest.approx(1.0)


def test_empty_reference():
    assert word_error_rate("", "") == 0.0
    assert word_error_rate("", "something") == 1.0
    assert word_error_rate("...", "") == 0.0


def test_empty_hypothesis_is_all_deleted():
    assert word_error_rate("a b c", "") == 1.0


def test_curly_apostrophes_and_hyphens():
    assert normalized_words("Don\u2019t re-run it") == ["don't", "re", "run", "it"]


def test_edit_distance_is_symmetric_on_examples():
    a, b = "kitten sitting on mat".split(), "sitting kitten on the mat".split()
    assert edit_distance(a, b) == edit_distance(b, a) == 3


def test_numbers_count_as_said_whether_written_in_digits_or_words():
    """Whisper writes "forty percent" as "40%" and "two" as "2": not a word misheard."""
    assert word_error_rate("it fell by about forty percent in two months", "It fell by about 40% in 2 months.") == 0.0
    assert normalized_words("2,000.5 and 3") == ["two", "thousand", "point", "five", "and", "three"]
    assert word_error_rate("forty percent", "fourteen percent") == 0.5
