"""What a claim is about: the place its own sentence locates.

In order (:func:`subjects_for`):

1. the place named right before the cue in the same sentence ("in Kars, near
   the border"; "the towns of A, B and C on the ... side of the border" -> A,
   B and C, one claim each); a town or unit before a country;
   a place the sentence names there but the gazetteer lacks ("at Korvel, a
   hamlet some 25 miles from"; "at Tarsu in Gilgit, under 60 km from";
   "Gilgit's Tarsu, only 60 km from") is the subject, kept as
   :class:`Unresolved`: never replaced by the exercise's venues or a place
   named earlier (a place containing it may only *stand in* for it, with its
   extent: :mod:`geodrills.claims.standins`); a cue coordinated with the one before it ("40 km from A and a
   few km from B") shares its subject; a place named before a speech verb
   ("speaking in Ankara, said ...") is where someone spoke, not a subject;
2. else the first place named after the object in the sentence ("Near the
   Lithuanian frontier, Latvian sappers practised at Bauska");
3. else, when the sentence's subject is the exercise's own sites ("most of
   the grounds lie near", "the ranges are close to"), the exercise's
   location places (note ``exercise_most`` for "most of");
   else, when the sentence is about an exercise ("the drills", "war
   games") and does not place it at an unnamed site ("in new areas", "at a
   firing range", "others ... further south"), the exercise's location places (:func:`exercise_places`, from
   :func:`geodrills.events.extract_events`);
4. else a country's forces named before the cue ("the Azerbaijani army",
   "Turkish troops", "Russia's armed forces"): a :class:`Forces` subject,
   judged by the country's territory (0 km from a border it is one side of);
   the places the sentence or the exercise locates them at come first (1-3);
5. else the place a definite description refers back to ("the tiny
   islet, only 12 km off the northern coast" -> Yeonpyeong, named before);
   else a country named by a demonym before the cue ("the Belarusian grounds");
6. else none: the claim is kept, ``unverifiable`` ("the sentence names no place").

Never the article's lead place: a headline's "near the border" is not about
the capital in its first line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..demonyms import find_demonyms
from ..lexicon.events import REACTION_VERBS, REPORTING_VERBS
from ..lexicon.sites import NAMED_SITE_NOUN, SITE_MODIFIERS

__all__ = ["subjects_for", "exercise_places", "EXERCISE_WORDS", "Forces", "forces_before", "Unresolved",
           "named_before", "not_a_place_name", "NAME", "Reading", "reading_of"]

#: A sentence with one of these is about an exercise.
EXERCISE_WORDS = re.compile(r"\b(?:exercises?|drills?|manoeuvres?|maneuvers?|war ?games|trainings?|"
                            r"wargames?|operations?)\b", re.IGNORECASE)
#: open country that is no named place ("on the steppe", "in the hills", "in a forest"); a capitalised word
#: before it makes a name ("the Zagros mountains"), so only lower-case words may stand between
_TERRAIN = (r"(?:(?-i:[a-z][\w-]{1,19})\s){0,2}?(?:steppes?|hills|mountains|highlands|forests?|woods|jungle|"
            r"plains|marsh(?:es|land)?|swamps?|tundra|countryside|wilderness|scrubland|bush)")
#: an exercise located at an unnamed site ("in unspecified zones of the eastern regions", "at an Andean firing
#: range", "in the desert", "on the steppe"): the claim is about that site, not the exercise's named venues
_UNNAMED_SITE = re.compile(r"\b(?:in|at|on|into)\s(?:(?:a|an|the|new|designated|several|some|other|remote)\s)?"
                           r"(?:(?:[\w-]{2,20}\s){0,2}?(?:areas?|ranges?|grounds?|sites?|zones?|locations?|desert|"
                           rf"polygons?|venues?|terrain)|{_TERRAIN})\b(?!\s(?:of|in|near|at)\s(?:the\s)?(?-i:[A-ZÀ-ÞĀ-ſ]))",
                           re.IGNORECASE)
#: "while other units drill farther east, close to the frontier": away from the venues named before
_ELSEWHERE = re.compile(r"\b(?:elsewhere|others|other (?:areas|sites|places|locations|units)|"
                        r"(?:further|farther) (?:north|south|east|west|afield|inland|away))\b", re.IGNORECASE)
#: the exercise's own sites as a sentence's subject, right before its cue ("most of the grounds lie near",
#: "the ranges are close to", "the Slovak training areas sit on", "the drills are being held near"); group
#: ``most``: a claim about most of them
_DEFINITE_SITES = re.compile(r"\b(?:(?P<most>most|the\smajority|the\sbulk)\sof\s)?(?:the|these|those|its|their)\s"
                             r"(?:[\w-]{1,20}\s){0,2}?(?:grounds|ranges|training\sareas|areas|sites|venues|polygons|"
                             r"locations|drills|exercises|manoeuvres|maneuvers|war\s?games)"
                             r"(?:\s(?:are|is|all|lie|lies|sit|sits|were|was|being|been|will|be|held|staged|located|"
                             r"situated|mostly|largely|also|each|both|now|still)){0,4},?\s?$", re.IGNORECASE)
#: where a new clause starts: ", and ", ", but ", ", while ", "; "
_NEW_CLAUSE = re.compile(r",\s(?:and|but|while|whereas|although|though)\s|;\s")
_LIST_GAP = re.compile(r"^(?:,\s?(?:and |or )?|\s(?:and|or|&)\s)$")
#: a place right after one of these is an object, a destination or an owner ("near Homel", "leaving for
#: Idlib", "the enclave of Afrin", "parts of eastern Ghouta"), not what a claim locates
_RELATIVE_BEFORE = re.compile(r"\b(?:near|close to|next to|by|from|towards?|beyond|opposite|of|for|to|into) (?:the )?"
                              r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)"
                              r"(?:ern)? )?$", re.IGNORECASE)
#: a place a speaking or answering verb follows ("a claim Belgrade rejected", "Pristina protests", "Moscow
#: said", "Greece's General Staff said"): who speaks, not what a claim after it locates
_SPEAKER_AFTER = re.compile(r"(?:['’]s(?:\s[\w-]+){1,3})?\s"
                            r"(?:(?:has|have|had|also|quickly|firmly|swiftly|flatly|later)\s){0,2}(?:"
                            + "|".join(sorted({*REPORTING_VERBS, *REACTION_VERBS})) + r")\b", re.IGNORECASE)
#: kinds that are never what a sentence locates
_NOT_SUBJECTS = frozenset({"sea", "ocean", "lake", "continent"})
#: A subject does not reach across these to a cue: another clause, another claim.
_CLAUSE_BREAK = re.compile(r";|, (?:and|while|but|whereas|although)\b|\bas well as\b|\b(?:and|but) (?:further|also|then|later)\b|"
                           r"\b(?:under|in|by|at|with|through) which\b|\bwhere\b", re.IGNORECASE)
#: A place named before a speech verb is where someone spoke, not what the reported claim locates (past
#: forms and "saying" only, anywhere between: "protests", "claims" are nouns as often as verbs).
_SPEECH = re.compile(r"\b(?:" + "|".join(sorted({*REPORTING_VERBS, "says", *(
    v for v in REACTION_VERBS if v.endswith(("ed", "ing")))})) + r")\b", re.IGNORECASE)
#: How far (characters) from a cue its subject, exercise words or countries are looked for: a bound
#: that keeps the work per cue constant in a sentence of any length.
CONTEXT = 300
#: Gap between a subject and its cue beyond which the subject is not "right before" it (characters).
NEAR_GAP = 160


@dataclass(frozen=True)
class Unresolved:
    """A subject the article names but the gazetteer does not have (kept: the claim is unverifiable)."""

    name: str
    start: int
    end: int
    stand_in: Any = None  # a known place to measure it from (:class:`geodrills.claims.standins.StandIn`)


#: one capitalised word of a proper name
NAME = r"[A-ZÀ-ÞĀ-ſ][\w-]{1,30}(?:['’][\w-]{2,30})?"
#: "at Auli" or "the Gożski range" ending right before a cue or a containment
NAMED_BEFORE = re.compile(rf"(?:(?<=\bat )({NAME}(?: {NAME}){{0,3}})|((?:{NAME} ){{1,4}}{NAMED_SITE_NOUN}))$")
#: a name opening the sentence right before the cue: "Norio, south-east of Tbilisi"
OPENING_NAME = re.compile(rf"^({NAME}(?: {NAME}){{0,2}}),\s?(?:just |some |about )?$")
#: a named site right at a position: "...'s Kinmen island", "the Vaziani Military Airfield"
NAMED_AFTER = re.compile(rf"^((?:{NAME} ){{1,3}}{NAMED_SITE_NOUN})\b")
#: a name that a locative preposition or a place's possessive introduces ("in Mahbès", "at Auli",
#: "Uttarakhand's Auli"), or a named site ("the Tsugol firing range"); group 1 is the name
_NAMED_PLACE = re.compile(rf"(?:\b(?:in|at|near|around|outside|on|off|inside|to|into)\s(?:the\s)?|['’]s\s|\b[Tt]he\s)"
                          rf"({NAME}(?:\s{NAME}){{0,3}}(?:\s{NAMED_SITE_NOUN})?)(?![\w’'-])")
#: between a named place and the cue: an appositive or a participle, not a new clause
#: ("Korvel, a hamlet some 25 miles from"; "Tarsu, only 60 km from"; "the range, which lies by")
_NAMED_GAP = re.compile(r"^(?:\s(?:region|province|district|oblast|county|state|prefecture|governorate))?"
                        r"(?:,?\s(?:and|or)\s(?:other|several|nearby|neighbouring|neighboring|surrounding)\s"
                        r"(?:towns|villages|cities|places|areas|settlements))?"
                        r"(?:,?\s(?:(?:a|an|the)\s(?:[\w-]{1,20}\s){0,3}?)?(?:(?:which|that)\s)?"
                        r"(?:(?:is|are|lies|lie|sits|located|situated|lying|sitting|set|just|only|barely|some|about|"
                        r"around|roughly|nearly|almost|right)\s){0,3})?,?\s?$", re.IGNORECASE)
#: "at Tarsu in Gilgit", "the Kestrel Gunnery Complex in Zorvath": a place containing the name before it
_CONTAINER_GAP = re.compile(r"^\s?,?\s(?:in|inside|within)\s(?:the\s)?$")


def not_a_place_name(name: str) -> bool:
    """Capitalised words that are not a place's name: titles, months, demonyms, acronyms, organisations."""
    from ..demonyms import demonym_country
    from ..lexicon.toponyms import ORG_WORDS, STOP_WORDS, TITLES

    words = name.split()
    first = words[0].lower()
    return (first in STOP_WORDS or first in TITLES or bool(demonym_country(words[0]))
            or (len(words[0]) <= 5 and words[0].isupper())
            or any(w.lower() in ORG_WORDS for w in words[1:]))


def named_before(text: str, s0: int, lo: int, mentions, *, window: int = 120) -> Unresolved | None:
    """The place a sentence names right before a cue when the gazetteer does not have it, else None.

    "the brigade then moves to Korvel, a hamlet some 25 miles from ...", "Gilgit's Tarsu, only 60 km
    from ...", "at Tarsu in Gilgit, under 60 km from ...": the claim is about the named place; a
    resolved place that only contains it ("in Gilgit") or a place named
    earlier is not what the claim locates.  Only an appositive, a participle or a containing place
    may stand between the name and the cue.
    """
    a = max(s0, lo - window)
    best = None
    for m in _NAMED_PLACE.finditer(text, a, lo):
        n0, n1 = m.start(1), m.end(1)
        if not not_a_place_name(m.group(1)) and not any(x.start < n1 and n0 < x.end
                                                          for x in mentions.between(n0 - 40, n1 + 40)):
            best = m  # the last name the gazetteer did not resolve ("at Auli" before "in Uttarakhand")
    if best is None:
        return None
    n0, n1 = best.start(1), best.end(1)
    name = best.group(1)
    gap = text[n1:lo]
    if _NAMED_GAP.match(gap):
        return Unresolved(name, n0, n1)
    inside = [m for m in mentions.between(n1, lo) if _CONTAINER_GAP.match(text[n1:m.start])]
    if inside and _NAMED_GAP.match(text[inside[0].end:lo]):
        return Unresolved(name, n0, n1)
    return None


#: kinds that locate nothing precise enough to test a reading's coherence against
_NOT_NEIGHBOURS = frozenset({"country", "continent", "sea", "ocean"})
#: how many mentions either side of a place (in text order) its reading is checked against: a bound
#: that keeps the check constant per claim
NEIGHBOURS = 16


@dataclass(frozen=True)
class Reading:
    """How well a mention's reading fits the article (facts only; the judge applies the thresholds).

    ``nearest_km``: distance to the nearest other place the article names around it (inf when there
    is none); ``alternative``: the nearest runner-up reading of the same name and its distance to those
    places ("Pingtan" read as a town in Chongqing while Tancheng, also called Pingtan, lies in Fujian).
    """

    name: str
    place: str
    match: str
    score: float
    nearest_km: float
    alternative: str | None = None
    alternative_km: float = float("inf")
    country_named: bool = True  # the article names the reading's country (or another place in it) around it
    country_apart: bool = False  # the article names countries around it, none of them the reading's or its neighbour
    kind: str = ""  # the reading's kind (village, city, admin1 ...)


def reading_of(m, mentions, demonym_countries: frozenset = frozenset()) -> Reading | None:
    """The :class:`Reading` of a resolved place mention (None for countries and other areas).

    ``demonym_countries``: the countries the article names by adjective ("Peruvian troops"), which
    name the reading's country as well as a place in it does.
    """
    import math

    from ..geodesy import haversine_km

    p = m.place
    if p is None or p.kind in _NOT_NEIGHBOURS or not math.isfinite(p.lat):
        return None
    around = mentions.around(m, NEIGHBOURS)
    pts = [(x.place.lat, x.place.lon) for x in around
           if x.place.kind not in _NOT_NEIGHBOURS and x.place.id != p.id and math.isfinite(x.place.lat)]
    country_named = p.country in demonym_countries or any(x.place.country == p.country and x.place.id != p.id
                                                          for x in around)
    named_ccs = {x.place.country for x in around if x.place.kind == "country" and x.place.country}
    named_ccs |= set(demonym_countries)
    country_apart = bool(named_ccs) and not country_named and not _borders_any(p.country, named_ccs)

    def nearest(lat: float, lon: float) -> float:
        return min((float(haversine_km(lat, lon, a, b)) for a, b in pts), default=math.inf)

    alt_name, alt_km = None, math.inf
    if pts and m.alternatives:
        from ..gazetteer import Gazetteer

        gaz = Gazetteer.default()
        for pid in m.alternatives[:3]:
            try:
                q = gaz.get(pid)
            except (KeyError, ValueError):
                continue
            km = nearest(q.lat, q.lon)
            if km < alt_km:
                alt_name, alt_km = f"{q.name} ({q.kind}, {q.country})", km
    return Reading(m.text, f"{p.name} ({p.kind}, {p.country})", p.match, m.score, nearest(p.lat, p.lon),
                   alt_name, alt_km, country_named, country_apart, p.kind)


def _borders_any(cc: str | None, others: set[str]) -> bool:
    """Whether country ``cc`` is one of ``others`` or shares a land border with one of them."""
    if not cc:
        return True  # a feature spanning countries: nothing to test
    from ..borders import BorderData

    pairs = BorderData.default().borders
    return cc in others or any("-".join(sorted((cc, o))) in pairs for o in others)


@dataclass(frozen=True)
class Forces:
    """A country's armed forces as a claim's subject ("the Azerbaijani army"): where they are is not said."""

    country: str
    name: str
    start: int
    end: int


#: what a country's forces are called after its demonym or possessive: "army", "armed forces", "troops",
#: "special forces units", "border guards", "warships" (one or two optional words between: "the Russian
#: 58th army", "Turkish and Azerbaijani" is handled as two demonyms)
_FORCE_NOUN = re.compile(r"(?:[\w-]{1,20} )?(?:armed forces|army|armies|forces|troops|military|soldiers|servicemen|"
                         r"units?|navy|air force|marines|paratroopers|border guards?|battalions?|brigades?|"
                         r"divisions?|regiments?|tanks|artillery|warships|jets|aircraft)\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s? ")


def forces_before(text: str, a: int, b: int, mentions, exclude: frozenset[str]) -> Forces | None:
    """The last "<demonym> <force noun>" or "<country>'s <force noun>" in ``text[a:b]``, or None."""
    found: list[Forces] = []
    for d in find_demonyms(text[a:b]):
        end = a + d.end
        m = _FORCE_NOUN.match(text, end + 1, b) if text[end:end + 1] == " " else None
        if d.country and d.country not in exclude and m:
            found.append(Forces(d.country, text[a + d.start:m.end()], a + d.start, m.end()))
    for c in mentions.between(a, b):
        poss = _POSSESSIVE.match(text, c.end, b)
        m = _FORCE_NOUN.match(text, poss.end(), b) if poss else None
        if c.place.kind == "country" and c.place.country and c.place.country not in exclude and m:
            found.append(Forces(c.place.country, text[c.start:m.end()], c.start, m.end()))
    return max(found, key=lambda f: f.start) if found else None


_COORDINATED = re.compile(r"^(?: [a-z]{2,15})?,? (?:and|or|as well as|but also) (?:also |just |only )?$")


def _parallel_object(text: str, m, lo: int) -> bool:
    """The object of a parallel relation: "firing ranges near Narva and close to the Russian frontier".

    Both relations locate the ranges; Narva is not what is close to the Polish border.
    ("exercises near Gyumri, close to the Turkish border" is not coordinated: Gyumri is kept.)
    """
    return bool(_COORDINATED.match(text[m.end:lo])) and bool(
        _RELATIVE_BEFORE.search(text, max(0, m.start - 28), m.start))


def _on_a_side(country: str | None, sides: frozenset[str]) -> bool:
    """Whether a place in ``country`` can stand on a border with these sides (one or both named)."""
    if not sides or not country or country in sides:
        return True
    if len(sides) >= 2:
        return False
    from ..borders import BorderData

    return "-".join(sorted((country, *sides))) in BorderData.default().borders


def _resolved(mentions, a: int, b: int, exclude: tuple[int, int], exclude_ids: frozenset[str]):
    return [m for m in mentions.between(a, b) if not (m.start < exclude[1] and exclude[0] < m.end)
            and m.place.id not in exclude_ids]


#: what follows a dateline's place: "Seoul, Aug 31 — ", "RABAT (AFP) — ", "KYIV, Ukraine (AP) - "
_DATELINE_AFTER = re.compile(r"(?:,\s?[A-Z][\w.]{0,12}(?:\s\d{1,2})?,?)?\s?(?:\([^()\n]{1,40}\)\s?)?(?:—|–|--?)\s")


def _is_dateline(text: str, m) -> bool:
    """A place opening a line and followed by a date or an agency and a dash."""
    line = text.rfind("\n", 0, m.start) + 1
    return text[line:m.start].strip() == "" and bool(_DATELINE_AFTER.match(text, m.end, m.end + 60))


def _not_objects(ms: list, text: str, lo: int) -> list:
    """The mentions that are not the object of a relation: "near Homel and Rzeczyca" drops both."""
    out, dropped = [], None
    for m in ms:
        if _RELATIVE_BEFORE.search(text, max(lo, m.start - 28), m.start) or (
                dropped is not None and _LIST_GAP.match(text[dropped.end:m.start])):
            dropped = m
            continue
        dropped = None
        out.append(m)
    return out


def _with_list(before: list, text: str) -> list:
    """The last mention before a cue and the ones listed with it ("A, B and C")."""
    out = [before[-1]]
    for m in reversed(before[:-1]):
        if _LIST_GAP.match(text[m.end:out[0].start]) and m.place.kind != "country":
            out.insert(0, m)
        else:
            break
    return out


def subjects_for(text: str, sentence: tuple[int, int], cue: tuple[int, int], obj_span: tuple[int, int],
                 mentions, *, exclude_countries: frozenset[str] = frozenset(),
                 exclude_ids: frozenset[str] = frozenset(), no_countries: bool = False,
                 inside_excluded: bool = False, allow_water: bool = False,
                 exercise: list | None = None, sides: frozenset[str] = frozenset()) -> tuple[list[Any], str]:
    """The subject mentions (or event places) of a claim, and how they were chosen.

    Returns
    -------
    (list, str)
        Mentions (objects with ``.place``), an ISO2 code, or one list of
        exercise places (dicts of events' places: the claim holds when the
        nearest of them satisfies it), and a note: ``"sentence"``, ``"after"``,
        ``"exercise"``, ``"unresolved"`` (a place the gazetteer lacks, :func:`named_before`),
        ``"forces"`` (a country's army), ``"anaphor"`` ("the island", a place named before),
        ``"demonym"`` or ``"none"``.  ``sides``: the countries of a border object
        (a place named after it must lie in one, or in a country bordering the
        one named).
    """
    s0, s1 = sentence
    lo = min(cue[0], obj_span[0])
    hi = max(cue[1], obj_span[1])
    exercise = [p for p in exercise or () if p.get("place_id") not in exclude_ids]
    def allowed(m) -> bool:
        if _is_dateline(text, m):
            return False  # "Seoul, Aug 31 — ... exercise near the border": where the report was filed
        if m.place.kind == "country":
            return not no_countries and m.place.country not in exclude_countries
        if inside_excluded and m.place.country in exclude_countries:
            return False  # "warships near Taiwan": Taipei is not what is near Taiwan
        # "drills near Rovaniemi ... the Arctic": not the Arctic; but "the Caspian Sea borders Iran" is about the sea
        return allow_water or m.place.kind not in _NOT_SUBJECTS

    def same_clause(m) -> bool:
        # "Erdogan, speaking in Ankara, said the drills near the border": where the speaker is
        return not _CLAUSE_BREAK.search(text, m.end, lo) and not _SPEECH.search(text, m.end, lo)


    before = [m for m in _resolved(mentions, max(s0, lo - NEAR_GAP), lo, obj_span, exclude_ids)
              if allowed(m) and same_clause(m) and not _parallel_object(text, m, lo)]
    specific = [m for m in before if m.place.kind != "country"]
    named = named_before(text, s0, lo, mentions)
    if named is not None:  # "at Korvel, a hamlet some 25 miles from": never replaced by another place
        return [named], "unresolved"
    # "Turkey and Azerbaijan hold exercises on the Armenian border": the exercise is what is located
    about_exercise = bool(exercise) and bool(EXERCISE_WORDS.search(text, max(s0, (before[-1].end if before else s0)),
                                                                   lo))
    if specific and not (about_exercise and specific[-1].end < lo - 60):
        return _with_list(specific, text), "sentence"
    sites = _exercise_sites(text, s0, lo, exercise) if not specific else None
    if sites is not None:
        return sites
    unnamed = None
    for unnamed in _UNNAMED_SITE.finditer(text, max(s0, lo - 80), lo):
        pass
    if unnamed is not None and not specific and re.fullmatch(r",?\s?", text[unnamed.end():lo]):
        return [], "unnamed"  # "mortar crews fired in the desert, just short of ...": an unnamed site
    if about_exercise and (_UNNAMED_SITE.search(text, max(s0, lo - CONTEXT), lo)
                           or _ELSEWHERE.search(text, max(s0, lo - 80), lo)):
        return [], "unnamed"  # "moves on to designated zones ..., a short drive from": not its listed venues
    if about_exercise:
        return [list(exercise)], "exercise"
    if specific:
        return _with_list(specific, text), "sentence"
    if before:
        return [before[-1]], "sentence"
    # "along the border near Jermuk": a place that locates the border stretch is not the subject
    # "on its frontier with Peru at Palmera, by the Napo, Region Four": a place after a border whose
    # two sides are known, resolved in a third country ("Region Four" read as another country's region), is a
    # misreading, not what stands on that border
    # "a border with Russia, and Moscow has moved troops": a new clause's place is not this claim's subject
    clause = _NEW_CLAUSE.search(text, hi, min(s1, hi + CONTEXT))
    end = clause.start() if clause else min(s1, hi + CONTEXT)
    after = [m for m in _not_objects(_resolved(mentions, hi, end, obj_span, exclude_ids), text, hi)
             if allowed(m) and _on_a_side(m.place.country, sides) and not _SPEAKER_AFTER.match(text, m.end)]
    specific = [m for m in after if m.place.kind != "country"]
    if specific:
        return [specific[0]], "after"
    if exercise and EXERCISE_WORDS.search(text, max(s0, lo - CONTEXT), min(s1, hi + CONTEXT)):
        return [list(exercise)], "exercise"
    lo_clause = max(s0, lo - CONTEXT)
    forces = forces_before(text, lo_clause, lo, mentions, exclude_countries)
    if forces is not None and not _CLAUSE_BREAK.search(text, forces.end, lo):
        return [forces], "forces"
    back = _anaphor(text, s0, lo, mentions, exclude_ids)
    if back:
        return back, "anaphor"
    base = max(s0, lo - CONTEXT)
    demonyms = [d for d in find_demonyms(text[base:lo]) if d.country and d.country not in exclude_countries]
    # "Greek and Egyptian forces take part in the exercise in the eastern Mediterranean, south of Crete": the
    # claim locates the exercise, not the country of its last participant
    if demonyms and not no_countries and not EXERCISE_WORDS.search(text, base + demonyms[-1].end, lo):
        return [demonyms[-1].country], "demonym"
    if after and not no_countries:
        return [after[0]], "after"
    return [], "none"


def _exercise_sites(text: str, s0: int, lo: int, exercise: list) -> tuple[list, str] | None:
    """The exercise's location places when the sentence's subject is its own sites, named by a definite
    noun right before the cue ("most of the grounds lie near"; see :data:`_DEFINITE_SITES`), else None.

    A demonym in the phrase keeps the places in that country ("the Belarusian grounds") when some are;
    the note is ``"exercise_most"`` for "most of" (judged by the median place), else ``"exercise"``.
    """
    m = _DEFINITE_SITES.search(text, max(s0, lo - 90), lo)
    if m is None or not exercise:
        return None
    ccs = {d.country for d in find_demonyms(m.group(0)) if d.country}
    places = [p for p in exercise if p.get("country") in ccs] or list(exercise)
    return [places], ("exercise_most" if m.group("most") else "exercise")


#: "the island", "the town's", "this small island", "the two districts": places named before
_ANAPHOR = re.compile(r"\b(?:the|this|that|these|those|both)(?P<n> two| three| four| both)?(?: [a-z-]{1,20}){0,2}? "
                      r"(?P<noun>islands?|towns?|city|cities|villages?|provinces?|regions?|districts?|bases?|ports?|"
                      r"areas?|enclave|exclave|ranges?|airfields?|camps?|garrisons?|grounds?|polygons?)(?:['’]s?)?\b", re.IGNORECASE)
#: the kinds a definite description refers back to: (first choice, fallback).  The gazetteer has no
#: island kind: an island is an admin unit, a region or a town named after it ("Lesbos", "Kinmen").
_ANAPHOR_KINDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "island": (frozenset({"island"}), frozenset({"admin1", "admin2", "region", "other", "town", "city"})),
    "town": (frozenset({"town", "city", "village"}), frozenset()),
    "city": (frozenset({"city", "town"}), frozenset()),
    "citie": (frozenset({"city", "town"}), frozenset()),
    "village": (frozenset({"village", "town"}), frozenset()),
    "port": (frozenset({"city", "town"}), frozenset({"village"})),
    # a district or province is often read as its seat town: the judge measures a 'borders' claim by the unit
    "province": (frozenset({"admin1"}), frozenset({"admin2", "city", "town"})),
    "region": (frozenset({"admin1", "admin2", "region"}), frozenset()),
    "district": (frozenset({"admin2", "admin1"}), frozenset({"city", "town"})),
    "enclave": (frozenset({"admin1", "admin2", "region"}), frozenset({"city", "town"})),
    # a base, range or camp is a site the gazetteer rarely has: the named site before, else nothing
    "base": (frozenset({"base"}), frozenset()), "range": (frozenset({"range"}), frozenset()),
    "airfield": (frozenset({"base"}), frozenset()), "camp": (frozenset(), frozenset()),
    "garrison": (frozenset({"base"}), frozenset()),
    # "the training area", "the ground", "the polygon": only a site named before ("the Tapa training area")
    "area": (frozenset(), frozenset()), "ground": (frozenset(), frozenset()), "polygon": (frozenset(), frozenset()),
    "exclave": (frozenset({"admin1", "admin2", "region"}), frozenset({"city", "town"})),
}
#: the words that make "the ... area" a site ("the training area", "the exercise area")
_SITE_WORDS = frozenset(SITE_MODIFIERS)
_COUNT = {"two": 2, "three": 3, "four": 4, "both": 2}
#: a place right after one of these is the object of a relation ("40 km from Edirne", "north of Ganja",
#: "off Ayvalik"), not the topic a later "the town" refers back to
_OBJECT_BEFORE = re.compile(r"\b(?:near|close to|next to|by|from|towards?|beyond|opposite|of|off|than|with|"
                            r"facing|across|and)\s(?:the\s)?$", re.IGNORECASE)


def _salience(cand, text: str, first_choice: frozenset[str]) -> tuple:
    """How likely a later "the town" refers to ``cand``: the kind it names first, then a place that is
    the topic (not the object of a relation: "landed at A, 40 km from B. The town" -> A), then the latest."""
    is_object = bool(_OBJECT_BEFORE.search(text, max(0, cand.start - 14), cand.start))
    return (cand.place.kind in first_choice, not is_object, cand.start)


def _anaphor(text: str, s0: int, lo: int, mentions, exclude_ids: frozenset[str]) -> list:
    """The place(s) a definite description before the cue refers back to ("the two districts" -> two).

    The topic of the text before it, of the kind the noun names: "Greek marines landed at
    Alexandroupolis, 110 km from Edirne. The town is not far from the border" -> Alexandroupolis; a
    place the gazetteer lacks but the text names with the noun ("Taiwan's Kinmen island ... this small
    island") -> that name, :class:`Unresolved`.
    """
    m = None
    for m in _ANAPHOR.finditer(text, max(s0, lo - 60), lo):
        pass
    if m is None:
        return []
    noun = m.group("noun").lower()
    plural = noun.endswith("s") and noun not in ("s",)
    stem = noun[:-1] if plural else noun
    kinds = _ANAPHOR_KINDS.get(stem)
    if kinds is None or (stem in ("area", "ground") and not _SITE_WORDS.intersection(m.group(0).lower().split())):
        return []  # "tensions in the area": only "the training area", "the firing ground" refer to a site
    first, fallback = kinds
    want = _COUNT.get((m.group("n") or "").strip().lower(), 2 if plural else 1)
    window = [c for c in mentions.between(max(0, m.start() - 2 * CONTEXT), m.start())
              if c.place.id not in exclude_ids and c.place.kind in first | fallback
              and (stem != "island" or c.place.kind in first or _ISLAND_CUE.search(text, max(0, c.start - 4),
                                                                                   c.end + 7))]
    if want == 1:
        named = _named_with_noun(text, max(0, m.start() - 2 * CONTEXT), m.start(), stem, mentions)
        best = max(window, key=lambda c: _salience(c, text, first), default=None)
        if named is not None and (best is None or best.place.kind not in first or named.start > best.start):
            return [named]
        return [best] if best is not None else []
    out: list = []
    for cand in reversed(window):
        if any(c.place.id == cand.place.id for c in out):
            continue
        out.insert(0, cand)
        if len(out) == want:
            break
    return out if len(out) == want else []


#: how an island is named: "on Lesbos", "Lesbos island" (the gazetteer has no island kind)
_ISLAND_CUE = re.compile(r"\b(?:on|off)\s\S|\S\s(?i:island)\b")


def _named_with_noun(text: str, a: int, b: int, noun: str, mentions) -> Unresolved | None:
    """The last "<Name> <noun>" in ``text[a:b]`` that the gazetteer did not resolve ("Kinmen island";
    for an island also "on Kinmen"), or a site with that noun named after a resolved town ("the Tapa
    training area", which the town stands in for)."""
    from .standins import site_named_after

    found = None
    for mm in mentions.between(a, b):
        site = site_named_after(mm, text)
        if site is not None and site.stand_in.noun.endswith(noun):
            found = site
    pattern = rf"((?:{NAME} ){{1,3}})(?:(?i:air|military|naval|army|training|firing|missile) )?(?i:{noun})s?\b"
    if noun == "island":
        pattern += rf"|(?<=\bon )((?:{NAME} ){{0,2}}{NAME})\b"
    for m in re.finditer(pattern, text[a:b]):
        name = m.group(0).strip()
        if m.lastindex == 2 and m.group(2):
            name = f"{name} {noun}"  # "on Kinmen" referred to as "the island": Kinmen island
        if not not_a_place_name(name) and not mentions.between(a + m.start(), a + m.end()) and (
                found is None or a + m.start() > found.start):
            found = Unresolved(name, a + m.start(), a + m.end())
    return found


def exercise_places(article, mentions) -> list:
    """The location places of the article's exercises (dicts with name, lat, lon, country, kind, place_id).

    Countries, seas, oceans, lakes and continents are left out: their one point says nothing of where
    in them an exercise is ("in the eastern Mediterranean, south of Crete").

    An article :func:`geodrills.events.extract_events` cannot read gives no
    exercise places (the claims go on without them); any other error is a bug
    and is raised, not hidden.
    """
    from ..errors import GeodrillsError
    from ..events import event_details, extract_events

    try:
        events = extract_events([article], mentions={article.name: list(mentions)})
    except GeodrillsError:
        return []
    out = []
    for details in events["details"]:
        for p in event_details(details).get("places") or ():
            if (isinstance(p, dict) and p.get("role") == "location" and p.get("lat") is not None
                    and p.get("kind") != "country" and p.get("kind") not in _NOT_SUBJECTS):
                out.append(p)
    return out
