"""`kg build --scheduler`: extraction on a Dask cluster (a LocalCluster of two worker processes)
writes the graph `-j 1` writes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import KgError
from kg.pipeline import build
from kg.store import Store

pytestmark = pytest.mark.model
distributed = pytest.importorskip("distributed", reason="the Dask extra: pip install -e '.[dask]'")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    )
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def test_a_dask_cluster_gives_the_graph_of_one_process(
    scheduler: str, corpus: Path, serial_graph: list[str], canonical_nquads: Callable[[object], list[str]]
) -> None:
    with Store.memory() as store:
        report = build([corpus], store, scheduler=scheduler)
        assert canonical_nquads(store) == serial_graph
    assert report.articles == 7 and not report.skipped


def test_build_scheduler_from_the_command_line(
    scheduler: str,
    corpus: Path,
    serial_graph: list[str],
    canonical_nquads: Callable[[object], list[str]],
    tmp_path: Path,
) -> None:
    location = tmp_path / "s"
    args = ["build", str(corpus), "--scheduler", scheduler, "--store", str(location)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "built 7 article(s)" in result.stderr
    with Store.open(location, read_only=True) as store:
        assert canonical_nquads(store) == serial_graph


def test_an_unreachable_scheduler_is_a_user_error(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.distributed

    monkeypatch.setattr(kg.distributed, "CONNECT_TIMEOUT", "1s")  # Dask retries until the timeout
    with Store.memory() as store, pytest.raises(KgError, match="cannot reach the Dask scheduler"):
        build([corpus], store, scheduler="tcp://127.0.0.1:9")
