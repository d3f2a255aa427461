"""`kg build`."""

from __future__ import annotations

import shutil
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
@click.option(
    "--prune",
    is_flag=True,
    help="Also remove the stored articles that are no longer among PATHS (a file deleted or renamed).",
)
@store_option
@quiet_option
def build(
    paths: tuple[Path, ...],
    default_date: date | None,
    strict: bool,
    jobs: int,
    scheduler: str | None,
    prune: bool,
    store_location: str | None,
    quiet: bool,
) -> None:
    """Extract events from articles (files or folders of *.txt / *.jsonl) into the store.

    Rebuilding an article replaces its graph, so building twice gives the same graph.

    \b
    Example:
      kg build seeds/ --store kg-store
      kg build corpus/ --prune
    """
    from kg.articles import iter_inputs
    from kg.pipeline import build as run_build
    from kg.pipeline import format_report, no_article_files
    from kg.store import is_remote, open_store, resolve_location, store_exists

    talk = Talk(quiet)

    def action() -> int:
        if scheduler is not None and jobs != 1:
            raise click.UsageError("give -j N or --scheduler ADDRESS, not both")
        files, ignored = iter_inputs(list(paths))
        if not files:  # nothing to build: say so, and leave the store as it is (or absent)
            talk(no_article_files(paths, ignored))
            return 1 if strict else 0
        new_folder = not is_remote(store_location) and not resolve_location(store_location).exists()
        with open_store(store_location) as store:
            report = run_build(
                list(paths),
                store,
                default_date=default_date,
                progress=talk,
                jobs=jobs,
                scheduler=scheduler,
                prune=prune,
            )
        talk(format_report(report))
        if new_folder and not report.articles and store_exists(store_location):
            shutil.rmtree(resolve_location(store_location))  # made by this build, which built nothing
            talk(f"no article was built, so no store was left at {resolve_location(store_location)}")
        return 1 if strict and report.skipped else 0

    _run(action)
