"""How far from a border is each place the articles name?

A complete analysis with geodrills' Python API, written as a script:

1. read every article (files, or folders of ``*.txt`` files);
2. geoparse them and keep one row per distinct place that has a point worth
   measuring (a settlement or an administrative unit by default; a country's
   or region's label point says nothing about a border);
3. measure the geodesic distance from each place to every international
   border within ``--within`` km, and pick the nearest;
4. write one CSV row per place, nearest border first, and print the closest
   places; optionally also check the articles' own geographic claims.

Usage (from the repository root)::

    python examples/distance_analysis.py seeds/ -o distances.csv
    python examples/distance_analysis.py seeds/ -o distances.csv --claims claims.csv --within 150

Exit status: 0 on success, 1 when no measurable place was found, 2 on an
error (unreadable file, bad option).  The same articles give the same bytes.
The command-line tool covers the common case in one line:
``geodrills distances seeds/ --format csv -o distances.csv``.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence
from pathlib import Path

import geodrills as gd
from geodrills.mentions import dedupe_places

#: Columns of the output CSV, in order.
COLUMNS = ["place", "place_id", "kind", "country", "lat", "lon", "border", "neighbour", "km", "border_lat",
           "border_lon", "bearing", "source", "borders_within", "mentions", "articles"]
PRECISIONS = ("settlement", "admin", "region", "feature")


def nearest_borders(paths: Sequence[str | Path], *, within_km: float = 250.0,
                    precisions: Sequence[str] = ("settlement", "admin")):
    """One row per distinct measurable place: its nearest border and every border within reach.

    Parameters
    ----------
    paths : sequence of str or Path
        Article files or folders of ``*.txt`` files.
    within_km : float
        List every border within this distance in ``borders_within``.
    precisions : sequence of str
        Which places to measure, by the precision of their resolution.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COLUMNS`, sorted by distance then place id.

    Examples
    --------
    >>> df = nearest_borders(["seeds/"])                       # doctest: +SKIP
    >>> df.loc[df["place"] == "Kars", ["border", "km"]].round(1).values.tolist()[0]  # doctest: +SKIP
    ['AM-TR', 41.0]
    """
    import pandas as pd

    articles = gd.read_articles(list(paths))
    frame = gd.geoparse_frame(articles)
    places = dedupe_places(frame)
    places = places[places["precision"].isin(list(precisions))].reset_index(drop=True)
    if places.empty:
        return pd.DataFrame(columns=COLUMNS)
    # distances_frame keys its rows by the "name" column: use the unique place id
    # so a city and the province named after it (Kars, Kars) stay apart
    keyed = places[["place_id", "country", "lat", "lon"]].rename(columns={"place_id": "name"})
    borders = gd.distances_frame(keyed, within_km=within_km).rename(columns={"place": "place_id"})
    borders = borders.sort_values(["place_id", "km", "border"], kind="mergesort")
    within = (borders.assign(entry=borders["border"] + " " + borders["km"].map("{:.1f}".format))
              .groupby("place_id")["entry"].agg("; ".join).rename("borders_within"))
    nearest = borders.drop_duplicates("place_id").set_index("place_id")
    out = places.set_index("place_id")[["name", "kind", "mentions", "articles"]].join(
        nearest[["country", "lat", "lon", "border", "neighbour", "km", "border_lat", "border_lon", "bearing",
                 "source"]]).join(within)
    out = out.reset_index().rename(columns={"name": "place"})
    out["articles"] = out["articles"].map(" ".join)
    return out.sort_values(["km", "place_id"], kind="mergesort").reset_index(drop=True)[COLUMNS]


def _write_csv(frame, path: str | None) -> None:
    text = frame.to_csv(index=False, float_format="%.4f", lineterminator="\n")
    if path is None or path == "-":
        sys.stdout.write(text)
        return
    from geodrills.atomic import atomic_write

    with atomic_write(path) as fh:  # a crash mid-write leaves the previous file, never half a table
        fh.write(text)


def _positive_km(value: str) -> float:
    try:
        km = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of km: {value!r}") from None
    if not (math.isfinite(km) and km >= 0):
        raise argparse.ArgumentTypeError(f"must be a finite number >= 0: {value!r}")
    return km


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="distance_analysis.py",
        description="Every place the articles name, its nearest international border and the distance, as CSV.")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article .txt files or folders of them")
    parser.add_argument("-o", "--output", metavar="FILE.csv", help="write the table here (default: stdout)")
    parser.add_argument("--within", type=_positive_km, default=250.0, metavar="KM",
                        help="list every border within KM in the borders_within column (default 250)")
    parser.add_argument("--precision", nargs="+", choices=PRECISIONS, default=["settlement", "admin"],
                        help="which places to measure (default: settlement admin)")
    parser.add_argument("--claims", metavar="FILE.csv",
                        help="also check the articles' geographic claims and write them here")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        table = nearest_borders(args.paths, within_km=args.within, precisions=args.precision)
        claims = gd.check_claims(gd.read_articles(args.paths)) if args.claims else None
    except gd.GeodrillsError as exc:
        print(f"distance_analysis: error: {exc}", file=sys.stderr)
        return 2
    if table.empty:
        print(f"distance_analysis: no {'/'.join(args.precision)} place found in {', '.join(args.paths)}",
              file=sys.stderr)
        return 1
    _write_csv(table, args.output)
    print(f"{len(table)} places; the closest to a border:", file=sys.stderr)
    for row in table.head(5).itertuples():
        print(f"  {row.place:<16} {row.kind:<8} {row.km:7.1f} km to {row.border} ({row.neighbour})", file=sys.stderr)
    if claims is not None:
        _write_csv(claims.drop(columns=["geometry", "to_object"]), args.claims)
        doubtful = claims[claims["verdict"] == "doubtful"]
        by_kind = ", ".join(f"{k} {n}" for k, n in claims["kind"].value_counts().sort_index().items())
        print(f"{len(claims)} geographic claims ({by_kind}), {len(doubtful)} doubtful:", file=sys.stderr)
        for row in doubtful.itertuples():
            print(f"  {row.article}: \u201c{row.text}\u201d \u2014 {row.reason}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
