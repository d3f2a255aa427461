"""Repairs of parses the small English model gets wrong in a way the rules cannot see past.

"the Agni-5 was successfully test-fired from ...", "The Ababeel ... was first flight-tested on
January 24, 2017": with an adverb between "was" and the participle, en_core_web_sm often takes
the participle for an adjective ("was happy"): "was" becomes the clause's head, the participle
its `acomp`, the missile the subject of "was". Every rule that reads a passive launch (what was
fired, by whom, when) then finds no launch verb with a subject. `make_passive` puts the tree
back the way the parser builds a plain passive ("the missile was fired"): the participle heads
the clause, "was" is its `auxpass`, the subject its `nsubjpass`. The parser also hangs a
passive's subject on its auxiliary at times ("the missile" under "was", "was" under "fired"):
that subject is moved to the verb.

Two more shapes of the same kind: "North Korea test-fired two missiles on Wednesday, officials
said", read as one noun phrase ("North Korea test-fired two missiles", the subject of "said",
with "test-fired" an adjective), is rebuilt as the clause it is (`make_clause`); and a present
tense the tagger took for a plural noun though the parser gave it an object ("July 21, 1995 --
The People's Liberation Army fires six ballistic missiles ...", a timeline) is tagged a verb
(`make_verb`).

Two more of the present tense: a verb the parser gave no subject but the noun before it as a
compound ("An Unha-2 rocket lifts off from ...") gets that noun as its subject (`make_subject`),
and an event noun tagged a verb where a noun stands, with a noun modifier before it ("reports
about a Russian ICBM launch", "would stop nuclear tests and ICBM launches") is tagged the noun it
is (`make_noun`).

Two of clause structure: a participle set off by commas that the parser took for the clause's
verb ("The first test of the missile, labelled China-specific by some experts, ... was
unsuccessful", the verb its conjunct) is hung on the noun before it and the clause gets its verb
back (`make_main_verb`); and "the four-day exercise, codenamed Invincible Spirit," read as a
second verb of the clause is hung on the noun as the parser hangs "dubbed X" (`make_naming_participle`).

And one of words: the lemmatizer's misreadings of the lexicon's verbs ("staged", "stages",
"staging" as "stag"; "hoping" as "hop") are given their lemma (`misread_lemma`), since the rules
look verbs up by lemma.

Only participles of the lexicon's event verbs are made passives ("was successfully test-fired",
"was formally signed"); other adjectival participles ("was surprised") are left as parsed.
"""

from __future__ import annotations

from collections.abc import Collection
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@lru_cache(maxsize=8192)
def lemma_forms(lemma: str, low: str) -> frozenset[str]:
    """The lemma and naive stems of a word's form ("staged": stag, staged, stage)."""
    out = {lemma.lower(), low}
    for suffix, keep in (
        ("ied", "y"),
        ("ed", ""),
        ("d", ""),
        ("es", ""),
        ("s", ""),
        ("ing", ""),
        ("ing", "e"),
    ):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            out.add(low[: -len(suffix)] + keep)
    return frozenset(out)


def misread_lemma(tok: Token, verbs: Collection[str]) -> str | None:
    """The lexicon verb a verb form stems from when the lemmatizer gave it another lemma:
    en_core_web_sm lemmatizes "staged", "stages" and "staging" as "stag"."""
    if not tok.tag_.startswith("VB") or tok.lemma_.lower() in verbs:
        return None
    found = [f for f in lemma_forms(tok.lemma_, tok.lower_) if f in verbs]
    return max(found, key=len) if found else None


def adjectival_passive(tok: Token, verbs: Collection[str]) -> bool:
    """True if `tok` is an event verb's participle parsed as the adjective complement of "be"."""
    return (
        tok.tag_ == "VBN"
        and tok.dep_ == "acomp"
        and tok.head.lemma_ == "be"
        and tok.lemma_.lower() in verbs
        and any(ch.dep_ == "nsubj" for ch in tok.head.children)
    )


def make_passive(tok: Token) -> None:
    """Rebuild "be + acomp participle" as the passive clause headed by the participle."""
    be = tok.head
    children = [ch for ch in be.children if ch.i != tok.i]
    tok.head = tok if be.head.i == be.i else be.head
    tok.dep_ = be.dep_
    for ch in children:
        ch.head = tok
        if ch.dep_ == "nsubj":
            ch.dep_ = "nsubjpass"
    be.head = tok
    be.dep_ = "auxpass"


def adopt_auxiliary_children(aux: Token) -> None:
    """Hang what the parser hung on an auxiliary ("the missile" as the subject of "was", itself
    the `auxpass` of "fired") on the verb it belongs to; a subject of a passive is `nsubjpass`."""
    verb = aux.head
    for ch in list(aux.children):
        ch.head = verb
        if ch.dep_ == "nsubj" and aux.dep_ == "auxpass":
            ch.dep_ = "nsubjpass"


def stranded_subject(verb: Token) -> Token | None:
    """The noun right before a subjectless verb (or its auxiliaries) that the parser hung as an
    apposition on a noun of the verb's own phrases: "According to the Kremlin, a Yars missile
    was launched ..." (the missile made an apposition of "the Kremlin"), "..., which struck a
    target, the Joint Chiefs of Staff said"."""
    if verb.pos_ != "VERB" or any(ch.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for ch in verb.children):
        return None
    start = min([ch.i for ch in verb.children if ch.dep_ in ("aux", "auxpass") and ch.i < verb.i] + [verb.i])
    if start == verb.sent.start:
        return None
    noun = verb.doc[start - 1]
    while noun.dep_ != "appos" and noun.head.i != noun.i and noun.head.right_edge.i == start - 1:
        noun = noun.head
    if noun.dep_ == "appos" and noun.pos_ in ("NOUN", "PROPN") and noun.right_edge.i == start - 1:
        if any(a.i == verb.i for a in noun.ancestors):
            return noun
    return None


def prefixed_verb_as_modifier(tok: Token, verbs: Collection[str], prefixes: Collection[str]) -> bool:
    """True if `tok` is "fired" of "North Korea test-fired two missiles on Wednesday, officials
    said" parsed as an adjective of the missiles, with the state swallowed into their phrase."""
    if tok.dep_ != "amod" or tok.tag_ not in ("VBD", "VBN") or tok.lemma_.lower() not in verbs:
        return False
    noun, start = tok.head, tok.i - 2
    if (
        noun.i < tok.i
        or noun.dep_ not in ("ROOT", "nsubj", "ccomp")
        or start <= tok.sent.start
        or tok.doc[tok.i - 1].text != "-"
        or tok.doc[start].lower_ not in prefixes
    ):
        return False
    before = [t for t in noun.subtree if t.i < start]
    return (
        bool(before)
        and before[-1].i == start - 1
        and before[0].i == tok.sent.start
        and before[-1].head.i == noun.i
        and before[-1].pos_ in ("PROPN", "NOUN")
    )


def make_clause(tok: Token) -> None:
    """Rebuild "STATE test-fired N ..." read as one noun phrase as the clause headed by the verb:
    the state its subject, the noun its object, the noun's prepositions (the date) its own."""
    noun = tok.head
    before = [t for t in noun.subtree if t.i < tok.i - 2]
    subject = before[-1]
    tok.head = tok if noun.head.i == noun.i else noun.head
    tok.dep_ = "ROOT" if noun.head.i == noun.i else "ccomp"
    for t in before[:-1]:
        if t.head.i == noun.i:
            t.head = subject
    subject.head = tok
    subject.dep_ = "nsubj"
    for ch in [ch for ch in noun.children if ch.i > noun.i and ch.dep_ == "prep"]:
        ch.head = tok
    noun.head = tok
    noun.dep_ = "dobj"


def verb_tagged_noun(tok: Token, verbs: Collection[str]) -> bool:
    """True if `tok` is an event verb in the present the tagger took for a plural noun though
    the parser gave it a verb's subject and object or particle: "July 21, 1995 -- The People's
    Liberation Army fires six ballistic missiles into a target zone", "An Unha-2 rocket lifts off
    from the same site" (a timeline's historical present)."""
    return (
        tok.pos_ == "NOUN"
        and tok.tag_ == "NNS"
        and tok.lemma_.lower() in verbs
        and any(ch.dep_ in ("dobj", "prt") for ch in tok.children)  # a noun takes no object or particle
        and any(ch.dep_ in ("nsubj", "compound", "poss") and ch.i < tok.i for ch in tok.children)
    )


def verb_with_a_noun_before(tok: Token, verbs: Collection[str]) -> bool:
    """True if `tok` is an event verb, a verb by what hangs on it (an object, a particle, an
    auxiliary) and where it stands, whose noun before it the parser hung on it as a compound
    instead of its subject ("An Unha-2 rocket lifts off from ..."); not a plural noun the
    tagger took for a verb ("stop nuclear tests and ICBM launches": a conjunct of a noun)."""
    return (
        tok.pos_ == "VERB"
        and tok.lemma_.lower() in verbs
        and tok.dep_ in ("ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp")
        and (tok.dep_ != "conj" or tok.head.pos_ in ("VERB", "AUX"))
        and any(ch.dep_ in ("dobj", "prt", "aux", "auxpass") for ch in tok.children)
        and any(ch.dep_ == "compound" and ch.i < tok.i for ch in tok.children)
    )


def noun_tagged_verb(tok: Token, verbs: Collection[str]) -> bool:
    """True if `tok` is an event noun the tagger took for a verb in the present though it stands
    where a noun stands, with a noun modifier before it and nothing only a verb takes: "reports
    about a Russian ICBM launch", "the North would stop nuclear tests and ICBM launches",
    "condemned the missile launches"."""
    return (
        tok.pos_ == "VERB"
        and tok.tag_ in ("VB", "VBP", "VBZ")
        and tok.lemma_.lower() in verbs
        and (
            tok.dep_ in ("pobj", "dobj", "pcomp", "appos")
            or (tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN"))
        )
        and any(ch.dep_ == "compound" and ch.i < tok.i for ch in tok.children)
        and not any(
            ch.dep_ in ("dobj", "prt", "aux", "auxpass", "nsubj", "nsubjpass", "dative")
            for ch in tok.children
        )
    )


def make_noun(tok: Token) -> None:
    """Tag `tok` as the noun it is, plural if it ends in "s"."""
    tok.pos_, tok.tag_ = "NOUN", "NNS" if tok.text.lower().endswith("s") else "NN"


def make_verb(tok: Token) -> None:
    """Tag `tok` as the verb in the present, with its subject (`make_subject`)."""
    tok.pos_, tok.tag_ = "VERB", "VBZ"
    make_subject(tok)


def make_subject(verb: Token) -> None:
    """The noun before a verb with no subject that the parser hung on it as a compound or
    owner ("Pakistan's army fires two missiles", "An Unha-2 rocket lifts off from ...", the
    verb read as a noun at first) is its subject, of a passive its passive subject."""
    before = [ch for ch in verb.children if ch.i < verb.i]
    if not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in before):
        nouns = [ch for ch in before if ch.dep_ in ("compound", "poss") and ch.pos_ in ("NOUN", "PROPN")]
        if nouns:  # the subject of a passive is what was fired: "A Yars missile was launched"
            passive = any(ch.dep_ == "auxpass" for ch in verb.children)
            nouns[-1].dep_ = "nsubjpass" if passive else "nsubj"


def naming_participle(tok: Token, naming: AbstractSet[str]) -> bool:
    """True for "codenamed" of "began the four-day exercise, codenamed Invincible Spirit, on
    Sunday" parsed as a second verb of the clause (a conjunct with the clause's subject): set
    off by a comma right after a noun, naming a proper noun, with no subject or "and" of its own."""
    if tok.dep_ != "conj" or tok.tag_ not in ("VBD", "VBN") or tok.i < 2:
        return False
    if not lemma_forms(tok.lemma_, tok.lower_) & naming:
        return False
    noun = tok.doc[tok.i - 2]
    return (
        tok.doc[tok.i - 1].text == ","
        and noun.pos_ in ("NOUN", "PROPN")
        and not any(ch.dep_ in ("nsubj", "nsubjpass", "cc") for ch in tok.children)
        and any(ch.dep_ in ("dobj", "oprd") and ch.pos_ == "PROPN" for ch in tok.children)
    )


def make_naming_participle(tok: Token) -> None:
    """Hang the naming participle on the noun before it, as the parser hangs "dubbed X"."""
    tok.head = tok.doc[tok.i - 2]
    tok.dep_, tok.tag_ = "acl", "VBN"
    for ch in tok.children:
        if ch.dep_ == "dobj":
            ch.dep_ = "oprd"


def participle_read_as_main_verb(tok: Token) -> tuple[Token, Token] | None:
    """(noun, verb) of the clause when the parser took a participle set off by commas for its verb: "The
    first test of the missile, labelled China-specific by some experts, from the same base on
    July 9, 2006 was unsuccessful" ("labelled" the root, "was" its conjunct with no subject of its
    own); "The exercises, codenamed Great Prophet-6, are to start Monday". None otherwise."""
    if tok.pos_ != "VERB" or tok.tag_ not in ("VBD", "VBN") or tok.dep_ not in ("ROOT", "ccomp") or tok.i < 2:
        return None
    if tok.doc[tok.i - 1].text != ",":
        return None
    nouns = [ch for ch in tok.children if ch.dep_ == "nsubj" and ch.right_edge.i in (tok.i - 2, tok.i - 1)]
    verbs = [
        ch
        for ch in tok.children
        if ch.dep_ == "conj"
        and ch.pos_ in ("VERB", "AUX")
        and not any(g.dep_ in ("nsubj", "nsubjpass", "expl", "cc") for g in ch.children)
    ]
    if not nouns or nouns[0].pos_ not in ("NOUN", "PROPN") or not verbs:
        return None
    verb = verbs[0]
    if any(ch.dep_ == "cc" and tok.i < ch.i < verb.i for ch in tok.children):
        return None  # "..., reviewed the plan and approved it": two verbs of one subject
    if not any(ch.text == "," and tok.i < ch.i < verb.i for ch in tok.children):
        return None
    return nouns[0], verb


def make_main_verb(tok: Token, noun: Token, verb: Token) -> None:
    """Rebuild "NOUN, PARTICIPLE ..., VERB ..." read as the participle's clause: the verb heads
    the clause with the noun its subject, the participle a modifier of the noun, and what the
    participle's phrase held after its closing comma ("from the same base on July 9, 2006")
    the noun's."""
    closing = min(ch.i for ch in tok.children if ch.text == "," and tok.i < ch.i < verb.i)
    after = [ch for ch in tok.children if ch.i > verb.i]
    between = [ch for ch in tok.children if closing < ch.i < verb.i and ch.text != ","]
    verb.head = verb if tok.head.i == tok.i else tok.head
    verb.dep_ = tok.dep_
    noun.head = verb
    noun.dep_ = "nsubjpass" if any(ch.dep_ == "auxpass" for ch in verb.children) else "nsubj"
    tok.head = noun
    tok.dep_, tok.tag_ = "acl", "VBN"
    for ch in between:
        ch.head = noun
    for ch in after:
        ch.head = verb


class EventVerbRepair:
    """Pipeline component (after the parser): repairs event verbs parsed as nouns or adjectives
    (present tenses tagged as plurals, prefixed verbs read as modifiers, adjectival passives)."""

    def __init__(
        self,
        verbs: Collection[str],
        prefixes: Collection[str] = (),
        lemma_verbs: Collection[str] = (),
        naming: Collection[str] = (),
    ) -> None:
        self._verbs = frozenset(verbs)
        self._prefixes = frozenset(prefixes)
        self._lemma_verbs = frozenset(lemma_verbs) | self._verbs
        self._naming = frozenset(naming)

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc:
            lemma = misread_lemma(tok, self._lemma_verbs)
            if lemma is not None:
                tok.lemma_ = lemma
        for tok, (noun, verb) in [(t, f) for t in doc if (f := participle_read_as_main_verb(t)) is not None]:
            make_main_verb(tok, noun, verb)
        for tok in [t for t in doc if naming_participle(t, self._naming)]:
            make_naming_participle(tok)
        for tok in [t for t in doc if verb_tagged_noun(t, self._verbs)]:
            make_verb(tok)
        for tok in [t for t in doc if verb_with_a_noun_before(t, self._verbs)]:
            make_subject(tok)
        for tok in [t for t in doc if noun_tagged_verb(t, self._verbs)]:
            make_noun(tok)
        for tok in [t for t in doc if prefixed_verb_as_modifier(t, self._verbs, self._prefixes)]:
            make_clause(tok)
        for tok in [t for t in doc if adjectival_passive(t, self._verbs)]:
            make_passive(tok)
        for aux in [
            t
            for t in doc
            if t.dep_ in ("aux", "auxpass") and t.head.lemma_.lower() in self._verbs and any(t.children)
        ]:
            adopt_auxiliary_children(aux)
        for verb, noun in [(t, n) for t in doc if (n := stranded_subject(t)) is not None]:
            passive = any(ch.dep_ == "auxpass" for ch in verb.children)
            noun.head = verb
            noun.dep_ = "nsubjpass" if passive else "nsubj"
        return doc
