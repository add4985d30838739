"""``geodrills claims PATH...``: the articles' proximity claims, measured and judged."""

from __future__ import annotations

import argparse
import functools

from ._output import Run, add_corpus_arguments, add_output_arguments, add_scale_arguments, km_value

HELP = "find the articles' border-proximity claims ('near the Armenian border') and check them"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_arguments(parser)
    add_output_arguments(parser)
    parser.add_argument("--near-km", type=km_value, default=50.0, help="'near' is supported within this (50)")
    parser.add_argument("--far-km", type=km_value, default=100.0, help="'near' is doubtful beyond this (100)")
    parser.add_argument("--on-km", type=km_value, default=10.0, help="'on the border' is supported within this (10)")
    add_scale_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from .._progress import plural
    from ..outputs import open_rows
    from ..pipeline import claim_rows
    from ..schema import CLAIM_COLUMNS

    job = Run("claims", args)
    func = functools.partial(claim_rows, near_km=args.near_km, far_km=args.far_km, on_km=args.on_km)
    found = 0
    with open_rows(args.output, job.format, CLAIM_COLUMNS, layer="claims") as sink:
        for encoded in job.results(func, encoder=sink.encoder, borders=True):
            sink.write_encoded(encoded)
            found += encoded.rows
    return job.finish(plural(found, "claim"), nothing_found=found == 0)
