"""Every command x every output format (issue 18): same rows back, EPSG:4326, deterministic bytes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import geopandas
import pytest

from geodrills.cli import main
from geodrills.errors import InputError
from geodrills.outputs import csv_safe, infer_format, open_rows
from geodrills.schema import CLAIM_COLUMNS, DISTANCE_COLUMNS, EVENT_OUTPUT_COLUMNS, GEOCODE_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = str(ROOT / "seeds")
COMMANDS = {"geocode": GEOCODE_COLUMNS, "distances": DISTANCE_COLUMNS, "claims": CLAIM_COLUMNS,
            "events": EVENT_OUTPUT_COLUMNS}


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> dict[str, list[dict]]:
    """Each command's JSON Lines rows on the seeds."""
    out = {}
    for command in COMMANDS:
        path = tmp_path_factory.mktemp(command) / "ref.jsonl"
        assert main([command, SEEDS, "-o", str(path), "--jobs", "1"] if command != "events"
                    else [command, SEEDS, "-o", str(path)]) == 0
        out[command] = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert out[command], command
    return out


def _same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (a != a and b != b)
    return a == b


def _normal(value):
    """A value as JSON Lines has it, from what a typed format read back."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "tolist") and getattr(value, "ndim", 0) > 0:
        return value.tolist()
    if hasattr(value, "item"):
        value = value.item()
    return value


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("fmt", ["csv", "geojson", "gpkg", "parquet"])
def test_every_command_round_trips_every_format(tmp_path, reference, command, fmt):
    ref = reference[command]
    path = tmp_path / f"out.{fmt}"
    args = [command, SEEDS, "-o", str(path)] + (["--jobs", "1"] if command != "events" else [])
    assert main(args) == 0
    columns = [c for c in COMMANDS[command]]
    if fmt == "csv":
        with open(path, encoding="utf-8", newline="") as fh:
            got = list(csv.DictReader(fh))
        assert list(got[0]) == columns and len(got) == len(ref)
        for r, g in zip(ref, got):
            for c in columns:
                want = r[c]
                text = "" if want is None else (json.dumps(want, ensure_ascii=False) if isinstance(want, (list, dict))
                                                else str(want))
                assert g[c] == (csv_safe(text) if isinstance(want, (str, list, dict)) else text), (c, g[c], want)
        return
    frame = geopandas.read_parquet(path) if fmt == "parquet" else geopandas.read_file(path)
    assert frame.crs.to_epsg() == 4326
    assert len(frame) == len(ref)
    assert [c for c in frame.columns if c != "geometry"] == columns
    for r, (_, row) in zip(ref, frame.iterrows()):
        for c in columns:
            got, want = _normal(row[c]), r[c]
            if isinstance(want, (list, dict)):
                got = json.loads(got) if fmt != "geojson" else got
            assert _same(got, want), (c, got, want)
        geom = row.geometry
        if r.get("lat") is None:
            assert geom is None or not hasattr(geom, "is_empty") or geom.is_empty
        else:
            assert (round(geom.x, 7), round(geom.y, 7)) == (round(r["lon"], 7), round(r["lat"], 7))


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson", "parquet"])
def test_output_bytes_are_deterministic(tmp_path, fmt):
    a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    for p in (a, b):
        assert main(["geocode", SEEDS, "-o", str(p), "--jobs", "1"]) == 0
    assert a.read_bytes() == b.read_bytes()


def test_format_from_the_extension_and_unknown_extensions(tmp_path, capsys):
    assert infer_format("x.GPKG", None) == "gpkg" and infer_format("x.ndjson", None) == "jsonl"
    assert main(["geocode", SEEDS, "-o", str(tmp_path / "places.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "places.xlsx: cannot tell the format from the extension '.xlsx'" in err and ".gpkg" in err
    assert not (tmp_path / "places.xlsx").exists()
    assert main(["geocode", SEEDS, "--format", "parquet"]) == 2
    assert "needs an output file" in capsys.readouterr().err
    # --format wins over the extension
    assert main(["geocode", SEEDS, "-o", str(tmp_path / "p.txt"), "--format", "csv", "--jobs", "1"]) == 0
    assert (tmp_path / "p.txt").read_text(encoding="utf-8").startswith("article,start,end")


def test_gpkg_is_a_geopackage_not_json_lines(tmp_path):
    """The issue's first reproduction: `geocode seeds -o places.gpkg` wrote JSON Lines into the file."""
    path = tmp_path / "places.gpkg"
    assert main(["geocode", SEEDS, "-o", str(path), "--jobs", "1"]) == 0
    assert path.read_bytes()[:16] == b"SQLite format 3\x00"
    assert [p.name for p in tmp_path.iterdir()] == ["places.gpkg"]  # no temporary file left


def test_csv_cells_cannot_become_formulas(tmp_path):
    buf = io.StringIO()
    hostile = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "plain", "a=b"]
    with open_rows(None, "csv", ["article", "km", "n"], stdout=buf) as sink:
        sink.write([{"article": h, "km": -1.5, "n": -3} for h in hostile])
    rows = list(csv.reader(io.StringIO(buf.getvalue())))[1:]
    assert [r[0] for r in rows] == ["'" + h for h in hostile[:6]] + ["plain", "a=b"]
    assert all(r[1] == "-1.5" and r[2] == "-3" for r in rows)  # numbers stay numbers


def test_the_sink_refuses_what_it_cannot_write():
    with pytest.raises(InputError, match="unknown output format"):
        infer_format(None, "xml")


def test_parquet_sink_holds_at_most_one_row_group_and_writes_even_groups(tmp_path, monkeypatch):
    # Bounded memory whatever the output length: rows wait only until a group of BATCH_ROWS is full,
    # and the groups do not depend on how the rows arrived (so --jobs N writes the bytes of --jobs 1).
    import pyarrow.parquet as pq

    from geodrills import outputs

    monkeypatch.setattr(outputs, "BATCH_ROWS", 100)
    path = tmp_path / "p.parquet"
    with open_rows(str(path), None, GEOCODE_COLUMNS) as sink:
        for lo in range(0, 1_050, 30):
            sink.write([{"article": f"a{i}", "start": i, "lat": 40.0, "lon": 44.0} for i in range(lo, lo + 30)])
            assert sink.pending_rows < 100
    meta = pq.ParquetFile(path).metadata
    assert [meta.row_group(i).num_rows for i in range(meta.num_row_groups)] == [100] * 10 + [50]


def test_parquet_sink_writes_the_bytes_of_one_contiguous_table_whatever_the_cut(tmp_path, monkeypatch):
    # The sink keeps a group as WRITE_BATCH_ROWS-row pieces instead of one contiguous copy; the writer
    # must still meet the same batches.  Unique long strings push the string columns past the writer's
    # 1 MB dictionary limit (plain encoding) and over several 1 MB data pages, where the page cuts would
    # move with the batches' boundaries if the pieces were cut anywhere else.
    import random

    import pyarrow.parquet as pq

    from geodrills import outputs

    monkeypatch.setattr(outputs, "BATCH_ROWS", 5_000)  # several groups, and a last one that is short
    rng = random.Random(7)
    rows = [{"article": f"report {i} " + "".join(rng.choice("abcdefghij klmnop") for _ in range(300)),
             "start": i, "name": f"Valley {i % 97}", "lat": 40.0 + i / 1e5, "lon": 44.0} for i in range(12_345)]
    ref = tmp_path / "ref.parquet"
    table = outputs.Encoder("parquet", tuple(GEOCODE_COLUMNS))(rows).data
    with ref.open("wb") as fh, pq.ParquetWriter(fh, table.schema, compression="zstd") as writer:
        for lo in range(0, len(rows), outputs.BATCH_ROWS):
            writer.write_table(table.slice(lo, outputs.BATCH_ROWS).combine_chunks())
    assert pq.ParquetFile(ref).metadata.row_group(0).column(0).total_uncompressed_size > 1_200_000
    for cut in ([7, 1_000, 3, 2_500], [4_999, 1, 1_024], [12_345]):
        path = tmp_path / f"cut{cut[0]}.parquet"
        with open_rows(str(path), None, GEOCODE_COLUMNS) as sink:
            lo, i = 0, 0
            while lo < len(rows):
                sink.write(rows[lo:lo + cut[i % len(cut)]])
                lo, i = lo + cut[i % len(cut)], i + 1
        assert path.read_bytes() == ref.read_bytes(), cut
