"""The actor knowledge base: countries, international bodies, named actors and agent titles.

The built-in data live in ``polybius/data/actors/`` as versioned YAML, each file stating
``version``, ``source`` and ``licence``:

``countries.yaml``
    ``countries:`` entries with ``code`` (CAMEO country code), ``name``, ``kind``
    (country | territory | historic | region), ``names``, ``adjectives``, ``demonyms``,
    ``capital`` (a name or a list), ``capital_aliases`` (metonyms: a name, or
    ``{name: Pentagon, sector: MIL}``; default sector GOV), ``iso2``, ``un_member``,
    ``ambiguous`` (forms that may also mean this entry but by default mean another),
    ``until`` (last day of a historic state), ``alt_codes``.
``igos.yaml``
    ``igos:`` entries with ``id``, ``code`` (CAMEO IGO/NGO code, may be shared), ``kind``
    (igo | ngo), ``name``, ``names``, ``parent``, ``sectors``, and ``context_only: true`` +
    ``requires: <id>`` for names such as "the alliance" that mean a body only once that
    body is already mentioned.
``agents.yaml``
    ``sectors:`` table (``code``, ``name``, ``description``: the CAMEO meaning) and
    ``agents:`` entries ``{phrases: [...], sector: MIL}`` or ``{phrases: [...], sectors:
    [MIL, EDU]}``; phrases are lower-case lemmas, multi-word allowed, longest match wins.
``persons.yaml`` (and ``groups.yaml``), optional
    ``persons:`` entries with ``id``, ``name``, ``aliases``, ``country``, ``roles`` (each
    ``{title, code, start, end}``; ``title`` may be empty and dates may be left out, a
    role without dates is always valid), ``out_of_office`` (code between and after roles;
    default country + ``ELI``), ``sources`` and ``kind`` (person, the default, or
    organisation, group, place: the same format serves named non-person actors and
    imported TABARI/PETRARCH actor entries). Dates are ``YYYY-MM-DD`` (``YYYY-MM`` and
    ``YYYY`` mean the first day); a role is valid from ``start`` to ``end``, both days
    included.

User files (``extra_paths``) hold any of the top-level keys ``countries``, ``igos``,
``persons``, ``agents`` and ``sectors``, and are applied in order after the built-in files.
An entry whose key (``code`` for countries and sectors, ``id`` for igos and persons)
already exists replaces it whole; add ``extend: true`` to merge instead (lists are
appended, other fields replaced), or ``remove: true`` to delete it. An agent phrase in a
user file replaces the built-in sectors of that phrase. Every file is checked on load; a
malformed entry raises :class:`~polybius.errors.LexiconError` naming the file and entry.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn

import yaml

from polybius.errors import Errors, LexiconError

__all__ = [
    "AgentEntry",
    "Country",
    "Igo",
    "KnowledgeBase",
    "Person",
    "Role",
    "SectorInfo",
    "load_knowledge_base",
]

logger = logging.getLogger(__name__)

_DATA_PACKAGE = "polybius"
_DATA_DIR = ("data", "actors")
_PERSON_FILES = ("persons.yaml", "groups.yaml")
_COUNTRY_KINDS = frozenset({"country", "territory", "historic", "region"})
_IGO_KINDS = frozenset({"igo", "ngo"})
_PERSON_KINDS = {
    "person": "person",
    "organisation": "organisation",
    "organization": "organisation",
    "group": "group",
    "place": "place",
}
_CODE_RE = re.compile(r"^[A-Z0-9]{3,}$")
_COUNTRY_CODE_RE = re.compile(r"^[A-Z]{3}$")
_ID_RE = re.compile(r"^[\w.:-]+$")
_DEFAULT_SECTOR = "GOV"
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# --------------------------------------------------------------------------- records


# Words of a title that say nothing of the office: "Minister of Defence".
_TITLE_GLUE = frozenset({"of", "the", "and", "for", "a"})


@dataclass(frozen=True, slots=True)
class SectorInfo:
    """A CAMEO sector (agent) code and what it means."""

    code: str
    name: str
    description: str


@dataclass(frozen=True, slots=True)
class Country:
    """A country, territory, historic state or CAMEO region, with the words that name it."""

    code: str
    name: str
    kind: str = "country"
    names: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    capital_aliases: tuple[tuple[str, str], ...] = ()
    iso2: str | None = None
    un_member: bool = False
    ambiguous: tuple[str, ...] = ()
    until: dt.date | None = None
    alt_codes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Igo:
    """An international or regional body (IGO) or non-governmental organisation (NGO)."""

    id: str
    code: str
    name: str
    kind: str = "igo"
    names: tuple[str, ...] = ()
    parent: str | None = None
    sectors: tuple[str, ...] = ()
    context_only: bool = False
    requires: str | None = None


@dataclass(frozen=True, slots=True)
class Role:
    """An office held from ``start`` to ``end``, both days included; open ends are None."""

    code: str
    title: str = ""
    start: dt.date | None = None
    end: dt.date | None = None

    def valid_on(self, date: dt.date) -> bool:
        """Whether the role is held on ``date``: from its start to its end, both days included
        (a leader who resigns is still the leader the day he resigns)."""
        if self.start is not None and date < self.start:
            return False
        return self.end is None or date <= self.end


@dataclass(frozen=True, slots=True)
class Person:
    """A named actor (person, organisation, group or place) with its time-valid roles."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    roles: tuple[Role, ...] = ()
    out_of_office: str | None = None
    sources: tuple[str, ...] = ()
    kind: str = "person"


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """Title or role phrases (lower-case lemmas) that give sector codes, primary first."""

    phrases: tuple[str, ...]
    sectors: tuple[str, ...]


# --------------------------------------------------------------------------- text keys


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_SPACE_RE = re.compile(r"\s+")
_THE_RE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE_RE = re.compile(r"(?:'s|')$")


@functools.lru_cache(maxsize=65536)
def _surface(text: str) -> str:
    """Text as written, tidied: NFKC, straight quotes, one space, no "the", no "'s"."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    text = _SPACE_RE.sub(" ", text).strip()
    text = _THE_RE.sub("", text)
    return _POSSESSIVE_RE.sub("", text).strip()


_DOTTED_ACRONYM = re.compile(r"\b(?:[A-Z]\.){2,}")


@functools.lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    """Case- and accent-insensitive key of a tidied name; "U.N. refugee agency" and "UN
    refugee agency" share one."""
    text = _DOTTED_ACRONYM.sub(lambda m: m.group(0).replace(".", ""), text)
    return _strip_marks(_surface(text)).casefold()


def _is_acronym(form: str) -> bool:
    """All-capital short forms (US, UK, WHO, U.S.) match only as written."""
    letters = [ch for ch in form if ch.isalpha()]
    return bool(letters) and len(letters) <= 5 and not any(ch.islower() for ch in form)


_VOWEL_Y_VOWEL = re.compile(r"(?<=[aeiou])y(?=[aeiou])")
_FINAL_IY = re.compile(r"(?:iy|ii|ij)\b")


@functools.lru_cache(maxsize=65536)
def _spelling_key(text: str) -> str:
    """Transliteration-tolerant key: Sergeyev ~ Sergeev, Dmitriy ~ Dmitrii ~ Dmitry."""
    key = re.sub(r"[^\w\s]", " ", _fold(text))
    key = _VOWEL_Y_VOWEL.sub("", key)
    key = _FINAL_IY.sub("y", key)
    key = key.replace("kh", "h").replace("ou", "u")
    return _SPACE_RE.sub(" ", key).strip()


_IRREGULAR_PLURALS = {"man": "men", "woman": "women", "person": "people", "child": "children"}
_IRREGULAR_SINGULARS = {plural: singular for singular, plural in _IRREGULAR_PLURALS.items()}


def _plural(word: str) -> str:
    for singular, plural in _IRREGULAR_PLURALS.items():
        if word.endswith(singular):
            return word[: -len(singular)] + plural
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if len(word) > 1 and word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _singular(word: str) -> str:
    for plural, singular in _IRREGULAR_SINGULARS.items():
        if word.endswith(plural):
            return word[: -len(plural)] + singular
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _phrase_tokens(phrase: str) -> list[tuple[str, ...]]:
    """Token sequences a phrase can appear as: as written, and split at hyphens."""
    words = tuple(_SPACE_RE.sub(" ", phrase.strip().lower()).split(" "))
    forms = [words]
    if any("-" in word for word in words):
        split: list[str] = []
        for word in words:
            parts = word.split("-")
            for i, part in enumerate(parts):
                if i:
                    split.append("-")
                if part:
                    split.append(part)
        forms.append(tuple(split))
    return forms


# --------------------------------------------------------------------------- validation


class _Checker:
    """Reads fields of one entry, raising LexiconError that names the file and entry."""

    def __init__(self, source: str, entry: str, raw: Any) -> None:
        self.source = source
        self.entry = entry
        if not isinstance(raw, Mapping):
            self.fail(f"expected a mapping, got {type(raw).__name__}")
        self.raw: Mapping[str, Any] = raw

    def fail(self, reason: str) -> NoReturn:
        raise LexiconError(Errors.E202.format(name=self.source, entry=self.entry, reason=reason))

    def text(self, key: str, *, required: bool = True, default: str = "") -> str:
        value = self.raw.get(key)
        if value is None:
            if required:
                self.fail(f"missing `{key}:`")
            return default
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            self.fail(f"`{key}:` must be text, got {value!r}")
        return str(value).strip()

    def opt_text(self, key: str) -> str | None:
        value = self.text(key, required=False)
        return value or None

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.raw.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(f"`{key}:` must be a list of non-empty texts, got {value!r}")
        return tuple(dict.fromkeys(v.strip() for v in value))

    def flag(self, key: str) -> bool:
        value = self.raw.get(key, False)
        if not isinstance(value, bool):
            self.fail(f"`{key}:` must be true or false, got {value!r}")
        return bool(value)

    def code(self, key: str, *, pattern: re.Pattern[str] = _CODE_RE, required: bool = True) -> str:
        value = self.text(key, required=required)
        if value and not pattern.match(value):
            self.fail(f"`{key}: {value}` is not a valid code (expected {pattern.pattern})")
        return value

    def date(self, value: Any, key: str) -> dt.date | None:
        if value is None or value == "":
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        text = str(value).strip()
        try:
            if re.fullmatch(r"\d{4}", text):
                return dt.date(int(text), 1, 1)
            if re.fullmatch(r"\d{4}-\d{2}", text):
                return dt.date(int(text[:4]), int(text[5:]), 1)
            return dt.date.fromisoformat(text)
        except ValueError:
            self.fail(f"`{key}: {text}` is not a date; use YYYY-MM-DD")


def _entries(data: Mapping[str, Any], key: str, source: str) -> list[Any]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise LexiconError(Errors.E201.format(name=source, reason=f"`{key}:` must be a list"))
    return value


def _entry_label(raw: Any, index: int, key: str) -> str:
    if isinstance(raw, Mapping) and isinstance(raw.get(key), str):
        return f"{index} ({raw[key]})"
    return str(index)


def _parse_sector(raw: Any, source: str, index: int) -> SectorInfo:
    check = _Checker(source, _entry_label(raw, index, "code"), raw)
    return SectorInfo(
        code=check.code("code"),
        name=check.text("name"),
        description=check.text("description", required=False),
    )


def _parse_country(raw: Any, source: str, index: int) -> Country:
    check = _Checker(source, _entry_label(raw, index, "code"), raw)
    code = check.code("code", pattern=_COUNTRY_CODE_RE)
    name = check.text("name")
    kind = check.text("kind", required=False, default="country")
    if kind not in _COUNTRY_KINDS:
        check.fail(f"`kind: {kind}` is not one of {sorted(_COUNTRY_KINDS)}")
    capital = check.raw.get("capital")
    capitals = check.texts("capital") if capital else ()
    aliases: list[tuple[str, str]] = []
    raw_aliases = check.raw.get("capital_aliases") or []
    if not isinstance(raw_aliases, list):
        check.fail("`capital_aliases:` must be a list")
    for item in raw_aliases:
        if isinstance(item, str) and item.strip():
            aliases.append((item.strip(), _DEFAULT_SECTOR))
        elif isinstance(item, Mapping) and isinstance(item.get("name"), str):
            sector = item.get("sector", _DEFAULT_SECTOR)
            if not isinstance(sector, str) or not _CODE_RE.match(sector):
                check.fail(f"capital alias {item['name']!r} has a bad sector {sector!r}")
            aliases.append((item["name"].strip(), sector))
        else:
            check.fail(f"capital alias {item!r} must be a name or {{name, sector}}")
    alt_codes = check.texts("alt_codes")
    for alt in alt_codes:
        if not _CODE_RE.match(alt):
            check.fail(f"alt code {alt!r} is not a valid code")
    names = check.texts("names") or (name,)
    iso2 = check.opt_text("iso2")
    return Country(
        code=code,
        name=name,
        kind=kind,
        names=names if name in names else (name, *names),
        adjectives=check.texts("adjectives"),
        demonyms=check.texts("demonyms"),
        capitals=capitals,
        capital_aliases=tuple(aliases),
        iso2=iso2,
        un_member=check.flag("un_member"),
        ambiguous=check.texts("ambiguous"),
        until=check.date(check.raw.get("until"), "until"),
        alt_codes=alt_codes,
    )


def _parse_igo(raw: Any, source: str, index: int) -> Igo:
    check = _Checker(source, _entry_label(raw, index, "id"), raw)
    code = check.code("code")
    igo_id = check.text("id", required=False) or code.lower()
    if not _ID_RE.match(igo_id):
        check.fail(f"`id: {igo_id}` may hold only letters, digits, '.', ':', '-' and '_'")
    kind = check.text("kind", required=False, default="igo")
    if kind not in _IGO_KINDS:
        check.fail(f"`kind: {kind}` is not one of {sorted(_IGO_KINDS)}")
    names = check.texts("names")
    name = check.text("name", required=False) or (names[0] if names else "")
    if not names and not name:
        check.fail("no `names:`; give at least one name")
    context_only = check.flag("context_only")
    requires = check.opt_text("requires")
    if context_only and not requires:
        check.fail("`context_only: true` needs `requires:` (the id of the body it refers to)")
    return Igo(
        id=igo_id,
        code=code,
        name=name,
        kind=kind,
        names=names or (name,),
        parent=check.opt_text("parent"),
        sectors=check.texts("sectors"),
        context_only=context_only,
        requires=requires,
    )


def _parse_person(raw: Any, source: str, index: int) -> Person:
    check = _Checker(source, _entry_label(raw, index, "id"), raw)
    person_id = check.text("id")
    if not _ID_RE.match(person_id):
        check.fail(f"`id: {person_id}` may hold only letters, digits, '.', ':', '-' and '_'")
    kind_text = check.text("kind", required=False, default="person").lower()
    kind = _PERSON_KINDS.get(kind_text)
    if kind is None:
        check.fail(f"`kind: {kind_text}` is not one of {sorted(set(_PERSON_KINDS.values()))}")
    country = check.code("country", required=False) or None
    raw_roles = check.raw.get("roles") or []
    if not isinstance(raw_roles, list):
        check.fail("`roles:` must be a list")
    roles: list[Role] = []
    for n, raw_role in enumerate(raw_roles):
        if not isinstance(raw_role, Mapping):
            check.fail(f"role {n} must be a mapping with `code:`")
        role_code = raw_role.get("code")
        if not isinstance(role_code, str) or not _CODE_RE.match(role_code.strip()):
            check.fail(f"role {n} has no valid `code:` (got {role_code!r})")
        title = raw_role.get("title") or ""
        if not isinstance(title, str):
            check.fail(f"role {n} `title:` must be text")
        start = check.date(raw_role.get("start"), f"roles[{n}].start")
        end = check.date(raw_role.get("end"), f"roles[{n}].end")
        if start is not None and end is not None and end < start:
            check.fail(f"role {n} ends ({end}) before it starts ({start})")
        roles.append(Role(code=role_code.strip(), title=title.strip(), start=start, end=end))
    return Person(
        id=person_id,
        name=check.text("name"),
        aliases=check.texts("aliases"),
        country=country,
        roles=tuple(roles),
        out_of_office=check.code("out_of_office", required=False) or None,
        sources=check.texts("sources"),
        kind=kind or "person",
    )


def _parse_agent(raw: Any, source: str, index: int) -> AgentEntry:
    check = _Checker(source, str(index), raw)
    phrases = check.texts("phrases")
    if not phrases:
        check.fail("no `phrases:`")
    if "sector" in check.raw and "sectors" in check.raw:
        check.fail("give `sector:` or `sectors:`, not both")
    sectors = (check.code("sector"),) if "sector" in check.raw else check.texts("sectors")
    if not sectors:
        check.fail("no `sector:` or `sectors:`")
    check.entry = f"{index} ({phrases[0]})"
    return AgentEntry(phrases=tuple(p.lower() for p in phrases), sectors=sectors)


# --------------------------------------------------------------------------- merging


def _merge(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(old)
    for key, value in new.items():
        if key == "extend":
            continue
        if isinstance(value, list) and isinstance(merged.get(key), list):
            merged[key] = [*merged[key], *(v for v in value if v not in merged[key])]
        else:
            merged[key] = value
    return merged


class _Table:
    """Raw entries of one kind keyed by id, remembering which file each came from."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.raw: dict[str, Mapping[str, Any]] = {}
        self.origin: dict[str, tuple[str, int]] = {}

    def apply(self, entries: list[Any], source: str) -> None:
        for index, raw in enumerate(entries):
            if not isinstance(raw, Mapping):
                raise LexiconError(
                    Errors.E202.format(name=source, entry=index, reason="expected a mapping")
                )
            key = raw.get(self.key) or (raw.get("code") if self.key == "id" else None)
            if not isinstance(key, str) or not key.strip():
                raise LexiconError(
                    Errors.E202.format(name=source, entry=index, reason=f"missing `{self.key}:`")
                )
            key = key.strip() if self.key == "code" else key.strip().lower()
            if self.key == "id" and "id" not in raw:
                raw = {**raw, "id": key}
            if raw.get("remove") is True:
                self.raw.pop(key, None)
                self.origin.pop(key, None)
                continue
            if raw.get("extend") is True and key in self.raw:
                raw = _merge(self.raw[key], raw)
            elif key in self.raw and self.origin[key][0] == source:
                raise LexiconError(
                    Errors.E202.format(
                        name=source, entry=f"{index} ({key})", reason=f"duplicate {self.key}"
                    )
                )
            self.raw[key] = {k: v for k, v in raw.items() if k not in ("extend", "remove")}
            self.origin[key] = (source, index)


# --------------------------------------------------------------------------- the base


class _NameIndex:
    """Name → values, with as-written keys for acronyms and folded keys for the rest."""

    __slots__ = ("_seen", "exact", "folded", "what")

    def __init__(self, what: str) -> None:
        self.what = what
        self.exact: dict[str, str] = {}
        self.folded: dict[str, str] = {}
        # Texts already looked up: news repeats its names, and folding is the slow part.
        self._seen: dict[str, str | None] = {}

    def add(self, form: str, key: str, *, source: str, entry: str, strict: bool = True) -> None:
        surface = _surface(form)
        if not surface:
            return
        table, k = (self.exact, surface) if _is_acronym(surface) else (self.folded, _fold(form))
        current = table.get(k)
        if current is not None and current != key:
            if strict:
                reason = f"{self.what} {form!r} already names {current}"
                raise LexiconError(Errors.E202.format(name=source, entry=entry, reason=reason))
            return
        table[k] = key
        self._seen.clear()

    def get(self, text: str) -> str | None:
        try:
            return self._seen[text]
        except KeyError:
            pass
        found = self._lookup(text)
        if len(self._seen) < 200_000:
            self._seen[text] = found
        return found

    def _lookup(self, text: str) -> str | None:
        surface = _surface(text)
        found = self.exact.get(surface)
        if found is None and not _is_acronym(surface):
            found = self.folded.get(_fold(text))
        return found


class KnowledgeBase:
    """Countries, IGOs, named actors, agents and sectors, indexed for per-span lookups.

    Build it with :func:`load_knowledge_base`; it is immutable once built, and every
    lookup is a dictionary access on a normalised key.
    """

    __slots__ = (
        "_adjectives",
        "_agent_index",
        "_agent_max",
        "_agent_words",
        "_alternatives",
        "_capital_history",
        "_capital_sector",
        "_capitals",
        "_countries",
        "_country_names_index",
        "_demonyms",
        "_igo_context",
        "_igo_names",
        "_igos",
        "_memo",
        "_person_folded",
        "_person_spelling",
        "_person_surnames",
        "_persons",
        "_sectors",
        "agents",
        "versions",
    )

    def __init__(
        self,
        *,
        countries: Iterable[Country],
        igos: Iterable[Igo],
        persons: Iterable[Person],
        agents: Iterable[AgentEntry],
        sectors: Iterable[SectorInfo],
        versions: Sequence[tuple[str, str]] = (),
        origins: Mapping[str, str] | None = None,
    ) -> None:
        origins = origins or {}
        # Lookups already answered, by kind and text: the index never changes once built.
        self._memo: dict[tuple[str, str], Any] = {}
        self.versions: tuple[tuple[str, str], ...] = tuple(versions)
        self._sectors = {s.code: s for s in sectors}
        self._countries = {c.code: c for c in countries}
        self._igos = {i.id: i for i in igos}
        self._persons = {p.id: p for p in persons}
        self.agents: tuple[AgentEntry, ...] = tuple(agents)
        self._build_country_indexes(origins)
        self._build_igo_indexes(origins)
        self._build_person_indexes()
        self._build_agent_index(origins)

    # ---------------------------------------------------------------- building

    def _build_country_indexes(self, origins: Mapping[str, str]) -> None:
        self._countries_check_sectors(origins)
        names = _NameIndex("name")
        adjectives = _NameIndex("adjective")
        demonyms = _NameIndex("demonym")
        capitals = _NameIndex("capital")
        self._capital_sector: dict[str, str] = {}
        history: dict[str, list[Country]] = {}
        for country in self._countries.values():
            source = origins.get(f"country:{country.code}", "countries.yaml")
            entry = country.code
            for form in country.names:
                names.add(form, country.code, source=source, entry=entry)
            for form in country.adjectives:
                adjectives.add(form, country.code, source=source, entry=entry)
            for form in country.demonyms:
                demonyms.add(form, country.code, source=source, entry=entry)
            # Capitals may legitimately repeat across historic states (Moscow: RUS, SUN);
            # the first entry in file order keeps them.
            for form in country.capitals:
                capitals.add(form, country.code, source=source, entry=entry, strict=False)
                if country.until is not None:
                    history.setdefault(_fold(form), []).append(country)
            for form, sector in country.capital_aliases:
                capitals.add(form, country.code, source=source, entry=entry, strict=False)
                self._capital_sector[_fold(form)] = sector
        alternatives: dict[str, list[str]] = {}
        for country in self._countries.values():
            for form in country.ambiguous:
                alternatives.setdefault(_fold(form), []).append(country.code)
        self._alternatives = {k: tuple(v) for k, v in alternatives.items()}
        self._country_names_index = names
        self._adjectives = adjectives
        self._demonyms = demonyms
        self._capitals = capitals
        self._capital_history = {
            form: tuple(sorted(states, key=lambda c: c.until or dt.date.max))
            for form, states in history.items()
        }

    def _countries_check_sectors(self, origins: Mapping[str, str]) -> None:
        for country in self._countries.values():
            for form, sector in country.capital_aliases:
                if sector not in self._sectors:
                    source = origins.get(f"country:{country.code}", "countries.yaml")
                    reason = f"capital alias {form!r}: unknown sector {sector!r}"
                    raise LexiconError(
                        Errors.E202.format(name=source, entry=country.code, reason=reason)
                    )

    def _build_igo_indexes(self, origins: Mapping[str, str]) -> None:
        names = _NameIndex("IGO name")
        context = _NameIndex("IGO context name")
        for igo in self._igos.values():
            source = origins.get(f"igo:{igo.id}", "igos.yaml")
            for sector in igo.sectors:
                if sector not in self._sectors:
                    reason = f"unknown sector {sector!r}"
                    raise LexiconError(Errors.E202.format(name=source, entry=igo.id, reason=reason))
            for ref, label in ((igo.parent, "parent"), (igo.requires, "requires")):
                if ref is not None and ref not in self._igos:
                    reason = f"`{label}: {ref}` is no igo id"
                    raise LexiconError(Errors.E202.format(name=source, entry=igo.id, reason=reason))
            target = context if igo.context_only else names
            for form in igo.names:
                target.add(form, igo.id, source=source, entry=igo.id)
        self._igo_names = names
        self._igo_context = context

    def _build_person_indexes(self) -> None:
        folded: dict[str, list[str]] = {}
        spelling: dict[str, list[str]] = {}
        surnames: dict[str, list[str]] = {}
        for person in self._persons.values():
            for form in (person.name, *person.aliases):
                for table, key in ((folded, _fold(form)), (spelling, _spelling_key(form))):
                    ids = table.setdefault(key, [])
                    if person.id not in ids:
                        ids.append(person.id)
            if person.kind == "person" and " " in person.name:
                surnames.setdefault(_fold(person.name.split()[-1]), []).append(person.id)
        self._person_folded = {k: tuple(v) for k, v in folded.items()}
        self._person_spelling = {k: tuple(v) for k, v in spelling.items()}
        self._person_surnames = {k: tuple(v) for k, v in surnames.items()}

    def _build_agent_index(self, origins: Mapping[str, str]) -> None:
        # Entries come in file order, so a user file's phrase replaces a built-in one.
        explicit: dict[tuple[str, ...], tuple[str, ...]] = {}
        variants: dict[tuple[str, ...], tuple[str, ...]] = {}
        for index, entry in enumerate(self.agents):
            source = origins.get(f"agent:{index}", "agents.yaml")
            for sector in entry.sectors:
                if sector not in self._sectors:
                    reason = f"unknown sector {sector!r}"
                    raise LexiconError(
                        Errors.E202.format(name=source, entry=entry.phrases[0], reason=reason)
                    )
            for phrase in entry.phrases:
                for words in _phrase_tokens(phrase):
                    explicit[words] = entry.sectors
                    last = words[-1]
                    for form in {_plural(last), _singular(last)} - {last}:
                        variants.setdefault((*words[:-1], form), entry.sectors)
        self._agent_index = {**variants, **explicit}
        self._agent_max = max((len(k) for k in self._agent_index), default=0)
        self._agent_words = frozenset(word for words in self._agent_index for word in words)

    # ---------------------------------------------------------------- countries

    @property
    def countries(self) -> tuple[Country, ...]:
        return tuple(self._countries.values())

    def country(self, code: str) -> Country | None:
        """The country with this CAMEO code."""
        return self._countries.get(code)

    def country_by_name(self, text: str) -> Country | None:
        """The country a name denotes ("Russia", "the United States", "US"), if any."""
        code = self._country_names_index.get(text)
        return self._countries[code] if code else None

    def country_by_adjective(self, text: str) -> Country | None:
        """The country of a nationality adjective ("Russian", "U.S.", "North Korean")."""
        code = self._adjectives.get(text)
        return self._countries[code] if code else None

    def country_by_demonym(self, text: str) -> Country | None:
        """The country of a word for its people ("Russians", "Britons", "the Chinese")."""
        code = self._demonyms.get(text)
        return self._countries[code] if code else None

    def country_by_capital(self, text: str, date: dt.date | None = None) -> Country | None:
        """The country whose capital or seat of government this is (metonymy: "Moscow").

        On a ``date`` before a historic state ended, its capital stands for it: Belgrade
        is Yugoslavia in 1999, Moscow the Soviet Union in 1985. Only capitalised text
        matches, so common words ("male") never do.
        """
        surface = _surface(text)
        if not surface or not surface[0].isupper():
            return None
        code = self._capitals.get(surface)
        if code is None:
            return None
        if date is not None:
            for state in self._capital_history.get(_fold(surface), ()):
                if state.until is not None and date <= state.until:
                    return state
        return self._countries[code]

    def capital_sector(self, text: str) -> str | None:
        """Sector a capital or seat stands for: Pentagon → MIL, others → GOV; None if none."""
        if self.country_by_capital(text) is None:
            return None
        return self._capital_sector.get(_fold(text), _DEFAULT_SECTOR)

    def alternatives(self, text: str) -> tuple[Country, ...]:
        """Other countries an ambiguous form may mean ("Congolese" → COG besides COD)."""
        codes = self._alternatives.get(_fold(text), ())
        return tuple(self._countries[c] for c in codes)

    # ---------------------------------------------------------------- IGOs

    @property
    def igos(self) -> tuple[Igo, ...]:
        return tuple(self._igos.values())

    def igo(self, igo_id: str) -> Igo | None:
        """The body with this id."""
        return self._igos.get(igo_id)

    def igo_by_name(self, text: str, *, present: Collection[str] = ()) -> Igo | None:
        """The body a name denotes ("NATO", "UN Security Council").

        Context-only names ("the alliance") match only when the body they require is in
        ``present``, the ids or codes of bodies already mentioned in the document.
        """
        igo_id = self._igo_names.get(text)
        if igo_id is not None:
            return self._igos[igo_id]
        if not present:
            return None
        igo_id = self._igo_context.get(text)
        if igo_id is None:
            return None
        igo = self._igos[igo_id]
        required = self._igos.get(igo.requires or "")
        if required is not None and (required.id in present or required.code in present):
            return igo
        return None

    # ---------------------------------------------------------------- persons

    @property
    def persons(self) -> tuple[Person, ...]:
        return tuple(self._persons.values())

    def person(self, person_id: str) -> Person | None:
        """The named actor with this id."""
        return self._persons.get(person_id)

    def persons_by_name(self, text: str) -> list[Person]:
        """Named actors a name or alias may denote, tolerant of case, accents and spelling."""
        key = ("person", text)
        ids = self._memo.get(key)
        if ids is None:
            ids = self._person_folded.get(_fold(text))
            if ids is None:
                ids = self._person_spelling.get(_spelling_key(text), ())
            self._remember(key, ids)
        return [self._persons[i] for i in ids]

    def persons_by_surname(self, text: str) -> list[Person]:
        """Persons whose name ends in ``text``, an alias of theirs or not (a surname several
        people share is no alias): for the text's own qualifiers to choose among."""
        return [self._persons[i] for i in self._person_surnames.get(_fold(text), ())]

    def _remember(self, key: tuple[str, str], value: Any) -> None:
        if len(self._memo) < 200_000:
            self._memo[key] = value

    @staticmethod
    def role_at(person: Person, date: dt.date | None, title: Iterable[str] = ()) -> Role | None:
        """The role ``person`` holds on ``date``; no date: the latest role.

        Of several roles held at once, the one whose title the text gives ("President Hu"),
        else of the dated ones (an undated role is a default) a government office (CAMEO
        codes a head of state who also chairs the military commission as GOV), else the
        latest-starting.
        """
        if not person.roles:
            return None
        if isinstance(date, dt.datetime):
            date = date.date()
        if date is None:
            # Undated text: what the person is now, or was last.
            current = [r for r in person.roles if r.end is None]
            candidates = current or [max(person.roles, key=lambda r: r.end or dt.date.min)]
        else:
            candidates = [role for role in person.roles if role.valid_on(date)]
        if not candidates:
            return None
        words = {w.lower() for w in title} - _TITLE_GLUE
        titled = [r for r in candidates if words & set(r.title.lower().split())]
        # An undated role is the default that dated ones override.
        dated = [r for r in candidates if r.start is not None] or candidates
        governing = [r for r in dated if r.code.endswith("GOV")]
        candidates = titled or governing or dated
        best = candidates[0]
        for role in candidates[1:]:
            if (role.start or dt.date.min) >= (best.start or dt.date.min):
                best = role
        return best

    def person_code_at(
        self, person: Person, date: dt.date | None, title: Iterable[str] = ()
    ) -> str:
        """Actor code on ``date``: the role's code (the one ``title`` names, if several),
        else out_of_office, else country + ELI."""
        # "North Korean leader Kim": the nationality names no role ("Korean People's Army").
        words = [w for w in title if self._adjectives.get(w) is None]
        role = self.role_at(person, date, words)
        if role is not None:
            return role.code
        if person.out_of_office:
            return person.out_of_office
        return f"{person.country}ELI" if person.country else ""

    # ---------------------------------------------------------------- agents

    def is_agent_word(self, word: str) -> bool:
        """Whether ``word`` (lower case) is part of any role phrase ("forces", "staff")."""
        return word in self._agent_words

    def agent_sectors(self, phrase: str) -> tuple[str, ...] | None:
        """Sectors of a title or role phrase, by its longest known sub-phrase."""
        key = ("agent", phrase)
        if key in self._memo:
            return self._memo[key]  # type: ignore[no-any-return]
        found = self._agent_sectors(phrase)
        self._remember(key, found)
        return found

    def _agent_sectors(self, phrase: str) -> tuple[str, ...] | None:
        words = _SPACE_RE.sub(" ", phrase.strip().lower()).split(" ")
        exact = self._agent_index.get(tuple(words))
        if exact is not None:
            return exact
        found: tuple[int, int, tuple[str, ...]] | None = None
        for start in range(len(words)):
            for end in range(min(len(words), start + self._agent_max), start, -1):
                sectors = self._agent_index.get(tuple(words[start:end]))
                if sectors is not None:
                    # The longest wins; among equals the rightmost, the English head.
                    if found is None or end - start >= found[1] - found[0]:
                        found = (start, end, sectors)
                    break
        return found[2] if found else None

    def match_agents(self, words: Sequence[str]) -> list[tuple[int, int, tuple[str, ...]]]:
        """Agent phrases in a token sequence: leftmost-longest, non-overlapping matches."""
        lowered = [w.lower() for w in words]
        out: list[tuple[int, int, tuple[str, ...]]] = []
        start = 0
        while start < len(lowered):
            for end in range(min(len(lowered), start + self._agent_max), start, -1):
                sectors = self._agent_index.get(tuple(lowered[start:end]))
                if sectors is not None:
                    out.append((start, end, sectors))
                    start = end
                    break
            else:
                start += 1
        return out

    @property
    def agent_index(self) -> Mapping[tuple[str, ...], tuple[str, ...]]:
        """Token tuple → sectors, including plural/singular variants, for custom scanners."""
        return self._agent_index

    # ---------------------------------------------------------------- sectors

    @property
    def sectors(self) -> tuple[SectorInfo, ...]:
        return tuple(self._sectors.values())

    def sector(self, code: str) -> SectorInfo:
        """What a sector code means."""
        info = self._sectors.get(code)
        if info is None:
            known = ", ".join(sorted(self._sectors))
            raise LexiconError(Errors.E220.format(code=code, known=known))
        return info

    @property
    def version(self) -> str:
        """Versions of the files it was built from, e.g. ``countries.v1+igos.v1+...``."""
        return "+".join(f"{Path(name).stem}.v{version}" for name, version in self.versions)


# --------------------------------------------------------------------------- loading


def _read_yaml(text: str, source: str) -> Mapping[str, Any]:
    try:
        data = yaml.load(text, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        reason = f"not valid YAML ({str(exc).splitlines()[0]})"
        raise LexiconError(Errors.E201.format(name=source, reason=reason)) from exc
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise LexiconError(
            Errors.E201.format(name=source, reason="the top level must be a mapping")
        )
    return data


def _builtin_files() -> list[tuple[str, str]]:
    folder = resources.files(_DATA_PACKAGE).joinpath(*_DATA_DIR)
    out = []
    for name in ("agents.yaml", "countries.yaml", "igos.yaml", *_PERSON_FILES):
        resource = folder.joinpath(name)
        if resource.is_file():
            out.append((name, resource.read_text(encoding="utf-8")))
        elif name not in _PERSON_FILES:
            raise LexiconError(Errors.E201.format(name=name, reason="built-in file is missing"))
        else:
            logger.debug("no built-in %s; loading without it", name)
    return out


def _build(files: Sequence[tuple[str, str]]) -> KnowledgeBase:
    sectors = _Table("code")
    countries = _Table("code")
    igos = _Table("id")
    persons = _Table("id")
    agents: list[tuple[AgentEntry, str]] = []
    versions: list[tuple[str, str]] = []
    for source, text in files:
        data = _read_yaml(text, source)
        versions.append((source, str(data.get("version", "?"))))
        sectors.apply(_entries(data, "sectors", source), source)
        countries.apply(_entries(data, "countries", source), source)
        igos.apply(_entries(data, "igos", source), source)
        persons.apply(_entries(data, "persons", source), source)
        seen: dict[str, int] = {}
        for index, raw in enumerate(_entries(data, "agents", source)):
            entry = _parse_agent(raw, source, index)
            for phrase in entry.phrases:
                if phrase in seen:
                    reason = f"phrase {phrase!r} already in entry {seen[phrase]}"
                    raise LexiconError(Errors.E202.format(name=source, entry=index, reason=reason))
                seen[phrase] = index
            agents.append((entry, source))
    origins: dict[str, str] = {}
    for prefix, table in (("country", countries), ("igo", igos), ("person", persons)):
        for key, (source, _) in table.origin.items():
            origins[f"{prefix}:{key}"] = source
    for index, (_, source) in enumerate(agents):
        origins[f"agent:{index}"] = source

    def parsed(table: _Table, parse: Any) -> list[Any]:
        return [parse(raw, *table.origin[key]) for key, raw in table.raw.items()]

    return KnowledgeBase(
        sectors=parsed(sectors, _parse_sector),
        countries=parsed(countries, _parse_country),
        igos=parsed(igos, _parse_igo),
        persons=parsed(persons, _parse_person),
        agents=[entry for entry, _ in agents],
        versions=versions,
        origins=origins,
    )


@functools.lru_cache(maxsize=8)
def _load_cached(paths: tuple[tuple[str, int], ...]) -> KnowledgeBase:
    files = _builtin_files()
    for path_text, _mtime in paths:
        path = Path(path_text)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            reason = f"cannot read ({exc.strerror or exc})"
            raise LexiconError(Errors.E201.format(name=path, reason=reason)) from exc
        files.append((str(path), text))
    kb = _build(files)
    logger.info(
        "actor knowledge base %s: %d countries, %d IGOs, %d named actors, %d agent phrases",
        kb.version,
        len(kb.countries),
        len(kb.igos),
        len(kb.persons),
        sum(len(a.phrases) for a in kb.agents),
    )
    return kb


def load_knowledge_base(*, extra_paths: Sequence[Path] = ()) -> KnowledgeBase:
    """The built-in knowledge base, extended by user files applied in order; cached.

    A user file that changes on disk is read again on the next call.
    """
    keys = []
    for path in extra_paths:
        resolved = Path(path).resolve()
        try:
            mtime = resolved.stat().st_mtime_ns
        except OSError:
            mtime = -1
        keys.append((str(resolved), mtime))
    return _load_cached(tuple(keys))
