"""ontology/shapes.ttl, through kg.validate: hand-built graphs that follow the RDF conventions.

One small dataset that conforms (states, weapons and an article graph with a launch, an exercise,
a treaty, their mentions, a place, the article and its run), then a table of broken variants, each
of which must fail with the message that names what is wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef

from kg.namespaces import (
    DCTERMS,
    KGO,
    KGR,
    ONTOLOGY_GRAPH,
    PROV,
    RDF,
    RDFS,
    SKOS,
    STATE,
    STATES_GRAPH,
    WD,
    WEAPONS_GRAPH,
    XSD,
)
from kg.validate import Validation, Violation, load_ontology, load_shapes, validate

ARTICLE = KGR["article-ap-2017-03-22"]
RUN = KGR["run-5e1f0c"]
LAUNCH = KGR["launch-3f2a9c"]
EXERCISE = KGR["exercise-91b2d4"]
TREATY = KGR["treaty-07c3aa"]
WONSAN = KGR["place-wonsan"]
HWASONG_15 = KGR["weapon-hwasong-15"]
BALLISTIC = KGR["weapon-ballistic-missile"]
B1B = KGR["weapon-b-1b"]
M_LAUNCH = KGR["mention-8d1e07"]
M_EXERCISE = KGR["mention-2c44f1"]
M_TREATY = KGR["mention-a90b3e"]

BODY = (
    "North Korea fired a Hwasong-15 missile from Wonsan on Wednesday, but it exploded seconds "
    "after launch. South Korea and the United States will hold their Foal Eagle drills next month, "
    "with B-1B bombers taking part. The two Koreas remain technically at war under the 1953 armistice."
)
SENTENCES = {
    M_LAUNCH: "North Korea fired a Hwasong-15 missile from Wonsan on Wednesday, but it exploded seconds after launch.",
    M_EXERCISE: "South Korea and the United States will hold their Foal Eagle drills next month, "
    "with B-1B bombers taking part.",
    M_TREATY: "The two Koreas remain technically at war under the 1953 armistice.",
}


def _states(g: Graph) -> None:
    for iso, name, qid, aliases in [
        ("PRK", "North Korea", "Q423", ["DPRK", "Democratic People's Republic of Korea"]),
        ("KOR", "South Korea", "Q884", ["Republic of Korea"]),
        ("USA", "United States", "Q30", ["U.S.", "United States of America"]),
        ("JPN", "Japan", None, []),  # skos:exactMatch may be missing
    ]:
        state = STATE[iso]
        g.add((state, RDF.type, KGO.State))
        g.add((state, RDFS.label, Literal(name)))
        g.add((state, KGO.isoCode, Literal(iso)))
        for alias in aliases:
            g.add((state, SKOS.altLabel, Literal(alias)))
        if qid is not None:
            g.add((state, SKOS.exactMatch, WD[qid]))


def _weapons(g: Graph) -> None:
    for weapon, label, cls, operator, aliases in [
        (HWASONG_15, "Hwasong-15", KGO.IntercontinentalBallisticMissile, STATE.PRK, ["KN-22"]),
        (BALLISTIC, "ballistic missile", KGO.BallisticMissile, None, []),
        (B1B, "B-1B", KGO.Bomber, STATE.USA, ["B-1B Lancer"]),
    ]:
        g.add((weapon, RDF.type, KGO.Weapon))
        g.add((weapon, RDFS.label, Literal(label)))
        g.add((weapon, KGO.weaponClass, cls))
        if operator is not None:
            g.add((weapon, KGO.operator, operator))
        for alias in aliases:
            g.add((weapon, SKOS.altLabel, Literal(alias)))


def _article(g: Graph) -> None:
    g.add((RUN, RDF.type, PROV.Activity))
    g.add((RUN, KGO.rulesVersion, Literal("1")))
    g.add((RUN, KGO.lexiconVersion, Literal("a1b2c3d4")))
    g.add((RUN, KGO.modelName, Literal("en_core_web_sm")))
    g.add((RUN, KGO.modelVersion, Literal("3.8.0")))
    g.add((RUN, KGO.softwareVersion, Literal("0.1.0")))

    g.add((ARTICLE, RDF.type, KGO.Article))
    g.add((ARTICLE, DCTERMS.identifier, Literal("ap-2017-03-22")))
    g.add((ARTICLE, DCTERMS.date, Literal("2017-03-23", datatype=XSD.date)))
    g.add((ARTICLE, DCTERMS.source, Literal("AP, SEOUL")))
    g.add((ARTICLE, PROV.wasGeneratedBy, RUN))

    g.add((WONSAN, RDF.type, KGO.Place))
    g.add((WONSAN, RDFS.label, Literal("Wonsan")))
    g.add((WONSAN, KGO.locatedIn, STATE.PRK))

    mentioned = {
        M_LAUNCH: [STATE.PRK, HWASONG_15],
        M_EXERCISE: [STATE.KOR, STATE.USA, B1B],
        M_TREATY: [],
    }
    for mention, text in SENTENCES.items():
        start = BODY.index(text)
        g.add((mention, RDF.type, KGO.Mention))
        g.add((mention, KGO.text, Literal(text)))
        g.add((mention, KGO.start, Literal(start)))
        g.add((mention, KGO.end, Literal(start + len(text))))
        g.add((mention, DCTERMS.isPartOf, ARTICLE))
        for node in mentioned[mention]:
            g.add((mention, KGO.mentions, node))

    for event, cls, mention, factuality, confidence in [
        (LAUNCH, KGO.Launch, M_LAUNCH, KGO.Asserted, "0.9"),
        (EXERCISE, KGO.Exercise, M_EXERCISE, KGO.Expected, "0.6"),
        (TREATY, KGO.Treaty, M_TREATY, KGO.Asserted, "0.75"),
    ]:
        g.add((event, RDF.type, cls))
        g.add((event, RDF.type, KGO.Event))
        g.add((event, KGO.factuality, factuality))
        g.add((event, KGO.confidence, Literal(Decimal(confidence))))
        g.add((event, PROV.wasDerivedFrom, mention))
        g.add((event, PROV.wasGeneratedBy, RUN))

    g.add((LAUNCH, KGO.agent, STATE.PRK))
    g.add((LAUNCH, KGO.weapon, HWASONG_15))
    g.add((LAUNCH, KGO.weaponClass, KGO.IntercontinentalBallisticMissile))
    g.add((LAUNCH, KGO.date, Literal("2017-03-22", datatype=XSD.date)))
    g.add((LAUNCH, KGO.site, WONSAN))
    g.add((LAUNCH, KGO.outcome, KGO.Failure))
    g.add((LAUNCH, KGO.count, Literal(1)))

    g.add((EXERCISE, KGO.participant, STATE.KOR))
    g.add((EXERCISE, KGO.participant, STATE.USA))
    g.add((EXERCISE, RDFS.label, Literal("Foal Eagle")))
    g.add((EXERCISE, KGO.weapon, B1B))
    g.add((EXERCISE, KGO.date, Literal("2017-04", datatype=XSD.gYearMonth)))

    g.add((TREATY, KGO.signatory, STATE.PRK))
    g.add((TREATY, KGO.signatory, STATE.USA))
    g.add((TREATY, RDFS.label, Literal("Korean Armistice Agreement")))
    g.add((TREATY, KGO.date, Literal("1953", datatype=XSD.gYear)))


def build_dataset() -> Dataset:
    """The conforming data, laid out as the store lays it out: one named graph per source."""
    ds = Dataset()
    _states(ds.graph(STATES_GRAPH))
    _weapons(ds.graph(WEAPONS_GRAPH))
    _article(ds.graph(ARTICLE))
    return ds


def _messages(result: Validation) -> str:
    return "\n".join(f"{v.focus_node} {v.path} {v.message} {v.value}" for v in result.violations)


# --- the conforming data -------------------------------------------------------------------------


def test_conforming_dataset_conforms() -> None:
    result = validate(build_dataset())
    assert result.conforms, _messages(result)
    assert result.violations == ()


def test_conforming_dataset_with_the_ontology_graph_loaded_conforms() -> None:
    ds = build_dataset()
    ontology = ds.graph(ONTOLOGY_GRAPH)
    ontology += load_ontology()
    result = validate(ds)
    assert result.conforms, _messages(result)


def test_a_single_graph_is_validated_too() -> None:
    union = Graph()
    for s, p, o, _ in build_dataset().quads((None, None, None, None)):
        union.add((s, p, o))
    assert validate(union).conforms


def test_the_ontology_alone_conforms() -> None:
    assert validate(load_ontology()).conforms


def test_graphs_are_checked_as_their_union() -> None:
    """A launch's agent is typed kgo:State only in the states graph: alone, the article fails."""
    article_only = Dataset()
    _article(article_only.graph(ARTICLE))
    result = validate(article_only)
    assert not result.conforms
    assert any(v.focus_node == str(LAUNCH) and v.path == str(KGO.agent) for v in result.violations)


def test_validation_records_what_is_wrong() -> None:
    ds = build_dataset()
    g = ds.graph(ARTICLE)
    g.set((LAUNCH, KGO.confidence, Literal(Decimal("1.5"))))
    result = validate(ds)
    assert not result.conforms
    assert result.violations == (
        Violation(
            focus_node=str(LAUNCH),
            path=str(KGO.confidence),
            message="An event needs exactly one kgo:confidence, an xsd:decimal from 0 to 1.",
            severity="Violation",
            value="1.5",
        ),
    )
    assert "Constraint Violation" in result.report


def test_violations_are_sorted() -> None:
    ds = build_dataset()
    g = ds.graph(ARTICLE)
    for event in (TREATY, LAUNCH, EXERCISE):
        g.remove((event, KGO.factuality, None))
    focus = [v.focus_node for v in validate(ds).violations]
    assert focus == sorted(focus) and len(focus) == 3


def test_loaders_return_independent_copies() -> None:
    ontology = load_ontology()
    ontology.remove((None, None, None))
    assert len(load_ontology()) > 100
    assert (None, RDF.type, None) in load_shapes()


# --- broken variants -----------------------------------------------------------------------------

Mutation = Callable[[Dataset], None]


def _article_graph(ds: Dataset) -> Graph:
    return ds.graph(ARTICLE)


def _set(node: URIRef, prop: URIRef, value: URIRef | Literal, graph: URIRef = ARTICLE) -> Mutation:
    return lambda ds: ds.graph(graph).set((node, prop, value))


def _add(node: URIRef, prop: URIRef, value: URIRef | Literal, graph: URIRef = ARTICLE) -> Mutation:
    return lambda ds: ds.graph(graph).add((node, prop, value))


def _drop(node: URIRef, prop: URIRef, graph: URIRef = ARTICLE) -> Mutation:
    return lambda ds: ds.graph(graph).remove((node, prop, None))


def _drop_type(node: URIRef, cls: URIRef) -> Mutation:
    return lambda ds: _article_graph(ds).remove((node, RDF.type, cls))


def _rename(old: URIRef, new: URIRef | BNode, graph: URIRef = ARTICLE) -> Mutation:
    """Replace a node by another everywhere in one graph (subject and object positions)."""

    def mutate(ds: Dataset) -> None:
        g = ds.graph(graph)
        for s, p, o in list(g):
            if old in (s, o):
                g.remove((s, p, o))
                g.add((new if s == old else s, p, new if o == old else o))

    return mutate


@dataclass(frozen=True)
class Broken:
    id: str
    mutate: Mutation
    focus: URIRef | None  # None: a blank node
    path: URIRef | None
    message: str  # a part of the expected sh:message
    others: tuple[str, ...] = ()  # parts of the messages of other rules the change must also break


BLANK_EVENT = BNode("launch")
NOT_A_STATE = STATE.XYZ

BROKEN = [
    # launches
    Broken(
        "launch without factuality", _drop(LAUNCH, KGO.factuality), LAUNCH, KGO.factuality,
        "exactly one kgo:factuality",
    ),
    Broken(
        "factuality not in the set", _set(LAUNCH, KGO.factuality, KGO.Success), LAUNCH, KGO.factuality,
        "kgo:Asserted, kgo:Claimed, kgo:Expected or kgo:Negated",
    ),
    Broken(
        "two factualities", _add(LAUNCH, KGO.factuality, KGO.Claimed), LAUNCH, KGO.factuality,
        "exactly one kgo:factuality",
    ),
    Broken(
        "outcome not in the set", _set(LAUNCH, KGO.outcome, KGO.Asserted), LAUNCH, KGO.outcome,
        "kgo:Success, kgo:Failure or kgo:UnknownOutcome",
    ),
    Broken("launch without outcome", _drop(LAUNCH, KGO.outcome), LAUNCH, KGO.outcome, "exactly one kgo:outcome"),
    Broken(
        "confidence 1.5", _set(LAUNCH, KGO.confidence, Literal(Decimal("1.5"))), LAUNCH, KGO.confidence,
        "an xsd:decimal from 0 to 1",
    ),
    Broken(
        "confidence below 0", _set(EXERCISE, KGO.confidence, Literal(Decimal("-0.1"))), EXERCISE,
        KGO.confidence, "an xsd:decimal from 0 to 1",
    ),
    Broken(
        "confidence typed xsd:double", _set(LAUNCH, KGO.confidence, Literal(0.9)), LAUNCH, KGO.confidence,
        "an xsd:decimal from 0 to 1",
    ),
    Broken("event without confidence", _drop(TREATY, KGO.confidence), TREATY, KGO.confidence, "kgo:confidence"),
    Broken(
        "date typed xsd:string", _set(LAUNCH, KGO.date, Literal("2017-03-22")), LAUNCH, KGO.date,
        "typed xsd:date, xsd:gYearMonth or xsd:gYear",
    ),
    Broken(
        "date typed xsd:dateTime",
        _set(EXERCISE, KGO.date, Literal("2017-03-22T00:00:00", datatype=XSD.dateTime)),
        EXERCISE, KGO.date, "typed xsd:date, xsd:gYearMonth or xsd:gYear",
    ),
    Broken(
        "date that is no date", _set(LAUNCH, KGO.date, Literal("2017-13-45", datatype=XSD.date)), LAUNCH,
        KGO.date, "typed xsd:date, xsd:gYearMonth or xsd:gYear",
    ),
    Broken(
        "two dates", _add(TREATY, KGO.date, Literal("1954", datatype=XSD.gYear)), TREATY, KGO.date,
        "at most one kgo:date",
    ),
    Broken("launch with two agents", _add(LAUNCH, KGO.agent, STATE.KOR), LAUNCH, KGO.agent, "at most one kgo:agent"),
    Broken("agent that is not a state", _set(LAUNCH, KGO.agent, WONSAN), LAUNCH, KGO.agent, "a kgo:State"),
    Broken("agent that is not typed", _set(LAUNCH, KGO.agent, NOT_A_STATE), LAUNCH, KGO.agent, "a kgo:State"),
    Broken("launch with two weapons", _add(LAUNCH, KGO.weapon, BALLISTIC), LAUNCH, KGO.weapon, "at most one kgo:weapon"),
    Broken("weapon that is not a weapon", _set(LAUNCH, KGO.weapon, STATE.PRK), LAUNCH, KGO.weapon, "a kgo:Weapon"),
    Broken(
        "launch weapon class outside the scheme", _set(LAUNCH, KGO.weaponClass, KGO.Launch), LAUNCH,
        KGO.weaponClass, "a concept of kgo:WeaponClasses",
    ),
    Broken(
        "launch with two weapon classes", _add(LAUNCH, KGO.weaponClass, KGO.Missile), LAUNCH, KGO.weaponClass,
        "at most one kgo:weaponClass",
    ),
    Broken("site that is not a place", _set(LAUNCH, KGO.site, STATE.PRK), LAUNCH, KGO.site, "a kgo:Place"),
    Broken("count of 0", _set(LAUNCH, KGO.count, Literal(0)), LAUNCH, KGO.count, "an xsd:integer of 1 or more"),
    Broken("count as a string", _set(LAUNCH, KGO.count, Literal("two")), LAUNCH, KGO.count, "kgo:count"),
    Broken(
        "event without prov:wasDerivedFrom", _drop(LAUNCH, PROV.wasDerivedFrom), LAUNCH, PROV.wasDerivedFrom,
        "prov:wasDerivedFrom one or more kgo:Mentions",
    ),
    Broken(
        "event derived from an article, not a mention", _set(EXERCISE, PROV.wasDerivedFrom, ARTICLE),
        EXERCISE, PROV.wasDerivedFrom, "prov:wasDerivedFrom one or more kgo:Mentions",
    ),
    Broken(
        "event without prov:wasGeneratedBy", _drop(TREATY, PROV.wasGeneratedBy), TREATY, PROV.wasGeneratedBy,
        "exactly one prov:wasGeneratedBy",
    ),
    Broken(
        "launch not typed kgo:Event", _drop_type(LAUNCH, KGO.Event), LAUNCH, RDF.type,
        "must also be typed kgo:Event",
    ),
    Broken(
        "treaty not typed kgo:Event", _drop_type(TREATY, KGO.Event), TREATY, RDF.type,
        "must also be typed kgo:Event",
    ),
    Broken("event as a blank node", _rename(LAUNCH, BLANK_EVENT), None, None, "must be an IRI"),
    Broken(
        "sameEventAs to a non-event", _add(LAUNCH, KGO.sameEventAs, M_LAUNCH), LAUNCH, KGO.sameEventAs,
        "another kgo:Event",
    ),
    # exercises and treaties
    Broken(
        "participant that is not a state", _add(EXERCISE, KGO.participant, B1B), EXERCISE, KGO.participant,
        "must be a kgo:State",
    ),
    Broken(
        "exercise asset that is not a weapon", _add(EXERCISE, KGO.weapon, STATE.USA), EXERCISE, KGO.weapon,
        "must be a kgo:Weapon",
    ),
    Broken(
        "exercise with two names", _add(EXERCISE, RDFS.label, Literal("Key Resolve")), EXERCISE, RDFS.label,
        "at most one rdfs:label",
    ),
    Broken(
        "signatory that is not a state", _add(TREATY, KGO.signatory, ARTICLE), TREATY, KGO.signatory,
        "must be a kgo:State",
    ),
    Broken(
        "treaty name with a language tag", _set(TREATY, RDFS.label, Literal("Armistice", lang="en")), TREATY,
        RDFS.label, "its name as a plain string",
    ),
    # mentions
    Broken(
        "mention with start >= end", _set(M_LAUNCH, KGO.end, Literal(0)), M_LAUNCH, KGO.start,
        "kgo:start must be less than its kgo:end", ("characters long",),
    ),
    Broken(
        "mention with a negative start", _set(M_TREATY, KGO.start, Literal(-1)), M_TREATY, KGO.start,
        "an xsd:integer of 0 or more", ("characters long",),
    ),
    Broken(
        "mention whose text does not fit its offsets", _set(M_TREATY, KGO.text, Literal("The two Koreas.")),
        M_TREATY, None, "must be kgo:end - kgo:start characters long",
    ),
    Broken("mention without text", _drop(M_LAUNCH, KGO.text), M_LAUNCH, KGO.text, "exactly one kgo:text"),
    Broken(
        "mention without its article", _drop(M_EXERCISE, DCTERMS.isPartOf), M_EXERCISE, DCTERMS.isPartOf,
        "exactly one dcterms:isPartOf",
    ),
    Broken(
        "mention of a place", _add(M_LAUNCH, KGO.mentions, WONSAN), M_LAUNCH, KGO.mentions,
        "a kgo:State or a kgo:Weapon",
    ),
    # articles, places, runs
    Broken(
        "article without identifier", _drop(ARTICLE, DCTERMS.identifier), ARTICLE, DCTERMS.identifier,
        "exactly one dcterms:identifier",
    ),
    Broken(
        "article dateline typed xsd:gYear", _set(ARTICLE, DCTERMS.date, Literal("2017", datatype=XSD.gYear)),
        ARTICLE, DCTERMS.date, "its dateline as an xsd:date",
    ),
    Broken(
        "article without its run", _drop(ARTICLE, PROV.wasGeneratedBy), ARTICLE, PROV.wasGeneratedBy,
        "the prov:Activity (kg run) that read it",
    ),
    Broken("place without label", _drop(WONSAN, RDFS.label), WONSAN, RDFS.label, "needs an rdfs:label"),
    Broken(
        "place in two states", _add(WONSAN, KGO.locatedIn, STATE.KOR), WONSAN, KGO.locatedIn,
        "at most one kgo:State",
    ),
    Broken("run without model name", _drop(RUN, KGO.modelName), RUN, KGO.modelName, "exactly one kgo:modelName"),
    Broken(
        "run with a numeric rules version", _set(RUN, KGO.rulesVersion, Literal(1)), RUN, KGO.rulesVersion,
        "kgo:rulesVersion, a plain string",
    ),
    # states and weapons
    Broken(
        "state label with a language tag",
        _set(STATE.PRK, RDFS.label, Literal("North Korea", lang="en"), STATES_GRAPH), STATE.PRK, RDFS.label,
        "its English short name as a plain string",
    ),
    Broken(
        "state without ISO code", _drop(STATE.KOR, KGO.isoCode, STATES_GRAPH), STATE.KOR, KGO.isoCode,
        "exactly one kgo:isoCode",
    ),
    Broken(
        "state ISO code that does not match its IRI", _set(STATE.PRK, KGO.isoCode, Literal("KOR"), STATES_GRAPH),
        STATE.PRK, None, "must end with its kgo:isoCode",
    ),
    Broken(
        "state IRI outside state:", _rename(STATE.JPN, KGR["state-jpn"], STATES_GRAPH), KGR["state-jpn"], None,
        "state: followed by its ISO 3166-1 alpha-3 code", ("must end with its kgo:isoCode",),
    ),
    Broken(
        "state matched to a non-Wikidata IRI",
        _set(STATE.USA, SKOS.exactMatch, URIRef("https://example.org/usa"), STATES_GRAPH), STATE.USA,
        SKOS.exactMatch, "a Wikidata item",
    ),
    Broken(
        "weapon without class", _drop(HWASONG_15, KGO.weaponClass, WEAPONS_GRAPH), HWASONG_15, KGO.weaponClass,
        "exactly one kgo:weaponClass",
    ),
    Broken(
        "weapon class outside the scheme", _set(B1B, KGO.weaponClass, KGR["class-bomber"], WEAPONS_GRAPH), B1B,
        KGO.weaponClass, "a concept of kgo:WeaponClasses",
    ),
    Broken(
        "weapon operated by a non-state", _set(B1B, KGO.operator, WONSAN, WEAPONS_GRAPH), B1B, KGO.operator,
        "a kgo:State",
    ),
    Broken(
        "weapon with two labels", _add(BALLISTIC, RDFS.label, Literal("missile"), WEAPONS_GRAPH), BALLISTIC,
        RDFS.label, "exactly one rdfs:label",
    ),
]


@pytest.mark.parametrize("case", BROKEN, ids=[case.id for case in BROKEN])
def test_broken_variant_does_not_conform(case: Broken) -> None:
    ds = build_dataset()
    case.mutate(ds)
    result = validate(ds)
    assert not result.conforms
    assert result.violations, "a non-conforming result lists its violations"
    expected_focus = str(case.focus) if case.focus is not None else BLANK_EVENT.n3()
    expected_path = str(case.path) if case.path is not None else None
    matching = [
        v
        for v in result.violations
        if v.focus_node == expected_focus and v.path == expected_path and case.message in v.message
    ]
    assert matching, _messages(result)
    # nothing else is reported than the rules the change breaks, and each of them is
    expected = (case.message, *case.others)
    assert all(any(part in v.message for part in expected) for v in result.violations), _messages(result)
    assert all(any(part in v.message for v in result.violations) for part in case.others), _messages(result)
    assert all(v.severity == "Violation" for v in result.violations)
