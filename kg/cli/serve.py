"""`kg serve`: the embedded store over the SPARQL 1.1 Protocol, by the Oxigraph server."""

from __future__ import annotations

import errno
import ipaddress
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import click

from kg.cli import Talk, _run, main, quiet_option, store_option
from kg.errors import KgError

DEFAULT_BIND = "127.0.0.1:7878"
START_TIMEOUT_S = 60.0


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


def check_port_free(host: str, port: int) -> None:
    """KgError if nothing can listen on host:port now (another server has it, or the address is
    not this machine's), so that kg serve fails before it says it is serving."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as err:
        raise KgError(
            f"cannot serve at {host}:{port}: {err}; give --bind HOST:PORT with an address of this machine"
        ) from err
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
        try:
            sock.bind(address)
        except OSError as err:
            if err.errno == errno.EADDRINUSE:
                raise KgError(
                    f"cannot serve at {host}:{port}: the port is in use (another kg serve or server?); "
                    "stop it, or choose another port with --bind HOST:PORT"
                ) from err
            raise KgError(
                f"cannot serve at {host}:{port}: {err.strerror or err}; check --bind HOST:PORT"
            ) from err


def wait_until_listening(process: subprocess.Popen[bytes], host: str, port: int, timeout: float) -> None:
    """Return once the server accepts connections; KgError if it exits first or is not up in time."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        code = process.poll()
        if code is not None:
            raise KgError(
                f"the Oxigraph server stopped with exit code {code} before serving (its message is above)"
            )
        try:
            with socket.create_connection((host, port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    process.terminate()
    process.wait()
    raise KgError(f"the Oxigraph server did not answer at {host}:{port} within {timeout:.0f} s")


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
    kg at it with --store http://HOST:PORT. While it serves, kg build, kg import and kg remove
    refuse to write into the folder (the server would go on serving the old graph): stop it
    first, or serve it --writable and write with --store http://HOST:PORT. A port in use is an
    error before anything is served.

    \b
    Example:
      kg serve --store kg-store --bind 127.0.0.1:7878
    """
    from kg.store import Serving, Store, is_remote, mark_served, resolve_location, served_by, unmark_served

    talk = Talk(quiet)

    def action() -> int:
        if is_remote(store_location):
            raise click.UsageError("kg serve serves a store folder; the store given is already a server URL")
        host, port = _host_port(bind)
        location = resolve_location(store_location)
        Store.open(location, read_only=not writable).close()  # StoreError: missing, locked, not a store
        already = served_by(location)
        if already is not None:
            raise KgError(
                f"the store {location} is already served by kg serve (pid {already.pid}, {already.url}); "
                "use that server, or stop it first"
            )
        argv = server_argv(find_oxigraph(), location, bind, writable=writable, cors=cors)
        check_port_free(host, port)
        if not _is_loopback(host):
            talk(f"warning: listening on {host}, not loopback: anyone who can reach it can read the graph")
        signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops the server too, as Ctrl-C does
        mark_served(location, Serving(os.getpid(), f"http://{bind}", writable))
        process: subprocess.Popen[bytes] | None = None
        try:
            process = subprocess.Popen(argv, env=os.environ.copy())
            wait_until_listening(process, host, port, START_TIMEOUT_S)
            mode = "read-write" if writable else "read-only"
            talk(f"serving {location} ({mode}) at http://{bind}/query; Ctrl-C stops it")
            code = process.wait()
        except KeyboardInterrupt:
            return 0
        finally:
            if process is not None and process.poll() is None:
                process.terminate()
                process.wait()
            unmark_served(location, os.getpid())
        if code != 0:
            raise KgError(f"the Oxigraph server stopped with exit code {code} (its message is above)")
        return 0

    _run(action)
