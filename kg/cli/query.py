"""`kg query`."""

from __future__ import annotations

import sys

import click

from kg.cli import Talk, _run, main, quiet_option, store_option

FORMAT_HELP = (
    "Output format. table: aligned, for a terminal; csv: plain values under a header row, the one "
    'for spreadsheets; tsv: SPARQL TSV, terms in N-Triples syntax (<IRI>, "text", '
    '"2017"^^xsd:gYear), for RDF tools; json: SPARQL JSON.'
)


@main.command()
@click.argument("name", required=False)
@click.option("-e", "--expr", "sparql", metavar="SPARQL", help="Run this SPARQL instead of a named query.")
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind a parameter of the named query (kg query --list shows them).",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    default="table",
    show_default=True,
    type=click.Choice(["table", "csv", "tsv", "json"]),
    help=FORMAT_HELP,
)
@click.option(
    "--list",
    "list_only",
    is_flag=True,
    help="List the named queries: title, description, parameters and columns (with NAME: that "
    "query, each column described).",
)
@store_option
@quiet_option
def query(
    name: str | None,
    sparql: str | None,
    params: tuple[str, ...],
    fmt: str,
    list_only: bool,
    store_location: str | None,
    quiet: bool,
) -> None:
    """Run a named query from queries/ or an ad-hoc SPARQL query.

    Parameters are bound as RDF terms, never pasted into the query text. The queries that list
    or count events take the events that happened (asserted and claimed) unless
    --param factuality=all (or a list such as asserted,expected) says otherwise.

    \b
    Examples:
      kg query --list
      kg query launches --param state=PRK --format csv > launches.csv
      kg query launches-by-state --param factuality=all
      kg query -e 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    """
    from kg.queries import (
        bind,
        describe_queries,
        format_result,
        list_queries,
        load_query,
        run,
        unknown_values,
    )
    from kg.store import open_store

    talk = Talk(quiet)

    def action() -> int:
        if name is not None and sparql is not None:
            raise click.UsageError(
                "NAME and -e are mutually exclusive: run a named query (kg query --list shows them) "
                "or your own SPARQL with -e, not both"
            )
        if list_only:
            if sparql is not None or params:
                raise click.UsageError("--list takes no -e or --param; give a NAME to see one query")
            queries = [load_query(name)] if name is not None else list_queries()
            click.echo(describe_queries(queries, detailed=name is not None), nl=False)
            return 0
        if name is None and sparql is None:
            raise click.UsageError("give a query NAME or -e SPARQL (kg query --list shows the names)")
        values = {}
        for item in params:
            key, sep, value = item.partition("=")
            if not sep:
                raise click.UsageError(f"--param {item!r}: use NAME=VALUE")
            values[key.strip().lstrip("?")] = value
        hints: list[str] = []
        with open_store(store_location, read_only=True) as store:
            if name is not None:
                named = load_query(name)
                result = run(store, named, values)
                if not result.rows:
                    hints = unknown_values(store, named, bind(named, values))
            else:
                if values:
                    raise click.UsageError("--param binds parameters of named queries only")
                assert sparql is not None
                result = store.query(sparql)
        format_result(result, fmt, sys.stdout)
        if result.kind == "select":
            talk(f"{len(result)} row(s)")
        for hint in hints:
            talk(f"hint: {hint}")
        return 0

    _run(action)
