"""Name folding shared by extraction, cross-document resolution and evaluation.

``fold`` follows the rules of the contract's reference scorer (shared/tools/score.py):
case, dashes and punctuation, Greek letters, legal suffixes and a plural "s" are ignored.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "κ": "kappa", "λ": "lambda"}
LEGAL_SUFFIXES = frozenset(
    {
        "inc",
        "corp",
        "corporation",
        "co",
        "ltd",
        "limited",
        "llc",
        "plc",
        "ag",
        "sa",
        "gmbh",
        "nv",
        "bv",
        "group",
        "the",
        "se",
        "kgaa",
    }
)
_SPLIT = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=1 << 17)  # a build folds the same names again and again (knowledge base, resolution)
def fold(name: str) -> str:
    """A matching key for a name: 'Millennium Pharmaceuticals, Inc.' -> 'millenniumpharmaceutical'."""
    s = unicodedata.normalize("NFKC", str(name)).casefold()
    for g, w in GREEK.items():
        s = s.replace(g, w)
    words = [w for w in _SPLIT.split(s) if w]
    while words and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    while words and words[0] == "the":
        words.pop(0)
    words = [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words]
    return "".join(words)
