"""Dump every mention the geoparser finds on the seeds and GeoWebNews, for before/after compares.

Usage::

    python benchmarks/dump_geoparse.py OUT.tsv [--no-gwn]

One line per mention: article, start, end, text, place id, score (rounded to
1e-9), precision, tab-separated, in a fixed order.  Two dumps of the same
inputs are byte-identical when a refactoring changed nothing the geoparser
returns: ``cmp before.tsv after.tsv``.  GeoWebNews is read in place from
``shared/benchmarks/geowebnews`` (see ``benchmarks/scoring.py``) and skipped
with a message when absent.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))

import scoring  # noqa: E402


def _rows(name: str, text: str):
    from geodrills import geoparse

    for m in geoparse(text):
        pid = m.place.id if m.place is not None else ""
        yield "\t".join([name, str(m.start), str(m.end), repr(m.text), pid, f"{round(m.score, 9):.9f}", m.precision])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--no-gwn", action="store_true", help="the seeds only")
    args = ap.parse_args(argv)
    lines: list[str] = []
    for path in sorted((HERE.parent / "seeds").glob("*.txt")):
        from geodrills.articles import read_article

        lines.extend(_rows("seeds/" + path.name, read_article(path)))
    if not args.no_gwn:
        try:
            corpus = scoring.load_gwn()
        except scoring.ScoringDataError as exc:
            print(f"GeoWebNews skipped: {exc}", file=sys.stderr)
        else:
            for doc in sorted(corpus.texts):
                lines.extend(_rows("gwn/" + doc, corpus.texts[doc]))
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} mentions -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
