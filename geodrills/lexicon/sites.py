"""Words that make a name a military site or a natural feature, for claims about places the gazetteer lacks.

A training area, range or base is usually named after a town ("the Armavir
training area"), and an island, a peninsula or a lake after the name the
gazetteer lists for its main town or area ("Kinmen island"): with these
words stripped, the name left over is looked up
(:mod:`geodrills.claims.standins`).  Written for this project from plain
English military and geographic usage; lower case.

Examples
--------
>>> strip_site_words("Vaziani Military Airfield")
('Vaziani', 'site')
>>> strip_site_words("Lake Ohrid"), strip_site_words("the Kuril Islands")
(('Ohrid', 'feature'), ('Kuril', 'feature'))
>>> strip_site_words("Narva")
('Narva', None)
"""

from __future__ import annotations

import re

__all__ = ["FACILITY_NOUNS", "VENUE_NOUNS", "SITE_NOUNS", "SITE_MODIFIERS", "FEATURE_NOUNS", "FEATURE_BEFORE",
           "PLACE_NOUNS", "SITE_AFTER", "SITE_HEADS", "NOUN_AFTER", "NAMED_SITE_NOUN", "strip_site_words"]

#: The head noun of a military site ("range", "training area(s)", "polygon"), singular and plural.
SITE_NOUNS: frozenset[str] = frozenset("""
area areas range ranges ground grounds polygon polygons airfield airfields base bases airbase airbases
camp camps complex complexes garrison garrisons cantonment barracks depot depots airstrip airstrips
site sites centre centres center centers school academy facility installation outpost outposts
""".split())

#: Words between a site's name and its head noun ("the Tarvo Live Fire Complex", "Osk Military Airfield").
SITE_MODIFIERS: frozenset[str] = frozenset("""
military training firing fire live live-fire gunnery artillery tank tankodrome missile test testing proving drill
drilling shooting combined arms air naval army joint manoeuvre maneuver exercise bombing combat
""".split())

#: The noun after a natural feature's name ("Kinmen island", "the Kola Peninsula", "Ohrid lake").
FEATURE_NOUNS: frozenset[str] = frozenset("""
island islands isle isles islet islets peninsula lake lakes bay gulf archipelago atoll plateau valley
heights hills mountains massif pass gorge delta oasis
""".split())

#: Other nouns that make the name before them a place of some sort the gazetteer may lack: a settlement,
#: a unit, terrain, a port ("the Kestrel valley", "Tarsu village", "the Ardo desert", "Pelly harbour").
PLACE_NOUNS: frozenset[str] = frozenset("""
village villages town towns region district desert plain plains strait forest park parks port ports
harbour harbours harbor harbors airport airports
""".split())

#: The noun before a natural feature's name ("Lake Ohrid", "Mount Aragats", "Cape Kaliakra").
FEATURE_BEFORE: frozenset[str] = frozenset("lake mount cape isle".split())


#: What a named training site is called after its name ("the Tsugol firing range", "Norio training
#: area", "the Donguz polygon"): a name so followed is a site, named after a place or not.  Each is a
#: site by :func:`strip_site_words` too (a test checks it): one vocabulary, two forms.  Singular
#: and plural, longest first where one contains another.
FACILITY_NOUNS: tuple[str, ...] = (
    "training grounds", "training ground", "training areas", "training area", "training ranges",
    "training range", "training centres", "training centre", "training centers", "training center",
    "training camps", "training camp", "firing ranges", "firing range", "shooting ranges", "shooting range",
    "drill grounds", "drill ground", "proving grounds", "proving ground", "test sites", "test site",
    "live fire complex", "live-fire complex", "military airfield", "military base", "air bases", "air base",
    "airbase", "airfield", "naval base", "polygons", "polygon", "ranges", "range", "garrison",
)

#: Plural or general nouns for an exercise's sites, as the subject of where they lie ("the venues lie
#: south-east of the capital", "the sites are near the coast").
VENUE_NOUNS: tuple[str, ...] = ("venues", "venue", "sites", "site", "ranges", "range", "grounds",
                                "training areas", "training area", "locations", "drill areas", "exercise area")

#: site nouns that make "<Place> <noun>" a site on their own ("the Tapa range", "the Kars garrison");
#: the others need a modifier before them ("the Tapa training area": "the Kars area" is Kars's surroundings)
SITE_HEADS: frozenset[str] = frozenset("""
range ranges polygon polygons airfield airfields airbase airbases garrison garrisons cantonment barracks
airstrip airstrips
""".split())

_ALTERNATION = "|".join(sorted(SITE_NOUNS, key=len, reverse=True))
#: a site right after a place's name: " Military Airfield", " training ground", " range"; group ``noun``
#: (after one to three modifiers) or ``head`` (alone): the site noun
SITE_AFTER = re.compile(r"\s(?:(?:(?:" + "|".join(sorted(SITE_MODIFIERS)) + r")\s){1,3}(?P<noun>" + _ALTERNATION
                        + r")|(?P<head>" + "|".join(sorted(SITE_HEADS, key=len, reverse=True)) + r"))\b",
                        re.IGNORECASE)


#: a site or feature noun right after a name (one to three site modifiers before a site noun, or a
#: feature noun): " training area", " island", " Islands", " camps"; for an object named before it
NOUN_AFTER = re.compile(r"\s(?:(?:(?:" + "|".join(sorted(SITE_MODIFIERS)) + r")\s){0,3}(?:" + _ALTERNATION + r")|(?:"
                        + "|".join(sorted(FEATURE_NOUNS, key=len, reverse=True)) + r"))\b", re.IGNORECASE)


#: the noun of a named site, facility, feature or place the gazetteer may lack, as a case-insensitive
#: regex (no groups) to put after a name, up to two site modifiers first: "the Kestrel Gunnery Complex",
#: "the Tarvo range", "Kinmen island", "the Tarvo tank polygon"
_NAMED_SITE_WORDS = sorted(frozenset(FACILITY_NOUNS) | SITE_NOUNS | FEATURE_NOUNS | PLACE_NOUNS
                           | {"air strip", "air strips"}, key=lambda w: (-len(w), w))
NAMED_SITE_NOUN = ("(?i:(?:(?:" + "|".join(sorted(SITE_MODIFIERS)) + r")\s){0,2}(?:"
                   + "|".join(w.replace(" ", r"\s") for w in _NAMED_SITE_WORDS) + "))")


def strip_site_words(name: str) -> tuple[str, str | None]:
    """The name with its site or feature words removed, and which sort they were (None: no such word).

    The words of the name are read from the end while they are site nouns or
    modifiers (``"site"``), or the last one is a feature noun
    (``"feature"``); a leading "the" and a leading feature word ("Lake") go
    too.  What is left is returned unchanged when nothing is a site word.
    """
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) >= 2 and words[0].lower() in FEATURE_BEFORE:
        return " ".join(words[1:]), "feature"
    if len(words) >= 2 and words[-1].lower() in FEATURE_NOUNS:
        return " ".join(words[:-1]), "feature"
    n = len(words)
    if n >= 2 and words[-1].lower() in SITE_NOUNS:
        n -= 1
        while n > 1 and (words[n - 1].lower() in SITE_MODIFIERS or words[n - 1].lower() in SITE_NOUNS):
            n -= 1
        return " ".join(words[:n]), "site"
    return " ".join(words), None
