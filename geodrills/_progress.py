"""Progress on long batch work: a tqdm bar on a terminal, nothing when stderr is piped or a file.

The bar appears only after :data:`DELAY_S` seconds, so short runs stay quiet,
and counts items as they finish (a corpus read as a stream has no known
length: the bar then shows the count and the rate).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

#: Seconds of work before a bar is drawn (quick runs print nothing).
DELAY_S = 2.0


def progress_iter(items: Iterable[T], *, desc: str, enabled: bool | None = None, unit: str = "article",
                  total: int | None = None, weight: Callable[[T], int] | None = None) -> Iterator[T]:
    """Yield ``items``, drawing a progress bar on stderr when it is a terminal.

    Parameters
    ----------
    items : iterable
    desc : str
        The bar's label (the command name).
    enabled : bool, optional
        Force the bar on or off (default: when stderr is a terminal).
    unit : str
        What is counted.
    total : int, optional
        Known length (default: ``len(items)`` where it has one).
    weight : callable, optional
        How many units an item stands for (a batch of articles); default 1.

    Examples
    --------
    >>> list(progress_iter([1, 2], desc="x", enabled=False))
    [1, 2]
    """
    explicit = bool(enabled)
    if enabled is None:
        enabled = _stderr_is_terminal()
    if not enabled:
        yield from items
        return
    from tqdm import tqdm

    if total is None and hasattr(items, "__len__"):
        total = len(items)  # type: ignore[arg-type]
    known = "{desc} [{bar:30}] {n_fmt}/{total_fmt} {rate_fmt}"
    streamed = "{desc} {n_fmt} " + unit + "s {rate_fmt}"
    # asked for explicitly: draw at once and keep the last state; on a terminal: only if it takes a while
    with tqdm(items if weight is None else None, desc=desc, total=total, delay=0 if explicit else DELAY_S,
              file=sys.stderr, ascii=".#",
              bar_format=known if total else streamed, unit=unit, leave=explicit) as bar:
        if weight is None:
            yield from bar
            return
        for item in items:
            bar.update(weight(item))
            yield item


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def plural(n: int, word: str, words: str | None = None) -> str:
    """``"1 article"``, ``"2 articles"``.

    >>> plural(1, "article"), plural(0, "place"), plural(3, "entry", "entries")
    ('1 article', '0 places', '3 entries')
    """
    return f"{n:,} {word if n == 1 else (words or word + 's')}"
