# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # The drills map: every article on one map, as a file that opens offline
#
# One map of everything the articles name: the places (coloured by country,
# shaped by how precise they are; a click quotes the sentences that name them),
# the international borders in view labelled by country pair, a line from each
# place to its nearest border point with the distance, and range rings around
# the towns. The result is saved as **one standalone HTML file** with no
# external URL at all: Leaflet is inlined and the basemap is drawn from the
# bundled country shapes instead of web tiles, so the file can be mailed,
# archived, or opened on a machine with no network.
#
# The command-line equivalent is
# `geodrills map seeds/ --offline --rings 25 50 --rings-around Kars Astara -o drills_map.html`.

# %% tags=["parameters"]
ARTICLES = "../seeds"           # a folder of *.txt articles (or one file)
OUT_DIR = "out"                 # where the HTML map is written
RINGS_KM = [25, 50]             # range rings (geodesic radius, km)
RINGS_AROUND = None             # place names or ids to ring; None: the towns near a border (below)
NEAR_BORDER_KM = 50             # with RINGS_AROUND = None: ring the towns within this distance of a border
TITLE = "Turkish-Azerbaijani drills near the borders"

# %%
import hashlib
import re
from pathlib import Path

import pandas as pd

import geodrills as gd

out = Path(OUT_DIR)
out.mkdir(parents=True, exist_ok=True)

# %% [markdown]
# ## 1. The places, resolved
#
# Geoparse every article once and keep the frame: the map, and anything else
# we want to check, are drawn from the same rows.

# %%
articles = gd.read_articles(ARTICLES)
frame = gd.geoparse_frame(articles)
print(f"{len(frame)} mentions of {frame['place_id'].nunique()} places in {len(articles)} articles")

# %% [markdown]
# Range rings around every city would bury the map (Ankara and Tehran are far
# from any border), so by default we ring the cities, towns and villages within
# `NEAR_BORDER_KM` of a border: the places where "near the border" is a real
# question.

# %%
if RINGS_AROUND is None:
    towns = frame[frame["precision"] == "settlement"].drop_duplicates("place_id")
    near = gd.nearest_border(towns["lat"], towns["lon"])
    ring_ids = sorted(towns["place_id"][near["km"].to_numpy() <= NEAR_BORDER_KM])
    print("rings around:", ", ".join(sorted(towns.set_index("place_id").loc[ring_ids, "name"])) or "none")
else:
    ring_ids = list(RINGS_AROUND)
rings = RINGS_KM if ring_ids else []

# %% [markdown]
# ## 2. The map
#
# `drills_map` builds a `folium.Map`; it shows inline here, sized to the cell.
# Place names, border pairs and distances are written on the map (labels
# never overlap; more appear as you zoom in). Top left: zoom, full screen, a
# ruler (click two points: the WGS84 distance), place search. Top right: the
# layers by kind (place names, places by precision, borders, distances, rings,
# exercises) and the articles panel (filter, tick, zoom to an article).
# Bottom: the scale, a foldable legend and an overview map.

# %%
try:
    m = gd.drills_map(frame, offline=True, rings_km=rings, rings_around=ring_ids or None, title=TITLE)
except gd.InputError as exc:  # e.g. every ringed town lies beyond the offline basemap
    print(f"no range rings: {exc}")
    rings, ring_ids = [], []
    m = gd.drills_map(frame, offline=True, title=TITLE)
m

# %% [markdown]
# What the map holds, place by place. Countries are drawn but not measured
# (the distance from a country's label point to a border means nothing). The
# bundled basemap covers the whole world (generalised far from the story,
# finer near it), so every place is drawn where it is.

# %% [markdown]
# The same places as a plain `GeoDataFrame.explore()` map (folium's own, web
# tiles; needs `mapclassify`, in the `notebooks` extra) — handy for a quick
# look at any column:
#
# ```python
# frame.explore(column="country")
# ```

# %%
data = m.geodrills_data
on_map = pd.DataFrame(data["places"])
cols = [c for c in ("name", "kind", "country", "precision", "border", "km") if c in on_map.columns]
on_map[cols].sort_values(["km", "name"], na_position="last").reset_index(drop=True)

# %%
print("rings:", sorted({r["place"] for r in data["rings"]}), "at", sorted({r["km"] for r in data["rings"]}), "km")
print("borders drawn:", ", ".join(b["pair"] for b in data["borders"]))
base = data["basemap"]
print(f"basemap: {len(base['countries']['features'])} countries, {len(base['rivers']['features'])} rivers, "
      f"{len(base['lakes']['features'])} lakes, {len(base['cities'])} cities")

# %% [markdown]
# ## 3. One file, offline
#
# `save_map` writes the page. Every page carries Leaflet, its plugins and the
# basemap inside it; because the map was made with `offline=True` it offers
# no web tiles either. We check that no `src`, `href` or CSS `url(...)`
# points outside the file.

# %%
path = gd.save_map(m, out / "drills_map.html")
page = path.read_text(encoding="utf-8")
external = re.findall(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//""", page, re.I)
print(f"wrote {path} ({path.stat().st_size:,} bytes); external references: {len(external)}")
assert not external, external

# %% [markdown]
# The output is deterministic: the same articles give the same bytes (element
# ids come from a hash of the content, not from random numbers), so the file
# can be diffed and versioned.

# %%
again = gd.save_map(gd.drills_map(frame, offline=True, rings_km=rings, rings_around=ring_ids or None, title=TITLE),
                    out / "drills_map_again.html")
digests = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()[:16] for p in (path, again)}
print(digests)
assert len(set(digests.values())) == 1
again.unlink()
