"""Date expressions in news text, resolved against the article's date.

News about drills dates them in every way at once: absolutely ("From
February 1 to 12"), relative to the day the article was written ("Today",
"on Monday", "last weekend", "In July", "earlier this year"), relative to
some other event ("a week before the centenary") and by duration ("for more
than ten days", "a two-day exercise").  :func:`find_dates` finds them all and
resolves what can be resolved, keeping a precision like ACLED's
``time_precision``:

* ``"day"``: ``start_date``/``end_date`` are ``YYYY-MM-DD``;
* ``"month"``: ``YYYY-MM``;
* ``"year"``: ``YYYY``;
* ``"unresolved"``: the text is a date but the calendar date is not known
  (no article date to count from, an anchor event with no date, an
  impossible date such as "February 30").  Nothing is guessed.

Durations are :class:`Duration` objects, kept apart because they say how
long, not when.

Why not ``dateutil.parser``: its fuzzy mode fills missing fields from a
default date, i.e. it guesses exactly where we must say "unresolved", and it
knows nothing about "last weekend" or "a week before".  Plain regular
expressions and :mod:`datetime` are enough and keep the rules visible.

Examples
--------
>>> import datetime as dt
>>> [(d.text, d.start_date, d.end_date, d.precision)
...  for d in find_dates("From February 1 to 12, tanks will take part.", ref_date=dt.date(2021, 1, 18))]
[('From February 1 to 12', '2021-02-01', '2021-02-12', 'day')]
>>> d, = find_dates("In July, they carried out the drill.")
>>> d.precision, d.note
('unresolved', 'no article date to resolve the year from')
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass

from .lexicon import MONTH_NAMES, MONTHS, NUMBER_WORDS, WEEKDAYS
from .normalize import caseless

__all__ = ["DateExpr", "Duration", "find_dates", "find_durations", "PRECISIONS", "MIN_YEAR", "MAX_YEAR"]

#: The precisions a :class:`DateExpr` can have, finest first.
PRECISIONS = ("day", "month", "year", "unresolved")

#: The calendar years a date may resolve to.  News about today's armed forces
#: has no business outside them, and a reference date outside them (a
#: ``0001-01-03`` header) is a broken header, not a date to count from:
#: anything that would land outside is ``"unresolved"``, never an error.
MIN_YEAR, MAX_YEAR = 1900, 2100


@dataclass(frozen=True, slots=True)
class DateExpr:
    """A date expression found in text.

    Attributes
    ----------
    start, end : int
        Offsets into the text searched (``text == source[start:end]``).
    text : str
    kind : str
        ``"absolute"`` (a calendar date, perhaps without its year),
        ``"relative"`` (counted from the article's date) or ``"anchored"``
        (counted from another event: "a week before the centenary").
    start_date, end_date : str or None
        ISO strings at the given precision; ``end_date`` is None for a point.
    precision : str
        One of :data:`PRECISIONS`.
    note : str or None
        Why the expression is unresolved, where it is.
    month : int or None
        The (first) calendar month the text names, even when the year is
        unknown: "In July" in an undated article still contradicts a
        February date given elsewhere.
    """

    start: int
    end: int
    text: str
    kind: str
    start_date: str | None
    end_date: str | None
    precision: str
    note: str | None = None
    month: int | None = None

    @property
    def resolved(self) -> bool:
        return self.precision != "unresolved"

    def bounds(self) -> tuple[dt.date, dt.date] | None:
        """First and last calendar day the expression can mean, or None.

        Examples
        --------
        >>> DateExpr(0, 4, "July", "absolute", "2020-07", None, "month").bounds()
        (datetime.date(2020, 7, 1), datetime.date(2020, 7, 31))
        """
        if not self.resolved or self.start_date is None:
            return None
        first = iso_bounds(self.start_date)[0]
        last = iso_bounds(self.end_date or self.start_date)[1]
        return first, last


@dataclass(frozen=True, slots=True)
class Duration:
    """How long something lasts: "for more than ten days", "a two-day exercise".

    ``days`` is the stated length; ``bound`` says whether it is ``"exact"``,
    a ``"min"`` ("more than", "at least") or a ``"max"`` ("up to").
    """

    start: int
    end: int
    text: str
    days: int
    bound: str


def iso_bounds(iso: str) -> tuple[dt.date, dt.date]:
    """First and last day of an ISO date, month (``YYYY-MM``) or year (``YYYY``).

    Examples
    --------
    >>> iso_bounds("2020-02")
    (datetime.date(2020, 2, 1), datetime.date(2020, 2, 29))
    """
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day
    if len(parts) == 2:
        year, month = parts
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


# --------------------------------------------------------------------------
# vocabulary

_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}

# Month names, with the abbreviations newswires use ("Sept. 27", "Nov. 10"), from the shared lexicon.
# Only capitalised: lower-case "may" and "march" are a verb and a noun.
_MONTH = ("(?-i:" + "|".join(n for n in MONTH_NAMES if n != "May")
          + "|(?:" + "|".join(sorted((k.capitalize() for k in MONTHS if k.capitalize() not in MONTH_NAMES),
                                     key=lambda k: (-len(k), k))) + r")\.?|May)")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DASH = r"\s*(?:-|–|—|to|until|till|through)\s*"
_NUM_WORD = r"(?:\d+|" + "|".join(sorted((k for k in NUMBER_WORDS if " " not in k), key=lambda k: (-len(k), k))) + r")"

_FLAGS = re.IGNORECASE

# Ordered: the first pattern to claim a span wins, so longer forms come first.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # From February 1 to 12(, 2021) / February 1-12 / between February 1 and 12
    ("md_range", re.compile(
        rf"\b(?:(?:from|between)\s+)?(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?:,?\s+(?P<y1>{_YEAR}))?"
        rf"(?:{_DASH}|\s+and\s+)(?:(?P<m2>{_MONTH})\s+)?(?P<d2>{_DAY})\b(?:,?\s+(?P<y2>{_YEAR}))?",
        _FLAGS)),
    # from 1 to 12 February(, 2021) / 1-12 February
    ("dm_range", re.compile(
        rf"\b(?:(?:from|between)\s+)?(?P<d1>{_DAY})(?:\s+(?P<m1>{_MONTH}))?"
        rf"(?:{_DASH}|\s+and\s+)(?P<d2>{_DAY})\s+(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR}))?\b",
        _FLAGS)),
    # July-August 2020 / between April and May / from April to May 2023
    ("mm_range", re.compile(
        rf"\b(?:(?:from|between)\s+)?(?P<m1>{_MONTH})(?:\s+(?P<y1>{_YEAR}))?"
        rf"(?:{_DASH}|\s+and\s+)(?P<m2>{_MONTH})\b(?:,?\s+(?P<y2>{_YEAR}))?",
        _FLAGS)),
    # February 1(, 2021) / Sept. 27, 2020
    ("md", re.compile(rf"\b(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})\b(?:,?\s+(?P<y1>{_YEAR})\b)?", _FLAGS)),
    # 5 December(, 2022)
    ("dm", re.compile(rf"\b(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{_MONTH})\b(?:,?\s+(?P<y1>{_YEAR})\b)?", _FLAGS)),
    # August 2020
    ("my", re.compile(rf"\b(?P<m1>{_MONTH})\s+(?P<y1>{_YEAR})\b", _FLAGS)),
    # in July / In August / since March
    ("m", re.compile(rf"\b(?P<prep>(?:in|since|during|until|by|early|mid|late)\s+|mid-)(?P<m1>{_MONTH})\b", _FLAGS)),
    # in 2009 / since 2020 (a bare year elsewhere is too often part of a name: "Winter 2021")
    ("y", re.compile(rf"\b(?:in|since|during|until|by|from|of|year)\s+(?P<y1>{_YEAR})\b", _FLAGS)),
    # anchored: a week before X / almost five months after X / a month and a half after X
    ("anchored", re.compile(
        rf"\b(?:(?:almost|nearly|about|around|some|just|only|over|more\s+than)\s+)?"
        rf"(?P<n>{_NUM_WORD})\s+(?P<unit>day|week|fortnight|month|year)s?(?:\s+and\s+a\s+half)?"
        rf"\s+(?P<dir>before|after|since|prior\s+to|following)\b", _FLAGS)),
    # N days ago / a few days ago
    ("ago", re.compile(
        rf"\b(?P<n>{_NUM_WORD}|a\s+few|several|a\s+couple\s+of)\s+(?P<unit>day|week|month|year)s?\s+ago\b",
        _FLAGS)),
    ("weekend", re.compile(r"\b(?P<which>last|this|next|the\s+past|over\s+the)\s+weekend\b", _FLAGS)),
    ("week", re.compile(r"\b(?:earlier\s+|later\s+)?(?P<which>last|this|next|the\s+past)\s+week\b", _FLAGS)),
    ("month_rel", re.compile(r"\b(?:earlier\s+|later\s+)?(?P<which>last|this|next|the\s+past)\s+month\b", _FLAGS)),
    ("year_rel", re.compile(
        r"\b(?:(?P<mod>earlier|later|early|late)\s+)?(?P<which>last|this|next|the\s+past)\s+year\b", _FLAGS)),
    ("day_rel", re.compile(r"\b(?P<word>today|yesterday|tomorrow|tonight)\b", _FLAGS)),
    # in the coming days / over the next few weeks / in recent days / over the past two weeks: a span
    # next to the article's day, as precise as the calendar it falls in (a month, else a year)
    ("span_rel", re.compile(
        rf"\b(?P<which>the\s+coming|the\s+next|the\s+following|recent|the\s+past|the\s+last)\s+"
        rf"(?:(?P<n>few|several|couple\s+of|{_NUM_WORD})\s+)?(?P<unit>day|week)s\b"
        # "the last three weeks of March" are part of a month, not next to the article's day
        rf"(?!\s+(?:of|in|before|after)\b)", _FLAGS)),
    # on Monday / last Monday / Monday's drills / announced Monday
    ("weekday", re.compile(
        r"\b(?:(?P<which>on|last|this|next|past|until|till)\s+)?(?P<wd>(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
        r"(?:['’]s)?\b", _FLAGS)),
]

# Every pattern above needs one of these (a digit, a month, a weekday, a unit of time or a day word).
_ANY_DATE_WORD = re.compile(
    # (the look-ahead for the words' first letters skips most word starts without trying each word)
    r"\d|\b(?=[adfjmnostwy])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|"
    r"tonight|yesterday|tomorrow|week|fortnight|month|year|day)", _FLAGS)

# What each pattern cannot match without, tested before it is run (most sentences name no month,
# no weekday and no "ago"): a month name for the calendar forms, else one of these words.
_A_MONTH = re.compile(_MONTH)
_MONTH_KINDS = frozenset({"md_range", "dm_range", "mm_range", "md", "dm", "my", "m"})
_NEEDS = {
    "y": ("1", "2"),  # (a year: 18xx, 19xx, 20xx)
    "anchored": ("before", "after", "since", "prior", "following"),
    "ago": ("ago",),
    "weekend": ("weekend",),
    "week": ("week",),
    "month_rel": ("month",),
    "year_rel": ("year",),
    "day_rel": ("today", "yesterday", "tomorrow", "tonight"),
    "span_rel": ("days", "weeks"),
    "weekday": ("day",),  # (Monday ... Sunday)
}


def _may_match(kind: str, words: str, has_month: bool) -> bool:
    """Whether pattern ``kind`` can match the text whose :func:`~geodrills.normalize.caseless` form is ``words``."""
    if kind in _MONTH_KINDS:
        return has_month
    return any(w in words for w in _NEEDS[kind])


# A text that tells of the past: "lasted until Thursday" is the Thursday before.
_PAST_TELLING = re.compile(r"\b(?:was|were|had|lasted|ended|continued|ran|went\s+on)\b", _FLAGS)

# A sentence that talks about the future ("will", "is to", "planned") makes
# "on Monday" mean the next Monday; otherwise news reports the past.
_FUTURE = re.compile(r"\b(?:will|shall|is\s+to|are\s+to|going\s+to|plans?\s+to|planned|scheduled|upcoming|next|"
                     r"due\s+to|set\s+to|to\s+be\s+held|"
                     # headlines: "Latvia to host Amber Falcon drills in May"
                     r"to\s+(?:host|hold|stage|conduct|launch|begin|start|kick\s+off))\b",
                     _FLAGS)

# The present of a scheduling verb tells of a timetable ("the drills start on Monday", "the
# exercise ends on Friday"), unless the sentence also tells of the past ("was", "lasted").
# ("end", "open" and "close" only with -s: bare, they are nouns and adjectives, "came to an end")
_SCHEDULED = re.compile(r"\b(?:starts?|begins?|opens|kicks?\s+off|gets?\s+under\s*way|ends|concludes?|closes|"
                        r"wraps?\s+up|runs?\s+(?:until|till|through))\b", _FLAGS)


def _number(word: str) -> int | None:
    word = re.sub(r"\s+", " ", word.strip().lower())
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _day(word: str) -> int:
    return int(re.match(r"\d+", word).group())


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _closest_year(month: int, day: int, ref: dt.date) -> int:
    """The year that puts month/day nearest the article's date.

    News dates without a year are within a few months of publication; when
    two years are equally near, the past one wins (reports look back more
    than forward).
    """
    best = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        last = calendar.monthrange(year, month)[1]
        candidate = dt.date(year, month, min(day, last))
        gap = abs((candidate - ref).days)
        key = (gap, candidate > ref)
        if best is None or key < best[0]:
            best = (key, year)
    return best[1]


def _month_year(month: int, ref: dt.date, future: bool) -> int:
    # "In July" in a past-tense sentence: the latest July not after the article.
    if future:
        return ref.year if month >= ref.month else ref.year + 1
    return ref.year if month <= ref.month else ref.year - 1


def _in_range(iso: str | None) -> bool:
    return iso is None or MIN_YEAR <= int(iso[:4]) <= MAX_YEAR


class _Unresolved(Exception):
    def __init__(self, note: str) -> None:
        super().__init__(note)
        self.note = note


def _checked_date(year: int, month: int, day: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise _Unresolved(f"impossible date {text.strip()!r}") from None


def _resolve(kind: str, m: re.Match[str], ref: dt.date | None, future: bool,
             ref_year: int | None = None) -> tuple[str, str | None, str | None, str]:
    """(kind, start_date, end_date, precision) for one match; raises _Unresolved."""
    g = m.groupdict()
    text = m.group()
    no_ref = "no article date to resolve the year from"

    if kind in ("md_range", "dm_range"):
        m1 = _month(g["m1"] or g["m2"])
        m2 = _month(g["m2"]) if g.get("m2") else m1
        d1, d2 = _day(g["d1"]), _day(g["d2"])
        y2 = g.get("y2")
        y1 = g.get("y1") or y2
        if y1 is None:
            if ref is None:
                # Still check the calendar: "February 30" is wrong in any year.
                _checked_date(2000, m1, d1, text)
                _checked_date(2000, m2, d2, text)
                if ref_year is None:
                    raise _Unresolved(no_ref)
            year = _closest_year(m1, d1, ref) if ref is not None else ref_year
            y1, y2 = year, year + (1 if m2 < m1 else 0)
        y1, y2 = int(y1), int(y2 or y1)
        start = _checked_date(y1, m1, d1, text)
        end = _checked_date(y2, m2, d2, text)
        if end < start:
            raise _Unresolved(f"range ends before it starts: {text.strip()!r}")
        return "absolute", start.isoformat(), end.isoformat(), "day"

    if kind == "mm_range":
        m1, m2 = _month(g["m1"]), _month(g["m2"])
        y2 = g.get("y2")
        y1 = g.get("y1") or y2
        if y1 is None:
            if ref is None and ref_year is None:
                raise _Unresolved(no_ref)
            y2 = _month_year(m2, ref, future) if ref is not None else ref_year + (1 if m1 > m2 else 0)
            y1 = y2 - (1 if m1 > m2 else 0)
        y1, y2 = int(y1), int(y2 or y1)
        if (y2, m2) < (y1, m1):
            raise _Unresolved(f"range ends before it starts: {text.strip()!r}")
        return "absolute", _iso(y1, m1), _iso(y2, m2), "month"

    if kind in ("md", "dm"):
        mo, d = _month(g["m1"]), _day(g["d1"])
        y = g.get("y1")
        if y is None:
            _checked_date(2000, mo, d, text)
            if ref is None and ref_year is None:
                raise _Unresolved(no_ref)
            y = _closest_year(mo, d, ref) if ref is not None else ref_year
        return "absolute", _checked_date(int(y), mo, d, text).isoformat(), None, "day"

    if kind == "my":
        return "absolute", _iso(int(g["y1"]), _month(g["m1"])), None, "month"

    if kind == "m":
        mo = _month(g["m1"])
        if ref is None and ref_year is None:
            raise _Unresolved(no_ref)
        return "absolute", _iso(_month_year(mo, ref, future) if ref is not None else ref_year, mo), None, "month"

    if kind == "y":
        return "absolute", g["y1"], None, "year"

    if kind == "anchored":
        raise _Unresolved("counted from another event, whose date the text does not give")

    if ref is None and ref_year is not None and kind == "year_rel" and not g.get("mod"):
        # "this year's exercise" in an article about 2022: the year, and only the year
        offset = {"last": -1, "the past": -1, "next": 1}.get((g.get("which") or "").lower(), 0)
        return "relative", _iso(ref_year + offset), None, "year"
    if ref is None:
        raise _Unresolved("relative to the article's date, which is unknown")

    if kind == "ago":
        n = _number(g["n"])
        if n is None:
            raise _Unresolved(f"vague interval {g['n']!r}")
        if n > 366 * (MAX_YEAR - MIN_YEAR):
            raise _Unresolved(f"outside the years {MIN_YEAR}-{MAX_YEAR}")
        unit = g["unit"].lower()
        if unit == "day":
            return "relative", (ref - dt.timedelta(days=n)).isoformat(), None, "day"
        if unit == "week":
            day = ref - dt.timedelta(weeks=n)
            monday = day - dt.timedelta(days=day.weekday())
            return "relative", monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), "day"
        if unit == "month":
            total = ref.year * 12 + ref.month - 1 - n
            return "relative", _iso(total // 12, total % 12 + 1), None, "month"
        return "relative", _iso(ref.year - n), None, "year"

    which = (g.get("which") or "").lower()
    which = "last" if which in ("the past", "past") else which
    if kind == "weekend":
        this_saturday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=5)
        if which == "last":
            saturday = this_saturday - dt.timedelta(days=7)
        elif which == "next":
            saturday = this_saturday + dt.timedelta(days=7)
        elif which == "over the" and not future and ref.weekday() < 5:
            saturday = this_saturday - dt.timedelta(days=7)  # "troops arrived over the weekend"
        else:
            saturday = this_saturday
        return "relative", saturday.isoformat(), (saturday + dt.timedelta(days=1)).isoformat(), "day"
    if kind == "week":
        monday = ref - dt.timedelta(days=ref.weekday())
        monday += dt.timedelta(weeks={"last": -1, "next": 1}.get(which, 0))
        return "relative", monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), "day"
    if kind == "month_rel":
        total = ref.year * 12 + ref.month - 1 + {"last": -1, "next": 1}.get(which, 0)
        return "relative", _iso(total // 12, total % 12 + 1), None, "month"
    if kind == "year_rel":
        return "relative", _iso(ref.year + {"last": -1, "next": 1}.get(which, 0)), None, "year"
    if kind == "span_rel":
        return _span_near(ref, g)
    if kind == "day_rel":
        offset = {"yesterday": -1, "tomorrow": 1}.get(g["word"].lower(), 0)
        return "relative", (ref + dt.timedelta(days=offset)).isoformat(), None, "day"
    if kind == "weekday":
        wd = WEEKDAYS[g["wd"].lower()]
        # "hosts the drills until Thursday": the coming Thursday, unless the text tells of the past
        # ("the drills lasted until Thursday")
        onward = which in ("until", "till") and (future or not _PAST_TELLING.search(m.string))
        if which == "next" or (which in ("", "on", "this") and future) or onward:
            day = ref + dt.timedelta(days=(wd - ref.weekday()) % 7)
            if which == "next" and day == ref:
                day += dt.timedelta(days=7)
        else:
            day = ref - dt.timedelta(days=(ref.weekday() - wd) % 7)
            if which in ("last", "past") and day == ref:
                day -= dt.timedelta(days=7)
        return "relative", day.isoformat(), None, "day"
    raise AssertionError(kind)  # pragma: no cover


#: How far "the coming days" and "recent weeks" reach from the article's day, in days per unit, when
#: the text gives no count ("the coming days": up to a week; "recent weeks": up to four).
SPAN_DAYS = {"day": 7, "week": 28}


def _span_near(ref: dt.date, g: dict) -> tuple[str, str | None, str | None, str]:
    """"the coming days" after ``ref`` / "recent weeks" before it: the month or the months the span
    falls in -- never a day, which the text does not give."""
    unit = g["unit"].lower()
    n = _number(g["n"]) if g.get("n") else None  # "few", "several": no count
    reach = n * _UNIT_DAYS[unit] if n else SPAN_DAYS[unit]
    if reach > 366:
        raise _Unresolved(f"a span of {reach} days is too long to place")
    forward = g["which"].lower().split()[-1] in ("coming", "next", "following")
    first, last = (ref + dt.timedelta(days=1), ref + dt.timedelta(days=reach)) if forward else \
        (ref - dt.timedelta(days=reach), ref - dt.timedelta(days=1))
    if (first.year, first.month) == (last.year, last.month):
        return "relative", _iso(first.year, first.month), None, "month"
    # the months it spans ("the coming weeks" on 29 November: November to December)
    return "relative", _iso(first.year, first.month), _iso(last.year, last.month), "month"


def find_dates(text: str, *, ref_date: dt.date | None = None, future: bool | None = None,
               ref_year: int | None = None) -> list[DateExpr]:
    """Find and resolve the date expressions in ``text``.

    Parameters
    ----------
    text : str
        Usually one sentence (tense is read from it).
    ref_date : datetime.date, optional
        The article's date; relative expressions and years left out are
        resolved against it.  Without it they are ``"unresolved"``.
    future : bool, optional
        Whether the text speaks of the future (then "on Monday" is the next
        Monday).  By default read from the text ("will", "planned", ...).
    ref_year : int, optional
        Without ``ref_date``: the year the text is about (from the text
        itself, or from an exercise's name: "African Lion 2022").  Calendar
        dates without a year ("June 20", "in July") take it; relative ones
        ("on Monday", "yesterday") stay unresolved, as they need a day.

    Returns
    -------
    list of DateExpr
        In text order, non-overlapping.  Never raises on odd dates: an
        impossible one ("February 30") comes back unresolved with a note.

    Examples
    --------
    >>> import datetime as dt
    >>> ref = dt.date(2021, 2, 1)  # a Monday
    >>> [(d.text, d.start_date, d.end_date) for d in find_dates("before the start last weekend", ref_date=ref)]
    [('last weekend', '2021-01-30', '2021-01-31')]
    >>> find_dates("on February 30")[0].note
    "impossible date 'February 30'"
    """
    if not isinstance(text, str) or not text:
        return []
    if ref_date is not None and isinstance(ref_date, dt.datetime):
        ref_date = ref_date.date()
    ref_note = None
    if ref_year is not None and not MIN_YEAR <= ref_year <= MAX_YEAR:
        ref_year = None
    if ref_date is not None and not MIN_YEAR <= ref_date.year <= MAX_YEAR:
        ref_note = f"article date {ref_date.isoformat()} is outside {MIN_YEAR}-{MAX_YEAR}"
        ref_date = None
    if not _ANY_DATE_WORD.search(text):
        return []  # most sentences hold no date: one cheap scan instead of every pattern
    taken_starts: list[int] = []  # non-overlapping spans already claimed, sorted: overlap by bisection
    taken_ends: list[int] = []
    found: list[DateExpr] = []
    words, has_month = caseless(text), bool(_A_MONTH.search(text))
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text) if _may_match(kind, words, has_month) else ():
            start, end = m.span()
            i = bisect_right(taken_starts, start)
            if (i > 0 and taken_ends[i - 1] > start) or (i < len(taken_starts) and taken_starts[i] < end):
                continue
            if future is None:  # read from the text once, at its first date (most sentences have none)
                future = bool(_FUTURE.search(text)) or bool(_SCHEDULED.search(text)) and not _PAST_TELLING.search(text)
            try:
                resolved_kind, first, last, precision = _resolve(kind, m, ref_date, future, ref_year)
                note = None
                if not (_in_range(first) and _in_range(last)):
                    raise _Unresolved(f"outside the years {MIN_YEAR}-{MAX_YEAR}")
            except _Unresolved as exc:
                resolved_kind = "anchored" if kind == "anchored" else ("relative" if kind in _RELATIVE else "absolute")
                first = last = None
                precision, note = "unresolved", exc.note
                if ref_note and note.startswith(("no article date", "relative to the article")):
                    note = ref_note
            taken_starts.insert(i, start)
            taken_ends.insert(i, end)
            month = _month(m.group("m1")) if "m1" in m.groupdict() and m.group("m1") else (
                _month(m.group("m2")) if "m2" in m.groupdict() and m.group("m2") else None)
            found.append(DateExpr(start, end, m.group(), resolved_kind, first, last, precision, note, month))
    found.sort(key=lambda d: d.start)
    return found


_RELATIVE = {"ago", "weekend", "week", "month_rel", "year_rel", "day_rel", "weekday", "span_rel"}

_DURATION_FOR = re.compile(
    rf"\b(?:for|lasts?|lasting|last\s+for|continue\s+for|continues\s+for|over)\s+"
    rf"(?P<q>more\s+than|over|at\s+least|up\s+to|less\s+than|nearly|almost|about|around)?\s*"
    rf"(?P<n>{_NUM_WORD})\s+(?P<unit>day|week|fortnight|month)s?\b", _FLAGS)
# "a two-day exercise", "ten-day-long drills", "a week-long exercise", "weeklong manoeuvres" (no number: one)
_DURATION_ADJ = re.compile(rf"\b(?:(?P<n>{_NUM_WORD})-(?P<unit>day|week|fortnight|month)(?:-long)?|"
                           rf"(?P<one>day|week|fortnight|month)-?long)\b", _FLAGS)
# "a week of live-fire training", "five days of drills", "a fortnight of naval manoeuvres": the span
# of an exercise noun a few words on (not "three days of talks")
_DURATION_OF = re.compile(rf"\b(?P<span>(?P<n>an?|{_NUM_WORD})\s+(?P<unit>day|week|fortnight|month)s?)\s+of\s+"
                          rf"(?:[\w-]+\s+){{0,3}}?(?:exercises?|drills?|manoeuvres?|maneuvers?|training|"
                          rf"war\s?games?|wargames?|firing|gunnery)\b", _FLAGS)
_DURATION_UNITS = ("day", "week", "fortnight", "month")
_BOUND = {"more than": "min", "over": "min", "at least": "min", "up to": "max", "less than": "max"}


def find_durations(text: str) -> list[Duration]:
    """Find durations: "for more than ten days", "a two-day exercise", "a week-long exercise", "five days of drills".

    Examples
    --------
    >>> [(d.days, d.bound) for d in find_durations("The exercises will continue for more than ten days.")]
    [(10, 'min')]
    >>> [(d.text, d.days) for d in find_durations("a two-day joint exercise")]
    [('two-day', 2)]
    """
    if not isinstance(text, str):
        return []
    out: list[Duration] = []
    words = caseless(text)
    if not any(unit in words for unit in _DURATION_UNITS):
        return out  # both forms need a unit of time (most sentences have none)
    for m in _DURATION_FOR.finditer(text):
        n = _number(m["n"])
        if n is None or n > 3650:
            continue
        q = re.sub(r"\s+", " ", (m["q"] or "").lower())
        out.append(Duration(m.start(), m.end(), m.group(), n * _UNIT_DAYS[m["unit"].lower()],
                            _BOUND.get(q, "exact")))
    for m in _DURATION_OF.finditer(text):
        n = 1 if m["n"].lower() in ("a", "an") else _number(m["n"])
        if n is None or n > 3650 or any(d.start <= m.start() < d.end for d in out):
            continue
        out.append(Duration(m.start(), m.end("span"), m["span"], n * _UNIT_DAYS[m["unit"].lower()], "exact"))
    for m in _DURATION_ADJ.finditer(text):
        n = 1 if m["one"] else _number(m["n"])
        if n is None or any(d.start <= m.start() < d.end for d in out):
            continue
        unit = (m["one"] or m["unit"]).lower()
        out.append(Duration(m.start(), m.end(), m.group(), n * _UNIT_DAYS[unit], "exact"))
    out.sort(key=lambda d: d.start)
    return out
