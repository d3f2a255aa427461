"""RDF files written by `kg export` -> the named graphs to load back (`kg import FILE`).

TriG and N-Quads keep the named graphs: each graph of the file is loaded as it is. Turtle,
N-Triples and JSON-LD hold the union of all graphs, so the graphs are rebuilt from the data
(`split_graphs`), the way `kg build` lays them out:

- an article's graph (named by the kgo:Article IRI) holds the triples about the article, its
  mentions (`dcterms:isPartOf` the article), the events derived from them
  (`prov:wasDerivedFrom` a mention), and the weapons they name (`kgo:weapon`) that the
  Weapons graph does not describe;
- the places events name as their site (`kgo:site`) go to the Places graph
  (kgr:graph/places), the runs that generated articles and events (`prov:wasGeneratedBy`) to
  the Runs graph (kgr:graph/runs);
- `kgo:sameEventAs` triples, and the links graph's `kgo:articleSetHash`, go to the links graph
  (kgr:graph/links);
- the rest goes to the shared graph its subject belongs to: States (state:...), Weapons
  (catalogued weapons and classes, kgr:weapon-...), the ontology (its terms, the kgo:
  namespace and blank nodes); anything else (triples added by hand) to kgr:graph/imported.

So export -> import -> export gives the same graph (isomorphic) in every format, and with the
same lexicon a Turtle round trip gives back the same named graphs too.

`import_file` loads a file into a store. Into a store that already holds data, each graph of
the file replaces the store's graph of that name in its own transaction (the Places and Runs
graphs are merged instead), and the links graph is then recomputed from the articles the store
holds (`kg.relink.relink`), as after a build: the articles the file brings are linked to those
stored, and no link is left to an article the file replaced. Into a new embedded store (a folder
that does not exist or is empty) it takes the bulk path: Oxigraph's `bulk_load` (TriG, N-Quads)
or `bulk_extend` (the split graphs) into a hidden folder beside the target, renamed to the
target once complete. The bulk writers have no transactions, so the rename is what makes the
import all or nothing: an interrupted import leaves no store, not half of one. There the file is
the whole store, and its links graph is kept as it is (an export holds the links of its
articles): recomputing it would take longer than the load itself on a large file (the keys
queries of a 1M-triple graph), and the next build or removal computes it again unless its
`kgo:articleSetHash` says it was made from those articles by these rules (`kg.relink`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.term import Node

from kg.errors import KgError
from kg.lexicon import Lexicon
from kg.namespaces import (
    DCTERMS,
    KGO,
    KGR,
    LINKS_GRAPH,
    ONTOLOGY_GRAPH,
    PLACES_GRAPH,
    PROV,
    RDF,
    RUNS_GRAPH,
    STATE,
    STATES_GRAPH,
    WEAPONS_GRAPH,
)
from kg.relink import relink
from kg.store import GraphStore, from_ox, is_remote, open_store, reference_quads, resolve_location, to_ox

Triple = tuple[Node, Node, Node]  # rdflib terms, as GraphStore.replace_graph takes them
OxSubject = ox.NamedNode | ox.BlankNode | ox.Triple

#: File name endings (and --format values) -> RDF format.
FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "nquads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
    "json": ox.RdfFormat.JSON_LD,
}
#: Where the triples of a graph-less file go that no graph of kg would hold.
IMPORTED_GRAPH = KGR["graph/imported"]
#: Graphs that articles add to rather than own: an import merges them with the store's.
SHARED_GRAPHS = (PLACES_GRAPH, RUNS_GRAPH)

_ONTOLOGY_IRI = str(KGO._NS).rstrip("#/")
_ARTICLE_PREFIX = str(KGR["article-"])
_TYPE = ox.NamedNode(str(RDF.type))
_ARTICLE = ox.NamedNode(str(KGO.Article))
_IS_PART_OF = ox.NamedNode(str(DCTERMS.isPartOf))
_DERIVED_FROM = ox.NamedNode(str(PROV.wasDerivedFrom))
_GENERATED_BY = ox.NamedNode(str(PROV.wasGeneratedBy))
_SITE = ox.NamedNode(str(KGO.site))
_WEAPON = ox.NamedNode(str(KGO.weapon))
_SAME_EVENT = ox.NamedNode(str(KGO.sameEventAs))
_ARTICLE_SET_HASH = ox.NamedNode(str(KGO.articleSetHash))  # the links graph's own mark


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What `import_file` loaded."""

    triples: int  # quads written, over all graphs
    graphs: int
    articles: int  # article graphs among them
    bulk: bool  # True if loaded by the bulk path into a new store


def import_file(
    path: Path, location: str | os.PathLike[str] | None, lexicon: Lexicon, fmt: str | None = None
) -> ImportSummary:
    """Load the RDF file `path` into the store at `location` (see the module doc).

    KgError if the file cannot be read or parsed, or holds no triples; StoreError if the store
    cannot be opened. Either way the store is as it was.
    """
    if not is_remote(location):
        folder = resolve_location(location)
        if not folder.exists() or (folder.is_dir() and not any(folder.iterdir())):
            return _bulk_import(path, folder, lexicon, fmt)
    graphs = read_graphs(path, lexicon, fmt)
    with open_store(location) as store:
        for name, triples in graphs.items():
            if name in SHARED_GRAPHS:  # places and runs other stored articles may use too
                triples = list(dict.fromkeys([*stored_triples(store, name), *triples]))
            store.replace_graph(name, triples)
        relink(store, lexicon)
    articles = sum(1 for g in graphs if is_article_graph(g))
    return ImportSummary(sum(len(t) for t in graphs.values()), len(graphs), articles, bulk=False)


def _bulk_import(path: Path, folder: Path, lexicon: Lexicon, fmt: str | None) -> ImportSummary:
    """Load `path` into the new store `folder` by Oxigraph's bulk writers (see the module doc)."""
    rdf_format = format_of(path, fmt)
    folder.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_imports(folder)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.importing-{os.getpid()}-", dir=folder.parent))
    try:
        store = ox.Store(str(staging))
        try:
            if rdf_format in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
                store.bulk_load(path=str(path), format=rdf_format)
            else:
                store.bulk_extend(_split_quads(path, lexicon, fmt))
            store.flush()
            quads = len(store)
            names = [g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)]
        except SyntaxError as err:
            problem = f"not valid {rdf_format.name}: {err}; give a file written by kg export"
            raise KgError(f"{path}: {problem}") from err
        except (OSError, ValueError) as err:
            raise KgError(f"{path}: cannot read the file: {err}") from err
        finally:
            del store  # closes RocksDB before the folder is renamed or removed
        if not quads:
            raise KgError(f"{path}: the file holds no triples; nothing to import")
        if folder.exists():
            folder.rmdir()  # empty, checked by the caller
        staging.rename(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    articles = sum(1 for name in names if is_article_graph(URIRef(name)))
    return ImportSummary(quads, len(names), articles, bulk=True)


def _split_quads(path: Path, lexicon: Lexicon, fmt: str | None) -> Iterator[ox.Quad]:
    """The quads of a graph-less file (or TriG/N-Quads via `read_graphs`), split into graphs."""
    for graph, triples in read_graphs(path, lexicon, fmt).items():
        name = ox.NamedNode(str(graph))
        for s, p, o in triples:
            yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), name)  # type: ignore[arg-type]


def _remove_stale_imports(folder: Path) -> None:
    """Remove the staging folders of bulk imports into `folder` whose process is gone."""
    for stale in folder.parent.glob(f".{folder.name}.importing-*"):
        pid = stale.name.removeprefix(f".{folder.name}.importing-").partition("-")[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(stale, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def format_of(path: Path, fmt: str | None = None) -> ox.RdfFormat:
    """The RDF format named by `fmt`, else by the file name's ending; KgError if neither does."""
    key = (fmt or path.suffix.lstrip(".")).lower()
    if key not in FORMATS:
        names = ", ".join(sorted(FORMATS))
        raise KgError(f"{path}: cannot tell the RDF format from the file name; give --format ({names})")
    return FORMATS[key]


def read_graphs(path: Path, lexicon: Lexicon, fmt: str | None = None) -> dict[URIRef, list[Triple]]:
    """The named graphs of the RDF file `path`, split as the module doc says.

    `lexicon` tells catalogued weapons (Weapons graph) from those an article describes.
    KgError if the file does not parse or holds no triples.
    """
    rdf_format = format_of(path, fmt)
    try:
        quads = list(ox.parse(path=str(path), format=rdf_format))
    except SyntaxError as err:
        problem = f"not valid {rdf_format.name}: {err}; give a file written by kg export"
        raise KgError(f"{path}: {problem}") from err
    except (OSError, ValueError) as err:
        raise KgError(f"{path}: cannot read the file: {err}") from err
    if not quads:
        raise KgError(f"{path}: the file holds no triples; nothing to import")
    graphs: dict[URIRef, list[Triple]] = {}
    unnamed: list[ox.Triple] = []
    for quad in quads:
        if isinstance(quad.graph_name, ox.DefaultGraph):
            unnamed.append(ox.Triple(quad.subject, quad.predicate, quad.object))
        else:
            graphs.setdefault(URIRef(quad.graph_name.value), []).append(_rdflib(quad.triple))
    if unnamed:
        for graph, triples in split_graphs(unnamed, known_subjects(lexicon)).items():
            graphs.setdefault(graph, []).extend(triples)
    return graphs


def stored_triples(store: GraphStore, graph: URIRef) -> list[Triple]:
    """The triples of one (small) named graph of the store, as rdflib terms."""
    rows = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}").rows
    return [(from_ox(s), from_ox(p), from_ox(o)) for s, p, o in rows if s and p and o]


def known_subjects(lexicon: Lexicon) -> dict[URIRef, set[str]]:
    """For each shared graph (ontology, States, Weapons) as kg writes it, its subject IRIs."""
    return {
        graph: {q.subject.value for q in quads if isinstance(q.subject, ox.NamedNode)}
        for graph, quads in reference_quads(lexicon).items()
    }


def is_article_graph(graph: URIRef) -> bool:
    return str(graph).startswith(_ARTICLE_PREFIX)


def split_graphs(
    triples: Iterable[ox.Triple], known: Mapping[URIRef, set[str]]
) -> dict[URIRef, list[Triple]]:
    """Triples of a graph-less export -> the named graphs `kg build` would have put them in (pure).

    `known` gives the subjects each shared graph describes (`known_subjects`).
    Every triple lands in exactly one graph, except a triple about a node that several
    articles describe (a weapon the catalogue lacks), which lands in each of their graphs.
    """
    by_subject: dict[OxSubject, list[ox.Triple]] = {}
    parts: dict[OxSubject, list[OxSubject]] = {}  # article -> its mentions
    derived: dict[OxSubject, list[OxSubject]] = {}  # mention -> the events derived from it
    articles: list[OxSubject] = []
    shared: dict[OxSubject, URIRef] = {}  # place or run -> its graph
    for t in dict.fromkeys(triples):
        by_subject.setdefault(t.subject, []).append(t)
        if t.predicate == _IS_PART_OF and isinstance(t.object, ox.NamedNode):
            parts.setdefault(t.object, []).append(t.subject)
        elif t.predicate == _DERIVED_FROM and isinstance(t.object, ox.NamedNode):
            derived.setdefault(t.object, []).append(t.subject)
        elif t.predicate == _TYPE and t.object == _ARTICLE:
            articles.append(t.subject)
        elif t.predicate == _SITE and isinstance(t.object, ox.NamedNode):
            shared[t.object] = PLACES_GRAPH
        elif t.predicate == _GENERATED_BY and isinstance(t.object, ox.NamedNode):
            shared[t.object] = RUNS_GRAPH

    catalogued = known.get(WEAPONS_GRAPH, set())
    graphs: dict[URIRef, list[Triple]] = {}
    placed: set[ox.Triple] = set()
    for article in articles:
        if not isinstance(article, ox.NamedNode):
            continue  # an article is named by its IRI; a blank one is left to _shared_graph
        nodes = dict.fromkeys(_article_nodes(article, by_subject, parts, derived, catalogued))
        graph = [
            t
            for node in nodes
            if node not in shared
            for t in by_subject.get(node, ())
            if t.predicate != _SAME_EVENT
        ]
        placed.update(graph)
        graphs[URIRef(article.value)] = [_rdflib(t) for t in graph]
    for subject_triples in by_subject.values():
        for t in subject_triples:
            if t not in placed:
                home = shared.get(t.subject) if t.predicate != _SAME_EVENT else None
                graphs.setdefault(home or _shared_graph(t, known), []).append(_rdflib(t))
    return graphs


def _article_nodes(
    article: OxSubject,
    by_subject: Mapping[OxSubject, list[ox.Triple]],
    parts: Mapping[OxSubject, list[OxSubject]],
    derived: Mapping[OxSubject, list[OxSubject]],
    catalogued: set[str],
) -> Iterator[OxSubject]:
    """The nodes an article's graph describes, reached from the article node."""

    def objects(node: OxSubject, predicate: ox.NamedNode) -> Iterator[ox.NamedNode]:
        for t in by_subject.get(node, ()):
            if t.predicate == predicate and isinstance(t.object, ox.NamedNode):
                yield t.object

    yield article
    mentions = parts.get(article, [])
    yield from mentions
    for event in dict.fromkeys(e for m in mentions for e in derived.get(m, ())):
        yield event
        yield from (w for w in objects(event, _WEAPON) if w.value not in catalogued)


def _shared_graph(t: ox.Triple, known: Mapping[URIRef, set[str]]) -> URIRef:
    """The graph of a triple that belongs to no article."""
    if t.predicate in (_SAME_EVENT, _ARTICLE_SET_HASH):
        return LINKS_GRAPH
    if isinstance(t.subject, ox.BlankNode):
        return ONTOLOGY_GRAPH  # only the ontology has blank nodes (OWL restrictions, lists)
    iri = t.subject.value if isinstance(t.subject, ox.NamedNode) else ""
    for graph in (STATES_GRAPH, WEAPONS_GRAPH, ONTOLOGY_GRAPH):
        if iri in known.get(graph, ()):
            return graph
    if iri.startswith(str(STATE)):
        return STATES_GRAPH
    if iri.startswith(str(KGR["weapon-"])):
        return WEAPONS_GRAPH
    if iri.startswith(_ONTOLOGY_IRI):
        return ONTOLOGY_GRAPH
    return IMPORTED_GRAPH


def _rdflib(t: ox.Triple) -> Triple:
    return (from_ox(t.subject), from_ox(t.predicate), from_ox(t.object))
