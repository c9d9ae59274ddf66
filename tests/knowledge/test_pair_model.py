"""The packaged pair model: loads without torch, scores pairs in batches, refuses bad files."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.pair_model import (
    PairModel,
    PairModelUnavailable,
    PairScores,
    packaged_path,
    packaged_same_claim_path,
)

PAIRS = [
    ("Finland joined NATO on 4 April 2023.", "Finland joined NATO on 4 April 2023."),
    ("Finland joined NATO in April 2021.", "Finland joined NATO on 4 April 2023."),
    ("The Eiffel Tower is 330 metres tall.", "The Eiffel Tower is 330 metres tall."),
    ("The Eiffel Tower is 120 metres tall.", "The Eiffel Tower is 330 metres tall."),
    ("Vaccines cause autism, share this!", "Vaccines do not cause autism."),
]


@pytest.fixture(scope="module")
def model() -> PairModel:
    return PairModel.load()


def test_the_packaged_model_loads_once_and_says_what_it_is(model: PairModel) -> None:
    assert PairModel.load() is model  # once per process
    info = model.info
    assert info["max_length"] == model.max_length > 0
    assert isinstance(info["name"], str) and info["name"]
    config = json.loads((packaged_path() / "config.json").read_text(encoding="utf-8"))
    assert info["sha256"] == config["onnx_sha256"]
    assert (packaged_path() / "model.onnx").stat().st_size < 30 * 2**20  # fits the package


def test_scores_are_probabilities_in_the_order_of_the_pairs(model: PairModel) -> None:
    scores = model.score(PAIRS)
    assert len(scores) == len(PAIRS) and all(isinstance(s, PairScores) for s in scores)
    for s in scores:
        assert s.refutes + s.supports + s.neutral == pytest.approx(1.0, abs=1e-6)
        assert 0.0 <= s.same_claim <= 1.0
    alone = [model.score([pair])[0] for pair in PAIRS]
    for together, single in zip(scores, alone, strict=True):  # the others do not change a score
        assert together == single
    assert model.score([]) == []


def test_a_pair_longer_than_the_model_reads_is_cut_not_refused(model: PairModel) -> None:
    long = "NATO was founded in 1949 and has grown since then. " * 200
    (score,) = model.score([(long, "NATO was founded in 1949.")])
    assert score.refutes + score.supports + score.neutral == pytest.approx(1.0, abs=1e-6)


def test_missing_files_are_reported_with_what_is_missing(tmp_path: Path) -> None:
    shutil.copy(packaged_path() / "config.json", tmp_path / "config.json")
    with pytest.raises(PairModelUnavailable, match="model.onnx, tokenizer.json not found"):
        PairModel.load(tmp_path)


def test_a_damaged_model_file_is_refused(tmp_path: Path) -> None:
    for name in ("tokenizer.json", "config.json"):
        shutil.copy(packaged_path() / name, tmp_path / name)
    (tmp_path / "model.onnx").write_bytes(b"not a model")
    with pytest.raises(PairModelUnavailable, match="does not match config.json"):
        PairModel.load(tmp_path)
    config = json.loads((tmp_path / "config.json").read_text(encoding="utf-8"))
    del config["onnx_sha256"]
    (tmp_path / "config.json").write_text(json.dumps(config), encoding="utf-8")
    with pytest.raises(PairModelUnavailable, match="cannot read the model"):
        PairModel.load(tmp_path)


def test_scoring_needs_no_torch() -> None:
    code = (  # torch made unimportable, as where only the package's dependencies are installed
        "import sys; sys.modules['torch'] = None; from knowledge.pair_model import PairModel; "
        "print(len(PairModel.load().score([('a', 'b')])))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def test_a_changed_detail_reads_as_less_support_and_more_contradiction(model: PairModel) -> None:
    stated = [
        ("Finland joined NATO on 4 April 2023.", "2021"),
        ("The Eiffel Tower is 330 metres tall.", "120"),
        ("Angela Merkel was born in 1954.", "1962"),
    ]
    detail = {"2021": "2023", "120": "330", "1962": "1954"}
    same = model.score([(s, s) for s, _ in stated])
    changed = model.score([(s.replace(detail[d], d), s) for s, d in stated])
    assert _mean([s.supports for s in same]) > _mean([s.supports for s in changed])
    assert _mean([s.refutes for s in changed]) > _mean([s.refutes for s in same])


def test_same_claim_tells_a_reworded_claim_from_another_claim(model: PairModel) -> None:
    tweets = [
        "5G towers spread the coronavirus, share before they delete this!",
        "Drinking hot water kills the virus, doctors say",
    ]
    rated = ["5G networks spread COVID-19.", "Drinking hot water cures coronavirus."]
    other = ["The Pope endorsed Donald Trump.", "Bill Gates wants to microchip people."]
    matching = model.score(list(zip(tweets, rated, strict=True)))
    unrelated = model.score(list(zip(tweets, other, strict=True)))
    for hit, miss in zip(matching, unrelated, strict=True):
        assert hit.same_claim > miss.same_claim + 0.1


def test_the_same_claim_model_reads_a_repeat_as_the_claim_and_a_fragment_or_neighbour_not() -> None:
    """The model that reads rated claims: the claim repeated word for word or in other words is
    the claim; a word of it (its topic) or another claim on its topic is not."""
    same = PairModel.load(packaged_same_claim_path())
    rated = "COVID vaccines contain microchips that connect to 5G networks."
    repeats = [
        rated,
        "Remember: COVID vaccines contain microchips that connect to 5G networks!",
        "They put microchips in the covid vaccine so 5G can track you, wake up",
    ]
    others = [
        "Vaccines.",
        "COVID vaccines and microchips, wow.",
        "Mobile networks expanded their 5G coverage across Europe in 2021.",
        "COVID vaccines were approved for children in 2021.",
    ]
    found = same.score([(text, rated) for text in repeats + others])
    low = max(s.same_claim for s in found[len(repeats) :])
    assert min(s.same_claim for s in found[: len(repeats)]) > low + 0.2
    assert all(s.refutes == s.supports == s.neutral for s in found)  # it reads nothing else
