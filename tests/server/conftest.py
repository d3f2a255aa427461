"""An Oxigraph SPARQL server on a free loopback port, started for the tests and killed after."""

from __future__ import annotations

import shutil
import socket
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from oxigraph_server import oxigraph_binary, quiet, serving

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DEVSET = ROOT / "gold" / "devset"

# A few devset articles besides the seeds: launches, an exercise and treaties.
DEVSET_SAMPLE = (
    "2017-07-05-hwasong14-icbm",
    "2017-09-21-zapad-exercise",
    "2018-09-19-military-agreement",
)


@pytest.fixture(scope="session")
def oxigraph_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A plain `oxigraph serve` (no --union-default-graph: kg asks for the union per request)."""
    location = tmp_path_factory.mktemp("oxigraph") / "db"
    with serving(
        lambda bind: quiet([oxigraph_binary(), "serve", "--location", str(location), "--bind", bind])
    ) as server:
        yield server.url


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
    with serving(
        lambda bind: quiet([sys.executable, "-m", "kg", "serve", "--store", str(store), "--bind", bind, "-q"])
    ) as server:
        yield store, server.url
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:  # the Oxigraph child is gone too
        assert sock.connect_ex(("127.0.0.1", server.port)) != 0, "the Oxigraph server outlived kg serve"
