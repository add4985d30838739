"""Every core: run a per-article function over a stream of articles, results in input order.

:func:`map_ordered` cuts the stream into chunks, hands them to a process pool
(``--jobs N``) or a Dask cluster (``--dask ADDRESS``), and yields the
results in input order, so the output is byte-identical to ``--jobs 1``.
At most :data:`WINDOW_PER_WORKER` chunks per worker are in flight, so memory
stays flat however long the corpus is.

The bundled data is not copied per worker.  On Linux the pool is forked
*after* the parent has loaded the gazetteer (:func:`warm_up`): the numpy
arrays and the memory-mapped marisa tries are shared, read-only, between
all workers (copy-on-write pages that nobody writes).  The ``.npz`` arrays
cannot be memory-mapped from the zip file itself, but fork shares them just
the same; where fork is not available (macOS, Windows) each worker loads its
own copy once.

Examples
--------
>>> list(map_ordered(len, ["a", "bb", "ccc"], jobs=1))
[1, 2, 3]
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

__all__ = ["chunks", "default_jobs", "map_ordered", "warm_up", "warm_up_borders", "CHUNK_ITEMS", "CLUSTER_CHUNK_ITEMS",
           "WINDOW_PER_WORKER"]

T = TypeVar("T")
R = TypeVar("R")

#: Articles sent to a worker at a time: big enough to amortise the hand-over, small enough to balance.
CHUNK_ITEMS = 32

#: The same on a Dask cluster, where each task costs a few milliseconds of scheduler and network
#: work and its bookkeeping grows the scheduler's and client's memory until its logs are full:
#: ~0.7 s of work per task keeps that under 1 % and a 1M-article corpus to ~2,000 tasks.
CLUSTER_CHUNK_ITEMS = 512

#: Chunks in flight per worker (bounds memory: results wait for their turn at most this long).
WINDOW_PER_WORKER = 4


def default_jobs() -> int:
    """The cores this process may use (``--jobs`` default)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def warm_up() -> None:
    """Load the bundled gazetteer (every column) and the parser's lazy parts, so forked workers share them."""
    from .gazetteer import Gazetteer
    from .mentions import geoparse

    Gazetteer.default().preload()
    geoparse("Troops gathered in Kars, near the Armenian border, and in Baku.")


def warm_up_borders() -> None:
    """:func:`warm_up`, and the border data that ``distances`` and ``claims`` measure against."""
    from .claims import check_claims

    warm_up()
    check_claims("Turkish troops held drills in Kars, 40 km from the Armenian border.")


def _init_worker(warm: Callable[[], None] | None) -> None:
    # A worker dies quietly on SIGTERM (Pool.terminate): it must not run a handler it inherited
    # from the command line, which unwinds the parent's output files.  The pool is forked with
    # SIGTERM blocked (_forking), so a terminate that comes before this line waits for it and then
    # kills the worker; unblocked, Python would swallow it ("Signal 15 ignored due to race
    # condition") and the idle worker would wait on the queue forever, and the parent's join with it.
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # not on Windows (no fork there either)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    if warm is not None:
        warm()


@contextlib.contextmanager
def _forking() -> Iterator[None]:
    """SIGTERM held back while the pool forks (see :func:`_init_worker`); delivered here after."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):  # Windows: workers are spawned, nothing inherited
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _run_chunk(func: Callable[[Any], Any], chunk: list[Any]) -> list[Any]:
    return [func(item) for item in chunk]


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last may be shorter), streamed.

    >>> list(chunks(range(5), 2))
    [[0, 1], [2, 3], [4]]
    """
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def map_ordered(func: Callable[[T], R], items: Iterable[T], *, jobs: int = 1, chunk: int = CHUNK_ITEMS,
                client: Any = None, warm: Callable[[], None] = warm_up) -> Iterator[R]:
    """``func(item)`` for every item, in input order, on ``jobs`` processes or a Dask ``client``.

    Parameters
    ----------
    func : callable
        A module-level function (it is sent to the workers by name).
    items : iterable
        Read lazily; at most ``jobs * WINDOW_PER_WORKER`` chunks are in flight.
    jobs : int
        Processes; 1 runs in this process.
    client : dask.distributed.Client, optional
        Run on this Dask cluster instead of a local pool.
    warm : callable
        Run in this process before the pool forks (what the workers should share), or in each
        worker where processes are spawned instead.
    """
    if client is not None:
        workers = max(1, sum(client.nthreads().values()))
        yield from _windowed(lambda c: client.submit(_run_chunk, func, c, pure=False),
                             lambda fut: fut.result(), chunks(items, chunk), workers)
        return
    if jobs <= 1:
        for item in items:
            yield func(item)
        return
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods:
        warm()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    with _forking():
        pool = ctx.Pool(jobs, initializer=_init_worker, initargs=(None if "fork" in methods else warm,))
    try:
        yield from _windowed(lambda c: pool.apply_async(_run_chunk, (func, c)), lambda res: res.get(),
                             chunks(items, chunk), jobs)
        pool.close()  # done: the workers leave on their own
    finally:
        # an error, or the consumer stopped early (GeneratorExit): stop the workers now, never leave them
        pool.terminate()
        pool.join()


def _windowed(submit: Callable[[list[Any]], Any], result: Callable[[Any], list[Any]],
              batches: Iterator[list[Any]], workers: int) -> Iterator[Any]:
    pending: deque[Any] = deque()
    limit = workers * WINDOW_PER_WORKER
    for chunk in batches:
        pending.append(submit(chunk))
        if len(pending) >= limit:
            yield from result(pending.popleft())
    while pending:
        yield from result(pending.popleft())
