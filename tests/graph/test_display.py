"""Preferred labels by a stated rule (pharmakg.graph.display), without renaming any entity."""

from __future__ import annotations

from pharmakg.graph.display import is_shouting, preferred_label
from pharmakg.graph.resolve import slug


def test_capitals_give_way_to_a_normal_spelling_the_documents_use() -> None:
    names = {"SACITUZUMAB GOVITECAN": (3, 2), "sacituzumab govitecan": (2, 1), "IMMU-132": (1, 1)}
    label = preferred_label("COMPOUND", names)
    assert label == "sacituzumab govitecan"
    assert slug(label) == slug("SACITUZUMAB GOVITECAN")  # the IRI minted from the label stays the same
    # with no other spelling the capitals stay: the label is always a name a document uses
    assert preferred_label("COMPOUND", {"ZELOTUZUMAB": (1, 1)}) == "ZELOTUZUMAB"


def test_acronyms_and_code_names_are_not_shouting() -> None:
    assert not any(is_shouting(n) for n in ("HER2", "AGTC", "IMGN901", "BAY 94-9343", "CD56"))
    assert is_shouting("IMMUNOMEDICS") and is_shouting("SACITUZUMAB GOVITECAN")
    assert preferred_label("TARGET", {"HER2": (5, 5), "her2": (1, 0)}) == "HER2"


def test_a_known_company_gets_its_canonical_spelling() -> None:
    names = {"Jazz Pharmaceuticals plc": (3, 3), "Jazz": (2, 0), "Jazz Pharmaceuticals": (1, 0)}
    assert preferred_label("COMPANY", names) == "Jazz Pharmaceuticals"
    # an unknown company keeps the name most documents use
    assert preferred_label("COMPANY", {"Northwind Bio, Inc.": (2, 2), "Northwind Bio": (1, 1)}) == (
        "Northwind Bio, Inc."
    )


def test_a_compound_is_shown_under_an_inn_then_a_code_name_then_a_brand() -> None:
    from pharmakg.graph.display import compound_kind

    assert [compound_kind(n) for n in ("lorvotuzumab mertansine", "IMGN901", "Kadcyla")] == [
        "INN",
        "code name",
        "brand",
    ]
    names = {"huN901-DM1": (3, 3), "Lorvotuzumab Mertansine": (1, 1), "lorvotuzumab mertansine": (1, 0)}
    assert preferred_label("COMPOUND", names) == "lorvotuzumab mertansine"  # the INN, in lower case
    assert preferred_label("COMPOUND", {"Kadcyla": (4, 4), "T-DM1": (1, 0)}) == "T-DM1"
    assert preferred_label("COMPOUND", {"Kadcyla": (4, 4), "Opdivo": (1, 0)}) == "Kadcyla"


def test_iris_are_minted_from_the_most_used_name_not_the_label_shown() -> None:
    from pharmakg.graph.display import minting_label

    names = {"huN901-DM1": (3, 3), "lorvotuzumab mertansine": (1, 0)}
    assert minting_label(names) == "huN901-DM1" != preferred_label("COMPOUND", names)


def test_a_source_typo_gives_way_to_the_knowledge_base_spelling() -> None:
    from pharmakg.ontology.kb import KB

    kb = KB()
    kb.add_record("TARGET", "PSMA", ["prostate specific membrane antigen", "FOLH1"])
    typo = {"prostrate specific membrane antigen": (3, 3), "PSMA": (1, 0)}
    assert preferred_label("TARGET", typo, kb) == "prostate specific membrane antigen"
    # three letters off is another name, not a typo; an entity the knowledge base does not know keeps it
    far = {"prostrate specifik membrame antigen": (3, 3), "PSMA": (1, 0)}
    assert preferred_label("TARGET", far, kb) == "prostrate specifik membrame antigen"
    unknown = {"prostrate specific membrane antigen": (3, 3)}
    assert preferred_label("TARGET", unknown, kb) == "prostrate specific membrane antigen"
    # short names differ by a letter too often to call it a typo
    kb.add_record("TARGET", "HER3", ["ERBB3"])
    assert preferred_label("TARGET", {"HER2": (2, 2), "ERBB3": (1, 0)}, kb) == "HER2"
