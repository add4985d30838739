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
cached (:class:`NameEntry`, per gazetteer and weights), so the per-mention
work is a short loop.  Every number is a field of :class:`~geodrills.weights.Weights`
(tuned on the dev set and GeoWebNews with ``benchmarks/eval_geoparse.py``);
scores are in the resolver's own units, from its own prior.
"""

from __future__ import annotations

import bisect
import math
import weakref
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from .demonyms import Demonym
from .extract import FEATURE_WORDS, Candidate
from .gazetteer import Gazetteer, Place
from .explain import Explanation, ReadingTerms, Term
from .geodesy import EARTH_RADIUS_KM
from .normalize import fold
from .weights import WEIGHTS, Weights

__all__ = ["Resolution", "NameEntry", "Setting", "name_entry", "resolve_candidates", "local_countries"]



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
    cache = _caches(gaz, weights).entries
    entry = cache.get(key)
    if entry is None and key not in cache:
        kid = gaz.names.get(key)
        if kid is not None:
            post = gaz.postings(kid).astype("int64")
            entry = _entry(gaz, post >> 2, post & 3, weights)
        cache[key] = entry
    return entry


@dataclass(slots=True)
class _Caches:
    """What the resolver remembers per (gazetteer, weights): keyed by name keys (strings) only."""

    prior: np.ndarray  # the resolver's own prior of every record
    entries: dict[str, NameEntry | None] = field(default_factory=dict)
    cued: dict[tuple[str, tuple[str, ...]], NameEntry | None] = field(default_factory=dict)
    spelled: dict[tuple[tuple[str, float, str], ...], NameEntry | None] = field(default_factory=dict)


_CACHES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # gazetteer -> {weights: _Caches}


def _caches(gaz: Gazetteer, weights: Weights) -> _Caches:
    per_gaz = _CACHES.get(gaz)
    if per_gaz is None:
        per_gaz = _CACHES[gaz] = {}
    c = per_gaz.get(weights)
    if c is None:
        c = per_gaz[weights] = _Caches(prior=_prior(gaz, weights))
    return c


def _prior(gaz: Gazetteer, w: Weights) -> np.ndarray:
    """The resolver's own prior of every record: kind, population, capital (see :class:`Weights`)."""
    kinds = dict(w.kind_prior)
    cols = gaz.columns(np.arange(len(gaz)))
    weights = np.array([kinds.get(k, w.feature_prior) for k in gaz.meta["kinds"]])
    prior = weights[cols.kind] + w.population * np.log10(1 + cols.population)
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
    cache = _caches(gaz, w).spelled
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
    static = _caches(gaz, w).prior[recs] + [w.grade_bonus[g] for g in grades.tolist()]
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
        unit=_unit_vectors(list(zip(cols.lat.tolist(), cols.lon.tolist()))),
        counties=tuple(i for i, (k, kind) in enumerate(zip(order, kinds)) if grades[k] == 0 and kind == "admin2"),
        spelling=tuple(float(extra[k]) for k in order) if extra is not None else (),
    )


def _cued_entry(gaz: Gazetteer, key: str, kinds: tuple[str, ...], e: NameEntry, w: Weights) -> NameEntry | None:
    """Readings of the cued admin kinds under another spelling ("Ardebil province": Ardabīl).

    Used when a unit is cued ("X province") but none of the readings ``e`` of
    the name is a unit: the gazetteer's lookup matches spellings and
    transliterations (not misspellings) of unit names, kept to the countries
    of the name's own readings.
    """
    cache = _caches(gaz, w).cued
    if (key, kinds) not in cache:
        codes = sorted(code for code in {gaz.meta["countries"][c] for c in e.countries} if code)
        places = gaz.lookup(key, kind=[k for k in kinds if k in _ADMIN_KINDS], country=codes,
                            limit=w.max_readings, fuzzy=False) if codes else []
        if places:  # the closest spellings only: "Babek districts" is Babək, not Bakı (the bigger unit)
            from rapidfuzz.fuzz import ratio

            similarity = [ratio(key, fold(p.name)) for p in places]
            places = [p for p, x in zip(places, similarity) if x >= max(similarity) - 10]
        cache[key, kinds] = _entry(gaz, np.array([p.index for p in places], dtype=np.int64),
                                   np.array([_GRADE_OF_MATCH[p.match] for p in places], dtype=np.int64), w) \
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
    explanation: Explanation | None = None  # with ``explain=True``: every term of the top readings


def resolve_candidates(candidates: Sequence[Candidate], gazetteer: Gazetteer, *,
                       demonym_countries: Counter | None = None,
                       local_countries: Sequence[str | None] | None = None,
                       weights: Weights = WEIGHTS, explain: bool = False) -> list[Resolution]:
    """Choose a record for each candidate, or drop it; see the module docstring.

    With ``explain``, each resolution carries its :class:`~geodrills.explain.Explanation`.

    ``demonym_countries`` counts the article's demonyms by country code;
    ``local_countries`` gives, per candidate, the country of the demonym
    next to it in its sentence (:func:`local_countries`), or None.
    """
    gaz, w = gazetteer, weights
    entries = [spelled_entry(gaz, c.spellings, w) if c.spellings else name_entry(gaz, c.key, w)
               for c in candidates]
    for k, c in enumerate(candidates):
        e = entries[k]
        if c.kind_cue and e is not None and _ADMIN_KINDS & set(c.kind_cue) and not set(e.kinds) & set(c.kind_cue):
            entries[k] = _cued_entry(gaz, c.key, c.kind_cue, e, w) or e

    # Pass 1: the article's countries, from country names and demonyms, and the admin-1 units it names.
    context: Counter = Counter()
    for code, n in (demonym_countries or {}).items():
        i = gaz.country_index(code)
        if i is not None:
            context[i] += n
    units: Counter = Counter()  # the admin-1 units it names ("Red Oak" in an article that names Iowa)
    unit_names: dict[int, set[str]] = {}  # unit -> the name keys that name it
    for c, e in zip(candidates, entries):
        # "near the border with Azerbaijan" names the other side, not where the article is
        if e is not None and e.grades[0] == 0 and not c.across_border:
            if e.kinds[0] == "country":
                context[e.countries[0]] += w.country_name_count
            elif e.kinds[0] == "admin1":
                units[e.admin1[0]] += 1
                unit_names.setdefault(e.admin1[0], set()).add(c.key)
    notes: dict[int, str] = {}  # country index -> what its context rests on (for explanations)
    if explain:
        named = Counter(e.countries[0] for c, e in zip(candidates, entries) if e is not None and e.grades[0] == 0
                        and not c.across_border and e.kinds[0] == "country")
        for i in context:
            code = gaz.meta["countries"][i]
            notes[i] = f"{code}: {named[i]} country name(s), {(demonym_countries or {}).get(code, 0)} demonym(s)"
    # By share: a passing mention of the United States must not pull "Brussels" to a village in Ohio.
    top = max(context.values(), default=0)
    ctx = {c: w.context_country * n / top for c, n in context.items()}
    top = max(units.values(), default=0)
    unit_ctx = {a: w.admin1_context * n / top for a, n in units.items()}

    # Pass 2a: scores without the article-geometry terms (a name repeated in
    # the same setting scores the same, so it is computed once).
    totals: list[list[float] | None] = []
    seen: dict[Setting, tuple[list[float], list[TermColumn]] | None] = {}
    terms: list[list[TermColumn] | None] = []  # per candidate, its readings' named terms
    held_by: dict[tuple, set[int]] = {}  # (name key, unit key) -> the readings inside the unit
    local = [gaz.country_index(code) for code in local_countries] if local_countries else [None] * len(candidates)
    for cand, e, here in zip(candidates, entries, local):
        if e is None:
            totals.append(None)
            continue
        setting = Setting.of(cand, here)
        if setting not in seen:
            seen[setting] = _setting_totals(gaz, setting, e, ctx, unit_ctx, unit_names, held_by, w)
        scored = seen[setting]
        totals.append(scored[0] if scored is not None else None)
        terms.append(scored[1] if scored is not None else None)

    # "Atlanta, Georgia": the name after the comma is the unit that holds the place before it.
    holders: dict[int, frozenset] = {}  # candidate -> the units its bonus went to (part of its setting)
    for k in range(1, len(candidates)):
        prev_t, t = totals[k - 1], totals[k]
        if t is None or prev_t is None or candidates[k].gap_before not in (", ", ","):
            continue
        pe = entries[k - 1]
        likely = [i for i, x in enumerate(prev_t) if x > max(prev_t) - w.holder_margin]
        held = {(pe.admin1[i], pe.countries[i]) for i in likely}
        e = entries[k]
        counties = {e.counties[j] for _i, j in _in_counties(pe, likely, e, w)}  # "Snetterton, Norfolk"
        d = [w.contains if k_ == "admin1" and (a, c) in held or i in counties else 0.0
             for i, (k_, a, c) in enumerate(zip(e.kinds, e.admin1, e.countries))]
        totals[k] = [x + y for x, y in zip(t, d)]
        terms[k] = [*terms[k], (f"holds '{candidates[k - 1].text}' before it", d)]
        holders[k] = frozenset(pe.records[i] for i in likely)

    # Anchors: clear readings that are not countries.
    anchors: set[tuple[float, float]] = set()  # (lat, lon) of clear readings
    for e, t in zip(entries, totals):
        if t is None:
            continue
        order = sorted(range(len(t)), key=t.__getitem__, reverse=True)
        best = t[order[0]]
        margin = best - t[order[1]] if len(order) > 1 else math.inf
        if e.kinds[order[0]] != "country" and margin > w.anchor_margin and best > w.accept:
            anchors.add((e.lat[order[0]], e.lon[order[0]]))

    anchor_units = _unit_vectors(sorted(anchors)) if anchors else None
    near = _nearness(entries, totals, anchor_units, w) if anchors else {}
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
    memo: dict[tuple[Setting, int | None, frozenset | None], tuple | None] = {}  # same setting, same choice
    places: dict[tuple, Place] = {}
    for k, (cand, e, t) in enumerate(zip(candidates, entries, totals)):
        if t is None:
            continue
        # (the choice reads the totals, which follow from the setting and the holders, the list and the
        # anchors, which follow from the name's entry: the setting's key and cue)
        setting = (Setting.of(cand, local[k]), list_country.get(k), holders.get(k))
        choice = memo.get(setting)
        if choice is None and setting not in memo:
            choice = memo[setting] = _choose(e, t, near.get(id(e)), list_country.get(k), w)
        if choice is None:
            continue
        best, best_total, share, alternatives = choice
        if cand.sub_area and e.kinds[best] == "continent":
            continue  # "North Africa" is not Africa, and its point is far from the continent's
        own = e.own[best]
        # A country, continent, state or big city is not a person's name elsewhere in the article.
        if e.kinds[best] in _NEVER_NAME_PARTS or _big_city(e, best, w.name_part_population):
            parts = frozenset()
        else:
            parts = name_parts if e.grades[best] == 0 else any_parts
        context_part = w.context_share * min(best_total - own, w.context_cap)
        evidence = _span_evidence_terms(
            w, cand, parts, e.kinds[best] in _MINOR_KINDS and e.population[best] < w.org_namesake_population,
            surnames if parts else frozenset())
        spanness = own + context_part + _sum(evidence)
        more: list[tuple[str, float]] = []  # the evidence from the article around the span
        if cand.followed_by and best in held_by[cand.key, cand.followed_by]:
            more.append(("followed by its unit", w.followed_by_evidence))
        if len(cand.text) <= 3 and cand.text[1:].islower() and not cand.locative \
                and not _big_city(e, best, w.caps_min_population):
            # "Go, meet him", "The Vix measure": seldom a small place ("in Ely" is)
            more.append(("short word", -w.short_word))
        if k in list_country and e.countries[best] == list_country[k]:
            # "Dashkesan, Kedabek, Tovuz and Agstafa": a place among places
            more.append(("in a list of places", w.list_evidence))
        if near and e.countries[best] not in ctx and e.kinds[best] in ("village", "town"):
            # a small place far from every clear place of the article and in none of its countries
            fade = near.get(id(e))
            if fade is not None and fade[best] == 0.0:
                more.append(("far from the article's places", -w.outlier))
        elif cand.spellings and e.countries[best] not in ctx \
                and e.kinds[best] not in _WIDER_THAN_UNITS and len(anchors) > 1 \
                and _far_from_other_anchors(e, best, anchor_units, w):
            # found only by another spelling, and far from every other clear place: "Yevlah" in an
            # article on Baku and Ganja is not a Jewish settlement in the Negev
            more.append(("weak name, far from the article's places", -w.outlier))
        for _name, value in more:
            spanness += value
        if spanness < w.accept:
            continue
        confidence = 1.0 / (1.0 + math.exp(-(spanness - w.accept - w.confidence_midpoint)))
        score = round(share * confidence, 4)
        pkey = (e.records[best], score, e.grades[best], cand.match)
        place = places.get(pkey)
        if place is None:
            place = places[pkey] = gaz.place(e.records[best], score=score, match=cand.match if cand.spellings
                                             else _MATCH[e.grades[best]])
        why = None
        if explain:
            why = _explanation(gaz, w, e, t, terms[k], near.get(id(e)), list_country.get(k), best, notes,
                               [("own prior", own), ("context", context_part), *evidence, *more],
                               spanness, share, confidence, score, cand.match if cand.spellings else None)
        out.append(Resolution(cand, place, score, alternatives, why))
    return out


def _sum(terms: list[tuple[str, float]]) -> float:
    total = 0.0
    for _name, value in terms:
        total += value
    return total


def _explanation(gaz: Gazetteer, w: Weights, e: NameEntry, t: list[float], terms: list[TermColumn],
                 near: list[float] | None, list_country: int | None, best: int, notes: dict[int, str],
                 evidence: list[tuple[str, float]], spanness: float, share: float, confidence: float,
                 score: float, match: str | None = None) -> Explanation:
    """The chosen reading and the runners-up with every term, and the acceptance terms."""
    columns = list(terms)
    if near is not None:
        columns.append(("near the article's places", _near_term(near, w)))
    if list_country is not None:
        code = gaz.meta["countries"][list_country]
        columns.append((f"list sibling ({code})", _list_term(e, list_country, w)))
    full = list(t)
    for _name, d in columns[len(terms):]:
        full = [x + y for x, y in zip(full, d)]
    order = [best] + [i for i in sorted(range(len(full)), key=lambda i: (-full[i], e.records[i])) if i != best]
    readings = []
    for i in order[:EXPLAIN_READINGS]:
        g = e.grades[i]
        grade = w.grade_bonus[g]
        spelling = e.spelling[i] if e.spelling else 0.0
        row = [Term("prior", e.static[i] - grade - spelling, f"{e.kinds[i]}, pop. {e.population[i]:,}"),
               Term("name grade", grade, _MATCH[g])]
        if spelling:
            row.append(Term("another spelling", spelling, match or ""))
        for name, d in columns:
            row.append(Term(name, d[i], notes.get(e.countries[i], "") if name == "country context" else ""))
        readings.append(ReadingTerms(gaz.place(e.records[i], match=_MATCH[g]), full[i], tuple(row)))
    return Explanation(tuple(readings), tuple(Term(n, v) for n, v in evidence), spanness, w.accept, share,
                       confidence, score, match or _MATCH[e.grades[best]])


EXPLAIN_READINGS = 3  # readings an explanation lists


class Setting(NamedTuple):
    """Everything about a candidate that its readings' scores depend on, besides the article.

    Two mentions with equal settings score the same, so the resolver scores
    each setting once: the scorer (:func:`_setting_totals`) reads only this
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
        return cls(cand.key, cand.all_caps, cand.dateline, cand.kind_cue, cand.followed_by, cand.possessor,
                   len(cand.text) >= 4, local, cand.spellings)


#: A reading-score term: its name, and each reading's contribution (``-inf`` rules a reading out).
TermColumn = tuple[str, list[float]]


def _setting_totals(gaz: Gazetteer, setting: Setting, e: NameEntry, ctx: dict[int, float],
                    unit_ctx: dict[int, float], unit_names: dict[int, set[str]],
                    held_by: dict[tuple[str, str], set[int]], w: Weights) -> tuple[list[float], list[TermColumn]] | None:
    """Each reading's score before the article-geometry terms, and its named terms.

    None when no reading fits the cue.  The score is the readings' own
    prior (:attr:`NameEntry.static`) plus the terms, added in order.
    """
    st = setting
    terms: list[TermColumn] = []
    t = list(e.static)

    def add(name: str, d: list[float]) -> None:
        nonlocal t
        t = [x + y for x, y in zip(t, d)]
        terms.append((name, d))

    if ctx:
        add("country context", [ctx.get(c, 0.0) for c in e.countries])
    if st.local is not None:  # "Iranian troops massed near Jolfa"
        add("demonym next to it", [w.local_country if c == st.local else 0.0 for c in e.countries])
    if unit_ctx:  # a namesake in a unit another name of the article names (not the unit's own name)
        add("admin-1 context", [unit_ctx[a] if g == 0 and a in unit_ctx and unit_names[a] != {st.key} else 0.0
                                for a, g in zip(e.admin1, e.grades)])
    if st.all_caps and not st.dateline and not _names_area(gaz, st.followed_by, w):
        # A dateline with its state or country ("GAINESVILLE, Va.") may name a small place.
        add("all capitals: only countries, states, big cities",
            [0.0 if _caps_reading(st.long, k, g, p, w) else -math.inf
             for k, g, p in zip(e.kinds, e.grades, e.population)])
    if st.kind_cue:
        if st.kind_cue[0] in _FEATURE_CUES and not any(k in st.kind_cue for k in e.kinds):
            return None  # "the Mississippi River" with no river of that name: the state is not what is named
        add(f"kind cue {'/'.join(st.kind_cue)}",
            [w.kind_cue if k in st.kind_cue else w.kind_cue_mismatch for k in e.kinds])
    for unit, label in ((st.followed_by, "followed by"), (st.possessor, "possessor")):  # "Kars, Turkey"; "Iran's Jolfa"
        if unit:
            held = held_by[st.key, unit] = _held_by(gaz, unit, e, w)
            if held:
                add(f"{label} '{unit}'", [w.followed_by if i in held else 0.0 for i in range(len(t))])
    if st.followed_by and held_by[st.key, st.followed_by] and _names_unit(gaz, st.followed_by, w):
        # "Lebanon, Pennsylvania", "Holland, Michigan": a town in the state, not the country
        add("a place in the unit, not the country", [-math.inf if k in _WIDER_THAN_UNITS else 0.0 for k in e.kinds])
    return t, terms


def _big_city(e: NameEntry, i: int, population: int) -> bool:
    """Whether reading ``i`` is a city of at least ``population``, matched on its own name."""
    return e.kinds[i] == "city" and e.grades[i] == 0 and e.population[i] >= population


def local_countries(text: str, candidates: Sequence[Candidate], demonyms: Sequence[Demonym], *,
                    weights: Weights = WEIGHTS) -> list[str | None]:
    """Per candidate, the country of a demonym next to it in its sentence, or None.

    The nearest demonym before it within ``weights.local_chars`` ("Iranian troops massed
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
    w = weights
    ds = sorted((d for d in demonyms if d.country), key=lambda d: d.start)
    starts = [d.start for d in ds]
    longest = max((d.end - d.start for d in ds), default=0)
    out: list[str | None] = []
    for c in candidates:
        # Only the demonyms that can be within LOCAL_CHARS are looked at: bisection on their starts
        # keeps this linear (testing every demonym for every candidate was their product).
        i = bisect.bisect_left(starts, c.start)
        lo = bisect.bisect_left(starts, c.start - w.local_chars - longest, 0, i)
        hi = bisect.bisect_right(starts, c.end + w.local_chars, i)
        before = [(ds[j].end, c.start, j) for j in range(i - 1, lo - 1, -1) if c.start - ds[j].end <= w.local_chars]
        after = [(c.end, ds[j].start, j) for j in range(i, hi) if ds[j].start - c.end <= w.local_chars]
        out.append(next((ds[j].country for a, b, j in before + after if not _CLAUSE_BREAK.search(text, a, b)),
                        None))
    return out


# A clause break for the demonym look-around: also ";" and without the capital letter the sentence
# splitter (geodrills.sentences) asks for; "Iranian troops; in Astara" keeps them apart.
_CLAUSE_BREAK = re.compile(r"[.!?;]\s|\n")


def _choose(e: NameEntry, t: list[float], near: list[float] | None, list_country: int | None, w: Weights):
    """The best reading: (index, total, softmax share, runner-up records), or None."""
    # The context terms count for a lone reading too: its total says how sure the span is a place.
    if near is not None:
        t = [x + y for x, y in zip(t, _near_term(near, w))]
    if list_country is not None:
        t = [x + y for x, y in zip(t, _list_term(e, list_country, w))]
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


def _near_term(near: list[float], w: Weights) -> list[float]:
    """Per reading: the bonus for lying near the article's clear places (``near``: 1 near, fading to 0)."""
    return [w.near * n for n in near]


def _list_term(e: NameEntry, list_country: int, w: Weights) -> list[float]:
    """Per reading: the bonus for sharing the country of the other names of its list."""
    return [w.list_sibling if c == list_country else 0.0 for c in e.countries]


_EXP_FLOOR = math.exp(-50.0)  # readings far behind the best still count, a little


# cues a place of another kind cannot answer
_FEATURE_CUES = frozenset({"river", "sea", "lake", "range", "mountain", "street"})
# An organisation is named after a well-known place: "Carnegie Library" is not named after the town
# of Carnegie, Pennsylvania (see ORG_NAMESAKE_POPULATION).
_MINOR_KINDS = frozenset({"town", "village"})
_NEVER_NAME_PARTS = frozenset({"country", "continent", "admin1"})
_MATCH = ("exact", "variant", "alternate", "alternate")


def _caps_reading(long: bool, kind: str, grade: int, population: int, w: Weights) -> bool:
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


def _span_evidence(w: Weights, cand: Candidate, name_parts: frozenset[str] = frozenset(), minor: bool = False,
                   surnames: frozenset[str] = frozenset()) -> float:
    """How much the span's context says it is a place (``minor``: its reading is a small town)."""
    e = 0.0
    for _name, value in _span_evidence_terms(w, cand, name_parts, minor, surnames):
        e += value
    return e


def _span_evidence_terms(w: Weights, cand: Candidate, name_parts: frozenset[str] = frozenset(),
                         minor: bool = False, surnames: frozenset[str] = frozenset()) -> list[tuple[str, float]]:
    """The named terms of :func:`_span_evidence`, in the order they are added."""
    out: list[tuple[str, float]] = []
    if cand.in_org_name and not minor:
        # "Kentucky Department of Education", "Venice Commission": named after the place.
        out.append(("heads an organisation's name", -w.org_name))
    elif cand.embedded or cand.text in name_parts:
        # In a longer name here, or elsewhere in the article ("Jeff Kock" … "Kock said").
        out.append(("part of a longer name", -w.embedded))
    if cand.sentence_initial:
        out.append(("sentence-initial", -w.sentence_initial))
    if cand.common_word:
        out.append(("also a common word", -w.common_word))
    if cand.person_cue:
        out.append(("person cue", -w.person))
    if cand.after_given_name or cand.text in surnames:
        out.append(("surname", -w.surname))
    if cand.first_name:
        out.append(("first name", -w.first_name))
    if cand.locative:
        out.append(("locative", w.locative))
    if cand.kind_cue:
        out.append(("kind cue", w.kind_cue_evidence))
    return out


def _unit_vectors(points: list[tuple[float, float]]) -> np.ndarray:
    lat = np.radians([p[0] for p in points])
    lon = np.radians([p[1] for p in points])
    return np.column_stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)])


def _nearness(entries: list, totals: list, anchors: np.ndarray, w: Weights) -> dict[int, list[float]]:
    """:func:`_near` of every reading of every name, in one batch (keyed by ``id(entry)``)."""
    named = list({id(e): e for e, t in zip(entries, totals) if t is not None}.values())
    if not named:
        return {}
    near = _near(np.concatenate([e.unit for e in named]), anchors, w).tolist()
    out, pos = {}, 0
    for e in named:
        out[id(e)] = near[pos:pos + len(e.records)]
        pos += len(e.records)
    return out


def _near(units: np.ndarray, anchors: np.ndarray, w: Weights) -> np.ndarray:
    """Per reading: 1 within ``w.near_km`` of an anchor, fading to 0 at ``w.near_fade`` times that (a sphere is exact enough)."""
    dot = np.clip((units @ anchors.T).max(axis=1), -1.0, 1.0)
    km = EARTH_RADIUS_KM * np.arccos(dot)
    return np.clip((w.near_fade * w.near_km - km) / ((w.near_fade - 1) * w.near_km), 0.0, 1.0)


def _far_from_other_anchors(e: NameEntry, i: int, anchors: np.ndarray, w: Weights) -> bool:
    """Whether reading ``i`` is beyond ``near_fade × near_km`` of every anchor but its own point."""
    dot = anchors @ e.unit[i]
    others = dot[dot < 1.0 - 1e-12]  # (its own point, if it anchors itself)
    if not others.size:
        return False
    km = EARTH_RADIUS_KM * np.arccos(np.clip(others.max(), -1.0, 1.0))
    return bool(km > w.near_fade * w.near_km)


def _names_area(gaz: Gazetteer, key: str | None, w: Weights) -> bool:
    """Whether name key ``key`` names a country or an admin-1 unit."""
    f = name_entry(gaz, key, w) if key else None
    return f is not None and any(k in ("country", "admin1") for k, g in zip(f.kinds, f.grades) if g == 0)


def _names_unit(gaz: Gazetteer, key: str, w: Weights) -> bool:
    """Whether name key ``key`` names an admin-1 unit first of all ("Pennsylvania", not "Georgia")."""
    f = name_entry(gaz, key, w)
    return f is not None and f.kinds[0] == "admin1" and f.grades[0] == 0


_WIDER_THAN_UNITS = frozenset({"country", "continent"})


def _held_by(gaz: Gazetteer, key: str, e: NameEntry, w: Weights) -> set[int]:
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
    held.update(i for i, _j in _in_counties(e, range(len(e.records)), f, w))
    return held


def _in_counties(e: NameEntry, readings: Sequence[int], f: NameEntry, w: Weights) -> list[tuple[int, int]]:
    """(reading of ``e``, index into ``f.counties``) pairs within ``w.county_km`` of each other."""
    if not f.counties or not readings:
        return []
    readings = list(readings)
    near = np.nonzero((e.unit[readings] @ f.unit[list(f.counties)].T) > w.county_cos)
    return [(readings[i], j) for i, j in zip(*(a.tolist() for a in near))]


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
