"""Every geographic claim an article makes, measured and judged.

Stages (one module each): find the claim phrases of each kind
(:mod:`~geodrills.claims.grammar`) -> read the object after the cue
(:mod:`~geodrills.claims.objects`) -> find the subject the sentence locates
(:mod:`~geodrills.claims.subjects`) -> measure and judge
(:mod:`~geodrills.claims.judge`), with one table of thresholds
(:class:`~geodrills.claims.thresholds.Thresholds`).

=========  ======================================================  =========================================
kind       forms (general grammar; hedges, units, lists, negation)  measured as / verdict
=========  ======================================================  =========================================
near       near, close to, next to, by the border, not far from,    footprint -> border or place: supported
           in the vicinity of, a stone's throw from, on the          <= near_km, else doubtful; "far from",
           doorstep of, a few km from, on X's side of the border     "not near": supported > far_km; on the
           ("nowhere near" denies it)                                other country's side: doubtful
on         on / at / along / astride / straddles the border;        gap <= on_km; a border town, city or
           border post, border crossing; border town, border region  region is judged as near (it is near
           forms / marks (part of) the border                       the border by what it is, not on it)
borders    X borders (on/with) Y; shares a (700-km) border with;    outline touches (<= touch_km); a point
           which borders A, B and C (one claim each); adjoining;     within point_borders_km; two countries:
           neighbouring Y                                           they share a border
km_from    N km / kilometres / miles / nautical miles / metres      |measured - stated| <= tolerance;
           from / off / short of / N km south of; hedges: about,    "less than", "within" = upper bound;
           some, around, barely, only, nearly; "N-km"               "more than" = lower; direction ± sector
direction  south-east of X; to the east lies Y; in the north of     geodesic bearing from X within ±sector_deg;
           the country; north-western Tovuz                         inside an area: in its half of the bbox
within     X in Y; Y's X                                            X's footprint inside Y's outline / country
length     a 700-km border; a border of some 500 km; stretching     the pair's border length (geodesic) vs the
           for almost 100 km; a 5-km-wide corridor (unverifiable)   stated figure, tolerance as km_from
across     across / crossing / through / over / into a border,      the two countries share a border; a river
           a river or a country                                     line within near_km of the subject
=========  ======================================================  =========================================

Verdict policy (:class:`~geodrills.claims.thresholds.Thresholds`): a
measured figure always decides, with no grey band; ``unverifiable`` only when
there is nothing to measure, or when a unit measured from its point (no
outline bundled) may reach either side of the threshold (its allowance is the
distance to the nearest seat of a unit of its kind). A country's forces ("the
Azerbaijani army") with no place named for them are measured by the
country's territory.

Subjects and objects the gazetteer does not have ("the Gożski range", "the
Matsu Islands", "at Korvel, a hamlet some 25 miles from") are kept with
their names, never replaced by the exercise's venues or a place named
earlier.  A known place may *stand in* for such a subject
(:mod:`~geodrills.claims.standins`): the town a site is named after ("the
Tapa training area" -> Tapa), the place the gazetteer lists under a
feature's name ("Kinmen island" -> Jincheng), or the town or unit the
sentence puts it in or near ("the Tarvo range in Narva"); the reason says
which, and the site's possible spread around it (``site_km``,
``near_site_km``, a unit's extent) must leave the verdict unchanged, else
the claim is ``unverifiable``.  With no stand-in the claim is
``unverifiable`` ("names no place the gazetteer knows").  A sentence whose
subject is the exercise's own sites ("most of the grounds lie near ...")
is judged by the exercise's location places (the nearest; the median for
"most of").  A subject or object whose reading fits no other place
the article names (:func:`~geodrills.claims.judge.misreading`) is
``unverifiable`` too; a bare "the border" is the border the article last named with both countries;
"the two districts" refer back to the two places named before. A figure
that only a wrongly resolved name explains (more than ``implausible_km``)
and a border length that only the data's generalisation explains are
``unverifiable``, not ``doubtful``: the check says what it cannot tell.

Rows (:data:`CLAIM_COLUMNS`): ``article, start, end, text, kind, subject,
subject_id, subject_kind, object, object_type, stated_km, stated_bound,
stated_direction, measured_km, measured_bearing, verdict, reason, lat, lon,
target_lat, target_lon``.  ``verdict`` is ``supported``, ``doubtful`` or
``unverifiable``; ``reason`` is one sentence with the figures and the data.
A claim whose subject cannot be resolved is kept as ``unverifiable`` with
the reason.

Examples
--------
>>> from geodrills.articles import Article
>>> a = Article.from_text("Drills began in Kars, near the Armenian border, on Monday.")
>>> row = check_claims([a]).iloc[0]
>>> row["kind"], row["object"], row["verdict"], round(float(row["measured_km"]), 1)
('near', 'AM-TR', 'supported', 41.0)
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from ..lexicon.sites import NOUN_AFTER, strip_site_words
from .grammar import BORDER_WORD, Phrase, direction_of, find_phrases
from .judge import Subject, Verdict, judge, misreading, named_unit, stand_in_subject, subject_of
from .objects import MentionIndex, Obj, country_list, read_objects, unresolved_object
from .subjects import (CONTEXT, NAME as _NAME, NAMED_AFTER as _NAMED_AFTER, NAMED_BEFORE as _NAMED_BEFORE,
                       OPENING_NAME as _OPENING_NAME, Reading, Unresolved, exercise_places, not_a_place_name, reading_of,
                       subjects_for)
from .thresholds import Thresholds

__all__ = ["Claim", "extract_claims", "check_claims", "CLAIM_COLUMNS", "Thresholds"]

from ..schema import CLAIM_COLUMNS  # noqa: E402  (the one home of output columns)
_FLOAT_COLUMNS = {"stated_km", "measured_km", "measured_bearing", "lat", "lon", "target_lat", "target_lon"}


@dataclass(frozen=True)
class Claim:
    """One claim found in an article, before measuring.

    ``subject`` is a mention, an exercise place (dict), an ISO2 code, or
    None; ``reference`` the place a direction or containment is relative to.
    """

    article: str | None
    start: int
    end: int
    text: str
    kind: str
    phrase: Phrase
    obj: Obj | None
    subject: Any = None
    reference: Any = None
    subject_note: str = ""
    subject_reading: Reading | None = None  # how well the subject's (object's) reading fits the article
    object_reading: Reading | None = None
    subject_unit: bool = False  # "Belgorod region": the town's name stands for its admin-1 unit


# --------------------------------------------------------------------------- extraction


_CUE_OBJECTS = {
    "near": ("border", "place"), "km_from": ("border", "place"), "on": ("border",),
    "across": ("border", "place"), "direction": ("border", "place"), "borders": ("place",),
}
#: what may stand between a subject and its cue for the span to include the subject ("Kars, near",
#: "Iğdır, which borders", "the towns of A, B and C on")
_ADJACENT = re.compile(r"^(?:,? ?(?:which|that|who)? ?(?:[a-z]{1,20}ly )?(?:lies |lie |is |are |sits |stands )?|"
                       r"\s)$")
_AFTER_BORDER = re.compile(r"\b(?:border|frontier|boundary)s?,? $", re.IGNORECASE)
_OPENER = re.compile(r"^(?:[\"“‘'(]|just |right |somewhere |and |but |also )*$", re.IGNORECASE)
#: a cue coordinated with the claim before it shares its subject ("40 km from A and a few km from B")
_COORDINATED_CUE = re.compile(r"(?:\s[\w’'-]{1,20}){0,2}?,?\s(?:and|or|but|as well as)\s(?:also\s|just\s|only\s|yet\s)?"
                              r"(?:[\w’'-]{1,20}\s){0,2}?", re.IGNORECASE)
#: How far back (characters) a bare "the border" may refer to a border named in full.
ANAPHOR_CHARS = 3000
_SPECIFIC = {"admin1", "admin2", "city", "town", "village", "settlement", "mountain", "range", "base",
             "border_crossing", "bridge", "other", "lake", "region", "corridor", "island"}




def _mention_ending(mentions, pos: int, text: str, max_words: int = 3):
    """The mention that ends right before ``pos``, allowing a few lower-case words between ("range")."""
    best = None
    for m in mentions.between(pos - 40, pos):
        gap = text[m.end:pos]
        if len(gap) <= 40 and (not gap.strip() or (len(gap.split()) <= max_words and gap.strip().islower())):
            best = m
    return best


def _mention_starting(mentions, pos: int, text: str, max_words: int = 2):
    for m in mentions.starting(pos, pos + 31):
        gap = text[pos:m.start]
        if len(gap) > 30:
            return None
        if not gap.strip() or (len(gap.split()) <= max_words and gap.strip().islower()):
            return m
        return None
    return None


def _countries_in(text: str, a: int, b: int, mentions) -> list[str]:
    """Countries named in text[a:b] (country mentions and demonyms), in text order."""
    from ..demonyms import find_demonyms

    a = max(a, b - CONTEXT)
    found = [(m.start, m.place.country) for m in mentions.between(a, b)
             if m.place.kind == "country" and m.place.country]
    found += [(a + d.start, d.country) for d in find_demonyms(text[a:b]) if d.country]
    return [cc for _pos, cc in sorted(found)]


def _shared_countries(text: str, s0: int, pos: int, mentions) -> tuple[str, ...]:
    """The last two countries named before ``pos`` in the sentence ("their shared border")."""
    ccs: list[str] = []
    for cc in _countries_in(text, s0, pos, mentions):
        if cc in ccs:
            ccs.remove(cc)
        ccs.append(cc)
    return tuple(sorted(ccs[-2:]))


def _with_context(o: Obj, context: dict) -> Obj:
    """A bare "the border" is the border the article last named with both its countries.

    "... patrols on the common frontier [EE-LV]. ... Valka, on the Latvian side of the border" -> EE-LV.
    """
    if o.type != "border" or o.pair:
        return o
    if len(o.countries) == 2:
        context["pair"], context["at"] = o.countries, o.end
        return o
    last = context.get("pair")
    near_enough = o.start - context.get("at", o.start) <= ANAPHOR_CHARS
    if last and near_enough and (not o.countries or (len(o.countries) == 1 and o.countries[0] in last)):
        return Obj("border", o.start, o.end, last)
    return o


def _claims_of_phrase(art, text: str, sent: tuple[int, int], p: Phrase, mentions, exercise,
                      context: dict) -> list[Claim]:
    s0, s1 = sent
    if p.kind == "within":
        return _within_claims(art, text, p, mentions)
    if p.kind == "direction" and p.form == "adjective":
        return _adjective_direction(art, text, sent, p, mentions, exercise)
    if p.kind == "borders" and p.form.startswith("owner:"):
        return _owner_borders(art, text, sent, p, mentions)
    if p.kind == "borders" and p.form == "neighbour":
        return _neighbour_borders(art, text, sent, p, mentions)
    if p.kind == "borders" and p.form == "mutual":
        ccs = _shared_countries(text, s0, p.start, mentions)
        if len(ccs) < 2:
            return []
        obj = Obj("border", p.start, p.end, (ccs[1],))
        return [Claim(art.name, p.start, p.end, text[p.start:p.end], "borders", p, obj, ccs[0], None, "sentence")]
    kinds = _CUE_OBJECTS.get(p.kind, ("border", "place"))
    if p.kind == "near" and p.form == "by":
        kinds = ("border",)
    if p.kind == "direction" and p.form == "inside":
        kinds = ("place",)
    objs: list[Obj] = []
    if p.kind == "length":
        objs = _length_objects(text, sent, p, mentions)
    elif p.kind == "on" and p.form == "noun":
        objs = [Obj("border", p.start, p.end, ())]
        owner = _demonym_before(text, p.start)
        if owner:  # "Armenian attacks on Azerbaijani border points": AZ's border, with the other country named
            others = [c for c in _countries_in(text, s0, p.start - len(owner[1]) - 1, mentions) if c != owner[0]]
            obj = Obj("border", p.start, p.end, (others[-1],) if others else ())
            return [Claim(art.name, p.start - len(owner[1]) - 1, p.end, text[p.start - len(owner[1]) - 1:p.end],
                          "on", p, obj, owner[0], None, "demonym")]
    elif p.form == "to_the":
        objs = []
    else:
        objs = read_objects(text, p.obj_start, mentions, kinds=kinds)
        if p.kind == "on" and p.form == "side" and not objs:
            return []
        if p.kind == "across" and p.form == "loose":
            objs = [o for o in objs if o.type == "border" or (o.mention is not None and o.mention.place.kind in
                                                                ("country", "river"))]
        objs = [o for o in objs if not (o.type == "border" and not o.countries and p.kind in ("across",)
                                        and False)]
        if not objs and p.kind == "direction" and p.form == "inside" and text.startswith("the country", p.obj_start):
            objs = [Obj("country", p.obj_start, p.obj_start + len("the country"), name="the country")]
        if not objs and p.kind == "direction" and p.form == "to_the_of":
            return []
        if not objs:
            if p.kind in ("across", "near", "km_from", "direction"):
                objs = _territory(text, p, mentions)
            if not objs and (p.kind in ("near", "km_from") or (p.kind == "across" and p.form == "cross")
                             or (p.kind == "direction" and p.form in ("of", "inside"))) and p.form != "by":
                un = unresolved_object(text, p.obj_start)
                objs = [un] if un is not None and not mentions.starting(un.start, un.end - 1) else []
            if not objs:
                return []
    objs = [_fill_shared(o, text, s0, p, mentions) for o in objs]
    if p.kind == "on" and p.form == "side":
        side = _shared_countries(text, p.start, p.end, mentions)
        objs = [Obj("border", o.start, o.end, tuple(sorted(set(side + o.countries)))[:2] or o.countries, pair=o.pair)
                for o in objs]
    objs = [_with_context(o, context) for o in objs]
    if p.kind == "across":
        objs = [_border_from(o, text, mentions) for o in objs]
    reference = None
    if p.form == "between":
        places = [o for o in objs if o.mention is not None]
        if len(places) < 2:
            return []
        reference = [subject_of(o.mention) for o in places]
        objs = [Obj("place", places[0].start, places[-1].end, mention=places[0].mention)]
    kind = "near" if p.kind == "on" and p.form == "side" else p.kind
    obj_span = (min(o.start for o in objs), max(o.end for o in objs)) if objs and p.form != "to_the" else (
        p.start, p.end)
    exclude = frozenset(c for o in objs if o.type == "border" for c in o.countries)
    exclude |= frozenset(o.mention.place.country for o in objs if o.mention is not None
                         and o.mention.place.kind == "country" and o.mention.place.country)
    if p.form == "to_the":
        subs, note, ref_m = _to_the(text, sent, p, mentions)
        if p.kind == "km_from":
            objs = [Obj("place", ref_m.start, ref_m.end, mention=ref_m)] if ref_m is not None else []
            if not objs:
                return []
        else:
            reference = subject_of(ref_m) if ref_m is not None else None
    elif p.kind == "on" and p.form == "noun":
        subs, note = _border_noun_subject(text, sent, p, mentions)
        if not subs:
            return []  # "at the border crossing": a noun, no claim about a named place
    else:
        obj_ids = frozenset(o.mention.place.id for o in objs if o.mention is not None)
        two_country = any(o.type == "border" and len(o.countries) == 2 for o in objs)
        country_obj = any(o.mention is not None and o.mention.place.kind == "country" for o in objs)
        subs, note = subjects_for(text, sent, (p.start, p.end), obj_span, mentions, exclude_countries=exclude,
                                  exclude_ids=obj_ids, no_countries=two_country or p.kind in ("near", "on", "km_from"),
                                  inside_excluded=country_obj and p.form != "inside", allow_water=p.kind == "borders", exercise=exercise,
                                  sides=next((frozenset(o.countries) for o in objs if o.type == "border"
                                              and o.countries), frozenset()))
        if p.kind == "near" and any(o.type == "place" for o in objs) and note != "sentence" \
                and _OPENER.match(text[s0:p.start]):
            return []  # "Near Brześć, ...": a locative opening the sentence, not a claim about something
        if p.kind == "near" and any(o.type == "place" for o in objs) and _AFTER_BORDER.search(
                text, max(s0, p.start - 12), p.start):
            return []  # "up and down the Latvian frontier near Daugavpils": which stretch of the border, not a claim
    if p.kind == "direction" and p.form == "inside":
        subs = [s for s in subs if not (hasattr(s, "place") and s.place.kind == "country")] or subs
    prev = context.get("last")
    if prev and prev[0] == s0 and _COORDINATED_CUE.fullmatch(text, prev[1], p.start) and note not in ("sentence",):
        subs, note = prev[2], prev[3]  # "Korvel, a hamlet 25 miles from A and a few km from B": one subject
    if note not in ("sentence", "unresolved"):
        # "the Osk and Varna Gunnery Ranges near Tbilisi": named sites before the cue come before the
        # exercise's places, a country's forces or a place named after the object
        named = _unresolved_before(text, sent, p, mentions)
        subs, note = (named, "unresolved") if named else (subs, note)
    if not subs:
        subs = _unresolved_after(text, sent, obj_span)
        note = "unresolved" if subs else note
    if subs:
        context["last"] = (s0, max(p.end, obj_span[1]), subs, note)
    out = []
    for sub in subs or [None]:
        start = p.start
        if hasattr(sub, "start") and s0 <= sub.start < p.start and _ADJACENT.match(text[sub.end:p.start]):
            start = sub.start
        end = max(p.end, obj_span[1])
        for o in objs or [None]:
            out.append(Claim(art.name, start, end, text[start:end], kind, p, o, sub, reference, note))
    return out


def _demonym_before(text: str, pos: int) -> tuple[str, str] | None:
    """(ISO2, word) of a demonym right before ``pos`` ("Azerbaijani border points")."""
    from ..demonyms import demonym_country

    m = re.search(r"([A-Z][\w’'-]{1,30}) $", text[max(0, pos - 32):pos])
    if m and demonym_country(m.group(1)):
        return demonym_country(m.group(1)), m.group(1)
    return None


def _unresolved_before(text: str, sent, p: Phrase, mentions) -> list:
    """Named sites the gazetteer lacks, right before the cue ("the Osk and Varna Gunnery Ranges near")."""
    s0, _s1 = sent
    opener = _OPENING_NAME.match(text[s0:p.start]) if p.start - s0 <= 80 else None
    if opener and not mentions.between(s0, s0 + opener.end(1)) and not not_a_place_name(opener.group(1)):
        # "Norio, south-east of Tbilisi, ..."
        return [Unresolved(opener.group(1), s0, s0 + opener.end(1))]
    end = p.start - (len(text[max(s0, p.start - 3):p.start]) - len(text[max(s0, p.start - 3):p.start].rstrip(" ,")))
    named = _NAMED_BEFORE.search(text, max(s0, p.start - 80), end)
    if named:
        g = 1 if named.group(1) else 2
        if not mentions.between(named.start(g), named.end(g)) and not not_a_place_name(named.group(g)):
            return _coordinated_sites(text, s0, Unresolved(named.group(g), named.start(g), named.end(g)))
    return []


def _unresolved_after(text: str, sent, obj_span) -> list:
    """Named sites the gazetteer lacks listed after the object ("north of Kaunas: the Rukla
    Air Strip, ... and the Gaiziunai firing range")."""
    _s0, s1 = sent
    out = []
    pos = obj_span[1]
    lead = re.match(r"\s?[:,—–-]\s?(?:the )?", text[pos:pos + 6])
    while lead and pos < s1 and len(out) < 8:
        m = _NAMED_AFTER.match(text[pos + lead.end():pos + lead.end() + 80])
        if not m:
            break
        a = pos + lead.end()
        out.append(Unresolved(m.group(1), a, a + m.end(1)))
        pos = a + m.end(1)
        lead = re.match(r",?\s(?:and\s)?(?:the )?|,\s?", text[pos:pos + 12])
    return out


def _border_from(o: Obj, text: str, mentions) -> Obj:
    """"just across the border from Gyumri": the border has that place's country on its far side."""
    if o.type != "border" or len(o.countries) >= 2 or o.pair:
        return o
    m = re.match(r"\s+from\s+(?:the\s+)?", text[o.end:o.end + 16])
    if m is None:
        return o
    after = mentions.starting(o.end + m.end(), o.end + m.end())
    cc = after[0].place.country if after and after[0].place is not None else None
    if not cc or cc in o.countries:
        return o
    return Obj("border", o.start, after[0].end, tuple(sorted({*o.countries, cc})), name=o.name)


def _fill_shared(o: Obj, text: str, s0: int, p: Phrase, mentions) -> Obj:
    if o.type != "shared":
        return o
    ccs = _shared_countries(text, s0, p.start, mentions)
    return Obj("border", o.start, o.end, ccs)


def _territory(text: str, p: Phrase, mentions) -> list[Obj]:
    """ "crossing Iranian territory", "off the Chinese coast" -> the country (IR, CN)."""
    from ..demonyms import demonym_country

    m = re.match(r" ?(?:the )?([A-Z][\w’'-]{1,30}) (?:territory|soil|airspace|land|coast|coastline|shore|mainland|side)\b",
                 text[p.obj_start:p.obj_start + 50])
    if m and demonym_country(m.group(1)):
        cc = demonym_country(m.group(1))
        land = re.search(r"(?:coast|coastline|shore|mainland)$", m.group(0))
        return [Obj("country" if land else "border", p.obj_start, p.obj_start + m.end(), (cc,),
                    name=cc if land else None)]
    return []


def _length_objects(text: str, sent, p: Phrase, mentions) -> list[Obj]:
    """The border a length is of: read around the phrase within its sentence."""
    s0, s1 = sent
    border_end = p.end
    if p.form in ("longest", "shortest"):  # "a 7,600-km frontier with Russia, Asia's longest": that border
        last = None
        for last in BORDER_WORD.finditer(text, max(s0, p.start - CONTEXT), p.start):
            pass
        border_end = last.end() if last is not None else p.end
    owned = _owned_border(text, s0, p.start if p.form not in ("longest", "shortest") else border_end, border_end,
                          mentions)
    if owned is not None:
        return [owned]
    between = re.search(r"\bbetween ", text[p.obj_start:min(s1, p.obj_start + 40)])
    if between:
        ms = [m for m in mentions.between(p.obj_start + between.end(), min(s1, p.obj_start + CONTEXT))
              if m.place.kind == "country"]
        if ms:
            ccs, end = country_list(text, ms[0].start, mentions, s1)
            if len(ccs) >= 2:
                return [Obj("border", ms[0].start, end, tuple(sorted(ccs[:2])))]
    objs = read_objects(text, p.start if p.form == "stretching" else max(s0, p.start - 0), mentions,
                        kinds=("border",))
    window_objs = read_objects(text, p.obj_start, mentions, kinds=("border", "place"))
    for o in window_objs + objs:
        if o.type == "border" and o.countries:
            return [o]
        if o.type == "place" and o.mention is not None and o.mention.place.kind == "country":
            return [Obj("border", o.start, o.end, (o.mention.place.country,))]
    ccs = _shared_countries(text, s0, min(s1, p.end + CONTEXT), mentions)
    return [Obj("border", p.start, p.end, ccs)] if ccs else [Obj("border", p.start, p.end, ())]


_WITH_AFTER = re.compile(r"\s?(?:\([^()\n]{0,30}\)\s?)?(?:border|frontier|boundary)?s?\s?with\s(?:the\s)?",
                         re.IGNORECASE)


def _owned_border(text: str, s0: int, cue: int, border_end: int, mentions) -> Obj | None:
    """ "Finland shares a 1,340-km border with Russia": the pair of the country before and the one after."""
    w = _WITH_AFTER.match(text, border_end)
    if w is None:
        return None
    after, end = country_list(text, w.end(), mentions, w.end() + 60)
    before = _countries_in(text, s0, cue, mentions)
    if not after or not before or before[-1] == after[0]:
        return None
    return Obj("border", border_end, end, tuple(sorted((before[-1], after[0]))))


def _to_the(text: str, sent, p: Phrase, mentions):
    """ "to the west lies Turkey": subject after the verb, reference the place named before."""
    import re

    s0, s1 = sent
    verb = re.match(r",?\s(?:lies|lie|is|are|sits|stands|rises|stretches|runs|flows|begins)\s", text[p.end:p.end + 20])
    before = mentions.between(max(0, s0 - CONTEXT, p.start - CONTEXT), p.start)
    if verb:
        after = mentions.between(p.end, min(s1, p.end + CONTEXT))
        subs = after[:1]
        ref = before[-1] if before else None
    else:
        # "bordered by Turkey to the west", "Russia lies to the north": the place right before the cue;
        # "the Iraqi border to the east" names no place there
        in_sent = [m for m in before if m.start >= s0 and _TO_THE_GAP.fullmatch(text, m.end, p.start)]
        subs = in_sent[-1:]
        ref = next((m for m in reversed(before) if not subs or m.place.id != subs[0].place.id), None)
    return subs, "sentence", ref


_TO_THE_GAP = re.compile(r"(?:\s(?:lies|lie|is|are|sits|stands|is located|located|situated))?,?\s?", re.IGNORECASE)


#: a name listed right before another: "Lora and " in "the Lora and Brevik border posts"
_LISTED_NAME = re.compile(rf"\b({_NAME})(?:,?\s(?:and|or|&)\s|,\s)$")
#: what separates the names of a list: ", ", ", and ", " or "
_LIST_SEP = re.compile(r",\s?(?:and |or )?|\s(?:and|or)\s")
#: a name the gazetteer lacks right before a border noun, after "the" or a list: "the Brevik " in "the
#: Brevik border post", "and Brevik " in "the Lora and Brevik border posts"
_NAME_BEFORE_NOUN = re.compile(rf"(?:\b(?:the|The|and|or)\s|,\s)({_NAME})\s$")


def _border_noun_subject(text: str, sent, p: Phrase, mentions):
    s0, s1 = sent
    m = _mention_ending(mentions, p.start, text, max_words=1)
    if m is not None and m.start >= s0 and m.place.kind != "country":
        return _with_listed_names(text, s0, [m], mentions), "sentence"
    if m is None:
        # "the Lora and Brevik border posts", neither in the gazetteer: each name is a subject
        bare = _NAME_BEFORE_NOUN.search(text, max(s0, p.start - 40), p.start)
        if bare and not not_a_place_name(bare.group(1)) and not mentions.between(bare.start(1), bare.end(1)):
            return _with_listed_names(text, s0, [Unresolved(bare.group(1), bare.start(1), bare.end(1))],
                                      mentions), "unresolved"
    of = re.match(r"\s(?:of|at|in) (?:the )?", text[p.end:p.end + 10])
    if of:
        m = _mention_starting(mentions, p.end + of.end(), text)
        if m is not None:
            return [m], "sentence"
    return subjects_for(text, sent, (p.start, p.end), (p.start, p.end), mentions)


def _with_listed_names(text: str, s0: int, subs: list, mentions) -> list:
    """``subs`` with the names listed right before the first, resolved or not ("Lora and ", "Lora, ")."""
    while len(subs) < 8:
        first = subs[0].start
        resolved = mentions.between(max(s0, first - CONTEXT), first)
        if resolved and _LIST_SEP.fullmatch(text, resolved[-1].end, first):
            subs.insert(0, resolved[-1])
            continue
        listed = _LISTED_NAME.search(text, max(s0, first - 40), first)
        if listed is None or not_a_place_name(listed.group(1)) or mentions.between(listed.start(1), listed.end(1)):
            break
        subs.insert(0, Unresolved(listed.group(1), listed.start(1), listed.end(1)))
    return subs


def _owner_borders(art, text: str, sent, p: Phrase, mentions) -> list[Claim]:
    """ "Venezuela's border with Guyana", "its border with Iran": the owner borders each country named."""
    s0, s1 = sent
    owner_word = p.form.split(":", 1)[1]
    owner = None
    if owner_word.lower() not in ("its", "their", "it", "they"):
        owner = next(iter(mentions.starting(p.start, p.start)), None)
        if owner is None:
            from ..demonyms import demonym_country

            cc = demonym_country(owner_word)
            owner = cc if cc else None
    else:
        # "the Peruvian army ... along its border with Chile": the last country named, by name or demonym
        before = mentions.between(max(0, s0 - CONTEXT, p.start - CONTEXT), p.start)
        countries = _countries_in(text, max(0, s0 - CONTEXT, p.start - CONTEXT), p.start, mentions)
        owner = countries[-1] if countries else (before[-1] if before else None)
    objs = read_objects(text, p.obj_start, mentions, kinds=("place",))
    out = []
    for o in objs:
        if owner is None or (hasattr(owner, "place") and owner.place.id == o.mention.place.id) or \
                owner == o.mention.place.country and o.mention.place.kind == "country":
            continue
        out.append(Claim(art.name, p.start, o.end, text[p.start:o.end], "borders", p, o, owner, None, "sentence"))
    return out


def _neighbour_borders(art, text: str, sent, p: Phrase, mentions) -> list[Claim]:
    """ "Morocco and neighbouring Algeria": the country spoken of borders the one named."""
    s0, _s1 = sent
    objs = [o for o in read_objects(text, p.obj_start, mentions, kinds=("place",)) if o.mention.place.kind == "country"]
    before = [m for m in mentions.between(max(0, s0 - CONTEXT, p.start - CONTEXT), p.start) if m.place.country]
    side = re.search(r"\b(?P<dir>(?:north|south)(?:[ -]?(?:east|west))?|east|west)ern\b", p.text, re.IGNORECASE)
    out = []
    for o in objs:
        home = next((m.place.country for m in reversed(before) if m.place.country != o.mention.place.country), None)
        if home:
            out.append(Claim(art.name, p.start, o.end, text[p.start:o.end], "borders", p, o, home, None, "context"))
        if home and side:  # "its eastern neighbour Iran": Iran lies east of the owner
            from dataclasses import replace

            dp = replace(p, kind="direction", direction=direction_of(side.group("dir")), form="neighbour")
            ref = Subject(home, None, "country", home, None)
            out.append(Claim(art.name, p.start, o.end, text[p.start:o.end], "direction", dp, o, o.mention, ref,
                             "context"))
    return out


def _adjective_direction(art, text: str, sent, p: Phrase, mentions, exercise) -> list[Claim]:
    """ "north-western Tovuz": the place in that part of its country; "north-eastern Greece": the area."""
    import re

    from ..demonyms import demonym_country

    m = _mention_starting(mentions, p.obj_start, text, max_words=0)
    if m is None:
        dm = re.match(r"([A-Z][\w’'-]{1,30}) (?:[a-z]+ ){1,2}(?:of )?", text[p.obj_start:p.obj_start + 60])
        if dm and demonym_country(dm.group(1)):
            sub = _mention_starting(mentions, p.obj_start + dm.end(), text, max_words=0)
            if sub is not None:
                obj = Obj("place", p.obj_start, p.obj_start + len(dm.group(1)), (demonym_country(dm.group(1)),))
                ref = Subject(demonym_country(dm.group(1)), None, "country", demonym_country(dm.group(1)), None)
                return [Claim(art.name, p.start, sub.end, text[p.start:sub.end], "direction", p, obj, sub, ref,
                              "sentence")]
        return []
    if m.place.kind == "country":
        # "exercises in north-eastern Greece": what the sentence locates lies in that part of the country
        subs, note = subjects_for(text, sent, (p.start, m.end), (m.start, m.end), mentions,
                                  exclude_ids=frozenset({m.place.id}), no_countries=True, exercise=exercise)
        ref = subject_of(m)
        obj = Obj("place", m.start, m.end, (m.place.country,), mention=m)
        return [Claim(art.name, p.start, m.end, text[p.start:m.end], "direction", p, obj, sub, ref, note)
                for sub in subs or [None]]
    if m.place.kind not in _SPECIFIC or not m.place.country:
        return []
    ref = Subject(m.place.country, None, "country", m.place.country, None)
    obj = Obj("place", m.start, m.end, (m.place.country,))
    return [Claim(art.name, p.start, m.end, text[p.start:m.end], "direction", p, obj, m, ref, "sentence")]


#: "in Osh Province, near the Kara-Suu gunnery range": the unit's generic noun may follow its name
_AT_SITE = re.compile(r"(?:\s(?i:region|province|oblast|voblast|district|governorate|county|state|prefecture|"
                      r"municipality|raion|rayon))?,?\s(?:at|near) (?:the )?")


#: "the Osk and Varna Gunnery Ranges", "the Lora, Tinde and Brevik border posts": names sharing a noun
_COORDINATED_NAMES = re.compile(rf"((?:{_NAME}, ){{0,4}}{_NAME},? and )$")


def _coordinated_sites(text: str, s0: int, site: Unresolved) -> list[Unresolved]:
    """One subject per name when coordinated names share a plural site noun, else ``[site]``."""
    words = site.name.split()
    if len(words) < 2 or not words[-1].endswith("s"):
        return [site]
    m = _COORDINATED_NAMES.search(text, max(s0, site.start - 160), site.start)
    if m is None:
        return [site]
    noun = " ".join(w for w in words[1:] if w[:1].isupper() or w.islower())
    singular = noun[:-1] if noun.endswith("s") else noun
    out = [Unresolved(f"{n.group(0)} {singular}", n.start(), n.end())
           for n in re.finditer(_NAME, text[m.start(1):m.end(1)]) if n.group(0) != "and"]
    out = [Unresolved(u.name, u.start + m.start(1), u.end + m.start(1)) for u in out]
    return out + [Unresolved(f"{words[0]} {singular}", site.start, site.end)]


#: a bare name after a unit's possessive, where a place name stands: "Uttarakhand's Auli, barely ..."
_BARE_NAME_AFTER = re.compile(rf"^({_NAME})(?=[,.;:]|\s(?:in|near|on|at|by|barely|just|some|about|which|where|"
                              r"close|not far|lies|is)\b)")
#: a name after "in" that the gazetteer did not resolve: "the Kestrel Gunnery Complex in Zorvath"
_BARE_AREA = re.compile(rf"^({_NAME}(?: {_NAME}){{0,2}})(?![\w’'-])")


#: "<Name> of " before a place makes it part of a name or title ("Gregory of Narek", "Duke of York")
_EPITHET = re.compile(r"\b(?!(?:The|A|An)\b)[A-ZÀ-ÞĀ-ſ][\w’'-]{1,30} of $")


def _recognised_within(art, text: str, p: Phrase, mentions) -> list[Claim]:
    """ "Transnistria, recognised by most states as part of Moldova": within that country."""
    from ..demonyms import demonym_country

    rel = re.search(r",?\s(?:which|that)\s(?:is|are|was|were|remains?)$", text[max(0, p.start - 20):p.start])
    sub = _mention_ending(mentions, p.start - (len(rel.group(0)) if rel else 0), text, max_words=0)
    if sub is None or sub.place.kind in ("country", "sea", "lake", "ocean", "continent"):
        return []
    area = _mention_starting(mentions, p.obj_start, text, max_words=0)
    if area is not None and area.place.kind == "country":
        cc, end = area.place.country, area.end
    else:
        dm = re.match(r"([A-ZÀ-ÞĀ-ſ][\w-]{1,30}) (?:territory|soil|land)\b", text[p.obj_start:p.obj_start + 50])
        cc = demonym_country(dm.group(1)) if dm else None
        end = p.obj_start + dm.end() if dm else p.end
    if not cc:
        return []
    ref = Subject(cc, None, "country", cc, None)
    obj = Obj("place", p.obj_start, end, (cc,), name=cc)
    return [Claim(art.name, sub.start, end, text[sub.start:end], "within", p, obj, sub, ref, "sentence")]


def _within_claims(art, text: str, p: Phrase, mentions) -> list[Claim]:
    if p.form == "recognised":
        return _recognised_within(art, text, p, mentions)
    if p.form == "pronoun":
        sub = _mention_starting(mentions, p.obj_start, text, max_words=0)
        owners = [m for m in mentions.between(p.start - CONTEXT, p.start) if m.place.kind == "country"]
        if sub is None or not owners or sub.place.kind in ("country", "sea", "lake", "ocean", "continent"):
            return []
        area = owners[-1]
        obj = Obj("place", area.start, area.end, (area.place.country,), mention=area)
        return [Claim(art.name, p.start, sub.end, text[p.start:sub.end], "within", p, obj, sub, subject_of(area),
                      "sentence")]
    if p.form == "in":
        sub = _mention_ending(mentions, p.start, text, max_words=3)
        if sub is not None and _EPITHET.search(text, max(0, sub.start - 34), sub.start):
            return []  # "St. Gregory of Narek in Vatican", "the Bank of England in London": a name, not a place
        area = _mention_starting(mentions, p.obj_start, text, max_words=1)
        if sub is None and area is not None:  # "in Osh Province, near the Kara-Suu gunnery range"
            at = _AT_SITE.match(text[area.end:area.end + 40])
            if at:
                pos = area.end + at.end()
                sub = _mention_starting(mentions, pos, text, max_words=0)
                named = None if sub is not None else _NAMED_AFTER.match(text[pos:pos + 80])
                if named:
                    sub = Unresolved(named.group(1), pos, pos + named.end(1))
        if sub is None:
            named = _NAMED_BEFORE.search(text, max(0, p.start - 60), p.start)
            if named:
                g = 1 if named.group(1) else 2
                if not any(m.start <= named.start(g) < m.end for m in mentions.between(named.start(g) - 60,
                                                                                         named.end(g) + 60)) \
                        and not not_a_place_name(named.group(g)):
                    sub = Unresolved(named.group(g), named.start(g), named.end(g))
            if isinstance(sub, Unresolved) and area is None and named.group(2):
                # "the Kestrel Gunnery Complex in Zorvath": a named site in a place the gazetteer lacks
                bare = _BARE_AREA.match(text[p.obj_start:p.obj_start + 100])
                if bare and not not_a_place_name(bare.group(1)) and not mentions.between(
                        p.obj_start, p.obj_start + bare.end(1)):
                    end = p.obj_start + bare.end(1)
                    obj = Obj("unresolved", p.obj_start, end, name=bare.group(1))
                    return [Claim(art.name, sub.start, end, text[sub.start:end], "within", p, obj, sub, None,
                                  "unresolved")]
    else:
        area = _mention_ending(mentions, p.start, text, max_words=0)
        sub = _mention_starting(mentions, p.obj_start, text, max_words=1)
        if sub is None and area is not None:
            named = _NAMED_AFTER.match(text[p.obj_start:p.obj_start + 60])
            if named is None and area.place.kind in ("admin1", "admin2", "region"):
                named = _BARE_NAME_AFTER.match(text[p.obj_start:p.obj_start + 60])  # "Uttarakhand's Auli,"
                named = named if named and not not_a_place_name(named.group(1)) else None
            if named:
                sub = Unresolved(named.group(1), p.obj_start, p.obj_start + named.end(1))
    if sub is None or area is None:
        return []
    if isinstance(sub, Unresolved):
        if area.place.kind not in ("country", "admin1", "admin2", "region") or sub.name in ("The", "A"):
            return []
        a, b = min(sub.start, area.start), max(sub.end, area.end)
        obj = Obj("place", area.start, area.end, (area.place.country,) if area.place.country else (), mention=area)
        return [Claim(art.name, a, b, text[a:b], "within", p, obj, sub, subject_of(area), "unresolved")]
    if sub.place.id == area.place.id:
        return []
    if area.place.kind not in ("country", "admin1", "admin2", "region") or sub.place.kind in (
            "country", "sea", "lake", "ocean", "continent"):
        return []
    if area.place.kind == "admin2" and sub.place.kind in ("admin1", "admin2"):
        return []
    if area.place.kind == "region" and sub.place.kind == "region":
        return []
    a, b = min(sub.start, area.start), max(sub.end, area.end)
    obj = Obj("place", area.start, area.end, (area.place.country,) if area.place.country else (), mention=area)
    return [Claim(art.name, a, b, text[a:b], "within", p, obj, sub, subject_of(area), "sentence")]


def extract_claims(article, mentions=None, *, events: bool = True) -> list[Claim]:
    """Find the geographic claims of one article (see the module docstring for the kinds).

    Parameters
    ----------
    article : geodrills.articles.Article, str or path
    mentions : list of geodrills.mentions.Mention, optional
        The article's mentions (``geoparse(article)`` by default).
    events : bool
        Use the article's exercise locations as the subject of a sentence
        that is about an exercise and names no place (default True).

    Returns
    -------
    list of Claim
        Sorted by start offset.

    Examples
    --------
    >>> [(c.kind, c.obj.label) for c in extract_claims("Iğdır borders Armenia, Iran and Azerbaijan.")]
    [('borders', 'Armenia'), ('borders', 'Iran'), ('borders', 'Azerbaijan')]
    """
    from ..articles import as_article
    from ..demonyms import find_demonyms
    from ..mentions import geoparse
    from ..sentences import Sentences

    art = as_article(article)
    text = art.text
    ms = MentionIndex(geoparse(art) if mentions is None else mentions)
    sentences = Sentences(text)
    exercise = None
    context: dict = {}  # the border the article last named in full, for a bare "the border"
    claims: list[Claim] = []
    demonyms = None  # the countries the article names by adjective, found once
    for s0, s1 in sentences:
        for p in find_phrases(text, s0, s1):
            if demonyms is None:
                demonyms = frozenset(d.country for d in find_demonyms(text) if d.country)
            if exercise is None and events:
                exercise = _with_place_readings(exercise_places(art, ms), ms, demonyms)
            for c in _claims_of_phrase(art, text, (s0, s1), p, ms, exercise or [], context):
                claims.append(_with_stand_in(_with_readings(c, ms, text, demonyms), text, (s0, s1), ms,
                                             exercise or []))
    return _dedupe(claims)


def _with_place_readings(places: list[dict], ms: MentionIndex, demonyms: frozenset) -> list[dict]:
    """The exercise's location places, each with the :class:`Reading` of its first mention (key
    ``reading``), so that a far-off namesake ("Siberia" read as a Mexican village) is never measured."""
    first: dict[str, Any] = {}
    for m in ms:
        first.setdefault(m.place.id, m)
    out = []
    for p in places:
        m = first.get(p.get("place_id"))
        out.append({**p, "reading": reading_of(m, ms, demonyms) if m is not None else None})
    return out


def _with_stand_in(c: Claim, text: str, sentence: tuple[int, int], ms: MentionIndex, exercise: list) -> Claim:
    """The claim with a known place standing in for a site its subject names: the town a site is named
    after ("the Tapa training area" -> Tapa, with the site's spread), or, for a subject the gazetteer lacks,
    the place :func:`~geodrills.claims.standins.find_stand_in` finds for it."""
    from dataclasses import replace

    from .standins import context_countries, find_stand_in, site_named_after

    c = _object_stand_in(c, text, sentence, ms, exercise)
    u = c.subject
    if hasattr(u, "place"):
        site = site_named_after(u, text)
        return replace(c, subject=site) if site is not None else c
    if not isinstance(u, Unresolved) or u.stand_in is not None:
        return c
    exclude = {c.obj.mention.place.id} if c.obj is not None and c.obj.mention is not None else set()
    if hasattr(c.reference, "place_id") and c.reference.place_id:
        exclude.add(c.reference.place_id)
    countries = (context_countries(text, u.start, sentence, ms, exercise) | _object_countries(c.obj)
                 if strip_site_words(u.name)[1] else frozenset())  # only a site or feature name is looked up
    found = find_stand_in(u.name, u.start, u.end, text, ms, countries, frozenset(exclude))
    if found is None or (c.kind == "within" and found.relation in ("in", "near")):
        return c  # "the Tarvo range in Bartown": whether it is in Bartown is what the claim says, not a measure
    return replace(c, subject=replace(u, stand_in=found))


def _object_stand_in(c: Claim, text: str, sentence: tuple[int, int], ms: MentionIndex, exercise: list) -> Claim:
    """The claim with a known place standing in for an object the gazetteer lacks ("40 km from the Tapa
    camps", "south of the Kuril Islands"), found as for a subject."""
    from dataclasses import replace

    from .standins import context_countries, find_stand_in, site_named_after

    o = c.obj
    if o is None or c.kind == "within":
        return c
    if o.mention is not None and o.type == "place":  # "15 km from the Tapa range": the site named after Tapa
        site = site_named_after(o.mention, text)
        if site is None:
            return c
        return replace(c, obj=Obj("place", o.start, o.end, o.countries, name=site.name, stand_in=site.stand_in))
    if o.type != "unresolved" or not o.name:
        return c
    noun = NOUN_AFTER.match(text, o.end, o.end + 60)  # "the Kinmen island", "the Tapa camps"
    if noun is not None:
        o = replace(o, end=noun.end(), name=text[o.start:noun.end()])
    exclude = frozenset({c.subject.place.id}) if hasattr(c.subject, "place") and c.subject.place else frozenset()
    countries = context_countries(text, o.start, sentence, ms, exercise) if strip_site_words(o.name)[1] \
        else frozenset()
    if hasattr(c.subject, "place") and c.subject.place is not None and c.subject.place.country:
        countries |= {c.subject.place.country}
    found = find_stand_in(o.name, o.start, o.end, text, ms, countries, exclude)
    if found is None:
        return c
    cc = (found.place.country,) if found.place.country else ()
    return replace(c, obj=Obj("place", o.start, o.end, cc, name=o.name, stand_in=found))


def _object_countries(obj: Obj | None) -> frozenset[str]:
    """The countries a claim's object names, with the neighbours of a one-country border's country (a
    site "near the Czech border" may lie on either side)."""
    if obj is None:
        return frozenset()
    ccs = set(obj.countries)
    if obj.type == "border" and len(ccs) == 1:
        from ..borders import BorderData

        (cc,) = ccs
        ccs |= {x for pair in BorderData.default().borders if cc in pair.split("-") for x in pair.split("-")}
    return frozenset(ccs)


#: a unit noun right after a town's name: "Belgorod region", "Kars province", "Tovuz district"
_UNIT_AFTER = re.compile(r"\s(?:region|province|oblast|voblast|district|governorate|county|prefecture|rayon|"
                         r"raion|krai|kray)\b", re.IGNORECASE)


def _with_readings(c: Claim, ms: MentionIndex, text: str, demonyms: frozenset = frozenset()) -> Claim:
    """The claim with how well its subject's and object's readings fit the article (:func:`reading_of`),
    and whether the subject is a unit named after its town ("Belgorod region, bordering Ukraine")."""
    from dataclasses import replace

    sub = reading_of(c.subject, ms, demonyms) if hasattr(c.subject, "place") else None
    obj = reading_of(c.obj.mention, ms, demonyms) if c.obj is not None and c.obj.mention is not None else None
    unit = hasattr(c.subject, "place") and bool(_UNIT_AFTER.match(text, c.subject.end))
    return replace(c, subject_reading=sub, object_reading=obj, subject_unit=unit) if sub or obj or unit else c


def _key(c: Claim) -> tuple:
    sub = c.subject
    sid = sub.place.id if hasattr(sub, "place") else ("exercise" if isinstance(sub, list) else
                                                       getattr(sub, "name", sub))
    return c.kind, sid, c.obj.label if c.obj is not None else None


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """One claim per kind, subject and object among overlapping spans (the first found)."""
    claims.sort(key=lambda c: (c.start, c.end, c.kind))
    out: list[Claim] = []
    last: dict[tuple, int] = {}
    spans: dict[str, tuple[int, int, int]] = {}  # kind -> (start, end, cue start) of the last claim
    for c in claims:
        k = _key(c)
        if k in last and c.start < last[k]:
            continue
        prev = spans.get(c.kind)
        if prev and prev[0] <= c.phrase.start and c.end <= prev[1] and c.phrase.start > prev[2]:
            continue  # "across the Azerbaijani border into Iran": the inner cue is part of the outer claim
        spans[c.kind] = (c.start, c.end, c.phrase.start)
        last[k] = max(last.get(k, 0), c.end)
        out.append(c)
    return out


# --------------------------------------------------------------------------- checking


def _collect(articles) -> list:
    """Articles from every corpus source (files, folders, tables, DataFrames, texts): see geodrills.corpus."""
    from ..corpus import iter_articles

    return list(iter_articles(articles))


def check_claims(articles, *, thresholds: Thresholds | None = None, mentions: dict | None = None,
                 events: bool = True, **overrides: float):
    """Extract, measure and judge the geographic claims of articles.

    Parameters
    ----------
    articles : Article, path, str, or an iterable of them
        A directory means every ``*.txt`` in it; a ``str`` that is not an
        existing directory or ``.txt`` file is the article's text.
    thresholds : Thresholds, optional
        The verdict thresholds; single ones can also be given as keywords
        (``near_km=30``).
    mentions : dict, optional
        Article name -> its mentions, when already geoparsed.
    events : bool
        Use exercise locations as subjects (see :func:`extract_claims`).

    Returns
    -------
    geopandas.GeoDataFrame
        One row per claim, columns :data:`CLAIM_COLUMNS` plus ``geometry``
        (the subject's point, EPSG:4326) and ``to_object`` (a line from the
        subject's point to the object point it was measured to, e.g. the
        nearest border point).

    Examples
    --------
    >>> from geodrills.articles import Article
    >>> a = Article.from_text("The drills were held in Kars, near the border with Iran.")
    >>> check_claims(a)[["kind", "object", "verdict"]].values.tolist()
    [['near', 'IR-TR', 'doubtful']]
    """
    from ..mentions import geoparse

    known = {f for f in Thresholds.__dataclass_fields__}
    unknown = sorted(set(overrides) - known)
    if unknown:
        from ..errors import InputError

        raise InputError(f"unknown threshold(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    th = Thresholds(**{**(thresholds.__dict__ if thresholds else {}), **overrides})
    rows = []
    for art in _collect(articles):
        ms = (mentions or {}).get(art.name)
        if ms is None:
            ms = geoparse(art)
        claims = extract_claims(art, ms, events=events)
        rows.extend(_one_of_the_borders(claims, [_row(c, th) for c in claims]))
    return _frame(rows)


def _one_of_the_borders(claims: list[Claim], rows: list[dict]) -> list[dict]:
    """"Kars and Ardahan, close to the Georgian and Armenian borders": places listed against borders
    listed are one claim per place, held when it is near one of them (judged by the nearest; for "far
    from", by the nearest too: it must be far from all), not one claim per pair.  One place against
    several borders is a claim about each ("Gazakh lies near the borders with Armenia and Georgia")."""
    groups: dict[tuple[int, int], list[int]] = {}
    subjects: dict[int, set[int]] = {}
    for i, c in enumerate(claims):
        if c.kind in ("near", "on") and c.obj is not None and c.obj.type == "border":
            groups.setdefault((id(c.phrase), id(c.subject)), []).append(i)
            subjects.setdefault(id(c.phrase), set()).add(id(c.subject))
    drop: set[int] = set()
    for (phrase, _subject), idx in groups.items():
        if len(idx) < 2 or len(subjects[phrase]) < 2:
            continue
        measured = [i for i in idx if rows[i]["measured_km"] is not None and math.isfinite(rows[i]["measured_km"])]
        if len(measured) < len(idx):
            continue  # (one border not measured: each row says why)
        keep = min(measured, key=lambda i: rows[i]["measured_km"])
        rows[keep]["reason"] += f"; the nearest of the {len(idx)} borders named"
        drop.update(i for i in idx if i != keep)
    return [r for i, r in enumerate(rows) if i not in drop]


_RANK = {"supported": 0, "unverifiable": 1, "doubtful": 2}


def _judged(c: Claim, item: Any, ref, th: Thresholds) -> tuple[Subject | None, Verdict]:
    if isinstance(item, Unresolved) and item.stand_in is not None:
        return _judged_stand_in(c, item, ref, th)
    if isinstance(item, Unresolved):
        return (Subject(item.name, None, None, None, None),
                Verdict("unverifiable", f"'{item.name}' names no place the gazetteer knows: nothing to measure "
                                        "from (no other place stands in for it)"))
    sub = subject_of(item) if item is not None else None
    if c.subject_unit and item is c.subject:  # "Kursk region, near the Ukrainian border": the oblast
        sub = named_unit(sub) or sub
    weak = misreading(c.subject_reading, th) if item is c.subject else None
    if isinstance(item, dict):  # an exercise's place: its own reading
        weak = misreading(item.get("reading"), th)
    weak = weak or misreading(c.object_reading, th)
    if weak:  # never judged for what is likely another place of that name
        return sub, Verdict("unverifiable", weak)
    try:
        return sub, judge(c.kind, sub, c.obj, c.phrase, th, reference=ref)
    except Exception as exc:  # noqa: BLE001 - one bad claim must not sink the article's other claims
        return sub, Verdict("unverifiable", f"could not be measured ({type(exc).__name__}: {exc})")


def _judged_places(c: Claim, ref, th: Thresholds) -> tuple[Subject | None, Verdict]:
    """An exercise's places: the claim holds when the nearest one satisfies it; a claim about "most of"
    them is judged by the median place: the one that more than half of them are at least as near as (as
    far as, for "far from")."""
    judged = [_judged(c, item, ref, th) for item in c.subject]
    measured = sorted((sv for sv in judged if math.isfinite(sv[1].km)), key=lambda sv: sv[1].km,
                      reverse=c.phrase.negated)
    if c.subject_note == "exercise_most" and measured:
        sub, v = measured[len(measured) // 2]
        v.reason += (f"; the median of the exercise's {len(measured)} measured location place(s), "
                     "as the claim is about most of them")
        return sub, v
    sub, v = min(judged, key=lambda sv: (_RANK[sv[1].verdict], sv[1].km if math.isfinite(sv[1].km) else 1e9))
    v.reason += f"; nearest of the exercise's {len(judged)} location place(s)"
    return sub, v


def _judged_stand_in(c: Claim, item: Unresolved, ref, th: Thresholds) -> tuple[Subject, Verdict]:
    """A subject the gazetteer lacks, measured from the place standing in for it, with its spread."""
    sub = stand_in_subject(item.stand_in, th)
    named_within = c.kind == "within" and item.stand_in.relation == "named after"
    if named_within:  # "Kars province's Sarikamis training area": in the unit of the town it is named after
        sub = Subject(sub.name, sub.place_id, sub.kind, sub.country, sub.fp)
    weak = misreading(c.subject_reading, th) or misreading(c.object_reading, th)
    if weak:  # "the Tapa range" with Tapa read in another continent: never judged for the wrong place
        return Subject(item.name, sub.place_id, sub.kind, sub.country, sub.fp, sub.spread_km), Verdict(
            "unverifiable", weak)
    try:
        v = judge(c.kind, sub, c.obj, c.phrase, th, reference=ref)
    except Exception as exc:  # noqa: BLE001 - one bad claim must not sink the article's other claims
        v = Verdict("unverifiable", f"could not be measured ({type(exc).__name__}: {exc})")
    wider = "" if sub.place_id == item.stand_in.place.id else (
        f" (whose name may mean its unit, {sub.name} ({sub.kind}): measured as that)")
    v.reason = f"'{item.name}' measured from {item.stand_in.describe()}{wider}: {v.reason}"
    if named_within:
        v.reason += " (a site is taken to lie in the same unit as the town it is named after)"
    return Subject(item.name, sub.place_id, sub.kind, sub.country, sub.fp, sub.spread_km), v


def _row(c: Claim, th: Thresholds) -> dict:
    ref = c.reference if isinstance(c.reference, (Subject, list)) or c.reference is None else subject_of(c.reference)
    if isinstance(c.subject, list):
        sub, v = _judged_places(c, ref, th)
    else:
        sub, v = _judged(c, c.subject, ref, th)
    p = c.phrase
    obj = c.obj
    if obj is not None and obj.stand_in is not None:
        v.reason = f"'{obj.name}' measured from {obj.stand_in.describe()}: {v.reason}"
    return {
        "article": c.article, "start": c.start, "end": c.end, "text": c.text, "kind": c.kind,
        "subject": sub.name if sub else None, "subject_id": sub.place_id if sub else None,
        "subject_kind": sub.kind if sub else None,
        "object": v.pair or (obj.label if obj is not None else None) or None,
        "object_type": _object_type(obj),
        "stated_km": p.stated_km, "stated_bound": p.bound, "stated_direction": p.direction,
        "measured_km": v.km, "measured_bearing": v.bearing, "verdict": v.verdict,
        "reason": v.reason,
        "lat": sub.fp.lat if sub is not None and sub.fp is not None else math.nan,
        "lon": sub.fp.lon if sub is not None and sub.fp is not None else math.nan,
        "target_lat": v.target[0] if v.target else math.nan, "target_lon": v.target[1] if v.target else math.nan,
    }


def _object_type(obj: Obj | None) -> str | None:
    if obj is None:
        return None
    if obj.type == "border":
        return "border"
    if obj.mention is not None:
        kind = obj.mention.place.kind
        return kind if kind in ("country", "river") else "place"
    return obj.type


def _frame(rows: list[dict]):
    import pandas as pd
    import shapely

    from .._optional import import_optional

    gpd = import_optional("geopandas", feature="check_claims")
    df = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    for col in CLAIM_COLUMNS:
        if col in _FLOAT_COLUMNS:
            df[col] = pd.to_numeric(df[col], errors="coerce").astype(float)
        elif col in ("start", "end"):
            df[col] = df[col].astype("int64")
        else:
            df[col] = df[col].astype(object)
    pts = [shapely.Point(lon, lat) if math.isfinite(lat) and math.isfinite(lon) else None
           for lat, lon in zip(df["lat"], df["lon"])]
    lines = [shapely.LineString([(lon, lat), (tlon, tlat)]) if all(map(math.isfinite, (lat, lon, tlat, tlon)))
             else None for lat, lon, tlat, tlon in zip(df["lat"], df["lon"], df["target_lat"], df["target_lon"])]
    gdf = gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(pts, crs="EPSG:4326").values, crs="EPSG:4326")
    gdf["to_object"] = gpd.GeoSeries(lines, crs="EPSG:4326").values
    return gdf
