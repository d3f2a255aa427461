"""kg.rdf: IRIs, the triples of one article, the shared States and Weapons graphs (pure)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Literal, URIRef
from rdflib.term import Node

from kg import rdf
from kg.lexicon import load_lexicon
from kg.models import (
    Article,
    Exercise,
    Extraction,
    Factuality,
    Launch,
    Mention,
    Outcome,
    PartialDate,
    RunInfo,
    Treaty,
    WeaponRef,
)
from kg.namespaces import (
    DCTERMS,
    KGO,
    KGR,
    PLACES_GRAPH,
    PROV,
    RDF,
    RDFS,
    RUNS_GRAPH,
    SKOS,
    STATE,
    STATES_GRAPH,
    WD,
    WEAPONS_GRAPH,
    XSD,
)
from kg.rdf import Triple

SENTENCES = (
    "North Korea fired a missile from Wonsan on Wednesday, but it failed.",
    "The U.S. and South Korea held Foal Eagle drills with B-1B bombers.",
    "The two Koreas signed the armistice in 1953.",
)
BODY = " ".join(SENTENCES)


def _sentence(n: int) -> tuple[int, int, str]:
    start = BODY.index(SENTENCES[n])
    return start, start + len(SENTENCES[n]), SENTENCES[n]


M1 = Mention(*_sentence(0), states=("PRK",), weapons=("missile",))
M2 = Mention(*_sentence(1), states=("USA", "KOR"), weapons=("B-1B",))
M3 = Mention(*_sentence(2), states=("PRK", "KOR"))

LAUNCH = Launch(
    agent="PRK",
    weapon=WeaponRef("missile", "missile", generic=True),
    date=PartialDate(2017, 3, 22),
    site="Wonsan",
    outcome=Outcome.FAILURE,
    count=1,
    factuality=Factuality.ASSERTED,
    confidence=0.9,
    evidence=(M1,),
)
EXERCISE = Exercise(
    participants=("USA", "KOR"),
    date=PartialDate(2017, 3),
    name="Foal Eagle",
    weapons=(WeaponRef("B-1B", "bomber", operator="USA"),),
    factuality=Factuality.CLAIMED,
    confidence=0.8,
    evidence=(M2,),
)
TREATY = Treaty(
    signatories=("PRK", "KOR"),
    date=PartialDate(1953),
    name="Korean Armistice Agreement",
    confidence=0.756,
    evidence=(M3,),
)
ARTICLE = Article(id="2017-03-22_wonsan", body=BODY, date=dt.date(2017, 3, 22), source="Reuters")
EXTRACTION = Extraction(article=ARTICLE, mentions=(M1, M2), events=(LAUNCH, EXERCISE, TREATY), sentences=3)
RUN = RunInfo("rules-1", "lexhash", "en_core_web_sm", "3.8.0", "0.1.0")


def _sha(text: str, n: int) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:n]


def contributed(extraction: Extraction, run: RunInfo = RUN) -> list[Triple]:
    """Everything one article contributes: its own graph, then the shared nodes it uses."""
    graph = rdf.article_graph(extraction, run)
    return [*graph.triples, *(t for shared in graph.shared.values() for t in shared)]


@pytest.fixture(scope="module")
def triples() -> list[Triple]:
    return contributed(EXTRACTION)


def objects(triples: list[Triple], s: URIRef, p: URIRef) -> set[Node]:
    return {o for (s2, p2, o) in triples if s2 == s and p2 == p}


# --- IRIs -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("B-1B", "b-1b"),
        ("USS Theodore Roosevelt", "uss-theodore-roosevelt"),
        ("F/A-18E/F Super Hornet", "f-a-18e-f-super-hornet"),
        ("Liaoning (CV-16)", "liaoning-cv-16"),
        ("ballistic missile", "ballistic-missile"),
        ("  --Wonsan--  ", "wonsan"),
        ("Hwasong-11Da-4.5", "hwasong-11da-4-5"),
        ("Côte d'Ivoire", "cote-d-ivoire"),
    ],
)
def test_slug(text: str, expected: str) -> None:
    assert rdf.slug(text) == expected


def test_slug_never_empty() -> None:
    assert rdf.slug("화성") == "x" + _sha("화성", 8)
    assert rdf.slug("화성") != rdf.slug("동창리")


@given(st.text())
def test_slug_is_iri_safe(text: str) -> None:
    out = rdf.slug(text)
    assert out
    assert all(c in "abcdefghijklmnopqrstuvwxyz0123456789-" for c in out)
    assert not out.startswith("-")
    assert not out.endswith("-")


def test_article_iri() -> None:
    assert rdf.article_iri("2017-03-22_wonsan") == KGR["article-2017-03-22_wonsan"]
    assert rdf.article_iri("a.b-c_1") == URIRef("https://w3id.org/kgnews/resource/article-a.b-c_1")
    odd = "Wonsan launch/2017 #1"
    assert rdf.article_iri(odd) == KGR[f"article-wonsan-launch-2017-1-{_sha(odd, 8)}"]


def test_simple_iris() -> None:
    assert rdf.mention_iri("a1", 0, 10) == KGR["mention-" + _sha("a1|0|10", 12)]
    assert rdf.state_iri("PRK") == STATE.PRK == URIRef("https://w3id.org/kgnews/state/PRK")
    assert rdf.weapon_iri("B-1B") == KGR["weapon-b-1b"]
    assert rdf.weapon_iri("ballistic missile") == KGR["weapon-ballistic-missile"]
    assert rdf.place_iri("Wonsan") == KGR["place-wonsan"]
    assert rdf.class_iri("short-range ballistic missile") == KGO.ShortRangeBallisticMissile
    key = "rules-1|lexhash|en_core_web_sm|3.8.0|0.1.0"
    assert rdf.run_iri(RUN) == KGR["run-" + _sha(key, 12)]
    with pytest.raises(ValueError, match="alpha-3"):
        rdf.state_iri("prk")
    with pytest.raises(ValueError, match="weapon class"):
        rdf.class_iri("laser")


def test_event_iris_are_typed_stable_and_distinct() -> None:
    launch = rdf.event_iri("a1", LAUNCH)
    key = f"a1|Launch|{M1.start}|{M1.end}|2017-03-22|PRK|missile"
    assert launch == KGR["launch-" + _sha(key, 12)]
    assert str(rdf.event_iri("a1", EXERCISE)).startswith(str(KGR["exercise-"]))
    assert str(rdf.event_iri("a1", TREATY)).startswith(str(KGR["treaty-"]))
    assert rdf.event_iri("a1", LAUNCH) == launch
    assert rdf.event_iri("a2", LAUNCH) != launch
    # confidence, factuality and outcome are not part of an event's identity
    assert rdf.event_iri("a1", Launch("PRK", LAUNCH.weapon, date=LAUNCH.date, evidence=(M1,))) == launch
    assert (
        rdf.event_iri("a1", Launch("PRK", LAUNCH.weapon, date=PartialDate(2017, 3), evidence=(M1,))) != launch
    )


def test_equal_keys_get_distinct_iris() -> None:
    twin = Extraction(ARTICLE, events=(LAUNCH, LAUNCH))
    first, second = rdf.event_iris(ARTICLE.id, twin.events)
    assert first == rdf.event_iri(ARTICLE.id, LAUNCH)
    assert second != first
    launches = {s for s, p, o in contributed(twin) if p == RDF.type and o == KGO.Launch}
    assert launches == {first, second}


# --- literals ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "lexical", "datatype"),
    [
        (PartialDate(2017, 3, 22), "2017-03-22", XSD.date),
        (PartialDate(2017, 3), "2017-03", XSD.gYearMonth),
        (PartialDate(1953), "1953", XSD.gYear),
    ],
)
def test_dates_typed_by_precision(date: PartialDate, lexical: str, datatype: URIRef) -> None:
    literal = rdf.date_literal(date)
    assert (str(literal), literal.datatype) == (lexical, datatype)
    assert rdf.date_from_literal(literal) == date


def test_date_from_literal_edges() -> None:
    assert rdf.date_from_literal(Literal("2017-03-22T10:00:00", datatype=XSD.dateTime)) == PartialDate(
        2017, 3, 22
    )
    assert rdf.date_from_literal(Literal("2017Z", datatype=XSD.gYear)) == PartialDate(2017)
    with pytest.raises(ValueError, match="not a date literal"):
        rdf.date_from_literal(Literal("2017"))


@given(st.dates(min_value=dt.date(1000, 1, 1)), st.sampled_from(["day", "month", "year"]))
def test_date_round_trip(day: dt.date, precision: str) -> None:
    date = PartialDate.of(day).truncate(precision)
    assert rdf.date_from_literal(rdf.date_literal(date)) == date


@pytest.mark.parametrize(
    ("value", "lexical"),
    [(0.9, "0.9"), (0.756, "0.76"), (0.125, "0.13"), (1.0, "1"), (0.0, "0"), (0.5, "0.5")],
)
def test_confidence_decimal(value: float, lexical: str) -> None:
    literal = rdf.confidence_literal(value)
    assert (str(literal), literal.datatype) == (lexical, XSD.decimal)


# --- the article graph ------------------------------------------------------------------


def test_article_and_run(triples: list[Triple]) -> None:
    article = KGR["article-2017-03-22_wonsan"]
    run = rdf.run_iri(RUN)
    assert objects(triples, article, RDF.type) == {KGO.Article}
    assert objects(triples, article, DCTERMS.identifier) == {Literal("2017-03-22_wonsan")}
    assert objects(triples, article, DCTERMS.date) == {Literal("2017-03-22", datatype=XSD.date)}
    assert objects(triples, article, DCTERMS.source) == {Literal("Reuters")}
    assert objects(triples, article, PROV.wasGeneratedBy) == {run}
    assert objects(triples, run, RDF.type) == {PROV.Activity}
    assert objects(triples, run, RDFS.label) == {Literal("kg extraction run")}
    assert objects(triples, run, KGO.rulesVersion) == {Literal("rules-1")}
    assert objects(triples, run, KGO.lexiconVersion) == {Literal("lexhash")}
    assert objects(triples, run, KGO.modelName) == {Literal("en_core_web_sm")}
    assert objects(triples, run, KGO.modelVersion) == {Literal("3.8.0")}
    assert objects(triples, run, KGO.softwareVersion) == {Literal("0.1.0")}


def test_launch(triples: list[Triple]) -> None:
    launch = rdf.event_iri(ARTICLE.id, LAUNCH)
    expected = {
        (RDF.type, KGO.Launch),
        (RDF.type, KGO.Event),
        (KGO.agent, STATE.PRK),
        (KGO.weapon, KGR["weapon-missile"]),
        (KGO.weaponClass, KGO.Missile),
        (KGO.date, Literal("2017-03-22", datatype=XSD.date)),
        (KGO.site, KGR["place-wonsan"]),
        (KGO.outcome, KGO.Failure),
        (KGO.count, Literal(1)),
        (KGO.factuality, KGO.Asserted),
        (KGO.confidence, Literal(Decimal("0.9"))),
        (PROV.wasDerivedFrom, rdf.mention_iri(ARTICLE.id, M1.start, M1.end)),
        (PROV.wasGeneratedBy, rdf.run_iri(RUN)),
    }
    assert {(p, o) for s, p, o in triples if s == launch} == expected
    assert objects(triples, KGR["place-wonsan"], RDF.type) == {KGO.Place}
    assert objects(triples, KGR["place-wonsan"], RDFS.label) == {Literal("Wonsan")}
    assert objects(triples, KGR["place-wonsan"], KGO.locatedIn) == set()
    # the generic weapon lives in the shared Weapons graph, not in the article graph
    assert objects(triples, KGR["weapon-missile"], RDF.type) == set()


def test_launch_weapon_class_from_report_or_catalogue() -> None:
    named = WeaponRef("Hwasong-14", "intercontinental ballistic missile", operator="PRK")
    as_reported = Launch("PRK", named, weapon_class="ballistic missile", evidence=(M1,))
    from_catalogue = Launch("PRK", named, evidence=(M1,))
    nothing = Launch(None, None, evidence=(M1,))
    for event, expected in (
        (as_reported, {KGO.BallisticMissile}),
        (from_catalogue, {KGO.IntercontinentalBallisticMissile}),
        (nothing, set()),
    ):
        out = contributed(Extraction(ARTICLE, events=(event,)))
        node = rdf.event_iri(ARTICLE.id, event)
        assert objects(out, node, KGO.weaponClass) == expected
        assert objects(out, node, KGO.outcome) == {KGO.UnknownOutcome}
        assert objects(out, node, KGO.count) == set()
        assert objects(out, node, KGO.agent) == ({STATE.PRK} if event.agent else set())


def test_weapon_unknown_to_the_lexicon_is_described_in_the_article() -> None:
    event = Launch("PRK", WeaponRef("Hwasong-99", "cruise missile", operator="PRK"), evidence=(M1,))
    out = contributed(Extraction(ARTICLE, events=(event,)))
    node = KGR["weapon-hwasong-99"]
    assert objects(out, node, RDF.type) == {KGO.Weapon}
    assert objects(out, node, RDFS.label) == {Literal("Hwasong-99")}
    assert objects(out, node, KGO.weaponClass) == {KGO.CruiseMissile}
    assert objects(out, node, KGO.operator) == {STATE.PRK}


def test_exercise(triples: list[Triple]) -> None:
    node = rdf.event_iri(ARTICLE.id, EXERCISE)
    expected = {
        (RDF.type, KGO.Exercise),
        (RDF.type, KGO.Event),
        (KGO.participant, STATE.USA),
        (KGO.participant, STATE.KOR),
        (KGO.date, Literal("2017-03", datatype=XSD.gYearMonth)),
        (RDFS.label, Literal("Foal Eagle")),
        (KGO.weapon, KGR["weapon-b-1b"]),
        (KGO.factuality, KGO.Claimed),
        (KGO.confidence, Literal(Decimal("0.8"))),
        (PROV.wasDerivedFrom, rdf.mention_iri(ARTICLE.id, M2.start, M2.end)),
        (PROV.wasGeneratedBy, rdf.run_iri(RUN)),
    }
    assert {(p, o) for s, p, o in triples if s == node} == expected


def test_treaty(triples: list[Triple]) -> None:
    node = rdf.event_iri(ARTICLE.id, TREATY)
    expected = {
        (RDF.type, KGO.Treaty),
        (RDF.type, KGO.Event),
        (KGO.signatory, STATE.PRK),
        (KGO.signatory, STATE.KOR),
        (KGO.date, Literal("1953", datatype=XSD.gYear)),
        (RDFS.label, Literal("Korean Armistice Agreement")),
        (KGO.factuality, KGO.Asserted),
        (KGO.confidence, Literal(Decimal("0.76"))),
        (PROV.wasDerivedFrom, rdf.mention_iri(ARTICLE.id, M3.start, M3.end)),
        (PROV.wasGeneratedBy, rdf.run_iri(RUN)),
    }
    assert {(p, o) for s, p, o in triples if s == node} == expected


def test_every_mention_written_once(triples: list[Triple]) -> None:
    mentions = {s for s, p, o in triples if p == RDF.type and o == KGO.Mention}
    # M1 and M2 come from Extraction.mentions and as evidence; M3 only as evidence
    assert mentions == {rdf.mention_iri(ARTICLE.id, m.start, m.end) for m in (M1, M2, M3)}
    article = rdf.article_iri(ARTICLE.id)
    for m in (M1, M2, M3):
        node = rdf.mention_iri(ARTICLE.id, m.start, m.end)
        assert node == KGR["mention-" + _sha(f"{ARTICLE.id}|{m.start}|{m.end}", 12)]
        assert BODY[m.start : m.end] == m.text
        assert objects(triples, node, KGO.text) == {Literal(m.text)}
        assert objects(triples, node, KGO.start) == {Literal(m.start, datatype=XSD.integer)}
        assert objects(triples, node, KGO.end) == {Literal(m.end, datatype=XSD.integer)}
        assert objects(triples, node, DCTERMS.isPartOf) == {article}
    m2 = rdf.mention_iri(ARTICLE.id, M2.start, M2.end)
    assert objects(triples, m2, KGO.mentions) == {STATE.USA, STATE.KOR, KGR["weapon-b-1b"]}
    m1 = rdf.mention_iri(ARTICLE.id, M1.start, M1.end)
    assert objects(triples, m1, KGO.mentions) == {STATE.PRK, KGR["weapon-missile"]}


def test_literals_are_plain_strings(triples: list[Triple]) -> None:
    plain = {RDFS.label, SKOS.altLabel, KGO.text, KGO.isoCode, DCTERMS.identifier, DCTERMS.source}
    for _, p, o in triples:
        if p in plain:
            assert isinstance(o, Literal)
            assert (o.language, o.datatype) == (None, None)


def test_deterministic(triples: list[Triple]) -> None:
    assert contributed(EXTRACTION) == triples
    assert rdf.article_graph(EXTRACTION, RUN) == rdf.article_graph(EXTRACTION, RUN)
    assert len(set(triples)) == len(triples)
    # the article graph starts with the article, then mentions in body order
    first = rdf.article_graph(EXTRACTION, RUN).triples[0]
    assert first == (rdf.article_iri(ARTICLE.id), RDF.type, KGO.Article)


def test_places_and_the_run_go_to_the_shared_graphs() -> None:
    graph = rdf.article_graph(EXTRACTION, RUN)
    assert set(graph.shared) == {PLACES_GRAPH, RUNS_GRAPH}
    assert {s for s, _, _ in graph.shared[PLACES_GRAPH]} == {KGR["place-wonsan"]}
    assert {s for s, _, _ in graph.shared[RUNS_GRAPH]} == {rdf.run_iri(RUN)}
    shared_nodes = {KGR["place-wonsan"], rdf.run_iri(RUN)}
    assert not any(s in shared_nodes for s, _, _ in graph.triples)
    # the article graph still points at them
    assert (rdf.article_iri(ARTICLE.id), PROV.wasGeneratedBy, rdf.run_iri(RUN)) in graph.triples
    assert any(p == KGO.site and o == KGR["place-wonsan"] for _, p, o in graph.triples)
    # an article without events names no place
    assert set(rdf.article_graph(Extraction(ARTICLE), RUN).shared) == {RUNS_GRAPH}


def test_article_without_dateline_or_source() -> None:
    bare = Extraction(Article(id="bare one", body="x"))
    out = contributed(bare, RunInfo("r", "l", "m", "v"))
    article = rdf.article_iri("bare one")
    assert objects(out, article, DCTERMS.date) == set()
    assert objects(out, article, DCTERMS.source) == set()
    assert objects(out, article, DCTERMS.identifier) == {Literal("bare one")}


# --- shared graphs ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def reference() -> dict[URIRef, list[Triple]]:
    return dict(rdf.reference_graphs(load_lexicon()))


def test_states_graph(reference: dict[URIRef, list[Triple]]) -> None:
    lexicon = load_lexicon()
    states = reference[STATES_GRAPH]
    nodes = {s for s, p, o in states if p == RDF.type and o == KGO.State}
    assert nodes == {STATE[code] for code in lexicon.states}
    assert len(nodes) == len(lexicon.states) == 197
    prk = lexicon.states["PRK"]
    assert objects(states, STATE.PRK, RDFS.label) == {Literal(prk.name)}
    assert objects(states, STATE.PRK, KGO.isoCode) == {Literal("PRK")}
    assert objects(states, STATE.PRK, SKOS.altLabel) == {
        Literal(a) for a in {*prk.aliases, prk.official_name} - {prk.name}
    }
    assert prk.wikidata is not None
    assert objects(states, STATE.PRK, SKOS.exactMatch) == {WD[prk.wikidata]}


def test_weapons_graph(reference: dict[URIRef, list[Triple]]) -> None:
    lexicon = load_lexicon()
    weapons = reference[WEAPONS_GRAPH]
    nodes = {s for s, p, o in weapons if p == RDF.type and o == KGO.Weapon}
    assert len(nodes) == len(lexicon.weapons) + len(lexicon.classes)
    b1b = KGR["weapon-b-1b"]
    assert objects(weapons, b1b, RDFS.label) == {Literal("B-1B")}
    assert objects(weapons, b1b, KGO.weaponClass) == {KGO.Bomber}
    assert objects(weapons, b1b, KGO.operator) == {STATE.USA}
    assert Literal("B-1B Lancer") in objects(weapons, b1b, SKOS.altLabel)
    generic = KGR["weapon-ballistic-missile"]
    assert objects(weapons, generic, RDFS.label) == {Literal("ballistic missile")}
    assert objects(weapons, generic, KGO.weaponClass) == {KGO.BallisticMissile}


def test_weapon_slugs_unique_over_the_lexicon() -> None:
    """Two different weapon names (or class labels) must never mint the same IRI."""
    lexicon = load_lexicon()
    names = [*lexicon.weapons, *lexicon.classes]
    by_slug: dict[str, list[str]] = {}
    for name in names:
        by_slug.setdefault(rdf.slug(name), []).append(name)
    clashes = {key: found for key, found in by_slug.items() if len(found) > 1}
    assert clashes == {}


def test_reference_graphs_reject_a_slug_clash() -> None:
    lexicon = load_lexicon()
    weapons = dict(lexicon.weapons)
    weapons["B 1B"] = weapons["B-1B"]
    clashing = dataclasses.replace(lexicon, weapons=weapons)
    with pytest.raises(ValueError, match="kgr:weapon-b-1b"):
        rdf.reference_graphs(clashing)


def test_reference_graphs_deterministic(reference: dict[URIRef, list[Triple]]) -> None:
    assert rdf.reference_graphs(load_lexicon()) == reference
