"""The plain copy of a parse reads exactly as the spaCy Doc it was made from."""

from __future__ import annotations

from typing import Any

import pytest

from polybius.parsed import ParsedDoc, freeze

pytestmark = pytest.mark.model

TEXT = (
    "Russian Defense Minister Igor Sergeev, who arrived in Beijing on Tuesday, "
    "told Chinese President Jiang Zemin that Moscow would not sell arms to Taiwan.\n"
    "The two men signed a memorandum.  NATO's reaction was not reported."
)
_FIELDS = (
    "i", "text", "lower_", "lemma_", "pos_", "tag_", "dep_", "ent_type_", "ent_iob_", "idx",
    "is_punct", "whitespace_", "text_with_ws",
)  # fmt: skip


@pytest.fixture(scope="module")
def spacy_doc() -> Any:
    from polybius.nlp import parse_text

    return parse_text(TEXT)


def test_every_token_field_and_tree_link_matches_spacy(spacy_doc: Any) -> None:
    parsed = freeze(spacy_doc)
    assert len(parsed) == len(spacy_doc) and parsed.text == spacy_doc.text
    for original, copy in zip(spacy_doc, parsed, strict=True):
        assert {f: getattr(copy, f) for f in _FIELDS} == {f: getattr(original, f) for f in _FIELDS}
        assert copy.head.i == original.head.i
        for links in ("children", "lefts", "rights", "subtree", "ancestors"):
            assert [t.i for t in getattr(copy, links)] == [t.i for t in getattr(original, links)], (
                copy.text,
                links,
            )
        assert (copy.sent.start, copy.sent.end) == (original.sent.start, original.sent.end)
        assert copy.doc is parsed and copy.head.doc is parsed


def test_sentences_and_slices_match_spacy(spacy_doc: Any) -> None:
    parsed = freeze(spacy_doc)

    def shape(span: Any) -> tuple[int, int, int, int, str]:
        return span.start, span.end, span.start_char, span.end_char, span.text

    assert [shape(s) for s in parsed.sents] == [shape(s) for s in spacy_doc.sents]
    assert len(list(parsed.sents)) == 3
    for start, end in ((0, 5), (3, 4), (7, 7), (10, len(spacy_doc))):
        assert shape(parsed[start:end]) == shape(spacy_doc[start:end])
    sentence = next(parsed.sents)
    assert sentence[0].text == "Russian" and sentence[-2].text == "." and sentence[-1].text == "\n"
    assert shape(sentence[1:3]) == shape(next(spacy_doc.sents)[1:3])


@pytest.mark.parametrize(
    ("start", "end", "mode"),
    [
        (0, 7, "strict"),  # "Russian"
        (0, 6, "strict"),  # inside a word: no span
        (0, 6, "expand"),
        (8, 24, "strict"),  # "Defense Minister"
        (9, 30, "expand"),
        (7, 8, "strict"),  # a space alone
    ],
)
def test_char_span_aligns_as_spacy_does(spacy_doc: Any, start: int, end: int, mode: str) -> None:
    found = freeze(spacy_doc).char_span(start, end, alignment_mode=mode)
    expected = spacy_doc.char_span(start, end, alignment_mode=mode)
    if expected is None:
        assert found is None
    else:
        assert found is not None and (found.start, found.end) == (expected.start, expected.end)


def test_a_frozen_doc_is_returned_as_it_is_and_release_cuts_its_links(spacy_doc: Any) -> None:
    parsed = freeze(spacy_doc)
    assert freeze(parsed) is parsed
    token = parsed[3]
    parsed.release()
    assert len(parsed) == 0 and token.head is None and token.children == ()


def test_an_empty_doc_has_no_tokens_or_sentences() -> None:
    from polybius.nlp import parse_text

    parsed = freeze(parse_text(""))
    assert isinstance(parsed, ParsedDoc)
    assert len(parsed) == 0 and list(parsed.sents) == [] and parsed.char_span(0, 1) is None
