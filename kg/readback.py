"""The graph read back into records, through SPARQL over the ontology contract.

`kg eval` scores what this returns, so what is measured is the RDF users get, not the
extractor's in-memory output. It runs the named queries `events` and `article-states`.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import pyoxigraph as ox

from kg.evaluate import PredictedArticle
from kg.models import (
    Event,
    Exercise,
    Factuality,
    Launch,
    Mention,
    Outcome,
    PartialDate,
    Treaty,
    WeaponRef,
)
from kg.namespaces import KGO
from kg.queries import load_query
from kg.store import GraphStore

_OUTCOMES = {
    str(KGO.Success): Outcome.SUCCESS,
    str(KGO.Failure): Outcome.FAILURE,
    str(KGO.UnknownOutcome): Outcome.UNKNOWN,
}
_FACTS = {
    str(KGO.Asserted): Factuality.ASSERTED,
    str(KGO.Claimed): Factuality.CLAIMED,
    str(KGO.Expected): Factuality.EXPECTED,
    str(KGO.Negated): Factuality.NEGATED,
}


def _value(term: ox.NamedNode | ox.Literal | ox.BlankNode | None) -> str | None:
    return None if term is None else term.value


def _codes(term: ox.Literal | None) -> tuple[str, ...]:
    return tuple(sorted(term.value.split())) if term is not None and term.value else ()


def _event(row: dict[str, str | None]) -> Event:
    date = PartialDate.from_iso(row["date"]) if row["date"] else None
    fact = _FACTS.get(row["factuality"] or "", Factuality.ASSERTED)
    conf = float(Decimal(row["confidence"])) if row["confidence"] else 0.0
    evidence = tuple(Mention(0, 0, text) for text in (row["sentences"] or "").split(" | ") if text)
    if row["type"] == "Launch":
        weapon = WeaponRef(row["weapon"], row["class"]) if row["weapon"] else None
        return Launch(
            agent=row["agent"],
            weapon=weapon,
            weapon_class=row["class"],
            date=date,
            site=row["site"],
            outcome=_OUTCOMES.get(row["outcome"] or "", Outcome.UNKNOWN),
            count=int(row["count"]) if row["count"] else None,
            factuality=fact,
            confidence=conf,
            evidence=evidence,
        )
    actors = tuple(sorted((row["actors"] or "").split()))
    if row["type"] == "Exercise":
        weapons = tuple(WeaponRef(w, None) for w in (row["weapons"] or "").split(" | ") if w)
        return Exercise(
            participants=actors,
            date=date,
            name=row["name"],
            weapons=weapons,
            factuality=fact,
            confidence=conf,
            evidence=evidence,
        )
    return Treaty(
        signatories=actors, date=date, name=row["name"], factuality=fact, confidence=conf, evidence=evidence
    )


def predicted_articles(store: GraphStore) -> dict[str, PredictedArticle]:
    """Every article in the store with its events and the states its mentions refer to."""
    events: dict[str, list[Event]] = defaultdict(list)
    q = load_query("events")
    result = store.query(q.text)
    for row in result.rows:
        values = {var: _value(term) for var, term in zip(result.variables, row, strict=True)}  # type: ignore[arg-type]
        events[values["article"] or ""].append(_event(values))
    states: dict[str, set[str]] = defaultdict(set)
    q = load_query("article-states")
    result = store.query(q.text)
    for article_id, code in result.rows:
        states[_value(article_id) or ""].add(_value(code) or "")  # type: ignore[arg-type]
    ids = set(store.article_ids())
    return {
        i: PredictedArticle(i, frozenset(states.get(i, set())), tuple(events.get(i, []))) for i in sorted(ids)
    }
