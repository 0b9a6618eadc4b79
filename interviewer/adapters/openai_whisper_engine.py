"""The openai-whisper Transcriber, on the same offline weights rewritten once into its checkpoint format.

The CTranslate2 model.bin is read with numpy (read_ctranslate2_model), renamed to
openai-whisper's state dict, and saved per user as `{"dims": ..., "model_state_dict": ...}`
(float16, what the source holds). The real alignment heads come from config.json, so word
times match faster-whisper's. Other openai-whisper names go to `whisper.load_model`, which
downloads them on a machine with internet.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from interviewer import paths
from interviewer.adapters import weights
from interviewer.adapters.whisper_common import (
    WhisperModelHolder,
    WhisperOptions,
    hotword_text,
)
from interviewer.domain.ports import DecodeHints
from interviewer.errors import TranscriberError

ENGINE = "openai-whisper"
DEFAULT_BEAM_SIZE = 1  # greedy: beam 5 costs 1.7-2.3x the time (WHISPER.md); see benchmarks/transcription.py
CONVERTER_VERSION = 1  # bump when the conversion changes, to rebuild cached checkpoints


@dataclass(frozen=True)
class OpenAIWhisperOptions(WhisperOptions):
    fp16: bool = False  # CPU decoding is float32
    hallucination_silence_threshold: float | None = None


# --- reading CTranslate2's model.bin ---------------------------------------------------------

_CT2_DTYPES = {0: np.float32, 1: np.int8, 2: np.int16, 3: np.int32, 4: np.float16}


def read_ctranslate2_model(path: Path) -> dict[str, np.ndarray]:
    """Every variable of a CTranslate2 model.bin (format version 6) by name; aliases are dropped."""
    data = path.read_bytes()
    offset = 0

    def take(fmt: str):
        nonlocal offset
        values = struct.unpack_from("<" + fmt, data, offset)
        offset += struct.calcsize("<" + fmt)
        return values

    def take_string() -> str:
        nonlocal offset
        (length,) = take("H")
        offset += length
        return data[offset - length : offset].rstrip(b"\0").decode("utf-8")

    (version,) = take("I")
    if version != 6:
        raise TranscriberError(f"{path}: CTranslate2 model format {version} is not supported (6 is)")
    take_string()  # the spec name, WhisperSpec
    _revision, count = take("II")
    variables = {}
    for _ in range(count):
        name = take_string()
        (rank,) = take("B")
        shape = take(f"{rank}I")
        dtype_id, size = take("BI")
        if dtype_id not in _CT2_DTYPES:
            raise TranscriberError(f"{path}: {name} has a data type (id {dtype_id}) the converter cannot read")
        array = np.frombuffer(
            data,
            dtype=_CT2_DTYPES[dtype_id],
            count=size // np.dtype(_CT2_DTYPES[dtype_id]).itemsize,
            offset=offset,
        )
        variables[name] = array.reshape(shape)
        offset += size
    return dequantized(variables)


def dequantized(variables: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """int8 weights with a per-row `weight_scale` back to float32 (w = q / scale); others untouched."""
    out = dict(variables)
    for name in [n for n in variables if n.endswith("/weight_scale")]:
        weight = name.removesuffix("_scale")
        scale = variables[name].astype(np.float32)
        out[weight] = variables[weight].astype(np.float32) / scale.reshape(-1, *([1] * (variables[weight].ndim - 1)))
        del out[name]
    return out


# --- conversion ------------------------------------------------------------------------------


def checkpoint_path(model: str) -> Path:
    return weights.weights_dir() / "openai-whisper" / f"{model}.pt"


def _meta_path(model: str) -> Path:
    return checkpoint_path(model).with_suffix(".json")


def checkpoint_ready(model: str) -> bool:
    """True when the converted checkpoint of `model` exists, matches its record and its source pin."""
    try:
        meta = json.loads(_meta_path(model).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    source = weights.model_weights(model)
    if meta.get("converter") != CONVERTER_VERSION or meta.get("source_sha256") != source.model_sha256:
        return False
    path = checkpoint_path(model)
    if not path.is_file() or path.stat().st_size != meta.get("size"):
        return False
    return weights.file_sha256(path) == meta.get("sha256")


def converted_checkpoint(model: str, progress: Callable[[str], None] | None = None) -> Path:
    """The per-user openai-whisper checkpoint of an offline model, converted the first time."""
    say = progress or (lambda _message: None)
    say(f"checking the openai-whisper checkpoint of {model}")
    if checkpoint_ready(model):
        return checkpoint_path(model)
    folder = weights.ctranslate2_folder(model, say)
    say(f"converting {model} for openai-whisper (once)")
    return write_checkpoint(model, folder, checkpoint_path(model))


def write_checkpoint(model: str, folder: Path, target: Path) -> Path:
    """Convert the CTranslate2 `folder` to an openai-whisper checkpoint at `target` (temp file, rename)."""
    import torch

    variables = read_ctranslate2_model(folder / "model.bin")
    checkpoint = {
        "dims": dimensions(variables),
        "model_state_dict": {name: torch.from_numpy(array.copy()) for name, array in state_dict(variables).items()},
    }
    heads = weights.alignment_heads(folder)
    paths.ensure_private_dir(target.parent)
    temp = target.with_name(f"{target.name}.tmp-{os.getpid()}")
    try:
        torch.save(checkpoint, temp)
        os.replace(temp, target)
        meta = {
            "converter": CONVERTER_VERSION,
            "source_sha256": weights.model_weights(model).model_sha256,
            "alignment_heads": heads,
            "size": target.stat().st_size,
            "sha256": weights.file_sha256(target),
        }
        target.with_suffix(".json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    except OSError as e:
        raise TranscriberError(
            f"cannot write the openai-whisper checkpoint {target}: {e}",
            "free some disk space or set INTERVIEWER_CACHE_DIR to a writable folder",
        ) from e
    finally:
        temp.unlink(missing_ok=True)
    return target


def dimensions(variables: dict[str, np.ndarray]) -> dict[str, int]:
    """openai-whisper's ModelDimensions, read from tensor shapes and the `num_heads` scalars."""

    def layers(side: str) -> int:
        prefix = f"{side}/layer_"
        return len({n.split("/")[1] for n in variables if n.startswith(prefix) and n[len(prefix)].isdigit()})

    encoder_positions = variables["encoder/position_encodings/encodings"].shape
    decoder_positions = variables["decoder/position_encodings/encodings"].shape
    return {
        "n_mels": int(variables["encoder/conv1/weight"].shape[1]),
        "n_audio_ctx": int(encoder_positions[0]),
        "n_audio_state": int(encoder_positions[1]),
        "n_audio_head": int(variables["encoder/num_heads"]),
        "n_audio_layer": layers("encoder"),
        "n_vocab": int(variables["decoder/embeddings/weight"].shape[0]),
        "n_text_ctx": int(decoder_positions[0]),
        "n_text_state": int(decoder_positions[1]),
        "n_text_head": int(variables["decoder/num_heads"]),
        "n_text_layer": layers("decoder"),
    }


def state_dict(variables: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """openai-whisper's parameter names for the CTranslate2 variables (table in WHISPER.md)."""
    out = {
        "encoder.positional_embedding": variables["encoder/position_encodings/encodings"],
        "decoder.positional_embedding": variables["decoder/position_encodings/encodings"],
        "decoder.token_embedding.weight": variables["decoder/embeddings/weight"],
    }
    for conv in ("conv1", "conv2"):
        _linear(out, f"encoder.{conv}", variables, f"encoder/{conv}")
    _norm(out, "encoder.ln_post", variables, "encoder/layer_norm")
    _norm(out, "decoder.ln", variables, "decoder/layer_norm")
    dims = dimensions(variables)
    for side, count in (("encoder", dims["n_audio_layer"]), ("decoder", dims["n_text_layer"])):
        for i in range(count):
            _block(out, f"{side}.blocks.{i}", variables, f"{side}/layer_{i}", cross=side == "decoder")
    return out


def _block(out: dict, block: str, v: dict, layer: str, cross: bool) -> None:
    self_attn = f"{layer}/self_attention"
    _norm(out, f"{block}.attn_ln", v, f"{self_attn}/layer_norm")
    _split_qkv(out, f"{block}.attn", v, f"{self_attn}/linear_0")
    _linear(out, f"{block}.attn.out", v, f"{self_attn}/linear_1")
    _norm(out, f"{block}.mlp_ln", v, f"{layer}/ffn/layer_norm")
    _linear(out, f"{block}.mlp.0", v, f"{layer}/ffn/linear_0")
    _linear(out, f"{block}.mlp.2", v, f"{layer}/ffn/linear_1")
    if cross:
        attention = f"{layer}/attention"
        _norm(out, f"{block}.cross_attn_ln", v, f"{attention}/layer_norm")
        _linear(out, f"{block}.cross_attn.query", v, f"{attention}/linear_0")
        key_value = v[f"{attention}/linear_1/weight"]
        width = key_value.shape[0] // 2
        out[f"{block}.cross_attn.key.weight"] = key_value[:width]
        out[f"{block}.cross_attn.value.weight"] = key_value[width:]
        out[f"{block}.cross_attn.value.bias"] = v[f"{attention}/linear_1/bias"][width:]
        _linear(out, f"{block}.cross_attn.out", v, f"{attention}/linear_2")


def _split_qkv(out: dict, attn: str, v: dict, fused: str) -> None:
    weight, bias = v[f"{fused}/weight"], v[f"{fused}/bias"]
    width = weight.shape[0] // 3
    for index, part in enumerate(("query", "key", "value")):
        out[f"{attn}.{part}.weight"] = weight[index * width : (index + 1) * width]
        if part != "key":  # openai-whisper's key projection has no bias (CTranslate2 stores zeros)
            out[f"{attn}.{part}.bias"] = bias[index * width : (index + 1) * width]


def _linear(out: dict, target: str, v: dict, source: str) -> None:
    out[f"{target}.weight"] = v[f"{source}/weight"]
    out[f"{target}.bias"] = v[f"{source}/bias"]


def _norm(out: dict, target: str, v: dict, source: str) -> None:
    out[f"{target}.weight"] = v[f"{source}/gamma"]
    out[f"{target}.bias"] = v[f"{source}/beta"]


def alignment_heads_dump(heads: list, layers: int, heads_per_layer: int) -> bytes:
    """`heads` [(layer, head), ...] in the compressed form `Whisper.set_alignment_heads` takes."""
    mask = np.zeros((layers, heads_per_layer), dtype=bool)
    for layer, head in heads:
        mask[layer, head] = True
    return base64.b85encode(gzip.compress(mask.tobytes()))


# --- the adapter -----------------------------------------------------------------------------


class OpenAIWhisperTranscriber(WhisperModelHolder):
    """Transcriber port on openai-whisper (PyTorch, float32 on the CPU)."""

    engine = ENGINE

    def __init__(self, model: str, options: OpenAIWhisperOptions | None = None) -> None:
        super().__init__(model, options or OpenAIWhisperOptions(), DEFAULT_BEAM_SIZE)

    def _load(self, progress: Callable[[str], None] | None) -> None:
        say = progress or (lambda _message: None)
        if self.model in weights.AVAILABLE_MODELS:
            checkpoint = converted_checkpoint(self.model, say)
            say(f"loading {self.model}")
            self._whisper = _load_converted(self.model, checkpoint)
        else:
            say(f"loading {self.model}")
            self._whisper = _load_named(self.model)
        if self.options.threads:
            import torch

            torch.set_num_threads(self.options.threads)
        say(f"{self.model} ready")

    def _decode(self, samples: np.ndarray, hints: DecodeHints) -> tuple[list[tuple], str]:
        import whisper

        result = whisper.transcribe(self._whisper, samples, **self._decode_arguments(hints))
        found = [w for segment in result["segments"] for w in segment.get("words", ())]
        words = [(w["word"], w["start"], w["end"], w["probability"]) for w in found]
        return words, result.get("language") or "en"

    def _decode_arguments(self, hints: DecodeHints) -> dict:
        options = self.options
        hotwords = hotword_text(hints.hotwords)
        prompt = " ".join(part for part in (f"{hotwords}." if hotwords else "", hints.prompt) if part)
        arguments = dict(
            verbose=None,
            word_timestamps=True,
            initial_prompt=prompt or None,
            language=None if options.language == "auto" else options.language,
            fp16=options.fp16,
            temperature=options.temperatures,
            sample_len=options.max_new_tokens,
            hallucination_silence_threshold=options.hallucination_silence_threshold,
        )
        if options.beam_size > 1:
            arguments["beam_size"] = options.beam_size
        return arguments


def _load_converted(model: str, checkpoint: Path):
    import whisper

    meta = json.loads(_meta_path(model).read_text(encoding="utf-8"))
    try:
        loaded = whisper.load_model(str(checkpoint), device="cpu")
    except (RuntimeError, OSError, KeyError) as e:
        raise TranscriberError(
            f"openai-whisper could not load {checkpoint}: {e}",
            f"delete {checkpoint} and run: interviewer doctor --prepare-weights",
        ) from e
    dims = loaded.dims
    loaded.set_alignment_heads(alignment_heads_dump(meta["alignment_heads"], dims.n_text_layer, dims.n_text_head))
    return loaded


def _load_named(model: str):
    import whisper

    if model not in whisper.available_models() and not os.path.isfile(model):
        raise TranscriberError(
            f"unknown Whisper model {model!r}",
            f"available offline: {', '.join(weights.AVAILABLE_MODELS)}; "
            f"openai-whisper with internet: {', '.join(whisper.available_models())}",
        )
    try:
        return whisper.load_model(model, device="cpu", download_root=str(paths.cache_dir() / "openai-whisper"))
    except (RuntimeError, OSError, ValueError) as e:
        raise TranscriberError(
            f"openai-whisper could not load {model!r}: {e}",
            f"without internet use an offline model: {', '.join(weights.AVAILABLE_MODELS)}",
        ) from e
