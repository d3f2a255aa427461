"""The corpus of the scale tests (the seeds and a few devset articles) and what `kg build -j 1`
exports for it, byte for byte, in every RDF format."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from same_bytes import Exports, exports

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


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for source in [*sorted(SEEDS.glob("*.txt")), *(DEVSET / f"{name}.txt" for name in DEVSET_SAMPLE)]:
        shutil.copyfile(source, folder / source.name)
    return folder


@pytest.fixture(scope="session")
def serial_exports(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Exports:
    """What a store folder built by `kg build -j 1` from the corpus exports, in each RDF format.

    A folder, not a memory store: RocksDB keeps quads in the order of their encoded terms, so the
    export does not depend on the order of the writes; Oxigraph's memory store writes them out
    in the order they came in."""
    from kg.pipeline import build
    from kg.store import Store

    with Store.open(tmp_path_factory.mktemp("serial") / "store") as store:
        report = build([corpus], store, jobs=1)
        assert report.articles == 2 + len(DEVSET_SAMPLE) and not report.skipped
        return exports(store)
