"""Accept: is the span a place at all, and how sure (stage 5 of the geoparser).

The evidence is the chosen reading's own prior, part of its context terms,
and the span's cues as named terms (:func:`span_evidence`); a span is
a place when the evidence reaches ``Weights.accept``, and its confidence is
a logistic of the margin.
"""

from __future__ import annotations

import functools
import math
from typing import TYPE_CHECKING

from ..weights import Weights
from .candidate import Candidate
from .context import far_from_other_anchors
from ..lexicon.toponyms import MINOR_KINDS, NEVER_NAME_PARTS, WIDER_THAN_UNITS
from .score import NameEntry, big_city

if TYPE_CHECKING:  # pragma: no cover
    from .context import ArticleContext, ArticleGeometry
    from .cues import NameParts

__all__ = ["acceptance", "place_confidence", "span_evidence"]


def span_evidence(w: Weights, cand: Candidate, name_parts: frozenset[str] = frozenset(), minor: bool = False,
                  surnames: frozenset[str] = frozenset(), terms: list[tuple[str, float]] | None = None,
                  persons: frozenset[str] = frozenset()) -> float:
    """How much the span's context says it is a place (``minor``: its reading is a small town;
    ``persons``: names with a person cue elsewhere in the article).

    The sum of the span's cue terms, added in order from 0; with ``terms``, each
    named term is also appended to it (the explanation's rows).
    """
    e = 0.0
    if cand.in_org_name and not minor:
        # "Kentucky Department of Education", "Venice Commission": named after the place.
        e += _term(terms, ("heads an organisation's name", -w.org_name))
    elif cand.embedded or cand.text in name_parts or cand.joined and minor:
        # ("Kaplan & Rothstein", "Salt + Smoke"; not "Sydney & Melbourne": cities and larger are places)
        # In a longer name here, or elsewhere in the article ("Jeff Kock" … "Kock said").
        e += _term(terms, ("part of a longer name", -w.embedded))
    sentence_initial, common_word, person, surname, first_name, locative, kind_cue = cue_term_values(w)
    if cand.sentence_initial:
        e += _term(terms, sentence_initial)
    if cand.common_word:
        e += _term(terms, common_word)
    if cand.person_cue or cand.text in persons:
        e += _term(terms, person)
    if cand.after_given_name or cand.text in surnames:
        e += _term(terms, surname)
    if cand.first_name:
        e += _term(terms, first_name)
    if cand.locative:
        e += _term(terms, locative)
    if cand.kind_cue:
        e += _term(terms, kind_cue)
    return e


def _term(terms: list[tuple[str, float]] | None, term: tuple[str, float]) -> float:
    """A named term's value, appended to ``terms`` when explaining."""
    if terms is not None:
        terms.append(term)
    return term[1]


def cue_term_values(w: Weights) -> tuple[tuple[str, float], ...]:
    """The span-cue terms (``_CUE_TERMS``) with their signed values under ``w`` (cached per weights;
    the last weights asked by identity, so a span pays no weights hash)."""
    global _LAST_CUES
    last = _LAST_CUES
    if last[0] is w:
        return last[1]
    values = _cue_term_values(w)
    _LAST_CUES = (w, values)  # one tuple: swapped atomically
    return values


@functools.lru_cache(maxsize=16)
def _cue_term_values(w: Weights) -> tuple[tuple[str, float], ...]:
    return tuple((label, sign * getattr(w, weight)) for label, weight, sign in _CUE_TERMS)


_LAST_CUES: tuple = (None, ())


def acceptance(cand: Candidate, e: NameEntry, k: int, best: int, best_total: float, parts: NameParts,
               held_by: dict[tuple[str, str], set[int]], context: ArticleContext, geometry: ArticleGeometry,
               w: Weights, terms: list[tuple[str, float]] | None = None, own_prior: float | None = None) -> float:
    """The evidence that span ``k`` is a place, for its chosen reading ``best``.

    The reading's own prior, plus part of its context, plus the span's cues
    (:func:`span_evidence`, summed from 0), then the article around it, one
    term at a time.  With ``terms``, every named term is appended to it in
    that order (for :meth:`Mention.explain`); the normal path builds none.  ``own_prior``: the
    name's own prior where the article's geography took another of its readings for it
    (:func:`~geodrills.toponyms.context.unit_namesake_terms`; ``best_total`` counted from it).
    """
    own = e.own[best] if own_prior is None else own_prior
    share = w.context_share * min(best_total - own, w.context_cap)
    if terms is not None:
        terms.append(("own prior", own))
        terms.append(("context", share))
    # A country, continent, state or big city is not a person's name elsewhere in the article.
    persons = parts.persons
    if e.kinds[best] in NEVER_NAME_PARTS or big_city(e, best, w.name_part_population):
        name_parts: frozenset[str] = frozenset()
        persons = frozenset()
    else:
        name_parts = parts.own_names if e.grades[best] == 0 else parts.any_names
    spanness = own + share + span_evidence(
        w, cand, name_parts, e.kinds[best] in MINOR_KINDS and e.population[best] < w.org_namesake_population,
        parts.surnames if name_parts else frozenset(), terms, persons)

    if cand.followed_by and best in held_by[cand.key, cand.followed_by]:
        spanness += _term(terms, ("followed by its unit", w.followed_by_evidence))
    if len(cand.text) <= 3 and cand.text[1:].islower() and not cand.locative \
            and not big_city(e, best, w.caps_min_population):
        # "Go, meet him", "The Vix measure" ("in Ely" is a place)
        spanness += _term(terms, ("short word", -w.short_word))
    if k in geometry.list_country and e.countries[best] == geometry.list_country[k]:
        spanness += _term(terms, ("in a list of places", w.list_evidence))  # "Dashkesan, Kedabek, Tovuz and Agstafa"
    if geometry.near and e.countries[best] not in context.countries and e.kinds[best] in ("village", "town"):
        # a small place far from every clear place of the article and in none of its countries
        fade = geometry.near.get(id(e))
        if fade is not None and fade[best] == 0.0:
            spanness += _term(terms, ("far from the article's places", -w.outlier))
    elif cand.spellings and e.countries[best] not in context.countries \
            and e.kinds[best] not in WIDER_THAN_UNITS and len(geometry.anchors) > 1 \
            and far_from_other_anchors(e, best, geometry.anchor_units, w):
        # found only by another spelling, and far from every other clear place: "Yevlah" in an
        # article on Baku and Ganja is not a Jewish settlement in the Negev
        spanness += _term(terms, ("weak name, far from the article's places", -w.outlier))
    return spanness


def place_confidence(spanness: float, w: Weights) -> float:
    """How sure the span is a place: 1/2 at ``w.accept + w.confidence_midpoint``, logistic around it."""
    return 1.0 / (1.0 + math.exp(-(spanness - w.accept - w.confidence_midpoint)))


# The span's cues after the longer-name term, in the order span_evidence unpacks and adds them:
# (label, its weight's name in Weights, sign).  "surname": after a first name here, or a word
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
