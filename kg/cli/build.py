"""`kg build`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from kg.cli import Talk, _parse_date, _run, main, quiet_option, store_option


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--date",
    "default_date",
    callback=_parse_date,
    metavar="YYYY-MM-DD",
    help="Dateline for articles that have none (relative dates stay unresolved without one).",
)
@click.option("--strict", is_flag=True, help="Exit 1 if any input was skipped.")
@click.option(
    "-j", "--jobs", default=1, show_default=True, type=click.IntRange(1, 64), help="Processes for parsing."
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    envvar="KG_SCHEDULER",
    help="Extract on the Dask cluster of this scheduler (tcp://HOST:8786; needs kg[dask]) instead of -j.",
)
@store_option
@quiet_option
def build(
    paths: tuple[Path, ...],
    default_date: date | None,
    strict: bool,
    jobs: int,
    scheduler: str | None,
    store_location: str | None,
    quiet: bool,
) -> None:
    """Extract events from articles (files or folders of *.txt / *.jsonl) into the store.

    Rebuilding an article replaces its graph, so building twice gives the same graph.

    \b
    Example:
      kg build seeds/ --store kg-store
    """
    from kg.pipeline import build as run_build
    from kg.pipeline import format_report
    from kg.store import open_store

    talk = Talk(quiet)

    def action() -> int:
        if scheduler is not None and jobs != 1:
            raise click.UsageError("give -j N or --scheduler ADDRESS, not both")
        with open_store(store_location) as store:
            report = run_build(
                list(paths), store, default_date=default_date, progress=talk, jobs=jobs, scheduler=scheduler
            )
        talk(format_report(report))
        return 1 if strict and report.skipped else 0

    _run(action)
