"""Notebook HTML of records (geodrills.reprs): values shown, markup escaped."""

from __future__ import annotations

import dataclasses

import geodrills as gd
from geodrills.reprs import record_html


def test_place_shows_its_fields() -> None:
    place = gd.Gazetteer.default().lookup("Kars", country="TR")[0]
    out = place._repr_html_()
    assert out.startswith('<table class="geodrills-record">')
    assert "<td>Kars</td>" in out and "<td>TR</td>" in out and place.id in out


def test_hostile_values_are_text() -> None:
    place = gd.Gazetteer.default().lookup("Kars", country="TR")[0]
    evil = dataclasses.replace(place, name='<script>alert(1)</script>{{ 7*7 }}')
    out = evil._repr_html_()
    assert "<script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;{{ 7*7 }}" in out


def test_none_is_empty_and_floats_are_short() -> None:
    assert record_html("t", {"a": None, "b": 1 / 3}) == (
        '<table class="geodrills-record"><caption>t</caption><tr><th>a</th><td></td></tr>'
        "<tr><th>b</th><td>0.333333</td></tr></table>")


def test_mention_shows_its_place_and_escapes_the_text() -> None:
    m = gd.geoparse("Troops <b>gathered</b> in Kars on Monday.")[0]
    out = m._repr_html_()
    assert "<td>Kars</td>" in out and "<td>TR</td>" in out and "<b>" not in out
    assert out.startswith('<table class="geodrills-record"><caption>Mention &#x27;Kars&#x27; [')
