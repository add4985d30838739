"""The offline drills map in a real headless Chromium, with the network off.

Driven over the DevTools protocol by Playwright's Python client, used only as a
client: it launches Debian's ``chromium`` (its own browser download is never
needed).  Screenshots go to ``tests/artifacts/`` (not committed).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def _chromium() -> str:
    for name in ("chromium", "chromium-headless-shell", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("no Chromium installed (apt-get install chromium); .ci/run installs it")


@pytest.fixture(scope="module")
def browser_page(tmp_path_factory):
    """A function (html_path) -> (page, requests, problems) on a fresh, offline profile."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (used as a CDP client only)")
    executable = _chromium()
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=executable, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 860}, offline=True,
        )
        opened = []

        def open_page(path: Path):
            page = context.new_page()
            requests: list[str] = []
            problems: list[str] = []

            def route(r):
                requests.append(r.request.url)
                if r.request.url.startswith(("file:", "data:")):
                    r.continue_()
                else:  # belt and braces: even a request that slipped through goes nowhere
                    r.abort()

            page.route("**/*", route)
            page.on("request", lambda req: requests.append(req.url))
            page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
            page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
            page.on("requestfailed", lambda req: problems.append(f"request failed: {req.url}"))
            page.goto(path.resolve().as_uri())
            page.wait_for_selector("[data-gd-ready]", timeout=15000)
            opened.append(page)
            return page, requests, problems

        yield open_page
        context.close()


def _payload(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="gd-data-[0-9a-f]+">(.*?)</script>', html,
                                flags=re.S).group(1))


def _network(requests: list[str]) -> list[str]:
    return sorted({u for u in requests if not u.startswith(("file:", "data:"))})


#: the boxes of every permanent label, and the pairs that overlap (should be none)
LABEL_OVERLAPS = """() => {
    const boxes = [...document.querySelectorAll('.gd-lbl')].map(e => {
        const r = e.getBoundingClientRect();
        return {text: e.textContent, l: r.left, t: r.top, r: r.right, b: r.bottom};
    }).filter(b => b.r > b.l && b.b > b.t);
    const bad = [];
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], c = boxes[j];
        if (a.l < c.r - 0.5 && c.l < a.r - 0.5 && a.t < c.b - 0.5 && c.t < a.b - 0.5) bad.push([a.text, c.text]);
    }
    const controls = [...document.querySelectorAll('.leaflet-control')].map(e => e.getBoundingClientRect())
        .filter(r => r.width > 0);
    const underControls = boxes.filter(a => controls.some(r => a.l < r.right && r.left < a.r && a.t < r.bottom && r.top < a.b))
        .map(a => a.text);
    return {n: boxes.length, texts: boxes.map(b => b.text), overlaps: bad, underControls};
}"""


def _open_timed(browser_page, path: Path):
    """Open the page; also return the seconds from navigation start to the map being drawn (in-page clock)."""
    page, requests, problems = browser_page(path)
    seconds = page.evaluate("performance.now() - performance.getEntriesByType('navigation')[0].startTime") / 1000
    ready = page.evaluate("window.__gdReadyAt") or None
    return page, requests, problems, (ready / 1000 if ready else seconds)


def _layer_entries(page) -> int:
    return page.locator(".leaflet-control-layers-base label, .leaflet-control-layers-overlays label").count()


def test_hostile_articles_run_nothing_and_the_map_renders(browser_page, tmp_path):
    from geodrills import maps
    from test_maps import HOSTILE, PAYLOADS, hostile_frame

    path = maps.save_map(maps.drills_map(hostile_frame(), offline=True, rings_km=(25,), title=HOSTILE),
                         tmp_path / "hostile.html")
    data = _payload(path.read_text(encoding="utf-8"))
    page, requests, problems = browser_page(path)

    assert problems == []
    assert _network(requests) == []
    # nothing injected ran
    assert page.evaluate("window.__pwned") is None
    assert page.title() == HOSTILE  # and not 'pwned'
    assert page.locator("img").count() == 0
    assert page.locator(".gd-popup script, .leaflet-control script, .gd-lbl script").count() == 0
    # the map rendered: one marker per place, one path per border pair
    assert page.locator("path.gd-marker").count() == len(data["places"]) == 4
    assert page.locator("path.gd-border").count() == len(data["borders"])
    # hostile text is shown, as text: title, permanent labels, articles panel, search tips, popup
    assert HOSTILE in page.locator(".gd-title h1").text_content()
    labels = page.locator(".gd-lbl-place").all_text_contents()
    assert "Astara" + PAYLOADS[1] in labels
    page.locator(".gd-articles-toggle").click()
    listed = page.locator(".gd-articles-list li").all_text_contents()
    assert any(PAYLOADS[2] in row for row in listed) and any(HOSTILE in row for row in listed)
    page.locator(".leaflet-control-search .search-button").click()
    page.locator(".leaflet-control-search input.search-input").press_sequentially("Astara", delay=20)
    page.locator(".search-tip").first.wait_for()
    assert "Astara" + PAYLOADS[1] in page.locator(".search-tip").first.text_content()
    page.locator(".search-tip").first.click()
    popup = page.locator(".gd-popup")
    popup.wait_for()
    assert PAYLOADS[1] in popup.text_content()
    assert page.evaluate("window.__pwned") is None and page.title() == HOSTILE
    assert problems == [] and _network(requests) == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map_hostile.png"))


def _seeds_map(tmp_path: Path, *extra: str) -> Path:
    from geodrills.cli import main

    seeds = ROOT / "seeds"
    if not seeds.is_dir():
        pytest.skip("seeds/ is not in this checkout")
    out = tmp_path / "seeds.html"
    assert main(["map", str(seeds), "--rings", "25", "--rings-around", "Kars", "-o", str(out), *extra]) == 0
    return out


def test_seeds_offline_map_in_browser(browser_page, tmp_path):
    out = _seeds_map(tmp_path, "--offline", "--events")
    html = out.read_text(encoding="utf-8")
    assert out.stat().st_size <= 1_000_000
    data = _payload(html)
    page, requests, problems, seconds = _open_timed(browser_page, out)
    print(f"\nseeds map: {out.stat().st_size:,} bytes, opened in {seconds:.2f} s")
    assert seconds <= 2.0, f"the seeds map took {seconds:.2f} s to open"
    assert problems == []
    assert _network(requests) == []
    assert page.locator("path.gd-marker").count() == len(data["places"]) > 10
    assert page.locator("path.gd-border").count() == len(data["borders"]) > 5
    assert page.locator("path.gd-land").count() >= 20, "the world basemap was not drawn"
    assert page.locator("path.gd-basemap-river").count() >= 5 and page.locator("path.gd-lake").count() >= 1
    assert page.locator(".gd-legend li").count() >= 4
    assert page.locator(".leaflet-control-scale").count() == 1
    # controls: fullscreen, measure, minimap (drawn), search, layers (few entries), articles, dates
    for selector in (".leaflet-control-zoom-fullscreen", ".gd-measure", ".leaflet-control-minimap",
                     ".leaflet-control-search", ".leaflet-control-layers", ".gd-articles", ".gd-slider"):
        assert page.locator(selector).count() == 1, selector
    assert page.locator(".leaflet-control-minimap path").count() >= 20
    assert _layer_entries(page) <= 30
    # permanent, collision-free labels: place names, border pairs, distances, basemap names
    found = page.evaluate(LABEL_OVERLAPS)
    assert found["overlaps"] == [] and found["underControls"] == []
    assert page.locator(".gd-lbl-place").count() >= 10
    assert {"Kars", "Baku", "Astara"} <= set(page.locator(".gd-lbl-place").all_text_contents())
    assert page.locator(".gd-lbl-border").count() >= 3 and page.locator(".gd-lbl-km").count() >= 1
    assert page.locator(".gd-lbl-city").count() >= 5
    # no element points anywhere off the page
    hrefs = page.evaluate("Array.from(document.querySelectorAll('[href],[src]')).map(e => e.href || e.src)")
    assert [h for h in hrefs if h and not h.startswith(("file:", "data:", "about:", out.as_uri()))] == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map_seeds.png"))

    # a click on a place quotes the sentences that name it
    visible = page.evaluate("""() => [...document.querySelectorAll('path.gd-marker.gd-precision-settlement')].findIndex(el => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.left > 300 && r.top > 150 && r.right < innerWidth - 300 && r.bottom < innerHeight - 150
            && document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2) === el;
    })""")
    assert visible >= 0, "no town marker in the middle of the initial view"
    page.locator("path.gd-marker.gd-precision-settlement").nth(visible).click()
    page.locator(".gd-popup mark").first.wait_for()
    page.wait_for_timeout(400)  # let the popup finish fading in before the screenshot
    page.screenshot(path=str(ARTIFACTS / "map_seeds_popup.png"))
    page.keyboard.press("Escape")

    # the legend folds away, and the labels it hid come back clear of it
    page.locator(".gd-legend summary").click()
    page.wait_for_timeout(100)
    assert page.evaluate(LABEL_OVERLAPS)["overlaps"] == []

    # the date range filters the dated exercises and the places of dated articles
    dated = page.locator("path.gd-event-dated").count()
    assert dated >= 1
    places_before = int(page.get_attribute(".leaflet-container", "data-gd-shown-places"))
    page.locator(".gd-slider .gd-to").fill("0")
    page.wait_for_timeout(100)
    assert page.locator("path.gd-event-dated").count() < dated
    assert int(page.get_attribute(".leaflet-container", "data-gd-shown-places")) < places_before
    assert page.locator(".gd-slider .gd-range").text_content().startswith(data["days"][0])
    page.screenshot(path=str(ARTIFACTS / "map_seeds_first_day.png"))
    page.locator(".gd-slider .gd-to").fill(str(len(data["days"]) - 1))
    page.wait_for_timeout(100)
    assert page.locator("path.gd-event-dated").count() == dated
    assert problems == [] and _network(requests) == []


def test_measure_tool_matches_the_border_distance(browser_page, tmp_path):
    out = _seeds_map(tmp_path, "--offline")
    data = _payload(out.read_text(encoding="utf-8"))
    kars = next(p for p in data["places"] if p["name"] == "Kars" and p["precision"] == "settlement")
    page, _, problems = browser_page(out)
    handle = "Object.values(window.geodrillsMaps)[0]"
    page.evaluate(f"{handle}.map.fitBounds([[{kars['lat']}, {kars['lon']}], [{kars['border_lat']}, "
                  f"{kars['border_lon']}]], {{padding: [200, 200], animate: false}})")
    page.locator(".gd-measure-toggle").click()
    box = page.locator(".leaflet-container").first.bounding_box()
    for lat, lon in ((kars["lat"], kars["lon"]), (kars["border_lat"], kars["border_lon"])):
        pt = page.evaluate(f"{handle}.map.latLngToContainerPoint([{lat}, {lon}])")
        page.mouse.click(box["x"] + pt["x"], box["y"] + pt["y"])
    km = float(page.get_attribute(".gd-measure-result", "data-km"))
    print(f"\nmeasure Kars -> {kars['border']} border point: {km:.2f} km; distances figure {kars['km']:.2f} km")
    assert abs(km - kars["km"]) <= 0.5, (km, kars["km"])
    assert "km" in page.locator(".gd-measure-result").text_content()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map_seeds_measure.png"))
    # the fullscreen button works
    page.locator(".leaflet-control-zoom-fullscreen").click()
    page.wait_for_timeout(200)
    assert page.evaluate("!!document.fullscreenElement || !!document.querySelector('.leaflet-pseudo-fullscreen')")
    assert problems == []


def test_online_map_without_network_shows_what_the_offline_one_shows(browser_page, tmp_path):
    from geodrills import maps
    from geodrills.mentions import geoparse_frame

    seeds = ROOT / "seeds"
    if not seeds.is_dir():
        pytest.skip("seeds/ is not in this checkout")
    frame = geoparse_frame(seeds)
    counts = {}
    for offline in (True, False):
        path = maps.save_map(maps.drills_map(frame, offline=offline), tmp_path / f"m_{offline}.html")
        page, requests, problems = browser_page(path)
        page.wait_for_timeout(300)
        counts[offline] = {sel: page.locator(sel).count() for sel in
                           ("path.gd-marker", "path.gd-border", "path.gd-land", "path.gd-basemap-river", ".gd-lbl-place")}
        assert [p for p in problems if "ERR_" not in p and "tile.openstreetmap" not in p] == []
        assert all("tile.openstreetmap" in u for u in _network(requests))
        if not offline:
            assert _layer_entries(page) >= 2  # the basemap switch: bundled / web tiles
            page.screenshot(path=str(ARTIFACTS / "map_seeds_online_no_network.png"))
    assert counts[True]["path.gd-marker"] > 10
    # the web tiles failed: the online page still shows the bundled basemap, places and borders
    for sel in ("path.gd-marker", "path.gd-border", "path.gd-land", "path.gd-basemap-river"):
        assert counts[False][sel] == counts[True][sel], sel


def _big_map(tmp_path: Path) -> tuple[Path, dict]:
    import importlib.util

    from geodrills import maps

    spec = importlib.util.spec_from_file_location("bench_maps", ROOT / "benchmarks" / "bench_maps.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    frame = bench.synthetic_frame(10_000, articles=5_000)
    events = [{"name": f"Exercise {i}", "start_date": f"2021-{1 + i % 12:02d}-01", "end_date": f"2021-{1 + i % 12:02d}-10",
               "places": [f"Place {i * 7}"]} for i in range(40)]
    events += [{"name": f"Undated {i}", "places": [f"Place {i * 11}"]} for i in range(5)]
    path = maps.save_map(maps.drills_map(frame, offline=True, events=events), tmp_path / "big.html")
    return path, _payload(path.read_text(encoding="utf-8"))


def test_five_thousand_articles_stay_usable(browser_page, tmp_path):
    path, data = _big_map(tmp_path)
    assert len(data["articles"]) == 5_000 and len(data["places"]) == 10_000
    assert path.stat().st_size <= 8_000_000
    page, requests, problems, seconds = _open_timed(browser_page, path)
    print(f"\n5,000-article map: {path.stat().st_size:,} bytes, opened in {seconds:.2f} s, "
          f"{_layer_entries(page)} layer-control entries")
    assert seconds <= 2.0, f"the 5,000-article map took {seconds:.2f} s to open"
    assert problems == [] and _network(requests) == []
    assert _layer_entries(page) <= 30
    found = page.evaluate(LABEL_OVERLAPS)
    assert found["overlaps"] == [] and found["underControls"] == []
    assert page.locator(".gd-lbl-place").count() >= 5
    assert page.locator(".gd-cluster").count() >= 10, "10,000 places are clustered"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map_5000_articles.png"))
    # the articles panel filters: one article's places only
    shown = int(page.get_attribute(".leaflet-container", "data-gd-shown-places"))
    page.locator(".gd-articles-toggle").click()
    assert page.locator(".gd-articles-list li").count() <= 200
    page.locator(".gd-articles-filter").fill("")
    page.locator(".gd-articles-buttons button").nth(1).click()  # hide all listed
    assert int(page.get_attribute(".leaflet-container", "data-gd-shown-places")) == 0
    page.locator(".gd-articles-filter").fill("Article 42:")
    assert page.locator(".gd-articles-list li").count() == 1
    page.locator(".gd-articles-list input[type=checkbox]").first.check()
    assert 1 <= int(page.get_attribute(".leaflet-container", "data-gd-shown-places")) <= 4 < shown
    page.locator(".gd-article-name").first.click()
    page.wait_for_timeout(400)
    page.screenshot(path=str(ARTIFACTS / "map_5000_one_article.png"))
    assert page.evaluate(LABEL_OVERLAPS)["overlaps"] == []
    # back to all; the slider filters the dated exercises, the undated ones have their own switch
    page.locator(".gd-articles-filter").fill("")
    page.locator(".gd-articles-buttons button").first.click()
    dated = page.locator("path.gd-event-dated").count()
    assert page.locator("path.gd-event-undated").count() == 5
    page.locator(".gd-slider .gd-to").fill("40")
    page.wait_for_timeout(100)
    assert 0 < page.locator("path.gd-event-dated").count() < dated
    assert page.locator("path.gd-event-undated").count() == 5
    assert problems == []


@pytest.mark.parametrize("offline", [True, False], ids=["offline", "online"])
def test_template_payloads_run_nothing_in_the_browser(browser_page, tmp_path, offline):
    from geodrills import maps
    from test_maps_templates import TEMPLATE_PAYLOADS, _frame

    payload = " ".join(TEMPLATE_PAYLOADS)
    events = [{"name": payload, "start_date": "2021-02-01", "end_date": "2021-02-03",
               "places": ["Kars " + payload], "participants": [payload], "article": payload}]
    m = maps.drills_map(_frame(payload), offline=offline, title=payload, rings_km=(10,), events=events)
    path = maps.save_map(m, tmp_path / f"templates_{offline}.html")
    page, requests, problems = browser_page(path)
    # online: the tile requests are blocked (no network); nothing else may fail
    blocked = ("tile.openstreetmap", "Failed to load resource: net::ERR_FAILED")
    assert [p for p in problems if not any(b in p for b in blocked)] == []
    assert all("tile.openstreetmap" in u for u in _network(requests))
    assert page.evaluate("window.PWNED") is None
    assert page.title() == payload
    assert payload in page.locator(".gd-title h1").text_content()
    page.locator("path.gd-marker").first.click(force=True)
    page.locator(".gd-popup").wait_for()
    assert payload in page.locator(".gd-popup").text_content()
    assert page.evaluate("window.PWNED") is None
    assert not (tmp_path / "PWNED").exists()
