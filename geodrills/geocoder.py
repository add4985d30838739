"""The bundled gazetteer as a geopy geocoder, so code written for geopy runs offline.

Examples
--------
>>> from geodrills.geocoder import GazetteerGeocoder
>>> geocoder = GazetteerGeocoder()
>>> location = geocoder.geocode("Kars, Turkey")
>>> location.address, round(location.latitude, 2)
('Kars, Kars, TR', 40.6)
>>> geocoder.reverse((40.60, 43.09)).raw["name"]
'Kars'
"""

from __future__ import annotations

from typing import Any

from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location

from .errors import CoordinateError, GeodrillsError
from .gazetteer import Gazetteer, Place, check_point

__all__ = ["GazetteerGeocoder"]


class GazetteerGeocoder(Geocoder):
    """A geopy :class:`~geopy.geocoders.base.Geocoder` over :class:`Gazetteer`.

    It never touches the network: ``timeout`` and the other connection
    options are accepted for compatibility and ignored.

    Parameters
    ----------
    gazetteer : Gazetteer, optional
        The bundled one by default.

    Notes
    -----
    ``Location.raw`` is :meth:`Place.to_dict` of the record, so the kind,
    country, geonameid, score and source stay reachable.
    """

    def __init__(self, gazetteer: Gazetteer | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.gazetteer = gazetteer or Gazetteer.default()

    def geocode(self, query: str | dict[str, str], *, exactly_one: bool = True, timeout: Any = DEFAULT_SENTINEL,
                limit: int | None = None, country_codes: str | list[str] | None = None,
                featuretype: str | list[str] | None = None) -> Location | list[Location] | None:
        """Places matching ``query``.

        Parameters
        ----------
        query : str or dict
            A name, optionally followed by a country after a comma
            (``"Astara, Iran"``), or a geopy structured query with ``city``,
            ``state``, ``country`` keys.
        exactly_one : bool
            Return the best :class:`~geopy.location.Location` (or None)
            instead of a list.
        limit : int, optional
            Most results when ``exactly_one`` is False (default 10).
        country_codes : str or list of str, optional
            Keep places in these ISO2 countries (as Nominatim's option).
        featuretype : str or list of str, optional
            Gazetteer kinds or groups (``"city"``, ``"settlement"``, ``"river"``).

        Examples
        --------
        >>> [l.raw["country"] for l in GazetteerGeocoder().geocode("Astara", exactly_one=False)][:2]
        ['IR', 'AZ']
        """
        if isinstance(query, dict):
            name, country = self._parse_query(query)
            query = f"{name}, {country}" if country else name
        options: dict[str, Any] = {"kind": featuretype, "limit": 1 if exactly_one else (limit or 10)}
        if country_codes:  # an explicit filter overrides a country named in the query
            options["country"] = country_codes
        places = self.gazetteer.lookup_query(query, **options)
        locations = [self._location(p) for p in places]
        if exactly_one:
            return locations[0] if locations else None
        return locations

    def reverse(self, query: Any, *, exactly_one: bool = True, timeout: Any = DEFAULT_SENTINEL,
                featuretype: str | list[str] | None = "settlement", limit: int | None = None,
                ) -> Location | list[Location] | None:
        """The nearest place(s) to a point.

        Parameters
        ----------
        query : (lat, lon), "lat, lon" or geopy Point
        featuretype : kinds or groups to consider (settlements by default).

        Raises
        ------
        CoordinateError
            Latitude outside ±90, longitude outside ±180.
        """
        lat, lon = _point(query)
        places = self.gazetteer.nearest(lat, lon, kind=featuretype,
                                        limit=1 if exactly_one else (limit or 10))
        locations = [self._location(p) for p in places]
        if exactly_one:
            return locations[0] if locations else None
        return locations

    @staticmethod
    def _parse_query(query: str | dict[str, str]) -> tuple[str, str | None]:
        if isinstance(query, dict):
            name = query.get("city") or query.get("state") or query.get("county") or query.get("country")
            country = query.get("country") if name != query.get("country") else None
            if not name:
                raise GeodrillsError(f"structured query {query!r} has no city, state, county or country")
            if not country and query.get("state") and name != query.get("state"):
                country = query["state"]  # {"city": "Atlanta", "state": "Georgia"}: "Atlanta, Georgia"
            return name, country
        return query, None

    def _location(self, place: Place) -> Location:
        admin = self._admin1_name(place)
        parts = [place.name] + ([admin] if admin else []) + ([place.country] if place.country else [])
        return Location(", ".join(parts), (place.lat, place.lon, 0.0), place.to_dict())

    def _admin1_name(self, place: Place) -> str | None:
        if not place.admin1 or place.kind in ("admin1", "country"):
            return None
        try:
            return self.gazetteer.get(f"adm1:{place.admin1}").name
        except GeodrillsError:
            return None


def _point(query: Any) -> tuple[float, float]:
    """``(lat, lon)`` from a tuple, a geopy Point or "lat, lon", checked here rather than
    by geopy, which wraps an out-of-range longitude instead of refusing it."""
    from geopy.point import Point

    if isinstance(query, Point):
        lat, lon = query.latitude, query.longitude
    elif isinstance(query, str):
        parts = query.split(",")
        if len(parts) != 2:
            raise CoordinateError(f"expected 'lat, lon', got {query!r}")
        lat, lon = parts
    else:
        try:
            lat, lon = query[0], query[1]
        except (TypeError, IndexError, KeyError) as exc:
            raise CoordinateError(f"expected (lat, lon), got {query!r}") from exc
    return check_point(lat, lon)
