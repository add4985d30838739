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
    assert page.locator(".gd-popup script, .leaflet-control-layers script, .gd-title script").count() == 0
    # the map rendered: one marker per (article, place), one path per border pair
    expected_markers = sum(len(p["articles"]) for p in data["places"])
    assert page.locator("path.gd-marker").count() == expected_markers == 4
    assert page.locator("path.gd-border").count() == len(data["borders"])
    # hostile text is shown, as text
    assert HOSTILE in page.locator(".gd-title h1").text_content()
    labels = page.locator(".leaflet-control-layers-overlays label").all_text_contents()
    assert any(PAYLOADS[2] in label for label in labels)
    page.locator("path.gd-marker").first.click(force=True)
    popup = page.locator(".gd-popup")
    popup.wait_for()
    text = popup.text_content()
    assert PAYLOADS[0] in text or PAYLOADS[1] in text or PAYLOADS[3] in text
    assert page.evaluate("window.__pwned") is None and page.title() == HOSTILE
    assert problems == [] and _network(requests) == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map_hostile.png"))


def test_seeds_offline_map_in_browser(browser_page, tmp_path):
    from geodrills.cli import main

    seeds = ROOT / "seeds"
    if not seeds.is_dir():
        pytest.skip("seeds/ is not in this checkout")
    out = tmp_path / "seeds.html"
    assert main(["map", str(seeds), "--offline", "--rings", "25", "--rings-around", "Kars", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert out.stat().st_size <= 1_000_000
    data = _payload(html)
    page, requests, problems = browser_page(out)
    assert problems == []
    assert _network(requests) == []
    assert page.locator("path.gd-marker").count() == sum(len(p["articles"]) for p in data["places"]) > 10
    assert page.locator("path.gd-border").count() == len(data["borders"]) > 5
    assert page.locator("path.gd-land").count() >= 5, "the offline basemap was not drawn"
    assert page.locator(".gd-legend li").count() >= 4
    assert page.locator(".leaflet-control-scale").count() == 1
    # no element points anywhere off the page
    hrefs = page.evaluate("Array.from(document.querySelectorAll('[href],[src]')).map(e => e.href || e.src)")
    assert [h for h in hrefs if h and not h.startswith(("file:", "data:", "about:", out.as_uri()))] == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map_seeds.png"))
    # The view fits most places, not all: click the first marker that is on screen.
    visible = page.evaluate("""() => [...document.querySelectorAll('path.gd-marker')].findIndex(el => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
    })""")
    assert visible >= 0, "no place marker is inside the initial view"
    page.locator("path.gd-marker").nth(visible).click(force=True)
    page.locator(".gd-popup").wait_for()
    page.wait_for_timeout(400)  # let the popup finish fading in before the screenshot
    page.screenshot(path=str(ARTIFACTS / "map_seeds_popup.png"))
    assert problems == [] and _network(requests) == []


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
