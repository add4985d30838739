"""No user string reaches a template engine: template syntax in any input is shown, never run.

Issue 14, item 1: branca compiled the map's data as a Jinja template, so
``{{ cycler.__init__.__globals__.os.system(...) }}`` in an article ran a shell
command, ``Kars{{citation needed}}`` crashed the map and ``{# ... #}`` vanished
from it.  Each entry point (article text, file name, title, ``--title``,
article ids from a frame) is fed every payload; the command must not run, the
map must be written, and the text must be in the page data as it was.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")
pytest.importorskip("folium")

from geodrills import _offline, maps  # noqa: E402
from geodrills.cli import main  # noqa: E402

#: template-engine and script payloads (PWNED is the file a successful injection creates)
TEMPLATE_PAYLOADS = (
    "{{ cycler.__init__.__globals__.os.system('touch PWNED') }}",
    "{% for x in [1] %}",
    "{# c #}",
    "Kars{{citation needed}}",
    "{#hashtag",
    "</script><script>window.PWNED=1</script>",
    "${alert(1)}",
)


def _data(page: str) -> dict:
    found = re.findall(r'<script type="application/json" id="gd-data-[0-9a-f]+">(.*?)</script>', page, flags=re.S)
    assert len(found) == 1
    return json.loads(found[0])


def _strings(value) -> list[str]:
    """Every string in a JSON value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _assert_safe(page: str, payload: str, cwd: Path) -> dict:
    assert not (cwd / "PWNED").exists(), "a template payload ran"
    assert "window.PWNED=1</script>" not in page
    data = _data(page)
    assert any(payload in s for s in _strings(data)), f"{payload!r} is not in the page data as written"
    return data


def _article(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(f"Drills\n\n{body}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("payload", TEMPLATE_PAYLOADS)
@pytest.mark.parametrize("offline", [True, False], ids=["offline", "online"])
def test_article_text_cli(payload, offline, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    src = _article(tmp_path, "a.txt", f"Troops in Kars {payload} near the Armenian border.")
    out = tmp_path / "m.html"
    args = ["map", str(src), "-o", str(out)] + (["--offline"] if offline else [])
    assert main(args) == 0
    _assert_safe(out.read_text(encoding="utf-8"), payload, tmp_path)


@pytest.mark.parametrize("payload", TEMPLATE_PAYLOADS)
def test_title_option_and_file_name_cli(payload, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = payload.replace("/", "_") + ".txt"  # a file name cannot hold "/"
    src = _article(tmp_path, name, "Troops exercised in Kars near the Armenian border.")
    out = tmp_path / "m.html"
    assert main(["map", str(src), "--offline", "--title", payload, "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    data = _assert_safe(page, payload, tmp_path)
    assert data["title"] == payload
    assert any(payload.replace("/", "_") in a["name"] for a in data["articles"])
    title = re.findall(r"<title>(.*?)</title>", page, flags=re.S)
    assert len(title) == 1 and "<" not in title[0]
    assert _offline.external_urls(page) == []


def _frame(payload: str) -> pd.DataFrame:
    sentence = f"Troops in Kars {payload} near the Armenian border."
    return pd.DataFrame([dict(
        article=payload, title=payload, date="2021-02-01", start=15, end=19, text="Kars", name="Kars " + payload,
        kind="city", country="TR", admin1=None, lat=40.60199, lon=43.09495, geonameid=None,
        place_id="id:" + payload, score=1.0, precision="settlement", sentence=sentence,
    )])


@pytest.mark.parametrize("payload", TEMPLATE_PAYLOADS)
def test_api_entry_points(payload, tmp_path, monkeypatch):
    """Frame columns (ids, titles, names, sentences), ``title=``, ``save_map``, ``_repr_html_``, ``Map.save``."""
    monkeypatch.chdir(tmp_path)
    events = [{"name": payload, "start_date": "2021-02-01", "end_date": "2021-02-03",
               "places": ["Kars " + payload], "participants": [payload], "article": payload}]
    for offline in (True, False):
        m = maps.drills_map(_frame(payload), offline=offline, title=payload, rings_km=(10,), events=events)
        saved = maps.save_map(m, tmp_path / "m.html")
        data = _assert_safe(saved.read_text(encoding="utf-8"), payload, tmp_path)
        assert data["title"] == payload and data["articles"][0]["name"] == payload
        assert data["events"][0]["name"] == payload
        shown = m._repr_html_()
        assert not (tmp_path / "PWNED").exists()
        assert "<script>window.PWNED" not in shown
        m.save(str(tmp_path / "folium_save.html"))
        _assert_safe((tmp_path / "folium_save.html").read_text(encoding="utf-8"), payload, tmp_path)


def test_issue_reproduction_leaves_no_file(tmp_path, monkeypatch):
    """The issue's exact reproduction: no PWNED, exit 0, the text shown literally."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(
        "T\n\nTroops in Kars {{ cycler.__init__.__globals__.os.system('id > PWNED') }} near the Armenian border.\n",
        encoding="utf-8")
    assert main(["map", "a.txt", "--offline", "-o", "m.html"]) == 0
    assert not (tmp_path / "PWNED").exists()
    kars = [p for p in _data((tmp_path / "m.html").read_text(encoding="utf-8"))["places"] if p["name"] == "Kars"]
    assert kars and "{{ cycler.__init__.__globals__.os.system('id > PWNED') }}" in kars[0]["mentions"][0]["post"]


def test_no_template_engine_in_the_map_code():
    """The map code neither imports Jinja nor adds elements to folium's (branca's) template tree."""
    src = (Path(maps.__file__)).read_text(encoding="utf-8") + Path(_offline.__file__).read_text(encoding="utf-8")
    for needle in ("jinja2", "Template(", "MacroElement", "add_child(", "add_to(m)", ".format("):
        assert needle not in src, needle
