"""``geodrills geocode PATH...``: every place each article names, resolved."""

from __future__ import annotations

import argparse

from ._output import Run, add_corpus_arguments, add_output_arguments, add_scale_arguments

from ..schema import GEOCODE_COLUMNS as COLUMNS  # noqa: F401  (moved to geodrills.schema)

HELP = "find and resolve the places named in articles (files, folders, .jsonl/.csv/.parquet corpora)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_arguments(parser)
    add_output_arguments(parser)
    add_scale_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from ..outputs import open_rows
    from ..pipeline import geocode_rows
    from ..schema import GEOCODE_COLUMNS

    job = Run("geocode", args)
    places = 0
    with open_rows(args.output, job.format, GEOCODE_COLUMNS, layer="places") as sink:
        for rows, problem in job.map(geocode_rows, job.read()):
            if problem:
                job.error(problem)
            sink.write(rows)
            places += len(rows)
    from .._progress import plural

    return job.finish(plural(places, "place"))
