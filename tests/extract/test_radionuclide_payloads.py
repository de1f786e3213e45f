"""Radionuclides as the payloads of radioligands and radiolabelled antibodies: the generated table
(kb/generated/radionuclides.tsv: particle emitters with a usable half-life, from ICRP-107 decay data) and
its reading in radiation or conjugate wording. Sentences invented for these tests (fictional companies and
drugs), whole pipeline."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from contract_view import names, rels, run

from pharmakg.extract.pipeline import Extractor
from pharmakg.ontology import radionuclide_source
from pharmakg.ontology.generated import GENERATED_DIR, read_generated


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


class _Decay(SimpleNamespace):
    def half_life(self, nuclide: str, unit: str) -> float:
        assert unit == "h"
        return float(self.hours[nuclide])


def test_only_particle_emitters_with_a_usable_half_life_are_kept() -> None:
    data = _Decay(
        nuclides=["Lu-177", "At-211", "Ga-68", "Tc-99m", "C-14", "Fe-56", "Bi-213"],
        modes=[["β-"], ["EC", "α"], ["β+", "EC"], ["IT", "β-"], ["β-"], [], ["β-", "α"]],
        bfs=[[1.0], [0.58, 0.42], [0.89, 0.11], [0.99, 0.01], [1.0], [], [0.98, 0.02]],
        hours={"Lu-177": 159.5, "At-211": 7.2, "Ga-68": 1.1, "Tc-99m": 6.0, "C-14": 5.0e7, "Bi-213": 0.76},
    )
    assert radionuclide_source.particle_emitters(data) == [("At", 211), ("Bi", 213), ("Lu", 177)]


def test_a_nuclide_is_named_as_releases_write_it() -> None:
    forms = radionuclide_source.nuclide_names("lutetium", "Lu", 177)
    assert forms == {"name": ["lutetium-177", "lutetium Lu 177"], "symbol": ["Lu-177", "177Lu"]}


def test_the_generated_table_states_its_provenance() -> None:
    path = GENERATED_DIR / "radionuclides.tsv"
    header = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#"))
    assert "# source: PyPI radioactivedecay" in header and "# source: PyPI periodictable" in header
    assert "make tables" in header and "# filter: " in header
    kept = {r.name for r in read_generated("radionuclides.tsv")}
    assert {"lutetium-177", "actinium-225", "iodine-131", "astatine-211", "yttrium-90"} <= kept
    assert not {"gallium-68", "fluorine-18", "indium-111", "carbon-14"} & kept


@pytest.mark.parametrize(
    ("text", "compound", "payload"),
    [
        ("ZB-30 is a radioligand that delivers lutetium-177 to PSMA-positive cells.", "zb30", "lutetium177"),
        ("ZB-31 consists of an anti-CD33 antibody labeled with actinium-225.", "zb31", "actinium225"),
        ("ZB-33 combines a small molecule with the beta-emitting radioisotope Lu-177.", "zb33", "lu177"),
        ("ZB-34 is a 225Ac-labeled peptide that binds SSTR2.", "zb34", "225ac"),
        ("ZB-35 is an iodine-131 labeled antibody against CD20.", "zb35", "iodine131"),
    ],
)
def test_a_radionuclide_in_radioligand_wording_is_the_payload(ex, text, compound, payload) -> None:
    out = run(ex, text)
    assert payload in names(out, "PAYLOAD")
    assert payload not in names(out, "COMPOUND")
    assert (compound, payload) in rels(out, "HAS_PAYLOAD")


def test_an_isotope_before_a_participle_is_no_radioligand_name(ex) -> None:
    out = run(ex, "ZB-34 is a 225Ac-labeled peptide in Phase 1.")
    assert "225aclabeled" not in names(out, "COMPOUND")


def test_a_nuclide_outside_radiation_wording_is_no_payload(ex) -> None:
    out = run(ex, "Helix enrolled the Y-90 cohort of its Phase 2 study of ZB-12 in gout.")
    assert not names(out, "PAYLOAD")
