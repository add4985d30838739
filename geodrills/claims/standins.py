"""A known place that stands in for a subject the gazetteer lacks.

A claim about "the Armavir training area", "Kinmen island" or "the Tarvo
Live Fire Complex in Bartown" is about a place the gazetteer (GeoNames
towns of 500 people or more) does not have.  :func:`find_stand_in` looks
for a known place to measure it from instead, in this order:

1. **the name part** (:func:`geodrills.lexicon.sites.strip_site_words`): a
   site or feature word stripped, the name left over is looked up through
   the gazetteer's names and alternate names ("Kinmen" -> Jincheng, TW);
   accepted only as an exact or alternate name (never a transliteration
   guess: "Tarvo" is not Tõrva) and only in a country the claim's context names
   (:func:`context_countries`): "the Rodriguez range" is not measured from
   a Rodriguez on another continent;
2. **the place the sentence puts it in or at**: a known town or unit right
   after it ("... Complex in Bartown", "at Korvel in Gilgit", "... range
   near Bartown") or owning it ("Gilgit's Korvel").

What it guarantees: a stand-in is never the claim's own object ("the range
near Bartown" is not measured from Bartown for how near it is to Bartown),
never a country, a sea or a river, and the judge
(:func:`geodrills.claims.judge.stand_in_subject`) gives it an extent (the
site lies somewhere within it) so that a verdict is given only when the
figure is decisive across that extent; otherwise the claim is
``unverifiable`` with both ends of the range in its reason.  A name that
neither step places keeps the old verdict: ``unverifiable``, "names no place
the gazetteer knows".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..lexicon.sites import SITE_AFTER, strip_site_words
from .subjects import NAME

__all__ = ["StandIn", "find_stand_in", "context_countries", "singular", "site_named_after"]

#: what a stand-in can never be: areas too large or shapes with no place to measure a site from
_NOT_STAND_INS = frozenset({"country", "continent", "sea", "ocean", "river", "lake"})
#: how a name's match in the gazetteer must read for it to stand in: its own name or an alternate name;
#: never a transliteration guess ("Tarvo" is not Tõrva) or a misspelling
_MATCHES = frozenset({"exact", "alternate"})
#: "... Complex in Bartown", ", located near Bartown", " at Bartown", " in the town of Bartown"
_AFTER = re.compile(r",?\s(?:(?:located|situated|based|lying|which\slies)\s)?"
                    r"(?P<rel>in|inside|within|at|near|outside|close\sto|next\sto)\s(?:the\s)?"
                    r"(?:(?:town|city|village|district|province|region|county)\sof\s)?", re.IGNORECASE)
#: "Gilgit's Korvel": the owner right before the name
_OWNER = re.compile(r"['’]s\s(?:the\s)?")
#: how far around a name its context's countries and places are read (characters)
CONTEXT_CHARS = 600
#: readings of a site's name part this much (km) farther from the places named around it than the
#: nearest reading are as good as it (two Armavirs 8 km apart): the gazetteer's rank decides
AS_NEAR_KM = 100.0


@dataclass(frozen=True)
class StandIn:
    """A known place standing in for an unresolved subject.

    ``relation``: ``"named after"`` (the site's name part, "the Armavir
    training area"), ``"listed as"`` (a feature's name the gazetteer lists,
    "Kinmen island"), ``"in"`` or ``"near"`` (the place the sentence puts it
    in or near).
    """

    place: Any
    relation: str
    noun: str = ""  # the site or feature word: "training area", "island"

    def describe(self) -> str:
        """How the place stands in, for a reason: "Armavir (town, AM), the town the training area is named after"."""
        p = self.place
        what = p.kind if p.kind in ("city", "town", "village") else (
            "unit" if p.kind in ("admin1", "admin2") else "place")
        label = f"{p.name} ({p.kind}, {p.country})"
        if self.relation == "named after":
            return f"{label}, the {what} the {self.noun or 'site'} is named after"
        if self.relation == "listed as":
            return f"{label}, which the gazetteer lists under the {self.noun or 'feature'}'s name"
        return f"{label}, the {what} the sentence places it {self.relation}"


def context_countries(text: str, pos: int, sentence: tuple[int, int], mentions, exercise=()) -> frozenset[str]:
    """The countries a name at ``pos`` is read in: those of the places named around it, the demonyms of
    its sentence (within ``CONTEXT_CHARS``: a bounded window, whatever the sentence's length) and the
    exercise's location places."""
    from ..demonyms import find_demonyms

    s0, s1 = sentence
    out = {m.place.country for m in mentions.between(pos - CONTEXT_CHARS, pos + CONTEXT_CHARS) if m.place.country}
    out |= {d.country for d in find_demonyms(text[max(s0, pos - CONTEXT_CHARS):min(s1, pos + CONTEXT_CHARS)])
            if d.country}
    out |= {p.get("country") for p in exercise or () if isinstance(p, dict) and p.get("country")}
    return frozenset(out)


def find_stand_in(name: str, start: int, end: int, text: str, mentions, countries: frozenset[str],
                  exclude_ids: frozenset[str] = frozenset()) -> StandIn | None:
    """The place standing in for the unresolved name ``text[start:end]`` (see the module docstring), or None.

    ``exclude_ids``: the claim's object(s), which never stand in for its subject.

    Examples
    --------
    >>> from geodrills.claims.objects import MentionIndex
    >>> s = find_stand_in("Armavir training area", 4, 25, "The Armavir training area ...", MentionIndex([]),
    ...                   frozenset({"AM"}))
    >>> s.place.name, s.place.country, s.relation
    ('Armavir', 'AM', 'named after')
    """
    around = [(m.place.lat, m.place.lon) for m in mentions.between(start - CONTEXT_CHARS, end + CONTEXT_CHARS)
              if m.place.kind not in ("country", "continent", "sea", "ocean")]
    return (_by_name(name, countries, exclude_ids, around)
            or _by_sentence(start, end, text, mentions, exclude_ids))


def _by_name(name: str, countries: frozenset[str], exclude_ids: frozenset[str],
             around: list[tuple[float, float]]) -> StandIn | None:
    """The place the name part of "<Name> <site word>" names, in one of ``countries``: of several, the one
    nearest the places named around it ("the Armavir training area" near Yerevan: the Armenian town, not
    the Russian city)."""
    from ..gazetteer import Gazetteer
    from .subjects import not_a_place_name

    bare, sort = strip_site_words(name)
    if sort is None or not bare or not countries or not_a_place_name(bare) or _everyday_word(bare):
        return None
    places = [p for p in Gazetteer.default().lookup(bare, country=sorted(countries), fuzzy=False, limit=8)
              if p.match in _MATCHES and p.kind not in _NOT_STAND_INS and p.id not in exclude_ids]
    if not places:
        return None
    if around:  # the gazetteer's rank decides among the readings about as near as the nearest
        best = min(_nearest_km(p, around) for p in places)
        places = [p for p in places if _nearest_km(p, around) <= best + AS_NEAR_KM]
    place = places[0]
    noun = name[name.find(bare) + len(bare):].strip().lower() if name.find(bare) >= 0 else ""
    noun = noun or name.split()[0].lower()  # "Lake Ohrid": the word before
    return StandIn(place, "named after" if sort == "site" else "listed as", singular(noun))


def _everyday_word(name: str) -> bool:
    """ "Victory camp", "the Eagle range", "the Liberty base": an English word or first name, not a town's."""
    from ..gazetteer import Gazetteer

    gaz = Gazetteer.default()
    key = name.lower()
    return key in gaz.common_words or key in gaz.first_names or key in gaz.given_names


def _nearest_km(place, points: list[tuple[float, float]]) -> float:
    from ..geodesy import haversine_km

    return min(float(haversine_km(place.lat, place.lon, lat, lon)) for lat, lon in points)


def singular(noun: str) -> str:
    """ "training areas" -> "training area" (the site nouns' plurals, for a reason sentence)."""
    if noun.endswith(("areas", "ranges", "grounds", "islands", "bases", "camps", "fields", "sites")):
        return noun[:-1]
    return noun


def _by_sentence(start: int, end: int, text: str, mentions, exclude_ids: frozenset[str]) -> StandIn | None:
    """The known place right after the name that it is in, at or near, or the owner right before it."""
    after = _AFTER.match(text, end, end + 60)
    if after is not None:
        hits = mentions.starting(after.end(), after.end())
        if hits and _usable(hits[0], exclude_ids):
            rel = " ".join(after.group("rel").lower().split())
            return StandIn(hits[0].place, "near" if rel in ("near", "outside", "close to", "next to") else "in")
    for m in mentions.between(start - 60, start):
        if _OWNER.fullmatch(text, m.end, start) and _usable(m, exclude_ids):
            return StandIn(m.place, "in")
    return None


def _usable(m, exclude_ids: frozenset[str]) -> bool:
    return m.place is not None and m.place.kind not in _NOT_STAND_INS and m.place.id not in exclude_ids


#: the kinds of place a site is named after ("the Tapa range"): not "the Zagros range", a mountain range
_EPONYM_KINDS = frozenset({"city", "town", "village", "admin1", "admin2"})


def site_named_after(m, text: str) -> Any:
    """ "the Tapa training area", "the Tapa and Kilba ranges": a site named after the resolved town ``m``,
    standing in for it."""
    from .subjects import Unresolved

    if m.place is None or m.place.kind not in _EPONYM_KINDS:
        return None
    site = SITE_AFTER.match(text, m.end, m.end + 80) or _site_after_list(text, m.end)
    if site is None:
        return None
    noun = singular(" ".join(site.group(0).lower().split()))
    name = f"{m.text} {noun.title() if site.group(0).strip()[:1].isupper() else noun}"
    return Unresolved(name, m.start, m.end, StandIn(m.place, "named after", noun))


#: what joins the names of a list: ", ", ", and ", " and ", " or ", " & "
_LIST_JOIN = re.compile(r",\s(?:and\s|or\s)?|\s(?:and|or|&)\s")
_ONE_NAME = re.compile(NAME)


def _site_after_list(text: str, pos: int):
    """The site noun after a list of names that starts at ``pos`` ("[Tapa] and Kilba training areas")."""
    for _ in range(5):
        join = _LIST_JOIN.match(text, pos, pos + 8)
        name = _ONE_NAME.match(text, join.end()) if join else None
        if name is None:
            return None
        pos = name.end()
        site = SITE_AFTER.match(text, pos, pos + 80)
        if site is not None:
            return site
    return None
