"""Per-state measures of the actors network (pure networkx): what `kg analyze` prints.

    ... -> network (actors graph) -> analytics (StateMetrics rows) -> table / csv / json

- degree: how many other states a state is linked to;
- weighted degree: the sum of its links' weights (shared exercises + shared treaties + launch
  reports that name the other state, each counted once per event);
- betweenness: the share of shortest paths between other states that pass through it,
  normalized to [0, 1] (`networkx.betweenness_centrality`); paths count hops, because weights
  are tie strengths, not distances;
- community: Louvain modularity communities (`networkx.community.louvain_communities`, weight
  `weight`, resolution 1, seed 0, so the result is the same on every run), numbered 1, 2, ...
  by size, largest first (ties by the smallest ISO code in them);
- launches, exercises, treaties: the events of each type the state is agent, participant or
  signatory of, among the events the actors network was built from (by default those that
  happened, asserted or claimed: kg.factualities), so they agree with the named queries.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from typing import TextIO

import networkx as nx

from kg.errors import KgError

METRIC_FORMATS: tuple[str, ...] = ("table", "csv", "json")
LOUVAIN_SEED = 0


@dataclass(frozen=True, slots=True)
class StateMetrics:
    """One state's row of `kg analyze`."""

    state: str  # ISO code
    label: str
    degree: int
    weighted_degree: int
    betweenness: float
    community: int
    launches: int
    exercises: int
    treaties: int


def communities(graph: nx.Graph, *, seed: int = LOUVAIN_SEED) -> dict[str, int]:
    """State -> community number (Louvain, fixed seed; 1 is the largest community)."""
    if graph.number_of_nodes() == 0:
        return {}
    found = nx.community.louvain_communities(graph, weight="weight", resolution=1.0, seed=seed)
    ordered = sorted((sorted(map(str, group)) for group in found), key=lambda g: (-len(g), g[0]))
    return {node: number for number, group in enumerate(ordered, start=1) for node in group}


def state_metrics(graph: nx.Graph, *, seed: int = LOUVAIN_SEED) -> list[StateMetrics]:
    """A row per state of the actors network, by weighted degree (highest first), then ISO code."""
    betweenness = nx.betweenness_centrality(graph, normalized=True)
    community = communities(graph, seed=seed)
    rows = []
    for node, data in graph.nodes(data=True):
        rows.append(
            StateMetrics(
                state=str(node),
                label=str(data.get("label", node)),
                degree=int(graph.degree(node)),
                weighted_degree=int(graph.degree(node, weight="weight")),
                betweenness=round(float(betweenness[node]), 4),
                community=community[str(node)],
                launches=int(data.get("launches", 0)),
                exercises=int(data.get("exercises", 0)),
                treaties=int(data.get("treaties", 0)),
            )
        )
    return sorted(rows, key=lambda r: (-r.weighted_degree, -r.degree, r.state))


def write_metrics(rows: Sequence[StateMetrics], fmt: str, out: TextIO) -> None:
    """Write the rows as an aligned table, CSV (with a header) or a JSON array of objects."""
    columns = [f.name for f in fields(StateMetrics)]
    if fmt == "json":
        json.dump([asdict(r) for r in rows], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([getattr(r, c) for c in columns] for r in rows)
    elif fmt == "table":
        body = [[_cell(getattr(r, c)) for c in columns] for r in rows]
        widths = [max([len(c), *(len(line[i]) for line in body)]) for i, c in enumerate(columns)]
        for cells in [columns, ["-" * w for w in widths], *body]:
            out.write("  ".join(cell.ljust(w) for cell, w in zip(cells, widths, strict=True)).rstrip() + "\n")
    else:
        raise KgError(f"unknown format {fmt!r}; use one of {', '.join(METRIC_FORMATS)}")


def _cell(value: object) -> str:
    return f"{value:.4f}" if isinstance(value, float) else str(value)
