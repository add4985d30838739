"""Events at corpus scale: ``geodrills events`` against ``geodrills geocode`` on the same files.

Usage::

    python benchmarks/bench_events.py [--sizes 100,1000,5000] [--keep DIR]

For each size N it writes two corpora of N article files built from the
repo's seeds (and the drills dev articles when ``../shared`` exists):

* **copies**: the articles repeated verbatim (what a scraper that fetched the
  same wire story many times gives); copies add article ids, not events;
* **dated**: the same articles, each copy with its own date header (one day
  apart) and its own last line, so no file is a duplicate of another and every
  file is extracted, and same-named exercises merge into very large groups.

and times, in fresh processes, ``geodrills geocode DIR -o F`` (the baseline)
and ``geodrills events DIR -o F``, printing wall seconds, the ratio
events/geocode (issue 17's target: <= 3 at 5,000 articles) and the events
found, and the peak resident memory (MB) of each command's main process
(``resource.getrusage`` in the child).  Time per article should stay flat as N
grows (linear cost); the events process should not grow with the corpus's text.

With ``--hostile`` it times instead the event stages alone (places given, so
the geoparser's own cost is left out) on single articles built by
generators of hostile text -- one sentence of cues and places, thousands of
distinct names, quoted names, dates -- at 50 KB and 200 KB: the ratio should
be near 4 (linear), not 16 (quadratic).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
_HEADER = re.compile(r"\A[ \t\ufeff]*date[ \t]+\d{4}-\d{2}-\d{2}[ \t]*\n?")


def sources() -> list[tuple[str, str]]:
    """(name, text) of the articles copies are made from."""
    out = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((REPO / "seeds").glob("*.txt"))]
    shared = Path(os.environ.get("GEODRILLS_SHARED", REPO.parent / "shared")) / "eval" / "drills" / "articles"
    if shared.is_dir():
        out += [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(shared.glob("*.txt"))]
    else:
        print(f"note: {shared} not found; copies of the seeds only")
    return out


def write_corpus(folder: Path, n: int, *, dated: bool) -> None:
    folder.mkdir(parents=True)
    src = sources()
    base = dt.date(2015, 1, 1)
    for i in range(n):
        name, text = src[i % len(src)]
        if dated:
            day = base + dt.timedelta(days=i // len(src))
            # its own date and its own last line: no file repeats another, for events or for geocode
            text = f" date {day.isoformat()}\n" + _HEADER.sub("", text, count=1).rstrip("\n") + \
                f"\nFiled by desk {i} on {day.isoformat()}.\n"
        (folder / f"{i:05d}_{name}.txt").write_text(text, encoding="utf-8")


# Runs the CLI in this process and reports its peak resident memory (its own and its worker processes').
_RSS_WRAPPER = """
import resource, runpy, sys
sys.argv = ["geodrills", *sys.argv[1:]]
try:
    runpy.run_module("geodrills", run_name="__main__")
finally:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"peak-rss-kb {own} {workers}", file=sys.stderr)
"""


def run(command: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB of the main process) of ``geodrills COMMAND`` in a fresh process."""
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _RSS_WRAPPER, *command], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"geodrills {' '.join(command)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    rss = re.search(r"peak-rss-kb (\d+) (\d+)", proc.stderr)
    return seconds, int(rss.group(1)) / 1024 if rss else float("nan")  # Linux: ru_maxrss is in KiB


HOSTILE = {
    "one sentence of cues and places": lambda i: "Turkish troops held drills in Kars and Azerbaijani forces "
                                                 "exercises near Baku, ",
    "distinct names": lambda i: f"Troops held the Alpha{i % 9973} {i % 90 + 10} drills in Kars and Baku. ",
    "quoted names": lambda i: f'The "Eagle {i}" exercise, named Storm {i % 97}, ',
    "dates": lambda i: f"drills on Monday until October {i % 28 + 1} from 9 to 16 September, ",
}


def hostile(sizes: tuple[int, ...] = (50_000, 200_000)) -> None:
    sys.path.insert(0, str(REPO))
    from geodrills.articles import Article
    from geodrills.events import extract_events
    from geodrills.mentions import geoparse

    print(f"{'generator':34} " + " ".join(f"{s // 1000:>6} KB" for s in sizes) + "  ratio")
    for name, make in HOSTILE.items():
        times = []
        for size in sizes:
            parts, n, i = [], 0, 0
            while n < size:
                part = make(i)
                parts.append(part)
                n, i = n + len(part), i + 1
            article = Article.from_text(" date 2021-02-01\nT\n" + "".join(parts) + "\n", "h.txt")
            mentions = {"h.txt": list(geoparse(article))}
            t0 = time.perf_counter()
            extract_events([article], mentions=mentions, progress=False)
            times.append(time.perf_counter() - t0)
        print(f"{name:34} " + " ".join(f"{t:8.2f}s" for t in times) + f"  {times[-1] / times[0]:5.1f}", flush=True)
    print(f"linear: ratio near {sizes[-1] / sizes[0]:.0f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--keep", metavar="DIR", help="build the corpora here and keep them")
    parser.add_argument("--hostile", action="store_true", help="time hostile single articles instead")
    args = parser.parse_args(argv)
    if args.hostile:
        hostile()
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench_events_"))
    print(f"{'corpus':8} {'articles':>8} {'geocode s':>10} {'events s':>9} {'ratio':>6} "
          f"{'ms/article':>10} {'events':>7} {'max articles/event':>18} {'geocode MB':>10} {'events MB':>9}")
    try:
        for dated in (False, True):
            for n in sizes:
                folder = root / f"{'dated' if dated else 'copies'}_{n}"
                if not folder.exists():
                    write_corpus(folder, n, dated=dated)
                out_g, out_e = root / f"g_{folder.name}.jsonl", root / f"e_{folder.name}.jsonl"
                geocode, geocode_mb = run(["geocode", str(folder), "-o", str(out_g)])
                events, events_mb = run(["events", str(folder), "-o", str(out_e)])
                rows = [json.loads(line) for line in out_e.read_text(encoding="utf-8").splitlines() if line]
                biggest = max((len(r["articles"]) for r in rows), default=0)
                print(f"{folder.name.split('_')[0]:8} {n:8,} {geocode:10.1f} {events:9.1f} {events / geocode:6.2f} "
                      f"{1000 * events / n:10.1f} {len(rows):7,} {biggest:18,} {geocode_mb:10.0f} {events_mb:9.0f}",
                      flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    print("target (issue 17): events within 3x of geocode at 5,000 articles; ms/article flat as N grows; "
          "MB: peak resident memory of the main process (it should grow with the events, not the corpus)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
