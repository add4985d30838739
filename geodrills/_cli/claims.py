"""``geodrills claims PATH...``: the articles' proximity claims, measured and judged."""

from __future__ import annotations

import argparse
import math
import sys

from ._output import km_value, iter_inputs, render, report_error, write_text

HELP = ("find the articles' geographic claims (near, on, borders, km_from, direction, within, length, across) "
        "and check them")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article .txt files or folders of them")
    parser.add_argument("--format", choices=("jsonl", "csv", "geojson"), default="jsonl",
                        help="geojson: one point feature per claim at its subject")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    parser.add_argument("--near-km", type=km_value, default=50.0, help="'near' is supported within this (50)")
    parser.add_argument("--far-km", type=km_value, default=100.0, help="'near' is doubtful beyond this (100)")
    parser.add_argument("--on-km", type=km_value, default=10.0, help="'on the border' is supported within this (10)")


def run(args: argparse.Namespace) -> int:
    from ..claims import CLAIM_COLUMNS, check_claims
    from ..errors import GeodrillsError

    errors: list[str] = []
    rows: list[dict] = []
    for article in iter_inputs(args.paths, "claims", errors):
        try:
            df = check_claims(article, near_km=args.near_km, far_km=args.far_km, on_km=args.on_km)
        except GeodrillsError as exc:
            report_error("claims", article.name, exc, errors)
            continue
        for r in df.drop(columns=["geometry", "to_object"]).to_dict("records"):
            for key, nd in (("measured_km", 3), ("measured_bearing", 1), ("stated_km", 3), ("lat", 6), ("lon", 6),
                            ("target_lat", 6), ("target_lon", 6)):
                if isinstance(r.get(key), float) and math.isfinite(r[key]):
                    r[key] = round(r[key], nd)
            rows.append(r)
    write_text(render(rows, args.format, CLAIM_COLUMNS), args.output)
    if errors:
        print(f"geodrills claims: {len(errors)} input(s) could not be processed", file=sys.stderr)
        return 2
    return 0 if rows else 1
