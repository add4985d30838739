"""Accept: is the span a place at all, and how sure (stage 5 of the geoparser).

The evidence is the chosen reading's own prior, part of its context terms,
and the span's cues as named terms (:func:`span_evidence_terms`); a span is
a place when the evidence reaches ``Weights.accept``, and its confidence is
a logistic of the margin.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..weights import Weights
from .candidate import Candidate
from .context import far_from_other_anchors
from ..lexicon.toponyms import MINOR_KINDS, NEVER_NAME_PARTS, WIDER_THAN_UNITS
from .score import NameEntry, big_city, sum_terms

if TYPE_CHECKING:  # pragma: no cover
    from .context import ArticleContext, ArticleGeometry
    from .cues import NameParts

__all__ = ["Evidence", "acceptance_terms", "place_confidence", "span_evidence", "span_evidence_terms"]


def span_evidence(w: Weights, cand: Candidate, name_parts: frozenset[str] = frozenset(), minor: bool = False,
                   surnames: frozenset[str] = frozenset()) -> float:
    """How much the span's context says it is a place (``minor``: its reading is a small town)."""
    e = 0.0
    for _name, value in span_evidence_terms(w, cand, name_parts, minor, surnames):
        e += value
    return e


def span_evidence_terms(w: Weights, cand: Candidate, name_parts: frozenset[str] = frozenset(),
                         minor: bool = False, surnames: frozenset[str] = frozenset()) -> list[tuple[str, float]]:
    """The named terms of :func:`span_evidence`, in the order they are added."""
    out: list[tuple[str, float]] = []
    if cand.in_org_name and not minor:
        # "Kentucky Department of Education", "Venice Commission": named after the place.
        out.append(("heads an organisation's name", -w.org_name))
    elif cand.embedded or cand.text in name_parts:
        # In a longer name here, or elsewhere in the article ("Jeff Kock" … "Kock said").
        out.append(("part of a longer name", -w.embedded))
    flags = (cand.sentence_initial, cand.common_word, cand.person_cue, cand.after_given_name or cand.text in surnames,
             cand.first_name, cand.locative, cand.kind_cue)
    for on, term in zip(flags, cue_term_values(w)):
        if on:
            out.append(term)
    return out


@functools.lru_cache(maxsize=16)
def cue_term_values(w: Weights) -> tuple[tuple[str, float], ...]:
    """The span-cue terms (``_CUE_TERMS``) with their signed values under ``w`` (cached per weights)."""
    return tuple((label, sign * getattr(w, weight)) for label, weight, sign in _CUE_TERMS)


@dataclass(slots=True)
class Evidence:
    """The named terms of "is this span a place?", in the order they are added."""

    own: float  # the chosen reading's own prior (and name grade)
    context: float  # part of its context terms
    cues: list[tuple[str, float]]  # the span's cues (span_evidence_terms)
    article: list[tuple[str, float]]  # the article around it

    @property
    def terms(self) -> list[tuple[str, float]]:
        return [("own prior", self.own), ("context", self.context), *self.cues, *self.article]

    @property
    def total(self) -> float:
        """own + context + the cues (summed from 0) + the article's terms, one by one."""
        spanness = self.own + self.context + sum_terms(self.cues)
        for _name, value in self.article:
            spanness += value
        return spanness


def acceptance_terms(cand: Candidate, e: NameEntry, k: int, best: int, best_total: float, parts: NameParts,
                     held_by: dict[tuple[str, str], set[int]], context: ArticleContext,
                     geometry: ArticleGeometry, w: Weights) -> Evidence:
    """The evidence that span ``k`` is a place, for its chosen reading ``best``: the reading's own
    prior, part of its context, the span's cues (:func:`span_evidence_terms`) and the article
    around it."""
    own = e.own[best]
    # A country, continent, state or big city is not a person's name elsewhere in the article.
    if e.kinds[best] in NEVER_NAME_PARTS or big_city(e, best, w.name_part_population):
        name_parts: frozenset[str] = frozenset()
    else:
        name_parts = parts.own_names if e.grades[best] == 0 else parts.any_names
    cues = span_evidence_terms(
        w, cand, name_parts, e.kinds[best] in MINOR_KINDS and e.population[best] < w.org_namesake_population,
        parts.surnames if name_parts else frozenset())
    more: list[tuple[str, float]] = []
    if cand.followed_by and best in held_by[cand.key, cand.followed_by]:
        more.append(("followed by its unit", w.followed_by_evidence))
    if len(cand.text) <= 3 and cand.text[1:].islower() and not cand.locative \
            and not big_city(e, best, w.caps_min_population):
        more.append(("short word", -w.short_word))  # "Go, meet him", "The Vix measure" ("in Ely" is a place)
    if k in geometry.list_country and e.countries[best] == geometry.list_country[k]:
        more.append(("in a list of places", w.list_evidence))  # "Dashkesan, Kedabek, Tovuz and Agstafa"
    if geometry.near and e.countries[best] not in context.countries and e.kinds[best] in ("village", "town"):
        # a small place far from every clear place of the article and in none of its countries
        fade = geometry.near.get(id(e))
        if fade is not None and fade[best] == 0.0:
            more.append(("far from the article's places", -w.outlier))
    elif cand.spellings and e.countries[best] not in context.countries \
            and e.kinds[best] not in WIDER_THAN_UNITS and len(geometry.anchors) > 1 \
            and far_from_other_anchors(e, best, geometry.anchor_units, w):
        # found only by another spelling, and far from every other clear place: "Yevlah" in an
        # article on Baku and Ganja is not a Jewish settlement in the Negev
        more.append(("weak name, far from the article's places", -w.outlier))
    return Evidence(own, w.context_share * min(best_total - own, w.context_cap), cues, more)


def place_confidence(spanness: float, w: Weights) -> float:
    """How sure the span is a place: 1/2 at ``w.accept + w.confidence_midpoint``, logistic around it."""
    return 1.0 / (1.0 + math.exp(-(spanness - w.accept - w.confidence_midpoint)))


# The span's cues after the longer-name term, in the order they are added (the flags above, in this
# order): (label, its weight's name in Weights, sign).  "surname": after a first name here, or a word
# that is one elsewhere in the article ("John Bolton" … "Bolton").
_CUE_TERMS = (
    ("sentence-initial", "sentence_initial", -1.0),
    ("also a common word", "common_word", -1.0),
    ("person cue", "person", -1.0),
    ("surname", "surname", -1.0),
    ("first name", "first_name", -1.0),
    ("locative", "locative", 1.0),
    ("kind cue", "kind_cue_evidence", 1.0),
)
