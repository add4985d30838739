"""Maps: offline pages reach no network, hostile text stays text, renders are byte-identical."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")
pytest.importorskip("folium")

from geodrills import _offline, maps  # noqa: E402
from geodrills.errors import InputError  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

#: strings that would run script or break the page if inserted as HTML/JS
PAYLOADS = (
    "<script>window.__pwned=1</script>",
    "<a href=\"https://evil.example/\">link</a> <iframe src=//evil.example>",
    "<img src=x onerror=\"window.__pwned=2\">",
    "</script><script>window.__pwned=3</script>",
    "${document.title='pwned'}",
    "`backtick` \\ back\\slash \"double\" 'single'",
    "\u2028line\u2029separators <!-- --> &amp;",
    "مرحبا بالعالم ‮RTL override‬ 🚀🇦🇿",
)
HOSTILE = " ".join(PAYLOADS)


def _row(article, title, date, name, kind, country, lat, lon, precision, sentence, place_id, start=0):
    return dict(article=article, title=title, date=date, start=start, end=start + len(name), text=name, name=name,
                kind=kind, country=country, admin1=None, lat=lat, lon=lon, geonameid=None, place_id=place_id,
                score=1.0, precision=precision, sentence=sentence)


def hostile_frame() -> pd.DataFrame:
    """Four places in two articles whose every string is hostile."""
    return pd.DataFrame([
        _row("a.txt", "Drills " + HOSTILE, "2021-02-01", "Kars", "city", "TR", 40.60199, 43.09495,
             "settlement", "Troops met in Kars. " + HOSTILE, "gn:743952", 10),
        _row("a.txt", "Drills " + HOSTILE, "2021-02-01", "Kars", "city", "TR", 40.60199, 43.09495,
             "settlement", "Kars again, " + HOSTILE, "gn:743952", 90),
        _row("a.txt", "Drills " + HOSTILE, "2021-02-01", "Astara" + PAYLOADS[1], "town", "AZ", 38.4561, 48.8752,
             "settlement", "Near Astara" + PAYLOADS[1] + " on the border.", "x:astara"),
        _row("b.txt", PAYLOADS[2], None, "Baku", "city", "AZ", 40.37767, 49.89201,
             "settlement", "Baku said " + PAYLOADS[3], "gn:587084"),
        _row("b.txt", PAYLOADS[2], None, "Armenia", "country", "AM", 40.25, 45.0,
             "country", "Armenia " + PAYLOADS[0], "gn:174982"),
    ])


@pytest.fixture(scope="module")
def offline_page() -> str:
    return maps.map_html(maps.drills_map(hostile_frame(), offline=True, rings_km=(10, 25), title=HOSTILE))


def _data(page: str) -> dict:
    found = re.findall(r'<script type="application/json" id="gd-data-[0-9a-f]+">(.*?)</script>', page, flags=re.S)
    assert len(found) == 1
    return json.loads(found[0])


def test_offline_page_has_no_external_url(offline_page):
    assert _offline.external_urls(offline_page) == []
    low = offline_page.lower()
    assert "<link" not in low and "<iframe" not in low and "@import" not in low
    # not even URL-looking text: Leaflet's credit link and the SVG namespace
    # are inlined as "https:\/\/..." (the same JS string), CSS notes dropped
    assert not re.search(r"[a-z]+://", offline_page)
    assert "tile.openstreetmap" not in low and "{z}" not in offline_page
    # only Leaflet and our own code, not folium's jQuery/Bootstrap/Font Awesome
    assert "jquery" not in low and "bootstrap" not in low and "font-awesome" not in low
    assert "Leaflet 1.9.4" in offline_page


def test_offline_page_draws_basemap_and_borders(offline_page):
    data = _data(offline_page)
    if data["basemap"] is None:
        pytest.skip("geodrills/data/borders_display.geojson is not bundled in this checkout")
    isos = {f["properties"]["iso"] for f in data["basemap"]["countries"]["features"]}
    assert {"AM", "AZ", "TR", "GE", "IR"} <= isos
    pairs = {b["pair"] for b in data["borders"]}
    assert {"AM-TR", "AZ-IR", "AM-AZ"} <= pairs
    assert all(b["label"] for b in data["borders"])


def test_two_renders_are_byte_identical(tmp_path):
    frame = hostile_frame()
    a = maps.save_map(maps.drills_map(frame, offline=True, rings_km=(25,)), tmp_path / "a.html")
    b = maps.save_map(maps.drills_map(frame.iloc[::-1].reset_index(drop=True), offline=True, rings_km=(25,)),
                      tmp_path / "b.html")
    assert a.read_bytes() == b.read_bytes()
    online1 = maps.map_html(maps.drills_map(frame))
    online2 = maps.map_html(maps.drills_map(frame))
    assert online1 == online2
    assert not re.search(r"[0-9a-f]{32}", online1), "a random folium id is left in the page"


def test_hostile_text_goes_in_as_data_only(offline_page):
    data = _data(offline_page)  # parses: the JSON block survived every payload
    # each payload is intact as data...
    assert data["title"] == HOSTILE
    assert any(HOSTILE in a["title"] for a in data["articles"] if a["title"])
    names = {p["name"] for p in data["places"]}
    assert "Astara" + PAYLOADS[1] in names
    # ...and nowhere in the page as markup: no stray tags, no early end of a script
    scripts = "".join(re.findall(r"<script[^>]*>(.*?)</script>", offline_page, flags=re.S))
    for needle in ("<script>window.__pwned", "<img src=x", "</script><script>", "<!-- -->"):
        assert needle not in offline_page
    assert "\u2028" not in scripts and "\u2029" not in scripts  # line terminators in JS before ES2019
    assert offline_page.count("<script") == offline_page.count("</script>")
    title = re.findall(r"<title>(.*?)</title>", offline_page, flags=re.S)
    assert len(title) == 1 and html.unescape(title[0]) == HOSTILE and "<" not in title[0]


def test_renderer_uses_no_html_sinks():
    js = (ROOT / "geodrills" / "data" / "map_drills.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", js, flags=re.S)  # comments may name what is avoided
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                 "setTimeout(\"", "`"):
        assert sink not in code, sink
    # Leaflet's layer control writes labels as HTML: every label we give it is escaped first
    assert "control.addOverlay(o[1], gdEscape(o[0]))" in code


def test_places_popups_and_layers(offline_page):
    data = _data(offline_page)
    by_name = {p["name"]: p for p in data["places"]}
    kars = by_name["Kars"]
    assert kars["n_mentions"] == 2 and kars["articles"] == [0]
    assert [m["hit"] for m in kars["mentions"]] == ["Kars", "Kars"]
    assert kars["mentions"][0]["pre"] == "Troops met in "
    assert [a["name"] for a in data["articles"]] == ["a.txt", "b.txt"]
    assert data["articles"][0]["date"] == "2021-02-01"
    assert "border" not in by_name["Armenia"], "a country's centre is not measured to a border"
    if "border" in kars:  # the borders module is bundled
        assert kars["border"] == "AM-TR" and 35 < kars["km"] < 45
        assert by_name["Astara" + PAYLOADS[1]]["border"] == "AZ-IR"
        assert data["distance_lines"] is True


def test_range_rings_are_geodesic():
    pyproj = pytest.importorskip("pyproj")
    m = maps.drills_map(hostile_frame(), rings_km=(10, 50), rings_around=["Kars"])
    rings = m.geodrills_data["rings"]
    assert [(r["place"], r["km"]) for r in rings] == [("Kars", 10.0), ("Kars", 50.0)]
    geod = pyproj.Geod(ellps="WGS84")
    for r in rings:
        for lat, lon in r["ring"][::10]:
            _, _, metres = geod.inv(43.09495, 40.60199, lon, lat)
            assert abs(metres / 1000 - r["km"]) < 0.02


def test_online_map_inlines_leaflet_and_offers_web_tiles_as_data():
    page = maps.map_html(maps.drills_map(hostile_frame()))
    assert _offline.external_urls(page) == []  # Leaflet is inlined: the page draws with no network
    tiles = _data(page)["tiles"]
    assert tiles["url"].startswith("https://") and "tile.openstreetmap.org" in tiles["url"]
    assert "OpenStreetMap" in tiles["attribution"]
    assert "Leaflet 1.9.4" in page


def test_online_map_saved_offline_is_redrawn(tmp_path):
    m = maps.drills_map(hostile_frame())
    out = maps.save_map(m, tmp_path / "m.html", offline=True)
    page = out.read_text(encoding="utf-8")
    assert _offline.external_urls(page) == []
    assert "tile.openstreetmap" not in page


def test_plain_folium_map_offline_is_refused_with_the_urls_it_needs():
    import folium

    # folium's own page links jQuery, Bootstrap, Font Awesome and tiles:
    # refused with the URLs named, rather than written half-broken
    with pytest.raises(InputError, match=r"still needs .*https://"):
        maps.map_html(folium.Map(tiles="OpenStreetMap"), offline=True)


def test_events_layer():
    events = [
        {"name": "Winter 2021", "start_date": "2021-02-01", "end_date": "2021-02-12", "places": ["Kars"],
         "participants": ["TR", "AZ"], "article": "a.txt"},
        {"name": "Winter 2021", "start_date": "2021-02-01", "end_date": None, "places": ["Kars"],
         "participants": ["TR"], "article": "b.txt"},
        {"name": "Unplaced", "start_date": None, "end_date": None, "places": ["Nowhere"]},
    ]
    data = maps.drills_map(hostile_frame(), events=events).geodrills_data
    assert [e["name"] for e in data["events"]] == ["Winter 2021"]
    ev = data["events"][0]
    assert (ev["start"], ev["end"], ev["participants"]) == ("2021-02-01", "2021-02-12", "AZ, TR")
    assert ev["points"] == [{"name": "Kars", "lat": 40.60199, "lon": 43.09495}]
    # the slider spans the articles' dates and the exercises'
    assert data["days"][0] == "2021-02-01" and data["days"][-1] == "2021-02-12"


def test_undated_exercises_are_kept_and_garbled_years_stay_off_the_slider():
    events = [{"name": "Someday", "start_date": None, "end_date": None, "places": ["Kars"]},
              {"name": "Garbled", "start_date": "0001-01-03", "end_date": "9999-12-30", "places": ["Baku"]}]
    data = maps.drills_map(hostile_frame(), events=events).geodrills_data
    assert {e["name"]: e["start"] for e in data["events"]} == {"Someday": None, "Garbled": "0001-01-03"}
    assert data["days"] == ["2021-02-01"]


def test_country_colours_are_distinct_on_one_map():
    rows = [_row("a.txt", "t", None, f"P{i}", "city", cc, 40.0 + i / 10, 44.0, "settlement", "s", f"x:{i}")
            for i, cc in enumerate(["IR", "UA", "AZ", "TR", "AM", "GE", "RU", "US", "FR", "DE", "CN", "IN"])]
    colours = maps.drills_map(pd.DataFrame(rows)).geodrills_data["countries"]
    used = {c: v["color"] for c, v in colours.items() if v["used"]}
    assert len(set(used.values())) == len(used) == 10  # nine countries and "other countries"
    assert colours["*"]["name"] == "other countries" and used["IR"] == "#009E73"
    two = maps.drills_map(pd.DataFrame(rows[:2])).geodrills_data["countries"]  # Iran and Ukraine
    assert two["IR"]["color"] != two["UA"]["color"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: maps.drills_map(pd.DataFrame({"name": ["x"]})), "lacks the column"),
        (lambda: maps.drills_map(hostile_frame().iloc[:0]), "no resolved place"),
        (lambda: maps.drills_map(hostile_frame(), rings_km=(-5,)), "between 0 and 5000"),
        (lambda: maps.drills_map(hostile_frame(), rings_km=("far",)), "not a number"),
        (lambda: maps.drills_map(hostile_frame(), rings_km=(5,), rings_around=["Atlantis"]), "Atlantis"),
        (lambda: maps.drills_map(hostile_frame(), offline="yes"), "offline must be True or False"),
        (lambda: maps.drills_map(hostile_frame(), title=5), "title must be a string"),
        (lambda: maps.drills_map(42), "cannot map a int"),
        (lambda: maps.drills_map(hostile_frame().assign(lat=95.0)), r"outside ±90"),
        (lambda: maps.save_map("not a map", "x.html"), "expected a folium.Map"),
    ],
)
def test_bad_input_raises_clear_errors(call, message):
    with pytest.raises(InputError, match=message):
        call()


def test_save_map_checks_path(tmp_path):
    m = maps.drills_map(hostile_frame())
    with pytest.raises(InputError, match="does not exist"):
        maps.save_map(m, tmp_path / "missing" / "m.html")
    with pytest.raises(InputError, match="is a directory"):
        maps.save_map(m, tmp_path)


def test_leaflet_assets_are_inlinable():
    css = _offline.leaflet_css()
    assert "url(data:image/png;base64," in css and "images/" not in css
    assert "</script" not in _offline.leaflet_js().lower()
    assert _offline.script_json({"a": "</script>\u2028"}) == '{"a":"\\u003c/script\\u003e\\u2028"}'
    assert json.loads(_offline.script_json({"a": "see https://x.org/"})) == {"a": "see https://x.org/"}


def test_notebook_display_of_offline_map_is_self_contained():
    html = maps.drills_map(hostile_frame(), offline=True)._repr_html_()
    assert html.startswith("<iframe") and "srcdoc=" in html and "height:560px" in html
    assert "https://cdn" not in html


def test_import_geodrills_maps_stays_light():
    import subprocess
    import sys

    code = "import sys, geodrills.maps; print(any(m in sys.modules for m in ('folium', 'geopandas')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


def test_explore_works_on_our_frames():
    """``GeoDataFrame.explore()`` needs mapclassify (in the notebooks extra)."""
    pytest.importorskip("mapclassify")
    gpd = pytest.importorskip("geopandas")
    frame = gpd.GeoDataFrame(hostile_frame(), geometry=gpd.points_from_xy(hostile_frame()["lon"], hostile_frame()["lat"]),
                             crs="EPSG:4326")
    assert "leaflet" in frame.explore(column="country")._repr_html_().lower()
    assert "leaflet" in frame.explore(column="lat", scheme="quantiles", k=3)._repr_html_().lower()


def test_world_basemap_draws_places_anywhere():
    rows = [_row("us.txt", "t", None, "Dayton", "city", "US", 39.7589, -84.1916, "settlement", "In Dayton.", "x:1"),
            _row("us.txt", "t", None, "Columbus", "city", "US", 39.9612, -82.9988, "settlement", "Columbus.", "x:2")]
    data = maps.drills_map(pd.DataFrame(rows), offline=True).geodrills_data
    assert len(data["places"]) == 2  # nothing is left off the map
    isos = {f["properties"]["iso"] for f in data["basemap"]["countries"]["features"]}
    assert {"US", "CA", "MX"} <= isos
    assert data["basemap"]["rivers"]["features"] and data["basemap"]["lakes"]["features"]  # Ohio, Great Lakes
    assert {"Washington", "Chicago"} & {c["name"] for c in data["basemap"]["cities"]}


def test_study_region_basemap_has_the_border_rivers():
    shapely = pytest.importorskip("shapely")
    data = maps.drills_map(hostile_frame(), offline=True).geodrills_data
    rivers = shapely.union_all([shapely.from_geojson(json.dumps(f["geometry"]))
                                for f in data["basemap"]["rivers"]["features"]])
    for name, lat, lon in (("Kura at Mingachevir", 40.77, 47.05), ("Aras at Julfa", 38.95, 45.63),
                           ("Akhurian", 40.45, 43.62)):
        assert shapely.distance(rivers, shapely.Point(lon, lat)) < 0.05, name


def test_plugins_are_the_npm_files_unmodified_and_credited():
    import hashlib

    data = ROOT / "geodrills" / "data"
    manifest = json.loads((data / "map_plugins.json").read_text(encoding="utf-8"))
    licences = (data / "LICENSES.md").read_text(encoding="utf-8")
    assert {p["package"] for p in manifest["plugins"]} == {"leaflet.markercluster", "leaflet.fullscreen",
                                                           "leaflet-minimap", "leaflet-search"}
    for plugin in manifest["plugins"]:
        for name, digest in plugin["sha256"].items():
            assert hashlib.sha256((data / name).read_bytes()).hexdigest() == digest, name
        assert plugin["license_file"] in plugin["sha256"]
        assert f"`{plugin['package']}` | {plugin['version']}" in licences
    page = maps.map_html(maps.drills_map(hostile_frame(), offline=True))
    for marker in ("L.MarkerClusterGroup", "L.Control.MiniMap", "leaflet-control-search", "leaflet-fullscreen"):
        assert marker in page, marker


def test_a_changed_plugin_file_is_refused(tmp_path, monkeypatch):
    from importlib import resources

    from geodrills.errors import DataError

    real = resources.files("geodrills")
    copy = tmp_path / "geodrills"
    (copy / "data").mkdir(parents=True)
    for f in (ROOT / "geodrills" / "data").glob("map*"):
        (copy / "data" / f.name).write_bytes(f.read_bytes())
    target = copy / "data" / "mapplugin-search-leaflet-search.min.js"
    target.write_bytes(target.read_bytes() + b"\n//")
    monkeypatch.setattr(resources, "files", lambda pkg: copy if pkg == "geodrills" else real)
    _offline.plugin_assets.cache_clear()
    try:
        with pytest.raises(DataError, match="differs from the npm package leaflet-search@4.0.0"):
            _offline.plugin_assets()
    finally:
        monkeypatch.undo()
        _offline.plugin_assets.cache_clear()


def test_impossible_dates_and_polar_places_do_not_break_the_map():
    rows = [_row("a.txt", "t", "2021-02-30", "North", "city", "", 89.99, 0.0, "settlement", "s", "x:1"),
            _row("b.txt", "t", "2021-03-01", "Zero", "city", None, 0.0, 0.0, "settlement", "s", "x:2")]
    events = [{"name": "E", "start_date": "2021-13-45", "end_date": "2021-02-31", "places": ["Zero"]},
              {"name": "F", "start_date": "2021-02", "end_date": None, "places": ["Zero"]}]
    m = maps.drills_map(pd.DataFrame(rows), offline=True, rings_km=(25,), events=events)
    data = m.geodrills_data
    assert {e["name"]: (e["start"], e["end"]) for e in data["events"]} == {
        "E": (None, None), "F": ("2021-02-01", "2021-02-28")}
    assert data["days"][0] == "2021-02-01" and data["days"][-1] == "2021-03-01"
    (s, _), (n, _) = data["bounds"]
    assert -85 <= s < n <= 85  # Web Mercator cannot show a pole: the view stops at its edge
    assert _offline.external_urls(maps.map_html(m)) == []
