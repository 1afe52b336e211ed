"""Integrity checks for the named groups, parties, media and companies (groups.yaml).

The loader has its own tests; these check the data file itself: that it loads, that its
codes are CAMEO country + known sectors, that its names do not shadow a country, an IGO,
an agent word or a person, and facts we are sure of.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from importlib import resources
from typing import Any

import pytest
import yaml

from polybius.actors.kb import KnowledgeBase, Person, load_knowledge_base

_KINDS = {"group", "organisation", "place"}
_KEYS = {"id", "kind", "name", "aliases", "country", "roles", "sources"}
_PREFIXES = {"NGO", "IGO"}


def _read(name: str) -> dict[str, Any]:
    text = resources.files("polybius").joinpath(f"data/actors/{name}").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    return _read("groups.yaml")


@pytest.fixture(scope="module")
def entries(raw: dict[str, Any]) -> list[dict[str, Any]]:
    found = raw["persons"]
    assert isinstance(found, list)
    return found


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


def _forms(entry: dict[str, Any]) -> list[str]:
    return [entry["name"], *entry.get("aliases", [])]


def _one(kb: KnowledgeBase, name: str) -> Person:
    found = kb.persons_by_name(name)
    assert len(found) == 1, f"{name!r} names {[p.id for p in found]}"
    return found[0]


# --------------------------------------------------------------------------- the file


def test_header_states_version_source_and_licence(raw: dict[str, Any]) -> None:
    assert isinstance(raw["version"], int)
    assert "Polybius developers" in raw["source"]
    assert raw["licence"] == "CC0-1.0"


def test_loads_through_the_knowledge_base(kb: KnowledgeBase, entries: list[dict[str, Any]]) -> None:
    assert "groups.yaml" in dict(kb.versions)
    for entry in entries:
        person = kb.person(entry["id"])
        assert person is not None, entry["id"]
        assert person.kind == entry["kind"]


def test_entries_have_the_expected_fields(entries: list[dict[str, Any]]) -> None:
    assert len(entries) >= 100
    for entry in entries:
        assert set(entry) <= _KEYS, entry["id"]
        assert entry["kind"] in _KINDS, entry["id"]
        assert entry["roles"], entry["id"]
        assert entry["sources"], entry["id"]


def test_ids_are_unique_and_distinct_from_persons(entries: list[dict[str, Any]]) -> None:
    ids = Counter(entry["id"] for entry in entries)
    assert [i for i, n in ids.items() if n > 1] == []
    person_ids = {p["id"] for p in _read("persons.yaml")["persons"]}
    # A shared id would silently replace the person with the group.
    assert set(ids) & person_ids == set()


def test_each_entry_has_one_enduring_role_and_dated_overrides(
    entries: list[dict[str, Any]],
) -> None:
    for entry in entries:
        undated = [r for r in entry["roles"] if "start" not in r and "end" not in r]
        assert len(undated) == 1, entry["id"]
        for role in entry["roles"]:
            if "end" in role:
                # Without a start the override would tie with the enduring role.
                assert "start" in role, entry["id"]


def test_codes_are_a_known_country_or_ngo_prefix_plus_known_sectors(
    kb: KnowledgeBase, entries: list[dict[str, Any]]
) -> None:
    sectors = {s.code for s in kb.sectors}
    for entry in entries:
        for role in entry["roles"]:
            code = role["code"]
            prefix, rest = code[:3], code[3:]
            assert kb.country(prefix) is not None or prefix in _PREFIXES, (entry["id"], code)
            chunks = [rest[i : i + 3] for i in range(0, len(rest), 3)]
            assert all(c in sectors for c in chunks), (entry["id"], code)


def test_enduring_code_starts_with_the_entry_country(entries: list[dict[str, Any]]) -> None:
    for entry in entries:
        if "country" not in entry:
            continue
        (enduring,) = [r for r in entry["roles"] if "start" not in r]
        assert enduring["code"].startswith(entry["country"]), entry["id"]


# --------------------------------------------------------------------------- names


def test_no_short_aliases(entries: list[dict[str, Any]]) -> None:
    short = [(e["id"], f) for e in entries for f in _forms(e) if len(f.replace(".", "")) < 3]
    assert short == []


# Acronyms a group shares with an IGO on purpose, told apart by the country in view.
_SHARED_WITH_AN_IGO = {("rapid-support-forces", "RSF")}


def test_no_name_shadows_a_country_or_an_igo(
    kb: KnowledgeBase, entries: list[dict[str, Any]]
) -> None:
    clashes = []
    for entry in entries:
        for form in _forms(entry):
            if (entry["id"], form) in _SHARED_WITH_AN_IGO:
                continue
            hits = (
                kb.country_by_name(form),
                kb.country_by_adjective(form),
                kb.country_by_demonym(form),
                kb.country_by_capital(form),
                kb.igo_by_name(form),
            )
            if any(hit is not None for hit in hits):
                clashes.append((entry["id"], form))
    assert clashes == []


def test_names_that_are_agent_words_keep_the_agent_sector(
    kb: KnowledgeBase, entries: list[dict[str, Any]]
) -> None:
    # "Congress" is a legislature (LEG) in agents.yaml, so it may never name the Indian
    # party; "Mossad" (SPY) may name Israel's service, which only adds the country.
    phrases = {phrase for agent in kb.agents for phrase in agent.phrases}
    clashes = []
    for entry in entries:
        (enduring,) = [r for r in entry["roles"] if "start" not in r]
        for form in _forms(entry):
            if form.lower() not in phrases:
                continue
            sector = enduring["code"][3:6]
            if sector not in (kb.agent_sectors(form.lower()) or ()):
                clashes.append((entry["id"], form))
    assert clashes == []


def test_every_name_finds_only_its_entry(kb: KnowledgeBase, entries: list[dict[str, Any]]) -> None:
    ambiguous = []
    for entry in entries:
        for form in _forms(entry):
            ids = [p.id for p in kb.persons_by_name(form)]
            if ids != [entry["id"]]:
                ambiguous.append((entry["id"], form, ids))
    assert ambiguous == []


# --------------------------------------------------------------------------- facts


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Hamas", "PSEREB"),
        ("Hezbollah", "LBNREB"),
        ("Hizbullah", "LBNREB"),
        ("ISIL", "MEAREB"),
        ("Daesh", "MEAREB"),
        ("al-Qaida", "MEAREB"),
        ("AQAP", "YEMREB"),
        ("al-Shabaab", "SOMREB"),
        ("Boko Haram", "NGAREB"),
        ("Ansar Allah", "YEMREB"),
        ("PKK", "TURSEP"),
        ("Tamil Tigers", "LKASEP"),
        ("Wagner Group", "RUSUAF"),
        ("Polisario Front", "ESHSEP"),
    ],
)
def test_armed_groups_are_coded_by_country_and_sector(
    kb: KnowledgeBase, name: str, code: str
) -> None:
    assert kb.person_code_at(_one(kb, name), dt.date(2015, 6, 1)) == code


def test_taliban_govern_only_in_their_two_periods(kb: KnowledgeBase) -> None:
    taliban = _one(kb, "Taliban")
    assert kb.person_code_at(taliban, dt.date(2023, 1, 1)) == "AFGGOV"
    assert kb.person_code_at(taliban, dt.date(1999, 1, 1)) == "AFGGOV"
    assert kb.person_code_at(taliban, dt.date(2010, 1, 1)) == "AFGREB"
    assert kb.person_code_at(taliban, dt.date(2021, 8, 14)) == "AFGREB"
    assert kb.person_code_at(taliban, dt.date(2021, 8, 15)) == "AFGGOV"


def test_dated_codes_follow_history(kb: KnowledgeBase) -> None:
    farc = _one(kb, "FARC")
    assert kb.person_code_at(farc, dt.date(2010, 1, 1)) == "COLREB"
    assert kb.person_code_at(farc, dt.date(2020, 1, 1)) == "COLPTY"
    rsf = _one(kb, "Rapid Support Forces")
    assert kb.person_code_at(rsf, dt.date(2020, 1, 1)) == "SDNMIL"
    assert kb.person_code_at(rsf, dt.date(2024, 1, 1)) == "SDNREB"
    splm = _one(kb, "SPLM")
    assert kb.person_code_at(splm, dt.date(2000, 1, 1)) == "SDNREB"
    assert kb.person_code_at(splm, dt.date(2015, 1, 1)) == "SSDGOV"


@pytest.mark.model
def test_hezbollah_is_coded_lebanese_in_text() -> None:
    import polybius

    events = polybius.code_text(
        "Hezbollah fighters attacked Israeli positions.", date=dt.date(2006, 7, 20)
    )
    sources = [e.source.code for e in events if e.source is not None and e.source.code]
    assert sources
    assert all(code.startswith("LBN") for code in sources)
