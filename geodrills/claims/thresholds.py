"""The one table of numbers the claim verdicts use (:class:`Thresholds`)."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

from ..errors import InputError
from ..namesakes import ISOLATED_KM

__all__ = ["Thresholds"]


@dataclass(frozen=True)
class Thresholds:
    """Verdict thresholds, with their defaults.

    ==================  =======  ============================================================
    parameter           default  meaning
    ==================  =======  ============================================================
    near_km             50       ``near``: supported within this, doubtful beyond it
    far_km              100      ``far from`` / ``not near``: supported beyond this, doubtful
                                 within it (a place 70 km off is not "far from" a border)
    on_km               10       ``on`` the border: supported within this, doubtful beyond
    km_tolerance        0.25     ``km_from`` / ``length``: relative tolerance on the stated figure
    km_floor            5        ... but never tighter than this many km
    sector_deg          45       ``direction``: the bearing may be this far from the stated one
    touch_km            2        ``borders``: an outline this close counts as touching
    within_share        0.5      ``within``: an outline counts as inside an area when at least
                                 this share of its surface lies there (a region that only
                                 touches a country is not in it)
    point_borders_km    25       ``borders`` for a place with no outline: its point within this
    admin1_radius_km    100      allowance for an admin-1 unit (or region) measured from its
                                 point because no outline is bundled, when the gazetteer has
                                 no other unit of its kind in its country to size it by (the
                                 allowance is the distance to the nearest such unit's seat,
                                 :func:`geodrills.claims.judge.unit_radius_km`): its edge may
                                 be up to this much nearer than its point
    admin2_radius_km    25       the same fallback for an admin-2 unit (a district)
    site_km             20       a site the gazetteer lacks, measured from the town it is named
                                 after or the town the sentence puts it in or at ("the Armavir
                                 training area", "the Tarvo range in Bartown"), lies within
                                 this of the town's point; a verdict is given only when the
                                 figure is decisive across that spread (a unit standing in
                                 spreads over its own extent instead)
    near_site_km        30       ... and within this of a town the sentence puts it near
                                 ("the Tarvo range near Bartown"), or this beyond a unit's extent
    length_short        0.4      ``length``: a measured border up to this much shorter than stated
                                 is unverifiable, not doubtful (generalised lines run short)
    implausible_km      500      ``near``/``on``/``km_from``: a doubtful figure beyond this (and
                                 5x any stated figure) is unverifiable: a wrongly resolved name
                                 ("Matsu" read as Matsue, Japan) is likelier than such a claim
    twin_km             60       "X, on the Turkish side of the border" with X in the other
                                 country is doubtful, unless a place called X lies within this
                                 across the border (Astara AZ/IR, Valga/Valka): the side names it
    isolated_km         1000     a place read more than this far from every other place named
                                 around it in the article is an *isolated reading*
    reading_score       0.7      ... and counts as misread (the claim is ``unverifiable``, never
                                 judged for the wrong place) when it is a spelling variant, or
                                 its resolver confidence (:attr:`Mention.score`, in [0, 1]) is
                                 under this in a country the article does not name around it,
                                 or a runner-up reading of the name lies within
                                 ``isolated_km`` of the article's places ("Pingtan" read in
                                 Chongqing while the article is about Fujian); a near-miss
                                 (``match="fuzzy"``) reading is never used for a claim
    ==================  =======  ============================================================

    Verdict policy (one rule for every kind):

    * ``unverifiable`` only when there is no measurement to decide with: the
      subject or the object is not resolved (a place the sentence names but
      the gazetteer lacks is kept as the subject, never replaced by another
      place; a place standing in for it decides only when the site's spread
      around it cannot change the verdict), its reading is likely another place of that name
      (``isolated_km``, ``reading_score``), it has no geometry, or (a unit
      measured from its point) the unit's possible extent straddles the
      threshold, so its nearest edge could fall on either side; a superlative
      ("Europe's longest") and a width are not measured;
    * otherwise the measured figure decides, with no grey band: a figure is
      either within a threshold (``supported``) or beyond it (``doubtful``);
      negations flip the rule ("far from", "not near", "not on the border");
      a section of a border can only be too long (at most the whole border);
      a country's side of another is where their shared border lies, seen
      from the middle of the reference country (within ``sector_deg``).

    A place with an outline (an admin-1 unit) is measured by its outline, so
    "Kars province borders Armenia" is 0 km; a town is measured from its
    point; a unit with no outline from its point, with the radius allowance
    above: the verdict is given when the point figure and the figure less the
    radius agree, and ``unverifiable`` (with both figures) when they do not.
    An exercise's location place is measured as the point the exercise is
    placed at (an exercise fills a training ground, not its whole province).

    Examples
    --------
    >>> Thresholds().near_km, Thresholds(near_km=30).near_km
    (50.0, 30)
    """

    near_km: float = 50.0
    far_km: float = 100.0
    on_km: float = 10.0
    km_tolerance: float = 0.25
    km_floor: float = 5.0
    sector_deg: float = 45.0
    touch_km: float = 2.0
    within_share: float = 0.5
    point_borders_km: float = 25.0
    admin1_radius_km: float = 100.0
    admin2_radius_km: float = 25.0
    site_km: float = 20.0
    near_site_km: float = 30.0
    twin_km: float = 60.0
    length_short: float = 0.4
    implausible_km: float = 500.0
    isolated_km: float = ISOLATED_KM
    reading_score: float = 0.7

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not (isinstance(value, (int, float)) and math.isfinite(value) and value >= 0):
                raise InputError(f"{f.name} must be a finite number >= 0, got {value!r}")
        if self.far_km < self.near_km:
            raise InputError(f"far_km ({self.far_km}) must be >= near_km ({self.near_km})")

    def tolerance(self, stated_km: float) -> float:
        """The allowed difference (km) between a stated and a measured figure."""
        return max(self.km_floor, self.km_tolerance * stated_km)

    def unit_radius(self, kind: str | None) -> float:
        """The allowance (km) for a unit of ``kind`` measured from its point (0 for anything else).

        Examples
        --------
        >>> Thresholds().unit_radius("admin1"), Thresholds().unit_radius("town")
        (100.0, 0.0)
        """
        if kind in ("admin1", "region"):
            return self.admin1_radius_km
        if kind == "admin2":
            return self.admin2_radius_km
        return 0.0
