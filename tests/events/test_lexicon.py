"""The lexicon loader: the documented file format, overrides, and errors that name the entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from polybius.errors import LexiconError
from polybius.events.lexicon import lexicon_from_text, load_lexicon

FIVE = """
version: "5"
name: five
entries:
  - {id: visit.v, lemmas: [visit], code: "042", reverse: "043"}
  - {id: kick-off, lemmas: [kick off], code: "042"}
  - {id: sign.v, lemmas: [sign], code: "057", objects: [treaty], reciprocal: true}
  - {id: sign-any.v, lemmas: [sign], code: "050"}
  - {id: talks.n, lemmas: [talks], pos: noun, code: "046", target: [prep:with]}
"""


def test_entries_are_indexed_by_first_lemma_word_most_specific_first() -> None:
    lexicon = lexicon_from_text(FIVE)
    assert [e.id for e in lexicon.candidates("sign", "verb")] == ["sign.v", "sign-any.v"]
    assert [e.id for e in lexicon.candidates("kick", "verb")] == ["kick-off"]
    assert [e.id for e in lexicon.candidates("talks", "noun")] == ["talks.n"]
    assert lexicon.candidates("talks", "verb") == ()
    entry = lexicon.candidates("visit", "verb")[0]
    assert entry.reverse == "043" and entry.code == "042"


def test_user_file_overrides_an_entry_by_id(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(
        'entries:\n  - {id: "my-own.v", lemmas: [parley], code: "046"}\n', encoding="utf-8"
    )
    lexicon = load_lexicon(extra_paths=[user])
    assert [e.code for e in lexicon.candidates("parley", "verb")] == ["046"]
    assert len(lexicon.entries) == len(load_lexicon().entries) + 1


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("{id: bad, lemmas: [visit]}", "entry bad: has no CAMEO `code:`"),
        ("{id: bad, lemmas: [visit], code: 42}", "entry bad: has no CAMEO `code:`"),
        ('{id: bad, code: "042"}', "entry bad: has no `lemmas:`"),
        ('{id: bad, lemmas: [visit], code: "042", pos: adverb}', "pos 'adverb'"),
        ('{id: bad, lemmas: [visit], code: "042", colour: red}', "unknown keys ['colour']"),
    ],
)
def test_malformed_entry_names_the_file_and_entry(entry: str, message: str) -> None:
    with pytest.raises(LexiconError) as info:
        lexicon_from_text(f"entries:\n  - {entry}\n", where="my.yaml")
    assert "my.yaml" in str(info.value)
    assert message in str(info.value)


def test_not_yaml_is_a_lexicon_error() -> None:
    with pytest.raises(LexiconError, match="not valid YAML"):
        lexicon_from_text("entries: [\n", where="broken.yaml")


def test_an_entry_may_fire_only_when_announced() -> None:
    text = FIVE + '  - {id: respond.v, lemmas: [respond], code: "130", announced: true}\n'
    lexicon = lexicon_from_text(text)
    assert lexicon.candidates("respond", "verb")[0].announced
    assert not lexicon.candidates("visit", "verb")[0].announced
