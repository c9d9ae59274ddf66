"""The pair model at run time: an int8 ONNX cross-encoder read by onnxruntime, no torch.

The model reads two texts together and gives, for (claim, evidence), the probabilities that the
evidence refutes, supports or does not settle the claim, and the probability that the first text
makes the claim that the second one states. scripts/train_pair_model.py trains and exports it;
knowledge/data/pair_model/MODEL_CARD.md says how.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from knowledge.errors import PairModelUnavailable

if TYPE_CHECKING:
    from tokenizers import Tokenizer

FILES = ("model.onnx", "tokenizer.json", "config.json")
# Pairs per onnxruntime call: one. The int8 model quantises its activations per call, so in
# a batch a pair's scores would depend on the other pairs (and their padding) beside it, and
# a sentence's verdict on the rest of the message: up to 0.07 apart, measured. One pair per
# call costs about 1.4x the time (8 against 6 ms per pair on 2 threads).
BATCH = 1


@dataclass(frozen=True, slots=True)
class PairScores:
    """What the model says about one (first, second) pair; each value is a probability.

    refutes + supports + neutral = 1 (the second text as evidence about the first as a claim);
    same_claim: the first text makes the claim the second text states."""

    refutes: float
    supports: float
    neutral: float
    same_claim: float


def packaged_path() -> Path:
    """The folder of the model shipped with the package (knowledge/data/pair_model/)."""
    return Path(str(resources.files("knowledge.data").joinpath("pair_model")))


def packaged_same_claim_path() -> Path:
    """The folder of the same-claim model shipped with the package
    (knowledge/data/same_claim_model/): a model of the same kind trained for the same-claim
    score alone, whose other scores are a third each."""
    return Path(str(resources.files("knowledge.data").joinpath("same_claim_model")))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    result: np.ndarray = shifted / shifted.sum(axis=1, keepdims=True)
    return result


def _sigmoid(logits: np.ndarray) -> np.ndarray:
    result: np.ndarray = 1.0 / (1.0 + np.exp(-logits))
    return result


class PairModel:
    """A loaded pair model. `score` is safe to call from several threads at once."""

    _loaded: dict[tuple[Path, int], PairModel] = {}
    _lock = threading.Lock()

    def __init__(
        self, session: Any, tokenizer: Tokenizer, config: dict[str, Any], sha256: str
    ) -> None:
        self._session = session
        self._tokenizer = tokenizer
        self._config = config
        self._sha256 = sha256
        self.max_length = int(config["max_length"])

    @classmethod
    def load(cls, path: Path | None = None, *, threads: int = 1) -> PairModel:
        """The model in `path` (default: the packaged one), loaded once per process and folder;
        later calls return the same object. `threads`: onnxruntime's threads for one call.

        Raises PairModelUnavailable when the files are missing or damaged or onnxruntime or
        tokenizers is not installed."""
        folder = (path or packaged_path()).resolve()
        with cls._lock:
            key = (folder, threads)
            if key not in cls._loaded:
                cls._loaded[key] = cls._read(folder, threads)
            return cls._loaded[key]

    @classmethod
    def _read(cls, folder: Path, threads: int) -> PairModel:
        missing = [name for name in FILES if not (folder / name).is_file()]
        if missing:
            raise PairModelUnavailable(str(folder), f"{', '.join(missing)} not found")
        try:
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as error:
            raise PairModelUnavailable(str(folder), f"{error.name} is not installed") from error
        try:
            config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
            max_length = int(config["max_length"])
        except (ValueError, KeyError, TypeError) as error:
            raise PairModelUnavailable(
                str(folder), f"config.json is unreadable ({error})"
            ) from error
        sha256 = _sha256(folder / "model.onnx")
        if config.get("onnx_sha256") not in (None, sha256):
            raise PairModelUnavailable(str(folder), "model.onnx does not match config.json")
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = max(1, threads)
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        try:
            session = onnxruntime.InferenceSession(
                str(folder / "model.onnx"), options, providers=["CPUExecutionProvider"]
            )
            tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        except Exception as error:  # onnxruntime and tokenizers raise their own kinds
            raise PairModelUnavailable(str(folder), f"cannot read the model ({error})") from error
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length=max_length)
        return cls(session, tokenizer, config, sha256)

    @property
    def info(self) -> dict[str, object]:
        """Name, version, max_length (tokens per pair) and the ONNX file's sha256."""
        return {
            "name": self._config.get("name", "pair-model"),
            "version": self._config.get("version", "unknown"),
            "max_length": self.max_length,
            "sha256": self._sha256,
        }

    def score(self, pairs: Sequence[tuple[str, str]]) -> list[PairScores]:
        """Scores of each (first, second) pair, in order; a pair longer than max_length tokens
        is cut, the longer text first."""
        if not pairs:
            return []
        encoded = self._tokenizer.encode_batch([(first, second) for first, second in pairs])
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i].ids))
        rows = np.zeros((len(encoded), 4), dtype=np.float64)
        for start in range(0, len(order), BATCH):
            chosen = order[start : start + BATCH]
            width = max(len(encoded[i].ids) for i in chosen)
            ids = np.zeros((len(chosen), width), dtype=np.int64)
            types = np.zeros_like(ids)
            mask = np.zeros_like(ids)
            for row, i in enumerate(chosen):
                size = len(encoded[i].ids)
                ids[row, :size] = encoded[i].ids
                types[row, :size] = encoded[i].type_ids
                mask[row, :size] = 1
            nli, same = self._session.run(
                ["nli_logits", "same_logit"],
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": types},
            )
            rows[chosen, :3] = _softmax(np.asarray(nli, dtype=np.float64))
            rows[chosen, 3] = _sigmoid(np.asarray(same, dtype=np.float64))
        return [PairScores(*(float(v) for v in row)) for row in rows]
