"""ontology/shapes.ttl, through kg.validate: hand-built graphs that follow the RDF conventions.

One small dataset that conforms (states, weapons and an article graph with a launch, an exercise,
a treaty, their mentions, a place, the article and its run), then a table of broken variants, each
of which must fail with the message that names what is wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg.namespaces import (
    DCTERMS,
    KGO,
    KGR,
    LINKS_GRAPH,
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
    M_LAUNCH: "North Korea fired a Hwasong-15 missile from Wonsan on Wednesday, "
    "but it exploded seconds after launch.",
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
    g.add((ARTICLE, DCTERMS.title, Literal("North Korea fires missile from Wonsan")))
    g.add((ARTICLE, KGO.url, URIRef("https://news.example.org/2017/03/22/launch")))
    g.add((ARTICLE, KGO.contentHash, Literal("0f" * 32)))
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
    ds.graph(LINKS_GRAPH).add((LINKS_GRAPH, KGO.articleSetHash, Literal("3c" * 32)))
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
    size = len(union)
    assert validate(union).conforms
    assert len(union) == size, "validate must not change its input"


def test_the_default_graph_counts_too() -> None:
    ds = Dataset()
    _states(ds.default_graph)
    _weapons(ds.graph(WEAPONS_GRAPH))
    _article(ds.graph(ARTICLE))
    assert validate(ds).conforms


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


@dataclass(frozen=True)
class Change:
    """A change to the conforming data, and the node and property a violation should name."""

    apply: Callable[[Dataset], object]
    focus: Node
    path: URIRef | None


def set_(node: URIRef, prop: URIRef, value: Node, graph: URIRef = ARTICLE) -> Change:
    return Change(lambda ds: ds.graph(graph).set((node, prop, value)), node, prop)


def add(node: URIRef, prop: URIRef, value: Node, graph: URIRef = ARTICLE) -> Change:
    return Change(lambda ds: ds.graph(graph).add((node, prop, value)), node, prop)


def drop(node: URIRef, prop: URIRef, graph: URIRef = ARTICLE) -> Change:
    return Change(lambda ds: ds.graph(graph).remove((node, prop, None)), node, prop)


def rename(old: URIRef, new: URIRef | BNode, graph: URIRef = ARTICLE) -> Change:
    """Replace a node by another everywhere in one graph; a rule on the node itself should fail."""

    def apply(ds: Dataset) -> None:
        g = ds.graph(graph)
        for s, p, o in list(g):
            if old in (s, o):
                g.remove((s, p, o))
                g.add((new if s == old else s, p, new if o == old else o))

    return Change(apply, new, None)


def at(change: Change, path: URIRef | None) -> Change:
    """The same change, expected to be reported on another path (None: on the node itself)."""
    return replace(change, path=path)


BLANK_LAUNCH = BNode("launch")
EVENT_TYPES = "must also be typed kgo:Event"
DATE_TYPES = "typed xsd:date, xsd:gYearMonth or xsd:gYear"
CONFIDENCE = "an xsd:decimal from 0 to 1"
LENGTH = "must be kgo:end - kgo:start characters long"
IN_SCHEME = "a concept of kgo:WeaponClasses"

# (id, change, a part of the expected sh:message, parts of the messages of other rules it also breaks)
BROKEN: list[tuple[str, Change, str, tuple[str, ...]]] = [
    # events and launches
    ("launch without factuality", drop(LAUNCH, KGO.factuality), "exactly one kgo:factuality", ()),
    ("factuality not in the set", set_(LAUNCH, KGO.factuality, KGO.Success), "kgo:Claimed, kgo:Expected", ()),
    ("two factualities", add(LAUNCH, KGO.factuality, KGO.Claimed), "exactly one kgo:factuality", ()),
    ("outcome not in the set", set_(LAUNCH, KGO.outcome, KGO.Asserted),
     "kgo:Failure or kgo:UnknownOutcome", ()),
    ("launch without outcome", drop(LAUNCH, KGO.outcome), "exactly one kgo:outcome", ()),
    ("confidence 1.5", set_(LAUNCH, KGO.confidence, Literal(Decimal("1.5"))), CONFIDENCE, ()),
    ("confidence below 0", set_(EXERCISE, KGO.confidence, Literal(Decimal("-0.1"))), CONFIDENCE, ()),
    ("confidence typed xsd:double", set_(LAUNCH, KGO.confidence, Literal(0.9)), CONFIDENCE, ()),
    ("event without confidence", drop(TREATY, KGO.confidence), CONFIDENCE, ()),
    ("date typed xsd:string", set_(LAUNCH, KGO.date, Literal("2017-03-22")), DATE_TYPES, ()),
    ("date typed xsd:dateTime",
     set_(EXERCISE, KGO.date, Literal("2017-03-22T10:00:00", datatype=XSD.dateTime)), DATE_TYPES, ()),
    ("date that is no date",
     set_(LAUNCH, KGO.date, Literal("2017-13-45", datatype=XSD.date)), DATE_TYPES, ()),
    ("two dates", add(TREATY, KGO.date, Literal("1954", datatype=XSD.gYear)), "at most one kgo:date", ()),
    ("launch with two agents", add(LAUNCH, KGO.agent, STATE.KOR), "at most one kgo:agent", ()),
    ("agent that is a place", set_(LAUNCH, KGO.agent, WONSAN), "kgo:agent, a kgo:State", ()),
    ("agent that is not typed", set_(LAUNCH, KGO.agent, STATE.XYZ), "kgo:agent, a kgo:State", ()),
    ("launch with two weapons", add(LAUNCH, KGO.weapon, BALLISTIC), "at most one kgo:weapon", ()),
    ("weapon that is a state", set_(LAUNCH, KGO.weapon, STATE.PRK), "kgo:weapon, a kgo:Weapon", ()),
    ("launch weapon class outside the scheme", set_(LAUNCH, KGO.weaponClass, KGO.Launch), IN_SCHEME, ()),
    ("launch with two weapon classes", add(LAUNCH, KGO.weaponClass, KGO.Missile),
     "at most one kgo:weaponClass", ()),
    ("site that is a state", set_(LAUNCH, KGO.site, STATE.PRK), "kgo:site, a kgo:Place", ()),
    ("count of 0", set_(LAUNCH, KGO.count, Literal(0)), "an xsd:integer of 1 or more", ()),
    ("count as a string", set_(LAUNCH, KGO.count, Literal("two")), "an xsd:integer of 1 or more", ()),
    ("event without prov:wasDerivedFrom", drop(LAUNCH, PROV.wasDerivedFrom), "one or more kgo:Mentions", ()),
    ("event derived from its article", set_(EXERCISE, PROV.wasDerivedFrom, ARTICLE),
     "one or more kgo:Mentions", ()),
    ("event without prov:wasGeneratedBy", drop(TREATY, PROV.wasGeneratedBy),
     "exactly one prov:wasGeneratedBy", ()),
    ("launch typed only kgo:Launch", set_(LAUNCH, RDF.type, KGO.Launch), EVENT_TYPES, ()),
    ("treaty typed only kgo:Treaty", set_(TREATY, RDF.type, KGO.Treaty), EVENT_TYPES, ()),
    ("launch without any type", at(drop(LAUNCH, RDF.type), RDF.type), EVENT_TYPES, ()),
    ("event as a blank node", rename(LAUNCH, BLANK_LAUNCH), "An event must be an IRI", ()),
    ("sameEventAs a mention", add(LAUNCH, KGO.sameEventAs, M_LAUNCH), "to another kgo:Event", ()),
    # exercises and treaties
    ("participant that is a weapon", add(EXERCISE, KGO.participant, B1B), "must be a kgo:State", ()),
    ("exercise asset that is a state", add(EXERCISE, KGO.weapon, STATE.USA), "must be a kgo:Weapon", ()),
    ("exercise with two names", add(EXERCISE, RDFS.label, Literal("Key Resolve")),
     "at most one rdfs:label", ()),
    ("signatory that is an article", add(TREATY, KGO.signatory, ARTICLE), "must be a kgo:State", ()),
    ("treaty name with a language tag", set_(TREATY, RDFS.label, Literal("Armistice", lang="en")),
     "its name as a plain string", ()),
    # mentions
    ("mention with start >= end", at(set_(M_LAUNCH, KGO.end, Literal(0)), KGO.start),
     "kgo:start must be less than its kgo:end", (LENGTH,)),
    ("mention with a negative start", set_(M_TREATY, KGO.start, Literal(-1)),
     "an xsd:integer of 0 or more", (LENGTH,)),
    ("mention text that does not fit its offsets",
     at(set_(M_TREATY, KGO.text, Literal("The two Koreas.")), None), LENGTH, ()),
    ("mention without text", drop(M_LAUNCH, KGO.text), "exactly one kgo:text", ()),
    ("mention without its article", drop(M_EXERCISE, DCTERMS.isPartOf), "exactly one dcterms:isPartOf", ()),
    ("mention of a place", add(M_LAUNCH, KGO.mentions, WONSAN), "a kgo:State or a kgo:Weapon", ()),
    # articles, places, runs
    ("article without identifier", drop(ARTICLE, DCTERMS.identifier), "exactly one dcterms:identifier", ()),
    ("article dateline typed xsd:gYear", set_(ARTICLE, DCTERMS.date, Literal("2017", datatype=XSD.gYear)),
     "its dateline as an xsd:date", ()),
    ("article without its run", drop(ARTICLE, PROV.wasGeneratedBy),
     "the prov:Activity (kg run) that read it", ()),
    ("article with two headlines", add(ARTICLE, DCTERMS.title, Literal("Another")),
     "at most one dcterms:title", ()),
    ("article headline empty", set_(ARTICLE, DCTERMS.title, Literal("")), "at most one dcterms:title", ()),
    ("article url as a literal", set_(ARTICLE, KGO.url, Literal("https://news.example.org/x")),
     "the http or https IRI of its page", ()),
    ("article url not on the web", set_(ARTICLE, KGO.url, URIRef("file:///etc/passwd")),
     "the http or https IRI of its page", ()),
    ("article with two urls", add(ARTICLE, KGO.url, URIRef("https://news.example.org/y")),
     "the http or https IRI of its page", ()),
    ("article content hash not hex", set_(ARTICLE, KGO.contentHash, Literal("sha256:" + "0f" * 32)),
     "a SHA-256 as 64 lower-case hex digits", ()),
    ("article content hash typed xsd:hexBinary",
     set_(ARTICLE, KGO.contentHash, Literal("0f" * 32, datatype=XSD.hexBinary)),
     "a SHA-256 as 64 lower-case hex digits", ()),
    ("article with two content hashes", add(ARTICLE, KGO.contentHash, Literal("1e" * 32)),
     "a SHA-256 as 64 lower-case hex digits", ()),
    ("links graph hash not hex", set_(LINKS_GRAPH, KGO.articleSetHash, Literal("x" * 64), LINKS_GRAPH),
     "kgr:graph/links has at most one kgo:articleSetHash", ()),
    ("article set hash on another node", at(add(ARTICLE, KGO.articleSetHash, Literal("3c" * 32)), None),
     "Only the graph of cross-article links", ()),
    ("place without label", drop(WONSAN, RDFS.label), "needs an rdfs:label", ()),
    ("place in two states", add(WONSAN, KGO.locatedIn, STATE.KOR), "at most one kgo:State", ()),
    ("run without model name", drop(RUN, KGO.modelName), "exactly one kgo:modelName", ()),
    ("run with a numeric rules version", set_(RUN, KGO.rulesVersion, Literal(1)),
     "kgo:rulesVersion, a plain string", ()),
    # states and weapons
    ("state label with a language tag",
     set_(STATE.PRK, RDFS.label, Literal("North Korea", lang="en"), STATES_GRAPH),
     "its English short name as a plain string", ()),
    ("state without ISO code", drop(STATE.KOR, KGO.isoCode, STATES_GRAPH), "exactly one kgo:isoCode", ()),
    ("state ISO code not that of its IRI",
     at(set_(STATE.PRK, KGO.isoCode, Literal("KOR"), STATES_GRAPH), None),
     "must end with its kgo:isoCode", ()),
    ("state IRI outside state:", rename(STATE.JPN, KGR["state-jpn"], STATES_GRAPH),
     "state: followed by its ISO 3166-1 alpha-3 code", ("must end with its kgo:isoCode",)),
    ("state matched to a non-Wikidata IRI",
     set_(STATE.USA, SKOS.exactMatch, URIRef("https://example.org/usa"), STATES_GRAPH),
     "a Wikidata item", ()),
    ("weapon without class", drop(HWASONG_15, KGO.weaponClass, WEAPONS_GRAPH),
     "exactly one kgo:weaponClass", ()),
    ("weapon class outside the scheme",
     set_(B1B, KGO.weaponClass, KGR["class-bomber"], WEAPONS_GRAPH), IN_SCHEME, ()),
    ("weapon operated by a place", set_(B1B, KGO.operator, WONSAN, WEAPONS_GRAPH),
     "kgo:operator, a kgo:State", ()),
    ("weapon with two labels", add(BALLISTIC, RDFS.label, Literal("missile"), WEAPONS_GRAPH),
     "exactly one rdfs:label", ()),
]  # fmt: skip


@pytest.mark.parametrize(
    ("change", "message", "others"), [row[1:] for row in BROKEN], ids=[row[0] for row in BROKEN]
)
def test_broken_variant_does_not_conform(change: Change, message: str, others: tuple[str, ...]) -> None:
    ds = build_dataset()
    change.apply(ds)
    result = validate(ds)
    assert not result.conforms
    focus = change.focus.n3() if isinstance(change.focus, BNode) else str(change.focus)
    path = str(change.path) if change.path is not None else None
    named = [v for v in result.violations if (v.focus_node, v.path) == (focus, path) and message in v.message]
    assert named, _messages(result)
    # no other rule is reported than the ones the change breaks, and each of those is
    expected = (message, *others)
    assert all(any(part in v.message for part in expected) for v in result.violations), _messages(result)
    assert all(any(part in v.message for v in result.violations) for part in others), _messages(result)
    assert {v.severity for v in result.violations} == {"Violation"}
