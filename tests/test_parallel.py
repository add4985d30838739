"""--jobs N (issue 18): workers make the articles and the output bytes; the parent only cuts and appends."""

from __future__ import annotations

import json
import pickle
import signal
import sys
from pathlib import Path

import pandas as pd
import pytest

from geodrills.cli import main
from geodrills.corpus import RowError, iter_batches
from geodrills.parallel import map_ordered

ROOT = Path(__file__).resolve().parent.parent
SEED_FILES = sorted((ROOT / "seeds").glob("*.txt"))


def _corpus(tmp_path: Path, copies: int = 14) -> Path:
    """A Parquet corpus of the seeds, repeated so that it spans several batches, with two bad rows."""
    texts = [p.read_text(encoding="utf-8") for p in SEED_FILES] * copies
    frame = pd.DataFrame({"id": [f"a{i}" for i in range(len(texts))], "text": texts,
                          "date": ["2022-12-05"] * len(texts)})
    frame.loc[3, "text"] = " "  # empty
    frame.loc[40, "date"] = "yesterday"  # kept, reported
    path = tmp_path / "c.parquet"
    frame.to_parquet(path, index=False)
    return path


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson", "parquet"])
def test_jobs_2_writes_the_bytes_of_jobs_1_in_every_format(tmp_path, fmt, capsys):
    corpus = _corpus(tmp_path)
    a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    assert main(["geocode", str(corpus), "-o", str(a), "--jobs", "1"]) == 2
    err1 = capsys.readouterr().err
    assert main(["geocode", str(corpus), "-o", str(b), "--jobs", "2"]) == 2
    err2 = capsys.readouterr().err
    assert a.read_bytes() == b.read_bytes() and a.stat().st_size > 1000
    # the same problems, named by file and row, in the same order, and the same summary
    assert err1.replace(str(a), str(b)) == err2
    assert f"{corpus}: row 4: empty or missing text" in err2 and f"{corpus}: row 41: date 'yesterday'" in err2
    assert "69 articles, 2 bad inputs" in err2


def test_jobs_2_gpkg_has_the_rows_of_jobs_1(tmp_path):
    import geopandas

    corpus = _corpus(tmp_path, copies=2)
    a, b = tmp_path / "a.gpkg", tmp_path / "b.gpkg"
    assert main(["geocode", str(corpus), "-o", str(a), "--jobs", "1"]) == 2
    assert main(["geocode", str(corpus), "-o", str(b), "--jobs", "2"]) == 2
    fa, fb = geopandas.read_file(a), geopandas.read_file(b)  # SQLite pages carry timestamps: compare rows
    assert len(fa) > 100 and fa.equals(fb) and fb.crs.to_epsg() == 4326


def test_bad_rows_among_jsonl_lines_keep_their_place(tmp_path, capsys):
    lines = [json.dumps({"id": f"j{i}", "text": p.read_text(encoding="utf-8")}) for i, p in enumerate(SEED_FILES)]
    lines.insert(2, "{not json")
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(lines * 10) + "\n", encoding="utf-8")
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"o{jobs}.jsonl"
        assert main(["geocode", str(path), "-o", str(out), "--jobs", jobs]) == 2
        outs.append((out.read_bytes(), capsys.readouterr().err.replace(str(out), "OUT")))
    assert outs[0] == outs[1]
    err = outs[1][1]
    assert f"{path}: line 3: not JSON" in err and f"{path}: line 57: not JSON" in err
    assert "50 articles, 10 bad inputs" in err


def test_batches_are_cheap_to_send_and_read_the_same_after():
    frame = pd.DataFrame({"id": ["a", "b", "c"], "text": ["Drills in Kars.", None, "Troops in Baku."]})
    batches = list(iter_batches(frame, size=2))
    assert [len(b) for b in batches] == [2, 1]
    errors: list[Exception] = []
    moved = pickle.loads(pickle.dumps(batches))
    assert [a.name for b in moved for a in b.articles(errors.append)] == ["a", "c"]
    assert isinstance(errors[0], RowError) and "row 2" in str(errors[0])
    again = pickle.loads(pickle.dumps(errors[0]))  # a row error travels back from a worker intact
    assert isinstance(again, RowError) and (again.source, again.row) == ("<DataFrame>", 2)


def test_map_ordered_keeps_order_with_batches_of_one():
    assert list(map_ordered(abs, range(-40, 0), jobs=2, chunk=1)) == list(range(40, 0, -1))


@pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGTERM are POSIX")
def test_a_pool_that_finishes_at_once_never_hangs_on_its_idle_workers():
    # One item, two workers, and a SIGTERM handler in the parent (as the CLI installs): the pool was
    # terminated while a worker was still starting, Python swallowed the signal in the worker
    # ("ignored due to race condition") and the parent waited for it forever.
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    try:
        for _ in range(25):
            assert list(map_ordered(abs, [-1], jobs=2, chunk=1, warm=lambda: None)) == [1]
    finally:
        signal.signal(signal.SIGTERM, previous)


@pytest.mark.parametrize("jobs", [1, 2])
def test_map_ordered_reads_ahead_only_a_window_of_chunks(jobs):
    # Memory stays flat over any corpus length: the input is pulled lazily, at most
    # jobs * WINDOW_PER_WORKER chunks ahead of the results handed out.
    from geodrills.parallel import WINDOW_PER_WORKER

    pulled = 0

    def items():
        nonlocal pulled
        for i in range(10_000):
            pulled += 1
            yield -i

    results = map_ordered(abs, items(), jobs=jobs, chunk=4, warm=lambda: None)
    assert [next(results) for _ in range(10)] == list(range(10))
    assert pulled <= 10 + jobs * WINDOW_PER_WORKER * 4 + 4
    results.close()  # stops the pool
