"""The shipped event lexicon (data/lexicon/events.yaml): valid, complete, and coding as meant."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from importlib import resources
from typing import Any

import pytest
import yaml

from polybius.events.lexicon import Lexicon, LexiconEntry, load_lexicon

_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")
_TARGET = re.compile(r"^(dobj|iobj|dative|ccomp-subject|place|prep:[a-z]+)$")
# Codes whose events both sides do: the entry must say so, or half the events are lost.
_RECIPROCAL_CODES = {"019", "040", "041", "046", "057"}


def _raw() -> dict[str, Any]:
    text = resources.files("polybius.data").joinpath("lexicon/events.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _fit(
    lexicon: Lexicon,
    lemma: str,
    pos: str = "verb",
    *,
    objects: Iterable[str] = (),
    preps: Iterable[str] = (),
) -> LexiconEntry | None:
    """The entry the documented rules pick for a trigger with these objects and prepositions."""
    found, given = set(objects), set(preps)
    for entry in lexicon.candidates(lemma, pos):
        # A multi-word lemma ("call for") fits when its later words are among the children.
        if not any(
            words[0] == lemma and set(words[1:]) <= given for words in map(str.split, entry.lemmas)
        ):
            continue
        if entry.objects and not found & entry.objects:
            continue
        if entry.exclude and found & entry.exclude:
            continue
        if entry.preps and not given & entry.preps:
            continue
        return entry
    return None


def _code(lexicon: Lexicon, lemma: str, pos: str = "verb", **kwargs: Any) -> str | None:
    entry = _fit(lexicon, lemma, pos, **kwargs)
    return entry.code if entry else None


# -- the file as a whole ------------------------------------------------------------------


def test_shipped_file_loads_with_a_header(lexicon: Lexicon) -> None:
    raw = _raw()
    for key in ("version", "name", "source", "licence"):
        assert raw.get(key), f"events.yaml needs a `{key}:` header"
    assert lexicon.name == "polybius.events"
    assert len(lexicon.entries) >= 400


def test_ids_are_unique_in_the_file() -> None:
    # The loader lets a later entry override an earlier one with the same id, so a
    # duplicate in the shipped file would silently drop an entry; count the raw list.
    counts = Counter(str(item["id"]) for item in _raw()["entries"])
    assert [i for i, n in counts.items() if n > 1] == []
    assert len(counts) == len(load_lexicon().entries)


def test_every_code_is_a_cameo_shaped_code(lexicon: Lexicon) -> None:
    bad = [
        (e.id, code)
        for e in lexicon.entries
        for code in (e.code, e.reverse)
        if code is not None and not _CODE.match(code)
    ]
    assert bad == []


def test_every_cameo_root_has_entries(lexicon: Lexicon) -> None:
    roots = Counter(e.code[:2] for e in lexicon.entries)
    missing = [f"{r:02d}" for r in range(1, 21) if roots[f"{r:02d}"] == 0]
    assert missing == []


def test_reciprocal_codes_are_flagged(lexicon: Lexicon) -> None:
    unflagged = [e.id for e in lexicon.entries if e.code in _RECIPROCAL_CODES and not e.reciprocal]
    assert unflagged == []


def test_targets_name_known_places(lexicon: Lexicon) -> None:
    bad = [(e.id, t) for e in lexicon.entries for t in e.target if not _TARGET.match(t)]
    assert bad == []


def test_object_words_are_single_lemmas(lexicon: Lexicon) -> None:
    # The coder compares one lemma at a time, so "martial law" as an object can never match.
    bad = [
        (e.id, word)
        for e in lexicon.entries
        for word in e.objects | e.exclude
        if " " in word or "_" in word
    ]
    assert bad == []


def test_noun_triggers_are_single_words(lexicon: Lexicon) -> None:
    # A noun compound ("air raid") is written as its head plus `objects:` for the modifier.
    bad = [
        (e.id, lemma)
        for e in lexicon.entries
        if e.pos == "noun"
        for lemma in e.lemmas
        if " " in lemma
    ]
    assert bad == []


def test_no_entry_excludes_its_own_objects(lexicon: Lexicon) -> None:
    assert [e.id for e in lexicon.entries if e.objects & e.exclude] == []


def test_equally_specific_entries_do_not_compete_for_a_word(lexicon: Lexicon) -> None:
    # When two entries of equal specificity fit the same trigger and object, file order
    # decides silently; the shipped file keeps such pairs apart.
    clashes = []
    for entry in lexicon.entries:
        for lemma in entry.lemmas:
            for other in lexicon.candidates(lemma.split()[0], entry.pos):
                if other.id <= entry.id or other.code == entry.code or lemma not in other.lemmas:
                    continue
                if other.specificity != entry.specificity or other.preps != entry.preps:
                    continue
                if bool(other.objects) != bool(entry.objects):
                    continue
                if entry.objects and not entry.objects & other.objects:
                    continue
                clashes.append((lemma, entry.id, other.id))
    assert clashes == []


def test_codes_are_in_the_ontology(lexicon: Lexicon) -> None:
    ontology_module = pytest.importorskip(
        "polybius.events.ontology", reason="the CAMEO ontology module is not available yet"
    )
    if not hasattr(ontology_module, "load_ontology"):
        pytest.skip("polybius.events.ontology has no load_ontology() yet")
    ontology = ontology_module.load_ontology()
    unknown = [
        (e.id, code)
        for e in lexicon.entries
        for code in (e.code, e.reverse)
        if code is not None and code not in ontology
    ]
    assert unknown == []


# -- spot checks by the documented matching rules ------------------------------------------


def test_visit_is_042_with_the_host_hosting(lexicon: Lexicon) -> None:
    entry = _fit(lexicon, "visit")
    assert entry is not None
    assert (entry.code, entry.reverse) == ("042", "043")
    noun = _fit(lexicon, "visit", "noun")
    assert noun is not None and (noun.code, noun.reverse) == ("042", "043")


def test_signing_a_memorandum_is_a_reciprocal_057(lexicon: Lexicon) -> None:
    entry = _fit(lexicon, "sign", objects={"memorandum"})
    assert entry is not None
    assert entry.code == "057" and entry.reciprocal
    assert _code(lexicon, "ink", objects={"deal"}) == "057"
    assert _code(lexicon, "sign", objects={"autograph"}) is None


@pytest.mark.parametrize(
    ("lemma", "pos", "objects", "preps", "code"),
    [
        ("meet", "verb", (), (), "040"),
        ("talk", "noun", (), (), "040"),
        ("talks", "noun", (), (), "040"),
        ("talks", "noun", ("peace",), (), "046"),
        ("talks", "noun", ("nuclear",), (), "046"),
        ("negotiations", "noun", (), (), "046"),
        ("negotiate", "verb", (), (), "046"),
        ("telephone", "verb", (), (), "041"),
        ("host", "verb", (), (), "043"),
        ("mediate", "verb", (), (), "045"),
        ("praise", "verb", (), (), "051"),
        ("apologize", "verb", (), (), "055"),
        ("condemn", "verb", (), (), "111"),
        ("accuse", "verb", (), (), "112"),
        ("sue", "verb", (), (), "115"),
        ("rebuff", "verb", (), (), "120"),
        ("veto", "verb", (), (), "129"),
        ("warn", "verb", (), (), "130"),
        ("threaten", "verb", ("sanction",), (), "1312"),
        ("ultimatum", "noun", (), (), "139"),
        ("demonstrate", "verb", (), (), "141"),
        ("demonstrate", "verb", ("strength",), (), "150"),
        ("impose", "verb", ("sanction",), (), "163"),
        ("arrest", "verb", (), (), "173"),
        ("deport", "verb", (), (), "174"),
        ("kidnap", "verb", (), (), "181"),
        ("assassinate", "verb", (), (), "186"),
        ("blockade", "verb", (), (), "191"),
        ("occupy", "verb", (), (), "192"),
        ("shell", "verb", (), (), "194"),
        ("massacre", "verb", (), (), "202"),
        ("release", "verb", ("prisoner",), (), "0841"),
        ("let", "verb", ("inspector",), (), "0862"),
        ("withdraw", "verb", ("troop",), (), "0874"),
        ("demand", "verb", ("resignation",), (), "1041"),
        ("call", "verb", ("talk",), ("for",), "026"),
        ("strike", "verb", ("deal",), (), "057"),
        ("strike", "verb", ("base",), (), "190"),
        ("strike", "noun", (), ("on",), "190"),
        ("strike", "noun", (), (), "143"),
        ("strike", "noun", ("hunger",), (), "142"),
        ("game", "noun", ("war",), (), "150"),
        ("take", "verb", ("street",), (), "141"),
        ("bombing", "noun", ("suicide",), (), "1831"),
        ("violate", "verb", ("ceasefire",), (), "196"),
        ("violate", "verb", ("resolution",), (), "128"),
    ],
)
def test_spot_checks(
    lexicon: Lexicon,
    lemma: str,
    pos: str,
    objects: tuple[str, ...],
    preps: tuple[str, ...],
    code: str,
) -> None:
    assert _code(lexicon, lemma, pos, objects=objects, preps=preps) == code


@pytest.mark.parametrize(
    ("lemma", "objects"),
    [("meet", "expectation"), ("meet", "deadline"), ("release", "album"), ("fight", "corruption")],
)
def test_everyday_senses_are_excluded(lexicon: Lexicon, lemma: str, objects: str) -> None:
    assert _fit(lexicon, lemma, objects={objects}) is None


# -- with the real parser -------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        ("The foreign minister visited Beijing on Monday.", "visited", "042"),
        ("Israel and Jordan signed a memorandum on water.", "signed", "057"),
        ("Thousands of students took to the streets.", "took", "141"),
        ("The navy began war games off the coast.", "games", "150"),
        ("The rebels violated the truce.", "violated", "196"),
        ("Egypt called for a ceasefire.", "called", "0256"),
        ("The army withdrew its troops from the border.", "withdrew", "0874"),
        ("Ghana asked the International Monetary Fund for financial support.", "asked", "0231"),
        ("Kyiv asked its allies for military support.", "asked", "0232"),
        ("Government aircraft dropped bombs on the town.", "dropped", "195"),
        ("Egypt brokered a truce between Israel and Hamas.", "brokered", "045"),
        ("Chavez ordered ten battalions to the Colombian border.", "ordered", "154"),
        ("Armenia and Azerbaijan agreed on a truce in Moscow.", "agreed", "0871"),
        ("India flew relief supplies and rescue teams to Nepal.", "flew", "073"),
        # The deed is the object of a verb of doing: "of committing genocide" is 1124.
        ("Bosnia accused Serbia of committing genocide.", "accused", "1124"),
        ("Kyiv accused Moscow of carrying out attacks on civilians.", "accused", "1123"),
        # An order to leave expels; what leaves names the kind, most specific first.
        ("Moscow ordered 23 British diplomats to leave the country.", "ordered", "161"),
        ("Burundi ordered the UN peacekeeping mission to leave the country.", "ordered", "1661"),
        ("Sudan expelled the UN peacekeeping mission.", "expelled", "1661"),
        # What an inquiry looks "into" names the kind, though the parser hangs it on the verb.
        ("The council opened an inquiry into abuses by the police.", "inquiry", "092"),
        ("The court opened an investigation into war crimes in Gaza.", "investigation", "094"),
        ("Turkey opened an investigation into the downing of its jet.", "investigation", "093"),
        # Journalists' verbs: "rapped", "quizzed", "exchanged views", "patched up ties".
        ("Moscow rapped the Dutch verdict as politically motivated.", "rapped", "111"),
        ("Chinese police quizzed the Canadian businessman.", "quizzed", "090"),
        ("Russia and China exchanged views on bilateral ties.", "exchanged", "040"),
        ("Turkey and Israel patched up ties on Wednesday.", "patched", "050"),
        ("France threw its weight behind Ukraine's bid to join the EU.", "threw", "051"),
        ("The United States leaned on Egypt to open the border crossing.", "leaned", "020"),
        # A judgement is read in the complement, not the object.
        ("Lula called the rioters fascists.", "called", "111"),
    ],
)
def test_entries_fire_on_real_parses(text: str, trigger: str, code: str) -> None:
    from polybius.events.coder import EventCoder
    from polybius.nlp import load_nlp
    from polybius.parsed import freeze

    doc = freeze(load_nlp()(text))
    found = {t.token.text: t.entry.code for t in EventCoder(load_lexicon()).triggers(doc)}
    assert found.get(trigger) == code


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The EU hit Russia with new sanctions.",  # no armed force
        "Russia used natural gas against Germany.",  # no chemical weapon
        "The Taliban enforced the law against women in Kabul.",  # no martial law
        "Hamas gained ground against Fatah.",  # no occupation
    ],
)
def test_the_shipped_lexicon_codes_no_violence_for_ordinary_politics(text: str) -> None:
    from polybius.api import code_text

    codes = {e.cameo for e in code_text(text)}
    assert not any(c[:2] in ("17", "18", "19", "20") for c in codes), codes


@pytest.mark.model
def test_the_shipped_lexicon_reads_calls_for_sanctions_as_calls_for_sanctions() -> None:
    from polybius.api import code_text

    codes = {e.cameo for e in code_text("France urged new sanctions on Iran.")}
    assert codes and not any(c.startswith("025") for c in codes), "not an appeal to ease them"
