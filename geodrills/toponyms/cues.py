"""Cues: what the words around a name say about it (stage 2 of the geoparser).

One small detector per cue: a feature word after the name ("Araz River",
"Kars province") or "the province of" before it, a locative ("in", "near"),
the other side of a border ("bordering Iran"), a dateline ("BEIRUT (AP) -"),
a person (a title, "said", a first name before it, an initial), an
organisation named after the place ("Kars Governor", "Liverpool FC"), a
longer capitalised name, a year after it, a name particle that is a place
("province of Van"), plural feature words shared by a list ("Kars and
Ardahan provinces"), and, for guessed spellings, whether anything says a
place is meant at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..normalize import fold
from .candidate import Candidate
from ..lexicon.toponyms import (
    AREA_KINDS, BORDERING, BRAND_JOINS, COMPASS, CREDIT_HEAD, LIST_TO_PLURAL_AFTER, CUE_ONLY, DATELINE, PLACE_VERB_AFTER, PLACE_VERB_FIRST, DERIVED_ENDINGS, FEATURE_WORDS, FUNCTION_WORDS,
    INITIALS, LIST_GAPS, LIST_GOES_ON, LIST_JOINS, LOCATIVE, NAME_PARTICLES, NAME_SUFFIXES, NOT_LOCATIVE_BEFORE, NOT_NAME_PARTS,
    OFFICE_CUES, OF_WORDS, ORG_WORDS, OUTLET_WORDS, PART_WORDS, PLURALS, PLURAL_AFTER, PLURAL_OF_BEFORE,
    PLURAL_SUCH_AS, POSSESSIVE, SETTLEMENT_WORDS, SPEECH_VERBS, STOP_WORDS, STREET_CUE, STREET_WORDS,
    SUCH_AS_ENDS, TITLES, WEAK_LOCATIVES, YEAR,
)

from .text import NEXT_WORD, SENTENCE_PUNCT, cached_is_demonym, words_before

__all__ = ["Around", "agency_credit", "cue_the", "cue_before", "listed_after", "never_alone", "cue_feature_word_after", "cue_feature_word_inside", "cue_kind_before", "cue_locative", "cue_initial_before", "cue_name_particle_before", "cue_capitalised_before", "cue_dateline", "cue_year_after", "cue_joined_name", "cue_person", "cue_place_verb_after", "cue_word_after", "NameParts", "person_name_parts", "NO_CUE", "STRONG_CUE", "WEAK_CUE", "candidate_at", "cue_list_from", "derived_from", "org_word_at", "particle_named_as_place", "place_cue", "plural_cue", "share_plural_cues", "stands_alone"]


def stands_alone(text: str, rev: str, ws: int, end: int) -> bool:
    """Whether ``text[ws:end]`` is a name on its own: not inside a longer capitalised name ("Ruby
    Tuesday", "Barclays Center", "Amy B Wang, Allyson Chiu"), not a possessor ("Trump's"), not a
    speaker ("Axne said").  A guessed spelling needs all three; an exact name is weighed instead."""
    prev = words_before(rev, ws, 1)
    if prev and prev[0][1] in (" ", "-") and prev[0][0][:1].isupper():
        return False
    nxt = NEXT_WORD.match(text, end)
    if nxt is None:
        return True
    gap, word = nxt.group(1), nxt.group(2)
    if gap in (" ", "-") and word[:1].isupper() or gap in POSSESSIVE or gap in ("'", "’") and word == "s":
        return False
    return not (gap == " " and word in SPEECH_VERBS)


def derived_from(key: str, name: str) -> bool:
    """Whether ``key`` is an adjective or people form of ``name`` ("african" of "africa", "asian"),
    not another spelling of it."""
    stem = name.rstrip("aeiouy")
    return len(key) > len(name) and key.startswith(stem) and key[len(stem):] in DERIVED_ENDINGS


NO_CUE, WEAK_CUE, STRONG_CUE = 0, 1, 2


def place_cue(text: str, rev: str, ws: int, end: int, out: list[Candidate], chained: int, generic: int) -> int:
    """How strongly the words around ``text[ws:end]`` say it names a place (see :func:`_spelled_span`)."""
    if generic and text[text.rfind(" ", ws, end) + 1:end].casefold() in FEATURE_WORDS:
        return STRONG_CUE  # "the AstraChai river"
    listed = listed_after(text, ws, out, chained)
    if listed and (text[max(0, ws - 5):ws].endswith((" and ", " or ")) or LIST_GOES_ON.match(text, end)):
        # "near Khodaafarin and Aslanduz"; "Baku, Ganja, Yevlah and Barda" - but not a clause after a
        # comma ("from Syria, Trump stands alone")
        return STRONG_CUE
    cue = cue_before(rev, ws)
    if cue is not None:
        return cue
    nxt = NEXT_WORD.match(text, end)
    if nxt is not None and nxt.group(1) == " " and nxt.group(2).casefold() in FEATURE_WORDS:
        return STRONG_CUE
    return NO_CUE


def listed_after(text: str, ws: int, out: list[Candidate], chained: int) -> bool:
    """Whether ``ws`` follows a list join ("and", ", ") right after a cued span (ending at ``chained``)
    or after the second of a list of names ("Baku, Ganja, Yevlah"); see :func:`place_cue`."""
    if chained >= 0 and text[chained:ws] in LIST_JOINS:
        return True
    return len(out) > 1 and out[-1].gap_before in LIST_JOINS and text[out[-1].end:ws] in LIST_JOINS


def cue_before(rev: str, ws: int) -> int | None:
    """What the two words before ``ws`` say (``rev``: the text reversed): STRONG_CUE after a locative
    ("near X") or "the province of X", NO_CUE when they rule a cue out (a title: "Dignity in Dying";
    a weak locative), None when they say nothing (see :func:`place_cue`)."""
    prev = words_before(rev, ws, 2)
    if prev and SENTENCE_PUNCT.search(prev[0][1]) is None:
        p1 = prev[0][0].casefold()
        before = prev[1] if len(prev) > 1 else None
        if before is not None and before[0][:1].isupper() and before[1] == " ":
            return NO_CUE  # "Dignity in Dying", "Hotel at Makeen": a title, not a locative
        if p1 in LOCATIVE and not (before is not None and before[0].casefold() in NOT_LOCATIVE_BEFORE):
            return NO_CUE if p1 in WEAK_LOCATIVES else STRONG_CUE
        if p1 == "of" and len(prev) > 1 and prev[1][0].casefold() in OF_WORDS:
            return STRONG_CUE
    return None


def share_plural_cues(text: str, out: list[Candidate]) -> None:
    """A plural feature word cues every name of its list.

    "Kars and Ardahan provinces": both are provinces; "the districts of
    Jabrayil, Fuzuli and Zangilan": all three are districts.
    """
    walked = -1
    for k, cand in enumerate(out):
        m = PLURAL_AFTER.match(text, cand.end)
        if m is not None:  # back through the list before the plural
            cue, j = plural_cue(m.group(1)), k
            while True:
                out[j].kind_cue = out[j].kind_cue or cue
                # (where an earlier plural's walk began, every name before has its cue: stop, or
                # "A provinces, B provinces, …" would walk back through the whole list each time)
                if j == 0 or j == walked or out[j].gap_before not in LIST_JOINS:
                    break
                j -= 1
            walked = k
        tail = text[max(0, cand.start - 10):cand.start].casefold()  # (the regexes below are slower to fail)
        if tail.endswith("of ") and PLURAL_OF_BEFORE.search(text, max(0, cand.start - 20), cand.start):
            cue_list_from(out, k, cand.kind_cue)  # on through the list after it
        elif tail.endswith(SUCH_AS_ENDS) and (
                m := PLURAL_SUCH_AS.search(text, max(0, cand.start - 30), cand.start)):
            cue_list_from(out, k, plural_cue(m.group(1)))


def plural_cue(plural: str) -> tuple[str, ...]:
    """The kinds a plural feature word cues ("provinces" -> admin1, "streets" -> a street)."""
    one = PLURALS[plural.casefold()]
    return STREET_CUE if one in STREET_WORDS else FEATURE_WORDS[one]


def cue_list_from(out: list[Candidate], k: int, cue: tuple[str, ...]) -> None:
    """Give ``cue`` to candidate ``k`` and the names listed after it (unless they have their own)."""
    out[k].kind_cue = out[k].kind_cue or cue
    j = k + 1
    while j < len(out) and out[j].gap_before in LIST_JOINS:
        out[j].kind_cue = out[j].kind_cue or cue
        j += 1


def candidate_at(text: str, rev: str, key: str, ws: int, end: int,
                 states: dict[int, tuple[int, str]], given_names: frozenset[str] = frozenset()) -> Candidate | None:
    """The candidate for name key ``key`` at ``text[ws:end]`` with every cue around it, or None.

    None for a stop word or a demonym, and for a name inside a news outlet's
    name ("Daily Sabah").  The detectors run in this order (later ones read
    what earlier ones found): "The …", capitals, a feature word after it, a
    feature word inside it, the words before it, a dateline, a year after it,
    a person, the word after it.
    """
    surface = text[ws:end]
    if surface.casefold() in STOP_WORDS and not particle_named_as_place(text, rev, surface, ws, end) \
            or (" " not in surface and cached_is_demonym(surface)) or text[ws - 1:ws] == "@" \
            or text[ws - 1:ws] == "(" and text[end:end + 1] == ")" and agency_credit(text, ws):
        return None  # (after "@": a social-media handle, "@Gillette", names an account)
    cand = Candidate(ws, end, surface, key)  # (start, end, text, key: positional, the cheaper call)
    prev = words_before(rev, ws, 1)
    word = prev[0][0].casefold() if prev else ""
    if word in _READ_TWO_WORDS_BACK or prev and prev[0][1] == "-":
        prev = words_before(rev, ws, 2)  # (the second word back, for the detectors that read it)
    around = Around(text, rev, ws, prev, word, NEXT_WORD.match(text, end),
                    bool(prev) and prev[0][1] != " " and SENTENCE_PUNCT.search(prev[0][1]) is not None,
                    word == "of" and len(prev) > 1 and prev[1][0].casefold() in OF_WORDS)
    # Each detector tests its own condition; the guards here are the first of them, so that a
    # candidate pays only for the detectors that may fire (most fire for few names).
    if surface[:4] in ("The ", "the "):
        cue_the(cand)
    cand.all_caps = surface.isupper() and len(surface) > 1
    nxt = around.nxt
    if nxt is not None and nxt.group(1) == " ":
        cue_feature_word_after(cand, around)
    if " " in key:
        cue_feature_word_inside(cand)
    if prev:
        if around.of_word or word in PART_WORDS:
            cue_kind_before(cand, around)
        if not around.after_sentence:
            cue_locative(cand, around)
        cand.sentence_initial = around.after_sentence
        if len(word) == 1:
            cue_initial_before(cand, around)
        if word in NAME_PARTICLES:
            cue_name_particle_before(cand, around)
        if prev[0][0][0].isupper() and cue_capitalised_before(cand, around, given_names) is None:
            return None  # "Daily Sabah": a news outlet's name
        if prev[0][1] in BRAND_JOINS or prev[0][1] == "-" and len(prev) > 1:
            cue_joined_name(cand, around)
    else:
        cand.sentence_initial = True
    if cand.all_caps:
        cue_dateline(cand, around)
    nxt = around.nxt  # (moved on if a feature word joined the span)
    if nxt is not None and nxt.group(2)[0] in "12" and nxt.group(1).strip() in ("", "-"):
        cue_year_after(cand, around)  # (spaces or a hyphen, then a 1 or a 2: where a year may follow, "Kars 2023")
    if around.nxt is not None and around.nxt.group(1) in BRAND_JOINS and not cand.embedded and not cand.joined:
        cue_joined_name(cand, around)
    if word in TITLES or around.nxt is not None and (around.nxt.group(2) in SPEECH_VERBS
                                                     or around.nxt.group(2) in NAME_SUFFIXES or key in TITLES):
        cue_person(cand, around)
    if around.nxt is not None and around.nxt.group(2)[0].isupper():
        cue_word_after(cand, around, states)
    elif around.nxt is not None and around.nxt.group(1) == " " and around.nxt.group(2) in PLACE_VERB_FIRST:
        cue_place_verb_after(cand, around)
    return cand


def agency_credit(text: str, ws: int) -> bool:
    """Whether the name in brackets at ``text[ws]`` follows a dateline on its line: a news agency's credit
    ("BEIJING, Aug. 21 (Xinhua) --", "DAMASCUS (SANA) -"), not a place (Xinhua, China; Sanaa)."""
    lo = max(0, ws - 82)  # (a dateline is short: never a scan back over a long line)
    line = text.rfind("\n", lo, ws) + 1
    if line == 0 and lo > 0:
        return False
    return CREDIT_HEAD.fullmatch(text, line, ws - 1) is not None


def never_alone(word: str) -> bool:
    """Whether :func:`candidate_at` rejects the one-word span ``word`` wherever it stands: a stop word
    that is no name particle ("He", "In"; a particle may stand for a place, "province of Van"), or a
    demonym ("Russian").  (The scanner skips such a word unless a longer name starts with it.)"""
    low = word.casefold()
    return low in STOP_WORDS and low not in NAME_PARTICLES or cached_is_demonym(word)


@dataclass(slots=True)
class Around:
    """The words around a candidate, as the cue detectors see them."""

    text: str
    rev: str  # the text reversed, for words_before
    ws: int  # the candidate's start
    # (word, gap after it) before it, nearest first, within the sentence: the nearest, and the one before
    # it when a detector reads that (after "of", "with", a name particle, or a hyphen: _READ_TWO_WORDS_BACK)
    prev: list[tuple[str, str]]
    word_before: str  # the nearest of them, case-folded ("" if none)
    nxt: re.Match[str] | None  # the next word after the candidate's end (moves when a feature word joins)
    after_sentence: bool  # a sentence or clause break right before the candidate
    of_word: bool  # right after "province of", "the governor of", …


# Words before a name after which a detector reads the word before them too ("province of", "border
# with", "Mike de Kock"); a hyphen too ("Mar-a-Lago").
_READ_TWO_WORDS_BACK = frozenset({"of", "with"}) | NAME_PARTICLES


def cue_the(cand: Candidate) -> None:
    """"The Village lies …": a common noun phrase that a gazetteer happens to list."""
    if cand.text.startswith(("The ", "the ")):
        cand.notes.append("starts with 'The'")
        cand.embedded = True


def cue_feature_word_after(cand: Candidate, around: Around) -> None:
    """A feature word after the name cues its kind and joins the span ("Araz River"), except a cue-only
    word ("the Karabakh region"); a street word makes it a street ("Franklin Street")."""
    m = around.nxt
    if m is None:
        return
    nxt = m.group(2).casefold()
    if nxt in FEATURE_WORDS and m.group(1) == " " and nxt not in cand.key.split() \
            and not (m.group(2)[0].isupper() and (nxt in SETTLEMENT_WORDS or org_word_at(around.text, m.end()))):
        # (a capitalised "Town" or "Village" makes a longer name: "Grants Town", "Eva's Village"; so
        # does an institution after a capitalised feature word: "Nakhchivan State University")
        cand.kind_cue = FEATURE_WORDS[nxt]
        if nxt not in CUE_ONLY:
            _join_next(cand, around)
    elif nxt in STREET_WORDS and m.group(1) == " ":
        cand.kind_cue = STREET_CUE
        _join_next(cand, around)


def _join_next(cand: Candidate, around: Around) -> None:
    cand.end, cand.text = around.nxt.end(), around.text[around.ws:around.nxt.end()]
    around.nxt = NEXT_WORD.match(around.text, cand.end)


def cue_feature_word_inside(cand: Candidate) -> None:
    """A feature word inside a multi-word name ("Kars Province") cues its kind."""
    if not cand.kind_cue and not cand.key.startswith("the "):
        for word in cand.key.split()[1:]:
            if word in FEATURE_WORDS:
                cand.kind_cue = FEATURE_WORDS[word]


def cue_kind_before(cand: Candidate, around: Around) -> None:
    """"the province of Kars", "the governor of Kars" cue a unit; "central Washington" an area."""
    word, gap1 = around.prev[0]
    if around.of_word:
        cand.kind_cue = cand.kind_cue or OF_WORDS[around.prev[1][0].casefold()]
    elif gap1 == " " and word in PART_WORDS:
        cand.kind_cue = cand.kind_cue or AREA_KINDS


def cue_locative(cand: Candidate, around: Around) -> None:
    """After "in", "near", … (or "province of"): where something is; after "border with": the other side."""
    prev, p1 = around.prev, around.word_before
    cand.locative = p1 in LOCATIVE or around.of_word
    cand.across_border = p1 in BORDERING or (
        p1 in ("with", "of") and len(prev) > 1 and prev[1][0].casefold() in BORDERING
        and SENTENCE_PUNCT.search(prev[1][1]) is None)


def cue_initial_before(cand: Candidate, around: Around) -> None:
    """"Jon R. Taylor", "George W. Bush": a surname after an initial, not a new sentence."""
    p1, gap1 = around.word_before, around.prev[0][1]
    ws = around.ws
    if around.after_sentence and gap1 == ". " and len(p1) == 1 \
            and INITIALS.search(around.text, max(0, ws - 24), ws):
        cand.sentence_initial = False
        cand.embedded = cand.after_given_name = True
        cand.notes.append(f"after initial {around.prev[0][0]!r}")


def cue_name_particle_before(cand: Candidate, around: Around) -> None:
    """"Mike de Kock", "Ursula von der Leyen": a surname after a name particle."""
    prev = around.prev
    if around.word_before in NAME_PARTICLES and not around.after_sentence and len(prev) > 1 \
            and prev[1][0][:1].isupper() and SENTENCE_PUNCT.search(prev[1][1]) is None:
        cand.embedded = cand.after_given_name = True
        cand.notes.append(f"after name particle {prev[0][0]!r}")


def cue_capitalised_before(cand: Candidate, around: Around, given_names: frozenset[str]) -> bool | None:
    """Part of a longer capitalised name: "German Marshall Fund", "Zakir Hasanov" (a surname after a
    given name), "North Africa" (a sub-area).  None: inside a news outlet's name ("Daily Sabah")."""
    (word, gap1), p1 = around.prev[0], around.word_before
    if not around.after_sentence and gap1 == " " and word[0].isupper() and p1 not in LOCATIVE \
            and p1 not in FUNCTION_WORDS and not (cand.all_caps and not word.isupper()):
        # (a name in capitals after a word that is not, "Associated Press WASHINGTON (AP)", is a dateline)
        if p1 in OUTLET_WORDS:
            return None
        cand.embedded = True
        cand.notes.append(f"after capitalised {word!r}")
        cand.after_given_name = p1 in given_names and not word.isupper() and p1 not in COMPASS
        cand.sub_area = p1 in PART_WORDS or p1 in COMPASS
    return True


def cue_dateline(cand: Candidate, around: Around) -> None:
    """"HORRY COUNTY, SC (WMBF) -", "BEIRUT (AP)", "… Event. IMMOKALEE – Congressman": a dateline says where."""
    if cand.all_caps and cand.sentence_initial:
        text, ws = around.text, around.ws
        m = DATELINE.match(text, cand.end)
        line = text.rfind("\n", 0, ws) + 1
        if m is not None and (m.group(1) or line == ws or text[line:ws].isspace()):
            cand.dateline = cand.locative = True


def cue_joined_name(cand: Candidate, around: Around) -> None:
    """Joined to another name by "&" or "+" ("Johnson & Johnson", "Park & Ride"): a firm's or a brand's
    name; or the tail of a hyphenated name after a lower-case particle ("Mar-a-Lago")."""
    prev, m = around.prev, around.nxt
    if (prev and prev[0][1] in BRAND_JOINS or m is not None and m.group(1) in BRAND_JOINS) and not cand.all_caps:
        # (not in capitals: a headline or dateline joins places so, "TIJUANA & SAN DIEGO")
        cand.joined = True
        cand.notes.append("joined by '&' (a firm's or brand's name, unless a city or larger)")
    elif len(prev) > 1 and prev[0][1] == "-" and prev[0][0].islower() and prev[1][1] == "-":
        cand.embedded = True
        cand.notes.append(f"inside a hyphenated name after {prev[0][0]!r}")


def cue_year_after(cand: Candidate, around: Around) -> None:
    """"Winter 2021", "Mustafa Kemal Atatürk 2023": an event's name."""
    if YEAR.match(around.text, cand.end):
        cand.embedded = True
        cand.notes.append("before a year")


def cue_person(cand: Candidate, around: Around) -> None:
    """After a title ("Sen. Warner"), before a speech verb ("Johnson said", "Sandberg reiterated") or a
    name suffix ("Mitchell Jr."): a person."""
    prev, m = around.prev, around.nxt
    if prev and around.word_before in TITLES and prev[0][1] in (" ", ". "):
        cand.person_cue = True
    if m is not None and (m.group(2) in SPEECH_VERBS and m.group(1) == " " and not cand.locative
                          or m.group(2) in NAME_SUFFIXES and m.group(1) in (" ", ", ")):
        cand.person_cue = True  # (not after a locative: "Barry, who was from Dewsbury said")
    elif m is not None and cand.key in TITLES and m.group(1) == ". " and m.group(2)[0].isupper():
        cand.person_cue = cand.embedded = True  # the span is itself a title heading a name: "Sens. Tom Udall"
        cand.notes.append("a title before a name")


def cue_place_verb_after(cand: Candidate, around: Around) -> None:
    """"Pocheon lies north of Seoul", "Narva sits astride the river": a verb that places it, a locative cue."""
    if PLACE_VERB_AFTER.match(around.text, cand.end):
        cand.locative = True


def cue_word_after(cand: Candidate, around: Around, states: dict[int, tuple[int, str]]) -> None:
    """The capitalised word after it: an office ("Kars Governor"), a longer name it heads ("Liverpool
    FC", "Cambridge Analytica"), or, after a comma, the unit that holds it ("Kars, Turkey")."""
    m = around.nxt
    if m is None:
        return
    gap, nxt = m.group(1), m.group(2)
    if gap == " " and nxt[0].isupper() and (nxt.casefold() in OFFICE_CUES
                                             or around.text.startswith("National Guard", m.start(2))):
        cand.kind_cue = cand.kind_cue or OFFICE_CUES.get(nxt.casefold(), ("admin1",))
    if gap == " " and nxt[0].isupper() and nxt.casefold() not in NOT_NAME_PARTS:
        cand.heads_name = not cand.embedded
        cand.embedded = True
        cand.notes.append(f"before capitalised {nxt!r}")
        # "Cuyahoga County Executive", "Kars Province Governor": a whole unit's name heads the title;
        # "New Quay RNLI", "Liverpool FC", "Miami-Dade Schools": an organisation is named after the place
        word = nxt.casefold()
        cand.in_org_name = word in ORG_WORDS or cand.text.rpartition(" ")[2].casefold() in FEATURE_WORDS \
            or cand.heads_name and (nxt.isupper() and len(nxt) > 1 or word.removesuffix("s") in ORG_WORDS)
    elif gap in (", ", ",") and nxt[0].isupper():
        state = states.get(m.start(2))
        cand.followed_by = state[1] if state else fold(nxt)


def particle_named_as_place(text: str, rev: str, surface: str, ws: int, end: int) -> bool:
    """Whether a name particle that is also a place's name ("Van") stands as that place here.

    "the eastern province of Van, near the Iranian border", "troops in Van": after
    a locative or "province of", or in a list a plural unit word closes ("Hakkari and
    Van provinces"), and not before a capitalised word ("Van Gogh", "Van Morrison",
    "de Gaulle").
    """
    if surface.casefold() not in NAME_PARTICLES:
        return False
    if surface[:1].isupper() and LIST_TO_PLURAL_AFTER.match(text, end):
        return True  # "Van provinces", "Van and Batman provinces", "Hakkari and Van provinces"
    nxt = NEXT_WORD.match(text, end)
    if nxt is not None and nxt.group(1) in (" ", "-") and nxt.group(2)[:1].isupper():
        return False
    prev = words_before(rev, ws, 2)
    if not prev or SENTENCE_PUNCT.search(prev[0][1]) is not None:
        return False
    p1 = prev[0][0].casefold()
    return p1 in LOCATIVE and p1 not in WEAK_LOCATIVES or (
        p1 == "of" and len(prev) > 1 and prev[1][0].casefold() in OF_WORDS)


def org_word_at(text: str, pos: int) -> bool:
    """Whether a capitalised institution word ("University") follows ``pos`` after a space."""
    m = NEXT_WORD.match(text, pos)
    return m is not None and m.group(1) == " " and m.group(2)[0].isupper() and m.group(2).casefold() in ORG_WORDS


@dataclass(frozen=True)
class NameParts:
    """Words the article uses inside people's and organisations' names (for the acceptance stage)."""

    own_names: frozenset[str]  # in a longer name ("Jeff Kock"), or a first name or short word heading one
    any_names: frozenset[str]  # also the heads of longer names ("Cambridge Analytica")
    surnames: frozenset[str]  # after a first name ("John Bolton" … "hiring Bolton")
    persons: frozenset[str] = frozenset()  # with a person cue ("Sandberg reiterated" … "Sandberg would")


def person_name_parts(candidates: Sequence[Candidate]) -> NameParts:
    """A name after a capitalised word ("Jeff Kock"), or a first name or a two-letter word before
    one ("Barry Smith", "Li Wenzu"), is a person's name elsewhere in the article too; so is a name
    with a person cue ("Sandberg reiterated" … "Sandberg would only say").  A place's own
    name heading a longer name ("Cambridge Analytica", "Glenrock Lagoon") is a namesake; another
    reading of the word ("Balart", read as Ballarat) is not."""
    own = frozenset(c.text for c in candidates if c.embedded and not c.in_org_name
                    and (not c.heads_name or c.first_name or len(c.text) < 3)
                    and c.text.rpartition(" ")[2].casefold() not in FEATURE_WORDS)  # "Orange County"
    any_names = own | {c.text for c in candidates if c.heads_name and not c.in_org_name}
    surnames = frozenset(c.text for c in candidates if c.after_given_name)
    persons = {c.text for c in candidates if c.person_cue}
    first_names = [k for k, c in enumerate(candidates) if c.first_name]
    if len(first_names) >= 2:  # (a list of people needs two first names)
        persons.update(_listed_with_first_names(candidates, first_names))
    return NameParts(own, frozenset(any_names), surnames, frozenset(persons))


def _listed_with_first_names(candidates: Sequence[Candidate], first_names: Sequence[int]) -> list[str]:
    """The names of a list of three or more in which at least two names are common first names
    (``first_names``: their indices, increasing): people ("Harvey, Irma and Maria", "Helen, Clarence,
    Irene, Marie and Randy Kunz")."""
    out: list[str] = []
    done = -1  # the last candidate of the last list looked at
    for k in first_names:
        if k <= done:
            continue
        lo = k
        while lo > 0 and candidates[lo].gap_before in LIST_GAPS:
            lo -= 1
        hi = k
        while hi + 1 < len(candidates) and candidates[hi + 1].gap_before in LIST_GAPS:
            hi += 1
        group = candidates[lo:hi + 1]
        if len(group) >= 3 and sum(c.first_name for c in group) >= 2:
            out.extend(c.text for c in group)
        done = hi
    return out
