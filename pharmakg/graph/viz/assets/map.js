// The map page's behaviour. The page's first script defines the data: nodes and edges (vis.DataSet),
// options (vis-network's) and pkgPhysics (whether the browser lays the map out). Inlined by
// templates/map.html.j2; "tip" strings hold HTML that Python built from escaped text.
var network = new vis.Network(document.getElementById("mynetwork"), {nodes: nodes, edges: edges}, options);

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
  // Let physics settle once, then freeze so the map stops drifting.
  if (pkgPhysics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: {enabled: false}});
      document.body.setAttribute("data-pkg-stable", "1");
    });
  } else {
    document.body.setAttribute("data-pkg-stable", "1");
  }
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
  }
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
    if (state.focus && state.depth) {
      parts.push("focus=" + encodeURIComponent(state.focus) + "&depth=" + state.depth);
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
  search.addEventListener("change", function (ev) {
    var ids = byName[ev.target.value.toLowerCase()];
    if (ids) {
      network.selectNodes(ids);
      if (!depth.value || depth.value === "0") {
        network.focus(ids[0], {scale: 1.2, animation: {duration: 500}});
      }
    }
    changed();
  });
  window.addEventListener("hashchange", function () { fromHash(); applyFilters(); });
  if (location.hash.length > 1) { fromHash(); applyFilters(); }
  if (!document.body.hasAttribute("data-pkg-visible")) {
    document.body.setAttribute("data-pkg-visible", String(total));
  }
  document.body.setAttribute("data-pkg-ready", "1");
})();
