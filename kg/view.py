"""networkx graph -> one self-contained, offline HTML page (pyvis + kg's own legend, filters, panel).

    ... -> network (rows -> networkx) -> view (networkx -> HTML)

pyvis draws the network with vis-network inlined (`cdn_resources="in_line"`); its template
also links Bootstrap from a CDN, which `strip_remote` removes, so that opening the file sends
no request anywhere (a Content-Security-Policy in the page forbids any, too). kg adds its own
inline CSS and JS (kg/assets/view.css, view.js): a legend that doubles as the class filter,
filters by event type, factuality, date range and state, a search box that focuses a node, and
a panel that shows an event's source sentences with article ids and datelines.

Article text (sentences, names, labels) only ever reaches the page as escaped HTML
(`html.escape`) or inside JSON whose `<`, `>` and `&` are written as \\u003c, \\u003e, \\u0026
(so `</script>` cannot close the script element), and the JS puts it in the page with
`textContent`, never `innerHTML`; vis-network shows tooltips with `innerText`.

The layout is seeded (vis `layout.randomSeed`), physics stops once the layout is stable, and
the same graph gives the same bytes.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import KgError
from kg.network import (
    EVENT_CLASSES,
    RELATION_LABELS,
    EventInfo,
    NetworkRows,
    NodeClass,
    Relation,
    Source,
    date_span,
    event_label,
)

LAYOUT_SEED = 20240626
_ASSETS = Path(__file__).parent / "assets"

# class -> (colour, vis shape, SVG legend symbol, what it is)
CLASS_STYLE: dict[NodeClass, tuple[str, str, str]] = {
    NodeClass.STATE: ("#4e79a7", "dot", "a sovereign state"),
    NodeClass.LAUNCH: ("#e15759", "triangle", "a missile or rocket launch"),
    NodeClass.EXERCISE: ("#f28e2b", "square", "a military exercise or drill"),
    NodeClass.TREATY: ("#59a14f", "diamond", "a treaty, pact or agreement"),
    NodeClass.WEAPON: ("#b07aa1", "hexagon", "a weapon system or platform"),
    NodeClass.PLACE: ("#9c755f", "star", "a launch or exercise site"),
}
# events network: property -> (colour, dashed)
PROPERTY_STYLE: dict[str, tuple[str, bool]] = {
    "agent": ("#e15759", False),
    "participant": ("#f28e2b", False),
    "signatory": ("#59a14f", False),
    "weapon": ("#b07aa1", False),
    "site": ("#9c755f", False),
    "operator": ("#a0a0a0", True),
    "locatedIn": ("#a0a0a0", True),
}
# actors network: relation -> (colour, dashed)
RELATION_STYLE: dict[Relation, tuple[str, bool]] = {
    Relation.EXERCISE: ("#f28e2b", False),
    Relation.TREATY: ("#59a14f", False),
    Relation.LAUNCH_MENTION: ("#e15759", True),
}
_FACTUALITY_ORDER = ("asserted", "claimed", "expected", "negated")
_REMOTE_TAG = re.compile(
    r"<(script|link)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//[^>]*>(?:\s*</script>)?", re.IGNORECASE
)
_REMOTE_ANY = re.compile(
    r"<(?:script|link|img|iframe|audio|video|source|embed|object)\b[^>]*\b(?:src|href|data)\s*=\s*"
    r"[\"']?\s*(?:https?:)?//",
    re.IGNORECASE,
)
_COMMENT = re.compile(r"<!--\s*<link[^>]*node_modules.*?-->", re.DOTALL)  # pyvis's commented-out vis links
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.IGNORECASE)
_NETWORK_CREATED = "network = new vis.Network(container, data, options);"
CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data: blob:; font-src data:"
)


@dataclass(frozen=True, slots=True)
class ViewPage:
    """A rendered view: the HTML and what it shows.

    `edges` counts the network's edges as `kg analyze` and GraphML do: in actors mode one per
    pair of linked states, though the page draws a line per relation (`lines`)."""

    html: str
    mode: str
    nodes: int
    edges: int
    note: str | None = None
    lines: int = 0  # the lines drawn: `edges`, or in actors mode one per pair and relation

    def write(self, path: str | Path) -> None:
        """Write the page as UTF-8."""
        Path(path).write_text(self.html, encoding="utf-8")

    def _repr_html_(self) -> str:
        """Show the page inline in Jupyter, sandboxed in an iframe."""
        source = html.escape(self.html, quote=True)
        return (
            f'<iframe srcdoc="{source}" style="width:100%;height:640px;border:1px solid #ddd" '
            'sandbox="allow-scripts"></iframe>'
        )


def script_json(data: Any) -> str:
    """JSON that is safe inside <script>: `<`, `>`, `&` and U+2028/9 escaped (so no `</script>`)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return text


def strip_remote(page: str) -> str:
    """Remove <script src=http...>, <link href=http...> (pyvis's Bootstrap), HTML comments and
    pyvis's empty heading; KgError if a remote resource is still referenced after that."""
    page = _COMMENT.sub("", page)
    page = _REMOTE_TAG.sub("", page)
    page = _EMPTY_HEADING.sub("", page)
    check_offline(page)
    return page


def check_offline(page: str) -> None:
    """KgError if the page would load anything from the network."""
    found = _REMOTE_ANY.search(page)
    if found:
        raise KgError(
            f"the view would load a remote resource ({found.group(0)[:80]}...); this is a bug in kg"
        )


# --- the page's data --------------------------------------------------------------------


def _is_event(kind: object) -> bool:
    return kind in EVENT_CLASSES


def _event_json(event: EventInfo, sources: Sequence[Source]) -> dict[str, Any]:
    start, end = date_span(event.date) or (None, None)
    return {
        "type": event.type.value,
        "label": event_label(event),
        "date": event.date.iso() if event.date else None,
        "start": start,
        "end": end,
        "factuality": event.factuality.value if event.factuality else None,
        "confidence": event.confidence,
        "outcome": event.outcome.value if event.outcome else None,
        "count": event.count,
        "agent": event.agent,
        "states": list(event.states),
        "weapon": event.weapon,
        "weaponClass": event.weapon_class,
        "site": event.site,
        "name": event.name,
        "article": event.article,
        "sources": [
            {"article": s.article, "date": s.article_date, "start": s.start, "end": s.end, "text": s.sentence}
            for s in sources
        ],
    }


def _event_title(event: EventInfo, attrs: Mapping[str, Any], state_names: Mapping[str, str]) -> str:
    lines = [f"{event.type.value}: {attrs.get('label')}"]
    if event.agent:
        lines.append(f"agent: {state_names.get(event.agent, event.agent)} ({event.agent})")
    if event.actors:
        role = "participants" if event.type is NodeClass.EXERCISE else "signatories"
        lines.append(f"{role}: " + ", ".join(event.actors))
    if event.weapon or event.weapon_class:
        lines.append("weapon: " + " / ".join(w for w in (event.weapon, event.weapon_class) if w))
    if event.site:
        lines.append(f"site: {event.site}")
    if event.outcome or event.count:
        lines.append(
            " · ".join(
                x
                for x in (
                    f"outcome: {event.outcome.value}" if event.outcome else "",
                    f"count: {event.count}" if event.count else "",
                )
                if x
            )
        )
    facts = [
        event.factuality.value if event.factuality else "",
        f"confidence {event.confidence:g}" if event.confidence is not None else "",
    ]
    lines.append(" · ".join(f for f in facts if f))
    lines.append(f"article: {event.article} · click for the source sentences")
    return "\n".join(line for line in lines if line)


def _events_mode(
    graph: nx.Graph, events: Mapping[str, EventInfo], state_names: Mapping[str, str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    undirected = graph.to_undirected(as_view=True)
    degree = dict(undirected.degree())
    nodes = []
    for node, attrs in graph.nodes(data=True):
        kind = NodeClass(attrs["kind"])
        color, shape, _ = CLASS_STYLE[kind]
        vis: dict[str, Any] = {
            "label": attrs.get("label") or str(node),
            "kind": kind.value,
            "value": degree.get(node, 0) + 1,
        }
        if _is_event(kind):
            vis["ev"] = [node]
            event = events.get(node)
            vis["title"] = _event_title(event, attrs, state_names) if event else f"{kind.value}: {node}"
            fact = event.factuality.value if event and event.factuality else "asserted"
            if fact != "asserted":
                vis["shapeProperties"] = {"borderDashes": [4, 3]}
                vis["opacity"] = 0.55 if fact in ("negated", "expected") else 0.8
        else:
            around = set(undirected.neighbors(node))
            near = {n for n in around if _is_event(graph.nodes[n].get("kind"))}
            for other in around - near:  # a state's weapons and places: their events count too
                near |= {n for n in undirected.neighbors(other) if _is_event(graph.nodes[n].get("kind"))}
            vis["ev"] = sorted(near)
            title = [f"{kind.value}: {attrs.get('name') or attrs.get('label')}"]
            if attrs.get("code"):
                title[0] += f" ({attrs['code']})"
            title.append(f"{len(near)} event(s) · click to list them")
            vis["title"] = "\n".join(title)
        nodes.append((str(node), shape, color, vis))
    edges = []
    big = graph.number_of_edges() > 400
    for index, (u, v, key, attrs) in enumerate(graph.edges(keys=True, data=True)):
        color, dashed = PROPERTY_STYLE.get(str(key), ("#a0a0a0", True))
        edge: dict[str, Any] = {
            "id": f"e{index}",
            "relation": str(key),
            "title": f"{key}",
            "color": color,
            "dashes": dashed,
            "arrows": "to",
        }
        if not big:
            edge["label"] = str(attrs.get("label", key))
        edge["ev"] = [u] if _is_event(graph.nodes[u].get("kind")) else []
        edges.append((str(u), str(v), edge))
    return _vis_nodes(nodes), [{"from": u, "to": v, **e} for u, v, e in edges]


def _actors_mode(graph: nx.Graph) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    nodes = []
    color, shape, _ = CLASS_STYLE[NodeClass.STATE]
    for node, attrs in graph.nodes(data=True):
        counts = [f"{attrs.get(k, 0)} {k}" for k in ("launches", "exercises", "treaties") if attrs.get(k)]
        title = f"{attrs.get('label')} ({node})\n" + (", ".join(counts) or "no events of its own")
        title += f"\nlinked to {graph.degree(node)} state(s) · click to list its events"
        vis = {
            "label": str(node),
            "kind": NodeClass.STATE.value,
            "value": int(attrs.get("events", 0)) + 1,
            "ev": list(attrs.get("event_ids", ())),
            "title": title,
        }
        nodes.append((str(node), shape, color, vis))
    edges = []
    index = 0
    for u, v, attrs in graph.edges(data=True):
        evidence: Iterable[tuple[Relation, str]] = attrs.get("evidence", ())
        for relation in Relation:
            evs = sorted(iri for r, iri in evidence if r == relation)
            if not evs:
                continue
            color, dashed = RELATION_STYLE[relation]
            edges.append(
                {
                    "id": f"e{index}",
                    "from": str(u),
                    "to": str(v),
                    "relation": relation.value,
                    "ev": evs,
                    "value": len(evs),
                    "label": str(len(evs)),
                    "color": color,
                    "dashes": dashed,
                    "title": f"{u} – {v}\n{RELATION_LABELS[relation]}: {len(evs)} · click to list the events",
                }
            )
            index += 1
    return _vis_nodes(nodes), edges


def _vis_nodes(nodes: Sequence[tuple[str, str, str, dict[str, Any]]]) -> list[dict[str, Any]]:
    out = []
    for node_id, shape, color, vis in nodes:
        out.append(
            {
                "id": node_id,
                "shape": shape,
                "color": {
                    "background": color,
                    "border": _darker(color),
                    "highlight": {"background": color, "border": "#222222"},
                    "hover": {"background": color, "border": "#222222"},
                },
                **vis,
            }
        )
    return out


def _darker(color: str) -> str:
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * 0.7) for c in (r, g, b)))


def _options(mode: str, nodes: int) -> dict[str, Any]:
    return {
        "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": nodes <= 300},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -90,
                "centralGravity": 0.012,
                "springLength": 120 if mode == "events" else 220,
                "springConstant": 0.07,
                "damping": 0.5,
                "avoidOverlap": 0.8,
            },
            "stabilization": {
                "enabled": True,
                "iterations": 1200 if nodes <= 300 else 600 if nodes <= 800 else 250,
                "updateInterval": 50,
                "fit": True,
            },
            "minVelocity": 0.75,
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": nodes > 500},
        "nodes": {
            "borderWidth": 1.5,
            "scaling": {"min": 10, "max": 34 if mode == "events" else 44, "label": {"enabled": False}},
            "font": {
                "size": 13,
                "face": "system-ui, -apple-system, Segoe UI, sans-serif",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
        },
        "edges": {
            "smooth": {"enabled": True, "type": "continuous", "roundness": 0.4},
            "font": {
                "size": 10,
                "align": "middle",
                "color": "#555555",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
            "scaling": {"min": 1, "max": 8, "label": {"enabled": False}},
            "width": 1.2,
            "selectionWidth": 2,
            "arrows": {"to": {"scaleFactor": 0.5}},
        },
    }


# --- the page ---------------------------------------------------------------------------


def _svg(shape: str, color: str) -> str:
    border = _darker(color)
    body = {
        "dot": '<circle cx="8" cy="8" r="6"/>',
        "triangle": '<polygon points="8,1.5 14.5,14 1.5,14"/>',
        "square": '<rect x="2" y="2" width="12" height="12"/>',
        "diamond": '<polygon points="8,1 15,8 8,15 1,8"/>',
        "hexagon": '<polygon points="4.5,2 11.5,2 15,8 11.5,14 4.5,14 1,8"/>',
        "star": '<polygon points="8,1 10,6 15,6.3 11,9.6 12.4,14.8 8,11.8 3.6,14.8 5,9.6 1,6.3 6,6"/>',
    }[shape]
    return (
        f'<svg class="kg-sym" width="16" height="16" viewBox="0 0 16 16" fill="{color}" '
        f'stroke="{border}" stroke-width="1.2" aria-hidden="true">{body}</svg>'
    )


def _line(color: str, dashed: bool) -> str:
    dash = ' stroke-dasharray="4 3"' if dashed else ""
    return (
        f'<svg class="kg-sym" width="22" height="10" viewBox="0 0 22 10" aria-hidden="true">'
        f'<line x1="1" y1="5" x2="21" y2="5" stroke="{color}" stroke-width="2.5"{dash}/></svg>'
    )


def _check(name: str, value: str, label_html: str, *, checked: bool = True, extra: str = "") -> str:
    on = " checked" if checked else ""
    return (
        f'<label class="kg-check"><input type="checkbox" name="{html.escape(name)}" '
        f'value="{html.escape(value)}"{on}>{label_html}{extra}</label>'
    )


def _sidebar(
    *,
    title: str,
    mode: str,
    note: str | None,
    counts: Mapping[str, int],
    relations: Sequence[str],
    event_types: Sequence[str],
    facts: Sequence[str],
    states: Sequence[tuple[str, str]],
    state: str | None,
    labels: Sequence[str],
    n_nodes: int,
    n_edges: int,
) -> str:
    e = html.escape
    classes = "".join(
        _check(
            "kg-class",
            kind.value,
            f"{_svg(shape, color)}<span>{e(kind.value)}</span>",
            extra=f'<span class="kg-count">{counts.get(kind.value, 0)}</span>',
        )
        for kind, (color, shape, _) in CLASS_STYLE.items()
        if counts.get(kind.value)
    )
    if mode == "actors":
        edge_legend = "".join(
            _check(
                "kg-relation",
                r,
                f"{_line(*RELATION_STYLE[Relation(r)])}<span>{e(RELATION_LABELS[Relation(r)])}</span>",
            )
            for r in relations
        )
        edge_note = "Edge width: how many events link the two states."
    else:
        edge_legend = "".join(
            f'<div class="kg-key">{_line(*PROPERTY_STYLE[p])}<span>{e(p)}</span></div>' for p in relations
        )
        edge_note = "Node size: number of links."
    types = "".join(_check("kg-type", t, f"<span>{e(t)}</span>") for t in event_types)
    fact_boxes = "".join(_check("kg-fact", f, f"<span>{e(f)}</span>") for f in facts)
    options = ['<option value="">all states</option>'] + [
        f'<option value="{e(code)}"{" selected" if code == state else ""}>{e(name)} ({e(code)})</option>'
        for code, name in states
    ]
    datalist = "".join(f'<option value="{e(label)}"></option>' for label in labels)
    banner = f'<div id="kg-note" class="kg-note" role="status">{e(note)}</div>' if note else ""
    return f"""
<aside id="kg-sidebar">
  <h1 id="kg-title">{e(title)}</h1>
  <div class="kg-sub">{e(mode)} network · <span id="kg-status">{n_nodes} nodes, {n_edges} edges</span></div>
  {banner}
  <div class="kg-search">
    <input id="kg-search" type="search" list="kg-node-list" placeholder="Search a node, e.g. PRK"
           autocomplete="off" aria-label="Search a node">
    <datalist id="kg-node-list">{datalist}</datalist>
    <button id="kg-fit" type="button" title="Show the whole network">Fit</button>
  </div>
  <div id="kg-search-msg" class="kg-msg"></div>
  <section><h2>Classes</h2>{classes}</section>
  <section><h2>{"Links" if mode == "actors" else "Edges"}</h2>{edge_legend}<div class="kg-hint">{e(edge_note)}</div></section>
  {f"<section><h2>Event types</h2>{types}</section>" if types else ""}
  {f"<section><h2>Factuality</h2>{fact_boxes}</section>" if fact_boxes else ""}
  <section><h2>Dates</h2>
    <div class="kg-dates">
      <label>from <input id="kg-from" type="date"></label>
      <label>to <input id="kg-to" type="date"></label>
    </div>
    {_check("kg-undated", "1", "<span>include undated events</span>")}
  </section>
  <section><h2>State</h2><select id="kg-state" aria-label="Only events involving this state">{"".join(options)}</select></section>
  <button id="kg-reset" type="button">Reset filters</button>
  <div class="kg-hint">Hover a node for a summary; click it for details and source sentences.</div>
</aside>
<aside id="kg-panel" hidden>
  <button id="kg-panel-close" type="button" aria-label="Close">×</button>
  <div id="kg-panel-body"></div>
</aside>
"""  # noqa: E501


def render(
    graph: nx.Graph,
    rows: NetworkRows,
    *,
    title: str = "kg network",
    note: str | None = None,
    state: str | None = None,
) -> ViewPage:
    """The graph as one self-contained HTML page.

    `graph` comes from `kg.network.events_graph` or `actors_graph` (its graph["mode"] says
    which), possibly restricted or limited; `rows` supplies the events' details and source
    sentences. `state` preselects the page's state filter (an ISO code); `note` is shown in a
    banner (e.g. what the size guard left out).
    """
    from pyvis.network import Network

    mode = str(graph.graph.get("mode", "events"))
    events = rows.event_table()
    sources = rows.sources_by_event()
    state_names = rows.state_labels()
    if mode == "actors":
        vis_nodes, vis_edges = _actors_mode(graph)
    else:
        vis_nodes, vis_edges = _events_mode(graph, events, state_names)

    shown = sorted(
        {iri for n in vis_nodes for iri in n.get("ev", ())}
        | {iri for e in vis_edges for iri in e.get("ev", ())}
    )
    event_data = {iri: _event_json(events[iri], sources.get(iri, [])) for iri in shown if iri in events}
    counts: dict[str, int] = {}
    for n in vis_nodes:
        counts[n["kind"]] = counts.get(n["kind"], 0) + 1
    relations = sorted(
        {e["relation"] for e in vis_edges},
        key=lambda r: (
            list(PROPERTY_STYLE).index(r) if r in PROPERTY_STYLE else [x.value for x in Relation].index(r)
        ),
    )
    event_types = [k.value for k in EVENT_CLASSES if any(ev["type"] == k.value for ev in event_data.values())]
    facts = [f for f in _FACTUALITY_ORDER if any(ev["factuality"] == f for ev in event_data.values())]
    codes = {code for ev in event_data.values() for code in ev["states"]}
    codes |= {str(d["code"]) for _, d in graph.nodes(data=True) if d.get("code")}
    states = sorted(((c, state_names.get(c, c)) for c in codes), key=lambda s: (s[1], s[0]))
    labels = sorted({str(n["label"]) for n in vis_nodes} | {name for _, name in states})
    chosen = state.strip().upper() if state else None
    data: dict[str, Any] = {
        "mode": mode,
        "events": event_data,
        "states": {code: name for code, name in states},
        "state": chosen,
        "relationLabels": {r.value: RELATION_LABELS[r] for r in Relation},
    }

    net = Network(height="100%", width="100%", directed=mode == "events", cdn_resources="in_line")
    for n in vis_nodes:
        fields = {k: v for k, v in n.items() if k not in ("id", "label", "shape", "color")}
        net.add_node(n["id"], label=n["label"], shape=n["shape"], color=n["color"], **fields)
    net.edges = vis_edges  # parallel and typed edges kept as they are (add_edge would merge some)
    net.options = _options(mode, len(vis_nodes))
    page = net.generate_html()

    page = strip_remote(page)
    if page.count(_NETWORK_CREATED) != 1:
        raise KgError("the pyvis template changed: cannot attach kg's page script; pin pyvis 0.3.2")
    page = page.replace(
        _NETWORK_CREATED, _NETWORK_CREATED + "\n                  window.kgInit(network, nodes, edges);"
    )
    head = (
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<style>{(_ASSETS / 'view.css').read_text(encoding='utf-8')}</style>\n"
        f'<script type="application/json" id="kg-data">{script_json(data)}</script>\n'
        f"<script>{(_ASSETS / 'view.js').read_text(encoding='utf-8')}</script>\n"
    )
    body = _sidebar(
        title=title,
        mode=mode,
        note=note,
        counts=counts,
        relations=relations,
        event_types=event_types,
        facts=facts,
        states=states,
        state=chosen,
        labels=labels,
        n_nodes=len(vis_nodes),
        n_edges=graph.number_of_edges(),
    )
    page = _insert_once(page, "<head>", "<head>\n" + head)
    page = _insert_once(page, "<body>", "<body>\n" + body)
    page = "<!DOCTYPE html>\n" + page.lstrip()
    check_offline(page)
    return ViewPage(page, mode, len(vis_nodes), graph.number_of_edges(), note, len(vis_edges))


def _insert_once(page: str, marker: str, replacement: str) -> str:
    if page.count(marker) != 1:
        raise KgError(f"the pyvis template changed: expected one {marker}; pin pyvis 0.3.2")
    return page.replace(marker, replacement)
