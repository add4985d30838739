"""Proximity claims in articles ("in Kars, near the Armenian border"), measured and judged.

Extraction works on the article text with a few patterns around the word
*border*, plus the geoparser's mentions for the places:

========  ==========================================================  =========================
claim     phrases                                                     border country from
========  ==========================================================  =========================
near      near / close to / next to / not far from / by ... border    demonym ("Armenian border")
on        on / at / along / across ... border; "<X> border posts"     or "border with <country>"
borders   "<place> (province) borders (on) <country>"                 the country named
km        "<N> km (away) from the ... border"                         as for near/on
on        "across / over the <river>" where the river is a border     the river's border pair
========  ==========================================================  =========================

The place a claim is about is the nearest place named before the phrase in
the same sentence (other than the border country itself), else the article's
lead place (its first town, city or province), which is what a headline like
"exercises on the Armenian border" is about.

Verdicts (thresholds are keyword parameters of :func:`check_claims`)
--------------------------------------------------------------------
Distance is measured from the place's point to the border between the
place's country and the border country (:func:`geodrills.borders.border_distances`).

* ``near``: supported within ``near_km`` (50 km), doubtful beyond
  ``far_km`` (100 km), unverifiable in between.
* ``on``: supported within ``on_km`` (10 km); doubtful beyond (a place 40 km
  away is near the border, not on it).
* ``borders``: the two countries must share a border.  For a province of
  AM, AZ, GE, IR or TR the bundled admin-1 outline (Natural Earth, about
  1 km accurate) is measured: supported when it comes within ``touch_km``
  (2 km) of the border, doubtful beyond ``5 * touch_km``, unverifiable in
  between.  For other units the verdict rests on the unit's representative
  point (its area's centroid or the median of its places, see the gazetteer): supported within
  ``far_km`` (the middle of a unit that touches a border is rarely farther),
  doubtful beyond ``2 * far_km``, unverifiable in between -- and the reason
  says it is approximate.
* ``near`` and ``on`` about a province are measured from its representative point (where the
  article places something, a province names a town's surroundings, not its
  whole area); the reason adds how close the province's outline comes.
* ``km``: supported when the measured distance is within ``km_tolerance``
  (25 %, at least 5 km) of the claimed one.
* A country as the place: supported when the two countries share a border.
* ``unverifiable`` whenever the place or the border country is unknown, or
  the place has no coordinates.

Examples
--------
>>> from geodrills.articles import Article
>>> a = Article.from_text("Drills began in Kars, near the Armenian border, on Monday.")
>>> row = check_claims([a]).iloc[0]
>>> row["claim"], row["border_country"], row["verdict"], round(float(row["km_measured"]), 1)
('near', 'AM', 'supported', 41.0)
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .demonyms import demonym_country, find_demonyms
from .errors import InputError

__all__ = ["Claim", "extract_claims", "check_claims", "CLAIM_COLUMNS"]

from .schema import CLAIM_COLUMNS  # noqa: E402  (the one home of output columns; re-exported here)

_NEAR = r"near|close\s+to|next\s+to|not\s+far\s+from|by|in\s+the\s+vicinity\s+of"
_ON = r"on|at|along|alongside|across|right\s+on|straddling"
_PREP = re.compile(
    rf"\b(?P<prep>{_NEAR}|{_ON})\s+(?:the\s+|its\s+|their\s+)?(?:(?P<adj>[A-ZÀ-ÞĀ-ſ][\w’'-]*)\s+)?"
    rf"(?P<word>border|frontier)s?\b(?!\s+(?:guards?|police|service|control|crossings?|gates?|points?|posts?)\b)",
    re.IGNORECASE,
)
_KM = re.compile(
    r"\b(?P<num>\d+(?:[.,]\d+)?)\s*(?:-\s*)?(?P<unit>km|kilomet(?:er|re)s?|miles?|mi)\s+(?:away\s+)?"
    r"(?:from|of|off|short\s+of)\s+(?:the\s+)?(?:(?P<adj>[A-ZÀ-ÞĀ-ſ][\w’'-]*)\s+)?(?:border|frontier)\b",
    re.IGNORECASE,
)
_POSTS = re.compile(
    r"\b(?P<adj>[A-ZÀ-ÞĀ-ſ][\w’'-]*)\s+border\s+(?:points?|posts?|outposts?|positions?|villages?|areas?|regions?)\b"
)
_VERB = re.compile(r"\b(?:borders|bordering|borders\s+on|borders\s+with|shares\s+a\s+border\s+with)\s+", re.IGNORECASE)
_WITH = re.compile(r"\s+(?:with|of)\s+", re.IGNORECASE)
_RIVER = re.compile(r"\b(?:across|over|crossing(?:\s+of)?)\s+the\s+$", re.IGNORECASE)
_LEAD_KINDS = {"city", "town", "village", "admin1", "admin2"}


@dataclass(frozen=True)
class Claim:
    """One proximity claim found in an article (before measuring)."""

    article: str | None
    start: int
    end: int
    text: str
    claim: str  # near | on | borders | km
    border_country: str | None
    place: Any = None  # geodrills.gazetteer.Place or None
    km_claimed: float | None = None
    notes: tuple[str, ...] = field(default=())


# --------------------------------------------------------------------------- extraction


def _country_of_word(word: str | None) -> str | None:
    if not word:
        return None
    return demonym_country(word)


def _mention_at(mentions, start: int, *, max_gap: int = 2):
    """The mention that starts within ``max_gap`` characters after ``start``."""
    for m in mentions:
        if start <= m.start <= start + max_gap:
            return m
    return None


def _country_mention_after(mentions, pos: int, text: str):
    m = _mention_at(mentions, pos, max_gap=4)
    if m is not None and m.place is not None and m.place.kind == "country":
        return m
    return None


def _place_before(mentions, sent_start: int, pos: int, exclude_country: str | None):
    """Nearest resolved place before ``pos`` in the sentence; settlements/units before countries."""
    inside = [m for m in mentions if sent_start <= m.start and m.end <= pos and m.place is not None
              and not (m.place.kind == "country" and m.place.country == exclude_country)]
    specific = [m for m in inside if m.place.kind != "country"]
    if specific:
        return specific[-1]
    return inside[-1] if inside else None


def _lead_place(mentions, exclude_country: str | None):
    for m in mentions:
        if m.place is not None and m.place.kind in _LEAD_KINDS and m.place.country != exclude_country:
            return m
    return None


def extract_claims(article, mentions=None) -> list[Claim]:
    """Find the proximity claims in one article.

    Parameters
    ----------
    article : geodrills.articles.Article, str or path
    mentions : list of geodrills.geoparse.Mention, optional
        The article's mentions (``geoparse(article)`` by default).

    Returns
    -------
    list of Claim
        Sorted by start offset.

    Examples
    --------
    >>> [(c.text, c.claim, c.border_country) for c in extract_claims("Kars province borders on Armenia.")]
    [('Kars province borders on Armenia', 'borders', 'AM')]
    """
    from .articles import Article
    from .articles import as_article
    from .geoparse import geoparse, sentence_span

    art: Article = as_article(article)
    text = art.text
    if mentions is None:
        mentions = geoparse(art)
    mentions = sorted(mentions, key=lambda m: m.start)
    claims: list[Claim] = []
    taken: list[tuple[int, int]] = []

    def overlaps(a: int, b: int) -> bool:
        return any(a < y and x < b for x, y in taken)

    def add(start: int, end: int, kind: str, border_cc: str | None, place_m, km=None, notes=()):
        if overlaps(start, end):
            return
        taken.append((start, end))
        claims.append(Claim(art.name, start, end, text[start:end], kind, border_cc,
                            place_m.place if place_m is not None else None, km, tuple(notes)))

    def border_country_from(adj: str | None, end: int) -> tuple[str | None, int]:
        cc = _country_of_word(adj)
        w = _WITH.match(text, end)
        if w:
            m = _country_mention_after(mentions, w.end(), text)
            if m is not None:
                return m.place.country, m.end
            word = re.match(r"[A-ZÀ-ÞĀ-ſ][\w’'-]*", text[w.end():])
            if word and demonym_country(word.group(0)):
                return demonym_country(word.group(0)), w.end() + word.end()
        return cc, end

    def claim_span(place_m, start: int, s0: int) -> int:
        # "in Kars, near the ... border": start the phrase at the place when it is
        # right before the preposition (a comma or a few words away)
        if place_m is not None and s0 <= place_m.start < start and start - place_m.end <= 12:
            pre = text[max(s0, place_m.start - 3):place_m.start]
            return place_m.start - 3 if pre.lower() == "in " else place_m.start
        return start

    # "12 km from the border"
    for m in _KM.finditer(text):
        num = float(m.group("num").replace(",", "."))
        if m.group("unit").lower().startswith("mi"):
            num *= 1.609344
        cc, end = border_country_from(m.group("adj"), m.end())
        s0, _s1 = sentence_span(text, m.start(), m.end())
        place_m = _place_before(mentions, s0, m.start(), cc) or _lead_place(mentions, cc)
        add(claim_span(place_m, m.start(), s0), end, "km", cc, place_m, km=num)
    # "near the Armenian border", "on the border with Iran"
    for m in _PREP.finditer(text):
        prep = re.sub(r"\s+", " ", m.group("prep").lower())
        kind = "near" if re.fullmatch(_NEAR, prep) else "on"
        adj = m.group("adj")
        cc, end = border_country_from(adj, m.end())
        s0, _s1 = sentence_span(text, m.start(), m.end())
        place_m = _place_before(mentions, s0, m.start(), cc)
        notes = []
        lead = _lead_place(mentions, cc)
        if place_m is None and lead is not None:
            place_m = lead
            notes.append(f"place taken from the article's lead ({lead.text})")
        elif (place_m is not None and place_m.place.kind == "country" and lead is not None
              and lead.place.country == place_m.place.country):
            # "Azerbaijan and Turkey hold exercises on the Armenian border": the claim is
            # about where the exercises are, i.e. the article's lead place in that country
            notes.append(f"place taken from the article's lead ({lead.text}, in {place_m.text})")
            place_m = lead
        add(claim_span(place_m, m.start(), s0), end, kind, cc, place_m, notes=notes)
    # "Azerbaijani border points": the border of that country; the other side from the sentence
    for m in _POSTS.finditer(text):
        owner = demonym_country(m.group("adj"))
        if owner is None:
            continue
        s0, _s1 = sentence_span(text, m.start(), m.end())
        others = [d for d in find_demonyms(text[s0:m.start()]) if d.country and d.country != owner]
        other = others[-1].country if others else None
        start = s0 + others[-1].start if others else m.start()
        owner_m = next((x for x in mentions if x.place is not None and x.place.kind == "country"
                        and x.place.country == owner), None)
        notes = [f"the place is the country whose border posts these are ({owner})"]
        claims_place = owner_m
        if claims_place is None:
            add(start, m.end(), "on", other, None, notes=notes + ["country not resolved"])
        else:
            add(start, m.end(), "on", other, claims_place, notes=notes)
    # "Kars province borders on Armenia"
    for m in _VERB.finditer(text):
        target = _country_mention_after(mentions, m.end(), text)
        if target is None:
            continue
        s0, _s1 = sentence_span(text, m.start(), m.end())
        place_m = _place_before(mentions, s0, m.start(), target.place.country)
        if place_m is None or m.start() - place_m.end > 25:
            continue
        add(place_m.start, target.end, "borders", target.place.country, place_m)
    # "across the Araz River": a river that forms a border
    for mm in mentions:
        if mm.place is None or mm.place.kind != "river":
            continue
        pre = _RIVER.search(text[max(0, mm.start - 40):mm.start])
        if not pre:
            continue
        s0, _s1 = sentence_span(text, mm.start, mm.end)
        start = s0 if mm.start - s0 <= 120 else max(0, mm.start - 40) + pre.start()
        add(start, mm.end, "on", None, mm, notes=("river crossing",))
    claims.sort(key=lambda c: (c.start, c.end))
    return claims


# --------------------------------------------------------------------------- measuring


def _river_border(place, home: str | None, data) -> tuple[str | None, str | None, float | None]:
    """The border pair a river runs along most, the other country, and the river's gap to it."""

    from .gazetteer import Gazetteer
    from .borders import border_distances

    try:
        geom = Gazetteer.default().geometry(place)
    except Exception:  # noqa: BLE001 - no geometry is an answer here, not an error
        geom = None
    if geom is None or geom.is_empty:
        return None, None, None
    import shapely

    pts = shapely.get_coordinates(geom)
    if len(pts) > 800:
        pts = pts[:: math.ceil(len(pts) / 800)]
    df = border_distances(pts[:, 1], pts[:, 0], within_km=2.0, data=data)
    df = df[df["km"] <= 2.0]
    if df.empty:
        return None, None, None
    counts = df.groupby("border")["point"].nunique().sort_values(ascending=False, kind="mergesort")
    if home:
        with_home = [b for b in counts.index if home in b.split("-")]
        pair = with_home[0] if with_home else counts.index[0]
    else:
        pair = counts.index[0]
    a, b = pair.split("-")
    other = b if home == a else a if home == b else None
    return pair, other, float(df[df["border"] == pair]["km"].min())


def check_claims(articles, *, near_km: float = 50.0, far_km: float = 100.0, on_km: float = 10.0,
                 km_tolerance: float = 0.25, touch_km: float = 2.0, mentions: dict | None = None):
    """Extract, measure and judge the proximity claims of articles.

    Parameters
    ----------
    articles : Article, path, str, or an iterable of them
        A directory means every ``*.txt`` in it.
    near_km, far_km, on_km, km_tolerance, touch_km : float
        Verdict thresholds (see the module docstring).
    mentions : dict, optional
        Article name -> its mentions, when already geoparsed.

    Returns
    -------
    pandas.DataFrame
        One row per claim, columns :data:`CLAIM_COLUMNS`.

    Examples
    --------
    >>> from geodrills.articles import Article
    >>> a = Article.from_text("The drills were held in Kars, near the border with Iran.")
    >>> check_claims(a)[["claim", "border_country", "verdict"]].values.tolist()
    [['near', 'IR', 'doubtful']]
    """
    import pandas as pd

    from .borders import BorderData
    from .geoparse import _collect_articles, geoparse

    for name, value in (("near_km", near_km), ("far_km", far_km), ("on_km", on_km), ("km_tolerance", km_tolerance),
                        ("touch_km", touch_km)):
        if not (isinstance(value, (int, float)) and math.isfinite(value) and value >= 0):
            raise InputError(f"{name} must be a finite number >= 0, got {value!r}")
    arts = _collect_articles(articles, "raise")
    data = BorderData.default()
    rows = []
    for art in arts:
        ms = (mentions or {}).get(art.name)
        if ms is None:
            ms = geoparse(art)
        for c in extract_claims(art, ms):
            rows.append(_judge(c, ms, data, near_km, far_km, on_km, km_tolerance, touch_km))
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype=float if c in ("lat", "lon", "km_claimed", "km_measured")
                                          else (int if c in ("start", "end") else object))
                             for c in CLAIM_COLUMNS})
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)


def _judge(c: Claim, mentions, data, near_km, far_km, on_km, km_tolerance, touch_km) -> dict:
    p = c.place
    row = {"article": c.article, "start": c.start, "end": c.end, "text": c.text,
           "place": p.name if p else None, "place_id": p.id if p else None, "place_kind": p.kind if p else None,
           "place_country": p.country if p else None, "lat": p.lat if p else math.nan,
           "lon": p.lon if p else math.nan, "border": None, "border_country": c.border_country,
           "claim": c.claim, "km_claimed": c.km_claimed, "km_measured": math.nan,
           "verdict": "unverifiable", "reason": ""}
    notes = list(c.notes)

    def done(verdict: str, reason: str) -> dict:
        row["verdict"] = verdict
        row["reason"] = "; ".join([reason, *notes]) if notes else reason
        return row

    if p is None:
        return done("unverifiable", "no place to measure from")
    if p.kind == "river":
        home = _home_country(mentions)
        pair, other, gap = _river_border(p, home, data)
        if pair is None:
            return done("unverifiable", f"{p.name}: no river geometry along a border in the bundled data")
        row["border"] = pair
        row["border_country"] = row["border_country"] or other
        row["km_measured"] = gap
        return done("supported", f"the {p.name} runs along the {pair} border (within {gap:.1f} km); "
                                 "where the crossing was is not said")
    if c.border_country is None:
        return done("unverifiable", "the border's country is not named")
    place_cc = p.country
    if p.kind == "country" or p.precision == "country":
        if place_cc == c.border_country:
            return done("unverifiable", f"the place is the border country itself ({place_cc})")
        pair = "-".join(sorted([place_cc or "", c.border_country]))
        row["border"] = pair
        if pair in data.borders:
            return done("supported", f"{place_cc} and {c.border_country} share a border ({pair})")
        return done("doubtful", f"{place_cc} and {c.border_country} share no land border")
    if place_cc == c.border_country:
        notes.append(f"{p.name} is itself in {place_cc}")
    if not (isinstance(p.lat, float) and math.isfinite(p.lat)):
        return done("unverifiable", f"{p.name} has no coordinates")
    if place_cc and place_cc != c.border_country:
        pairs = ["-".join(sorted([place_cc, c.border_country]))]
    else:
        pairs = [b for b in data.borders if c.border_country in b.split("-")]
    sel = _distances_to(p.lat, p.lon, [b for b in pairs if b in data.borders], data)
    if sel.empty:
        pair = "-".join(sorted([place_cc or "?", c.border_country]))
        row["border"] = pair
        return done("doubtful", f"{place_cc} and {c.border_country} share no land border")
    best = sel.sort_values("km", kind="mergesort").iloc[0]
    km = float(best["km"])
    row["border"] = best["border"]
    row["km_measured"] = km
    unit = p.kind in ("admin1", "admin2", "region")
    area = _area_of(p) if unit else None
    area_km = None
    if area is not None:
        from .borders import area_border_km

        area_km = area_border_km(area, best["border"], data=data)
    where = f"{p.name} is {km:.1f} km from the {best['border']} border"
    if c.claim == "borders" and area_km is not None:
        row["km_measured"] = area_km
        src = "its Natural Earth admin-1 outline"
        if area_km <= touch_km:
            return done("supported", f"{p.name} ({src}) reaches the {best['border']} border "
                                     f"(gap {area_km:.1f} km <= {touch_km:g} km)")
        if area_km > 5 * touch_km:
            return done("doubtful", f"{p.name} ({src}) stays {area_km:.1f} km from the {best['border']} border")
        return done("unverifiable", f"{p.name} ({src}) comes within {area_km:.1f} km of the {best['border']} "
                                    f"border: closer than the outline's accuracy allows to call")
    if unit:
        if area_km is not None:
            notes.append(f"measured from the {p.kind}'s representative point; its area comes within {area_km:.1f} km")
        else:
            notes.append(f"measured from the {p.kind}'s representative point (no outline bundled): the unit's own "
                         "edge may be nearer, so this is approximate")
    if c.claim == "near":
        if km <= near_km:
            return done("supported", f"{where} (near: <= {near_km:g} km)")
        if km > far_km:
            return done("doubtful", f"{where} (near: > {far_km:g} km is not near)")
        return done("unverifiable", f"{where} (between {near_km:g} and {far_km:g} km: borderline)")
    if c.claim == "on":
        if km <= on_km:
            return done("supported", f"{where} (on: <= {on_km:g} km)")
        if km <= near_km:
            return done("doubtful", f"{where}: near the border, not on it (on: <= {on_km:g} km)")
        return done("doubtful", f"{where} (on: <= {on_km:g} km)")
    if c.claim == "borders":
        if not unit:
            if km <= on_km:
                return done("supported", f"{where} (borders: <= {on_km:g} km)")
            return done("doubtful", f"{where} (borders: <= {on_km:g} km)")
        if km <= far_km:
            return done("supported", f"{where}; a unit whose representative point is within {far_km:g} km plausibly touches it")
        if km > 2 * far_km:
            return done("doubtful", f"{where} (> {2 * far_km:g} km)")
        return done("unverifiable", f"{where} (representative point between {far_km:g} and {2 * far_km:g} km)")
    if c.claim == "km" and c.km_claimed is not None:
        tol = max(5.0, km_tolerance * c.km_claimed)
        if abs(km - c.km_claimed) <= tol:
            return done("supported", f"{where}; claimed {c.km_claimed:g} km (tolerance {tol:.1f} km)")
        return done("doubtful", f"{where}; claimed {c.km_claimed:g} km (tolerance {tol:.1f} km)")
    return done("unverifiable", f"{where}")


def _area_of(place):
    """The bundled admin-1 outline of a place, or None."""
    from .borders import Admin1Areas

    if place.kind != "admin1" or place.country not in ("AM", "AZ", "GE", "IR", "TR"):
        return None
    return Admin1Areas.default().geometry(place.admin1, country=place.country, name=place.name)


def _distances_to(lat: float, lon: float, pairs: Sequence[str], data):
    """Distance from one point to each of some border pairs (only those indexes are built)."""
    import numpy as np
    import pandas as pd

    rows = []
    for pair in pairs:
        res = data.nearest(np.array([lat]), np.array([lon]), pair)
        rows.append({"border": pair, "km": float(res["km"][0])})
    return pd.DataFrame(rows, columns=["border", "km"])


def _home_country(mentions) -> str | None:
    """The country of the article's lead place (for which side of a border river is 'home')."""
    lead = _lead_place(mentions, None)
    return lead.place.country if lead is not None else None
