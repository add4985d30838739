"""Unit tests of the benchmark scorer (benchmarks/scoring.py) itself."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCH))

import scoring  # noqa: E402
from scoring import Corpus, GoldMention, Prediction, Span, match_spans, score  # noqa: E402


def _gold(doc: str, start: int, end: int, lat: float = 0.0, lon: float = 0.0, **kw) -> GoldMention:
    return GoldMention(doc, start, end, text=kw.pop("text", "x" * (end - start)), lat=lat, lon=lon, **kw)


def _pred(doc: str, start: int, end: int, lat: float | None = 0.0, lon: float | None = 0.0, **kw) -> Prediction:
    return Prediction(doc, start, end, lat=lat, lon=lon, **kw)


# ----------------------------------------------------------------------------- matching


def test_overlap_needs_a_shared_character():
    assert match_spans([Span("d", 0, 5)], [Span("d", 5, 9)]) == []  # touching is not overlapping
    assert match_spans([Span("d", 0, 5)], [Span("d", 4, 9)]) == [(0, 0)]


def test_matching_is_one_to_one_for_a_long_prediction():
    gold = [Span("d", 0, 4), Span("d", 5, 9)]
    # "Nagorno-Karabakh"-style: one prediction spanning two gold spans matches only one
    assert match_spans(gold, [Span("d", 0, 9)]) == [(0, 0)]


def test_matching_is_one_to_one_for_split_predictions():
    # two predictions inside one gold span: one TP, the other stays unmatched
    pairs = match_spans([Span("d", 0, 10)], [Span("d", 0, 3), Span("d", 4, 10)])
    assert pairs == [(0, 1)]  # the larger overlap wins


def test_matching_is_maximum_not_greedy():
    # greedy by overlap would give pred 0 to gold 1 (overlap 3) and leave gold 0 unmatched
    gold = [Span("d", 0, 4), Span("d", 5, 12)]
    pred = [Span("d", 2, 8), Span("d", 9, 12)]
    pairs = match_spans(gold, pred)
    assert len(pairs) == 2 and {i for i, _ in pairs} == {0, 1}


# ----------------------------------------------------------------------------- P/R/F1 arithmetic


def _corpus(gold, neutral=(), texts=None):
    docs = texts or {g.doc: "x" * 100 for g in gold}
    return Corpus("t", docs, list(gold), neutral=list(neutral))


def test_precision_recall_f1_on_a_hand_made_case():
    gold = [_gold("a", 0, 4), _gold("a", 10, 14), _gold("a", 20, 24), _gold("b", 0, 4)]
    preds = {
        "a": [_pred("a", 1, 3), _pred("a", 20, 26), _pred("a", 50, 55)],  # 2 TP, 1 FP
        "b": [_pred("b", 5, 9)],  # touching nothing: FP; gold b missed
    }
    s = score(_corpus(gold), preds)
    assert (s.tp, s.fp, s.fn) == (2, 2, 2)
    assert s.precision == pytest.approx(0.5)
    assert s.recall == pytest.approx(0.5)
    assert s.f1 == pytest.approx(0.5)
    kinds = sorted(e.kind for e in s.errors)
    assert kinds == ["fn", "fn", "fp", "fp"]


def test_f1_is_harmonic_mean():
    gold = [_gold("a", i * 10, i * 10 + 3) for i in range(4)]
    preds = {"a": [_pred("a", 0, 3)]}  # P = 1, R = 1/4
    s = score(_corpus(gold), preds)
    assert s.f1 == pytest.approx(2 * 1 * 0.25 / 1.25)


def test_no_predictions_scores_zero_not_nan():
    s = score(_corpus([_gold("a", 0, 3)]), {})
    assert (s.precision, s.recall, s.f1, s.acc161) == (0.0, 0.0, 0.0, 0.0)


def test_neutral_spans_are_neither_tp_nor_fp():
    gold = [_gold("a", 0, 4)]
    neutral = [Span("a", 10, 17)]  # e.g. a GWN Demonym
    s = score(_corpus(gold, neutral), {"a": [_pred("a", 0, 4), _pred("a", 10, 17)]})
    assert (s.tp, s.fp, s.ignored) == (1, 0, 1)
    assert s.precision == 1.0


def test_predictions_for_unknown_documents_are_refused():
    with pytest.raises(ValueError, match="not in corpus"):
        score(_corpus([_gold("a", 0, 4)]), {"zzz": []})


# ----------------------------------------------------------------------------- Acc@161


def test_geodesic_km_matches_known_values():
    # one degree of longitude on the WGS84 equator: 111.319 km; Kars-Baku about 600 km
    assert scoring.geodesic_km(0, 0, 0, 1) == pytest.approx(111.3195, abs=1e-3)
    assert scoring.geodesic_km(40.59825, 43.08548, 40.37767, 49.89201) == pytest.approx(576, abs=5)


def test_acc161_threshold_is_geodesic():
    # 1.44 degrees of latitude is ~160 km, 1.46 is ~162 km; a spherical or planar
    # formula would put the boundary elsewhere at this latitude
    lat0 = 60.0
    inside = scoring.geodesic_km(lat0, 10, lat0 + 1.44, 10)
    outside = scoring.geodesic_km(lat0, 10, lat0 + 1.46, 10)
    assert inside < 161 < outside
    gold = [_gold("a", 0, 4, lat0, 10.0), _gold("a", 10, 14, lat0, 10.0)]
    preds = {"a": [_pred("a", 0, 4, lat0 + 1.44, 10.0), _pred("a", 10, 14, lat0 + 1.46, 10.0)]}
    s = score(_corpus(gold), preds)
    assert s.tp == 2 and s.close == 1 and s.acc161 == pytest.approx(0.5)
    assert [e.kind for e in s.errors] == ["far"]


def test_unresolved_match_counts_for_f1_but_not_acc161():
    s = score(_corpus([_gold("a", 0, 4)]), {"a": [_pred("a", 0, 4, None, None)]})
    assert s.f1 == 1.0 and s.acc161 == 0.0
    assert math.isinf(s.distances_km[0])


def test_countries_by_code():
    # gold country point far from the predicted one (e.g. a capital) but same ISO2 code
    gold = [_gold("a", 0, 6, 39.0, 35.0, country="TR", is_country=True, kind="country")]
    s = score(_corpus(gold), {"a": [_pred("a", 0, 6, 39.92, 32.85, country="TR")]})
    assert s.acc161 == 0.0 and s.acc161_cc == 1.0
    s = score(_corpus(gold), {"a": [_pred("a", 0, 6, 39.0, 35.0, country="IR")]})
    assert s.acc161 == 1.0 and s.acc161_cc == 0.0


def test_alternative_gold_points_are_accepted():
    far_alt = (40.4, 48.0)
    g = _gold("a", 0, 4, 10.0, 10.0, alt_points=(far_alt,))
    s = score(_corpus([g]), {"a": [_pred("a", 0, 4, 40.41, 48.01)]})
    assert s.acc161 == 1.0


# ----------------------------------------------------------------------------- traps


def test_astara_trap_needs_the_right_country_even_when_close():
    text = "drills in Astara"
    g = _gold("d", 10, 16, 38.45598, 48.87498, text="Astara", name="Astara", kind="town", country="AZ")
    c = Corpus("seeds", {"d": text}, [g])
    iranian = _pred("d", 10, 16, 38.43084, 48.86994, country="IR", kind="town", name="Astara")
    assert scoring.gold_distance_km(g, iranian) < 5  # within 161 km, yet wrong
    res = {t.trap: t for t in scoring.check_traps(c, {"d": [iranian]})}
    assert res["Astara (AZ vs IR)"].checked == 1 and not res["Astara (AZ vs IR)"].ok
    azeri = _pred("d", 10, 16, 38.45598, 48.87498, country="AZ", kind="town", name="Astara")
    res = {t.trap: t for t in scoring.check_traps(c, {"d": [azeri]})}
    assert res["Astara (AZ vs IR)"].ok
    assert res["Georgia (country vs US state)"].checked == 0  # not exercised by this gold


def test_karabakh_trap_wants_distinct_records_and_exact_spans():
    text = "Karabakh and Nagorno-Karabakh"
    gold = [
        _gold("d", 0, 8, 39.8, 46.75, text="Karabakh", name="Karabakh", kind="region", country="AZ"),
        _gold("d", 13, 29, 39.8, 46.75, text="Nagorno-Karabakh", name="Nagorno-Karabakh", kind="region", country="AZ"),
    ]
    c = Corpus("seeds", {"d": text}, gold)
    same = [_pred("d", 0, 8, 39.8, 46.75, kind="region", place_id="x"),
            _pred("d", 13, 29, 39.8, 46.75, kind="region", place_id="x")]
    trap = {t.trap: t for t in scoring.check_traps(c, {"d": same})}["Karabakh vs Nagorno-Karabakh"]
    assert trap.checked == 2 and not trap.ok
    short = [_pred("d", 0, 8, 39.8, 46.75, kind="region", place_id="k"),
             _pred("d", 21, 29, 39.8, 46.75, kind="region", place_id="n")]  # only "Karabakh" of N-K
    trap = {t.trap: t for t in scoring.check_traps(c, {"d": short})}["Karabakh vs Nagorno-Karabakh"]
    assert trap.right == 1
    good = [_pred("d", 0, 8, 39.8, 46.75, kind="region", place_id="k"),
            _pred("d", 13, 29, 39.9, 46.7, kind="region", place_id="n")]
    assert {t.trap: t for t in scoring.check_traps(c, {"d": good})}["Karabakh vs Nagorno-Karabakh"].ok


# ----------------------------------------------------------------------------- the real gold files


def _need_shared(*parts: str) -> Path:
    p = scoring.shared_dir().joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} not found: the gold data lives in the read-only ../shared folder next to the repo")
    return p


def test_seed_gold_against_itself_scores_one():
    _need_shared("eval", "seeds", "gold.jsonl")
    c = scoring.load_seed_gold()
    assert len(c.gold) == 170 and len(c.texts) == 5
    s = score(c, scoring.gold_as_predictions(c))
    assert (s.precision, s.recall, s.f1, s.acc161, s.acc161_cc) == (1.0, 1.0, 1.0, 1.0, 1.0)
    assert s.errors == []
    traps = {t.trap: t for t in scoring.check_traps(c, scoring.gold_as_predictions(c))}
    for name in ("Astara (AZ vs IR)", "Kars city vs Kars province", "Georgia (country vs US state)",
                 "Karabakh vs Nagorno-Karabakh", "Zangezur corridor vs East Zangezur", "Aras/Araz/Araks",
                 "Nakhchivan city vs the Autonomous Republic", "East Azerbaijan vs Azerbaijan"):
        assert traps[name].checked > 0, name
    # gold reuses one point for both Karabakhs, so only the distinct-record rule fails on gold-as-prediction
    assert all(t.ok for n, t in traps.items() if t.checked and n != "Karabakh vs Nagorno-Karabakh")


def test_seed_demonyms_count_as_false_positives():
    _need_shared("eval", "seeds", "demonyms.jsonl")
    c = scoring.load_seed_gold()
    span, label = c.negative[0]
    s = score(c, {span.doc: [_pred(span.doc, span.start, span.end)]})
    fps = [e for e in s.errors if e.kind == "fp"]
    assert s.fp == 1 and len(fps) == 1 and "Demonym" in fps[0].detail


def test_gwn_gold_selection():
    _need_shared("benchmarks", "geowebnews", "GWN.xml")
    c = scoring.load_gwn()
    assert len(c.texts) == 200
    assert len(c.gold) == 2599  # 2,601 with coordinates minus 2 with offsets outside <text>
    assert len(c.notes) == 5  # the 5 annotations with negative offsets
    for g in c.gold:
        assert c.texts[g.doc][g.start : g.end] == g.text
    us = [g for g in c.gold if g.geonameid == 6252001]
    assert us and all(g.is_country and g.country == "US" for g in us)
    s = score(c, scoring.gold_as_predictions(c))
    assert (s.f1, s.acc161) == (1.0, 1.0)


def test_the_acc161_ceiling_counts_the_best_reading_of_each_matched_name():
    import eval_geoparse

    # "Paris" resolved to Paris, Texas: wrong, but the gazetteer's readings include Paris, France;
    # "Atlantis" resolved somewhere far: no reading of that name is near the gold point
    text = "From Paris to Atlantis."
    c = Corpus("t", {"d": text}, [
        GoldMention("d", 5, 10, text="Paris", lat=48.853, lon=2.349, country="FR"),
        GoldMention("d", 14, 22, text="Atlantis", lat=0.0, lon=0.0),
    ])
    preds = {"d": [Prediction("d", 5, 10, text="Paris", lat=33.66, lon=-95.555, country="US"),
                   Prediction("d", 14, 22, text="Atlantis", lat=26.59, lon=-80.06, country="US")]}
    assert score(c, preds).acc161_cc == 0.0
    assert eval_geoparse.ceiling_acc161(c, preds) == 0.5
