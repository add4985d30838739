"""A known place standing in for a claim's subject the gazetteer lacks (geodrills.claims.standins).

Every sentence here is written for these tests, about places in other regions than the dev articles.
"""

from __future__ import annotations

import pytest

from geodrills.articles import Article
from geodrills.claims import check_claims
from geodrills.claims.objects import MentionIndex
from geodrills.claims.standins import find_stand_in
from geodrills.lexicon.sites import FACILITY_NOUNS, SITE_AFTER, strip_site_words

UNKNOWN = "names no place the gazetteer knows"


def _rows(text: str, kind: str | None = None) -> list[dict]:
    rows = check_claims(Article.from_text(text)).to_dict("records")
    return [r for r in rows if kind is None or r["kind"] == kind]


# --------------------------------------------------------------------------- 1. a site named after a town


@pytest.mark.parametrize("text, subject, verdict", [
    # far beyond "near" at every point of the site's spread
    ("German gunners fired at the Bergen range, close to the Dutch border.", "Bergen range", "doubtful"),
    # the stated figure holds across the spread (Tapa is ~97 km from Russia)
    ("Estonian conscripts drilled at the Tapa training area, about 100 km from the Russian border.",
     "Tapa training area", "supported"),
    # ~63 km from Russia: within 20 km of the town the site could be on either side of 50 km
    ("Polish tank crews fired at the Orzysz Training Ground, close to the border with Russia.",
     "Orzysz Training Ground", "unverifiable"),
])
def test_a_site_is_measured_from_the_town_it_is_named_after(text, subject, verdict):
    row = [r for r in _rows(text) if r["kind"] in ("near", "km_from")][0]
    assert row["subject"] == subject and row["verdict"] == verdict, row["reason"]
    assert "is named after" in row["reason"]
    assert "within 20 km of that point" in row["reason"]


def test_a_list_of_sites_gives_one_subject_per_name():
    rows = _rows("Latvian units trained at the Adazi and Lielvarde training areas near Riga.", "near")
    verdicts = {r["subject"]: r["verdict"] for r in rows}
    # Ādaži is ~20 km from Riga: near across the spread; Lielvārde ~50 km: too close to call
    assert verdicts == {"Adazi training area": "supported", "Lielvarde training area": "unverifiable"}


def test_a_mountain_range_is_not_a_site_named_after_a_place():
    rows = _rows("Georgian mountain troops trained in the Caucasus range, near the Russian border.", "near")
    assert all("is named after" not in r["reason"] for r in rows)


def test_a_unit_s_surroundings_are_not_a_site():
    # "the Kars area" is Kars and around it, not a site named after it: measured as Kars
    row = _rows("Troops massed in the Kars area, near the Armenian border.", "near")[0]
    assert row["subject"] == "Kars" and "is named after" not in row["reason"]


def test_a_site_in_the_unit_of_its_town_is_within_that_unit():
    row = _rows("Troops gathered in Kars province at the Sarikamis training area.", "within")[0]
    assert row["verdict"] == "supported" and "same unit as the town it is named after" in row["reason"]


# --------------------------------------------------------------------------- 3. a feature's name in the gazetteer


def test_an_island_is_measured_from_the_place_listed_under_its_name():
    row = _rows("Taiwanese marines staged landings on Kinmen island, near the Chinese coast.", "near")[0]
    assert row["subject"] == "Kinmen island" and row["verdict"] == "supported"
    assert "Jincheng" in row["reason"] and "lists under the island's name" in row["reason"]


def test_a_feature_name_in_a_country_the_article_does_not_name_stays_unverifiable():
    row = _rows("Norwegian troops landed on Kinmen island, near the Swedish border.", "near")[0]
    assert row["verdict"] == "unverifiable" and UNKNOWN in row["reason"]


def test_a_transliteration_guess_never_stands_in():
    # "Tarvo" is a transliteration-level match for Tõrva, a real Estonian town: not good enough
    s = find_stand_in("Tarvo Live Fire Complex", 0, 23, "Tarvo Live Fire Complex.", MentionIndex([]),
                      frozenset({"EE"}))
    assert s is None


@pytest.mark.parametrize("name, bare, sort", [
    ("Vaziri Military Airfield", "Vaziri", "site"),
    ("the Osk and Varna Gunnery Ranges", "Osk and Varna", "site"),
    ("Lake Ohrid", "Ohrid", "feature"),
    ("Kuril Islands", "Kuril", "feature"),
    ("Korvel", "Korvel", None),
])
def test_site_and_feature_words_are_stripped(name, bare, sort):
    assert strip_site_words(name) == (bare, sort)


@pytest.mark.parametrize("noun", FACILITY_NOUNS)
def test_every_facility_phrase_the_events_use_is_a_site_for_claims_too(noun):
    # one vocabulary of sites: what makes "the Tarvo firing range" a site for events does for claims
    assert strip_site_words(f"Tarvo {noun}") == ("Tarvo", "site")


@pytest.mark.parametrize("after, hit", [
    (" training area", True), (" Live Fire Complex", True), (" range", True), (" garrison", True),
    (" area", False), (" school", False), (" rangers", False),
])
def test_a_site_word_after_a_name(after, hit):
    assert bool(SITE_AFTER.match(after)) is hit


# --------------------------------------------------------------------------- 2. a container stands in


def test_the_town_a_site_is_in_stands_in_with_a_small_spread():
    row = _rows("Gunners fired at the Qelbrin range in Narva, some 150 km from the Latvian border.", "km_from")[0]
    # Narva is ~209 km from Latvia: 150 ± 37.5 km misses at every point within 20 km of it
    assert row["subject"] == "Qelbrin range" and row["verdict"] == "doubtful"
    assert "Narva" in row["reason"] and "places it in" in row["reason"]


def test_a_container_decides_only_when_the_figure_is_decisive_across_its_spread():
    row = _rows("Gunners fired at the Qelbrin range in Narva, right on the Russian border.", "on")[0]
    assert row["verdict"] == "unverifiable" and "too close to call" in row["reason"]


def test_a_possessive_owner_stands_in():
    row = _rows("Narva's Qelbrin, barely 150 km from the Latvian border, hosted the drill.", "km_from")[0]
    assert row["subject"] == "Qelbrin" and row["verdict"] == "doubtful" and "places it in" in row["reason"]


def test_a_containment_claim_with_an_unknown_site_is_not_measured_by_its_container():
    row = _rows("Gunners fired at the Qelbrin range in Narva on Monday.", "within")
    assert not row or row[0]["verdict"] == "unverifiable"


def test_a_town_named_like_its_province_stands_in_as_the_province():
    # "in Kars" may mean the province: its whole extent, never a town's 20 km
    row = _rows("Sappers worked at Qelbrin in Kars, roughly 60 km from the Iranian border.", "km_from")[0]
    assert row["verdict"] == "unverifiable" and "its unit" in row["reason"]


def test_a_site_near_a_town_is_never_measured_from_that_town_for_that_claim():
    row = _rows("Peruvian troops trained at the Qelbrin Gunnery Complex near Tumbes on Monday.", "near")
    assert not row or UNKNOWN in row[0]["reason"]


# --------------------------------------------------------------------------- 4. the exercise's own sites


_LEAD = "Russian paratroopers began the exercise in Pskov and Ostrov on Monday. "


@pytest.mark.parametrize("claim", [
    "The ranges are close to the Latvian border.",
    "Their training grounds all lie near the Latvian frontier.",
    "The drills are being held near the border with Latvia.",
])
def test_the_exercise_s_sites_are_its_location_places(claim):
    row = _rows(_LEAD + claim, "near")[0]
    assert row["subject"] in ("Pskov", "Ostrov") and "of the exercise's 2 location place(s)" in row["reason"]


def test_most_of_the_sites_is_judged_by_the_median_place():
    # Pskov is ~32 km from Estonia, Ostrov ~64 km: "most of" two needs both, and Ostrov is not near
    row = _rows(_LEAD + "Most of the exercise areas are near the Estonian border.", "near")[0]
    assert "median" in row["reason"] and "most of them" in row["reason"]
    assert row["subject"] == "Ostrov" and row["verdict"] == "doubtful"


def test_the_majority_of_the_sites_with_a_figure():
    row = _rows(_LEAD + "The majority of the ranges lie within 60 km of the Latvian border.", "km_from")[0]
    assert "median" in row["reason"] and row["verdict"] == "supported"


def test_a_site_the_sentence_names_is_not_replaced_by_the_exercise_s_places():
    row = _rows(_LEAD + "The Qelbrin range lies near the Latvian border.", "near")[0]
    assert row["subject"] == "Qelbrin range"


# --------------------------------------------------------------------------- objects the gazetteer lacks


def test_an_object_site_is_measured_from_the_town_it_is_named_after():
    row = _rows("Estonian scouts from Rakvere camped 150 km from the Tapa training area.", "km_from")[0]
    # Rakvere is ~25 km from Tapa: 150 km misses at every point of the site's spread
    assert row["object"] == "Tapa training area" and row["verdict"] == "doubtful"
    assert "is named after" in row["reason"]


def test_an_object_feature_is_measured_from_the_place_listed_under_its_name():
    row = _rows("Taiwanese marines are based in Taipei, some 330 km from the Kinmen islands.", "km_from")[0]
    assert row["object"] == "Kinmen islands" and row["verdict"] == "supported"
    assert "Jincheng" in row["reason"]


def test_an_object_feature_in_a_country_the_sentence_does_not_name_stays_unresolved():
    row = _rows("Georgian troops in Gori drilled 300 km from the Kinmen islands.", "km_from")[0]
    assert row["verdict"] == "unverifiable" and "not in the gazetteer" in row["reason"]


def test_a_far_off_namesake_as_the_exercise_s_place_is_never_measured():
    # "Siberia" read as a Mexican village in an article naming only Russia and China: no 11,000 km figure
    text = ("The Russian army began the drills in Siberia on Monday, alongside Chinese units. The drills are "
            "being held near the Chinese border.")
    row = _rows(text, "near")[0]
    assert row["verdict"] == "unverifiable" and "likely another place of that name" in row["reason"]
    assert "11" not in row["reason"].split(";")[0]  # no measured figure in the reason's first clause


def test_a_confident_reading_far_from_the_border_stays_a_wrong_claim_or_reading():
    # a capital is no village: the country test does not call it a namesake
    row = _rows("Drills were held in Baku, near the Polish border.", "near")[0]
    assert "neither names nor borders" not in row["reason"]


@pytest.mark.parametrize("text, verdict", [
    # Orzysz lies ~19° (north-north-east) of Warsaw, 187 km away: a 20 km spread moves the bearing ±6°
    ("Polish troops trained at the Orzysz training ground, north-east of Warsaw.", "supported"),
    ("Polish troops trained at the Orzysz training ground, south of Warsaw.", "doubtful"),
])
def test_a_direction_from_a_stand_in_allows_for_the_site_s_spread(text, verdict):
    row = _rows(text, "direction")[0]
    assert row["verdict"] == verdict and "its bearing within ±6°" in row["reason"]


def test_a_direction_too_close_to_its_reference_is_too_close_to_call():
    # ~25 km apart with a 20 km spread: the site could lie in almost any direction from Rakvere
    row = _rows("Estonian units trained at the Tapa training area, west of Rakvere.", "direction")[0]
    assert row["verdict"] == "unverifiable" and "too close to call" in row["reason"]


@pytest.mark.parametrize("name", ["Victory camp", "Eagle range", "Liberty base"])
def test_an_everyday_word_is_no_town_a_site_is_named_after(name):
    assert find_stand_in(name, 0, len(name), name + ".", MentionIndex([]), frozenset({"US", "DE"})) is None


# --------------------------------------------------------------------------- "the training area" refers back


@pytest.mark.parametrize("later", [
    "The training area lies about 100 km from the Russian border.",
    "This training area is some 100 km from the Russian frontier.",
])
def test_the_training_area_refers_back_to_the_site_named_before(later):
    row = _rows("Estonian troops moved to the Tapa training area on Monday. " + later, "km_from")[0]
    assert row["subject"] == "Tapa training area" and row["verdict"] == "supported"


def test_the_area_alone_is_no_site():
    rows = _rows("Estonian troops moved to the Tapa training area on Monday. Tensions in the area are high near "
                 "the Russian border.", "near")
    assert all(r["subject"] != "Tapa training area" for r in rows)


def test_the_range_refers_back_to_a_site_and_keeps_its_stand_in():
    rows = _rows("Georgian troops drilled at the Qelbrin range near Gori. The range lies some 40 km from the "
                 "Russian border.", "km_from")
    assert rows[0]["subject"] == "Qelbrin range" and "Gori" in rows[0]["reason"]
