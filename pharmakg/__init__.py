"""pharmakg: biopharma press releases in, an RDF knowledge graph of drug pipelines and partnerships out."""

__version__ = "0.1.0"
