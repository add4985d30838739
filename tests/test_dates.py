"""Date expressions resolved against an article's date (geodrills.dates)."""

from __future__ import annotations

import datetime as dt

import pytest

from geodrills.dates import PRECISIONS, find_dates, find_durations, iso_bounds

MONDAY = dt.date(2021, 2, 1)  # the date header of seed 000 (a Monday)


def one(text, ref=None, **kw):
    found = find_dates(text, ref_date=ref, **kw)
    assert len(found) == 1, found
    d = found[0]
    assert text[d.start:d.end] == d.text
    assert d.precision in PRECISIONS
    return d


@pytest.mark.parametrize("text, ref, start, end, precision", [
    ("From February 1 to 12, tanks will take part", dt.date(2021, 1, 18), "2021-02-01", "2021-02-12", "day"),
    ("between 3 and 5 March 2022", None, "2022-03-03", "2022-03-05", "day"),
    ("from December 28 to January 3", dt.date(2021, 1, 2), "2020-12-28", "2021-01-03", "day"),
    ("The last such exercises were held in July-August 2020", None, "2020-07", "2020-08", "month"),
    ("In August 2020, Aliyev said", None, "2020-08", None, "month"),
    ("erupted on Sept. 27, 2020", None, "2020-09-27", None, "day"),
    ("On December 5, drills began", dt.date(2022, 12, 6), "2022-12-05", None, "day"),
    ("on 5 December", dt.date(2023, 1, 10), "2022-12-05", None, "day"),
    ("In 2009, Erdogan stepped back", None, "2009", None, "year"),
    ("Today, troops are starting", MONDAY, "2021-02-01", None, "day"),
    ("troops arrived yesterday", MONDAY, "2021-01-31", None, "day"),
    ("before the start of the exercises last weekend", MONDAY, "2021-01-30", "2021-01-31", "day"),
    ("the drills began on Thursday", MONDAY, "2021-01-28", None, "day"),
    ("the drills will begin on Thursday", MONDAY, "2021-02-04", None, "day"),
    ("the exercise began on Monday", MONDAY, "2021-02-01", None, "day"),
    ("In July, they carried out a drill", dt.date(2021, 9, 1), "2021-07", None, "month"),
    ("In July, they carried out a drill", dt.date(2021, 3, 1), "2020-07", None, "month"),
    ("In July, they will hold a drill", dt.date(2021, 3, 1), "2021-07", None, "month"),
    ("the training conducted earlier this year", dt.date(2022, 12, 5), "2022", None, "year"),
    ("launched joint drills last year", dt.date(2021, 3, 1), "2020", None, "year"),
    ("Last week, jets arrived", MONDAY, "2021-01-25", "2021-01-31", "day"),
    ("three days ago", MONDAY, "2021-01-29", None, "day"),
])
def test_resolved(text, ref, start, end, precision):
    d = one(text, ref)
    assert (d.start_date, d.end_date, d.precision) == (start, end, precision)
    assert d.note is None


@pytest.mark.parametrize("text, ref, note_part", [
    ("In July, Turkey and Azerbaijan carried out the drill", None, "no article date"),
    ("launched on Thursday a two-day exercise", None, "article's date"),
    ("a week before the centenary of the republic", MONDAY, "another event"),
    ("a month and a half after the previous exercises", MONDAY, "another event"),
    ("the ministry said a few days ago", MONDAY, "vague"),
    ("From February 30 to March 2", MONDAY, "impossible date"),
    ("on February 29, 2021", None, "impossible date"),
    ("on February 30", None, "impossible date"),
    ("on April 31", MONDAY, "impossible date"),
])
def test_unresolved_says_why(text, ref, note_part):
    d = one(text, ref)
    assert d.precision == "unresolved"
    assert d.start_date is None and d.end_date is None
    assert note_part in d.note


def test_month_hint_survives_without_year():
    assert one("In July, they carried out the drill").month == 7
    assert one("between April and May").month == 4


def test_leap_day_is_fine_in_a_leap_year():
    assert one("on February 29, 2020").start_date == "2020-02-29"


def test_names_with_years_are_not_dates():
    # "Winter 2021" is an exercise name; a bare year only counts after a preposition.
    assert find_dates("Winter 2021 is a show of strength") == []
    assert find_dates("the Mustafa Kemal Atatürk 2023 exercise") == []


def test_verb_may_is_not_a_month():
    assert find_dates("Turkey may have sent drone operators, and march 5 km") == []


def test_bounds():
    assert iso_bounds("2021") == (dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    assert one("in July-August 2020").bounds() == (dt.date(2020, 7, 1), dt.date(2020, 8, 31))


def test_bad_input_is_not_a_crash():
    assert find_dates("") == []
    assert find_dates(None) == []  # type: ignore[arg-type]
    assert find_durations(None) == []  # type: ignore[arg-type]


def test_durations():
    (d,) = find_durations("The exercises will continue for more than ten days.")
    assert (d.days, d.bound) == (10, "min")
    (d,) = find_durations("a two-day joint military training exercise")
    assert (d.days, d.bound, d.text) == (2, "exact", "two-day")
    (d,) = find_durations("drills lasting up to 3 weeks")
    assert (d.days, d.bound) == (21, "max")
    assert find_durations("for several years") == []


@pytest.mark.parametrize("text, quoted, days", [
    ("Sweden began a week-long air defence exercise on Monday.", "week-long", 7),
    ("a weeklong naval manoeuvre off Gotland", "weeklong", 7),
    ("the ten-day-long drills in the Negev", "ten-day-long", 10),
    ("Gunners fired through five days of live-fire drills.", "five days", 5),
    ("a fortnight of winter training in the Alps", "a fortnight", 14),
    ("They started a week of artillery firing near Tapa.", "a week", 7),
    ("two months of joint naval manoeuvres in the Baltic", "two months", 60),
])
def test_durations_in_their_other_forms(text, quoted, days):
    (d,) = find_durations(text)
    assert (d.text, d.days, d.bound) == (quoted, days, "exact")
    assert text[d.start:d.end] == quoted


@pytest.mark.parametrize("text", ["three days of talks in Geneva", "a week of heavy rain", "two weeks of fighting"])
def test_a_span_of_something_else_is_no_exercise_duration(text):
    assert find_durations(text) == []


# --------------------------------------------------------------------------
# hostile reference dates and years (issue 14, item 8)

@pytest.mark.parametrize("ref", [dt.date(1, 1, 3), dt.date(1, 1, 1), dt.date(9999, 12, 30), dt.date(9999, 12, 31),
                                 dt.date(1899, 12, 31), dt.date(2101, 1, 1)])
def test_reference_dates_outside_the_years_resolve_nothing_and_never_raise(ref):
    text = ("on Monday, last week, next month, tomorrow, yesterday, 3 days ago, 2 months ago, in July, "
            "February 3, next year, last weekend, next Friday, 5 years ago, from 9 to 16 September")
    found = find_dates(text, ref_date=ref)
    assert len(found) >= 12
    assert {d.precision for d in found} == {"unresolved"}
    assert all("outside" in d.note for d in found)


@pytest.mark.parametrize("text", ["in 1850", "on 5 December 1899", "July 1812", "between 1 and 3 March 1850"])
def test_explicit_years_outside_the_range_are_unresolved(text):
    d = one(text)
    assert d.precision == "unresolved" and d.start_date is None and "outside" in d.note


def test_edges_of_the_range_resolve():
    assert one("in 1900").start_date == "1900"
    assert one("on December 30", dt.date(2100, 12, 31)).start_date == "2100-12-30"
    # counting back from the first day of the range leaves it: unresolved, not an error
    assert one("yesterday", dt.date(1900, 1, 1)).precision == "unresolved"
    assert one("tomorrow", dt.date(2100, 12, 31)).precision == "unresolved"


@pytest.mark.parametrize("text", ["99999999999 days ago", "999999999 weeks ago", "99999999999999999999 months ago",
                                  "3000 years ago"])
def test_huge_intervals_are_unresolved(text):
    d = one(text, dt.date(2020, 1, 1))
    assert d.precision == "unresolved" and "outside" in d.note


@pytest.mark.parametrize("text, start, end, precision", [
    ("planned for 20 June to 1 July", "2022-06-20", "2022-07-01", "day"),
    ("the navy announced on October 19", "2022-10-19", None, "day"),
    ("In July, they carried out a drill", "2022-07", None, "month"),
    ("from December 28 to January 3", "2022-12-28", "2023-01-03", "day"),
])
def test_a_year_from_the_text_resolves_calendar_dates(text, start, end, precision):
    d = one(text, ref_year=2022)
    assert (d.start_date, d.end_date, d.precision) == (start, end, precision)


@pytest.mark.parametrize("text", ["on Monday", "yesterday", "last week"])
def test_a_year_alone_leaves_relative_dates_unresolved(text):
    assert one(text, ref_year=2022).precision == "unresolved"


def test_this_year_with_a_year_from_the_text():
    assert one("this year's exercise", ref_year=2022).start_date == "2022"
    assert one("last year", ref_year=2022).start_date == "2021"


def test_until_a_weekday_is_the_coming_one_unless_the_text_tells_of_the_past():
    import datetime as dt

    from geodrills.dates import find_dates

    monday = dt.date(2023, 6, 5)
    (d,) = find_dates("Narva hosts the drills until Friday.", ref_date=monday)
    assert d.start_date == "2023-06-09"
    (d,) = find_dates("The drills lasted until Friday.", ref_date=monday)
    assert d.start_date == "2023-06-02"


@pytest.mark.parametrize("text, expected", [
    ("Marines begin the landings on Monday.", "2020-03-02"),   # a timetable: the coming Monday
    ("The naval drill ends on Friday.", "2020-03-06"),
    ("Marines began the landings on Monday.", "2020-02-24"),   # told in the past
    ("The drill came to an end on Friday.", "2020-02-28"),     # "end" as a noun tells no timetable
    ("The landings, which start at dawn, ended on Friday.", "2020-02-28"),  # past told too
])
def test_a_scheduling_verb_in_the_present_looks_ahead(text, expected):
    ref = dt.date(2020, 3, 1)  # a Sunday
    assert [d.start_date for d in find_dates(text, ref_date=ref)] == [expected]


@pytest.mark.parametrize("text, ref, expected", [
    ("Reservists will be called up in the coming days.", "2024-02-06", ("2024-02", None)),
    ("Reservists will be called up in the coming days.", "2024-02-27", ("2024-02", "2024-03")),   # into March
    ("Naval patrols grew over the past two weeks.", "2024-02-20", ("2024-02", None)),
    ("Naval patrols grew in recent weeks.", "2024-02-20", ("2024-01", "2024-02")),               # back into January
    ("Drills are planned over the next few weeks.", "2024-12-20", ("2024-12", "2025-01")),       # across a new year
])
def test_spans_next_to_the_article_day_are_the_months_they_cover(text, ref, expected):
    d, = find_dates(text, ref_date=dt.date.fromisoformat(ref))
    assert (d.start_date, d.end_date, d.precision) == (*expected, "month")  # never a day the text does not give


def test_the_last_weeks_of_a_month_are_not_a_span_from_the_article_day():
    found = find_dates("Manoeuvres fill the last three weeks of March.", ref_date=dt.date(2024, 1, 9))
    assert all("weeks" not in d.text for d in found)


@pytest.mark.parametrize("text", [
    "Gunners fired from 3 to 9 Sept. 2019, then between April and May 2020 near Tartu.",
    "Sappers trained in March, since 2011, and two weeks after the flood, a few days ago.",
    "The flotilla sailed last weekend, this week, next month and later this year, until Thursday.",
    "Tonight and over the next three days the brigade drills; recent weeks were calm.",
    "PATROLS RAN ON MONDAY, NINE DAYS BEFORE THE VOTE, AND YESTERDAY.",
    "Sentries kept watch from 12 till 14 Nov and on Sunday's parade; a month and a half after it.",
])
def test_skipping_a_pattern_whose_words_are_absent_changes_nothing(text, monkeypatch):
    import geodrills.dates as dates

    ref = dt.date(2021, 2, 1)
    gated = find_dates(text, ref_date=ref)
    assert gated
    monkeypatch.setattr(dates, "_may_match", lambda kind, words, has_month: True)
    assert find_dates(text, ref_date=ref) == gated


def test_every_date_pattern_says_what_it_needs():
    import geodrills.dates as dates

    assert {kind for kind, _ in dates._PATTERNS} == set(dates._MONTH_KINDS) | set(dates._NEEDS)


def test_the_date_word_gate_looks_ahead_for_every_first_letter():
    import re

    import geodrills.dates as dates

    m = re.search(r"\(\?=\[([a-z]+)\]\)\(\?:([a-z|]+)\)", dates._ANY_DATE_WORD.pattern)
    assert m and {w[0] for w in m.group(2).split("|")} <= set(m.group(1))
