"""A generator of a large graph that follows the contract, from a real kg graph used as template.

The template is the N-Quads export of a kg store (the article graphs kg built from the
generated corpus, plus the ontology, States and Weapons graphs). Copy 0 is the template
itself; copy j >= 1 of every article graph renames the article, its mentions and its events
(IRI + "-cJ", and the article id likewise), so each copy is a distinct, valid article graph
and the shared nodes (states, weapons, places, the run) stay shared, as in a real store.
Copies are added until the graph holds at least the number of triples asked for.

Writes N-Quads (graphs kept apart, what kg loads) and N-Triples (the same triples, what
pyoxigraph's bulk_load baseline loads).
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

KGR = "https://w3id.org/kgnews/resource/"
ARTICLE = KGR + "article-"
_LOCAL = re.compile(r"(<https://w3id\.org/kgnews/resource/(?:article|mention|launch|exercise|treaty)-[^>]*)>")
_IDENTIFIER = re.compile(r'(<http://purl\.org/dc/terms/identifier> "[^"]*)"')


def _graphs(template: bytes) -> tuple[list[str], list[str]]:
    """The template's article graphs and other graphs, each as N-Quads text."""
    by_graph: dict[str, list[str]] = defaultdict(list)
    for quad in ox.parse(template, ox.RdfFormat.N_QUADS):
        by_graph[str(quad.graph_name)].append(f"{quad} .\n")
    articles = [
        "".join(lines) for graph, lines in sorted(by_graph.items()) if graph.startswith(f"<{ARTICLE}")
    ]
    others = [
        "".join(lines) for graph, lines in sorted(by_graph.items()) if not graph.startswith(f"<{ARTICLE}")
    ]
    return articles, others


def generate_graph(template: bytes, target: int, out_dir: Path) -> tuple[Path, Path, int]:
    """Write graph.nq and graph.nt into `out_dir` with at least `target` triples (quads);
    returns both paths and the number of quads written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    articles, others = _graphs(template)
    if not articles:
        raise SystemExit("the template holds no article graph")
    nq_path, nt_path = out_dir / "graph.nq", out_dir / "graph.nt"
    written = 0
    with nq_path.open("w", encoding="utf-8") as nq:
        for text in others:
            nq.write(text)
            written += text.count("\n")
        copy = 0
        while written < target:
            for text in articles:
                if copy:
                    suffix = f"-c{copy}"
                    text = _IDENTIFIER.sub(rf'\1{suffix}"', _LOCAL.sub(rf"\1{suffix}>", text))
                nq.write(text)
                written += text.count("\n")
                if written >= target:
                    break
            copy += 1
    with nt_path.open("wb") as nt:
        ox.serialize(
            (ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(path=str(nq_path))),
            nt,
            ox.RdfFormat.N_TRIPLES,
        )
    return nq_path, nt_path, written
