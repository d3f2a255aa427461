"""`kg build` over a folder of mixed inputs: seed-format and plain text with a wire dateline,
JSON Lines, saved web pages, an RSS and an Atom feed and a CSV export (samples/, written for
these tests; no real page or feed is copied). Every article is built once, with the right
dateline, headline, site and address, and the events the extractor finds in each."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef

from kg.cli import main
from kg.namespaces import DCTERMS, KGO
from kg.rdf import article_iri
from kg.store import Store

pytestmark = pytest.mark.model

SAMPLES = Path(__file__).resolve().parent / "samples"
CSV_OPTIONS = (
    "--text-column",
    "body",
    "--date-column",
    "published",
    "--id-column",
    "url",
    "--source-column",
    "site",
)
DEFAULT = "2017-03-10"

# article id -> its dateline, in a build with --date 2017-03-10
DATELINES: dict[str, str | None] = {
    "seed": "2017-04-16",  # the seed format's header
    "wire": "2017-01-10",  # plain text: the Yonhap dateline's Jan. 10, the year from --date
    "jsonl-dated": "2017-05-14",  # its "date"
    "jsonl-wire": "2017-03-01",  # "date": null, the Kyodo dateline's March 1
    "news-page": "2017-03-07",  # article:published_time (the Yonhap dateline agrees)
    "metadata-date": "2017-03-07",  # JSON-LD datePublished, nothing visible
    "script-page": "2017-03-05",  # the <time> element
    "hdd-2017-0307-01": "2017-03-07",  # pubDate, in Seoul's time zone
    "https://news.example.org/asia/2017/02/kyodo-missile": "2017-02-12",  # undated entry, dateline
    "hdd-undated-03": DEFAULT,  # nothing at all: --date
    "tag:notes.example.com,2017:russia-cruise": "2017-08-03",
    "tag:notes.example.com,2017:pakistan-test": "2017-03-04",  # <updated> only
    "tag:notes.example.com,2017:undated": DEFAULT,
    "https://csv.example.org/india-japan": "2017-03-02",  # PTI dateline; the cell's 20170303 gives the year
    "https://csv.example.org/iran-shahab": "2017-03-06",
}

# (article id, launching state, launch date): a launch each of these articles must give
LAUNCHES = {
    ("seed", "PRK", "2017-04-16"),
    ("wire", "PRK", "2017-01-09"),  # "on Monday" from Tuesday, Jan. 10
    ("jsonl-dated", "PRK", "2017-05-14"),
    ("news-page", "PRK", "2017-03-06"),
    ("metadata-date", "PRK", "2017-03-06"),
    ("script-page", "IRN", "2017-03-05"),
    ("hdd-2017-0307-01", "PRK", "2017-03-06"),
    ("https://news.example.org/asia/2017/02/kyodo-missile", "PRK", "2017-02-12"),
    ("tag:notes.example.com,2017:russia-cruise", "RUS", "2017-08-03"),
    ("tag:notes.example.com,2017:pakistan-test", "PAK", "2017-03-03"),
    ("https://csv.example.org/iran-shahab", "IRN", "2017-03-05"),
}

SKIPS = [
    (
        "defense-rss.xml:30",
        "duplicate article id 'hdd-2017-0307-01' (first read from {samples}/defense-rss.xml:8)",
    ),
    (
        "defense-rss.xml:36",
        "feed entry 'hdd-gallery-05' has no text in its content or summary; nothing to read",
    ),
    (
        "defense.atom:29",
        "duplicate article id 'tag:notes.example.com,2017:pakistan-test' "
        "(first read from {samples}/defense.atom:17)",
    ),
    ("export.csv:7", "the 'published' cell is not a date (got 'last week')"),
    ("export.csv:8", "the 'body' cell is empty; there is no article text to read"),
]

LAUNCHES_QUERY = """
PREFIX kgo: <https://w3id.org/kgnews/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT DISTINCT ?id ?agent ?date WHERE {
  ?launch a kgo:Launch ; kgo:agent/kgo:isoCode ?agent ; kgo:date ?date ;
          prov:wasDerivedFrom/dcterms:isPartOf/dcterms:identifier ?id .
}"""
DATELINES_QUERY = """
PREFIX kgo: <https://w3id.org/kgnews/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?id ?date WHERE { ?a a kgo:Article ; dcterms:identifier ?id . OPTIONAL { ?a dcterms:date ?date } }"""


@dataclass(frozen=True)
class Built:
    store: Path
    code: int
    stderr: str


def kg(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    store = tmp_path_factory.mktemp("formats") / "store"
    code, out, err = kg("build", str(SAMPLES), "--store", str(store), "--date", DEFAULT, *CSV_OPTIONS)
    assert out == ""
    return Built(store, code, err)


@pytest.fixture()
def store(built: Built) -> Iterator[Store]:
    with Store.open(built.store, read_only=True) as opened:
        yield opened


def _rows(store: Store, sparql: str) -> set[tuple[str | None, ...]]:
    return {tuple(None if t is None else t.value for t in row) for row in store.query(sparql).rows}


def test_every_article_is_built_once_with_its_dateline(built: Built, store: Store) -> None:
    assert built.code == 0, built.stderr
    assert f"built {len(DATELINES)} article(s)" in built.stderr
    assert sorted(store.article_ids()) == sorted(DATELINES)
    assert _rows(store, DATELINES_QUERY) == set(DATELINES.items())


def test_the_skips_are_reported_with_file_and_line(built: Built) -> None:
    _, _, block = built.stderr.partition(f"\nskipped {len(SKIPS)} input(s) or sentence(s):\n")
    reported = [line.strip() for line in block.splitlines()]
    assert len(reported) == len(SKIPS), built.stderr
    for line, (where, reason) in zip(reported, SKIPS, strict=True):
        assert line.startswith(f"{SAMPLES}/{where}: {reason.format(samples=SAMPLES)}"), line


def test_the_events_of_each_format(store: Store) -> None:
    found = _rows(store, LAUNCHES_QUERY)
    assert found >= LAUNCHES, LAUNCHES - found
    # the wire datelines' places are not actors: no launch is South Korea's, Japan's or America's
    assert not {agent for _, agent, _ in found} & {"KOR", "JPN", "USA"}


def test_headline_site_and_address_are_on_the_article(store: Store) -> None:
    graph = Graph()
    for triple in store.graph_triples(article_iri("news-page")):
        graph.add(triple)
    node = article_iri("news-page")
    assert graph.value(node, DCTERMS.title) == Literal("North Korea fires ballistic missile from Wonsan")
    assert graph.value(node, DCTERMS.source) == Literal("Harbour Defense Daily")
    assert graph.value(node, KGO.url) == URIRef("https://news.example.org/asia/2017/03/nk-missile-wonsan")
    entry = article_iri("tag:notes.example.com,2017:russia-cruise")
    entry_graph = store.graph_triples(entry)
    assert (entry, KGO.url, URIRef("https://notes.example.com/2017/08/russia-cruise")) in entry_graph
    assert (entry, DCTERMS.title, Literal("Russia fires cruise missile in the Barents Sea")) in entry_graph


def test_the_graph_conforms_and_survives_export_and_import(built: Built, tmp_path: Path) -> None:
    code, out, err = kg("validate", "--store", str(built.store))
    assert code == 0, out + err
    exported = tmp_path / "all.ttl"
    assert kg("export", "-f", "ttl", "-o", str(exported), "--store", str(built.store))[0] == 0
    copy = tmp_path / "copy"
    code, _, err = kg("import", str(exported), "--store", str(copy))
    assert code == 0, err
    with Store.open(built.store, read_only=True) as a, Store.open(copy, read_only=True) as b:
        for article_id in ("news-page", "https://csv.example.org/india-japan"):
            assert set(a.graph_triples(article_iri(article_id))) == set(
                b.graph_triples(article_iri(article_id))
            )


def test_without_a_default_date(tmp_path: Path) -> None:
    store = tmp_path / "store"
    code, _, err = kg("build", str(SAMPLES), "--store", str(store), *CSV_OPTIONS)
    assert code == 0, err
    with Store.open(store, read_only=True) as opened:
        datelines = dict(_rows(opened, DATELINES_QUERY))
    assert datelines["wire"] is None  # a dateline's month and day, but no year to put them in
    assert datelines["hdd-undated-03"] is None and datelines["tag:notes.example.com,2017:undated"] is None
    assert datelines["jsonl-wire"] is None
    # the feed's lastBuildDate still gives the Kyodo dateline its year
    assert datelines["https://news.example.org/asia/2017/02/kyodo-missile"] == "2017-02-12"
    assert {k: v for k, v in datelines.items() if v is not None} == {
        k: v for k, v in DATELINES.items() if v not in (None, DEFAULT) and k not in ("wire", "jsonl-wire")
    }


def test_a_wrong_csv_column_names_the_columns_there_are(tmp_path: Path) -> None:
    code, _, err = kg("build", str(SAMPLES / "export.csv"), "--store", str(tmp_path / "s"), "--strict")
    assert code == 1
    assert (
        f"{SAMPLES}/export.csv:1: no column 'text'; the columns are 'url', 'published', 'site', 'body'" in err
    )
