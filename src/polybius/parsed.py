"""The parse as plain Python objects, read by every stage after the parse.

The stages read each token's words, tags and tree links many times. On a spaCy ``Doc``
every such read builds a new ``Token`` object or looks a string up in the vocabulary;
here each document is copied once into objects whose attributes are plain fields
(several times faster to read). The names and meanings are spaCy's own (``token.dep_``,
``token.head``, ``doc.sents``, ``doc.char_span``...), so code written against spaCy reads
these unchanged, and tests may still hand the stages a spaCy ``Doc``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, overload

__all__ = ["ParsedDoc", "ParsedSpan", "ParsedToken", "freeze"]

# One row per token from spaCy's Doc.to_array, in this order.
_COLUMNS = (
    "ORTH", "LOWER", "LEMMA", "POS", "TAG", "DEP", "ENT_TYPE", "ENT_IOB", "HEAD", "IDX",
    "IS_PUNCT", "SPACY",
)  # fmt: skip
_IOB = ("", "I", "O", "B")  # spaCy's ENT_IOB values 0-3


class ParsedToken:
    """One token: spaCy's attribute names, read as plain fields."""

    __slots__ = (
        "i", "text", "lower_", "lemma_", "pos_", "tag_", "dep_", "ent_type_", "ent_iob_",
        "idx", "is_punct", "whitespace_", "head", "children", "lefts", "rights", "doc", "sent",
    )  # fmt: skip

    i: int
    text: str
    lower_: str
    lemma_: str
    pos_: str
    tag_: str
    dep_: str
    ent_type_: str
    ent_iob_: str
    idx: int
    is_punct: bool
    whitespace_: str
    head: ParsedToken
    children: tuple[ParsedToken, ...]
    lefts: tuple[ParsedToken, ...]
    rights: tuple[ParsedToken, ...]
    doc: ParsedDoc
    sent: ParsedSpan

    @property
    def text_with_ws(self) -> str:
        return self.text + self.whitespace_

    @property
    def subtree(self) -> Iterator[ParsedToken]:
        """The token and all it governs, in spaCy's order (text order unless crossing)."""
        for left in self.lefts:
            yield from left.subtree
        yield self
        for right in self.rights:
            yield from right.subtree

    @property
    def ancestors(self) -> Iterator[ParsedToken]:
        token = self
        while token.head is not token:
            token = token.head
            yield token

    def __len__(self) -> int:
        return len(self.text)

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


class ParsedSpan:
    """Tokens ``start`` to ``end`` (exclusive) of a document: a sentence or a slice."""

    __slots__ = ("doc", "start", "end")

    def __init__(self, doc: ParsedDoc, start: int, end: int) -> None:
        self.doc, self.start, self.end = doc, start, end

    @property
    def start_char(self) -> int:
        tokens = self.doc.tokens
        return tokens[self.start].idx if self.start < len(tokens) else len(self.doc.text)

    @property
    def end_char(self) -> int:
        if self.end <= self.start:
            return self.start_char
        last = self.doc.tokens[self.end - 1]
        return last.idx + len(last.text)

    @property
    def text(self) -> str:
        return self.doc.text[self.start_char : self.end_char] if self.end > self.start else ""

    def __iter__(self) -> Iterator[ParsedToken]:
        return iter(self.doc.tokens[self.start : self.end])

    def __len__(self) -> int:
        return self.end - self.start

    @overload
    def __getitem__(self, key: int) -> ParsedToken: ...
    @overload
    def __getitem__(self, key: slice) -> ParsedSpan: ...
    def __getitem__(self, key: int | slice) -> ParsedToken | ParsedSpan:
        if isinstance(key, slice):
            start, stop, _ = key.indices(len(self))
            return ParsedSpan(self.doc, self.start + start, self.start + max(start, stop))
        if key < 0:
            key += len(self)
        if not 0 <= key < len(self):
            raise IndexError(key)
        return self.doc.tokens[self.start + key]

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


class ParsedDoc:
    """A parsed document: its text, tokens and sentences."""

    __slots__ = ("text", "tokens", "_sents")

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[ParsedToken] = []
        self._sents: tuple[ParsedSpan, ...] = ()

    @property
    def sents(self) -> Iterator[ParsedSpan]:
        return iter(self._sents)

    def __len__(self) -> int:
        return len(self.tokens)

    def __iter__(self) -> Iterator[ParsedToken]:
        return iter(self.tokens)

    @overload
    def __getitem__(self, key: int) -> ParsedToken: ...
    @overload
    def __getitem__(self, key: slice) -> ParsedSpan: ...
    def __getitem__(self, key: int | slice) -> ParsedToken | ParsedSpan:
        if isinstance(key, slice):
            start, stop, _ = key.indices(len(self.tokens))
            return ParsedSpan(self, start, max(start, stop))
        return self.tokens[key]

    def release(self) -> None:
        """Cut the links between tokens once the document is coded.

        Heads, children and sentences make each document a web of reference cycles that
        only Python's cycle collector would free; cutting them frees it at once (the
        collector's passes over these webs cost about a tenth of the stages' time).
        """
        for token in self.tokens:
            token.head = token.doc = token.sent = None  # type: ignore[assignment]
            token.children = token.lefts = token.rights = ()
        self.tokens = []
        self._sents = ()

    def char_span(self, start: int, end: int, alignment_mode: str = "strict") -> ParsedSpan | None:
        """The tokens covering characters ``start`` to ``end``, as spaCy's ``Doc.char_span``:
        ``strict`` wants both ends on token boundaries, ``expand`` takes every token touched."""
        inside = [
            t.i for t in self.tokens if t.idx < end and t.idx + len(t.text) > start and t.text
        ]
        if not inside:
            return None
        first, last = self.tokens[inside[0]], self.tokens[inside[-1]]
        if alignment_mode == "strict" and (first.idx != start or last.idx + len(last.text) != end):
            return None
        return ParsedSpan(self, first.i, last.i + 1)


def freeze(doc: Any) -> ParsedDoc:
    """Copy a spaCy ``Doc`` into plain objects (a ``ParsedDoc`` is returned as it is)."""
    if isinstance(doc, ParsedDoc):
        return doc
    parsed = ParsedDoc(doc.text)
    if not len(doc):
        return parsed
    strings = doc.vocab.strings
    array = doc.to_array(list(_COLUMNS))
    # Each distinct string looked up once; a token then reads its fields from a dict.
    names = {key: strings[key] for key in set(array[:, :7].ravel().tolist())}
    names[0] = ""
    # HEAD is the offset to the head, stored unsigned: as signed, plus the token's index.
    heads = (array[:, 8].astype("int64") + range(len(array))).tolist()
    tokens = parsed.tokens
    for i, (orth, lower, lemma, pos, tag, dep, ent, iob, _, idx, punct, space) in enumerate(
        array.tolist()
    ):
        token = ParsedToken()
        token.i, token.idx, token.doc = i, idx, parsed
        token.text, token.lower_, token.lemma_ = names[orth], names[lower], names[lemma]
        token.pos_, token.tag_, token.dep_ = names[pos], names[tag], names[dep]
        token.ent_type_, token.ent_iob_ = names[ent], _IOB[iob]
        token.is_punct, token.whitespace_ = bool(punct), " " if space else ""
        tokens.append(token)
    lefts: list[list[ParsedToken]] = [[] for _ in tokens]
    rights: list[list[ParsedToken]] = [[] for _ in tokens]
    for token, head in zip(tokens, heads, strict=True):
        token.head = tokens[head]
        if head > token.i:
            lefts[head].append(token)
        elif head < token.i:
            rights[head].append(token)
    for token, left, right in zip(tokens, lefts, rights, strict=True):
        token.lefts, token.rights = tuple(left), tuple(right)
        token.children = token.lefts + token.rights
    sentences = []
    for sentence in doc.sents:
        span = ParsedSpan(parsed, sentence.start, sentence.end)
        sentences.append(span)
        for token in tokens[sentence.start : sentence.end]:
            token.sent = span
    parsed._sents = tuple(sentences)
    return parsed
