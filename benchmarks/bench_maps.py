"""Benchmark: render and save drills maps; print seconds and bytes.

    python benchmarks/bench_maps.py            # seeds (offline + online), 2,000 places, 10,000 places / 5,000 articles

Cases:

* seeds: geoparse the five seed articles, then render + save their map
  (offline and online); the geoparse time is shown apart.
* synthetic: 2,000 random places (fixed seed, 40% over the Caucasus, the
  rest in eight other countries) in 50 articles, rendered and saved offline;
  then 10,000 places in 5,000 articles (the issue's "stays usable" size).

Targets (issue 19): the seeds' page <= 1 MB, 5,000 articles <= 8 MB;
opening them in Chromium (<= 2 s) is checked by tests/test_maps_browser.py.

Baseline: folium's own map of the same places (one ``folium.CircleMarker``
with a ``Popup`` per place, saved with ``Map.save``); the ratio is ours /
folium's.  Folium's page is not offline, safe or deterministic, so this
is what those properties cost.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


#: (country, south, west, north, east) boxes the synthetic places fall in: mostly the region, some the world
_BOXES = (("AZ", 38.5, 45.5, 41.8, 50.3), ("AM", 38.9, 43.5, 41.2, 46.5), ("TR", 36.5, 27.0, 41.9, 44.5),
          ("GE", 41.1, 40.1, 43.5, 46.6), ("IR", 27.0, 45.0, 39.5, 60.0), ("US", 30.0, -120.0, 47.0, -75.0),
          ("UA", 45.5, 23.0, 52.0, 39.0), ("IN", 10.0, 72.0, 30.0, 88.0), ("BR", -30.0, -60.0, -5.0, -38.0))


def synthetic_frame(n: int, seed: int = 7, *, articles: int | None = None):
    """``n`` random places (fixed seed) named in ``articles`` articles (default ``n // 40``).

    Each article names its own two or so places and one of 20 places every
    article keeps coming back to; sentences are news-length (about 200
    characters), dates spread over 2021.
    """
    import pandas as pd

    rng = random.Random(seed)
    articles = articles or max(1, n // 40)
    kinds = [("city", "settlement"), ("town", "settlement"), ("village", "settlement"), ("admin1", "admin"),
             ("river", "feature"), ("region", "region")]
    pool = []
    for i in range(n):
        country, s, w, nn, e = _BOXES[0 if i % 10 < 4 else (i % len(_BOXES))]
        kind, precision = kinds[i % len(kinds)]
        pool.append((f"Place {i}", kind, precision, country, round(rng.uniform(s, nn), 5), round(rng.uniform(w, e), 5)))
    rows = []
    filler = ("Troops and armoured vehicles exercised near {name} on day {day}, the ministry said in a statement "
              "carried by the state news agency, adding that the drills would last until the end of the month.")
    for a in range(articles):
        own = range(a * n // articles, (a + 1) * n // articles)
        named = list(own) + [rng.randrange(20)]
        for k, i in enumerate(named):
            name, kind, precision, country, lat, lon = pool[i]
            sentence = filler.format(name=name, day=(a + k) % 28 + 1)
            rows.append(dict(article=f"{a:05d}.txt", title=f"Article {a}: drills near {pool[named[0]][0]}",
                             date=f"2021-{1 + a % 12:02d}-{1 + a % 28:02d}", start=k * 200, end=k * 200 + len(name),
                             text=name, name=name, kind=kind, country=country, admin1=None, lat=lat, lon=lon,
                             geonameid=None, place_id=f"syn:{i}", score=1.0, precision=precision, sentence=sentence))
    return pd.DataFrame(rows)


def folium_baseline(frame, path: Path) -> float:
    import folium

    t = time.perf_counter()
    m = folium.Map(location=[40, 45], zoom_start=6)
    for row in frame.itertuples(index=False):
        folium.CircleMarker([row.lat, row.lon], radius=6, popup=folium.Popup(str(row.sentence)),
                            tooltip=str(row.name)).add_to(m)
    m.save(str(path))
    return time.perf_counter() - t


def timed(label: str, fn, *args, **kwargs):
    t = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--places", type=int, default=2000, help="synthetic places (default 2000)")
    parser.add_argument("--big-articles", type=int, default=5000, help="articles of the large case (default 5000)")
    args = parser.parse_args(argv)
    import folium  # noqa: F401  (imported up front so no case pays for it)

    from geodrills import maps
    from geodrills.mentions import geoparse_frame

    out = Path(tempfile.mkdtemp(prefix="bench_maps_"))
    print(f"{'case':<34}{'render s':>10}{'save s':>9}{'bytes':>12}")

    seeds = ROOT / "seeds"
    frame, t_parse = timed("geoparse", geoparse_frame, seeds)
    print(f"{'seeds: geoparse (not counted)':<34}{t_parse:>10.2f}")
    # the first render loads the borders and gazetteer data: shown apart
    _, t_cold = timed("cold", maps.drills_map, frame, offline=True)
    print(f"{'seeds: first render (data loads)':<34}{t_cold:>10.2f}")
    for offline in (True, False):
        m, t_render = timed("render", maps.drills_map, frame, offline=offline, rings_km=(25,), rings_around=["Kars"])
        path, t_save = timed("save", maps.save_map, m, out / f"seeds_{offline}.html")
        label = f"seeds: {'offline' if offline else 'online'}"
        print(f"{label:<34}{t_render:>10.2f}{t_save:>9.2f}{path.stat().st_size:>12,}")

    syn = synthetic_frame(args.places)
    m, t_render = timed("render", maps.drills_map, syn, offline=True)
    path, t_save = timed("save", maps.save_map, m, out / "synthetic.html")
    ours = t_render + t_save
    print(f"{f'synthetic {args.places:,}: offline':<34}{t_render:>10.2f}{t_save:>9.2f}{path.stat().st_size:>12,}")
    big = synthetic_frame(2 * args.big_articles, articles=args.big_articles)
    m, t_render = timed("render", maps.drills_map, big, offline=True)
    path, t_save = timed("save", maps.save_map, m, out / "synthetic_big.html")
    label = f"synthetic {2 * args.big_articles:,} / {args.big_articles:,} art."
    print(f"{label:<34}{t_render:>10.2f}{t_save:>9.2f}{path.stat().st_size:>12,}")
    base = folium_baseline(syn, out / "folium.html")
    size = (out / "folium.html").stat().st_size
    print(f"{f'baseline folium {args.places:,} (online)':<34}{base:>10.2f}{'':>9}{size:>12,}")
    print(f"ratio ours/folium, render+save: {ours / base:.2f}x   (files in {out})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
