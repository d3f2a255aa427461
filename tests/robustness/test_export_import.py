"""`kg export` then `kg import` into a fresh store round-trips the graph exactly, in every format."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import SEEDS, Built, kg

from kg.importer import IMPORTED_GRAPH
from kg.namespaces import KGR
from kg.store import Store

pytestmark = pytest.mark.model

FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
}


def _dataset(path: Path, fmt: ox.RdfFormat) -> ox.Dataset:
    dataset = ox.Dataset(ox.parse(path=str(path), format=fmt))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return dataset


def _export(store: Path, fmt: str, target: Path) -> ox.Dataset:
    code, _, err = kg("export", "--store", str(store), "-f", fmt, "-o", str(target), "-q")
    assert code == 0, err
    return _dataset(target, FORMATS[fmt])


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_import_export_is_isomorphic(hostile: Built, tmp_path: Path, fmt: str) -> None:
    """Also on the hostile articles: markup, control characters, other scripts survive."""
    original = _export(hostile.store, fmt, tmp_path / f"a.{fmt}")
    graphs = _export(hostile.store, "trig", tmp_path / "a.trig")
    copy = tmp_path / "copy"
    code, _, err = kg("import", str(tmp_path / f"a.{fmt}"), "--store", str(copy))
    assert code == 0, err
    assert f"articles) from {tmp_path / f'a.{fmt}'}" in err
    assert _export(copy, fmt, tmp_path / f"b.{fmt}") == original  # the same graph, in this format
    # and the same named graphs, even from a format without graphs (same lexicon)
    assert _export(copy, "trig", tmp_path / "b.trig") == graphs
    code, out, err = kg("validate", "--store", str(copy))
    assert code == 0, out + err


def test_import_replaces_only_the_graphs_in_the_file(tmp_path: Path) -> None:
    seeds_only, both = tmp_path / "seeds", tmp_path / "both"
    other = tmp_path / "extra" / "other.txt"
    other.parent.mkdir()
    other.write_text(
        " date 2017-02-01 AP\n\nIran test-fired a ballistic missile from Semnan on Sunday.\n",
        encoding="utf-8",
    )
    assert kg("build", str(SEEDS), "--store", str(seeds_only), "-q")[0] == 0
    assert kg("build", str(SEEDS), str(other), "--store", str(both), "-q")[0] == 0
    export = tmp_path / "seeds.ttl"
    assert kg("export", "--store", str(seeds_only), "-o", str(export), "-q")[0] == 0
    code, _, err = kg("import", str(export), "--store", str(both))
    assert code == 0, err
    assert "bulk" not in err  # the store held data: graph by graph, in transactions
    with Store.open(both, read_only=True) as store:
        assert store.article_ids() == ["other", "seed-2017-03-23-wonsan", "seed-2024-06-26-pyongyang"]
        # the Places graph was merged, not replaced: the other article's site keeps its label
        sites = store.query("SELECT ?site WHERE { ?launch kgo:site/rdfs:label ?site }").rows
        assert sorted(str(row[0].value) for row in sites) == ["Semnan", "Wonsan", "area near Pyongyang"]


def test_bulk_import_into_a_new_store_is_all_or_nothing(hostile: Built, tmp_path: Path) -> None:
    export = tmp_path / "kg.nq"
    assert kg("export", "--store", str(hostile.store), "-f", "nq", "-o", str(export), "-q")[0] == 0
    good = export.read_text(encoding="utf-8")
    copy = tmp_path / "copy"
    code, _, err = kg("import", str(export), "--store", str(copy))
    assert code == 0, err
    assert "(bulk load into a new store)" in err
    assert _export(copy, "nq", tmp_path / "back.nq") == _dataset(export, ox.RdfFormat.N_QUADS)
    # a file that breaks on its last line, after every good quad went in: no store at all
    broken = tmp_path / "broken.nq"
    broken.write_text(good + "<https://a> <https://b> .\n", encoding="utf-8")
    code, _, err = kg("import", str(broken), "--store", str(tmp_path / "half"))
    assert code == 1
    assert "broken.nq: not valid N-Quads" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["back.nq", "broken.nq", "copy", "kg.nq"]
    # the staging folder of an import whose process died is cleaned up by the next one
    stale = tmp_path / ".late.importing-999999999-x"
    stale.mkdir()
    assert kg("import", str(export), "--store", str(tmp_path / "late"), "-q")[0] == 0
    assert not stale.exists()


def test_triples_kg_does_not_make_are_kept(tmp_path: Path) -> None:
    data = tmp_path / "hand.ttl"
    data.write_text(
        "@prefix ex: <https://example.org/> .\n"
        'ex:note ex:says "<b>hello</b> & \\u0007" .\n'
        "<https://w3id.org/kgnews/state/PRK> ex:seenIn ex:note .\n",
        encoding="utf-8",
    )
    store = tmp_path / "store"
    code, _, err = kg("import", str(data), "--store", str(store))
    assert code == 0, err
    with Store.open(store, read_only=True) as opened:
        assert opened.graph_names() == [IMPORTED_GRAPH, KGR["graph/states"]]
    assert _export(store, "ttl", tmp_path / "back.ttl") == _dataset(data, ox.RdfFormat.TURTLE)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.ttl", "<https://a> <https://b> .\n", "broken.ttl: not valid Turtle: Parser error at line 1"),
        ("empty.nt", "", "empty.nt: the file holds no triples; nothing to import"),
        ("kg.rdf", "<x/>", "kg.rdf: cannot tell the RDF format from the file name; give --format"),
        ("bad.jsonld", "{not json", "bad.jsonld: not valid JSON-LD: Parser error at line 1"),
        ("binary.nq", "\x00\x01\x02 garbage", "binary.nq: not valid N-Quads"),
    ],
)
def test_import_errors_name_the_file(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code, out, err = kg("import", str(path), "--store", str(tmp_path / "store"))
    assert (code, out) == (1, "")
    assert err.startswith(f"error: {tmp_path / message}"), err
    assert not (tmp_path / "store").exists(), "nothing written, not even an empty store"


def test_import_usage_errors() -> None:
    assert kg("import")[0] == 2
    assert kg("import", "no-such-file.ttl")[0] == 2
