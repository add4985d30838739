"""Words around an offset: the scanner's and the cue detectors' view of the text.

Linear helpers: a look-back over the reversed text (a few anchored matches),
the next word, capital letters of any script, the words an article writes in
lower case (one pass, when first asked), and spans to skip asked in
increasing order.
"""

from __future__ import annotations

from collections.abc import Sequence
import functools
import re

from ..demonyms import is_demonym

__all__ = ["ALNUM_RUN", "CAP_WORD", "LowerCaseWords", "NEXT_WORD", "REVERSED_WORD", "SENTENCE_PUNCT", "SkipSpans", "cached_is_demonym", "is_capital", "lower_case_words", "words_before"]


def is_capital(ch: str) -> bool:
    """An upper- or title-case letter of the Basic Multilingual Plane ("İ", "Ş", "Ǆ")."""
    return ch <= "\uffff" and (ch.isupper() or ch.istitle())


class LowerCaseWords:
    """Whether a text writes a word in lower case.

    The first few questions are answered by searching the text for the word
    (fast for a news article); after ``SEARCHES`` of them, by the set of all
    its words, built in one pass.  Either way the cost stays linear in the
    text: searching it once per capitalised word was words × text.
    """

    SEARCHES = 32

    __slots__ = ("_runs", "_asked", "_searched")

    def __init__(self) -> None:
        self._runs: set[str] | None = None
        self._asked: dict[str, bool] = {}  # every word asked, and the answer
        self._searched = 0  # how many of them were searched for

    def has(self, text: str, word: str) -> bool:
        """Whether ``word`` (lower-case ASCII letters) stands alone somewhere in ``text``."""
        known = self._asked.get(word)  # (a word asked before, most often: one look-up)
        if known is not None:
            return known
        if not (word.isascii() and word.isalpha() and word.islower()):
            known = False
        elif self._runs is not None:
            known = word in self._runs
        elif self._searched >= self.SEARCHES:
            self._runs = set(ALNUM_RUN.findall(text))
            known = word in self._runs
        else:
            self._searched += 1
            known = _stands_alone_in(text, word)
        self._asked[word] = known
        return known


def _stands_alone_in(text: str, word: str) -> bool:
    n, k = len(text), len(word)
    i = text.find(word)
    while i >= 0:
        if (i == 0 or not text[i - 1].isalnum()) and (i + k == n or not text[i + k].isalnum()):
            return True
        i = text.find(word, i + 1)
    return False


def lower_case_words(text: str) -> frozenset[str]:
    """The words of lower-case ASCII letters that stand alone in ``text`` (between non-alphanumerics)."""
    return frozenset(w for w in ALNUM_RUN.findall(text) if w.isascii() and w.isalpha() and w.islower())


ALNUM_RUN = re.compile(r"[^\W_]+")  # a maximal run of letters and digits (str.isalnum)


# A capital letter that starts a word: the scanner's only entry points.  Non-ASCII
# letters are checked with is_capital (a class of every Unicode capital took 45 ms
# to build and compile at import).  The class comes first so that the regex engine
# can skip ahead to it: it leaves out Latin-1 punctuation and U+2000-20FF and
# U+2190-2BFF (punctuation, arrows, symbols), which hold no capital letter.  The
# look-behind then checks the character before it; the rest of the word is taken along when the
# capital is a letter or digit (one match gives the scanner the whole first word; after a symbol, "😀Σ",
# the next capital is still an entry point).
CAP_WORD = re.compile(r"[A-Z\u00C0-\u1FFF\u2100-\u218F\u2C00-\U0010FFFF](?<![^\W_].)(?:(?<=[^\W_])[^\W_]*)?")


NEXT_WORD = re.compile(r"([^\w]*)([^\W_]+)")


class SkipSpans:
    """Spans to skip, merged and sorted, asked about offsets in increasing order.

    The scanner's offsets only grow, so a cursor over the merged spans answers
    each question in amortised O(1): linear in text + spans, where testing
    every span for every word was their product ("Menu\\n" boilerplate lines
    repeated through a page).
    """

    __slots__ = ("_spans", "_i")

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if a >= b:
                continue
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self._spans = merged
        self._i = 0

    def holds(self, pos: int) -> bool:
        """Whether ``pos`` lies in a span (``pos`` never smaller than the last one asked about)."""
        spans, i = self._spans, self._i
        while i < len(spans) and spans[i][1] <= pos:
            i += 1
        self._i = i
        return i < len(spans) and spans[i][0] <= pos


def words_before(rev: str, pos: int, k: int) -> list[tuple[str, str]]:
    """Up to ``k`` (word, gap after it) pairs before ``pos``, nearest first, within the sentence.

    ``rev`` is the text reversed (``text[::-1]``), so the look-back is a few
    anchored forward matches from ``len(text) - pos``.
    """
    out: list[tuple[str, str]] = []
    r = len(rev) - pos
    for _ in range(k):
        m = REVERSED_WORD.match(rev, r)
        if m is None:
            break
        gap, word = m.groups()
        gap = gap[::-1]
        out.append((word[::-1], gap))
        if gap != " " and SENTENCE_PUNCT.search(gap):  # (a single space, most gaps, holds none)
            break
        r = m.end()
    return out


REVERSED_WORD = re.compile(r"([\W_]*)([^\W_]+)")  # the gap, then the word, read backwards


SENTENCE_PUNCT = re.compile(r"[.!?:;\"“”‘’»«(\[\n]")


cached_is_demonym = functools.lru_cache(maxsize=8192)(is_demonym)
