"""Maps of the drills: folium maps that open anywhere, offline, safe, deterministic.

:func:`drills_map` draws the resolved places of one or many articles (markers
coloured by country, shaped by precision, with popups that quote the sentences
naming them), the international borders in view labelled by country pair,
lines to each place's nearest border point with the distance, optional range
rings, the rivers and regions the gazetteer has shapes for, and optionally the
drill events, with permanent collision-free labels, a date range that filters
every dated layer, an articles panel, fullscreen, a geodesic ruler, a minimap,
place search and clustering.  :func:`save_map` writes it to one HTML file that
carries Leaflet, its plugins and a world basemap (``basemap_world.geojson``,
finer near the places), so it draws everything with no network; an online
page only adds web tiles over that basemap, and with ``offline=True`` the
file has no external URL at all.

How it stays safe with hostile article text: the page is a fixed skeleton
(:func:`geodrills._offline.page`), never a template: no string goes through
Jinja/branca (whose ``html`` macro compiles its output as a template, so
``{{ ... }}`` in an article ran code) or a format string.  Every string goes
into the page once, as JSON in a ``<script type="application/json">`` block
with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, and our renderer
(``geodrills/data/map_drills.js``) shows it with ``textContent``.  The
returned :class:`folium.Map` is only a container: its ``save`` and
``_repr_html_`` write our page.  Deterministic: element ids come from a hash of the content, JSON keys
are sorted, floats are rounded to fixed decimals.
"""

from __future__ import annotations

import functools
import hashlib
import math
import os
import re
from collections.abc import Iterable, Sequence
from datetime import date as _date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import _offline
from ._optional import import_optional
from .errors import DataError, InputError

if TYPE_CHECKING:  # pragma: no cover
    import folium
    import pandas as pd

__all__ = ["drills_map", "save_map", "map_html", "PLACE_COLUMNS"]

#: Columns of :func:`geodrills.mentions.geoparse_frame` a places frame must have.
PLACE_COLUMNS: tuple[str, ...] = (
    "article", "title", "date", "start", "end", "text", "name", "kind", "country",
    "lat", "lon", "place_id", "precision", "sentence",
)

#: Colour-blind-safe colours (Okabe-Ito) for the countries these stories are
#: about, so a country keeps its colour from map to map.
_COUNTRY_COLORS: dict[str, str] = {
    "AZ": "#0072B2", "TR": "#D55E00", "AM": "#E69F00", "IR": "#009E73",
    "GE": "#CC79A7", "RU": "#56B4E9",
}
#: Further colour-blind-safe colours (Paul Tol's "muted" set, the ones far from the above),
#: handed to the other countries on a map, most places first; every used country gets its own
#: until :data:`_MAX_COUNTRY_COLORS`, the rest share :data:`_OTHER_COUNTRIES_COLOR`.
_OTHER_COLORS: tuple[str, ...] = ("#882255", "#332288", "#999933", "#44AA99", "#AA4499", "#117733")
_OTHER_COUNTRIES_COLOR = "#A8A29E"
_NO_COUNTRY_COLOR = "#6B7280"
#: Names for the legend when the frame has no country row for a code.
_COUNTRY_NAMES: dict[str, str] = {
    "AF": "Afghanistan", "AM": "Armenia", "AZ": "Azerbaijan", "BE": "Belgium", "BG": "Bulgaria",
    "CN": "China", "CY": "Cyprus", "DE": "Germany", "EG": "Egypt", "FR": "France", "GB": "United Kingdom",
    "GE": "Georgia", "GR": "Greece", "IL": "Israel", "IQ": "Iraq", "IR": "Iran", "JO": "Jordan",
    "KW": "Kuwait", "KZ": "Kazakhstan", "LB": "Lebanon", "LY": "Libya", "MD": "Moldova", "PK": "Pakistan",
    "PS": "Palestine", "RO": "Romania", "RU": "Russia", "SA": "Saudi Arabia", "SY": "Syria",
    "TM": "Turkmenistan", "TR": "Türkiye", "UA": "Ukraine", "US": "United States", "UZ": "Uzbekistan",
}
_PRECISIONS: tuple[str, ...] = ("settlement", "admin", "region", "country", "feature")
#: gazetteer kinds whose shape (line or area) is worth drawing
_SHAPE_KINDS = frozenset({"river", "region", "corridor", "sea", "mountain", "admin1", "admin2"})

_DISPLAY_DECIMALS = 5      # ~1 m: markers and border points
_SHAPE_DECIMALS = 3        # ~100 m: display-only simplified shapes
_BORDER_TOLERANCE = 0.004  # degrees, display simplification of border lines (~400 m)
_BASEMAP_TOLERANCE = 0.02  # degrees, of the land shapes behind everything (~2 km)
_FEATURE_TOLERANCE = 0.003
_WORLD_FAR_TOLERANCE = 0.5  # degrees: countries and rivers far from the places in focus, outlines only
_WORLD_MIN_AREA = 1.0       # square degrees: smaller far islands are left out
_FAR_RIVER_MIN_LENGTH = 4.0 # degrees: shorter rivers far from the places in focus are left out
_LABEL_MIN_AREA = 2.0       # square degrees: smaller countries get no name on the basemap
_MAX_CITIES = 250           # basemap cities per map, most populous first
_SPAN_MARGIN = 8.0          # degrees around all places where rivers, lakes and cities are drawn
_SENTENCE_CHARS = 320      # popups quote at most this much around the mention
_NOTEBOOK_HEIGHT_PX = 560  # the map's frame in a notebook output cell
_MAX_QUOTES = 8            # sentences kept per place (the popup shows 6 and counts the rest)
_DAYS_YEARS = (1900, 2100) # dates outside these years stay off the date slider
_MAX_COUNTRY_COLORS = 9    # distinct country colours on one map; the other countries share one grey

_ATTRIBUTION = ("Leaflet | places: GeoNames (CC BY 4.0) · borders: © OpenStreetMap contributors (ODbL) · "
                "basemap: Natural Earth, GSHHG")


# --------------------------------------------------------------------------- inputs
def _places_frame(articles_or_frame: Any) -> pd.DataFrame:
    """The places frame for any accepted input (frame, Article(s), path(s))."""
    pd = import_optional("pandas", feature="maps")
    if isinstance(articles_or_frame, pd.DataFrame):
        missing = [c for c in PLACE_COLUMNS if c not in articles_or_frame.columns]
        if missing:
            raise InputError(
                f"drills_map: the places frame lacks the column(s) {', '.join(missing)}; "
                "pass geodrills.geoparse_frame(...) output or articles/paths"
            )
        return articles_or_frame
    from .articles import Article

    if not isinstance(articles_or_frame, (Article, str, os.PathLike, Iterable)) or isinstance(articles_or_frame, bytes):
        raise InputError(
            f"drills_map: cannot map a {type(articles_or_frame).__name__}; "
            "pass Articles, article paths, a directory or a geoparse_frame GeoDataFrame"
        )
    from .mentions import geoparse_frame

    return geoparse_frame(articles_or_frame)


def _text(value: Any) -> str | None:
    """A cell as text, or None for missing values (NaN, None, NaT)."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, _date):
        return value.isoformat()[:10]
    text = str(value)
    return text


def _round(x: float, nd: int = _DISPLAY_DECIMALS) -> float:
    # `+ 0.0` folds -0.0 into 0.0 so equal inputs print equal bytes
    return round(float(x), nd) + 0.0


def _quote(sentence: str | None, hit: str) -> dict[str, str]:
    """The sentence split around the first occurrence of the mention, trimmed."""
    sentence = " ".join((sentence or "").split())
    at = sentence.find(hit) if hit else -1
    if at < 0:
        pre, mid, post = sentence, "", ""
    else:
        pre, mid, post = sentence[:at], hit, sentence[at + len(hit):]
    room = max(40, (_SENTENCE_CHARS - len(mid)) // 2)
    if len(pre) > room:
        pre = "\u2026" + pre[-room:].lstrip()
    if len(post) > room:
        post = post[:room].rstrip() + "\u2026"
    return {"pre": pre, "hit": mid, "post": post}


def _place_key(row: Any) -> str:
    pid = _text(row.place_id)
    if pid:
        return pid
    return f"{row.name}@{float(row.lat):.5f},{float(row.lon):.5f}"


def _collect(frame: pd.DataFrame) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Articles and places (with their mentions) of a places frame, in a stable order."""
    pd = import_optional("pandas", feature="maps")
    lat = pd.to_numeric(frame["lat"], errors="coerce")
    lon = pd.to_numeric(frame["lon"], errors="coerce")
    bad = frame[(lat.abs() > 90) | (lon.abs() > 180)]
    if len(bad):
        row = bad.iloc[0]
        raise InputError(f"drills_map: place {row['name']!r} has coordinates ({row['lat']}, {row['lon']}) outside ±90/±180")
    rows = frame[lat.notna() & lon.notna()]

    article_info: dict[str, dict[str, Any]] = {}
    for row in rows.itertuples(index=False):
        key = _text(row.article) or "<text>"
        info = article_info.setdefault(key, {"name": key, "title": None, "date": None})
        info["title"] = info["title"] or _text(row.title)
        info["date"] = info["date"] or _text(row.date)
    article_keys = sorted(article_info)
    articles = [article_info[k] for k in article_keys]
    article_index = {k: i for i, k in enumerate(article_keys)}

    places: dict[str, dict[str, Any]] = {}
    for row in rows.itertuples(index=False):
        key = _place_key(row)
        a = article_index[_text(row.article) or "<text>"]
        place = places.get(key)
        if place is None:
            precision = _text(row.precision) or "settlement"
            place = places[key] = {
                "id": key,
                "name": _text(row.name) or _text(row.text) or key,
                "kind": _text(row.kind) or "",
                "country": _text(row.country) or "",
                "precision": precision if precision in _PRECISIONS else "settlement",
                "lat": _round(row.lat),
                "lon": _round(row.lon),
                "articles": set(),
                "_mentions": {},
            }
        place["articles"].add(a)
        start = int(row.start) if _text(row.start) is not None else 0
        sentence = _text(row.sentence) or ""
        # one quote per sentence per article: a name repeated in a sentence is one mention here
        seen = place["_mentions"].setdefault((a, sentence), start)
        place["_mentions"][(a, sentence)] = min(seen, start)
        place.setdefault("_hits", {})[(a, sentence)] = _text(row.text) or ""
    out: list[dict[str, Any]] = []
    for key in sorted(places, key=lambda k: (places[k]["name"].casefold(), k)):
        place = places[key]
        order = sorted(place["_mentions"].items(), key=lambda item: (item[0][0], item[1], item[0][1]))
        # the popup quotes a few; the rest are counted (a place named in 5,000 articles would carry them all)
        place["mentions"] = [{"a": a, **_quote(sentence, place["_hits"][(a, sentence)])}
                             for (a, sentence), _ in order[:_MAX_QUOTES]]
        place["n_mentions"] = len(order)
        place["articles"] = sorted(place["articles"])
        del place["_mentions"], place["_hits"]
        out.append(place)
    return articles, out


# --------------------------------------------------------------------------- geography
def _bounds(places: Sequence[dict[str, Any]]) -> tuple[float, float, float, float]:
    """(south, west, north, east) of the places, never degenerate, inside Web Mercator's ±85°."""
    lats = [min(84.5, max(-84.5, p["lat"])) for p in places]  # a pole cannot be shown: its edge is
    lons = [p["lon"] for p in places]
    s, n, w, e = min(lats), max(lats), min(lons), max(lons)
    pad = 0.15
    return (max(-85.0, s - pad), max(-180.0, w - pad), min(85.0, n + pad), min(180.0, e + pad))


def _focus_bounds(places: Sequence[dict[str, Any]]) -> tuple[float, float, float, float]:
    """Where the story is: the bounds of the central 80% of mentions.

    A place named once in passing (a capital far away) should not shrink the
    places named again and again to a corner of the view; it stays on the map.
    """
    if len(places) <= 3:
        return _bounds(places)
    weights = [max(1, int(p.get("n_mentions", 1))) for p in places]
    total = sum(weights)

    def quantiles(values: list[float]) -> tuple[float, float]:
        order = sorted(zip(values, weights))
        lo_at, hi_at = 0.1 * total, 0.9 * total
        seen, lo, hi = 0.0, order[0][0], order[-1][0]
        found_lo = False
        for value, w in order:
            seen += w
            if not found_lo and seen > lo_at:
                lo, found_lo = value, True
            if seen >= hi_at:
                hi = value
                break
        return lo, hi

    s, n = quantiles([p["lat"] for p in places])
    w, e = quantiles([p["lon"] for p in places])
    core = [{"lat": la, "lon": lo} for la in (s, n) for lo in (w, e)]
    return _bounds(core)


def _grow(bounds: tuple[float, float, float, float], at_least: float, factor: float) -> tuple[float, float, float, float]:
    s, w, n, e = bounds
    dy = max(at_least, (n - s) * factor)
    dx = max(at_least, (e - w) * factor)
    return (max(-85.0, s - dy), max(-180.0, w - dx), min(85.0, n + dy), min(180.0, e + dx))


def _borders_module():
    import importlib

    try:
        return importlib.import_module("geodrills.borders")
    except ModuleNotFoundError as exc:  # a sibling feature; maps still work without it
        if exc.name != "geodrills.borders":
            raise
        return None


def _nearest_borders(places: list[dict[str, Any]], names: dict[str, str]) -> None:
    """Adds border, border_label, km, border_lat, border_lon to each measurable place.

    A country's centre is not measured: its distance to a border says nothing.
    """
    borders = _borders_module()
    todo = [p for p in places if p["precision"] != "country"]
    if borders is None or not todo:
        return
    near = borders.nearest_border([p["lat"] for p in todo], [p["lon"] for p in todo])
    for p, row in zip(todo, near.itertuples(index=False)):
        if row.border is None or not math.isfinite(row.km):
            continue
        p["border"] = str(row.border)
        p["border_label"] = _pair_label(p["border"], names)
        p["km"] = round(float(row.km), 2)
        p["border_lat"] = _round(row.border_lat)
        p["border_lon"] = _round(row.border_lon)


def _pair_label(pair: str, names: dict[str, str] | None = None) -> str:
    """``"AM-TR"`` -> ``"Armenia – Türkiye"``."""
    names = {**_COUNTRY_NAMES, **(names or {})}
    codes = [c for c in re.split(r"[–\-/]", pair) if c]
    return " – ".join(names.get(c[:2], c[:2]) + c[2:] for c in codes)


def _line_parts(geom: Any, decimals: int) -> list[list[list[float]]]:
    """A (multi)line as Leaflet [lat, lon] parts."""
    shapely = import_optional("shapely", feature="maps")
    parts: list[list[list[float]]] = []
    for g in shapely.get_parts(geom):
        if g.is_empty or g.geom_type not in ("LineString", "LinearRing"):
            continue
        coords = shapely.get_coordinates(g)
        if len(coords) >= 2:
            parts.append([[_round(y, decimals), _round(x, decimals)] for x, y in coords])
    return parts


_DISPLAY_FILE = "borders_display.geojson"


@functools.cache
def _display_layers() -> tuple[tuple[tuple[str, Any], ...], tuple[tuple[str, Any], ...], tuple[float, float, float, float] | None]:
    """Display-simplified country shapes and border lines bundled for maps.

    Returns ``(countries, borders, coverage)``: (ISO2, geometry) pairs,
    (pair like ``"AM-TR"``, geometry) pairs, and the (south, west, north,
    east) box they cover, or empty/None when the file is not bundled.
    """
    import json
    from importlib import resources

    shapely = import_optional("shapely", feature="maps")
    path = resources.files("geodrills").joinpath(f"data/{_DISPLAY_FILE}")
    if not path.is_file():
        return (), (), None
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        countries, lines = [], []
        for f in doc["features"]:
            props = f["properties"]
            geom = shapely.from_geojson(json.dumps(f["geometry"]))
            if props.get("kind") == "country":
                countries.append((str(props["country"]), geom))
            elif props.get("kind") == "border":
                lines.append((str(props["border"]), geom))
    except (ValueError, KeyError, TypeError, shapely.errors.GEOSException) as exc:
        raise DataError(f"the bundled map shapes data/{_DISPLAY_FILE} are corrupt ({exc}); rebuild them with "
                        "python gazetteer/build_borders.py") from exc
    if not countries:
        return (), tuple(lines), None
    w, s, e, n = shapely.total_bounds([g for _, g in countries]).tolist()
    return tuple(countries), tuple(lines), (s, w, n, e)


def _inside(place: dict[str, Any], box: tuple[float, float, float, float] | None) -> bool:
    if box is None:
        return True
    s, w, n, e = box
    return s <= place["lat"] <= n and w <= place["lon"] <= e


def _intersect_box(a: tuple[float, float, float, float], b: tuple[float, float, float, float] | None):
    if b is None:
        return a
    return (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))


def _border_layer(view: tuple[float, float, float, float], names: dict[str, str],
                  used: set[str]) -> list[dict[str, Any]]:
    """The bundled border lines crossing ``view``, labelled by country pair.

    ``focus`` marks the borders of countries with places on the map: those
    get a label on the map, the others only on hover.
    """
    shapely = import_optional("shapely", feature="maps")
    _, lines, _ = _display_layers()
    s, w, n, e = view
    box = shapely.box(w, s, e, n)
    out = []
    for pair, geom in lines:
        geom = shapely.intersection(geom, box)
        if geom.is_empty:
            continue
        parts = _line_parts(geom, _SHAPE_DECIMALS)
        if not parts:
            continue
        longest = max(parts, key=len)
        focus = any(code[:2] in used for code in pair.split("-"))
        out.append({"pair": pair, "label": _pair_label(pair, names), "lines": parts, "focus": focus,
                    "label_at": longest[len(longest) // 2]})
    out.sort(key=lambda b: b["pair"])
    return out


_WORLD_FILE = "basemap_world.geojson"


@functools.cache
def _world_layers() -> dict[str, tuple[tuple[dict[str, Any], Any], ...]]:
    """The bundled world basemap (``data/basemap_world.geojson``) as ``{kind: ((properties, geometry), ...)}``."""
    import json
    from importlib import resources

    shapely = import_optional("shapely", feature="maps")
    path = resources.files("geodrills").joinpath(f"data/{_WORLD_FILE}")
    if not path.is_file():
        return {}
    out: dict[str, list[tuple[dict[str, Any], Any]]] = {}
    try:
        for f in json.loads(path.read_text(encoding="utf-8"))["features"]:
            props = f["properties"]
            geom = shapely.from_geojson(json.dumps(f["geometry"]))
            if props["kind"] in ("country", "lake"):  # generalising can leave stray lines and points
                geom = _only_dimension(geom, 2)
            out.setdefault(props["kind"], []).append((props, geom))
    except (ValueError, KeyError, TypeError, shapely.errors.GEOSException) as exc:
        raise DataError(f"the bundled basemap data/{_WORLD_FILE} is corrupt ({exc}); rebuild it with "
                        "python gazetteer/build_basemap.py") from exc
    return {k: tuple(v) for k, v in out.items()}


def _basemap(near: tuple[float, float, float, float], span: tuple[float, float, float, float],
             country_names: dict[str, str]) -> dict[str, Any] | None:
    """The basemap behind the data: the world, generalised, and finer where the story is.

    ``near`` is the box around the places in focus: there the countries keep
    the bundled world file's detail and the study region's finer shapes are
    drawn over them; ``span`` is the box around every place: its rivers,
    lakes and cities are drawn.  Further away only the coarsest outlines.
    """
    shapely = import_optional("shapely", feature="maps")
    world = _world_layers()
    if not world and _display_layers()[2] is None:
        return None
    near_box = shapely.box(near[1], near[0], near[3], near[2])
    span_box = shapely.box(span[1], span[0], span[3], span[2])
    countries, labels = _world_countries(near_box, country_names)
    return {
        "countries": {"type": "FeatureCollection", "features": countries},
        "detail": {"type": "FeatureCollection", "features": _regional_countries(near, country_names)},
        "lakes": {"type": "FeatureCollection", "features": _world_shapes("lake", span_box, near_box)},
        "rivers": {"type": "FeatureCollection", "features": _world_shapes("river", span_box, near_box)},
        "cities": _world_cities(span_box),
        "labels": labels,
    }


def _world_countries(near_box: Any, country_names: dict[str, str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every country of the world basemap (coarser away from ``near_box``) and its name's label point."""
    shapely = import_optional("shapely", feature="maps")
    features, labels = [], []
    for props, geom in _world_layers().get("country", ()):
        near_here = shapely.intersects(geom, near_box)
        if not near_here:
            geom = _only_dimension(shapely.simplify(geom, _WORLD_FAR_TOLERANCE, preserve_topology=True), 2)
            if geom.is_empty or shapely.area(geom) < _WORLD_MIN_AREA:
                continue
        iso = props["iso"]
        name = country_names.get(iso) or _COUNTRY_NAMES.get(iso) or str(props["name"])
        features.append({"type": "Feature", "properties": {"iso": iso, "name": name},
                         "geometry": _geojson(geom, _SHAPE_DECIMALS - (1 if near_here else 2))})
        polys = [g for g in shapely.get_parts(geom) if g.geom_type == "Polygon"]
        largest = max(polys, key=lambda g: g.area) if polys else None
        if largest is not None and largest.area > _LABEL_MIN_AREA:
            pt = shapely.point_on_surface(largest)
            labels.append({"name": name, "lat": _round(pt.y, 2), "lon": _round(pt.x, 2), "area": largest.area})
    features.sort(key=lambda f: f["properties"]["iso"])
    labels.sort(key=lambda lab: (-lab["area"], lab["name"]))  # the larger country's name wins a collision
    return features, [{k: lab[k] for k in ("name", "lat", "lon")} for lab in labels]


def _regional_countries(near: tuple[float, float, float, float], country_names: dict[str, str]) -> list[dict[str, Any]]:
    """The study region's finer country shapes (``borders_display.geojson``) inside ``near``."""
    shapely = import_optional("shapely", feature="maps")
    regional, _, coverage = _display_layers()
    if coverage is None:
        return []
    s, w, n, e = _intersect_box(near, coverage)
    if s >= n or w >= e:
        return []
    box = shapely.box(w, s, e, n)
    out = []
    for iso, geom in regional:
        if not shapely.intersects(geom, box):
            continue
        geom = _only_dimension(shapely.intersection(geom, box), 2)
        if geom.is_empty:
            continue
        name = country_names.get(iso) or _COUNTRY_NAMES.get(iso, iso)
        out.append({"type": "Feature", "properties": {"iso": iso, "name": name}, "geometry": _geojson(geom, _SHAPE_DECIMALS)})
    out.sort(key=lambda f: f["properties"]["iso"])
    return out


def _world_shapes(kind: str, span_box: Any, near_box: Any) -> list[dict[str, Any]]:
    """The world basemap's rivers or lakes inside ``span_box``; away from ``near_box`` coarse and long ones only."""
    shapely = import_optional("shapely", feature="maps")
    out = []
    for props, geom in _world_layers().get(kind, ()):
        if not shapely.intersects(geom, span_box):
            continue
        geom = _only_dimension(shapely.intersection(geom, span_box), 1 if kind == "river" else 2)
        decimals = _SHAPE_DECIMALS
        if not shapely.intersects(geom, near_box):
            geom = shapely.simplify(geom, _WORLD_FAR_TOLERANCE / 2, preserve_topology=kind == "lake")
            if kind == "river" and shapely.length(geom) < _FAR_RIVER_MIN_LENGTH:
                continue
            decimals = _SHAPE_DECIMALS - 2
        if geom.is_empty:
            continue
        out.append({"type": "Feature", "properties": {k: v for k, v in props.items() if k == "detail"},
                    "geometry": _geojson(geom, decimals)})
    return out


def _world_cities(span_box: Any) -> list[dict[str, Any]]:
    """The most populous basemap cities inside ``span_box`` (at most :data:`_MAX_CITIES`)."""
    shapely = import_optional("shapely", feature="maps")
    inside = [(p, g) for p, g in _world_layers().get("city", ()) if shapely.intersects(g, span_box)]
    inside.sort(key=lambda pg: (-pg[0]["population"], pg[0]["name"]))
    return [{"name": p["name"], "country": p["country"], "capital": bool(p["capital"]),
             "lat": _round(g.y, 3), "lon": _round(g.x, 3)} for p, g in inside[:_MAX_CITIES]]


def _only_dimension(geom: Any, dimension: int) -> Any:
    """The parts of ``geom`` of one dimension (a clipped line can leave a stray point)."""
    shapely = import_optional("shapely", feature="maps")
    parts = [g for g in shapely.get_parts(geom) if shapely.get_dimensions(g) == dimension and not g.is_empty]
    if not parts:
        return shapely.GeometryCollection()
    return shapely.union_all(parts) if dimension == 2 else shapely.line_merge(shapely.union_all(parts))


def _geojson(geom: Any, decimals: int) -> dict[str, Any]:
    """GeoJSON geometry with rounded coordinates (shapely's writer rounds but may print -0)."""
    shapely = import_optional("shapely", feature="maps")

    def ring(coords: Any) -> list[list[float]]:
        return [[_round(x, decimals), _round(y, decimals)] for x, y in coords]

    t = geom.geom_type
    if t == "Point":
        return {"type": t, "coordinates": [_round(geom.x, decimals), _round(geom.y, decimals)]}
    if t == "LineString":
        return {"type": t, "coordinates": ring(geom.coords)}
    if t == "Polygon":
        return {"type": t, "coordinates": [ring(geom.exterior.coords)] + [ring(r.coords) for r in geom.interiors]}
    if t.startswith("Multi") or t == "GeometryCollection":
        parts = [_geojson(g, decimals) for g in shapely.get_parts(geom) if not g.is_empty]
        kinds = {p["type"] for p in parts}
        if t != "GeometryCollection" and len(kinds) == 1:
            return {"type": t, "coordinates": [p["coordinates"] for p in parts]}
        return {"type": "GeometryCollection", "geometries": parts}
    raise DataError(f"cannot draw a {t} geometry")


def _features(places: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Shapes (rivers as lines, regions as areas) the gazetteer has for the places."""
    shapely = import_optional("shapely", feature="maps")
    from .gazetteer import Gazetteer

    out = []
    gaz = None
    for p in places:
        if p["kind"] not in _SHAPE_KINDS:
            continue
        gaz = gaz or Gazetteer.default()
        try:
            geom = gaz.geometry(gaz.get(p["id"]))
        except Exception:  # a frame's place_id may not be one of ours (synthetic or edited frames)
            continue
        if geom is None or geom.is_empty:
            continue
        geom = shapely.simplify(geom, _FEATURE_TOLERANCE, preserve_topology=True)
        out.append({"name": p["name"], "kind": p["kind"], "geometry": _geojson(geom, _SHAPE_DECIMALS + 1)})
    return out


def _rings(places: list[dict[str, Any]], rings_km: Sequence[float], around: Sequence[str] | None) -> list[dict[str, Any]]:
    """Geodesic circles (WGS84) of ``rings_km`` around the chosen places."""
    if not rings_km:
        return []
    pyproj = import_optional("pyproj", feature="range rings")
    np = import_optional("numpy", feature="range rings")
    kms = []
    for km in rings_km:
        try:
            value = float(km)
        except (TypeError, ValueError):
            raise InputError(f"drills_map: range ring {km!r} is not a number of km") from None
        if not (0 < value <= 5000):
            raise InputError(f"drills_map: range ring {km!r} km must be between 0 and 5000")
        kms.append(value)
    if around is None:
        chosen = [p for p in places if p["precision"] == "settlement"]
    else:
        wanted = {a.casefold() for a in around}
        chosen = [p for p in places if p["name"].casefold() in wanted or p["id"].casefold() in wanted]
        if not chosen:
            raise InputError(f"drills_map: none of the places {list(around)!r} for range rings is on the map")
    geod = pyproj.Geod(ellps="WGS84")
    az = np.linspace(0.0, 360.0, 97)
    out = []
    for p in chosen:
        for km in sorted(set(kms)):
            lons, lats, _ = geod.fwd(np.full(az.size, p["lon"]), np.full(az.size, p["lat"]), az,
                                     np.full(az.size, km * 1000.0))
            ring = [[_round(la, 4), _round(lo, 4)] for la, lo in zip(lats, lons)]
            label = f"{km:g} km"
            out.append({"place": p["name"], "km": km, "label": label, "ring": ring, "label_at": ring[0]})
    return out


def _country_name(code: str) -> str:
    """English name of an ISO code: ours, else the basemap's (GeoNames), else the code."""
    if code in _COUNTRY_NAMES:
        return _COUNTRY_NAMES[code]
    for props, _ in _world_layers().get("country", ()):
        if props["iso"] == code:
            return str(props["name"])
    return code


def _country_colors(places: list[dict[str, Any]], frame_names: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Legend entries ``{code: {name, color, used, n}}``: a distinct colour for each country on the map.

    The core countries keep their fixed colours; the others take the free
    colours, most places first; beyond :data:`_MAX_COUNTRY_COLORS` countries
    (core ones first) the rest are one grey entry ``"*"`` ("other countries").
    """
    from collections import Counter

    counts = Counter(p["country"] for p in places)
    used = sorted(counts, key=lambda c: (-counts[c], c))
    named = [c for c in used if c]
    ranked = [c for c in named if c in _COUNTRY_COLORS] + [c for c in named if c not in _COUNTRY_COLORS]
    distinct = set(ranked[:_MAX_COUNTRY_COLORS])
    taken = {_COUNTRY_COLORS[c] for c in distinct if c in _COUNTRY_COLORS}
    # the three far from every core colour, then the core colours no core country uses here
    free = iter(list(_OTHER_COLORS[:3]) + [c for c in _COUNTRY_COLORS.values() if c not in taken]
                + list(_OTHER_COLORS[3:]))
    out: dict[str, dict[str, Any]] = {}
    others = 0
    for code in used:
        if not code:
            out[""] = {"name": "no country", "color": _NO_COUNTRY_COLOR, "used": True, "n": counts[code]}
            continue
        name = frame_names.get(code) or _country_name(code)
        color = _COUNTRY_COLORS.get(code) if code in distinct else None
        if color is None and code in distinct:
            color = next(free, None)
        if color is None:
            others += counts[code]
            out[code] = {"name": name, "color": _OTHER_COUNTRIES_COLOR, "used": False, "n": counts[code]}
            continue
        out[code] = {"name": name, "color": color, "used": True, "n": counts[code]}
    if others:
        out["*"] = {"name": "other countries", "color": _OTHER_COUNTRIES_COLOR, "used": True, "n": others}
    return out


# --------------------------------------------------------------------------- events
def _unnamed_event_title(rec: dict[str, Any]) -> str:
    """A title for an exercise with no name: what it is, who, where ("joint military drills · AZ, TR · Baku")."""
    parts = rec.get("participants")
    who = ", ".join(sorted(str(p) for p in parts)) if isinstance(parts, (list, tuple)) else _text(parts)
    bits = [_text(rec.get("label")) or "unnamed exercise", who, _text(rec.get("place"))]
    return " · ".join(b for b in bits if b)


def _detail_places(rec: dict[str, Any]) -> list[Any]:
    """Every place of an event frame row: they sit in its ``details`` JSON (geodrills.events)."""
    details = rec.get("details")
    if not isinstance(details, (str, dict)):
        return []
    from .events import event_details

    try:
        places = event_details(details).get("places")
    except (ValueError, AttributeError, TypeError):  # not JSON, or not an object: no places from it
        return []
    return list(places) if isinstance(places, list) else []


def _event_records(events: Any, places: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Exercises as {name, start, end, participants, source, points} with their places' points."""
    if events is None:
        return []
    if hasattr(events, "to_dict") and hasattr(events, "columns"):
        records = events.to_dict("records")
    else:
        records = [e if isinstance(e, dict) else (e._asdict() if hasattr(e, "_asdict") else vars(e)) for e in events]
    by_name = {}
    for p in places:
        by_name.setdefault(p["name"].casefold(), p)
    merged: dict[str, dict[str, Any]] = {}
    for rec in records:
        name = _text(rec.get("name")) or _unnamed_event_title(rec)
        # event_id (geodrills.events) tells apart exercises that share a name or have none
        key = _text(rec.get("event_id")) or name
        ev = merged.setdefault(key, {"name": name, "start": None, "end": None, "participants": set(),
                                     "sources": set(), "points": {}})
        start_text = _text(rec.get("start_date", rec.get("start")))
        start = _iso_day(start_text, last=False)
        # no end: the start's own span ("2021-02" runs to the 28th)
        end = _iso_day(_text(rec.get("end_date", rec.get("end"))), last=True) or _iso_day(start_text, last=True)
        if start and (ev["start"] is None or start < ev["start"]):
            ev["start"] = start[:10]
        if end and (ev["end"] is None or end > ev["end"]):
            ev["end"] = end[:10]
        parts = rec.get("participants") or []
        ev["participants"].update([parts] if isinstance(parts, str) else [str(x) for x in parts])
        if _text(rec.get("article")):
            ev["sources"].add(_text(rec.get("article")))
        sources = rec.get("articles")
        if isinstance(sources, (list, tuple)):
            ev["sources"].update(str(a) for a in sources)
        items = list(rec.get("places") or _detail_places(rec))
        located = [i for i in items if isinstance(i, dict) and i.get("role") == "location"]
        for item in located or items:
            point = _event_point(item, by_name)
            if point is not None:
                ev["points"][point["name"]] = point
        lat, lon = rec.get("lat"), rec.get("lon")
        if _text(lat) is not None and _text(lon) is not None:
            label = _text(rec.get("place")) or name
            ev["points"][label] = {"name": label, "lat": _round(lat), "lon": _round(lon)}
    out = []
    for key in sorted(merged, key=lambda k: (merged[k]["name"], k)):
        ev = merged[key]
        if not ev["points"]:
            continue
        if ev["start"] and not ev["end"]:
            ev["end"] = ev["start"]
        out.append({"name": ev["name"], "start": ev["start"], "end": ev["end"],
                    "participants": ", ".join(sorted(ev["participants"])),
                    "source": ", ".join(sorted(ev["sources"])),
                    "points": [ev["points"][k] for k in sorted(ev["points"])]})
    return out


def _iso_day(value: str | None, *, last: bool) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD...`` as a day: the first (or ``last``) day it covers.

    A day that does not exist ("2021-02-30", month 13, year 0) is None: the exercise is undated.

    Examples
    --------
    >>> _iso_day("2021-02", last=True), _iso_day("2021-02-30", last=False)
    ('2021-02-28', None)
    """
    import calendar
    from datetime import date

    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if m is None:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            found = date(year, int(month), int(day))
        elif month:
            mm = int(month)
            found = date(year, mm, calendar.monthrange(year, mm)[1] if last else 1)
        else:
            found = date(year, 12, 31) if last else date(year, 1, 1)
    except (ValueError, calendar.IllegalMonthError):
        return None
    return found.isoformat()


def _event_point(item: Any, by_name: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    if isinstance(item, str):
        p = by_name.get(item.casefold())
        return None if p is None else {"name": p["name"], "lat": p["lat"], "lon": p["lon"]}
    lat = getattr(item, "lat", None) if not isinstance(item, dict) else item.get("lat")
    lon = getattr(item, "lon", None) if not isinstance(item, dict) else item.get("lon")
    name = getattr(item, "name", None) if not isinstance(item, dict) else item.get("name")
    if lat is None or lon is None:
        return None
    return {"name": str(name or ""), "lat": _round(lat), "lon": _round(lon)}


def _ellipsoid() -> dict[str, float]:
    """The WGS84 constants the page's measure tool uses (from :mod:`geodrills.geodesy`)."""
    from .geodesy import EARTH_RADIUS_KM, wgs84

    geod = wgs84()
    return {"a": float(geod.a), "f": float(geod.f), "mean_radius_km": EARTH_RADIUS_KM}


def _days(articles: list[dict[str, Any]], events: list[dict[str, Any]]) -> list[str]:
    """The date slider's stops: every day from the first to the last article or exercise date."""
    from datetime import date, timedelta

    def plausible(day: str | None) -> bool:  # a garbled year (0001, 9999) must not make a 10,000-year slider
        if not day or not _DAYS_YEARS[0] <= int(day[:4]) <= _DAYS_YEARS[1]:
            return False
        try:
            date.fromisoformat(day)
        except ValueError:  # "2021-02-30"
            return False
        return True

    starts = [_iso_day(d, last=False) for d in [a["date"] for a in articles] + [e["start"] for e in events] if d]
    starts = [d for d in starts if plausible(d)]
    ends = [e["end"] for e in events if plausible(e["end"])]
    if not starts:
        return []
    first, last = date.fromisoformat(min(starts)), date.fromisoformat(max(ends + starts))
    span = (last - first).days
    if span > 3660:  # a slider with one stop per day over decades is useless: one per month
        step = 30
    else:
        step = 1
    return [(first + timedelta(days=d)).isoformat() for d in range(0, span + 1, step)]


# --------------------------------------------------------------------------- the map
def _payload(frame: pd.DataFrame, *, borders: bool, distance_lines: bool, rings_km: Sequence[float],
             rings_around: Sequence[str] | None, offline: bool, title: str | None, events: Any) -> dict[str, Any]:
    if title is not None and not isinstance(title, str):
        raise InputError(f"drills_map: title must be a string, not {type(title).__name__}")
    articles, places = _collect(frame)
    if not places:
        raise InputError("drills_map: no resolved place to map (every place lacks coordinates, or none was found)")
    country_names = {p["country"]: p["name"] for p in places if p["kind"] == "country" and p["country"]}
    _, _, coverage = _display_layers()
    # Fit the view to the places in the region the bundled shapes cover, and
    # not to country centres: "Iran" at its centroid would pull the view 1000 km east.
    regional = [p for p in places if _inside(p, coverage)]
    focus = ([p for p in regional if p["precision"] != "country"] or regional
             or [p for p in places if p["precision"] != "country"] or places)
    view = _focus_bounds(focus)
    # The basemap is drawn in every page (online pages offer web tiles over it), so a page
    # opened with no network still shows every place and border, wherever it is.
    near = _grow(_bounds(regional or focus), 3.0, 0.25)
    basemap = _basemap(near, _grow(_bounds(places), _SPAN_MARGIN, 0.1), country_names)
    if borders or distance_lines:
        _nearest_borders(places, country_names)
    event_list = _event_records(events, places)
    n_articles = len(articles)
    subtitle = (f"{len(places)} place{'s' if len(places) != 1 else ''} named in "
                f"{n_articles} article{'s' if n_articles != 1 else ''}")
    dated = sorted(a["date"] for a in articles if a["date"])
    if dated:
        subtitle += f", {dated[0]}" + (f" to {dated[-1]}" if dated[-1] != dated[0] else "")
    return {
        "title": title if title is not None else "Military drills: places named in the news",
        "subtitle": subtitle,
        "attribution": _ATTRIBUTION,
        "articles": articles,
        "places": places,
        "precisions": sorted({p["precision"] for p in places}),
        "countries": _country_colors(places, country_names),
        "bounds": [[view[0], view[1]], [view[2], view[3]]],
        "borders": _border_layer(_grow(_bounds(places), 1.5, 0.3), country_names,
                                 {p["country"] for p in places}) if borders else [],
        "distance_lines": bool(distance_lines) and any("border" in p for p in places),
        "rings": _rings(places, rings_km, rings_around),
        "features": _features(places),
        "basemap": basemap,
        "events": event_list,
        "days": _days(articles, event_list),
        "ellipsoid": _ellipsoid(),
    }


def _map_class():
    """Our :class:`folium.Map` subclass, built on first use so ``import geodrills.maps`` stays light."""
    global _MAP_CLASS
    if _MAP_CLASS is not None:
        return _MAP_CLASS
    folium = import_optional("folium", feature="maps")

    class DrillsMap(folium.Map):
        """A :class:`folium.Map` whose page is :func:`map_html`'s fixed page, never folium's templates.

        Folium only provides the type (so the map displays in Jupyter and
        ``isinstance(m, folium.Map)`` holds); nothing of ours is added to its
        element tree, because branca compiles what its ``html`` macro returns
        as a Jinja template.  ``save`` and ``_repr_html_`` write our page.
        """

        geodrills_offline: bool = False
        geodrills_data: dict[str, Any] | None = None
        geodrills_source: tuple[Any, dict[str, Any]] | None = None

        def _repr_html_(self, **kwargs: Any) -> str:
            # Jupyter: the same self-contained page, in an iframe like folium's
            page = _offline.html_text(map_html(self))
            # a fixed height that fits a notebook output cell whatever its width
            return ('<iframe srcdoc="' + page + '" style="width:100%;height:' + str(_NOTEBOOK_HEIGHT_PX)
                    + 'px;border:1px solid #d0d7de;border-radius:4px;" allowfullscreen></iframe>')

        def save(self, outfile: Any, close_file: bool = True, **kwargs: Any) -> None:
            if isinstance(outfile, (str, os.PathLike)):
                save_map(self, outfile)
                return
            outfile.write(map_html(self).encode("utf-8"))
            if close_file:
                outfile.close()

    _MAP_CLASS = DrillsMap
    return _MAP_CLASS


_MAP_CLASS: Any = None


def drills_map(
    articles_or_frame: Any,
    *,
    borders: bool = True,
    distance_lines: bool = True,
    rings_km: Sequence[float] = (),
    rings_around: Sequence[str] | None = None,
    offline: bool = False,
    title: str | None = None,
    events: Any = None,
) -> folium.Map:
    """A map of the places named in articles, their borders and distances.

    Parameters
    ----------
    articles_or_frame : Article, path, iterable of them, or DataFrame
        Articles (or paths of article files, or a directory) are geoparsed
        with :func:`geodrills.geoparse_frame`; a frame must have that
        function's columns (see :data:`PLACE_COLUMNS`).
    borders : bool
        Draw the international borders in view, labelled by country pair.
    distance_lines : bool
        Draw a line from each place to its nearest border point, labelled in km.
    rings_km : sequence of float
        Radii of geodesic range rings, e.g. ``(10, 25, 50)``.
    rings_around : sequence of str, optional
        Names or place ids to draw rings around; default every city, town and village.
    offline : bool
        Offer no web tiles: the page (:func:`save_map`) then has no external
        URL at all.  Every page inlines Leaflet and draws the bundled world
        basemap, so even an online page shows everything without a network.
    title : str, optional
        Title shown on the map and as the page title.
    events : DataFrame or list of dict, optional
        Drill events (``name``, ``start_date``/``start``, ``end_date``/``end``,
        ``places`` as names on the map or objects with ``lat``/``lon``,
        ``participants``); drawn as one layer per exercise with a date slider.

    Returns
    -------
    folium.Map
        Displays inline in Jupyter; write it with :func:`save_map`.

    Raises
    ------
    InputError
        Bad input, or no place with coordinates to map.

    Examples
    --------
    >>> import geodrills as gd
    >>> m = gd.drills_map("seeds/", offline=True, rings_km=(25,))   # doctest: +SKIP
    >>> gd.save_map(m, "drills.html")                               # doctest: +SKIP
    """
    for name, value in (("borders", borders), ("distance_lines", distance_lines), ("offline", offline)):
        if not isinstance(value, bool):
            raise InputError(f"drills_map: {name} must be True or False, not {value!r}")
    if isinstance(rings_km, (int, float)):
        rings_km = (rings_km,)
    if isinstance(rings_around, str):
        rings_around = (rings_around,)
    options = dict(borders=borders, distance_lines=distance_lines, rings_km=tuple(rings_km),
                   rings_around=rings_around, title=title, events=events)
    frame = _places_frame(articles_or_frame)
    m = _build(_payload(frame, offline=offline, **options), offline=offline)
    m.geodrills_source = (frame, options)
    return m


def _build(data: dict[str, Any], *, offline: bool) -> folium.Map:
    (s, w), (n, e) = data["bounds"]
    m = _map_class()(
        location=[_round((s + n) / 2, 4), _round((w + e) / 2, 4)],
        zoom_start=6,
        tiles=None,
        control_scale=False,
    )
    m._id = "geodrills"  # folium's id is random; it is never rendered, but keep the object stable
    m.geodrills_offline = offline
    m.geodrills_data = data
    return m


def _web_tiles() -> dict[str, Any]:
    """The web tile layer an online map offers as its basemap (URL template and plain-text credit)."""
    xyz = import_optional("xyzservices", feature="online map tiles")
    provider = xyz.providers.OpenStreetMap.Mapnik
    return {"name": "OpenStreetMap", "url": provider.build_url(), "attribution": provider.attribution,
            "max_zoom": int(provider.get("max_zoom", 19))}


# --------------------------------------------------------------------------- writing
def map_html(m: folium.Map, *, offline: bool | None = None) -> str:
    """The map's page as one HTML string (what :func:`save_map` writes).

    A map from :func:`drills_map` becomes a fixed page with Leaflet, our
    renderer and the map's data (escaped JSON) inlined: no string of the
    data passes through a template engine.

    Parameters
    ----------
    m : folium.Map
        A map from :func:`drills_map`.  Any other folium map is rendered by
        folium as it is (online only; offline it is refused if it needs
        anything but Leaflet from the network).
    offline : bool, optional
        Default: how the map was made.  ``True`` writes a page with no
        external URL (no web tiles).

    Examples
    --------
    >>> page = map_html(m, offline=True)            # doctest: +SKIP
    >>> _offline.external_urls(page)                # doctest: +SKIP
    []
    """
    folium = import_optional("folium", feature="maps")
    if not isinstance(m, folium.Map):
        raise InputError(f"save_map: expected a folium.Map, got {type(m).__name__}")
    data = getattr(m, "geodrills_data", None)
    if data is None:
        return _folium_page(m, offline=bool(offline))
    made_offline = bool(getattr(m, "geodrills_offline", False))
    if offline is None:
        offline = made_offline
    source = getattr(m, "geodrills_source", None)
    if offline and not made_offline and source is not None:
        # made for the web (tiles, no basemap): draw it again for offline use
        frame, options = source
        data = _payload(frame, offline=True, **options)
    if not offline:
        data = {**data, "tiles": _web_tiles()}
    data_json = _offline.script_json(data)
    digest = hashlib.sha256(data_json.encode("utf-8")).hexdigest()[:16]
    page = _offline.page(title=data["title"], data_json=data_json, digest=digest)
    if offline:
        left = _offline.external_urls(page)
        if left:  # pragma: no cover - the page is fixed; this guards future edits
            raise DataError("map_html: an offline page would still need " + ", ".join(sorted(set(left))))
    return page


def _folium_page(m: folium.Map, *, offline: bool) -> str:
    """A plain folium map (not ours) as folium renders it; offline only if Leaflet is all it needs."""
    page = m.get_root().render()
    if offline:
        page = _offline.inline_leaflet(page)
        left = _offline.external_urls(page)
        if left:
            raise InputError(
                "save_map: cannot write this map offline, it still needs "
                + ", ".join(sorted(set(left))[:5])
                + (" (and more)" if len(set(left)) > 5 else "")
                + "; build it with geodrills.drills_map(..., offline=True)"
            )
    return page


def save_map(m: folium.Map, path: str | os.PathLike[str], *, offline: bool | None = None) -> Path:
    """Write the map to one HTML file, atomically.

    Parameters
    ----------
    m : folium.Map
        Usually from :func:`drills_map`.
    path : str or path-like
        The ``.html`` file to write (its folder must exist).  It is replaced
        in one step (:func:`geodrills.atomic.atomic_write`): a failure leaves
        the previous file intact.
    offline : bool, optional
        Default: as the map was made.  ``True`` writes a page with no external
        URL at all (no web tiles over the bundled basemap).

    Returns
    -------
    pathlib.Path
        The file written.

    Examples
    --------
    >>> save_map(drills_map("seeds/", offline=True), "drills.html")   # doctest: +SKIP
    PosixPath('drills.html')
    """
    from .atomic import atomic_write

    out = Path(path)
    if out.is_dir():
        raise InputError(f"save_map: {str(out)!r} is a directory; give a file name such as {str(out / 'map.html')!r}")
    if not out.parent.exists():
        raise InputError(f"save_map: the folder {str(out.parent)!r} for {str(out)!r} does not exist")
    page = map_html(m, offline=offline)
    with atomic_write(out, "wb") as fh:
        fh.write(page.encode("utf-8"))
    return out
