"""``geodrills geocode PATH...``: every place each article names, resolved."""

from __future__ import annotations

import argparse
import sys

from ._output import check_output, iter_inputs, render, report_error, write_text

HELP = "find and resolve the places named in article files (a folder = its *.txt files)"

COLUMNS = ["article", "start", "end", "text", "name", "kind", "country", "admin1", "lat", "lon",
           "geonameid", "place_id", "score", "precision"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article .txt files or folders of them")
    parser.add_argument("--format", choices=("jsonl", "csv", "geojson"), default="jsonl")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    parser.add_argument("--encoding", metavar="NAME", help="read the articles in this encoding (default UTF-8)")
    parser.add_argument("--explain", action="store_true",
                        help="print why each place was chosen (its top readings, every score term) as text")


def run(args: argparse.Namespace) -> int:
    from ..errors import GeodrillsError
    from ..mentions import geoparse

    check_output(args.output)
    errors: list[str] = []
    rows = []
    explained: list[str] = []
    from .._progress import progress_iter

    articles = iter_inputs(args.paths, "geocode", errors, encoding=args.encoding)
    for article in progress_iter(articles, desc="geocode"):
        try:
            mentions = geoparse(article, explain=args.explain)
        except GeodrillsError as exc:
            report_error("geocode", article.name, exc, errors)
            continue
        rows += [m.to_dict() for m in mentions]
        if args.explain:
            explained.append(f"== {article.name}")
            explained += [m.explain() for m in mentions]
    write_text("\n".join(explained) + "\n" if args.explain else render(rows, args.format, COLUMNS), args.output)
    if errors:
        print(f"geodrills geocode: {len(errors)} input(s) could not be processed", file=sys.stderr)
        return 2
    return 0
