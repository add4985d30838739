"""Finding toponym candidates in text (the scan and cue stages, :mod:`geodrills.toponyms`).

This module keeps the names other code has imported from here; the stages
themselves live in :mod:`geodrills.toponyms.scan` and
:mod:`geodrills.toponyms.cues`, their word lists in
:mod:`geodrills.lexicon.toponyms`.

Examples
--------
>>> from geodrills.gazetteer import Gazetteer
>>> [c.text for c in find_candidates("Troops gathered in Baku and the Araz River.", Gazetteer.default())]
['Baku', 'Araz River']
"""

from __future__ import annotations

from .toponyms.candidate import Candidate
from .lexicon.toponyms import FEATURE_WORDS, OF_WORDS, STOP_WORDS, US_STATE_ABBREVIATIONS
from .toponyms.scan import find_candidates

__all__ = ["Candidate", "find_candidates", "FEATURE_WORDS", "OF_WORDS", "STOP_WORDS", "US_STATE_ABBREVIATIONS"]
