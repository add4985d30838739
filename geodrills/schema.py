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
>>> COLUMN_TYPES["lat"], COLUMN_TYPES["participants"]
('float', 'json')
"""

from __future__ import annotations

__all__ = ["GEOCODE_COLUMNS", "FRAME_COLUMNS", "DISTANCE_COLUMNS", "CLAIM_COLUMNS", "EVENT_COLUMNS",
           "EVENT_OUTPUT_COLUMNS", "COLUMN_TYPES", "column_type"]

#: ``geodrills geocode``: one row per place mention.
GEOCODE_COLUMNS = ["article", "start", "end", "text", "name", "kind", "country", "admin1", "lat", "lon",
                   "geonameid", "place_id", "score", "precision"]

#: :func:`geodrills.mentions.geoparse_frame`: a row per resolved mention, with the article's title,
#: date and the mention's sentence.
FRAME_COLUMNS = ["article", "title", "date", "start", "end", "text", "name", "kind", "country", "admin1",
                 "lat", "lon", "geonameid", "place_id", "score", "precision", "sentence", "geometry"]

#: ``geodrills distances``: a row per (place, border within reach); ``measured_from`` says which geometry
#: of the place was measured (its outline, its line, its point, or none for a sea).
DISTANCE_COLUMNS = ["article", "place", "place_id", "kind", "country", "lat", "lon", "border", "neighbour", "km",
                    "border_lat", "border_lon", "bearing", "source", "measured_from", "reason"]

#: :func:`geodrills.claims.check_claims` and ``geodrills claims``: a row per geographic claim
#: (subject, object, what is stated, what is measured, the verdict and its reason).
CLAIM_COLUMNS = ["article", "start", "end", "text", "kind", "subject", "subject_id", "subject_kind", "object",
                 "object_type", "stated_km", "stated_bound", "stated_direction", "measured_km", "measured_bearing",
                 "verdict", "reason", "lat", "lon", "target_lat", "target_lon"]

#: :func:`geodrills.events.extract_events`: a row per exercise, flat columns; places, evidence, reports
#: and conflicts as JSON text in ``details``.  ``observers``: countries that watch (never participants).
EVENT_COLUMNS = ["event_id", "name", "aliases", "label", "start_date", "end_date", "date_precision", "dated",
                 "status", "passing", "date_text", "place", "place_country", "lat", "lon", "participants",
                 "observers", "n_articles", "articles", "n_conflicts", "details", "geometry"]

#: ``geodrills events`` output rows: the frame's columns, the point being lat/lon.
EVENT_OUTPUT_COLUMNS = [c for c in EVENT_COLUMNS if c != "geometry"]

#: Storage type of each column in typed formats (Parquet, GeoPackage): ``str``, ``int``, ``float``,
#: ``bool``, or ``json`` (lists and dicts, stored as JSON text).  Unlisted columns are ``str``.
COLUMN_TYPES: dict[str, str] = {
    "start": "int", "end": "int", "geonameid": "int",
    "lat": "float", "lon": "float", "score": "float", "km": "float", "border_lat": "float",
    "border_lon": "float", "bearing": "float", "stated_km": "float", "measured_km": "float",
    "measured_bearing": "float", "target_lat": "float", "target_lon": "float",
    "dated": "bool", "passing": "bool", "n_articles": "int", "n_conflicts": "int",
    "participants": "json", "observers": "json", "articles": "json", "aliases": "json", "details": "json",
}


def column_type(name: str) -> str:
    """The storage type of a column (``str`` unless :data:`COLUMN_TYPES` says otherwise).

    >>> column_type("km"), column_type("article")
    ('float', 'str')
    """
    return COLUMN_TYPES.get(name, "str")
