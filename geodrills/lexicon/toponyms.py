"""The geoparser's word lists and cue patterns (part of :mod:`geodrills.lexicon`).

Every list here was written for geodrills from reading news about the
region and GeoWebNews (no external source): feature words ("province",
"river") and their plurals, locatives, the words that make a capitalised
word a person's or an organisation's name, the US states' AP
abbreviations, and the short patterns the cue detectors match.  Month and
weekday names, number words and sentence abbreviations are in the package
itself (:mod:`geodrills.lexicon`).
"""

from __future__ import annotations

import re


__all__ = ["ADMIN_KINDS", "AREA_KINDS", "BORDERING", "BRAND_JOINS", "CLAUSE_BREAK", "COMPASS", "CUE_ONLY", "DATELINE", "DERIVED_ENDINGS", "FEATURE_CUES", "FEATURE_WORDS", "FUNCTION_WORDS", "GENERIC_ENDS", "INITIALS", "LIST_GAPS", "LIST_GOES_ON", "LIST_JOINS", "LOCATIVE", "MINOR_KINDS", "NAME_ABBREVIATIONS", "NAME_SUFFIXES", "NAME_PARTICLES", "NEVER_NAME_PARTS", "NOT_LOCATIVE_BEFORE", "NOT_NAME_PARTS", "OFFICE_CUES", "OF_WORDS", "ORG_WORDS", "OUTLET_WORDS", "PART_WORDS", "PLURALS", "PLURAL_AFTER", "PLURAL_OF_BEFORE", "PLURAL_SUCH_AS", "POSSESSIVE", "SETTLEMENT_WORDS", "SPEECH_VERBS", "STOP_WORDS", "STREET_CUE", "STREET_WORDS", "SUCH_AS_ENDS", "TITLES", "US_STATE", "US_STATE_ABBREVIATIONS", "WEAK_LOCATIVES", "WIDER_THAN_UNITS", "YEAR"]


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
PLURALS = {"provinces": "province", "regions": "region", "districts": "district", "counties": "county",
            "states": "state", "governorates": "governorate", "oblasts": "oblast", "rayons": "rayon",
            "municipalities": "municipality", "rivers": "river", "cities": "city", "towns": "town",
            "villages": "village", "streets": "street", "avenues": "avenue", "roads": "road"}


PLURAL_AFTER = re.compile(r" (" + "|".join(PLURALS) + r")(?![^\W_])", re.IGNORECASE)


#: After a name, the rest of a list of names that a plural feature word closes ("Van provinces", "Van and
#: Batman provinces"): the name is one of those units
LIST_TO_PLURAL_AFTER = re.compile(r"(?:(?:,|,? and|,? or) [A-Z][\w'’-]{1,30}){0,3} (?:" + "|".join(PLURALS)
                                  + r")(?![^\W_])")


PLURAL_OF_BEFORE = re.compile(r"(?<![^\W_])(?:" + "|".join(PLURALS) + r") of $", re.IGNORECASE)


# "states such as California or Washington", "provinces like Kars and Ardahan"
PLURAL_SUCH_AS = re.compile(r"(?<![^\W_])(" + "|".join(PLURALS) + r"),? (?:such as|like|including) $",
                             re.IGNORECASE)


SUCH_AS_ENDS = ("as ", "like ", "including ")


POSSESSIVE = frozenset({"'s ", "’s "})


LIST_JOINS = frozenset({", ", " and ", ", and ", " or ", ", or "})


# Feature words that cue the kind but are not part of the name ("the Karabakh region").
CUE_ONLY = frozenset({"region", "city", "town", "village", "valley"})


SETTLEMENT_WORDS = frozenset({"town", "village"})


#: Words that, before "of X", say the same ("the province of Kars").
OF_WORDS: dict[str, tuple[str, ...]] = {
    "province": ("admin1",), "region": ("region", "admin1"), "city": ("city", "town"),
    "town": ("town", "village", "city"), "village": ("village", "town"), "district": ("admin2", "admin1"),
    "republic": ("country",), "state": ("admin1", "country"), "governorate": ("admin1",),
    "governor": ("admin1",), "mayor": ("city", "town"),  # "the governor of Kars", "the mayor of Baku"
}


OF_WORDS = {**OF_WORDS, **{plural: FEATURE_WORDS[one] for plural, one in PLURALS.items()
                            if one != "river" and one not in STREET_WORDS}}


LOCATIVE = frozenset(
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
    king queen prince princess pope sheikh emir official officials army navy air force forces marine marines
    defense defence foreign interior state national international united republic
    today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    one two three four five six seven eight nine ten first second third last next
    news daily times post press media agency report reports said says according also however
    new old north south east west northern southern eastern western central
    read more share follow subscribe home menu search logo user categories photo video
    god allah christ jesus christian church mosque congress senate sen sr jr university college school hospital company group party
    union council committee parliament assembly government administration office commonwealth
    war peace security military exercise exercises drills operation operations
    summer winter spring autumn fall christmas easter ramadan
    world global europe's asia's
    premier league cup club team
    st mt ft le la les el al de du des di da van von island coast
    """.split()
) | {"el niño", "la niña", "el nino", "la nina"}  # the climate patterns, not the towns in Mexico and Peru


# Capitalised words before a name that make it the name of a newspaper or agency ("Daily Sabah").
OUTLET_WORDS = frozenset("daily times post news herald tribune gazette journal press agency radio tv".split())


INITIALS = re.compile(r"(?<![^\W_])[A-Z][a-z]+ (?:[A-Z]\. ){1,2}$")  # "Jon R. ", before a surname


#: Verbs that say where the name before them lies ("Pocheon lies north of Seoul", "Kars is located in",
#: "Narva sits astride the river"): a locative cue after the name, as "in" is before it (not "lies in",
#: "lies at": "Hope lies in the future").  The first word's set, then the whole cue from the name's end.
PLACE_VERB_FIRST = frozenset({"lies", "lie", "sits", "is", "borders", "straddles"})
PLACE_VERB_AFTER = re.compile(
    r" (?:(?:lies|lie|sits) (?:just |about |some |roughly |right |directly |close )?(?:(?:north|south|east|west|"
    r"north-?east|north-?west|south-?east|south-?west) of|near|along|across|between|off|opposite|astride|to|outside)|"
    r"is (?:located|situated) |borders [A-Z]|straddles )")
#: What comes before a news agency's credit on its line: a dateline's place in capitals, perhaps with a date
#: or a country ("BEIJING, Aug. 21 (Xinhua)", "DAMASCUS, Syria (SANA)", "ANKARA (Anadolu)")
CREDIT_HEAD = re.compile(r"[ \t]*[A-Z][A-Z.'’ -]{1,40}(?:,[ \t]*[\w.' -]{1,30})?[ \t]*")
DATELINE = re.compile(r" ?(?:(–|—|--?) |,|\()")  # after a dateline's place; group 1: a dash


YEAR = re.compile(r"(?:\s*|-)(?:1[89]|20)\d\d\b")  # "Kars 2023", "Caucasus-2020": an event's name


DERIVED_ENDINGS = frozenset({"n", "an", "ian", "ean", "ans", "ians", "ese", "ish", "i", "is", "ic", "ns", "s"})


LIST_GOES_ON = re.compile(r",? (?:and|or) |, |[.;:)]|\s*$")


# Words that make the locative after them no locative: "according to Lindenwald", "thanks to Smith".
NOT_LOCATIVE_BEFORE = frozenset("according due thanks owing pursuant prior compared opposed".split())


# Locatives too common before other capitalised words ("to Smith", "from Reuters", "from Helmet, the
# mount of …") to cue a guess.
WEAK_LOCATIVES = frozenset({"to", "from", "left", "visited", "reached", "entered"})


# Abbreviations the gazetteer writes without their period ("St Petersburg", "Ft Worth").
NAME_ABBREVIATIONS = ("St. ", "Ste. ", "Mt. ", "Ft. ", "ST. ", "STE. ", "MT. ", "FT. ")


# Generic words a multi-word name may end with in lower case: "Kars province", "the Korean
# peninsula", "the Baltic states", "the Golan heights", "the Astara checkpoint".
GENERIC_ENDS = frozenset(FEATURE_WORDS) | {"peninsula", "states", "heights", "strait", "gulf",
                                             "crossing", "checkpoint", "bridge"}  # "the Sadarak border crossing"


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


US_STATE = re.compile(",[ ]?(" + "|".join(re.escape(a) for a in sorted(US_STATE_ABBREVIATIONS, key=len, reverse=True))
                       + r")(?![^\W_])")


# Words that make "<Place> <Word>" an organisation named after the place: the place is still meant.
ORG_WORDS = frozenset("""department ministry commission council committee police university college school
    institute museum hospital airport court county government parliament assembly authority agency board office
    bank company corporation club stadium centre center church cathedral library zoo port harbour station
    times post herald tribune gazette journal chronicle star""".split())


# Offices named after the unit they run.
OFFICE_CUES = {"governor": ("admin1",), "governorship": ("admin1",), "mayor": ("city", "town"),
                "mayoralty": ("city", "town")}


# Lower-case words that, before a name, make it an area ("central Washington", "northern Syria").
PART_WORDS = frozenset("""central northern southern eastern western northeastern northwestern southeastern
    southwestern upstate downstate""".split())


COMPASS = frozenset("north south east west northeast northwest southeast southwest".split())


AREA_KINDS = ("country", "admin1", "admin2", "region", "continent", "sea", "range")


# Words that, capitalised before a name, start the sentence ("With Samos's economy in ruins") rather than a name.
FUNCTION_WORDS = frozenset("""a an the this that these those of and or but nor so yet for with without as by on
    under over after before since during despite unlike like while when where if than then both only even also
    including about against among beyond per upon""".split())


BORDERING = frozenset("border borders bordering frontier".split())


NAME_PARTICLES = frozenset("de da di del della van von der den du le la bin ibn al el".split())


TITLES = frozenset("mr mrs ms miss dr prof sen sens senator rep reps gov president minister general gen col lt sgt "
                    "judge justice pastor father rev sir lord lady coach".split())

#: Gaps that join the names of a firm or a brand ("Johnson & Johnson", "Park & Ride", "Salt + Smoke").
BRAND_JOINS = frozenset({" & ", "&", " + "})


SPEECH_VERBS = frozenset("said says told added wrote explained argued noted tweeted asked replied "
                         "reiterated stated insisted stressed acknowledged admitted conceded testified recalled "
                         "remarked".split())  # (not "warned", "announced": "Russia warned" is a country speaking)


#: Words after a person's name, never after a place's ("Elvin Mitchell Jr.", "Henry Ford II").
NAME_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})


NOT_NAME_PARTS = STOP_WORDS - {"news", "daily", "times", "post"}


ADMIN_KINDS = frozenset({"admin1", "admin2"})


# A clause break for the demonym look-around: also ";" and without the capital letter the sentence
# splitter (geodrills.sentences) asks for; "Iranian troops; in Astara" keeps them apart.
CLAUSE_BREAK = re.compile(r"[.!?;]\s|\n")


# cues a place of another kind cannot answer
FEATURE_CUES = frozenset({"river", "sea", "lake", "range", "mountain", "street"})


# An organisation is named after a well-known place: "Carnegie Library" is not named after the town
# of Carnegie, Pennsylvania (see ORG_NAMESAKE_POPULATION).
MINOR_KINDS = frozenset({"town", "village"})


NEVER_NAME_PARTS = frozenset({"country", "continent", "admin1"})


WIDER_THAN_UNITS = frozenset({"country", "continent"})


LIST_GAPS = frozenset({", ", ",", " and ", ", and ", " or ", ", or ", "; "})
