"""The one table of numbers the claim verdicts use (:class:`Thresholds`)."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

from ..errors import InputError

__all__ = ["Thresholds"]


@dataclass(frozen=True)
class Thresholds:
    """Verdict thresholds, with their defaults.

    ==================  =======  ============================================================
    parameter           default  meaning
    ==================  =======  ============================================================
    near_km             50       ``near``: supported within this (and "far from" doubtful)
    far_km              100      ``near``: doubtful beyond this; between the two: unverifiable
    on_km               10       ``on`` the border: supported within this
    km_tolerance        0.25     ``km_from`` / ``length``: relative tolerance on the stated figure
    km_floor            5        ... but never tighter than this many km
    sector_deg          45       ``direction``: the bearing may be this far from the stated one
    touch_km            2        ``borders``: an outline this close counts as touching
    point_borders_km    25       ``borders`` for a place with no outline: its point within this
    length_short        0.4      ``length``: a measured border up to this much shorter than stated
                                 is unverifiable, not doubtful (generalised lines run short)
    implausible_km      500      ``near``/``on``/``km_from``: a doubtful figure beyond this (and
                                 5x any stated figure) is unverifiable: a wrongly resolved name
                                 ("Matsu" read as Matsue, Japan) is likelier than such a claim
    ==================  =======  ============================================================

    A place with an outline (an admin-1 unit) is measured by its outline, so
    "Kars province borders Armenia" is 0 km; a town is measured from its point.

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
    point_borders_km: float = 25.0
    length_short: float = 0.4
    implausible_km: float = 500.0

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
