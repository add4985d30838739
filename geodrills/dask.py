"""More than one machine: geoparse, measure and check a Dask DataFrame of articles, partition by partition.

Each function maps one pure per-partition function over the partitions
(``map_partitions``) and returns a dask-geopandas GeoDataFrame (EPSG:4326)
with the columns of :mod:`geodrills.schema`.  Nothing runs until you
``.compute()``, ``.to_parquet()`` or iterate the partitions; each worker
loads the bundled gazetteer once (memory-mapped tries, shared by its threads).

Rows that cannot be read (empty text, a bad date) are reported as warnings
on the worker that read them (and logged by ``distributed``); the rest of the
partition is processed.  Needs ``pip install 'geodrills[dask]'``.

Start the workers with :data:`WORKER_ENVIRON` (``dask worker`` reads it from
the environment): it turns off Dask's statistical profiler, whose history
grows a worker's memory for the first ≈ 17 minutes of any long run.

Examples
--------
>>> import dask.dataframe as dd, pandas as pd                       # doctest: +SKIP
>>> ddf = dd.from_pandas(pd.DataFrame({"id": ["a"], "text": ["Drills near Kars."]}), npartitions=1)
>>> geoparse_partitions(ddf).compute()[["article", "name"]].values.tolist()  # doctest: +SKIP
[['a', 'Kars']]
"""

from __future__ import annotations

import warnings
from typing import Any

from ._optional import import_optional
from .schema import CLAIM_COLUMNS, DISTANCE_COLUMNS, FRAME_COLUMNS, column_type

__all__ = ["geoparse_partitions", "distances_partitions", "claims_partitions", "WORKER_ENVIRON"]

#: Environment for the ``dask worker`` processes that run geodrills work.  Dask's statistical profiler
#: samples each worker's stacks every 10 ms and keeps the call trees of the last 1,000 one-second
#: cycles (``distributed.admin.low-level-log-length`` × ``distributed.worker.profile.cycle``).
#: Geoparsing's deep, varied stacks make that ≈ 85 KB a second per worker: memory that grows with
#: the run's length until 1,000 s, then stays (+33 MB per worker over a 300k-article run,
#: ≈ 85 MB per worker from 17 minutes on).  Off, a worker's memory stays flat.
WORKER_ENVIRON = {"DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED": "False"}


def _columns(text: str, id: str | None, date: str | None, title: str | None):
    from .corpus import Columns

    return Columns.of(text=text, id=id or "__geodrills_id", date=date, title=title)


def _articles(pdf: Any, text: str, id: str | None, date: str | None, title: str | None) -> list[Any]:
    """The partition's rows as Articles (its index as the id when ``id`` is None)."""
    from .corpus import iter_articles

    if id is None:
        pdf = pdf.assign(__geodrills_id=[str(i) for i in pdf.index])
    if date is not None and date not in pdf.columns:
        date = None
    if title is not None and title not in pdf.columns:
        title = None
    return list(iter_articles(pdf, columns=_columns(text, id, date, title),
                              on_error=lambda exc: warnings.warn(f"geodrills: {exc}", stacklevel=2)))


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> Any:
    """A GeoDataFrame of ``rows`` with the schema's dtypes (equal for every partition and the meta)."""
    gpd = import_optional("geopandas", feature="geodrills.dask", extra="dask")
    pd = import_optional("pandas", feature="geodrills.dask", extra="dask")
    names = [c for c in columns if c != "geometry"]
    frame = pd.DataFrame(rows, columns=names)
    for c in names:
        kind = column_type(c)
        frame[c] = frame[c].astype({"int": "Int64", "float": "float64", "bool": "boolean"}.get(kind, "object"))
    geometry = gpd.points_from_xy(frame["lon"].astype(float), frame["lat"].astype(float), crs="EPSG:4326")
    return gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")


def _geoparse_partition(pdf: Any, text: str, id: str | None, date: str | None, title: str | None) -> Any:
    from .mentions import geoparse_frame

    arts = _articles(pdf, text, id, date, title)
    rows = geoparse_frame(arts, on_error="warn").drop(columns="geometry").to_dict("records") if arts else []
    return _frame(rows, FRAME_COLUMNS)


def _distances_partition(pdf: Any, text: str, id: str | None, date: str | None, title: str | None,
                         within_km: float) -> Any:
    from .pipeline import measure_places, place_rows

    places: list[dict[str, Any]] = []
    seen: set[str] = set()
    for article in _articles(pdf, text, id, date, title):
        found, problem = place_rows(article)
        if problem:
            warnings.warn(f"geodrills: {problem}", stacklevel=2)
        for p in found:
            if p["place_id"] not in seen:
                seen.add(p["place_id"])
                places.append(p)
    return _frame(measure_places(places, within_km), DISTANCE_COLUMNS)


def _claims_partition(pdf: Any, text: str, id: str | None, date: str | None, title: str | None,
                      near_km: float, far_km: float, on_km: float) -> Any:
    from .pipeline import claim_rows

    rows: list[dict[str, Any]] = []
    for article in _articles(pdf, text, id, date, title):
        found, problem = claim_rows(article, near_km=near_km, far_km=far_km, on_km=on_km)
        if problem:
            warnings.warn(f"geodrills: {problem}", stacklevel=2)
        rows += found
    return _frame(rows, CLAIM_COLUMNS)


def _map(ddf: Any, func: Any, columns: list[str], text: str, **kw: Any) -> Any:
    import_optional("dask_geopandas", feature="geodrills.dask", extra="dask")  # registers GeoDataFrame partitions with dask
    if text not in ddf.columns:
        from .errors import InputError

        raise InputError(f"no column {text!r} in the Dask DataFrame (columns: {', '.join(map(str, ddf.columns))})")
    return ddf.map_partitions(func, text=text, meta=_frame([], columns), **kw)


def geoparse_partitions(ddf: Any, *, text: str = "text", id: str | None = "id", date: str | None = "date",
                        title: str | None = "title") -> Any:
    """Geoparse a Dask DataFrame of articles: a row per resolved mention, as :func:`geoparse_frame`.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        One article per row.
    text, id, date, title : str
        Column names.  ``id`` gives the ``article`` value (None, or a missing column: the
        index); ``date`` and ``title`` are used when the column exists.

    Returns
    -------
    dask_geopandas.GeoDataFrame
        Columns :data:`geodrills.schema.FRAME_COLUMNS`, EPSG:4326, lazily computed.
    """
    if id is not None and id not in ddf.columns:
        id = None
    return _map(ddf, _geoparse_partition, FRAME_COLUMNS, text, id=id, date=date, title=title)


def distances_partitions(ddf: Any, *, text: str = "text", id: str | None = "id", date: str | None = "date",
                         title: str | None = "title", within_km: float = 250.0) -> Any:
    """Border distances of the places each partition's articles name (each place once per partition).

    Returns
    -------
    dask_geopandas.GeoDataFrame
        Columns :data:`geodrills.schema.DISTANCE_COLUMNS` (geometry: the place's point).
    """
    if id is not None and id not in ddf.columns:
        id = None
    return _map(ddf, _distances_partition, DISTANCE_COLUMNS, text, id=id, date=date, title=title,
                within_km=within_km)


def claims_partitions(ddf: Any, *, text: str = "text", id: str | None = "id", date: str | None = "date",
                      title: str | None = "title", near_km: float = 50.0, far_km: float = 100.0,
                      on_km: float = 10.0) -> Any:
    """The proximity claims of every article, measured and judged, as :func:`geodrills.check_claims`.

    Returns
    -------
    dask_geopandas.GeoDataFrame
        Columns :data:`geodrills.schema.CLAIM_COLUMNS` (geometry: the claimed place's point).
    """
    if id is not None and id not in ddf.columns:
        id = None
    return _map(ddf, _claims_partition, CLAIM_COLUMNS, text, id=id, date=date, title=title,
                near_km=near_km, far_km=far_km, on_km=on_km)
