"""Earth constants and the distance and bearing functions every module shares.

Two models of the Earth, each used where it is the right tool:

* the **WGS84 ellipsoid** (:func:`geodesic_km`, :func:`bearing_deg`), through
  pyproj's ``Geod`` (Karney's algorithm, exact to nanometres): every distance
  geodrills *reports* comes from here;
* a **sphere of the mean radius** :data:`EARTH_RADIUS_KM`
  (:func:`haversine_km`): cheap, for deciding (is this within 100 km of that?)
  and for bounds; off from WGS84 by at most :data:`SPHERE_SLACK` (relative).

All functions are vectorised (scalars or arrays, like shapely 2 and pyproj)
and put ``lat``/``lon`` in their parameter names, latitude first, as geopy
does.

Examples
--------
>>> round(float(haversine_km(40.6, 43.1, 39.9, 44.5)), 1)       # Kars to near Iğdır
142.0
>>> round(float(geodesic_km(40.6, 43.1, 39.9, 44.5)), 1)
142.2
>>> round(float(bearing_deg(40.0, 45.0, 41.0, 45.0)))            # due north
0
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import pyproj

__all__ = ["EARTH_RADIUS_KM", "SPHERE_SLACK", "KM_PER_MILE", "KM_PER_NAUTICAL_MILE", "wgs84",
           "haversine_km", "geodesic_km", "bearing_deg", "angle_km"]

#: Mean Earth radius (IUGG R1 = (2a + b) / 3 of WGS84), km.
EARTH_RADIUS_KM = 6371.0088
#: Largest relative difference between a spherical and a WGS84 distance (about 0.56 %, rounded up).
SPHERE_SLACK = 0.006
#: Statute mile and nautical mile, km.
KM_PER_MILE = 1.609344
KM_PER_NAUTICAL_MILE = 1.852


@lru_cache(maxsize=1)
def wgs84() -> "pyproj.Geod":
    """The WGS84 ``pyproj.Geod`` (built once; pyproj is imported on first use)."""
    import pyproj

    return pyproj.Geod(ellps="WGS84")


def haversine_km(lat1: Any, lon1: Any, lat2: Any, lon2: Any) -> Any:
    """Great-circle distance on the mean-radius sphere, km (scalars or arrays, degrees)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dphi, dlmb = p2 - p1, np.radians(np.asarray(lon2) - np.asarray(lon1))
    h = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(h)))


def angle_km(radians: Any) -> Any:
    """A central angle on the mean-radius sphere as km of arc."""
    return EARTH_RADIUS_KM * np.asarray(radians)


def geodesic_km(lat1: Any, lon1: Any, lat2: Any, lon2: Any) -> Any:
    """WGS84 geodesic distance, km (scalars or arrays, degrees)."""
    _az12, _az21, metres = wgs84().inv(lon1, lat1, lon2, lat2)
    return np.asarray(metres) / 1000.0


def bearing_deg(lat1: Any, lon1: Any, lat2: Any, lon2: Any) -> Any:
    """WGS84 initial bearing from point 1 to point 2, degrees clockwise from north in [0, 360)."""
    az12, _az21, _metres = wgs84().inv(lon1, lat1, lon2, lat2)
    return np.mod(np.asarray(az12, dtype=float), 360.0)
