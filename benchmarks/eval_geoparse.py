"""Evaluate geodrills' geoparser on the seeds dev set and on GeoWebNews.

Usage::

    python benchmarks/eval_geoparse.py [--seeds] [--gwn] [--errors N] [--no-baseline] [--ceiling] [--json FILE]

With neither ``--seeds`` nor ``--gwn`` both corpora are run.  For each corpus it
prints mention precision / recall / F1 (overlap matching, one-to-one) and
Acc@161 (geodesic; also with country mentions scored by ISO2 code) for
``geodrills.mentions.geoparse`` and for the geotext baseline, then for the seeds
the issue-3 traps and for GeoWebNews the published end-to-end figures, and the
time spent in each stage of the geoparser (scan, demonyms, context, score and accept).  The
gold selection and matching rules are documented in ``benchmarks/scoring.py``.

Exit code: 0 when geodrills ran (whatever its scores), 2 when it could not be
imported or the gold data is missing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))  # run from a checkout without installing

import scoring  # noqa: E402

#: EUPEG end-to-end geoparsing results on GeoWebNews (Wang & Hu, EUPEG, and the issue):
#: system -> (F1, Acc@161)
PUBLISHED_GWN: dict[str, tuple[float, float]] = {
    "CLAVIN (EUPEG)": (0.549, 0.937),
    "Edinburgh Geoparser (EUPEG)": (0.650, 0.921),
    "CamCoder (EUPEG)": (0.691, 0.839),
}
#: shared/PERFORMANCE-NOTES.md: geotext + most-populous-match, overlap matching
NOTES_BASELINE_F1 = {"seeds": 0.871, "GeoWebNews": 0.538}
DEFAULT_PREDICTOR = "geodrills.mentions:geoparse"
#: issue 3's quality bars
TARGETS = {"seeds": (0.95, 0.98), "GeoWebNews": (0.80, 0.95), "GeoWebNews (adjectives neutral)": (0.80, 0.95)}


def geodrills_predictor(spec: str = "geodrills.mentions:geoparse") -> Callable[[str, str], list[scoring.Prediction]]:
    """The geoparser named by ``module:function`` wrapped to return scorer predictions.

    The function takes a text and returns mentions with ``start``, ``end``,
    ``text`` and ``place`` (None or an object with ``lat``, ``lon``,
    ``country``, ``kind``, ``name``, ``id``), like ``geodrills.mentions.geoparse``.
    """
    import importlib

    module, _, func = spec.partition(":")
    geoparse = getattr(importlib.import_module(module), func or "geoparse")

    def predict(doc: str, text: str) -> list[scoring.Prediction]:
        return [scoring.to_prediction(doc, m) for m in geoparse(text)]

    return predict


def run_predictor(
    corpus: scoring.Corpus, predict: Callable[[str, str], list[scoring.Prediction]]
) -> tuple[dict[str, list[scoring.Prediction]], float, list[str]]:
    """Predictions per document, wall seconds, and per-document failures (never fatal)."""
    out: dict[str, list[scoring.Prediction]] = {}
    failures: list[str] = []
    try:
        predict("<warm-up>", "Troops gathered in Kars, Turkey.")  # loads the gazetteer outside the timing
    except Exception:
        pass  # the real documents will report it
    t0 = time.perf_counter()
    for doc in sorted(corpus.texts):
        try:
            out[doc] = predict(doc, corpus.texts[doc])
        except Exception as exc:  # one bad document must not hide the others' scores
            failures.append(f"{doc}: {type(exc).__name__}: {exc}")
            out[doc] = []
    return out, time.perf_counter() - t0, failures


#: The geoparser's stages, as the names ``geodrills.mentions`` calls them by: (label, attribute).
STAGES = (("scan (names in the text, cues)", "find_candidates"), ("demonyms", "find_demonyms"),
          ("context (demonyms next to names)", "local_countries"), ("score and accept", "resolve_candidates"))


def stage_timings(corpus: scoring.Corpus) -> dict[str, float]:
    """Seconds spent in each stage of ``geodrills.mentions.geoparse`` over the corpus (warm, one pass).

    The stages are timed by wrapping the functions the geoparse module calls, for this pass only.
    """
    import importlib

    from geodrills.articles import Article

    mod = importlib.import_module("geodrills.mentions")
    spent: dict[str, float] = {label: 0.0 for label, _ in STAGES}
    originals = {attr: getattr(mod, attr) for _, attr in STAGES}

    def timed(label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[label] += time.perf_counter() - t0
        return wrapper

    articles = [Article.from_text(corpus.texts[d], name=d) for d in sorted(corpus.texts)]
    for a in articles:
        mod.geoparse(a)  # warm: the gazetteer's name caches
    try:
        for label, attr in STAGES:
            setattr(mod, attr, timed(label, originals[attr]))
        t0 = time.perf_counter()
        for a in articles:
            mod.geoparse(a)
        total = time.perf_counter() - t0
    finally:
        for attr, fn in originals.items():
            setattr(mod, attr, fn)
    spent["other (article, mentions)"] = total - sum(spent.values())
    spent["total"] = total
    return spent


def check_offsets(corpus: scoring.Corpus, preds: dict[str, list[scoring.Prediction]]) -> list[str]:
    """Predictions whose ``text`` is not ``doc_text[start:end]`` (the CLI contract)."""
    bad = []
    for doc, ps in preds.items():
        t = corpus.texts[doc]
        for p in ps:
            if p.text and t[p.start : p.end] != p.text:
                bad.append(f"{doc} [{p.start}:{p.end}] text {p.text!r} but the document has {t[p.start:p.end]!r}")
    return bad


def ceiling_acc161(corpus: scoring.Corpus, preds: dict[str, list[scoring.Prediction]]) -> float:
    """Acc@161 (countries by code) if every matched mention had taken the best reading of its name.

    A diagnostic for the resolver's headroom: a matched mention counts as right
    when the chosen point, or any gazetteer reading of the span's name
    (``geodrills.resolve.name_entry`` of its folded text), is within 161 km
    of the gold point (for countries: has the gold country code).  What stays
    wrong needs points or places the bundled gazetteer does not have.
    """
    from geodrills.gazetteer import Gazetteer
    from geodrills.normalize import fold
    from geodrills.resolve import name_entry

    gaz = Gazetteer.default()
    codes = gaz.meta["countries"]
    close = tp = 0
    by_doc = corpus.gold_by_doc()
    for doc, pred in preds.items():
        gold, pred = by_doc.get(doc, []), sorted(pred, key=lambda p: (p.start, p.end))
        for i, j in scoring.match_spans(gold, pred):
            g, p = gold[i], pred[j]
            entry = name_entry(gaz, " ".join(fold(p.text).split()))
            readings = [p] if p.resolved else []
            if entry is not None:
                readings += [scoring.Prediction(doc, p.start, p.end, lat=la, lon=lo, country=codes[c] or None)
                             for la, lo, c in zip(entry.lat, entry.lon, entry.countries)]
            tp += 1
            close += any((r.country == g.country) if g.is_country else scoring.gold_distance_km(g, r) <= 161.0
                         for r in readings)
    return close / tp if tp else 0.0


def _row(label: str, s: scoring.Score) -> str:
    return (f"  {label:<34} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  "
            f"Acc@161 {s.acc161:.3f}  (countries by code {s.acc161_cc:.3f})  "
            f"tp {s.tp} fp {s.fp} fn {s.fn} ign {s.ignored}")


def evaluate(corpus: scoring.Corpus, args: argparse.Namespace, report: dict[str, Any]) -> bool:
    print(f"\n== {corpus.name}: {len(corpus.texts)} documents, {len(corpus.gold)} gold toponyms")
    for note in corpus.notes:
        print(f"  note: {note}")
    ok = True
    rep: dict[str, Any] = {}
    try:
        predict = geodrills_predictor(args.predictor)
    except Exception as exc:
        print(f"  geodrills: cannot import {args.predictor} ({type(exc).__name__}: {exc})")
        ok = False
        s = None
    else:
        preds, secs, failures = run_predictor(corpus, predict)
        s = scoring.score(corpus, preds)
        print(_row(args.predictor.split(":")[-1] if args.predictor != DEFAULT_PREDICTOR else "geodrills.mentions", s) + f"  [{len(corpus.texts) / secs:.0f} docs/s warm]")
        for f in failures:
            print(f"  FAILED {f}")
        bad = check_offsets(corpus, preds)
        for b in bad[:10]:
            print(f"  OFFSET {b}")
        f1_bar, acc_bar = TARGETS[corpus.name]
        acc = s.acc161_cc
        print(f"  target F1 >= {f1_bar:.2f} and Acc@161 >= {acc_bar:.2f}: "
              f"{'MET' if s.f1 >= f1_bar and acc >= acc_bar else 'not met'} (F1 {s.f1:.3f}, Acc@161 {acc:.3f}"
              f"{' with countries by code' if corpus.name == 'seeds' else ' by code; ' + format(s.acc161, '.3f') + ' by distance'})")
        rep["geodrills"] = {**s.as_dict(), "failures": failures, "offset_errors": len(bad)}
        if args.predictor == DEFAULT_PREDICTOR:
            spent = stage_timings(corpus)
            total = spent["total"]
            print("  per stage (warm, one pass): " + " · ".join(
                f"{label} {1000 * sec / len(corpus.texts):.2f} ms/doc ({sec / total:.0%})"
                for label, sec in spent.items() if label != "total") + f" · total {total:.2f} s")
            rep["geodrills"]["stage_seconds"] = spent
        if args.ceiling and args.predictor == DEFAULT_PREDICTOR:
            ceiling = ceiling_acc161(corpus, preds)
            print(f"  ceiling: Acc@161 {ceiling:.3f} (countries by code) with the best reading of every matched "
                  f"name; the rest needs points the gazetteer does not have")
            rep["geodrills"]["acc161_cc_ceiling"] = ceiling
    if not args.no_baseline:
        import baseline_geotext

        b = baseline_geotext.GeotextBaseline.default()
        for spans in ("geotext", "all"):
            bs = scoring.score(corpus, baseline_geotext.predict_corpus(corpus, b, spans=spans))
            print(_row(f"geotext baseline (spans={spans})", bs))
            rep[f"baseline_{spans}"] = bs.as_dict()
        if corpus.name in NOTES_BASELINE_F1:
            print(f"  (PERFORMANCE-NOTES baseline F1: {NOTES_BASELINE_F1[corpus.name]:.3f})")
    if corpus.name.startswith("GeoWebNews"):
        print("  published end-to-end figures on GWN (EUPEG; their own gold selection and matching):")
        for name, (f1, acc) in PUBLISHED_GWN.items():
            beat = ""
            if s is not None:
                beat = "  <- geodrills beats both" if s.f1 > f1 and s.acc161 > acc else "  <- not beaten on both"
            print(f"    {name:<32} F1 {f1:.3f}  Acc@161 {acc:.3f}{beat}")
    if corpus.name == "seeds" and s is not None:
        traps = scoring.check_traps(corpus, preds)
        print("  traps:")
        for t in traps:
            state = "not exercised by the gold" if not t.checked else ("right" if t.ok else "WRONG")
            print(f"    {t.trap:<44} {t.right}/{t.checked} {state}")
            for f in t.failures[:5]:
                print(f"        {f}")
        rep["traps"] = {t.trap: {"checked": t.checked, "right": t.right, "failures": t.failures} for t in traps}
    if s is not None and args.errors:
        print(f"  first {args.errors} of {len(s.errors)} errors:")
        for e in s.errors[: args.errors]:
            print(f"    {e}")
    report[corpus.name] = rep
    return ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Evaluate geodrills' geoparser on the seeds and GeoWebNews.")
    ap.add_argument("--seeds", action="store_true", help="run the seeds dev set")
    ap.add_argument("--gwn", action="store_true", help="run GeoWebNews")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print the first N errors per corpus")
    ap.add_argument("--no-baseline", action="store_true", help="skip the geotext baseline (saves ~15 s)")
    ap.add_argument("--predictor", default=DEFAULT_PREDICTOR, metavar="MODULE:FUNC",
                    help="the geoparser to evaluate (default %(default)s); e.g. baseline_geotext:geoparse_like "
                         "checks the harness itself with the baseline")
    ap.add_argument("--ceiling", action="store_true",
                    help="also print Acc@161 with the best gazetteer reading of every matched name (headroom)")
    ap.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    args = ap.parse_args(argv)
    which = [name for name, on in (("seeds", args.seeds), ("gwn", args.gwn)) if on] or ["seeds", "gwn"]
    if "gwn" in which:
        # GWN counts adjectival modifiers ("Russian forces") as toponyms; our spec
        # does not return demonyms, so GWN is also reported with them neutral.
        which.append("gwn-adjectives-neutral")
    print(f"command: python benchmarks/eval_geoparse.py {' '.join(argv if argv is not None else sys.argv[1:])}")
    report: dict[str, Any] = {}
    ok = True
    for name in which:
        try:
            corpus = (scoring.load_seed_gold() if name == "seeds" else
                      scoring.load_gwn(adjectives="neutral" if name.endswith("neutral") else "gold"))
        except scoring.ScoringDataError as exc:
            print(f"\n== {name}: skipped, {exc}")
            ok = False
            continue
        try:
            ok = evaluate(corpus, args, report) and ok
        except Exception:
            traceback.print_exc()
            ok = False
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0 if ok else 2


if __name__ == "__main__":
    raise SystemExit(main())
