"""``geodrills distances PATH... [--place NAME ...]``: distance from each place to the nearby borders."""

from __future__ import annotations

import argparse
import math
import unicodedata
from collections.abc import Iterator
from typing import Any

from ._output import Run, add_corpus_arguments, add_output_arguments, add_scale_arguments, km_value

from ..schema import DISTANCE_COLUMNS as COLUMNS  # noqa: F401  (moved to geodrills.schema)

HELP = "geodesic distance from the places in articles (or --place names) to the international borders"

#: Places measured at a time (one vectorised border search per batch).
BATCH_PLACES = 2000

#: Gazetteer matches that are guesses, said so on stderr and in the ``reason`` column.
_UNSURE_MATCHES = {"fuzzy": "a near misspelling (fuzzy match)", "variant": "a transliteration (fuzzy match)"}



def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_arguments(parser, nargs="*")
    parser.add_argument("--place", action="append", default=[], metavar="NAME",
                        help="a place name looked up in the gazetteer (repeatable; 'Astara, Iran' picks the "
                             "country); a misspelt name is matched to the nearest spelling, and said so")
    parser.add_argument("--within", type=km_value, default=250.0, metavar="KM",
                        help="list every border within KM (default 250); the nearest is always listed")
    add_output_arguments(parser)
    add_scale_arguments(parser)


def check_place_name(name: str) -> str | None:
    """Why a ``--place`` value is refused, or None.

    >>> check_place_name("NaN"), check_place_name("Kars\\nBaku") is not None, check_place_name("Kars")
    ("'NaN' is not a place name", True, None)
    """
    if not name.strip():
        return "empty place name"
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in name):
        return f"{name!r} contains control characters"
    try:
        float(name)
    except ValueError:
        return None
    return f"{name!r} is not a place name"  # NaN, inf, 1e5: numbers are not places


def run(args: argparse.Namespace) -> int:
    from ..errors import InputError

    if not args.paths and not args.place:
        raise InputError("give article files/folders/corpora (PATH) or --place NAME")
    job = Run("distances", args)
    from ..outputs import open_rows
    from ..pipeline import measure_places
    from ..schema import DISTANCE_COLUMNS

    written = 0
    with open_rows(args.output, job.format, DISTANCE_COLUMNS, layer="distances") as sink:
        for batch in _batches(_article_places(job) if args.paths else iter(()), _named_places(job, args.place)):
            rows = measure_places(batch, args.within)
            sink.write(rows)
            written += sum(isinstance(r.get("border"), str) for r in rows)
    from .._progress import plural

    return job.finish(plural(written, "distance"), nothing_found=written == 0)


def _article_places(job: Run) -> Iterator[dict[str, Any]]:
    from ..pipeline import place_rows

    seen: set[str] = set()
    for places in job.results(place_rows):
        for p in places:
            if p["place_id"] not in seen:
                seen.add(p["place_id"])
                yield p


def _named_places(job: Run, names: list[str]) -> Iterator[dict[str, Any]]:
    if not names:
        return
    from ..gazetteer import Gazetteer

    gaz = Gazetteer.default()
    for name in names:
        refused = check_place_name(name)
        if refused:
            job.error(f"--place: {refused}")
            continue
        hits = gaz.lookup_query(name, limit=1)
        if not hits:
            job.say(f"--place {name!r} is not in the gazetteer")
            yield {"article": None, "name": name, "place_id": None, "kind": None, "country": None,
                   "lat": math.nan, "lon": math.nan, "reason": "not in the gazetteer"}
            continue
        p = hits[0]
        reason = None
        if p.match in _UNSURE_MATCHES:
            reason = f"no place is spelt {name!r}; matched {p.name} by {_UNSURE_MATCHES[p.match]}"
            job.say(f"--place {name!r}: {reason} ({p.kind}, {p.country or 'no country'}); check it")
        yield {"article": None, "name": p.name, "place_id": p.id, "kind": p.kind, "country": p.country,
               "lat": p.lat, "lon": p.lon, "reason": reason}


def _batches(*streams: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    import itertools

    from ..parallel import chunks

    return chunks(itertools.chain(*streams), BATCH_PLACES)

