"""`kg view`, `kg analyze` and `kg export --format graphml|gexf` through click's CliRunner."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
WROTE = re.compile(
    r"wrote (?P<path>.+): (?P<nodes>\d+) nodes, (?P<edges>\d+) edges \((?P<mode>\w+) network\)"
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def vis_nodes(page: str) -> list[dict[str, object]]:
    found = re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);\n", page)
    assert found
    nodes: list[dict[str, object]] = json.loads(found.group(1))
    return nodes


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> str:
    store = tmp_path_factory.mktemp("store") / "kg-store"
    code, _, err = run("build", str(SEEDS), "--store", str(store), "-q")
    assert code == 0, err
    return str(store)


pytestmark = pytest.mark.model


def test_view_writes_one_page_and_reports_its_size(built: str, tmp_path: Path) -> None:
    out = tmp_path / "seeds.html"
    code, stdout, stderr = run("view", "-o", str(out), "--store", built)
    assert code == 0, stderr
    assert stdout == ""
    wrote = WROTE.search(stderr)
    assert wrote and wrote["mode"] == "events"
    nodes = vis_nodes(out.read_text(encoding="utf-8"))
    assert len(nodes) == int(wrote["nodes"])
    labels = {n["label"] for n in nodes}
    assert {"PRK launch 2017-03-22", "PRK launch 2024-06-26", "PRK", "KOR", "USA", "JPN", "RUS"} <= labels
    assert any(n["kind"] == "Treaty" and "2024-06" in str(n["label"]) for n in nodes)
    assert sum(n["kind"] == "Exercise" for n in nodes) >= 3
    assert run("view", "-o", str(tmp_path / "again.html"), "--store", built, "-q")[2] == ""
    assert (tmp_path / "again.html").read_bytes() == out.read_bytes()  # deterministic


def test_view_actors_around_a_state(built: str, tmp_path: Path) -> None:
    out = tmp_path / "prk.html"
    code, _, stderr = run("view", "--mode", "actors", "--state", "PRK", "-o", str(out), "--store", built)
    assert code == 0, stderr
    wrote = WROTE.search(stderr)
    assert wrote and wrote["mode"] == "actors"
    codes = {n["label"] for n in vis_nodes(out.read_text(encoding="utf-8"))}
    assert "PRK" in codes and len(codes) == int(wrote["nodes"])


def test_view_size_guard_says_what_it_left_out(built: str, tmp_path: Path) -> None:
    code, _, stderr = run("view", "--max-nodes", "12", "-o", str(tmp_path / "small.html"), "--store", built)
    assert code == 0, stderr
    assert "note: " in stderr and "weapons and places are left out" in stderr
    wrote = WROTE.search(stderr)
    assert wrote and int(wrote["nodes"]) <= 12


def test_view_errors(built: str, tmp_path: Path) -> None:
    code, _, stderr = run("view", "--state", "XYZ", "-o", str(tmp_path / "x.html"), "--store", built)
    assert code == 1 and "'XYZ' is not in the network; states there: " in stderr
    code, _, stderr = run("view", "-o", str(tmp_path / "x.html"), "--store", str(tmp_path / "nothing"))
    assert code == 1 and "run `kg build` first" in stderr
    assert run("view", "--mode", "sideways", "--store", built)[0] == 2


def test_analyze_formats(built: str) -> None:
    code, out, err = run("analyze", "--format", "json", "--store", built)
    assert code == 0, err
    rows = {r["state"]: r for r in json.loads(out)}
    assert {"PRK", "KOR", "USA", "JPN"} <= set(rows)
    assert rows["USA"]["exercises"] >= 3 and rows["PRK"]["launches"] >= 2
    assert rows["KOR"]["degree"] >= 2 and isinstance(rows["KOR"]["community"], int)
    code, out, _ = run("analyze", "--format", "csv", "--store", built, "-q")
    assert code == 0
    header = next(csv.reader(io.StringIO(out)))
    assert header[:6] == ["state", "label", "degree", "weighted_degree", "betweenness", "community"]
    code, out, _ = run("analyze", "--store", built)
    assert code == 0 and out.splitlines()[0].startswith("state")


def test_export_networks_and_rdf(built: str, tmp_path: Path) -> None:
    code, out, err = run("export", "--format", "graphml", "--store", built)
    assert code == 0, err
    actors = nx.read_graphml(io.BytesIO(out.encode()))
    assert {"KOR", "USA"} <= set(actors.nodes) and actors.has_edge("KOR", "USA")
    gexf = tmp_path / "events.gexf"
    code, _, err = run("export", "--format", "gexf", "--network", "events", "-o", str(gexf), "--store", built)
    assert code == 0 and WROTE.search(err)
    text = gexf.read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'start="2024-06-26"' in text
    events = nx.read_gexf(gexf)
    assert any(d.get("kind") == "Launch" for _, d in events.nodes(data=True))
    code, out, _ = run("export", "--format", "nt", "--store", built)
    assert code == 0 and out.count(" .\n") > 100  # the RDF formats work as before
    code, _, err = run("export", "--format", "ttl", "--network", "events", "--store", built)
    assert code == 2 and "--network goes with --format graphml or gexf" in err
