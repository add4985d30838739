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
# # geodrills quickstart: from news text to places on a map
#
# News about military drills near borders names places: a city ("Kars"), a
# province ("the Turkish province of Kars"), a river ("the Araz River"), a
# region ("Karabakh"), countries. This notebook reads a folder of such articles,
# finds every place name in them, resolves each one against the gazetteer that
# ships with geodrills (GeoNames plus a curated supplement, no network needed),
# and shows the result as a table and as a map.
#
# Everything below runs top to bottom on the five seed articles in `seeds/`.
# Point `ARTICLES` at any folder of `.txt` files to run it on your own.

# %% tags=["parameters"]
ARTICLES = "../seeds"  # a folder of *.txt articles (or one file)
OUT_DIR = "out"        # where the tables are written

# %%
from pathlib import Path

import pandas as pd

import geodrills as gd
from geodrills.mentions import dedupe_places, geoparse

pd.set_option("display.max_colwidth", 80)
out = Path(OUT_DIR)
out.mkdir(parents=True, exist_ok=True)

# %% [markdown]
# ## 1. The articles
#
# `read_articles` takes a folder (every `*.txt` in it, sorted by name) or a
# list of files. An optional first line ` date YYYY-MM-DD` gives the
# publication date, which the event extractor later needs to resolve
# "Today" or "on Thursday".

# %%
articles = gd.read_articles(ARTICLES)
pd.DataFrame(
    [{"article": a.name, "date": a.date, "title": a.title, "characters": len(a.text)} for a in articles]
)

# %% [markdown]
# ## 2. One article, mention by mention
#
# `geoparse` (also `gd.geoparse`) returns one `Mention` per place name, in reading order. Each
# mention keeps its character offsets into the article, so any claim made about
# it can be traced back to the exact words; `place` is the gazetteer record it
# was resolved to, and `score` is how confident the resolver is.

# %%
first = articles[0]
mentions = geoparse(first)
pd.DataFrame([m.to_dict() for m in mentions])[
    ["start", "end", "text", "name", "kind", "country", "lat", "lon", "precision", "score"]
]

# %% [markdown]
# The offsets index the article text exactly, so this always holds:

# %%
assert all(first.text[m.start:m.end] == m.text for m in mentions)
m = next(m for m in mentions if m.place is not None and m.place.kind == "city")
print(f"{m.text!r} at {m.start}:{m.end} -> {m.place.name} ({m.place.kind}, {m.place.country}) "
      f"{m.place.lat:.4f}, {m.place.lon:.4f}  [{m.place.id}]")

# %% [markdown]
# ## 3. All articles as a GeoDataFrame
#
# `geoparse_frame` does the same for every article and returns a
# `GeoDataFrame` (EPSG:4326): one row per mention, with the sentence it occurs
# in, ready for pandas, geopandas or a GIS.

# %%
frame = gd.geoparse_frame(articles)
print(type(frame).__name__, frame.crs, f"{len(frame)} mentions in {frame['article'].nunique()} articles")
frame[["article", "text", "name", "kind", "country", "precision", "score", "sentence"]].head(10)

# %% [markdown]
# Which places do the articles talk about most? `dedupe_places` collapses the
# mentions to one row per distinct place, counting mentions and listing the
# articles that name it. Countries dominate (every article names Turkey and
# Azerbaijan); the places that matter for border questions are the cities,
# towns and provinces.

# %%
places = dedupe_places(frame)
places = places.sort_values(["mentions", "name"], ascending=[False, True]).reset_index(drop=True)
places[["name", "kind", "country", "precision", "lat", "lon", "mentions", "articles"]]

# %%
by_precision = places.groupby("precision")["name"].agg(lambda s: ", ".join(sorted(s)))
by_precision.to_frame("places")

# %% [markdown]
# The same tables as files, for a spreadsheet or a GIS: a CSV of every
# mention and a GeoJSON of the distinct places.

# %%
frame.drop(columns="geometry").to_csv(out / "mentions.csv", index=False, lineterminator="\n")
places.assign(articles=places["articles"].map(" ".join)).to_file(out / "places.geojson", driver="GeoJSON")
sorted(p.name for p in out.iterdir())

# %% [markdown]
# ## 4. On a map
#
# `drills_map` draws the places (coloured by country, shaped by precision; a
# click shows the sentences that name them), the international borders in view
# and a line from each place to its nearest border. With `offline=True` the
# basemap is drawn from the bundled country shapes, so the map shows even
# without a network. The borders and distances get their own notebook
# (`02_border_distances`), the full map with range rings `03_drills_map`.

# %%
gd.drills_map(frame, offline=True, title="Places named in the articles")
