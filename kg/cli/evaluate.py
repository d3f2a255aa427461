"""`kg eval`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.cli import Talk, _run, main, quiet_option


@main.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-f", "--format", "fmt", default="text", show_default=True, type=click.Choice(["text", "json"]))
@click.option("-v", "--verbose", is_flag=True, help="List every missed, spurious and mismatched event.")
@click.option(
    "--store",
    "store_location",
    metavar="DIR",
    help="Read predictions from this store instead of building GOLD_DIR into a temporary one.",
)
@click.option(
    "--half",
    type=click.Choice(["odd", "even"]),
    help="Score only the 1st, 3rd, 5th ... (odd) or the 2nd, 4th ... (even) article in id order: "
    "develop on one half, confirm on the other.",
)
@click.option(
    "--classes",
    is_flag=True,
    help="Also count the errors by kind (date, parties, merged, no event in the sentence, ...), "
    "with no text: safe to share from a private set.",
)
@quiet_option
def evaluate(
    gold_dir: Path,
    fmt: str,
    verbose: bool,
    store_location: str | None,
    half: str | None,
    classes: bool,
    quiet: bool,
) -> None:
    """Score the extractor against gold events (<id>.txt beside <id>.json).

    The articles are built into a temporary store and the events are read back from the RDF
    through SPARQL, so what is measured is the graph users get.

    \b
    Example:
      kg eval gold/devset --verbose
      kg eval gold/devset --half odd
      kg eval ~/private-set --classes
    """
    from kg.evaluate import format_scores, load_gold_dir, score
    from kg.readback import predicted_articles
    from kg.store import Store, open_store

    talk = Talk(quiet)

    def action() -> int:
        gold = load_gold_dir(gold_dir)
        if half is not None:
            gold = gold[0 if half == "odd" else 1 :: 2]
        if store_location is not None:
            with open_store(store_location, read_only=True) as store:
                predicted = predicted_articles(store)
        else:
            from kg.pipeline import build as run_build

            with Store.memory() as store:
                texts = [gold_dir / f"{g.id}.txt" for g in gold]
                report = run_build(texts, store, progress=None)
                talk(f"built {report.articles} gold article(s) into a temporary store")
                for path, reason in report.skipped:
                    # an article the build could not read or extract scores as all missed: say so
                    click.echo(
                        f"warning: {path}: skipped ({reason}); its gold events count as missed", err=True
                    )
                predicted = predicted_articles(store)
        scores = score(gold, predicted)
        out = format_scores(scores, fmt, verbose=verbose)
        if classes:
            from kg.error_classes import classes_json, error_classes, format_classes

            counted = error_classes(scores)
            if fmt == "json":
                out = json.dumps(
                    {**json.loads(out), "error_classes": classes_json(counted)}, indent=2, ensure_ascii=False
                )
            else:
                out += "\n\n" + format_classes(counted)
        click.echo(out)
        return 0

    _run(action)
