"""``pharmakg serve``: the graph as a read-only SPARQL 1.1 Protocol endpoint and a query page.

:mod:`~pharmakg.serve.endpoint` runs queries (pyoxigraph, with a time and a row limit),
:mod:`~pharmakg.serve.server` speaks HTTP (standard library), :mod:`~pharmakg.serve.page` draws the page;
:mod:`~pharmakg.serve.push` loads a graph into another server's Graph Store Protocol endpoint.
"""

from pharmakg.serve.endpoint import SparqlService, open_source
from pharmakg.serve.push import push, push_store
from pharmakg.serve.server import SparqlServer, make_server

__all__ = ["SparqlServer", "SparqlService", "make_server", "open_source", "push", "push_store"]
