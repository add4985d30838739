"""The gazetteer as a geopy geocoder (geodrills.geocoder.GazetteerGeocoder)."""

from __future__ import annotations

import pytest
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from geodrills.errors import CoordinateError, GeodrillsError, InputError
from geodrills.gazetteer import Gazetteer
from geodrills.geocoder import GazetteerGeocoder


@pytest.fixture(scope="module")
def geocoder() -> GazetteerGeocoder:
    return GazetteerGeocoder()


def test_is_a_geopy_geocoder(geocoder):
    assert isinstance(geocoder, Geocoder)
    assert geocoder.gazetteer is Gazetteer.default()


def test_geocode_returns_a_location(geocoder):
    loc = geocoder.geocode("Kars")
    assert isinstance(loc, Location)
    # geopy's Location unpacks as (address, (lat, lon)).
    address, (lat, lon) = loc
    assert "Kars" in address and address.endswith("TR")
    assert (round(lat, 3), round(lon, 3)) == (40.598, 43.085)
    assert loc.latitude == lat and loc.longitude == lon
    assert loc.raw["geonameid"] == 743952
    assert loc.raw["kind"] == "city"


def test_geocode_raw_is_the_place_record(geocoder):
    raw = geocoder.geocode("Araz River").raw
    for key in ("id", "name", "kind", "country", "lat", "lon", "geonameid", "population", "score", "source"):
        assert key in raw
    assert raw["id"] == "sup:aras-river"


def test_geocode_many(geocoder):
    locs = geocoder.geocode("Astara", exactly_one=False)
    assert isinstance(locs, list) and all(isinstance(x, Location) for x in locs)
    assert {"AZ", "IR"} <= {x.raw["country"] for x in locs}
    assert len(geocoder.geocode("Aras", exactly_one=False, limit=2)) == 2


def test_unknown_is_none_or_empty(geocoder):
    assert geocoder.geocode("Qwxzvbnmplk") is None
    assert geocoder.geocode("Qwxzvbnmplk", exactly_one=False) == []


@pytest.mark.parametrize("query, country", [
    ("Astara, Iran", "IR"), ("Astara, Azerbaijan", "AZ"), ("Astara, IR", "IR"), ("Astara, AZ", "AZ"),
    ("Julfa, Iran", "IR"), ("Julfa, Azerbaijan", "AZ"), ("Georgia, United States", "US"),
])
def test_country_after_a_comma_decides(geocoder, query, country):
    assert geocoder.geocode(query).raw["country"] == country


def test_structured_query(geocoder):
    assert geocoder.geocode({"city": "Astara", "country": "Iran"}).raw["country"] == "IR"
    assert geocoder.geocode({"country": "Türkiye"}).raw["geonameid"] == 298795
    with pytest.raises(GeodrillsError, match="no city"):
        geocoder.geocode({"street": "Main"})


def test_country_codes_and_featuretype(geocoder):
    assert geocoder.geocode("Astara", country_codes="AZ").raw["geonameid"] == 148445
    assert geocoder.geocode("Astara", country_codes=["IR"]).raw["country"] == "IR"
    assert geocoder.geocode("Kars", featuretype="admin1").raw["id"] == "adm1:TR.84"
    assert geocoder.geocode("Aras", featuretype="river").raw["kind"] == "river"


def test_timeout_is_accepted_and_ignored(geocoder):
    assert geocoder.geocode("Kars", timeout=0.001).raw["geonameid"] == 743952


def test_empty_query_is_an_input_error(geocoder):
    with pytest.raises(InputError):
        geocoder.geocode("  ")


@pytest.mark.parametrize("query", [(40.60, 43.09), "40.60, 43.09", Point(40.60, 43.09)], ids=["tuple", "str", "Point"])
def test_reverse_nearest_place(geocoder, query):
    loc = geocoder.reverse(query)
    assert isinstance(loc, Location)
    assert loc.raw["name"] == "Kars"


def test_reverse_many_and_kinds(geocoder):
    locs = geocoder.reverse((38.44, 48.872), exactly_one=False, limit=2)
    assert {x.raw["country"] for x in locs} == {"AZ", "IR"}
    assert geocoder.reverse((38.45, 48.87), featuretype="admin1").raw["kind"] == "admin1"


@pytest.mark.parametrize("point", [(91.0, 0.0), (float("nan"), 0.0), "-90.5, 10", object()],
                         ids=["lat91", "nan", "str-lat", "not-a-point"])
def test_reverse_bad_latitude_is_a_coordinate_error(geocoder, point):
    with pytest.raises(CoordinateError):
        geocoder.reverse(point)


@pytest.mark.parametrize("point", [(0.0, 181.0), "0, -180.5"], ids=["tuple", "str"])
def test_reverse_bad_longitude_is_a_coordinate_error(geocoder, point):
    # geopy itself would wrap 181 to -179 and answer with a place in the Pacific.
    with pytest.raises(CoordinateError, match="longitude"):
        geocoder.reverse(point)


@pytest.mark.parametrize("query", ["north, east", "40.6", (40.6,), None])
def test_reverse_garbage_is_a_coordinate_error(geocoder, query):
    with pytest.raises(CoordinateError):
        geocoder.reverse(query)


def test_custom_gazetteer_is_used():
    g = Gazetteer.default()
    assert GazetteerGeocoder(gazetteer=g).gazetteer is g


@pytest.mark.parametrize("query, country, name", [
    ("Kars, Turkey", "TR", "Kars"),
    ("Astara, Iran", "IR", "Āstārā"),
    ("Astara, AZ", "AZ", "Astara"),
    ("Atlanta, Georgia", "US", "Atlanta"),  # a US state, though Georgia is also a country
    ("Tbilisi, Georgia", "GE", "Tbilisi"),
])
def test_name_comma_country_or_state_in_every_entry_point(geocoder, query, country, name):
    gaz = Gazetteer.default()
    for place in (gaz.lookup(query)[0], gaz.lookup_query(query)[0]):
        assert (place.country, place.name) == (country, name)
    assert geocoder.geocode(query).raw["country"] == country


@pytest.mark.parametrize("query", ["Atlantis, Greece", "Kars, Greece", "Baku, Norway"])
def test_a_real_name_not_in_that_country_is_nothing(geocoder, query):
    # not a misspelling-level namesake in that country (Atalánti for "Atlantis, Greece")
    assert geocoder.geocode(query) is None
    assert Gazetteer.default().lookup(query) == []


def test_misspellings_still_found_when_no_place_has_that_name():
    assert Gazetteer.default().lookup("Nakchivan")[0].name == "Naxçıvan"


def test_a_comma_before_something_else_is_part_of_the_name():
    assert Gazetteer.default().lookup("Washington, D.C.")[0].country == "US"


def test_geocode_lists_each_place_once(geocoder):
    found = geocoder.geocode("Kars", exactly_one=False)
    keys = [(loc.raw["name"], loc.raw["country"], loc.latitude, loc.longitude) for loc in found]
    assert len(keys) == len(set(keys))
    assert keys[0][:2] == ("Kars", "TR")


def test_structured_query_with_a_state(geocoder):
    assert geocoder.geocode({"city": "Atlanta", "state": "Georgia"}).raw["country"] == "US"
