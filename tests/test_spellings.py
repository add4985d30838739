"""Regional and misspelled forms of place names in running text (issue 15, item 3).

Each family has sentences of our own: Turkish/Azerbaijani forms, Persian-style
transliterations, Russian-style forms, misspellings; and the guards that keep
guesses out of people's and organisations' names.
"""

from __future__ import annotations

import pytest

from geodrills.mentions import geoparse


def _found(text: str) -> dict[str, tuple[str, str | None, str]]:
    return {m.text: (m.place.name, m.place.country, m.place.match) for m in geoparse(text)}


@pytest.mark.parametrize("text, span, name, country", [
    # Turkish and Azerbaijani forms
    ("Joint drills were held in Azerbaycan and Nahçıvan last week.", "Azerbaycan", "Azerbaijan", "AZ"),
    ("Joint drills were held in Azerbaycan and Nahçıvan last week.", "Nahçıvan", "Naxçıvan", "AZ"),
    ("Ankara said Ermenistan had been told of the exercise.", "Ermenistan", "Armenia", "AM"),
    ("Ankara said Gürcistan had been told of the exercise.", "Gürcistan", "Georgia", "GE"),
    ("Armoured units rested near Yevlah before moving west.", "Yevlah", "Yevlakh", "AZ"),
    ("Commandos trained near Dogu Bayazid, close to the Iranian border.", "Dogu Bayazid", "Doğubayazıt", "TR"),
    ("Commandos trained near Doğubayazıt, close to the Iranian border.", "Doğubayazıt", "Doğubayazıt", "TR"),
    # Persian-style transliterations
    ("Iranian engineers built a pontoon at Nordouz on the Armenian border.", "Nordouz",
     "Agarak–Nordooz border crossing", None),
    ("Revolutionary Guards units deployed around Aslanduz overnight.", "Aslanduz", "Aşlān Dūz", "IR"),
    ("Patrol boats moved up the AstraChai river near Astara.", "AstraChai river", "Astarachay", None),
    # misspellings
    ("Reinforcements arrived in Nackchivan on Tuesday.", "Nackchivan", "Naxçıvan", "AZ"),
    ("Reinforcements arrived in Nakhicehvan on Tuesday.", "Nakhicehvan", "Naxçıvan", "AZ"),
    ("The talks covered Nagorno-Karbakh and the Lachin corridor.", "Nagorno-Karbakh", "Nagorno-Karabakh", "AZ"),
    # a list of places: the third name is cued by the two before it
    ("The convoy's route ran Baku, Ganja, Yevlah and Barda.", "Yevlah", "Yevlakh", "AZ"),
])
def test_regional_spelling_is_found_and_resolved(text, span, name, country):
    found = _found(text)
    assert span in found, found
    assert found[span][:2] == (name, country)


def test_the_match_type_is_on_the_mention():
    m = next(m for m in geoparse("Armoured units rested near Yevlah.") if m.text == "Yevlah")
    assert m.place.match == "skeleton"
    m = next(m for m in geoparse("Reinforcements arrived in Nackchivan.") if m.text == "Nackchivan")
    assert m.place.match == "fuzzy"
    assert "another spelling" in geoparse("Reinforcements arrived in Nackchivan.", explain=True)[0].explain()


def test_karbakh_alone_is_not_karbach_germany_in_a_caucasus_article():
    found = _found("The talks covered Nagorno-Karbakh and the Lachin corridor.")
    assert "Karbakh" not in found and found["Nagorno-Karbakh"][1] == "AZ"


@pytest.mark.parametrize("text, country, kind", [
    ("Turkey held drills in the eastern province of Van, near the Iranian border.", "TR", "admin1"),
    ("Troops arrived in Van on Monday.", "TR", "city"),
])
def test_van_is_the_turkish_province_or_city(text, country, kind):
    m = next(m for m in geoparse(text) if m.text == "Van")
    assert (m.place.country, m.place.kind) == (country, kind)


@pytest.mark.parametrize("text, not_a_place", [
    ("A painting by Van Gogh was shown in Kars.", "Van"),  # a name particle before a surname
    ("After the withdrawal from Syria, Trump stands alone.", "Trump"),  # a clause, not a list
    ("The brokers, Ronald Hodge and Allyson Chiu, declined to comment in Kars.", "Allyson"),  # a person
    ("Investors in African civil service reform met in Kars.", "African"),  # an adjective of Africa
    ("The campaign group Dignity in Dying wrote to Kars officials.", "Dying"),  # a title
    ("According to Lindenwald, the drills were in Kars.", "Lindenwald"),  # not a locative
    ("He drove past Barclays Centre near Kars.", "Barclays"),  # part of a longer name
])
def test_guesses_stay_out_of_names_of_people_and_things(text, not_a_place):
    assert not_a_place not in _found(text)


def test_no_cue_no_guess():
    # a capitalised unknown word with nothing saying it is a place is left alone
    assert "Yevlah" not in _found("Yevlah was mentioned by the minister.")
