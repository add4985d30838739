"""The scanner's helpers against plain reference implementations."""

from __future__ import annotations

import random
import re

from geodrills.extract import _SENTENCE_PUNCT, _words_before

_WORD = re.compile(r"[^\W_]+")


def _reference_words_before(text: str, pos: int, k: int) -> list[tuple[str, str]]:
    """Every word of the text indexed, then walked back from pos."""
    spans = [m.span() for m in _WORD.finditer(text, 0, pos)]
    out, end = [], pos
    for a, b in reversed(spans):
        gap = text[b:end]
        out.append((text[a:b], gap))
        if len(out) == k or _SENTENCE_PUNCT.search(gap):
            break
        end = a
    return out


def test_words_before_matches_the_reference_on_random_text():
    rng = random.Random(3)
    alphabet = list("abcXYZ é_ -.,;:!?\"'()\n\t0123ığ") + ["  ", "...", "—"]
    checked = 0
    for _ in range(400):
        text = "word " * rng.randint(0, 30) + "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 200)))
        rev = text[::-1]
        for pos in range(len(text) + 1):
            if pos and text[pos - 1].isalnum():
                continue  # candidates start where a word starts
            assert _words_before(rev, pos, 3) == _reference_words_before(text, pos, 3), (text, pos)
            checked += 1
    assert checked > 10_000


def test_words_before_stops_at_the_sentence():
    text = "He left. Troops in Kars"
    assert _words_before(text[::-1], text.index("Kars"), 3) == [("in", " "), ("Troops", " "), ("left", ". ")]
