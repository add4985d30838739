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


def run(args: argparse.Namespace) -> int:
    from ..errors import GeodrillsError
    from ..geoparse import geoparse

    check_output(args.output)
    errors: list[str] = []
    rows = []
    from .._progress import progress_iter

    articles = iter_inputs(args.paths, "geocode", errors, encoding=args.encoding)
    for article in progress_iter(articles, desc="geocode"):
        try:
            rows += [m.to_dict() for m in geoparse(article)]
        except GeodrillsError as exc:
            report_error("geocode", article.name, exc, errors)
    write_text(render(rows, args.format, COLUMNS), args.output)
    if errors:
        print(f"geodrills geocode: {len(errors)} input(s) could not be processed", file=sys.stderr)
        return 2
    return 0
