"""Demonyms and national adjectives ("Turkish", "Azeri", "Armenians") to ISO 3166-1 alpha-2.

News about drills names who takes part mostly by adjective ("Turkish and
Azerbaijani troops") rather than by country name, so the event extractor,
the geoparser and the claims checker all need this one small table.

Historical or non-state adjectives ("Ottoman", "Soviet", "Kurdish") are
recognised as demonyms but map to ``None``: they name no present-day
country, and guessing one would put a wrong flag on an exercise.

Examples
--------
>>> demonym_country("Azeri")
'AZ'
>>> demonym_country("Turks")
'TR'
>>> demonym_country("Ottoman") is None
True
>>> [(m.text, m.country) for m in find_demonyms("Turkish-Azerbaijani exercises near the Armenian border")]
[('Turkish', 'TR'), ('Azerbaijani', 'AZ'), ('Armenian', 'AM')]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

__all__ = ["DEMONYMS", "Demonym", "demonym_country", "find_demonyms", "is_demonym"]

# country code -> adjective and people forms (singular and plural nouns).
# The South Caucasus and its neighbours first, then the common English forms
# for most other countries: news names a country by its adjective as often as
# by its name, and an unknown adjective is mistaken for a village
# ("Canadian", Texas; "English", Indiana).  Group adjectives that name no one
# country ("Arab", "Scandinavian") map to None, like the historical ones.
_FORMS: dict[str | None, tuple[str, ...]] = {
    "TR": ("Turkish", "Turk", "Turks", "Türk", "Türks"),
    "AZ": ("Azerbaijani", "Azerbaijanis", "Azerbaijanian", "Azeri", "Azeris"),
    "AM": ("Armenian", "Armenians"),
    "IR": ("Iranian", "Iranians"),
    "GE": ("Georgian", "Georgians"),
    "RU": ("Russian", "Russians"),
    "UA": ("Ukrainian", "Ukrainians"),
    "BY": ("Belarusian", "Belarusians", "Belarussian"),
    "KZ": ("Kazakh", "Kazakhs", "Kazakhstani", "Kazakhstanis"),
    "UZ": ("Uzbek", "Uzbeks", "Uzbekistani"),
    "TM": ("Turkmen", "Turkmens"),
    "KG": ("Kyrgyz", "Kirghiz"),
    "TJ": ("Tajik", "Tajiks", "Tajikistani"),
    "PK": ("Pakistani", "Pakistanis"),
    "AF": ("Afghan", "Afghans"),
    "IQ": ("Iraqi", "Iraqis"),
    "SY": ("Syrian", "Syrians"),
    "IL": ("Israeli", "Israelis"),
    "SA": ("Saudi", "Saudis"),
    "QA": ("Qatari", "Qataris"),
    "AE": ("Emirati", "Emiratis"),
    "EG": ("Egyptian", "Egyptians"),
    "GR": ("Greek", "Greeks"),
    "CY": ("Cypriot", "Cypriots"),
    "BG": ("Bulgarian", "Bulgarians"),
    "RO": ("Romanian", "Romanians"),
    "PL": ("Polish", "Pole", "Poles"),
    "DE": ("German", "Germans"),
    "FR": ("French",),
    "IT": ("Italian", "Italians"),
    "ES": ("Spanish",),
    "US": ("American", "Americans"),
    "CN": ("Chinese",),
    "IN": ("Indian", "Indians"),
    "JP": ("Japanese",),
    "GB": ("British", "Briton", "Britons", "English", "Scottish", "Scots", "Welsh"),
    "IE": ("Irish",),
    "NL": ("Dutch",),
    "BE": ("Belgian", "Belgians"),
    "CH": ("Swiss",),
    "AT": ("Austrian", "Austrians"),
    "SE": ("Swedish", "Swede", "Swedes"),
    "NO": ("Norwegian", "Norwegians"),
    "DK": ("Danish", "Dane", "Danes"),
    "FI": ("Finnish", "Finn", "Finns"),
    "PT": ("Portuguese",),
    "HU": ("Hungarian", "Hungarians"),
    "CZ": ("Czech", "Czechs"),
    "SK": ("Slovak", "Slovaks", "Slovakian"),
    "SI": ("Slovenian", "Slovene", "Slovenians"),
    "HR": ("Croatian", "Croat", "Croats"),
    "RS": ("Serbian", "Serb", "Serbs"),
    "BA": ("Bosnian", "Bosnians"),
    "AL": ("Albanian", "Albanians"),
    "MK": ("Macedonian", "Macedonians"),
    "ME": ("Montenegrin", "Montenegrins"),
    "MD": ("Moldovan", "Moldovans"),
    "LT": ("Lithuanian", "Lithuanians"),
    "LV": ("Latvian", "Latvians"),
    "EE": ("Estonian", "Estonians"),
    "MN": ("Mongolian", "Mongolians"),
    "KR": ("South Korean", "South Koreans"),
    "KP": ("North Korean", "North Koreans"),
    "TW": ("Taiwanese",),
    "VN": ("Vietnamese",),
    "TH": ("Thai",),
    "KH": ("Cambodian", "Cambodians"),
    "LA": ("Laotian", "Laotians"),
    "MM": ("Burmese",),
    "BT": ("Bhutanese",),
    "BN": ("Bruneian", "Bruneians"),
    "PH": ("Filipino", "Filipinos", "Philippine"),
    "ID": ("Indonesian", "Indonesians"),
    "MY": ("Malaysian", "Malaysians"),
    "SG": ("Singaporean", "Singaporeans"),
    "BD": ("Bangladeshi", "Bangladeshis"),
    "LK": ("Sri Lankan", "Sri Lankans"),
    "NP": ("Nepalese", "Nepali"),
    "YE": ("Yemeni", "Yemenis"),
    "OM": ("Omani", "Omanis"),
    "KW": ("Kuwaiti", "Kuwaitis"),
    "BH": ("Bahraini", "Bahrainis"),
    "JO": ("Jordanian", "Jordanians"),
    "LB": ("Lebanese",),
    "PS": ("Palestinian", "Palestinians"),
    "LY": ("Libyan", "Libyans"),
    "SD": ("Sudanese",),
    "ET": ("Ethiopian", "Ethiopians"),
    "SO": ("Somali", "Somalis"),
    "KE": ("Kenyan", "Kenyans"),
    "NG": ("Nigerian", "Nigerians"),
    "ZA": ("South African", "South Africans"),
    "MA": ("Moroccan", "Moroccans"),
    "DZ": ("Algerian", "Algerians"),
    "TN": ("Tunisian", "Tunisians"),
    "ML": ("Malian", "Malians"),
    "NE": ("Nigerien", "Nigeriens"),
    "BF": ("Burkinabe", "Burkinabè"),
    "TD": ("Chadian", "Chadians"),
    "MR": ("Mauritanian", "Mauritanians"),
    "SN": ("Senegalese",),
    "CM": ("Cameroonian", "Cameroonians"),
    "CA": ("Canadian", "Canadians"),
    "MX": ("Mexican", "Mexicans"),
    "CU": ("Cuban", "Cubans"),
    "BR": ("Brazilian", "Brazilians"),
    "AR": ("Argentine", "Argentinian", "Argentinians"),
    "CL": ("Chilean", "Chileans"),
    "CO": ("Colombian", "Colombians"),
    "PE": ("Peruvian", "Peruvians"),
    "VE": ("Venezuelan", "Venezuelans"),
    "BO": ("Bolivian", "Bolivians"),
    "EC": ("Ecuadorian", "Ecuadorean", "Ecuadorians"),
    "PY": ("Paraguayan", "Paraguayans"),
    "UY": ("Uruguayan", "Uruguayans"),
    "GY": ("Guyanese",),
    "SR": ("Surinamese",),
    # more of Africa, Central America and the Caribbean, Europe's and Oceania's small states
    "UG": ("Ugandan", "Ugandans"),
    "RW": ("Rwandan", "Rwandans"),
    "BI": ("Burundian", "Burundians"),
    "TZ": ("Tanzanian", "Tanzanians"),
    "AO": ("Angolan", "Angolans"),
    "MZ": ("Mozambican", "Mozambicans"),
    "ZW": ("Zimbabwean", "Zimbabweans"),
    "ZM": ("Zambian", "Zambians"),
    "MW": ("Malawian", "Malawians"),
    "NA": ("Namibian", "Namibians"),
    "GH": ("Ghanaian", "Ghanaians"),
    "CI": ("Ivorian", "Ivorians"),
    "BJ": ("Beninese",),
    "TG": ("Togolese",),
    "SL": ("Sierra Leonean", "Sierra Leoneans"),
    "LR": ("Liberian", "Liberians"),
    "GM": ("Gambian", "Gambians"),
    "GA": ("Gabonese",),
    "ER": ("Eritrean", "Eritreans"),
    "DJ": ("Djiboutian", "Djiboutians"),
    "SS": ("South Sudanese",),
    "MG": ("Malagasy",),
    "HT": ("Haitian", "Haitians"),
    "JM": ("Jamaican", "Jamaicans"),
    "GT": ("Guatemalan", "Guatemalans"),
    "HN": ("Honduran", "Hondurans"),
    "SV": ("Salvadoran", "Salvadorean", "Salvadorans"),
    "NI": ("Nicaraguan", "Nicaraguans"),
    "CR": ("Costa Rican", "Costa Ricans"),
    "PA": ("Panamanian", "Panamanians"),
    "BZ": ("Belizean", "Belizeans"),
    "TT": ("Trinidadian", "Trinidadians"),
    "IS": ("Icelandic", "Icelander", "Icelanders"),
    "LU": ("Luxembourgish", "Luxembourger", "Luxembourgers"),
    "MT": ("Maltese",),
    "FJ": ("Fijian", "Fijians"),
    "PG": ("Papua New Guinean", "Papua New Guineans"),
    "TL": ("Timorese",),
    "TO": ("Tongan", "Tongans"),
    "AU": ("Australian", "Australians"),
    "NZ": ("New Zealander", "New Zealanders"),
    # Historical states and stateless peoples: recognised, but no country.
    None: ("Ottoman", "Ottomans", "Soviet", "Soviets", "Byzantine", "Kurdish", "Kurd", "Kurds",
           "Persian", "Persians", "Arab", "Arabs", "Balkan", "Scandinavian",
           # peoples of more than one country, or of part of one ("Igbo" is also a town's alternate name)
           "Igbo", "Hausa", "Yoruba", "Fulani", "Tatar", "Tatars", "Berber", "Berbers", "Pashtun", "Pashtuns",
           "Baloch", "Tamil", "Tamils", "Uyghur", "Uyghurs", "Uighur", "Uighurs", "Druze", "Bedouin", "Bedouins"),
}

#: Demonym or national adjective -> ISO2 code (``None`` for historical or stateless ones).
DEMONYMS: Mapping[str, str | None] = MappingProxyType(
    {form: code for code, forms in _FORMS.items() for form in forms}
)


def _fold(word: str) -> str:
    # "Türk" and "Turk", "AZERI" and "Azeri" are the same word to a reader.
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


_FOLDED: dict[str, str | None] = {_fold(k): v for k, v in DEMONYMS.items()}
_POSSESSIVE = re.compile(r"['’]s?$")


def is_demonym(word: str) -> bool:
    """Whether ``word`` is a known demonym (including historical ones mapped to ``None``).

    Examples
    --------
    >>> is_demonym("Soviet"), is_demonym("Kars")
    (True, False)
    """
    if not isinstance(word, str):
        return False
    return _fold(_POSSESSIVE.sub("", word.strip())) in _FOLDED


def demonym_country(word: str) -> str | None:
    """The ISO2 country code a demonym or national adjective stands for.

    Case and diacritics are ignored and a possessive ending is dropped
    ("Armenians'" -> AM).  Unknown words, historical adjectives ("Ottoman")
    and non-strings give ``None``.

    Parameters
    ----------
    word : str
        One word such as ``"Azeri"``, ``"Turks"`` or ``"IRANIAN"``.

    Returns
    -------
    str or None

    Examples
    --------
    >>> demonym_country("Azerbaijani"), demonym_country("iranian"), demonym_country("Kars")
    ('AZ', 'IR', None)
    """
    if not isinstance(word, str):
        return None
    return _FOLDED.get(_fold(_POSSESSIVE.sub("", word.strip())))


@dataclass(frozen=True, slots=True)
class Demonym:
    """A demonym found in text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    country: str | None


# A demonym is a capitalised word (or two: "South Korean") that is a key of
# DEMONYMS exactly, not right after a letter, digit, "_" or "-".  Looking the
# forms up is far faster than one regex alternation of every form.  Words that
# merely start with a demonym ("Turkishness") are other words.
_NEXT_WORD = re.compile(r" ([A-Z]\w*)")
_AFTER_HYPHEN = re.compile(r"-([A-Z]\w*)")
_FIRST_WORDS = frozenset(k.split()[0] for k in DEMONYMS if " " in k)
_FORM_WORDS = frozenset(k for k in DEMONYMS if " " not in k) | _FIRST_WORDS
_CAP_RUN = re.compile(r"[A-Z]\w*")  # every capitalised word (and some word-internal ones)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what \w matches


def find_demonyms(text: str) -> list[Demonym]:
    """Every capitalised demonym in ``text``, in order, with its offsets.

    Hyphenated pairs ("Turkish-Azerbaijani", "Azeri-Turkish") give one match
    per part.  Words that merely start with a demonym ("Turkishness") do not
    match.

    Parameters
    ----------
    text : str

    Returns
    -------
    list of Demonym

    Examples
    --------
    >>> [(m.start, m.country) for m in find_demonyms("Azeri-Turkish unity")]
    [(0, 'AZ'), (6, 'TR')]
    """
    if not isinstance(text, str):
        return []
    return list(_iter_demonyms(text))


def _iter_demonyms(text: str) -> Iterator[Demonym]:
    # Only the few forms the text holds are looked for: a Python loop over every
    # capitalised word costs more than all the rest.
    forms = _FORM_WORDS.intersection(_CAP_RUN.findall(text))
    if not forms:
        return
    found = []
    for word in forms:
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            if (start == 0 or not _is_word_char(text[start - 1]) and text[start - 1] != "-") \
                    and (end == len(text) or not _is_word_char(text[end])):
                found.append((start, word))
            start = text.find(word, start + 1)
    covered = 0  # "South Sudanese" holds "Sudanese": a word inside a longer form is not another match
    for start, word in sorted(found):
        if start < covered:
            continue
        end = start + len(word)
        if word in _FIRST_WORDS:
            # "South African", "Papua New Guinean": the longest form the next words make
            phrase, at = word, end
            for _ in range(2):
                nxt = _NEXT_WORD.match(text, at)
                if nxt is None:
                    break
                phrase, at = f"{phrase} {nxt.group(1)}", nxt.end()
                if phrase in DEMONYMS:
                    end, word = at, phrase
        if word not in DEMONYMS:
            continue
        covered = end
        yield Demonym(start, end, word, DEMONYMS[word])
        # "Turkish-Azerbaijani": the part after a hyphen is a demonym too.
        while True:
            h = _AFTER_HYPHEN.match(text, end)
            if h is None or h.group(1) not in DEMONYMS:
                break
            end = h.end()
            yield Demonym(h.start(1), end, h.group(1), DEMONYMS[h.group(1)])
