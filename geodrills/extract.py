"""Finding toponym candidates in text: every span that names a gazetteer entry.

The scanner walks the capitalised words of the text and asks the
gazetteer's name trie for the longest name starting there
(``trie.prefixes`` over the folded text, so "Naxçıvan's" finds
"naxcivan").  Each hit becomes a :class:`Candidate` carrying the evidence
the resolver weighs: the records the name points to, the words around it
(a locative preposition, a feature word like "province" or "River", a
capitalised neighbour that makes it part of a longer name), and whether it
is sentence-initial.  Nothing here decides which record is meant.

Examples
--------
>>> from geodrills.gazetteer import Gazetteer
>>> [c.text for c in find_candidates("Troops gathered in Baku and the Araz River.", Gazetteer.default())]
['Baku', 'Araz River']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .demonyms import is_demonym
from .gazetteer import Gazetteer
from .normalize import fold

__all__ = ["Candidate", "find_candidates", "FEATURE_WORDS", "STOP_WORDS"]

_MAX_NAME_CHARS = 64

#: Words that, after a name, say what kind of place it is (and join its span).
FEATURE_WORDS: dict[str, tuple[str, ...]] = {
    "province": ("admin1",), "region": ("region", "admin1"), "district": ("admin2", "admin1"),
    "county": ("admin2",), "state": ("admin1",), "governorate": ("admin1",), "oblast": ("admin1",),
    "rayon": ("admin1", "admin2"), "municipality": ("admin2", "admin1"),
    "river": ("river",), "sea": ("sea",), "lake": ("lake",), "mountains": ("range", "mountain"),
    "mountain": ("mountain",), "corridor": ("corridor",), "valley": ("region",),
    "city": ("city", "town"), "town": ("town", "city", "village"), "village": ("village", "town"),
}

#: Words that, after a name, make the span a street named after a place ("Franklin Street",
#: "Atlantic Avenue"): the gazetteer has no streets, so such a span names no record.
STREET_WORDS = frozenset("street avenue boulevard road lane drive".split())
STREET_CUE = ("street",)

#: Plural feature words: "Kars and Ardahan provinces", "the districts of Jabrayil and Fuzuli".
_PLURALS = {"provinces": "province", "regions": "region", "districts": "district", "counties": "county",
            "states": "state", "governorates": "governorate", "oblasts": "oblast", "rayons": "rayon",
            "municipalities": "municipality", "rivers": "river", "cities": "city", "towns": "town",
            "villages": "village", "streets": "street", "avenues": "avenue", "roads": "road"}
_PLURAL_AFTER = re.compile(r" (" + "|".join(_PLURALS) + r")(?![^\W_])", re.IGNORECASE)
_PLURAL_OF_BEFORE = re.compile(r"(?<![^\W_])(?:" + "|".join(_PLURALS) + r") of $", re.IGNORECASE)
# "states such as California or Washington", "provinces like Kars and Ardahan"
_PLURAL_SUCH_AS = re.compile(r"(?<![^\W_])(" + "|".join(_PLURALS) + r"),? (?:such as|like|including) $",
                             re.IGNORECASE)
_SUCH_AS_ENDS = ("as ", "like ", "including ")
_POSSESSIVE = frozenset({"'s ", "’s "})
_LIST_JOINS = frozenset({", ", " and ", ", and ", " or ", ", or "})

# Feature words that cue the kind but are not part of the name ("the Karabakh region").
_CUE_ONLY = frozenset({"region", "city", "town", "village", "valley"})
_SETTLEMENT_WORDS = frozenset({"town", "village"})

#: Words that, before "of X", say the same ("the province of Kars").
OF_WORDS: dict[str, tuple[str, ...]] = {
    "province": ("admin1",), "region": ("region", "admin1"), "city": ("city", "town"),
    "town": ("town", "village", "city"), "village": ("village", "town"), "district": ("admin2", "admin1"),
    "republic": ("country",), "state": ("admin1", "country"), "governorate": ("admin1",),
    "governor": ("admin1",), "mayor": ("city", "town"),  # "the governor of Kars", "the mayor of Baku"
}

_OF_WORDS = {**OF_WORDS, **{plural: FEATURE_WORDS[one] for plural, one in _PLURALS.items()
                            if one != "river" and one not in STREET_WORDS}}

_LOCATIVE = frozenset(
    "in near at from to into across outside inside around towards toward via between within "
    "throughout along through reached visited entered left".split()
)

#: Capitalised words that are never meant as places in news prose, though
#: GeoNames has a village of that name somewhere.
STOP_WORDS = frozenset(
    """a an the this that these those there here it its he she they we i you his her their our my me him them
    in on at of for to by with from as and or but not no yes if so all any some many more most
    mr mrs ms dr sir president minister ministry prime deputy general colonel major captain
    commander chief head director spokesman spokeswoman secretary ambassador governor mayor
    king queen prince princess pope sheikh emir official officials army navy air force forces
    defense defence foreign interior state national international united republic
    today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    one two three four five six seven eight nine ten first second third last next
    news daily times post press media agency report reports said says according also however
    new old north south east west northern southern eastern western central
    read more share follow subscribe home menu search logo user categories photo video
    god allah christ jesus christian church mosque congress senate sen sr jr university college school hospital company group party
    union council committee parliament assembly government administration office
    war peace security military exercise exercises drills operation operations
    summer winter spring autumn fall christmas easter ramadan
    world global europe's asia's
    premier league cup club team
    st mt ft le la les el al de du des di da van von island coast
    """.split()
) | {"el niño", "la niña", "el nino", "la nina"}  # the climate patterns, not the towns in Mexico and Peru

# Capitalised words before a name that make it the name of a newspaper or agency ("Daily Sabah").
_OUTLET_WORDS = frozenset("daily times post news herald tribune gazette journal press agency radio tv".split())
_INITIALS = re.compile(r"(?<![^\W_])[A-Z][a-z]+ (?:[A-Z]\. ){1,2}$")  # "Jon R. ", before a surname
_DATELINE = re.compile(r" ?(?:(–|—|--?) |,|\()")  # after a dateline's place; group 1: a dash
_YEAR = re.compile(r"\s*(?:1[89]|20)\d\d\b")



@dataclass(slots=True)
class Candidate:
    """A span of text that names one or more gazetteer records."""

    start: int
    end: int
    text: str
    key: str
    kind_cue: tuple[str, ...] = ()  # kinds a feature word points to
    locative: bool = False  # after "in", "near", …
    across_border: bool = False  # after "border with", "bordering": the other side, not the setting
    sentence_initial: bool = False
    embedded: bool = False  # inside a longer capitalised name
    all_caps: bool = False
    dateline: bool = False  # in capitals, opening a line (or a sentence, before a dash): "BEIRUT (AP) -"
    followed_by: str | None = None  # the name after ", " ("Kars, Turkey")
    possessor: str | None = None  # the name before "'s " ("Iran's Jolfa")
    gap_before: str | None = None  # text since the previous candidate
    common_word: bool = False  # the article also writes it in lower case ("Police said" … "the police"),
    # or English dictionaries list it in lower case only ("Commerce", "Portal")
    first_name: bool = False  # a common first name ("Alex", "Olivia"): maybe a person
    after_given_name: bool = False  # right after a first name ("Andrew Jordan", "Bill Holland"): a surname
    person_cue: bool = False  # after a title ("Mr", "Sen.") or before "said", "told"
    sub_area: bool = False  # after a capitalised compass word the gazetteer does not join ("North Africa")
    in_org_name: bool = False  # starts an organisation's name ("Kentucky Department of Education")
    heads_name: bool = False  # starts a longer capitalised name ("Cambridge Analytica", "Barry Smith")
    notes: list[str] = field(default_factory=list)
    # Another spelling: the span is no name in the gazetteer, but near to these name keys
    # ((key, similarity, "skeleton" or "fuzzy"), most similar first; see Gazetteer.spellings).
    spellings: tuple[tuple[str, float, str], ...] = ()

    @property
    def match(self) -> str:
        """How the span matched a name: "exact" (a name key), "skeleton" or "fuzzy" (another spelling)."""
        return self.spellings[0][2] if self.spellings else "exact"


def find_candidates(text: str, gazetteer: Gazetteer, *, skip: Sequence[tuple[int, int]] = (),
                    start: int = 0) -> list[Candidate]:
    """All toponym candidates in ``text``, left to right, not overlapping.

    Parameters
    ----------
    text : str
    gazetteer : Gazetteer
    skip : sequence of (start, end)
        Spans to ignore (web boilerplate).
    start : int
        Ignore text before this offset (a date header).
    """
    folded = fold(text)
    n_text = len(folded)
    prefixes = gazetteer.names.prefixes
    lower_words = _LowerCaseWords()  # the words the text writes in lower case, collected when first asked
    common_words, first_names, given_names = gazetteer.common_words, gazetteer.first_names, gazetteer.given_names
    out: list[Candidate] = []
    pos = start
    rev = text[::-1]  # for looking back from a candidate (see _words_before)
    # AP state abbreviations after a comma ("Gainesville, Va."): start -> (end, the state's name key)
    states = {m.start(1): (m.end(1), US_STATE_ABBREVIATIONS[m.group(1)]) for m in _US_STATE.finditer(text, start)}
    skipped = _SkipSpans(skip)
    chain = [-1]  # end of the last span a place cue pointed at (see _spelled_span)
    # Guessing a spelling costs a gazetteer search; a budget growing with the text keeps a page of
    # unknown cued words ("near Xa, near Xb, …") linear at a news article's cost per byte.
    guesses = [_GUESSES_PER_ARTICLE + len(text) // _CHARS_PER_GUESS]
    for m in _CAP_WORD.finditer(text, start):
        ws = m.start()
        if ws < pos or skipped.holds(ws):
            continue
        if m.group() > "\x7f" and not _is_capital(m.group()):
            continue  # a word in a non-Latin-capital letter ("éclair", "ışık")
        state = states.get(ws)
        if state is not None:
            end, key = state
            cand = Candidate(start=ws, end=end, text=text[ws:end], key=key, kind_cue=("admin1",))
            cand.gap_before = text[out[-1].end:ws] if out else None
            out.append(cand)
            pos = end
            continue
        best = None
        for key in prefixes(folded[ws:ws + _MAX_NAME_CHARS]):
            end = ws + len(key)
            if (end == n_text or folded[end] == " ") and (best is None or len(key) > len(best)):
                best = key
        dot = 0  # "St. Petersburg": the gazetteer spells it "St Petersburg"
        if text.startswith(_ABBREVIATIONS, ws):
            cut = text.index(".", ws)
            for key in prefixes(folded[ws:cut] + folded[cut + 1:ws + _MAX_NAME_CHARS]):
                end = ws + len(key) + 1
                if len(key) > cut - ws and (end == n_text or folded[end] == " ") \
                        and (best is None or len(key) + 1 > len(best) + dot):
                    best, dot = key, 1
        spellings: tuple[tuple[str, float, str], ...] = ()
        if best is None:
            if guesses[0] <= 0:
                continue
            spelled = _spelled_span(text, folded, rev, ws, out, gazetteer, lower_words, chain, guesses)
            if spelled is None:
                continue
            best, spellings = spelled
        end = ws + len(best) + dot
        if " " in best:
            # The last word of a multi-word name must be capitalised or generic ("Kars province").
            last = text[text.rfind(" ", ws, end) + 1:end]
            if last and not _ends_a_name(last):
                best = _shorter_capitalised(prefixes, folded, text, ws, end)
                if best is None:
                    continue
                end = ws + len(best)
        cand = _candidate(text, rev, best, ws, end, states, given_names)
        if cand is not None and spellings:
            cand.spellings = spellings
            cand.locative = True  # the place cue that let the guess in ("near", "Kars and …", "… river")
            cand.notes.append(f"spelled like {spellings[0][0]!r} ({spellings[0][2]})")
        if cand is not None and " " not in cand.text and not cand.all_caps:
            low = cand.text.lower()
            written_low = lower_words.has(text, low)
            cand.common_word = written_low or cand.key in common_words
            cand.first_name = cand.key in first_names
        if cand is not None:
            cand.gap_before = text[out[-1].end:cand.start] if out else None
            if cand.gap_before in _POSSESSIVE:  # "Nakhchivan's Julfa district", "Iran's Jolfa"
                cand.possessor = out[-1].key
            out.append(cand)
            pos = cand.end
            if cand.locative:
                chain[0] = cand.end
    _share_plural_cues(text, out)
    return out


def _spelled_span(text: str, folded: str, rev: str, ws: int, out: list[Candidate], gazetteer: Gazetteer,
                  lower_words: _LowerCaseWords, chain: list[int],
                  guesses: list[int]) -> tuple[str, tuple[tuple[str, float, str], ...]] | None:
    """A capitalised span at ``ws`` that is no name key but another spelling of one, or None.

    Regional and misspelled forms ("Yevlah", "Dogu Bayazid", "Nagorno-Karbakh",
    "Nackchivan") are tried only where the text says a place is meant
    (:func:`_place_cue`): after a locative ("in", "near"; "from" and "to" only
    for a close spelling) or "the province of", before a feature word ("river",
    "province"), listed right after a name or a cued span ("near Khodaafarin
    and Aslanduz", "Baku, Ganja, Yevlah"); a hyphenated compound needs no cue
    when it is a close spelling of a long name ("Nagorno-Karbakh").  Up to
    three capitalised words (joined by a space or hyphen) and a trailing generic
    word ("bridge") are tried, longest first.  Returns the span's own folded key
    and its :meth:`~geodrills.gazetteer.Gazetteer.spellings`.  ``chain[0]`` is
    the end of the last cued span, updated here; ``guesses[0]`` the gazetteer
    searches left (each tried span costs one).
    """
    words, generic = _span_words(text, ws)
    if not words:
        return None
    first = text[ws:words[0]]
    low = fold(first)
    if len(first) < 4 or first.isupper() or first.casefold() in STOP_WORDS or _is_demonym(first) \
            or lower_words.has(text, first.lower()) or low in gazetteer.common_words \
            or low in gazetteer.first_names or low in gazetteer.given_names:
        return None
    cue = _place_cue(text, rev, ws, words[-1], out, chain[0], generic)
    compound = len(words) - generic > 1 and "-" in text[ws:words[-1 - generic]]
    if cue == _NO_CUE and not compound:
        return None
    if cue != _NO_CUE:
        chain[0] = words[-1]
    for i in reversed(range(len(words))):
        end = words[i]
        key = " ".join(folded[ws:end].split())
        if folded[ws:end] != key:  # a double space or a line break inside: not one name
            continue
        if not _stands_alone(text, rev, ws, words[i - 1] if generic and i == len(words) - 1 else end):
            continue
        if guesses[0] <= 0:
            return None
        guesses[0] -= 1
        spellings = gazetteer.spellings(key)
        if any(_derived_from(key, f[0]) for f in spellings):
            return None  # "African", "Asian": an adjective of a name, not another spelling of it
        found = [f for f in spellings if f[1] >= _GUESS_MIN and (
                 cue == _STRONG_CUE or f[1] >= _CLOSE_SPELLING and (cue == _WEAK_CUE or len(key) >= 10))]
        if found:
            return folded[ws:end], tuple(found)
    return None


_CLOSE_SPELLING = 0.9  # a spelling this similar needs only a weak cue (or none, for a long compound)
_GUESS_MIN = 0.86  # least similarity of a spelling the scanner guesses ("Earlsheaton" is not Earlston)
_GUESSES_PER_ARTICLE = 30  # gazetteer searches for guessed spellings per article …
_CHARS_PER_GUESS = 4000  # … and one more per this many characters


def _stands_alone(text: str, rev: str, ws: int, end: int) -> bool:
    """Whether ``text[ws:end]`` is a name on its own: not inside a longer capitalised name ("Ruby
    Tuesday", "Barclays Center", "Amy B Wang, Allyson Chiu"), not a possessor ("Trump's"), not a
    speaker ("Axne said").  A guessed spelling needs all three; an exact name is weighed instead."""
    prev = _words_before(rev, ws, 1)
    if prev and prev[0][1] in (" ", "-") and prev[0][0][:1].isupper():
        return False
    nxt = _NEXT_WORD.match(text, end)
    if nxt is None:
        return True
    gap, word = nxt.group(1), nxt.group(2)
    if gap in (" ", "-") and word[:1].isupper() or gap in _POSSESSIVE or gap in ("'", "’") and word == "s":
        return False
    return not (gap == " " and word in _SPEECH_VERBS)


def _derived_from(key: str, name: str) -> bool:
    """Whether ``key`` is an adjective or people form of ``name`` ("african" of "africa", "asian"),
    not another spelling of it."""
    stem = name.rstrip("aeiouy")
    return len(key) > len(name) and key.startswith(stem) and key[len(stem):] in _DERIVED_ENDINGS


_DERIVED_ENDINGS = frozenset({"n", "an", "ian", "ean", "ans", "ians", "ese", "ish", "i", "is", "ic", "ns", "s"})


def _span_words(text: str, ws: int) -> tuple[list[int], int]:
    """Ends of the candidate spans at ``ws`` (one to three capitalised words, then a generic word
    after them), and 1 if the last end is that generic word."""
    ends: list[int] = []
    pos = ws
    for _ in range(_SPELLED_MAX_WORDS):
        m = _NEXT_WORD.match(text, pos)
        if m is None or (ends and (m.group(1) not in (" ", "-") or not _is_capital(m.group(2)[0]))):
            break
        if not ends and m.start(2) != ws:
            break
        ends.append(m.end())
        pos = m.end()
    if ends:
        m = _NEXT_WORD.match(text, ends[-1])
        if m is not None and m.group(1) == " " and m.group(2) in _GENERIC_ENDS:
            ends.append(m.end())  # "the Khodaafarin bridge", "the AstraChai river"
            return ends, 1
    return ends, 0


_SPELLED_MAX_WORDS = 3
_NO_CUE, _WEAK_CUE, _STRONG_CUE = 0, 1, 2
_LIST_GOES_ON = re.compile(r",? (?:and|or) |, |[.;:)]|\s*$")


def _place_cue(text: str, rev: str, ws: int, end: int, out: list[Candidate], chained: int, generic: int) -> int:
    """How strongly the words around ``text[ws:end]`` say it names a place (see :func:`_spelled_span`)."""
    if generic and text[text.rfind(" ", ws, end) + 1:end].casefold() in FEATURE_WORDS:
        return _STRONG_CUE  # "the AstraChai river"
    listed = text[chained:ws] in _LIST_JOINS if chained >= 0 else False
    if not listed and len(out) > 1 and out[-1].gap_before in _LIST_JOINS:
        listed = text[out[-1].end:ws] in _LIST_JOINS  # "Baku, Ganja, Yevlah": the third of a list of names
    if listed and (text[max(0, ws - 5):ws].endswith((" and ", " or ")) or _LIST_GOES_ON.match(text, end)):
        # "near Khodaafarin and Aslanduz"; "Baku, Ganja, Yevlah and Barda" - but not a clause after a
        # comma ("from Syria, Trump stands alone")
        return _STRONG_CUE
    prev = _words_before(rev, ws, 2)
    if prev and _SENTENCE_PUNCT.search(prev[0][1]) is None:
        p1 = prev[0][0].casefold()
        before = prev[1] if len(prev) > 1 else None
        if before is not None and before[0][:1].isupper() and before[1] == " ":
            return _NO_CUE  # "Dignity in Dying", "Hotel at Makeen": a title, not a locative
        if p1 in _LOCATIVE and not (before is not None and before[0].casefold() in _NOT_LOCATIVE_BEFORE):
            return _NO_CUE if p1 in _WEAK_LOCATIVES else _STRONG_CUE
        if p1 == "of" and len(prev) > 1 and prev[1][0].casefold() in _OF_WORDS:
            return _STRONG_CUE
    nxt = _NEXT_WORD.match(text, end)
    if nxt is not None and nxt.group(1) == " " and nxt.group(2).casefold() in FEATURE_WORDS:
        return _STRONG_CUE
    return _NO_CUE


# Words that make the locative after them no locative: "according to Lindenwald", "thanks to Smith".
_NOT_LOCATIVE_BEFORE = frozenset("according due thanks owing pursuant prior compared opposed".split())
# Locatives too common before other capitalised words ("to Smith", "from Reuters", "from Helmet, the
# mount of …") to cue a guess.
_WEAK_LOCATIVES = frozenset({"to", "from", "left", "visited", "reached", "entered"})


def _share_plural_cues(text: str, out: list[Candidate]) -> None:
    """A plural feature word cues every name of its list.

    "Kars and Ardahan provinces": both are provinces; "the districts of
    Jabrayil, Fuzuli and Zangilan": all three are districts.
    """
    walked = -1
    for k, cand in enumerate(out):
        m = _PLURAL_AFTER.match(text, cand.end)
        if m is not None:  # back through the list before the plural
            cue, j = _plural_cue(m.group(1)), k
            while True:
                out[j].kind_cue = out[j].kind_cue or cue
                # (where an earlier plural's walk began, every name before has its cue: stop, or
                # "A provinces, B provinces, …" would walk back through the whole list each time)
                if j == 0 or j == walked or out[j].gap_before not in _LIST_JOINS:
                    break
                j -= 1
            walked = k
        tail = text[max(0, cand.start - 10):cand.start].casefold()  # (the regexes below are slower to fail)
        if tail.endswith("of ") and _PLURAL_OF_BEFORE.search(text, max(0, cand.start - 20), cand.start):
            _cue_list_from(out, k, cand.kind_cue)  # on through the list after it
        elif tail.endswith(_SUCH_AS_ENDS) and (
                m := _PLURAL_SUCH_AS.search(text, max(0, cand.start - 30), cand.start)):
            _cue_list_from(out, k, _plural_cue(m.group(1)))


def _plural_cue(plural: str) -> tuple[str, ...]:
    """The kinds a plural feature word cues ("provinces" -> admin1, "streets" -> a street)."""
    one = _PLURALS[plural.casefold()]
    return STREET_CUE if one in STREET_WORDS else FEATURE_WORDS[one]


def _cue_list_from(out: list[Candidate], k: int, cue: tuple[str, ...]) -> None:
    """Give ``cue`` to candidate ``k`` and the names listed after it (unless they have their own)."""
    out[k].kind_cue = out[k].kind_cue or cue
    j = k + 1
    while j < len(out) and out[j].gap_before in _LIST_JOINS:
        out[j].kind_cue = out[j].kind_cue or cue
        j += 1


def _is_capital(ch: str) -> bool:
    """An upper- or title-case letter of the Basic Multilingual Plane ("İ", "Ş", "Ǆ")."""
    return ch <= "\uffff" and (ch.isupper() or ch.istitle())


# Abbreviations the gazetteer writes without their period ("St Petersburg", "Ft Worth").
_ABBREVIATIONS = ("St. ", "Ste. ", "Mt. ", "Ft. ", "ST. ", "STE. ", "MT. ", "FT. ")


class _LowerCaseWords:
    """Whether a text writes a word in lower case, from one pass over its words when first asked.

    (Searching the text once per capitalised word was words × text.)
    """

    __slots__ = ("_runs",)

    def __init__(self) -> None:
        self._runs: set[str] | None = None

    def has(self, text: str, word: str) -> bool:
        """Whether ``word`` (lower-case ASCII letters) stands alone somewhere in ``text``."""
        if not (word.isascii() and word.isalpha() and word.islower()):
            return False
        if self._runs is None:
            self._runs = set(_ALNUM_RUN.findall(text))
        return word in self._runs


def _lower_case_words(text: str) -> frozenset[str]:
    """The words of lower-case ASCII letters that stand alone in ``text`` (between non-alphanumerics)."""
    return frozenset(w for w in _ALNUM_RUN.findall(text) if w.isascii() and w.isalpha() and w.islower())


_ALNUM_RUN = re.compile(r"[^\W_]+")  # a maximal run of letters and digits (str.isalnum)


# A capital letter that starts a word: the scanner's only entry points.  Non-ASCII
# letters are checked with _is_capital (a class of every Unicode capital took 45 ms
# to build and compile at import).  The class comes first so that the regex engine
# can skip ahead to it: it leaves out Latin-1 punctuation and U+2000-20FF and
# U+2190-2BFF (punctuation, arrows, symbols), which hold no capital letter.  The
# look-behind then checks the character before it.
_CAP_WORD = re.compile(r"[A-Z\u00C0-\u1FFF\u2100-\u218F\u2C00-\U0010FFFF](?<![^\W_].)")
_NEXT_WORD = re.compile(r"([^\w]*)([^\W_]+)")


def _shorter_capitalised(prefixes, folded: str, text: str, ws: int, end: int) -> str | None:
    keys = sorted((k for k in prefixes(folded[ws:end]) if ws + len(k) <= end
                   and (ws + len(k) == len(folded) or folded[ws + len(k)] == " ")), key=len, reverse=True)
    for key in keys:
        seg = text[ws:ws + len(key)]
        tail = seg.rsplit(" ", 1)[-1]
        if tail and (" " not in seg or _ends_a_name(tail)):
            return key
    return None


# Generic words a multi-word name may end with in lower case: "Kars province", "the Korean
# peninsula", "the Baltic states", "the Golan heights", "the Astara checkpoint".
_GENERIC_ENDS = frozenset(FEATURE_WORDS) | {"peninsula", "states", "heights", "strait", "gulf",
                                             "crossing", "checkpoint", "bridge"}  # "the Sadarak border crossing"


def _ends_a_name(word: str) -> bool:
    """Whether ``word`` may end a multi-word name: capitalised (also after a hyphen:
    "Bab el-Mandeb"), a number, or a generic word."""
    return word[0].isupper() or word.rpartition("-")[2][:1].isupper() or word.isdigit() \
        or word.casefold() in _GENERIC_ENDS


class _SkipSpans:
    """Spans to skip, merged and sorted, asked about offsets in increasing order.

    The scanner's offsets only grow, so a cursor over the merged spans answers
    each question in amortised O(1): linear in text + spans, where testing
    every span for every word was their product ("Menu\\n" boilerplate lines
    repeated through a page).
    """

    __slots__ = ("_spans", "_i")

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if a >= b:
                continue
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self._spans = merged
        self._i = 0

    def holds(self, pos: int) -> bool:
        """Whether ``pos`` lies in a span (``pos`` never smaller than the last one asked about)."""
        spans, i = self._spans, self._i
        while i < len(spans) and spans[i][1] <= pos:
            i += 1
        self._i = i
        return i < len(spans) and spans[i][0] <= pos


def _words_before(rev: str, pos: int, k: int) -> list[tuple[str, str]]:
    """Up to ``k`` (word, gap after it) pairs before ``pos``, nearest first, within the sentence.

    ``rev`` is the text reversed (``text[::-1]``), so the look-back is a few
    anchored forward matches from ``len(text) - pos``.
    """
    out: list[tuple[str, str]] = []
    r = len(rev) - pos
    while len(out) < k:
        m = _REVERSED_WORD.match(rev, r)
        if m is None:
            break
        gap = m.group(1)[::-1]
        out.append((m.group(2)[::-1], gap))
        if _SENTENCE_PUNCT.search(gap):
            break
        r = m.end()
    return out


_REVERSED_WORD = re.compile(r"([\W_]*)([^\W_]+)")  # the gap, then the word, read backwards
_SENTENCE_PUNCT = re.compile(r"[.!?:;\"“”‘’»«(\[\n]")


def _candidate(text: str, rev: str, key: str, ws: int, end: int,
               states: dict[int, tuple[int, str]], given_names: frozenset[str] = frozenset()) -> Candidate | None:
    surface = text[ws:end]
    if surface.casefold() in STOP_WORDS and not _particle_named_as_place(text, rev, surface, ws, end) \
            or (" " not in surface and _is_demonym(surface)):
        return None
    cand = Candidate(start=ws, end=end, text=surface, key=key)
    if surface.startswith(("The ", "the ")):
        # "The Village lies …": a common noun phrase that a gazetteer happens to list.
        cand.notes.append("starts with 'The'")
        cand.embedded = True
    cand.all_caps = surface.isupper() and len(surface) > 1
    nxt_m = _NEXT_WORD.match(text, end)
    # A feature word after the name joins the span ("Araz River") and cues the kind.
    if nxt_m is not None:
        nxt = nxt_m.group(2).casefold()
        if nxt in FEATURE_WORDS and nxt_m.group(1) == " " and nxt not in key.split() \
                and not (nxt_m.group(2)[0].isupper() and (nxt in _SETTLEMENT_WORDS or _org_word_at(text, nxt_m.end()))):
            # (a capitalised "Town" or "Village" makes a longer name: "Grants Town", "Eva's Village"; so
            # does an institution after a capitalised feature word: "Nakhchivan State University")
            cand.kind_cue = FEATURE_WORDS[nxt]
            if nxt not in _CUE_ONLY:
                cand.end, cand.text = nxt_m.end(), text[ws:nxt_m.end()]
                nxt_m = _NEXT_WORD.match(text, cand.end)
        elif nxt in STREET_WORDS and nxt_m.group(1) == " ":  # "Franklin Street": joined, and cued as a street
            cand.kind_cue = STREET_CUE
            cand.end, cand.text = nxt_m.end(), text[ws:nxt_m.end()]
            nxt_m = _NEXT_WORD.match(text, cand.end)
    if not cand.kind_cue and not key.startswith("the "):
        for word in key.split()[1:]:
            if word in FEATURE_WORDS:
                cand.kind_cue = FEATURE_WORDS[word]
    prev = _words_before(rev, ws, 2)
    if prev:
        p1, gap1 = prev[0][0].casefold(), prev[0][1]
        after_sentence = _SENTENCE_PUNCT.search(gap1) is not None
        of_word = p1 == "of" and len(prev) > 1 and prev[1][0].casefold() in _OF_WORDS
        if of_word:
            cand.kind_cue = cand.kind_cue or _OF_WORDS[prev[1][0].casefold()]
        elif gap1 == " " and prev[0][0] in _PART_WORDS:
            # "central Washington", "upstate New York": a part of an area, not a city
            cand.kind_cue = cand.kind_cue or _AREA_KINDS
        if not after_sentence:
            cand.locative = p1 in _LOCATIVE or of_word
            cand.across_border = p1 in _BORDERING or (
                p1 in ("with", "of") and len(prev) > 1 and prev[1][0].casefold() in _BORDERING
                and _SENTENCE_PUNCT.search(prev[1][1]) is None)
        cand.sentence_initial = after_sentence
        if after_sentence and gap1 == ". " and len(p1) == 1 and _INITIALS.search(text, max(0, ws - 24), ws):
            # "Jon R. Taylor", "George W. Bush": a surname after an initial, not a new sentence
            cand.sentence_initial = False
            cand.embedded = cand.after_given_name = True
            cand.notes.append(f"after initial {prev[0][0]!r}")
        # "Mike de Kock", "Ursula von der Leyen": a surname after a name particle.
        if p1 in _NAME_PARTICLES and not after_sentence and len(prev) > 1 and prev[1][0][:1].isupper() \
                and _SENTENCE_PUNCT.search(prev[1][1]) is None:
            cand.embedded = cand.after_given_name = True
            cand.notes.append(f"after name particle {prev[0][0]!r}")
        # Part of a longer capitalised name: "Daily Sabah", "German Marshall Fund", "Zakir Hasanov".
        if not after_sentence and gap1 == " " and prev[0][0][0].isupper() and p1 not in _LOCATIVE \
                and p1 not in _FUNCTION_WORDS and not (cand.all_caps and not prev[0][0].isupper()):
            # (a name in capitals after a word that is not, "Associated Press WASHINGTON (AP)", is a dateline)
            if p1 in _OUTLET_WORDS:
                return None
            cand.embedded = True
            cand.notes.append(f"after capitalised {prev[0][0]!r}")
            cand.after_given_name = p1 in given_names and not prev[0][0].isupper() and p1 not in _COMPASS
            cand.sub_area = p1 in _PART_WORDS or p1 in _COMPASS  # "North Africa", "Central Europe"
    else:
        cand.sentence_initial = True
    if cand.all_caps and cand.sentence_initial:
        # "HORRY COUNTY, SC (WMBF) -", "BEIRUT (AP)", "… Event. IMMOKALEE – Congressman": a dateline says where
        m = _DATELINE.match(text, cand.end)
        line = text.rfind("\n", 0, ws) + 1
        if m is not None and (m.group(1) or line == ws or text[line:ws].isspace()):
            cand.dateline = cand.locative = True
    if _YEAR.match(text, cand.end):  # "Winter 2021", "Mustafa Kemal Atatürk 2023": an event's name
        cand.embedded = True
        cand.notes.append("before a year")
    if prev and prev[0][0].casefold() in _TITLES and prev[0][1] in (" ", ". "):
        cand.person_cue = True
    if nxt_m is not None and nxt_m.group(2) in _SPEECH_VERBS and nxt_m.group(1) == " ":
        cand.person_cue = True
    if nxt_m is not None:
        gap, nxt = nxt_m.group(1), nxt_m.group(2)
        if gap == " " and nxt[0].isupper() and (nxt.casefold() in _OFFICE_CUES
                                                 or text.startswith("National Guard", nxt_m.start(2))):
            # "Kars Governor", "the Georgia National Guard": the unit they serve
            cand.kind_cue = cand.kind_cue or _OFFICE_CUES.get(nxt.casefold(), ("admin1",))
        if gap == " " and nxt[0].isupper() and nxt.casefold() not in _NOT_NAME_PARTS:
            cand.heads_name = not cand.embedded
            cand.embedded = True
            cand.notes.append(f"before capitalised {nxt!r}")
            # "Cuyahoga County Executive", "Kars Province Governor": a whole unit's name heads the title;
            # "New Quay RNLI", "Liverpool FC", "Miami-Dade Schools": an organisation is named after the place
            word = nxt.casefold()
            cand.in_org_name = word in _ORG_WORDS or cand.text.rpartition(" ")[2].casefold() in FEATURE_WORDS \
                or cand.heads_name and (nxt.isupper() and len(nxt) > 1 or word.removesuffix("s") in _ORG_WORDS)
        elif gap in (", ", ",") and nxt[0].isupper():
            state = states.get(nxt_m.start(2))
            cand.followed_by = state[1] if state else fold(nxt)
    return cand


#: The abbreviations AP style gives US states after a place name ("Gainesville, Va.");
#: the eight short names (Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas, Utah) are written out.
US_STATE_ABBREVIATIONS = {
    "Ala.": "alabama", "Ariz.": "arizona", "Ark.": "arkansas", "Calif.": "california", "Colo.": "colorado",
    "Conn.": "connecticut", "Del.": "delaware", "Fla.": "florida", "Ga.": "georgia", "Ill.": "illinois",
    "Ind.": "indiana", "Kan.": "kansas", "Ky.": "kentucky", "La.": "louisiana", "Md.": "maryland",
    "Mass.": "massachusetts", "Mich.": "michigan", "Minn.": "minnesota", "Miss.": "mississippi",
    "Mo.": "missouri", "Mont.": "montana", "Neb.": "nebraska", "Nev.": "nevada", "N.H.": "new hampshire",
    "N.J.": "new jersey", "N.M.": "new mexico", "N.Y.": "new york", "N.C.": "north carolina",
    "N.D.": "north dakota", "Okla.": "oklahoma", "Ore.": "oregon", "Pa.": "pennsylvania",
    "R.I.": "rhode island", "S.C.": "south carolina", "S.D.": "south dakota", "Tenn.": "tennessee",
    "Vt.": "vermont", "Va.": "virginia", "Wash.": "washington", "W.Va.": "west virginia",
    "Wis.": "wisconsin", "Wyo.": "wyoming",
}
_US_STATE = re.compile(",[ ]?(" + "|".join(re.escape(a) for a in sorted(US_STATE_ABBREVIATIONS, key=len, reverse=True))
                       + r")(?![^\W_])")


# Words that make "<Place> <Word>" an organisation named after the place: the place is still meant.
_ORG_WORDS = frozenset("""department ministry commission council committee police university college school
    institute museum hospital airport court county government parliament assembly authority agency board office
    bank company corporation club stadium centre center church cathedral library zoo port harbour station
    times post herald tribune gazette journal chronicle star""".split())
# Offices named after the unit they run.
_OFFICE_CUES = {"governor": ("admin1",), "governorship": ("admin1",), "mayor": ("city", "town"),
                "mayoralty": ("city", "town")}
# Lower-case words that, before a name, make it an area ("central Washington", "northern Syria").
_PART_WORDS = frozenset("""central northern southern eastern western northeastern northwestern southeastern
    southwestern upstate downstate""".split())
_COMPASS = frozenset("north south east west northeast northwest southeast southwest".split())
_AREA_KINDS = ("country", "admin1", "admin2", "region", "continent", "sea", "range")
# Words that, capitalised before a name, start the sentence ("With Samos's economy in ruins") rather than a name.
_FUNCTION_WORDS = frozenset("""a an the this that these those of and or but nor so yet for with without as by on
    under over after before since during despite unlike like while when where if than then both only even also
    including about against among beyond per upon""".split())
_BORDERING = frozenset("border borders bordering frontier".split())
_NAME_PARTICLES = frozenset("de da di del della van von der den du le la bin ibn al el".split())
_TITLES = frozenset("mr mrs ms miss dr prof sen senator rep gov president minister general gen col lt sgt "
                    "judge justice pastor father rev sir lord lady coach".split())
_SPEECH_VERBS = frozenset("said says told added wrote explained argued noted tweeted asked replied".split())
_is_demonym = functools.lru_cache(maxsize=8192)(is_demonym)


def _particle_named_as_place(text: str, rev: str, surface: str, ws: int, end: int) -> bool:
    """Whether a name particle that is also a place's name ("Van") stands as that place here.

    "the eastern province of Van, near the Iranian border", "troops in Van": after
    a locative or "province of", and not before a capitalised word ("Van Gogh",
    "Van Morrison", "de Gaulle").
    """
    if surface.casefold() not in _NAME_PARTICLES:
        return False
    nxt = _NEXT_WORD.match(text, end)
    if nxt is not None and nxt.group(1) in (" ", "-") and nxt.group(2)[:1].isupper():
        return False
    prev = _words_before(rev, ws, 2)
    if not prev or _SENTENCE_PUNCT.search(prev[0][1]) is not None:
        return False
    p1 = prev[0][0].casefold()
    return p1 in _LOCATIVE and p1 not in _WEAK_LOCATIVES or (
        p1 == "of" and len(prev) > 1 and prev[1][0].casefold() in _OF_WORDS)


def _org_word_at(text: str, pos: int) -> bool:
    """Whether a capitalised institution word ("University") follows ``pos`` after a space."""
    m = _NEXT_WORD.match(text, pos)
    return m is not None and m.group(1) == " " and m.group(2)[0].isupper() and m.group(2).casefold() in _ORG_WORDS


_NOT_NAME_PARTS = STOP_WORDS - {"news", "daily", "times", "post"}
