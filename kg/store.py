"""The embedded persistent store (pyoxigraph on RocksDB). The `store` arrow of the pipeline.

    ... -> rdf (triples with provenance) -> store -> query / export / validate / view / evaluate

One named graph per article (named by the article IRI), plus the shared ontology, States,
Weapons, Places, Runs and links graphs. Re-reading an article replaces exactly its graph,
atomically: the removal of the old graph, the insertion of the new one and the addition of
the shared nodes it uses (places, its run) are ONE SPARQL Update request, and Oxigraph runs
a whole update request in one storage transaction (`Store::update_opt` wraps
`evaluate_update` in `storage.transaction`), so a reader sees either the old graph or the new
one, and a failure leaves the old one in place (tests/contract/test_store.py checks this).
Shared nodes that no article uses any more are removed by `prune_shared` after a build.

Queries see the union of all graphs as their default graph, with the project prefixes declared.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, Literal, Protocol, TypeAlias

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.term import Node

from kg import resources
from kg.errors import KgError, QueryError, StoreError
from kg.lexicon import Lexicon
from kg.namespaces import ONTOLOGY_GRAPH, PLACES_GRAPH, PREFIXES, RUNS_GRAPH, XSD
from kg.rdf import article_iri, reference_graphs
from kg.sparql_errors import explain

OxTerm: TypeAlias = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
RdfTriple: TypeAlias = tuple[Node, Node, Node]

DEFAULT_LOCATION = "kg-store"
ENV_VAR = "KG_STORE"

_XSD_STRING = str(XSD.string)
_UNPROJECTED = re.compile(r"does not contains? variable \?(\w+) in its SELECT projection")
_UNION = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ttl": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "json-ld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "nq": ox.RdfFormat.N_QUADS,
}
EXPORT_FORMATS = tuple(_FORMATS)

# Resolved paths this process holds open read-write (RocksDB allows one writer per folder).
_OPEN_FOR_WRITING: set[Path] = set()

# Quads written between two flushes of the write buffers (bounds the memory of a long build).
FLUSH_EVERY = 100_000


# Removes the places and runs that no article graph refers to any more (an article read again
# with another site, or removed). One update; GRAPH ?g, so it needs no union default graph.
PRUNE_SHARED = f"""
PREFIX kgo: <https://w3id.org/kgnews/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
DELETE {{ GRAPH <{PLACES_GRAPH}> {{ ?node ?p ?o }} }}
WHERE {{ GRAPH <{PLACES_GRAPH}> {{ ?node ?p ?o }}
        FILTER NOT EXISTS {{ GRAPH ?g {{ ?event kgo:site ?node }} }} }} ;
DELETE {{ GRAPH <{RUNS_GRAPH}> {{ ?node ?p ?o }} }}
WHERE {{ GRAPH <{RUNS_GRAPH}> {{ ?node ?p ?o }}
        FILTER NOT EXISTS {{ GRAPH ?g {{ ?x prov:wasGeneratedBy ?node }} }} }}
"""

# Each stored article's id and content hash (kg.rdf.content_hash; unbound when it has none): what
# `kg build` compares to skip the articles that have not changed.
ARTICLE_HASHES = """
SELECT ?id ?hash WHERE {
  GRAPH ?g { ?g a kgo:Article ; dcterms:identifier ?id OPTIONAL { ?g kgo:contentHash ?hash } }
}
"""


def hashes_of(result: QueryResult) -> dict[str, str | None]:
    """The rows of ARTICLE_HASHES as {article id: content hash or None}."""
    out: dict[str, str | None] = {}
    for article_id, digest in result.rows:
        if isinstance(article_id, ox.Literal):
            out[article_id.value] = digest.value if isinstance(digest, ox.Literal) else None
    return out


# --- term conversion --------------------------------------------------------------------


def to_ox(term: Node) -> OxTerm:
    """An rdflib term as a pyoxigraph term (typed literals keep their datatype)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, RdfLiteral):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=_named_node(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot store {term!r} ({type(term).__name__}) as an RDF term")


@lru_cache(maxsize=4096)
def _named_node(iri: str) -> ox.NamedNode:
    """The pyoxigraph IRI, made once while it is in use: the predicates, classes, datatypes
    and shared nodes recur in every article graph, and a NamedNode checks its IRI when made."""
    return ox.NamedNode(iri)


def from_ox(term: OxTerm) -> Node:
    """A pyoxigraph term as an rdflib term; xsd:string literals come back without a datatype."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return RdfLiteral(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return RdfLiteral(term.value)
        return RdfLiteral(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"no rdflib equivalent for {term!r}")


_OX_TERMS = (ox.NamedNode, ox.BlankNode, ox.Literal, ox.Triple)


def _as_ox(term: Node | OxTerm) -> OxTerm:
    if type(term) is URIRef:  # most terms of an article graph: first, and without a new NamedNode
        return _named_node(str(term))
    if isinstance(term, _OX_TERMS):
        return term
    return to_ox(term)


# --- query results ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QueryResult:
    """The result of `Store.query`, materialized.

    SELECT: `variables` and one row per solution (None where a variable is unbound).
    ASK: `boolean`. CONSTRUCT/DESCRIBE: rows of (subject, predicate, object).
    Terms are pyoxigraph terms; `from_ox` converts one to rdflib.
    """

    kind: Literal["select", "ask", "construct"]
    variables: tuple[str, ...] = ()
    rows: list[tuple[OxTerm | None, ...]] = field(default_factory=list)
    boolean: bool | None = None

    def __iter__(self) -> Iterator[tuple[OxTerm | None, ...]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def _materialize(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> QueryResult:
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(result))
    if isinstance(result, ox.QueryTriples):
        rows: list[tuple[OxTerm | None, ...]] = [(t.subject, t.predicate, t.object) for t in result]
        return QueryResult("construct", ("subject", "predicate", "object"), rows)
    variables = tuple(v.value for v in result.variables)
    width = range(len(variables))
    return QueryResult("select", variables, [tuple(solution[i] for i in width) for solution in result])


# --- the store --------------------------------------------------------------------------


def _sparql_triples(triples: Iterable[tuple[Node | OxTerm, Node | OxTerm, Node | OxTerm]]) -> str:
    return "\n".join(f"{_as_ox(s)} {_as_ox(p)} {_as_ox(o)} ." for s, p, o in triples)


def data_update(
    graph: URIRef,
    removed: Iterable[tuple[Node | OxTerm, Node | OxTerm, Node | OxTerm]],
    added: Iterable[tuple[Node | OxTerm, Node | OxTerm, Node | OxTerm]],
) -> str:
    """One SPARQL Update request that deletes the triples `removed` from `graph` and then inserts
    `added` (DELETE DATA, INSERT DATA: no blank nodes); an empty request when both are empty."""
    operations = []
    for keyword, triples in (("DELETE", list(removed)), ("INSERT", list(added))):
        if triples:
            operations.append(f"{keyword} DATA {{ GRAPH <{graph}> {{\n{_sparql_triples(triples)}\n}} }}")
    return " ;\n".join(operations)


def _replace_graphs_update(graphs: Mapping[str, str], added: Mapping[str, str] | None = None) -> str:
    """One SPARQL Update request that drops each graph of `graphs` and inserts its new triples,
    and adds the triples of `added` to their graphs."""
    operations = []
    for name, body in graphs.items():
        operations.append(f"DROP SILENT GRAPH <{name}>")
        if body:
            operations.append(f"INSERT DATA {{ GRAPH <{name}> {{\n{body}\n}} }}")
    for name, body in (added or {}).items():
        if body:
            operations.append(f"INSERT DATA {{ GRAPH <{name}> {{\n{body}\n}} }}")
    return " ;\n".join(operations)


def _writer_active(path: Path) -> bool:
    """True if another process holds the store's RocksDB write lock (Unix; False if unknown)."""
    if sys.platform == "win32" or path.resolve() in _OPEN_FOR_WRITING:
        return False  # probing our own lock would release it (POSIX locks are per process)
    import fcntl

    try:
        fd = os.open(path / "LOCK", os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


# --- kg serve's mark on a store folder -----------------------------------------------------

#: Written into a store folder by `kg serve` while it serves it (removed when it stops): a
#: read-only Oxigraph server does not lock the folder, so without the mark a build into it
#: would go through while the server kept serving the graph it had opened.
SERVE_MARK = "kg-serve.json"


@dataclass(frozen=True, slots=True)
class Serving:
    """A running `kg serve` of a store folder, as its mark tells."""

    pid: int
    url: str
    writable: bool


def mark_served(path: Path, serving: Serving) -> None:
    """Mark the store folder as served by `serving` (kg serve calls this before it starts)."""
    data = {"pid": serving.pid, "url": serving.url, "writable": serving.writable}
    (path / SERVE_MARK).write_text(json.dumps(data) + "\n", encoding="utf-8")


def unmark_served(path: Path, pid: int) -> None:
    """Remove the mark, if it is still the one process `pid` wrote."""
    found = served_by(path)
    if found is not None and found.pid == pid:
        (path / SERVE_MARK).unlink(missing_ok=True)


def served_by(path: Path) -> Serving | None:
    """The `kg serve` serving the folder, or None (no mark, or a mark left by a process that is
    gone, e.g. killed with kill -9)."""
    try:
        data = json.loads((path / SERVE_MARK).read_text(encoding="utf-8"))
        serving = Serving(int(data["pid"]), str(data["url"]), bool(data["writable"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return serving if _alive(serving.pid) else None


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    except OSError:
        return False
    return True


def _refuse_if_served(path: Path) -> None:
    """StoreError if kg serve serves the folder: writes (build, import, remove) must go through
    the server, or wait until it stops."""
    serving = served_by(path)
    if serving is None:
        return
    where = f"the store {path} is being served by kg serve (pid {serving.pid}, {serving.url})"
    if serving.writable:
        raise StoreError(
            f"{where}, which holds it open; write through the server with --store {serving.url}, "
            "or stop kg serve first"
        )
    raise StoreError(
        f"{where}, which would go on serving the old graph; stop kg serve first, or serve the "
        f"folder with kg serve --writable and write through the server with --store {serving.url}"
    )


def resolve_location(location: str | os.PathLike[str] | None) -> Path:
    """The store folder: `location`, else $KG_STORE, else ./kg-store."""
    if location is None:
        location = os.environ.get(ENV_VAR) or DEFAULT_LOCATION
    return Path(location)


class Store:
    """An RDF dataset on disk (or in memory for tests): articles in, queries and exports out."""

    def __init__(self, store: ox.Store, location: Path | None, read_only: bool = False) -> None:
        """Wrap an opened pyoxigraph store; use `Store.open` or `Store.memory`."""
        self._ox: ox.Store | None = store
        self.location = location
        self.read_only = read_only
        self._unflushed = 0  # quads written since the last flush
        self._aside: dict[str, bytes] = {}  # a memory store's files aside (`write_aside`)

    # -- opening and closing --

    @classmethod
    def open(cls, location: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> Store:
        """Open (creating if needed) the store folder; None means $KG_STORE or ./kg-store.

        `read_only` opens an existing store for queries and exports without taking the write
        lock. Raises StoreError when the folder is locked by another process or is not a store.
        """
        path = resolve_location(location)
        if read_only:
            return cls._open_read_only(path)
        if path.exists() and not path.is_dir():
            raise StoreError(f"{path} is a file, not a kg store; give a folder with --store DIR")
        _refuse_if_served(path)
        if path.is_dir() and any(path.iterdir()) and not (path / "CURRENT").is_file():
            raise StoreError(
                f"{path} is not a kg store (it holds other files); "
                "give a new or empty folder with --store DIR"
            )
        try:
            store = ox.Store(str(path))
        except OSError as err:
            text = str(err)
            if "current process" in text:
                raise StoreError(
                    f"the store {path} is already open in this process; close it before opening it again"
                ) from err
            if "lock" in text.lower():
                raise StoreError(
                    f"the store {path} is in use by another kg process; "
                    "wait for it to finish or use --store DIR"
                ) from err
            raise StoreError(
                f"cannot open the store {path}: {text}; check the folder or use --store DIR"
            ) from err
        _OPEN_FOR_WRITING.add(path.resolve())
        return cls(store, path)

    @classmethod
    def _open_read_only(cls, path: Path) -> Store:
        if not (path / "CURRENT").is_file():
            raise StoreError(f"there is no kg store at {path}; run `kg build` first or use --store DIR")
        if _writer_active(path):
            raise StoreError(
                f"the store {path} is being written by another kg process; "
                "wait for it to finish or use --store DIR"
            )
        try:
            store = ox.Store.read_only(str(path))
        except OSError as err:
            raise StoreError(
                f"cannot read the store {path}: {err}; check the folder or use --store DIR"
            ) from err
        return cls(store, path, read_only=True)

    @classmethod
    def memory(cls) -> Store:
        """A throw-away in-memory store (tests)."""
        return cls(ox.Store(), None)

    def close(self) -> None:
        """Flush and release the store (and its write lock). Closing twice is harmless."""
        if self._ox is None:
            return
        if self.location is not None and not self.read_only:
            self._ox.flush()
            _OPEN_FOR_WRITING.discard(self.location.resolve())
        self._ox = None  # dropping the last reference closes RocksDB and frees the lock

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def _store(self) -> ox.Store:
        if self._ox is None:
            raise StoreError("the store is closed")
        return self._ox

    def _writable(self) -> ox.Store:
        if self.read_only:
            raise StoreError(f"the store {self.location} is open read-only")
        return self._store

    # -- writing --

    def replace_article(
        self,
        article_id: str,
        triples: Iterable[tuple[Node, Node, Node]],
        shared: Mapping[URIRef, Iterable[tuple[Node, Node, Node]]] | None = None,
    ) -> bool:
        """Atomically replace the article's named graph by `triples` and add `shared` (the
        places and run it uses, by graph: `kg.rdf.ArticleGraph.shared`) to their graphs, in one
        transaction; True if the article existed before."""
        return self._replace(article_iri(article_id), triples, shared or {})

    def replace_graph(self, graph: URIRef, triples: Iterable[tuple[Node, Node, Node]]) -> bool:
        """Atomically replace one named graph by `triples`; True if it existed before.

        An existing graph without blank nodes is changed by what differs (one SPARQL Update of a
        DELETE DATA and an INSERT DATA, nothing at all when nothing differs), since the graphs
        replaced whole are derived ones (the links) that change little from build to build."""
        store = self._writable()
        name = ox.NamedNode(str(graph))
        wanted = dict.fromkeys((_as_ox(s), _as_ox(p), _as_ox(o)) for s, p, o in triples)  # ordered
        if not store.contains_named_graph(name) or any(map(_has_blank_node_triple, wanted)):
            return self._replace(graph, wanted, {})
        current = set(_triples_of(store.quads_for_pattern(None, None, None, name)))
        if any(map(_has_blank_node_triple, current)):
            return self._replace(graph, wanted, {})
        gone = sorted(current.difference(wanted), key=str)
        new = [triple for triple in wanted if triple not in current]
        if gone or new:
            self._update(data_update(graph, gone, new))
            self._written(len(gone) + len(new))
        return True

    def update(self, sparql: str) -> None:
        """Run one SPARQL Update request of kg's own (one transaction); never a user's text."""
        self._update(sparql)

    def _replace(
        self,
        graph: URIRef,
        triples: Iterable[tuple[Node | OxTerm, Node | OxTerm, Node | OxTerm]],
        shared: Mapping[URIRef, Iterable[tuple[Node, Node, Node]]],
    ) -> bool:
        """An existing graph is dropped and re-inserted by one SPARQL Update (see the module doc).
        A new one has nothing to drop: its quads go in by one transactional `extend`, which
        skips writing and parsing SPARQL text (2.5x faster; benchmarks/README.md)."""
        store = self._writable()
        name = ox.NamedNode(str(graph))
        existed = store.contains_named_graph(name)
        quads = [ox.Quad(_as_ox(s), _as_ox(p), _as_ox(o), name) for s, p, o in triples]  # type: ignore[arg-type]
        added = {
            g: [ox.Quad(_as_ox(s), _as_ox(p), _as_ox(o), ox.NamedNode(str(g))) for s, p, o in shared_triples]  # type: ignore[arg-type]
            for g, shared_triples in shared.items()
        }
        added_quads = [q for graph_quads in added.values() for q in graph_quads]
        # INSERT DATA makes blank nodes fresh for the request; `extend` would keep their labels.
        blank = any(isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode) for q in quads)
        if existed or blank:
            body = _sparql_triples((q.subject, q.predicate, q.object) for q in quads)
            extra = {
                str(g): _sparql_triples((q.subject, q.predicate, q.object) for q in graph_quads)
                for g, graph_quads in added.items()
            }
            self._update(_replace_graphs_update({str(graph): body}, extra))
        else:
            try:
                store.extend(quads + added_quads)
            except (OSError, RuntimeError) as err:
                raise StoreError(f"writing to the store {self.location or '(memory)'} failed: {err}") from err
        self._written(len(quads) + len(added_quads))
        return existed

    def prune_shared(self) -> None:
        """Remove the places and runs that no article graph refers to any more."""
        self._update(PRUNE_SHARED)

    # -- files aside: what kg derives from the graph and keeps next to it --

    def read_aside(self, name: str) -> bytes | None:
        """The file `name` kept beside the store's graph (`write_aside`), or None when there is
        none. Such a file is derived from the graph and says what from (kg.relink's rows carry
        the fingerprint of the articles they were read from), so a reader checks it before use."""
        if self.location is None:
            return self._aside.get(name)
        try:
            return (self.location / name).read_bytes()
        except OSError:
            return None

    def write_aside(self, name: str, data: bytes) -> None:
        """Keep `data` beside the store's graph, in the file `name` of the store folder (in
        memory for a memory store): written to a temporary file and renamed, so that a reader
        finds the old file or the new one, never a part."""
        self._writable()
        if self.location is None:
            self._aside[name] = data
            return
        temporary = self.location / f".{name}.tmp"
        try:
            temporary.write_bytes(data)
            os.replace(temporary, self.location / name)
        except OSError as err:
            raise StoreError(f"writing {name} into the store {self.location} failed: {err}") from err

    def _written(self, quads: int) -> None:
        """Flush RocksDB's write buffers every FLUSH_EVERY quads written: left alone, they grow
        by ~0.2 MB per article, past 1 GiB on a 10,000-article build (benchmarks/README.md)."""
        if self.location is None:
            return
        self._unflushed += quads
        if self._unflushed >= FLUSH_EVERY:
            self._store.flush()
            self._unflushed = 0

    def remove_article(self, article_id: str) -> bool:
        """Drop the article's named graph, in one transaction (one SPARQL Update); True if it
        existed. The places and runs it used stay until `prune_shared`."""
        store = self._writable()
        graph = ox.NamedNode(str(article_iri(article_id)))
        existed = store.contains_named_graph(graph)
        if existed:
            self._update(f"DROP GRAPH {graph}")
        return existed

    def ensure_reference(self, lexicon: Lexicon, ontology: Path | None = None) -> list[URIRef]:
        """Write the ontology, States and Weapons graphs where their content changed.

        `ontology` defaults to the package's ontology/kg.ttl. Returns the graphs rewritten.
        Blank nodes are compared up to renaming, and written with the stable labels
        `reference_quads` gives them, so that every build exports the same bytes. SPARQL Update
        makes blank nodes fresh, so a graph holding some (the ontology's OWL lists) is dropped
        with the other changed graphs in one transaction and then written by one transactional
        `extend`, which keeps the labels: in a store that held another ontology, a build killed
        between the two leaves no ontology graph until the next build writes it. A new store
        has nothing to drop.
        """
        store = self._writable()
        wanted = reference_quads(lexicon, ontology)
        changed = [graph for graph, quads in wanted.items() if not self._graph_equals(store, graph, quads)]
        labelled = [g for g in changed if any(_has_blank_node(q) for q in wanted[g])]
        bodies = {  # an empty body only drops the graph
            str(g): "" if g in labelled else _sparql_triples(_triples_of(wanted[g]))
            for g in changed
            if g not in labelled or store.contains_named_graph(ox.NamedNode(str(g)))
        }
        if bodies:
            self._update(_replace_graphs_update(bodies))
        if labelled:
            try:
                store.extend([q for g in labelled for q in wanted[g]])
            except (OSError, RuntimeError) as err:
                raise StoreError(f"writing to the store {self.location or '(memory)'} failed: {err}") from err
        return changed

    @staticmethod
    def _graph_equals(store: ox.Store, graph: URIRef, quads: list[ox.Quad]) -> bool:
        current = ox.Dataset(store.quads_for_pattern(None, None, None, ox.NamedNode(str(graph))))
        new = ox.Dataset(quads)
        if len(current) != len(new):
            return False
        current.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        new.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        return current == new

    def _update(self, update: str) -> None:
        try:
            self._writable().update(update)
        except (OSError, RuntimeError) as err:
            raise StoreError(f"writing to the store {self.location or '(memory)'} failed: {err}") from err

    # -- reading --

    def query(self, sparql: str, substitutions: Mapping[str, Node | OxTerm] | None = None) -> QueryResult:
        """Run SPARQL over the union of all graphs, with the project prefixes declared.

        `substitutions` binds variables ('state' or '?state') to terms (rdflib or pyoxigraph),
        never pasted into the text. QueryError if the query does not parse or cannot run.
        """
        bound = {ox.Variable(name.lstrip("?$")): _as_ox(term) for name, term in (substitutions or {}).items()}
        try:
            result = self._store.query(
                sparql, prefixes=PREFIXES, use_default_graph_as_union=True, substitutions=bound or None
            )
            return _materialize(result)
        except SyntaxError as err:
            raise QueryError(explain(sparql, str(err), PREFIXES)) from err
        except OSError as err:
            raise StoreError(f"reading the store {self.location or '(memory)'} failed: {err}") from err
        except RuntimeError as err:
            unprojected = _UNPROJECTED.search(str(err))
            if unprojected:
                name = unprojected.group(1)
                raise QueryError(
                    f"to bind ?{name}, the query must SELECT it (or use SELECT *): "
                    "bound parameters are substituted into the projection"
                ) from err
            raise QueryError(f"the SPARQL query failed: {err}") from err

    def triple_count(self) -> int:
        """Distinct triples of the union of all graphs (what a Turtle export holds)."""
        rows = self._store.query(
            "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }",
            use_default_graph_as_union=True,
        )
        assert isinstance(rows, ox.QuerySolutions)
        value = next(rows)[0]
        return int(value.value)

    def quad_count(self) -> int:
        """Quads over all graphs (what a TriG or N-Quads export holds)."""
        return len(self._store)

    def article_ids(self) -> list[str]:
        """The dcterms:identifier of every stored article, sorted."""
        rows = self._store.query(
            "SELECT DISTINCT ?id WHERE { GRAPH ?g { ?g a kgo:Article ; dcterms:identifier ?id } }"
            " ORDER BY ?id",
            prefixes=PREFIXES,
        )
        assert isinstance(rows, ox.QuerySolutions)
        return [solution[0].value for solution in rows]

    def article_hashes(self) -> dict[str, str | None]:
        """{article id: its kgo:contentHash, or None} for every stored article (one query)."""
        return hashes_of(self.query(ARTICLE_HASHES))

    def graph_names(self) -> list[URIRef]:
        """Every named graph, sorted."""
        return sorted(URIRef(g.value) for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def graph_triples(self, graph: URIRef) -> list[RdfTriple]:
        """The triples of one named graph, as rdflib terms (small graphs: tests, evaluation)."""
        quads = self._store.quads_for_pattern(None, None, None, ox.NamedNode(str(graph)))
        return [(from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)) for q in quads]

    def export(self, out: BinaryIO, fmt: str) -> None:
        """Serialize the store to `out`.

        turtle/ttl, ntriples/nt, jsonld: the union of all graphs, duplicate triples removed.
        trig, nquads/nq: every graph apart. Turtle and TriG declare the project prefixes.
        The work (union, deduplication, serialization) is done by Oxigraph, not per triple in Python.
        """
        rdf_format = _FORMATS.get(fmt.lower())
        if rdf_format is None:
            raise KgError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
        store = self._store
        prefixes = PREFIXES if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
        try:
            if rdf_format in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
                store.dump(out, rdf_format, prefixes=prefixes)
            else:
                union = store.query(_UNION, use_default_graph_as_union=True)
                assert isinstance(union, ox.QueryTriples)
                ox.serialize(union, out, rdf_format, prefixes=prefixes)
        except BrokenPipeError:
            raise  # the reader went away (`kg export | head`): not the store's fault
        except OSError as err:
            raise StoreError(f"exporting the store {self.location or '(memory)'} failed: {err}") from err

    def to_graph(self) -> Graph:
        """The union of all graphs as an rdflib Graph (for SHACL validation; fine for graphs
        up to a few hundred thousand triples)."""
        buffer = io.BytesIO()
        self.export(buffer, "nt")
        return Graph().parse(data=buffer.getvalue(), format="nt")


def _triples_of(quads: Iterable[ox.Quad]) -> Iterator[tuple[OxTerm, OxTerm, OxTerm]]:
    return ((q.subject, q.predicate, q.object) for q in quads)


def _has_blank_node(quad: ox.Quad) -> bool:
    return isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode)


def _has_blank_node_triple(triple: tuple[OxTerm, OxTerm, OxTerm]) -> bool:
    return isinstance(triple[0], ox.BlankNode) or isinstance(triple[2], ox.BlankNode)


def reference_quads(lexicon: Lexicon, ontology: Path | None = None) -> dict[URIRef, list[ox.Quad]]:
    """The shared graphs (ontology, States, Weapons) as they should be, by graph name. The
    ontology's blank nodes have stable labels (`stable_blank_nodes`)."""
    wanted: dict[URIRef, list[ox.Quad]] = {ONTOLOGY_GRAPH: _ontology_quads(ontology)}
    for graph, triples in reference_graphs(lexicon).items():
        name = ox.NamedNode(str(graph))
        wanted[graph] = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), name) for s, p, o in triples]  # type: ignore[arg-type]
    return wanted


def _ontology_quads(path: Path | None) -> list[ox.Quad]:
    path = path or resources.ontology_dir() / "kg.ttl"
    if not path.is_file():
        raise KgError(f"{path}: the ontology file is missing; restore ontology/kg.ttl or reinstall kg")
    graph = ox.NamedNode(str(ONTOLOGY_GRAPH))
    try:
        return stable_blank_nodes(
            ox.Quad(q.subject, q.predicate, q.object, graph)
            for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE, without_named_graphs=True)
        )
    except SyntaxError as err:
        raise KgError(f"{path}: the ontology does not parse: {err}") from err


#: Put before the canonical labels of the ontology's blank nodes (`_:kgo-c14n0`), so that they
#: cannot meet the labels of blank nodes from elsewhere (Oxigraph's labels are store-wide).
BLANK_PREFIX = "kgo-"


def stable_blank_nodes(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """The quads with their blank nodes relabelled canonically (RDFC-1.0, W3C's RDF Dataset
    Canonicalization: the same graph gets the same labels, whatever the labels it came with),
    prefixed with BLANK_PREFIX, in sorted order. The Turtle parser gives the blank nodes of
    kg.ttl (its OWL lists and class expressions) new random labels on every parse; these stay
    blank nodes, so OWL tools read the graph as written, and every build exports them alike."""
    dataset = ox.Dataset(quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)

    def stable(term: OxTerm) -> OxTerm:
        return ox.BlankNode(BLANK_PREFIX + term.value) if isinstance(term, ox.BlankNode) else term

    out = [ox.Quad(stable(q.subject), q.predicate, stable(q.object), q.graph_name) for q in dataset]  # type: ignore[arg-type]
    return sorted(out, key=str)


# --- any store: the embedded one or a SPARQL server ---------------------------------------


class GraphStore(Protocol):
    """What the pipeline and the commands need of a store.

    `Store` (embedded) and `kg.remote.RemoteStore` (a SPARQL 1.1 server) both provide it;
    `open_store` picks one from the location.
    """

    read_only: bool

    def replace_article(
        self,
        article_id: str,
        triples: Iterable[tuple[Node, Node, Node]],
        shared: Mapping[URIRef, Iterable[tuple[Node, Node, Node]]] | None = None,
    ) -> bool: ...
    def prune_shared(self) -> None: ...
    def read_aside(self, name: str) -> bytes | None: ...
    def write_aside(self, name: str, data: bytes) -> None: ...
    def update(self, sparql: str) -> None: ...
    def remove_article(self, article_id: str) -> bool: ...
    def replace_graph(self, graph: URIRef, triples: Iterable[tuple[Node, Node, Node]]) -> bool: ...
    def ensure_reference(self, lexicon: Lexicon, ontology: Path | None = None) -> list[URIRef]: ...
    def query(self, sparql: str, substitutions: Mapping[str, Node | OxTerm] | None = None) -> QueryResult: ...
    def triple_count(self) -> int: ...
    def quad_count(self) -> int: ...
    def article_ids(self) -> list[str]: ...
    def article_hashes(self) -> dict[str, str | None]: ...
    def export(self, out: BinaryIO, fmt: str) -> None: ...
    def to_graph(self) -> Graph: ...
    def close(self) -> None: ...
    def __enter__(self) -> GraphStore: ...
    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...


def is_remote(location: str | os.PathLike[str] | None) -> bool:
    """True if `location` (or $KG_STORE when it is None) is an http(s) URL of a SPARQL server."""
    if location is None:
        location = os.environ.get(ENV_VAR) or DEFAULT_LOCATION
    return str(location).lower().startswith(("http://", "https://"))


def open_store(
    location: str | os.PathLike[str] | None = None, *, read_only: bool = False, create: bool = True
) -> GraphStore:
    """The store at `location`: a SPARQL server for an http(s) URL, else the embedded store folder.

    None means $KG_STORE, else ./kg-store. Raises StoreError as `Store.open` and
    `kg.remote.RemoteStore.open` do; with `create` False also when there is no store folder yet
    (a command that changes a store, such as kg remove, must not create an empty one).
    """
    if is_remote(location):
        from kg.remote import RemoteStore

        return RemoteStore.open(str(location or os.environ[ENV_VAR]), read_only=read_only)
    if not create and not store_exists(location):
        path = resolve_location(location)
        raise StoreError(f"there is no kg store at {path}; run `kg build` first or use --store DIR")
    return Store.open(location, read_only=read_only)


def store_exists(location: str | os.PathLike[str] | None = None) -> bool:
    """True if the folder `location` (None: $KG_STORE, else ./kg-store) holds a store."""
    return (resolve_location(location) / "CURRENT").is_file()
