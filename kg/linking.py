"""Across articles: the same real-world launch told by several articles.

Each article keeps its own event node (its graph is replaced whenever the article is rebuilt),
and `kgo:sameEventAs` links the nodes that tell one launch: same agent, the same day, and
weapons that do not contradict. The links live in their own graph (`kgr:graph/links`) and are
brought up to date from the store after every build and removal, so rebuilding or removing an
article never leaves a stale link. The named query `distinct-launches` counts real-world launches.

`relink` does it in one of two ways, which give the same graph:

- around the articles the build wrote or removed: only launches of the same agent on the same day
  can be the same event, so their launches and the launches that share a day and an agent with
  them are read again (`launch-keys`, bound to those launches); the links that touch their old or
  new launches are dropped and the pairs among the launches read are added, in one update;
- from every launch of the store, when the links were not computed from the articles the build
  started from (a build killed before its links were made, an import), or when the build wrote a
  large share of the store.

The links graph says which articles its links were computed from: `kgo:articleSetHash` on its
own IRI, the hash of the ids and content hashes of the stored articles (`articles_fingerprint`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.factualities import REPORTED
from kg.lexicon import Lexicon
from kg.models import PartialDate
from kg.namespaces import KGO, LINKS_GRAPH
from kg.queries import load_query
from kg.rdf import article_iri, date_literal, state_iri
from kg.remote import bind_rows
from kg.store import GraphStore, data_update

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


#: Links are updated around the articles a build touched when they are at most a quarter of
#: the store (and a few, for small stores); past that, reading every launch again is as cheap.
INCREMENTAL_SHARE = 0.25
#: Launches bound in one query (VALUES) when reading a few of them.
CHUNK = 500

_EVENT = "event"
_RECORDED = f"SELECT ?hash WHERE {{ GRAPH <{LINKS_GRAPH}> {{ <{LINKS_GRAPH}> kgo:articleSetHash ?hash }} }}"
_COUNT = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{LINKS_GRAPH}> {{ ?a kgo:sameEventAs ?b }} }}"
# Bound to the graphs of the touched articles (VALUES ?g): their launches, of any kind.
_LAUNCHES_OF = "SELECT DISTINCT ?event WHERE { GRAPH ?g { ?event a kgo:Launch } }"
# The launches linked to something that is no launch any more (its article was changed or removed).
# (MINUS over the union default graph: 0.13 s on a 10,000-article store, FILTER NOT EXISTS 0.9 s.)
_DANGLING = (
    f"SELECT DISTINCT ?event WHERE {{ GRAPH <{LINKS_GRAPH}> {{ ?event kgo:sameEventAs ?other }} "
    "MINUS { ?event a kgo:Launch } }"
)
# Bound to launches (VALUES ?a): the links that start from them.
_LINKS_OF = f"SELECT ?a ?b WHERE {{ GRAPH <{LINKS_GRAPH}> {{ ?a kgo:sameEventAs ?b }} }}"
# Bound to (state, day) pairs (VALUES (?state ?date)): the launches of that agent on that day.
_SAME_DAY = "SELECT DISTINCT ?event WHERE { ?event kgo:date ?date ; kgo:agent ?state ; a kgo:Launch }"


def articles_fingerprint(hashes: Mapping[str, str | None]) -> str:
    """SHA-256 (hex) of the articles' ids and content hashes (`GraphStore.article_hashes`)."""
    text = json.dumps(sorted(hashes.items()), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def launch_rows(store: GraphStore, events: Iterable[str] | None = None) -> list[LaunchRow]:
    """The launches that can be linked, from the light named query `launch-keys`: all of them,
    or those of `events` (IRIs), read CHUNK at a time."""
    query = load_query("launch-keys")
    if events is None:
        return _rows(store, query.text)
    wanted = sorted(set(events))
    rows: list[LaunchRow] = []
    for i in range(0, len(wanted), CHUNK):
        bound = bind_rows(query.text, [_EVENT], [(URIRef(e),) for e in wanted[i : i + CHUNK]])
        rows += _rows(store, bound)
    return rows


def _rows(store: GraphStore, sparql: str) -> list[LaunchRow]:
    result = store.query(sparql)
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


def relink(
    store: GraphStore,
    lexicon: Lexicon,
    *,
    before: Mapping[str, str | None] | None = None,
    touched: Collection[str] = (),
) -> int:
    """Bring the sameEventAs graph up to date with the store; returns the number of linked pairs.

    `before` is what the store held when the build (or removal) started ({article id: content
    hash}, `GraphStore.article_hashes`) and `touched` the ids of the articles it wrote or removed
    since. When the links graph was computed from `before` and `touched` is a small share of the
    store, only the links around the touched articles are updated (see the module doc); else,
    or without `before`, every link is computed again. The result is the same graph."""
    after = store.article_hashes()
    fingerprint = articles_fingerprint(after)
    recorded = _recorded(store)
    if before is not None and recorded is not None and recorded == articles_fingerprint(before):
        if not touched and recorded == fingerprint:
            return _count(store)  # nothing was written or removed: the links are those of the store
        if len(touched) <= INCREMENTAL_SHARE * len(after) + 2:
            replaced = any(article_id in before for article_id in touched)
            return _relink_around(store, lexicon, touched, replaced, recorded, fingerprint)
    pairs = same_launches(launch_rows(store), lexicon)
    mark = (LINKS_GRAPH, KGO.articleSetHash, Literal(fingerprint))
    store.replace_graph(LINKS_GRAPH, [*link_triples(pairs), mark])
    return len(pairs)


def _relink_around(
    store: GraphStore,
    lexicon: Lexicon,
    touched: Collection[str],
    replaced: bool,
    recorded: str,
    fingerprint: str,
) -> int:
    """The links updated around the `touched` articles, in one SPARQL Update (with the new
    fingerprint): a link is dropped when either end is a launch of a touched article, or was a
    launch and is none any more (looked for only when a touched article was `replaced` or
    removed: new articles take no launch away); the pairs among the touched articles' launches
    and the launches of the same agent on the same day are added."""
    graphs = [(article_iri(article_id),) for article_id in sorted(touched)]
    ours: set[str] = set()
    for i in range(0, len(graphs), CHUNK):
        ours |= _events(store, bind_rows(_LAUNCHES_OF, ["g"], graphs[i : i + CHUNK]))
    dropped = sorted(ours | (_events(store, _DANGLING) if replaced else set()))
    stale: set[tuple[str, str]] = set()
    for i in range(0, len(dropped), CHUNK):
        sparql = bind_rows(_LINKS_OF, ["a"], [(URIRef(e),) for e in dropped[i : i + CHUNK]])
        for a, b in store.query(sparql).rows:
            if a is not None and b is not None:
                stale |= {(str(a.value), str(b.value)), (str(b.value), str(a.value))}  # type: ignore[union-attr]
    keys = sorted({(r.agent, r.date) for r in launch_rows(store, ours) if r.agent and r.date})
    days = [(state_iri(agent), date_literal(day)) for agent, day in keys]
    around = set(ours)
    for i in range(0, len(days), CHUNK):
        around |= _events(store, bind_rows(_SAME_DAY, ["state", "date"], days[i : i + CHUNK]))
    added = link_triples(same_launches(launch_rows(store, around), lexicon))
    kept = {(str(s), str(o)) for s, _, o in added}
    gone = sorted(stale - kept)
    removed: list[tuple[Node, Node, Node]] = [(URIRef(a), KGO.sameEventAs, URIRef(b)) for a, b in gone]
    removed.append((LINKS_GRAPH, KGO.articleSetHash, Literal(recorded)))
    marked = [*added, (LINKS_GRAPH, KGO.articleSetHash, Literal(fingerprint))]
    store.update(data_update(LINKS_GRAPH, removed, marked))
    return _count(store)


def _events(store: GraphStore, sparql: str) -> set[str]:
    return {str(row[0].value) for row in store.query(sparql).rows if row[0] is not None}  # type: ignore[union-attr]


def _recorded(store: GraphStore) -> str | None:
    rows = store.query(_RECORDED).rows
    values = {str(row[0].value) for row in rows if row[0] is not None}  # type: ignore[union-attr]
    return values.pop() if len(values) == 1 else None


def _count(store: GraphStore) -> int:
    value = store.query(_COUNT).rows[0][0]
    return int(str(value.value)) // 2 if value is not None else 0  # type: ignore[union-attr]


__all__ = [
    "INCREMENTAL_SHARE",
    "LaunchRow",
    "articles_fingerprint",
    "launch_rows",
    "link_triples",
    "relink",
    "same_launch",
    "same_launches",
]
