"""Name folding shared by the gazetteer build, lookups and the text scanner.

Three levels, each a pure function of the string:

* :func:`fold` maps every character to exactly one character (lower case,
  no diacritics, ``ı``/``İ`` → ``i``, ``ə`` → ``a``, anything that is not a
  letter or digit → space).  Because it keeps the length, an offset in the
  folded text is an offset in the original.
* :func:`name_keys` turns a name into the index keys it is stored under:
  folded tokens joined by single spaces.  An apostrophe either joins or
  splits ("Ma'ale" → "maale" and "ma ale"), so both spellings match.
* :func:`skeleton` is a lossy transliteration key (``kh``/``x`` → ``h``,
  ``j``/``c``/``ch`` → ``c``, vowels after the first letter dropped) under
  which Nakhchivan, Nakhichevan, Naxçıvan, Nakhijevan and Nahçıvan, or
  Jabrayil, Jebrail and Cəbrayıl, fall together.

Examples
--------
>>> fold("Naxçıvan's")
'naxcivan s'
>>> sorted(name_keys("Ma'ale Adumim"))
['ma ale adumim', 'maale adumim']
>>> skeleton(fold("Nakhichevan")) == skeleton(fold("Naxçıvan")) == skeleton(fold("Nakhijevan"))
True
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "caseless", "name_keys", "skeleton", "APOSTROPHES"]

APOSTROPHES = "'’‘ʼʻ`´"

# Letters whose decomposition does not give their usual Latin transliteration.
_SPECIAL = {
    "ı": "i", "İ": "i", "ə": "a", "Ə": "a", "ß": "s", "æ": "a", "Æ": "a",
    "ǝ": "a", "Ǝ": "a",  # turned e, which GeoNames sometimes writes for the schwa ("Kǝngǝrli")
    "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "þ": "t",
    "Þ": "t", "ð": "d", "Ð": "d", "œ": "o", "Œ": "o", "ħ": "h", "ŀ": "l",
    # Modifier-letter apostrophes count as letters to Python; they separate words like "'".
    "ʼ": " ", "ʻ": " ", "ʽ": " ", "ˈ": " ",
}


class _FoldTable(dict):
    """``str.translate`` table filled lazily, one code point at a time."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        out = _SPECIAL.get(ch)
        if out is None:
            if ch.isalnum():
                base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
                out = (base or ch).lower()
                if len(out) != 1 or not out.isalnum():
                    out = ch.lower() if len(ch.lower()) == 1 else ch
            else:
                out = " "
        self[code] = out
        return out


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Fold ``text`` for matching, keeping its length.

    Examples
    --------
    >>> fold("İmişli, Cəbrayıl")
    'imisli  cabrayil'
    """
    if text.isascii():  # (most news text: a byte table, the same answer as the table below)
        return text.encode("ascii").translate(_ASCII_TABLE).decode("ascii")
    if len(text) < 256:
        return text.translate(_TABLE)
    return _fold_long(text)


def caseless(text: str) -> str:
    """``text`` as a case-insensitive pattern sees it, for cheap word tests before costly patterns.

    Every ASCII word that ``re.compile(word, re.IGNORECASE)`` finds in ``text`` is a substring of
    the result (``str.casefold``, with the dotless ``ı`` that such a pattern takes for ``i``), so
    ``"until" not in caseless(s)`` proves that no ``re.I`` pattern which needs "until" can match
    ``s``.  Offsets are not kept (``ß`` becomes ``ss``): use it to skip patterns, not to place them.

    Examples
    --------
    >>> "formerly" in caseless("Qartalı, FORMERLY known as")
    True
    >>> "until" in caseless("Qartalı")
    False
    """
    folded = text.casefold()
    return folded.replace("ı", "i") if "ı" in folded else folded


_ASCII_TABLE = bytes(ord(_TABLE[c]) for c in range(128)) + bytes(128)  # (an ASCII character folds to one)
_BMP_TABLE = None  # code point -> folded code point (0: not looked up yet), for long texts


def _fold_long(text: str) -> str:
    """:func:`fold` for a whole article: a numpy table lookup, about 4x faster than str.translate."""
    global _BMP_TABLE
    import numpy as np

    try:
        cp = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    except UnicodeEncodeError:  # lone surrogates
        return text.translate(_TABLE)
    if cp.max() >= 0x10000:
        return text.translate(_TABLE)
    if _BMP_TABLE is None:
        _BMP_TABLE = np.zeros(0x10000, dtype=np.uint32)
    out = _BMP_TABLE[cp]
    if not out.all():
        for c in np.unique(cp[out == 0]).tolist():
            _BMP_TABLE[c] = ord(_TABLE[c])
        out = _BMP_TABLE[cp]
    return out.tobytes().decode("utf-32-le")


def name_keys(name: str) -> set[str]:
    """The index keys of a name (usually one; two where it has an apostrophe).

    Examples
    --------
    >>> name_keys("  Ras al-Khaimah ")
    {'ras al khaimah'}
    """
    keys = {" ".join(fold(name).split())}
    if any(a in name for a in APOSTROPHES):
        joined = name.translate({ord(a): None for a in APOSTROPHES})
        keys.add(" ".join(fold(joined).split()))
    keys.discard("")
    return keys


_SKELETON_RULES = [
    (re.compile(r"dzh|dzj|dj|zh|ts|tch|ch|j|c|ç"), "c"),
    (re.compile(r"kh|gh|x|h"), "h"),
    (re.compile(r"sh|sch|ş|s"), "s"),
    (re.compile(r"q|k|ck"), "k"),
    (re.compile(r"ph|f|v|w"), "v"),
    (re.compile(r"th"), "t"),
    (re.compile(r"y"), "i"),
]
_VOWELS_AFTER_FIRST = re.compile(r"(?<=\w)[aeiou]+")
_REPEATS = re.compile(r"(.)\1+")


def skeleton(key: str) -> str:
    """A lossy transliteration key of a folded name key.

    Used only as a second chance when the exact key is not found; its
    candidates are always re-ranked by string similarity.

    Examples
    --------
    >>> skeleton(fold("Cəbrayıl")) == skeleton("jebrail") == skeleton("jabrayil")
    True
    >>> skeleton("imishli") == skeleton(fold("İmişli"))
    True
    """
    out = []
    for token in key.split():
        t = token
        for pattern, repl in _SKELETON_RULES:
            t = pattern.sub(repl, t)
        t = _VOWELS_AFTER_FIRST.sub("", t)
        out.append(_REPEATS.sub(r"\1", t))
    return " ".join(out)
