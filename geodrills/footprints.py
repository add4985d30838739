"""The geometry of a place, and its gap to a border: one code path for distances, claims and maps.

A gazetteer :class:`~geodrills.gazetteer.Place` is a point.  Measured from that
point, a province that touches a border is "105 km" from it and a border river
"51 km" (its mouth).  :func:`footprint` gives each place the shape it has in
the bundled data, and :func:`border_gap` measures that shape:

==========  ==================================================  ===========================
shape       places                                              measured as
==========  ==================================================  ===========================
outline     admin-1 units of AM, AZ, GE, IR, TR (Natural Earth  0 when the border crosses or
            admin-1); the Nakhchivan Autonomous Republic is      touches it, else the nearest
            the union of its districts (:data:`COMPOSITE_UNITS`) vertex of the outline
line        rivers with a line in ``supplement_geometry``        the nearest vertex of the line
water       seas, lakes, oceans                                  no land-border distance
point       everything else (towns, villages, units without      the point
            an outline)
==========  ==================================================  ===========================

A gap below :data:`TOUCH_KM` counts as 0: the outlines come from a different
source than the OSM borders (about 1 km apart where both follow the same
river), so a smaller gap is inside the data's own error.

Examples
--------
>>> from geodrills.gazetteer import Gazetteer
>>> fp = footprint(Gazetteer.default().get("adm1:AZ.35"))   # Nakhchivan Autonomous Republic
>>> fp.shape, [border_gap(fp, b)["km"] for b in ("AZ-TR", "AM-AZ", "AZ-IR")]
('outline', [0.0, 0.0, 0.0])
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["TOUCH_KM", "COMPOSITE_UNITS", "WATER_KINDS", "AREA_KINDS", "Footprint", "footprint", "point_footprint", "border_gap",
           "border_gaps", "measure_vertices"]

#: Gaps (km) below this are reported as 0: the outline/line and the border come from different
#: sources that disagree by about this much where they follow the same feature.
TOUCH_KM = 1.0
#: Vertex spacing (degrees) at which outlines and lines are measured (~0.5 km).
DENSIFY_DEG = 0.005
#: Kinds that have no land-border distance: water, and areas too large for one (a continent).
WATER_KINDS = frozenset({"sea", "lake", "ocean", "continent"})
#: Kinds of area that, without an outline, are measured from a label point: the figure says so.
AREA_KINDS = frozenset({"region", "range", "corridor", "admin1", "admin2", "country"})
#: Admin-1 units that the outline source splits into parts: GeoNames admin1 code -> (country, names of
#: the parts in the source).  Natural Earth draws the Nakhchivan Autonomous Republic as its districts
#: (one of them, "Naxçıvan", is the city's), so the Republic is their union: the whole exclave.
COMPOSITE_UNITS: dict[str, tuple[str, tuple[str, ...]]] = {
    "AZ.35": ("AZ", ("Naxçıvan", "Babək", "Culfa", "Kangarli", "Ordubad", "Sədərək", "Şahbuz", "Şərur")),
}


@dataclass(frozen=True)
class Footprint:
    """A place's shape for measuring.

    Attributes
    ----------
    name : str
    shape : str
        ``point``, ``outline``, ``line`` or ``water`` (see the module docstring).
    geometry : shapely geometry
        Longitude/latitude (EPSG:4326).
    lat, lon : float
        The representative point (the gazetteer's point for a place).
    source : str
        What the geometry is, for a reason sentence ("its Natural Earth admin-1 outline").
    """

    name: str
    shape: str
    geometry: Any
    lat: float
    lon: float
    source: str


def point_footprint(name: str, lat: float, lon: float, source: str = "its point") -> Footprint:
    """A point footprint (what a place without an outline or line is measured from)."""
    import shapely

    return Footprint(name, "point", shapely.Point(lon, lat), lat, lon, source)


def footprint(place) -> Footprint:
    """The shape a gazetteer place is measured by (see the module docstring).

    Examples
    --------
    >>> from geodrills.gazetteer import Gazetteer
    >>> gaz = Gazetteer.default()
    >>> footprint(gaz.get("gn:743952")).shape, footprint(gaz.get("adm1:TR.84")).shape  # Kars city, province
    ('point', 'outline')
    """
    name = place.name
    if place.kind in WATER_KINDS:
        return Footprint(name, "water", None, place.lat, place.lon, f"a {place.kind}")
    if place.kind == "admin1":
        geom = _admin1_outline(place)
        if geom is not None:
            return Footprint(name, "outline", geom, place.lat, place.lon, "its Natural Earth admin-1 outline")
    if place.kind == "river":
        geom = _supplement_line(place)
        if geom is not None:
            return Footprint(name, "line", geom, place.lat, place.lon, "its line (OSM border stretches)")
    if not (isinstance(place.lat, float) and math.isfinite(place.lat)):
        return Footprint(name, "point", None, math.nan, math.nan, "no coordinates")
    return point_footprint(name, place.lat, place.lon, f"its {place.kind} point")


def _admin1_outline(place):
    import shapely

    from .borders import Admin1Areas

    areas = Admin1Areas.default()
    if place.admin1 in COMPOSITE_UNITS:
        cc, names = COMPOSITE_UNITS[place.admin1]
        parts = [areas.geometry(country=cc, name=n) for n in names]
        parts = [p for p in parts if p is not None]
        if parts:
            return shapely.union_all(parts)
    # by name first: the source's code matching is by name and can put two units on one code
    return areas.geometry(country=place.country, name=place.name) or areas.geometry(place.admin1)


def _supplement_line(place):
    from .gazetteer import Gazetteer

    try:
        geom = Gazetteer.default().geometry(place)
    except (KeyError, ValueError, OSError):
        return None
    return geom if geom is not None and not geom.is_empty else None


def measure_vertices(geom) -> np.ndarray:
    """Lon/lat vertices to measure: an outline's boundary, a line itself, densified."""
    import shapely

    edge = shapely.boundary(geom) if geom.geom_type in ("Polygon", "MultiPolygon") else geom
    return shapely.get_coordinates(shapely.segmentize(edge, DENSIFY_DEG))


def border_gap(fp: Footprint, border: str, *, data=None) -> dict[str, float]:
    """Geodesic gap (km) between a footprint and one border pair, and the border point it is measured to.

    Returns a dict ``km, border_lat, border_lon, bearing`` (bearing from the
    footprint's representative point to the border point).  ``km`` is 0 when an
    outline is crossed by the border or the gap is below :data:`TOUCH_KM`; NaN
    for water and for a footprint without geometry.
    """
    return border_gaps(fp, [border], data=data)[border]


def border_gaps(fp: Footprint, borders, *, data=None) -> dict[str, dict[str, float]]:
    """:func:`border_gap` for several border pairs at once (the vertices are measured once per pair)."""
    import shapely

    from .borders import BorderData
    from .geodesy import bearing_deg

    data = data or BorderData.default()
    nan = {"km": math.nan, "border_lat": math.nan, "border_lon": math.nan, "bearing": math.nan}
    out: dict[str, dict[str, float]] = {}
    if fp.geometry is None or fp.shape == "water":
        return {b: dict(nan) for b in borders}
    if fp.shape == "point":
        xy = np.array([[fp.lon, fp.lat]])
    else:
        xy = measure_vertices(fp.geometry)
    for b in borders:
        if b not in data.borders:
            out[b] = dict(nan)
            continue
        res = data.nearest(xy[:, 1], xy[:, 0], b)
        k = int(np.nanargmin(res["km"]))
        km = float(res["km"][k])
        blat, blon = float(res["border_lat"][k]), float(res["border_lon"][k])
        if fp.shape == "outline" and km > 0:
            idx = data.index(b)
            inside = shapely.contains_xy(fp.geometry, idx.lon, idx.lat)
            if inside.any():
                km = 0.0
        if km < TOUCH_KM:
            km = 0.0
        bearing = float(bearing_deg(fp.lat, fp.lon, blat, blon)) if math.isfinite(fp.lat) else math.nan
        out[b] = {"km": km, "border_lat": blat, "border_lon": blon, "bearing": bearing}
    return out
