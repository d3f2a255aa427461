"""kg.sparql_errors: SPARQL that does not parse, explained in words a user can act on."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.namespaces import PREFIXES
from kg.sparql_errors import explain, first_keyword, recognise, undeclared_prefixes


def oxigraph_says(sparql: str) -> str:
    """Oxigraph's own message for a query it rejects."""
    try:
        ox.Store().query(sparql, prefixes=PREFIXES)
    except SyntaxError as err:
        return str(err)
    raise AssertionError(f"{sparql!r} parses")


@pytest.mark.parametrize(
    ("sparql", "expected"),
    [
        ("SELEC ?x WHERE { ?x ?p ?o }",
         "unknown keyword SELEC (did you mean SELECT?): expected SELECT, CONSTRUCT, ASK or DESCRIBE"),
        ("PREFIX ex: <http://example.org/>\n  seelct ?x { ?x ?p ?o }", "unknown keyword SEELCT"),
        ("FETCH ?x", "unknown keyword FETCH: expected SELECT, CONSTRUCT, ASK or DESCRIBE"),
        ("SELECT ?x WHERE { ?x foo:bar ?o }",
         "prefix foo: is not declared; known prefixes: dcterms, kgo, kgr, owl, prov, rdf, rdfs, sem, "
         "skos, state, wd, xsd; declare it with PREFIX foo: <IRI>"),
        ("SELECT * { ?x a kgo:Launch ; ex:p ?y ; other:q ?z }", "prefix ex:, other: are not declared"),
        ("", "the query is empty"),
        ("# only a comment\n", "the query is empty"),
    ],
)  # fmt: skip
def test_common_mistakes_are_named(sparql: str, expected: str) -> None:
    message = explain(sparql, oxigraph_says(sparql), PREFIXES)
    assert message.startswith("the SPARQL query does not parse: ")
    assert expected in message
    assert "\\u{" not in message and "[_]" not in message  # none of the grammar's internals


UPDATES = [
    "DROP ALL",
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "PREFIX x: <urn:x> DELETE WHERE { ?s ?p ?o }",
    "clear default",
]


@pytest.mark.parametrize("sparql", UPDATES)
def test_updates_are_refused_as_updates(sparql: str) -> None:
    message = explain(sparql, oxigraph_says(sparql), PREFIXES)
    assert message.startswith("kg query is read-only; updates are not accepted")
    assert "kg build, kg remove or kg import" in message


def test_other_errors_give_the_line_column_and_a_caret() -> None:
    sparql = "SELECT ?x\nWHERE { ?x ?p ?o } ORDER ?x"
    message = explain(sparql, oxigraph_says(sparql), PREFIXES)
    assert message.splitlines() == [
        "the SPARQL query does not parse: syntax error at line 2, column 28: expected BY",
        "  WHERE { ?x ?p ?o } ORDER ?x",
        "  " + " " * 27 + "^",  # where the parser stopped: the end of the line
    ]
    sparql = "SELECT ?x WHERE { ?x ?p ?o "
    message = explain(sparql, oxigraph_says(sparql), PREFIXES)
    assert 'expected one of ",", ".", ";"' in message and "[_]" not in message


def test_prefixes_in_strings_iris_and_blank_nodes_are_not_prefixes() -> None:
    sparql = 'SELECT * { _:b <http://x/a:b> "foo:bar" ; rdfs:label "x"@en-GB ; kgo:date "2017"^^xsd:gYear }'
    assert undeclared_prefixes(sparql, PREFIXES) == []
    assert undeclared_prefixes("PREFIX foo: <urn:f> SELECT * { ?x foo:p ?y }") == []
    assert first_keyword("BASE <urn:b> PREFIX a: <urn:a> ask {}") == "ASK"
    assert recognise("SELECT * { ?s ?p ?o }", PREFIXES) is None
