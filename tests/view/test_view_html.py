"""kg.view: the page is self-contained, escapes every piece of article text, and is deterministic."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from view_fixtures import KGR, PAYLOAD_IMG, PAYLOAD_SCRIPT, hand_rows

from kg.errors import KgError
from kg.factualities import ALL
from kg.models import Factuality, PartialDate
from kg.network import EventInfo, NetworkRows, NodeClass, actors_graph, events_graph, restrict_to_state
from kg.view import check_offline, render, script_json, strip_remote

SCRIPT_TAG = re.compile(r"<script\b[^>]*>", re.IGNORECASE)


def page_data(page: str) -> dict[str, object]:
    found = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.DOTALL)
    assert found
    data: dict[str, object] = json.loads(found.group(1))
    return data


def test_the_page_loads_nothing_from_the_network(rows: NetworkRows) -> None:
    page = render(events_graph(rows), rows).html
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*(src|href)\s*=\s*[\"']?(https?:)?//", page, re.I)
    assert "cdn.jsdelivr.net" not in page and "bootstrap" not in page.lower()
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "vis.Network" in page  # vis-network is inlined


def test_strip_remote_removes_cdn_tags_and_check_offline_catches_leftovers() -> None:
    page = (
        '<head><link href="https://cdn.example/x.css" rel="stylesheet"/>'
        '<script src="https://cdn.example/x.js" crossorigin="anonymous"></script></head>'
    )
    assert strip_remote(page) == "<head></head>"
    with pytest.raises(KgError, match="remote resource"):
        check_offline('<img src="//evil.example/x.png">')


def test_article_text_is_escaped_everywhere() -> None:
    rows = hand_rows(hostile=True)
    for graph in (events_graph(rows), actors_graph(rows)):
        page = render(graph, rows, title=f"title {PAYLOAD_SCRIPT}", note=f"note {PAYLOAD_IMG}").html
        assert PAYLOAD_SCRIPT not in page and PAYLOAD_IMG not in page
        assert "window.__pwned" in page  # the text is there, escaped
        assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page  # title, in HTML
        for tag in SCRIPT_TAG.findall(page):
            assert "src=" not in tag
    data = page_data(render(events_graph(rows), rows).html)
    events = data["events"]
    assert isinstance(events, dict)
    [source] = events[KGR + "launch-b"]["sources"]
    assert PAYLOAD_SCRIPT in source["text"]  # JSON.parse gives the text back unchanged


@given(st.recursive(st.text(), lambda tree: st.lists(tree) | st.dictionaries(st.text(), tree), max_leaves=8))
def test_script_json_never_closes_the_script(value: object) -> None:
    text = script_json(value)
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == value


def test_same_graph_same_bytes(rows: NetworkRows) -> None:
    assert render(events_graph(rows), rows).html == render(events_graph(hand_rows()), hand_rows()).html
    assert '"randomSeed": 20240626' in render(actors_graph(rows), rows).html


def test_counts_modes_and_the_state_preselection(rows: NetworkRows) -> None:
    page = render(events_graph(rows), rows)
    assert (page.mode, page.nodes, page.edges) == ("events", 9, 10)  # the negated treaty is left out
    assert render(events_graph(rows, factualities=ALL), rows).nodes == 10
    actors = render(actors_graph(rows), rows, state="prk")
    assert (actors.mode, actors.nodes, actors.edges) == ("actors", 4, 4)
    assert page_data(actors.html)["state"] == "PRK"
    assert '<option value="PRK" selected>' in actors.html
    small = render(restrict_to_state(events_graph(rows), "KOR"), rows)
    assert small.nodes == 3
    assert set(page_data(small.html)["events"]) == {KGR + "exercise-a"}  # type: ignore[arg-type]


def test_legend_lists_the_classes_present(rows: NetworkRows) -> None:
    page = render(events_graph(rows), rows).html
    for kind in ("State", "Launch", "Exercise", "Treaty", "Weapon", "Place"):
        assert f'name="kg-class" value="{kind}" checked' in page
    actors = render(actors_graph(rows), rows).html
    assert 'value="Launch"' in actors and 'name="kg-class" value="Launch"' not in actors
    assert 'name="kg-relation" value="launch_mention"' in actors


def test_notebook_frame_is_sandboxed(rows: NetworkRows) -> None:
    frame = render(actors_graph(rows), rows)._repr_html_()
    assert frame.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts"' in frame
    assert "<script" not in frame  # all of the page is an escaped attribute value


def test_actors_edges_are_counted_per_pair_as_analyze_and_graphml_count_them(rows: NetworkRows) -> None:
    """A pair of states linked by an exercise and a treaty is one edge (kg analyze, GraphML), drawn
    as two lines, one per relation; the page and kg view report the edges."""
    both = NetworkRows(
        rows.links,
        (*rows.events, EventInfo(KGR + "treaty-k", NodeClass.TREATY, "art-2017", PartialDate(1953),
                                 actors=("KOR", "USA"), factuality=Factuality.ASSERTED)),
        rows.sources,
        rows.mentions,
    )  # fmt: skip
    graph = actors_graph(both)
    page = render(graph, both)
    assert (page.edges, page.lines) == (graph.number_of_edges(), graph.number_of_edges() + 1) == (4, 5)
    assert "4 nodes, 4 edges" in page.html
