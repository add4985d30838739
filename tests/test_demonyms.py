"""Demonyms and national adjectives to ISO2 (geodrills.demonyms)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geodrills.demonyms import DEMONYMS, demonym_country, find_demonyms, is_demonym

GOLD = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "seeds" / "demonyms.jsonl"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.mark.parametrize("word, code", [
    ("Turkish", "TR"), ("Turks", "TR"), ("Türk", "TR"), ("Azerbaijani", "AZ"), ("Azeri", "AZ"),
    ("Azeris", "AZ"), ("Armenian", "AM"), ("Armenians'", "AM"), ("Iranian", "IR"), ("Georgian", "GE"),
    ("Russian", "RU"), ("IRANIAN", "IR"), ("Pakistani", "PK"), ("German", "DE"),
])
def test_known(word, code):
    assert demonym_country(word) == code


@pytest.mark.parametrize("word", ["Ottoman", "Soviet", "Kurdish"])
def test_historical_or_stateless_are_recognised_but_have_no_country(word):
    assert is_demonym(word)
    assert demonym_country(word) is None


@pytest.mark.parametrize("word", ["Kars", "Turkey", "", "exercise", None, 42])
def test_not_demonyms(word):
    assert demonym_country(word) is None
    assert not is_demonym(word)


def test_table_is_read_only():
    with pytest.raises(TypeError):
        DEMONYMS["Martian"] = "MA"  # type: ignore[index]


def test_find_in_text_with_hyphenated_pairs():
    text = "Turkish-Azerbaijani exercises; Azeri-Turkish unity; Turkishness; the Armenians"
    assert [(m.text, m.country) for m in find_demonyms(text)] == [
        ("Turkish", "TR"), ("Azerbaijani", "AZ"), ("Azeri", "AZ"), ("Turkish", "TR"), ("Armenians", "AM")]
    for m in find_demonyms(text):
        assert text[m.start:m.end] == m.text


def test_lower_case_is_not_a_demonym_in_running_text():
    assert find_demonyms("a turkish bath and french fries") == []


def test_seed_gold_demonyms_all_found():
    if not GOLD.exists():
        pytest.skip(f"gold demonyms not available at {GOLD} (needs the shared eval folder)")
    gold = {(d["article"], d["start"], d["end"], d["country"])
            for d in map(json.loads, GOLD.read_text(encoding="utf-8").splitlines()) if d}
    found = set()
    for article in sorted({g[0] for g in gold}):
        text = (SEEDS / article).read_text(encoding="utf-8")
        found |= {(article, m.start, m.end, m.country) for m in find_demonyms(text)}
    assert found == gold


@pytest.mark.parametrize("word, code", [
    ("Canadian", "CA"), ("English", "GB"), ("Scottish", "GB"), ("Dutch", "NL"), ("Mexican", "MX"),
    ("South Korean", "KR"), ("Arab", None), ("Scandinavian", None),
])
def test_common_national_adjectives_beyond_the_region(word, code):
    assert is_demonym(word)
    assert demonym_country(word) == code


def test_two_word_demonyms_are_found_whole():
    found = [(m.text, m.country) for m in find_demonyms("South Korean and North Korean envoys")]
    assert found == [("South Korean", "KR"), ("North Korean", "KP")]


def test_union_names_are_not_demonyms():
    # "European Union", "African Union": organisations, not adjectives of a people
    assert find_demonyms("The European Union and the African Union met.") == []


@pytest.mark.parametrize("text, expected", [
    ("Ugandan and Rwandan troops", [("Ugandan", "UG"), ("Rwandan", "RW")]),
    ("South Sudanese and Sudanese officers", [("South Sudanese", "SS"), ("Sudanese", "SD")]),  # no "Sudanese" inside
    ("Papua New Guinean and Fijian soldiers", [("Papua New Guinean", "PG"), ("Fijian", "FJ")]),
    ("Honduran, Salvadoran and Guatemalan police", [("Honduran", "HN"), ("Salvadoran", "SV"), ("Guatemalan", "GT")]),
])
def test_more_national_adjectives(text, expected):
    assert [(d.text, d.country) for d in find_demonyms(text)] == expected
