"""ontology/kg.ttl against kg.namespaces.KGO, kg/lexicon/weapon_classes.tsv and ONTOLOGY.md."""

from __future__ import annotations

import csv
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from kg.namespaces import KGO, SEM, WD
from kg.resources import ontology_dir

KG_TTL = ontology_dir() / "kg.ttl"
SHAPES_TTL = ontology_dir() / "shapes.ttl"
WEAPON_CLASSES_TSV = Path(__file__).parents[2] / "kg" / "lexicon" / "weapon_classes.tsv"
ONTOLOGY_IRI = URIRef("https://w3id.org/kgnews/ontology")

TERM_TYPES = {
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
    SKOS.Concept,
    SKOS.ConceptScheme,
}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(KG_TTL, format="turtle")


def kgo_names() -> list[str]:
    """The terms KGO declares, from its annotations (the closed namespace's term list)."""
    return [name for name in KGO.__annotations__ if not name.startswith("_")]


def term(name: str) -> URIRef:
    """KGO's term of that name (AttributeError if KGO has none)."""
    return URIRef(getattr(KGO, name))


def kgo_terms() -> set[URIRef]:
    return {term(name) for name in kgo_names()}


# --- (a) KGO and kg.ttl hold the same terms, each with a type, a label and a comment ----------------


def test_kgo_declares_terms() -> None:
    assert len(kgo_names()) > 50
    assert str(KGO.Launch) == "https://w3id.org/kgnews/ontology#Launch"


@pytest.mark.parametrize("name", kgo_names())
def test_every_kgo_term_is_defined_with_type_label_and_comment(ontology: Graph, name: str) -> None:
    types = set(ontology.objects(term(name), RDF.type))
    assert types & TERM_TYPES or types & {KGO.Outcome, KGO.Factuality}, f"kgo:{name} has no type in kg.ttl"
    labels = list(ontology.objects(term(name), RDFS.label))
    comments = list(ontology.objects(term(name), RDFS.comment))
    assert len(labels) == 1 and str(labels[0]).strip(), f"kgo:{name} needs one rdfs:label"
    assert len(comments) == 1 and str(comments[0]).strip(), f"kgo:{name} needs one rdfs:comment"


def test_every_kgo_subject_in_kg_ttl_is_in_kgo(ontology: Graph) -> None:
    namespace = str(KGO._NS)
    defined = {str(s)[len(namespace) :] for s in ontology.subjects() if str(s).startswith(namespace)}
    assert defined == set(kgo_names())


def test_every_kgo_term_used_in_kg_ttl_is_in_kgo(ontology: Graph) -> None:
    namespace = str(KGO._NS)
    used = {str(n)[len(namespace) :] for triple in ontology for n in triple if str(n).startswith(namespace)}
    assert used <= set(kgo_names())


def test_literals_are_plain_strings(ontology: Graph) -> None:
    """The project's convention: no language tags, so a query matches "ballistic missile"."""
    for _, _, o in ontology:
        if isinstance(o, Literal):
            assert o.language is None and o.datatype in (None, XSD.string), repr(o)


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    for prop in (OWL.versionInfo, RDFS.label, RDFS.comment, DCTERMS.title, DCTERMS.description):
        assert ontology.value(ONTOLOGY_IRI, prop) is not None, prop


def test_classes_and_properties_have_the_kind_the_contract_needs(ontology: Graph) -> None:
    classes = {KGO.State, KGO.Weapon, KGO.Event, KGO.Launch, KGO.Exercise, KGO.Treaty, KGO.Place}
    classes |= {KGO.Article, KGO.Mention, KGO.Outcome, KGO.Factuality}
    assert classes == set(ontology.subjects(RDF.type, OWL.Class)) & kgo_terms()
    datatype_properties = {KGO.isoCode, KGO.date, KGO.count, KGO.confidence, KGO.text, KGO.start, KGO.end}
    datatype_properties |= {KGO.rulesVersion, KGO.lexiconVersion, KGO.modelName, KGO.modelVersion}
    datatype_properties |= {KGO.softwareVersion, KGO.contentHash, KGO.articleSetHash}
    assert datatype_properties == set(ontology.subjects(RDF.type, OWL.DatatypeProperty)) & kgo_terms()
    for outcome in (KGO.Success, KGO.Failure, KGO.UnknownOutcome):
        assert (outcome, RDF.type, KGO.Outcome) in ontology
        assert (outcome, RDF.type, OWL.NamedIndividual) in ontology
    for factuality in (KGO.Asserted, KGO.Claimed, KGO.Expected, KGO.Negated):
        assert (factuality, RDF.type, KGO.Factuality) in ontology
        assert (factuality, RDF.type, OWL.NamedIndividual) in ontology


def test_properties_have_domain_and_range(ontology: Graph) -> None:
    properties = set(ontology.subjects(RDF.type, OWL.ObjectProperty))
    properties |= set(ontology.subjects(RDF.type, OWL.DatatypeProperty))
    for prop in properties & kgo_terms():
        assert ontology.value(prop, RDFS.domain) is not None, f"{prop} has no rdfs:domain"
        assert ontology.value(prop, RDFS.range) is not None, f"{prop} has no rdfs:range"


# --- (b) the weapon-class scheme is weapon_classes.tsv ------------------------------------------------


def read_weapon_classes() -> list[dict[str, str]]:
    with WEAPON_CLASSES_TSV.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def test_weapon_class_concepts_match_the_table(ontology: Graph) -> None:
    rows = read_weapon_classes()
    assert len(rows) == 18
    concept_of = {row["label"]: term(row["concept"]) for row in rows}

    expected = {
        (term(row["concept"]), row["label"], concept_of[row["broader"]] if row["broader"] else None)
        for row in rows
    }
    found = {
        (concept, str(ontology.value(concept, SKOS.prefLabel)), ontology.value(concept, SKOS.broader))
        for concept in ontology.subjects(RDF.type, SKOS.Concept)
    }
    assert found == expected


def test_weapon_class_concepts_are_in_the_scheme(ontology: Graph) -> None:
    assert (KGO.WeaponClasses, RDF.type, SKOS.ConceptScheme) in ontology
    concepts = set(ontology.subjects(RDF.type, SKOS.Concept))
    for concept in concepts:
        assert (concept, SKOS.inScheme, KGO.WeaponClasses) in ontology
        assert len(list(ontology.objects(concept, SKOS.prefLabel))) == 1
        assert len(list(ontology.objects(concept, SKOS.broader))) <= 1
        assert ontology.value(concept, RDFS.label) == ontology.value(concept, SKOS.prefLabel)
    top = {c for c in concepts if ontology.value(c, SKOS.broader) is None}
    assert top == set(ontology.objects(KGO.WeaponClasses, SKOS.hasTopConcept))
    assert top == set(ontology.subjects(SKOS.topConceptOf, KGO.WeaponClasses))


# --- (c) the alignment of ONTOLOGY.md ------------------------------------------------------------------

ALIGNMENT = [
    (KGO.Event, RDFS.subClassOf, SEM.Event),
    (KGO.Launch, RDFS.subClassOf, KGO.Event),
    (KGO.Exercise, RDFS.subClassOf, KGO.Event),
    (KGO.Treaty, RDFS.subClassOf, KGO.Event),
    (KGO.agent, RDFS.subPropertyOf, SEM.hasActor),
    (KGO.participant, RDFS.subPropertyOf, SEM.hasActor),
    (KGO.signatory, RDFS.subPropertyOf, SEM.hasActor),
    (KGO.site, RDFS.subPropertyOf, SEM.hasPlace),
    (KGO.date, RDFS.subPropertyOf, DCTERMS.date),
    (KGO.State, SKOS.closeMatch, WD.Q3624078),  # sovereign state
    (KGO.Weapon, SKOS.closeMatch, WD.Q728),  # weapon
    (KGO.Launch, SKOS.closeMatch, WD.Q797476),  # rocket launch
    (KGO.Exercise, SKOS.closeMatch, WD.Q1151430),  # military exercise
    (KGO.Treaty, SKOS.closeMatch, WD.Q131569),  # treaty
]


@pytest.mark.parametrize("triple", ALIGNMENT, ids=lambda t: f"{t[0].n3()} {t[1].n3()} {t[2].n3()}")
def test_alignment_triple_is_present(ontology: Graph, triple: tuple[URIRef, URIRef, URIRef]) -> None:
    assert triple in ontology


def test_sem_terms_are_declared(ontology: Graph) -> None:
    assert (SEM.Event, RDF.type, OWL.Class) in ontology
    assert (SEM.hasActor, RDF.type, OWL.ObjectProperty) in ontology
    assert (SEM.hasPlace, RDF.type, OWL.ObjectProperty) in ontology


# --- (d) both files parse in rdflib and in pyoxigraph ----------------------------------------------------


@pytest.mark.parametrize("path", [KG_TTL, SHAPES_TTL], ids=lambda p: p.name)
def test_parses_in_rdflib_and_pyoxigraph_to_the_same_size(path: Path) -> None:
    in_rdflib = Graph().parse(path, format="turtle")
    in_oxigraph = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(in_rdflib) > 50
    assert len(in_oxigraph) == len(in_rdflib)
