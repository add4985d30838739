"""Sets of text spans (web chrome, quotes, boilerplate) asked "is this offset inside?" in O(log n).

Testing every span for every word or sentence is the product of the two
counts, which a page of repeated menu lines turns into minutes; a
:class:`SpanSet` merges the spans once and answers each question by
bisection, in any order.

Examples
--------
>>> s = SpanSet([(10, 20), (15, 30), (40, 45)])
>>> s.holds(25), s.holds(35), s.contains(12, 28), s.contains(12, 41)
(True, False, True, False)
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

__all__ = ["SpanSet"]


class SpanSet:
    """Half-open ``(start, end)`` spans, merged where they overlap or touch."""

    __slots__ = ("_starts", "_ends")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        starts: list[int] = []
        ends: list[int] = []
        for a, b in sorted(spans):
            if a >= b:
                continue
            if ends and a <= ends[-1]:
                ends[-1] = max(ends[-1], b)
            else:
                starts.append(a)
                ends.append(b)
        self._starts, self._ends = starts, ends

    def __len__(self) -> int:
        return len(self._starts)

    def _index(self, pos: int) -> int:
        return bisect_right(self._starts, pos) - 1

    def holds(self, pos: int) -> bool:
        """Whether offset ``pos`` lies inside a span."""
        i = self._index(pos)
        return i >= 0 and pos < self._ends[i]

    def contains(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies wholly inside one (merged) span."""
        i = self._index(start)
        return i >= 0 and end <= self._ends[i]
