"""The event ontologies as data: the CAMEO codebook, PLOVER and the crosswalk between them.

Three versioned files under ``polybius/data/ontology/`` hold the tables:

``cameo.yaml``         every CAMEO code (1.1b3 plus the ``cameo2`` variants PETRARCH2
                       emits) with name, description, Goldstein weight, quad class, parent
``plover.yaml``        the 16 PLOVER event types with quad class, definition and modes;
                       the contexts; PLOVER 0.5b1 names as aliases
``cameo_plover.yaml``  every CAMEO code -> PLOVER type, mode and context

They are checked against the schema below when read, so a malformed file fails at load
time with a `LexiconError` naming the file and the entry, never later while coding::

    ont = load_ontology()
    ont.goldstein("057")          # 8.0
    ont.plover("042").mode        # 'visit'
    ont.plover_type("FIGHT").name # 'ASSAULT'
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from polybius.errors import Errors, LexiconError, PolybiusError

__all__ = [
    "CameoCode",
    "Ontology",
    "PloverMapping",
    "PloverType",
    "UnknownCodeError",
    "load_ontology",
    "quad_class_of_root",
    "read_ontology",
]

log = logging.getLogger(__name__)

_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")
_VARIANTS = ("", "cameo2")
_HEADER = ("version", "source", "licence")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class UnknownCodeError(PolybiusError, LookupError):
    """A CAMEO code or PLOVER type that the ontology does not define."""


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code. ``variant`` is ``""`` for CAMEO 1.1b3, ``"cameo2"`` otherwise."""

    code: str
    name: str
    description: str
    goldstein: float
    quad_class: int
    parent: str
    variant: str = ""

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def level(self) -> int:
        """1 for a root (``"19"``), 2 for three digits (``"190"``), 3 for four (``"1951"``)."""
        return len(self.code) - 1


@dataclass(frozen=True, slots=True)
class PloverType:
    """A PLOVER event type; ``modes`` lists its mode names, ``mode_definitions`` explains them."""

    name: str
    quad_class: int
    definition: str
    modes: tuple[str, ...] = ()
    mode_definitions: tuple[tuple[str, str], ...] = ()

    def mode_definition(self, mode: str) -> str:
        """What ``mode`` means for this type; ``""`` if the type has no such mode."""
        return dict(self.mode_definitions).get(mode, "")


@dataclass(frozen=True, slots=True)
class PloverMapping:
    """Where a CAMEO code lands in PLOVER. ``approximate`` marks codes PLOVER has no type for."""

    type: str
    mode: str = ""
    context: str = ""
    approximate: bool = False


def quad_class_of_root(root: str) -> int:
    """GDELT's quad class of a CAMEO root: 01-05 → 1, 06-08 → 2, 09-14 → 3, 15-20 → 4."""
    number = int(root)
    if number <= 5:
        return 1
    if number <= 8:
        return 2
    if number <= 14:
        return 3
    return 4


def _parent_of(code: str) -> str:
    """The code one level up: ``"0211"`` → ``"021"`` → ``"02"`` → ``""``."""
    return "" if len(code) == 2 else code[:2] if len(code) == 3 else code[:3]


@dataclass(frozen=True, slots=True, eq=False)
class Ontology:
    """The loaded, validated tables. Build it with `load_ontology` (cached) or `read_ontology`."""

    codes: Mapping[str, CameoCode]
    types: Mapping[str, PloverType]
    crosswalk: Mapping[str, PloverMapping]
    contexts: tuple[str, ...]
    aliases: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    mode_aliases: Mapping[tuple[str, str], str] = field(default_factory=dict)
    context_aliases: Mapping[str, str] = field(default_factory=dict)
    versions: Mapping[str, str] = field(default_factory=dict)
    _children: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    # ---- CAMEO -------------------------------------------------------------------------

    def cameo(self, code: str) -> CameoCode:
        """The codebook entry for ``code``; raises `UnknownCodeError` if there is none."""
        try:
            return self.codes[code]
        except (KeyError, TypeError) as exc:
            raise UnknownCodeError(Errors.E203.format(code=code)) from exc

    def is_cameo(self, code: object) -> bool:
        return isinstance(code, str) and code in self.codes

    def goldstein(self, code: str) -> float:
        return self.cameo(code).goldstein

    def quad_class(self, code: str) -> int:
        return self.cameo(code).quad_class

    def root(self, code: str) -> str:
        return self.cameo(code).root

    def children(self, code: str) -> tuple[CameoCode, ...]:
        """The codes one level below ``code``, in code order."""
        self.cameo(code)
        return tuple(self.codes[child] for child in self._children.get(code, ()))

    def lineage(self, code: str) -> tuple[CameoCode, ...]:
        """``code`` and its ancestors up to the root, most specific first."""
        chain = [self.cameo(code)]
        while chain[-1].parent:
            chain.append(self.codes[chain[-1].parent])
        return tuple(chain)

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self.codes.values())

    def __len__(self) -> int:
        return len(self.codes)

    def __contains__(self, code: object) -> bool:
        return self.is_cameo(code)

    # ---- PLOVER ------------------------------------------------------------------------

    def plover(self, code: str) -> PloverMapping:
        """The PLOVER type, mode and context of a CAMEO code."""
        self.cameo(code)
        return self.crosswalk[code]

    def plover_type(self, name: str) -> PloverType:
        """The PLOVER type called ``name`` (any case), accepting 0.5b1 names such as FIGHT."""
        return self.resolve_plover(name)[0]

    def resolve_plover(self, name: str, mode: str = "") -> tuple[PloverType, str]:
        """A type name and mode, old or current, as the current type and mode.

        PLOVER 0.5b1 folded some types into modes (INVESTIGATE is ACCUSE/investigate) and
        renamed modes (``strike-hun`` is ``hunger``); gold data still uses those names.
        """
        key = name.strip().upper() if isinstance(name, str) else ""
        if key in self.types:
            plover_type = self.types[key]
        elif key in self.aliases:
            target, alias_mode = self.aliases[key]
            plover_type = self.types[target]
            mode = mode or alias_mode
        else:
            raise UnknownCodeError(
                Errors.E204.format(
                    name=name, known=", ".join(self.types), aliases=", ".join(self.aliases)
                )
            )
        mode = (mode or "").strip().lower()
        mode = self.mode_aliases.get((plover_type.name, mode), mode)
        return plover_type, mode

    def normalise_context(self, context: str) -> str:
        """A context in the current list's spelling (``refugee`` → ``refugees``)."""
        context = context.strip().lower()
        return self.context_aliases.get(context, context)


# ---- loading and validation -----------------------------------------------------------


def _fail(name: str, entry: object, reason: str) -> LexiconError:
    return LexiconError(Errors.E202.format(name=name, entry=entry, reason=reason))


def _read_yaml(path: Path | None, builtin: str) -> tuple[str, Any]:
    if path is None:
        resource = resources.files("polybius.data").joinpath(f"ontology/{builtin}")
        where = f"polybius/data/ontology/{builtin}"
        text = resource.read_text(encoding="utf-8")
    else:
        where = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise LexiconError(
                Errors.E201.format(name=where, reason=f"cannot read ({exc})")
            ) from exc
    try:
        data = yaml.load(text, Loader=_Loader)  # SafeLoader, in C when built
    except yaml.YAMLError as exc:
        raise LexiconError(
            Errors.E201.format(name=where, reason=f"not valid YAML ({exc})")
        ) from exc
    if not isinstance(data, dict):
        raise LexiconError(Errors.E201.format(name=where, reason="is not a YAML mapping"))
    for key in _HEADER:
        if not isinstance(data.get(key), str | int | float) or not str(data[key]).strip():
            raise LexiconError(Errors.E201.format(name=where, reason=f"has no `{key}:` header"))
    return where, data


def _text(name: str, entry: object, raw: Mapping[str, Any], key: str, *, empty: bool) -> str:
    value = raw.get(key, "" if empty else None)
    if value is None:
        value = ""
    if not isinstance(value, str) or (not empty and not value.strip()):
        raise _fail(name, entry, f"`{key}` must be a non-empty string, got {value!r}")
    return value.strip()


def _parse_cameo(name: str, data: Mapping[str, Any]) -> dict[str, CameoCode]:
    raw_codes = data.get("codes")
    if not isinstance(raw_codes, list) or not raw_codes:
        raise LexiconError(Errors.E201.format(name=name, reason="has no `codes:` list"))
    codes: dict[str, CameoCode] = {}
    for position, raw in enumerate(raw_codes, start=1):
        if not isinstance(raw, dict):
            raise _fail(name, f"#{position}", "is not a mapping")
        code = raw.get("code")
        if not isinstance(code, str):
            raise _fail(
                name, f"#{position}", f"`code` must be a quoted string such as '042', got {code!r}"
            )
        if not _CODE.match(code):
            raise _fail(name, code, "`code` must be 2-4 digits under a root 01-20")
        if code in codes:
            raise _fail(name, code, "appears twice")
        goldstein = raw.get("goldstein")
        if isinstance(goldstein, bool) or not isinstance(goldstein, int | float):
            raise _fail(name, code, f"`goldstein` must be a number, got {goldstein!r}")
        if not -10.0 <= goldstein <= 10.0:
            raise _fail(name, code, f"`goldstein` {goldstein} is outside -10..10")
        quad = raw.get("quad_class")
        if isinstance(quad, bool) or quad not in (1, 2, 3, 4):
            raise _fail(name, code, f"`quad_class` must be 1, 2, 3 or 4, got {quad!r}")
        expected_quad = quad_class_of_root(code[:2])
        if quad != expected_quad:
            raise _fail(
                name, code, f"`quad_class` {quad} contradicts root {code[:2]} ({expected_quad})"
            )
        parent = raw.get("parent", "")
        if parent != _parent_of(code):
            raise _fail(name, code, f"`parent` is {parent!r} but should be {_parent_of(code)!r}")
        variant = raw.get("variant", "") or ""
        if variant not in _VARIANTS:
            raise _fail(name, code, f"`variant` must be one of {_VARIANTS}, got {variant!r}")
        codes[code] = CameoCode(
            code=code,
            name=_text(name, code, raw, "name", empty=False),
            description=_text(name, code, raw, "description", empty=True),
            goldstein=float(goldstein),
            quad_class=quad,
            parent=parent,
            variant=variant,
        )
    for code, entry in codes.items():
        if entry.parent and entry.parent not in codes:
            raise _fail(name, code, f"parent {entry.parent!r} is not in the codebook")
    return codes


def _parse_plover(
    name: str, data: Mapping[str, Any]
) -> tuple[
    dict[str, PloverType],
    tuple[str, ...],
    dict[str, tuple[str, str]],
    dict[tuple[str, str], str],
    dict[str, str],
]:
    raw_types = data.get("types")
    if not isinstance(raw_types, list) or not raw_types:
        raise LexiconError(Errors.E201.format(name=name, reason="has no `types:` list"))
    types: dict[str, PloverType] = {}
    for position, raw in enumerate(raw_types, start=1):
        if not isinstance(raw, dict):
            raise _fail(name, f"#{position}", "is not a mapping")
        type_name = _text(name, f"#{position}", raw, "name", empty=False)
        if type_name != type_name.upper() or type_name in types:
            raise _fail(name, type_name, "type names must be upper case and unique")
        quad = raw.get("quad_class")
        if isinstance(quad, bool) or quad not in (1, 2, 3, 4):
            raise _fail(name, type_name, f"`quad_class` must be 1, 2, 3 or 4, got {quad!r}")
        modes = raw.get("modes") or {}
        if not isinstance(modes, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and k and v.strip() for k, v in modes.items()
        ):
            raise _fail(name, type_name, "`modes` must map each mode name to its definition")
        types[type_name] = PloverType(
            name=type_name,
            quad_class=quad,
            definition=_text(name, type_name, raw, "definition", empty=False),
            modes=tuple(modes),
            mode_definitions=tuple((k, v.strip()) for k, v in modes.items()),
        )
    contexts = data.get("contexts")
    if not isinstance(contexts, list) or not all(isinstance(c, str) and c for c in contexts):
        raise LexiconError(Errors.E201.format(name=name, reason="has no `contexts:` list"))
    if len(set(contexts)) != len(contexts):
        raise LexiconError(Errors.E201.format(name=name, reason="lists a context twice"))

    aliases: dict[str, tuple[str, str]] = {}
    for alias, raw in (data.get("aliases") or {}).items():
        target = raw.get("type") if isinstance(raw, dict) else None
        mode = (raw.get("mode") or "") if isinstance(raw, dict) else ""
        if target not in types:
            raise _fail(name, f"aliases.{alias}", f"names unknown type {target!r}")
        if mode and mode not in types[target].modes:
            raise _fail(name, f"aliases.{alias}", f"{target} has no mode {mode!r}")
        if alias in types:
            raise _fail(name, f"aliases.{alias}", "shadows a current type name")
        aliases[str(alias).upper()] = (target, mode)

    mode_aliases: dict[tuple[str, str], str] = {}
    for type_name, table in (data.get("mode_aliases") or {}).items():
        if type_name not in types or not isinstance(table, dict):
            raise _fail(name, f"mode_aliases.{type_name}", "must name a type and map old→new")
        for old, new in table.items():
            if new not in types[type_name].modes:
                raise _fail(name, f"mode_aliases.{type_name}.{old}", f"{new!r} is not a mode")
            mode_aliases[(type_name, str(old))] = new

    context_aliases: dict[str, str] = {}
    for old, new in (data.get("context_aliases") or {}).items():
        if new not in contexts:
            raise _fail(name, f"context_aliases.{old}", f"{new!r} is not a listed context")
        context_aliases[str(old)] = new
    return types, tuple(contexts), aliases, mode_aliases, context_aliases


def _parse_crosswalk(
    name: str,
    data: Mapping[str, Any],
    codes: Mapping[str, CameoCode],
    types: Mapping[str, PloverType],
    contexts: tuple[str, ...],
) -> dict[str, PloverMapping]:
    raw_map = data.get("map")
    if not isinstance(raw_map, dict) or not raw_map:
        raise LexiconError(Errors.E201.format(name=name, reason="has no `map:` table"))
    crosswalk: dict[str, PloverMapping] = {}
    for code, raw in raw_map.items():
        if not isinstance(code, str):
            raise _fail(name, code, "CAMEO codes must be quoted strings such as '042'")
        if code not in codes:
            raise _fail(name, code, "is not a code in the CAMEO codebook")
        if not isinstance(raw, dict):
            raise _fail(name, code, "must be a mapping with `type:`")
        plover = raw.get("type")
        if not isinstance(plover, str) or plover not in types:
            raise _fail(name, code, f"`type` {plover!r} is not a PLOVER type")
        mode = raw.get("mode") or ""
        if mode and mode not in types[plover].modes:
            raise _fail(name, code, f"{plover} has no mode {mode!r}")
        context = raw.get("context") or ""
        if context and context not in contexts:
            raise _fail(name, code, f"context {context!r} is not a listed PLOVER context")
        approximate = raw.get("approximate", False)
        if not isinstance(approximate, bool):
            raise _fail(name, code, "`approximate` must be true or false")
        crosswalk[code] = PloverMapping(plover, mode, context, approximate)
    missing = [code for code in codes if code not in crosswalk]
    if missing:
        shown = ", ".join(missing[:10]) + (" ..." if len(missing) > 10 else "")
        raise _fail(name, missing[0], f"CAMEO codes without a PLOVER mapping: {shown}")
    return crosswalk


def read_ontology(
    *, cameo: Path | None = None, plover: Path | None = None, crosswalk: Path | None = None
) -> Ontology:
    """Read and validate the ontology files; each path defaults to the shipped file."""
    cameo_name, cameo_data = _read_yaml(cameo, "cameo.yaml")
    plover_name, plover_data = _read_yaml(plover, "plover.yaml")
    cross_name, cross_data = _read_yaml(crosswalk, "cameo_plover.yaml")

    codes = _parse_cameo(cameo_name, cameo_data)
    types, contexts, aliases, mode_aliases, context_aliases = _parse_plover(
        plover_name, plover_data
    )
    mapping = _parse_crosswalk(cross_name, cross_data, codes, types, contexts)

    children: dict[str, list[str]] = {}
    for code in sorted(codes):
        parent = codes[code].parent
        if parent:
            children.setdefault(parent, []).append(code)
    ordered = dict(sorted(codes.items()))  # prefix codes sort parent-first
    log.debug("ontology: %d CAMEO codes, %d PLOVER types", len(codes), len(types))
    return Ontology(
        codes=MappingProxyType(ordered),
        types=MappingProxyType(types),
        crosswalk=MappingProxyType(mapping),
        contexts=contexts,
        aliases=MappingProxyType(aliases),
        mode_aliases=MappingProxyType(mode_aliases),
        context_aliases=MappingProxyType(context_aliases),
        versions=MappingProxyType(
            {
                "cameo": str(cameo_data["version"]),
                "plover": str(plover_data["version"]),
                "cameo_plover": str(cross_data["version"]),
            }
        ),
        _children=MappingProxyType({k: tuple(v) for k, v in children.items()}),
    )


@cache
def load_ontology() -> Ontology:
    """The shipped ontology, read and validated once per process."""
    return read_ontology()
