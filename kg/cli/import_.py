"""`kg import` (the module is `import_`: `import` is a Python keyword)."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli import Talk, _run, main, quiet_option, store_option

FORMAT_NAMES = ["ttl", "turtle", "nt", "ntriples", "trig", "nq", "nquads", "jsonld", "json"]


@main.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMAT_NAMES),
    help="RDF format of FILE (default: from its name: .ttl, .nt, .trig, .nq, .jsonld).",
)
@store_option
@quiet_option
def import_(file: Path, fmt: str | None, store_location: str | None, quiet: bool) -> None:
    """Load an RDF file written by kg export into the store, graph by graph.

    TriG and N-Quads keep their named graphs; Turtle, N-Triples and JSON-LD are split back into
    one graph per article and the shared graphs (see the README). Each graph in FILE replaces
    the store's graph of the same name, in one transaction; the other graphs are left alone.

    \b
    Example:
      kg export --format trig -o kg.trig && kg import kg.trig --store copy-store
    """
    from kg.importer import is_article_graph, read_graphs
    from kg.lexicon import load_lexicon
    from kg.store import open_store

    talk = Talk(quiet)

    def action() -> int:
        graphs = read_graphs(file, load_lexicon(), fmt)
        with open_store(store_location) as store:
            for name, triples in graphs.items():
                store.replace_graph(name, triples)
        articles = sum(1 for g in graphs if is_article_graph(g))
        total = sum(len(t) for t in graphs.values())
        talk(f"imported {total} triple(s) in {len(graphs)} graph(s) ({articles} articles) from {file}")
        return 0

    _run(action)
