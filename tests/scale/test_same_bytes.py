"""Two builds of the same input into two new stores export the same bytes, in every format
`kg export` writes (and `kg view` writes the same page): IRIs are minted from stable keys, the
ontology's blank nodes have canonical labels, and a store folder keeps its quads in an order that
does not depend on the order of the writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from same_bytes import RDF_FORMATS

from kg.cli import main

pytestmark = pytest.mark.model

FORMATS = (*RDF_FORMATS, "graphml", "gexf")


def _build_and_export(corpus: Path, folder: Path) -> dict[str, bytes]:
    runner = CliRunner()
    folder.mkdir()
    store = str(folder / "store")
    result = runner.invoke(main, ["build", str(corpus), "--store", store, "-q"])
    assert result.exit_code == 0, result.output
    out: dict[str, bytes] = {}
    for fmt in FORMATS:
        target = folder / f"export.{fmt}"
        done = runner.invoke(main, ["export", "--store", store, "--format", fmt, "-o", str(target), "-q"])
        assert done.exit_code == 0, done.output
        out[fmt] = target.read_bytes()
    page = folder / "view.html"
    done = runner.invoke(main, ["view", "--store", store, "-o", str(page), "-q"])
    assert done.exit_code == 0, done.output
    out["view"] = page.read_bytes()
    return out


def test_two_fresh_builds_export_the_same_bytes(corpus: Path, tmp_path: Path) -> None:
    first = _build_and_export(corpus, tmp_path / "one")
    second = _build_and_export(corpus, tmp_path / "two")
    for fmt, data in first.items():
        assert data == second[fmt], f"{fmt}: two builds of the same input differ"
    assert b"_:kgo-c14n" in first["nq"]  # the ontology's blank nodes, canonically labelled
