"""A SPARQL 1.1 server as the store: the `store` arrow of the pipeline, over HTTP.

    ... -> rdf (triples with provenance) -> store (embedded, or this) -> query / export / ...

`RemoteStore` has the public interface of the embedded `kg.store.Store` (see
`kg.store.GraphStore`) and speaks only the standards, so any SPARQL 1.1 server that keeps
named graphs will do:

- reads: the SPARQL 1.1 Protocol (POST, form-encoded `query=`), results as SPARQL JSON (SELECT,
  ASK), N-Triples (CONSTRUCT, DESCRIBE) or TSV (the quads of a TriG / N-Quads export);
- writes: the Graph Store HTTP Protocol, one `PUT ?graph=<article IRI>` of N-Triples per
  article. A PUT replaces the whole graph, so rebuilding an article is idempotent, and no
  request is ever made per triple. `201 Created` tells that the article is new. The shared
  places and runs an article uses are added before it by a Graph Store `POST` (a merge) to
  their graph, only those this client has not sent yet; the SPARQL 1.1 Update endpoint is
  used once per build, to remove the places and runs no article uses any more.

The location is the server's URL, optionally with a fragment naming its endpoint layout
(the fragment never leaves the client):

    http://127.0.0.1:7878                    Oxigraph (the default): /query, /update, /store
    http://host:3030/kg#fuseki               Fuseki dataset /kg: /kg/query, /kg/update, /kg/data
    http://host:7200/repositories/kg#graphdb GraphDB: the repository, /statements, /rdf-graphs/service
    https://cluster:8182#neptune             Neptune: /sparql, /sparql, /sparql/gsp/
    http://host:8890#virtuoso                Virtuoso: /sparql, /sparql, /sparql-graph-crud
    http://host/x#query=sparql&gsp=data      explicit paths under the URL (or absolute URLs)

Queries must see the union of all named graphs as their default graph, as with the embedded
store. Oxigraph is asked for it per request (`union-default-graph`); Fuseki needs
`tdb2:unionDefaultGraph true`; GraphDB, Neptune and Virtuoso do it by default. Opening the store checks
it and says what to change when it does not hold.

Parameters cannot be bound by pyoxigraph-style substitution over the protocol, so they are
bound by a `VALUES` block inserted at the start of the query's WHERE group, written from
the terms' N-Triples form (never from the user's raw strings). The block is visible to the
whole top-level group (its FILTERs, FILTER EXISTS and OPTIONALs), which is how the named
queries use their parameters; a variable used only inside a sub-SELECT that does not project
it is not reached.
"""

from __future__ import annotations

import base64
import http.client
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import BinaryIO
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from kg.errors import KgError, QueryError, StoreError
from kg.lexicon import Lexicon
from kg.namespaces import ONTOLOGY_GRAPH, PREFIXES
from kg.rdf import article_iri
from kg.sparql_errors import recognise
from kg.store import (
    _FORMATS,
    _UNION,
    ARTICLE_HASHES,
    PRUNE_SHARED,
    OxTerm,
    QueryResult,
    RdfTriple,
    _as_ox,
    _materialize,
    from_ox,
    hashes_of,
    reference_quads,
)

TIMEOUT_S = 600.0
_JSON = "application/sparql-results+json"
_TSV = "text/tab-separated-values"
_NTRIPLES = "application/n-triples"

# Endpoint paths under the location's URL, by server: (query, update, graph store).
LAYOUTS: dict[str, tuple[str, str, str]] = {
    "oxigraph": ("query?union-default-graph", "update", "store"),
    "fuseki": ("query", "update", "data"),
    "graphdb": ("", "statements", "rdf-graphs/service"),
    "neptune": ("sparql", "sparql", "sparql/gsp/"),
    "virtuoso": ("sparql", "sparql", "sparql-graph-crud"),
}
_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
_UNION_CHECK = f"ASK {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} FILTER NOT EXISTS {{ ?s ?p ?o }} }}"
_QUADS = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"


# --- endpoints --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Endpoints:
    """The three URLs of a server: SPARQL query, SPARQL update, Graph Store Protocol."""

    query: str
    update: str
    gsp: str


def endpoints(location: str) -> Endpoints:
    """The endpoints of `location` (an http(s) URL, optionally with a #layout fragment)."""
    parts = urlsplit(location)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(f"{location!r} is not a SPARQL server URL; give http://HOST:PORT[/PATH][#LAYOUT]")
    base = urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/") + "/", parts.query, ""))
    fragment = parts.fragment or "oxigraph"
    if "=" in fragment:
        given = dict(parse_qsl(fragment, keep_blank_values=True))
        unknown = set(given) - {"query", "update", "gsp"}
        if unknown:
            raise StoreError(
                f"{location}: unknown endpoint(s) {', '.join(sorted(unknown))}; use query=, update=, gsp="
            )
        default = LAYOUTS["oxigraph"]
        paths = (
            given.get("query", default[0]),
            given.get("update", default[1]),
            given.get("gsp", default[2]),
        )
    elif fragment in LAYOUTS:
        paths = LAYOUTS[fragment]
    else:
        raise StoreError(
            f"{location}: unknown server layout #{fragment}; use one of "
            f"{', '.join('#' + name for name in LAYOUTS)} or #query=PATH&update=PATH&gsp=PATH"
        )
    query, update, gsp = (urljoin(base, path) if path else base.rstrip("/") for path in paths)
    return Endpoints(query, update, gsp)


# --- binding parameters -----------------------------------------------------------------

_LONG_STRING = r'"""(?:[^"\\]|\\.|"(?!""))*"""' + "|" + r"'''(?:[^'\\]|\\.|'(?!''))*'''"
_SHORT_STRING = r'"(?:[^"\\\n\r]|\\.)*"' + "|" + r"'(?:[^'\\\n\r]|\\.)*'"
_TOKEN = re.compile(
    r"(?P<skip>\#[^\n\r]*|\s+)"
    rf"|(?P<string>{_LONG_STRING}|{_SHORT_STRING})"
    r"|(?P<iri><[^<>\"{}|^`\\\x00-\x20]*>)"
    r"|(?P<var>[?$]\w+)"
    r"|(?P<word>(?:[^\W\d][\w.-]*)?:[\w.%:-]*|[^\W\d]\w*)"
    r"|(?P<open>\{)|(?P<close>\})|(?P<other>.)",
    re.DOTALL,
)
_VARIABLE = re.compile(r"^\w+$")


@dataclass(frozen=True, slots=True)
class _Shape:
    form: str  # SELECT, CONSTRUCT, DESCRIBE or ASK
    start: int | None  # just after the '{' of the WHERE group
    end: int | None  # its matching '}'
    subselect: bool  # the group is a sub-SELECT (VALUES cannot precede it inside the braces)


def _shape(sparql: str) -> _Shape:
    """Where the query's form keyword and its top-level WHERE group are (strings, IRIs and
    comments skipped). QueryError if there is no query form."""
    form: str | None = None
    after_where = False
    depth = 0
    start: int | None = None
    first_inside: str | None = None
    for match in _TOKEN.finditer(sparql):
        kind = match.lastgroup
        if kind == "skip":
            continue
        if start is not None and first_inside is None:
            first_inside = match.group().upper() if kind == "word" else ""
        if kind == "open":
            if depth == 0 and start is None and form is not None and (form != "CONSTRUCT" or after_where):
                start = match.end()
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth == 0 and start is not None:
                return _Shape(form or "", start, match.start(), first_inside == "SELECT")
        elif kind == "word" and depth == 0:
            word = match.group().upper()
            if form is None and word in _FORMS:
                form = word
            elif word == "WHERE":
                after_where = True
    if form is None:
        found = recognise(sparql, PREFIXES)
        raise QueryError(found or "the SPARQL query does not parse: no SELECT, CONSTRUCT, DESCRIBE or ASK")
    return _Shape(form, None, None, False)


def bind_rows(sparql: str, variables: Sequence[str], rows: Iterable[Sequence[Node | OxTerm]]) -> str:
    """`sparql` with a VALUES block giving `variables` the rows of terms, at the start of the
    WHERE group (as `bind_values` binds one row): the query's solutions for those values only.
    QueryError as `bind_values`."""
    names = []
    for name in variables:
        variable = name.lstrip("?$")
        if not _VARIABLE.match(variable):
            raise QueryError(f"{name!r} is not a SPARQL variable name")
        names.append(f"?{variable}")
    lines = []
    for row in rows:
        terms = []
        for value in row:
            term = _as_ox(value)
            if not isinstance(term, ox.NamedNode | ox.Literal):
                raise QueryError("only IRIs and literals can be bound by VALUES")
            terms.append(str(term))
        lines.append(f"({' '.join(terms)})")
    return _with_values(sparql, f" VALUES ({' '.join(names)}) {{ {' '.join(lines)} }} ")


def bind_values(sparql: str, substitutions: Mapping[str, Node | OxTerm]) -> str:
    """`sparql` with a VALUES block binding each variable to its term, at the start of the WHERE
    group. Terms are written in N-Triples syntax by pyoxigraph; QueryError for a term that
    VALUES cannot hold (a blank node or a quoted triple) or a query without a WHERE group."""
    if not substitutions:
        return sparql
    names: list[str] = []
    terms: list[str] = []
    for name, value in substitutions.items():
        variable = name.lstrip("?$")
        if not _VARIABLE.match(variable):
            raise QueryError(f"{name!r} is not a SPARQL variable name")
        term = _as_ox(value)
        if not isinstance(term, ox.NamedNode | ox.Literal):
            raise QueryError(f"?{variable}: only IRIs and literals can be bound over the SPARQL protocol")
        names.append(f"?{variable}")
        terms.append(str(term))
    return _with_values(sparql, f" VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }} ")


def _with_values(sparql: str, block: str) -> str:
    """`sparql` with the VALUES `block` at the start of its WHERE group (around a sub-SELECT)."""
    shape = _shape(sparql)
    if shape.start is None or shape.end is None:
        raise QueryError("parameters can only be bound in a query with a WHERE group")
    if shape.subselect:
        return f"{sparql[: shape.start]}{block}{{ {sparql[shape.start : shape.end]}\n}} {sparql[shape.end :]}"
    return f"{sparql[: shape.start]}{block}{sparql[shape.start :]}"


def _with_prefixes(sparql: str) -> str:
    return "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items()) + sparql


# --- HTTP -------------------------------------------------------------------------------


class _Http:
    """One kept-alive connection per server; a dropped idle connection is reopened once."""

    def __init__(self, location: str, timeout: float) -> None:
        self.location = location
        self.timeout = timeout
        self._connections: dict[tuple[str, str], http.client.HTTPConnection] = {}

    def request(
        self, method: str, url: str, body: bytes | None = None, headers: Mapping[str, str] | None = None
    ) -> http.client.HTTPResponse:
        parts = urlsplit(url)
        path = urlunsplit(("", "", parts.path or "/", parts.query, ""))
        sent = dict(headers or {})
        if parts.username is not None:
            token = f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()
            sent["Authorization"] = "Basic " + base64.b64encode(token).decode("ascii")
        for attempt in (1, 2):
            connection = self._connection(parts.scheme, parts.netloc)
            try:
                connection.request(method, path, body=body, headers=sent)
                return connection.getresponse()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as err:
                self._drop(parts.scheme, parts.netloc)
                if attempt == 2:
                    raise self._unreachable(err) from err
            except OSError as err:
                self._drop(parts.scheme, parts.netloc)
                raise self._unreachable(err) from err
        raise AssertionError("unreachable")

    def _connection(self, scheme: str, netloc: str) -> http.client.HTTPConnection:
        key = (scheme, netloc)
        if key not in self._connections:
            host = netloc.rpartition("@")[2]
            cls = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
            self._connections[key] = cls(host, timeout=self.timeout)
        return self._connections[key]

    def _drop(self, scheme: str, netloc: str) -> None:
        connection = self._connections.pop((scheme, netloc), None)
        if connection is not None:
            connection.close()

    def _unreachable(self, err: BaseException) -> StoreError:
        return StoreError(
            f"cannot reach the SPARQL server at {self.location}: {err}; "
            "check that it is running (kg serve starts one) or use --store DIR"
        )

    def close(self) -> None:
        for connection in self._connections.values():
            connection.close()
        self._connections.clear()


def _rejected(sparql: str, problem: str) -> str:
    """The server's reason for a 400, or kg's own words for a mistake it recognises (an update,
    a misspelt query form, an undeclared prefix: kg.sparql_errors)."""
    return recognise(_user_part(sparql), PREFIXES) or f"the SPARQL server rejected the query: {problem}"


def _user_part(sparql: str) -> str:
    """The query as the caller wrote it, without the PREFIX lines `_with_prefixes` put first."""
    declared = _with_prefixes("")
    return sparql[len(declared) :] if sparql.startswith(declared) else sparql


def _problem(response: http.client.HTTPResponse) -> str:
    text = response.read(2000).decode("utf-8", "replace").strip()
    response.read()  # drain, so the connection can be reused
    return f"{response.status} {response.reason}" + (f": {text}" if text else "")


# --- the store --------------------------------------------------------------------------


class RemoteStore:
    """A dataset on a SPARQL 1.1 server: the interface of `kg.store.Store`, over HTTP."""

    def __init__(self, location: str, *, read_only: bool = False, timeout: float = TIMEOUT_S) -> None:
        """Use `RemoteStore.open`, which also checks that the server answers as kg needs."""
        self.location = location
        self.read_only = read_only
        self.endpoints = endpoints(location)
        self._http: _Http | None = _Http(location.partition("#")[0], timeout)
        self._sent_shared: set[tuple[str, RdfTriple]] = set()  # (graph, triple) POSTed by this client

    @classmethod
    def open(cls, location: str, *, read_only: bool = False) -> RemoteStore:
        """Connect to the server at `location`; StoreError if it cannot be reached or does not
        query the union of its named graphs by default."""
        store = cls(location, read_only=read_only)
        try:
            store.check_union_default_graph()
        except KgError:
            store.close()
            raise
        return store

    def close(self) -> None:
        """Close the connections. Closing twice is harmless."""
        if self._http is not None:
            self._http.close()
            self._http = None

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def _client(self) -> _Http:
        if self._http is None:
            raise StoreError("the store is closed")
        return self._http

    def _writable(self) -> _Http:
        if self.read_only:
            raise StoreError(f"the store {self.location} is open read-only")
        return self._client

    def check_union_default_graph(self) -> None:
        """StoreError if the server does not see the named graphs in its default graph.

        Checked on the ontology graph, which every kg build writes (an empty server passes)."""
        if self.query(_UNION_CHECK).boolean:
            raise StoreError(
                f"the SPARQL server at {self.location} does not query the union of its named graphs "
                "by default, which kg's queries need: start Oxigraph with --union-default-graph, set "
                "tdb2:unionDefaultGraph true on a Fuseki dataset (GraphDB, Neptune and Virtuoso do it "
                "by default)"
            )

    # -- writing --

    def _graph_url(self, graph: str) -> str:
        return f"{self.endpoints.gsp}{'&' if '?' in self.endpoints.gsp else '?'}graph={quote(graph, safe='')}"

    def _put(self, graph: str, body: bytes) -> bool:
        """Graph Store PUT: replace the graph; True if it existed (the server did not answer 201)."""
        response = self._writable().request(
            "PUT", self._graph_url(graph), body, {"Content-Type": _NTRIPLES + "; charset=utf-8"}
        )
        if response.status >= 300:
            raise self._write_refused(response)
        response.read()
        return response.status != 201

    def _write_refused(self, response: http.client.HTTPResponse) -> StoreError:
        hint = "; it may be read-only (kg serve without --writable)" if response.status in (401, 403) else ""
        return StoreError(
            f"the SPARQL server at {self.location} refused the write ({_problem(response)}){hint}"
        )

    def _post(self, graph: str, body: bytes) -> None:
        """Graph Store POST: add the triples to the graph (a merge)."""
        response = self._writable().request(
            "POST", self._graph_url(graph), body, {"Content-Type": _NTRIPLES + "; charset=utf-8"}
        )
        if response.status >= 300:
            raise self._write_refused(response)
        response.read()

    def replace_article(
        self,
        article_id: str,
        triples: Iterable[tuple[Node, Node, Node]],
        shared: Mapping[URIRef, Iterable[tuple[Node, Node, Node]]] | None = None,
    ) -> bool:
        """Replace the article's named graph by `triples` (one PUT) after adding the shared
        nodes it uses that this client has not sent yet (one POST per graph); True if the
        article existed before. Shared nodes go first, so a failure between the two requests
        leaves an unused place (pruned later), never an article naming an undescribed one."""
        for graph, shared_triples in (shared or {}).items():
            new = [t for t in shared_triples if (str(graph), t) not in self._sent_shared]
            if new:
                self._post(str(graph), _ntriples(new))
                self._sent_shared.update((str(graph), t) for t in new)
        return self.replace_graph(article_iri(article_id), triples)

    def prune_shared(self) -> None:
        """Remove the places and runs that no article graph refers to any more (one update)."""
        self._sent_shared.clear()
        self.update(PRUNE_SHARED)

    def read_aside(self, name: str) -> bytes | None:
        """None: a server keeps no files beside its graph (kg.store.Store.read_aside), so what kg
        would keep there (kg.relink's rows) is read from the graph each time."""
        return None

    def write_aside(self, name: str, data: bytes) -> None:
        """Nothing: see `read_aside`."""

    def update(self, sparql: str) -> None:
        """Send one SPARQL Update request of kg's own to the update endpoint; never a user's text."""
        response = self._writable().request(
            "POST",
            self.endpoints.update,
            urlencode({"update": sparql}).encode("utf-8"),
            {"Content-Type": "application/x-www-form-urlencoded"},
        )
        if response.status >= 300:
            raise self._write_refused(response)
        response.read()

    def replace_graph(self, graph: URIRef, triples: Iterable[tuple[Node, Node, Node]]) -> bool:
        """Replace one named graph by `triples` (one PUT; a DELETE when there are none, since an
        empty graph is no graph in the embedded store either); True if it existed before."""
        body = _ntriples(triples)
        return self._put(str(graph), body) if body else self._delete(str(graph))

    def remove_article(self, article_id: str) -> bool:
        """Drop the article's named graph (Graph Store DELETE); True if it existed."""
        return self._delete(str(article_iri(article_id)))

    def _delete(self, graph: str) -> bool:
        response = self._writable().request("DELETE", self._graph_url(graph))
        if response.status == 404:
            response.read()
            return False
        if response.status >= 300:
            raise self._write_refused(response)
        response.read()
        return True

    def ensure_reference(self, lexicon: Lexicon, ontology: Path | None = None) -> list[URIRef]:
        """Write the ontology, States and Weapons graphs where their content changed (one PUT
        each); returns the graphs rewritten. Blank nodes are compared up to renaming."""
        self._writable()
        changed = []
        for graph, quads in reference_quads(lexicon, ontology).items():
            if not _same_graph(
                self._get_graph(str(graph)), [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
            ):
                self._put(str(graph), _ntriples((q.subject, q.predicate, q.object) for q in quads))
                changed.append(graph)
        if changed:
            self.check_union_default_graph()
        return changed

    # -- reading --

    def _post_query(self, sparql: str, accept: str) -> http.client.HTTPResponse:
        body = urlencode({"query": sparql}).encode("ascii")
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept}
        response = self._client.request("POST", self.endpoints.query, body, headers)
        if response.status == 400:
            raise QueryError(_rejected(sparql, _problem(response)))
        if response.status >= 300:
            raise StoreError(f"reading the SPARQL server at {self.location} failed: {_problem(response)}")
        cut = response.getheader("X-SPARQL-MaxRows")
        if cut is not None:
            response.read()
            raise StoreError(
                f"the SPARQL server at {self.location} may have cut the results at {cut} rows "
                "(X-SPARQL-MaxRows); on Virtuoso, set ResultSetMaxRows = 0 in the [SPARQL] section of "
                "virtuoso.ini"
            )
        return response

    def query(self, sparql: str, substitutions: Mapping[str, Node | OxTerm] | None = None) -> QueryResult:
        """Run SPARQL on the server (default graph: the union of all graphs), with the project
        prefixes declared and `substitutions` bound by a VALUES block (see the module doc)."""
        text = _with_prefixes(bind_values(sparql, substitutions or {}))
        form = _shape(sparql).form
        if form in ("SELECT", "ASK"):
            response = self._post_query(text, _JSON)
            data = response.read()
            try:
                result = ox.parse_query_results(data, ox.QueryResultsFormat.JSON)
            except SyntaxError as err:
                raise StoreError(
                    f"the SPARQL server at {self.location} sent unreadable results: {err}"
                ) from err
            return _materialize(result)
        response = self._post_query(text, _NTRIPLES)
        rows: list[tuple[OxTerm | None, ...]] = [
            (q.subject, q.predicate, q.object) for q in ox.parse(response.read(), _rdf_format(response))
        ]
        return QueryResult("construct", ("subject", "predicate", "object"), rows)

    def _count(self, sparql: str) -> int:
        result = self.query(sparql)
        value = result.rows[0][0]
        assert isinstance(value, ox.Literal)
        return int(value.value)

    def triple_count(self) -> int:
        """Distinct triples of the union of all graphs (what a Turtle export holds)."""
        return self._count("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")

    def quad_count(self) -> int:
        """Quads over all named graphs (what a TriG or N-Quads export holds)."""
        return self._count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")

    def article_ids(self) -> list[str]:
        """The dcterms:identifier of every stored article, sorted."""
        result = self.query(
            "SELECT DISTINCT ?id WHERE { GRAPH ?g { ?g a kgo:Article ; dcterms:identifier ?id } }"
            " ORDER BY ?id"
        )
        return [row[0].value for row in result.rows if isinstance(row[0], ox.Literal)]

    def article_hashes(self) -> dict[str, str | None]:
        """{article id: its kgo:contentHash, or None} for every stored article (one query)."""
        return hashes_of(self.query(ARTICLE_HASHES))

    def graph_names(self) -> list[URIRef]:
        """Every named graph, sorted. Those holding a triple: kg leaves no empty graph, and
        `GRAPH ?g { }` matches no graph at all on Virtuoso (its graphs exist only by their triples)."""
        result = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(URIRef(row[0].value) for row in result.rows if isinstance(row[0], ox.NamedNode))

    def _get_graph(self, graph: str) -> list[ox.Triple]:
        response = self._client.request("GET", self._graph_url(graph), headers={"Accept": _NTRIPLES})
        if response.status == 404:
            response.read()
            return []
        if response.status >= 300:
            raise StoreError(f"reading the graph {graph} from {self.location} failed: {_problem(response)}")
        return [
            ox.Triple(q.subject, q.predicate, q.object)
            for q in ox.parse(response.read(), _rdf_format(response))
        ]

    def graph_triples(self, graph: URIRef) -> list[RdfTriple]:
        """The triples of one named graph, as rdflib terms (small graphs: tests, evaluation)."""
        return [
            (from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)) for t in self._get_graph(str(graph))
        ]

    def export(self, out: BinaryIO, fmt: str) -> None:
        """Serialize the server's dataset to `out`, as `kg.store.Store.export` does.

        turtle/ttl, ntriples/nt, jsonld: a CONSTRUCT of the union, read as N-Triples; trig,
        nquads/nq: the quads of every named graph, read as SPARQL TSV results. Parsing and
        writing are pyoxigraph's, streamed, never per triple in Python."""
        rdf_format = _FORMATS.get(fmt.lower())
        if rdf_format is None:
            raise KgError(f"unknown export format {fmt!r}; use one of {', '.join(_FORMATS)}")
        prefixes = PREFIXES if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
        by_quad = rdf_format in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS)
        response = self._post_query(_QUADS, _TSV) if by_quad else self._post_query(_UNION, _NTRIPLES)
        try:
            quads: Iterable[ox.Quad]
            if by_quad:
                solutions = ox.parse_query_results(response, ox.QueryResultsFormat.TSV)
                assert isinstance(solutions, ox.QuerySolutions)
                quads = (ox.Quad(s[0], s[1], s[2], s[3]) for s in solutions)
            else:
                quads = ox.parse(response, _rdf_format(response))
            ox.serialize(quads, out, rdf_format, prefixes=prefixes)
        except SyntaxError as err:
            raise StoreError(f"the SPARQL server at {self.location} sent unreadable data: {err}") from err
        finally:
            response.read()  # drained even after an error, so that the connection can be reused

    def to_graph(self) -> Graph:
        """The union of all graphs as an rdflib Graph (for SHACL validation)."""
        buffer = io.BytesIO()
        self.export(buffer, "nt")
        return Graph().parse(data=buffer.getvalue(), format="nt")


def _ntriples(triples: Iterable[tuple[Node | OxTerm, Node | OxTerm, Node | OxTerm]]) -> bytes:
    return "".join(f"{_as_ox(s)} {_as_ox(p)} {_as_ox(o)} .\n" for s, p, o in triples).encode("utf-8")


def _rdf_format(response: http.client.HTTPResponse) -> ox.RdfFormat:
    media = (response.getheader("Content-Type") or _NTRIPLES).partition(";")[0].strip().lower()
    if media == "text/plain":  # N-Triples' media type before RDF 1.1
        return ox.RdfFormat.N_TRIPLES
    found = ox.RdfFormat.from_media_type(media)
    if found is None:
        raise StoreError(f"the SPARQL server sent {media}, which is not an RDF format kg reads")
    return found


def _same_graph(current: list[ox.Triple], wanted: list[ox.Triple]) -> bool:
    if len(current) != len(wanted):
        return False
    graph = ox.NamedNode(str(ONTOLOGY_GRAPH))  # any name: both sides are put in the same graph
    a = ox.Dataset(ox.Quad(t.subject, t.predicate, t.object, graph) for t in current)
    b = ox.Dataset(ox.Quad(t.subject, t.predicate, t.object, graph) for t in wanted)
    a.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    b.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return a == b
