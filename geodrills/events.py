"""Drill events: which exercise, when, where and who, across articles.

Rule-based, over sentences (no model weights are available offline):

1. *Mentions.*  A sentence mentions an exercise when it has a cue noun
   ("exercise", "drills", "manoeuvres", "war games", "training" used as a
   noun) in an article with military vocabulary.  Habitual statements
   ("are held regularly", "are not new") describe no single exercise and are
   skipped.
2. *Within an article* each mention either starts a new exercise or refers
   to one already introduced: a name not seen before, a "previous"/"last
   such"/"already" marker, a kind of exercise the focus is not
   ("mountaineering training" after a joint exercise), participants disjoint
   from the focus's, or a date that contradicts the focus's start a new one;
   definite and bare mentions ("the exercises", "drills") otherwise refer to
   the exercise in focus.  A name without a cue ("Winter 2021 is a show of
   strength") only names an exercise already introduced in the same year.
3. *Attributes* come only from words bound to the cue: a date, duration or
   place is the exercise's unless a verb or noun of another event ("said",
   "arrived", "war", "talks") stands between it and the cue.  Places are
   ``"location"`` when a locative word ("in", "across", "includes", "is
   hosting") ties them to the exercise, else ``"mentioned"``.  Participants
   come from demonyms and country names in participant roles ("Turkish and
   Azerbaijani troops", "Turkey and Azerbaijan launched", "Iran's military").
4. *Across articles* reports with the same name, or unnamed ones whose
   resolved dates overlap with the same participants and nearby locations,
   become one event; contradictions between reports (dates, places,
   participants) are kept in ``conflicts``.

Examples
--------
>>> from geodrills.articles import Article
>>> a = Article.from_text(" date 2021-02-01 Today, Turkish and Azerbaijani troops began joint military "
...                       "exercises. The exercises will last for five days.", "a.txt")
>>> ev = extract_events([a], mentions={"a.txt": []})
>>> ev.loc[0, ["start_date", "end_date", "date_precision", "participants"]].tolist()
['2021-02-01', '2021-02-05', 'day', ['AZ', 'TR']]
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any

from ._optional import import_optional
from .articles import Article, as_article, read_articles
from .dates import DateExpr, Duration, find_dates, find_durations, iso_bounds
from .demonyms import find_demonyms
from .errors import InputError

__all__ = ["extract_events", "events_to_records", "timeline_chart", "COLUMNS"]

#: Columns of the frame :func:`extract_events` returns, in order.
from .schema import EVENT_COLUMNS as COLUMNS  # noqa: E402  (the one home of output columns)

_I = re.IGNORECASE

# --------------------------------------------------------------------------
# vocabulary

_CUE = re.compile(
    r"\b(?:exercises?|drills?|manoeuvres?|maneuvers?|war[\s-]?games?|wargames?|training)\b", _I)
# Words that show the article is about armed forces at all; without one,
# "exercise" is as likely to be a gym or a right ("exercise its veto").
_MILITARY = re.compile(
    r"\b(?:military|militaries|army|armies|forces|troops|servicemen|soldiers|defen[cs]e|navy|navies|naval|"
    r"artillery|tanks?|commandos?|brigades?|battalions?|warships?|fighter\s+jets|paratroopers|marines)\b", _I)
_TRAINING_NOT_NOUN_BEFORE = re.compile(r"\b(?:been|is|are|was|were|be|being|in|of)\s+$", _I)
_TRAINING_COMPOUND_AFTER = re.compile(
    r"^\s+(?:cent(?:re|er)s?|schools?|grounds?|camps?|facilit(?:y|ies)|bases?|ranges?|programmes?|programs?|"
    r"academ(?:y|ies)|courses?|exercises?|drills?|[A-Z]\w*|officers|troops|soldiers|personnel|staff)\b")
_EXERCISE_VERB_AFTER = re.compile(r"^\s+(?:restraint|caution|control|power|influence|sovereignty|its|their|the\s+right)\b", _I)

# Statements of habit name no single exercise.
_HABITUAL = re.compile(
    r"\b(?:regular(?:ly)?|routinely|every\s+year|each\s+year|for\s+(?:several|many)\s+years|for\s+decades|"
    r"(?:are|is)\s+not\s+new|from\s+now\s+on|traditionally|usually)\b", _I)
_PAST_NP = {"previous", "last", "earlier", "past", "prior", "former", "first"}
_PAST_SENTENCE = re.compile(r"\b(?:already|last\s+(?:such|time))\b", _I)
_CURRENT_SENTENCE = re.compile(r"\b(?:(?:is|are)\s+(?:\w+\s+)?\w+ing|will|today|now)\b", _I)

# Modifiers that say nothing about which exercise is meant.  Any other
# lower-case word before the cue ("mountaineering", "flight-tactical",
# "naval") names a kind of exercise, and a different kind is a different one.
_GENERIC_MODIFIERS = {
    "joint", "military", "large-scale", "largest", "large", "major", "comprehensive", "tactical", "training",
    "combined", "bilateral", "trilateral", "multinational", "international", "winter", "summer", "spring",
    "autumn", "annual", "regular", "recent", "latest", "current", "ongoing", "new", "next", "first", "second",
    "third", "last", "previous", "such", "planned", "upcoming", "scheduled", "full-scale", "big", "massive",
    "same", "other", "similar", "further", "main", "live-fire", "command-staff", "war", "these", "those",
    "this", "that", "earlier", "past", "prior", "former", "another", "biggest", "several", "many", "some",
    "both", "two", "three", "forthcoming", "ambitious", "extensive", "intensive", "important",
}
_DETERMINERS = {"the", "a", "an", "these", "those", "this", "that", "such", "another", "its", "their", "his",
                "her", "our", "any", "each", "every", "both", "all", "much", "some", "no"}
_NP_STOP = {"in", "of", "for", "to", "at", "on", "with", "by", "from", "and", "or", "but", "as", "after",
            "before", "during", "between", "about", "into", "than", "that", "which", "who", "is", "are",
            "was", "were", "be", "been", "being", "have", "has", "had", "will", "would", "launched", "held",
            "conducted", "conduct", "hold", "holding", "out", "off", "began", "started", "starting", "up",
            "participate", "part", "take", "took", "cover", "follows", "said", "says", "what", "when", "where"}

# Nouns and verbs of other happenings.  A date or a place separated from the
# cue by one of these belongs to that happening, not to the exercise.
_BLOCKER = re.compile(
    r"\b(?:arrived?|arrives|arriving|said|says|announced|announces|stated|states|noted|notes|told|reported|"
    r"reports|statement|met|meets|visited|visits?|signed|attend(?:ed|s)?|fought|fight|declared|accused?|"
    r"broke\s+out|war|wars|conflict|offensive|ceasefire|cease-fire|attacks?|fighting|talks|opening|"
    r"agreement|elections?|summit|negotiations?|protests?|aimed\s+at|directed\s+at|targeting|against|"
    r"threats?)\b", _I)
# Between a named force and the cue, these make the force someone else's:
# "fought a war with Armenian forces", "talks with Iranian officials".
_PARTICIPANT_BLOCKER = re.compile(
    r"\b(?:war|wars|conflict|offensive|ceasefire|cease-fire|attacks?|fighting|fought|fight|talks|negotiations?|"
    r"agreement|against|threats?|accus\w*|aimed\s+at|response\s+to|border)\b", _I)
_LOCATIVE_TAIL = re.compile(
    r"\b(?:in|at|near|across|around|inside|within|throughout|on|along|over|into|includes?|including|"
    r"involv(?:e|es|ing)|cover(?:s|ing)?|hosted\s+by)\b(?:\s+(?:the|a))?(?:\s+[\w’'-]+){0,4}?(?:\s+of)?\s*[\"“]?$",
    _I)
_ENDING = re.compile(r"\b(?:end|ends|ended|ending|conclude[sd]?|concluding|wrap(?:s|ped)?\s+up|run\s+until|"
                     r"last\s+until|continue\s+until|until|till|through)\b", _I)
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s*and|,?\s*or|&)\s*$")
_HOST = re.compile(r"^\W*(?:\w+\s+){0,2}?(?:is|are|was|will|has|have)?\s*(?:been\s+)?(?:hosting|hosts|hosted|host)\b", _I)
_PURPOSE = re.compile(
    r"^\s*(?:[\w’'-]+\s+){0,2}?(?:to\s+(?:conduct|hold|take\s+part\s+in|participate\s+in|join|attend|carry\s+out|"
    r"stage|start|begin)|for)\b", _I)
_BORDER_BEFORE = re.compile(r"\bborders?\s+(?:with|of)\s+(?:the\s+)?$", _I)
_MODIFIER_AFTER = re.compile(
    r"^(?:['’]s\b|\s+(?:country|nation|state|side|government|leadership|army|armies|military|forces|troops|"
    r"border|borders|authorities|officials|president|minister|ministry|people|media|leader|officers)\b)", _I)
_FORCE = (r"(?:military|militaries|army|armies|armed\s+forces|forces|troops|servicemen|soldiers|officers|units|"
          r"navy|navies|air\s+forces?|jets|fighter\s+jets|helicopters|special\s+forces|commandos|military\s+staff|"
          r"servicemembers|personnel|marines|paratroopers|battalions?|brigades?|tank\s+units)")
_FORCE_AFTER = re.compile(rf"^(?:['’]s)?\s+(?:[\w-]+\s+){{0,2}}?{_FORCE}\b", _I)
_EXERCISE_VERB = (r"(?:launched|launch|launches|held|hold|holds|holding|conducted|conduct|conducts|conducting|"
                  r"carried\s+out|carry\s+out|carries\s+out|carrying\s+out|kicked\s+off|kick\s+off|began|begin|"
                  r"begins|started|start|starts|starting|staged|stage|stages|staging|hosted|hosting|host|hosts|"
                  r"completed|wrapped\s+up|organi[sz]ed|organi[sz]e|performed|perform)")
_SUBJECT_VERB_AFTER = re.compile(
    rf"^\s*(?:(?:on\s+\w+|have|has|had|will|are|is|were|was|already|jointly|also|again|recently|today|"
    rf"successfully|together|once\s+again)\s+){{0,3}}{_EXERCISE_VERB}\b", _I)
_BETWEEN_BEFORE = re.compile(r"\b(?:between|among|of|with|by)\s+(?:the\s+)?$", _I)
# Words that point back to participants named elsewhere in the article.
_JOINT = re.compile(r"\b(?:joint|two\s+countries|both\s+(?:countries|militaries|armies|sides)|bilateral|"
                    r"the\s+countries|two\s+states|two\s+nations|allies|such|their\s+(?:[\w-]+\s+)?"
                    r"(?:armed\s+forces|armies|militaries|forces|troops))\b", _I)

# "Winter 2021", "Mustafa Kemal Atatürk 2023", "TurAz Qartalı 2022".
_NAME_WITH_YEAR = re.compile(r"((?:[^\W\d_][\w’'.-]*[ \t]+){1,5})((?:19|20)\d\d)\b")
_QUOTED = re.compile(r"[\"“]([^\"“”\n]{2,80})[\"”]")
_NAME_VERB_BEFORE = re.compile(r"\b(?:dubbed|called|named|codenamed|code-named|titled)\s*$", _I)
_DATE_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
               "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
               "saturday", "sunday"}
# A capitalised phrase after one of these is a date ("In Winter 2021"), not a name.
_NAME_STOP_BEFORE = {"in", "since", "of", "by", "during", "until", "from", "before", "after", "early", "late",
                     "mid", "to", "through", "for", "till"}
_SENTENCE_END = re.compile(r"[.!?․…]+[\"”’)\]]*\s+")
_ABBREVIATIONS = {"sept", "sep", "nov", "dec", "jan", "feb", "aug", "oct", "mr", "mrs", "ms", "dr", "st", "no",
                  "gen", "lt", "col", "maj", "capt", "sgt", "vs", "u.s", "u.k", "e.g", "i.e", "approx", "jr",
                  "sr", "prof", "gov", "rep", "sen", "adm", "cmdr"}

_KIND_RANK = {"city": 0, "town": 0, "village": 0, "border_crossing": 0, "admin2": 1, "admin1": 2, "mountain": 2,
              "river": 3, "corridor": 3, "region": 4, "sea": 4, "country": 5}


# --------------------------------------------------------------------------
# small records

@dataclass(frozen=True, slots=True)
class _Loc:
    """A resolved place mention, whatever produced it (geoparser or a frame)."""

    start: int
    end: int
    text: str
    name: str
    kind: str
    country: str | None
    lat: float
    lon: float
    place_id: str


@dataclass
class _Mention:
    sentence: tuple[int, int]
    sentence_index: int
    cue: tuple[int, int]
    determiner: str
    modifiers: list[str]
    kinds: set[str]
    past: bool
    current: bool
    name: str | None
    name_has_cue: bool
    participants: set[str]
    dates: list[DateExpr]
    durations: list[Duration]
    locations: list[_Loc]
    mentioned: list[_Loc]
    border_of: list[_Loc]
    joint: bool
    bare_name: bool = False
    cls: str = "exercise"


@dataclass
class _Report:
    """One exercise as one article tells it."""

    article: str
    index: int
    first_sentence: int
    name: str | None = None
    label: str | None = None
    kinds: set[str] = field(default_factory=set)
    cls: str = "exercise"
    past: bool = False
    date: DateExpr | None = None
    anchored: DateExpr | None = None
    duration: Duration | None = None
    participants: set[str] = field(default_factory=set)
    joint: bool = False
    locations: list[_Loc] = field(default_factory=list)
    mentioned: list[_Loc] = field(default_factory=list)
    border_of: list[_Loc] = field(default_factory=list)
    evidence: list[tuple[int, int, str]] = field(default_factory=list)
    explicit_participants: bool = False

    # -- dates ------------------------------------------------------------
    def bounds(self) -> tuple[dt.date, dt.date] | None:
        if self.date is None or not self.date.resolved:
            return None
        first, last = self.date.bounds()
        if self.end_date() is not None:
            last = max(last, iso_bounds(self.end_date())[1])
        if self.min_end_date() is not None:
            last = max(last, dt.date.fromisoformat(self.min_end_date()))
        return first, last

    def start_date(self) -> str | None:
        return self.date.start_date if self.date is not None and self.date.resolved else None

    def end_date(self) -> str | None:
        if self.date is None or not self.date.resolved:
            return None
        if self.date.end_date is not None:
            return self.date.end_date
        if self.duration is not None and self.duration.bound == "exact" and self.date.precision == "day":
            start = dt.date.fromisoformat(self.date.start_date)
            return (start + dt.timedelta(days=self.duration.days - 1)).isoformat()
        return None

    def min_end_date(self) -> str | None:
        """For "more than ten days" from a known start: the earliest the end can be."""
        if (self.duration is None or self.duration.bound != "min" or self.date is None
                or self.date.precision != "day" or self.date.end_date is not None):
            return None
        start = dt.date.fromisoformat(self.date.start_date)
        return (start + dt.timedelta(days=self.duration.days)).isoformat()

    def precision(self) -> str:
        return self.date.precision if self.date is not None else "unresolved"

    def date_text(self) -> str | None:
        parts = [d.text.strip() for d in (self.date, self.anchored, self.duration) if d is not None]
        return " ... ".join(parts) if parts else None

    def month_hint(self) -> int | None:
        return self.date.month if self.date is not None else None


# --------------------------------------------------------------------------
# places from the geoparser or a frame

def _loc_from_mention(m: Any) -> _Loc | None:
    place = getattr(m, "place", None)
    if place is None:
        return None
    return _Loc(int(m.start), int(m.end), str(m.text), str(place.name), str(place.kind),
                getattr(place, "country", None), float(place.lat), float(place.lon), str(place.id))


def _locs_from_frame(frame: Any) -> dict[str, list[_Loc]]:
    out: dict[str, list[_Loc]] = {}
    needed = {"article", "start", "end", "text", "name", "kind", "country", "lat", "lon"}
    missing = needed - set(frame.columns)
    if missing:
        raise InputError(f"mentions frame lacks the columns {sorted(missing)}")
    for row in frame.itertuples(index=False):
        if row.lat is None or (isinstance(row.lat, float) and math.isnan(row.lat)):
            continue
        place_id = getattr(row, "place_id", None) or f"{row.name}@{row.lat:.4f},{row.lon:.4f}"
        country = row.country if isinstance(row.country, str) and row.country else None
        out.setdefault(str(row.article), []).append(
            _Loc(int(row.start), int(row.end), str(row.text), str(row.name), str(row.kind), country,
                 float(row.lat), float(row.lon), str(place_id)))
    return out


def _locations_for(article: Article, mentions: Any) -> list[_Loc]:
    if mentions is None:
        from .geoparse import geoparse  # the geoparser is the only place places come from

        found = [_loc_from_mention(m) for m in geoparse(article)]
    elif hasattr(mentions, "columns"):
        found = _locs_from_frame(mentions).get(article.name, [])
    elif isinstance(mentions, Mapping):
        found = []
        for m in mentions.get(article.name, ()):
            found.append(m if isinstance(m, _Loc) else _loc_from_mention(m))
    else:
        raise InputError(f"mentions must be a mapping of article name to mentions or a frame, "
                         f"not {type(mentions).__name__}")
    return sorted((loc for loc in found if loc is not None), key=lambda loc: (loc.start, loc.end))


# --------------------------------------------------------------------------
# sentences and mentions

def _sentences(article: Article) -> list[tuple[int, int]]:
    """Sentence spans over the article body, skipping web chrome; lines never join."""
    text = article.text
    spans = []
    pos = article.body_start
    for line in text[article.body_start:].splitlines(keepends=True):
        line_start, line_end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        if any(a <= line_start and line_end <= b for a, b in article.boilerplate):
            continue
        start = line_start
        for m in _SENTENCE_END.finditer(text, line_start, line_end):
            nxt = text[m.end():m.end() + 2].lstrip("\"“‘(")
            if not nxt or not (nxt[0].isupper() or nxt[0].isdigit()):
                continue
            word = re.search(r"([\w.]+)$", text[start:m.start()])
            if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
                continue
            spans.append((start, m.end()))
            start = m.end()
        if text[start:line_end].strip():
            spans.append((start, line_end))
    out = []
    for a, b in spans:  # trim whitespace so evidence quotes are clean
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def _cues(text: str, a: int, b: int) -> list[tuple[int, int]]:
    found = []
    for m in _CUE.finditer(text, a, b):
        word = m.group().lower()
        before, after = text[max(a, m.start() - 40):m.start()], text[m.end():min(b, m.end() + 40)]
        if word == "training":
            # "has been training officers", "training centre", "training exercise" (the cue is "exercise").
            if _TRAINING_NOT_NOUN_BEFORE.search(before) or _TRAINING_COMPOUND_AFTER.match(after):
                continue
        if word.startswith("exercise") and word == "exercise" and _EXERCISE_VERB_AFTER.match(after):
            continue
        found.append(m.span())
    return found


_CIVIL_DRILL = re.compile(r"\b(?:fire|earthquake|evacuation|safety|emergency|dental|tsunami|lockdown|"
                          r"flood|rescue|school|oil|gas)\s+(?:[\w-]+\s+)?$", _I)


def _self_military(text: str, sentence_start: int, cue: tuple[int, int]) -> bool:
    """Drills, manoeuvres and war games are military by themselves unless a civil word says otherwise."""
    word = text[cue[0]:cue[1]].lower()
    if word.startswith(("exercise", "training")):
        return False
    return not _CIVIL_DRILL.search(text[max(sentence_start, cue[0] - 40):cue[0]])


def _noun_phrase(text: str, sentence_start: int, cue_start: int) -> tuple[str, list[str]]:
    """(determiner, modifiers) of the noun phrase the cue heads."""
    words = re.findall(r"[\w’'\"“”-]+|[,;:()]", text[max(sentence_start, cue_start - 80):cue_start])
    modifiers: list[str] = []
    determiner = ""
    for w in reversed(words):
        bare = w.strip("\"“”")
        low = bare.lower().replace("’", "'")
        if not bare or w in ",;:()":
            break
        if low in _DETERMINERS:
            determiner = low
            break
        if low.endswith("'s"):
            determiner = "poss"
            break
        if low in _NP_STOP:
            break
        if low.endswith("ing") and len(modifiers) < 6:
            k = words.index(w) if words.count(w) == 1 else -1
            if k > 0 and words[k - 1].lower() in {"been", "is", "are", "was", "were", "be", "being", "am"}:
                break  # "has been providing training": a verb, not a modifier
        modifiers.append(bare)
        if len(modifiers) >= 6:
            break
    modifiers.reverse()
    return determiner, modifiers


def _kinds(modifiers: Sequence[str], cue_word: str) -> set[str]:
    kinds = set()
    for w in modifiers:
        low = w.lower()
        if (not w[:1].islower() or low in _GENERIC_MODIFIERS or re.fullmatch(r"[\w-]*\d[\w-]*", low)
                or re.fullmatch(r"\w+-(?:day|week|month)(?:-long)?", low) or find_demonyms(w)):
            continue
        kinds.add(low)
    return kinds


def _names(text: str, a: int, b: int) -> list[tuple[int, int, str, bool]]:
    """(start, end, name, followed_by_cue) for exercise names in a sentence."""
    out = []
    for m in _QUOTED.finditer(text, a, b):
        inner = m.group(1).strip()
        after = text[m.end():min(b, m.end() + 30)]
        before = text[max(a, m.start() - 30):m.start()]
        words = inner.split()
        if not inner[:1].isupper() or len(words) > 6:
            continue
        cue_after = bool(re.match(r"^\s*(?:military\s+)?(?:joint\s+)?(?:exercises?|drills?|manoeuvres?|war\s*games?)\b",
                                  after, _I))
        if cue_after or (_NAME_VERB_BEFORE.search(before) and _CUE.search(text[max(a, m.start() - 60):m.start()])):
            out.append((m.start(1), m.start(1) + len(m.group(1).rstrip()), inner, True))
    for m in _NAME_WITH_YEAR.finditer(text, a, b):
        tokens = m.group(1).split()
        # keep the trailing run of capitalised words: "carried out the Winter 2021" -> "Winter"
        run: list[str] = []
        for tok in reversed(tokens):
            if not tok[:1].isupper():
                break
            run.append(tok)
        run.reverse()
        if not run or any(t.lower().strip(".,") in _DATE_WORDS for t in run):
            continue
        while run and run[0] in ("The", "A", "An", "This"):
            run.pop(0)  # "The TurAz Qartalı 2021 exercises"
        if not run or run[0].lower() in _NAME_STOP_BEFORE:
            continue
        start = text.rfind(run[0], m.start(1), m.start(2))
        prev = re.search(r"([\w’']+)\W*$", text[max(a, start - 30):start])
        if prev and prev.group(1).lower() in _NAME_STOP_BEFORE:
            continue
        if any(s <= start < e for s, e, _, _ in out):
            continue
        after = text[m.end():min(b, m.end() + 40)]
        cue_after = bool(re.match(r"^\s*[\"”]?\s*(?:military\s+)?(?:joint\s+)?(?:exercises?|drills?|manoeuvres?|war\s*games?)\b",
                                  after, _I))
        name = " ".join(run + [m.group(2)])
        out.append((start, m.end(2), name, cue_after))
    return sorted(out)


def _norm_name(name: str) -> str:
    # "TurAz Qartalı 2021" and "TurAz Qartali 2021" are one name to a reader.
    folded = unicodedata.normalize("NFKD", name.replace("ı", "i").replace("İ", "I"))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", folded.strip(" \"“”'’")).casefold()


def _between(text: str, a: int, b: int) -> str:
    return text[a:b] if a <= b else text[b:a]


def _blocked(text: str, a: int, b: int) -> bool:
    return bool(_BLOCKER.search(_between(text, a, b)))


def _place_role(text: str, loc: _Loc, cue: tuple[int, int], sentence: tuple[int, int],
                prev_bound: _Loc | None) -> str:
    """"location", "border" or "mentioned" for one place mention relative to one cue."""
    s0, _ = sentence
    after_text = text[loc.end:loc.end + 40]
    before_text = text[max(s0, loc.start - 60):loc.start]
    if _BORDER_BEFORE.search(before_text) or re.match(r"^\s+borders?\b", after_text, _I):
        return "border"
    if _MODIFIER_AFTER.match(after_text):
        return "mentioned"
    if prev_bound is not None and _LIST_GAP.match(text[prev_bound.end:loc.start]):
        return "location"
    cs, ce = cue
    if loc.start >= ce:
        gap = text[ce:loc.start]
        if len(gap) <= 140 and not _BLOCKER.search(gap) and _LOCATIVE_TAIL.search(gap):
            return "location"
        return "mentioned"
    gap = text[loc.end:cs]
    if len(gap) > 120 or _BLOCKER.search(gap):
        return "mentioned"
    if _HOST.match(gap):
        return "location"
    if _LOCATIVE_TAIL.search(before_text) and (_PURPOSE.match(gap) or len(gap) <= 60):
        return "location"
    return "mentioned"


def _participants(text: str, a: int, b: int, locs: Sequence[_Loc], cue: tuple[int, int]) -> set[str]:
    """Countries shown taking part: by demonym or name in a participant role."""
    found: set[str] = set()
    demonyms = find_demonyms(text[a:b])
    # "Turkish and Azerbaijani troops": a list of demonyms before a force noun.
    i = 0
    while i < len(demonyms):
        group = [demonyms[i]]
        while i + 1 < len(demonyms) and re.fullmatch(r"\s*(?:,|and|-|–|,\s*and)\s*",
                                                      text[a + demonyms[i].end:a + demonyms[i + 1].start]):
            i += 1
            group.append(demonyms[i])
        tail = text[a + group[-1].end:b]
        head_cue = re.match(r"^\s+(?:[\w-]+\s+){0,3}?(?:exercises?|drills?|manoeuvres?|maneuvers?|war\s*games?|training)\b",
                            tail, _I)
        blocked = _PARTICIPANT_BLOCKER.search(_between(text, a + group[-1].end, cue[0]) if a + group[-1].end <= cue[0]
                                              else _between(text, cue[1], a + group[0].start))
        if blocked:
            pass
        elif _FORCE_AFTER.match(tail) or head_cue:
            if not re.match(r"^\s+(?:border|borders|public|media|side|foreign|defen[cs]e\s+ministry)\b", tail, _I):
                found.update(d.country for d in group if d.country)
        i += 1
    # Country names and capitals: "Turkey and Azerbaijan launched", "Iran's military",
    # "between Turkey and Azerbaijan", "Azerbaijan troops", "Azerbaijan is hosting".
    cs, ce = cue
    inside = [loc for loc in locs if a <= loc.start and loc.end <= b and loc.country
              and loc.kind in ("country", "city", "admin1")]
    j = 0
    while j < len(inside):
        group = [inside[j]]
        while j + 1 < len(inside) and _LIST_GAP.match(text[inside[j].end:inside[j + 1].start]):
            j += 1
            group.append(inside[j])
        after = text[group[-1].end:b]
        before = text[max(a, group[0].start - 30):group[0].start]
        countries = {loc.country for loc in group if loc.kind == "country"}
        gap = text[group[-1].end:cue[0]] if group[-1].end <= cue[0] else text[cue[1]:group[0].start]
        if _PARTICIPANT_BLOCKER.search(gap):
            j += 1
            continue
        if _SUBJECT_VERB_AFTER.match(after) or _HOST.match(after):
            countries = {loc.country for loc in group}  # "Ankara and Baku launched": capitals for governments
            found.update(countries)
        elif _FORCE_AFTER.match(after) and not re.match(r"^['’]s\s+(?:[\w-]+\s+){0,2}?(?:defen[cs]e\s+)?ministry", after, _I):
            found.update(countries)
        elif _BETWEEN_BEFORE.search(before) and (abs(group[0].start - ce) <= 40 or
                                                 re.search(rf"{_FORCE}\s+(?:of|between)\s+(?:the\s+)?$", before, _I)):
            found.update(countries)
        j += 1
    return found


def _article_mentions(article: Article, locs: Sequence[_Loc]) -> list[_Mention]:
    text = article.text
    military = bool(_MILITARY.search(text, article.body_start))
    mentions = []
    for index, (a, b) in enumerate(_sentences(article)):
        cues = [c for c in _cues(text, a, b) if military or _self_military(text, a, c)]
        names = _names(text, a, b) if military or cues else []
        if not cues and not names:
            continue
        sentence_locs = [loc for loc in locs if a <= loc.start and loc.end <= b
                         and not any(s <= loc.start < e for s, e in article.boilerplate)]
        dates = find_dates(text[a:b], ref_date=article.date)
        dates = [DateExpr(d.start + a, d.end + a, d.text, d.kind, d.start_date, d.end_date, d.precision,
                          d.note, d.month) for d in dates]
        durations = [Duration(d.start + a, d.end + a, d.text, d.days, d.bound) for d in find_durations(text[a:b])]
        # A name away from any cue ("Winter 2021 is a show of strength") can only
        # name an exercise already introduced.
        for s, e, name, has_cue in names:
            if not (has_cue and any(0 <= c[0] - e <= 12 for c in cues)):
                mentions.append(_Mention((a, b), index, (s, e), "", [], set(), False, False, name, False,
                                         set(), [], [], [], [], [], False, bare_name=True))
        if not cues:
            continue
        sentence_text = text[a:b]
        habitual = bool(_HABITUAL.search(sentence_text))
        for k, cue in enumerate(cues):
            others = [c for c in cues if c != cue]

            def nearest(pos_start: int, pos_end: int, cue: tuple[int, int] = cue, others=others) -> bool:
                mid = (pos_start + pos_end) / 2
                own = min(abs(mid - cue[0]), abs(mid - cue[1]))
                return all(own <= min(abs(mid - c[0]), abs(mid - c[1])) for c in others)

            determiner, modifiers = _noun_phrase(text, a, cue[0])
            cue_word = text[cue[0]:cue[1]]
            name, name_has_cue = None, False
            for s, e, n, has_cue in names:
                if has_cue and 0 <= cue[0] - e <= 12:
                    name, name_has_cue = n, True
            my_dates = []
            for d in dates:
                if not nearest(d.start, d.end) or _blocked(text, d.end if d.end <= cue[0] else cue[1],
                                                           cue[0] if d.end <= cue[0] else d.start):
                    continue
                if d.kind == "anchored" and re.fullmatch(r"\s*(?:the|a|an|these|those)?\s*(?:[\w-]+\s+){0,4}",
                                                         text[d.end:cue[0]]):
                    continue  # "a month and a half after the previous exercises": the exercise is the anchor
                my_dates.append(d)
            my_durations = []
            for d in durations:
                if not nearest(d.start, d.end):
                    continue
                np_start = cue[0] - len(" ".join(modifiers)) - 2
                if d.text.endswith(("-day", "-week", "-month")):
                    if np_start <= d.start < cue[0]:
                        my_durations.append(d)
                elif not _blocked(text, min(d.start, cue[1]), max(d.start, cue[0])):
                    my_durations.append(d)
            if habitual and not my_dates and name is None:
                continue
            locations, mentioned, border_of = [], [], []
            prev_bound = None
            for loc in sentence_locs:
                role = _place_role(text, loc, cue, (a, b), prev_bound)
                if role == "location" and not nearest(loc.start, loc.end):
                    role = "mentioned"
                if role == "location":
                    locations.append(loc)
                    prev_bound = loc
                else:
                    prev_bound = None
                    (border_of if role == "border" else mentioned).append(loc)
            np_words = {w.lower() for w in modifiers}
            past = bool(np_words & _PAST_NP) or bool(_PAST_SENTENCE.search(sentence_text))
            current = not past and bool(_CURRENT_SENTENCE.search(sentence_text))
            mentions.append(_Mention(
                (a, b), index, cue, determiner, modifiers, _kinds(modifiers, cue_word), past, current, name,
                name_has_cue, _participants(text, a, b, sentence_locs, cue), my_dates, my_durations,
                locations, mentioned, border_of, bool(_JOINT.search(sentence_text)),
                cls="training" if cue_word.lower() == "training" else "exercise"))
    return mentions


# --------------------------------------------------------------------------
# within one article

def _dates_conflict(old: DateExpr | None, new: DateExpr | None) -> bool:
    if old is None or new is None:
        return False
    if old.resolved and new.resolved:
        (a0, a1), (b0, b1) = old.bounds(), new.bounds()
        return b1 < a0 or a1 < b0
    if old.resolved != new.resolved:
        return False
    # Both unresolved: only the same kind of expression can be compared
    # ("on Thursday" vs "on Monday", "In July" vs "In August").
    same_grain = (old.month is not None) == (new.month is not None) and old.kind == new.kind
    return same_grain and old.text.strip().lower() != new.text.strip().lower()


def _add(report: _Report, m: _Mention, text: str, article: str) -> None:
    if m.name and not report.name:
        report.name = m.name
    report.kinds |= m.kinds
    report.participants |= m.participants
    report.explicit_participants |= bool(m.participants)
    report.joint |= m.joint
    ending = bool(_ENDING.search(text[m.sentence[0]:m.sentence[1]]))
    for d in m.dates:
        if d.kind == "anchored":
            report.anchored = report.anchored or d
            continue
        if (ending and d.resolved and report.date is not None and report.date.resolved
                and report.date.end_date is None and d.precision == report.date.precision
                and d.start_date > report.date.start_date):
            # "The exercise will end on September 17": the same exercise's last day
            report.date = DateExpr(report.date.start, report.date.end, report.date.text, report.date.kind,
                                   report.date.start_date, d.start_date, report.date.precision,
                                   month=report.date.month)
            continue
        if report.date is None:
            report.date = d
        elif d.resolved and report.date.resolved and not _dates_conflict(report.date, d):
            # a range that contains the known start adds its end: "Today" + "From February 1 to 12"
            if d.end_date and not report.date.end_date:
                report.date = d
    for d in m.durations:
        report.duration = report.duration or d
    known = {loc.place_id for loc in report.locations}
    for loc in m.locations:
        if loc.place_id not in known:
            report.locations.append(loc)
            known.add(loc.place_id)
    report.mentioned.extend(m.mentioned)
    report.border_of.extend(m.border_of)
    if report.label is None and not m.bare_name:
        words = [w for w in m.modifiers if w[:1].islower() and w.lower() not in _PAST_NP]
        report.label = " ".join(words + [text[m.cue[0]:m.cue[1]].lower()])
    s, e = m.sentence
    if (s, e, article) not in report.evidence:
        report.evidence.append((s, e, text[s:e]))


def _article_reports(article: Article, locs: Sequence[_Loc]) -> list[_Report]:
    text = article.text
    reports: list[_Report] = []
    focus: _Report | None = None
    lead: _Report | None = None

    def new(m: _Mention) -> _Report:
        r = _Report(article.name, len(reports), m.sentence_index, past=m.past, cls=m.cls)
        reports.append(r)
        return r

    for m in _article_mentions(article, locs):
        target: _Report | None = None
        if m.bare_name:
            same_year = [r for r in reports if not r.name and r.start_date()
                         and r.start_date()[:4] == m.name[-4:]]
            named = [r for r in reports if r.name and _norm_name(r.name) == _norm_name(m.name)]
            target = (named or same_year or [None])[0]
            if target is None:
                continue
            _add(target, m, text, article.name)
            focus = target
            continue
        if m.name:
            named = [r for r in reports if r.name and _norm_name(r.name) == _norm_name(m.name)]
            if named:
                target = named[0]
            else:
                same_year = [r for r in reports if not r.name and r.start_date()
                             and r.start_date()[:4] == m.name[-4:]]
                if len(same_year) == 1:
                    target = same_year[0]
                elif (focus is not None and focus is lead and not focus.name
                      and m.sentence_index - focus.first_sentence <= 1 and m.determiner in ("the", "this", "")
                      and not any(_dates_conflict(focus.date, d) for d in m.dates)):
                    target = focus
        elif focus is None:
            target = None
        else:
            candidate = focus
            if lead is not None and candidate is not lead and not m.participants:
                # Back to the story's own exercise after an aside about a foreign one
                # ("It is also a response to Iran's exercises. The recent exercise ...").
                if candidate.participants and lead.participants and not (candidate.participants & lead.participants):
                    candidate = lead
                elif m.current and candidate.past and not m.past:
                    candidate = lead
            own_date = [d for d in m.dates if d.kind != "anchored"]
            definite = m.determiner in ("the", "these", "those", "this", "that", "such", "poss")
            if m.past and not candidate.past and not (definite and not m.dates):
                target = None
            elif m.past and not candidate.past and definite and not (m.modifiers and set(w.lower() for w in m.modifiers) & {"previous", "last", "earlier", "past", "prior", "former"}):
                target = candidate
            elif m.past and not candidate.past:
                target = None
            elif m.cls != candidate.cls:
                target = None  # "the flight-tactical training" is not "the exercise"
            elif m.kinds and not (m.kinds <= candidate.kinds) and (candidate.kinds or not definite):
                target = None
            elif m.participants and candidate.participants and not (m.participants & candidate.participants):
                target = None
            elif own_date and candidate.date is not None and any(_dates_conflict(candidate.date, d) for d in own_date) \
                    and not definite:
                target = None
            elif own_date and candidate.name and not definite:
                target = None
            else:
                target = candidate
        if target is None:
            target = new(m)
            if lead is None:
                lead = target
        _add(target, m, text, article.name)
        focus = target

    kept = []
    for r in reports:
        # An exercise we can say nothing about (no name, date, place or named
        # participant: "the last time such exercises were held") is not reported.
        if r.name or r.date or r.anchored or r.locations or r.explicit_participants:
            kept.append(r)
    lead_participants = next((r.participants for r in kept if len(r.participants) >= 2), set())
    for r in kept:
        if not r.participants and r.joint and lead_participants:
            r.participants = set(lead_participants)
        if not r.locations and r.border_of:
            # "exercises on the border with Azerbaijan" by Iran: both sides of that border.
            own = [loc for loc in r.mentioned if loc.kind == "country" and loc.country in r.participants]
            r.locations = _dedupe(own[:1] + r.border_of)
    return kept


def _dedupe(locs: Iterable[_Loc]) -> list[_Loc]:
    seen, out = set(), []
    for loc in locs:
        if loc.place_id not in seen:
            seen.add(loc.place_id)
            out.append(loc)
    return out


# --------------------------------------------------------------------------
# across articles

def _km(a: _Loc, b: _Loc) -> float:
    # A sphere is plenty to decide whether two reports place an exercise in the same area.
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dphi, dlmb = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dphi / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _places_compatible(a: Sequence[_Loc], b: Sequence[_Loc], km: float = 100.0) -> bool:
    if not a or not b:
        return True
    for x in a:
        for y in b:
            if x.place_id == y.place_id or _km(x, y) <= km:
                return True
            if (x.kind == "country" or y.kind == "country") and x.country and x.country == y.country:
                return True
    return False


def _same_exercise(r: _Report, s: _Report) -> bool:
    if r.name and s.name:
        return _norm_name(r.name) == _norm_name(s.name)
    rb, sb = r.bounds(), s.bounds()
    if rb is None or sb is None or rb[1] < sb[0] or sb[1] < rb[0]:
        return False
    if r.participants and s.participants and r.participants != s.participants:
        return False
    return _places_compatible(r.locations, s.locations)


def _conflicts(reports: Sequence[_Report]) -> list[str]:
    out = []
    for i, r in enumerate(reports):
        for s in reports[i + 1:]:
            if r.article == s.article:
                continue
            rb, sb = r.bounds(), s.bounds()
            if rb and sb and (rb[1] < sb[0] or sb[1] < rb[0]):
                out.append(f"dates: {r.article} says {r.date_text()!r} ({_range(r)}), "
                           f"{s.article} says {s.date_text()!r} ({_range(s)})")
            for x, y in ((r, s), (s, r)):
                if x.bounds() and y.bounds() is None and y.month_hint() is not None:
                    months = _months_in(*x.bounds())
                    if y.month_hint() not in months:
                        out.append(f"dates: {y.article} says {y.date.text.strip()!r}, "
                                   f"but {x.article} gives {_range(x)}")
            if not _places_compatible(r.locations, s.locations):
                out.append(f"places: {r.article} says {', '.join(loc.name for loc in r.locations)}, "
                           f"{s.article} says {', '.join(loc.name for loc in s.locations)}")
            if r.explicit_participants and s.explicit_participants and r.participants != s.participants:
                out.append(f"participants: {r.article} names {', '.join(sorted(r.participants))}, "
                           f"{s.article} names {', '.join(sorted(s.participants))}")
    return sorted(set(out))


def _months_in(first: dt.date, last: dt.date) -> set[int]:
    months, y, m = set(), first.year, first.month
    while (y, m) <= (last.year, last.month) and len(months) < 12:
        months.add(m)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def _range(r: _Report) -> str:
    start, end = r.start_date(), r.end_date() or r.min_end_date()
    return f"{start} to {end}" if end and end != start else str(start)


def _loc_dict(loc: _Loc, role: str) -> dict[str, Any]:
    return {"name": loc.name, "country": loc.country, "lat": round(loc.lat, 5), "lon": round(loc.lon, 5),
            "kind": loc.kind, "place_id": loc.place_id, "role": role}


def _event_row(reports: list[_Report]) -> dict[str, Any]:
    reports = sorted(reports, key=lambda r: (r.article, r.index))
    names = [r.name for r in reports if r.name]
    name = names[0] if names else None
    rank = {p: i for i, p in enumerate(("day", "month", "year", "unresolved"))}
    dated = sorted((r for r in reports if r.start_date()), key=lambda r: (rank[r.precision()], r.article))
    if dated:
        best = rank[dated[0].precision()]
        same = [r for r in dated if rank[r.precision()] == best]
        start = min(r.start_date() for r in same)
        ends = [r.end_date() for r in same if r.end_date()]
        end = max(ends) if ends else None
        precision = dated[0].precision()
    else:
        start = end = None
        precision = "unresolved"
    location_ids: dict[str, _Loc] = {}
    for r in reports:
        for loc in r.locations:
            location_ids.setdefault(loc.place_id, loc)
    places = [_loc_dict(loc, "location") for loc in location_ids.values()]
    mentioned: dict[str, _Loc] = {}
    for r in reports:
        for loc in r.mentioned + r.border_of:
            if loc.place_id not in location_ids:
                mentioned.setdefault(loc.place_id, loc)
    places += [_loc_dict(loc, "mentioned") for loc in mentioned.values()]
    participants = sorted(set().union(*(r.participants for r in reports)))
    evidence = sorted({(r.article, s, e, t) for r in reports for s, e, t in r.evidence})
    key = _norm_name(name) if name else f"{reports[0].article}:{reports[0].evidence[0][0]}"
    event_id = "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
    geometry_loc = min(location_ids.values(), key=lambda loc: (_KIND_RANK.get(loc.kind, 3), loc.start),
                       default=None)
    date_texts = [f"{r.article}: {r.date_text()}" for r in reports if r.date_text()]
    return {
        "event_id": event_id,
        "name": name,
        "label": next((r.label for r in reports if r.label), None),
        "start_date": start,
        "end_date": end,
        "date_precision": precision,
        "date_text": "; ".join(date_texts) or None,
        "places": places,
        "participants": participants,
        "articles": sorted({r.article for r in reports}),
        "evidence": [{"article": a, "start": s, "end": e, "text": t} for a, s, e, t in evidence],
        "reports": [{
            "article": r.article,
            "name": r.name,
            "start_date": r.start_date(),
            "end_date": r.end_date(),
            "min_end_date": r.min_end_date(),
            "date_precision": r.precision(),
            "date_text": r.date_text(),
            "locations": [{k: v for k, v in _loc_dict(loc, "location").items() if k != "role"}
                          for loc in r.locations],
            "participants": sorted(r.participants),
        } for r in reports],
        "conflicts": _conflicts(reports),
        "_point": (geometry_loc.lon, geometry_loc.lat) if geometry_loc else None,
    }


def _as_articles(articles: Any) -> list[Article]:
    """Articles from an article, a path, a folder, a corpus table, a DataFrame, raw text, or an iterable."""
    from .corpus import iter_articles  # every corpus source; see geodrills.corpus

    return list(iter_articles(articles))


def extract_events(articles: Any, *, mentions: Any = None):
    """The military exercises the articles describe, one row per exercise.

    Parameters
    ----------
    articles : Article, path, directory, text, or an iterable of them
    mentions : mapping or DataFrame, optional
        Place mentions to use instead of running the geoparser: a mapping of
        article name to :class:`~geodrills.geoparse.Mention` objects, or a
        frame shaped like :func:`~geodrills.geoparse.geoparse_frame`'s.

    Returns
    -------
    geopandas.GeoDataFrame
        EPSG:4326, columns :data:`COLUMNS`; ``geometry`` is the point of the
        most precise location place (None when no place is known).
        ``places`` holds dicts (name, country, lat, lon, kind, place_id,
        role "location"/"mentioned"); ``reports`` what each article says;
        ``conflicts`` where articles contradict each other.  Rows are sorted
        by start date (undated last), then name; ``event_id`` depends only on
        the name (or the first evidence), so output is deterministic.

    Raises
    ------
    InputError
        Unreadable articles or malformed ``mentions``.

    Examples
    --------
    >>> from geodrills.articles import Article
    >>> a = Article.from_text("Turkish and Azerbaijani troops launched the TurAz Qartali 2022 exercise in Baku.",
    ...                       "x.txt")
    >>> extract_events([a])[["name", "participants"]].values.tolist()
    [['TurAz Qartali 2022', ['AZ', 'TR']]]
    """
    gpd = import_optional("geopandas", feature="extract_events")
    docs = _as_articles(articles)
    all_reports: list[_Report] = []
    for article in docs:
        all_reports.extend(_article_reports(article, _locations_for(article, mentions)))
    all_reports.sort(key=lambda r: (r.article, r.index))
    # union-find over reports that describe the same exercise
    parent = list(range(len(all_reports)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, r in enumerate(all_reports):
        for j in range(i + 1, len(all_reports)):
            s = all_reports[j]
            if r.article != s.article and _same_exercise(r, s):
                group_i = [all_reports[k] for k in range(len(all_reports)) if find(k) == find(i)]
                group_j = [all_reports[k] for k in range(len(all_reports)) if find(k) == find(j)]
                # never merge two different names through an unnamed report
                names = {_norm_name(x.name) for x in group_i + group_j if x.name}
                articles_i = {x.article for x in group_i}
                if len(names) <= 1 and not (articles_i & {x.article for x in group_j}):
                    parent[find(j)] = find(i)
    groups: dict[int, list[_Report]] = {}
    for i, r in enumerate(all_reports):
        groups.setdefault(find(i), []).append(r)
    rows = [_event_row(g) for g in groups.values()]
    rows.sort(key=lambda row: (row["start_date"] is None, row["start_date"] or "", row["name"] or "",
                               row["event_id"]))
    points = [row.pop("_point") for row in rows]
    shapely = import_optional("shapely", feature="extract_events")
    geometry = [shapely.Point(p) if p else None for p in points]
    frame = gpd.GeoDataFrame(rows, columns=COLUMNS[:-1], geometry=geometry, crs="EPSG:4326")
    for col in ("name", "label", "start_date", "end_date", "date_text"):
        # pandas turns None into NaN in all-missing columns; callers and JSON want None
        frame[col] = frame[col].astype(object).where(frame[col].notna(), None)
    return frame.reset_index(drop=True)


# --------------------------------------------------------------------------
# output

def events_to_records(events) -> list[dict[str, Any]]:
    """Plain JSON-ready dicts, one per event (geometry as ``lat``/``lon``).

    Examples
    --------
    >>> events_to_records(extract_events([], mentions={}))
    []
    """
    records = []
    for row in events.itertuples(index=False):
        rec = {col: getattr(row, col) for col in COLUMNS if col != "geometry"}
        geom = getattr(row, "geometry", None)
        rec["lat"] = round(geom.y, 5) if geom is not None and not geom.is_empty else None
        rec["lon"] = round(geom.x, 5) if geom is not None and not geom.is_empty else None
        records.append(rec)
    return records


_PRECISION_COLOURS = {"day": "#1b6ca8", "month": "#5aa469", "year": "#d4a017"}


def timeline_chart(events, *, title: str = "Military exercises", ax=None):
    """A timeline of the exercises: bars from start to end, markers for single days.

    Each dated event is one row, labelled by its name (or its description),
    coloured by date precision (day, month, year); a month- or year-precise
    date spans its whole month or year.  Undated events cannot be placed on
    a time axis and are counted in the title instead of drawn.

    Parameters
    ----------
    events : DataFrame
        As returned by :func:`extract_events`.
    title : str
    ax : matplotlib Axes, optional
        Draw into an existing axes instead of a new figure.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    MissingDependencyError
        matplotlib is not installed.

    Examples
    --------
    >>> fig = timeline_chart(extract_events([], mentions={}))  # doctest: +SKIP
    """
    import_optional("matplotlib", feature="timeline_chart", extra="notebooks")
    from matplotlib.dates import DateFormatter, date2num
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    dated, undated = [], 0
    for row in events.itertuples(index=False):
        if not row.start_date or row.date_precision == "unresolved":
            undated += 1
            continue
        first = iso_bounds(row.start_date)[0]
        last = iso_bounds(row.end_date or row.start_date)[1]
        label = row.name or row.label or "exercise"
        who = "/".join(row.participants) if row.participants else ""
        dated.append((first, last, f"{label} ({who})" if who else label, row.date_precision))
    dated.sort()
    if ax is None:
        fig = Figure(figsize=(9, 1.2 + 0.45 * max(1, len(dated))))
        ax = fig.add_subplot(111)
    else:
        fig = ax.figure
    for y, (first, last, label, precision) in enumerate(dated):
        colour = _PRECISION_COLOURS.get(precision, "#888888")
        if first == last:
            ax.plot([date2num(first)], [y], marker="D", color=colour, markersize=8, linestyle="none")
        else:
            ax.barh(y, date2num(last + dt.timedelta(days=1)) - date2num(first), left=date2num(first),
                    height=0.5, color=colour, alpha=0.85)
    ax.set_yticks(range(len(dated)))
    ax.set_yticklabels([d[2] for d in dated])
    ax.invert_yaxis()
    ax.xaxis_date()
    ax.xaxis.set_major_formatter(DateFormatter("%Y-%m"))
    ax.grid(axis="x", alpha=0.3)
    suffix = f" ({undated} undated not shown)" if undated else ""
    ax.set_title(title + suffix)
    handles = [Line2D([0], [0], color=c, lw=6, label=f"{p} precision") for p, c in _PRECISION_COLOURS.items()]
    # beside the axes, so the legend never covers a bar
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small")
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig
