"""Geoparsing speed against geotext, end-to-end CLI time, and what ``import geodrills`` pulls in.

Usage::

    python benchmarks/bench_geoparse.py [--seconds S] [--rounds N] [--predictor MODULE:FUNC]

1. **Throughput**, side by side in one run on the same texts (the five seeds,
   and the 200 GeoWebNews texts when ``../shared`` exists): docs/s and MB/s
   (UTF-8 bytes) of ``geodrills.mentions.geoparse`` (extract + resolve) and of
   ``geotext.GeoText`` 0.4.0 (a regex name-finder, no resolution), both warm
   (gazetteer and geotext index loaded before timing), best of ``--rounds``
   timed passes of at least ``--seconds`` each.  Prints the ratio
   geoparse/geotext; issue 3's target is >= 0.25.
2. **CLI**: wall time of ``geodrills geocode seeds/000*.txt`` in a fresh
   process (median and best of 5); target <= 0.5 s.
3. **Imports**: whether ``import geodrills`` (and the geocode command) import
   folium or geopandas, from ``sys.modules`` and ``python -X importtime``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(REPO))

import scoring  # noqa: E402

DEFAULT_PREDICTOR = "geodrills.mentions:geoparse"
HEAVY = ("folium", "geopandas")


def corpora() -> dict[str, list[str]]:
    """Benchmark texts: the repo's seeds (always) and GeoWebNews (when ../shared exists)."""
    out = {"seeds": [p.read_bytes().decode("utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]}
    try:
        gwn = scoring.load_gwn()
    except scoring.ScoringDataError as exc:
        print(f"note: GeoWebNews skipped ({exc})")
    else:
        out["GeoWebNews"] = [gwn.texts[d] for d in sorted(gwn.texts)]
    return out


def throughput(fn: Callable[[str], object], texts: list[str], seconds: float, rounds: int) -> float:
    """Best docs/s over ``rounds`` timed passes, each repeating the texts for >= ``seconds``."""
    best = 0.0
    for _ in range(rounds):
        n = 0
        t0 = time.perf_counter()
        while True:
            for t in texts:
                fn(t)
            n += len(texts)
            el = time.perf_counter() - t0
            if el >= seconds:
                break
        best = max(best, n / el)
    return best


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def geocode_command() -> list[str]:
    exe = shutil.which("geodrills", path=str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
    return [exe] if exe else [sys.executable, "-m", "geodrills"]


def cli_timing(runs: int = 5) -> int:
    files = sorted(str(p.relative_to(REPO)) for p in (REPO / "seeds").glob("000*.txt"))
    cmd = geocode_command() + ["geocode", *files]
    walls = []
    for _ in range(runs):
        t0 = time.perf_counter()
        out = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, env=_env())
        walls.append(time.perf_counter() - t0)
    print(f"\nCLI end to end: (cd {REPO} && {' '.join(cmd)})")
    if out.returncode not in (0, 1):
        print(f"  FAILED with exit code {out.returncode}: {out.stderr.strip()[-500:]}")
        return 2
    lines = [x for x in out.stdout.splitlines() if x.strip()]
    med, best = statistics.median(walls), min(walls)
    print(f"  {len(lines)} output lines; wall median {med:.3f} s, best {best:.3f} s over {runs} runs "
          f"(target <= 0.5 s: {'MET' if med <= 0.5 else 'not met'})")
    return 0


def import_check() -> int:
    rc = 0
    snippet = f"import sys, geodrills; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", snippet], capture_output=True, text=True, cwd=REPO, env=_env())
    heavy = out.stdout.strip()
    print(f"\nimports: {sys.executable} -c \"{snippet}\"")
    if out.returncode:
        print(f"  FAILED: {out.stderr.strip()[-300:]}")
        return 2
    print(f"  import geodrills loads: {heavy or 'neither folium nor geopandas'} ({'BAD' if heavy else 'ok'})")
    rc |= bool(heavy)
    cmd = [sys.executable, "-X", "importtime", "-c", "import geodrills"]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, env=_env())
    total = _importtime_of(out.stderr, "geodrills")
    print(f"  {' '.join(cmd)}: geodrills cumulative {total / 1e3:.1f} ms" if total is not None else "  importtime: n/a")
    files = sorted(str(p.relative_to(REPO)) for p in (REPO / "seeds").glob("000*.txt"))
    cmd = [sys.executable, "-X", "importtime", "-m", "geodrills", "geocode", *files]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, env=_env())
    loaded = sorted({m for m in HEAVY if _importtime_of(out.stderr, m) is not None})
    if out.returncode not in (0, 1):
        print(f"  {' '.join(cmd)}: command failed (exit {out.returncode}), import check of geocode not meaningful")
        return rc | 2
    print(f"  {' '.join(cmd)}: loads {', '.join(loaded) or 'neither folium nor geopandas'} "
          f"({'BAD' if loaded else 'ok'})")
    rc |= bool(loaded)
    return rc


def _importtime_of(stderr: str, module: str) -> int | None:
    """Cumulative microseconds of ``module`` in ``-X importtime`` output, None if not imported."""
    for line in stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[2].strip() == module:
            return int(parts[1])
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Geoparse speed vs geotext, CLI wall time, import check.")
    ap.add_argument("--seconds", type=float, default=2.0, help="minimum seconds per timed pass (default 2)")
    ap.add_argument("--rounds", type=int, default=3, help="timed passes per measurement, best kept (default 3)")
    ap.add_argument("--predictor", default=DEFAULT_PREDICTOR, metavar="MODULE:FUNC",
                    help="geoparser to time (default %(default)s)")
    args = ap.parse_args(argv)
    print(f"command: python benchmarks/bench_geoparse.py {' '.join(sys.argv[1:] if argv is None else argv)}")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")

    from geotext import GeoText

    import baseline_geotext

    baseline_geotext._check_version("geotext", baseline_geotext.GEOTEXT_VERSION)
    module, _, func = args.predictor.partition(":")
    rc = 0
    try:
        geoparse = getattr(importlib.import_module(module), func or "geoparse")
    except Exception as exc:
        print(f"cannot import {args.predictor}: {type(exc).__name__}: {exc}")
        geoparse = None
        rc = 2

    texts = corpora()
    if geoparse is not None:
        t0 = time.perf_counter()
        geoparse(texts["seeds"][0])  # first call loads the gazetteer; keep it out of the throughput
        print(f"first geoparse call (loads the gazetteer): {time.perf_counter() - t0:.3f} s")
    print(f"\n{'corpus':<11} {'docs':>5} {'avg chars':>9}  {'geotext docs/s':>14} {'MB/s':>6}  "
          f"{'geoparse docs/s':>15} {'MB/s':>6}  ratio (target >= 0.25)")
    for name, docs in texts.items():
        mb = sum(len(t.encode("utf-8")) for t in docs) / 1e6
        gt = throughput(GeoText, docs, args.seconds, args.rounds)
        line = f"{name:<11} {len(docs):>5} {sum(map(len, docs)) / len(docs):>9.0f}  {gt:>14,.0f} {gt * mb / len(docs):>6.1f}"
        if geoparse is not None:
            gp = throughput(geoparse, docs, args.seconds, args.rounds)
            ratio = gp / gt
            line += f"  {gp:>15,.0f} {gp * mb / len(docs):>6.1f}  {ratio:.2f}x {'MET' if ratio >= 0.25 else 'not met'}"
        print(line)
    if geoparse is not None:
        rc |= cli_timing()
    rc |= import_check()
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
