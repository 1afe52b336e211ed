"""The event lexicon: which words and patterns trigger which CAMEO code.

A lexicon is a YAML file (``data/lexicon/events.yaml`` ships; users add their own)::

    version: 3
    name: polybius.events
    source: written by the Polybius developers from the CAMEO 1.1b3 manual
    licence: MIT
    entries:
      - id: sign-agreement          # unique; shown in every event it codes
        lemmas: [sign, initial]     # trigger lemmas (lower case)
        pos: verb                   # verb (default), noun or adj
        code: "057"
        objects: [agreement, memorandum, treaty, accord, pact, deal, protocol]
        reciprocal: true

Fields:

``lemmas``     trigger lemmas; a multi-word lemma such as ``kick off`` needs the particle.
``pos``        ``verb``, ``noun`` or ``adj``. A noun trigger ("visit", "talks", "opposition")
               takes its source from a possessor ("Chi's visit"), a nationality or name
               modifier ("the Yeltsin visit", "Russian opposition") or the subject of the verb
               that governs it ("Sergeev kicked off a visit", "The two restated their
               opposition"). An adjective trigger is a predicate ("was optimistic that a
               treaty with Jordan ..."): its source is who is described, or who says so
               ("Lavrov said the prospects for talks with Washington were bleak"); its target
               the first other actor its clause or its subject names.
``code``       CAMEO code, kept as a string ("042").
``objects``    the entry fires only when the direct object (or, for nouns, a ``with``/
               ``of`` phrase) has one of these lemmas; ``<place>`` stands for a named
               city, region or capital ("seized Goma"). More specific entries win.
``preps``      the entry fires only when the trigger has one of these prepositions.
``target``     where the target is looked for, in order: ``dobj``, ``prep:with``,
               ``prep:against``, ``ccomp-subject`` (the subject of a "that" clause:
               "warned that a U.S. departure would ..."), ``iobj``, ``place`` (only the
               country where it happens: "attended a summit in Johannesburg"). Default: ``dobj`` and
               every ``prep:`` in ``preps``, then the family default of the code's root.
``reciprocal`` both sides do it (meet, negotiate, sign): emit both directions, and emit
               between members of a plural source when there is no target.
``reverse``    also emit target→source with this code (a visit: the host hosts, 043).
``inward``     ``true``: the subject is on the receiving end ("Turkey received S-400s from
               Russia", "took delivery of jets from France"): the event runs from the
               target slot's actor to the subject.
``passive``    ``swap`` (default): in the passive, the ``by`` agent is the source and the
               subject the target ("plans were rebuffed by Beijing").
``exclude``    object lemmas for which the entry must not fire ("meet expectations").
``subjects``   the entry fires only when the subject (or a word modifying it) has one of
               these lemmas: "hit" is an attack when missiles or strikes hit, not prices.
``complement`` ``true``: the objects must be in what the object is called, a predicate
               complement or an ``as`` phrase ("called the move unacceptable", "described
               it as an act of war"), not in the object itself ("called on Russia to stop
               its aggression" is no judgement).
``announced`` ``true``: the entry fires only for an act its source announces or vows
               ("said Moscow would respond", "vowed to retaliate"), not for one done:
               "responded to the letter" is no threat.
``confidence`` default 0.9.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from polybius.errors import Errors, LexiconError

__all__ = ["PLACE_OBJECT", "Lexicon", "LexiconEntry", "load_lexicon"]

# In an entry's objects: the direct object is a named place, not a word.
PLACE_OBJECT = "<place>"

log = logging.getLogger(__name__)

_POS = ("verb", "noun", "adj")
_KNOWN_KEYS = {
    "id",
    "lemmas",
    "pos",
    "code",
    "objects",
    "preps",
    "target",
    "reciprocal",
    "reverse",
    "inward",
    "passive",
    "exclude",
    "subjects",
    "confidence",
    "complement",
    "announced",
    "note",
}


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    id: str
    lemmas: tuple[str, ...]
    code: str
    pos: str = "verb"
    objects: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    target: tuple[str, ...] = ()
    reciprocal: bool = False
    reverse: str | None = None
    inward: bool = False
    passive: str = "swap"
    exclude: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()
    confidence: float = 0.9
    complement: bool = False
    announced: bool = False
    source_file: str = ""

    def specificity(self, lemma: str) -> int:
        """How much the entry demands when triggered through ``lemma``: the most demanding
        matching entry wins ("sign" + treaty over "sign"; "kick off" over "kick")."""
        return (
            2 * bool(self.objects) + bool(self.preps) + bool(self.subjects) + len(lemma.split()) - 1
        )


@dataclass(frozen=True, slots=True)
class Lexicon:
    name: str
    version: str
    entries: tuple[LexiconEntry, ...]
    _by_lemma: dict[tuple[str, str], tuple[LexiconEntry, ...]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def candidates(self, lemma: str, pos: str) -> tuple[LexiconEntry, ...]:
        """Entries whose (first) lemma word is ``lemma``, most specific first."""
        return self._by_lemma.get((lemma, pos), ())

    @classmethod
    def build(cls, name: str, version: str, entries: Sequence[LexiconEntry]) -> Lexicon:
        by_lemma: dict[tuple[str, str], list[tuple[int, LexiconEntry]]] = defaultdict(list)
        for entry in entries:
            for lemma in entry.lemmas:
                key = (lemma.split()[0], entry.pos)
                if all(e is not entry for _, e in by_lemma[key]):
                    by_lemma[key].append((entry.specificity(lemma), entry))
                else:  # the same entry through a longer lemma: keep the higher score
                    by_lemma[key] = [
                        (max(score, entry.specificity(lemma)) if e is entry else score, e)
                        for score, e in by_lemma[key]
                    ]
        index = {
            key: tuple(e for _, e in sorted(group, key=lambda pair: -pair[0]))
            for key, group in by_lemma.items()
        }
        return cls(name=name, version=version, entries=tuple(entries), _by_lemma=index)


def _as_words(value: Any, *, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(
            Errors.E202.format(name=where, entry=key, reason="must be a list of words")
        )
    return tuple(v.strip().lower() for v in value)


def _parse_entry(raw: Any, *, where: str, index: int) -> LexiconEntry:
    label = f"{index}"
    if not isinstance(raw, dict):
        raise LexiconError(Errors.E202.format(name=where, entry=label, reason="is not a mapping"))
    label = str(raw.get("id", index))
    unknown = set(raw) - _KNOWN_KEYS
    if unknown:
        reason = f"unknown keys {sorted(unknown)}; known keys are {sorted(_KNOWN_KEYS)}"
        raise LexiconError(Errors.E202.format(name=where, entry=label, reason=reason))
    code = raw.get("code")
    if not isinstance(code, str) or not code.isdigit() or not 2 <= len(code) <= 4:
        reason = 'has no CAMEO `code:` (write it quoted, e.g. code: "042")'
        raise LexiconError(Errors.E202.format(name=where, entry=label, reason=reason))
    lemmas = _as_words(raw.get("lemmas"), where=where, key=label)
    if not lemmas:
        raise LexiconError(Errors.E202.format(name=where, entry=label, reason="has no `lemmas:`"))
    pos = raw.get("pos", "verb")
    if pos not in _POS:
        reason = f"pos {pos!r} is not one of {_POS}"
        raise LexiconError(Errors.E202.format(name=where, entry=label, reason=reason))
    reverse = raw.get("reverse")
    if reverse is not None and (not isinstance(reverse, str) or not reverse.isdigit()):
        reason = "`reverse:` must be a quoted CAMEO code"
        raise LexiconError(Errors.E202.format(name=where, entry=label, reason=reason))
    return LexiconEntry(
        id=label,
        lemmas=lemmas,
        code=code,
        pos=pos,
        objects=frozenset(_as_words(raw.get("objects"), where=where, key=label)),
        preps=frozenset(_as_words(raw.get("preps"), where=where, key=label)),
        target=_as_words(raw.get("target"), where=where, key=label),
        reciprocal=bool(raw.get("reciprocal", False)),
        reverse=reverse,
        inward=bool(raw.get("inward", False)),
        passive=str(raw.get("passive", "swap")),
        exclude=frozenset(_as_words(raw.get("exclude"), where=where, key=label)),
        subjects=frozenset(_as_words(raw.get("subjects"), where=where, key=label)),
        confidence=float(raw.get("confidence", 0.9)),
        complement=bool(raw.get("complement", False)),
        announced=bool(raw.get("announced", False)),
        source_file=where,
    )


def _read(text: str, *, where: str) -> tuple[str, str, list[LexiconEntry]]:
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise LexiconError(
            Errors.E201.format(name=where, reason=f"not valid YAML ({exc})")
        ) from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("entries"), list):
        raise LexiconError(Errors.E201.format(name=where, reason="has no `entries:` list"))
    entries = [_parse_entry(item, where=where, index=i) for i, item in enumerate(raw["entries"])]
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            reason = "the same id appears twice in one file; rename one of them"
            raise LexiconError(Errors.E202.format(name=where, entry=entry.id, reason=reason))
        seen.add(entry.id)
    return str(raw.get("name", where)), str(raw.get("version", "0")), entries


def _merge(*sources: tuple[str, str, list[LexiconEntry]]) -> Lexicon:
    """Later files override earlier entries with the same id."""
    by_id: dict[str, LexiconEntry] = {}
    names, versions = [], []
    for name, version, entries in sources:
        names.append(name)
        versions.append(version)
        for entry in entries:
            by_id[entry.id] = entry
    return Lexicon.build("+".join(names), "+".join(versions), list(by_id.values()))


@lru_cache(maxsize=8)
def _load_cached(extra: tuple[str, ...]) -> Lexicon:
    builtin = resources.files("polybius.data").joinpath("lexicon/events.yaml")
    sources = [_read(builtin.read_text(encoding="utf-8"), where="lexicon/events.yaml")]
    for path in extra:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise LexiconError(
                Errors.E201.format(name=path, reason=f"cannot read ({exc})")
            ) from exc
        sources.append(_read(text, where=path))
    lexicon = _merge(*sources)
    log.info("lexicon %s v%s: %d entries", lexicon.name, lexicon.version, len(lexicon.entries))
    return lexicon


def load_lexicon(*, extra_paths: Iterable[str | Path] = ()) -> Lexicon:
    """The built-in lexicon, extended and overridden by the user's files in order."""
    return _load_cached(tuple(str(p) for p in extra_paths))


def lexicon_from_text(text: str, *, where: str = "<text>") -> Lexicon:
    """A lexicon from YAML text alone (tests, and users checking a file)."""
    return _merge(_read(text, where=where))
