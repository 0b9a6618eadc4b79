"""Voice profiles: the shipped ones load, user ones override, broken files name file:line."""

from __future__ import annotations

import pytest

from interviewer import paths
from interviewer.adapters.voices import VoiceProfile, find_voice, load_voices
from interviewer.errors import ConfigError

GOOD = 'name = "Mine"\ndescription = "My own."\nlanguage = "en-gb"\nrate = 170\nvolume = 0.8\n'
PIPER = 'name = "Mine"\ndescription = "Neural."\nengine = "piper"\nlength_scale = 1.2\nsentence_pause_s = 0.4\n'


def test_the_shipped_voices_load():
    voices = load_voices([paths.shipped_voices_dir()])
    assert set(voices) >= {"calm-us", "brisk-uk", "scottish", "slow-clear"}
    calm = voices["calm-us"]
    assert calm == VoiceProfile("calm-us", "Calm US", calm.description, "en-us", 150, 0.9, calm.source)
    assert calm.source == paths.shipped_voices_dir() / "calm-us.toml"


def test_a_user_voice_adds_to_and_overrides_the_shipped_ones(tmp_path):
    (tmp_path / "mine.toml").write_text(GOOD)
    (tmp_path / "calm-us.toml").write_text(GOOD.replace("170", "140"))
    voices = load_voices([paths.shipped_voices_dir(), tmp_path, tmp_path / "missing"])
    assert voices["mine"].rate == 170 and voices["calm-us"].rate == 140
    assert find_voice("mine", [tmp_path]).language == "en-gb"


def test_default_dirs_are_shipped_then_user(tmp_path, monkeypatch):
    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(tmp_path))
    (tmp_path / "voices").mkdir()
    (tmp_path / "voices" / "mine.toml").write_text(GOOD)
    assert {"mine", "calm-us"} <= set(load_voices())


def test_an_unknown_voice_lists_the_known_ones(tmp_path):
    (tmp_path / "mine.toml").write_text(GOOD)
    with pytest.raises(ConfigError) as caught:
        find_voice("robot", [tmp_path])
    assert "robot" in caught.value.message and "mine" in caught.value.fix


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (GOOD.replace("rate = 170", "rate = 9000"), 4, "rate must be a whole number"),
        (GOOD.replace("rate = 170", 'rate = "fast"'), 4, "rate must be a number"),
        (GOOD.replace("volume = 0.8", "volume = 1.5"), 5, "volume must be between"),
        (GOOD.replace('language = "en-gb"', 'language = "English!"'), 3, "language tag"),
        (GOOD.replace('name = "Mine"', 'name = ""'), 1, "name must be a non-empty string"),
        (GOOD + "pitch = 3\n", 6, "unknown key 'pitch'"),
        (GOOD.replace("volume = 0.8\n", ""), 1, "missing volume"),
        (GOOD.replace("rate = 170", "rate = = 170"), 4, ""),
        (PIPER.replace('"piper"', '"festival"'), 3, "engine must be one of"),
        (PIPER + "rate = 150\n", 6, "unknown key 'rate'"),
        (PIPER.replace("length_scale = 1.2", "length_scale = 5"), 4, "length_scale must be between 0.5 and 2.0"),
        (PIPER.replace("sentence_pause_s = 0.4", "sentence_pause_s = -1"), 5, "sentence_pause_s must be between"),
        (PIPER.replace("sentence_pause_s = 0.4\n", ""), 1, "missing sentence_pause_s"),
        (PIPER + "model = 3\n", 6, "model must be a string"),
    ],
)
def test_broken_voice_files_name_the_file_and_line(tmp_path, text, line, words):
    file = tmp_path / "broken.toml"
    file.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_voices([tmp_path])
    assert caught.value.message.startswith(f"{file}:{line}: ")
    assert words in caught.value.message and caught.value.fix


def test_the_shipped_piper_voices_name_their_engine_and_settings():
    voices = load_voices([paths.shipped_voices_dir()])
    calm, brisk = voices["natural-calm"], voices["natural-brisk"]
    assert (calm.engine, calm.length_scale, calm.sentence_pause_s, calm.model) == ("piper", 1.5, 0.35, "")
    assert (brisk.engine, brisk.length_scale) == ("piper", 1.2) and brisk.engine_name == "Piper"
    assert voices["calm-us"].engine == "pyttsx3" and voices["calm-us"].engine_name == "espeak"


def test_a_piper_voice_takes_its_own_keys(tmp_path):
    (tmp_path / "mine.toml").write_text(PIPER + 'model = "/voices/x.onnx"\nvolume = 0.8\n')
    (tmp_path / "said.toml").write_text(GOOD + 'engine = "pyttsx3"\n')
    voices = load_voices([tmp_path])
    mine = voices["mine"]
    assert (mine.engine, mine.model, mine.length_scale, mine.sentence_pause_s, mine.volume) == (
        "piper",
        "/voices/x.onnx",
        1.2,
        0.4,
        0.8,
    )
    assert voices["said"].engine == "pyttsx3" and voices["said"].rate == 170
