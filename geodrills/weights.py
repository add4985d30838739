"""Every number the geoparser's resolver weighs, in one documented place.

The resolver (:mod:`geodrills.resolve`) scores each reading of a name as a
sum of named terms and accepts a span as a place when its evidence reaches
:attr:`Weights.accept`.  All those numbers are fields of the frozen
:class:`Weights`; :data:`WEIGHTS` is the tuned default.  To tune, make a
variant and pass it to :func:`geodrills.mentions.geoparse`::

    >>> from geodrills.weights import WEIGHTS
    >>> w = WEIGHTS.replace(locative=1.0)
    >>> w.locative, WEIGHTS.locative
    (1.0, 0.8)

or load one from JSON with :meth:`Weights.from_json` (unknown keys are an
error, so a typo cannot silently leave a default in force).

Units
-----
Scores are in the resolver's own units ("evidence points"), starting from
its **own prior** (:attr:`kind_prior`, :attr:`population`,
:attr:`capital`): retuning the gazetteer's :meth:`~geodrills.gazetteer.Gazetteer.lookup`
ranking does not move :attr:`accept`.  The defaults equal the lookup's
ranking today (hence the same figures); they are separate knobs.

The defaults were tuned on the seeds dev set and GeoWebNews with
``benchmarks/eval_geoparse.py``.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from os import PathLike
from typing import Any

from .errors import InputError

__all__ = ["Weights", "WEIGHTS"]


@dataclass(frozen=True)
class Weights:
    """The resolver's weights (see the module docstring; field comments say what each is for).

    Examples
    --------
    >>> Weights().accept
    2.5
    >>> Weights.from_mapping({"accept": 3.0}).accept
    3.0
    """

    # -- the prior: what a reading is worth on its own ---------------------------------------------
    #: Worth of each place kind; a kind not listed is worth :attr:`feature_prior`.  An admin unit's
    #: population is the sum of its places, so its kind is worth less than its seat's ("Kars" is
    #: the city; "Kars province" the unit); a named sea or macro-region is as prominent as a big city.
    kind_prior: tuple[tuple[str, float], ...] = (
        ("country", 3.0), ("admin1", 0.25), ("admin2", -0.5), ("city", 0.8), ("town", 0.8), ("village", 0.8),
        ("sea", 4.5), ("region", 4.5))
    feature_prior: float = 3.0  # rivers, mountains, crossings …
    population: float = 0.5  # per decade of population (log10(1 + population))
    #: An admin-2 unit GeoNames gives no population (0: unknown, not empty) counts as this many
    #: people, so "in Pocheon" (Pocheon-si) in a Korean report is a place; with no cue it stays below
    #: :attr:`accept`, as a hamlet would.
    unknown_admin2_population: int = 3_000
    capital: float = 1.0  # news names a capital more often than its namesakes ("Washington")
    #: Per name grade: primary/curated name, transliteration, untagged alternate (two grades).
    grade_bonus: tuple[float, ...] = (1.0, 0.4, -1.2, -1.2)
    max_readings: int = 40  # readings kept per name, best prior first ("San Jose" has hundreds)
    #: A span that is no name but another spelling of one ("Yevlah", "Nackchivan"): per kind of
    #: match, and per unit of string similarity short of 1 (see Gazetteer.spellings).
    spelling: tuple[tuple[str, float], ...] = (("skeleton", -0.5), ("fuzzy", -1.0))
    spelling_similarity: float = 5.0

    # -- context: what the article says about where it is ------------------------------------------
    context_country: float = 1.0  # in the country the article names most (scaled by its share)
    country_name_count: int = 2  # a country's name counts as this many demonyms towards the context
    local_country: float = 1.0  # the country of a demonym next to it ("Iranian troops near Jolfa")
    local_chars: int = 80  # how near a demonym must be (characters, same clause)
    admin1_context: float = 0.5  # in the admin-1 unit the article names most (scaled by share)
    list_sibling: float = 1.0  # in the country of its neighbours in a list ("Baku, Astara and Imishli")
    followed_by: float = 3.0  # "Kars, Turkey", "Iran's Jolfa": inside the unit named next to it
    contains: float = 3.5  # "Atlanta, Georgia": the unit that holds the place named before it
    holder_margin: float = 1.0  # readings of the place before within this of its best are "likely"
    near: float = 0.6  # within near_km of the article's anchors
    near_km: float = 150.0
    near_fade: float = 3.0  # the near bonus fades to 0 at near_fade × near_km
    anchor_margin: float = 1.0  # a reading leading its runner-up by this much is an anchor
    county_km: float = 60.0  # a county holds what lies within this of its point (no admin-2 codes)
    outlier: float = 3.0  # a town or village beyond near_fade × near_km of every anchor, in no context country
    kind_cue: float = 3.0  # "province of Kars": a reading of the cued kind
    kind_cue_mismatch: float = -1.0  # a reading of another kind

    # -- acceptance: is the span a place at all? -------------------------------------------------
    accept: float = 2.5  # least evidence for a span to be a place (the resolver's own units)
    context_share: float = 0.5  # share of the context terms that counts as evidence …
    context_cap: float = 1.0  # … up to this much
    confidence_midpoint: float = 0.5  # confidence is 1/2 at accept + this
    embedded: float = 2.1  # inside a longer capitalised name, here or elsewhere in the article
    sentence_initial: float = 0.3
    locative: float = 0.8  # after "in", "near", …
    list_evidence: float = 0.8  # listed with three or more places, in the country most of them share
    org_name: float = 0.6  # heads an organisation's name ("Kentucky Department of Education")
    common_word: float = 2.0  # the article writes the word in lower case too
    person: float = 1.5  # "Sen. Warner", "Johnson said"
    short_word: float = 1.5  # three letters or fewer, no locative, not a big city ("Go, meet him")
    surname: float = 4.0  # after a first name ("Andrew Jordan"): with embedded, a country too is dropped
    first_name: float = 1.5  # a common first name alone ("Alex and Olivia")
    kind_cue_evidence: float = 0.5
    followed_by_evidence: float = 0.8  # "Thruxton, Hampshire": followed by a unit that holds it
    name_part_population: int = 500_000  # a city this big is itself, not a surname, elsewhere
    org_namesake_population: int = 10_000  # smaller towns are not what organisations are named after
    caps_min_population: int = 100_000  # an all-capitals city name ("WASHINGTON") must be this big

    def __hash__(self) -> int:  # computed once: the resolver's caches look weights up per name
        h = self.__dict__.get("_hash")
        if h is None:
            h = hash(dataclasses.astuple(self))
            object.__setattr__(self, "_hash", h)
        return h

    def replace(self, **changes: Any) -> Weights:
        """A copy with some weights changed."""
        return dataclasses.replace(self, **changes)

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> Weights:
        """Weights from a mapping of field names to values; the defaults for fields not given.

        Raises
        ------
        InputError
            An unknown field name.
        """
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(values) - names)
        if unknown:
            raise InputError(f"unknown weight(s) {', '.join(map(repr, unknown))}; known: {', '.join(sorted(names))}")
        fixed = {k: tuple(tuple(x) if isinstance(x, list) else x for x in v) if isinstance(v, list) else v
                 for k, v in values.items()}
        return cls(**fixed)

    @classmethod
    def from_json(cls, path: str | PathLike[str]) -> Weights:
        """Weights from a JSON object file (see :meth:`from_mapping`)."""
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        if not isinstance(data, dict):
            raise InputError(f"{path}: expected a JSON object of weights")
        return cls.from_mapping(data)

    def to_dict(self) -> dict[str, Any]:
        """The weights as a JSON-ready dict (round-trips through :meth:`from_mapping`)."""
        return dataclasses.asdict(self)

    @property
    def county_cos(self) -> float:
        """Cosine of :attr:`county_km` as an angle on the sphere (for dot products of unit vectors)."""
        from .geodesy import EARTH_RADIUS_KM

        return math.cos(self.county_km / EARTH_RADIUS_KM)


#: The tuned default weights.
WEIGHTS = Weights()
