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
    parser.add_argument("--explain", action="store_true",
                        help="write why each place was chosen (its top readings, every score term) as text")


def run(args: argparse.Namespace) -> int:
    from ..outputs import open_rows
    from ..pipeline import geocode_rows
    from ..schema import GEOCODE_COLUMNS

    if args.explain:
        return _explain(args)
    job = Run("geocode", args)
    places = 0
    with open_rows(args.output, job.format, GEOCODE_COLUMNS, layer="places") as sink:
        for encoded in job.results(geocode_rows, encoder=sink.encoder):
            sink.write_encoded(encoded)
            places += encoded.rows
    from .._progress import plural

    return job.finish(plural(places, "place"))


def _explain(args: argparse.Namespace) -> int:
    """``--explain``: every mention's readings and score terms, as text (one process; it is for reading)."""
    import sys

    from ..atomic import atomic_write, check_writable
    from ..errors import GeodrillsError
    from ..mentions import geoparse

    if args.output not in (None, "-"):
        check_writable(args.output)
    delattr(args, "format")  # text, whatever -o's extension
    job = Run("geocode", args)
    lines: list[str] = []
    places = 0
    for article in job.read():
        try:
            mentions = geoparse(article, explain=True)
        except GeodrillsError as exc:
            job.error(f"{article.name}: {exc}")
            continue
        lines.append(f"== {article.name}")
        lines += [m.explain() for m in mentions]
        places += len(mentions)
    text = "\n".join(lines) + "\n"
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        with atomic_write(args.output) as fh:
            fh.write(text)
    from .._progress import plural

    return job.finish(plural(places, "place"))
