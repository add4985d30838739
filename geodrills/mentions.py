"""Mentions: every place an article names, found and resolved (:func:`geoparse`).

``geoparse`` runs :func:`geodrills.extract.find_candidates` (where are the
names?) then :func:`geodrills.resolve.resolve_candidates` (which places are
meant?) over one article; ``geoparse_frame`` does it for many and returns a
GeoDataFrame.

Examples
--------
>>> ms = geoparse("Turkish troops arrived in Kars, near the Armenian border.")
>>> [(m.text, m.place.kind, m.place.country) for m in ms]
[('Kars', 'city', 'TR')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from os import PathLike
from typing import TYPE_CHECKING, Any

from .articles import Article, as_article
from .demonyms import find_demonyms
from .errors import GeodrillsError
from .explain import Explanation
from .extract import find_candidates
from .gazetteer import Gazetteer, Place
from .resolve import local_countries, resolve_candidates
from .sentences import Sentences, sentence_span
from .weights import WEIGHTS, Weights

if TYPE_CHECKING:  # pragma: no cover
    import geopandas

__all__ = ["Mention", "geoparse", "geoparse_frame", "sentence_span", "FRAME_COLUMNS"]


@dataclass(frozen=True, slots=True)
class Mention:
    """One place named in a text.

    Attributes
    ----------
    start, end : int
        Offsets into the article's text; ``text == article.text[start:end]``.
    text : str
    place : Place or None
        The resolved gazetteer record.
    score : float
        Confidence in [0, 1] that the span is a place and this is the place.
    precision : str
        ACLED-style: "settlement", "admin", "region" or "country".
    article : str or None
        The article's name (its file's base name).
    alternatives : tuple of str
        Ids of the next-best readings, for review (``Gazetteer.get(id)``).
    explanation : Explanation or None
        With ``geoparse(..., explain=True)``: the score terms (see :meth:`explain`).
    """

    start: int
    end: int
    text: str
    place: Place | None
    score: float
    precision: str
    article: str | None = None
    alternatives: tuple[str, ...] = ()
    explanation: Explanation | None = field(default=None, compare=False, repr=False)

    def explain(self, top: int = 3) -> str:
        """Why this place: the top readings with every score term, and why the span is a place.

        Needs ``geoparse(..., explain=True)`` (the terms are not kept otherwise).

        Examples
        --------
        >>> m = geoparse("Drills in Astara, Baku and Imishli.", explain=True)[0]
        >>> print(m.explain().splitlines()[0])
        Astara [10:16] -> Astara (town, AZ) gn:148445  score 0.4339
        """
        p = self.place
        head = f"{self.text} [{self.start}:{self.end}] -> " + (
            f"{p.name} ({p.kind}, {p.country or '-'}) {p.id}  score {self.score:.4f}" if p else "no place")
        if self.explanation is None:
            return head + "\n  (no terms kept: call geoparse(..., explain=True))"
        return "\n".join([head, *self.explanation.lines(top)])

    def _repr_html_(self) -> str:
        """The mention and the place it resolved to, as a small table in Jupyter (every value escaped)."""
        from .reprs import record_html

        return record_html(f"Mention {self.text!r} [{self.start}:{self.end}]", self.to_dict())

    def to_dict(self) -> dict[str, Any]:
        """The CLI's JSON row (``geodrills geocode --format jsonl``)."""
        p = self.place
        return {
            "article": self.article, "start": self.start, "end": self.end, "text": self.text,
            "name": p.name if p else None, "kind": p.kind if p else None,
            "country": p.country if p else None, "admin1": p.admin1 if p else None,
            "lat": p.lat if p else None, "lon": p.lon if p else None,
            "geonameid": p.geonameid if p else None, "place_id": p.id if p else None,
            "score": self.score, "precision": self.precision,
        }


def geoparse(text_or_article: Article | str | PathLike[str], *,
             gazetteer: Gazetteer | None = None, weights: Weights | None = None,
             explain: bool = False) -> list[Mention]:
    """Find and resolve every place named in one article.

    Parameters
    ----------
    text_or_article : Article, str or path
        An :class:`~geodrills.articles.Article`, a path to a ``.txt``
        file, or the text itself.
    gazetteer : Gazetteer, optional
        The bundled one by default.
    weights : Weights, optional
        The resolver's weights (:data:`geodrills.weights.WEIGHTS` by default).
    explain : bool
        Keep every score term, for :meth:`Mention.explain` (slower).

    Returns
    -------
    list of Mention
        Sorted by offset.  Offsets index into the article's full text.

    Examples
    --------
    >>> [m.place.country for m in geoparse("Drills in Astara, Baku and Imishli.") if m.text == "Astara"]
    ['AZ']
    """
    article = as_article(text_or_article)
    gaz = gazetteer or Gazetteer.default()
    text = article.text
    candidates = find_candidates(text, gaz, skip=article.boilerplate, start=article.body_start)
    found = find_demonyms(text)
    demonyms = Counter(d.country for d in found if d.country)
    w = weights or WEIGHTS
    local = local_countries(text, candidates, found, weights=w)
    mentions = []
    for res in resolve_candidates(candidates, gaz, demonym_countries=demonyms, local_countries=local, weights=w,
                                  explain=explain):
        c = res.candidate
        alternatives = tuple(map(gaz.place_id, res.alternatives))
        mentions.append(Mention(c.start, c.end, c.text, res.place, res.score, res.place.precision,
                                article.name, alternatives, res.explanation))
    return mentions


#: Columns of :func:`geoparse_frame`, in order.
from .schema import FRAME_COLUMNS  # noqa: E402  (the one home of output columns; re-exported here)


def geoparse_frame(articles: Iterable[Article | str | PathLike[str]] | Article | str | PathLike[str], *,
                   gazetteer: Gazetteer | None = None, on_error: str = "raise",
                   progress: bool | None = None) -> geopandas.GeoDataFrame:
    """Geoparse many articles into one GeoDataFrame (EPSG:4326), a row per mention.

    Parameters
    ----------
    articles : Article, path, directory, or an iterable of them
        A directory stands for every ``*.txt`` in it.
    on_error : {"raise", "warn", "skip"}
        What to do with a file that cannot be read or parsed; the rest of
        the run goes on unless "raise".
    progress : bool, optional
        Show a progress bar (default: when stderr is a terminal and there
        are many articles).

    Returns
    -------
    geopandas.GeoDataFrame
        Columns :data:`FRAME_COLUMNS`; ``geometry`` is the place's point.

    Examples
    --------
    >>> gdf = geoparse_frame(Article.from_text("Drills near Kars.", name="a.txt"))
    >>> gdf[["article", "name", "country"]].values.tolist(), gdf.crs.to_string()
    ([['a.txt', 'Kars', 'TR']], 'EPSG:4326')
    """
    import geopandas
    import pandas as pd

    arts = _collect_articles(articles, on_error)
    gaz = gazetteer or Gazetteer.default()
    rows = []
    from ._progress import progress_iter

    for article in progress_iter(arts, desc="geoparse", enabled=progress):
        try:
            mentions = geoparse(article, gazetteer=gaz)
        except GeodrillsError:
            if on_error == "raise":
                raise
            continue
        sentences = Sentences(article.text)  # one split per article, a bisection per mention
        for m in mentions:
            if m.place is None:
                continue
            s, e = sentences.span_at(m.start) or (m.start, m.end)
            s = max(s, article.body_start)  # never the " date YYYY-MM-DD" header
            row = m.to_dict()
            row.update(title=article.title, date=article.date.isoformat() if article.date else None,
                       sentence=article.text[s:e])
            rows.append(row)
    frame = pd.DataFrame(rows, columns=FRAME_COLUMNS[:-1])
    frame["geonameid"] = frame["geonameid"].astype("Int64")
    geometry = geopandas.points_from_xy(frame["lon"].astype(float), frame["lat"].astype(float), crs="EPSG:4326")
    return geopandas.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")


def _collect_articles(articles: Any, on_error: str) -> list[Article]:
    from .corpus import iter_articles  # every corpus source (files, folders, tables, DataFrames)

    return list(iter_articles(articles, on_error=on_error))


def dedupe_places(frame: Any, by: Sequence[str] = ("place_id",)):
    """One row per distinct place of a :func:`geoparse_frame`, with its mention count and articles."""
    import geopandas

    if frame.empty:
        return frame.iloc[0:0].assign(mentions=[], articles=[])
    groups = frame.groupby(list(by), sort=True, dropna=True)
    first = groups.head(1).set_index(list(by)).sort_index()
    first["mentions"] = groups.size()
    first["articles"] = groups["article"].agg(lambda s: sorted(set(s)))
    return geopandas.GeoDataFrame(first.reset_index(), geometry="geometry", crs="EPSG:4326")
