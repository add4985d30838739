"""The one sentence splitter (geodrills.sentences), on sentences written for these tests."""

from __future__ import annotations

import pytest

from geodrills.sentences import Sentences, sentence_span, sentence_spans


def _texts(t: str) -> list[str]:
    return [t[a:b] for a, b in sentence_spans(t)]


@pytest.mark.parametrize("text, expected", [
    ("Troops arrived. They left.", ["Troops arrived.", "They left."]),
    ("Is it near? Yes! It is.", ["Is it near?", "Yes!", "It is."]),
    ('He said "Go now." Then they went.', ['He said "Go now."', "Then they went."]),
    ("Lt. Gen. Ali Aliyev led the drill.", ["Lt. Gen. Ali Aliyev led the drill."]),
    ("It ends on Sept. 27 in Kars.", ["It ends on Sept. 27 in Kars."]),
    ("The U.S. Army took part.", ["The U.S. Army took part."]),
    ("J. Smith reported it.", ["J. Smith reported it."]),
    ("drills near Kars. then more", ["drills near Kars. then more"]),   # no capital: not a new sentence
    ("Headline without stop\nBody starts here.", ["Headline without stop", "Body starts here."]),
    ("In 2024. 500 troops took part.", ["In 2024.", "500 troops took part."]),
    ("The drill opens on March 3. About 900 sailors join it.",
     ["The drill opens on March 3.", "About 900 sailors join it."]),
    ("Rehearsals end on day 9. Then the ships sail.", ["Rehearsals end on day 9.", "Then the ships sail."]),
    ("  \n\n  ", []),
])
def test_splits(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_lookup_by_offset_and_between_sentences() -> None:
    t = "One here.  Two in Kars."
    s = Sentences(t)
    assert len(s) == 2
    assert s.text_at(t.index("Kars")) == "Two in Kars."
    assert s.index_at(t.index("One")) == 0
    assert s.span_at(t.index("  ") + 1) is None  # the white space between the two
    assert t[slice(*sentence_span(t, t.index("Kars")))] == "Two in Kars."


def test_part_of_text_only() -> None:
    t = "Menu. Home.\nBody one. Body two."
    start = t.index("Body")
    assert [t[a:b] for a, b in Sentences(t, start)] == ["Body one.", "Body two."]


@pytest.mark.parametrize("unit", ["A. ", "A-", "Kars. ", "x" * 50 + ". ", ".\n"])
def test_linear_in_text_size(unit: str) -> None:
    # counts work, not seconds: the number of spans is bounded by the number of stops and lines
    small, big = unit * 2_000, unit * 8_000
    assert len(sentence_spans(big)) <= 4 * max(1, len(sentence_spans(small))) + 1
