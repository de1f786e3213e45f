"""The interactive map: a NetworkX projection of the graph written as one offline HTML page.

The package, one idea per module:

- :mod:`~pharmakg.graph.viz.filters`: what is drawn: :func:`map_graph` (a view of the knowledge graph,
  dated, filtered) and :func:`filter_graph` (entity types, a company's neighbourhood, a date range,
  technology hubs left out);
- :mod:`~pharmakg.graph.viz.payments`: a payment edge's label, its amounts by kind ("$2M milestone");
- :mod:`~pharmakg.graph.viz.elements`: the vis-network node and edge dicts, styled through
  :mod:`~pharmakg.graph.viz.style` (``style.json``, keyed by the schema's style keys), with tooltips
  from :mod:`~pharmakg.graph.viz.tooltips` (document text escaped there);
- :mod:`~pharmakg.graph.viz.layout`: vis-network options and a layout in Python for big maps;
- :mod:`~pharmakg.graph.viz.legend`: the legend and header controls as data;
- :mod:`~pharmakg.graph.viz.page`: the page, rendered from ``templates/map.html.j2`` with vis-network
  and the page's scripts (``assets/labels.js``: labels that never overlap; ``assets/map.js``: filters,
  search, focus) and styles (``assets/map.css``) inlined;
- :mod:`~pharmakg.graph.viz.notebook`: :func:`to_pyvis`, the same map as a pyvis network (optional extra).

In the page, the legend's checkboxes hide entity and relation types, two date inputs keep the facts of
documents in a range, and the search box with its depth menu shows only the neighbourhood of a name. The
page state lives in the URL fragment (``map.html#types=COMPANY,COMPOUND&since=2010-01-01&focus=ImmunoGen
&depth=1``) so a view can be bookmarked or shared, and tests can drive the filters.
"""

from pharmakg.graph.analytics import find_nodes
from pharmakg.graph.views import VIEWS
from pharmakg.graph.viz.attributes import edge_dates
from pharmakg.graph.viz.filters import (
    add_document_dates,
    document_dates,
    filter_graph,
    map_graph,
    neighbourhood,
    technology_hubs,
)
from pharmakg.graph.viz.layout import STATIC_LAYOUT_THRESHOLD, static_layout, static_threshold
from pharmakg.graph.viz.notebook import to_pyvis
from pharmakg.graph.viz.page import REMOTE_REFERENCE, render_html, write_html
from pharmakg.graph.viz.style import STYLE_PATH, load_style

__all__ = [
    "REMOTE_REFERENCE",
    "STATIC_LAYOUT_THRESHOLD",
    "STYLE_PATH",
    "VIEWS",
    "add_document_dates",
    "document_dates",
    "edge_dates",
    "filter_graph",
    "find_nodes",
    "load_style",
    "map_graph",
    "neighbourhood",
    "render_html",
    "static_layout",
    "static_threshold",
    "technology_hubs",
    "to_pyvis",
    "write_html",
]
