"""Resolving toponym candidates to gazetteer records, using the whole article.

Two passes over an article's candidates:

1. **Context.**  Countries the article names (as toponyms or demonyms:
   "Turkish and Azerbaijani troops") make its geographic context, weighted
   by their share of the article's country evidence, and so, more weakly,
   do the admin-1 units it names; candidates whose reading is clear become
   anchors.
2. **Choice.**  Each candidate's records are scored: the name's grade and
   the record's kind and population (the gazetteer's prior), plus the
   context (in a country the article names; near its anchors; in the same
   country as its neighbours in a list; "X, Turkey", "X, Norfolk"), plus kind cues
   ("province of Kars" → admin1, "the Araz River" → river).  The best record
   wins; the mention's score is its softmax share times how sure we are the
   span is a place at all.

Whether a span is a place rests on its best reading's own weight plus the
span's evidence (a locative preposition, not embedded in a longer
capitalised name), so a village that shares a name with a person is dropped.

Everything that depends only on the name is computed once per name and
cached (:class:`NameEntry`), so the per-mention work is a short loop.  All
weights are module constants, tuned on the dev set and GeoWebNews with
``benchmarks/eval_geoparse.py``.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .demonyms import Demonym
from .extract import FEATURE_WORDS, Candidate
from .gazetteer import Gazetteer, Place
from .normalize import fold

__all__ = ["Resolution", "NameEntry", "name_entry", "resolve_candidates", "local_countries"]

GRADE_BONUS = (1.0, 0.4, -1.2, -1.2)  # primary/curated, transliteration, untagged alternate
CONTEXT_COUNTRY_BONUS = 1.0  # in the country the article names most (scaled by share)
LOCAL_COUNTRY_BONUS = 1.0  # the country of the demonym next to it in its sentence ("Iranian troops near Jolfa")
LOCAL_CHARS = 80
ADMIN1_CONTEXT_BONUS = 0.5  # in the admin-1 unit the article names most (scaled by share)
LIST_BONUS = 1.0  # in the country of its neighbours in a list ("Baku, Astara, Jabrayil and Imishli")
FOLLOWED_BY_BONUS = 3.0  # "Kars, Turkey": in the named country or admin unit
CONTAINS_BONUS = 3.5  # "Atlanta, Georgia": the admin unit that holds the place named before it
NEAR_BONUS = 0.6  # within NEAR_KM of the article's anchors (fading to 0 at 3×)
NEAR_KM = 150.0
COUNTY_KM = 60.0  # from a county's point to a place in it (the gazetteer has no admin-2 codes)
OUTLIER_PENALTY = 3.0  # a town or village beyond 3×NEAR_KM of all the article's clear places, in none of its countries
KIND_CUE_BONUS = 3.0
KIND_CUE_MISMATCH = -1.0
ACCEPT_THRESHOLD = 2.5  # least span weight for a candidate to count as a place
EMBEDDED_PENALTY = 2.1
SENTENCE_INITIAL_PENALTY = 0.3
LOCATIVE_BONUS = 0.8
LIST_EVIDENCE = 0.8  # listed with three or more places, in the country most of them share
ORG_NAME_PENALTY = 0.6
NAME_PART_POPULATION = 500_000  # a city this big is itself, not a surname, elsewhere in the article
ORG_NAMESAKE_POPULATION = 10_000  # a smaller town or village is not what an organisation is named after
COMMON_WORD_PENALTY = 2.0  # the article writes the word in lower case too
PERSON_PENALTY = 1.5  # "Sen. Warner", "Johnson said"
SHORT_WORD_PENALTY = 1.5  # a capitalised word of three letters or fewer, with no locative, not a big city
SURNAME_PENALTY = 4.0  # after a first name ("Andrew Jordan"): with the embedded penalty, a country too is dropped
FIRST_NAME_PENALTY = 1.5  # a common first name alone ("Alex and Olivia"): a small place of that name needs a cue
KIND_CUE_EVIDENCE = 0.5
FOLLOWED_BY_EVIDENCE = 0.8  # "Thruxton, Hampshire": a name followed by a unit that holds it is a place
MAX_READINGS = 40  # readings kept per name, by prior (a name like "San Jose" has hundreds)
EARTH_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class NameEntry:
    """Everything about a name key that does not depend on the article."""

    records: tuple[int, ...]
    grades: tuple[int, ...]
    static: tuple[float, ...]  # prior + grade bonus
    own: tuple[float, ...]  # same; kept apart for clarity of the acceptance rule
    countries: tuple[int, ...]  # country code index
    admin1: tuple[int, ...]
    kinds: tuple[str, ...]
    population: tuple[int, ...]
    lat: tuple[float, ...]
    lon: tuple[float, ...]
    unit: np.ndarray  # (n, 3) unit vectors of the readings' points
    counties: tuple[int, ...]  # the readings that are admin-2 units under their own name


def name_entry(gaz: Gazetteer, key: str) -> NameEntry | None:
    """The cached :class:`NameEntry` of folded name ``key`` (None if unknown)."""
    cache = gaz.__dict__.setdefault("_name_entries", {})
    entry = cache.get(key)
    if entry is None and key not in cache:
        kid = gaz.names.get(key)
        if kid is not None:
            post = gaz.postings(kid).astype("int64")
            entry = _entry(gaz, post >> 2, post & 3)
        cache[key] = entry
    return entry


def _entry(gaz: Gazetteer, recs: np.ndarray, grades: np.ndarray) -> NameEntry:
    """The readings ``recs`` (matched on names of ``grades``), best MAX_READINGS by prior."""
    static = gaz.prior(recs) + [GRADE_BONUS[g] for g in grades.tolist()]
    order = sorted(range(len(recs)), key=lambda k: (-static[k], int(recs[k])))[:MAX_READINGS]
    recs_l = [int(recs[k]) for k in order]
    kinds_all = gaz.meta["kinds"]
    return NameEntry(
        records=tuple(recs_l),
        grades=tuple(int(grades[k]) for k in order),
        static=tuple(float(static[k]) for k in order),
        own=tuple(float(static[k]) for k in order),
        countries=tuple(int(gaz._country[r]) for r in recs_l),
        admin1=tuple(int(gaz._admin1[r]) for r in recs_l),
        kinds=tuple(kinds_all[int(gaz._kind[r])] for r in recs_l),
        population=tuple(int(gaz._population[r]) for r in recs_l),
        lat=tuple(float(gaz.lat[r]) for r in recs_l),
        lon=tuple(float(gaz.lon[r]) for r in recs_l),
        unit=_unit_vectors([(float(gaz.lat[r]), float(gaz.lon[r])) for r in recs_l]),
        counties=tuple(i for i, (k, r) in enumerate(zip(order, recs_l))
                       if grades[k] == 0 and kinds_all[int(gaz._kind[r])] == "admin2"),
    )


def _cued_entry(gaz: Gazetteer, key: str, kinds: tuple[str, ...], e: NameEntry) -> NameEntry | None:
    """Readings of the cued admin kinds under another spelling ("Ardebil province": Ardabīl).

    Used when a unit is cued ("X province") but none of the readings ``e`` of
    the name is a unit: the gazetteer's lookup matches spellings and
    transliterations (not misspellings) of unit names, kept to the countries
    of the name's own readings.
    """
    cache = gaz.__dict__.setdefault("_cued_entries", {})
    if (key, kinds) not in cache:
        codes = sorted(code for code in {gaz.meta["countries"][c] for c in e.countries} if code)
        places = gaz.lookup(key, kind=[k for k in kinds if k in _ADMIN_KINDS], country=codes,
                            limit=MAX_READINGS, fuzzy=False) if codes else []
        if places:  # the closest spellings only: "Babek districts" is Babək, not Bakı (the bigger unit)
            from rapidfuzz.fuzz import ratio

            similarity = [ratio(key, fold(p.name)) for p in places]
            places = [p for p, x in zip(places, similarity) if x >= max(similarity) - 10]
        cache[key, kinds] = _entry(gaz, np.array([p.index for p in places], dtype=np.int64),
                                   np.array([_GRADE_OF_MATCH[p.match] for p in places], dtype=np.int64)) \
            if places else None
    return cache[key, kinds]


_ADMIN_KINDS = frozenset({"admin1", "admin2"})
_GRADE_OF_MATCH = {"exact": 0, "variant": 1, "alternate": 2}


@dataclass(frozen=True, slots=True)
class Resolution:
    """The chosen record of one candidate."""

    candidate: Candidate
    place: Place
    score: float
    alternatives: tuple[int, ...] = ()  # runner-up record indices


def resolve_candidates(candidates: Sequence[Candidate], gazetteer: Gazetteer, *,
                       demonym_countries: Counter | None = None,
                       local_countries: Sequence[str | None] | None = None) -> list[Resolution]:
    """Choose a record for each candidate, or drop it; see the module docstring.

    ``demonym_countries`` counts the article's demonyms by country code;
    ``local_countries`` gives, per candidate, the country of the demonym
    next to it in its sentence (:func:`local_countries`), or None.
    """
    gaz = gazetteer
    country_idx = gaz.__dict__.get("_country_idx")
    if country_idx is None:
        country_idx = gaz.__dict__["_country_idx"] = {c: i for i, c in enumerate(gaz.meta["countries"])}
    entries = [name_entry(gaz, c.key) for c in candidates]
    for k, c in enumerate(candidates):
        e = entries[k]
        if c.kind_cue and e is not None and _ADMIN_KINDS & set(c.kind_cue) and not set(e.kinds) & set(c.kind_cue):
            entries[k] = _cued_entry(gaz, c.key, c.kind_cue, e) or e

    # Pass 1: the article's countries, from country names and demonyms, and the admin-1 units it names.
    context: Counter = Counter()
    for code, n in (demonym_countries or {}).items():
        if code in country_idx:
            context[country_idx[code]] += n
    units: Counter = Counter()  # the admin-1 units it names ("Red Oak" in an article that names Iowa)
    unit_names: dict[int, set[str]] = {}  # unit -> the name keys that name it
    for c, e in zip(candidates, entries):
        # "near the border with Azerbaijan" names the other side, not where the article is
        if e is not None and e.grades[0] == 0 and not c.across_border:
            if e.kinds[0] == "country":
                context[e.countries[0]] += 2
            elif e.kinds[0] == "admin1":
                units[e.admin1[0]] += 1
                unit_names.setdefault(e.admin1[0], set()).add(c.key)
    # By share: a passing mention of the United States must not pull "Brussels" to a village in Ohio.
    top = max(context.values(), default=0)
    ctx = {c: CONTEXT_COUNTRY_BONUS * n / top for c, n in context.items()}
    top = max(units.values(), default=0)
    unit_ctx = {a: ADMIN1_CONTEXT_BONUS * n / top for a, n in units.items()}

    # Pass 2a: scores without the article-geometry terms (a name repeated in
    # the same setting scores the same, so it is computed once).
    totals: list[list[float] | None] = []
    seen: dict[tuple, list[float]] = {}
    held_by: dict[tuple, set[int]] = {}  # (name key, unit key) -> the readings inside the unit
    local = [country_idx.get(code) for code in local_countries] if local_countries else [None] * len(candidates)
    for cand, e, here in zip(candidates, entries, local):
        if e is None:
            totals.append(None)
            continue
        setting = (cand.key, cand.all_caps, cand.dateline, cand.kind_cue, cand.followed_by, cand.possessor,
                   len(cand.text) >= 4, here)
        if setting in seen:
            totals.append(seen[setting])
            continue
        t = [s + ctx.get(c, 0.0) for s, c in zip(e.static, e.countries)]
        if here is not None:  # "Iranian troops massed near Jolfa"
            t = [x + LOCAL_COUNTRY_BONUS if c == here else x for x, c in zip(t, e.countries)]
        if unit_ctx:  # a namesake in a unit another name of the article names (not the unit's own name)
            t = [x + unit_ctx[a] if g == 0 and a in unit_ctx and unit_names[a] != {cand.key} else x
                 for x, a, g in zip(t, e.admin1, e.grades)]
        if cand.all_caps and not cand.dateline and not _names_area(gaz, cand.followed_by):
            # A dateline with its state or country ("GAINESVILLE, Va.") may name a small place.
            t = [x if _caps_reading(cand, k, g, p) else -math.inf
                 for x, k, g, p in zip(t, e.kinds, e.grades, e.population)]
        if cand.kind_cue:
            if cand.kind_cue[0] in _FEATURE_CUES and not any(k in cand.kind_cue for k in e.kinds):
                # "the Mississippi River" with no river of that name: the state is not what is named
                totals.append(None)
                seen[setting] = None
                continue
            t = [x + (KIND_CUE_BONUS if k in cand.kind_cue else KIND_CUE_MISMATCH) for x, k in zip(t, e.kinds)]
        for unit in (cand.followed_by, cand.possessor):  # "Kars, Turkey"; "Iran's Jolfa"
            if unit:
                held = held_by[cand.key, unit] = _held_by(gaz, unit, e)
                t = [x + FOLLOWED_BY_BONUS if i in held else x for i, x in enumerate(t)] if held else t
        if cand.followed_by and held_by[cand.key, cand.followed_by] and _names_unit(gaz, cand.followed_by):
            # "Lebanon, Pennsylvania", "Holland, Michigan": a town in the state, not the country
            t = [-math.inf if k in _WIDER_THAN_UNITS else x for x, k in zip(t, e.kinds)]
        seen[setting] = t
        totals.append(t)

    # "Atlanta, Georgia": the name after the comma is the unit that holds the place before it.
    holders: dict[int, frozenset] = {}  # candidate -> the units its bonus went to (part of its setting)
    for k in range(1, len(candidates)):
        prev_t, t = totals[k - 1], totals[k]
        if t is None or prev_t is None or candidates[k].gap_before not in (", ", ","):
            continue
        pe = entries[k - 1]
        likely = [i for i, x in enumerate(prev_t) if x > max(prev_t) - 1.0]
        held = {(pe.admin1[i], pe.countries[i]) for i in likely}
        e = entries[k]
        counties = {e.counties[j] for _i, j in _in_counties(pe, likely, e)}  # "Snetterton, Norfolk"
        totals[k] = [x + (CONTAINS_BONUS if k_ == "admin1" and (a, c) in held or i in counties else 0.0)
                     for i, (x, k_, a, c) in enumerate(zip(t, e.kinds, e.admin1, e.countries))]
        holders[k] = frozenset(pe.records[i] for i in likely)

    # Anchors: clear readings that are not countries.
    anchors: set[tuple[float, float]] = set()  # (lat, lon) of clear readings
    for e, t in zip(entries, totals):
        if t is None:
            continue
        order = sorted(range(len(t)), key=t.__getitem__, reverse=True)
        best = t[order[0]]
        margin = best - t[order[1]] if len(order) > 1 else math.inf
        if e.kinds[order[0]] != "country" and margin > 1.0 and best > ACCEPT_THRESHOLD:
            anchors.add((e.lat[order[0]], e.lon[order[0]]))

    near = _nearness(entries, totals, _unit_vectors(sorted(anchors))) if anchors else {}
    list_country = _list_countries(candidates, entries, totals)
    # A name after a capitalised word ("Jeff Kock"), or a first name or a two-letter word before one
    # ("Barry Smith", "Li Wenzu"), is a person's name elsewhere in the article too.  A place's own name
    # heading a longer name ("Cambridge Analytica", "Glenrock Lagoon") is a namesake; another reading
    # of the word ("Balart", read as Ballarat) is not.
    name_parts = frozenset(c.text for c in candidates if c.embedded and not c.in_org_name
                           and (not c.heads_name or c.first_name or len(c.text) < 3)
                           and c.text.rpartition(" ")[2].casefold() not in FEATURE_WORDS)  # "Orange County"
    any_parts = name_parts | {c.text for c in candidates if c.heads_name and not c.in_org_name}
    surnames = frozenset(c.text for c in candidates if c.after_given_name)  # "John Bolton" … "hiring Bolton"
    out = []
    memo: dict[tuple, tuple | None] = {}  # the same name in the same setting resolves the same way
    places: dict[tuple, Place] = {}
    for k, (cand, e, t) in enumerate(zip(candidates, entries, totals)):
        if t is None:
            continue
        setting = (cand.key, cand.kind_cue, cand.followed_by, cand.possessor, cand.all_caps, cand.dateline,
                   list_country.get(k), holders.get(k), local[k])
        choice = memo.get(setting)
        if choice is None and setting not in memo:
            choice = memo[setting] = _choose(e, t, near.get(id(e)), list_country.get(k))
        if choice is None:
            continue
        best, best_total, share, alternatives = choice
        if cand.sub_area and e.kinds[best] == "continent":
            continue  # "North Africa" is not Africa, and its point is far from the continent's
        own = e.own[best]
        # A country, continent, state or big city is not a person's name elsewhere in the article.
        if e.kinds[best] in _NEVER_NAME_PARTS or _big_city(e, best, NAME_PART_POPULATION):
            parts = frozenset()
        else:
            parts = name_parts if e.grades[best] == 0 else any_parts
        spanness = own + 0.5 * min(best_total - own, 1.0) + _span_evidence(
            cand, parts, e.kinds[best] in _MINOR_KINDS and e.population[best] < ORG_NAMESAKE_POPULATION,
            surnames if parts else frozenset())
        if cand.followed_by and best in held_by[cand.key, cand.followed_by]:
            spanness += FOLLOWED_BY_EVIDENCE
        if len(cand.text) <= 3 and cand.text[1:].islower() and not cand.locative \
                and not _big_city(e, best, CAPS_MIN_POPULATION):
            spanness -= SHORT_WORD_PENALTY  # "Go, meet him", "The Vix measure": seldom a small place ("in Ely" is)
        if k in list_country and e.countries[best] == list_country[k]:
            spanness += LIST_EVIDENCE  # "Dashkesan, Kedabek, Tovuz and Agstafa": a place among places
        if near and e.kinds[best] in ("village", "town") and e.countries[best] not in ctx:
            fade = near.get(id(e))
            if fade is not None and fade[best] == 0.0:
                spanness -= OUTLIER_PENALTY
        if spanness < ACCEPT_THRESHOLD:
            continue
        confidence = 1.0 / (1.0 + math.exp(-(spanness - ACCEPT_THRESHOLD - 0.5)))
        score = round(share * confidence, 4)
        pkey = (e.records[best], score, e.grades[best])
        place = places.get(pkey)
        if place is None:
            place = places[pkey] = gaz.place(e.records[best], score=score, match=_MATCH[e.grades[best]])
        out.append(Resolution(cand, place, score, alternatives))
    return out


def _big_city(e: NameEntry, i: int, population: int) -> bool:
    """Whether reading ``i`` is a city of at least ``population``, matched on its own name."""
    return e.kinds[i] == "city" and e.grades[i] == 0 and e.population[i] >= population


def local_countries(text: str, candidates: Sequence[Candidate], demonyms: Sequence[Demonym]) -> list[str | None]:
    """Per candidate, the country of a demonym next to it in its sentence, or None.

    The nearest demonym before it within LOCAL_CHARS ("Iranian troops massed
    near Jolfa"), else the nearest after it ("in Astara, on the Azerbaijani
    side"), with no sentence break in between.

    Examples
    --------
    >>> from geodrills.demonyms import find_demonyms
    >>> from geodrills.extract import find_candidates
    >>> t = "Azerbaijani guards in Astara and Iranian guards in Astara."
    >>> local_countries(t, find_candidates(t, Gazetteer.default()), find_demonyms(t))
    ['AZ', 'IR']
    """
    ds = sorted((d for d in demonyms if d.country), key=lambda d: d.start)
    starts = [d.start for d in ds]
    longest = max((d.end - d.start for d in ds), default=0)
    out: list[str | None] = []
    for c in candidates:
        # Only the demonyms that can be within LOCAL_CHARS are looked at: bisection on their starts
        # keeps this linear (testing every demonym for every candidate was their product).
        i = bisect.bisect_left(starts, c.start)
        lo = bisect.bisect_left(starts, c.start - LOCAL_CHARS - longest, 0, i)
        hi = bisect.bisect_right(starts, c.end + LOCAL_CHARS, i)
        before = [(ds[j].end, c.start, j) for j in range(i - 1, lo - 1, -1) if c.start - ds[j].end <= LOCAL_CHARS]
        after = [(c.end, ds[j].start, j) for j in range(i, hi) if ds[j].start - c.end <= LOCAL_CHARS]
        out.append(next((ds[j].country for a, b, j in before + after if not _SENTENCE_BREAK.search(text, a, b)),
                        None))
    return out


_SENTENCE_BREAK = re.compile(r"[.!?;]\s|\n")


def _choose(e: NameEntry, t: list[float], near: list[float] | None, list_country: int | None):
    """The best reading: (index, total, softmax share, runner-up records), or None."""
    # The context terms count for a lone reading too: its total says how sure the span is a place.
    if near is not None:
        t = [x + NEAR_BONUS * n for x, n in zip(t, near)]
    if list_country is not None:
        t = [x + (LIST_BONUS if c == list_country else 0.0) for x, c in zip(t, e.countries)]
    if len(t) == 1:
        best_total = t[0]
        return None if best_total == -math.inf else (0, best_total, 1.0, ())
    # best first, ties to the lower record index (tuples sort in C, faster than a key function)
    order = sorted(zip([-x for x in t], e.records, range(len(t))))
    best = order[0][2]
    best_total = t[best]
    if best_total == -math.inf:
        return None
    share = 1.0 / sum([math.exp(d) if d > -50.0 else _EXP_FLOOR for d in [x - best_total for x in t]])
    return best, best_total, share, tuple(r for _x, r, _i in order[1:4])


_EXP_FLOOR = math.exp(-50.0)  # readings far behind the best still count, a little


# cues a place of another kind cannot answer
_FEATURE_CUES = frozenset({"river", "sea", "lake", "range", "mountain", "street"})
# An organisation is named after a well-known place: "Carnegie Library" is not named after the town
# of Carnegie, Pennsylvania (see ORG_NAMESAKE_POPULATION).
_MINOR_KINDS = frozenset({"town", "village"})
_NEVER_NAME_PARTS = frozenset({"country", "continent", "admin1"})
_MATCH = ("exact", "variant", "alternate", "alternate")


def _caps_reading(cand: Candidate, kind: str, grade: int, population: int) -> bool:
    """Which readings an all-capitals span may have.

    "US", "UK", "UAE" are countries; "WASHINGTON", "LOS ANGELES" are
    datelines of big places; "NATO", "ENGLISH", "CEO" are not places.
    """
    if grade != 0:
        return False
    if kind == "country":
        return True
    if len(cand.text) < 4:
        return False
    return kind in ("continent", "admin1") or (kind in ("city", "town") and population >= CAPS_MIN_POPULATION)


CAPS_MIN_POPULATION = 100_000


def _span_evidence(cand: Candidate, name_parts: frozenset[str] = frozenset(), minor: bool = False,
                   surnames: frozenset[str] = frozenset()) -> float:
    """How much the span's context says it is a place (``minor``: its reading is a small town)."""
    e = 0.0
    if cand.in_org_name and not minor:
        # "Kentucky Department of Education", "Venice Commission": named after the place.
        e -= ORG_NAME_PENALTY
    elif cand.embedded or cand.text in name_parts:
        # In a longer name here, or elsewhere in the article ("Jeff Kock" … "Kock said").
        e -= EMBEDDED_PENALTY
    if cand.sentence_initial:
        e -= SENTENCE_INITIAL_PENALTY
    if cand.common_word:
        e -= COMMON_WORD_PENALTY
    if cand.person_cue:
        e -= PERSON_PENALTY
    if cand.after_given_name or cand.text in surnames:
        e -= SURNAME_PENALTY
    if cand.first_name:
        e -= FIRST_NAME_PENALTY
    if cand.locative:
        e += LOCATIVE_BONUS
    if cand.kind_cue:
        e += KIND_CUE_EVIDENCE
    return e


def _unit_vectors(points: list[tuple[float, float]]) -> np.ndarray:
    lat = np.radians([p[0] for p in points])
    lon = np.radians([p[1] for p in points])
    return np.column_stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)])


def _nearness(entries: list, totals: list, anchors: np.ndarray) -> dict[int, list[float]]:
    """:func:`_near` of every reading of every name, in one batch (keyed by ``id(entry)``)."""
    named = list({id(e): e for e, t in zip(entries, totals) if t is not None}.values())
    if not named:
        return {}
    near = _near(np.concatenate([e.unit for e in named]), anchors).tolist()
    out, pos = {}, 0
    for e in named:
        out[id(e)] = near[pos:pos + len(e.records)]
        pos += len(e.records)
    return out


def _near(units: np.ndarray, anchors: np.ndarray) -> np.ndarray:
    """Per reading: 1 within NEAR_KM of an anchor, fading to 0 at 3×NEAR_KM (a sphere is exact enough)."""
    dot = np.clip((units @ anchors.T).max(axis=1), -1.0, 1.0)
    km = EARTH_KM * np.arccos(dot)
    return np.clip((3 * NEAR_KM - km) / (2 * NEAR_KM), 0.0, 1.0)


def _names_area(gaz: Gazetteer, key: str | None) -> bool:
    """Whether name key ``key`` names a country or an admin-1 unit."""
    f = name_entry(gaz, key) if key else None
    return f is not None and any(k in ("country", "admin1") for k, g in zip(f.kinds, f.grades) if g == 0)


def _names_unit(gaz: Gazetteer, key: str) -> bool:
    """Whether name key ``key`` names an admin-1 unit first of all ("Pennsylvania", not "Georgia")."""
    f = name_entry(gaz, key)
    return f is not None and f.kinds[0] == "admin1" and f.grades[0] == 0


_WIDER_THAN_UNITS = frozenset({"country", "continent"})


def _held_by(gaz: Gazetteer, key: str, e: NameEntry) -> set[int]:
    """The readings of ``e`` inside a country, admin-1 unit or county that name key ``key`` names.

    "Kars, Turkey", "Atlanta, Georgia", "Iran's Jolfa"; the gazetteer has no
    admin-2 codes, so a county holds what lies within COUNTY_KM of its point
    ("Snetterton, Norfolk").
    """
    f = name_entry(gaz, key)
    if f is None:
        return set()
    countries = {c for c, k in zip(f.countries, f.kinds) if k == "country"}
    admins = {a for a, k in zip(f.admin1, f.kinds) if k == "admin1"}
    held = {i for i, (c, a) in enumerate(zip(e.countries, e.admin1)) if c in countries or a in admins} \
        if countries or admins else set()
    held.update(i for i, _j in _in_counties(e, range(len(e.records)), f))
    return held


def _in_counties(e: NameEntry, readings: Sequence[int], f: NameEntry) -> list[tuple[int, int]]:
    """(reading of ``e``, index into ``f.counties``) pairs within COUNTY_KM of each other."""
    if not f.counties or not readings:
        return []
    readings = list(readings)
    near = np.nonzero((e.unit[readings] @ f.unit[list(f.counties)].T) > _COUNTY_COS)
    return [(readings[i], j) for i, j in zip(*(a.tolist() for a in near))]


_COUNTY_COS = math.cos(COUNTY_KM / EARTH_KM)


_LIST_GAPS = frozenset({", ", ",", " and ", ", and ", " or ", ", or ", "; "})


def _list_countries(candidates: Sequence[Candidate], entries: list, totals: list) -> dict[int, int]:
    """For candidates in a list of three or more, the country most of the list's best readings share."""
    out: dict[int, int] = {}
    k = 0
    while k < len(candidates):
        group = [k]
        while group[-1] + 1 < len(candidates) and candidates[group[-1] + 1].gap_before in _LIST_GAPS:
            group.append(group[-1] + 1)
        if len(group) >= 3:
            tops = [entries[g].countries[max(range(len(totals[g])), key=totals[g].__getitem__)]
                    for g in group if totals[g] is not None]
            if tops:
                common = Counter(tops).most_common(1)[0][0]
                for g in group:
                    out[g] = common
        k = group[-1] + 1
    return out
