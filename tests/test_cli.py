"""The command line: ``geodrills lookup`` and ``geodrills geocode`` (their contracts), run
as a subprocess (``python -m geodrills``) and in-process through ``geodrills.cli.main``.
Also: ``import geodrills`` stays cheap.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geodrills import cli
from geodrills.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
JSONL_FIELDS = ["article", "start", "end", "text", "name", "kind", "country", "lat", "lon", "geonameid", "score"]
LOOKUP_FIELDS = ["name", "kind", "country", "lat", "lon", "geonameid", "population", "score"]


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """``python -m geodrills ARGS`` on this checkout, as a user would run it."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "geodrills", *args], cwd=cwd or ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=300)


def _no_traceback(proc: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in proc.stderr, proc.stderr


# -- lookup -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def kars_json() -> subprocess.CompletedProcess:
    return run_cli("lookup", "Kars", "--json")


def test_lookup_json_fields(kars_json):
    assert kars_json.returncode == 0, kars_json.stderr
    rows = json.loads(kars_json.stdout)
    assert isinstance(rows, list) and rows
    for row in rows:
        for key in LOOKUP_FIELDS:
            assert key in row, key
    best = rows[0]
    assert (best["name"], best["kind"], best["country"], best["geonameid"]) == ("Kars", "city", "TR", 743952)
    assert (round(best["lat"], 3), round(best["lon"], 3)) == (40.598, 43.085)
    assert best["population"] > 50_000
    scores = [r["score"] for r in rows]
    assert scores == sorted(scores, reverse=True)


def test_lookup_in_process(capsys):
    assert cli.main(["lookup", "Astara", "--country", "Iran", "--json", "--limit", "1"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 1 and rows[0]["country"] == "IR"


def test_lookup_text_output(capsys):
    assert cli.main(["lookup", "Naxçıvan", "--kind", "admin1"]) == 0
    out = capsys.readouterr().out
    assert "Naxçıvan (admin1, AZ.35, AZ)" in out


def test_lookup_unknown_name_exits_1():
    proc = run_cli("lookup", "Qwxzvbnmplk", "--json")
    assert proc.returncode == 1
    assert "no place named 'Qwxzvbnmplk'" in proc.stderr
    assert json.loads(proc.stdout) == []
    _no_traceback(proc)


@pytest.mark.parametrize("name", ["", "   "])
def test_lookup_empty_name_exits_2_with_a_message(name, capsys):
    assert cli.main(["lookup", name]) == 2
    err = capsys.readouterr().err
    assert "place name is empty" in err
    assert "Traceback" not in err


def test_lookup_empty_name_subprocess():
    proc = run_cli("lookup", "")
    assert proc.returncode == 2
    assert "geodrills lookup: error: place name is empty" in proc.stderr
    _no_traceback(proc)


@pytest.mark.parametrize("args, fragment", [
    (["--kind", "planet"], "unknown place kind 'planet'"),
    (["--country", "Narnia"], "unknown country 'Narnia'"),
    (["--limit", "0"], "limit must be at least 1"),
])
def test_lookup_bad_options(args, fragment, capsys):
    assert cli.main(["lookup", "Kars", *args]) == 2
    assert fragment in capsys.readouterr().err


def test_lookup_no_fuzzy(capsys):
    assert cli.main(["lookup", "Nakchivan", "--no-fuzzy", "--json"]) == 1
    assert json.loads(capsys.readouterr().out) == []
    assert cli.main(["lookup", "Nakchivan", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["match"] == "fuzzy"


def test_no_command_prints_help_and_exits_2(capsys):
    assert cli.main([]) == 2
    assert "lookup" in capsys.readouterr().err


# -- geocode: the contract other tools rely on --------------------------------------------------------

@pytest.fixture(scope="module")
def jsonl_run() -> subprocess.CompletedProcess:
    return run_cli("geocode", "seeds/", "--format", "jsonl")


def test_geocode_jsonl_contract(jsonl_run):
    assert jsonl_run.returncode == 0, jsonl_run.stderr
    rows = [json.loads(line) for line in jsonl_run.stdout.splitlines()]
    assert len(rows) > 100
    texts = {p.name: p.read_bytes().decode("utf-8") for p in SEED_FILES}
    assert {r["article"] for r in rows} == set(texts)
    for r in rows:
        for key in JSONL_FIELDS:
            assert key in r, key
        # offsets in Python characters over the file read as UTF-8
        assert texts[r["article"]][r["start"]:r["end"]] == r["text"], r
        assert isinstance(r["lat"], float) and isinstance(r["lon"], float)
        assert r["country"] is None or (len(r["country"]) == 2 and r["country"].isupper())
        assert r["geonameid"] is None or isinstance(r["geonameid"], int)
        assert 0 <= r["score"] <= 1
    kars = [r for r in rows if r["text"] == "Kars" and r["article"].startswith("000")]
    assert kars and kars[0]["geonameid"] == 743952


def test_geocode_jsonl_matches_the_python_api(jsonl_run):
    from geodrills.mentions import geoparse

    rows = [json.loads(line) for line in jsonl_run.stdout.splitlines()]
    api = [m.to_dict() for p in SEED_FILES for m in geoparse(p)]
    assert [(r["article"], r["start"], r["end"], r["place_id"]) for r in rows] == \
           [(r["article"], r["start"], r["end"], r["place_id"]) for r in api]


def test_geocode_jsonl_is_byte_identical_across_runs(jsonl_run):
    again = run_cli("geocode", "seeds/", "--format", "jsonl")
    assert again.stdout == jsonl_run.stdout


@pytest.mark.parametrize("fmt", ["csv", "geojson"])
def test_geocode_csv_and_geojson_parse_and_are_byte_identical(fmt, tmp_path, jsonl_run):
    rows = [json.loads(line) for line in jsonl_run.stdout.splitlines()]
    first = run_cli("geocode", str(SEEDS), "--format", fmt)
    second = run_cli("geocode", str(SEEDS), "--format", fmt)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    if fmt == "csv":
        table = list(csv.DictReader(io.StringIO(first.stdout)))
        assert len(table) == len(rows)
        for t, r in zip(table, rows):
            assert t["article"] == r["article"] and int(t["start"]) == r["start"] and t["text"] == r["text"]
            assert float(t["lat"]) == r["lat"] and float(t["lon"]) == r["lon"]
            assert (t["geonameid"] or None) == (str(r["geonameid"]) if r["geonameid"] is not None else None)
    else:
        fc = json.loads(first.stdout)
        assert fc["type"] == "FeatureCollection"
        assert len(fc["features"]) == len(rows)
        for f, r in zip(fc["features"], rows):
            assert f["geometry"] == {"type": "Point", "coordinates": [r["lon"], r["lat"]]}
            assert f["properties"]["text"] == r["text"]


def test_geocode_output_file(tmp_path, jsonl_run):
    out = tmp_path / "mentions.jsonl"
    proc = run_cli("geocode", "seeds/", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    assert out.read_text(encoding="utf-8") == jsonl_run.stdout
    assert [p.name for p in tmp_path.iterdir()] == ["mentions.jsonl"]  # no temp file left


def test_output_is_written_atomically(tmp_path):
    from geodrills._cli._output import write_text

    out = tmp_path / "keep.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    # A lone surrogate cannot be encoded: the write fails half-way.
    with pytest.raises(UnicodeEncodeError):
        write_text('{"text": "ok"}\n' * 1000 + "\ud800", str(out))
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.jsonl"]


def test_output_to_a_missing_folder_or_a_directory(tmp_path, capsys):
    one = str(SEED_FILES[0])
    assert cli.main(["geocode", one, "-o", str(tmp_path / "no" / "x.jsonl")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert cli.main(["geocode", one, "-o", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_geocode_in_process_writes_stdout(capsys):
    assert cli.main(["geocode", str(SEED_FILES[4]), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    astara = [r for r in rows if r["text"] == "Astara"]
    assert astara and astara[0]["country"] == "AZ" and astara[0]["geonameid"] == 148445


# -- geocode: bad inputs among good ones -----------------------------------------------------------------

@pytest.fixture()
def mixed(tmp_path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a_good.txt").write_text("Turkish troops arrived in Kars.", encoding="utf-8")
    (d / "b_latin1.txt").write_bytes("Café in Baku".encode("latin-1"))
    (d / "c_empty.txt").write_bytes(b"")
    (d / "d_binary.txt").write_bytes(b"GIF89a\x00\x00\x01\x02")
    (d / "e_good.txt").write_text("Drills near Astara and Baku.", encoding="utf-8")
    return d


def test_bad_files_are_reported_and_the_rest_processed(mixed):
    proc = run_cli("geocode", str(mixed), str(mixed / "missing.txt"))
    assert proc.returncode != 0
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(r["article"], r["text"]) for r in rows] == [("a_good.txt", "Kars"), ("e_good.txt", "Astara"),
                                                         ("e_good.txt", "Baku")]
    for bad, why in [("b_latin1.txt", "UTF-8"), ("c_empty.txt", "empty"), ("d_binary.txt", "binary"),
                     ("missing.txt", "no such file")]:
        lines = [line for line in proc.stderr.splitlines() if bad in line]
        assert lines and why in lines[0], (bad, proc.stderr)
    _no_traceback(proc)


def test_bad_file_with_output_file_still_writes_the_good_ones(mixed, tmp_path):
    out = tmp_path / "o.csv"
    proc = run_cli("geocode", str(mixed), "--format", "csv", "-o", str(out))
    assert proc.returncode != 0
    table = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {t["article"] for t in table} == {"a_good.txt", "e_good.txt"}


def test_directory_without_txt(tmp_path):
    (tmp_path / "notes.md").write_text("Kars", encoding="utf-8")
    proc = run_cli("geocode", str(tmp_path))
    assert proc.returncode == 2
    assert f"{tmp_path}: directory has no .txt files" in proc.stderr
    _no_traceback(proc)


def test_bad_utf16_file_among_good_ones(mixed):
    (mixed / "f_bad16.txt").write_bytes(b"\xff\xfe\x00\x00binary\x00")
    proc = run_cli("geocode", str(mixed))
    _no_traceback(proc)
    assert proc.returncode == 2
    assert any("f_bad16.txt" in line and "UTF-16" in line for line in proc.stderr.splitlines()), proc.stderr
    assert "a_good.txt" in proc.stdout and "e_good.txt" in proc.stdout


def test_encoding_option_advertised_by_the_error_exists(tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes("Troops in Göle and Kars".encode("latin-1"))
    first = run_cli("geocode", str(p))
    assert "--encoding" in first.stderr  # what the message tells the user to do...
    proc = run_cli("geocode", "--encoding", "latin-1", str(p))  # ...must work
    assert proc.returncode == 0, proc.stderr
    assert "Kars" in proc.stdout


def test_unknown_format_is_refused():
    proc = run_cli("geocode", "seeds/", "--format", "xml")
    assert proc.returncode == 2
    assert "invalid choice" in proc.stderr


def test_render_refuses_an_unknown_format():
    from geodrills._cli._output import render

    with pytest.raises(InputError, match="xml"):
        render([], "xml")


# -- import cost ----------------------------------------------------------------------------------------

HEAVY = ("folium", "geopandas", "branca", "matplotlib")


def _modules_after(code: str) -> set[str]:
    probe = code + "\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    return set(json.loads(proc.stdout.strip().splitlines()[-1]))


def test_import_geodrills_is_cheap():
    mods = _modules_after("import geodrills")
    assert not {m for m in mods if m.split(".")[0] in HEAVY}
    assert "geodrills.gazetteer" not in mods  # public names are lazy


def test_lookup_and_geoparse_do_not_load_folium_or_geopandas(tmp_path):
    mods = _modules_after(
        "import geodrills\n"
        "geodrills.Gazetteer.default().lookup('Kars')\n"
        "geodrills.geoparse('Troops arrived in Kars and Baku.')\n"
        "from geodrills.cli import main\n"
        f"main(['geocode', {str(SEED_FILES[0])!r}, '-o', {str(tmp_path / 'places.jsonl')!r}])\n"
    )
    assert "geodrills.mentions" in mods
    assert not {m for m in mods if m.split(".")[0] in HEAVY}


def test_distances_place_with_country_picks_that_country():
    # "Astara, Azerbaijan" and "Astara, Iran" are 2.8 km apart on either side of the AZ-IR border.
    proc = run_cli("distances", "--place", "Astara, Azerbaijan", "--place", "Astara, Iran",
                   "--within", "10", "--format", "jsonl")
    _no_traceback(proc)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    by_country = {r["country"]: r for r in rows}
    assert set(by_country) == {"AZ", "IR"}
    assert by_country["AZ"]["border"] == by_country["IR"]["border"] == "AZ-IR"
    assert abs(by_country["AZ"]["km"] - 1.40) < 0.2  # shared/eval/border_distances.csv: Astara (AZ) -> AZ-IR 1.40 km


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_output_to_a_pipe_or_device_is_written_through_not_replaced(tmp_path):
    """``-o /dev/null`` used to rename a temporary file over the device (as root, that broke /dev/null)."""
    import stat
    import threading

    fifo = tmp_path / "out.pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    proc = run_cli("geocode", str(SEED_FILES[0]), "--format", "jsonl", "-o", str(fifo))
    reader.join(timeout=60)
    _no_traceback(proc)
    assert proc.returncode == 0, proc.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still the pipe
    assert got, "nothing was written to the pipe"
    rows = [json.loads(line) for line in got[0].decode("utf-8").splitlines()]
    assert rows and all(r["article"] == SEED_FILES[0].name for r in rows)
    assert not list(tmp_path.glob(".out.pipe.*"))  # no temporary file left behind


def test_output_through_a_symbolic_link_keeps_the_link(tmp_path):
    target = tmp_path / "real.jsonl"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "latest.jsonl"
    link.symlink_to(target)
    proc = run_cli("geocode", str(SEED_FILES[0]), "--format", "jsonl", "-o", str(link))
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert json.loads(target.read_text(encoding="utf-8").splitlines()[0])["article"] == SEED_FILES[0].name


# -- --jobs (issue 18) ------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["geocode", "claims", "distances"])
def test_jobs_2_is_byte_identical_to_jobs_1(tmp_path, command):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert cli.main([command, str(SEEDS), "-o", str(a), "--jobs", "1"]) == 0
    assert cli.main([command, str(SEEDS), "-o", str(b), "--jobs", "2"]) == 0
    assert a.read_bytes() == b.read_bytes() and a.stat().st_size


def test_map_ordered_keeps_input_order_across_chunks():
    from geodrills.parallel import map_ordered

    items = list(range(500))
    assert list(map_ordered(abs, items, jobs=2, chunk=7)) == items


def test_jobs_must_be_positive(capsys):
    with pytest.raises(SystemExit):
        cli.main(["geocode", str(SEEDS), "--jobs", "0"])
    assert "must be at least 1" in capsys.readouterr().err
