"""Sentences: the one sentence splitter every part of geodrills uses.

A sentence ends at ``. ! ? …`` (with closing quotes or brackets after it)
followed by white space and a capital letter, a digit or an opening quote —
unless the word before the stop is an abbreviation (``Lt. Gen.``,
``Sept. 27``, ``U.S. troops``) or a single letter (``J. Smith``); a number before the stop ends the
sentence (``opens on September 7. More``).  A line
break always ends a sentence: news text puts headlines, datelines, captions
and list items on lines of their own, and no sentence runs across them.

Cost is linear in the text: one pass of a regular expression without
nested quantifiers, then :class:`Sentences` answers "which sentence holds
offset *i*?" by bisection, so callers that look up one sentence per mention
stay linear too (the old per-mention rescan from the start of the text was
quadratic).

Examples
--------
>>> s = Sentences("Troops met in Kars. Lt. Gen. Smith spoke.\\nNext line")
>>> [s.text_of(i) for i in range(len(s))]
['Troops met in Kars.', 'Lt. Gen. Smith spoke.', 'Next line']
>>> s.text_at(s.text.index("Smith"))
'Lt. Gen. Smith spoke.'
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence

from .lexicon import ABBREVIATIONS

__all__ = ["Sentences", "sentence_spans", "sentence_span"]

# The stop and whatever closes after it; then the white space before the next sentence.
_STOP = re.compile(r"[.!?…․]+[\"”’»)\]]*[ \t\u00a0]+")
_WORD_BEFORE = re.compile(r"[\w.]{1,12}$")
_OPENERS = "\"“‘«(["


def _ends_sentence(text: str, seg_start: int, stop: re.Match[str]) -> bool:
    nxt = text[stop.end():stop.end() + 3].lstrip(_OPENERS)
    if not nxt or not (nxt[0].isupper() or nxt[0].isdigit()):
        return False
    if text[stop.start()] != ".":
        return True
    word = _WORD_BEFORE.search(text, max(seg_start, stop.start() - 12), stop.start())
    if word is None:
        return True
    w = word.group(0).lstrip(".").lower()
    return not (w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()))


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the sentences in ``text[start:end]``, trimmed, empty ones dropped.

    Examples
    --------
    >>> t = "Drills began. They end on Sept. 27 near Kars."
    >>> [t[a:b] for a, b in sentence_spans(t)]
    ['Drills began.', 'They end on Sept. 27 near Kars.']
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    line_start = start
    while line_start <= end:
        nl = text.find("\n", line_start, end)
        line_end = end if nl < 0 else nl
        seg = line_start
        for m in _STOP.finditer(text, line_start, line_end):
            if _ends_sentence(text, seg, m):
                spans.append((seg, m.end()))
                seg = m.end()
        spans.append((seg, line_end))
        if nl < 0:
            break
        line_start = nl + 1
    out = []
    for a, b in spans:
        a, b = _trim(text, a, b)
        if a < b:
            out.append((a, b))
    return out


class Sentences(Sequence[tuple[int, int]]):
    """The sentences of one text, indexed for offset look-ups in O(log n).

    Parameters
    ----------
    text : str
        The whole text; offsets everywhere are offsets into it.
    start, end : int, optional
        Split only ``text[start:end]`` (an article's body, say).
    """

    __slots__ = ("text", "_spans", "_starts")

    def __init__(self, text: str, start: int = 0, end: int | None = None) -> None:
        self.text = text
        self._spans = sentence_spans(text, start, end)
        self._starts = [a for a, _b in self._spans]

    def __len__(self) -> int:
        return len(self._spans)

    def __getitem__(self, i):  # type: ignore[override]
        return self._spans[i]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self._spans)

    def index_at(self, offset: int) -> int | None:
        """Index of the sentence holding ``offset``, or None when it falls between sentences."""
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset <= self._spans[i][1]:
            return i
        return None

    def span_at(self, offset: int) -> tuple[int, int] | None:
        """``(start, end)`` of the sentence holding ``offset``, or None."""
        i = self.index_at(offset)
        return None if i is None else self._spans[i]

    def text_of(self, i: int) -> str:
        a, b = self._spans[i]
        return self.text[a:b]

    def text_at(self, offset: int) -> str | None:
        """The sentence holding ``offset``, or None."""
        span = self.span_at(offset)
        return None if span is None else self.text[span[0]:span[1]]


def sentence_span(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The sentence around ``text[start:end]`` (one look-up; build :class:`Sentences` for many).

    Examples
    --------
    >>> t = "First one. Troops in Kars. Last."
    >>> a, b = sentence_span(t, t.index("Kars")); t[a:b]
    'Troops in Kars.'
    """
    s = Sentences(text)
    span = s.span_at(start)
    if span is None:
        return start, start if end is None else end
    return span
