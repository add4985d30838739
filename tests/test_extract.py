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


def _places(text: str) -> list[tuple[str, str, str]]:
    import geodrills as gd

    return [(m.text, m.place.name, m.place.country) for m in gd.geoparse(text)]


def test_abbreviated_saint_fort_mount_match_the_unabbreviated_entry():
    """The gazetteer writes "St Petersburg"; news writes "St. Petersburg" (the span keeps the period)."""
    text = "Protests spread from St. Petersburg to Moscow, and Ft. Worth police said nothing."
    got = _places(text)
    assert ("St. Petersburg", "Saint Petersburg", "RU") in got
    assert ("Ft. Worth", "Fort Worth", "US") in got
    for span, _, _ in got:
        assert span in text
    assert _places("St. said nothing.") == []  # no name after the abbreviation


def test_dictionary_words_need_more_evidence_than_a_small_town_has():
    """"Commerce" is a town in Texas, but capitalised in news it is mostly the word."""
    from geodrills.gazetteer import Gazetteer

    words = Gazetteer.default().common_words
    assert {"commerce", "centre", "portal"} <= words
    assert not {"turkey", "nice", "reading", "van", "china"} & words  # dictionaries know them as names too
    assert _places("The Chamber of Commerce met the Centre for Strategic Studies.") == []
    assert ("Commerce", "Commerce", "US") in _places("The shooting happened in Commerce, Texas, on Monday.")
    assert _places("Police in Split arrested two men.") == [("Split", "Split", "HR")]  # a city keeps its weight


def test_word_lists_builder_plurals_and_case_rule(tmp_path):
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        "build_word_lists", Path(__file__).resolve().parents[1] / "gazetteer" / "build_word_lists.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert [build.plural(w) for w in ("city", "day", "box", "church", "portal")] == \
        ["cities", "days", "boxes", "churches", "portals"]
    dic = tmp_path / "index.dic"
    dic.write_text("4\ncommerce/M\nturkey/MS\nTurkey/M\nhighway/MS\n", encoding="utf-8")
    assert build.lowercase_only_words([dic]) == {"commerce", "highway", "highways"}


def test_a_first_name_alone_is_not_a_small_place():
    """GeoNames has villages called Alex (Oklahoma) and Olivia (Minnesota)."""
    from geodrills.gazetteer import Gazetteer

    assert {"alex", "olivia", "austin"} <= Gazetteer.default().first_names
    assert _places("His sisters Alex and Olivia waited at home.") == []
    assert ("Olivia", "Olivia", "US") in _places("The fair was held in Olivia, Minnesota.")
    assert ("Austin", "Austin", "US") in _places("Austin police said the road was closed.")  # a city outweighs it
