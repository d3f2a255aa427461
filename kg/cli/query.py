"""`kg query`."""

from __future__ import annotations

import sys

import click

from kg.cli import Talk, _run, main, quiet_option, store_option


@main.command()
@click.argument("name", required=False)
@click.option("-e", "--expr", "sparql", metavar="SPARQL", help="Run this SPARQL instead of a named query.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind a query parameter.")
@click.option(
    "-f",
    "--format",
    "fmt",
    default="table",
    show_default=True,
    type=click.Choice(["table", "csv", "tsv", "json"]),
    help="Output format.",
)
@click.option("--list", "list_only", is_flag=True, help="List the named queries and their parameters.")
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

    Parameters are bound as RDF terms, never pasted into the query text.

    \b
    Examples:
      kg query launches --param state=PRK --format csv > launches.csv
      kg query -e 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    """
    from kg.queries import bind, format_result, list_queries, load_query
    from kg.store import open_store

    talk = Talk(quiet)

    def action() -> int:
        if list_only:
            for q in list_queries():
                click.echo(f"{q.name}\t{q.title}")
                for p in q.params:
                    click.echo(f"    --param {p.name}=...\t{p.type}: {p.description}")
            return 0
        if (name is None) == (sparql is None):
            raise click.UsageError("give a query NAME or -e SPARQL (kg query --list shows the names)")
        values = {}
        for item in params:
            key, sep, value = item.partition("=")
            if not sep:
                raise click.UsageError(f"--param {item!r}: use NAME=VALUE")
            values[key.strip().lstrip("?")] = value
        with open_store(store_location, read_only=True) as store:
            if name is not None:
                named = load_query(name)
                result = store.query(named.text, bind(named, values))
            else:
                if values:
                    raise click.UsageError("--param binds parameters of named queries only")
                assert sparql is not None
                result = store.query(sparql)
        format_result(result, fmt, sys.stdout)
        if result.kind == "select":
            talk(f"{len(result)} row(s)")
        return 0

    _run(action)
