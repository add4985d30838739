"""Scale benchmark: ``geodrills geocode`` over a synthetic Parquet corpus at growing sizes.

The corpus cycles through the GeoWebNews texts (read in place from
``../shared/benchmarks/geowebnews/GWN.xml``, GPL: never copied into the repo)
and the repo's seeds, one article per row (``id``, ``date``, ``title``,
``text``), written into a temporary folder.  Each mode runs the real CLI:

* ``jobs1``: ``geodrills geocode corpus.parquet -o out.parquet --jobs 1``
* ``jobs2``: the same with ``--jobs 2``
* ``dask2``: ``--dask ADDRESS`` on a ``LocalCluster`` of 2 single-threaded worker processes

and prints wall time, articles/s, ms per article, and peak memory of the
whole process tree (sum of RSS, and of PSS, which counts shared pages once),
sampled every :data:`SAMPLE_S` seconds.  Baseline: ``jobs1`` at the same
size, measured in the same run; the ratios printed are ``jobs2``/``jobs1``
speed-up and each size's ms/article against the smallest size's.

Usage::

    python benchmarks/bench_scale.py 10000 100000          # sizes as arguments
    python benchmarks/bench_scale.py 1000 --modes jobs1 jobs2
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GWN = ROOT.parent / "shared" / "benchmarks" / "geowebnews" / "GWN.xml"

#: Seconds between memory samples.
SAMPLE_S = 0.2
#: Rows per Parquet row group of the generated corpus.
GROUP_ROWS = 10_000


def source_texts(gwn: Path = GWN) -> list[tuple[str, str]]:
    """(title, text) of every GeoWebNews article and seed."""
    out = []
    if gwn.is_file():
        for art in ET.parse(gwn).getroot().iter("article"):
            text = (art.findtext("text") or "").strip()
            if text:
                out.append(((art.findtext("title") or "").strip(), text))
    else:
        print(f"note: {gwn} not found; using the seeds only", file=sys.stderr)
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        out.append((p.stem, p.read_text(encoding="utf-8")))
    return out


def make_corpus(path: Path, rows: int, texts: list[tuple[str, str]]) -> None:
    """A Parquet corpus of ``rows`` articles cycling through ``texts``, written a row group at a time."""
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([("id", pa.string()), ("date", pa.string()), ("title", pa.string()), ("text", pa.string())])
    day0 = dt.date(2020, 1, 1)
    with pq.ParquetWriter(path, schema, compression="zstd") as w:
        for lo in range(0, rows, GROUP_ROWS):
            idx = range(lo, min(rows, lo + GROUP_ROWS))
            w.write_table(pa.table({
                "id": [f"a{i:08d}" for i in idx],
                "date": [(day0 + dt.timedelta(days=i % 1500)).isoformat() for i in idx],
                "title": [texts[i % len(texts)][0] for i in idx],
                "text": [texts[i % len(texts)][1] for i in idx],
            }, schema=schema))


class PeakMemory:
    """Peak sum of RSS and PSS over a process and its descendants, sampled in a thread."""

    def __init__(self, pid: int) -> None:
        import psutil

        self.root = psutil.Process(pid)
        self.rss = self.pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        import psutil

        rss = pss = 0
        try:
            procs = [self.root] + self.root.children(recursive=True)
        except psutil.Error:
            return
        for p in procs:
            with contextlib.suppress(psutil.Error):
                info = p.memory_full_info()
                rss += info.rss
                pss += getattr(info, "pss", info.rss)
        self.rss, self.pss = max(self.rss, rss), max(self.pss, pss)

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_S):
            self._sample()

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _cpu_of_children() -> float:
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _cpu_of_live_descendants() -> float:
    import psutil

    total = 0.0
    for p in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.Error):
            t = p.cpu_times()
            total += t.user + t.system
    return total


def run_geocode(corpus: Path, out: Path, extra: list[str], watch_self: bool) -> tuple[float, int, int, float]:
    """Wall seconds, peak RSS and PSS of the tree, CPU seconds of the CLI and its workers."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    cmd = [sys.executable, "-m", "geodrills", "geocode", str(corpus), "-o", str(out), *extra]
    cpu0, live0 = _cpu_of_children(), (_cpu_of_live_descendants() if watch_self else 0.0)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
    # dask: the workers are this process's children, so watch the whole tree from here
    with PeakMemory(os.getpid() if watch_self else proc.pid) as mem:
        _, err = proc.communicate()
    wall = time.perf_counter() - t0
    cpu = _cpu_of_children() - cpu0 + ((_cpu_of_live_descendants() - live0) if watch_self else 0.0)
    if proc.returncode != 0:
        raise SystemExit(f"geocode failed ({proc.returncode}): {err[-2000:]}")
    return wall, mem.rss, mem.pss, cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--modes", nargs="+", default=["jobs1", "jobs2", "dask2"], choices=["jobs1", "jobs2", "dask2"])
    ap.add_argument("--workdir", type=Path, default=None, help="where the corpora go (default: a temp folder)")
    ap.add_argument("--gwn", type=Path, default=GWN, help=f"GeoWebNews GWN.xml (default {GWN})")
    args = ap.parse_args(argv)
    texts = source_texts(args.gwn)
    chars = sum(len(t) for _, t in texts) / len(texts)
    print(f"source: {len(texts)} texts (GeoWebNews + seeds), mean {chars:,.0f} characters; "
          f"{os.cpu_count()} cores; python {sys.version.split()[0]}")
    cluster = client_addr = None
    if "dask2" in args.modes:
        from distributed import LocalCluster

        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        client_addr = cluster.scheduler_address
    results: dict[tuple[str, int], tuple[float, int, int]] = {}
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        for n in args.sizes:
            corpus = Path(tmp) / f"corpus_{n}.parquet"
            t0 = time.perf_counter()
            make_corpus(corpus, n, texts)
            print(f"\n{n:,} rows: corpus {corpus.stat().st_size / 1e6:,.1f} MB written in "
                  f"{time.perf_counter() - t0:,.1f} s")
            print(f"{'mode':<6} {'wall s':>9} {'art/s':>8} {'ms/art':>7} {'cpu ms/art':>10} {'RSS MB':>8} "
                  f"{'PSS MB':>8} {'out MB':>7}  load")
            for mode in args.modes:
                extra = {"jobs1": ["--jobs", "1"], "jobs2": ["--jobs", "2"], "dask2": ["--dask", str(client_addr)]}[mode]
                out = Path(tmp) / f"out_{mode}_{n}.parquet"
                wall, rss, pss, cpu = run_geocode(corpus, out, extra, watch_self=mode == "dask2")
                results[(mode, n)] = (wall, rss, pss, cpu)
                load = os.getloadavg()[0]  # other work on the machine slows every figure but cpu ms/art
                print(f"{mode:<6} {wall:>9,.1f} {n / wall:>8,.1f} {1000 * wall / n:>7.2f} {1000 * cpu / n:>10.2f} "
                      f"{rss / 1e6:>8,.0f} {pss / 1e6:>8,.0f} {out.stat().st_size / 1e6:>7,.1f}  {load:.1f}",
                      flush=True)
                if mode != "jobs1":
                    out.unlink()
            if "jobs1" in args.modes:
                ref = (Path(tmp) / f"out_jobs1_{n}.parquet")
                for mode in args.modes:
                    if mode != "jobs1" and (mode, n) in results:
                        print(f"speed-up {mode} / jobs1 at {n:,}: {results[('jobs1', n)][0] / results[(mode, n)][0]:.2f}x")
                ref.unlink()
            corpus.unlink()
    if cluster is not None:
        cluster.close()
    print("\nper-article cost and memory across sizes (vs the smallest size, same mode):")
    for mode in args.modes:
        sizes = [n for n in args.sizes if (mode, n) in results]
        if len(sizes) < 2:
            continue
        base = results[(mode, sizes[0])]
        for n in sizes[1:]:
            r = results[(mode, n)]
            print(f"{mode}: {n:,} vs {sizes[0]:,}: ms/article x{(r[0] / n) / (base[0] / sizes[0]):.2f}, "
                  f"cpu ms/article x{(r[3] / n) / (base[3] / sizes[0]):.2f}, "
                  f"peak RSS x{r[1] / base[1]:.2f}, peak PSS x{r[2] / base[2]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
