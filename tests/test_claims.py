"""Claims: the phrase grammar of every kind on sentences written for these tests, verdicts, the CLI.

The sentences vary word order, units, hedges, negation and lists, and come from
several regions, so a rule that only fits the dev articles fails here.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from geodrills.articles import Article
from geodrills.claims import CLAIM_COLUMNS, Thresholds, check_claims, extract_claims
from geodrills.claims.grammar import find_phrases, number_value
from geodrills.cli import main
from geodrills.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def _rows(text: str, **kw):
    return check_claims(Article.from_text(text), **kw)


def _only(text: str, kind: str, **kw):
    df = _rows(text, **kw)
    df = df[df["kind"] == kind]
    assert len(df) == 1, _rows(text)[["kind", "text", "subject", "object"]].values.tolist()
    return df.iloc[0]


# --------------------------------------------------------------------------- grammar: figures and hedges


@pytest.mark.parametrize("phrase, km, bound", [
    ("12 km from", 12.0, "about"),
    ("some ten miles from", 16.09344, "about"),
    ("roughly 1,200 kilometres from", 1200.0, "about"),
    ("less than 100 km from", 100.0, "upper"),
    ("more than 30 kilometers from", 30.0, "lower"),
    ("barely 5 mi from", 8.04672, "about"),
    ("800 metres from", 0.8, "about"),
    ("a 40-km drive from", None, None),
])
def test_figures_units_and_hedges(phrase, km, bound):
    ps = [p for p in find_phrases(f"It lies {phrase} the border.") if p.kind == "km_from"]
    if km is None:
        assert ps == []
        return
    assert len(ps) == 1 and ps[0].stated_km == pytest.approx(km) and ps[0].bound == bound


def test_number_words():
    assert number_value("twenty") == 20 and number_value("two hundred") == 200 and number_value("1,340") == 1340
    assert number_value("several") is None


# --------------------------------------------------------------------------- near / far / on


def test_near_supported_with_the_pair_and_figure():
    row = _only("Drills began in Kars, near the Armenian border, on Monday.", "near")
    assert (row["object"], row["verdict"]) == ("AM-TR", "supported")
    assert row["measured_km"] == pytest.approx(40.97, abs=0.05)
    assert row["text"].startswith("Kars, near")
    assert "41.0 km" in row["reason"] and "OpenStreetMap" in row["reason"]


def test_near_the_border_with_iran_is_doubtful_for_kars_city():
    row = _only("The drills were held in Kars, near the border with Iran.", "near")
    assert (row["object"], row["verdict"]) == ("IR-TR", "doubtful")
    assert row["measured_km"] == pytest.approx(155.46, abs=0.05)  # the README's and notebook 02's figure


@pytest.mark.parametrize("text, verdict", [
    ("Gyumri is not far from the Turkish border.", "supported"),  # "not far from" = near
    ("Gyumri lies close to the Turkish frontier.", "supported"),
    ("Gyumri lies far from the Iranian border.", "supported"),  # "far from" denies nearness: 200+ km
    ("Meghri is far from the Iranian border.", "doubtful"),  # Meghri is on it
    ("Meghri is not near the border with Iran.", "doubtful"),
])
def test_near_negation(text, verdict):
    assert _only(text, "near")["verdict"] == verdict


def test_on_is_stricter_than_near_and_thresholds_are_parameters():
    row = _only("Troops were deployed in Kars, on the Armenian border.", "on")
    assert row["verdict"] == "doubtful" and "within 10 km" in row["reason"]
    assert _only("Troops were deployed in Kars, on the Armenian border.", "on", on_km=45)["verdict"] == "supported"
    assert _only("Troops were deployed in Kars, on the Armenian border.", "on",
                 thresholds=Thresholds(on_km=45))["verdict"] == "supported"
    with pytest.raises(InputError, match="near_km"):
        _rows("x", near_km=-1)


def test_border_town_noun_form_and_side_of_the_border():
    row = _only("Astara, a town at the Iranian border, was quiet.", "on")
    assert row["verdict"] == "supported" and row["subject"] in ("Astara", "Āstārā")
    side = _only("Patrols were seen at Meghri, on Armenia's side of the frontier with Iran.", "near")
    assert side["object"] == "AM-IR" and side["verdict"] == "supported"


def test_list_of_borders_gives_one_claim_each():
    df = _rows("Gazakh lies near the borders with Armenia and Georgia.")
    assert sorted(df[df["kind"] == "near"]["object"]) == ["AM-AZ", "AZ-GE"]
    assert (df["verdict"] == "supported").all()


def test_named_lines():
    row = _only("The base at Paju sits near the DMZ.", "near")
    assert row["object"] == "KP-KR" and row["verdict"] == "supported"


# --------------------------------------------------------------------------- km_from


def test_km_from_border_and_place_with_tolerance():
    assert _only("Astara lies 2 km from the Iranian border.", "km_from")["verdict"] == "supported"
    assert _only("Kars lies 300 km from the Armenian border.", "km_from")["verdict"] == "doubtful"
    row = _only("The road passes only 3 km from the Armenia–Iran border at Agarak.", "km_from")
    assert row["object"] == "AM-IR" and row["stated_bound"] == "about" and row["verdict"] == "supported"
    town = _only("Gyumri lies about 90 kilometres from Yerevan.", "km_from")
    assert town["object"] == "Yerevan" and town["verdict"] == "supported"


def test_km_from_with_a_direction_and_upper_bound():
    row = _only("Artashat is about 30 km south of Yerevan.", "km_from")
    assert row["stated_direction"] == "south" and row["verdict"] == "supported"
    wrong = _only("Artashat is about 30 km north of Yerevan.", "km_from")
    assert wrong["verdict"] == "doubtful" and "not north" in wrong["reason"]
    upper = _only("Kars is less than 60 km from the Armenian border.", "km_from")
    assert upper["stated_bound"] == "upper" and upper["verdict"] == "supported"


# --------------------------------------------------------------------------- borders


def test_which_borders_a_list_one_claim_per_neighbour():
    df = _rows("Ardahan province, which borders Georgia and Armenia, hosted the drills.")
    b = df[df["kind"] == "borders"]
    assert sorted(b["object"]) == ["Armenia", "Georgia"] or sorted(b["object"]) == ["AM-TR", "GE-TR"]
    assert (b["verdict"] == "supported").all() and (b["measured_km"] == 0).all()


def test_province_outline_borders_and_does_not():
    row = _only("Kars province borders on Armenia.", "borders")
    assert row["verdict"] == "supported" and row["measured_km"] == 0.0
    far = _only("Kars province borders on Iran.", "borders")
    assert far["verdict"] == "doubtful" and 75 < far["measured_km"] < 100 and "outline" in far["reason"]


def test_nakhchivan_exclave_borders_turkey():
    row = _only("The Nakhchivan Autonomous Republic borders Turkey.", "borders")
    assert row["verdict"] == "supported" and row["measured_km"] == 0.0


def test_shares_a_border_and_possessive_border_with():
    df = _rows("Georgia shares a border with Turkey, and Armenia's border with Iran is short.")
    b = df[df["kind"] == "borders"].sort_values("start")
    assert b["verdict"].tolist() == ["supported", "supported"]
    assert b["subject"].tolist()[1] == "Armenia"


def test_countries_that_share_no_border():
    row = _only("Armenia shares a border with Iraq.", "borders")
    assert row["verdict"] == "doubtful" and "no land border" in row["reason"]


# --------------------------------------------------------------------------- direction / within / length / across


def test_direction_of_a_place():
    assert _only("Rustavi, south-east of Tbilisi, hosted the drill.", "direction")["verdict"] == "supported"
    row = _only("Mtskheta, south of Tbilisi, hosted the drill.", "direction")  # Mtskheta is north-west
    assert row["verdict"] == "doubtful" and "°" in row["reason"]


def test_to_the_direction_lies():
    row = _only("Troops gathered in Yerevan. Some 90 km to the north-west lies Gyumri.", "km_from")
    assert row["subject"] == "Gyumri" and row["stated_direction"] == "northwest" and row["verdict"] == "supported"


def test_direction_inside_a_country():
    row = _only("Troops drilled around Daugavpils, in the far south-east of the country.", "direction")
    assert row["verdict"] == "supported"


def test_within_forms():
    assert _only("The drills were held in Gyumri in Shirak province.", "within")["verdict"] == "supported"
    assert _only("The drills were held in Armenia's Gyumri.", "within")["verdict"] == "supported"
    wrong = _only("The drills were held at Batumi in Armenia.", "within")
    assert wrong["verdict"] == "doubtful"


def test_within_an_unknown_subject_is_kept_unverifiable():
    row = _only("Tanks fired at the Qqqzzxx range in Kars province.", "within")
    assert row["verdict"] == "unverifiable" and "names no place the gazetteer knows" in row["reason"]


def test_length_of_a_border():
    row = _only("Armenia and Turkey share a 311-km border.", "length")
    assert row["object"] == "AM-TR" and row["verdict"] == "supported"
    bad = _only("Armenia and Turkey share a 900-km border.", "length")
    assert bad["verdict"] == "doubtful"
    wide = _only("Azerbaijan wants a 5-km-wide corridor.", "length")
    assert wide["verdict"] == "unverifiable"


def test_across_borders_and_rivers():
    row = _only("Refugees went across the Azerbaijani border into Iran.", "across")
    assert row["verdict"] == "supported"
    assert _only("Armenia's troops went across the Iraqi border.", "across")["verdict"] == "doubtful"
    river = _only("Engineers in Julfa built a bridge across the Aras.", "across")
    assert river["verdict"] == "supported"


# --------------------------------------------------------------------------- subjects


def test_subject_is_the_sentence_not_the_lead():
    text = "Baku hosted talks on Monday.\n\nLater, troops trained in Kars, near the Armenian border."
    row = _only(text, "near")
    assert row["subject"] == "Kars"


def test_unverifiable_without_a_place_is_kept():
    df = _rows("Soldiers stood near the border for hours.")
    assert len(df) == 1 and df.iloc[0]["verdict"] == "unverifiable" and "no place" in df.iloc[0]["reason"]


def test_not_claims():
    assert extract_claims("Border guards and cross-border trade were discussed at the border crossing.") == []
    assert [c for c in extract_claims("The talks are expected in the near future, by the minister.")
            if c.kind == "near"] == []


# --------------------------------------------------------------------------- frame, seeds, CLI


def test_frame_is_a_geodataframe_with_lines_to_the_object():
    df = _rows("Drills began in Kars, near the Armenian border, on Monday.")
    assert list(df.columns[:len(CLAIM_COLUMNS)]) == CLAIM_COLUMNS
    assert df.crs.to_epsg() == 4326 and df.geometry.iloc[0].geom_type == "Point"
    assert df["to_object"].iloc[0].geom_type == "LineString"
    empty = _rows("Nothing here.")
    assert empty.empty and list(empty.columns[:len(CLAIM_COLUMNS)]) == CLAIM_COLUMNS


def test_seed_offsets_and_determinism():
    df = check_claims(SEEDS)
    for r in df.itertuples():
        assert (SEEDS / r.article).read_text(encoding="utf-8")[r.start:r.end] == r.text
    assert df["verdict"].isin(["supported", "doubtful", "unverifiable"]).all()
    assert df.drop(columns=["geometry", "to_object"]).equals(
        check_claims(SEEDS).drop(columns=["geometry", "to_object"]))


def test_dev_set_sanity(shared_dir):
    """The drills dev set, as a sanity check (figures in benchmarks/eval_claims.py)."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import eval_claims

    gold, articles = eval_claims.load_gold("drills")
    tally = eval_claims.score(gold, eval_claims.predict(articles))["all"]
    assert tally["found"] >= 50 and tally["false_alarm"] <= 8, dict(tally)


def test_cli_claims_jsonl_and_csv(capsys, tmp_path):
    assert main(["claims", str(SEEDS / "000_5878fdfec2038733.txt")]) == 0
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    for key in CLAIM_COLUMNS:
        assert key in first
    out = tmp_path / "c.csv"
    assert main(["claims", str(SEEDS), "--format", "csv", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith(",".join(CLAIM_COLUMNS[:4]))


def test_cli_claims_nothing_found_and_bad_file(tmp_path):
    empty = tmp_path / "a.txt"
    empty.write_text("A quiet day in Kars.", encoding="utf-8")
    assert main(["claims", str(empty)]) == 1
    assert main(["claims", str(tmp_path / "missing.txt")]) == 2


def test_cli_distances(capsys, tmp_path):
    assert main(["distances", "--place", "Kars", "--within", "70", "--format", "jsonl"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["border"] for r in rows] == ["AM-TR", "GE-TR", "AM-GE"]
    assert rows[0]["km"] == pytest.approx(40.967, abs=0.01) and rows[0]["neighbour"] == "AM"
    assert main(["distances", "--place", "Qqqqxxxjjj"]) == 1
    assert "not in the gazetteer" in capsys.readouterr().err
    assert main(["distances"]) == 2


@pytest.mark.parametrize("place, borders", [
    ("Nakhchivan Autonomous Republic", ("AZ-TR", "AM-AZ", "AZ-IR")),
    ("East Azerbaijan", ("AZ-IR",)), ("Ardahan province", ("GE-TR",)), ("Kars province", ("AM-TR",)),
    ("Van province", ("IR-TR",)), ("Aras", ("AZ-IR", "AM-IR")),
])
def test_cli_distances_by_outline_and_line(capsys, place, borders):
    assert main(["distances", "--place", place, "--within", "5", "--format", "jsonl"]) == 0
    rows = {r["border"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
    for b in borders:
        assert rows[b]["km"] == 0.0 and rows[b]["measured_from"] in ("outline", "line")


def test_cli_distances_sea_has_no_land_border(capsys):
    main(["distances", "--place", "Caspian Sea", "--format", "jsonl"])
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(rows) == 1 and rows[0]["km"] is None and "no land-border" in rows[0]["reason"]


# --------------------------------------------------------------------------- linear time (issue 14)


_HOSTILE = ("A-", "A ", "a'", "1.", "1 ", "near ", "by the ", "Azerbaijani ", "Kars, ", "km ", "-", "5 km ",
            "south-", "the border ", "its ", "A's ")


def _patterns():
    import geodrills.claims as package
    import geodrills.claims.grammar as grammar
    import geodrills.claims.judge as judge
    import geodrills.claims.objects as objects
    import geodrills.claims.subjects as subjects

    return [v for mod in (package, grammar, objects, subjects, judge) for v in vars(mod).values()
            if isinstance(v, re.Pattern)]


@pytest.mark.slow
@pytest.mark.parametrize("unit", _HOSTILE)
def test_claim_regexes_are_linear(unit):
    """Issue 14: '"A-" x 20,000' took 9.8 s in _POSTS; every pattern must cost O(n) on runs of one unit."""
    import time

    def cost(n: int) -> float:
        text = unit * n
        t = time.perf_counter()
        for pat in _patterns():
            for _ in pat.finditer(text):
                pass
        t2 = time.perf_counter() - t
        t = time.perf_counter()
        find_phrases(text)
        return t2 + time.perf_counter() - t

    small, big = cost(5_000), cost(40_000)
    assert big < 8 * 5 * max(small, 1e-3), (unit, small, big)


def test_hostile_text_gives_no_traceback():
    for text in ("{{ cycler }} near the border", "near " * 50, "12 km from " * 20, "’s " * 30, "\x00 near \x00"):
        df = _rows(text)
        assert df["verdict"].isin(["supported", "doubtful", "unverifiable"]).all()
        assert not any(isinstance(v, float) and math.isinf(v) for v in df["measured_km"])


def test_a_city_that_names_a_province_borders_as_the_province():
    df = _rows("Iğdır, which borders Armenia, Iran and Nakhchivan, hosted the drills.")
    b = df[df["kind"] == "borders"]
    assert len(b) == 3 and (b["verdict"] == "supported").all() and (b["measured_km"] == 0).all()
    assert all("measured as the province" in r for r in b["reason"])


@pytest.mark.parametrize("module", ["geodrills.claims", "geodrills.claims.grammar", "geodrills.claims.objects",
                                    "geodrills.claims.thresholds", "geodrills.footprints"])
def test_docstring_examples(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


@pytest.mark.slow
@pytest.mark.parametrize("unit", ["Kars, near the Armenian border and ", "Iğdır borders Armenia, Iran and ",
                                  "5 km south of Gyumri in Shirak, ", "the Kars border region, "])
def test_extraction_is_linear_in_one_huge_sentence(unit):
    """One sentence full of places and cues: the work per cue must not grow with the sentence."""
    import dataclasses
    import time

    from geodrills.mentions import geoparse

    base = geoparse(unit)

    def cost(n: int) -> float:
        text = unit * n
        ms = [dataclasses.replace(m, start=m.start + i * len(unit), end=m.end + i * len(unit),
                                  text=m.text) for i in range(n) for m in base]
        t = time.perf_counter()
        extract_claims(Article.from_text(text), ms, events=False)
        return time.perf_counter() - t

    small, big = cost(300), cost(2400)
    assert big < 8 * 3 * max(small, 1e-3), (small, big)


def test_between_two_places():
    row = _only("Gyumri lies between Kars and Yerevan.", "direction")
    assert row["stated_direction"] == "between" and row["verdict"] == "supported"
    wrong = _only("Batumi lies between Kars and Yerevan.", "direction")
    assert wrong["verdict"] == "doubtful"
    described = _only("The gap is wedged between Georgia and the Turkish province of Kars.", "direction")
    assert described["object"]


def test_a_bare_border_is_the_one_named_before():
    text = ("Armenia and Georgia held drills along their shared border.\n\n"
            "The drills opened in Gyumri, on the Armenian side of the border.")
    row = _only(text, "near")
    assert row["object"] == "AM-GE"  # not AM-TR, though Gyumri is nearer Turkey


def test_named_sites_the_gazetteer_lacks_are_kept_unverifiable():
    df = _rows("Tanks fired at the Qqzzx and Wwvvq Gunnery Ranges near Kaunas.")
    near = df[df["kind"] == "near"]  # two names sharing the noun: one claim each
    assert sorted(near["subject"]) == ["Qqzzx Gunnery Range", "Wwvvq Gunnery Range"]
    assert set(near["verdict"]) == {"unverifiable"}
    listed = _rows("The drills use three sites north of Kaunas: the Qqzzx Airfield, Wwvvq drill ground "
                   "and the Xxkkq training area.")
    assert sorted(listed[listed["kind"] == "direction"]["subject"]) == [
        "Qqzzx Airfield", "Wwvvq drill ground", "Xxkkq training area"]
    listed = _rows("The drills use sites west of Kaunas: the Qqzzx Air Strip, the Wwvvq depot and the Xxkkq "
                   "barracks.")
    assert sorted(listed[listed["kind"] == "direction"]["subject"]) == [
        "Qqzzx Air Strip", "Wwvvq depot", "Xxkkq barracks"]
    obj = _only("Warships sailed 80 kilometres south of the Qqzzx Islands.", "km_from")
    assert obj["object"] == "Qqzzx Islands" and "not in the gazetteer" in obj["reason"]


@pytest.mark.parametrize("text, verdict", [
    ("Abkhazia lies in Russia.", "doubtful"),   # the region touches Russia: 0 km apart, but not inside it
    ("Abkhazia lies in Georgia.", "supported"),
    ("Kakheti lies in Azerbaijan.", "doubtful"),
])
def test_a_region_is_within_a_country_when_most_of_it_lies_there(text, verdict):
    assert _only(text, "within")["verdict"] == verdict


def test_within_its_region():
    row = _only("Georgia held staff exercises in its eastern Kakheti region.", "within")
    assert row["verdict"] == "supported"
    wrong = _only("Armenia held drills in its northern Batumi district.", "within")
    assert wrong["verdict"] == "doubtful"


def test_unknown_threshold_is_a_clear_error():
    with pytest.raises(InputError, match="unknown threshold.*nearkm"):
        _rows("Kars is near the Armenian border.", nearkm=3)


def test_two_countries_share_a_border():
    df = _rows("Azerbaijan and Iran share a border of roughly 700 kilometres.")
    assert df[df["kind"] == "borders"]["verdict"].tolist() == ["supported"]
    length = df[df["kind"] == "length"].iloc[0]
    assert length["object"] == "AZ-IR" and length["verdict"] == "supported"
    assert _only("Armenia and Iraq share a border.", "borders")["verdict"] == "doubtful"


def test_far_figures_point_to_a_wrong_reading_not_a_wrong_claim():
    row = _only("Drills were held in Baku, near the Polish border.", "near")
    assert row["verdict"] == "unverifiable" and "wrong place" in row["reason"]


def test_off_the_coast_is_measured_to_the_land():
    row = _only("Astara lies 5 km from the Iranian coast.", "km_from")
    assert row["object"] == "IR" and row["verdict"] == "supported"


def test_places_that_locate_the_border_stretch_are_not_subjects():
    row = _only("Armenian forces took up positions along the Armenia-Azerbaijan border near Jermuk.", "on")
    assert row["verdict"] == "unverifiable"  # the positions, not Jermuk (12 km away), are on the border
    assert _rows("The talks will resume near the end of March.").empty
    site = _only("The drills took place in the Negev desert, near the Egyptian border.", "near")
    assert site["subject"] == "Negev desert" and site["verdict"] == "unverifiable"


def test_the_two_districts_refer_back():
    df = _rows("The minister toured Shirak and Lori. The two provinces directly border Georgia.")
    b = df[df["kind"] == "borders"]
    assert len(b) == 2 and (b["verdict"] == "supported").all()


def test_a_border_town_is_near_the_border_a_border_post_on_it():
    assert _only("Kars is a frontier city.", "on")["verdict"] == "supported"  # 41 km: near, by what it is
    assert "near the border, not on the line" in _only("Kars is a frontier city.", "on")["reason"]
    assert _only("Tarvo, north-east of Kaunas, hosted the drill.", "direction")["subject"] == "Tarvo"


def test_direction_from_a_river_line_and_a_border():
    df = _rows("The drills were held at Gazakh, just south of the Kura and the Georgian border.")
    d = df[df["kind"] == "direction"].set_index("object")
    assert d.loc["AZ-GE", "verdict"] == "supported"
    assert d.loc["Kura", "verdict"] == "unverifiable"  # only the mouth's point: no direction from it
    assert _only("Ordubad lies just north of the Aras.", "direction")["verdict"] == "supported"


def test_sentences_without_claims_give_none():
    for text in ("The minister said in Baku on Monday that the talks went well.",
                 "The army sent 3,000 troops and 200 tanks to the region.",
                 "The aircraft flew over 500 km in two hours.",
                 "Georgia's border guards detained two men.",
                 "Officials in Moscow said the drills would last 5 days."):
        assert _rows(text).empty, text
    sea = _rows("The Caspian Sea borders Russia and Iran.")
    assert (sea["verdict"] == "unverifiable").all() and (sea["subject"] == "Caspian Sea").all()


def test_shared_border_as_a_noun_is_not_a_borders_claim():
    df = _rows("Poland and Lithuania held drills along their shared border.")
    assert "borders" not in set(df["kind"])
    assert _only("Finland and Russia share a 1,340 km border.", "borders")["verdict"] == "supported"


def test_within_in_the_province_at_the_site():
    row = _only("The drills began in Shirak province at Gyumri.", "within")
    assert row["subject"] == "Gyumri" and row["verdict"] == "supported"


def test_within_n_km_of():
    row = _only("Kars lies within 10 km of the Armenian border.", "km_from")
    assert row["stated_bound"] == "upper" and row["verdict"] == "doubtful"  # 41 km
    assert _rows("They built 5 km of road.").empty


# --------------------------------------------------------------------------- verdict policy: no grey band


@pytest.mark.parametrize("text, verdict", [
    ("Units moved to Przemyśl, near the Ukrainian border.", "supported"),       # 8 km
    ("Soldiers patrolled in Lublin, near the Ukrainian border.", "doubtful"),   # 74 km: once 'borderline'
    ("Troops gathered in Tabriz, close to the Azerbaijani border.", "doubtful"),  # 86 km
    ("The battalion is based in Erzurum, far from the Armenian border.", "supported"),  # 203 km
    ("The drills took place in Gyumri, far from the Turkish border.", "doubtful"),      # 10 km
])
def test_a_measured_figure_always_decides(text, verdict):
    assert _only(text, "near")["verdict"] == verdict


@pytest.mark.parametrize("text, verdict", [
    ("Bavaria lies near the Danish border.", "doubtful"),            # its edge is > 480 km away at best
    ("The Lublin region is close to the Russian border.", "doubtful"),
    ("Rajasthan lies near the border with Pakistan.", "unverifiable"),  # a 246 km point, a ~300 km wide state
])
def test_a_unit_measured_from_its_point_is_decided_when_its_extent_cannot_change_the_verdict(text, verdict):
    row = _only(text, "near")
    assert row["verdict"] == verdict and "no outline bundled" in row["reason"]
    if verdict == "unverifiable":
        assert "too close to call" in row["reason"] and "radius" in row["reason"]


# --------------------------------------------------------------------------- a country's forces as the subject


@pytest.mark.parametrize("text, verdict, pair", [
    ("Any gestures of the Azerbaijani army near the Armenian border would be answered.", "supported", "AM-AZ"),
    ("Turkish troops massed near the Syrian border.", "supported", "SY-TR"),
    ("Russia's armed forces held positions on the Ukrainian border.", "supported", "RU-UA"),
    ("Iranian troops gathered near the Georgian border.", "doubtful", None),  # Iran is ~150 km from Georgia
])
def test_a_countrys_forces_are_measured_by_its_territory(text, verdict, pair):
    row = _rows(text).iloc[0]
    assert row["subject_kind"] == "forces" and row["verdict"] == verdict
    if pair:
        assert row["object"] == pair


def test_forces_with_a_figure_or_far_from_are_unverifiable_and_places_come_first():
    assert _only("Indian army units are stationed 20 km from the Chinese border.", "km_from")["verdict"] == \
        "unverifiable"
    assert _only("The Ukrainian army is far from the Polish border.", "near")["verdict"] == "unverifiable"
    row = _only("Russian troops in Lublin stood near the Ukrainian border.", "near")
    assert row["subject"] == "Lublin" and row["verdict"] == "doubtful"
    # a country (not a border) as the object: ships or jets off a coast are not located by their country
    assert _only("Eleven Chinese warships sailed near Taiwan.", "near")["verdict"] == "unverifiable"


@pytest.mark.parametrize("text, verdict", [
    ("Rajasthan lies 100 km from the border with Pakistan.", "unverifiable"),  # 0-246 km holds 100
    ("Bavaria lies 10 km from the Danish border.", "doubtful"),                # 488-667 km
    ("Bavaria lies about 600 km from the Danish border.", "supported"),
])
def test_a_stated_figure_inside_a_units_possible_range_is_not_called_doubtful(text, verdict):
    assert _only(text, "km_from")["verdict"] == verdict


@pytest.mark.parametrize("text, owner, verdict", [
    ("The Peruvian army is staging manoeuvres along its border with Chile.", "PE", "supported"),
    ("The Bolivian military is holding manoeuvres on its frontier with Chile.", "BO", "supported"),
    ("Malian soldiers deployed along their border with Niger.", "ML", "supported"),
    ("Finnish troops trained along their border with Norway.", "FI", "supported"),
    ("Moldovan units patrolled its border with Russia.", "MD", "doubtful"),
])
def test_its_border_with_is_owned_by_the_country_named_before_by_name_or_demonym(text, owner, verdict):
    row = _only(text, "borders")
    assert row["subject"] == owner and row["verdict"] == verdict


def test_a_place_after_a_border_in_a_country_off_that_border_is_not_its_subject():
    # "Region Seven" reads as a Philippine region; it cannot stand on Chile's border with Bolivia
    row = _only("Chilean troops are exercising on the border with Bolivia at Ollagüe, Region Seven.", "on")
    assert row["subject_kind"] == "forces" and row["verdict"] == "supported"
    row = _only("Units were stationed on the border with Ukraine, in Przemyśl.", "on")
    assert row["subject"] == "Przemyśl" and row["verdict"] == "supported"


def test_a_country_named_by_its_adjective_counts_as_named_for_a_reading():
    # "Region Seven" is misread in the Philippines; Tacna is not isolated in a country the article names
    row = _only("Peruvian troops are drilling on the border with Chile at Tacna, Region Seven.", "on")
    assert row["subject"] == "Tacna" and row["verdict"] != "unverifiable"


def test_the_object_of_a_parallel_relation_is_not_the_next_relations_subject():
    text = "Troops trained on ranges near Lublin and close to the Ukrainian border."
    rows = _rows(text)
    border = rows[rows["object"].astype(str).str.contains("UA")]
    assert len(border) == 1 and border.iloc[0]["subject"] != "Lublin"
    # not coordinated: the town locates the drills and is their proxy
    # the object may carry its own noun: "a short walk from the Narva barracks and 3 km from the frontier"
    rows = _rows("The troops camped a short walk from the Valga depot and a few kilometres from the "
                 "Russian border.")
    assert "Valga" not in rows[rows["object"].astype(str).str.contains("RU")]["subject"].astype(str).tolist()
    rows = _rows("The drills were held near Przemyśl, close to the Ukrainian border.")
    assert rows[rows["object"] == "PL-UA"]["subject"].tolist() == ["Przemyśl"]


@pytest.mark.parametrize("text, subject, verdict", [
    ("The drills took place in Osh Region at the Tarvo firing range.", "Tarvo firing range", "unverifiable"),
    ("Troops gathered in Kars province at the Sarikamis training area.", "Sarikamis training area", "supported"),
])
def test_within_reversed_with_the_units_generic_noun(text, subject, verdict):
    row = _only(text, "within")
    assert row["subject"] == subject and row["verdict"] == verdict


def test_coordinated_names_sharing_a_site_noun_give_one_claim_each():
    rows = _rows("Units moved to the Alpha, Bravo and Kilo Firing Ranges near Tbilisi.")
    assert sorted(rows["subject"]) == ["Alpha Firing Range", "Bravo Firing Range", "Kilo Firing Range"]
    assert set(rows["verdict"]) == {"unverifiable"}  # sites the gazetteer lacks: kept, not measured
    assert _rows("The Wwvvq Training Area near Tbilisi hosted them.")["subject"].str.contains("Wwvvq").all()


def test_an_exercise_claim_is_measured_from_the_exercise_places():
    # the sentence names no place; the exercise it is about is located in Kars (events' location places)
    from geodrills.claims.subjects import exercise_places
    from geodrills.mentions import geoparse

    text = ("Drills near Kars\n\nTurkish and Azerbaijani troops began joint military exercises in Kars on Monday. "
            "The military exercises near the Armenian border will last five days.\n")
    art = Article.from_text(text, "x.txt")
    assert "Kars" in {p["name"] for p in exercise_places(art, geoparse(art))}
    rows = check_claims(art)
    near = rows[(rows["kind"] == "near") & (rows["object"] == "AM-TR")]
    assert len(near) and near["verdict"].iloc[0] == "supported" and "Kars" in near["reason"].iloc[0]
