"""`kg remove`."""

from __future__ import annotations

import click

from kg.cli import Talk, _run, main, quiet_option, store_option


@main.command()
@click.argument("article_ids", nargs=-1, required=True, metavar="ID...")
@store_option
@quiet_option
def remove(article_ids: tuple[str, ...], store_location: str | None, quiet: bool) -> None:
    """Remove articles, by id, and everything drawn from them from the store.

    Each article's graph goes in one transaction; then the places and runs that no article
    uses any more are removed and the kgo:sameEventAs links between articles recomputed. An id
    the store does not hold is an error, and then nothing is removed. `kg query articles` lists
    the ids; `kg build PATHS --prune` removes those whose files are gone.

    \b
    Example:
      kg remove seed-2017-03-23-wonsan --store kg-store
    """
    from kg.pipeline import remove as run_remove
    from kg.store import open_store

    talk = Talk(quiet)

    def action() -> int:
        with open_store(store_location, create=False) as store:
            removed = run_remove(article_ids, store)
            triples = store.triple_count()
        talk(f"removed {len(removed)} article(s): {', '.join(removed)}; {triples} triples in the store")
        return 0

    _run(action)
