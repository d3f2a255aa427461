"""The `kg` command: options in, library calls, formatted output. Nothing else lives here.

One module per command (or family of commands); each registers itself on `main`.

Data goes to stdout; progress, logs and summaries go to stderr (`-q` silences them).
Exit codes: 0 ok, 1 a user error or SHACL violations, 2 usage.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date
from typing import Any, NoReturn, TypeVar

import click

from kg.errors import KgError
from kg.models import Factuality

F = TypeVar("F", bound=Callable[..., Any])

STORE_HELP = "Store folder, or a SPARQL server URL http://HOST:PORT (default: $KG_STORE, else ./kg-store)."


def store_option(f: F) -> F:
    return click.option("--store", "store_location", envvar="KG_STORE", metavar="DIR|URL", help=STORE_HELP)(f)


def quiet_option(f: F) -> F:
    return click.option("-q", "--quiet", is_flag=True, help="Print nothing on stderr.")(f)


def _parse_factualities(_ctx: click.Context, _param: click.Parameter, value: str) -> frozenset[Factuality]:
    from kg.factualities import parse_factualities

    try:
        return parse_factualities(value)
    except ValueError as err:
        raise click.BadParameter(str(err)) from None


def factuality_option(f: F) -> F:
    """--factuality: which events count (kg.factualities), parsed into a set of Factuality."""
    return click.option(
        "--factuality",
        "factualities",
        default="reported",
        show_default=True,
        callback=_parse_factualities,
        metavar="WHICH",
        help="Which events count: reported (asserted and claimed), all, or a comma-separated list "
        "such as asserted,expected.",
    )(f)


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


#: The exit code of a command whose reader went away (`kg export | head -1`): what the shell
#: reports for `cat` killed by SIGPIPE (128 + 13).
BROKEN_PIPE_EXIT = 141


def _run(action: Callable[[], int | None]) -> None:
    try:
        code = action()
        sys.stdout.flush()  # here, so that a closed pipe is noticed while it can be handled
    except BrokenPipeError:
        _reader_gone()
    except KgError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    sys.exit(code or 0)


def _reader_gone() -> NoReturn:
    """End quietly, as Unix tools do, when stdout is a pipe its reader has closed: no message,
    and nothing for Python to report when it flushes stdout at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a file descriptor (a test runner's buffer)
        pass
    sys.exit(BROKEN_PIPE_EXIT)


# Register the commands (imported for their side effect on `main`).
from kg.cli import build, evaluate, export, import_, query, remove, serve, stats, validate, view  # noqa: E402,F401
