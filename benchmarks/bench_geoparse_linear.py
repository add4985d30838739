"""Geoparsing time against input size: is the cost per megabyte flat for any input?

Usage::

    python benchmarks/bench_geoparse_linear.py [--sizes 100,400] [--big]

Each generator makes one article of the given size (kB of UTF-8) from a
repeated unit, the hostile shapes of issue 14 next to ordinary news:

- ``seeds``: the five seed articles concatenated (the baseline: news);
- ``boilerplate``: ``"Menu\\nKars and Baku\\n"`` (short boilerplate lines);
- ``demonyms``: ``"Turkish Kars Iranian Astara "`` (demonym/place alternation);
- ``one-sentence``: ``"Kars, Baku, Astara and Imishli, "`` (one sentence of places);
- ``capitals``: ``"Alpha Beta Gamma Delta "`` (capitalised words, none a place);
- ``guesses``: ``"near Kabababan, near Kacababan, …"`` (distinct unknown words after a place cue:
  each may ask the gazetteer for another spelling).

It prints seconds (best of 3 below 1 MB, each with a cold gazetteer) and s/MB per size, the ratio of the largest size's time to
the smallest's (linear: the size ratio, 4 for 400/100; the target is <= 5),
and each generator's s/MB over the seeds' at the same size (target <= 3).
``--big`` adds 4,900 kB (just under the 5 MB read cap).  Exit 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

UNITS = {
    "boilerplate": "Menu\nKars and Baku\n",
    "demonyms": "Turkish Kars Iranian Astara ",
    "one-sentence": "Kars, Baku, Astara and Imishli, ",
    "capitals": "Alpha Beta Gamma Delta ",
}


def _guesses(n: int) -> str:
    """Distinct unknown capitalised words after "near": each asks for a guessed spelling."""
    letters = "bcdfghklmnprstvz"
    words = []
    for i in range(n):
        w, k = "", i
        for _ in range(4):
            w, k = w + letters[k % 16] + "a", k // 16
        words.append(f"near Ka{w}n, ")
    return "".join(words)


def make(kind: str, kb: int) -> str:
    """An article of about ``kb`` kilobytes (UTF-8) built from generator ``kind``."""
    if kind == "guesses":
        text = _guesses(kb * 1000 // 16)
        return "Title\n\n" + text[:kb * 1000] + "\n"
    if kind == "seeds":
        unit = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((HERE.parent / "seeds").glob("*.txt")))
    else:
        unit = UNITS[kind]
    n = max(1, kb * 1000 // len(unit.encode("utf-8")))
    return "Title\n\n" + unit * n + "\n"


def timed(text: str, rounds: int = 1) -> float:
    """Best wall seconds of ``rounds`` geoparses of ``text`` (article parsing included), each with a
    freshly loaded gazetteer (loaded and warmed on another text outside the timing), so no round
    profits from the caches an earlier one filled for this text (names' readings, guessed spellings)."""
    from geodrills import Gazetteer, geoparse
    from geodrills.articles import Article

    best = float("inf")
    for _ in range(rounds):
        gaz = Gazetteer()
        geoparse("Troops gathered in Kars, Turkey.", gazetteer=gaz)  # its lazy columns, not this text's names
        t0 = time.perf_counter()
        geoparse(Article.from_text(text, name="bench.txt"), gazetteer=gaz)
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Geoparse time vs input size, per generator.")
    ap.add_argument("--sizes", default="100,400", help="kB sizes, comma-separated (default 100,400)")
    ap.add_argument("--big", action="store_true", help="also 4900 kB")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")] + ([4900] if args.big else [])
    timed("Troops in Kars.")  # load the gazetteer outside the timing
    per_mb: dict[tuple[str, int], float] = {}
    ok = True
    print(f"{'generator':14} " + " ".join(f"{s:>7} kB s (s/MB)" for s in sizes) + "   ratio  vs seeds")
    for kind in ["seeds", *UNITS, "guesses"]:
        secs = []
        for kb in sizes:
            text = make(kind, kb)
            mb = len(text.encode("utf-8")) / 1e6
            t = timed(text, rounds=1 if kb > 1000 else 3)
            secs.append(t)
            per_mb[kind, kb] = t / mb
        ratio = secs[-1] / secs[0] * (sizes[0] / sizes[-1]) * 4 if len(sizes) > 1 else 1.0
        worst = max(per_mb[kind, kb] / per_mb["seeds", kb] for kb in sizes)
        ok = ok and ratio <= 5 and worst <= 3
        cells = " ".join(f"{t:8.2f} ({per_mb[kind, kb]:6.2f})" for t, kb in zip(secs, sizes))
        print(f"{kind:14} {cells}   {ratio:5.2f}  {worst:5.2f}x")
    print("ratio: time(largest)/time(smallest), scaled to a 4x size step (linear = 4, target <= 5); "
          "vs seeds: worst s/MB over the seeds' s/MB at the same size (target <= 3)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
