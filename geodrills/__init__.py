"""geodrills: the geography of news about military drills, checked.

Find the places an article names and resolve them against a bundled offline
gazetteer, measure them against the international borders, check the
article's own proximity claims, extract the exercises, and map it all.

Examples
--------
>>> import geodrills as gd
>>> gd.Gazetteer.default().lookup("Kars", country="TR")[0].geonameid
743952

The public names below are imported lazily: ``import geodrills`` stays fast
and loads neither geopandas nor folium until a function that needs them runs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: public name -> module that defines it
_EXPORTS: dict[str, str] = {
    # errors
    "GeodrillsError": "errors",
    "InputError": "errors",
    "UnknownPlaceError": "errors",
    "CoordinateError": "errors",
    "DataError": "errors",
    "MissingDependencyError": "errors",
    # gazetteer
    "Gazetteer": "gazetteer",
    "Place": "gazetteer",
    "GazetteerGeocoder": "geocoder",
    # articles and geoparsing
    "Article": "articles",
    "read_article": "articles",
    "read_articles": "articles",
    "Mention": "mentions",
    "geoparse": "mentions",
    "geoparse_frame": "mentions",
    "Weights": "weights",
    # borders and claims
    "border_distances": "borders",
    "nearest_border": "borders",
    "country_at": "borders",
    "geodesic_km": "borders",
    "distances_frame": "borders",
    "check_claims": "claims",
    # events
    "extract_events": "events",
    "timeline_chart": "events",
    # maps
    "drills_map": "maps",
    "save_map": "maps",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'geodrills' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__all__)  # the public API only (not this module's own helpers and imports)


if TYPE_CHECKING:  # pragma: no cover
    from .articles import Article, read_article, read_articles
    from .borders import border_distances, country_at, distances_frame, geodesic_km, nearest_border
    from .claims import check_claims
    from .errors import (
        CoordinateError,
        DataError,
        GeodrillsError,
        InputError,
        MissingDependencyError,
        UnknownPlaceError,
    )
    from .events import extract_events, timeline_chart
    from .gazetteer import Gazetteer, Place
    from .geocoder import GazetteerGeocoder
    from .mentions import Mention, geoparse, geoparse_frame
    from .maps import drills_map, save_map
    from .weights import Weights
