"""An Oxigraph SPARQL server on a free loopback port, started for the tests and killed after."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DEVSET = ROOT.parent / "shared" / "devset"

# A few devset articles besides the seeds: launches, an exercise and treaties.
DEVSET_SAMPLE = (
    "2017-07-05-hwasong14-icbm",
    "2017-09-21-zapad-exercise",
    "2018-09-19-military-agreement",
)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_until_up(url: str, process: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    """Poll `url` until the server answers (any HTTP status) or `process` exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError as answer:
            answer.close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"no answer from {url} after {timeout} s")


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail("the oxigraph server is not installed: pip install -e '.[test]' installs it")
    return found


@pytest.fixture(scope="session")
def oxigraph_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A plain `oxigraph serve` (no --union-default-graph: kg asks for the union per request)."""
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph") / "db"
    argv = [oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/", process)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two seeds and a few devset articles, in one folder."""
    folder = tmp_path_factory.mktemp("corpus")
    sources: Sequence[Path] = [
        *sorted(SEEDS.glob("*.txt")),
        *(DEVSET / f"{name}.txt" for name in DEVSET_SAMPLE),
    ]
    for source in sources:
        shutil.copyfile(source, folder / source.name)
    return folder


@pytest.fixture(scope="session")
def served_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The seeds built into a store folder and served by `kg serve` (read-only) on a free port:
    (store folder, server URL)."""
    from click.testing import CliRunner

    from kg.cli import main

    store = tmp_path_factory.mktemp("served") / "kg-store"
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--store", str(store), "-q"])
    assert result.exit_code == 0, result.output
    port = free_port()
    argv = [sys.executable, "-m", "kg", "serve", "--store", str(store), "--bind", f"127.0.0.1:{port}", "-q"]
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/", process)
        yield store, f"http://127.0.0.1:{port}"
    finally:
        stop(process)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:  # the Oxigraph child is gone too
        assert sock.connect_ex(("127.0.0.1", port)) != 0, "the Oxigraph server outlived kg serve"
