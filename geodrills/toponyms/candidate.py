"""The candidate: a span that names gazetteer records, and the cues around it."""

from __future__ import annotations

from dataclasses import dataclass, field


__all__ = ["Candidate"]


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
    joined: bool = False  # joined to another name by '&' or '+' (a firm's name, unless the place is a big one)
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
