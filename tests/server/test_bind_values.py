"""Parameters bound over the SPARQL protocol: a VALUES block in the WHERE group (no server)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.errors import QueryError
from kg.remote import bind_rows, bind_values, endpoints

EX = "http://example.org/"
PRK = ox.NamedNode(EX + "PRK")


def _store() -> ox.Store:
    store = ox.Store()
    data = f"""
        <{EX}l1> a <{EX}Launch> ; <{EX}agent> <{EX}PRK> ; <{EX}label> "one" .
        <{EX}l2> a <{EX}Launch> ; <{EX}agent> <{EX}IRN> ; <{EX}label> "two" .
        <{EX}l3> a <{EX}Launch> ; <{EX}label> "three" .
    """
    store.load(data, ox.RdfFormat.TURTLE)
    return store


def _rows(store: ox.Store, sparql: str, substitutions: dict[str, ox.NamedNode] | None = None) -> list[str]:
    if substitutions:
        bound = {ox.Variable(k): v for k, v in substitutions.items()}
        result = store.query(sparql, substitutions=bound)
    else:
        result = store.query(sparql)
    return sorted(str(row[0]) for row in result)  # type: ignore[union-attr]


OPTIONAL_STATE = f"""
SELECT ?launch ?state WHERE {{
  ?launch a <{EX}Launch> .
  FILTER EXISTS {{ {{ ?launch <{EX}agent> ?state }} UNION {{ ?launch a ?state }} }}
}}"""


def test_values_bind_like_substitution_including_filter_exists() -> None:
    store = _store()
    assert _rows(store, bind_values(OPTIONAL_STATE, {"state": PRK})) == _rows(
        store, OPTIONAL_STATE, {"state": PRK}
    )
    assert _rows(store, bind_values(OPTIONAL_STATE, {"state": PRK})) == [f"<{EX}l1>"]


def test_comments_strings_and_lookalike_names_are_skipped() -> None:
    sparql = f"""# a comment with {{ and WHERE
    PREFIX where: <{EX}>
    SELECT ?where WHERE {{ ?where where:label ?l FILTER (?l != "}} {{") }}"""
    rewritten = bind_values(sparql, {"where": ox.NamedNode(EX + "l1")})
    assert f"WHERE {{ VALUES (?where) {{ (<{EX}l1>) }}  ?where where:label" in rewritten
    assert _rows(_store(), rewritten) == [f"<{EX}l1>"]


def test_construct_binds_in_the_where_group_not_the_template() -> None:
    sparql = f"CONSTRUCT {{ ?l <{EX}p> ?state }} WHERE {{ ?l <{EX}agent> ?state }}"
    rewritten = bind_values(sparql, {"state": PRK})
    assert rewritten.startswith(f"CONSTRUCT {{ ?l <{EX}p> ?state }} WHERE {{ VALUES (?state)")
    assert len(list(_store().query(rewritten))) == 1  # type: ignore[arg-type]


def test_a_sub_select_group_is_wrapped() -> None:
    sparql = f"SELECT * {{ SELECT ?l ?state WHERE {{ ?l <{EX}agent> ?state }} }}"
    assert _rows(_store(), bind_values(sparql, {"state": PRK})) == [f"<{EX}l1>"]


def test_literals_are_written_by_pyoxigraph_not_pasted() -> None:
    hostile = ox.Literal('two" } ; DROP ALL ; #')
    sparql = f"SELECT ?l WHERE {{ ?l <{EX}label> ?name }}"
    rewritten = bind_values(sparql, {"name": hostile})
    assert '"two\\" } ; DROP ALL ; #"' in rewritten
    assert _rows(_store(), rewritten) == []


def test_blank_nodes_and_bad_names_are_refused() -> None:
    with pytest.raises(QueryError, match="only IRIs and literals"):
        bind_values("SELECT ?x WHERE { ?x ?p ?o }", {"x": ox.BlankNode("b")})
    with pytest.raises(QueryError, match="not a SPARQL variable"):
        bind_values("SELECT ?x WHERE { ?x ?p ?o }", {"x y": PRK})
    with pytest.raises(QueryError, match="WHERE group"):
        bind_values(f"DESCRIBE <{EX}l1>", {"x": PRK})


def test_endpoint_layouts() -> None:
    assert endpoints("http://127.0.0.1:7878").query == "http://127.0.0.1:7878/query?union-default-graph"
    fuseki = endpoints("http://h:3030/kg#fuseki")
    assert (fuseki.query, fuseki.update, fuseki.gsp) == ("http://h:3030/kg/query", "http://h:3030/kg/update",
                                                          "http://h:3030/kg/data")  # fmt: skip
    graphdb = endpoints("http://h:7200/repositories/kg#graphdb")
    assert graphdb.query == "http://h:7200/repositories/kg"
    assert graphdb.gsp == "http://h:7200/repositories/kg/rdf-graphs/service"
    assert endpoints("http://h/x#query=sparql&gsp=data").gsp == "http://h/x/data"
    with pytest.raises(Exception, match="unknown server layout"):
        endpoints("http://h#blazegraph")


def test_bind_rows_restricts_the_query_to_the_rows() -> None:
    store = _store()
    query = f"SELECT ?launch ?label WHERE {{ ?launch <{EX}label> ?label }}"
    rows = [(ox.NamedNode(EX + "l1"), ox.Literal("one")), (ox.NamedNode(EX + "l3"), ox.Literal("three"))]
    assert _rows(store, bind_rows(query, ["launch", "label"], rows)) == [f"<{EX}l1>", f"<{EX}l3>"]
    # a pair that is not in the data matches nothing, and no row at all matches nothing
    wrong = [(ox.NamedNode(EX + "l1"), ox.Literal("three"))]
    assert _rows(store, bind_rows(query, ["launch", "label"], wrong)) == []
    assert _rows(store, bind_rows(query, ["launch"], [])) == []


def test_bind_rows_refuses_blank_nodes_and_bad_names() -> None:
    query = "SELECT ?x WHERE { ?x ?p ?o }"
    with pytest.raises(QueryError, match="only IRIs and literals"):
        bind_rows(query, ["x"], [(ox.BlankNode("b"),)])
    with pytest.raises(QueryError, match="not a SPARQL variable"):
        bind_rows(query, ["x y"], [(PRK,)])
