"""Evaluate: extracted events against the devset gold -> scores.

Pure, except `load_gold` / `load_gold_dir`, which read the gold files (SCHEMA.md in the
devset). The scoring rules, every choice included, so that all numbers mean the same:

Which events count
    Gold events count for precision and recall when their factuality is `asserted` or
    `claimed`; predicted events count unless they are `expected` or `negated` (those are
    listed in the details as uncounted, never as false positives). Factuality is not
    compared otherwise: a predicted `claimed` event may match an `asserted` gold one.
    Events are matched only within one article. A gold article with no prediction is
    scored as an empty prediction; a predicted article with no gold is not scored and is
    listed in `Scores.unscored`.

When a predicted event matches a gold event
    Same type, and the dates agree at the shorter of the two precisions (2017-03 agrees with
    2017-03-22; 2017-03-21 does not agree with 2017-03-22; a missing date on either side
    agrees), and
    - Launch: the same agent (ISO codes compared case-insensitively; a missing agent only
      agrees with a missing agent);
    - Exercise / Treaty: the participants / signatories have a Jaccard overlap of at least
      0.5 (exactly 0.5 matches). The Jaccard of two empty sets is 1.0; of an empty and a
      non-empty set 0.0.

One-to-one, greedy by match quality
    All eligible (gold, predicted) pairs of an article are sorted by, best first:
    1. the dates agree at full precision (same ISO string, or both missing);
    2. the Jaccard overlap (1.0 for Launch, whose agents are equal);
    3. the number of gold-stated attributes that agree (the tie-break of the rules);
    4. the gold event's position in its article, then the predicted event's position
       (so the result is deterministic).
    Pairs are taken in that order when neither side is taken yet.

Attribute accuracy
    Counted over matched pairs, per event type and attribute, only where the gold states the
    attribute: a scalar that is not null, a list that is not empty (a gold `[]` is not
    counted). Launch: weapon_class, weapon, site, outcome, count, date; Exercise:
    participants, name, date; Treaty: signatories, name, date (Exercise weapons are not
    scored). Gold `outcome` is never null, so it is always counted, `unknown` included.
    Strings compare case-insensitively with runs of whitespace collapsed and the ends
    stripped, with three refinements (`Comparer`, built from the lexicon's tables):
    - weapons compare through the weapons table: any alias of a system equals its canonical
      name ("Rodong" = "Nodong" = "Hwasong-7"), and case, spaces and hyphens are ignored;
    - a predicted weapon class narrower than the gold's (by skos:broader, weapon_classes.tsv)
      is correct: the catalogue may know more than the sentence says;
    - sites compare after dropping generic words (SITE_GENERIC_WORDS: "the Kittaeryong area"
      equals "Kittaeryong"; "Sohae" does not equal "Tongchang-ri").
    Verbose output lists every disagreement. Lists compare as sets of codes. Dates compare
    exactly, by ISO string (precision included). A predicted weapon that is generic
    (`WeaponRef.generic`) names no weapon; a predicted `weapon_class` that is missing falls
    back to the class of the predicted weapon.

States
    Per article, the predicted set of ISO codes against the gold `states`; micro-averaged
    over the gold articles (true positives, false positives and false negatives summed).

Modality errors
    A gold `expected` or `negated` event that was output as a counted (`asserted` or
    `claimed`) event: after the main matching, the predicted counted events that matched
    nothing are matched to the gold expected/negated events of their article by the same
    rule and the same greedy order, one-to-one. Such a predicted event stays a false
    positive as well.

Empty ratios
    Precision with no counted prediction is 1.0 when there was nothing to find (no false
    negatives) and 0.0 otherwise; recall with no gold event is 1.0 when nothing was
    predicted and 0.0 otherwise; F1 is 0.0 when precision + recall is 0. Attribute accuracy
    with nothing to count is 1.0. The counts are always reported beside the ratios.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, NoReturn

from kg.errors import KgError
from kg.lexicon import Lexicon, load_lexicon
from kg.models import (
    Event,
    EventType,
    Exercise,
    Factuality,
    Launch,
    Outcome,
    PartialDate,
    Treaty,
    WeaponRef,
)

EVENT_TYPES: tuple[EventType, ...] = (EventType.LAUNCH, EventType.EXERCISE, EventType.TREATY)
COUNTED: frozenset[Factuality] = frozenset({Factuality.ASSERTED, Factuality.CLAIMED})
ATTRIBUTES: Mapping[EventType, tuple[str, ...]] = {
    EventType.LAUNCH: ("weapon_class", "weapon", "site", "outcome", "count", "date"),
    EventType.EXERCISE: ("participants", "name", "date"),
    EventType.TREATY: ("signatories", "name", "date"),
}

# Words a site comparison ignores: "the Kittaeryong area" is the site "Kittaeryong".
SITE_GENERIC_WORDS = frozenset(
    {
        "the", "area", "site", "launch", "region", "town", "city", "county", "district", "province",
        "coast", "coastal", "vicinity", "near", "around", "outskirts", "of", "a", "an",
    }
)  # fmt: skip

# ---------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One gold file: `evidence[i]` is the gold evidence quote of `events[i]`."""

    id: str
    dateline: dt.date | None
    states: frozenset[str]
    events: tuple[Event, ...]
    evidence: tuple[str, ...]
    path: str | None = None


@dataclass(frozen=True, slots=True)
class PredictedArticle:
    """What the extractor produced for one article (read back from the graph)."""

    id: str
    states: frozenset[str] = frozenset()
    events: tuple[Event, ...] = ()


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives, false negatives; ratios as properties."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 1.0 if self.fn == 0 else 0.0

    @property
    def recall(self) -> float:
        if self.tp + self.fn:
            return self.tp / (self.tp + self.fn)
        return 1.0 if self.fp == 0 else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Accuracy:
    correct: int = 0
    total: int = 0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0


@dataclass(frozen=True, slots=True)
class AttributeCheck:
    """One gold-stated attribute of a matched pair, as shown to a reader."""

    attribute: str
    gold: str
    predicted: str
    correct: bool


@dataclass(frozen=True, slots=True)
class Match:
    gold: Event
    predicted: Event
    gold_evidence: str
    checks: tuple[AttributeCheck, ...]

    @property
    def mismatches(self) -> tuple[AttributeCheck, ...]:
        return tuple(c for c in self.checks if not c.correct)


@dataclass(frozen=True, slots=True)
class Missed:
    gold: Event
    evidence: str


@dataclass(frozen=True, slots=True)
class ModalityError:
    article_id: str
    gold: Event  # factuality expected or negated
    gold_evidence: str
    predicted: Event  # factuality asserted or claimed


@dataclass(frozen=True, slots=True)
class ArticleDetails:
    article_id: str
    matched: tuple[Match, ...] = ()
    missed: tuple[Missed, ...] = ()
    spurious: tuple[Event, ...] = ()  # every false positive, modality errors included
    modality_errors: tuple[ModalityError, ...] = ()
    uncounted: tuple[Event, ...] = ()  # predicted expected/negated events
    states_missed: frozenset[str] = frozenset()
    states_spurious: frozenset[str] = frozenset()
    predicted: bool = True  # False when no prediction was given for this article


@dataclass(frozen=True, slots=True)
class Scores:
    by_type: Mapping[EventType, Counts]
    attributes: Mapping[str, Accuracy]  # "Launch.site" -> correct/total, every attribute
    states: Counts
    details: tuple[ArticleDetails, ...]
    unscored: tuple[str, ...] = ()  # predicted article ids without gold

    @property
    def overall(self) -> Counts:
        return sum(self.by_type.values(), Counts())

    @property
    def attribute_accuracy(self) -> Accuracy:
        return sum(self.attributes.values(), Accuracy())

    @property
    def modality_errors(self) -> tuple[ModalityError, ...]:
        return tuple(e for d in self.details for e in d.modality_errors)

    def metrics(self) -> dict[str, float]:
        """Every ratio under a stable name, for floors: 'overall.f1', 'Launch.recall',
        'attributes.accuracy', 'attributes.Launch.site', 'states.f1', ..."""
        out: dict[str, float] = {}
        rows = [(t.value, self.by_type[t]) for t in EVENT_TYPES] + [("overall", self.overall)]
        rows.append(("states", self.states))
        for name, counts in rows:
            out[f"{name}.precision"] = counts.precision
            out[f"{name}.recall"] = counts.recall
            out[f"{name}.f1"] = counts.f1
        out["attributes.accuracy"] = self.attribute_accuracy.accuracy
        for key, acc in self.attributes.items():
            out[f"attributes.{key}"] = acc.accuracy
        return out


# ---------------------------------------------------------------------------- scoring


def _squash(text: str) -> str:
    """A weapon name without case, spaces or hyphens: "Hwasong 15" -> "hwasong15"."""
    return re.sub(r"[\s\-‐-―]+", "", text).casefold()


@dataclass(frozen=True, slots=True)
class Comparer:
    """How scored attribute values compare (module docstring, Attribute accuracy)."""

    weapon_names: Mapping[str, str]  # squashed name or alias -> canonical name
    broader: Mapping[str, str]  # weapon class label -> its broader class label

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> Comparer:
        names: dict[str, str] = {}
        for entry in lexicon.weapons.values():
            for form in (*entry.aliases, entry.name):  # the canonical name wins a clash
                names[_squash(form)] = entry.name
        broader = {c.label: c.broader for c in lexicon.classes.values() if c.broader}
        return cls(MappingProxyType(names), MappingProxyType(broader))

    def weapon(self, name: str) -> str:
        key = _squash(name)
        return _squash(self.weapon_names.get(key, key))

    def class_ok(self, gold: str, predicted: str) -> bool:
        """The predicted class is the gold's or narrower."""
        cur: str | None = _norm_str(predicted)
        want = _norm_str(gold)
        seen: set[str] = set()
        while cur is not None and cur not in seen:
            if cur == want:
                return True
            seen.add(cur)
            cur = self.broader.get(cur)
        return False

    @staticmethod
    def site(text: str) -> str:
        words = re.findall(r"[\w'-]+", text.casefold())
        return " ".join(w for w in words if w not in SITE_GENERIC_WORDS)

    def agree(self, attribute: str, gold: object, predicted: object) -> bool:
        if isinstance(gold, str) and isinstance(predicted, str):
            if attribute == "weapon":
                return self.weapon(gold) == self.weapon(predicted)
            if attribute == "weapon_class":
                return self.class_ok(gold, predicted)
            if attribute == "site":
                return self.site(gold) == self.site(predicted)
        return _norm(gold) == _norm(predicted)


def default_comparer() -> Comparer:
    """The comparer of the package's own lexicon."""
    return Comparer.from_lexicon(load_lexicon())


def score(
    gold: Sequence[GoldArticle],
    predicted: Mapping[str, PredictedArticle],
    comparer: Comparer | None = None,
) -> Scores:
    """Score predicted articles against gold articles (see the module docstring)."""
    compare = comparer if comparer is not None else default_comparer()
    seen: set[str] = set()
    by_type = {t: Counts() for t in EVENT_TYPES}
    attributes = {f"{t.value}.{a}": Accuracy() for t in EVENT_TYPES for a in ATTRIBUTES[t]}
    states = Counts()
    details: list[ArticleDetails] = []
    for article in gold:
        if article.id in seen:
            raise KgError(f"gold article {article.id!r} is given twice")
        seen.add(article.id)
        pred = predicted.get(article.id)
        detail, counts = _score_article(article, pred, compare)
        details.append(detail)
        for t in EVENT_TYPES:
            by_type[t] = by_type[t] + counts[t]
        for match in detail.matched:
            for check in match.checks:
                key = f"{match.gold.type.value}.{check.attribute}"
                attributes[key] = attributes[key] + Accuracy(int(check.correct), 1)
        pred_states = _codes(pred.states) if pred is not None else frozenset()
        gold_states = _codes(article.states)
        states = states + Counts(
            len(pred_states & gold_states), len(pred_states - gold_states), len(gold_states - pred_states)
        )
    unscored = tuple(sorted(set(predicted) - seen))
    return Scores(by_type, attributes, states, tuple(details), unscored)


def _score_article(
    article: GoldArticle, pred: PredictedArticle | None, compare: Comparer
) -> tuple[ArticleDetails, dict[EventType, Counts]]:
    evidence = dict(enumerate(article.evidence))
    gold_counted = [(i, e) for i, e in enumerate(article.events) if e.factuality in COUNTED]
    gold_modal = [(i, e) for i, e in enumerate(article.events) if e.factuality not in COUNTED]
    pred_events = pred.events if pred is not None else ()
    pred_counted = [(j, e) for j, e in enumerate(pred_events) if e.factuality in COUNTED]

    pairs = _greedy(gold_counted, pred_counted, compare)
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pj for _, pj in pairs}
    unmatched_p = [(j, e) for j, e in pred_counted if j not in matched_p]
    modal_pairs = _greedy(gold_modal, unmatched_p, compare)

    counts: dict[EventType, Counts] = {}
    for t in EVENT_TYPES:
        tp = sum(1 for gi, _ in pairs if article.events[gi].type is t)
        fn = sum(1 for i, e in gold_counted if e.type is t and i not in matched_g)
        fp = sum(1 for _, e in unmatched_p if e.type is t)
        counts[t] = Counts(tp, fp, fn)

    pred_states = _codes(pred.states) if pred is not None else frozenset()
    gold_states = _codes(article.states)
    detail = ArticleDetails(
        article_id=article.id,
        matched=tuple(
            Match(
                article.events[gi],
                pred_events[pj],
                evidence.get(gi, ""),
                _checks(article.events[gi], pred_events[pj], compare),
            )
            for gi, pj in sorted(pairs)
        ),
        missed=tuple(Missed(e, evidence.get(i, "")) for i, e in gold_counted if i not in matched_g),
        spurious=tuple(e for _, e in unmatched_p),
        modality_errors=tuple(
            ModalityError(article.id, article.events[gi], evidence.get(gi, ""), pred_events[pj])
            for gi, pj in sorted(modal_pairs)
        ),
        uncounted=tuple(e for e in pred_events if e.factuality not in COUNTED),
        states_missed=gold_states - pred_states,
        states_spurious=pred_states - gold_states,
        predicted=pred is not None,
    )
    return detail, counts


def _greedy(
    golds: Sequence[tuple[int, Event]], preds: Sequence[tuple[int, Event]], compare: Comparer
) -> list[tuple[int, int]]:
    """One-to-one greedy matching by match quality; returns (gold index, predicted index)."""
    candidates: list[tuple[tuple[int, float, int, int, int], int, int]] = []
    for gi, g in golds:
        for pj, p in preds:
            if _eligible(g, p):
                same_date = int(g.date == p.date)
                agree = sum(1 for c in _checks(g, p, compare) if c.correct)
                key = (-same_date, -_jaccard(g, p), -agree, gi, pj)
                candidates.append((key, gi, pj))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pj in candidates:
        if gi not in used_g and pj not in used_p:
            used_g.add(gi)
            used_p.add(pj)
            pairs.append((gi, pj))
    return pairs


def dates_agree(a: PartialDate | None, b: PartialDate | None) -> bool:
    """Equal at the shorter of the two precisions; a missing date agrees with anything."""
    if a is None or b is None:
        return True
    # field by field (a day implies a month): kg.linking compares millions of pairs
    if a.year != b.year or a.month is None or b.month is None:
        return a.year == b.year
    if a.month != b.month or a.day is None or b.day is None:
        return a.month == b.month
    return a.day == b.day


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    """|A ∩ B| / |A ∪ B| of two sets of ISO codes; 1.0 when both are empty."""
    sa, sb = _codes(a), _codes(b)
    union = sa | sb
    return len(sa & sb) / len(union) if union else 1.0


def parties(event: Event) -> tuple[str, ...]:
    """The states an event is scored by: a launch's agent, an exercise's participants, a
    treaty's signatories."""
    if isinstance(event, Exercise):
        return event.participants
    if isinstance(event, Treaty):
        return event.signatories
    return (event.agent,) if event.agent is not None else ()


def _jaccard(g: Event, p: Event) -> float:
    return jaccard(parties(g), parties(p))


def _eligible(g: Event, p: Event) -> bool:
    return g.type is p.type and dates_agree(g.date, p.date) and parties_agree(g, p)


def parties_agree(g: Event, p: Event) -> bool:
    """The same agent for a launch; a Jaccard of at least 0.5 for participants or signatories."""
    if isinstance(g, Launch) and isinstance(p, Launch):
        return _code_or_none(g.agent) == _code_or_none(p.agent)
    sa, sb = _codes(parties(g)), _codes(parties(p))
    union = sa | sb
    return not union or 2 * len(sa & sb) >= len(union)  # Jaccard >= 0.5, exactly


def _attribute(event: Event, name: str) -> object:
    """The comparable value of one scored attribute; None when not stated."""
    if name == "date":
        return event.date.iso() if event.date is not None else None
    if isinstance(event, Launch):
        weapon = event.weapon if event.weapon is not None and not event.weapon.generic else None
        values: dict[str, object] = {
            "weapon_class": event.weapon_class
            or (event.weapon.weapon_class if event.weapon is not None else None),
            "weapon": weapon.name if weapon is not None else None,
            "site": event.site,
            "outcome": event.outcome.value,
            "count": event.count,
        }
        return values[name]
    if name in ("participants", "signatories"):
        return _codes(parties(event)) or None
    if name == "name":
        return event.name
    raise KeyError(name)


def _checks(gold: Event, pred: Event, compare: Comparer) -> tuple[AttributeCheck, ...]:
    out: list[AttributeCheck] = []
    for name in ATTRIBUTES[gold.type]:
        g = _attribute(gold, name)
        if g is None:
            continue
        p = _attribute(pred, name)
        out.append(AttributeCheck(name, _show(g), _show(p), compare.agree(name, g, p)))
    return tuple(out)


def _norm(value: object) -> object:
    if isinstance(value, str):
        return _norm_str(value)
    return value


def _norm_str(value: str) -> str:
    return " ".join(value.split()).casefold()


def _show(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, frozenset):
        return ",".join(sorted(str(v) for v in value))
    return str(value)


def _codes(codes: Iterable[str]) -> frozenset[str]:
    return frozenset(c.strip().upper() for c in codes)


def _code_or_none(code: str | None) -> str | None:
    return code.strip().upper() if code is not None else None


# ---------------------------------------------------------------------------- floors


def floors_met(scores: Scores, floors: Mapping[str, float]) -> list[str]:
    """The floors that `scores` falls below, as messages; [] when all are met.

    Keys are the names of `Scores.metrics()`; an unknown key raises KgError.
    """
    metrics = scores.metrics()
    failed: list[str] = []
    for key, floor in floors.items():
        if key not in metrics:
            raise KgError(f"unknown accuracy floor {key!r}; known: {', '.join(metrics)}")
        if metrics[key] < floor:
            failed.append(f"{key} = {metrics[key]:.4f} is below its floor {floor:.4f}")
    return failed


# ---------------------------------------------------------------------------- formatting


def format_scores(scores: Scores, fmt: str = "text", verbose: bool = False) -> str:
    """A text table or JSON (stable key order); with `verbose`, every error with evidence."""
    if fmt == "json":
        return json.dumps(_scores_json(scores, verbose), indent=2, ensure_ascii=False)
    if fmt == "text":
        return _scores_text(scores, verbose)
    raise KgError(f"unknown score format {fmt!r}; use 'text' or 'json'")


def _r(x: float) -> float:
    return round(x, 4)


def _counts_json(c: Counts) -> dict[str, Any]:
    return {
        "tp": c.tp,
        "fp": c.fp,
        "fn": c.fn,
        "precision": _r(c.precision),
        "recall": _r(c.recall),
        "f1": _r(c.f1),
    }


def _acc_json(a: Accuracy) -> dict[str, Any]:
    return {"correct": a.correct, "total": a.total, "accuracy": _r(a.accuracy)}


def event_dict(event: Event) -> dict[str, Any]:
    """An event in the gold file's shape (evidence left out)."""
    date = event.date.iso() if event.date is not None else None
    if isinstance(event, Launch):
        weapon = event.weapon.name if event.weapon is not None and not event.weapon.generic else None
        return {
            "type": "Launch",
            "agent": event.agent,
            "date": date,
            "weapon": weapon,
            "weapon_class": _attribute(event, "weapon_class"),
            "site": event.site,
            "outcome": event.outcome.value,
            "count": event.count,
            "factuality": event.factuality.value,
        }
    if isinstance(event, Exercise):
        return {
            "type": "Exercise",
            "participants": list(event.participants),
            "date": date,
            "name": event.name,
            "weapons": [w.name for w in event.weapons],
            "factuality": event.factuality.value,
        }
    return {
        "type": "Treaty",
        "signatories": list(event.signatories),
        "date": date,
        "name": event.name,
        "factuality": event.factuality.value,
    }


def _pred_evidence(event: Event) -> str:
    return " … ".join(m.text for m in event.evidence)


def _details_json(d: ArticleDetails) -> dict[str, Any]:
    return {
        "article": d.article_id,
        "predicted": d.predicted,
        "matched": [
            {
                "gold": event_dict(m.gold),
                "predicted": event_dict(m.predicted),
                "gold_evidence": m.gold_evidence,
                "predicted_evidence": _pred_evidence(m.predicted),
                "attributes": [
                    {"attribute": c.attribute, "gold": c.gold, "predicted": c.predicted, "correct": c.correct}
                    for c in m.checks
                ],
            }
            for m in d.matched
        ],
        "missed": [{"gold": event_dict(m.gold), "evidence": m.evidence} for m in d.missed],
        "spurious": [{"predicted": event_dict(e), "evidence": _pred_evidence(e)} for e in d.spurious],
        "uncounted": [{"predicted": event_dict(e), "evidence": _pred_evidence(e)} for e in d.uncounted],
        "states_missed": sorted(d.states_missed),
        "states_spurious": sorted(d.states_spurious),
    }


def _scores_json(scores: Scores, verbose: bool) -> dict[str, Any]:
    events = {t.value: _counts_json(scores.by_type[t]) for t in EVENT_TYPES}
    events["overall"] = _counts_json(scores.overall)
    attributes = {"overall": _acc_json(scores.attribute_accuracy)}
    attributes.update({k: _acc_json(a) for k, a in scores.attributes.items()})
    out: dict[str, Any] = {
        "events": events,
        "attributes": attributes,
        "states": _counts_json(scores.states),
        "modality_errors": {
            "count": len(scores.modality_errors),
            "errors": [
                {
                    "article": e.article_id,
                    "gold": event_dict(e.gold),
                    "gold_evidence": e.gold_evidence,
                    "predicted": event_dict(e.predicted),
                    "predicted_evidence": _pred_evidence(e.predicted),
                }
                for e in scores.modality_errors
            ],
        },
        "unscored_articles": list(scores.unscored),
    }
    if verbose:
        out["details"] = [_details_json(d) for d in scores.details]
    return out


def describe(event: Event) -> str:
    """One line a reader can recognise: 'Launch PRK 2017-03-22 missile from Wonsan ×1 failure (asserted)'."""
    date = event.date.iso() if event.date is not None else "undated"
    if isinstance(event, Launch):
        parts = [f"Launch {event.agent or '?'} {date}"]
        weapon = _attribute(event, "weapon")
        klass = _attribute(event, "weapon_class")
        parts += [str(x) for x in (weapon, klass) if x is not None]
        if event.site:
            parts.append(f"from {event.site}")
        if event.count is not None:
            parts.append(f"×{event.count}")
        parts.append(event.outcome.value)
    else:
        parties = event.participants if isinstance(event, Exercise) else event.signatories
        parts = [f"{event.type.value} {'+'.join(parties) or '(no parties)'} {date}"]
        if event.name:
            parts.append(f"“{event.name}”")
    return " ".join(parts) + f" ({event.factuality.value})"


def _row(name: str, c: Counts) -> str:
    return f"{name:<10}{c.tp:>6}{c.fp:>6}{c.fn:>6}{c.precision:>11.3f}{c.recall:>9.3f}{c.f1:>8.3f}"


def _scores_text(scores: Scores, verbose: bool) -> str:
    lines = [f"{'events':<10}{'TP':>6}{'FP':>6}{'FN':>6}{'precision':>11}{'recall':>9}{'F1':>8}"]
    lines += [_row(t.value, scores.by_type[t]) for t in EVENT_TYPES]
    lines.append(_row("overall", scores.overall))
    lines.append("")
    lines.append(f"{'attribute':<24}{'correct':>9}{'total':>7}{'accuracy':>10}")
    for key, a in [*scores.attributes.items(), ("overall", scores.attribute_accuracy)]:
        lines.append(f"{key:<24}{a.correct:>9}{a.total:>7}{a.accuracy:>10.3f}")
    lines.append("")
    lines.append(f"{'':<10}{'TP':>6}{'FP':>6}{'FN':>6}{'precision':>11}{'recall':>9}{'F1':>8}")
    lines.append(_row("states", scores.states))
    lines.append("")
    lines.append(f"modality errors: {len(scores.modality_errors)}")
    for e in scores.modality_errors:
        lines.append(f"  {e.article_id}: gold {describe(e.gold)} output as {describe(e.predicted)}")
        lines.append(f"    gold evidence: “{e.gold_evidence}”")
    if scores.unscored:
        lines.append(f"predicted articles without gold (not scored): {', '.join(scores.unscored)}")
    if verbose:
        for d in scores.details:
            lines.extend(_details_text(d))
    return "\n".join(lines) + "\n"


def _details_text(d: ArticleDetails) -> list[str]:
    mismatched = [m for m in d.matched if m.mismatches]
    if not (
        d.missed
        or d.spurious
        or mismatched
        or d.states_missed
        or d.states_spurious
        or d.modality_errors
        or d.uncounted
        or not d.predicted
    ):
        return []
    lines = ["", f"== {d.article_id}" + ("" if d.predicted else " (no prediction for this article)")]
    for miss in d.missed:
        lines.append(f"  missed    {describe(miss.gold)}")
        lines.append(f"            gold: “{miss.evidence}”")
    for e in d.spurious:
        lines.append(f"  spurious  {describe(e)}")
        if e.evidence:
            lines.append(f"            text: “{_pred_evidence(e)}”")
    for m in mismatched:
        lines.append(f"  mismatch  {describe(m.gold)}")
        lines.append(f"            predicted {describe(m.predicted)}")
        for c in m.mismatches:
            lines.append(f"            {c.attribute}: gold {c.gold!r}, predicted {c.predicted!r}")
        lines.append(f"            gold: “{m.gold_evidence}”")
        if m.predicted.evidence:
            lines.append(f"            text: “{_pred_evidence(m.predicted)}”")
    for e in d.uncounted:
        lines.append(f"  uncounted {describe(e)}")
    for me in d.modality_errors:
        lines.append(f"  modality  gold {describe(me.gold)} output as {describe(me.predicted)}")
    if d.states_missed:
        lines.append(f"  states missed: {', '.join(sorted(d.states_missed))}")
    if d.states_spurious:
        lines.append(f"  states spurious: {', '.join(sorted(d.states_spurious))}")
    return lines


# ---------------------------------------------------------------------------- gold files

_ISO3 = re.compile(r"^[A-Z]{3}$")
_COMMON_KEYS = ("type", "date", "factuality", "evidence")
_EVENT_KEYS: Mapping[str, tuple[str, ...]] = {
    "Launch": ("agent", "weapon", "weapon_class", "site", "outcome", "count"),
    "Exercise": ("participants", "name", "weapons"),
    "Treaty": ("signatories", "name"),
}


@dataclass(slots=True)
class _GoldReader:
    path: Path
    where: list[str] = field(default_factory=list)

    def fail(self, problem: str) -> NoReturn:
        where = f"{'.'.join(self.where)}: " if self.where else ""
        raise KgError(f"{self.path}: {where}{problem}")

    def opt_str(self, obj: Mapping[str, Any], key: str) -> str | None:
        value = obj[key]
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{key!r} must be a non-empty string or null, not {value!r}")
        return value

    def code(self, value: object, key: str) -> str:
        if not isinstance(value, str) or not _ISO3.match(value):
            self.fail(f"{key!r}: {value!r} is not an ISO 3166-1 alpha-3 code such as 'PRK'")
        return value

    def codes(self, obj: Mapping[str, Any], key: str) -> tuple[str, ...]:
        value = obj[key]
        if not isinstance(value, list):
            self.fail(f"{key!r} must be a list of ISO codes, not {value!r}")
        out = tuple(self.code(v, key) for v in value)
        if len(set(out)) != len(out):
            self.fail(f"{key!r} lists a code twice: {value!r}")
        return out

    def date(self, obj: Mapping[str, Any], key: str) -> PartialDate | None:
        text = self.opt_str(obj, key)
        if text is None:
            return None
        try:
            return PartialDate.from_iso(text)
        except ValueError as exc:
            self.fail(f"{key!r}: {exc}; use YYYY-MM-DD, YYYY-MM, YYYY or null")

    def enum(self, obj: Mapping[str, Any], key: str, kind: type[Factuality] | type[Outcome]) -> str:
        value = obj[key]
        allowed = [m.value for m in kind]
        if value not in allowed:
            self.fail(f"{key!r} must be one of {', '.join(allowed)}, not {value!r}")
        return str(value)

    def event(self, raw: object) -> tuple[Event, str]:
        if not isinstance(raw, dict):
            self.fail("an event must be a JSON object")
        kind = raw.get("type")
        if not isinstance(kind, str) or kind not in _EVENT_KEYS:
            self.fail(f"'type' must be Launch, Exercise or Treaty, not {kind!r}")
        expected = set(_COMMON_KEYS) | set(_EVENT_KEYS[kind])
        if missing := sorted(expected - set(raw)):
            self.fail(f"missing key(s) {', '.join(missing)} (use null or [] when the text gives none)")
        evidence = raw["evidence"]
        if not isinstance(evidence, str) or not evidence.strip():
            self.fail("'evidence' must be a non-empty quote of the article")
        date = self.date(raw, "date")
        factuality = Factuality(self.enum(raw, "factuality", Factuality))
        event: Event
        if kind == "Launch":
            agent = raw["agent"]
            count = raw["count"]
            if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 1):
                self.fail(f"'count' must be a positive integer or null, not {count!r}")
            weapon_class = self.opt_str(raw, "weapon_class")
            weapon = self.opt_str(raw, "weapon")
            event = Launch(
                agent=None if agent is None else self.code(agent, "agent"),
                weapon=WeaponRef(weapon, weapon_class) if weapon is not None else None,
                weapon_class=weapon_class,
                date=date,
                site=self.opt_str(raw, "site"),
                outcome=Outcome(self.enum(raw, "outcome", Outcome)),
                count=count,
                factuality=factuality,
                confidence=1.0,
            )
        elif kind == "Exercise":
            weapons = raw["weapons"]
            if not isinstance(weapons, list) or not all(isinstance(w, str) and w.strip() for w in weapons):
                self.fail(f"'weapons' must be a list of names, not {weapons!r}")
            event = Exercise(
                participants=self.codes(raw, "participants"),
                date=date,
                name=self.opt_str(raw, "name"),
                weapons=tuple(WeaponRef(w, None) for w in weapons),
                factuality=factuality,
                confidence=1.0,
            )
        else:
            event = Treaty(
                signatories=self.codes(raw, "signatories"),
                date=date,
                name=self.opt_str(raw, "name"),
                factuality=factuality,
                confidence=1.0,
            )
        return event, evidence


def load_gold(path: Path) -> GoldArticle:
    """Read one gold file `<id>.json` (SCHEMA.md). A malformed file raises KgError naming the
    file and what is wrong. When `<id>.txt` lies beside it, every evidence quote must be a
    substring of it. Keys the schema does not define (`url`, `dateline_from`, ...) are
    ignored, so gold files may carry notes of their own."""
    reader = _GoldReader(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise KgError(f"{path}: cannot read the gold file: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise KgError(f"{path}: not UTF-8 text: {exc.reason}") from exc
    except json.JSONDecodeError as exc:
        raise KgError(f"{path}:{exc.lineno}: not valid JSON: {exc.msg}") from exc
    if not isinstance(data, dict):
        reader.fail("a gold file must hold one JSON object")
    if missing := sorted({"id", "dateline", "states", "events"} - set(data)):
        reader.fail(f"missing key(s) {', '.join(missing)}")
    if data["id"] != path.stem:
        reader.fail(f"'id' is {data['id']!r} but the file is named {path.name!r}; they must agree")
    dateline = reader.date(data, "dateline")
    if dateline is not None and dateline.precision != "day":
        reader.fail("'dateline' must be a full date YYYY-MM-DD")
    states = reader.codes(data, "states")
    facts = data.get("facts_from", [])
    if not isinstance(facts, list) or not all(isinstance(f, str) for f in facts):
        reader.fail("'facts_from' must be a list of strings")
    if not isinstance(data["events"], list):
        reader.fail("'events' must be a list")
    events: list[Event] = []
    quotes: list[str] = []
    for i, raw in enumerate(data["events"]):
        reader.where = [f"events[{i}]"]
        event, quote = reader.event(raw)
        events.append(event)
        quotes.append(quote)
    reader.where = []
    text_path = path.with_suffix(".txt")
    if text_path.is_file():
        text = text_path.read_text(encoding="utf-8")
        for i, quote in enumerate(quotes):
            if quote not in text:
                reader.where = [f"events[{i}]"]
                reader.fail(f"'evidence' is not a substring of {text_path.name}: {quote!r}")
    return GoldArticle(
        id=path.stem,
        dateline=(dt.date(dateline.year, dateline.month or 1, dateline.day or 1) if dateline else None),
        states=frozenset(states),
        events=tuple(events),
        evidence=tuple(quotes),
        path=str(path),
    )


def load_gold_dir(directory: Path) -> list[GoldArticle]:
    """Every `<id>.json` in `directory` (sorted by id), each beside its `<id>.txt`."""
    if not directory.is_dir():
        raise KgError(f"{directory}: not a directory of gold files")
    paths = sorted(directory.glob("*.json"))
    if not paths:
        raise KgError(f"{directory}: no gold files (<id>.json beside <id>.txt) found")
    for path in paths:
        if not path.with_suffix(".txt").is_file():
            raise KgError(f"{path}: no article {path.with_suffix('.txt').name} beside this gold file")
    return [load_gold(path) for path in paths]
