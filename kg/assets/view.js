/* kg view: filters, search and the details panel over pyvis's vis-network.
 *
 * Inlined into the page by kg/view.py. The page's data (events, their source sentences, state
 * names) is the JSON in <script id="kg-data">. All text from articles is put in the page with
 * textContent, never innerHTML. pyvis's drawGraph() calls window.kgInit once the network exists.
 */
(function () {
  "use strict";
  var KG = JSON.parse(document.getElementById("kg-data").textContent);
  window.KG = KG;
  var EVENT_KINDS = { Launch: true, Exercise: true, Treaty: true };
  var net, nodes, edges;
  var allNodes = [], allEdges = [], edgeTotal = 0;

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function byId(id) { return document.getElementById(id); }
  // An edge as kg counts it (kg analyze, GraphML): in actors mode a pair of states, whatever
  // the relations drawn between them; in events mode each drawn edge.
  function edgeKey(e) {
    if (KG.mode !== "actors") return e.id;
    return e.from < e.to ? e.from + "|" + e.to : e.to + "|" + e.from;
  }
  function checkedValues(name) {
    var out = {};
    var boxes = document.querySelectorAll('input[name="' + name + '"]');
    for (var i = 0; i < boxes.length; i++) if (boxes[i].checked) out[boxes[i].value] = true;
    return out;
  }

  // --- filters ------------------------------------------------------------------------
  function readFilters() {
    return {
      classes: checkedValues("kg-class"),
      relations: checkedValues("kg-relation"),
      types: checkedValues("kg-type"),
      facts: checkedValues("kg-fact"),
      undated: !!document.querySelector('input[name="kg-undated"]:checked'),
      from: byId("kg-from").value || null,
      to: byId("kg-to").value || null,
      state: byId("kg-state").value || null
    };
  }

  function eventShown(iri, f) {
    var e = KG.events[iri];
    if (!e) return true;
    if (!f.types[e.type]) return false;
    if (e.factuality && !f.facts[e.factuality]) return false;
    if (f.state && e.states.indexOf(f.state) < 0) return false;
    if (f.from || f.to) {
      if (!e.start) return f.undated;
      if (f.from && e.end < f.from) return false;
      if (f.to && e.start > f.to) return false;
    }
    return true;
  }

  function applyFilters() {
    var f = readFilters();
    var ok = {};
    Object.keys(KG.events).forEach(function (iri) { ok[iri] = eventShown(iri, f); });
    var hiddenNode = {}, nodeUpdates = [], edgeUpdates = [], shownNodes = 0, shownEdges = 0;
    if (KG.mode === "actors") {
      var linked = {};
      allEdges.forEach(function (e) {
        var evs = f.relations[e.relation] ? e.ev.filter(function (iri) { return ok[iri] !== false; }) : [];
        var hide = evs.length === 0 || !f.classes.State;
        if (!hide) { linked[e.from] = true; linked[e.to] = true; }
        edgeUpdates.push({ id: e.id, hidden: hide, value: Math.max(evs.length, 1), label: String(evs.length) });
      });
      allNodes.forEach(function (n) {
        var own = n.ev.some(function (iri) { return ok[iri] !== false; });
        var hide = !f.classes.State || !(linked[n.id] || own || (n.ev.length === 0 && !f.state));
        hiddenNode[n.id] = hide;
      });
    } else {
      allNodes.forEach(function (n) {
        var hide;
        if (!f.classes[n.kind]) hide = true;
        else if (EVENT_KINDS[n.kind]) hide = ok[n.id] === false;
        else hide = !n.ev.some(function (iri) {
          var e = KG.events[iri];
          return ok[iri] !== false && (!e || f.classes[e.type]);
        });
        hiddenNode[n.id] = hide;
      });
      allEdges.forEach(function (e) {
        edgeUpdates.push({ id: e.id, hidden: !!(hiddenNode[e.from] || hiddenNode[e.to]) });
      });
    }
    allNodes.forEach(function (n) {
      nodeUpdates.push({ id: n.id, hidden: hiddenNode[n.id] });
      if (!hiddenNode[n.id]) shownNodes++;
    });
    var shownPairs = {};
    edgeUpdates.forEach(function (u) {
      var e = edges.get(u.id);
      if (hiddenNode[e.from] || hiddenNode[e.to]) u.hidden = true;
      if (!u.hidden) shownPairs[edgeKey(e)] = true;
    });
    shownEdges = Object.keys(shownPairs).length;
    nodes.update(nodeUpdates);
    edges.update(edgeUpdates);
    byId("kg-status").textContent = shownNodes + " of " + allNodes.length + " nodes, " +
      shownEdges + " of " + edgeTotal + " edges";
    window.kgShown = { nodes: shownNodes, edges: shownEdges };
  }

  function resetFilters() {
    var boxes = document.querySelectorAll("#kg-sidebar input[type=checkbox]");
    for (var i = 0; i < boxes.length; i++) boxes[i].checked = true;
    byId("kg-from").value = "";
    byId("kg-to").value = "";
    byId("kg-state").value = "";
    applyFilters();
  }

  // --- details panel --------------------------------------------------------------------
  function panel() {
    var body = byId("kg-panel-body");
    while (body.firstChild) body.removeChild(body.firstChild);
    setPanel(true);
    return body;
  }

  // The network makes room for the panel rather than hiding behind it.
  function setPanel(open) {
    var was = !byId("kg-panel").hidden;
    byId("kg-panel").hidden = !open;
    if (was === open || !net) return;
    document.body.classList.toggle("kg-panel-open", open);
    net.setSize("100%", "100%");
    net.redraw();
    net.fit();
  }

  function stateName(code) { return KG.states[code] ? KG.states[code] + " (" + code + ")" : code; }

  function facts(dl, pairs) {
    pairs.forEach(function (p) {
      if (p[1] === null || p[1] === undefined || p[1] === "") return;
      dl.appendChild(el("dt", p[0]));
      dl.appendChild(el("dd", p[1]));
    });
  }

  function showEvent(iri) {
    var e = KG.events[iri];
    var body = panel();
    if (!e) { body.appendChild(el("h3", iri)); return; }
    body.appendChild(el("h3", e.label));
    body.appendChild(el("div", e.type, "kg-kind"));
    var dl = el("dl");
    facts(dl, [
      ["date", e.date], ["agent", e.agent ? stateName(e.agent) : null],
      [e.type === "Treaty" ? "signatories" : "participants",
       e.type === "Launch" ? null : e.states.map(stateName).join(", ")],
      ["name", e.name], ["weapon", e.weapon], ["class", e.weaponClass], ["site", e.site],
      ["outcome", e.outcome], ["count", e.count], ["factuality", e.factuality],
      ["confidence", e.confidence], ["article", e.article]
    ]);
    body.appendChild(dl);
    body.appendChild(el("h4", "Source sentences (" + e.sources.length + ")"));
    e.sources.forEach(function (s) {
      var block = el("blockquote", null, "kg-source");
      var where = s.article + (s.date ? ", " + s.date : "") +
        (s.start !== null && s.end !== null ? " · characters " + s.start + "–" + s.end : "");
      block.appendChild(el("span", where, "kg-source-meta"));
      block.appendChild(document.createTextNode(s.text));
      body.appendChild(block);
    });
  }

  function eventList(body, iris) {
    var list = el("ul", null, "kg-events");
    iris.slice().sort(function (a, b) {
      var x = KG.events[a] || {}, y = KG.events[b] || {};
      return String(x.start || "9999").localeCompare(String(y.start || "9999")) || a.localeCompare(b);
    }).forEach(function (iri) {
      var e = KG.events[iri];
      var item = el("li");
      var link = el("a", e ? e.type + ": " + e.label : iri);
      link.setAttribute("data-event", iri);
      link.addEventListener("click", function () { showEvent(iri); focusNode(iri, true); });
      item.appendChild(link);
      list.appendChild(item);
    });
    body.appendChild(list);
  }

  function showNode(id) {
    var n = nodes.get(id);
    if (!n) return;
    if (EVENT_KINDS[n.kind]) { showEvent(id); return; }
    var body = panel();
    body.appendChild(el("h3", n.kind === "State" && KG.states[n.label] ? stateName(n.label) : n.label));
    body.appendChild(el("div", n.kind, "kg-kind"));
    body.appendChild(el("h4", "Events (" + n.ev.length + ")"));
    eventList(body, n.ev);
  }

  function showEdge(id) {
    var e = edges.get(id);
    if (!e || !e.ev || !e.ev.length || KG.mode !== "actors") return;
    var body = panel();
    body.appendChild(el("h3", stateName(e.from) + " – " + stateName(e.to)));
    body.appendChild(el("div", KG.relationLabels[e.relation] || e.relation, "kg-kind"));
    e.ev.forEach(function (iri) {
      var ev = KG.events[iri];
      if (!ev) return;
      body.appendChild(el("h4", ev.type + ": " + ev.label));
      ev.sources.forEach(function (s) {
        var block = el("blockquote", null, "kg-source");
        block.appendChild(el("span", s.article + (s.date ? ", " + s.date : ""), "kg-source-meta"));
        block.appendChild(document.createTextNode(s.text));
        body.appendChild(block);
      });
    });
  }

  // --- search ---------------------------------------------------------------------------
  function focusNode(id, quiet) {
    var n = nodes.get(id);
    if (!n) return false;
    if (n.hidden) { if (!quiet) byId("kg-search-msg").textContent = n.label + " is hidden by the filters"; return true; }
    net.selectNodes([id]);
    // No animation: vis-network 9.1 leaves a stale view listener when one animation starts while
    // another runs, which then pulls the view back on every redraw.
    net.focus(id, { scale: 1.3, locked: false, animation: false });
    return true;
  }

  function search() {
    var q = byId("kg-search").value.trim().toLowerCase();
    byId("kg-search-msg").textContent = "";
    if (!q) return;
    var exact = null, partial = null;
    allNodes.forEach(function (n) {
      var names = [String(n.label).toLowerCase()];
      if (KG.states[n.label]) names.push(KG.states[n.label].toLowerCase());
      if (names.indexOf(q) >= 0 && !exact) exact = n;
      if (!partial && names.some(function (s) { return s.indexOf(q) >= 0; })) partial = n;
    });
    var hit = exact || partial;
    if (!hit) { byId("kg-search-msg").textContent = "no node matches"; return; }
    showNode(hit.id);  // first: opening the panel refits the network, then the focus
    focusNode(hit.id, false);
  }

  // --- wiring ---------------------------------------------------------------------------
  window.kgInit = function (network, nodeSet, edgeSet) {
    net = network; nodes = nodeSet; edges = edgeSet;
    allNodes = nodes.get(); allEdges = edges.get();
    var pairs = {};
    allEdges.forEach(function (e) { pairs[edgeKey(e)] = true; });
    edgeTotal = Object.keys(pairs).length;
    window.kgApplyFilters = applyFilters;
    var inputs = document.querySelectorAll("#kg-sidebar input, #kg-sidebar select");
    for (var i = 0; i < inputs.length; i++) {
      if (inputs[i].id === "kg-search") continue;
      inputs[i].addEventListener("change", applyFilters);
    }
    byId("kg-reset").addEventListener("click", resetFilters);
    byId("kg-fit").addEventListener("click", function () { net.fit(); });
    // Enter searches; so does picking a suggestion (a change without Enter, e.g. from the list)
    var entered = false;
    byId("kg-search").addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") { entered = true; search(); }
    });
    byId("kg-search").addEventListener("change", function () {
      if (!entered) search();
      entered = false;
    });
    byId("kg-panel-close").addEventListener("click", function () { setPanel(false); });
    net.on("click", function (params) {
      if (params.nodes.length) showNode(params.nodes[0]);
      else if (params.edges.length) showEdge(params.edges[0]);
    });
    net.once("stabilizationIterationsDone", function () {
      net.setOptions({ physics: { enabled: false } });
      net.fit();
      window.kgReady = true;
    });
    if (KG.state) applyFilters();
  };
})();
