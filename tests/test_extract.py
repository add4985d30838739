"""The scanner's helpers against plain reference implementations."""

from __future__ import annotations

import random
import re

import pytest

from geodrills.extract import find_candidates
from geodrills.toponyms.text import (
    ALNUM_RUN,
    CAP_WORD,
    SENTENCE_PUNCT,
    LowerCaseWords,
    SkipSpans,
    is_capital,
    lower_case_words,
    words_before,
)
from geodrills.gazetteer import Gazetteer

_WORD = re.compile(r"[^\W_]+")


def _reference_words_before(text: str, pos: int, k: int) -> list[tuple[str, str]]:
    """Every word of the text indexed, then walked back from pos."""
    spans = [m.span() for m in _WORD.finditer(text, 0, pos)]
    out, end = [], pos
    for a, b in reversed(spans):
        gap = text[b:end]
        out.append((text[a:b], gap))
        if len(out) == k or SENTENCE_PUNCT.search(gap):
            break
        end = a
    return out


def test_words_before_matches_the_reference_on_random_text():
    rng = random.Random(3)
    alphabet = list("abcXYZ é_ -.,;:!?\"'()\n\t0123ığ") + ["  ", "...", "—"]
    checked = 0
    for _ in range(400):
        text = "word " * rng.randint(0, 30) + "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 200)))
        rev = text[::-1]
        for pos in range(len(text) + 1):
            if pos and text[pos - 1].isalnum():
                continue  # candidates start where a word starts
            assert words_before(rev, pos, 3) == _reference_words_before(text, pos, 3), (text, pos)
            checked += 1
    assert checked > 10_000


def test_words_before_stops_at_the_sentence():
    text = "He left. Troops in Kars"
    assert words_before(text[::-1], text.index("Kars"), 3) == [("in", " "), ("Troops", " "), ("left", ". ")]


def _places(text: str) -> list[tuple[str, str, str]]:
    import geodrills as gd

    return [(m.text, m.place.name, m.place.country) for m in gd.geoparse(text)]


def test_abbreviated_saint_fort_mount_match_the_unabbreviated_entry():
    """The gazetteer writes "St Petersburg"; news writes "St. Petersburg" (the span keeps the period)."""
    text = "Protests spread from St. Petersburg to Moscow, and Ft. Worth police said nothing."
    got = _places(text)
    assert ("St. Petersburg", "Saint Petersburg", "RU") in got
    assert ("Ft. Worth", "Fort Worth", "US") in got
    for span, _, _ in got:
        assert span in text
    assert _places("St. said nothing.") == []  # no name after the abbreviation


def test_dictionary_words_need_more_evidence_than_a_small_town_has():
    """"Commerce" is a town in Texas, but capitalised in news it is mostly the word."""
    from geodrills.gazetteer import Gazetteer

    words = Gazetteer.default().common_words
    assert {"commerce", "centre", "portal"} <= words
    assert not {"turkey", "nice", "reading", "van", "china"} & words  # dictionaries know them as names too
    assert _places("The Chamber of Commerce met the Centre for Strategic Studies.") == []
    assert ("Commerce", "Commerce", "US") in _places("The shooting happened in Commerce, Texas, on Monday.")
    assert _places("Police in Split arrested two men.") == [("Split", "Split", "HR")]  # a city keeps its weight


def test_word_lists_builder_plurals_and_case_rule(tmp_path):
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        "build_word_lists", Path(__file__).resolve().parents[1] / "gazetteer" / "build_word_lists.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert [build.plural(w) for w in ("city", "day", "box", "church", "portal")] == \
        ["cities", "days", "boxes", "churches", "portals"]
    dic = tmp_path / "index.dic"
    dic.write_text("4\ncommerce/M\nturkey/MS\nTurkey/M\nhighway/MS\n", encoding="utf-8")
    assert build.lowercase_only_words([dic]) == {"commerce", "highway", "highways"}


def test_a_first_name_alone_is_not_a_small_place():
    """GeoNames has villages called Alex (Oklahoma) and Olivia (Minnesota)."""
    from geodrills.gazetteer import Gazetteer

    assert {"alex", "olivia", "austin"} <= Gazetteer.default().first_names
    assert _places("His sisters Alex and Olivia waited at home.") == []
    assert ("Olivia", "Olivia", "US") in _places("The fair was held in Olivia, Minnesota.")
    assert ("Austin", "Austin", "US") in _places("Austin police said the road was closed.")  # a city outweighs it



def _random_texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    pieces = ["Kars", "kars", "baku", "Baku", "police", "Police", "İmişli", "ışık", "É", "é", "x", "_", "-", " ",
              "  ", "\n", ".", ",", "’", "“", "—", "…", "3", "a1", "ℕ", "Ⅻ", "Σ", "σ", "ǅ", "😀", "\u00a0"]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) for _ in range(n)]


def test_capital_scan_matches_the_plain_definition():
    """A word-initial A-Z, or a non-ASCII word character, not a digit, that is_capital accepts."""
    for text in _random_texts(5, 3000):
        got = [m.start() for m in CAP_WORD.finditer(text) if m.group() <= "\x7f" or is_capital(m.group()[0])]
        # the match is the whole word (the scanner's first word)
        assert all(m.group() == ALNUM_RUN.match(text, m.start()).group() for m in CAP_WORD.finditer(text)
                   if is_capital(m.group()[0])), text
        want = [i for i, ch in enumerate(text) if (i == 0 or not text[i - 1].isalnum())
                and (("A" <= ch <= "Z") or (ch > "\x7f" and ch.isalnum() and not ch.isdecimal() and is_capital(ch)))]
        assert got == want, text
    # every capital of the Basic Multilingual Plane, after a space
    caps = "".join(" " + chr(c) for c in range(0x80, 0x10000) if chr(c).isalnum() and not chr(c).isdecimal()
                   and is_capital(chr(c)))
    assert sum(1 for m in CAP_WORD.finditer(caps) if is_capital(m.group()[0])) == len(caps) // 2


def test_lower_case_words_match_a_regex_over_all_words():
    lower_word = re.compile(r"(?<![^\W_])[a-z]+(?![^\W_])")
    for text in _random_texts(7, 3000):
        words = set(lower_word.findall(text))
        assert lower_case_words(text) == words, text
        asked = LowerCaseWords()
        for word in ("kars", "baku", "police", "x", "a", "İmişli".lower(), "Kars", "k1"):
            assert asked.has(text, word) == (word in words), (text, word)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


@pytest.mark.parametrize("text, span", [
    ("Ships avoided Bab el-Mandeb on Monday.", "Bab el-Mandeb"),  # capitalised after the hyphen
    ("Tensions on the Korean peninsula rose.", "Korean peninsula"),  # a generic word in lower case
    ("Troops moved to Kars province.", "Kars province"),
])
def test_a_multi_word_name_may_end_in_a_generic_or_hyphenated_word(gaz, text, span):
    assert span in [c.text for c in find_candidates(text, gaz)]


def test_a_multi_word_name_does_not_end_in_an_ordinary_lower_case_word(gaz):
    # GeoNames has "Kars Çayı" and "Baku Bay"; in prose the lower-case word is not part of the name
    assert [c.text for c in find_candidates("Troops left Kars today and Baku yesterday.", gaz)] == ["Kars", "Baku"]


@pytest.mark.parametrize("text, dateline", [
    ("BEIRUT (AP) - Shelling was reported.", True),
    ("HORRY COUNTY, SC (WMBF) - A man was seen.", True),
    ("Officials spoke.\nKOLKATA, India – Police arrested a man.", True),
    ("Officials spoke. IMMOKALEE – A grant was announced.", True),
    ("Officials spoke. KOLKATA, the police said, was calm.", False),  # mid-line: only before a dash
    ("He said KOLKATA (the city) was calm.", False),
    ("Kolkata, India – Police arrested a man.", False),  # not in capitals
])
def test_a_dateline_is_a_place_in_capitals_opening_a_line(gaz, text, dateline):
    cand = find_candidates(text, gaz)[0]
    assert cand.text.casefold() in ("beirut", "horry county", "kolkata", "immokalee")
    assert cand.dateline is dateline
    assert cand.locative or not dateline


@pytest.mark.parametrize("text, name, flagged", [
    ("Andrew Jordan won.", "Jordan", True),
    ("Reporter Bill Holland said so.", "Holland", True),
    ("HSBC Bank Malta fell.", "Malta", False),  # not a name, though the Moby list has "Bank"
    ("Rain fell across West Wales.", "Wales", False),  # a compass word
    ("Mr GEORGE HOLLAND spoke.", "HOLLAND", False),  # a word in capitals is no telling first name
])
def test_a_name_after_a_first_name_is_flagged_as_a_surname(gaz, text, name, flagged):
    (cand,) = [c for c in find_candidates(text, gaz) if c.text == name]
    assert cand.embedded and cand.after_given_name is flagged


def test_given_names_are_names_not_words_or_places(gaz):
    assert {"andrew", "bill", "john"} <= gaz.given_names
    # Moby oddities, countries and states, big cities, words of many place names
    assert not {"bank", "deck", "georgia", "jordan", "victoria", "lincoln", "park", "port", "de"} & gaz.given_names


@pytest.mark.parametrize("text, after_initial", [
    ("Said Jon R. Taylor, a professor.", True),
    ("Said George H. W. Bush, the president.", True),
    ("Troops came from the U.S. Taylor said so.", False),  # "U.S." ends the sentence
    ("They chose option B. Taylor said so.", False),  # no capitalised name before the letter
])
def test_a_name_after_an_initial_is_a_surname_not_a_sentence_start(gaz, text, after_initial):
    (cand,) = [c for c in find_candidates(text, gaz) if c.text in ("Taylor", "Bush")]
    assert cand.after_given_name is after_initial
    assert cand.sentence_initial is not after_initial


def test_a_capitalised_feature_word_before_an_institution_stays_out_of_the_span(gaz):
    # "Nakhchivan State University" names a university, not "Nakhchivan State"; "Kars Province" is still joined
    assert [c.text for c in find_candidates("Nakhchivan State University students met.", gaz)] == ["Nakhchivan"]
    assert [c.text for c in find_candidates("The Kars Province Governor spoke.", gaz)] == ["Kars Province"]


def test_skip_spans_answer_like_a_scan_of_every_span():
    rng = random.Random(5)
    for _ in range(200):
        spans = [(a, a + rng.randint(0, 9)) for a in (rng.randint(0, 60) for _ in range(rng.randint(0, 8)))]
        skip = SkipSpans(spans)
        for pos in range(70):
            assert skip.holds(pos) == any(a <= pos < b for a, b in spans), (spans, pos)


def test_the_scanners_shortcuts_only_skip_work(gaz, monkeypatch):
    """What a word (or two) says alone (WordFacts: the key it starts, the key two words start, a word
    that starts nothing), the regex before the feature-word walk and the cue-word test before cue_before
    are necessary conditions only: with them switched off (the trie asked at every capitalised word, the
    walk and cue_before after any word) the candidates are the same."""
    from geodrills.toponyms import scan
    from geodrills.toponyms.text import is_capital

    rng = random.Random(11)
    words = ["New", "York", "new", "San", "Diego", "Baku", "Kars", "province", "river", "Araz", "River", "in",
             "near", "of", "the", "Province", "and", "St.", "Petersburg", "Nagorno", "Karabakh", "Karbakh",
             "Yevlah", "Khodaafarin", "Trump", "said", "Mar", "a", "Lago", "Johnson", "Jr.", "İmişli", "Ras",
             "al", "Khaimah", "Dogu", "Bayazid", "governor", "Bab", "el", "Mandeb", "bridge", "Nakchivan",
             "Calif.", "N.Y.", "Wyo.", "He", "In", "Russian", "Van", "Bosnia", "Herzegovina", "Éclair", "éclair", "The", "President", "Hague",
             "Orange", "County", "United", "States", "Saudi", "Arabia", "I", "m"]
    gaps = [" ", " ", " ", "  ", ", ", ". ", "-", "'s ", " & ", "\n", " @", " and "]
    texts = ["".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(1, 25))) for _ in range(600)]
    fast = [[repr(c) for c in find_candidates(t, gaz)] for t in texts]

    class AskTheTrie(dict):
        def __missing__(self, word):
            return scan.ASK_TRIE

    class LowerCaseOnlyInert(dict):  # (no word is known to start nothing but one in lower case, "éclair")
        def __missing__(self, word):
            return not is_capital(word[0])

    _starts, pairs, guessable, _inert = scan.word_facts(gaz)
    monkeypatch.setattr(scan, "word_facts", lambda g: (AskTheTrie(), pairs, guessable, LowerCaseOnlyInert()))
    monkeypatch.setattr(scan, "_MAY_FOLLOW", re.compile(""))
    monkeypatch.setattr(scan, "_is_cue_word", lambda m: m is not None)  # (a word before it, any word)
    slow = [[repr(c) for c in find_candidates(t, gaz)] for t in texts]
    assert fast == slow
    assert sum(map(len, fast)) > 1000  # (the texts hold names)
