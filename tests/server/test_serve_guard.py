"""kg serve and writes into the folder it serves; kg remove and kg build --prune over a server."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from oxigraph_server import LOOPBACK, free_port, oxigraph_binary, quiet, serving

from kg.cli import main
from kg.remote import RemoteStore
from kg.store import SERVE_MARK, Store

pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
FIXTURE = ROOT / "tests" / "contract" / "fixtures" / "factualities.trig"


def kg(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def imported(folder: Path) -> Path:
    location = folder / "kg-store"
    code, _, err = kg("import", str(FIXTURE), "--store", str(location))
    assert code == 0, err
    return location


def kg_serve(location: Path, *extra: str):  # type: ignore[no-untyped-def]
    return serving(
        lambda bind: quiet(
            [sys.executable, "-m", "kg", "serve", "--store", str(location), "--bind", bind, *extra]
        )
    )


def test_serve_on_a_port_in_use_fails_before_it_says_serving(tmp_path: Path) -> None:
    location = imported(tmp_path)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind((LOOPBACK, 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "kg", "serve", "--store", str(location), "--bind", f"{LOOPBACK}:{port}"],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    assert f"cannot serve at {LOOPBACK}:{port}: the port is in use" in done.stderr
    assert "serving" not in done.stderr
    assert not (location / SERVE_MARK).exists()


def test_writes_into_a_served_folder_are_refused_until_the_server_stops(tmp_path: Path) -> None:
    location = imported(tmp_path)
    with kg_serve(location, "-q") as server:
        assert (location / SERVE_MARK).is_file()
        for command in (
            ["build", str(SEEDS)],
            ["remove", "fact-b"],
            ["import", str(FIXTURE)],
        ):
            code, _, err = kg(*command, "--store", str(location))
            assert code == 1, command
            assert f"the store {location} is being served by kg serve" in err
            assert "would go on serving the old graph; stop kg serve first" in err
            assert f"--store {server.url}" in err
        code, _, err = kg("serve", "--store", str(location), "--bind", f"{LOOPBACK}:{free_port()}")
        assert code == 1 and "is already served by kg serve" in err
        with Store.open(location, read_only=True) as store:  # reading beside it is fine
            assert store.article_ids() == ["fact-a", "fact-b"]
    assert not (location / SERVE_MARK).exists()  # gone with the server
    code, _, err = kg("remove", "fact-b", "--store", str(location))
    assert code == 0, err


def test_a_mark_left_by_a_dead_server_is_ignored(tmp_path: Path) -> None:
    location = imported(tmp_path)
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    (location / SERVE_MARK).write_text(
        f'{{"pid": {dead.stdout.strip()}, "url": "http://127.0.0.1:1", "writable": false}}\n',
        encoding="utf-8",
    )
    code, _, err = kg("remove", "fact-b", "--store", str(location))
    assert code == 0, err


def test_remove_through_a_writable_server(tmp_path: Path) -> None:
    location = imported(tmp_path)
    with kg_serve(location, "--writable", "-q") as server:
        code, _, err = kg("remove", "fact-b", "--store", str(location))
        assert code == 1 and f"write through the server with --store {server.url}" in err
        code, _, err = kg("remove", "fact-b", "--store", server.url)
        assert code == 0, err
        with RemoteStore.open(server.url, read_only=True) as remote:
            assert remote.article_ids() == ["fact-a"]
            assert not remote.query("ASK { ?p a kgo:Place ; rdfs:label 'Sohae' }").boolean
            assert not remote.query("ASK { ?a kgo:sameEventAs ?b }").boolean
        code, _, err = kg("remove", "nope", "--store", server.url)
        assert code == 1 and "no article 'nope' in the store" in err


@pytest.mark.model
def test_build_prune_over_a_server(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, corpus / path.name)
    database = tmp_path / "db"
    with serving(
        lambda bind: quiet([oxigraph_binary(), "serve", "--location", str(database), "--bind", bind])
    ) as server:
        assert kg("build", str(corpus), "--store", server.url, "-q")[0] == 0
        (corpus / "seed-2024-06-26-pyongyang.txt").unlink()
        code, _, err = kg("build", str(corpus), "--store", server.url, "--prune")
        assert code == 0, err
        assert "removed 1 article(s) no longer among the inputs: seed-2024-06-26-pyongyang" in err
        with RemoteStore.open(server.url, read_only=True) as remote:
            assert remote.article_ids() == ["seed-2017-03-23-wonsan"]
            assert not remote.query(
                "ASK { ?t a kgo:Treaty ; kgo:date ?d FILTER (STR(?d) = '2024-06') }"
            ).boolean
