"""The extractor's word lists, read from the lexicon (cues.tsv, weapon_classes.tsv) once per
lexicon version: trigger and cue words, verbs of holding, signing and reporting, number words.

Every rule reads its words from here (`cues(view.lexicon)`), so extending what the extractor
recognises is a change to cues.tsv, where each group says what it is for. Only grammar stays
in code: prepositions, pronouns, modal auxiliaries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from kg.lexicon import Lexicon

# The weapon classes whose weapons fly (everything under these in the SKOS scheme); bombers,
# carriers and warships are platforms, not launched.
LAUNCHED_ROOTS = ("missile", "rocket", "artillery")


@dataclass(frozen=True, slots=True)
class Cues:
    # factuality, outcome and attribution
    expect: frozenset[str]
    negate: frozenset[str]
    denial: frozenset[str]  # "denied that it had fired": the clause they govern did not happen
    pledge: frozenset[str]
    failure: frozenset[str]
    success: frozenset[str]  # reported success: "successfully", "into orbit"
    flight: frozenset[str]  # a completed flight: "flew 800 km", "came down in the sea"
    flight_targets: frozenset[str]  # "toward the Kura range", "to a target on Kamchatka"
    success_destinations: frozenset[str]  # "into a 750-kilometer orbit"
    flight_waters: frozenset[str]  # "into the Taiwan Strait"
    own_media: tuple[str, ...]
    claim_verbs: frozenset[str]
    reporting: frozenset[str]
    nonevent: frozenset[str]
    commit: frozenset[str]  # "agreed to hold": the infinitive's event is expected
    plan_nouns: frozenset[str]  # "plan to launch"
    negatable: frozenset[str]  # "did not hold the drills"
    happen: frozenset[str]  # "the drill would begin Monday"
    aim: frozenset[str]  # "tried to put", "failed to reach"
    # launches
    launched: frozenset[str]  # weapon classes that fly
    numbers: Mapping[str, int]
    ordinals: frozenset[str]
    back_ordinals: frozenset[str]  # "the latter", "the former": what was told, no other occasion
    needs_projectile: frozenset[str]  # "flight", "shot": a launch only with what flew in the phrase
    occasion_nouns: frozenset[str]  # "A second attempt ... failed", "Another salvo followed"
    quantifiers: frozenset[str]  # "several launches": occasions, not launches in general
    distinct: frozenset[str]
    addition: frozenset[str]  # "two short-range missiles were also launched": besides the one told
    raising: frozenset[str]  # "was reported to have been tested": the raised subject was tested
    again: frozenset[str]  # "tested it again in 1992": another occasion of what was told
    recap: frozenset[str]  # "earlier launches", "recent tests": those told already
    launch_kind: frozenset[str]  # "notifications of launches": launches as a kind
    conduct: frozenset[str]
    command: frozenset[str]  # "Kim Jong Un oversaw the firing of cruise missiles": the subject's launch
    intent: frozenset[str]  # "threatened further missile strikes": the subject would do them
    satellite_heads: frozenset[str]
    elliptic_objects: frozenset[str]
    referring_weapon_nouns: frozenset[str]
    follow: frozenset[str]
    sequence_verbs: frozenset[str]  # "Thursday's launch followed the firing of ...": another occasion
    flight_verbs: frozenset[str]  # "a Hwasong-12 crossed Hokkaido": a flight told by its path
    intercept: frozenset[str]  # "intercept", "shoot down": the object is a target, not a projectile fired
    means_verbs: frozenset[str]  # "used a Sea Viper interceptor to shoot down ..."
    co_agent_preps: frozenset[str]  # "fired rockets alongside U.S. and Singaporean crews"
    intercept_words: tuple[str, ...]  # the last word of each: what an intercepting sentence spells
    same_day: re.Pattern[str]
    back_references: frozenset[str]
    collective: frozenset[str]  # "All the missiles hit their targets": every launch just told
    salvo_nouns: frozenset[str]  # "a barrage of Zolfaghar and Zelzal missiles": one launch of them all
    composition_words: frozenset[str]  # "the missiles included nine Zelzals": what one launch fired
    projectile_nouns: frozenset[str]
    state_nouns: frozenset[str]
    own_state_nouns: frozenset[str]  # "the country" a state's own media say launched: that state
    # exercises
    exercise_new: frozenset[str]  # "another drill", "a similar exercise": an exercise of its own
    habitual: re.Pattern[str]  # "on multiple occasions", "regularly": drills in general
    perfect_habit: frozenset[str]  # "has taken part in exercises before": a habit, no occasion
    any_kind: frozenset[str]  # "than any previous exercise": a kind, no occasion
    hold: frozenset[str]
    response: frozenset[str]
    naming: frozenset[str]
    involve: frozenset[str]
    start: frozenset[str]
    start_phrases: frozenset[str]  # a verb and its adverb that start drills: "got underway"
    end: frozenset[str]
    end_preps: frozenset[str]  # "until", "through": their object is the day drills end
    run: frozenset[str]  # start verbs and those that tell when an exercise ran
    duration: frozenset[str]
    name_intro: re.Pattern[str]
    # treaties
    treaty_sign: frozenset[str]  # verbs that conclude a treaty and date it
    treaty_party: frozenset[str]  # verbs whose subject is a party, not dating it
    statement: frozenset[str]  # "a joint statement issued Monday": made and dated like a signing
    reaction: frozenset[str]  # "a joint statement condemning the launch": no agreement
    bloc_members: frozenset[str]  # "the Warsaw Treaty countries": the name stands for a bloc
    bloc_heads: frozenset[str]  # "the former Warsaw Pact": the last word of a bloc's name
    former: frozenset[str]  # "former", "defunct"
    treaty_party_nouns: frozenset[str]  # "Russia's ratification of the CTBT": whose is a party
    brokers: frozenset[str]  # "a deal brokered by China": the by-agent is no party
    treaty_succession: frozenset[str]  # "replaces the 1961 Treaty of Friendship": the earlier one
    treaty_new: frozenset[str]  # "a new pact", "a separate agreement": a treaty of its own
    treaty_extend: frozenset[str]  # "extended New START for five years": a treaty event of its own
    pair_reference: re.Pattern[str]
    pair_of_leaders: re.Pattern[str]  # "the two leaders": the states of the leaders told last


_CACHE: dict[str, Cues] = {}


def _alternation(terms: Mapping[str, str]) -> str:
    return "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))


def _launched(lexicon: Lexicon) -> frozenset[str]:
    out = set()
    for label in lexicon.classes:
        cur: str | None = label
        while cur is not None and cur not in LAUNCHED_ROOTS:
            entry = lexicon.classes.get(cur)
            cur = entry.broader if entry is not None else None
        if cur is not None:
            out.add(label)
    return frozenset(out)


def _spelled(terms: Iterable[str]) -> tuple[str, ...]:
    """What a sentence that holds one of the verbs spells whatever its form: the particle of a
    phrasal verb ("shoot down": "down"), else the verb less its last letter ("destroy":
    "destroyed", "intercept": "intercepts")."""
    return tuple(sorted({t.split()[-1] if " " in t else t[:-1] for t in terms}))


def cues(lexicon: Lexicon) -> Cues:
    """The word lists of a lexicon, built once per lexicon version."""
    found = _CACHE.get(lexicon.version)
    if found is not None:
        return found

    def words(category: str) -> frozenset[str]:
        return frozenset(lexicon.cue_terms(category))

    start = words("exercise_start_verb")
    leaders = {t: v for t, v in lexicon.cue_terms("pair_reference").items() if v == "leaders"}
    found = _CACHE[lexicon.version] = Cues(
        expect=words("expect_cue"),
        negate=words("negate_cue"),
        denial=words("denial_verb"),
        pledge=words("pledge_cue"),
        failure=words("failure_cue"),
        success=words("success_cue"),
        flight=words("flight_cue"),
        flight_targets=words("flight_target_noun"),
        success_destinations=words("success_destination_noun"),
        flight_waters=words("flight_water_noun"),
        own_media=tuple(sorted(lexicon.cue_terms("own_media"), key=len, reverse=True)),
        claim_verbs=words("claim_verb"),
        reporting=words("reporting_verb"),
        nonevent=words("nonevent_modifier"),
        commit=words("commit_verb"),
        plan_nouns=words("plan_noun"),
        negatable=words("negatable_verb"),
        happen=words("happen_verb"),
        aim=words("aim_verb"),
        launched=_launched(lexicon),
        numbers=MappingProxyType({k: int(v) for k, v in lexicon.cue_terms("number_word").items()}),
        ordinals=words("ordinal_word"),
        back_ordinals=words("back_ordinal"),
        needs_projectile=words("launch_noun_needs_projectile"),
        occasion_nouns=words("occasion_noun"),
        quantifiers=words("launch_quantifier"),
        distinct=words("distinct_word"),
        addition=words("addition_adverb"),
        raising=words("raising_verb"),
        again=words("again_word"),
        recap=words("recap_word"),
        launch_kind=words("launch_kind_noun"),
        conduct=words("conduct_verb"),
        command=words("command_verb"),
        intent=words("intent_verb"),
        satellite_heads=words("satellite_launch_head"),
        elliptic_objects=words("elliptic_object"),
        referring_weapon_nouns=words("referring_weapon_noun"),
        follow=words("follow_verb"),
        sequence_verbs=words("sequence_verb"),
        flight_verbs=words("flight_verb"),
        intercept=words("intercept_verb"),
        means_verbs=words("means_verb"),
        co_agent_preps=words("co_agent_prep"),
        intercept_words=_spelled(lexicon.cue_terms("intercept_verb")),
        same_day=re.compile(
            r"\b(?:(?:six|five|four|three|two|ten|a few|several|\d+) )?"
            rf"(?:{_alternation(lexicon.cue_terms('same_day_phrase'))})\b"
            # "launched shortly after 1 a.m.": a time of the launch's own day, no other event's
            r"(?!\s+(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\b|\d{1,2}:\d\d|midnight|noon|dawn|dusk))",
            re.I,
        ),
        back_references=words("back_reference"),
        collective=words("collective_quantifier"),
        salvo_nouns=words("salvo_noun"),
        composition_words=words("composition_word"),
        projectile_nouns=words("projectile_noun"),
        state_nouns=words("state_noun"),
        own_state_nouns=words("own_state_noun"),
        exercise_new=words("exercise_new_word"),
        habitual=re.compile(rf"\b(?:{_alternation(lexicon.cue_terms('habitual_word'))})\b", re.I),
        perfect_habit=words("perfect_habit_word"),
        any_kind=words("any_kind_determiner"),
        hold=words("exercise_hold_verb"),
        response=words("exercise_response_verb"),
        naming=words("naming_verb"),
        involve=words("exercise_involve_verb"),
        start=start,
        start_phrases=words("exercise_start_phrase"),
        end=words("exercise_end_verb"),
        end_preps=words("end_preposition"),
        run=start | words("exercise_run_verb"),
        duration=words("duration_noun"),
        name_intro=re.compile(rf"\b(?:{_alternation(lexicon.cue_terms('name_intro'))})\s+$", re.I),
        treaty_sign=words("treaty_sign_verb"),
        treaty_party=words("treaty_party_verb"),
        statement=words("statement_verb"),
        reaction=words("reaction_verb"),
        bloc_members=words("bloc_member_noun"),
        bloc_heads=words("bloc_name_head"),
        former=words("former_word"),
        treaty_party_nouns=words("treaty_party_noun"),
        brokers=words("broker_verb"),
        treaty_succession=words("treaty_succession_verb"),
        treaty_new=words("treaty_new_word"),
        treaty_extend=words("treaty_extend_verb"),
        pair_reference=re.compile(rf"\b(?:{_alternation(lexicon.cue_terms('pair_reference'))})\b", re.I),
        pair_of_leaders=re.compile(rf"\b(?:{_alternation(leaders)})\b", re.I),
    )
    return found


__all__ = ["LAUNCHED_ROOTS", "Cues", "cues"]
