"""Score: each reading of a name as a sum of named terms (stage 4 of the geoparser).

A name's readings (:class:`NameEntry`) start from the resolver's own prior
and name grade; :func:`setting_totals` adds the terms that depend on the
name's setting (country and admin-1 context, the demonym next to it, kind
cues, "Kars, Turkey"), :func:`choose_reading` those that depend on the
article's geometry (near its clear places, in its list's country).  Every
weight is a field of :class:`~geodrills.weights.Weights`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple
import math
import weakref
from itertools import repeat
from operator import add, sub

import numpy as np

from ..explain import Explanation, ReadingTerms, Term
from ..gazetteer import Gazetteer
from ..normalize import fold
from ..weights import WEIGHTS, Weights
from .candidate import Candidate

if TYPE_CHECKING:  # pragma: no cover
    from .context import ArticleContext
from ..lexicon.toponyms import ADMIN_KINDS, FEATURE_CUES, WIDER_THAN_UNITS

__all__ = ["EXPLAIN_READINGS", "Scores", "add_holder_terms", "score_candidates", "MATCH_OF_GRADE", "NameEntry", "ResolverCaches", "Setting", "TermColumn", "big_city", "caps_reading", "choose_reading", "cued_entry", "explanation_of", "in_counties", "list_term", "name_entry", "names_area", "names_unit", "near_term", "readings_held_by", "resolver_caches", "setting_totals", "spelled_entry", "unit_vectors"]


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
    spelling: tuple[float, ...] = ()  # per reading, the spelling term inside ``static`` (another spelling)


def name_entry(gaz: Gazetteer, key: str, weights: Weights = WEIGHTS) -> NameEntry | None:
    """The cached :class:`NameEntry` of folded name ``key`` (None if unknown)."""
    cache = resolver_caches(gaz, weights).entries
    entry = cache.get(key)
    if entry is None and key not in cache:
        kid = gaz.names.get(key)
        if kid is not None:
            post = gaz.postings(kid).astype("int64")
            entry = _entry(gaz, post >> 2, post & 3, weights)
        cache[key] = entry
    return entry


@dataclass(slots=True, weakref_slot=True)
class ResolverCaches:
    """What the resolver remembers per (gazetteer, weights): keyed by name keys (strings) only."""

    prior: np.ndarray  # the resolver's own prior of every record
    entries: dict[str, NameEntry | None] = field(default_factory=dict)
    cued: dict[tuple[str, tuple[str, ...]], NameEntry | None] = field(default_factory=dict)
    spelled: dict[tuple[tuple[str, float, str], ...], NameEntry | None] = field(default_factory=dict)


_CACHES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # gazetteer -> {weights: ResolverCaches}


def resolver_caches(gaz: Gazetteer, weights: Weights) -> ResolverCaches:
    """The caches of (``gaz``, ``weights``); the last pair asked is remembered by identity (weakly), so
    the per-name look-ups of one article pay no weak-dictionary look-up or weights hash."""
    global _LAST
    last_gaz, last_weights, last = _LAST
    if last_gaz() is gaz and last_weights is weights:
        c = last()
        if c is not None:
            return c
    per_gaz = _CACHES.get(gaz)
    if per_gaz is None:
        per_gaz = _CACHES[gaz] = {}
    c = per_gaz.get(weights)
    if c is None:
        c = per_gaz[weights] = ResolverCaches(prior=_prior(gaz, weights))
    _LAST = (weakref.ref(gaz), weights, weakref.ref(c))  # one tuple: swapped atomically
    return c


def _dead() -> None:
    return None


_LAST: tuple = (_dead, None, _dead)  # (weakref to the gazetteer, weights, weakref to its caches)


def _prior(gaz: Gazetteer, w: Weights) -> np.ndarray:
    """The resolver's own prior of every record: kind, population, capital (see :class:`Weights`)."""
    kinds = dict(w.kind_prior)
    cols = gaz.columns(np.arange(len(gaz)))
    weights = np.array([kinds.get(k, w.feature_prior) for k in gaz.meta["kinds"]])
    population = cols.population
    if "admin2" in gaz.meta["kinds"]:
        unknown = (cols.kind == list(gaz.meta["kinds"]).index("admin2")) & (population == 0)
        population = np.where(unknown, w.unknown_admin2_population, population)
    prior = weights[cols.kind] + w.population * np.log10(1 + population)
    prior[cols.capital] += w.capital
    return prior


def spelled_entry(gaz: Gazetteer, spellings: tuple[tuple[str, float, str], ...],
                  weights: Weights = WEIGHTS) -> NameEntry | None:
    """The readings of a span that is another spelling of some name keys (``Candidate.spellings``).

    Every reading of every key, each scored as under its own name, plus the
    spelling term: ``weights.spelling[how]`` and ``weights.spelling_similarity``
    per unit of similarity short of 1 (a record under two keys keeps its best).
    """
    w = weights
    cache = resolver_caches(gaz, w).spelled
    if spellings in cache:
        return cache[spellings]
    best: dict[int, tuple[float, int]] = {}  # record -> (spelling term, grade)
    for key, similarity, how in spellings:
        kid = gaz.names.get(key)
        if kid is None:
            continue
        term = dict(w.spelling)[how] + w.spelling_similarity * (similarity - 1.0)
        post = gaz.postings(kid).astype("int64")
        for r, g in zip((post >> 2).tolist(), (post & 3).tolist()):
            if r not in best or term + w.grade_bonus[g] > best[r][0] + w.grade_bonus[best[r][1]]:
                best[r] = (term, g)
    entry = None
    if best:
        recs = np.array(list(best), dtype=np.int64)
        entry = _entry(gaz, recs, np.array([g for _t, g in best.values()], dtype=np.int64), w,
                       np.array([t for t, _g in best.values()]))
    cache[spellings] = entry
    return entry


def _entry(gaz: Gazetteer, recs: np.ndarray, grades: np.ndarray, w: Weights,
           extra: np.ndarray | None = None) -> NameEntry:
    """The readings ``recs`` (matched on names of ``grades``), best ``w.max_readings`` by prior
    (``extra``: a further term per reading, the spelling's)."""
    static = resolver_caches(gaz, w).prior[recs] + [w.grade_bonus[g] for g in grades.tolist()]
    if extra is not None:
        static = static + extra
    order = sorted(range(len(recs)), key=lambda k: (-static[k], int(recs[k])))[:w.max_readings]
    recs_l = [int(recs[k]) for k in order]
    kinds_all = gaz.meta["kinds"]
    cols = gaz.columns(np.array(recs_l, dtype=np.int64))
    kinds = tuple(kinds_all[k] for k in cols.kind.tolist())
    return NameEntry(
        records=tuple(recs_l),
        grades=tuple(int(grades[k]) for k in order),
        static=tuple(float(static[k]) for k in order),
        own=tuple(float(static[k]) for k in order),
        countries=tuple(cols.country.tolist()),
        admin1=tuple(cols.admin1.tolist()),
        kinds=kinds,
        population=tuple(int(p) for p in cols.population.tolist()),
        lat=tuple(cols.lat.tolist()),
        lon=tuple(cols.lon.tolist()),
        unit=unit_vectors(list(zip(cols.lat.tolist(), cols.lon.tolist()))),
        counties=tuple(i for i, (k, kind) in enumerate(zip(order, kinds)) if grades[k] == 0 and kind == "admin2"),
        spelling=tuple(float(extra[k]) for k in order) if extra is not None else (),
    )


def cued_entry(gaz: Gazetteer, key: str, kinds: tuple[str, ...], e: NameEntry, w: Weights) -> NameEntry | None:
    """Readings of the cued admin kinds under another spelling ("Ardebil province": Ardabīl).

    Used when a unit is cued ("X province") but none of the readings ``e`` of
    the name is a unit: the gazetteer's lookup matches spellings and
    transliterations (not misspellings) of unit names, kept to the countries
    of the name's own readings.
    """
    cache = resolver_caches(gaz, w).cued
    if (key, kinds) not in cache:
        codes = sorted(code for code in {gaz.meta["countries"][c] for c in e.countries} if code)
        places = gaz.lookup(key, kind=[k for k in kinds if k in ADMIN_KINDS], country=codes,
                            limit=w.max_readings, fuzzy=False) if codes else []
        if places:  # the closest spellings only: "Babek districts" is Babək, not Bakı (the bigger unit)
            from rapidfuzz.fuzz import ratio

            similarity = [ratio(key, fold(p.name)) for p in places]
            places = [p for p, x in zip(places, similarity) if x >= max(similarity) - 10]
        cache[key, kinds] = _entry(gaz, np.array([p.index for p in places], dtype=np.int64),
                                   np.array([_GRADE_OF_MATCH[p.match] for p in places], dtype=np.int64), w) \
            if places else None
    return cache[key, kinds]


_GRADE_OF_MATCH = {"exact": 0, "variant": 1, "alternate": 2}


def explanation_of(gaz: Gazetteer, w: Weights, e: NameEntry, t: list[float], terms: list[TermColumn],
                 near: list[float] | None, list_country: int | None, best: int, notes: dict[int, str],
                 evidence: list[tuple[str, float]], spanness: float, share: float, confidence: float,
                 score: float, match: str | None = None) -> Explanation:
    """The chosen reading and the runners-up with every term, and the acceptance terms."""
    columns = list(terms)
    if near is not None:
        columns.append(("near the article's places", near_term(near, w)))
    if list_country is not None:
        code = gaz.meta["countries"][list_country]
        columns.append((f"list sibling ({code})", list_term(e, list_country, w)))
    full = list(t)
    for _name, d in columns[len(terms):]:
        full = list(map(add, full, d))
    order = [best] + [i for i in sorted(range(len(full)), key=lambda i: (-full[i], e.records[i])) if i != best]
    readings = []
    for i in order[:EXPLAIN_READINGS]:
        g = e.grades[i]
        grade = w.grade_bonus[g]
        spelling = e.spelling[i] if e.spelling else 0.0
        row = [Term("prior", e.static[i] - grade - spelling, f"{e.kinds[i]}, pop. {e.population[i]:,}"),
               Term("name grade", grade, MATCH_OF_GRADE[g])]
        if spelling:
            row.append(Term("another spelling", spelling, match or ""))
        for name, d in columns:
            row.append(Term(name, d[i], notes.get(e.countries[i], "") if name == "country context" else ""))
        readings.append(ReadingTerms(gaz.place(e.records[i], match=MATCH_OF_GRADE[g]), full[i], tuple(row)))
    return Explanation(tuple(readings), tuple(Term(n, v) for n, v in evidence), spanness, w.accept, share,
                       confidence, score, match or MATCH_OF_GRADE[e.grades[best]])


EXPLAIN_READINGS = 3  # readings an explanation lists


class Setting(NamedTuple):
    """Everything about a candidate that its readings' scores depend on, besides the article.

    Two mentions with equal settings score the same, so the resolver scores
    each setting once: the scorer (:func:`setting_totals`) reads only this
    immutable value, never the :class:`~geodrills.extract.Candidate`, so a
    field it needs cannot be missing from the memo's key.
    """

    key: str
    all_caps: bool
    dateline: bool
    kind_cue: tuple[str, ...]
    followed_by: str | None
    possessor: str | None
    long: bool  # four characters or more ("NATO" may be a dateline; "CEO" is not)
    local: int | None  # country index of the demonym next to it
    spellings: tuple[tuple[str, float, str], ...]  # another spelling of these keys (its entry)

    @classmethod
    def of(cls, cand: Candidate, local: int | None) -> Setting:
        # (tuple.__new__ with the fields in order, as NamedTuple._make does: the generated __new__
        # costs a further Python call per candidate)
        return _TUPLE_NEW(cls, (cand.key, cand.all_caps, cand.dateline, cand.kind_cue, cand.followed_by,
                                cand.possessor, len(cand.text) >= 4, local, cand.spellings))


_TUPLE_NEW = tuple.__new__


#: A reading-score term: its name, and each reading's contribution (``-inf`` rules a reading out).
TermColumn = tuple[str, list[float]]


def setting_totals(gaz: Gazetteer, setting: Setting, e: NameEntry, ctx: dict[int, float],
                   unit_ctx: dict[int, float], unit_names: dict[int, set[str]],
                   held_by: dict[tuple[str, str], set[int]], w: Weights,
                   terms: list[TermColumn] | None = None) -> list[float] | None:
    """Each reading's score before the article-geometry terms.

    None when no reading fits the cue.  The score is the readings' own
    prior (:attr:`NameEntry.static`) plus the terms, added in order; with
    ``terms``, each named term's column is also appended to it (for the
    explanation; the normal path builds no labels).
    """
    st = setting
    t = list(e.static)  # (a new list: the terms below are added in this order)
    explain = terms is not None
    if ctx and (explain or not ctx.keys().isdisjoint(e.countries)):  # (as for the admin-1 context below)
        d = list(map(ctx.get, e.countries, repeat(0.0)))
        t = list(map(add, t, d))
        if explain:
            terms.append(("country context", d))
    if st.local is not None:  # "Iranian troops massed near Jolfa"
        d = [w.local_country if c == st.local else 0.0 for c in e.countries]
        t = list(map(add, t, d))
        if explain:
            terms.append(("demonym next to it", d))
    # a namesake in a unit another name of the article names (not the unit's own name); the column is
    # all zeros when no reading lies in such a unit, and is then only kept for an explanation
    if unit_ctx and (explain or not unit_ctx.keys().isdisjoint(e.admin1)):
        own_name = {st.key}
        d = [unit_ctx[a] if g == 0 and a in unit_ctx and unit_names[a] != own_name else 0.0
             for a, g in zip(e.admin1, e.grades)]
        t = list(map(add, t, d))
        if explain:
            terms.append(("admin-1 context", d))
    if st.all_caps and not st.dateline and not names_area(gaz, st.followed_by, w):
        # A dateline with its state or country ("GAINESVILLE, Va.") may name a small place.
        d = [0.0 if caps_reading(st.long, k, g, p, w) else -math.inf
             for k, g, p in zip(e.kinds, e.grades, e.population)]
        t = list(map(add, t, d))
        if explain:
            terms.append(("all capitals: only countries, states, big cities", d))
    if st.kind_cue:
        if st.kind_cue[0] in FEATURE_CUES and not any(k in st.kind_cue for k in e.kinds):
            return None  # "the Mississippi River" with no river of that name: the state is not what is named
        d = [w.kind_cue if k in st.kind_cue else w.kind_cue_mismatch for k in e.kinds]
        t = list(map(add, t, d))
        if explain:
            terms.append((f"kind cue {'/'.join(st.kind_cue)}", d))
    if st.followed_by or st.possessor:
        for unit, label in ((st.followed_by, "followed by"), (st.possessor, "possessor")):  # "Kars, Turkey"; "Iran's Jolfa"
            if unit:
                held = held_by[st.key, unit] = readings_held_by(gaz, unit, e, w)
                if held:
                    d = [w.followed_by if i in held else 0.0 for i in range(len(t))]
                    t = list(map(add, t, d))
                    if explain:
                        terms.append((f"{label} '{unit}'", d))
    if st.followed_by and held_by[st.key, st.followed_by] and names_unit(gaz, st.followed_by, w):
        # "Lebanon, Pennsylvania", "Holland, Michigan": a town in the state, not the country
        d = [-math.inf if k in WIDER_THAN_UNITS else 0.0 for k in e.kinds]
        t = list(map(add, t, d))
        if explain:
            terms.append(("a place in the unit, not the country", d))
    return t


def big_city(e: NameEntry, i: int, population: int) -> bool:
    """Whether reading ``i`` is a city of at least ``population``, matched on its own name."""
    return e.kinds[i] == "city" and e.grades[i] == 0 and e.population[i] >= population


def choose_reading(e: NameEntry, t: list[float], near: list[float] | None, list_country: int | None, w: Weights):
    """The best reading: (index, total, softmax share, runner-up records), or None."""
    # The context terms count for a lone reading too: its total says how sure the span is a place.
    if near is not None:
        t = list(map(add, t, near_term(near, w)))
    if list_country is not None:
        t = list(map(add, t, list_term(e, list_country, w)))
    if len(t) == 1:
        best_total = t[0]
        return None if best_total == -math.inf else (0, best_total, 1.0, ())
    # best first, ties to the lower record index (tuples sort in C, faster than a key function)
    order = sorted(zip([-x for x in t], e.records, range(len(t))))
    best = order[0][2]
    best_total = t[best]
    if best_total == -math.inf:
        return None
    share = 1.0 / sum([math.exp(d) if d > -50.0 else _EXP_FLOOR for d in map(sub, t, repeat(best_total))])
    return best, best_total, share, tuple([o[1] for o in order[1:4]])


def near_term(near: list[float], w: Weights) -> list[float]:
    """Per reading: the bonus for lying near the article's clear places (``near``: 1 near, fading to 0)."""
    return [w.near * n for n in near]


def list_term(e: NameEntry, list_country: int, w: Weights) -> list[float]:
    """Per reading: the bonus for sharing the country of the other names of its list."""
    return [w.list_sibling if c == list_country else 0.0 for c in e.countries]


_EXP_FLOOR = math.exp(-50.0)  # readings far behind the best still count, a little


MATCH_OF_GRADE = ("exact", "variant", "alternate", "alternate")


def caps_reading(long: bool, kind: str, grade: int, population: int, w: Weights) -> bool:
    """Which readings an all-capitals span may have.

    "US", "UK", "UAE" are countries; "WASHINGTON", "LOS ANGELES" are
    datelines of big places; "NATO", "ENGLISH", "CEO" are not places.
    """
    if grade != 0:
        return False
    if kind == "country":
        return True
    if not long:
        return False
    return kind in ("continent", "admin1") or (kind in ("city", "town") and population >= w.caps_min_population)


def names_area(gaz: Gazetteer, key: str | None, w: Weights) -> bool:
    """Whether name key ``key`` names a country or an admin-1 unit."""
    f = name_entry(gaz, key, w) if key else None
    return f is not None and any(k in ("country", "admin1") for k, g in zip(f.kinds, f.grades) if g == 0)


def names_unit(gaz: Gazetteer, key: str, w: Weights) -> bool:
    """Whether name key ``key`` names an admin-1 unit first of all ("Pennsylvania", not "Georgia")."""
    f = name_entry(gaz, key, w)
    return f is not None and f.kinds[0] == "admin1" and f.grades[0] == 0


def readings_held_by(gaz: Gazetteer, key: str, e: NameEntry, w: Weights) -> set[int]:
    """The readings of ``e`` inside a country, admin-1 unit or county that name key ``key`` names.

    "Kars, Turkey", "Atlanta, Georgia", "Iran's Jolfa"; the gazetteer has no
    admin-2 codes, so a county holds what lies within ``w.county_km`` of its point
    ("Snetterton, Norfolk").
    """
    f = name_entry(gaz, key, w)
    if f is None:
        return set()
    countries = {c for c, k in zip(f.countries, f.kinds) if k == "country"}
    admins = {a for a, k in zip(f.admin1, f.kinds) if k == "admin1"}
    held = {i for i, (c, a) in enumerate(zip(e.countries, e.admin1)) if c in countries or a in admins} \
        if countries or admins else set()
    held.update(i for i, _j in in_counties(e, range(len(e.records)), f, w))
    return held


def in_counties(e: NameEntry, readings: Sequence[int], f: NameEntry, w: Weights) -> list[tuple[int, int]]:
    """(reading of ``e``, index into ``f.counties``) pairs within ``w.county_km`` of each other."""
    if not f.counties or not readings:
        return []
    readings = list(readings)
    near = np.nonzero((e.unit[readings] @ f.unit[list(f.counties)].T) > w.county_cos)
    return [(readings[i], j) for i, j in zip(*(a.tolist() for a in near))]

def unit_vectors(points: list[tuple[float, float]]) -> np.ndarray:
    """The (n, 3) unit vectors of (lat, lon) points in degrees, C-ordered."""
    lat = np.radians([p[0] for p in points])
    lon = np.radians([p[1] for p in points])
    out = np.empty((len(points), 3))  # (filled column by column: np.column_stack costs more than the maths)
    cos_lat = np.cos(lat)
    np.multiply(cos_lat, np.cos(lon), out=out[:, 0])
    np.multiply(cos_lat, np.sin(lon), out=out[:, 1])
    np.sin(lat, out=out[:, 2])
    return out


@dataclass
class Scores:
    """Per candidate: its readings' totals so far (None: no reading fits) and, when explaining, their
    named terms (else None), which readings lie in a unit named next to it, and the records its containment bonus went to."""

    totals: list[list[float] | None]
    terms: list[list[TermColumn] | None]
    held_by: dict[tuple[str, str], set[int]]  # (name key, unit key) -> the readings inside the unit
    holders: dict[int, frozenset] = field(default_factory=dict)
    settings: list[Setting | None] = field(default_factory=list)


def score_candidates(candidates: Sequence[Candidate], entries: Sequence[NameEntry | None],
                     local: Sequence[int | None], context: ArticleContext, gaz: Gazetteer, w: Weights, *,
                     explain: bool = False) -> Scores:
    """Every reading's score before the article-geometry terms (a name repeated in the same
    setting scores the same, so each setting is scored once).  With ``explain``, also their named
    terms (:attr:`Scores.terms`); else those are None."""
    out = Scores([], [], {})
    seen: dict[Setting, tuple[list[float] | None, list[TermColumn] | None]] = {}
    for cand, e, here in zip(candidates, entries, local):
        if e is None:
            out.totals.append(None)
            out.terms.append(None)
            out.settings.append(None)
            continue
        setting = Setting.of(cand, here)
        out.settings.append(setting)
        scored = seen.get(setting)
        if scored is None:
            terms: list[TermColumn] | None = [] if explain else None
            t = setting_totals(gaz, setting, e, context.countries, context.units, context.unit_names,
                               out.held_by, w, terms)
            scored = seen[setting] = (t, terms if t is not None else None)
        out.totals.append(scored[0])
        out.terms.append(scored[1])
    return out


def add_holder_terms(candidates: Sequence[Candidate], entries: Sequence[NameEntry | None], scores: Scores,
                     w: Weights) -> None:
    """"Atlanta, Georgia", "Snetterton, Norfolk": the name after the comma is the unit (or county)
    that holds the place before it; its readings that are such a unit get ``w.contains``."""
    totals, terms = scores.totals, scores.terms
    for k in range(1, len(candidates)):
        prev_t, t = totals[k - 1], totals[k]
        if t is None or prev_t is None or candidates[k].gap_before not in (", ", ","):
            continue
        pe = entries[k - 1]
        likely = [i for i, x in enumerate(prev_t) if x > max(prev_t) - w.holder_margin]
        held = {(pe.admin1[i], pe.countries[i]) for i in likely}
        e = entries[k]
        counties = {e.counties[j] for _i, j in in_counties(pe, likely, e, w)}
        d = [w.contains if k_ == "admin1" and (a, c) in held or i in counties else 0.0
             for i, (k_, a, c) in enumerate(zip(e.kinds, e.admin1, e.countries))]
        totals[k] = list(map(add, t, d))
        if terms[k] is not None:  # (explaining)
            terms[k] = [*terms[k], (f"holds '{candidates[k - 1].text}' before it", d)]
        scores.holders[k] = frozenset(pe.records[i] for i in likely)
