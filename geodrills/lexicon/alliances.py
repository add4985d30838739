"""Military alliances and unions whose members a drill report may name as a whole.

"Soldiers from all 31 allied nations" names every member of the
alliance the sentence is about.  The event extractor reads such a phrase as
the alliance's members *on the article's date* (membership changes: NATO had
30 members in 2020, 31 after Finland joined on 4 April 2023 and 32 after
Sweden joined on 7 March 2024).  Only a statement about *all* members
expands; "NATO forces" or "NATO observers" names no country.

Provenance: written for this project from the alliances' public membership
records (NATO: "Member countries", nato.int, with each accession date;
CSTO: the 2002 charter members, Uzbekistan suspended in 2012; SCO: the
2001 founders plus India and Pakistan 2017, Iran 2023, Belarus 2024; the
Union State of Russia and Belarus, 1999).  No list was copied.

Examples
--------
>>> import datetime as dt
>>> len(alliance_members("NATO", dt.date(2024, 4, 22)))
32
>>> "FI" in alliance_members("NATO", dt.date(2023, 1, 1))
False
>>> sorted(alliance_members("Union State", dt.date(2021, 9, 10)))
['BY', 'RU']
>>> find_alliance("NATO's larger Baltic Lantern drills")
'NATO'
"""

from __future__ import annotations

import datetime as dt
import re
from types import MappingProxyType
from typing import Mapping

__all__ = ["ALLIANCES", "ALLIANCE_NAMES", "alliance_members", "find_alliance"]

_D = dt.date

#: Alliance -> member ISO2 -> (joined, left or None).
ALLIANCES: Mapping[str, Mapping[str, tuple[dt.date, dt.date | None]]] = MappingProxyType({
    "NATO": MappingProxyType({
        **{c: (_D(1949, 8, 24), None) for c in ("BE", "CA", "DK", "FR", "IS", "IT", "LU", "NL", "NO", "PT",
                                                 "GB", "US")},
        "GR": (_D(1952, 2, 18), None), "TR": (_D(1952, 2, 18), None), "DE": (_D(1955, 5, 6), None),
        "ES": (_D(1982, 5, 30), None), "CZ": (_D(1999, 3, 12), None), "HU": (_D(1999, 3, 12), None),
        "PL": (_D(1999, 3, 12), None),
        **{c: (_D(2004, 3, 29), None) for c in ("BG", "EE", "LV", "LT", "RO", "SK", "SI")},
        "AL": (_D(2009, 4, 1), None), "HR": (_D(2009, 4, 1), None), "ME": (_D(2017, 6, 5), None),
        "MK": (_D(2020, 3, 27), None), "FI": (_D(2023, 4, 4), None), "SE": (_D(2024, 3, 7), None),
    }),
    "CSTO": MappingProxyType({
        **{c: (_D(2002, 10, 7), None) for c in ("AM", "BY", "KZ", "KG", "RU", "TJ")},
        "UZ": (_D(2006, 8, 16), _D(2012, 12, 20)),
    }),
    "SCO": MappingProxyType({
        **{c: (_D(2001, 6, 15), None) for c in ("CN", "KZ", "KG", "RU", "TJ", "UZ")},
        "IN": (_D(2017, 6, 9), None), "PK": (_D(2017, 6, 9), None), "IR": (_D(2023, 7, 4), None),
        "BY": (_D(2024, 7, 4), None),
    }),
    "Union State": MappingProxyType({"RU": (_D(2000, 1, 26), None), "BY": (_D(2000, 1, 26), None)}),
})

#: The names news gives each alliance, as written (case-sensitive) -> the key of :data:`ALLIANCES`.
ALLIANCE_NAMES: Mapping[str, str] = MappingProxyType({
    "NATO": "NATO", "North Atlantic Treaty Organization": "NATO", "North Atlantic Alliance": "NATO",
    "Atlantic Alliance": "NATO", "OTAN": "NATO",
    "CSTO": "CSTO", "Collective Security Treaty Organization": "CSTO",
    "Collective Security Treaty Organisation": "CSTO", "ODKB": "CSTO",
    "SCO": "SCO", "Shanghai Cooperation Organization": "SCO", "Shanghai Cooperation Organisation": "SCO",
    "Union State": "Union State",
})

_PATTERN = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in sorted(ALLIANCE_NAMES, key=len, reverse=True))
                      + r")(?![\w-])")


def find_alliance(text: str) -> str | None:
    """The first alliance ``text`` names (its key in :data:`ALLIANCES`), or None."""
    m = _PATTERN.search(text)
    return ALLIANCE_NAMES[m.group()] if m else None


def alliance_members(alliance: str, on: dt.date) -> frozenset[str]:
    """The members of ``alliance`` on the date ``on`` (ISO2 codes); empty for an unknown alliance."""
    members = ALLIANCES.get(alliance, {})
    return frozenset(c for c, (joined, left) in members.items() if joined <= on and (left is None or on < left))
