"""kg.analytics on hand-built networks: degree, weighted degree, betweenness, communities."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest

from kg.analytics import communities, state_metrics, write_metrics
from kg.errors import KgError
from kg.network import NetworkRows, actors_graph


def two_triangles() -> nx.Graph:
    """Two tight triangles (weight 5) joined by one weak bridge C-D (weight 1)."""
    graph = nx.Graph(mode="actors")
    for code in "ABCDEF":
        graph.add_node(code, label=f"State {code}", launches=0, exercises=1, treaties=0)
    for u, v in [("A", "B"), ("B", "C"), ("A", "C"), ("D", "E"), ("E", "F"), ("D", "F")]:
        graph.add_edge(u, v, weight=5)
    graph.add_edge("C", "D", weight=1)
    return graph


def test_metrics_of_two_triangles() -> None:
    rows = {m.state: m for m in state_metrics(two_triangles())}
    assert (rows["C"].degree, rows["C"].weighted_degree) == (3, 11)
    assert (rows["A"].degree, rows["A"].weighted_degree) == (2, 10)
    assert rows["C"].betweenness == pytest.approx(0.6)  # 9 of the 15 pairs' shortest paths, over (n-1)(n-2)/2
    assert rows["A"].betweenness == 0.0
    assert rows["A"].community == rows["B"].community == rows["C"].community
    assert rows["D"].community == rows["E"].community == rows["F"].community
    assert rows["A"].community != rows["D"].community
    assert [m.state for m in state_metrics(two_triangles())][:2] == ["C", "D"]  # by weighted degree


def test_communities_are_numbered_by_size_and_stable() -> None:
    graph = two_triangles()
    graph.add_node("G", label="State G")
    found = communities(graph)
    assert found == communities(graph)  # fixed seed: the same every run
    assert found["A"] == 1 and found["D"] == 2 and found["G"] == 3
    assert communities(nx.Graph()) == {}


def test_metrics_of_hand_built_rows(rows: NetworkRows) -> None:
    metrics = {m.state: m for m in state_metrics(actors_graph(rows))}
    prk = metrics["PRK"]
    assert (prk.label, prk.degree, prk.weighted_degree) == ("North Korea", 3, 3)
    assert (prk.launches, prk.treaties) == (2, 1)
    assert prk.betweenness > metrics["JPN"].betweenness == 0.0


def test_formats() -> None:
    metrics = state_metrics(two_triangles())
    out = io.StringIO()
    write_metrics(metrics, "csv", out)
    table = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert table[0]["state"] == "C" and table[0]["weighted_degree"] == "11"
    assert list(table[0]) == ["state", "label", "degree", "weighted_degree", "betweenness", "community",
                              "launches", "exercises", "treaties"]  # fmt: skip
    out = io.StringIO()
    write_metrics(metrics, "json", out)
    assert json.loads(out.getvalue())[0]["betweenness"] == 0.6
    out = io.StringIO()
    write_metrics(metrics, "table", out)
    lines = out.getvalue().splitlines()
    assert lines[0].split()[:3] == ["state", "label", "degree"] and lines[2].startswith("C ")
    with pytest.raises(KgError, match="use one of table, csv, json"):
        write_metrics(metrics, "xml", io.StringIO())
