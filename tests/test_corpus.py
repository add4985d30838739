"""Corpus input (issue 18): .txt files and folders, JSON Lines, CSV, Parquet, stdin, pandas — and bad rows."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from geodrills.cli import main
from geodrills.corpus import Columns, RowError, iter_articles, iter_batches, parse_date
from geodrills.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
SEED_FILES = sorted((ROOT / "seeds").glob("*.txt"))
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in SEED_FILES]


def _frame() -> pd.DataFrame:
    return pd.DataFrame({"id": [f"s{i}" for i in range(len(SEED_TEXTS))], "text": SEED_TEXTS,
                         "date": [f"2022-0{i + 1}-15" for i in range(len(SEED_TEXTS))],
                         "title": [f"Title {i}" for i in range(len(SEED_TEXTS))]})


def _write(tmp_path: Path, fmt: str, frame: pd.DataFrame | None = None) -> Path:
    frame = _frame() if frame is None else frame
    path = tmp_path / f"corpus.{fmt}"
    if fmt == "jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in frame.to_dict("records")), encoding="utf-8")
    elif fmt == "csv":
        frame.to_csv(path, index=False)
    else:
        frame.to_parquet(path, index=False)
    return path


def _rows(out: Path) -> list[dict]:
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_tables_give_the_same_articles_as_the_frame(tmp_path, fmt):
    arts = list(iter_articles(_write(tmp_path, fmt)))
    assert [a.name for a in arts] == [f"s{i}" for i in range(5)]
    assert [a.text for a in arts] == SEED_TEXTS  # text exactly as given: offsets index into it
    assert [a.date.isoformat() for a in arts] == [f"2022-0{i + 1}-15" for i in range(5)]
    assert [a.title for a in arts] == [f"Title {i}" for i in range(5)]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_geocode_of_a_table_equals_geocode_of_the_files_but_for_the_id(tmp_path, fmt):
    out_t, out_f = tmp_path / "t.jsonl", tmp_path / "f.jsonl"
    assert main(["geocode", str(_write(tmp_path, fmt)), "-o", str(out_t), "--jobs", "1"]) == 0
    assert main(["geocode", *map(str, SEED_FILES), "-o", str(out_f), "--jobs", "1"]) == 0
    by_id = {f"s{i}": p.name for i, p in enumerate(SEED_FILES)}
    table = [dict(r, article=by_id[r["article"]]) for r in _rows(out_t)]
    assert table == _rows(out_f) and table


def test_custom_columns_and_the_announcement(tmp_path, capsys):
    frame = _frame().rename(columns={"text": "body", "id": "url"}).drop(columns=["title"])
    path = _write(tmp_path, "parquet", frame)
    assert main(["geocode", str(path), "--text-column", "body", "--id-column", "url", "-o",
                 str(tmp_path / "o.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "text from 'body', id from 'url', date from 'date', no title column" in err
    assert {r["article"] for r in _rows(tmp_path / "o.jsonl")} == {f"s{i}" for i in range(5)}


def test_missing_text_column_names_the_file_and_the_columns(tmp_path, capsys):
    path = _write(tmp_path, "csv", _frame().rename(columns={"text": "body"}))
    assert main(["geocode", str(path), str(SEED_FILES[0]), "-o", str(tmp_path / "o.jsonl")]) == 2
    err = capsys.readouterr().err
    assert f"{path}: no column 'text'" in err and "'body'" in err and "--text-column" in err
    assert {r["article"] for r in _rows(tmp_path / "o.jsonl")} == {SEED_FILES[0].name}


def test_an_explicit_column_must_exist(tmp_path, capsys):
    path = _write(tmp_path, "parquet")
    assert main(["geocode", str(path), "--date-column", "published", "-o", str(tmp_path / "o.jsonl")]) == 2
    assert "no column 'published'" in capsys.readouterr().err


def test_without_an_id_column_rows_are_named_by_file_and_row(tmp_path):
    path = _write(tmp_path, "jsonl", _frame().drop(columns=["id"]))
    assert [a.name for a in iter_articles(path)] == [f"corpus.jsonl:{i}" for i in range(1, 6)]


def test_bad_rows_are_reported_with_file_and_row_and_the_rest_written(tmp_path, capsys):
    good = _frame()
    csv_path = tmp_path / "c.csv"
    rows = good.to_dict("records")
    rows[1]["text"] = ""  # an empty text
    rows[2]["date"] = "yesterday"  # a date that does not parse: the article is kept, the row reported
    pd.DataFrame(rows).to_csv(csv_path, index=False)
    jsonl = tmp_path / "j.jsonl"
    lines = [json.dumps(r) for r in good.assign(id=[f"j{i}" for i in range(5)]).to_dict("records")]
    lines[3] = '{"id": "j3", "text": "Drills in Kars'  # not JSON
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["geocode", str(csv_path), str(jsonl), "-o", str(out), "--jobs", "1"]) == 2
    err = capsys.readouterr().err
    assert f"{csv_path}: row 2: empty or missing text" in err
    assert f"{csv_path}: row 3: date 'yesterday' does not parse" in err
    assert f"{jsonl}: line 4: not JSON" in err
    assert "Traceback" not in err
    got = {r["article"] for r in _rows(out)}
    assert got == {"s0", "s2", "s3", "s4", "j0", "j1", "j2", "j4"}
    assert "8 articles, 3 bad inputs" in err


@pytest.mark.parametrize("damage", ["truncated", "garbage"])
def test_corrupt_parquet_is_reported_and_the_other_inputs_processed(tmp_path, capsys, damage):
    path = _write(tmp_path, "parquet")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2] if damage == "truncated" else b"PAR1" + os.urandom(300))
    out = tmp_path / "o.jsonl"
    assert main(["geocode", str(path), str(SEED_FILES[0]), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{path}: not a readable Parquet file" in err and "Traceback" not in err
    assert {r["article"] for r in _rows(out)} == {SEED_FILES[0].name}


def test_stdin_is_json_lines(tmp_path):
    data = "".join(json.dumps({"id": f"x{i}", "text": t}) + "\n" for i, t in enumerate(SEED_TEXTS[:2]))
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-m", "geodrills", "geocode", "-"], input=data, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert {json.loads(line)["article"] for line in proc.stdout.splitlines()} == {"x0", "x1"}
    assert "2 articles" in proc.stderr


def test_series_and_frame_sources():
    s = pd.Series(["Drills in Kars.", "Troops in Baku."], index=["a", "b"])
    assert [(a.name, a.text) for a in iter_articles(s)] == [("a", "Drills in Kars."), ("b", "Troops in Baku.")]
    assert [a.name for a in iter_articles(_frame())] == [f"s{i}" for i in range(5)]


def test_api_functions_take_every_corpus_source(tmp_path):
    from geodrills.claims import check_claims
    from geodrills.events import extract_events
    from geodrills.mentions import geoparse_frame

    path = _write(tmp_path, "parquet")
    frame = geoparse_frame(path)
    assert set(frame["article"]) == {f"s{i}" for i in range(5)}
    assert frame.equals(geoparse_frame(_frame())) and frame.equals(geoparse_frame(str(path)))
    assert set(frame["date"].dropna()) <= {f"2022-0{i + 1}-15" for i in range(5)}
    claims = check_claims(_frame())
    assert len(claims) and set(claims["article"]) <= {f"s{i}" for i in range(5)}
    events = extract_events(path)
    assert len(events) and all(set(a) <= {f"s{i}" for i in range(5)} for a in events["articles"])


def test_row_errors_raise_by_default_in_the_api(tmp_path):
    frame = _frame()
    frame.loc[1, "text"] = None
    with pytest.raises(RowError, match="row 2: empty or missing text"):
        list(iter_articles(frame))
    assert len(list(iter_articles(frame, on_error="skip"))) == 4


def test_columns_of_and_parse_date():
    assert Columns.of(id="url").explicit == frozenset({"id"})
    assert parse_date("2022-12-05") == parse_date("2022-12-05 10:00") == parse_date(pd.Timestamp("2022-12-05"))
    assert parse_date("12/05/2022") is None and parse_date(3.5) is None


def test_over_long_jsonl_line_is_one_bad_row(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"id": "big", "text": "Kars " * 2000}) + "\n"
                    + json.dumps({"id": "ok", "text": "Drills in Baku."}) + "\n", encoding="utf-8")
    errors: list[InputError] = []
    arts = list(iter_articles(path, max_bytes=1000, on_error=errors.append))
    assert [a.name for a in arts] == ["ok"]
    assert len(errors) == 1 and "line 1" in str(errors[0])


# -- the examples in the docstrings of the corpus/output modules run as written ----------------------------

@pytest.mark.parametrize("module", ["geodrills.corpus", "geodrills.outputs", "geodrills.schema", "geodrills.parallel",
                                    "geodrills.pipeline", "geodrills._cli.distances", "geodrills._progress",
                                    "geodrills.articles", "geodrills.atomic"])
def test_docstring_examples(module):
    import doctest
    import importlib

    mod = importlib.import_module(module)
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0 and result.attempted > 0


def test_a_missing_table_is_reported_not_parsed_as_text(tmp_path):
    from geodrills.mentions import geoparse_frame

    with pytest.raises(InputError, match="no such file"):
        geoparse_frame(str(tmp_path / "missing.parquet"))


def test_parquet_is_read_in_bounded_batches_with_rows_numbered_across_them(tmp_path):
    # One 3,000-row group: read a piece at a time (never the whole group as Python lists), every
    # batch at most `size` rows, and a bad row named by its number however the pieces fall.
    import pyarrow as pa
    import pyarrow.parquet as pq

    from geodrills.corpus import PARQUET_BATCH_ROWS

    n = 3 * PARQUET_BATCH_ROWS - 72
    texts = [f"Sappers trained near Gyumri, day {i}." for i in range(n)]
    texts[2_500] = ""
    path = tmp_path / "one_group.parquet"
    pq.write_table(pa.table({"id": [f"r{i}" for i in range(n)], "text": texts}), path, row_group_size=n)
    batches = list(iter_batches(path, size=100))
    assert max(len(b) for b in batches) <= 100
    errors: list[Exception] = []
    names = [a.name for b in batches for a in b.articles(errors.append)]
    assert names == [f"r{i}" for i in range(n) if i != 2_500]
    assert [str(e) for e in errors] == [f"{path}: row 2501: empty or missing text (column 'text')"]


def test_parquet_with_many_row_groups_is_read_group_by_group_in_order(tmp_path):
    # Read a row group at a time (a reader over the whole file holds more the more groups it has):
    # the rows still come in file order, numbered across the groups.
    import pyarrow as pa
    import pyarrow.parquet as pq

    n = 1_000
    texts = [f"Engineers bridged a river near Ruse, row {i}." for i in range(n)]
    texts[777] = " "
    path = tmp_path / "groups.parquet"
    pq.write_table(pa.table({"id": [f"g{i}" for i in range(n)], "text": texts}), path, row_group_size=130)
    assert pq.ParquetFile(path).num_row_groups == 8
    errors: list[Exception] = []
    names = [a.name for b in iter_batches(path, size=64) for a in b.articles(errors.append)]
    assert names == [f"g{i}" for i in range(n) if i != 777]
    assert [str(e) for e in errors] == [f"{path}: row 778: empty or missing text (column 'text')"]
