"""kg.remote against a real Oxigraph server: the same graph and the same rows as the embedded store."""

from __future__ import annotations

import io
import socket
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg import rdf
from kg.cli import main
from kg.errors import StoreError
from kg.models import Article, BuildReport, Extraction, Launch, Mention, RunInfo
from kg.namespaces import PLACES_GRAPH, RUNS_GRAPH
from kg.pipeline import build
from kg.queries import bind, list_queries
from kg.remote import RemoteStore, _Http
from kg.store import QueryResult, Store, open_store

pytestmark = [pytest.mark.server, pytest.mark.model]

DEVSET = Path(__file__).resolve().parents[2] / "gold" / "devset"

# A value for each parameter type, so that every parameterised query is run with its parameters bound.
SAMPLE_VALUES = {
    "state": "PRK",
    "factuality": "asserted",
    "article": "seed-2017-03-23-wonsan",
    "string": "Musudan",
    "integer": "1",
    "date": "2017-03",
    "outcome": "failure",
}


@pytest.fixture(scope="module")
def embedded(corpus: Path) -> Iterator[Store]:
    with Store.memory() as store:
        build([corpus], store)
        yield store


@pytest.fixture(scope="module")
def remote(oxigraph_url: str, corpus: Path) -> Iterator[tuple[RemoteStore, BuildReport]]:
    with RemoteStore.open(oxigraph_url) as store:
        report = build([corpus], store)
        yield store, report


def _rows(result: QueryResult) -> list[tuple[str | None, ...]]:
    return [tuple(None if term is None else str(term) for term in row) for row in result.rows]


def _canonical(store: Store | RemoteStore) -> ox.Dataset:
    buffer = io.BytesIO()
    store.export(buffer, "nq")
    dataset = ox.Dataset(ox.parse(buffer.getvalue(), ox.RdfFormat.N_QUADS))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return dataset


def test_the_server_holds_the_same_graph(embedded: Store, remote: tuple[RemoteStore, BuildReport]) -> None:
    store, report = remote
    assert report.articles == 5 and not report.skipped
    assert store.triple_count() == embedded.triple_count()
    assert store.quad_count() == embedded.quad_count()
    assert store.article_ids() == embedded.article_ids()
    assert store.graph_names() == embedded.graph_names()
    assert _canonical(store) == _canonical(embedded)


def test_every_named_query_gives_the_same_rows(
    embedded: Store, remote: tuple[RemoteStore, BuildReport]
) -> None:
    store, _ = remote
    event = str(embedded.query("SELECT ?e WHERE { ?e a kgo:Launch } ORDER BY ?e LIMIT 1").rows[0][0])
    checked = 0
    for query in list_queries():
        bindings = [{}]
        if query.params:
            values = {p.name: SAMPLE_VALUES.get(p.type, event.strip("<>")) for p in query.params}
            bindings.append(values)
        for values in bindings:
            terms = bind(query, values)
            expected = embedded.query(query.text, terms)
            got = store.query(query.text, terms)
            assert got.variables == expected.variables, query.name
            assert _rows(got) == _rows(expected), f"{query.name} {values}"
            checked += 1
    assert checked >= len(list_queries())


def test_rebuilding_replaces_each_article_with_one_put(
    oxigraph_url: str, corpus: Path, remote: tuple[RemoteStore, BuildReport], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, first = remote
    before = store.quad_count()
    requests: list[str] = []
    posted: list[str] = []  # the graphs of Graph Store POSTs
    original = _Http.request

    def counting(self: _Http, method: str, url: str, *args: object, **kwargs: object) -> object:
        requests.append(method)
        if method == "POST" and "graph=" in url:
            posted.append(unquote(url.partition("graph=")[2]))
        return original(self, method, url, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(_Http, "request", counting)
    with RemoteStore.open(oxigraph_url) as again:
        report = build([corpus], again, force=True)  # unchanged articles are otherwise skipped
    assert report.replaced == report.articles == report.unchanged == first.articles
    # One PUT per article; the reference graphs were unchanged, so none for them. The graph of
    # cross-article links is rewritten only when a link changed, and rebuilding changes none.
    assert report.articles <= requests.count("PUT") <= report.articles + 1
    assert requests.count("PUT") + requests.count("DELETE") == report.articles
    # the shared nodes went once each: the run in one POST, the places in at most one per place
    places = store.query("SELECT DISTINCT ?p WHERE { ?p a kgo:Place }").rows
    assert posted.count(str(RUNS_GRAPH)) == 1
    assert 1 <= posted.count(str(PLACES_GRAPH)) <= len(places)
    assert store.quad_count() == before


def test_places_no_article_uses_are_pruned(remote: tuple[RemoteStore, BuildReport]) -> None:
    store, _ = remote
    before = _canonical(store)
    for site in ("Nowhere Bay", "Elsewhere Point"):
        graph = rdf.article_graph(_extraction("prune-probe", site), RunInfo("r", "l", "m", "v"))
        store.replace_article("prune-probe", graph.triples, graph.shared)
    store.prune_shared()
    rows = store.query(f"SELECT ?l WHERE {{ GRAPH <{PLACES_GRAPH}> {{ ?p rdfs:label ?l }} }}").rows
    labels = {str(row[0].value) for row in rows if isinstance(row[0], ox.Literal)}
    assert "Elsewhere Point" in labels and "Nowhere Bay" not in labels
    store.remove_article("prune-probe")
    store.prune_shared()
    assert _canonical(store) == before  # its place and run are gone with it


def _extraction(article_id: str, site: str) -> Extraction:
    text = f"North Korea fired a missile from {site}."
    mention = Mention(0, len(text), text, ("PRK",), ())
    launch = Launch("PRK", None, site=site, evidence=(mention,))
    return Extraction(Article(article_id, text), (mention,), (launch,))


def test_ask_construct_and_bound_parameters(remote: tuple[RemoteStore, BuildReport]) -> None:
    store, _ = remote
    assert store.query("ASK { ?s a kgo:Launch }").boolean is True
    construct = store.query("CONSTRUCT { ?s a kgo:State } WHERE { ?s a kgo:State } LIMIT 3")
    assert construct.kind == "construct" and len(construct) == 3
    code = ox.Literal("PRK")
    result = store.query("SELECT ?s ?code WHERE { ?s kgo:isoCode ?code }", {"code": code})
    assert _rows(result) == [("<https://w3id.org/kgnews/state/PRK>", '"PRK"')]


def test_read_only_refuses_writes(oxigraph_url: str) -> None:
    with (
        RemoteStore.open(oxigraph_url, read_only=True) as store,
        pytest.raises(StoreError, match="read-only"),
    ):
        store.replace_article("x", [])


def test_an_unreachable_server_is_a_store_error() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again when the block ends: nothing listens there
    with pytest.raises(StoreError, match="cannot reach the SPARQL server"):
        RemoteStore.open(f"http://127.0.0.1:{port}")


def test_a_server_without_the_union_default_graph_is_refused(
    oxigraph_url: str, remote: tuple[RemoteStore, BuildReport]
) -> None:
    with pytest.raises(StoreError, match="union"):
        RemoteStore.open(f"{oxigraph_url}#query=query&update=update&gsp=store")


def test_every_command_works_against_the_server(oxigraph_url: str, embedded: Store, tmp_path: Path) -> None:
    runner = CliRunner()
    for args in (
        ["query", "launches", "--param", "state=PRK", "-f", "csv"],
        ["query", "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?s a kgo:Event }", "-f", "csv"],
        ["stats"],
        ["validate"],
        ["eval", str(DEVSET)],
    ):
        result = runner.invoke(main, [*args, "--store", oxigraph_url])
        assert result.exit_code == 0, (args, result.output)
        assert result.stdout or args[0] == "validate"  # validate says "conforms" on stderr
    out = tmp_path / "kg.ttl"
    result = runner.invoke(main, ["export", "-f", "ttl", "-o", str(out), "--store", oxigraph_url])
    assert result.exit_code == 0, result.output
    exported = ox.Dataset(ox.parse(path=str(out), format=ox.RdfFormat.TURTLE))
    assert len(exported) == embedded.triple_count()
    with open_store(oxigraph_url, read_only=True) as store:
        assert isinstance(store, RemoteStore)
