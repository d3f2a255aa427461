"""The same launch, exercise and treaty told by several articles, through the command line:
`kg build` links them, `kg query distinct-events` counts each once, and `kg remove`,
`kg build --prune`, a rebuild and `kg import` leave the links as a fresh build would."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from same_event_reports import ARTICLES

from kg.cli import main
from kg.lexicon import load_lexicon
from kg.namespaces import LINKS_GRAPH
from kg.relink import relink
from kg.store import Store

pytestmark = pytest.mark.model

TOLD = "event(s) told by more than one article linked with kgo:sameEventAs"
ALL_THREE = [("exercise", 3, 1, 2), ("launch", 2, 1, 1), ("treaty", 2, 1, 1)]
WITHOUT_B = [("exercise", 2, 0, 2), ("launch", 1, 0, 1), ("treaty", 1, 0, 1)]


def kg(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def write(folder: Path, *names: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / f"{name}.txt").write_text(ARTICLES[name], encoding="utf-8")
    return folder


def query(store: Path, name: str) -> list[dict[str, str]]:
    code, out, err = kg("query", name, "--store", str(store), "--format", "csv", "-q")
    assert code == 0, err
    return list(csv.DictReader(io.StringIO(out)))


def distinct(store: Path) -> list[tuple[str, int, int, int]]:
    return [
        (r["type"], int(r["events"]), int(r["repeated"]), int(r["distinct_events"]))
        for r in query(store, "distinct-events")
    ]


def linked_pairs(store: Path) -> list[tuple[str, str, str]]:
    """(type, article, article) of each link `same-events` lists, the articles in order."""
    return sorted((r["type"], *sorted((r["article_a"], r["article_b"]))) for r in query(store, "same-events"))


def build(store: Path, *paths: Path, options: tuple[str, ...] = ()) -> str:
    code, _, err = kg("build", *map(str, paths), "--store", str(store), *options)
    assert code == 0, err
    return err


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("linking")
    store = folder / "kg-store"
    err = build(store, write(folder / "in", *ARTICLES))
    return store, err


def test_the_same_exercise_launch_and_treaty_are_linked_and_counted_once(built: tuple[Path, str]) -> None:
    store, err = built
    assert f"3 {TOLD} (Exercise: 1, Launch: 1, Treaty: 1)" in err
    assert linked_pairs(store) == [
        ("exercise", "wire-a", "wire-b"), ("launch", "wire-a", "wire-b"), ("treaty", "wire-a", "wire-b"),
    ]  # fmt: skip
    assert distinct(store) == ALL_THREE
    # distinct-launches as before, and with the factuality parameter like the other queries
    assert query(store, "distinct-launches") == [
        {"launch_events": "2", "repeated": "1", "distinct_launches": "1"}
    ]
    options = ("--param", "factuality=expected", "--store", str(store), "-q", "--format", "csv")
    code, out, _ = kg("query", "distinct-events", *options)
    assert code == 0
    assert out.split() == [
        "type,events,repeated,distinct_events",
        "exercise,0,0,0",
        "launch,0,0,0",
        "treaty,0,0,0",
    ]


def test_a_relink_that_changes_no_link_writes_nothing(
    built: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "kg-store"
    shutil.copytree(built[0], store)
    written: list[object] = []
    replace = Store.replace_graph

    def spy(self: Store, graph: object, triples: object) -> bool:
        written.append(graph)
        return replace(self, graph, triples)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "replace_graph", spy)
    with Store.open(store) as opened:
        assert relink(opened, load_lexicon()) == {"Exercise": 1, "Launch": 1, "Treaty": 1}
        assert written == []
        opened.replace_graph(LINKS_GRAPH, [])  # a stale links graph is rewritten
        written.clear()
        relink(opened, load_lexicon())
        assert written == [LINKS_GRAPH]
    assert distinct(store) == ALL_THREE


def test_remove_takes_the_links_with_the_article(built: tuple[Path, str], tmp_path: Path) -> None:
    store = tmp_path / "kg-store"
    shutil.copytree(built[0], store)
    code, _, err = kg("remove", "wire-b", "--store", str(store))
    assert code == 0, err
    assert linked_pairs(store) == []
    assert distinct(store) == WITHOUT_B


def test_prune_and_rebuilds_leave_the_links_of_a_fresh_build(tmp_path: Path) -> None:
    folder = write(tmp_path / "in", *ARTICLES)
    store = tmp_path / "kg-store"
    build(store, folder)
    (folder / "wire-b.txt").unlink()
    build(store, folder, options=("--prune",))
    assert linked_pairs(store) == [] and distinct(store) == WITHOUT_B
    # wire-b is back, without its exercise: only the launch and the treaty are linked again
    (folder / "wire-b.txt").write_text(
        ARTICLES["wire-b"].replace("The Ulchi-Freedom Guardian drills", "The drills"), encoding="utf-8"
    )
    err = build(store, folder)
    assert f"2 {TOLD} (Launch: 1, Treaty: 1)" in err
    assert sorted(t for t, _, _ in linked_pairs(store)) == ["launch", "treaty"]
    fresh = tmp_path / "fresh"
    build(fresh, folder)
    assert distinct(store) == distinct(fresh)
    assert linked_pairs(store) == linked_pairs(fresh)


def test_import_links_the_articles_it_brings_to_those_stored(tmp_path: Path) -> None:
    """Each store holds one report; importing one into the other links them, as building both
    into one store does."""
    first, second = tmp_path / "first", tmp_path / "second"
    build(first, write(tmp_path / "a", "wire-a", "wire-c"))
    build(second, write(tmp_path / "b", "wire-b"))
    export = tmp_path / "second.trig"
    assert kg("export", "--store", str(second), "-f", "trig", "-o", str(export), "-q")[0] == 0
    code, _, err = kg("import", str(export), "--store", str(first))
    assert code == 0 and "bulk" not in err, err
    assert distinct(first) == ALL_THREE
    fresh = tmp_path / "fresh"
    build(fresh, tmp_path / "a", tmp_path / "b")
    assert linked_pairs(first) == linked_pairs(fresh)


def test_a_group_is_linked_to_its_first_node_only(tmp_path: Path) -> None:
    """Four reports of one exercise: three links (each to the first), not six; distinct-events
    and same-events follow them."""
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(4):
        text = ARTICLES["wire-a"].split("\n\n")[1]
        (folder / f"ufg-{n}.txt").write_text(f" date 2017-08-2{2 + n} AP\n\n{text}\n", encoding="utf-8")
    store = tmp_path / "kg-store"
    assert f"1 {TOLD} (Exercise: 1)" in build(store, folder)
    assert distinct(store) == [("exercise", 4, 3, 1), ("launch", 0, 0, 0), ("treaty", 0, 0, 0)]
    rows = query(store, "same-events")
    assert len(rows) == 3 and len({r["event_a"] for r in rows}) == 1
