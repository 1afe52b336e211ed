"""Find date expressions in news text and resolve them against the document date.

Our regexes find every candidate first (fast, and they know news idiom such as "early
December" or "a four-day visit"); dateutil does the calendar arithmetic, and dateparser is
only a gated fallback for an odd explicit string handed to :func:`resolve_date`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dateutil.relativedelta import relativedelta

from polybius.model import DatePrecision, Document, EventDate

__all__ = [
    "DateExpression",
    "date_event",
    "find_date_expressions",
    "resolve_date",
]

logger = logging.getLogger(__name__)

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "several": 3,
    "few": 3,
    "a few": 3,
}
_SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}

# Month names are matched with a capital letter so "may" and "march" the verbs never match.
_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR_RE = r"(?:1[89]\d\d|20\d\d)"
_NUM_RE = r"(?:\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|(?:a )?few)"  # noqa: E501
_UNIT_RE = r"(?:day|week|month|year)s?"
_WD_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART_RE = (
    r"(?:early|mid|late|the (?:beginning|start|middle|end) of|the first half of|the second half of)"  # noqa: E501
)


@dataclass(frozen=True, slots=True)
class DateExpression:
    """A phrase that names a time, as found in the text; ``kind`` is the pattern that found it.

    ``start``/``end`` are character offsets (shifted by the ``offset`` given to the finder).
    Kinds: ``explicit`` (a calendar date or month), ``relative`` (yesterday, last week),
    ``forward`` (within the next two months), ``vague`` (early December), ``duration``
    (a four-day visit: not a date itself, it stretches the date it is attached to).
    """

    text: str
    start: int
    end: int
    kind: str
    pattern: str


# (name, kind, compiled regex), tried in order; earlier, longer patterns win overlaps.
_PATTERNS: list[tuple[str, str, re.Pattern[str]]] = [
    ("iso", "explicit", re.compile(rf"\b{_YEAR_RE}-(?:0[1-9]|1[0-2])-(?:[0-2]\d|3[01])\b")),
    (
        "month-day-year",
        "explicit",
        re.compile(rf"\b{_MONTH_RE} {_DAY_RE}(?:(?:,| and|-) ?{_DAY_RE})*,? {_YEAR_RE}\b(?!-)"),
    ),
    (
        "day-month-year",
        "explicit",
        re.compile(rf"\b{_DAY_RE} {_MONTH_RE},? {_YEAR_RE}\b"),
    ),
    (
        "part-month-year",
        "vague",
        re.compile(rf"(?i:\b{_PART_RE}[ -])({_MONTH_RE}),? {_YEAR_RE}\b"),
    ),
    ("month-year", "explicit", re.compile(rf"\b{_MONTH_RE},? {_YEAR_RE}\b")),
    (
        "month-day",
        "explicit",
        re.compile(rf"\b{_MONTH_RE} {_DAY_RE}(?:(?:,| and|-) ?{_DAY_RE}\b)*(?![\d:])\b"),
    ),
    ("day-month", "explicit", re.compile(rf"\b{_DAY_RE} (?:of )?{_MONTH_RE}(?!\w)")),
    (
        "part-month",
        "vague",
        re.compile(rf"(?i:\b{_PART_RE}[ -])(?:{_MONTH_RE})(?!\w)"),
    ),
    (
        "part-year",
        "vague",
        re.compile(rf"(?i:\b{_PART_RE}[ -]){_YEAR_RE}\b"),
    ),
    (
        "earlier-later-this",
        "relative",
        re.compile(r"(?i)\b(?:earlier|later) (?:this|in the) (?:week|month|year)\b"),
    ),
    (
        "forward",
        "forward",
        re.compile(
            rf"(?i)\b(?:within|in|over|during) the (?:next|coming) (?:{_NUM_RE} )?{_UNIT_RE}\b"
        ),
    ),
    (
        "in-the-coming",
        "forward",
        re.compile(rf"(?i)\bwithin (?:{_NUM_RE}) {_UNIT_RE}\b"),
    ),
    (
        "backward",
        "relative",
        re.compile(
            rf"(?i)\b(?:in|over|during|within) the (?:past|last|previous) "
            rf"(?:{_NUM_RE} )?{_UNIT_RE}\b"
        ),
    ),
    ("ago", "relative", re.compile(rf"(?i)\b{_NUM_RE} {_UNIT_RE} ago\b")),
    (
        "day-before-after",
        "relative",
        re.compile(r"(?i)\bthe day (?:before yesterday|after tomorrow)\b"),
    ),
    (
        "yesterday",
        "relative",
        re.compile(r"(?i)\b(?:yesterday|today|tomorrow|tonight|last night)\b"),
    ),
    (
        "this-part-of-day",
        "relative",
        re.compile(r"(?i)\bthis (?:morning|afternoon|evening)\b"),
    ),
    (
        "weekday",
        "relative",
        re.compile(rf"(?:\b(?i:last|next|this|on|since|by|until) )?\b{_WD_RE}\b"),
    ),
    (
        "weekend",
        "relative",
        re.compile(r"(?i)\b(?:(?:last|this|next|over the|at the) )weekend\b"),
    ),
    (
        "last-next-unit",
        "relative",
        re.compile(r"(?i)\b(?:last|next|this|past) (?:week|month|year)\b"),
    ),
    (
        "season",
        "relative",
        re.compile(r"(?i)\b(?:last|next|this) (?:spring|summer|autumn|fall|winter)\b"),
    ),
    (
        "last-next-month",
        "relative",
        re.compile(rf"(?i:\b(?:last|next|this) )(?:{_MONTH_RE})(?!\w)"),
    ),
    (
        "in-month",
        "explicit",
        re.compile(
            rf"(?i:\b(?:in|since|by|until|till|during|before|after|from|through) )"
            rf"(?:{_MONTH_RE})(?!\w)"
        ),
    ),
    (
        "year",
        "explicit",
        re.compile(rf"(?i:\b(?:in|since|by|until|during|before|after|of) )(?:{_YEAR_RE})\b"),
    ),
    (
        "duration",
        "duration",
        re.compile(rf"(?i)\b(?:{_NUM_RE})[- ](?:day|week|month)(?:-long)?\b(?=\s+\w)"),
    ),
]

_LEADING = re.compile(r"(?i)^(?:in|on|since|by|until|till|during|before|after|from|through|of) ")


def find_date_expressions(text: str, *, offset: int = 0) -> list[DateExpression]:
    """Every date or duration phrase in ``text``, left to right, without overlaps."""
    return list(_find_date_expressions(text, offset))


@lru_cache(maxsize=512)
def _find_date_expressions(text: str, offset: int) -> tuple[DateExpression, ...]:
    """Cached: a sentence with several events is scanned once."""
    return tuple(_scan_date_expressions(text, offset=offset))


# Every pattern above needs a digit, a month, or one of these words; most sentences have
# none, and one search spares them the twenty-six patterns.
_MAYBE_DATE = re.compile(
    r"(?i)\d|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
    r"|day|week|month|year|night|morning|afternoon|evening|spring|summer|autumn|fall|winter"
    r"|tomorrow"
)


def _scan_date_expressions(text: str, *, offset: int = 0) -> list[DateExpression]:
    if _MAYBE_DATE.search(text) is None:
        return []
    taken: list[tuple[int, int]] = []
    found: list[DateExpression] = []
    for name, kind, regex in _PATTERNS:
        for match in regex.finditer(text):
            start, end = match.span()
            leading = _LEADING.match(match.group(0))
            if leading and kind != "forward" and name != "backward":
                start += leading.end()
            if any(start < e and s < end for s, e in taken):
                continue
            if name == "duration" and not _is_duration(text, start, end):
                continue
            taken.append((start, end))
            found.append(
                DateExpression(
                    text=text[start:end],
                    start=start + offset,
                    end=end + offset,
                    kind=kind,
                    pattern=name,
                )
            )
    found.sort(key=lambda e: e.start)
    return found


def _is_duration(text: str, start: int, end: int) -> bool:
    """ "four-day visit" or "a two-week tour" is a duration; "four day" alone is not."""
    return "-" in text[start:end] or text[start:end].lower().startswith(("a ", "an "))


def _number(word: str) -> int:
    word = word.lower().strip()
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(word, 1)


def _month_of(word: str) -> int:
    return _MONTHS[word.lower().rstrip(".")]


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _nearest_year(month: int, day: int | None, anchor: dt.date) -> int:
    """The year that puts month/day nearest the anchor, preferring the past two to one.

    News mostly reports what happened: "December 10" in a January brief is last December.
    """
    best_year, best_cost = anchor.year, float("inf")
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        d = min(day or 15, _days_in(year, month))
        delta = (dt.date(year, month, d) - anchor).days
        cost = abs(delta) * (2.0 if delta > 0 else 1.0)
        if cost < best_cost:
            best_year, best_cost = year, cost
    return best_year


def _date(start: dt.date, end: dt.date, precision: DatePrecision, rule: str) -> EventDate:
    return EventDate(start=start, end=end, precision=precision, rule=rule)


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, _days_in(year, month))


def _unit_delta(unit: str, n: int) -> relativedelta:
    unit = unit.rstrip("s")
    return relativedelta(**{unit + "s": n})


def resolve_date(
    expression: DateExpression | str, *, anchor: dt.date, prefer_future: bool = False
) -> EventDate | None:
    """The date or range an expression names, read against ``anchor`` (the document date).

    ``prefer_future`` resolves a bare weekday forward ("will meet on Monday").
    Returns None for durations and for text that names no date.
    """
    if isinstance(expression, str):
        found = find_date_expressions(expression)
        if not found:
            return _fallback(expression, anchor=anchor)
        expression = found[0]
    result = _resolve(expression, anchor, prefer_future)
    if result is None:
        return None
    return EventDate(
        start=result.start,
        end=result.end,
        precision=result.precision,
        rule=result.rule,
        text=expression.text,
        span=(expression.start, expression.end),
    )


_FALLBACK_GATE = re.compile(r"\d{1,4}[./]\d{1,2}[./]\d{2,4}")


def _fallback(text: str, *, anchor: dt.date) -> EventDate | None:
    """dateparser for numeric forms our patterns leave (22.10.1998); gated as it is slow."""
    if not _FALLBACK_GATE.search(text):
        return None
    import dateparser  # noqa: PLC0415 - slow import, only needed here

    anchor_dt = dt.datetime(anchor.year, anchor.month, anchor.day)
    settings: Any = {"RELATIVE_BASE": anchor_dt, "PREFER_DATES_FROM": "past"}
    parsed = dateparser.parse(text, settings=settings)
    if parsed is None:
        return None
    day = parsed.date()
    return EventDate(day, day, DatePrecision.DAY, "explicit:dateparser", text=text)


def _resolve(expr: DateExpression, anchor: dt.date, prefer_future: bool) -> EventDate | None:
    text = expr.text
    low = text.lower()
    name = expr.pattern
    day_p, month_p, year_p, range_p = (
        DatePrecision.DAY,
        DatePrecision.MONTH,
        DatePrecision.YEAR,
        DatePrecision.RANGE,
    )
    if name == "duration":
        return None
    if name == "iso":
        d = dt.date.fromisoformat(text)
        return _date(d, d, day_p, "explicit:iso")
    months = [m.group(0) for m in re.finditer(_MONTH_RE, text)]
    years = [int(y) for y in re.findall(_YEAR_RE, text)]
    days = [int(d) for d in re.findall(r"(?<![\d])(\d{1,2})(?:st|nd|rd|th)?(?!\d)", text)]
    if name in ("month-day-year", "day-month-year", "month-day", "day-month"):
        month = _month_of(months[0])
        year = years[0] if years else _nearest_year(month, days[0], anchor)
        try:
            d = dt.date(year, month, days[0])
        except ValueError:
            return None
        rule = "explicit:full-date" if years else "explicit:month-day"
        return _date(d, d, day_p, rule)
    if name in ("month-year", "in-month"):
        month = _month_of(months[0])
        year = years[0] if years else _nearest_year(month, None, anchor)
        start, end = _month_range(year, month)
        return _date(start, end, month_p, "explicit:month")
    if name in ("part-month-year", "part-month"):
        month = _month_of(months[0])
        year = years[0] if years else _nearest_year(month, None, anchor)
        start, end = _month_range(year, month)
        return _date(start, end, month_p, "vague:part-of-month")
    if name == "part-year":
        year = years[0]
        return _date(dt.date(year, 1, 1), dt.date(year, 12, 31), year_p, "vague:part-of-year")
    if name == "year":
        year = years[0]
        return _date(dt.date(year, 1, 1), dt.date(year, 12, 31), year_p, "explicit:year")
    if name == "yesterday":
        shift = {"yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "tomorrow": 1}[low]
        d = anchor + dt.timedelta(days=shift)
        return _date(d, d, day_p, f"relative:{low.replace(' ', '-')}")
    if name == "this-part-of-day":
        return _date(anchor, anchor, day_p, "relative:today")
    if name == "day-before-after":
        shift = -2 if "before" in low else 2
        d = anchor + dt.timedelta(days=shift)
        return _date(
            d,
            d,
            day_p,
            "relative:" + ("day-before-yesterday" if shift < 0 else "day-after-tomorrow"),
        )  # noqa: E501
    if name == "weekday":
        return _weekday(low, anchor, prefer_future)
    if name == "weekend":
        saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
        if "next" in low or (prefer_future and "last" not in low):
            saturday = anchor + dt.timedelta(days=(5 - anchor.weekday()) % 7 or 7)
        return _date(saturday, saturday + dt.timedelta(days=1), range_p, "relative:weekend")
    if name == "ago":
        n_word, unit = re.match(rf"(?i)({_NUM_RE}) ({_UNIT_RE})", text).groups()  # type: ignore[union-attr]
        n = _number(n_word)
        d = anchor - _unit_delta(unit.lower(), n)
        unit = unit.lower().rstrip("s")
        if unit == "day":
            return _date(d, d, day_p, "relative:ago")
        if unit == "week":
            return _date(
                d - dt.timedelta(days=3), d + dt.timedelta(days=3), range_p, "relative:ago"
            )
        if unit == "month":
            start, end = _month_range(d.year, d.month)
            return _date(start, end, month_p, "relative:ago")
        return _date(dt.date(d.year, 1, 1), dt.date(d.year, 12, 31), year_p, "relative:ago")
    if name == "last-next-unit":
        return _last_next(low, anchor)
    if name == "earlier-later-this":
        unit = low.split()[-1]
        start, end = _unit_bounds(unit, anchor)
        if low.startswith("earlier"):
            return _date(start, anchor, range_p, f"relative:earlier-this-{unit}")
        return _date(anchor, end, range_p, f"relative:later-this-{unit}")
    if name in ("forward", "in-the-coming"):
        m = re.search(rf"(?i)(?:({_NUM_RE}) )?({_UNIT_RE})$", text)
        assert m is not None
        n = _number(m.group(1)) if m.group(1) else (2 if m.group(2).endswith("s") else 1)
        end = anchor + _unit_delta(m.group(2).lower(), n)
        return _date(anchor, end, range_p, "forward:within")
    if name == "backward":
        m = re.search(rf"(?i)(?:({_NUM_RE}) )?({_UNIT_RE})$", text)
        assert m is not None
        n = _number(m.group(1)) if m.group(1) else (2 if m.group(2).endswith("s") else 1)
        start = anchor - _unit_delta(m.group(2).lower(), n)
        return _date(start, anchor, range_p, "relative:past")
    if name == "season":
        which, season = low.split()
        first, last = _SEASONS[season]
        year = anchor.year + {"last": -1, "this": 0, "next": 1}[which]
        start_year = year - 1 if season == "winter" else year
        start = dt.date(start_year, first, 1)
        end = dt.date(year if season != "winter" else start_year + 1, last, 1)
        end = dt.date(end.year, end.month, _days_in(end.year, end.month))
        return _date(start, end, range_p, f"relative:{which}-season")
    if name == "last-next-month":
        which = low.split()[0]
        month = _month_of(months[0])
        if which == "last":
            year = anchor.year if month < anchor.month else anchor.year - 1
        elif which == "next":
            year = anchor.year if month > anchor.month else anchor.year + 1
        else:
            year = anchor.year
        start, end = _month_range(year, month)
        return _date(start, end, month_p, f"relative:{which}-month")
    logger.debug("no resolver for date pattern %s (%r)", name, text)
    return None


def _unit_bounds(unit: str, anchor: dt.date) -> tuple[dt.date, dt.date]:
    if unit == "week":
        monday = anchor - dt.timedelta(days=anchor.weekday())
        return monday, monday + dt.timedelta(days=6)
    if unit == "month":
        return _month_range(anchor.year, anchor.month)
    return dt.date(anchor.year, 1, 1), dt.date(anchor.year, 12, 31)


def _last_next(low: str, anchor: dt.date) -> EventDate:
    which, unit = low.split()
    shift = {"last": -1, "past": -1, "this": 0, "next": 1}[which]
    moved = anchor + _unit_delta(unit, shift)
    start, end = _unit_bounds(unit, moved)
    precision = {
        "week": DatePrecision.RANGE,
        "month": DatePrecision.MONTH,
        "year": DatePrecision.YEAR,
    }[unit]
    return _date(start, end, precision, f"relative:{which}-{unit}")


def _weekday(low: str, anchor: dt.date, prefer_future: bool) -> EventDate:
    words = low.split()
    target = _WEEKDAYS[words[-1]]
    qualifier = words[0] if len(words) > 1 else ""
    back = (anchor.weekday() - target) % 7
    forward = (target - anchor.weekday()) % 7
    if qualifier == "last":
        d = anchor - dt.timedelta(days=back or 7)
    elif qualifier == "next":
        d = anchor + dt.timedelta(days=forward or 7)
    elif qualifier in ("by", "until") or prefer_future:
        d = anchor + dt.timedelta(days=forward)
    else:
        d = anchor - dt.timedelta(days=back)
    return _date(d, d, DatePrecision.DAY, f"relative:{qualifier + '-' if qualifier else ''}weekday")


# ---------------------------------------------------------------- attaching a date to an event

_FUTURE_CUES = {"will", "shall", "'ll", "expected", "scheduled", "due", "plans", "planned"}


def _token_at(sentence: Any, char: int) -> Any | None:
    for token in sentence:
        if token.idx <= char < token.idx + len(token.text):
            return token
    return None


def _tokens_in(sentence: Any, start: int, end: int) -> list[Any]:
    return [t for t in sentence if start <= t.idx < end]


def _root_of(tokens: Sequence[Any]) -> Any | None:
    """The token of a phrase whose head lies outside it (the phrase's syntactic head)."""
    ids = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in ids or token.head.i == token.i:
            return token
    return tokens[0] if tokens else None


def _ancestors(token: Any) -> list[Any]:
    chain = []
    seen = {token.i}
    while token.head.i != token.i and token.head.i not in seen:
        token = token.head
        seen.add(token.i)
        chain.append(token)
    return chain


def _governor(token: Any) -> Any | None:
    """The first verb-like ancestor of a token: the clause a date phrase modifies."""
    for anc in _ancestors(token):
        if getattr(anc, "pos_", "") in ("VERB", "AUX"):
            return anc
    return None


def _attachment(expr_root: Any, trigger: Any) -> str | None:
    """How a date phrase hangs off the trigger: ``dependency``, ``clause``, ``blocked``
    (it modifies a clause below the trigger: "said deals will be signed next month") or None.
    """
    ancestors = _ancestors(expr_root)
    ancestor_ids = [a.i for a in ancestors]
    if trigger.i in ancestor_ids:
        # Accept only if no other verb stands between the phrase and the trigger.
        for anc in ancestors:
            if anc.i == trigger.i:
                return "dependency"
            if getattr(anc, "pos_", "") == "VERB" and anc.dep_ not in ("xcomp", "aux"):
                return "blocked"  # the phrase dates a clause inside the trigger's
    governor = _governor(expr_root)
    if governor is None:
        return None
    trigger_chain = [trigger, *_ancestors(trigger)]
    # The trigger is a noun or an xcomp inside the clause the phrase modifies
    # ("held talks yesterday", "is expected to meet tomorrow").
    for anc in trigger_chain[1:]:
        if anc.i == governor.i:
            conjoined = trigger.dep_ == "conj" and trigger.head.i == anc.i
            return "clause" if conjoined else "dependency"
        if getattr(anc, "pos_", "") == "VERB" and anc.dep_ not in ("xcomp",):
            break
    # A conjoined verb shares its first conjunct's date ("held talks yesterday, delivered...").
    if trigger.dep_ == "conj" and trigger.head.i == governor.i:
        return "clause"
    return None


def _belongs_elsewhere(root: Any, trigger: Any) -> bool:
    """A date that hangs from another verb dates that verb's event, not this one:
    "held talks with X and is expected to meet Y tomorrow"."""
    verb = next((a for a in _ancestors(root) if getattr(a, "pos_", "") in ("VERB", "AUX")), None)
    if verb is None:
        return False
    own = {trigger.i, *(a.i for a in _ancestors(trigger))}
    return verb.i not in own


def _in_citation(document: Document, start: int, end: int) -> bool:
    return any(c.start <= start and end <= c.end for c in document.citations)


def _future_hint(trigger: Any) -> bool:
    chain: Iterable[Any] = [trigger, *_ancestors(trigger)[:2]]
    for token in chain:
        for child in getattr(token, "children", ()):
            if child.text.lower() in _FUTURE_CUES:
                return True
        if token.text.lower() in _FUTURE_CUES:
            return True
    return False


def _apply_duration(base: EventDate, duration: DateExpression) -> EventDate:
    m = re.match(rf"(?i)(?:a |an )?({_NUM_RE})[- ](day|week|month)", duration.text)
    if m is None:
        return base
    n = _number(m.group(1))
    unit = m.group(2).lower()
    end = base.start + _unit_delta(unit, n) - dt.timedelta(days=1)
    return EventDate(
        start=base.start,
        end=end,
        precision=DatePrecision.RANGE,
        rule=f"{base.rule}+span:{n}-{unit}",
        text=f"{duration.text} … {base.text}" if base.text else duration.text,
        span=base.span,
    )


def _duration_attached(root: Any, trigger: Any) -> bool:
    """ "a four-day visit": the duration modifies the trigger or its object noun."""
    chain = _ancestors(root)[:3]
    ids = [t.i for t in chain]
    if trigger.i in ids:
        return True
    return (
        bool(chain)
        and trigger.i in [a.i for a in _ancestors(chain[0])[:2]]
        and chain[0].dep_ in ("dobj", "pobj", "nsubj", "attr")
    )  # noqa: E501


def date_event(
    *, sentence: Any, trigger_span: tuple[int, int], document: Document
) -> EventDate | None:
    """When the event at ``trigger_span`` happened: an attached date, the citation, or the
    document date, in that order, with the rule that decided."""
    trigger_start = trigger_span[0]
    citation = document.citation_at(trigger_start)
    doc_date = document.date or (citation.date if citation else None)
    base_rule_date: EventDate | None = None
    trigger = _token_at(sentence, trigger_start)
    expressions = [
        e
        for e in find_date_expressions(sentence.text, offset=sentence.start_char)
        if not _in_citation(document, e.start, e.end)
    ]
    dates = [e for e in expressions if e.kind != "duration"]
    durations = [e for e in expressions if e.kind == "duration"]
    if doc_date is not None and trigger is not None and dates:
        prefer_future = _future_hint(trigger)
        ranked: list[tuple[int, int, DateExpression, str]] = []
        for expr in dates:
            tokens = _tokens_in(sentence, expr.start, expr.end)
            root = _root_of(tokens)
            how = _attachment(root, trigger) if root is not None else None
            if how == "blocked":
                continue
            if how is None and root is not None and _belongs_elsewhere(root, trigger):
                continue
            distance = min(abs(expr.start - trigger_span[1]), abs(trigger_start - expr.end))
            rank = {"dependency": 0, "clause": 1}.get(how or "", 2)
            ranked.append((rank, distance, expr, how or "nearest"))
        ranked.sort(key=lambda r: (r[0], r[1]))
        for _, _, expr, how in ranked:
            resolved = resolve_date(expr, anchor=doc_date, prefer_future=prefer_future)
            if resolved is None:
                continue
            kind, _, detail = resolved.rule.partition(":")
            base_rule_date = EventDate(
                start=resolved.start,
                end=resolved.end,
                precision=resolved.precision,
                rule=f"{kind}:{how}/{detail}",
                text=resolved.text,
                span=resolved.span,
            )
            break
    if base_rule_date is None:
        if citation is not None and citation.date is not None:
            d = citation.date
            base_rule_date = EventDate(
                d,
                d,
                DatePrecision.DAY,
                "citation",
                text=citation.text,
                span=(citation.start, citation.end),
            )
        elif document.date is not None:
            d = document.date
            base_rule_date = EventDate(d, d, DatePrecision.DAY, "document-date")
        else:
            return None
    if trigger is not None and base_rule_date.precision == DatePrecision.DAY:
        for duration in durations:
            root = _root_of(_tokens_in(sentence, duration.start, duration.end))
            if root is not None and _duration_attached(root, trigger):
                return _apply_duration(base_rule_date, duration)
    return base_rule_date
