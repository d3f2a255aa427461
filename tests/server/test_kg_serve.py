"""`kg serve`: the embedded store over SPARQL, read-only unless --writable."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.cli.serve import server_argv
from kg.errors import StoreError
from kg.queries import list_queries
from kg.remote import RemoteStore
from kg.store import Store

pytestmark = [pytest.mark.server, pytest.mark.model]


def test_the_served_store_answers_every_named_query_as_the_folder_does(
    served_store: tuple[Path, str],
) -> None:
    folder, url = served_store
    # `serve-read-only` opens RocksDB without its lock, so the folder can be read beside it.
    with Store.open(folder, read_only=True) as local, RemoteStore.open(url, read_only=True) as remote:
        for query in list_queries():
            if query.name == "events":
                continue  # SAMPLE and unordered GROUP_CONCAT: see tests/server/test_remote_store.py
            expected = [tuple(map(str, row)) for row in local.query(query.text).rows]
            assert [tuple(map(str, row)) for row in remote.query(query.text).rows] == expected, query.name


def test_the_served_store_refuses_updates(served_store: tuple[Path, str]) -> None:
    _, url = served_store
    update = urllib.parse.urlencode({"update": "DROP ALL"}).encode()
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(urllib.request.Request(f"{url}/update", data=update), timeout=10)
    refused.value.close()
    assert refused.value.code == 403
    with RemoteStore.open(url) as remote, pytest.raises(StoreError, match=r"refused the write.*read-only"):
        remote.replace_article("seed-2017-03-23-wonsan", [])
    with RemoteStore.open(url, read_only=True) as remote:
        assert remote.article_ids() == ["seed-2017-03-23-wonsan", "seed-2024-06-26-pyongyang"]


def test_server_command_line() -> None:
    argv = server_argv("oxigraph", Path("s"), "127.0.0.1:7000", writable=False, cors=False)
    assert argv == [
        "oxigraph",
        "serve-read-only",
        "--location",
        "s",
        "--bind",
        "127.0.0.1:7000",
        "--union-default-graph",
    ]
    argv = server_argv("oxigraph", Path("s"), "127.0.0.1:7000", writable=True, cors=True)
    assert argv[1] == "serve" and argv[-1] == "--cors"


def test_serve_refuses_a_url_and_a_missing_store(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["serve", "--store", "http://127.0.0.1:9"])
    assert result.exit_code == 2
    result = runner.invoke(main, ["serve", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1 and "no kg store" in result.stderr
    result = runner.invoke(main, ["serve", "--store", str(tmp_path), "--bind", "nowhere"])
    assert result.exit_code == 2
