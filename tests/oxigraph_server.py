"""An Oxigraph SPARQL server (`oxigraph serve` or `kg serve`) on a free loopback port, for tests.

The one place that knows how to start such a server on 127.0.0.1 (never any other interface),
wait until it answers, and stop it. Importable from any test as `oxigraph_server` (tests/ is
on sys.path through tests/conftest.py).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

LOOPBACK = "127.0.0.1"


def free_port() -> int:
    """A TCP port nothing listens on at 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        port: int = sock.getsockname()[1]
        return port


def oxigraph_binary() -> str:
    """The `oxigraph` server binary (pip package `oxigraph`); fails the test if it is missing."""
    found = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail("the oxigraph server is not installed: pip install -e '.[test]' installs it")
    return found


def quiet(argv: list[str]) -> subprocess.Popen[Any]:
    """Start `argv` with its output thrown away."""
    return subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_until_up(url: str, process: subprocess.Popen[Any], timeout: float = 30.0) -> None:
    """Poll `url` until the server answers (any HTTP status); RuntimeError if `process` exits
    first (with its stderr, when piped) or nothing answers within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            err = process.communicate()[1] if process.stderr is not None else ""
            raise RuntimeError(f"the server exited with code {process.returncode}: {err!s}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError as answer:
            answer.close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"no answer from {url} after {timeout} s")


def stop(process: subprocess.Popen[Any]) -> None:
    """Terminate the server (kill it if it lingers) and collect its piped output, if any."""
    process.terminate()
    try:
        process.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()


@dataclass(frozen=True)
class Server:
    port: int
    process: subprocess.Popen[Any]

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"


@contextmanager
def serving(start: Callable[[str], subprocess.Popen[Any]]) -> Iterator[Server]:
    """Run a server on a free 127.0.0.1 port while the block runs.

    `start(bind)` starts it listening on `bind` ("127.0.0.1:PORT"), e.g.
    ``lambda bind: quiet([oxigraph_binary(), "serve", "--location", db, "--bind", bind])``.
    The block is entered once the server answers; it is stopped when the block ends."""
    port = free_port()
    process = start(f"{LOOPBACK}:{port}")
    server = Server(port, process)
    try:
        wait_until_up(f"{server.url}/", process)
        yield server
    finally:
        stop(process)
