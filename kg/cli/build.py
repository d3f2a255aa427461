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
    help=(
        "Dateline for articles whose input gives none, and the year for a wire dateline "
        "('SEOUL, March 7 (Yonhap) --') in them (relative dates stay unresolved without a date)."
    ),
)
@click.option("--strict", is_flag=True, help="Exit 1 if any input was skipped.")
@click.option("--text-column", metavar="NAME", help="CSV/TSV: the column of article text (default: text).")
@click.option(
    "--date-column", metavar="NAME", help="CSV/TSV: the column of publication dates (default: date)."
)
@click.option(
    "--id-column", metavar="NAME", help="CSV/TSV: the column of article ids (default: id, else FILE-LINE)."
)
@click.option("--source-column", metavar="NAME", help="CSV/TSV: the column of sources (default: source).")
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
@click.option(
    "--force",
    is_flag=True,
    help=(
        "Build every article, also those the store holds unchanged (same text, dateline and source, "
        "same rule, lexicon, model and kg versions), which are otherwise skipped."
    ),
)
@store_option
@quiet_option
def build(
    paths: tuple[Path, ...],
    default_date: date | None,
    strict: bool,
    text_column: str | None,
    date_column: str | None,
    id_column: str | None,
    source_column: str | None,
    jobs: int,
    scheduler: str | None,
    prune: bool,
    force: bool,
    store_location: str | None,
    quiet: bool,
) -> None:
    """Extract events from articles into the store: files, or folders of *.txt, *.jsonl, web
    pages (*.html, *.htm), RSS/Atom feeds (*.xml, *.rss, *.atom) and CSV/TSV exports.

    An article the store holds already, read from the same text, dateline and source by the
    same rule, lexicon, model and kg versions, is skipped (--force builds it again); a new or
    changed one is built, and rebuilding an article replaces its graph, so building twice gives
    the same graph.

    \b
    Examples:
      kg build seeds/ --store kg-store
      kg build export.csv --text-column body --date-column published --id-column url
      kg build corpus/ --prune
      kg build corpus/ --force
    """
    from kg.articles import iter_inputs
    from kg.pipeline import build as run_build
    from kg.pipeline import format_report, no_article_files
    from kg.readers.table import Columns
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
            columns = Columns(text_column, date_column, id_column, source_column)
            report = run_build(
                list(paths),
                store,
                default_date=default_date,
                columns=columns,
                progress=talk,
                jobs=jobs,
                scheduler=scheduler,
                prune=prune,
                force=force,
            )
        talk(format_report(report))
        if new_folder and not report.articles and store_exists(store_location):
            shutil.rmtree(resolve_location(store_location))  # made by this build, which built nothing
            talk(f"no article was built, so no store was left at {resolve_location(store_location)}")
        return 1 if strict and report.skipped else 0

    _run(action)
