"""kg.store: atomic per-article graphs, reference graphs, queries, exports, locking."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import BNode, Literal, URIRef

from kg import rdf, resources
from kg.errors import KgError, QueryError, StoreError
from kg.lexicon import load_lexicon
from kg.models import Article, Extraction, Launch, Mention, Outcome, PartialDate, RunInfo, WeaponRef
from kg.namespaces import (
    KGO,
    KGR,
    ONTOLOGY_GRAPH,
    PLACES_GRAPH,
    RDF,
    RDFS,
    RUNS_GRAPH,
    STATE,
    STATES_GRAPH,
    WEAPONS_GRAPH,
    XSD,
)
from kg.rdf import Triple
from kg.store import QueryResult, Store, from_ox, reference_quads, to_ox

RUN = RunInfo("rules-1", "lexhash", "en_core_web_sm", "3.8.0", "0.1.0")
KG_TTL = resources.ontology_dir() / "kg.ttl"
needs_ontology = pytest.mark.skipif(
    not KG_TTL.is_file(), reason=f"{KG_TTL} is not written yet (the ontology is built in parallel)"
)
# A small stand-in ontology with blank nodes, so reference graphs are tested without kg.ttl.
MINI_ONTOLOGY = """
@prefix kgo: <https://w3id.org/kgnews/ontology#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
kgo:Launch a owl:Class ; rdfs:label "launch" ; rdfs:subClassOf kgo:Event .
kgo:agent rdfs:domain [ a owl:Class ; owl:unionOf ( kgo:Launch kgo:Exercise ) ] .
"""


def extraction(article_id: str, n: int = 2, site: str = "Wonsan") -> Extraction:
    sentences = [f"North Korea fired missile number {i} from {site}." for i in range(n)]
    body = " ".join(sentences)
    mentions = []
    for sentence in sentences:
        start = body.index(sentence)
        mentions.append(Mention(start, start + len(sentence), sentence, ("PRK",), ("missile",)))
    events = tuple(
        Launch(
            "PRK",
            WeaponRef("missile", "missile", generic=True),
            date=PartialDate(2017, 3, 22 - i),
            site=site,
            outcome=Outcome.FAILURE,
            count=i + 1,
            confidence=0.875,
            evidence=(m,),
        )
        for i, m in enumerate(mentions)
    )
    article = Article(article_id, body, date=dt.date(2017, 3, 22), source="Reuters")
    return Extraction(article, tuple(mentions), events)


def graph_of(article_id: str, n: int = 2, site: str = "Wonsan") -> rdf.ArticleGraph:
    return rdf.article_graph(extraction(article_id, n, site), RUN)


def triples_of(article_id: str, n: int = 2, site: str = "Wonsan") -> list[Triple]:
    """The article's own graph (without the shared places and run)."""
    return list(graph_of(article_id, n, site).triples)


def write(store: Store, article_id: str, n: int = 2, site: str = "Wonsan") -> None:
    """Write the article as kg build does: its graph and the shared nodes it uses."""
    graph = graph_of(article_id, n, site)
    store.replace_article(article_id, graph.triples, graph.shared)


@pytest.fixture
def memory() -> Iterator[Store]:
    with Store.memory() as store:
        yield store


@pytest.fixture
def filled(tmp_path: Path) -> Iterator[Store]:
    """A persistent store with the reference graphs and three articles."""
    ontology = tmp_path / "mini.ttl"
    ontology.write_text(MINI_ONTOLOGY, encoding="utf-8")
    with Store.open(tmp_path / "store") as store:
        store.ensure_reference(load_lexicon(), ontology)
        for i in range(3):
            write(store, f"a{i}", n=i + 1)
        yield store


# --- term conversion --------------------------------------------------------------------


@pytest.mark.parametrize(
    "term",
    [
        URIRef("https://w3id.org/kgnews/state/PRK"),
        BNode("b0"),
        Literal("North Korea"),
        Literal("Nordkorea", lang="de"),
        Literal("2017", datatype=XSD.gYear),
        Literal("2017-03", datatype=XSD.gYearMonth),
        Literal("2017-03-22", datatype=XSD.date),
        Literal(Decimal("0.9")),
        Literal(4),
    ],
)
def test_terms_round_trip(term: rdflib.term.Node) -> None:
    converted = to_ox(term)
    assert from_ox(converted) == term
    if isinstance(term, Literal) and term.datatype is not None:
        assert isinstance(converted, ox.Literal)
        assert converted.datatype.value == str(term.datatype)


def test_plain_string_is_xsd_string() -> None:
    converted = to_ox(Literal("x"))
    assert isinstance(converted, ox.Literal)
    assert converted.datatype.value == str(XSD.string)


# --- writing ----------------------------------------------------------------------------


def test_article_graph_round_trips(memory: Store) -> None:
    triples = triples_of("a1")
    assert memory.replace_article("a1", triples) is False
    assert set(memory.graph_triples(rdf.article_iri("a1"))) == set(triples)
    assert memory.quad_count() == len(triples)


def test_replace_is_idempotent_and_drops_old_triples(memory: Store) -> None:
    memory.replace_article("a1", triples_of("a1", n=3))
    memory.replace_article("a2", triples_of("a2", n=1))
    quads = memory.quad_count()
    assert memory.replace_article("a1", triples_of("a1", n=3)) is True
    assert memory.quad_count() == quads
    # the article now says less, somewhere else: nothing of the old version remains
    memory.replace_article("a1", triples_of("a1", n=1, site="Sohae"))
    graph = set(memory.graph_triples(rdf.article_iri("a1")))
    assert graph == set(triples_of("a1", n=1, site="Sohae"))
    assert not any(o == Literal("Wonsan") for _, _, o in graph)
    assert memory.quad_count() == quads - len(triples_of("a1", n=3)) + len(graph)
    assert set(memory.graph_triples(rdf.article_iri("a2"))) == set(triples_of("a2", n=1))


def test_replacement_is_one_transaction(memory: Store) -> None:
    """Drop + insert are one SPARQL Update request; a request that fails part-way changes nothing."""
    from kg.store import _replace_graphs_update, _sparql_triples

    old = triples_of("a1", n=2)
    memory.replace_article("a1", old)
    memory.replace_article("a2", triples_of("a2"))
    graph = str(rdf.article_iri("a1"))
    request = _replace_graphs_update({graph: _sparql_triples(triples_of("a1", n=1, site="Sohae"))})
    # the request's last operation fails (that graph exists), after the drop and the insert ran
    failing = request + f" ;\nCREATE GRAPH <{rdf.article_iri('a2')}>"
    with pytest.raises(StoreError, match="already exists"):
        memory._update(failing)
    assert set(memory.graph_triples(rdf.article_iri("a1"))) == set(old)


def test_shared_nodes_are_stored_once(memory: Store) -> None:
    """Places and the run live in their own graphs, once, however many articles use them, so
    the union default graph gives one row per launch, not one per article naming its site."""
    for article_id in ("a1", "a2", "a3"):
        write(memory, article_id, n=2)
    places = memory.graph_triples(PLACES_GRAPH)
    wonsan = rdf.place_iri("Wonsan")
    assert sorted(places) == sorted([(wonsan, RDF.type, KGO.Place), (wonsan, RDFS.label, Literal("Wonsan"))])
    assert {s for s, _, _ in memory.graph_triples(RUNS_GRAPH)} == {rdf.run_iri(RUN)}
    for article_id in ("a1", "a2", "a3"):
        graph = memory.graph_triples(rdf.article_iri(article_id))
        assert not any(s in (rdf.place_iri("Wonsan"), rdf.run_iri(RUN)) for s, _, _ in graph)
    rows = memory.query("SELECT ?launch ?site WHERE { ?launch kgo:site/rdfs:label ?site }").rows
    assert len(rows) == 6 == len(set(rows))


def test_prune_shared_removes_what_no_article_uses(memory: Store) -> None:
    write(memory, "a1", site="Wonsan")
    write(memory, "a2", site="Sohae")
    write(memory, "a1", site="Sinpo")  # a1 read again: Wonsan is no longer named
    memory.prune_shared()
    labels = {o for _, p, o in memory.graph_triples(PLACES_GRAPH) if p == RDFS.label}
    assert labels == {Literal("Sohae"), Literal("Sinpo")}
    assert memory.graph_triples(RUNS_GRAPH)
    memory.remove_article("a1")
    memory.remove_article("a2")
    memory.prune_shared()
    assert memory.quad_count() == 0


def test_remove_article(memory: Store) -> None:
    memory.replace_article("a1", triples_of("a1"))
    assert memory.remove_article("a1") is True
    assert memory.remove_article("a1") is False
    assert memory.quad_count() == 0
    assert memory.article_ids() == []


@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(st.characters(blacklist_categories=["Cs"]), max_size=40))
def test_any_text_survives_the_update(memory: Store, text: str) -> None:
    node = KGR["mention-x"]
    memory.replace_article(
        "t", [(node, KGO.text, Literal(text)), (node, RDFS.label, Literal(text, lang="en"))]
    )
    assert set(memory.graph_triples(rdf.article_iri("t"))) == {
        (node, KGO.text, Literal(text)),
        (node, RDFS.label, Literal(text, lang="en")),
    }


def test_ensure_reference_writes_only_changes(tmp_path: Path, memory: Store) -> None:
    ontology = tmp_path / "mini.ttl"
    ontology.write_text(MINI_ONTOLOGY, encoding="utf-8")
    lexicon = load_lexicon()
    assert memory.ensure_reference(lexicon, ontology) == [ONTOLOGY_GRAPH, STATES_GRAPH, WEAPONS_GRAPH]
    quads = memory.quad_count()
    # blank nodes in the ontology are compared up to renaming: nothing changed, nothing written
    assert memory.ensure_reference(lexicon, ontology) == []
    assert memory.quad_count() == quads
    states = {s for s, p, o in memory.graph_triples(STATES_GRAPH) if p == RDF.type and o == KGO.State}
    assert len(states) == len(lexicon.states) == 197
    ontology.write_text(MINI_ONTOLOGY + 'kgo:Launch rdfs:comment "one launch" .\n', encoding="utf-8")
    assert memory.ensure_reference(lexicon, ontology) == [ONTOLOGY_GRAPH]
    assert memory.quad_count() == quads + 1


@needs_ontology
def test_ensure_reference_loads_kg_ttl(memory: Store) -> None:
    lexicon = load_lexicon()
    assert memory.ensure_reference(lexicon) == [ONTOLOGY_GRAPH, STATES_GRAPH, WEAPONS_GRAPH]
    assert memory.ensure_reference(lexicon) == []
    ontology = memory.graph_triples(ONTOLOGY_GRAPH)
    assert (KGO.Launch, RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")) in ontology


def _blank_labels(store: Store, graph: URIRef) -> set[str]:
    return {str(term) for triple in store.graph_triples(graph) for term in triple if isinstance(term, BNode)}


@needs_ontology
def test_the_ontology_blank_nodes_have_stable_labels(memory: Store) -> None:
    """kg.ttl's OWL lists and class expressions stay blank nodes, labelled canonically (RDFC-1.0)
    rather than by the parser's random labels, so that every build exports the same bytes."""
    first = reference_quads(load_lexicon())[ONTOLOGY_GRAPH]
    assert first == reference_quads(load_lexicon())[ONTOLOGY_GRAPH]
    parsed = ox.Dataset(
        ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(str(ONTOLOGY_GRAPH)))
        for q in ox.parse(path=str(KG_TTL), format=ox.RdfFormat.TURTLE)
    )
    ours = ox.Dataset(first)
    for dataset in (parsed, ours):
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    assert parsed == ours  # the same graph as kg.ttl, up to blank node labels
    memory.ensure_reference(load_lexicon())
    labels = _blank_labels(memory, ONTOLOGY_GRAPH)
    assert len(labels) > 10 and all(re.fullmatch(r"kgo-c14n\d+", label) for label in labels)


def test_a_changed_ontology_replaces_the_blank_nodes_of_the_old_one(tmp_path: Path) -> None:
    ontology = tmp_path / "mini.ttl"
    ontology.write_text(MINI_ONTOLOGY, encoding="utf-8")
    lexicon = load_lexicon()
    with Store.open(tmp_path / "store") as store:
        store.ensure_reference(lexicon, ontology)
        before = store.quad_count()
        assert len(_blank_labels(store, ONTOLOGY_GRAPH)) == 3  # the class expression, two list cells
        longer = MINI_ONTOLOGY.replace("kgo:Exercise", "kgo:Exercise kgo:Treaty")
        ontology.write_text(longer, encoding="utf-8")
        assert store.ensure_reference(lexicon, ontology) == [ONTOLOGY_GRAPH]
        assert len(_blank_labels(store, ONTOLOGY_GRAPH)) == 4  # one list cell more, none left over
        assert store.quad_count() == before + 2
        assert store.ensure_reference(lexicon, ontology) == []


def test_missing_ontology_is_a_clear_error(tmp_path: Path, memory: Store) -> None:
    with pytest.raises(KgError, match="ontology file is missing"):
        memory.ensure_reference(load_lexicon(), tmp_path / "nope.ttl")


# --- reading ----------------------------------------------------------------------------


def test_query_union_prefixes_and_bindings(filled: Store) -> None:
    result = filled.query(
        "SELECT ?launch ?count ?agent WHERE { ?launch a kgo:Launch ; kgo:agent ?agent ; kgo:count ?count } "
        "ORDER BY ?count ?launch",
        {"agent": STATE.PRK},
    )
    assert isinstance(result, QueryResult)
    assert result.kind == "select"
    assert result.variables == ("launch", "count", "agent")
    assert len(result) == 1 + 2 + 3  # launches live in three different article graphs
    counts = [from_ox(row[1]) for row in result if row[1] is not None]
    assert counts == [Literal(1), Literal(1), Literal(1), Literal(2), Literal(2), Literal(3)]
    # the States graph and the article graphs join in the default graph
    labels = filled.query("SELECT DISTINCT ?name WHERE { ?l kgo:agent ?s . ?s rdfs:label ?name }")
    assert [from_ox(r[0]) for r in labels if r[0] is not None] == [Literal("North Korea")]
    assert filled.query("SELECT ?x WHERE { ?x a kgo:Launch } LIMIT 1", {"?x": STATE.KOR}).rows == []


def test_query_unbound_ask_construct(filled: Store) -> None:
    optional = filled.query(
        "SELECT ?a ?missing WHERE { ?a a kgo:Article OPTIONAL { ?a kgo:count ?missing } } ORDER BY ?a"
    )
    assert [row[1] for row in optional] == [None, None, None]
    ask = filled.query("ASK { ?l a kgo:Launch ; kgo:outcome kgo:Failure }")
    assert (ask.kind, ask.boolean) == ("ask", True)
    assert filled.query("ASK { ?l kgo:outcome kgo:Success }").boolean is False
    construct = filled.query("CONSTRUCT { ?p a kgo:Place } WHERE { ?p a kgo:Place }")
    assert construct.kind == "construct"
    assert construct.rows == [(to_ox(KGR["place-wonsan"]), to_ox(RDF.type), to_ox(KGO.Place))]


def test_bad_query_is_a_query_error(memory: Store) -> None:
    with pytest.raises(QueryError, match="does not parse"):
        memory.query("SELECT ?x WHERE { ?x ")
    with pytest.raises(QueryError, match=r"bind \?s, the query must SELECT it"):
        memory.query("SELECT ?o WHERE { ?s ?p ?o }", {"s": STATE.PRK})


def test_counts_and_article_ids(filled: Store) -> None:
    assert filled.article_ids() == ["a0", "a1", "a2"]
    union = filled.query("SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }")
    assert filled.triple_count() == len(union)
    # shared nodes (places, the run) have graphs of their own: no triple is in two graphs
    assert filled.quad_count() == filled.triple_count()
    assert rdf.article_iri("a0") in filled.graph_names()


# --- exports ----------------------------------------------------------------------------

_TRIPLE_FORMATS = {"turtle": "turtle", "ttl": "turtle", "ntriples": "nt", "nt": "nt", "jsonld": "json-ld"}
_QUAD_FORMATS = {"trig": "trig", "nquads": "nquads", "nq": "nquads"}
_OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "json-ld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
}


def export(store: Store, fmt: str) -> bytes:
    out = io.BytesIO()
    store.export(out, fmt)
    return out.getvalue()


# rdflib 7.6's own JSON-LD, TriG and N-Quads parsers go through APIs it has deprecated
# (ConjunctiveGraph, Dataset.default_context); the warnings are rdflib's, not ours.
RDFLIB_INTERNAL_DEPRECATIONS = (
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning"),
)


@RDFLIB_INTERNAL_DEPRECATIONS[0]
@pytest.mark.parametrize("fmt", sorted(_TRIPLE_FORMATS))
def test_union_exports_parse_back(filled: Store, fmt: str) -> None:
    data = export(filled, fmt)
    graph = rdflib.Graph().parse(data=data, format=_TRIPLE_FORMATS[fmt])
    assert len(graph) == filled.triple_count()
    parsed = list(ox.parse(data, format=_OX_FORMATS[_TRIPLE_FORMATS[fmt]]))
    assert len(parsed) == len(set(parsed)) == filled.triple_count()
    assert all(q.graph_name == ox.DefaultGraph() for q in parsed)


@RDFLIB_INTERNAL_DEPRECATIONS[0]
@RDFLIB_INTERNAL_DEPRECATIONS[1]
@pytest.mark.parametrize("fmt", sorted(_QUAD_FORMATS))
def test_dataset_exports_keep_graphs_apart(filled: Store, fmt: str) -> None:
    data = export(filled, fmt)
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format=_QUAD_FORMATS[fmt])
    assert len(list(dataset.quads((None, None, None, None)))) == filled.quad_count()
    parsed = list(ox.parse(data, format=_OX_FORMATS[_QUAD_FORMATS[fmt]]))
    assert len(parsed) == filled.quad_count()
    assert {q.graph_name.value for q in parsed if isinstance(q.graph_name, ox.NamedNode)} == {
        str(g) for g in filled.graph_names()
    }
    assert len({(q.subject, q.predicate, q.object) for q in parsed}) == filled.triple_count()


@pytest.mark.parametrize("fmt", ["turtle", "trig"])
def test_exports_declare_the_project_prefixes(filled: Store, fmt: str) -> None:
    text = export(filled, fmt).decode("utf-8")
    for prefix in ("kgo", "kgr", "state", "prov", "xsd"):
        assert f"@prefix {prefix}: <" in text
    assert "kgo:Launch" in text


def test_unknown_export_format(memory: Store) -> None:
    with pytest.raises(KgError, match="unknown export format 'rdfxml'"):
        memory.export(io.BytesIO(), "rdfxml")


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) is not installed")
def test_rapper_reads_the_turtle(filled: Store, tmp_path: Path) -> None:
    path = tmp_path / "kg.ttl"
    path.write_bytes(export(filled, "turtle"))
    done = subprocess.run(
        ["rapper", "-i", "turtle", "-c", str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert f"returned {filled.triple_count()} triples" in done.stderr


def test_exports_are_byte_identical_across_builds(tmp_path: Path) -> None:
    ids = [f"a{i}" for i in range(5)]
    outputs = []
    for name, order in (("one", ids), ("two", ids[::-1])):
        with Store.open(tmp_path / name) as store:
            for article_id in order:
                store.replace_article(article_id, triples_of(article_id, n=2))
            outputs.append({fmt: export(store, fmt) for fmt in ("turtle", "nt", "trig", "nq")})
    assert outputs[0] == outputs[1]


# --- opening, locking, persistence ------------------------------------------------------


def test_persistent_store_reopens_with_its_data(tmp_path: Path) -> None:
    location = tmp_path / "store"
    with Store.open(location) as store:
        store.replace_article("a1", triples_of("a1"))
        quads, triples = store.quad_count(), store.triple_count()
    with Store.open(location) as store:
        assert (store.quad_count(), store.triple_count()) == (quads, triples)
        assert store.article_ids() == ["a1"]
    with Store.open(str(location), read_only=True) as store:
        assert store.article_ids() == ["a1"]
        assert len(export(store, "nt").splitlines()) == triples
        with pytest.raises(StoreError, match="read-only"):
            store.replace_article("a2", triples_of("a2"))


def test_location_defaults_to_env_then_kg_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_STORE", str(tmp_path / "from-env"))
    with Store.open() as store:
        assert store.location == tmp_path / "from-env"
    monkeypatch.delenv("KG_STORE")
    monkeypatch.chdir(tmp_path)
    with Store.open() as store:
        assert store.location == Path("kg-store")
    assert (tmp_path / "kg-store" / "CURRENT").is_file()


def test_a_store_in_use_by_another_process(tmp_path: Path) -> None:
    location = tmp_path / "store"
    with Store.open(location) as store:
        store.replace_article("a1", triples_of("a1"))
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys\nfrom kg.store import Store\n"
            f"s = Store.open({str(location)!r})\nprint('open', flush=True)\nsys.stdin.read()\ns.close()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(
            StoreError, match="in use by another kg process; wait for it to finish or use --store"
        ):
            Store.open(location)
        with pytest.raises(StoreError, match="being written by another kg process"):
            Store.open(location, read_only=True)
    finally:
        assert holder.stdin is not None
        assert holder.stdout is not None
        holder.stdin.close()
        holder.wait(timeout=30)
        holder.stdout.close()
    assert holder.returncode == 0
    with Store.open(location) as store:  # the lock is gone with the process
        assert store.article_ids() == ["a1"]


def test_a_store_open_twice_in_one_process(tmp_path: Path) -> None:
    with Store.open(tmp_path / "store") as writer:
        with pytest.raises(StoreError, match="already open in this process"):
            Store.open(tmp_path / "store")
        writer.replace_article("a1", triples_of("a1"))
        writer.close()  # flushed; a read-only view in the same process then sees the data
        with Store.open(tmp_path / "store", read_only=True) as reader:
            assert reader.article_ids() == ["a1"]


def test_paths_that_are_not_stores(tmp_path: Path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("hello", encoding="utf-8")
    with pytest.raises(StoreError, match="is a file, not a kg store"):
        Store.open(a_file)
    with pytest.raises(StoreError, match="is not a kg store"):
        Store.open(tmp_path)  # holds notes.txt
    with pytest.raises(StoreError, match="no kg store at"):
        Store.open(tmp_path / "missing", read_only=True)
    assert not (tmp_path / "missing").exists()


def test_closed_store(memory: Store) -> None:
    memory.close()
    memory.close()
    with pytest.raises(StoreError, match="closed"):
        memory.quad_count()
