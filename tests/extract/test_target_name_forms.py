"""Gene and protein names in the forms releases write them (knowledge_forms.NameForms): a Greek letter for
the Latin letter of the HGNC symbol or for the spelled word of a name, spelled Greek glued to a symbol's
number, a number glued to a word. Invented sentences; the names are those of the generated target table."""

from __future__ import annotations

import pytest

from pharmakg.extract.components.base import read_json
from pharmakg.extract.components.knowledge import DEFAULT_KINDS, DEFAULT_TABLES, KnowledgeMatcher
from pharmakg.extract.components.knowledge_forms import NameForms
from pharmakg.extract.components.knowledge_index import build_index
from pharmakg.ontology.generated import read_generated

LETTERS = read_json("knowledge_context.json")["name_form_greek_letters"]


@pytest.fixture(scope="module")
def matcher() -> KnowledgeMatcher:
    return KnowledgeMatcher(DEFAULT_TABLES, DEFAULT_KINDS, "knowledge_context.json", 0.9)


def targets(matcher: KnowledgeMatcher, text: str) -> set[tuple[str, str]]:
    return {(text[s:e], hit[1].name) for s, e, hit in matcher.accepted(text) if hit[0] == "TARGET"}


def test_the_letter_table_gives_each_letter_its_spelled_word_and_hgnc_latin_letter() -> None:
    rows = {row[0]: (row[1], row[2]) for row in LETTERS}
    assert rows["α"] == ("alpha", "A") and rows["γ"] == ("gamma", "G") and rows["κ"] == ("kappa", "K")
    assert all(len(row) == 3 and len(row[0]) == 1 and len(row[2]) == 1 for row in LETTERS)


def test_a_name_and_the_text_are_put_in_the_same_spelled_form() -> None:
    forms = NameForms(LETTERS)
    assert forms.spelled(("FRα",)) == ("FR", "alpha")
    assert forms.spelled(("MIP", "4alpha")) == forms.spelled(("MIP", "4α")) == ("MIP", "4", "alpha")
    assert forms.spelled(("chemokine7",)) == ("chemokine", "7")
    # symbols keep their glued numbers; words without a letter or number are unchanged
    assert forms.spelled(("CD19",)) == ("CD19",) and forms.spelled(("receptor",)) == ("receptor",)


@pytest.mark.parametrize(
    ("text", "surface", "record"),
    [
        ("Brelford Bio's lead antibody binds IL13Rα2 on glioma cells.", "IL13Rα2", "IL13RA2"),
        ("Its oral PPARγ agonist entered a first study in liver disease.", "PPARγ", "PPARG"),
        ("The antibody neutralizes IFN-γ in the blood of treated animals.", "IFN-γ", "IFNG"),
        ("Quenby Labs markets a TNFα inhibitor for joint pain.", "TNFα", "TNF"),
        ("A once-weekly TNF-alpha blocker was filed last spring.", "TNF-alpha", "TNF"),
        ("Two HIF-2alpha inhibitors of the company reached the clinic.", "HIF-2alpha", "EPAS1"),
        ("The program consists of a CD3ε-directed T cell engager.", "CD3ε", "CD3E"),
        ("The firm's conjugate is an anti-FRα medicine for ovarian tumors.", "FRα", "FOLR1"),
        ("Ridgeway's candidate selectively inhibits PKCθ in T cells.", "PKCθ", "Protein Kinase C-theta"),
    ],
)
def test_a_greek_letter_for_the_latin_letter_of_a_symbol(
    matcher: KnowledgeMatcher, text: str, surface: str, record: str
) -> None:
    assert (surface, record) in targets(matcher, text)


@pytest.mark.parametrize(
    ("text", "surface", "record"),
    [
        ("An antibody of Palmer Biologics neutralises interleukin6 in arthritis.", "interleukin6", "IL6"),
        ("Their fully human antibody targets eotaxin2 in nasal polyps.", "eotaxin2", "CCL24"),
    ],
)
def test_a_number_glued_to_a_protein_word(
    matcher: KnowledgeMatcher, text: str, surface: str, record: str
) -> None:
    assert (surface, record) in targets(matcher, text)


@pytest.mark.parametrize(
    "text",
    [
        "The binding site sits on an α-helix near the membrane.",
        "Insulin release by the β-cell fell in type 2 diabetes.",
        "A type 2 inflammation inhibitor program reported data on gamma delta cells.",
        "The γ-secretase step was measured in the lab; the alpha-beta ratio was stable.",
        "Reviewers praised the protein's stability in covid19 studies.",
        # a Greek letter glued to the end of a longer symbol never names the shorter one ("RORγt" is no RORγ)
        "An RORγt inverse agonist from Thalby Bio was dosed.",
    ],
)
def test_greek_words_that_name_no_table_target(matcher: KnowledgeMatcher, text: str) -> None:
    found = targets(matcher, text)
    assert not found, found


def test_a_text_without_greek_letters_or_glued_numbers_has_no_other_form() -> None:
    forms = NameForms(LETTERS)
    text = "Ardent Bio's EGFR antibody met its primary endpoint."
    words = text.replace("'", " ").replace(".", " ").split()
    spans = []
    pos = 0
    for w in words:
        pos = text.index(w, pos)
        spans.append((pos, pos + len(w)))
        pos += len(w)
    assert forms.text_forms(text, words, spans) == []


def test_only_a_small_share_of_table_names_gets_a_second_form() -> None:
    """The forms add work to the index build only for the target names the trigger finds (a Greek letter, a
    spelled Greek word, a number glued to a word): a small share of the tables. Speed itself is measured by
    benchmarks/extract_speed.py, not by a timed test."""
    forms = NameForms(LETTERS)
    names = [
        name
        for table in DEFAULT_TABLES["TARGET"].split(",")
        for rec in read_generated(table)
        for _, name in rec.names
    ]
    assert len(names) > 50_000
    changed = [forms.spelled(tuple(name.split())) for name in names if forms.name_trigger.search(name)]
    assert 0 < len(changed) < len(names) // 10


def test_the_index_files_a_target_name_under_its_spelled_form() -> None:
    tables = (("TARGET", "targets.tsv"),)
    kinds = (("TARGET", ("alias", "symbol")),)
    index, _ = build_index(tables, kinds, (), (), tuple(tuple(row) for row in LETTERS))
    assert any(hit[1].name == "FOLR1" for hit in index[(True, ("FR", "alpha"))])
