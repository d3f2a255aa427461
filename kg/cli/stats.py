"""`kg stats`."""

from __future__ import annotations

import sys

from kg.cli import _run, main, quiet_option, store_option


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
    from kg.store import open_store

    def action() -> int:
        named = load_query("stats")
        with open_store(store_location, read_only=True) as store:
            result = store.query(named.text)
        format_result(result, "table", sys.stdout)
        return 0

    _run(action)
