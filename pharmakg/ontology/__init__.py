"""Terms, namespaces and lexicons (as data files) of pharmakg."""

from pathlib import Path

ONTOLOGY_DIR = Path(__file__).parent
LEXICON_DIR = ONTOLOGY_DIR / "lexicons"
