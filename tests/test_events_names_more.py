"""Events: names defined by their acronym or renamed, and the acronym used later.

Every sentence here was written for these tests (other regions than the dev sets).
"""

from __future__ import annotations

import pytest

from geodrills.articles import Article
from geodrills.events import events_to_records, extract_events
from geodrills.events.names import find_names


def records(text):
    return events_to_records(extract_events([Article.from_text(text, "x.txt")]))


@pytest.mark.parametrize("sentence, name, alias", [
    ("Thai and U.S. forces opened Cobra Gold (CG) near Sattahip.", "Cobra Gold", "CG"),
    ("Thai and U.S. forces opened Cobra Gold (CG23) near Sattahip.", "Cobra Gold", "CG23"),
    ("The drill ran alongside the ongoing Pacific Sentinel Shield (PSS), the allies' yearly exercise.",
     "Pacific Sentinel Shield", "PSS"),
    ("Crews joined the Baltic Coastal Fires Exercise (BCFX) off Ventspils.", "Baltic Coastal Fires Exercise", "BCFX"),
])
def test_acronym_is_an_alias_not_part_of_the_name(sentence, name, alias):
    found = [(n.name, n.aliases) for n in find_names(sentence)]
    assert (name, (alias,)) in found
    assert all(alias not in n for n, _a in found)


@pytest.mark.parametrize("sentence", [
    "Artillery drills shook a valley just below the Buffer Strip Zone (BSZ).",      # a place
    "Officers of the Southern Naval Command (SNC) watched the drills.",            # an organisation
    "Troops of the Korean People's Army (KPA) massed near the border for drills.",  # a force
    "The Ministry of Defence (MoD) said the drills would go on.",                  # letters not its initials
    "The Freedom Edge (FE) brand sells boots.",                                    # no exercise in sight
])
def test_no_exercise_name_from_other_acronyms(sentence):
    assert [n.name for n in find_names(sentence) if n.form == "acronym"] == []


def test_acronym_name_starts_an_exercise_and_its_acronym_links_to_it():
    text = (" date 2023-03-06\nT\nThai and U.S. forces opened Cobra Gold (CG) near Sattahip on Monday. "
            "The live-fire phase coincided with the ongoing Freedom Edge (FE), a separate drill off Okinawa. "
            "The CG drills end on March 10.\n")
    rows = {r["name"]: r for r in records(text)}
    assert set(rows) == {"Cobra Gold", "Freedom Edge"}
    cg = rows["Cobra Gold"]
    assert cg["aliases"] == ["CG"] and cg["participants"] == ["TH", "US"]
    assert (cg["start_date"], cg["end_date"]) == ("2023-03-06", "2023-03-10")
    assert cg["label"] != "cobra gold"  # a name is no label


# --------------------------------------------------------------------------
# renamed exercises

@pytest.mark.parametrize("sentence, name, alias", [
    ("Baltic Sentry, formerly called Amber Watch, is held every year.", "Baltic Sentry", "Amber Watch"),
    ("Steppe Shield (previously known as Steppe Eagle) opened on Monday.", "Steppe Shield", "Steppe Eagle"),
])
def test_renamed_exercise_keeps_its_old_name_as_alias(sentence, name, alias):
    assert [(n.name, n.aliases) for n in find_names(sentence) if n.form == "renamed"] == [(name, (alias,))]


def test_renamed_site_is_no_exercise():
    assert [n for n in find_names("Troops flew in from Fort Liberty, formerly known as Fort Bragg, for drills.")
            if n.form == "renamed"] == []


def test_renamed_name_names_the_story_exercise():
    text = (" date 2024-03-04\nT\nAllied troops opened a large exercise in northern Estonia on Monday. "
            "Baltic Sentry, formerly called Amber Watch, is held every year under Estonian command.\n")
    row, = records(text)
    assert (row["name"], row["aliases"], row["start_date"]) == ("Baltic Sentry", ["Amber Watch"], "2024-03-04")


@pytest.mark.parametrize("sentence", [
    "Joint Harbour, formerly called Joint Anchor, opened off Split.",
    "Air Shield, previously known as Sky Shield, began over the Adriatic.",
])
def test_renamed_names_may_start_with_words_that_also_start_site_names(sentence):
    assert [n.form for n in find_names(sentence)] == ["renamed"]


def test_renamed_unit_is_no_exercise():
    assert [n for n in find_names("The 5th Brigade, formerly known as the Coastal Brigade, held drills.")
            if n.form == "renamed"] == []


@pytest.mark.parametrize("sentence, name", [
    ("Troops began a fortnight of drills dubbed Spirit of the Steppe near Karaganda.", "Spirit of the Steppe"),
    ("The navy opened the exercise, codenamed Shield of Dawn, off Mombasa.", "Shield of Dawn"),
    ("Egyptian and Saudi units held the Sons of the Desert 3 manoeuvres near Tabuk.", "Sons of the Desert 3"),
])
def test_a_name_may_hold_lower_case_connectors(sentence, name):
    assert name in [n.name for n in find_names(sentence)]


def test_a_name_with_connectors_merges_with_its_quoted_form():
    rows = records(" date 2023-05-10\nKenya launches 'Shield of Dawn' drill\nThe Kenyan navy on Monday began a "
                   "week-long exercise dubbed Shield of Dawn off Mombasa.\n")
    assert [(r["name"], r["start_date"], r["end_date"]) for r in rows] == [("Shield of Dawn", "2023-05-08", "2023-05-14")]


@pytest.mark.parametrize("sentence, expected", [
    # each form in a sentence with upper-case words, non-ASCII letters or no other date or cue
    ("Coastal Lance, PREVIOUSLY KNOWN AS Sea Lance, began near Tromsø.", ("Coastal Lance", "renamed", ("Sea Lance",))),
    ("Gendarmes watched Exercise Silent Heron near Kırklareli.", ("Silent Heron", "exercise-x", ())),
    ("Sailors opened the Ice Trident (IT) near Narvik.", ("Ice Trident", "acronym", ("IT",))),
    ("Cadets held the Iron Lynx IV drills.", ("Iron Lynx IV", "numbered", ())),
    ("Gunners held Steppe Hawk 2019 near Kırşehir.", ("Steppe Hawk 2019", "numbered", ())),
    ("Paratroopers staged drills DUBBED Polar Owl near Bodø.", ("Polar Owl", "named", ())),
    ("Marines began the ninth EDITION of Reef Guard, a drill near Suva.", ("Reef Guard", "edition", ())),
])
def test_each_name_form_is_found_whatever_the_case_of_its_marker(sentence, expected):
    assert [(n.name, n.form, n.aliases) for n in find_names(sentence)] == [expected]
