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
from geodrills.events import event_details, events_to_records

pd.set_option("display.max_colwidth", 70)
out = Path(OUT_DIR)
out.mkdir(parents=True, exist_ok=True)

# %% [markdown]
# ## 1. From reports to events
#
# The places are geoparsed once and handed to the event extractor, so the
# events and the map below use the same resolved places. Each event row is
# flat (name, dates, `dated`, `status`, `passing`, main place, participants,
# articles); everything nested (all places with their role, the evidence
# sentences, what each article says, conflicts) is JSON in its `details`
# column, read back with `event_details`.

# %%
articles = gd.read_articles(ARTICLES)
frame = gd.geoparse_frame(articles)
events = gd.extract_events(articles, mentions=frame)
details = [event_details(d) for d in events["details"]]
n_reports = sum(len(d["reports"]) for d in details)
print(f"{n_reports} reports of exercises in {len(articles)} articles -> {len(events)} distinct exercises")

# %%
def location_names(detail):
    """The places an event happened at (not the ones merely mentioned nearby)."""
    names = [p["name"] for p in detail["places"] if p.get("role") == "location"]
    return ", ".join(dict.fromkeys(names))


table = pd.DataFrame({
    "exercise": events["name"].fillna(events["label"]),
    "start": events["start_date"],
    "end": events["end_date"],
    "precision": events["date_precision"],
    "status": events["status"],
    "in passing": events["passing"],
    "participants": events["participants"].map(", ".join),
    "where": [location_names(d) for d in details],
    "articles": events["n_articles"],
    "conflicts": events["n_conflicts"],
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
merged = [(event, d) for event, d in zip(events.itertuples(), details) if event.n_articles > 1]
for event, d in merged:
    print(f"== {event.name or event.label}: {event.start_date} to {event.end_date} ({event.date_precision})")
    for report in d["reports"]:
        where = ", ".join(sorted({loc["name"] for loc in report["locations"]})) or "-"
        print(f"   {report['article']}: name={report['name']!r:16} date={report['date_text']!r:45} where={where}")
    for conflict in d["conflicts"]:
        print(f"   CONFLICT {conflict}")
if not merged:
    print("no exercise is reported by more than one article")

# %% [markdown]
# ### The undated lane
#
# A date like "on Thursday" or "December 5" needs the article's publication
# date to become a calendar date. Articles without a ` date YYYY-MM-DD` first
# line leave such expressions unresolved; the text is kept so a reader can
# resolve them by hand. These events have `dated` false: the timeline shows
# them in a lane of their own under the time axis, never at a guessed date.

# %%
undated = events[~events["dated"].astype(bool)]
pd.DataFrame({
    "exercise": undated["name"].fillna(undated["label"]),
    "date as written": undated["date_text"],
    "articles": undated["articles"].map(", ".join),
})

# %% [markdown]
# ## 2. On a timeline
#
# One bar per dated exercise, from its first to its last day; a date known
# only to the month spans the whole month (colour shows the precision). The
# undated exercises are listed in their own lane below.

# %%
fig = gd.timeline_chart(events, title="Military exercises in the articles")
fig.savefig(out / "timeline.png", dpi=100, metadata={"Software": None})
fig

# %% [markdown]
# ## 3. On the map
#
# The same events on the drills map: one layer per exercise at its place,
# with a date slider to step through them. The map is saved as a standalone
# offline HTML file, like the one of `03_drills_map`.

# %%
m = gd.drills_map(frame, events=events, offline=True, rings_km=[50],
                  title="Military exercises in the articles")
path = gd.save_map(m, out / "exercises_map.html")
print(f"wrote {path} ({path.stat().st_size:,} bytes) with {len(m.geodrills_data['events'])} exercises")
m

# %% [markdown]
# ## 4. The events as files
#
# JSON Lines with everything (the flat columns and the details), a flat CSV of
# the table above, and GeoJSON of the events that have a location, in a fixed
# order: the same articles give the same bytes.

# %%
records = events_to_records(events)
with open(out / "events.jsonl", "w", encoding="utf-8", newline="\n") as fh:
    fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
flat = events.drop(columns=["details", "geometry"]).assign(
    aliases=events["aliases"].map(" | ".join),
    participants=events["participants"].map(" ".join),
    articles=events["articles"].map(" ".join),
    conflicts=[" | ".join(d["conflicts"]) for d in details],
    where=[location_names(d) for d in details])
flat.to_csv(out / "events.csv", index=False, lineterminator="\n")
located = flat.dropna(subset=["lat", "lon"]).drop(columns=["conflicts"])
geopandas.GeoDataFrame(located, geometry=geopandas.points_from_xy(located["lon"], located["lat"]),
                       crs="EPSG:4326").to_file(out / "events.geojson", driver="GeoJSON")
sorted(p.name for p in out.iterdir())
