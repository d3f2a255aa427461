"""Treaty rules: "North Korea signed a Comprehensive Strategic Partnership Treaty with Russia",
"the nuclear deal Iran struck in 2015 with the United States, Britain, ...", "The armistice was
signed by the U.S.-led United Nations Command, North Korea and China".

Signatories come from the treaty phrase ("with Russia", "inter-Korean"), from the subject
and "with"/"by" phrases of a verb that signs or concludes it, and from the leaders the text
names ("Putin and Kim's agreement"). A proper name is taken when the text gives one.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from kg.dates import MONTHS, WEEKDAYS
from kg.extract.candidate import Candidate
from kg.extract.cues import Cues, cues
from kg.extract.discourse import Discourse
from kg.extract.factuality import TEMPORAL_MARKS, attribution, factuality, planned_before
from kg.extract.launch import _between, _clause_date, _date, _resolvable
from kg.extract.sentence import (
    PRONOUNS,
    RELATIVE_PRONOUNS,
    DatePhrase,
    SentenceView,
    infinitive,
    inside_other,
    lemmas,
)
from kg.extract.sentence import TARGET_PREPS as SHARED_TARGET_PREPS
from kg.lexicon import Lexicon
from kg.models import EventType, Factuality

if TYPE_CHECKING:
    from spacy.tokens import Token

TARGET_PREPS = SHARED_TARGET_PREPS | {"about", "during", "from", "under", "until"}
WEEK_BEFORE = re.compile(
    r"\b(?:about |nearly |roughly |almost |just |only )?(?:a|one) week (?:after|since)\b[^.;]*$", re.I
)
_CAP_NAME = r"(?:[A-Z][\w'-]*|of|for|and|the|on|,)"


@cache
def _named_regex(suffixes: tuple[str, ...], known: tuple[str, ...]) -> re.Pattern[str]:
    suffix = "|".join(re.escape(s) for s in suffixes)
    lowered = {s.lower() for s in suffixes}

    def form(name: str) -> str:
        """A known name, its last word in either case when it is the kind of agreement ("the
        Lancaster House treaties" for the Lancaster House Treaties)."""
        head, _, last = name.rpartition(" ")
        word = last.lower()
        singular = word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")
        if head and (word in lowered or singular in lowered):
            return rf"{re.escape(head)}\s+(?i:{re.escape(last)})"
        return re.escape(name)

    known_alt = "|".join(form(k) for k in sorted(known, key=len, reverse=True))
    # "the New START treaty": the noun after a known name is part of it
    known_alt = rf"(?:{known_alt})(?:\s+(?:[Tt]reaty|[Aa]greement|[Aa]ccord|[Pp]act|[Dd]eal))?"
    # "Basic Exchange and Cooperation Agreement", "Panmunjom Declaration for Peace, Prosperity
    # and Unification of the Korean Peninsula", "the Conventional Armed Forces in Europe Treaty"
    # "the Lombok Treaty on Monday": a day or month after the kind is a date, not more of the name
    calendar = "|".join(w.capitalize() for w in (*MONTHS, *WEEKDAYS))
    # "the Treaty on the Basis for Mutual Relations and the Principles of Cooperation", "the
    # Treaty on the Creation of a Union State": the articles inside a title
    article = "(?:the|a|an)"
    generic = (
        rf"(?:[A-Z][\w'-]*\s+(?:(?:and|of|on|for|the|in)\s+)?){{0,6}}(?:{suffix})"
        rf"(?:\s+(?:for|of|on)\s+(?:{article}\s+)?(?!(?:{calendar})\b)"
        rf"[A-Z][\w'-]*(?:(?:,\s+|\s+(?:and|of|for|against)\s+(?:{article}\s+)?|\s+)[A-Z][\w'-]*)*)?"
    )
    return re.compile(rf"(?<![\w-])(?:{known_alt}|{generic})(?![\w-])")


#: the tags of a finite verb: a clause of its own begins before one
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})

#: the parts of speech a treaty's name may open with ("Open Skies Treaty", "New START",
#: "Comprehensive Strategic Partnership Treaty", "1987 INF Treaty")
NAME_OPENERS = frozenset({"PROPN", "NOUN", "ADJ", "NUM", "X"})


def _names(view: SentenceView, lexicon: Lexicon) -> tuple[list[tuple[int, int, str]], list[range]]:
    """The treaty names of the sentence (start, end, name), and the token ranges of names that
    stand for a bloc (`_bloc`), which are no treaty and no trigger."""
    known = lexicon.event_names("Treaty")
    regex = _named_regex(tuple(lexicon.cue_terms("named_treaty_suffix")), known)
    base = view.sent.start_char
    c = cues(lexicon)
    out = []
    blocs: list[range] = []
    for m in regex.finditer(view.text):
        text = m.group(0)
        # "Under the INF Treaty", "And the Open Skies Treaty, signed ...": the sentence's first
        # words and the article after them are no part of the name (a name opens with a noun,
        # an adjective or a number)
        matched = view.doc.char_span(base + m.start(), base + m.end(), alignment_mode="expand")
        lead = 0
        for tok in matched if matched is not None else ():
            if tok.pos_ in NAME_OPENERS or not text[lead:].startswith(tok.text):
                break
            lead += len(tok.text_with_ws)
        words = text[lead:].split()
        if len(words) < 2 and lexicon.named_event("Treaty", text) is None:
            continue
        if words and words[0].lower() in ("joint",) and len(words) == 2:
            continue  # "joint statement" is a description, not a name
        text = " ".join(words)
        end = base + m.end()
        following = next((t for t in view.doc[view.sent.start : view.sent.end] if t.idx >= end), None)
        tail = text.rfind(" and the ")
        tail_at = base + m.start() + lead + tail  # where "and the ..." begins in the document
        if (
            tail > 0
            and following is not None
            and following.tag_ in _FINITE
            and any(ch.dep_ == "nsubj" and ch.idx >= tail_at for ch in following.children)
        ):
            # "signed the Treaty on Security Guarantees and the Kremlin said ...": the subject of
            # the clause coordinated after the name is no part of it
            text = text[:tail]
        start = view.text.find(text, m.start())
        span = view.doc.char_span(base + start, base + start + len(text), alignment_mode="expand")
        bare = re.sub(r"\s+(?:treaty|agreement|accord|pact|deal)$", "", text, flags=re.I)
        if bare != text and lexicon.named_event("Treaty", bare) is not None:
            text = bare  # "the New START treaty" is New START (the span keeps "treaty")
        if span is not None and _bloc(view, span.start, span.end, c):
            blocs.append(range(span.start, span.end))
            continue  # "the Warsaw Treaty countries", "members of NATO and the former Warsaw Pact"
        if span is not None:
            if text.isupper() and " " not in text:  # "the CMA": its name, not its initials
                text = lexicon.canonical_event_name("Treaty", text)
            out.append((span.start, span.end, text))
    return out, blocs


def _bloc(view: SentenceView, start: int, end: int, c: Cues) -> bool:
    """True if a treaty's name stands for the states it bound, not for the treaty: before a
    member noun in the plural ("the Warsaw Treaty countries", "Warsaw Pact troops"), a pact's
    name after "former" ("the former Warsaw Pact"; not "the former INF Treaty"), or the
    of-object of a member noun in the plural ("members of NATO and the Warsaw Pact");
    bloc_member_noun, bloc_name_head and former_word in cues.tsv. Not "parties to the treaty":
    its parties; nor "the state of the New START treaty"."""
    after = view.doc[end] if end < view.sent.end else None
    if after is not None and after.lemma_.lower() in c.bloc_members and after.tag_ in ("NNS", "NNPS"):
        return True
    head_word = view.doc[end - 1].lower_
    if start > view.sent.start and view.doc[start - 1].lower_ in c.former and head_word in c.bloc_heads:
        return True
    root = view.doc[start:end].root
    while root.dep_ == "conj":
        root = root.head
    holder = root.head.head
    return (
        root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and holder.lemma_.lower() in c.bloc_members
        and holder.tag_ in ("NNS", "NNPS")
    )


def _signatories(view: SentenceView, noun: Token, c: Cues) -> tuple[list[str], bool]:
    toks = view.collect(noun, skip_preps=TARGET_PREPS)
    pronoun = any(t.lower_ in PRONOUNS and t.dep_ == "poss" for t in noun.children)
    verb = view.nearest_verb(noun)
    if verb is not None and lemmas(verb) & c.treaty_party and noun.dep_ in ("pobj", "dobj"):
        # "The previous U.S. administration pulled out of the Open Skies Treaty": a party
        for s in view.subject(verb):
            if s.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                s = verb.head  # "Egypt, which ratified the treaty in 1981"
            toks += view.collect(s, skip_preps=TARGET_PREPS)
    if verb is not None and verb.lemma_.lower() in c.treaty_sign:
        subj = view.subject(verb)
        if noun.dep_ == "nsubjpass" or any(ch.dep_ == "agent" for ch in verb.children):
            subj = [gc for ch in verb.children if ch.dep_ == "agent" for gc in ch.children]
        for s in subj:
            toks += view.collect(s, skip_preps=TARGET_PREPS)
            pronoun = pronoun or s.lower_ in PRONOUNS
        for ch in verb.children:
            if ch.dep_ == "prep" and ch.lower_ in ("with", "between", "by"):
                toks += list(ch.subtree)
    relative = _relative_signing(noun, c)
    if relative is not None:  # "the memorandum ..., which Russia and the US signed in 2015"
        for s in view.subject(relative):
            toks += view.collect(s, skip_preps=TARGET_PREPS)
    if noun.dep_ in ("nsubj", "nsubjpass") and verb is not None:
        # "Signed in April 2010 by then-Presidents Obama and Medvedev, the treaty caps ..."
        for clause in verb.children:
            if clause.dep_ in ("advcl", "acl") and clause.lemma_.lower() in c.treaty_sign:
                for ch in clause.children:
                    if ch.dep_ == "agent" or (ch.dep_ == "prep" and ch.lower_ in ("by", "with", "between")):
                        toks += list(ch.subtree)
    partnered = any(ch.dep_ == "prep" and ch.lower_ == "with" for ch in noun.children)
    if partnered and verb is not None and noun.dep_ in ("dobj", "pobj"):
        # "The United States left ..., ending a 1987 pact with Moscow": a pact with one party
        # is the other's, whoever acts on it
        holders = view.subject(verb)
        if not holders and verb.dep_ in ("advcl", "xcomp", "conj"):
            holders = view.subject(verb.head)
        for s in holders:
            toks += view.collect(s, skip_preps=TARGET_PREPS)
            pronoun = pronoun or s.lower_ in PRONOUNS
    act = _party_act(noun, c)
    if act is not None:
        # "withdrawing Russia's ratification of the 1996 CTBT", "suspending its participation in
        # New START": whose ratification or participation
        for poss in (ch for ch in act.children if ch.dep_ == "poss"):
            toks += view.collect(poss, skip_preps=TARGET_PREPS)
            pronoun = pronoun or poss.lower_ in PRONOUNS
    for poss in (ch for ch in noun.children if ch.dep_ == "poss"):
        # "Seoul and Pyongyang's 2018 military agreement": the parser may leave out the first owner
        at = poss.left_edge.i
        if at >= view.sent.start + 2 and view.doc[at - 1].lower_ == "and":
            toks.append(view.doc[at - 2])
    toks += _bound_by_participle(view, noun)
    for clause in noun.children:
        if clause.dep_ == "acl" and infinitive(clause):
            # "an agreement to enhance military cooperation with the United States": the partner
            toks += [t for p in clause.subtree if p.dep_ == "prep" and p.lower_ == "with" for t in p.subtree]
    brought = _brought_about(
        [ch for ch in noun.children if ch.dep_ in ("acl", "amod")], c
    )  # "a deal brokered by China", "a US-brokered deal"
    states = view.states_of(sorted({t for t in toks if t.i not in brought}, key=lambda t: t.i))
    return states, pronoun


def _told_signed(noun: Token, c: Cues, *, by_clause: bool = False) -> bool:
    """True if a noun that names an agreement only as what is signed is told as signed or
    concluded: "signed a defence framework", "the memorandum was signed" (not with `by_clause`:
    "reached a better understanding of"), "the understanding reached with India", "the
    memorandum of understanding on air incidents over Syria, which Russia and the US signed in
    2015" (the relative clause the parser may hang on a noun of the phrase)."""
    if not by_clause and noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in c.treaty_sign:
        return True
    return bool(_signing_participles(noun, c)) or _relative_signing(noun, c) is not None


def _signed_it(tok: Token, c: Cues) -> bool:
    """True for "it" as the subject of a clause that opens with a participle of signing: "Signed
    in Helsinki in 1992 by members of NATO and the former Warsaw Pact, it allows ..." (the
    treaty told before, its signing told here)."""
    return (
        tok.lower_ == "it"
        and tok.dep_ == "nsubj"
        and any(
            ch.dep_ == "advcl" and ch.tag_ == "VBN" and ch.i < tok.i and ch.lemma_.lower() in c.treaty_sign
            for ch in tok.head.children
        )
    )


def _signing_participles(noun: Token, c: Cues) -> list[Token]:
    """The participles of concluding in an agreement's phrase, wherever the parser hung them:
    "the understanding on pre-notification of flight tests reached with India"."""
    return [
        t for t in noun.subtree if t.dep_ == "acl" and t.tag_ == "VBN" and t.lemma_.lower() in c.treaty_sign
    ]


def _reached_with(view: SentenceView, noun: Token, c: Cues) -> list[str]:
    """The partners of an agreement told by a participle with "with" and no doer: "the
    understanding reached with India" -> ["IND"]; "a deal signed with Moscow" -> ["RUS"]."""
    out: list[str] = []
    for t in _signing_participles(noun, c):
        if any(ch.dep_ == "agent" for ch in t.children):
            continue
        for prep in (ch for ch in t.children if ch.dep_ == "prep" and ch.lower_ == "with"):
            out += [s for s in view.states_of(list(prep.subtree)) if s not in out]
    return out


def _terms_clauses(noun: Token, c: Cues) -> set[int]:
    """The tokens of relative clauses that tell what an agreement provides, not when it was
    made: "a Declaration on Strategic Cooperation, under which Washington ... undertakes to
    station a Patriot battery in the country from next year" (the relative word under a
    preposition; a signing verb's clause is the agreement's own: "which they signed in 2010")."""
    out: set[int] = set()
    for clause in noun.children:
        if clause.dep_ != "relcl" or clause.lemma_.lower() in c.treaty_sign:
            continue
        if any(
            ch.dep_ == "prep" and any(g.lower_ in ("which", "whom") for g in ch.children)
            for ch in clause.children
        ):
            out.update(t.i for t in clause.subtree)
    return out


def _relative_signing(noun: Token, c: Cues) -> Token | None:
    """The relative clause that tells an agreement signed, on its noun or on a noun of its phrase
    (where the parser often hangs it): "the memorandum of understanding on air incidents over
    Syria, which Russia and the US signed in October 2015" -> "signed"."""
    for tok in noun.subtree:
        if (
            tok.dep_ == "relcl"
            and tok.pos_ == "VERB"
            and tok.lemma_.lower() in c.treaty_sign
            and any(ch.dep_ == "dobj" and ch.lower_ in ("which", "that") for ch in tok.children)
        ):
            return tok
    return None


def _brought_about(verbs: list[Token], c: Cues) -> set[int]:
    """The tokens under those of `verbs` that bring an agreement about ("a deal brokered by
    China", "mediated by Qatar"): whose they name is no party."""
    return {t.i for v in verbs if lemmas(v) & c.brokers for t in v.subtree}


def _bound_by_participle(view: SentenceView, noun: Token) -> list[Token]:
    """ "the 1951 pact binding Australia, New Zealand and the United States": the states listed
    after a participle of a party verb right after the treaty noun, read from the surface (the
    parser often hangs the participle on the first state)."""
    nxt = noun.i + 1
    if nxt >= view.sent.end or view.doc[nxt].tag_ != "VBG":
        return []
    if view.doc[nxt].lemma_ not in view.lexicon.cue_terms("party_verb"):
        return []
    out = []
    for t in view.doc[nxt + 1 : view.sent.end]:
        if t.pos_ in ("VERB", "AUX", "ADP", "SCONJ") or (t.is_punct and t.text != ","):
            break
        out.append(t)
    return out


def _in_time_clause(trig: Token) -> bool:
    """True for a treaty told in a clause of another time ("..., months after Turkey signed a
    similar agreement with Libya"): the main clause's date is not its."""
    return any(
        anc.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in TEMPORAL_MARKS for m in anc.children)
        for anc in trig.ancestors
    )


def _statement_word(trig: Token, lexicon: Lexicon) -> bool:
    """A statement, declaration, communique or memorandum (treaty_document_kind in cues.tsv), by
    its word or its name's: made by being issued or adopted."""
    kinds = lexicon.cue_terms("treaty_document_kind")
    words = [trig, *(ch for ch in trig.children if ch.dep_ == "compound")]
    return any(t.lemma_.lower() in kinds for t in words)


def _joint_statement_made(noun: Token, c: Cues) -> bool:
    """ "signed a joint statement", "a joint statement issued Monday", "the joint statement the two
    leaders signed": a joint statement made by its parties is an agreement; one that reacts to
    something ("issued a joint statement condemning the launch") or that is only quoted is not."""
    if not any(ch.lower_ == "joint" for ch in noun.children):
        return False
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head  # "In a joint statement signed ..."
    made = verb.lemma_.lower() in c.treaty_sign or any(
        ch.dep_ in ("acl", "relcl") and ch.lemma_.lower() in c.treaty_sign for ch in noun.children
    )
    if not made:
        return False
    told_with = [*noun.children, *verb.children] if verb.pos_ == "VERB" else list(noun.children)
    return not any(t.tag_ == "VBG" and t.lemma_.lower() in c.reaction for t in told_with)


def find_treaties(view: SentenceView, lexicon: Lexicon, discourse: Discourse) -> list[Candidate]:
    c = base = cues(lexicon)
    # a joint statement is made and dated by being issued or adopted as a treaty is by being signed
    stated = replace(base, treaty_sign=base.treaty_sign | base.statement)
    nouns = lexicon.cue_terms("treaty_noun")
    signed_nouns = lexicon.cue_terms("treaty_noun_signed")
    concluded_nouns = lexicon.cue_terms("treaty_noun_concluded")
    names, blocs = _names(view, lexicon)
    triggers: list[tuple[Token, str | None]] = []
    used: set[int] = {i for bloc in blocs for i in bloc}  # "members of the Warsaw Pact": no "pact" of its own
    name_tokens: dict[int, range] = {}  # a named trigger -> the tokens of its name
    for start, end, found_name in names:
        root = view.doc[start:end].root
        triggers.append((root, found_name))
        used.update(range(start, end))
        name_tokens[root.i] = range(start, end)
    for tok in view:
        if tok.i in used or tok.dep_ == "compound":
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("NOUN", "PROPN") and lemma in nouns:
            if lemma == "statement" and not _joint_statement_made(tok, stated):
                continue  # a joint statement signed is an agreement; one "released by" is not
            if (
                lemma == "agreement"
                and tok.head.lower_ == "in"
                and not any(ch.dep_ == "det" for ch in tok.children)
            ):
                continue
            triggers.append((tok, None))
        elif (
            tok.pos_ in ("NOUN", "PROPN")
            and (
                (lemma in signed_nouns and _told_signed(tok, c))
                or (lemma in concluded_nouns and _told_signed(tok, c, by_clause=True))
            )
            # "memorandum of understanding": one document
            and not (tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in {*nouns, *signed_nouns})
        ):
            # "signed a defence framework", "the memorandum was signed", "the understanding
            # reached with India", "the memorandum ..., which Russia and the US signed in 2015"
            triggers.append((tok, None))
        elif _signed_it(tok, c):
            triggers.append(
                (tok, None)
            )  # "Signed in Helsinki in 1992 by ..., it allows ...": the treaty told
    # "New START, the treaty signed in 2010": one treaty, told by its name
    named_at = {trig.i for trig, name in triggers if name}
    apposed = {
        trig.i: named for trig, _ in triggers if (named := _apposed_to(view, trig, named_at)) is not None
    }
    triggers = [
        (trig, name)
        for trig, name in triggers
        if name or not (inside_other(trig, named_at) or trig.i in apposed)
    ]
    out: list[Candidate] = []
    trigger_at = {trig.i for trig, _ in triggers}
    # "signed LEMOA in 2016 and COMCASA in 2018": agreements listed each with its date; not one
    # date after one name ("marked the anniversary of the Budapest Memorandum on Thursday")
    listed_dates = {trig.i: d for trig, _ in triggers if (d := _date_right_after(view, trig)) is not None}
    listed_dates = listed_dates if len(listed_dates) > 1 else {}
    places = _signing_places(view, base) if triggers else ()
    for trig, name in triggers:
        c = stated if _statement_word(trig, lexicon) else base
        # "the treaty", "this pact": a treaty told before, which a sentence's date need not date
        referring = trig.lower_ == "it" or any(ch.lower_ in ("the", "this", "that") for ch in trig.children)
        fact = factuality(view, trig, c)
        if fact is None and (
            (trig.dep_ in ("dobj", "nsubjpass") and trig.head.lemma_.lower() in c.pledge)
            or _party_act(trig, c) is not None
            or (
                trig.dep_ == "pobj" and trig.head.lower_ == "under"
            )  # "suspended inspections under New START"
        ):
            # "suspend a 2018 accord", "suspended its participation in New START": it exists
            fact = Factuality.ASSERTED
        if fact is None:
            continue
        if fact is Factuality.EXPECTED and _named_doer(trig, name, c):
            fact = Factuality.ASSERTED  # "The AUKUS pact will give Australia submarines": it exists
        states, pronoun = _signatories(view, trig, c)
        verb = view.nearest_verb(trig)
        subj_tokens = view.subject(verb) if verb is not None else []
        signed_by_pronoun = (
            verb is not None
            and verb.lemma_.lower() in c.treaty_sign
            and any(s.lower_ in PRONOUNS for s in subj_tokens)
        )
        if (pronoun and not states) or signed_by_pronoun:
            # "North Korea fired ... a week after it struck a pact with Russia"
            referent = view.main_subject_states(before=trig.i) or (
                [discourse.topic] if discourse.topic else []
            )
            states = [r for r in referent[:1] if r not in states] + states
        window = _window(view, trig)
        if verb is not None and verb.lemma_.lower() in c.treaty_sign:
            # "the two leaders signed a joint statement": the signers are the pair
            window += [t for s in subj_tokens for t in s.subtree]
        pair = bool(c.pair_reference.search(" ".join(t.text for t in [*trig.subtree, *window]))) or (
            not states and bool(c.pair_reference.search(view.text))
        )
        named_pair: list[str] = []
        if pair:
            # "signed by the two leaders": the states of the two leaders named last; "Japan is
            # allied with the United States under the security treaty the two countries signed
            # in 1960": the two states the sentence names before the treaty; else the parties of
            # the treaty told before (kg.normalize), else the two states the article has talked
            # about most ("each side must notify")
            head = verb
            while head is not None and head.head.i != head.i and head.dep_ in ("acomp", "xcomp", "conj"):
                head = head.head  # "South Korea remains tied to the United States by the treaty ..."
            clause = view.collect(head, skip_preps=frozenset(), skip_clauses=True) if head is not None else []
            before = list(dict.fromkeys(view.states_of([t for t in clause if t.i < trig.i])))
            named_pair = (
                discourse.leader_pair()
                if c.pair_of_leaders.search(" ".join(t.text for t in [*trig.subtree, *window]))
                else []
            ) or (before if len(before) == 2 else [])
            states = named_pair or discourse.pair()
        elif (
            not states
            and not referring
            and any(t.lemma_.lower() in c.treaty_sign and t.pos_ == "VERB" for t in view.sent)
        ):
            _kind, speakers = attribution(view, trig, c)
            brought = _brought_about(
                [v for v in view.sent if v.pos_ == "VERB"], c
            )  # "under a deal brokered by China"
            states = [
                s for s in view.states_of([t for t in view.sent if t.i not in brought]) if s not in speakers
            ]
        states += [s for s in _bound_under(view, trig) if s not in states]
        partners = _reached_with(view, trig, c)
        states += [s for s in partners if s not in states]
        if partners and len(states) == 1:
            # "the understanding ... reached with India": the other side is the story's state
            other = discourse.topic if discourse.topic not in states else None
            other = other or discourse.actor(exclude=frozenset(states))
            states = [other, *states] if other and other not in states else states
        if any(
            ch.dep_ == "acl" and ch.tag_ == "VBN" and ch.lemma_.lower() in c.treaty_sign
            for ch in trig.children
        ):
            fact = Factuality.ASSERTED  # "a joint declaration signed at the close of the summit"
        scope = view.collect(trig, skip_preps=frozenset())
        signing = verb if verb is not None and verb.lemma_.lower() in c.treaty_sign else None
        if signing is None and verb is not None and trig.dep_ in ("nsubj", "nsubjpass"):
            signing = next(
                (
                    ch
                    for ch in verb.children
                    if ch.dep_ in ("advcl", "acl") and ch.lemma_.lower() in c.treaty_sign
                ),
                None,
            )
        if signing is None:
            signing = _relative_signing(trig, c)  # "..., which Russia and the US signed in October 2015"
        if signing is not None:
            scope = sorted(set(scope) | set(signing.subtree), key=lambda t: t.i)
        # "the new document, which replaces the Treaty on the Basis of Relations signed in 2001":
        # what hangs on another treaty's name is that treaty's
        # (not a treaty coordinated with it: "LEMOA and COMCASA in 2016 and 2018 respectively")
        others = {
            i
            for root, span in name_tokens.items()
            if root != trig.i and trig.i not in {t.i for t in view.conjuncts(view.doc[root])}
            for i in span
        }
        line = {trig.i, *(a.i for a in trig.ancestors)}
        scope = [t for t in scope if not _under(t, others, line)]
        terms = _terms_clauses(trig, c)
        scope = [t for t in scope if t.i not in terms]
        date_phrase, days_after = _date(view, trig, scope)
        same_day = days_after is not None
        party_act = verb is not None and bool(lemmas(verb) & c.treaty_party) and signing is None
        if party_act:
            date_phrase = None  # "pulled out of the treaty in November": not when it was concluded
        # "suspended a 1987 agreement on Friday": the treaty's own date, not the suspension's
        suspended = (
            signing is None and trig.dep_ in ("dobj", "nsubjpass") and trig.head.lemma_.lower() in c.pledge
        )
        if suspended:
            own = [p for p in view.dates_in(list(trig.subtree)) if _resolvable(p.text)]
            date_phrase = own[0].text if own else None
        listed = listed_dates.get(trig.i)
        if listed is not None and not (party_act or suspended):
            # "signed LEMOA in August 2016 and COMCASA in September 2018": each its own
            date_phrase, same_day = listed, False
        identifying = [
            p for p in view.dates_in([t for t in trig.subtree if t.i < trig.i]) if _resolvable(p.text)
        ]
        if identifying:  # "withdrew from the 1987 INF Treaty in 2019": the treaty is of 1987
            date_phrase, same_day, suspended = identifying[-1].text, False, True
        if date_phrase is None and name is not None:
            # "New START, the treaty signed in 2010 that caps ...": the apposition's signing;
            # "ANZUS, the 1951 pact with the United States and New Zealand": its year
            appositions = [view.doc[i] for i, named in apposed.items() if named == trig.i]
            # the parser may hang the signing clause on any word of a long name ("the Treaty on
            # the Basis of Relations and Principles of Cooperation signed in 2001")
            words = [view.doc[i] for i in name_tokens.get(trig.i, ()) if i != trig.i]
            date_phrase = _signing_date(view, [trig, *words, *appositions], c) or date_phrase
            own_years = [
                p
                for a in appositions
                for p in view.dates_in([t for t in a.subtree if t.i < a.i])
                if _resolvable(p.text)
            ]
            if date_phrase is None and own_years:
                date_phrase, same_day, suspended = own_years[-1].text, False, True
        if date_phrase is None and WEEK_BEFORE.search(view.doc[view.sent.start : trig.i].text):
            date_phrase = "last week"  # "about a week after it struck a pact": a week before the dateline
        if date_phrase is None and not (same_day or suspended) and verb is not None and trig.dep_ == "pobj":
            # "the 1950 to 1953 Korean War ended with an armistice": the latest date of the subject
            subject = [t for s in view.subject(verb) for t in s.subtree]
            local = [p for p in view.dates_in(subject) if _resolvable(p.text)]
            date_phrase = local[-1].text if local else None
        if date_phrase is None and not (same_day or suspended or party_act):
            # "the Panmunjom Declaration the two leaders signed at the border in April"
            near = [p for p in view.dates_in(window) if _resolvable(p.text) and p.root not in terms]
            signed_near = any(t.lemma_.lower() in c.treaty_sign and t.pos_ == "VERB" for t in window)
            date_phrase = near[0].text if near and signed_near else None
        others = {t.i for o, _ in triggers if o.i != trig.i for t in o.subtree}
        # a date elsewhere in the sentence dates the treaty only when the sentence tells a
        # signing ("The leaders ... agreed on Friday ..., in a joint declaration"); "the deal was
        # criticised on Monday" does not date the deal
        told_signing = any(t.lemma_.lower() in c.treaty_sign and t.pos_ == "VERB" for t in view.sent)
        if date_phrase is None and told_signing and not (same_day or suspended) and not referring:
            date_phrase = _clause_date(view, trig, {trig.i}, False)
            if date_phrase is not None and any(
                p.text == date_phrase and (p.root in others or p.root in terms) for p in view.date_phrases()
            ):
                date_phrase = None  # "replacing the 1953 armistice with a peace treaty": the armistice's date
        if (
            date_phrase is None
            and told_signing
            and not (same_day or suspended)
            and not referring
            and not _in_time_clause(trig)
        ):
            root_clause = view.collect(view.sent.root, skip_preps=frozenset(), skip_clauses=True)
            root_dates = [
                p
                for p in view.dates_in(root_clause)
                if _resolvable(p.text) and p.root not in others and p.root not in terms
            ]
            date_phrase = (
                root_dates[0].text if root_dates else None
            )  # "The leaders ... agreed on Friday ..., in a joint declaration"
        role = "signed" if signing is not None else ""
        if date_phrase is not None and re.search(
            r"\b(until|till|expires?|since|through|beyond)\s+(?:in\s+|on\s+|an?\s+)?$",
            _context(view, date_phrase),
        ):
            date_phrase = (
                None  # "expires in February 2021", "since 2019", "beyond 2003"; not "since the 1987 treaty"
            )
        kind, _ = attribution(view, trig, c)
        definite = referring and name is None
        # "the two governments also signed a Declaration on Strategic Cooperation": another
        # agreement, on the day of the one told
        added = (
            signing is not None
            # not "is also negotiating a treaty" (a plan), nor "has also signed a pact with Britain"
            and signing.tag_ == "VBD"
            and fact is Factuality.ASSERTED
            and any(ch.dep_ == "advmod" and ch.lower_ in c.addition for ch in signing.children)
        )
        beside_told = added and date_phrase is None and days_after is None and not definite
        cand = Candidate(
            type=EventType.TREATY,
            sentence=view.mention(),
            sentence_index=view.index,
            trigger=trig.text,
            trigger_lemma=trig.lemma_.lower(),
            actors=tuple(states),
            needs_actor=not states or (pair and not named_pair),
            date_phrase=date_phrase if date_phrase and _resolvable(date_phrase) else None,
            identifying_date=view.identifying_date(trig, date_phrase),
            date_role=role,
            future=fact is Factuality.EXPECTED and not planned_before(view, trig, c),
            days_after_previous=0 if beside_told else days_after if not identifying else None,
            beside_told=beside_told,
            factuality=fact,
            speaker=kind,
            name=name,
            definite=definite,
            # "a new pact" is another, "this new treaty" and "the new treaty" the one just told
            distinct=(
                name is None
                and any(ch.lower_ in c.treaty_new for ch in trig.children)
                and not any(ch.lower_ in ("this", "that", "the") for ch in trig.children)
            )
            # "signed a new defence pact and a maritime surveillance deal": two treaties
            or _coordinated_after(trig, trigger_at)
            or beside_told,
            refers_to_pair=pair,
            succeeded=_succeeded(trig, c),
            places=places,
        )
        partners = _each_with(view, trig, verb, c) if name is None and not pair else []
        home = [s for s in states if s not in partners]
        dated = _partners_dated(view, trig) if name is None and not pair and len(states) >= 2 else []
        if len(partners) >= 2 and home:
            # "the US signed defense agreements with Sweden, Norway and Poland": one each
            out += [replace(cand, actors=(*home, p), distinct=True) for p in partners]
        elif dated and not {p for p, _ in dated} >= set(states):
            # "similar pacts with Australia, signed in January 2022, and with Britain, signed in
            # January 2023": one each, dated by its own phrase
            home = [s for s in states if s not in {p for p, _ in dated}]
            out += [
                replace(cand, actors=(*home, p), date_phrase=when, distinct=True, identifying_date=False)
                for p, when in dated
            ]
        else:
            out.append(cand)
    return out + _extensions(view, base, triggers, names)


def _named_doer(trig: Token, name: str | None, c: Cues) -> bool:
    """True for a named treaty that is the subject of what it will or may do ("The AUKUS pact
    will give Australia nuclear-powered submarines", "New START may lapse"): a treaty that
    exists, whatever its clause's modal says. Not one that will be signed or agreed ("the Treaty
    of Nancy will be signed on Friday"; a passive's subject is `nsubjpass`)."""
    return (
        name is not None
        and trig.dep_ == "nsubj"
        and trig.head.pos_ in ("VERB", "AUX")
        and not lemmas(trig.head) & c.treaty_sign
    )


def _coordinated_after(trig: Token, triggers: set[int]) -> bool:
    """True for the second of two coordinated treaty nouns ("a defence pact and a maritime
    deal"), whether the parser hangs it on the first noun or on the verb they are objects of."""
    if trig.dep_ != "conj":
        return False
    if trig.head.i in triggers:
        return True
    return any(
        ch.i in triggers and ch.i < trig.i and ch.dep_ in ("dobj", "nsubjpass") for ch in trig.head.children
    )


def _succeeded(noun: Token, c: Cues) -> bool:
    """True for a treaty a verb of succession has as its object, alone or in a list: "this new
    treaty replaces the 1961 Treaty of Friendship, the 2000 Treaty on Bilateral Ties, as well as
    the Pyongyang Declaration", "the pact followed the LEMOA"."""
    cur = noun
    while cur.dep_ in ("conj", "appos") and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ == "pobj":
        cur = cur.head  # "builds on the 2018 accord"
    return cur.dep_ in ("dobj", "nsubjpass", "prep") and cur.head.lemma_.lower() in c.treaty_succession


def _partners_dated(view: SentenceView, noun: Token) -> list[tuple[str, str]]:
    """(partner, date phrase) of a treaty told with two or more partners in turn, each with a
    date of its own: "pacts with Australia, signed in January 2022, and with Britain, signed in
    London in January 2023", "its first agreement with Australia in January 2022 and a second
    with Britain in January 2023". Read from the surface, after the treaty noun: a state right
    after "with", and the first date phrase before the next such state. Empty unless every
    partner has its date."""
    dates = [p for p in view.date_phrases() if p.start > noun.i and _resolvable(p.text)]
    at: list[tuple[int, str]] = []
    for tok in view.doc[noun.i + 1 : view.sent.end]:
        if view.span_root.get(tok.i) != tok.i or tok.i not in view.states:
            continue
        before = view.doc[tok.i - 1]
        if before.lower_ == "the":
            before = view.doc[tok.i - 2]
        if before.lower_ == "with" and len(view.states[tok.i]) == 1:
            at.append((tok.i, view.states[tok.i][0]))
    if len(at) < 2:
        return []
    out: list[tuple[str, str]] = []
    for k, (i, state) in enumerate(at):
        end = at[k + 1][0] if k + 1 < len(at) else view.sent.end
        own = [p for p in dates if i < p.start < end]
        if not own:
            return []
        out.append((state, own[0].text))
    return out


def _each_with(view: SentenceView, noun: Token, verb: Token | None, c: Cues) -> list[str]:
    """The states of the "with" phrase of agreements in the plural ("signed defense agreements
    with Sweden, Norway and Poland", "concluded pacts with Mali and Niger"): each is the other
    party of an agreement of its own."""
    if noun.tag_ != "NNS":
        return []
    holders = [noun]
    if verb is not None and verb.lemma_.lower() in c.treaty_sign and noun.dep_ == "dobj":
        holders.append(verb)
    preps = [ch for h in holders for ch in h.children if ch.dep_ == "prep" and ch.lower_ == "with"]
    return view.states_of([t for p in preps for t in p.subtree])


def _extensions(
    view: SentenceView, c: Cues, triggers: list[tuple[Token, str | None]], names: list[tuple[int, int, str]]
) -> list[Candidate]:
    """A treaty's extension is an event of that treaty, dated by the extension: "Biden and Putin
    agreed in early 2021 to extend it for five years", "It was extended once already, in early
    2021", "New START, the treaty it signed in 2010 and extended for five years in 2021". The
    treaty is the one the pronoun or phrase refers to (its name and parties come from the treaty
    told before, kg.normalize); "extended New START on Wednesday" is the treaty's own phrase,
    dated by its clause, and needs nothing here."""
    out: list[Candidate] = []
    at = {trig.i: name for trig, name in triggers}
    for verb in view.sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in c.treaty_extend:
            continue
        objects = [ch for ch in verb.children if ch.dep_ in ("dobj", "nsubjpass")]
        pronoun = any(o.lower_ in ("it", "this") for o in objects)
        # "the treaty it signed ... in 2010 and extended ... in 2021": a participle coordinated
        # with the signing that modifies the treaty noun
        signed = verb.head if verb.dep_ == "conj" and verb.head.lemma_.lower() in c.treaty_sign else None
        treaty = signed.head if signed is not None and signed.dep_ in ("relcl", "acl") else None
        if treaty is not None and treaty.i not in at and treaty.dep_ == "appos":
            treaty = treaty.head  # "New START, the treaty it signed ...": the name it is apposed to
        # "agreed to extend the pact for another five years": a treaty noun that refers back
        referred = [o for o in objects if o.i in at and at[o.i] is None and _refers_back(o)]
        if treaty is None and referred:
            treaty = referred[0]
        if not pronoun and (treaty is None or treaty.i not in at):
            continue
        # "the 2001 treaty", "on the anniversary of the 2001 treaty": a treaty's own date
        own = {t.i for o in at if verb not in view.doc[o].subtree for t in view.doc[o].subtree}
        clause = [t for t in verb.subtree if t.i != verb.i and t.i not in own]
        if verb.dep_ in ("xcomp", "advcl"):  # "agreed in early 2021 to extend it"
            clause += [t for t in verb.head.subtree if t.i not in {x.i for x in verb.subtree} | own]
        dates = _dates_of_extension(view, clause)
        if not dates and not (referred and _told_as_done(verb)):
            continue
        if (
            referred
            and treaty in objects
            and _dates_of_extension(view, [t for t in verb.subtree if t.i not in own])
        ):
            continue  # "extended the agreement in March 2022": the noun's own event, dated by its verb
        fact = factuality(view, verb, c)
        if fact is None:
            continue
        if verb.dep_ == "xcomp" and verb.head.tag_ == "VBD" and verb.head.lemma_.lower() in c.treaty_sign:
            fact = Factuality.ASSERTED  # "agreed to extend the pact": the extension agreed
        named = at.get(treaty.i) if treaty is not None else None
        if treaty is not None and named is None:
            named = next((n for start, end, n in names if start <= treaty.i < end), None)
        out.append(
            Candidate(
                type=EventType.TREATY,
                sentence=view.mention(),
                sentence_index=view.index,
                trigger=verb.text,
                trigger_lemma=verb.lemma_.lower(),
                needs_actor=True,
                date_phrase=dates[0].text if dates else None,
                date_role="signed",
                factuality=fact,
                name=named,
                definite=True,
                distinct=True,
                renews=True,
            )
        )
    return out


def _dates_of_extension(view: SentenceView, clause: list[Token]) -> list[DatePhrase]:
    """The date phrases of `clause` that can date an extension: not "until February 2026" or
    "to 5 February 2026", when it runs out."""
    return [
        p
        for p in view.dates_in(clause)
        if _resolvable(p.text)
        and not re.search(r"\b(until|till|through|to)\s+(?:in\s+|on\s+)?$", _context(view, p.text))
    ]


def _refers_back(noun: Token) -> bool:
    """ "the pact", "the treaty", "their 2001 treaty": a treaty noun told as one already known."""
    return any(
        ch.dep_ in ("det", "poss") and ch.lower_ in ("the", "this", "its", "their") for ch in noun.children
    )


def _told_as_done(verb: Token) -> bool:
    """The verb, or the verb it completes, is in the past: "extended the pact", "agreed to
    extend the pact" (not "seeks to extend", "would extend")."""
    return verb.tag_ == "VBD" or (verb.dep_ == "xcomp" and verb.head.tag_ == "VBD")


def _signing_places(view: SentenceView, c: Cues) -> tuple[str, ...]:
    """The states a sentence names only where a treaty was signed ("The Open Skies Treaty ... is
    signed in Helsinki", "concluded at Camp David"), not elsewhere in it."""
    inside = {
        t.i
        for verb in view.sent
        if verb.pos_ == "VERB" and verb.lemma_.lower() in c.treaty_sign
        for ch in verb.children
        if ch.dep_ == "prep" and ch.lower_ in ("in", "at")
        for t in ch.subtree
    }
    if not inside:
        return ()
    there = view.states_of([t for t in view.sent if t.i in inside])
    elsewhere = set(view.states_of([t for t in view.sent if t.i not in inside]))
    return tuple(s for s in dict.fromkeys(there) if s not in elsewhere)


def _date_right_after(view: SentenceView, noun: Token) -> str | None:
    """The date phrase of "in"/"on" right after a treaty noun, past an acronym in brackets: "the
    Communications Compatibility and Security Agreement (COMCASA) in September 2018"."""
    at = noun.i + 1
    if at < view.sent.end and view.doc[at].text == "(":
        close = next((t.i for t in view.doc[at : min(at + 8, view.sent.end)] if t.text == ")"), None)
        at = close + 1 if close is not None else at
    if at >= view.sent.end or view.doc[at].lower_ not in ("in", "on"):
        return None
    found = [p for p in view.date_phrases() if p.start == at + 1 and _resolvable(p.text)]
    return found[0].text if found else None


def _apposed_to(view: SentenceView, noun: Token, named_at: set[int]) -> int | None:
    """The named treaty a treaty noun stands in apposition to ("New START, the treaty signed in
    2010"), by the parse or, when the parser lost it, by the words: a name, a comma, "the"."""
    if noun.dep_ == "appos" and noun.head.i in named_at:
        return noun.head.i
    at = noun.left_edge.i
    if at - 2 >= view.sent.start and view.doc[at].lower_ == "the" and view.doc[at - 1].text == ",":
        before = view.doc[at - 2]
        for i in named_at:
            if i == before.i or view.doc[i].right_edge.i == before.i:
                return i
    return None


def _under(tok: Token, others: set[int], line: set[int]) -> bool:
    """True if `tok` hangs from one of the tokens `others` (or is one) on its way up to where it
    meets `line`, a noun and its heads."""
    cur = tok
    while cur.i not in line:
        if cur.i in others:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _signing_date(view: SentenceView, nouns: list[Token], c: Cues) -> str | None:
    """The date a treaty noun's own signing clause gives ("the treaty signed in 2010", "the
    treaty it signed with the United States in 2010", "The New START Treaty to Reduce Strategic
    Nuclear Weapons, signed in 2010": the parser may hang the clause on a noun of the name)."""
    treaty_nouns = view.lexicon.cue_terms("treaty_noun")

    def of_another(t: Token, noun: Token) -> bool:
        """ "New START, which replaced the START I treaty signed in 1991": another treaty's."""
        return any(a.i != noun.i and a.lemma_.lower() in treaty_nouns for a in _between(t, noun))

    for noun in nouns:
        clauses = (
            t
            for t in noun.subtree
            if t.dep_ in ("acl", "relcl") and t.lemma_.lower() in c.treaty_sign and not of_another(t, noun)
        )
        for acl in clauses:
            dates = [p for p in view.dates_in(list(acl.subtree)) if _resolvable(p.text)]
            if dates:
                return dates[0].text
    return None


def _party_act(noun: Token, c: Cues) -> Token | None:
    """The noun of a state's part in the treaty the noun names ("its participation in New
    START", "Russia's ratification of the CTBT"), or None."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("of", "in", "from", "under"):
        return None
    act = noun.head.head
    return act if act.lemma_.lower() in c.treaty_party_nouns else None


def _bound_under(view: SentenceView, noun: Token) -> list[str]:
    """The states acting under an agreement told by a noun ("Under a 2005 pact, Pakistan and
    India notify each other", "Under a 1951 treaty with the United States, the Philippines can
    call on ..."): they are bound by it. Only "a ..." treaty: "under the accord" refers back."""
    indefinite = any(ch.dep_ == "det" and ch.lower_ in ("a", "an") for ch in noun.children)
    if not (indefinite and noun.dep_ == "pobj" and noun.head.lower_ == "under"):
        return []
    verb = noun.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    return view.states_of([t for s in view.subject(verb) for t in view.collect(s, skip_preps=TARGET_PREPS)])


def _window(view: SentenceView, trig: Token, size: int = 12) -> list[Token]:
    """The tokens right after the trigger, up to a comma, semicolon or conjunction: where a
    reduced relative clause ("the Declaration the two leaders signed in April") sits even when
    the parser attaches it elsewhere."""
    out = []
    for tok in view.doc[trig.i + 1 : min(trig.i + 1 + size, view.sent.end)]:
        if tok.text in (",", ";", ":") or tok.lower_ in ("but", "while", "whereas"):
            break
        out.append(tok)
    return out


def _context(view: SentenceView, phrase: str) -> str:
    text = view.text
    at = text.find(phrase)
    return text[max(0, at - 12) : at].lower() if at >= 0 else ""
