"""What a claim is measured against: a border, a place, a river or a country, read after the cue.

:func:`read_objects` reads a bounded window after a cue:

* a border -- "the Armenian border", "Armenia's border", "the Armenia–Iran
  border", "the border with Latvia and Estonia" (one object per country),
  "their shared border" (the two countries named before), a named line
  (:data:`NAMED_LINES`: the LAC, the DMZ ...);
* otherwise the place mention that starts right there ("near Yerevan",
  "across the Aras", "through Armenia"), with lists ("Armenia, Iran and
  Nakhchivan" -> one object each).

Examples
--------
>>> from geodrills.mentions import geoparse
>>> text = "Drills near the border with Latvia and Estonia."
>>> [(o.type, o.countries) for o in read_objects(text, 12, MentionIndex(geoparse(text)))]
[('border', ('LV',)), ('border', ('EE',))]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..demonyms import demonym_country, find_demonyms
from ..lexicon import MONTHS, WEEKDAYS
from .grammar import BORDER_WORD

__all__ = ["Obj", "MentionIndex", "read_objects", "unresolved_object", "country_list", "NAMED_LINES", "WINDOW"]

#: How far after a cue an object may start/end (characters): bounds the work per cue.
WINDOW = 90
#: De facto lines and named borders -> the border pair they are (sorted ISO2).
NAMED_LINES: dict[str, str] = {
    "line of actual control": "CN-IN", "lac": "CN-IN",
    "line of control": "IN-PK", "loc": "IN-PK",
    "dmz": "KP-KR", "demilitarized zone": "KP-KR", "demilitarised zone": "KP-KR", "inter-korean": "KP-KR",
    "armistice line": "KP-KR",
}
#: determiners, and the words that make an object's edge the object ("close to the rim of the contested X",
#: "on the outskirts of X"): the distance is to X either way
_LEAD = re.compile(r"(?:(?:the|its|their|his|her|a|an|this|both|our) )?"
                   r"(?:(?:edges?|outskirts|fringes?|rim|periphery|vicinity|area|environs) of (?:the )?"
                   r"(?:(?:disputed|occupied|contested|annexed|breakaway|self-declared|restive) )?)?")
_LIST_SEP = re.compile(r"\s?(?:,\s?(?:and |or )?|and |or |as well as |&\s)", re.IGNORECASE)
#: a name followed by a finite verb opens a new clause, it does not continue a list ("..., and Moscow has
#: moved troops", "and Beijing says"); auxiliaries and speech verbs only, the forms that never follow a place
#: that is still an object
_CLAUSE_VERB = re.compile(r"\s(?:has|have|had|is|are|was|were|will|would|shall|should|can|could|may|might|must|"
                          r"does|did|says|said|insists|insisted|claims|claimed|warned|warns|denies|denied)\b")
_WITH = re.compile(r"\s?(?:\([^()\n]{0,40}\)\s?)?(?:with|of|between|to|into|separating|dividing) (?:the )?", re.IGNORECASE)
_PREPOSITION = re.compile(r"\b(?:near|close|from|by|at|on|along|of|in|to|into|across|through|with|ranges?|"
                          r"areas?|towns?|villages?|cities|city)\b", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"[ -](?:towns?|villages?|city|cities|posts?|outposts?|stations?|crossings?|checkpoints?|"
                         r"points?|settlements?|regions?|areas?|districts?|provinces?|zones?)\b", re.IGNORECASE)
_DESCRIBED = re.compile(r"(?:(?:[A-ZÀ-ÞĀ-ſ][\w’'-]{1,30}|[a-z]{1,20}) ){0,3}?(?:exclave|enclave|city|town|village|"
                        r"province|region|district|island|port|capital|republic|state|oblast) of ")
#: lines that are not land borders and that the bundled data does not have
_OTHER_LINE = re.compile(r"(?:the )?((?:median|central|middle|dividing|demarcation|ceasefire|cease-fire|contact|front|"
                         r"separation|maritime) line)\b", re.IGNORECASE)
_SHARED = re.compile(r"\b(?:shared|common|mutual|joint)\b", re.IGNORECASE)
_STOP = re.compile(r"[.;:!?\n(]|,\s(?:which|where|who|while|but|as|and the)\b|\b(?:which|where|who|that)\b")


@dataclass(frozen=True)
class Obj:
    """A claim's object.

    ``type`` is ``border`` (``countries``: one or two ISO2 codes, or ``pair``
    for a named line), ``place`` (``mention``), ``shared`` (a border of the
    countries named before it in the sentence, filled in by the caller) or
    ``unresolved`` (a name the gazetteer does not have: the claim is kept,
    unverifiable).
    """

    type: str
    start: int
    end: int
    countries: tuple[str, ...] = ()
    mention: Any = None
    pair: str | None = None
    name: str | None = None  # an object the gazetteer does not have ("the Matsu Islands")
    stand_in: Any = None  # a known place measured instead (:class:`geodrills.claims.standins.StandIn`)

    @property
    def label(self) -> str:
        if self.name:
            return self.name
        if self.pair:
            return self.pair
        if self.type == "border":
            return "-".join(sorted(self.countries))
        return self.mention.place.name if self.mention is not None and self.mention.place is not None else ""


class MentionIndex(Sequence):
    """Resolved mentions sorted by start, with window look-ups by bisection.

    Every stage asks only about a bounded window around a cue, so extracting
    the claims of a text stays linear in its length however many places and
    cues it holds.
    """

    def __init__(self, mentions) -> None:
        self._ms = sorted((m for m in mentions if m.place is not None), key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self._ms]

    def __len__(self) -> int:
        return len(self._ms)

    def __getitem__(self, i):
        return self._ms[i]

    def starting(self, a: int, b: int) -> list:
        """Mentions that start in ``[a, b]``."""
        return self._ms[bisect_left(self._starts, a):bisect_right(self._starts, b)]

    def around(self, m, k: int) -> list:
        """Up to ``k`` mentions before and ``k`` after mention ``m`` in text order (``m`` excluded)."""
        i = bisect_left(self._starts, m.start)
        return [x for x in self._ms[max(0, i - k):i + k + 1] if x is not m]

    def between(self, a: int, b: int) -> list:
        """Mentions that lie inside ``[a, b)``."""
        return [m for m in self._ms[bisect_left(self._starts, max(0, a)):bisect_left(self._starts, b)] if m.end <= b]


def _mention_at(mentions: MentionIndex, pos: int, slack: int = 1):
    """The resolved mention starting within ``slack`` characters of ``pos``."""
    hits = mentions.starting(pos, pos + slack)
    return hits[0] if hits else None


def _country_of(m) -> str | None:
    p = m.place
    return p.country if p is not None else None


def _country_at(text: str, pos: int, mentions) -> tuple[str | None, int]:
    """A country named at ``pos``: a mention (its country) or a demonym word -> (ISO2, end)."""
    m = _mention_at(mentions, pos)
    if m is not None and _country_of(m):
        return _country_of(m), m.end
    word = re.match(r"[A-ZÀ-ÞĀ-ſ][\w’'-]{0,30}", text[pos:pos + 32])
    if word and demonym_country(word.group(0)):
        return demonym_country(word.group(0)), pos + word.end()
    return None, pos


def country_list(text: str, pos: int, mentions, limit: int) -> tuple[list[str], int]:
    """Countries in a list starting at ``pos`` ("Poland, Lithuania and Latvia") -> (codes, end)."""
    out: list[str] = []
    end = pos
    first_is_mention: bool | None = None
    while pos < limit:
        m = _mention_at(mentions, pos)
        is_mention = m is not None and m.start >= pos
        if first_is_mention is not None and is_mention != first_is_mention:
            break  # "with Poland, Belarusian ..." : a list does not change from names to demonyms
        if is_mention and first_is_mention is not None and m.place.kind != "country":
            break
        cc, nxt = _country_at(text, pos, mentions)
        if cc is None:
            break
        first_is_mention = is_mention if first_is_mention is None else first_is_mention
        out.append(cc)
        end = pos = nxt
        sep = _LIST_SEP.match(text, pos)
        if not sep:
            break
        pos = sep.end()
    return out, end


def _border_object(text: str, pos: int, limit: int, mentions) -> list[Obj]:
    word = BORDER_WORD.search(text, pos, limit)
    if word is None:
        return []
    before = text[pos:word.start()]
    if len(before.split()) > 5 or _STOP.search(before) or _PREPOSITION.search(before):
        return []
    if _NOUN_AFTER.match(text, word.end()):
        return []  # "Azerbaijani border points", "border stations": the noun form of 'on'
    if re.match(r"\s?(?:guards?|police|service|troops|forces|control|security|patrol|dispute|tension|clash|"
                r"incidents?|talks|agreement|regime|closure)s?\b", text[word.end():word.end() + 20], re.IGNORECASE):
        return []  # "near border guards": not the border itself
    named = NAMED_LINES.get(word.group(0).lower()) or next(
        (NAMED_LINES[k] for k in NAMED_LINES if k in before.lower()), None)
    if named:
        return [Obj("border", pos, word.end(), tuple(named.split("-")), pair=named)]
    # countries before the word: "Armenian", "Armenia's", "Armenia-Iran", "Sino-Indian"
    before_cc: list[str] = []
    for m in mentions.between(pos, word.start()):
        if m.place.country:
            before_cc.append(m.place.country)
    for d in find_demonyms(before):
        if d.country and d.country not in before_cc:
            before_cc.append(d.country)
    for part in re.findall(r"[A-Z][a-z]+", before):
        cc = {"Sino": "CN", "Indo": "IN", "Russo": "RU", "Turco": "TR", "Franco": "FR", "Anglo": "GB",
              "Greco": "GR", "Polish": "PL"}.get(part)
        if cc and cc not in before_cc:
            before_cc.append(cc)
    end = word.end()
    after_cc: list[str] = []
    w = _WITH.match(text, end)
    if w:
        after_cc, list_end = country_list(text, w.end(), mentions, limit + 40)
        if after_cc:
            end = list_end
    if _SHARED.search(before) and not before_cc and not after_cc:
        return [Obj("shared", pos, end)]
    if len(before_cc) >= 2 and re.search(r"\band\b|,|\bor\b", before):
        # "the Latvian and Estonian frontier": one border each, with the subject's country
        return [Obj("border", pos, end, (cc,)) for cc in before_cc]
    if len(before_cc) >= 2:  # "the Armenia–Iran border", "the Sino-Indian border": one pair
        return [Obj("border", pos, end, tuple(sorted(set(before_cc[:2]))))]
    if after_cc and before_cc and w and not w.group(0).strip().lower().startswith(("of", "between")):
        return [Obj("border", pos, end, tuple(sorted({before_cc[0], cc}))) for cc in after_cc if cc != before_cc[0]]
    if after_cc and w and "between" in w.group(0).lower() and len(after_cc) >= 2:
        return [Obj("border", pos, end, tuple(sorted(set(after_cc[:2]))))]
    if after_cc:
        return [Obj("border", pos, end, (cc,)) for cc in after_cc]
    if before_cc:
        return [Obj("border", pos, end, (before_cc[0],))]
    return [Obj("border", pos, end, ())]


#: a proper name right after a cue that the gazetteer did not resolve ("the river Prypeć", "the Matsu Islands")
_UNRESOLVED = re.compile(r"(?:the )?(?:(?!of\b|and\b|or\b)[a-z-]{1,20} ){0,2}?(?:river |town of |city of |village of )?"
                         r"((?:[A-ZÀ-ÞĀ-ſ][\w’'-]{1,30} ){0,3}[A-ZÀ-ÞĀ-ſ][\w’'-]{1,30})")


_CALENDAR = frozenset(w.lower() for w in (*MONTHS, *WEEKDAYS))


def unresolved_object(text: str, pos: int) -> Obj | None:
    """An :class:`Obj` of type ``unresolved`` for a proper name at ``pos`` (None if there is none)."""
    pos += len(text[pos:pos + 3]) - len(text[pos:pos + 3].lstrip(" "))
    m = _UNRESOLVED.match(text, pos, min(len(text), pos + WINDOW))
    if m is None or m.group(1).split()[0].lower() in _CALENDAR:
        return None  # "near the end of March": a date, not a place
    return Obj("unresolved", m.start(1), m.end(1), name=m.group(1))


def read_objects(text: str, pos: int, mentions, *, kinds: tuple[str, ...] = ("border", "place")) -> list[Obj]:
    """The object(s) of a cue ending at ``pos``; ``kinds`` says which sorts the cue takes."""
    pos += len(text[pos:pos + 3]) - len(text[pos:pos + 3].lstrip(" "))
    limit = min(len(text), pos + WINDOW)
    stop = _STOP.search(text, pos, limit)
    limit = stop.start() if stop else limit
    lead = _LEAD.match(text, pos)
    start = lead.end() if lead else pos
    line = _OTHER_LINE.match(text, pos, limit)
    if line is not None:  # "crossing the median line of the strait": a line the bundled data does not have
        return [Obj("unresolved", line.start(1), line.end(1), name=line.group(1))]
    if "border" in kinds:
        objs = _border_object(text, pos, limit, mentions)
        if objs:
            if "place" in kinds and objs[0].start == pos:
                # "south of the Kura and the Georgian border": the river is an object too
                first = objs[0]
                places = [Obj("place", m.start, m.end, (m.place.country,) if m.place.country else (), mention=m)
                          for m in mentions.between(pos, first.end) if m.place.kind not in ("country",)
                          and re.match(r"\s?(?:,|and)\b", text[m.end:m.end + 5])]
                return places + objs
            return objs
    if "place" not in kinds:
        return []
    out: list[Obj] = []
    while start < limit:
        m = _mention_at(mentions, start)
        if m is None:  # "the Azerbaijani exclave of Nakhchivan", "the town of Narva"
            of = _DESCRIBED.match(text, start, limit)
            m = _mention_at(mentions, of.end()) if of else None
        if m is None:
            break
        poss = re.match(r"['’]s? ", text[m.end:m.end + 3])
        described = _DESCRIBED.match(text, m.end + poss.end(), limit) if poss else None
        inner = _mention_at(mentions, described.end()) if described else None
        if inner is not None:
            m = inner  # "Azerbaijan's landlocked exclave of Nakhchivan": Nakhchivan
        elif out and poss:
            break  # "with Turkey, and Armenia's border ...": a new clause, not the list
        elif out and _CLAUSE_VERB.match(text, m.end):
            break  # "a border with Russia, and Moscow has moved troops": a new clause, not the list
        if out and m.place.kind in ("continent", "sea", "ocean") and out[0].mention.place.kind != m.place.kind:
            break  # "with Russia, Europe's longest": not a list of neighbours
        out.append(Obj("place", m.start, m.end, (m.place.country,) if m.place.country else (), mention=m))
        sep = _LIST_SEP.match(text, m.end)
        if not sep:
            break
        nxt = _LEAD.match(text, sep.end())
        start = nxt.end() if nxt else sep.end()
    return out
