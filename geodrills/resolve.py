"""Resolving toponym candidates to gazetteer records, using the whole article.

The stages after the scan (:mod:`geodrills.toponyms`), in order:

1. **Context** (:mod:`~geodrills.toponyms.context`).  Countries the article
   names (as toponyms or demonyms: "Turkish and Azerbaijani troops") make its
   geographic context, weighted by their share of the article's country
   evidence, and so, more weakly, do the admin-1 units it names.
2. **Score** (:mod:`~geodrills.toponyms.score`).  Each candidate's readings
   are scored as a sum of named terms: the resolver's own prior and the
   name's grade, plus the context (in a country the article names; near its
   clear places; in the same country as its neighbours in a list; "X, Turkey",
   "X, Norfolk"), plus kind cues ("province of Kars" -> admin1, "the Araz
   River" -> river).  The best reading wins; its softmax share is the choice's
   certainty.
3. **Accept** (:mod:`~geodrills.toponyms.accept`).  Whether a span is a place
   rests on its best reading's own weight plus the span's evidence (a
   locative, not embedded in a longer capitalised name, …), so a village that
   shares a name with a person is dropped.  The mention's score is the share
   times the confidence.

Everything that depends only on the name is computed once per name and
cached (:class:`~geodrills.toponyms.score.NameEntry`, per gazetteer and
weights), so the per-mention work is a short loop.  Every number is a field
of :class:`~geodrills.weights.Weights`; scores are in the resolver's own
units, from its own prior.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from operator import add

from .explain import Explanation
from .gazetteer import Gazetteer, Place
from .toponyms.accept import acceptance, place_confidence
from .toponyms.candidate import Candidate
from .toponyms.context import article_context, article_geometry, local_countries, unit_namesake_terms
from .toponyms.cues import person_name_parts
from .lexicon.toponyms import ADMIN_KINDS
from .toponyms.score import (
    MATCH_OF_GRADE,
    NameEntry,
    Setting,
    add_holder_terms,
    choose_reading,
    cued_entry,
    explanation_of,
    name_entry,
    resolver_caches,
    score_candidates,
    spelled_entry,
)
from .weights import WEIGHTS, Weights

__all__ = ["Resolution", "NameEntry", "Setting", "name_entry", "resolve_candidates", "local_countries"]


@dataclass(frozen=True, slots=True)
class Resolution:
    """The chosen record of one candidate."""

    candidate: Candidate
    place: Place
    score: float
    alternatives: tuple[int, ...] = ()  # runner-up record indices
    explanation: Explanation | None = None  # with ``explain=True``: every term of the top readings


def resolve_candidates(candidates: Sequence[Candidate], gazetteer: Gazetteer, *,
                       demonym_countries: Counter | None = None,
                       local_countries: Sequence[str | None] | None = None,
                       weights: Weights = WEIGHTS, explain: bool = False) -> list[Resolution]:
    """Choose a record for each candidate, or drop it; see the module docstring.

    ``demonym_countries`` counts the article's demonyms by country code;
    ``local_countries`` gives, per candidate, the country of the demonym
    next to it in its sentence (:func:`local_countries`), or None.  With
    ``explain``, each resolution carries its :class:`~geodrills.explain.Explanation`.
    """
    gaz, w = gazetteer, weights
    entries = readings(candidates, gaz, w)
    context = article_context(candidates, entries, demonym_countries or Counter(), gaz, w, explain=explain)
    local = [gaz.country_index(code) for code in local_countries] if local_countries else [None] * len(candidates)
    scores = score_candidates(candidates, entries, local, context, gaz, w, explain=explain)
    add_holder_terms(candidates, entries, scores, w)
    geometry = article_geometry(candidates, entries, scores.totals, w)
    parts = person_name_parts(candidates)
    out = []
    memo: dict[tuple[Setting, int | None, frozenset | None], tuple] = {}  # same setting, same choice
    places: dict[tuple, Place] = {}
    for k, (cand, e, t) in enumerate(zip(candidates, entries, scores.totals)):
        if t is None:
            continue
        # (the choice reads the totals, which follow from the setting and the holders, the list and the
        # anchors, which follow from the name's entry: the setting's key and cue)
        listed = geometry.list_country.get(k)
        setting = (scores.settings[k], listed, scores.holders.get(k))
        chosen = memo.get(setting)
        if chosen is None:
            # the article's unit over far namesakes ("near Marburg, in Hessen"); most names: None
            namesake = unit_namesake_terms(e, cand.key, context, geometry.anchor_units, w)
            if namesake is not None:
                t = list(map(add, t, namesake))
            chosen = memo[setting] = (choose_reading(e, t, geometry.near.get(id(e)), listed, w), t, namesake)
        choice, t, namesake = chosen
        if choice is None:
            continue
        best, best_total, share, alternatives = choice
        if cand.sub_area and e.kinds[best] == "continent":
            continue  # "North Africa" is not Africa, and its point is far from the continent's
        evidence: list[tuple[str, float]] | None = [] if explain else None
        own_prior = None
        if namesake is not None:  # (a place of the article's unit, taken for the name: the span is the name's)
            own_prior = max(own for own, g in zip(e.own, e.grades) if g == 0)
            best_total = own_prior + best_total - e.own[best] - namesake[best]
        spanness = acceptance(cand, e, k, best, best_total, parts, scores.held_by, context, geometry, w, evidence,
                              own_prior)
        if spanness < w.accept:
            continue
        confidence = place_confidence(spanness, w)
        score = round(share * confidence, 4)
        pkey = (e.records[best], score, e.grades[best], cand.match)
        place = places.get(pkey)
        if place is None:
            place = places[pkey] = gaz.place(e.records[best], score=score, match=cand.match if cand.spellings
                                             else MATCH_OF_GRADE[e.grades[best]])
        why = None
        if explain:
            terms = scores.terms[k] if namesake is None else [*scores.terms[k], (NAMESAKE_TERM, namesake)]
            why = explanation_of(gaz, w, e, t, terms, geometry.near.get(id(e)), listed, best,
                                 context.notes, evidence, spanness, share, confidence, score,
                                 cand.match if cand.spellings else None)
        out.append(Resolution(cand, place, score, alternatives, why))
    return out


NAMESAKE_TERM = "in a unit the article names, not a far namesake"  # (the explanation's label of unit_namesake_terms)


def readings(candidates: Sequence[Candidate], gaz: Gazetteer, w: Weights) -> list[NameEntry | None]:
    """Each candidate's readings: its name's, its spellings', or, for a cued admin unit that none of
    them is, the unit under another spelling ("Ardebil province": Ardabīl)."""
    known = resolver_caches(gaz, w).entries  # (asked once: most names of an article are known already)
    entries = [spelled_entry(gaz, c.spellings, w) if c.spellings
               else known[c.key] if c.key in known else name_entry(gaz, c.key, w) for c in candidates]
    for k, c in enumerate(candidates):
        e = entries[k]
        if c.kind_cue and e is not None and ADMIN_KINDS & set(c.kind_cue) and not set(e.kinds) & set(c.kind_cue):
            entries[k] = cued_entry(gaz, c.key, c.kind_cue, e, w) or e
    return entries
