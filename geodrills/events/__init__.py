"""Drill events: which exercise, when, where and who, across articles.

Rule-based, over sentences (no model weights are available offline), in
named stages:

1. *Mentions* (:func:`_article_mentions`).  A sentence mentions an exercise
   when it has a cue ("exercise", "drills", "manoeuvres", "war games",
   "training" after a word that describes it, "the previous edition",
   "troops drilled") in an article about armed forces (military words, a
   force such as "the Bundeswehr", a joint/naval/live-fire exercise, or a
   named exercise).  Habitual statements ("are held regularly") describe no
   single exercise and are skipped.
2. *Names* (:mod:`geodrills.events.names`): quoted, with a year or number,
   after "named/dubbed/codenamed", "Exercise X"/"Operation X", in the cue's
   noun phrase, in apposition, defined by an acronym ("the ongoing Ulchi
   Freedom Shield (UFS)"); bracketed translations and acronyms are aliases.
   A name binds to the cues within :data:`NAME_REACH` characters; a name
   defined by its acronym after a verb of holding one ("opened Cobra Gold
   (CG23)") is a mention by itself.
3. *Dates* (:mod:`geodrills.dates`) are resolved against the article's day
   (:func:`_reference_day`: its date header or corpus date, else a dateline's
   date, else the day the lead sentence's source spoke); without one,
   calendar dates take the year of the exercise's name or the year the
   article names most; relative dates stay unresolved.  "until October 25"
   is an end; an exercise reported under way ("is holding drills, the
   ministry reported on October 19") with no day of its own starts no later
   than the day of the report.  Nothing else is guessed.
4. *Participants*: demonym + unit ("Turkish commandos", "U.S. soldiers"), a
   country as the agent of a drill verb ("Turkey and Azerbaijan launched"),
   "X's drills", "troops from X", "between X and Y", forces that name a
   country (:mod:`geodrills.forces`), and "soldiers from all 31 allied nations"
   of an alliance (:mod:`geodrills.lexicon.alliances`, members on the
   article's date); never countries that watch, condemn, voice concern or
   only host (a town that hosts the drills is a place).  *Observers*
   ("Uzbek observers", "observers from Japan") have their own column.
   *Places* are ``"location"`` when a locative word ties them to the cue
   ("in", "off", "across", "as venues", a sentence-opening "Near X, ..."),
   else ``"mentioned"`` (also "the border at X", "30 km from X"); one
   country's own drills with no stated place are at home.  A town or village
   read far from everything else the article names, in a country it never
   names, is a far namesake ("Siberia" read in Mexico): ``"set aside"``, with
   the reason (:mod:`geodrills.events.places`).  A site the gazetteer lacks
   that the text puts in or near a place it has ("the Foo range in Bar
   province") is located at that place, with a note that it stands in.  Everything bound
   to a cue lies within :data:`WINDOW` characters of it.  A sentence with no
   exercise word that says who takes part ("Marines from Chile and
   Peru also participate") or where troops drill ("Outside Kaunas,
   Polish sappers practised river crossings") adds participants and
   places to the exercise in focus -- or to the story's first exercise when
   it comes before any -- and never starts one.
5. *Within an article* each mention either starts a new exercise or refers to
   one already introduced (names, "previous"/"last such" markers, kinds,
   participants and dates decide); the headline's exercise is the story's.
   "The activities", "it was the first ... exercise" and "a range of field
   exercises" refer to the exercise in focus; a mention of another kind
   inside its dates and places is a phase of it; "its previous edition" is
   another exercise with the series' name and parties.
6. *Across articles* (:func:`_merge`) reports join by name or alias key, or,
   unnamed, by overlapping dates with the same participants and nearby
   places; candidates come from blocks (name key, calendar month), never from
   all pairs, and copies of an article (same date, same words or most
   sentences) add their names, not events.  Contradictions are kept side by
   side in the details' ``conflicts``.

What it guarantees: output is deterministic (input order does not matter;
of a set of copies the smallest name is the original); time is linear in
the text and in the number of articles (every comparison is bounded by a
:class:`Limits` constant); articles stream through one at a time and only
their candidate reports and sentence digests are kept, so memory follows the
events, not the corpus's text; a date is never invented (an
impossible, out-of-range or unanchored date is ``"unresolved"``); every
evidence quote is verbatim at its offsets.  What it does not: it reads
English news style only, and its places are only those the geoparser finds.

Examples
--------
>>> from geodrills.articles import Article
>>> a = Article.from_text(" date 2021-02-01 Today, Turkish and Azerbaijani troops began joint military "
...                       "exercises. The exercises will last for five days.", "a.txt")
>>> ev = extract_events([a], mentions={"a.txt": []})
>>> ev.loc[0, ["start_date", "end_date", "date_precision", "participants"]].tolist()
['2021-02-01', '2021-02-05', 'day', ['AZ', 'TR']]
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from bisect import bisect_left
from functools import lru_cache
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .._optional import import_optional
from ..articles import Article
from ..dates import MAX_YEAR, MIN_YEAR, DateExpr, Duration, find_dates, find_durations, iso_bounds
from ..demonyms import find_demonyms
from .._progress import progress_iter
from ..errors import InputError
from ..forces import FORCES, find_forces
from ..lexicon import COUNTRY_ABBREVIATIONS, MONTHS, NUMBER_WORDS, WEEKDAYS
from ..lexicon.toponyms import STOP_WORDS
from ..lexicon.alliances import ALLIANCES, alliance_members, find_alliance
from ..lexicon.events import PLAN_ING_VERBS, REPORTING_VERBS, UNDER_WAY_WORDS
from .. import namesakes
from ..geodesy import haversine_km
from ..normalize import caseless, name_keys
from ..sentences import Sentences
from ..spans import SpanSet
from .names import Name, find_names
from .places import isolated_readings, stand_ins


__all__ = ["extract_events", "event_records", "candidate_reports", "events_to_records", "event_details", "timeline_chart",
           "COLUMNS", "STATUSES"]

#: Columns of the frame :func:`extract_events` returns, in order.  All are flat
#: (a scalar, or a sorted list of strings for ``aliases``, ``participants`` and
#: ``articles``); everything nested (places with their roles, evidence quotes,
#: what each article says, conflicts) is JSON text in ``details``
#: (:func:`event_details` reads it back).
from ..schema import EVENT_COLUMNS as COLUMNS  # noqa: E402  (the one home of output columns)

#: What an event's ``status`` can be, relative to the latest article's date.
STATUSES = ("planned", "under way", "past", "unknown")

_I = re.IGNORECASE


def _may_hold(words: str, needed: Sequence[str]) -> bool:
    """Whether a pattern that cannot match without one of ``needed`` may match the text whose
    :func:`~geodrills.normalize.caseless` form is ``words`` (a few substring tests, not a pass)."""
    return any(w in words for w in needed)


#: How far (characters) from a cue its date, duration, places and participants
#: may lie.  News binds them within a clause or two; the bound also keeps the
#: cost per cue constant, so a hostile sentence of thousands of cues and
#: places costs time linear in its length.
WINDOW = 240
#: How far (characters) a name may be from the cue it names ("Amber Falcon, the yearly naval
#: exercise").
NAME_REACH = 60

# --------------------------------------------------------------------------
# vocabulary

# (Each word-list pattern below opens with a look-ahead for the first letters of its words: the
# same matches, but most word starts are passed over without trying every word.)
_CUE = re.compile(
    r"\b(?=[cdeimtw])(?:exercises?|drills?|manoeuvres?|maneuvers?|war[\s-]?games?|wargames?|training|"
    # "its previous edition ran in Hawaii", "during an earlier iteration": another exercise of a series
    r"(?<=previous\s)edition|(?<=earlier\s)edition|(?<=previous\s)iteration|(?<=earlier\s)iteration|"
    r"(?<=last\s)edition|(?<=next\s)edition|"
    # "snap combat readiness checks", "a readiness inspection": drills by another name
    r"(?<=readiness\s)checks?|(?<=readiness\s)inspections?|"
    # "Moldovan and Romanian soldiers drilled jointly"
    r"(?<=troops\s)drilled|(?<=forces\s)drilled|(?<=soldiers\s)drilled)\b", _I)
# What _CUE cannot match without ("war" for "war games" and "wargames", "drill" for "drilled").
_CUE_WORDS = ("exercise", "drill", "manoeuvre", "maneuver", "war", "training", "edition", "iteration", "readiness")
# Words that show the article is about armed forces at all; without one,
# "exercise" is as likely to be a gym or a right ("exercise its veto").
_MILITARY = re.compile(
    r"\b(?:military|militaries|army|armies|forces|troops|servicemen|soldiers|defen[cs]e|navy|navies|naval|"
    r"artillery|tanks?|commandos?|brigades?|battalions?|warships?|fighter\s+jets|paratroopers|marines|"
    r"manoeuvres|maneuvers|war\s*games|"
    # an exercise with a military kind is military by itself: "joint exercises", "live-fire exercise"
    r"(?:joint|naval|live-fire|tactical|combined|bilateral|trilateral|multinational|command-staff|strategic)"
    r"\s+(?:[\w-]+\s+)?exercises?)\b", _I)
_TRAINING_NOT_NOUN_BEFORE = re.compile(r"\b(?:been|is|are|was|were|be|being|in|of)\s+$", _I)
_TRAINING_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that|such)\s+$", _I)
_TRAINING_SPENT_BEFORE = re.compile(r"\b(?:spent|spend|spends)\s+$", _I)
_TRAINING_COMPOUND_AFTER = re.compile(
    r"^\s+(?:cent(?:re|er)s?|schools?|grounds?|camps?|facilit(?:y|ies)|bases?|ranges?|programmes?|programs?|"
    r"academ(?:y|ies)|courses?|exercises?|drills?|[A-Z]\w*|officers|troops|soldiers|personnel|staff|"
    # "the combat training plan", "the new training year": a timetable, not an exercise
    r"plans?|schedules?|calendars?|years?|seasons?|manuals?|standards?|regimes?)\b")
# Nouns that make "drill ground", "exercise area", "training range" the name of a place.
_FACILITY_AFTER = re.compile(r"\s+(?:grounds?|areas?|ranges?|fields?|halls?|sites?|cent(?:re|er)s?|complex|camps?|"
                             r"bases?|polygons?|facilit(?:y|ies))\b", _I)
_EXERCISE_VERB_AFTER = re.compile(r"^\s+(?:restraint|caution|control|power|influence|sovereignty|its|their|the\s+right)\b", _I)

# Statements of habit name no single exercise.
# The exercise is still to come: "will be held", "is scheduled for", "plans to hold", "to host".
_PLANNED = re.compile(r"\b(?=[adipstuw])(?:will|shall|is\s+to|are\s+to|plans?\s+to|planned|scheduled|due\s+to|upcoming|"
                      r"preparing\s+for|to\s+(?:host|hold|stage|conduct|launch|begin|start))\b", _I)
_HABITUAL = re.compile(
    r"\b(?=[aefirtu])(?:regular(?:ly)?|routinely|every\s+year|each\s+year|for\s+(?:several|many)\s+years|for\s+decades|"
    r"(?:are|is)\s+not\s+new|from\s+now\s+on|traditionally|usually)\b", _I)
_PAST_NP = {"previous", "last", "earlier", "past", "prior", "former", "first"}
# "training" is an exercise after a word that describes it ("flight-tactical training", "mountaineering
# training", "military training"), not after a noun or a verb ("weapons training", "spent training").
_TRAINING_KIND_BEFORE = re.compile(
    r"(?:\w+-\w+|\w+(?:al|ing|ic|ary|ive|ed)|military|combat|joint|field|staff|army|naval|air|mountain|winter|"
    r"summer|artillery|gunnery|infantry|tank|armou?r|sniper|parachute|amphibious|missile|rocket)\s+$", _I)
_PAST_SENTENCE = re.compile(r"\b(?:already|last\s+(?:such|time))\b", _I)
_CURRENT_SENTENCE = re.compile(r"\b(?=[aintw])(?:(?:is|are)\s+(?:\w+\s+)?\w+ing|will|today|now)\b", _I)
# Going on as the source speaks: "is holding", "are being run", "is currently carrying out", "ongoing"
# (not "is preparing for", a plan).
_UNDER_WAY = re.compile(
    r"\b(?:(?:is|are)\s+(?:currently\s+|still\s+|presently\s+)?(?:being\s+)?(?!(?:"
    + "|".join(PLAN_ING_VERBS) + r")\b)[a-z]{2,20}ing|" + "|".join(w.replace(" ", r"\s+") for w in UNDER_WAY_WORDS)
    + r")\b", _I)
# The day a source spoke: "the ministry reported on October 19", "officials said Monday"
_REPORTED_BEFORE = re.compile(r"\b(?:" + "|".join(REPORTING_VERBS) + r")\s+(?:on\s+)?$", _I)

# Modifiers that say nothing about which exercise is meant.  Any other
# lower-case word before the cue ("mountaineering", "flight-tactical",
# "naval") names a kind of exercise, and a different kind is a different one.
_GENERIC_MODIFIERS = {
    "joint", "military", "large-scale", "largest", "large", "major", "comprehensive", "tactical", "training",
    "combined", "bilateral", "trilateral", "multinational", "international", "winter", "summer", "spring",
    "autumn", "annual", "regular", "recent", "latest", "current", "ongoing", "new", "next", "first", "second",
    "third", "last", "previous", "such", "planned", "upcoming", "scheduled", "full-scale", "big", "massive",
    "same", "other", "similar", "further", "main", "live-fire", "command-staff", "war", "these", "those",
    "this", "that", "earlier", "past", "prior", "former", "another", "biggest", "several", "many", "some",
    "both", "two", "three", "forthcoming", "ambitious", "extensive", "intensive", "important",
}
_DETERMINERS = {"the", "a", "an", "these", "those", "this", "that", "such", "another", "its", "their", "his",
                "her", "our", "any", "each", "every", "both", "all", "much", "some", "no"}
_NP_STOP = {"in", "of", "for", "to", "at", "on", "with", "by", "from", "and", "or", "but", "as", "after",
            "before", "during", "between", "about", "into", "than", "that", "which", "who", "is", "are",
            "was", "were", "be", "been", "being", "have", "has", "had", "will", "would", "launched", "held",
            "conducted", "conduct", "hold", "holding", "out", "off", "began", "started", "starting", "up",
            "participate", "part", "take", "took", "cover", "follows", "said", "says", "what", "when", "where",
            # verbs before the object noun phrase: "staged drills", "to host fifth exercise"
            "staged", "stage", "stages", "staging", "host", "hosts", "hosted", "hosting", "holds", "launch",
            "launches", "launching", "start", "starts", "begin", "begins", "conducts", "conducting", "organised",
            "organized", "completed", "joined", "join", "joins", "watched", "observed", "condemned",
            # verbs of opening and closing: "Pakistan, Turkey conclude 'Three Brothers' drills"
            "conclude", "concludes", "concluded", "end", "ends", "ended", "finish", "finishes", "finished",
            "wrap", "wraps", "wrapped", "open", "opens", "opened", "kick", "kicks", "kicked", "resume", "resumes",
            "resumed", "continue", "continues", "continued"}

# Nouns and verbs of other happenings.  A date or a place separated from the
# cue by one of these belongs to that happening, not to the exercise.
_BLOCKER = re.compile(
    r"\b(?=[abcdefmnoprstvw])(?:"
    # another clause about other forces: "drills in Kherson as Russian forces mass near Crimea", "while ..."
    r"amid|amidst|whereas|while|as(?<!such\sas)(?<!well\sas)\s+(?:the\s+)?(?-i:[A-Z][\w-]*)\s+(?:[\w-]+\s+)?"
    r"(?:forces|troops|army|navy|military|warships|units|soldiers)|"
    r"arrived?|arrives|arriving|said|says|announced|announces|stated|(?-i:states)(?!\s+of\b)|noted|notes|told|reported|"
    r"reports|statement|met|meets|visited|visits?|signed|attend(?:ed|s)?|fought|fight|declared|accused?|"
    r"broke\s+out|war|wars|conflict|offensive|ceasefire|cease-fire|attacks?|fighting|talks|opening|"
    r"agreement|elections?|summit|negotiations?|protests?|aimed\s+at|directed\s+at|targeting|against|"
    r"threats?|confrontations?|clash(?:es)?|tensions?|set\s+up|founded|established|formed\s+in|voted|votes|referendum|"
    # reactions of onlookers: "officials in Moscow voiced concern about the drills"
    r"concerns?|condemn\w*|critici[sz]\w*|denounc\w*|warn(?:s|ed|ing)?|object(?:s|ed|ing)|watch(?:es|ed|ing)|"
    r"monitor(?:s|ed|ing)?|observ(?:es|ed|ing)|voiced|express(?:es|ed|ing)|protest\w*)\b", _I)
# Between a named force and the cue, these make the force someone else's:
# "fought a war with Armenian forces", "talks with Iranian officials".
_PARTICIPANT_BLOCKER = re.compile(
    r"\b(?=[abcdfmnortvw])(?:concerns?|condemn\w*|critici[sz]\w*|denounc\w*|warn(?:s|ed|ing)?|watch(?:es|ed|ing)|observ\w*|"
    r"monitor\w*|voiced|war|wars|conflict|offensive|ceasefire|cease-fire|attacks?|fighting|fought|fight|talks|negotiations?|"
    r"agreement|against|threats?|accus\w*|aimed\s+at|response\s+to|(?-i:border))\b", _I)  # ("Border Guard": a name)
# forces said not to take part: "Russian units stationed in the country would not take part", "... did not join"
_NOT_TAKING_PART = re.compile(
    r"(?:['’]s)?\s+(?:[\w,-]+\s+){0,6}?(?:(?:would|will|did|do|does|shall|could|are|is|were|was)\s+not|never|"
    r"won['’]t|wouldn['’]t|didn['’]t|don['’]t|doesn['’]t|aren['’]t|weren['’]t)\s+(?:be\s+)?(?:take\s+part|"
    r"taking\s+part|participate|participating|join|joining|involved|part\s+of)\b", _I)
# after the cue, a clause about other forces opens: "drills in Kherson as Russian forces mass", "while Iranian ..."
_OTHER_CLAUSE_BEFORE = re.compile(r"(?:(?<!such\s)(?<!well\s)\bas|\bwhile|\bwhereas|\bamid)\s+(?:the\s+)?$", _I)
_LOCATIVE_TAIL = re.compile(
    r"\b(?:in|at|near|across|around|inside|within|throughout|on|along|over|into|off|parts|includes?|including|"
    r"involv(?:e|es|ing)|cover(?:s|ing)?|hosted\s+by)\b(?:\s+(?:the|a))?(?:\s+[\w’'-]+){0,4}?(?:\s+of)?\s*[\"“]?$",
    _I)
# "close" only as a verb ("will close on May 23", "closes"), never "close to Ardahan"
_ENDING = re.compile(r"\b(?=[cefrstuwl])(?:end|ends|ended|ending|finish|finishes|finished|conclude[sd]?|concluding|"
                     r"wrap(?:s|ped)?\s+up|run\s+until|(?:will|to|would|shall)\s+close|closes|closed(?!-)|"
                     r"wind(?:s|ing)?\s+down|wound\s+down|"
                     r"last\s+until|continue\s+until|until|till|through)\b", _I)
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s*and|,?\s*or|&)\s*(?:the\s+)?$")
_ABBREVIATION_ALT = "|".join(re.escape(k) for k in sorted(COUNTRY_ABBREVIATIONS, key=len, reverse=True))
_DEMONYM_LIST_GAP = re.compile(
    rf"\s*(?:,|and|-|–|,\s*and)\s*(?:(?P<abbr>{_ABBREVIATION_ALT})(?!\w)\s*(?:,|and|,\s*and)\s*)?")
# "Thai and U.S. forces": a list of demonyms that ends with a country abbreviation
_ABBREVIATION_LIST_END = re.compile(rf"\s*(?:,|and|,\s*and)\s*(?P<abbr>{_ABBREVIATION_ALT})(?!\w)")
# a place that opens its sentence after a locative word ("Around Rzeczyca, ...") sets the scene for all of it
_FRONTED_LOCATIVE = re.compile(r"\W*(?:in|at|near|around|on|inside|outside|close\s+to)\s+(?:the\s+)?", _I)
# "Alexandroupolis, some 30 km from the border, hosts the drills": an appositive may come between
_HOST = re.compile(r"^(?:\s*,[^,.;]{1,80},)?\W*(?:\w+\s+){0,2}?(?:is|are|was|will|has|have)?\s*(?:been\s+)?"
                   r"(?:hosting|hosts|hosted|host)\b", _I)
# A place after a preposition is no subject: "the Turkish border at Edirne, hosts" -- Edirne hosts nothing.
_PREPOSITION_BEFORE = re.compile(r"\b(?:at|from|near|of|to|in|by|on|off|towards?|across|along|beyond|past|"
                                 r"around|outside|inside|than)\s+(?:the\s+)?$", _I)
_PURPOSE = re.compile(
    r"^\s*(?:[\w’'-]+\s+){0,2}?(?:to\s+(?:conduct|hold|take\s+part\s+in|participate\s+in|join|attend|carry\s+out|"
    r"stage|start|begin)|for)\b", _I)
# "the border with Turkey", "the Turkish border at Edirne": the place names a border, not the venue
_BORDER_WORDS = (r"(?:borders?|boundary|boundaries|frontiers?|(?:administrative|demarcation|contact|ceasefire|"
                 r"cease-fire|armistice)\s+lines?|line\s+of\s+(?:contact|control|actual\s+control))")
# "the border with Turkey", "the administrative line with Russian-annexed Crimea" (one hyphenated word between)
_BORDER_BEFORE = re.compile(rf"\b{_BORDER_WORDS}\s+(?:with|of|at|near)\s+(?:the\s+)?(?:\w+-\w+\s+)?$", _I)
# "the Armenian border" names a border; "the Kastanies border station" is a place
_NOT_A_BORDER_PLACE = r"(?!\s+(?:stations?|posts?|crossings?|towns?|villages?))"
_BORDER_AFTER = re.compile(rf"\s+{_BORDER_WORDS}\b" + _NOT_A_BORDER_PLACE, _I)
# "some 30 km from Edirne", "50 miles east of the town": a reference point, not the venue
_DISTANCE_BEFORE = re.compile(r"\b(?:km|kms|kilomet(?:er|re)s?|miles?)\s+(?:[\w-]+\s+){0,2}?(?:from|of)\s+"
                              r"(?:the\s+)?$", _I)
# "the defence ministry in Yerevan said", "officials in Baku": the seat of who speaks, not the venue
_SEAT_BEFORE = re.compile(r"\b(?:ministry|ministries|government|officials|spokes(?:man|woman|person)|embassy|"
                          r"parliament|headquarters|authorities|command|president|leaders?)\s+(?:in|at)\s+$", _I)
# "nowhere near Kosovo", "far from the capital", "away from Tallinn": where the exercise is not
_AWAY_BEFORE = re.compile(r"\b(?:(?:nowhere|not|never)\s+(?:anywhere\s+)?(?:near|close\s+to)|far\s+(?:away\s+)?from|"
                          r"away\s+from)\s+(?:the\s+)?$", _I)
_MODIFIER_AFTER = re.compile(
    # "Kinmen's east coast" and "the Kastanies border station" are still places
    r"^(?:['’]s\b(?!\s+(?:[\w-]+\s+)?(?:coast|shore|outskirts|island|islands|province|region|district|territory|"
    r"border\s+areas?))|\s+(?:country|nation|state|side|government|leadership|army|armies|military|forces|troops|"
    r"border" + _NOT_A_BORDER_PLACE + r"|borders|authorities|officials|president|"
    r"minister|ministry|people|media|leader|officers)\b)", _I)
_FORCE = (r"(?:military|militaries|army|armies|armed\s+forces|forces|troops|servicemen|soldiers|officers|units|"
          r"navy|navies|air\s+forces?|jets|fighter\s+jets|helicopters|special\s+forces|commandos|military\s+staff|"
          r"servicemembers|service\s+members|personnel|marines|paratroopers|battalions?|brigades?|tank\s+units|"
          r"infantry|infantrymen|contingents?|sailors|airmen|reservists|crews|detachments?|gunners|artillerymen|"
          r"sappers|engineers|conscripts|cadets|pilots|snipers|rangers|warships|frigates|destroyers|submarines|"
          r"bombers|(?-i:Force|Guard))")  # (capitalised: a service's proper name, "India's Border Security Force")
# "U.S. soldiers", "UK troops": a country abbreviation before a force noun
_ABBREVIATION_FIRST = "".join(sorted({re.escape(k[0]) for k in COUNTRY_ABBREVIATIONS}))  # (a look-ahead: see _CUE)
_ABBREVIATION_FORCE = re.compile(rf"(?<![\w.])(?=[{_ABBREVIATION_FIRST}])({_ABBREVIATION_ALT})(?!\w)"
                                 rf"(?=\s+(?:[\w-]+\s+)?{_FORCE}\b)")
# "Greek troops", "Iran's army", "Egyptian air and naval forces" (two modifiers, or two joined by "and")
_FORCE_AFTER = re.compile(rf"^(?:['’]s)?\s+(?:[\w-]+\s+(?:and\s+)?){{0,2}}?{_FORCE}\b", _I)
_EXERCISE_VERB = (r"(?:preparing\s+for|prepares\s+for|taking\s+part|take\s+part|takes\s+part|took\s+part|"
                  r"participat(?:e|es|ed|ing)|joined|join|joins|joining|"
                  r"opened|open|opens|launched|launch|launches|held|hold|holds|holding|conducted|conduct|conducts|conducting|"
                  r"carried\s+out|carry\s+out|carries\s+out|carrying\s+out|kicked\s+off|kick\s+off|began|begin|"
                  r"begins|started|start|starts|starting|staged|stage|stages|staging|hosted|hosting|host|hosts|"
                  r"completed|wrapped\s+up|organi[sz]ed|organi[sz]e|performed|perform)")
_SUBJECT_VERB_AFTER = re.compile(
    rf"^\s*(?:(?:on\s+\w+|have|has|had|will|are|is|were|was|already|jointly|also|again|recently|today|"
    rf"successfully|together|once\s+again)\s+){{0,3}}{_EXERCISE_VERB}\b", _I)
_CUE_RIGHT_AFTER = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:exercises?|drills?|manoeuvres?|maneuvers?|"
                              r"war\s*games?|training)\b", _I)
_POSSESSIVE_CUE = re.compile(r"['’]s\s+(?:[\w\"“”'’-]+\s+){0,5}?(?:exercises?|drills?|manoeuvres?|maneuvers?|"
                             r"war\s*games?|wargames?)\b", _I)
_FORCES_FROM_BEFORE = re.compile(
    r"\b(?:troops|soldiers|forces|personnel|contingents?|units|servicemen|servicemembers|sailors|airmen|marines|"
    r"participants|delegations?|militaries|armies|navies)\s+(?:[\w-]+\s+)?from\s+(?:the\s+)?"
    r"(?:(?:[\w,]+\s+)?(?:countries|nations|states)\s*[,:]\s*(?:including\s+|such\s+as\s+)?(?:the\s+)?)?$", _I)
_PARTNER_BEFORE = re.compile(r"\b(?:with|alongside|and)\s+(?:the\s+)?$", _I)
# a list of places closed by "as venues": "with Arica, Iquique, Putre and Tacna as venues"
_AS_VENUES = re.compile(r"\bas\s+(?:the\s+)?(?:main\s+)?(?:venues?|hosts?|locations?|sites?|staging\s+areas?)\b", _I)
_LIST_SPLIT = re.compile(r"\s*(?:,|\band\b)\s*")


def _closes_venue_list(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the rest of a short list of names ending in "as venues"."""
    m = _AS_VENUES.search(text, start, end)
    if m is None:
        return False
    parts = [p for p in _LIST_SPLIT.split(text[start:m.start()]) if p.strip()]
    return len(parts) <= 8 and all(len(p.split()) <= 3 for p in parts)
_INVOLVING_BEFORE = re.compile(r"\b(?:involving|including|with|alongside|joined\s+by)\s+(?:the\s+)?$", _I)
_BETWEEN_BEFORE = re.compile(r"\b(?:between|among|of|with|by)\s+(?:the\s+)?$", _I)
# Words that point back to participants named elsewhere in the article.
_JOINT = re.compile(r"\b(?=[abjst])(?:joint|two\s+countries|both\s+(?:countries|militaries|armies|sides)|bilateral|"
                    r"the\s+countries|two\s+states|two\s+nations|allies|such|their\s+(?:[\w-]+\s+)?"
                    r"(?:armed\s+forces|armies|militaries|forces|troops))\b", _I)

# "the first of their kind since 2011", "the largest drills since May": the date the exercise is compared
# with, not its own ("under way since Monday" is its own)
_COMPARED_SINCE = re.compile(r"\b(?:first|largest|biggest|greatest|most|only|longest|last)\b[^.;:]{0,60}?"
                             r"\bsince\s*$", _I)
# A date tied to a verb of ending or of starting: "concluded on Friday", "on Friday concluded", "ended
# Saturday" is the last day; "began on February 5", "on Monday opened" the first
_END_VERBS = (r"(?:ended|ends|end|concluded|concludes|conclude|finished|finishes|finish|wrapped\s+up|wraps\s+up|"
              r"wound\s+down)")
_START_VERBS = (r"(?:began|begins|begin|started|starts|start|opened|opens|kicked\s+off|kicks\s+off|launched|launches|"
                r"commenced)")
_END_VERB_BEFORE = re.compile(rf"\b{_END_VERBS}\s+(?:on\s+)?$", _I)
_END_VERB_AFTER = re.compile(rf"\s+(?:[a-z]+ly\s+)?{_END_VERBS}\b", _I)
_START_VERB_BEFORE = re.compile(rf"\b{_START_VERBS}\s+(?:on\s+)?$", _I)
_START_VERB_AFTER = re.compile(rf"\s+(?:[a-z]+ly\s+)?{_START_VERBS}\b", _I)
_ALIAS_AFTER = re.compile(r"[ \t]*\([^()\n]{1,80}\)")
_UNTIL_BEFORE = re.compile(r"\b(?:until|till|through|to\s+last\s+until)\s+$", _I)
_PAST_TENSE = re.compile(r"\b(?=[cehstw])(?:was|were|had|held|carried\s+out|conducted|took\s+place|staged|completed|"
                         r"wrapped\s+up|ended)\b", _I)
# between "a month after" and the cue: "a month after the previous exercises" (the exercise is the anchor)
_ANCHOR_GAP = re.compile(r"\s*(?:the|a|an|these|those)?\s*(?:[\w-]+\s+){0,4}")
_OF_THIS = re.compile(r"\s+(?:of|on|like)\s+(?:this|that|such)\b", _I)
_NAME_HINT = re.compile(r"(?=[\d\"“«‘(fop])(?:\d|[\"“«‘]|\((?-i:[A-Z]{2})|"  # (look-ahead: see _CUE)
                        r"\b(?:formerly|previously|originally)\s+(?:called|known|named))")

# A sentence without an exercise word that still tells of the story's exercise: who takes part
# ("Marines from Chile and Peru also participate") or what the troops do
# ("Outside Kaunas, Polish sappers practised river crossings with Lithuanian engineers").  It adds
# participants and places to the exercise in focus, never a new exercise.
_SUPPORT_VERB = re.compile(
    r"\b(?=[abdiprstw])(?:tak(?:e|es|ing)\s+part|took\s+part|participat(?:e|es|ed|ing)|(?:are|is|were|was|be|been)\s+"
    r"(?:also\s+)?involved|rehears(?:e|es|ed|ing)|practi[sc](?:e|es|ed|ing)|trained|trains|drilled|"
    r"simulat(?:e|es|ed|ing)|spent\s+\w+\s+training)\b", _I)
# What _SUPPORT_VERB cannot match without ("part" of "take part" and "participate", "train" of "training").
_SUPPORT_WORDS = ("part", "involved", "rehears", "practi", "train", "drilled", "simulat")
# Nouns that point back to the exercise in focus ("The operations, which include helicopters, continue
# near Arica"): they add to it and never start one.
_ANAPHOR = re.compile(r"\b(?<=the\s)(?:activities|operations)\b", _I)
# "They are to take place near the Svilengrad checkpoint": a pronoun whose verb says it is an event
_PRONOUN_ANAPHOR = re.compile(
    r"\b(?:They|It)(?=\s+(?:will\s+|would\s+|are\s+to\s+|is\s+to\s+)?(?:take|takes|took)\s+place\b|"
    r"\s+(?:is|are|was|were|will\s+be)\s+(?:being\s+)?(?:held|staged|conducted|carried\s+out)\b)")


def _anaphors(text: str, a: int, b: int) -> set[tuple[int, int]]:
    """Spans of the words in ``text[a:b]`` that point back to the exercise in focus."""
    spans = set()
    if _may_hold(caseless(text[a:b]), ("activities", "operations")):
        spans.update(m.span() for m in _ANAPHOR.finditer(text, a, b))
    if "They" in text[a:b] or "It" in text[a:b]:  # (the pronoun pattern is case-sensitive)
        spans.update(m.span() for m in _PRONOUN_ANAPHOR.finditer(text, a, b))
    return spans


# "This is now the largest brigade-scale gunnery exercise": a cue that describes the exercise in focus.
_PREDICATE_BEFORE = re.compile(
    r"\b(?:it|this|which)\s+(?:is|was|will\s+be|would\s+be|has\s+been)\s+(?:also\s+|now\s+)?"
    r"(?:the|a|an|its|one\s+of\s+the)\s+(?:[\w-]+\s+){0,5}$", _I)
# An exercise after the one in focus: "the next round of drills", "another round of", "next year's
# exercise" (and "the next edition"); not "the next joint exercises", which a story about planned drills
# says of them, nor "the next phase of the drills", a part of them (_PART_OF_BEFORE).
_ANOTHER_BEFORE = re.compile(
    r"(?:\b(?:next|another|following|subsequent)\s+(?:round|edition|iteration|instal?ment|cycle)\s+of\s+"
    r"(?:the\s+|these\s+|such\s+)?(?:[\w-]+\s+){0,2}|\bnext\s+year['’]s\s+(?:[\w-]+\s+){0,2})$", _I)
# "two weeks of gunnery practice and a series of field drills": parts of the exercise in focus.
_PART_OF_BEFORE = re.compile(
    r"\b(?:(?:range|series|variety|number|programme|program|days|weeks|hours|phases?|stages?)\s+of|"
    r"includes|include|including|comprises|comprising)\s+(?:[\w-]+\s+){0,3}$", _I)
# Countries that watch: "NATO observers will attend", "observers from Kazakhstan", "observed by Chinese officers".
_WATCH_WORDS = ("observ", "monitor", "watched")
_OBSERVER_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:observers|monitors)\b", _I)
_OBSERVER_BEFORE = re.compile(r"\b(?:observers|monitors)\s+(?:from|of)\s+(?:the\s+)?$|"
                              r"\b(?:observed|watched|monitored)\s+by\s+(?:the\s+)?$", _I)
# a country that sends people to watch, or watches itself: "Uzbekistan sent officers to observe the drills",
# "Mongolia will observe", "Japan's defence attaché watched"
_OBSERVER_AGENT_AFTER = re.compile(
    r"(?:['’]s\s+[\w-]+(?:\s+[\w-]+)?)?\s+(?:(?:will|would|also|has|have|had|is|was|to)\s+){0,2}"
    r"(?:(?:sent|send|sends|dispatched|dispatch|dispatches)\s+(?:[\w-]+\s+){0,2}?(?:observers|monitors)\b|"
    r"(?:sent|send|sends|dispatched|dispatch|dispatches|invited)\s+(?:[\w,-]+\s+){0,6}?to\s+"
    r"(?:observe|watch|monitor|attend\s+as\s+observers?)\b|(?:observe[sd]?|watch(?:ed|es)?|monitor(?:ed|s)?)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:exercises?|drills?|manoeuvres?|maneuvers?|war\s*games?|training)\b)", _I)
# "soldiers from all 31 allied nations", "forces from all 30 allies": every member of the alliance the sentence names.
_ALL_MEMBERS = re.compile(
    r"\ball\s+(?:(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+)?(?:(?:member|allied)\s+(?:states|countries|nations)|"
    r"members|allies)\b", _I)


class Limits:
    """Bounds that keep cross-article merging linear in the number of reports."""

    #: Members of a group an unnamed report is compared with.
    GROUP_SAMPLE = 4
    #: Groups per calendar month an unnamed report is compared with (the newest).
    BUCKET_CANDIDATES = 24
    #: Months of a long date range used for blocking (a year-precise date covers twelve).
    MONTH_BUCKETS = 13
    #: Longest evidence quote: a longer sentence is quoted around its cue (output stays linear in the text).
    EVIDENCE_CHARS = 600
    #: Reports of one article a new mention is compared with (besides the lead).
    REPORTS_IN_REACH = 64
    #: Names and aliases kept per group for matching.
    GROUP_NAMES = 16
    #: Places of each report compared when deciding whether two reports are one exercise.
    PLACES_COMPARED = 12
    #: Reports of one event compared with each other for conflicts.
    CONFLICT_REPORTS = 40
    #: Sentences (the headline among them) that tell what a story is about: its exercise first told after
    #: them, in one sentence, is mentioned in passing.
    OPENING_SENTENCES = 3
    #: Names per article looked up again in the gazetteer (:class:`_SecondLook`).
    SECOND_LOOKS = 32
    #: Share of sentences two articles must have in common to be near-duplicates.
    NEAR_DUP_SHARE = 0.8
    #: Shorter articles are duplicates only when their words are identical.
    NEAR_DUP_MIN_SENTENCES = 3
    #: A town or village read in a country the article never names, farther than this (km) from every
    #: other place it names, is likely another place of that name (:func:`~geodrills.events.places.
    #: isolated_readings`): :data:`geodrills.namesakes.ISOLATED_KM`, the claim checker's figure too.
    ISOLATED_KM = namesakes.ISOLATED_KM
    #: ... and farther than this (km) from the point of every country it names (a country's point is its
    #: middle, so this is wider: "thousands of km", another continent).
    ISOLATED_COUNTRY_KM = 2 * namesakes.ISOLATED_KM
    #: Distinct places either side (in text order) a reading is compared with.
    ISOLATED_NEIGHBOURS = 16
    #: Set-aside places (with their reasons) kept in one report's details.
    SET_ASIDE_KEPT = 8
    #: Characters at the start of an undated article's body searched for a dateline's date.
    DATELINE_CHARS = 400
    #: An undated article is about the year it names most, when it names it at least twice and this
    #: many times as often as any other year (or in more than half of its year mentions).
    TEXT_YEAR_LEAD = 2


_KIND_RANK = {"city": 0, "town": 0, "village": 0, "border_crossing": 0, "admin2": 1, "admin1": 2, "mountain": 2,
              "river": 3, "corridor": 3, "region": 4, "sea": 4, "country": 5}


# --------------------------------------------------------------------------
# small records

@dataclass(frozen=True, slots=True)
class _Loc:
    """A resolved place mention, whatever produced it (geoparser or a frame)."""

    start: int
    end: int
    text: str
    name: str
    kind: str
    country: str | None
    lat: float
    lon: float
    place_id: str
    #: why this place is used as it is ("stands in for the Vaziani drill ground, which the gazetteer lacks")
    note: str | None = None
    #: a rough stand-in (the site lies only to one side of it): used when nothing better places the exercise
    approximate: bool = False


@dataclass
class _Mention:
    sentence: tuple[int, int]
    sentence_index: int
    cue: tuple[int, int]
    determiner: str
    modifiers: list[str]
    kinds: set[str]
    past: bool
    current: bool
    name: str | None
    name_has_cue: bool
    participants: set[str]
    dates: list[DateExpr]
    durations: list[Duration]
    locations: list[_Loc]
    mentioned: list[_Loc]
    border_of: list[_Loc]
    joint: bool
    bare_name: bool = False
    cls: str = "exercise"
    ending: bool = False
    aliases: tuple[str, ...] = ()
    planned: bool = False
    past_tense: bool = False
    #: adds participants, observers and places to the exercise in focus; never starts one
    support: bool = False
    #: refers to the exercise in focus ("the activities", "it was the first ... exercise"); never starts one
    attach_only: bool = False
    #: "its previous edition": another exercise of the series in focus
    series: bool = False
    observers: set[str] = field(default_factory=set)
    #: "the next round of drills", "next year's exercise": an exercise after the one in focus
    other: bool = False


@dataclass(eq=False)
class _Report:
    """One exercise as one article tells it."""

    article: str
    index: int
    first_sentence: int
    name: str | None = None
    label: str | None = None
    kinds: set[str] = field(default_factory=set)
    cls: str = "exercise"
    past: bool = False
    date: DateExpr | None = None
    anchored: DateExpr | None = None
    duration: Duration | None = None
    participants: set[str] = field(default_factory=set)
    joint: bool = False
    locations: list[_Loc] = field(default_factory=list)
    mentioned: list[_Loc] = field(default_factory=list)
    border_of: list[_Loc] = field(default_factory=list)
    evidence: list[tuple[int, int, str]] = field(default_factory=list)
    explicit_participants: bool = False
    location_ids: set[str] = field(default_factory=set)
    aliases: list[str] = field(default_factory=list)
    article_date: dt.date | None = None
    lead: bool = False
    #: first told in the headline or the story's opening sentences (an article is about it)
    up_front: bool = False
    future: bool = False
    #: told in the past tense ("held", "carried out"), and never as to come
    told_past: bool = False
    _bounds_cache: Any = field(default=None, repr=False)
    until: DateExpr | None = None
    observers: set[str] = field(default_factory=set)
    #: participants given by the sentences that name the exercise: the parties of its series
    named_participants: set[str] = field(default_factory=set)
    #: a place short of a country locates it (a rough stand-in is then not needed)
    placed: bool = False
    #: places of its sentences not used, with the reason (a far namesake)
    set_aside: list[tuple[_Loc, str]] = field(default_factory=list)

    # -- dates ------------------------------------------------------------
    def bounds(self) -> tuple[dt.date, dt.date] | None:
        key = (self.date, self.duration)
        if self._bounds_cache is not None and self._bounds_cache[0] == key:
            return self._bounds_cache[1]
        value = self._bounds()
        self._bounds_cache = (key, value)
        return value

    def _bounds(self) -> tuple[dt.date, dt.date] | None:
        if self.date is None or not self.date.resolved:
            return None
        first, last = self.date.bounds()
        if self.end_date() is not None:
            last = max(last, iso_bounds(self.end_date())[1])
        if self.min_end_date() is not None:
            last = max(last, dt.date.fromisoformat(self.min_end_date()))
        return first, last

    def start_date(self) -> str | None:
        return self.date.start_date if self.date is not None and self.date.resolved else None

    def end_date(self) -> str | None:
        if self.date is None and self.until is not None and self.until.resolved:
            return self.until.end_date or self.until.start_date
        if self.date is None or not self.date.resolved:
            return None
        if self.date.end_date is not None:
            return self.date.end_date
        if (self.until is not None and self.until.resolved and self.date.precision == "day"
                and (self.until.end_date or self.until.start_date) >= self.date.start_date):
            return self.until.end_date or self.until.start_date  # "began on February 5" + "ended on Friday"
        if self.duration is not None and self.duration.bound == "exact" and self.date.precision == "day":
            start = dt.date.fromisoformat(self.date.start_date)
            return (start + dt.timedelta(days=self.duration.days - 1)).isoformat()
        return None

    def min_end_date(self) -> str | None:
        """For "more than ten days" from a known start: the earliest the end can be."""
        if (self.duration is None or self.duration.bound != "min" or self.date is None
                or self.date.precision != "day" or self.date.end_date is not None):
            return None
        start = dt.date.fromisoformat(self.date.start_date)
        return (start + dt.timedelta(days=self.duration.days)).isoformat()

    def precision(self) -> str:
        return self.date.precision if self.date is not None else "unresolved"

    def date_text(self) -> str | None:
        parts = [d.text.strip() for d in (self.date, self.until, self.anchored, self.duration) if d is not None]
        return " ... ".join(parts) if parts else None

    def status(self) -> str | None:
        """planned / under way / past relative to the article's date, or None when the text does not say."""
        bounds = self.bounds()
        if bounds is not None and self.article_date is not None:
            if bounds[0] > self.article_date:
                return "planned"
            if bounds[1] < self.article_date:
                return "past"
            precision = self.date.precision if self.date is not None else "day"
            if precision != "day" and self.future and not self.told_past:
                return "planned"  # a month or a year holding the article's day, told as to come
            if precision == "month" and self.told_past and not self.future:
                return "past"  # "held drills earlier this month" (a year's exercise told in the past may go on)
            return "under way"
        if self.past:
            return "past"
        return "planned" if self.future else None

    def month_hint(self) -> int | None:
        return self.date.month if self.date is not None else None


# --------------------------------------------------------------------------
# places from the geoparser or a frame

def _loc_from_mention(m: Any) -> _Loc | None:
    place = getattr(m, "place", None)
    if place is None:
        return None
    return _Loc(int(m.start), int(m.end), str(m.text), str(place.name), str(place.kind),
                getattr(place, "country", None), float(place.lat), float(place.lon), str(place.id))


def _locs_from_frame(frame: Any) -> dict[str, list[_Loc]]:
    out: dict[str, list[_Loc]] = {}
    needed = {"article", "start", "end", "text", "name", "kind", "country", "lat", "lon"}
    missing = needed - set(frame.columns)
    if missing:
        raise InputError(f"mentions frame lacks the columns {sorted(missing)}")
    for row in frame.itertuples(index=False):
        if row.lat is None or (isinstance(row.lat, float) and math.isnan(row.lat)):
            continue
        place_id = getattr(row, "place_id", None) or f"{row.name}@{row.lat:.4f},{row.lon:.4f}"
        country = row.country if isinstance(row.country, str) and row.country else None
        out.setdefault(str(row.article), []).append(
            _Loc(int(row.start), int(row.end), str(row.text), str(row.name), str(row.kind), country,
                 float(row.lat), float(row.lon), str(place_id)))
    return out


def _locations_for(article: Article, mentions: Any) -> list[_Loc]:
    if mentions is None:
        from ..mentions import geoparse  # the geoparser is the only place places come from

        found = [_loc_from_mention(m) for m in geoparse(article)]
    elif hasattr(mentions, "columns"):
        found = _locs_from_frame(mentions).get(article.name, [])
    elif isinstance(mentions, Mapping):
        found = []
        for m in mentions.get(article.name, ()):
            found.append(m if isinstance(m, _Loc) else _loc_from_mention(m))
    else:
        raise InputError(f"mentions must be a mapping of article name to mentions or a frame, "
                         f"not {type(mentions).__name__}")
    return sorted((loc for loc in found if loc is not None), key=lambda loc: (loc.start, loc.end))


# --------------------------------------------------------------------------
# sentences and mentions

def _sentences(article: Article) -> list[tuple[int, int]]:
    """Sentence spans over the article body (the shared splitter), skipping web chrome."""
    spans = Sentences(article.text, article.body_start)
    chrome = SpanSet(article.boilerplate)
    return [(a, b) for a, b in spans if not chrome.contains(a, b)]


def _cues(text: str, a: int, b: int) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    if not _may_hold(caseless(text[a:b]), _CUE_WORDS):
        return found  # one substring test per word instead of a pass of the pattern
    for m in _CUE.finditer(text, a, b):
        word = m.group().lower()
        before, after = text[max(a, m.start() - 40):m.start()], text[m.end():min(b, m.end() + 40)]
        if word == "training":
            # "has been training officers", "training centre", "training exercise" (the cue is "exercise").
            if _TRAINING_NOT_NOUN_BEFORE.search(before) or _TRAINING_COMPOUND_AFTER.match(after):
                continue
            if not (_TRAINING_KIND_BEFORE.search(before) or _TRAINING_DEFINITE_BEFORE.search(before)) \
                    or _TRAINING_SPENT_BEFORE.search(before):
                continue
        if word.startswith("exercise") and word == "exercise" and _EXERCISE_VERB_AFTER.match(after):
            continue
        if _FACILITY_AFTER.match(after):
            continue  # "Vaziani drill ground", "the exercise area": a place, not an exercise
        found.append(m.span())
    return found


# "The exercise uses three ranges" after a named or self-evidently military drill: the story's exercise
# again, even in an article without other military words.
_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that|these|those|such)\s+(?:[\w-]+\s+){0,2}$", _I)
# "a fire drill", "an evacuation drill" are civil; "a live-fire drill" is not (hence no hyphen before).
_CIVIL_DRILL = re.compile(r"(?<![\w-])(?:fire|earthquake|evacuation|safety|emergency|dental|tsunami|lockdown|"
                          r"flood|rescue|school|oil|gas)\s+(?:[\w-]+\s+)?$", _I)


def _self_military(text: str, sentence_start: int, cue: tuple[int, int]) -> bool:
    """Drills, manoeuvres and war games are military by themselves unless a civil word says otherwise."""
    word = text[cue[0]:cue[1]].lower()
    if word.startswith(("exercise", "training")):
        return False
    return not _CIVIL_DRILL.search(text[max(sentence_start, cue[0] - 40):cue[0]])


_NP_TOKEN = re.compile(r"[\w’'\"“”-]+|[,;:()]")


def _noun_phrase(text: str, sentence_start: int, cue_start: int) -> tuple[str, list[str]]:
    """(determiner, modifiers) of the noun phrase the cue heads."""
    words = _NP_TOKEN.findall(text, max(sentence_start, cue_start - 80), cue_start)
    modifiers: list[str] = []
    determiner = ""
    for w in reversed(words):
        bare = w.strip("\"“”")
        low = bare.lower().replace("’", "'")
        if not bare or w in ",;:()":
            break
        if low in _DETERMINERS:
            determiner = low
            break
        if low.endswith("'s"):
            determiner = "poss"
            break
        if low in _NP_STOP:
            break
        if low.endswith("ing") and len(modifiers) < 6:
            k = words.index(w) if words.count(w) == 1 else -1
            if k > 0 and words[k - 1].lower() in {"been", "is", "are", "was", "were", "be", "being", "am"}:
                break  # "has been providing training": a verb, not a modifier
        modifiers.append(bare)
        if len(modifiers) >= 6:
            break
    modifiers.reverse()
    return determiner, modifiers


_NUMBERED_WORD = re.compile(r"[\w-]*\d[\w-]*")  # "2023", "F-16": no kind of exercise
_LENGTH_WORD = re.compile(r"\w+-(?:day|week|month)(?:-long)?")  # "five-day": a duration


def _kinds(modifiers: Sequence[str], cue_word: str) -> set[str]:
    kinds = set()
    for w in modifiers:
        low = w.lower()
        if (not w[:1].islower() or low in _GENERIC_MODIFIERS or _NUMBERED_WORD.fullmatch(low)
                or _LENGTH_WORD.fullmatch(low) or find_demonyms(w)):
            continue
        kinds.add(low)
    return kinds


def _norm_name(name: str) -> str:
    # "TurAz Qartalı 2021" and "TurAz Qartali 2021" are one name to a reader.
    folded = unicodedata.normalize("NFKD", name.replace("ı", "i").replace("İ", "I"))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", folded.strip(" \"“”'’")).casefold()


_NAME_FILLER = {"exercise", "exercises", "drill", "drills", "manoeuvre", "manoeuvres", "maneuver", "maneuvers",
                "operation", "the", "joint", "military", "war", "games", "wargames"}


@lru_cache(maxsize=4096)
def _name_key(name: str) -> tuple[str, str | None]:
    """(base, year) of an exercise name, so spellings of one name compare equal.

    "Zapad-2021", "Zapad 2021" and "the Zapad 2021 exercise" are ``("zapad", "2021")``;
    "African Lion" is ``("africanlion", None)``, which matches any year.
    """
    tokens = re.findall(r"[^\W_]+", _norm_name(name))
    year = next((t for t in tokens if re.fullmatch(r"(?:19|20)\d\d", t)), None)
    edition = _name_edition(name)
    words = [t for t in tokens if t != year and t not in _NAME_FILLER]
    if edition and len(words) > len(edition):
        words = words[:-len(edition)]
    base = "".join(words)
    return base or "".join(tokens), year


@lru_cache(maxsize=4096)
def _name_edition(name: str) -> tuple[str, ...]:
    """The edition a name ends with besides its year: ("24", "ii") of "Brave Griffin 24/II", () of "Zapad-2021"."""
    tokens = re.findall(r"[^\W_]+", _norm_name(name))
    words = [t for t in tokens if not re.fullmatch(r"(?:19|20)\d\d", t) and t not in _NAME_FILLER]
    first = next((i for i, t in enumerate(words) if t.isdigit()), None)
    if first is None or first == 0:
        return ()
    tail = words[first:]
    # a number, then roman numerals or more numbers: "41", "24/II", "2-1"
    return tuple(tail) if all(t.isdigit() or re.fullmatch(r"[ivx]{1,4}", t) for t in tail) else ()


def _names_match(r: "_Report", name: str) -> bool:
    return any(_same_name(n, name) for n in [r.name, *r.aliases] if n)


def _same_name(a: str, b: str) -> bool:
    """One exercise: the same words, and no two different years or edition numbers ("Han Kuang 40" / "41")."""
    (base_a, year_a), (base_b, year_b) = _name_key(a), _name_key(b)
    edition_a, edition_b = _name_edition(a), _name_edition(b)
    return (base_a == base_b and (year_a is None or year_b is None or year_a == year_b)
            and (not edition_a or not edition_b or edition_a == edition_b))


def _between(text: str, a: int, b: int) -> str:
    return text[a:b] if a <= b else text[b:a]


def _blocked(text: str, a: int, b: int) -> bool:
    return bool(_BLOCKER.search(_between(text, a, b)))


def _place_role(text: str, loc: _Loc, cue: tuple[int, int], sentence: tuple[int, int],
                prev_bound: _Loc | None) -> str:
    """"location", "border" or "mentioned" for one place mention relative to one cue."""
    s0, _ = sentence
    after_text = text[loc.end:loc.end + 40]
    before_text = text[max(s0, loc.start - 60):loc.start]
    border = _BORDER_BEFORE.search(before_text)
    if border is not None or _BORDER_AFTER.match(after_text):
        ahead = before_text[:border.start()] if border is not None else before_text
        if _DISTANCE_BEFORE.search(ahead) or _AWAY_BEFORE.search(ahead):
            return "mentioned"  # "40 km from the boundary with Serbia": a reference, not the border it is on
        return "border"
    if (_MODIFIER_AFTER.match(after_text) or _DISTANCE_BEFORE.search(before_text) or _AWAY_BEFORE.search(before_text)
            or _SEAT_BEFORE.search(before_text)):
        return "mentioned"
    if prev_bound is not None and _LIST_GAP.match(text[prev_bound.end:loc.start]):
        return "location"  # "the eastern parts of Latvia, Lithuania and Estonia"
    if _PARTNER_BEFORE.search(before_text) and loc.kind == "country":
        return "mentioned"  # "an exercise with the United States": a partner, not a place
    if _closes_venue_list(text, loc.end, min(sentence[1], loc.end + 160)):
        return "location"  # "with Arica and Tacna as venues"
    cs, ce = cue
    if loc.start >= ce:
        gap = text[ce:loc.start]
        if len(gap) <= 140 and not _BLOCKER.search(gap) and _LOCATIVE_TAIL.search(gap):
            return "location"
        return "mentioned"
    gap = text[loc.end:cs]
    if _FRONTED_LOCATIVE.fullmatch(text, s0, loc.start) and len(gap) <= 160 and not _BLOCKER.search(gap):
        return "location"  # "Outside Gyumri, in the country's north-west, Armenian tank crews trained"
    if len(gap) > 120 or _BLOCKER.search(gap):
        return "mentioned"
    if _HOST.match(gap) and not _PREPOSITION_BEFORE.search(before_text):
        return "location"
    if _LOCATIVE_TAIL.search(before_text) and (_PURPOSE.match(gap) or len(gap) <= 60):
        return "location"
    return "mentioned"


_HEAD_CUE_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+){0,3}?(?:exercises?|drills?|manoeuvres?|maneuvers?|war\s*games?|training)\b", _I)
_NOT_FORCE_AFTER = re.compile(r"^\s+(?:border|borders|public|media|side|foreign|defen[cs]e\s+ministry)\b", _I)
_MINISTRY_AFTER = re.compile(r"^['’]s\s+(?:[\w-]+\s+){0,2}?(?:defen[cs]e\s+)?ministry", _I)
_FORCE_OF_BEFORE = re.compile(rf"{_FORCE}(?:\s+[\w-]+)?\s+(?:of|between)\s+(?:the\s+)?$", _I)


def _participants(text: str, a: int, b: int, locs: Sequence[_Loc], cue: tuple[int, int]) -> set[str]:
    """Countries shown taking part: by demonym or name in a participant role."""
    found: set[str] = set()
    demonyms = find_demonyms(text[a:b])
    # "Turkish and Azerbaijani troops": a list of demonyms before a force noun.
    i = 0
    while i < len(demonyms):
        group = [demonyms[i]]
        abbreviated = set()
        while i + 1 < len(demonyms):
            gap = _DEMONYM_LIST_GAP.fullmatch(text, a + demonyms[i].end, a + demonyms[i + 1].start)
            if gap is None:
                break
            if gap.group("abbr"):
                abbreviated.add(COUNTRY_ABBREVIATIONS[gap.group("abbr")])
            i += 1
            group.append(demonyms[i])
        tail = text[a + group[-1].end:b]
        last_abbr = _ABBREVIATION_LIST_END.match(tail)
        if last_abbr:
            abbreviated.add(COUNTRY_ABBREVIATIONS[last_abbr.group("abbr")])
            tail = tail[last_abbr.end():]
        head_cue = _HEAD_CUE_AFTER.match(tail)
        blocked = _PARTICIPANT_BLOCKER.search(_between(text, a + group[-1].end, cue[0]) if a + group[-1].end <= cue[0]
                                              else _between(text, cue[1], a + group[0].start)) \
            or a + group[0].start > cue[1] and _OTHER_CLAUSE_BEFORE.search(text, max(cue[1], a + group[0].start - 12),
                                                                          a + group[0].start)
        if blocked or _NOT_TAKING_PART.match(tail, 0, 120):
            pass  # ("Russian units stationed there would not take part")
        elif _FORCE_AFTER.match(tail) or head_cue:
            if not _NOT_FORCE_AFTER.match(tail):
                found.update(d.country for d in group if d.country)
                found.update(c for c in abbreviated if c)
        i += 1
    # "U.S. soldiers", "UK troops": a country abbreviation before a force noun
    for m in _ABBREVIATION_FORCE.finditer(text, a, b):
        code = COUNTRY_ABBREVIATIONS[m.group(1)]
        if code and not _PARTICIPANT_BLOCKER.search(_between(text, m.end(), cue[0]) if m.end() <= cue[0]
                                                    else _between(text, cue[1], m.start())):
            found.add(code)
    # Forces that name their country: "the IRGC launched", "Bundeswehr soldiers", "drills of the PLA".
    for f in find_forces(text[a:b]):
        start, end = a + f.start, a + f.end
        gap = text[end:cue[0]] if end <= cue[0] else text[cue[1]:start]
        after, before = text[end:b], text[max(a, start - 30):start]
        if _PARTICIPANT_BLOCKER.search(gap):
            continue
        if (_SUBJECT_VERB_AFTER.match(after) or _FORCE_AFTER.match(after) or _CUE_RIGHT_AFTER.match(after)
                or _BETWEEN_BEFORE.search(before) or _INVOLVING_BEFORE.search(before)):
            found.add(f.country)
    # Country names and capitals: "Turkey and Azerbaijan launched", "Iran's military",
    # "between Turkey and Azerbaijan", "Azerbaijan troops", "Azerbaijan is hosting".
    cs, ce = cue
    inside = [loc for loc in locs if a <= loc.start and loc.end <= b and loc.country
              and loc.kind in ("country", "city", "admin1")]
    for group in _list_groups(text, inside):  # "Turkey and Azerbaijan launched": a list acts together
        after = text[group[-1].end:b]
        before = text[max(a, group[0].start - 30):group[0].start]
        countries = {loc.country for loc in group if loc.kind == "country"}
        gap = text[group[-1].end:cue[0]] if group[-1].end <= cue[0] else text[cue[1]:group[0].start]
        if _PARTICIPANT_BLOCKER.search(gap):
            continue
        subject = not _PREPOSITION_BEFORE.search(before)
        if subject and _HOST.match(after):
            # "Azerbaijan is hosting the drills"; a town that hosts them is a place, not a participant
            found.update(countries)
        elif subject and _SUBJECT_VERB_AFTER.match(after):
            countries = {loc.country for loc in group}  # "Ankara and Baku launched": capitals for governments
            found.update(countries)
        elif _FORCE_AFTER.match(after) and not _MINISTRY_AFTER.match(after):
            found.update(countries)
        elif _BETWEEN_BEFORE.search(before) and (abs(group[0].start - ce) <= 40 or _FORCE_OF_BEFORE.search(before)):
            found.update(countries)  # "the naval strength of Iran and Russia"
        elif _possessed_cue(after) and group[-1].end <= cs:
            found.update(countries)  # "Bolivia's yearly Illimani military exercises"
        elif _FORCES_FROM_BEFORE.search(text, max(a, group[0].start - 60), group[0].start):
            found.update(countries)  # "soldiers from Poland, Italy and the UK", "personnel from 8 countries, Uganda among them"
    return found


def _observers(text: str, a: int, b: int, locs: Sequence[_Loc]) -> set[str]:
    """Countries that watch: "Kazakh observers", "observers from Armenia", "observed by Chinese officers",
    "Mongolia sent officers to observe the drills"."""
    found: set[str] = set()
    if not _may_hold(caseless(text[a:b]), _WATCH_WORDS):
        return found  # most sentences: a few substring tests
    for d in find_demonyms(text[a:b]):
        if d.country and (_OBSERVER_AFTER.match(text, a + d.end, b)
                          or _OBSERVER_BEFORE.search(text, max(a, a + d.start - 40), a + d.start)):
            found.add(d.country)
    countries = [loc for loc in locs if a <= loc.start and loc.end <= b and loc.kind == "country" and loc.country]
    for group in _list_groups(text, countries):  # "France and the UAE will send observers": both
        first, last = group[0], group[-1]
        if (_OBSERVER_AFTER.match(text, last.end, b) or _OBSERVER_AGENT_AFTER.match(text, last.end, b)
                or _OBSERVER_BEFORE.search(text, max(a, first.start - 40), first.start)):
            found.update(loc.country for loc in group)
    return found


def _possessed_cue(after: str) -> bool:
    """Whether ``after`` (the text after a country's name) opens a noun phrase owned by it that ends in a cue
    ("'s yearly Illimani military exercises"), not a clause ("'s embassy in Oslo called the exercise")."""
    m = _POSSESSIVE_CUE.match(after)
    return m is not None and not any(w.lower().strip("\"“”'’") in _NP_STOP for w in after[2:m.end()].split()[:-1])


def _list_groups(text: str, locs: Sequence[_Loc]) -> Iterator[list[_Loc]]:
    """``locs`` (in text order) in runs that the text lists together ("A, B and the C")."""
    group: list[_Loc] = []
    for loc in locs:
        if group and not _LIST_GAP.match(text[group[-1].end:loc.start]):
            yield group
            group = []
        group.append(loc)
    if group:
        yield group


def _all_members(text: str, lo: int, hi: int, alliance: str | None, on: dt.date | None) -> frozenset[str]:
    """The members of ``alliance`` (the one the sentence names) when it says "all (32) member states" near the cue.

    Members as of ``on`` (the article's date); undated, the count the text gives picks the
    membership that had that many members (the latest such).  A count that disagrees with the
    membership on the date expands nothing.
    """
    m = _ALL_MEMBERS.search(text, lo, hi) if alliance is not None else None
    if m is None:
        return frozenset()
    word = (m.group("n") or "").lower()
    n = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
    if on is not None:
        members = alliance_members(alliance, on)
        return members if n is None or len(members) == n else frozenset()
    if n is None:
        return frozenset()
    changes = sorted({d for joined, left in ALLIANCES[alliance].values() for d in (joined, left) if d})
    fitting = [alliance_members(alliance, d) for d in changes if len(alliance_members(alliance, d)) == n]
    return fitting[-1] if fitting else frozenset()


def _stand_in_locs(text: str, a: int, b: int, locs: Sequence[_Loc]) -> list[tuple[_Loc, int]]:
    """The sentence's places that stand in for a site the gazetteer lacks, noted, with the site's start."""
    out = []
    for loc, site, site_start, beside in stand_ins(text, a, b, locs):
        note = f"stands in for {site!r}, which the gazetteer cannot place" + (
            " (the text puts it to one side of this place)" if beside else "")
        out.append((_Loc(loc.start, loc.end, loc.text, loc.name, loc.kind, loc.country, loc.lat, loc.lon,
                         loc.place_id, note, beside), site_start))
    return out


def _support_mention(text: str, sentence: tuple[int, int], index: int, locs: Sequence[_Loc],
                     standing: Sequence[tuple[_Loc, int]] = ()) -> _Mention | None:
    """A sentence with no exercise word that tells who takes part in, watches, or where troops drill.

    "Marines from Chile and Peru also participate", "Outside Kaunas, Polish sappers practised
    river crossings", "Kazakh observers will attend", "The venues lie north of Bar" (a place
    standing in for the sites, ``standing``).  It needs a participant, an observer or such a
    place; other places count only in a locative role.
    """
    a, b = sentence
    observers = _observers(text, a, b, locs)
    verb = _SUPPORT_VERB.search(text, a, b) if _may_hold(caseless(text[a:b]), _SUPPORT_WORDS) else None
    participants: set[str] = set()
    locations: list[_Loc] = []
    if verb is not None:
        cue = verb.span()
        lo, hi = max(a, cue[0] - WINDOW), min(b, cue[1] + WINDOW)
        window_locs = [loc for loc in locs if lo <= loc.start and loc.end <= hi]
        participants = _participants(text, lo, hi, window_locs, cue) - observers
        if participants:
            prev_bound = None
            for loc in window_locs:
                if _place_role(text, loc, cue, sentence, prev_bound) == "location" and loc.kind != "country":
                    locations.append(loc)
                    prev_bound = loc
                else:
                    prev_bound = None
    for loc, _site_start in standing:
        if all(x.place_id != loc.place_id for x in locations):
            locations.append(loc)
    if not participants and not observers and not standing:
        return None
    return _Mention(sentence, index, verb.span() if verb else sentence, "", [], set(), False, False, None, False,
                    participants, [], [], locations, [], [], False, support=True, observers=observers)


def _is_phase(report: "_Report", m: _Mention) -> bool:
    """A mention of another kind inside the report's dates and places: a phase of it.

    "Land drills are scheduled in Arica and Iquique from June 14 to June 18" inside drills
    "in Arica, Iquique, Tacna ... until June 21" that began on June 10.
    """
    bounds = report.bounds()
    own = [d for d in m.dates if d.kind != "anchored"]
    if bounds is None or not own or not m.locations or not all(d.resolved for d in own):
        return False
    inside = all(bounds[0] <= d.bounds()[0] and d.bounds()[1] <= bounds[1] for d in own)
    return inside and all(loc.place_id in report.location_ids for loc in m.locations)


_EDITION_TAIL = re.compile(r"[\s–—-]*(?:(?:19|20)\d\d|\d+(?:/[IVXLC]+)?|[IVXLC]+)\s*$")


def _series_name(name: str) -> str:
    """The series an edition belongs to: "Yudh Abhyas" of "Yudh Abhyas 2022", "Brave Griffin" of "... 24/II"."""
    return _EDITION_TAIL.sub("", name).strip() or name


# A capitalised name in the exercise's own locative slot ("unfolded ... in Pocheon", "on Kinmen's east
# coast") or naming its range ("the Zar Training Center"): a place the geoparser may have passed over.
_NAME_WORD = r"(?-i:[A-Z][\w’'-]{1,40})"
_SLOT_AFTER_PREPOSITION = rf"\b(?=[aino])(?:in|at|on|near|around|off)\s+(?:the\s+)?(?P<a>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})"
_SLOT_NAME = re.compile(
    _SLOT_AFTER_PREPOSITION + "|"
    rf"(?P<b>{_NAME_WORD})\s+(?:[\w-]+\s+)?(?:(?:training|drill|exercise)\s+(?:grounds?|areas?|cent(?:re|er)s?|"
    rf"ranges?)|firing\s+ranges?|air\s*(?:fields?|bases?)|border\s+(?:stations?|posts?|crossings?))\b", _I)
# Without one of these words only the first form can match (the same matches, for a cheaper pass).
_SITE_SLOT_WORDS = ("training", "drill", "exercise", "firing", "air", "border")
_PREPOSITION_SLOT_NAME = re.compile(_SLOT_AFTER_PREPOSITION, _I)


_POSSESSIVE_END = re.compile(r"['’]s$")
_PLACE_AFTER_POSSESSIVE = re.compile(r"\s+(?:[\w-]+\s+)?(?:coast|shore|outskirts|island|islands|province|region|"
                                     r"district|territory|border\s+areas?)\b", _I)


class _SecondLook:
    """Places in an exercise's locative slot that the geoparser left out, looked up once more.

    Only an exact name or a recorded alternate name of a place in a country
    the article names counts ("in Pocheon" in a report about South Korea;
    "Kinmen" is an alternate name of Jincheng, Taiwan), the country the
    article names most first ("Armavir" in a report about Armenia is the
    Armenian town, not the Russian city); a near spelling never does ("Auli"
    is not "Ali", India), nor a common word ("along the Line of Separation").  At most
    :attr:`Limits.SECOND_LOOKS` names per article are looked up.
    """

    def __init__(self, locs: Sequence[_Loc], body_demonyms: Sequence[Any]) -> None:
        named = [loc.country for loc in locs if loc.country] + [d.country for d in body_demonyms if d.country]
        self.countries: dict[str, int] = {}
        for code in named:
            self.countries[code] = self.countries.get(code, 0) + 1
        self.cache: dict[str, _Loc | None] = {}

    def places(self, text: str, a: int, b: int, known: Sequence[_Loc]) -> list[_Loc]:
        """The places of ``text[a:b]``'s slots that no ``known`` place (sorted by start) covers."""
        found = []
        starts = [loc.start for loc in known]
        slots = _SLOT_NAME if _may_hold(caseless(text[a:b]), _SITE_SLOT_WORDS) else _PREPOSITION_SLOT_NAME
        for m in slots.finditer(text, a, b):
            key = "a" if m.group("a") else "b"
            start, end = m.span(key)
            name = _POSSESSIVE_END.sub("", m.group(key))
            if name != m.group(key) and not _PLACE_AFTER_POSSESSIVE.match(text, end, b):
                continue  # "Kelly's attempts": a person's; "Kinmen's east coast": a place's
            end = start + len(name)
            if name.isupper():
                continue  # an acronym ("in the EU") is no town
            i = bisect_left(starts, end)  # the known place starting last before this name's end
            if ((i and known[i - 1].end > start)  # (most often: the geoparser has it; the cheapest test first)
                    or name.lower() in MONTHS or name.lower() in WEEKDAYS or name in FORCES or find_demonyms(name)):
                continue
            place = self._lookup(name)
            if place is not None:
                found.append(_Loc(start, end, name, place.name, place.kind, place.country, place.lat, place.lon,
                                  place.place_id))
        return found

    def _lookup(self, name: str) -> _Loc | None:
        if name not in self.cache:
            if len(self.cache) >= Limits.SECOND_LOOKS or not self.countries:
                return None
            from ..gazetteer import Gazetteer

            gazetteer = Gazetteer.default()
            low = name.lower()
            if (low in gazetteer.common_words or low in STOP_WORDS or low in gazetteer.first_names
                    or low in gazetteer.given_names):
                # "along the Line of Separation", "in Congress", "in the West": no town of that name
                self.cache[name] = None
                return None
            if not any(key in gazetteer.names for key in name_keys(name)):
                # no place has this spelling as its own or an alternate name: the lookup could only
                # offer other spellings, which a second look never takes (one trie probe instead)
                self.cache[name] = None
                return None
            hits = [p for p in gazetteer.lookup(name, country=sorted(self.countries), fuzzy=False, limit=5)
                    if getattr(p, "match", None) in ("exact", "alternate") and p.kind != "country"]
            hits.sort(key=lambda p: -self.countries.get(p.country, 0))  # stable: the gazetteer's order next
            self.cache[name] = _Loc(0, 0, name, hits[0].name, hits[0].kind, hits[0].country, float(hits[0].lat),
                                    float(hits[0].lon), str(hits[0].id)) if hits else None
        return self.cache[name]


_YEAR_IN_TEXT = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d,])")


def _text_year(body: str) -> int | None:
    """The year an undated article is about: the year it names in most of its year mentions, if any.

    Most: more than half of them, or at least :attr:`Limits.TEXT_YEAR_LEAD` times as many as any
    other year (an aside names a past war's year once; "the 2021 training plan" twice).

    >>> _text_year("the 2021 plan; the 2021 readiness plan; since the 1990s; on November 10, 2020")
    2021
    >>> _text_year("set up in 2015; the 1950-53 war") is None
    True
    """
    counts: dict[int, int] = {}
    for y in _YEAR_IN_TEXT.findall(body):
        counts[int(y)] = counts.get(int(y), 0) + 1
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], -kv[0]))
    best, n = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if n * 2 > sum(counts.values()) or (n >= 2 and n >= Limits.TEXT_YEAR_LEAD * runner_up):
        return best
    return None


def _bind_names(text: str, names: Sequence[Name], cues: Sequence[tuple[int, int]]) -> dict[tuple[int, int], Name]:
    """The name each cue carries: the nearest name within :data:`NAME_REACH` characters, nothing between.

    "the Iron Bridge-2026 manoeuvres", "A naval exercise, named Amber Falcon 26/III",
    "Caspian Shield, a naval exercise"; a name names every cue within reach
    on either side ("crews are training for 'Southern Ice', the combined
    army exercise"), unless another name is nearer to that cue.
    """
    out: dict[tuple[int, int], tuple[int, Name]] = {}
    starts = [c[0] for c in cues]  # cues come sorted
    for n in names:
        for cue in cues[bisect_left(starts, n.start - NAME_REACH - 40):bisect_left(starts, n.end + NAME_REACH + 1)]:
            if n.start <= cue[0] < n.end:  # "Combined Coastal Gunnery Exercise"
                gap = 0
            elif cue[0] >= n.end:
                gap = cue[0] - n.end
            else:
                gap = n.start - cue[1] + 1  # after the cue: a tie goes to the cue after the name
            if gap > NAME_REACH or gap < 0 or _BLOCKER.search(_between(text, n.end, cue[0]) if cue[0] >= n.end
                                                               else _between(text, cue[1], n.start)):
                continue
            if cue not in out or gap < out[cue][0]:
                out[cue] = (gap, n)
    return {cue: n for cue, (_gap, n) in out.items()}


_GROUNDS_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:training\s+grounds?|firing\s+ranges?|ranges|polygons?|"
                            r"territory|soil|airspace|waters|bases)\b", _I)


def _demonym_grounds(text: str, lo: int, hi: int, cue: tuple[int, int]) -> list[str]:
    """Countries whose grounds a window names: "Serbian and 4 Hungarian firing ranges", "on Iranian soil"
    (not across another happening: "days after a British ship arrived in Guyanese waters")."""
    found = find_demonyms(text[lo:hi])
    def reaches(d) -> bool:
        start, end = lo + d.start, lo + d.end
        return not (_blocked(text, cue[1], start) if start >= cue[1] else _blocked(text, end, cue[0]))

    out = [d.country for d in found if d.country and _GROUNDS_AFTER.match(text, lo + d.end, hi) and reaches(d)]
    # a list of demonyms sharing the noun: "3 Serbian and 4 Hungarian firing ranges"
    for a, b in reversed(list(zip(found, found[1:]))):
        if b.country in out and a.country and a.country not in out and re.fullmatch(
                r"\s*(?:and|,)\s*(?:\d+\s+)?", text[lo + a.end:lo + b.start]):
            out.append(a.country)
    return out


def _place_only(name: Name, text: str, locs: Sequence[_Loc]) -> bool:
    """A "name" made only of place names, demonyms and country codes ("India-US war games") is a description."""
    covered = [(loc.start, loc.end) for loc in locs if loc.start < name.end and name.start < loc.end
               and loc.kind in ("country", "admin1")]  # "Malabar" (a region) can still name an exercise
    rest = text[name.start:name.end]
    for s, e in sorted(covered, reverse=True):
        s, e = max(s, name.start) - name.start, min(e, name.end) - name.start
        rest = rest[:s] + " " + rest[e:]
    words = [w for w in re.split(r"[\s/–-]+", rest) if w]
    return all(find_demonyms(w) or w.upper() in COUNTRY_ABBREVIATIONS for w in words)


#: characters a place name can take at most, for finding the places that overlap a span by bisection
_LONGEST_NAME = 120


def _report_day(text: str, a: int, dates: Sequence[DateExpr]) -> list[DateExpr]:
    """The day a source reported an exercise under way ("is holding drills, the ministry reported on
    October 19"): the one day the text shows it going on, so its start as far as the text tells."""
    for d in dates:
        if d.resolved and d.precision == "day" and d.end_date is None \
                and _REPORTED_BEFORE.search(text, max(a, d.start - 30), d.start):
            return [DateExpr(d.start, d.end, d.text, d.kind, d.start_date, None, d.precision,
                             "under way on the day it was reported", d.month)]
    return []


def _in_window(items: Sequence[Any], starts: Sequence[int], lo: int, hi: int) -> list[Any]:
    """The items (sorted by ``start``, whose starts are ``starts``) inside ``[lo, hi]``, by bisection."""
    i = bisect_left(starts, lo)
    out = []
    for x in items[i:]:
        if x.start > hi:
            break
        if x.start >= lo and x.end <= hi:
            out.append(x)
    return out


_DATELINE_DATE = re.compile(
    r"(?m)^[ \t]*(?:[A-Z][\w.'’-]{0,30}(?:[ \t]+[A-Z][\w.'’-]{0,30}){0,3},[ \t]*"
    r"(?:[A-Z][\w.'’-]{0,30}(?:[ \t]+[A-Z][\w.'’-]{0,30}){0,2},[ \t]*)?)?"
    r"(?P<date>[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?|\d{1,2}[ \t]+[A-Z][a-z]{2,8}(?:[ \t]+\d{4})?)"
    r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:—|–|--?|:)")


@dataclass(frozen=True)
class _Reference:
    """The day relative dates count from (``day``), the year calendar dates take without it (``year``),
    and the dateline's date span, which dates no exercise."""

    day: dt.date | None
    year: int | None
    dateline: tuple[int, int] = (0, 0)


def _reference_day(article: Article, spans: Sequence[tuple[int, int]]) -> _Reference:
    """The day relative dates count from, and the year calendar dates without one take.

    The article's date (its header or the corpus's date column); else a dateline's date ("Seoul,
    Aug 31 --", "MOSCOW, Sept. 12 (Reuters) -"); else the day the lead sentence's source spoke ("...,
    the ministry reported on October 19").  A date without a year takes the year the article names
    most (:func:`_text_year`); with no year at all there is no day, only that year, if any.
    """
    text = article.text
    head_end = min(len(text), article.body_start + Limits.DATELINE_CHARS)
    m = _DATELINE_DATE.search(text, article.body_start, head_end)
    dateline = m.span("date") if m is not None else (0, 0)  # (with a date header too: "BEIJING, Aug. 21 --")
    if article.date is not None:
        ok = MIN_YEAR <= article.date.year <= MAX_YEAR
        return _Reference(article.date if ok else None, None, dateline)
    year = _text_year(text[article.body_start:])
    candidates = []
    if m is not None:
        candidates = find_dates(m.group("date"), ref_year=year)
    lead = next(((a, b) for a, b in spans[:2] if text[a:b].strip() != (article.title or "").strip()), None)
    if not candidates and lead is not None:
        a, b = lead
        found = find_dates(text[a:b], ref_year=year)
        candidates = [d for d in found if _REPORTED_BEFORE.search(text, max(a, a + d.start - 30), a + d.start)]
    day = next((d for d in candidates if d.resolved and d.precision == "day" and d.end_date is None), None)
    return _Reference(dt.date.fromisoformat(day.start_date) if day else None, year, dateline)


def _article_mentions(article: Article, locs: Sequence[_Loc], spans: Sequence[tuple[int, int]],
                      second_look: _SecondLook | None = None,
                      reference: _Reference | None = None, far: Mapping[str, str] | None = None) -> list[_Mention]:
    text = article.text
    military = bool(_MILITARY.search(text, article.body_start)) or bool(find_forces(text[article.body_start:]))
    chrome = SpanSet(article.boilerplate)
    locs = [loc for loc in locs if not chrome.holds(loc.start)]
    loc_starts = [loc.start for loc in locs]
    reference = reference if reference is not None else _reference_day(article, spans)
    article_date, text_year = reference.day, reference.year
    country_locs: dict[str, _Loc] = {}
    for loc in locs:
        if loc.kind == "country" and loc.country:
            country_locs.setdefault(loc.country, loc)
    mentions = []
    for index, (a, b) in enumerate(spans):
        all_cues = _cues(text, a, b)
        # a name needs a cue, a quote or a number in its sentence
        names = find_names(text, a, b) if all_cues or (military and _NAME_HINT.search(text, a, b)) else []
        # "the Zapad-2021 exercise": a named exercise is military by itself
        named_cues = set(_bind_names(text, names, all_cues)) if names and not military else set()
        cues = [c for c in all_cues if military or c in named_cues or _self_military(text, a, c)
                or (mentions and _DEFINITE_BEFORE.search(text, max(a, c[0] - 40), c[0]))]
        anaphors = _anaphors(text, a, b) if military else set()
        cues = sorted(set(cues) | anaphors)
        sentence_locs = locs[bisect_left(loc_starts, a):bisect_left(loc_starts, b)]
        sentence_locs = [loc for loc in sentence_locs if loc.end <= b]
        if second_look is not None and (cues or military):
            extra = second_look.places(text, a, b, sentence_locs)
            if extra:
                sentence_locs = sorted([*sentence_locs, *extra], key=lambda loc: (loc.start, loc.end))
        # a far namesake ("Auli" read in Norway) places no site, so a place around it can stand in
        standing = _stand_in_locs(text, a, b, [loc for loc in sentence_locs if loc.place_id not in far]
                                  if far else sentence_locs) if cues or military or mentions else []
        standing_starts = [site_start for _loc, site_start in standing]  # sorted: by bisection per cue
        # (an article without military words can still tell of the exercise it already named)
        support = _support_mention(text, (a, b), index, sentence_locs, standing) \
            if not cues and (military or mentions) else None
        if support is not None:
            mentions.append(support)
        if not cues and not (military and names):
            continue
        # without an article date, a year the exercise's name gives ("African Lion 2022") or the
        # article's one year dates "June 20"; relative dates ("on Monday") stay unresolved
        name_years = [_name_key(n.name)[1] for n in names if _name_key(n.name)[1]]
        dates = find_dates(text[a:b], ref_date=article_date,
                           ref_year=None if article_date else int(name_years[0]) if name_years else text_year)
        dates = [DateExpr(d.start + a, d.end + a, d.text, d.kind, d.start_date, d.end_date, d.precision,
                          d.note, d.month) for d in dates
                 if not reference.dateline[0] <= d.start + a < reference.dateline[1]]  # the story's day
        durations = [Duration(d.start + a, d.end + a, d.text, d.days, d.bound) for d in find_durations(text[a:b])]
        date_starts, duration_starts = [d.start for d in dates], [d.start for d in durations]
        sentence_loc_starts = [loc.start for loc in sentence_locs]
        # the places that can overlap a name, by bisection: a sentence may hold thousands of both
        names = [n for n in names if not _place_only(
            n, text, _in_window(sentence_locs, sentence_loc_starts, n.start - _LONGEST_NAME, n.end + _LONGEST_NAME))]
        if names:  # a place inside a name or its bracketed alias ("Kavkaz-2020 (Caucasus-2020)") is none of its places
            named = SpanSet(_name_span(text, n, b) for n in names)
            sentence_locs = [loc for loc in sentence_locs if not named.contains(loc.start, loc.end)]
            sentence_loc_starts = [loc.start for loc in sentence_locs]
        bound = _bind_names(text, names, cues)
        bound_ids = {id(x) for x in bound.values()}
        # "forces opened Cobra Gold (CG23)": a name defined by its acronym after a verb of holding an
        # exercise, or renamed ("Nordic Sentry, formerly called Polar Sentry"), is the exercise's own
        # mention, as a cue would be
        self_named = [n for n in names if id(n) not in bound_ids and n.form in ("acronym", "renamed")]
        if self_named:
            cues = sorted([*cues, *((n.start, n.end) for n in self_named)])
            for n in self_named:
                bound[(n.start, n.end)] = n
                bound_ids.add(id(n))
        # A name away from any cue ("Winter 2021 is a show of strength") can only
        # name an exercise already introduced.
        for n in names:
            if id(n) not in bound_ids:
                # "Steppe Falcon-2025 is set to wrap up on September 16": the subject's own date, nothing between
                own = [d for d in dates if d.start >= n.end and d.start - n.end <= NAME_REACH
                       and d.kind != "anchored" and not _BLOCKER.search(text, n.end, d.start)]
                mentions.append(_Mention((a, b), index, (n.start, n.end), "", [], set(), False, False, n.name, False,
                                         set(), own[:1], [], [], [], [], False, bare_name=True, aliases=n.aliases,
                                         ending=bool(_ENDING.search(text, n.end, own[0].start)) if own else False))
        if not cues:
            continue
        sentence_text = text[a:b]
        # Sentence-wide facts, read once per sentence (not once per cue: a hostile
        # sentence can hold thousands of cues).
        habitual = bool(_HABITUAL.search(sentence_text))
        past_sentence = bool(_PAST_SENTENCE.search(sentence_text))
        current_sentence = bool(_CURRENT_SENTENCE.search(sentence_text))
        joint = bool(_JOINT.search(sentence_text))
        ending = bool(_ENDING.search(sentence_text))
        planned = bool(_PLANNED.search(sentence_text))
        past_tense = bool(_PAST_TENSE.search(sentence_text))
        under_way = not planned and not past_tense and bool(_UNDER_WAY.search(sentence_text))
        report_day = _report_day(text, a, dates) if under_way else []  # once per sentence, not per cue
        observers = _observers(text, a, b, sentence_locs)
        alliance = find_alliance(sentence_text)
        for k, cue in enumerate(cues):
            neighbours = cues[max(0, k - 1):k] + cues[k + 1:k + 2]

            def nearest(pos_start: int, pos_end: int, cue: tuple[int, int] = cue, others=neighbours) -> bool:
                # cues are sorted, so the closest other cue to any point is a neighbour of this one
                mid = (pos_start + pos_end) / 2
                own = min(abs(mid - cue[0]), abs(mid - cue[1]))
                return all(own <= min(abs(mid - c[0]), abs(mid - c[1])) for c in others)

            # Everything bound to a cue lies within WINDOW characters of it.
            lo, hi = max(a, cue[0] - WINDOW), min(b, cue[1] + WINDOW)
            determiner, modifiers = _noun_phrase(text, a, cue[0])
            if determiner in ("a", "an") and _OF_THIS.match(text, cue[1], min(b, cue[1] + 30)):
                determiner = "this"  # "an exercise of this size": the one in focus
            cue_word = text[cue[0]:cue[1]]
            bound_name = bound.get(cue)
            name, name_has_cue = (bound_name.name, True) if bound_name else (None, False)
            my_dates = []
            for d in _in_window(dates, date_starts, lo, hi):
                if not nearest(d.start, d.end) or _blocked(text, d.end if d.end <= cue[0] else cue[1],
                                                           cue[0] if d.end <= cue[0] else d.start):
                    continue
                if _COMPARED_SINCE.search(text, max(a, d.start - 80),
                                          d.start + (5 if d.text[:5].lower() == "since" else 0)):
                    continue
                if d.kind == "anchored" and _ANCHOR_GAP.fullmatch(text[d.end:cue[0]]):
                    continue  # "a month and a half after the previous exercises": the exercise is the anchor
                my_dates.append(d)
            my_durations = []
            for d in _in_window(durations, duration_starts, lo, hi):
                if not nearest(d.start, d.end):
                    continue
                np_start = cue[0] - len(" ".join(modifiers)) - 2
                if " " not in d.text:  # "a two-day exercise", "week-long drills": inside the noun phrase only
                    if np_start <= d.start < cue[0]:
                        my_durations.append(d)
                elif not _blocked(text, min(d.start, cue[1]), max(d.start, cue[0])):
                    my_durations.append(d)
            if habitual and not my_dates and name is None:
                continue
            if not my_dates and report_day:
                my_dates = report_day
            window_locs = _in_window(sentence_locs, sentence_loc_starts, lo, hi)
            locations, mentioned, border_of = [], [], []
            prev_bound = None
            for loc in window_locs:
                role = _place_role(text, loc, cue, (a, b), prev_bound)
                if role == "location" and not nearest(loc.start, loc.end):
                    role = "mentioned"
                if role == "location":
                    locations.append(loc)
                    prev_bound = loc
                else:
                    prev_bound = None
                    (border_of if role == "border" else mentioned).append(loc)
            for loc, site_start in standing[bisect_left(standing_starts, lo):bisect_left(standing_starts, hi + 1)]:
                # a place standing in for a site the exercise is held at: "the Foo range in Bar province"
                # (already a location by its own locative word, it gains the note)
                if nearest(site_start, site_start + 1):
                    locations = [x for x in locations if x.place_id != loc.place_id] + [loc]
                    mentioned = [x for x in mentioned if x.place_id != loc.place_id]
            for code in _demonym_grounds(text, lo, hi, cue):
                # "uses 3 Serbian and 4 Hungarian firing ranges": those countries' territory
                home = country_locs.get(code)
                if home is not None and all(home.place_id != loc.place_id for loc in locations):
                    locations.append(home)
            np_words = {w.lower() for w in modifiers}
            past = bool(np_words & _PAST_NP) or past_sentence
            current = not past and current_sentence
            participants = _participants(text, lo, hi, window_locs, cue) - observers
            participants |= _all_members(text, lo, hi, alliance, article_date)
            before = text[max(a, cue[0] - 100):cue[0]]
            attach_only = name is None and (cue in anaphors or bool(_PREDICATE_BEFORE.search(before))
                                            or bool(_PART_OF_BEFORE.search(before)))
            mentions.append(_Mention(
                (a, b), index, cue, determiner, modifiers, _kinds(modifiers, cue_word), past, current, name,
                name_has_cue, participants, my_dates, my_durations,
                locations, mentioned, border_of, joint,
                cls="training" if cue_word.lower() == "training" else "exercise", ending=ending,
                planned=planned, past_tense=past_tense,
                aliases=bound_name.aliases if bound_name else (), attach_only=attach_only,
                series=cue_word.lower() in ("edition", "iteration"), observers=observers,
                other=name is None and (bool(_ANOTHER_BEFORE.search(before))
                                        or cue_word.lower() == "edition" and before.endswith(("next ", "Next ")))))
    return mentions


# --------------------------------------------------------------------------
# within one article

def _name_span(text: str, name: Name, b: int) -> tuple[int, int]:
    """The span of an exercise's name with its bracketed aliases right after it ("Kavkaz-2020 (Caucasus-2020)")."""
    end = name.end
    if name.aliases:
        m = _ALIAS_AFTER.match(text, end, b)
        if m is not None:
            end = m.end()
    return name.start, end


def _date_role(text: str, sentence_start: int, d: DateExpr) -> str | None:
    """"start" or "end" for a date a verb of starting or ending stands next to ("began on February 5", "on
    Friday concluded"), else None."""
    before = text[max(sentence_start, d.start - 24):d.start]
    if _END_VERB_BEFORE.search(before) or _END_VERB_AFTER.match(text, d.end, d.end + 30):
        return "end"
    if _START_VERB_BEFORE.search(before) or _START_VERB_AFTER.match(text, d.end, d.end + 30):
        return "start"
    return None


def _start_from_end(r: _Report) -> None:
    """"wrapped up a three-day exercise on Wednesday": with its last day and its exact length, its first day
    is counted back (a deduction the text allows, not a guess)."""
    until, length = r.until, r.duration
    if r.date is not None or until is None or not until.resolved or until.precision != "day" \
            or length is None or length.bound != "exact" or until.end_date is not None:
        return
    last = dt.date.fromisoformat(until.start_date)
    first = last - dt.timedelta(days=length.days - 1)
    r.date = DateExpr(until.start, until.end, until.text, until.kind, first.isoformat(), last.isoformat(), "day",
                      note="first day counted back from the last and the length")


def _refines(new: DateExpr, old: DateExpr) -> bool:
    """Whether resolved ``new`` lies inside resolved ``old``, a month or a year, and is narrower ("in
    December" inside "the coming weeks", "on Monday" inside "in February"; a range of days stays: "from
    Aug. 1 to 5" inside "July 29 ... until Aug. 10" is a phase)."""
    if old.precision == "day":
        return False
    (n0, n1), (o0, o1) = new.bounds(), old.bounds()
    return o0 <= n0 and n1 <= o1 and (n1 - n0) < (o1 - o0)


def _dates_conflict(old: DateExpr | None, new: DateExpr | None) -> bool:
    if old is None or new is None:
        return False
    if old.resolved and new.resolved:
        (a0, a1), (b0, b1) = old.bounds(), new.bounds()
        return b1 < a0 or a1 < b0
    if old.resolved != new.resolved:
        return False
    # Both unresolved: only the same kind of expression can be compared
    # ("on Thursday" vs "on Monday", "In July" vs "In August").
    same_grain = (old.month is not None) == (new.month is not None) and old.kind == new.kind
    return same_grain and old.text.strip().lower() != new.text.strip().lower()


def _evidence_span(text: str, m: _Mention) -> tuple[int, int]:
    """The sentence, or for a sentence longer than :attr:`Limits.EVIDENCE_CHARS` the words around the cue."""
    s, e = m.sentence
    if e - s <= Limits.EVIDENCE_CHARS:
        return s, e
    half = Limits.EVIDENCE_CHARS // 2
    a, b = max(s, m.cue[0] - half), min(e, m.cue[1] + half)
    while a > s and not text[a - 1].isspace():  # whole words only
        a += 1
        if a >= m.cue[0]:
            break
    while b < e and not text[b].isspace() and b > m.cue[1]:
        b -= 1
    return a, b


def _add(report: _Report, m: _Mention, text: str, article: str) -> None:
    if m.name and not report.name:
        report.name = m.name
    for alias in m.aliases:
        if alias not in report.aliases and not (report.name and _same_name(alias, report.name)):
            report.aliases.append(alias)
    report.kinds |= m.kinds
    report.participants |= m.participants
    report.explicit_participants |= bool(m.participants)
    report.observers |= m.observers
    if m.name:
        report.named_participants |= m.participants
    report.joint |= m.joint
    report.future |= m.planned
    report.told_past = (report.told_past or m.past_tense) and not report.future
    ending = m.ending
    roles = {id(d): _date_role(text, m.sentence[0], d) for d in m.dates}
    # the first day before the others, the last day after them ("on Friday concluded ..., which began on
    # February 5")
    for d in sorted(m.dates, key=lambda d: {"start": 0, None: 1, "end": 2}[roles[id(d)]]):
        if d.kind == "anchored":
            report.anchored = report.anchored or d
            continue
        if roles[id(d)] == "end" and report.date is None and d.resolved:
            report.until = report.until or d  # "the drills ended on Saturday": the last day, the first not given
            continue
        until = d.text.lower().startswith(("until", "till")) or bool(
            _UNTIL_BEFORE.search(text, max(m.sentence[0], d.start - 12), d.start))
        if until and report.date is None:
            # "The drills will run until October 25": the last day; the first is not given
            report.until = report.until or d
            continue
        if ((ending or until) and d.resolved and report.date is not None and report.date.resolved
                and report.date.end_date is None and d.precision == report.date.precision
                and d.start_date > report.date.start_date):
            # "The exercise will end on September 17": the same exercise's last day
            report.date = DateExpr(report.date.start, report.date.end, report.date.text, report.date.kind,
                                   report.date.start_date, d.start_date, report.date.precision,
                                   month=report.date.month)
            continue
        if report.date is None or (d.resolved and not report.date.resolved
                                   and (report.date.month is None or report.date.month == d.month)):
            report.date = d  # a calendar date beats one that could not be resolved ("this year" undated)
        elif d.resolved and report.date.resolved and not _dates_conflict(report.date, d):
            # a range that contains the known start adds its end: "Today" + "From February 1 to 12"
            if d.end_date and not report.date.end_date:
                report.date = d
            elif _refines(d, report.date):
                report.date = d  # "in the coming weeks" + "in December": the narrower date inside
    for d in m.durations:
        report.duration = report.duration or d
    for loc in m.locations:
        _place(report, loc)
    report.mentioned.extend(m.mentioned)
    report.border_of.extend(m.border_of)
    if report.label is None and not m.bare_name and text[m.cue[0]:m.cue[1]] != m.name:
        words = [w for w in m.modifiers if w[:1].islower() and w.lower() not in _PAST_NP]
        # a word the text repeats is said once, in its last place ("Iran's military recent military exercises")
        words = [w for i, w in enumerate(words) if w.lower() not in {x.lower() for x in words[i + 1:]}]
        report.label = " ".join(words + [text[m.cue[0]:m.cue[1]].lower()])
    s, e = _evidence_span(text, m)
    if not report.evidence or report.evidence[-1][1] <= s:  # mentions come in text order
        report.evidence.append((s, e, text[s:e]))
    elif report.evidence[-1][0] <= s and e > report.evidence[-1][1]:
        last = report.evidence[-1]  # the same long sentence again: widen the quote
        report.evidence[-1] = (last[0], e, text[last[0]:e])


def _add_support(report: _Report, m: _Mention) -> None:
    """Participants, observers and places of a support sentence (no evidence: it names no exercise)."""
    report.participants |= m.participants
    report.explicit_participants |= bool(m.participants)
    report.observers |= m.observers
    for loc in m.locations:
        _place(report, loc)


def _place(report: _Report, loc: _Loc) -> None:
    """Add a location once; a rough stand-in only while no place short of a country locates the report."""
    if loc.place_id in report.location_ids or (loc.approximate and report.placed):
        return
    report.locations.append(loc)
    report.location_ids.add(loc.place_id)
    report.placed |= loc.kind != "country" and not loc.approximate


def _in_reach(reports: list[_Report], lead: _Report | None) -> list[_Report]:
    """The reports a new mention is compared with: the lead and the latest :attr:`Limits.REPORTS_IN_REACH`.

    News articles tell of a handful of exercises; the bound only keeps a
    hostile text of thousands of differently named exercises linear.
    """
    recent = reports[-Limits.REPORTS_IN_REACH:]
    return recent if lead is None or any(r is lead for r in recent) else [lead] + recent


def _article_reports(article: Article, locs: Sequence[_Loc], spans: Sequence[tuple[int, int]],
                     second_look: bool = False) -> list[_Report]:
    text = article.text
    body_demonyms = find_demonyms(text[article.body_start:])  # (read once: for far namesakes and second looks)
    far = _far_namesakes(locs, body_demonyms)
    clear = [loc for loc in locs if loc.place_id not in far] if far else locs
    reference = _reference_day(article, spans)
    reports: list[_Report] = []
    focus: _Report | None = None
    lead: _Report | None = None

    def new(m: _Mention) -> _Report:
        r = _Report(article.name, len(reports), m.sentence_index, past=m.past, cls=m.cls, article_date=reference.day)
        reports.append(r)
        return r

    pending: list[_Mention] = []  # support told before any exercise: the story's exercise, once known
    for m in _article_mentions(article, locs, spans, _SecondLook(clear, body_demonyms) if second_look else None,
                               reference, far):
        target: _Report | None = None
        year = _name_key(m.name)[1] if m.name else None
        if m.support:
            if focus is None:
                pending.append(m)
            else:
                # present-tense support after an aside about a past edition is about the story's exercise
                _add_support(focus if focus is lead or not focus.past else lead, m)
            continue
        if m.attach_only:
            if focus is not None:
                _add(focus, m, text, article.name)
            continue
        if m.bare_name:
            same_year = [r for r in _in_reach(reports, lead) if not r.name and r.start_date() and year
                         and r.start_date()[:4] == year]
            named = [r for r in _in_reach(reports, lead) if r.name and _names_match(r, m.name)]
            target = (named or same_year or [None])[0]
            if target is None:
                continue
            _add(target, m, text, article.name)
            focus = target
            continue
        if m.name:
            named = [r for r in _in_reach(reports, lead) if r.name and _names_match(r, m.name)]
            if named:
                target = named[0]
            else:
                same_year = [r for r in _in_reach(reports, lead) if not r.name and r.start_date() and year
                             and r.start_date()[:4] == year]
                if len(same_year) == 1:
                    target = same_year[0]
                elif (focus is not None and focus is lead and not focus.name
                      and m.sentence_index - focus.first_sentence <= 1 and m.determiner in ("the", "this", "")
                      and not any(_dates_conflict(focus.date, d) for d in m.dates)):
                    target = focus
                elif (lead is not None and not lead.name and not m.past and not lead.past
                      and m.determiner in ("the", "this", "")
                      # "In July, Turkey and Azerbaijan carried out the Winter 2021 Drill": a dated past
                      # statement is about another exercise
                      and not (m.dates and m.past_tense)
                      and not any(_dates_conflict(lead.date, d) for d in m.dates)
                      and (not m.participants or not lead.participants or m.participants <= lead.participants)):
                    # the story's own exercise named later: "the 7th edition of the combined exercise 'Southern Ice'"
                    target = lead
        elif focus is None:
            target = None
        else:
            candidate = focus
            if lead is not None and candidate is not lead and not m.participants:
                # Back to the story's own exercise after an aside about a foreign one
                # ("It is also a response to Iran's exercises. The recent exercise ...").
                if candidate.participants and lead.participants and not (candidate.participants & lead.participants):
                    candidate = lead
                elif candidate.past and not lead.past and not m.past and (m.current or not m.dates):
                    # "Its previous edition took place in Hawaii. ... the exercise is expected to ...": an aside
                    # about a past edition ends with the sentence; "the exercise" is the story's again
                    candidate = lead
            own_date = [d for d in m.dates if d.kind != "anchored"]
            definite = m.determiner in ("the", "these", "those", "this", "that", "such", "poss")
            if m.other:
                target = None  # "the next round of drills is expected in June": not the one just told
            elif m.past and not candidate.past and not (definite and not m.dates):
                target = None
            elif m.past and not candidate.past and definite and not (m.modifiers and set(w.lower() for w in m.modifiers) & {"previous", "last", "earlier", "past", "prior", "former"}):
                target = candidate
            elif m.past and not candidate.past:
                target = None
            elif m.cls != candidate.cls:
                target = None  # "the flight-tactical training" is not "the exercise"
            elif (m.kinds and not (m.kinds <= candidate.kinds) and (candidate.kinds or not definite)
                  and not _is_phase(candidate, m)):
                target = None
            elif m.participants and candidate.participants and not (m.participants & candidate.participants):
                target = None
            elif own_date and candidate.date is not None and any(_dates_conflict(candidate.date, d) for d in own_date) \
                    and not definite:
                target = None
            elif own_date and candidate.name and not definite:
                target = None
            else:
                target = candidate
        if target is None:
            target = new(m)
            if lead is None:
                lead = target
            series = focus if focus is not None and focus.name else lead
            if m.series and series is not None and series is not target and series.name:
                # "Its previous edition took place in Hawaii": the series' name (of the exercise in focus,
                # else the story's), and its members when the text names none
                target.name = _series_name(series.name)
                target.participants |= series.named_participants or series.participants
        _add(target, m, text, article.name)
        focus = target

    if lead is not None:
        for m in pending:
            _add_support(lead, m)

    kept = []
    for r in reports:
        # An exercise we can say nothing about (no name, date, place or named
        # participant: "the last time such exercises were held") is not reported.
        if r.name or r.date or r.until or r.anchored or r.locations or r.explicit_participants:
            kept.append(r)
    kept = _fold_title(kept, article)
    lead = next((r for r in kept if r is lead), kept[0] if kept else None)
    _set_aside_far(kept, far)
    if lead is not None:
        lead.lead = True
    opening_end = spans[min(len(spans), Limits.OPENING_SENTENCES) - 1][1] if spans else 0
    for r in kept:
        r.up_front = bool(r.evidence) and r.evidence[0][0] < opening_end
        _start_from_end(r)
    lead_participants = next((r.participants for r in kept if len(r.participants) >= 2), set())
    for r in kept:
        if not r.participants and r.joint and lead_participants:
            r.participants = set(lead_participants)
        if not r.locations and r.border_of:
            # "exercises on the border with Azerbaijan" by Iran: both sides of that border.
            own = [loc for loc in r.mentioned if loc.kind == "country" and loc.country in r.participants]
            r.locations = _dedupe(own[:1] + r.border_of)
        if not r.locations and len(r.participants) == 1 and not r.past:
            # One country's own drills with no place given are held at home ("Bolivia's yearly Illimani
            # exercises"): its territory, as the article names it.  Not for joint exercises, whose host
            # the text must say.
            (code,) = r.participants
            home = next((loc for loc in locs if loc.kind == "country" and loc.country == code), None)
            if home is not None:
                r.locations = [home]
    return kept


def _far_namesakes(locs: Sequence[_Loc], body_demonyms: Sequence[Any]) -> dict[str, str]:
    """The article's far namesakes (:func:`~geodrills.events.places.isolated_readings`): place id -> why.

    ``body_demonyms``: the demonyms of the article's body."""
    demonyms = {d.country for d in body_demonyms if d.country}
    far = isolated_readings(locs, demonyms, isolated_km=Limits.ISOLATED_KM,
                            country_km=Limits.ISOLATED_COUNTRY_KM, neighbours=Limits.ISOLATED_NEIGHBOURS)
    return {loc.place_id: why for loc, why in far}


def _set_aside_far(reports: Sequence[_Report], far: Mapping[str, str]) -> None:
    """A far namesake is no location: moved to the report's ``set_aside`` with the reason (at most
    :attr:`Limits.SET_ASIDE_KEPT` kept per report).  As a place merely mentioned it stays."""
    if not far:
        return
    for r in reports:
        keep = [loc for loc in r.locations if loc.place_id not in far]
        if len(keep) == len(r.locations):
            continue
        for loc in r.locations:
            if loc.place_id in far and len(r.set_aside) < Limits.SET_ASIDE_KEPT:
                r.set_aside.append((loc, far[loc.place_id]))
        r.locations = keep
        r.location_ids = {loc.place_id for loc in keep}


def _fold_title(reports: list[_Report], article: Article) -> list[_Report]:
    """A headline's exercise is the story's: fold the title's report and the first report after it together.

    "Armenia stages staff drills near Gyumri" and the lead sentence "Armenian
    units are conducting command-post drills around Gyumri" are one exercise;
    so are "Xi inspects Blue Horizon 2025 war games" and "President Xi toured
    China's biggest war games in decades" -- unless their names,
    dates or participants disagree.
    """
    title = article.title
    if not title or len(reports) < 2:
        return reports
    head, body = reports[0], reports[1]
    if not head.evidence or head.evidence[0][2] != title or body.evidence[0][2] == title:
        return reports
    told_in_body = [start for start, _end, t in head.evidence if t != title]
    if told_in_body and min(told_in_body) < body.evidence[0][0]:
        return reports  # the story already told the title's exercise before this one
    if head.name and body.name and not _same_name(head.name, body.name):
        return reports
    if head.date is not None and body.date is not None and _dates_conflict(head.date, body.date):
        return reports
    if head.participants and body.participants and not (head.participants <= body.participants
                                                         or body.participants <= head.participants):
        return reports
    if head.past != body.past:
        return reports
    _absorb(head, body)
    return [head] + reports[2:]


def _absorb(dst: _Report, src: _Report) -> None:
    """Fold ``src`` (a later report of the same article) into ``dst``."""
    dst.name = dst.name or src.name
    dst.aliases += [a for a in src.aliases if a not in dst.aliases]
    dst.participants |= src.participants
    dst.observers |= src.observers
    dst.explicit_participants |= src.explicit_participants
    dst.joint |= src.joint
    dst.future |= src.future
    if dst.date is None or (not dst.date.resolved and src.date is not None and src.date.resolved):
        dst.date = src.date
    dst.until = dst.until or src.until
    dst.anchored = dst.anchored or src.anchored
    dst.duration = dst.duration or src.duration
    for loc in src.locations:
        if loc.place_id not in dst.location_ids:
            dst.locations.append(loc)
            dst.location_ids.add(loc.place_id)
    dst.mentioned += src.mentioned
    dst.border_of += src.border_of
    dst.evidence = sorted(set(dst.evidence) | set(src.evidence))
    dst.label = dst.label or src.label


def _dedupe(locs: Iterable[_Loc]) -> list[_Loc]:
    seen, out = set(), []
    for loc in locs:
        if loc.place_id not in seen:
            seen.add(loc.place_id)
            out.append(loc)
    return out


# --------------------------------------------------------------------------
# across articles

def _km(a: _Loc, b: _Loc) -> float:
    # A sphere is plenty to decide whether two reports place an exercise in the same area.
    return float(haversine_km(a.lat, a.lon, b.lat, b.lon))


def _places_compatible(a: Sequence[_Loc], b: Sequence[_Loc], km: float = 100.0) -> bool:
    if not a or not b:
        return True
    for x in a[:Limits.PLACES_COMPARED]:
        for y in b[:Limits.PLACES_COMPARED]:
            if x.place_id == y.place_id:
                return True
            if (x.kind == "country" or y.kind == "country") and x.country and x.country == y.country:
                return True
            # a degree of latitude is at least 110 km on the sphere: most pairs need no trigonometry
            if abs(x.lat - y.lat) * 110.0 <= km and _km(x, y) <= km:
                return True
    return False


def _same_exercise(r: _Report, s: _Report) -> bool:
    if r.name and s.name:
        return _same_name(r.name, s.name)
    rb, sb = r.bounds(), s.bounds()
    if rb is None or sb is None or rb[1] < sb[0] or sb[1] < rb[0]:
        return False
    if r.participants and s.participants and r.participants != s.participants:
        return False
    return _places_compatible(r.locations, s.locations)


@dataclass(eq=False)
class _Group:
    """Reports of one exercise from different articles."""

    reports: list[_Report] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # the names and aliases its reports give
    articles: set[str] = field(default_factory=set)

    def accepts(self, r: _Report) -> bool:
        if r.article in self.articles:
            return False  # one article's reports were already told apart
        if r.name and self.names:
            return any(_same_name(a, b) for a in [r.name, *r.aliases] for b in self.names)
        # never merge two different names through an unnamed report: compare with a few members
        return any(_same_exercise(r, s) for s in self.reports[:Limits.GROUP_SAMPLE])

    def add(self, r: _Report) -> list[str]:
        """Add a report; returns the names it brings that the group did not have."""
        self.reports.append(r)
        self.articles.add(r.article)
        new = [n for n in [r.name, *r.aliases] if n and n not in self.names][:Limits.GROUP_NAMES]
        self.names.extend(new)
        return new


def _month_buckets(r: _Report) -> list[int]:
    """Months (as year * 12 + month) the report's dates cover, at most :attr:`Limits.MONTH_BUCKETS`."""
    bounds = r.bounds()
    if bounds is None:
        return []
    first, last = bounds
    a, b = first.year * 12 + first.month - 1, last.year * 12 + last.month - 1
    return list(range(a, min(b, a + Limits.MONTH_BUCKETS - 1) + 1))


def _merge(reports: Iterable[_Report]) -> list[_Group]:
    """Groups of reports that tell of the same exercise, in time linear in the reports.

    Candidates are found by blocking, never by comparing every pair: a named
    report looks up groups by its name's key; an unnamed one (or a named one
    whose name is new) looks at groups with a report in the same calendar
    month, at most :attr:`Limits.BUCKET_CANDIDATES` of them, newest first.
    """
    groups: list[_Group] = []
    # name blocks: (base, edition) -> groups, and base -> groups of any edition (newest last)
    by_name: dict[tuple[str, tuple[str, ...]], list[_Group]] = {}
    by_base: dict[str, list[_Group]] = {}
    by_month: dict[int, list[_Group]] = {}

    def named_candidates(name: str) -> list[_Group]:
        base, edition = _name_key(name)[0], _name_edition(name)
        if edition:  # "Brave Griffin 24/II": that edition's groups and those that give none
            return by_name.get((base, edition), []) + by_name.get((base, ()), [])
        # "Brave Griffin": any edition, the newest few ("Eagle 1" ... "Eagle 9000" stay linear)
        return by_base.get(base, [])[-Limits.BUCKET_CANDIDATES:][::-1]

    for r in reports:
        target = None
        if r.name:
            names = dict.fromkeys([r.name, *r.aliases])
            target = next((g for n in names for g in named_candidates(n) if g.accepts(r)), None)
        months = _month_buckets(r)
        if target is None:
            seen: set[int] = set()
            for month in months:
                for g in reversed(by_month.get(month, [])[-Limits.BUCKET_CANDIDATES:]):
                    if id(g) not in seen and (seen.add(id(g)) or g.accepts(r)):
                        target = g
                        break
                if target is not None:
                    break
        if target is None:
            target = _Group()
            groups.append(target)
        for name in target.add(r):
            base = _name_key(name)[0]
            for bucket in (by_name.setdefault((base, _name_edition(name)), []), by_base.setdefault(base, [])):
                if not bucket or bucket[-1] is not target:
                    bucket.append(target)
        for month in months:
            bucket = by_month.setdefault(month, [])
            if not bucket or bucket[-1] is not target:
                bucket.append(target)
    return groups


def _distinct_reports(reports: Sequence[_Report]) -> list[_Report]:
    """One report per distinct account (dates, places, participants), in order."""
    seen, out = set(), []
    for r in reports:
        key = (r.bounds(), r.date_text(), tuple(loc.place_id for loc in r.locations),
               tuple(sorted(r.participants)))
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _conflicts(reports: Sequence[_Report]) -> list[str]:
    out = []
    for i, r in enumerate(reports):
        for s in reports[i + 1:]:
            if r.article == s.article:
                continue
            rb, sb = r.bounds(), s.bounds()
            if rb and sb and (rb[1] < sb[0] or sb[1] < rb[0]):
                out.append(f"dates: {r.article} says {r.date_text()!r} ({_range(r)}), "
                           f"{s.article} says {s.date_text()!r} ({_range(s)})")
            for x, y in ((r, s), (s, r)):
                if x.bounds() and y.bounds() is None and y.month_hint() is not None:
                    months = _months_in(*x.bounds())
                    if y.month_hint() not in months:
                        out.append(f"dates: {y.article} says {y.date.text.strip()!r}, "
                                   f"but {x.article} gives {_range(x)}")
            if not _places_compatible(r.locations, s.locations):
                out.append(f"places: {r.article} says {', '.join(loc.name for loc in r.locations)}, "
                           f"{s.article} says {', '.join(loc.name for loc in s.locations)}")
            if (r.explicit_participants and s.explicit_participants and not r.participants <= s.participants
                    and not s.participants <= r.participants):  # (one naming fewer is no contradiction)
                out.append(f"participants: {r.article} names {', '.join(sorted(r.participants))}, "
                           f"{s.article} names {', '.join(sorted(s.participants))}")
    return sorted(set(out))


def _months_in(first: dt.date, last: dt.date) -> set[int]:
    months, y, m = set(), first.year, first.month
    while (y, m) <= (last.year, last.month) and len(months) < 12:
        months.add(m)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def _range(r: _Report) -> str:
    start, end = r.start_date(), r.end_date() or r.min_end_date()
    return f"{start} to {end}" if end and end != start else str(start)


def _loc_dict(loc: _Loc, role: str, note: str | None = None) -> dict[str, Any]:
    out = {"name": loc.name, "country": loc.country, "lat": round(loc.lat, 5), "lon": round(loc.lon, 5),
           "kind": loc.kind, "place_id": loc.place_id, "role": role}
    if note or loc.note:
        out["note"] = note or loc.note
    return out


def _event_row(reports: list[_Report], copies: Mapping[str, list[str]]) -> dict[str, Any]:
    reports = sorted(reports, key=lambda r: (r.article, r.index))
    names = [r.name for r in reports if r.name]
    name = names[0] if names else None
    rank = {p: i for i, p in enumerate(("day", "month", "year", "unresolved"))}
    dated = sorted((r for r in reports if r.start_date()), key=lambda r: (rank[r.precision()], r.article))
    if dated:
        best = rank[dated[0].precision()]
        same = [r for r in dated if rank[r.precision()] == best]
        start = min(r.start_date() for r in same)
        ends = [r.end_date() for r in same if r.end_date()]
        end = max(ends) if ends else None
        precision = dated[0].precision()
    else:
        start = None
        end = max((r.end_date() for r in reports if r.end_date()), default=None)  # "until October 25"
        precision = "unresolved"
    location_ids: dict[str, _Loc] = {}
    for r in reports:
        for loc in r.locations:
            location_ids.setdefault(loc.place_id, loc)
    places = [_loc_dict(loc, "location") for loc in location_ids.values()]
    mentioned: dict[str, _Loc] = {}
    for r in reports:
        for loc in r.mentioned + r.border_of:
            if loc.place_id not in location_ids:
                mentioned.setdefault(loc.place_id, loc)
    places += [_loc_dict(loc, "mentioned") for loc in mentioned.values()]
    set_aside: dict[str, tuple[_Loc, str]] = {}
    for r in reports:
        for loc, why in r.set_aside:
            if loc.place_id not in location_ids and loc.place_id not in mentioned:
                set_aside.setdefault(loc.place_id, (loc, why))
    # a far namesake: kept with the reason it is not used, so a reader can check it
    places += [_loc_dict(loc, "set aside", why) for loc, why in set_aside.values()]
    participants = sorted(set().union(*(r.participants for r in reports)))
    # a country that watches one report and takes part in another takes part
    observers = sorted(set().union(*(r.observers for r in reports)) - set(participants))
    evidence = sorted({(r.article, s, e, t) for r in reports for s, e, t in r.evidence})
    key = _norm_name(name) if name else f"{reports[0].article}:{reports[0].evidence[0][0]}"
    event_id = "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
    geometry_loc = min(location_ids.values(), key=lambda loc: (_KIND_RANK.get(loc.kind, 3), loc.start),
                       default=None)
    date_texts = [f"{r.article}: {r.date_text()}" for r in reports if r.date_text()]
    articles = sorted({r.article for r in reports} | {c for r in reports for c in copies.get(r.article, ())})
    aliases = sorted({n for r in reports for n in [r.name, *r.aliases] if n and n != name})
    conflicts = _conflicts(_distinct_reports(reports)[:Limits.CONFLICT_REPORTS])
    latest = sorted((r for r in reports if r.status()), key=lambda r: (r.article_date or dt.date.min, r.article))
    details = {
        "places": places,
        "evidence": [{"article": a, "start": s, "end": e, "text": t} for a, s, e, t in evidence],
        "reports": [{
            "article": r.article,
            "name": r.name,
            "aliases": list(r.aliases),
            "start_date": r.start_date(),
            "end_date": r.end_date(),
            "min_end_date": r.min_end_date(),
            "date_precision": r.precision(),
            "date_text": r.date_text(),
            "status": r.status(),
            # one sentence, and not the story's own exercise told up front ("a week after Armenia held
            # a staff exercise" at the end of a story about a clash)
            "passing": len(r.evidence) <= 1 and not (r.lead and r.up_front),
            "locations": [{k: v for k, v in _loc_dict(loc, "location").items() if k != "role"}
                          for loc in r.locations],
            "participants": sorted(r.participants),
        } for r in reports],
        "conflicts": conflicts,
        "copies": {r.article: sorted(copies[r.article]) for r in reports if r.article in copies},
    }
    return {
        "event_id": event_id,
        "name": name,
        "aliases": aliases,
        "label": next((r.label for r in reports if r.label), None),
        "start_date": start,
        "end_date": end,
        "date_precision": precision,
        "dated": start is not None,
        "status": latest[-1].status() if latest else "unknown",
        # mentioned in passing: no article is about it (a previous edition, an aside)
        "passing": all(rep["passing"] for rep in details["reports"]),
        "date_text": "; ".join(date_texts) or None,
        "place": geometry_loc.name if geometry_loc else None,
        "place_country": geometry_loc.country if geometry_loc else None,
        "lat": round(geometry_loc.lat, 5) if geometry_loc else None,
        "lon": round(geometry_loc.lon, 5) if geometry_loc else None,
        "participants": participants,
        "observers": observers,
        "n_articles": len(articles),
        "articles": articles,
        "n_conflicts": len(conflicts),
        "details": json.dumps(details, ensure_ascii=False, sort_keys=True),
        "_point": (geometry_loc.lon, geometry_loc.lat) if geometry_loc else None,
    }


_WORDS = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class _Print:
    """What duplicate finding keeps of an article: its date, a digest of its words and of each sentence."""

    name: str
    body: tuple[Any, str]
    sentences: tuple[tuple[Any, str], ...]


class _Duplicates:
    """Finds articles that repeat another, exactly or nearly, in time linear in the text.

    Two articles are duplicates when they have the same date and either the
    same words or, for articles of at least :attr:`Limits.NEAR_DUP_MIN_SENTENCES`
    sentences, :attr:`Limits.NEAR_DUP_SHARE` of their sentences in common
    (a wire story republished with another headline, a changed byline or a
    footer).  Each sentence is indexed once, under the original that had it,
    so no article is compared with all the others.  Articles come one at a
    time in any order; of a set of copies the one with the smallest name is
    the original (:meth:`replace` hands the index over when a smaller one
    comes later), so the result does not depend on the order.  Only digests
    are kept, never text.
    """

    def __init__(self) -> None:
        self._exact: dict[tuple[Any, str], str] = {}
        self._sentence_owner: dict[tuple[Any, str], str] = {}
        self._owned: dict[str, list[tuple[Any, str]]] = {}
        self._bodies: dict[str, list[tuple[Any, str]]] = {}
        self._size: dict[str, int] = {}
        self.copies: dict[str, list[str]] = {}

    @staticmethod
    def _digest(text: str) -> str:
        return hashlib.blake2b(" ".join(_WORDS.findall(text.casefold())).encode("utf-8"), digest_size=16).hexdigest()

    @classmethod
    def fingerprint(cls, article: Article, spans: Sequence[tuple[int, int]]) -> _Print:
        text = article.text
        # the headline is often rewritten when a story is republished: it does not count
        sentences = [cls._digest(text[a:b]) for a, b in spans if text[a:b] != article.title]
        empty = cls._digest("")
        keys = tuple((article.date, h) for h in dict.fromkeys(sentences) if h != empty)
        return _Print(article.name, (article.date, cls._digest(text[article.body_start:])), keys)

    def original_of(self, fp: _Print) -> str | None:
        """The original ``fp`` repeats, or None."""
        original = self._exact.get(fp.body)
        if original is not None or len(fp.sentences) < Limits.NEAR_DUP_MIN_SENTENCES:
            return original
        counts: dict[str, int] = {}
        for key in fp.sentences:
            owner = self._sentence_owner.get(key)
            if owner is not None:
                counts[owner] = counts.get(owner, 0) + 1
        for owner, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            if n / max(len(fp.sentences), self._size[owner]) >= Limits.NEAR_DUP_SHARE:
                return owner
            break
        return None

    def add_original(self, fp: _Print) -> None:
        if self._exact.setdefault(fp.body, fp.name) == fp.name:
            self._bodies.setdefault(fp.name, []).append(fp.body)
        self._size[fp.name] = len(fp.sentences)
        owned = self._owned.setdefault(fp.name, [])
        for key in fp.sentences:
            if self._sentence_owner.setdefault(key, fp.name) == fp.name:
                owned.append(key)

    def add_copy(self, original: str, name: str) -> None:
        self.copies.setdefault(original, []).append(name)

    def replace(self, original: str, fp: _Print) -> None:
        """``fp`` repeats ``original`` and has a smaller name: it becomes the original, ``original`` a copy.

        Everything indexed under ``original`` (its words, its sentences) is handed over, so later
        copies of either text find the new original.
        """
        for key in self._owned.pop(original, []):
            self._sentence_owner[key] = fp.name
            self._owned.setdefault(fp.name, []).append(key)
        for body in self._bodies.pop(original, []):
            self._exact[body] = fp.name
            self._bodies.setdefault(fp.name, []).append(body)
        size = self._size.pop(original, 0)
        self.add_original(fp)
        self._size[fp.name] = max(self._size[fp.name], size)
        self.copies[fp.name] = self.copies.pop(original, []) + [original]


def _iter_articles(articles: Any) -> Iterable[Article]:
    """Articles from an article, a path, a folder, a corpus table, a DataFrame, raw text, or an iterable, lazily."""
    from ..corpus import iter_articles  # every corpus source; see geodrills.corpus

    return iter_articles(articles)


def candidate_reports(article: Article) -> tuple[str, list[Any]]:
    """One article's candidate exercises, before the merge: ``(article name, reports)``.

    The unit of work :func:`extract_events` hands to a ``mapper`` (worker processes); the reports
    are opaque, picklable records that only the merge reads.
    """
    return _reports_of((article, _sentences(article)))


def _reports_of(item: tuple[Article, list[tuple[int, int]]]) -> tuple[str, list[Any]]:
    """:func:`candidate_reports` of an article whose sentences are already split (by the copy finder)."""
    article, spans = item
    return article.name, _article_reports(article, _locations_for(article, None), spans, second_look=True)


def extract_events(articles: Any, *, mentions: Any = None, progress: bool | None = None,
                   mapper: Callable[[Callable[[Article], Any], Iterable[Article]], Iterable[Any]] | None = None):
    """The military exercises the articles describe, one row per exercise.

    Parameters
    ----------
    articles : Article, path, directory, text, or an iterable of them
    mentions : mapping or DataFrame, optional
        Place mentions to use instead of running the geoparser: a mapping of
        article name to :class:`~geodrills.mentions.Mention` objects, or a
        frame shaped like :func:`~geodrills.mentions.geoparse_frame`'s.
    progress : bool, optional
        Draw a progress bar on stderr; by default only on a terminal and for
        enough articles to need one.
    mapper : callable, optional
        ``mapper(func, articles)`` yielding ``func(article)`` in order, e.g. a
        process pool's ordered map (the CLI passes its ``--jobs``/``--dask``
        map); it runs :func:`candidate_reports` on the originals (copies are
        found first, here).  Not used with ``mentions``.

    Returns
    -------
    geopandas.GeoDataFrame
        EPSG:4326, columns :data:`COLUMNS`; ``geometry`` is the point of the
        most precise location place (None when no place is known).
        ``places`` holds dicts (name, country, lat, lon, kind, place_id,
        role "location"/"mentioned"/"set aside", and a ``note`` for a place
        that stands in for a site or was set aside as a far namesake);
        ``reports`` what each article says;
        ``conflicts`` where articles contradict each other.  Rows are sorted
        by start date (undated last), then name; ``event_id`` depends only on
        the name (or the first evidence), so output is deterministic.

    Raises
    ------
    InputError
        Unreadable articles or malformed ``mentions``.

    Examples
    --------
    >>> from geodrills.articles import Article
    >>> a = Article.from_text("Turkish and Azerbaijani troops launched the TurAz Qartali 2022 exercise in Baku.",
    ...                       "x.txt")
    >>> extract_events([a])[["name", "participants"]].values.tolist()
    [['TurAz Qartali 2022', ['AZ', 'TR']]]
    """
    gpd = import_optional("geopandas", feature="extract_events")
    rows = _event_rows(articles, mentions=mentions, progress=progress, mapper=mapper)
    points = [row.pop("_point") for row in rows]
    shapely = import_optional("shapely", feature="extract_events")
    geometry = [shapely.Point(p) if p else None for p in points]
    frame = gpd.GeoDataFrame(rows, columns=COLUMNS[:-1], geometry=geometry, crs="EPSG:4326")
    for col in ("name", "label", "start_date", "end_date", "date_text", "place", "place_country", "lat", "lon"):
        # pandas turns None into NaN in all-missing columns; callers and JSON want None
        frame[col] = frame[col].astype(object).where(frame[col].notna(), None)
    return frame.reset_index(drop=True)


def event_records(articles: Any, *, mentions: Any = None, progress: bool | None = None,
                  mapper: Callable[[Callable[[Article], Any], Iterable[Article]], Iterable[Any]] | None = None
                  ) -> list[dict[str, Any]]:
    """:func:`events_to_records` of :func:`extract_events`, without building the frame.

    The same events, as plain JSON-ready dicts (``details`` an object, a missing value
    None), for writers that need no GeoDataFrame: pandas and geopandas are not imported (the
    ``geodrills events`` command uses it).  Parameters as for :func:`extract_events`.

    Examples
    --------
    >>> from geodrills.articles import Article
    >>> a = Article.from_text("Turkish and Azerbaijani troops launched the TurAz Qartali 2022 exercise in Baku.",
    ...                       "x.txt")
    >>> [(r["name"], r["participants"]) for r in event_records([a])]
    [('TurAz Qartali 2022', ['AZ', 'TR'])]
    """
    records = []
    for row in _event_rows(articles, mentions=mentions, progress=progress, mapper=mapper):
        rec = {col: row[col] for col in COLUMNS if col != "geometry"}
        rec["details"] = json.loads(rec["details"])
        records.append(rec)
    return records


def _event_rows(articles: Any, *, mentions: Any, progress: bool | None,
                mapper: Callable[[Callable[[Article], Any], Iterable[Article]], Iterable[Any]] | None
                ) -> list[dict[str, Any]]:
    """The events' rows (:func:`_event_row`), in output order: the work of :func:`extract_events`."""
    # Articles stream through one at a time; only each original's candidate reports and the
    # duplicate index (digests) are kept, so memory follows the events, not the text.
    duplicates = _Duplicates()
    replaced: set[str] = set()

    def originals() -> Iterator[tuple[Article, list[tuple[int, int]]]]:
        for article in progress_iter(_iter_articles(articles), desc="events", enabled=progress):
            # a copy of an article already read adds its name to that article's events, not new events
            spans = _sentences(article)  # (split once: the workers reuse them)
            fp = duplicates.fingerprint(article, spans)
            original = duplicates.original_of(fp)
            if original is None:
                duplicates.add_original(fp)
                yield article, spans
            elif article.name < original:
                # of a set of copies the smallest name is the original, whatever order they come in
                duplicates.replace(original, fp)
                replaced.add(original)
                yield article, spans
            else:
                duplicates.add_copy(original, article.name)

    if mentions is None and mapper is not None:
        found = mapper(_reports_of, originals())
    else:
        # with the caller's own places, no second look: those are the places they chose
        found = ((a.name, _article_reports(a, _locations_for(a, mentions), spans, second_look=mentions is None))
                 for a, spans in originals())
    reports = {name: reps for name, reps in found}
    all_reports = [r for name in sorted(reports) if name not in replaced for r in reports[name]]
    all_reports.sort(key=lambda r: (r.article, r.index))
    groups = _merge(all_reports)
    rows = [_event_row(g.reports, duplicates.copies) for g in groups]
    rows.sort(key=lambda row: (row["start_date"] is None, row["start_date"] or "", row["name"] or "",
                               row["event_id"]))
    return rows


# --------------------------------------------------------------------------
# output

def events_to_records(events) -> list[dict[str, Any]]:
    """Plain JSON-ready dicts, one per event: the flat columns, with ``details`` as an object.

    Examples
    --------
    >>> events_to_records(extract_events([], mentions={}))
    []
    """
    records = []
    for row in events.itertuples(index=False):
        rec = {col: getattr(row, col) for col in COLUMNS if col != "geometry"}
        rec["details"] = json.loads(rec["details"])
        records.append(rec)
    return records


def event_details(event: Any) -> dict[str, Any]:
    """The nested part of one event (a frame row, a record, or its ``details`` text) as a dict.

    Keys: ``places`` (name, country, lat, lon, kind, place_id, role
    ``"location"`` or ``"mentioned"``), ``evidence`` (article, start, end,
    text), ``reports`` (what each article says), ``conflicts`` (where the
    articles disagree, side by side) and ``copies`` (articles that repeat
    an article of the event).

    Examples
    --------
    >>> event_details('{"places": []}')
    {'places': []}
    """
    details = event if isinstance(event, (str, dict)) else event["details"]
    if isinstance(details, dict) and "details" in details and "event_id" in details:
        details = details["details"]
    return json.loads(details) if isinstance(details, str) else details


_PRECISION_COLOURS = {"day": "#1b6ca8", "month": "#5aa469", "year": "#d4a017"}
_UNDATED_COLOUR = "#888888"


def timeline_chart(events, *, title: str = "Military exercises", ax=None):
    """A timeline of the exercises, with the undated ones in a lane of their own.

    Each dated event is one row, labelled by its name (or its description),
    a bar from start to end (a diamond for a single day), coloured by date
    precision (day, month, year); a month- or year-precise date spans its
    whole month or year.  Undated events (``dated`` false) cannot be placed
    on a time axis: they are listed in an "undated" lane under the axis,
    never drawn at a guessed date.

    Parameters
    ----------
    events : DataFrame
        As returned by :func:`extract_events`.
    title : str
    ax : matplotlib Axes, optional
        Draw the dated events into an existing axes; the undated ones are
        then only counted in its title.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    MissingDependencyError
        matplotlib is not installed.

    Examples
    --------
    >>> fig = timeline_chart(extract_events([], mentions={}))  # doctest: +SKIP
    """
    import_optional("matplotlib", feature="timeline_chart", extra="notebooks")
    from matplotlib.dates import DateFormatter, date2num
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    dated, undated = [], []
    for row in events.itertuples(index=False):
        label = row.name or row.label or "exercise"
        who = "/".join(row.participants) if len(row.participants) else ""
        label = f"{label} ({who})" if who else label
        if not row.start_date or row.date_precision == "unresolved":
            undated.append(label)
            continue
        first = iso_bounds(row.start_date)[0]
        last = iso_bounds(row.end_date or row.start_date)[1]
        dated.append((first, last, label, row.date_precision))
    dated.sort()
    lane = None
    if ax is None:
        rows = max(1, len(dated))
        fig = Figure(figsize=(9, 1.6 + 0.45 * rows + (0.35 * len(undated) + 0.6 if undated else 0)))
        if undated:
            grid = fig.add_gridspec(2, 1, height_ratios=[rows, max(1, len(undated)) * 0.75])
            ax, lane = fig.add_subplot(grid[0]), fig.add_subplot(grid[1])
        else:
            ax = fig.add_subplot(111)
    else:
        fig = ax.figure
    for y, (first, last, label, precision) in enumerate(dated):
        colour = _PRECISION_COLOURS.get(precision, "#888888")
        if first == last:
            ax.plot([date2num(first)], [y], marker="D", color=colour, markersize=8, linestyle="none")
        else:
            ax.barh(y, date2num(last + dt.timedelta(days=1)) - date2num(first), left=date2num(first),
                    height=0.5, color=colour, alpha=0.85)
    ax.set_yticks(range(len(dated)))
    ax.set_yticklabels([d[2] for d in dated])
    ax.invert_yaxis()
    ax.xaxis_date()
    ax.xaxis.set_major_formatter(DateFormatter("%Y-%m"))
    ax.grid(axis="x", alpha=0.3)
    if lane is not None:
        # the undated lane: one row each, a hollow marker, no time axis
        lane.plot([0] * len(undated), range(len(undated)), marker="o", markerfacecolor="none",
                  color=_UNDATED_COLOUR, linestyle="none")
        lane.set_yticks(range(len(undated)))
        lane.set_yticklabels(undated)
        lane.invert_yaxis()
        lane.set_xticks([])
        lane.set_xlim(-1, 1)
        lane.set_title(f"undated ({len(undated)}): no date in the text, or no article date to count from",
                       fontsize="small", loc="left")
        ax.set_title(title)
    else:
        ax.set_title(title + (f" ({len(undated)} undated not shown)" if undated else ""))
    handles = [Line2D([0], [0], color=c, lw=6, label=f"{p} precision") for p, c in _PRECISION_COLOURS.items()]
    if undated:
        handles.append(Line2D([0], [0], marker="o", markerfacecolor="none", color=_UNDATED_COLOUR,
                              linestyle="none", label="undated"))
    # beside the axes, so the legend never covers a bar
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small")
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig
