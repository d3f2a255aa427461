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
    the store's graph of the same name, in one transaction; the Places and Runs graphs are
    merged with the store's instead, since other stored articles may use their nodes. The
    other graphs are left alone, and the kgo:sameEventAs links are recomputed from the articles
    the store holds, as after kg build. Into a new store folder, the file is bulk-loaded as it is
    (much faster on big files) and the store appears only once the whole file is in.

    \b
    Example:
      kg export --format trig -o kg.trig && kg import kg.trig --store copy-store
    """
    from kg.importer import import_file
    from kg.lexicon import load_lexicon

    talk = Talk(quiet)

    def action() -> int:
        done = import_file(file, store_location, load_lexicon(), fmt)
        how = " (bulk load into a new store)" if done.bulk else ""
        talk(
            f"imported {done.triples} triple(s) in {done.graphs} graph(s) ({done.articles} articles) "
            f"from {file}{how}"
        )
        return 0

    _run(action)
