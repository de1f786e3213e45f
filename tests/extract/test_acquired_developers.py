"""After a closed acquisition the acquirer develops the acquired company's compounds, wherever the document
names them (relations/acquired_developers.py); an agreement to acquire gives nothing yet. Invented texts."""

from __future__ import annotations

import pytest
from contract_view import rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    "text",
    [
        "Orbital Bio today announced that it has completed its acquisition of Helix Pharmaceuticals. Helix's "
        "lead candidate, ZB-12, is in Phase 2 for gout.",
        "Orbital Bio today announced that it has completed its acquisition of Helix Pharmaceuticals. "
        "Helix is developing ZB-12, a Phase 2 URAT1 inhibitor for gout.",
        "Orbital Bio today announced that it has acquired Helix Pharmaceuticals.\n\nAbout Helix "
        "Pharmaceuticals\nHelix Pharmaceuticals is a clinical-stage company developing ZB-12 for gout.",
        "Helix Pharmaceuticals, which was acquired by Orbital Bio in 2020, today announced Phase 2 data. "
        "Helix's ZB-12 met its primary endpoint in gout.",
    ],
)
def test_the_acquirer_develops_what_the_acquired_company_develops(ex: Extractor, text: str) -> None:
    out = rels(run(ex, text), "DEVELOPED_BY")
    assert {("zb12", "helixpharmaceutical"), ("zb12", "orbitalbio")} <= out


@pytest.mark.parametrize(
    "text",
    [
        "Orbital Bio today announced a definitive agreement to acquire Helix Pharmaceuticals. Helix is "
        "developing ZB-12, a Phase 2 URAT1 inhibitor for gout.",
        "Helix Pharmaceuticals today announced Phase 2 data. Helix's ZB-12 met its primary endpoint in gout. "
        "Helix is expected to be acquired by Orbital Bio later this year.",
    ],
)
def test_an_acquisition_not_yet_closed_gives_nothing(ex: Extractor, text: str) -> None:
    assert ("zb12", "orbitalbio") not in rels(run(ex, text), "DEVELOPED_BY")
