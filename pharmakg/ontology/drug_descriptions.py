"""Names of the drug dictionary that describe a drug instead of naming it, left out of the generated drug
table (``make tables``): ANNOTATION.md, a compound needs a code name, an INN or a brand.

* by its target: "anti-cd3", "anti-bcma car t cell", wording press releases use for many drugs;
* cells by their kind or origin: "allogeneic natural killer cells", "human amniotic epithelial cells",
  "neoantigen specific tcr-t cell therapy", which releases write for the cells a therapy is made of or acts
  on. A name with a digit ("nk-92 cells", "cd34+ cells") may be a cell line's or a product's, and a singular
  "cell" ends brands ("doxo-cell", "bleo cell"): both stay.
"""

from __future__ import annotations

import re

BY_TARGET = re.compile(r"^anti-", re.IGNORECASE)
OF_CELLS = re.compile(r"^[^0-9]*(?:[\s-]cells|[\s-]cells?\s+(?:therap(?:y|ies)|vaccines?))$", re.IGNORECASE)

FILTERS = [
    "no name that describes a drug by its target ('anti-cd3', 'anti-bcma car t cell')",
    "no name that describes cells by their kind or origin, without a digit ('allogeneic natural killer "
    "cells', 'neoantigen specific tcr-t cell therapy'): a description is no product's name",
]


def describes(name: str) -> bool:
    """Whether a drug's name is a description, not a name (see the module doc)."""
    return bool(BY_TARGET.match(name) or OF_CELLS.match(name))
