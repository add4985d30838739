"""What every corpus command shares: input and output options, the failure policy, the summary.

The failure policy, the same for ``geocode``, ``distances``, ``claims``,
``events`` and ``map``: ``-o`` and ``--format`` are checked before any work;
every good input is processed and its output written; each bad file or row
is reported on stderr with its file (and row) and the reason; the exit code
is then 2.  The last stderr line sums up ("12 articles, 1 failed, 57 places").
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from collections.abc import Iterator
from typing import Any

from ..errors import GeodrillsError, InputError
from ..outputs import FORMATS, check_output, render  # noqa: F401  (render: re-exported for callers)

__all__ = ["add_corpus_arguments", "add_output_arguments", "add_scale_arguments", "Run", "km_value",
           "render", "write_text", "check_output"]


#: Seconds to wait for the ``--dask`` scheduler before giving up.
DASK_CONNECT_S = 20


def add_corpus_arguments(parser: argparse.ArgumentParser, *, nargs: str = "+") -> None:
    """PATH... and the options that say how to read them."""
    parser.add_argument("paths", nargs=nargs, metavar="PATH",
                        help="article .txt files, folders of them, corpus tables (.jsonl/.ndjson, .csv, "
                             ".parquet), or - for JSON Lines on stdin")
    group = parser.add_argument_group("corpus tables")
    for field in ("text", "id", "date", "title"):
        group.add_argument(f"--{field}-column", metavar="NAME", default=None,
                           help=f"column holding the article's {field} (default: {field!r}"
                                + (")" if field == "text" else ", used when present)"))
    parser.add_argument("--encoding", metavar="NAME",
                        help="read .txt/.jsonl/.csv input in this encoding (default UTF-8)")


def add_output_arguments(parser: argparse.ArgumentParser) -> None:
    """``-o`` and ``--format`` (inferred from -o's extension, JSON Lines on stdout)."""
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write here (atomically) instead of stdout; the extension gives the format "
                             "(.jsonl .csv .geojson .gpkg .parquet)")
    parser.add_argument("--format", choices=FORMATS, default=None,
                        help="jsonl (default on stdout), csv (spreadsheet-safe), geojson, gpkg (GeoPackage), "
                             "parquet (GeoParquet); default: from -o's extension")


def add_scale_arguments(parser: argparse.ArgumentParser) -> None:
    """``--jobs`` and ``--dask``."""
    parser.add_argument("--jobs", "-j", type=_jobs_value, default=None, metavar="N",
                        help="worker processes (default: all cores); output is identical for any N")
    parser.add_argument("--dask", metavar="ADDRESS", default=None,
                        help="run on a Dask cluster (scheduler address, e.g. tcp://10.0.0.1:8786); "
                             "needs geodrills[dask]")


def _jobs_value(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value!r}")
    return n


def km_value(value: str) -> float:
    """argparse type: a finite, non-negative number of kilometres."""
    try:
        km = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not math.isfinite(km) or km < 0:
        raise argparse.ArgumentTypeError(f"must be a finite number >= 0: {value!r}")
    return km


class Run:
    """One command's run: reads the corpus, counts, reports bad inputs, and sums up.

    Parameters
    ----------
    command : str
        For messages ("geocode").
    args : argparse.Namespace
        With the options of :func:`add_corpus_arguments` (and maybe the others).
    """

    def __init__(self, command: str, args: argparse.Namespace) -> None:
        self.command, self.args = command, args
        self.errors = 0
        self.articles = 0
        self.format = check_output(getattr(args, "output", None), getattr(args, "format", None)) \
            if hasattr(args, "format") else None
        self._client = None

    def say(self, message: str) -> None:
        print(f"geodrills {self.command}: {message}", file=sys.stderr)

    def error(self, exc: GeodrillsError | str) -> None:
        """Report one bad input (file or row); the run goes on."""
        self.errors += 1
        self.say(f"skipping: {exc}")

    def read(self) -> Iterator[Any]:
        """The corpus's articles, streamed, with bad files and rows reported; counted as they pass."""
        from .._progress import progress_iter
        from ..corpus import iter_articles

        articles = iter_articles(self._sources(), on_error=self.error, **self._reading())
        for article in progress_iter(articles, desc=f"geodrills {self.command}"):
            self.articles += 1
            yield article

    def results(self, func: Any, *, encoder: Any = None, borders: bool = False) -> Iterator[Any]:
        """``func(article)`` over the corpus on ``--jobs`` processes or the ``--dask`` cluster: each
        batch's rows (encoded by ``encoder`` when given), in input order.

        This process only cuts the corpus into batches (table values, file paths) and takes back what
        the workers made of them (:func:`geodrills.pipeline.run_batch`): the articles, the rows, their
        serialised form.  Articles are counted and each bad row or failed article reported here, in
        input order.  ``borders``: the workers measure distances, so the border data is loaded before
        they fork.
        """
        import functools

        from .._progress import progress_iter
        from ..corpus import iter_batches
        from ..parallel import CHUNK_ITEMS, CLUSTER_CHUNK_ITEMS, default_jobs, map_ordered, warm_up, warm_up_borders
        from ..pipeline import run_batch

        jobs = getattr(self.args, "jobs", None) or default_jobs()
        client = self._dask_client()
        work = functools.partial(run_batch, func=func, encoder=encoder)
        batches = iter_batches(self._sources(), size=CLUSTER_CHUNK_ITEMS if client else CHUNK_ITEMS, **self._reading())
        done = map_ordered(work, batches, jobs=jobs, chunk=1, client=client,
                           warm=warm_up_borders if borders else warm_up)
        for res in progress_iter(done, desc=f"geodrills {self.command}", weight=lambda r: r.articles):
            self.articles += res.articles
            for problem in res.problems:
                self.error(problem)
            yield res.payload

    def map(self, func: Any, articles: Iterator[Any], *, borders: bool = False) -> Iterator[Any]:
        """``func(article)`` over articles this process has read, on ``--jobs`` processes or the
        ``--dask`` cluster, in order (for ``events``, whose merge needs every article here first;
        the other commands use :meth:`results`, where the workers read the rows too).

        ``borders``: the workers measure distances, so the border data is loaded before they fork.
        """
        from ..parallel import default_jobs, map_ordered, warm_up, warm_up_borders

        jobs = getattr(self.args, "jobs", None) or default_jobs()
        return map_ordered(func, articles, jobs=jobs, client=self._dask_client(),
                           warm=warm_up_borders if borders else warm_up)

    def _sources(self) -> list[Any]:
        # on the command line every argument is a path (or - for stdin), never text
        return [p if p == "-" else Path(p) for p in self.args.paths]

    def _reading(self) -> dict[str, Any]:
        from ..corpus import Columns, describe_columns

        a = self.args
        return {"columns": Columns.of(text=a.text_column, id=a.id_column, date=a.date_column, title=a.title_column),
                "encoding": a.encoding, "on_columns": lambda name, used: self.say(describe_columns(name, used))}

    def _dask_client(self) -> Any:
        address = getattr(self.args, "dask", None)
        if not address:
            return None
        if self._client is None:
            try:
                from distributed import Client
            except ImportError:
                raise InputError("--dask needs the dask extra: pip install 'geodrills[dask]'") from None
            try:
                self._client = Client(address, timeout=f"{DASK_CONNECT_S}s")
            except (OSError, TimeoutError, ValueError) as exc:
                raise InputError(f"--dask {address}: cannot reach the scheduler ({exc})") from None
        return self._client

    def finish(self, counts: str = "", *, nothing_found: bool = False) -> int:
        """Print the summary line and return the exit code (2 after any bad input)."""
        from .._progress import plural

        if self._client is not None:
            self._client.close()
        parts = [plural(self.articles, "article")]
        if self.errors:
            parts.append(plural(self.errors, "bad input"))
        if counts:
            parts.append(counts)
        out = getattr(self.args, "output", None)
        where = f" -> {out}" if out not in (None, "-") else ""
        self.say(", ".join(parts) + where)
        if self.errors:
            return 2
        return 1 if nothing_found else 0


def write_text(text: str, output: str | None) -> None:
    """Print to stdout, or write ``output`` atomically (kept for callers of the old helper)."""
    from ..atomic import atomic_write

    if output in (None, "-"):
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    with atomic_write(output) as fh:
        fh.write(text)
