"""Incremental builds over `--store http://...` (a fresh Oxigraph server): unchanged articles are
skipped with no request for them, and after a partial build (and --prune) the server holds what a
clean build of the same inputs writes into the embedded store.

The Oxigraph server gives the blank nodes of a Graph Store PUT labels of its own, so the exports
are compared as canonical datasets, and byte for byte without the lines of the ontology's blank
nodes (both stores keep their quads in RocksDB, in the order of the encoded terms)."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from oxigraph_server import oxigraph_binary, quiet, serving

from kg.cli import main
from kg.pipeline import build
from kg.remote import RemoteStore, _Http
from kg.store import Store

pytestmark = [pytest.mark.server, pytest.mark.model]

ROOT = Path(__file__).resolve().parents[2]
A = ROOT / "seeds" / "seed-2017-03-23-wonsan.txt"
B = ROOT / "gold" / "devset" / "2017-07-05-hwasong14-icbm.txt"


@pytest.fixture
def server_url(tmp_path: Path) -> Iterator[str]:
    """A new, empty Oxigraph server for each test."""
    location = tmp_path / "oxigraph"
    with serving(
        lambda bind: quiet([oxigraph_binary(), "serve", "--location", str(location), "--bind", bind])
    ) as server:
        yield server.url


def inputs(folder: Path, *, with_c: bool) -> Path:
    """A and B, and with `with_c` C: A's text under another name (its launch is linked to A's)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copyfile(A, folder / A.name)
    shutil.copyfile(B, folder / B.name)
    if with_c:
        shutil.copyfile(A, folder / "wonsan-again.txt")
    return folder


def nquads(store: Store | RemoteStore) -> bytes:
    out = io.BytesIO()
    store.export(out, "nq")
    return out.getvalue()


def assert_same_graph(remote: RemoteStore, folder: Path, tmp_path: Path) -> None:
    """The server holds what a clean embedded build of `folder` holds."""
    with Store.open(tmp_path / f"clean-{folder.name}-{len(list(tmp_path.iterdir()))}") as clean:
        build([folder], clean)
        expected = nquads(clean)
    got = nquads(remote)
    datasets = [ox.Dataset(ox.parse(data, ox.RdfFormat.N_QUADS)) for data in (got, expected)]
    for dataset in datasets:
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    assert datasets[0] == datasets[1]
    named = [[line for line in data.splitlines() if b"_:" not in line] for data in (got, expected)]
    assert named[0] == named[1]


def test_a_partial_build_on_a_server_sends_only_the_new_article(
    server_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = inputs(tmp_path / "in", with_c=False)
    with RemoteStore.open(server_url) as store:
        assert build([folder], store).new == 2
    requests: list[tuple[str, str]] = []
    original = _Http.request

    def counting(self: _Http, method: str, url: str, *args: object, **kwargs: object) -> object:
        requests.append((method, url))
        return original(self, method, url, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(_Http, "request", counting)
    inputs(folder, with_c=True)
    with RemoteStore.open(server_url) as store:
        report = build([folder], store)
        assert (report.articles, report.new, report.unchanged, report.linked) == (1, 1, 2, {"Launch": 1})
        puts = [url for method, url in requests if method == "PUT"]
        assert len(puts) == 1 and "wonsan-again" in puts[0]  # the article; its links by an update
        assert_same_graph(store, folder, tmp_path)
    requests.clear()
    with RemoteStore.open(server_url) as store:
        report = build([folder], store)
        assert (report.articles, report.unchanged) == (0, 3)
        graph_writes = [
            url for m, url in requests if m in ("PUT", "DELETE") or (m == "POST" and "graph=" in url)
        ]
        updates = [url for m, url in requests if m == "POST" and url.endswith("/update")]
        assert graph_writes == [] and len(updates) == 1  # the pruning of places and runs, nothing else
        assert_same_graph(store, folder, tmp_path)


def test_prune_after_a_partial_build_on_a_server(server_url: str, tmp_path: Path) -> None:
    folder = inputs(tmp_path / "in", with_c=True)
    runner = CliRunner()
    first = runner.invoke(main, ["build", str(folder), "--store", server_url])
    assert first.exit_code == 0, first.output
    assert "(3 new, 0 changed; 0 unchanged, skipped)" in first.stderr
    inputs(folder, with_c=False)
    again = runner.invoke(main, ["build", str(folder), "--store", server_url, "--prune"])
    assert again.exit_code == 0, again.output
    assert "(0 new, 0 changed; 2 unchanged, skipped)" in again.stderr
    assert "removed 1 article(s) no longer among the inputs: wonsan-again" in again.stderr
    with RemoteStore.open(server_url) as store:
        assert_same_graph(store, folder, tmp_path)
