"""extract: one article's spaCy Doc -> mentions and events.

For each sentence: the gazetteer's States and Weapons make a Mention; the launch, exercise
and treaty rules make candidates; the discourse (who the article is talking about) resolves
pronouns. `kg.normalize.merge` then turns candidates into events.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.candidate import Candidate, Note
from kg.extract.cues import cues
from kg.extract.discourse import Discourse
from kg.extract.entries import Entries
from kg.extract.exercise import find_exercises
from kg.extract.factuality import outcome_cues
from kg.extract.launch import counted_occasion, find_launches, launcher_states
from kg.extract.places import launch_site
from kg.extract.sentence import DocIndex, SentenceView
from kg.extract.treaty import find_treaties
from kg.lexicon import Lexicon
from kg.models import Article, Extraction, Mention
from kg.normalize import merge

if TYPE_CHECKING:
    from spacy.tokens import Doc

RULES_VERSION = "2026.12.10.192"  # bump when a rule changes what is extracted


#: Longer sentences (spaCy tokens) are left out of an article: the rules' cost grows with the
#: cube of sentence length (seconds at 1,000 tokens), and news sentences stay under 150. Such a
#: "sentence" is a scrape gone wrong (a flattened table, a list without full stops).
MAX_SENTENCE_TOKENS = 300


def extract_doc(doc: Doc, article: Article, lexicon: Lexicon) -> Extraction:
    """Everything the rules find in one parsed article body.

    Sentences over MAX_SENTENCE_TOKENS are not read; `Extraction.left_out` tells which. A
    sentence whose rules raise is skipped and listed in `Extraction.failed`.
    """
    discourse = Discourse()
    candidates: list[Candidate] = []
    mentions: list[Mention] = []
    notes: list[Note] = []
    left_out: list[tuple[int, int]] = []
    failed: list[tuple[int, str]] = []
    views: list[SentenceView] = []
    headings: set[int] = set()
    sentences = 0
    doc_index = DocIndex(doc)
    for index, sent in enumerate(doc.sents):
        if not doc_index.text[sent.start_char : sent.end_char].strip():
            continue
        if len(sent) > MAX_SENTENCE_TOKENS:
            left_out.append((sent.start_char, len(sent)))
            continue
        sentences += 1
        if doc_index.in_heading(sent.start_char, sent.end_char):
            headings.add(index)
        view = SentenceView(sent, lexicon, index, doc_index)
        mention = view.mention()
        if mention.states or mention.weapons:
            mentions.append(mention)
        views.append(view)
        try:
            found, more = _read_sentence(view, lexicon, discourse, mention)
        except Exception as err:  # a bug in one rule must not cost the article its other sentences
            failed.append((sent.start_char, f"{type(err).__name__}: {err}"))
            continue
        candidates += found
        notes += more
    # (sentence, date phrase) of every sentence, when a candidate is dated "the same day": the
    # day told last, an event's or not
    days = (
        [(v.index, phrase.text) for v in views for phrase in v.date_phrases()]
        if any(c.days_after_previous is not None for c in candidates)
        else []
    )
    entries = Entries(doc_index.text, doc_index.entries)
    candidates = [entries.dated(c) for c in candidates]
    events = merge(candidates, article, lexicon, notes, frozenset(headings), days)
    return Extraction(
        article=article,
        mentions=tuple(mentions),
        events=events,
        sentences=sentences,
        left_out=tuple(left_out),
        failed=tuple(failed),
    )


def _read_sentence(
    view: SentenceView, lexicon: Lexicon, discourse: Discourse, mention: Mention
) -> tuple[list[Candidate], list[Note]]:
    """One sentence's candidates and notes; the discourse learns what the sentence tells."""
    discourse.saw_weapons(view.weapon_refs(view.sent))
    discourse.saw_states(mention.states)
    discourse.saw_leaders(view.leader_states())
    for state in launcher_states(view):
        discourse.saw_launcher(state)
    launches = find_launches(view, lexicon, discourse)
    found = [
        *launches,
        *find_exercises(view, lexicon, discourse, launches),
        *find_treaties(view, lexicon, discourse),
    ]
    notes = [] if launches else _notes(view, lexicon, mention)
    told = discourse.projectile
    if told is not None and told[0] is None:
        # "India fired a missile on Monday. The projectile was an Agni-V.": what was fired is now
        # known, and what "the same type" or "two more" later refers to
        named = [
            n.weapon
            for n in notes
            if n.weapon is not None and lexicon.may_name(told[1], n.weapon.weapon_class)
        ]
        if named:
            discourse.projectile = (named[0], named[0].weapon_class or told[1])
    _update_topic(view, discourse)
    return found, notes


def _notes(view: SentenceView, lexicon: Lexicon, mention: Mention) -> list[Note]:
    """What a sentence with no launch word adds to the launch told before."""
    launched = cues(lexicon).launched
    notes = [
        Note(view.index, mention, weapon=w) for w in view.weapon_refs(view.sent) if w.weapon_class in launched
    ]
    root = view.sent.root
    clauses = [root, *root.conjuncts, *(c for c in root.children if c.dep_ == "ccomp")]
    subjects = [s for verb in clauses for s in view.subject(verb)]
    c = cues(lexicon)
    # "All of the missiles hit ...": the quantifier's "of" object is the subject that refers back
    subjects += [
        obj
        for s in subjects
        if s.lower_ in c.collective
        for prep in s.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children
        if obj.dep_ == "pobj" and any(ch.lower_ == "the" for ch in obj.children)
    ]
    back = [
        s
        for s in subjects
        if s.lower_ in c.back_references
        and not counted_occasion(s, c)  # "The first Simorgh rocket exploded in 2017": another launch
        and (
            s.lower_ in ("it", "they")
            or any(ch.lower_ == "the" or ch.lower_ in c.collective for ch in s.children)
        )
    ]
    if back:
        outcomes = outcome_cues(view, list(view.sent), c)
        if outcomes:
            every = any(
                any(ch.lower_ in c.collective for ch in s.children)
                or (s.head.lower_ == "of" and s.head.head.lower_ in c.collective)
                for s in back
            )
            notes.append(Note(view.index, mention, outcomes=outcomes, every_launch=every))
    struck = lexicon.cue_terms("target_struck_verb")
    if any(
        s.lemma_.lower() in c.flight_targets
        and any(ch.lower_ == "the" for ch in s.children)
        and s.head.lemma_.lower() in struck
        # not "the target was not destroyed", "could be destroyed"
        and not any(ch.dep_ == "neg" or ch.tag_ == "MD" for ch in s.head.children)
        for s in subjects
    ):
        # "The target was destroyed by a direct hit": the launch told before hit what it was fired at
        notes.append(Note(view.index, mention, outcomes=frozenset({"success"})))
    site = _back_reference_site(view)
    if site is not None:
        notes.append(Note(view.index, mention, site=site))
    return notes


def _back_reference_site(view: SentenceView) -> str | None:
    """Where "the missile" / "the rocket" of the launch told before came from: "detected the
    rocket heading south ... from the Tongchang-ri area", "the missile flying from ..."."""
    for tok in view.sent:
        if tok.lemma_.lower() in cues(view.lexicon).projectile_nouns and any(
            ch.dep_ == "det" and ch.lower_ in ("the", "this") for ch in tok.children
        ):
            scope = list(tok.subtree)
            if tok.dep_ in ("nsubj", "nsubjpass"):  # "the missile flying from the Sunan area"
                scope.append(tok.head)
            site = launch_site(view, tok, scope)
            if site is not None:
                return site
    return None


def _update_topic(view: SentenceView, discourse: Discourse) -> None:
    """The state the sentence is about: its main clause's subject, if that names one."""
    root = view.sent.root
    for verb in [root, *[c for c in root.children if c.dep_ in ("ccomp", "conj")]]:
        for subj in view.subject(verb):
            states = view.states_of(view.collect(subj))
            if states:
                discourse.topic = states[0]
                return


def extract(article: Article, nlp: object, lexicon: Lexicon) -> Extraction:
    """Parse and extract one article (`nlp` from kg.nlp.load_nlp())."""
    doc = nlp(article.body)  # type: ignore[operator]
    return extract_doc(doc, article, lexicon)


__all__ = ["RULES_VERSION", "extract", "extract_doc"]
