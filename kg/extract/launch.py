"""Launch rules: "North Korea fired four ballistic missiles", "the missile was launched from
Wonsan", "North Korea's latest missile launch ended in failure".

A launch trigger is a launch verb (fire, launch, test-fire, ...) with a projectile among its
arguments, or a launch noun (launch, test, firing, ...) that is not a modifier ("launch site")
nor a non-event ("nuclear test", "engine test"). Each trigger gives one candidate per agent.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from kg.dates import days_after_previous, resolve_each
from kg.extract.candidate import Candidate
from kg.extract.counts import number_word, projectile_noun, quantity
from kg.extract.cues import Cues, cues
from kg.extract.discourse import Discourse
from kg.extract.factuality import (
    OTHER_OCCASION_PREPS,
    attribution,
    factuality,
    habitual,
    outcome_cues,
    perfect_habit,
    planned_before,
)
from kg.extract.occasions import Occasion, find_occasions
from kg.extract.places import launch_site, place_label, same_place
from kg.extract.salvo import launch_of_a_whole, one_launch_of_parts, parts_of_one
from kg.extract.sentence import (
    LOCATION_PREPS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    DatePhrase,
    SentenceView,
    infinitive,
    lemmas,
)
from kg.lexicon import Lexicon
from kg.models import PRECISION_RANK, EventType, Factuality, Outcome, WeaponRef

if TYPE_CHECKING:
    from spacy.tokens import Token

_THIS = frozenset({"it", "this", "that"})  # grammar: what refers to the launch just told
_DEFINITE = frozenset({"the", "this", "that"})  # grammar: a noun told before
# grammar: words that tie a phrase or clause to another time, not to the launch's place or
# occasion ("after the drills", "before it test-fired one"); factuality.TEMPORAL_MARKS are the
# marks of a clause told as past fact, a different set
_TIME_LINKS = frozenset({"before", "after", "since", "until", "when", "while", "again"})
_ANCHOR_PROBE = dt.date(2001, 6, 15)


def _resolvable(text: str) -> bool:
    """True if the phrase names a date, or several coordinated ones ("May and August of last
    year", told as one event per date by kg.normalize)."""
    return bool(resolve_each(text, _ANCHOR_PROBE) or resolve_each(text, _ANCHOR_PROBE, future=True))


def _launchable_classes(view: SentenceView, tokens: list[Token]) -> list[tuple[int, str]]:
    """Class words naming a projectile; not those that only modify another noun ("rocket
    engine", "missile program", "missile launcher") other than a launch noun ("missile test")."""
    out = []
    c = cues(view.lexicon)
    for i, label in view.class_words(tokens):
        if label not in c.launched:
            continue
        root = view.doc[view.span_root[i]]
        if root.lemma_.lower() == "satellite" and not lemmas(root.head) & c.satellite_heads:
            continue  # "capable of destroying satellites" is no satellite launch
        if (
            root.dep_ in ("compound", "amod")
            and root.head.i not in view.classes
            and root.head.i not in view.weapons
        ):
            if root.head.lemma_.lower() not in view.lexicon.cue_terms("launch_noun"):
                continue  # "missile test", "missile strike" name a launch; "missile program" does not
        out.append((i, label))
    return out


def _launchable_weapons(view: SentenceView, tokens: list[Token]) -> list[WeaponRef]:
    return [w for w in view.weapon_refs(tokens) if w.weapon_class in cues(view.lexicon).launched]


def _launchable(view: SentenceView, tokens: list[Token]) -> bool:
    """True if the tokens name a launchable class or weapon ("two ballistic missiles", "a Hwasong-18")."""
    return bool(_launchable_classes(view, tokens) or _launchable_weapons(view, tokens))


def _has_projectile(
    view: SentenceView, tokens: list[Token], nouns: Mapping[str, str], nonevent: frozenset[str] = frozenset()
) -> bool:
    return _launchable(view, tokens) or any(
        t.lemma_.lower() in nouns and t.pos_ == "NOUN" and not _nonevent(t, nonevent) for t in tokens
    )


def _nonevent(noun: Token, nonevent: frozenset[str]) -> bool:
    """ "nuclear test", "ground test of a rocket engine", "engine test"."""
    if any(ch.lemma_.lower() in nonevent for ch in noun.children if ch.dep_ in ("compound", "amod", "nmod")):
        return True
    return any(
        t.lemma_.lower() in nonevent and t.dep_ in ("compound", "amod", "pobj")
        for t in noun.subtree
        if t.i > noun.i
    ) and any(t.lemma_.lower() == "engine" for t in noun.subtree)


def _origin_states(view: SentenceView, trigger: Token) -> list[str]:
    """States the place a launch came from lies in: "from near Sirsa in India's Haryana state",
    "from Sohae in North Korea" (not "from waters off Japan", nor "the Sea of Japan")."""
    out: list[str] = []
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ != "from":
            continue
        for tok in prep.subtree:
            if _other_clause_of(tok, prep):
                continue  # "from the Sunan area that landed inside Japan's EEZ": where it came down
            navy = view.lexicon.cue_terms("ship_prefix").get(tok.text)
            if navy and tok.dep_ == "compound" and navy not in out:
                out.append(navy)  # "fired from HMS Vengeance": a British launch
            if tok.i not in view.states:
                continue
            # "from Houthi-held territory": a state's name on the participle that holds the place
            if tok.dep_ in ("poss", "compound", "amod", "npadvmod") or (
                tok.dep_ == "pobj" and tok.head.lower_ == "in"
            ):
                out += [s for s in view.states_of([tok]) if s not in out]
    return out


def launcher_states(view: SentenceView) -> list[str]:
    """States whose projectiles the sentence names: a state modifying a projectile noun ("the
    Indian missile", "North Korea's missiles", "a North Korean test missile") and the operator
    of a named launchable weapon ("a Hwasong-12")."""
    out: list[str] = []
    for i, _label in _launchable_classes(view, list(view.sent)):
        noun = view.doc[view.span_root[i]]
        modifiers = [
            t for ch in noun.children if ch.dep_ in ("amod", "compound", "poss", "nmod") for t in ch.subtree
        ]
        out += view.states_of(modifiers)
    # the operator of a weapon only it fields: a Trident II is American or British
    out += [
        w.operator
        for w in _launchable_weapons(view, list(view.sent))
        if w.operator and len(view.lexicon.fielded_by(w.name)) == 1
    ]
    return out


def _fielder(view: SentenceView, weapon: WeaponRef, discourse: Discourse) -> str | None:
    """The state that fired a named weapon when the sentence does not say: its operator, or,
    for a system several states field (weapon_users.tsv), the one the article talks about most
    ("the Royal Navy ... a Trident II": British)."""
    states = view.lexicon.fielded_by(weapon.name) or ((weapon.operator,) if weapon.operator else ())
    told = [s for s in states if s in discourse.mentioned]
    if len(states) > 1 and told:
        return max(told, key=lambda s: (discourse.mentioned[s], s == discourse.topic))
    return states[0] if states else None


def _noun_phrase(noun: Token, listed: bool = True) -> list[Token]:
    """The noun and its modifiers, without clauses or prepositional phrases: what it names;
    with the nouns listed after it (appositions, conjuncts) unless `listed` is False."""
    out = [noun]
    for ch in noun.children:
        if ch.dep_ in ("compound", "amod", "nmod", "nummod", "det", "poss"):
            out.extend(ch.subtree)
        elif listed and ch.dep_ in ("appos", "conj"):
            out.extend(_noun_phrase(ch))
    return out


ARG_DEPS = frozenset({"dobj", "nsubjpass", "nsubj", "attr", "oprd", "dative", "npadvmod", "xcomp", "conj"})


def _reduced_relative_noun(tok: Token) -> Token | None:
    """The noun a participle right after it modifies when the parser made the participle a
    clause of its own: "answered with waves of ballistic missiles fired at Israeli cities",
    parsed with "fired" as a complement of "answered"."""
    if tok.tag_ != "VBN" or tok.dep_ not in ("ccomp", "conj", "advcl") or tok.i == tok.sent.start:
        return None
    if any(ch.dep_ in ("nsubj", "nsubjpass", "dobj", "aux", "auxpass") for ch in tok.children):
        return None
    before = tok.doc[tok.i - 1]
    return before if before.pos_ == "NOUN" and before.dep_ == "pobj" else None


def _what_clause(clause: Token) -> bool:
    """True for a clause that is the object of the launch verb it hangs from, told as "what ...":
    "fired what appeared to be a ballistic missile", "launched what it called a satellite" (the
    parser makes it a complement clause), or its passive subject ("what appeared to be two
    missiles were fired"). As object only under a verb of a main clause, where the parse is to
    be trusted (a launch verb the parser made the complement of another verb has lost its own
    phrases)."""
    verb = clause.head
    if clause.left_edge.tag_ != "WP" or clause.left_edge.lower_ != "what":
        return False
    if clause.dep_ == "csubjpass":
        # "what appeared to be two missiles were fired from near Hamhung": what was fired
        return clause.i < verb.i and any(ch.dep_ == "auxpass" for ch in verb.children)
    return (
        verb.dep_ in ("ROOT", "conj")
        and clause.dep_ in ("ccomp", "xcomp")
        and clause.i > verb.i
        and clause.left_edge.i == verb.i + 1
    )


def _args(tok: Token, raising: frozenset[str] = frozenset()) -> list[Token]:
    """Tokens of a verb's core arguments (subject, object, particles); for a verb in a
    relative clause or participle ("the missile it sent", "a missile fired from"), the noun
    it modifies."""
    out = []
    if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
        out.append(tok.head)
        # "waves of ballistic missiles fired at Israeli cities": what the waves are of
        out.extend(
            t for ch in tok.head.children if ch.dep_ == "prep" and ch.lower_ == "of" for t in ch.subtree
        )
    noun = _reduced_relative_noun(tok)
    if noun is not None:
        out.append(noun)
    if _misparsed_main_verb(tok):
        out.extend(t for t in tok.head.subtree if t.i > tok.i)
    if _raised_passive(tok, raising):
        # "The Ghauri was reported to have been tested in 2004": the subject the passive raised
        out.extend(t for ch in tok.head.children if ch.dep_ == "nsubjpass" for t in ch.subtree)
    for ch in tok.children:
        core = ch.dep_ in ARG_DEPS and not (ch.dep_ == "conj" and ch.pos_ == "VERB")
        if core or (ch.dep_ == "prep" and ch.lower_ in ("of", "into")) or _what_clause(ch):
            out.extend(ch.subtree)
    return out


def _another_kind(
    lexicon: Lexicon,
    kind: tuple[WeaponRef | None, str | None],
    told: tuple[WeaponRef | None, str | None] | None,
) -> bool:
    """True if a launch's (weapon, class) is not the one told before: another weapon, or a class
    that cannot be the told one's ("two short-range missiles" after a Shahab-3, "artillery" after
    ballistic missiles)."""
    if told is None:
        return True
    (weapon, wclass), (told_weapon, told_class) = kind, told
    if weapon is not None and told_weapon is not None:
        return weapon.name != told_weapon.name
    mine = wclass or (weapon.weapon_class if weapon else None)
    theirs = told_class or (told_weapon.weapon_class if told_weapon else None)
    return mine is not None and theirs is not None and not lexicon.classes_compatible(mine, theirs)


def _raised_passive(tok: Token, raising: frozenset[str]) -> bool:
    """True for a passive perfect infinitive under a passive verb of saying or believing:
    "The Ghauri was reported to have been tested in 2004", "is believed to have been launched"
    (raising_verb in cues.tsv); not "was designed to be launched from submarines" (a purpose)."""
    head = tok.head
    return (
        tok.dep_ == "xcomp"
        and any(ch.dep_ == "auxpass" for ch in tok.children)
        and any(ch.dep_ == "aux" and ch.lower_ == "have" for ch in tok.children)
        and any(ch.dep_ == "auxpass" for ch in head.children)
        and head.lemma_.lower() in raising
    )


def _another_occasion(tok: Token, triggers: set[int]) -> bool:
    """True if a trigger hangs from the trigger above it through "since", "after" or "before":
    "It has not fired a missile since late November, when it tested the Hwasong-15" tells two
    occasions, not one."""
    when = any(ch.dep_ == "advmod" and ch.lower_ == "when" for ch in tok.children)
    marks = {ch.lower_ for ch in tok.children if ch.dep_ == "mark"}
    if tok.dep_ == "advcl" and marks & OTHER_OCCASION_PREPS:
        return True  # "fired a missile on Sunday, a week after it fired two cruise missiles"
    for anc in tok.ancestors:
        if anc.i in triggers:
            # "the first launch since early March, when it fired ...", parsed with the clause on
            # the launch rather than on the date
            return when and any(
                ch.dep_ == "prep" and ch.lower_ in OTHER_OCCASION_PREPS for ch in anc.children
            )
        if anc.dep_ == "prep" and anc.lower_ in OTHER_OCCASION_PREPS:
            return True
    return False


def _elliptic_object(verb: Token, c: Cues) -> Token | None:
    """The object of "test-fired one", "fired two more", "launched another": it stands for a
    projectile named before."""
    for ch in verb.children:
        if ch.dep_ == "dobj" and (ch.lower_ in c.elliptic_objects or ch.pos_ == "NUM"):
            return ch
        if (
            ch.dep_ == "nsubjpass"
            and ch.lower_ in c.ordinals
            and any(d.dep_ == "det" and d.lower_ == "the" for d in ch.children)
        ):
            return ch  # "The first was launched early Sunday": the first of the launches told
    referring = _referring_weapon(verb, c)
    if referring is not None and referring.lemma_.lower() not in c.projectile_nouns:
        return referring  # "test-fired the system again": "the missile" names a projectile itself
    return None


def _launch_of_something_else(
    view: SentenceView, noun: Token, exercise_nouns: Collection[str], c: Cues
) -> bool:
    """True for a launch noun whose "of" object is an exercise or a vessel, not a projectile:
    the start of drills ("the launch of the week-long joint naval drills") or a ship put to sea
    ("the launch of a new submarine")."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            if obj.lemma_.lower() in exercise_nouns:
                return True
            label = view.classes.get(obj.i)
            if label is not None and view.span_root.get(obj.i) == obj.i and label not in c.launched:
                return True
    return False


def _habit_in_the_passive(view: SentenceView, verb: Token, c: Cues) -> bool:
    """True for a present passive with a word of habit of its own and no day ("missiles which
    are test-fired quite regularly", "The Agni is tested every year"); not "is test-fired on
    Monday from the island where India regularly tests its missiles" (a day, and the habit is
    another clause's)."""
    if verb.tag_ != "VBN" or not any(
        ch.dep_ == "auxpass" and ch.tag_ in ("VBZ", "VBP") for ch in verb.children
    ):
        return False
    own = [t for ch in verb.children if ch.dep_ in ("advmod", "npadvmod") for t in ch.subtree]
    if not own or not c.habitual.search(" ".join(t.text for t in own)):
        return False
    habit = {t.i for t in own}
    return not [p for p in view.dates_in(list(verb.subtree)) if p.root not in habit and _resolvable(p.text)]


def _what_it_is_for(view: SentenceView, verb: Token, lexicon: Lexicon) -> bool:
    """True for a launch verb that tells what a weapon is for or can do, not an occasion: an
    infinitive under a verb of purpose in an undated bare participle or a relative clause in the
    present ("rockets used to launch satellites", "a rocket designed to launch satellites", "the
    rocket North Korea uses to launch satellites"), or a gerund under a word of capability
    ("capable of launching"). Not "the Chollima-1, used to launch a satellite on Monday," (a day
    makes it an occasion), nor a headline's "North Korea uses a new rocket to launch a satellite"."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ == "of":
        return head.head.lemma_.lower() in lexicon.cue_terms("capability_word")
    if (
        verb.dep_ != "xcomp"
        or not infinitive(verb)
        or head.lemma_.lower() not in lexicon.cue_terms("purpose_verb")
    ):
        return False
    if view.dates_in(list(head.subtree)):
        return False
    bare_participle = head.tag_ == "VBN" and not any(ch.dep_ in ("aux", "auxpass") for ch in head.children)
    return bare_participle or (head.tag_ in ("VBZ", "VBP") and head.dep_ in ("relcl", "acl"))


def _referring_weapon(verb: Token, c: Cues) -> Token | None:
    """The object (or passive subject) of a launch verb that stands for the weapon told before:
    "the system", "this weapon", "the missile" -- a definite noun of its own, no class or name
    with it ("the cruise missile", "the Agni system" say what they are)."""
    candidates = [ch for ch in verb.children if ch.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "relcl" and not candidates:
        candidates = [verb.head]  # "the same type the North fired on May 4": the object is the head
    return next((ch for ch in candidates if _refers_back(ch, c)), None)


def _refers_back(noun: Token, c: Cues) -> bool:
    """True for "the system", "this weapon", "the same missile": a definite noun of its own that
    stands for the weapon told before, with no class or name with it."""
    return (
        noun.lemma_.lower() in c.referring_weapon_nouns
        and any(d.dep_ == "det" and d.lower_ in _DEFINITE for d in noun.children)
        and not any(
            d.dep_ in ("compound", "nmod", "nummod") or (d.dep_ == "amod" and d.lower_ != "same")
            for d in noun.children
        )
    )


def _referring_of(noun: Token, c: Cues) -> bool:
    """True for a launch noun whose "of" names the weapon told before by a definite noun of its
    own: "the first test of the missile", "the launch of the system"."""
    return any(
        _refers_back(obj, c)
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children
        if obj.dep_ == "pobj"
    )


def _instrument(view: SentenceView, verb: Token) -> list[Token]:
    """The projectile a verb of striking was done with ("struck the city with the Oreshnik",
    "answered with waves of ballistic missiles"): the tokens of its "with" phrase, if that
    names a launchable weapon or class; [] otherwise ("hit with sanctions")."""
    phrase = [t for ch in verb.children if ch.dep_ == "prep" and ch.lower_ == "with" for t in ch.subtree]
    if phrase and _launchable(view, phrase):
        return phrase
    return []


def _after_launch_prefix(tok: Token, prefixes: Mapping[str, str]) -> bool:
    """True for a word right after a launch prefix and its hyphen ("a test-fire", "test-flew"),
    or after the prefix written apart as its modifier ("the first successful test fire of")."""
    before = tok.doc[tok.i - 1] if tok.i - 1 >= tok.sent.start else None
    if before is not None and before.dep_ == "compound" and before.head.i == tok.i:
        return before.lower_ in prefixes
    return (
        tok.i - 2 >= tok.sent.start
        and tok.doc[tok.i - 1].text == "-"
        and not tok.doc[tok.i - 1].whitespace_
        and tok.doc[tok.i - 2].lower_ in prefixes
    )


def _since_another(noun: Token) -> bool:
    """True for a launch noun measured from another occasion ("the North's first missile launch
    since March 27"): that occasion is a launch of its own."""
    return any(ch.dep_ == "prep" and ch.lower_ in OTHER_OCCASION_PREPS for ch in noun.children)


def _told_again(verb: Token, c: Cues) -> bool:
    """True for a verb told "again" ("tested it again in 1992"): another occasion of what was fired."""
    return any(ch.dep_ == "advmod" and ch.lower_ in c.again for ch in verb.children)


def _transitive_use(view: SentenceView, verb: Token, prefixes: Mapping[str, str]) -> bool:
    """True for a verb with a projectile for object ("flew the ICBM") or passive subject ("the
    Agni-5 was flown"), or after a launch prefix ("test-flew"); not "the missile flew 800 km"."""
    return _after_launch_prefix(verb, prefixes) or any(
        ch.dep_ in ("dobj", "nsubjpass") and _launchable(view, list(ch.subtree)) for ch in verb.children
    )


def find_triggers(view: SentenceView, lexicon: Lexicon, c: Cues, told: bool = False) -> list[Token]:
    """Launch triggers of a sentence; `told`: a launch with a projectile was told before, so
    an elliptic object ("it fired two more") may refer to it, an ordinal attempt or salvo is one
    more occasion of it ("A second attempt, in February 2023, failed"), and "It was the third
    attempt this year ..." is that launch said again."""
    verbs = lexicon.cue_terms("launch_verb")
    prefixes = lexicon.cue_terms("launch_verb_prefix")
    transitive = lexicon.cue_terms("launch_verb_transitive")
    weak = lexicon.cue_terms("launch_verb_weak")
    nouns = lexicon.cue_terms("launch_noun")
    exercise_nouns = lexicon.cue_terms("exercise_noun")
    strikes = lexicon.cue_terms("strike_verb")
    particles = lexicon.cue_terms("launch_verb_particle")
    found: list[Token] = []
    for tok in view:
        lemma = tok.lemma_.lower()
        if (
            tok.lower_ in ("lift", "blast")
            and tok.i + 2 < view.sent.end
            and view.doc[tok.i + 1].text == "-"
            and view.doc[tok.i + 2].lower_ == "off"
        ):
            found.append(tok)  # "shortly after lift-off late on Monday"
            continue
        # "will test-fire an Agni-V": a verb the tagger took for a noun has a verb's dependents
        again = _told_again(tok, c)
        verbal = (
            lemma in verbs
            or (lemma in transitive and (_transitive_use(view, tok, prefixes) or _referring_weapon(tok, c)))
            # "first flew the Agni in May 1989, and tested it again in 1992": another flight of it
            or (lemma in transitive and again and _elliptic_object(tok, c) is not None)
        ) and (
            # the lemma first: it rules out most tokens
            tok.pos_ == "VERB" or (tok.pos_ == "NOUN" and {"aux", "dobj"} <= {ch.dep_ for ch in tok.children})
        )
        if verbal:
            needed = particles.get(lemma)
            if needed is not None and not any(
                ch.dep_ in ("prt", "advmod") and ch.lower_ == needed for ch in tok.children
            ):
                continue  # "lifted sanctions", "carried a warhead": no launch without "off", "aloft"
            if {f"{lemma} {ch.lower_}" for ch in tok.children if ch.dep_ == "prt"} & c.negate:
                continue  # "the test was put off": a verb with a particle that calls it off
            if _intercepts(tok, c):
                continue  # "shot down a ballistic missile": the target, not what was fired
            said_of_told = (  # an infinitive on the attempt: not "..., when it fired a Khorramshahr"
                tok.dep_ in ("acl", "xcomp")
                and infinitive(tok)
                and tok.head.lemma_.lower() in nouns
                and tok.head.dep_ == "attr"
                and any(s.dep_ == "nsubj" and s.lower_ in _THIS for s in tok.head.head.children)
            )
            if said_of_told and told:
                continue  # "It was the third attempt this year to place a satellite in orbit": the one told
            args = _args(tok, c.raising)
            if (
                again
                and tok.dep_ == "conj"
                and not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in tok.children)
            ):
                # "The Agni-II was first tested in April 1999 and was fired again in 2001": the
                # subject the two verbs share is what was fired
                args += [t for s in view.subject(tok.head) for t in s.subtree]
            if any(t.lemma_.lower() in exercise_nouns for t in args if t.dep_ in ("dobj", "nsubjpass")):
                continue
            if not _has_projectile(view, args, nouns if lemma in weak else {}, c.nonevent):
                # "before it successfully test-fired one", "three days later, it fired two more":
                # an elliptic object, when the sentence or the launch told before names what is fired
                elliptic = _elliptic_object(tok, c)
                if (
                    elliptic is None
                    # "had also tested that model in July": a weak verb, but of the weapon told
                    or (
                        lemma in weak
                        and elliptic.lemma_.lower() not in c.referring_weapon_nouns
                        and not again
                    )
                    or not (told or _has_projectile(view, list(view.sent), {}))
                ):
                    continue
            core = [t for ch in tok.children if ch.dep_ in ("dobj", "nsubjpass") for t in _noun_phrase(ch)]
            if tok.dep_ in ("relcl", "acl"):
                core += _noun_phrase(tok.head)
            if (
                lemma in lexicon.cue_terms("launch_verb_object")
                and not _launchable_classes(view, core)
                and not _launchable_weapons(view, core)
            ):
                continue  # "put the distance at 4,600 km, the farthest a ... missile has flown"
            if _what_it_is_for(view, tok, lexicon):
                continue  # "rockets used to launch satellites", "capable of launching satellites"
            if tok.tag_ == "VBN" and perfect_habit(tok, c):
                continue  # "has sent rockets across Japan before": habitual, no occasion
            if tok.tag_ in ("VBZ", "VBP") and habitual(tok, c):
                continue  # "The US Navy, which operates the same missile, tests it far more often"
            if _habit_in_the_passive(view, tok, c):
                continue  # "missiles which are test-fired quite regularly", "The Agni is tested every year"
            found.append(tok)
        elif lemma in strikes and tok.pos_ == "VERB" and _instrument(view, tok):
            found.append(tok)  # "Russia struck Dnipro with a new intermediate-range missile"
        elif (
            tok.pos_ in ("NOUN", "PROPN")
            # "A test-fire of the Hwasong-16B was conducted": a launch verb made a noun by its prefix
            and (lemma in nouns or (lemma in verbs and _after_launch_prefix(tok, prefixes)))
            and tok.dep_ not in ("compound", "amod")
        ):
            if _launch_of_something_else(view, tok, exercise_nouns, c):
                continue  # "attended the launch of the joint naval drills", "the launch of a new submarine"
            sub = list(tok.subtree)
            if tok.dep_ == "dobj" and lemmas(tok.head) & c.conduct:
                # "the missile underwent a successful night trial", "the KN-23 made its debut"
                sub += [t for s in view.subject(tok.head) for t in _noun_phrase(s)]
            if _nonevent(tok, c.nonevent):
                continue
            if (
                tok.dep_ == "pobj"
                and tok.head.lower_ == "as"
                and tok.tag_ == "NNS"
                and not any(ch.dep_ in ("det", "poss", "nummod") for ch in tok.children)
            ):
                continue  # "described all of them as satellite launches": a category, not an occasion
            bare_plural = (
                tok.tag_ == "NNS"
                and not any(ch.dep_ in ("det", "nummod") for ch in tok.children)
                and not any(ch.lower_ in c.quantifiers or ch.lower_ in c.distinct for ch in tok.children)
            )
            if bare_plural and not view.dates_in(list(view.sent)):
                # "a pretext for its own missile tests": launches in general, in a sentence that
                # dates none ("several launches", "further launches" count occasions)
                continue
            doing = view.nearest_verb(tok) if bare_plural else None
            if doing is not None and (
                perfect_habit(doing, c)
                or any(ch.dep_ == "advmod" and c.habitual.search(ch.text) for ch in doing.children)
            ):
                # "have routinely carried out missile tests since 1998": a habit, no occasion (the
                # verb's own word of habit, not one of a clause on its phrases: "conducted missile
                # tests on Monday in defiance of resolutions it has repeatedly ignored")
                continue
            if (
                tok.dep_ in ("attr", "oprd")
                and any(
                    s.lemma_.lower() in nouns
                    or (told and s.lower_ in _THIS and (lemma == "attempt" or not _since_another(tok)))
                    for s in tok.head.children
                    if s.dep_ in ("nsubj", "nsubjpass")
                )
                and not _launchable_weapons(view, sub)
            ):
                # "its June 26 launch had been a successful test of ...", "the launch was the
                # North's third attempt this year", after a launch "It was the third attempt
                # this year to place a satellite into orbit", "It is Pakistan's first missile
                # launch of 2017": the same launch
                continue
            definite = any(ch.dep_ in ("det", "poss") for ch in tok.children)
            # "two failed attempts" count when the sentence names what was launched
            judged_attempt = (
                lemma == "attempt"
                and any(ch.lower_ in ("failed", "successful", "unsuccessful") for ch in tok.children)
                and _has_projectile(view, list(view.sent), {})
            ) or (
                # "Russia tested a Sarmat ... A second attempt, in February 2023, failed", "Another
                # salvo followed on Jan. 30": another occasion of what the launch told before fired
                # ("It was the third attempt this year" is the launch told, said again)
                (lemma in c.occasion_nouns or lemma in nouns)
                and told
                and tok.dep_ != "attr"
                and any(ch.lower_ in c.ordinals or ch.lower_ in c.distinct for ch in tok.children)
            )  # "Two similar tests last year ended in failure": more of what was fired
            if (
                lemma != "launch"
                and not _has_projectile(view, sub, {})
                and not (definite and lemma == "test")
                and not judged_attempt
            ):
                continue
            if (
                (lemma in c.needs_projectile or lemma in c.occasion_nouns)
                and not _has_projectile(view, sub, {})
                and not judged_attempt
            ):
                continue
            found.append(tok)
    # A launch noun that is an argument of a launch verb ("carried out a test") is the verb's
    # event; so is a definite one inside another trigger's clause ("... soon after its launch").
    verb_idx = {t.i for t in found if t.pos_ == "VERB"}
    all_idx = {t.i for t in found}
    out = []
    for tok in found:
        if tok.pos_ == "VERB":
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if (
                subj
                and all(c.lower_ in ("it", "they") for c in subj)
                and any(a.i in all_idx for a in tok.ancestors)
                and not _another_occasion(tok, all_idx)
            ):
                continue
            if (
                tok.dep_ in ("acl", "xcomp", "relcl")
                and tok.head.i in all_idx
                and tok.head.pos_ == "NOUN"
                and not _another_occasion(tok, all_idx)
            ):
                continue  # "its attempt to put a satellite into orbit": the attempt is the event
            aiming = tok.head
            if (
                tok.dep_ == "xcomp"
                and aiming.tag_ == "VBG"
                and aiming.dep_ == "advcl"
                and aiming.head.i in all_idx
            ):
                continue  # "launched the rocket on Monday, hoping to place the satellite in orbit": its aim
            describes_projectile = tok.head.i in view.classes or tok.head.i in view.weapons
            if tok.dep_ in ("acl", "relcl") and describes_projectile and _under_trigger_phrase(tok, all_idx):
                continue  # "carried out its first test of an SLBM, fired from its new submarine"
            prev = tok.doc[tok.i - 1] if tok.i > tok.sent.start + 1 else None
            if (
                prev is not None
                and prev.text == "-"
                and not prev.whitespace_
                and tok.doc[tok.i - 2].lower_ not in lexicon.cue_terms("launch_verb_prefix")
            ):
                continue  # "submarine-launched", not "test-fired" or "flight-tested"
        if tok.pos_ != "VERB":
            definite = any(
                ch.dep_ in ("det", "poss") and ch.lower_ in ("the", "its", "this", "that", "their")
                for ch in tok.children
            )
            if definite and any(a.i in all_idx for a in tok.ancestors):
                continue
            head = tok.head
            if head.i in verb_idx or (
                head.dep_ == "prep" and head.head.i in verb_idx and head.lower_ not in _TIME_LINKS
            ):
                continue
            if tok.dep_ == "npadvmod" and tok.head.pos_ == "VERB" and tok.head.lemma_ in ("fire", "launch"):
                continue  # "test" of "test-fired"
        out.append(tok)
    return out


def _told_after(view: SentenceView, trig: Token, triggers: list[Token]) -> list[Token]:
    """The tokens after a trigger up to the next trigger of the sentence, without the phrases of
    other triggers ("fired a missile days after a failed satellite launch": not "failed")."""
    later = [t.i for t in triggers if t.i > trig.i]
    end = min(later) if later else view.sent.end
    others = {t.i for o in triggers if o.i != trig.i for t in o.subtree if t.i < o.i}
    return [t for t in view.doc[trig.i + 1 : end] if t.i not in others]


def _under_trigger_phrase(tok: Token, triggers: set[int]) -> bool:
    """True if tok hangs from another trigger through nouns and prepositions only."""
    for anc in tok.ancestors:
        if anc.i in triggers:
            return True
        if anc.pos_ in ("VERB", "AUX"):
            return False
    return False


def _scope(tok: Token, others: set[int], c: Cues) -> list[Token]:
    """The tokens that describe the trigger's event: its subtree, less the subtrees of other
    triggers and of embedded clauses, except clauses that go on describing it (follow verbs)."""
    out = []
    stack = [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        for ch in t.children:
            if ch.i in others:
                continue
            if t is tok and _what_clause(ch):
                out.extend(ch.subtree)  # "fired what appeared to be a ballistic missile": what was fired
                continue
            if ch.dep_ in ("ccomp", "advcl", "relcl", "parataxis", "conj", "xcomp") and ch.pos_ in (
                "VERB",
                "AUX",
            ):
                if ch.lemma_.lower() in c.follow:
                    stack.append(ch)
                continue
            stack.append(ch)
    return sorted(out, key=lambda t: t.i)


def _of_run(view: SentenceView, trig: Token) -> list[Token]:
    """The words after a launch noun's "of" up to the next punctuation, when they name what was
    fired but the parser hung them elsewhere: "a training launch of surface to surface ballistic
    missile Ghaznavi" (the unhyphenated "to surface" read as a verb)."""
    of = next((ch for ch in trig.children if ch.dep_ == "prep" and ch.lower_ == "of"), None)
    if of is None or any(t.i in view.classes or t.i in view.weapons for t in of.subtree):
        return []
    run = []
    for t in view.doc[of.i + 1 : view.sent.end]:
        if (t.is_punct and t.text != "-") or t.pos_ == "CCONJ" or (t.pos_ == "VERB" and t.tag_ != "VBN"):
            break  # not into "... and the firing of two cruise missiles"
        run.append(t)
    return run if any(t.i in view.classes or t.i in view.weapons for t in run) else []


def _misparsed_main_verb(tok: Token) -> bool:
    """A finite launch verb the parser took for an adjective: "Pakistan test-fired Ababeel
    missiles on Oct. 18" parsed as one noun phrase with no verb. The sentence's root is a noun,
    the verb modifies it and a name stands before the verb ("the recently launched satellite"
    is a real modifier)."""
    head = tok.head
    return (
        tok.dep_ == "amod"
        and tok.tag_ in ("VBD", "VBN")
        and tok.sent.root.pos_ in ("NOUN", "PROPN")
        and not any(t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT" for t in tok.sent)
        and (
            any(
                ch.dep_ in ("amod", "compound", "nmod", "dep") and ch.pos_ == "PROPN" and ch.i < tok.i
                for ch in head.children
            )
            # "Pakistan on Tuesday test-fired Shaheen-III, a ...": the name is the root;
            # "Pakistan on Thursday test-fired surface-to-surface ballistic missile Shaheen-II":
            # a state is ("Kim Jong Un with newly launched Hwasong-19 missiles" is a caption)
            or (
                tok.sent.root.pos_ == "PROPN"
                and tok.sent.root.i < tok.i
                and (head.dep_ == "appos" or tok.sent.root.ent_type_ == "GPE")
            )
        )
    )


def _agent_tokens(view: SentenceView, tok: Token) -> tuple[list[Token], bool]:
    """(tokens that may name the agent, whether the agent is a pronoun or left out)."""
    if tok.pos_ == "VERB":
        by = view.passive_agent(tok)
        if by:
            return [t for b in by for t in b.subtree], False
        if tok.dep_ == "acl" or _reduced_relative_noun(tok) is not None:
            means = _means_subject(view, tok)
            if means:  # "retaliated with a volley of missiles aimed at the base"
                return [t for s in means for t in view.collect(s)], False
        subj = view.subject(tok)
        if not subj and _misparsed_main_verb(tok):
            # "Pakistan test-fired Ababeel missiles": parsed as "[Pakistan test-fired] missiles"
            before = [
                ch for ch in tok.head.children if ch.i < tok.i and ch.dep_ in ("amod", "compound", "nmod")
            ]
            return [t for b in before for t in b.subtree], False
        if not subj:
            return [], True
        toks = [t for s in subj for t in view.collect(s)]
        return toks, any(
            s.lower_ in PRONOUNS or s.lemma_.lower() in cues(view.lexicon).state_nouns for s in subj
        )
    toks = []
    c = cues(view.lexicon)
    own = [ch for ch in tok.children if ch.dep_ == "poss" or (ch.dep_ == "prep" and ch.lower_ == "by")]
    means = [] if own else _means_subject(view, tok)
    if means:  # "Iran answered with waves of ballistic missiles"
        return [t for s in means for t in view.collect(s)], False
    if tok.dep_ == "dobj" and (
        lemmas(tok.head) & c.conduct or (lemmas(tok.head) & (c.intent | c.command) and not own)
    ):
        # "South Korea carried out its first test of an SLBM", "the Guards threatened further
        # missile strikes", "Kim Jong Un directed the firing of cruise missiles": the doer
        subj = view.subject(tok.head)
        if subj:
            toks = [t for s in subj for t in view.collect(s)]
            return toks, any(
                s.lower_ in PRONOUNS or s.lemma_.lower() in cues(view.lexicon).state_nouns for s in subj
            )
    for ch in tok.children:
        if ch.dep_ in ("poss", "compound", "amod", "nmod"):
            toks.extend(ch.subtree)
        elif ch.dep_ == "prep" and ch.lower_ in ("by", "of"):
            for gc in ch.children:
                # "a volley of ballistic missiles aimed at the Al Udeid air base in Qatar": not Qatar's
                toks.extend(
                    t for t in view.collect(gc) if t.dep_ in ("poss", "compound", "amod", "pobj") or t is gc
                )
                if ch.lower_ == "by":
                    toks.extend(gc.subtree)
    if tok.dep_ == "nsubj" and tok.head.lemma_ == "be" and not view.states_of(toks):
        # "Tuesday's launch was Pyongyang's fifth in 10 days": whose fifth
        for attr in (ch for ch in tok.head.children if ch.dep_ == "attr"):
            toks.extend(t for ch in attr.children if ch.dep_ == "poss" for t in ch.subtree)
    pron = any(t.lower_ in PRONOUNS and t.dep_ == "poss" for t in toks)
    return toks, pron or not toks


def _speaker_own(view: SentenceView, trig: Token, c: Cues) -> bool:
    """True if the doer of a reported launch is a pronoun, "the country" or "the nation" alone
    (own_state_noun), or is owned by a pronoun: "it had test-fired", "the country had tested",
    "its warships fired", "its warships have carried out missile firings"."""
    if trig.pos_ == "VERB":
        doers = view.subject(trig)
    elif trig.dep_ == "dobj" and lemmas(trig.head) & c.conduct:
        doers = view.subject(trig.head)
    else:
        return False
    own = (
        view.lexicon.cue_terms("forces_noun").keys()
        | view.lexicon.cue_terms("platform_noun").keys()
        | view.lexicon.cue_terms("taking_part_noun").keys()
    )
    return any(
        d.lower_ in ("it", "they")
        # "North Korea's state media claimed the country had tested a new cruise missile" (not
        # "said the regime fired", "the reclusive country": another state, told by how it is seen)
        or (d.lemma_.lower() in c.own_state_nouns and [ch.lower_ for ch in d.children] == ["the"])
        or (
            d.lemma_.lower() in own  # "its warships", not "its enemies"
            and any(ch.dep_ == "poss" and ch.lower_ in ("its", "their") for ch in d.children)
        )
        for d in doers
    )


def _co_agents(view: SentenceView, verb: Token, c: Cues) -> list[str]:
    """States that fire beside the subject: "Australian soldiers fired HIMARS rockets at
    Shoalwater Bay alongside U.S. and Singaporean crews" (a launch of each, as a drill in which
    two states fire is)."""
    if verb.pos_ != "VERB":
        return []
    own = [t for t in verb.subtree if not _other_clause_of(t, verb)]
    return view.states_of(
        [t for p in own if p.dep_ == "prep" and p.lower_ in c.co_agent_preps for t in p.subtree]
    )


def _sentence_antecedent(view: SentenceView, verb: Token) -> list[str]:
    """The state a pronoun subject stands for when the sentence names the launcher before it as
    an owner or a subject: "The launches were the North's first since March, when it fired two
    missiles" -- the North, whatever state the article named last."""
    if not any(s.lower_ in ("it", "they") for s in view.subject(verb)):
        return []
    owners = [
        code
        for tok in view.doc[view.sent.start : verb.i]
        if tok.dep_ in ("poss", "nsubj") and not any(a.dep_ == "appos" for a in (tok, *tok.ancestors))
        for code in view.states_of([tok, *(ch for ch in tok.children if ch.dep_ == "compound")])
    ]
    return owners[-1:]  # not an owner inside an apposition ("Pakistan, India's neighbour, says it ...")


def _coordinated_antecedent(view: SentenceView, verb: Token) -> list[str]:
    """The state a pronoun subject stands for when its clause is coordinated with one whose
    subject names a state: "China has built the largest arsenal ..., and in September 2024 it
    fired an ICBM" -- China, not the state the article named as a launcher most."""
    if not any(s.lower_ in ("it", "they") for s in view.subject(verb)):
        return []
    cur = verb
    while cur.dep_ == "conj" and cur.head.pos_ in ("VERB", "AUX"):
        cur = cur.head
        for subj in view.subject(cur):
            states = view.states_of(view.collect(subj)) if subj.i < verb.i else []
            if states:
                return states[:1]
    return []


def _means_verb(noun: Token) -> Token | None:
    """The verb a projectile noun is the means of: "Iran retaliated the next day with a volley
    of ballistic missiles", "the North answered with waves of rockets"."""
    cur = noun.head if noun.dep_ == "acl" else _reduced_relative_noun(noun) or noun  # "missiles aimed at"
    if cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.pos_ == "NOUN":
        cur = cur.head.head  # "a volley of missiles", "waves of rockets"
    if cur.dep_ != "pobj" or cur.head.lower_ != "with" or cur.head.head.pos_ != "VERB":
        return None
    return cur.head.head


def _means_subject(view: SentenceView, noun: Token) -> list[Token]:
    """The subject, naming a state, of the verb a projectile noun is the means of."""
    verb = _means_verb(noun)
    subj = view.subject(verb) if verb is not None else []
    return [s for s in subj if view.states_of(list(s.subtree))]


def _projectile_heads(view: SentenceView, scope: list[Token]) -> tuple[list[Token], set[int]]:
    """The head words of the launchable classes and weapons the scope names, in that order, and
    those of classes fired in rounds ("artillery": how many is told in rounds, not projectiles)."""
    classes = _launchable_classes(view, scope)
    rounds = view.lexicon.cue_terms("fired_in_rounds")
    heads = [view.doc[view.span_root[i]] for i, _ in classes]
    in_rounds = {view.span_root[i] for i, label in classes if label in rounds}
    return heads + [t for t in scope if t.i in view.weapons], in_rounds


def _count(view: SentenceView, scope: list[Token], trigger: Token) -> int | None:
    salvos = cues(view.lexicon).salvo_nouns  # "a salvo of ...": how many is told on the salvo
    heads, in_rounds = _projectile_heads(view, scope)
    heads += [
        t
        for t in scope
        if t.lemma_.lower() in salvos
        or (t.dep_ == "dobj" and (t.lower_ in ("one", "more", "others", "another") or t.pos_ == "NUM"))
    ]
    for head in heads:
        root = projectile_noun(head)
        if root.lower_ in ("one", "another") and root.pos_ in ("NUM", "DET", "PRON"):
            return 1
        if root.i in view.weapons and _singular_article(root):
            return 1  # "a Yars", "an Iskander": one, whatever tag the name's "s" got
        if root.pos_ == "NUM" and root.dep_ == "dobj" and number_word(root.lower_, view) is not None:
            return number_word(root.lower_, view)  # "it fired two"
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.dep_ in ("dobj", "nsubjpass"):
            n = quantity(root.head.head, view)  # "a pair of short-range ballistic missiles"
            if n is not None and root.head.head.lower_ not in ("one", "a", "an"):
                return n
        for ch in root.children:
            if ch.dep_ == "nummod" and (
                ch.i in view.weapons or (ch.i > 0 and view.doc[ch.i - 1].pos_ == "PROPN")
            ):
                # "a Type 88 surface-to-ship missile", "a Falcon 9", "a Babur 3": the number is
                # part of a name
                continue
            if ch.dep_ == "nummod":
                n = quantity(ch, view)
                if n is not None:
                    return n
            if ch.dep_ == "prep" and ch.lower_ == "of" and root.lemma_.lower() in salvos:
                for gc in ch.children:
                    n = number_word(gc.lower_, view)
                    if n is not None:
                        return n
        if root.tag_ in ("NN", "NNP") and root.lemma_.lower() not in salvos | {"series"}:
            if trigger.tag_ == "NNS" or _plural_after(root) or head.i in in_rounds:
                continue  # "Tsirkon hypersonic missiles": the name modifies a plural
            return 1
    # "an attempt on May 31 ended in an explosion", "the weapon's debut launch exploded", "a
    # second shot on Jan. 11": one occasion told in the singular, with nothing plural in it, is
    # one projectile (a salvo told elsewhere raises it: the largest count told wins)
    dates = view.dates_in(scope)
    in_dates = {i for p in dates for i in range(p.start, p.end)}
    if (
        trigger.pos_ == "NOUN"
        and trigger.tag_ == "NN"
        and trigger.lemma_.lower() in view.lexicon.cue_terms("launch_noun")
        and not any(t.tag_ in ("NNS", "NNPS") or (t.pos_ == "NUM" and t.i not in in_dates) for t in scope)
        and dates  # an occasion of its own, not "the launch" told before
    ):
        return 1
    return None


def _told_plural(view: SentenceView, scope: list[Token], trigger: Token) -> bool:
    """True if the launch is told in the plural with no number: "fired missiles", "the tests",
    "Tsirkon hypersonic missiles" (so one projectile is not to be assumed)."""
    if trigger.tag_ in ("NNS", "NNPS"):
        return True
    heads, in_rounds = _projectile_heads(view, scope)
    if in_rounds:
        return True  # "fired artillery": rounds, how many untold
    for head in heads:
        root = projectile_noun(head)
        if (root.tag_ in ("NNS", "NNPS") or _plural_after(root)) and not (
            root.i in view.weapons and _singular_article(root)
        ):
            return True
    return False


def _singular_article(noun: Token) -> bool:
    """True for a noun with "a" or "an" and no number of its own ("a Yars")."""
    return any(ch.dep_ == "det" and ch.lower_ in ("a", "an") for ch in noun.children) and not any(
        ch.dep_ == "nummod" for ch in noun.children
    )


def _class_of_platform(view: SentenceView, trig: Token, scope: list[Token]) -> str | None:
    """The class a launch platform implies for a projectile the text names only generally: "a
    ballistic missile from a submarine", "two earlier submarine launches" (launch_platform_class
    in cues.tsv); None when nothing says more than the class already found."""
    platforms = view.lexicon.cue_terms("launch_platform_class")
    for tok in scope:
        word = tok.lemma_.lower()
        if word not in platforms:
            continue
        launched_from = tok.dep_ == "pobj" and tok.head.lower_ == "from"
        launch_kind = (
            tok.dep_ in ("compound", "amod", "nmod") and tok.head.i == trig.i
        )  # "submarine launches"
        if launched_from or launch_kind:
            label = platforms[word]
            generic = ("missile", "ballistic missile")
            found = [lbl for _i, lbl in _launchable_classes(view, scope)]
            if all(lbl in generic for lbl in found):
                return label
    return None


def _platform(view: SentenceView, trig: Token) -> str | None:
    """The platform the subject of a launch verb names ("Tu-95MS strategic bombers fired cruise
    missiles", "the submarine Karelia fired a Sineva"): a named platform, else its class word;
    None for a state or crews. Two launches of one drill by different platforms are two events."""
    if trig.pos_ != "VERB":
        return None
    launched = cues(view.lexicon).launched
    toks = [t for s in view.subject(trig) for t in view.collect(s)]
    for w in view.weapon_refs(toks):
        if w.weapon_class not in launched:
            return w.name
    for _i, label in view.class_words(toks):
        if label not in launched:
            return label
    return None


def _recap(trig: Token, date_phrase: str | None, c: Cues) -> bool:
    """True for plural launches that tell no occasion of their own: those told already ("after
    earlier launches this month", "its recent tests"; not "two earlier launches, on April 23
    and July 9") and launches as a kind ("notifications on launches of ICBMs")."""
    if not (trig.pos_ == "NOUN" and trig.tag_ == "NNS"):
        return False
    if (
        trig.dep_ == "pobj"
        and trig.head.lower_ in ("on", "about", "for", "over", "against")
        and not any(ch.dep_ in ("det", "poss", "nummod", "amod") for ch in trig.children)
    ):
        return True  # "notifications on launches of ICBMs", "a ban on tests": launches as a kind
    if (
        trig.dep_ == "pobj"
        and trig.head.lower_ == "of"
        and trig.head.head.lemma_.lower() in c.launch_kind
        and not any(ch.dep_ in ("det", "poss", "nummod") for ch in trig.children)
        and not _announced_window(trig)
    ):
        # "advance notifications of ballistic missile launches"; not "gave notice of satellite
        # launches between May 31 and June 11", launches announced
        return True
    if not any(ch.lower_ in c.recap for ch in trig.children) or any(
        ch.dep_ == "nummod" for ch in trig.children
    ):
        return False
    return date_phrase is None or date_phrase.lower().startswith("this ")


def _announced_window(trig: Token) -> bool:
    """True if a notice of launches gives their days ("gave notice of satellite launches between
    May 31 and June 11"): launches announced, not launches as a kind; the year of the agreement
    the notices are given under ("under a 1988 agreement") is no window."""
    notice = trig.head.head
    under = {t.i for p in (*trig.subtree, *notice.children) if p.lower_ == "under" for t in p.subtree}
    told = [*trig.subtree, *(t for p in notice.children if p.dep_ == "prep" for t in p.subtree)]
    return any(t.ent_type_ == "DATE" and t.i not in under for t in told)


def _plural_after(tok: Token) -> bool:
    """True if the words right after a name end in a plural noun ("Tsirkon hypersonic missiles"),
    past other names coordinated with it ("Kalibr and Oniks missiles")."""
    doc = tok.doc
    end = tok.sent.end
    words = 4  # words of the phrase looked at, not counting the coordinated names passed
    k = tok.i + 1
    while k < end and words > 0:
        nxt = doc[k]
        if nxt.tag_ in ("NNS", "NNPS"):
            return True
        if nxt.lower_ in ("and", ",") and k + 1 < end and doc[k + 1].pos_ == "PROPN":
            k += 2  # "Kalibr and Oniks missiles": past the next name
            continue
        if not (nxt.pos_ in ("ADJ", "NOUN", "PROPN") or nxt.text == "-"):
            return False
        words -= 1
        k += 1
    return False


def _date(view: SentenceView, trigger: Token, scope: list[Token]) -> tuple[str | None, int | None]:
    """(best date phrase for the trigger, or how many days after the event told before it
    happened: "the same day" 0, "the following day" 1, "three days later" 3)."""
    gap = _days_before_main_clause(view, trigger)
    if gap is not None:
        return None, -gap
    if _in_the_course(view, trigger):
        return None, 0
    # "a missile that flew for 50 minutes before falling": a clause of its own tells no day
    scope_text = " ".join(t.text for t in scope if not _other_clause_of(t, trigger))
    # the launch's own date: a date phrase on the trigger, directly or through a preposition
    # ("on March 16, the North fired ..."), beats "hours before ..." said of another clause
    own = [p for p in view.dates_in(scope) if _resolvable(p.text) and _attached_to(view.doc[p.root], trigger)]
    same_day = cues(view.lexicon).same_day
    if not own and (same_day.search(scope_text) or same_day.match(view.text.lstrip())):
        return None, 0
    # dates in appositions ("the Hwasong-8, the latest in a burst of launches this month")
    # describe a series, not this occasion
    apposed = {t.i for a in scope if a.dep_ == "appos" for t in a.subtree}
    phrases = [
        p
        for p in view.dates_in(scope)
        if _resolvable(p.text)
        and not _report_date(view, p)
        and not _other_event_date(view, p)
        and p.root not in apposed
    ]
    if not phrases and trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "nsubjpass"):
        # "Its most recent launch, on Sept. 10, involved two projectiles": a date set off by
        # commas right after the subject noun is its own, wherever the parser hung it
        after = trigger.right_edge.i + 1
        phrases = [
            p
            for p in view.date_phrases()
            if after < len(view.doc)
            and view.doc[after].text == ","
            and p.start in (after + 1, after + 2)
            and p.end < len(view.doc)
            and view.doc[p.end].text == ","
            and _resolvable(p.text)
        ]
    if not phrases and trigger.pos_ == "NOUN":
        # "the maiden flight-test of the LRLACM, which was conducted on November 12": what is
        # conducted is the test, whichever noun the parser hangs the relative clause on
        hosts = [
            trigger,
            *(g for p in trigger.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children),
        ]
        conducted = [
            ch
            for h in hosts
            for ch in h.children
            if ch.dep_ == "relcl"
            and ch.lemma_.lower() in cues(view.lexicon).conduct
            and any(s.dep_ == "nsubjpass" and s.lower_ in RELATIVE_PRONOUNS for s in ch.children)
        ]
        phrases = [
            p for p in view.dates_in([t for cl in conducted for t in cl.subtree]) if _resolvable(p.text)
        ]
    if not phrases:
        # "since Dec. 18 last year, when a Hwasong-18 was sent ...": the date right before the
        # "when" of the trigger's clause, wherever the parser hung the clause
        when = next((ch for ch in trigger.children if ch.lower_ == "when" and ch.dep_ == "advmod"), None)
        if when is not None:
            before = when.i - 1 if view.doc[when.i - 1].text != "," else when.i - 2
            phrases = [p for p in view.date_phrases() if p.end - 1 == before and _resolvable(p.text)]
    if not phrases:
        # "fired a rocket carrying what it calls a reconnaissance satellite late Tuesday night":
        # the parser hangs the date on the naming verb inside what was fired
        naming = cues(view.lexicon).naming
        fired = {t.i for t in trigger.subtree} - {trigger.i}
        phrases = [
            p
            for p in view.date_phrases()
            if (verb := view.verb_of(p)) is not None
            and verb.i in fired
            and verb.lemma_.lower() in naming
            and _resolvable(p.text)
        ]
    if not phrases and trigger.dep_ in ("relcl", "advcl"):
        # "since late November, when it tested the Hwasong-15": the date the clause hangs from
        phrases = [p for p in view.date_phrases() if p.root == trigger.head.i and _resolvable(p.text)]
        if not phrases and any(ch.dep_ == "advmod" and ch.lower_ == "when" for ch in trigger.children):
            # "the first launch since early March, when it fired ...": the clause is parsed on the
            # launch, and its date is the "since" phrase's
            preps = [
                ch for ch in trigger.head.children if ch.dep_ == "prep" and ch.lower_ in OTHER_OCCASION_PREPS
            ]
            phrases = [
                p for p in view.dates_in([t for pr in preps for t in pr.subtree]) if _resolvable(p.text)
            ]
    if not phrases and trigger.dep_ == "pcomp" and trigger.head.lower_ == "by":
        # "answered last year's round on Aug. 29 by firing an IRBM": the means has the date of
        # what it did
        verb = trigger.head.head
        means = {t.i for t in trigger.head.subtree}
        around = [t for t in verb.subtree if t.i not in means and not _other_clause_of(t, verb)]
        phrases = _own_dates(view, around)
        phrases.sort(key=lambda p: -len(resolve_each(p.text, _ANCHOR_PROBE)[0].iso()))
        phrases = phrases[:1]
    if (
        not phrases
        and trigger.tag_ == "VBG"
        and trigger.dep_ == "advcl"
        and not any(ch.dep_ in ("nsubj", "nsubjpass", "mark") for ch in trigger.children)
    ):
        # "North Korea escalated tensions on Monday, firing two ballistic missiles": the
        # participle tells what the clause it hangs from did, on that clause's day
        head = trigger.head
        clause = [t for t in head.subtree if not _other_clause_of(t, head, CLAUSE_ARCS | {"conj"})]
        phrases = _own_dates(view, clause)
    if not phrases and trigger.dep_ == "acl" and trigger.head.dep_ in ("nsubj", "nsubjpass"):
        # "A ballistic missile fired by the Houthis reached central Israel on Sunday": what was
        # fired flew on the day of its flight's clause
        flew = trigger.head.head
        clause = [flew, *(t for ch in flew.children if ch.dep_ in FLIGHT_CLAUSE_DEPS for t in ch.subtree)]
        c = cues(view.lexicon)
        if flew.pos_ == "VERB" and (lemmas(flew) & c.flight_verbs or outcome_cues(view, clause, c)):
            phrases = _own_dates(view, clause)
    # "struck a satellite in March 2019 with an interceptor launched from ...": the participle's noun
    armed = any(
        t.i in view.classes or t.i in view.weapons
        for t in (*trigger.subtree, *([trigger.head] if trigger.dep_ == "acl" else []))
    )
    carrier = _means_verb(trigger) if armed else None
    if not phrases and carrier is not None:
        # "Iran retaliated the next day with a volley of missiles": the means has the verb's date
        scope = [t for t in carrier.subtree if not _other_clause_of(t, carrier, CLAUSE_ARCS | {"conj"})]
        phrases = _own_dates(view, scope)
    if not phrases:
        offsets = [days_after_previous(p.text) for p in view.dates_in(scope)]
        return None, next((o for o in offsets if o is not None), None)
    best = min(phrases, key=lambda p: (_distance(view.doc[p.root], trigger), abs(p.root - trigger.i)))
    # "In 2017, Pyongyang launched a Hwasong-14 on July 4": a day inside the year told as close
    # to the launch is the more exact date of it, wherever it hangs ("Last year, Iran fired a
    # missile in July"; "came in August 2022, when China fired 11 missiles on Aug. 4")
    inside = [p for p in phrases if _precision(p.text) > _precision(best.text) and _within(p.text, best.text)]
    if inside:
        best = inside[0]
    at = phrases.index(best)
    # "Two weeks ago, on Jan. 6, ...": a date restated more exactly right after it
    while at + 1 < len(phrases) and RESTATED.match(view.doc[phrases[at].end : phrases[at + 1].start].text):
        if _precision(phrases[at + 1].text) <= _precision(phrases[at].text):
            break
        at += 1
        best = phrases[at]
    # "on Sept. 11 and again on Sept. 12": one phrase for both, split into two events later
    if at + 1 < len(phrases):
        between = view.doc[best.end : phrases[at + 1].start].text
        if COORDINATED.match(between):
            return f"{best.text} and {phrases[at + 1].text}", None
    return best.text, None


def _attached_to(tok: Token, head: Token) -> bool:
    """True for a token that hangs from `head` itself or through prepositions and nouns, not
    through a clause of its own."""
    return any(a.i == head.i for a in (tok, *tok.ancestors)) and not _other_clause_of(tok, head, _OWN_ARCS)


def _in_the_course(view: SentenceView, trigger: Token) -> bool:
    """True for an undated launch told as part of the exercise just told ("In its course, crews
    launched a Yars", "During the drill, a submarine fired a Sineva"): the exercise's day."""
    if view.dates_in(list(view.sent)):
        return False
    exercise = view.lexicon.cue_terms("exercise_noun")
    for holder in (trigger, *trigger.ancestors):
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("during", "in"):
                continue
            for obj in prep.children:
                lemma = obj.lemma_.lower()
                told = any(ch.lower_ in ("its", "the", "this", "that") for ch in obj.children)
                if obj.dep_ == "pobj" and told and (lemma in exercise or lemma == "course"):
                    return True
    return False


# arcs that open a clause of its own below a verb: its words tell another event
CLAUSE_ARCS = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "xcomp"})
# the same for a date phrase on a trigger: a conjoined or prepositional clause is another's too
_OWN_ARCS = frozenset({"ccomp", "advcl", "relcl", "acl", "pcomp", "xcomp", "conj"})


def _other_clause_of(tok: Token, verb: Token, arcs: frozenset[str] = CLAUSE_ARCS) -> bool:
    """True for a token inside a clause of its own below `verb` (an arc of `arcs` on the way up)."""
    cur = tok
    while cur.i != verb.i and cur.head.i != cur.i:
        if cur.dep_ in arcs and not _what_clause(cur):  # "fired what appeared to be ...": its object
            return True
        cur = cur.head
    return False


def after_clause_date(view: SentenceView, trigger: Token) -> tuple[str, int, int] | None:
    """(date phrase, -days, -months) for an event told in a clause "N days after ..." or "N
    months after ..." under a clause that has a date of its own: "Russia said on Sunday it would
    extend the drills, a day after Putin oversaw exercises" puts the exercises on the day before
    Sunday; "fired a missile on Sunday, a month after it launched a satellite" the satellite in
    the month before Sunday's."""
    clause = next(
        (
            v
            for v in (trigger, *trigger.ancestors)
            if v.dep_ == "advcl" and any(ch.dep_ == "mark" and ch.lower_ == "after" for ch in v.children)
        ),
        None,
    )
    if clause is None:
        return None
    if trigger.i != clause.i and not (
        trigger.head.i == clause.i and trigger.dep_ in ("dobj", "nsubj", "nsubjpass")
    ):
        return None  # "a day after Seoul suspended the pact over the North's launch": the suspension's day
    gap = _gap_in(view, clause)
    if gap is None:
        return None
    amount, unit = gap
    inside = {t.i for t in clause.subtree}
    day = PRECISION_RANK["day"]
    own_days = [p for p in view.date_phrases() if p.root in inside and _precision(p.text) == day]
    if any(_resolvable(p.text) for p in own_days):
        return None  # "less than two weeks after the army announced, on January 7, a launch": its own day
    for holder in clause.ancestors:
        for p in view.date_phrases():
            root = view.doc[p.root]
            if p.root in inside or not _resolvable(p.text) or not _attached_to(root, holder):
                continue
            if unit == "day" and _precision(p.text) == PRECISION_RANK["day"]:
                return p.text, -amount, 0
            if unit == "month" and _precision(p.text) >= PRECISION_RANK["month"]:
                return p.text, 0, -amount
        if holder.dep_ not in ("ccomp", "conj", "xcomp"):
            break  # only up to the sentence's main clause
    return None


#: the gap words of "N days after": (days or months, how many of them)
_GAP_UNITS = {"day": ("day", 1), "week": ("day", 7), "month": ("month", 1)}


def _gap_in(view: SentenceView, clause: Token) -> tuple[int, str] | None:
    """(N, "day") of "N days after"/"a week after", (N, "month") of "N months after", on an
    after-clause (on the verb or on "after")."""
    marks = [ch for ch in clause.children if ch.dep_ == "mark" and ch.lower_ == "after"]
    for ch in [*clause.children, *(t for m in marks for t in m.children)]:
        if ch.dep_ != "npadvmod" or ch.lemma_.lower() not in _GAP_UNITS:
            continue
        unit, size = _GAP_UNITS[ch.lemma_.lower()]
        for mod in ch.children:
            if mod.dep_ == "det" and mod.lower_ in ("a", "one"):
                return size, unit
            if mod.dep_ == "nummod":
                n = number_word(mod.lower_, view)
                if n is not None:
                    return n * size, unit
    return None


def _days_before_main_clause(view: SentenceView, trigger: Token) -> int | None:
    """N for a launch told in a clause "N days after ..." under the event told just before it:
    "Monday's launch came two days after South Korea launched its first spy satellite", "The
    launch came eight days after the Guards sent the Soraya satellite into orbit"."""
    if trigger.dep_ != "advcl":
        return None
    nouns = view.lexicon.cue_terms("launch_noun")
    if not any(s.lemma_.lower() in nouns for s in view.subject(trigger.head)):
        return None  # "said Thursday that ..., a day after the country fired": after the report
    if not any(ch.dep_ == "mark" and ch.lower_ == "after" for ch in trigger.children):
        return None
    gap = _gap_in(view, trigger)
    return gap[0] if gap is not None and gap[1] == "day" else None  # "a month after": no day


RESTATED = re.compile(r"^\s*,\s*(?:on|in|at)?\s*$", re.I)


def _precision(text: str) -> int:
    """How exact a date phrase is, resolved against any day: year 0, month 1, day 2."""
    found = resolve_each(text, _ANCHOR_PROBE) or resolve_each(text, _ANCHOR_PROBE, future=True)
    return PRECISION_RANK[found[0].precision] if found else -1


def _within(text: str, period: str) -> bool:
    """True if the date `text` names lies in the period `period` names ("July 4 2017" in 2017)."""
    inner = resolve_each(text, _ANCHOR_PROBE)
    outer = resolve_each(period, _ANCHOR_PROBE)
    if len(inner) != 1 or len(outer) != 1:
        return False
    return inner[0].within(outer[0])


COORDINATED = re.compile(r"^\s*,?\s*(?:and|or)(?:\s+(?:again|also|then))?(?:\s+(?:on|in))?\s*$", re.I)


def _other_event_date(view: SentenceView, phrase: DatePhrase) -> bool:
    """'the first launch since Sept. 15': that date belongs to another event."""
    i = phrase.start - 1
    return i >= view.sent.start and view.doc[i].lower_ in ("since", "until", "till")


_SAYING_ARCS = frozenset({"parataxis", "ccomp", "conj"})  # "..., the JCS said on Wednesday"


def report_date(view: SentenceView, trigger: Token) -> str | None:
    """The date of the saying ("North Korea said Wednesday it had launched ..."): the event
    happened then or shortly before; used only when nothing else dates the event."""
    reporting = cues(view.lexicon).reporting
    # "North Korea fired a missile on ..., the JCS said on Wednesday": the saying hangs from the
    # launch's clause
    sayings = [ch for ch in trigger.children if ch.dep_ in _SAYING_ARCS and lemmas(ch) & reporting]
    for anc in (*sayings, *trigger.ancestors):
        if lemmas(anc) & reporting:
            for p in view.date_phrases():
                if _report_date(view, p) and _resolvable(p.text) and abs(p.start - anc.i) <= 3:
                    return p.text
            return None
    return None


def _own_dates(view: SentenceView, tokens: list[Token]) -> list[DatePhrase]:
    """The resolvable date phrases among `tokens` that are not the day of a saying."""
    return [p for p in view.dates_in(tokens) if _resolvable(p.text) and not _report_date(view, p)]


def _report_date(view: SentenceView, phrase: DatePhrase) -> bool:
    """'North Korea said on Tuesday it had tested ...': the date of the saying, not of the test."""
    i = phrase.start - 1
    if i >= view.sent.start and view.doc[i].lower_ in ("on", "late", "early"):
        i -= 1
    if i < view.sent.start:
        return False
    before = view.doc[i]  # a verb: "the United States on Sunday" is no "stated on Sunday"
    return before.pos_ in ("VERB", "AUX") and bool(lemmas(before) & cues(view.lexicon).reporting)


# what may stand before and between fronted date phrases: "Just over a week ago, on March 16, ..."
_FRONT_FILLER = frozenset({"PUNCT", "ADP", "ADV", "CCONJ"})


def _after_another(trig: Token, c: Cues) -> bool:
    """True if the trigger tells an occasion the sentence puts before or after the one its
    subject tells: "Wednesday's flight came two weeks after the army announced a launch",
    "Thursday's launch followed the firing of two cruise missiles"."""
    if _another_occasion(trig, set()):
        return True  # the trigger's own clause or phrase: "after it fired", "after the firing of"
    for cur, anc in zip((trig, *trig.ancestors), trig.ancestors, strict=False):
        if anc.lemma_.lower() in c.sequence_verbs and cur.dep_ in ("dobj", "prep"):
            return True
        if any(ch.dep_ == "mark" and ch.lower_ in OTHER_OCCASION_PREPS for ch in anc.children):
            return True  # a clause above it: "after the army announced, on January 7, a launch"
    return False


def _clause_date(view: SentenceView, trig: Token, triggers: set[int], definite: bool) -> str | None:
    """A date the trigger's own phrase lacks: the sentence's fronted date ("Last year, the
    country suffered ... before it test-fired one"), or, for an indefinite noun ("a failed
    missile launch"), a date of the clause it sits in."""
    phrases = [
        p
        for p in view.date_phrases()
        if _resolvable(p.text) and not _report_date(view, p) and not _other_event_date(view, p)
    ]
    if not phrases:
        return None
    first_trigger = min(triggers) if triggers else trig.i
    # Fronted: "Last year, ...", "On Saturday, ...", "Just over a week ago, on March 16, ..." (the
    # last of a chain of fronted dates is the most exact) -- not "X said on Tuesday it had ..."
    fronted = []
    at = view.sent.start
    for p in sorted(view.date_phrases(), key=lambda p: p.start):  # unresolvable ones chain too
        filler = p.start - at <= 1 or all(t.pos_ in _FRONT_FILLER for t in view.doc[at : p.start])
        if p.end > first_trigger or not filler:
            break
        possessive = p.end < len(view.doc) and view.doc[p.end].tag_ == "POS"
        if possessive and _after_another(trig, cues(view.lexicon)):
            break  # "Wednesday's flight came two weeks after ... a launch": that launch is not Wednesday's
        if p in phrases and view.doc[p.root].head.lemma_.lower() not in cues(view.lexicon).reporting:
            fronted.append(p)
        at = p.end
    if fronted:
        return fronted[-1].text
    finite = trig.head.tag_ in ("VBD", "VBZ", "VBP") or (
        trig.head.tag_ == "VBN" and any(ch.dep_ in ("aux", "auxpass") for ch in trig.head.children)
    )  # not "gave an order to conduct the test-launch on Wednesday"
    c = cues(view.lexicon)
    doing_lemma = trig.head.lemma_.lower()
    if (
        trig.pos_ != "VERB"
        and trig.dep_ == "dobj"
        and finite
        and doing_lemma in c.conduct | c.command | c.sequence_verbs
    ):
        # "India on Monday conducted the maiden flight test of the Agni-5", "Kim oversaw the
        # firing of cruise missiles on Sunday": the day the verb has; "Today's launch follows the
        # launch of another Minuteman III on June 4": a day after the object is the object's (the
        # subject's occasion is told by the subject)
        doing = trig.head
        local = [
            p for p in phrases if _attached_to(view.doc[p.root], doing) and view.doc[p.root].head.i == doing.i
        ]
        local += [
            p for p in phrases if view.doc[p.root].dep_ == "pobj" and view.doc[p.root].head.head.i == doing.i
        ]
        if doing_lemma in c.sequence_verbs:  # "... follows the launch of X from the same base on March 4"
            subject = {t.i for s in doing.children if s.dep_ in ("nsubj", "nsubjpass") for t in s.subtree}
            local = [
                p
                for p in phrases
                if p.start > trig.i
                and p.root in {t.i for t in doing.subtree}
                and p.root not in subject
                and not _other_clause_of(view.doc[p.root], doing)
                # "follow the launch of a satellite and talks in Seoul on Friday": the talks' day
                and not any(a.dep_ == "conj" for a in (view.doc[p.root], *_between(view.doc[p.root], doing)))
            ]
        if local:
            return min(local, key=lambda p: abs(p.root - doing.i)).text
    happening = view.happening_verb(trig) if trig.pos_ != "VERB" else None
    if definite and happening is not None:
        # "The third launch took place in November 2008", "The first launch was in November 2006",
        # "The first Agni-V test was conducted in 2012": the verb says when the launch happened
        others = {t.i for o in triggers - {trig.i} for t in view.doc[o].subtree}
        own = {t.i for t in happening.subtree if not _other_clause_of(t, happening)}
        local = [p for p in phrases if p.root in own and p.root not in others]
        if local:
            return min(local, key=lambda p: _distance(view.doc[p.root], trig)).text
    if trig.pos_ != "VERB" and not definite:
        verb = view.nearest_verb(trig)
        if verb is not None:
            others = {t.i for o in triggers - {trig.i} for t in view.doc[o].subtree}
            local = [p for p in phrases if p.root in {t.i for t in verb.subtree} and p.root not in others]
            if local:
                return min(local, key=lambda p: _distance(view.doc[p.root], trig)).text
    return None


def _between(tok: Token, top: Token) -> list[Token]:
    """The tokens on the way up from `tok` (excluded) to `top` (excluded)."""
    out = []
    cur = tok.head
    while cur.i != top.i and cur.head.i != cur.i:
        out.append(cur)
        cur = cur.head
    return out


def _distance(a: Token, b: Token) -> int:
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    for i, x in enumerate(up_a):
        for j, y in enumerate(up_b):
            if x.i == y.i:
                return i + j
    return 99


def _weapon_and_class(view: SentenceView, scope: list[Token]) -> tuple[WeaponRef | None, str | None, bool]:
    weapons = _launchable_weapons(view, scope)
    classes = _launchable_classes(view, scope)
    weapon = weapons[0] if weapons else None
    depth = {label: view.lexicon.class_depth(label) for _, label in classes}
    if weapon is not None:
        wtok = next(t for t in scope if view.weapons.get(t.i) == weapon.name)
        near = [(i, lab) for i, lab in classes if abs(i - wtok.i) <= 4 or view.doc[i].head.i == wtok.head.i]
        # and a class word on the noun of one of them ("intercontinental surface-to-surface
        # ballistic missile Agni-V": "intercontinental" modifies the near "missile")
        roots = {view.span_root[i] for i, _ in near}
        near += [
            (i, lab)
            for i, lab in classes
            if (i, lab) not in near and view.doc[view.span_root[i]].head.i in roots
        ]
        if near:
            label = max(near, key=lambda x: (depth[x[1]], -x[0]))[1]
            if weapon.weapon_class and view.lexicon.is_broader_or_equal(label, weapon.weapon_class):
                label = weapon.weapon_class  # "a Sineva ballistic missile" is an SLBM: the catalog knows more
            return weapon, label, True
        return weapon, weapon.weapon_class, False
    if classes:
        label = max(classes, key=lambda x: (depth[x[1]], -x[0]))[1]
        return None, label, False
    return None, None, False


@dataclass(frozen=True, slots=True)
class _Strays:
    moved: frozenset[int]  # tokens taken from the trigger the parser hung them on
    to: dict[int, list[Token]]  # trigger index -> the tokens it gets


def _stray_clauses(view: SentenceView, triggers: list[Token]) -> _Strays:
    """Adverbial clauses the parser hung on a later launch verb although they stand before its
    subject, right after an earlier launch: "The submarine fired a Sineva while submerged in the
    Barents Sea, Tu-95MS bombers launched cruise missiles" -- the Barents Sea is the Sineva's."""
    verbs = [t for t in triggers if t.pos_ == "VERB"]
    moved: set[int] = set()
    to: dict[int, list[Token]] = {}
    for verb in verbs:
        subject = view.subject(verb)
        if not subject:
            continue
        start = min(s.left_edge.i for s in subject)
        for ch in verb.children:
            if ch.dep_ != "advcl" or ch.i >= start:
                continue
            earlier = [t for t in verbs if t.i < ch.left_edge.i and t.i != verb.i]
            if not earlier:
                continue
            owner = max(earlier, key=lambda t: t.i)
            tokens = list(ch.subtree)
            moved |= {t.i for t in tokens}
            to.setdefault(owner.i, []).extend(tokens)
    return _Strays(frozenset(moved), to)


def find_launches(view: SentenceView, lexicon: Lexicon, discourse: Discourse) -> list[Candidate]:
    c = cues(lexicon)
    triggers = find_triggers(view, lexicon, c, told=discourse.projectile is not None)
    idx = {t.i for t in triggers}
    out: list[Candidate] = []
    origin: list[int] = []  # the trigger of each candidate of `out`
    strays = _stray_clauses(view, triggers)
    intercepting = _interceptions(view, discourse, c, triggers)
    # "an Arrow 3 interceptor destroyed a missile launched towards Eilat": the defender did not
    # fire what it destroyed
    defenders = frozenset(a for cand in intercepting for a in cand.actors) | _interceptors_states(view, c)
    for trig in triggers:
        fact = factuality(view, trig, c)
        if fact is None:
            continue
        scope = _scope(trig, idx - {trig.i}, c)
        if strays:
            # "Karelia fired a Sineva while submerged in the Barents Sea, Tu-95MS bombers launched
            # cruise missiles": the clause between the two is the first launch's
            scope = sorted(
                {t for t in scope if t.i not in strays.moved} | {t for t in strays.to.get(trig.i, [])},
                key=lambda t: t.i,
            )
        if _misparsed_main_verb(trig):
            # the whole noun phrase the parser made of the sentence: "Pakistan on Thursday
            # test-fired Shaheen-III" has its date before the verb
            scope = sorted(set(scope) | set(trig.sent.root.subtree), key=lambda t: t.i)
        if trig.pos_ == "NOUN":
            scope = sorted(set(scope) | set(_of_run(view, trig)), key=lambda t: t.i)
        modified = _reduced_relative_noun(trig)
        if modified is not None or (trig.dep_ in ("relcl", "acl") and trig.head.pos_ in ("NOUN", "PROPN")):
            noun = modified or trig.head
            extra = [noun] + [
                t
                for ch in noun.children
                if ch.dep_ in ("amod", "compound", "nummod", "det", "appos")
                or (ch.dep_ == "prep" and ch.lower_ == "of" and ch.i < trig.i)  # "waves of missiles fired"
                for t in ch.subtree
            ]
            if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
                extra += [t for ch in noun.head.children if ch.dep_ == "attr" for t in ch.subtree]
            scope = sorted(set(scope) | set(extra), key=lambda t: t.i)
        outcome_scope = scope
        if (
            trig.dep_ in ("relcl", "acl")
            and trig.head.dep_ in ("nsubj", "nsubjpass")
            and trig.head.head.lemma_.lower() in c.follow
        ):
            outcome_scope = sorted(
                set(scope) | set(_scope(trig.head.head, idx - {trig.i}, c)), key=lambda t: t.i
            )
        if len(triggers) == 1:
            outcome_scope = list(view.sent)  # one launch in the sentence: all it says is about it
        elif trig.pos_ != "VERB" and trig.dep_ in ("nsubj", "nsubjpass"):
            outcome_scope = sorted(set(scope) | set(_scope(trig.head, idx - {trig.i}, c)), key=lambda t: t.i)
        agent_toks, needs = _agent_tokens(view, trig)
        agents = [a for a in view.states_of(agent_toks)]
        if agents:
            agents += [a for a in _co_agents(view, trig, c) if a not in agents]
        if not agents and needs and trig.pos_ == "VERB":
            agents = _coordinated_antecedent(view, trig) or _sentence_antecedent(view, trig)
            needs = not agents
        if not agents:
            # "a Trident fired from HMS Vengeance": where it came from says more than the weapon
            agents = _origin_states(view, trig)[:1]
        if not agents:
            weapons_in_agent = [w for w in view.weapon_refs(agent_toks) if w.operator]
            if weapons_in_agent and not needs:
                agents = [_fielder(view, weapons_in_agent[0], discourse) or ""]
        kind, speakers = attribution(view, trig, c)
        if not agents and kind in ("states", "media") and speakers and _speaker_own(view, trig, c):
            # "the North said it had test-fired new cruise missiles", "the Indian Navy says its
            # warships have carried out missile firings": the speaker's own launch
            agents = [speakers[0]]
        if not agents:
            # "launched from near Sirsa in India's Haryana state", "fired from HMS Vengeance"
            agents = _origin_states(view, trig)[:1]
        fielders = [_fielder(view, w, discourse) for w in _launchable_weapons(view, scope) if w.operator]
        operator = fielders[0] if fielders else None
        if not agents and operator is not None:
            agents, needs = [operator], True  # "the mid-May launch of its new Hwasong-12"
        if not agents:
            # "a ballistic missile was fired from Plesetsk": the state launching from that site
            owner = view.lexicon.site_owner(launch_site(view, trig, scope, strays.moved) or "")
            agents = [owner] if owner else []
        if not agents:
            # "North Korea put a satellite into orbit with a rocket launched from Sohae, after
            # failed attempts in May and August": the launcher the sentence has already named
            here = [o.actors[0] for o in out if o.sentence_index == view.index and o.actors]
            agents, needs = (here[-1:], True) if here else ([], needs)
        if not agents:
            # never the state that reports it: "South Korea's military said two missiles were fired"
            guess = discourse.actor(exclude=frozenset(speakers) | defenders)
            agents = [guess] if guess and guess not in defenders else []
            needs = True
        weapon, wclass, from_phrase = _weapon_and_class(view, scope)
        told_kind = discourse.projectile
        told_weapon = told_kind[0] if told_kind else None
        referring = (trig.pos_ == "VERB" and _referring_weapon(trig, c) is not None) or (
            trig.pos_ == "NOUN" and _referring_of(trig, c)
        )
        if (
            weapon is None
            and told_weapon is not None
            and referring
            and (
                wclass is None or view.lexicon.is_broader_or_equal(wclass, told_weapon.weapon_class or wclass)
            )
        ):
            # "Pakistan tested its Babur on Monday. The missile was first tested in 2005": the Babur
            weapon, wclass = told_weapon, told_weapon.weapon_class or wclass
        if weapon is None:
            wclass = _class_of_platform(view, trig, scope) or wclass
        # "The third launch took place in November 2008": one more launch of what was told
        ordinal = trig.pos_ == "NOUN" and counted_occasion(trig, c)
        elliptic = (
            (trig.pos_ == "VERB" and _elliptic_object(trig, c) is not None)
            # "was first tested in April 1999 and was fired again in 2001": what the first verb fired
            or (trig.dep_ == "conj" and _told_again(trig, c))
            or trig.lemma_.lower() in c.occasion_nouns
            or ordinal
            or (trig.pos_ == "NOUN" and any(ch.lower_ in c.distinct for ch in trig.children))
        )
        if elliptic and weapon is None and wclass is None:
            if out and out[-1].sentence_index == view.index:
                prev = out[-1]  # "failed launches of its Musudan missile before it test-fired one"
                weapon = prev.weapons[0] if prev.weapons else None
                wclass, from_phrase = prev.weapon_class, prev.class_from_weapon_phrase
            elif discourse.projectile is not None:  # "... Three days later, it fired two more."
                weapon, wclass = discourse.projectile
        general = (
            weapon is None
            and told_weapon is not None
            and (
                wclass is None or view.lexicon.is_broader_or_equal(wclass, told_weapon.weapon_class or wclass)
            )
            and (referring or (trig.pos_ == "NOUN" and any(ch.lower_ in _DEFINITE for ch in trig.children)))
        )  # "the missile", "the first test of the missile": still the weapon told
        if (wclass is not None or weapon is not None) and not general:
            discourse.projectile = (weapon, wclass)
        definite = any(
            ch.dep_ in ("det", "poss") and ch.lower_ in ("the", "its", "this", "that") for ch in trig.children
        )
        subj = view.subject(trig) if trig.pos_ == "VERB" else []
        # "the missile was launched at 5:30 a.m.": the subject is the projectile told before;
        # "the North fired a Hwasong-17" and "the submarine Bryansk fired a Sineva" (a platform)
        # are no reference back
        definite = definite or any(
            any(ch.lower_ == "the" and ch.dep_ == "det" for ch in s.children)
            and (
                view.classes.get(s.i) in c.launched
                or s.i in view.weapons
                or s.lemma_.lower() in c.projectile_nouns
            )
            for s in subj
        )
        # "the weapon it tested in April": the weapon of the launch told before
        definite = definite or referring
        date_phrase, days_after = _date(view, trig, scope)
        date_offset = month_offset = 0
        earlier = after_clause_date(view, trig)
        if earlier is not None and (date_phrase is None or days_after is not None):
            (date_phrase, date_offset, month_offset), days_after = earlier, None
        date_role = ""
        if date_phrase is None and days_after is None:
            date_phrase = _clause_date(view, trig, idx, definite)
        if date_phrase is None and days_after is None and not definite:
            date_phrase = report_date(view, trig)
            date_role = "report" if date_phrase else ""
        distinct = any(
            t.lower_ in c.distinct
            for t in scope
            if t.dep_ in ("amod", "det")
            and t.i < trig.i + 8
            and view.doc[min(t.i + 1, len(view.doc) - 1)].lower_ != "than"  # "more than a dozen" counts
        )
        # "The first launch was in November 2006": another occasion, unless its date is the one
        # told ("failed in its first test-firing over the weekend"): decided when dates resolve
        first_dated = ordinal and date_phrase is not None
        # "a second launch", "A second missile of the same type was launched": another occasion
        projectile_np = [trig, *(s for s in view.subject(trig) if trig.pos_ == "VERB")]
        projectile_np += [ch for ch in trig.children if ch.dep_ in ("dobj", "nsubjpass")]
        distinct = distinct or any(
            any(ch.lower_ in c.ordinals for ch in np.children)
            and any(ch.lower_ in ("a", "an") for ch in np.children)
            for np in projectile_np
        )
        # "a Yars was launched from Plesetsk, ..., and crews at Kapustin Yar fired an Iskander":
        # coordinated clauses, each with its own subject and projectile, are launches of their own
        distinct = distinct or (
            trig.pos_ == "VERB"
            and trig.dep_ == "conj"
            and trig.head.pos_ == "VERB"
            and any(ch.dep_ in ("nsubj", "nsubjpass") for ch in trig.children)
            and _has_projectile(
                view, [t for ch in trig.children if ch.dep_ in ("dobj", "nsubjpass") for t in ch.subtree], {}
            )
        )
        # "two short-range missiles were also launched": more than the launch told, unless the
        # projectiles are those told ("the missile was also launched at a steep angle") or of its
        # kind ("Tokyo said the North also fired a ballistic missile": also said), or the clause is
        # a perfect ("had also fired cruise missiles": a habit or a time before)
        added = (
            trig.pos_ == "VERB"
            and any(ch.dep_ == "advmod" and ch.lower_ in c.addition for ch in trig.children)
            and not any(ch.dep_ == "aux" and ch.lemma_.lower() == "have" for ch in trig.children)
            and _another_kind(view.lexicon, (weapon, wclass), told_kind)
            and any(
                not any(d.dep_ in ("det", "poss") and d.lower_ not in ("a", "an") for d in np.children)
                and _launchable(view, list(np.subtree))
                for np in projectile_np[1:]
            )
        )
        distinct = distinct or added
        # "two missiles were also launched": on the day of the launch told
        beside_told = added and date_phrase is None and days_after is None
        days_after = 0 if beside_told else days_after
        # "failed launches ... before it successfully test-fired one": another occasion
        distinct = distinct or any(
            ch.dep_ in ("mark", "advmod") and ch.lower_ in _TIME_LINKS for ch in trig.children
        )
        count = _count(view, scope, trig)
        site = launch_site(view, trig, scope, strays.moved)
        outcomes = outcome_cues(view, outcome_scope, c, trig)
        if not outcomes:
            # "..., when an IRBM fired from near Pyongyang flew about 3,700 km": what the text
            # says after the launch, up to the next one, when the parse hung it elsewhere
            outcomes = outcome_cues(view, _told_after(view, trig, triggers), c, trig)
        for agent in list[str | None](agents) or [None]:
            speaker = kind
            if kind in ("states", "pronoun"):
                speaker = "agent" if (agent in speakers or kind == "pronoun") else "other"
            elif kind == "media":
                speaker = "agent" if (not speakers or agent in speakers) else "other"
            out.append(
                Candidate(
                    type=EventType.LAUNCH,
                    sentence=view.mention(),
                    sentence_index=view.index,
                    trigger=trig.text,
                    trigger_lemma=trig.lemma_.lower(),
                    actors=(agent,) if agent else (),
                    needs_actor=needs,
                    weapons=(weapon,) if weapon else (),
                    weapon_class=wclass,
                    class_from_weapon_phrase=from_phrase,
                    date_phrase=date_phrase,
                    date_offset=date_offset,
                    month_offset=month_offset,
                    identifying_date=view.identifying_date(trig, date_phrase),
                    date_role=date_role,
                    future=fact is Factuality.EXPECTED and not planned_before(view, trig, c),
                    days_after_previous=days_after,
                    beside_told=beside_told,
                    site=site,
                    same_site=site is None and same_place(view, trig, scope),
                    outcomes=outcomes,
                    count=count,
                    plural=count is None and _told_plural(view, scope, trig),
                    factuality=fact,
                    speaker=speaker,
                    speaker_states=speakers,
                    definite=definite,
                    distinct=distinct,
                    ordinal_dated=first_dated,
                    # "after earlier launches this month": the launches told already, no new one
                    generic=_recap(trig, date_phrase, c),
                    platform=_platform(view, trig),
                )
            )
            origin.append(trig.i)
        if agents and agents[0] and not needs:
            discourse.saw_agent(agents[0])
            if any(t.lemma_.lower() in view.lexicon.cue_terms("interceptor_noun") for t in scope):
                discourse.saw_defender(agents[0])  # "fired Patriot interceptors at two incoming missiles"
    for state in defenders:
        discourse.saw_defender(state)
    out, origin = _since(view, triggers, out, origin)
    flown = (
        ([] if triggers else _flights(view, discourse, c))
        + intercepting
        + _intercepted(view, discourse, c, triggers, defenders)
    )
    counted, claimed = _elliptic_subjects(view, discourse, c)
    if claimed:
        # "The first, on April 15, exploded seconds after lift-off": the clause tells the
        # elliptic subject's launch; its "lift-off" is no launch of its own
        kept = [(cand, i) for cand, i in zip(out, origin, strict=True) if i not in claimed]
        out, origin = [cand for cand, _ in kept], [i for _, i in kept]
    return _named_in_sentence(
        view, _listed(view, triggers, out, origin, discourse) + flown + counted, discourse
    )


def _named_in_sentence(view: SentenceView, found: list[Candidate], discourse: Discourse) -> list[Candidate]:
    """A launch the sentence tells without naming what flew takes the one weapon the sentence
    names elsewhere, when no other launch of the sentence fired it and it fits the launch's
    class and agent: "the Bulava program has had problems, including failed launches in 2013
    and 2016", "two earlier launches, on Feb. 27 and March 5, involved the Hwasong-17 system",
    "its Ababeel missile, which it first fired in January 2017"."""
    if not found or any(cand.weapons for cand in found):
        return found  # nothing to name, or the weapon another launch of the sentence fired
    named = {w.name: w for w in _launchable_weapons(view, list(view.sent))}
    if len(named) != 1:
        return found  # none or several
    (weapon,) = named.values()
    lexicon = view.lexicon
    out = []
    for cand in found:
        fits = (
            not cand.weapons
            and (
                weapon.operator is None
                or not cand.actors
                or bool(set(lexicon.fielded_by(weapon.name)) & set(cand.actors))
            )
            and (
                cand.weapon_class is None
                or weapon.weapon_class is None
                or lexicon.is_broader_or_equal(cand.weapon_class, weapon.weapon_class)
            )
        )
        if fits:
            cand = replace(cand, weapons=(weapon,), weapon_class=weapon.weapon_class or cand.weapon_class)
            discourse.projectile = (weapon, cand.weapon_class)  # what "The third launch" launched
        out.append(cand)
    return out


def _may_intercept(view: SentenceView, c: Cues) -> bool:
    """A cheap test before the parse is read: the sentence has a word of an interception verb
    ("destroyed", "shot down") or "against" (a means verb's target)."""
    text = view.text.lower()
    return "against" in text or any(word in text for word in c.intercept_words)


def _intercepts(verb: Token, c: Cues) -> bool:
    """True for a verb of interception: "intercepted", "destroyed", "shot down", "downed"."""
    lemma = verb.lemma_.lower()
    # "shot down 18 drones": the parser may take the particle for an adverb
    particles = {
        f"{lemma} {ch.lower_}"
        for ch in verb.children
        if ch.dep_ == "prt" or (ch.dep_ == "advmod" and ch.i == verb.i + 1)
    }
    return lemma in c.intercept or bool(particles & c.intercept)


def _interceptors(view: SentenceView, verb: Token, c: Cues) -> tuple[Token, list[Token]] | None:
    """(the verb whose subject is the defender, the interceptor nouns) of an interception: "an
    Arrow 3 interceptor destroyed a missile" (the subject), "HMS Diamond used a Sea Viper
    interceptor to shoot down ..." (the object of the means verb), "Arrow interceptors were used
    against the barrages" (the subject of a passive means verb)."""

    def armed(noun: Token) -> bool:
        return _has_projectile(view, _noun_phrase(noun), {})

    if verb.lemma_.lower() in c.means_verbs and any(
        t.dep_ == "prep" and t.lower_ == "against" and not _other_clause_of(t, verb) for t in verb.subtree
    ):
        means = [s for s in verb.children if s.dep_ == "nsubjpass" and armed(s)]
        return (verb, means) if means else None
    if not _intercepts(verb, c):
        return None
    means = [s for s in verb.children if s.dep_ == "nsubj" and armed(s)]
    if means:
        return verb, means
    if verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_.lower() in c.means_verbs:
        means = [ch for ch in verb.head.children if ch.dep_ == "dobj" and armed(ch)]
        if means:
            return verb.head, means
    return None


def _interceptors_states(view: SentenceView, c: Cues) -> frozenset[str]:
    """The states whose forces intercept in the sentence, by whatever means: "US fighter jets
    shot down an anti-ship cruise missile fired from Houthi-held territory"."""
    if not _may_intercept(view, c):
        return frozenset()
    return frozenset(
        state
        for verb in view.sent
        if verb.pos_ == "VERB" and _intercepts(verb, c)
        for subj in view.subject(verb)
        if subj.dep_ == "nsubj"
        for state in view.states_of(view.collect(subj))
    )


def _interceptions(
    view: SentenceView, discourse: Discourse, c: Cues, triggers: list[Token]
) -> list[Candidate]:
    """The defender's launch an interception tells: "an Arrow 3 interceptor destroyed a missile
    launched towards Eilat" (Israel launched an Arrow 3), "the British destroyer HMS Diamond used
    a Sea Viper interceptor to shoot down an anti-ship missile", "Arrow interceptors were used
    against the barrages of April and October 2024". A successful launch of the interceptor, by
    the state of the sentence's defender (the means verb's subject, the interceptor's own
    state or operator); an interceptor a launch verb fired already ("fired interceptors that
    destroyed ...") is that launch's."""
    if not _may_intercept(view, c):
        return []
    fired = {t.i for trig in triggers for t in (trig, *_args(trig))}
    out: list[Candidate] = []
    for verb in view.sent:
        if verb.pos_ != "VERB":
            continue
        found = _interceptors(view, verb, c)
        if found is None:
            continue
        holder, means = found
        noun = means[0]
        phrase = _noun_phrase(noun)
        if any(t.i in fired for t in phrase):
            continue
        fact = factuality(view, holder, c)
        if fact is None:
            continue
        weapon, _, _ = _weapon_and_class(view, phrase)
        defender = [s for s in view.subject(holder) if s.dep_ == "nsubj" and s.i != noun.i]
        agents = view.states_of([t for s in defender for t in view.collect(s)]) or view.states_of(phrase)
        if not agents and weapon is not None and weapon.operator:
            agents = [_fielder(view, weapon, discourse) or weapon.operator]
        needs = not agents
        if not agents:
            guess = discourse.actor()
            agents = [guess] if guess else []
        clause = [t for t in holder.subtree if not _other_clause_of(t, holder)]
        dates = _own_dates(view, clause)
        if not dates and holder.dep_ in ("relcl", "advcl"):
            dates = [p for p in view.date_phrases() if p.root == holder.head.i and _resolvable(p.text)]
        date_phrase = dates[0].text if dates else None
        told = _told_by_projectile(view, verb, noun, phrase, agents, needs, fact, date_phrase)
        # a success, and never the launch of what it destroyed, told in the same sentence
        out.append(replace(told, outcomes=frozenset({Outcome.SUCCESS.value}), distinct=True))
    return out


def _intercepted(
    view: SentenceView, discourse: Discourse, c: Cues, triggers: list[Token], defenders: frozenset[str]
) -> list[Candidate]:
    """The attacker's launch an interception tells by its target: "the coalition on Monday
    intercepted a second missile aimed at Dhahran al-Janub", "Saudi air defences shot down a
    Houthi ballistic missile over Jizan on Tuesday", "when it was used to shoot down a Syrian
    rocket". A failed launch of the target, by the state its phrase names (or the one it came
    from), else the state the text has launching, never the defender's; only a target told
    anew (not "the missile") with a day its clause tells, so the launch told before is not
    told again."""
    if not _may_intercept(view, c):
        return []
    fired = {t.i for trig in triggers for t in (trig, *_args(trig))}
    out: list[Candidate] = []
    for verb in view.sent:
        if verb.pos_ != "VERB" or not _intercepts(verb, c):
            continue
        heads = [ch for ch in verb.children if ch.dep_ in ("dobj", "nsubjpass")]
        # "shot down 18 drones, two anti-ship cruise missiles and an anti-ship ballistic missile":
        # each target its own launch, drones none
        targets = [t for h in heads for t in _listed_nouns(h)]
        for noun in targets:
            phrase = _noun_phrase(noun, listed=False)
            if any(t.i in fired for t in phrase) or not _launchable(view, phrase):
                continue
            if noun.pos_ == "PRON" or any(
                (ch.dep_ == "det" and ch.lower_ in ("the", "this", "that", "these", "those"))
                or (ch.dep_ == "poss" and ch.lower_ in PRONOUNS)
                for ch in noun.children
            ):
                continue  # "shot the missile down": the launch told before
            if any(t.lemma_.lower() in view.lexicon.cue_terms("test_target_word") for t in phrase):
                continue  # "destroyed a mock missile over the Pacific": a test's target
            fact = factuality(view, verb, c)
            if fact is None:
                continue
            clause = [t for t in verb.subtree if not _other_clause_of(t, verb)]
            dates = _own_dates(view, clause)
            holder = verb.head if verb.dep_ == "xcomp" else verb  # "was used to shoot down"
            if not dates and holder.dep_ in ("relcl", "advcl"):
                # "in late March, when it was used to shoot down a Syrian rocket"
                dates = [
                    p
                    for p in view.date_phrases()
                    if holder.head in (view.verb_of(p), view.doc[p.root]) and _resolvable(p.text)
                ]
            day = dates[0].text if dates else view.entry_date()
            if day is None:
                continue
            agents = [a for a in view.states_of(phrase) if a not in defenders] or [
                a for a in _origin_states(view, noun) if a not in defenders
            ]
            needs = not agents
            if not agents:
                # not whoever the text has shooting interceptors ("American forces had fired Patriot
                # interceptors at two incoming missiles ... the coalition intercepted a second missile")
                shooters = defenders | discourse.defenders
                guess = discourse.actor(exclude=shooters)
                agents = [guess] if guess and guess not in shooters else []
            if not agents:
                continue
            told = _told_by_projectile(view, verb, noun, phrase, agents, needs, fact, day)
            # "a second missile", "another": a launch of its own, not a share of a salvo told before
            new = any(ch.lower_ in c.ordinals or ch.lower_ in c.exercise_new for ch in noun.children)
            out.append(
                replace(told, outcomes=frozenset({Outcome.FAILURE.value}), distinct=True, shot_down=not new)
            )
    return out


def _targets_at(view: SentenceView, c: Cues) -> set[int]:
    """The tokens of what the sentence's interception verbs shot down."""
    if not _may_intercept(view, c):
        return set()
    return {
        t.i
        for verb in view.sent
        if verb.pos_ == "VERB" and _intercepts(verb, c)
        for ch in verb.children
        if ch.dep_ in ("dobj", "nsubjpass")
        for t in ch.subtree
    }


def _listed_nouns(noun: Token) -> list[Token]:
    """The noun and the nouns listed after it, as conjuncts or appositions."""
    out = [noun]
    for ch in noun.children:
        if ch.dep_ in ("conj", "appos") and ch.pos_ in ("NOUN", "PROPN"):
            out += _listed_nouns(ch)
    return out


def _told_by_projectile(
    view: SentenceView,
    verb: Token,
    noun: Token,
    phrase: list[Token],
    agents: list[str],
    needs: bool,
    fact: Factuality,
    date_phrase: str | None,
) -> Candidate:
    """A launch a clause tells by its projectile (the subject of a flight, an interceptor), with
    the weapon, class and count of the projectile's phrase; `agents` as the caller found them
    (`needs`: guessed from the discourse)."""
    weapon, wclass, from_phrase = _weapon_and_class(view, phrase)
    return Candidate(
        type=EventType.LAUNCH,
        sentence=view.mention(),
        sentence_index=view.index,
        trigger=verb.text,
        trigger_lemma=verb.lemma_.lower(),
        actors=tuple(agents[:1]),
        needs_actor=needs,
        weapons=(weapon,) if weapon else (),
        weapon_class=wclass,
        class_from_weapon_phrase=from_phrase,
        date_phrase=date_phrase,
        count=_count(view, phrase, noun),
        plural=_told_plural(view, phrase, noun),
        factuality=fact,
    )


def _series_rank(view: SentenceView, start: int, end: int, c: Cues) -> bool:
    """True for words that only rank a launch in a series: an owner and an ordinal on a launch
    noun ("its third launch this month", "the North's fifth test this year")."""
    nouns = view.lexicon.cue_terms("launch_noun")
    return any(
        tok.lemma_.lower() in nouns
        and any(ch.dep_ == "poss" for ch in tok.children)
        and any(ch.lower_ in c.ordinals for ch in tok.children)
        for tok in view.doc[start:end]
    )


def counted_occasion(noun: Token, c: Cues) -> bool:
    """True for a launch or projectile told with an ordinal ("the third launch", "the first two
    Chollima-1 rockets"): an occasion of its own, not the one just told said again."""
    return any(
        ch.dep_ == "amod" and ch.lower_ in c.ordinals and ch.lower_ not in c.back_ordinals
        for ch in noun.children
    )


#: What tells a flight's clause besides its verb: where and how it flew, and when, also as a
#: noun phrase ("Earlier this month, a Houthi missile landed near the airport")
FLIGHT_CLAUSE_DEPS = frozenset({"prep", "advmod", "prt", "dobj", "npadvmod"})


def _flights(view: SentenceView, discourse: Discourse, c: Cues) -> list[Candidate]:
    """A launch told by the projectile's flight in a sentence with no launch word: "A North
    Korean short-range ballistic missile came down in international waters on Wednesday",
    "September 2017, when a Hwasong-12 crossed Hokkaido". The subject names the projectile
    (a named weapon, or a class word that is not "the ..." referring back) and the clause
    says how it flew (a flight or outcome cue, or "crossed"); the date is the clause's, or the
    chronology entry's the sentence opens ("JAN. 16 -- Iranian missiles hit ...")."""
    out: list[Candidate] = []
    for verb in view.sent:
        if verb.pos_ != "VERB":
            continue
        subjects = [s for s in view.subject(verb) if s.dep_ in ("nsubj", "nsubjpass")]
        projectile = [
            s
            for s in subjects
            if (s.i in view.weapons or s.i in view.classes)
            and (
                not any(ch.dep_ == "det" and ch.lower_ in ("the", "this", "that") for ch in s.children)
                or counted_occasion(s, c)  # "The first two Chollima-1 rockets failed on May 31 and Aug. 24"
            )
        ]
        if not projectile:
            continue
        noun = projectile[0]
        phrase = _noun_phrase(noun)
        weapons = _launchable_weapons(view, phrase)
        classes = _launchable_classes(view, phrase)
        if not (weapons or classes):
            continue
        clause = [verb, *(t for ch in verb.children if ch.dep_ in FLIGHT_CLAUSE_DEPS for t in ch.subtree)]
        told = outcome_cues(view, clause, c)
        if not (told or lemmas(verb) & c.flight_verbs):
            continue
        fact = factuality(view, verb, c)
        if fact is None:
            continue
        dates = [p for p in view.dates_in(clause) if _resolvable(p.text)]
        if not dates and verb.dep_ in ("relcl", "advcl"):
            dates = [p for p in view.date_phrases() if p.root == verb.head.i and _resolvable(p.text)]
        if (
            not dates
            and verb.dep_ == "conj"
            and not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in verb.children)
        ):
            # "Earlier this month, a Houthi missile slipped through air defenses and landed ...":
            # the verbs share the subject and the day
            first = verb.head
            shared = [t for ch in first.children if ch.dep_ in ("npadvmod", "prep") for t in ch.subtree]
            dates = [p for p in view.dates_in(shared) if _resolvable(p.text)]
        day = dates[0].text if dates else view.entry_date()  # "JAN. 16 -- Iranian missiles hit ..."
        if day is None:
            continue  # "A missile flew 600 km": the launch told before, not a new one
        fielded = [_fielder(view, w, discourse) or "" for w in weapons if w.operator]
        agents = view.states_of(phrase) or fielded[:1]
        needs = not agents
        if not agents:
            guess = discourse.actor()
            agents = [guess] if guess else []
        launch = _told_by_projectile(view, verb, noun, phrase, agents, needs, fact, day)
        out.append(replace(launch, outcomes=told))
    return out


def _elliptic_subjects(view: SentenceView, discourse: Discourse, c: Cues) -> tuple[list[Candidate], set[int]]:
    """Launches told by a subject that only counts what was fired before: "Two more on April 28
    also failed, and a fourth, on May 31, is believed to have blown up". Each is a launch of the
    projectile told last, by the state the article is about, when it has a date of its own and
    its clause says how it flew or ended (or that it was launched); without a date ("One blew
    up and the other two flew 250 km") the subjects are parts of the salvo told before."""
    if discourse.projectile is None:
        return [], set()
    ordinals = view.lexicon.cue_terms("ordinal_word")
    out: list[Candidate] = []
    claimed: set[int] = set()
    for subj in view.sent:
        if subj.dep_ not in ("nsubj", "nsubjpass") or any(ch.dep_ == "compound" for ch in subj.children):
            continue
        count = number_word(subj.lower_, view)
        if subj.lower_ in ordinals or subj.lower_ == "another":
            count = 1
        if count is None:
            continue
        verb = subj.head
        told = outcome_cues(view, [t for t in verb.subtree if t.i not in _other_subjects(verb, subj)], c)
        launched = any(
            ch.dep_ in ("acl", "relcl") and lemmas(ch) & {"launch", "fire"} for ch in subj.children
        )
        if not (told or launched):
            continue
        fact = factuality(view, verb, c)
        if fact is None:
            continue
        dates = [p for p in view.dates_in(list(subj.subtree)) if _resolvable(p.text)]
        dates = dates or [
            p
            for p in view.dates_in([t for ch in verb.children if ch.dep_ == "prep" for t in ch.subtree])
            if _resolvable(p.text)
        ]
        if not dates:
            continue  # "One blew up and the other two flew 250 km": parts of the salvo told before
        weapon, wclass = discourse.projectile
        agent = discourse.actor()
        claimed |= {t.i for t in verb.subtree} - _other_subjects(verb, subj)
        out.append(
            Candidate(
                type=EventType.LAUNCH,
                sentence=view.mention(),
                sentence_index=view.index,
                trigger=subj.text,
                trigger_lemma=subj.lemma_.lower(),
                actors=(agent,) if agent else (),
                needs_actor=True,
                weapons=(weapon,) if weapon else (),
                weapon_class=wclass,
                date_phrase=dates[0].text,
                outcomes=told,
                count=count,
                factuality=fact,
                distinct=True,
            )
        )
    return out, claimed


def _other_subjects(verb: Token, subj: Token) -> set[int]:
    """Tokens of the verb's other coordinated clauses ("Two more failed, and a fourth blew up")."""
    return {
        t.i for ch in verb.children if ch.dep_ == "conj" and ch.pos_ in ("VERB", "AUX") for t in ch.subtree
    }


def _since(
    view: SentenceView, triggers: list[Token], found: list[Candidate], origin: list[int]
) -> tuple[list[Candidate], list[int]]:
    """ "the first Rodong launch since July 2009", "the first time since May 1980 that China has
    test-fired an ICBM": the launch before this one, on that date, is an event of its own, by the
    same state with the same weapon (unless a "when" clause tells it: "since Nov. 28, when it
    tested ...", which its own trigger reads)."""
    out, where = list(found), list(origin)
    at = {t.i for t in triggers}
    for prep in view.sent:
        if prep.lower_ != "since" or prep.dep_ not in ("prep", "mark"):
            continue
        if any(t.i in at for t in prep.subtree) or any(
            ch.dep_ in ("relcl", "advcl") for t in prep.subtree for ch in t.children
        ):
            continue  # "since Nov. 28, when it tested ...": told by the clause's own trigger
        if any(ch.dep_ == "advmod" and ch.lower_ == "when" for t in triggers for ch in t.children):
            continue  # the same, with the "when" clause hung on the launch noun
        dates = [p for p in view.dates_in(list(prep.subtree)) if _resolvable(p.text)]
        if not dates or not any(t.lower_ in ("first", "last") for t in view.sent):
            continue
        near = min(triggers, key=lambda t: _distance(t, prep), default=None)
        if near is None or _distance(near, prep) > 5:
            continue
        for cand, i in zip(found, origin, strict=True):
            if i == near.i and cand.factuality in (Factuality.ASSERTED, Factuality.CLAIMED):
                out.append(
                    replace(
                        cand,
                        date_phrase=dates[0].text,
                        days_after_previous=None,
                        identifying_date=False,
                        site=None,
                        count=None,
                        outcomes=frozenset(),
                        definite=False,
                        distinct=True,
                        date_role="",
                    )
                )
                where.append(i)
    return out, where


def _listed(
    view: SentenceView, triggers: list[Token], found: list[Candidate], origin: list[int], discourse: Discourse
) -> list[Candidate]:
    """The candidates of a sentence that lists several launch occasions (kg.extract.occasions).

    An occasion that holds a trigger of its own keeps that trigger's candidates (the parse
    read it); the occasion of the sentence's first trigger gives that trigger's candidates its
    own date, and its count, weapon and site where it names them ("fired one missile on Sept.
    25, two more on Sept. 28": the parse may hang the later date on the verb); an elliptic
    occasion ("two more on Sept. 28") becomes a candidate like the first trigger's, with what
    it says. A list with no launch word ("THE TALLY: two KN-23s from near Wonsan on July 25;
    two projectiles each ...") is taken when each of its items names how many or from where.
    Nothing changes when no occasion is elliptic."""
    c = cues(view.lexicon)
    occasions = find_occasions(
        view,
        view.sent.start,
        launchable=c.launched,
        numbers=c.numbers,
        place_of=place_label,
        verbs=frozenset(t.i for t in triggers if t.pos_ == "VERB"),
    )
    trigger_at = {t.i for t in triggers}
    elliptic = [o for o in occasions if not any(o.start <= i < o.end for i in trigger_at)]
    # "fired a ballistic missile on Wednesday, its third launch this month": an item that only
    # says which of a series the launch was restates it
    elliptic = [o for o in elliptic if not _series_rank(view, o.start, o.end, c)]
    wholes = parts_of_one(view, c)
    if wholes:
        # "two short-range missiles, the Shahab-1 and the Shahab-2, were also fired": one launch
        # whose projectiles the list names, unless its items have days of their own
        told = {i for found in wholes.values() for i in found} | set(wholes)
        words = {*view.weapons, *view.classes}
        only_parts = all(
            i in told or projectile_noun(view.doc[view.span_root.get(i, i)]).i in told
            for o in elliptic
            for i in range(o.start, o.end)
            if i in words
        )
        one_day = len({o.date_phrase for o in occasions} - {None}) <= 1 and all(
            o.days_after is None for o in occasions
        )
        if only_parts and one_day:
            return [
                one_launch_of_parts(view, cand, wholes) if launch_of_a_whole(view, i, wholes) else cand
                for cand, i in zip(found, origin, strict=True)
            ]
    if not elliptic:  # each occasion has its trigger: only the dates told in items of their own
        return [_dated_by_item(cand, i, occasions) for cand, i in zip(found, origin, strict=True)]
    # the trigger whose clause holds the list: "The launch came after North Korea test-fired two
    # Rodongs and one Scud on July 19" lists what "test-fired" fired, not the launch told before
    ends = [
        max((t.i for t in view.doc[o.start : o.end] if not t.is_punct), default=o.start) for o in elliptic
    ]
    holders = [
        t
        for t in triggers
        if all(
            t.left_edge.i <= o.start and end <= t.right_edge.i for o, end in zip(elliptic, ends, strict=True)
        )
    ]
    holder = min(holders, key=lambda t: t.right_edge.i - t.left_edge.i) if holders else None
    first = holder.i if holder is not None else triggers[0].i if triggers else -1
    bases = [cand for cand, i in zip(found, origin, strict=True) if i == first]
    if triggers and not bases:
        return found  # the first trigger is not an event (a pledge): nor is its list
    if not triggers:
        if not (occasions[0].weapons or occasions[0].weapon_class):
            return found
        if not all(o.count is not None or o.site for o in occasions):
            return found
        agent = discourse.actor()
        shot = _targets_at(view, c)
        if agent in _interceptors_states(view, c) or any(o.end - 1 in shot for o in occasions):
            # "warships shot down 18 drones, two cruise missiles and ...": targets (_intercepted)
            return found
        bases = [
            Candidate(
                type=EventType.LAUNCH,
                sentence=view.mention(),
                sentence_index=view.index,
                trigger="",
                trigger_lemma="",
                actors=(agent,) if agent else (),
                needs_actor=True,
            )
        ]
    head = next((o for o in occasions if o.start <= first < o.end), None)
    listed_dates = {o.date_phrase for o in occasions}
    out: list[Candidate] = []
    for cand, i in zip(found, origin, strict=True):
        if i == first and (head is not None or cand.date_phrase in listed_dates):
            continue  # replaced below; without an occasion of its own it sums the list up
        outside = holder is not None and not holder.left_edge.i <= i <= holder.right_edge.i
        out.append(cand if outside else _dated_by_item(cand, i, occasions))  # "The launch came after ..."
    told_elsewhere = {w.name for o in elliptic for w in o.weapons}
    # "Kalibr and Oniks missiles": the plural head after the last name is each name's
    shared_plural = any(o.named_after and _plural_class_word(view, o) for o in elliptic)
    # "On April 13, Iran launched some 170 drones, more than 30 cruise missiles and ...": the
    # first item, drones, is no launch; the items after it are
    drones_first = head is not None and head.other_thing and not (head.weapons or head.weapon_class)
    for base in bases:
        if head is not None and not drones_first:
            out.append(
                replace(
                    base,
                    # "fired Harpoon missiles and Tomahawk cruise missiles": not the other item's weapon
                    weapons=head.weapons or tuple(w for w in base.weapons if w.name not in told_elsewhere),
                    # "a Hwasong-18 and two SRBMs": the named weapon's class, not the other item's
                    weapon_class=head.weapon_class
                    or (head.weapons[0].weapon_class if head.weapons else None)
                    or base.weapon_class,
                    date_phrase=head.date_phrase,
                    days_after_previous=head.days_after,
                    site=head.site or base.site,
                    count=head.count if head.count is not None else base.count,
                    plural=base.plural or shared_plural,
                )
            )
        for occ in elliptic:
            # "the second in September 2013": an ordinal that stands for another of the launch told
            same_kind = occ.launch_word and not (occ.weapons or occ.weapon_class)
            out.append(
                replace(
                    base,
                    weapons=base.weapons if same_kind else occ.weapons,
                    weapon_class=base.weapon_class if same_kind else occ.weapon_class,
                    class_from_weapon_phrase=bool(occ.weapons and occ.weapon_class),
                    date_phrase=occ.date_phrase or (base.date_phrase if occ.days_after is None else None),
                    days_after_previous=occ.days_after,
                    identifying_date=False,
                    # "fired Kalibr and Oniks missiles at targets in the Baltic Sea": an item on the
                    # launch's own day shares its place, as the first item does
                    site=occ.site or (base.site if occ.date_phrase in (None, base.date_phrase) else None),
                    count=occ.count,
                    plural=occ.count is None and (base.plural or (occ.named_after and shared_plural)),
                    outcomes=outcome_cues(view, list(view.doc[occ.start : occ.end]), cues(view.lexicon)),
                    definite=False,
                    distinct=True,
                )
            )
    return sorted(out, key=lambda c: _order(c, occasions))


def _plural_class_word(view: SentenceView, occ: Occasion) -> bool:
    """True when the occasion's words hold a class word in the plural ("... and Zelzal missiles")."""
    return any(view.doc[i].tag_ in ("NNS", "NNPS") for i in range(occ.start, occ.end) if i in view.classes)


def _dated_by_item(cand: Candidate, trigger: int, occasions: list[Occasion]) -> Candidate:
    """A trigger's candidate with the date of its occasion when the parse gave it none: "...,
    the following day, fired four more" (the date is an item of its own); or with the days of
    all its occasions when the parse gave it fewer ("two launches this year, on April 23 and
    July 9": one launch a day, split by kg.normalize)."""
    held = [o for o in occasions if o.start <= trigger < o.end]
    if not held:
        return cand
    occ = held[0]
    days = [o.date_phrase for o in held if o.date_phrase]
    told = resolve_each(cand.date_phrase, _ANCHOR_PROBE) if cand.date_phrase else []
    if len(days) > max(1, len(told)):  # the parse gave fewer days than the list
        # "two launches this year, on April 23 and July 9": one occasion per day, split by
        # kg.normalize like "on Sept. 11 and again on Sept. 12"
        occ = replace(occ, date_phrase=" and ".join(days), days_after=None)
        occasions = [occ]
        cand = replace(cand, date_phrase=None, days_after_previous=None)
    # what the trigger's own item says wins over what a parse across the list's items gave it
    # ("...; on Jan. 25, two cruise missiles were launched from an inland area; ...")
    own = replace(
        cand,
        weapons=occ.weapons or cand.weapons,
        weapon_class=occ.weapon_class or (occ.weapons[0].weapon_class if occ.weapons else cand.weapon_class),
        site=occ.site or cand.site,
        count=occ.count if occ.count is not None else cand.count,
    )
    others = {o.date_phrase for o in occasions if o is not occ}
    if occ.date_phrase is not None and cand.date_phrase in others:  # the parse took another item's date
        return replace(own, date_phrase=occ.date_phrase, days_after_previous=None)
    if cand.date_phrase is not None or cand.days_after_previous is not None:
        return own
    return replace(own, date_phrase=occ.date_phrase, days_after_previous=occ.days_after)


def _order(cand: Candidate, occasions: list[Occasion]) -> int:
    """Candidates of a list in the order of its occasions (by date phrase), others first."""
    for k, occ in enumerate(occasions):
        if (occ.date_phrase, occ.days_after) == (cand.date_phrase, cand.days_after_previous):
            return k + 1
    return 0


__all__ = ["LOCATION_PREPS", "find_launches", "place_label"]
