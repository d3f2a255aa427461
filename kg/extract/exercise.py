"""Exercise rules: "US and South Korean forces began Ulchi Freedom Guardian on Aug. 21",
"A US B-1B bomber and South Korean fighter jets conducted joint training exercises",
"joint training drills that included Japan and South Korea".

Participants come from the exercise phrase itself (modifiers, "by/with X", a relative clause
"that included X"), from the subject of a verb that holds or stages it, and from the
operators of the named platforms taking part (a B-1B is American). States that are only
targets or places ("drills around Taiwan", "against the North") are left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from kg.dates import MONTHS, WEEKDAYS
from kg.extract.candidate import Candidate
from kg.extract.counts import number_word
from kg.extract.cues import Cues, cues
from kg.extract.discourse import Discourse
from kg.extract.factuality import PERFECT_AUX, attribution, factuality, habitual, perfect_habit
from kg.extract.launch import (
    _attached_to,
    _clause_date,
    _date,
    _other_clause_of,
    _resolvable,
    after_clause_date,
)
from kg.extract.sentence import PRONOUNS, SentenceView, infinitive, inside_other, lemmas
from kg.extract.sentence import TARGET_PREPS as SHARED_TARGET_PREPS
from kg.lexicon import EDITION_PATTERN, Lexicon
from kg.models import EventType, Factuality, WeaponRef

if TYPE_CHECKING:
    from spacy.tokens import Token

TARGET_PREPS = SHARED_TARGET_PREPS | {"of"}


@cache
def _name_regex(names: tuple[str, ...]) -> re.Pattern[str]:
    # Indian and Pakistani service releases write exercise names in capitals ("VARUNA 2025")
    forms = {*names, *(n.upper() for n in names)}
    alts = "|".join(re.escape(n) for n in sorted(forms, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + alts + r")(?:" + EDITION_PATTERN + r")?(?![\w-])")


def _known_names(view: SentenceView, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """(first token, end token, name) of known exercise names in the sentence."""
    regex = _name_regex(lexicon.event_names("Exercise"))
    nouns = lexicon.cue_terms("exercise_noun")
    out = []
    base = view.sent.start_char
    for m in regex.finditer(view.text):
        span = view.doc.char_span(base + m.start(), base + m.end(), alignment_mode="expand")
        if span is None:
            continue
        after = view.doc[span.end] if span.end < view.sent.end else None
        drill = after is not None and after.lemma_.lower() in nouns
        if view.span_root.get(span.end - 1) not in view.weapons or drill:
            # not "Shaheen-II", the missile (a weapon's name ends it); "Trident Juncture 2018" and
            # "the Zolfaghar exercise" are names of exercises
            out.append((span.start, span.end, m.group(0)))
    return out


# A military designation ("F-15s", "Su-30SM", "B-52"): a platform the table may not know, never
# an exercise's name
DESIGNATION = re.compile(r"[A-Z]{1,3}-\d+[A-Za-z]{0,3}")


def _proper_name(view: SentenceView, noun: Token) -> str | None:
    """A proper name given to the exercise: compound, apposition, "code-named X", or the
    military's own "Exercise X" ("the ongoing Exercise INDUS")."""
    if any(ch.text == "Exercise" and ch.dep_ == "compound" for ch in noun.children):
        first = min(t.i for t in noun.subtree if t.text == "Exercise") + 1
        return view.doc[first : noun.i + 1].text  # "Exercise INDUS" is the exercise INDUS
    if noun.text in ("Exercise", "Operation") and noun.i + 1 < view.sent.end:
        after = []
        for tok in view.doc[noun.i + 1 : view.sent.end]:
            if tok.pos_ not in ("PROPN", "NUM", "X") and not (tok.text.isupper() and tok.is_alpha):
                break
            after.append(tok)
        if after and after[0].text[:1].isupper():
            return view.doc[after[0].i : after[-1].i + 1].text
    cands: list[Token] = []
    for ch in noun.children:
        if not ch.text[:1].isupper():
            continue  # "navy war games": the tagger's proper noun, no name
        if ch.dep_ == "compound" and ch.pos_ == "PROPN" and ch.i < noun.i:
            cands.append(ch)
        if ch.dep_ == "appos" and ch.pos_ == "PROPN":
            cands.append(ch)
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        cands.append(noun.head)
    for ch in noun.children:  # "code-named Joint Sword-2024A", "that it called Joint Sword"
        for t in ch.subtree:
            if t.pos_ == "PROPN" and cues(view.lexicon).name_intro.search(
                view.doc[max(t.i - 3, 0) : t.i].text + " "
            ):
                while t.dep_ == "compound" and t.head.i > t.i and t.head.pos_ == "PROPN":
                    t = t.head  # "dubbed Invincible Spirit": the name's last word holds the others
                cands.append(t)
    for cand in cands:
        toks = [
            t for t in cand.subtree if t.i <= cand.i or t.dep_ in ("compound", "nummod", "npadvmod", "punct")
        ]
        toks = [t for t in toks if t.pos_ in ("PROPN", "NUM", "PUNCT", "X") and t.i not in view.states]
        toks = sorted(toks, key=lambda t: t.i)
        # one run of words around the candidate: a name has no gaps ("Joint Sword-2024A")
        run = [t for t in toks if t.i == cand.i]
        if not run:
            continue  # the candidate is a state's name ("Belarus" in "the Zapad exercise in Belarus")
        for t in reversed([t for t in toks if t.i < cand.i]):
            if t.i != run[0].i - 1:
                break
            run.insert(0, t)
        for t in (t for t in toks if t.i > cand.i):
            if t.i != run[-1].i + 1:
                break
            run.append(t)
        toks = run if run else toks
        while toks and toks[0].pos_ == "PUNCT":
            toks.pop(0)
        while toks and toks[-1].pos_ == "PUNCT":
            toks.pop()
        if (
            not toks
            or toks[0].lower_ in MONTHS
            or toks[0].lower_ in WEEKDAYS
            or any(t.i in view.weapons for t in toks)
        ):
            continue
        if view.doc[toks[0].i : toks[-1].i + 1].text in view.lexicon.cue_terms("organization"):
            continue  # "the largest Nato exercise": the alliance, not the exercise's name
        text = view.doc[toks[0].i : toks[-1].i + 1].text
        if DESIGNATION.fullmatch(text):
            continue  # "alongside Japanese F-15s, the first nighttime drill": an aircraft, not a name
        if len(text) > 2 and not text.isdigit():
            return text
    return None


def _definite_platforms(view: SentenceView, toks: list[Token], discourse: Discourse) -> list[WeaponRef]:
    """ "the bomber", "the carrier": the named platform of that class the article told before."""
    out = []
    for i, label in view.class_words(toks):
        tok = view.doc[view.span_root[i]]
        if any(ch.lower_ == "the" for ch in tok.children) and not any(
            t.i in view.weapons for t in tok.subtree
        ):
            ref = discourse.platform(label)
            if ref is not None:
                out.append(ref)
    return out


def _scene_participants(view: SentenceView, noun: Token, verb: Token | None) -> list[Token]:
    """Who a "where" clause on the exercise's ground says was there: "the main stage of the
    Vostok-2018 maneuvers at the Tsugol training ground, where Russian troops operated side by
    side with units of the Chinese PLA and the Mongolian Armed Forces"."""
    holders = [noun, *([verb] if verb is not None else [])]
    out: list[Token] = []
    for holder in holders:
        for prep in (ch for ch in holder.children if ch.dep_ == "prep" and ch.lower_ in ("at", "in", "on")):
            for place in (g for g in prep.children if g.dep_ == "pobj"):
                for clause in (c for c in place.children if c.dep_ == "relcl"):
                    if any(w.lower_ in ("where", "wherein") for w in clause.children):
                        out += [
                            t for s in view.subject(clause) for t in view.collect(s, skip_preps=TARGET_PREPS)
                        ]
                        for with_ in (
                            c
                            for c in clause.subtree
                            if c.dep_ == "prep" and c.lower_ in ("with", "alongside")
                        ):
                            out += list(with_.subtree)
    return out


def _under_way(verb: Token, c: Cues) -> bool:
    """True if the verb tells drills going on at the dateline: a verb that holds them in the
    present progressive ("are conducting joint drills") or one that starts them in the present
    perfect ("have begun a joint exercise", "has kicked off")."""
    auxes = {a.lower_ for a in verb.children if a.dep_ == "aux"}
    lemma = verb.lemma_.lower()
    return (verb.tag_ == "VBG" and bool(auxes & {"is", "are", "'re"}) and lemma in c.hold) or (
        verb.tag_ == "VBN" and bool(auxes & PERFECT_AUX) and lemma in c.start
    )


def _present(verb: Token) -> bool:
    return verb.tag_ in ("VBZ", "VBP") or any(
        ch.dep_ in ("aux", "auxpass") and ch.tag_ in ("VBZ", "VBP") for ch in verb.children
    )


def _series(trig: Token, c: Cues) -> bool:
    """True if a named exercise is told as a series, in the present and with a word of habit on
    a verb that holds it: "The drills, called Ulchi Freedom Guardian, are held every summer",
    "Cobra Gold is the biggest exercise in Asia, hosted in Thailand every year"."""
    verbs: list[Token] = []
    node = trig
    while node.dep_ in SERIES_PATH and node.head.i != node.i:
        node = node.head  # "drills, called Ulchi Freedom Guardian, are held": called, held
        if node.pos_ in ("VERB", "AUX"):
            verbs.append(node)
    if node.pos_ in ("VERB", "AUX") and node not in verbs:
        verbs.append(node)
    nouns = [t for v in verbs for t in v.children if t.dep_ in ("nsubj", "nsubjpass", "attr", "dobj")]
    # "..., hosted in Thailand every year": a clause on the exercise's noun that holds it
    held = [ch for n in nouns for ch in n.children if ch.dep_ in ("acl", "relcl") and ch.lemma_ in c.hold]
    main = [v for v in verbs if v.dep_ not in ("acl", "relcl")]
    return any(_present(v) for v in main) and any(habitual(v, c) for v in [*verbs, *held])


#: How a name hangs on the clause that tells it ("Cobra Gold is ...", "the drills, called X, are ...").
SERIES_PATH = frozenset({"compound", "appos", "oprd", "acl", "nmod", "attr", "nsubj", "nsubjpass", "dobj"})


def _said_of_the_one_told(trig: Token) -> bool:
    """ "It is Sweden's first BALTOPS as an ally", "This was the first edition to include
    Japan": the noun says what the exercise told before ("it") is, so "first" does not make
    it another one."""
    if trig.dep_ != "attr" or trig.head.lemma_ != "be":
        return False
    return any(ch.dep_ == "nsubj" and ch.lower_ in ("it", "this") for ch in trig.head.children)


def _a_kind_of_exercise(trig: Token) -> bool:
    """An exercise as a kind, not an occasion: "a Russian strategic exercise of this kind", "such
    drills", "deploy to each other's territory for joint exercises" (a purpose)."""
    # "the first nighttime drill of its kind", "the first such drill this year": one occasion,
    # the first of a kind
    first = any(ch.lower_ in ("first", "last", "largest", "biggest") for ch in trig.children)
    if any(ch.lower_ == "such" for ch in trig.children) and not first:
        return True
    kind = not first and any(
        ch.dep_ == "prep"
        and ch.lower_ == "of"
        and any(g.lemma_.lower() in ("kind", "sort", "type") for g in ch.subtree)
        for ch in trig.children
    )
    # "for joint exercises" is a purpose; "for joint drills that included Japan" tells some
    purpose = (
        trig.dep_ == "pobj"
        and trig.head.lower_ == "for"
        and trig.tag_ == "NNS"
        and not any(ch.dep_ in ("det", "poss", "nummod", "relcl", "acl") for ch in trig.children)
    )
    return kind or purpose


def _provided_for(view: SentenceView, trig: Token) -> bool:
    """True for drills an agreement provides for, not held: "a security agreement covering
    military aid, training and defence-industrial cooperation", "the treaty ... commits the two
    forces to closer training" (the trigger under a treaty noun, or under a verb whose subject
    is one)."""
    treaty_nouns = view.lexicon.cue_terms("treaty_noun")
    for anc in list(trig.ancestors)[:6]:
        if anc.lemma_.lower() in treaty_nouns:
            return True
        if anc.pos_ == "VERB":
            # "an agreement covering ... training": the clause on the treaty noun
            on_treaty = anc.dep_ in ("acl", "relcl") and anc.head.lemma_.lower() in treaty_nouns
            return on_treaty or any(subj.lemma_.lower() in treaty_nouns for subj in view.subject(anc))
    return False


def _names_what_was_held(verb: Token, c: Cues) -> bool:
    """A naming verb in a clause another verb holds: "carried out what Moscow described as a
    joint patrol" (what was held is what the clause names)."""
    return bool(
        lemmas(verb) & c.naming and verb.dep_ in ("ccomp", "relcl", "xcomp") and lemmas(verb.head) & c.hold
    )


def _participants(
    view: SentenceView, noun: Token, discourse: Discourse
) -> tuple[list[str], list[WeaponRef], bool]:
    toks = view.collect(noun, skip_preps=TARGET_PREPS)
    verb = view.nearest_verb(noun)
    pronoun = any(t.lower_ in PRONOUNS and t.dep_ == "poss" for t in noun.children)
    if verb is not None and _names_what_was_held(verb, cues(view.lexicon)):
        # "Russian and Chinese bombers carried out what Moscow described as a joint patrol": the
        # exercise is what the bombers carried out, not what Moscow described
        for ch in verb.children:
            if ch.dep_ in ("advcl", "acl") and lemmas(ch) & cues(view.lexicon).involve:
                toks += [t for d in ch.children if d.dep_ in ("dobj", "attr") for t in view.collect(d)]
        verb = verb.head
        noun_dep = "dobj"
    else:
        noun_dep = noun.dep_
    if pronoun and verb is not None and lemmas(verb) & cues(view.lexicon).naming:
        # "what Moscow and Beijing described as their first joint air patrol": whose "their"
        toks += [t for s in view.subject(verb) for t in view.collect(s, skip_preps=TARGET_PREPS)]
        pronoun = False
    for ch in noun.children:  # "a joint patrol involving two Russian and two Chinese bombers"
        if ch.dep_ in ("acl", "relcl") and lemmas(ch) & cues(view.lexicon).involve:
            toks += [t for d in ch.children if d.dep_ in ("dobj", "attr") for t in view.collect(d)]
    toks += _scene_participants(view, noun, verb)
    # "the Vostok 2022 exercise, with the participation of Chinese troops, started ..."
    toks += [
        t
        for holder in (noun, *([verb] if verb is not None else []))
        for t in _with_the_participation_of(view, holder)
    ]
    if verb is not None:
        forms = lemmas(verb)
        answered = (
            noun_dep == "pobj" and noun.head.lower_ == "with" and bool(forms & cues(view.lexicon).response)
        )
        # "North Korea called the drills aggressive", "deemed them a rehearsal for invasion": what
        # the drills are said to be, by someone who does not hold them
        judged = noun_dep == "dobj" and any(ch.dep_ == "oprd" for ch in verb.children)
        if answered or (
            noun_dep in ("dobj", "pobj", "attr", "nsubjpass", "appos", "conj")
            and forms & cues(view.lexicon).hold
            and not judged
        ):
            subj = [] if _takes_no_part(view, verb) else view.subject(verb)
            for s in subj:
                toks += view.collect(s, skip_preps=TARGET_PREPS)
                pronoun = pronoun or s.lower_ in PRONOUNS
            for ch in verb.children:
                if ch.dep_ in ("dobj", "dative") and ch.i != noun.i:
                    toks += view.collect(ch, skip_preps=TARGET_PREPS)
                if (
                    ch.dep_ == "prep"
                    and ch.lower_ in ("with", "by", "alongside")
                    and not _observers_in(view, list(ch.subtree))
                ):
                    toks += view.collect(ch, skip_preps=TARGET_PREPS - {"with", "by", "alongside"})
                if ch.dep_ == "agent":
                    toks += list(ch.subtree)
        clause = noun.head
        if (
            noun.dep_ == "npadvmod"
            and clause.pos_ == "VERB"
            and not lemmas(clause) & cues(view.lexicon).reporting  # "..., a commander said, an exercise"
            and not view.states_of(toks)
        ):
            # "The Ground Self-Defense Force test-fired a missile on Tuesday, the first drill of its
            # kind": the apposition names what the clause's subject did
            for s in view.subject(clause):
                toks += view.collect(s, skip_preps=TARGET_PREPS)
                pronoun = False
        taker = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "in" else None
        if (
            taker is not None
            and taker.dep_ == "attr"
            and taker.lemma_.lower() in view.lexicon.cue_terms("participation_word")
            and not _takes_no_part(view, taker.head)
            and not any(ch.dep_ == "neg" for ch in taker.head.children)  # "Japan is not a participant"
        ):
            # "Singapore, Japan and Malaysia are full participants in the exercises"
            for s in view.subject(taker.head):
                toks += view.collect(s, skip_preps=TARGET_PREPS)
        if (
            noun.dep_ == "pobj"
            and noun.head.lower_ == "of"
            and noun.head.head.lemma_.lower() in ("middle", "midst", "part")
        ):
            for s in view.subject(verb):  # "Sweden ... is in the middle of Aurora 17"
                toks += view.collect(s, skip_preps=TARGET_PREPS)
        if noun.dep_ == "nsubj" and forms & cues(view.lexicon).start:
            # "the drill opened on June 7 with 50 ships and 9,000 personnel from Belgium, ...":
            # the forces it began with take part
            for ch in verb.children:
                if ch.dep_ == "prep" and ch.lower_ == "with" and _names_forces(view, ch):
                    toks += view.collect(ch, skip_preps=TARGET_PREPS)
        if noun.dep_ in ("nsubj", "nsubjpass") and forms & cues(view.lexicon).involve:
            for ch in verb.children:
                if ch.dep_ in ("dobj", "attr", "prep", "advmod", "npadvmod") and ch.i != noun.i:
                    toks += list(ch.subtree)
    # "with the navies of the US, Japan and Australia", "troops of 12 countries": the states of
    # the forces taking part ("of" is left out elsewhere: "off the coast of Japan")
    forces = view.lexicon.cue_terms("forces_noun")
    toks += [
        t
        for f in list(toks)
        if f.pos_ == "NOUN" and f.lemma_.lower() in forces
        for ch in f.children
        if ch.dep_ == "prep" and ch.lower_ == "of"
        for t in ch.subtree
    ]
    toks += _listed_after_count(view, [*toks, *(verb.subtree if verb is not None else ())])
    ordered = sorted(set(toks), key=lambda t: t.i)
    # "USS John Finn joined JS Shimakaze": a warship's prefix tells whose navy takes part
    navies = view.lexicon.cue_terms("ship_prefix")
    states = list(
        dict.fromkeys([*view.states_of(ordered), *(navies[t.text] for t in ordered if t.text in navies)])
    )
    weapons = view.weapon_refs(ordered)
    weapons += [w for w in _definite_platforms(view, ordered, discourse) if w not in weapons]
    for w in weapons:
        # "a US B-1B bomber" or "the bomber": its operator takes part; "South Korean fighter
        # jets, including F-35As": the platform is theirs, whoever builds it
        if w.operator and w.operator not in states and not (states and _owned(view, w)):
            states.append(w.operator)
    return states, weapons, pronoun


def _listed_after_count(view: SentenceView, tokens: list[Token]) -> list[Token]:
    """The list a colon opens after the states a counted force comes from, told in the exercise's
    clause: "opened on July 13, involving 35,000 personnel from 19 nations: Australia, the United
    States, Canada, ..." (the parser hangs the list on the verb); those states take part. The
    list runs to its first verb or preposition other than "with", "as" or "including" ("...,
    near waters claimed by China" is no more of it)."""
    nouns = view.lexicon.cue_terms("counted_state_noun")
    counted = [
        t.i
        for t in tokens
        if t.lower_ in nouns
        and any(ch.dep_ == "nummod" and ch.like_num for ch in t.children)
        # "35,000 personnel from 19 nations", "troops of 12 countries": a force counted, not
        # "envoys from three countries" or "its critics include three nations"
        and t.dep_ == "pobj"
        and t.head.lower_ in ("from", "of")
        and any(ch.dep_ == "nummod" for ch in t.head.head.children)
    ]
    if not counted:
        return []
    colon = next((t for t in view.sent if t.i > max(counted) and t.text in (":", ";", ".")), None)
    if colon is None or colon.text != ":" or colon.i - max(counted) > _COLON_REACH:
        return []
    listed = []
    for tok in view.doc[colon.i + 1 : view.sent.end]:
        if tok.pos_ in ("VERB", "AUX", "SCONJ") or tok.text == ";":
            break
        if tok.pos_ == "ADP" and tok.lower_ not in ("with", "as", "including"):
            break
        listed.append(tok)
    return listed if len(view.states_of(listed)) >= 2 else []


#: Tokens a colon may stand after the counted states it lists ("from 19 nations are training
#: across Queensland, the Northern Territory and beyond: ...")
_COLON_REACH = 12


def _observers_in(view: SentenceView, tokens: list[Token]) -> bool:
    """True if the tokens name observers ("with the Philippines and Thailand attending as
    observers", "observers from 15 countries"; observer_word in cues.tsv): no participants."""
    return any(t.lemma_.lower() in view.lexicon.cue_terms("observer_word") for t in tokens)


def _takes_no_part(view: SentenceView, verb: Token) -> bool:
    """True if the verb's subject holds no part in what it attends: "Brazilian officers are
    attending as observers", "Observers from Azerbaijan and Oman attended the drills", "China is
    not attending the exercise", "Chinese and Indian officials attended the drills" (who attends
    takes part only as a state or its forces)."""
    own = [o for ch in verb.children if ch.dep_ == "prep" and ch.lower_ == "as" for o in ch.children]
    own += [t for s in view.subject(verb) for t in _noun_head_words(s)]
    if verb.lemma_.lower() not in view.lexicon.cue_terms("attend_verb"):
        return _observers_in(view, own)
    takers = view.lexicon.cue_terms("forces_noun").keys() | view.lexicon.cue_terms("taking_part_noun").keys()
    return (
        _observers_in(view, own)
        or any(ch.dep_ == "neg" for ch in verb.children)
        or not all(s.i in view.states or s.lemma_.lower() in takers for s in view.subject(verb))
    )


def _noun_head_words(noun: Token) -> list[Token]:
    return [noun, *(ch for ch in noun.children if ch.dep_ in ("compound", "amod"))]


def _held_by_own_forces(view: SentenceView, noun: Token) -> bool:
    """True if the verb holding the exercise has for subject a state's forces named by no state
    ("the armed forces carried out", "the military staged"; forces_noun in cues.tsv), or the
    exercise is theirs ("a training exercise of the strategic deterrence forces")."""
    forces = view.lexicon.cue_terms("forces_noun")
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            owner = [t for obj in prep.children if obj.dep_ == "pobj" for t in obj.subtree]
            if any(t.lemma_.lower() in forces for t in owner) and not view.states_of(owner):
                return True
    verb = view.nearest_verb(noun)
    if verb is not None and _names_what_was_held(verb, cues(view.lexicon)):
        verb = verb.head
    if verb is None or not lemmas(verb) & cues(view.lexicon).hold:
        return False
    subject = view.subject(verb)
    return bool(subject) and all(
        s.lemma_.lower() in view.lexicon.cue_terms("forces_noun") and not view.states_of(list(s.subtree))
        for s in subject
    )


def _owned(view: SentenceView, weapon: WeaponRef) -> bool:
    """True if a state modifies the noun phrase the weapon sits in ("South Korean fighter
    jets, including F-35As")."""
    for tok in view.sent:
        if view.weapons.get(tok.i) != weapon.name:
            continue
        for anc in [tok, *tok.ancestors]:
            if anc.pos_ in ("VERB", "AUX") and anc.dep_ != "prep":  # "including" is a preposition here
                break
            if any(
                ch.i in view.states and ch.dep_ in ("amod", "compound", "poss", "nmod") for ch in anc.children
            ):
                return True
    return False


def _date_role(view: SentenceView, phrase: str | None, trig: Token | None = None) -> str:
    if phrase is None:
        return ""
    if trig is not None:
        if trig.head.lower_ == "of" and trig.head.head.lemma_.lower() in (
            "part",
            "middle",
            "midst",
            "course",
        ):
            return "during"  # "fired a rocket on Monday as part of the ongoing Exercise INDUS"
        for anc in [trig.head, trig.head.head]:
            if anc.lemma_.lower() in ("day", "stage", "phase", "week") and any(
                ch.lower_ in ("second", "third", "final", "last", "main", "fourth", "fifth")
                for ch in anc.children
            ):
                if anc.lemma_.lower() in ("stage", "phase") and _opened(anc, cues(view.lexicon)):
                    break  # "the second phase of Malabar got underway on Tuesday": a phase's own start
                return "during"  # "a second day of drills on Friday": in the exercise, not its start
    for p in view.date_phrases():
        if p.text != phrase:
            continue
        root = view.doc[p.root]
        # up to the verb the date hangs from, however many words stand between ("launched the
        # exercise at 7:45 a.m. on Thursday")
        up = [root]
        for anc in root.ancestors:
            up.append(anc)
            if anc.pos_ in ("VERB", "AUX") or len(up) > 5:
                break
        for anc in up:
            lemma = anc.lemma_.lower()
            if _starts(anc, cues(view.lexicon)):
                return "start"
            if lemma in cues(view.lexicon).end:
                return "end"
            if anc.lower_ in cues(view.lexicon).end_preps and (
                anc.lower_ != "through"
                # "through" only as the date's own, and not over a list: "ran through March and April"
                or (root.head.i == anc.i and not any(ch.dep_ == "conj" for ch in root.children))
            ):
                return "end"  # "until Friday" wherever the parse hangs it
            if anc.lower_ == "from" and anc.dep_ == "prep":
                return "start"
    return ""


def _opened(part: Token, c: Cues) -> bool:
    """True if a start verb takes the part of an exercise as its subject ("the second phase
    ... got underway", "the second stage of its exercise had begun")."""
    return part.dep_ in ("nsubj", "nsubjpass") and _starts(part.head, c)


def _starts(verb: Token, c: Cues) -> bool:
    """True for a verb that starts drills: "began", "kicked off", "got underway"."""
    lemma = verb.lemma_.lower()
    return lemma in c.start or any(f"{lemma} {ch.lower_}" in c.start_phrases for ch in verb.children)


def _duration_of(trig: Token, c: Cues) -> bool:
    """'a week of maneuvers', 'three days of drills': the trigger measured by a length of time."""
    measure = trig.head.head
    return trig.dep_ == "pobj" and trig.head.lower_ == "of" and measure.lemma_.lower() in c.duration


def _began(view: SentenceView, trig: Token) -> bool:
    """True if a clause on the exercise phrase says, in the past, that it began ("the exercise
    launched Monday", "drills that started on Monday"): it is under way whatever is to come."""
    start = cues(view.lexicon).start
    return any(
        t.dep_ in ("acl", "relcl")
        and t.lemma_.lower() in start
        and (t.tag_ == "VBD" or (t.tag_ == "VBN" and t.dep_ == "acl"))
        for t in trig.children
    )


def _relative_clause_date(view: SentenceView, trig: Token) -> str | None:
    """A date told in a relative clause on the exercise phrase whose verb runs the exercise
    (run verbs; "which ran from ...", or reduced: "held from March 10 to 20"), the start date
    first; an end date ("... and will conclude on Thursday") is not the exercise's date."""
    found: list[tuple[bool, int, str]] = []
    for tok in trig.subtree:
        if tok.dep_ not in ("relcl", "acl") or not lemmas(tok) & cues(view.lexicon).run:
            continue
        if habitual(tok, cues(view.lexicon)):
            continue  # "Talisman Sabre, held every two years since 2005,": the series, no edition's start
        for p in view.dates_in(list(tok.subtree)):
            role = _date_role(view, p.text)
            if _resolvable(p.text) and role != "end":
                found.append((role != "start", p.start, p.text))
    return min(found)[2] if found else None


def find_exercises(
    view: SentenceView, lexicon: Lexicon, discourse: Discourse, launches: Sequence[Candidate] = ()
) -> list[Candidate]:
    """The exercise candidates of a sentence; `launches` are its launch candidates (an exercise
    a launch was part of is held by the launching state)."""
    c = cues(lexicon)
    nouns = lexicon.cue_terms("exercise_noun")
    joint_nouns = lexicon.cue_terms("exercise_noun_joint")
    joint_words = lexicon.cue_terms("joint_word")
    known = _known_names(view, lexicon)
    triggers: list[Token] = []
    for tok in view:
        lemma = tok.lemma_.lower()
        nounlike = tok.pos_ in ("NOUN", "PROPN") or tok.dep_ in (
            "pobj",
            "dobj",
            "nsubj",
            "nsubjpass",
            "attr",
            "appos",
            "conj",
        )
        joint = lemma in joint_nouns and any(
            ch.dep_ in ("amod", "compound") and ch.lower_ in joint_words for ch in tok.children
        )  # "a joint air patrol", "combined flights"
        # "war games": a two-word exercise noun, its first word a compound of the second
        two_words = any(
            f"{ch.lower_} {lemma}" in nouns or f"{ch.lower_} {tok.lower_}" in nouns
            for ch in tok.children
            if ch.dep_ == "compound" and ch.i == tok.i - 1
        )
        if (
            nounlike
            and (lemma in nouns or tok.lower_ in nouns or joint or two_words)
            and tok.dep_ not in ("compound",)
        ):
            triggers.append(tok)
        elif tok.text == "Exercise" and tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
            triggers.append(tok.head)  # "the ongoing Exercise INDUS"
        elif _edition(tok, lexicon, known):
            triggers.append(tok)  # "The 2023 edition involved some 30,000 personnel"
    # A known name that is not attached to an exercise noun is a trigger of its own.
    for start, end, _name in known:
        span = view.doc[start:end]
        root = span.root
        attached = any(t.i in {x.i for x in triggers} for t in [root.head, *root.children]) or any(
            # "the naval exercise VARUNA", however the parser hangs a name in capitals
            tr.head.i == root.i or root.head.i == tr.i or tr.i in (start - 1, end)
            for tr in triggers
        )
        if not attached:
            triggers.append(root)
    # Coordinated nouns ("exercises and drills") are one trigger; so is a noun in apposition
    # to a known name ("Aurora 17, its largest military exercise").
    named = {i for start, end, _ in known for i in range(start, end)}
    triggers = [t for t in triggers if not (t.dep_ == "conj" and t.head in triggers)]
    # "wound up their Zapad-2017 exercise ... after a week of maneuvers": the length of the
    # exercise the sentence names, not another one
    triggers = [
        t for t in triggers if not (_duration_of(t, cues(view.lexicon)) and any(o is not t for o in triggers))
    ]
    triggers = [t for t in triggers if not (t.dep_ == "appos" and t.head.i in named and t.head in triggers)]
    # "the Rim of the Pacific drill, or RIMPAC": one exercise, however many words name it
    triggers = [t for t in triggers if not inside_other(t, {x.i for x in triggers})]
    # "Steadfast Defender 2024 will be the largest Nato exercise since ...": the subject's exercise
    subjects = {x.i for x in triggers if x.dep_ in ("nsubj", "nsubjpass")}
    triggers = [
        t
        for t in triggers
        if not (
            t.dep_ in ("attr", "oprd")
            and t.head.lemma_ == "be"
            and any(ch.i in subjects for ch in t.head.children)
        )
    ]
    out: list[Candidate] = []
    for trig in triggers:
        fact = factuality(view, trig, c)
        if fact is None and (_definite(trig) or _proper_name(view, trig) or trig.pos_ == "PROPN"):
            fact = Factuality.NEGATED  # "suspended this year's Ulchi Freedom Shield drills": that one is off
        if fact is None:
            continue
        if fact is Factuality.EXPECTED and _began(view, trig):
            fact = Factuality.ASSERTED  # "The exercise launched Monday will involve ...": under way
        if fact is Factuality.ASSERTED and _ended_for_good(view, trig):
            fact = Factuality.NEGATED  # "ended their springtime exercises and held a smaller drill instead"
        states, weapons, pronoun = _participants(view, trig, discourse)
        if len(triggers) == 1:
            states += [s for s in _took_part_beside(view, trig) if s not in states]
        if not states and _held_by_own_forces(view, trig):
            # "as the armed forces carried out what the Kremlin called a planned exercise": the
            # forces of the state the article is about, not everyone the sentence names
            states = [discourse.topic] if discourse.topic else []
        # not a name in a relative clause on it ("..., which is a sequel to Great Prophet III")
        clauses = {t.i for r in trig.subtree if r.dep_ == "relcl" for t in r.subtree}
        phrase = {t.i for t in trig.subtree if t.i not in clauses} | {trig.head.i}
        # "their annual Key Resolve and Foal Eagle exercises": two exercises, one phrase
        names = list(
            dict.fromkeys(
                kname
                for start, end, kname in known
                if any(start <= i < end for i in phrase) or trig.i in (start - 1, end)
            )
        )
        if not names:
            names = [n for n in [_proper_name(view, trig)] if n is not None]
        # "Payambar-e Azam 9" is Great Prophet 9, "Rim of the Pacific" RIMPAC
        names = list(dict.fromkeys(lexicon.canonical_event_name("Exercise", n) for n in names))
        if not states and pronoun:
            # "China fired missiles as it opened its largest drills": the main clause's subject,
            # else the state the article is about
            states = view.main_subject_states(before=trig.i)[:1] or (
                [discourse.topic] if discourse.topic else []
            )
        holding = view.nearest_verb(trig)
        holders = [t for s in view.subject(holding) for t in s.subtree] if holding is not None else []
        counted = _counted_states(view, holders)
        if counted is not None and len(states) < counted:
            # "The three countries held similar drills in 2023", "units from the three countries
            # and Australia conducted ...": the states counted, and any the sentence adds
            group = discourse.counted(counted)
            states = group + [s for s in states if s not in group]
        if not states and not _definite(trig):
            states = _sentence_parties(view, trig, c)
        told = any(ch.lower_ in ("the", "this", "these", "those") for ch in trig.children)
        if not states and not told and _setting_of_launch(trig, lexicon):
            # "this launch was carried out as part of a training exercise of Army Strategic Forces
            # Command", "mistakenly fired the missile during a routine exercise": the launcher's
            # ("During the exercise, the North fired ..." is the drill told before, not its)
            states = next((list(cand.actors[:1]) for cand in launches if cand.actors), [])
        scope = view.collect(trig, skip_preps=frozenset())
        verb = view.nearest_verb(trig)
        if verb is not None and _names_what_was_held(verb, cues(view.lexicon)):
            verb = verb.head  # "On Monday, they carried out what Beijing called a joint patrol"
        if verb is not None and trig.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "appos", "pobj", "oprd"):
            own = {t.i for t in trig.subtree}
            # "staged joint air drills involving F-35A jets on Friday": what the drills involved
            # describes them, its day too
            own |= {t.i for ch in verb.children if _involving(ch, c) for t in ch.subtree}
            scope = sorted(set(scope) | set(verb.subtree), key=lambda t: t.i)
            scope = [t for t in scope if t.i in own or not _other_clause(t, verb, trig)]
        in_name = {i for start, end, _ in known for i in range(start, end)}
        scope = [t for t in scope if t.i not in in_name]  # "Eagle Assault 2024" is a name, not a date
        # "The Nov. 3 launch came in the middle of Vigilant Storm": the day names the launch
        launch_nouns = lexicon.cue_terms("launch_noun")
        of_launch = {
            i
            for p in view.date_phrases()
            if view.doc[p.root].head.lemma_.lower() in launch_nouns and view.doc[p.root].head.i != trig.i
            for i in range(p.start, p.end)
        }
        scope = [t for t in scope if t.i not in of_launch]
        date_phrase, days_after = _date(view, trig, scope)
        date_offset = month_offset = 0
        earlier = after_clause_date(view, trig)
        if earlier is not None and (date_phrase is None or days_after is not None):
            (date_phrase, date_offset, month_offset), days_after = earlier, None
        role = _date_role(view, date_phrase, trig)
        if date_phrase is None and _during(trig):
            days_after, role = 0, "during"  # "on the final day of a joint exercise": the day told before
        if role != "start" and days_after is None:
            # "Freedom Shield, which started on Monday, ends next week"; "the drills will run
            # until Friday; they began on Monday": the start, wherever the sentence tells it
            began = _relative_clause_date(view, trig) or _started_clause_date(view, trig)
            if began is not None or date_phrase is None:
                date_phrase = began
                role = _date_role(view, date_phrase, trig)
        if date_phrase is None and days_after is None:
            # "On Saturday, Putin watched as the forces carried out an exercise": the fronted date
            date_phrase = _clause_date(view, trig, {trig.i}, True)
        kind, _speakers = attribution(view, trig, c)
        definite = any(
            ch.lower_ in ("the", "this", "these", "those") or ch.dep_ == "poss" for ch in trig.children
        )
        # "another", "a similar" exercise, or any "a/an ... exercise": a new one, not the one told before
        # (an indefinite one the text dates, "a planned exercise" on the day told, may be the same)
        undated = date_phrase is None and days_after is None
        indefinite = any(ch.lower_ in ("a", "an") for ch in trig.children) and not (
            names and trig.dep_ == "appos"
        )
        distinct = (
            any(ch.lower_ in c.exercise_new or (indefinite and undated) for ch in trig.children)
            and not (names and trig.dep_ == "appos")  # "Key Resolve, a command post drill, ended ..."
            and not any(ch.lower_ == "such" for ch in trig.children)  # "..., the first such drill": this one
            and not _said_of_the_one_told(trig)
        )
        ongoing = any(ch.lower_ in ("ongoing", "current", "continuing") for ch in trig.children) or (
            verb is not None and _under_way(verb, c)
        )
        if role == "end" and date_phrase is not None and _ends_later(view, date_phrase):
            # "the exercise ... will end on Monday": under way now, dated by the dateline's month
            date_phrase, role, ongoing = None, "", True
            if fact is Factuality.EXPECTED:
                fact = Factuality.ASSERTED  # its end is to come, the drills are held now
        habit = date_phrase is None and (
            (verb is not None and (habitual(verb, c) or perfect_habit(verb, c)))
            # "The drills, called Ulchi Freedom Guardian, are held every summer", "Cobra Gold is
            # the biggest exercise in Asia, hosted in Thailand every year": a named series told
            # in the present, no occasion
            or (bool(names) and _series(trig, c))
        )
        routine, noun = lexicon.cue_terms("routine_phrase"), trig.lemma_.lower()
        amods = [ch for ch in trig.children if ch.dep_ == "amod"]
        part_of = trig.head.lower_ == "of" and trig.head.head.lemma_.lower() == "part"
        generic = (
            (
                trig.tag_ == "NNS"
                and not ongoing  # "to protest ongoing military drills by the U.S. and South Korea"
                and not any(ch.dep_ in ("det", "poss", "nummod") for ch in trig.children)
                and date_phrase is None
                and not (verb is not None and lemmas(verb) & c.hold)
            )
            or _a_kind_of_exercise(trig)
            or habit
            # "(as) part of routine annual training": a routine, no occasion; "conducted routine
            # training on Monday" is one
            or ((date_phrase is None or part_of) and any(f"{ch.lower_} {noun}" in routine for ch in amods))
            or _provided_for(view, trig)
            or any(ch.dep_ == "det" and ch.lower_ in c.any_kind for ch in trig.children)
        )
        edition = trig.lemma_.lower() in lexicon.cue_terms("edition_noun") and not names
        if edition and any(ch.lower_ in lexicon.cue_terms("earlier_edition_word") for ch in trig.children):
            distinct = True  # "The previous edition was held in Alaska": not this year's
        for name in list[str | None](names) or [None]:
            out.append(
                Candidate(
                    type=EventType.EXERCISE,
                    sentence=view.mention(),
                    sentence_index=view.index,
                    trigger=trig.text,
                    # "China is again participating in the exercises": who joins the drills told
                    trigger_lemma="participate" if definite and _joined(trig) else trig.lemma_.lower(),
                    actors=tuple(states),
                    needs_actor=not states,
                    weapons=tuple(weapons),
                    date_phrase=date_phrase if date_phrase and _resolvable(date_phrase) else None,
                    date_offset=date_offset,
                    month_offset=month_offset,
                    identifying_date=view.identifying_date(trig, date_phrase),
                    date_role=role,
                    future=(fact.value == "expected" and not _told_in_past(view, date_phrase))
                    or _planned_for(view, date_phrase),
                    present=_told_in_present(view, date_phrase),
                    days_after_previous=days_after,
                    factuality=fact,
                    speaker=kind,
                    name=name,
                    definite=definite and name is None,
                    distinct=distinct,
                    indefinite=indefinite,
                    ongoing=ongoing,
                    apart=_told_apart(view, trig),
                    edition=edition,
                    generic=generic and (name is None or habit),
                )
            )
    if any(cand.name for cand in out):
        # "Aurora 17, its largest military exercise": a sentence that names an exercise and
        # refers to "its exercise" tells one exercise
        out = [cand for cand in out if cand.name or not cand.definite or cand.distinct]
    if not out or all(not cand.actors for cand in out):
        # "... flew alongside South Korean F-15Ks, the first such drill this year": the verb
        # tells who drilled where the noun does not
        trained = _trained_together(view, lexicon, discourse, c)
        out = trained or out
    if not out:
        joined = (
            _participation(view, discourse)
            or _participants_listed(view, discourse)
            or _training_since(view, discourse)
        )
        if joined is not None:
            out.append(joined)
    if not out:
        out = _practice_bombing(view, lexicon, discourse, c)
    if out:
        discourse.exercise_at = (view.index, out[-1].factuality)
        discourse.exercise_parties += [cand.actors for cand in out if len(cand.actors) >= 2]
    return out


def _counted_states(view: SentenceView, tokens: list[Token]) -> int | None:
    """n for "the three countries", "both navies", "all four nations" among tokens: a number
    of states told without naming them (counted_state_noun in cues.tsv)."""
    nouns = view.lexicon.cue_terms("counted_state_noun")
    numbers = cues(view.lexicon).numbers
    for tok in tokens:
        if tok.lower_ not in nouns:
            continue
        for ch in tok.children:
            n = 2 if ch.lower_ == "both" else numbers.get(ch.lower_) if ch.dep_ == "nummod" else None
            if n is not None and n >= 2:
                return n
    return None


def _ended_for_good(view: SentenceView, trig: Token) -> bool:
    """True for an exercise ended and replaced: "the allies ended their Key Resolve and Foal Eagle
    exercises and held a scaled-down drill instead", "have ended ... and will replace them with
    a pared-down drill" -- called off as a series, not finished on a day (ended_for_good_verb and
    replacement_word in cues.tsv)."""
    verb = view.nearest_verb(trig)
    if verb is None or verb.lemma_.lower() not in view.lexicon.cue_terms("ended_for_good_verb"):
        return False
    own = {t.i for t in trig.subtree}
    replacing = view.lexicon.cue_terms("replacement_word")
    return any(
        t.i not in own and (t.lemma_.lower() in replacing or t.lower_ in replacing)
        for clause in (verb, *verb.conjuncts)
        for t in clause.subtree
    )


def _participants_listed(view: SentenceView, discourse: Discourse) -> Candidate | None:
    """A sentence right after an exercise that lists three or more states with a word of taking
    part (participation_word in cues.tsv): "Alongside Australia and the United States, forces
    have come from Canada, Fiji, France ..., while Malaysia and Vietnam are observing" names who
    takes part in it; the states of a clause about observers do not."""
    how = discourse.exercise_told(view.index, 2)
    if how is None:
        return None
    taking_part = view.lexicon.cue_terms("participation_word")
    cue = next(
        (
            t
            for t in view.sent
            if t.lemma_.lower() in taking_part
            or any(f"{t.lemma_.lower()} {ch.lower_}" in taking_part for ch in t.children if ch.dep_ == "prep")
        ),
        None,
    )
    if cue is None:
        # "More than 35,000 personnel from 19 nations are training across Queensland: Australia
        # and the United States as hosts, with Canada, Fiji, ...": the states a count lists
        listed = _listed_after_count(view, list(view.sent))
        states = view.states_of(listed)
        return _taking_part(view, listed[0], states, how) if len(states) >= 3 else None
    observers = view.lexicon.cue_terms("observer_word")
    left_out: set[int] = set()
    for tok in view.sent:
        if tok.lemma_.lower() in observers:
            clause = next((a for a in [tok, *tok.ancestors] if a.pos_ in ("VERB", "AUX")), None)
            if clause is not None and clause.dep_ != "ROOT":
                left_out.update(t.i for t in clause.subtree)
    kept = [t for t in view.sent if t.i not in left_out]
    states = view.states_of(kept)
    if len(states) < 3 or _state_mentions(view, kept) < 3:
        return None  # "how scared the Baltics are": one word for three states lists none
    # who takes part in a planned exercise plans to
    return _taking_part(view, cue, states, how)


def _state_mentions(view: SentenceView, tokens: list[Token]) -> int:
    """How many states the tokens list one by one: "Canada, Fiji and France" three, "the Baltic
    states and Poland" four (a word for several states counts them when coordinated with
    another), "how scared the Baltics are" one, however many states it stands for."""
    runs: list[list[Token]] = []
    for tok in tokens:
        if view.states_of([tok]):
            if runs and runs[-1][-1].i == tok.i - 1:
                runs[-1].append(tok)
            else:
                runs.append([tok])
    listed = 0
    for run in runs:
        coordinated = any(t.dep_ == "conj" or any(ch.dep_ == "conj" for ch in t.children) for t in run)
        listed += len(view.states_of(run)) if coordinated else 1
    return listed


#: Prepositions that set an event in an exercise ("during a drill", "as part of an exercise")
SETTING_PREPS = frozenset({"during", "in", "of", "as"})


def _setting_of_launch(trig: Token, lexicon: Lexicon) -> bool:
    """True for an exercise a launch of its sentence took place in: the object of "during",
    "in" or "as part of" on a launch verb, or on a verb whose subject or object is a launch
    noun ("this launch was carried out as part of a training exercise")."""
    cur = trig
    while cur.dep_ == "pobj" or (cur.dep_ == "prep" and cur.lower_ in SETTING_PREPS):
        if cur.head.i == cur.i or (cur.dep_ == "pobj" and cur.head.lower_ not in SETTING_PREPS):
            return False
        cur = cur.head
    if cur.pos_ not in ("VERB", "AUX"):
        return False
    if cur.lemma_.lower() in lexicon.cue_terms("launch_verb"):
        return True
    nouns = lexicon.cue_terms("launch_noun")
    return any(
        ch.dep_ in ("nsubj", "nsubjpass", "dobj") and ch.lemma_.lower() in nouns for ch in cur.children
    )


def _edition(tok: Token, lexicon: Lexicon, known: list[tuple[int, int, str]]) -> bool:
    """True if `tok` is an edition of an exercise the story told ("The 2023 edition", "last
    year's edition", "the 18th edition", "The previous edition"): a year, a possessive or a
    qualifier says which, and no "of" names the exercise (a name or an exercise noun there is
    the trigger)."""
    if tok.lemma_.lower() not in lexicon.cue_terms("edition_noun") or tok.pos_ != "NOUN":
        return False
    nouns = lexicon.cue_terms("exercise_noun")
    named = {i for start, end, _ in known for i in range(start, end)}
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            if any(t.i in named or t.lemma_.lower() in nouns or t.pos_ == "PROPN" for t in prep.subtree):
                return False
    return any(ch.dep_ in ("nummod", "compound", "poss", "amod") for ch in tok.children)


def _practice_bombing(view: SentenceView, lexicon: Lexicon, discourse: Discourse, c: Cues) -> list[Candidate]:
    """A drill told by what the aircraft did: "four South Korean F-15K fighters dropped eight
    bombs on targets at the Pilsung range", "two B-2 bombers flew to South Korea, dropping dummy
    bombs on an island range". Combat aircraft dropping bombs, with a sign that it was practice
    (a range, dummy or inert bombs: drill_ordnance_sign in cues.tsv; bombs dropped on a city
    are war, not a drill); the aircraft's states or operators take part."""
    verbs = lexicon.cue_terms("drill_ordnance_verb")
    nouns = lexicon.cue_terms("drill_ordnance_noun")
    signs = lexicon.cue_terms("drill_ordnance_sign")
    classes = lexicon.cue_terms("drill_aircraft_class")
    out: list[Candidate] = []
    for tok in view.sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in verbs:
            continue
        objects = [ch for ch in tok.children if ch.dep_ == "dobj" and ch.lemma_.lower() in nouns]
        if not objects or not any(t.lemma_.lower() in signs or t.lower_ in signs for t in tok.subtree):
            continue
        doers = view.subject(tok)
        if not doers and tok.dep_ in ("advcl", "conj", "xcomp"):
            doers = view.subject(tok.head)  # "flew to South Korea, dropping dummy bombs"
        toks = sorted({t for s in doers for t in view.collect(s, skip_preps=TARGET_PREPS)}, key=lambda t: t.i)
        weapons = [w for w in view.weapon_refs(toks) if w.weapon_class in classes]
        weapons += [
            w
            for w in _definite_platforms(view, toks, discourse)
            if w.weapon_class in classes and w not in weapons
        ]
        if not weapons:
            continue
        states = view.states_of(toks)
        states += [  # "Japanese F-35A fighters" are Japan's, whoever builds them
            w.operator
            for w in weapons
            if w.operator and w.operator not in states and not (states and _owned(view, w))
        ]
        fact = factuality(view, tok, c)
        if not states or fact is None:
            continue
        head = tok.head if tok.dep_ in ("advcl", "conj", "xcomp") else tok
        out.append(_told_by_verb(view, tok, head, states, weapons, fact))
    return out


def _told_by_verb(
    view: SentenceView,
    tok: Token,
    dated_by: Token,
    states: list[str],
    weapons: list[WeaponRef],
    fact: Factuality,
) -> Candidate:
    """An exercise a verb tells ("trained with", "dropped practice bombs"), dated by the clause
    of `dated_by`; a new exercise, not one told before."""
    date_phrase, days_after = _date(view, dated_by, list(dated_by.subtree))
    return Candidate(
        type=EventType.EXERCISE,
        sentence=view.mention(),
        sentence_index=view.index,
        trigger=tok.text,
        trigger_lemma=tok.lemma_.lower(),
        actors=tuple(states),
        weapons=tuple(weapons),
        date_phrase=date_phrase if date_phrase and _resolvable(date_phrase) else None,
        future=fact is Factuality.EXPECTED,
        days_after_previous=days_after,
        factuality=fact,
        distinct=True,
    )


def _with_the_participation_of(view: SentenceView, holder: Token) -> list[Token]:
    """The tokens of those whose participation a "with the participation of ..." phrase on
    `holder` names, less a clause on them ("warships that Japan says often shadow its fleet")."""
    taking_part = view.lexicon.cue_terms("participation_noun")
    of = [
        p
        for prep in holder.children
        if prep.dep_ == "prep" and prep.lower_ == "with"
        for obj in prep.children
        if obj.dep_ == "pobj" and obj.lemma_.lower() in taking_part
        for p in obj.children
        if p.dep_ == "prep" and p.lower_ == "of"
    ]
    clauses = {x.i for p in of for r in p.subtree if r.dep_ in ("relcl", "acl") for x in r.subtree}
    return [t for p in of for t in p.subtree if t.i not in clauses]


def _told_apart(view: SentenceView, trig: Token) -> bool:
    """True if the sentence tells its days as separate occasions: "two drills", "separate
    drills", "twice", "and again" (separate_occasion_word in cues.tsv)."""
    words = view.lexicon.cue_terms("separate_occasion_word")
    counted = any(
        ch.dep_ == "nummod" and (n := number_word(ch.lower_, view)) is not None and n >= 2
        for ch in trig.children
    )
    return counted or any(t.lower_ in words for t in view.sent)


def _trained_together(view: SentenceView, lexicon: Lexicon, discourse: Discourse, c: Cues) -> list[Candidate]:
    """An exercise told by its verb: "two B-1Bs trained with Japanese F-15s", "the carriers
    drilled with Japan's destroyers on Sunday". The subject and the partners of "with" or
    "alongside" take part (states, or the operators of the platforms they name)."""
    verbs = set(lexicon.cue_terms("exercise_verb"))
    platform_verbs = set(lexicon.cue_terms("exercise_verb_platform"))
    out: list[Candidate] = []
    for tok in view.sent:
        if tok.pos_ != "VERB" or not lemmas(tok) & (verbs | platform_verbs):
            continue
        partners = [
            t
            for ch in tok.children
            if ch.dep_ == "prep" and ch.lower_ in ("with", "alongside")
            for t in view.collect(ch, skip_preps=TARGET_PREPS - {"with", "alongside"})
        ]
        # "the carriers trained on Sunday with Japan's destroyers": a participle's noun trained
        doers = view.subject(tok) or ([tok.head] if tok.dep_ == "acl" and tok.head.i < tok.i else [])
        subject = [t for s in doers for t in view.collect(s, skip_preps=TARGET_PREPS)]
        if not partners or not subject:
            continue  # "Russia trained pilots" is no exercise; "trained with" one is
        toks = sorted(set(subject + partners), key=lambda t: t.i)
        states = view.states_of(toks)
        weapons = view.weapon_refs(toks)
        weapons += [w for w in _definite_platforms(view, toks, discourse) if w not in weapons]
        states += [w.operator for w in weapons if w.operator and w.operator not in states]
        if len(states) < 2:
            continue
        if not lemmas(tok) & verbs and not weapons:
            continue  # "flew alongside Japanese F-15s" is a drill; "Kim flew with Putin" is not
        fact = factuality(view, tok, c)
        if fact is None:
            continue
        out.append(_told_by_verb(view, tok, tok, states, weapons, fact))
    return out


def _planned_for(view: SentenceView, phrase: str | None) -> bool:
    """True if the date phrase is what something was planned or scheduled for ("the exercise
    planned for July", "drills scheduled for next month"): a date ahead of when it was planned,
    whatever became of the plan."""
    verb = _phrase_verb(view, phrase)
    if verb is None:
        return False
    # "drills called Strait Thunder on Monday": a name, not a call for drills
    named = any(ch.dep_ in ("oprd", "attr") for ch in verb.children)
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "acl"
        and verb.lemma_.lower() in cues(view.lexicon).expect
        and not named
    )


def _phrase_verb(view: SentenceView, phrase: str | None) -> Token | None:
    """The verb the date phrase `phrase` of the sentence hangs from (None if none)."""
    if phrase is None:
        return None
    return next((view.verb_of(p) for p in view.date_phrases() if p.text == phrase), None)


def _told_in_present(view: SentenceView, phrase: str | None) -> bool:
    """True if the verb the date phrase hangs from is in the present, or an infinitive ("the
    drills end on Aug. 1", "slated to run through Aug. 4"): the day may lie either side of
    the dateline."""
    verb = _phrase_verb(view, phrase)
    return verb is not None and (verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VB" and infinitive(verb)))


def _told_in_past(view: SentenceView, phrase: str | None) -> bool:
    """True if the verb the date phrase hangs from is in the past tense ("they began on Monday"):
    that day lies before the dateline even in a sentence about what is to come."""
    verb = _phrase_verb(view, phrase)
    return verb is not None and verb.tag_ == "VBD"


def _started_clause_date(view: SentenceView, trig: Token) -> str | None:
    """The date of another clause of the sentence saying that "they" or "it" began: "the drills
    will run until Friday; they began on Monday"; or of a participle of beginning on the
    exercise's clause: "sent two carriers to conduct exercises in the South China Sea,
    beginning on July 4"."""
    line = {a.i for a in trig.ancestors}
    for tok in view.sent:
        if tok.pos_ != "VERB" or not lemmas(tok) & cues(view.lexicon).start or tok in trig.subtree:
            continue
        participle = (
            tok.tag_ == "VBG"
            and tok.dep_ in ("advcl", "acl")
            and tok.head.i in line
            and not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in tok.children)
        )
        if not participle and not any(s.lower_ in ("they", "it") for s in view.subject(tok)):
            continue
        own = [t for ch in tok.children if ch.dep_ in ("prep", "npadvmod", "advmod") for t in ch.subtree]
        found = [p for p in view.dates_in(own) if _resolvable(p.text)]
        if found:
            return found[0].text
    return None


def _ends_later(view: SentenceView, phrase: str) -> bool:
    """True if the end date is told as still to come ("will end on Monday", "is due to end",
    "ends on Aug. 1")."""
    verb = _phrase_verb(view, phrase)
    return verb is not None and (
        any(ch.dep_ == "aux" and ch.lower_ in ("will", "would", "'ll", "shall") for ch in verb.children)
        or (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in view.lexicon.cue_terms("schedule_word"))
        or verb.tag_ in ("VBZ", "VBP")
    )


def _during(trig: Token) -> bool:
    """'the final day of', 'a second day of', 'the main stage of' the exercise."""
    for anc in [trig.head, trig.head.head]:
        if anc.lemma_.lower() in ("day", "stage", "phase", "week") and any(
            ch.lower_ in ("second", "third", "final", "last", "main", "fourth", "fifth")
            for ch in anc.children
        ):
            return True
    return False


def _joined(noun: Token) -> bool:
    """True for an exercise noun that is what its clause's subject joins or takes part in:
    "China is again participating in the exercises", "Japan joined the drills on Tuesday"."""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "in" else noun.head
    forms = lemmas(verb)
    takes_part = "take" in forms and any(ch.dep_ == "dobj" and ch.lower_ == "part" for ch in verb.children)
    if noun.dep_ == "pobj":
        return takes_part or "participate" in forms
    return noun.dep_ == "dobj" and "join" in forms


def _participation(view: SentenceView, discourse: Discourse) -> Candidate | None:
    """ "About 19,000 Swedish troops are taking part alongside 1,400 U.S. soldiers and
    contingents from Finland ...": who takes part in the exercise the article is telling, if
    it told one in the last few sentences (not "with a Japanese destroyer taking part" after an
    activity it does not take for an exercise)."""
    if discourse.exercise_told(view.index, 3, here=True) is None:
        return None
    for tok in view.sent:
        if not _takes_part(tok, view.lexicon):
            continue
        if any(ch.dep_ == "prep" and ch.lower_ == "in" for ch in tok.children):
            continue  # "take part in X": X is a trigger of its own
        states = _taking_part_states(view, tok)
        if states:
            return _taking_part(view, tok, states)
    return None


def _training_since(view: SentenceView, discourse: Discourse) -> Candidate | None:
    """ "RIMPAC 2024 ... is heading into its final week. Some 25,000 personnel from 29 nations
    have been training in and around the Hawaiian Islands since June 27": forces that have
    drilled since a day, told right after an exercise, date its start (and those the subject
    names take part in it)."""
    how = discourse.exercise_told(view.index, 2)
    if how is None:
        return None
    drill_verbs = view.lexicon.cue_terms("exercise_verb")
    for tok in view.sent:
        auxes = {ch.lemma_.lower() for ch in tok.children if ch.dep_ == "aux"}
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in drill_verbs or "have" not in auxes:
            continue
        since = [ch for ch in tok.children if ch.dep_ == "prep" and ch.lower_ == "since"]
        inside = {t.i for ch in since for t in ch.subtree}
        phrase = next((p for p in view.date_phrases() if p.root in inside), None)
        if phrase is None:
            continue
        states = view.states_of([t for s in view.subject(tok) for t in s.subtree])
        return replace(
            _taking_part(view, tok, states, how),
            trigger_lemma=tok.lemma_.lower(),  # the exercise told last, not the one with its participants
            date_phrase=phrase.text,
            date_role="start",
        )
    return None


def _names_forces(view: SentenceView, prep: Token) -> bool:
    """True if a preposition's objects are forces, platforms or weapons ("with 50 ships and
    9,000 personnel from Belgium", "with the Yars ICBM system"), not "with a warning from
    North Korea" (cue groups forces_noun, platform_noun and taking_part_noun)."""
    lexicon = view.lexicon
    kinds = {*lexicon.cue_terms("forces_noun"), *lexicon.cue_terms("platform_noun")}
    kinds |= set(lexicon.cue_terms("taking_part_noun"))
    objects = [o for ch in prep.children if ch.dep_ == "pobj" for o in (ch, *ch.conjuncts)]
    return any(o.lemma_.lower() in kinds for o in objects) or any(
        t.i in view.weapons or t.i in view.classes for o in objects for t in o.subtree
    )


def _takes_part(verb: Token, lexicon: Lexicon) -> bool:
    """A verb of taking part (cue group took_part_verb): "participate", "take part"."""
    taking = lexicon.cue_terms("took_part_verb")
    return verb.pos_ == "VERB" and (
        bool(lemmas(verb) & taking.keys())
        or any(ch.dep_ == "dobj" and f"{verb.lemma_.lower()} {ch.lower_}" in taking for ch in verb.children)
    )


def _taking_part_states(view: SentenceView, verb: Token) -> list[str]:
    """The states a verb of taking part says take part: its subject's and those "alongside",
    "with" or "from" it ("300,000 troops took part alongside Chinese and Mongolian units"), not
    where ("near Taiwan"); none when it says they did not ("did not take part", "no Chinese
    troops took part")."""
    subjects = view.subject(verb)
    if any(ch.dep_ == "neg" for ch in verb.children) or any(
        ch.dep_ == "det" and ch.lower_ == "no" for s in subjects for ch in s.children
    ):
        return []
    toks = [t for s in subjects for t in view.collect(s, skip_preps=TARGET_PREPS)]
    for ch in verb.children:
        if ch.dep_ == "prep" and ch.lower_ in ("alongside", "with", "from"):
            toks += list(ch.subtree)
    return view.states_of(toks)


def _took_part_beside(view: SentenceView, trig: Token) -> list[str]:
    """States a clause of the exercise's sentence says took part: "held its Vostok-2018
    manoeuvres in September, saying 300,000 troops took part alongside Chinese and Mongolian
    units", "Thailand hosted Cobra Gold; troops from Singapore and Indonesia also took part"
    (not a clause whose own object or preposition is the exercise: "took part in the drills")."""
    out: list[str] = []
    clauses = ("advcl", "ccomp", "conj", "parataxis", "ROOT")
    for verb in view.sent:
        if verb.dep_ not in clauses or not _takes_part(verb, view.lexicon):
            continue
        if _attached_to(trig, verb) or verb in trig.subtree:
            continue
        if view.dates_in([t for t in verb.subtree if not _other_clause_of(t, verb)]):
            continue  # "Japan took part last year, and this year China held drills": another time
        out += _taking_part_states(view, verb)
    return out


def _taking_part(
    view: SentenceView, word: Token, states: list[str], fact: Factuality = Factuality.ASSERTED
) -> Candidate:
    """Who takes part in the exercise told before: a reference back that adds its participants."""
    return Candidate(
        type=EventType.EXERCISE,
        sentence=view.mention(),
        sentence_index=view.index,
        trigger=word.text,
        trigger_lemma="participate",
        actors=tuple(states),
        factuality=fact,
        definite=True,
    )


def _definite(trig: Token) -> bool:
    return any(ch.lower_ in ("the", "this", "these", "those") or ch.dep_ == "poss" for ch in trig.children)


def _sentence_parties(view: SentenceView, trig: Token, c: Cues) -> list[str]:
    """Fallback for an exercise whose phrase names no one ("a similar exercise in December,
    when Iran showcased radars"): the sentence's states, less its speakers and less the
    subject of a verb that is not holding the exercise ("North Korea has denounced drills")."""
    _kind, speakers = attribution(view, trig, c)
    excluded = set(speakers)
    verb = view.nearest_verb(trig)
    if verb is not None and not lemmas(verb) & c.hold:
        excluded.update(view.states_of([t for s in view.subject(verb) for t in s.subtree]))
    # not the states of clauses about other times ("three days after Lai was sworn in as Taiwan's president")
    other_times = {
        t.i
        for clause in view.sent
        if clause.dep_ == "advcl"
        and trig not in clause.subtree
        and any(
            m.dep_ == "mark" and m.lower_ in ("after", "before", "since", "until") for m in clause.children
        )
        for t in clause.subtree
    }
    directions = view.lexicon.cue_terms("direction_word")
    targets = {
        t.i
        for p in view.sent
        # (a preposition the parser coordinated with another: "to the north ..., and around ...")
        if p.dep_ in ("prep", "conj")
        and p.pos_ == "ADP"
        and (
            p.lower_ in ("against", "around", "toward", "towards", "near", "off")
            # "to the north, south and east of Taiwan": where the drills are
            or any(
                o.dep_ == "pobj"
                and o.lower_ in directions
                and any(ch.dep_ == "prep" and ch.lower_ == "of" for ch in o.children)
                for o in p.children
            )
        )
        for t in p.subtree
    }
    borders = view.lexicon.cue_terms("border_noun")
    targets |= {  # "near the borders to the Baltic states": the parse may hang "to" on the verb
        t.i
        for p in view.sent
        if p.dep_ == "prep" and p.i > view.sent.start and view.doc[p.i - 1].lemma_.lower() in borders
        for t in p.subtree
    }
    found = view.states_of([t for t in view.sent if t.i not in other_times and t.i not in targets])
    return [s for s in found if s not in excluded]


def _involving(clause: Token, c: Cues) -> bool:
    """True for a participle that says what drills involved, hung on the verb that holds them:
    "staged joint drills involving F-35A stealth jets on Friday"."""
    return clause.dep_ in ("advcl", "acl") and clause.tag_ == "VBG" and clause.lemma_.lower() in c.involve


def _other_clause(tok: Token, verb: Token, trig: Token) -> bool:
    """True for tokens in a clause of their own under verb (not the trigger's)."""
    cur = tok
    while cur.i != verb.i and cur.head.i != cur.i:
        if cur.dep_ in ("ccomp", "advcl", "relcl", "parataxis") and trig not in cur.subtree:
            return True
        cur = cur.head
    return False
