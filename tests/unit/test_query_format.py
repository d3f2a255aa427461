"""Result formatting (table, csv, tsv, json) and parameter binding of named queries."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import QueryError
from kg.namespaces import KGO, STATE, XSD
from kg.queries import (
    NamedQuery,
    Param,
    bind,
    format_result,
    load_query_file,
    results_json,
    shorten,
    to_term,
)
from kg.store import QueryResult

INTEGER = ox.NamedNode(str(XSD.integer))
DECIMAL = ox.NamedNode(str(XSD.decimal))
SENTENCE = 'KCNA said the missile, a "Hwasong-15", flew 950 km,\nthen fell\tinto the sea.'
LAUNCH = ox.NamedNode("https://w3id.org/kgnews/resource/launch-3f2a9c")

RESULT = QueryResult(
    "select",
    ("state_code", "count", "confidence", "sentence", "launch", "site"),
    [
        (ox.Literal("PRK"), ox.Literal("2", datatype=INTEGER), ox.Literal("0.9", datatype=DECIMAL),
         ox.Literal(SENTENCE), LAUNCH, None),
        (ox.Literal("KOR"), None, None, ox.Literal("Seoul, said: ok"), ox.NamedNode("http://example.org/x"),
         ox.BlankNode("b0")),
    ],
)  # fmt: skip


def render(result: QueryResult, fmt: str, width: int = 60) -> str:
    out = io.StringIO()
    format_result(result, fmt, out, width=width)
    return out.getvalue()


# --- table --------------------------------------------------------------------------------


def test_table_aligns_columns_shortens_iris_and_cuts_long_cells() -> None:
    text = render(RESULT, "table", width=20)
    lines = text.splitlines()
    assert lines[0].split() == ["state_code", "count", "confidence", "sentence", "launch", "site"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert lines[2].startswith("PRK         2      0.9         ")
    assert "kgr:launch-3f2a9c" in lines[2]
    assert "KCNA said the missi…" in lines[2]
    assert "http://example.org/x" in lines[3] and "_:b0" in lines[3]
    assert len(lines) == 4  # header, rule, two rows: no row count on stdout
    starts = [lines[0].index(h) for h in ("count", "confidence", "sentence", "launch")]
    for line in lines[2:]:
        for start in starts:
            assert line[start - 2 : start] == "  "  # every row's cells start under the header


def test_table_keeps_short_cells_and_flattens_newlines() -> None:
    lines = render(RESULT, "table", width=200).splitlines()
    assert "flew 950 km, then fell into the sea." in lines[2]
    assert all(line == line.rstrip() for line in lines)


def test_table_with_no_rows_prints_the_header() -> None:
    empty = QueryResult("select", ("a", "b"), [])
    assert render(empty, "table").splitlines() == ["a  b", "-  -"]


def test_shorten_uses_the_longest_prefix() -> None:
    assert shorten(str(KGO.Failure)) == "kgo:Failure"
    assert shorten(str(STATE.PRK)) == "state:PRK"
    assert shorten("http://example.org/x") == "http://example.org/x"


# --- csv and tsv ----------------------------------------------------------------------------


def test_csv_round_trips_through_the_csv_module() -> None:
    text = render(RESULT, "csv")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == list(RESULT.variables)
    assert rows[1] == ["PRK", "2", "0.9", SENTENCE, str(LAUNCH.value), ""]
    assert rows[2] == ["KOR", "", "", "Seoul, said: ok", "http://example.org/x", "_:b0"]
    assert text.endswith("\r\n")


@given(
    st.lists(
        st.text(alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00")),
        min_size=1,
        max_size=4,
    )
)
def test_csv_round_trips_any_text(cells: list[str]) -> None:
    # A first column that is never empty: a lone empty field is an empty line, which csv skips.
    variables = ("n", *(f"v{i}" for i in range(len(cells))))
    result = QueryResult("select", variables, [(ox.Literal("1"), *(ox.Literal(c) for c in cells))])
    rows = list(csv.reader(io.StringIO(render(result, "csv"), newline="")))
    assert rows == [list(variables), ["1", *cells]]


def test_tsv_follows_the_sparql_results_tsv_format() -> None:
    text = render(RESULT, "tsv")
    lines = text.split("\n")
    assert lines[0] == "\t".join(f"?{v}" for v in RESULT.variables)
    escaped = '"KCNA said the missile, a \\"Hwasong-15\\", flew 950 km,\\nthen fell\\tinto the sea."'
    assert lines[1].split("\t") == ['"PRK"', "2", "0.9", escaped, f"<{LAUNCH.value}>", ""]
    parsed = ox.parse_query_results(text, ox.QueryResultsFormat.TSV)
    assert isinstance(parsed, ox.QuerySolutions)
    first = next(iter(parsed))
    assert tuple(first[v] for v in RESULT.variables)[:5] == RESULT.rows[0][:5]


# --- json -----------------------------------------------------------------------------------


def test_json_follows_the_sparql_results_json_format() -> None:
    data = json.loads(render(RESULT, "json"))
    assert data["head"] == {"vars": list(RESULT.variables)}
    first, second = data["results"]["bindings"]
    assert first["state_code"] == {"type": "literal", "value": "PRK"}
    assert first["count"] == {"type": "literal", "value": "2", "datatype": str(XSD.integer)}
    assert first["launch"] == {"type": "uri", "value": LAUNCH.value}
    assert "site" not in first  # unbound: left out
    assert second["site"] == {"type": "bnode", "value": "b0"}


def test_json_parses_in_pyoxigraph() -> None:
    parsed = ox.parse_query_results(render(RESULT, "json"), ox.QueryResultsFormat.JSON)
    assert isinstance(parsed, ox.QuerySolutions)
    assert [v.value for v in parsed.variables] == list(RESULT.variables)
    assert [tuple(s[v] for v in RESULT.variables) for s in parsed] == RESULT.rows


def test_json_of_an_ask_result() -> None:
    assert results_json(QueryResult("ask", boolean=True)) == {"head": {}, "boolean": True}
    assert render(QueryResult("ask", boolean=False), "table") == "false\n"


def test_language_tags_and_quoted_triples_in_json() -> None:
    triple = ox.Triple(LAUNCH, ox.NamedNode(str(KGO.agent)), ox.NamedNode(str(STATE.PRK)))
    result = QueryResult("select", ("label", "t"), [(ox.Literal("Corée du Nord", language="fr"), triple)])
    data = json.loads(render(result, "json"))
    (row,) = data["results"]["bindings"]
    assert row["label"] == {"type": "literal", "value": "Corée du Nord", "xml:lang": "fr"}
    assert row["t"]["type"] == "triple"
    assert row["t"]["value"]["object"] == {"type": "uri", "value": str(STATE.PRK)}
    assert "<< kgr:launch-3f2a9c kgo:agent state:PRK >>" in render(result, "table")


def test_unknown_format_is_a_query_error() -> None:
    with pytest.raises(QueryError, match="unknown result format 'xml'; use one of table, csv, tsv, json"):
        render(RESULT, "xml")


# --- binding --------------------------------------------------------------------------------


def param(type_: str) -> Param:
    return Param("p", type_, "a test parameter; optional", True)


@pytest.mark.parametrize(
    ("type_", "value", "term"),
    [
        ("state", "PRK", ox.NamedNode(str(STATE.PRK))),
        ("state", " kor ", ox.NamedNode(str(STATE.KOR))),
        ("iri", "kgr:launch-3f2a9c", LAUNCH),
        ("iri", LAUNCH.value, LAUNCH),
        ("iri", f"<{LAUNCH.value}>", LAUNCH),
        ("iri", "urn:isbn:0451450523", ox.NamedNode("urn:isbn:0451450523")),
        ("string", "Foal Eagle", ox.Literal("Foal Eagle")),
        ("integer", "+3", ox.Literal("3", datatype=INTEGER)),
        ("date", "2017", ox.Literal("2017", datatype=ox.NamedNode(str(XSD.gYear)))),
        ("date", "2017-03", ox.Literal("2017-03", datatype=ox.NamedNode(str(XSD.gYearMonth)))),
        ("date", "2017-03-22", ox.Literal("2017-03-22", datatype=ox.NamedNode(str(XSD.date)))),
        ("factuality", "Claimed", ox.Literal("claimed")),
        ("factuality", "reported", ox.Literal("asserted claimed")),
        ("factuality", "negated, Asserted", ox.Literal("asserted negated")),
        ("factuality", "all", ox.Literal("asserted claimed expected negated")),
        ("outcome", "failure", ox.NamedNode(str(KGO.Failure))),
        ("outcome", "unknown", ox.NamedNode(str(KGO.UnknownOutcome))),
        ("article", "seed-2017-03-23-wonsan", ox.Literal("seed-2017-03-23-wonsan")),
    ],
)
def test_values_become_terms_of_their_type(type_: str, value: str, term: ox.NamedNode | ox.Literal) -> None:
    assert to_term(param(type_), value) == term


@pytest.mark.parametrize(
    ("type_", "value", "message"),
    [
        ("state", "North Korea", "p must be an ISO 3166-1 alpha-3 code such as PRK"),
        ("state", "} ; DROP ALL ; {", "p must be an ISO 3166-1 alpha-3 code"),
        ("iri", "} ; DROP ALL ; {", "p must be a full IRI"),
        ("iri", "launch-3f2a9c", "p must be a full IRI"),
        ("iri", "http://example.org/a b", "p must be a full IRI"),
        ("integer", "3.5", "p must be a whole number"),
        ("date", "2017-02-30", "p must be a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ("date", "March 2017", "p must be a date"),
        ("factuality", "rumoured", "p must be reported \\(asserted and claimed\\), all, or a comma"),
        ("factuality", ",", "p must be reported"),
        ("outcome", "partial", "p must be one of success|failure|unknown"),
        ("article", "", "p must be an article id"),
    ],
)
def test_bad_values_are_query_errors(type_: str, value: str, message: str) -> None:
    with pytest.raises(QueryError, match=message.replace("|", r"\|")):
        to_term(param(type_), value)


def write_query(tmp_path: Path, header: str) -> Path:
    path = tmp_path / "q.rq"
    path.write_text(header + "SELECT ?x ?state WHERE { ?x ?p ?state } ORDER BY ?x\n", encoding="utf-8")
    return path


def test_a_required_parameter_must_be_given(tmp_path: Path) -> None:
    query = load_query_file(
        write_query(tmp_path, "# title: Q\n# description: D.\n# param ?state state: the state\n")
    )
    assert query.params == (Param("state", "state", "the state", False),)
    with pytest.raises(QueryError, match="the query q needs the parameter state"):
        bind(query, {})
    assert bind(query, {"?state": "USA"}) == {"state": ox.NamedNode(str(STATE.USA))}


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("# description: D.\n", r"q.rq:1: the header has no '# title:' line"),
        ("# title: Q\n# description: D.\n# param state state: x\n", r"q.rq:3: expected '# param \?NAME TYPE"),
        (
            "# title: Q\n# description: D.\n# param ?state country: x\n",
            r"q.rq:3: unknown parameter type 'country'",
        ),
        ("# title: Q\n# title: R\n# description: D.\n", r"q.rq:2: a second '# title:' line"),
        ("# title Q\n# description: D.\n", r"q.rq:1: expected '# title: text'"),
        (
            "# title: Q\n# description: D.\n# param ?missing string: x; optional\n",
            r"\?missing does not occur",
        ),
        (
            "# title: Q\n# description: D.\n# param ?state state: x\n# param ?state iri: y\n",
            r"q.rq:4: .*twice",
        ),
    ],
)
def test_bad_headers_name_file_and_line(tmp_path: Path, header: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        load_query_file(write_query(tmp_path, header))


def test_free_comment_lines_are_allowed(tmp_path: Path) -> None:
    header = "# title: Q\n# A note about the query.\n#\n# description: D.\n"
    query = load_query_file(write_query(tmp_path, header))
    assert (query.name, query.title, query.description, query.params) == ("q", "Q", "D.", ())
    assert isinstance(query, NamedQuery)
