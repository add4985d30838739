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
# # The exercises: what happened when, across all the articles
#
# Several articles often report the same exercise: one on the day it starts
# ("Today ... in Kars"), one a few weeks earlier ("From February 1 to 12"),
# one months later looking back. `extract_events` reads every article, finds
# the exercises each one describes (name, dates, places, participants, with the
# sentences as evidence), and merges the reports of the same exercise across
# articles into one event, keeping any contradictions between them. This
# notebook puts the events in a table, on a timeline and on the map.

# %% tags=["parameters"]
ARTICLES = "../seeds"   # a folder of *.txt articles (or one file)
OUT_DIR = "out"         # where the events table, the timeline and the map are written

# %%
# %matplotlib inline
import json
from pathlib import Path

import geopandas
import pandas as pd

import geodrills as gd
from geodrills.events import events_to_records

pd.set_option("display.max_colwidth", 70)
out = Path(OUT_DIR)
out.mkdir(parents=True, exist_ok=True)

# %% [markdown]
# ## 1. From reports to events
#
# The places are geoparsed once and handed to the event extractor, so the
# events and the map below use the same resolved places.

# %%
articles = gd.read_articles(ARTICLES)
frame = gd.geoparse_frame(articles)
events = gd.extract_events(articles, mentions=frame)
n_reports = int(events["reports"].map(len).sum())
print(f"{n_reports} reports of exercises in {len(articles)} articles -> {len(events)} distinct exercises")

# %%
def location_names(places):
    """The places an event happened at (not the ones merely mentioned nearby)."""
    names = [p["name"] for p in places if p.get("role") == "location"]
    return ", ".join(dict.fromkeys(names))


table = pd.DataFrame({
    "exercise": events["name"].fillna(events["label"]),
    "start": events["start_date"],
    "end": events["end_date"],
    "precision": events["date_precision"],
    "participants": events["participants"].map(", ".join),
    "where": events["places"].map(location_names),
    "articles": events["articles"].map(len),
    "conflicts": events["conflicts"].map(len),
})
table

# %% [markdown]
# ### Merged across articles
#
# These exercises are reported by more than one article. Each report says
# what its article gives: a name, a date expression, places. Where the
# articles disagree, the disagreement is kept in `conflicts` rather than
# silently resolved.

# %%
merged = events[events["articles"].map(len) > 1]
for event in merged.itertuples():
    print(f"== {event.name or event.label}: {event.start_date} to {event.end_date} ({event.date_precision})")
    for report in event.reports:
        where = ", ".join(sorted({loc["name"] for loc in report["locations"]})) or "-"
        print(f"   {report['article']}: name={report['name']!r:16} date={report['date_text']!r:45} where={where}")
    for conflict in event.conflicts:
        print(f"   CONFLICT {conflict}")
if merged.empty:
    print("no exercise is reported by more than one article")

# %% [markdown]
# ### Why some exercises have no date
#
# A date like "on Thursday" or "December 5" needs the article's publication
# date to become a calendar date. Articles without a ` date YYYY-MM-DD` first
# line leave such expressions unresolved; the text is kept so a reader can
# resolve them by hand, and the timeline counts them instead of guessing.

# %%
undated = events[events["date_precision"] == "unresolved"]
pd.DataFrame({
    "exercise": undated["name"].fillna(undated["label"]),
    "date as written": undated["date_text"],
    "articles": undated["articles"].map(", ".join),
})

# %% [markdown]
# ## 2. On a timeline
#
# One bar per dated exercise, from its first to its last day; a date known
# only to the month spans the whole month (colour shows the precision).

# %%
fig = gd.timeline_chart(events, title="Military exercises in the articles")
fig.savefig(out / "timeline.png", dpi=100, metadata={"Software": None})
fig

# %% [markdown]
# ## 3. On the map
#
# The same events on the drills map: one layer per exercise at the places it
# was held, with a date slider to step through them. The map is saved as a
# standalone offline HTML file, like the one of `03_drills_map`.

# %%
m = gd.drills_map(frame, events=events, offline=True, rings_km=[50],
                  title="Military exercises in the articles")
path = gd.save_map(m, out / "exercises_map.html")
print(f"wrote {path} ({path.stat().st_size:,} bytes) with {len(m.geodrills_data['events'])} exercises")
m

# %% [markdown]
# ## 4. The events as files
#
# JSON Lines with everything (places, reports, evidence, conflicts), a flat
# CSV of the table above, and GeoJSON of the events that have a location, in a
# fixed order: the same articles give the same bytes.

# %%
records = events_to_records(events)
with open(out / "events.jsonl", "w", encoding="utf-8", newline="\n") as fh:
    fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
flat = events.drop(columns=["places", "reports", "evidence", "geometry"]).assign(
    participants=events["participants"].map(" ".join),
    articles=events["articles"].map(" ".join),
    conflicts=events["conflicts"].map(" | ".join),
    where=events["places"].map(location_names),
    lat=[r["lat"] for r in records], lon=[r["lon"] for r in records])
flat.to_csv(out / "events.csv", index=False, lineterminator="\n")
located = flat.dropna(subset=["lat", "lon"]).drop(columns=["conflicts"])
geopandas.GeoDataFrame(located, geometry=geopandas.points_from_xy(located["lon"], located["lat"]),
                       crs="EPSG:4326").to_file(out / "events.geojson", driver="GeoJSON")
sorted(p.name for p in out.iterdir())
