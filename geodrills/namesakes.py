"""When a place reading is likely another place of that name: the figure the checks share.

A town read thousands of kilometres from every other place an article names
("Siberia" read as a village in Mexico, in a report about Russia) is more
likely a namesake than the place meant.  The claim checker
(:class:`geodrills.claims.thresholds.Thresholds`, ``isolated_km``) and the
event extractor (:func:`geodrills.events.places.isolated_readings`) both ask
this question with the same distance, kept here so that neither imports the
other.

Examples
--------
>>> from geodrills.namesakes import ISOLATED_KM
>>> ISOLATED_KM
1000.0
"""

from __future__ import annotations

__all__ = ["ISOLATED_KM"]

#: A reading farther than this (km) from every other place named around it is an *isolated reading*.
ISOLATED_KM: float = 1000.0
