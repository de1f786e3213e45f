"""Broader disease mentions join the named indication they stand beside (annotation Conventions), on
sentences written for these tests."""

from __future__ import annotations

import pytest
from contract_view import groups, run

from pharmakg.extract.pipeline import Extractor
from pharmakg.model import Document
from pharmakg.names import fold


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def diseases(ex: Extractor, text: str) -> list[set[str]]:
    return groups(run(ex, text), "DISEASE")


def test_solid_tumors_beside_a_named_cancer_is_an_alias(ex):
    found = diseases(
        ex, "HX-12 is in a Phase 1 trial in advanced solid tumors, including non-small cell lung cancer."
    )
    assert len(found) == 1
    assert {"solidtumor", "nonsmallcelllungcancer"} <= found[0]


def test_hematologic_malignancies_join_a_leukemia(ex):
    found = diseases(ex, "Talbumab is developed for hematologic malignancies such as acute myeloid leukemia.")
    assert len(found) == 1
    assert "acutemyeloidleukemia" in found[0]


def test_a_broad_class_never_joins_a_disease_outside_it(ex):
    found = diseases(ex, "KT-5 is being tested in hematologic malignancies and in gastric cancer.")
    assert len(found) == 2


def test_other_solid_tumors_are_broader_too(ex):
    found = diseases(ex, "ZB-7 is approved for ovarian cancer and is being studied in other solid tumors.")
    assert len(found) == 1
    assert "ovariancancer" in found[0]


def test_a_bare_head_joins_the_disease_of_its_head(ex):
    found = diseases(
        ex,
        "HX-12 is approved for relapsed mantle cell lymphoma. Lymphoma is a cancer of the lymphatic system. "
        "ZB-4 is studied in leukemias.",
    )
    assert len(found) == 2
    assert any({"mantlecelllymphoma", "lymphoma"} <= names for names in found)
    assert {"leukemia"} in found


def test_a_broad_class_alone_is_the_indication(ex):
    found = diseases(ex, "Helix started a Phase 1 study of HX-44 in patients with advanced solid tumors.")
    assert found == [{"solidtumor", "advancedsolidtumor"}]


def test_a_broad_class_that_is_no_indication_is_a_therapy_area(ex):
    found = diseases(
        ex,
        "Helix Pharmaceuticals is a biotechnology company focused on hematologic malignancies. "
        "HX-12 is in a Phase 1 trial in advanced solid tumors.",
    )
    assert found == [{"solidtumor", "advancedsolidtumor"}]


def test_a_shorter_name_of_one_named_disease_is_an_alias(ex):
    found = diseases(
        ex,
        "Helix will develop HX-12 for the treatment of non-small cell lung cancer. "
        "Orion will co-develop HX-12 in lung cancer in Japan.",
    )
    assert len(found) == 1
    assert {"nonsmallcelllungcancer", "lungcancer"} <= found[0]


def test_small_cell_is_no_shorter_name_of_non_small_cell(ex):
    found = diseases(ex, "HX-12 is tested in non-small cell lung cancer and in small cell lung cancer.")
    assert len(found) == 2


def test_a_shorter_name_of_two_diseases_stays_apart(ex):
    found = diseases(
        ex,
        "HX-12 is tested in triple-negative breast cancer and in inflammatory breast cancer. "
        "ZB-4 is approved for breast cancer.",
    )
    assert len(found) == 3


def indications(ex: Extractor, text: str) -> set[tuple[str, str]]:
    out = ex.extract_one(Document("t", "t", text, meta={})).to_contract()
    by = {e["id"]: e["name"] for e in out["entities"]}
    return {(by[r["subject"]], by[r["object"]]) for r in out["relations"] if r["type"] == "INDICATION"}


def test_a_disease_said_as_an_indication_goes_to_the_compound_before(ex):
    found = indications(
        ex,
        "Helix reported new data for HX-12 today. The Phase 2 trial enrolled 40 patients with relapsed "
        "multiple myeloma.",
    )
    assert ("HX-12", "multiple myeloma") in found


def test_a_disease_described_after_a_compound_is_no_indication(ex):
    found = indications(
        ex,
        "HX-12 is developed for gastric cancer. ZB-4 is developed for melanoma. Multiple myeloma is a cancer "
        "of plasma cells that affects 30,000 people each year.",
    )
    assert found == {("HX-12", "gastric cancer"), ("ZB-4", "melanoma")}


def test_an_orphan_disease_goes_to_the_sole_compound_with_indications(ex):
    text = (
        "Helix will develop HX-12 for the treatment of gastric cancer. Helix plans a broad program. "
        "Helix opened new offices in Boston. Its staff grew by 20 people. "
        "A second study will enroll patients with esophageal cancer."
    )
    assert ("HX-12", "esophageal cancer") in {(c, d.lower()) for c, d in indications(ex, text)}


def test_an_orphan_disease_said_without_indication_wording_is_not_the_sole_compounds(ex):
    # a company's focus area or a background remark names no indication of the compound
    text = (
        "Helix will develop HX-12 for the treatment of gastric cancer. Helix plans a broad program. "
        "Esophageal cancer remains a major unmet need in Asia."
    )
    assert ("HX-12", "esophageal cancer") not in {(c, d.lower()) for c, d in indications(ex, text)}


def test_an_orphan_disease_stays_unattached_beside_two_compounds(ex):
    text = (
        "Helix will develop HX-12 for the treatment of gastric cancer. ZB-4 is developed for the treatment "
        "of melanoma. Helix plans a broad program. Esophageal cancer remains a major unmet need in Asia."
    )
    assert not any(d.lower() == "esophageal cancer" for _, d in indications(ex, text))


@pytest.mark.parametrize(
    "text",
    [
        "Velmora Bio has begun dosing ZQ-301 in a Phase 1 study enrolling adults with solid tumours and "
        "haematological malignancies.",
        "TRX-88 will be tested in hematologic malignancies and in advanced solid tumors, Tervana "
        "Therapeutics said.",
        "Patients with solid tumors or blood cancers may enrol in the KESTREL study of NX-5.",
    ],
)
def test_two_broad_classes_side_by_side_stay_two_diseases(ex, text):
    # a name made of broad-class words alone ("hematological malignancies", found by the MeSH table) is no
    # narrower disease that "solid tumors" could be a broader mention of
    found = diseases(ex, text)
    assert len(found) == 2
    broad = {"solidtumor", "advancedsolidtumor", "solidtumour"}
    assert not any(names & broad and names - broad for names in found)


def test_a_broad_class_still_joins_the_specific_disease_beside_a_second_broad_class(ex):
    found = diseases(
        ex, "ZQ-301 is studied in solid tumours such as gastric cancer and in haematological malignancies."
    )
    assert any({"solidtumour", "gastriccancer"} <= names for names in found)
    assert any("haematologicalmalignancie" in names and "gastriccancer" not in names for names in found)


@pytest.mark.parametrize(
    ("text", "broad", "example"),
    [
        (
            "Tessaly Therapeutics tests TS-9 in pediatric brain tumors (e.g., glioblastoma) at three sites.",
            "brain tumors",
            "glioblastoma",
        ),
        (
            "Rellian Bio has dosed TQ-480 in adults with rare bone disorders (for example, osteogenesis "
            "imperfecta).",
            "bone disorders",
            "osteogenesis imperfecta",
        ),
        (
            "OG-21 from Ostrava Genetics is being studied in inherited retinal diseases (including retinitis "
            "pigmentosa).",
            "retinal diseases",
            "retinitis pigmentosa",
        ),
    ],
)
def test_a_parenthesis_of_examples_names_no_alias(ex, text, broad, example):
    # "X (e.g., Y)": Y is an example of X, another disease, not another name of X
    found = diseases(ex, text)
    assert any(fold(example) in names and fold(broad) not in names for names in found)


def test_a_parenthesis_without_an_example_word_still_names_an_alias(ex):
    found = diseases(ex, "Helmar Pharma's HX-7 is developed for idiopathic pulmonary fibrosis (IPF).")
    assert found == [{"idiopathicpulmonaryfibrosi", "ipf"}]
