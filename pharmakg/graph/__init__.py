"""Statements to RDF: mapping, stores, SPARQL query library, NetworkX projection, visualization."""
