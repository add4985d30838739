"""Events: far namesakes set aside, places standing in for unplaced sites, the day a source reported.

Every sentence here was written for these tests (other regions than the dev sets); the site names
("Qarabulaqtau", "Zelyoniy Dol") are made up so that no gazetteer holds them.
"""

from __future__ import annotations

from types import SimpleNamespace as P

import pandas as pd
import pytest

from geodrills.articles import Article
from geodrills.events import events_to_records, extract_events
from geodrills.events.places import isolated_readings, stand_ins


def records(text, name="x.txt", mentions=None):
    return events_to_records(extract_events([Article.from_text(text, name)], mentions=mentions))


def places(row, role):
    return [p for p in row["details"]["places"] if p["role"] == role]


def place(text, name, kind, country, lat, lon, pid=None, after=0):
    start = text.index(name, after)
    return P(start=start, end=start + len(name), text=name, name=name, kind=kind, country=country,
             lat=lat, lon=lon, place_id=pid or name)


# --------------------------------------------------------------------------
# far namesakes

def test_far_village_in_an_unnamed_country_is_set_aside():
    text = "Drills near Khabarovsk and across Yakutia moved on to Siberia."
    locs = [place(text, "Khabarovsk", "city", "RU", 48.5, 135.1),
            place(text, "Yakutia", "admin1", "RU", 66.0, 129.0),
            place(text, "Siberia", "village", "MX", 16.6, -92.3)]
    (loc, why), = isolated_readings(locs, set())
    assert loc.text == "Siberia" and "another place of that name" in why and "MX" in why


@pytest.mark.parametrize("demonyms, lat, lon", [
    ({"MX"}, 16.6, -92.3),   # the article names the village's country ("Mexican marines"): kept
    (set(), 47.0, 130.0),    # a town across the border, 300 km from the others: kept
])
def test_plausible_readings_are_kept(demonyms, lat, lon):
    text = "Drills near Khabarovsk and across Yakutia moved on to Siberia."
    locs = [place(text, "Khabarovsk", "city", "RU", 48.5, 135.1),
            place(text, "Yakutia", "admin1", "RU", 66.0, 129.0),
            place(text, "Siberia", "village", "CN" if not demonyms else "MX", lat, lon)]
    assert isolated_readings(locs, demonyms) == []


def test_a_lone_reading_with_nothing_to_be_far_from_is_kept():
    text = "Troops drilled at Siberia."
    assert isolated_readings([place(text, "Siberia", "village", "MX", 16.6, -92.3)], set()) == []


def test_far_namesake_is_not_the_exercise_location_end_to_end():
    text = (" date 2022-06-07\nT\nRussian and Chinese units began joint manoeuvres in Siberia on Monday, "
            "far from Beijing.\n")
    frame = pd.DataFrame([
        dict(article="x.txt", start=text.index("Siberia"), end=text.index("Siberia") + 7, text="Siberia",
             name="Siberia", kind="village", country="MX", lat=16.6, lon=-92.3, place_id="mx-1"),
        dict(article="x.txt", start=text.index("Beijing"), end=text.index("Beijing") + 7, text="Beijing",
             name="Beijing", kind="city", country="CN", lat=39.9, lon=116.4, place_id="cn-1"),
    ])
    row, = records(text, mentions=frame)
    assert places(row, "location") == []
    aside, = places(row, "set aside")
    assert aside["name"] == "Siberia" and "not used as a location" in aside["note"]
    assert row["participants"] == ["CN", "RU"]


# --------------------------------------------------------------------------
# places standing in for sites the gazetteer lacks

@pytest.mark.parametrize("text, container, site", [
    ("Drills opened at the Qarabulaqtau firing range in Zhambyl Region on Monday.", "Zhambyl Region",
     "Qarabulaqtau firing range"),
    ("Crews trained at the Zelyoniy Dol training ground, near Bryansk.", "Bryansk", "Zelyoniy Dol training ground"),
    ("Paratroopers landed at Qarabulaqtau outside Taraz.", "Taraz", "Qarabulaqtau"),
    ("The drills will be held in Zhambyl Region's Qarabulaqtau next week.", "Zhambyl Region", "Qarabulaqtau"),
    ("The sites lie north-west of Taraz: the Qarabulaqtau range and the Zelyoniy Dol camp.", "Taraz", "sites"),
    ("The venues sit south east of Taraz.", "Taraz", "venues"),
])
def test_stand_in_forms(text, container, site):
    locs = [place(text, container, "admin1" if "Region" in container else "city", "KZ", 43.0, 71.0)]
    found = stand_ins(text, 0, len(text), locs)
    assert [(c.text, s) for c, s, _start, _beside in found] == [(container, site)]


@pytest.mark.parametrize("text, resolved", [
    ("Drills opened at the Qarabulaqtau firing range, 40 km north of Taraz.", ["Taraz"]),  # a distance only
    ("Drills opened at the Otar training ground in Zhambyl Region.", ["Otar", "Zhambyl Region"]),  # site placed
    ("Drills opened at the Qarabulaqtau firing range in Kazakhstan.", ["Kazakhstan"]),  # a country adds nothing
    ("The ministry in Astana's Defence Ministry said so.", ["Astana"]),  # an office, not a site
    ("The sites lie north of Taraz, near Otar.", ["Taraz", "Otar"]),  # the sites are placed themselves
])
def test_no_stand_in(text, resolved):
    locs = [place(text, n, "country" if n == "Kazakhstan" else "town", "KZ", 43.0, 71.0) for n in resolved]
    assert stand_ins(text, 0, len(text), sorted(locs, key=lambda x: x.start)) == []


def test_stand_in_becomes_the_location_with_a_note():
    text = (" date 2023-09-18\nT\nKazakh and Kyrgyz units began a joint exercise at the Qarabulaqtau "
            "firing range in Zhambyl Region on Monday.\n")
    row, = records(text)
    loc, = [p for p in places(row, "location") if p.get("note")]
    assert loc["country"] == "KZ" and "Qarabulaqtau firing range" in loc["note"]


def test_venues_sentence_places_the_exercise_in_focus():
    text = (" date 2023-09-18\nT\nArmenian and U.S. troops will hold the Steppe Guardian exercise from "
            "October 2 to October 9. The venues lie north of Yerevan: the Zelyoniy Dol range and a camp.\n")
    row, = records(text)
    notes = [p["name"] for p in places(row, "location") if p.get("note")]
    assert notes == ["Yerevan"]


# --------------------------------------------------------------------------
# the day a source reported an exercise under way

BODY = ("Georgian units are conducting tactical drills near Gori, the defence ministry reported on March 14. "
        "The drills follow the 2023 combat training plan and the 2023 readiness plan; the brigade was "
        "formed in 1999.\n")


def test_under_way_exercise_starts_no_later_than_the_reported_day():
    row, = records("T\n" + BODY)
    assert (row["start_date"], row["date_precision"]) == ("2023-03-14", "day")


@pytest.mark.parametrize("first", [
    "Georgian units are preparing for tactical drills near Gori, the defence ministry reported on March 14.",
    "Georgian units held tactical drills near Gori, the defence ministry reported on March 14.",
    "Georgian units will hold tactical drills near Gori, the defence ministry reported on March 14.",
])
def test_reported_day_is_not_the_start_of_a_planned_or_past_exercise(first):
    rows = records("T\n" + BODY.replace(BODY.split(". ")[0] + ".", first))
    assert all(r["start_date"] != "2023-03-14" for r in rows)


def test_a_site_to_one_side_of_a_place_does_not_displace_a_better_location():
    text = (" date 2023-05-02\nT\nMoroccan and U.S. troops began the exercise at the Qarabulaqtau range near "
            "Tan-Tan on Monday. The venues lie south of Guelmim.\n")
    row, = records(text)
    assert [p["name"] for p in places(row, "location")] == ["Tan-Tan"]


def test_a_far_namesake_merely_mentioned_stays_mentioned():
    text = (" date 2022-06-07\nT\nRussian and Chinese units began joint manoeuvres near Chita on Monday, "
            "far from the shops of Siberia.\n")
    rows = [dict(article="x.txt", start=text.index(n), end=text.index(n) + len(n), text=n, name=n, kind=k,
                 country=c, lat=la, lon=lo, place_id=n)
            for n, k, c, la, lo in (("Chita", "city", "RU", 52.0, 113.5), ("Siberia", "village", "MX", 16.6, -92.3))]
    row, = records(text, mentions=pd.DataFrame(rows))
    assert [p["name"] for p in places(row, "location")] == ["Chita"]
    assert places(row, "set aside") == []
