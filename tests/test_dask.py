"""geodrills.dask and ``--dask`` on a real dask.distributed LocalCluster (issue 18)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pytest.importorskip("dask_geopandas")

from geodrills.cli import main  # noqa: E402
from geodrills.dask import claims_partitions, distances_partitions, geoparse_partitions  # noqa: E402
from geodrills.schema import CLAIM_COLUMNS, DISTANCE_COLUMNS, FRAME_COLUMNS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED_FILES = sorted((ROOT / "seeds").glob("*.txt"))


def _frame() -> pd.DataFrame:
    return pd.DataFrame({"id": [p.stem for p in SEED_FILES], "text": [p.read_text("utf-8") for p in SEED_FILES],
                         "date": ["2022-12-05"] * len(SEED_FILES)})


@pytest.fixture(scope="module")
def threads_client():
    """A LocalCluster of 2 in-process workers: starts in well under a second."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        yield client


def test_geoparse_partitions_equals_geoparse_frame(threads_client):
    from geodrills.mentions import geoparse_frame

    ddf = dd.from_pandas(_frame(), npartitions=2)
    lazy = geoparse_partitions(ddf)
    assert type(lazy).__module__.startswith("dask_geopandas")
    got = lazy.compute().reset_index(drop=True)
    want = geoparse_frame(_frame())
    assert list(got.columns) == FRAME_COLUMNS and got.crs.to_epsg() == 4326
    cols = ["article", "start", "end", "name", "country", "lat", "lon", "date"]
    assert got[cols].values.tolist() == want[cols].values.tolist() and len(got)


def test_claims_and_distances_partitions(threads_client):
    from geodrills.claims import check_claims

    ddf = dd.from_pandas(_frame(), npartitions=2)
    claims = claims_partitions(ddf).compute().reset_index(drop=True)
    assert list(claims.columns) == CLAIM_COLUMNS + ["geometry"]
    want = check_claims(_frame())
    assert claims[["article", "text", "verdict"]].values.tolist() == want[["article", "text", "verdict"]].values.tolist()
    dist = distances_partitions(ddf, within_km=50).compute()
    assert list(dist.columns) == DISTANCE_COLUMNS + ["geometry"] and len(dist) and dist.crs.to_epsg() == 4326
    assert set(dist["article"]) <= set(_frame()["id"])


def test_missing_text_column_is_a_clear_error(threads_client):
    from geodrills.errors import InputError

    with pytest.raises(InputError, match="no column 'body'"):
        geoparse_partitions(dd.from_pandas(_frame(), npartitions=1), text="body")


@pytest.mark.slow
def test_cli_dask_on_a_process_cluster_is_byte_identical_to_jobs_1(tmp_path):
    corpus = tmp_path / "c.parquet"
    _frame().to_parquet(corpus, index=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        for command in ("geocode", "claims", "distances"):
            a, b = tmp_path / f"{command}_1.jsonl", tmp_path / f"{command}_dask.jsonl"
            assert main([command, str(corpus), "-o", str(a), "--jobs", "1"]) == 0
            assert main([command, str(corpus), "-o", str(b), "--dask", cluster.scheduler_address]) == 0
            assert a.read_bytes() == b.read_bytes() and a.stat().st_size
        rows = [json.loads(line) for line in (tmp_path / "geocode_dask.jsonl").read_text().splitlines()]
        assert {r["article"] for r in rows} == set(_frame()["id"])


def test_cli_dask_with_a_bad_address_is_a_clear_error(capsys, monkeypatch):
    import geodrills._cli._output as output

    monkeypatch.setattr(output, "DASK_CONNECT_S", 1)
    assert main(["geocode", str(SEED_FILES[0]), "--dask", "tcp://127.0.0.1:9", "--jobs", "1"]) == 2
    err = capsys.readouterr().err
    assert "cannot reach the scheduler" in err and "Traceback" not in err


def test_worker_environ_turns_off_the_profiler_of_a_worker_started_with_it():
    # The variables must name real Dask settings, or the workers' memory grows again with the run's time.
    import os
    import subprocess
    import sys

    from geodrills.dask import WORKER_ENVIRON

    code = ("import dask.config, distributed; "
            "print(dask.config.get('distributed.worker.profile.enabled'))")
    env = dict(os.environ, **WORKER_ENVIRON)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"  # (Dask's default is True)
