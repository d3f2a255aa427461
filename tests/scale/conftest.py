"""The corpus of the scale tests: the seeds and a few devset articles, and its `-j 1` graph."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DEVSET = ROOT / "gold" / "devset"
DEVSET_SAMPLE = (
    "2017-07-05-hwasong14-icbm",
    "2017-09-21-zapad-exercise",
    "2018-09-19-military-agreement",
    "2021-02-03-new-start-extension",
    "2024-05-28-satellite-failure",
)


def _canonical_nquads(store: object) -> list[str]:
    """The store's dataset, blank nodes canonicalized (RDFC-1.0), as sorted N-Quads lines."""
    buffer = io.BytesIO()
    store.export(buffer, "nq")  # type: ignore[attr-defined]
    dataset = ox.Dataset(ox.parse(buffer.getvalue(), ox.RdfFormat.N_QUADS))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return sorted(f"{quad} ." for quad in dataset)


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for source in [*sorted(SEEDS.glob("*.txt")), *(DEVSET / f"{name}.txt" for name in DEVSET_SAMPLE)]:
        shutil.copyfile(source, folder / source.name)
    return folder


@pytest.fixture(scope="session")
def serial_graph(corpus: Path) -> list[str]:
    """The graph `kg build -j 1` writes for the corpus."""
    from kg.pipeline import build
    from kg.store import Store

    with Store.memory() as store:
        report = build([corpus], store, jobs=1)
        assert report.articles == 2 + len(DEVSET_SAMPLE) and not report.skipped
        return _canonical_nquads(store)


@pytest.fixture(scope="session")
def canonical_nquads() -> Callable[[object], list[str]]:
    """store -> its dataset as sorted, canonical N-Quads lines."""
    return _canonical_nquads
