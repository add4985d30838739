"""Evaluate ``geodrills.check_claims`` on the claim gold of both dev sets.

Usage::

    python benchmarks/eval_claims.py [--drills] [--seeds] [--errors] [--json FILE]

With neither flag both corpora run: ``../shared/eval/drills`` (20 articles,
77 claims, 12 doubtful) and ``../shared/eval/seeds`` (the five seed articles of
``seeds/``, 9 claims).  ``GEODRILLS_SHARED`` overrides where ``shared`` is.

Matching (one-to-one, per article): a predicted row matches a gold claim
when their spans overlap and their kinds are equal; among several candidates
the one with the same object (border pair, country or place name) is taken
first, then the one with the largest overlap.  The seeds' older vocabulary is
mapped: ``km`` -> ``km_from``, ``plausible`` -> ``supported``; their object is
the border country, compared with the predicted object's countries; their
``on`` (the older taxonomy had no ``across``) also matches an ``across`` row.
Among rows on one span (one claim per subject: "the towns of A, B and C"),
the one whose subject opens the gold subject's name is preferred.

Figures, per kind and in all:

* **found**: gold claims with a match;
* **doubtful caught**: gold doubtful claims whose match says ``doubtful``;
* **false alarms**: predicted ``doubtful`` rows that are not a caught gold
  doubtful claim (matched to a supported/unverifiable claim, or to no claim);
* **agreement**: matched pairs with the same verdict, over the matched pairs;
* **extra**: predicted rows that match no gold claim (found claims the gold
  does not list, or noise).

Exit code 0 when it ran, 2 when the gold data is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run from a checkout without installing

KINDS = ["near", "on", "borders", "km_from", "direction", "within", "length", "across"]
_OLD_KIND = {"km": "km_from"}
_OLD_VERDICT = {"plausible": "supported"}


def shared_dir() -> Path:
    return Path(os.environ.get("GEODRILLS_SHARED", HERE.parent.parent / "shared"))


def load_gold(corpus: str) -> tuple[list[dict], Path]:
    base = shared_dir() / "eval" / corpus
    rows = [json.loads(line) for line in (base / "claims.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    for r in rows:
        r["kind"] = _OLD_KIND.get(r.get("kind") or r.get("claim"), r.get("kind") or r.get("claim"))
        r["verdict"] = _OLD_VERDICT.get(r.get("verdict") or r.get("your_verdict"),
                                        r.get("verdict") or r.get("your_verdict"))
        if r.get("object") is None and r.get("border_country"):
            r["object"] = r["border_country"]
    articles = base / "articles" if (base / "articles").is_dir() else HERE.parent / "seeds"
    return rows, articles


def predict(articles: Path) -> list[dict]:
    from geodrills.claims import check_claims

    df = check_claims(articles)
    rows = []
    for r in df.to_dict("records"):
        kind = r.get("kind") or r.get("claim")
        r["kind"] = _OLD_KIND.get(kind, kind)
        obj = r.get("object")
        r["object"] = obj if isinstance(obj, str) else (r.get("border") or r.get("border_country"))
        rows.append(r)
    return rows


def _same_object(pred: str | None, gold: str | None) -> bool:
    if not isinstance(pred, str) or not isinstance(gold, str):
        return False
    if pred.casefold() == gold.casefold():
        return True
    if len(gold) == 2:  # a seed's border country against a predicted pair
        return gold in pred.split("-")
    return gold.casefold() in pred.casefold() or pred.casefold() in gold.casefold()


def _same_subject(pred: dict, gold: dict) -> bool:
    """The predicted subject's name opens the gold subject ("Alytus" / "Alytus, LT"): rows sharing a span."""
    name, want = pred.get("subject"), gold.get("subject") or gold.get("place")
    if not isinstance(name, str) or not isinstance(want, str) or not name:
        return False
    return want.casefold().startswith(name.casefold())


def _kind_matches(pred_kind: str, gold: dict) -> bool:
    """Equal kinds; the seeds' older taxonomy had no ``across``: their ``on`` covers "across the Araz River"."""
    return pred_kind == gold["kind"] or (gold.get("claim") is not None and gold["kind"] == "on"
                                         and pred_kind == "across")


def match(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict | None]]:
    """One-to-one matching of gold claims to predicted rows (see the module docstring)."""
    by_art: dict[str, list[dict]] = defaultdict(list)
    for p in pred:
        by_art[p["article"]].append(p)
    used: set[int] = set()
    out = []
    for g in sorted(gold, key=lambda r: (r["article"], r["start"], r["end"])):
        best, key = None, None
        for p in by_art.get(g["article"], []):
            if id(p) in used or not _kind_matches(p["kind"], g):
                continue
            ov = min(p["end"], g["end"]) - max(p["start"], g["start"])
            if ov <= 0:
                continue
            k = (_same_object(p.get("object"), g.get("object")), _same_subject(p, g), ov)
            if key is None or k > key:
                best, key = p, k
        if best is not None:
            used.add(id(best))
        out.append((g, best))
    return out


def score(gold: list[dict], pred: list[dict]) -> dict[str, Counter]:
    pairs = match(gold, pred)
    matched_ids = {id(p) for _g, p in pairs if p is not None}
    tally: dict[str, Counter] = defaultdict(Counter)
    for g, p in pairs:
        for k in (g["kind"], "all"):
            t = tally[k]
            t["gold"] += 1
            t["gold_doubtful"] += g["verdict"] == "doubtful"
            if p is None:
                continue
            t["found"] += 1
            t["agree"] += p["verdict"] == g["verdict"]
            if p["verdict"] == "doubtful":
                if g["verdict"] == "doubtful":
                    t["caught"] += 1
                else:
                    t["false_alarm"] += 1
    for p in pred:
        if id(p) in matched_ids:
            continue
        for k in (p["kind"], "all"):
            tally[k]["extra"] += 1
            tally[k]["false_alarm"] += p["verdict"] == "doubtful"
    return tally


def report(name: str, tally: dict[str, Counter], seconds: float) -> None:
    print(f"\n== {name}: {tally['all']['gold']} gold claims, {seconds:.1f} s")
    print(f"{'kind':<10} {'found':>9} {'doubtful caught':>16} {'false alarms':>13} {'agreement':>10} {'extra':>6}")
    for k in [*KINDS, "all"]:
        t = tally.get(k)
        if not t:
            continue
        found = f"{t['found']}/{t['gold']}"
        pct = f"{100 * t['found'] / t['gold']:.0f}%" if t["gold"] else "-"
        agree = f"{100 * t['agree'] / t['found']:.0f}%" if t["found"] else "-"
        print(f"{k:<10} {found:>5} {pct:>4} {t['caught']:>7}/{t['gold_doubtful']:<8} {t['false_alarm']:>13} "
              f"{agree:>10} {t['extra']:>6}")


def errors(gold: list[dict], pred: list[dict]) -> None:
    for g, p in match(gold, pred):
        if p is None:
            print(f"  MISSED  {g['article'][:14]} {g['kind']:<9} {g['verdict']:<12} {g['text']!r}")
        elif p["verdict"] != g["verdict"]:
            print(f"  VERDICT {g['article'][:14]} {g['kind']:<9} gold {g['verdict']:<12} got {p['verdict']:<12} "
                  f"{g['text']!r}: {p.get('reason')}")
    matched = {id(p) for _g, p in match(gold, pred) if p is not None}
    for p in pred:
        if id(p) not in matched:
            print(f"  EXTRA   {p['article'][:14]} {p['kind']:<9} {p['verdict']:<12} {p['text']!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--drills", action="store_true")
    ap.add_argument("--seeds", action="store_true")
    ap.add_argument("--errors", action="store_true", help="list misses, wrong verdicts and extra rows")
    ap.add_argument("--json", metavar="FILE", help="also write the tallies as JSON")
    args = ap.parse_args(argv)
    corpora = [c for c, on in (("drills", args.drills), ("seeds", args.seeds)) if on] or ["drills", "seeds"]
    out = {}
    for corpus in corpora:
        try:
            gold, articles = load_gold(corpus)
        except OSError as exc:
            print(f"eval_claims: {corpus} gold not found ({exc}); set GEODRILLS_SHARED", file=sys.stderr)
            return 2
        t = time.perf_counter()
        pred = predict(articles)
        tally = score(gold, pred)
        report(corpus, tally, time.perf_counter() - t)
        if args.errors:
            errors(gold, pred)
        out[corpus] = {k: dict(v) for k, v in tally.items()}
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
