"""How a table name is written where the knowledge matcher (components/knowledge.py) finds it: a drug code
written as a code, a symbol spaced as releases write it, a virus named with its head word, an eponym's
possessive, a disease negated by "non-", an entry term clipped from its descriptor's name."""

from __future__ import annotations

import re

from pharmakg.extract.components.knowledge_index import CASE_SENSITIVE_KINDS
from pharmakg.ontology.generated import KnowledgeRecord

# the kind of a drug's code names (AT-100, DS-8201a), and the letters of a name
CODE_KIND = "code"
_LETTERS_ONLY = re.compile(r"[^A-Za-z]+")
_WORD = re.compile(r"[^\W_]+")
_SPACES = re.compile(r"\s+")


def code_written(surface: str, rec: KnowledgeRecord) -> bool:
    """Whether a drug's code name is written as a code, not as ordinary words: "AT-100", "AT 100", "XmAb14045"
    (the index matches codes in any case, so that their case, joiners and spacing may vary), but not
    "at 100" nor, unless the table writes it so, "At 100". Every code of the drug table has a capital."""
    letters = _LETTERS_ONLY.sub("", surface)
    if not letters or letters.islower():
        return not letters
    if letters[0].isupper() and (len(letters) == 1 or letters[1:].islower()):
        return any(_LETTERS_ONLY.sub("", name) == letters for kind, name in rec.names if kind == CODE_KIND)
    return True


def spaced_unlike_symbol(surface: str, rec: KnowledgeRecord) -> bool:
    """Whether a symbol form written with a space is not the symbol itself in its own capitals: "JAK 1" of
    JAK1 is (a space before the number, as some releases write it), "her 4" and "Jak 1" are not."""
    if not any(c.isspace() for c in surface):
        return False
    letters = _SPACES.sub("", surface)
    return surface.count(" ") != 1 or not any(
        name == letters for kind, name in rec.names if kind in CASE_SENSITIVE_KINDS
    )


def virus_written(text: str, stem: str) -> bool:
    """Whether the text names the virus with its head word somewhere ("Zika virus", "chikungunya virus")."""
    words = r"[\s-]+".join(re.escape(w) for w in _WORD.findall(stem))
    return re.search(rf"(?<![\w-]){words}[\s-]+virus\b", text, re.IGNORECASE) is not None


# an eponym's possessive with no noun after it ("in Alzheimer's", "Parkinson's patients", "Huntington's."),
# the noun a disease name would have ("Alzheimer's disease") being read by the whole name
# nor a capitalised noun ("the Alzheimer's Association", "Parkinson's Research": an organisation's name)
POSSESSIVE_ALONE = re.compile(
    r"['’]s(?![\w'’-])(?!\s+(?:[Dd]isease|[Ss]yndrome|[Dd]isorder|[Dd]ementia)\b)(?!\s+(?!Patients\b)[A-Z][a-z])"
)


# a disease name negated by "non-" before it ("non-cystic fibrosis bronchiectasis"): no mention of it
NEGATED = re.compile(r"(?<![\w-])[Nn]on[- ]$")


def clipped(surface: str, name: str) -> bool:
    """A short entry term that is the clipped first word of its descriptor's name, no initialism ("polio" of
    Poliomyelitis, "acne" of Acne Vulgaris); not a singular of it ("wart" of Warts, "bite" of Bites)."""
    s, first = surface.lower(), name.split()[0].strip(",").lower()
    return len(s) >= 4 and s.isalpha() and first.startswith(s) and first not in (s + "s", s + "es")


def possessive_s(text: str, start: int, word: str) -> bool:
    """The "s" of "Crohn's disease": left out of the word run, so that the table's "Crohn Disease" matches."""
    return word == "s" and start >= 2 and text[start - 1] in "'’" and text[start - 2].isalpha()
