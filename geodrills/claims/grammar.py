"""The phrase grammar of each claim kind: where a claim starts, what it states, where its object is.

Each pattern is the general form of the phrase -- word order, hedges, units,
negation -- and finds only the *cue*; the object (a border, a place, a river,
a country) is read after it by :mod:`geodrills.claims.objects`, the subject
by :mod:`geodrills.claims.subjects`.  A cue whose object cannot be read is not
a claim ("near-term", "by the army", "through the year").

Every pattern is linear in the text: no nested or adjacent unbounded
quantifiers over the same characters, and every look-back reads a bounded
window (``tests/test_claims.py`` runs them on hostile runs).

Examples
--------
>>> [(p.kind, p.text, p.stated_km, p.bound) for p in find_phrases("It lies some ten miles from the border.")]
[('km_from', 'some ten miles from', 16.09344, 'about')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..geodesy import KM_PER_MILE, KM_PER_NAUTICAL_MILE
from ..lexicon import NUMBER_WORDS

__all__ = ["Phrase", "find_phrases", "DIRECTIONS", "direction_of", "BORDER_WORD", "number_value"]

#: Compass words -> bearing (degrees clockwise from north).
DIRECTIONS: dict[str, float] = {
    "north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0,
    "south": 180.0, "southwest": 225.0, "west": 270.0, "northwest": 315.0,
}
_DIR = r"(?:north|south)(?:[ -]?(?:east|west))?|east|west"
_NUMWORDS = "|".join(sorted((w for w in NUMBER_WORDS if len(w) > 2 and " " not in w), key=len, reverse=True))
_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?|(?:{_NUMWORDS})(?:[ -](?:hundred|thousand))?"
_UNIT = r"km|kms|kilomet(?:er|re)s?|nautical[ -]miles?|miles?|mi|nm|met(?:er|re)s?|m"
#: "12 km", "1,340-kilometer", "ten miles", "800 metres", "(less than) a kilometre"
MEASURE = re.compile(rf"(?<![\w.,])(?P<num>{_NUM}|an?(?=\s(?:kilomet|mile|nautical)))\s?-?\s?(?P<unit>{_UNIT})\b",
                     re.IGNORECASE)
#: hedges right before a figure, and what they make of it
_HEDGE = re.compile(
    r"(?P<h>about|around|some|roughly|approximately|approx\.|nearly|almost|barely|just|only|merely|a mere|"
    r"less than|under|no more than|fewer than|up to|within|more than|over|at least|close to|a little over|"
    r"a little under|well over|well under)\s+(?:a |an )?$",
    re.IGNORECASE,
)
_UPPER = {"less than", "under", "no more than", "fewer than", "up to", "within", "well under", "a little under"}
_LOWER = {"more than", "over", "at least", "well over", "a little over"}
#: border words: a border, a de facto line, a named line
BORDER_WORD = re.compile(
    r"\b(?:borders?|frontiers?|boundary|boundaries|borderline|line of actual control|line of control|"
    r"LAC|LoC|DMZ|demilitari[sz]ed zone|armistice line)\b",
    re.IGNORECASE,
)

_NEAR = re.compile(
    r"\b(?P<neg>(?:not|never|nowhere|not anywhere|no longer) (?:too |very |so |that |even )?)?"
    r"(?P<cue>near(?:by)?|nearer to|close to|closer to|next to|"
    r"far from|far away from|by|in the (?:vicinity|proximity) of|in (?:close )?proximity (?:to|of)|"
    r"(?:a )?stone['’]s throw (?:away )?from|on the doorstep of|within (?:striking |easy |walking )?"
    r"(?:distance|reach) of|a short (?:distance|drive|walk) from|a few (?:kilomet(?:er|re)s|km|miles) "
    r"(?:away )?from|adjacent to|proximity to|closest [\w-]{1,30} (?:\w{1,30} )?to|close by)\b",
    re.IGNORECASE,
)
_ON = re.compile(
    r"\b(?P<cue>on [\w’'-]{1,30}['’]s? side of|on (?:the|its|their) [\w-]{1,30} side of|right on|right at|alongside|along|"
    r"(?:lies |sits |stands )?astride|straddl(?:es|e|ed|ing)|on|at)\s",
    re.IGNORECASE,
)
#: a negation right before an 'on' cue: "the base is not on the border", "not directly at the frontier"
_NOT_BEFORE = re.compile(r"\b(?:not|never|no longer)\s(?:(?:directly|right|exactly|quite|actually)\s)?$",
                         re.IGNORECASE)
#: "the Tovuz border region", "the border town of Kilis", "a frontier post"
_BORDER_NOUN = re.compile(
    r"\b(?:border|frontier)[ -](?P<noun>towns?|villages?|city|cities|posts?|outposts?|stations?|crossings?|"
    r"checkpoints?|regions?|areas?|districts?|provinces?|zones?|settlements?|guard posts?|points?)\b",
    re.IGNORECASE,
)
_BORDERS_VERB = re.compile(
    r"\b(?P<cue>(?:directly |also )?(?:border(?:s|ed|ing)?(?: on| with| by)?|share[sd]? (?:a |an |its |their |"
    r"the )?(?:[\w,.()-]{1,30} ){0,4}?border(?:s)? with|adjoin(?:s|ed|ing)?|abut(?:s|ting)?|"
    r"neighbo(?:u)?ring|(?:its|their) (?:[\w-]{1,30} )?neighbo(?:u)?rs?,?))\s",
    re.IGNORECASE,
)
_KM_FROM = re.compile(
    rf"\s?(?:\([^()\n]{{0,30}}\)\s?)?(?:away )?(?:(?P<dir>{_DIR})(?:ward)? of|to the (?P<dir2>{_DIR})(?P<of> of)?|"
    rf"from|off|short of|to|(?P<within_of>of))\b",
    re.IGNORECASE,
)
#: "the border is only 3 km away" (not "3 km away from"): the object is the border named before
_AWAY = re.compile(r"\s?(?:\([^()\n]{0,30}\)\s?)?away\b(?!\s?from)", re.IGNORECASE)
_BORDER_IS = re.compile(r"(?P<obj>\b(?:the|its|their)\s(?:[\w’'-]{1,30}\s){0,3}?(?:border|frontier|boundary|"
                        r"line of control|line of actual control|LAC|DMZ)s?)\s(?:is|lies|was|sits|runs|remains|"
                        r"stands)\s$", re.IGNORECASE)
_LENGTH_AFTER = re.compile(
    r"(?:\s?\([^()\n]{0,30}\))?(?:[ -](?P<wide>long|wide|deep))?[ -](?:(?:[\w-]{1,30}) ){0,2}?"
    r"(?:border|frontier|boundary|stretch|section|strip|corridor|line|front(?:line)?|segment|zone|perimeter)s?\b"
    r"|\s(?P<long>long)\b",
    re.IGNORECASE,
)
_LENGTH_BEFORE = re.compile(
    r"(?:border|frontier|boundary|corridor|stretch|section)s?(?: of| stretching| running| extending| spanning)"
    r"(?: for| over)?\s+$|(?:stretch|extend|run|span)(?:s|es|ed|ing)?(?: for| over)?\s+$",
    re.IGNORECASE,
)
_SUPERLATIVE = re.compile(r"\b(?:[A-Z][\w-]{0,30}['’]s )?(?:the )?(?P<sup>longest|shortest)\b")
_ACROSS = re.compile(
    r"\b(?P<cue>across|crossing(?: of)?|a crossing of|crossed|cross(?:es)?|through|over|into)\s",
    re.IGNORECASE,
)
#: "Peru's border with Bolivia", "its border with Iran", "the frontier it shares with Laos"
#: "Finland and Russia share a 1,340 km border": the two countries named before border each other
_SHARE_MUTUAL = re.compile(r"\b(?<!\btheir )(?<!\ba )(?<!\bthe )(?<!\bits )share[sd]? (?:a |an |the |their )(?:[\w,.()-]{1,30} ){0,4}?"
                           r"(?:land )?(?:border|frontier)s?\b"
                           r"(?! with)", re.IGNORECASE)
_BORDER_WITH = re.compile(
    r"(?P<owner>\b(?:its|their)|[A-ZÀ-ÞĀ-ſ][\w-]{1,30}(?:['’]s|s['’])) (?:[\w-]{1,30} ){0,2}?(?:border|frontier)s? "
    r"with\s|"
    r"\b(?:border|frontier) (?:that|which) (?P<pron>it|they) shares? with\s",
)
#: "wedged between Belarus and Kaliningrad", "a corridor between A and B", "lies between A and B",
#: "the strip runs between A and B"
_BETWEEN = re.compile(
    r"\b(?:lies|lie|lying|located|situated|wedged|sandwiched|squeezed|sits|sitting|corridor|strip|gap|halfway|"
    r"midway|runs|run|running|stretches|stretching|extends|extending) between\s",
    re.IGNORECASE,
)
_DIR_OF = re.compile(rf"\b(?P<dir>{_DIR})(?:ern|ward|wards)? of\s", re.IGNORECASE)
_TO_THE = re.compile(
    rf"\bto the (?P<dir>{_DIR})(?: of (?P<ofpos>))?",
    re.IGNORECASE,
)
_IN_THE = re.compile(rf"\bin the (?:far )?(?P<dir>{_DIR})(?:ern)?(?: part| parts| corner| reaches)? of\s",
                     re.IGNORECASE)
#: "on the east coast of Kinmen", "on Kinmen's east coast", "on the northern shore of the lake"
_SIDE_NOUN = r"(?:coast|coastline|shore|side|bank|tip|end|edge|flank|slopes?|outskirts|fringes?)"
_ON_SIDE_OF = re.compile(rf"\bon (?:the )?(?:far )?(?P<dir>{_DIR})(?:ern)? {_SIDE_NOUN} of\s", re.IGNORECASE)
_ON_OWNER_SIDE = re.compile(rf"\bon (?P<owner>[A-ZÀ-ÞĀ-ſ][\w-]{{1,30}}(?: [A-ZÀ-ÞĀ-ſ][\w-]{{1,30}}){{0,2}})['’]s "
                            rf"(?:far )?(?P<dir>(?i:{_DIR}))(?i:ern)? (?i:{_SIDE_NOUN})\b")
#: "Transnistria, recognised by most states as part of Moldova", "..., internationally recognized as Serbian land"
_RECOGNISED = re.compile(r",?\s(?:(?:internationally|widely|officially|legally|universally|generally)\s)?"
                         r"recogni[sz]ed\s(?:internationally\s|by\s[\w\s]{1,40}?\s)?as\s(?:(?:a\s)?part\sof\s)?"
                         r"(?:the\s)?", re.IGNORECASE)
_DIR_ADJ = re.compile(rf"\b(?:the )?(?:far[ -])?(?P<dir>{_DIR})ern(?:most)?\s", re.IGNORECASE)
_WITHIN = re.compile(r"\s?,? (?:in|inside|within) (?:the )?", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s\s", re.IGNORECASE)
_PRONOUN_OWNER = re.compile(r"\b(?:its|their) (?:(?!(?:from|of|to|in|into|with|at|on|by|for|over|near|and|or)\b)"
                            r"[a-z-]{1,20} ){0,2}(?=[A-ZÀ-ÞĀ-ſ])")


@dataclass(frozen=True)
class Phrase:
    """A claim cue: its kind, span, what it states, and where its object starts.

    ``bound`` is ``"about"`` (a figure to match), ``"upper"`` ("less than",
    "within"), ``"lower"`` ("more than") or None; ``form`` names the pattern
    that matched (``"of"``, ``"noun"``, ``"inside"`` ...) for the later stages.
    """

    kind: str
    start: int
    end: int
    text: str
    obj_start: int
    stated_km: float | None = None
    bound: str | None = None
    direction: str | None = None
    negated: bool = False
    form: str = ""


def number_value(word: str) -> float | None:
    """``"1,340"`` -> 1340.0, ``"ten"`` -> 10.0, ``"two hundred"`` -> 200.0; None if not a number."""
    w = word.lower().replace(",", "")
    if w in ("a", "an"):
        return 1.0  # "a kilometre"
    try:
        return float(w)
    except ValueError:
        pass
    parts = re.split(r"[ -]", w)
    if parts[0] not in NUMBER_WORDS:
        return None
    value = float(NUMBER_WORDS[parts[0]])
    for p in parts[1:]:
        value *= {"hundred": 100, "thousand": 1000}.get(p, 1)
    return value


def _km(num: str, unit: str) -> float | None:
    value = number_value(num)
    if value is None:
        return None
    u = unit.lower()
    if u.startswith("nautical") or u == "nm":
        return value * KM_PER_NAUTICAL_MILE
    if u.startswith("mi"):
        return value * KM_PER_MILE
    if u == "m" or u.startswith("met"):
        return value / 1000.0
    return value


def direction_of(word: str) -> str:
    """``"South-East"`` -> ``"southeast"``."""
    return re.sub(r"[ -]", "", word.lower())


def _hedge(text: str, start: int) -> tuple[int, str | None]:
    """The hedge right before ``start`` (a bounded look-back) -> (new start, bound)."""
    window_start = max(0, start - 20)
    m = _HEDGE.search(text, window_start, start)
    if m is None or m.end() != start:
        return start, None
    h = m.group("h").lower()
    return m.start(), ("upper" if h in _UPPER else "lower" if h in _LOWER else "about")


def find_phrases(text: str, start: int = 0, end: int | None = None) -> list[Phrase]:
    """Every claim cue in ``text[start:end]``, sorted by start (overlaps of one kind resolved)."""
    end = len(text) if end is None else end
    found: list[Phrase] = []
    for finder in (_km_and_length, _near, _on, _borders, _direction, _across, _within):
        found.extend(finder(text, start, end))
    found.sort(key=lambda p: (p.start, -p.end))
    return found


def _km_and_length(text: str, s: int, e: int) -> Iterator[Phrase]:
    for m in MEASURE.finditer(text, s, e):
        km = _km(m.group("num"), m.group("unit"))
        if km is None:
            continue
        unit = m.group("unit").lower()
        a, bound = _hedge(text, m.start())
        after = _KM_FROM.match(text, m.end(), e)
        if after and after.group("within_of") is not None and bound != "upper":
            after = None  # "of" only after "within": "within 5 km of the border", not "a 5 km of road"
        if after and not (unit == "m" and after.group(0).strip().lower() == "to"):
            if after.group(0).strip().lower() == "to" and not BORDER_WORD.match(text, after.end() + 1 + 4 * 0):
                # "10 km to the border" but not "5 km to 10 km": only with a border right after
                if not re.match(r"\s(?:the )?(?:[\w-]{1,30} )?(?:border|frontier)", text[after.end():after.end() + 40]):
                    continue
            d = after.group("dir") or after.group("dir2")
            form = "to_the" if after.group("dir2") and not after.group("of") else "from"
            yield Phrase("km_from", a, after.end(), text[a:after.end()], after.end(), km, bound or "about",
                         direction_of(d) if d else None, form=form)
            continue
        away = _AWAY.match(text, m.end(), e)
        subject = _BORDER_IS.search(text, max(s, a - 80), a) if away else None
        if subject is not None:  # "the Syrian border is only 3 km away": the object stands before the figure
            yield Phrase("km_from", a, away.end(), text[a:away.end()], subject.start("obj"), km, bound or "about",
                         form="away")
            continue
        before = _LENGTH_BEFORE.search(text, max(s, a - 40), a)
        if before is not None and before.end() == a:
            yield Phrase("length", before.start(), m.end(), text[before.start():m.end()], m.end(), km,
                         bound or "about", form="stretching")
            continue
        length = _LENGTH_AFTER.match(text, m.end(), e)
        if length:
            wide = (length.group("wide") or "").lower()
            yield Phrase("length", a, length.end(), text[a:length.end()], length.end(), km, bound or "about",
                         form="wide" if wide in ("wide", "deep") else "long")
    if BORDER_WORD.search(text, s, e):
        for m in _SUPERLATIVE.finditer(text, s, e):
            yield Phrase("length", m.start(), m.end(), text[m.start():m.end()], m.end(), form=m.group("sup").lower())


def _near(text: str, s: int, e: int) -> Iterator[Phrase]:
    for m in _NEAR.finditer(text, s, e):
        cue = m.group("cue").lower()
        far = cue.startswith("far")
        negated = bool(m.group("neg")) != far  # "far from" and "not near" deny nearness; "not far from" does not
        # "in Kars, near" keeps its words; "by" and "close by" only count with a border right after
        form = "by" if cue in ("by", "close by") else "near"
        yield Phrase("near", m.start(), m.end(), text[m.start():m.end()], m.end(), negated=negated, form=form)


#: "the Araz forms the border between Azerbaijan and Iran", "marks part of the frontier": on the border
_FORMS = re.compile(r"\b(?:forms?|formed|forming|marks?|marked|marking|makes\s+up|made\s+up|constitutes?|"
                    r"constituted)\s+(?:(?:much|most|part|parts|some|a\s+(?:section|stretch|part|length))\s+of\s+)?"
                    r"(?=the\s+(?:[\w-]{1,30}\s+)?(?:border|boundary|frontier)\b)", re.IGNORECASE)


def _on(text: str, s: int, e: int) -> Iterator[Phrase]:
    for m in _FORMS.finditer(text, s, e):
        yield Phrase("on", m.start(), m.end() - 1, text[m.start():m.end() - 1], m.end(), form="forms")
    for m in _ON.finditer(text, s, e):
        cue = m.group("cue").lower()
        neg = _NOT_BEFORE.search(text, max(s, m.start() - 24), m.start())  # "is not on the border"
        yield Phrase("on", m.start(), m.end() - 1, text[m.start():m.end() - 1], m.end(), negated=bool(neg),
                     form="side" if "side of" in cue else "on")
    for m in _BORDER_NOUN.finditer(text, s, e):
        yield Phrase("on", m.start(), m.end(), text[m.start():m.end()], m.end(), form="noun")


def _borders(text: str, s: int, e: int) -> Iterator[Phrase]:
    for m in _BORDERS_VERB.finditer(text, s, e):
        cue = m.group("cue").lower()
        prev = text[max(s, m.start() - 32):m.start()]
        # "the border with", "Iran's border with", "the Armenian border": a noun, not the verb
        if cue.startswith("border") and (
                re.search(r"(?:\b(?:the|a|an|its|their|his|her|this|that|shared|common|long|land|de facto)|['’]s?)\s$",
                          prev) or _demonym_word_before(prev)):
            continue
        form = "neighbour" if "neighbo" in cue else "verb"
        yield Phrase("borders", m.start(), m.end() - 1, text[m.start():m.end() - 1], m.end(), form=form)
    for m in _SHARE_MUTUAL.finditer(text, s, e):
        yield Phrase("borders", m.start(), m.end(), text[m.start():m.end()], m.end(), form="mutual")
    for m in _BORDER_WITH.finditer(text, s, e):
        owner = m.group("owner") or m.group("pron")
        yield Phrase("borders", m.start(), m.end() - 1, text[m.start():m.end() - 1], m.end(),
                     form="owner:" + re.sub(r"['’]s?$", "", owner))


def _demonym_word_before(prev: str) -> bool:
    from ..demonyms import demonym_country

    m = re.search(r"([A-Z][\w-]{1,30})\s$", prev)
    return bool(m and demonym_country(m.group(1)))


def _direction(text: str, s: int, e: int) -> Iterator[Phrase]:
    for m in _BETWEEN.finditer(text, s, e):
        yield Phrase("direction", m.start(), m.end() - 1, text[m.start():m.end() - 1], m.end(),
                     direction="between", form="between")
    yield from _direction_compass(text, s, e)


def _direction_compass(text: str, s: int, e: int) -> Iterator[Phrase]:
    for m in _DIR_OF.finditer(text, s, e):
        # "80 km south of" is a km_from claim with a direction
        if MEASURE.search(text, max(s, m.start() - 30), m.start()) and re.search(
                rf"(?:{_UNIT})\)?\s?$", text[max(s, m.start() - 8):m.start()], re.IGNORECASE):
            continue
        yield Phrase("direction", m.start(), m.end() - 1, text[m.start():m.end() - 1], m.end(),
                     direction=direction_of(m.group("dir")), form="of")
    for m in _TO_THE.finditer(text, s, e):
        if re.search(rf"(?:{_UNIT})\s?$", text[max(s, m.start() - 8):m.start()], re.IGNORECASE):
            continue
        form = "to_the_of" if m.group("ofpos") is not None else "to_the"
        yield Phrase("direction", m.start(), m.end(), text[m.start():m.end()], m.end(),
                     direction=direction_of(m.group("dir")), form=form)
    for m in _ON_SIDE_OF.finditer(text, s, e):
        yield Phrase("direction", m.start(), m.end() - 1, text[m.start():m.end() - 1], m.end(),
                     direction=direction_of(m.group("dir")), form="inside")
    for m in _ON_OWNER_SIDE.finditer(text, s, e):
        yield Phrase("direction", m.start(), m.end(), text[m.start():m.end()], m.start("owner"),
                     direction=direction_of(m.group("dir")), form="inside")
    for m in _IN_THE.finditer(text, s, e):
        yield Phrase("direction", m.start(), m.end() - 1, text[m.start():m.end() - 1], m.end(),
                     direction=direction_of(m.group("dir")), form="inside")
    for m in _DIR_ADJ.finditer(text, s, e):
        yield Phrase("direction", m.start(), m.end() - 1, text[m.start():m.end() - 1], m.end(),
                     direction=direction_of(m.group("dir")), form="adjective")


def _across(text: str, s: int, e: int) -> Iterator[Phrase]:
    for m in _ACROSS.finditer(text, s, e):
        cue = m.group("cue").lower()
        yield Phrase("across", m.start(), m.end() - 1, text[m.start():m.end() - 1], m.end(),
                     form="loose" if cue in ("through", "over", "into") else "cross")


def _within(text: str, s: int, e: int) -> Iterator[Phrase]:
    """Containment cues: the 'in' of "Auli in Uttarakhand" and the "'s" of "Uttarakhand's Auli"."""
    for m in re.finditer(r"\s?,? (?:in|inside|within) (?:the )?", text[s:e]):
        a, b = s + m.start(), s + m.end()
        yield Phrase("within", a, b, text[a:b], b, form="in")
    for m in _POSSESSIVE.finditer(text, s, e):
        yield Phrase("within", m.start(), m.end() - 1, text[m.start():m.end() - 1], m.end(), form="possessive")
    for m in _RECOGNISED.finditer(text, s, e):
        yield Phrase("within", m.start(), m.end(), text[m.start():m.end()], m.end(), form="recognised")
    for m in _PRONOUN_OWNER.finditer(text, s, e):  # "Georgia ... in its eastern Kakheti region"
        yield Phrase("within", m.start(), m.end(), text[m.start():m.end()], m.end(), form="pronoun")
