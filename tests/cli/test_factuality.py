"""One definition of what happened: the named queries, kg analyze, kg view and the GraphML export
count the same events, on a store holding events of all four factualities.

The store is tests/contract/fixtures/factualities.trig loaded with `kg import`. What each command
should count is worked out here from the raw `events` query (every event with its factuality)
and the selection, so each command is checked against the same independent reckoning and against
the others.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.factualities import REPORTED, parse_factualities

FIXTURE = Path(__file__).resolve().parents[1] / "contract" / "fixtures" / "factualities.trig"
KGO = "https://w3id.org/kgnews/ontology#"
WROTE = re.compile(r"wrote .+: (?P<nodes>\d+) nodes, (?P<edges>\d+) edges \(actors network\)")
LINKS = re.compile(r"(?P<states>\d+) state\(s\), (?P<links>\d+) link\(s\)")

# None: the default, which must be "reported"
SELECTIONS = [None, "reported", "all", "asserted", "claimed,expected", "negated"]


def kg(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def rows(*args: str) -> list[dict[str, str]]:
    code, out, err = kg(*args, "--format", "csv")
    assert code == 0, err
    return list(csv.DictReader(io.StringIO(out)))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    location = tmp_path_factory.mktemp("factualities") / "kg-store"
    code, _, err = kg("import", str(FIXTURE), "--store", str(location))
    assert code == 0, err
    return str(location)


@pytest.fixture(scope="module")
def events(store: str) -> list[dict[str, str]]:
    """Every event of the store, whatever its factuality (the raw `events` query)."""
    return rows("query", "events", "--store", store)


def chosen(events: list[dict[str, str]], selection: str | None) -> list[dict[str, str]]:
    wanted = {f.value for f in (parse_factualities(selection) if selection else REPORTED)}
    return [e for e in events if e["factuality"].removeprefix(KGO).lower() in wanted]


def options(selection: str | None, flag: str) -> list[str]:
    if selection is None:
        return []
    return [flag, selection] if flag == "--factuality" else ["--param", f"factuality={selection}"]


def test_the_store_holds_all_four_factualities(events: list[dict[str, str]]) -> None:
    found = Counter(e["factuality"].removeprefix(KGO) for e in events)
    assert set(found) == {"Asserted", "Claimed", "Expected", "Negated"}


@pytest.mark.parametrize("selection", SELECTIONS)
def test_queries_analytics_view_and_graphml_count_the_same_events(
    store: str, events: list[dict[str, str]], selection: str | None, tmp_path: Path
) -> None:
    counted = chosen(events, selection)
    launches = Counter(e["agent"] for e in counted if e["type"] == "Launch" and e["agent"])
    roles: dict[str, Counter[str]] = {}
    for e in counted:
        states_of = e["actors"].split() if e["type"] != "Launch" else [e["agent"]] if e["agent"] else []
        for code in states_of:
            roles.setdefault(code, Counter())[e["type"]] += 1
    pairs: Counter[tuple[str, str, str]] = Counter()
    for e in counted:
        actors = sorted(e["actors"].split())
        for i, a in enumerate(actors):
            for b in actors[i + 1 :]:
                pairs[(a, b, e["type"])] += 1
    dates: dict[str, list[str]] = {}
    for e in counted:
        if e["type"] == "Launch" and e["agent"] and e["date"]:
            dates.setdefault(e["agent"], []).append(e["date"])

    # the named queries
    by_state = {r["state_code"]: r for r in rows("query", "launches-by-state", "--store", store,
                                                  *options(selection, "--param"))}  # fmt: skip
    assert {code: int(r["launches"]) for code, r in by_state.items()} == dict(launches)
    for code, row in by_state.items():
        assert (row["first_date"], row["last_date"]) == (min(dates[code]), max(dates[code]))
    listed = rows("query", "launches", "--store", store, *options(selection, "--param"))
    assert len(listed) == sum(1 for e in counted if e["type"] == "Launch")
    distinct = rows("query", "distinct-launches", "--store", store, *options(selection, "--param"))
    assert int(distinct[0]["launch_events"]) == len(listed)
    by_type = rows("query", "distinct-events", "--store", store, *options(selection, "--param"))
    kinds = ("Launch", "Exercise", "Treaty")
    assert {r["type"]: int(r["events"]) for r in by_type} == {
        kind.lower(): sum(1 for e in counted if e["type"] == kind) for kind in kinds
    }
    launch_row = next(r for r in by_type if r["type"] == "launch")
    assert (launch_row["repeated"], launch_row["distinct_events"]) == (
        distinct[0]["repeated"],
        distinct[0]["distinct_launches"],
    )
    relations = rows("query", "actor-relations", "--store", store, *options(selection, "--param"))
    assert {(r["a"], r["b"]): (int(r["exercises"]), int(r["treaties"])) for r in relations} == {
        (a, b): (pairs[(a, b, "Exercise")], pairs[(a, b, "Treaty")]) for a, b, _ in pairs
    }
    states = {r["state_code"]: r for r in rows("query", "states", "--store", store,
                                                *options(selection, "--param"))}  # fmt: skip

    # kg analyze
    code, out, err = kg("analyze", "--format", "json", "--store", store, *options(selection, "--factuality"))
    assert code == 0, err
    analyzed = {r["state"]: r for r in json.loads(out)}
    for state, row in analyzed.items():
        role = roles.get(state, Counter())
        assert (row["launches"], row["exercises"], row["treaties"]) == (
            role["Launch"],
            role["Exercise"],
            role["Treaty"],
        ), state
        assert row["launches"] == int(by_state.get(state, {}).get("launches", 0))
        if state in states:
            assert (row["exercises"], row["treaties"]) == (
                int(states[state]["exercises"]),
                int(states[state]["treaties"]),
            )
    links = LINKS.search(err)
    assert links

    # GraphML
    code, out, err = kg(
        "export", "--format", "graphml", "--store", store, *options(selection, "--factuality")
    )
    assert code == 0, err
    graph = nx.read_graphml(io.BytesIO(out.encode()))
    shared = {
        (min(u, v), max(u, v)): (int(d.get("exercise", 0)), int(d.get("treaty", 0)))
        for u, v, d in graph.edges(data=True)
        if int(d.get("exercise", 0)) + int(d.get("treaty", 0))
    }
    assert shared == {(r["a"], r["b"]): (int(r["exercises"]), int(r["treaties"])) for r in relations}
    assert graph.number_of_edges() == int(links["links"])
    assert graph.number_of_nodes() == int(links["states"]) == len(analyzed)

    # kg view: the same edges as kg analyze and GraphML, one per pair of states
    page = tmp_path / "actors.html"
    code, _, err = kg(
        "view", "--mode", "actors", "-o", str(page), "--store", store, *options(selection, "--factuality")
    )
    assert code == 0, err
    wrote = WROTE.search(err)
    assert wrote and (int(wrote["nodes"]), int(wrote["edges"])) == (
        graph.number_of_nodes(),
        graph.number_of_edges(),
    )


def test_by_default_what_did_not_happen_is_not_counted(store: str) -> None:
    """The issue's cases: a negated launch is no launch and an expected one sets no last date; a
    negated treaty links nobody; expected launches make no launching state."""
    by_state = {r["state_code"]: r for r in rows("query", "launches-by-state", "--store", store)}
    assert set(by_state) == {"PRK"}  # Iran's launch is only expected
    assert (by_state["PRK"]["launches"], by_state["PRK"]["last_date"]) == ("3", "2017-05-14")
    relations = {(r["a"], r["b"]) for r in rows("query", "actor-relations", "--store", store)}
    assert ("PRK", "USA") not in relations  # "did not sign"
    assert rows("query", "distinct-launches", "--store", store) == [
        {"launch_events": "3", "repeated": "1", "distinct_launches": "2"}
    ]
    assert rows("query", "distinct-events", "--store", store) == [
        {"type": "exercise", "events": "2", "repeated": "0", "distinct_events": "2"},
        {"type": "launch", "events": "3", "repeated": "1", "distinct_events": "2"},
        {"type": "treaty", "events": "2", "repeated": "0", "distinct_events": "2"},
    ]
    code, out, _ = kg("export", "--format", "graphml", "--store", store)
    assert code == 0
    assert not nx.read_graphml(io.BytesIO(out.encode())).has_edge("PRK", "USA")


def test_a_bad_selection_is_refused_with_the_syntax(store: str) -> None:
    code, _, err = kg("analyze", "--factuality", "rumoured", "--store", store)
    assert code == 2 and "unknown factuality 'rumoured'" in err and "reported (asserted and claimed)" in err
    code, _, err = kg("query", "launches", "--param", "factuality=rumoured", "--store", store)
    assert code == 1 and "factuality must be reported (asserted and claimed), all, or" in err
    code, _, err = kg("export", "--format", "ttl", "--factuality", "all", "--store", store)
    assert code == 2 and "--factuality goes with --format graphml or gexf" in err
