"""Armed forces and services whose name says which country they belong to.

News often names a force instead of a country: "the IRGC launched drills",
"the Bundeswehr is taking part", "PLA warships".  The event extractor reads
these as participants.  A force of an alliance or of no state ("NATO",
"Hezbollah") names no country and is not listed.

Forces written as a demonym or a country name with a unit ("the Indian
Navy", "Turkey's army") need no entry: the demonym table and the geoparser
already give their country.  This table holds only the names that do not
contain one.  Written for this project from general knowledge; no list was
copied.

Examples
--------
>>> [(f.text, f.country) for f in find_forces("The IRGC and the Bundeswehr; PLA Navy ships.")]
[('IRGC', 'IR'), ('Bundeswehr', 'DE'), ('PLA Navy', 'CN')]
>>> force_country("Tatmadaw")
'MM'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

__all__ = ["FORCES", "Force", "find_forces", "force_country"]

#: Force or service name (as written, case-sensitive) -> ISO 3166-1 alpha-2.
FORCES: Mapping[str, str] = MappingProxyType({
    # Iran
    "IRGC": "IR", "Islamic Revolutionary Guard Corps": "IR", "Revolutionary Guards": "IR",
    "Revolutionary Guard": "IR", "Artesh": "IR", "Basij": "IR",
    # China
    "PLA": "CN", "PLA Navy": "CN", "PLAN": "CN", "PLA Air Force": "CN", "PLAAF": "CN", "PLA Rocket Force": "CN",
    "People's Liberation Army": "CN", "People’s Liberation Army": "CN", "Eastern Theater Command": "CN",
    "Eastern Theatre Command": "CN", "Southern Theater Command": "CN", "Western Theater Command": "CN",
    # Germany, Austria, Switzerland
    "Bundeswehr": "DE", "Luftwaffe": "DE", "Deutsche Marine": "DE", "Bundesheer": "AT",
    # Israel
    "IDF": "IL", "Israel Defense Forces": "IL", "Israel Defence Forces": "IL", "Tsahal": "IL",
    # Koreas, Japan, Taiwan
    "KPA": "KP", "Korean People's Army": "KP", "Korean People’s Army": "KP", "ROK": "KR",
    "USFK": "US", "JSDF": "JP", "Self-Defense Forces": "JP", "Self-Defence Forces": "JP",
    "Ground Self-Defense Force": "JP", "Maritime Self-Defense Force": "JP", "Air Self-Defense Force": "JP",
    "ROC Armed Forces": "TW",
    # United States, United Kingdom, France
    "Pentagon": "US", "US Army": "US", "U.S. Army": "US", "US Navy": "US", "U.S. Navy": "US",
    "US Air Force": "US", "U.S. Air Force": "US", "USAF": "US", "US Marines": "US", "U.S. Marines": "US",
    "USMC": "US", "Marine Corps": "US", "National Guard": "US", "INDOPACOM": "US", "EUCOM": "US",
    "AFRICOM": "US", "CENTCOM": "US",
    "Royal Navy": "GB", "RAF": "GB", "Royal Air Force": "GB", "Royal Marines": "GB",
    "Armée de Terre": "FR", "Marine Nationale": "FR", "Armée de l'Air": "FR",
    # Russia, Ukraine, Belarus
    "Rosgvardia": "RU", "Spetsnaz": "RU", "VDV": "RU", "Aerospace Forces": "RU", "VKS": "RU",
    "Northern Fleet": "RU", "Black Sea Fleet": "RU", "Baltic Fleet": "RU", "Pacific Fleet": "RU",
    "ZSU": "UA",
    # others
    "Tatmadaw": "MM", "TSK": "TR", "Jandarma": "TR", "Hellenic Army": "GR", "Hellenic Navy": "GR",
    "Hellenic Air Force": "GR", "FANB": "VE", "Bolivarian National Armed Forces": "VE",
    "Bolivarian Armed Forces": "VE", "Peshmerga": "IQ", "Tentara Nasional Indonesia": "ID", "TNI": "ID",
    "Bundesheer Austria": "AT",
})

_PATTERN = re.compile(
    r"(?<![\w.])(?:" + "|".join(re.escape(k) for k in sorted(FORCES, key=len, reverse=True)) + r")(?![\w-])")


@dataclass(frozen=True, slots=True)
class Force:
    """A force named in text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    country: str


def force_country(name: str) -> str | None:
    """The country of a force's name, or None."""
    return FORCES.get(name.strip())


def find_forces(text: str) -> list[Force]:
    """The forces named in ``text``, in order (one regular-expression pass, linear time)."""
    return [Force(m.start(), m.end(), m.group(), FORCES[m.group()]) for m in _PATTERN.finditer(text)]
