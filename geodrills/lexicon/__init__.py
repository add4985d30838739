"""Every word list of geodrills, one home for each: this package.

This module holds the newswire vocabulary that more than one part reads
(below); :mod:`geodrills.lexicon.toponyms` holds the geoparser's cue words
and patterns (feature words, locatives, stop words, titles, …).  A new
list goes into the submodule of its domain, with a note on where it came
from.

The geoparser, the date resolver, the event extractor and the claim checker
all need to know what a month, a weekday, a number word or an abbreviation
is.  Each list lives here once; modules import it instead of keeping their
own copy (a copy drifts: "Sept." was known to one module and not another).

Everything here is plain English newswire vocabulary written for this
project; no list is copied from elsewhere.

Examples
--------
>>> from geodrills.lexicon import MONTHS, WEEKDAYS, NUMBER_WORDS
>>> MONTHS["sept"], WEEKDAYS["friday"], NUMBER_WORDS["twelve"]
(9, 4, 12)
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

__all__ = ["MONTHS", "WEEKDAYS", "NUMBER_WORDS", "ABBREVIATIONS", "MONTH_NAMES", "COUNTRY_ABBREVIATIONS"]

#: Month names and the abbreviations newswires use, lower case, to month number.
MONTHS: Mapping[str, int] = MappingProxyType({
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
})

#: The twelve full month names, January first (``MONTH_NAMES[m - 1]``).
MONTH_NAMES: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July",
                                "August", "September", "October", "November", "December")

#: Weekday names, lower case, to ``datetime.date.weekday()`` numbers (Monday is 0).
WEEKDAYS: Mapping[str, int] = MappingProxyType({
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
})

#: Number words news uses for counts and distances ("some ten miles", "a couple of days").
NUMBER_WORDS: Mapping[str, int] = MappingProxyType({
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "couple": 2, "a couple of": 2, "dozen": 12,
})

#: Words that end in a full stop without ending a sentence ("Lt. Gen. Smith", "Sept. 27",
#: "the U.S. Army"), lower case and without the final stop.
ABBREVIATIONS: frozenset[str] = frozenset({
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "mr", "mrs", "ms", "dr", "st", "no", "nos", "vs", "etc", "approx", "jr", "sr", "prof",
    "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm", "cmdr", "cdr", "brig",
    "gov", "rep", "sen", "pres", "amb", "rev",
    "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "d.c", "inc", "ltd", "co", "corp", "dept",
    "km", "mi", "ft", "approx", "fig",
})

#: Country abbreviations news writes as names or adjectives ("U.S., British and French troops"), as
#: written (case-sensitive), to ISO 3166-1 alpha-2; ``None`` for a union of countries.
COUNTRY_ABBREVIATIONS: Mapping[str, str | None] = MappingProxyType({
    "US": "US", "U.S.": "US", "USA": "US", "U.S.A.": "US", "UK": "GB", "U.K.": "GB", "ROK": "KR",
    "PRC": "CN", "DPRK": "KP", "UAE": "AE", "EU": None,
})
