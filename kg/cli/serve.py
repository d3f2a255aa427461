"""`kg serve`: the embedded store over the SPARQL 1.1 Protocol, by the Oxigraph server."""

from __future__ import annotations

import ipaddress
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import click

from kg.cli import Talk, _run, main, quiet_option, store_option
from kg.errors import KgError

DEFAULT_BIND = "127.0.0.1:7878"


def find_oxigraph() -> str:
    """The `oxigraph` server binary (pip package `oxigraph`); KgError if it is not installed."""
    found = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if found is None:
        raise KgError("kg serve needs the Oxigraph server: pip install 'kg[server]' (or oxigraph)")
    return found


def server_argv(binary: str, location: Path, bind: str, *, writable: bool, cors: bool) -> list[str]:
    """The command line of the Oxigraph server on the store folder `location`.

    The default graph is the union of all graphs, as kg's queries expect."""
    argv = [binary, "serve" if writable else "serve-read-only", "--location", str(location), "--bind", bind]
    argv.append("--union-default-graph")
    if cors:
        argv.append("--cors")
    return argv


def _host_port(bind: str) -> tuple[str, int]:
    host, sep, port = bind.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise click.BadParameter(f"{bind!r}: use HOST:PORT, e.g. {DEFAULT_BIND}", param_hint="--bind")
    return host.strip("[]"), int(port)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


@main.command()
@click.option(
    "--bind",
    default=DEFAULT_BIND,
    show_default=True,
    metavar="HOST:PORT",
    help="Address to listen on; keep it on loopback unless the graph may be read by anyone who can reach it.",
)
@click.option("--writable", is_flag=True, help="Also accept SPARQL Update and Graph Store writes.")
@click.option("--cors", is_flag=True, help="Allow cross-origin requests (browser clients such as YASGUI).")
@store_option
@quiet_option
def serve(bind: str, writable: bool, cors: bool, store_location: str | None, quiet: bool) -> None:
    """Serve the store as a SPARQL 1.1 endpoint (the Oxigraph server) until Ctrl-C.

    Read-only unless --writable. The default graph is the union of all graphs, as for kg query.
    Endpoints: /query (SPARQL query), /update (with --writable), /store (Graph Store Protocol).
    Point SPARQLWrapper, YASGUI (with --cors) or Protégé at http://HOST:PORT/query, or another
    kg at it with --store http://HOST:PORT. Stop kg serve before a kg build into the same folder
    (or serve it --writable and build with --store http://HOST:PORT).

    \b
    Example:
      kg serve --store kg-store --bind 127.0.0.1:7878
    """
    from kg.store import Store, is_remote, resolve_location

    talk = Talk(quiet)

    def action() -> int:
        if is_remote(store_location):
            raise click.UsageError("kg serve serves a store folder; the store given is already a server URL")
        host, _port = _host_port(bind)
        location = resolve_location(store_location)
        Store.open(location, read_only=not writable).close()  # StoreError: missing, locked, not a store
        argv = server_argv(find_oxigraph(), location, bind, writable=writable, cors=cors)
        if not _is_loopback(host):
            talk(f"warning: listening on {host}, not loopback: anyone who can reach it can read the graph")
        mode = "read-write" if writable else "read-only"
        talk(f"serving {location} ({mode}) at http://{bind}/query; Ctrl-C stops it")
        process = subprocess.Popen(argv, env=os.environ.copy())
        signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops the server too, as Ctrl-C does
        try:
            code = process.wait()
        except KeyboardInterrupt:
            process.terminate()
            process.wait()
            return 0
        if code != 0:
            raise KgError(f"the Oxigraph server stopped with exit code {code} (its message is above)")
        return 0

    _run(action)
