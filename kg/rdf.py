"""Records -> triples with provenance (pure). The `rdf` arrow of the pipeline.

    read articles -> nlp -> extract -> normalize -> rdf -> store

`article_graph` turns one `Extraction` into what that article contributes: the triples of its
own named graph (the article, its mentions, its events) and the nodes it shares with other
articles (the places its events name, the run that produced it), for the Places and Runs
graphs. `reference_graphs` turns the lexicon into the shared States and Weapons graphs. Both
give plain lists of rdflib triples in a deterministic order; the store converts them.

Why shared nodes have graphs of their own (ONTOLOGY.md: "Shared nodes ... live in their own
graphs"): a triple kept in k article graphs is matched k times in the union default graph
(Oxigraph does not remove the duplicates), so `?launch kgo:site/rdfs:label ?site` would give
one row per article that names the place.

Data IRIs are minted from stable keys (ONTOLOGY.md): slugs of names, and SHA-1 prefixes of
article id + offsets + event fields. Never a counter, a clock or a uuid, so building the same
input twice gives the same graph. The IRIs' bases come from `kg.namespaces`.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.lexicon import Lexicon, load_lexicon
from kg.models import (
    Article,
    Event,
    EventType,
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

Triple = tuple[URIRef, URIRef, Node]

RUN_LABEL = "kg extraction run"

_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]+$")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_ISO3 = re.compile(r"^[A-Z]{3}$")

_FACTUALITY: dict[Factuality, URIRef] = {
    Factuality.ASSERTED: KGO.Asserted,
    Factuality.CLAIMED: KGO.Claimed,
    Factuality.EXPECTED: KGO.Expected,
    Factuality.NEGATED: KGO.Negated,
}
_OUTCOME: dict[Outcome, URIRef] = {
    Outcome.SUCCESS: KGO.Success,
    Outcome.FAILURE: KGO.Failure,
    Outcome.UNKNOWN: KGO.UnknownOutcome,
}
_EVENT_CLASS: dict[EventType, URIRef] = {
    EventType.LAUNCH: KGO.Launch,
    EventType.EXERCISE: KGO.Exercise,
    EventType.TREATY: KGO.Treaty,
}
_DATE_TYPE: dict[str, URIRef] = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


# --- IRIs -------------------------------------------------------------------------------


def slug(text: str) -> str:
    """Lower-case, runs of anything but [a-z0-9] -> '-', stripped: 'F/A-18E/F' -> 'f-a-18e-f'.

    Accented letters are first folded to ASCII ('Côte' -> 'cote'). A text with no ASCII
    letter or digit at all (say, Hangul) gets 'x' + 8 hex of its SHA-1, never an empty slug.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    out = _NOT_SLUG.sub("-", folded.lower()).strip("-")
    return out or "x" + _sha1(text)[:8]


def article_iri(article_id: str) -> URIRef:
    """kgr:article-<id> for a file-name-like id, else kgr:article-<slug>-<8 hex of sha1(id)>."""
    if _SAFE_ID.match(article_id):
        return KGR[f"article-{article_id}"]
    return KGR[f"article-{slug(article_id)}-{_sha1(article_id)[:8]}"]


def mention_iri(article_id: str, start: int, end: int) -> URIRef:
    """kgr:mention-<12 hex of sha1('{article_id}|{start}|{end}')>."""
    return KGR["mention-" + _sha1(f"{article_id}|{start}|{end}")[:12]]


def state_iri(iso3: str) -> URIRef:
    """state:PRK. ValueError if `iso3` is not three capital letters."""
    if not _ISO3.match(iso3):
        raise ValueError(f"not an ISO 3166-1 alpha-3 code: {iso3!r}")
    return STATE[iso3]


def weapon_iri(name: str) -> URIRef:
    """kgr:weapon-<slug(name)>: a named weapon, or a generic one named by its class label."""
    return KGR["weapon-" + slug(name)]


def place_iri(label: str) -> URIRef:
    """kgr:place-<slug(label)>."""
    return KGR["place-" + slug(label)]


def run_iri(run: RunInfo) -> URIRef:
    """kgr:run-<12 hex of sha1 over the RunInfo fields>."""
    key = "|".join(
        (run.rules_version, run.lexicon_version, run.model_name, run.model_version, run.kg_version)
    )
    return KGR["run-" + _sha1(key)[:12]]


#: The layout of what `content_hash` hashes; change it when that list changes, so that every
#: stored article is read again.
CONTENT_HASH_SCHEME = "kg-article-1"


def content_hash(article: Article, run: RunInfo) -> str:
    """SHA-256 (64 hex digits) of everything an article's graph is made from: the article's id,
    text, dateline, source, headline and web address, and the extraction that reads it (the
    rules, lexicon, model and kg versions: every field of `run`, as its run node records them).

    Stored on the article node (kgo:contentHash); `kg build` skips an article whose stored hash
    equals this one, since building it again would give the same graph. Where it was read from
    (`path`, `body_line`) is left out: moving a file changes nothing in the graph.
    """
    fields = [
        CONTENT_HASH_SCHEME,
        article.id,
        article.body,
        article.date.isoformat() if article.date else None,
        article.source,
        article.title,
        article.url,
        run.rules_version,
        run.lexicon_version,
        run.model_name,
        run.model_version,
        run.kg_version,
    ]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


def class_iri(label: str, lexicon: Lexicon | None = None) -> URIRef:
    """The kgo: concept of a weapon-class label ('ballistic missile' -> kgo:BallisticMissile).

    ValueError for a label that is not in weapon_classes.tsv.
    """
    classes = (lexicon or load_lexicon()).classes
    if label not in classes:
        raise ValueError(f"unknown weapon class {label!r}; use a label of weapon_classes.tsv")
    iri: URIRef = KGO[classes[label].concept]
    return iri


def event_key(article_id: str, event: Event) -> str:
    """The stable key an event IRI is hashed from (without the occurrence suffix)."""
    first = event.evidence[0] if event.evidence else None
    parts: list[str] = [
        article_id,
        event.type.value,
        str(first.start) if first else "",
        str(first.end) if first else "",
        event.date.iso() if event.date else "",
    ]
    if isinstance(event, Launch):
        parts += [event.agent or "", event.weapon.name if event.weapon else ""]
    elif isinstance(event, Exercise):
        parts += [",".join(sorted(event.participants)), event.name or ""]
    else:
        parts += [",".join(sorted(event.signatories)), event.name or ""]
    return "|".join(parts)


def event_iri(article_id: str, event: Event, occurrence: int = 0) -> URIRef:
    """kgr:launch-<h> / kgr:exercise-<h> / kgr:treaty-<h>, h = 12 hex of sha1 over `event_key`.

    `occurrence` tells apart events of one article whose keys are equal (the n-th such event,
    counted in extraction order; 0 for the first), so they are not silently merged.
    """
    key = event_key(article_id, event)
    if occurrence:
        key += f"|#{occurrence}"
    return KGR[f"{event.type.value.lower()}-{_sha1(key)[:12]}"]


# --- literals ---------------------------------------------------------------------------


def date_literal(date: PartialDate) -> Literal:
    """xsd:date, xsd:gYearMonth or xsd:gYear, by the date's precision."""
    return Literal(date.iso(), datatype=_DATE_TYPE[date.precision])


def date_from_literal(literal: Literal) -> PartialDate:
    """The reverse of `date_literal` (also accepts an xsd:dateTime, cut to the day).

    ValueError for a literal of another datatype or an unparseable value.
    """
    text = str(literal).strip()
    datatype = literal.datatype
    if datatype == XSD.dateTime:
        text, datatype = text[:10], XSD.date
    expected = {XSD.date: 10, XSD.gYearMonth: 7, XSD.gYear: 4}
    if datatype not in expected:
        raise ValueError(f"not a date literal (xsd:date, xsd:gYearMonth or xsd:gYear): {literal!r}")
    # drop a timezone suffix ('2017Z', '2017-03+09:00'): the date itself is what is compared
    return PartialDate.from_iso(text[: expected[datatype]])


def confidence_literal(confidence: float) -> Literal:
    """xsd:decimal rounded half-up to two places, in the canonical form the store keeps ('0.9')."""
    rounded = Decimal(str(confidence)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return Literal(Decimal(format(rounded.normalize(), "f")), datatype=XSD.decimal)


# --- article graph ----------------------------------------------------------------------


class _Triples:
    """An insertion-ordered set of triples."""

    def __init__(self) -> None:
        self._seen: dict[Triple, None] = {}

    def add(self, s: URIRef, p: URIRef, o: Node) -> None:
        self._seen.setdefault((s, p, o), None)

    def as_list(self) -> list[Triple]:
        return list(self._seen)


@dataclass(frozen=True, slots=True)
class ArticleGraph:
    """What one article contributes to the dataset (from `article_graph`).

    `triples` is the article's own named graph, replaced as a whole when the article is read
    again. `shared` holds, by graph (PLACES_GRAPH, RUNS_GRAPH), the triples describing nodes
    that other articles may use too: they are added to those graphs, never replaced, and a
    node no article uses any more is removed after the build (`GraphStore.prune_shared`).
    """

    triples: list[Triple]
    shared: dict[URIRef, list[Triple]] = field(default_factory=dict)


def _run_triples(out: _Triples, run: RunInfo) -> URIRef:
    node = run_iri(run)
    out.add(node, RDF.type, PROV.Activity)
    out.add(node, RDFS.label, Literal(RUN_LABEL))
    for prop, value in (
        (KGO.rulesVersion, run.rules_version),
        (KGO.lexiconVersion, run.lexicon_version),
        (KGO.modelName, run.model_name),
        (KGO.modelVersion, run.model_version),
        (KGO.softwareVersion, run.kg_version),
    ):
        if value:
            out.add(node, prop, Literal(value))
    return node


def _weapon_node(out: _Triples, ref: WeaponRef, lexicon: Lexicon) -> URIRef:
    """The weapon's IRI; a weapon the shared Weapons graph lacks is described here."""
    node = weapon_iri(ref.name)
    known = ref.name in lexicon.weapons or (ref.generic and ref.name in lexicon.classes)
    if not known:
        out.add(node, RDF.type, KGO.Weapon)
        out.add(node, RDFS.label, Literal(ref.name))
        if ref.weapon_class is not None:
            out.add(node, KGO.weaponClass, class_iri(ref.weapon_class, lexicon))
        if ref.operator is not None:
            out.add(node, KGO.operator, state_iri(ref.operator))
    return node


def _common(out: _Triples, node: URIRef, event: Event, article_id: str, run: URIRef) -> None:
    if event.date is not None:
        out.add(node, KGO.date, date_literal(event.date))
    out.add(node, KGO.factuality, _FACTUALITY[event.factuality])
    out.add(node, KGO.confidence, confidence_literal(event.confidence))
    for mention in event.evidence:
        out.add(node, PROV.wasDerivedFrom, mention_iri(article_id, mention.start, mention.end))
    out.add(node, PROV.wasGeneratedBy, run)


def _event_triples(
    out: _Triples,
    places: _Triples,
    node: URIRef,
    event: Event,
    article_id: str,
    run: URIRef,
    lexicon: Lexicon,
) -> None:
    out.add(node, RDF.type, _EVENT_CLASS[event.type])
    out.add(node, RDF.type, KGO.Event)
    if isinstance(event, Launch):
        if event.agent is not None:
            out.add(node, KGO.agent, state_iri(event.agent))
        if event.weapon is not None:
            out.add(node, KGO.weapon, _weapon_node(out, event.weapon, lexicon))
        label = event.weapon_class or (event.weapon.weapon_class if event.weapon else None)
        if label is not None:
            out.add(node, KGO.weaponClass, class_iri(label, lexicon))
        if event.site is not None:
            place = place_iri(event.site)
            places.add(place, RDF.type, KGO.Place)
            places.add(place, RDFS.label, Literal(event.site))
            out.add(node, KGO.site, place)
        out.add(node, KGO.outcome, _OUTCOME[event.outcome])
        if event.count is not None:
            out.add(node, KGO.count, Literal(event.count))
    elif isinstance(event, Exercise):
        for code in event.participants:
            out.add(node, KGO.participant, state_iri(code))
        if event.name:
            out.add(node, RDFS.label, Literal(event.name))
        for ref in event.weapons:
            out.add(node, KGO.weapon, _weapon_node(out, ref, lexicon))
    elif isinstance(event, Treaty):
        for code in event.signatories:
            out.add(node, KGO.signatory, state_iri(code))
        if event.name:
            out.add(node, RDFS.label, Literal(event.name))
    _common(out, node, event, article_id, run)


def _mention_triples(out: _Triples, mention: Mention, article_id: str, article: URIRef) -> None:
    node = mention_iri(article_id, mention.start, mention.end)
    out.add(node, RDF.type, KGO.Mention)
    out.add(node, KGO.text, Literal(mention.text))
    out.add(node, KGO.start, Literal(mention.start))
    out.add(node, KGO.end, Literal(mention.end))
    out.add(node, DCTERMS.isPartOf, article)
    for code in mention.states:
        out.add(node, KGO.mentions, state_iri(code))
    for name in mention.weapons:
        out.add(node, KGO.mentions, weapon_iri(name))


def _all_mentions(extraction: Extraction) -> list[Mention]:
    """Extraction.mentions and every event's evidence, once per (start, end), by offset."""
    by_span: dict[tuple[int, int], Mention] = {}
    merged: dict[tuple[int, int], tuple[set[str], set[str]]] = {}
    for mention in (*extraction.mentions, *(m for e in extraction.events for m in e.evidence)):
        span = (mention.start, mention.end)
        by_span.setdefault(span, mention)
        states, weapons = merged.setdefault(span, (set(), set()))
        states.update(mention.states)
        weapons.update(mention.weapons)
    out = []
    for span in sorted(by_span):
        states, weapons = merged[span]
        first = by_span[span]
        out.append(Mention(first.start, first.end, first.text, tuple(sorted(states)), tuple(sorted(weapons))))
    return out


def event_iris(article_id: str, events: Sequence[Event]) -> list[URIRef]:
    """The IRI of each event of one article, in order; equal keys get distinct occurrences."""
    seen: dict[str, int] = {}
    iris = []
    for event in events:
        key = event_key(article_id, event)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        iris.append(event_iri(article_id, event, occurrence))
    return iris


def article_graph(extraction: Extraction, run: RunInfo, *, lexicon: Lexicon | None = None) -> ArticleGraph:
    """The article's named graph and the shared nodes it uses, each in a deterministic order
    without duplicates.

    Article graph order: the article (with its `content_hash`, unless sentences were left out
    of the extraction), its mentions (by offset), then each event (with any weapon the lexicon
    lacks) in extraction order. Shared: the run's description (RUNS_GRAPH)
    and the events' places (PLACES_GRAPH), graphs without triples left out.
    """
    lex = lexicon or load_lexicon()
    article = extraction.article
    out, runs, places = _Triples(), _Triples(), _Triples()
    activity = _run_triples(runs, run)

    node = article_iri(article.id)
    out.add(node, RDF.type, KGO.Article)
    out.add(node, DCTERMS.identifier, Literal(article.id))
    if article.date is not None:
        out.add(node, DCTERMS.date, Literal(article.date.isoformat(), datatype=XSD.date))
    if article.source:
        out.add(node, DCTERMS.source, Literal(article.source))
    if article.title:
        out.add(node, DCTERMS.title, Literal(article.title))
    if article.url:
        out.add(node, KGO.url, URIRef(article.url))
    if not (
        extraction.left_out or extraction.failed
    ):  # else read again, and its left-out sentences reported, each build
        out.add(node, KGO.contentHash, Literal(content_hash(article, run)))
    out.add(node, PROV.wasGeneratedBy, activity)

    for mention in _all_mentions(extraction):
        _mention_triples(out, mention, article.id, node)
    for event, iri in zip(extraction.events, event_iris(article.id, extraction.events), strict=True):
        _event_triples(out, places, iri, event, article.id, activity, lex)
    shared = {RUNS_GRAPH: runs.as_list(), PLACES_GRAPH: places.as_list()}
    return ArticleGraph(out.as_list(), {graph: triples for graph, triples in shared.items() if triples})


# --- shared graphs ----------------------------------------------------------------------


def _check_unique_slugs(names: Iterable[str]) -> None:
    seen: dict[str, str] = {}
    for name in names:
        key = slug(name)
        if key in seen and seen[key] != name:
            raise ValueError(f"weapon names {seen[key]!r} and {name!r} both mint kgr:weapon-{key}")
        seen[key] = name


def reference_graphs(lexicon: Lexicon) -> dict[URIRef, list[Triple]]:
    """The States graph (every row of states.tsv) and the Weapons graph (named + generic).

    ValueError if two different weapon names (or class labels) would mint the same IRI.
    """
    _check_unique_slugs([*lexicon.weapons, *lexicon.classes])

    states = _Triples()
    for code in sorted(lexicon.states):
        entry = lexicon.states[code]
        node = state_iri(code)
        states.add(node, RDF.type, KGO.State)
        states.add(node, RDFS.label, Literal(entry.name))
        states.add(node, KGO.isoCode, Literal(code))
        for alt in sorted({*entry.aliases, entry.official_name} - {entry.name, ""}):
            states.add(node, SKOS.altLabel, Literal(alt))
        if entry.wikidata:
            states.add(node, SKOS.exactMatch, WD[entry.wikidata])

    weapons = _Triples()
    for name, weapon in lexicon.weapons.items():
        node = weapon_iri(name)
        weapons.add(node, RDF.type, KGO.Weapon)
        weapons.add(node, RDFS.label, Literal(name))
        weapons.add(node, KGO.weaponClass, class_iri(weapon.weapon_class, lexicon))
        if weapon.operator:
            weapons.add(node, KGO.operator, state_iri(weapon.operator))
        for alt in sorted(set(weapon.aliases) - {name}):
            weapons.add(node, SKOS.altLabel, Literal(alt))
        if weapon.wikidata:
            weapons.add(node, SKOS.exactMatch, WD[weapon.wikidata])
    for label, wc in lexicon.classes.items():
        node = weapon_iri(label)
        weapons.add(node, RDF.type, KGO.Weapon)
        weapons.add(node, RDFS.label, Literal(label))
        weapons.add(node, KGO.weaponClass, KGO[wc.concept])

    return {STATES_GRAPH: states.as_list(), WEAPONS_GRAPH: weapons.as_list()}
