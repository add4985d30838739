"""Benchmark: is every stage linear in the size of its input, for any input?

    python benchmarks/bench_linear.py                       # 100 KB vs 400 KB, every generator x stage
    python benchmarks/bench_linear.py --sizes 100 400 1600 --stages geoparse
    python benchmarks/bench_linear.py --timeout 60          # a case slower than this is reported, not waited for
    python benchmarks/bench_linear.py --sizes 100 400 4900 --stages geoparse   # up to the 5 MB read cap

Hostile or merely odd input must not make geodrills slow: one 400 KB file of
repeated web chrome once took 74 s to geoparse, 40 KB of "A-" 9.8 s to check
for claims.  Each *generator* below writes text of a given size whose shape
once triggered (or could trigger) superlinear work; each *stage* is one
public entry point run on it as a single article:

* ``geoparse``: :func:`geodrills.geoparse` (finding and resolving places);
* ``claims``: :func:`geodrills.claims.extract_claims` on the article and its mentions;
* ``events``: :func:`geodrills.extract_events` on the article.

For every stage and generator it prints the seconds at each size, the
growth ratio between consecutive sizes (4.0 is linear for 100 → 400 KB; the
bar is ≤ 5) and the cost per MB against the **baseline**: the same stage on
the seed articles concatenated and repeated to the same size, measured in the
same run (the bar is ≤ 3x).  Each case runs in its own process with a time
limit, so a quadratic case is reported as ``>LIMIT`` instead of hanging.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: Growth allowed between consecutive sizes, as a multiple of the size ratio (4x size -> <= 5x time).
MAX_GROWTH = 1.25
#: Cost per MB allowed, as a multiple of the seeds' cost per MB at the same size.
MAX_PER_MB_VS_SEEDS = 3.0


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // max(1, len(unit)) + 1))[:size]


def _seeds_text() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))


#: name -> function(size in characters) -> article text.  Each says what it once broke.
GENERATORS: dict[str, Callable[[int], str]] = {
    # the baseline: real news, the five seeds one after another, repeated
    "seeds": lambda n: _repeat(_seeds_text() + "\n\n", n),
    # web chrome lines between place names (boilerplate spans x words)
    "boilerplate": lambda n: _repeat("Menu\nKars and Baku\n", n),
    # demonyms and places alternating in one sentence (demonyms x candidates)
    "demonyms": lambda n: _repeat("Turkish Kars Iranian Astara Azerbaijani Baku Armenian Gyumri ", n),
    # demonyms and places in many short sentences
    "demonym_sentences": lambda n: _repeat("Turkish troops drilled in Kars. Iranian guards stood in Astara. ", n),
    # one endless sentence of places (list siblings, local context)
    "places_sentence": lambda n: _repeat("Kars, Baku, Astara, Imishli, Jabrayil, Nakhchivan, Tbilisi and ", n),
    # hyphen runs (a claims regex once backtracked on them)
    "a_dash": lambda n: _repeat("A-", n),
    # numbers and units with no place (km-claim patterns)
    "units": lambda n: _repeat("5 km from 10-km 3 miles north of the 40 km-long ", n),
    # capitalised words with no place (multi-word name scanning)
    "capitals": lambda n: _repeat("The Big Red Army Of The North West Group ", n),
    # exercise words everywhere (event cues, name and date scanning)
    "drill_words": lambda n: _repeat("joint military exercises \"Eagle 2024\" drills on Monday near Kars; ", n),
    # template and markup characters
    "braces": lambda n: _repeat("{{ x }} {% y %} {# z #} <b>Kars</b> ", n),
    # no white space at all
    "one_word": lambda n: _repeat("Kars", n),
    # distinct unknown capitalised words after a place cue: each may ask for a guessed spelling
    "guesses": lambda n: _guesses(n),
}


def _guesses(size: int) -> str:
    letters = "bcdfghklmnprstvz"
    words = []
    for i in range(size // 14 + 1):
        w, k = "", i
        for _ in range(5):
            w, k = w + letters[k % 16] + "a", k // 16
        words.append(f"near Ka{w}n, ")
    return "".join(words)[:size]


def _run_stage(stage: str, text: str) -> None:
    from geodrills.articles import Article

    article = Article.from_text(text, "bench.txt")
    if stage == "geoparse":
        from geodrills import geoparse

        geoparse(article)
    elif stage == "claims":
        from geodrills import geoparse
        from geodrills.claims import extract_claims

        extract_claims(article, geoparse(article))
    elif stage == "events":
        from geodrills import extract_events

        extract_events([article])
    else:
        raise SystemExit(f"unknown stage {stage!r}")


def run_one(stage: str, generator: str, size_kb: int) -> float:
    """Seconds for one stage on one generated article (in this process, data warmed first)."""
    # load the bundled data and compile the regexes first, on text that shares no name with any generator
    _run_stage(stage, "Warm-up\n\nTroops gathered near Lyon, France, on Monday for joint military exercises.")
    text = GENERATORS[generator](size_kb * 1000)
    t0 = time.perf_counter()
    _run_stage(stage, text)
    return time.perf_counter() - t0


def run_isolated(stage: str, generator: str, size_kb: int, timeout: float) -> float | None:
    """:func:`run_one` in a child process; None when it runs past ``timeout`` seconds."""
    cmd = [sys.executable, __file__, "--one", stage, generator, str(size_kb)]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    except subprocess.CalledProcessError as exc:
        raise SystemExit(f"{stage}/{generator}/{size_kb} KB failed:\n{exc.stderr}") from None
    return float(json.loads(out.stdout.strip().splitlines()[-1])["seconds"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 400], help="article sizes, KB (default 100 400)")
    ap.add_argument("--stages", nargs="+", default=["geoparse", "claims", "events"])
    ap.add_argument("--generators", nargs="+", default=list(GENERATORS), choices=list(GENERATORS))
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds allowed per case (default 120)")
    ap.add_argument("--one", nargs=3, metavar=("STAGE", "GENERATOR", "KB"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        stage, generator, kb = args.one
        print(json.dumps({"seconds": run_one(stage, generator, int(kb))}))
        return 0

    sizes = sorted(args.sizes)
    generators = ["seeds"] + [g for g in args.generators if g != "seeds"]
    failed = []
    print(f"per-case limit {args.timeout:.0f} s; growth bar <= {MAX_GROWTH:.2f} x size ratio; "
          f"per-MB bar <= {MAX_PER_MB_VS_SEEDS:.0f}x the seeds (baseline, same run)")
    for stage in args.stages:
        print(f"\n== {stage}")
        print(f"{'generator':<18}" + "".join(f"{str(s) + ' KB':>10}" for s in sizes)
              + f"{'growth':>9}{'s/MB':>9}{'x seeds':>9}")
        base_per_mb = None
        for gen in generators:
            secs = [run_isolated(stage, gen, s, args.timeout) for s in sizes]
            cells = "".join(f"{'>' + str(int(args.timeout)) if t is None else f'{t:.3f}':>10}" for t in secs)
            growth = per_mb = vs = None
            if all(t is not None for t in secs) and len(sizes) > 1:
                growth = max(secs[i + 1] / max(secs[i], 1e-3) / (sizes[i + 1] / sizes[i])
                             for i in range(len(sizes) - 1))
            if secs[-1] is not None:
                per_mb = secs[-1] / (sizes[-1] / 1000)
                if gen == "seeds":
                    base_per_mb = per_mb
                vs = per_mb / base_per_mb if base_per_mb else None
            ok = (growth is not None and growth <= MAX_GROWTH) or len(sizes) == 1
            ok = ok and (vs is None or vs <= MAX_PER_MB_VS_SEEDS) and secs[-1] is not None
            # tiny absolute times are noise, not growth
            if secs[-1] is not None and secs[-1] < 0.05 and (vs is None or vs <= MAX_PER_MB_VS_SEEDS):
                ok = True
            if not ok:
                failed.append(f"{stage}/{gen}")
            print(f"{gen:<18}{cells}"
                  f"{'' if growth is None else f'{growth * (sizes[-1] / sizes[-2] if len(sizes) > 1 else 1):.2f}':>9}"
                  f"{'' if per_mb is None else f'{per_mb:.2f}':>9}{'' if vs is None else f'{vs:.2f}':>9}"
                  f"{'' if ok else '  <- over the bar'}")
    print("\n(growth: time ratio between consecutive sizes, worst pair; 4x size is linear at 4.00)")
    if failed:
        print("over the bar: " + ", ".join(failed))
        return 1
    print("every stage is linear on every generator")
    return 0


if __name__ == "__main__":
    sys.exit(main())
