"""What a claim is about: named places the gazetteer lacks, coordination, unnamed sites, speakers.

Every sentence here is written for the test (invented place names such as
"Qelbrin" stand for the small places a gazetteer never has).
"""

from __future__ import annotations

import pytest

pytest.importorskip("geopandas")

from geodrills.articles import Article  # noqa: E402
from geodrills.claims import check_claims  # noqa: E402

UNKNOWN = "names no place the gazetteer knows"


def _rows(text: str, kind: str | None = None) -> list[dict]:
    df = check_claims(Article.from_text(text))
    rows = df.to_dict("records")
    return [r for r in rows if kind is None or r["kind"] == kind]


@pytest.mark.parametrize("text", [
    # the name before its container: "at X in <province>"
    "The battalion will train at Qelbrin in Kars province, less than 40 km from the Armenian border.",
    # an appositive with a participle, miles, a hedge
    "Drills continued in Qelbrin, a small village located some 12 miles from the border with Iran.",
    # a province's possessive before the name
    "Tanks rolled into Kars province's Qelbrin, barely 30 km from the border with Armenia.",
    # a named site after "the", with "which lies"
    "At the Qelbrin firing range in Kars province, which lies close to the Armenian border, crews trained.",
    # after "to", with "just"
    "The exercise then moved to Qelbrin, just 25 kilometres from the Iranian frontier.",
])
def test_a_named_place_the_gazetteer_lacks_is_the_subject_never_another_place(text):
    rows = [r for r in _rows(text) if r["kind"] in ("near", "km_from")]
    assert rows, text
    for r in rows:
        assert r["subject"].startswith("Qelbrin"), (text, r["subject"])
        assert r["verdict"] == "unverifiable" and UNKNOWN in r["reason"], r["reason"]


def test_a_resolved_place_before_the_cue_is_still_the_subject():
    row = _rows("Troops moved to Kars, near the Armenian border, on Monday.", "near")[0]
    assert row["subject"] == "Kars" and row["verdict"] == "supported"


def test_a_container_after_an_unknown_name_does_not_stand_in_for_it():
    # Kars province contains Qelbrin; measuring the province's point would judge another place
    rows = _rows("Gunners fired at Qelbrin in Kars, roughly 90 km from the Iranian border.", "km_from")
    assert rows and rows[0]["subject"] == "Qelbrin" and rows[0]["verdict"] == "unverifiable"


def test_a_coordinated_cue_shares_its_subject():
    rows = _rows("The exercise moved to Qelbrin, 40 km from Kars and a few kilometres from the Armenian border.")
    subjects = {r["kind"]: r["subject"] for r in rows}
    assert subjects.get("km_from") == "Qelbrin" and subjects.get("near") == "Qelbrin"


def test_a_new_clause_after_but_does_not_share_the_subject():
    rows = _rows("Most drills will take place in Kars, near Ardahan, but others will be held further south "
                 "near the Iranian border.", "near")
    later = [r for r in rows if "Iranian" in r["text"]]
    assert later and later[0]["subject"] != "Kars"


def test_an_exercise_placed_at_an_unnamed_site_is_not_judged_at_its_venues():
    text = ("Turkish troops opened the drill in Kars on Monday. Later stages of the exercise will be held in "
            "remote areas right next to the Iranian border.")
    row = [r for r in _rows(text, "near") if "Iranian" in r["text"]][0]
    assert row["verdict"] == "unverifiable" and row["subject"] is None


def test_where_a_speaker_spoke_is_not_the_subject_of_what_was_said():
    text = "President Erdogan, speaking in Ankara, said the drills near the Armenian border in Kars would go on."
    row = _rows(text, "near")[0]
    assert row["subject"] != "Ankara"


@pytest.mark.parametrize("text", [
    "In March the brigade trained near the Armenian border.",           # a month
    "According to Reuters, units trained near the Armenian border.",    # an agency: not after a locative
    "On Monday, President Aliyev inspected units near the Armenian border.",  # a title
])
def test_capitalised_words_that_are_not_places_do_not_become_subjects(text):
    for r in _rows(text, "near"):
        assert r["subject"] not in ("March", "Reuters", "President Aliyev", "Monday")
