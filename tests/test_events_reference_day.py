"""Events: the day relative dates count from when an article has no date header.

Every sentence here was written for these tests (other regions than the dev sets).
"""

from __future__ import annotations

import pytest

from geodrills.articles import Article
from geodrills.events import events_to_records, extract_events

TAIL = " The drills follow the 2023 training plan of the 2023 readiness cycle.\n"


def start(text):
    rows = [r for r in events_to_records(extract_events([Article.from_text(text, "x.txt")])) if r["start_date"]]
    return sorted((r["start_date"], r["date_precision"]) for r in rows)


@pytest.mark.parametrize("text, expected", [
    # a dateline with its year: "on Monday" is the Monday before (12 May 2023 is a Friday)
    ("Drills near Gori\nTBILISI, May 12, 2023 (Interpressnews) — Georgian troops began drills near Gori on Monday.\n",
     [("2023-05-08", "day")]),
    # a dateline without a year takes the year the article names most
    ("Drills near Gori\nTbilisi, May 12 — Georgian troops began drills near Gori on Monday." + TAIL,
     [("2023-05-08", "day")]),
    ("Drills near Gori\n12 May — Georgian troops will begin drills near Gori next week." + TAIL,
     [("2023-05-15", "day")]),
    # the lead sentence's source spoke on a day: "on Tuesday" counts from it
    ("Drills near Gori\nGeorgian troops began drills near Gori on Tuesday, the defence ministry said on May 12."
     + TAIL, [("2023-05-09", "day")]),
])
def test_reference_day_from_the_text(text, expected):
    assert start(text) == expected


@pytest.mark.parametrize("text", [
    # no year anywhere: a dateline's month and day give no day, and nothing is guessed
    "Drills near Gori\nTbilisi, May 12 — Georgian troops began drills near Gori on Monday.\n",
    # a date later in the story is not the article's day; nor is a source speaking on no stated day
    "Drills near Gori\nGeorgian troops began drills near Gori on Monday, the ministry said. Officials of both "
    "sides met in Tbilisi on May 12." + TAIL,
])
def test_no_reference_day(text):
    assert start(text) == []
