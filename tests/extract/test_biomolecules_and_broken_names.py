"""Names that are no compounds, on invented sentences: a drug-table name inside an enzyme's name with the
carbon positions it acts on ("serine-3,4-dioxygenase") or before an "-ase" noun ("histidine decarboxylase"),
one naming a receptor's binding site ("an alanine site agonist"), a gene symbol with an isoform letter
("GLUT1a"), and a code found inside one token that closes a bracket it does not open ("14)NH2" of
"[xPTH(1-14)NH2]"). Real product codes and drug names beside them stay compounds."""

from __future__ import annotations

import pytest
from contract_view import names, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    ("text", "substance", "code"),
    [
        (
            "Norvale Therapeutics said NV-201, which acts downstream of serine-3,4-dioxygenase, will enter "
            "trials in gastric cancer.",
            "serine",
            "nv201",
        ),
        (
            "QM-55 restores lysine-2 oxidase activity and will enter a Phase 1 study in liver fibrosis, "
            "Quellmark Inc. said.",
            "lysine",
            "qm55",
        ),
        (
            "Ardenta Pharma's RX-9002 lowers histidine decarboxylase activity in mast cells of patients with "
            "chronic urticaria.",
            "histidine",
            "rx9002",
        ),
        (
            "Veltrane Bio reported that KV-214, a selective alanine site agonist of the NMDA receptor, "
            "improved mood scores in adults with bipolar depression.",
            "alanine",
            "kv214",
        ),
        (
            "Helix Bio's HX-77 occupies the adenosine binding site of its receptor and entered a Phase 2 "
            "trial in Parkinson's disease.",
            "adenosine",
            "hx77",
        ),
    ],
)
def test_a_drug_table_name_in_enzyme_or_binding_site_wording_is_no_compound(
    ex: Extractor, text: str, substance: str, code: str
) -> None:
    found = names(run(ex, text), "COMPOUND")
    assert code in found
    assert not any(n.startswith(substance) for n in found)  # nor a piece such as "serine-3,4"


@pytest.mark.parametrize(
    ("text", "isoform", "code"),
    [
        (
            "Patients who lack the transporter GLUT1a could benefit from ZT-310, Zentara Bio said.",
            "glut1a",
            "zt310",
        ),
        (
            "MX-4410 from Morvent Pharma restores the KCNQ2a channel in infants with epileptic "
            "encephalopathy.",
            "kcnq2a",
            "mx4410",
        ),
        (
            "By raising ABCD2b expression, Lorvane Inc.'s LV-58 may slow adrenoleukodystrophy.",
            "abcd2b",
            "lv58",
        ),
    ],
)
def test_a_gene_symbol_with_an_isoform_letter_is_no_compound(
    ex: Extractor, text: str, isoform: str, code: str
) -> None:
    found = names(run(ex, text), "COMPOUND")
    assert code in found
    assert isoform not in found


@pytest.mark.parametrize(
    ("text", "piece", "whole"),
    [
        (
            "Helix Bio started a Phase 1 trial of [(64)Cu]ZX7 in women with breast cancer; [(64)Cu]ZX7 was "
            "well tolerated.",
            "",
            "",
        ),
        (
            "Quellmark Inc. published data on oral recombinant hormone [xPTH(1-14)NH2] and on QM-90 in "
            "postmenopausal osteoporosis.",
            "14nh2",
            "qm90",
        ),
    ],
)
def test_a_name_closing_a_bracket_it_does_not_open_is_no_compound(
    ex: Extractor, text: str, piece: str, whole: str
) -> None:
    out = run(ex, text)
    found = names(out, "COMPOUND") | names(out, "PAYLOAD") | names(out, "ANTIBODY")
    assert not piece or piece not in found
    assert not any(e["name"].count(")") > e["name"].count("(") for e in out["entities"])
    if whole:
        assert whole in found


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        ("Adenosine was given to each patient as a pharmacologic stress agent before imaging.", "adenosine"),
        ("Korvane Pharma compared KX-12 (KX-12b) with placebo in a Phase 3 trial in gout.", "kx12"),
        (
            "Patients on histidine showed injection site reactions in the Phase 2 study of Helix Bio.",
            "histidine",
        ),
    ],
)
def test_drug_names_outside_such_wording_stay_compounds(ex: Extractor, text: str, drug: str) -> None:
    assert drug in names(run(ex, text), "COMPOUND")
