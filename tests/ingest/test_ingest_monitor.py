import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from polybius.ingest.monitor import (
    find_citations,
    find_dateline,
    is_cross_reference,
    parse_header,
    plain_dateline_spans,
    read_facts,
    volume_year,
)

V4 = "Publication: Monitor Volume: 4 Issue: 196\n\n"
V6 = "Publication: Monitor Volume: 6 Issue: 14\n\n"
FIXTURE = Path(__file__).parent / "fixtures" / "monitor_vol5.txt"


def _fixture() -> str:
    return FIXTURE.read_text(encoding="utf-8")


# --- header ---------------------------------------------------------------------------------


def test_header_gives_publication_volume_issue_and_span() -> None:
    text = _fixture()
    header = parse_header(text)
    assert header is not None
    assert (header.publication, header.volume, header.issue) == ("Monitor", 5, 120)
    assert text[header.start : header.end] == "Publication: Monitor Volume: 5 Issue: 120"


def test_header_after_blank_lines_and_without_issue() -> None:
    text = "\n\nPublication: Prism Volume: 3\n\nSome text."
    header = parse_header(text)
    assert header is not None
    assert (header.publication, header.volume, header.issue) == ("Prism", 3, None)
    assert text[header.start : header.end] == "Publication: Prism Volume: 3"


def test_no_header_in_ordinary_text() -> None:
    assert parse_header("The Publication: of a report was delayed.") is None
    assert parse_header("Ministers met.\nPublication: Monitor Volume: 1 Issue: 1") is None


def test_volume_year() -> None:
    assert volume_year(4) == 1998
    assert volume_year(6) == 2000


# --- citations ------------------------------------------------------------------------------


def test_citations_in_fixture() -> None:
    text = _fixture()
    cites = find_citations(text, year=1999)
    assert [c.text for c in cites] == [
        "(Interfax, PAP, June 14)",
        "(UNIAN, June 15)",
        "(see the Monitor, May 3, 1999)",
        "(Reuters, AP, Ukrainian agencies, June 16)",
    ]
    several, single, see_also, last = cites
    assert several.sources == ("Interfax", "PAP")
    assert several.date == dt.date(1999, 6, 14)
    assert single.sources == ("UNIAN",)
    assert last.sources == ("Reuters", "AP", "Ukrainian agencies")
    assert last.date == dt.date(1999, 6, 16)
    assert last.end == len(text.rstrip("\n"))  # a citation may end the document
    for c in cites:
        assert text[c.start : c.end] == c.text


def test_citation_credits_its_paragraph_or_the_text_after_the_previous_citation() -> None:
    text = _fixture()
    several, single, see_also, last = find_citations(text, year=1999)
    assert text[several.paragraph_start :].startswith("Ukraine's foreign minister")
    assert text[single.paragraph_start :].startswith("Officials from the Council")
    assert text[last.paragraph_start :].startswith("The minister is expected")
    # A second wire citation in one paragraph credits only what follows the first.
    two = "A met B (AP, May 1). C met D (Reuters, May 2).\n\nNext paragraph."
    first, second = find_citations(two, year=1999)
    assert first.paragraph_start == 0
    assert two[second.paragraph_start : second.end] == "C met D (Reuters, May 2)"


def test_parenthesis_inside_a_sentence_is_not_a_citation() -> None:
    text = "Officials from the Council (the Council of Europe) said so. Leaders of (NATO) met."
    assert find_citations(text, year=1999) == ()
    assert find_citations("He spoke (briefly) and left (twice).", year=1999) == ()
    assert find_citations("The vote (42 to 7) passed.", year=1999) == ()


def test_citation_without_a_date() -> None:
    text = "The army withdrew (Reuters, AP). Police were deployed (Russian agencies).\n"
    cites = find_citations(text, year=1999)
    assert [c.sources for c in cites] == [("Reuters", "AP"), ("Russian agencies",)]
    assert all(c.date is None for c in cites)
    # A date-less single name ending a sentence is too weak to count as a wire citation.
    assert find_citations("The treaty was signed by the alliance (NATO).", year=1999) == ()
    # Nor is a list of countries.
    assert find_citations("The three states (Kazakhstan, Kyrgyzstan, Tajikistan).") == ()


def test_citation_date_forms() -> None:
    text = (
        "One (AP, Jan. 17). Two (Reuters, January 17-18). Three (AFP, March 3, 1997). "
        "Four (Interfax, May 2; NTV, May 4)."
    )
    cites = find_citations(text, year=2000)
    assert [c.date for c in cites] == [
        dt.date(2000, 1, 17),
        dt.date(2000, 1, 18),
        dt.date(1997, 3, 3),
        dt.date(2000, 5, 4),
    ]
    assert cites[3].sources == ("Interfax", "NTV")


def test_citation_without_a_known_year_has_no_date() -> None:
    (cite,) = find_citations("Troops moved (Itar-Tass, Xinhua, October 22).")
    assert cite.sources == ("Itar-Tass", "Xinhua")
    assert cite.date is None


def test_see_also_is_a_cross_reference_with_its_own_year() -> None:
    text = "Yeltsin used the trip to warn Washington (see the Monitor, December 10, 14, 1999)."
    (cite,) = find_citations(text, year=2000)
    assert is_cross_reference(cite)
    assert cite.sources == ("Monitor",)
    assert cite.date == dt.date(1999, 12, 14)
    assert cite.paragraph_start == cite.start  # it credits no paragraph
    assert not is_cross_reference(find_citations("X (AP, May 1).", year=1999)[0])
    # "see" without an issue date is an ordinary aside.
    assert find_citations("The figures differ (see Table 2).", year=2000) == ()


def test_year_rolls_back_for_a_date_after_the_latest_plausible_one() -> None:
    text = "Talks ended (AP, December 29). They resumed (Reuters, January 4)."
    old, new = find_citations(text, year=2000, latest=dt.date(2000, 3, 1))
    assert old.date == dt.date(1999, 12, 29)
    assert new.date == dt.date(2000, 1, 4)


# --- datelines and date lines ---------------------------------------------------------------


def test_wire_dateline_gives_a_citation_and_date_with_a_known_year() -> None:
    text = "MOSCOW, Jan. 18 (Reuters) - Russia and China signed a memorandum."
    cite = find_dateline(text, year=2000)
    assert cite is not None
    assert cite.sources == ("Reuters",)
    assert cite.date == dt.date(2000, 1, 18)
    assert text[cite.start : cite.end] == cite.text == "MOSCOW, Jan. 18 (Reuters) -"
    other = "BEIJING, October 22 (Xinhua) -- The talks ended."
    cite = find_dateline(other)
    assert cite is not None and cite.sources == ("Xinhua",) and cite.date is None
    assert find_dateline("Moscow and Beijing (the two capitals) - agreed.") is None


def test_dateline_dates_a_monitor_text_over_its_citations() -> None:
    text = V6 + "MOSCOW, Jan. 18 (Reuters) - Talks (AP, January 12)."
    facts = read_facts(text)
    assert (facts.date, facts.date_rule) == (dt.date(2000, 1, 18), "dateline")
    assert [c.sources for c in facts.citations] == [("Reuters",), ("AP",)]


def test_dateline_without_a_year_leaves_the_date_unknown() -> None:
    facts = read_facts("BEIJING, October 22 (Xinhua) -- The talks ended.")
    assert (facts.date, facts.date_rule) == (None, "unknown")
    assert facts.citations[0].sources == ("Xinhua",)


def test_date_line_at_the_top() -> None:
    text = "January 18, 2000\n\nTalks ended in Moscow (AP, January 17)."
    facts = read_facts(text)
    assert (facts.date, facts.date_rule) == (dt.date(2000, 1, 18), "date-line")
    assert facts.citations[0].date == dt.date(2000, 1, 17)


# --- date inference -------------------------------------------------------------------------


def test_volume_only() -> None:
    facts = read_facts("Publication: Monitor Volume: 4 Issue: 196\n\nNothing cited here.")
    assert (facts.date, facts.date_rule) == (dt.date(1998, 1, 1), "monitor-volume")


def test_volume_and_citations_give_the_latest_wire_date() -> None:
    facts = read_facts(_fixture())
    assert facts.date == dt.date(1999, 6, 16)
    assert facts.date_rule == "monitor-volume+latest-citation"


def test_citation_years_come_from_the_volume() -> None:
    text = V4 + "A (AP, September 20). B (Itar-Tass, October 22)."
    facts = read_facts(text)
    assert [c.date for c in facts.citations] == [dt.date(1998, 9, 20), dt.date(1998, 10, 22)]
    assert facts.date == dt.date(1998, 10, 22)


def test_early_issue_puts_december_citations_in_the_year_before() -> None:
    text = "Publication: Monitor Volume: 6 Issue: 2\n\nTalks ended (AP, December 30)."
    facts = read_facts(text)
    assert facts.citations[0].date == dt.date(1999, 12, 30)
    # Both are lower bounds; the volume year says it is 2000 at the earliest.
    assert (facts.date, facts.date_rule) == (dt.date(2000, 1, 1), "monitor-volume+latest-citation")


def test_see_also_does_not_date_the_issue() -> None:
    text = V6 + "As reported (see the Monitor, December 10, 14, 1999)."
    facts = read_facts(text)
    assert (facts.date, facts.date_rule) == (dt.date(2000, 1, 1), "monitor-volume")
    later = text + "\n\nThen talks (Reuters, January 17)."
    assert read_facts(later).date == dt.date(2000, 1, 17)


def test_given_date_wins_and_sets_citation_years() -> None:
    facts = read_facts(_fixture(), date=dt.date(2003, 6, 20))
    assert (facts.date, facts.date_rule) == (dt.date(2003, 6, 20), "given")
    assert facts.citations[0].date == dt.date(2003, 6, 14)
    assert facts.citations[2].date == dt.date(1999, 5, 3)  # an explicit year stays


def test_latest_citation_with_explicit_year_without_header() -> None:
    facts = read_facts("Talks (AP, March 3, 1997). More talks (Reuters, March 5, 1997).")
    assert (facts.date, facts.date_rule) == (dt.date(1997, 3, 5), "latest-citation")


def test_plain_text_has_no_date() -> None:
    facts = read_facts("Ministers met in Riga.")
    assert (facts.header, facts.citations, facts.date, facts.date_rule) == (
        None,
        (),
        None,
        "unknown",
    )


# --- property: offsets slice back to the citation text ---------------------------------------

_PIECES = st.sampled_from(
    [
        "(Reuters, AP, January 17)",
        "(AP, Sept. 20)",
        "(see the Monitor, December 10, 14, 1999)",
        "(Russian agencies)",
        "(the Council)",
        "(Interfax, May 2; NTV, May 4)",
        ".",
        " ",
        "\n\n",
        "\r\n",
        "Publication: Monitor Volume: 6 Issue: 14\n",
        "MOSCOW, Jan. 18 (Reuters) - ",
        "January 18, 2000\n",
        "Talks ended",
    ]
)


@given(st.lists(st.one_of(_PIECES, st.text(max_size=20)), max_size=25).map("".join))
def test_citation_offsets_slice_back_to_their_text(text: str) -> None:
    for year in (None, 2000):
        facts = read_facts(text, date=dt.date(year, 6, 1) if year else None)
        for c in facts.citations:
            assert text[c.start : c.end] == c.text
            assert 0 <= c.paragraph_start <= c.start < c.end <= len(text)


def test_a_dateline_naming_no_agency_is_found_at_a_line_start() -> None:
    text = "Leaders meet\nBUTEMBO, Congo, April 20 - Gunmen stormed a hospital."
    assert [text[a:b] for a, b in plain_dateline_spans(text)] == ["BUTEMBO, Congo, April 20 -"]
    # A country opening a sentence with a date is no dateline.
    assert plain_dateline_spans("Russia, May 8 - a date later set for talks.") == []
