"""Text to statements: the spaCy pipeline over Documents (from pharmakg.ingest) and the Extractions."""
