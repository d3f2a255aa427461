"""Graph rows -> networkx graphs: the projection behind `kg view`, `kg analyze` and GraphML/GEXF.

    ... -> store -> query (named queries) -> network (rows -> records -> networkx) -> view / analyze

The rows come from SPARQL over the ontology contract, four named queries:

    network-edges.rq    event -> agent, participant, signatory, weapon, site;
                        weapon -> operator; place -> locatedIn (the links of the events network)
    events.rq           every event in one row: type, date, factuality, confidence, names
    event-sources.rq    the sentences of each event, with article id, dateline and offsets
    launch-mentions.rq  states named in the sentences of another state's launch

so a graph written by another tool that follows the ontology can be drawn and measured too.
`read_rows` runs them (the one function here that touches a store); everything else is pure:
rows -> frozen records (`NetworkRows`) -> `events_graph` (a MultiDiGraph of States, Launches,
Exercises, Treaties, Weapons and Places, one edge per contract property) or `actors_graph`
(a Graph of States, one edge per pair, typed and weighted by the events they share).
`write_network` writes either as GraphML or GEXF (dynamic, with event dates).

Both graphs hold the events of a factuality selection only (`select_events`; by default
kg.factualities.REPORTED, the events that happened), so the view, `kg analyze`, the GraphML and
the named queries count the same events.
"""

from __future__ import annotations

import calendar
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import IO, TYPE_CHECKING, Any, Literal, Protocol

import networkx as nx

from kg.errors import KgError
from kg.factualities import REPORTED, counts, describe
from kg.models import Factuality, Outcome, PartialDate
from kg.namespaces import KGO

if TYPE_CHECKING:
    from kg.store import OxTerm, QueryResult

NetworkMode = Literal["events", "actors"]
NETWORK_MODES: tuple[NetworkMode, ...] = ("events", "actors")
GRAPH_FORMATS: tuple[str, ...] = ("graphml", "gexf")
DEFAULT_MAX_NODES = 1500


class NodeClass(StrEnum):
    """The ontology classes drawn as nodes."""

    STATE = "State"
    LAUNCH = "Launch"
    EXERCISE = "Exercise"
    TREATY = "Treaty"
    WEAPON = "Weapon"
    PLACE = "Place"


EVENT_CLASSES = (NodeClass.LAUNCH, NodeClass.EXERCISE, NodeClass.TREATY)


class Relation(StrEnum):
    """How two states are linked in the actors network."""

    EXERCISE = "exercise"  # took part in the same exercise
    TREATY = "treaty"  # parties to the same treaty
    LAUNCH_MENTION = "launch_mention"  # named in the sentences that report the other's launch


RELATION_LABELS = {
    Relation.EXERCISE: "shared exercise",
    Relation.TREATY: "shared treaty",
    Relation.LAUNCH_MENTION: "named in a launch report",
}

_FACTUALITY = {
    str(KGO.Asserted): Factuality.ASSERTED,
    str(KGO.Claimed): Factuality.CLAIMED,
    str(KGO.Expected): Factuality.EXPECTED,
    str(KGO.Negated): Factuality.NEGATED,
}
_OUTCOME = {
    str(KGO.Success): Outcome.SUCCESS,
    str(KGO.Failure): Outcome.FAILURE,
    str(KGO.UnknownOutcome): Outcome.UNKNOWN,
}
_CLASS = {
    str(KGO.State): NodeClass.STATE,
    str(KGO.Launch): NodeClass.LAUNCH,
    str(KGO.Exercise): NodeClass.EXERCISE,
    str(KGO.Treaty): NodeClass.TREATY,
    str(KGO.Weapon): NodeClass.WEAPON,
    str(KGO.Place): NodeClass.PLACE,
}


# --- records ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Link:
    """One row of network-edges.rq: a contract property between two drawn nodes."""

    source: str  # IRI
    source_class: NodeClass
    source_label: str | None
    prop: str  # the property's local name: agent, participant, signatory, weapon, site, operator, locatedIn
    target: str
    target_class: NodeClass
    target_label: str | None
    target_code: str | None = None  # ISO code when the target is a State


@dataclass(frozen=True, slots=True)
class EventInfo:
    """One row of events.rq: an event and its properties."""

    iri: str
    type: NodeClass  # Launch, Exercise or Treaty
    article: str
    date: PartialDate | None = None
    agent: str | None = None  # ISO code
    actors: tuple[str, ...] = ()  # participants or signatories, ISO codes
    weapon: str | None = None
    weapon_class: str | None = None
    site: str | None = None
    outcome: Outcome | None = None
    count: int | None = None
    factuality: Factuality | None = None
    confidence: float | None = None
    name: str | None = None

    @property
    def states(self) -> tuple[str, ...]:
        """Every state the event involves (agent, participants, signatories), sorted."""
        return tuple(sorted({*self.actors, *([self.agent] if self.agent else [])}))


@dataclass(frozen=True, slots=True)
class Source:
    """One row of event-sources.rq: a sentence an event was drawn from."""

    event: str
    article: str
    article_date: str | None
    start: int | None
    end: int | None
    sentence: str


@dataclass(frozen=True, slots=True)
class LaunchMention:
    """One row of launch-mentions.rq: a state named in the sentences of another state's launch."""

    launch: str
    agent: str  # ISO code of the launching state
    state: str  # ISO code of the state named
    state_label: str | None = None
    sentences: int = 1


@dataclass(frozen=True, slots=True)
class NetworkRows:
    """What the network views are built from: the four queries' rows as records."""

    links: tuple[Link, ...] = ()
    events: tuple[EventInfo, ...] = ()
    sources: tuple[Source, ...] = ()
    mentions: tuple[LaunchMention, ...] = ()

    def event_table(self) -> dict[str, EventInfo]:
        """Events by IRI (the first row of an IRI wins)."""
        table: dict[str, EventInfo] = {}
        for event in self.events:
            table.setdefault(event.iri, event)
        return table

    def sources_by_event(self) -> dict[str, list[Source]]:
        """Each event's sentences, in query order (event, article, offsets)."""
        out: dict[str, list[Source]] = defaultdict(list)
        for source in self.sources:
            out[source.event].append(source)
        return dict(out)

    def state_labels(self) -> dict[str, str]:
        """ISO code -> English short name, for every state the rows name."""
        labels: dict[str, str] = {}
        for link in self.links:
            if link.target_code and link.target_label:
                labels.setdefault(link.target_code, link.target_label)
        for mention in self.mentions:
            if mention.state_label:
                labels.setdefault(mention.state, mention.state_label)
        return labels


# --- rows -> records --------------------------------------------------------------------


def _rows(result: QueryResult) -> Iterable[dict[str, str | None]]:
    for row in result.rows:
        yield {var: _value(term) for var, term in zip(result.variables, row, strict=True)}


def _value(term: OxTerm | None) -> str | None:
    if term is None:
        return None
    value = getattr(term, "value", None)
    return value if isinstance(value, str) else str(term)


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def parse_date(text: str | None) -> PartialDate | None:
    """A kgo:date value ('2017-03-22', '2017-03', '2017', or a dateTime) as a PartialDate, else None."""
    if not text:
        return None
    for candidate in (text, text[:10], text[:7], text[:4]):
        try:
            return PartialDate.from_iso(candidate)
        except ValueError:
            continue
    return None


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text else None
    except ValueError:
        return None


def _float(text: str | None) -> float | None:
    try:
        return float(Decimal(text)) if text else None
    except InvalidOperation:
        return None


def links_from(result: QueryResult) -> tuple[Link, ...]:
    """network-edges.rq rows as Links, one per (source, property, target), first label kept."""
    seen: set[tuple[str, str, str]] = set()
    links = []
    for row in _rows(result):
        source, prop, target = row["source"], row["property"], row["target"]
        source_class = _CLASS.get(row["source_class"] or "")
        target_class = _CLASS.get(row["target_class"] or "")
        if not (source and prop and target and source_class and target_class):
            continue
        key = (source, prop, target)
        if key in seen:
            continue
        seen.add(key)
        links.append(
            Link(
                source,
                source_class,
                row["source_label"],
                _local(prop),
                target,
                target_class,
                row["target_label"],
                row["target_code"],
            )
        )
    return tuple(links)


def events_from(result: QueryResult) -> tuple[EventInfo, ...]:
    """events.rq rows as EventInfo records."""
    events = []
    for row in _rows(result):
        kind = NodeClass(row["type"]) if row["type"] in EVENT_CLASSES else None
        if kind is None or not row["event"]:
            continue
        events.append(
            EventInfo(
                iri=row["event"],
                type=kind,
                article=row["article"] or "",
                date=parse_date(row["date"]),
                agent=row["agent"] or None,
                actors=tuple(sorted((row["actors"] or "").split())),
                weapon=row["weapon"] or None,
                weapon_class=row["class"] or None,
                site=row["site"] or None,
                outcome=_OUTCOME.get(row["outcome"] or ""),
                count=_int(row["count"]),
                factuality=_FACTUALITY.get(row["factuality"] or ""),
                confidence=_float(row["confidence"]),
                name=row["name"] or None,
            )
        )
    return tuple(events)


def sources_from(result: QueryResult) -> tuple[Source, ...]:
    """event-sources.rq rows as Source records."""
    return tuple(
        Source(
            row["event"] or "",
            row["article"] or "",
            row["article_date"] or None,
            _int(row["start"]),
            _int(row["end"]),
            row["sentence"] or "",
        )
        for row in _rows(result)
    )


def mentions_from(result: QueryResult) -> tuple[LaunchMention, ...]:
    """launch-mentions.rq rows as LaunchMention records."""
    return tuple(
        LaunchMention(
            row["launch"] or "",
            row["agent_code"] or "",
            row["state_code"] or "",
            row["state_label"] or None,
            _int(row["sentences"]) or 1,
        )
        for row in _rows(result)
    )


class Queryable(Protocol):
    """Anything that runs SPARQL SELECT queries: `kg.store.Store`, a remote store."""

    def query(self, sparql: str, substitutions: Mapping[str, Any] | None = None) -> QueryResult: ...


def read_rows(store: Queryable) -> NetworkRows:
    """Run the four named queries on `store` (the I/O edge of this module): every event, of
    every factuality; the graphs select the events that count (`select_events`)."""
    from kg.queries import load_query, run

    def rows(name: str, **params: str) -> QueryResult:
        return run(store, load_query(name), params)

    return NetworkRows(
        links=links_from(rows("network-edges")),
        events=events_from(rows("events")),
        sources=sources_from(rows("event-sources")),
        mentions=mentions_from(rows("launch-mentions", factuality="all")),
    )


def select_events(rows: NetworkRows, factualities: frozenset[Factuality] = REPORTED) -> NetworkRows:
    """The rows of the events whose factuality is in `factualities` (an event without one counts
    as asserted, as in the named queries): their links, sentences and launch mentions, and the
    operator and location links of the weapons and places that those events refer to."""
    events = rows.event_table()
    left_out = {iri for iri, event in events.items() if not counts(event.factuality, factualities)}
    if not left_out:
        return rows
    from_events = [
        link for link in rows.links if link.source_class in EVENT_CLASSES and link.source not in left_out
    ]
    used = {link.target for link in from_events if link.target_class in (NodeClass.WEAPON, NodeClass.PLACE)}
    around = [link for link in rows.links if link.source_class not in EVENT_CLASSES and link.source in used]
    kept = set(from_events) | set(around)
    return NetworkRows(
        links=tuple(link for link in rows.links if link in kept),
        events=tuple(event for event in rows.events if event.iri not in left_out),
        sources=tuple(source for source in rows.sources if source.event not in left_out),
        mentions=tuple(mention for mention in rows.mentions if mention.launch not in left_out),
    )


# --- records -> graphs ------------------------------------------------------------------


def date_span(date: PartialDate | None) -> tuple[str, str] | None:
    """The first and last day a partial date covers, as ISO dates: 2017-03 -> 2017-03-01, 2017-03-31."""
    if date is None:
        return None
    if date.month is None:
        return f"{date.year:04d}-01-01", f"{date.year:04d}-12-31"
    if date.day is None:
        last = calendar.monthrange(date.year, date.month)[1]
        return f"{date.year:04d}-{date.month:02d}-01", f"{date.year:04d}-{date.month:02d}-{last:02d}"
    return date.iso(), date.iso()


def event_label(event: EventInfo) -> str:
    """A short label: 'PRK launch 2017-03-22', 'Foal Eagle 2017-03', 'KOR–USA exercise 2017-03',
    'treaty 1953 (negated)'."""
    if event.type is NodeClass.LAUNCH:
        head = f"{event.agent} launch" if event.agent else "launch"
    elif event.name:
        head = event.name
    else:
        kind = event.type.value.lower()
        head = f"{'–'.join(event.actors)} {kind}" if event.actors else kind
    parts = [head]
    if event.date is not None:
        parts.append(event.date.iso())
    if event.factuality not in (None, Factuality.ASSERTED):
        assert event.factuality is not None
        parts.append(f"({event.factuality.value})")
    return " ".join(parts)


def _event_attrs(event: EventInfo) -> dict[str, Any]:
    attrs: dict[str, Any] = {
        "kind": event.type.value,
        "label": event_label(event),
        "article": event.article,
        "date": event.date.iso() if event.date else None,
        "factuality": event.factuality.value if event.factuality else None,
        "confidence": event.confidence,
        "outcome": event.outcome.value if event.outcome else None,
        "count": event.count,
        "name": event.name,
        "weapon": event.weapon,
        "weapon_class": event.weapon_class,
        "site": event.site,
        "states": event.states,
    }
    span = date_span(event.date)
    if span:
        attrs["start"], attrs["end"] = span
    return attrs


def events_graph(rows: NetworkRows, *, factualities: frozenset[Factuality] = REPORTED) -> nx.MultiDiGraph:
    """States, Launches, Exercises, Treaties, Weapons and Places; one edge per contract property.

    Only the events whose factuality is in `factualities` (by default those that happened, see
    kg.factualities) and what they link to are drawn; graph["factualities"] names the selection.

    Node ids are IRIs; every node has `kind` (its class) and `label`; states have `code`; events
    have `date`, `start`/`end` (the days the date covers), `factuality`, `confidence`, ... Edges
    are keyed and labelled by the property's local name (`relation`), and carry the event's
    `start`/`end`. Events without links are kept (isolated nodes).
    """
    rows = select_events(rows, factualities)
    events = rows.event_table()
    graph = nx.MultiDiGraph(mode="events", factualities=describe(factualities))
    for iri in sorted(events):
        graph.add_node(iri, **_event_attrs(events[iri]))
    for link in sorted(rows.links, key=lambda k: (k.source, k.prop, k.target)):
        for node, kind, label, code in (
            (link.source, link.source_class, link.source_label, None),
            (link.target, link.target_class, link.target_label, link.target_code),
        ):
            if node not in graph:
                attrs: dict[str, Any] = {"kind": kind.value, "label": code or label or _local(node)}
                if code:
                    attrs["code"] = code
                    attrs["name"] = label or code
                elif kind in EVENT_CLASSES:
                    attrs["label"] = label or f"{kind.value.lower()} {_local(node)}"
                graph.add_node(node, **attrs)
        edge: dict[str, Any] = {"relation": link.prop, "label": link.prop}
        event = events.get(link.source)
        span = date_span(event.date) if event else None
        if span:
            edge["start"], edge["end"] = span
        graph.add_edge(link.source, link.target, key=link.prop, **edge)
    return graph


def actors_graph(rows: NetworkRows, *, factualities: frozenset[Factuality] = REPORTED) -> nx.Graph:
    """States, one edge per pair that shares an exercise or treaty, or is linked by a launch report.

    Node ids are ISO codes; nodes carry `label`, `code`, `kind` ("State"), counts `launches`
    (as agent), `exercises`, `treaties`, `events` (their sum) and `event_ids`. Edge (a, b) carries
    a count per `Relation` (`exercise`, `treaty`, `launch_mention`), `weight` (their sum),
    `relations` (the non-zero ones, space-separated) and `evidence`: ((relation, event IRI), ...).
    A launch mention links the launching state with each other state named in the sentences that
    report it, counted once per launch. Only events whose factuality is in `factualities` count
    (by default those that happened: asserted and claimed; see kg.factualities); events of
    unknown factuality count as asserted. graph["factualities"] names the selection.
    """
    labels = rows.state_labels()
    rows = select_events(rows, factualities)
    events = rows.event_table()

    roles: dict[str, Counter[str]] = defaultdict(Counter)
    state_events: dict[str, set[str]] = defaultdict(set)
    pairs: dict[tuple[str, str], set[tuple[Relation, str]]] = defaultdict(set)
    for event in events.values():
        for code in event.states:
            roles[code][event.type.value] += 1
            state_events[code].add(event.iri)
        relation = {NodeClass.EXERCISE: Relation.EXERCISE, NodeClass.TREATY: Relation.TREATY}.get(event.type)
        if relation is not None:
            for i, a in enumerate(event.actors):
                for b in event.actors[i + 1 :]:
                    pairs[(a, b) if a < b else (b, a)].add((relation, event.iri))
    for mention in rows.mentions:
        if mention.agent and mention.state and mention.agent != mention.state:
            a, b = sorted((mention.agent, mention.state))
            pairs[(a, b)].add((Relation.LAUNCH_MENTION, mention.launch))
            state_events[mention.agent].add(mention.launch)

    graph = nx.Graph(mode="actors", factualities=describe(factualities))
    graph.graph["event_spans"] = {iri: span for iri, e in events.items() if (span := date_span(e.date))}
    codes = sorted({*roles, *state_events, *(code for pair in pairs for code in pair)})
    for code in codes:
        role = roles.get(code, Counter())
        graph.add_node(
            code,
            kind=NodeClass.STATE.value,
            code=code,
            label=labels.get(code, code),
            launches=role["Launch"],
            exercises=role["Exercise"],
            treaties=role["Treaty"],
            events=sum(role.values()),
            event_ids=tuple(sorted(state_events.get(code, ()))),
        )
    for (a, b), evidence in sorted(pairs.items()):
        per = Counter(relation for relation, _ in evidence)
        graph.add_edge(
            a,
            b,
            weight=sum(per.values()),
            relations=" ".join(r.value for r in Relation if per[r]),
            evidence=tuple(sorted(evidence)),
            **{r.value: per[r] for r in Relation},
        )
    return graph


def build_graph(
    rows: NetworkRows, mode: NetworkMode, factualities: frozenset[Factuality] = REPORTED
) -> nx.Graph:
    """`events_graph` or `actors_graph` of the events whose factuality is in `factualities`."""
    if mode == "events":
        return events_graph(rows, factualities=factualities)
    if mode == "actors":
        return actors_graph(rows, factualities=factualities)
    raise KgError(f"unknown network mode {mode!r}; use one of {', '.join(NETWORK_MODES)}")


# --- restricting ------------------------------------------------------------------------


def state_node(graph: nx.Graph, code: str) -> str:
    """The node of the state with ISO code `code`; KgError naming the states there are if none."""
    wanted = code.strip().upper()
    for node, data in graph.nodes(data=True):
        if data.get("kind") == NodeClass.STATE.value and data.get("code") == wanted:
            return str(node)
    present = sorted(str(d["code"]) for _, d in graph.nodes(data=True) if d.get("code"))
    raise KgError(f"the state {code!r} is not in the network; states there: {', '.join(present) or '(none)'}")


def restrict_to_state(graph: nx.Graph, code: str) -> nx.Graph:
    """The part of the network around one state.

    events mode: the state, the events it takes part in and everything those events link to.
    actors mode: the state and the states it is linked to (its ego network).
    """
    node = state_node(graph, code)
    if graph.graph.get("mode") == "actors":
        keep = {node, *graph.neighbors(node)}
    else:
        undirected = graph.to_undirected(as_view=True)
        events = [n for n in undirected.neighbors(node) if graph.nodes[n].get("kind") in EVENT_CLASSES]
        keep = {node, *events, *(m for e in events for m in undirected.neighbors(e))}
    return graph.subgraph(sorted(keep, key=str)).copy()


def limit_size(graph: nx.Graph, max_nodes: int) -> tuple[nx.Graph, str | None]:
    """Cut the network down to at most `max_nodes` nodes, and say how (None if nothing was cut).

    events mode: first fold Weapons and Places away (their names stay in the events' details);
    if that is not enough, keep the most recent events (undated last) with the states they
    involve. actors mode: keep the states with the highest weighted degree.
    """
    if graph.number_of_nodes() <= max_nodes:
        return graph, None
    total = graph.number_of_nodes()
    if graph.graph.get("mode") == "actors":
        strength = dict(graph.degree(weight="weight"))
        top = sorted(graph.nodes, key=lambda n: (-strength[n], str(n)))[:max_nodes]
        note = (
            f"{total} states are more than {max_nodes}: showing the {len(top)} with the most links; "
            "use --state CODE to see the others"
        )
        return graph.subgraph(top).copy(), note
    folded = [n for n, d in graph.nodes(data=True) if d.get("kind") in (NodeClass.WEAPON, NodeClass.PLACE)]
    smaller = graph.subgraph([n for n in graph.nodes if n not in set(folded)]).copy()
    note = f"{total} nodes are more than {max_nodes}: weapons and places are left out"
    if smaller.number_of_nodes() <= max_nodes:
        return smaller, note + " (they are listed in each event's details)"
    events = [n for n, d in smaller.nodes(data=True) if d.get("kind") in EVENT_CLASSES]
    events.sort(key=lambda n: (smaller.nodes[n].get("start") or "", str(n)), reverse=True)
    undirected = smaller.to_undirected(as_view=True)
    keep: set[str] = set()
    shown = 0
    for event in events:
        around = {event, *undirected.neighbors(event)}
        if len(keep | around) > max_nodes:
            break
        keep |= around
        shown += 1
    since = next((smaller.nodes[e].get("start") for e in reversed(events[:shown])), None)
    note += f", and only the {shown} most recent of {len(events)} events are shown"
    note += f" (from {since} on)" if since else ""
    note += "; use --state CODE to see the others"
    return smaller.subgraph(sorted(keep, key=str)).copy(), note


# --- export -----------------------------------------------------------------------------


_GEXF_COLORS = {
    "State": (78, 121, 167),
    "Launch": (225, 87, 89),
    "Exercise": (242, 142, 43),
    "Treaty": (89, 161, 79),
    "Weapon": (176, 122, 161),
    "Place": (156, 117, 95),
}


def _scalar(value: Any) -> str | int | float | bool | None:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, Sequence):
        return " ".join(" ".join(map(str, v)) if isinstance(v, tuple) else str(v) for v in value)
    return str(value)


def _clean(data: Mapping[str, Any], skip: Iterable[str] = ()) -> dict[str, Any]:
    out = {}
    for key, value in data.items():
        scalar = _scalar(value)
        if key not in skip and scalar is not None and scalar != "":
            out[key] = scalar
    return out


def exportable(graph: nx.Graph, fmt: str) -> nx.Graph:
    """A copy of `graph` whose attributes GraphML/GEXF can hold.

    Tuples become space-separated strings and unset values are dropped. For GEXF, nodes get
    `viz` colours by class, and in the actors network each edge and state gets `spells` (the
    dates of the events behind it) so that Gephi's timeline shows when links were active.
    """
    out = graph.__class__()
    out.graph.update(_clean(graph.graph, skip=("event_spans",)))
    spans: Mapping[str, tuple[str, str]] = graph.graph.get("event_spans", {}) if fmt == "gexf" else {}
    for node, data in graph.nodes(data=True):
        attrs = _clean(data, skip=("event_ids",) if fmt == "gexf" else ())
        if fmt == "gexf":
            r, g, b = _GEXF_COLORS.get(str(data.get("kind")), (128, 128, 128))
            attrs["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}}
            node_spells = _spells(spans, data.get("event_ids", ()))
            if node_spells:
                attrs["spells"] = node_spells
        out.add_node(node, **attrs)
    if graph.is_multigraph():
        for u, v, key, data in graph.edges(keys=True, data=True):
            out.add_edge(u, v, key=key, **_clean(data))
    else:
        for u, v, data in graph.edges(data=True):
            attrs = _clean(data, skip=("evidence",) if fmt == "gexf" else ())
            if fmt == "gexf":
                edge_spells = _spells(spans, [iri for _, iri in data.get("evidence", ())])
                if edge_spells:
                    attrs["spells"] = edge_spells
            out.add_edge(u, v, **attrs)
    return out


def _spells(spans: Mapping[str, tuple[str, str]], iris: Iterable[str]) -> list[tuple[str, str]]:
    """The merged date intervals of the events `iris`; none (always present) if one is undated."""
    intervals = []
    for iri in iris:
        span = spans.get(iri)
        if span is None:
            return []
        intervals.append(span)
    merged: list[tuple[str, str]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def write_network(graph: nx.Graph, out: IO[bytes], fmt: str) -> None:
    """Write `graph` to the binary stream `out` as GraphML or GEXF 1.2 (dynamic when dated)."""
    if fmt not in GRAPH_FORMATS:
        raise KgError(f"unknown network format {fmt!r}; use one of {', '.join(GRAPH_FORMATS)}")
    clean = exportable(graph, fmt)
    if fmt == "graphml":
        nx.write_graphml(clean, out, encoding="utf-8")
    else:
        nx.write_gexf(clean, out, encoding="utf-8")
