"""``geodrills events PATH...``: the military exercises the articles describe, one per line."""

from __future__ import annotations

import argparse
import sys

HELP = "list the military exercises the articles describe (name, dates, places, participants)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article .txt files or folders of them")
    parser.add_argument("--format", choices=("jsonl", "csv", "geojson"), default="jsonl",
                        help="jsonl (default): one event per line; csv: lists as JSON text; "
                             "geojson: the location point of each event")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (atomically) instead of stdout")


def run(args: argparse.Namespace) -> int:
    from ..events import COLUMNS, events_to_records, extract_events
    from ._output import iter_inputs, render, write_text

    errors: list[str] = []
    articles = iter_inputs(args.paths, "events", errors)
    if not articles:
        print("geodrills events: no readable article", file=sys.stderr)
        return 2
    records = events_to_records(extract_events(articles))
    columns = [c for c in COLUMNS if c != "geometry"]
    write_text(render(records, args.format, columns), args.output)
    if not records:
        print("geodrills events: no exercise found", file=sys.stderr)
        return 1
    return 0
