"""Tests for the TABARI/PETRARCH dictionary importer, on hand-written Ruritania fixtures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from polybius.actors.dictionaries import (
    ImportedActor,
    actor_record,
    agent_record,
    display_name,
    import_dictionary,
    parse_tabari_actors,
    parse_tabari_agents,
    parse_tabari_date,
    read_tabari_actors,
    read_tabari_agents,
    write_actors_yaml,
    write_agents_yaml,
)
from polybius.errors import ConfigError, IngestError

FIXTURES = Path(__file__).parent / "fixtures"
ACTORS = FIXTURES / "tabari_ruritania.actors.txt"
QUIRKS = FIXTURES / "tabari_quirks.actors.txt"
AGENTS = FIXTURES / "tabari_ruritania.agents.txt"


def _by_first_phrase(actors: list[ImportedActor]) -> dict[str, ImportedActor]:
    return {a.phrases[0]: a for a in actors}


def _roles(actor: ImportedActor) -> list[tuple[str, dt.date | None, dt.date | None]]:
    return [(c.code, c.start, c.end) for c in actor.codes]


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("991231", dt.date(1999, 12, 31)),
        ("000101", dt.date(2000, 1, 1)),
        ("300615", dt.date(2030, 6, 15)),  # 00-30 -> 20YY
        ("310615", dt.date(1931, 6, 15)),  # 31-99 -> 19YY
        ("19641014", dt.date(1964, 10, 14)),
        ("20120229", dt.date(2012, 2, 29)),
    ],
)
def test_parse_tabari_date_century_rule_and_long_form(text: str, expected: dt.date) -> None:
    assert parse_tabari_date(text) == expected


@pytest.mark.parametrize("text", ["20100931", "20100229", "9913", "99123", "abcdef", "991301"])
def test_parse_tabari_date_rejects_impossible_dates(text: str) -> None:
    with pytest.raises(ValueError):
        parse_tabari_date(text)


# ---------------------------------------------------------------- actors


def test_entries_comments_notes_and_stop() -> None:
    result = parse_tabari_actors(ACTORS)
    names = [a.phrases[0] for a in result.actors]
    assert names == [
        "RURITANIA_",
        "RUDOLF_ELPHBERG_",
        "MICHAEL_ELPHBERG_",
        "RUPERT_HENTZAU_",
        "FLAVIA_ELPHBERG_",
        "ZENDA_CASTLE_GARRISON",
        "CASTLE_ZENDA_GUARD",
        "JEAN_DUPONT_",
    ]  # nothing from the <!-- --> block, nothing after ---STOP---
    assert result.warnings == ()


def test_synonyms_and_trailing_comments() -> None:
    actor = _by_first_phrase(read_tabari_actors(ACTORS))["RURITANIA_"]
    assert actor.phrases == ("RURITANIA_", "RURITANIAN_", "STRELSAU_")
    assert actor.name == "Ruritania"
    assert actor.aliases == ("Ruritanian", "Strelsau")
    assert _roles(actor) == [("RUR", None, None)]


def test_range_after_and_default_codes_on_indented_lines() -> None:
    actor = _by_first_phrase(read_tabari_actors(ACTORS))["RUDOLF_ELPHBERG_"]
    assert _roles(actor) == [
        ("RURGOV", dt.date(1987, 1, 1), dt.date(1999, 12, 31)),
        ("RURELI", dt.date(2000, 1, 1), None),
        ("RURELI", None, None),
    ]
    assert actor.default_code == "RURELI"
    assert actor.aliases == ("King Rudolf", "Rudolf V")


def test_before_restriction_long_dates_and_codeless_names_merge() -> None:
    actor = _by_first_phrase(read_tabari_actors(ACTORS))["MICHAEL_ELPHBERG_"]
    # a second code-less primary phrase shares the codes that follow, as in PETRARCH
    assert actor.phrases == ("MICHAEL_ELPHBERG_", "DUKE_MICHAEL_")
    assert _roles(actor) == [
        ("RURMIL", None, dt.date(1998, 12, 31)),
        ("RURREB", dt.date(1999, 1, 1), dt.date(2005, 6, 30)),
    ]
    assert actor.default_code is None


def test_several_codes_on_one_line_slash_codes_and_case() -> None:
    actors = _by_first_phrase(read_tabari_actors(ACTORS))
    assert _roles(actors["RUPERT_HENTZAU_"]) == [
        ("RURREB", dt.date(1995, 6, 1), None),
        ("RURCRM", None, None),
    ]
    assert _roles(actors["FLAVIA_ELPHBERG_"]) == [("RURGOV", None, None), ("RURELI", None, None)]
    assert actors["FLAVIA_ELPHBERG_"].name == "Flavia Elphberg"  # <note> dropped
    assert _roles(actors["ZENDA_CASTLE_GARRISON"]) == [("RURMIL", None, None)]
    assert _roles(actors["JEAN_DUPONT_"]) == [
        ("FRAGOV", dt.date(2010, 1, 1), dt.date(2012, 12, 31)),
        ("FRAELI", None, None),
    ]


def test_kind_and_country_guesses() -> None:
    actors = _by_first_phrase(read_tabari_actors(ACTORS))
    assert actors["RUDOLF_ELPHBERG_"].kind == "person"
    assert actors["ZENDA_CASTLE_GARRISON"].kind == "organisation"
    assert actors["FLAVIA_ELPHBERG_"].kind == "organisation"  # no dated role
    assert actors["JEAN_DUPONT_"].country == "FRA"
    assert actors["RUDOLF_ELPHBERG_"].country is None  # RUR is no country code


def test_quirky_lines_are_warned_with_line_numbers_and_never_raise() -> None:
    result = parse_tabari_actors(QUIRKS)
    kept = _by_first_phrase(list(result.actors))
    assert sorted(kept) == ["BAD_DATE_MAN", "BARE_DATE", "GOOD_AFTER_ALL", "SEVEN_DIGIT"]
    assert _roles(kept["BAD_DATE_MAN"]) == [("RURELI", None, None)]  # bad range dropped
    # PETRARCH reads 7 digits as YYMMDD and junk; a bare date as "from"
    assert _roles(kept["SEVEN_DIGIT"]) == [("RURGOV", dt.date(1999, 1, 1), dt.date(1999, 12, 31))]
    assert _roles(kept["BARE_DATE"]) == [("RURGOV", dt.date(2001, 1, 1), None)]
    skipped = {w.line for w in result.warnings if w.skipped}
    assert skipped == {2, 3, 5, 7, 9, 10, 13, 14, 15}
    assert {w.line for w in result.warnings if not w.skipped} == {11, 12}
    assert result.warned_lines == 11
    assert [w.line for w in result.warnings] == sorted(w.line for w in result.warnings)
    assert str(result.warnings[0]).startswith("tabari_quirks.actors.txt:2: ")


def test_warnings_are_logged(caplog: pytest.LogCaptureFixture) -> None:
    parse_tabari_actors(QUIRKS)
    assert "tabari_quirks.actors.txt:14: bad code '+++'" in caplog.text


def test_missing_file_raises_ingest_error(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file"):
        read_tabari_actors(tmp_path / "absent.actors.txt")


def test_latin1_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "latin.actors.txt"
    path.write_bytes("JOSÉ_MARTÍNEZ_ [RURGOV >20010101]\n".encode("latin-1"))
    (actor,) = read_tabari_actors(path)
    assert actor.name == "José Martínez"


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("VLADIMIR_PUTIN_", "Vladimir Putin"),
        ("ISLAMIC_REPUBLIC_OF_AFGHANISTAN", "Islamic Republic of Afghanistan"),
        ("U.N._SECRETARY_GENERAL", "U.N. Secretary General"),
        ("UN_", "UN"),
        ("BBC_WORLD", "BBC World"),
        ("AL-QAEDA", "Al-Qaeda"),
    ],
)
def test_display_name(phrase: str, name: str) -> None:
    assert display_name(phrase) == name


# ---------------------------------------------------------------- agents


def test_agents_plurals_prefix_suffix_and_substitution_sets() -> None:
    agents = {a.phrases[0]: a for a in read_tabari_agents(AGENTS)}
    assert agents["defense minister"].plurals == ("defense ministers",)
    assert agents["defense minister"].sectors == ("MIL",)
    assert agents["defence minister"].plurals == ("defence ministers",)  # given in {...}
    assert agents["police"].plurals == ()  # {} means no plural
    assert agents["police"].code == "COP"  # "[ ~COP]" spaces ignored
    assert agents["attorney general"].plurals == ("attorneys general",)
    assert agents["attorney general"].sectors == ("GOV", "JUD")
    assert agents["security agency"].plurals == ("security agencies",)
    assert agents["harbour boss"].plurals == ("harbour bosses",)
    assert agents["congressman"].phrases == (
        "congressman",
        "congressmen",
        "congresswoman",
        "congresswomen",
    )
    assert agents["congressman"].plurals == ()
    assert agents["minister of harbours"].phrases == (
        "minister of harbours",
        "ministry of harbours",
    )
    assert agents["humanitarian body"].prefix is True
    assert agents["humanitarian body"].code == "NGO"
    assert agents["defense minister"].prefix is False
    assert "commented out" not in agents


def test_agent_quirks_are_warned() -> None:
    result = parse_tabari_agents(AGENTS)
    agents = {a.phrases[0]: a for a in result.agents}
    assert agents["mistyped bracket"].code == "ENV"  # "[~ENV}" repaired
    assert agents["plain code"].code == "GOV"  # no '~' read as a sector
    assert {w.line for w in result.warnings if w.skipped} == {15, 17, 19}
    assert {w.line for w in result.warnings if not w.skipped} == {16, 18}
    assert len(result.agents) == 11


# ---------------------------------------------------------------- YAML


def test_actor_record_matches_the_persons_format() -> None:
    actor = _by_first_phrase(read_tabari_actors(ACTORS))["RUDOLF_ELPHBERG_"]
    assert actor_record(actor) == {
        "id": "elphberg-rudolf",
        "kind": "person",
        "name": "Rudolf Elphberg",
        "aliases": ["King Rudolf", "Rudolf V"],
        "country": None,
        "roles": [
            {
                "title": "",
                "code": "RURGOV",
                "start": dt.date(1987, 1, 1),
                "end": dt.date(1999, 12, 31),  # the last day held, as TABARI gives it
            },
            {"title": "", "code": "RURELI", "start": dt.date(2000, 1, 1), "end": None},
            {"title": "", "code": "RURELI", "start": None, "end": None},
        ],
        "out_of_office": "RURELI",
        "sources": ["tabari_ruritania.actors.txt line 12"],
    }


def test_before_restriction_end_is_written_as_the_last_day_held() -> None:
    actor = _by_first_phrase(read_tabari_actors(ACTORS))["MICHAEL_ELPHBERG_"]
    record = actor_record(actor)
    assert record is not None
    assert [(r["start"], r["end"]) for r in record["roles"]] == [
        (None, dt.date(1998, 12, 31)),
        (dt.date(1999, 1, 1), dt.date(2005, 6, 30)),
    ]
    assert "out_of_office" not in record  # no undated code


def test_actors_yaml_round_trip(tmp_path: Path) -> None:
    actors = read_tabari_actors(ACTORS)
    out = tmp_path / "persons.yaml"
    written = write_actors_yaml(actors, out)
    loaded = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert loaded["version"] == 1
    assert "tabari_ruritania.actors.txt" in loaded["source"]
    expected = [r for r in (actor_record(a) for a in actors) if r is not None]
    assert loaded["persons"] == expected
    assert written == len(actors) - 1  # CASTLE_ZENDA_GUARD is coded only ---
    assert "castle-zenda-guard" not in {p["id"] for p in loaded["persons"]}
    assert out.read_text(encoding="utf-8").startswith("# Imported TABARI/PETRARCH actor")


def test_actor_ids_are_unique(tmp_path: Path) -> None:
    path = tmp_path / "twins.actors.txt"
    path.write_text("ANNA_STRELL_ [RURGOV]\n\nANNA_STRELL [RURELI]\n", encoding="utf-8")
    out = tmp_path / "persons.yaml"
    write_actors_yaml(read_tabari_actors(path), out)
    ids = [p["id"] for p in yaml.safe_load(out.read_text(encoding="utf-8"))["persons"]]
    assert ids == ["anna-strell", "anna-strell-2"]


def test_agents_yaml_round_trip(tmp_path: Path) -> None:
    agents = read_tabari_agents(AGENTS)
    out = tmp_path / "agents.yaml"
    assert write_agents_yaml(agents, out) == len(agents)
    loaded = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert loaded["version"] == 1
    assert loaded["agents"] == [agent_record(a) for a in agents]
    first = loaded["agents"][0]
    assert first["phrases"] == ["defense minister", "defense ministers"]
    assert first["sector"] == "MIL"
    by_phrase = {a["phrases"][0]: a for a in loaded["agents"]}
    assert by_phrase["attorney general"]["sectors"] == ["GOV", "JUD"]
    assert "sector" not in by_phrase["attorney general"]
    assert by_phrase["humanitarian body"]["prefix"] is True
    assert "prefix" not in by_phrase["police"]


def test_import_dictionary_both_kinds(tmp_path: Path) -> None:
    summary = import_dictionary(ACTORS, kind="actors", out=tmp_path / "a.yaml")
    assert (summary.kind, summary.entries, summary.written) == ("actors", 8, 7)
    assert summary.warnings == ()
    assert len(yaml.safe_load((tmp_path / "a.yaml").read_text(encoding="utf-8"))["persons"]) == 7
    summary = import_dictionary(AGENTS, kind="agents", out=tmp_path / "g.yaml")
    assert (summary.entries, summary.written, len(summary.warnings)) == (11, 11, 5)


def test_import_dictionary_rejects_unknown_kind(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="verbs"):
        import_dictionary(ACTORS, kind="verbs", out=tmp_path / "x.yaml")
    assert not (tmp_path / "x.yaml").exists()


def test_agent_phrases_repeated_by_later_lines_are_written_once(tmp_path: Path) -> None:
    path = tmp_path / "dup.agents.txt"
    path.write_text("HARBOUR_GUARD [~MIL]\nHARBOUR_GUARDS {} [~COP]\n", encoding="utf-8")
    out = tmp_path / "agents.yaml"
    assert write_agents_yaml(read_tabari_agents(path), out) == 1
    loaded = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert loaded["agents"] == [
        {
            "phrases": ["harbour guard", "harbour guards"],
            "sector": "MIL",
            "sources": ["dup.agents.txt line 1"],
        }
    ]


def test_unknown_sectors_get_stub_entries(tmp_path: Path) -> None:
    out = tmp_path / "agents.yaml"
    write_agents_yaml(read_tabari_agents(AGENTS), out, known_sectors={"MIL", "GOV", "COP"})
    codes = [s["code"] for s in yaml.safe_load(out.read_text(encoding="utf-8"))["sectors"]]
    assert codes == ["JUD", "SPY", "BUS", "LEG", "NGO", "ENV"]


def test_imported_files_load_into_the_knowledge_base(tmp_path: Path) -> None:
    from polybius.actors.kb import load_knowledge_base

    import_dictionary(ACTORS, kind="actors", out=tmp_path / "a.yaml")
    import_dictionary(AGENTS, kind="agents", out=tmp_path / "g.yaml")
    kb = load_knowledge_base(extra_paths=(tmp_path / "a.yaml", tmp_path / "g.yaml"))
    (rudolf,) = kb.persons_by_name("King Rudolf")
    assert kb.person_code_at(rudolf, dt.date(1999, 12, 31)) == "RURGOV"  # last day held
    assert kb.person_code_at(rudolf, dt.date(2000, 1, 1)) == "RURELI"
    assert kb.agent_sectors("attorneys general") == ("GOV", "JUD")
    assert kb.agent_sectors("congresswoman") == ("LEG",)
