"""Text to statements: ingest files into Documents, run the spaCy pipeline, assemble Extractions."""
