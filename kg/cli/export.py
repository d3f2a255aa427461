"""`kg export`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli import Talk, _run, factuality_option, main, quiet_option, store_option
from kg.models import Factuality

EXPORT_FORMATS = ["ttl", "turtle", "nt", "ntriples", "trig", "nq", "nquads", "jsonld"]
NETWORK_FORMATS = ["graphml", "gexf"]


@main.command()
@click.option(
    "-f",
    "--format",
    "fmt",
    default="ttl",
    show_default=True,
    type=click.Choice(EXPORT_FORMATS + NETWORK_FORMATS),
    help="RDF format; ttl, nt and jsonld hold the union of all graphs, trig and nq keep them apart. "
    "graphml and gexf write the actors or events network (see --network) for Gephi or Cytoscape.",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: stdout)."
)
@click.option(
    "--network",
    type=click.Choice(["actors", "events"]),
    default=None,
    help="With graphml or gexf: the actors network (default) or the events network.",
)
@factuality_option
@store_option
@quiet_option
def export(
    fmt: str,
    output: Path | None,
    network: str | None,
    factualities: frozenset[Factuality],
    store_location: str | None,
    quiet: bool,
) -> None:
    """Write the whole graph in an RDF format, with the project's prefixes, or a network.

    The RDF formats hold every event. A network (graphml, gexf) holds the events that happened
    (asserted and claimed) unless --factuality says otherwise, as kg analyze and kg view count
    them. GEXF is dynamic: events, and links between states, carry their dates, so Gephi's
    timeline works.

    \b
    Example:
      kg export --format ttl -o kg.ttl
      kg export --format gexf --network actors -o actors.gexf
      kg export --format graphml --factuality all -o everything.graphml
    """
    from kg.store import open_store

    talk = Talk(quiet)
    if network is not None and fmt not in NETWORK_FORMATS:
        raise click.UsageError(f"--network goes with --format graphml or gexf, not {fmt}")
    source = click.get_current_context().get_parameter_source("factualities")
    if fmt not in NETWORK_FORMATS and source is not click.core.ParameterSource.DEFAULT:
        raise click.UsageError(
            f"--factuality goes with --format graphml or gexf; an RDF export ({fmt}) holds every event"
        )
    if fmt in NETWORK_FORMATS:
        _run(lambda: _export_network(fmt, network or "actors", factualities, output, store_location, talk))
        return

    def action() -> int:
        with open_store(store_location, read_only=True) as store:
            if output is None:
                store.export(sys.stdout.buffer, fmt)
                sys.stdout.buffer.flush()
            else:
                with output.open("wb") as fh:
                    store.export(fh, fmt)
                talk(f"wrote {output}")
        return 0

    _run(action)


def _export_network(
    fmt: str,
    network: str,
    factualities: frozenset[Factuality],
    output: Path | None,
    store_location: str | None,
    talk: Talk,
) -> int:
    from kg.factualities import describe
    from kg.network import build_graph, read_rows, write_network
    from kg.store import open_store

    with open_store(store_location, read_only=True) as store:
        rows = read_rows(store)
    graph = build_graph(rows, "events" if network == "events" else "actors", factualities)
    if output is None:
        write_network(graph, sys.stdout.buffer, fmt)
        sys.stdout.buffer.flush()
    else:
        with output.open("wb") as fh:
            write_network(graph, fh, fmt)
        size = f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges"
        talk(f"wrote {output}: {size} ({network} network); events: {describe(factualities)}")
    return 0
