"""Per-article row functions: what one article gives each command, run in any worker.

The CLI (one process, a ``--jobs`` pool, a ``--dask`` cluster) and
:mod:`geodrills.dask` call the same functions, so the rows are the same
wherever they are computed.  Each takes an :class:`~geodrills.articles.Article`
and returns ``(rows, problem)``: the rows (dicts keyed by the columns of
:mod:`geodrills.schema`) and ``None``, or no rows and the reason the article
failed, naming it.

Examples
--------
>>> from geodrills.articles import Article
>>> rows, problem = geocode_rows(Article.from_text("Troops arrived in Kars.", "a"))
>>> [(r["article"], r["name"]) for r in rows], problem
([('a', 'Kars')], None)
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, NamedTuple

from .errors import GeodrillsError

__all__ = ["geocode_rows", "place_rows", "measure_places", "claim_rows", "run_batch", "BatchResult",
           "PLACE_FIELDS"]

Rows = tuple[list[dict[str, Any]], "str | None"]

#: Fields of a place waiting to be measured (:func:`place_rows` -> :func:`measure_places`).
PLACE_FIELDS = ["article", "name", "place_id", "kind", "country", "lat", "lon", "reason"]

#: Rounding of measured figures: metre precision for km, ~0.1 m for coordinates, 0.1° bearings.
DECIMALS = {"km": 3, "border_lat": 6, "border_lon": 6, "bearing": 1}
#: The same for claim rows.
CLAIM_DECIMALS = {"measured_km": 3, "stated_km": 3, "measured_bearing": 1, "lat": 6, "lon": 6,
                  "target_lat": 6, "target_lon": 6}


class BatchResult(NamedTuple):
    """What a worker sends back for one :class:`~geodrills.corpus.Batch`."""

    #: Articles read from the batch (bad rows excluded).
    articles: int
    #: Every bad row and failed article, in input order, as messages naming it.
    problems: list[str]
    #: The rows, or the rows encoded by the encoder (:class:`geodrills.outputs.Encoded`).
    payload: Any
    #: How many rows.
    rows: int


def run_batch(batch: Any, func: Callable[[Any], Rows], encoder: Callable[[list[dict[str, Any]]], Any] | None = None
              ) -> BatchResult:
    """Make the batch's articles, run ``func`` on each, and encode the rows: all of one batch's work,
    done wherever the batch is sent (``--jobs`` worker, Dask worker, or this process).

    Examples
    --------
    >>> import pandas as pd
    >>> from geodrills.corpus import iter_batches
    >>> from geodrills.outputs import Encoder
    >>> [batch] = iter_batches(pd.DataFrame({"id": ["a", "b"], "text": ["Troops arrived in Kars.", " "]}))
    >>> res = run_batch(batch, geocode_rows, Encoder("jsonl", ("article", "name")))
    >>> res.articles, res.rows, res.payload.data
    (1, 1, '{"article": "a", "name": "Kars"}\\n')
    >>> res.problems
    ["<DataFrame>: row 2: empty or missing text (column 'text')"]
    """
    problems: list[str] = []
    rows: list[dict[str, Any]] = []
    count = 0
    for article in batch.articles(lambda exc: problems.append(str(exc))):
        count += 1
        found, problem = func(article)
        if problem:
            problems.append(problem)
        rows += found
    return BatchResult(count, problems, encoder(rows) if encoder is not None else rows, len(rows))


def geocode_rows(article: Any) -> Rows:
    """``geodrills geocode``: one row per place mention."""
    from .mentions import geoparse

    try:
        return [m.to_dict() for m in geoparse(article)], None
    except GeodrillsError as exc:
        return [], f"{article.name}: {exc}"


def place_rows(article: Any) -> Rows:
    """``geodrills distances``: the places one article names, except countries (a country's
    distance to "the border" says nothing; places inside it do)."""
    from .mentions import geoparse

    try:
        mentions = geoparse(article)
    except GeodrillsError as exc:
        return [], f"{article.name}: {exc}"
    out = []
    for m in mentions:
        p = m.place
        if p is not None and p.kind != "country":
            out.append({"article": article.name, "name": p.name, "place_id": p.id, "kind": p.kind,
                        "country": p.country, "lat": p.lat, "lon": p.lon, "reason": None})
    return out, None


def measure_places(places: list[dict[str, Any]], within_km: float) -> list[dict[str, Any]]:
    """Distance rows (:data:`geodrills.schema.DISTANCE_COLUMNS`) for places from :func:`place_rows`."""
    import pandas as pd

    from .borders import distances_frame

    if not places:
        return []
    frame = pd.DataFrame(places, columns=PLACE_FIELDS)
    dist = distances_frame(_footprints(frame), within_km=within_km).reset_index(drop=True)
    pos = _positions(frame, dist)
    rows = []
    for i, r in enumerate(dist.drop(columns="geometry").to_dict("records")):
        src = places[pos[i]]
        r["article"], r["place_id"], r["kind"] = src["article"], src["place_id"], src["kind"]
        if isinstance(src["reason"], str):
            r["reason"] = src["reason"] if not isinstance(r.get("reason"), str) else f"{src['reason']}; {r['reason']}"
        rows.append(_rounded(r))
    return rows


def claim_rows(article: Any, *, near_km: float = 50.0, far_km: float = 100.0, on_km: float = 10.0) -> Rows:
    """``geodrills claims``: one article's proximity claims, measured and judged."""
    from .claims import check_claims

    try:
        df = check_claims(article, near_km=near_km, far_km=far_km, on_km=on_km)
    except GeodrillsError as exc:
        return [], f"{article.name}: {exc}"
    records = df.drop(columns=[c for c in ("geometry", "to_object") if c in df.columns]).to_dict("records")
    return [_rounded(r, CLAIM_DECIMALS) for r in records], None


def _footprints(frame: Any) -> Any:
    """The places as a GeoDataFrame of their footprints: provinces by outline, rivers as lines, else points."""
    import geopandas as gpd

    from .footprints import footprint
    from .gazetteer import Gazetteer

    gaz = Gazetteer.default()
    geoms = []
    for pid, lat, lon in zip(frame["place_id"], frame["lat"], frame["lon"]):
        fp = footprint(gaz.get(pid)) if isinstance(pid, str) else None
        geoms.append(fp.geometry if fp is not None and fp.geometry is not None and fp.shape != "point"
                     else gpd.points_from_xy([lon], [lat])[0])
    return gpd.GeoDataFrame(frame, geometry=geoms, crs="EPSG:4326")


def _rounded(row: dict[str, Any], decimals: dict[str, int] = DECIMALS) -> dict[str, Any]:
    """The figures, not float noise."""
    for key, nd in decimals.items():
        v = row.get(key)
        if isinstance(v, float) and math.isfinite(v):
            row[key] = round(v, nd)
    return row


def _positions(frame: Any, dist: Any) -> list[int]:
    """Input row of each output row (both are in input order, one or more rows per input)."""
    out, i = [], 0
    names = frame["name"].tolist()
    lats = frame["lat"].tolist()
    for place, lat in zip(dist["place"], dist["lat"]):
        while i < len(names) - 1 and not (names[i] == place and _same(lats[i], lat)):
            i += 1
        out.append(i)
    return out


def _same(a: float, b: float) -> bool:
    return (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b)) or a == b
