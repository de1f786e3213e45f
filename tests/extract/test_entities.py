"""Entity half of the spaCy pipeline: sentences, lexicon/shape/cue recognition, alias grouping.

Fixture sentences are written for these tests (not copied from the corpus).
"""

from __future__ import annotations

import pytest
import spacy

from pharmakg.extract.components import ENTITY_PIPES
from pharmakg.names import fold


@pytest.fixture(scope="module")
def nlp() -> spacy.Language:
    nlp = spacy.blank("en")
    for name in ENTITY_PIPES:
        nlp.add_pipe(name)
    return nlp


def run(nlp: spacy.Language, text: str, skip: list[tuple[int, int, str]] | None = None) -> spacy.tokens.Doc:
    doc = nlp.make_doc(text)
    doc._.pkg_skip = skip or []
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def ents(doc) -> dict[tuple[str, str], list[str]]:
    """(type, name) -> aliases."""
    return {(e.type, e.name): e.aliases for e in doc._.pkg_entities}


def names_of(doc, typ: str) -> set[str]:
    out = set()
    for e in doc._.pkg_entities:
        if e.type == typ:
            out |= {fold(e.name), *(fold(a) for a in e.aliases)}
    return out


def test_code_name_shapes(nlp):
    doc = run(nlp, "Zeta Bio dosed ABC123 and XY-4521b, while QRS 12-3456 and KLM-CD19A entered Phase 1.")
    comps = names_of(doc, "COMPOUND")
    assert {"abc123", "xy4521b", "qrs123456", "klmcd19a"} <= comps


def test_conjugate_and_antibody(nlp):
    doc = run(
        nlp, "huK77-DM4 comprises the huK77 antibody and the DM4 payload. Zumab-MMAE is also in testing."
    )
    e = ents(doc)
    assert ("COMPOUND", "huK77-DM4") in e
    assert ("ANTIBODY", "huK77") in e
    assert ("PAYLOAD", "DM4") in e
    compound = next(x for x in doc._.pkg_entities if x.name == "huK77-DM4")
    assert compound.attrs == {"antibody": "huK77", "payload": "DM4"}


def test_inn_stems(nlp):
    doc = run(
        nlp,
        "Patients received felzumab vedotin, then tovetinib and a course of velarimod. Felzumab alone was "
        "not tested.",
    )
    comps = names_of(doc, "COMPOUND")
    assert {"felzumabvedotin", "tovetinib", "velarimod"} <= comps
    inn = next(x for x in doc._.pkg_entities if x.name == "felzumab vedotin")
    assert "Felzumab" in inn.aliases  # the naked antibody word alone is the same drug


def test_non_codes_excluded(nlp):
    text = (
        "The Company filed a Form 8-K under Rule 14a-12 (17 CFR 240.14a-12) in Q1 FY2007. "
        "Call (617) 555-0100 or write to Boston, MA 02139. HER2 and CD33 are targets."
    )
    doc = run(nlp, text)
    assert names_of(doc, "COMPOUND") == set()
    assert {"her2", "cd33"} <= names_of(doc, "TARGET")


def test_target_cues(nlp):
    doc = run(nlp, "XYZ-100 is a QPR7-targeting conjugate; anti-LMN3 antibodies bind LMN3+ cells.")
    assert {"qpr7", "lmn3"} <= names_of(doc, "TARGET")


def test_disease_coordination_and_base_forms(nlp):
    doc = run(
        nlp,
        "The drug is tested in bladder, renal and other urothelial cancers, in pancreatic and "
        "prostate cancer, and in relapsed small-cell lung cancer. Small-cell lung cancer is common.",
    )
    e = ents(doc)
    diseases = {name for typ, name in e if typ == "DISEASE"}
    assert {
        "bladder cancers",
        "renal cancers",
        "urothelial cancers",
        "pancreatic cancer",
        "prostate cancer",
        "small-cell lung cancer",
    } <= diseases
    assert "relapsed small-cell lung cancer" in e[("DISEASE", "small-cell lung cancer")]


def test_target_modified_disease(nlp):
    doc = run(nlp, "It treats CD38-expressing multiple myeloma and HER2-positive gastric cancer.")
    # a target expressed by the tumour is read; a biomarker status ("HER2-positive") is none (conventions)
    assert "cd38" in names_of(doc, "TARGET") and "her2" not in names_of(doc, "TARGET")
    assert {"multiplemyeloma", "gastriccancer"} <= names_of(doc, "DISEASE")


def test_parenthesis_slash_formerly_aliases(nlp):
    text = (
        "Novagen (formerly Oldgen) licensed borozumab mertansine (huR12-DM1) and QX-101/ZZ-7. "
        "Borozumab mertansine targets the prostatic surface membrane antigen (PSMA). "
        "Novagen Pharmaceuticals, Inc. said Novagen's partner agreed."
    )
    doc = run(nlp, text)
    companies = [x for x in doc._.pkg_entities if x.type == "COMPANY"]
    assert len(companies) == 1 and {"oldgen", "novagen"} <= names_of(doc, "COMPANY")
    inn = next(x for x in doc._.pkg_entities if fold(x.name) == "borozumabmertansine")
    assert "huR12-DM1" in inn.aliases and "Borozumab mertansine" in inn.aliases
    slash = next(x for x in doc._.pkg_entities if x.name == "QX-101")
    assert "ZZ-7" in slash.aliases and "QX-101/ZZ-7" in slash.aliases
    # an abbreviation the lexicon knows, defined by a long form it does not: the long form is learned
    psma = next(x for x in doc._.pkg_entities if x.type == "TARGET")
    assert {psma.name, *psma.aliases} == {"PSMA", "prostatic surface membrane antigen"}


def test_case_variants_group(nlp):
    doc = run(nlp, "huB12-DM1 is in Phase 1. HuB12-DM1 is wholly owned.")
    e = ents(doc)
    assert e[("COMPOUND", "huB12-DM1")] == ["HuB12-DM1"]


def test_company_cues_and_stop_list(nlp):
    text = (
        "Quillon Biotherapeutics and Marrow Labs AG (Nasdaq: MRRW) will present at ASCO; "
        "the FDA and Nasdaq are not companies. Marrow Labs paid Centocor (Johnson & Johnson)."
    )
    doc = run(nlp, text)
    cos = names_of(doc, "COMPANY")
    assert {"quillonbiotherapeutic", "marrowlab", "centocor", "johnsonjohnson"} <= cos
    assert not cos & {"fda", "nasdaq", "asco"}


def test_trials(nlp):
    doc = run(
        nlp,
        "Results from Study 004 and the pivotal HARBOR trial (NCT01234567) were positive. HARBOR met "
        "its endpoint.",
    )
    assert {"study004", "harbor", "nct01234567"} <= names_of(doc, "TRIAL")


def test_sentences_hard_wrapped_and_abbreviations(nlp):
    text = (
        "Acme Corp. and Beta Inc. reported a loss of $4.6 million. Dr. Roe, Ph.D., said the U.S.\n"
        "study will continue through the end of the\n"
        "year in patients.\n\nAbout Acme\nAcme develops drugs.\n• A bullet line\n• Another bullet"
    )
    doc = run(nlp, text)
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Acme Corp. and Beta Inc. reported a loss of $4.6 million."
    assert sents[1].startswith("Dr. Roe, Ph.D., said the U.S.") and sents[1].endswith("in patients.")
    assert "About Acme" in sents and "Acme develops drugs." in sents
    assert "• A bullet line" in sents and "• Another bullet" in sents


def test_nothing_inside_skip_spans(nlp):
    text = "Zeta Bio licensed ABC123. Safe harbor: Omega Pharmaceuticals, Inc. may develop XYZ987."
    cut = text.index("Safe harbor")
    doc = run(nlp, text, skip=[(cut, len(text), "safe-harbor")])
    assert all(sp.end_char <= cut for sp in doc.ents)
    assert "xyz987" not in names_of(doc, "COMPOUND") and "abc123" in names_of(doc, "COMPOUND")
    assert "omegapharmaceutical" not in names_of(doc, "COMPANY")
    assert any(t.is_sent_start for t in doc if t.idx == cut)


def test_mention_index(nlp):
    doc = run(nlp, "Zeta Bio dosed ABC123. ABC123 is safe.")
    for sp in doc.ents:
        assert sp._.pkg_entity_id == doc._.pkg_mention_entity[(sp.start_char, sp.end_char)]
    abc = [sp for sp in doc.ents if sp.text == "ABC123"]
    assert len(abc) == 2 and abc[0]._.pkg_entity_id == abc[1]._.pkg_entity_id
