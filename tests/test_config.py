"""Config: defaults, overrides, and errors that name the file and the line."""

from pathlib import Path

import pytest

from interviewer.config import Config, load_config, with_overrides
from interviewer.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text)
    return path


def test_defaults_when_no_file(tmp_path, monkeypatch):
    monkeypatch.setenv("INTERVIEWER_CONFIG", str(tmp_path / "absent.toml"))
    config = load_config()
    assert config.engine == "faster-whisper" and config.target_s == (120, 180) and config.source is None
    assert config.voice == "" and config.spoken_cues  # "" = the natural voice when installed, else espeak


def test_spoken_cues_can_be_turned_off_and_must_be_a_boolean(tmp_path):
    assert load_config(write(tmp_path, "spoken_cues = false\n")).spoken_cues is False
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, 'spoken_cues = "no"\n'))
    assert caught.value.message.endswith(":1: spoken_cues: must be true or false")


def test_values_are_read_and_converted(tmp_path):
    path = write(
        tmp_path,
        'engine = "openai-whisper"\nmodel = "base"\ntarget_s = [60, 90]\n'
        'recordings_dir = "~/rec"\ninput_device = 3\npause_threshold_s = 1.5\n',
    )
    config = load_config(path)
    assert (config.engine, config.model, config.target_s) == ("openai-whisper", "base", (60, 90))
    assert config.recordings_dir == Path("~/rec").expanduser() and config.input_device == "3"
    assert config.pause_threshold_s == 1.5 and config.source == path


@pytest.mark.parametrize(
    "text, line, words",
    [
        ('model = "base"\nengine = "vosk"\n', 2, "must be one of"),
        ("\n\ntarget_s = [200, 100]\n", 3, "low < high"),
        ('voice = "calm-us"\ncolour = "red"\n', 2, "unknown key 'colour'"),
        ('model = "base"\nmodel = [\n', 2, ""),
        ('live_hints = "yes"\n', 1, "true or false"),
    ],
)
def test_errors_name_file_and_line(tmp_path, text, line, words):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert f"{path}:{line}:" in caught.value.message
    assert words in caught.value.message


def test_explicit_missing_file_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(tmp_path / "nope.toml")


def test_command_line_overrides_only_what_is_given():
    config = with_overrides(Config(model="base"), model=None, engine="openai-whisper")
    assert (config.model, config.engine) == ("base", "openai-whisper")


def test_the_careful_model_hears_unless_a_model_is_named_on_the_command_line(tmp_path, monkeypatch):
    from interviewer.cli import parse_args, resolve_config
    from interviewer.config import careful_model

    monkeypatch.setenv("INTERVIEWER_CONFIG", str(tmp_path / "absent.toml"))
    default = resolve_config(parse_args([]))
    assert (default.model, careful_model(default)) == ("tiny.en", "base")
    named = resolve_config(parse_args(["--model", "tiny.en"]))
    assert careful_model(named) == ""
    same = Config(model="base", careful_model="base")
    assert careful_model(same) == ""  # the same model twice gains nothing


def test_careful_model_is_read_from_the_file(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('careful_model = ""\n')
    config = load_config(path)
    assert config.careful_model == "" and config.model == "tiny.en"
