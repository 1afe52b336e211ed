"""Date expressions resolved against a document date (hand-written cases)."""

from __future__ import annotations

import datetime as dt

import pytest

from polybius.model import DatePrecision
from polybius.when_where.dates import find_date_expressions, resolve_date

D, M, Y, R = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR, DatePrecision.RANGE
d = dt.date

# (context sentence, expected phrase, document date, start, end, precision, rule prefix)
CASES = [
    (
        "Talks began yesterday in the capital.",
        "yesterday",
        d(1998, 10, 22),
        d(1998, 10, 21),
        d(1998, 10, 21),
        D,
        "relative:yesterday",
    ),  # noqa: E501
    (
        "The envoy left yesterday.",
        "yesterday",
        d(2000, 1, 1),
        d(1999, 12, 31),
        d(1999, 12, 31),
        D,
        "relative:yesterday",
    ),  # noqa: E501
    (
        "He will meet tomorrow with the premier.",
        "tomorrow",
        d(1998, 10, 22),
        d(1998, 10, 23),
        d(1998, 10, 23),
        D,
        "relative:tomorrow",
    ),  # noqa: E501
    (
        "The summit opens tomorrow.",
        "tomorrow",
        d(1999, 12, 31),
        d(2000, 1, 1),
        d(2000, 1, 1),
        D,
        "relative:tomorrow",
    ),  # noqa: E501
    (
        "The cabinet met today.",
        "today",
        d(2001, 3, 5),
        d(2001, 3, 5),
        d(2001, 3, 5),
        D,
        "relative:today",
    ),  # noqa: E501
    (
        "Rebels shelled the town last night.",
        "last night",
        d(2001, 3, 5),
        d(2001, 3, 4),
        d(2001, 3, 4),
        D,
        "relative:last-night",
    ),  # noqa: E501
    (
        "A vote is due tonight.",
        "tonight",
        d(2001, 3, 5),
        d(2001, 3, 5),
        d(2001, 3, 5),
        D,
        "relative:tonight",
    ),  # noqa: E501
    (
        "Police said this morning that six died.",
        "this morning",
        d(2001, 3, 5),
        d(2001, 3, 5),
        d(2001, 3, 5),
        D,
        "relative:today",
    ),  # noqa: E501
    (
        "The deal was struck the day before yesterday.",
        "the day before yesterday",
        d(2001, 3, 5),
        d(2001, 3, 3),
        d(2001, 3, 3),
        D,
        "relative:day-before",
    ),  # noqa: E501
    (
        "Voting ends the day after tomorrow.",
        "the day after tomorrow",
        d(2001, 3, 5),
        d(2001, 3, 7),
        d(2001, 3, 7),
        D,
        "relative:day-after",
    ),  # noqa: E501
    (
        "The ministers met on October 22.",
        "October 22",
        d(1998, 10, 23),
        d(1998, 10, 22),
        d(1998, 10, 22),
        D,
        "explicit:month-day",
    ),  # noqa: E501
    (
        "The ministers met on Oct. 22.",
        "Oct. 22",
        d(1998, 10, 23),
        d(1998, 10, 22),
        d(1998, 10, 22),
        D,
        "explicit:month-day",
    ),  # noqa: E501
    (
        "The pact was signed on 22 October 1998.",
        "22 October 1998",
        d(2000, 5, 1),
        d(1998, 10, 22),
        d(1998, 10, 22),
        D,
        "explicit:full-date",
    ),  # noqa: E501
    (
        "The pact was signed on October 22, 1998.",
        "October 22, 1998",
        d(2000, 5, 1),
        d(1998, 10, 22),
        d(1998, 10, 22),
        D,
        "explicit:full-date",
    ),  # noqa: E501
    (
        "Troops moved in on January 17.",
        "January 17",
        d(2000, 1, 18),
        d(2000, 1, 17),
        d(2000, 1, 17),
        D,
        "explicit:month-day",
    ),  # noqa: E501
    (
        "The leaders met December 10.",
        "December 10",
        d(2000, 1, 18),
        d(1999, 12, 10),
        d(1999, 12, 10),
        D,
        "explicit:month-day",
    ),  # noqa: E501
    (
        "The blockade began on December 28.",
        "December 28",
        d(2000, 1, 3),
        d(1999, 12, 28),
        d(1999, 12, 28),
        D,
        "explicit:month-day",
    ),  # noqa: E501
    (
        "Elections are set for January 5.",
        "January 5",
        d(1999, 12, 20),
        d(2000, 1, 5),
        d(2000, 1, 5),
        D,
        "explicit:month-day",
    ),  # noqa: E501
    (
        "Fighting resumed on 3 March.",
        "3 March",
        d(2002, 3, 10),
        d(2002, 3, 3),
        d(2002, 3, 3),
        D,
        "explicit:month-day",
    ),  # noqa: E501
    (
        "The embassy closed Sept. 14.",
        "Sept. 14",
        d(2002, 9, 20),
        d(2002, 9, 14),
        d(2002, 9, 14),
        D,
        "explicit:month-day",
    ),  # noqa: E501
    (
        "The strike began on 1999-08-31.",
        "1999-08-31",
        d(2000, 1, 1),
        d(1999, 8, 31),
        d(1999, 8, 31),
        D,
        "explicit:iso",
    ),  # noqa: E501
    (
        "See the bulletin, December 10, 14, 1999.",
        "December 10, 14, 1999",
        d(2000, 1, 18),
        d(1999, 12, 10),
        d(1999, 12, 10),
        D,
        "explicit:full-date",
    ),  # noqa: E501
    (
        "The trip came in early December.",
        "early December",
        d(2000, 1, 18),
        d(1999, 12, 1),
        d(1999, 12, 31),
        M,
        "vague:part-of-month",
    ),  # noqa: E501
    (
        "Clashes erupted in mid-November.",
        "mid-November",
        d(2000, 1, 18),
        d(1999, 11, 1),
        d(1999, 11, 30),
        M,
        "vague:part-of-month",
    ),  # noqa: E501
    (
        "The plan is due in late February.",
        "late February",
        d(2000, 1, 18),
        d(2000, 2, 1),
        d(2000, 2, 29),
        M,
        "vague:part-of-month",
    ),  # noqa: E501
    (
        "Putin is expected to win in March.",
        "March",
        d(2000, 1, 18),
        d(2000, 3, 1),
        d(2000, 3, 31),
        M,
        "explicit:month",
    ),  # noqa: E501
    (
        "Prices rose sharply in November.",
        "November",
        d(2000, 1, 18),
        d(1999, 11, 1),
        d(1999, 11, 30),
        M,
        "explicit:month",
    ),  # noqa: E501
    (
        "Unrest has spread since August.",
        "August",
        d(1998, 10, 22),
        d(1998, 8, 1),
        d(1998, 8, 31),
        M,
        "explicit:month",
    ),  # noqa: E501
    (
        "The accord was drafted in March 1997.",
        "March 1997",
        d(1998, 10, 22),
        d(1997, 3, 1),
        d(1997, 3, 31),
        M,
        "explicit:month",
    ),  # noqa: E501
    (
        "The war ended in early 1995.",
        "early 1995",
        d(1998, 10, 22),
        d(1995, 1, 1),
        d(1995, 12, 31),
        Y,
        "vague:part-of-year",
    ),  # noqa: E501
    (
        "The bases closed in 1994.",
        "1994",
        d(1998, 10, 22),
        d(1994, 1, 1),
        d(1994, 12, 31),
        Y,
        "explicit:year",
    ),  # noqa: E501
    (
        "Trade fell this year.",
        "this year",
        d(1998, 10, 22),
        d(1998, 1, 1),
        d(1998, 12, 31),
        Y,
        "relative:this-year",
    ),  # noqa: E501
    (
        "Trade fell last year.",
        "last year",
        d(1998, 10, 22),
        d(1997, 1, 1),
        d(1997, 12, 31),
        Y,
        "relative:last-year",
    ),  # noqa: E501
    (
        "Trade should recover next year.",
        "next year",
        d(1999, 12, 30),
        d(2000, 1, 1),
        d(2000, 12, 31),
        Y,
        "relative:next-year",
    ),  # noqa: E501
    (
        "Talks resume next month.",
        "next month",
        d(1999, 12, 15),
        d(2000, 1, 1),
        d(2000, 1, 31),
        M,
        "relative:next-month",
    ),  # noqa: E501
    (
        "The army withdrew last month.",
        "last month",
        d(2000, 1, 18),
        d(1999, 12, 1),
        d(1999, 12, 31),
        M,
        "relative:last-month",
    ),  # noqa: E501
    (
        "The envoy visited last week.",
        "last week",
        d(2000, 1, 18),
        d(2000, 1, 10),
        d(2000, 1, 16),
        R,
        "relative:last-week",
    ),  # noqa: E501
    (
        "A team flies in next week.",
        "next week",
        d(1998, 10, 22),
        d(1998, 10, 26),
        d(1998, 11, 1),
        R,
        "relative:next-week",
    ),  # noqa: E501
    (
        "Shelling intensified earlier this month.",
        "earlier this month",
        d(2000, 1, 18),
        d(2000, 1, 1),
        d(2000, 1, 18),
        R,
        "relative:earlier-this-month",
    ),  # noqa: E501
    (
        "A verdict is due later this month.",
        "later this month",
        d(2000, 1, 18),
        d(2000, 1, 18),
        d(2000, 1, 31),
        R,
        "relative:later-this-month",
    ),  # noqa: E501
    (
        "Reforms were announced earlier this year.",
        "earlier this year",
        d(1998, 10, 22),
        d(1998, 1, 1),
        d(1998, 10, 22),
        R,
        "relative:earlier-this-year",
    ),  # noqa: E501
    (
        "Accords could be signed within the next two months.",
        "within the next two months",
        d(2000, 1, 18),
        d(2000, 1, 18),
        d(2000, 3, 18),
        R,
        "forward:within",
    ),  # noqa: E501
    (
        "Troops will leave in the coming weeks.",
        "in the coming weeks",
        d(2000, 1, 18),
        d(2000, 1, 18),
        d(2000, 2, 1),
        R,
        "forward:within",
    ),  # noqa: E501
    (
        "Aid arrives within three days.",
        "within three days",
        d(2000, 1, 18),
        d(2000, 1, 18),
        d(2000, 1, 21),
        R,
        "forward:within",
    ),  # noqa: E501
    (
        "Attacks doubled over the past two weeks.",
        "over the past two weeks",
        d(2000, 1, 18),
        d(2000, 1, 4),
        d(2000, 1, 18),
        R,
        "relative:past",
    ),  # noqa: E501
    (
        "The mayor was shot two days ago.",
        "two days ago",
        d(2000, 1, 18),
        d(2000, 1, 16),
        d(2000, 1, 16),
        D,
        "relative:ago",
    ),  # noqa: E501
    (
        "The mayor was shot 3 days ago.",
        "3 days ago",
        d(2000, 1, 2),
        d(1999, 12, 30),
        d(1999, 12, 30),
        D,
        "relative:ago",
    ),  # noqa: E501
    (
        "The law passed two months ago.",
        "two months ago",
        d(2000, 1, 18),
        d(1999, 11, 1),
        d(1999, 11, 30),
        M,
        "relative:ago",
    ),  # noqa: E501
    (
        "The treaty lapsed a year ago.",
        "a year ago",
        d(2000, 1, 18),
        d(1999, 1, 1),
        d(1999, 12, 31),
        Y,
        "relative:ago",
    ),  # noqa: E501
    (
        "The minister resigned on Monday.",
        "Monday",
        d(2000, 1, 20),
        d(2000, 1, 17),
        d(2000, 1, 17),
        D,
        "relative:weekday",
    ),  # noqa: E501
    (
        "The minister resigned Monday.",
        "Monday",
        d(2000, 1, 17),
        d(2000, 1, 17),
        d(2000, 1, 17),
        D,
        "relative:weekday",
    ),  # noqa: E501
    (
        "Protesters gathered last Tuesday.",
        "last Tuesday",
        d(2000, 1, 18),
        d(2000, 1, 11),
        d(2000, 1, 11),
        D,
        "relative:last-weekday",
    ),  # noqa: E501
    (
        "Parliament sits next Friday.",
        "next Friday",
        d(2000, 1, 18),
        d(2000, 1, 21),
        d(2000, 1, 21),
        D,
        "relative:next-weekday",
    ),  # noqa: E501
    (
        "Rebels attacked on Sunday.",
        "Sunday",
        d(2000, 1, 3),
        d(2000, 1, 2),
        d(2000, 1, 2),
        D,
        "relative:weekday",
    ),  # noqa: E501
    (
        "Rebels attacked on Friday.",
        "Friday",
        d(2000, 1, 3),
        d(1999, 12, 31),
        d(1999, 12, 31),
        D,
        "relative:weekday",
    ),  # noqa: E501
    (
        "Riots broke out over the weekend.",
        "over the weekend",
        d(2000, 1, 18),
        d(2000, 1, 15),
        d(2000, 1, 16),
        R,
        "relative:weekend",
    ),  # noqa: E501
    (
        "Floods struck last summer.",
        "last summer",
        d(2000, 1, 18),
        d(1999, 6, 1),
        d(1999, 8, 31),
        R,
        "relative:last-season",
    ),  # noqa: E501
    (
        "The offensive began last winter.",
        "last winter",
        d(2000, 6, 1),
        d(1998, 12, 1),
        d(1999, 2, 28),
        R,
        "relative:last-season",
    ),  # noqa: E501
    (
        "The talks stalled last March.",
        "last March",
        d(2000, 1, 18),
        d(1999, 3, 1),
        d(1999, 3, 31),
        M,
        "relative:last-month",
    ),  # noqa: E501
    (
        "Leaders meet next June.",
        "next June",
        d(2000, 1, 18),
        d(2000, 6, 1),
        d(2000, 6, 30),
        M,
        "relative:next-month",
    ),  # noqa: E501
    (
        "Leaders met in May.",
        "May",
        d(2000, 9, 1),
        d(2000, 5, 1),
        d(2000, 5, 31),
        M,
        "explicit:month",
    ),  # noqa: E501
    (
        "Leaders met in the first half of 1996.",
        "the first half of 1996",
        d(2000, 9, 1),
        d(1996, 1, 1),
        d(1996, 12, 31),
        Y,
        "vague:part-of-year",
    ),  # noqa: E501
    (
        "Talks opened on Feb. 29.",
        "Feb. 29",
        d(2000, 3, 2),
        d(2000, 2, 29),
        d(2000, 2, 29),
        D,
        "explicit:month-day",
    ),  # noqa: E501
    (
        "The siege ended on 31 December 1999.",
        "31 December 1999",
        d(2000, 1, 2),
        d(1999, 12, 31),
        d(1999, 12, 31),
        D,
        "explicit:full-date",
    ),  # noqa: E501
]


@pytest.mark.parametrize(
    ("text", "phrase", "anchor", "start", "end", "precision", "rule"),
    CASES,
    ids=[f"{c[1]}@{c[2]}" for c in CASES],
)
def test_resolve_expression_in_context(
    text: str,
    phrase: str,
    anchor: dt.date,
    start: dt.date,
    end: dt.date,
    precision: DatePrecision,
    rule: str,
) -> None:
    found = [e for e in find_date_expressions(text) if e.kind != "duration"]
    assert [e.text for e in found] == [phrase]
    assert text[found[0].start : found[0].end] == phrase
    resolved = resolve_date(found[0], anchor=anchor)
    assert resolved is not None
    assert (resolved.start, resolved.end, resolved.precision) == (start, end, precision)
    assert resolved.rule.startswith(rule)
    assert resolved.text == phrase


@pytest.mark.parametrize(
    "text",
    [
        "The minister may resign.",
        "Protesters will march on the palace.",
        "He said four people died.",
        "The 1990s were turbulent for 300 families.",
        "A day of talks produced little.",
    ],
)
def test_no_date_in_plain_words(text: str) -> None:
    assert [e for e in find_date_expressions(text) if e.kind != "duration"] == []


def test_offsets_are_shifted() -> None:
    found = find_date_expressions("met yesterday", offset=100)
    assert [(e.start, e.end) for e in found] == [(104, 113)]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("began a four-day visit", "four-day"),
        ("a two-week tour of Asia", "two-week"),
        ("ended a 3-day summit", "3-day"),
    ],
)
def test_durations_are_found_but_name_no_date(text: str, phrase: str) -> None:
    found = find_date_expressions(text)
    assert [(e.text, e.kind) for e in found] == [(phrase, "duration")]
    assert resolve_date(found[0], anchor=d(2000, 1, 1)) is None


def test_weekday_prefers_future_when_asked() -> None:
    resolved = resolve_date("on Friday", anchor=d(2000, 1, 18), prefer_future=True)
    assert resolved is not None and resolved.start == d(2000, 1, 21)


def test_string_fallback_to_dateparser_for_numeric_dates() -> None:
    resolved = resolve_date("22.10.1998", anchor=d(2000, 1, 1))
    assert resolved is not None
    assert resolved.start == d(1998, 10, 22)
    assert resolved.rule == "explicit:dateparser"


def test_string_with_no_date_is_none() -> None:
    assert resolve_date("no date here", anchor=d(2000, 1, 1)) is None
