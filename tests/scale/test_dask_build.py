"""`kg build --scheduler`: extraction on a Dask cluster (a LocalCluster of two worker processes)
writes the graph `-j 1` writes: the exports are the same bytes."""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from same_bytes import RDF_FORMATS, Exports, assert_same_bytes, exports

from kg.cli import main
from kg.errors import KgError
from kg.models import Article, Extraction
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


def test_a_dask_cluster_gives_the_bytes_of_one_process(
    scheduler: str, corpus: Path, serial_exports: Exports, tmp_path: Path
) -> None:
    with Store.open(tmp_path / "s") as store:
        report = build([corpus], store, scheduler=scheduler)
        assert_same_bytes(exports(store), serial_exports)
    assert report.articles == 7 and not report.skipped


def test_build_scheduler_from_the_command_line(
    scheduler: str, corpus: Path, serial_exports: Exports, tmp_path: Path
) -> None:
    location = tmp_path / "s"
    args = ["build", str(corpus), "--scheduler", scheduler, "--store", str(location)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "built 7 article(s)" in result.stderr
    for fmt in RDF_FORMATS:
        out = tmp_path / f"export.{fmt}"
        args = ["export", "--store", str(location), "--format", fmt, "-o", str(out), "-q"]
        done = CliRunner().invoke(main, args)
        assert done.exit_code == 0, done.output
        assert out.read_bytes() == serial_exports[fmt], fmt


def test_only_new_articles_are_sent_to_the_cluster(
    scheduler: str, corpus: Path, serial_exports: Exports, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An incremental build on the cluster: the articles the store holds unchanged are skipped
    in this process, before the chunks are made; the store ends as a clean build leaves it."""
    import kg.distributed

    part = tmp_path / "part"
    part.mkdir()
    names = sorted(p.name for p in corpus.iterdir())
    for name in names[:4]:
        shutil.copyfile(corpus / name, part / name)
    sent: list[str] = []
    original = kg.distributed.extract_on_cluster

    def spy(articles: Iterable[Article], *args: Any, **kwargs: Any) -> Iterator[Extraction]:
        def recorded() -> Iterator[Article]:
            for article in articles:
                sent.append(article.id)
                yield article

        return original(recorded(), *args, **kwargs)

    monkeypatch.setattr(kg.distributed, "extract_on_cluster", spy)
    with Store.open(tmp_path / "s") as store:
        build([part], store, scheduler=scheduler)
        assert len(sent) == 4
        sent.clear()
        report = build([corpus], store, scheduler=scheduler)
        assert sent == [Path(name).stem for name in names[4:]]
        assert (report.articles, report.new, report.unchanged) == (3, 3, 4)
        assert_same_bytes(exports(store), serial_exports)
        sent.clear()
        report = build([corpus], store, scheduler=scheduler)
        assert sent == [] and report.unchanged == 7  # nothing to send: the cluster is not even asked


def test_an_unreachable_scheduler_is_a_user_error(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.distributed

    monkeypatch.setattr(kg.distributed, "CONNECT_TIMEOUT", "1s")  # Dask retries until the timeout
    with Store.memory() as store, pytest.raises(KgError, match="cannot reach the Dask scheduler"):
        build([corpus], store, scheduler="tcp://127.0.0.1:9")
