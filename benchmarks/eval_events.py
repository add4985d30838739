"""Evaluate geodrills' event extraction on the dev sets (drills, seeds).

Usage::

    python benchmarks/eval_events.py [--drills] [--seeds] [--misses] [--json FILE]

With neither ``--drills`` nor ``--seeds`` both sets are run.  Per set it prints:

* **recall**: gold exercise mentions with a predicted report (event x article)
  whose evidence overlaps the gold evidence in the same article;
* **precision**: predicted reports whose evidence overlaps some gold evidence
  in their article;
* for the gold mentions found (``x/found``, and ``x/gold`` over all of them):
  **name** (named gold only: the predicted name equals the gold name, the form
  in the text or an alias, ignoring case, accents, spaces and punctuation),
  **start date** (gold with a start date: the predicted start at the gold's
  precision), **location** (gold with a located place that has a point: a
  predicted location place within 50 km of one, or, for a gold country -- which
  the gold gives by its capital's point -- a predicted place that is that
  country, and for a gold unit (state, province, region) given by a proxy
  point, a predicted unit of that country with its name; the figure by
  distance alone is printed beside it), **participants** (exactly
  the gold set), and **unnamed kept unnamed** (gold without a name: no name
  predicted);
* **merges**: gold exercises reported by several articles whose reports all
  landed in one predicted event.

The scoring here is independent of geodrills' own name keys and distances
(its own folding and haversine), so a change in the library cannot move the
yardstick.  Gold: ``shared/eval/drills/events.jsonl`` (``event_key`` is the
merge key) and ``shared/eval/seeds/events.jsonl`` (places by name in
``places.csv``; exercises reported by several articles share a name).

Exit code: 0 when geodrills ran (whatever its scores), 2 when the gold data is
missing.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

#: A predicted location this close to a gold location place counts (km).
LOCATION_KM = 50.0
#: Kinds of place that are areas a gold may give by a proxy point (its capital).
UNIT_KINDS = ("admin1", "admin2", "region")
#: The issue-17 bars on the drills set (numerators over the found gold of the baseline run).
TARGETS = "recall >= .90, precision >= .85, names >= 14/16, start dates >= 10/12, locations >= 16/19, " \
          "participants >= 18/21, merges 4/4; seeds 13/13"


def shared_dir() -> Path:
    return Path(os.environ.get("GEODRILLS_SHARED", ROOT.parent / "shared"))


def fold(name: str | None) -> str:
    """Case, accents, spaces and punctuation removed: "Zapad-2021" == "zapad 2021"."""
    s = unicodedata.normalize("NFKD", (name or "").replace("ı", "i").casefold())
    return "".join(ch for ch in s if ch.isalnum() and not unicodedata.combining(ch))


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def squash_find(text: str, quote: str) -> tuple[int, int] | None:
    """Span of ``quote`` in ``text``, allowing any run of white space to differ."""
    start = text.find(quote)
    if start >= 0:
        return start, start + len(quote)
    words = quote.split()
    if not words:
        return None
    pos = 0
    while True:
        first = text.find(words[0], pos)
        if first < 0:
            return None
        i, ok = first + len(words[0]), True
        for w in words[1:]:
            j = i
            while j < len(text) and text[j].isspace():
                j += 1
            if j == i or not text.startswith(w, j):
                ok = False
                break
            i = j + len(w)
        if ok:
            return first, i
        pos = first + 1


# --------------------------------------------------------------------------
# gold

def load_drills(shared: Path) -> tuple[list[dict[str, Any]], Path]:
    folder = shared / "eval" / "drills"
    gold = [json.loads(line) for line in (folder / "events.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    for g in gold:
        g["names"] = [n for n in [g["name"], g["name_in_text"], *g.get("aliases", [])] if n] if g["name"] else []
        g["locations"] = [(p["lat"], p["lon"]) for p in g["places"]
                          if p["role"] == "location" and p["lat"] is not None]
        g["location_countries"] = {p["country"] for p in g["places"]
                                   if p["role"] == "location" and p["kind"] == "country" and p["lat"] is not None}
        # units the gold gives by a proxy point (a state's capital for the state)
        g["location_units"] = {(p["country"], fold(p["name"])) for p in g["places"]
                               if p["role"] == "location" and p["kind"] in UNIT_KINDS
                               and (p.get("point_source") or "").startswith("proxy")}
    return gold, folder / "articles"


def load_seeds(shared: Path) -> tuple[list[dict[str, Any]], Path]:
    folder = shared / "eval" / "seeds"
    gold = [json.loads(line) for line in (folder / "events.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    with open(folder / "places.csv", encoding="utf-8") as f:
        places = {row["name"]: row for row in csv.DictReader(f)}
    articles = ROOT / "seeds"
    texts = {p.name: p.read_text(encoding="utf-8") for p in articles.glob("*.txt")}
    for g in gold:
        # a proper name is capitalised and written in some article; the others are descriptions
        real = g["name"][:1].isupper() and any(g["name"] in t for t in texts.values())
        g["names"] = [g["name"]] if real else []
        g["name"] = g["name"] if real else None
        g["locations"] = [(float(places[n]["lat"]), float(places[n]["lon"])) for n in g["places"]
                          if places[n]["lat"]]
        g["location_countries"] = {places[n]["country"] for n in g["places"]
                                   if places[n]["kind"] == "country" and places[n]["lat"]}
        g["event_key"] = fold(g["name"]) if real else f"{g['article']}:{g['evidence'][:30]}"
        g["date_precision"] = None if g["start_date"] is None else (
            "day" if len(g["start_date"]) == 10 else "month" if len(g["start_date"]) == 7 else "year")
    return gold, articles


# --------------------------------------------------------------------------
# scoring

def predicted_reports(events) -> list[dict[str, Any]]:
    """One dict per (event, article): the report, its evidence spans and the event id."""
    from geodrills.events import event_details

    out = []
    for row in events.itertuples(index=False):
        details = event_details(row.details)
        spans = defaultdict(list)
        for e in details["evidence"]:
            spans[e["article"]].append((e["start"], e["end"]))
        for rep in details["reports"]:
            out.append({**rep, "event_id": row.event_id, "event_name": row.name, "label": row.label,
                        "spans": spans.get(rep["article"], [])})
    return out


def score(gold: list[dict[str, Any]], folder: Path, events) -> dict[str, Any]:
    texts = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.txt")}
    reports = predicted_reports(events)
    by_article = defaultdict(list)
    for r in reports:
        by_article[r["article"]].append(r)
    gold_spans = defaultdict(list)
    for g in gold:
        g["span"] = squash_find(texts[g["article"]], g["evidence"])
        if g["span"] is None:
            raise SystemExit(f"gold evidence not found in {g['article']}: {g['evidence'][:60]!r}")
        gold_spans[g["article"]].append(g["span"])

    def overlaps(spans, span) -> bool:
        return any(a < span[1] and span[0] < b for a, b in spans)

    s = {k: 0 for k in ("gold", "found", "named", "name", "dated", "start", "located", "location",
                        "with_participants", "participants", "unnamed", "unnamed_ok", "location_km")}
    s["gold"] = len(gold)
    s["totals"] = {"named": 0, "dated": 0, "located": 0, "with_participants": 0, "unnamed": 0}
    misses: list[str] = []
    matched: dict[int, dict[str, Any]] = {}
    for i, g in enumerate(gold):
        tot = s["totals"]
        tot["named"] += bool(g["names"])
        tot["dated"] += g["start_date"] is not None
        tot["located"] += bool(g["locations"])
        tot["with_participants"] += bool(g["participants"])
        tot["unnamed"] += not g["names"]
        cands = [r for r in by_article[g["article"]] if overlaps(r["spans"], g["span"])]
        if len(cands) > 1:  # a sentence reporting two exercises: the one the gold quote names
            named = [r for r in cands if any(fold(n) == fold(r["name"]) for n in g["names"])]
            described = [r for r in cands if r["label"] and fold(r["label"]) in fold(g["evidence"])]
            cands = named or described or cands
        tag = f"{g['article'][:2]} {g.get('event_key', '')}"
        if not cands:
            misses.append(f"{tag}: not found ({g['evidence'][:70]!r})")
            continue
        r = cands[0]
        matched[i] = r
        s["found"] += 1
        if g["names"]:
            s["named"] += 1
            # the event's name: a report that does not write it gets it from the articles it merged with
            ok = fold(r["event_name"]) in {fold(n) for n in g["names"]}
            s["name"] += ok
            if not ok:
                misses.append(f"{tag}: name {r['event_name']!r}, gold {g['names'][0]!r}")
        else:
            s["unnamed"] += 1
            s["unnamed_ok"] += r["event_name"] is None
            if r["event_name"] is not None:
                misses.append(f"{tag}: named {r['event_name']!r}, gold unnamed")
        if g["start_date"] is not None:
            s["dated"] += 1
            got = r["start_date"] or ""
            ok = len(got) >= len(g["start_date"]) and got[:len(g["start_date"])] == g["start_date"]
            s["start"] += ok
            if not ok:
                misses.append(f"{tag}: start {r['start_date']!r}, gold {g['start_date']!r}")
        if g["locations"]:
            s["located"] += 1
            near = any(km(la, lo, p["lat"], p["lon"]) <= LOCATION_KM for la, lo in g["locations"] for p in r["locations"])
            # the gold gives a country by its capital's point; a predicted country is the same place
            # when it is that country, wherever its own point lies
            same_country = any(p["kind"] == "country" and p["country"] in g["location_countries"]
                               for p in r["locations"])
            # likewise a unit the gold gives by a proxy point (Uttarakhand by Dehradun): a predicted unit of
            # that country whose name is the gold's, with or without a generic word ("Fujian Sheng")
            same_unit = any(p["kind"] in UNIT_KINDS and any(
                p["country"] == cc and (fold(p["name"]).startswith(name) or name.startswith(fold(p["name"])))
                for cc, name in g.get("location_units", ())) for p in r["locations"])
            ok = near or same_country or same_unit
            s["location"] += ok
            s["location_km"] += near
            if not ok:
                misses.append(f"{tag}: locations {[p['name'] for p in r['locations']]}")
        if g["participants"]:
            s["with_participants"] += 1
            ok = sorted(r["participants"]) == sorted(g["participants"])
            s["participants"] += ok
            if not ok:
                misses.append(f"{tag}: participants {sorted(r['participants'])}, gold {sorted(g['participants'])}")
    real = sum(1 for r in reports if any(overlaps(gold_spans[r["article"]], sp) for sp in r["spans"]))
    s["predicted"] = len(reports)
    s["real"] = real
    for r in reports:
        if not any(overlaps(gold_spans[r["article"]], sp) for sp in r["spans"]):
            misses.append(f"{r['article'][:2]} spurious: {r['event_name'] or r['label']!r} "
                          f"({[sp for sp in r['spans']][:1]})")
    keys = defaultdict(list)
    for i, g in enumerate(gold):
        keys[g["event_key"]].append(i)
    multi = {k: v for k, v in keys.items() if len({gold[i]["article"] for i in v}) > 1}
    s["merges_gold"] = len(multi)
    s["merges"] = 0
    for k, idx in sorted(multi.items()):
        ids = {matched[i]["event_id"] if i in matched else None for i in idx}
        ok = len(ids) == 1 and None not in ids
        s["merges"] += ok
        if not ok:
            misses.append(f"merge {k}: {len(ids)} events")
    s["misses"] = misses
    return s


def line(s: dict[str, Any]) -> str:
    t = s["totals"]
    rec = s["found"] / s["gold"] if s["gold"] else 0.0
    prec = s["real"] / s["predicted"] if s["predicted"] else 0.0
    return (f"recall {rec:.2f} ({s['found']}/{s['gold']})  precision {prec:.2f} ({s['real']}/{s['predicted']})\n"
            f"  name {s['name']}/{s['named']} (of all named gold {t['named']})  "
            f"start date {s['start']}/{s['dated']} (of {t['dated']})  "
            f"location<= {LOCATION_KM:.0f} km or same country/unit {s['location']}/{s['located']} (of {t['located']}; "
            f"by distance alone {s['location_km']})  "
            f"participants {s['participants']}/{s['with_participants']} (of {t['with_participants']})\n"
            f"  unnamed kept unnamed {s['unnamed_ok']}/{s['unnamed']}  merges {s['merges']}/{s['merges_gold']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--drills", action="store_true")
    parser.add_argument("--seeds", action="store_true")
    parser.add_argument("--misses", action="store_true", help="list every miss")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    sets = [name for name in ("drills", "seeds") if getattr(args, name)] or ["drills", "seeds"]
    shared = shared_dir()
    from geodrills.articles import read_articles
    from geodrills.events import extract_events

    results = {}
    for name in sets:
        try:
            gold, folder = (load_drills if name == "drills" else load_seeds)(shared)
        except FileNotFoundError as exc:
            print(f"{name}: gold data missing ({exc}); set GEODRILLS_SHARED", file=sys.stderr)
            return 2
        t0 = time.perf_counter()
        events = extract_events(read_articles(folder), progress=False)
        seconds = time.perf_counter() - t0
        s = score(gold, folder, events)
        results[name] = {k: v for k, v in s.items()}
        print(f"{name}: {len(events)} events from {len(list(folder.glob('*.txt')))} articles in {seconds:.1f} s")
        print("  " + line(s))
        if args.misses:
            for m in s["misses"]:
                print("    -", m)
    print(f"targets (issue 17): {TARGETS}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
