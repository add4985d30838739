"""``geodrills distances PATH... [--place NAME ...]``: distance from each place to the nearby borders."""

from __future__ import annotations

import argparse
import math
import unicodedata
from collections.abc import Iterator
from typing import Any

from ._output import Run, add_corpus_arguments, add_output_arguments, add_scale_arguments, km_value

from ..schema import DISTANCE_COLUMNS as COLUMNS  # noqa: F401  (moved to geodrills.schema)

HELP = "geodesic distance from the places in articles (or --place names) to the international borders"

#: Places measured at a time (one vectorised border search per batch).
BATCH_PLACES = 2000

#: Gazetteer matches that are guesses, said so on stderr and in the ``reason`` column.
_UNSURE_MATCHES = {"fuzzy": "a near misspelling (fuzzy match)", "variant": "a transliteration (fuzzy match)"}

_PLACE_FIELDS = ["article", "name", "place_id", "kind", "country", "lat", "lon", "reason"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_arguments(parser, nargs="*")
    parser.add_argument("--place", action="append", default=[], metavar="NAME",
                        help="a place name looked up in the gazetteer (repeatable; 'Astara, Iran' picks the "
                             "country); a misspelt name is matched to the nearest spelling, and said so")
    parser.add_argument("--within", type=km_value, default=250.0, metavar="KM",
                        help="list every border within KM (default 250); the nearest is always listed")
    add_output_arguments(parser)
    add_scale_arguments(parser)


def places_of(article: Any) -> tuple[list[dict[str, Any]], str | None]:
    """The places one article names, except countries (runs in a worker)."""
    from ..errors import GeodrillsError
    from ..geoparse import geoparse

    try:
        mentions = geoparse(article)
    except GeodrillsError as exc:
        return [], f"{article.name}: {exc}"
    out = []
    for m in mentions:
        p = m.place
        # a country's distance to "the border" says nothing; places inside it do
        if p is not None and p.kind != "country":
            out.append({"article": article.name, "name": p.name, "place_id": p.id, "kind": p.kind,
                        "country": p.country, "lat": p.lat, "lon": p.lon, "reason": None})
    return out, None


def check_place_name(name: str) -> str | None:
    """Why a ``--place`` value is refused, or None.

    >>> check_place_name("NaN"), check_place_name("Kars\\nBaku") is not None, check_place_name("Kars")
    ("'NaN' is not a place name", True, None)
    """
    if not name.strip():
        return "empty place name"
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in name):
        return f"{name!r} contains control characters"
    try:
        float(name)
    except ValueError:
        return None
    return f"{name!r} is not a place name"  # NaN, inf, 1e5: numbers are not places


def run(args: argparse.Namespace) -> int:
    from ..errors import InputError

    if not args.paths and not args.place:
        raise InputError("give article files/folders/corpora (PATH) or --place NAME")
    job = Run("distances", args)
    from ..outputs import open_rows
    from ..schema import DISTANCE_COLUMNS

    written = 0
    with open_rows(args.output, job.format, DISTANCE_COLUMNS, layer="distances") as sink:
        for batch in _batches(_article_places(job) if args.paths else iter(()), _named_places(job, args.place)):
            rows = _measure(batch, args.within)
            sink.write(rows)
            written += sum(isinstance(r.get("border"), str) for r in rows)
    from .._progress import plural

    return job.finish(plural(written, "distance"), nothing_found=written == 0)


def _article_places(job: Run) -> Iterator[dict[str, Any]]:
    seen: set[str] = set()
    for places, problem in job.map(places_of, job.read()):
        if problem:
            job.error(problem)
        for p in places:
            if p["place_id"] not in seen:
                seen.add(p["place_id"])
                yield p


def _named_places(job: Run, names: list[str]) -> Iterator[dict[str, Any]]:
    if not names:
        return
    from ..gazetteer import Gazetteer

    gaz = Gazetteer.default()
    for name in names:
        refused = check_place_name(name)
        if refused:
            job.error(f"--place: {refused}")
            continue
        hits = gaz.lookup_query(name, limit=1)
        if not hits:
            job.say(f"--place {name!r} is not in the gazetteer")
            yield {"article": None, "name": name, "place_id": None, "kind": None, "country": None,
                   "lat": math.nan, "lon": math.nan, "reason": "not in the gazetteer"}
            continue
        p = hits[0]
        reason = None
        if p.match in _UNSURE_MATCHES:
            reason = f"no place is spelt {name!r}; matched {p.name} by {_UNSURE_MATCHES[p.match]}"
            job.say(f"--place {name!r}: {reason} ({p.kind}, {p.country or 'no country'}); check it")
        yield {"article": None, "name": p.name, "place_id": p.id, "kind": p.kind, "country": p.country,
               "lat": p.lat, "lon": p.lon, "reason": reason}


def _batches(*streams: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for stream in streams:
        for place in stream:
            batch.append(place)
            if len(batch) >= BATCH_PLACES:
                yield batch
                batch = []
    if batch:
        yield batch


def _measure(places: list[dict[str, Any]], within: float) -> list[dict[str, Any]]:
    import pandas as pd

    from ..borders import distances_frame

    frame = pd.DataFrame(places, columns=_PLACE_FIELDS)
    dist = distances_frame(frame, within_km=within).reset_index(drop=True)
    pos = _positions(frame, dist)
    rows = []
    for i, r in enumerate(dist.drop(columns="geometry").to_dict("records")):
        src = places[pos[i]]
        r["article"], r["place_id"], r["kind"] = src["article"], src["place_id"], src["kind"]
        if isinstance(src["reason"], str):
            r["reason"] = src["reason"] if not isinstance(r.get("reason"), str) else f"{src['reason']}; {r['reason']}"
        rows.append(_rounded(r))
    return rows


def _rounded(row: dict) -> dict:
    """Metre precision for km, ~0.1 m for coordinates: the figures, not float noise."""
    for key, nd in (("km", 3), ("border_lat", 6), ("border_lon", 6), ("bearing", 1)):
        v = row.get(key)
        if isinstance(v, float) and math.isfinite(v):
            row[key] = round(v, nd)
    return row


def _positions(frame, dist) -> list[int]:
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
