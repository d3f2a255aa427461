"""Across articles: the same real-world launch told by several articles.

Each article keeps its own event node (its graph is replaced whenever the article is rebuilt),
and `kgo:sameEventAs` links the nodes that tell one launch: same agent, the same day, and
weapons that do not contradict. The links live in their own graph (`kgr:graph/links`) and are
recomputed from the store after every build, so rebuilding or removing an article never
leaves a stale link. The named query `distinct-launches` counts real-world launches.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from rdflib import URIRef
from rdflib.term import Node

from kg.factualities import REPORTED
from kg.lexicon import Lexicon
from kg.models import PartialDate
from kg.namespaces import KGO, LINKS_GRAPH
from kg.queries import load_query
from kg.store import GraphStore

# Only launches that happened are linked: the factualities kg.factualities.REPORTED names.
COUNTED = frozenset(str(KGO[f.value.capitalize()]) for f in REPORTED)


@dataclass(frozen=True, slots=True)
class LaunchRow:
    iri: str
    article: str
    agent: str | None
    date: PartialDate | None
    weapon: str | None  # a named weapon's label, None for a generic one
    weapon_class: str | None
    factuality: str  # the factuality IRI


def same_launch(a: LaunchRow, b: LaunchRow, lexicon: Lexicon) -> bool:
    """Two launch nodes of different articles that tell the same launch."""
    if a.article == b.article or a.agent is None or a.agent != b.agent:
        return False
    if a.factuality not in COUNTED or b.factuality not in COUNTED:
        return False
    if a.date is None or b.date is None or a.date.precision != "day" or a.date != b.date:
        return False
    if a.weapon and b.weapon and a.weapon != b.weapon:
        return False
    return lexicon.classes_compatible(a.weapon_class, b.weapon_class)


def same_launches(rows: Sequence[LaunchRow], lexicon: Lexicon) -> list[tuple[str, str]]:
    """Pairs (a, b), a < b, of launch IRIs that tell the same launch (pure)."""
    by_key: dict[tuple[str | None, PartialDate | None], list[LaunchRow]] = {}
    for row in rows:
        by_key.setdefault((row.agent, row.date), []).append(row)
    pairs = []
    for bucket in by_key.values():
        for a, b in combinations(sorted(bucket, key=lambda r: r.iri), 2):
            if same_launch(a, b, lexicon):
                pairs.append((a.iri, b.iri))
    return sorted(pairs)


def link_triples(pairs: Sequence[tuple[str, str]]) -> list[tuple[URIRef, URIRef, Node]]:
    """Both directions, so a query needs no reasoner to follow a link."""
    out: list[tuple[URIRef, URIRef, Node]] = []
    for a, b in pairs:
        out.append((URIRef(a), KGO.sameEventAs, URIRef(b)))
        out.append((URIRef(b), KGO.sameEventAs, URIRef(a)))
    return out


def launch_rows(store: GraphStore) -> list[LaunchRow]:
    """The launches that can be linked, from the light named query `launch-keys`."""
    query = load_query("launch-keys")
    result = store.query(query.text)
    col = {name: i for i, name in enumerate(result.variables)}
    rows: dict[str, LaunchRow] = {}
    for row in result.rows:

        def value(name: str, row: tuple[object, ...] = row) -> str | None:
            term = row[col[name]]
            return None if term is None else str(term.value)  # type: ignore[attr-defined]

        iri = value("event") or ""
        date = value("date")
        rows.setdefault(
            iri,
            LaunchRow(
                iri=iri,
                article=value("article") or "",
                agent=value("agent"),
                date=PartialDate.from_iso(date) if date else None,
                weapon=value("weapon"),
                weapon_class=value("class"),
                factuality=value("factuality") or "",
            ),
        )
    return list(rows.values())


def relink(store: GraphStore, lexicon: Lexicon) -> int:
    """Recompute the sameEventAs graph from the store; returns the number of linked pairs."""
    pairs = same_launches(launch_rows(store), lexicon)
    store.replace_graph(LINKS_GRAPH, link_triples(pairs))
    return len(pairs)
