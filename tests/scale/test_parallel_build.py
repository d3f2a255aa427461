"""`kg build -j N` writes the graph `-j 1` writes, byte for byte once canonicalized."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.pipeline import build
from kg.store import Store

pytestmark = pytest.mark.model


def test_two_processes_give_the_graph_of_one(
    corpus: Path, serial_graph: list[str], canonical_nquads: Callable[[object], list[str]]
) -> None:
    with Store.memory() as store:
        report = build([corpus], store, jobs=2)
        assert canonical_nquads(store) == serial_graph
    assert report.articles == 7


def test_build_j2_from_the_command_line(
    corpus: Path, serial_graph: list[str], canonical_nquads: Callable[[object], list[str]], tmp_path: Path
) -> None:
    location = tmp_path / "s"
    result = CliRunner().invoke(main, ["build", str(corpus), "-j", "2", "--store", str(location), "-q"])
    assert result.exit_code == 0, result.output
    with Store.open(location, read_only=True) as store:
        assert canonical_nquads(store) == serial_graph


def test_jobs_and_scheduler_are_exclusive(corpus: Path, tmp_path: Path) -> None:
    args = [
        "build",
        str(corpus),
        "-j",
        "2",
        "--scheduler",
        "tcp://127.0.0.1:1",
        "--store",
        str(tmp_path / "s"),
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
