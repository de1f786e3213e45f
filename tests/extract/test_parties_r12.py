"""Session-12 reading of the parties of a release (issue 9) on invented sentences: who a short name stands
for, who holds a licence's development rights, who is granted rights."""

from __future__ import annotations

import pytest
from contract_view import groups, rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_a_deal_short_name_is_the_company_written_with_and_without_its_suffix(ex: Extractor) -> None:
    out = run(
        ex,
        "Quintor Discovery Inc. today announced a collaboration with Orbital Pharmaceuticals. Under the "
        "collaboration with Quintor, Quintor Discovery brings its screening library.",
    )
    quintor = [g for g in groups(out, "COMPANY") if "quintor" in g]
    assert len(quintor) == 1 and "quintordiscovery" in quintor[0]
