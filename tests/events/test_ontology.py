"""The shipped CAMEO / PLOVER / crosswalk files, and the validation that guards them."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from polybius.errors import LexiconError, PolybiusError
from polybius.events.ontology import (
    CameoCode,
    PloverMapping,
    UnknownCodeError,
    load_ontology,
    read_ontology,
)

ONT = load_ontology()
ALL_CODES = sorted(ONT.codes)

PLOVER_TYPES = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 4,
    "SANCTION": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}


# ---- the shipped codebook ----------------------------------------------------------------


def test_every_root_01_to_20_is_present_with_its_x0_code() -> None:
    for number in range(1, 21):
        root = f"{number:02d}"
        assert ONT.cameo(root).parent == ""
        assert ONT.cameo(root + "0").parent == root


def test_codebook_size_and_variants() -> None:
    variants = {c.code for c in ONT if c.variant}
    assert variants == {"176", "1213", "1214"}
    assert all(ONT.cameo(code).variant == "cameo2" for code in variants)
    # 20 roots plus the 1.1b3 three- and four-digit codes
    assert sum(1 for c in ONT if c.level == 1) == 20
    assert len(ONT) - len(variants) == 313


def test_every_code_has_an_existing_parent_except_roots() -> None:
    for entry in ONT:
        if entry.level == 1:
            assert entry.parent == ""
        else:
            assert entry.parent in ONT.codes
            assert entry.code.startswith(entry.parent)
            assert ONT.cameo(entry.parent).level == entry.level - 1


def test_weights_in_range_and_quad_class_follows_the_root() -> None:
    quad = {**dict.fromkeys(range(1, 6), 1), **dict.fromkeys(range(6, 9), 2)}
    quad |= {**dict.fromkeys(range(9, 15), 3), **dict.fromkeys(range(15, 21), 4)}
    for entry in ONT:
        assert -10.0 <= entry.goldstein <= 10.0
        assert entry.quad_class == quad[int(entry.root)]
        assert entry.name and entry.description


@pytest.mark.parametrize(
    ("code", "name", "weight"),
    [
        ("010", "Make statement, not specified below", 0.0),
        ("042", "Make a visit", 1.9),
        ("043", "Host a visit", 2.8),
        ("046", "Engage in negotiation", 7.0),
        ("057", "Sign formal agreement", 8.0),
        ("072", "Provide military aid", 8.3),
        ("074", "Provide military protection or peacekeeping", 8.5),
        ("0874", "Retreat or surrender militarily", 10.0),
        ("138", "Threaten to use military force, not specified below", -7.0),
        ("163", "Impose embargo, boycott, or sanctions", -8.0),
        ("173", "Arrest, detain, or charge with legal action", -5.0),
        ("190", "Use conventional military force, not specified below", -10.0),
    ],
)
def test_known_codes_and_weights(code: str, name: str, weight: float) -> None:
    entry = ONT.cameo(code)
    assert entry.name == name
    assert ONT.goldstein(code) == weight


def test_lookups() -> None:
    assert ONT.quad_class("057") == 1
    assert ONT.quad_class("062") == 2
    assert ONT.quad_class("1123") == 3
    assert ONT.quad_class("1951") == 4
    assert ONT.root("1951") == "19"
    assert [c.code for c in ONT.children("04")] == ["040", "041", "042", "043", "044", "045", "046"]
    assert [c.code for c in ONT.children("121")] == ["1211", "1212", "1213", "1214"]
    assert ONT.children("042") == ()
    assert [c.code for c in ONT.lineage("0211")] == ["0211", "021", "02"]
    codes = [c.code for c in ONT]
    assert codes == sorted(codes) and codes.index("02") < codes.index("020") < codes.index("0211")
    assert ONT.is_cameo("042") and "042" in ONT
    assert isinstance(ONT.cameo("042"), CameoCode)


@pytest.mark.parametrize("bad", ["999", "0420", "42", "", "21", "000"])
def test_unknown_code_raises_a_clear_error(bad: str) -> None:
    assert not ONT.is_cameo(bad)
    with pytest.raises(UnknownCodeError, match=repr(bad)) as info:
        ONT.cameo(bad)
    assert isinstance(info.value, PolybiusError) and isinstance(info.value, LookupError)
    with pytest.raises(UnknownCodeError):
        ONT.goldstein(bad)
    with pytest.raises(UnknownCodeError):
        ONT.plover(bad)


def test_integer_code_is_not_a_code() -> None:
    assert not ONT.is_cameo(42)
    with pytest.raises(UnknownCodeError):
        ONT.cameo(42)  # type: ignore[arg-type]


@given(st.sampled_from(ALL_CODES))
def test_root_and_parent_are_prefixes(code: str) -> None:
    entry = ONT.cameo(code)
    assert code.startswith(ONT.root(code))
    assert code.startswith(entry.parent)
    assert ONT.lineage(code)[-1].code == ONT.root(code)
    assert ONT.quad_class(code) == ONT.quad_class(ONT.root(code))


# ---- PLOVER and the crosswalk ------------------------------------------------------------


def test_plover_types_and_quad_classes() -> None:
    assert {name: t.quad_class for name, t in ONT.types.items()} == PLOVER_TYPES
    for plover_type in ONT.types.values():
        assert plover_type.definition
        assert len(set(plover_type.modes)) == len(plover_type.modes)
        for mode in plover_type.modes:
            assert plover_type.mode_definition(mode)
    assert ONT.types["CONSULT"].modes == ("visit", "third-party", "multilateral", "phone")
    assert "crowd-control" in ONT.types["ASSAULT"].modes
    assert ONT.types["ASSAULT"].mode_definition("no-such-mode") == ""


@given(st.sampled_from(ALL_CODES))
def test_crosswalk_is_total_and_consistent(code: str) -> None:
    mapping = ONT.plover(code)
    assert isinstance(mapping, PloverMapping)
    plover_type = ONT.types[mapping.type]
    assert mapping.mode == "" or mapping.mode in plover_type.modes
    assert mapping.context == "" or mapping.context in ONT.contexts


def test_crosswalk_covers_exactly_the_codebook() -> None:
    assert set(ONT.crosswalk) == set(ONT.codes)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("042", PloverMapping("CONSULT", "visit")),
        ("043", PloverMapping("CONSULT", "visit")),
        ("041", PloverMapping("CONSULT", "phone")),
        ("057", PloverMapping("SUPPORT", "", "treaty")),
        ("0841", PloverMapping("RETREAT", "release", "legal")),
        ("0831", PloverMapping("RETREAT", "resign", "executive")),
        ("091", PloverMapping("ACCUSE", "investigate", "corruption")),
        ("116", PloverMapping("SANCTION", "convict", "legal")),
        ("1384", PloverMapping("THREATEN", "violence", "military")),
        ("163", PloverMapping("SANCTION", "discontinue", "economic")),
        ("1952", PloverMapping("ASSAULT", "drone", "military")),
        ("176", PloverMapping("COERCE", "cyber", "cyber")),
    ],
)
def test_crosswalk_spot_checks(code: str, expected: PloverMapping) -> None:
    assert ONT.plover(code) == expected


def test_statements_are_flagged_approximate_and_nothing_else_is() -> None:
    approximate = {code for code, m in ONT.crosswalk.items() if m.approximate}
    assert approximate <= {c for c in ONT.codes if c.startswith("01")}
    assert "010" in approximate and "057" not in approximate


def test_each_root_maps_like_its_unspecified_code() -> None:
    for number in range(1, 21):
        root = f"{number:02d}"
        assert ONT.plover(root) == ONT.plover(root + "0")


@pytest.mark.parametrize(
    ("name", "mode", "expected"),
    [
        ("DEMAND", "", ("REQUEST", "")),
        ("DISAPPROVE", "", ("ACCUSE", "disapprove")),
        ("INVESTIGATE", "", ("ACCUSE", "investigate")),
        ("FIGHT", "heavy-weapons", ("ASSAULT", "heavy-weapons")),
        ("fight", "", ("ASSAULT", "")),
        ("PROTEST", "strike-hun", ("PROTEST", "hunger")),
        ("CONSULT", "host", ("CONSULT", "visit")),
        ("assault", "drone", ("ASSAULT", "drone")),
    ],
)
def test_old_plover_names_resolve(name: str, mode: str, expected: tuple[str, str]) -> None:
    plover_type, resolved = ONT.resolve_plover(name, mode)
    assert (plover_type.name, resolved) == expected
    assert ONT.plover_type(name).name == expected[0]


def test_unknown_plover_type() -> None:
    with pytest.raises(UnknownCodeError, match="'ATTACK'.*ASSAULT"):
        ONT.plover_type("ATTACK")


def test_context_aliases() -> None:
    assert ONT.normalise_context("Refugee") == "refugees"
    assert ONT.normalise_context("military") == "military"


def test_loader_is_cached() -> None:
    assert load_ontology() is ONT
    assert set(ONT.versions) == {"cameo", "plover", "cameo_plover"}


# ---- validation on small fixture files ---------------------------------------------------

VISIT = (
    '{code: "042", name: Make a visit, description: d, goldstein: 1.9, quad_class: 1, parent: "04"}'
)
HEADER = 'version: "t1"\nsource: hand-written test fixture\nlicence: MIT\n'

CAMEO = (
    HEADER
    + """codes:
  - {code: "04", name: CONSULT, description: d, goldstein: 1.0, quad_class: 1, parent: ""}
  - {code: "040", name: Consult, description: d, goldstein: 1.0, quad_class: 1, parent: "04"}
  - VISIT
""".replace("VISIT", VISIT)
)
PLOVER = (
    HEADER
    + """types:
  - name: CONSULT
    quad_class: 1
    definition: Meetings.
    modes: {visit: One side visits the other.}
contexts: [diplomatic]
aliases: {MEET: {type: CONSULT}}
"""
)
CROSSWALK = (
    HEADER
    + """map:
  "04": {type: CONSULT}
  "040": {type: CONSULT, context: diplomatic}
  "042": {type: CONSULT, mode: visit}
"""
)


def _write(
    tmp_path: Path, cameo: str = CAMEO, plover: str = PLOVER, cross: str = CROSSWALK
) -> dict[str, Path]:
    paths = {"cameo": tmp_path / "cameo.yaml", "plover": tmp_path / "plover.yaml"}
    paths["crosswalk"] = tmp_path / "cameo_plover.yaml"
    for key, text in (("cameo", cameo), ("plover", plover), ("crosswalk", cross)):
        paths[key].write_text(text, encoding="utf-8")
    return paths


def test_fixture_files_load(tmp_path: Path) -> None:
    ont = read_ontology(**_write(tmp_path))
    assert len(ont) == 3
    assert ont.goldstein("042") == 1.9
    assert ont.plover("042") == PloverMapping("CONSULT", "visit")
    assert ont.plover_type("meet").name == "CONSULT"


CORRUPTIONS = [
    # (file, text to replace, replacement, what the message must say)
    (
        "cameo",
        "goldstein: 1.9",
        "goldstein: 12.5",
        r"cameo\.yaml entry 042: `goldstein` 12.5 is outside",
    ),
    ("cameo", "goldstein: 1.9", "goldstein: high", r"entry 042: `goldstein` must be a number"),
    (
        "cameo",
        "1.9, quad_class: 1",
        "1.9, quad_class: 3",
        r"entry 042: `quad_class` 3 contradicts root 04",
    ),
    (
        "cameo",
        "1.9, quad_class: 1",
        "1.9, quad_class: 5",
        r"entry 042: `quad_class` must be 1, 2, 3 or 4",
    ),
    ("cameo", 'code: "042"', "code: 042", r"entry #3: `code` must be a quoted string"),
    ("cameo", 'code: "042"', 'code: "42"', r"entry 42: `code` must be 2-4 digits"),
    (
        "cameo",
        '1.9, quad_class: 1, parent: "04"',
        '1.9, quad_class: 1, parent: "040"',
        r"entry 042: `parent` is '040' but should be '04'",
    ),
    (
        "cameo",
        '"04", name: CONSULT',
        '"05", name: CONSULT',
        r"entry 040: parent '04' is not in the codebook",
    ),
    ("cameo", "codes:\n", "codes:\n  - " + VISIT + "\n", r"entry 042: appears twice"),
    ("cameo", "name: Make a visit, ", "", r"entry 042: `name` must be a non-empty string"),
    ("cameo", "codes:", "cods:", r"cameo\.yaml: has no `codes:` list"),
    ("cameo", 'version: "t1"\n', "", r"cameo\.yaml: has no `version:` header"),
    ("cameo", "codes:\n", "codes:\n  - [\n", r"cameo\.yaml: not valid YAML"),
    (
        "crosswalk",
        '  "042": {type: CONSULT, mode: visit}\n',
        "",
        r"entry 042: CAMEO codes without a PLOVER",
    ),
    ("crosswalk", "mode: visit", "mode: phone", r"entry 042: CONSULT has no mode 'phone'"),
    (
        "crosswalk",
        '"042": {type: CONSULT',
        '"042": {type: FIGHT',
        r"entry 042: `type` 'FIGHT' is not a PLOVER",
    ),
    (
        "crosswalk",
        "context: diplomatic",
        "context: sport",
        r"entry 040: context 'sport' is not a listed",
    ),
    (
        "crosswalk",
        "map:\n",
        'map:\n  "099": {type: CONSULT}\n',
        r"entry 099: is not a code in the CAMEO",
    ),
    (
        "plover",
        "quad_class: 1",
        "quad_class: 7",
        r"plover\.yaml entry CONSULT: `quad_class` must be",
    ),
    (
        "plover",
        "{type: CONSULT}",
        "{type: GATHER}",
        r"entry aliases\.MEET: names unknown type 'GATHER'",
    ),
]


@pytest.mark.parametrize(("target", "old", "new", "expected"), CORRUPTIONS)
def test_corrupted_fixture_raises_lexicon_error(
    tmp_path: Path, target: str, old: str, new: str, expected: str
) -> None:
    texts = {"cameo": CAMEO, "plover": PLOVER, "cross": CROSSWALK}
    key = "cross" if target == "crosswalk" else target
    assert old in texts[key]
    texts[key] = texts[key].replace(old, new, 1)
    paths = _write(tmp_path, texts["cameo"], texts["plover"], texts["cross"])
    with pytest.raises(LexiconError, match=expected):
        read_ontology(**paths)


def test_missing_file_raises_lexicon_error(tmp_path: Path) -> None:
    paths = _write(tmp_path)
    paths["plover"] = tmp_path / "absent.yaml"
    with pytest.raises(LexiconError, match=r"absent\.yaml: cannot read"):
        read_ontology(**paths)
