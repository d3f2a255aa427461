"""Factuality, outcome and attribution of a trigger, from the cue tables in cues.tsv.

- factuality: a modal on the trigger or its verb ("would be conducted"), an expectation verb
  above it ("expecting another launch", "plan to launch"), a negation ("did not fire",
  "suspended the exercise"); a pledge about future testing ("would stop ICBM launches") is
  not an event at all (None).
- attribution: who the sentence says it ("KCNA said", "South Korea's Joint Chiefs of Staff
  said", "one U.S. official said", "accused Russia of testing").
- outcome: failure and success cues in the trigger's clause.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.cues import Cues
from kg.extract.sentence import SentenceView, infinitive, lemmas
from kg.models import Factuality, Outcome

if TYPE_CHECKING:
    from spacy.tokens import Token

MODALS = frozenset({"will", "would", "could", "may", "might", "shall", "'ll", "wo", "should", "must"})
HEDGES = frozenset({"may", "might", "could", "must"})  # with "have": a hedge on the past ("may have fired")


def _modal(tok: Token) -> bool:
    """A modal on the verb that makes it future or possible: "will fire", "could launch"; not
    a modal perfect, which hedges the past ("may have fired", "might have exploded")."""
    modals = [c.lower_ for c in tok.children if c.dep_ == "aux" and c.lower_ in MODALS]
    perfect = any(c.dep_ == "aux" and c.lower_ == "have" for c in tok.children)
    return bool(modals) and not (perfect and all(m in HEDGES for m in modals))


def _pledged_kind(view: SentenceView, verb: Token, what: Token, trigger: Token) -> bool:
    """True for a kind of launch a state says it will stop ("it would stop nuclear tests and
    missile launches", "artillery firing will be suspended": bare launch nouns under "will" or
    "would"), not drills it is asked or says it will halt ("must halt the drills", "would halt
    live-fire drills around Taiwan"), which are going on."""
    promised = any(ch.dep_ == "aux" and ch.lower_ in ("will", "would", "'ll") for ch in verb.children)
    return (
        promised
        and trigger.lemma_.lower() in view.lexicon.cue_terms("launch_noun")
        and what.tag_ in ("NN", "NNS")
        and not any(ch.dep_ in ("det", "poss", "nummod") for ch in what.children)
    )


def _no_object(trigger: Token) -> bool:
    """A launch verb whose projectile is denied: "No missile was fired", "fired no missiles"."""
    return trigger.pos_ == "VERB" and any(
        ch.dep_ in ("nsubjpass", "dobj") and any(d.dep_ == "det" and d.lower_ == "no" for d in ch.children)
        for ch in trigger.children
    )


TEMPORAL_MARKS = frozenset({"after", "before", "when", "since", "as", "while", "because"})


def _told_as_past_fact(verb: Token) -> bool:
    """A past-tense verb of a temporal or causal clause ("after China fired", "when it tested")
    or of a relative clause ("the missile Russia fired"): it tells what happened, whatever plan
    or modal the clause hangs from."""
    return (
        verb.pos_ == "VERB"
        and verb.tag_ == "VBD"
        and (
            (
                verb.dep_ == "advcl"
                and any(ch.dep_ == "mark" and ch.lower_ in TEMPORAL_MARKS for ch in verb.children)
            )
            # "the Oreshnik, the missile Russia fired at Dnipro on Nov. 21, could be stationed in
            # Belarus": a relative clause in the past tells what happened
            or verb.dep_ == "relcl"
        )
    )


PRESENT_BE = frozenset({"is", "are", "'s", "'re", "am"})


def _arranged(verb: Token) -> bool:
    """A verb in the "be to" future of arrangements: "India and France are to sign a pact on
    Friday", "Russia is to test-fire a Sarmat later this year", "the drills are to be held
    next month". Only in the present: "the test was to validate the engine" tells a purpose."""
    return (
        verb.pos_ in ("VERB", "NOUN")  # "is to test-fire", the verb tagged a noun after its prefix
        and verb.dep_ == "xcomp"
        and verb.head.lower_ in PRESENT_BE
        and verb.head.lemma_ == "be"
        and infinitive(verb)
    )


def planned_before(view: SentenceView, trigger: Token, c: Cues) -> bool:
    """True for an event a verb of intent in the past perfect governs ("Japan had hoped to launch
    the H3 on Monday", "had planned to sign the pact on Monday"): the day lies before the
    dateline, though the event is still only what was intended."""
    for anc in view.ancestors_to_clause(trigger):
        if anc.pos_ == "VERB" and lemmas(anc) & (c.intent | c.expect):
            return any(ch.dep_ == "aux" and ch.lower_ == "had" for ch in anc.children)
    return False


def factuality(view: SentenceView, trigger: Token, c: Cues) -> Factuality | None:
    """The trigger's factuality; None when it is a pledge or moratorium, not an event."""
    # "did not fire", "no launch"; a negation after the trigger ("an armistice, not a peace
    # treaty") denies something else.
    left = trigger.left_edge
    before = view.doc[left.i - 1] if left.i > view.sent.start else None
    if (
        any(ch.dep_ == "neg" and ch.i < trigger.i for ch in trigger.children)
        or any(ch.lower_ in ("no", "not") and ch.dep_ == "det" for ch in trigger.children)
        or _no_object(trigger)
        or (
            trigger.pos_ != "VERB"
            and (left.lower_ == "not" or (before is not None and before.lower_ == "not"))
        )
    ):
        return Factuality.NEGATED
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "without" and trigger.pos_ != "VERB":
        return Factuality.NEGATED  # "the summit ended without a deal"
    if (
        trigger.dep_ == "appos"
        and trigger.pos_ in ("NOUN", "PROPN")
        and trigger.head.pos_ in ("NOUN", "PROPN")
    ):
        # "Freedom Flag, the allies' air exercise, will go ahead on Monday": the apposition is
        # told in its head's clause
        return factuality(view, trigger.head, c)
    if _modal(trigger) or _arranged(trigger):
        return Factuality.EXPECTED
    governor = view.nearest_verb(trigger)
    if any(
        ch.dep_ in ("amod", "compound") and ch.text.islower() and ch.lower_ in c.expect  # not "mid-May"
        for ch in trigger.children
    ) and not (governor is not None and governor.tag_ == "VBD"):
        # "a planned exercise", "future launches"; but "carried out a planned exercise" happened
        return Factuality.EXPECTED
    # A noun trigger takes the modality of the verb it is the subject or object of; a definite
    # one in an adjunct ("Under the accord, Seoul will push for ...") names something that exists.
    definite = any(ch.lower_ in ("the", "this", "that") or ch.dep_ == "poss" for ch in trigger.children)
    if (
        trigger.pos_ != "VERB"
        and trigger.dep_ == "pobj"
        and trigger.head.lower_ == "under"
        # not "would have been banned under a treaty with Russia"; but what is named or told
        # before exists whatever the clause may do ("Under New START, each side may deploy ...")
        and not (_modal(trigger.head.head) and not definite and not trigger.text[:1].isupper())
    ):
        return Factuality.ASSERTED  # "agreed to restore ties under a deal brokered by China": it exists
    if definite and trigger.pos_ != "VERB" and trigger.dep_ == "pobj" and trigger.head.dep_ == "prep":
        if trigger.head.lower_ in (
            "under",
            "after",
            "before",
            "since",
            "despite",
            "about",
            "over",
            "with",
            "of",
            "to",
        ):
            return Factuality.ASSERTED
    cur = trigger
    opaque = False  # the way up passed another event's verb: "called off talks to protest Max Thunder"
    for steps, anc in enumerate(view.ancestors_to_clause(trigger)):
        if _told_as_past_fact(cur):
            break  # "was postponed after China fired 11 missiles": what the clause tells happened
        lemma = anc.lemma_.lower()
        if cur is not trigger and cur.pos_ == "VERB" and not lemmas(cur) & (c.negatable | c.naming):
            opaque = True  # not "the drill then known as Ulchi Freedom Guardian was cancelled"
        if anc.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
            demanded = _modal(anc) or any(
                a.lemma_.lower() in c.expect and a.pos_ == "VERB" for a in list(anc.ancestors)[:2]
            )  # "demanded that Washington and Seoul halt Vigilant Storm": only asked for
            if (
                demanded
                and anc.pos_ == "VERB"
                and (lemma in c.negate or lemma in c.pledge)
                and cur.dep_ in ("dobj", "nsubjpass")
                and not _pledged_kind(view, anc, cur, trigger)
            ):
                return Factuality.ASSERTED  # what they are asked to halt is going on
            if (
                lemma in c.pledge
                and anc.pos_ == "VERB"
                and steps <= 2
                and cur.dep_ in ("dobj", "xcomp", "nsubjpass", "conj", "nsubj", "prep", "pobj")
            ):
                return None  # "would stop nuclear tests and ICBM launches": a pledge, not an event
            phrasal = {f"{lemma} {p.lower_}" for p in anc.children if p.dep_ == "prt"}  # "called off"
            if (
                (lemma in c.negate or phrasal & c.negate)
                and not opaque
                and not demanded
                and anc.pos_ == "VERB"
                and cur.dep_ in ("dobj", "nsubjpass", "xcomp")
                # "called off talks to protest Max Thunder": a purpose, what was called off is the talks
                and not (cur.dep_ == "xcomp" and any(ch.dep_ == "dobj" for ch in anc.children))
            ):
                return Factuality.NEGATED
            if lemma in c.denial and anc.pos_ == "VERB" and cur.dep_ in ("ccomp", "dobj", "acl"):
                return Factuality.NEGATED  # "denied that it had test-fired a missile"
            if _arranged(anc) and cur.dep_ in ("dobj", "nsubjpass", "prep", "pobj", "xcomp") and not opaque:
                return Factuality.EXPECTED  # "are to sign a defence pact", "are to take part in the drills"
            if lemma == "go" and anc.tag_ == "VBG" and cur.dep_ == "xcomp":
                return Factuality.EXPECTED  # "is going to test a Shaheen-III"
            if cur.dep_ in ("nsubj", "nsubjpass") and any(
                ch.dep_ == "acomp"
                and ch.lemma_.lower() in c.expect
                and any(x.dep_ == "xcomp" for x in ch.children)
                for ch in anc.children
            ):
                return Factuality.EXPECTED  # "The exercise is due to begin on Thursday"
            if (
                steps == 0
                and cur.dep_ == "nsubj"
                and lemma == "be"
                and any(
                    x.dep_ == "xcomp" and x.lemma_.lower() in c.happen and infinitive(x) for x in anc.children
                )
            ):
                # "further launches are to follow"; not "the test was to validate the engine"
                return Factuality.EXPECTED
            if (
                lemma == "rule"
                and any(p.dep_ == "prt" and p.lower_ == "out" for p in anc.children)
                and any(n.dep_ == "neg" for n in anc.children)
                and cur.dep_ in ("nsubjpass", "dobj")
            ):
                return Factuality.EXPECTED  # "another launch cannot be ruled out"
            if (
                lemma in c.plan_nouns
                and anc.pos_ == "NOUN"
                and cur.dep_ in ("acl", "prep", "pobj", "compound", "relcl")
            ):
                return Factuality.EXPECTED  # "Kim's plan to launch three more satellites"
            if lemma in c.intent and anc.pos_ == "VERB" and cur.dep_ == "dobj":
                return Factuality.EXPECTED  # "promised further rocket launches"
            if lemma in c.commit and anc.pos_ == "VERB" and cur.dep_ == "xcomp":
                return Factuality.EXPECTED  # "agreed to hold joint exercises on a regular basis"
            past = trigger.tag_ == "VBD" or any(
                ch.dep_ == "aux" and ch.lemma_ == "have" for ch in trigger.children
            )
            if lemma in c.expect and anc.pos_ == "ADJ" and past:
                pass  # "were most likely Fateh-313s fired from ...": a hedge on what happened
            elif lemma in c.expect and anc.pos_ in ("VERB", "ADJ"):
                # "called for more launches", not "called Tuesday's launch a threat"
                if (
                    lemma != "call"
                    or cur.lower_ == "for"
                    or any(ch.lower_ == "for" for ch in anc.children if ch.i < trigger.i)
                ):
                    return Factuality.EXPECTED
            definite = any(
                ch.lower_ in ("the", "this", "that") or ch.dep_ == "poss" for ch in trigger.children
            )
            adjunct = cur.dep_ in ("pobj", "prep", "pcomp")
            if (
                anc.pos_ in ("VERB", "AUX")
                and _modal(anc)
                and cur.dep_ in ("nsubjpass", "dobj", "xcomp", "pobj", "prep", "pcomp")
                and not (definite and adjunct)
            ):
                return Factuality.EXPECTED
            if anc.pos_ in ("VERB", "AUX") and _modal(anc) and cur.dep_ == "nsubj" and steps == 0:
                # "the drill would begin Monday", "Nordic Response will see Finnish forces join"
                if lemma in c.happen or trigger.pos_ in ("NOUN", "PROPN"):
                    return Factuality.EXPECTED
            if (
                anc.pos_ == "VERB"
                and any(ch.dep_ == "neg" for ch in anc.children)
                and cur.dep_ in ("dobj", "nsubjpass", "xcomp")
                and lemmas(anc) & c.negatable
            ):
                return Factuality.NEGATED  # "did not hold the drills", not "did not regard it as a threat"
            if (lemma in c.reporting and anc.pos_ != "NOUN") or (
                anc.pos_ == "VERB" and steps > 0 and cur.dep_ in ("ccomp", "advcl", "relcl")
            ):
                # modality does not cross a reporting verb or a clause boundary; it crosses a
                # reporting noun to the verb it hangs on ("denied reports that it had tested ...")
                break
        cur = anc
    return Factuality.ASSERTED


FLIGHT = "flight"  # a completed flight: success unless a failure is also reported


# Prepositions whose phrase tells another occasion: "into orbit in November after two failed
# attempts in May and August".
OTHER_OCCASION_PREPS = frozenset({"after", "before", "since", "following", "unlike"})


def habitual(verb: Token, c: Cues) -> bool:
    """True if the verb tells a habit: "have conducted combined drills on multiple occasions",
    "often conduct joint drills near Okinawa", "hold the exercise every year", "tests it far
    more often"."""
    told = [t for ch in verb.children if ch.dep_ in ("advmod", "npadvmod", "prep") for t in ch.subtree]
    return bool(told) and bool(c.habitual.search(" ".join(t.text for t in sorted(told, key=lambda t: t.i))))


#: The auxiliaries of the present perfect ("has taken part", "have begun").
PERFECT_AUX = frozenset({"has", "have", "'ve"})


def perfect_habit(verb: Token, c: Cues) -> bool:
    """True if a verb in the present perfect tells a habit ("has taken part in exercises with
    NATO before", "has sent rockets across Japan before")."""
    return any(ch.dep_ == "aux" and ch.lower_ in PERFECT_AUX for ch in verb.children) and any(
        ch.dep_ == "advmod" and ch.lower_ in c.perfect_habit for ch in verb.children
    )


def _elsewhere(tok: Token, stop: frozenset[int], c: Cues, aims: dict[int, bool]) -> bool:
    """True if an outcome cue tells of something other than the event: it sits in a 'to'
    infinitive, an aim rather than a result ("its attempt to put a satellite into orbit had
    failed", "failed to reach orbit"), or in a phrase or clause about another occasion ("after
    two failed attempts", "a year after the previous launch ended in failure"). The climb stops
    at the trigger and its ancestors, which are the event's own."""
    for anc in [tok, *tok.ancestors]:
        if anc.i in stop:
            return False
        if anc.dep_ == "prep" and anc.lower_ in OTHER_OCCASION_PREPS and anc.i != tok.i:
            return True
        if stop and _after_another_occasion(anc):
            return True  # "..., a year after the previous launch ended in failure"
        aim = aims.get(anc.i)
        if aim is None:
            aim = aims[anc.i] = _aim(anc, c)
        if aim:
            return True
    return False


def _after_another_occasion(clause: Token) -> bool:
    """True for a clause after or since which the launch came, about something of its own ("a
    year after the previous launch ended in failure"); not "flew 150 km before it exploded" (the
    launch's own end), nor one whose subject is a pronoun for what was launched."""
    if clause.dep_ != "advcl" or not any(
        ch.dep_ == "mark" and ch.lower_ in ("after", "since") for ch in clause.children
    ):
        return False
    subjects = [ch for ch in clause.children if ch.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and not any(s.lower_ in ("it", "they", "this", "that") for s in subjects)


# Verbs whose 'to' infinitive is what was sought, not what happened ("tried to put", "failed to
# reach"); "appears to have failed" and "is presumed to have failed" report the outcome.
def _aim(verb: Token, c: Cues) -> bool:
    """A 'to' infinitive that is an aim: on a noun ("its attempt to put ..."), of purpose
    ("launched a rocket to put ..."), or after a verb of aim (cues.tsv, aim_verb)."""
    if not infinitive(verb):
        return False
    if verb.dep_ in ("acl", "advcl", "relcl"):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in c.aim


def outcome_cues(
    view: SentenceView, scope: list[Token], c: Cues, trigger: Token | None = None
) -> frozenset[str]:
    """Outcome cues in the trigger's clause: "failure", "success" (reported as such) and
    "flight" (a completed flight, which counts as success unless a failure is reported).
    Cues that tell of an aim or of another occasion are left out (`_elsewhere`)."""
    found: set[str] = set()
    stop = frozenset({trigger.i, *(a.i for a in trigger.ancestors)}) if trigger is not None else frozenset()
    aims: dict[int, bool] = {}  # token -> _aim(token): the scope's tokens share their ancestors
    scope = [t for t in scope if not _elsewhere(t, stop, c, aims)]
    # tokens left out break the text, so a phrase cannot join across them
    text_lower = " ".join(
        t.lower_ if i == 0 or scope[i - 1].i == t.i - 1 else f"| {t.lower_}" for i, t in enumerate(scope)
    )
    for tok in scope:
        lemma = tok.lemma_.lower()
        if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-":
            continue  # part of a compound modifier: "land-attack cruise missiles", "fall-back plan"
        if (
            lemma in c.flight_targets
            and tok.dep_ == "pobj"
            and tok.head.lower_ in ("to", "toward", "towards")
        ):
            found.add(FLIGHT)  # "launched from Plesetsk toward the Kura range", "to a target on Kamchatka"
            continue
        if (
            tok.dep_ == "pobj"
            and tok.head.lower_ in ("into", "in")
            and tok.head.head.pos_ == "VERB"  # not "satellites in low Earth orbit"
            and tok.head.head.tag_ != "VBG"  # nor "capable of destroying satellites in orbit"
            and lemma in c.success_destinations
        ):
            found.add(Outcome.SUCCESS.value)  # "sent the satellite into a 750-kilometer orbit"
            continue
        if (
            trigger is not None
            and tok.dep_ == "pobj"
            and tok.head.lower_ == "over"
            and not any(ch.dep_ == "neg" for ch in trigger.children)  # "did not launch any over Taiwan"
            # on the launch or on what it fired ("sent an IRBM over Japan")
            and (
                tok.head.head.i == trigger.i
                or (tok.head.head.dep_ in ("dobj", "nsubjpass") and tok.head.head.head.i == trigger.i)
            )
            # a country or a named place ("over Japan", "over Japan's main islands")
            and (
                tok.i in view.states or tok.pos_ == "PROPN" or any(ch.i in view.states for ch in tok.children)
            )
        ):
            found.add(FLIGHT)  # "sent an IRBM over Japan", "two Hwasong-12s over Hokkaido": it flew
            continue
        if (
            tok.dep_ == "pobj"
            and tok.head.lower_ == "into"
            and (lemma in c.flight_waters or tok.lower_ in c.flight_waters)
        ):
            found.add(FLIGHT)  # "fired rocket artillery into the Taiwan Strait"
            continue
        if lemma in c.failure or tok.lower_ in c.failure:
            if not any(ch.dep_ == "neg" for ch in tok.head.children) and tok.head.lemma_ != "avoid":
                found.add(Outcome.FAILURE.value)
        elif lemma in c.success or tok.lower_ in c.success or lemma in c.flight or tok.lower_ in c.flight:
            if tok.dep_ == "compound" and not (lemma in c.success or tok.lower_ in c.success):
                continue  # "from a land base", "a drop zone": a noun naming a thing, no flight
            if tok.pos_ in ("VERB", "ADV", "ADJ", "NOUN") and not _modal(tok) and not _modal(tok.head):
                strong = lemma in c.success or tok.lower_ in c.success
                found.add(Outcome.SUCCESS.value if strong else FLIGHT)
    for phrase in (p for p in c.failure | c.success | c.flight if " " in p):
        if f" {phrase} " in f" {text_lower} ":
            found.add(
                Outcome.FAILURE.value
                if phrase in c.failure
                else Outcome.SUCCESS.value
                if phrase in c.success
                else FLIGHT
            )
    if trigger is not None and _aim(trigger, c):
        # "tried to put a satellite into orbit": the trigger is the aim, its success is not told
        found -= {Outcome.SUCCESS.value, FLIGHT}
    return frozenset(found)


def attribution(view: SentenceView, trigger: Token, c: Cues) -> tuple[str, tuple[str, ...]]:
    """(kind, states) of who the sentence attributes the trigger to.

    kind: "media" (a state's own media such as KCNA or "state media"), "single" (one official,
    an accusation), "states" (the states named as speakers), "" (no attribution found)."""
    sent_text = view.text
    for anc in view.ancestors_to_clause(trigger):
        lemma = anc.lemma_.lower()
        if anc.pos_ == "VERB" and (lemma in c.reporting or lemma in c.claim_verbs):
            subj = view.subject(anc)
            tokens = [t for s in subj for t in s.subtree]
            subj_text = " ".join(t.text for t in tokens)
            if lemma == "accuse":
                return "single", tuple(view.states_of(tokens))
            if any(m in subj_text for m in c.own_media):
                return "media", tuple(view.states_of(tokens))
            if any(t.lower_ == "one" and t.head.lemma_ in ("official", "source", "officer") for t in tokens):
                return "single", tuple(view.states_of(tokens))
            states = view.states_of(tokens)
            if states:
                return "states", tuple(states)
            return "other", ()
    for m in c.own_media:
        if f"according to {m}" in sent_text or f"According to {m}" in sent_text or f"{m} said" in sent_text:
            return "media", ()
    return "", ()
