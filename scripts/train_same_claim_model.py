"""Train the same-claim model (knowledge/data/same_claim_model/): does a message make the claim
that fact-checkers rated?

A MiniLM cross-encoder (all-MiniLM-L6-v2, revision 1110a243, checked as in
scripts/train_pair_model.py, whose network, export and checks it shares) reads (message, rated
claim) together; only its same-claim head is trained. Each CLEF 2020 train tweet is checked
against a knowledge base holding every verified claim; the whole tweet is paired with every
rated claim the check reads for it and with the engine's top claims retrieved for the whole
tweet, each labelled by whether it is one of the tweet's verified claims (or a twin in the
same words). Only whole messages are read: a fragment of a tweet that makes a claim need not
make it alone, and labelling its pairs by the tweet's claim teaches the model to take any
fragment sharing a topic as the claim. The dev
tweets are never read here; benchmarks/choose_pair_thresholds.py chooses the threshold on
their folds.

Needs the `train` extra. About 15 minutes on this project's 2-core CPU:

    python scripts/train_same_claim_model.py train --epochs 3
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import torch
from torch import nn

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import REPO_ROOT, eval_dir
from scripts.train_pair_model import (
    Encoder,
    Example,
    NetConfig,
    PairNet,
    base_files,
    batches,
    export,
    held_out,
    loss_of,
    predict,
    reach,
    schedule,
    sha256,
)

OUT_DIR = REPO_ROOT / "knowledge" / "data" / "same_claim_model"
REFERENCE = "2020-03-01"  # the CLEF tweets are from 2019 and early 2020
SOURCE = "clef2020-train"


class _Recorder:
    """A pair scorer that records what the checker asks it to read and answers 'unsure'."""

    def __init__(self) -> None:
        self.pairs: list[tuple[str, str]] = []

    def score(self, pairs: Sequence[tuple[str, str]]) -> list[object]:
        from knowledge.pair_model import PairScores

        self.pairs.extend(pairs)
        return [PairScores(0.0, 0.0, 1.0, 0.0) for _ in pairs]


async def _checked_pairs(split: str, extra: int) -> list[tuple[str, Example]]:
    """(tweet id, example) for each (text, rated claim) pair the checker reads for the split's
    tweets, and for the engine's top `extra` claims retrieved for the whole tweet."""
    from datetime import date

    import knowledge
    from benchmarks.eval_known_claims import claimreview_file, gold_with_twins
    from benchmarks.eval_retrieval import DATASET, load
    from knowledge import UnusableInput
    from knowledge.checking.pair_reading import PairReader, shipped_thresholds

    data = load(eval_dir() / DATASET, split)
    gold = gold_with_twins(data)
    claim_texts = {text for text, _ in data.claims.values()}
    recorder = _Recorder()
    reader = PairReader("on", scorer=recorder, thresholds=shipped_thresholds())
    rows: list[tuple[str, Example]] = []
    with tempfile.TemporaryDirectory() as folder:
        feed = Path(folder) / "reviews.jsonld"
        claimreview_file(data, list(data.claims), feed)
        async with knowledge.open_kb(Path(folder) / "kb.sqlite", pair_model=reader) as kb:
            await kb.curator.import_file(feed, stream_above=0)
            for tweet, text in sorted(data.tweets.items()):
                right = {data.claims[c][0] for c in gold[tweet]}
                recorder.pairs.clear()
                try:
                    await kb.check(text, reference_date=date.fromisoformat(REFERENCE))
                except UnusableInput:
                    pass
                seconds = [second for _, second in recorder.pairs]
                seconds += [s.text for s, _ in await kb.search(text, limit=extra)]
                seconds += sorted(right)  # every tweet has its positives
                for second in dict.fromkeys(c for c in seconds if c in claim_texts):
                    label = int(second in right)
                    rows.append((tweet, Example(text, second, "same", label, f"clef2020-{split}")))
    return rows


def title_pairs(count: int, seed: int) -> list[tuple[str, Example]]:
    """(a fact-check's title, its claim) positives: the same claim in other words ("Did 122
    Prisoners Released from Guantanamo Return to the Battlefield?"). Never a claim that a dev
    tweet is matched to (or its twin), so that no dev answer is seen."""
    from benchmarks.eval_known_claims import gold_with_twins
    from benchmarks.eval_retrieval import DATASET, load

    root = eval_dir() / DATASET
    dev = load(root, "dev")
    barred = {c for claims in gold_with_twins(dev).values() for c in claims}
    rows = [
        (f"title{c}", Example(title, text, "same", 1, "titles"))
        for c, (text, title) in sorted(dev.claims.items())
        if c not in barred and title.strip() and title.strip() != text.strip()
    ]
    return random.Random(seed).sample(rows, min(count, len(rows)))


def contrast_pairs(count: int, seed: int) -> list[tuple[str, Example]]:
    """(claim, claim) negatives from VitaminC: two claims of one revision that its evidence
    supports and refutes, so that one detail tells them apart ("has more than 14,000
    employees" / "has less than 14,000 employees"; "is a song by Minogue" / "by Madonna")."""
    from scripts.train_pair_model import plain

    rows: list[tuple[str, Example]] = []
    for name in ("vitaminc-real-train", "vitaminc-synthetic"):
        cases: dict[str, dict[str, set[str]]] = {}
        with (eval_dir() / f"{name}.jsonl").open(encoding="utf-8") as handle:
            for line in handle:
                item = json.loads(line)
                labels = cases.setdefault(str(item["case_id"]), {})
                labels.setdefault(item["label"], set()).add(plain(item["claim"]))
        for case, labels in sorted(cases.items()):
            for true in sorted(labels.get("SUPPORTS", ())):
                for false in sorted(labels.get("REFUTES", ())):
                    if true != false:
                        rows.append((f"{name}{case}", Example(false, true, "same", 0, name)))
    return random.Random(seed).sample(rows, min(count, len(rows)))


def cmd_train(args: argparse.Namespace) -> None:
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO_ROOT
    ).stdout.strip()
    work = Path(tempfile.mkdtemp(prefix="same-claim-model-"))
    try:
        files = base_files(args.base, work)
        started = time.perf_counter()
        rows = asyncio.run(_checked_pairs("train", args.extra))
        rows += title_pairs(args.titles, args.seed) + contrast_pairs(args.contrast, args.seed)
        train = [e for key, e in rows if not held_out(SOURCE + key, args.held_out)]
        held = [e for key, e in rows if held_out(SOURCE + key, args.held_out)]
        counts = {
            "tweet pairs": sum(e.source == "clef2020-train" for _, e in rows),
            "title pairs": sum(e.source == "titles" for _, e in rows),
            "contrast pairs": sum(e.source.startswith("vitaminc") for _, e in rows),
            "train pairs": len(train),
            "train positives": sum(e.label for e in train),
            "held-out pairs": len(held),
            "held-out positives": sum(e.label for e in held),
            "minutes reading the data": round((time.perf_counter() - started) / 60, 1),
        }
        print(json.dumps(counts), flush=True)
        rng = random.Random(args.seed)
        rng.shuffle(train)
        net = PairNet(NetConfig(layers=args.layers))
        from scripts.train_pair_model import load_base

        load_base(net, files["model.safetensors"])
        encoder = Encoder(files["tokenizer.json"], args.max_length)
        parameters = [p for n, p in net.named_parameters() if not n.startswith("nli.")]
        for p in net.nli.parameters():
            p.requires_grad_(False)
        optimiser = torch.optim.AdamW(parameters, lr=args.lr, weight_decay=0.01)
        total = args.epochs * sum(1 for _ in batches(train, args.batch, encoder, random.Random(0)))
        warmup = max(1, total // 10)
        scheduler = torch.optim.lr_scheduler.LambdaLR(
            optimiser, lambda s: schedule(s, total, warmup)
        )
        started = time.perf_counter()
        step, seen, running = 0, 0, 0.0
        net.train()
        for _ in range(args.epochs):
            for group in batches(train, args.batch, encoder, rng):
                loss = loss_of(net, encoder, group)
                loss.backward()
                nn.utils.clip_grad_norm_(parameters, 1.0)
                optimiser.step()
                scheduler.step()
                optimiser.zero_grad()
                step, seen = step + 1, seen + len(group)
                running = 0.98 * running + 0.02 * loss.item() if step > 1 else loss.item()
                if step % 50 == 0:
                    elapsed = time.perf_counter() - started
                    print(
                        f"step {step}/{total} loss {running:.3f} {seen / elapsed:.1f} pairs/s "
                        f"{elapsed / 60:.1f} min",
                        flush=True,
                    )
        train_seconds = time.perf_counter() - started
        net.eval()
        held_scores = predict(net, encoder, held)
        held_reach = reach(held, held_scores)
        print("held out, recall at precision 0.9 (torch):", json.dumps(held_reach), flush=True)
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        export(net, encoder, files["tokenizer.json"], out, args, work)
        config = json.loads((out / "config.json").read_text(encoding="utf-8"))
        config.update(
            name="factcheck-same-claim-minilm",
            outputs={"same_logit": "sigmoid -> same claim (nli_logits untrained: ignore)"},
            onnx_sha256=sha256(out / "model.onnx"),
        )
        (out / "config.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
        from scripts.train_pair_model import onnx_scores

        onnx_reach = reach(held, onnx_scores(out, held))
        print("held out, recall at precision 0.9 (onnx int8):", json.dumps(onnx_reach), flush=True)
        record = {
            "commit": commit,
            "arguments": {k: v for k, v in vars(args).items() if k not in {"func", "base"}},
            "counts": counts,
            "steps": step,
            "pairs_seen": seen,
            "train_minutes": round(train_seconds / 60, 1),
            "held_out_recall_at_precision_0.9_torch": held_reach,
            "held_out_recall_at_precision_0.9_onnx_int8": onnx_reach,
            "device": "cpu",
            "threads": args.threads,
            "onnx_bytes": (out / "model.onnx").stat().st_size,
            "torch": torch.__version__,
        }
        (out / "training.json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {out} in {train_seconds / 60:.1f} min of training", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, help="the base package's wheel, model.zip or folder")
    parser.add_argument("--seed", type=int, default=21)
    commands = parser.add_subparsers(required=True)
    train = commands.add_parser("train", help="train, export and check the model")
    train.add_argument("--out", default=str(OUT_DIR))
    train.add_argument("--keep", help="folder for the float ONNX model and the torch weights")
    train.add_argument("--version", default="1")
    train.add_argument("--layers", type=int, default=6)
    train.add_argument("--max-length", type=int, default=96)
    train.add_argument("--batch", type=int, default=16)
    train.add_argument("--lr", type=float, default=4e-5)
    train.add_argument("--epochs", type=int, default=3)
    train.add_argument("--extra", type=int, default=8, help="retrieved claims per tweet")
    train.add_argument("--titles", type=int, default=0, help="(title, claim) positives")
    train.add_argument("--contrast", type=int, default=0, help="VitaminC claim-pair negatives")
    train.add_argument("--held-out", type=float, default=0.1, help="share of tweets held out")
    train.add_argument("--threads", type=int, default=2)
    train.set_defaults(func=cmd_train)
    args = parser.parse_args(argv)
    args.func(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
