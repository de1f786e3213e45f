"""Names of code shape that are no products, on invented sentences: a gene symbol written with a hyphen
("ROR-1" for ROR1, "GPC-3" for GPC3) names the gene, and a scale's abbreviation in parentheses before "total
score" names the scale; real product codes beside them stay compounds."""

from __future__ import annotations

import pytest
from contract_view import names, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    ("text", "gene", "code"),
    [
        (
            "Veltrane Bio said its bispecific KV-214 pairs a ROR-1 binding arm with a T-cell engager and "
            "entered the clinic in March.",
            "ror1",
            "kv214",
        ),
        (
            "In liver tumours GPC-3 is abundant on the cell surface, which is why Norvale Therapeutics "
            "designed NV-3017 around it.",
            "gpc3",
            "nv3017",
        ),
        (
            "Quellmark Inc. will present preclinical data on QM-55, an agent which lowers FGF-21 in "
            "obese mice.",
            "fgf21",
            "qm55",
        ),
        (
            "The oral TLR-7 agonist RX-9002 from Ardenta Pharma was well tolerated in healthy volunteers.",
            "tlr7",
            "rx9002",
        ),
    ],
)
def test_a_gene_symbol_with_a_hyphen_is_no_compound(ex: Extractor, text: str, gene: str, code: str) -> None:
    found = names(run(ex, text), "COMPOUND")
    assert code in found
    assert gene not in found


@pytest.mark.parametrize(
    "text",
    [
        "OR-512 lowered the Pain Interference Inventory (PII-8) total score more than placebo did.",
        "Patients on OR-512 improved on the Sleep Quality Scale (SQS-14) total scores at week 12.",
        "At week 8, the change from baseline in the Fatigue Severity Inventory (FSI-20) score "
        "favoured OR-512.",
    ],
)
def test_a_scale_abbreviation_before_its_score_is_no_compound(ex: Extractor, text: str) -> None:
    assert names(run(ex, text), "COMPOUND") == {"or512"}


def test_a_code_that_is_no_gene_stays_a_compound(ex: Extractor) -> None:
    out = run(ex, "Brightwell Biosciences dosed the first patient with BW-40 (a CD-47 blocker) in Phase 1.")
    found = names(out, "COMPOUND")
    assert "bw40" in found
    assert "cd47" not in found
