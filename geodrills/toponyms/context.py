"""Context: what the article as a whole says about where it is (stage 3 of the geoparser).

The demonym next to each name (:func:`local_countries`), the countries and
admin-1 units it names (:func:`article_context`), its clear places
(anchors) and how near each reading lies to them, and the country most
names of a list share.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from collections.abc import Sequence
import bisect

import numpy as np

from ..demonyms import Demonym
from ..gazetteer import Gazetteer
from ..geodesy import EARTH_RADIUS_KM
from ..weights import WEIGHTS, Weights
from .candidate import Candidate
from ..lexicon.toponyms import CLAUSE_BREAK, LIST_GAPS, MINOR_KINDS
from .score import NameEntry

__all__ = ["ArticleContext", "ArticleGeometry", "article_context", "article_geometry", "fade_near_anchors", "fade_near_other_anchors", "far_from_other_anchors", "list_countries", "local_countries", "nearness", "unit_namesake_terms"]


def local_countries(text: str, candidates: Sequence[Candidate], demonyms: Sequence[Demonym], *,
                    weights: Weights = WEIGHTS) -> list[str | None]:
    """Per candidate, the country of a demonym next to it in its sentence, or None.

    The nearest demonym before it within ``weights.local_chars`` ("Iranian troops massed
    near Jolfa"), else the nearest after it ("in Astara, on the Azerbaijani
    side"), with no sentence break in between.

    Examples
    --------
    >>> from geodrills.demonyms import find_demonyms
    >>> from geodrills.gazetteer import Gazetteer
    >>> from geodrills.toponyms.scan import find_candidates
    >>> t = "Azerbaijani guards in Astara and Iranian guards in Astara."
    >>> local_countries(t, find_candidates(t, Gazetteer.default()), find_demonyms(t))
    ['AZ', 'IR']
    """
    w = weights
    ds = sorted((d for d in demonyms if d.country), key=lambda d: d.start)
    if not ds:
        return [None] * len(candidates)  # (no demonym in the text: no name has one next to it)
    starts = [d.start for d in ds]
    longest = max((d.end - d.start for d in ds), default=0)
    out: list[str | None] = []
    for c in candidates:
        # Only the demonyms that can be within LOCAL_CHARS are looked at: bisection on their starts
        # keeps this linear (testing every demonym for every candidate was their product).
        i = bisect.bisect_left(starts, c.start)
        lo = bisect.bisect_left(starts, c.start - w.local_chars - longest, 0, i)
        hi = bisect.bisect_right(starts, c.end + w.local_chars, i)
        if lo == hi:
            out.append(None)  # (no demonym near it: most names)
            continue
        before = [(ds[j].end, c.start, j) for j in range(i - 1, lo - 1, -1) if c.start - ds[j].end <= w.local_chars]
        after = [(c.end, ds[j].start, j) for j in range(i, hi) if ds[j].start - c.end <= w.local_chars]
        # (not the name's own adjective, "Georgian" beside "Georgia": it says which country the article is
        # about, which the country context counts, not which reading of this name is meant)
        own = c.text.casefold()
        out.append(next((ds[j].country for a, b, j in before + after if not CLAUSE_BREAK.search(text, a, b)
                         and not ds[j].text.casefold().startswith(own)), None))
    return out




def nearness(entries: list, totals: list, anchors: np.ndarray, w: Weights) -> dict[int, list[float]]:
    """:func:`fade_near_anchors` of every reading of every name, in one batch (keyed by ``id(entry)``)."""
    named = list({id(e): e for e, t in zip(entries, totals) if t is not None}.values())
    if not named:
        return {}
    near = fade_near_anchors(np.concatenate([e.unit for e in named]), anchors, w).tolist()
    out, pos = {}, 0
    for e in named:
        out[id(e)] = near[pos:pos + len(e.records)]
        pos += len(e.records)
    return out


def fade_near_anchors(units: np.ndarray, anchors: np.ndarray, w: Weights) -> np.ndarray:
    """Per reading: 1 within ``w.near_km`` of an anchor, fading to 0 at ``w.near_fade`` times that (a sphere is exact enough)."""
    # (np.maximum.reduce is .max(axis=) without its Python wrapper's cost on small arrays)
    return _fade(np.maximum.reduce(units @ anchors.T, axis=1), w)


def fade_near_other_anchors(e: NameEntry, readings: list[int], anchors: np.ndarray, w: Weights) -> list[float]:
    """:func:`fade_near_anchors` of the readings ``readings`` of ``e`` with every anchor but the reading's
    own point: a place is not near the article's places for being one of them."""
    dot = e.unit[readings] @ anchors.T
    dot[dot >= 1.0 - 1e-12] = -1.0  # (its own point, if it anchors itself: the farthest a point can be)
    return _fade(np.maximum.reduce(dot, axis=1), w).tolist()


def _fade(nearest: np.ndarray, w: Weights) -> np.ndarray:
    """1 where the cosine ``nearest`` to the nearest anchor is within ``w.near_km``, fading to 0 at ``w.near_fade`` times that."""
    # (np.minimum(np.maximum(...)) is np.clip's documented equivalent, without its wrapper's cost)
    dot = np.minimum(np.maximum(nearest, -1.0), 1.0)
    km = EARTH_RADIUS_KM * np.arccos(dot)
    return np.minimum(np.maximum((w.near_fade * w.near_km - km) / ((w.near_fade - 1) * w.near_km), 0.0), 1.0)


def unit_namesake_terms(e: NameEntry, key: str, context: ArticleContext, anchors: np.ndarray | None,
                        w: Weights) -> list[float] | None:
    """The article's own unit over far namesakes: "near Marburg, in Hessen" is not the Queensland town.

    When every reading under the name itself is a town or village outside the admin-1 units the
    article names (not counting a unit this name names), and each lies farther from the article's
    other places (:func:`fade_near_other_anchors`) than a reading found under another of its names
    inside those units (Marburg an der Lahn, "Marburg" only as an alternate name), the name means the
    place inside: its readings there count as the name's own (the name grade's shortfall is added
    back) and every other reading is ruled out (``-inf``).  None where this does not hold (most names).
    """
    units, unit_names = context.units, context.unit_names
    # (most names leave at once: their first reading is a city or larger under the name itself, or none
    # of their readings lies in a unit the article names)
    if not units or anchors is None or e.grades[0] == 0 and e.kinds[0] not in MINOR_KINDS \
            or units.keys().isdisjoint(e.admin1):
        return None
    inside = [i for i, a in enumerate(e.admin1) if a in units and unit_names[a] != {key}]
    exact = [i for i, g in enumerate(e.grades) if g == 0]
    if not inside or not exact or any(e.grades[i] == 0 for i in inside) \
            or any(e.kinds[i] not in MINOR_KINDS for i in exact):
        return None
    near = fade_near_other_anchors(e, inside + exact, anchors, w)
    nearest_inside = max(near[:len(inside)])
    if nearest_inside <= 0.0 or max(near[len(inside):]) >= nearest_inside:
        return None
    held = set(inside)
    return [w.grade_bonus[0] - w.grade_bonus[g] if i in held else -math.inf for i, g in enumerate(e.grades)]


def far_from_other_anchors(e: NameEntry, i: int, anchors: np.ndarray, w: Weights) -> bool:
    """Whether reading ``i`` is beyond ``near_fade × near_km`` of every anchor but its own point."""
    dot = anchors @ e.unit[i]
    others = dot[dot < 1.0 - 1e-12]  # (its own point, if it anchors itself)
    if not others.size:
        return False
    km = EARTH_RADIUS_KM * np.arccos(np.clip(others.max(), -1.0, 1.0))
    return bool(km > w.near_fade * w.near_km)


def list_countries(candidates: Sequence[Candidate], entries: list, totals: list) -> dict[int, int]:
    """For candidates in a list of three or more, the country most of the list's best readings share."""
    out: dict[int, int] = {}
    k = 0
    while k < len(candidates):
        group = [k]
        while group[-1] + 1 < len(candidates) and candidates[group[-1] + 1].gap_before in LIST_GAPS:
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


@dataclass(frozen=True)
class ArticleContext:
    """What the article's names and demonyms say about where it is (before any reading is chosen)."""

    countries: dict[int, float]  # country index -> its context term (by share of the country evidence)
    units: dict[int, float]  # admin-1 index -> its context term (by share of the units named)
    unit_names: dict[int, set[str]]  # admin-1 index -> the name keys that name it
    notes: dict[int, str]  # country index -> what its context rests on (for explanations)


def article_context(candidates: Sequence[Candidate], entries: Sequence[NameEntry | None], demonyms: Counter,
                    gaz: Gazetteer, w: Weights, *, explain: bool = False) -> ArticleContext:
    """The article's countries, from country names and demonyms, and the admin-1 units it names.

    A name's first reading counts when it is the name's own (not an alternate)
    and not the other side of a border ("near the border with Azerbaijan").
    Each country's term is its share of the evidence: a passing mention of the
    United States must not pull "Brussels" to a village in Ohio.
    """
    context: Counter = Counter()
    for code, n in demonyms.items():
        i = gaz.country_index(code)
        if i is not None:
            context[i] += n
    units: Counter = Counter()  # the admin-1 units it names ("Red Oak" in an article that names Iowa)
    unit_names: dict[int, set[str]] = {}
    for c, e in zip(candidates, entries):
        if e is not None and e.grades[0] == 0 and not c.across_border:
            if e.kinds[0] == "country":
                context[e.countries[0]] += w.country_name_count
            elif e.kinds[0] == "admin1":
                units[e.admin1[0]] += 1
                unit_names.setdefault(e.admin1[0], set()).add(c.key)
    notes: dict[int, str] = {}
    if explain:
        named = Counter(e.countries[0] for c, e in zip(candidates, entries) if e is not None and e.grades[0] == 0
                        and not c.across_border and e.kinds[0] == "country")
        for i in context:
            code = gaz.meta["countries"][i]
            notes[i] = f"{code}: {named[i]} country name(s), {demonyms.get(code, 0)} demonym(s)"
    top = max(context.values(), default=0)
    ctx = {c: w.context_country * n / top for c, n in context.items()}
    top = max(units.values(), default=0)
    unit_ctx = {a: w.admin1_context * n / top for a, n in units.items()}
    return ArticleContext(ctx, unit_ctx, unit_names, notes)


@dataclass(frozen=True)
class ArticleGeometry:
    """The article's clear places and what follows from them for every reading."""

    anchors: frozenset[tuple[float, float]]  # (lat, lon) of clear readings that are not countries
    anchor_units: np.ndarray | None  # their unit vectors
    near: dict[int, list[float]]  # id(entry) -> per reading, 1 near an anchor fading to 0 (see fade_near_anchors)
    list_country: dict[int, int]  # candidate -> the country most names of its list share


def article_geometry(candidates: Sequence[Candidate], entries: Sequence[NameEntry | None],
                     totals: Sequence[list[float] | None], w: Weights) -> ArticleGeometry:
    """Anchors (readings that lead their runner-up by ``w.anchor_margin`` and reach ``w.accept``),
    each reading's nearness to them, and the lists' countries."""
    anchors: dict[tuple[float, float], np.ndarray] = {}  # (lat, lon) -> its unit vector
    seen: set[int] = set()  # a name in the same setting shares its totals (and entry): one look each
    for e, t in zip(entries, totals):
        if t is None or id(t) in seen:
            continue
        seen.add(id(t))
        best = max(t)
        top = t.index(best)  # (the first of equal totals, as a stable sort would put it)
        margin = best - max(t[:top] + t[top + 1:]) if len(t) > 1 else math.inf
        if e.kinds[top] != "country" and margin > w.anchor_margin and best > w.accept:
            anchors[e.lat[top], e.lon[top]] = e.unit[top]  # (unit_vectors' row for the point, computed once)
    anchor_units = np.array([anchors[p] for p in sorted(anchors)]) if anchors else None
    near = nearness(list(entries), list(totals), anchor_units, w) if anchors else {}
    return ArticleGeometry(frozenset(anchors), anchor_units, near, list_countries(candidates, entries, totals))
