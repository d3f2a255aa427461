"""Security: bound SPARQL parameters, escaped HTML, a loopback read-only server, no network."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import ROOT, SEEDS, Built, kg, kg_process
from hostile_corpus import XSS
from oxigraph_server import serving, stop, wait_until_up

from kg.cli import main
from kg.queries import bind, list_queries
from kg.store import Store

pytestmark = pytest.mark.model

MALICIOUS = '"} ; DROP ALL ; {"'
INJECTIONS = [MALICIOUS, "} ; DROP ALL ; {", "x> } ; DROP ALL ; { <y", "PRK } DROP ALL", '\\" . } DROP ALL #']


def _quads(location: Path) -> int:
    with Store.open(location, read_only=True) as store:
        return store.quad_count()


# ----------------------------------------------------------------------------- SPARQL parameters


@pytest.mark.parametrize("value", INJECTIONS)
def test_a_malicious_parameter_is_a_value(hostile: Built, value: str) -> None:
    before = _quads(hostile.store)
    code, out, err = kg(
        "query", "event-sources", "--param", f"article={value}", "--store", str(hostile.store), "-f", "json"
    )
    assert code == 0, err
    assert json.loads(out)["results"]["bindings"] == []  # no article has that id: no rows
    code, out, err = kg("query", "weapons", "--store", str(hostile.store), "-f", "csv")
    assert code == 0, err
    code, _, err = kg("query", "launches", "--param", f"state={value}", "--store", str(hostile.store))
    assert code == 1 and "state must be an ISO 3166-1 alpha-3 code" in err  # not a state: refused
    assert _quads(hostile.store) == before


def test_every_parameter_of_every_named_query_takes_hostile_values(hostile: Built) -> None:
    """Bound with a hostile value, each query either rejects it (QueryError) or runs as a lookup."""
    from kg.errors import QueryError

    with Store.open(hostile.store, read_only=True) as store:
        before = store.quad_count()
        for query in list_queries():
            for param in query.params:
                for value in INJECTIONS:
                    try:
                        substitutions = bind(query, {param.name: value})
                    except QueryError:
                        continue
                    assert all(
                        not isinstance(t, ox.NamedNode) or " " not in t.value for t in substitutions.values()
                    )
                    store.query(query.text, substitutions)
        assert store.quad_count() == before


def test_updates_are_not_queries(hostile: Built) -> None:
    before = _quads(hostile.store)
    code, out, err = kg("query", "-e", "DROP ALL", "--store", str(hostile.store))
    assert (code, out) == (1, "")
    assert "kg query is read-only; updates are not accepted" in err
    assert _quads(hostile.store) == before


def test_hostile_ids_and_texts_are_values_in_the_build_update(tmp_path: Path) -> None:
    """An article's id and text reach the store's SPARQL Update as escaped terms, never as syntax."""
    hostile_id = 'x> } ; DROP ALL ; INSERT DATA { <urn:a> <urn:b> "c'
    text = f'North Korea fired a missile {MALICIOUS} """ \\ }}}} ; DROP ALL ; on Tuesday.'
    batch = tmp_path / "in" / "batch.jsonl"
    batch.parent.mkdir()
    rows = [
        {"id": "good", "text": "Iran test-fired a missile."},
        {"id": hostile_id, "text": text, "date": "2017-03-23"},
    ]
    batch.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    location = tmp_path / "store"
    code, _, err = kg("build", str(batch.parent), "--store", str(location))
    assert code == 0, err
    with Store.open(location, read_only=True) as store:
        assert store.article_ids() == ["good", hostile_id]
        texts = [row[0].value for row in store.query("SELECT ?t WHERE { ?m kgo:text ?t }").rows if row[0]]
        assert text in texts
        assert not store.query("ASK { <urn:a> <urn:b> ?c }").boolean


# ----------------------------------------------------------------------------- the HTML view

needs_view = pytest.mark.skipif("view" not in main.commands, reason="`kg view` is not registered yet")


@needs_view
def test_the_view_escapes_hostile_article_text(hostile: Built, tmp_path: Path) -> None:
    page_path = tmp_path / "hostile.html"
    code, _, err = kg("view", "--store", str(hostile.store), "-o", str(page_path))
    assert code == 0, err
    page = page_path.read_text(encoding="utf-8")
    assert "kg-xss" in page, "the hostile sentence is in the page (escaped)"
    for raw in (
        XSS,
        "<script>alert",
        '<img src=x onerror="alert(1)">',
        '<div onclick="x()">',
        "<b>ballistic",
    ):
        assert raw not in page, f"raw markup from an article reached the page: {raw}"
    assert "\x1b" not in page and "\x07" not in page  # no raw control characters either

    benign = tmp_path / "seeds.html"
    store = tmp_path / "seeds-store"
    assert kg("build", str(SEEDS), "--store", str(store), "-q")[0] == 0
    assert kg("view", "--store", str(store), "-o", str(benign))[0] == 0
    # the page's own tags only: as many <script and on...= handlers as for the seeds
    seeds_page = benign.read_text(encoding="utf-8")
    for tag in ("<script", "onerror=", "onclick=", "<img", "<iframe"):
        assert page.count(tag) == seeds_page.count(tag), tag


# ----------------------------------------------------------------------------- kg serve

needs_serve = pytest.mark.skipif("serve" not in main.commands, reason="`kg serve` is not registered yet")


def _listening_on(port: int) -> set[str]:
    """Local addresses listening on TCP `port` (Linux /proc/net/tcp, tcp6), as hex."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not Path(table).exists():
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if int(hex_port, 16) == port and state == "0A":  # LISTEN
                found.add(address)
    return found


@needs_serve
def test_serve_is_read_only_by_default_and_refuses_updates(hostile: Built, tmp_path: Path) -> None:
    location = tmp_path / "served"
    shutil.copytree(hostile.store, location)
    before = _quads(location)
    with serving(lambda bind: kg_process("serve", "--store", str(location), "--bind", bind)) as server:
        url = server.url
        refused = []
        requests = [
            urllib.request.Request(
                f"{url}/update", data=urllib.parse.urlencode({"update": "DROP ALL"}).encode()
            ),
            urllib.request.Request(
                f"{url}/update", data=b"DROP ALL", headers={"Content-Type": "application/sparql-update"}
            ),
            urllib.request.Request(f"{url}/store?default", method="DELETE"),
            urllib.request.Request(
                f"{url}/store?default",
                data=b"<a:x> <a:y> <a:z> .",
                method="PUT",
                headers={"Content-Type": "application/n-triples"},
            ),
        ]
        for request in requests:
            with pytest.raises(urllib.error.HTTPError) as answer:
                urllib.request.urlopen(request, timeout=10)
            answer.value.close()
            refused.append(answer.value.code)
        assert all(400 <= code < 500 for code in refused), refused
        query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"})
        with urllib.request.urlopen(f"{url}/query?{query}", timeout=10) as answer:
            assert answer.status == 200
    assert _quads(location) == before


@needs_serve
def test_serve_listens_on_loopback_unless_told_otherwise(hostile: Built, tmp_path: Path) -> None:
    from kg.cli.serve import DEFAULT_BIND

    assert DEFAULT_BIND.startswith("127.0.0.1:")
    default_port = int(DEFAULT_BIND.rsplit(":", 1)[1])
    if _listening_on(default_port) or not Path("/proc/net/tcp").exists():
        pytest.skip(f"port {default_port} is taken, or this is not Linux")
    location = tmp_path / "served"
    shutil.copytree(hostile.store, location)
    server = kg_process("serve", "--store", str(location))  # no --bind
    try:
        wait_until_up(f"http://127.0.0.1:{default_port}/", server)
        assert _listening_on(default_port) == {"0100007F"}  # 127.0.0.1 only, not 0.0.0.0 or ::
    finally:
        stop(server)


# ----------------------------------------------------------------------------- no network

BLOCK_NETWORK = '''
"""Loaded at start-up (PYTHONPATH): every attempt to reach the network raises."""
import socket


def _refuse(*args, **kwargs):
    raise OSError("kg test: network access is blocked")


socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.socket.sendto = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
'''


def test_build_query_view_work_without_network(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(BLOCK_NETWORK, encoding="utf-8")
    env = {
        "PYTHONPATH": os.pathsep.join([str(blocker), os.environ.get("PYTHONPATH", "")]),
        "HF_HUB_OFFLINE": "0",
    }
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import urllib.request; urllib.request.urlopen('http://127.0.0.1:9', timeout=5)",
        ],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert "network access is blocked" in probe.stderr, "the blocker is not in effect"

    store = tmp_path / "store"
    commands = [
        ("build", str(SEEDS), "--store", str(store)),
        ("query", "launches", "--store", str(store)),
        ("validate", "--store", str(store)),
        ("export", "-f", "ttl", "-o", str(tmp_path / "x.ttl"), "--store", str(store)),
    ]
    if "view" in main.commands:
        commands.append(("view", "-o", str(tmp_path / "x.html"), "--store", str(store)))
    talk = {}
    for args in commands:
        process = kg_process(*args, env=env)
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, f"kg {args[0]}: {err}"
        assert "network access is blocked" not in err
        talk[args[0]] = err
    assert "built 2 article(s)" in talk["build"]


@pytest.mark.skipif(shutil.which("unshare") is None, reason="no unshare(1)")
def test_build_in_a_network_namespace_without_interfaces(tmp_path: Path) -> None:
    check = subprocess.run(["unshare", "-rn", "true"], capture_output=True)
    if check.returncode != 0:
        pytest.skip("unprivileged network namespaces are not allowed here")
    store = tmp_path / "store"
    done = subprocess.run(
        ["unshare", "-rn", sys.executable, "-m", "kg.cli", "build", str(SEEDS), "--store", str(store)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "built 2 article(s)" in done.stderr
