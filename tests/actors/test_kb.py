"""The actor knowledge base: shipped data files, lookups, time-valid roles, user files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pycountry
import pytest
import yaml

from polybius.actors.kb import KnowledgeBase, Person, Role, load_knowledge_base
from polybius.errors import LexiconError

FIXTURES = Path(__file__).parent / "fixtures"
DATA = Path(__file__).parents[2] / "src" / "polybius" / "data" / "actors"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


@pytest.fixture(scope="module")
def kb_fixture() -> KnowledgeBase:
    return load_knowledge_base(
        extra_paths=[FIXTURES / "kb_override.yaml", FIXTURES / "kb_persons.yaml"]
    )


# --- countries -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Russian", "RUS"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("American", "USA"),
        ("Chinese", "CHN"),
        ("Japanese", "JPN"),
        ("British", "GBR"),
        ("UK", "GBR"),
        ("North Korean", "PRK"),
        ("South Korean", "KOR"),
        ("Ukrainian", "UKR"),
        ("Iranian", "IRN"),
        ("Israeli", "ISR"),
        ("Palestinian", "PSE"),
        ("Saudi", "SAU"),
        ("Emirati", "ARE"),
        ("Georgian", "GEO"),
        ("Congolese", "COD"),
        ("Soviet", "SUN"),
        ("Western", "WST"),
    ],
)
def test_country_by_adjective(kb: KnowledgeBase, text: str, code: str) -> None:
    country = kb.country_by_adjective(text)
    assert country is not None and country.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("the United States", "USA"),
        ("U.S.", "USA"),
        ("america", "USA"),
        ("Britain", "GBR"),
        ("China's", "CHN"),
        ("Cote d'Ivoire", "CIV"),
        ("Côte d’Ivoire", "CIV"),
        ("Kosovo", "KOS"),
        ("Taiwan", "TWN"),
        ("Democratic Republic of the Congo", "COD"),
        ("Republic of the Congo", "COG"),
        ("Burma", "MMR"),
        ("Middle East", "MEA"),
    ],
)
def test_country_by_name(kb: KnowledgeBase, text: str, code: str) -> None:
    country = kb.country_by_name(text)
    assert country is not None and country.code == code


def test_short_acronyms_are_case_sensitive(kb: KnowledgeBase) -> None:
    assert kb.country_by_name("us") is None
    assert kb.country_by_adjective("us") is None
    assert kb.igo_by_name("who") is None
    assert kb.igo_by_name("WHO") is not None


def test_ambiguous_form_lists_its_alternatives(kb: KnowledgeBase) -> None:
    assert [c.code for c in kb.alternatives("Congolese")] == ["COG"]
    assert [c.code for c in kb.alternatives("Korean")] == ["PRK"]
    assert kb.alternatives("Russian") == ()


@pytest.mark.parametrize(
    ("text", "code", "sector"),
    [
        ("Moscow", "RUS", "GOV"),
        ("Kremlin", "RUS", "GOV"),
        ("the Kremlin", "RUS", "GOV"),
        ("Beijing", "CHN", "GOV"),
        ("Tokyo", "JPN", "GOV"),
        ("Washington", "USA", "GOV"),
        ("White House", "USA", "GOV"),
        ("Pentagon", "USA", "MIL"),
        ("Kiev", "UKR", "GOV"),
        ("Kyiv", "UKR", "GOV"),
    ],
)
def test_capital_metonymy(kb: KnowledgeBase, text: str, code: str, sector: str) -> None:
    country = kb.country_by_capital(text)
    assert country is not None and country.code == code
    assert kb.capital_sector(text) == sector


@pytest.mark.parametrize(
    ("text", "date", "code"),
    [
        ("Belgrade", dt.date(1999, 4, 10), "YUG"),
        ("Belgrade", dt.date(2004, 5, 1), "SCG"),
        ("Belgrade", dt.date(2010, 5, 1), "SRB"),
        ("Moscow", dt.date(1985, 5, 1), "SUN"),
        ("Moscow", dt.date(1998, 5, 1), "RUS"),
        ("Prague", dt.date(1990, 1, 1), "CSK"),
        ("Belgrade", None, "SRB"),
    ],
)
def test_a_capital_stands_for_the_state_of_its_day(
    kb: KnowledgeBase, text: str, date: dt.date | None, code: str
) -> None:
    country = kb.country_by_capital(text, date)
    assert country is not None and country.code == code


def test_an_undated_text_takes_the_office_held_now(kb: KnowledgeBase) -> None:
    # Guterres was Portugal's prime minister before he led the UN; with no date he is the
    # Secretary-General, not a head of government because governments rank first.
    (guterres,) = kb.persons_by_name("Antonio Guterres")
    assert kb.person_code_at(guterres, None) == "IGOUNO"
    assert kb.person_code_at(guterres, dt.date(1999, 1, 1)) == "PRTGOV"


def test_lower_case_words_are_no_capitals(kb: KnowledgeBase) -> None:
    assert kb.country_by_capital("male") is None
    assert kb.capital_sector("Russia") is None


def test_country_codes_unique_and_un_members_complete() -> None:
    data = yaml.safe_load((DATA / "countries.yaml").read_text(encoding="utf-8"))
    codes = [entry["code"] for entry in data["countries"]]
    assert len(codes) == len(set(codes))
    members = [entry for entry in data["countries"] if entry.get("un_member")]
    assert len(members) == 193
    for entry in members:
        assert pycountry.countries.get(alpha_3=entry["code"]) is not None, entry["code"]
    assert {"TWN", "PSE", "KOS", "HKG", "VAT"} <= set(codes)
    assert {"AFR", "ASA", "EUR", "MEA", "WST"} <= set(codes)
    assert {"version", "source", "licence"} <= set(data)


# --- IGOs --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("NATO", "IGOWSTNAT"),
        ("North Atlantic Treaty Organization", "IGOWSTNAT"),
        ("UN Security Council", "IGOUNO"),
        ("the United Nations", "IGOUNO"),
        ("U.N.", "IGOUNO"),
        ("European Union", "IGOEUREEC"),
        ("IAEA", "IGOUNOIAE"),
        ("Amnesty International", "NGOHRIAMN"),
        ("Shanghai Cooperation Organisation", "IGOCASSCO"),
    ],
)
def test_igo_by_name(kb: KnowledgeBase, text: str, code: str) -> None:
    igo = kb.igo_by_name(text)
    assert igo is not None and igo.code == code


def test_security_council_is_a_un_organ(kb: KnowledgeBase) -> None:
    council = kb.igo_by_name("UN Security Council")
    assert council is not None and council.parent == "un"


def test_the_alliance_needs_nato_in_context(kb: KnowledgeBase) -> None:
    assert kb.igo_by_name("the alliance") is None
    assert kb.igo_by_name("the alliance", present={"IGOUNO"}) is None
    igo = kb.igo_by_name("the alliance", present={"nato"})
    assert igo is not None and igo.code == "IGOWSTNAT"
    assert kb.igo_by_name("the alliance", present={"IGOWSTNAT"}) is not None


# --- agents and sectors ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "sectors"),
    [
        ("defense minister", ("MIL",)),
        ("defence minister", ("MIL",)),
        ("deputy prime minister", ("GOV",)),
        ("prime minister", ("GOV",)),
        ("Strategic Rocket Forces", ("MIL",)),
        ("strategic rocket force", ("MIL",)),
        ("national defense academy", ("MIL", "EDU")),
        ("leadership", ("GOV",)),
        ("people", ("CVL",)),
        ("opposition leader", ("OPP",)),
        ("ministers", ("GOV",)),
        ("first deputy defense minister", ("MIL",)),
    ],
)
def test_agent_sectors(kb: KnowledgeBase, phrase: str, sectors: tuple[str, ...]) -> None:
    assert kb.agent_sectors(phrase) == sectors


def test_unknown_phrase_has_no_sectors(kb: KnowledgeBase) -> None:
    assert kb.agent_sectors("weather") is None


def test_match_agents_takes_longest_matches(kb: KnowledgeBase) -> None:
    words = "the russian deputy prime minister met the vice - president".split()
    assert kb.match_agents(words) == [(2, 5, ("GOV",)), (7, 10, ("GOV",))]


def test_required_sectors_are_described(kb: KnowledgeBase) -> None:
    required = "GOV MIL LEG JUD COP SPY OPP REB PTY BUS MED CVL REF EDU REL LAB ELI HLH NGO IGO"
    for code in (required + " INS UAF CRM AGR ENV SEP").split():
        info = kb.sector(code)
        assert info.code == code and info.name and info.description


def test_unknown_sector_raises(kb: KnowledgeBase) -> None:
    with pytest.raises(LexiconError, match="XYZ"):
        kb.sector("XYZ")


# --- persons and time-valid roles ---------------------------------------------------------


def test_persons_by_name_is_tolerant(kb_fixture: KnowledgeBase) -> None:
    for text in ("Pavel Andreev", "pavel andreev", "Andreev", "Pavel Andreyev", "ANDREYEV"):
        assert [p.id for p in kb_fixture.persons_by_name(text)] == ["andreev-pavel"], text
    assert kb_fixture.persons_by_name("Sergei Ivanovich Nobody") == []


def test_person_codes_over_time(kb_fixture: KnowledgeBase) -> None:
    (rex,) = kb_fixture.persons_by_name("Rex")
    assert kb_fixture.person_code_at(rex, dt.date(1990, 1, 1)) == "RURGOV"  # start inclusive
    assert kb_fixture.person_code_at(rex, dt.date(1995, 1, 1)) == "RURGOV"  # end inclusive
    assert kb_fixture.person_code_at(rex, dt.date(1995, 1, 2)) == "RURREB"
    assert kb_fixture.person_code_at(rex, dt.date(2001, 3, 1)) == "RURGOV"
    assert kb_fixture.person_code_at(rex, dt.date(2010, 1, 1)) == "RURREB"
    role = kb_fixture.role_at(rex, None)
    assert role is not None and role.title == "Prime Minister"


def test_default_out_of_office_is_country_elite(kb_fixture: KnowledgeBase) -> None:
    (andreev,) = kb_fixture.persons_by_name("Andreev")
    assert kb_fixture.person_code_at(andreev, dt.date(1998, 10, 1)) == "RUSMIL"
    assert kb_fixture.person_code_at(andreev, dt.date(1985, 1, 1)) == "RUSELI"
    assert kb_fixture.person_code_at(andreev, dt.date(2005, 1, 1)) == "RUSELI"


def test_shipped_persons_file_loads(kb: KnowledgeBase) -> None:
    if not (DATA / "persons.yaml").is_file():
        pytest.skip("persons.yaml not written yet")
    assert kb.persons
    assert all(p.roles or p.out_of_office or p.country for p in kb.persons)


def test_undated_untitled_role_of_an_organisation(kb_fixture: KnowledgeBase) -> None:
    (post,) = kb_fixture.persons_by_name("Ruritanian Post Office")
    assert post.kind == "organisation"
    assert post.roles == (Role(code="RURBUS"),)
    assert kb_fixture.person_code_at(post, dt.date(1066, 10, 14)) == "RURBUS"


def test_overlapping_roles_prefer_the_later_start() -> None:
    person = Person(
        id="p",
        name="P",
        country="RUS",
        roles=(
            Role(code="RUSGOV", title="Prime Minister", start=dt.date(1999, 8, 16)),
            Role(code="RUSGOV", title="Acting President", start=dt.date(1999, 12, 31)),
        ),
    )
    role = KnowledgeBase.role_at(person, dt.date(2000, 1, 15))
    assert role is not None and role.title == "Acting President"


# --- user files ---------------------------------------------------------------------------


def test_override_file_changes_adds_and_removes_entries(kb_fixture: KnowledgeBase) -> None:
    georgia = kb_fixture.country_by_adjective("Kartvelian")
    assert georgia is not None and georgia.code == "GEO"
    assert kb_fixture.country_by_name("Sakartvelo") is georgia
    russia = kb_fixture.country_by_name("Rossiya")
    assert russia is not None and russia.code == "RUS"
    assert kb_fixture.country_by_name("Russian Federation") is russia  # extend kept the rest
    assert kb_fixture.country_by_name("Taiwan") is None
    assert kb_fixture.capital_sector("Zenda Castle") == "MIL"
    assert kb_fixture.agent_sectors("spokesman") == ("MED",)
    assert kb_fixture.agent_sectors("court jester") == ("ELI",)
    nato = kb_fixture.igo_by_name("NATO")
    assert nato is not None and kb_fixture.igo_by_name("North Atlantic Treaty Organization") is None


def test_builtin_base_is_untouched_by_user_files(kb: KnowledgeBase) -> None:
    load_knowledge_base(extra_paths=[FIXTURES / "kb_override.yaml"])
    assert kb.country_by_name("Taiwan") is not None
    assert kb.agent_sectors("spokesman") == ("GOV",)


def test_malformed_file_names_file_and_entry() -> None:
    with pytest.raises(LexiconError, match=r"kb_malformed\.yaml entry 0 \(no-code\).*code"):
        load_knowledge_base(extra_paths=[FIXTURES / "kb_malformed.yaml"])


def test_conflicting_name_names_file(tmp_path: Path) -> None:
    path = tmp_path / "clash.yaml"
    path.write_text("countries:\n  - {code: RUR, name: Ruritania, adjectives: [Russian]}\n")
    with pytest.raises(LexiconError, match=r"clash\.yaml.*'Russian' already names"):
        load_knowledge_base(extra_paths=[path])


def test_bad_yaml_and_missing_file_raise(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("countries: [\n")
    with pytest.raises(LexiconError, match="bad.yaml"):
        load_knowledge_base(extra_paths=[bad])
    with pytest.raises(LexiconError, match="missing.yaml"):
        load_knowledge_base(extra_paths=[tmp_path / "missing.yaml"])


def test_loads_without_persons_file(monkeypatch: pytest.MonkeyPatch) -> None:
    from polybius.actors import kb as kb_module

    files = [f for f in kb_module._builtin_files() if f[0] not in ("persons.yaml", "groups.yaml")]
    base = kb_module._build(files)
    assert base.persons == ()
    assert base.country_by_adjective("Russian") is not None


def test_of_offices_held_at_once_the_titled_one_else_the_government_one(kb: KnowledgeBase) -> None:
    # Hu Jintao was President (from 2003) and chaired the military commission (from 2004).
    (hu,) = kb.persons_by_name("Hu Jintao")
    date = dt.date(2010, 1, 1)
    assert kb.person_code_at(hu, date) == "CHNGOV"
    assert kb.person_code_at(hu, date, ["chairman", "of", "the", "military"]) == "CHNMIL"
    assert kb.person_code_at(hu, date, ["chinese", "president"]) == "CHNGOV"


def test_the_shipped_country_table_is_what_its_tool_makes() -> None:
    # countries.yaml is generated: a name added by hand there is lost at the next run.
    import importlib.util
    from pathlib import Path

    tool = Path(__file__).parents[2] / "tools" / "make_countries.py"
    spec = importlib.util.spec_from_file_location("make_countries", tool)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = module.OUT.read_text(encoding="utf-8")
    assert shipped == module.render(), "edit tools/countries_seed.txt and run the tool"
