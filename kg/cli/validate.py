"""`kg validate`."""

from __future__ import annotations

import click

from kg.cli import Talk, _run, main, quiet_option, store_option


@main.command()
@store_option
@quiet_option
def validate(store_location: str | None, quiet: bool) -> None:
    """Check the graph against the SHACL shapes (ontology/shapes.ttl): exit 0 if it conforms, 1 if not.

    \b
    Example:
      kg validate --store kg-store
    """
    from kg.store import open_store
    from kg.validate import validate as run_validate

    talk = Talk(quiet)

    def action() -> int:
        with open_store(store_location, read_only=True) as store:
            result = run_validate(store.to_graph())
        if result.conforms:
            talk("the graph conforms to ontology/shapes.ttl")
            return 0
        for v in result.violations:
            click.echo(f"{v.severity}\t{v.focus_node}\t{v.path or ''}\t{v.message}")
        talk(f"{len(result.violations)} violation(s)")
        return 1

    _run(action)
