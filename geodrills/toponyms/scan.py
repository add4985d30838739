"""Scan: the spans of a text that name gazetteer records (stage 1 of the geoparser).

The scanner walks the capitalised words of the text and asks the
gazetteer's name trie for the longest name starting there
(``trie.prefixes`` over the folded text, so "Naxçıvan's" finds
"naxcivan"); where no name starts but the text says a place is meant, it
tries another spelling of one (:meth:`~geodrills.gazetteer.Gazetteer.spellings`).
Each hit becomes a :class:`~geodrills.toponyms.candidate.Candidate` with its
cues (:mod:`geodrills.toponyms.cues`).  Nothing here decides which record
is meant.

Examples
--------
>>> from geodrills.gazetteer import Gazetteer
>>> [c.text for c in find_candidates("Troops gathered in Baku and the Araz River.", Gazetteer.default())]
['Baku', 'Araz River']
"""

from __future__ import annotations

import functools
import re
import weakref
from collections.abc import Callable, Sequence
from typing import NamedTuple

from ..gazetteer import Gazetteer
from ..normalize import fold
from .candidate import Candidate
from .cues import (
    NO_CUE, STRONG_CUE, WEAK_CUE, candidate_at, cue_before, derived_from, listed_after, never_alone, place_cue, share_plural_cues, stands_alone,
)
from ..lexicon.toponyms import (
    GENERIC_ENDS,
    LIST_JOINS,
    LIST_TO_PLURAL_AFTER,
    LOCATIVE,
    NAME_ABBREVIATIONS,
    POSSESSIVE,
    STOP_WORDS,
    US_STATE,
    US_STATE_ABBREVIATIONS,
    WEAK_LOCATIVES,
)
from .text import CAP_WORD, LowerCaseWords, NEXT_WORD, SkipSpans, cached_is_demonym, is_capital

__all__ = ["ASK_TRIE", "LongerNames", "WordFacts", "find_candidates", "word_facts"]


_MAX_NAME_CHARS = 64


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
    lower_words = LowerCaseWords()  # the words the text writes in lower case, collected when first asked
    common_words, first_names, given_names = gazetteer.common_words, gazetteer.first_names, gazetteer.given_names
    out: list[Candidate] = []
    pos = start
    rev = text[::-1]  # for looking back from a candidate (see words_before)
    # AP state abbreviations after a comma ("Gainesville, Va."): start -> (end, the state's name key)
    states = {m.start(1): (m.end(1), US_STATE_ABBREVIATIONS[m.group(1)]) for m in US_STATE.finditer(text, start)}
    skipped = SkipSpans(skip)
    chain = [-1]  # end of the last span a place cue pointed at (see _spelled_span)
    # Guessing a spelling costs a gazetteer search; a budget growing with the text keeps a page of
    # unknown cued words ("near Xa, near Xb, …") linear at a news article's cost per byte.
    guesses = [_GUESSES_PER_ARTICLE + len(text) // _CHARS_PER_GUESS]
    ampersands = " & " in text  # (asked once: most texts join no name so, "Bosnia & Herzegovina")
    starts, pairs, guessable, inert = word_facts(gazetteer)  # what a word (or two) says alone, remembered
    for m in CAP_WORD.finditer(text, start):
        first = m.group()  # the first word
        if inert[first]:
            continue  # (most capitalised words: "The", "President"; see _inert)
        ws = m.start()
        if ws < pos or skip and skipped.holds(ws):
            continue
        state = states.get(ws)
        if state is not None:
            end, key = state
            cand = Candidate(start=ws, end=end, text=text[ws:end], key=key, kind_cue=("admin1",))
            cand.gap_before = text[out[-1].end:ws] if out else None
            out.append(cand)
            pos = end
            continue
        best = starts[first]  # the name key it starts, when the word alone says (most words)
        if best.__class__ is LongerNames:  # names of several words start with it ("new": "new york")
            pair = _two_words(folded, ws, len(first))
            longer = pairs[pair] if pair is not None else None
            best = best.own if longer is None else longer
        if best is ASK_TRIE:
            best = None
            for key in prefixes(folded[ws:ws + _MAX_NAME_CHARS]):
                end = ws + len(key)
                if (end == n_text or folded[end] == " ") and (best is None or len(key) > len(best)):
                    best = key
        dot = 0  # "St. Petersburg": the gazetteer spells it "St Petersburg"
        if first in _ABBREVIATED and text.startswith(NAME_ABBREVIATIONS, ws):
            cut = text.index(".", ws)
            for key in prefixes(folded[ws:cut] + folded[cut + 1:ws + _MAX_NAME_CHARS]):
                end = ws + len(key) + 1
                if len(key) > cut - ws and (end == n_text or folded[end] == " ") \
                        and (best is None or len(key) + 1 > len(best) + dot):
                    best, dot = key, 1
        if ampersands and not dot and text.startswith(" & ", ws + (len(first) if best is None else len(best))):
            longer, shorter_by = _ampersand_name(prefixes, folded, ws, best or folded[ws:ws + len(first)])
            if shorter_by:
                best, dot = longer, shorter_by
        spellings: tuple[tuple[str, float, str], ...] = ()
        if best is None:
            if not guessable[first] or guesses[0] <= 0 \
                    or not _may_be_cued(text, rev, ws, ws + len(first), out, chain[0]):
                continue
            spelled = _spelled_span(text, folded, rev, ws, first, out, gazetteer, lower_words, chain, guesses)
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
        cand = candidate_at(text, rev, best, ws, end, states, given_names)
        if cand is not None and spellings:
            cand.spellings = spellings
            cand.locative = True  # the place cue that let the guess in ("near", "Kars and …", "… river")
            cand.notes.append(f"spelled like {spellings[0][0]!r} ({spellings[0][2]})")
        if cand is not None and " " not in cand.text and not cand.all_caps:
            low = cand.text.lower()
            # (the set first: the text is searched only for words no list knows as common)
            cand.common_word = cand.key in common_words or lower_words.has(text, low)
            # (not before a plural unit word that closes its list: "Hakkari and Van provinces")
            cand.first_name = cand.key in first_names and not LIST_TO_PLURAL_AFTER.match(text, cand.end)
        if cand is not None:
            cand.gap_before = text[out[-1].end:cand.start] if out else None
            if cand.gap_before in POSSESSIVE:  # "Nakhchivan's Julfa district", "Iran's Jolfa"
                cand.possessor = out[-1].key
            out.append(cand)
            pos = cand.end
            if cand.locative:
                chain[0] = cand.end
    share_plural_cues(text, out)
    return out


def _spelled_span(text: str, folded: str, rev: str, ws: int, first: str, out: list[Candidate], gazetteer: Gazetteer,
                  lower_words: LowerCaseWords, chain: list[int],
                  guesses: list[int]) -> tuple[str, tuple[tuple[str, float, str], ...]] | None:
    """A capitalised span at ``ws`` that is no name key but another spelling of one, or None.

    Regional and misspelled forms ("Yevlah", "Dogu Bayazid", "Nagorno-Karbakh",
    "Nackchivan") are tried only where the text says a place is meant
    (:func:`place_cue`): after a locative ("in", "near"; not "from" or "to")
    or "the province of", before a feature word ("river",
    "province"), listed right after a name or a cued span ("near Khodaafarin
    and Aslanduz", "Baku, Ganja, Yevlah"); a hyphenated compound needs no cue
    when it is a close spelling of a long name ("Nagorno-Karbakh").  Up to
    three capitalised words (joined by a space or hyphen) and a trailing generic
    word ("bridge") are tried, longest first.  Returns the span's own folded key
    and its :meth:`~geodrills.gazetteer.Gazetteer.spellings`.  ``chain[0]`` is
    the end of the last cued span, updated here; ``guesses[0]`` the gazetteer
    searches left (each tried span costs one).  ``first`` is the span's first word, which the caller
    checked with :func:`_may_be_guessed` and :func:`_may_be_cued` (most capitalised words fail one).
    """
    words, generic = _span_words(text, ws)
    cue = place_cue(text, rev, ws, words[-1], out, chain[0], generic)
    compound = len(words) - generic > 1 and "-" in text[ws:words[-1 - generic]]
    if cue == NO_CUE and not compound or lower_words.has(text, first.lower()):
        return None
    if cue != NO_CUE:
        chain[0] = words[-1]
    for i in reversed(range(len(words))):
        end = words[i]
        key = " ".join(folded[ws:end].split())
        if folded[ws:end] != key:  # a double space or a line break inside: not one name
            continue
        if not stands_alone(text, rev, ws, words[i - 1] if generic and i == len(words) - 1 else end):
            continue
        if guesses[0] <= 0:
            return None
        guesses[0] -= 1
        spellings = gazetteer.spellings(key)
        if any(derived_from(key, f[0]) for f in spellings):
            return None  # "African", "Asian": an adjective of a name, not another spelling of it
        found = [f for f in spellings if f[1] >= _GUESS_MIN and (
                 cue == STRONG_CUE or f[1] >= _CLOSE_SPELLING and (cue == WEAK_CUE or len(key) >= 10))]
        if found:
            return folded[ws:end], tuple(found)
    return None


class WordFacts(dict):
    """What a capitalised word says alone, judged once per word when first asked (``facts[word]``).

    Facts that depend only on the word and the gazetteer are remembered per gazetteer (see
    :func:`word_facts`), so each occurrence of a word pays a dictionary look-up, not the judgement.
    """

    MAX_WORDS = 16384  # forgotten beyond this many (a corpus's vocabulary of capitalised words is far smaller)

    def __init__(self, judge: Callable[[str], object]) -> None:
        super().__init__()
        self._judge = judge

    def __missing__(self, word: str) -> object:
        if len(self) >= self.MAX_WORDS:
            self.clear()
        fact = self[word] = self._judge(word)
        return fact


ASK_TRIE = object()  # (a WordFacts value: only the trie, over the text after the word, can tell)


class LongerNames(NamedTuple):
    """A word that starts names of several words ("new" of "new york"); ``own``: its own key, or None."""

    own: str | None


def _name_start(names, first: str) -> str | LongerNames | object | None:
    """The name key that starts with the word ``first`` (as written) wherever it stands: None when no
    key is the word or starts with it and a space, the word's key when it is a key and no longer key
    starts with it, LongerNames when some do, ASK_TRIE for a word the fold splits or a very long one.
    (The character after a word folds to a space, so a key that is the word ends at a word boundary.)
    A word that is a key but never a candidate alone (:func:`~geodrills.toponyms.cues.never_alone`:
    "He", "Russian") counts as no key: the scanner would drop its span anyway, and no guessed
    spelling starts with it (:func:`_may_be_guessed`)."""
    low = fold(first)
    if " " in low or len(low) >= _MAX_NAME_CHARS:
        return ASK_TRIE
    own = low if low in names and not never_alone(first) else None
    return LongerNames(own) if _starts_a_key(names, low + " ") else own


def _starts_a_key(names, prefix: str) -> bool:
    return next(names.iterkeys(prefix), None) is not None


def _pair_start(names, pair: str) -> str | object | None:
    """The longest name key that two words (``pair``, from :func:`_two_words`) start where they stand:
    None when no key starts with them (then only the first word may be one), the pair's own key when
    no longer key starts with it and a space, else ASK_TRIE.  (A key ending between the two words is
    the first word's; one ending inside the second word is no name at this boundary; one within
    ``_MAX_NAME_CHARS`` the trie walk also sees.)"""
    if not _starts_a_key(names, pair):
        return None
    if len(pair) <= _MAX_NAME_CHARS and not _starts_a_key(names, pair + " "):
        return pair if pair in names else None
    return ASK_TRIE


def _two_words(folded: str, ws: int, n_first: int) -> str | None:
    """The folded first word at ``ws`` (``n_first`` characters long) and the word after it, up to the
    next space ("new york" of "New York's"), or None when no word follows the word's one space ("Baku,
    …", "Iran." at the end).  A name of several words starting there starts with them: its words are
    single-spaced (name keys never hold two spaces in a row), and it ends where the text has a space
    (or ends)."""
    j = ws + n_first + 1  # (the character after the word folds to a space)
    end = folded.find(" ", j)
    if end == j or j >= len(folded):
        return None
    return folded[ws:end] if end >= 0 else folded[ws:]


def _may_be_guessed(first: str, common_words: frozenset[str], first_names: frozenset[str],
                    given_names: frozenset[str]) -> bool:
    """Whether a span starting with the word ``first`` may be another spelling of a name: a word of
    four letters or more, not in capitals, no stop word, common word, first or given name, or demonym."""
    if len(first) < 4 or first.isupper() or first.casefold() in STOP_WORDS:
        return False
    low = fold(first)
    return not (low in common_words or low in first_names or low in given_names or cached_is_demonym(first))


_WORD_FACTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # gazetteer -> its word facts


def word_facts(gazetteer: Gazetteer) -> tuple[WordFacts, WordFacts, WordFacts, WordFacts]:
    """The :class:`WordFacts` of ``gazetteer``: the name key a word starts (:func:`_name_start`),
    the name key two words start (:func:`_pair_start`, of :func:`_two_words`), whether a guessed spelling may
    start with a word (:func:`_may_be_guessed`), and whether the word starts nothing (:func:`_inert`).
    Kept as long as the gazetteer lives (they hold its name trie and word lists, not the gazetteer)."""
    facts = _WORD_FACTS.get(gazetteer)
    if facts is None:
        names = gazetteer.names
        lists = (gazetteer.common_words, gazetteer.first_names, gazetteer.given_names)
        starts = WordFacts(functools.partial(_name_start, names))
        guessable = WordFacts(lambda word: _may_be_guessed(word, *lists))
        facts = _WORD_FACTS[gazetteer] = (starts, WordFacts(functools.partial(_pair_start, names)), guessable,
                                          WordFacts(lambda word: _inert(word, starts, guessable)))
    return facts


def _inert(first: str, starts: WordFacts, guessable: WordFacts) -> bool:
    """Whether the scanner's loop does nothing for a capitalised word ``first`` wherever it stands: a
    word in a non-Latin-capital letter ("éclair"), or one that starts no name key (no trie walk, no
    "&" name: a key "x and y" would start with "x "), no guessed spelling, no "St." and no state
    abbreviation ("Calif.")."""
    if first > "\x7f" and not is_capital(first[0]):
        return True
    return starts[first] is None and not guessable[first] and first not in _ABBREVIATED \
        and first not in _STATE_WORDS


_CLOSE_SPELLING = 0.9  # a spelling this similar needs only a weak cue (or none, for a long compound)


_GUESS_MIN = 0.86  # least similarity of a spelling the scanner guesses ("Earlsheaton" is not Earlston)


_GUESSES_PER_ARTICLE = 30  # gazetteer searches for guessed spellings per article …


_CHARS_PER_GUESS = 4000  # … and one more per this many characters


def _may_be_cued(text: str, rev: str, ws: int, first_end: int, out: list[Candidate], chained: int) -> bool:
    """A cheap necessary condition for :func:`place_cue` (or a compound) at ``ws``: a locative or "the
    province of" before it (:func:`cue_before`, asked only when the word before is one), a list join
    after a name or cued span (:func:`listed_after`), a hyphenated capitalised word after it, or a
    feature word after its capitalised words.  Most capitalised words fail it, and the few words just
    after a name ("Washington Post", "Iran said") pay for the exact checks, not for a guess."""
    r = len(rev) - ws  # (the words before are anchored matches on the reversed text: no window scan)
    if chained >= ws - _LONGEST_JOIN or out and out[-1].end >= ws - _LONGEST_JOIN:
        # just after a name: in a list of names, or after a locative ("Baku in Xa"); else as below
        if listed_after(text, ws, out, chained) \
                or _is_cue_word(_REVERSED_WORD_BEFORE.match(rev, r)) and cue_before(rev, ws) == STRONG_CUE:
            return True
    elif text[ws - 1:ws] == " ":  # (the regex's first character, asked first: most words fail here or below)
        if _is_cue_word(_REVERSED_WORD_AFTER_SPACES.match(rev, r)) and cue_before(rev, ws) == STRONG_CUE:
            return True  # (not after a title, "Secretary of State", nor "of" after no unit word)
    # a compound ("Nagorno-Karbakh"), or a feature word after the name's last capitalised word (the
    # regex rules out most words in one match; the walk then checks capitals exactly)
    return _MAY_FOLLOW.match(text, first_end) is not None and _feature_or_compound_after(text, first_end)


def _is_cue_word(reversed_word: re.Match[str] | None) -> bool:
    """Whether the word (read backwards) is a locative but a weak one, or "of": the only words
    :func:`cue_before` says STRONG_CUE after."""
    return reversed_word is not None and reversed_word.group(1).casefold() in _REVERSED_CUE_WORDS


def _feature_or_compound_after(text: str, first_end: int) -> bool:
    """Whether the first word (ending at ``first_end``) is followed by a hyphenated capitalised word
    ("Nagorno-Karbakh"), or by up to three capitalised words and a generic word ("AstraChai river")."""
    nxt = NEXT_WORD.match(text, first_end)
    for _ in range(_SPELLED_MAX_WORDS):
        if nxt is None or nxt.group(1) not in _JOINS:
            return False
        word = nxt.group(2)
        if word in GENERIC_ENDS or nxt.group(1) == "-" and word[0].isupper():
            return True
        if not word[0].isupper():
            return False
        nxt = NEXT_WORD.match(text, nxt.end())
    return nxt is not None and nxt.group(1) == " " and nxt.group(2) in GENERIC_ENDS


_LONGEST_JOIN = max(len(j) for j in LIST_JOINS)
_ABBREVIATED = frozenset(a.split('.')[0] for a in NAME_ABBREVIATIONS)  # "St", "MT": may start one
_STATE_WORDS = frozenset(a.split('.')[0] for a in US_STATE_ABBREVIATIONS)  # "Calif", "N": may be one
_JOINS = (" ", "-")  # the gaps between the words of a spelled span
# A locative (not a weak one: cue_before never calls a cue after it strong) or "of", spelled backwards.
_REVERSED_CUE_WORDS = frozenset(w[::-1] for w in LOCATIVE - WEAK_LOCATIVES | {"of"})
_REVERSED_WORD_AFTER_SPACES = re.compile(r" +([^\W_]+)")  # spaces, then the word before them, read backwards
_REVERSED_WORD_BEFORE = re.compile(r"[\W_]*+([^\W_]+)")  # any gap, then the word before it (as words_before)


def _may_follow_pattern() -> re.Pattern[str]:
    """What :func:`_feature_or_compound_after` needs after the first word, as one anchored regex: up to
    two words (three before a generic word) in a class holding every capital (``str.isupper``), each
    after one space or hyphen, then a generic word after a space or hyphen, or a hyphen and a capital.
    Possessive quantifiers: no backtracking into a word."""
    cap = "A-Z\u00C0-\U0010FFFF"  # (no capital letter lies below U+00C0 but A-Z)
    word = rf"[ -][{cap}][^\W_]*+"
    generic = "|".join(sorted(GENERIC_ENDS, key=lambda w: (-len(w), w)))
    return re.compile(rf"(?:{word}){{0,2}}(?:[ -](?:{generic})(?![^\W_])|-[{cap}])"
                      rf"|(?:{word}){{3}} (?:{generic})(?![^\W_])")


_MAY_FOLLOW = _may_follow_pattern()


def _span_words(text: str, ws: int) -> tuple[list[int], int]:
    """Ends of the candidate spans at ``ws`` (one to three capitalised words, then a generic word
    after them), and 1 if the last end is that generic word."""
    ends: list[int] = []
    pos = ws
    for _ in range(_SPELLED_MAX_WORDS):
        m = NEXT_WORD.match(text, pos)
        if m is None or (ends and (m.group(1) not in (" ", "-") or not is_capital(m.group(2)[0]))):
            break
        if not ends and m.start(2) != ws:
            break
        ends.append(m.end())
        pos = m.end()
    if ends:
        m = NEXT_WORD.match(text, ends[-1])
        if m is not None and m.group(1) == " " and m.group(2) in GENERIC_ENDS:
            ends.append(m.end())  # "the Khodaafarin bridge", "the AstraChai river"
            return ends, 1
    return ends, 0


_SPELLED_MAX_WORDS = 3


def _shorter_capitalised(prefixes, folded: str, text: str, ws: int, end: int) -> str | None:
    keys = sorted((k for k in prefixes(folded[ws:end]) if ws + len(k) <= end
                   and (ws + len(k) == len(folded) or folded[ws + len(k)] == " ")), key=len, reverse=True)
    for key in keys:
        seg = text[ws:ws + len(key)]
        tail = seg.rsplit(" ", 1)[-1]
        if tail and (" " not in seg or _ends_a_name(tail)):
            return key
    return None


def _ampersand_name(prefixes, folded: str, ws: int, best: str) -> tuple[str, int]:
    """A name the gazetteer spells with "and", written with "&" ("Bosnia & Herzegovina",
    "Trinidad & Tobago"): its key, and how much shorter the text is than the key (as a
    negative ``dot``); else ``best`` unchanged."""
    cut = ws + len(best)
    alt = folded[ws:cut] + " and " + folded[cut + 3:ws + _MAX_NAME_CHARS]
    longest = best
    for key in prefixes(alt):
        if len(key) > len(best) + 5 and (len(key) == len(alt) or alt[len(key)] == " ") and len(key) > len(longest):
            longest = key
    return (longest, -2) if longest is not best else (best, 0)


def _ends_a_name(word: str) -> bool:
    """Whether ``word`` may end a multi-word name: capitalised (also after a hyphen:
    "Bab el-Mandeb"), a number, or a generic word."""
    return word[0].isupper() or word.rpartition("-")[2][:1].isupper() or word.isdigit() \
        or word.casefold() in GENERIC_ENDS
