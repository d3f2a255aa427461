"""Salvos: one launch whose projectiles a sentence lists as the parts of one whole. "a barrage
of Zolfaghar, Zelzal and Dezful missiles", "two short-range missiles, the Shahab-1 and the
Shahab-2", "the missiles included nine Zelzals and two Shahab-1s": the list says what one launch
fired (one event, as the gold's "a salvo on one day is one event" has it), not one launch per
system. kg.extract.launch reads a sentence's list of occasions through these.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kg.extract.candidate import Candidate
from kg.extract.counts import projectile_noun, quantity
from kg.extract.cues import Cues
from kg.extract.sentence import SentenceView, lemmas

if TYPE_CHECKING:
    from spacy.tokens import Token


def parts_of_one(view: SentenceView, c: Cues) -> dict[int, list[int]]:
    """Projectile words that say what the projectiles of one launch were, by the word for them
    all: "two short-range missiles, the Shahab-1 and the Shahab-2" (an apposition), "the
    missiles included nine Zelzals and two Shahab-1s", "14 missiles, including two Zelzals and a
    Shahab-3" (a composition word), "a barrage of Zolfaghar, Zelzal and Dezful missiles" (a salvo
    noun). Two parts at least: one is a name for the whole ("its new missile, the Hwasong-18").
    -> the whole's word: the weapon and class words of its parts."""
    out: dict[int, list[int]] = {}
    nouns = c.projectile_nouns | c.salvo_nouns

    def projectile(tok: Token) -> bool:
        return (
            tok.i in view.weapons
            or view.classes.get(tok.i) in c.launched
            or tok.lemma_.lower() in nouns
            or any(
                view.classes.get(ch.i) in c.launched for ch in tok.children if ch.dep_ in ("amod", "compound")
            )
        )

    def counted(tok: Token) -> bool:
        return any(ch.dep_ == "nummod" for ch in tok.children)

    words = sorted({*view.weapons, *(i for i, label in view.classes.items() if label in c.launched)})
    for i in words:
        if not view.sent.start <= i < view.sent.end:
            continue
        top = projectile_noun(view.doc[i])
        while top.dep_ == "conj" or (top.dep_ == "appos" and counted(top) and counted(top.head)):
            top = top.head  # "nine Zelzal missiles, two Shahab-1s": a list the parser read as appositions
        whole: Token | None = None
        if top.dep_ == "appos" and projectile(top.head):
            whole = top.head  # "two short-range missiles, the Shahab-1 and the Shahab-2"
        elif top.dep_ == "pobj" and lemmas(top.head) & c.composition_words and projectile(top.head.head):
            whole = top.head.head  # "14 missiles, including a Shahab-3"
        elif top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.lemma_.lower() in c.salvo_nouns:
            whole = top.head.head  # "a barrage of Zolfaghar, Zelzal and Dezful missiles"
        elif top.dep_ == "dobj" and lemmas(top.head) & c.composition_words:
            verb = top.head
            subjects = [ch for ch in verb.children if ch.dep_ == "nsubj"]
            if not subjects and verb.dep_ == "conj":  # "The missiles fired from Qom included ..."
                subjects = [ch for ch in verb.head.children if ch.dep_ == "nsubj"]
            whole = next((s for s in subjects if projectile(s)), None)
        if whole is None:
            whole = salvo_before(view, i, c)
        if whole is not None and view.span_root.get(whole.i, whole.i) != view.span_root.get(i, i):
            out.setdefault(whole.i, []).append(i)
    # one part is a name for the whole ("its new missile, the Hwasong-18"), not a list of parts
    return {w: parts for w, parts in out.items() if len({view.span_root.get(i, i) for i in parts}) > 1}


def salvo_before(view: SentenceView, i: int, c: Cues) -> Token | None:
    """The salvo noun a projectile word is listed after, read from the surface: "a volley of
    Fateh-110 and Zolfaghar missiles" (the parser often takes a name with a number for a
    punctuation mark and hangs the list elsewhere). Only names, numbers, class words, "and" and
    commas may stand between."""
    k = i - 1
    while k > view.sent.start:
        tok = view.doc[k]
        if tok.lower_ == "of":
            noun = view.doc[k - 1]
            return noun if noun.lemma_.lower() in c.salvo_nouns else None
        listed = k in view.weapons or k in view.classes or tok.like_num or tok.lower_ in (",", "and", "-")
        if not listed:
            return None
        k -= 1
    return None


def launch_of_a_whole(view: SentenceView, trigger: int, wholes: dict[int, list[int]]) -> bool:
    """True if the trigger tells the launch of a whole the sentence lists the parts of: the whole
    is the trigger ("a barrage of ..."), in its phrase ("fired a salvo of ..."), or the trigger
    is on the whole ("the missiles fired from Qom included ...")."""
    trig = view.doc[trigger]
    phrase = {t.i for t in trig.subtree}
    return any(w == trigger or w in phrase or trigger in {t.i for t in view.doc[w].subtree} for w in wholes)


def one_launch_of_parts(view: SentenceView, cand: Candidate, wholes: dict[int, list[int]]) -> Candidate:
    """A launch whose projectiles the sentence lists as parts of one whole (parts_of_one): the
    one weapon the parts name, or none when they name several; their common class when it is
    narrower than the launch's; the whole's count, or the parts' sum when each is counted."""
    lexicon = view.lexicon
    parts = [view.doc[i] for found in wholes.values() for i in found]
    named = {w.name: w for w in view.weapon_refs(parts)}
    if cand.weapons and cand.weapons[0].name not in named:
        return cand  # a launch of something else the sentence tells
    labels = [view.classes[t.i] for t in parts if t.i in view.classes] + [
        w.weapon_class for w in named.values() if w.weapon_class
    ]
    common = lexicon.common_class(labels)
    wclass = cand.weapon_class
    if common is not None and (wclass is None or lexicon.is_broader_or_equal(wclass, common)):
        wclass = common
    counts: list[int | None] = []
    for head in {projectile_noun(t).i: projectile_noun(t) for t in parts}.values():
        counts.append(next((quantity(ch, view) for ch in head.children if ch.dep_ == "nummod"), None))
    whole_counts = [quantity(ch, view) for i in wholes for ch in view.doc[i].children if ch.dep_ == "nummod"]
    count = next((n for n in whole_counts if n is not None), None)
    if count is None and counts and None not in counts:
        count = sum(n for n in counts if n is not None)
    return replace(
        cand,
        weapons=tuple(named.values()) if len(named) == 1 else (),
        weapon_class=wclass,
        class_from_weapon_phrase=False,
        count=count,
        plural=count is None and (cand.plural or len(parts) > 1),
    )


__all__ = ["launch_of_a_whole", "one_launch_of_parts", "parts_of_one"]
