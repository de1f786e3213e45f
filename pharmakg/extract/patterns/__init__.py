"""Data package: pattern files of the extraction components."""
