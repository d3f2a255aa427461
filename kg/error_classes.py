"""What kind of error each missed and spurious event is, counted without any text.

`kg eval DIR --classes` sorts the errors of a scoring run into a few classes and prints only
their counts, so that the scores of a private set (the team's unseen articles, pages that may
not be shared) can say where the extractor goes wrong without quoting a word of it:

- a missed gold event whose sentence holds a predicted event of its type, by what keeps the two
  apart: the date, the parties (the agent of a launch), both, or the parties the prediction
  left empty;
- a missed gold event whose sentence is evidence of a predicted event that matched another gold
  event: one told elsewhere (the mention was merged into it), or one the same sentence tells
  (the sentence's second event was lost);
- a missed gold event whose sentence holds no predicted event of its type;
- a spurious event beside a missed gold event of its sentence (the same error seen from the
  other side), or in a sentence that tells no gold event of its type.

"Its sentence" is a predicted evidence sentence that contains the gold evidence quote.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from kg.evaluate import EVENT_TYPES, ArticleDetails, Scores, dates_agree, parties, parties_agree
from kg.models import Event, EventType

# the classes, in the order they are printed
NEAR_DATE = "missed: its sentence has one with another date"
NEAR_PARTIES = "missed: its sentence has one with other parties"
NEAR_NO_PARTIES = "missed: its sentence has one with no parties"
NEAR_BOTH = "missed: its sentence has one with another date and other parties"
MERGED = "missed: its sentence went into an event told elsewhere"
SHARED = "missed: its sentence's event matched another of the sentence"
NONE_HERE = "missed: no event of its type in its sentence"
SPURIOUS_NEAR = "spurious: beside a missed event of its sentence"
SPURIOUS_ALONE = "spurious: in a sentence with no gold event of its type"
CLASSES = (
    NEAR_DATE, NEAR_PARTIES, NEAR_NO_PARTIES, NEAR_BOTH, MERGED, SHARED, NONE_HERE, SPURIOUS_NEAR,
    SPURIOUS_ALONE,
)  # fmt: skip


def error_classes(scores: Scores) -> dict[EventType, Counter[str]]:
    """Counts of each class, by event type (every class present, zero when none)."""
    out = {t: Counter({c: 0 for c in CLASSES}) for t in EVENT_TYPES}
    for detail in scores.details:
        for event_type, label in _article_classes(detail):
            out[event_type][label] += 1
    return out


def _article_classes(detail: ArticleDetails) -> Iterable[tuple[EventType, str]]:
    gold_quotes = [(m.gold.type, _plain(m.gold_evidence)) for m in detail.matched]
    gold_quotes += [(m.gold.type, _plain(m.evidence)) for m in detail.missed]
    near_spurious: set[int] = set()
    for missed in detail.missed:
        quote = _plain(missed.evidence)
        here = [
            k
            for k, event in enumerate(detail.spurious)
            if event.type is missed.gold.type and quote and _tells(event, quote)
        ]
        near_spurious.update(here)
        if here:
            yield missed.gold.type, _difference(missed.gold, [detail.spurious[k] for k in here])
        elif holders := [
            m
            for m in detail.matched
            if m.predicted.type is missed.gold.type and quote and _tells(m.predicted, quote)
        ]:
            # a sentence that tells two events, one of which matched, lost the other; a sentence
            # merged into an event the text told elsewhere lost its own
            shared = any(_plain(m.gold_evidence) in _sentence(m.predicted, quote) for m in holders)
            yield missed.gold.type, SHARED if shared else MERGED
        else:
            yield missed.gold.type, NONE_HERE
    for k, event in enumerate(detail.spurious):
        if k in near_spurious:
            yield event.type, SPURIOUS_NEAR
        elif any(t is event.type and q and _tells(event, q) for t, q in gold_quotes):
            yield event.type, SPURIOUS_NEAR  # beside a gold event another prediction matched
        else:
            yield event.type, SPURIOUS_ALONE


def _difference(gold: Event, candidates: list[Event]) -> str:
    """The class of the closest predicted event of the gold event's sentence."""

    def rank(event: Event) -> tuple[int, int]:
        return (not parties_agree(gold, event), not dates_agree(gold.date, event.date))

    best = min(candidates, key=rank)
    date_ok, parties_ok = dates_agree(gold.date, best.date), parties_agree(gold, best)
    if parties_ok and not date_ok:
        return NEAR_DATE
    if not parties(best) and parties(gold):
        return NEAR_NO_PARTIES
    if date_ok:
        return NEAR_PARTIES
    return NEAR_BOTH


def _tells(event: Event, quote: str) -> bool:
    return bool(_sentence(event, quote))


def _sentence(event: Event, quote: str) -> str:
    """The event's evidence sentence (squashed) that holds the quote, or ""."""
    return next((text for m in event.evidence if quote in (text := _plain(m.text))), "")


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()


def format_classes(classes: Mapping[EventType, Counter[str]]) -> str:
    """A text table: one row per class, one column per event type."""
    width = max(len(c) for c in CLASSES)
    head = f"{'error class (counts only, no text)':<{width}}" + "".join(f"{t.value:>10}" for t in EVENT_TYPES)
    rows = [head]
    for label in CLASSES:
        rows.append(f"{label:<{width}}" + "".join(f"{classes[t][label]:>10}" for t in EVENT_TYPES))
    return "\n".join(rows)


def classes_json(classes: Mapping[EventType, Counter[str]]) -> dict[str, dict[str, int]]:
    return {t.value: {label: classes[t][label] for label in CLASSES} for t in EVENT_TYPES}


__all__ = ["CLASSES", "classes_json", "error_classes", "format_classes"]
