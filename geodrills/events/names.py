"""Names of exercises in one sentence, in the general forms news writes them.

A name is a run of capitalised words that one of these forms marks as the
name of an exercise (never a generic phrase: "Joint Military Exercises"
alone names nothing):

* **quoted** near a cue: *"Eagle Partner 2023"*, *'Yudh Abhyas', the annual
  army exercise*, *«Zapad-2021»*;
* **with a year or a number**: *Zapad-2021*, *Vostok 2018*, *Mustafa Kemal
  Atatürk – 2023*, *Brave Griffin 24/II*, *Han Kuang 41* (a number other
  than a year only next to a cue or a naming word);
* **after a naming word**: *named / dubbed / called / codenamed / code-named /
  titled / known as X*;
* **"Exercise X" / "Operation X"** (an operation only in a sentence about a
  drill);
* **in the cue's own noun phrase**: *the Condor Andino military exercises*,
  *NATO's Baltic Lantern drills*, *the Combined Coastal Gunnery Exercise*
  (a capitalised cue is part of the name);
* **in apposition**: *Caspian Shield, a naval exercise*; *the ninth edition
  of Caspian Shield*;
* **renamed**: *Nordic Sentry, formerly called Polar Sentry* (the former name
  is an alias; never a site's or a unit's name: *Fort Liberty, formerly
  known as Fort Bragg*);
* **defined by its acronym** next to a cue or after a verb of holding one:
  *the ongoing Ulchi Freedom Shield (UFS)*, *opened Cobra Gold (CG23)* --
  the acronym's letters are the words' initials (a final X may stand for
  "Exercise"), and the name's last word is not that of an organisation, a
  unit or a place (*Demilitarized Zone (DMZ)*, *Southern Command (SOUTHCOM)*).

A translation or an acronym in brackets right after a name is its alias:
*"Związkowa Stanowczość-2022" (Union Resolve-2022)*, *Ulchi Freedom Shield
(UFS)*.

Cost is linear: each form is one regular-expression pass over the sentence
with no nested unbounded quantifiers, and each candidate looks at a bounded
number of characters around it.

Examples
--------
>>> [(n.name, n.aliases) for n in find_names('Troops began the "Zapad-2021" (West-2021) drills.')]
[('Zapad-2021', ('West-2021',))]
>>> [n.name for n in find_names("A naval exercise, named Amber Falcon 26/III, got under way.")]
['Amber Falcon 26/III']
>>> [n.name for n in find_names("Peru's yearly Condor Andino military exercises started.")]
['Condor Andino']
>>> find_names("Turkish troops began Joint Military Exercises.")
[]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..demonyms import is_demonym
from ..forces import FORCES
from ..lexicon import MONTHS, WEEKDAYS
from ..lexicon.events import EXERCISE_VERBS, NOT_EXERCISE_HEADS, SITE_FIRST_WORDS
from ..normalize import caseless

__all__ = ["Name", "find_names", "CUE_WORDS"]

_I = re.IGNORECASE

#: The nouns that make a phrase about an exercise.
CUE_WORDS = r"(?:exercises?|drills?|manoeuvres?|maneuvers?|war[\s-]?games?|wargames?)"

# One capitalised word of a name: "Brave", "Qartalı", "Atatürk", "O'Neill", "TurAz".
_CAP = r"(?-i:[^\W\d_a-z][\w’'.]*)"
# Lower-case words inside a name, between capitalised ones: "Chariots of Fire", "Guardians of the Nile".
_CONNECTOR = r"(?-i:of|the|de|del|la|le|du|des|di|da|al|el)"
_RUN = rf"{_CAP}(?:[ \t]+(?:{_CONNECTOR}[ \t]+){{0,2}}{_CAP}){{0,4}}"
_NUMBER = r"(?:(?:19|20)\d\d|\d{1,2}(?:/[IVX]+|-[IVX]+)?|[IVX]{1,4})"
_NUMBER_TAIL = rf"(?:(?:[ \t]*[-–][ \t]*|[ \t]+){_NUMBER}(?![\w/]))?"
_WITH_NUMBER = re.compile(rf"(?<![\w-])({_RUN})(?:[ \t]*[-–—][ \t]*|[ \t]+)({_NUMBER})(?![\w/])")
_QUOTED = re.compile(r"(?:^|(?<=[\s(]))[\"“«‘'](?P<inner>[^\"“”«»‘’'\n]{2,60})[\"”»’'](?![\w])")
_NAMING = re.compile(
    rf"\b(?:named|dubbed|called|codenamed|code-named|titled|designated|known\s+as)[ \t]+[\"“«‘']?({_RUN}"
    rf"(?:(?:[ \t]*[-–][ \t]*|[ \t]+){_NUMBER}(?![\w/]))?)", _I)
_EXERCISE_X = re.compile(rf"\b(Exercise|Operation)[ \t]+({_RUN}{_NUMBER_TAIL})")
# one exercise in apposition: singular cue ("Sahel Dawn, the joint Nigerien-Chadian exercise,")
_APPOSITION = re.compile(
    rf"({_RUN})(?![\w-]),[ \t]+(?:the|an?)[ \t]+(?:[\w-]+[ \t]+){{0,4}}?(?:exercise|drill|manoeuvre|maneuver|war[ -]?game)\b"
    rf"(?!s)", _I)
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|to|by|from|for|with|according|in|at)[ \t]+$", _I)
_EDITION = re.compile(rf"\b(?:edition|iteration|round|phase|stage)[ \t]+of[ \t]+(?:the[ \t]+)?({_RUN})(?![\w-])", _I)
_CUE_AFTER = re.compile(rf"[\"”»’']?[ \t]+(?:[\w-]+[ \t]+){{0,3}}?{CUE_WORDS}\b", _I)
_CUE_NEAR = re.compile(rf"\b{CUE_WORDS}\b", _I)
_ALIAS = re.compile(rf"[ \t]*\((?P<alias>[^()\n]{{2,60}})\)")
_FACILITY = re.compile(r"[ \t]+(?:[Tt]raining|[Ff]iring|[Dd]rill|[Ll]ive[ -][Ff]ire)?[ \t]*(?:[Cc]ent(?:re|er)|[Aa]rea|"
                       r"[Gg]rounds?|[Rr]ange|[Bb]ase|[Cc]omplex|[Ff]ield|[Cc]amp|[Pp]olygon|[Aa]irfield|[Pp]ark)\b")
_ACRONYM_AFTER = re.compile(rf"(?<![\w-])({_RUN})[ \t]*\((?P<acr>[A-Z][A-Z]{{1,7}}(?:[ -]?\d{{1,4}})?)\)")
_EXERCISE_VERB_BEFORE = re.compile(r"\b(?:" + "|".join(v.replace(" ", r"[ \t]+") for v in EXERCISE_VERBS)
                                   + r")[ \t]+(?:the[ \t]+)?(?:[a-z][\w-]*[ \t]+){0,2}$", _I)
#: "X, formerly called Y", "X (previously known as Y)": an exercise renamed
RENAMED = re.compile(rf"(?<![\w-])(?P<new>{_RUN}{_NUMBER_TAIL})[ \t]*[,(][ \t]*(?i:formerly|previously|once|"
                     rf"originally|until[ \t]+\d{{4}})[ \t]+(?i:called|known[ \t]+as|named|dubbed)[ \t]+[\"“«‘']?"
                     rf"(?P<old>{_RUN}{_NUMBER_TAIL})")
_TOKEN = re.compile(r"\S+")
_NP_WORD = re.compile(r"[^\s\"“”]+")
_LOWER_WORD = re.compile(r"[a-z][\w-]*")
_BRACKETED_ACRONYM = re.compile(r"\([^\W\d_][\w-]{1,10}\)")
_YEAR = re.compile(r"(?:19|20)\d\d")
_EDITION_WORD = re.compile(r"[\d/ivx-]+")  # "2023", "24/ii", "iv"
_CAPITAL_CUE = re.compile(r"(?:Exercises?|Drills?|Manoeuvres?|Maneuvers?|War[ -]?[Gg]ames)\b")

# Words (or characters) each form's pattern cannot match without, tested first: most sentences
# have none of them, and a substring test costs a fraction of a pass of the pattern.
_CUE_NEAR_WORDS = ("exercise", "drill", "manoeuvre", "maneuver", "war")  # (of CUE_WORDS)
_NAMING_WORDS = ("named", "dubbed", "called", "titled", "designated", "known")  # (codenamed, code-named)
_RENAMED_WORDS = ("formerly", "previously", "once", "originally", "until")
_EDITION_WORDS = ("edition", "iteration", "round", "phase", "stage")
_QUOTES = "\"“«‘'"
_ROMAN = "IVX"
_DIGIT = re.compile(r"\d")
_APPOSITION_GATE = re.compile(r",[ \t]+(?:the|an?)[ \t]", _I)

#: Capitalised words that never start or end a name.
_EDGE_WORDS = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "for", "from", "by", "with", "of",
    "and", "or", "but", "as", "after", "before", "during", "since", "until", "when", "while", "its", "their",
    "his", "her", "our", "president", "minister", "ministry", "general", "gen", "colonel", "admiral", "mr",
    "ms", "mrs", "today", "nato", "un", "eu", "csto", "sco", "us", "u.s", "u.s.", "usa", "uk", "asean", "au",
}) | frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(k.lower() for k in FORCES)
#: Words that say what kind of thing, not which: a name of only these is no name.
_NOT_NAME_WORDS = _EDGE_WORDS | frozenset({
    "joint", "military", "exercise", "exercises", "drill", "drills", "war", "games",
    "manoeuvres", "maneuvers", "operation", "combined", "annual", "international", "naval", "air", "army",
    "land", "sea", "strategic", "tactical", "large-scale", "live-fire", "command", "staff", "special",
    "president", "minister", "ministry", "defence", "defense", "general", "gen", "colonel", "admiral",
    "forces", "force", "troops", "navy", "nato", "un", "eu", "csto", "sco", "us", "u.s", "u.s.", "usa", "uk",
    "asean", "au", "phase", "stage", "edition", "part", "year", "week", "month", "day", "today", "on",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mr", "ms", "mrs",
}) | frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(k.lower() for k in FORCES)
_DATE_BEFORE = re.compile(r"\b(?:in|since|by|during|until|from|before|after|early|late|mid|of|to|through|for)"
                          r"[ \t]+$", _I)


_COUNTRY_CODES = frozenset({"US", "USA", "UK", "EU", "ROK", "UAE", "PRC", "DPRK", "ROC"})
# Combining forms of national adjectives: "Indo-US", "Sino-Russian", "Anglo-French".
_COMBINING_FORMS = frozenset({"indo", "sino", "anglo", "franco", "russo", "turco", "turko", "greco", "italo",
                              "afro", "euro", "hispano", "luso", "austro", "germano", "polono", "nippo"})
# Lower-case words that end a name's noun phrase: verbs and function words ("Turkish Armed Forces held drills").
_NP_BREAK = frozenset({"held", "hold", "holds", "holding", "began", "begin", "begins", "launched", "launch",
                       "launches", "conducted", "conduct", "conducts", "staged", "stage", "stages", "start",
                       "started", "starts", "join", "joined", "joins", "is", "are", "was", "were", "will", "to",
                       "for", "with", "by", "has", "have", "had", "of", "and", "or", "in", "on", "at", "the", "a",
                       "an", "that", "which", "from", "into", "after", "before", "during", "carried", "out",
                       "completed", "hosted", "hosts", "host", "said", "says", "than", "as", "about"})


@dataclass(frozen=True, slots=True)
class Name:
    """An exercise name in text: ``text[start:end]`` holds ``name``.

    ``form`` says which form found it; ``cue_after`` that a cue noun follows
    it ("Zapad-2021 manoeuvres"); ``aliases`` the bracketed translation or
    acronym after it.
    """

    start: int
    end: int
    name: str
    form: str
    cue_after: bool
    aliases: tuple[str, ...] = ()


def _trim_run(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop leading and trailing words that cannot belong to a name; None when nothing is left."""
    words = [m.span() for m in _TOKEN.finditer(text, start, end)]
    while words and text[words[0][0]:words[0][1]].rstrip(".,").lower().replace("’", "'") in _EDGE_WORDS:
        words.pop(0)
    while words and text[words[-1][0]:words[-1][1]].rstrip(".,").lower() in _EDGE_WORDS:
        words.pop()
    if not words:
        return None
    first = text[words[0][0]:words[0][1]]
    if first.endswith(("'s", "’s")) or is_demonym(first.strip(".,")):
        # "China's Joint Sword" is trimmed by the quote form; a run led by a demonym is a description
        if len(words) == 1:
            return None
        words.pop(0)
    return words[0][0], words[-1][1]


def _generic(name: str) -> bool:
    """A phrase of only generic words ("Joint Military Exercises"), a demonym or a force is no name."""
    words = [w.strip(".,'’\"").lower() for w in name.split()]
    content = [w for w in words if w and w not in _NOT_NAME_WORDS and not _EDITION_WORD.fullmatch(w)]
    if not content:
        return True
    # "Indo-US", "Moroccan-American": demonyms and country codes joined are a description
    parts = [p for w in content for p in w.split("-")]
    return all(is_demonym(p) or p.upper() in _COUNTRY_CODES or p in _EDGE_WORDS or p in _COMBINING_FORMS
               for p in parts)


def _sentence_initial(text: str, a: int, start: int) -> bool:
    return not text[a:start].strip(" \t\"“'‘«(")


def _alias(text: str, end: int, b: int) -> tuple[str, ...]:
    m = _ALIAS.match(text, end, b)
    if m is None:
        return ()
    alias = m.group("alias").strip(" \"“”'‘’«»")
    return (alias,) if alias[:1].isupper() and not alias.isdigit() else ()


def _acronym_words(words: list[str], acronym: str) -> int:
    """How many of the run's last words the acronym's letters spell (0: none fit).

    "Ulchi Freedom Shield" / "UFS" -> 3; "Cobra Gold" / "CG23" -> 2; "Combined Joint Fires
    Coordination Exercise" / "CJFCX" -> 5 (an X for "Exercise"); "Korean Army" / "DMZ" -> 0.
    """
    letters = "".join(ch for ch in acronym if ch.isalpha())
    n = len(letters)
    if n < 2 or n > len(words):
        return 0
    tail = words[-n:]
    initials = "".join(w[:1].upper() for w in tail)
    if letters[-1] == "X" and tail[-1].lower().startswith("exercise"):
        initials = initials[:-1] + "X"
    return n if initials == letters else 0


def _acronym_names(text: str, a: int, b: int, has_cue: bool) -> list[tuple[int, int]]:
    """Spans of the names defined by their acronym in an exercise's context (see the module's list)."""
    out = []
    for m in _ACRONYM_AFTER.finditer(text, a, b):
        words = list(_TOKEN.finditer(m.group(1)))
        n = _acronym_words([w.group() for w in words], m.group("acr"))
        if n == 0 or words[-1].group().lower().strip(".,’'") in NOT_EXERCISE_HEADS:
            continue
        start = m.start(1) + words[-n].start()
        if has_cue or _EXERCISE_VERB_BEFORE.search(text, max(a, start - 40), start):
            out.append((start, m.end(1)))
    return out


def find_names(text: str, a: int = 0, b: int | None = None) -> list[Name]:
    """Exercise names in ``text[a:b]`` (one sentence), in text order, without overlaps.

    Examples
    --------
    >>> [n.name for n in find_names("Chile and Argentina will stage 'Southern Ice', the combined army drill.")]
    ['Southern Ice']
    >>> [n.name for n in find_names("The ninth edition of Caspian Shield, a naval exercise, opens.")]
    ['Caspian Shield']
    """
    b = len(text) if b is None else b
    sentence = text[a:b]
    words = caseless(sentence)
    has_cue = any(w in words for w in _CUE_NEAR_WORDS) and bool(_CUE_NEAR.search(sentence))
    found: list[Name] = []
    taken_starts: list[int] = []  # spans of names found, sorted: overlap checks by bisection
    taken_ends: list[int] = []

    def add(start: int, end: int, form: str, *, strict_trim: bool = True) -> None:
        span = _trim_run(text, start, end) if strict_trim else (start, end)
        if span is None:
            return
        s, e = span
        name = text[s:e].strip(" \t.,;:")
        e = s + len(name)
        i = bisect_right(taken_starts, s)
        if (len(name) < 2 or _generic(name) or (i > 0 and taken_ends[i - 1] > s)
                or (i < len(taken_starts) and taken_starts[i] < e)):
            return
        taken_starts.insert(i, s)
        taken_ends.insert(i, e)
        cue_after = bool(_CUE_AFTER.match(text, e, min(b, e + 50)))
        found.append(Name(s, e, name, form, cue_after, _alias(text, e + (1 if text[e:e + 1] in "\"”»’'" else 0), b)))

    # quoted, with a cue within reach
    for m in _QUOTED.finditer(text, a, b) if any(q in sentence for q in _QUOTES) else ():
        inner = m.group("inner").strip()
        if not inner[:1].isupper() or len(inner.split()) > 6:
            continue
        if _FACILITY.match(text, m.end(), min(b, m.end() + 30)):
            continue  # the "Zar" Training Center: a place
        near = text[max(a, m.start() - 80):min(b, m.end() + 80)]
        if _CUE_NEAR.search(near) or _NAMING.search(text[max(a, m.start() - 30):m.end()]):
            add(m.start("inner"), m.start("inner") + len(m.group("inner").rstrip()), "quoted", strict_trim=False)
    # a naming word
    for m in _NAMING.finditer(text, a, b) if has_cue and any(w in words for w in _NAMING_WORDS) else ():
        add(m.start(1), m.end(1), "named")
    # Exercise X / Operation X
    for m in _EXERCISE_X.finditer(text, a, b) if "Exercise" in sentence or "Operation" in sentence else ():
        if m.group(1) == "Operation" and not has_cue:
            continue
        add(m.start(2), m.end(2), "exercise-x")
    # a year or a number
    numbered = any(r in sentence for r in _ROMAN) or _DIGIT.search(sentence)
    for m in _WITH_NUMBER.finditer(text, a, b) if numbered else ():
        number = m.group(2)
        is_year = bool(_YEAR.fullmatch(number))
        run_start = m.start(1)
        span = _trim_run(text, run_start, m.end(1))
        if span is None:
            continue
        if _DATE_BEFORE.search(text[max(a, span[0] - 12):span[0]]):
            continue  # "In Winter 2021": a date, not a name
        if any(w.lower().strip(".,") in MONTHS for w in text[span[0]:span[1]].split()):
            continue
        if _sentence_initial(text, a, span[0]) and " " not in text[span[0]:span[1]] and not is_year \
                and not _CUE_AFTER.match(text, m.end(), min(b, m.end() + 50)):
            continue
        if not is_year and not (_CUE_AFTER.match(text, m.end(), min(b, m.end() + 50))
                                or _NAMING.search(text[max(a, span[0] - 30):span[0] + 1])
                                or text[max(a, span[0] - 9):span[0]].endswith(("Exercise ", "Operation "))):
            continue
        add(span[0], m.end(2), "numbered", strict_trim=False)
    # renamed: the new name, the old one its alias (added before the naming word takes the old one)
    for m in RENAMED.finditer(text, a, b) if any(w in words for w in _RENAMED_WORDS) else ():
        ends = [(w[0], w[-1]) for w in (m.group("new").lower().split(), m.group("old").lower().split())]
        if not any(first in SITE_FIRST_WORDS or last.strip(".,") in NOT_EXERCISE_HEADS for first, last in ends):
            found_before = len(found)
            add(m.start("new"), m.end("new"), "renamed")
            if len(found) > found_before:
                n = found.pop()
                found.append(Name(n.start, n.end, n.name, n.form, n.cue_after, (m.group("old").strip(),)))
    # defined by its acronym
    for s, e in _acronym_names(text, a, b, has_cue) if "(" in sentence else ():
        add(s, e, "acronym")
    # "edition of X" and apposition
    for m in _EDITION.finditer(text, a, b) if has_cue and any(w in words for w in _EDITION_WORDS) else ():
        add(m.start(1), m.end(1), "edition")
    for m in _APPOSITION.finditer(text, a, b) if _APPOSITION_GATE.search(sentence) else ():
        if _PREPOSITION_BEFORE.search(text[max(a, m.start(1) - 12):m.start(1)]):
            continue  # "the Minister of Azerbaijan Tofig Zulfugarov, the ...": a person's title
        if not _sentence_initial(text, a, m.start(1)) or len(m.group(1).split()) >= 2:
            add(m.start(1), m.end(1), "apposition")
    # capitalised words in the cue's own noun phrase
    for m in _CUE_NEAR.finditer(text, a, b) if has_cue else ():
        before = text[max(a, m.start() - 80):m.start()]
        words = list(_NP_WORD.finditer(before))
        run: list[re.Match[str]] = []
        skipped = 0
        for w in reversed(words):
            token = w.group()
            if token[:1].isupper() and not token.endswith(("'s", "’s", ",", ";", ":", ")")):
                run.append(w)
            elif not run and _BRACKETED_ACRONYM.fullmatch(token):
                continue  # "Ulchi Freedom Shield (UFS) exercise": the acronym is an alias
            elif (run or not _LOWER_WORD.fullmatch(token) or token in _NP_BREAK
                  or token.endswith("ed") or skipped >= 3):
                break
            else:
                skipped += 1
        if not run:
            continue
        run.reverse()
        base = m.start() - len(before)
        s, e = base + run[0].start(), base + run[-1].end()
        if _CAPITAL_CUE.match(text, m.start()) and e == m.start() - 1:
            e = m.end()  # "Combined Coastal Gunnery Exercise": the cue belongs to the name
        if _sentence_initial(text, a, s) and len(run) == 1:
            continue
        add(s, e, "noun-phrase")
    aliases = {alias for n in found for alias in n.aliases}
    return sorted((n for n in found if n.name not in aliases), key=lambda n: n.start)
