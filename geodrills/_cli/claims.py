"""``geodrills claims PATH...``: the articles' proximity claims, measured and judged."""

from __future__ import annotations

import argparse
import functools
import math
from typing import Any

from ._output import Run, add_corpus_arguments, add_output_arguments, add_scale_arguments, km_value

HELP = "find the articles' border-proximity claims ('near the Armenian border') and check them"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_arguments(parser)
    add_output_arguments(parser)
    parser.add_argument("--near-km", type=km_value, default=50.0, help="'near' is supported within this (50)")
    parser.add_argument("--far-km", type=km_value, default=100.0, help="'near' is doubtful beyond this (100)")
    parser.add_argument("--on-km", type=km_value, default=10.0, help="'on the border' is supported within this (10)")
    add_scale_arguments(parser)


def claims_of(article: Any, *, near_km: float, far_km: float, on_km: float) -> tuple[list[dict], str | None]:
    """One article's judged claims, or the reason it failed (runs in a worker)."""
    from ..claims import check_claims
    from ..errors import GeodrillsError

    try:
        df = check_claims(article, near_km=near_km, far_km=far_km, on_km=on_km)
    except GeodrillsError as exc:
        return [], f"{article.name}: {exc}"
    rows = df.to_dict("records")
    for r in rows:
        if isinstance(r.get("km_measured"), float) and math.isfinite(r["km_measured"]):
            r["km_measured"] = round(r["km_measured"], 3)
    return rows, None


def run(args: argparse.Namespace) -> int:
    from .._progress import plural
    from ..outputs import open_rows
    from ..schema import CLAIM_COLUMNS

    job = Run("claims", args)
    func = functools.partial(claims_of, near_km=args.near_km, far_km=args.far_km, on_km=args.on_km)
    found = 0
    with open_rows(args.output, job.format, CLAIM_COLUMNS, layer="claims") as sink:
        for rows, problem in job.map(func, job.read()):
            if problem:
                job.error(problem)
            sink.write(rows)
            found += len(rows)
    return job.finish(plural(found, "claim"), nothing_found=found == 0)
