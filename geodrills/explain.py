"""Why the geoparser chose a place: every score term of a mention's top readings.

The resolver scores each reading of a name as a sum of named terms (see
:class:`geodrills.weights.Weights`) and accepts the span as a place when its
evidence reaches ``Weights.accept``.  Asked to explain
(``geoparse(text, explain=True)``), it keeps those terms, and
:meth:`geodrills.mentions.Mention.explain` prints them:

.. code-block:: text

    Astara [10:16] -> Astara (town, AZ) gn:148445  score 0.4339
      1. Astara (town, AZ) …  total 5.49: prior +2.89 · name grade +1.00 · list sibling (AZ) +1.00 · …
      2. Āstārā (town, IR) …  total 5.10: prior +3.10 · name grade +1.00 · …
      place? evidence 5.20 >= accept 2.50: own prior +3.89 · context +0.50 · locative +0.80 …
"""

from __future__ import annotations

from dataclasses import dataclass

from .gazetteer import Place

__all__ = ["Term", "ReadingTerms", "Explanation"]


@dataclass(frozen=True, slots=True)
class Term:
    """One named contribution to a score: ``value`` points, and what it rests on."""

    name: str
    value: float
    detail: str = ""

    def __str__(self) -> str:
        detail = f" ({self.detail})" if self.detail else ""
        if self.value == float("-inf"):
            return f"{self.name}: ruled out{detail}"
        return f"{self.name} {self.value:+.2f}{detail}"


@dataclass(frozen=True, slots=True)
class ReadingTerms:
    """One reading of a name (a gazetteer record) with its total and the terms that make it."""

    place: Place
    total: float
    terms: tuple[Term, ...]


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why a mention resolved as it did.

    Attributes
    ----------
    readings : tuple of ReadingTerms
        The best readings, best first (the first is the chosen one).
    evidence : tuple of Term
        The terms of "is this span a place at all?", summed into ``spanness``.
    spanness, accept : float
        The span's evidence and the threshold it had to reach.
    share : float
        The chosen reading's softmax share among all readings.
    confidence, score : float
        ``confidence`` from ``spanness``; ``score = share × confidence``.
    match : str
        How the text matched the chosen record's name ("exact", "variant", "alternate").
    """

    readings: tuple[ReadingTerms, ...]
    evidence: tuple[Term, ...]
    spanness: float
    accept: float
    share: float
    confidence: float
    score: float
    match: str = "exact"

    def lines(self, top: int = 3) -> list[str]:
        """The explanation as text lines (no trailing newlines)."""
        out = []
        for i, r in enumerate(self.readings[:top], 1):
            p = r.place
            where = f"{p.name} ({p.kind}, {p.country or '-'}) {p.id}"
            terms = " · ".join(str(t) for t in r.terms if t.value != 0.0)
            total = "ruled out" if r.total == float("-inf") else f"{r.total:.2f}"
            out.append(f"  {i}. {where}  total {total}: {terms}")
        ev = " · ".join(str(t) for t in self.evidence if t.value != 0.0)
        out.append(f"  place? evidence {self.spanness:.2f} >= accept {self.accept:.2f}: {ev}")
        out.append(f"  score {self.score:.4f} = share {self.share:.3f} × confidence {self.confidence:.3f}"
                   f"  (match: {self.match})")
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())
