"""Count words and the nouns they count: "two dozen Tomahawk cruise missiles", "half a dozen",
the noun a class or weapon word belongs to. Shared by the launch rules and the reading of salvos."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.cues import cues
from kg.extract.sentence import SentenceView

if TYPE_CHECKING:
    from spacy.tokens import Token


def projectile_noun(head: Token) -> Token:
    """The noun a class or weapon word belongs to ("ballistic" in "ballistic missiles")."""
    return head.head if head.dep_ in ("compound", "amod", "nmod") and head.head.pos_ == "NOUN" else head


def number_word(word: str, view: SentenceView) -> int | None:
    """The number a word writes in figures or spells ("1,000", "two"); not "a"."""
    if word.replace(",", "").isdecimal():
        return int(word.replace(",", ""))
    return cues(view.lexicon).numbers.get(word) if word not in ("a", "an") else None


def quantity(tok: Token, view: SentenceView) -> int | None:
    """The number a count word says, halved by "half" ("half a dozen")."""
    n = number_word(tok.lower_, view)
    if n is not None and any(ch.lower_ == "half" for ch in tok.children):
        return n // 2
    # "two dozen Tomahawk cruise missiles", "three dozen Kalibrs": the number and its multiplier,
    # whichever the parser made the head
    for ch in tok.children:
        factor = number_word(ch.lower_, view) if ch.dep_ in ("quantmod", "nummod") else None
        if n is not None and factor is not None:
            return n * factor
    return n


__all__ = ["number_word", "projectile_noun", "quantity"]
