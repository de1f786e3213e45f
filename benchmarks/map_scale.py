#!/usr/bin/env python3
"""How does the map scale? ``write_html`` on synthetic graphs of 1k / 5k / 20k nodes, and the browser.

The graphs are shaped like ``pharmakg.graph.network.to_networkx`` makes them (a ``MultiDiGraph`` keyed by
relation; nodes with label, type, aliases, documents, dates, phase; edges with relation, label, documents,
dates, evidence sentences, count, confidence, and payments between companies), with the skew of a real
sector: a few hub companies and targets mentioned by many documents, most entities by one or two. Names
and sentences are invented here (nothing from the corpus).

For each size it prints the CPU and wall time of ``write_html``, the page size, whether the page lays
itself out in the browser (physics) or got positions from Python, and, when a Chromium is found, the wall
time from starting headless Chromium until the page has drawn the map in its final layout (start-up,
parsing, physics for small maps, drawing), plus the same for a one-node page: the browser's fixed cost.

usage: python benchmarks/map_scale.py [--sizes 1000,5000,20000] [--no-browser] [--profile N]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import networkx as nx

from pharmakg.graph.viz import write_html
from pharmakg.graph.viz.layout import static_threshold
from pharmakg.graph.viz.style import load_style

# (type, share of the nodes); the rest of the shape is in _add_edges.
TYPE_SHARES = (
    ("COMPANY", 0.15),
    ("COMPOUND", 0.30),
    ("TARGET", 0.12),
    ("DISEASE", 0.20),
    ("ANTIBODY", 0.08),
    ("PAYLOAD", 0.04),
    ("TECHNOLOGY", 0.03),
    ("TRIAL", 0.08),
)
# (relation, from type, to type, edges per "from" node)
RELATIONS = (
    ("DEVELOPED_BY", "COMPOUND", "COMPANY", 1.0),
    ("TARGETS", "COMPOUND", "TARGET", 1.0),
    ("INDICATION", "COMPOUND", "DISEASE", 1.6),
    ("HAS_PAYLOAD", "COMPOUND", "PAYLOAD", 0.4),
    ("HAS_ANTIBODY", "COMPOUND", "ANTIBODY", 0.3),
    ("LICENSED_TO", "COMPOUND", "COMPANY", 0.2),
    ("USES_TECHNOLOGY", "COMPANY", "TECHNOLOGY", 0.3),
    ("EVALUATES", "TRIAL", "COMPOUND", 1.0),
    ("PARTNER_OF", "COMPANY", "COMPANY", 0.8),
    ("PAYMENT", "COMPANY", "COMPANY", 0.4),
)
WORDS = (
    "the company announced data from a study of patients with advanced disease treated in its program".split()
)


def _skewed(rng: random.Random, items: list[str]) -> str:
    """An item picked with a heavy tail: the first ones (hubs) much more often than the rest."""
    return (
        items[min(int(rng.paretovariate(1.2)) - 1, len(items) - 1)]
        if rng.random() < 0.5
        else rng.choice(items)
    )


def _sentence(rng: random.Random, a: str, b: str) -> str:
    return f"{a} {' '.join(rng.choices(WORDS, k=rng.randint(12, 40)))} {b}."


def synthetic_graph(n_nodes: int, seed: int = 1) -> nx.MultiDiGraph:
    """A projection-shaped graph of about ``n_nodes`` nodes (see the module docstring)."""
    rng = random.Random(seed)
    n_docs = max(10, n_nodes // 2)
    doc_dates = {
        f"release-{i:06d}": f"{2005 + i % 20}-{1 + i % 12:02d}-{1 + i % 28:02d}" for i in range(n_docs)
    }
    docs = list(doc_dates)
    G = nx.MultiDiGraph(document_dates=doc_dates)
    by_type: dict[str, list[str]] = {}
    for etype, share in TYPE_SHARES:
        for i in range(max(1, round(n_nodes * share))):
            node = f"https://example.org/{etype.lower()}/{i}"
            mentioned = sorted({_skewed(rng, docs) for _ in range(1 + int(rng.paretovariate(1.5)))})
            label = f"{etype.title()} {i:05d}"
            G.add_node(
                node,
                label=label,
                type=etype,
                aliases=[f"{label} alias {k}" for k in range(rng.randint(0, 3))],
                documents=mentioned,
                dates=sorted({doc_dates[d] for d in mentioned}),
                phase=rng.choice([None, "Phase 1", "Phase 2", "Phase 3"]) if etype == "COMPOUND" else None,
                phase_date=None,
            )
            by_type.setdefault(etype, []).append(node)
    _add_edges(G, rng, by_type, docs)
    return G


def _add_edges(
    G: nx.MultiDiGraph, rng: random.Random, by_type: dict[str, list[str]], docs: list[str]
) -> None:
    doc_dates = G.graph["document_dates"]
    for relation, src_type, dst_type, per_node in RELATIONS:
        targets = by_type[dst_type]
        for u in by_type[src_type]:
            for _ in range(int(per_node) + (rng.random() < per_node % 1)):
                v = _skewed(rng, targets)
                if u == v:
                    continue
                stated = sorted({_skewed(rng, docs) for _ in range(1 + int(rng.paretovariate(1.5)))})
                attrs = {
                    "relation": relation,
                    "label": relation.replace("_", " ").lower(),
                    "documents": stated,
                    "dates": sorted({doc_dates[d] for d in stated}),
                    "evidence": [_sentence(rng, u, v) for _ in stated[:5]],
                    "count": len(stated),
                    "confidence": round(rng.uniform(0.5, 1.0), 2),
                }
                if relation == "PAYMENT":
                    attrs["amount"] = float(rng.randint(1, 500)) * 1e6
                    attrs["payments"] = [
                        {"kind": "upfront", "amount": attrs["amount"], "document": stated[0]}
                    ]
                G.add_edge(u, v, key=relation, **attrs)


def browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


# Appended to a copy of the page: logs once the map is drawn in its final layout (after physics settled
# and the labels were placed: the page marks that with data-pkg-stable; older pages without the mark are
# timed from the end of physics).
PROBE = (
    "<script>(function () { function drawn() { network.once('afterDrawing', function () {"
    " console.log('PKG-DRAWN ' + Math.round(performance.now())); }); network.redraw(); }"
    " var labelled = typeof pkgLabels !== 'undefined';"
    " function settled() { if (document.body.hasAttribute('data-pkg-stable')) { drawn(); }"
    " else { setTimeout(settled, 20); } }"
    " if (labelled) { settled(); }"
    " else if (pkgPhysics) { network.once('stabilizationIterationsDone', drawn); } else { drawn(); } })();"
    "</script>"
)


def browser_seconds(exe: str, page: Path, work: Path, timeout: float) -> tuple[float, bool]:
    """Wall time from starting headless Chromium on ``page`` until the map is drawn in its final layout.

    Real time, no virtual time budget: start-up, parsing, building vis's DataSets, physics (small
    maps) and the drawing. The browser is stopped as soon as the page logs that it has drawn; returns
    (seconds, True), or (timeout, False) when it did not draw in time.
    """
    text = page.read_text(encoding="utf-8")
    at = text.rfind("</body>")
    probe = page.with_suffix(".probe.html")
    probe.write_text(text[:at] + PROBE + text[at:], encoding="utf-8")
    cmd = [
        exe,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        f"--user-data-dir={work / 'profile'}",
        "--window-size=1200,900",
        "--enable-logging=stderr",
        "--v=0",
        "--remote-debugging-port=0",  # keeps the browser open until we have read the log
        probe.resolve().as_uri(),
    ]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    drawn = False
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            if "PKG-DRAWN" in line:
                drawn = True
                break
        elapsed = time.perf_counter() - start
    finally:
        timer.cancel()
        proc.kill()
        proc.wait()
    return (elapsed if drawn else timeout), drawn


def measure(n: int, work: Path, exe: str | None, timeout: float) -> dict[str, object]:
    G = synthetic_graph(n)
    path = work / f"map-{n}.html"
    cpu, wall = time.process_time(), time.perf_counter()
    write_html(G, path, title=f"{n} nodes")
    row: dict[str, object] = {
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "cpu_s": time.process_time() - cpu,
        "wall_s": time.perf_counter() - wall,
        "mb": path.stat().st_size / 1e6,
        "layout": "python" if G.number_of_nodes() > static_threshold(load_style()) else "physics",
    }
    if exe:
        row["browser_s"], row["stable"] = browser_seconds(exe, path, work, timeout)
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,5000,20000", help="node counts, comma-separated")
    ap.add_argument("--no-browser", action="store_true", help="time write_html only")
    ap.add_argument("--timeout", type=float, default=180.0, help="seconds to wait for the browser")
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="profile write_html at N nodes")
    args = ap.parse_args(argv)
    if args.profile:
        G = synthetic_graph(args.profile)
        with tempfile.TemporaryDirectory() as tmp:
            cProfile.runctx(
                "write_html(G, Path(tmp) / 'p.html')", globals(), {"G": G, "tmp": tmp}, "/tmp/map.prof"
            )
        pstats.Stats("/tmp/map.prof").sort_stats("cumulative").print_stats(30)
        return 0
    exe = None if args.no_browser else browser()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    print(f"browser: {exe or 'none'}; static layout above {static_threshold(load_style())} nodes", flush=True)
    header = f"{'nodes':>7} {'edges':>7} {'layout':>8} {'cpu s':>7} {'wall s':>7} {'MB':>6}"
    print(header + ("  browser s  drawn" if exe else ""), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if exe:
            one = nx.MultiDiGraph()
            one.add_node("x", label="x", type="COMPANY")
            base, _ok = browser_seconds(
                exe, write_html(one, work / "one.html", physics=False), work, args.timeout
            )
            print(f"{'(a one-node page)':>47}  {base:9.1f}", flush=True)
        for n in sizes:
            r = measure(n, work, exe, args.timeout)
            line = f"{r['nodes']:>7} {r['edges']:>7} {r['layout']:>8} {r['cpu_s']:7.2f} {r['wall_s']:7.2f}"
            line += f" {r['mb']:6.1f}"
            if exe:
                line += f"  {r['browser_s']:9.1f}  {'yes' if r['stable'] else 'NO'}"
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
