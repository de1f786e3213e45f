"""MeSH protein names of the target table (kind ``mesh_protein``): receptor families, complexes and enzymes
that no HGNC row names, read only with target wording (invented records and sentences; real protein names
only where they come from the generated table)."""

from __future__ import annotations

import pytest
from contract_view import names, rels, run

from pharmakg.extract.pipeline import Extractor
from pharmakg.ontology import mesh_proteins
from pharmakg.ontology.generated import GENERATED_DIR, read_generated
from pharmakg.ontology.sources import fold_name


def _zipf(text: str) -> float:
    return 5.0 if text in {"zorbinase"} else 1.0


def _record(name: str, mesh: str, tree: str, **extra: str) -> dict[str, object]:
    return {"name": name, "mesh_id": mesh, "mesh_tree": [tree], **extra}


DICTIONARY: dict[str, dict[str, object]] = {
    "drug_canonical_to_data": {
        "zorbin receptors": _record("Receptors, Zorbin", "D900001", "D12.776.543.750.999"),
        "quaffle complex": _record("Quaffle Complex", "D900002", "D05.500.999"),
        "zorbinase": _record("Zorbinase", "D900003", "D08.811.277.999"),  # a common word (zipf)
        "zorbimab": _record("Zorbimab", "D900004", "D12.776.124.486.999", drugbank_id="DB99999"),  # a drug
        "zorbin antibodies": _record("Antibodies, Zorbin", "D900005", "D12.776.124.486.485.999"),
        "zorbinol": _record("Zorbinol", "D900006", "D02.999", smiles="CCO"),  # a chemical
        "zorbin syndrome": _record("Zorbin Syndrome", "D900007", "D12.776.999"),  # a disease's name
        "zrb7 receptor": _record("ZRB7 Receptor", "D900008", "D12.776.543.999"),  # an HGNC symbol inside
    },
    "drug_variant_to_canonical": {
        "zorbin receptor": ["zorbin receptors"],
        "zorbin receptors": ["zorbin receptors"],
        "receptors, zorbin": ["zorbin receptors"],  # a MeSH inverted form
        "quaffle complex": ["quaffle complex"],
        "zorbinase": ["zorbinase"],
        "zorbimab": ["zorbimab"],
        "zorbin antibodies": ["zorbin antibodies"],
        "zorbinol": ["zorbinol"],
        "zorbin syndrome": ["zorbin syndrome"],
        "zrb7 receptor": ["zrb7 receptor"],
    },
}


# a broad class: more descendant records than MAX_DESCENDANTS ("quaffle kinase", as "tyrosine kinase")
BROAD = {f"quaffle kinase {i}": _record(f"QK{i}", f"D91{i:04}", f"D08.811.277.700.{i}") for i in range(11)}
DICTIONARY["drug_canonical_to_data"] |= {
    "quaffle kinase": _record("Quaffle Kinase", "D910000", "D08.811.277.700")
}
DICTIONARY["drug_canonical_to_data"] |= BROAD
DICTIONARY["drug_variant_to_canonical"] |= {"quaffle kinase": ["quaffle kinase"]}


def test_only_protein_records_without_a_drug_id_give_names() -> None:
    out = mesh_proteins.protein_names(DICTIONARY, _zipf, {"zorbinsyndrome"}, fold_name, {"zrb7"})
    assert out == [
        ("Quaffle Complex", "D900002", ["quaffle complex"]),
        ("Receptors, Zorbin", "D900001", ["zorbin receptor", "zorbin receptors"]),
    ]


def test_the_table_states_its_provenance_and_holds_mesh_protein_names_with_their_mesh_id() -> None:
    path = GENERATED_DIR / "mesh_proteins.tsv"
    header = "\n".join(
        line for line in path.read_text(encoding="utf-8").splitlines()[:20] if line.startswith("#")
    )
    assert "# source: PyPI drug-named-entity-recognition" in header and "licence: MIT" in header
    assert "# filter: " in header and "python -m pharmakg.ontology.sources" in header
    assert path.stat().st_size < 2_500_000
    rows = {
        n: rec
        for rec in read_generated("mesh_proteins.tsv")
        for kind, n in rec.names
        if kind == mesh_proteins.KIND
    }
    assert rows["muscarinic receptor"].identifiers()["mesh"].startswith("D")
    assert "proteasome" in rows
    # a name the HGNC rows give is not repeated; nor a drug's
    assert "transthyretin" not in rows and "insulin" not in rows


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    ("text", "target", "pair"),
    [
        (
            "Qorvex Bio develops QX-11, an antibody directed against the somatostatin receptor.",
            "somatostatinreceptor",
            ("qx11", "somatostatinreceptor"),
        ),
        (
            "Lumira Pharma licensed QX-12, a selective muscarinic receptor agonist, to Brevo Inc.",
            "muscarinicreceptor",
            ("qx12", "muscarinicreceptor"),
        ),
        (
            "Tavor Oncology said TV-3, its oral proteasome inhibitor, enters a new study.",
            "proteasome",
            ("tv3", "proteasome"),
        ),
        (
            "KL-8 binds cannabinoid receptors with high selectivity, Kelvo Therapeutics said.",
            "cannabinoidreceptor",
            ("kl8", "cannabinoidreceptor"),
        ),
    ],
)
def test_a_mesh_protein_name_with_target_wording_is_a_target(ex, text, target, pair) -> None:
    out = run(ex, text)
    assert target in names(out, "TARGET")
    assert pair in rels(out, "TARGETS")


@pytest.mark.parametrize(
    "text",
    [
        "Qorvex Bio measured proteasome activity in blood samples from patients given QX-11.",
        "The muscarinic receptor family was described decades ago, Lumira Pharma noted.",
        "Tavor Oncology studies cannabinoid receptors in the brain.",
    ],
)
def test_a_mesh_protein_name_without_target_wording_is_no_target(ex, text) -> None:
    assert not names(run(ex, text), "TARGET")


def test_a_family_name_before_a_members_number_is_no_mention(ex) -> None:
    out = run(ex, "Galvo Bio develops GV-2, a galectin-3 inhibitor. Galectin Partners Inc. is its licensee.")
    assert "galectin" not in names(out, "TARGET")
