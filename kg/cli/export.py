"""`kg export`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli import Talk, _run, main, quiet_option, store_option

EXPORT_FORMATS = ["ttl", "turtle", "nt", "ntriples", "trig", "nq", "nquads", "jsonld"]


@main.command()
@click.option(
    "-f",
    "--format",
    "fmt",
    default="ttl",
    show_default=True,
    type=click.Choice(EXPORT_FORMATS),
    help="RDF format; ttl, nt and jsonld hold the union of all graphs, trig and nq keep them apart.",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: stdout)."
)
@store_option
@quiet_option
def export(fmt: str, output: Path | None, store_location: str | None, quiet: bool) -> None:
    """Write the whole graph in an RDF format, with the project's prefixes.

    \b
    Example:
      kg export --format ttl -o kg.ttl
    """
    from kg.store import open_store

    talk = Talk(quiet)

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
