"""The exceptions geodrills raises.

Users catch :class:`GeodrillsError`; the subclasses say which kind of thing
went wrong.  Every message names the input it is about.
"""

from __future__ import annotations


class GeodrillsError(Exception):
    """Base class of every error geodrills raises on purpose."""


class InputError(GeodrillsError, ValueError):
    """Bad input: an unreadable, empty, binary or wrongly encoded file, bad text, a bad option."""


class UnknownPlaceError(GeodrillsError, LookupError):
    """A place name the gazetteer does not know (only where a result is required)."""


class CoordinateError(GeodrillsError, ValueError):
    """Latitude outside ±90, longitude outside ±180, NaN where a number is needed."""


class DataError(GeodrillsError, RuntimeError):
    """A bundled data file is missing or corrupt; the message says how to rebuild it."""


class MissingDependencyError(GeodrillsError, ImportError):
    """An optional dependency needed for this feature is not installed."""
