"""Execute every notebook in ``notebooks/`` top to bottom and check what it writes.

Each ``notebooks/NN_*.py`` (jupytext py:percent, the source of truth) is
converted to a notebook, given parameters the way papermill does it (a cell
injected after the one tagged ``parameters``: the repo's ``seeds/`` and a
temporary ``OUT_DIR``), and run with nbclient on the ``python3`` kernel in a
temporary working directory.  Any cell error fails the test.
"""

from __future__ import annotations

import csv
import json
import os
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.notebook

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
SEEDS = ROOT / "seeds"
NOTEBOOK_NAMES = sorted(p.stem for p in NOTEBOOKS.glob("[0-9][0-9]_*.py"))
TIMEOUT_S = 600


def _notebook(name: str, parameters: dict[str, object]):
    jupytext = pytest.importorskip("jupytext")
    nbformat = pytest.importorskip("nbformat")

    nb = jupytext.read(NOTEBOOKS / f"{name}.py")
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, f"{name}: expected exactly one cell tagged 'parameters', found {len(tagged)}"
    source = "# Parameters injected by tests/test_notebooks.py\n" + "".join(
        f"{key} = {value!r}\n" for key, value in parameters.items())
    injected = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    nb.cells.insert(tagged[0] + 1, injected)
    return nb


def _execute(name: str, workdir: Path, out_dir: Path):
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")

    nb = _notebook(name, {"ARTICLES": str(SEEDS), "OUT_DIR": str(out_dir)})
    # the kernel is a subprocess: make sure it imports this checkout of geodrills
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    env.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    client = nbclient.NotebookClient(nb, timeout=TIMEOUT_S, kernel_name="python3",
                                     resources={"metadata": {"path": str(workdir)}})
    client.execute(env=env)
    return nb


_RUNS: dict[str, tuple[object, Path]] = {}


@pytest.fixture(scope="module")
def run_notebook(tmp_path_factory):
    """Execute a notebook once per test module; returns (notebook, OUT_DIR)."""

    def run(name: str):
        if name not in _RUNS:
            workdir = tmp_path_factory.mktemp(f"nb-{name}")
            out_dir = workdir / "out"
            _RUNS[name] = (_execute(name, workdir, out_dir), out_dir)
        return _RUNS[name]

    yield run
    _RUNS.clear()


def _outputs(nb, kind: str) -> list[dict]:
    return [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.get("output_type") == kind]


def _all_text(nb) -> str:
    parts = []
    for c in nb.cells:
        for o in c.get("outputs", []) if c.cell_type == "code" else []:
            if "text" in o:
                parts.append(o["text"])
            for mime in ("text/plain", "text/html"):
                if mime in o.get("data", {}):
                    parts.append(o["data"][mime])
    return "\n".join(parts)


def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_kernel_is_this_python():
    """The ``python3`` kernel must run this environment's Python, or the notebooks test another geodrills.

    ipykernel installs its ``python3`` spec into ``sys.prefix``; a user-level
    spec of the same name (``~/.local/share/jupyter/kernels/python3``) would win.
    """
    nbclient = pytest.importorskip("nbclient")
    nbformat = pytest.importorskip("nbformat")
    pytest.importorskip("ipykernel")
    import sys

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import sys; print(sys.prefix)")])
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    kernel_prefix = nb.cells[0].outputs[0]["text"].strip()
    assert os.path.realpath(kernel_prefix) == os.path.realpath(sys.prefix), (
        f"the python3 kernel runs {kernel_prefix}, not this environment ({sys.prefix}); "
        "remove the other spec (jupyter kernelspec list) or run: python -m ipykernel install --sys-prefix")


def test_notebooks_found():
    assert NOTEBOOK_NAMES == ["01_quickstart", "02_border_distances", "03_drills_map", "04_exercises_timeline"]


def test_no_outputs_committed():
    """The .py files are the source; an .ipynb beside one (a local jupytext pair) must carry no outputs."""
    nbformat = pytest.importorskip("nbformat")
    for path in NOTEBOOKS.glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        with_outputs = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.get("outputs")]
        assert not with_outputs, f"{path.name}: cells {with_outputs} have outputs; strip them before committing"


@pytest.mark.parametrize("name", NOTEBOOK_NAMES)
def test_notebook_runs_without_error(run_notebook, name):
    nb, out_dir = run_notebook(name)
    assert not _outputs(nb, "error")
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.get("execution_count") for c in code_cells if c.source.strip()), "a cell was not executed"
    assert out_dir.is_dir() and any(out_dir.iterdir()), f"{name} wrote nothing into OUT_DIR"


def test_quickstart_outputs(run_notebook):
    nb, out_dir = run_notebook("01_quickstart")
    mentions = _read_csv(out_dir / "mentions.csv")
    assert {r["article"] for r in mentions} == {p.name for p in SEEDS.glob("*.txt")}
    kars = [r for r in mentions if r["name"] == "Kars" and r["country"] == "TR"]
    city = [r for r in kars if r["kind"] == "city"]
    assert city and all(r["geonameid"] == "743952" for r in city)
    assert all(abs(float(r["lat"]) - 40.598) < 0.01 and abs(float(r["lon"]) - 43.085) < 0.01 for r in city)
    # the province's point may be its seat or its centre: either way within ~30 km of the city
    assert all(abs(float(r["lat"]) - 40.598) < 0.3 and abs(float(r["lon"]) - 43.085) < 0.4 for r in kars)
    places = json.loads((out_dir / "places.geojson").read_text(encoding="utf-8"))
    names = {f["properties"]["name"] for f in places["features"]}
    assert {"Kars", "Baku", "Astara", "Armenia", "Azerbaijan"} <= names
    # the inline map is rendered (an iframe holding the whole offline page)
    html = "\n".join(o["data"].get("text/html", "") for o in _outputs(nb, "execute_result") + _outputs(nb, "display_data"))
    assert "<iframe" in html


def _pngs(nb) -> int:
    return sum("image/png" in o.get("data", {}) for o in _outputs(nb, "display_data") + _outputs(nb, "execute_result"))


def test_border_distances_outputs(run_notebook):
    nb, out_dir = run_notebook("02_border_distances")
    nearest = {r["place"]: r for r in _read_csv(out_dir / "nearest_border.csv")}
    kars = nearest["Kars (city)"]
    assert (kars["border"], kars["neighbour"], kars["country"]) == ("AM-TR", "AM", "TR")
    assert 40.5 < float(kars["km"]) < 41.5
    assert nearest["Astara (town)"]["border"] == "AZ-IR" and float(nearest["Astara (town)"]["km"]) < 3
    # the table is sorted by distance and lists only settlements and provinces
    kms = [float(r["km"]) for r in nearest.values()]
    assert kms == sorted(kms)
    assert not {"Azerbaijan (country)", "Karabakh (region)"} & set(nearest)
    every = _read_csv(out_dir / "border_distances.csv")
    kars_iran = [r for r in every if r["place"] == "Kars (city)" and r["border"] == "IR-TR"]
    assert len(kars_iran) == 1 and 150 < float(kars_iran[0]["km"]) < 160
    # the claims: the province of Kars "near the border with Iran" is measured by its outline (83 km,
    # beyond 'near'): doubtful; Kars city near Armenia is supported; the Kars city figure is the distances figure
    claims = _read_csv(out_dir / "claims.csv")
    kars_iran_claims = [r for r in claims if r["subject"] == "Kars" and r["object"] == "IR-TR"]
    assert kars_iran_claims and all(r["verdict"] == "doubtful" for r in kars_iran_claims)
    assert all(r["verdict"] == "supported" for r in claims if r["subject"] == "Kars" and r["kind"] == "near"
               and r["object"] == "AM-TR")
    assert {"near", "on", "borders"} <= {r["kind"] for r in claims}
    text = _all_text(nb)
    assert "DOUBTFUL" in text and "near the border with Iran" in text
    assert f"Kars city -> IR-TR border: {float(kars_iran[0]['km']):.1f} km" in text
    assert _pngs(nb) >= 3  # nearest-border chart, the focus place's borders, the claims chart
    for png in ("nearest_border.png", "claims.png"):
        assert (out_dir / png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_border_distances_match_reference(run_notebook, shared_dir):
    """Every place the reference table has agrees with it within 0.5 km (OSM 2026c lines)."""
    reference = {}
    for r in _read_csv(shared_dir / "eval" / "border_distances.csv"):
        place = r["place"].split(" (")[0]
        border = "-".join(sorted(r["border"].replace("(Nakh)", "").split("\u2013")))
        reference[(place, border)] = float(r["osm_tz_2026c_km"])
    _, out_dir = run_notebook("02_border_distances")
    compared = set()
    for r in _read_csv(out_dir / "border_distances.csv"):
        key = (r["place"].split(" (")[0], r["border"])
        if r["kind"] in ("city", "town", "village") and key in reference:
            assert abs(float(r["km"]) - reference[key]) < 0.5, (key, r["km"], reference[key])
            compared.add(key[0])
    assert {"Kars", "Baku", "Astara", "Jabrayil", "Imishli"} <= compared


def _assert_offline_page(path: Path) -> str:
    from geodrills._offline import external_urls

    page = path.read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert external_urls(page) == [], f"{path.name} still needs the network"
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page, re.I)
    return page


def test_drills_map_outputs(run_notebook):
    nb, out_dir = run_notebook("03_drills_map")
    assert sorted(p.name for p in out_dir.iterdir()) == ["drills_map.html"]
    page = _assert_offline_page(out_dir / "drills_map.html")
    for name in ("Kars", "Astara", "Jabrayil", "Imishli", "AM-TR", "AZ-IR", "50 km"):
        assert name in page, name
    assert "Turkish-Azerbaijani drills near the borders" in page
    assert "external references: 0" in _all_text(nb)


def test_timeline_outputs(run_notebook):
    nb, out_dir = run_notebook("04_exercises_timeline")
    events = _read_csv(out_dir / "events.csv")
    winter = [e for e in events if e["name"] == "Winter 2021"]
    assert len(winter) == 1, "Winter 2021 is reported by three articles and must be one event"
    w = winter[0]
    assert (w["start_date"], w["end_date"], w["date_precision"]) == ("2021-02-01", "2021-02-12", "day")
    assert w["articles"].split() == ["000_5878fdfec2038733.txt", "001_5949b38c653093e8.txt",
                                     "002_191b564eae45596c.txt"]
    assert "In July" in w["conflicts"]
    assert "Kars" in w["where"]
    lines = (out_dir / "events.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["event_id"] for line in lines] == [e["event_id"] for e in events]
    located = json.loads((out_dir / "events.geojson").read_text(encoding="utf-8"))
    assert {f["properties"]["event_id"] for f in located["features"]} <= {e["event_id"] for e in events}
    assert (out_dir / "timeline.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert _pngs(nb) >= 1
    page = _assert_offline_page(out_dir / "exercises_map.html")
    assert "Winter 2021" in page
