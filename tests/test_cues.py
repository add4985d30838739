"""One test per cue detector (geodrills.toponyms.cues): a sentence of our own and the flag it sets."""

from __future__ import annotations

import pytest

from geodrills.gazetteer import Gazetteer
from geodrills.toponyms.scan import find_candidates


def _cand(text: str, span: str):
    found = [c for c in find_candidates(text, Gazetteer.default()) if c.text == span]
    assert found, [c.text for c in find_candidates(text, Gazetteer.default())]
    return found[0]


@pytest.mark.parametrize("text, span, field, value", [
    # cue_feature_word_after: joins the span and cues the kind; a cue-only word cues without joining
    ("Boats crossed the Araz River at dawn.", "Araz River", "kind_cue", ("river",)),
    ("Troops entered the Karabakh region.", "Karabakh", "kind_cue", ("region", "admin1")),
    ("Shops on Franklin Street closed.", "Franklin Street", "kind_cue", ("street",)),
    # cue_kind_before: "province of", "governor of", a part of an area
    ("Drills in the province of Kars began.", "Kars", "kind_cue", ("admin1",)),
    ("Rain fell over central Washington today.", "Washington", "kind_cue",
     ("country", "admin1", "admin2", "region", "continent", "sea", "range")),
    # cue_locative and the other side of a border
    ("Troops gathered near Kars overnight.", "Kars", "locative", True),
    ("Troops gathered on the border with Iran overnight.", "Iran", "across_border", True),
    # sentence start, and an initial that is not one
    ("It rained. Kars was quiet.", "Kars", "sentence_initial", True),
    ("Officials met Jon R. Jordan at noon.", "Jordan", "after_given_name", True),
    # cue_name_particle_before
    ("Officials met Mike de Kock at noon.", "Kock", "embedded", True),
    # cue_capitalised_before: part of a longer name; a sub-area
    ("The German Marshall Fund said so.", "Marshall", "embedded", True),
    ("Drought hit West Ardahan again.", "Ardahan", "sub_area", True),
    # cue_dateline
    ("BEIRUT (AP) - Troops moved.", "BEIRUT", "dateline", True),
    # cue_year_after
    ("The Kars 2023 fair opened.", "Kars", "embedded", True),
    # cue_person: a title, a speech verb
    ("Sen. Warner spoke in Kars.", "Warner", "person_cue", True),
    ("Johnson said nothing in Kars.", "Johnson", "person_cue", True),
    ("Sandberg reiterated the plan in Kars.", "Sandberg", "person_cue", True),  # more speech verbs
    ("Barry, who was from Kars said nothing.", "Kars", "person_cue", False),  # a locative says place
    ("Officials met Elvin Mitchell Jr. in Kars.", "Mitchell", "person_cue", True),  # a name suffix
    ("Sens. Tom Udall and Martin Heinrich visited Kars.", "Sens", "person_cue", True),  # the span is a title
    ("Sens. Tom Udall and Martin Heinrich visited Kars.", "Sens", "embedded", True),  # ... heading a name
    # cue_joined_name: a firm's or brand's name; the tail of a hyphenated name
    ("Shares of Johnson & Johnson rose in Kars.", "Johnson", "joined", True),
    ("KARS & ARDAHAN, March 29 - Troops moved.", "KARS", "embedded", False),  # a dateline joins places so
    ("He spent the weekend at Mar-a-Lago with aides.", "Lago", "embedded", True),
    # cue_word_after: an office, an organisation, the unit after a comma
    ("The Kars Governor spoke.", "Kars", "kind_cue", ("admin1",)),
    ("Fans of Liverpool FC sang.", "Liverpool", "in_org_name", True),
    ("Troops arrived in Kars, Turkey.", "Kars", "followed_by", "turkey"),
])
def test_each_cue_detector_sets_its_flag(text, span, field, value):
    assert getattr(_cand(text, span), field) == value


def test_cue_the():
    cand = _cand("Troops reached The Hague on Monday.", "The Hague")
    assert cand.embedded and "starts with 'The'" in cand.notes


def test_a_news_outlets_name_is_no_candidate():
    assert "Sabah" not in [c.text for c in find_candidates("Daily Sabah reported it.", Gazetteer.default())]


def test_plural_feature_word_cues_its_whole_list():
    cands = find_candidates("Drills in Kars and Ardahan provinces.", Gazetteer.default())
    assert [c.kind_cue for c in cands] == [("admin1",), ("admin1",)]


def test_a_handle_is_no_candidate():
    assert "Gillette" not in [c.text for c in find_candidates("Fans wrote to @Gillette on Monday.", Gazetteer.default())]
