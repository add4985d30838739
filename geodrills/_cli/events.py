"""``geodrills events PATH...``: the military exercises the articles describe, one per line."""

from __future__ import annotations

import argparse

from ._output import Run, add_corpus_arguments, add_output_arguments, add_scale_arguments

HELP = "list the military exercises the articles describe (name, dates, places, participants)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_arguments(parser)
    add_output_arguments(parser)
    add_scale_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from .._progress import plural
    from ..events import event_records
    from ..outputs import open_rows
    from ..schema import EVENT_OUTPUT_COLUMNS

    job = Run("events", args)
    # articles stream through (job.read draws the bar); each original's candidate reports are found on
    # --jobs processes (or --dask) and only they, never the text, are kept for the merge
    # (plain records: no GeoDataFrame, so pandas and geopandas are never imported here)
    records = event_records(job.read(), progress=False, mapper=job.map)
    with open_rows(args.output, job.format, EVENT_OUTPUT_COLUMNS, layer="events") as sink:
        sink.write(records)
    if not job.articles:
        job.say("no readable article")
    return job.finish(plural(len(records), "exercise") if records else "no exercise found",
                      nothing_found=not records)
