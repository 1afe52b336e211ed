"""Import TABARI/PETRARCH actor and agent dictionaries into the knowledge-base YAML formats.

Users who already own hand-kept dictionaries (``Phoenix.Countries.actors.txt``,
``Phoenix.agents.txt``...) convert them once with ``polybius import-dictionary`` and load the
result through the knowledge base's ``extra_paths``.

Actor files hold entries such as::

    GOLLUM_               # a primary phrase; '_' joins words, a trailing '_' stops the word
    +SMEAGOL              # a synonym of the entry above
        [HOB <950601]          # code until (and on) a date
        [HOBGOV 950601-990815] # code within a range (YYMMDD or YYYYMMDD, inclusive)
        [HOBREB >990816]       # code from a date on
        [HOBELI]               # code at any other time

Agent files hold one phrase per line with an optional plural in ``{...}`` and a code that
is added after (``[~MIL]``) or before (``[NGO~]``) the actor's code; ``!MARKER! = A, B``
lines define substitution sets used as ``CONGRESS!PERSON!``.

Reading never fails on a bad line: the line is skipped, logged with ``file:line`` and
counted, so a user sees every line the importer could not understand.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycountry
import yaml

from polybius.actors.kb import load_knowledge_base
from polybius.errors import ConfigError, Errors, ExportError, IngestError

__all__ = [
    "AgentImport",
    "ActorImport",
    "DictionaryWarning",
    "ImportSummary",
    "ImportedActor",
    "ImportedAgent",
    "TabariCode",
    "actor_record",
    "agent_record",
    "import_dictionary",
    "parse_tabari_actors",
    "parse_tabari_agents",
    "parse_tabari_date",
    "read_tabari_actors",
    "read_tabari_agents",
    "write_actors_yaml",
    "write_agents_yaml",
]

logger = logging.getLogger(__name__)

NULL_CODE = "---"
"""TABARI's "recognise but do not code" code."""

_CODE_RE = re.compile(r"^[A-Z0-9]+$")
_BRACKET_RE = re.compile(r"\[([^\[\]]*)\]")
_NOTE_RE = re.compile(r"<[^<>\[\]]*>")
_BEFORE_AFTER_RE = re.compile(r"^([<>])\s*(\d+)$")
_RANGE_RE = re.compile(r"^(\d+)\s*-\s*(\d+)$")
_BARE_DATE_RE = re.compile(r"^(\d{6,})$")
_MARKER_DEF_RE = re.compile(r"^!([^!\s]+)!\s*=(.*)$")
_MARKER_RE = re.compile(r"!([^!\s]+)!")

# Words that keep a phrase from being guessed a person's name (the guess is heuristic).
_NOT_PERSON_WORDS = frozenset(
    "academy agency army assembly association authority bank brigade brigades bureau "
    "cabinet centre center church commission committee company congress corporation "
    "council court department embassy forces front government group guard inc league "
    "ministry movement navy office organisation organization parliament party police "
    "press radio republic senate service state states television tribunal union "
    "university".split()
)
# Short words that are written lower case inside a proper-cased name.
_LOWER_WORDS = frozenset(
    "a al an and as at bin bint da das de del der des di do dos du el for ibn in la las "
    "le les los of on or the to van von y".split()
)
# Country-like CAMEO codes that are not ISO 3166 alpha-3 (current or historic).
_CAMEO_EXTRA_COUNTRIES = frozenset({"KOS"})


@dataclass(frozen=True, slots=True)
class DictionaryWarning:
    """A dictionary line the importer skipped or repaired, with why."""

    path: str
    line: int
    reason: str
    skipped: bool = True

    def __str__(self) -> str:
        reason = f"{self.reason}; skipped" if self.skipped else f"{self.reason}; kept"
        return Errors.E510.format(path=self.path, line=self.line, reason=reason)


@dataclass(frozen=True, slots=True)
class TabariCode:
    """One code of an actor entry, valid from ``start`` to ``end`` (inclusive; None = open).

    A code with neither date is the entry's default, used when no dated code applies.
    """

    code: str
    start: dt.date | None = None
    end: dt.date | None = None
    line: int = 0

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True, slots=True)
class ImportedActor:
    """One actor entry: its primary phrase, synonyms and (date-restricted) codes.

    ``phrases`` keeps the dictionary's own spelling (``VLADIMIR_PUTIN_``); ``name`` and
    ``aliases`` are the readable forms written to YAML.
    """

    phrases: tuple[str, ...]
    codes: tuple[TabariCode, ...]
    source: str
    line: int

    @property
    def name(self) -> str:
        return display_name(self.phrases[0])

    @property
    def aliases(self) -> tuple[str, ...]:
        name = self.name
        seen: dict[str, None] = {}
        for phrase in self.phrases[1:]:
            alias = display_name(phrase)
            if alias and alias != name:
                seen.setdefault(alias, None)
        return tuple(seen)

    @property
    def default_code(self) -> str | None:
        """The first undated code other than the null code, if any."""
        for code in self.codes:
            if not code.dated and code.code != NULL_CODE:
                return code.code
        return None

    @property
    def country(self) -> str | None:
        """The country of the entry's first coded role, if its code starts with one."""
        for code in self.codes:
            if code.code != NULL_CODE:
                prefix = code.code[:3]
                return prefix if is_country_code(prefix) else None
        return None

    @property
    def kind(self) -> str:
        return guess_kind(self)


@dataclass(frozen=True, slots=True)
class ImportedAgent:
    """One agent line: the phrases it matches and the sector codes it adds.

    ``prefix`` is True for the ``[NGO~]`` form, whose code goes before the actor's code
    rather than after it.
    """

    phrases: tuple[str, ...]
    plurals: tuple[str, ...]
    code: str
    prefix: bool
    source: str
    line: int

    @property
    def sectors(self) -> tuple[str, ...]:
        """The code split into CAMEO's three-letter parts: ``GOVFRM`` -> (GOV, FRM)."""
        code = self.code
        if len(code) % 3:
            return (code,)
        return tuple(code[i : i + 3] for i in range(0, len(code), 3))


@dataclass(frozen=True, slots=True)
class ActorImport:
    """What reading one actor file gave: its entries and the lines it warned about."""

    path: str
    actors: tuple[ImportedActor, ...]
    warnings: tuple[DictionaryWarning, ...]
    lines: int

    @property
    def warned_lines(self) -> int:
        return len({w.line for w in self.warnings})


@dataclass(frozen=True, slots=True)
class AgentImport:
    """What reading one agent file gave: its entries and the lines it warned about."""

    path: str
    agents: tuple[ImportedAgent, ...]
    warnings: tuple[DictionaryWarning, ...]
    lines: int

    @property
    def warned_lines(self) -> int:
        return len({w.line for w in self.warnings})


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What ``import_dictionary`` did, for the CLI to report."""

    kind: str
    source: str
    out: str
    entries: int
    written: int
    warnings: tuple[DictionaryWarning, ...] = field(default=())


# ---------------------------------------------------------------- helpers


def parse_tabari_date(text: str) -> dt.date:
    """Read a TABARI date: ``YYYYMMDD``, or ``YYMMDD`` with 00-30 as 20YY and 31-99 as 19YY.

    Raises ValueError for anything else, including impossible days such as 20100931.
    """
    text = text.strip()
    if not text.isdigit() or len(text) not in (6, 8):
        raise ValueError(f"date {text!r} is neither YYMMDD nor YYYYMMDD")
    if len(text) == 8:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    else:
        yy = int(text[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    return dt.date(year, month, day)


def _lenient_date(text: str, notes: list[str]) -> dt.date:
    """Read a date as PETRARCH does: 7 digits as YYMMDD + junk, over 8 as YYYYMMDD + junk."""
    if text.isdigit() and len(text) == 7:
        read = parse_tabari_date(text[:6])
    elif text.isdigit() and len(text) > 8:
        read = parse_tabari_date(text[:8])
    else:
        return parse_tabari_date(text)
    notes.append(f"{len(text)}-digit date {text} read as {read.isoformat()}")
    return read


def is_country_code(code: str) -> bool:
    """True for an ISO 3166 alpha-3 code (current or historic) or a CAMEO country extra."""
    code = code.upper()
    if code in _CAMEO_EXTRA_COUNTRIES:
        return True
    if len(code) != 3:
        return False
    if pycountry.countries.get(alpha_3=code) is not None:
        return True
    return pycountry.historic_countries.get(alpha_3=code) is not None


def _words(phrase: str) -> list[str]:
    return [w for w in re.split(r"[\s_]+", phrase) if w]


def display_name(phrase: str) -> str:
    """A dictionary phrase in readable form: ``VLADIMIR_PUTIN_`` -> ``Vladimir Putin``.

    Words without vowels (``BBC``), short non-words (``UN``) and dotted abbreviations
    (``U.N.``) stay upper case; small particles (``of``, ``al``) go lower case inside a
    name. It is a guess: matching should not depend on case.
    """
    out: list[str] = []
    for i, word in enumerate(_words(phrase)):
        lower = word.lower()
        letters = [c for c in word if c.isalpha()]
        if i > 0 and lower in _LOWER_WORDS:
            out.append(lower)
        elif "." in word or (letters and not any(c in "aeiouy" for c in lower)):
            out.append(word.upper())
        elif len(letters) <= 2 and lower not in _LOWER_WORDS:
            out.append(word.upper())
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in word.split("-")))
    return " ".join(out)


def agent_phrase(phrase: str) -> str:
    """An agent phrase in matching form: ``DEFENSE_MINISTER`` -> ``defense minister``."""
    return " ".join(_words(phrase)).lower()


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "actor"


def _looks_like_person_name(name: str) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 5:
        return False
    for word in words:
        if word.lower() in _NOT_PERSON_WORDS:
            return False
        if not re.fullmatch(r"[^\W\d_][\w.'’-]*", word):
            return False
    return True


def guess_kind(actor: ImportedActor) -> str:
    """Heuristic kind: person, place, group or organisation.

    A person looks like FIRST_LAST and holds dated roles; a place is coded only as a bare
    country; codes with rebel/insurgent sectors make a group. Review before relying on it.
    """
    codes = [c.code for c in actor.codes if c.code != NULL_CODE]
    if any(c.dated for c in actor.codes) and _looks_like_person_name(actor.name):
        return "person"
    if codes and all(len(c) == 3 and is_country_code(c) for c in codes):
        return "place"
    if any(s in c[3:] for c in codes for s in ("REB", "INS", "UAF", "SEP")):
        return "group"
    return "organisation"


def _read_lines(path: Path, warnings: list[DictionaryWarning]) -> list[str]:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise IngestError(Errors.E109.format(path=path)) from exc
    except OSError as exc:
        raise IngestError(Errors.E101.format(path=path, reason=exc.strerror)) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        logger.warning(Errors.E107.format(path=path, encoding="latin-1"))
    return text.splitlines()


def _content_lines(lines: Sequence[str]) -> Iterator[tuple[int, str]]:
    """Yield (line number, text without comments); '' for blank or comment-only lines.

    Drops ``#`` comments, ``<!-- ... -->`` blocks (also across lines) and other lines
    that open with ``<``, and stops at TABARI's ``---STOP---``.
    """
    in_block = False
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip()
        if in_block:
            if "-->" in line:
                in_block = False
            yield number, ""
            continue
        stripped = line.lstrip()
        if "---STOP---" in stripped:
            return
        if stripped.startswith("<"):
            if stripped.startswith("<!") and "-->" not in stripped:
                in_block = True
            yield number, ""
            continue
        hash_at = line.find("#")
        if hash_at >= 0:
            line = line[:hash_at].rstrip()
        yield number, line


# ---------------------------------------------------------------- actors


@dataclass(slots=True)
class _Pending:
    line: int
    phrases: list[str]
    codes: list[TabariCode]
    had_bracket: bool = False


def _parse_code(
    content: str, *, path: str, line: int, warnings: list[DictionaryWarning]
) -> list[TabariCode]:
    """Parse the inside of one ``[...]``: a code (or ``A/B`` codes) and a date restriction."""
    content = content.strip()
    if not content:
        warnings.append(DictionaryWarning(path, line, "empty code []"))
        return []
    head, _, rest = content.partition(" ")
    rest = rest.strip()
    # "[HOB<950601]" or "[HOB>950601]": the restriction may touch the code
    for mark in "<>":
        if mark in head:
            head, _, tail = head.partition(mark)
            rest = f"{mark}{tail} {rest}".strip()
    start: dt.date | None = None
    end: dt.date | None = None
    notes: list[str] = []
    try:
        if rest:
            if match := _BEFORE_AFTER_RE.match(rest):
                when = _lenient_date(match.group(2), notes)
                if match.group(1) == "<":
                    end = when
                else:
                    start = when
            elif match := _BARE_DATE_RE.match(rest):
                start = _lenient_date(match.group(1), notes)
                notes.append(f"date without <, > or - read as >{match.group(1)}")
            elif match := _RANGE_RE.match(rest):
                start = _lenient_date(match.group(1), notes)
                end = _lenient_date(match.group(2), notes)
                if end < start:
                    warnings.append(
                        DictionaryWarning(path, line, f"range in [{content}] ends before it starts")
                    )
                    return []
            else:
                warnings.append(
                    DictionaryWarning(path, line, f"cannot read date restriction in [{content}]")
                )
                return []
    except ValueError as exc:
        warnings.append(DictionaryWarning(path, line, f"bad date in [{content}] ({exc})"))
        return []
    for note in notes:
        warnings.append(DictionaryWarning(path, line, f"[{content}]: {note}", skipped=False))
    codes: list[TabariCode] = []
    for part in head.split("/"):
        code = part.strip().upper()
        if code != NULL_CODE and not _CODE_RE.match(code):
            warnings.append(DictionaryWarning(path, line, f"bad code {part.strip()!r}"))
            continue
        codes.append(TabariCode(code=code, start=start, end=end, line=line))
    return codes


def _codes_in(
    text: str, *, path: str, line: int, warnings: list[DictionaryWarning]
) -> tuple[str, list[TabariCode], bool]:
    """Split a line into its phrase part and the codes of every ``[...]`` on it."""
    first = text.find("[")
    if first < 0:
        return text, [], False
    phrase = text[:first]
    codes: list[TabariCode] = []
    tail = text[first:]
    for match in _BRACKET_RE.finditer(tail):
        codes.extend(_parse_code(match.group(1), path=path, line=line, warnings=warnings))
    leftover = _BRACKET_RE.sub("", tail)
    if "[" in leftover or "]" in leftover:
        warnings.append(DictionaryWarning(path, line, "unbalanced [ ] around a code"))
    return phrase, codes, True


def _clean_phrase(text: str) -> str:
    return _NOTE_RE.sub("", text).strip()


def parse_tabari_actors(path: str | Path) -> ActorImport:
    """Read a TABARI/PETRARCH actor dictionary, keeping every skipped line as a warning."""
    path = Path(path)
    name = path.name
    warnings: list[DictionaryWarning] = []
    lines = _read_lines(path, warnings)
    actors: list[ImportedActor] = []
    pending: _Pending | None = None
    gap = False  # a blank line since the pending entry's last line

    def finish(entry: _Pending | None) -> None:
        if entry is None:
            return
        if not entry.codes:
            reason = "entry has no usable code" if entry.had_bracket else "entry has no code"
            warnings.append(DictionaryWarning(name, entry.line, f"{reason}: {entry.phrases[0]}"))
            return
        actors.append(
            ImportedActor(
                phrases=tuple(entry.phrases),
                codes=tuple(entry.codes),
                source=name,
                line=entry.line,
            )
        )

    for number, line in _content_lines(lines):
        if not line.strip():
            gap = True
            continue
        if line[0].isspace():
            body = line.strip()
            if not body.startswith("["):
                warnings.append(DictionaryWarning(name, number, "indented line is not a [code]"))
                continue
            if pending is None:
                warnings.append(DictionaryWarning(name, number, "[code] line before any entry"))
                continue
            _, codes, _ = _codes_in(body, path=name, line=number, warnings=warnings)
            pending.codes.extend(codes)
            pending.had_bracket = True
            continue
        if line.startswith("+"):
            phrase, codes, had = _codes_in(line[1:], path=name, line=number, warnings=warnings)
            phrase = _clean_phrase(phrase)
            if pending is None:
                warnings.append(DictionaryWarning(name, number, "synonym (+) before any entry"))
                continue
            if had:
                warnings.append(
                    DictionaryWarning(
                        name, number, "synonym (+) line carries a code, code ignored", skipped=False
                    )
                )
            if phrase:
                pending.phrases.append(phrase)
            continue
        phrase, codes, had = _codes_in(line, path=name, line=number, warnings=warnings)
        phrase = _clean_phrase(phrase)
        if not phrase:
            warnings.append(DictionaryWarning(name, number, "code without a phrase"))
            continue
        if pending is not None and not pending.codes and not had and not gap:
            # PETRARCH gives consecutive code-less primary phrases the codes that follow
            # them, so they are names of one entry (e.g. several spellings of one person).
            pending.phrases.append(phrase)
            continue
        finish(pending)
        pending = _Pending(line=number, phrases=[phrase], codes=list(codes), had_bracket=had)
        gap = False
    finish(pending)
    warnings.sort(key=lambda w: w.line)
    for warning in warnings:
        logger.warning("%s", warning)
    return ActorImport(
        path=str(path), actors=tuple(actors), warnings=tuple(warnings), lines=len(lines)
    )


def read_tabari_actors(path: str | Path) -> list[ImportedActor]:
    """Read a TABARI/PETRARCH actor dictionary; bad lines are logged and skipped."""
    return list(parse_tabari_actors(path).actors)


# ---------------------------------------------------------------- agents


def _regular_plural(phrase: str) -> str:
    """PETRARCH's automatic plural: -Y -> -IES, -S -> -SES, otherwise +S."""
    stem = phrase.rstrip("_ ")
    if stem.upper().endswith("Y"):
        return stem[:-1] + "IES"
    if stem.upper().endswith("S"):
        return stem + "ES"
    return stem + "S"


def parse_tabari_agents(path: str | Path) -> AgentImport:
    """Read a TABARI/PETRARCH agent dictionary, keeping every skipped line as a warning."""
    path = Path(path)
    name = path.name
    warnings: list[DictionaryWarning] = []
    lines = _read_lines(path, warnings)
    markers: dict[str, list[str]] = {}
    agents: list[ImportedAgent] = []
    for number, line in _content_lines(lines):
        text = line.strip()
        if not text:
            continue
        if definition := _MARKER_DEF_RE.match(text):
            items = [i.strip() for i in definition.group(2).split(",") if i.strip()]
            if not items:
                warnings.append(DictionaryWarning(name, number, "substitution set is empty"))
                continue
            markers[definition.group(1).upper()] = items
            continue
        if "[" not in text:
            warnings.append(DictionaryWarning(name, number, "agent has no [code]"))
            continue
        phrase_part, _, code_part = text.partition("[")
        close = code_part.find("]")
        if close < 0:
            # a mistyped closing bracket, e.g. "[~ENV}": keep the code, say so
            repaired = re.match(r"\s*([~A-Za-z0-9 ]+)", code_part)
            if repaired is None:
                warnings.append(DictionaryWarning(name, number, "unclosed [ in agent code"))
                continue
            warnings.append(
                DictionaryWarning(name, number, "agent code not closed by ']'", skipped=False)
            )
            code_text = repaired.group(1)
        else:
            code_text = code_part[:close]
        code_text = code_text.replace(" ", "").upper()
        if code_text.startswith("~"):
            prefix, code = False, code_text[1:]
        elif code_text.endswith("~"):
            prefix, code = True, code_text[:-1]
        else:
            warnings.append(
                DictionaryWarning(
                    name,
                    number,
                    f"agent code [{code_text}] has no '~', read as [~{code_text}]",
                    skipped=False,
                )
            )
            prefix, code = False, code_text
        if not _CODE_RE.match(code):
            warnings.append(DictionaryWarning(name, number, f"bad agent code {code_text!r}"))
            continue
        plural_given: str | None = None
        if "{" in phrase_part:
            if "}" not in phrase_part:
                warnings.append(DictionaryWarning(name, number, "missing '}' after plural"))
                continue
            before, _, after = phrase_part.partition("{")
            plural_given = after.partition("}")[0].strip()
            phrase_part = before
        phrase_part = _clean_phrase(phrase_part)
        if not phrase_part:
            warnings.append(DictionaryWarning(name, number, "agent code without a phrase"))
            continue
        marker = _MARKER_RE.search(phrase_part)
        if marker is not None:
            subst = markers.get(marker.group(1).upper())
            if subst is None:
                warnings.append(
                    DictionaryWarning(
                        name, number, f"substitution set !{marker.group(1)}! undefined"
                    )
                )
                continue
            # substitution sets list every form, so no plural is added
            forms = [phrase_part[: marker.start()] + i + phrase_part[marker.end() :] for i in subst]
            if _MARKER_RE.search(forms[0]):
                warnings.append(DictionaryWarning(name, number, "more than one substitution set"))
                continue
            phrases = [agent_phrase(f) for f in forms]
            plurals: list[str] = []
        else:
            phrases = [agent_phrase(phrase_part)]
            if plural_given is None:
                plurals = [agent_phrase(_regular_plural(phrase_part))]
            else:
                plurals = [agent_phrase(plural_given)] if plural_given else []
        agents.append(
            ImportedAgent(
                phrases=tuple(dict.fromkeys(p for p in phrases if p)),
                plurals=tuple(p for p in dict.fromkeys(plurals) if p and p not in phrases),
                code=code,
                prefix=prefix,
                source=name,
                line=number,
            )
        )
    warnings.sort(key=lambda w: w.line)
    for warning in warnings:
        logger.warning("%s", warning)
    return AgentImport(
        path=str(path), agents=tuple(agents), warnings=tuple(warnings), lines=len(lines)
    )


def read_tabari_agents(path: str | Path) -> list[ImportedAgent]:
    """Read a TABARI/PETRARCH agent dictionary; bad lines are logged and skipped."""
    return list(parse_tabari_agents(path).agents)


# ---------------------------------------------------------------- YAML


def _person_slug(actor: ImportedActor, kind: str) -> str:
    words = actor.name.split()
    if kind == "person" and len(words) > 1:
        words = [words[-1], *words[:-1]]
    return _slug(" ".join(words))


def actor_record(actor: ImportedActor, *, actor_id: str | None = None) -> dict[str, Any] | None:
    """The persons.yaml record of one actor, or None when it has no code but ``---``.

    Role ends are written as TABARI gives them, the last day the role was held, which is
    how the knowledge base reads them.
    """
    kind = actor.kind
    roles = [
        {"title": "", "code": c.code, "start": c.start, "end": c.end}
        for c in actor.codes
        if c.code != NULL_CODE
    ]
    if not roles:
        return None
    record: dict[str, Any] = {
        "id": actor_id or _person_slug(actor, kind),
        "kind": kind,
        "name": actor.name,
        "aliases": list(actor.aliases),
        "country": actor.country,
        "roles": roles,
    }
    default = actor.default_code
    if default is not None and any(c.dated for c in actor.codes):
        record["out_of_office"] = default
    record["sources"] = [f"{actor.source} line {actor.line}"]
    return record


def agent_record(agent: ImportedAgent) -> dict[str, Any]:
    """The agents.yaml record of one agent line: ``sector: MIL`` or ``sectors: [GOV, JUD]``."""
    sectors = agent.sectors
    record: dict[str, Any] = {"phrases": [*agent.phrases, *agent.plurals]}
    if len(sectors) == 1:
        record["sector"] = sectors[0]
    else:
        record["sectors"] = list(sectors)
    if agent.prefix:
        record["prefix"] = True
    record["sources"] = [f"{agent.source} line {agent.line}"]
    return record


def _source_text(sources: Iterable[str]) -> str:
    names = sorted(set(sources))
    return "imported from " + (", ".join(names) or "nothing") + " by polybius import-dictionary"


_ACTORS_HEADER = """\
# Imported TABARI/PETRARCH actor dictionary (polybius import-dictionary).
# Licence: that of the original dictionary; see its header.
# `kind` is a heuristic guess (person = looks like FIRST LAST and holds dated roles;
# place = coded only as a bare country); review it before relying on it.
# Role dates: start and end both inclusive (end is the dictionary's last day).
# A role without dates is the default; out_of_office repeats it for dated entries.
"""

_AGENTS_HEADER = """\
# Imported TABARI/PETRARCH agent dictionary (polybius import-dictionary).
# Licence: that of the original dictionary; see its header.
# `sector(s)` follow the actor's code ([~MIL]); `prefix: true` marks codes that precede
# it ([NGO~]).
"""


def write_actors_yaml(actors: Iterable[ImportedActor], path: str | Path) -> int:
    """Write actors in the knowledge base's persons.yaml format; return records written.

    Entries coded only ``---`` (recognise, never code) are left out; ids are made unique.
    """
    actors = list(actors)
    records: list[dict[str, Any]] = []
    used: dict[str, int] = {}
    for actor in actors:
        record = actor_record(actor)
        if record is None:
            logger.info("%s line %d: only the null code ---, not written", actor.source, actor.line)
            continue
        base = record["id"]
        count = used.get(base, 0) + 1
        used[base] = count
        if count > 1:
            record["id"] = f"{base}-{count}"
            while record["id"] in used:
                count += 1
                record["id"] = f"{base}-{count}"
            used[record["id"]] = 1
        records.append(record)
    document = {
        "version": 1,
        "source": _source_text(a.source for a in actors),
        "persons": records,
    }
    _dump(document, Path(path), _ACTORS_HEADER)
    return len(records)


def write_agents_yaml(
    agents: Iterable[ImportedAgent],
    path: str | Path,
    *,
    known_sectors: Collection[str] | None = None,
) -> int:
    """Write agents in the knowledge base's agents.yaml format; return records written.

    A phrase listed by several lines is kept on the first only, as the knowledge base
    requires; a line left with no phrase is not written. Given ``known_sectors``, every
    other sector code used gets a stub ``sectors:`` entry so the file loads.
    """
    agents = list(agents)
    records: list[dict[str, Any]] = []
    seen: set[str] = set()
    dropped = 0
    for agent in agents:
        record = agent_record(agent)
        # a phrase may give one code only: the first line that lists it wins
        phrases = [p for p in record["phrases"] if p not in seen]
        dropped += len(record["phrases"]) - len(phrases)
        if not phrases:
            continue
        seen.update(phrases)
        record["phrases"] = phrases
        records.append(record)
    if dropped:
        logger.info("%d agent phrase(s) repeated an earlier line and were left out", dropped)
    document: dict[str, Any] = {
        "version": 1,
        "source": _source_text(a.source for a in agents),
    }
    if known_sectors is not None:
        used = dict.fromkeys(s for a in agents for s in a.sectors)
        unknown = [code for code in used if code not in known_sectors]
        if unknown:
            document["sectors"] = [
                {"code": code, "name": code, "description": "imported; meaning not given"}
                for code in unknown
            ]
    document["agents"] = records
    _dump(document, Path(path), _AGENTS_HEADER)
    return len(records)


def _dump(document: dict[str, Any], path: Path, header: str) -> None:
    # libyaml's safe dumper when PyYAML was built with it: the same output, ten times faster
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump(document, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)
    try:
        path.write_text(header + text, encoding="utf-8")
    except OSError as exc:
        raise ExportError(Errors.E503.format(path=path, reason=exc.strerror)) from exc


# ---------------------------------------------------------------- one-shot import

_KINDS: tuple[str, ...] = ("actors", "agents")


def import_dictionary(path: str | Path, *, kind: str, out: str | Path) -> ImportSummary:
    """Convert one TABARI/PETRARCH dictionary file to knowledge-base YAML at ``out``."""
    if kind not in _KINDS:
        raise ConfigError(
            Errors.E504.format(kind="dictionary kind", value=kind, choices=", ".join(_KINDS))
        )
    if kind == "actors":
        actors = parse_tabari_actors(path)
        written = write_actors_yaml(actors.actors, out)
        entries, warnings = len(actors.actors), actors.warnings
    else:
        known = {sector.code for sector in load_knowledge_base().sectors}
        agents = parse_tabari_agents(path)
        written = write_agents_yaml(agents.agents, out, known_sectors=known)
        entries, warnings = len(agents.agents), agents.warnings
    if warnings:
        logger.warning("%s: %d line(s) skipped or repaired", path, len(warnings))
    return ImportSummary(
        kind=kind,
        source=str(path),
        out=str(out),
        entries=entries,
        written=written,
        warnings=warnings,
    )
