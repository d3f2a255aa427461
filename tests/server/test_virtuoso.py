"""kg.remote against a real Virtuoso 7 server (`--store http://HOST:PORT#virtuoso`): the same
graph and the same rows as the embedded store.

Needs Debian's virtuoso-opensource (/usr/bin/virtuoso-t, /usr/bin/isql-vt); fails, never skips,
without it. The server is a private instance in a temporary folder (tests/virtuoso_server.py).

Where Virtuoso departs from the standards, the tests pin down exactly how:

- its SPARQL TSV results write every term as a quoted string ("s" for ?s, "http://..." for an
  IRI), and its JSON and XML results label blank nodes nodeID://b1, which is no blank node
  label pyoxigraph accepts: a TriG / N-Quads export fails (a StoreError, never wrong data), so
  the graph is compared here graph by graph, read over the Graph Store Protocol;
- `SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }` lists Virtuoso's private graphs too,
  whose triples no other query shows; `GRAPH ?g { }` matches no graph at all.

MIN and MAX over an unbound value differ between engines (Virtuoso skips it, Oxigraph makes the
aggregate unbound; openlink/virtuoso-opensource#870), so `launches-by-state` aggregates dates
over dated launches only, and every named query gives the same rows on both.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import RDFS, Literal, URIRef
from test_remote_store import DEVSET, SAMPLE_VALUES, _canonical, _extraction, _rows
from virtuoso_server import SYSTEM_GRAPHS, virtuoso

from kg import rdf
from kg.cli import main
from kg.errors import StoreError
from kg.models import BuildReport, RunInfo
from kg.namespaces import PLACES_GRAPH
from kg.pipeline import build
from kg.queries import bind, list_queries
from kg.remote import RemoteStore, endpoints
from kg.store import Store

pytestmark = [pytest.mark.server, pytest.mark.model]


@pytest.fixture(scope="module")
def virtuoso_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with virtuoso(tmp_path_factory.mktemp("virtuoso")) as server:
        yield f"{server.url}#virtuoso"


@pytest.fixture(scope="module")
def embedded(corpus: Path) -> Iterator[Store]:
    with Store.memory() as store:
        build([corpus], store)
        yield store


@pytest.fixture(scope="module")
def remote(virtuoso_url: str, corpus: Path) -> Iterator[tuple[RemoteStore, BuildReport]]:
    with RemoteStore.open(virtuoso_url) as store:
        assert store.quad_count() == 0, "the private Virtuoso shows graphs of its own"
        report = build([corpus], store)
        yield store, report


def _by_graph(store: RemoteStore) -> ox.Dataset:
    """The server's dataset read graph by graph (Graph Store GETs, N-Triples), canonicalized."""
    dataset = ox.Dataset(
        ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(str(name)))
        for name in store.graph_names()
        if str(name) not in SYSTEM_GRAPHS
        for t in store._get_graph(str(name))
    )
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return dataset


def test_the_layout() -> None:
    found = endpoints("http://127.0.0.1:8890#virtuoso")
    assert (found.query, found.update, found.gsp) == (
        "http://127.0.0.1:8890/sparql",
        "http://127.0.0.1:8890/sparql",
        "http://127.0.0.1:8890/sparql-graph-crud",
    )


def test_virtuoso_holds_the_same_graph(embedded: Store, remote: tuple[RemoteStore, BuildReport]) -> None:
    store, report = remote
    assert report.articles == 5 and report.replaced == 0 and not report.skipped
    assert store.article_ids() == embedded.article_ids()
    assert store.triple_count() == embedded.triple_count()
    assert store.quad_count() == embedded.quad_count()
    # Virtuoso answers this very query (SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }) from
    # its list of graphs, private ones included, though they hold no triple visible to the caller.
    assert store.graph_names() == sorted([*embedded.graph_names(), *map(URIRef, SYSTEM_GRAPHS)])
    assert _by_graph(store) == _canonical(embedded)


def test_a_quads_export_fails_loudly(remote: tuple[RemoteStore, BuildReport]) -> None:
    store, _ = remote
    for fmt in ("nq", "trig"):
        with pytest.raises(StoreError, match="unreadable data"):
            store.export(io.BytesIO(), fmt)
    assert store.query("ASK { ?s a kgo:Launch }").boolean is True  # the connection is still usable


def test_every_named_query_gives_the_same_rows(
    embedded: Store, remote: tuple[RemoteStore, BuildReport]
) -> None:
    store, _ = remote
    event = str(embedded.query("SELECT ?e WHERE { ?e a kgo:Launch } ORDER BY ?e LIMIT 1").rows[0][0])
    checked = 0
    for query in list_queries():
        bindings: list[dict[str, str]] = [{}]
        if query.params:
            bindings.append({p.name: SAMPLE_VALUES.get(p.type, event.strip("<>")) for p in query.params})
        for values in bindings:
            terms = bind(query, values)
            expected = embedded.query(query.text, terms)
            got = store.query(query.text, terms)
            assert got.variables == expected.variables, query.name
            assert _rows(got) == _rows(expected), f"{query.name} {values}"
            checked += 1
    assert checked >= len(list_queries())


def test_the_turtle_export_is_the_union(embedded: Store, remote: tuple[RemoteStore, BuildReport]) -> None:
    store, _ = remote
    out = io.BytesIO()
    store.export(out, "ttl")
    exported = ox.Dataset(ox.parse(out.getvalue(), ox.RdfFormat.TURTLE))
    assert len(exported) == embedded.triple_count()


def test_a_rebuild_is_idempotent(
    virtuoso_url: str, corpus: Path, remote: tuple[RemoteStore, BuildReport]
) -> None:
    store, first = remote
    before = _by_graph(store)
    with RemoteStore.open(virtuoso_url) as again:
        report = build([corpus], again, force=True)  # unchanged articles are otherwise skipped
    assert report.replaced == report.articles == first.articles
    assert _by_graph(store) == before


def test_places_no_article_uses_are_pruned(remote: tuple[RemoteStore, BuildReport]) -> None:
    store, _ = remote
    before = _by_graph(store)
    for site in ("Nowhere Bay", "Elsewhere Point"):
        graph = rdf.article_graph(_extraction("prune-probe", site), RunInfo("r", "l", "m", "v"))
        store.replace_article("prune-probe", graph.triples, graph.shared)
    store.prune_shared()
    rows = store.query(f"SELECT ?l WHERE {{ GRAPH <{PLACES_GRAPH}> {{ ?p rdfs:label ?l }} }}").rows
    labels = {str(row[0].value) for row in rows if isinstance(row[0], ox.Literal)}
    assert "Elsewhere Point" in labels and "Nowhere Bay" not in labels
    assert store.remove_article("prune-probe") is True
    assert store.remove_article("prune-probe") is False
    store.prune_shared()
    assert _by_graph(store) == before


def test_results_cut_at_result_set_max_rows_are_refused(tmp_path: Path) -> None:
    """Virtuoso cuts every result at ResultSetMaxRows (Debian's ini: 10,000), a SELECT with only
    an X-SPARQL-MaxRows header saying so: kg refuses such results rather than use them."""
    with (
        virtuoso(tmp_path / "virtuoso", max_rows=3) as server,
        RemoteStore.open(f"{server.url}#virtuoso") as store,
    ):
        store.replace_graph(PLACES_GRAPH, [(PLACES_GRAPH, RDFS.label, Literal(str(n))) for n in range(5)])
        assert len(store.query("SELECT ?o WHERE { ?s ?p ?o } LIMIT 2")) == 2
        with pytest.raises(StoreError, match="ResultSetMaxRows"):
            store.query("SELECT ?o WHERE { ?s ?p ?o }")


def test_every_command_works_against_virtuoso(
    virtuoso_url: str, remote: tuple[RemoteStore, BuildReport], embedded: Store, tmp_path: Path
) -> None:
    runner = CliRunner()
    for args in (
        ["query", "launches", "--param", "state=PRK", "-f", "csv"],
        ["query", "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?s a kgo:Event }", "-f", "csv"],
        ["stats"],
        ["validate"],
        ["eval", str(DEVSET)],
    ):
        result = runner.invoke(main, [*args, "--store", virtuoso_url])
        assert result.exit_code == 0, (args, result.output)
        assert result.stdout or args[0] == "validate"
    out = tmp_path / "kg.ttl"
    result = runner.invoke(main, ["export", "-f", "ttl", "-o", str(out), "--store", virtuoso_url])
    assert result.exit_code == 0, result.output
    assert len(ox.Dataset(ox.parse(path=str(out), format=ox.RdfFormat.TURTLE))) == embedded.triple_count()
