"""Where an exercise is, when the geoparser's reading cannot be used as it is.

Two small, separate rules over the places one article names (in text order):

* :func:`isolated_readings`: a small place (a town or village) read in a
  country the article never names, farther than ``isolated_km`` from every
  other place the article names and farther than ``country_km`` from every
  country it names, is likely another place of that name ("Siberia" read as a
  village in Chiapas in a report about Russia and China; "Auli" read as a
  Norwegian town in a report about India).  It is set aside, with the reason:
  better no location than a wrong one.  A reading with nothing to be far from
  (the article names no other place and no country) is kept.
* :func:`stand_ins`: a site the gazetteer cannot place ("the Vaziani drill
  ground", "Auli" once set aside) that the text puts inside or beside a place
  it can ("the Foo range in Bar province", "in Bar's Foo", "at Foo near Bar",
  "the venues lie south-east of Bar") makes that place the exercise's location,
  with a note that it stands in for the site.  A site that is itself resolved
  needs no stand-in (a site *named after* a place the gazetteer has, "the
  Zar Training Center", is that place: the event extractor's second look
  finds it), and a site placed only by a distance ("40 km north of Bar")
  gets none.

Both are linear: each place is compared with at most ``neighbours`` places
either side of it in text order and with the article's countries (at most one
point each); the site patterns have no nested or adjacent unbounded
quantifiers.

Examples
--------
>>> from types import SimpleNamespace as P
>>> kars = P(start=0, end=4, text="Kars", place_id="k", kind="city", country="TR", lat=40.6, lon=43.1)
>>> far = P(start=20, end=27, text="Siberia", place_id="s", kind="village", country="MX", lat=16.6, lon=-92.3)
>>> [(p.text, why[:28]) for p, why in isolated_readings([kars, far], set())]
[('Siberia', "'Siberia' read as a village ")]
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

from ..demonyms import find_demonyms
from ..geodesy import haversine_km
from ..lexicon import MONTHS, WEEKDAYS
from ..lexicon.toponyms import COMPASS, ORG_WORDS, STOP_WORDS
from ..lexicon.events import CONTAINER_WORDS
from ..lexicon.sites import FACILITY_NOUNS, VENUE_NOUNS
from ..namesakes import ISOLATED_KM

__all__ = ["isolated_readings", "stand_ins", "SMALL_KINDS", "AREA_KINDS"]

#: Readings that can be a far namesake: the small places every country has many of.
SMALL_KINDS = frozenset({"town", "village"})
#: Places that locate nothing precisely enough to be near or far from a town.
AREA_KINDS = frozenset({"country", "continent", "sea", "ocean"})


def _points(locs: Sequence[Any]) -> list[Any]:
    """One mention per distinct place with a point, in text order (areas left out)."""
    seen: set[str] = set()
    out = []
    for loc in locs:
        if loc.kind in AREA_KINDS or loc.place_id in seen or not math.isfinite(loc.lat):
            continue
        seen.add(loc.place_id)
        out.append(loc)
    return out


def isolated_readings(locs: Sequence[Any], demonym_countries: set[str], *, isolated_km: float = ISOLATED_KM,
                      country_km: float = 2 * ISOLATED_KM, neighbours: int = 16) -> list[tuple[Any, str]]:
    """The small-place readings that are likely another place of that name, with the reason.

    Parameters
    ----------
    locs : sequence
        The article's resolved place mentions in text order (``start``, ``text``, ``place_id``,
        ``kind``, ``country``, ``lat``, ``lon``).
    demonym_countries : set of str
        Countries the article names by adjective ("Norwegian troops"): named as much as by a place.
    isolated_km, country_km : float
        How far from every other place, and from every named country's point, a reading must be.
    neighbours : int
        Distinct places either side (in text order) a reading is compared with.

    Returns
    -------
    list of (loc, str)
        Every mention of each isolated place, with why it was set aside.
    """
    points = _points(locs)
    if len(points) == 0:
        return []
    countries = {loc.country: loc for loc in locs if loc.kind == "country" and loc.country}
    named = set(countries) | set(demonym_countries)
    bad: dict[str, str] = {}
    for i, loc in enumerate(points):
        if loc.kind not in SMALL_KINDS or not loc.country:
            continue
        others = points[max(0, i - neighbours):i] + points[i + 1:i + 1 + neighbours]
        if loc.country in named or any(o.country == loc.country for o in others):
            continue  # the article names its country: a reading in the right country is kept
        near_km = min((float(haversine_km(loc.lat, loc.lon, o.lat, o.lon)) for o in others), default=math.inf)
        country_near = min((float(haversine_km(loc.lat, loc.lon, c.lat, c.lon)) for c in countries.values()),
                           default=math.inf)
        if not others and not countries:
            continue  # nothing to be far from
        if near_km > isolated_km and country_near > country_km:
            where = f"{near_km:.0f} km from every other place the article names" if others else \
                "the only place of its kind the article names"
            bad[loc.place_id] = (f"'{loc.text}' read as a {loc.kind} in {loc.country}, {where} and "
                                 f"{country_near:.0f} km from every country it names, in a country it never "
                                 "names: likely another place of that name, so not used as a location")
    return [(loc, bad[loc.place_id]) for loc in locs if loc.place_id in bad]


# --------------------------------------------------------------------------- stand-ins

_NAME = r"[A-Z][\w’'-]{1,40}(?:\s+[A-Z][\w’'-]{1,40}){0,3}"


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace(r"\-", "[-\\s]")
                    for w in sorted(words, key=lambda w: (-len(w), w)))


def _compass_of() -> str:
    # "north of", "south-east of", "south east of", "southeast of"
    parts = sorted(COMPASS, key=lambda w: (-len(w), w))
    forms = [w[:5] + r"[-\s]?" + w[5:] if len(w) > 5 else w for w in parts]
    return r"(?:" + "|".join(forms) + r")\s+of"


_CONTAINER = rf"(?i:{_alternation(CONTAINER_WORDS)}|(?P<compass>{_compass_of()}))\s+(?:(?i:the)\s+)?"
# "the Tsugol firing range, in ...", "at Auli in ..."
_SITE_THEN_CONTAINER = re.compile(
    rf"(?:(?P<site>{_NAME})\s+(?P<noun>(?i:{_alternation(FACILITY_NOUNS)}))\b|\b(?i:at|in|near)\s+(?P<bare>{_NAME}))"
    rf"\s*,?\s+{_CONTAINER}")
# "in Uttarakhand's Auli", "Bar province's Foo range": the container ends right before "'s"
_POSSESSED_SITE = re.compile(rf"['’]s\s+(?P<site>{_NAME})")
_LOCATIVE_BEFORE = re.compile(r"\b(?i:in|at|near|on)\s+(?:(?i:the)\s+)?$")
# "The venues lie south-east of Bar", "the sites are located near Bar"
_VENUES_LIE = re.compile(
    rf"\b(?i:{_alternation(VENUE_NOUNS)})\s+(?i:lie|lies|are|is|sit|sits|were|was)\s+"
    rf"(?:(?i:located|situated)\s+)?{_CONTAINER}")


def _not_a_site(name: str) -> bool:
    words = name.lower().split()
    return (name.isupper() or words[0] in MONTHS or words[0] in WEEKDAYS or words[0] in STOP_WORDS
            or any(w in ORG_WORDS for w in words) or bool(find_demonyms(name)))


def _covered(starts: Sequence[int], locs: Sequence[Any], a: int, b: int) -> bool:
    i = bisect_left(starts, b)
    return i > 0 and locs[i - 1].end > a


def _starting_at(starts: Sequence[int], locs: Sequence[Any], pos: int) -> Any:
    i = bisect_left(starts, pos)
    if i < len(locs) and locs[i].start == pos and locs[i].kind != "country":
        return locs[i]
    return None


def stand_ins(text: str, a: int, b: int, locs: Sequence[Any]) -> list[tuple[Any, str, int, bool]]:
    """The places that stand in for unplaced sites in ``text[a:b]``: (container, site, site start, beside).

    ``beside`` is true when the text puts the site only to one side of the place ("north-east of
    Bar"): a rougher stand-in, for when nothing better places the exercise.

    ``locs`` are the sentence's resolved places (sorted by start).  A container must be a resolved
    place that is not a country (a country says nothing a site adds).

    Examples
    --------
    >>> from types import SimpleNamespace as P
    >>> s = "Drills began at the Kyzyl firing range in Tuva on Monday."
    >>> tuva = P(start=s.index("Tuva"), end=s.index("Tuva") + 4, kind="admin1")
    >>> [(c.start, site) for c, site, _, _beside in stand_ins(s, 0, len(s), [tuva])]
    [(42, 'Kyzyl firing range')]
    """
    if all(loc.kind == "country" for loc in locs):
        return []  # every form needs a place other than a country (most sentences have none)
    starts = [loc.start for loc in locs]
    out: list[tuple[Any, str, int, bool]] = []
    for m in _SITE_THEN_CONTAINER.finditer(text, a, b):
        key = "site" if m.group("site") else "bare"
        s, e = m.span(key)
        if _covered(starts, locs, s, e) or _not_a_site(m.group(key)):
            continue
        container = _starting_at(starts, locs, m.end())
        if container is not None:
            out.append((container, text[s:m.end("noun" if key == "site" else key)], s, bool(m.group("compass"))))
    for loc in locs:
        m = _POSSESSED_SITE.match(text, loc.end, b)
        if m is None or loc.kind == "country" or _covered(starts, locs, m.start("site"), m.end("site")):
            continue
        if _not_a_site(m.group("site")) or not _LOCATIVE_BEFORE.search(text, max(a, loc.start - 12), loc.start):
            continue
        out.append((loc, m.group("site"), m.start("site"), False))
    last_placed = max((loc.start for loc in locs if loc.kind != "country"), default=-1)
    for m in _VENUES_LIE.finditer(text, a, b):
        container = _starting_at(starts, locs, m.end())
        # only when the sites themselves are not placed: no resolved place follows in the sentence
        if container is not None and last_placed <= container.start:
            out.append((container, text[m.start():m.end()].split()[0], m.start(), bool(m.group("compass"))))
    out.sort(key=lambda x: x[2])
    return out

