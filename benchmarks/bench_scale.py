"""Scale benchmark: ``geodrills geocode`` over a synthetic Parquet corpus at growing sizes.

The corpus cycles through the GeoWebNews texts (read in place from
``../shared/benchmarks/geowebnews/GWN.xml``, GPL: never copied into the repo)
and the repo's seeds, one article per row (``id``, ``date``, ``title``,
``text``), written into a temporary folder.  Each mode runs the real CLI:

* ``jobs1``: ``geodrills geocode corpus.parquet -o out.parquet --jobs 1``
* ``jobs2``: the same with ``--jobs 2``
* ``dask2``: ``--dask ADDRESS`` on a cluster started as the README says
  (``dask scheduler``; ``dask worker ADDRESS --nworkers 2 --nthreads 1`` with
  :data:`geodrills.dask.WORKER_ENVIRON`: Dask's profiler off), a fresh one for
  each size so that each run is measured on its own

and prints wall time, articles/s, ms per article, CPU ms per article (the
CLI, its workers, and for ``dask2`` the scheduler and workers too; ``parent``:
the CLI's own process alone), and peak memory of the whole process tree (sum
of RSS, and of PSS, which counts shared pages once), sampled every
:data:`SAMPLE_S` seconds.  Baseline: ``jobs1`` at the same size, measured in
the same run; the ratios printed are the ``jobs2``/``jobs1`` speed-up (in wall
time, and the one the CPU figures allow on two free cores, for a machine that
other work keeps busy: see the load average column) and each size's
ms/article against the smallest size's.

Memory over a run: ``RSS profile`` is the peak total RSS in each fifth of
the run (:func:`profile`): peaks that rise fifth after fifth are a leak or an
accumulator, a rise in the first fifth only is start-up (the gazetteer, the
first output row group).  ``--trace DIR`` writes every sample of every process
(CLI, pool workers, Dask scheduler and workers) to ``DIR/MODE_SIZE.csv``.  The
closing lines read off the issue's bars: cost per article at most 20 % above the smallest size's, peak
RSS flat (within :data:`FLAT_RSS`), ``--jobs 2`` at least 1.8x ``--jobs 1``.

Usage::

    python benchmarks/bench_scale.py 10000 100000          # sizes as arguments
    python benchmarks/bench_scale.py 1000 --modes jobs1 jobs2
    python benchmarks/bench_scale.py 300000 --modes dask2 --trace /tmp/trace   # RSS of every process over time
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
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
GWN = ROOT.parent / "shared" / "benchmarks" / "geowebnews" / "GWN.xml"

#: Seconds between memory samples.
SAMPLE_S = 0.2
#: Slices of each run whose peak RSS is printed (``RSS profile``): a leak shows as peaks rising slice
#: after slice, a one-off step (start-up, the first output buffer) as a rise in the first slice only.
PROFILE_SLICES = 5
#: Peak RSS ratio (a size / the smallest, same mode) still called flat in the verdict lines.
FLAT_RSS = 1.10
#: Cost per article ratio (a size / the smallest) still called constant (issue 18: within 20 %).  Only a
#: rise counts against it: the smallest size also pays the start-up, so larger ones come out cheaper.
CONSTANT_COST = 1.20
#: ``--jobs 2`` / ``--jobs 1`` wall-time speed-up wanted on two cores (issue 18).
SPEED_UP = 1.8
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
    """Peak sum of RSS and PSS over processes and their descendants, sampled in a thread.

    Every sample is kept: :attr:`samples` holds ``(seconds, total RSS, total PSS)`` for
    :func:`profile`, and :attr:`trace` one ``(seconds, pid, role, RSS, PSS)`` per process for
    ``--trace`` (roles: the names given with the pids; ``NAME/child`` for their descendants).
    """

    def __init__(self, *pids: int, names: tuple[str, ...] = ()) -> None:
        import psutil

        self.roots = [psutil.Process(pid) for pid in pids]
        self.names = list(names) + [f"process{i}" for i in range(len(names), len(pids))]
        self.rss = self.pss = 0
        self.first_cpu = 0.0  # CPU seconds of the first process alone (the CLI's parent), last seen
        self.samples: list[tuple[float, int, int]] = []
        self.trace: list[tuple[float, int, str, int, int]] = []
        self._t0 = time.perf_counter()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        import psutil

        rss = pss = 0
        procs = []
        for root, name in zip(self.roots, self.names):
            with contextlib.suppress(psutil.Error):
                procs += [(root, name)] + [(c, f"{name}/child") for c in root.children(recursive=True)]
        with contextlib.suppress(psutil.Error):
            t = self.roots[0].cpu_times()
            self.first_cpu = t.user + t.system
        now = time.perf_counter() - self._t0
        for p, name in procs:
            with contextlib.suppress(psutil.Error):
                info = p.memory_full_info()
                rss += info.rss
                pss += getattr(info, "pss", info.rss)
                self.trace.append((now, p.pid, name, info.rss, getattr(info, "pss", info.rss)))
        if procs:
            self.samples.append((now, rss, pss))
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


def profile(samples: list[tuple[float, int, int]], slices: int = PROFILE_SLICES) -> list[int]:
    """Peak total RSS in each of ``slices`` equal spans of the run's time (articles flow at a steady
    rate, so equal times are roughly equal numbers of articles).

    >>> profile([(0.0, 5, 0), (1.0, 7, 0), (2.0, 6, 0), (3.0, 9, 0)], slices=2)
    [7, 9]
    """
    if not samples:
        return []
    end = samples[-1][0] or 1.0
    peaks = [0] * slices
    for t, rss, _ in samples:
        i = min(slices - 1, int(slices * t / end))
        peaks[i] = max(peaks[i], rss)
    return peaks


def write_trace(path: Path, mem: PeakMemory) -> None:
    """One CSV row per process per sample: seconds, pid, role, RSS and PSS in MB."""
    import csv

    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["seconds", "pid", "role", "rss_mb", "pss_mb"])
        out.writerows((f"{t:.1f}", pid, role, f"{rss / 1e6:.1f}", f"{pss / 1e6:.1f}")
                      for t, pid, role, rss, pss in mem.trace)


def _cpu_of_children() -> float:
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


class DaskCluster:
    """``dask scheduler`` and ``dask worker --nworkers 2 --nthreads 1`` as the README starts them
    (the workers with :data:`geodrills.dask.WORKER_ENVIRON`)."""

    def __init__(self, workers: int = 2) -> None:
        self.workers = workers
        self.address = f"tcp://127.0.0.1:{_free_port()}"

    def __enter__(self) -> DaskCluster:
        py = sys.executable
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        port = self.address.rsplit(":", 1)[1]
        self.scheduler = subprocess.Popen([py, "-m", "distributed.cli.dask_scheduler", "--port", port,
                                           "--no-dashboard"], env=_env(), **quiet)
        from geodrills.dask import WORKER_ENVIRON

        self.worker = subprocess.Popen([py, "-m", "distributed.cli.dask_worker", self.address, "--nworkers",
                                        str(self.workers), "--nthreads", "1", "--no-dashboard"],
                                       env=dict(_env(), **WORKER_ENVIRON), **quiet)
        from distributed import Client

        with Client(self.address, timeout="60s") as client:
            client.wait_for_workers(self.workers, timeout=120)
        return self

    def __exit__(self, *exc: object) -> None:
        for proc in (self.worker, self.scheduler):
            proc.terminate()
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))


def run_geocode(corpus: Path, out: Path, extra: list[str], watch: tuple[int, ...] = (),
                names: tuple[str, ...] = ()) -> tuple[float, PeakMemory, float]:
    """Wall seconds, the memory samples of the CLI's tree (and of ``watch``, called ``names``), and
    CPU seconds of the CLI and its workers (the cluster's CPU is counted when it exits, see :func:`main`);
    the CLI's own CPU seconds are ``mem.first_cpu`` (sampled: up to :data:`SAMPLE_S` short)."""
    cmd = [sys.executable, "-m", "geodrills", "geocode", str(corpus), "-o", str(out), *extra]
    cpu0 = _cpu_of_children()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=_env(), stderr=subprocess.PIPE, text=True)
    with PeakMemory(proc.pid, *watch, names=("cli", *names)) as mem:
        _, err = proc.communicate()
    wall = time.perf_counter() - t0
    cpu = _cpu_of_children() - cpu0
    if proc.returncode != 0:
        raise SystemExit(f"geocode failed ({proc.returncode}): {err[-2000:]}")
    return wall, mem, cpu


class Result(NamedTuple):
    """One mode at one size."""

    wall: float  # seconds
    rss: int  # peak total RSS, bytes
    pss: int  # peak total PSS, bytes
    cpu: float  # CPU seconds of every process involved
    parent: float  # CPU seconds of the CLI's own process
    peaks: list[int]  # peak total RSS in each slice of the run (:func:`profile`)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--modes", nargs="+", default=["jobs1", "jobs2", "dask2"], choices=["jobs1", "jobs2", "dask2"])
    ap.add_argument("--workdir", type=Path, default=None, help="where the corpora go (default: a temp folder)")
    ap.add_argument("--gwn", type=Path, default=GWN, help=f"GeoWebNews GWN.xml (default {GWN})")
    ap.add_argument("--trace", type=Path, default=None, metavar="DIR",
                    help="write every memory sample of every process to DIR/MODE_SIZE.csv")
    args = ap.parse_args(argv)
    if args.trace:
        args.trace.mkdir(parents=True, exist_ok=True)
    if args.workdir:
        Path(args.workdir).mkdir(parents=True, exist_ok=True)
    texts = source_texts(args.gwn)
    chars = sum(len(t) for _, t in texts) / len(texts)
    print(f"source: {len(texts)} texts (GeoWebNews + seeds), mean {chars:,.0f} characters; "
          f"{os.cpu_count()} cores; python {sys.version.split()[0]}")
    results: dict[tuple[str, int], Result] = {}
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        for n in args.sizes:
            corpus = Path(tmp) / f"corpus_{n}.parquet"
            t0 = time.perf_counter()
            make_corpus(corpus, n, texts)
            print(f"\n{n:,} rows: corpus {corpus.stat().st_size / 1e6:,.1f} MB written in "
                  f"{time.perf_counter() - t0:,.1f} s")
            print(f"{'mode':<6} {'wall s':>9} {'art/s':>8} {'ms/art':>7} {'cpu ms/art':>10} {'parent':>7} "
                  f"{'RSS MB':>8} {'PSS MB':>8} {'out MB':>7}  load  RSS profile MB (peak per {100 // PROFILE_SLICES} % of the run)")
            for mode in args.modes:
                out = Path(tmp) / f"out_{mode}_{n}.parquet"
                results[(mode, n)] = res = _run_mode(mode, corpus, out, n, args.trace)
                load = os.getloadavg()[0]  # other work on the machine slows every figure but cpu ms/art
                peaks = " ".join(f"{p / 1e6:,.0f}" for p in res.peaks)
                print(f"{mode:<6} {res.wall:>9,.1f} {n / res.wall:>8,.1f} {1000 * res.wall / n:>7.2f} "
                      f"{1000 * res.cpu / n:>10.2f} {1000 * res.parent / n:>7.2f} {res.rss / 1e6:>8,.0f} "
                      f"{res.pss / 1e6:>8,.0f} {out.stat().st_size / 1e6:>7,.1f}  {load:>4.1f}  {peaks}", flush=True)
                if mode != "jobs1":
                    out.unlink()
            if "jobs1" in args.modes:
                for mode in args.modes:
                    if mode != "jobs1" and (mode, n) in results:
                        r1, r = results[("jobs1", n)], results[(mode, n)]
                        # on a busy machine wall time says little: also the speed-up the CPU figures allow
                        # with two free cores (the parent and the two workers' share each on one core)
                        bound = r1.cpu / max(r.parent, (r.cpu - r.parent) / 2)
                        print(f"speed-up {mode} / jobs1 at {n:,}: {r1.wall / r.wall:.2f}x wall, "
                              f"{bound:.2f}x by CPU on 2 free cores (load {os.getloadavg()[0]:.1f})"
                              + (f"  [bar >= {SPEED_UP}x: {_verdict(r1.wall / r.wall >= SPEED_UP)}]"
                                 if mode == "jobs2" else ""))
                (Path(tmp) / f"out_jobs1_{n}.parquet").unlink()
            corpus.unlink()
    _summary(results, args.modes, args.sizes)
    return 0


def _run_mode(mode: str, corpus: Path, out: Path, n: int, trace: Path | None) -> Result:
    if mode == "dask2":
        cpu0 = _cpu_of_children()
        with DaskCluster(2) as cluster:
            wall, mem, _ = run_geocode(corpus, out, ["--dask", cluster.address],
                                       watch=(cluster.scheduler.pid, cluster.worker.pid),
                                       names=("scheduler", "dask-worker"))
        cpu = _cpu_of_children() - cpu0  # the CLI, the scheduler and the workers, once they exited
    else:
        wall, mem, cpu = run_geocode(corpus, out, ["--jobs", mode[-1]])
    if trace:
        write_trace(trace / f"{mode}_{n}.csv", mem)
    return Result(wall, mem.rss, mem.pss, cpu, mem.first_cpu, profile(mem.samples))


def _summary(results: dict[tuple[str, int], Result], modes: list[str], sizes: list[int]) -> None:
    """Each size against the smallest, per mode: the issue's bars, read off directly."""
    print("\nper-article cost and memory across sizes (vs the smallest size, same mode):")
    for mode in modes:
        done = [n for n in sizes if (mode, n) in results]
        if len(done) < 2:
            continue
        base = results[(mode, done[0])]
        for n in done[1:]:
            r = results[(mode, n)]
            cost = (r.wall / n) / (base.wall / done[0])
            cpu = (r.cpu / n) / (base.cpu / done[0])
            print(f"{mode}: {n:,} vs {done[0]:,}: ms/article x{cost:.2f}, cpu ms/article x{cpu:.2f} "
                  f"[at most +{CONSTANT_COST - 1:.0%}: {_verdict(max(cost, cpu) <= CONSTANT_COST)}], "
                  f"peak RSS x{r.rss / base.rss:.2f} [flat, <= x{FLAT_RSS}: {_verdict(r.rss / base.rss <= FLAT_RSS)}], "
                  f"peak PSS x{r.pss / base.pss:.2f}")


def _verdict(ok: bool) -> str:
    return "yes" if ok else "NO"


if __name__ == "__main__":
    sys.exit(main())
