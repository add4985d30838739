"""A progress bar for long batch work: shown on a terminal, silent elsewhere."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

#: Fewer items than this finish too fast to need a bar.
MIN_ITEMS = 20


def progress_iter(items: Sequence[T], *, desc: str, enabled: bool | None = None) -> Iterator[T]:
    """Yield ``items``, drawing a one-line bar on stderr when it is a terminal.

    Examples
    --------
    >>> list(progress_iter([1, 2], desc="x", enabled=False))
    [1, 2]
    """
    total = len(items)
    if enabled is None:
        enabled = total >= MIN_ITEMS and sys.stderr.isatty()
    if not enabled:
        yield from items
        return
    start = last = time.monotonic()
    for i, item in enumerate(items, 1):
        yield item
        now = time.monotonic()
        if now - last > 0.1 or i == total:
            last = now
            filled = int(30 * i / total)
            rate = i / max(now - start, 1e-9)
            sys.stderr.write(f"\r{desc} [{'#' * filled}{'.' * (30 - filled)}] {i}/{total} {rate:,.0f}/s")
            sys.stderr.flush()
    sys.stderr.write("\n")
