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
# # How far from the border? Every place in the articles, measured
#
# Articles about drills say "near the Armenian border", "on the border with
# Iran". This notebook measures instead: for every city, town and province the
# articles name, which international border is nearest and how far it is, as
# the geodesic distance on the WGS84 ellipsoid to the border line (OpenStreetMap
# boundaries for Türkiye, Azerbaijan, Armenia, Georgia and Iran, Natural Earth
# elsewhere, all bundled). Then it checks the articles' own geographic claims
# against those figures.

# %% tags=["parameters"]
ARTICLES = "../seeds"               # a folder of *.txt articles (or one file)
OUT_DIR = "out"                     # where the tables and the chart are written
WITHIN_KM = 250.0                   # list every border within this distance of a place
PRECISIONS = ["settlement", "admin"]  # which places have a point worth measuring
FOCUS = "Kars (city)"               # the place whose every border is charted in section 3

# %%
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

import geopandas as gpd
import shapely

import geodrills as gd
from geodrills.footprints import footprint
from geodrills.mentions import dedupe_places

pd.set_option("display.max_colwidth", 90)
out = Path(OUT_DIR)
out.mkdir(parents=True, exist_ok=True)

# %% [markdown]
# ## 1. The places worth measuring
#
# A country or a region is resolved to a label point somewhere in its middle;
# the distance from that point to a border says nothing about the article. So
# we measure the places resolved to a settlement or an administrative unit. A
# place is measured by its footprint (`geodrills.footprints`, the same code
# path as `geodrills distances` and `check_claims`): a province of AM, AZ, GE,
# IR or TR by its outline (0 km when the border crosses or touches it), a town
# by its point; the `measured_from` column says which. Everything else is
# listed so nothing disappears silently.

# %%
articles = gd.read_articles(ARTICLES)
frame = gd.geoparse_frame(articles)
places = dedupe_places(frame)
measured = places[places["precision"].isin(PRECISIONS)].copy()
skipped = places[~places["precision"].isin(PRECISIONS)]
print(f"{len(places)} distinct places; measuring {len(measured)}; not measured ({', '.join(sorted(set(skipped['precision'])))}):")
print(", ".join(sorted(skipped["name"])))

# %% [markdown]
# ## 2. The nearest border of each place
#
# `distances_frame` gives one row per place and border within `WITHIN_KM`
# (the nearest border is always included), sorted by distance. The first row of
# each place is its nearest border. `neighbour` is the country on the other
# side; a pair like `AM/IR` means the place is in neither country of that
# border.

# %%
# a place can be named both as a city and as a province (Kars): keep them apart
measured["label"] = measured["name"] + " (" + measured["kind"] + ")"
measured = measured.sort_values("label").reset_index(drop=True)
gaz = gd.Gazetteer.default()
footprints = [footprint(gaz.get(pid)) for pid in measured["place_id"]]
shapes = gpd.GeoDataFrame(
    pd.DataFrame(measured.drop(columns="geometry", errors="ignore")).rename(columns={"name": "city_name",
                                                                                      "label": "name"}),
    geometry=[f.geometry if f.shape != "point" else shapely.Point(f.lon, f.lat) for f in footprints],
    crs="EPSG:4326")
borders = gd.distances_frame(shapes, within_km=WITHIN_KM)
borders = borders.merge(measured[["label", "kind", "mentions", "articles"]], left_on="place", right_on="label")
borders = borders.drop(columns="label")
nearest = (borders.sort_values(["km", "place"]).drop_duplicates("place")
           .reset_index(drop=True))
nearest[["place", "country", "border", "neighbour", "km", "measured_from", "border_lat", "border_lon",
         "mentions"]].round(
    {"km": 1, "border_lat": 4, "border_lon": 4})

# %%
for row in nearest.sort_values(["mentions", "place"], ascending=[False, True]).head(5).itertuples():
    print(f"{row.place:<20} {row.km:6.1f} km from the {row.border} border "
          f"(nearest border point {row.border_lat:.4f}, {row.border_lon:.4f}), named {row.mentions} times")

# %% [markdown]
# The same, as a chart: how close each place is to its nearest border,
# coloured by the country across that border.

# %%
colours = {"AM": "#E69F00", "AZ": "#0072B2", "GE": "#CC79A7", "IR": "#009E73", "RU": "#56B4E9", "TR": "#D55E00"}
chart = nearest.sort_values("km", ascending=False)
fig, ax = plt.subplots(figsize=(8, 0.45 * len(chart) + 1.2))
bars = ax.barh(chart["place"], chart["km"],
               color=[colours.get(n, "#9CA3AF") for n in chart["neighbour"]])
ax.bar_label(bars, labels=[f"{km:.1f} km to {n}" for km, n in zip(chart["km"], chart["neighbour"])],
             padding=3, fontsize="small")
ax.set_xlabel("geodesic distance to the nearest international border (km)")
ax.set_title("Places named in the articles: distance to the nearest border")
ax.set_xlim(0, chart["km"].max() * 1.35)
ax.grid(axis="x", alpha=0.3)
fig.tight_layout()
fig.savefig(out / "nearest_border.png", dpi=100, metadata={"Software": None})

# %% [markdown]
# ## 3. Every border within reach
#
# The nearest border is not the whole story: Kars is close to Armenia and
# Georgia, but articles also put it "near the border with Iran". Here is each
# place with every border within `WITHIN_KM`.

# %%
within = (borders.sort_values(["place", "km"])
          .groupby("place", sort=False).head(6)
          .assign(border_km=lambda d: d["border"] + " " + d["km"].round(1).astype(str))
          .groupby("place", sort=False)["border_km"].agg(", ".join)
          .loc[nearest["place"]].rename("nearest six borders within reach (km)"))
within.to_frame()

# %%
focus = borders[borders["place"] == FOCUS].sort_values("km")
if focus.empty:
    print(f"{FOCUS!r} is not among the measured places: {', '.join(nearest['place'])}")
else:
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(focus) + 1.2))
    bars = ax.barh(focus["border"], focus["km"],
                   color=["#D62728" if "IR" in b.split("-") else "#9CA3AF" for b in focus["border"]])
    ax.bar_label(bars, fmt="%.0f km", padding=3, fontsize="small")
    ax.invert_yaxis()
    ax.set_xlabel(f"geodesic distance from {FOCUS} (km)")
    ax.set_title(f"{FOCUS}: distance to each border within {WITHIN_KM:.0f} km (borders with Iran in red)")
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()

# %% [markdown]
# Both tables as CSV files (plain columns; the `articles` lists as
# space-separated names):

# %%
columns = ["place", "kind", "country", "lat", "lon", "border", "neighbour", "km", "measured_from", "border_lat",
           "border_lon", "bearing", "source", "mentions", "articles"]
for name, table in (("nearest_border.csv", nearest), ("border_distances.csv", borders.sort_values(["place", "km"]))):
    table.assign(articles=table["articles"].map(" ".join))[columns].to_csv(
        out / name, index=False, float_format="%.3f", lineterminator="\n")
sorted(p.name for p in out.iterdir())

# %% [markdown]
# ## 4. What the articles claim
#
# `check_claims` finds every geographic claim in the text, of eight kinds:
# *near* ("in Kars, near the Armenian border"), *on* ("on the border",
# "border points"), *borders* ("Kars province borders on Armenia"), *km_from*
# ("2 km from the Iranian border"), *direction* ("the southern Turkish province
# of Isparta"), *within* ("Azerbaijan's Karabakh"), *length* ("a 311-km border")
# and *across* ("across the Araz River"). For each it finds the place its own
# sentence locates, measures it by its footprint (a province by its outline, a
# river by its line, a town by its point) and gives a verdict: **supported**,
# **doubtful** or **unverifiable**, with the reason in one sentence. The
# thresholds are one table, `gd.claims.Thresholds`: *near* is supported within
# 50 km and doubtful beyond it; *on* needs 10 km. A claim is unverifiable only
# when there is nothing to measure (a name the gazetteer lacks) or a unit
# measured from its point could lie on either side of the threshold.

# %%
claims = gd.check_claims(articles)
verdict_colours = {"supported": "#2CA02C", "doubtful": "#D62728", "unverifiable": "#9CA3AF"}
pd.crosstab(claims["kind"], claims["verdict"], margins=True)


# %%
def highlight(row):
    # the claims that fail the check are the point of this table
    style = "background-color: #FDE2E1; font-weight: bold" if row["verdict"] == "doubtful" else ""
    return [style] * len(row)


(claims.sort_values(["kind", "article", "start"], kind="mergesort")
 [["kind", "article", "text", "subject", "object", "measured_km", "verdict", "reason"]]
 .style.apply(highlight, axis=1).format({"measured_km": "{:.1f}"}, na_rep="–"))

# %% [markdown]
# ### The claims that do not hold, and the ones that cannot be called
#
# The doubtful and unverifiable claims in full, with the article's own words
# and the measurement.

# %%
for row in claims[claims["verdict"] != "supported"].itertuples():
    print(f"{row.article} [{row.start}:{row.end}] {row.kind}\n  \u201c{row.text}\u201d\n"
          f"  -> {row.verdict.upper()}: {row.reason}\n")

# %% [markdown]
# The **Kars/Iran** claim is the instructive one: article 003 places the drills in
# "the eastern province of Kars, near the border with Iran". The province's
# outline comes within the distance printed below of the Iran–Türkiye border:
# between *near* and *far*, so the check does not call it either way; Kars city
# is much farther (the same figure as in the distance table above and in
# `geodrills distances --place Kars --within 200`), and Iğdır province (split
# off from Kars in 1992) lies between the province and Iran.

# %%
kars_city_iran = borders[(borders["place"] == "Kars (city)") & (borders["border"] == "IR-TR")]["km"].iloc[0]
kars_claim = claims[(claims["subject"] == "Kars") & (claims["object"] == "IR-TR")]
print(f"Kars city -> IR-TR border: {kars_city_iran:.1f} km (distances)")
for row in kars_claim.itertuples():
    print(f"Kars ({row.subject_kind}) -> IR-TR border: {row.measured_km:.1f} km, {row.verdict} (claims)")

# %%
# distance-like claims with a figure to draw (a whole country has no distance)
shown = claims[claims["kind"].isin(["near", "on", "km_from", "borders"]) & claims["measured_km"].notna()]
shown = shown.reset_index(drop=True)
if shown.empty:
    print("no claim with a measured distance")
else:
    # the end of a long quote is the part that names the border
    quotes = [t if len(t) <= 42 else "\u2026" + t[-41:] for t in shown["text"]]
    labels = [f"{r.article[:3]}: {r.subject} \u2014 {r.kind} {r.object} \u201c{q}\u201d"
              for r, q in zip(shown.itertuples(), quotes)]
    fig, ax = plt.subplots(figsize=(9, 0.5 * len(shown) + 1.5))
    bars = ax.barh(range(len(shown)), shown["measured_km"],
                   color=[verdict_colours.get(v, "#9CA3AF") for v in shown["verdict"]])
    ax.set_yticks(range(len(shown)), labels, fontsize="small")
    ax.bar_label(bars, labels=[f"{km:.0f} km: {v}" for km, v in zip(shown["measured_km"], shown["verdict"])],
                 padding=3, fontsize="small")
    for km, text in ((10, "on \u2264 10 km"), (50, "near \u2264 50 km"), (100, "not near > 100 km")):
        ax.axvline(km, color="#555555", linestyle=":", linewidth=1)
        ax.annotate(text, (km, 1.0), xycoords=("data", "axes fraction"), fontsize="x-small", ha="center",
                    va="bottom")
    ax.invert_yaxis()
    ax.set_xlim(0, max(120.0, shown["measured_km"].max() * 1.45))
    ax.set_xlabel("measured distance to the border or place the claim names (km)")
    ax.set_title("Distance claims in the articles, measured (red: doubtful, grey: cannot be called)", pad=14)
    fig.tight_layout()
    fig.savefig(out / "claims.png", dpi=100, metadata={"Software": None})

# %%
claims.drop(columns=["geometry", "to_object"]).to_csv(out / "claims.csv", index=False, float_format="%.3f",
                                                     lineterminator="\n")
sorted(p.name for p in out.iterdir())
