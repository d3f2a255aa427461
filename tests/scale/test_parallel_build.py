"""`kg build -j N` writes the graph `-j 1` writes: the exports are the same bytes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from same_bytes import RDF_FORMATS, Exports, assert_same_bytes, exports

from kg.cli import main
from kg.pipeline import build
from kg.store import Store

pytestmark = pytest.mark.model


def test_two_processes_give_the_bytes_of_one(corpus: Path, serial_exports: Exports, tmp_path: Path) -> None:
    with Store.open(tmp_path / "s") as store:
        report = build([corpus], store, jobs=2)
        assert_same_bytes(exports(store), serial_exports)
    assert report.articles == 7


def test_build_j2_from_the_command_line(corpus: Path, serial_exports: Exports, tmp_path: Path) -> None:
    location = tmp_path / "s"
    result = CliRunner().invoke(main, ["build", str(corpus), "-j", "2", "--store", str(location), "-q"])
    assert result.exit_code == 0, result.output
    for fmt in RDF_FORMATS:
        out = tmp_path / f"export.{fmt}"
        args = ["export", "--store", str(location), "--format", fmt, "-o", str(out), "-q"]
        done = CliRunner().invoke(main, args)
        assert done.exit_code == 0, done.output
        assert out.read_bytes() == serial_exports[fmt], fmt


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
