"""The columns of every table geodrills writes: one home for each list and its types.

The CLI, the Python API and every output format (:mod:`geodrills.outputs`)
take their column names and order from here, so a ``geocode`` JSON line, a
CSV row and a GeoParquet column always agree.  Points are the ``lat``/``lon``
columns (WGS84, EPSG:4326); table formats that carry geometry (GeoJSON,
GeoPackage, GeoParquet) add it from them.

Examples
--------
>>> GEOCODE_COLUMNS[:4]
['article', 'start', 'end', 'text']
>>> COLUMN_TYPES["lat"], COLUMN_TYPES["places"]
('float', 'json')
"""

from __future__ import annotations

__all__ = ["GEOCODE_COLUMNS", "FRAME_COLUMNS", "DISTANCE_COLUMNS", "CLAIM_COLUMNS", "EVENT_COLUMNS",
           "EVENT_OUTPUT_COLUMNS", "COLUMN_TYPES", "column_type"]

#: ``geodrills geocode``: one row per place mention.
GEOCODE_COLUMNS = ["article", "start", "end", "text", "name", "kind", "country", "admin1", "lat", "lon",
                   "geonameid", "place_id", "score", "precision"]

#: :func:`geodrills.geoparse.geoparse_frame`: a row per resolved mention, with the article's title,
#: date and the mention's sentence.
FRAME_COLUMNS = ["article", "title", "date", "start", "end", "text", "name", "kind", "country", "admin1",
                 "lat", "lon", "geonameid", "place_id", "score", "precision", "sentence", "geometry"]

#: ``geodrills distances``: a row per (place, border within reach).
DISTANCE_COLUMNS = ["article", "place", "place_id", "kind", "country", "lat", "lon", "border", "neighbour", "km",
                    "border_lat", "border_lon", "bearing", "source", "reason"]

#: :func:`geodrills.claims.check_claims` and ``geodrills claims``: a row per proximity claim.
CLAIM_COLUMNS = ["article", "start", "end", "text", "place", "place_id", "place_kind", "place_country",
                 "lat", "lon", "border", "border_country", "claim", "km_claimed", "km_measured", "verdict",
                 "reason"]

#: :func:`geodrills.events.extract_events`: a row per exercise.
EVENT_COLUMNS = ["event_id", "name", "label", "start_date", "end_date", "date_precision", "date_text", "places",
                 "participants", "articles", "evidence", "reports", "conflicts", "geometry"]

#: ``geodrills events`` output rows: the frame's columns with the point as lat/lon.
EVENT_OUTPUT_COLUMNS = [c for c in EVENT_COLUMNS if c != "geometry"] + ["lat", "lon"]

#: Storage type of each column in typed formats (Parquet, GeoPackage): ``str``, ``int``, ``float``,
#: ``bool``, or ``json`` (lists and dicts, stored as JSON text).  Unlisted columns are ``str``.
COLUMN_TYPES: dict[str, str] = {
    "start": "int", "end": "int", "geonameid": "int",
    "lat": "float", "lon": "float", "score": "float", "km": "float", "border_lat": "float",
    "border_lon": "float", "bearing": "float", "km_claimed": "float", "km_measured": "float",
    "places": "json", "participants": "json", "articles": "json", "evidence": "json", "reports": "json",
    "conflicts": "json",
}


def column_type(name: str) -> str:
    """The storage type of a column (``str`` unless :data:`COLUMN_TYPES` says otherwise).

    >>> column_type("km"), column_type("article")
    ('float', 'str')
    """
    return COLUMN_TYPES.get(name, "str")
