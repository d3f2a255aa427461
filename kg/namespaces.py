"""The only place IRIs are spelled (ONTOLOGY.md, Prefixes).

`KGO` is closed: `KGO.Lauch` raises AttributeError. A contract test keeps the term list
here and `ontology/kg.ttl` identical.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace


class KGO(DefinedNamespace):
    """kg ontology: classes, properties, value individuals and the weapon-class scheme."""

    _NS = Namespace("https://w3id.org/kgnews/ontology#")
    _fail = True

    # classes
    State: URIRef
    Weapon: URIRef
    Event: URIRef
    Launch: URIRef
    Exercise: URIRef
    Treaty: URIRef
    Place: URIRef
    Article: URIRef
    Mention: URIRef
    Outcome: URIRef
    Factuality: URIRef

    # properties of the contract
    isoCode: URIRef
    weaponClass: URIRef
    agent: URIRef
    weapon: URIRef
    date: URIRef
    site: URIRef
    outcome: URIRef
    count: URIRef
    factuality: URIRef
    participant: URIRef
    signatory: URIRef
    confidence: URIRef
    locatedIn: URIRef
    text: URIRef
    start: URIRef
    end: URIRef
    mentions: URIRef

    # properties kg adds (ONTOLOGY.md allows additions)
    operator: URIRef  # Weapon -> State that operates or developed it
    sameEventAs: URIRef  # event in one article -> the same real-world event in another
    rulesVersion: URIRef  # prov:Activity -> version of the extraction rules
    lexiconVersion: URIRef  # prov:Activity -> version (hash) of the lexicon tables
    modelName: URIRef  # prov:Activity -> spaCy model name
    modelVersion: URIRef  # prov:Activity -> spaCy model version
    softwareVersion: URIRef  # prov:Activity -> kg version
    url: URIRef  # Article -> the web address of the page or feed entry it was read from
    contentHash: URIRef  # Article -> SHA-256 of its inputs and extraction (incremental builds)
    articleSetHash: URIRef  # the links graph -> SHA-256 of the articles its links were made from

    # values
    Success: URIRef
    Failure: URIRef
    UnknownOutcome: URIRef
    Asserted: URIRef
    Claimed: URIRef
    Expected: URIRef
    Negated: URIRef

    # weapon-class scheme (skos:ConceptScheme and its concepts)
    WeaponClasses: URIRef
    Missile: URIRef
    BallisticMissile: URIRef
    ShortRangeBallisticMissile: URIRef
    MediumRangeBallisticMissile: URIRef
    IntermediateRangeBallisticMissile: URIRef
    IntercontinentalBallisticMissile: URIRef
    SubmarineLaunchedBallisticMissile: URIRef
    CruiseMissile: URIRef
    HypersonicMissile: URIRef
    SatelliteLaunchVehicle: URIRef
    Rocket: URIRef
    Artillery: URIRef
    Bomber: URIRef
    FighterAircraft: URIRef
    AircraftCarrier: URIRef
    Submarine: URIRef
    Warship: URIRef
    NuclearWeapon: URIRef


STATE = Namespace("https://w3id.org/kgnews/state/")
KGR = Namespace("https://w3id.org/kgnews/resource/")
WD = Namespace("http://www.wikidata.org/entity/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")

# Named graphs for the nodes shared by all articles (ONTOLOGY.md: "their own graphs").
ONTOLOGY_GRAPH = KGR["graph/ontology"]
STATES_GRAPH = KGR["graph/states"]
WEAPONS_GRAPH = KGR["graph/weapons"]
LINKS_GRAPH = KGR["graph/links"]  # kgo:sameEventAs between events of different articles
PLACES_GRAPH = KGR["graph/places"]  # the kgo:Place nodes that events name as their site
RUNS_GRAPH = KGR["graph/runs"]  # the extraction runs (prov:Activity) that produced the articles

PREFIXES: dict[str, str] = {
    "kgo": str(KGO._NS),
    "state": str(STATE),
    "kgr": str(KGR),
    "wd": str(WD),
    "sem": str(SEM),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "rdfs": str(RDFS),
    "rdf": str(RDF),
    "owl": str(OWL),
    "xsd": str(XSD),
}

__all__ = [
    "DCTERMS",
    "KGO",
    "KGR",
    "LINKS_GRAPH",
    "ONTOLOGY_GRAPH",
    "OWL",
    "PLACES_GRAPH",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "RUNS_GRAPH",
    "SEM",
    "SKOS",
    "STATE",
    "STATES_GRAPH",
    "WD",
    "WEAPONS_GRAPH",
    "XSD",
]
