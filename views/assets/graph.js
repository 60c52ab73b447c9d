/* phakhi graph view: builds the vis-network from the embedded JSON and wires the panel.
 * Text from documents only ever reaches the page through textContent / option.value /
 * vis titles given as strings (vis shows those with innerText), never as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("phakhi-data").textContent);
  var container = document.getElementById("phakhi-graph");
  var nodes = new vis.DataSet();
  var edges = new vis.DataSet();
  var hiddenTypes = new Set();
  var hiddenRels = new Set();
  var aggregated = data.mode === "aggregated";
  var expanded = new Set();
  var memberById = new Map();
  var groupIds = aggregated ? Object.keys(data.groups) : [];
  var state = { stabilized: false, selected: null };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function nfc(s) { return String(s || "").normalize("NFC").toLowerCase().trim(); }
  function fmt(n) { return Number(n).toLocaleString("en-US"); }

  // -- aggregated view: groups until clicked, then their members ---------------------------
  if (aggregated) {
    data.members.forEach(function (m) { memberById.set(m.id, m); });
  }
  function shownId(id) {
    var m = memberById.get(id);
    return m && !expanded.has(m.group_id) ? m.group_id : id;
  }
  function memberNode(m) {
    var g = data.groups[m.group_id];
    var n = Object.assign({}, m, { x: g.x + m.dx, y: g.y + m.dy });
    n.hidden = hiddenTypes.has(m.ptype);
    return n;
  }
  function rebuildAggregated() {
    var shown = [];
    groupIds.forEach(function (gid) {
      if (!expanded.has(gid)) shown.push(Object.assign({}, data.groups[gid]));
    });
    data.members.forEach(function (m) { if (expanded.has(m.group_id)) shown.push(memberNode(m)); });
    var drawn = [];
    var bundles = new Map();
    data.memberEdges.forEach(function (e) {
      var a = shownId(e.from), b = shownId(e.to);
      if (a === e.from && b === e.to) {
        drawn.push(Object.assign({}, e, { hidden: hiddenRels.has(e.rtype) }));
        return;
      }
      if (a === b) return;
      var key = a + "\u0000" + b;
      var bundle = bundles.get(key);
      if (!bundle) {
        bundle = { id: "bundle:" + key, from: a, to: b, count: 0, arrows: "to",
                   color: { color: "#b0bec5" }, bundle: true };
        bundles.set(key, bundle);
      }
      bundle.count += 1;
    });
    bundles.forEach(function (b) {
      b.value = Math.log2(1 + b.count);
      b.title = fmt(b.count) + " ความสัมพันธ์ (relationships)";
      drawn.push(b);
    });
    nodes.clear(); edges.clear();
    nodes.add(shown); edges.add(drawn);
    updateCounts();
  }
  function expandGroup(gid) {
    if (!data.groups[gid] || expanded.has(gid)) return false;
    expanded.add(gid);
    rebuildAggregated();
    return true;
  }

  // -- the network ----------------------------------------------------------------------------
  if (aggregated) {
    rebuildAggregated();
  } else {
    nodes.add(data.nodes);
    edges.add(data.edges);
  }
  // Created empty, filled at the end (see setData below).
  var network = new vis.Network(container, {}, data.options);
  var onStable = [];  // run once the layout is final (a focus before that would be undone by the fit)
  function markStable() {
    if (state.stabilized) return;
    state.stabilized = true;
    network.setOptions({ physics: { enabled: false } });
    onStable.forEach(function (f) { f(); });
    document.body.setAttribute("data-stabilized", "true");
  }
  var physics = data.options.physics && data.options.physics.enabled;
  if (physics) {
    network.once("stabilizationIterationsDone", markStable);
    network.once("stabilized", markStable);
  }

  // -- details, selection, focus ------------------------------------------------------------
  var details = document.getElementById("phakhi-details");
  var cards = data.cards || {};
  var clusters = data.clusters || {};
  var hubs = new Set(data.hubs || []);
  function showDetails(text) { details.textContent = text || ""; }
  // the click panel: the node's card (Thai field names beside English), else its tooltip
  function showNode(id) { var n = nodes.get(id); showDetails(cards[id] || (n && n.title)); }
  function showLabel(id, on) {  // readable view: labels of hubs always, the others on hover
    var n = nodes.get(id);
    if (!n || n.fullLabel === undefined || hubs.has(id)) return;
    var label = on || state.selected === id ? n.fullLabel : "";
    if (n.label !== label) nodes.update({ id: id, label: label });
  }
  function openClustersOf(id) {
    var path = network.clustering.findNode(id) || [];
    path.slice(0, -1).forEach(function (c) { if (network.isCluster(c)) network.openCluster(c); });
  }
  function focusNode(id) {
    if (aggregated && memberById.has(id)) expandGroup(memberById.get(id).group_id);
    if (!clusters[id]) openClustersOf(id);
    var n = nodes.get(id);
    if (!n) return false;
    if (n.hidden) { hiddenTypes.delete(n.ptype); applyToggles(); syncToggleBoxes(); }
    network.selectNodes([id]);
    network.focus(id, { scale: 1.1, animation: false });
    var previous = state.selected;
    state.selected = id;
    if (previous && previous !== id) showLabel(previous, false);
    showLabel(id, true);
    showNode(id);
    return true;
  }
  network.on("hoverNode", function (p) { showLabel(p.node, true); });
  network.on("blurNode", function (p) { showLabel(p.node, false); });
  network.on("click", function (params) {
    if (params.nodes.length) {
      var id = params.nodes[0];
      if (aggregated && data.groups[id]) {
        expandGroup(id);
        var first = data.members.filter(function (m) { return m.group_id === id; }).map(function (m) { return m.id; });
        if (first.length) network.fit({ nodes: first, animation: false });
        return;
      }
      if (network.isCluster(id)) {  // a collapsed cluster opens on click
        network.openCluster(id);
        return;
      }
      var previous = state.selected;
      state.selected = id;
      if (previous && previous !== id) showLabel(previous, false);
      showLabel(id, true);
      showNode(id);
    } else if (params.edges.length) {
      var e = edges.get(params.edges[0]);
      showDetails(e && e.title);
    }
  });

  // -- search -------------------------------------------------------------------------------
  var everyNode = aggregated ? data.members : data.nodes;
  // Dots and spaces do not count ("ปค" finds "ปค."); an exact name beats a prefix, a
  // prefix beats a substring, and a shorter name wins a tie.
  function searchKey(s) { return nfc(s).replace(/[\s.]+/g, ""); }
  var searchIndex = null;
  function findNode(query) {
    var raw = nfc(query), key = searchKey(query);
    if (!key) return null;
    if (!searchIndex) {
      searchIndex = [];
      everyNode.forEach(function (n) {
        (n.terms || []).concat([n.id]).forEach(function (t) {
          searchIndex.push({ node: n, raw: nfc(t), key: searchKey(t) });
        });
      });
    }
    var best = null, bestRank = 9, bestLen = Infinity;
    for (var i = 0; i < searchIndex.length; i++) {
      var e = searchIndex[i], rank;
      if (e.raw === raw) rank = 0;
      else if (e.key === key) rank = 1;
      else if (e.key.indexOf(key) === 0) rank = 2;
      else if (e.key.indexOf(key) > 0) rank = 3;
      else continue;
      if (rank < bestRank || (rank === bestRank && e.key.length < bestLen)) {
        best = e.node; bestRank = rank; bestLen = e.key.length;
      }
    }
    return best;
  }
  var searchStatus = document.getElementById("phakhi-search-status");
  document.getElementById("phakhi-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var query = document.getElementById("phakhi-search").value;
    var hit = findNode(query);
    if (hit && focusNode(hit.id)) {
      searchStatus.textContent = "พบ (found): " + (hit.terms && hit.terms[0] || hit.id);
    } else {
      searchStatus.textContent = "ไม่พบ (not found): " + query;
    }
  });
  var datalist = document.getElementById("phakhi-names");
  var seenNames = new Set();
  everyNode.slice(0, 3000).forEach(function (n) {
    (n.terms || []).forEach(function (t) {
      if (seenNames.has(t)) return;
      seenNames.add(t);
      var opt = document.createElement("option");
      opt.value = t;
      datalist.appendChild(opt);
    });
  });

  // -- legend and toggles -------------------------------------------------------------------
  function applyToggles() {
    var nodeUpdates = nodes.get().filter(function (n) { return n.ptype !== undefined; }).map(function (n) {
      return { id: n.id, hidden: hiddenTypes.has(n.ptype) };
    });
    nodes.update(nodeUpdates);
    var edgeUpdates = edges.get().filter(function (e) { return e.rtype !== undefined; }).map(function (e) {
      return { id: e.id, hidden: hiddenRels.has(e.rtype) };
    });
    edges.update(edgeUpdates);
    updateCounts();
  }
  var toggleBoxes = [];
  function syncToggleBoxes() {
    toggleBoxes.forEach(function (b) {
      b.box.checked = !(b.kind === "node" ? hiddenTypes : hiddenRels).has(b.type);
    });
  }
  function legendRow(entry, kind) {
    var li = el("li");
    li.setAttribute("data-type", entry.type);
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.className = "phakhi-toggle";
    box.setAttribute("data-" + kind + "-type", entry.type);
    box.addEventListener("change", function () {
      var set = kind === "node" ? hiddenTypes : hiddenRels;
      if (box.checked) set.delete(entry.type); else set.add(entry.type);
      applyToggles();
    });
    toggleBoxes.push({ box: box, kind: kind, type: entry.type });
    var swatch;
    if (kind === "node") {
      swatch = el("span", "swatch " + entry.shape);
      swatch.style.background = entry.color;
    } else {
      swatch = el("span", "line-swatch" + (entry.dashes ? " dashed" : ""));
      swatch.style.borderTopColor = entry.color;
    }
    var names = el("span", "names");
    names.appendChild(el("span", "th", entry.name_th));
    names.appendChild(document.createTextNode(" "));
    names.appendChild(el("span", "en", entry.name_en));
    label.appendChild(box); label.appendChild(swatch); label.appendChild(names);
    li.appendChild(label);
    li.appendChild(el("span", "count", fmt(entry.count)));
    return li;
  }
  var nodeLegend = document.getElementById("phakhi-legend-nodes");
  data.legend.nodes.forEach(function (e) { nodeLegend.appendChild(legendRow(e, "node")); });
  var edgeLegend = document.getElementById("phakhi-legend-edges");
  data.legend.edges.forEach(function (e) { edgeLegend.appendChild(legendRow(e, "edge")); });

  var counts = document.getElementById("phakhi-counts");
  function updateCounts() {
    if (!counts) return;
    counts.textContent = "แสดง (drawn) " + fmt(nodes.length) + " โหนด / " + fmt(edges.length) +
      " เส้น — ทั้งหมด (total) " + fmt(data.counts.nodes) + " / " + fmt(data.counts.edges);
  }
  updateCounts();
  document.getElementById("phakhi-fit").addEventListener("click", function () {
    network.fit({ animation: false });
  });
  if (aggregated) {
    var collapse = document.getElementById("phakhi-collapse");
    collapse.hidden = false;
    collapse.addEventListener("click", function () {
      expanded.clear();
      rebuildAggregated();
      network.fit({ animation: false });
    });
  }
  if (data.message) {
    var msg = document.getElementById("phakhi-message");
    msg.textContent = data.message;
    msg.hidden = false;
  }

  // -- the URL hash names a node: view.html#node=<id> -----------------------------------------
  function focusFromHash() {
    var m = /(?:^#|&)node=([^&]*)/.exec(window.location.hash);
    if (!m) return;
    var id;
    try { id = decodeURIComponent(m[1]); } catch (err) { return; }
    if (!focusNode(id)) searchStatus.textContent = "ไม่อยู่ในมุมมองนี้ (not in this view): " + id;
  }
  window.addEventListener("hashchange", focusFromHash);
  onStable.push(function () {
    if (window.location.hash) {
      focusFromHash();
    } else if (data.focus && data.focus.length) {
      focusNode(data.focus[0]);
    }
  });

  // Data last: everything above listens already when vis starts (with few nodes it
  // stabilises inside setData).
  network.setData({ nodes: nodes, edges: edges });
  // readable view: satellites (one neighbour, same type) start collapsed; a click opens them
  Object.keys(clusters).forEach(function (cid) {
    var c = clusters[cid];
    network.cluster({
      joinCondition: function (n) { return n.cluster === cid; },
      clusterNodeProperties: { id: cid, label: c.label, title: c.title, shape: "dot", size: 16,
                               color: c.color, borderWidth: 3, font: { size: 13 } }
    });
  });
  if (!physics) markStable();

  window.phakhi = { network: network, nodes: nodes, edges: edges, data: data, state: state,
                    focusNode: focusNode, findNode: findNode, expandGroup: expandGroup,
                    showLabel: showLabel };
})();
