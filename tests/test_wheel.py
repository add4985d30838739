"""The wheel ships the data: build it from a copy of the checkout, install it into a fresh
venv, and look a place up from outside the checkout (issue 2, "Must show").

Slow (a wheel build and a venv).  The fresh venv gets only the wheel; the
dependencies (numpy, marisa-trie, ...) are borrowed from the interpreter
running the tests through a ``.pth`` line added *after* the install, so
nothing is downloaded for them and the installed ``geodrills`` is the
wheel's, never this checkout's (a ``.pth`` line adds a path but does not run
the ``.pth`` files in it, so an editable install there stays inert).
"""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
DATA_FILES = ["gazetteer.npz", "names.marisa", "skeletons.marisa", "altnames.npz", "supplement_geometry.geojson",
              "common_words.txt", "first_names.txt"]
IGNORE = shutil.ignore_patterns(".git", "__pycache__", "*.egg-info", "build", "dist", ".pytest_cache",
                                ".ipynb_checkpoints", "*.pyc", ".venv", "venv")


def _run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env.update(kw.pop("env", {}))
    return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", env=env, timeout=900, **kw)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built from a copy of the checkout (so the checkout is never touched)."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    shutil.copytree(ROOT, src, ignore=IGNORE, symlinks=False)
    out = tmp / "dist"
    attempts = []
    # Offline first (the running interpreter's setuptools); if that one is too old for the
    # project's metadata, let pip fetch the declared build backend from the package index.
    for isolation in (["--no-build-isolation"], []):
        proc = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", *isolation, "-w", str(out), str(src)])
        attempts.append(f"$ pip wheel {' '.join(isolation)}\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}")
        wheels = sorted(out.glob("geodrills-*.whl"))
        if proc.returncode == 0 and wheels:
            return wheels[0]
    pytest.fail("could not build a wheel:\n" + "\n".join(attempts))


def test_wheel_contains_the_data_and_the_console_script(wheel):
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        for f in DATA_FILES:
            assert f"geodrills/data/{f}" in names, f
        assert "geodrills/data/LICENSES.md" in names
        assert "geodrills/py.typed" in names
        assert not any(n.startswith(("tests/", "seeds/", "benchmarks/")) for n in names)
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        assert "geodrills = geodrills.cli:main" in z.read(entry_points).decode()


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh venv holding only the wheel, borrowing the dependencies of the running interpreter."""
    home = tmp_path_factory.mktemp("venv") / "env"
    proc = _run([sys.executable, "-m", "venv", "--without-pip", str(home)])
    assert proc.returncode == 0, proc.stderr
    bindir = home / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    # Install before the dependencies are visible, so pip sees a clean environment.
    proc = _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
                 str(wheel)])
    assert proc.returncode == 0, proc.stdout + proc.stderr
    purelib = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip()
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], *site.getsitepackages()}
    Path(purelib, "_geodrills_test_deps.pth").write_text("\n".join(sorted(ours)) + "\n", encoding="utf-8")
    return home


def _bin(venv: Path, name: str) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / (name + (".exe" if os.name == "nt" else ""))


def test_installed_package_is_the_wheels(venv, tmp_path):
    proc = _run([str(_bin(venv, "python")), "-c", "import geodrills; print(geodrills.__file__)"], cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    where = Path(proc.stdout.strip()).resolve()
    assert venv.resolve() in where.parents, where
    assert ROOT not in where.parents


def test_lookup_kars_from_outside_the_checkout(venv, tmp_path):
    proc = _run([str(_bin(venv, "geodrills")), "lookup", "Kars", "--json"], cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    best = json.loads(proc.stdout)[0]
    assert (best["name"], best["country"], best["geonameid"]) == ("Kars", "TR", 743952)
    for key in ("kind", "lat", "lon", "population", "score"):
        assert key in best


def test_geocode_from_outside_the_checkout(venv, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Drills near the Araz River, in Astara, Baku, Jabrayil and Imishli.", encoding="utf-8")
    proc = _run([str(_bin(venv, "geodrills")), "geocode", str(article)], cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["text"] for r in rows] == ["Araz River", "Astara", "Baku", "Jabrayil", "Imishli"]
    assert rows[0]["place_id"] == "sup:aras-river"  # the curated supplement ships too
    assert rows[1]["country"] == "AZ"
