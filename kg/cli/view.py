"""`kg view` and `kg analyze`: the network views of the graph."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli import Talk, _run, factuality_option, main, quiet_option, store_option
from kg.models import Factuality

MODES = ["events", "actors"]


@main.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("graph.html"),
    show_default=True,
    help="HTML file to write (one self-contained file that works offline).",
)
@click.option(
    "-m",
    "--mode",
    type=click.Choice(MODES),
    default="events",
    show_default=True,
    help="events: states, launches, exercises, treaties, weapons and places; "
    "actors: states linked by shared exercises, treaties and launch reports.",
)
@click.option(
    "--state", metavar="CODE", help="Only the part of the network around this state (ISO code, e.g. PRK)."
)
@click.option(
    "--max-nodes",
    type=click.IntRange(min=10),
    default=1500,
    show_default=True,
    help="Above this, fold weapons and places away, then keep the most recent events.",
)
@click.option("--title", default=None, help="Page title (default: 'kg: <mode> network').")
@factuality_option
@store_option
@quiet_option
def view(
    output: Path,
    mode: str,
    state: str | None,
    max_nodes: int,
    title: str | None,
    factualities: frozenset[Factuality],
    store_location: str | None,
    quiet: bool,
) -> None:
    """Write an interactive network of the graph as one HTML file.

    The page has a legend, filters (class, event type, factuality, dates, state), a search box,
    and shows an event's source sentences when you click it. It loads nothing from the network.
    It shows the events that happened (asserted and claimed) unless --factuality says otherwise.

    \b
    Example:
      kg build seeds/ && kg view -o seeds.html
      kg view --mode actors --state PRK -o prk.html
      kg view --factuality all -o everything.html
    """
    from kg.factualities import describe
    from kg.network import build_graph, limit_size, read_rows, restrict_to_state
    from kg.store import open_store
    from kg.view import render

    talk = Talk(quiet)

    def action() -> int:
        with open_store(store_location, read_only=True) as store:
            rows = read_rows(store)
        graph = build_graph(rows, "actors" if mode == "actors" else "events", factualities)
        if state:
            graph = restrict_to_state(graph, state)
        graph, note = limit_size(graph, max_nodes)
        if note:
            talk(f"note: {note}")
        page = render(graph, rows, title=title or f"kg: {mode} network", note=note, state=state)
        page.write(output)
        talk(f"wrote {output}: {page.nodes} nodes, {page.edges} edges ({mode} network); "
             f"events: {describe(factualities)}")  # fmt: skip
        return 0

    _run(action)


@main.command()
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@factuality_option
@store_option
@quiet_option
def analyze(fmt: str, factualities: frozenset[Factuality], store_location: str | None, quiet: bool) -> None:
    """Per state: degree, weighted degree, betweenness, community and events by type.

    Measured on the actors network (states linked by shared exercises, shared treaties and
    launch reports that name the other state) of the events that happened (asserted and
    claimed) unless --factuality says otherwise. Communities: Louvain, seed 0.

    \b
    Example:
      kg analyze --format csv > states.csv
      kg analyze --factuality all
    """
    from kg.analytics import state_metrics, write_metrics
    from kg.factualities import describe
    from kg.network import actors_graph, read_rows
    from kg.store import open_store

    talk = Talk(quiet)

    def action() -> int:
        with open_store(store_location, read_only=True) as store:
            rows = read_rows(store)
        graph = actors_graph(rows, factualities=factualities)
        metrics = state_metrics(graph)
        write_metrics(metrics, fmt, sys.stdout)
        talk(f"{len(metrics)} state(s), {graph.number_of_edges()} link(s); events: {describe(factualities)}")
        return 0

    _run(action)
