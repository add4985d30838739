"""Claim forms: objects described around a name, a border's length by its owner, superlatives.

Every sentence here is written for the test.
"""

from __future__ import annotations

import pytest

pytest.importorskip("geopandas")

from geodrills.articles import Article  # noqa: E402
from geodrills.claims import check_claims  # noqa: E402


def _rows(text: str, kind: str | None = None) -> list[dict]:
    rows = check_claims(Article.from_text(text)).to_dict("records")
    return [r for r in rows if kind is None or r["kind"] == kind]


@pytest.mark.parametrize("text, pair", [
    ("Kazakhstan shares a 7,600-kilometre (4,700-mile) border with Russia, Asia's longest, and Moscow has "
     "moved troops to Kyrgyzstan.", "KZ-RU"),
    ("Iran has a 534-km border with Turkey, which Iraq also borders.", "IR-TR"),
    ("Since 2020 Azerbaijan has had an 11 km frontier with Turkey.", "AZ-TR"),
])
def test_a_length_is_of_the_border_its_owner_shares_with_the_country_named(text, pair):
    rows = [r for r in _rows(text, "length") if r["stated_km"] == r["stated_km"]]  # not NaN
    assert rows and rows[0]["object"] == pair


@pytest.mark.parametrize("text", [
    "Kazakhstan shares a 7,600-kilometre border with Russia, Asia's longest.",
    "The 1,200-kilometre frontier between Poland and Belarus is the longest in the region.",
    "Troops moved to the largest base near the border with Armenia.",
])
def test_superlatives_are_never_doubtful(text):
    for r in _rows(text):
        if "longest" in r["text"] or "largest" in r["text"] or "shortest" in r["text"]:
            assert r["verdict"] == "unverifiable", r


@pytest.mark.parametrize("text, place", [
    ("Kazakhstan shares a 7,600-kilometre border with Russia, and Moscow has moved troops to Kyrgyzstan.", "Moscow"),
    ("Mongolia has a 4,630 km frontier with China, but Beijing says the line is quiet.", "Beijing"),
])
def test_a_place_opening_a_new_clause_is_neither_a_listed_object_nor_the_subject(text, place):
    rows = _rows(text)
    assert rows and all(place not in str(r["object"]) and place not in str(r["subject"]) for r in rows)


def test_a_superlative_names_the_border_it_ranks():
    row = [r for r in _rows("Kazakhstan shares a 7,600-kilometre border with Russia, Asia's longest.", "length")
           if "longest" in r["text"]][0]
    assert row["object"] == "KZ-RU" and row["verdict"] == "unverifiable"


@pytest.mark.parametrize("text, place", [
    ("The strip is a corridor between Iran and Azerbaijan's landlocked exclave of Nakhchivan.", "Nakhchivan"),
    ("Sejny sits between Lithuania and Russia's exclave of Kaliningrad.", "Kaliningrad"),
    ("The Zangezur strip runs between Iran and Azerbaijan's exclave of Nakhchivan.", "Nakhchivan"),
    ("The ridge stretches between Georgia and Russia's republic of Dagestan.", "Dagestan"),
])
def test_a_possessive_description_names_the_place_not_the_owner(text, place):
    rows = _rows(text, "direction")
    assert rows and place in rows[0]["text"]


@pytest.mark.parametrize("text, obj", [
    ("Gunners trained in Gori, close to the fringes of the breakaway South Ossetia region.", "South Ossetia"),
    ("Paratroopers dropped close to the fringes of Armenia.", "Armenia"),
])
def test_the_edge_of_a_place_is_measured_as_the_place(text, obj):
    rows = [r for r in _rows(text) if r["kind"] == "near"]
    assert rows and obj in rows[0]["object"]


@pytest.mark.parametrize("site", ["in the hills", "on the steppe", "in the desert", "in a forest"])
def test_an_unnamed_site_right_before_the_cue_is_the_subject(site):
    # the drills' named venue (Gyumri) is not where this stage took place
    text = f"Armenian gunners held drills in Gyumri. The drills went on {site}, close to the fringes of Turkey."
    row = [r for r in _rows(text, "near") if "Turkey" in r["text"]][0]
    assert row["subject"] is None and row["verdict"] == "unverifiable"


# --------------------------------------------------------------------------- within, direction, lines, lists


@pytest.mark.parametrize("text, country, verdict", [
    ("Transnistria, internationally recognized as Moldovan territory, saw protests.", "MD", "supported"),
    ("Clashes erupted in Abkhazia, which is widely recognised as part of Georgia.", "GE", "supported"),
    ("Transnistria, recognized by a few states as Romanian territory, held a parade.", "RO", "doubtful"),
    # a region that only touches the country named is not in it
    ("Abkhazia, recognized by Moscow as Russian territory, held a parade.", "RU", "doubtful"),
])
def test_recognised_as_a_country_is_containment(text, country, verdict):
    row = [r for r in _rows(text, "within") if "recogni" in r["text"]][0]
    assert (row["object"], row["verdict"]) == (country, verdict)


@pytest.mark.parametrize("text", [
    "The brigade moved to Kars province's Qelbrin, close to the Armenian border.",
    "Gunners trained at Kakheti's Qelbrin, some 30 km from the Russian border.",
])
def test_a_unit_possessive_before_a_name_the_gazetteer_lacks_is_containment(text):
    rows = [r for r in _rows(text, "within") if r["subject"] == "Qelbrin"]
    assert rows and rows[0]["verdict"] == "unverifiable"


def test_a_country_possessive_before_a_person_is_not_containment():
    assert not [r for r in _rows("Turkey's Erdogan visited troops near the Syrian border.", "within")
                if r["subject"] == "Erdogan"]


def test_a_named_site_in_a_place_the_gazetteer_lacks_is_kept_unverifiable():
    rows = _rows("Howitzers fired at the Qelbrin Live Fire Complex in Zorvath on Tuesday.", "within")
    assert rows and rows[0]["subject"] == "Qelbrin Live Fire Complex" and rows[0]["verdict"] == "unverifiable"


@pytest.mark.parametrize("text, direction", [
    ("Marines landed at the Qelbrin beach park on Lesbos's east coast.", "east"),
    ("Marines landed at the Qelbrin beach park on the northern shore of Lesbos.", "north"),
])
def test_on_a_side_of_a_place_is_a_direction_inside_it(text, direction):
    rows = _rows(text, "direction")
    assert rows and rows[0]["stated_direction"] == direction


def test_on_the_east_coast_of_a_known_place_is_judged_in_its_outline():
    row = _rows("Drills were held at Sitia, on the east coast of Crete.", "direction")[0]
    assert row["verdict"] == "supported"


@pytest.mark.parametrize("text", [
    "Forty aircraft crossed the median line of the strait on Saturday.",
    "Jets flew across the central line separating the two navies.",
])
def test_a_line_the_data_lacks_is_an_unverifiable_object(text):
    rows = _rows(text, "across")
    assert rows and rows[0]["verdict"] == "unverifiable" and "line" in rows[0]["object"]


def test_listed_names_the_gazetteer_lacks_share_a_border_noun():
    rows = _rows("Police reinforced the Qelbrin and Sarpi border stations.", "on")
    subjects = {r["subject"]: r["verdict"] for r in rows}
    assert subjects.get("Qelbrin") == "unverifiable" and subjects.get("Sarpi") == "supported"


@pytest.mark.parametrize("text, names", [
    ("Police reinforced the Qelbrin and Wwvvq border crossings.", {"Qelbrin", "Wwvvq"}),
    ("Guards left the Qelbrin, Xxkkq and Wwvvq border posts.", {"Qelbrin", "Xxkkq", "Wwvvq"}),
])
def test_listed_names_all_unknown_before_a_border_noun_are_each_kept(text, names):
    rows = _rows(text, "on")
    assert {r["subject"] for r in rows} == names and {r["verdict"] for r in rows} == {"unverifiable"}


@pytest.mark.parametrize("text, verdict", [
    ("Exercises took place in Lankaran, in the south of Azerbaijan.", "supported"),
    ("Exercises took place in Lankaran, in the north of Azerbaijan.", "doubtful"),
])
def test_a_place_in_a_part_of_its_own_country_is_the_subject(text, verdict):
    row = _rows(text, "direction")[0]
    assert (row["subject"], row["verdict"]) == ("Lankaran", verdict)


# --------------------------------------------------------------------------- neighbours and their sides


@pytest.mark.parametrize("text, verdict", [
    ("Turkey warned its eastern neighbour Iran.", "supported"),
    ("Poland and its eastern neighbour, Belarus, held talks.", "supported"),
    ("Tensions rose between Poland and its western neighbour Belarus.", "doubtful"),
    ("Spain and its southern neighbour Morocco met.", "supported"),
])
def test_a_directional_neighbour_is_a_border_and_a_direction(text, verdict):
    rows = _rows(text)
    kinds = {r["kind"]: r for r in rows}
    assert kinds["borders"]["verdict"] == "supported"
    assert kinds["direction"]["verdict"] == verdict


@pytest.mark.parametrize("text, verdict", [
    ("Georgia is bordered by Russia to the north.", "supported"),
    ("Georgia is bordered by Russia to the south.", "doubtful"),
    ("Armenia, landlocked and bordered by Turkey to the west, held drills.", "supported"),
])
def test_bordered_by_a_country_to_a_side(text, verdict):
    rows = _rows(text)
    assert [r["verdict"] for r in rows if r["kind"] == "borders"] == ["supported"]
    row = [r for r in rows if r["kind"] == "direction"][0]
    assert row["verdict"] == verdict and "spans bearings" in row["reason"]


# --------------------------------------------------------------------------- units named after towns, negation


@pytest.mark.parametrize("text", [
    "Russian troops massed in Belgorod region, bordering Ukraine.",
    "Artillery was moved near the Ukrainian border in Kursk region.",
])
def test_a_region_named_after_its_town_is_measured_as_the_region_not_the_town(text):
    row = [r for r in _rows(text) if r["kind"] in ("borders", "near")][0]
    assert row["subject_kind"] == "admin1" and row["verdict"] != "doubtful"


def test_a_province_with_an_outline_is_measured_by_it():
    row = _rows("Drills were held in Kars province, near the Armenian border.", "near")[0]
    assert row["subject_kind"] == "admin1" and row["measured_km"] == 0.0 and row["verdict"] == "supported"


@pytest.mark.parametrize("text, verdict", [
    ("The base in Erzurum is not on the Iranian border.", "supported"),
    ("Kilis is not directly on the Syrian border.", "doubtful"),
    ("Kilis lies on the Syrian border.", "supported"),
    ("Turkish troops are not on the Syrian border.", "unverifiable"),
])
def test_not_on_the_border(text, verdict):
    assert _rows(text, "on")[0]["verdict"] == verdict


@pytest.mark.parametrize("text, stated, verdict", [
    ("In Kilis the Syrian border is only 3 km away.", 3.0, "supported"),
    ("From Gyumri, the Turkish border is roughly 10 kilometres (6 miles) away.", 10.0, "supported"),
    ("In Kars the Armenian border is just 2 km away.", 2.0, "doubtful"),
])
def test_the_border_is_n_km_away(text, stated, verdict):
    row = _rows(text, "km_from")[0]
    assert (row["stated_km"], row["verdict"]) == (stated, verdict)


def test_n_km_away_without_a_border_named_is_not_a_claim():
    assert not _rows("The nearest hospital in Kars is 3 km away.", "km_from")


# --------------------------------------------------------------------------- false alarms seen on unseen news


@pytest.mark.parametrize("text, verdict", [
    ("Deminers will clear a seven-kilometre section of the border between Georgia and Azerbaijan.", "supported"),
    ("Mines lie along a 2,000-km stretch of the Armenia-Azerbaijan border.", "doubtful"),
])
def test_a_section_of_a_border_is_at_most_the_whole(text, verdict):
    rows = [r for r in _rows(text, "length") if r["stated_km"] == r["stated_km"]]
    assert rows and rows[0]["verdict"] == verdict


def test_a_place_inside_a_title_is_not_contained():
    assert not _rows("The statue of St. Gregory of Narek in Vatican was unveiled.", "within")


def test_a_border_to_the_east_is_not_a_place_to_the_east():
    for r in _rows("The army secured the roads all the way to the Iraqi border to the east of Damascus.",
                   "direction"):
        assert r["verdict"] != "doubtful"


@pytest.mark.parametrize("text", [
    "Nureddine Mehmud says Turkey fired on Qelbrin and other towns along the Syrian-Turkish border, a "
    "diversion from the campaign to take the enclave of Afrin.",
    "Thousands have been leaving for northwestern Syria from other parts of eastern Ghouta in convoys.",
])
def test_objects_destinations_and_owners_after_the_cue_are_not_subjects(text):
    rows = [r for r in _rows(text) if r["kind"] in ("on", "direction") and "Ghouta" not in r["text"]]
    assert rows
    for r in rows:
        assert r["subject"] not in ("‘Afrīn", "Afrin", "Ghouta") and r["verdict"] != "doubtful"


# --------------------------------------------------------------------------- wrong claims are still caught


@pytest.mark.parametrize("text, kind", [
    ("Drills were held in Kars, 300 km from the Armenian border.", "km_from"),
    ("Drills were held in Yerevan, just 2 km from the Turkish border.", "km_from"),
    ("Tbilisi lies 50 km south of the Russian border.", "km_from"),
    ("Kars is some 60 miles from the Georgian border.", "km_from"),
    ("Kars lies 40 km east of the Armenian border.", "km_from"),
    ("Tanks rolled into Batumi, north of Tbilisi.", "direction"),
    ("Exercises took place in Baku, near the Armenian border.", "near"),
    ("Exercises took place in Baku, not far from the Russian border.", "near"),
    ("The drills were held in Van, which is far from the Iranian border.", "near"),
    ("Exercises took place in Lankaran, in the north of Azerbaijan.", "direction"),
    ("Tensions rose between Poland and its western neighbour Belarus.", "direction"),
    ("Georgia is bordered by Russia to the south.", "direction"),
    ("Kilis is not directly on the Syrian border.", "on"),
    ("In Kars the Armenian border is just 2 km away.", "km_from"),
    ("Erzurum, a border town, hosted the drills.", "on"),
])
def test_wrong_claims_in_many_forms_are_doubtful(text, kind):
    assert [r["verdict"] for r in _rows(text, kind)][:1] == ["doubtful"]


@pytest.mark.parametrize("text, verdict", [
    ("Drills were held in Anadyr, in the east of Russia.", "supported"),         # across the antimeridian
    ("Drills were held in Anadyr, in the west of Russia.", "doubtful"),
    ("Drills were held in Seattle, in the west of the United States.", "supported"),
    ("Drills were held in Miami, in the west of the United States.", "doubtful"),
    ("Drills were held in Inverness, in the north of the United Kingdom.", "supported"),  # Akrotiri left out
])
def test_halves_of_countries_spanning_the_globe(text, verdict):
    assert _rows(text, "direction")[0]["verdict"] == verdict


def test_a_unit_measured_from_its_point_is_on_a_line_it_may_reach():
    # Jammu and Kashmir has no bundled outline: its point is 107 km from the LoC, its edge may touch it
    row = _rows("Indian and Pakistani troops fought in Jammu and Kashmir, along the Line of Control.", "on")[0]
    assert row["verdict"] == "unverifiable" and "too close to call" in row["reason"], row["reason"]


def test_containment_in_a_unit_without_an_outline_by_its_gazetteer_code():
    row = _rows("Troops fought in Kashmir's Poonch district.", "within")[0]
    assert row["verdict"] == "supported" and "admin-1 code" in row["reason"]
    # a different unit of the same country is not called doubtful by code alone (codes and units change)
    row = _rows("Drills were held in Vladivostok in Khabarovsk Krai.", "within")[0]
    assert row["verdict"] == "unverifiable"


@pytest.mark.parametrize("text, km", [
    ("Sappers bridged the river at Kars, less than a kilometre from the Armenian border.", 1.0),
    ("Sappers bridged the river at Kars, about a mile from the Armenian border.", 1.609344),
])
def test_a_distance_of_a_kilometre_or_a_mile(text, km):
    (row,) = [r for r in check_claims(Article.from_text(text)).to_dict("records") if r["kind"] == "km_from"]
    assert row["stated_km"] == pytest.approx(km) and row["verdict"] == "doubtful"  # Kars is 41 km away


@pytest.mark.parametrize("text, verdict", [
    ("Troops drilled in Gyumri, on the Turkish side of the border.", "doubtful"),     # Gyumri is in Armenia
    ("Guards patrolled Narva, on the Russian side of the border.", "doubtful"),       # Narva is in Estonia
    ("Troops drilled in Kars, on the Turkish side of the border with Armenia.", "supported"),
    # a town of that name lies across the border: the side names it, no wrong side
    ("Azerbaijani troops drilled in Astara, on the Iranian side of the border.", "supported"),
])
def test_on_a_countrys_side_of_the_border_is_checked(text, verdict):
    (row,) = [r for r in check_claims(Article.from_text(text)).to_dict("records") if r["kind"] == "near"]
    assert row["verdict"] == verdict, row["reason"]


@pytest.mark.parametrize("text, verdicts", [
    # each place against the borders listed: near one of them is enough
    ("Troops drilled in Kars and Ardahan, close to the Georgian and Armenian borders.", {"Kars": "supported",
                                                                                       "Ardahan": "supported"}),
    # far from them: judged by the nearest (Kars is 41 km from Armenia; Ardahan 39 km from Georgia)
    ("Troops drilled in Kars and Ardahan, far from the Georgian and Armenian borders.", {"Kars": "doubtful",
                                                                                       "Ardahan": "doubtful"}),
])
def test_places_listed_against_borders_listed_are_one_claim_each(text, verdicts):
    rows = [r for r in check_claims(Article.from_text(text)).to_dict("records") if r["kind"] == "near"]
    assert {r["subject"]: r["verdict"] for r in rows} == verdicts and len(rows) == len(verdicts)


@pytest.mark.parametrize("text, verdict", [
    ("Sappers bridged the Araz, which forms the border between Azerbaijan and Iran.", "supported"),
    ("The Aras marks part of the Armenian-Iranian frontier.", "supported"),
    ("The Kura river forms the border between Azerbaijan and Iran.", "doubtful"),  # it runs far inland
])
def test_a_river_that_forms_a_border_is_on_it(text, verdict):
    (row,) = [r for r in check_claims(Article.from_text(text)).to_dict("records") if r["kind"] == "on"]
    assert row["verdict"] == verdict, row["reason"]


@pytest.mark.parametrize("text, verdict", [
    ("Tank crews drilled in Kars, just across the border from Gyumri.", "supported"),   # TR and AM border
    ("Tank crews drilled in Kars, just across the border from Ardahan.", "unverifiable"),  # both in Turkey
])
def test_across_the_border_from_a_place_names_the_far_side(text, verdict):
    (row,) = [r for r in check_claims(Article.from_text(text)).to_dict("records") if r["kind"] == "across"]
    assert row["verdict"] == verdict, row["reason"]
