"""Benchmark: render and save drills maps; print seconds and bytes.

    python benchmarks/bench_maps.py            # seeds (offline + online) and 2,000 synthetic places

Cases:

* seeds: geoparse the five seed articles, then render + save their map
  (offline and online); the geoparse time is shown apart.
* synthetic: 2,000 random places (fixed seed) over the Caucasus in 50
  articles, each with a sentence, rendered and saved offline.

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


def synthetic_frame(n: int, seed: int = 7):
    import pandas as pd

    rng = random.Random(seed)
    kinds = [("city", "settlement"), ("town", "settlement"), ("village", "settlement"), ("admin1", "admin"),
             ("river", "feature"), ("region", "region")]
    countries = ["AZ", "AM", "TR", "GE", "IR"]
    rows = []
    for i in range(n):
        kind, precision = kinds[i % len(kinds)]
        name = f"Place {i}"
        sentence = f"Troops exercised near {name} on day {i % 30}, the ministry said."
        rows.append(dict(article=f"{i % 50:03d}.txt", title=f"Article {i % 50}", date=f"2021-02-{1 + i % 28:02d}",
                         start=i, end=i + len(name), text=name, name=name, kind=kind,
                         country=countries[i % len(countries)], admin1=None,
                         lat=round(rng.uniform(37.5, 42.5), 5), lon=round(rng.uniform(41.0, 50.0), 5),
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
    args = parser.parse_args(argv)
    import folium  # noqa: F401  (imported up front so no case pays for it)

    from geodrills import maps
    from geodrills.geoparse import geoparse_frame

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
    base = folium_baseline(syn, out / "folium.html")
    size = (out / "folium.html").stat().st_size
    print(f"{f'baseline folium {args.places:,} (online)':<34}{base:>10.2f}{'':>9}{size:>12,}")
    print(f"ratio ours/folium, render+save: {ours / base:.2f}x   (files in {out})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
