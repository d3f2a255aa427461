"""A sentence as the rules see it: tokens with the lexicon's States, Weapons and class words.

`SentenceView` wraps one spaCy sentence span and answers the questions every event rule
asks: which states does this part of the tree refer to, where are the date phrases, which
weapon and class words are in a phrase. The rules never touch spaCy beyond this and the
token attributes (dep_, head, children, lemma_).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.dates import (
    MONTHS,
    entry_lines,
    find_date_phrases,
    in_year_of,
    names_a_year,
    refers_to_named_year,
    with_named_year,
    year_named_last,
)
from kg.extract.cues import cues
from kg.lexicon import PERSON_CATEGORIES, Lexicon
from kg.models import Mention, WeaponRef
from kg.nlp import SPANS_KEY
from kg.parse_repair import lemma_forms

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Prepositions whose object is where or against whom something happens, not who does it.
LOCATION_PREPS = frozenset(
    {
        "against",
        "around",
        "toward",
        "towards",
        "over",
        "near",
        "off",
        "into",
        "across",
        "at",
        "to",
        "in",
        "inside",
        "outside",
        "on",
        "onto",
        "beyond",
        "within",
        "from",
        "of",
        "after",
        "before",
        "than",
        "since",
        "about",
        "like",
        "amid",
        "between",
    }
)
# Prepositions whose object is a place, a target or a time, never a party to an exercise or
# a treaty ("drills around Taiwan", "a pact signed in Pyongyang").
TARGET_PREPS = frozenset(
    {
        "across",
        "after",
        "against",
        "amid",
        "around",
        "as",
        "at",
        "before",
        "for",
        "in",
        "into",
        "near",
        "off",
        "on",
        "over",
        "since",
        "than",
        "to",
        "toward",
        "towards",
    }
)
# Prepositions that introduce partners or doers.
PARTY_PREPS = frozenset({"with", "by", "alongside", "including", "among", "from", "between", "of"})
PRONOUNS = frozenset({"it", "its", "they", "their", "he", "his", "she", "her", "we", "our"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})  # grammar


def misparsed_finite_verb(verb: Token) -> bool:
    """A finite verb the parser took for a modifier of the noun before it, leaving the sentence
    without a verb: "Two U.S. bombers trained with Japanese fighters on Monday" parsed as one
    noun phrase whose root is "bombers". (A real reduced relative, "missiles fired from
    Wonsan flew 300 km", leaves the sentence a verb of its own.)"""
    return (
        verb.pos_ == "VERB"
        and verb.dep_ == "acl"
        and verb.tag_ in ("VBD", "VBN")
        and verb.head.dep_ == "ROOT"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and verb.head.i < verb.i
        and not any(t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT" for t in verb.sent)
    )


def inside_other(trig: Token, triggers: set[int]) -> bool:
    """True if the trigger sits in another trigger's noun phrase (through prepositions,
    appositions and modifiers, not through a verb or a coordination): "the Rim of the Pacific
    drill, or RIMPAC", "New START, the treaty signed in 2010" name one event."""
    cur = trig
    while cur.head.i != cur.i:
        if cur.dep_ in ("conj", "cc", "relcl", "acl", "advcl", "ccomp", "xcomp"):
            return False
        cur = cur.head
        if cur.i in triggers:
            return True
        if cur.pos_ in ("VERB", "AUX"):
            return False
    return False


def infinitive(verb: Token) -> bool:
    """True for a verb with its "to" ("to conclude such a pact", "an agreement to enhance ...")."""
    return any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in verb.children)


def lemmas(tok: Token) -> frozenset[str]:
    """The token's lemma and naive stems of its form: the small model sometimes lemmatizes
    oddly ("staged" -> "stag"), so lists of verbs are checked against all of these."""
    return lemma_forms(tok.lemma_, tok.lower_)


@dataclass(frozen=True, slots=True)
class DatePhrase:
    start: int  # token index (doc) of the phrase's first token
    end: int  # token index past the last
    text: str
    root: int  # doc index of the token the phrase hangs from


# Prepositions whose "-ing" clause is done by the subject of the verb they hang from ("answered
# by firing", "fired again after launching"); not "accused Russia of testing" (its object does it)
SUBJECT_CONTROL_PREPS = frozenset({"by", "after", "before", "while", "since", "upon", "without"})


_RELATIVE = frozenset({"last", "this", "next", "that", "coming", "past", "earlier", "later"})


def a_month_of_no_year(text: str) -> bool:
    """ "June", "June 12", "late June": a month or day the phrase gives no year for."""
    words = [w.rstrip(".,").lower() for w in text.split()]
    return (
        any(w in MONTHS for w in words)
        and year_named_last(text) is None
        and not any(w in _RELATIVE for w in words)
    )


def _same_month(a: str, b: str) -> bool:
    """True if both phrases name one month and it is the same ("August 2022", "Aug. 4")."""
    months = [{MONTHS[w] for w in (x.rstrip(".,").lower() for x in t.split()) if w in MONTHS} for t in (a, b)]
    return len(months[0]) == 1 and months[0] == months[1]


def cues_state_nouns(lexicon: Lexicon) -> frozenset[str]:
    """Nouns that stand for a state as an actor ("the military", "the regime"; cues.tsv)."""
    return frozenset(lexicon.cue_terms("state_noun"))


#: A heading line has at most this many words and ends in none of HEADING_ENDS.
HEADING_WORDS = 30
HEADING_ENDS = frozenset(".!?:;,)\"'\u201d\u2019\u2026")


class DocIndex:
    """The gazetteer spans and DATE entities of a Doc, bucketed by sentence once, so that
    each SentenceView reads only its own (scanning the whole Doc per sentence is quadratic)."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc.text  # spaCy joins the tokens' texts again on every `Doc.text`
        self.entries = entry_lines(self.text)  # a chronology's lines that open with a date
        starts = [sent.start for sent in doc.sents]
        self._starts = starts
        self.spans: dict[int, list[Span]] = {}
        self.dates: dict[int, list[Span]] = {}
        for span in doc.spans[SPANS_KEY]:
            self.spans.setdefault(self._sentence_of(span.start), []).append(span)
        for ent in doc.ents:
            if ent.label_ == "DATE":
                self.dates.setdefault(self._sentence_of(ent.start), []).append(ent)

    def _sentence_of(self, token: int) -> int:
        return self._starts[bisect_right(self._starts, token) - 1] if self._starts else 0

    def in_heading(self, start_char: int, end_char: int) -> bool:
        """True if the text from `start_char` to `end_char` lies on a heading: a line of at most
        HEADING_WORDS words with no closing punctuation, such as a headline ("Russia conducts
        first launch of Sarmat heavy ICBM") or a live blog's time stamp ("10:58 p.m. -- Launch
        detected"). A heading restates what the story tells, in the present tense and undated."""
        text = self.text
        end_char = start_char + len(text[start_char:end_char].rstrip())  # a sentence keeps its line break
        begin = text.rfind("\n", 0, start_char) + 1
        end = text.find("\n", end_char)
        line = text[begin : len(text) if end < 0 else end].strip()
        return bool(line) and line[-1] not in HEADING_ENDS and len(line.split()) <= HEADING_WORDS


class SentenceView:
    def __init__(self, sent: Span, lexicon: Lexicon, index: int, doc_index: DocIndex | None = None) -> None:
        self.sent = sent
        self.doc = sent.doc
        self.lexicon = lexicon
        self.index = index
        self.states: dict[int, tuple[str, ...]] = {}
        self.weapons: dict[int, str] = {}
        self.classes: dict[int, str] = {}
        self.span_root: dict[int, int] = {}  # token -> root token of its gazetteer span
        self._doc_text = doc_index.text if doc_index is not None else None
        self._entries = doc_index.entries if doc_index is not None else None
        # the sentence's text, sliced once (spaCy's Span.text joins its tokens' texts on each access)
        doc_text = self._doc_text
        self.text: str = sent.text if doc_text is None else doc_text[sent.start_char : sent.end_char]
        if doc_index is not None:
            spans: list[Span] = doc_index.spans.get(sent.start, [])
            self._date_ents: list[Span] = doc_index.dates.get(sent.start, [])
        else:
            spans = list(self.doc.spans[SPANS_KEY])
            self._date_ents = [e for e in sent.ents if e.label_ == "DATE"]
        in_name = lexicon.cue_terms("name_after_place")
        for span in spans:
            if span.start < sent.start or span.end > sent.end:
                continue
            after = self.doc[span.end] if span.end < sent.end else None
            if (
                span.label_ == "STATE"
                and after is not None
                and after.text in in_name
                and lexicon.is_city(span.text)
            ):
                continue  # "the Budapest Memorandum", "the Paris Agreement": a name, not Hungary or France
            for tok in span:
                self.span_root[tok.i] = span.root.i
                if span.label_ == "STATE":
                    self.states[tok.i] = tuple(span.kb_id_.split())
                elif span.label_ == "WEAPON":
                    self.weapons[tok.i] = span.kb_id_
                else:
                    self.classes[tok.i] = span.kb_id_
        self._dates: list[DatePhrase] | None = None
        self._backers = self._find_backers()

    def _find_backers(self) -> frozenset[int]:
        """Tokens of states that only back, arm or supply the ones a phrase is about ("Iran-backed
        Houthi rebels", "rebels backed by Iran", "U.S.-supplied ATACMS"): mentioned, never actors."""
        if not self.states:
            return frozenset()
        words = self.lexicon.cue_terms("backer_participle")
        out = set()
        for i in self.states:
            tok = self.doc[i]
            head = tok.head
            if "-" in tok.text and tok.text.rsplit("-", 1)[1].lower() in words:
                out.add(i)  # "U.S.-supplied", one token
            elif head.i > i and head.lower_ in words and self.doc[head.i - 1].text == "-":
                out.add(i)  # "Iran - backed"
            elif tok.dep_ == "pobj" and head.dep_ == "agent" and head.head.lower_ in words:
                out.add(i)  # "backed by Iran"
        return frozenset(out)

    # -- text and offsets -------------------------------------------------------------

    def mention(self) -> Mention:
        """The sentence as a Mention (offsets trimmed of surrounding white space)."""
        text = self.text
        start = self.sent.start_char + (len(text) - len(text.lstrip()))
        stripped = text.strip()
        return Mention(
            start=start,
            end=start + len(stripped),
            text=stripped,
            states=tuple(dict.fromkeys(c for i in sorted(self.states) for c in self.states[i])),
            weapons=tuple(dict.fromkeys(self.weapons[i] for i in sorted(self.weapons))),
        )

    def __iter__(self) -> Iterator[Token]:
        return iter(self.sent)

    # -- lexicon look-ups ----------------------------------------------------------------

    def leader_states(self) -> list[str]:
        """The states of the people the sentence names for them ("Kim Jong Un", "Putin"), in
        the order told: what "the two leaders" refers to."""
        people = [self.lexicon.cue_terms(category) for category in PERSON_CATEGORIES]
        out: list[str] = []
        for i in sorted(self.states):
            if self.span_root.get(i) != i:
                continue
            tok = self.doc[i]
            if tok.ent_type_ == "PERSON" or any(tok.text in terms for terms in people):
                out += [c for c in self.states[i] if c not in out]
        return out

    def states_of(self, tokens: Iterable[Token]) -> list[str]:
        out: list[str] = []
        for tok in tokens:
            if tok.i in self._backers:
                continue
            for code in self.states.get(tok.i, ()):
                if code not in out:
                    out.append(code)
        return out

    def weapon_refs(self, tokens: Iterable[Token]) -> list[WeaponRef]:
        """The weapons named among tokens; not one the text compares another to ("a solid-fuel
        design resembling the U.S. Army Tactical Missile System", "similar to Russia's Iskander")."""
        out: list[WeaponRef] = []
        compare = self.lexicon.cue_terms("comparison_word")
        for tok in tokens:
            name = self.weapons.get(tok.i)
            if name is None or any(w.name == name for w in out):
                continue
            if any(a.lemma_.lower() in compare or a.lower_ in compare for a in list(tok.ancestors)[:3]):
                continue
            entry = self.lexicon.weapons[name]
            out.append(WeaponRef(name, entry.weapon_class, operator=entry.operator))
        return out

    def class_words(self, tokens: Iterable[Token]) -> list[tuple[int, str]]:
        """(token index, class label) of the class words among tokens, one per gazetteer span;
        not a class word on the noun of a class it cannot be ("short-range cruise missiles": the
        range word says how far, the noun what)."""
        seen: set[int] = set()
        out = []
        for tok in tokens:
            if tok.i in self.classes and self.span_root[tok.i] not in seen:
                seen.add(self.span_root[tok.i])
                if self._measure_of_something_else(self.doc[self.span_root[tok.i]]):
                    continue
                out.append((tok.i, self.classes[tok.i]))
        # "short-range cruise missiles": a class word on the noun of another class it cannot be
        # (a range word that names a ballistic class on a cruise missile) says how far, not what
        roots = {self.span_root[i]: label for i, label in out}
        return [
            (i, label)
            for i, label in out
            if not any(
                head.i in roots and not self.lexicon.classes_compatible(roots[head.i], label)
                for head in self._heads_of(self.doc[self.span_root[i]])
            )
        ]

    @staticmethod
    def _heads_of(tok: Token) -> list[Token]:
        """The nouns a modifier stands on, up to two steps ("short" -> "range" -> "missiles")."""
        out = []
        for _ in range(2):
            if tok.dep_ not in ("amod", "compound", "nmod") or tok.head.i == tok.i:
                break
            tok = tok.head
            out.append(tok)
        return out

    def _measure_of_something_else(self, root: Token) -> bool:
        """A class word that counts something else ("five rounds of talks"; "300 rounds of
        artillery" is artillery; class_word_needs_projectile_of in cues.tsv)."""
        if root.lemma_.lower() not in self.lexicon.cue_terms("class_word_needs_projectile_of"):
            return False
        return any(
            p.dep_ == "prep" and p.lower_ == "of" and not any(o.i in self.classes for o in p.children)
            for p in root.children
        )

    def is_state(self, tok: Token) -> bool:
        return tok.i in self.states

    # -- tree walking --------------------------------------------------------------------

    def collect(
        self,
        root: Token,
        *,
        skip_preps: frozenset[str] = LOCATION_PREPS,
        skip: frozenset[int] = frozenset(),
        skip_clauses: bool = False,
    ) -> list[Token]:
        """Tokens of root's subtree, leaving out the subtrees of location/target prepositions,
        of tokens in `skip`, of direct objects of verbs that are not root, and (optionally)
        of embedded clauses."""
        out: list[Token] = []
        stack = [root]
        while stack:
            tok = stack.pop()
            out.append(tok)
            for child in tok.children:
                if child.i in skip:
                    continue
                if child.dep_ == "prep" and child.lower_ in skip_preps:
                    continue
                if (
                    child.dep_ in ("dobj", "pobj")
                    and tok.pos_ == "VERB"
                    and tok is not root
                    and not self._party_verb(tok)
                ):
                    continue
                if skip_clauses and child.dep_ in ("ccomp", "advcl", "relcl", "parataxis"):
                    continue
                stack.append(child)
        return sorted(out, key=lambda t: t.i)

    def _party_verb(self, verb: Token) -> bool:
        """A verb whose object takes part in what its subject names ("an exercise involving
        Japan", "the 1951 pact binding Australia, New Zealand and the United States")."""
        return verb.lemma_ in self.lexicon.cue_terms("party_verb")

    def subject(self, verb: Token) -> list[Token]:
        """The subject(s) of a verb: its nsubj, or, for xcomp/advcl/conj verbs, the controller's;
        for a finite verb the parser hung on the noun before it, that noun ("Two U.S. B-1B
        bombers trained with ..." parsed as a noun phrase with no verb)."""
        if misparsed_finite_verb(verb):
            return [verb.head]
        v: Token | None = verb
        for _ in range(4):
            if v is None:
                break
            subs = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
            if len(subs) > 1:
                # two subjects of one verb is a misparse ("weeks of activity by the North since
                # South Korea and the United States opened ..."): the one nearest the verb
                at = v.i
                subs = [max(subs, key=lambda c: (c.i < at, c.i if c.i < at else -c.i))]
            if (
                v.dep_ == "relcl"
                and len(subs) == 1
                and subs[0].dep_ == "nsubj"
                and subs[0].lower_ in ("which", "who")
                and v.head.pos_ == "PROPN"
            ):
                return [v.head]  # "India, which tested a missile in 2008": India tested it
            if subs:
                return subs
            if v.dep_ == "xcomp" and v.head.pos_ == "VERB":
                # object control: "urged the allies to cancel the drills", "called on NATO to stop"
                controllers = [c for c in v.head.children if c.dep_ == "dobj" and c.i < v.i] or [
                    g
                    for c in v.head.children
                    if c.dep_ == "prep" and c.lower_ == "on" and c.i < v.i and v.head.lemma_ == "call"
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
                # "Kim ordered the military to launch": the subject's own forces act for it
                own = cues_state_nouns(self.lexicon)
                if controllers and not any(
                    c.lemma_.lower() in own or any(d.dep_ == "poss" for d in c.children) for c in controllers
                ):
                    return controllers
            if v.dep_ == "pcomp" and v.tag_ == "VBG":
                # "in response to Turkey signing a similar agreement": the parser makes the
                # gerund's subject the object of the preposition before it
                before = [o for o in v.head.children if o.dep_ == "pobj" and o.i == v.i - 1]
                if before:
                    return before
            if (
                v.dep_ == "pcomp"
                and v.head.dep_ == "prep"
                and v.head.lower_ in SUBJECT_CONTROL_PREPS
                and v.head.head.pos_ in ("VERB", "AUX")
            ):
                v = v.head.head  # "answered ... by firing an IRBM": who answered fired
            elif v.dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp") and v.head.i != v.i:
                v = v.head
            elif v.dep_ == "relcl" and infinitive(v) and v.head.i != v.i:
                v = v.head  # "the first (country) to conclude such a pact", parsed as a relative clause
            elif v.dep_ == "attr" and v.pos_ in ("NOUN", "PROPN") and v.head.pos_ in ("VERB", "AUX"):
                v = v.head  # "The Philippines becomes the third country to conclude such a pact"
            else:
                break
        return []

    def main_subject_states(self, before: int | None = None) -> list[str]:
        """States named by the subject of the sentence's main verb (only if that subject comes
        before token `before`): what an "it" later in the sentence most likely refers to."""
        root = self.sent.root
        subj = self.subject(root)
        tokens = [t for s in subj for t in self.collect(s)]
        if before is not None and any(t.i >= before for t in tokens):
            return []
        return self.states_of(tokens)

    def passive_agent(self, verb: Token) -> list[Token]:
        """The `by X` of a passive verb."""
        return [gc for c in verb.children if c.dep_ == "agent" for gc in c.children if gc.dep_ == "pobj"]

    def conjuncts(self, tok: Token) -> list[Token]:
        return [tok, *tok.conjuncts]

    def nearest_verb(self, tok: Token) -> Token | None:
        cur = tok
        for _ in range(6):
            if cur.head.i == cur.i:
                return cur if cur.pos_ in ("VERB", "AUX") else None
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                return cur
        return None

    def happening_verb(self, noun: Token) -> Token | None:
        """The verb that says an event noun happened, which carries the event's own phrases:
        "The test took place on Monday from Wheeler Island" (subject of a verb of happening),
        "The first launch was carried out from the same site" (passive subject of a verb of
        doing). None for a noun that is not such a subject."""
        c = cues(self.lexicon)
        lemma = noun.head.lemma_.lower()
        if (noun.dep_ == "nsubj" and lemma in c.happen) or (noun.dep_ == "nsubjpass" and lemma in c.conduct):
            return noun.head
        return None

    def ancestors_to_clause(self, tok: Token, limit: int = 8) -> list[Token]:
        """The heads above `tok`, up to the root; not past a semicolon that sets its clause off
        ("On March 2 it launched two projectiles ...; the JCS said they were probably SRBMs":
        the parser may hang the first clause on "said", which does not report it)."""
        out = []
        cur = tok
        for _ in range(limit):
            if cur.head.i == cur.i:
                break
            head = cur.head
            low, high = sorted((cur.i, head.i))
            if any(ch.text == ";" and low < ch.i < high for ch in head.children):
                break
            cur = head
            out.append(cur)
        return out

    # -- dates -------------------------------------------------------------------------

    def date_phrases(self) -> list[DatePhrase]:
        """Date phrases in the sentence: spaCy DATE entities, merged with kg.dates' regex finds."""
        if self._dates is not None:
            return self._dates
        phrases: list[DatePhrase] = []
        taken: set[int] = set()
        base = self.sent.start_char
        for start_c, end_c, text in find_date_phrases(self.text):
            span = self.doc.char_span(base + start_c, base + end_c, alignment_mode="expand")
            if span is None or any(i in self.weapons for i in range(span.start, span.end)):
                continue  # "a Long March 5 rocket": a weapon's name, not the 5th of March
            phrases.append(DatePhrase(span.start, span.end, text, span.root.i))
            taken.update(range(span.start, span.end))
        for ent in self._date_ents:
            if any(i in taken or i in self.weapons for i in range(ent.start, ent.end)):
                continue
            phrases.append(DatePhrase(ent.start, ent.end, ent.text, ent.root.i))
        phrases = [p for p in phrases if not self._universal_time(p)]
        self._dates = self._named_years(sorted(phrases, key=lambda p: p.start))
        return self._dates

    def _universal_time(self, phrase: DatePhrase) -> bool:
        """True for the day of a clock time restated in universal time in brackets: "at 8 a.m.
        (2300 GMT Saturday)" is Sunday's morning where it happened, whatever day it was in GMT
        (not "(7 a.m. KST Monday)", the local day restated)."""
        before = self.doc[phrase.start - 1] if phrase.start > self.sent.start else None
        if before is None or before.lower_ not in self.lexicon.cue_terms("universal_time_word"):
            return False
        return any(t.text == "(" for t in self.doc[max(self.sent.start, phrase.start - 4) : phrase.start])

    def entry_date(self) -> str | None:
        """The date of the chronology entry the sentence opens ("JAN. 16 -- Iranian missiles hit
        ...", "Sept. 14 -- A Houthi missile lands ..."), however the sentence splitter cut the date
        off; None for a later sentence of the entry, or outside a chronology (kg.dates.entry_lines)."""
        doc_text = self._doc_text if self._doc_text is not None else self.doc.text
        entries = self._entries if self._entries is not None else entry_lines(doc_text)
        line = doc_text.rfind("\n", 0, self.sent.start_char) + 1
        found = entries.get(line)
        if found is None or self.sent.start_char - line > found[1]:
            return None
        return found[0]

    def _named_years(self, phrases: list[DatePhrase]) -> list[DatePhrase]:
        """Phrases whose year is the one named before ("In August and September of that year",
        "that November") with that year written out; "X of that year" becomes one phrase."""
        out: list[DatePhrase] = []
        doc_text = self._doc_text if self._doc_text is not None else self.doc.text
        # "In 2018, after Trump signed a statement in June, ...", "Last year's edition was staged
        # in July", "In April 2023, ... an exercise which began on April 8": the sentence's year
        fronted = next(
            (q.text for q in phrases if q.start <= self.sent.start + 1 and names_a_year(q.text)), None
        )
        for p in phrases:
            start_char = self.doc[p.start].idx
            before = doc_text[max(0, start_char - 12) : start_char]
            # "came in August 2022, ..., when the PLA fired 11 missiles on Aug. 4": the year of the
            # same month named before in the sentence
            year_of = fronted or next(
                (q.text for q in reversed(out) if names_a_year(q.text) and _same_month(q.text, p.text)), None
            )
            if year_of is not None and p.text != year_of and a_month_of_no_year(p.text):
                if year_of.isdigit():
                    named = with_named_year(p.text, int(year_of))
                else:
                    named = in_year_of(p.text, year_of)
                out.append(DatePhrase(p.start, p.end, named, p.root))
                continue
            if not refers_to_named_year(p.text, before):
                out.append(p)
                continue
            year = year_named_last(doc_text[:start_char])
            if year is None:
                out.append(p)
                continue
            prev = out[-1] if out else None
            if prev is not None and self.doc[prev.end : p.start].text.strip().lower() == "of":
                # "September 24 of that year": one date
                out[-1] = DatePhrase(prev.start, p.end, f"{prev.text} {year}", prev.root)
            else:
                out.append(DatePhrase(p.start, p.end, with_named_year(p.text, year), p.root))
        return out

    def identifying_date(self, trigger: Token, phrase: str | None) -> bool:
        """True if `phrase` is part of the trigger's own noun phrase, before it ("the 1953
        armistice", "Monday's test"): a date that says which event is meant."""
        if phrase is None:
            return False
        left = {t.i for t in trigger.subtree if t.i < trigger.i}
        return any(
            p.text == phrase and any(i in left for i in range(p.start, p.end)) for p in self.date_phrases()
        )

    def verb_of(self, phrase: DatePhrase) -> Token | None:
        """The verb the date phrase hangs from (None if none)."""
        return next((a for a in self.doc[phrase.root].ancestors if a.pos_ in ("VERB", "AUX")), None)

    def dates_in(self, tokens: Iterable[Token]) -> list[DatePhrase]:
        idx = {t.i for t in tokens}
        return [
            p for p in self.date_phrases() if p.root in idx or any(i in idx for i in range(p.start, p.end))
        ]
