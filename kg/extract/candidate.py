"""What a sentence rule finds: a candidate event, before merging and date resolution.

Candidates hold no spaCy objects: offsets and strings only, so `normalize` is pure.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.models import EventType, Factuality, Mention, WeaponRef


@dataclass(frozen=True, slots=True)
class Candidate:
    type: EventType
    sentence: Mention  # the evidence sentence
    sentence_index: int  # position of the sentence in the article
    trigger: str  # the trigger word as written (for explanations)
    trigger_lemma: str
    actors: tuple[str, ...] = ()  # Launch: agent(s); Exercise: participants; Treaty: signatories
    needs_actor: bool = False  # the actor is a pronoun or left out: resolve from the discourse
    weapons: tuple[WeaponRef, ...] = ()
    weapon_class: str | None = None
    class_from_weapon_phrase: bool = False  # the class word sits in the phrase that names the weapon
    date_phrase: str | None = None
    date_role: str = ""  # "start", "end", "signed", "report" or "" (how the date relates to the event)
    identifying_date: bool = False  # in the noun phrase: "the 1953 armistice", "its June 26 launch"
    future: bool = False  # the date phrase points forward ("due to begin Monday")
    # the date phrase hangs from a verb in the present ("RIMPAC ends on Aug. 1", "slated to run
    # through Aug. 4"): the day so named nearest the dateline, before or after it
    present: bool = False
    # days after the event told before: "the same day" 0, "the following day" 1, "three days later" 3
    days_after_previous: int | None = None
    # days added to the day the date phrase names: "said on Sunday ..., a day after Putin oversaw
    # exercises" dates the exercises by "on Sunday" and -1
    date_offset: int = 0
    # months added to the month the date phrase names: "fired on Sunday, a month after it
    # launched a satellite" dates the satellite by "on Sunday" and -1, to the month
    month_offset: int = 0
    site: str | None = None
    same_site: bool = False  # "from the same area": the site of the launch told before
    outcomes: frozenset[str] = (
        frozenset()
    )  # "failure", "success", "flight" cues (see factuality.outcome_cues)
    count: int | None = None
    plural: bool = False  # "fired missiles", "the launches": more than one, how many untold
    factuality: Factuality = Factuality.ASSERTED
    speaker: str = (
        ""  # "agent" (the agent or its own media), "single" (one official, an accusation), "other", ""
    )
    speaker_states: tuple[str, ...] = ()
    name: str | None = None
    definite: bool = False  # "the launch", "the pact": refers back to an event already told
    distinct: bool = False  # "another", "similar", "second": a new event even if compatible
    # "The first launch was in November 2006": an ordinal occasion with its own date, the same
    # event only when that date is the event's ("its first test-firing over the weekend")
    ordinal_dated: bool = False
    indefinite: bool = False  # "a planned exercise" on a day told: the same one only with the same parties
    platform: str | None = None  # what fired it, when the subject names it ("Tu-95MS bombers fired ...")
    refers_to_pair: bool = False  # "the two leaders", "both sides": the parties of the treaty told before
    # states the sentence names only as where a treaty was signed ("is signed in Helsinki"): no parties
    places: tuple[str, ...] = ()
    generic: bool = False  # "North Korea has denounced joint drills": drills in general, no occasion
    renews: bool = False  # "agreed in 2021 to extend it": a new event of the treaty told (name, parties)
    succeeded: bool = False  # "replaces the 1961 Treaty": the earlier treaty of the told one's parties
    edition: bool = False  # "the 2023 edition": of the exercise series told last (its name and parties)
    ongoing: bool = False  # "ongoing drills": dated by the dateline's month when nothing else dates it
    # "two separate drills on Monday and Tuesday", "on Monday and again on Tuesday": each day its own
    # occasion (else drills on days that follow each other are one, dated by its start)
    apart: bool = False
    # "two missiles were also launched" (days_after_previous 0): on the day of the last event of
    # its type, not of the last event told
    beside_told: bool = False
    shot_down: bool = False  # told only as what defenders shot down ("intercepted a Houthi missile")


@dataclass(frozen=True, slots=True)
class Note:
    """A sentence that tells more about a launch without a launch word of its own: "the
    missile, the Hwasong-14, climbed to 2,802 km" names its weapon, "It crossed Hokkaido and
    plunged into the Pacific" its outcome, "the military detected the rocket ... from the
    Tongchang-ri area" its site."""

    sentence_index: int
    sentence: Mention
    weapon: WeaponRef | None = None
    outcomes: frozenset[str] = frozenset()
    every_launch: bool = False  # "All the missiles hit their targets": the outcome of each launch just told
    site: str | None = None  # "detected the rocket ... from the Tongchang-ri area"
