"""kg.network: rows -> records -> networkx graphs, checked on node and edge sets."""

from __future__ import annotations

import io
from typing import Any

import networkx as nx
import pytest
from view_fixtures import KGR, STATE, hand_rows, state_link

from kg.errors import KgError
from kg.factualities import ALL
from kg.models import Factuality, PartialDate
from kg.network import (
    EventInfo,
    LaunchMention,
    Link,
    NetworkRows,
    NodeClass,
    actors_graph,
    date_span,
    event_label,
    events_graph,
    limit_size,
    parse_date,
    read_rows,
    restrict_to_state,
    write_network,
)
from kg.store import Store


def short(node: Any) -> str:
    return str(node).replace(KGR, "").replace(STATE, "")


def edge_set(graph: nx.Graph) -> set[tuple[str, ...]]:
    if graph.is_multigraph():
        return {(short(u), k, short(v)) for u, v, k in graph.edges(keys=True)}
    return {tuple(sorted((short(u), short(v)))) for u, v in graph.edges()}


# --- pure: hand-built rows --------------------------------------------------------------


def test_events_graph_nodes_and_edges(rows: NetworkRows) -> None:
    graph = events_graph(rows, factualities=ALL)
    assert {short(n): d["kind"] for n, d in graph.nodes(data=True)} == {
        "launch-a": "Launch", "launch-b": "Launch", "exercise-a": "Exercise", "treaty-a": "Treaty",
        "treaty-n": "Treaty", "PRK": "State", "KOR": "State", "USA": "State", "place-wonsan": "Place",
        "weapon-missile": "Weapon",
    }  # fmt: skip
    assert edge_set(graph) == {
        ("launch-a", "agent", "PRK"), ("launch-a", "site", "place-wonsan"),
        ("launch-a", "weapon", "weapon-missile"), ("place-wonsan", "locatedIn", "PRK"),
        ("launch-b", "agent", "PRK"), ("launch-b", "weapon", "weapon-missile"),
        ("exercise-a", "participant", "KOR"), ("exercise-a", "participant", "USA"),
        ("treaty-a", "signatory", "PRK"), ("treaty-a", "signatory", "USA"),
    }  # fmt: skip
    prk = graph.nodes[STATE + "PRK"]
    assert (prk["label"], prk["code"], prk["name"]) == ("PRK", "PRK", "North Korea")
    launch = graph.nodes[KGR + "launch-a"]
    assert launch["label"] == "PRK launch 2017-03-22"
    assert (launch["start"], launch["end"]) == ("2017-03-22", "2017-03-22")
    assert graph.nodes[KGR + "exercise-a"]["start"] == "2017-03-01"
    assert graph.nodes[KGR + "treaty-n"]["label"] == "treaty (negated)"
    edge = graph.edges[KGR + "exercise-a", STATE + "KOR", "participant"]
    assert (edge["label"], edge["start"], edge["end"]) == ("participant", "2017-03-01", "2017-03-31")


def test_actors_graph_is_typed_and_weighted(rows: NetworkRows) -> None:
    graph = actors_graph(rows)
    assert set(graph.nodes) == {"PRK", "KOR", "USA", "JPN"}
    assert edge_set(graph) == {("KOR", "USA"), ("PRK", "USA"), ("KOR", "PRK"), ("JPN", "PRK")}
    kor_usa = graph.edges["KOR", "USA"]
    assert [kor_usa[k] for k in ("exercise", "treaty", "launch_mention", "weight")] == [1, 0, 0, 1]
    assert graph.edges["PRK", "USA"]["relations"] == "treaty"
    assert graph.edges["KOR", "PRK"]["relations"] == "launch_mention"
    assert graph.edges["KOR", "PRK"]["evidence"] == (("launch_mention", KGR + "launch-a"),)
    prk = graph.nodes["PRK"]
    assert (prk["label"], prk["launches"], prk["treaties"], prk["events"]) == ("North Korea", 2, 1, 3)
    assert graph.nodes["JPN"]["label"] == "Japan"  # named only by launch-mentions
    assert graph.graph["event_spans"][KGR + "treaty-a"] == ("1953-01-01", "1953-12-31")


def test_negated_events_link_nobody() -> None:
    rows = NetworkRows(events=(
        EventInfo(KGR + "t", NodeClass.TREATY, "a", actors=("KOR", "PRK"), factuality=Factuality.NEGATED),
    ))  # fmt: skip
    assert actors_graph(rows).number_of_edges() == 0
    assert actors_graph(rows, factualities=frozenset(Factuality)).number_of_edges() == 1


def test_by_default_only_what_happened_is_drawn_and_measured() -> None:
    """Expected and negated events are no nodes, links or counts unless asked for (kg.factualities);
    a weapon or place only they refer to goes with them, and so do their launch mentions."""
    launch, place, weapon = NodeClass.LAUNCH, NodeClass.PLACE, NodeClass.WEAPON
    rows = NetworkRows(
        links=(
            state_link("launch-x", launch, "agent", "PRK", "North Korea"),
            Link(KGR + "launch-x", launch, None, "site", KGR + "place-sohae", place, "Sohae"),
            Link(KGR + "place-sohae", place, "Sohae", "locatedIn", STATE + "PRK", NodeClass.STATE,
                 "North Korea", "PRK"),
            Link(KGR + "launch-x", launch, None, "weapon", KGR + "weapon-x", weapon, "KN-23"),
            state_link("launch-y", launch, "agent", "PRK", "North Korea"),
            state_link("exercise-c", NodeClass.EXERCISE, "participant", "KOR", "South Korea"),
            state_link("exercise-c", NodeClass.EXERCISE, "participant", "USA", "United States"),
        ),
        events=(
            EventInfo(KGR + "launch-x", launch, "a", PartialDate(2030, 1), agent="PRK",
                      factuality=Factuality.EXPECTED),
            EventInfo(KGR + "launch-y", launch, "a", PartialDate(2017, 5), agent="PRK",
                      factuality=Factuality.CLAIMED),
            EventInfo(KGR + "exercise-c", NodeClass.EXERCISE, "a", None, actors=("KOR", "USA"),
                      factuality=Factuality.NEGATED),
        ),
        mentions=(LaunchMention(KGR + "launch-x", "PRK", "JPN", "Japan"),),
    )  # fmt: skip
    drawn = {short(n) for n in events_graph(rows)}
    assert drawn == {"launch-y", "PRK"}
    everything_drawn = {short(n) for n in events_graph(rows, factualities=ALL)}
    assert everything_drawn >= {"launch-x", "place-sohae", "weapon-x", "exercise-c", "KOR", "USA"}
    actors = actors_graph(rows)
    assert set(actors.nodes) == {"PRK"} and actors.nodes["PRK"]["launches"] == 1
    assert actors.graph["factualities"] == "reported"
    everything = actors_graph(rows, factualities=ALL)
    assert edge_set(everything) == {("JPN", "PRK"), ("KOR", "USA")}
    assert everything.nodes["PRK"]["launches"] == 2
    only = actors_graph(rows, factualities=frozenset({Factuality.EXPECTED}))
    assert edge_set(only) == {("JPN", "PRK")} and only.graph["factualities"] == "expected"


def test_restrict_to_state(rows: NetworkRows) -> None:
    events = restrict_to_state(events_graph(rows), "kor")
    assert {short(n) for n in events} == {"KOR", "exercise-a", "USA"}
    prk = restrict_to_state(events_graph(rows), "PRK")
    assert {short(n) for n in prk} >= {"launch-a", "launch-b", "treaty-a", "USA", "weapon-missile"}
    assert "exercise-a" not in {short(n) for n in prk}
    assert set(restrict_to_state(actors_graph(rows), "JPN")) == {"JPN", "PRK"}
    with pytest.raises(KgError, match="'CHN' is not in the network; states there: JPN, KOR, PRK, USA"):
        restrict_to_state(actors_graph(rows), "CHN")


def test_limit_size_folds_weapons_and_places_then_keeps_recent_events() -> None:
    many = tuple(
        EventInfo(KGR + f"launch-{i:04d}", NodeClass.LAUNCH, "a", PartialDate(2000 + i // 12, i % 12 + 1),
                  agent="PRK")
        for i in range(200)
    )  # fmt: skip
    graph = events_graph(NetworkRows(events=many))
    same, note = limit_size(graph, 500)
    assert same is graph and note is None
    small, note = limit_size(graph, 50)
    assert small.number_of_nodes() == 50
    assert note is not None and "only the 50 most recent of 200 events" in note
    assert KGR + "launch-0199" in small and KGR + "launch-0000" not in small

    rows = hand_rows()
    graph = events_graph(rows)
    folded, note = limit_size(graph, graph.number_of_nodes() - 1)
    assert note is not None and "weapons and places are left out" in note
    assert {d["kind"] for _, d in folded.nodes(data=True)} == {"State", "Launch", "Exercise", "Treaty"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2017-03-22", "2017-03-22"), ("2017-03", "2017-03"), ("1953", "1953"),
     ("2017-03-22T10:00:00Z", "2017-03-22"), ("", None), (None, None), ("someday", None)],
)  # fmt: skip
def test_parse_date(text: str | None, expected: str | None) -> None:
    parsed = parse_date(text)
    assert (parsed.iso() if parsed else None) == expected


def test_date_span_covers_the_precision() -> None:
    assert date_span(PartialDate(2024, 2)) == ("2024-02-01", "2024-02-29")
    assert date_span(PartialDate(2023)) == ("2023-01-01", "2023-12-31")
    assert date_span(None) is None


def test_event_labels() -> None:
    exercise = EventInfo(KGR + "x", NodeClass.EXERCISE, "a", PartialDate(2017, 3), actors=("KOR", "USA"))
    assert event_label(exercise) == "KOR–USA exercise 2017-03"
    claimed = EventInfo(KGR + "y", NodeClass.LAUNCH, "a", None, factuality=Factuality.CLAIMED)
    assert event_label(claimed) == "launch (claimed)"


# --- export -----------------------------------------------------------------------------


def test_graphml_round_trip(rows: NetworkRows) -> None:
    for graph in (events_graph(rows), actors_graph(rows)):
        buffer = io.BytesIO()
        write_network(graph, buffer, "graphml")
        back = nx.read_graphml(io.BytesIO(buffer.getvalue()))
        assert set(back.nodes) == set(map(str, graph.nodes))
        assert back.number_of_edges() == graph.number_of_edges()
    assert back.nodes["PRK"]["label"] == "North Korea"
    assert back.edges["KOR", "USA"]["exercise"] == 1


def test_gexf_is_dynamic_with_dates(rows: NetworkRows) -> None:
    buffer = io.BytesIO()
    write_network(events_graph(rows), buffer, "gexf")
    text = buffer.getvalue().decode()
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    back = nx.read_gexf(io.BytesIO(buffer.getvalue()))
    launch = back.nodes[KGR + "launch-b"]
    assert (launch["start"], launch["end"]) == ("2024-06-26", "2024-06-26")
    assert "start" not in back.nodes[STATE + "PRK"]  # states are always there

    buffer = io.BytesIO()
    write_network(actors_graph(rows), buffer, "gexf")
    back = nx.read_gexf(io.BytesIO(buffer.getvalue()))
    assert back.edges["KOR", "PRK"]["spells"] == [("2017-03-22", "2017-03-22")]
    assert back.edges["PRK", "USA"]["spells"] == [("1953-01-01", "1953-12-31")]
    assert back.nodes["PRK"]["label"] == "North Korea"


def test_unknown_format_is_a_user_error(rows: NetworkRows) -> None:
    with pytest.raises(KgError, match="use one of graphml, gexf"):
        write_network(events_graph(rows), io.BytesIO(), "dot")


# --- from SPARQL: a graph another tool wrote, and the seeds -----------------------------


def test_rows_from_a_hand_written_graph(mini_store: Store) -> None:
    rows = read_rows(mini_store)
    events = events_graph(rows, factualities=ALL)
    kinds = ("Launch", "Exercise", "Treaty")
    assert {short(n) for n, d in events.nodes(data=True) if d["kind"] in kinds} == {
        "launch-a", "launch-b1", "launch-b2", "exercise-a", "exercise-b", "treaty-b",
    }  # fmt: skip
    assert ("launch-a", "site", "place-wonsan") in edge_set(events)
    assert "weapon-musudan" not in {short(n) for n in events}  # in the catalogue, but no event refers to it
    assert events.nodes[KGR + "exercise-a"]["label"] == "Foal Eagle 2017-03"
    actors = actors_graph(rows)
    assert edge_set(actors) == {("KOR", "USA"), ("PRK", "USA"), ("KOR", "PRK")}  # JPN-USA is only expected
    assert edge_set(actors_graph(rows, factualities=ALL)) == edge_set(actors) | {("JPN", "USA")}
    assert actors.edges["PRK", "USA"]["treaty"] == 1
    sources = rows.sources_by_event()[KGR + "launch-a"]
    assert [(s.article, s.start, s.end) for s in sources] == [
        ("seed-2017-03-23-wonsan", 0, 81), ("seed-2017-03-23-wonsan", 82, 145),
    ]  # fmt: skip


@pytest.mark.model
def test_seed_network_holds_the_launches_exercises_pact_and_states(seed_store: Store) -> None:
    rows = read_rows(seed_store)
    graph = events_graph(rows)
    labels = {d["label"] for _, d in graph.nodes(data=True)}
    assert {"PRK launch 2017-03-22", "PRK launch 2024-06-26"} <= labels
    kinds = [d["kind"] for _, d in graph.nodes(data=True)]
    assert kinds.count("Exercise") >= 3
    pact = [n for n, d in graph.nodes(data=True) if d["kind"] == "Treaty" and d.get("date") == "2024-06"]
    assert pact and STATE + "RUS" in set(graph.successors(pact[0]))
    assert {"PRK", "KOR", "USA", "JPN", "RUS"} <= {d.get("code") for _, d in graph.nodes(data=True)}
    actors = actors_graph(rows)
    assert {("KOR", "USA"), ("JPN", "USA")} <= edge_set(actors)
    assert actors.edges["KOR", "USA"]["exercise"] >= 2
