"""Every named query in queries/*.rq, run on a small hand-written dataset (fixtures/mini.trig).

Rows are compared exactly: IRIs as prefixed names, xsd:integer as int, xsd:decimal as Decimal,
plain strings as str, other literals as "value^^xsd:type", unbound as None.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.plugins.sparql import prepareQuery

from kg.errors import QueryError
from kg.factualities import REPORTED, sparql_value
from kg.namespaces import PREFIXES, RDF, XSD
from kg.queries import NamedQuery, bind, list_queries, load_query, shorten

FIXTURE = Path(__file__).parent / "fixtures" / "mini.trig"
QUERIES = list_queries()
NAMES = [q.name for q in QUERIES]

LAUNCH_A_SENTENCES = (
    "North Korea fired a ballistic missile from Wonsan on Wednesday, South Korea said."
    ' | The missile "exploded within seconds" of launch, officials said.'
)
HWASONG_SENTENCE = 'North Korea said it test-fired a Hwasong-15, "the most powerful ICBM", on Wednesday.'
WONSAN = "seed-2017-03-23-wonsan"
HWASONG = "seed-2017-11-29-hwasong"

# The columns each query declares (`# column` lines): what `kg query` prints. The parameters a
# query selects only so that they can be substituted (?state, ?factuality) are not among them.
LAUNCH_COLUMNS = ("state_code", "date", "weapon", "class", "site", "outcome", "count", "factuality_word",
                  "confidence", "sentence", "article", "launch")  # fmt: skip
LAUNCH_A = ("PRK", "2017-03-22", "ballistic missile", "ballistic missile", "Wonsan", "failure", 1,
            "asserted", Decimal("0.9"), LAUNCH_A_SENTENCES, WONSAN, "kgr:launch-a")  # fmt: skip
LAUNCH_B1 = ("PRK", "2017-11-29", "Hwasong-15", "intercontinental ballistic missile", None, "success", 1,
             "claimed", Decimal("0.7"), HWASONG_SENTENCE, HWASONG, "kgr:launch-b1")  # fmt: skip
LAUNCH_B2 = (None, "2017-03", "ballistic missile", "missile", None, "unknown", None, "asserted",
             Decimal("0.5"), "A missile was also fired in March.", HWASONG, "kgr:launch-b2")  # fmt: skip

EXERCISE_COLUMNS = ("date", "name", "participants", "weapons", "factuality_word", "confidence", "sentence",
                    "article", "exercise")  # fmt: skip
EXERCISE_A = ("2017-03", "Foal Eagle", "KOR USA", "B-1B", "asserted", Decimal("0.8"),
              "South Korea and the U.S. are holding Foal Eagle, which involves B-1B bombers.", WONSAN,
              "kgr:exercise-a")  # fmt: skip
EXERCISE_B = ("2017-12", None, "JPN USA", None, "expected", Decimal("0.6"),
              "The U.S. and Japan plan joint drills next month, and China urged restraint.", HWASONG,
              "kgr:exercise-b")  # fmt: skip

TREATY_COLUMNS = ("date", "name", "signatories", "factuality_word", "confidence", "sentence", "article",
                  "treaty")  # fmt: skip
TREATY_B = ("1953", "Korean Armistice Agreement", "PRK USA", "asserted", Decimal("0.6"),
            "North Korea and the U.S. signed the armistice in 1953.", HWASONG, "kgr:treaty-b")  # fmt: skip

# exercise-keys and treaty-keys (kg/linking.py)
# (one row per participant or signatory)
EXERCISE_KEYS_A = [("kgr:exercise-a", WONSAN, "2017-03-23^^xsd:date", "Foal Eagle", "2017-03^^xsd:gYearMonth",
                    code, "kgo:Asserted") for code in ("KOR", "USA")]  # fmt: skip
TREATY_KEYS_B = [("kgr:treaty-b", HWASONG, "Korean Armistice Agreement", "1953^^xsd:gYear", code,
                  "kgo:Asserted") for code in ("PRK", "USA")]  # fmt: skip

SOURCES = [
    ("kgr:exercise-a", "exercise", WONSAN, "2017-03-23", 146, 223,
     "South Korea and the U.S. are holding Foal Eagle, which involves B-1B bombers."),
    ("kgr:exercise-b", "exercise", HWASONG, "2017-11-29", 121, 196,
     "The U.S. and Japan plan joint drills next month, and China urged restraint."),
    ("kgr:launch-a", "launch", WONSAN, "2017-03-23", 0, 81,
     "North Korea fired a ballistic missile from Wonsan on Wednesday, South Korea said."),
    ("kgr:launch-a", "launch", WONSAN, "2017-03-23", 82, 145,
     'The missile "exploded within seconds" of launch, officials said.'),
    ("kgr:launch-b1", "launch", HWASONG, "2017-11-29", 0, 85, HWASONG_SENTENCE),
    ("kgr:launch-b2", "launch", HWASONG, "2017-11-29", 86, 120, "A missile was also fired in March."),
    ("kgr:treaty-b", "treaty", HWASONG, "2017-11-29", 197, 251,
     "North Korea and the U.S. signed the armistice in 1953."),
]  # fmt: skip

ARTICLE_STATES = [(WONSAN, "KOR"), (WONSAN, "PRK"), (WONSAN, "USA"),
                  (HWASONG, "CHN"), (HWASONG, "JPN"), (HWASONG, "PRK"), (HWASONG, "USA")]  # fmt: skip
EVENTS_COLUMNS = ("article", "type", "event", "agent", "weapon", "class", "date", "site", "outcome",
                  "count", "factuality", "confidence", "name", "actors", "weapons", "sentences")  # fmt: skip
EVENTS = [
    (WONSAN, "Exercise", "kgr:exercise-a", None, "B-1B", None, "2017-03^^xsd:gYearMonth", None, None, None,
     "kgo:Asserted", Decimal("0.8"), "Foal Eagle", "KOR USA", "B-1B", EXERCISE_A[6]),
    (WONSAN, "Launch", "kgr:launch-a", "PRK", None, "ballistic missile", "2017-03-22^^xsd:date", "Wonsan",
     "kgo:Failure", 1, "kgo:Asserted", Decimal("0.9"), None, None, None, LAUNCH_A_SENTENCES),
    (HWASONG, "Exercise", "kgr:exercise-b", None, None, None, "2017-12^^xsd:gYearMonth", None, None, None,
     "kgo:Expected", Decimal("0.6"), None, "JPN USA", None, EXERCISE_B[6]),
    (HWASONG, "Launch", "kgr:launch-b2", None, None, "missile", "2017-03^^xsd:gYearMonth", None,
     "kgo:UnknownOutcome", None, "kgo:Asserted", Decimal("0.5"), None, None, None, LAUNCH_B2[9]),
    (HWASONG, "Launch", "kgr:launch-b1", "PRK", "Hwasong-15", "intercontinental ballistic missile",
     "2017-11-29^^xsd:date", None, "kgo:Success", 1, "kgo:Claimed", Decimal("0.7"), None, None, None,
     HWASONG_SENTENCE),
    (HWASONG, "Treaty", "kgr:treaty-b", None, None, None, "1953^^xsd:gYear", None, None, None,
     "kgo:Asserted", Decimal("0.6"), "Korean Armistice Agreement", "PRK USA", None, TREATY_B[5]),
]  # fmt: skip
STATS = [
    ("articles", 2), ("events: Exercise asserted", 1), ("events: Exercise expected", 1),
    ("events: Launch asserted", 2), ("events: Launch claimed", 1), ("events: Treaty asserted", 1),
    ("sentences (mentions)", 7), ("states referred to", 5), ("triples", 178), ("weapons referred to", 3),
]  # fmt: skip

# network-edges: (source, class, label), property, (target, class, label, code). The Musudan has an
# operator but no event refers to it, so it is left out.
_EX_A = ("kgr:exercise-a", "kgo:Exercise", "Foal Eagle")
_EX_B = ("kgr:exercise-b", "kgo:Exercise", None)
_LA_A = ("kgr:launch-a", "kgo:Launch", None)
_LA_B1 = ("kgr:launch-b1", "kgo:Launch", None)
_TR_B = ("kgr:treaty-b", "kgo:Treaty", "Korean Armistice Agreement")
_B1B = ("kgr:weapon-b-1b", "kgo:Weapon", "B-1B")
_HWA = ("kgr:weapon-hwasong-15", "kgo:Weapon", "Hwasong-15")
_BM = ("kgr:weapon-ballistic-missile", "kgo:Weapon", "ballistic missile")
_WON = ("kgr:place-wonsan", "kgo:Place", "Wonsan")
_JPN = ("state:JPN", "kgo:State", "Japan", "JPN")
_KOR = ("state:KOR", "kgo:State", "South Korea", "KOR")
_PRK = ("state:PRK", "kgo:State", "North Korea", "PRK")
_USA = ("state:USA", "kgo:State", "United States", "USA")
NETWORK_EDGES = [
    (*_EX_A, "kgo:participant", *_KOR), (*_EX_A, "kgo:participant", *_USA),
    (*_EX_A, "kgo:weapon", *_B1B, None),
    (*_EX_B, "kgo:participant", *_JPN), (*_EX_B, "kgo:participant", *_USA),
    (*_LA_A, "kgo:agent", *_PRK), (*_LA_A, "kgo:site", *_WON, None), (*_LA_A, "kgo:weapon", *_BM, None),
    (*_LA_B1, "kgo:agent", *_PRK), (*_LA_B1, "kgo:weapon", *_HWA, None),
    ("kgr:launch-b2", "kgo:Launch", None, "kgo:weapon", *_BM, None),
    (*_WON, "kgo:locatedIn", *_PRK),
    (*_TR_B, "kgo:signatory", *_PRK), (*_TR_B, "kgo:signatory", *_USA),
    (*_B1B, "kgo:operator", *_USA), (*_HWA, "kgo:operator", *_PRK),
]  # fmt: skip

# (query, parameters) -> (columns, rows). Without a factuality parameter the queries that list or
# count events take the reported ones (asserted and claimed): the expected US-Japan drill
# (exercise-b) is left out of exercises, states, actor-relations and articles unless asked for.
EXPECTED: dict[tuple[str, tuple[tuple[str, str], ...]], tuple[tuple[str, ...], list[tuple[Any, ...]]]] = {
    ("launches", ()): (LAUNCH_COLUMNS, [LAUNCH_B2, LAUNCH_A, LAUNCH_B1]),
    ("launches", (("state", "PRK"),)): ((), [LAUNCH_A, LAUNCH_B1]),
    ("launches", (("factuality", "claimed"),)): ((), [LAUNCH_B1]),
    ("launches", (("state", "prk"), ("factuality", "asserted"))): ((), [LAUNCH_A]),
    ("launches", (("factuality", "expected,negated"),)): ((), []),
    ("launches", (("state", "USA"),)): ((), []),
    ("failed-launches", ()): (LAUNCH_COLUMNS, [LAUNCH_A]),
    ("failed-launches", (("factuality", "claimed"),)): ((), []),
    ("launches-by-state", ()): (
        ("state_code", "state_label", "launches", "failed", "first_date", "last_date"),
        [("PRK", "North Korea", 2, 1, "2017-03-22", "2017-11-29")],
    ),
    ("launches-by-state", (("factuality", "asserted"),)): (
        (),
        [("PRK", "North Korea", 1, 1, "2017-03-22", "2017-03-22")],
    ),
    ("exercises", ()): (EXERCISE_COLUMNS, [EXERCISE_A]),
    ("exercises", (("factuality", "all"),)): ((), [EXERCISE_A, EXERCISE_B]),
    ("exercises", (("state", "KOR"),)): ((), [EXERCISE_A]),
    ("exercises", (("state", "USA"),)): ((), [EXERCISE_A]),
    ("exercises", (("state", "USA"), ("factuality", "all"))): ((), [EXERCISE_A, EXERCISE_B]),
    ("exercises", (("state", "PRK"),)): ((), []),
    ("exercises", (("factuality", "expected"),)): ((), [EXERCISE_B]),
    ("treaties", ()): (TREATY_COLUMNS, [TREATY_B]),
    ("treaties", (("state", "PRK"),)): ((), [TREATY_B]),
    ("treaties", (("state", "KOR"),)): ((), []),
    ("states", ()): (
        ("state_code", "state_label", "wikidata", "launches", "exercises", "treaties", "mentions"),
        [
            ("CHN", "China", "wd:Q148", 0, 0, 0, 1),
            ("JPN", "Japan", "wd:Q17", 0, 0, 0, 1),
            ("KOR", "South Korea", "wd:Q884", 0, 1, 0, 2),
            ("PRK", "North Korea", "wd:Q423", 2, 0, 1, 3),
            ("USA", "United States", "wd:Q30", 0, 1, 1, 3),
        ],
    ),
    ("states", (("factuality", "all"),)): (
        (),
        [
            ("CHN", "China", "wd:Q148", 0, 0, 0, 1),
            ("JPN", "Japan", "wd:Q17", 0, 1, 0, 1),
            ("KOR", "South Korea", "wd:Q884", 0, 1, 0, 2),
            ("PRK", "North Korea", "wd:Q423", 2, 0, 1, 3),
            ("USA", "United States", "wd:Q30", 0, 2, 1, 3),
        ],
    ),
    ("weapons", ()): (
        ("weapon", "class", "operator_code", "launches", "exercises", "weapon_iri"),
        [
            ("B-1B", "bomber", "USA", 0, 1, "kgr:weapon-b-1b"),
            ("Hwasong-15", "intercontinental ballistic missile", "PRK", 1, 0, "kgr:weapon-hwasong-15"),
            ("ballistic missile", "ballistic missile", None, 2, 0, "kgr:weapon-ballistic-missile"),
        ],
    ),
    ("weapons", (("factuality", "claimed"),)): (
        (),
        [
            ("B-1B", "bomber", "USA", 0, 0, "kgr:weapon-b-1b"),  # a mention names it
            ("Hwasong-15", "intercontinental ballistic missile", "PRK", 1, 0, "kgr:weapon-hwasong-15"),
            ("ballistic missile", "ballistic missile", None, 0, 0, "kgr:weapon-ballistic-missile"),
        ],
    ),
    ("weapons", (("weapon", "Hwasong-15"),)): (
        (),
        [("Hwasong-15", "intercontinental ballistic missile", "PRK", 1, 0, "kgr:weapon-hwasong-15")],
    ),
    ("weapons", (("weapon", "Musudan"),)): ((), []),  # in the weapons graph, but nothing refers to it
    ("actor-relations", ()): (
        ("a", "b", "exercises", "treaties", "total"),
        [("KOR", "USA", 1, 0, 1), ("PRK", "USA", 0, 1, 1)],
    ),
    ("actor-relations", (("factuality", "all"),)): (
        (),
        [("JPN", "USA", 1, 0, 1), ("KOR", "USA", 1, 0, 1), ("PRK", "USA", 0, 1, 1)],
    ),
    ("actor-relations", (("state", "PRK"),)): ((), [("PRK", "USA", 0, 1, 1)]),
    ("actor-relations", (("state", "USA"), ("factuality", "all"))): (
        (),
        [("JPN", "USA", 1, 0, 1), ("KOR", "USA", 1, 0, 1), ("PRK", "USA", 0, 1, 1)],
    ),
    ("actor-relations", (("state", "RUS"),)): ((), []),
    ("event-sources", ()): (
        ("event", "type", "article", "article_date", "start", "end", "sentence"),
        SOURCES,
    ),
    ("event-sources", (("event", "kgr:launch-a"),)): ((), SOURCES[2:4]),
    ("event-sources", (("event", "https://w3id.org/kgnews/resource/treaty-b"),)): ((), SOURCES[6:]),
    ("event-sources", (("article", WONSAN),)): ((), SOURCES[:1] + SOURCES[2:4]),
    ("event-sources", (("event", "kgr:launch-a"), ("article", HWASONG))): ((), []),
    ("articles", ()): (
        ("article", "date", "source", "mentions", "events"),
        [(WONSAN, "2017-03-23", "AP, SEOUL", 3, 2), (HWASONG, "2017-11-29", "Reuters, SEOUL", 4, 3)],
    ),
    ("articles", (("factuality", "all"),)): (
        (),
        [(WONSAN, "2017-03-23", "AP, SEOUL", 3, 2), (HWASONG, "2017-11-29", "Reuters, SEOUL", 4, 4)],
    ),
    ("same-events", ()): (
        ("type", "article_a", "date_a", "article_b", "date_b", "event_a", "event_b"),
        [
            ("exercise", WONSAN, "2017-03", HWASONG, "2017-12", "kgr:exercise-a", "kgr:exercise-b"),
            ("launch", WONSAN, "2017-03-22", HWASONG, "2017-03", "kgr:launch-a", "kgr:launch-b2"),
        ],
    ),
    ("distinct-launches", ()): (("launch_events", "repeated", "distinct_launches"), [(3, 1, 2)]),
    ("distinct-launches", (("factuality", "claimed"),)): ((), [(1, 0, 1)]),
    ("distinct-launches", (("factuality", "negated"),)): ((), [(0, 0, 0)]),  # one row, even of nothing
    # one row per type, even of nothing; the link between the exercises counts only when both
    # ends do (exercise-b is expected)
    ("distinct-events", ()): (
        ("type", "events", "repeated", "distinct_events"),
        [("exercise", 1, 0, 1), ("launch", 3, 1, 2), ("treaty", 1, 0, 1)],
    ),
    ("distinct-events", (("factuality", "all"),)): (
        (),
        [("exercise", 2, 1, 1), ("launch", 3, 1, 2), ("treaty", 1, 0, 1)],
    ),
    ("distinct-events", (("factuality", "expected"),)): (
        (),
        [("exercise", 1, 0, 1), ("launch", 0, 0, 0), ("treaty", 0, 0, 0)],
    ),
    ("distinct-events", (("factuality", "negated"),)): (
        (),
        [("exercise", 0, 0, 0), ("launch", 0, 0, 0), ("treaty", 0, 0, 0)],
    ),
    # kg/linking.py: launches dated to the day, asserted or claimed, with what tells them apart
    ("launch-keys", ()): (
        ("event", "article", "agent", "date", "weapon", "class", "factuality"),
        [
            (
                "kgr:launch-a",
                "seed-2017-03-23-wonsan",
                "PRK",
                "2017-03-22^^xsd:date",
                None,
                "ballistic missile",
                "kgo:Asserted",
            ),
            (
                "kgr:launch-b1",
                "seed-2017-11-29-hwasong",
                "PRK",
                "2017-11-29^^xsd:date",
                "Hwasong-15",
                "intercontinental ballistic missile",
                "kgo:Claimed",
            ),
        ],
    ),
    # kg/linking.py: the named exercises and the treaties that happened, with what tells them apart
    ("exercise-keys", ()): (
        ("event", "article", "dateline", "name", "date", "participant", "factuality"),
        EXERCISE_KEYS_A,
    ),
    ("treaty-keys", ()): (
        ("event", "article", "name", "date", "signatory", "factuality"),
        TREATY_KEYS_B,
    ),
    # The queries below feed `kg eval` (kg/readback.py) and `kg stats`.
    ("article-states", ()): (("article", "state_code"), ARTICLE_STATES),
    ("article-states", (("article", HWASONG),)): ((), ARTICLE_STATES[3:]),
    ("events", ()): (EVENTS_COLUMNS, EVENTS),
    ("events", (("article", WONSAN),)): ((), EVENTS[:2]),
    ("stats", ()): (("what", "count"), STATS),
    # The queries below feed the network views (kg/network.py: kg view, kg analyze, graphml/gexf).
    ("network-edges", ()): (
        (
            "source",
            "source_class",
            "source_label",
            "property",
            "target",
            "target_class",
            "target_label",
            "target_code",
        ),
        NETWORK_EDGES,
    ),
    ("launch-mentions", ()): (
        ("launch", "agent_code", "state_code", "state_label", "sentences"),
        [("kgr:launch-a", "PRK", "KOR", "South Korea", 1)],
    ),
    ("launch-mentions", (("agent", "PRK"),)): ((), [("kgr:launch-a", "PRK", "KOR", "South Korea", 1)]),
    ("launch-mentions", (("factuality", "claimed"),)): ((), []),
    ("launch-mentions", (("agent", "USA"),)): ((), []),
}

# rdflib 7.6 raises NotBoundError for GROUP_CONCAT over a variable some solutions leave unbound.
RDFLIB_CANNOT_RUN: dict[str, str] = {}

CASES = [
    pytest.param(name, params, id=" ".join([name, *(f"{k}={v}" for k, v in params)]))
    for name, params in EXPECTED
]


def cell(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None) -> Any:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return shorten(term.value)
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype == str(XSD.integer):
            return int(term.value)
        if datatype == str(XSD.decimal):
            return Decimal(term.value)
        if datatype == str(XSD.string):
            return term.value
        return f"{term.value}^^{shorten(datatype)}"
    raise AssertionError(f"unexpected term {term!r}")


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> rdflib.term.Identifier:
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    assert isinstance(term, ox.Literal)
    if term.datatype.value == str(XSD.string):
        return rdflib.Literal(term.value)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    return store


@pytest.fixture(scope="module")
def union_graph(store: ox.Store) -> rdflib.Graph:
    """The union of the fixture's graphs as one rdflib Graph (rdflib 7.6's Dataset warns on use)."""
    graph = rdflib.Graph()
    for quad in store:
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return graph


def selected(
    store: ox.Store, query: NamedQuery, params: dict[str, str]
) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
    """Every variable the query selects, and the rows."""
    substitutions = {ox.Variable(name): term for name, term in bind(query, params).items()}
    solutions = store.query(query.text, use_default_graph_as_union=True, substitutions=substitutions or None)
    assert isinstance(solutions, ox.QuerySolutions)
    columns = tuple(v.value for v in solutions.variables)
    return columns, [tuple(cell(solution[i]) for i in range(len(columns))) for solution in solutions]


def run(
    store: ox.Store, query: NamedQuery, params: dict[str, str]
) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
    """The declared columns and their rows: what `kg query` prints."""
    columns, rows = selected(store, query, params)
    keep = [columns.index(name) for name in query.column_names]
    return query.column_names, [tuple(row[i] for i in keep) for row in rows]


def test_fixture_loads_into_named_graphs(store: ox.Store) -> None:
    graphs = {g.value for g in store.named_graphs()}
    assert graphs == {
        PREFIXES["kgr"] + "graph/ontology",
        PREFIXES["kgr"] + "graph/states",
        PREFIXES["kgr"] + "graph/weapons",
        PREFIXES["kgr"] + "article-" + WONSAN,
        PREFIXES["kgr"] + "article-" + HWASONG,
    }
    assert not list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))


def test_every_query_is_checked() -> None:
    assert set(NAMES) == {name for name, _ in EXPECTED}
    assert sorted(NAMES) == NAMES
    for name in (
        "launches", "failed-launches", "launches-by-state", "exercises", "treaties", "states", "weapons",
        "actor-relations", "event-sources", "articles", "same-events", "distinct-launches", "distinct-events",
    ):  # fmt: skip
        assert name in NAMES


@pytest.mark.parametrize(("name", "params"), CASES)
def test_rows(store: ox.Store, name: str, params: tuple[tuple[str, str], ...]) -> None:
    query = load_query(name)
    columns, rows = run(store, query, dict(params))
    expected_columns, expected_rows = EXPECTED[(name, params)]
    assert columns == (expected_columns or EXPECTED[(name, ())][0])
    assert rows == expected_rows


@pytest.mark.parametrize(("name", "params"), CASES)
def test_rdflib_gives_the_same_rows(
    store: ox.Store, union_graph: rdflib.Graph, name: str, params: tuple[tuple[str, str], ...]
) -> None:
    """The files are plain SPARQL 1.1: another engine, with initBindings, agrees row for row."""
    if name in RDFLIB_CANNOT_RUN:
        pytest.skip(RDFLIB_CANNOT_RUN[name])
    query = load_query(name)
    bindings: dict[str, rdflib.term.Identifier] = {
        key: to_rdflib(term) for key, term in bind(query, dict(params)).items()
    }
    result = union_graph.query(query.text, initBindings=bindings)
    rows = [tuple(None if t is None else cell(_from_rdflib(t)) for t in row) for row in result]  # type: ignore[union-attr]
    assert rows == selected(store, query, dict(params))[1]


def _from_rdflib(term: rdflib.term.Node) -> ox.NamedNode | ox.Literal:
    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    assert isinstance(term, rdflib.Literal)
    datatype = str(term.datatype or XSD.string)
    return ox.Literal(str(term), datatype=ox.NamedNode(datatype))


@pytest.mark.parametrize("query", QUERIES, ids=NAMES)
def test_the_header_declares_the_columns_the_query_selects(store: ox.Store, query: NamedQuery) -> None:
    """`# column` lines name what the query returns, in order; a parameter the query selects only
    to be substituted comes after them and is not declared (kg query leaves it out)."""
    assert query.columns, f"{query.path}: declare its columns with '# column ?NAME: description' lines"
    assert all(c.description for c in query.columns)
    variables, _ = selected(store, query, {})
    declared = query.column_names
    assert variables[: len(declared)] == declared, f"{query.path}: the SELECT clause and the header differ"
    extra = variables[len(declared) :]
    assert set(extra) <= {p.name for p in query.params}, f"{query.path}: undeclared columns {extra}"


FACTUALITY_QUERIES = [q for q in QUERIES if any(p.type == "factuality" for p in q.params)]


def test_every_query_that_lists_or_counts_events_takes_a_factuality() -> None:
    """One definition of what happened: each query over events selects them by factuality, with
    the same default as kg.factualities (an unbound ?factuality means reported)."""
    raw = {"events", "event-sources", "network-edges", "launch-keys", "exercise-keys", "treaty-keys",
           "same-events", "stats"}  # fmt: skip
    assert {q.name for q in FACTUALITY_QUERIES} == set(NAMES) - raw - {"article-states"}
    default = f'COALESCE(?factuality, "{sparql_value(REPORTED)}")'
    for query in FACTUALITY_QUERIES:
        assert default in query.text, f"{query.path}: an unbound ?factuality must mean {default}"
        assert 'COALESCE(?factuality, "' not in query.text.replace(default, ""), query.path


@pytest.mark.parametrize("query", QUERIES, ids=NAMES)
def test_header_and_shape(query: NamedQuery) -> None:
    assert query.title and query.title[0].isupper()
    assert query.description.endswith(".")
    body = "\n".join(line for line in query.text.splitlines() if not line.lstrip().startswith("#"))
    last = body.strip().splitlines()[-1]
    assert last.startswith("ORDER BY "), f"{query.path}: end with ORDER BY for stable output"
    assert "GRAPH" not in body, "queries run over the union of all graphs"
    statement = "\n".join(line for line in body.splitlines() if not line.startswith("PREFIX "))
    assert statement.strip().startswith("SELECT "), f"{query.path}: a SELECT query after the PREFIX lines"


@pytest.mark.parametrize("query", QUERIES, ids=NAMES)
def test_prefixes_are_declared_and_match_the_project(query: NamedQuery) -> None:
    declared = dict(re.findall(r"^PREFIX\s+(\w*):\s*<([^>]*)>", query.text, flags=re.MULTILINE))
    for prefix, iri in declared.items():
        assert PREFIXES.get(prefix) == iri, f"{query.path}: PREFIX {prefix}: differs from kg.namespaces"
    body = "\n".join(
        line for line in query.text.splitlines() if not line.lstrip().startswith(("#", "PREFIX"))
    )
    used = set(re.findall(r"(?<![\w?$<\"])([a-z]+):[A-Za-z_]", body))
    assert used <= set(declared), f"{query.path}: declare {sorted(used - set(declared))}"


@pytest.mark.parametrize("query", QUERIES, ids=NAMES)
def test_parses_in_rdflib_without_project_prefixes(query: NamedQuery) -> None:
    prepareQuery(query.text)


@pytest.mark.parametrize("query", QUERIES, ids=NAMES)
def test_parses_in_pyoxigraph_without_project_prefixes(query: NamedQuery) -> None:
    ox.Store().query(query.text)


SAMPLES = {
    "state": "PRK",
    "iri": "kgr:launch-a",
    "string": "Hwasong-15",
    "integer": "3",
    "date": "2017-03",
    "factuality": "asserted",
    "outcome": "failure",
    "article": WONSAN,
}


@pytest.mark.parametrize("query", [q for q in QUERIES if q.params], ids=[q.name for q in QUERIES if q.params])
def test_every_parameter_can_be_substituted(store: ox.Store, query: NamedQuery) -> None:
    """How pyoxigraph substitutes (SEP-0007) shapes how a parameter must be written.

    It accepts only variables of the SELECT clause, and binds them at the top level of the query
    only, as the VALUES block of kg.remote does over HTTP: not inside a sub-select or a nested
    group. BOUND(?p) stays false there (Oxigraph folds it: no pattern binds ?p), so
    `FILTER (!BOUND(?p) || ?x = ?p)` silently keeps every row. Use the variable in a triple
    pattern at the top level, as launches.rq does with ?state, or in an expression there through
    COALESCE(?p, default), as the queries do with ?factuality.
    """
    for param in query.params:
        assert param.optional, f"{query.path}: ?{param.name} unbound must mean 'all'"
        var = re.escape(param.name)
        in_expression = re.search(rf"BOUND\s*\(\s*\?{var}\b|[=<>]\s*\?{var}\b|\?{var}\s*[!=<>]", query.text)
        assert in_expression is None, (
            f"{query.path}: ?{param.name} is tested in an expression ({in_expression.group(0)!r}); match "
            "it in a triple pattern, or give it a default with COALESCE, at the top level"
        )
        try:
            columns, _ = selected(store, query, {param.name: SAMPLES[param.type]})
        except RuntimeError as err:
            pytest.fail(
                f"{query.path}: ?{param.name} cannot be substituted ({err}); add it to the SELECT clause"
            )
        assert param.name in columns


@pytest.mark.parametrize(
    ("name", "param"),
    [("weapons", "weapon"), ("event-sources", "article"), ("launches", "state"), ("event-sources", "event")],
)
def test_malicious_values_are_rejected_or_only_values(store: ox.Store, name: str, param: str) -> None:
    before = len(store)
    query = load_query(name)
    evil = "} ; DROP ALL ; {"
    for value in (evil, '" } ; DROP ALL ; { "', "PRK } ; DROP ALL ; {", "<http://x/> } DROP ALL {"):
        try:
            _, rows = run(store, query, {param: value})
        except QueryError as err:
            assert param in str(err)
        else:
            assert rows == []
    assert len(store) == before
    assert evil not in query.text


def test_state_values_are_checked() -> None:
    query = load_query("launches")
    with pytest.raises(QueryError, match="state must be an ISO 3166-1 alpha-3 code such as PRK"):
        bind(query, {"state": "North Korea"})
    with pytest.raises(QueryError, match=r"factuality must be reported \(asserted and claimed\), all, or a"):
        bind(query, {"factuality": "rumoured"})


def test_unknown_parameter_lists_the_query_parameters() -> None:
    with pytest.raises(
        QueryError, match=r"has no parameter 'weapon'.*state \(state\), factuality \(factuality\)"
    ):
        bind(load_query("launches"), {"weapon": "Hwasong-15"})
    with pytest.raises(QueryError, match="it takes none"):
        bind(load_query("stats"), {"state": "PRK"})


def test_unknown_query_lists_the_available_names() -> None:
    with pytest.raises(QueryError, match="there is no named query 'lunches'; available: actor-relations, "):
        load_query("lunches")
    with pytest.raises(QueryError, match="there is no named query"):
        load_query("../queries/launches")


def test_params_are_read_from_the_header() -> None:
    query = load_query("launches")
    assert query.title == "Launches"
    assert [(p.name, p.type, p.optional) for p in query.params] == [
        ("state", "state", True),
        ("factuality", "factuality", True),
    ]
    assert query.params[0].description == "only launches by this state (ISO code, e.g. PRK); optional"


def test_launches_by_state_dates_ignore_undated_launches() -> None:
    """One undated launch must not blank a state's first and last dates (MIN over an unbound
    value is an error in SPARQL; engines differ on it)."""
    kgo, kgr = PREFIXES["kgo"], PREFIXES["kgr"]
    prk, graph = ox.NamedNode(PREFIXES["state"] + "PRK"), ox.NamedNode(kgr + "article-x")
    store = ox.Store()
    store.add(ox.Quad(prk, ox.NamedNode(kgo + "isoCode"), ox.Literal("PRK"), graph))
    for name, date in (("a", "2017-03-22"), ("b", None), ("c", "2016")):
        launch = ox.NamedNode(kgr + "launch-" + name)
        store.add(ox.Quad(launch, ox.NamedNode(str(RDF.type)), ox.NamedNode(kgo + "Launch"), graph))
        store.add(ox.Quad(launch, ox.NamedNode(kgo + "agent"), prk, graph))
        if date:
            store.add(ox.Quad(launch, ox.NamedNode(kgo + "date"), ox.Literal(date), graph))
    irn = ox.NamedNode(PREFIXES["state"] + "IRN")
    store.add(ox.Quad(irn, ox.NamedNode(kgo + "isoCode"), ox.Literal("IRN"), graph))
    undated = ox.NamedNode(kgr + "launch-d")
    store.add(ox.Quad(undated, ox.NamedNode(str(RDF.type)), ox.NamedNode(kgo + "Launch"), graph))
    store.add(ox.Quad(undated, ox.NamedNode(kgo + "agent"), irn, graph))
    _, rows = run(store, load_query("launches-by-state"), {})
    # a state none of whose launches is dated: "" for both dates, the same on every engine
    assert rows == [("IRN", None, 1, 0, "", ""), ("PRK", None, 3, 0, "2016", "2017-03-22")]
