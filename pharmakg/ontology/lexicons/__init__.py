"""Data package: lexicon TSV files (see README.md)."""
