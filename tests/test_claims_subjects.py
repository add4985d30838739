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
    # a province containing it may stand in, with its whole extent: never decisive for these figures
    rows = [r for r in _rows(text) if r["kind"] in ("near", "km_from")]
    assert rows, text
    for r in rows:
        assert r["subject"].startswith("Qelbrin"), (text, r["subject"])
        assert r["verdict"] == "unverifiable", r["reason"]
        assert UNKNOWN in r["reason"] or ("places it in" in r["reason"] and "too close to call" in r["reason"])


@pytest.mark.parametrize("text, subject", [
    # site, feature and place nouns all come from one vocabulary (geodrills.lexicon.sites), in lower case too
    ("Sappers dug in on the Qelbrin heights, about 15 km from the Armenian border.", "Qelbrin heights"),
    ("Crews practised at the Qelbrin tank polygon, about 25 km from the Iranian frontier.", "Qelbrin tank polygon"),
    ("Troops camped at the Qelbrin oasis, roughly 40 km from the Algerian border.", "Qelbrin oasis"),
    ("Divers trained in the Qelbrin lakes, 10 km from the Finnish border.", "Qelbrin lakes"),
])
def test_a_named_site_keeps_its_noun_whatever_sort_of_site(text, subject):
    rows = [r for r in _rows(text) if r["kind"] in ("near", "km_from")]
    assert rows and all(r["subject"] == subject and r["verdict"] == "unverifiable" for r in rows), rows


def test_a_resolved_place_before_the_cue_is_still_the_subject():
    row = _rows("Troops moved to Kars, near the Armenian border, on Monday.", "near")[0]
    assert row["subject"] == "Kars" and row["verdict"] == "supported"


def test_a_container_after_an_unknown_name_stands_in_with_its_extent():
    # "in Kars" may mean the province: its whole extent (61-225 km from Iran) is no verdict on "90 km"
    rows = _rows("Gunners fired at Qelbrin in Kars, roughly 90 km from the Iranian border.", "km_from")
    assert rows and rows[0]["subject"] == "Qelbrin" and rows[0]["verdict"] == "unverifiable"
    assert "places it in" in rows[0]["reason"] and "its unit" in rows[0]["reason"]


def test_a_coordinated_cue_shares_its_subject():
    rows = _rows("The exercise moved to Qelbrin, 40 km from Kars and a few kilometres from the Armenian border.")
    subjects = {r["kind"]: r["subject"] for r in rows}
    assert subjects.get("km_from") == "Qelbrin" and subjects.get("near") == "Qelbrin"


def test_a_new_clause_after_but_does_not_share_the_subject():
    rows = _rows("The bulk of the manoeuvres happen in Osh, near Jalal-Abad, but some units will go farther east, "
                 "near the Chinese frontier.", "near")
    later = [r for r in rows if "Chinese" in r["text"]]
    assert later and later[0]["subject"] != "Osh"


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


# --------------------------------------------------------------------------- (d) a reading that fits no other place


def test_a_homonym_read_far_from_the_article_is_not_judged():
    # (no admin-1 unit named: where the article names Fujian province, the geoparser itself takes the
    # county seat inside it, toponyms.context.unit_namesake_terms)
    text = ("Chinese rocket forces fired from Xiamen and Fuzhou. Later the drills moved to Pingtan, "
            "near Taiwan.")
    row = [r for r in _rows(text, "near") if r["text"].startswith("Pingtan")][0]
    assert row["verdict"] == "unverifiable" and "likely another place of that name" in row["reason"]
    assert "Tancheng" in row["reason"]  # the runner-up reading that fits the article is named


def test_a_reading_that_fits_the_article_is_judged():
    row = _rows("Troops gathered in Kars and Ardahan. The column then reached Igdir, near the Iranian border.",
                "near")[0]
    assert row["subject"] == "Iğdır" and row["verdict"] == "supported"


def _reading(**kw):
    from geodrills.claims.subjects import Reading

    base = dict(name="Foo", place="Foo (town, XX)", match="exact", score=0.9, nearest_km=20.0)
    return Reading(**{**base, **kw})


@pytest.mark.parametrize("kw, weak", [
    ({}, False),                                                        # near the article's other places
    ({"nearest_km": 3000.0}, False),                                    # far, but exact, confident, no rival
    ({"nearest_km": float("inf")}, False),                              # the only place named: nothing to test
    ({"nearest_km": 3000.0, "score": 0.3, "country_named": False}, True),  # far, unsure, country unnamed
    ({"nearest_km": 3000.0, "score": 0.3}, False),                      # far and unsure, its country named
    ({"nearest_km": 3000.0, "match": "variant"}, True),                 # far and only a transliteration
    ({"nearest_km": 3000.0, "alternative": "Bar (village, XX)", "alternative_km": 40.0}, True),  # a rival fits
    ({"match": "fuzzy"}, True),                                         # a near-miss spelling: never
])
def test_misreading_policy(kw, weak):
    from geodrills.claims import Thresholds
    from geodrills.claims.judge import misreading

    assert (misreading(_reading(**kw), Thresholds()) is not None) is weak
    assert misreading(None, Thresholds()) is None


def test_the_isolation_distance_is_a_threshold():
    from geodrills.claims import Thresholds
    from geodrills.claims.judge import misreading

    r = _reading(nearest_km=3000.0, score=0.3, country_named=False)
    assert misreading(r, Thresholds(isolated_km=5000)) is None


# --------------------------------------------------------------------------- (a) "the town", "the island"


def _anaphor_subject(text: str, kind: str) -> dict:
    rows = [r for r in _rows(text, kind) if r["text"][:1].islower() or r["text"].startswith(("The", "the"))]
    return rows[-1]


@pytest.mark.parametrize("text, kind, subject", [
    # the topic, not the object of "from" named after it
    ("Greek marines landed at Alexandroupolis, 110 km from Edirne. The town is not far from the Turkish border.",
     "near", "Alexandroupoli"),
    # word order: the object first, the topic last
    ("From Edirne, the convoy drove to Alexandroupolis. The town lies close to the Turkish border.",
     "near", "Alexandroupoli"),
    # "east of Kars": Kars is the reference, Igdir the topic; a province prefers a unit or its seat town
    ("Turkish troops drilled in Igdir, east of Kars. The province borders Armenia.", "borders", "Iğdır"),
    # the island is what was named with "on", not the town "off" which it lies
    ("Exercises were held on Lesbos, off Ayvalik. The island lies close to the Turkish coast.", "near", "Lesbos"),
])
def test_a_definite_description_refers_to_the_topic_of_its_kind(text, kind, subject):
    assert _anaphor_subject(text, kind)["subject"] == subject


def test_an_island_the_gazetteer_lacks_is_the_referent_not_another_town():
    text = ("Marines landed on a beach of Korea's Qelbrin island near Incheon. Shells later fell on the tiny "
            "island, barely three kilometres from North Korea.")
    row = _rows(text, "km_from")[0]
    assert row["subject"] == "Qelbrin island" and row["verdict"] == "unverifiable"
    assert "Incheon" in row["reason"] and "places it near" in row["reason"]  # not "another town": a stand-in


def test_places_listed_as_the_object_of_a_relation_are_not_subjects():
    # Ardahan and Igdir are where the border stretch is, not what stands on it
    text = "Units patrolled along the Armenian border near Ardahan and Igdir on Friday."
    for r in _rows(text, "on"):
        assert r["subject"] not in ("Ardahan", "Iğdır")


def test_bare_plural_sites_are_unnamed_subjects():
    row = _rows("Units of Kyrgyzstan and Tajikistan trained on ranges near the Uzbek border.", "near")[0]
    assert row["subject"] is None and row["verdict"] == "unverifiable"


@pytest.mark.parametrize("text", [
    "RIGA, May 4 — Latvian and Estonian units held a joint drill close to the Russian border.",
    "KARS (AP) — Turkish troops held drills near the Armenian border on Monday.",
])
def test_a_dateline_is_not_the_subject(text):
    row = _rows(text, "near")[0]
    assert row["subject"] not in ("Riga", "Kars")


def test_a_place_opening_a_sentence_without_a_dash_is_still_a_subject():
    row = _rows("Kars, a city near the Armenian border, hosted the drills.", "near")[0]
    assert row["subject"] == "Kars"


@pytest.mark.parametrize("text, subject", [
    ("US jets took off from Qelbrin air base near Adana. The base lies about 110 km from the Syrian border.",
     "Qelbrin air base"),
    ("Troops trained at the Qelbrin firing range in Kars province. The range is close to the Armenian border.",
     "Qelbrin firing range"),
    ("Soldiers arrived in Kars. The base is near the Armenian border.", None),  # not the town: no base named
])
def test_the_base_refers_to_a_named_site_never_to_a_town(text, subject):
    row = [r for r in _rows(text) if r["kind"] in ("near", "km_from") and "border" in r["text"]][-1]
    assert row["subject"] == subject and row["verdict"] == "unverifiable"


@pytest.mark.parametrize("text", [
    "Vilnius said the drills were near the border, a claim Minsk rejected, saying the polygon is nowhere near Lithuania.",
    "Russian drills near the Estonian border, Tallinn protests.",
    "The exercise is close to the border with Georgia, Baku has insisted.",
])
def test_a_capital_that_speaks_or_answers_is_never_the_subject(text):
    for r in _rows(text):
        assert r["subject"] not in ("Minsk", "Tallinn", "Baku", "Vilnius"), (r["text"], r["subject"])


@pytest.mark.parametrize("text, negated_holds", [
    ("Officials insisted Kars is nowhere near the Iranian border.", True),   # 155 km: 'not near' holds
    ("The ministry said Kars is not anywhere near the Armenian border.", False),  # 41 km: it is near
])
def test_nowhere_near_denies_nearness(text, negated_holds):
    (row,) = [r for r in _rows(text) if r["kind"] == "near"]
    assert row["subject"] == "Kars"
    assert row["verdict"] == ("supported" if negated_holds else "doubtful"), row["reason"]


@pytest.mark.parametrize("text", [
    # the exercise is at sea: a sea's one point says nothing of "south of Rhodes"
    "Turkish, Libyan and Qatari naval forces will take part in the exercise in the Aegean Sea, south of Rhodes, "
    "Turkey's navy command said.",
    "Omani and Indian ships began the drill in the Arabian Sea, west of Mumbai, the Indian navy said.",
])
def test_an_exercise_at_sea_is_not_measured_from_the_sea_or_a_participant(text):
    for r in _rows(text, "direction"):
        assert r["verdict"] == "unverifiable", (r["subject"], r["reason"])
        assert r["subject"] not in ("Aegean Sea", "Arabian Sea", "Turkey", "Qatar", "India", "Oman"), r["reason"]
