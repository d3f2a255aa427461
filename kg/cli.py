"""The `kg` command: options in, library calls, formatted output. Nothing else lives here.

Data goes to stdout; progress, logs and summaries go to stderr (`-q` silences them).
Exit codes: 0 ok, 1 a user error or SHACL violations, 2 usage.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from kg.errors import KgError

F = TypeVar("F", bound=Callable[..., Any])

STORE_HELP = "Store folder (default: $KG_STORE, else ./kg-store)."


def store_option(f: F) -> F:
    return click.option("--store", "store_location", envvar="KG_STORE", metavar="DIR", help=STORE_HELP)(f)


def quiet_option(f: F) -> F:
    return click.option("-q", "--quiet", is_flag=True, help="Print nothing on stderr.")(f)


class Talk:
    """stderr messages, unless -q."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet

    def __call__(self, message: str) -> None:
        if not self.quiet:
            click.echo(message, err=True)


def _parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def main() -> None:
    """kg: knowledge graphs of missile launches, military exercises and treaties from news.

    \b
    Example:
      kg build seeds/ && kg query launches
    """


def _run(action: Callable[[], int | None]) -> None:
    try:
        code = action()
    except KgError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    sys.exit(code or 0)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--date", "default_date", callback=_parse_date, metavar="YYYY-MM-DD",
              help="Dateline for articles that have none (relative dates stay unresolved without one).")
@click.option("--strict", is_flag=True, help="Exit 1 if any input was skipped.")
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(1, 64), help="Processes for parsing.")
@store_option
@quiet_option
def build(paths: tuple[Path, ...], default_date: date | None, strict: bool, jobs: int,
          store_location: str | None, quiet: bool) -> None:
    """Extract events from articles (files or folders of *.txt / *.jsonl) into the store.

    Rebuilding an article replaces its graph, so building twice gives the same graph.

    \b
    Example:
      kg build seeds/ --store kg-store
    """
    from kg.pipeline import build as run_build
    from kg.pipeline import format_report
    from kg.store import Store

    talk = Talk(quiet)

    def action() -> int:
        with Store.open(store_location) as store:
            report = run_build(list(paths), store, default_date=default_date, progress=talk, jobs=jobs)
        talk(format_report(report))
        return 1 if strict and report.skipped else 0

    _run(action)


@main.command()
@click.argument("name", required=False)
@click.option("-e", "--expr", "sparql", metavar="SPARQL", help="Run this SPARQL instead of a named query.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind a query parameter.")
@click.option("-f", "--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "csv", "tsv", "json"]), help="Output format.")
@click.option("--list", "list_only", is_flag=True, help="List the named queries and their parameters.")
@store_option
@quiet_option
def query(name: str | None, sparql: str | None, params: tuple[str, ...], fmt: str, list_only: bool,
          store_location: str | None, quiet: bool) -> None:
    """Run a named query from queries/ or an ad-hoc SPARQL query.

    Parameters are bound as RDF terms, never pasted into the query text.

    \b
    Examples:
      kg query launches --param state=PRK --format csv > launches.csv
      kg query -e 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    """
    from kg.queries import bind, format_result, list_queries, load_query
    from kg.store import Store

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
        with Store.open(store_location, read_only=True) as store:
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


EXPORT_FORMATS = ["ttl", "turtle", "nt", "ntriples", "trig", "nq", "nquads", "jsonld"]


@main.command()
@click.option("-f", "--format", "fmt", default="ttl", show_default=True, type=click.Choice(EXPORT_FORMATS),
              help="RDF format; ttl, nt and jsonld hold the union of all graphs, trig and nq keep them apart.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: stdout).")
@store_option
@quiet_option
def export(fmt: str, output: Path | None, store_location: str | None, quiet: bool) -> None:
    """Write the whole graph in an RDF format, with the project's prefixes.

    \b
    Example:
      kg export --format ttl -o kg.ttl
    """
    from kg.store import Store

    talk = Talk(quiet)

    def action() -> int:
        with Store.open(store_location, read_only=True) as store:
            if output is None:
                store.export(sys.stdout.buffer, fmt)
                sys.stdout.buffer.flush()
            else:
                with output.open("wb") as fh:
                    store.export(fh, fmt)
                talk(f"wrote {output}")
        return 0

    _run(action)


@main.command()
@store_option
@quiet_option
def validate(store_location: str | None, quiet: bool) -> None:
    """Check the graph against the SHACL shapes (ontology/shapes.ttl): exit 0 if it conforms, 1 if not.

    \b
    Example:
      kg validate --store kg-store
    """
    from kg.store import Store
    from kg.validate import validate as run_validate

    talk = Talk(quiet)

    def action() -> int:
        with Store.open(store_location, read_only=True) as store:
            result = run_validate(store.to_graph())
        if result.conforms:
            talk("the graph conforms to ontology/shapes.ttl")
            return 0
        for v in result.violations:
            click.echo(f"{v.severity}\t{v.focus_node}\t{v.path or ''}\t{v.message}")
        talk(f"{len(result.violations)} violation(s)")
        return 1

    _run(action)


@main.command()
@store_option
@quiet_option
def stats(store_location: str | None, quiet: bool) -> None:
    """Count articles, sentences, events by type and factuality, states and weapons.

    \b
    Example:
      kg stats --store kg-store
    """
    from kg.queries import format_result, load_query
    from kg.store import Store

    def action() -> int:
        named = load_query("stats")
        with Store.open(store_location, read_only=True) as store:
            result = store.query(named.text)
        format_result(result, "table", sys.stdout)
        return 0

    _run(action)


@main.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-f", "--format", "fmt", default="text", show_default=True, type=click.Choice(["text", "json"]))
@click.option("-v", "--verbose", is_flag=True, help="List every missed, spurious and mismatched event.")
@click.option("--store", "store_location", metavar="DIR",
              help="Read predictions from this store instead of building GOLD_DIR into a temporary one.")
@quiet_option
def evaluate(gold_dir: Path, fmt: str, verbose: bool, store_location: str | None, quiet: bool) -> None:
    """Score the extractor against gold events (<id>.txt beside <id>.json).

    The articles are built into a temporary store and the events are read back from the RDF
    through SPARQL, so what is measured is the graph users get.

    \b
    Example:
      kg eval ../shared/devset --verbose
    """
    from kg.evaluate import format_scores, load_gold_dir, score
    from kg.readback import predicted_articles
    from kg.store import Store

    talk = Talk(quiet)

    def action() -> int:
        gold = load_gold_dir(gold_dir)
        if store_location is not None:
            with Store.open(store_location, read_only=True) as store:
                predicted = predicted_articles(store)
        else:
            from kg.pipeline import build as run_build

            with Store.memory() as store:
                texts = [gold_dir / f"{g.id}.txt" for g in gold]
                report = run_build(texts, store, progress=None)
                talk(f"built {report.articles} gold article(s) into a temporary store")
                predicted = predicted_articles(store)
        click.echo(format_scores(score(gold, predicted), fmt, verbose=verbose))
        return 0

    _run(action)


if __name__ == "__main__":  # pragma: no cover
    main()
