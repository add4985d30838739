"""The resolver's Weights: one place for every number, loadable, and each term doing what it says."""

from __future__ import annotations

import json

import numpy as np
import pytest

from geodrills.errors import InputError
from geodrills.extract import Candidate
from geodrills.gazetteer import Gazetteer
from geodrills.mentions import geoparse
from geodrills.toponyms.accept import span_evidence
from geodrills.toponyms.score import resolver_caches
from geodrills.weights import WEIGHTS, Weights


def test_weights_round_trip_through_json(tmp_path):
    path = tmp_path / "w.json"
    path.write_text(json.dumps(WEIGHTS.replace(accept=3.25).to_dict()), encoding="utf-8")
    w = Weights.from_json(path)
    assert w == WEIGHTS.replace(accept=3.25)
    assert hash(w) == hash(WEIGHTS.replace(accept=3.25))  # frozen and hashable: usable as a cache key


def test_unknown_weight_is_an_error():
    with pytest.raises(InputError, match="accpet"):
        Weights.from_mapping({"accpet": 3.0})


def test_the_resolvers_prior_is_its_own_but_starts_equal_to_lookups():
    gaz = Gazetteer.default()
    records = np.arange(0, len(gaz), 997)
    # (equal but for admin-2 units of unknown population, which the resolver counts as a few thousand people)
    same = WEIGHTS.replace(unknown_admin2_population=0)
    assert np.array_equal(resolver_caches(gaz, same).prior[records], gaz.prior(records))
    moved = resolver_caches(gaz, WEIGHTS.replace(population=0.0)).prior[records]
    assert not np.array_equal(moved, gaz.prior(records))  # a knob of the resolver, not of lookup


def test_accept_threshold_decides_what_is_a_place():
    text = "Troops gathered near Kars and Ardahan on Monday."
    assert [m.text for m in geoparse(text)] == ["Kars", "Ardahan"]
    assert geoparse(text, weights=WEIGHTS.replace(accept=50.0)) == []


def test_locative_weight_is_the_locative_terms_contribution():
    text = "Officials from Kars met reporters."
    plain = geoparse(text)[0].score
    stronger = geoparse(text, weights=WEIGHTS.replace(locative=3.0))[0].score
    assert stronger > plain


@pytest.mark.parametrize("flag, weight, sign", [
    ("embedded", "embedded", -1), ("sentence_initial", "sentence_initial", -1), ("common_word", "common_word", -1),
    ("person_cue", "person", -1), ("after_given_name", "surname", -1), ("first_name", "first_name", -1),
    ("locative", "locative", +1),
])
def test_each_span_evidence_term_adds_its_weight(flag, weight, sign):
    cand = Candidate(start=0, end=4, text="Kars", key="kars")
    base = span_evidence(WEIGHTS, cand)
    setattr(cand, flag, True)
    assert span_evidence(WEIGHTS, cand) - base == pytest.approx(sign * getattr(WEIGHTS, weight))
    assert span_evidence(WEIGHTS.replace(**{weight: 0.0}), cand) == pytest.approx(base)


def test_kind_cue_evidence():
    cand = Candidate(start=0, end=4, text="Kars", key="kars", kind_cue=("admin1",))
    assert span_evidence(WEIGHTS, cand) == pytest.approx(WEIGHTS.kind_cue_evidence)


def test_resolver_caches_follow_the_weights_asked_not_the_last_ones():
    # the last (gazetteer, weights) pair is remembered by identity: equal values in another object
    # share the caches, changed values never do, and going back finds the first caches again
    gaz = Gazetteer.default()
    first = resolver_caches(gaz, WEIGHTS)
    other = WEIGHTS.replace(capital=WEIGHTS.capital + 1.0)
    changed = resolver_caches(gaz, other)
    assert changed is not first
    assert resolver_caches(gaz, WEIGHTS) is first
    assert resolver_caches(gaz, WEIGHTS.replace()) is first
    assert resolver_caches(gaz, other) is changed


def test_span_cue_values_follow_the_weights_asked():
    cand = Candidate(start=0, end=4, text="Kars", key="kars", locative=True)
    assert span_evidence(WEIGHTS, cand) == WEIGHTS.locative
    assert span_evidence(WEIGHTS.replace(locative=2.5), cand) == 2.5
    assert span_evidence(WEIGHTS, cand) == WEIGHTS.locative
