"""Integrity checks for the persons knowledge base, read with PyYAML directly.

The loader (polybius.actors.kb) has its own tests; these check the data file itself:
schema, unique ids and aliases, coherent dates, and facts we are sure of.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from importlib import resources
from typing import Any

import pytest
import yaml

_ROLE_KEYS = {"title", "code", "start", "end", "approx"}
_PERSON_KEYS = {"id", "name", "aliases", "country", "roles", "out_of_office", "sources"}
_CODE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})*$")
# Offices of a state that no longer exists, coded as CAMEO does (SUN = Soviet Union, YUG =
# the Federal Republic of Yugoslavia to 2003).
_PREDECESSORS = {"SUN", "YUG"}


def _load() -> dict[str, Any]:
    text = (
        resources.files("polybius").joinpath("data/actors/persons.yaml").read_text(encoding="utf-8")
    )
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def kb() -> dict[str, Any]:
    return _load()


@pytest.fixture(scope="module")
def persons(kb: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["id"]: p for p in kb["persons"]}


def _role(
    persons: dict[str, dict[str, Any]], pid: str, title: str, on: dt.date
) -> dict[str, Any] | None:
    """The role of ``pid`` with ``title`` held on ``on``, if any."""
    roles: list[dict[str, Any]] = persons[pid]["roles"]
    for role in roles:
        end = role["end"] or dt.date.max
        if role["title"] == title and role["start"] <= on < end:
            return role
    return None


def _codes_on(persons: dict[str, dict[str, Any]], pid: str, on: dt.date) -> set[str]:
    return {
        r["code"] for r in persons[pid]["roles"] if r["start"] <= on < (r["end"] or dt.date.max)
    }


def test_header_states_version_source_and_licence(kb: dict[str, Any]) -> None:
    assert kb["version"] == 1
    assert isinstance(kb["updated"], dt.date)
    assert kb["source"].strip()
    assert kb["licence"] == "CC0-1.0"
    assert isinstance(kb["ambiguous_surnames"], list)
    assert len(kb["persons"]) > 0


def test_ids_are_unique_slugs(kb: dict[str, Any]) -> None:
    ids = [p["id"] for p in kb["persons"]]
    assert len(ids) == len(set(ids))
    bad = [i for i in ids if not re.fullmatch(r"[a-z0-9]+(?:[-_][a-z0-9]+)*", i)]
    assert bad == []


def test_person_fields(kb: dict[str, Any]) -> None:
    for p in kb["persons"]:
        assert set(p) == _PERSON_KEYS, p["id"]
        assert isinstance(p["name"], str) and p["name"].strip(), p["id"]
        assert isinstance(p["aliases"], list), p["id"]
        assert all(isinstance(a, str) and a.strip() for a in p["aliases"]), p["id"]
        assert p["name"] not in p["aliases"], p["id"]
        assert re.fullmatch(r"[A-Z]{3}", p["country"]), p["id"]
        assert p["out_of_office"] == p["country"] + "ELI", p["id"]
        assert p["sources"] and all(isinstance(s, str) for s in p["sources"]), p["id"]
        assert p["roles"], p["id"]


def test_every_role_is_complete_and_dated(kb: dict[str, Any]) -> None:
    for p in kb["persons"]:
        for r in p["roles"]:
            where = (p["id"], r.get("title"))
            assert set(r) <= _ROLE_KEYS and {"title", "code", "start", "end"} <= set(r), where
            assert isinstance(r["title"], str) and r["title"].strip(), where
            assert _CODE.fullmatch(r["code"]), where
            prefix = r["code"][:3]
            assert prefix == p["country"] or prefix == "IGO" or prefix in _PREDECESSORS, where
            assert isinstance(r["start"], dt.date), where
            assert dt.date(1900, 1, 1) < r["start"] <= kb["updated"], where
            if r["end"] is not None:
                assert isinstance(r["end"], dt.date), where
                assert r["end"] > r["start"], where
                assert r["end"] <= kb["updated"], where
            if "approx" in r:
                assert r["approx"] is True, where


def test_roles_of_the_same_title_do_not_overlap(kb: dict[str, Any]) -> None:
    for p in kb["persons"]:
        by_title: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for r in p["roles"]:
            by_title[r["title"], r["code"]].append(r)
        for (title, _), roles in by_title.items():
            roles.sort(key=lambda r: r["start"])
            for before, after in zip(roles, roles[1:], strict=False):
                assert before["end"] is not None, (p["id"], title)
                assert after["start"] >= before["end"], (p["id"], title)


def test_persons_are_ordered_by_country_then_first_role(kb: dict[str, Any]) -> None:
    keys = [(p["country"], min(r["start"] for r in p["roles"])) for p in kb["persons"]]
    assert keys == sorted(keys)


def test_aliases_are_unique_unless_declared_ambiguous(kb: dict[str, Any]) -> None:
    ambiguous = {s.casefold() for s in kb["ambiguous_surnames"]}
    owners: dict[str, set[str]] = defaultdict(set)
    for p in kb["persons"]:
        for alias in [p["name"], *p["aliases"]]:
            owners[alias.casefold()].add(p["id"])
    shared = {a: o for a, o in owners.items() if len(o) > 1 and a not in ambiguous}
    assert shared == {}


def test_ambiguous_surnames_are_not_used_as_aliases(kb: dict[str, Any]) -> None:
    ambiguous = {s.casefold() for s in kb["ambiguous_surnames"]}
    used = {a.casefold() for p in kb["persons"] for a in p["aliases"]}
    assert ambiguous & used == set()


def test_surname_shared_by_two_persons_is_declared_ambiguous(kb: dict[str, Any]) -> None:
    ambiguous = set(kb["ambiguous_surnames"])
    assert {"Ivanov", "Bush", "Clinton"} <= ambiguous


def test_yeltsin_presidency_ends_on_new_years_eve_1999(
    persons: dict[str, dict[str, Any]],
) -> None:
    role = _role(persons, "yeltsin-boris", "President", dt.date(1999, 12, 30))
    assert role is not None
    assert role["code"] == "RUSGOV"
    assert role["end"] == dt.date(1999, 12, 31)
    assert _codes_on(persons, "yeltsin-boris", dt.date(2000, 1, 5)) == set()
    assert persons["yeltsin-boris"]["out_of_office"] == "RUSELI"


def test_putin_is_acting_president_in_january_2000(
    persons: dict[str, dict[str, Any]],
) -> None:
    assert _role(persons, "putin-vladimir", "Acting President", dt.date(2000, 1, 15))
    assert _role(persons, "putin-vladimir", "President", dt.date(2000, 1, 15)) is None
    assert _role(persons, "putin-vladimir", "President", dt.date(2005, 6, 1))
    assert _role(persons, "putin-vladimir", "Prime Minister", dt.date(2010, 6, 1))
    assert _role(persons, "putin-vladimir", "President", dt.date(2026, 1, 1))
    assert "Putin" in persons["putin-vladimir"]["aliases"]


def test_sergeyev_is_russian_defence_minister_in_october_1998(
    persons: dict[str, dict[str, Any]],
) -> None:
    sergeyev = persons["sergeyev-igor"]
    assert {"Sergeev", "Sergeyev", "Igor Sergeev"} <= set(sergeyev["aliases"])
    assert _codes_on(persons, "sergeyev-igor", dt.date(1998, 10, 21)) == {"RUSMIL"}
    role = _role(persons, "sergeyev-igor", "Defence Minister", dt.date(1998, 10, 21))
    assert role is not None
    assert (role["start"], role["end"]) == (dt.date(1997, 5, 22), dt.date(2001, 3, 28))


def test_chi_haotian_is_chinese_defence_minister_1993_to_2003(
    persons: dict[str, dict[str, Any]],
) -> None:
    chi = persons["chi-haotian"]
    assert "Chi" in chi["aliases"]
    title = "Minister of National Defense"
    role = _role(persons, "chi-haotian", title, dt.date(1998, 10, 21))
    assert role is not None and role["code"] == "CHNMIL"
    assert role["start"].year == 1993 and role["end"] == dt.date(2003, 3, 17)
    assert _role(persons, "chi-haotian", title, dt.date(2004, 1, 1)) is None


def test_chinese_leaders_in_1998(persons: dict[str, dict[str, Any]]) -> None:
    on = dt.date(1998, 10, 21)
    assert _role(persons, "jiang-zemin", "President", on)
    assert _role(persons, "zhu-rongji", "Premier", on)
    assert _role(persons, "tang-jiaxuan", "Foreign Minister", on)
    assert "Jiang" in persons["jiang-zemin"]["aliases"]


def test_klebanov_is_russian_deputy_prime_minister_in_2000(
    persons: dict[str, dict[str, Any]],
) -> None:
    codes = _codes_on(persons, "klebanov-ilya", dt.date(2000, 6, 1))
    assert codes == {"RUSGOV"}


def test_two_ivanovs_are_told_apart_by_date(persons: dict[str, dict[str, Any]]) -> None:
    on = dt.date(2002, 1, 1)
    assert _role(persons, "ivanov-igor", "Foreign Minister", on)
    assert _role(persons, "ivanov-sergei", "Defence Minister", on)
    for pid in ("ivanov-igor", "ivanov-sergei"):
        assert "Ivanov" not in persons[pid]["aliases"]


def test_current_office_holders_have_open_roles(
    persons: dict[str, dict[str, Any]],
) -> None:
    on = dt.date(2026, 1, 1)
    for pid, title in [
        ("xi-jinping", "President"),
        ("lavrov-sergei", "Foreign Minister"),
        ("guterres-antonio", "Secretary-General of the United Nations"),
        ("rutte-mark", "Secretary General of NATO"),
    ]:
        role = _role(persons, pid, title, on)
        assert role is not None and role["end"] is None, pid


def test_well_known_terms(persons: dict[str, dict[str, Any]]) -> None:
    assert _role(persons, "blair-tony", "Prime Minister", dt.date(2003, 3, 20))
    assert _role(persons, "blair-tony", "Prime Minister", dt.date(2007, 6, 28)) is None
    assert _role(persons, "merkel-angela", "Chancellor", dt.date(2015, 1, 1))
    assert _role(persons, "clinton-bill", "President", dt.date(1999, 3, 24))
    assert _role(persons, "albright-madeleine", "Secretary of State", dt.date(1999, 3, 24))
    assert _role(persons, "cohen-william", "Secretary of Defense", dt.date(1999, 3, 24))
    assert _role(persons, "trump-donald", "President", dt.date(2022, 1, 1)) is None
    assert _role(persons, "trump-donald", "President", dt.date(2025, 6, 1))
    jiang_cmc = "Chairman of the Central Military Commission"
    role = _role(persons, "jiang-zemin", jiang_cmc, dt.date(2004, 1, 1))
    assert role is not None and role["code"] == "CHNMIL"
    assert "Blair" in persons["blair-tony"]["aliases"]


# Every state the knowledge base promises to cover has someone in office today.
_COVERED = (
    "USA RUS CHN GBR FRA ARG AUS BRA CAN DEU IND IDN ITA JPN KOR MEX SAU ZAF TUR "
    "UKR ISR IRN PRK PAK EGY SYR IRQ AFG TWN POL ESP NGA ETH VEN"
).split()


@pytest.mark.parametrize("country", _COVERED)
def test_covered_state_has_a_current_office_holder(kb: dict[str, Any], country: str) -> None:
    current = [
        p["id"]
        for p in kb["persons"]
        for r in p["roles"]
        if r["code"] in (country + "GOV", country + "MIL") and r["end"] is None
    ]
    assert current, country


@pytest.mark.parametrize("code", ["IGOUNO", "IGOWSTNAT", "IGOEUREEC"])
def test_igo_has_a_current_office_holder(kb: dict[str, Any], code: str) -> None:
    assert any(r["code"] == code and r["end"] is None for p in kb["persons"] for r in p["roles"])


# Words that are names of persons in the file but mostly mean something else in news
# text; an alias equal to one of them would code ordinary words as a person.
_NOT_ALIASES = {
    "He",
    "O",
    "May",
    "Major",
    "Cook",
    "Straw",
    "Hunt",
    "Fox",
    "King",
    "Hill",
    "Ray",
    "Bishop",
    "Lake",
    "Pace",
    "Burns",
    "Franco",
    "Mao",
    "Fan",
    "Hague",
    "Austin",
    "Christopher",
    "Nelson",
    "Jonathan",
    "Richard",
    "Philippe",
    "Michel",
    "Costa",
    "Shalom",
    "Young",
    "Cannon",
    "Moore",
    "Jung",
}


def test_no_alias_is_a_common_word_or_a_single_letter(kb: dict[str, Any]) -> None:
    bad = [
        (p["id"], a) for p in kb["persons"] for a in p["aliases"] if a in _NOT_ALIASES or len(a) < 2
    ]
    assert bad == []
