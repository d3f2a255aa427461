"""Messages and exits a new user meets: empty builds, closed pipes, SPARQL mistakes, kg query's
options and hints, kg remove and kg build --prune."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import BROKEN_PIPE_EXIT, main
from kg.namespaces import LINKS_GRAPH, PLACES_GRAPH, RUNS_GRAPH
from kg.queries import list_queries
from kg.store import Store

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
FIXTURE = ROOT / "tests" / "contract" / "fixtures" / "factualities.trig"
KGR = "https://w3id.org/kgnews/resource/"


def kg(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def imported(folder: Path, source: Path = FIXTURE) -> str:
    location = folder / "kg-store"
    code, _, err = kg("import", str(source), "--store", str(location))
    assert code == 0, err
    return str(location)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    return imported(tmp_path_factory.mktemp("messages"))


# --- kg build with nothing to build -----------------------------------------------------


@pytest.mark.parametrize("files", [[], ["notes.md", "README.md"]], ids=["empty folder", "only markdown"])
def test_a_build_that_finds_no_article_says_so_and_writes_no_store(tmp_path: Path, files: list[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in files:
        (folder / name).write_text("# not an article\n", encoding="utf-8")
    location = tmp_path / "kg-store"
    code, out, err = kg("build", str(folder), "--store", str(location))
    assert (code, out) == (0, "")
    assert f"no article found in {folder}: kg build reads *.txt, *.jsonl, *.html" in err
    assert ("2 other file(s) ignored" in err) == bool(files)
    assert not location.exists()
    code, _, err = kg("build", str(folder), "--store", str(location), "--strict")
    assert code == 1 and "no article found" in err
    assert not location.exists()


@pytest.mark.model
def test_a_build_of_only_unreadable_files_leaves_no_store(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("\n\n", encoding="utf-8")
    location = tmp_path / "kg-store"
    code, _, err = kg("build", str(folder), "--store", str(location), "--strict")
    assert code == 1
    assert "empty.txt: empty file" in err and f"no store was left at {location}" in err
    assert not location.exists()


# --- a closed pipe ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """1,500 launches: more output than a pipe buffers, so the writer meets the closed pipe."""
    folder = tmp_path_factory.mktemp("big")
    graph = f"<{KGR}article-big>"
    lines = [
        "@prefix kgo: <https://w3id.org/kgnews/ontology#> .",
        "@prefix kgr: <https://w3id.org/kgnews/resource/> .",
        "@prefix dcterms: <http://purl.org/dc/terms/> .",
        "@prefix prov: <http://www.w3.org/ns/prov#> .",
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
        f'{graph} {{ {graph} a kgo:Article ; dcterms:identifier "big" .',
    ]
    for i in range(1500):
        lines.append(
            f"kgr:mention-{i} a kgo:Mention ; dcterms:isPartOf {graph} ; kgo:start {i * 60} ; "
            f'kgo:end {i * 60 + 59} ; kgo:text "Launch number {i} was reported by the news agency today." .'
            f' kgr:launch-{i} a kgo:Launch ; kgo:factuality kgo:Asserted ; kgo:date "2017-03-22"^^xsd:date ;'
            f" prov:wasDerivedFrom kgr:mention-{i} ."
        )
    lines.append("}")
    source = folder / "big.trig"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return imported(folder, source)


@pytest.mark.parametrize(
    "command",
    [["export"], ["export", "--format", "nq"], ["query", "launches"], ["query", "launches", "-f", "csv"]],
    ids=" ".join,
)
def test_a_closed_pipe_ends_quietly(big_store: str, command: list[str]) -> None:
    """`kg export | head -1`: no message on stderr, and the exit code of `cat` in that place (141,
    as the shell reports SIGPIPE). CSV is written in one piece, which a pipe may take whole: then
    it ends as cat does when its write went through, with 0 and its usual row count."""
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", *command, "--store", big_store],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # as head does once it has its line
    err = process.stderr.read()
    code = process.wait(timeout=60)
    process.stderr.close()
    assert first
    if "csv" in command:
        assert code in (0, BROKEN_PIPE_EXIT)
        assert err in (b"", b"1500 row(s)\n")
    else:
        assert (code, err) == (BROKEN_PIPE_EXIT, b"")


# --- kg query: options, listing, hints, SPARQL mistakes ------------------------------------


def test_name_and_expr_are_mutually_exclusive(store: str) -> None:
    code, out, err = kg("query", "launches", "-e", "SELECT * {}", "--store", store)
    assert (code, out) == (2, "")
    assert "NAME and -e are mutually exclusive" in err


def test_list_shows_each_query_from_its_header() -> None:
    code, out, _ = kg("query", "--list")
    assert code == 0
    blocks = out.split("\n\n")
    queries = list_queries()
    assert len(blocks) == len(queries)
    for query, block in zip(queries, blocks, strict=True):
        assert block.startswith(f"{query.name}: {query.title}\n")
        assert " ".join(query.description.split()) in " ".join(block.split())
        for param in query.params:
            assert f"--param {param.name}=" in block
        flat = " ".join(block.split())
        assert "columns: " + ", ".join(query.column_names) in flat
    code, out, _ = kg("query", "launches", "--list")
    assert code == 0
    flat = " ".join(out.split())
    for column in list_queries()[[q.name for q in queries].index("launches")].columns:
        assert f"{column.name} {' '.join(column.description.split())}" in flat


def test_parameter_echo_columns_are_left_out(store: str) -> None:
    code, out, _ = kg("query", "launches", "--param", "state=PRK", "--store", store, "-f", "csv")
    assert code == 0
    header = out.splitlines()[0].split(",")
    assert header[0] == "state_code" and "state" not in header and "factuality" not in header


def test_an_unknown_state_or_article_gets_a_hint(store: str) -> None:
    code, out, err = kg("query", "launches", "--param", "state=XYZ", "--store", store, "-f", "csv")
    assert code == 0
    assert out.splitlines()[1:] == []  # no rows
    assert "hint: no state XYZ in the store; `kg query states` lists them" in err
    code, out, err = kg("query", "event-sources", "--param", "article=nope", "--store", store, "-f", "csv")
    assert code == 0 and "hint: no article nope in the store; `kg query articles` lists them" in err
    code, _, err = kg("query", "launches", "--param", "state=IRN", "--store", store)
    assert code == 0 and "hint" not in err  # a state the store knows, whose launch is only expected
    code, _, err = kg("query", "launches", "--param", "state=PRK", "--store", store)
    assert code == 0 and "hint" not in err


@pytest.mark.parametrize(
    ("sparql", "message"),
    [
        ("SELEC ?x WHERE { ?x ?p ?o }", "unknown keyword SELEC (did you mean SELECT?): expected SELECT, "
                                        "CONSTRUCT, ASK or DESCRIBE"),
        ("SELECT ?x WHERE { ?x foo:bar ?o }", "prefix foo: is not declared; known prefixes: dcterms, kgo"),
        ("DROP ALL", "kg query is read-only; updates are not accepted"),
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "kg query is read-only; updates are not accepted"),
        ("SELECT ?x WHERE { ?x ?p ?o } ORDER ?x", "syntax error at line 1, column 38: expected BY"),
    ],
)  # fmt: skip
def test_sparql_mistakes_are_explained(store: str, sparql: str, message: str) -> None:
    code, out, err = kg("query", "-e", sparql, "--store", store)
    assert (code, out) == (1, "")
    assert message in err
    assert "[_]" not in err and "\\u{" not in err


# --- kg remove and kg build --prune ---------------------------------------------------------


def _graph_holds(store: Store, graph: str, node: str) -> bool:
    return bool(store.query(f"ASK {{ GRAPH <{graph}> {{ <{node}> ?p ?o }} }}").boolean)


def test_remove_drops_the_article_its_shared_nodes_and_its_links(tmp_path: Path) -> None:
    location = imported(tmp_path)
    with Store.open(location, read_only=True) as before:
        assert before.article_ids() == ["fact-a", "fact-b"]
        assert _graph_holds(before, str(LINKS_GRAPH), KGR + "launch-b5")
    code, out, err = kg("remove", "fact-b", "--store", location)
    assert (code, out) == (0, "")
    assert "removed 1 article(s): fact-b" in err
    with Store.open(location, read_only=True) as after:
        assert after.article_ids() == ["fact-a"]
        assert not after.query(f"ASK {{ GRAPH <{KGR}article-fact-b> {{ ?s ?p ?o }} }}").boolean
        assert not _graph_holds(after, str(PLACES_GRAPH), KGR + "place-sohae")  # only fact-b used it
        assert _graph_holds(after, str(PLACES_GRAPH), KGR + "place-wonsan")
        assert not _graph_holds(after, str(RUNS_GRAPH), KGR + "run-2")
        assert _graph_holds(after, str(RUNS_GRAPH), KGR + "run-1")
        assert not after.query("ASK { ?a kgo:sameEventAs ?b }").boolean  # the link to launch-b5 is gone
        assert not after.query(f"ASK {{ <{KGR}treaty-b1> ?p ?o }}").boolean


def test_remove_refuses_unknown_ids_and_a_missing_store(tmp_path: Path) -> None:
    location = imported(tmp_path)
    code, _, err = kg("remove", "fact-a", "nope", "--store", location)
    assert code == 1
    assert "no article 'nope' in the store, so nothing was removed; `kg query articles` lists" in err
    with Store.open(location, read_only=True) as store:
        assert store.article_ids() == ["fact-a", "fact-b"]
    code, _, err = kg("remove", "fact-a", "--store", str(tmp_path / "none"))
    assert code == 1 and "there is no kg store at" in err
    assert not (tmp_path / "none").exists()
    assert kg("remove", "--store", location)[0] == 2  # no ID


@pytest.mark.model
def test_build_prune_drops_the_articles_whose_files_are_gone(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, corpus / path.name)
    location = str(tmp_path / "kg-store")
    assert kg("build", str(corpus), "--store", location, "-q")[0] == 0
    (corpus / "seed-2017-03-23-wonsan.txt").unlink()
    (corpus / "broken.txt").write_bytes(b"\xff\xfe\x00binary")  # unreadable, but its id is its name
    code, _, err = kg("build", str(corpus), "--store", location)
    assert code == 0
    assert "removed" not in err  # without --prune nothing goes
    with Store.open(location, read_only=True) as store:
        assert store.article_ids() == ["seed-2017-03-23-wonsan", "seed-2024-06-26-pyongyang"]
    code, _, err = kg("build", str(corpus), "--store", location, "--prune")
    assert code == 0, err
    assert "removed 1 article(s) no longer among the inputs: seed-2017-03-23-wonsan" in err
    with Store.open(location, read_only=True) as store:
        assert store.article_ids() == ["seed-2024-06-26-pyongyang"]
        assert store.query("ASK { ?p a kgo:Place ; rdfs:label 'Wonsan' }").boolean is False


@pytest.mark.model
def test_build_prune_prunes_nothing_when_a_json_line_cannot_be_read(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = [{"id": "one", "text": "North Korea fired a missile."}, {"id": "two", "text": "Iran fired one."}]
    (corpus / "batch.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    location = str(tmp_path / "kg-store")
    assert kg("build", str(corpus), "--store", location, "-q")[0] == 0
    (corpus / "batch.jsonl").write_text(json.dumps(lines[0]) + "\n{not json\n", encoding="utf-8")
    code, _, err = kg("build", str(corpus), "--store", location, "--prune")
    assert code == 0
    assert "pruned nothing: " in err and "batch.jsonl:2" in err
    with Store.open(location, read_only=True) as store:
        assert store.article_ids() == ["one", "two"]
