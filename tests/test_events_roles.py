"""Events: who takes part, who watches, where, and which sentences add to the exercise in focus.

Every sentence here was written for these tests (other regions than the dev sets).
"""

from __future__ import annotations

import datetime as dt

import pytest

from geodrills.articles import Article
from geodrills.events import events_to_records, extract_events
from geodrills.lexicon.alliances import ALLIANCES, alliance_members, find_alliance


def records(text, name="x.txt"):
    return events_to_records(extract_events([Article.from_text(text, name)]))


def one_event(text):
    rows = records(text)
    assert len(rows) == 1, [(r["name"], r["label"]) for r in rows]
    return rows[0]


def locations(row):
    return [p["name"] for p in row["details"]["places"] if p["role"] == "location"]


# --------------------------------------------------------------------------
# sentences without an exercise word that add participants and places

@pytest.mark.parametrize("text, participants", [
    # "X from A and B are taking part" in the next sentence
    (" date 2023-06-05\nT\nSpain and France began joint drills near Perpignan. Marines from Italy and Greece "
     "are also taking part.\n", ["ES", "FR", "GR", "IT"]),
    # a list of demonyms holding a country abbreviation, after the verb
    (" date 2021-05-10\nT\nThe Swift Falcon exercise opened in Latvia on Monday. About 3,000 troops will "
     "participate, including Latvian, U.S., Danish and Dutch service members.\n", ["DK", "LV", "NL", "US"]),
    # "personnel from N countries, A, B and C among them"
    (" date 2019-03-18\nT\nKenya and the United States launched the Justified Accord exercise on Monday. "
     "Some 900 personnel from 8 countries, Uganda, Rwanda and Tanzania among them, are participating.\n",
     ["KE", "RW", "TZ", "UG", "US"]),
])
def test_participation_sentences_add_participants(text, participants):
    assert one_event(text)["participants"] == participants


def test_activity_sentences_before_the_exercise_is_named_belong_to_it():
    row = one_event(
        " date 2022-02-11\nT\nNear Pskov, Russian paratroopers practised landings alongside Belarusian units.\n\n"
        "The Allied Shield-2022 manoeuvres began on Thursday.\n")
    assert row["name"] == "Allied Shield-2022"
    assert row["participants"] == ["BY", "RU"]
    assert "Pskov" in locations(row)


def test_a_sentence_of_officials_adds_nothing():
    row = one_event(" date 2023-06-05\nT\nChile held naval drills off Valparaiso. Peruvian officials said "
                    "they were taking part in talks in Lima.\n")
    assert row["participants"] == ["CL"]
    assert "Lima" not in locations(row)


# --------------------------------------------------------------------------
# observers in their own field

@pytest.mark.parametrize("text, observers", [
    (" date 2022-09-01\nT\nKazakhstan and Kyrgyzstan opened joint exercises near Bishkek. Uzbek observers "
     "will attend.\n", ["UZ"]),
    (" date 2022-09-01\nT\nMongolia held military exercises near Ulaanbaatar, with observers from Japan.\n",
     ["JP"]),
])
def test_observers_are_not_participants(text, observers):
    row = one_event(text)
    assert row["observers"] == observers
    assert not set(observers) & set(row["participants"])


# --------------------------------------------------------------------------
# alliances: "all N member states"

def test_all_member_states_are_the_alliance_on_the_article_date():
    row = one_event(" date 2023-05-02\nT\nNATO's Baltic Lantern drill began in Latvia, drawing soldiers from "
                    "all 31 allied nations.\n")
    assert len(row["participants"]) == 31 and "FI" in row["participants"] and "SE" not in row["participants"]


def test_a_count_that_disagrees_with_the_date_expands_nothing():
    row = one_event(" date 2019-05-02\nT\nNATO's Baltic Lantern drill began in Latvia; units of all 32 member "
                    "countries joined.\n")
    assert len(row["participants"]) < 29


def test_undated_article_takes_the_membership_of_that_size():
    row = one_event("T\nForces from all 30 allies gathered in Latvia for NATO's Baltic Lantern "
                    "drill.\n")
    assert len(row["participants"]) == 30 and "MK" in row["participants"] and "FI" not in row["participants"]


def test_alliance_table():
    assert find_alliance("Collective Security Treaty Organization forces drilled") == "CSTO"
    assert "UZ" in alliance_members("CSTO", dt.date(2010, 1, 1))
    assert "UZ" not in alliance_members("CSTO", dt.date(2013, 1, 1))
    assert alliance_members("nothing", dt.date(2013, 1, 1)) == frozenset()
    for members in ALLIANCES.values():
        for joined, left in members.values():
            assert left is None or joined < left


# --------------------------------------------------------------------------
# places

def test_fronted_locative_places_the_activity():
    row = one_event(" date 2020-10-05\nT\nArmenia held command-staff exercises on Monday. Near Gyumri, in the "
                    "north-west of the country, Armenian tank units trained with artillery.\n")
    assert "Gyumri" in locations(row)


@pytest.mark.parametrize("text, place", [
    (" date 2022-11-07\nT\nThe Indian Navy will join the naval wargames off Japan next week.\n", "Japan"),
    (" date 2024-03-04\nT\nThe drill moves 12,000 sailors into the eastern parts of Latvia.\n", "Latvia"),
])
def test_off_and_parts_of_are_locative(text, place):
    assert place in locations(one_event(text))


def test_a_date_of_another_happening_is_not_the_exercises():
    row = one_event(" date 2025-03-05\nT\nBolivian troops conducted a live-fire drill near Oruro on Wednesday. "
                    "It was the first firing drill commanded by the 5th Division, a formation created in 2016.\n")
    assert row["start_date"] == "2025-03-05"


# --------------------------------------------------------------------------
# sentences that refer to the exercise in focus

def test_the_activities_and_a_ground_phase_are_the_same_exercise():
    rows = records(" date 2025-06-11\nT\nChilean and Peruvian pilots began a combined air exercise on June 10. "
                   "The operations will continue in Arica, Iquique and Tacna until June 21. Land drills are "
                   "scheduled in Arica and Iquique from June 14 to June 18.\n")
    assert len(rows) == 1
    row = rows[0]
    assert (row["start_date"], row["end_date"]) == ("2025-06-10", "2025-06-21")
    assert {"Arica", "Iquique"} <= set(locations(row))


def test_a_phase_outside_the_dates_is_another_exercise():
    rows = records(" date 2025-06-11\nT\nChilean and Peruvian pilots began a combined air exercise on June 10. "
                   "The operations will continue in Arica until June 21. Sea drills are due off Antofagasta "
                   "from July 7 to July 9.\n")
    assert len(rows) == 2


def test_it_was_the_first_exercise_describes_the_one_in_focus():
    rows = records(" date 2025-03-05\nT\nGeorgia and Azerbaijan staged a joint firing drill near Rustavi on "
                   "Wednesday. This was moreover the first brigade-scale gunnery exercise for both armies.\n")
    assert len(rows) == 1


def test_a_range_of_field_exercises_is_part_of_the_exercise():
    rows = records(" date 2025-07-14\nT\nThe training is part of Chile's yearly Pacific Lance exercise. "
                   "Reservists were called up for two weeks of gunnery practice and a broad set of field drills.\n")
    assert len(rows) == 1 and rows[0]["name"] == "Pacific Lance"


# --------------------------------------------------------------------------
# names: a series and its editions

def test_a_previous_edition_takes_the_series_name_and_members():
    rows = records(" date 2022-10-27\nT\nIndia and Nepal will hold the Surya Kiran exercise in Pithoragarh from "
                   "November 15. Its previous edition took place in Salijhandi in October 2021.\n")
    past = [r for r in rows if r["start_date"] == "2021-10"]
    assert len(rows) == 2 and len(past) == 1
    assert past[0]["name"] == "Surya Kiran" and past[0]["participants"] == ["IN", "NP"]


def test_a_name_without_its_edition_number_is_the_same_exercise():
    rows = records(" date 2024-04-22\nT\nLeaders watch Iron Wolf drill\nLithuanian and German troops began "
                   "the Iron Wolf 24/II exercise on Sunday.\n")
    assert len(rows) == 1 and rows[0]["name"] in ("Iron Wolf", "Iron Wolf 24/II")


def test_different_edition_numbers_are_different_exercises():
    rows = records(" date 2024-04-22\nT\nLithuanian and German troops began the Iron Wolf 24/II exercise on "
                   "Sunday. The Iron Wolf 23/I exercise was held last year in Pabrade.\n")
    assert len(rows) == 2


def test_an_earlier_edition_has_the_series_parties_not_every_contingent():
    rows = records(" date 2020-08-26\nT\nThe fourth Iron Lance exercise, led jointly by Canada and Latvia, opens "
                   "on September 7 near Adazi. More than 2,000 troops will take part, including Latvian, Canadian, Polish "
                   "and Spanish soldiers. During an earlier iteration, in June 2017, Canadian tanks drove "
                   "through several villages.\n")
    past = [r for r in rows if r["start_date"] == "2017-06"]
    assert len(past) == 1 and past[0]["name"] == "Iron Lance" and past[0]["participants"] == ["CA", "LV"]
    current = [r for r in rows if r["start_date"] == "2020-09-07"]
    assert len(current) == 1
    assert current[0]["participants"] == ["CA", "ES", "LV", "PL"]


@pytest.mark.parametrize("text, participants", [
    (" date 2022-09-01\nT\nU.S. soldiers held drills near Riga on Monday.\n", ["US"]),
    (" date 2022-09-01\nT\nUK troops held drills near Riga on Monday.\n", ["GB"]),
])
def test_abbreviated_country_before_a_force(text, participants):
    assert one_event(text)["participants"] == participants


def test_a_list_of_places_continues_after_and():
    row = one_event(" date 2024-03-04\nT\nThe drill moves 12,000 sailors into the eastern parts of Latvia, "
                    "Lithuania and Estonia.\n")
    assert {"Latvia", "Lithuania", "Estonia"} <= set(locations(row))


def test_a_confrontation_between_countries_places_nothing():
    row = one_event(" date 2024-04-22\nT\nEstonian troops held drills near Narva, a town that might turn into a "
                    "hotspot in a clash between Russia and NATO.\n")
    assert "Russia" not in locations(row)


# --------------------------------------------------------------------------
# a hosting town and a border named as a place start nothing

def test_a_hosting_town_with_a_border_in_apposition_is_one_event():
    rows = records(" date 2023-06-05\nEstonian and Finnish troops open Baltic Guard 23\nEstonian and Finnish "
                   "troops began the Baltic Guard 23 exercise on Monday near Narva.\n\nNarva, a few km from the "
                   "Russian border at Ivangorod, hosts the drills until Friday.\n")
    assert len(rows) == 1
    row = rows[0]
    assert row["participants"] == ["EE", "FI"]
    assert (row["start_date"], row["end_date"]) == ("2023-06-05", "2023-06-09")
    assert "Ivangorod" not in locations(row)


def test_a_town_that_hosts_is_a_place_not_a_participant():
    row = one_event(" date 2023-06-05\nT\nSlovak troops began drills on Monday. Lublin hosts the drills.\n")
    assert row["participants"] == ["SK"] and locations(row) == ["Lublin"]


def test_a_distance_reference_point_is_not_the_venue():
    row = one_event(" date 2023-06-05\nT\nFinnish troops held drills some 40 km from Lappeenranta on Monday.\n")
    assert "Lappeenranta" not in locations(row)


# --------------------------------------------------------------------------
# streaming: copies in any order

def _copies():
    body = ("Latvian and Estonian troops began joint military exercises near Valga on Monday. The drills will "
            "last five days. Tanks and artillery take part. Officials said the exercise is defensive. "
            "Journalists were invited to watch.")
    return [
        Article.from_text(f" date 2021-02-03\nDrills begin near Valga\n{body}\n", "m.txt"),
        Article.from_text(f" date 2021-02-03\nDrills begin near Valga\n{body}\n", "z.txt"),
        Article.from_text(f" date 2021-02-03\nBaltic war games start\n{body}\nShare this story.\n", "c.txt"),
        Article.from_text(f" date 2021-02-03\nAnother headline\n{body}\n", "a.txt"),
    ]


@pytest.mark.parametrize("order", [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]])
def test_copies_in_any_order_give_one_event_whose_original_is_the_smallest_name(order):
    articles = _copies()
    rows = events_to_records(extract_events(iter([articles[i] for i in order])))
    assert len(rows) == 1
    assert rows[0]["articles"] == ["a.txt", "c.txt", "m.txt", "z.txt"]
    assert {e["article"] for e in rows[0]["details"]["evidence"]} == {"a.txt"}


def test_extract_events_takes_a_generator_once():
    seen = []

    def gen():
        for a in _copies():
            seen.append(a.name)
            yield a

    rows = events_to_records(extract_events(gen()))
    assert len(rows) == 1 and len(seen) == 4


def test_cli_jobs_give_the_same_events(tmp_path):
    from pathlib import Path

    from geodrills.cli import main

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i, path in enumerate(sorted(seeds.glob("*.txt"))):
        text = path.read_text(encoding="utf-8")
        for k in range(3):  # copies, under names that sort before and after the original
            (folder / f"{k}_{path.name}").write_text(text, encoding="utf-8")
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"events{jobs}.jsonl"
        assert main(["events", str(folder), "--jobs", jobs, "-o", str(out)]) == 0
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] == outs[1] and outs[0].count("\n") == 11


# --------------------------------------------------------------------------
# a second look at names in the exercise's own locative slot

@pytest.fixture
def blind_geoparser(monkeypatch):
    """The geoparser finds no place at all: every place must come from the second look."""
    import geodrills.events as events_module

    monkeypatch.setattr(events_module, "_locations_for", lambda article, mentions: [])


def test_second_look_finds_a_place_in_a_country_the_article_names(blind_geoparser):
    row = one_event(" date 2022-06-06\nT\nEstonian and Latvian troops held live-fire drills in Tapa on Monday.\n")
    assert [p["country"] for p in row["details"]["places"] if p["role"] == "location"] == ["EE"]


@pytest.mark.parametrize("text", [
    # a near spelling is not the place ("Auli" is not "Ali")
    " date 2022-10-27\nT\nIndian and US troops will hold drills in Auli from November 15.\n",
    # a common word is not a town ("Line" is no place)
    " date 2022-10-27\nT\nKorean troops will hold drills along the Line of Separation from November 15.\n",
    # an acronym, a person's possessive, a stop word
    " date 2022-10-27\nT\nFrench troops held drills in the EU on Monday.\n",
    " date 2022-10-27\nT\nUS troops held drills at Kelly's request on Monday.\n",
    " date 2022-10-27\nT\nUS troops held drills as debate went on in Congress on Monday.\n",
])
def test_second_look_takes_no_guess(blind_geoparser, text):
    assert locations(one_event(text)) == []


def test_they_are_to_take_place_near_a_border_checkpoint():
    row = one_event(" date 2020-03-01\nT\nBulgarian troops will start gunnery drills on Monday. They are to "
                    "take place near the Svilengrad border checkpoint.\n")
    assert "Svilengrad" in locations(row)


def test_a_possessive_coast_is_still_the_place():
    row = one_event(" date 2024-07-14\nT\nGreek troops held drills on Crete's north coast on Monday.\n")
    assert locations(row) == ["Kríti"]


def test_many_editions_of_one_name_are_merged_in_linear_time(monkeypatch):
    import geodrills.events as events_module

    calls = []
    accepts = events_module._Group.accepts
    monkeypatch.setattr(events_module._Group, "accepts", lambda self, r: calls.append(1) or accepts(self, r))
    n = 360
    names = [f"Storm {i % 90 + 10}/{('I', 'II', 'III', 'IV')[i // 90]}" for i in range(n)]
    articles = [Article.from_text(f" date 2021-02-01\nT\nTroops held the {name} drills on Monday.\n", f"{i:04d}.txt")
                for i, name in enumerate(names)]
    articles.append(Article.from_text(" date 2021-02-01\nT\nTroops held the Storm 17/II drills.\n", "x.txt"))
    rows = events_to_records(extract_events(articles, mentions={}))
    assert len(rows) == n
    (one,) = [r for r in rows if r["name"] == "Storm 17/II"]
    assert one["articles"] == ["0097.txt", "x.txt"]
    # one edition's groups and a bounded month block per report, not every "Storm" group
    assert len(calls) <= (n + 1) * (events_module.Limits.BUCKET_CANDIDATES + 4)


# --------------------------------------------------------------------------
# more ways of saying who takes part and who watches

@pytest.mark.parametrize("text, participants, observers", [
    # a country sends officers to watch
    (" date 2025-05-06\nT\nKazakh and Kyrgyz troops began joint drills near Karakol on Tuesday. Mongolia sent "
     "a small group of officers to observe the exercise.\n", ["KG", "KZ"], ["MN"]),
    # a country that will watch the drills itself
    (" date 2025-05-06\nT\nChilean and Argentine marines began amphibious drills near Ushuaia. Uruguay will "
     "observe the drills, the navy said.\n", ["AR", "CL"], ["UY"]),
    # gunners, sappers and frigates of named countries take part (the host is only where it is held)
    (" date 2024-09-02\nT\nThe Iron Ridge exercise began in Estonia on Monday with Latvian sappers, "
     "Danish gunners and two Norwegian frigates.\n", ["DK", "LV", "NO"], []),
])
def test_participants_and_observers_in_their_other_forms(text, participants, observers):
    row = one_event(text)
    assert sorted(row["participants"]) == participants
    assert sorted(row["observers"]) == observers


def test_artillery_training_is_an_exercise_with_its_span():
    row = one_event(" date 2024-04-10\nT\nThe Norwegian army started a week of artillery training at the "
                    "Setermoen range on Monday.\n")
    assert (row["start_date"], row["end_date"], row["participants"]) == ("2024-04-08", "2024-04-14", ["NO"])


@pytest.mark.parametrize("text, start", [
    # a date the exercise is compared with is not its own
    ("Laos and Vietnam wrapped up a joint border drill near Lao Bao, the first of its kind since 2016.\n", None),
    ("Polish and Czech troops began the largest joint drills since May 2019 near Cieszyn on 3 June 2024.\n",
     "2024-06-03"),
    # ... but "under way since Monday" is the exercise's own start
    (" date 2024-06-12\nT\nArmenian troops have been holding drills near Gyumri since Monday.\n", "2024-06-10"),
])
def test_a_date_the_exercise_is_compared_with_is_not_its_date(text, start):
    assert one_event(text)["start_date"] == start


@pytest.mark.parametrize("text", [
    " date 2024-10-03\nT\nHungary's army held drills on Tuesday, a spokesman said, insisting the range is nowhere "
    "near Serbia.\n",
    " date 2024-10-03\nT\nHungary's army held drills on Tuesday at a range far from Serbia.\n",
    " date 2024-10-03\nT\nHungary's army held drills on Tuesday some 40 km from the boundary with Serbia.\n",
])
def test_a_place_the_exercise_is_away_from_is_no_location(text):
    row = one_event(text)
    assert locations(row) == ["Hungary"]  # one country's own drills, at home


@pytest.mark.parametrize("text, participants", [
    # a service's proper name after a country's possessive, even with "Border" in a name
    ("T\nNepal's Armed Police Force and the Border Police of China held a joint exercise near Kodari.\n", ["CN", "NP"]),
    ("T\nJapan's Ground Self-Defense Force and Philippine marines began joint drills on Luzon.\n", ["JP", "PH"]),
])
def test_a_service_named_with_force_or_guard_names_its_country(text, participants):
    assert sorted(one_event(text)["participants"]) == participants


def test_a_border_in_lower_case_still_blocks_a_participant():
    row = one_event("T\nArmenian troops held drills on Monday, far from the Turkish border.\n")
    assert row["participants"] == ["AM"]


def test_a_datelines_date_is_not_the_exercises_even_with_a_date_header():
    row = one_event(" date 2022-09-12\nT\nSEOUL, Sept. 12 (Yonhap) -- South Korean and U.S. marines staged joint "
                    "landing drills near Pohang last week, the navy said.\n")
    assert (row["start_date"], row["end_date"]) == ("2022-09-05", "2022-09-11")


@pytest.mark.parametrize("text, participants, observers", [
    # a demonym list before coordinated modifiers of a force noun; a list of countries sending observers
    ("T\nSpanish, Portuguese and Moroccan air and naval forces took part in the exercise off Cadiz. Italy and the "
     "United Kingdom will send observers.\n", ["ES", "MA", "PT"], ["GB", "IT"]),
])
def test_lists_of_participants_and_of_observers(text, participants, observers):
    row = one_event(text)
    assert (sorted(row["participants"]), sorted(row["observers"])) == (participants, observers)


@pytest.mark.parametrize("text", [
    # a de facto line is a border like any other: a place beyond it, at a distance, is no venue
    " date 2021-04-15\nT\nGeorgian troops held drills near Gori, 30 km south of the administrative line with "
    "Russian-occupied South Ossetia.\n",
    # another clause about other forces
    " date 2021-04-15\nT\nGeorgian troops held drills near Gori as Russian forces gathered in South Ossetia.\n",
])
def test_a_place_across_a_line_or_in_another_clause_is_no_venue(text):
    row = one_event(text)
    assert locations(row) == ["Gori"] and row["participants"] == ["GE"]


@pytest.mark.parametrize("text, start, end", [
    # the ending verb's date is the last day, the starting verb's the first, in either order
    (" date 2024-05-20\nT\nKyrgyz and Tajik troops on Friday concluded the Pamir Shield exercise, which began on "
     "May 6 near Osh.\n", "2024-05-06", "2024-05-17"),
    (" date 2024-05-20\nT\nThe Pamir Shield exercise, which began on May 6 near Osh, ended on Friday, Kyrgyz "
     "officials said.\n", "2024-05-06", "2024-05-17"),
    # only the end is told: the first day is not guessed
    (" date 2024-05-20\nT\nThe joint Kyrgyz-Tajik drills near Osh ended on Friday.\n", None, "2024-05-17"),
])
def test_dates_tied_to_verbs_of_starting_and_ending(text, start, end):
    row = one_event(text)
    assert (row["start_date"], row["end_date"]) == (start, end)


def test_a_place_inside_a_name_or_its_alias_and_the_seat_of_a_speaker_are_no_venues():
    row = one_event(" date 2021-09-14\nT\nUzbekistan opened the Turkestan-2021 (Turan-2021) drills near Termez on "
                    "Tuesday, the defence ministry in Tashkent said.\n")
    places = {p["name"]: p for p in row["details"]["places"]}
    (venue,) = [p for p in places.values() if p["role"] == "location"]
    assert venue["country"] == "UZ" and venue["kind"] != "country"  # Termez ("Tirmiz"), not Tashkent or a name
    assert places["Tashkent"]["role"] == "mentioned"


def test_one_report_naming_fewer_participants_is_no_conflict():
    rows = records_many([
        (" date 2022-06-01\nT\nChile, Peru and Bolivia began the Andes Shield 2022 drills near Arica on Wednesday.\n",
         "a.txt"),
        (" date 2022-06-02\nT\nPeruvian marines joined Chilean troops in the Andes Shield 2022 drills near Arica.\n",
         "b.txt"),
        (" date 2022-06-02\nT\nEcuadorian and Peruvian troops took part in the Andes Shield 2022 drills near "
         "Arica.\n", "c.txt"),
    ])
    (row,) = rows
    conflicts = row["details"]["conflicts"]
    # a.txt and b.txt agree (b names fewer); c.txt names a country a.txt does not, and lacks one it names
    assert conflicts and all("c.txt" in c for c in conflicts if c.startswith("participants"))


def records_many(texts):
    return events_to_records(extract_events([Article.from_text(t, n) for t, n in texts]))


def test_an_exercise_told_only_late_in_a_story_about_something_else_is_in_passing():
    rows = records(" date 2024-03-02\nSoldiers trade fire on the Kyrgyz-Tajik border\nKyrgyz and Tajik border guards "
                   "exchanged fire near Batken on Thursday, officials said. Nobody was hurt.\nThe clash came a week "
                   "after Kyrgyz troops held mountain drills near Osh.\n")
    (row,) = rows
    assert row["details"]["reports"][0]["passing"] is True


def test_the_storys_own_exercise_is_not_in_passing_and_its_label_has_no_verb():
    (row,) = records(" date 2024-02-19\nTurkey, Georgia conclude 'Black Sea Shield' drills\nTurkish and Georgian "
                     "sailors on Friday concluded the Black Sea Shield drills off Batumi.\n")
    assert row["details"]["reports"][0]["passing"] is False
    assert row["label"] == "drills"


def test_snap_readiness_checks_are_drills_and_forces_that_will_not_take_part_are_no_participants():
    row = one_event(" date 2023-04-03\nT\nKazakhstan will hold snap combat readiness checks in the Almaty region next "
                    "month, the ministry said, adding that Kyrgyz units based there would not take part.\n")
    assert (row["participants"], row["start_date"], row["date_precision"], row["status"]) == (
        ["KZ"], "2023-05", "month", "planned")


def test_a_vague_span_gives_way_to_the_narrower_date_inside_it():
    row = one_event(" date 2022-11-29\nT\nJapan and Australia will stage joint air drills in the coming weeks, "
                    "officials said. The drills, to be held in December near Darwin, will last three days.\n")
    assert (row["start_date"], row["date_precision"], row["status"]) == ("2022-12", "month", "planned")


@pytest.mark.parametrize("tail", [
    "The next round of drills is expected near Trat in June.",
    "Another round of drills is planned near Trat in June.",
    "The next edition is expected near Trat in June.",
])
def test_the_next_round_is_another_exercise_and_a_last_day_with_a_length_gives_the_first(tail):
    rows = records(" date 2024-02-12\nT\nThai and Cambodian troops on Wednesday wrapped up a three-day joint exercise "
                   "near Pailin. " + tail + "\n")
    by_start = {r["start_date"]: r for r in rows}
    assert set(by_start) == {"2024-02-05", "2024-06"}
    assert by_start["2024-02-05"]["end_date"] == "2024-02-07" and locations(by_start["2024-02-05"]) == ["Pailin"]
    assert by_start["2024-06"]["status"] == "planned" and locations(by_start["2024-06"]) == ["Trat"]


def test_the_next_joint_exercises_of_a_story_about_planned_drills_are_those_drills():
    (row,) = records(" date 2021-01-20\nT\nTurkey and Azerbaijan will hold joint exercises near Kars next month. "
                     "Officials said the mountains explain the choice of terrain for the next joint exercises.\n")
    assert len(row["details"]["evidence"]) == 2


def test_another_happenings_waters_a_possessive_clause_and_the_states_of():
    rows = records(" date 2023-12-28\nT\nVenezuela on Thursday launched a military exercise along its coast, days after "
                   "a British patrol ship arrived in Guyanese waters. The drills will continue until January 2 in the "
                   "states of Sucre and Falcon. Guyana's embassy in Caracas called the exercise a threat.\n")
    (row,) = rows  # (the embassy's "exercise" is the same one, not Guyana's)
    assert row["participants"] == ["VE"]
    assert "Guyana" not in locations(row) and {"Sucre", "Falcón"} <= set(locations(row))


@pytest.mark.parametrize("text, status", [
    # a month holding the article's day: the tense decides
    (" date 2022-11-29\nT\nJapan and Australia will stage joint air drills in the coming weeks near Darwin.\n",
     "planned"),
    (" date 2022-11-29\nT\nJapan and Australia held joint air drills earlier this month near Darwin.\n", "past"),
    (" date 2022-11-29\nT\nJapan and Australia are holding joint air drills this month near Darwin.\n", "under way"),
])
def test_the_status_of_an_exercise_dated_by_a_month_that_holds_the_article_day(text, status):
    assert one_event(text)["status"] == status
