// The map page's behaviour. The page's first script defines the data: nodes and edges (vis.DataSet),
// options (vis-network's) and pkgPhysics (whether the browser lays the map out). Inlined by
// templates/map.html.j2; "tip" strings hold HTML that Python built from escaped text.
var network = new vis.Network(document.getElementById("mynetwork"), {nodes: nodes, edges: edges}, options);
pkgLabels.remember(nodes, edges);

// While physics lays out a big map, a progress bar (the page has one only then).
(function () {
  var bar = document.getElementById("loadingBar");
  if (!bar) { return; }
  network.on("stabilizationProgress", function (params) {
    var share = params.iterations / params.total;
    document.getElementById("bar").style.width = Math.max(20, 496 * share) + "px";
    document.getElementById("text").textContent = Math.round(share * 100) + "%";
  });
  network.once("stabilizationIterationsDone", function () {
    document.getElementById("text").textContent = "100%";
    document.getElementById("bar").style.width = "496px";
    bar.style.opacity = 0;
    setTimeout(function () { bar.style.display = "none"; }, 500);
  });
})();

(function () {
  // Tooltips: "tip" holds HTML that Python built from escaped text; vis shows an Element as is.
  function tipElement(markup) {
    var div = document.createElement("div");
    div.className = "pkg-tip";
    div.innerHTML = markup;
    return div;
  }
  window.pkgTooltip = tipElement;
  // Built on the first hover (before vis's tooltipDelay shows it), not at load: a DOM element per node
  // and edge of a big map took seconds and a second drawing of the whole map.
  function tipOnHover(data, id) {
    var item = data.get(id);
    if (item && item.tip && !item.title) { data.update({id: id, title: tipElement(item.tip)}); }
  }
  network.on("hoverNode", function (params) { tipOnHover(nodes, params.node); });
  network.on("hoverEdge", function (params) { tipOnHover(edges, params.edge); });
  // Find a node by any of its names (case-insensitive).
  var list = document.getElementById("pkg-names");
  var byName = {}, listed = {};
  nodes.forEach(function (n) {
    (n.names || [n.search]).forEach(function (name) {
      var key = String(name).toLowerCase();
      (byName[key] = byName[key] || []).push(n.id);
    });
    if (!(n.search in listed)) {
      listed[n.search] = true;
      var opt = document.createElement("option");
      opt.value = n.search;
      list.appendChild(opt);
    }
  });

  // Filters. state.types / state.relations: null = all shown, else the set of shown ones.
  var state = {types: null, relations: null, since: "", until: "", focus: "", depth: 0};
  var total = nodes.length;
  function inRange(dates) {
    if (!state.since && !state.until) { return true; }
    for (var i = 0; i < (dates || []).length; i++) {
      var d = dates[i];
      if ((!state.since || d >= state.since) && (!state.until || d <= state.until)) { return true; }
    }
    return false;
  }
  function typeOn(t) { return state.types === null || state.types.has(t || ""); }
  function relOn(r) { return state.relations === null || state.relations.has(r || ""); }
  function applyFilters() {
    var ptype = {}, nodeDates = {};
    nodes.forEach(function (n) { ptype[n.id] = n.ptype; nodeDates[n.id] = n.dates; });
    var dated = Boolean(state.since || state.until);
    var okEdges = [], touched = {};
    edges.forEach(function (e) {
      if (relOn(e.relation) && typeOn(ptype[e.from]) && typeOn(ptype[e.to]) && (!dated || inRange(e.dates))) {
        okEdges.push(e);
        touched[e.from] = touched[e.to] = true;
      }
    });
    var show = {};
    nodes.forEach(function (n) {
      show[n.id] = typeOn(n.ptype) && (!dated || touched[n.id] === true || inRange(n.dates));
    });
    var centres = state.focus ? (byName[state.focus.toLowerCase()] || []) : [];
    if (centres.length && state.depth > 0) {
      var adj = {};
      okEdges.forEach(function (e) {
        if (show[e.from] && show[e.to]) {
          (adj[e.from] = adj[e.from] || []).push(e.to);
          (adj[e.to] = adj[e.to] || []).push(e.from);
        }
      });
      var dist = {}, queue = [];
      centres.forEach(function (c) { dist[c] = 0; queue.push(c); show[c] = true; });
      while (queue.length) {
        var cur = queue.shift();
        if (dist[cur] >= state.depth) { continue; }
        (adj[cur] || []).forEach(function (nb) {
          if (!(nb in dist)) { dist[nb] = dist[cur] + 1; queue.push(nb); }
        });
      }
      Object.keys(show).forEach(function (id) { show[id] = show[id] && (id in dist); });
    }
    var nodeUpd = [], edgeUpd = [], shown = 0;
    nodes.forEach(function (n) {
      var hide = !show[n.id];
      if (!hide) { shown++; }
      if (Boolean(n.hidden) !== hide) { nodeUpd.push({id: n.id, hidden: hide}); }
    });
    var okIds = {};
    okEdges.forEach(function (e) { okIds[e.id] = true; });
    edges.forEach(function (e) {
      var hide = !(okIds[e.id] && show[e.from] && show[e.to]);
      if (Boolean(e.hidden) !== hide) { edgeUpd.push({id: e.id, hidden: hide}); }
    });
    nodes.update(nodeUpd);
    edges.update(edgeUpd);
    document.getElementById("pkg-shown").textContent =
      shown === total ? "" : shown + " shown (filtered)";
    document.body.setAttribute("data-pkg-visible", String(shown));
    if (nodeUpd.length && shown) { network.fit({animation: false}); }
    if (laidOut) { settleView(); }
  }

  // The focused node (the search box, #focus=NAME or viz --focus): drawn bigger with a thick black border
  // and a shadow, selected, and centred at a readable zoom.
  var highlighted = null, restoreLook = null;
  function highlight(id) {
    if (highlighted === id) { return; }
    if (highlighted !== null && nodes.get(highlighted)) { nodes.update(restoreLook); }
    var n = nodes.get(id);
    highlighted = null;
    if (!n) { return; }
    var restore = {id: id, size: n.size, borderWidth: n.borderWidth || 1, borderWidthSelected: 2,
      shadow: false, color: n.color};
    nodes.update({id: id, size: Math.round(n.size * 1.35), borderWidth: 5, borderWidthSelected: 6,
      shadow: {enabled: true, size: 14, x: 0, y: 0, color: "rgba(0,0,0,0.45)"},
      color: {background: n.color.background, border: "#000000",
        highlight: {background: n.color.background, border: "#000000"}}});
    highlighted = id;
    restoreLook = restore;
  }
  function focusIds() {
    var ids = state.focus ? (byName[state.focus.toLowerCase()] || []) : [];
    return ids.filter(function (id) { var n = nodes.get(id); return n && !n.hidden; });
  }
  // After the layout and after every filter: centre the focus (if any), then choose the labels drawn.
  function settleView() {
    var ids = focusIds();
    if (ids.length) {
      highlight(ids[0]);
      network.selectNodes(ids);
      // With a neighbourhood shown (depth > 0) the fitted zoom keeps all of it in view.
      var scale = state.depth > 0 ? network.getScale() : Math.max(network.getScale(), 1.0);
      network.focus(ids[0], {scale: scale, animation: false});
      document.body.setAttribute("data-pkg-focus", String(ids[0]));
    } else {
      if (highlighted !== null && nodes.get(highlighted)) { nodes.update(restoreLook); }
      highlighted = null;
      document.body.removeAttribute("data-pkg-focus");
    }
    pkgLabels.declutter(network, nodes, edges, options, ids.length ? ids[0] : null);
  }
  var laidOut = false;
  function afterLayout() {
    pkgLabels.spread(network, nodes, edges, options);
    network.fit({animation: false});
    laidOut = true;
    settleView();
    document.body.setAttribute("data-pkg-stable", "1");
  }
  // Zooming in can bring labels above the size vis draws them at: choose again when the zoom rests.
  var zoomTimer = null;
  network.on("zoom", function () {
    if (nodes.length > 5000) { return; }
    clearTimeout(zoomTimer);
    zoomTimer = setTimeout(function () {
      pkgLabels.declutter(network, nodes, edges, options, highlighted);
    }, 150);
  });
  window.pkgApplyFilters = applyFilters;

  // The state <-> the page's controls <-> the URL fragment (#types=COMPANY,COMPOUND&since=...).
  var typeBoxes = document.querySelectorAll("input.pkg-type");
  var relBoxes = document.querySelectorAll("input.pkg-rel");
  var since = document.getElementById("pkg-since");
  var until = document.getElementById("pkg-until");
  var depth = document.getElementById("pkg-depth");
  var search = document.getElementById("pkg-search");
  function checked(boxes) {
    var all = true, on = new Set();
    boxes.forEach(function (b) { if (b.checked) { on.add(b.value); } else { all = false; } });
    return all ? null : on;
  }
  function fromControls() {
    state.types = checked(typeBoxes);
    state.relations = checked(relBoxes);
    state.since = since.value;
    state.until = until.value;
    state.depth = parseInt(depth.value, 10) || 0;
    state.focus = byName[search.value.toLowerCase()] ? search.value : "";
  }
  function toHash() {
    var parts = [];
    if (state.types) { parts.push("types=" + encodeURIComponent(Array.from(state.types).join(","))); }
    if (state.relations) {
      parts.push("relations=" + encodeURIComponent(Array.from(state.relations).join(",")));
    }
    if (state.since) { parts.push("since=" + state.since); }
    if (state.until) { parts.push("until=" + state.until); }
    if (state.focus) {
      parts.push("focus=" + encodeURIComponent(state.focus) + (state.depth ? "&depth=" + state.depth : ""));
    }
    var url = parts.length ? "#" + parts.join("&") : location.pathname + location.search;
    history.replaceState(null, "", url);
  }
  function fromHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    function set(boxes, key) {
      var value = params.get(key);
      var on = value === null ? null : new Set(value.split(",").map(function (t) { return t.trim(); }));
      boxes.forEach(function (b) { b.checked = on === null || on.has(b.value); });
    }
    set(typeBoxes, "types");
    set(relBoxes, "relations");
    since.value = params.get("since") || "";
    until.value = params.get("until") || "";
    if (params.get("focus")) { search.value = params.get("focus"); }
    if (params.get("depth")) { depth.value = params.get("depth"); }
    fromControls();
  }
  function changed() { fromControls(); toHash(); applyFilters(); }
  typeBoxes.forEach(function (b) { b.addEventListener("change", changed); });
  relBoxes.forEach(function (b) { b.addEventListener("change", changed); });
  [since, until, depth].forEach(function (el) { el.addEventListener("change", changed); });
  search.addEventListener("change", changed);
  window.addEventListener("hashchange", function () { fromHash(); applyFilters(); });
  // viz --focus NAME: the page opens on that node unless the URL names another.
  if (pkgFocus && !/(^#|&)focus=/.test(location.hash)) {
    var focused = nodes.get(pkgFocus);
    if (focused) { search.value = focused.search; fromControls(); }
  }
  if (location.hash.length > 1) { fromHash(); applyFilters(); }
  // Let physics settle once, then freeze so the map stops drifting; vis fits the view after the event.
  if (pkgPhysics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: {enabled: false}});
      setTimeout(afterLayout, 0);
    });
  } else {
    afterLayout();
  }
  if (!document.body.hasAttribute("data-pkg-visible")) {
    document.body.setAttribute("data-pkg-visible", String(total));
  }
  document.body.setAttribute("data-pkg-ready", "1");
})();
