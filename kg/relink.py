"""The links graph: `kgo:sameEventAs` in the store, brought up to date after every build,
removal and import. Which nodes tell one event is kg.linking's (pure); this module reads them
from the store and writes the links.

The links live in their own graph (`kgr:graph/links`), apart from the article graphs, and say
which articles they were computed from, and how: `kgo:articleSetHash` on the graph's own IRI,
the hash of the ids and content hashes of the stored articles and of LINKS_SCHEME
(`articles_fingerprint`). `relink` brings them up to date in one of three ways, which give the
same graph:

- nothing is done when the links were computed from the articles the store holds and the
  build (or removal) wrote and removed nothing;
- around the articles it wrote or removed, when the links were computed from the articles the
  store held when it started and those are a small share of the store. Nodes are grouped
  within blocks (kg.linking: launches by agent and day, exercises by name and days, treaties
  by name or by parties and year), so only the blocks that held the events of those articles before
  (`Changes.writing` reads them while the store still holds them) and the blocks that hold
  their events now are grouped again, and the links of their nodes replaced, in one SPARQL
  Update with the new fingerprint. The launches of a block are read by their agent and day
  (`launch-keys` bound to them by VALUES); a block of exercises or treaties is known only
  once names are canonicalised and folded in Python, so every exercise and treaty is needed
  to find the others of a touched block: they are the rows the last build kept beside the
  store (kg.link_rows), when those were read from the articles the links were computed from,
  with the rows of the touched articles' events read again; else every exercise and treaty
  is read. Only the touched blocks are grouped;
- every link is computed again from every event otherwise: a build killed between its
  articles and its links, an import, a large share of the store written, or articles replaced
  or removed without what they held being read first.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import suppress
from dataclasses import astuple, dataclass, field, replace
from functools import cache
from typing import TypeVar

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.errors import StoreError
from kg.lexicon import Lexicon
from kg.link_rows import ASIDE, KeptRows, dump_rows, load_rows
from kg.linking import (
    ExerciseRow,
    ExerciseSpot,
    LaunchKey,
    LaunchRow,
    TreatyKey,
    TreatyRow,
    exercise_groups,
    exercise_pieces,
    exercise_spot,
    launch_block,
    launch_groups,
    link_triples,
    links,
    spots_near,
    treaty_blocks,
    treaty_groups,
    treaty_keys,
)
from kg.models import EventType, PartialDate
from kg.namespaces import KGO, LINKS_GRAPH
from kg.queries import load_query
from kg.rdf import article_iri, date_from_literal, date_literal
from kg.remote import bind_rows
from kg.store import GraphStore, OxTerm, QueryResult, data_update, from_ox

#: Links are updated around the articles a build touched when they are at most a quarter of
#: the store (and a few, for small stores); past that, reading every event again is as cheap.
INCREMENTAL_SHARE = 0.25
#: Events (or graphs, or days) bound in one query (VALUES) when reading a few of them.
CHUNK = 500

T = TypeVar("T", LaunchRow, ExerciseRow, TreatyRow)

_LAUNCH, _EXERCISE, _TREATY = (t.value for t in (EventType.LAUNCH, EventType.EXERCISE, EventType.TREATY))

_RECORDED = f"SELECT ?hash WHERE {{ GRAPH <{LINKS_GRAPH}> {{ <{LINKS_GRAPH}> kgo:articleSetHash ?hash }} }}"
# The groups, by type: each group's first node is linked to the others, all greater than it.
_GROUPS = f"""
SELECT ?class (COUNT(?first) AS ?n) WHERE {{
  {{ SELECT DISTINCT ?first WHERE {{
      GRAPH <{LINKS_GRAPH}> {{ ?first kgo:sameEventAs ?other }} FILTER (STR(?first) < STR(?other)) }} }}
  ?first a ?class .
  VALUES ?class {{ kgo:Launch kgo:Exercise kgo:Treaty }}
}}
GROUP BY ?class
"""
# Bound to article graphs (VALUES ?g): their events of the linked types.
_EVENTS_OF = (
    "SELECT DISTINCT ?event WHERE { GRAPH ?g { ?event a ?class } "
    "FILTER (?class IN (kgo:Launch, kgo:Exercise, kgo:Treaty)) }"
)
# Bound to events (VALUES ?a): the links that start from them.
_LINKS_OF = f"SELECT ?a ?b WHERE {{ GRAPH <{LINKS_GRAPH}> {{ ?a kgo:sameEventAs ?b }} }}"
# Bound to (ISO code, day) pairs (VALUES (?agent ?date)): the launches of that agent on that day.
_SAME_DAY = (
    "SELECT DISTINCT ?event WHERE { ?event kgo:date ?date ; kgo:agent/kgo:isoCode ?agent ; a kgo:Launch }"
)


# --- reading the store --------------------------------------------------------------------


def _results(store: GraphStore, name: str, events: Iterable[str] | None) -> Iterator[QueryResult]:
    """The results of the named query `name`, its rows in no order: all of them, or those of
    `events` (IRIs bound to ?event by VALUES, CHUNK at a time). The readers below do not depend
    on the order of the rows, and sorting them is most of what the keys queries take (1 s of
    2 s for `treaty-keys` on a 10,000-article store): their ORDER BY, the last line of each
    (tests/contract/test_named_queries.py), is left out."""
    text = _unordered(load_query(name).text)
    if events is None:
        yield store.query(text)
        return
    wanted = [(ox.NamedNode(e),) for e in sorted(set(events))]
    for i in range(0, len(wanted), CHUNK):
        yield store.query(bind_rows(text, ["event"], wanted[i : i + CHUNK]))


def _unordered(text: str) -> str:
    head, _, last = text.rstrip().rpartition("\n")
    return head if last.startswith("ORDER BY ") else text


def _text(term: OxTerm | None) -> str | None:
    return None if term is None else str(term.value)  # type: ignore[union-attr]


def _date(term: OxTerm | None) -> PartialDate | None:
    """A date literal of any precision; None for one that is not (a graph made by another tool)."""
    return _parsed_date(term.value, term.datatype.value) if isinstance(term, ox.Literal) else None


@cache
def _parsed_date(value: str, datatype: str) -> PartialDate | None:
    try:
        return date_from_literal(Literal(value, datatype=URIRef(datatype)))
    except ValueError:
        return None


def _columns(result: QueryResult, *names: str) -> list[int]:
    return [result.variables.index(name) for name in names]


def _keep_least(rows: dict[str, T], row: T) -> None:
    """Keep for each node the least of its rows (by their fields in order, unset first), so that
    a node given two names, dates or weapons (not by kg) reads alike whatever the rows' order."""
    kept = rows.get(row.iri)
    if kept is None or (row != kept and _order(row) < _order(kept)):
        rows[row.iri] = row


def _order(row: LaunchRow | ExerciseRow | TreatyRow) -> tuple[tuple[bool, str], ...]:
    return tuple((value is not None, "" if value is None else str(value)) for value in astuple(row))


def launch_rows(store: GraphStore, events: Iterable[str] | None = None) -> list[LaunchRow]:
    """The launches that can be linked, from the light named query `launch-keys`: all, or those
    of `events`."""
    rows: dict[str, LaunchRow] = {}
    for result in _results(store, "launch-keys", events):
        e, a, g, d, w, c, f = _columns(
            result, "event", "article", "agent", "date", "weapon", "class", "factuality"
        )
        for t in result.rows:
            row = LaunchRow(
                _text(t[e]) or "",
                _text(t[a]) or "",
                _text(t[g]),
                _date(t[d]),
                _text(t[w]),
                _text(t[c]),
                _text(t[f]) or "",
            )
            _keep_least(rows, row)
    return list(rows.values())


def exercise_rows(store: GraphStore, events: Iterable[str] | None = None) -> list[ExerciseRow]:
    """The named exercises that can be linked, from the light named query `exercise-keys` (one
    row per participant: their codes are gathered): all, or those of `events`."""
    rows: dict[str, ExerciseRow] = {}
    read: dict[str, tuple[OxTerm | None, ...]] = {}  # the terms of the row kept, not to read it again
    codes: dict[str, set[str]] = {}
    for result in _results(store, "exercise-keys", events):
        e, a, n, d, f, dl, p = _columns(
            result, "event", "article", "name", "date", "factuality", "dateline", "participant"
        )
        for t in result.rows:
            iri, terms = _text(t[e]) or "", (t[a], t[n], t[d], t[f], t[dl])
            if read.get(iri) != terms:
                row = ExerciseRow(
                    iri,
                    _text(t[a]) or "",
                    _text(t[n]) or "",
                    _date(t[d]),
                    frozenset(),
                    _text(t[f]) or "",
                    _date(t[dl]),
                )
                _keep_least(rows, row)
                if rows[iri] is row:
                    read[iri] = terms
            if (code := _text(t[p])) is not None:
                codes.setdefault(iri, set()).add(code)
    return [replace(row, participants=frozenset(codes.get(iri, ()))) for iri, row in rows.items()]


def treaty_rows(store: GraphStore, events: Iterable[str] | None = None) -> list[TreatyRow]:
    """The treaties that can be linked, from the light named query `treaty-keys` (one row per
    signatory: their codes are gathered): all, or those of `events`."""
    rows: dict[str, TreatyRow] = {}
    read: dict[str, tuple[OxTerm | None, ...]] = {}  # the terms of the row kept, not to read it again
    codes: dict[str, set[str]] = {}
    for result in _results(store, "treaty-keys", events):
        e, a, n, d, f, s = _columns(result, "event", "article", "name", "date", "factuality", "signatory")
        for t in result.rows:
            iri, terms = _text(t[e]) or "", (t[a], t[n], t[d], t[f])
            if read.get(iri) != terms:
                row = TreatyRow(
                    iri, _text(t[a]) or "", _text(t[n]), _date(t[d]), frozenset(), _text(t[f]) or ""
                )
                _keep_least(rows, row)
                if rows[iri] is row:
                    read[iri] = terms
            if (code := _text(t[s])) is not None:
                codes.setdefault(iri, set()).add(code)
    return [replace(row, parties=frozenset(codes.get(iri, ()))) for iri, row in rows.items()]


def _events(
    store: GraphStore, sparql: str, variables: list[str], rows: Sequence[tuple[Node, ...]]
) -> set[str]:
    """The IRIs of the first column of `sparql` bound to `rows` (VALUES, CHUNK at a time)."""
    out: set[str] = set()
    for i in range(0, len(rows), CHUNK):
        result = store.query(bind_rows(sparql, variables, rows[i : i + CHUNK]))
        out |= {str(row[0].value) for row in result.rows if row[0] is not None}  # type: ignore[union-attr]
    return out


def events_of(store: GraphStore, article_ids: Iterable[str]) -> set[str]:
    """The launches, exercises and treaties the store holds in the graphs of these articles."""
    return _events(store, _EVENTS_OF, ["g"], [(article_iri(a),) for a in sorted(set(article_ids))])


# --- blocks -------------------------------------------------------------------------------


@dataclass
class Blocks:
    """Events, and the blocks they are in (kg.linking): what `relink` updates the links around."""

    events: set[str] = field(default_factory=set)
    launches: set[LaunchKey] = field(default_factory=set)
    exercises: set[ExerciseSpot] = field(default_factory=set)  # exercise_spot
    treaties: set[TreatyKey] = field(default_factory=set)  # treaty_keys

    def update(self, other: Blocks) -> None:
        self.events |= other.events
        self.launches |= other.launches
        self.exercises |= other.exercises
        self.treaties |= other.treaties


@dataclass
class Rows:
    """The rows of some events, as the keys queries read them."""

    launches: list[LaunchRow] = field(default_factory=list)
    exercises: list[ExerciseRow] = field(default_factory=list)
    treaties: list[TreatyRow] = field(default_factory=list)

    @classmethod
    def read(cls, store: GraphStore, events: Collection[str]) -> Rows:
        if not events:
            return cls()
        return cls(launch_rows(store, events), exercise_rows(store, events), treaty_rows(store, events))

    def blocks(self, lexicon: Lexicon, events: Collection[str]) -> Blocks:
        """The blocks these rows are in; `events`, the events they were read for."""
        return Blocks(
            events=set(events),
            launches={launch_block(r) for r in self.launches},
            exercises={exercise_spot(r, lexicon) for r in self.exercises},
            treaties={k for r in self.treaties for k in treaty_keys(r, lexicon)},
        )


def blocks_of(store: GraphStore, lexicon: Lexicon, events: Collection[str]) -> Blocks:
    """The blocks of the linkable ones among `events` (read through the keys queries)."""
    return Rows.read(store, events).blocks(lexicon, events)


def _launches_in(store: GraphStore, keys: set[LaunchKey]) -> list[LaunchRow]:
    """Every launch of the blocks `keys` (agent, day), and of the blocks of the launches read
    (a launch given two agents or days is read by either), until no block is added."""
    rows: dict[str, LaunchRow] = {}
    wanted, done = set(keys), set[LaunchKey]()
    while pending := {key for key in wanted - done if key[0] and key[1]}:
        done |= pending
        days: list[tuple[Node, ...]] = sorted(
            ((Literal(agent), date_literal(day)) for agent, day in pending if agent and day), key=str
        )
        for row in launch_rows(store, _events(store, _SAME_DAY, ["agent", "date"], days) - rows.keys()):
            rows[row.iri] = row
            wanted.add(launch_block(row))
    return list(rows.values())


def _exercises_in(lexicon: Lexicon, spots: set[ExerciseSpot], rows: list[ExerciseRow]) -> list[ExerciseRow]:
    """Every exercise of the blocks (kg.linking.exercise_pieces, over every exercise: `rows`)
    that hold an exercise near any of `spots`; those of other blocks left out."""
    if not spots:
        return []
    where = {row.iri: exercise_spot(row, lexicon) for row in rows}
    piece = exercise_pieces(where)
    by_name: dict[str, list[ExerciseSpot]] = {}
    for spot in spots:
        by_name.setdefault(spot[0], []).append(spot)
    touched = {
        piece[iri]
        for iri, spot in where.items()
        if any(spots_near(spot, s) for s in by_name.get(spot[0], ()))
    }
    return [row for row in rows if piece[row.iri] in touched]


def _treaties_in(lexicon: Lexicon, keys: set[TreatyKey], rows: list[TreatyRow]) -> list[TreatyRow]:
    """Every treaty of the blocks (kg.linking.treaty_blocks, over every treaty: `rows`) that hold
    any of the keys `keys`; those of other blocks left out."""
    if not keys:
        return []
    block_of = treaty_blocks(rows, lexicon)
    touched = {block_of[row.iri] for row in rows if keys.intersection(treaty_keys(row, lexicon))}
    return [row for row in rows if block_of[row.iri] in touched]


# --- the links graph ----------------------------------------------------------------------


#: What the links are made by (kg.linking's rules, groups and links); change it when they
#: change, so that a store whose links were made otherwise has them all computed again, though
#: none of its articles changed ("kg-links-1": main's pairs of launches). It is in the
#: fingerprint the rows kept beside the store carry (kg.link_rows), so a change of the keys
#: queries, which says what a row holds, must change it too.
LINKS_SCHEME = "kg-links-2"


def articles_fingerprint(hashes: Mapping[str, str | None]) -> str:
    """SHA-256 (hex) of the articles' ids and content hashes (`GraphStore.article_hashes`), and
    of LINKS_SCHEME."""
    text = json.dumps([LINKS_SCHEME, sorted(hashes.items())], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Changes:
    """The articles a build (or removal) writes or removes, and the blocks their stored events
    were in, read before each is written or removed (`writing`): what `relink` needs to update
    the links around them. Past INCREMENTAL_SHARE of the store, they are no longer read (the
    links will be computed again from every event)."""

    def __init__(self, store: GraphStore, lexicon: Lexicon, stored: Mapping[str, str | None]) -> None:
        self.articles: set[str] = set()
        self.held: Blocks | None = Blocks()  # None: not read, relink computes every link
        self._store, self._lexicon, self._stored = store, lexicon, stored
        self._read: set[str] = set()
        self._limit = INCREMENTAL_SHARE * len(stored) + 2

    def writing(self, article_ids: Collection[str], soon: Iterable[str] = ()) -> None:
        """Call before writing or removing the articles `article_ids`. `soon` names articles that
        may be written next: what the stored ones of them held is read in the same queries, so
        that a build that changes many articles reads a batch at a time, not one by one (reading
        one that is not written after all only makes `relink` group more blocks)."""
        self.articles.update(article_ids)
        if self.held is None:
            return
        if len(self.articles) > self._limit:
            self.held = None
            return
        wanted = [a for a in dict.fromkeys(article_ids) if a in self._stored and a not in self._read]
        if not wanted:
            return
        ahead = [a for a in soon if a in self._stored and a not in self._read and a not in wanted]
        batch = wanted + ahead[: max(0, CHUNK - len(wanted))]
        self._read.update(batch)
        self.held.update(blocks_of(self._store, self._lexicon, events_of(self._store, batch)))


def relink(
    store: GraphStore,
    lexicon: Lexicon,
    *,
    before: Mapping[str, str | None] | None = None,
    touched: Collection[str] = (),
    held: Blocks | None = None,
) -> dict[str, int]:
    """Bring the sameEventAs graph up to date with the store; returns, by event type ("Launch",
    "Exercise", "Treaty"), how many events told by more than one article are linked.

    `before` is what the store held when the build (or removal) started ({article id: content
    hash}, `GraphStore.article_hashes`), `touched` the ids of the articles it wrote or removed
    since, and `held` the blocks of the events those of them in `before` held (`Changes`). When
    the links graph was computed from `before` and `touched` is a small share of the store, only
    the blocks around the touched articles are grouped again; else, or without `before`, or
    without `held` when an article of `before` was touched, every link is computed again. The
    result is the same graph."""
    after = store.article_hashes()
    fingerprint = articles_fingerprint(after)
    recorded = _recorded(store)
    if before is not None and recorded is not None and recorded == articles_fingerprint(before):
        if not touched and recorded == fingerprint:
            return _groups(store)  # nothing was written or removed: the links are those of the store
        replaced = any(article_id in before for article_id in touched)
        small = len(touched) <= INCREMENTAL_SHARE * len(after) + 2
        if touched and small and (held is not None or not replaced):
            return _relink_around(store, lexicon, touched, held or Blocks(), recorded, fingerprint)
    # a store left with no article (all removed) has no rows to read
    exercises, treaties = (exercise_rows(store), treaty_rows(store)) if after else ([], [])
    found = {
        _LAUNCH: launch_groups(launch_rows(store) if after else [], lexicon),
        _EXERCISE: exercise_groups(exercises, lexicon),
        _TREATY: treaty_groups(treaties, lexicon),
    }
    triples = link_triples(links([g for gs in found.values() for g in gs]))
    triples.append((LINKS_GRAPH, KGO.articleSetHash, Literal(fingerprint)))
    if set(triples) != _stored_links(store):  # a build that changes no link writes none
        store.replace_graph(LINKS_GRAPH, triples)
    _keep(store, KeptRows.of(fingerprint, exercises, treaties))
    return {kind: len(gs) for kind, gs in found.items() if gs}


def _relink_around(
    store: GraphStore,
    lexicon: Lexicon,
    touched: Collection[str],
    held: Blocks,
    recorded: str,
    fingerprint: str,
) -> dict[str, int]:
    """The groups of the blocks around the `touched` articles formed again, and their links
    written in one SPARQL Update (with the new fingerprint): the blocks their events were in
    (`held`) and are in now; the links that start from a node of those blocks, or from an event
    the touched articles held, are dropped, and those of the blocks' groups added. Every
    exercise and treaty is needed to find the others of a block: they are the rows kept beside
    the store (kg.link_rows) when those were read from the articles the links were computed
    from, with the rows of the events the touched articles hold or held read again; else all
    are read from the store. Either way they are kept for the next build."""
    now = events_of(store, touched)
    ours = now | held.events  # those held and no more are read again: another graph may hold one
    read = Rows.read(store, ours)
    blocks = read.blocks(lexicon, now)
    blocks.update(held)
    kept = load_rows(store.read_aside(ASIDE), recorded)
    if kept is None:
        every = KeptRows.of(fingerprint, exercise_rows(store), treaty_rows(store))
    else:
        every = KeptRows.of(
            fingerprint,
            [row for iri, row in kept.exercises.items() if iri not in ours] + read.exercises,
            [row for iri, row in kept.treaties.items() if iri not in ours] + read.treaties,
        )
    launches = _launches_in(store, blocks.launches)
    exercises = _exercises_in(lexicon, blocks.exercises, list(every.exercises.values()))
    treaties = _treaties_in(lexicon, blocks.treaties, list(every.treaties.values()))
    found = [
        *launch_groups(launches, lexicon),
        *exercise_groups(exercises, lexicon),
        *treaty_groups(treaties, lexicon),
    ]
    grouped = {row.iri for row in launches} | {row.iri for row in exercises} | {row.iri for row in treaties}
    nodes = sorted(blocks.events | grouped)
    stale: set[tuple[str, str]] = set()
    for i in range(0, len(nodes), CHUNK):
        sparql = bind_rows(_LINKS_OF, ["a"], [(ox.NamedNode(e),) for e in nodes[i : i + CHUNK]])
        for a, b in store.query(sparql).rows:
            if a is not None and b is not None:
                stale |= {(str(a.value), str(b.value)), (str(b.value), str(a.value))}  # type: ignore[union-attr]
    wanted = {pair for a, b in links(found) for pair in ((a, b), (b, a))}  # both ways, as link_triples
    removed: list[tuple[Node, Node, Node]] = [
        (URIRef(a), KGO.sameEventAs, URIRef(b)) for a, b in sorted(stale - wanted)
    ]
    added: list[tuple[Node, Node, Node]] = [
        (URIRef(a), KGO.sameEventAs, URIRef(b)) for a, b in sorted(wanted - stale)
    ]
    if recorded != fingerprint:
        removed.append((LINKS_GRAPH, KGO.articleSetHash, Literal(recorded)))
        added.append((LINKS_GRAPH, KGO.articleSetHash, Literal(fingerprint)))
    if removed or added:
        store.update(data_update(LINKS_GRAPH, removed, added))
    _keep(store, every)  # after the links: a build killed in between leaves rows no build uses
    return _groups(store)


def _keep(store: GraphStore, rows: KeptRows) -> None:
    """Keep the rows beside the store for the next build (kg.link_rows). They only spare it
    reading every exercise and treaty: a folder that cannot be written to leaves the file
    there was, whose fingerprint no build will match."""
    with suppress(StoreError):
        store.write_aside(ASIDE, dump_rows(rows))


def _recorded(store: GraphStore) -> str | None:
    rows = store.query(_RECORDED).rows
    values = {str(row[0].value) for row in rows if row[0] is not None}  # type: ignore[union-attr]
    return values.pop() if len(values) == 1 else None


def _groups(store: GraphStore) -> dict[str, int]:
    """The groups of linked events in the links graph, by type."""
    out = {}
    for kind, n in store.query(_GROUPS).rows:
        if kind is not None and n is not None:
            out[str(kind.value).rpartition("#")[2]] = int(str(n.value))  # type: ignore[union-attr]
    return dict(sorted(out.items()))


def _stored_links(store: GraphStore) -> set[tuple[Node, Node, Node]]:
    """The triples of the links graph: its links and its fingerprint."""
    result = store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{LINKS_GRAPH}> {{ ?s ?p ?o }} }}")
    return {(from_ox(s), from_ox(p), from_ox(o)) for s, p, o in result.rows if s and p and o}


__all__ = [
    "INCREMENTAL_SHARE",
    "LINKS_SCHEME",
    "Blocks",
    "Changes",
    "articles_fingerprint",
    "blocks_of",
    "events_of",
    "exercise_rows",
    "launch_rows",
    "relink",
    "treaty_rows",
]
