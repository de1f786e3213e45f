// Labels that never overlap at the zoom the map opens at. Inlined by templates/map.html.j2 before map.js,
// which calls pkgLabels.spread once the layout is done and pkgLabels.declutter after every change of view.
//
// vis-network draws labels in the map's own units, so two labels that overlap at one zoom overlap at every
// zoom. Overlaps are first removed by moving nodes apart (a few passes over a grid of the label boxes);
// any left (or made by zooming in past the size at which vis starts drawing small labels) are resolved by
// not drawing the less important label: its node's tooltip still names it.
var pkgLabels = (function () {
  var ctx = document.createElement("canvas").getContext("2d");
  var full = {};  // "n" + node id or "e" + edge id -> the label as built (before any was cleared)
  var widths = {};
  var cleared = {};  // "n" + id or "e" + id -> true while its label is not drawn
  var CELL = 120;  // grid cell in map units
  var SPREAD_PASSES = 40;
  var SPREAD_MAX_NODES = 1500;  // bigger maps only declutter (0.6 s for 1,000 nodes; names unreadable at fit)

  function remember(nodes, edges) {
    nodes.forEach(function (n) { full["n" + n.id] = n.label || ""; });
    edges.forEach(function (e) { full["e" + e.id] = e.label || ""; });
  }
  // bold: vis draws the labels of the selected node and of its edges in bold, wider.
  function textSize(text, font, bold) {
    var key = (bold ? "b" : "") + font.size + "|" + text;
    if (!(key in widths)) {
      ctx.font = (bold ? "bold " : "") + font.size + "px " + (font.face || "arial");
      var w = 0;
      String(text).split("\n").forEach(function (l) { w = Math.max(w, ctx.measureText(l).width); });
      widths[key] = w;
    }
    var lines = String(text).split("\n").length;
    return {w: widths[key] + 8, h: lines * (font.size + 2) + 6};
  }
  function drawnAt(font, scale) { return font.size * scale >= 4; }  // vis: drawThreshold 5, minus 1

  // Boxes in map units: a node's label sits under its shape (vis: y + size + 3), an edge's on its middle.
  function nodeBox(net, id, pos, font, withShape, bold) {
    var node = net.body.nodes[id];
    var r = node ? node.options.size : 10;
    var t = textSize(full["n" + id], font, bold);
    var box = {x1: pos.x - t.w / 2, x2: pos.x + t.w / 2, y1: pos.y + r + 1, y2: pos.y + r + 3 + t.h};
    if (withShape) {
      box.x1 = Math.min(box.x1, pos.x - r); box.x2 = Math.max(box.x2, pos.x + r); box.y1 = pos.y - r;
    }
    return box;
  }
  function edgeBox(net, id, font, bold) {
    var edge = net.body.edges[id];
    if (!edge || !edge.from || !edge.to) { return null; }
    var mid = edge.edgeType && edge.edgeType.getPoint ? edge.edgeType.getPoint(0.5)
      : {x: (edge.from.x + edge.to.x) / 2, y: (edge.from.y + edge.to.y) / 2};
    var t = textSize(full["e" + id], font, bold);
    return {x1: mid.x - t.w / 2, x2: mid.x + t.w / 2, y1: mid.y - t.h / 2, y2: mid.y + t.h / 2};
  }
  function overlap(a, b) { return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2; }
  function cells(box) {
    var out = [];
    for (var gx = Math.floor(box.x1 / CELL); gx <= Math.floor(box.x2 / CELL); gx++) {
      for (var gy = Math.floor(box.y1 / CELL); gy <= Math.floor(box.y2 / CELL); gy++) {
        out.push(gx + ":" + gy);
      }
    }
    return out;
  }

  // Move node a (and b the other way, unless null) so that boxes A and B no longer overlap, along the axis
  // that needs the smaller move.
  function pushApart(pos, a, b, A, B, away) {
    var dx = Math.min(A.x2 - B.x1, B.x2 - A.x1), dy = Math.min(A.y2 - B.y1, B.y2 - A.y1);
    var share = b === null ? 1 : 0.5;
    var sx = away.x < 0 || (away.x === 0 && (b === null || a < b)) ? -1 : 1;
    var sy = away.y < 0 || (away.y === 0 && (b === null || a < b)) ? -1 : 1;
    if (dx < dy) {
      pos[a].x += sx * (dx * share + 1); if (b !== null) { pos[b].x -= sx * (dx * share + 1); }
    } else {
      pos[a].y += sy * (dy * share + 1); if (b !== null) { pos[b].y -= sy * (dy * share + 1); }
    }
  }
  // A payment's amounts sit on its edge's middle: a node over them is pushed off, and the payer and payee
  // are pushed apart when the amounts do not fit between them.
  function clearPayments(pos, paying, grid, boxes, moved, edgeFont) {
    var pushes = 0;
    paying.forEach(function (e) {
      var p = pos[e.from], q = pos[e.to];
      if (!p || !q) { return; }
      var vx = q.x - p.x, vy = q.y - p.y, bend = e.bend || {along: 0, across: 0};
      var mid = {x: (p.x + q.x) / 2 + bend.along * vx - bend.across * vy,
        y: (p.y + q.y) / 2 + bend.along * vy + bend.across * vx};
      var t = textSize(full["e" + e.id], edgeFont);
      var box = {x1: mid.x - t.w / 2, x2: mid.x + t.w / 2, y1: mid.y - t.h / 2, y2: mid.y + t.h / 2};
      var near = {};
      cells(box).forEach(function (c) { (grid[c] || []).forEach(function (id) { near[id] = true; }); });
      Object.keys(near).forEach(function (id) {
        if (!overlap(boxes[id], box)) { return; }
        if (id === String(e.from) || id === String(e.to)) {
          pushApart(pos, e.from, e.to, boxes[e.from], box, {x: p.x - q.x, y: p.y - q.y});
          moved[e.from] = moved[e.to] = true;
        } else {
          pushApart(pos, id, null, boxes[id], box, {x: pos[id].x - mid.x, y: pos[id].y - mid.y});
          moved[id] = true;
        }
        pushes++;
      });
    });
    return pushes;
  }

  // Push apart the nodes whose shape-and-label boxes overlap, and off the payments' amounts.
  function spread(net, nodes, edges, options) {
    var font = options.nodes.font;
    var ids = nodes.getIds({filter: function (n) { return !n.hidden; }});
    if (ids.length > SPREAD_MAX_NODES) { return 0; }
    var pos = net.getPositions(ids), moved = {}, pass;
    var paying = edges.get({filter: function (e) {
      return e.relation === "PAYMENT" && !e.hidden && full["e" + e.id] && e.from in pos && e.to in pos;
    }});
    // A curved edge's middle is off the straight line by a share of its length: keep that share as the
    // nodes move (along the edge and across it, in units of its length).
    paying.forEach(function (e) {
      var edge = net.body.edges[e.id], p = pos[e.from], q = pos[e.to];
      var vx = q.x - p.x, vy = q.y - p.y, len2 = vx * vx + vy * vy;
      if (!edge || !edge.edgeType || !edge.edgeType.getPoint || !len2) { return; }
      var m = edge.edgeType.getPoint(0.5), dx = m.x - (p.x + q.x) / 2, dy = m.y - (p.y + q.y) / 2;
      e.bend = {along: (dx * vx + dy * vy) / len2, across: (dy * vx - dx * vy) / len2};
    });
    for (pass = 0; pass < SPREAD_PASSES; pass++) {
      var grid = {}, boxes = {}, pushes = 0;
      ids.forEach(function (id) {
        var box = boxes[id] = nodeBox(net, id, pos[id], font, true);
        cells(box).forEach(function (c) { (grid[c] = grid[c] || []).push(id); });
      });
      var seen = {};
      Object.keys(grid).forEach(function (c) {
        var list = grid[c];
        for (var i = 0; i < list.length; i++) {
          for (var j = i + 1; j < list.length; j++) {
            var a = list[i], b = list[j], key = a < b ? a + "|" + b : b + "|" + a;
            if (seen[key]) { continue; }
            seen[key] = true;
            if (!overlap(boxes[a], boxes[b])) { continue; }
            pushApart(pos, a, b, boxes[a], boxes[b], {x: pos[a].x - pos[b].x, y: pos[a].y - pos[b].y});
            moved[a] = moved[b] = true;
            pushes++;
          }
        }
      });
      pushes += clearPayments(pos, paying, grid, boxes, moved, options.edges.font);
      if (!pushes) { break; }
    }
    // Set in place and drawn once: network.moveNode redraws the whole map per node while physics is off
    // (945 moves took 50 s on a 1,000-node map).
    Object.keys(moved).forEach(function (id) {
      var node = net.body.nodes[id];
      if (node) { node.x = pos[id].x; node.y = pos[id].y; }
    });
    if (Object.keys(moved).length) { net.redraw(); }
    return Object.keys(moved).length;
  }

  // Which labels are drawn at the current zoom: the most important first (the focused node, its neighbours,
  // payments' amounts, then nodes by size, then other edges); a label that would overlap one already placed
  // is not drawn.
  function declutter(net, nodes, edges, options, focusId) {
    var scale = net.getScale(), nodeFont = options.nodes.font, edgeFont = options.edges.font;
    var items = [], nodeUpd = [], edgeUpd = [];
    var shown = {};
    nodes.forEach(function (n) { shown[n.id] = !n.hidden; });
    var pos = net.getPositions(), near = {};
    edges.forEach(function (e) {
      if (e.from === focusId) { near[e.to] = true; }
      if (e.to === focusId) { near[e.from] = true; }
    });
    nodes.forEach(function (n) {
      if (!shown[n.id] || !full["n" + n.id]) { return; }
      var rank = n.id === focusId ? 0 : (near[n.id] ? 1 : 3);
      items.push({rank: rank, size: -(n.size || 0), id: n.id, kind: "n"});
    });
    edges.forEach(function (e) {
      if (e.hidden || !shown[e.from] || !shown[e.to] || !full["e" + e.id]) { return; }
      items.push({rank: e.relation === "PAYMENT" ? 2 : 4, size: 0, id: e.id, kind: "e",
        bold: focusId !== null && (e.from === focusId || e.to === focusId)});
    });
    items.sort(function (a, b) {
      return a.rank - b.rank || a.size - b.size || (String(a.id) < String(b.id) ? -1 : 1);
    });
    // An edge's label must not hide a node either (the label's white outline would cut the shape).
    var grid = {}, shapes = {}, drawn = 0, dropped = 0;
    nodes.forEach(function (n) {
      if (!shown[n.id] || !pos[n.id]) { return; }
      var r = net.body.nodes[n.id] ? net.body.nodes[n.id].options.size : 10, p = pos[n.id];
      var box = {x1: p.x - r, x2: p.x + r, y1: p.y - r, y2: p.y + r};
      cells(box).forEach(function (c) { (shapes[c] = shapes[c] || []).push(box); });
    });
    function free(box, cs, layers) {
      return !cs.some(function (c) {
        return layers.some(function (g) {
          return (g[c] || []).some(function (o) { return overlap(o, box); });
        });
      });
    }
    items.forEach(function (it) {
      var font = it.kind === "n" ? nodeFont : edgeFont;
      var want = full[it.kind + it.id];
      var keep = true;
      if (drawnAt(font, scale)) {
        var box = it.kind === "n" ? nodeBox(net, it.id, pos[it.id], font, false, it.id === focusId)
          : edgeBox(net, it.id, font, it.bold);
        if (box) {
          var cs = cells(box);
          keep = free(box, cs, it.kind === "n" ? [grid] : [grid, shapes]);
          if (keep) { cs.forEach(function (c) { (grid[c] = grid[c] || []).push(box); }); drawn++; }
          else { dropped++; }
        }
      }
      var key = it.kind + it.id;
      if (Boolean(cleared[key]) === !keep) { return; }
      cleared[key] = !keep;
      // vis keeps an edge's label when given an empty one: a font of size 0 is not drawn (under the
      // drawThreshold).
      if (it.kind === "n") { nodeUpd.push({id: it.id, label: keep ? want : ""}); }
      else { edgeUpd.push({id: it.id, font: {size: keep ? edgeFont.size : 0}}); }
    });
    if (nodeUpd.length) { nodes.update(nodeUpd); }
    if (edgeUpd.length) { edges.update(edgeUpd); }
    document.body.setAttribute("data-pkg-labels", drawn + " drawn, " + dropped + " left out");
    return {drawn: drawn, dropped: dropped};
  }

  return {remember: remember, spread: spread, declutter: declutter};
})();
