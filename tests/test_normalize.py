"""Name folding (geodrills.normalize): the keys every lookup and scan depends on."""

from __future__ import annotations

import pytest

from geodrills.normalize import caseless, APOSTROPHES, fold, name_keys, skeleton


@pytest.mark.parametrize(
    "text",
    [
        "Naxçıvan's",
        "İmişli, Cəbrayıl",
        "Iğdır",
        "Āz̄ārbāyjān-e Shārqī",  # combining marks in the source string
        "ẞtraße Łódź Ærø",
        "Ankara’s “drills” — 2023",
        "ﬁre",  # a ligature decomposes to two letters and must not change the length
        "",
    ],
)
def test_fold_keeps_length_so_offsets_carry_over(text):
    assert len(fold(text)) == len(text)


def test_fold_lowercases_strips_diacritics_and_turkic_letters():
    assert fold("Naxçıvan") == "naxcivan"
    assert fold("İMİŞLİ") == "imisli"
    assert fold("Cəbrayıl") == "cabrayil"
    assert fold("Iğdır") == "igdir"
    assert fold("Türkiye") == "turkiye"
    # the turned e that GeoNames sometimes writes for the schwa folds like the schwa
    assert fold("Kǝngǝrli") == fold("Kəngərli") == fold("KƎNGƎRLİ") == "kangarli"


def test_fold_turns_punctuation_into_spaces():
    assert fold("Kars, Turkey.") == "kars  turkey "
    assert fold("Nagorno-Karabakh (Artsakh)") == "nagorno karabakh  artsakh "


# U+02BC and U+02BB are Unicode *letters* (modifier letters), so a rule of
# "not a letter or digit -> space" would keep them; Azerbaijani/Uzbek
# romanisations use them ("Bakuʼs", "Oʻzbekiston"), so they must split words.
@pytest.mark.parametrize("apostrophe", list(APOSTROPHES), ids=lambda a: f"U+{ord(a):04X}")
def test_fold_turns_every_apostrophe_into_a_space(apostrophe):
    assert fold(f"Baku{apostrophe}s") == "baku s"


def test_fold_of_ascii_text_is_the_same_on_every_path():
    """An ASCII text (a byte table), the same text with a non-ASCII letter after it (the code-point
    table) and a long one (the array path) fold the same characters the same way."""
    ascii_text = "".join(map(chr, range(128))) + "Troops in KARS, near the Araz-River (2023)!"
    for text in (ascii_text, ascii_text * 4):
        assert fold(text + "é")[:-1] == fold(text)
        assert fold(text + "é")[-1] == "e"


def test_fold_offsets_index_the_original_text():
    text = "Drills near Naxçıvan’s border and in İmişli."
    folded = fold(text)
    i = folded.index("naxcivan")
    assert text[i:i + 8] == "Naxçıvan"
    j = folded.index("imisli")
    assert text[j:j + 6] == "İmişli"


def test_name_keys_collapse_whitespace_and_punctuation():
    assert name_keys("  Ras al-Khaimah ") == {"ras al khaimah"}
    assert name_keys("Nagorno-Karabakh") == {"nagorno karabakh"}
    assert name_keys("KARS") == name_keys("kars") == {"kars"}


def test_name_keys_apostrophe_joins_or_splits():
    assert name_keys("Ma'ale Adumim") == {"ma ale adumim", "maale adumim"}
    assert name_keys("Syunik’") == {"syunik"}


def test_name_keys_of_punctuation_only_is_empty():
    assert name_keys("  ,.;  ") == set()
    assert name_keys("") == set()


# The transliteration families issue 2 names.
FAMILIES = [
    ["Nakhchivan", "Nakhichevan", "Naxçıvan", "Nakhijevan", "Nahçıvan"],
    ["Jabrayil", "Jabrail", "Cəbrayıl", "Jebrail"],
    ["Imishli", "İmişli"],
    ["Iğdır", "Igdir"],
]


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f[0])
def test_skeleton_unites_transliteration_variants(family):
    skeletons = {skeleton(" ".join(fold(n).split())) for n in family}
    assert len(skeletons) == 1, skeletons


@pytest.mark.parametrize("a, b", [("kars", "baku"), ("astara", "ankara"), ("julfa", "jolfa x"), ("tehran", "tabriz")])
def test_skeleton_keeps_different_names_apart(a, b):
    assert skeleton(a) != skeleton(b)


def test_skeleton_works_token_by_token():
    assert skeleton("nakhchivan city") == skeleton("nakhchivan") + " " + skeleton("city")


def test_fold_of_a_long_text_matches_the_character_table():
    # articles (256+ characters) go through a numpy code-point table; short strings through str.translate
    import random

    from geodrills.normalize import _TABLE

    rng = random.Random(7)
    pools = [(32, 0x24F), (0x370, 0x52F), (0x600, 0x6FF), (0x2000, 0x206F), (0x10000, 0x1003F)]
    for n in (256, 300, 2000):
        for pool in ([0, 1], [0, 1, 2, 3], [0, 1, 2, 3, 4]):
            text = "".join(chr(rng.randint(*pools[rng.choice(pool)])) for _ in range(n))
            assert fold(text) == text.translate(_TABLE)
    surrogate = "Kars\ud800 " * 100  # not encodable: the table path must fall back, not fail
    assert fold(surrogate) == surrogate.translate(_TABLE)


def test_caseless_keeps_every_word_a_case_insensitive_pattern_finds():
    # the letters that re.IGNORECASE takes for an ASCII letter, beyond its own two cases
    import re

    for text, word in [("ıran", "iran"), ("KNOWN", "known"), ("previouſly", "previously"), ("\u212aelvin", "kelvin"),
                       ("Straße", "strasse"), ("Until", "until")]:
        if re.search(word, text, re.IGNORECASE):
            assert word in caseless(text)
    assert "once" not in caseless("Conscripts")
