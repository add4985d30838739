"""``geodrills distances PATH... [--place NAME ...]``: distance from each place to the nearby borders."""

from __future__ import annotations

import argparse
import math
import sys

from ._output import km_value, iter_inputs, render, report_error, write_text

HELP = "geodesic distance from the places in articles (or --place names) to the international borders"

COLUMNS = ["article", "place", "place_id", "kind", "country", "lat", "lon", "border", "neighbour", "km",
           "border_lat", "border_lon", "bearing", "source", "measured_from", "reason"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article .txt files or folders of them")
    parser.add_argument("--place", action="append", default=[], metavar="NAME",
                        help="a place name looked up in the gazetteer (repeatable)")
    parser.add_argument("--within", type=km_value, default=250.0, metavar="KM",
                        help="list every border within KM (default 250); the nearest is always listed")
    parser.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")


def run(args: argparse.Namespace) -> int:
    import pandas as pd

    from ..borders import distances_frame
    from ..errors import GeodrillsError, InputError
    from ..gazetteer import Gazetteer
    from ..mentions import geoparse

    if not args.paths and not args.place:
        raise InputError("give article files/folders (PATH) or --place NAME")
    errors: list[str] = []
    places: list[dict] = []
    seen: set[str] = set()
    for article in iter_inputs(args.paths, "distances", errors) if args.paths else []:
        try:
            mentions = geoparse(article)
        except GeodrillsError as exc:
            report_error("distances", article.name, exc, errors)
            continue
        for m in mentions:
            p = m.place
            # a country's distance to "the border" says nothing; places inside it do
            if p is None or p.kind == "country" or p.id in seen:
                continue
            seen.add(p.id)
            places.append({"article": article.name, "name": p.name, "place_id": p.id, "kind": p.kind,
                           "country": p.country, "lat": p.lat, "lon": p.lon})
    gaz = Gazetteer.default() if args.place else None
    for name in args.place:
        hits = gaz.lookup_query(name, limit=1) if name.strip() else []
        if not hits:
            print(f"geodrills distances: {name!r} is not in the gazetteer", file=sys.stderr)
            places.append({"article": None, "name": name, "place_id": None, "kind": None, "country": None,
                           "lat": math.nan, "lon": math.nan, "reason": "not in the gazetteer"})
            continue
        p = hits[0]
        places.append({"article": None, "name": p.name, "place_id": p.id, "kind": p.kind, "country": p.country,
                       "lat": p.lat, "lon": p.lon})
    frame = pd.DataFrame(places, columns=["article", "name", "place_id", "kind", "country", "lat", "lon", "reason"])
    rows: list[dict] = []
    if len(frame):
        dist = distances_frame(_with_footprints(frame, gaz), within_km=args.within)
        meta = frame.reset_index(drop=True)
        # distances_frame keeps the input order and one row per border; map rows back by position
        dist = dist.reset_index(drop=True)
        pos = _positions(frame, dist)
        for i, r in enumerate(dist.drop(columns="geometry").to_dict("records")):
            src = meta.iloc[pos[i]]
            r["article"] = src["article"]
            r["place_id"] = src["place_id"]
            r["kind"] = src["kind"]
            if isinstance(src["reason"], str):
                r["reason"] = src["reason"]
            rows.append(_rounded(r))
    write_text(render(rows, args.format, COLUMNS), args.output)
    if errors:
        print(f"geodrills distances: {len(errors)} input(s) could not be processed", file=sys.stderr)
        return 2
    return 0 if any(isinstance(r.get("border"), str) for r in rows) else 1


def _with_footprints(frame, gaz):
    """The places as a GeoDataFrame of their footprints: provinces by outline, rivers as lines."""
    import geopandas as gpd

    from ..footprints import footprint
    from ..gazetteer import Gazetteer

    gaz = gaz or Gazetteer.default()
    geoms = []
    for pid, lat, lon in zip(frame["place_id"], frame["lat"], frame["lon"]):
        fp = footprint(gaz.get(pid)) if isinstance(pid, str) else None
        geoms.append(fp.geometry if fp is not None and fp.geometry is not None and fp.shape != "point"
                     else gpd.points_from_xy([lon], [lat])[0])
    return gpd.GeoDataFrame(frame, geometry=geoms, crs="EPSG:4326")


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
