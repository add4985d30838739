"""The event extractor's words: where exercises are held, who reports them, whether they are under way.

Written for this project from plain newswire English; no list is copied from elsewhere.

Examples
--------
>>> from geodrills.lexicon.events import CONTAINER_WORDS, REPORTING_VERBS
>>> "close to" in CONTAINER_WORDS, "announced" in REPORTING_VERBS
(True, True)

The names of sites ("firing range", "training area") are in :mod:`geodrills.lexicon.sites`.
"""

from __future__ import annotations

__all__ = ["CONTAINER_WORDS", "REPORTING_VERBS", "UNDER_WAY_WORDS",
           "PLAN_ING_VERBS", "REACTION_VERBS", "NOT_EXERCISE_HEADS", "EXERCISE_VERBS", "SITE_FIRST_WORDS"]

#: Words that put a site inside or beside a place: "the Foo range in Bar province", "near Bartown",
#: "outside the capital", "north-east of Bar" (a compass word then "of", from the shared COMPASS list).
CONTAINER_WORDS: tuple[str, ...] = ("in", "near", "outside", "close to", "not far from", "just outside",
                                    "on the outskirts of", "in the vicinity of")

#: Verbs of a source speaking: the date next to one ("the ministry reported on October 19") is the
#: day the source spoke, not a day of the exercise.
REPORTING_VERBS: tuple[str, ...] = ("reported", "said", "announced", "stated", "told", "confirmed",
                                    "informed", "declared", "noted", "added")

#: Verbs by which a government answers a report ("a claim Belgrade rejected", "Pristina protests"): a
#: capital before one is a speaker, not a place a claim locates.  With :data:`REPORTING_VERBS`.
REACTION_VERBS: tuple[str, ...] = ("rejected", "rejects", "denied", "denies", "disputed", "disputes",
                                   "dismissed", "dismisses", "protested", "protests", "condemned", "condemns",
                                   "countered", "counters", "responded", "responds", "replied", "replies",
                                   "insisted", "insists", "says", "saying", "claims", "claimed", "argued", "argues",
                                   "warned", "warns")

#: Words that tell an exercise is going on as the source speaks ("is holding", "are under way",
#: "currently", "ongoing"): with no day of its own, it was under way on the day of the report.
UNDER_WAY_WORDS: tuple[str, ...] = ("currently", "ongoing", "under way", "underway", "at present",
                                    "presently", "in progress")

#: "-ing" verbs after "is/are" that announce a plan, not an activity going on: "is preparing for",
#: "are gearing up for", "is going to", "is planning", "is getting ready".
PLAN_ING_VERBS: tuple[str, ...] = ("preparing", "planning", "gearing", "getting", "going", "considering",
                                   "expecting", "hoping", "looking", "seeking", "mulling", "weighing",
                                   "scheduling", "proposing", "threatening")

#: Last words of a capitalised name that make it something other than an exercise, even with an
#: acronym after it: "Demilitarized Zone (DMZ)", "Korean People's Army (KPA)", "Southern Command (SOUTHCOM)".
NOT_EXERCISE_HEADS: frozenset[str] = frozenset("""zone zones line control area region province district state
    organization organisation command army navy force forces corps agency ministry department division brigade
    regiment battalion group council union alliance treaty pact party front guard guards service news office
    court committee commission bank fund company university institute centre center agreement initiative
    programme program system missile act law board authority administration government assembly parliament
    congress agency association federation network station base port airport strait sea gulf bay river
    mountains island islands peninsula republic kingdom federation""".split())

#: Verbs that take an exercise as object: "Thai and U.S. forces opened Cobra Gold (CG23)".
EXERCISE_VERBS: tuple[str, ...] = ("opened", "open", "opens", "began", "begin", "begins", "launched", "launch",
                                   "launches", "held", "hold", "holds", "holding", "staged", "stage", "stages",
                                   "conducted", "conduct", "conducts", "started", "start", "starts", "wrapped up",
                                   "concluded", "kicked off", "joined", "join", "joins", "resumed", "resume",
                                   "ongoing", "annual", "upcoming", "during", "ahead of")

#: First words of a site's or a unit's name, never an exercise's: "Fort Liberty, formerly known as
#: Fort Bragg", "Camp Lemonnier", "Joint Base Lewis-McChord".
SITE_FIRST_WORDS: frozenset[str] = frozenset("""fort camp base station lake mount mt cape saint st""".split())
