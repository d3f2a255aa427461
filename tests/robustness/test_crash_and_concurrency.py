"""Nothing lost: a `kill -9` in the middle of a build leaves every article fully old or fully
new, and a second writer or a reader during a build gets a clear message or works."""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import kg, kg_process
from hostile_corpus import small_articles
from rdflib import URIRef

from kg.namespaces import LINKS_GRAPH, PLACES_GRAPH, RUNS_GRAPH
from kg.pipeline import build
from kg.store import Store

pytestmark = pytest.mark.model

N_ARTICLES = 300
N_CONCURRENT = 800


def _wait_for_stored(process: subprocess.Popen[str], n: int) -> list[str]:
    """Read the build's progress until `n` articles are stored; the ids stored so far."""
    assert process.stderr is not None
    stored = []
    for line in process.stderr:
        if line.startswith("art-") and " events" in line:
            stored.append(line.split(":")[0])
            if len(stored) >= n:
                break
    return stored


def _finish(process: subprocess.Popen[str]) -> tuple[str, str]:
    """Wait for the process to end: (the rest of its stderr, its stdout)."""
    out, err = process.communicate(timeout=300)
    return err, out


def _check_partial(graphs: dict[URIRef, frozenset[str]], clean: dict[URIRef, frozenset[str]]) -> None:
    """The graphs of an interrupted build: each article graph complete, the shared places and
    runs those of the articles stored so far (a part of the clean build's)."""
    for name, triples in graphs.items():
        if name == LINKS_GRAPH:
            continue  # recomputed at the end of each build
        if name in (PLACES_GRAPH, RUNS_GRAPH):
            assert triples <= clean[name], f"{name} holds what a clean build does not"
        else:
            assert triples == clean[name], f"{name} is not complete"


def _graphs(store: Store) -> dict[URIRef, frozenset[str]]:
    """Each named graph in canonical form (blank nodes relabelled by RDFC-1.0)."""
    graphs = {}
    for name in store.graph_names():
        dataset = ox.Dataset(store._store.quads_for_pattern(None, None, None, ox.NamedNode(str(name))))
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        graphs[name] = frozenset(str(quad) for quad in dataset)
    return graphs


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("small") / "corpus"
    small_articles(folder, N_ARTICLES)
    return folder


@pytest.fixture(scope="module")
def clean_graphs(corpus: Path) -> dict[URIRef, frozenset[str]]:
    """Every graph of a clean, complete build of the corpus."""
    with Store.memory() as store:
        build([corpus], store)
        return _graphs(store)


def test_kill_9_in_the_middle_of_a_build(
    corpus: Path, clean_graphs: dict[URIRef, frozenset[str]], tmp_path: Path
) -> None:
    location = tmp_path / "store"
    process = kg_process("build", str(corpus), "--store", str(location))
    try:
        stored = _wait_for_stored(process, 40)
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        err, _ = _finish(process)
    assert process.returncode == -signal.SIGKILL, err
    assert len(stored) >= 40

    # A reader first (what `kg query` does after the crash), then a writer (the next build).
    for read_only in (True, False):
        with Store.open(location, read_only=read_only) as store:
            graphs = _graphs(store)
            ids = store.article_ids()
        assert set(stored) <= set(ids), "every article reported stored survived"
        assert len(ids) < N_ARTICLES, "the build was killed before its end"
        _check_partial(graphs, clean_graphs)
    code, out, err = kg("validate", "--store", str(location))
    assert code == 0, out + err

    # The next build completes the store, and the result is the clean build's.
    code, _, err = kg("build", str(corpus), "--store", str(location), "-q")
    assert code == 0, err
    with Store.open(location, read_only=True) as store:
        assert _graphs(store) == clean_graphs


def test_a_second_writer_or_a_reader_during_a_build(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    small_articles(corpus, N_CONCURRENT)  # a build of several seconds, to run the others during it
    location = tmp_path / "store"
    other = tmp_path / "other.txt"
    other.write_text("Iran test-fired a missile on Monday.\n", encoding="utf-8")
    triples = tmp_path / "other.nt"
    triples.write_text('<https://example.org/a> <https://example.org/b> "c" .\n', encoding="utf-8")
    process = kg_process("build", str(corpus), "--store", str(location))
    outcomes = {}
    try:
        _wait_for_stored(process, 5)
        commands = {
            "build": ("build", str(other), "--store", str(location)),
            "import": ("import", str(triples), "--store", str(location)),
            "query": ("query", "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--store", str(location)),
            "export": ("export", "-f", "nq", "--store", str(location)),
            "validate": ("validate", "--store", str(location)),
            "stats": ("stats", "--store", str(location)),
        }
        started = {name: kg_process(*args) for name, args in commands.items()}  # all at once
        for name, second in started.items():
            err, _ = _finish(second)
            outcomes[name] = (second.returncode, err)
        still_running = process.poll() is None
    finally:
        rest, _ = _finish(process)
    assert process.returncode == 0, rest
    assert still_running, "the build ended before the other commands ran; give it more articles"
    for name, (code, err) in outcomes.items():
        assert "Traceback" not in err, f"kg {name}: {err}"
        if name in ("build", "import"):
            assert code == 1, f"kg {name}: {err}"
            assert "is in use by another kg process; wait for it to finish or use --store DIR" in err
        else:  # readers: refused with a clear message while the writer holds the store
            assert code == 1, f"kg {name}: {err}"
            assert "is being written by another kg process; wait for it to finish" in err
    with Store.open(location, read_only=True) as store:
        assert len(store.article_ids()) == N_CONCURRENT
    code, out, err = kg("validate", "--store", str(location))
    assert code == 0, out + err


def test_ctrl_c_in_the_middle_of_a_build(
    corpus: Path, clean_graphs: dict[URIRef, frozenset[str]], tmp_path: Path
) -> None:
    location = tmp_path / "store"
    process = kg_process("build", str(corpus), "--store", str(location))
    try:
        _wait_for_stored(process, 20)
        process.send_signal(signal.SIGINT)
    finally:
        err, _ = _finish(process)
    assert process.returncode == 1, err
    assert "Aborted!" in err and "Traceback" not in err
    with Store.open(location, read_only=True) as store:
        graphs = _graphs(store)
    assert len(graphs) < len(clean_graphs)
    _check_partial(graphs, clean_graphs)
