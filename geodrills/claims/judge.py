"""Measure a claim's subject against its object and give the verdict, with a one-sentence reason.

Subjects and objects are measured by their footprints
(:mod:`geodrills.footprints`): an admin-1 unit by its outline, a river by its
line, a town by its point, a country by the bundled country polygon.  Border
gaps are WGS84 geodesics (:func:`geodrills.footprints.border_gaps`); gaps
between two shapes take the nearest pair of points in longitude/latitude and
measure that pair geodesically (exact for points, within a few per cent for
outlines).  The verdict rules per kind are in :mod:`geodrills.claims`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from ..footprints import Footprint, border_gaps, footprint, point_footprint
from ..geodesy import bearing_deg, geodesic_km
from .grammar import DIRECTIONS
from .subjects import Forces
from .thresholds import Thresholds

__all__ = ["Subject", "Verdict", "subject_of", "judge", "misreading", "named_unit", "stand_in_subject"]

#: the footprint source of an exercise's location place: a point, never widened to the unit it names
EXERCISE_POINT = "the exercise's location point"
#: the footprint source of a place standing in for a site the gazetteer lacks: its point, with a spread
STAND_IN_POINT = "the point of the place standing in for it"
_LINEAR_KINDS = frozenset({"river", "sea", "lake", "ocean", "range", "region", "corridor", "continent"})
_AREA_NOUN = re.compile(r"(?:towns?|villages?|city|cities|regions?|areas?|districts?|provinces?|zones?|settlements?)$",
                        re.IGNORECASE)


@dataclass(frozen=True)
class Subject:
    """What a claim is about, with the footprint it is measured by (None: nothing to measure)."""

    name: str | None
    place_id: str | None
    kind: str | None
    country: str | None
    fp: Footprint | None
    spread_km: float = 0.0  # a site measured from a place standing in for it lies within this of ``fp``

    @property
    def is_country(self) -> bool:
        """A whole country, or a country's forces (measured by its territory: where they are is not said)."""
        return self.kind in ("country", "forces")


@dataclass
class Verdict:
    verdict: str
    reason: str
    km: float = math.nan
    bearing: float = math.nan
    target: tuple[float, float] | None = None  # (lat, lon) of the object point measured to
    pair: str | None = None  # the border pair measured to, when the object is a border


def subject_of(item: Any) -> Subject:
    """A :class:`Subject` from a mention, an exercise place dict, or an ISO2 country code."""
    if isinstance(item, str):
        return Subject(item, None, "country", item, None)
    if isinstance(item, Forces):
        return Subject(item.name, None, "forces", item.country, None)
    if isinstance(item, dict):
        lat, lon = float(item.get("lat", math.nan)), float(item.get("lon", math.nan))
        fp = point_footprint(str(item.get("name")), lat, lon, EXERCISE_POINT)
        return Subject(item.get("name"), item.get("place_id"), item.get("kind") or "exercise place",
                       item.get("country"), fp)
    p = item.place
    fp = None if p.kind == "country" else footprint(p)
    return Subject(p.name, p.id, p.kind, p.country, fp)


def stand_in_subject(stand_in, th: Thresholds) -> Subject:
    """The :class:`Subject` a :class:`~geodrills.claims.standins.StandIn` is measured as: its place's point,
    with the spread a site standing in for it may lie within (:attr:`Subject.spread_km`).

    A town spreads ``site_km`` (``near_site_km`` for a site the sentence puts near it); a unit over its
    extent: the farthest point of its bundled outline from its point, else :func:`unit_radius_km`
    (plus ``near_site_km - site_km`` for a site near it).

    Examples
    --------
    >>> from geodrills.claims.standins import StandIn
    >>> from geodrills.gazetteer import Gazetteer
    >>> s = stand_in_subject(StandIn(Gazetteer.default().get("gn:743952"), "named after"), Thresholds())
    >>> s.name, s.spread_km
    ('Kars', 20.0)
    """
    p = stand_in.place
    near = stand_in.relation == "near"
    if stand_in.relation in ("in", "near"):  # "at Qelbrin in Kars": the town's name may mean its province
        p = town_unit(p) or p
    fp = point_footprint(p.name, p.lat, p.lon, STAND_IN_POINT)
    if p.kind in ("admin1", "admin2", "region"):
        unit = subject_of(_PlaceHolder(p))
        spread = _outline_reach_km(unit) or unit_radius_km(unit, th)
        spread += (th.near_site_km - th.site_km) if near else 0.0
    else:
        spread = th.near_site_km if near else th.site_km
    return Subject(p.name, p.id, p.kind, p.country, fp, max(spread, 0.0))


def _outline_reach_km(unit: Subject) -> float:
    """How far the farthest point of a unit's outline lies from its point (0 without an outline)."""
    import numpy as np

    if unit.fp is None or unit.fp.shape != "outline" or unit.fp.geometry is None:
        return 0.0
    import shapely

    pts = shapely.get_coordinates(unit.fp.geometry)
    if not len(pts):
        return 0.0
    pts = pts[:: max(1, len(pts) // 2000)]  # a bounded sample of the outline's vertices
    km = geodesic_km(np.full(len(pts), unit.fp.lat), np.full(len(pts), unit.fp.lon), pts[:, 1], pts[:, 0])
    return float(np.max(km))


def misreading(reading, th: Thresholds) -> str | None:
    """Why a place's reading is too weak to judge a claim by (None when it is fine).

    A near-miss spelling never counts; an isolated reading (farther than ``isolated_km`` from every
    other place named around it) counts as misread when it is a spelling variant, has a resolver
    confidence under ``reading_score``, or a runner-up reading of the name fits the article.
    """
    if reading is None:
        return None
    if reading.match == "fuzzy":
        return f"'{reading.name}' matches {reading.place} only as a near-miss spelling"
    # a minor or uncertain reading: a village, a spelling variant or a low resolver confidence
    weak = reading.kind == "village" or reading.match != "exact" or reading.score < th.reading_score
    if not math.isfinite(reading.nearest_km) and reading.country_apart and weak:
        # "Siberia" read as a Mexican village in an article naming only Russia and China ("Baku, near the
        # Polish border" is a capital's confident reading: a wrong claim, not a wrong place)
        return (f"'{reading.name}' read as {reading.place} is a village or an uncertain reading in a country the "
                "article neither names nor borders on any country it names: likely another place of that name")
    if not (math.isfinite(reading.nearest_km) and reading.nearest_km > th.isolated_km):
        return None  # near the article's other places, or the only place it names: nothing to test against
    why = []
    if reading.country_apart and weak:
        why.append("in a country the article neither names nor borders on any it names")
    if reading.match != "exact":
        why.append(f"a {reading.match} spelling")
    if reading.score < th.reading_score and not reading.country_named:
        why.append(f"resolver confidence {reading.score:.2f} < {th.reading_score:g}, in a country the article "
                   "does not name")
    if reading.alternative and reading.alternative_km <= th.isolated_km:
        why.append(f"the name's other reading {reading.alternative} lies {reading.alternative_km:.0f} km from them")
    if not why:
        return None
    return (f"'{reading.name}' read as {reading.place} lies {reading.nearest_km:.0f} km from every other place "
            f"the article names ({'; '.join(why)}): likely another place of that name")


# --------------------------------------------------------------------------- measuring


def _data():
    from ..borders import BorderData

    return BorderData.default()


def _pairs_for(countries: tuple[str, ...], home: str | None, pair: str | None) -> tuple[list[str], str]:
    """Candidate border pairs for a border object, and a note when the pair had to be widened."""
    data = _data()
    if pair:
        return [pair], ""
    if len(countries) == 2:
        return ["-".join(sorted(countries))], ""
    if len(countries) == 1:
        c = countries[0]
        if home and home != c:
            p = "-".join(sorted((home, c)))
            if p in data.borders:
                return [p], ""
            return [b for b in data.borders if c in b.split("-")], f"{home} and {c} share no land border"
        return [b for b in data.borders if c in b.split("-")], ""
    if home:
        return [b for b in data.borders if home in b.split("-")], ""
    return [], ""


def _home(subject: Subject) -> str | None:
    if subject.country:
        return subject.country
    if subject.fp is not None and math.isfinite(subject.fp.lat):
        from ..borders import country_at

        return country_at(subject.fp.lat, subject.fp.lon)
    return None


def border_gap_of(subject: Subject, countries: tuple[str, ...], pair: str | None):
    """(km, pair, gap dict, note) from a subject's footprint to the nearest candidate border."""
    pairs, note = _pairs_for(countries, _home(subject), pair)
    pairs = [p for p in pairs if p in _data().borders]
    if not pairs or subject.fp is None:
        return math.nan, None, None, note
    gaps = border_gaps(subject.fp, pairs)
    best = min(pairs, key=lambda p: (gaps[p]["km"] if math.isfinite(gaps[p]["km"]) else math.inf, p))
    return gaps[best]["km"], best, gaps[best], note


def _geom_of(sub: Subject):
    if sub.is_country:
        return _data().country_geometry(sub.country)
    return sub.fp.geometry if sub.fp is not None else None


def shape_gap_km(a, b) -> tuple[float, tuple[float, float] | None]:
    """Geodesic gap between two lon/lat shapes (0 when they meet) and the point on ``b`` measured to."""
    import shapely
    from shapely.ops import nearest_points

    if a is None or b is None:
        return math.nan, None
    if shapely.intersects(a, b):
        p = b if b.geom_type == "Point" else shapely.intersection(a, b).representative_point()
        return 0.0, (p.y, p.x)
    pa, pb = nearest_points(a, b)
    return float(geodesic_km(pa.y, pa.x, pb.y, pb.x)), (pb.y, pb.x)


def _label(sub: Subject) -> str:
    return f"{sub.name} ({sub.fp.source})" if sub.fp is not None and sub.fp.shape != "point" else str(sub.name)


# --------------------------------------------------------------------------- verdicts


def _near_rule(km: float, where: str, th: Thresholds, negated: bool) -> tuple[str, str]:
    """No grey band: a figure is within the threshold or beyond it (see :class:`Thresholds`)."""
    if negated:
        if km > th.far_km:
            return "supported", f"{where}; 'far from' holds beyond {th.far_km:g} km"
        return "doubtful", f"{where}; within {th.far_km:g} km is not far"
    if km <= th.near_km:
        return "supported", f"{where}; 'near' holds within {th.near_km:g} km"
    return "doubtful", f"{where}; beyond {th.near_km:g} km is not near"


def _figure_rule(measured: float, stated: float, bound: str | None, where: str, th: Thresholds,
                 what: str = "stated") -> tuple[str, str]:
    tol = th.tolerance(stated)
    if bound == "upper":
        ok = measured <= stated + tol
        rule = f"{what} under {stated:g} km (tolerance {tol:.1f} km)"
    elif bound == "lower":
        ok = measured >= stated - tol
        rule = f"{what} over {stated:g} km (tolerance {tol:.1f} km)"
    else:
        ok = abs(measured - stated) <= tol
        rule = f"{what} {stated:g} km ± {tol:.1f} km"
    return ("supported" if ok else "doubtful"), f"{where}; {rule}"


def _in_sector(bearing: float, direction: str, th: Thresholds) -> bool:
    diff = abs((bearing - DIRECTIONS[direction] + 180.0) % 360.0 - 180.0)
    return diff <= th.sector_deg


def _bearing_from(obj_lat: float, obj_lon: float, sub: Subject) -> float:
    return float(bearing_deg(obj_lat, obj_lon, sub.fp.lat, sub.fp.lon))


def judge(kind: str, sub: Subject | None, obj, phrase, th: Thresholds, *, reference: Subject | None = None) -> Verdict:
    """The verdict of one claim (see :mod:`geodrills.claims` for the rules)."""
    if obj is not None and obj.type == "unresolved":
        return Verdict("unverifiable", f"'{obj.name}' is not in the gazetteer: nothing to measure to")
    if kind == "across" and obj is not None and obj.type == "border" and len(obj.countries) == 2:
        return _judge_across(kind, sub, obj, phrase, th, reference)
    if sub is None and kind != "length":
        return Verdict("unverifiable", "the sentence names no place to measure from")
    if kind == "length":
        return _judge_length(kind, sub, obj, phrase, th, reference)
    if not sub.is_country and (sub.fp is None or not math.isfinite(sub.fp.lat)):
        return Verdict("unverifiable", f"{sub.name} has no coordinates")
    if sub.fp is not None and sub.fp.shape == "water" and obj is not None and obj.type == "border" \
            and kind != "length":
        return Verdict("unverifiable", f"{sub.name} is {sub.fp.source}: no land-border distance")
    if sub.spread_km and kind in ("borders", "across"):
        return Verdict("unverifiable", f"{sub.name} only stands in for the site: whether the site itself "
                                       f"{'touches' if kind == 'borders' else 'crosses'} it is not measured")
    fn = {"near": _judge_distance, "on": _judge_distance, "km_from": _judge_distance, "borders": _judge_borders,
          "direction": _judge_direction, "within": _judge_within, "length": _judge_length,
          "across": _judge_across}[kind]
    return fn(kind, sub, obj, phrase, th, reference)


def _object_subject(obj, th: Thresholds | None = None) -> Subject | None:
    """The object as a :class:`Subject`: its mention's place, or the place standing in for it (with its
    spread under ``th``)."""
    if obj is not None and getattr(obj, "stand_in", None) is not None:
        return stand_in_subject(obj.stand_in, th or Thresholds())
    return subject_of(obj.mention) if obj is not None and obj.mention is not None else None


def _measure(sub: Subject, obj) -> tuple[float, str, tuple[float, float] | None, str, str | None]:
    """(km, description of what was measured, target point, note, border pair or None)."""
    data = _data()
    if obj.type == "border":
        if sub.is_country:
            return math.nan, "", None, "", None
        km, pair, gap, note = border_gap_of(sub, obj.countries, obj.pair)
        if pair is None:
            return math.nan, "", None, note or "the border's countries are not named", None
        where = f"{_label(sub)} is {km:.1f} km from the {pair} border ({data.source_of(pair)})"
        return km, where, (gap["border_lat"], gap["border_lon"]), note, pair
    if obj.type == "country" and obj.countries:  # "off the Chinese coast": the country's land
        km, pt = shape_gap_km(_geom_of(sub), data.country_geometry(obj.countries[0]))
        if not math.isfinite(km):
            return math.nan, "", None, f"no polygon for {obj.countries[0]}", None
        return km, f"{_label(sub)} is {km:.1f} km from {obj.countries[0]} (bundled country polygon)", pt, "", None
    target = _object_subject(obj)
    if target is None:
        return math.nan, "", None, "the object is not resolved", None
    km, pt = shape_gap_km(_geom_of(sub), _geom_of(target))
    if not math.isfinite(km):
        return math.nan, "", None, f"no geometry for {target.name}", None
    return km, f"{_label(sub)} is {km:.1f} km from {_label(target)}", pt, "", None


def _countries_share(a: str | None, b: str | None) -> bool | None:
    if not a or not b:
        return None
    return "-".join(sorted((a, b))) in _data().borders


def _judge_distance(kind, sub, obj, phrase, th, _ref) -> Verdict:
    if sub.is_country:
        others = obj.countries if obj.type == "border" else ((obj.mention.place.country,) if obj.mention else ())
        others = tuple(c for c in others if c != sub.country)
        if not others:
            return Verdict("unverifiable", f"the subject is a whole country ({sub.country}): no distance to measure")
        shares = all(_countries_share(sub.country, c) for c in others)
        pair = "-".join(sorted((sub.country, others[0])))
        if sub.kind == "forces" and obj.type == "border":
            return _forces_rule(kind, sub, others, shares, phrase, th)
        if sub.kind == "forces":  # "Chinese warships near Taiwan": ships off a coast, not a country's edge
            return Verdict("unverifiable", f"{sub.name}: where the forces are is not said, only their country "
                                           f"({sub.country})")
        if shares and phrase.form == "noun":  # "Azerbaijani border points": on that border by what they are
            return Verdict("supported", f"{sub.country} and {others[0]} share a border ({pair}, "
                                        f"{_data().source_of(pair)}); border posts stand on it", 0.0, pair=pair)
        if shares:
            return Verdict("unverifiable", f"{sub.country} and {others[0]} share a border ({pair}), but where in "
                                           f"{sub.country} the claim is about is not said", pair=pair)
        return Verdict("doubtful", f"{sub.country} and {others[0]} share no land border in the bundled data",
                       pair=pair)
    wrong_side = _wrong_side(sub, obj, phrase, th)
    if wrong_side is not None:
        return wrong_side
    km, where, target, note, pair = _measure(sub, obj)
    if not math.isfinite(km):
        return Verdict("unverifiable", note or "nothing to measure")
    if note:
        where = f"{where} ({note})"
    v = Verdict("unverifiable", where, km, target=target, pair=pair)
    v = _distance_verdict(v, kind, km, where, target, sub, phrase, th)
    radius = unit_radius_km(sub, th) if _unit_point(sub) else 0.0
    units = [sub.kind] if radius else []
    place = _object_subject(obj, th) if obj.type == "place" else None
    if place is not None and _unit_point(place):  # "not far from the Evros" read as the prefecture's point
        radius += unit_radius_km(place, th)
        units.append(f"object {place.kind}")
    if radius:
        v = _with_allowance(v, kind, km, radius, where, target, sub, phrase, th, " and ".join(units))
    spread = sub.spread_km + (place.spread_km if place is not None else 0.0)
    if spread and v.verdict != "unverifiable":
        v = _with_spread(v, kind, km, spread, where, target, sub, phrase, th)
    if v.verdict == "doubtful" and not phrase.negated and km - radius > th.implausible_km \
            and km > 5 * (phrase.stated_km or 0.0):
        v.verdict = "unverifiable"
        what = ("another venue (or the wrong place of that name)" if sub.fp is not None
                and sub.fp.source == EXERCISE_POINT else "the wrong place of that name")
        v.reason += (f"; so far (> {th.implausible_km:g} km) that {sub.name} ({sub.country}) is more likely "
                     f"{what} than a wrong claim")
    return v


def _wrong_side(sub: Subject, obj, phrase, th: Thresholds) -> Verdict | None:
    """"Gyumri, on the Turkish side of the border": a place in the border's other country is on its side,
    not the one stated (doubtful); None when the side agrees or is not said."""
    if phrase.form != "side" or obj.type != "border" or not sub.country or sub.fp is None or sub.spread_km:
        return None
    from ..demonyms import find_demonyms

    sides = {d.country for d in find_demonyms(phrase.text) if d.country}
    if len(sides) != 1:
        return None
    (side,) = sides
    if side not in obj.countries or sub.country == side or not _countries_share(sub.country, side):
        return None
    point = _point_of(sub)
    if point is not None and _twin_across(sub.name, side, point, th_km=th.twin_km):
        return None  # "Astara, on the Iranian side": the Iranian town of that name, not a wrong side
    pair = "-".join(sorted((sub.country, side)))
    return Verdict("doubtful", f"{sub.name} lies in {sub.country}: on the {sub.country} side of the {pair} "
                               f"border, not the {side} side", pair=pair)


def _twin_across(name: str | None, country: str, point: tuple[float, float], *, th_km: float) -> bool:
    """Whether ``country`` has a place called ``name`` within ``th_km`` of ``point`` (lat, lon)."""
    if not name:
        return False
    from ..gazetteer import Gazetteer

    lat, lon = point
    return any(geodesic_km(lat, lon, p.lat, p.lon) <= th_km
               for p in Gazetteer.default().lookup(name, country=country, limit=5))


def _forces_rule(kind, sub: Subject, others: tuple[str, ...], shares: bool, phrase, th: Thresholds) -> Verdict:
    """A country's forces near/on a border: its territory's distance to it (0 when it is one side of it).

    "the Azerbaijani army near the Armenian border": AZ borders AM, so its army can be there: supported.
    "Iranian troops near the Georgian border": Iran's territory is the gap between IR and GE away.
    A stated figure ("Russian troops 10 km from the border") needs where they are: unverifiable.
    """
    data = _data()
    other = others[0]
    pair = "-".join(sorted((sub.country, other)))
    if kind == "km_from" or phrase.negated:  # a figure, "far from", "not on": needs where they are
        return Verdict("unverifiable", f"{sub.name}: where the forces are is not said, only their country "
                                       f"({sub.country})", pair=pair if shares else None)
    if shares:
        km, where = 0.0, f"{sub.name}: forces of {sub.country}, one side of the {pair} border ({data.source_of(pair)})"
    else:
        km, _pt = shape_gap_km(data.country_geometry(sub.country), data.country_geometry(other))
        if not math.isfinite(km):
            return Verdict("unverifiable", f"no polygon for {sub.country} or {other}")
        where = f"{sub.name}: forces of {sub.country}, whose territory is {km:.1f} km from {other} at the nearest"
    verdict, reason = (_near_rule(km, where, th, phrase.negated) if kind == "near" else
                       (("supported", f"{where}; 'on' holds within {th.on_km:g} km") if km <= th.on_km else
                        ("doubtful", f"{where}; 'on' holds only within {th.on_km:g} km")))
    if verdict == "doubtful" and phrase.negated:  # "far from": the country's nearest point says nothing of them
        return Verdict("unverifiable", f"{where}: where in {sub.country} the forces are is not said", km)
    return Verdict(verdict, reason, km, pair=pair if shares else None)


def _unit_point(sub: Subject) -> bool:
    """An area measured from its point (no outline bundled); not an exercise placed at a unit's point."""
    return (sub.kind in ("admin1", "admin2", "region") and sub.fp is not None and sub.fp.shape == "point"
            and sub.fp.source not in (EXERCISE_POINT, STAND_IN_POINT))


def unit_radius_km(sub: Subject, th: Thresholds) -> float:
    """How far a unit measured from its point may reach: the distance to the nearest seat of another
    unit of its kind in its country (the units between them share the gap, and a unit reaches at most
    about that far), else :meth:`Thresholds.unit_radius`.

    Rajasthan's nearest neighbouring state seat is ~300 km away, a Belgian province's ~40 km: one
    fixed radius would call Rajasthan, which borders Pakistan, doubtful from its point 246 km away.
    """
    kind = "admin1" if sub.kind == "region" else sub.kind
    try:
        from ..gazetteer import Gazetteer

        near = Gazetteer.default().nearest(sub.fp.lat, sub.fp.lon, kind=kind, limit=8)
    except Exception:  # noqa: BLE001 - no gazetteer answer: the documented fallback
        near = []
    for p in near:
        if p.id != sub.place_id and p.country == sub.country:
            km = float(geodesic_km(sub.fp.lat, sub.fp.lon, p.lat, p.lon))
            if km > 0:
                return km
    return th.unit_radius(sub.kind)


def _verdicts_over(kind, lo: float, hi: float, where, target, sub, phrase, th) -> set[str]:
    """The verdicts a figure anywhere in ``[lo, hi]`` gets: at both ends and at the stated figure between
    them (every rule is an interval, so these are all the verdicts it can get)."""
    points = [lo, hi]
    if phrase.stated_km is not None and lo < phrase.stated_km < hi:
        points.append(phrase.stated_km)
    return {_distance_verdict(Verdict("unverifiable", where, x), kind, x, where, target, sub, phrase, th).verdict
            for x in points}


def _with_allowance(v: Verdict, kind, km, radius, where, target, sub, phrase, th, units: str = "") -> Verdict:
    """Decide a unit measured from its point only when its nearest edge cannot change the verdict.

    The edge lies between ``km - radius`` and ``km``: the verdict at both ends
    is the verdict; when they differ the figure cannot decide ("190 km from Taipei" from a point
    375 km away and an edge 93 km away: both miss the stated figure, on opposite sides, and the
    unit's true gap may be it).
    """
    lo = max(0.0, km - radius)
    others = _verdicts_over(kind, lo, km, where, target, sub, phrase, th) - {v.verdict}
    allowance = (f"measured from the {units or sub.kind}'s point (no outline bundled), its edge {lo:.0f}-{km:.0f} km "
                 f"away (allowing a {radius:.0f} km radius: its nearest neighbouring unit's seat)")
    if not others:
        v.reason += f"; {allowance}"
        return v
    return Verdict("unverifiable", f"{where}: {allowance}, which is {sorted(others)[0]} within that range and "
                                   f"{v.verdict} at its point: too close to call", km, target=target, pair=v.pair)


def _with_spread(v: Verdict, kind, km, r: float, where, target, sub, phrase, th) -> Verdict:
    """Decide a site measured from a place standing in for it only when the figure is decisive anywhere
    within its spread (``km`` ± ``r``: the subject's and the object's :attr:`Subject.spread_km`)."""
    lo, hi = max(0.0, km - r), km + r
    verdicts = _verdicts_over(kind, lo, hi, where, target, sub, phrase, th)
    span = f"the site may lie anywhere within {r:.0f} km of that point ({lo:.0f}-{hi:.0f} km)"
    if verdicts == {v.verdict}:
        v.reason += f"; {span}: {v.verdict} across it"
        return v
    return Verdict("unverifiable", f"{where}; {span}, which is {' or '.join(sorted(verdicts))} across it: "
                                   "too close to call", km, target=target, pair=v.pair)


def _distance_verdict(v: Verdict, kind, km, where, target, sub, phrase, th) -> Verdict:
    if kind == "near":
        v.verdict, v.reason = _near_rule(km, where, th, phrase.negated)
    elif kind == "on" and phrase.form == "noun" and _AREA_NOUN.match(phrase.text.split()[-1]):
        # "a border town", "the Tovuz border region": near the border by what it is, not on the line
        v.verdict, v.reason = _near_rule(km, where, th, False)
        v.reason += " (a border town or region is near the border, not on the line)"
    elif kind == "on" and not phrase.negated and _unit_point(sub):
        # "Kashmir, along the Line of Control": a unit is on a line it reaches, which its point cannot show
        v.verdict, v.reason = _near_rule(km, where, th, False)
        v.reason += " (a unit measured from its point: 'on' is judged as near, its edge may reach the line)"
    elif kind == "on" and phrase.negated:  # "the base is not on the border"
        if km > th.on_km:
            v.verdict, v.reason = "supported", f"{where}; 'not on' holds beyond {th.on_km:g} km"
        else:
            v.verdict, v.reason = "doubtful", f"{where}; within {th.on_km:g} km it is on it"
    elif kind == "on":
        if km <= th.on_km:
            v.verdict, v.reason = "supported", f"{where}; 'on' holds within {th.on_km:g} km"
        else:
            v.verdict, v.reason = "doubtful", f"{where}; 'on' holds only within {th.on_km:g} km"
    elif phrase.stated_km is not None:
        v.verdict, v.reason = _figure_rule(km, phrase.stated_km, phrase.bound, where, th)
        if phrase.direction and target is not None and v.verdict == "supported":
            b = _bearing_from(target[0], target[1], sub)
            v.bearing = b
            if not _in_sector(b, phrase.direction, th):
                v.verdict = "doubtful"
                v.reason += f"; but it lies at {b:.0f}° from it, not {phrase.direction} (±{th.sector_deg:g}°)"
    return v


def unit_of_city(sub: Subject) -> Subject | None:
    """The province a city names too ("Iğdır, which borders Armenia" is about Iğdır province), or None.

    Only a unit of the same name, country and admin-1 code whose outline is bundled.
    """
    if sub.kind not in ("city", "town", "village") or not sub.place_id or not sub.country:
        return None
    from ..gazetteer import Gazetteer

    gaz = Gazetteer.default()
    try:
        city = gaz.get(sub.place_id)
        units = gaz.lookup(city.name, country=city.country, kind="admin1", limit=1, fuzzy=False)
    except (KeyError, ValueError):
        return None
    if not units or units[0].admin1 != city.admin1:
        return None
    unit = subject_of(_PlaceHolder(units[0]))
    return unit if unit.fp is not None and unit.fp.shape == "outline" else None


def named_unit(sub: Subject) -> Subject | None:
    """The admin-1 unit a town's name stands for in "Belgorod region", "Kars province" (None if unsure).

    The town's own admin-1 unit, when its name starts like the town's (Belgorod -> Belgorodskaya oblast',
    Lviv -> Lvivska oblast): measured by its outline, or from its point with the unit allowance.
    """
    if sub.kind not in ("city", "town", "village") or not sub.place_id or not sub.name:
        return None
    from ..gazetteer import Gazetteer

    try:
        unit = town_unit(Gazetteer.default().get(sub.place_id))
    except (KeyError, ValueError):
        return None
    return subject_of(_PlaceHolder(unit)) if unit is not None else None


def town_unit(place) -> Any:
    """The admin-1 unit (a gazetteer place) named like a town, which the town's name may stand for, or None.

    Examples
    --------
    >>> from geodrills.gazetteer import Gazetteer
    >>> town_unit(Gazetteer.default().get("gn:743952")).id  # Kars city -> Kars province
    'adm1:TR.84'
    """
    from ..gazetteer import Gazetteer
    from ..normalize import fold

    if place.kind not in ("city", "town", "village") or not place.admin1:
        return None
    try:
        unit = Gazetteer.default().get(f"adm1:{place.admin1}")
    except (KeyError, ValueError):
        return None
    return unit if fold(unit.name)[:4] == fold(place.name)[:4] else None


@dataclass(frozen=True)
class _PlaceHolder:
    place: Any


def _judge_borders(kind, sub, obj, phrase, th, _ref) -> Verdict:
    if sub.fp is not None and sub.fp.shape == "water":
        return Verdict("unverifiable", f"{sub.name} is {sub.fp.source}: its coast is not in the bundled data")
    unit = unit_of_city(sub)
    if unit is not None:
        v = _judge_borders(kind, unit, obj, phrase, th, _ref)
        v.reason += f"; {sub.name} names a city and a province: measured as the province"
        return v
    target = _object_subject(obj) if obj.type == "place" else None
    other = (target.country if target is not None else None) if obj.type == "place" else (
        obj.countries[0] if obj.countries else None)
    if sub.is_country or (target is not None and target.is_country and sub.kind == "country"):
        share = _countries_share(sub.country, other)
        if share is None or sub.country == other:
            return Verdict("unverifiable", f"the neighbour's country is not known ({sub.country}, {other})")
        pair = "-".join(sorted((sub.country, other)))
        if share:
            return Verdict("supported", f"{sub.country} and {other} share a border ({pair}, "
                                        f"{_data().source_of(pair)})", 0.0)
        return Verdict("doubtful", f"{sub.country} and {other} share no land border in the bundled data")
    pair = None
    if target is not None and not target.is_country:
        km, pt = shape_gap_km(_geom_of(sub), _geom_of(target))
        where = f"{_label(sub)} is {km:.1f} km from {_label(target)}"
    else:
        km, pair, gap, note = border_gap_of(sub, (other,) if other else (), None)
        if not math.isfinite(km):
            return Verdict("unverifiable", note or "the neighbour is not resolved")
        where = f"{_label(sub)} is {km:.1f} km from the {pair} border ({_data().source_of(pair)})"
        if note:
            where += f" ({note})"
        pt = (gap["border_lat"], gap["border_lon"])
    if not math.isfinite(km):
        return Verdict("unverifiable", f"no geometry for {target.name if target else other}")
    radius = unit_radius_km(sub, th) if _unit_point(sub) else 0.0
    if radius and th.touch_km < km <= th.touch_km + radius:
        return Verdict("unverifiable", f"{where}: measured from the {sub.kind}'s point (no outline bundled), "
                                       f"whose edge may lie anywhere within {radius:.0f} km nearer: too close to call",
                       km, target=pt, pair=pair)
    limit = th.touch_km if sub.fp.shape == "outline" or radius else th.point_borders_km
    if km <= limit:
        return Verdict("supported", f"{where}; bordering holds within {limit:g} km", km, target=pt, pair=pair)
    return Verdict("doubtful", f"{where}; beyond {limit + radius:g} km it does not border it", km, target=pt,
                   pair=pair)


def _judge_between(sub: Subject, objs_places: list) -> Verdict:
    """Between A and B: the bearings from the subject to A and to B differ by more than 90°."""
    if len(objs_places) < 2 or sub.fp is None:
        return Verdict("unverifiable", "between what is not resolved")
    a, b = objs_places[:2]
    pa = (a.fp.lat, a.fp.lon) if a.fp is not None else _country_point(a.country)
    pb = (b.fp.lat, b.fp.lon) if b.fp is not None else _country_point(b.country)
    ba = float(bearing_deg(sub.fp.lat, sub.fp.lon, *pa))
    bb = float(bearing_deg(sub.fp.lat, sub.fp.lon, *pb))
    diff = abs((ba - bb + 180.0) % 360.0 - 180.0)
    where = f"from {sub.name}, {a.name} lies at {ba:.0f}° and {b.name} at {bb:.0f}° ({diff:.0f}° apart)"
    if diff > 90:
        return Verdict("supported", f"{where}: it lies between them (> 90° apart)", bearing=diff)
    return Verdict("doubtful", f"{where}: both on one side (<= 90° apart)", bearing=diff)


def _judge_direction(kind, sub, obj, phrase, th, ref) -> Verdict:
    d = phrase.direction
    if d == "between":
        return _judge_between(sub, [r for r in (ref if isinstance(ref, list) else [])])
    if phrase.form in ("inside", "adjective") or (obj is not None and obj.type == "place" and obj.mention is not None
                                                  and obj.mention.place.kind == "country"
                                                  and sub.country == obj.mention.place.country
                                                  and phrase.form not in ("of", "neighbour")):
        area = ref or (_object_subject(obj) if obj is not None else None)
        if area is None and obj is not None and obj.type == "country" and sub.country:
            area = Subject(sub.country, None, "country", sub.country, None)
        if area is None:
            return Verdict("unverifiable", "the area the direction is within is not named")
        geom = _geom_of(area)
        if geom is None:
            return Verdict("unverifiable", f"no outline for {area.name}")
        if sub.is_country:
            return Verdict("unverifiable", "the subject is a whole country")
        cx, cy = _box_middle(geom)
        checks = []
        if "north" in d:
            checks.append(sub.fp.lat >= cy)
        if "south" in d:
            checks.append(sub.fp.lat <= cy)
        east_of_middle = (sub.fp.lon - cx + 540.0) % 360.0 - 180.0  # signed, across the antimeridian too
        if "east" in d:
            checks.append(east_of_middle >= 0)
        if "west" in d:
            checks.append(east_of_middle <= 0)
        where = (f"{sub.name} ({sub.fp.lat:.2f}, {sub.fp.lon:.2f}) against the middle of {area.name}'s bounding "
                 f"box ({cy:.2f}, {cx:.2f})")
        if sub.spread_km and _margin_km(sub, cx, cy, d) < sub.spread_km:
            return Verdict("unverifiable", f"{where}: the site may lie within {sub.spread_km:.0f} km of that point, "
                                           f"which reaches across the middle line: too close to call")
        if all(checks):
            return Verdict("supported", f"{where}: in its {d} half")
        if phrase.form == "adjective" and not (ref is not None and ref.is_country and area is ref
                                               and obj is not None and obj.mention is not None):
            # "eastern Ladakh" may name the eastern part of Ladakh rather than Ladakh's place in India
            return Verdict("unverifiable", f"{where}: not in its {d} half, but the phrase may name the {d} "
                                           f"part of {sub.name}")
        return Verdict("doubtful", f"{where}: not in its {d} half")
    target = ref or _object_subject(obj, th)
    pair = None
    if obj is not None and obj.type == "border" and ref is None:
        km, pair, gap, _note = border_gap_of(sub, obj.countries, obj.pair)
        if pair is None or sub.fp is None:
            return Verdict("unverifiable", "the border is not resolved")
        b = _bearing_from(gap["border_lat"], gap["border_lon"], sub)
        where = f"{sub.name} lies at {b:.0f}° from the nearest point of the {pair} border ({km:.1f} km)"
    else:
        spt = _point_of(sub)
        if target is None or target.fp is None and not target.is_country or spt is None:
            return Verdict("unverifiable", "the reference place is not resolved")
        tlat, tlon = ((target.fp.lat, target.fp.lon) if target.fp is not None else
                      _country_point(target.country))
        if target.fp is not None and target.fp.shape in ("line", "outline") and not ref and sub.fp is not None:
            _km, pt = shape_gap_km(sub.fp.geometry, target.fp.geometry)  # from the nearest point of the line
            if pt is not None:
                tlat, tlon = pt
        elif target.fp is not None and target.fp.shape in ("point", "water") and target.kind in _LINEAR_KINDS:
            return Verdict("unverifiable", f"{target.name} is a {target.kind} with only a label point in the "
                                           "data: a direction from it means little")
        if not math.isfinite(tlat):
            return Verdict("unverifiable", f"{target.name} has no point")
        note = " (a country by a representative point of its bundled polygon)" if target.fp is None else ""
        if sub.fp is None and target.fp is None and sub.country and target.country:
            shared = _shared_border_direction(sub.country, target.country, d, th)
            if shared is not None:
                return shared
        b = float(bearing_deg(tlat, tlon, *spt))
        km = float(geodesic_km(tlat, tlon, *spt))
        where = f"{sub.name} lies at {b:.0f}° from {target.name} ({km:.1f} km){note}"
    ok = _in_sector(b, d, th)
    verdict = "supported" if ok else "doubtful"
    rule = f"{d} is {DIRECTIONS[d]:.0f}° ± {th.sector_deg:g}°"
    spread = sub.spread_km + (target.spread_km if target is not None and obj is not None and obj.type != "border"
                              else 0.0)
    if spread:
        return _direction_with_spread(b, km, d, where, rule, spread, th, pair)
    return Verdict(verdict, f"{where}; {rule}", km, b, pair=pair)


def _direction_with_spread(b: float, km: float, d: str, where: str, rule: str, spread: float, th: Thresholds,
                           pair: str | None) -> Verdict:
    """A bearing between sites within ``spread`` km of their stand-ins' points, ``km`` apart: it may be
    off by up to asin(spread / km); decided only when the sector holds (or fails) across that."""
    off = abs((b - DIRECTIONS[d] + 180.0) % 360.0 - 180.0)
    wobble = 180.0 if km <= spread else math.degrees(math.asin(spread / km))
    span = f"the site may lie within {spread:.0f} km of that point, so its bearing within ±{wobble:.0f}°"
    if off + wobble <= th.sector_deg:
        return Verdict("supported", f"{where}; {rule}; {span}: inside the sector", km, b, pair=pair)
    if off - wobble > th.sector_deg:
        return Verdict("doubtful", f"{where}; {rule}; {span}: outside the sector", km, b, pair=pair)
    return Verdict("unverifiable", f"{where}; {rule}; {span}: too close to call", km, b, pair=pair)


def _margin_km(sub: Subject, cx: float, cy: float, d: str) -> float:
    """How far (km) a subject's point lies from the middle lines of a box that the direction ``d`` tests."""
    lat_km = abs(sub.fp.lat - cy) * 111.2
    lon_km = abs((sub.fp.lon - cx + 540.0) % 360.0 - 180.0) * 111.2 * math.cos(math.radians(sub.fp.lat))
    margins = ([lat_km] if ("north" in d or "south" in d) else []) + ([lon_km] if ("east" in d or "west" in d)
                                                                         else [])
    return min(margins, default=math.inf)


def _shared_border_direction(cc: str, ref: str, d: str, th: Thresholds) -> Verdict | None:
    """ "Russia to the north" of Georgia, "its eastern neighbour Iran": where their shared border lies.

    Seen from the middle of the reference country, the shared border covers an arc of bearings; the
    claim holds when some of it lies within ``sector_deg`` of the stated direction (a country's own
    middle says little: Russia's is in Siberia).  None when the two share no border in the data.
    """
    import numpy as np

    pair = "-".join(sorted((cc, ref)))
    pts = _data().points(pair)
    geom = _data().country_geometry(ref)
    if not len(pts) or geom is None:
        return None
    mid = geom.centroid
    n = len(pts)
    bearings = np.sort(np.asarray(bearing_deg(np.full(n, mid.y), np.full(n, mid.x), pts[:, 0], pts[:, 1]),
                                  dtype=float) % 360.0)
    gaps = np.diff(np.concatenate([bearings, bearings[:1] + 360.0]))
    i = int(np.argmax(gaps))  # the arc is everything but the widest gap between neighbouring bearings
    start, width = float(bearings[(i + 1) % len(bearings)]), 360.0 - float(gaps[i])
    off = (DIRECTIONS[d] - start) % 360.0
    miss = 0.0 if off <= width else min(off - width, 360.0 - off)
    where = (f"seen from the middle of {ref}, the {pair} border ({_data().source_of(pair)}) spans bearings "
             f"{start:.0f}°-{(start + width) % 360:.0f}°")
    if miss <= th.sector_deg:
        return Verdict("supported", f"{where}; {d} ({DIRECTIONS[d]:.0f}°) is within {th.sector_deg:g}° of it",
                       bearing=(start + width / 2) % 360, pair=pair)
    return Verdict("doubtful", f"{where}; {d} ({DIRECTIONS[d]:.0f}°) is {miss:.0f}° from it (> {th.sector_deg:g}°)",
                   bearing=(start + width / 2) % 360, pair=pair)


#: parts of an area smaller than this share of its area do not stretch the box its halves are taken in
_SMALL_PART = 0.02


def _box_middle(geom) -> tuple[float, float]:
    """(lon, lat) of the middle of an area's bounding box, for "in the north of X".

    Small far-flung parts (Akrotiri for the United Kingdom, the Aleutians for the United States) are
    left out, and a box that would span more than half the globe is taken across the antimeridian
    (Russia's middle is in Siberia, not at longitude 0).
    """
    parts = list(getattr(geom, "geoms", [geom]))
    total = sum(p.area for p in parts) or 1.0
    big = [p for p in parts if p.area >= _SMALL_PART * total] or parts
    minx = min(p.bounds[0] for p in big)
    maxx = max(p.bounds[2] for p in big)
    miny = min(p.bounds[1] for p in big)
    maxy = max(p.bounds[3] for p in big)
    cx = (minx + maxx) / 2
    if maxx - minx > 180:  # across the antimeridian: measure longitudes east from 0 to 360
        xs = [x % 360.0 for p in big for x in (p.bounds[0], p.bounds[2])]
        cx = ((min(xs) + max(xs)) / 2 + 180.0) % 360.0 - 180.0
    return cx, (miny + maxy) / 2


def _point_of(sub: Subject) -> tuple[float, float] | None:
    """A subject's point: its footprint's, or a whole country's representative point (not its forces')."""
    if sub.fp is not None:
        return sub.fp.lat, sub.fp.lon
    if sub.kind == "country" and sub.country:
        pt = _country_point(sub.country)
        return pt if math.isfinite(pt[0]) else None
    return None


def _country_point(cc: str | None) -> tuple[float, float]:
    geom = _data().country_geometry(cc) if cc else None
    if geom is None:
        return math.nan, math.nan
    p = geom.representative_point()
    return p.y, p.x


def _judge_within(kind, sub, obj, phrase, th, ref) -> Verdict:
    area = ref
    if area is None or sub.fp is None:
        return Verdict("unverifiable", "the containing area is not resolved")
    if area.is_country:
        geom = _data().country_geometry(area.country)
    else:
        geom = area.fp.geometry if area.fp is not None and area.fp.shape == "outline" else None
    if geom is not None:
        km, _pt = shape_gap_km(sub.fp.geometry, geom)
        src = "the bundled country polygon" if area.is_country else area.fp.source
        share = _share_inside(sub.fp, geom) if km <= th.touch_km else None
        if share is not None and share < th.within_share:  # "Abkhazia lies in Russia": they only touch
            return Verdict("doubtful", f"only {share:.0%} of {sub.name} lies in {area.name} ({src})", km)
        if sub.spread_km:
            return _within_with_spread(sub, area, geom, km, src, th)
        if km <= th.touch_km:
            return Verdict("supported", f"{sub.name} lies in {area.name} ({src})", km)
        return Verdict("doubtful", f"{sub.name} is {km:.1f} km outside {area.name} ({src})", km)
    if area.country and sub.country and area.country != sub.country:
        return Verdict("doubtful", f"{sub.name} is in {sub.country}, {area.name} in {area.country}")
    code = _admin1_code(area) if area.kind == "admin1" else None
    if code is not None and code == _admin1_code(sub) and sub.spread_km:
        return Verdict("unverifiable", f"{sub.name} lies in {area.name} (its gazetteer admin-1 code {code}), but "
                                       f"with no outline bundled the site, up to {sub.spread_km:.0f} km from it, "
                                       "may lie outside")
    if code is not None and code == _admin1_code(sub):  # "Kashmir's Poonch district": the gazetteer's unit code
        return Verdict("supported", f"{sub.name} lies in {area.name} (its gazetteer admin-1 code {code}; no "
                                    "outline bundled)")
    return Verdict("unverifiable", f"no outline for {area.name} to test {sub.name} against")


def _within_with_spread(sub: Subject, area: Subject, geom, km: float, src: str, th: Thresholds) -> Verdict:
    """A site within ``spread_km`` of its stand-in's point is in the area when that whole disc is."""
    r = sub.spread_km
    if km <= th.touch_km and area.is_country:  # only a land border can put the site in another country
        edge, _pair, _gap, _note = border_gap_of(sub, (area.country,), None)
        edge = edge if math.isfinite(edge) else math.inf
        if edge >= r:
            return Verdict("supported", f"{sub.name} lies in {area.name} ({src}), farther from its land borders "
                                        f"than the {r:.0f} km the site may lie from it", km)
        return Verdict("unverifiable", f"{sub.name} lies in {area.name} ({src}) but only {edge:.0f} km from its "
                                       f"land border, and the site may lie {r:.0f} km from it: too close to call", km)
    if km <= th.touch_km:
        edge, _pt = shape_gap_km(sub.fp.geometry, geom.boundary)
        if edge >= r:
            return Verdict("supported", f"{sub.name} lies in {area.name} ({src}), {edge:.0f} km inside its edge, "
                                        f"more than the {r:.0f} km the site may lie from it", km)
        return Verdict("unverifiable", f"{sub.name} lies in {area.name} ({src}) but only {edge:.0f} km inside its "
                                       f"edge, and the site may lie {r:.0f} km from it: too close to call", km)
    if km > r:
        return Verdict("doubtful", f"{sub.name} is {km:.1f} km outside {area.name} ({src}), farther than the "
                                   f"{r:.0f} km the site may lie from it", km)
    return Verdict("unverifiable", f"{sub.name} is {km:.1f} km outside {area.name} ({src}), and the site may lie "
                                   f"{r:.0f} km from it: too close to call", km)


def _share_inside(fp, geom) -> float | None:
    """The share of an outline's surface inside ``geom`` (None for a point or a line).

    Computed in lon/lat degrees: a ratio of two areas of the same small region, so the
    latitude's scale factor cancels.
    """
    import shapely

    if fp.shape != "outline" or fp.geometry is None or fp.geometry.area <= 0:
        return None
    return float(shapely.intersection(fp.geometry, geom).area / fp.geometry.area)


def _admin1_code(sub: Subject) -> str | None:
    """The GeoNames admin-1 code of a subject's gazetteer place (None when it has none)."""
    if not sub.place_id:
        return None
    from ..gazetteer import Gazetteer

    try:
        return Gazetteer.default().get(sub.place_id).admin1
    except (KeyError, ValueError):
        return None


#: a length of part of a border ("a 7-km section of the border"): it can only be too long, never too short
_PART = re.compile(r"\b(?:sections?|stretch(?:es)?|segments?|strips?|parts?|portions?)\b", re.IGNORECASE)


def _judge_length(kind, sub, obj, phrase, th, _ref) -> Verdict:
    if phrase.form in ("longest", "shortest"):
        return Verdict("unverifiable", f"a superlative ('{phrase.form}') is not measured")
    if phrase.form == "wide":
        return Verdict("unverifiable", "a width is not measured (no corridor outline in the data)")
    pair = None
    if obj is not None and obj.type == "border":
        if obj.pair:
            pair = obj.pair
        elif len(obj.countries) == 2:
            pair = "-".join(sorted(obj.countries))
        elif len(obj.countries) == 1 and sub is not None and _home(sub) and _home(sub) != obj.countries[0]:
            pair = "-".join(sorted((_home(sub), obj.countries[0])))
    if pair is None or phrase.stated_km is None:
        return Verdict("unverifiable", "not the length of a border the data has (a road, a stretch, a section)")
    data = _data()
    if pair not in data.borders:
        return Verdict("doubtful", f"{pair.replace('-', ' and ')} share no land border in the bundled data")
    length = data.length_km(pair)
    where = f"the {pair} border is {length:.0f} km long ({data.source_of(pair)})"
    if _PART.search(phrase.text):  # "a seven-kilometre section of its border": a part, at most the whole
        verdict, reason = _figure_rule(length, phrase.stated_km, "lower", where, th, what="a part of it, stated")
        reason = reason.replace("stated over", "stated at")
        if verdict == "supported":
            reason += ": a part no longer than the whole"
        return Verdict(verdict, reason, length)
    verdict, reason = _figure_rule(length, phrase.stated_km, phrase.bound, where, th)
    if verdict == "doubtful" and phrase.bound != "lower" and \
            phrase.stated_km * (1 - th.length_short) <= length < phrase.stated_km:
        # a generalised line is shorter than the border it draws (Natural Earth FI-RU: 1,225 of 1,340 km)
        verdict = "unverifiable"
        reason += (f"; within {th.length_short:.0%} short, which the data's generalisation alone can explain")
    return Verdict(verdict, reason, length)


def _judge_across(kind, sub, obj, phrase, th, _ref) -> Verdict:
    target = _object_subject(obj) if obj.type == "place" else None
    if obj.type == "border":
        cs = list(obj.countries)
        home = _home(sub) if sub is not None else None
        if len(cs) == 1 and home and home != cs[0]:
            cs = [home, cs[0]]
        if len(cs) < 2:
            return Verdict("unverifiable", "which border is crossed is not said")
        pair = "-".join(sorted(cs[:2]))
        if pair in _data().borders:
            return Verdict("supported", f"{cs[0]} and {cs[1]} share a border ({pair}, {_data().source_of(pair)})")
        return Verdict("doubtful", f"{cs[0]} and {cs[1]} share no land border in the bundled data")
    if target is None:
        return Verdict("unverifiable", "what is crossed is not resolved")
    if target.is_country:
        home = _home(sub)
        if home is None or home == target.country:
            return Verdict("supported" if home == target.country else "unverifiable",
                           f"{sub.name} is in {target.country}" if home else "the route's start is not known")
        share = _countries_share(home, target.country)
        pair = "-".join(sorted((home, target.country)))
        if share:
            return Verdict("supported", f"{home} and {target.country} share a border ({pair})")
        return Verdict("unverifiable", f"{home} and {target.country} share no border: the route crosses others")
    if target.fp is None or target.fp.shape not in ("line", "outline"):
        return Verdict("unverifiable", f"no line or outline for {target.name} in the bundled data")
    if sub.is_country:
        return Verdict("unverifiable", "where the crossing is is not said")
    km, pt = shape_gap_km(_geom_of(sub), _geom_of(target))
    where = f"{_label(sub)} is {km:.1f} km from {_label(target)}"
    v, reason = _near_rule(km, where, th, False)
    return Verdict(v, reason.replace("'near' holds", "a crossing there holds"), km, target=pt)
